//! `POST integrations.create` (docs/server-api.md §3.3), and what it shares
//! with `integrations.update` (`update.rs`): the ajv `oneOf` validator and its
//! messages per band (§1.5), the Meteor error envelope (§1.4), and the checks
//! of channels, users and outgoing fields (`validateOutgoing`, §3.5.3).
//!
//! The server knows the users of [`USERS`] and the rooms of [`ROOMS`]; the
//! caller holds every integration permission (an admin), so permission errors
//! are not played.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use serde_json::{Map, Value, json};

use super::wire::{Delivery, Request, Response, json_response};
use super::{Band, State, lock};
use crate::constants::USER_ID;

/// Users that exist (usernames; a user's `_id` is its name here).
pub(super) const USERS: &[&str] = &["rocket.cat", "admin", "bob"];
/// Rooms that exist (names; a room's `_id` is its name here).
pub(super) const ROOMS: &[&str] = &["general", "ops", "random", "dev", "alerts"];
/// The seven outgoing events.
const EVENTS: &[&str] = &[
    "sendMessage",
    "fileUploaded",
    "roomArchived",
    "roomCreated",
    "roomJoined",
    "roomLeft",
    "userCreated",
];
/// Outgoing events that use no channel (§3.5.3).
const CHANNELLESS: &[&str] = &["roomArchived", "roomCreated", "userCreated"];

static NEXT: AtomicUsize = AtomicUsize::new(1);

/// What a property must be, as the schema says.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ty {
    /// The `type` property: a pattern, not an exact value.
    Pattern(&'static str),
    Str,
    Bool,
    Num,
    /// `string[]`, items `minLength: 1`.
    StrList,
}

/// A property of a branch: its name, type, whether `null` passes, and the
/// first release that has it.
pub(super) type Property = (&'static str, Ty, bool, Option<(u32, u32)>);

/// One branch of a `oneOf` schema.
pub(super) struct Branch {
    pub(super) required: &'static [&'static str],
    pub(super) properties: &'static [Property],
    pub(super) additional: bool,
}

/// The releases that added `overrideDestinationChannelEnabled` and
/// `scriptEngine` to the create and update validators.
pub(super) const OVERRIDE_SINCE: Option<(u32, u32)> = Some((6, 3));
pub(super) const ENGINE_SINCE: Option<(u32, u32)> = Some((6, 4));

const CREATE_INCOMING: Branch = Branch {
    required: &[
        "type",
        "username",
        "channel",
        "scriptEnabled",
        "name",
        "enabled",
    ],
    properties: &[
        ("type", Ty::Pattern("webhook-incoming"), false, None),
        ("name", Ty::Str, false, None),
        ("enabled", Ty::Bool, false, None),
        ("username", Ty::Str, false, None),
        ("channel", Ty::Str, false, None),
        ("scriptEnabled", Ty::Bool, false, None),
        ("script", Ty::Str, false, None),
        ("alias", Ty::Str, false, None),
        ("avatar", Ty::Str, false, None),
        ("emoji", Ty::Str, false, None),
        (
            "overrideDestinationChannelEnabled",
            Ty::Bool,
            false,
            OVERRIDE_SINCE,
        ),
        ("scriptEngine", Ty::Str, false, ENGINE_SINCE),
    ],
    additional: false,
};

const CREATE_OUTGOING: Branch = Branch {
    required: &[
        "type",
        "username",
        "channel",
        "event",
        "scriptEnabled",
        "name",
        "enabled",
    ],
    properties: &[
        ("type", Ty::Pattern("webhook-outgoing"), false, None),
        ("name", Ty::Str, false, None),
        ("enabled", Ty::Bool, false, None),
        ("username", Ty::Str, false, None),
        ("channel", Ty::Str, false, None),
        ("event", Ty::Str, false, None),
        ("urls", Ty::StrList, false, None),
        ("triggerWords", Ty::StrList, false, None),
        ("triggerWordAnywhere", Ty::Bool, false, None),
        ("token", Ty::Str, false, None),
        ("scriptEnabled", Ty::Bool, false, None),
        ("script", Ty::Str, false, None),
        ("runOnEdits", Ty::Bool, false, None),
        ("retryFailedCalls", Ty::Bool, false, None),
        ("retryCount", Ty::Num, false, None),
        ("retryDelay", Ty::Str, false, None),
        ("impersonateUser", Ty::Bool, false, None),
        ("targetRoom", Ty::Str, false, None),
        ("alias", Ty::Str, false, None),
        ("avatar", Ty::Str, false, None),
        ("emoji", Ty::Str, false, None),
        ("scriptEngine", Ty::Str, false, ENGINE_SINCE),
    ],
    additional: false,
};

