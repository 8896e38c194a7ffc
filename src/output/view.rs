//! What each kind of record looks like: one table of [`Column`]s per record
//! type drives every view of it, the field/value table of one record and the
//! row of a listing. Their JSON view is the record's `Serialize` form (for an
//! integration, the server's own document).
//!
//! Values here are the raw text; the writer escapes it when it builds a cell.

use std::borrow::Cow;
use std::path::PathBuf;

use serde::Serialize;

use crate::api::{HistoryEntry, Integration, IntegrationKind};
use crate::backup::Backup;

/// Which view a value is for: a field/value table shows it whole, a row may
/// show it shorter (`outgoing` for `webhook-outgoing`, a time to the minute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Field,
    Row,
}

/// How one view is asked for.
#[derive(Debug, Clone, Copy)]
pub struct ViewOptions {
    pub form: Form,
    pub show_secrets: bool,
}

/// One value as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellValue {
    Text(String),
    /// `yes` / `no` (coloured on a terminal), empty when unknown.
    Flag(Option<bool>),
}

impl CellValue {
    fn text(text: impl Into<String>) -> Option<Self> {
        Some(Self::Text(text.into()))
    }
}

/// When a column is shown.
#[derive(Debug, Clone, Copy)]
pub enum Shown<T: 'static> {
    Always,
    /// For records where this holds (a listing: when any row holds).
    #[allow(
        dead_code,
        reason = "for record types that show a column only for some records"
    )]
    When(fn(&T) -> bool),
    /// A row shows it only with `--show-secrets`; a field table whenever its
    /// value is there (redacted unless `--show-secrets`).
    WithSecrets,
    /// In a field table always, in rows only with `-o wide`: what does not fit
    /// beside the essentials on an 80-column terminal (docs/contract.md §4.2).
    Wide,
    /// [`Shown::Wide`], for records where this holds.
    WideWhen(fn(&T) -> bool),
}

/// The label of the column that `-o id` prints, one value per line.
pub const ID: &str = "ID";

/// One column of a record type.
#[derive(Debug)]
pub struct Column<T: 'static> {
    /// `Post as` in a field table; `POST AS` as a row header.
    pub label: &'static str,
    pub shown: Shown<T>,
    /// Never shortened: IDs (copied and pasted), types, flags, times. Other
    /// columns give up width, and their cells end in `…`, when a row does not
    /// fit the terminal.
    pub whole: bool,
    /// The value, or `None` when the record has none (a field table skips it).
    pub value: fn(&T, ViewOptions) -> Option<CellValue>,
}

impl<T> Column<T> {
    pub fn header(&self) -> String {
        self.label.to_uppercase()
    }

    /// Whether this column belongs in a view of `record`.
    pub fn applies(&self, record: &T, show_secrets: bool) -> bool {
        match self.shown {
            Shown::Always | Shown::Wide => true,
            Shown::When(holds) | Shown::WideWhen(holds) => holds(record),
            Shown::WithSecrets => show_secrets,
        }
    }

    /// Whether rows show this column only with `-o wide`.
    pub fn wide_only(&self) -> bool {
        matches!(self.shown, Shown::Wide | Shown::WideWhen(_))
    }
}

/// One record's row, computed once: all a batch keeps of each document until
/// its table is printed (the table sizes its columns from every row, so it
/// cannot be printed before the end).
#[derive(Debug)]
pub struct Row {
    /// Per column: whether it applies to this record, and its value.
    pub(super) cells: Vec<(bool, Option<CellValue>)>,
}

impl Row {
    pub fn new<T>(record: &T, columns: &[Column<T>], show_secrets: bool) -> Self {
        let options = ViewOptions {
            form: Form::Row,
            show_secrets,
        };
        Self {
            cells: columns
                .iter()
                .map(|column| {
                    (
                        column.applies(record, show_secrets),
                        (column.value)(record, options),
                    )
                })
                .collect(),
        }
    }

    /// A row of an integration.
    pub fn integration(doc: &Integration, show_secrets: bool) -> Self {
        Self::new(doc, INTEGRATION, show_secrets)
    }
}

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
            Form::Row => CellValue::text(short_type(doc)),
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

