//! `PUT /api/v1/integrations.update` (docs/server-api.md §3.5): its body, and
//! the call.
//!
//! The endpoint needs the whole integration in create's shape, not just what
//! changes (§3.5.1), so [`update_body`] lays the wanted fields over the
//! server's current document and turns the result into a body as
//! [`create_body`] does, with the `integrationId`. The server checks neither
//! the stored type (§3.5.6: an outgoing-typed update of an incoming hook
//! rewrites its token, hence its URL) nor which fields belong to which type, so
//! the `type` sent is always the current document's own, whatever was wanted.

use reqwest::Method;
use serde_json::{Map, Value};
use thiserror::Error;

use super::create::{RequestBody, UnrestorableType, create_body, too_new};
use super::{ApiError, Client, Integration, IntegrationKind, REDACTED, ServerVersion};

/// The first release that saves an incoming webhook's `username` on update:
/// bands C and D look up the stored one and ignore the body's (§3.5.3 step 7,
/// §3.5.7; the release is not pinned, band E is the first that is sure).
const INCOMING_USERNAME_SINCE: ServerVersion = ServerVersion::new(7, 4);

/// Optional fields the update schema lets be `null` (docs/server-api.md
/// §3.5.1), which the server then stores as `null` (§3.5.4): how a restore
/// clears what an update added. Not `urls` or `triggerWords`: the server
/// refuses a null there.
const CLEARABLE_INCOMING: &[&str] = &[
    "script",
    "alias",
    "avatar",
    "emoji",
    "overrideDestinationChannelEnabled",
];
const CLEARABLE_OUTGOING: &[&str] = &[
    "script",
    "alias",
    "avatar",
    "emoji",
    "targetRoom",
    "triggerWordAnywhere",
    "runOnEdits",
    "retryFailedCalls",
    "retryCount",
    "retryDelay",
    "impersonateUser",
];

fn clearable(kind: IntegrationKind) -> &'static [&'static str] {
    match kind {
        IntegrationKind::Incoming => CLEARABLE_INCOMING,
        IntegrationKind::Outgoing => CLEARABLE_OUTGOING,
    }
}

/// Why no update body can be made.
#[derive(Debug, Error)]
pub enum UpdateError {
    #[error(transparent)]
    Untyped(#[from] UnrestorableType),
    /// §3.5.3 step 2: `Invalid token` otherwise.
    #[error(
        "an outgoing webhook is updated only with a token, and this one has none on the \
         server: give it one (`token = {{ env = \"NAME\" }}` in its file)"
    )]
    NoToken,
}

/// The `integrations.update` body that makes `current` hold `wanted` (fields
/// as the document holds them; a redacted token is no token; `null` clears a
/// field that may be cleared) on a server of release `version`. Fields
/// `wanted` leaves out keep their current values.
pub fn update_body(
    current: &Integration,
    wanted: &Map<String, Value>,
    version: Option<ServerVersion>,
) -> Result<RequestBody, UpdateError> {
    let mut merged = current.as_object().clone();
    for (name, value) in wanted {
        if name == "type" || (name == "token" && value == REDACTED) {
            continue;
        }
        merged.insert(name.clone(), value.clone());
    }
    let RequestBody {
        kind,
        body,
        warnings,
    } = create_body(&Integration::from_object(merged), version)?;
    let mut update = Map::new();
    for (name, value) in body {
        let after_type = name == "type";
        update.insert(name, value);
        if after_type {
            update.insert("integrationId".to_owned(), current.id().into());
        }
    }
    for (name, value) in wanted {
        if value.is_null() && clearable(kind).contains(&name.as_str()) {
            update.insert(name.clone(), Value::Null);
        }
    }
    let has_token = update
        .get("token")
        .and_then(Value::as_str)
        .is_some_and(|token| !token.trim().is_empty());
    if kind == IntegrationKind::Outgoing && !has_token {
        return Err(UpdateError::NoToken);
    }
    Ok(RequestBody {
        kind,
        body: update,
        warnings,
    })
}

