//! `-o ids`: one ID per line, for `xargs` and `ims … -`. An ID is printed only when it
//! reads back as that one ID; any other is an error of its own.

use std::io::{self, Write};

use super::render::{Column, Held, Record, Render};
use crate::error::Error;
use crate::text::{is_plain_id, is_plain_line, printable};

/// `-o ids`: each record's ID on a line, written as each group is complete.
#[derive(Debug)]
pub(crate) struct Ids;

impl<R: Record> Render<R> for Ids {
    fn hold(&self, columns: &[Column<R>], record: &R, held: &mut Held) -> Result<(), Error> {
        match record.id(columns) {
            Ok(id) => {
                held.lines.extend_from_slice(id.as_bytes());
                held.lines.push(b'\n');
            }
            Err(err) => held.errors.push(err),
        }
        Ok(())
    }

    fn write(&mut self, out: &mut dyn Write, held: Held) -> io::Result<()> {
        out.write_all(&held.lines)
    }

    fn finish(&mut self, _: &mut dyn Write, _: &[Column<R>], _: bool) -> io::Result<()> {
        Ok(())
    }
}

/// `id` when `ids` can print it as one line that reads back as that one ID, else the
/// error that says why not (`what`: `member ID`, `image ID`).
pub(crate) fn plain_id(what: &str, id: &str) -> Result<String, Error> {
    match is_plain_id(id) {
        true => Ok(id.to_string()),
        false => Err(unprintable_id(what, id)),
    }
}

/// The error of an ID (`what`: `member ID`, `image ID`) that `ids` cannot print as one
/// line that reads back as one ID (exit 8).
fn unprintable_id(what: &str, id: &str) -> Error {
    if id.is_empty() {
        return Error::bad_answer(format!("the service sent an empty {what}; not printed"));
    }
    if !is_plain_line(id) {
        return Error::bad_answer(format!(
            "the service sent {what} `{}`, which holds a control character, line separator \
             or bidi control; not printed",
            printable(id)
        ));
    }
    let shown: String = id
        .chars()
        .map(|c| match c.is_whitespace() && c != ' ' {
            true => c.escape_unicode().to_string(),
            false => c.to_string(),
        })
        .collect();
    Error::bad_answer(format!(
        "the service sent {what} `{shown}`, which holds whitespace; not printed"
    ))
}
