//! JSON text that cannot drive a terminal: compact, or pretty-printed from compact.

use std::io::{self, Write};
use std::iter::repeat_n;

use crate::text::is_unsafe;

/// `value` as compact JSON (one line), with [`Safe`] strings.
pub(crate) fn write_compact<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Safe);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// A JSON formatter that also writes as `\uXXXX` escapes what serde_json leaves raw in
/// strings but a terminal would act on: C1 controls, DEL, line and paragraph separators
/// and bidi controls (`text::is_unsafe`). The JSON value is the same; no byte of it can
/// drive a terminal. Everything else is the trait's default: compact JSON, exactly as
/// serde_json's `CompactFormatter` (which overrides nothing) writes it.
struct Safe;

impl serde_json::ser::Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !fragment.chars().any(is_unsafe) {
            return writer.write_all(fragment.as_bytes());
        }
        for c in fragment.chars() {
            match is_unsafe(c) {
                true => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        write!(writer, "\\u{unit:04x}")?;
                    }
                }
                false => writer.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?,
            }
        }
        Ok(())
    }
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
                while let Some(offset) = compact
                    .get(at..)
                    .and_then(|rest| rest.iter().position(|b| matches!(b, b'"' | b'\\')))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_printing_is_the_same_as_serde_jsons() {
        let value = serde_json::json!({"a": [1, {"b": "x\\\"y"}, []], "c": {}});
        let mut compact = Vec::new();
        write_compact(&mut compact, &value).unwrap();
        let mut pretty = Vec::new();
        write_pretty(&mut pretty, &compact, 0).unwrap();
        assert_eq!(
            String::from_utf8(pretty).unwrap(),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }

    #[test]
    fn a_string_cut_after_a_backslash_is_copied_as_it_is() {
        let mut pretty = Vec::new();
        write_pretty(&mut pretty, b"[\"a\\", 0).unwrap();
        assert_eq!(pretty, b"[\n  \"a\\");
    }
}
