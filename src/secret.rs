//! A string that must never be printed: auth tokens, passwords, 2FA codes.
//!
//! `Debug` is redacted and there is no `Display`, so a secret cannot reach a log
//! line, an error message or `{:?}` by accident. The only way to read it is
//! [`Secret::expose`], called where the HTTP header is built.

use std::fmt;

/// A secret value with redacted formatting.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The plain value. Call it only where the secret leaves the process.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("9HqLlyZOugoStsXCUfD");
        assert_eq!(format!("{secret:?}"), "Secret([redacted])");
        assert!(!format!("{:?}", Some(&secret)).contains("9HqL"));
    }
}
