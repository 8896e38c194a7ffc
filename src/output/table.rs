//! Tables for people (docs/contract.md §4.2), drawn by comfy-table.
//!
//! Three ways to lay rows out, picked from where stdout goes and `-o`:
//! - on a terminal, every row fits its width on one line: the columns marked
//!   `whole` (IDs, types, flags) keep their width, the others give it up, and
//!   a cell that no longer fits is cut at the column's end with `…`
//!   (comfy-table's own truncation, `Row::max_height(1)`), never wrapped;
//! - `-o wide` on a terminal, and anything piped: one line per row at its
//!   natural width, as kubectl does, however wide that is;
//! - piped, or under `NO_COLOR` or `TERM=dumb`: no box drawing and no colour,
//!   columns separated by two spaces, nothing trimmed off the front so that an
//!   empty first cell keeps its column.

use std::borrow::Cow;

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Row, Table, Width,
    presets,
};

use super::escape;
use super::view::CellValue;

/// How tables are drawn, decided once per run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Look {
    /// stdout is a terminal: rows are fitted to its width.
    pub terminal: bool,
    /// Box drawing and colour: a terminal, no `NO_COLOR`, and not `TERM=dumb`.
    pub fancy: bool,
    /// The width to fit on a terminal; `None`: the terminal's, as comfy-table
    /// reads it when the table is drawn.
    pub width: Option<u16>,
}

/// One column of a table of rows.
#[derive(Debug)]
pub(super) struct Heading {
    pub text: String,
    /// Never shortened (`Column::whole`).
    pub whole: bool,
}

