//! The integration document as the server sends it (docs/server-api.md §4).
//!
//! The document is kept as the JSON object the server returned, keys in order, so
//! `--json` can print it unchanged; the accessors below read the few fields rcctl
//! needs. Old servers store arbitrary legacy keys, so nothing here rejects them.

use std::fmt;
use std::str::FromStr;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use thiserror::Error;

/// The two integration types rcctl manages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntegrationKind {
    Incoming,
    Outgoing,
}

impl IntegrationKind {
    /// The `type` string the API uses.
    pub fn as_api_str(self) -> &'static str {
        match self {
            Self::Incoming => "webhook-incoming",
            Self::Outgoing => "webhook-outgoing",
        }
    }

    pub fn from_api_str(value: &str) -> Option<Self> {
        match value {
            "webhook-incoming" => Some(Self::Incoming),
            "webhook-outgoing" => Some(Self::Outgoing),
            _ => None,
        }
    }

    /// `incoming` or `outgoing`, as in the permission names.
    pub fn short_name(self) -> &'static str {
        match self {
            Self::Incoming => "incoming",
            Self::Outgoing => "outgoing",
        }
    }

    /// A type as rows and lists show it: `incoming` / `outgoing`, or the
    /// server's own name of a type rcctl does not know.
    pub fn shorten(type_name: &str) -> &str {
        Self::from_api_str(type_name).map_or(type_name, |kind| kind.short_name())
    }
}

/// As the API writes it: `webhook-incoming`, `webhook-outgoing`.
impl serde::Serialize for IntegrationKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_api_str())
    }
}

impl fmt::Display for IntegrationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_api_str())
    }
}

/// An integration ID as a user gave it, checked once at the edge: not empty,
/// not absurdly long, no spaces or control characters. (Rocket.Chat's own IDs
/// are 17 random characters or 24 hex digits.)
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IntegrationId(String);

/// Longest ID accepted; anything longer is a mistake, not an ID.
const MAX_ID_CHARS: usize = 128;

/// Why a text is not an integration ID.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InvalidId {
    #[error("an integration ID cannot be empty")]
    Empty,
    #[error("invalid integration ID \"{shown}\": IDs contain no spaces or control characters")]
    Malformed { shown: String },
    #[error(
        "invalid integration ID \"{shown}\": it is {chars} characters long, and IDs have at most {MAX_ID_CHARS}"
    )]
    TooLong { shown: String, chars: usize },
}

impl FromStr for IntegrationId {
    type Err = InvalidId;

    fn from_str(text: &str) -> Result<Self, InvalidId> {
        let chars = text.chars().count();
        if chars == 0 {
            return Err(InvalidId::Empty);
        }
        if chars > MAX_ID_CHARS {
            return Err(InvalidId::TooLong {
                shown: shortened(text),
                chars,
            });
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(InvalidId::Malformed {
                shown: text.escape_debug().to_string(),
            });
        }
        Ok(Self(text.to_owned()))
    }
}

/// The start of a long text, for an error that must not echo it whole.
fn shortened(text: &str) -> String {
    let start: String = text.chars().take(24).collect();
    format!("{}…", start.escape_debug())
}

impl IntegrationId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IntegrationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Placeholder printed instead of an integration's `token`.
pub const REDACTED: &str = "[redacted]";

/// One integration document, exactly as the server returned it.
#[derive(Clone, PartialEq)]
pub struct Integration(Map<String, Value>);

impl Integration {
    pub fn from_object(object: Map<String, Value>) -> Self {
        Self(object)
    }

    /// Every field, for transforms that must see them all (never for printing).
    pub fn as_object(&self) -> &Map<String, Value> {
        &self.0
    }

    pub fn id(&self) -> &str {
        self.str_field("_id").unwrap_or_default()
    }

    /// The raw `type` string, which may be one rcctl does not know.
    pub fn type_name(&self) -> &str {
        self.str_field("type").unwrap_or_default()
    }

    pub fn kind(&self) -> Option<IntegrationKind> {
        IntegrationKind::from_api_str(self.type_name())
    }

    /// The type as rows and lists show it ([`IntegrationKind::shorten`]).
    pub fn short_type(&self) -> &str {
        IntegrationKind::shorten(self.type_name())
    }

    /// The type for a sentence: `webhook-outgoing`, `` `zapier` `` for a type
    /// rcctl does not know, or `untyped`.
    pub fn type_label(&self) -> String {
        match (self.kind(), self.type_name()) {
            (Some(kind), _) => kind.to_string(),
            (None, "") => "untyped".to_owned(),
            (None, other) => format!("`{other}`"),
        }
    }

    pub fn name(&self) -> &str {
        self.str_field("name").unwrap_or_default()
    }

    pub fn enabled(&self) -> Option<bool> {
        self.0.get("enabled").and_then(Value::as_bool)
    }

    /// `channel` is an array in every supported version; a string is accepted for
    /// documents written by very old servers.
    pub fn channels(&self) -> Vec<&str> {
        self.str_list("channel")
    }

    /// The "post as" user.
    pub fn username(&self) -> &str {
        self.str_field("username").unwrap_or_default()
    }

    pub fn created_at(&self) -> &str {
        self.str_field("_createdAt").unwrap_or_default()
    }

