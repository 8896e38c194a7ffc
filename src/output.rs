//! Everything the user sees (CONTRACT.md section 4): the only writer of stdout.
//!
//! Data goes to stdout: comfy-table tables for people, compact JSON for scripts.
//! Talk goes to stderr: warnings, progress, `--verbose` lines and errors (JSON
//! objects under `--json`). Box drawing and colour only on a terminal and never
//! under `NO_COLOR`. Every string that came from a server is printed with control
//! characters escaped, so a hostile integration name cannot drive the terminal.
#![allow(clippy::print_stderr)] // this module is where talking to the user happens

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::sync::{Arc, OnceLock};

use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets,
};
use serde_json::{Map, Value};

use crate::api::{ApiError, Exchange, Integration, IntegrationKind, Observer, RateLimitWait};
use crate::backup::Backup;
use crate::commands::OperationFailed;
use crate::exit::Exit;

/// The user-facing writer, cheap to clone into the client's [`Observer`].
#[derive(Debug, Clone)]
pub struct Output {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    json: bool,
    /// `--verbose`: a line per HTTP exchange.
    verbose: bool,
    /// stdout is a terminal: tables may wrap to its width.
    terminal: bool,
    /// Box drawing and colour: a terminal, and no `NO_COLOR`.
    fancy: bool,
    /// Where the token came from, for the 401 hint.
    token_origin: OnceLock<String>,
    /// The profile in use, for the 401 hint.
    profile: OnceLock<String>,
}

impl Output {
    pub fn new(json: bool, verbose: bool) -> Self {
        let terminal = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
        Self {
            inner: Arc::new(Inner {
                json,
                verbose,
                terminal,
                fancy: terminal && !no_color,
                token_origin: OnceLock::new(),
                profile: OnceLock::new(),
            }),
        }
    }

    pub fn is_json(&self) -> bool {
        self.inner.json
    }

    /// Remembers where the token came from, so a 401 can say what to fix.
    pub fn set_token_origin(&self, origin: String) {
        let _ = self.inner.token_origin.set(origin);
    }

    /// Remembers the profile in use, so a 401 can say how to log in again.
    pub fn set_profile(&self, profile: String) {
        let _ = self.inner.profile.set(profile);
    }

    /// One record: a JSON object on one line, or a field/value table of the
    /// `(key, label)` fields (absent and null values are left out).
    pub fn record(&self, record: &Map<String, Value>, fields: &[(&str, &str)]) -> io::Result<()> {
        if self.inner.json {
            return write_json_line(&Value::Object(record.clone()));
        }
        self.field_table(fields.iter().filter_map(|(key, label)| {
            let value = record.get(*key).filter(|value| !value.is_null())?;
            Some((*label, cell_text(value)))
        }))
    }

    /// Several records: one JSON array, or a table with a row each and the
    /// `(key, header)` columns (`true` shows as `yes`).
    pub fn records(
        &self,
        records: &[Map<String, Value>],
        columns: &[(&str, &str)],
    ) -> io::Result<()> {
        if self.inner.json {
            let array = records.iter().cloned().map(Value::Object).collect();
            return write_json_line(&Value::Array(array));
        }
        let mut table = self.table();
        table.set_header(columns.iter().map(|(_, header)| self.header_cell(header)));
        for record in records {
            table.add_row(
                columns
                    .iter()
                    .map(|(key, _)| Cell::new(record.get(*key).map(cell_text).unwrap_or_default())),
            );
        }
        self.write_table(&table)
    }

    /// One integration: a JSON line, or a field/value table.
    pub fn integration(&self, doc: &Integration, show_secrets: bool) -> io::Result<()> {
        if self.inner.json {
            return write_json_line(&doc.to_output_value(show_secrets));
        }
        self.field_table(fields(doc, show_secrets))
    }

