//! Text from servers and users made safe for a terminal: control characters are shown
//! escaped (`\u{1b}`) instead of acted on. Used by every line `ims` writes to stderr and by
//! table cells.

use std::borrow::Cow;

/// `text` safe for a terminal: control characters other than line breaks (an escape
/// sequence from a hostile server, a stray tab) are shown escaped (`\u{1b}`, `\t`)
/// instead of acted on.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match unsafe_char(c) {
                true => c.escape_default().to_string(),
                false => c.to_string(),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("plain ü"), "plain ü");
        assert_eq!(printable("a\u{1b}[31mred\tb\n"), "a\\u{1b}[31mred\\tb\n");
    }
}
