//! The secrets a client has seen, cut out of whatever the server says back
//! (docs/contract.md §6.4: "a token is never printed even when the server
//! echoes it back in an error").
//!
//! The client learns its auth token, a login's password and two-factor code,
//! and every integration `token` it sends or receives; each [`ApiError`] it
//! returns passes through [`KnownSecrets::redact`], so no later layer has to
//! remember which text came from the server.
//!
//! [`ApiError`]: super::ApiError

use std::collections::HashSet;
use std::sync::{PoisonError, RwLock};

use serde_json::{Map, Value};

use super::REDACTED;
use crate::secret::Secret;

/// Every secret known to one client, shared by its worker threads. A set: a
/// listing of thousands of integrations adds a token each.
#[derive(Default)]
pub struct KnownSecrets(RwLock<HashSet<String>>);

impl std::fmt::Debug for KnownSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KnownSecrets([redacted])")
    }
}

impl KnownSecrets {
    pub fn add(&self, secret: &Secret) {
        self.add_text(secret.expose());
    }

    /// Remembers the `token` of an integration document or create body (a
    /// listing's every document: no copy of the token is made to do it).
    pub fn add_token_of(&self, object: &Map<String, Value>) {
        if let Some(Value::String(token)) = object.get("token") {
            self.add_text(token);
        }
    }

    fn add_text(&self, secret: &str) {
        if secret.is_empty() {
            return;
        }
        let mut secrets = self.0.write().unwrap_or_else(PoisonError::into_inner);
        if !secrets.contains(secret) {
            secrets.insert(secret.to_owned());
        }
    }

    /// `text` with every known secret replaced by `[redacted]`, longest first,
    /// so a secret that contains another is cut whole.
    pub fn redact(&self, text: &str) -> String {
        let secrets = self.0.read().unwrap_or_else(PoisonError::into_inner);
        let mut found: Vec<&str> = secrets
            .iter()
            .map(String::as_str)
            .filter(|secret| text.contains(secret))
            .collect();
        if found.is_empty() {
            return text.to_owned();
        }
        found.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
        found.into_iter().fold(text.to_owned(), |text, secret| {
            text.replace(secret, REDACTED)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_secret_is_cut_and_nothing_else() {
        let secrets = KnownSecrets::default();
        secrets.add(&Secret::new("9HqLlyZOugoStsXCUfD"));
        secrets.add(&Secret::new("hunter2"));
        secrets.add(&Secret::new(""));
        assert_eq!(
            secrets.redact("token 9HqLlyZOugoStsXCUfD for hunter2, twice: hunter2"),
            "token [redacted] for [redacted], twice: [redacted]"
        );
        assert_eq!(secrets.redact("nothing secret"), "nothing secret");
    }

    #[test]
    fn a_secret_inside_a_longer_one_leaves_no_trace_of_either() {
        let secrets = KnownSecrets::default();
        secrets.add(&Secret::new("abc"));
        secrets.add(&Secret::new("xxabcxx"));
        assert_eq!(secrets.redact("<xxabcxx>"), "<[redacted]>");
    }

    #[test]
    fn a_documents_token_is_learned() {
        let secrets = KnownSecrets::default();
        let Value::Object(doc) = serde_json::json!({"_id": "a", "token": "webhook-secret"}) else {
            unreachable!("literal is an object")
        };
        secrets.add_token_of(&doc);
        assert_eq!(secrets.redact("bad webhook-secret"), "bad [redacted]");
        assert!(!format!("{secrets:?}").contains("webhook-secret"));
    }
}
