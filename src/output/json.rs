//! JSON for programs: pretty-printed, newline-terminated, and arrays written element by
//! element so a long list never has to be held whole.

use std::io::{self, Write};
use std::iter::repeat_n;

/// `value` as pretty-printed JSON and a line break.
pub(crate) fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Writes compact JSON (as serde_json writes it: no whitespace outside strings)
/// pretty-printed exactly as `serde_json::to_writer_pretty` would, every line indented by
/// `indent` more levels (two spaces each).
pub(crate) fn write_pretty(out: &mut dyn Write, compact: &[u8], indent: usize) -> io::Result<()> {
    let mut text = Vec::with_capacity(compact.len() * 2);
    let new_line = |text: &mut Vec<u8>, level: usize| {
        text.push(b'\n');
        text.extend(repeat_n(b' ', 2 * level));
    };
    text.extend(repeat_n(b' ', 2 * indent));
    let mut level = indent;
    let mut at = 0;
    while let Some(&byte) = compact.get(at) {
        at += 1;
        match byte {
            b'"' => {
                // A string, copied whole: up to the first quote not escaped.
                let start = at - 1;
                while let Some(offset) =
                    compact[at..].iter().position(|b| matches!(b, b'"' | b'\\'))
                {
                    at += offset + 1;
                    match compact[at - 1] {
                        b'\\' => at += 1,
                        _ => break,
                    }
                }
                text.extend_from_slice(&compact[start..at.min(compact.len())]);
            }
            b'{' | b'[' => {
                text.push(byte);
                match compact.get(at) {
                    Some(close @ (b'}' | b']')) => {
                        text.push(*close);
                        at += 1;
                    }
                    _ => {
                        level += 1;
                        new_line(&mut text, level);
                    }
                }
            }
            b'}' | b']' => {
                level = level.saturating_sub(1);
                new_line(&mut text, level);
                text.push(byte);
            }
            b',' => {
                text.push(byte);
                new_line(&mut text, level);
            }
            b':' => text.extend_from_slice(b": "),
            _ => text.push(byte),
        }
    }
    out.write_all(&text)
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

    /// Writes one element given as compact JSON (as serde_json writes it).
    pub(crate) fn item_compact(&mut self, out: &mut dyn Write, compact: &[u8]) -> io::Result<()> {
        out.write_all(if self.started { b",\n" } else { b"[\n" })?;
        self.started = true;
        write_pretty(out, compact, 1)
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
