//! Everything the user sees (docs/contract.md §4): the only writer of stdout.
//!
//! Data goes to stdout: comfy-table tables for people, compact JSON for scripts.
//! Talk goes to stderr: warnings, progress, `--verbose` lines and errors (JSON
//! objects under `--json`). Box drawing and colour only on a terminal and never
//! under `NO_COLOR`. Every string that came from a server is printed with
//! control characters escaped ([`escape()`]), here and nowhere else, so a
//! hostile integration name cannot drive the terminal.
//!
//! The writer holds only how to write (`--json`, `--verbose`, terminal or not);
//! what an error message needs travels in the error ([`report`]), what a
//! record looks like is its table of columns ([`view`]), and a plan of
//! `plan`/`apply` has its own lines and object ([`plan`]).

mod escape;
mod plan;
mod report;
pub mod view;

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;

use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets,
};
use serde::Serialize;
use serde_json::Value;

pub use escape::escape;
use view::{BackupView, CellValue, Column, Form, Row, ViewOptions};

use crate::api::{Exchange, Integration, Observer, RateLimitWait};
use crate::backup::Backup;
use crate::config::Env;
use crate::exit::Exit;

/// One line on stderr. A closed stderr (`… 2>&1 | head -1`) must not change
/// what rcctl does, so a line that cannot be written is dropped, never a panic.
macro_rules! talk {
    ($($arg:tt)*) => {{
        let mut stderr = io::stderr().lock();
        let _ = writeln!(stderr, $($arg)*);
    }};
}

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
}

impl Output {
    pub fn new(json: bool, verbose: bool, env: &Env) -> Self {
        let terminal = io::stdout().is_terminal();
        Self {
            inner: Arc::new(Inner {
                json,
                verbose,
                terminal,
                fancy: terminal && !env.no_color,
            }),
        }
    }

    pub fn is_json(&self) -> bool {
        self.inner.json
    }

    /// One value as a JSON line (records that only scripts read).
    pub fn json<T: Serialize>(&self, value: &T) -> io::Result<()> {
        write_json_line(value)
    }

    /// One record: a JSON line, or a field/value table of its columns.
    pub fn record<T: Serialize>(&self, record: &T, columns: &[Column<T>]) -> io::Result<()> {
        if self.inner.json {
            return write_json_line(record);
        }
        self.field_table(record, columns, false)
    }

    /// Several records: one JSON array, or a table with a row each.
    pub fn records<T: Serialize>(&self, records: &[T], columns: &[Column<T>]) -> io::Result<()> {
        if self.inner.json {
            return write_json_line(&records);
        }
        let rows = records
            .iter()
            .map(|record| Row::new(record, columns, false))
            .collect();
        self.rows(rows, columns)
    }

    /// One integration: the server's document as a JSON line, or a field/value table.
    pub fn integration(&self, doc: &Integration, show_secrets: bool) -> io::Result<()> {
        if self.inner.json {
            return write_json_line(&doc.to_output_value(show_secrets));
        }
        self.field_table(doc, view::INTEGRATION, show_secrets)
    }

    /// A listing: one JSON array, or a table (a note on stderr when empty).
    pub fn integration_list(&self, docs: &[Integration], show_secrets: bool) -> io::Result<()> {
        if self.inner.json {
            let array: Vec<Value> = docs
                .iter()
                .map(|doc| doc.to_output_value(show_secrets))
                .collect();
            return write_json_line(&array);
        }
        if docs.is_empty() {
            self.note("no integrations found");
            return Ok(());
        }
        let rows = docs
            .iter()
            .map(|doc| Row::integration(doc, show_secrets))
            .collect();
        self.integration_rows(rows)
    }

    /// Several integrations for people, from rows kept while a batch ran.
    pub fn integration_rows(&self, rows: Vec<Row>) -> io::Result<()> {
        self.rows(rows, view::INTEGRATION)
    }

    /// The local backups: one JSON array, or a row each (a note when there are none).
    pub fn backup_list(&self, backups: &[Backup]) -> io::Result<()> {
        if self.inner.json {
            let array: Vec<BackupView<'_>> = backups.iter().map(BackupView::new).collect();
            return write_json_line(&array);
        }
        if backups.is_empty() {
            self.note("no backups found");
            return Ok(());
        }
        let rows = backups
            .iter()
            .map(|backup| Row::new(backup, view::BACKUP, false))
            .collect();
        self.rows(rows, view::BACKUP)
    }