    /// A two-column table: the field in the header style, then its value.
    fn field_table<'a>(&self, rows: impl IntoIterator<Item = (&'a str, String)>) -> io::Result<()> {
        let mut table = self.table();
        for (field, value) in rows {
            table.add_row(vec![self.header_cell(field), Cell::new(value)]);
        }
        self.write_table(&table)
    }

    /// Several integrations for people: a row each. (Scripts got JSON lines.)
    pub fn integration_rows(
        &self,
        rows: Vec<IntegrationRow>,
        show_secrets: bool,
    ) -> io::Result<()> {
        let with_outgoing = rows.iter().any(|row| row.outgoing);
        let mut headers = vec![
            "ID",
            "TYPE",
            "NAME",
            "ENABLED",
            "CHANNELS",
            "POST AS",
            "CREATED AT",
            "CREATED BY",
        ];
        if with_outgoing {
            headers.extend(["EVENT", "URLS", "TRIGGER WORDS"]);
        }
        if show_secrets {
            headers.push("TOKEN");
        }
        let header_widths: Vec<u16> = headers
            .iter()
            .map(|h| u16::try_from(h.len()).unwrap_or(u16::MAX))
            .collect();
        let mut table = self.table();
        table.set_header(headers.into_iter().map(|h| self.header_cell(h)));
        // Consumed row by row: a batch's rows are its only copy of the data.
        for row in rows {
            let [id, kind, name, channels, post_as, created_at, created_by] = row.cells;
            let mut cells = vec![
                Cell::new(id),
                Cell::new(kind),
                Cell::new(name),
                self.enabled_cell(row.enabled),
                Cell::new(channels),
                Cell::new(post_as),
                Cell::new(created_at),
                Cell::new(created_by),
            ];
            if with_outgoing {
                cells.extend(row.outgoing_cells.map(Cell::new));
            }
            if show_secrets {
                cells.push(Cell::new(row.token.unwrap_or_default()));
            }
            table.add_row(cells);
        }
        // IDs are copied and pasted, and short columns wrap into noise: wrap the
        // free text (names, channels, URLs) instead, never inside a header word.
        for (index, column) in table.column_iter_mut().enumerate() {
            column.set_constraint(if [0, 1, 3, 6].contains(&index) {
                ColumnConstraint::ContentWidth
            } else {
                ColumnConstraint::LowerBoundary(Width::Fixed(header_widths[index]))
            });
        }
        self.write_table(&table)
    }

    /// A listing: one JSON array, or a table (a note on stderr when empty).
    pub fn integration_list(&self, docs: &[Integration], show_secrets: bool) -> io::Result<()> {
        if self.inner.json {
            let array = docs
                .iter()
                .map(|doc| doc.to_output_value(show_secrets))
                .collect();
            return write_json_line(&Value::Array(array));
        }
        if docs.is_empty() {
            self.note("no integrations found");
            return Ok(());
        }
        let rows = docs
            .iter()
            .map(|doc| IntegrationRow::new(doc, show_secrets))
            .collect();
        self.integration_rows(rows, show_secrets)
    }

    /// The local backups: one JSON array, or a row each (a note when there are none).
    pub fn backup_list(&self, backups: &[Backup]) -> io::Result<()> {
        if self.inner.json {
            let array = backups.iter().map(backup_value).collect();
            return write_json_line(&Value::Array(array));
        }
        if backups.is_empty() {
            self.note("no backups found");
            return Ok(());
        }
        let mut table = self.table();
        table.set_header(
            ["REMOVED (UTC)", "SERVER", "ID", "NAME", "TYPE", "FILE"].map(|h| self.header_cell(h)),
        );
        for backup in backups {
            let doc = &backup.integration;
            table.add_row(vec![
                escape(&minutes(backup.removed_at.as_deref().unwrap_or_default())),
                escape(backup.server.as_deref().unwrap_or_default()),
                escape(doc.id()),
                escape(doc.name()),
                escape(short_type(doc)),
                escape(&backup.path.display().to_string()),
            ]);
        }
        self.write_table(&table)
    }

    /// Bytes for stdout as they are (completion scripts).
    pub fn raw(&self, bytes: &[u8]) -> io::Result<()> {
        let mut stdout = io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()
    }

    pub fn warn(&self, message: &str) {
        eprintln!("warning: {}", escape(message));
    }

    /// A fact the user must see in every mode, `--json` included: where a file
    /// holding their data went.
    pub fn notice(&self, message: &str) {
        eprintln!("{}", escape(message));
    }

    /// Progress for people; scripts (`--json`) read only data and errors.
    pub fn note(&self, message: &str) {
        if !self.inner.json {
            eprintln!("{}", escape(message));
        }
    }

    /// One error: a sentence and maybe a hint, or a JSON object under `--json`.
    pub fn error(&self, err: &anyhow::Error, exit: Exit) {
        let message = format!("{err:#}");
        if self.inner.json {
            eprintln!("{}", json_error(err, exit, &message));
            return;
        }
        eprintln!("error: {}", escape(&message));
        if let Some(hint) = self.hint(err) {
            eprintln!("hint: {hint}");
        }
    }

    fn hint(&self, err: &anyhow::Error) -> Option<String> {
        let kind = err
            .downcast_ref::<OperationFailed>()
            .and_then(|failed| failed.kind);
        match err.downcast_ref::<ApiError>()? {
            ApiError::Unauthorized { .. } => {
                let origin = self
                    .inner
                    .token_origin
                    .get()
                    .map_or("your configuration", String::as_str);
                let profile = self.inner.profile.get().map_or("<profile>", String::as_str);
                Some(format!(
                    "the user id and token from {origin} were not accepted; log in again with \
                     `rcctl auth login -p {profile}`, or (in CI) create a new personal access \
                     token in Rocket.Chat (My Account > Personal Access Tokens) and use that"
                ))
            }
            ApiError::Forbidden { .. } => Some(match kind {
                Some(kind) => format!(
                    "{kind} integrations need the permission manage-{short}-integrations, or \
                     manage-own-{short}-integrations for those you created",
                    short = kind.short_name()
                ),
                None => "integrations need the permission manage-incoming-integrations or \
                         manage-outgoing-integrations (or manage-own-… for those you created)"
                    .to_owned(),
            }),
            ApiError::RateLimited { .. } => Some(
                "wait and retry; users with the api-bypass-rate-limit permission (admins, bots) \
                 are not limited"
                    .to_owned(),
            ),
            ApiError::Network {
                maybe_sent: false, ..
            } => Some(
                "check the server URL and your network; --verbose shows each request".to_owned(),
            ),
            _ => None,
        }
    }

    fn table(&self) -> Table {
        let mut table = Table::new();
        if self.inner.fancy {
            table.load_style(presets::UTF8_FULL_CONDENSED);
            table.enforce_styling();
        } else {
            table.load_style(presets::NOTHING);
            table.force_no_tty();
        }
        table.set_content_arrangement(if self.inner.terminal {
            ContentArrangement::Dynamic
        } else {
            ContentArrangement::Disabled
        });
        table
    }

    fn header_cell(&self, text: &str) -> Cell {
        let cell = Cell::new(text);
        if self.inner.fancy {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }

    fn enabled_cell(&self, enabled: Option<bool>) -> Cell {
        let (text, color) = match enabled {
            Some(true) => ("yes", Color::Green),
            Some(false) => ("no", Color::Red),
            None => ("", Color::Reset),
        };
        let cell = Cell::new(text);
        if self.inner.fancy {
            cell.fg(color)
        } else {
            cell
        }
    }

    fn write_table(&self, table: &Table) -> io::Result<()> {
        let mut stdout = io::stdout().lock();
        for line in table.lines() {
            let line = if self.inner.fancy {
                line.as_str()
            } else {
                // The plain preset pads cells; trailing blanks only hurt scripts.
                line.trim()
            };
            writeln!(stdout, "{line}")?;
        }
        stdout.flush()
    }
}

