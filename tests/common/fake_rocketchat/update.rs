//! `PUT integrations.update` (docs/server-api.md §3.5): the validator per
//! band, the lookup without a type filter, and what each type's update writes
//! (§3.5.4), played faithfully: an outgoing-typed update of an incoming hook
//! rewrites that hook's token (§3.5.6), so a test can prove rcctl never sends
//! one. Also the accessors tests use to read what the server now holds.

use serde_json::{Map, Value, json};

use super::create::{
    Branch, ENGINE_SINCE, OVERRIDE_SINCE, Property, Ty, USERS, channels_exist, compile, failure,
    incoming_channels, meteor_error, now, parse_body, validate, validate_outgoing,
};
use super::wire::{Request, Response, json_response};
use super::{Band, FakeRocketChat, Options, State, lock};
use crate::constants::USER_ID;

const INCOMING_PROPERTIES: &[Property] = &[
    ("type", Ty::Pattern("webhook-incoming"), false, None),
    ("integrationId", Ty::Str, false, None),
    ("channel", Ty::Str, false, None),
    ("scriptEnabled", Ty::Bool, false, None),
    ("scriptEngine", Ty::Str, false, ENGINE_SINCE),
    (
        "overrideDestinationChannelEnabled",
        Ty::Bool,
        true,
        OVERRIDE_SINCE,
    ),
    ("script", Ty::Str, true, None),
    ("alias", Ty::Str, true, None),
    ("avatar", Ty::Str, true, None),
    ("emoji", Ty::Str, true, None),
    ("name", Ty::Str, false, None),
    ("enabled", Ty::Bool, false, None),
];

const UPDATE_INCOMING: Branch = Branch {
    required: &[
        "integrationId",
        "type",
        "channel",
        "scriptEnabled",
        "name",
        "enabled",
    ],
    properties: INCOMING_PROPERTIES,
    additional: true,
};

/// The outgoing branch; F's also takes `skipTranspile` (8.4, §3.5.1).
const fn outgoing_branch(properties: &'static [Property]) -> Branch {
    Branch {
        required: &[
            "type",
            "username",
            "channel",
            "event",
            "scriptEnabled",
            "name",
            "enabled",
        ],
        properties,
        additional: false,
    }
}

macro_rules! outgoing_properties {
    ($($extra:expr),*) => {
        &[
            ("type", Ty::Pattern("webhook-outgoing"), false, None),
            ("integrationId", Ty::Str, true, None),
            ("target_url", Ty::Str, true, None),
            ("username", Ty::Str, false, None),
            ("channel", Ty::Str, false, None),
            ("event", Ty::Str, false, None),
            ("targetRoom", Ty::Str, true, None),
            ("urls", Ty::StrList, true, None),
            ("triggerWords", Ty::StrList, true, None),
            ("triggerWordAnywhere", Ty::Bool, true, None),
            ("token", Ty::Str, true, None),
            ("scriptEnabled", Ty::Bool, false, None),
            ("scriptEngine", Ty::Str, false, ENGINE_SINCE),
            ("script", Ty::Str, true, None),
            ("runOnEdits", Ty::Bool, true, None),
            ("retryFailedCalls", Ty::Bool, true, None),
            ("impersonateUser", Ty::Bool, true, None),
            ("retryCount", Ty::Num, true, None),
            ("retryDelay", Ty::Str, true, None),
            ("name", Ty::Str, false, None),
            ("enabled", Ty::Bool, false, None),
            ("alias", Ty::Str, true, None),
            ("avatar", Ty::Str, true, None),
            ("emoji", Ty::Str, true, None),
            $($extra,)*
        ]
    };
}

const UPDATE_OUTGOING: Branch = outgoing_branch(outgoing_properties!());
const UPDATE_OUTGOING_F: Branch = outgoing_branch(outgoing_properties!((
    "skipTranspile",
    Ty::Bool,
    false,
    None
)));