    pub fn created_by(&self) -> &str {
        self.0
            .get("_createdBy")
            .and_then(|by| by.get("username"))
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    pub fn event(&self) -> &str {
        self.str_field("event").unwrap_or_default()
    }

    pub fn urls(&self) -> Vec<&str> {
        self.str_list("urls")
    }

    pub fn trigger_words(&self) -> Vec<&str> {
        self.str_list("triggerWords")
    }

    pub fn has_token(&self) -> bool {
        self.0.get("token").is_some_and(|token| !token.is_null())
    }

    /// The document for printing, as the server sent it but for `token`,
    /// `"[redacted]"` unless the user asked to see secrets. Serialized in
    /// place: a listing of thousands is not copied to be printed.
    pub fn shown(&self, show_secrets: bool) -> Printable<'_> {
        Printable {
            doc: self,
            show_secrets,
        }
    }

    /// The token as text, for `--show-secrets` only.
    pub fn token_for_display(&self, show_secrets: bool) -> Option<&str> {
        if !self.has_token() {
            return None;
        }
        if show_secrets {
            self.str_field("token")
        } else {
            Some(REDACTED)
        }
    }

    fn str_field(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }

    fn str_list(&self, key: &str) -> Vec<&str> {
        match self.0.get(key) {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            Some(Value::String(item)) if !item.is_empty() => vec![item.as_str()],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
impl Integration {
    /// A document from a JSON literal.
    pub fn from_json(value: Value) -> Self {
        let Value::Object(object) = value else {
            panic!("an integration document is a JSON object: {value}")
        };
        Self(object)
    }
}

/// An integration as `--json` prints it: see [`Integration::shown`].
#[derive(Debug, Clone, Copy)]
pub struct Printable<'a> {
    doc: &'a Integration,
    show_secrets: bool,
}

impl Serialize for Printable<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.doc.0.len()))?;
        for (key, value) in &self.doc.0 {
            if key == "token" && !self.show_secrets {
                map.serialize_entry(key, REDACTED)?;
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// Never prints the token: the document is shown by id, type and name only.
impl fmt::Debug for Integration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Integration")
            .field("id", &self.id())
            .field("type", &self.type_name())
            .field("name", &self.name())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn outgoing() -> Integration {
        let Value::Object(object) = json!({
            "_id": "oNLthAt9RwMw39N2B",
            "type": "webhook-outgoing",
            "name": "Testing via REST API",
            "token": "aobEdbYhXfu5hkeqG",
            "channel": ["#general"],
            "urls": ["http://text2gif.guggy.com/guggify"],
        }) else {
            unreachable!("literal is an object")
        };
        Integration::from_object(object)
    }

    #[test]
    fn output_value_redacts_the_token_unless_asked() {
        let doc = outgoing();
        let shown = |show_secrets| serde_json::to_value(doc.shown(show_secrets)).expect("JSON");
        assert_eq!(shown(false)["token"], REDACTED);
        assert_eq!(shown(true)["token"], "aobEdbYhXfu5hkeqG");
    }

    #[test]
    fn output_value_keeps_the_server_key_order() {
        let keys: Vec<String> = match serde_json::to_value(outgoing().shown(false)).expect("JSON") {
            Value::Object(object) => object.keys().cloned().collect(),
            _ => unreachable!(),
        };
        assert_eq!(keys, ["_id", "type", "name", "token", "channel", "urls"]);
    }

    #[test]
    fn debug_hides_the_token() {
        assert!(!format!("{:?}", outgoing()).contains("aobEdbYhXfu5hkeqG"));
    }

    #[test]
    fn ids_are_checked_once_at_the_edge() {
        assert_eq!(
            "oNLthAt9RwMw39N2B".parse::<IntegrationId>().map(|id| id.0),
            Ok("oNLthAt9RwMw39N2B".to_owned())
        );
        assert_eq!("".parse::<IntegrationId>(), Err(InvalidId::Empty));
        for bad in ["a b", "ab\u{7}", "tab\there", "new\nline"] {
            assert!(
                matches!(
                    bad.parse::<IntegrationId>(),
                    Err(InvalidId::Malformed { .. })
                ),
                "{bad:?}"
            );
        }
        let huge = "x".repeat(70_000);
        let err = huge.parse::<IntegrationId>().expect_err("too long");
        assert!(err.to_string().len() < 200, "{err}");
        assert!(err.to_string().contains("70000 characters"), "{err}");
    }

    #[test]
    fn type_labels_name_unknown_types() {
        let typed = |value: Value| {
            let Value::Object(object) = value else {
                unreachable!("literal is an object")
            };
            Integration::from_object(object).type_label()
        };
        assert_eq!(
            typed(json!({"type": "webhook-outgoing"})),
            "webhook-outgoing"
        );
        assert_eq!(typed(json!({"type": "zapier"})), "`zapier`");
        assert_eq!(typed(json!({})), "untyped");
    }

    #[test]
    fn kind_reads_the_api_type() {
        assert_eq!(outgoing().kind(), Some(IntegrationKind::Outgoing));
        assert_eq!(IntegrationKind::from_api_str("webhook-incoming-x"), None);
    }
}
