//! How an integration, and what is told about integrations (export, apply,
//! history, doctor), looks.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use super::{CellValue, Column, Form, ID, Shown, minutes, seconds};
use crate::api::{HistoryEntry, Integration, IntegrationKind};

fn is_outgoing(doc: &Integration) -> bool {
    doc.kind() == Some(IntegrationKind::Outgoing)
}

/// The columns of an integration.
pub static INTEGRATION: &[Column<Integration>] = &[
    Column {
        label: ID,
        shown: Shown::Always,
        whole: true,
        value: |doc, _| CellValue::text(doc.id()),
    },
    Column {
        label: "Type",
        shown: Shown::Always,
        whole: true,
        value: |doc, view| match view.form {
            Form::Field => CellValue::text(doc.type_name()),
            Form::Row => CellValue::text(doc.short_type()),
        },
    },
    Column {
        label: "Name",
        shown: Shown::Always,
        whole: false,
        value: |doc, _| CellValue::text(doc.name()),
    },
    Column {
        label: "Enabled",
        shown: Shown::Always,
        whole: true,
        value: |doc, _| Some(CellValue::Flag(doc.enabled())),
    },
    Column {
        label: "Channels",
        shown: Shown::Always,
        whole: false,
        value: |doc, _| CellValue::text(doc.channels().join(", ")),
    },
    Column {
        label: "Post as",
        shown: Shown::Wide,
        whole: false,
        value: |doc, _| CellValue::text(doc.username()),
    },
    Column {
        label: "Created at",
        shown: Shown::Wide,
        whole: true,
        value: |doc, view| match view.form {
            Form::Field => CellValue::text(doc.created_at()),
            Form::Row => CellValue::text(minutes(doc.created_at())),
        },
    },
    Column {
        label: "Created by",
        shown: Shown::Wide,
        whole: false,
        value: |doc, _| CellValue::text(doc.created_by()),
    },
    Column {
        label: "Event",
        shown: Shown::WideWhen(is_outgoing),
        whole: false,
        value: |doc, _| CellValue::text(doc.event()),
    },
    Column {
        label: "URLs",
        shown: Shown::WideWhen(is_outgoing),
        whole: false,
        value: |doc, _| CellValue::text(doc.urls().join(", ")),
    },
    Column {
        label: "Trigger words",
        shown: Shown::WideWhen(is_outgoing),
        whole: false,
        value: |doc, _| CellValue::text(doc.trigger_words().join(", ")),
    },
    Column {
        label: "Token",
        shown: Shown::WithSecrets,
        // Asked for with `--show-secrets`, and of no use shortened.
        whole: true,
        value: |doc, view| {
            doc.token_for_display(view.show_secrets)
                .map(|token| CellValue::Text(token.to_owned()))
        },
    },
];

/// The document fields the columns of [`INTEGRATION`] show; a field table
/// shows every other one after them ([`other_fields`]).
const SHOWN_BY_COLUMNS: &[&str] = &[
    "_id",
    "type",
    "name",
    "enabled",
    "channel",
    "username",
    "_createdAt",
    "_createdBy",
    "event",
    "urls",
    "triggerWords",
    "token",
];

/// The fields of `doc` that no column of [`INTEGRATION`] shows, in the
/// server's order, each labelled from its key (`scriptEnabled`: `Script
/// enabled`): the rest of "every field" of docs/contract.md §4.2.
pub fn other_fields(doc: &Integration) -> Vec<(String, CellValue)> {
    doc.as_object()
        .iter()
        .filter(|(key, _)| !SHOWN_BY_COLUMNS.contains(&key.as_str()))
        .map(|(key, value)| (label_of(key), field_value(value)))
        .collect()
}

/// `_updatedAt` as `Updated at`, `retryFailedCalls` as `Retry failed calls`.
fn label_of(key: &str) -> String {
    let mut label = String::with_capacity(key.len() + 4);
    for c in key.trim_start_matches('_').chars() {
        if label.is_empty() {
            label.extend(c.to_uppercase());
        } else if c.is_uppercase() {
            label.push(' ');
            label.extend(c.to_lowercase());
        } else {
            label.push(c);
        }
    }
    if label.is_empty() {
        key.to_owned()
    } else {
        label
    }
}

/// A string, number or flag as text; `None` for the rest.
fn scalar(value: &Value) -> Option<Cow<'_, str>> {
    match value {
        Value::String(text) => Some(Cow::Borrowed(text)),
        Value::Number(number) => Some(Cow::Owned(number.to_string())),
        Value::Bool(flag) => Some(Cow::Borrowed(if *flag { "yes" } else { "no" })),
        _ => None,
    }
}

