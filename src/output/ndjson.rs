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

    fn streams(&self) -> bool {
        true
    }

    fn finish(&mut self, _: &mut dyn Write, _: &[Column<R>], _: bool) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render::field;
    use serde_json::{Map, Value, json};

    /// A writer that keeps what each flush pushed out.
    #[derive(Default)]
    struct Flushes {
        pending: Vec<u8>,
        flushed: Vec<String>,
    }

    impl Write for Flushes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.pending.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            let text = String::from_utf8(std::mem::take(&mut self.pending)).unwrap();
            self.flushed.push(text);
            Ok(())
        }
    }

    #[test]
    fn each_group_is_flushed_as_one_line_per_record() {
        let columns = [Column::new("Name", "name", field)];
        let record = |value: Value| match value {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let mut out = Flushes::default();
        let render: &mut dyn Render<Map<String, Value>> = &mut Ndjson;
        let groups = [
            vec![
                record(json!({"name": "a", "n": 1})),
                record(json!({"name": "b\u{85}"})),
            ],
            vec![],
            vec![record(json!({"name": "c"}))],
        ];
        for group in &groups {
            let mut held = Held::default();
            for one in group {
                render.hold(&columns, one, &mut held).unwrap();
            }
            render.write(&mut out, held).unwrap();
        }
        render.finish(&mut out, &columns, true).unwrap();
        assert_eq!(
            out.flushed,
            [
                "{\"name\":\"a\"}\n{\"name\":\"b\\u0085\"}\n",
                "",
                "{\"name\":\"c\"}\n"
            ]
        );
        assert!(out.pending.is_empty());
    }
}
