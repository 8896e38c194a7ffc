//! What each kind of record looks like: one table of [`Column`]s per record
//! type drives every view of it, the field/value table of one record and the
//! row of a listing. Their JSON view is the record's `Serialize` form (for an
//! integration, the server's own document).
//!
//! Values here are the raw text; the writer escapes it when it builds a cell.

use std::borrow::Cow;

use crate::api::Integration;

mod integration;
mod local;

pub use integration::{
    AppliedView, EXPORTED, ExportedView, FINDING, Finding, HISTORY, HistoryView, INTEGRATION,
    Severity, other_fields,
};
pub use local::{BACKUP, BackupView, LoginView, PROFILE, ProfileView, STATUS, StatusView};

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
fn some_text(text: Option<&str>) -> Option<CellValue> {
    text.map(|text| CellValue::Text(text.to_owned()))
}

/// `2024-05-03T10:00:00.120Z` as `2024-05-03 10:00:00`: deliveries are
/// often seconds apart.
fn seconds(timestamp: &str) -> Cow<'_, str> {
    date_and_time(timestamp, 19)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_times_keep_the_seconds() {
        assert_eq!(seconds("2024-05-03T10:00:00.120Z"), "2024-05-03 10:00:00");
        assert_eq!(seconds("soon"), "soon");
    }

    #[test]
    fn row_timestamps_are_cut_to_the_minute() {
        assert_eq!(minutes("2024-01-10T14:12:07.739Z"), "2024-01-10 14:12");
        assert_eq!(minutes("yesterday"), "yesterday");
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