/// One field's value as a field table shows it: lists joined, flags as
/// yes/no, nested objects as compact JSON, and text of several lines (a
/// script) by its length, since escaped onto one line it is unreadable.
fn field_value(value: &Value) -> CellValue {
    match value {
        Value::Bool(flag) => CellValue::Flag(Some(*flag)),
        Value::Null => CellValue::Text(String::new()),
        Value::String(text) if text.contains('\n') => {
            let lines = text.lines().count();
            CellValue::Text(format!("{lines} lines (-o json shows them)"))
        }
        Value::Array(items) => match items.iter().map(scalar).collect::<Option<Vec<_>>>() {
            Some(items) => CellValue::Text(items.join(", ")),
            None => CellValue::Text(value.to_string()),
        },
        other => CellValue::Text(scalar(other).map_or_else(|| other.to_string(), Cow::into_owned)),
    }
}

/// One integration `export` wrote (docs/contract.md §7.1).
#[derive(Debug, Serialize)]
pub struct ExportedView {
    pub file: String,
    #[serde(rename = "_id")]
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: IntegrationKind,
}

/// The columns of `export`'s report.
pub static EXPORTED: &[Column<ExportedView>] = &[
    Column {
        label: "File",
        shown: Shown::Always,
        whole: false,
        value: |exported, _| CellValue::text(&exported.file),
    },
    Column {
        label: ID,
        shown: Shown::Always,
        whole: true,
        value: |exported, _| CellValue::text(&exported.id),
    },
    Column {
        label: "Name",
        shown: Shown::Always,
        whole: false,
        value: |exported, _| CellValue::text(&exported.name),
    },
    Column {
        label: "Type",
        shown: Shown::Always,
        whole: true,
        value: |exported, _| CellValue::text(exported.kind.short_name()),
    },
];

/// One action `apply --json` reports as it completes (docs/contract.md §7.3);
/// a failure also gets the error object of §4.6 as `error`.
#[derive(Serialize)]
pub struct AppliedView<'a> {
    /// `create`, `update`, `remove`.
    pub action: &'static str,
    /// The integration's ID; for a create, the file's `_id` (from the server
    /// it was exported from), if it has one.
    #[serde(rename = "_id")]
    pub id: Option<&'a str>,
    pub name: &'a str,
    /// The server's name of the type (`webhook-incoming`).
    #[serde(rename = "type")]
    pub kind: &'a str,
    /// `created`, `updated`, `removed`, `missing` (a removal found it gone
    /// already), `failed`.
    pub result: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_id: Option<&'a str>,
    /// A new incoming webhook's URL, with `--show-secrets` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The URL holds the webhook's token: never shown.
impl std::fmt::Debug for AppliedView<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppliedView")
            .field("action", &self.action)
            .field("id", &self.id)
            .field("name", &self.name)
            .field("result", &self.result)
            .field("new_id", &self.new_id)
            .finish_non_exhaustive()
    }
}

/// One delivery of an outgoing webhook, as `history` shows it to people
/// (`--json` prints the server's entries instead).
#[derive(Debug, Serialize)]
pub struct HistoryView {
    pub time: String,
    pub event: String,
    pub step: String,
    /// `ok`, `error`, or `unfinished` (neither finished nor failed: still
    /// running or retrying, or stopped without a word).
    pub outcome: &'static str,
    pub url: String,
    pub http_status: Option<u16>,
    pub error: Option<String>,
}

impl HistoryView {
    pub fn new(entry: &HistoryEntry) -> Self {
        let outcome = if entry.failed() {
            "error"
        } else if entry.finished() {
            "ok"
        } else {
            "unfinished"
        };
        Self {
            time: seconds(entry.created_at()).into_owned(),
            event: entry.event().to_owned(),
            step: entry.step().to_owned(),
            outcome,
            url: entry.url().to_owned(),
            http_status: entry.http_status(),
            error: entry.error_message(),
        }
    }
}

