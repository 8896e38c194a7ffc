//! `users.info` (docs/server-api.md §5.5): the seeded users, looked up by
//! `username` or `userId`, exactly (case-sensitive), `_id` or username alike;
//! and `me` (§5.3): who the credentials belong to, for the commands that check
//! them (`auth login`, `auth status`).

use reqwest::Url;
use serde_json::{Value, json};

use super::wire::{Response, json_response};
use super::{Band, State};
use crate::constants::USER_ID;

/// The search keys, in the order the server tries them, and the other
/// parameters its validator accepts.
const KEYS: [&str; 3] = ["userId", "username", "importId"];
const ALSO: [&str; 2] = ["fields", "includeUserRooms"];

pub(super) fn info(state: &State, url: &Url) -> Response {
    let params: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    let known = |key: &str| KEYS.contains(&key) || ALSO.contains(&key);
    if params.iter().all(|(key, _)| !KEYS.contains(&key.as_str()))
        || params.iter().any(|(key, _)| !known(key))
    {
        return invalid(state.options.band());
    }
    let Some(value) = KEYS.iter().find_map(|wanted| {
        params
            .iter()
            .find(|(key, value)| key == wanted && !value.is_empty())
            .map(|(_, value)| value.as_str())
    }) else {
        return json_response(
            400,
            json!({"success": false, "error": "Invalid search query."}),
        );
    };
    let found = state
        .options
        .users
        .iter()
        .find(|user| user["_id"] == value || user["username"] == value);
    match found {
        Some(user) => json_response(200, json!({"user": user, "success": true})),
        None => json_response(400, json!({"success": false, "error": "User not found."})),
    }
}

fn invalid(band: Band) -> Response {
    let messages = [
        "must have required property 'userId'",
        "must have required property 'username'",
        "must have required property 'importId'",
        "must match a schema in anyOf",
    ];
    json_response(
        400,
        if band < Band::F {
            json!({"success": false, "error": format!("{} [invalid-params]", messages.join("\n ")), "errorType": "invalid-params"})
        } else {
            json!({"success": false, "errorType": "error-invalid-params", "error": messages.join("\n")})
        },
    )
}

/// A user as `users.info` shows it to anyone (`active` included).
pub fn user(id: &str, username: &str, active: bool) -> Value {
    json!({
        "_id": id, "username": username, "type": "user", "status": "offline",
        "active": active, "name": username, "utcOffset": 0, "canViewAllInfo": false,
    })
}

pub(super) fn me() -> Response {
    json_response(
        200,
        json!({"_id": USER_ID, "username": "admin", "active": true, "success": true}),
    )
}