/// `incoming` / `outgoing`, or the raw type of one rcctl does not know.
fn short_type(doc: &Integration) -> &str {
    doc.kind().map_or(doc.type_name(), |kind| kind.short_name())
}

/// `2024-01-10T14:12:07.739Z` as `2024-01-10 14:12`, for rows where space is short.
fn minutes(timestamp: &str) -> Cow<'_, str> {
    date_and_time(timestamp, 16)
}

/// An RFC 3339 timestamp as `date time`, the time cut at byte `end`; any
/// other text as it is.
fn date_and_time(timestamp: &str, end: usize) -> Cow<'_, str> {
    match (
        timestamp.get(..10),
        timestamp.get(10..11),
        timestamp.get(11..end),
    ) {
        (Some(date), Some("T"), Some(time)) => Cow::Owned(format!("{date} {time}")),
        _ => Cow::Borrowed(timestamp),
    }
}

/// One local backup, as `backups --json` prints it.
#[derive(Debug, Serialize)]
pub struct BackupView<'a> {
    pub time: Option<&'a str>,
    pub server: Option<&'a str>,
    pub profile: Option<&'a str>,
    pub id: &'a str,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    /// What came after the backup: `remove` or `update`.
    pub action: &'static str,
    /// The ID a restore of this backup created.
    pub restored_as: Option<&'a str>,
    pub file: &'a PathBuf,
}

impl<'a> BackupView<'a> {
    pub fn new(backup: &'a Backup) -> Self {
        let doc = &backup.integration;
        Self {
            time: backup.removed_at.as_deref(),
            server: backup.server.as_deref(),
            profile: backup.profile.as_deref(),
            id: doc.id(),
            name: doc.name(),
            kind: doc.type_name(),
            action: backup.action.name(),
            restored_as: backup
                .restored_as
                .as_ref()
                .map(|restored| restored.id.as_str()),
            file: &backup.path,
        }
    }
}

/// The columns of a local backup.
pub static BACKUP: &[Column<Backup>] = &[
    Column {
        label: "Time (UTC)",
        shown: Shown::Always,
        whole: true,
        value: |backup, _| {
            CellValue::text(minutes(backup.removed_at.as_deref().unwrap_or_default()))
        },
    },
    Column {
        label: "Server",
        shown: Shown::Always,
        whole: false,
        value: |backup, _| CellValue::text(backup.server.as_deref().unwrap_or_default()),
    },
    Column {
        label: ID,
        shown: Shown::Always,
        whole: true,
        value: |backup, _| CellValue::text(backup.integration.id()),
    },
    Column {
        label: "Name",
        shown: Shown::Always,
        whole: false,
        value: |backup, _| CellValue::text(backup.integration.name()),
    },
    Column {
        label: "Type",
        shown: Shown::Always,
        whole: true,
        value: |backup, _| CellValue::text(short_type(&backup.integration)),
    },
    Column {
        label: "Action",
        shown: Shown::Always,
        whole: true,
        value: |backup, _| CellValue::text(backup.action.name()),
    },
    Column {
        label: "Restored as",
        shown: Shown::When(|backup| backup.restored_as.is_some()),
        whole: false,
        value: |backup, _| some_text(backup.restored_as.as_ref().map(|r| r.id.as_str())),
    },
    Column {
        label: "File",
        shown: Shown::Always,
        whole: false,
        value: |backup, _| CellValue::text(backup.path.display().to_string()),
    },
];

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
        label: "ID",
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
    /// `create`, `update`.
    pub action: &'static str,
    /// The integration's ID; for a create, the file's `_id` (from the server
    /// it was exported from), if it has one.
    #[serde(rename = "_id")]
    pub id: Option<&'a str>,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: IntegrationKind,
    /// `created`, `updated`, `failed`.
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

/// `auth status`: who is logged in where, and where the token comes from.
#[derive(Debug, Serialize)]
pub struct StatusView {
    pub profile: Option<String>,
    pub url: String,
    pub user: String,
    pub user_id: String,
    pub server_version: Option<String>,
    pub token_source: String,
    pub token_kind: Option<&'static str>,
}

