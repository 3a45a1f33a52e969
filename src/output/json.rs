//! JSON for programs: pretty-printed, newline-terminated, and arrays written element by
//! element so a long list never has to be held whole.

use std::io::{self, Write};

/// Writes `value` pretty-printed, with a final newline.
pub(crate) fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// A JSON array written one element at a time; its text equals the pretty-printed array.
#[derive(Debug, Default)]
pub(crate) struct JsonArray {
    started: bool,
}

impl JsonArray {
    /// Writes one element.
    pub(crate) fn item<T: serde::Serialize + ?Sized>(
        &mut self,
        out: &mut dyn Write,
        value: &T,
    ) -> io::Result<()> {
        out.write_all(if self.started { b",\n" } else { b"[\n" })?;
        self.started = true;
        let text = serde_json::to_string_pretty(value)?;
        // JSON strings hold no raw line breaks, so indenting by line is safe.
        for (index, line) in text.lines().enumerate() {
            if index > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "  {line}")?;
        }
        Ok(())
    }

    /// Whether an element was written.
    pub(crate) fn is_started(&self) -> bool {
        self.started
    }

    /// Closes the array (`[]` when empty).
    pub(crate) fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.started { b"\n]\n" } else { b"[]\n" })
    }
}