/// The update that puts `current` back as `backup` holds it: every field the
/// backup has, and the clearable ones it lacks cleared (`restore` of a backup
/// taken before an update, docs/contract.md §3.4).
pub fn restore_body(
    current: &Integration,
    backup: &Integration,
    version: Option<ServerVersion>,
) -> Result<RequestBody, UpdateError> {
    let kind = current
        .kind()
        .ok_or_else(|| UnrestorableType(current.type_label()))?;
    let mut wanted = backup.as_object().clone();
    for &name in clearable(kind) {
        let absent = wanted.get(name).is_none_or(Value::is_null);
        let present = current
            .as_object()
            .get(name)
            .is_some_and(|value| !value.is_null());
        if absent && present {
            wanted.insert(name.to_owned(), Value::Null);
        }
    }
    let mut update = update_body(current, &wanted, version)?;
    for (name, value) in backup.as_object() {
        let differs = current.as_object().get(name) != Some(value);
        if differs && let Some(refusal) = update_refusal(kind, name, version) {
            update.warnings.push(refusal);
        }
    }
    Ok(update)
}

/// Why a server of release `version` would not change `field` of a `kind`
/// integration on update, as a warning; `None` when it would.
pub fn update_refusal(
    kind: IntegrationKind,
    field: &str,
    version: Option<ServerVersion>,
) -> Option<String> {
    if kind == IntegrationKind::Incoming && field == "username" {
        return match version {
            Some(version) if version >= INCOMING_USERNAME_SINCE => None,
            Some(version) => Some(format!(
                "`username` was left as it is: Rocket.Chat {version} ignores an incoming \
                 webhook's post-as user on update (from {INCOMING_USERNAME_SINCE} on it is saved)"
            )),
            None => Some(format!(
                "`username` was left as it is: the server did not say its version, and only \
                 {INCOMING_USERNAME_SINCE} and newer save an incoming webhook's post-as user on update"
            )),
        };
    }
    super::writable_fields(kind)
        .iter()
        .find(|known| known.name == field)
        .and_then(|known| known.since)
        .and_then(|since| too_new(field, since, version))
}

