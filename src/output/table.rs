//! Tables for people: drawn line by line from compactly held rows (every cell escaped for
//! the terminal), with the look of comfy-table's `UTF8_FULL_CONDENSED` preset, so that a
//! long list never has to be held as a drawn table.

use std::io::{self, Write};
use std::iter::repeat_n;

use serde_json::{Map, Value};
use unicode_width::UnicodeWidthStr;

use super::render::{
    Column, Held, Record, Render, compact, hold_cells, layout, render_error, show_as_list,
};
use super::rows::{Grid, Rows};
use crate::error::Error;
use crate::model::cell_text;

/// How kept rows are drawn: [`write_table`] or `write_csv`.
pub(crate) type Draw = fn(&mut dyn Write, Grid) -> io::Result<()>;

/// `-o table` and `-o csv`: the rows kept group by group until the end, then drawn. One
/// record on its own is, in a table, a Field | Value table of everything its JSON holds;
/// in csv, one row.
#[derive(Debug)]
pub(crate) struct Drawn {
    /// Each group's rows.
    parts: Vec<Rows>,
    /// Whether some row has a cell in an optional column.
    optional: bool,
    /// How the rows are drawn.
    draw: Draw,
    /// Whether one record on its own is a Field | Value table.
    fields_table: bool,
}

impl Drawn {
    /// `-o table`.
    pub(crate) fn table() -> Drawn {
        Drawn {
            parts: Vec::new(),
            optional: false,
            draw: write_table,
            fields_table: true,
        }
    }

    /// A format of rows drawn by `draw`, one record on its own as one row.
    pub(crate) fn rows(draw: Draw) -> Drawn {
        Drawn {
            draw,
            fields_table: false,
            ..Drawn::table()
        }
    }
}

impl<R: Record> Render<R> for Drawn {
    fn hold(&self, columns: &[Column<R>], record: &R, held: &mut Held) -> Result<(), Error> {
        hold_cells(columns, record, held);
        Ok(())
    }

    fn write(&mut self, _: &mut dyn Write, held: Held) -> io::Result<()> {
        self.optional |= held.optional;
        self.parts.push(held.rows);
        Ok(())
    }

    /// Draws the rows, the optional columns only when some row has one; with no row,
    /// only when `show_empty`.
    fn finish(
        &mut self,
        out: &mut dyn Write,
        columns: &[Column<R>],
        show_empty: bool,
    ) -> io::Result<()> {
        if !show_empty && self.parts.iter().all(Rows::is_empty) {
            return Ok(());
        }
        let (headers, shown) = layout(columns, self.optional);
        let parts: Vec<&Rows> = self.parts.iter().collect();
        let grid = Grid {
            headers: &headers,
            shown: &shown,
            parts: &parts,
        };
        (self.draw)(out, grid)
    }

    fn show(&mut self, out: &mut dyn Write, columns: &[Column<R>], one: &R) -> Result<(), Error> {
        if !self.fields_table {
            return show_as_list(self, out, columns, one);
        }
        let json = compact(columns, one)?;
        let fields: Map<String, Value> = serde_json::from_slice(&json).map_err(render_error)?;
        let mut rows = Rows::default();
        for (name, value) in &fields {
            rows.push([name.clone(), cell_text(value)]);
        }
        let grid = Grid {
            headers: &["Field", "Value"],
            shown: &[0, 1],
            parts: &[&rows],
        };
        write_table(out, grid).map_err(render_error)
    }
}

/// Draws `grid` as a table, line by line: the look of comfy-table's `UTF8_FULL_CONDENSED` preset
/// with content arrangement off (columns as wide as their widest cell, one space of
/// padding), which drew these tables before, without holding the drawn table in memory.
pub(crate) fn write_table(out: &mut dyn Write, grid: Grid) -> io::Result<()> {
    let widths: Vec<usize> = grid
        .headers
        .iter()
        .zip(grid.shown)
        .map(|(header, column)| {
            grid.parts
                .iter()
                .filter_map(|rows| rows.width(*column))
                .fold(header.width(), |widest, width| widest.max(*width))
                .max(1)
        })
        .collect();
    write_border(out, &widths, ['┌', '─', '┬', '┐'])?;
    write_row(out, &widths, grid.headers.iter().copied())?;
    write_border(out, &widths, ['╞', '═', '╪', '╡'])?;
    for rows in grid.parts {
        for row in rows.iter() {
            let cells: Vec<&str> = row.collect();
            let cells = grid
                .shown
                .iter()
                .map(|at| cells.get(*at).copied().unwrap_or(""));
            write_row(out, &widths, cells)?;
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
