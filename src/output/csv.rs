//! CSV for spreadsheets (RFC 4180 quoting by the `csv` crate, `\n` line ends, a header row).
//! Every cell is the text the table shows (held as [`Rows`]: control characters and line
//! breaks escaped), and a cell a spreadsheet would take for a formula is prefixed with
//! `'`: names come from other tenants.

use std::borrow::Cow;
use std::io::{self, Write};

use super::rows::Rows;

/// Writes `headers` then, of each row of `parts`, the cells at `shown` (one index per
/// header) as CSV.
pub(crate) fn write_csv(
    out: &mut dyn Write,
    headers: &[&str],
    shown: &[usize],
    parts: &[&Rows],
) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(headers)?;
    for rows in parts {
        for row in rows.iter() {
            let cells: Vec<&str> = row.collect();
            writer.write_record(
                shown
                    .iter()
                    .map(|at| guarded(cells.get(*at).copied().unwrap_or("")).into_owned()),
            )?;
        }
    }
    writer.flush()
}

/// `cell` (as the table shows it: escaped, one line), prefixed with `'` when it starts
/// like a formula (`=`, `+`, `-`, `@`, tab or CR), as OWASP advises against CSV injection.
fn guarded(cell: &str) -> Cow<'_, str> {
    match cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        true => Cow::Owned(format!("'{cell}")),
        false => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(rows: &[&[&str]]) -> String {
        let mut table = Rows::default();
        for row in rows {
            table.push(row.iter());
        }
        let mut out = Vec::new();
        write_csv(&mut out, &["A", "B"], &[0, 1], &[&table]).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(
            csv(&[&["a,b", "say \"hi\""], &["plain", ""]]),
            "A,B\n\"a,b\",\"say \"\"hi\"\"\"\nplain,\n"
        );
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(
            csv(&[
                &["=cmd|' /C calc'!A0", "+1"],
                &["-2", "@SUM(A1)"],
                &["a=b", "x"]
            ]),
            "A,B\n'=cmd|' /C calc'!A0,'+1\n'-2,'@SUM(A1)\na=b,x\n"
        );
    }

    #[test]
    fn control_characters_are_escaped_as_in_the_table() {
        assert_eq!(
            csv(&[&["a\u{1b}[2Jb", "t\tx"]]),
            "A,B\na\\u{1b}[2Jb,t\\tx\n"
        );
    }
}
