//! Everything the user sees (docs/contract.md §4): the only writer of stdout.
//!
//! Data goes to stdout in the format `-o` names ([`Format`]): tables for people
//! ([`table`]), JSON or one ID per line for scripts. Talk goes to stderr:
//! warnings, progress ([`progress`]), `--verbose` lines and errors (JSON
//! objects under `--json`). Box drawing and colour only on a terminal, never
//! under `NO_COLOR` or `TERM=dumb`. Every string that came from a server is
//! printed with control characters escaped ([`escape()`]), here and nowhere
//! else, so a hostile integration name cannot drive the terminal.
//!
//! The writer holds only how to write (the format, `--verbose`, what stdout and
//! stderr are) and the progress line on screen; what an error message needs
//! travels in the error ([`report`]), what a record looks like is its table of
//! columns ([`view`]), and a plan of `plan`/`apply` has its own lines and
//! object ([`plan`]).

mod escape;
mod plan;
mod progress;
mod report;
mod table;
pub mod view;

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::sync::Arc;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

pub use escape::escape;
pub use progress::{Batch, Progress};
use table::{Heading, Look};
use view::{BackupView, CellValue, Column, Form, Row, ViewOptions};

use crate::api::{Exchange, Integration, Observer, RateLimitWait};
use crate::backup::Backup;
use crate::config::Env;
use crate::error::UsageError;
use crate::exit::Exit;
use crate::prompt;

/// One line on stderr, with the progress line (if any) out of its way. A
/// closed stderr (`… 2>&1 | head -1`) must not change what rcctl does, so a
/// line that cannot be written is dropped, never a panic.
macro_rules! talk {
    ($out:expr, $($arg:tt)*) => {
        $out.inner.line.suspended(|| {
            // One write per line: stderr is unbuffered, and `writeln!` would
            // write each piece alone, which another process writing to the
            // same log could split.
            let line = format!("{}\n", format_args!($($arg)*));
            let _ = io::stderr().lock().write_all(line.as_bytes());
        })
    };
}

/// What stdout gets (`-o`, docs/contract.md §4.3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// A table that fits the terminal.
    #[default]
    Table,
    /// The table with every column, a line per row however wide.
    Wide,
    /// Compact JSON: a document per line, a listing as one array.
    Json,
    /// Compact JSON, one object per line, listings too.
    Ndjson,
    /// One ID per line.
    Id,
}

/// The user-facing writer, cheap to clone into the client's [`Observer`].
#[derive(Debug, Clone)]
pub struct Output {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    format: Format,
    /// `--verbose`: a line per HTTP exchange.
    verbose: bool,
    look: Look,
    /// stderr is a terminal that can redraw a line: progress may show.
    live_stderr: bool,
    /// `error:` and `warning:` in colour, as clap's own.
    colour_stderr: bool,
    line: progress::Line,
}

impl Output {
    pub fn new(format: Format, verbose: bool, env: &Env) -> Self {
        let stdout_terminal = io::stdout().is_terminal();
        let stderr_terminal = io::stderr().is_terminal();
        let plain = env.no_color || env.dumb_terminal;
        Self {
            inner: Arc::new(Inner {
                format,
                verbose,
                look: Look {
                    terminal: stdout_terminal,
                    fancy: stdout_terminal && !plain,
                    width: None,
                },
                live_stderr: stderr_terminal && !env.dumb_terminal,
                colour_stderr: stderr_terminal && !plain,
                line: progress::Line::default(),
            }),
        }
    }

    /// Whether stdout gets JSON (`--json`, `-o json`, `-o ndjson`).
    pub fn is_json(&self) -> bool {
        matches!(self.inner.format, Format::Json | Format::Ndjson)
    }

    /// One value as a JSON line (records that only scripts read).
    pub fn json<T: Serialize>(&self, value: &T) -> io::Result<()> {
        self.json_line(value)
    }

    /// One record: a JSON line, its ID, or a field/value table of its columns.
    pub fn record<T: Serialize>(&self, record: &T, columns: &[Column<T>]) -> anyhow::Result<()> {
        match self.inner.format {
            Format::Json | Format::Ndjson => self.json_line(record)?,
            Format::Id => self.ids(&[Row::new(record, columns, false)], columns)?,
            Format::Table | Format::Wide => self.field_table(record, columns, false, Vec::new())?,
        }
        Ok(())
    }

    /// Several records: one JSON array (a line each with `-o ndjson`), their
    /// IDs, or a table with a row each.
    pub fn records<T: Serialize>(
        &self,
        records: &[T],
        columns: &[Column<T>],
    ) -> anyhow::Result<()> {
        match self.inner.format {
            Format::Json => self.json_line(&records)?,
            Format::Ndjson => self.json_lines(records.iter())?,
            Format::Id | Format::Table | Format::Wide => self.table_or_ids(records, columns)?,
        }
        Ok(())
    }

