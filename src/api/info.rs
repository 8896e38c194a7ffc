//! What `GET /api/info` says about the server (docs/server-api.md §5.4).
//!
//! Only the release is read: anonymous callers get `major.minor`, callers with
//! `view-statistics` the full string, and 4.0-6.4 admins get it under `info`
//! only, hence `version ?? info.version`. `auth status` shows the text as sent;
//! `restore` compares the parsed version.

use serde_json::{Map, Value};

/// A Rocket.Chat release, compared by major and minor only (the patch level is
/// hidden from most callers and never decides what the API accepts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ServerVersion {
    pub major: u32,
    pub minor: u32,
}

impl ServerVersion {
    pub const fn new(major: u32, minor: u32) -> Self {
        Self { major, minor }
    }

    /// `6.14`, `6.14.0`, `7.0.0-rc.1`: the leading `major.minor`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split(['.', '-']);
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        Some(Self { major, minor })
    }
}

impl std::fmt::Display for ServerVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// The parts of `GET /api/info` rcctl uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerInfo {
    /// The release as the server wrote it (`6.14`, `6.14.0`), when it said.
    pub release: Option<String>,
    /// `None` when the server did not say, or said something unreadable.
    pub version: Option<ServerVersion>,
}

impl ServerInfo {
    pub fn from_body(body: &Map<String, Value>) -> Self {
        let release = body
            .get("version")
            .or_else(|| body.get("info").and_then(|info| info.get("version")))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let version = release.as_deref().and_then(ServerVersion::parse);
        Self { release, version }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn info(body: Value) -> Option<ServerVersion> {
        let Value::Object(object) = body else {
            unreachable!("literal is an object")
        };
        ServerInfo::from_body(&object).version
    }

    #[test]
    fn version_is_read_from_the_top_level_or_from_info() {
        assert_eq!(
            info(json!({"version": "6.14", "success": true})),
            Some(ServerVersion::new(6, 14))
        );
        assert_eq!(
            info(json!({"info": {"version": "6.3.2"}, "success": true})),
            Some(ServerVersion::new(6, 3))
        );
        assert_eq!(
            info(json!({"version": "7.0.0-rc.1", "info": {"version": "1.0"}})),
            Some(ServerVersion::new(7, 0))
        );
        assert_eq!(info(json!({"success": true})), None);
        let Value::Object(admin) = json!({"info": {"version": "6.4.2"}}) else {
            unreachable!("literal is an object")
        };
        assert_eq!(
            ServerInfo::from_body(&admin).release.as_deref(),
            Some("6.4.2")
        );
        assert_eq!(info(json!({"version": "next"})), None);
    }

    #[test]
    fn versions_order_numerically() {
        assert!(ServerVersion::new(6, 10) > ServerVersion::new(6, 4));
        assert!(ServerVersion::new(7, 0) > ServerVersion::new(6, 14));
    }
}