pub(super) fn update(state: &State, request: &Request) -> Response {
    let band = state.options.band();
    let body = match parse_body(request, band) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let outgoing = if band == Band::F {
        UPDATE_OUTGOING_F
    } else {
        UPDATE_OUTGOING
    };
    if let Err(response) = validate(&body, &[UPDATE_INCOMING, outgoing], state) {
        return response;
    }
    let text = |key: &str| {
        body.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let mut docs = lock(&state.docs);
    // No filter on the type (§3.5.3, §3.5.6).
    let found = match body["type"].as_str() {
        Some("webhook-outgoing") if !text("target_url").is_empty() => {
            let url = text("target_url");
            docs.iter()
                .find(|(_, doc)| {
                    doc["urls"]
                        .as_array()
                        .is_some_and(|urls| urls.contains(&Value::from(url.as_str())))
                })
                .map(|(id, _)| id.clone())
        }
        Some("webhook-outgoing" | "webhook-incoming") => Some(text("integrationId")),
        _ => return failure("Invalid integration type."),
    };
    let Some(doc) = found.and_then(|id| docs.get_mut(&id)) else {
        return failure("No integration found.");
    };
    let Value::Object(stored) = doc else {
        return failure("No integration found.");
    };
    let version = state.options.version;
    let written = if body["type"] == "webhook-outgoing" {
        update_outgoing(stored, &body, version)
    } else {
        update_incoming(stored, &body, &state.options)
    };
    match written {
        Ok(()) => {
            stored.insert("_updatedAt".into(), Value::from(now()));
            stored.insert(
                "_updatedBy".into(),
                json!({"_id": USER_ID, "username": "admin"}),
            );
            json_response(200, json!({"integration": stored, "success": true}))
        }
        Err(response) => response,
    }
}

/// `updateIncomingIntegration` (§3.5.3): a token in the body is ignored, and
/// so, in bands C and D, is a `username`.
fn update_incoming(
    stored: &mut Map<String, Value>,
    body: &Map<String, Value>,
    options: &Options,
) -> Result<(), Response> {
    let version = options.version;
    let method = json!({"method": "updateIncomingIntegration"});
    let channels = incoming_channels(body, "updateIncomingIntegration")?;
    compile_now(stored, body);
    channels_exist(&channels, method.clone())?;
    let new_user = (options.band() >= Band::E)
        .then(|| body.get("username").and_then(Value::as_str))
        .flatten();
    let user = new_user
        .or_else(|| stored.get("username").and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned();
    if !USERS.contains(&user.as_str()) {
        return Err(meteor_error(
            "error-invalid-post-as-user",
            "Invalid Post As User",
            Some(method),
        ));
    }
    for key in ["name", "enabled", "scriptEnabled"] {
        stored.insert(key.into(), body[key].clone());
    }
    stored.insert("channel".into(), json!(channels));
    for key in [
        "alias",
        "avatar",
        "emoji",
        "script",
        "overrideDestinationChannelEnabled",
    ] {
        if let Some(value) = body.get(key) {
            stored.insert(key.into(), value.clone());
        }
    }
    // From 6.4; a document without an engine ran on vm2 before 7.0 (§3.5.3 step 4).
    if version >= ENGINE_SINCE.unwrap_or_default() {
        let default = if version < (7, 0) {
            "vm2"
        } else {
            "isolated-vm"
        };
        let engine = body
            .get("scriptEngine")
            .or_else(|| stored.get("scriptEngine"));
        let engine = engine.cloned().unwrap_or_else(|| default.into());
        stored.insert("scriptEngine".into(), engine);
    }
    if let Some(user) = new_user {
        stored.insert("username".into(), Value::from(user));
        stored.insert("userId".into(), Value::from(user));
    }
    Ok(())
}

/// With a script enabled, the compiled script is written at once, before the
/// checks that may still fail (§3.5.3 step 5).
fn compile_now(stored: &mut Map<String, Value>, body: &Map<String, Value>) {
    let mut wanted = body.clone();
    compile(&mut wanted);
    if let Some(compiled) = wanted.get("scriptCompiled") {
        stored.insert("scriptCompiled".into(), compiled.clone());
    }
}

/// `updateOutgoingIntegration` (§3.5.3): validated like a create, a token
/// required and stored as given.
fn update_outgoing(
    stored: &mut Map<String, Value>,
    body: &Map<String, Value>,
    version: (u32, u32),
) -> Result<(), Response> {
    let valid = validate_outgoing(body)?;
    let token = body
        .get("token")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if token.trim().is_empty() {
        return Err(meteor_error(
            "error-invalid-token",
            "Invalid token",
            Some(json!({"method": "updateOutgoingIntegration"})),
        ));
    }
    for key in [
        "name",
        "enabled",
        "scriptEnabled",
        "username",
        "event",
        "urls",
        "channel",
        "token",
    ] {
        stored.insert(key.into(), valid[key].clone());
    }
    let username = valid["username"].clone();
    stored.insert("userId".into(), username);
    for key in [
        "alias",
        "avatar",
        "emoji",
        "script",
        "targetRoom",
        "impersonateUser",
        "triggerWordAnywhere",
        "retryFailedCalls",
        "retryCount",
        "retryDelay",
        "skipTranspile",
    ] {
        if let Some(value) = valid.get(key) {
            stored.insert(key.into(), value.clone());
        }
    }
    if let Some(value) = valid.get("runOnEdits") {
        stored.insert(
            "runOnEdits".into(),
            Value::Bool(value == &Value::Bool(true)),
        );
    }
    if valid["event"] == "sendMessage"
        && let Some(words) = valid.get("triggerWords")
    {
        stored.insert("triggerWords".into(), words.clone());
    }
    if version >= ENGINE_SINCE.unwrap_or_default() {
        let engine = valid.get("scriptEngine").cloned();
        stored.insert(
            "scriptEngine".into(),
            engine.unwrap_or_else(|| "isolated-vm".into()),
        );
    }
    let mut compiled = valid.clone();
    compile(&mut compiled);
    match compiled.get("scriptCompiled") {
        Some(script) => {
            stored.insert("scriptCompiled".into(), script.clone());
            stored.remove("scriptError");
        }
        None => {
            stored.remove("scriptCompiled");
        }
    }
    Ok(())
}

impl FakeRocketChat {
    /// The document stored under `id`, as `integrations.get` would answer it.
    pub fn doc(&self, id: &str) -> Option<Value> {
        lock(&self.state.docs).get(id).cloned()
    }

    /// Every stored document, in `_createdAt` order.
    pub fn docs(&self) -> Vec<Value> {
        let mut docs: Vec<Value> = lock(&self.state.docs).values().cloned().collect();
        docs.sort_by(|a, b| {
            (a["_createdAt"].as_str(), a["_id"].as_str())
                .cmp(&(b["_createdAt"].as_str(), b["_id"].as_str()))
        });
        docs
    }
}
