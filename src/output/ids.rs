//! `-o ids`: one ID per line, for `xargs` and `ims … -`. An ID is printed only when it
//! reads back as that one ID; any other is an error of its own.

use crate::error::Error;
use crate::text::{is_plain_line, printable};

/// The error of an ID (`what`: `member ID`, `image ID`) that `ids` cannot print as one
/// line that reads back as one ID (exit 8).
pub(crate) fn unprintable_id(what: &str, id: &str) -> Error {
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
