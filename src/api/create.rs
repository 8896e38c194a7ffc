//! Turning an integration document (a removed one, or one a file describes)
//! into an `integrations.create` body (docs/server-api.md §3.3 and §6), and the
//! fields each type may be given ([`writable_fields`]), which `update` shares.
//!
//! Since 4.8 the create schema has `additionalProperties: false`, so
//! [`create_body`] keeps only each type's allow-list, in the shapes the schema
//! wants, and leaves out the fields the server's release cannot take yet. It is a
//! pure function: the document and the release in, the body (and what the user
//! should know about it) out.

use std::fmt;

use serde_json::{Map, Value};
use thiserror::Error;

use super::{ApiError, Integration, IntegrationKind, REDACTED, ServerVersion};

/// What the server's schema wants a field's value to be (docs/server-api.md
/// §3.3, §3.5.1), as the stored document holds it: `channel` is a list there
/// and text only in a request body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Flag,
    Text,
    Number,
    TextList,
}

/// A field of the create schema (and of the update schema: the same fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub shape: Shape,
    /// The first release that accepts it; `None`: every supported one.
    pub since: Option<ServerVersion>,
    /// A create without it fails (`urls` only in effect: the schema lets it
    /// out, the server then answers `Invalid URLs`).
    pub required: bool,
}

const fn field(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        shape,
        since: None,
        required: false,
    }
}

const fn required(name: &'static str, shape: Shape) -> Field {
    Field {
        required: true,
        ..field(name, shape)
    }
}

const fn since(name: &'static str, shape: Shape, version: ServerVersion) -> Field {
    Field {
        since: Some(version),
        ..field(name, shape)
    }
}

const OVERRIDE_DESTINATION_SINCE: ServerVersion = ServerVersion::new(6, 3);
const SCRIPT_ENGINE_SINCE: ServerVersion = ServerVersion::new(6, 4);
/// From 7.0 only `isolated-vm` exists; `vm2` may be frozen or gone.
const VM2_GONE: ServerVersion = ServerVersion::new(7, 0);

/// The incoming allow-list; `token` is not on it: the server always makes a new one.
const INCOMING_FIELDS: &[Field] = &[
    required("type", Shape::Text),
    required("name", Shape::Text),
    required("enabled", Shape::Flag),
    required("username", Shape::Text),
    required("channel", Shape::TextList),
    required("scriptEnabled", Shape::Flag),
    field("script", Shape::Text),
    field("alias", Shape::Text),
    field("avatar", Shape::Text),
    field("emoji", Shape::Text),
    since(
        "overrideDestinationChannelEnabled",
        Shape::Flag,
        OVERRIDE_DESTINATION_SINCE,
    ),
    since("scriptEngine", Shape::Text, SCRIPT_ENGINE_SINCE),
];

/// The outgoing allow-list; its `token` is the caller's and can be restored.
const OUTGOING_FIELDS: &[Field] = &[
    required("type", Shape::Text),
    required("name", Shape::Text),
    required("enabled", Shape::Flag),
    required("username", Shape::Text),
    required("channel", Shape::TextList),
    required("event", Shape::Text),
    required("urls", Shape::TextList),
    field("triggerWords", Shape::TextList),
    field("triggerWordAnywhere", Shape::Flag),
    field("token", Shape::Text),
    required("scriptEnabled", Shape::Flag),
    field("script", Shape::Text),
    field("runOnEdits", Shape::Flag),
    field("retryFailedCalls", Shape::Flag),
    field("retryCount", Shape::Number),
    field("retryDelay", Shape::Text),
    field("impersonateUser", Shape::Flag),
    field("targetRoom", Shape::Text),
    field("alias", Shape::Text),
    field("avatar", Shape::Text),
    field("emoji", Shape::Text),
    since("scriptEngine", Shape::Text, SCRIPT_ENGINE_SINCE),
];