/// A field/value table: every value in full, long ones wrapped on a terminal.
pub(super) fn fields(look: Look, fields: Vec<(Cow<'_, str>, CellValue)>) -> Vec<String> {
    let mut table = new_table(look, ContentArrangement::Dynamic);
    for (label, value) in fields {
        table.add_row(vec![header_cell(look, &escape(&label)), cell(look, value)]);
    }
    if let Some(labels) = table.column_mut(0) {
        labels.set_constraint(ColumnConstraint::ContentWidth);
    }
    lines(look, table)
}

/// A table of rows, each one line; with `fit`, shortened to the terminal's width.
pub(super) fn rows(
    look: Look,
    headings: &[Heading],
    rows: Vec<Vec<Option<CellValue>>>,
    fit: bool,
) -> Vec<String> {
    let fit = fit && look.terminal;
    let arrangement = if fit {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    };
    let mut table = new_table(look, arrangement);
    if fit {
        // A cell too long for its column is cut where the column ends, not at
        // its first space (which could leave one word and a lot of blank).
        // NUL never occurs: control characters are escaped.
        table.set_delimiter('\0');
    }
    table.set_header(
        headings
            .iter()
            .map(|heading| header_cell(look, &heading.text)),
    );
    for cells in rows {
        let mut row = Row::from(cells.into_iter().map(|value| match value {
            Some(value) => cell(look, value),
            None => Cell::new(""),
        }));
        if fit {
            row.max_height(1);
        }
        table.add_row(row);
    }
    for (column, heading) in table.column_iter_mut().zip(headings) {
        column.set_constraint(if heading.whole {
            ColumnConstraint::ContentWidth
        } else {
            // A shortened column still shows its whole header.
            let header = u16::try_from(heading.text.chars().count()).unwrap_or(u16::MAX);
            ColumnConstraint::LowerBoundary(Width::Fixed(header))
        });
    }
    lines(look, table)
}

fn new_table(look: Look, arrangement: ContentArrangement) -> Table {
    let mut table = Table::new();
    if look.fancy {
        table.load_style(presets::UTF8_FULL_CONDENSED);
    } else {
        table.load_style(presets::NOTHING);
    }
    if !look.terminal {
        // Neither the terminal's width nor styling: the reader is a program.
        table.force_no_tty();
    }
    if let Some(width) = look.width {
        table.set_width(width);
    }
    table.set_content_arrangement(arrangement);
    table
}

/// The table's lines; without borders, each column is followed by two spaces
/// and the line's trailing blanks are dropped (they only hurt scripts).
fn lines(look: Look, mut table: Table) -> Vec<String> {
    if look.fancy {
        return table.lines().collect();
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
        column.set_cell_alignment(CellAlignment::Left);
    }
    table
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect()
}

fn header_cell(look: Look, text: &str) -> Cell {
    let cell = Cell::new(text);
    if look.fancy {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

/// A value as a cell, escaped; a flag as `yes`/`no`, coloured on a terminal.
fn cell(look: Look, value: CellValue) -> Cell {
    match value {
        CellValue::Text(text) => Cell::new(escape(&text)),
        CellValue::Flag(flag) => {
            let (text, color) = match flag {
                Some(true) => ("yes", Color::Green),
                Some(false) => ("no", Color::Red),
                None => ("", Color::Reset),
            };
            let cell = Cell::new(text);
            if look.fancy { cell.fg(color) } else { cell }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PIPED: Look = Look {
        terminal: false,
        fancy: false,
        width: None,
    };

    fn text(text: &str) -> Option<CellValue> {
        Some(CellValue::Text(text.to_owned()))
    }

    fn heading(text: &str, whole: bool) -> Heading {
        Heading {
            text: text.to_owned(),
            whole,
        }
    }

    #[test]
    fn piped_rows_are_plain_columns_and_an_empty_first_cell_keeps_its_place() {
        let lines = rows(
            PIPED,
            &[heading("DEFAULT", false), heading("PROFILE", false)],
            vec![
                vec![text("yes"), text("prod")],
                vec![text(""), text("staging")],
            ],
            true,
        );
        assert_eq!(
            lines,
            ["DEFAULT  PROFILE", "yes      prod", "         staging"]
        );
    }

    #[test]
    fn piped_rows_are_never_shortened_or_wrapped() {
        let long = "a long name ".repeat(30);
        let lines = rows(
            PIPED,
            &[heading("ID", true), heading("NAME", false)],
            vec![vec![text("abc"), text(long.trim())]],
            true,
        );
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1], format!("abc  {}", long.trim()));
    }

    #[test]
    fn fitted_rows_keep_whole_columns_and_shorten_the_rest_with_an_ellipsis() {
        for fancy in [false, true] {
            let look = Look {
                terminal: true,
                fancy,
                width: Some(40),
            };
            let name = "Deploy notifications ".repeat(5);
            let lines = rows(
                look,
                &[heading("ID", true), heading("NAME", false)],
                vec![
                    vec![text("oNLthAt9RwMw39N2B"), text(&name)],
                    vec![text("659ea5b72dd9f928ada3e43e"), text(&name)],
                ],
                true,
            );
            let rows: Vec<&String> = lines
                .iter()
                .filter(|line| line.contains("Deploy"))
                .collect();
            assert_eq!(rows.len(), 2, "one line a row: {lines:#?}");
            for line in &lines {
                assert!(line.chars().count() <= 40, "{line:?}");
            }
            assert!(rows[0].contains("oNLthAt9RwMw39N2B"), "{lines:#?}");
            assert!(rows[1].contains("659ea5b72dd9f928ada3e43e"), "{lines:#?}");
            assert!(
                rows[1].trim_end_matches([' ', '│']).ends_with('…'),
                "{lines:#?}"
            );
        }
    }

    #[test]
    fn wide_rows_on_a_terminal_stay_one_line_however_long() {
        let look = Look {
            terminal: true,
            fancy: true,
            width: Some(40),
        };
        let url = format!("https://hooks.example.com/{}", "x".repeat(80));
        let lines = rows(
            look,
            &[heading("ID", true), heading("URLS", false)],
            vec![vec![text("oNLthAt9RwMw39N2B"), text(&url)]],
            false,
        );
        assert_eq!(lines.iter().filter(|line| line.contains(&url)).count(), 1);
    }
}