pub(super) fn create(state: &State, request: &Request) -> Response {
    let band = state.options.band();
    let body = match parse_body(request, band) {
        Ok(body) => body,
        Err(response) => return response,
    };
    if let Err(response) = validate(&body, &[CREATE_INCOMING, CREATE_OUTGOING], state) {
        return response;
    }
    let version = state.options.version;
    let stored = match body["type"].as_str() {
        Some("webhook-incoming") => create_incoming(&body, version),
        Some("webhook-outgoing") => create_outgoing(&body, version),
        _ => Err(failure("Invalid integration type.")),
    };
    match stored {
        Ok(doc) => {
            let id = doc["_id"].as_str().unwrap_or_default().to_owned();
            lock(&state.docs).insert(id, doc.clone());
            json_response(200, json!({"integration": doc, "success": true}))
        }
        Err(response) => response,
    }
}

fn create_incoming(body: &Map<String, Value>, version: (u32, u32)) -> Result<Value, Response> {
    let error = |code, reason| {
        meteor_error(
            code,
            reason,
            Some(json!({"method": "addIncomingIntegration"})),
        )
    };
    let channels = incoming_channels(body, "addIncomingIntegration")?;
    let username = body["username"].as_str().unwrap_or_default();
    if username.trim().is_empty() {
        return Err(error("error-invalid-username", "Invalid username"));
    }
    if !USERS.contains(&username) {
        return Err(error("error-invalid-user", "Invalid user"));
    }
    channels_exist(&channels, json!({"method": "addIncomingIntegration"}))?;
    let mut doc = body.clone();
    doc.insert("channel".into(), json!(channels));
    doc.insert("token".into(), Value::from(new_token()));
    default_engine(&mut doc, version);
    Ok(stored(doc, username))
}

fn create_outgoing(body: &Map<String, Value>, version: (u32, u32)) -> Result<Value, Response> {
    let mut doc = validate_outgoing(body)?;
    let username = doc["username"].as_str().unwrap_or_default().to_owned();
    default_engine(&mut doc, version);
    Ok(stored(doc, &username))
}

/// From 6.4 a new integration's scripts run on `isolated-vm` unless it says
/// otherwise; before, the document has no `scriptEngine` at all.
pub(super) fn default_engine(doc: &mut Map<String, Value>, version: (u32, u32)) {
    if ENGINE_SINCE.is_some_and(|since| version >= since) {
        doc.entry("scriptEngine")
            .or_insert_with(|| "isolated-vm".into());
    }
}

/// A new document: the body plus the fields the server adds.
fn stored(mut doc: Map<String, Value>, username: &str) -> Value {
    let now = now();
    doc.insert("_id".into(), Value::from(new_id()));
    doc.insert("userId".into(), Value::from(username));
    doc.insert("_createdAt".into(), Value::from(now.clone()));
    doc.insert(
        "_createdBy".into(),
        json!({"_id": USER_ID, "username": "admin"}),
    );
    doc.insert("_updatedAt".into(), Value::from(now));
    compile(&mut doc);
    Value::Object(doc)
}

/// A body that is not a JSON object: C-E answer 400 without JSON; F reads `{}`.
pub(super) fn parse_body(request: &Request, band: Band) -> Result<Map<String, Value>, Response> {
    match serde_json::from_slice(&request.body) {
        Ok(Value::Object(body)) => Ok(body),
        _ if band == Band::F => Ok(Map::new()),
        _ => Err(Response {
            status: 400,
            headers: vec![("content-type".into(), "text/html".into())],
            body: "Bad Request".into(),
            delivery: Delivery::Whole,
        }),
    }
}

/// Ajv's `oneOf` over `branches` (docs/server-api.md §3.3, §3.5.1): each
/// branch stops at its first error (required, then additional properties,
/// then each property in schema order); none passing is a 400 with each
/// branch's error and the `oneOf` one, in the band's envelope (§1.5).
pub(super) fn validate(
    body: &Map<String, Value>,
    branches: &[Branch],
    state: &State,
) -> Result<(), Response> {
    let version = state.options.version;
    let mut messages = Vec::new();
    for branch in branches {
        match first_error(body, branch, version) {
            None => return Ok(()),
            Some(message) => messages.push(message),
        }
    }
    messages.push("must match exactly one schema in oneOf".to_owned());
    let band = state.options.band();
    let body = if band < Band::E {
        json!({"success": false, "error": format!("{} [invalid-params]", messages.join("\n ")), "errorType": "invalid-params"})
    } else {
        json!({"success": false, "errorType": "invalid-params", "error": messages.join("\n")})
    };
    Err(json_response(400, body))
}

