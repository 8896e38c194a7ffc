//! An outgoing webhook's delivery history: `GET /api/v1/integrations.history`
//! (docs/server-api.md §3.4).
//!
//! An entry is kept as the JSON object the server sent, so `--json` can print
//! it as it came. Entries carry the integration's token in several places
//! (`integration.token`, `data.token`, `httpCallData.token`, and whatever a
//! script put elsewhere), so printing redacts every key named `token`, at any
//! depth, and `Debug` shows none of the entry.

use std::fmt;

use serde_json::{Map, Value};

use super::{ApiError, Client, REDACTED};

/// The most entries the server sends in one page (`API_Upper_Count_Limit`).
pub const HISTORY_PAGE_SIZE: usize = 100;

/// One page of `integrations.history`.
#[derive(Debug)]
pub struct HistoryPage {
    pub entries: Vec<HistoryEntry>,
    /// `total` of the filter, when the server sent it.
    pub total: Option<u64>,
}

impl Client {
    /// One page of an integration's history, newest activity first (the
    /// server's default order, asked for explicitly). The server checks
    /// neither that the integration exists nor that it is outgoing: an unknown
    /// ID is an empty page.
    pub fn integration_history(
        &self,
        id: &str,
        offset: usize,
        count: usize,
    ) -> Result<HistoryPage, ApiError> {
        let mut url = self.server.endpoint("api/v1/integrations.history");
        url.query_pairs_mut()
            .append_pair("id", id)
            .append_pair("offset", &offset.to_string())
            .append_pair("count", &count.min(HISTORY_PAGE_SIZE).to_string())
            .append_pair("sort", r#"{"_updatedAt":-1}"#);
        let mut body = self.send("GET", "integrations.history", &url, || {
            self.http.get(url.clone())
        })?;
        Ok(HistoryPage {
            entries: self.objects_in(&mut body, "history", HistoryEntry::from_object)?,
            total: body.get("total").and_then(Value::as_u64),
        })
    }
}

/// One run of an outgoing trigger for one URL, as the server recorded it.
#[derive(Clone, PartialEq)]
pub struct HistoryEntry(Map<String, Value>);

impl HistoryEntry {
    pub fn from_object(object: Map<String, Value>) -> Self {
        Self(object)
    }

    /// When the run started.
    pub fn created_at(&self) -> &str {
        self.str_field("_createdAt").unwrap_or_default()
    }

    /// The run's last activity (the server sorts on it), else its start.
    pub fn last_activity(&self) -> &str {
        self.str_field("_updatedAt")
            .unwrap_or_else(|| self.created_at())
    }

    pub fn event(&self) -> &str {
        self.str_field("event").unwrap_or_default()
    }

    /// The last step the run reached, e.g. `after-process-send-message`.
    pub fn step(&self) -> &str {
        self.str_field("step").unwrap_or_default()
    }

    /// The URL actually called (set from the `pre-http-call` step on).
    pub fn url(&self) -> &str {
        self.str_field("url").unwrap_or_default()
    }

    /// The run ended in an error (`error: true`, written by every error step).
    pub fn failed(&self) -> bool {
        self.0.get("error").and_then(Value::as_bool) == Some(true)
    }

    /// The run reached a final step without an error.
    pub fn finished(&self) -> bool {
        self.0.get("finished").and_then(Value::as_bool) == Some(true)
    }

    /// The target's HTTP status, where the server recorded one: only the steps
    /// `after-process-http-status-<code>` name it, and a fetch error may carry
    /// it (`statusCode`, `status`, or `response.statusCode`). The server keeps
    /// no status for other answers (`httpResult` is only the response text).
    pub fn http_status(&self) -> Option<u16> {
        if let Some(code) = self.step().strip_prefix("after-process-http-status-") {
            return code.parse().ok();
        }
        let error = self.0.get("httpError")?;
        [
            error.get("statusCode"),
            error.get("status"),
            error.get("response").and_then(|r| r.get("statusCode")),
        ]
        .into_iter()
        .flatten()
        .find_map(|code| {
            code.as_u64()
                .or_else(|| code.as_str().and_then(|text| text.parse().ok()))
        })
        .and_then(|code| u16::try_from(code).ok())
    }

    /// What went wrong, in one line: the first line of `errorStack`, else the
    /// fetch error (`httpError`); `None` when neither says anything.
    pub fn error_message(&self) -> Option<String> {
        ["errorStack", "httpError"]
            .into_iter()
            .filter_map(|key| self.0.get(key))
            .find_map(first_line)
    }