    /// Bytes for stdout as they are (completion scripts).
    pub fn raw(&self, bytes: &[u8]) -> io::Result<()> {
        let mut stdout = io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()
    }

    pub fn warn(&self, message: &str) {
        talk!("warning: {}", escape(message));
    }

    /// A fact the user must see in every mode, `--json` included: where a file
    /// holding their data went.
    pub fn notice(&self, message: &str) {
        talk!("{}", escape(message));
    }

    /// Progress for people; scripts (`--json`) read only data and errors.
    pub fn note(&self, message: &str) {
        if !self.inner.json {
            talk!("{}", escape(message));
        }
    }

    /// One error: a sentence and maybe a hint, or a JSON object under `--json`.
    pub fn error(&self, err: &anyhow::Error, exit: Exit) {
        let message = format!("{err:#}");
        if self.inner.json {
            talk!("{}", report::json_error(err, exit, &message));
            return;
        }
        talk!("error: {}", escape(&message));
        if let Some(hint) = report::hint(err) {
            talk!("hint: {}", escape(&hint));
        }
    }

    /// A two-column table: each applicable field in the header style, then its value.
    fn field_table<T>(
        &self,
        record: &T,
        columns: &[Column<T>],
        show_secrets: bool,
    ) -> io::Result<()> {
        let options = ViewOptions {
            form: Form::Field,
            show_secrets,
        };
        let mut table = self.table();
        for column in columns {
            let applies = match column.shown {
                view::Shown::WithSecrets => true,
                _ => column.applies(record, show_secrets),
            };
            if let Some(value) = (column.value)(record, options).filter(|_| applies) {
                table.add_row(vec![self.header_cell(column.label), self.cell(value)]);
            }
        }
        self.write_table(&table)
    }

    /// A table of rows: the columns that apply to any row, in column order.
    fn rows<T>(&self, rows: Vec<Row>, columns: &[Column<T>]) -> io::Result<()> {
        let shown: Vec<usize> = (0..columns.len())
            .filter(|&index| rows.iter().any(|row| row.cells[index].0))
            .collect();
        let mut table = self.table();
        table.set_header(
            shown
                .iter()
                .map(|&index| self.header_cell(&columns[index].header())),
        );
        // Consumed row by row: a batch's rows are its only copy of the data.
        for row in rows {
            let mut cells: Vec<Option<Option<CellValue>>> = row
                .cells
                .into_iter()
                .map(|(_, value)| Some(value))
                .collect();
            table.add_row(
                shown
                    .iter()
                    .map(|&index| match cells[index].take().flatten() {
                        Some(value) => self.cell(value),
                        None => Cell::new(""),
                    }),
            );
        }
        // IDs are copied and pasted, and short columns wrap into noise: wrap the
        // free text (names, channels, URLs) instead, never inside a header word.
        for (column, &index) in table.column_iter_mut().zip(&shown) {
            let spec = &columns[index];
            column.set_constraint(if spec.whole {
                ColumnConstraint::ContentWidth
            } else {
                let header = u16::try_from(spec.label.chars().count()).unwrap_or(u16::MAX);
                ColumnConstraint::LowerBoundary(Width::Fixed(header))
            });
        }
        self.write_table(&table)
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

    /// A value as a cell, escaped; a flag as `yes`/`no`, coloured on a terminal.
    fn cell(&self, value: CellValue) -> Cell {
        match value {
            CellValue::Text(text) => Cell::new(escape(&text)),
            CellValue::Flag(flag) => {
                let (text, color) = match flag {
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

impl Observer for Output {
    /// One `--verbose` line: method, URL, status, milliseconds.
    fn exchange(&self, exchange: &Exchange<'_>) {
        if !self.inner.verbose {
            return;
        }
        let millis = exchange.elapsed.as_millis();
        let url = escape(exchange.url.as_str());
        match exchange.status {
            Some(status) => talk!("{} {url} {status} {millis}ms", exchange.method),
            None => talk!("{} {url} no response {millis}ms", exchange.method),
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

fn write_json_line<T: Serialize + ?Sized>(value: &T) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    serde_json::to_writer(&mut stdout, value)?;
    writeln!(stdout)?;
    stdout.flush()
}
