//! `integrations.history` (docs/server-api.md §3.4): the seeded entries of one
//! integration, with the server's validation, permission gate, sort and paging.
//!
//! Entries are seeded in the server's shape plus an `integrationId`; the
//! answer carries, as the server stores it, the whole integration document the
//! trigger ran with (token included) under `integration`.

use reqwest::Url;
use serde_json::{Value, json};

use super::wire::{Response, json_response};
use super::{Band, State, query_param};

/// The parameters the route's validator accepts (`additionalProperties: false`).
const ACCEPTED: [&str; 5] = ["id", "offset", "count", "sort", "query"];

pub(super) fn history(state: &State, url: &Url) -> Response {
    let band = state.options.band();
    // From 8.x the permission middleware runs before validation (§1.7).
    if band == Band::F && state.options.history_forbidden {
        return forbidden(band);
    }
    if let Some(invalid) = invalid_query(band, url) {
        return invalid;
    }
    if state.options.history_forbidden {
        return forbidden(band);
    }
    let id = query_param(url, "id").unwrap_or_default();
    if id.trim().is_empty() {
        return json_response(
            400,
            json!({"success": false, "error": "Invalid integration id."}),
        );
    }
    let Some((key, direction)) = sort(url) else {
        let text = query_param(url, "sort").unwrap_or_default();
        return json_response(
            400,
            json!({"success": false, "error": format!("Invalid sort parameter provided: \"{text}\" [error-invalid-sort]"), "errorType": "error-invalid-sort", "details": {"helperMethod": "parseJsonQuery"}}),
        );
    };
    let mut entries: Vec<Value> = state
        .options
        .history
        .iter()
        .filter(|entry| entry["integrationId"] == id.as_str())
        .map(|entry| stored(state, entry))
        .collect();
    entries.sort_by(|a, b| {
        let order = a[&key].as_str().cmp(&b[&key].as_str());
        if direction < 0 {
            order.reverse()
        } else {
            order
        }
    });
    let total = entries.len();
    let number = |name: &str| query_param(url, name).and_then(|value| value.parse::<usize>().ok());
    let offset = number("offset").unwrap_or(0).min(total);
    let count = match number("count").unwrap_or(50) {
        0 => total,
        count => count.min(100),
    };
    let page: Vec<Value> = entries.into_iter().skip(offset).take(count).collect();
    json_response(
        200,
        json!({"history": page, "offset": offset, "items": page.len(), "count": page.len(), "total": total, "success": true}),
    )
}

/// The entry as the server stores it: `integration` is the document.
fn stored(state: &State, seeded: &Value) -> Value {
    let mut entry = seeded.clone();
    let id = entry
        .as_object_mut()
        .and_then(|object| object.remove("integrationId"))
        .unwrap_or_default();
    let doc = state
        .options
        .docs
        .iter()
        .find(|doc| doc["_id"] == id)
        .cloned()
        .unwrap_or_else(|| json!({"_id": id}));
    entry["integration"] = doc;
    entry
}

/// `sort` as (key, 1 or -1); `{"_updatedAt": -1}` when absent, `None` when bad.
fn sort(url: &Url) -> Option<(String, i64)> {
    let Some(text) = query_param(url, "sort") else {
        return Some(("_updatedAt".to_owned(), -1));
    };
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(&text) else {
        return None;
    };
    let (key, direction) = object.into_iter().next()?;
    match direction.as_i64() {
        Some(direction @ (1 | -1)) => Some((key, direction)),
        _ => None,
    }
}

/// The validator's answer to a missing or empty `id`, or to an unknown parameter.
fn invalid_query(band: Band, url: &Url) -> Option<Response> {
    let unknown = url
        .query_pairs()
        .any(|(key, _)| !ACCEPTED.contains(&key.as_ref()));
    let message = if unknown {
        "must NOT have additional properties"
    } else {
        match query_param(url, "id") {
            None => "must have required property 'id'",
            Some(id) if id.is_empty() => "must NOT have fewer than 1 characters",
            Some(_) => return None,
        }
    };
    Some(if band < Band::E {
        json_response(
            400,
            json!({"success": false, "error": format!("{message} [invalid-params]"), "errorType": "invalid-params"}),
        )
    } else {
        json_response(
            400,
            json!({"success": false, "errorType": "error-invalid-params", "error": message}),
        )
    })
}

/// No outgoing permission (§1.5): band C's short text, the long one from 7.0.
fn forbidden(band: Band) -> Response {
    let error = if band == Band::C {
        "unauthorized"
    } else {
        "User does not have the permissions required for this action [error-unauthorized]"
    };
    json_response(403, json!({"success": false, "error": error}))
}
