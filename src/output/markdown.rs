//! `-o markdown`: a GitHub-flavoured table with the table's columns, for a pull-request
//! comment. Every cell is the text the table shows (held as [`Rows`]: control characters
//! and line breaks already escaped, so a cell is one line), and the ASCII punctuation in
//! it that could start markup is escaped with a backslash (`|`, backticks, `<`, `*`, `[`, `&`, …):
//! names come from other tenants, and one can neither break a row nor add markup.

use std::io::{self, Write};

use super::rows::Grid;
#[cfg(test)]
use super::rows::Rows;

/// Writes the headers of `grid`, the delimiter row, then of each of its rows the cells
/// shown, as a GitHub-flavoured Markdown table.
pub(crate) fn write_markdown(out: &mut dyn Write, grid: Grid) -> io::Result<()> {
    write_line(out, grid.headers.iter().copied().map(escaped))?;
    write_line(out, grid.headers.iter().map(|_| "---".to_string()))?;
    for rows in grid.parts {
        for row in rows.iter() {
            let cells: Vec<&str> = row.collect();
            write_line(
                out,
                grid.shown
                    .iter()
                    .map(|at| escaped(cells.get(*at).copied().unwrap_or(""))),
            )?;
        }
    }
    Ok(())
}

/// One table line of `cells` as they are written: `| a | b |`.
fn write_line(out: &mut dyn Write, cells: impl Iterator<Item = String>) -> io::Result<()> {
    let mut line = String::from("|");
    for cell in cells {
        line.push(' ');
        line.push_str(&cell);
        line.push_str(" |");
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// The ASCII punctuation that starts no markup on GitHub, left as it is for legibility.
const PLAIN: &str = ",;\"'/?%=";

/// `text` (one line, as the table shows it) as inline Markdown that reads back as exactly
/// `text` and adds no markup: every other ASCII punctuation character backslash-escaped
/// (`:` too, for GitHub's emoji codes and autolinks; `$` for its math), and a
/// space at either end (which a table cell or list item would trim) written `&#32;`.
pub(crate) fn escaped(text: &str) -> String {
    let kept = text.trim_matches(' ');
    let lead = text.len() - text.trim_start_matches(' ').len();
    let trail = match kept.is_empty() {
        true => 0,
        false => text.len() - text.trim_end_matches(' ').len(),
    };
    let mut shown = String::with_capacity(text.len() + 8);
    shown.push_str(&"&#32;".repeat(lead));
    for c in kept.chars() {
        if c.is_ascii_punctuation() && !PLAIN.contains(c) {
            shown.push('\\');
        }
        shown.push(c);
    }
    shown.push_str(&"&#32;".repeat(trail));
    shown
}

/// The cells of each table row of `markdown` (the header row first), as a Markdown
/// parser reads them; a cell holding any markup (code, HTML, a link, emphasis…) reads
/// as `MARKUP`, so that a test sees it.
#[cfg(test)]
pub(crate) fn read_back(markdown: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            pulldown_cmark::Event::Start(
                pulldown_cmark::Tag::TableHead | pulldown_cmark::Tag::TableRow,
            ) => rows.push(Vec::new()),
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::TableCell) => {
                cell = Some(String::new())
            }
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::TableCell) => {
                if let (Some(row), Some(done)) = (rows.last_mut(), cell.take()) {
                    row.push(done);
                }
            }
            pulldown_cmark::Event::Text(text) => match cell.as_mut() {
                Some(cell) => cell.push_str(&text),
                None => panic!("text outside a cell: {text:?}"),
            },
            _ if cell.is_some() => cell = Some("MARKUP".to_string()),
            _ => {}
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::printable;

    fn markdown(rows: &[Vec<String>]) -> String {
        let mut held = Rows::default();
        for row in rows {
            held.push(row.iter());
        }
        let mut out = Vec::new();
        let grid = Grid {
            headers: &["A", "B"],
            shown: &[0, 1],
            parts: &[&held],
        };
        write_markdown(&mut out, grid).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_as_github_shows_it() {
        let rows = [vec!["a|b".to_string(), "`x` <b>".to_string()]];
        assert_eq!(
            markdown(&rows),
            "| A | B |\n| --- | --- |\n| a\\|b | \\`x\\` \\<b\\> |\n"
        );
        assert_eq!(markdown(&[]), "| A | B |\n| --- | --- |\n");
    }

    #[test]
    fn hostile_cells_read_back_as_themselves() {
        let hostile = [
            "x | y | z",
            "`rm -rf /`",
            "<script>alert(1)</script>",
            "<!-- hidden -->",
            "line\nbreak\r\nand\u{2028}more",
            "**bold** _it_ ~~gone~~",
            "[click](https://evil.example)",
            "![img](https://evil.example/x.png)",
            "&amp; &#60; \\| \\",
            "  padded  ",
            "   ",
            "---",
            "# heading",
            "@someone",
            "a\u{1b}[2Jb\tc",
            "",
        ];
        for name in hostile {
            let rows = vec![vec![name.to_string(), "x".to_string()]];
            let read = read_back(&markdown(&rows));
            assert_eq!(read.len(), 2, "{name:?}");
            assert_eq!(
                read[1],
                [printable(name).into_owned(), "x".to_string()],
                "{name:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_cell_reads_back_as_the_table_shows_it(
            rows in proptest::collection::vec(
                proptest::collection::vec("[ -~\u{a0}é日\u{1b}\n\u{202e}]{0,12}", 2), 0..5),
        ) {
            let read = read_back(&markdown(&rows));
            proptest::prop_assert_eq!(read.len(), rows.len() + 1);
            for (got, want) in read[1..].iter().zip(&rows) {
                let want: Vec<String> = want.iter().map(|c| printable(c).into_owned()).collect();
                proptest::prop_assert_eq!(got, &want);
            }
        }
    }
}