/// The columns of `history`.
pub static HISTORY: &[Column<HistoryView>] = &[
    Column {
        label: "Time (UTC)",
        shown: Shown::Always,
        whole: true,
        value: |entry, _| CellValue::text(&entry.time),
    },
    Column {
        label: "Event",
        shown: Shown::Always,
        whole: false,
        value: |entry, _| CellValue::text(&entry.event),
    },
    Column {
        label: "Step",
        shown: Shown::Always,
        whole: false,
        value: |entry, _| CellValue::text(&entry.step),
    },
    Column {
        label: "Outcome",
        shown: Shown::Always,
        whole: true,
        value: |entry, _| CellValue::text(entry.outcome),
    },
    Column {
        label: "URL",
        shown: Shown::Always,
        whole: false,
        value: |entry, _| CellValue::text(&entry.url),
    },
    Column {
        label: "HTTP",
        shown: Shown::Always,
        whole: true,
        value: |entry, _| {
            CellValue::text(
                entry
                    .http_status
                    .map(|code| code.to_string())
                    .unwrap_or_default(),
            )
        },
    },
    Column {
        label: "Error",
        shown: Shown::Always,
        whole: false,
        value: |entry, _| CellValue::text(entry.error.as_deref().unwrap_or_default()),
    },
];

/// How much a `doctor` finding matters, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

/// One problem `doctor` found with one integration; `--json` prints these
/// keys, in this order (docs/contract.md §3.8).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    #[serde(rename = "_id")]
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// `post-as-user-missing`, `stale`, …
    pub finding: &'static str,
    pub severity: Severity,
    pub detail: String,
}

/// The columns of `doctor`.
pub static FINDING: &[Column<Finding>] = &[
    Column {
        label: "Severity",
        shown: Shown::Always,
        whole: true,
        value: |finding, _| CellValue::text(finding.severity.name()),
    },
    Column {
        label: ID,
        shown: Shown::Always,
        whole: true,
        value: |finding, _| CellValue::text(&finding.id),
    },
    Column {
        label: "Name",
        shown: Shown::Always,
        whole: false,
        value: |finding, _| CellValue::text(&finding.name),
    },
    Column {
        label: "Type",
        shown: Shown::Always,
        whole: true,
        value: |finding, _| CellValue::text(IntegrationKind::shorten(&finding.kind)),
    },
    Column {
        label: "Finding",
        shown: Shown::Always,
        whole: true,
        value: |finding, _| CellValue::text(finding.finding),
    },
    Column {
        label: "Detail",
        shown: Shown::Always,
        whole: false,
        value: |finding, _| CellValue::text(&finding.detail),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::view::ViewOptions;

    #[test]
    fn findings_serialise_with_the_contract_keys_in_order() {
        let finding = Finding {
            id: "o1".into(),
            name: "Guggy".into(),
            kind: "webhook-outgoing".into(),
            finding: "disabled",
            severity: Severity::Info,
            detail: "enabled is false".into(),
        };
        assert_eq!(
            serde_json::to_string(&finding).expect("serialises"),
            r#"{"_id":"o1","name":"Guggy","type":"webhook-outgoing","finding":"disabled","severity":"info","detail":"enabled is false"}"#
        );
    }

    #[test]
    fn an_applied_view_never_shows_its_url_in_debug() {
        let view = AppliedView {
            action: "create",
            id: None,
            name: "CI",
            kind: "webhook-incoming",
            result: "created",
            new_id: Some("new"),
            url: Some("https://chat.example.com/hooks/new/secret-token".to_owned()),
        };
        assert!(!format!("{view:?}").contains("secret-token"));
    }

    #[test]
    fn labels_are_the_keys_in_words() {
        assert_eq!(label_of("_updatedAt"), "Updated at");
        assert_eq!(label_of("retryFailedCalls"), "Retry failed calls");
        assert_eq!(label_of("alias"), "Alias");
        assert_eq!(label_of("_"), "_");
    }

    /// Each key said to be shown by a column is: without it, the field
    /// table's values change.
    #[test]
    fn the_keys_left_to_other_fields_are_those_the_columns_show() {
        let full = Integration::from_json(serde_json::json!({
            "_id": "a1", "type": "webhook-outgoing", "name": "n", "enabled": true,
            "channel": ["#c"], "username": "u", "_createdAt": "2024-01-10T14:12:07.739Z",
            "_createdBy": {"username": "admin"}, "event": "sendMessage", "urls": ["https://x"],
            "triggerWords": ["!go"], "token": "t",
        }));
        let values = |doc: &Integration| -> Vec<Option<CellValue>> {
            let options = ViewOptions {
                form: Form::Field,
                show_secrets: true,
            };
            INTEGRATION
                .iter()
                .map(|column| (column.value)(doc, options))
                .collect()
        };
        assert!(other_fields(&full).is_empty());
        for key in SHOWN_BY_COLUMNS {
            let mut object = full.as_object().clone();
            object.remove(*key);
            let without = Integration::from_object(object);
            assert_ne!(values(&without), values(&full), "no column shows {key}");
        }
    }
}
