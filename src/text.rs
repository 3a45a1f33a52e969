//! Text from servers and users made safe for a terminal: characters a terminal acts on or
//! reorders instead of showing (control characters, line and paragraph separators, bidi
//! controls) are shown escaped (`\u{1b}`, `\n`, `\u{202e}`). Used by every line `ims` writes
//! to stderr, by table cells, and to refuse IDs that cannot be printed as one line of `ids`.

use std::borrow::Cow;

/// True for a character a terminal may act on or reorder instead of showing: a control
/// character (C0, DEL, C1, line breaks included), a line or paragraph separator
/// (U+2028, U+2029), or a bidi control (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069).
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `text` safe for a terminal: every [`is_unsafe`] character is shown escaped (`\u{1b}`,
/// `\t`, `\n`, `\u{202e}`) instead of acted on, so one message stays one line.
pub(crate) fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match is_unsafe(c) {
            true => shown.extend(c.escape_default()),
            false => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// True when `text` can be printed as one line of data as it is: not empty, and nothing in
/// it that [`printable`] would escape.
pub(crate) fn is_plain_line(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(is_unsafe)
}

/// True when `id` can be one line of `-o ids` output and read back as one ID (by `-` on
/// stdin, by `xargs`): a plain line ([`is_plain_line`]) without whitespace of any kind.
pub(crate) fn is_plain_id(id: &str) -> bool {
    is_plain_line(id) && !id.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines that are not plain (so not plain IDs either): empty, or holding what
    /// [`printable`] escapes.
    const NOT_PLAIN_LINES: [&str; 8] = [
        "",
        "a\nb",
        "cr\r",
        "nul\0",
        "\u{1b}[2J",
        "rtl\u{202e}",
        "a\u{202e}b",
        "\u{2028}",
    ];

    #[test]
    fn ids_are_one_word_of_safe_characters() {
        assert!(is_plain_id("d164b5df-1bc3"));
        assert!(is_plain_id("ou-qdjrky7i07higfa4f6reqv9etybmp4ng"));
        let spaced = ["a b", "a\u{a0}b", "a\tb", "a\u{2003}b"];
        for bad in NOT_PLAIN_LINES.iter().chain(&spaced) {
            assert!(!is_plain_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("plain ü"), "plain ü");
        assert_eq!(printable("a\u{1b}[31mred\tb\n"), "a\\u{1b}[31mred\\tb\\n");
        assert_eq!(
            printable("cr\rover nul\0 del\u{7f} c1\u{85}\u{9b}"),
            "cr\\rover nul\\u{0} del\\u{7f} c1\\u{85}\\u{9b}"
        );
    }

    #[test]
    fn separators_and_bidi_controls_are_escaped() {
        assert_eq!(printable("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        let bidi = [
            '\u{061c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
            '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ];
        for c in bidi {
            assert!(is_unsafe(c), "{c:?}");
            assert_eq!(
                printable(&format!("x{c}y")),
                format!("x\\u{{{:x}}}y", c as u32)
            );
        }
        // Neighbours that only look alike stay as they are.
        for c in [
            '\u{200d}', '\u{2027}', '\u{202f}', '\u{2065}', '\u{206a}', 'é', '日',
        ] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn plain_lines() {
        assert!(is_plain_line("edc89b490d7d4392898e19b2deb34797"));
        assert!(is_plain_line("ünïcode 日本"));
        for bad in NOT_PLAIN_LINES {
            assert!(!is_plain_line(bad), "{bad:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn printable_text_holds_nothing_unsafe(text in "\\PC*|[\\x00-\\x{a0}\\x{2000}-\\x{2070}]*") {
            let shown = printable(&text);
            proptest::prop_assert!(!shown.chars().any(is_unsafe));
            proptest::prop_assert_eq!(shown == text, !text.chars().any(is_unsafe));
        }
    }
}
