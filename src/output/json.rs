//! JSON for programs: pretty-printed, newline-terminated, and arrays written element by
//! element so a long list never has to be held whole.

use std::io::{self, Write};

use super::render::{Column, Held, Record, Render, compact, render_error};
use super::safe::write_pretty;
use crate::error::Error;

/// `-o json`: one array of every record, written element by element as each group is
/// complete; one record on its own is that object.
#[derive(Debug, Default)]
pub(crate) struct Json {
    /// The array, opened at the first record.
    array: JsonArray,
}

impl<R: Record> Render<R> for Json {
    fn hold(&self, columns: &[Column<R>], record: &R, held: &mut Held) -> Result<(), Error> {
        hold_line(columns, record, held)
    }

    fn write(&mut self, out: &mut dyn Write, held: Held) -> io::Result<()> {
        for record in held.lines.split(|b| *b == b'\n').filter(|r| !r.is_empty()) {
            self.array.item_compact(out, record)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _: &[Column<R>], show_empty: bool) -> io::Result<()> {
        match self.array.started || show_empty {
            true => std::mem::take(&mut self.array).finish(out),
            false => Ok(()),
        }
    }

    fn show(&mut self, out: &mut dyn Write, columns: &[Column<R>], one: &R) -> Result<(), Error> {
        write_pretty(out, &compact(columns, one)?, 0)
            .and_then(|()| writeln!(out))
            .map_err(render_error)
    }
}

/// Holds `record` as one line of compact JSON (`json`, `ndjson`). Compact JSON holds no
/// raw line break, so one record per line is safe.
pub(crate) fn hold_line<R: Record>(
    columns: &[Column<R>],
    record: &R,
    held: &mut Held,
) -> Result<(), Error> {
    record
        .write_json(columns, &mut held.lines)
        .map_err(render_error)?;
    held.lines.push(b'\n');
    Ok(())
}

/// A JSON array written one element at a time; its text equals the pretty-printed array.
#[derive(Debug, Default)]
struct JsonArray {
    /// Whether an element was written.
    started: bool,
}

impl JsonArray {
    /// Writes one element given as compact JSON (as serde_json writes it).
    fn item_compact(&mut self, out: &mut dyn Write, compact: &[u8]) -> io::Result<()> {
        out.write_all(if self.started { b",\n" } else { b"[\n" })?;
        self.started = true;
        write_pretty(out, compact, 1)
    }

    /// Closes the array (`[]` when empty).
    fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.started { b"\n]\n" } else { b"[]\n" })
    }
}
