//! Turning a removed integration back into an `integrations.create` body
//! (docs/server-api.md §3.3 and §6).
//!
//! Since 4.8 the create schema has `additionalProperties: false`, so
//! [`create_body`] keeps only each type's allow-list, in the shapes the schema
//! wants, and leaves out the fields the server's release cannot take yet. It is a
//! pure function: the document and the release in, the body (and what the user
//! should know about it) out.

use serde_json::{Map, Value};
use thiserror::Error;

use super::{ApiError, Integration, IntegrationKind, REDACTED, ServerVersion};

/// A field of the create schema, and the first release that accepts it.
type Field = (&'static str, Option<ServerVersion>);

const OVERRIDE_DESTINATION_SINCE: Option<ServerVersion> = Some(ServerVersion::new(6, 3));
const SCRIPT_ENGINE_SINCE: Option<ServerVersion> = Some(ServerVersion::new(6, 4));
/// From 7.0 only `isolated-vm` exists; `vm2` may be frozen or gone.
const VM2_GONE: ServerVersion = ServerVersion::new(7, 0);

/// The incoming allow-list; `token` is not on it: the server always makes a new one.
const INCOMING_FIELDS: &[Field] = &[
    ("type", None),
    ("name", None),
    ("enabled", None),
    ("username", None),
    ("channel", None),
    ("scriptEnabled", None),
    ("script", None),
    ("alias", None),
    ("avatar", None),
    ("emoji", None),
    (
        "overrideDestinationChannelEnabled",
        OVERRIDE_DESTINATION_SINCE,
    ),
    ("scriptEngine", SCRIPT_ENGINE_SINCE),
];

/// The outgoing allow-list; its `token` is the caller's and can be restored.
const OUTGOING_FIELDS: &[Field] = &[
    ("type", None),
    ("name", None),
    ("enabled", None),
    ("username", None),
    ("channel", None),
    ("event", None),
    ("urls", None),
    ("triggerWords", None),
    ("triggerWordAnywhere", None),
    ("token", None),
    ("scriptEnabled", None),
    ("script", None),
    ("runOnEdits", None),
    ("retryFailedCalls", None),
    ("retryCount", None),
    ("retryDelay", None),
    ("impersonateUser", None),
    ("targetRoom", None),
    ("alias", None),
    ("avatar", None),
    ("emoji", None),
    ("scriptEngine", SCRIPT_ENGINE_SINCE),
];

/// A create body and the warnings the user should read before trusting it.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateBody {
    pub kind: IntegrationKind,
    pub body: Map<String, Value>,
    pub warnings: Vec<String>,
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
) -> Result<CreateBody, UnrestorableType> {
    let kind = doc
        .kind()
        .ok_or_else(|| UnrestorableType(doc.type_label()))?;
    let allowed = match kind {
        IntegrationKind::Incoming => INCOMING_FIELDS,
        IntegrationKind::Outgoing => OUTGOING_FIELDS,
    };
    let source = doc.as_object();
    let mut body = Map::new();
    let mut warnings = Vec::new();
    for &(name, since) in allowed {
        let Some(value) = source.get(name).filter(|value| !value.is_null()) else {
            continue;
        };
        if let Some(since) = since
            && version.is_none_or(|version| version < since)
        {
            warnings.push(too_new_warning(name, since, version));
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
    Ok(CreateBody {
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

fn too_new_warning(name: &str, since: ServerVersion, version: Option<ServerVersion>) -> String {
    match version {
        Some(version) => format!(
            "`{name}` was left out: the server runs Rocket.Chat {version}, which accepts it \
             from {since} on"
        ),
        None => format!(
            "`{name}` was left out: the server did not say its version, and only {since} and \
             newer accept it"
        ),
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

    fn doc(value: Value) -> Integration {
        let Value::Object(object) = value else {
            unreachable!("literal is an object")
        };
        Integration::from_object(object)
    }

    fn body(value: &Value, version: Option<ServerVersion>) -> CreateBody {
        create_body(&doc(value.clone()), version).expect("restorable")
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
        let err = create_body(&doc(json!({"type": "zapier"})), None).expect_err("refused");
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
