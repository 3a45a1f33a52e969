//! Tables for people: drawn line by line from compactly held rows (every cell escaped for
//! the terminal), with the look of comfy-table's `UTF8_FULL_CONDENSED` preset, so that a
//! long list never has to be held as a drawn table.

use std::io::{self, Write};
use std::iter::repeat_n;

use unicode_width::UnicodeWidthStr;

use crate::text::printable;

/// Ends each cell of a held row: a control character, so never part of an escaped cell.
const CELL_END: char = '\u{1f}';

/// Rows of a table, held compactly: every cell escaped for the terminal (line breaks
/// included, so each is one line) and ended by [`CELL_END`], each row ended by `\n`, all
/// in one string; and the display width of the widest cell of each column so far.
#[derive(Debug, Default)]
pub(crate) struct Rows {
    /// The cells and rows.
    text: String,
    /// The display width of the widest cell of each column.
    widths: Vec<usize>,
}

impl Rows {
    /// Adds a row of `cells`.
    pub(crate) fn push<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (column, cell) in cells.into_iter().enumerate() {
            let shown = printable(cell.as_ref());
            let width = shown.width();
            match self.widths.get_mut(column) {
                Some(widest) => *widest = (*widest).max(width),
                None => self.widths.push(width),
            }
            self.text.push_str(&shown);
            self.text.push(CELL_END);
        }
        self.text.push('\n');
    }

    /// True when no row was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The rows, each as its cells.
    pub(crate) fn iter(&self) -> impl Iterator<Item = impl Iterator<Item = &str>> {
        self.text
            .split_terminator('\n')
            .map(|row| row.split_terminator(CELL_END))
    }
}

/// Draws a table with `headers` over the rows of `parts` (cells past the headers' count
/// are left out), line by line: the look of comfy-table's `UTF8_FULL_CONDENSED` preset
/// with content arrangement off (columns as wide as their widest cell, one space of
/// padding), which drew these tables before, without holding the drawn table in memory.
pub(crate) fn write_table(
    out: &mut dyn Write,
    headers: &[&str],
    parts: &[&Rows],
) -> io::Result<()> {
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(column, header)| {
            parts
                .iter()
                .filter_map(|rows| rows.widths.get(column))
                .fold(header.width(), |widest, width| widest.max(*width))
                .max(1)
        })
        .collect();
    write_border(out, &widths, ['┌', '─', '┬', '┐'])?;
    write_row(out, &widths, headers.iter().copied())?;
    write_border(out, &widths, ['╞', '═', '╪', '╡'])?;
    for rows in parts {
        for row in rows.iter() {
            write_row(out, &widths, row)?;
        }
    }
    write_border(out, &widths, ['└', '─', '┴', '┘'])
}

/// One border line: `[left, fill, junction, right]`.
fn write_border(out: &mut dyn Write, widths: &[usize], chars: [char; 4]) -> io::Result<()> {
    let [left, fill, junction, right] = chars;
    let mut line = String::new();
    line.push(left);
    for (column, width) in widths.iter().enumerate() {
        if column > 0 {
            line.push(junction);
        }
        line.extend(repeat_n(fill, width + 2));
    }
    line.push(right);
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// One line of cells, each padded to its column's width (a missing cell is blank).
fn write_row<'a>(
    out: &mut dyn Write,
    widths: &[usize],
    mut cells: impl Iterator<Item = &'a str>,
) -> io::Result<()> {
    let mut line = String::from("│");
    for (column, width) in widths.iter().enumerate() {
        if column > 0 {
            line.push('┆');
        }
        let cell = cells.next().unwrap_or("");
        line.push(' ');
        line.push_str(cell);
        line.extend(repeat_n(' ', width.saturating_sub(cell.width()) + 1));
    }
    line.push_str("│\n");
    out.write_all(line.as_bytes())
}