    /// One integration: the server's document as a JSON line, its ID, or a
    /// field/value table.
    pub fn integration(&self, doc: &Integration, show_secrets: bool) -> io::Result<()> {
        match self.inner.format {
            Format::Json | Format::Ndjson => self.json_line(&doc.shown(show_secrets)),
            Format::Id => self.id_lines([doc.id()]),
            Format::Table | Format::Wide => self.field_table(
                doc,
                view::INTEGRATION,
                show_secrets,
                view::other_fields(doc),
            ),
        }
    }

    /// A listing: one JSON array (a line each with `-o ndjson`), the IDs, or a
    /// table (a note on stderr when empty).
    pub fn integration_list(&self, docs: &[Integration], show_secrets: bool) -> io::Result<()> {
        let shown = || docs.iter().map(|doc| doc.shown(show_secrets));
        match self.inner.format {
            Format::Json => self.json_line(&shown().collect::<Vec<_>>()),
            Format::Ndjson => self.json_lines(shown()),
            Format::Id => self.id_lines(docs.iter().map(Integration::id)),
            Format::Table | Format::Wide if docs.is_empty() => {
                self.note("no integrations found");
                Ok(())
            }
            Format::Table | Format::Wide => self.integration_rows(
                docs.iter()
                    .map(|doc| Row::integration(doc, show_secrets))
                    .collect(),
            ),
        }
    }

    /// Several integrations for people (or their IDs), from rows kept while a
    /// batch ran.
    pub fn integration_rows(&self, rows: Vec<Row>) -> io::Result<()> {
        match id_column(view::INTEGRATION) {
            Some(index) if self.inner.format == Format::Id => self.write_ids(&rows, index),
            _ => self.rows(rows, view::INTEGRATION),
        }
    }

    /// The local backups: one JSON array (a line each with `-o ndjson`), their
    /// integrations' IDs, or a row each (a note when there are none).
    pub fn backup_list(&self, backups: &[Backup]) -> anyhow::Result<()> {
        let views = || backups.iter().map(BackupView::new);
        match self.inner.format {
            Format::Json => self.json_line(&views().collect::<Vec<_>>())?,
            Format::Ndjson => self.json_lines(views())?,
            Format::Table | Format::Wide if backups.is_empty() => {
                self.note("no backups found");
            }
            Format::Id | Format::Table | Format::Wide => {
                self.table_or_ids(backups, view::BACKUP)?
            }
        }
        Ok(())
    }

    /// Asks `question` on the terminal (see `prompt::ask_line`): what came
    /// from a server in it is escaped, and the progress line stays out of
    /// the way while the person answers.
    pub fn ask_line(&self, question: &str) -> io::Result<String> {
        let question = escape(question);
        self.inner.line.suspended(|| prompt::ask_line(&question))
    }

    /// Bytes for stdout as they are (completion scripts).
    pub fn raw(&self, bytes: &[u8]) -> io::Result<()> {
        self.stdout(|stdout| stdout.write_all(bytes))
    }

    pub fn warn(&self, message: &str) {
        let prefix = self.prefix("warning:", AnsiColor::Yellow);
        talk!(self, "{prefix} {}", escape(message));
    }

    /// A fact the user must see in every mode, `--json` included: where a file
    /// holding their data went.
    pub fn notice(&self, message: &str) {
        talk!(self, "{}", escape(message));
    }

    /// Progress for people; scripts (`--json`) read only data and errors.
    pub fn note(&self, message: &str) {
        if !self.is_json() {
            talk!(self, "{}", escape(message));
        }
    }

    /// One error: a sentence and maybe a hint, or a JSON object under `--json`.
    pub fn error(&self, err: &anyhow::Error, exit: Exit) {
        let message = format!("{err:#}");
        if self.is_json() {
            talk!(self, "{}", report::json_error(err, exit, &message));
            return;
        }
        let prefix = self.prefix("error:", AnsiColor::Red);
        talk!(self, "{prefix} {}", escape(&message));
        if let Some(hint) = report::hint(err) {
            talk!(self, "hint: {}", escape(&hint));
        }
    }

