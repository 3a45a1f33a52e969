//! `-o ndjson`: one compact JSON object per line, the objects `json` prints inside its
//! array, with no array around them; each group's lines are flushed as soon as it is
//! complete, so a reader sees an image's members while later images are still read.

use std::io::{self, Write};

use super::json::hold_line;
use super::render::{Column, Held, Record, Render};
use crate::error::Error;

/// `-o ndjson`: each record as one line of compact JSON, flushed group by group.
#[derive(Debug)]
pub(crate) struct Ndjson;

impl<R: Record> Render<R> for Ndjson {
    fn hold(&self, columns: &[Column<R>], record: &R, held: &mut Held) -> Result<(), Error> {
        hold_line(columns, record, held)
    }

    fn write(&mut self, out: &mut dyn Write, held: Held) -> io::Result<()> {
        out.write_all(&held.lines)?;
        out.flush()
    }

    fn finish(&mut self, _: &mut dyn Write, _: &[Column<R>], _: bool) -> io::Result<()> {
        Ok(())
    }
}
