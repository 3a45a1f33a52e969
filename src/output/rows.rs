//! The rows of a table (or csv) held compactly until they are drawn.

use unicode_width::UnicodeWidthStr;

use crate::text::printable;

/// Ends each cell of a held row: a control character, so never part of an escaped cell.
const CELL_END: char = '\u{1f}';

/// What a table or csv draws: the `headers`, of each held row the cells `shown` under
/// them (one index per header), and the rows, group by group (`parts`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Grid<'a> {
    /// The column headers.
    pub(crate) headers: &'a [&'a str],
    /// Under each header, the index of the held cell shown.
    pub(crate) shown: &'a [usize],
    /// The rows, group by group.
    pub(crate) parts: &'a [&'a Rows],
}

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

    /// The display width of the widest cell of `column`, if any row has one.
    pub(crate) fn width(&self, column: usize) -> Option<&usize> {
        self.widths.get(column)
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