fn some_text(text: Option<&str>) -> Option<CellValue> {
    text.map(|text| CellValue::Text(text.to_owned()))
}

/// The fields of `auth status`.
pub static STATUS: &[Column<StatusView>] = &[
    Column {
        label: "Profile",
        shown: Shown::Always,
        whole: false,
        value: |status, _| some_text(status.profile.as_deref()),
    },
    Column {
        label: "URL",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.url),
    },
    Column {
        label: "User",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.user),
    },
    Column {
        label: "User id",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.user_id),
    },
    Column {
        label: "Server version",
        shown: Shown::Always,
        whole: false,
        value: |status, _| some_text(status.server_version.as_deref()),
    },
    Column {
        label: "Token from",
        shown: Shown::Always,
        whole: false,
        value: |status, _| CellValue::text(&status.token_source),
    },
    Column {
        label: "Token kind",
        shown: Shown::Always,
        whole: false,
        value: |status, _| some_text(status.token_kind),
    },
];

/// `auth login --json`: the profile just saved.
#[derive(Debug, Serialize)]
pub struct LoginView {
    pub profile: String,
    pub url: String,
    pub user: String,
    pub user_id: String,
    pub token_kind: &'static str,
    pub config_file: String,
}

/// One profile of `auth list`.
#[derive(Debug, Serialize)]
pub struct ProfileView {
    pub name: String,
    pub default: bool,
    pub url: Option<String>,
    pub user_id: Option<String>,
    /// What kind of token it holds (`session`, `personal`, `token_command`), never the token.
    pub token: Option<&'static str>,
}

/// The columns of `auth list`.
pub static PROFILE: &[Column<ProfileView>] = &[
    Column {
        label: "Default",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(if profile.default { "yes" } else { "" }),
    },
    Column {
        label: "Profile",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(&profile.name),
    },
    Column {
        label: "URL",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(profile.url.as_deref().unwrap_or_default()),
    },
    Column {
        label: "User id",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(profile.user_id.as_deref().unwrap_or_default()),
    },
    Column {
        label: "Token",
        shown: Shown::Always,
        whole: false,
        value: |profile, _| CellValue::text(profile.token.unwrap_or_default()),
    },
];

/// `2024-05-03T10:00:00.120Z` as `2024-05-03 10:00:00`: deliveries are
/// often seconds apart.
fn seconds(timestamp: &str) -> Cow<'_, str> {
    date_and_time(timestamp, 19)
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
        label: "ID",
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
        value: |finding, _| {
            CellValue::text(
                IntegrationKind::from_api_str(&finding.kind)
                    .map_or_else(|| finding.kind.clone(), |kind| kind.short_name().to_owned()),
            )
        },
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

    #[test]
    fn history_times_keep_the_seconds() {
        assert_eq!(seconds("2024-05-03T10:00:00.120Z"), "2024-05-03 10:00:00");
        assert_eq!(seconds("soon"), "soon");
    }

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
    fn row_timestamps_are_cut_to_the_minute() {
        assert_eq!(minutes("2024-01-10T14:12:07.739Z"), "2024-01-10 14:12");
        assert_eq!(minutes("yesterday"), "yesterday");
    }

    #[test]
    fn an_applied_view_never_shows_its_url_in_debug() {
        let view = AppliedView {
            action: "create",
            id: None,
            name: "CI",
            kind: IntegrationKind::Incoming,
            result: "created",
            new_id: Some("new"),
            url: Some("https://chat.example.com/hooks/new/secret-token".to_owned()),
        };
        assert!(!format!("{view:?}").contains("secret-token"));
    }

    #[test]
    fn row_headers_are_the_labels_in_capitals() {
        let headers: Vec<String> = INTEGRATION.iter().map(Column::header).collect();
        assert_eq!(
            headers,
            [
                "ID",
                "TYPE",
                "NAME",
                "ENABLED",
                "CHANNELS",
                "POST AS",
                "CREATED AT",
                "CREATED BY",
                "EVENT",
                "URLS",
                "TRIGGER WORDS",
                "TOKEN"
            ]
        );
    }
}