fn first_error(body: &Map<String, Value>, branch: &Branch, version: (u32, u32)) -> Option<String> {
    let known = |name: &str| {
        branch
            .properties
            .iter()
            .find(|(property, _, _, since)| {
                *property == name && since.is_none_or(|since| version >= since)
            })
            .copied()
    };
    if let Some(missing) = branch
        .required
        .iter()
        .find(|name| !body.contains_key(**name))
    {
        return Some(format!("must have required property '{missing}'"));
    }
    if !branch.additional && body.keys().any(|key| known(key).is_none()) {
        return Some("must NOT have additional properties".to_owned());
    }
    for (name, value) in body {
        let Some((_, ty, nullable, _)) = known(name) else {
            continue;
        };
        if value.is_null() && nullable {
            continue;
        }
        let expected = match ty {
            Ty::Pattern(pattern) => {
                if value.as_str().is_some_and(|text| text.contains(pattern)) {
                    continue;
                }
                match value {
                    Value::String(_) => return Some(format!("must match pattern \"{pattern}\"")),
                    _ => "string",
                }
            }
            Ty::Str if value.is_string() => continue,
            Ty::Bool if value.is_boolean() => continue,
            Ty::Num if value.is_number() => continue,
            Ty::StrList => match value.as_array() {
                Some(items) => match items
                    .iter()
                    .find(|item| item.as_str().is_none_or(str::is_empty))
                {
                    None => continue,
                    Some(Value::String(_)) => {
                        return Some("must NOT have fewer than 1 characters".to_owned());
                    }
                    Some(_) => return Some("must be string".to_owned()),
                },
                None => "array",
            },
            Ty::Str => "string",
            Ty::Bool => "boolean",
            Ty::Num => "number",
        };
        let null = if nullable { ",null" } else { "" };
        return Some(format!("must be {expected}{null}"));
    }
    None
}

/// An incoming webhook's channels: not blank, split on commas and trimmed
/// (empty items kept, so `"#a,"` fails), each starting with `#` or `@`.
pub(super) fn incoming_channels(
    body: &Map<String, Value>,
    method: &str,
) -> Result<Vec<String>, Response> {
    let details = Some(json!({"method": method}));
    let text = body["channel"].as_str().unwrap_or_default();
    if text.trim().is_empty() {
        return Err(meteor_error(
            "error-invalid-channel",
            "Invalid channel",
            details,
        ));
    }
    let channels: Vec<String> = text.split(',').map(|item| item.trim().to_owned()).collect();
    if channels
        .iter()
        .any(|channel| !channel.starts_with(['#', '@']))
    {
        // The server names `updateIncomingIntegration` here even on create (§3.3).
        return Err(meteor_error(
            "error-invalid-channel-start-with-chars",
            "Invalid channel. Start with @ or #",
            Some(json!({"method": "updateIncomingIntegration"})),
        ));
    }
    Ok(channels)
}

/// Every `#room` and `@user` exists.
pub(super) fn channels_exist(channels: &[String], details: Value) -> Result<(), Response> {
    for channel in channels {
        let exists = match channel.split_at(1) {
            ("#", room) => ROOMS.contains(&room),
            ("@", user) => USERS.contains(&user),
            _ => true,
        };
        if !exists {
            return Err(meteor_error(
                "error-invalid-room",
                "Invalid room",
                Some(details),
            ));
        }
    }
    Ok(())
}

