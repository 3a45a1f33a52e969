//! IDs from the command line and stdin: each `-` replaced by the IDs read from stdin,
//! repeats dropped, every ID checked before anything is sent.

use std::collections::HashSet;
use std::io::Read;

use crate::error::Error;
use crate::files::{Unread, read_text};
use crate::text::is_plain_id;
use crate::url::check_id;

/// The most bytes of IDs read from stdin (room for 1.8 million UUIDs).
const MAX_STDIN_BYTES: u64 = 64 * 1024 * 1024;

/// The most IDs read from stdin.
const MAX_STDIN_IDS: usize = 1_000_000;

/// `args` with each `-` replaced by the IDs read from `stdin` (whitespace-separated), in
/// order, every one checked as one path segment ([`check_id`], exit 2 naming `what`).
/// Repeats are kept: `member list` shows an image as often as it is asked for.
pub(crate) fn read_ids(
    what: &str,
    args: Vec<String>,
    stdin: &mut dyn Read,
) -> Result<Vec<String>, Error> {
    let ids = expand_stdin(what, args, stdin)?;
    for id in &ids {
        check_id(what, id)?;
    }
    Ok(ids)
}

/// [`read_ids`] without repeats, in first-seen order: each image is changed once.
pub(crate) fn read_unique_ids(
    what: &str,
    args: Vec<String>,
    stdin: &mut dyn Read,
) -> Result<Vec<String>, Error> {
    read_ids(what, args, stdin).map(unique)
}

/// Checks each of `members` (repeats dropped, in first-seen order): one path segment
/// each, or for organization URNs, which travel only in a request body, one printable
/// word.
pub(crate) fn member_ids(members: Vec<String>, urns: bool) -> Result<Vec<String>, Error> {
    let members = unique(members);
    for member in &members {
        match urns {
            true if is_plain_id(member) => {}
            true => {
                return Err(Error::usage(format!(
                    "organization `{member}` is not one URN (it is empty or holds \
                     whitespace or control characters)"
                )));
            }
            false => check_id("member ID", member)?,
        }
    }
    Ok(members)
}

/// `items` without repeats, in first-seen order.
pub(crate) fn unique(items: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(item.clone()))
        .collect()
}

/// Replaces each `-` with the IDs read from `stdin`: at most [`MAX_STDIN_IDS`] IDs in at
/// most [`MAX_STDIN_BYTES`] (64 MiB); more is a usage error, so that `- < /dev/zero` ends
/// at once instead of filling memory. Stdin is read once, for the first `-`.
fn expand_stdin(what: &str, ids: Vec<String>, stdin: &mut dyn Read) -> Result<Vec<String>, Error> {
    if !ids.iter().any(|id| id == "-") {
        return Ok(ids);
    }
    let mib = MAX_STDIN_BYTES / 1024 / 1024;
    let text = read_text(stdin, MAX_STDIN_BYTES).map_err(|unread| match unread {
        Unread::Failed(err) => Error::usage(format!("cannot read {what}s from stdin: {err}")),
        Unread::TooLarge => Error::usage(format!(
            "{what}s on stdin: more than {mib} MiB; pass at most {MAX_STDIN_IDS} IDs at a time"
        )),
        Unread::NotText => Error::usage(format!("{what}s on stdin: the input is not UTF-8 text")),
    })?;
    let from_stdin: Vec<String> = text
        .split_whitespace()
        .take(MAX_STDIN_IDS + 1)
        .map(str::to_string)
        .collect();
    if from_stdin.len() > MAX_STDIN_IDS {
        return Err(Error::usage(format!(
            "{what}s on stdin: more than {MAX_STDIN_IDS} IDs at a time"
        )));
    }
    let mut from_stdin = Some(from_stdin);
    Ok(ids
        .into_iter()
        .flat_map(|id| match id.as_str() {
            "-" => from_stdin.take().unwrap_or_default(),
            _ => vec![id],
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn args(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    #[test]
    fn a_dash_is_replaced_by_the_ids_on_stdin_once() {
        let mut stdin = "b c\n\td\n".as_bytes();
        let ids = read_ids("image ID", args(&["a", "-", "e", "-", "a"]), &mut stdin).unwrap();
        assert_eq!(ids, ["a", "b", "c", "d", "e", "a"]);
        let mut stdin = "b a\n".as_bytes();
        let ids = read_unique_ids("image ID", args(&["a", "-"]), &mut stdin).unwrap();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn stdin_is_not_read_without_a_dash() {
        struct Unreadable;
        impl Read for Unreadable {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                panic!("stdin was read")
            }
        }
        let ids = read_ids("image ID", args(&["a"]), &mut Unreadable).unwrap();
        assert_eq!(ids, ["a"]);
    }

    #[test]
    fn bad_ids_are_usage_errors() {
        for (input, message) in [
            ("..", "image ID `..` cannot be `.` or `..`"),
            ("a/b", "image ID `a/b` cannot contain `/`"),
        ] {
            let err = read_ids("image ID", args(&["-"]), &mut input.as_bytes()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Usage);
            assert!(err.to_string().starts_with(message), "{err}");
        }
        let err = read_ids("image ID", args(&["-"]), &mut [0xff_u8].as_slice()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "image IDs on stdin: the input is not UTF-8 text"
        );
    }

    #[test]
    fn members_are_path_segments_or_organization_urns() {
        let urn = "urn:ou:o-1/ou-2";
        assert_eq!(member_ids(args(&[urn, urn]), true).unwrap(), [urn]);
        let err = member_ids(args(&[urn]), false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Usage);
        let err = member_ids(args(&["a b"]), true).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("organization `a b` is not one URN"),
            "{err}"
        );
    }
}