impl Client {
    /// `PUT /api/v1/integrations.update` with a body from [`update_body`]: the
    /// document as the server stored it.
    pub fn update_integration(&self, body: &Map<String, Value>) -> Result<Integration, ApiError> {
        self.send_json(Method::PUT, "integrations.update", body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn wanted(value: Value) -> Map<String, Value> {
        let Value::Object(object) = value else {
            unreachable!("literal is an object")
        };
        object
    }

    fn stored_outgoing() -> Integration {
        Integration::from_json(json!({
            "_id": "oNLthAt9RwMw39N2B", "type": "webhook-outgoing", "name": "Guggy",
            "enabled": true, "username": "rocket.cat", "userId": "rocket.cat",
            "channel": ["#general", "@bob"], "event": "sendMessage",
            "urls": ["https://guggy.example.com/hook"], "triggerWords": ["!guggy"],
            "token": "outgoing-token", "scriptEnabled": false, "scriptEngine": "isolated-vm",
            "_createdAt": "2024-01-10T14:12:07.739Z", "_updatedAt": "2024-01-10T14:12:07.739Z",
            "_createdBy": {"_id": "u1", "username": "admin"},
        }))
    }

    #[test]
    fn the_body_is_the_whole_document_with_the_wanted_fields_laid_over() {
        let update = update_body(
            &stored_outgoing(),
            &wanted(json!({"name": "Guggy 2", "urls": ["https://new.example.com"]})),
            Some(ServerVersion::new(8, 0)),
        )
        .expect("an update");
        assert_eq!(
            Value::Object(update.body),
            json!({
                "type": "webhook-outgoing", "integrationId": "oNLthAt9RwMw39N2B",
                "name": "Guggy 2", "enabled": true, "username": "rocket.cat",
                "channel": "#general,@bob", "event": "sendMessage",
                "urls": ["https://new.example.com"], "triggerWords": ["!guggy"],
                "token": "outgoing-token", "scriptEnabled": false, "scriptEngine": "isolated-vm",
            })
        );
    }

    #[test]
    fn the_type_sent_is_always_the_current_one() {
        let update = update_body(
            &stored_outgoing(),
            &wanted(json!({"type": "webhook-incoming"})),
            Some(ServerVersion::new(8, 0)),
        )
        .expect("an update");
        assert_eq!(update.body["type"], "webhook-outgoing");
        assert_eq!(update.kind, IntegrationKind::Outgoing);
    }

    #[test]
    fn an_outgoing_update_keeps_the_token_unless_one_is_wanted() {
        let version = Some(ServerVersion::new(6, 14));
        let kept = update_body(&stored_outgoing(), &Map::new(), version).expect("an update");
        assert_eq!(kept.body["token"], "outgoing-token");
        let redacted = update_body(
            &stored_outgoing(),
            &wanted(json!({"token": REDACTED})),
            version,
        )
        .expect("an update");
        assert_eq!(redacted.body["token"], "outgoing-token");
        let given = update_body(
            &stored_outgoing(),
            &wanted(json!({"token": "new"})),
            version,
        )
        .expect("an update");
        assert_eq!(given.body["token"], "new");
    }

    #[test]
    fn an_outgoing_webhook_without_a_token_cannot_be_updated() {
        let mut tokenless = stored_outgoing().as_object().clone();
        tokenless.remove("token");
        let err = update_body(
            &Integration::from_object(tokenless),
            &Map::new(),
            Some(ServerVersion::new(7, 0)),
        )
        .expect_err("refused");
        assert!(matches!(err, UpdateError::NoToken), "{err}");
    }

    #[test]
    fn an_incoming_token_is_never_sent() {
        let incoming = Integration::from_json(json!({
            "_id": "i1", "type": "webhook-incoming", "name": "CI", "enabled": true,
            "username": "rocket.cat", "channel": ["#ops"], "scriptEnabled": false,
            "token": "incoming-token",
        }));
        let update =
            update_body(&incoming, &wanted(json!({"token": "x"})), None).expect("an update");
        assert!(!update.body.contains_key("token"));
        assert_eq!(update.body["integrationId"], "i1");
    }

    #[test]
    fn the_post_as_user_of_an_incoming_webhook_changes_only_from_band_e() {
        use IntegrationKind::{Incoming, Outgoing};
        let on = |major, minor| Some(ServerVersion::new(major, minor));
        assert!(update_refusal(Incoming, "username", on(6, 14)).is_some());
        assert!(update_refusal(Incoming, "username", on(7, 3)).is_some());
        assert_eq!(update_refusal(Incoming, "username", on(7, 4)), None);
        assert_eq!(update_refusal(Outgoing, "username", on(6, 0)), None);
        assert!(update_refusal(Incoming, "scriptEngine", on(6, 3)).is_some());
        assert_eq!(update_refusal(Incoming, "scriptEngine", on(6, 4)), None);
        assert_eq!(update_refusal(Outgoing, "name", None), None);
    }

    #[test]
    fn a_restore_sets_back_what_the_backup_holds_and_clears_what_it_lacks() {
        let backup = stored_outgoing();
        let mut changed = backup.as_object().clone();
        changed.insert("name".into(), json!("Renamed"));
        changed.insert("alias".into(), json!("Added"));
        changed.insert("token".into(), json!("rotated"));
        changed.insert("urls".into(), json!(["https://other.example.com"]));
        let current = Integration::from_object(changed);
        let update =
            restore_body(&current, &backup, Some(ServerVersion::new(7, 6))).expect("an update");
        assert_eq!(update.body["name"], "Guggy");
        assert_eq!(update.body["token"], "outgoing-token");
        assert_eq!(
            update.body["urls"],
            json!(["https://guggy.example.com/hook"])
        );
        assert_eq!(update.body["alias"], Value::Null, "cleared");
        assert!(!update.body.contains_key("emoji"), "nothing to clear");
        assert!(update.warnings.is_empty(), "{:?}", update.warnings);
    }

    #[test]
    fn debug_hides_the_token() {
        let update = update_body(&stored_outgoing(), &Map::new(), None).expect("an update");
        assert!(!format!("{update:?}").contains("outgoing-token"));
    }
}