/// `validateOutgoingIntegration` (§3.5.3 step 1): the body as it will be
/// stored, or the first error.
pub(super) fn validate_outgoing(body: &Map<String, Value>) -> Result<Map<String, Value>, Response> {
    let required = |code, reason| {
        meteor_error(
            code,
            reason,
            Some(json!({"function": "validateOutgoing._verifyRequiredFields"})),
        )
    };
    let checked =
        |code, reason| meteor_error(code, reason, Some(json!({"function": "validateOutgoing"})));
    let mut doc = body.clone();
    if doc
        .get("channel")
        .and_then(Value::as_str)
        .is_some_and(|text| text.trim().is_empty())
    {
        doc.remove("channel");
    }
    let event = doc
        .get("event")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if !EVENTS.contains(&event.as_str()) {
        return Err(required("error-invalid-event-type", "Invalid event type"));
    }
    let username = doc
        .get("username")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if username.trim().is_empty() {
        return Err(required("error-invalid-username", "Invalid username"));
    }
    if event == "userCreated" && doc.get("targetRoom").is_none_or(Value::is_null) {
        return Err(required("error-invalid-targetRoom", "Invalid Target Room"));
    }
    let urls: Option<Vec<Value>> = doc.get("urls").and_then(Value::as_array).and_then(|urls| {
        urls.iter()
            .map(|url| url.as_str().map(str::trim))
            .collect::<Option<Vec<&str>>>()
            .map(|urls| {
                urls.into_iter()
                    .filter(|url| !url.is_empty())
                    .map(Value::from)
                    .collect()
            })
    });
    match urls {
        Some(urls) if !urls.is_empty() => {
            doc.insert("urls".into(), Value::Array(urls));
        }
        _ => return Err(required("error-invalid-urls", "Invalid URLs")),
    }
    let mut channels = Vec::new();
    if CHANNELLESS.contains(&event.as_str()) {
        // An admin holds manage-outgoing-integrations: no permission error.
    } else {
        let Some(text) = doc.get("channel").and_then(Value::as_str) else {
            return Err(checked("error-invalid-channel", "Invalid Channel"));
        };
        channels = text
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect();
        let special = [
            "all_public_channels",
            "all_private_groups",
            "all_direct_messages",
        ];
        let bad = channels.iter().any(|channel| {
            !channel.starts_with(['#', '@']) && !special.contains(&channel.to_lowercase().as_str())
        });
        if bad {
            return Err(checked(
                "error-invalid-channel-start-with-chars",
                "Invalid channel. Start with @ or #",
            ));
        }
    }
    if !USERS.contains(&username.as_str()) {
        return Err(checked(
            "error-invalid-user",
            "Invalid user (did you delete the `rocket.cat` user?)",
        ));
    }
    if event == "sendMessage" {
        if let Some(words) = doc.get("triggerWords") {
            let Some(words) = words
                .as_array()
                .filter(|words| words.iter().all(Value::is_string))
            else {
                return Err(checked(
                    "error-invalid-triggerWords",
                    "Invalid triggerWords",
                ));
            };
            let kept: Vec<Value> = words
                .iter()
                .filter(|word| word.as_str().is_some_and(|word| !word.trim().is_empty()))
                .cloned()
                .collect();
            doc.insert("triggerWords".into(), Value::Array(kept));
        }
    } else {
        doc.remove("triggerWords");
    }
    channels_exist(
        &channels,
        json!({"function": "validateOutgoing._verifyUserHasPermissionForChannels"}),
    )?;
    doc.insert("channel".into(), json!(channels));
    if doc.get("retryFailedCalls") == Some(&Value::Bool(true)) {
        let count = doc.get("retryCount").and_then(Value::as_f64).unwrap_or(0.0);
        doc.insert(
            "retryCount".into(),
            json!(if count > 0.0 { count.trunc() as i64 } else { 4 }),
        );
        let delay = doc
            .get("retryDelay")
            .and_then(Value::as_str)
            .map(str::to_lowercase);
        doc.insert(
            "retryDelay".into(),
            Value::from(delay.unwrap_or_else(|| "powers-of-ten".into())),
        );
    }
    Ok(doc)
}

/// The server's compiled script (here: the text, marked), or none.
pub(super) fn compile(doc: &mut Map<String, Value>) {
    let script = doc
        .get("script")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if doc.get("scriptEnabled") == Some(&Value::Bool(true)) && !script.trim().is_empty() {
        let compiled = format!("/* compiled */ {script}");
        doc.insert("scriptCompiled".into(), Value::from(compiled));
        doc.remove("scriptError");
    }
}

/// `API.v1.failure` of a `Meteor.Error(code, reason, details)` (§1.4).
pub(super) fn meteor_error(code: &str, reason: &str, details: Option<Value>) -> Response {
    let mut body =
        json!({"success": false, "error": format!("{reason} [{code}]"), "errorType": code});
    if let Some(details) = details {
        body["details"] = details;
    }
    json_response(400, body)
}

/// `API.v1.failure("text")`.
pub(super) fn failure(text: &str) -> Response {
    json_response(400, json!({"success": false, "error": text}))
}

/// An ISO time for `_createdAt` and `_updatedAt`.
pub(super) fn now() -> String {
    humantime::format_rfc3339_millis(SystemTime::now()).to_string()
}

/// A 17-character ID, like Rocket.Chat's `Random.id()`.
fn new_id() -> String {
    format!("created{:010}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A 48-character incoming token, like `Random.id(48)`.
fn new_token() -> String {
    format!("incomingtoken{:035}", NEXT.fetch_add(1, Ordering::Relaxed))
}