/// The fields `integrations.create` and `integrations.update` take for `kind`,
/// in the schema's order.
pub fn writable_fields(kind: IntegrationKind) -> &'static [Field] {
    match kind {
        IntegrationKind::Incoming => INCOMING_FIELDS,
        IntegrationKind::Outgoing => OUTGOING_FIELDS,
    }
}

/// A create or update body and the warnings the user should read before
/// trusting it.
#[derive(Clone, PartialEq)]
pub struct RequestBody {
    pub kind: IntegrationKind,
    pub body: Map<String, Value>,
    pub warnings: Vec<String>,
}

/// The body may hold an outgoing webhook's token: its keys only.
impl fmt::Debug for RequestBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBody")
            .field("kind", &self.kind)
            .field("fields", &self.body.keys().collect::<Vec<_>>())
            .field("warnings", &self.warnings)
            .finish()
    }
}

/// The document cannot be turned into a create body at all.
#[derive(Debug, Error)]
#[error("it is a {0} integration, which rcctl cannot restore")]
pub struct UnrestorableType(pub String);

/// The `integrations.create` body for `doc` on a server of release `version`
/// (`None`: unknown, so every field that needs a recent release is left out).
pub fn create_body(
    doc: &Integration,
    version: Option<ServerVersion>,
) -> Result<RequestBody, UnrestorableType> {
    let kind = doc
        .kind()
        .ok_or_else(|| UnrestorableType(doc.type_label()))?;
    let source = doc.as_object();
    let mut body = Map::new();
    let mut warnings = Vec::new();
    for &Field { name, since, .. } in writable_fields(kind) {
        let Some(value) = source.get(name).filter(|value| !value.is_null()) else {
            continue;
        };
        if let Some(warning) = since.and_then(|since| too_new(name, since, version)) {
            warnings.push(warning);
            continue;
        }
        match create_value(name, value, version) {
            Ok(value) => {
                body.insert(name.to_owned(), value);
            }
            Err(warning) => warnings.push(warning),
        }
    }
    // No engine on the document means the legacy vm2 one (docs/server-api.md §6).
    if source.get("scriptEnabled") == Some(&Value::Bool(true))
        && source.get("scriptEngine").is_none_or(Value::is_null)
    {
        warnings.push(
            "the script ran on the legacy vm2 engine and will now run on isolated-vm; review it"
                .to_owned(),
        );
    }
    Ok(RequestBody {
        kind,
        body,
        warnings,
    })
}

/// One field in the shape the create schema wants, or why it was left out.
fn create_value(
    name: &str,
    value: &Value,
    version: Option<ServerVersion>,
) -> Result<Value, String> {
    match (name, value) {
        // Stored as an array, created from comma-separated text.
        ("channel", Value::Array(items)) => Ok(Value::String(
            items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(","),
        )),
        // Items have `minLength: 1`.
        ("urls" | "triggerWords", Value::Array(items)) => Ok(Value::Array(
            items
                .iter()
                .filter(|item| item.as_str().is_some_and(|text| !text.is_empty()))
                .cloned()
                .collect(),
        )),
        ("token", Value::String(token)) if token == REDACTED => Err(
            "the backup's token is redacted, so the outgoing webhook is created without one; \
             set its token again in Rocket.Chat"
                .to_owned(),
        ),
        ("scriptEngine", Value::String(engine))
            if engine == "vm2" && version.is_none_or(|version| version >= VM2_GONE) =>
        {
            Err(
                "`scriptEngine: vm2` was left out: this server runs scripts on isolated-vm only; \
                 review the script"
                    .to_owned(),
            )
        }
        _ => Ok(value.clone()),
    }
}

/// The warning for `name`, which releases before `since` do not accept, when
/// the server runs one of them (or did not say which it runs).
pub(super) fn too_new(
    name: &str,
    since: ServerVersion,
    version: Option<ServerVersion>,
) -> Option<String> {
    match version {
        Some(version) if version >= since => None,
        Some(version) => Some(format!(
            "`{name}` was left out: the server runs Rocket.Chat {version}, which accepts it \
             from {since} on"
        )),
        None => Some(format!(
            "`{name}` was left out: the server did not say its version, and only {since} and \
             newer accept it"
        )),
    }
}