/// `2024-01-10T14:12:07.739Z` as `2024-01-10 14:12`, for rows where space is short.
fn minutes(timestamp: &str) -> Cow<'_, str> {
    match (
        timestamp.get(..10),
        timestamp.get(10..11),
        timestamp.get(11..16),
    ) {
        (Some(date), Some("T"), Some(time)) => Cow::Owned(format!("{date} {time}")),
        _ => Cow::Borrowed(timestamp),
    }
}

impl Observer for Output {
    /// One `--verbose` line: method, URL, status, milliseconds.
    fn exchange(&self, exchange: &Exchange<'_>) {
        if !self.inner.verbose {
            return;
        }
        let millis = exchange.elapsed.as_millis();
        let url = escape(exchange.url.as_str());
        match exchange.status {
            Some(status) => eprintln!("{} {url} {status} {millis}ms", exchange.method),
            None => eprintln!("{} {url} no response {millis}ms", exchange.method),
        }
    }

    fn rate_limited(&self, wait: &RateLimitWait<'_>) {
        let seconds = wait.delay.as_secs_f64();
        match wait.retry {
            Some((attempt, max)) => self.warn(&format!(
                "rate limited by {} on {}: waiting {seconds:.1} s before retry {attempt} of {max}",
                wait.server, wait.route
            )),
            None => self.warn(&format!(
                "{} allows no more calls to {} in this window: waiting {seconds:.1} s",
                wait.server, wait.route
            )),
        }
    }
}

/// What [`Output::integration_rows`] shows of one integration, escaped: all a
/// batch keeps of each document until its table is printed (the table sizes
/// its columns from every row, so it cannot be printed before the end).
#[derive(Debug)]
pub struct IntegrationRow {
    outgoing: bool,
    enabled: Option<bool>,
    /// ID, type, name, channels, post as, created at, created by.
    cells: [String; 7],
    /// Event, URLs, trigger words: shown when any row is outgoing.
    outgoing_cells: [String; 3],
    /// Only when secrets are shown.
    token: Option<String>,
}