    /// The entry for printing: every key named `token`, at any depth,
    /// `"[redacted]"` unless the user asked to see secrets.
    pub fn to_output_value(&self, show_secrets: bool) -> Value {
        let mut value = Value::Object(self.0.clone());
        if !show_secrets {
            redact_tokens(&mut value);
        }
        value
    }

    fn str_field(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(Value::as_str)
    }
}

#[cfg(test)]
impl HistoryEntry {
    /// An entry from a JSON object literal.
    pub fn from_json(value: Value) -> Self {
        let Value::Object(object) = value else {
            panic!("a history entry is a JSON object: {value}")
        };
        Self(object)
    }
}

/// Never prints the entry: it holds the integration's token.
impl fmt::Debug for HistoryEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HistoryEntry")
            .field("id", &self.str_field("_id").unwrap_or_default())
            .field("step", &self.step())
            .finish_non_exhaustive()
    }
}

/// The first non-blank line of an error as the server stored it: a stack
/// trace or message string, or an object (its `message`, else its JSON).
fn first_line(error: &Value) -> Option<String> {
    let text = match error {
        Value::Null => return None,
        Value::String(text) => text.clone(),
        Value::Object(object) => match object.get("message").and_then(Value::as_str) {
            Some(message) => message.to_owned(),
            None if object.is_empty() => return None,
            None => error.to_string(),
        },
        other => other.to_string(),
    };
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(str::to_owned)
}

/// Replaces the value of every key named `token`, at any depth.
fn redact_tokens(value: &mut Value) {
    match value {
        Value::Object(object) => {
            for (key, item) in object.iter_mut() {
                if key == "token" && !item.is_null() {
                    *item = Value::String(REDACTED.to_owned());
                } else {
                    redact_tokens(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_tokens),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(value: Value) -> HistoryEntry {
        HistoryEntry::from_json(value)
    }

    #[test]
    fn every_token_is_redacted_at_any_depth() {
        let entry = entry(json!({
            "_id": "h1",
            "integration": {"_id": "o1", "token": "secret-1"},
            "data": {"token": "secret-2", "bot": false},
            "httpCallData": {"token": "secret-3", "nested": [{"token": "secret-4"}]},
            "token": null,
        }));
        let shown = entry.to_output_value(false).to_string();
        assert!(!shown.contains("secret-"), "{shown}");
        assert_eq!(shown.matches(REDACTED).count(), 4, "{shown}");
        assert!(
            shown.contains(r#""token":null"#),
            "null stays null: {shown}"
        );
        assert!(entry.to_output_value(true).to_string().contains("secret-4"));
        assert!(!format!("{entry:?}").contains("secret-"));
    }

    #[test]
    fn the_error_message_is_the_first_line_of_the_stack_else_the_fetch_error() {
        let stack = entry(json!({
            "error": true,
            "errorStack": "\n  Error: connect ECONNREFUSED 10.0.0.1:443\n    at TCPConnectWrap",
            "httpError": {"message": "ignored"},
        }));
        assert_eq!(
            stack.error_message().as_deref(),
            Some("Error: connect ECONNREFUSED 10.0.0.1:443")
        );
        let fetch =
            entry(json!({"httpError": {"message": "socket hang up", "code": "ECONNRESET"}}));
        assert_eq!(fetch.error_message().as_deref(), Some("socket hang up"));
        let odd = entry(json!({"errorStack": {"code": 7}}));
        assert_eq!(odd.error_message().as_deref(), Some(r#"{"code":7}"#));
        assert_eq!(entry(json!({"httpError": {}})).error_message(), None);
        assert_eq!(entry(json!({"finished": true})).error_message(), None);
    }

    #[test]
    fn the_http_status_is_read_where_the_server_recorded_one() {
        let status = |value| entry(value).http_status();
        assert_eq!(
            status(json!({"step": "after-process-http-status-410"})),
            Some(410)
        );
        assert_eq!(
            status(
                json!({"step": "after-http-call", "httpError": {"response": {"statusCode": 502}}})
            ),
            Some(502)
        );
        assert_eq!(
            status(json!({"httpError": {"statusCode": "404"}})),
            Some(404)
        );
        assert_eq!(
            status(json!({"step": "after-process-send-message", "httpResult": "\"ok\""})),
            None
        );
    }

    #[test]
    fn outcome_flags_and_times() {
        let done = entry(json!({"finished": true, "_createdAt": "a", "_updatedAt": "b"}));
        assert!(done.finished() && !done.failed());
        assert_eq!(done.last_activity(), "b");
        let started = entry(json!({"_createdAt": "a"}));
        assert_eq!(started.last_activity(), "a");
        assert!(entry(json!({"error": true})).failed());
    }
}