/// The body field a create error is about, from the server's `errorType`
/// (docs/server-api.md §3.3), so the user learns which value to fix.
pub fn refused_field(err: &ApiError) -> Option<&'static str> {
    let ApiError::Server {
        error_type: Some(error_type),
        ..
    } = err
    else {
        return None;
    };
    Some(match error_type.as_str() {
        "error-invalid-channel"
        | "error-invalid-channel-start-with-chars"
        | "error-invalid-room" => "channel",
        "error-invalid-username" | "error-invalid-user" => "username",
        "error-invalid-event-type" | "error-invalid-permissions" => "event",
        "error-invalid-urls" => "urls",
        "error-invalid-targetRoom" => "targetRoom",
        "error-invalid-triggerWords" => "triggerWords",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(value: &Value, version: Option<ServerVersion>) -> RequestBody {
        create_body(&Integration::from_json(value.clone()), version).expect("restorable")
    }

    fn removed_incoming() -> Value {
        json!({
            "_id": "659ea5b72dd9f928ada3e43e",
            "type": "webhook-incoming",
            "name": "CI notices",
            "enabled": true,
            "username": "rocket.cat",
            "userId": "rocket.cat",
            "channel": ["#general", "@bob"],
            "token": "XuHp73MccmCvJ9m3fKdQK6HKW9tjhBcbTKKHCSSLsv7qn4fk",
            "scriptEnabled": false,
            "script": "",
            "alias": null,
            "emoji": ":ghost:",
            "overrideDestinationChannelEnabled": false,
            "scriptEngine": "isolated-vm",
            "scriptCompiled": "compiled",
            "scriptError": null,
            "legacyKey": 1,
            "_createdAt": "2024-01-10T14:12:07.739Z",
            "_createdBy": {"_id": "u1", "username": "admin"},
            "_updatedAt": "2024-01-10T14:12:07.739Z",
        })
    }

    fn removed_outgoing() -> Value {
        json!({
            "_id": "oNLthAt9RwMw39N2B",
            "type": "webhook-outgoing",
            "name": "Guggy",
            "enabled": true,
            "username": "rocket.cat",
            "userId": "rocket.cat",
            "channel": [],
            "event": "sendMessage",
            "urls": ["http://text2gif.guggy.com/guggify", ""],
            "triggerWords": ["!guggy", ""],
            "token": "aobEdbYhXfu5hkeqG",
            "scriptEnabled": false,
            "retryFailedCalls": true,
            "retryCount": 6,
            "retryDelay": "powers-of-ten",
            "targetRoom": null,
            "_createdAt": "2017-01-05T17:06:05.660Z",
            "_createdBy": {"_id": "u1", "username": "admin"},
            "_updatedAt": "2017-01-05T17:06:05.660Z",
            "_updatedBy": null,
        })
    }

    #[test]
    fn incoming_keeps_the_allow_list_and_drops_token_and_server_fields() {
        let created = body(&removed_incoming(), Some(ServerVersion::new(6, 14)));
        assert_eq!(created.kind, IntegrationKind::Incoming);
        assert_eq!(
            Value::Object(created.body),
            json!({
                "type": "webhook-incoming",
                "name": "CI notices",
                "enabled": true,
                "username": "rocket.cat",
                "channel": "#general,@bob",
                "scriptEnabled": false,
                "script": "",
                "emoji": ":ghost:",
                "overrideDestinationChannelEnabled": false,
                "scriptEngine": "isolated-vm",
            })
        );
        assert_eq!(created.warnings, Vec::<String>::new());
    }

    #[test]
    fn outgoing_keeps_its_token_and_drops_empty_items_and_nulls() {
        let created = body(&removed_outgoing(), Some(ServerVersion::new(7, 2)));
        assert_eq!(
            Value::Object(created.body),
            json!({
                "type": "webhook-outgoing",
                "name": "Guggy",
                "enabled": true,
                "username": "rocket.cat",
                "channel": "",
                "event": "sendMessage",
                "urls": ["http://text2gif.guggy.com/guggify"],
                "triggerWords": ["!guggy"],
                "token": "aobEdbYhXfu5hkeqG",
                "scriptEnabled": false,
                "retryFailedCalls": true,
                "retryCount": 6,
                "retryDelay": "powers-of-ten",
            })
        );
    }

    #[test]
    fn fields_newer_than_the_server_are_left_out_with_a_warning() {
        let on_6_3 = body(&removed_incoming(), Some(ServerVersion::new(6, 3)));
        assert!(
            on_6_3
                .body
                .contains_key("overrideDestinationChannelEnabled")
        );
        assert!(!on_6_3.body.contains_key("scriptEngine"));
        assert_eq!(
            on_6_3.warnings,
            [
                "`scriptEngine` was left out: the server runs Rocket.Chat 6.3, which accepts it \
              from 6.4 on"
            ]
        );

        let on_6_2 = body(&removed_incoming(), Some(ServerVersion::new(6, 2)));
        assert!(
            !on_6_2
                .body
                .contains_key("overrideDestinationChannelEnabled")
        );
        assert_eq!(on_6_2.warnings.len(), 2);

        let unknown = body(&removed_incoming(), None);
        assert!(!unknown.body.contains_key("scriptEngine"));
        assert!(unknown.warnings[0].contains("did not say its version"));
    }

    #[test]
    fn vm2_is_not_sent_to_7_and_an_enabled_script_is_flagged() {
        let mut old = removed_outgoing();
        old["scriptEngine"] = json!("vm2");
        old["scriptEnabled"] = json!(true);
        old["script"] = json!("class Script {}");

        let on_6 = body(&old, Some(ServerVersion::new(6, 14)));
        assert_eq!(on_6.body["scriptEngine"], "vm2");
        assert_eq!(on_6.warnings, Vec::<String>::new());

        let on_7 = body(&old, Some(ServerVersion::new(7, 0)));
        assert!(!on_7.body.contains_key("scriptEngine"));
        assert_eq!(on_7.warnings.len(), 1, "{:?}", on_7.warnings);
        assert!(on_7.warnings[0].contains("review the script"));

        old.as_object_mut().expect("object").remove("scriptEngine");
        let legacy = body(&old, Some(ServerVersion::new(6, 14)));
        assert_eq!(
            legacy.warnings,
            ["the script ran on the legacy vm2 engine and will now run on isolated-vm; review it"]
        );
    }

    #[test]
    fn a_redacted_token_is_never_sent() {
        let mut doc = removed_outgoing();
        doc["token"] = json!(REDACTED);
        let created = body(&doc, Some(ServerVersion::new(8, 0)));
        assert!(!created.body.contains_key("token"));
        assert!(created.warnings[0].contains("redacted"));
    }

    #[test]
    fn unknown_types_cannot_be_restored() {
        let err = create_body(&Integration::from_json(json!({"type": "zapier"})), None)
            .expect_err("refused");
        assert_eq!(
            err.to_string(),
            "it is a `zapier` integration, which rcctl cannot restore"
        );
    }

    #[test]
    fn create_errors_name_their_field() {
        let refused = |error_type: &str| {
            refused_field(&ApiError::Server {
                server: "https://chat.example.com".into(),
                status: 400,
                error_type: Some(error_type.into()),
                server_error: String::new(),
            })
        };
        assert_eq!(refused("error-invalid-channel"), Some("channel"));
        assert_eq!(refused("error-invalid-user"), Some("username"));
        assert_eq!(refused("error-invalid-urls"), Some("urls"));
        assert_eq!(refused("something-else"), None);
    }
}
