//! CSV for spreadsheets (RFC 4180 quoting by the `csv` crate, `\n` line ends, a header row).
//! Every cell is the text the table shows (held as [`Rows`]: control characters and line
//! breaks escaped), and a cell a spreadsheet would take for a formula is prefixed with
//! `'`: names come from other tenants.

use std::borrow::Cow;
use std::io::{self, Write};

use super::rows::Grid;

/// Writes the headers of `grid`, then of each of its rows the cells shown, as CSV.
pub(crate) fn write_csv(out: &mut dyn Write, grid: Grid) -> io::Result<()> {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(grid.headers).map_err(io_error)?;
    for rows in grid.parts {
        for row in rows.iter() {
            let cells: Vec<&str> = row.collect();
            writer
                .write_record(
                    grid.shown
                        .iter()
                        .map(|at| guarded(cells.get(*at).copied().unwrap_or("")).into_owned()),
                )
                .map_err(io_error)?;
        }
    }
    writer.flush()
}

/// A csv error as the I/O error it wraps, of the same kind, so that a reader that went
/// away (`| head`) is still a broken pipe and a quiet stop.
fn io_error(err: ::csv::Error) -> io::Error {
    match err.kind() {
        ::csv::ErrorKind::Io(inner) => io::Error::new(inner.kind(), inner.to_string()),
        _ => io::Error::other(err),
    }
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
    use crate::output::rows::Rows;

    /// Columns A and B over `parts`.
    fn grid<'a>(parts: &'a [&'a Rows]) -> Grid<'a> {
        Grid {
            headers: &["A", "B"],
            shown: &[0, 1],
            parts,
        }
    }

    fn csv(rows: &[&[&str]]) -> String {
        let mut table = Rows::default();
        for row in rows {
            table.push(row.iter());
        }
        let mut out = Vec::new();
        write_csv(&mut out, grid(&[&table])).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A reader that went away.
    struct Gone;

    impl Write for Gone {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_stays_a_broken_pipe() {
        let mut table = Rows::default();
        // More than the csv crate buffers, so that a row's write fails.
        for _ in 0..2000 {
            table.push(["0123456789abcdef0123456789abcdef", "x"]);
        }
        let err = write_csv(&mut Gone, grid(&[&table])).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
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
