//! `integrations.get`, `.remove` and `.list` (docs/server-api.md §2, §3.1, §3.2).

use std::time::Duration;

use reqwest::Url;
use serde_json::{Value, json};

use super::wire::{Request, Response, json_response};
use super::{ListQuirk, RemoveReply, State, lock, outgoing_doc, query_param};

pub(super) fn get(state: &State, url: &Url) -> Response {
    let id = query_param(url, "integrationId").unwrap_or_default();
    match find(state, &id) {
        Some(doc) => json_response(200, json!({"integration": doc, "success": true})),
        None => json_response(
            400,
            json!({"success": false, "error": "The integration does not exists."}),
        ),
    }
}

/// The removal, or `None` when its reply is to be lost.
pub(super) fn remove(state: &State, request: &Request) -> Option<Response> {
    let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
    let id = body["integrationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    if state.options.remove_reply == RemoveReply::HangWithoutRemoving {
        std::thread::sleep(Duration::from_secs(30));
        return None;
    }
    let reads = || {
        lock(&state.requests)
            .get("integrations.get")
            .copied()
            .unwrap_or(0)
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while reads() < state.options.removals_wait_for_reads && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    // One removal at a time, as the database's delete is atomic: two
    // removals of one ID never both find it.
    let mut removed = lock(&state.removed);
    // Like the server: no type filter (docs/server-api.md §2.7).
    let Some(doc) = find(state, &id) else {
        return Some(json_response(
            400,
            json!({"success": false, "error": "No integration found."}),
        ));
    };
    lock(&state.docs).remove(&id);
    lock(&state.gone).insert(id.clone());
    removed.push(id);
    drop(removed);
    match state.options.remove_reply {
        RemoveReply::RemoveThenClose => None,
        RemoveReply::RemoveThenHang => {
            std::thread::sleep(Duration::from_secs(30));
            None
        }
        _ => Some(json_response(
            200,
            json!({"integration": doc, "success": true}),
        )),
    }
}

pub(super) fn list(state: &State, url: &Url) -> Response {
    if state.options.list_quirk == ListQuirk::Forbidden {
        return json_response(
            403,
            json!({"success": false, "error": "User does not have the permissions required for this action [error-unauthorized]"}),
        );
    }
    let docs = lock(&state.docs);
    let total = docs.len();
    let param = |name: &str| query_param(url, name).and_then(|value| value.parse::<usize>().ok());
    let offset = match state.options.list_quirk {
        ListQuirk::IgnoresOffset => 0,
        _ => param("offset").unwrap_or(0).min(total),
    };
    let count = param("count").unwrap_or(50).min(100);
    // Sorted by ID already: a page is a slice, however many integrations
    // there are, written out as it is read (a benchmark lists 10,000: the
    // server's own work must stay small beside rcctl's).
    let page: Vec<String> = docs
        .values()
        .skip(offset)
        .take(count)
        .map(Value::to_string)
        .collect();
    drop(docs);
    let items = page.len();
    let total = match state.options.list_quirk {
        ListQuirk::NoTotal => String::new(),
        _ => format!(r#""total":{total},"#),
    };
    Response {
        body: format!(
            r#"{{"integrations":[{}],"offset":{offset},"items":{items},"count":{items},{total}"success":true}}"#,
            page.join(",")
        ),
        ..json_response(200, Value::Null)
    }
}

pub(super) fn find(state: &State, id: &str) -> Option<Value> {
    if let Some(doc) = lock(&state.docs).get(id) {
        return Some(doc.clone());
    }
    (state.options.any_id && !lock(&state.gone).contains(id))
        .then(|| outgoing_doc(id, &format!("hook {id}")))
}
