//! Tables for people (comfy-table), every cell escaped for the terminal.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};

use crate::text::printable;

/// Writes a table with `headers` and `rows`.
pub(crate) fn write_table(
    out: &mut dyn Write,
    headers: &[&str],
    rows: Vec<Vec<String>>,
) -> io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.to_vec());
    for row in rows {
        table.add_row(row.iter().map(|cell| printable(cell).into_owned()));
    }
    writeln!(out, "{table}")
}