impl IntegrationRow {
    pub fn new(doc: &Integration, show_secrets: bool) -> Self {
        Self {
            outgoing: doc.kind() == Some(IntegrationKind::Outgoing),
            enabled: doc.enabled(),
            cells: [
                escape(doc.id()),
                escape(short_type(doc)),
                escape(doc.name()),
                escape(&doc.channels().join(", ")),
                escape(doc.username()),
                escape(&minutes(doc.created_at())),
                escape(doc.created_by()),
            ],
            outgoing_cells: [
                escape(doc.event()),
                escape(&doc.urls().join(", ")),
                escape(&doc.trigger_words().join(", ")),
            ],
            token: show_secrets.then(|| escape(doc.token_for_display(true).unwrap_or_default())),
        }
    }
}

/// `incoming` / `outgoing`, or the raw type of one rcctl does not know.
fn short_type(doc: &Integration) -> &str {
    doc.kind().map_or(doc.type_name(), |kind| kind.short_name())
}

/// One backup for `backups --json`: the table's columns, full time and path.
fn backup_value(backup: &Backup) -> Value {
    let doc = &backup.integration;
    serde_json::json!({
        "time": backup.removed_at,
        "server": backup.server,
        "profile": backup.profile,
        "id": doc.id(),
        "name": doc.name(),
        "type": doc.type_name(),
        "file": backup.path,
    })
}

/// A JSON value as table text: strings escaped, `true` as `yes`, null and
/// `false` empty.
fn cell_text(value: &Value) -> String {
    match value {
        Value::Null | Value::Bool(false) => String::new(),
        Value::Bool(true) => "yes".to_owned(),
        Value::String(text) => escape(text),
        other => escape(&other.to_string()),
    }
}

/// The field/value rows of one integration.
fn fields(doc: &Integration, show_secrets: bool) -> Vec<(&'static str, String)> {
    let enabled = match doc.enabled() {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let mut rows = vec![
        ("ID", escape(doc.id())),
        ("Type", escape(doc.type_name())),
        ("Name", escape(doc.name())),
        ("Enabled", enabled.to_owned()),
        ("Channels", escape(&doc.channels().join(", "))),
        ("Post as", escape(doc.username())),
        ("Created at", escape(doc.created_at())),
        ("Created by", escape(doc.created_by())),
    ];
    if doc.kind() == Some(IntegrationKind::Outgoing) {
        rows.extend([
            ("Event", escape(doc.event())),
            ("URLs", escape(&doc.urls().join(", "))),
            ("Trigger words", escape(&doc.trigger_words().join(", "))),
        ]);
    }
    if let Some(token) = doc.token_for_display(show_secrets) {
        rows.push(("Token", escape(token)));
    }
    rows
}

fn json_error(err: &anyhow::Error, exit: Exit, message: &str) -> Value {
    let mut fields = Map::new();
    fields.insert("code".into(), exit.name().into());
    fields.insert("exit_code".into(), exit.code().into());
    fields.insert("message".into(), message.into());
    if let Some(id) = err
        .downcast_ref::<OperationFailed>()
        .and_then(|failed| failed.id.as_deref())
    {
        fields.insert("id".into(), id.into());
    }
    if let Some(api) = err.downcast_ref::<ApiError>() {
        if let Some(status) = api.http_status() {
            fields.insert("http_status".into(), status.into());
        }
        if let Some(server_error) = api.server_error() {
            fields.insert("server_error".into(), server_error.into());
        }
    }
    let mut object = Map::new();
    object.insert("error".into(), Value::Object(fields));
    Value::Object(object)
}

fn write_json_line(value: &Value) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    serde_json::to_writer(&mut stdout, value)?;
    writeln!(stdout)?;
    stdout.flush()
}

/// Control characters (and bidi overrides) escaped as `\n`, `\u{1b}`, ….
pub fn escape(text: &str) -> String {
    escape_cow(text).into_owned()
}

fn escape_cow(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            escaped.extend(c.escape_default());
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_timestamps_are_cut_to_the_minute() {
        assert_eq!(minutes("2024-01-10T14:12:07.739Z"), "2024-01-10 14:12");
        assert_eq!(minutes("yesterday"), "yesterday");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape("a\u{1b}[31mred\n"), "a\\u{1b}[31mred\\n");
        assert_eq!(escape("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(escape("Ünïcode stays"), "Ünïcode stays");
    }

    #[test]
    fn json_error_has_the_contract_shape() {
        use anyhow::Context;
        let err = Err::<(), _>(ApiError::NotFound {
            server: "https://chat.example.com".into(),
            status: 400,
            server_error: "No integration found.".into(),
        })
        .context(OperationFailed {
            action: "remove",
            id: Some("abc".into()),
            kind: None,
            server: "https://chat.example.com".into(),
        })
        .expect_err("error");
        let value = json_error(&err, Exit::NotFound, "m");
        assert_eq!(
            value.to_string(),
            r#"{"error":{"code":"not_found","exit_code":6,"message":"m","id":"abc","http_status":400,"server_error":"No integration found."}}"#
        );
    }
}