    /// `error:` or `warning:`, bold and coloured as clap's own on a terminal.
    fn prefix(&self, text: &str, colour: AnsiColor) -> String {
        if self.inner.colour_stderr {
            let style = Style::new().bold().fg_color(Some(colour.into()));
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    /// A two-column table: each applicable field in the header style, then its
    /// value; then the `others` that no column shows.
    fn field_table<T>(
        &self,
        record: &T,
        columns: &[Column<T>],
        show_secrets: bool,
        others: Vec<(String, CellValue)>,
    ) -> io::Result<()> {
        let options = ViewOptions {
            form: Form::Field,
            show_secrets,
        };
        let fields = columns
            .iter()
            .filter_map(|column| {
                let applies = match column.shown {
                    view::Shown::WithSecrets => true,
                    _ => column.applies(record, show_secrets),
                };
                let value = (column.value)(record, options).filter(|_| applies)?;
                Some((Cow::Borrowed(column.label), value))
            })
            .chain(
                others
                    .into_iter()
                    .map(|(label, value)| (Cow::Owned(label), value)),
            )
            .collect();
        self.text_lines(table::fields(self.inner.look, fields))
    }

    /// `records` as a table of rows, or (`-o id`) their IDs.
    fn table_or_ids<T>(&self, records: &[T], columns: &[Column<T>]) -> anyhow::Result<()> {
        let rows: Vec<Row> = records
            .iter()
            .map(|record| Row::new(record, columns, false))
            .collect();
        if self.inner.format == Format::Id {
            self.ids(&rows, columns)
        } else {
            Ok(self.rows(rows, columns)?)
        }
    }

    /// A table of rows: the columns that apply to any row, in column order,
    /// the wide-only ones with `-o wide`.
    fn rows<T>(&self, rows: Vec<Row>, columns: &[Column<T>]) -> io::Result<()> {
        let wide = self.inner.format == Format::Wide;
        let shown: Vec<usize> = (0..columns.len())
            .filter(|&index| wide || !columns[index].wide_only())
            .filter(|&index| rows.iter().any(|row| row.cells[index].0))
            .collect();
        let headings: Vec<Heading> = shown
            .iter()
            .map(|&index| Heading {
                text: columns[index].header(),
                whole: columns[index].whole,
            })
            .collect();
        // Consumed row by row: a batch's rows are its only copy of the data.
        let cells = rows
            .into_iter()
            .map(|row| {
                let mut cells: Vec<Option<CellValue>> =
                    row.cells.into_iter().map(|(_, value)| value).collect();
                shown.iter().map(|&index| cells[index].take()).collect()
            })
            .collect();
        self.text_lines(table::rows(self.inner.look, &headings, cells, !wide))
    }

    /// `-o id`: each row's ID, or a usage error for records that have none.
    fn ids<T>(&self, rows: &[Row], columns: &[Column<T>]) -> anyhow::Result<()> {
        let index = id_column(columns).ok_or_else(|| {
            UsageError(
                "`-o id` prints IDs, and what this command prints has none: use `-o table` \
                 or `-o json`"
                    .to_owned(),
            )
        })?;
        self.write_ids(rows, index)?;
        Ok(())
    }

    fn write_ids(&self, rows: &[Row], index: usize) -> io::Result<()> {
        self.id_lines(rows.iter().filter_map(|row| match &row.cells[index].1 {
            Some(CellValue::Text(id)) => Some(id.as_str()),
            _ => None,
        }))
    }

    /// `-o id`: one ID a line, escaped like every string from the server.
    fn id_lines<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        self.text_lines(ids.into_iter().map(escape))
    }

    fn json_line<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        self.json_lines(std::iter::once(value))
    }

    fn json_lines<T: Serialize>(&self, values: impl IntoIterator<Item = T>) -> io::Result<()> {
        self.stdout(|stdout| {
            for value in values {
                serde_json::to_writer(&mut *stdout, &value)?;
                writeln!(stdout)?;
            }
            Ok(())
        })
    }

    fn text_lines<S: AsRef<str>>(&self, lines: impl IntoIterator<Item = S>) -> io::Result<()> {
        self.stdout(|stdout| {
            for line in lines {
                writeln!(stdout, "{}", line.as_ref())?;
            }
            Ok(())
        })
    }

    /// Writes to stdout, with the progress line out of the way when both go to
    /// the same terminal. Buffered: std's stdout flushes at every newline, a
    /// system call per line of a 10,000-line listing.
    fn stdout(
        &self,
        write: impl FnOnce(&mut io::BufWriter<io::StdoutLock<'_>>) -> io::Result<()>,
    ) -> io::Result<()> {
        let write = || {
            let mut stdout = io::BufWriter::with_capacity(64 * 1024, io::stdout().lock());
            write(&mut stdout)?;
            stdout.flush()
        };
        if self.inner.look.terminal {
            self.inner.line.suspended(write)
        } else {
            write()
        }
    }
}

/// The column `-o id` prints.
fn id_column<T>(columns: &[Column<T>]) -> Option<usize> {
    columns.iter().position(|column| column.label == view::ID)
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
            Some(status) => talk!(self, "{} {url} {status} {millis}ms", exchange.method),
            None => talk!(self, "{} {url} no response {millis}ms", exchange.method),
        }
    }

    /// Announced on stderr (docs/contract.md §6.1), and counted down on the
    /// progress line on a terminal.
    fn rate_limited(&self, wait: &RateLimitWait<'_>) {
        self.pause(
            wait.delay,
            format!(
                "waiting for the rate limit of {} on {}",
                wait.route, wait.server
            ),
            wait.retry.is_some(),
        );
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
