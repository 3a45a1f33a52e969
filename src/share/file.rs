//! The shares file (`shares.toml`): which of this project's images each project should
//! see. Parsed from text with every error naming the file, the line and the key (exit 3),
//! before any request is sent.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::lifetime::{Until, until_of};
use crate::cli::MemberType;
use crate::error::Error;
use crate::text::is_plain_id;
use crate::url::id_problem;

/// The keys allowed at the top of the file.
const TOP_KEYS: &[&str] = &["prune", "share", "consumers"];

/// The keys allowed in a `[[share]]`.
const SHARE_KEYS: &[&str] = &[
    "images",
    "names",
    "tags",
    "members",
    "member_type",
    "newest",
    "until",
];

/// The keys allowed in a consumer's inline table.
const CONSUMER_KEYS: &[&str] = &["profile", "vault_id"];

/// A parsed shares file.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SharesFile {
    /// The file's name as messages show it (`shares.toml`, `<stdin>`).
    pub(crate) name: String,
    /// Whether members the file does not name are removed.
    pub(crate) prune: bool,
    /// The `[[share]]` entries, in file order.
    pub(crate) shares: Vec<Share>,
    /// Who accepts for a member: member ID → consumer.
    pub(crate) consumers: BTreeMap<String, Consumer>,
    /// The SHA-256 of the file's text, in hex (a saved plan names the file it came from).
    pub(crate) sha256: String,
}

/// One `[[share]]`: the images it selects and the members they should have.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Share {
    /// The line of its `[[share]]` header.
    pub(crate) line: usize,
    /// Images by ID.
    pub(crate) images: Vec<String>,
    /// Name globs (`*`, `?`) over this project's images.
    pub(crate) names: Vec<String>,
    /// Tags over this project's images.
    pub(crate) tags: Vec<String>,
    /// The members every selected image should have.
    pub(crate) members: Vec<String>,
    /// What the members are (Huawei's v1 API).
    pub(crate) member_type: MemberType,
    /// The line of `member_type`, when given.
    pub(crate) member_type_line: Option<usize>,
    /// `newest = N`: of the images `names` and `tags` select, only the N latest.
    pub(crate) newest: Option<usize>,
    /// `until = DATE`: when the entry ends.
    pub(crate) until: Option<Until>,
}

/// The profile that accepts shares for one member, with that member's own sign-in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Consumer {
    /// The ims profile's name.
    pub(crate) profile: String,
    /// Huawei v1: the vault of full-ECS images made from a CBR backup.
    pub(crate) vault_id: Option<String>,
    /// The line of its entry in `[consumers]`.
    pub(crate) line: usize,
}

impl SharesFile {
    /// `name:line`, how a message points into the file.
    pub(crate) fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.name)
    }
}

/// The text being parsed and its name, for messages.
struct Source<'a> {
    name: &'a str,
    text: &'a str,
}

impl Source<'_> {
    /// A configuration error (exit 3) at the line where `span` starts.
    fn error(&self, span: Range<usize>, message: impl std::fmt::Display) -> Error {
        let line = line_of(self.text, span.start);
        Error::config(format!("{}:{line}: {message}", self.name))
    }

    /// `value` is not what `expected` says it must be: `{expected}, not a string`.
    fn wrong_type(&self, value: &Spanned<DeValue>, expected: &str) -> Error {
        self.error(
            value.span(),
            format_args!("{expected}, not {}", a(value.get_ref())),
        )
    }

    /// The line where `span` starts.
    fn line(&self, span: Range<usize>) -> usize {
        line_of(self.text, span.start)
    }
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Parses the text of a shares file; `name` names it in messages.
pub(crate) fn parse(name: &str, text: &str) -> Result<SharesFile, Error> {
    let source = Source { name, text };
    let document = DeTable::parse(text).map_err(|err| {
        source.error(
            err.span().unwrap_or(0..0),
            format_args!("not valid TOML: {}", err.message().trim_end()),
        )
    })?;
    let mut file = SharesFile {
        name: name.to_string(),
        sha256: sha256(text),
        ..SharesFile::default()
    };
    for (key, value) in document.get_ref() {
        match key.get_ref().as_ref() {
            "prune" => match value.get_ref() {
                DeValue::Boolean(prune) => file.prune = *prune,
                _ => return Err(source.wrong_type(value, "`prune` must be true or false")),
            },
            "share" => {
                let DeValue::Array(entries) = value.get_ref() else {
                    return Err(source.error(
                        value.span(),
                        "`share` must be [[share]] tables, one per group of images",
                    ));
                };
                for entry in entries.iter() {
                    file.shares.push(share(&source, entry)?);
                }
            }
            "consumers" => {
                let DeValue::Table(consumers) = value.get_ref() else {
                    return Err(source.wrong_type(value, "`consumers` must be a table"));
                };
                for (member, consumer_value) in consumers {
                    let member_id = member.get_ref().to_string();
                    if let Some(why) = id_problem(&member_id) {
                        return Err(source.error(
                            member.span(),
                            format_args!("[consumers]: member ID `{member_id}` {why}"),
                        ));
                    }
                    let consumer = consumer(&source, &member_id, consumer_value)?;
                    file.consumers.insert(member_id, consumer);
                }
            }
            other => {
                return Err(unknown_key(
                    &source,
                    key,
                    other,
                    "at the top level",
                    TOP_KEYS,
                ));
            }
        }
    }
    Ok(file)
}

/// The SHA-256 of `text` in lower-case hex.
fn sha256(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// An unknown key, with the keys that are valid there.
fn unknown_key(
    source: &Source,
    key: &Spanned<std::borrow::Cow<str>>,
    name: &str,
    place: &str,
    valid: &[&str],
) -> Error {
    source.error(
        key.span(),
        format_args!(
            "unknown key `{name}` {place} (valid keys: {})",
            valid.join(", ")
        ),
    )
}

/// "a string", "an integer": the kind of a value, for messages.
fn a(value: &DeValue) -> String {
    let kind = value.type_str();
    match kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        true => format!("an {kind}"),
        false => format!("a {kind}"),
    }
}

/// One `[[share]]` table.
fn share(source: &Source, entry: &Spanned<DeValue>) -> Result<Share, Error> {
    let DeValue::Table(table) = entry.get_ref() else {
        return Err(source.wrong_type(entry, "each `share` must be a [[share]] table"));
    };
    let mut share = Share {
        line: source.line(entry.span()),
        images: Vec::new(),
        names: Vec::new(),
        tags: Vec::new(),
        members: Vec::new(),
        member_type: MemberType::Project,
        member_type_line: None,
        newest: None,
        until: None,
    };
    let mut members = None;
    let mut selectors = 0;
    for (key, value) in table {
        match key.get_ref().as_ref() {
            "images" => {
                share.images = strings(source, "images", value, &|id| {
                    id_problem(id).map(|why| format!("image ID `{id}` {why}"))
                })?;
                selectors += share.images.len();
            }
            "names" => {
                share.names = strings(source, "names", value, &no_check)?;
                selectors += share.names.len();
            }
            "tags" => {
                share.tags = strings(source, "tags", value, &no_check)?;
                selectors += share.tags.len();
            }
            "members" => members = Some(value),
            "member_type" => {
                share.member_type = member_type(source, value)?;
                share.member_type_line = Some(source.line(key.span()));
            }
            "newest" => share.newest = Some(newest(source, value)?),
            "until" => share.until = Some(until(source, value)?),
            other => {
                return Err(unknown_key(source, key, other, "in [[share]]", SHARE_KEYS));
            }
        }
    }
    let Some(members) = members else {
        return Err(source.error(
            entry.span(),
            "[[share]] has no `members` (`members = []` shares its images with nobody)",
        ));
    };
    // Organizations are URNs (`…:ou:o-…/ou-…`), which only ever travel in a body.
    share.members = match share.member_type {
        MemberType::Organization => strings(source, "members", members, &|id| {
            (!is_plain_id(id)).then(|| format!("organization `{id}` is not one URN"))
        })?,
        _ => strings(source, "members", members, &|id| {
            id_problem(id).map(|why| format!("member ID `{id}` {why}"))
        })?,
    };
    if selectors == 0 {
        return Err(source.error(
            entry.span(),
            "[[share]] selects no image: give `images`, `names` or `tags`",
        ));
    }
    Ok(share)
}

/// Accepts any string.
fn no_check(_: &str) -> Option<String> {
    None
}

/// An array of non-empty strings under `key`, each passing `check` (which says what is
/// wrong with one that does not).
fn strings(
    source: &Source,
    key: &str,
    value: &Spanned<DeValue>,
    check: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<String>, Error> {
    let DeValue::Array(items) = value.get_ref() else {
        let expected = format!("`{key}` must be an array of strings");
        return Err(source.wrong_type(value, &expected));
    };
    let mut found = Vec::new();
    for item in items.iter() {
        let text = match item.get_ref() {
            DeValue::String(text) if !text.is_empty() => text,
            DeValue::String(_) => {
                return Err(source.error(item.span(), format_args!("`{key}`: an empty string")));
            }
            other => {
                return Err(source.error(
                    item.span(),
                    format_args!("`{key}` must hold strings, not {}", a(other)),
                ));
            }
        };
        if let Some(why) = check(text) {
            return Err(source.error(item.span(), format_args!("`{key}`: {why}")));
        }
        found.push(text.to_string());
    }
    Ok(found)
}

/// `member_type`: `project`, `domain` or `organization`.
fn member_type(source: &Source, value: &Spanned<DeValue>) -> Result<MemberType, Error> {
    match value.get_ref() {
        DeValue::String(text) if text == "project" => Ok(MemberType::Project),
        DeValue::String(text) if text == "domain" => Ok(MemberType::Domain),
        DeValue::String(text) if text == "organization" => Ok(MemberType::Organization),
        other => Err(source.error(
            value.span(),
            format_args!(
                "`member_type` must be \"project\", \"domain\" or \"organization\", not {}",
                match other {
                    DeValue::String(text) => format!("\"{}\"", crate::text::printable(text)),
                    other => a(other),
                }
            ),
        )),
    }
}

/// `newest`: a whole number of images, at least 1.
fn newest(source: &Source, value: &Spanned<DeValue>) -> Result<usize, Error> {
    let count = match value.get_ref() {
        DeValue::Integer(number) => usize::from_str_radix(number.as_str(), number.radix()).ok(),
        _ => return Err(source.wrong_type(value, "`newest` must be a whole number of images")),
    };
    count.filter(|n| *n >= 1).ok_or_else(|| {
        source.error(
            value.span(),
            "`newest` must be at least 1 (to share none, give `members = []`)",
        )
    })
}

/// `until`: a TOML date or an offset date-time (exit 3 naming the line otherwise).
fn until(source: &Source, value: &Spanned<DeValue>) -> Result<Until, Error> {
    let DeValue::Datetime(datetime) = value.get_ref() else {
        return Err(source.wrong_type(
            value,
            "`until` must be a date (2027-03-31) or a date-time with an offset",
        ));
    };
    until_of(datetime).map_err(|why| source.error(value.span(), why))
}

/// One `[consumers]` entry: a profile name, or `{ profile = "…", vault_id = "…" }`.
fn consumer(source: &Source, member: &str, value: &Spanned<DeValue>) -> Result<Consumer, Error> {
    let line = source.line(value.span());
    let text = |key: &str, value: &Spanned<DeValue>| match value.get_ref() {
        DeValue::String(text) if !text.is_empty() => Ok(text.to_string()),
        other => Err(source.error(
            value.span(),
            format_args!(
                "[consumers] `{member}`: `{key}` must be a non-empty string, not {}",
                match other {
                    DeValue::String(_) => "an empty one".to_string(),
                    other => a(other),
                }
            ),
        )),
    };
    let DeValue::Table(table) = value.get_ref() else {
        return Ok(Consumer {
            profile: text("profile", value)?,
            vault_id: None,
            line,
        });
    };
    let (mut profile, mut vault_id) = (None, None);
    for (key, value) in table {
        match key.get_ref().as_ref() {
            "profile" => profile = Some(text("profile", value)?),
            "vault_id" => vault_id = Some(text("vault_id", value)?),
            other => {
                let place = format!("in [consumers] `{member}`");
                return Err(unknown_key(source, key, other, &place, CONSUMER_KEYS));
            }
        }
    }
    let profile = profile.ok_or_else(|| {
        source.error(
            value.span(),
            format_args!("[consumers] `{member}` names no `profile`"),
        )
    })?;
    Ok(Consumer {
        profile,
        vault_id,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn error(text: &str) -> String {
        let err = parse("shares.toml", text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config, "{err}");
        err.to_string()
    }

    #[test]
    fn the_documented_example_parses() {
        let text = r#"# shares.toml
prune = false

[[share]]
images = ["7d1c0f6e-1c2b-4d7e-9a55-0f3c2b1a9e77", "9f3a21b0-5d4e-4c3b-8a2f-6e7d8c9b0a1f"]
members = ["proj-a", "proj-b"]

[[share]]
names = ["golden-*"]
tags = ["golden"]
members = ["proj-c"]
member_type = "project"

[consumers]
proj-a = "tenant-a"
proj-b = { profile = "tenant-b", vault_id = "0b5d" }
"#;
        let file = parse("shares.toml", text).unwrap();
        assert!(!file.prune);
        assert_eq!(file.shares.len(), 2);
        assert_eq!(file.shares[0].line, 4);
        assert_eq!(
            file.shares[0].images,
            [
                "7d1c0f6e-1c2b-4d7e-9a55-0f3c2b1a9e77",
                "9f3a21b0-5d4e-4c3b-8a2f-6e7d8c9b0a1f"
            ]
        );
        assert_eq!(file.shares[0].members, ["proj-a", "proj-b"]);
        assert_eq!(file.shares[1].line, 8);
        assert_eq!(file.shares[1].names, ["golden-*"]);
        assert_eq!(file.shares[1].tags, ["golden"]);
        assert_eq!(file.shares[1].member_type_line, Some(12));
        assert_eq!(
            file.consumers["proj-a"],
            Consumer {
                profile: "tenant-a".into(),
                vault_id: None,
                line: 15
            }
        );
        assert_eq!(
            file.consumers["proj-b"],
            Consumer {
                profile: "tenant-b".into(),
                vault_id: Some("0b5d".into()),
                line: 16
            }
        );
        assert_eq!(file.at(16), "shares.toml:16");
    }

    #[test]
    fn an_empty_file_asks_for_nothing() {
        let file = parse("<stdin>", "").unwrap();
        assert_eq!(file.shares, []);
        assert!(file.consumers.is_empty());
    }

    #[test]
    fn errors_name_the_file_the_line_and_the_key() {
        let cases = [
            (
                "[[share]]\nimages = [\"a\"]\nmembres = [\"p\"]\n",
                "shares.toml:3: unknown key `membres` in [[share]] (valid keys: images, names, \
                 tags, members, member_type, newest, until)",
            ),
            (
                "prun = true\n",
                "shares.toml:1: unknown key `prun` at the top level (valid keys: prune, share, \
                 consumers)",
            ),
            (
                "prune = \"yes\"\n",
                "shares.toml:1: `prune` must be true or false, not a string",
            ),
            (
                "[[share]]\nimages = \"a\"\nmembers = []\n",
                "shares.toml:2: `images` must be an array of strings, not a string",
            ),
            (
                "[[share]]\nimages = [\"a\",\n  3]\nmembers = []\n",
                "shares.toml:3: `images` must hold strings, not an integer",
            ),
            (
                "[[share]]\nimages = [\"a/b\"]\nmembers = []\n",
                "shares.toml:2: `images`: image ID `a/b` cannot contain `/`",
            ),
            (
                "[[share]]\nimages = [\"..\"]\nmembers = []\n",
                "shares.toml:2: `images`: image ID `..` cannot be `.` or `..`",
            ),
            (
                "[[share]]\nimages = [\"\"]\nmembers = []\n",
                "shares.toml:2: `images`: an empty string",
            ),
            (
                "\n[[share]]\nimages = [\"a\"]\n",
                "shares.toml:2: [[share]] has no `members` (`members = []` shares its images \
                 with nobody)",
            ),
            (
                "[[share]]\nmembers = [\"p\"]\nimages = []\n",
                "shares.toml:1: [[share]] selects no image: give `images`, `names` or `tags`",
            ),
            (
                "[[share]]\nimages = [\"a\"]\nmembers = [\"p/q\"]\n",
                "shares.toml:3: `members`: member ID `p/q` cannot contain `/`",
            ),
            (
                "[[share]]\nimages = [\"a\"]\nmembers = [\"p\"]\nmember_type = \"user\"\n",
                "shares.toml:4: `member_type` must be \"project\", \"domain\" or \
                 \"organization\", not \"user\"",
            ),
            (
                "[consumers]\np = 3\n",
                "shares.toml:2: [consumers] `p`: `profile` must be a non-empty string, not an \
                 integer",
            ),
            (
                "[consumers]\np = { profile = \"t\", vault = \"v\" }\n",
                "shares.toml:2: unknown key `vault` in [consumers] `p` (valid keys: profile, \
                 vault_id)",
            ),
            (
                "[consumers]\np = { vault_id = \"v\" }\n",
                "shares.toml:2: [consumers] `p` names no `profile`",
            ),
            (
                "consumers = 1\n",
                "shares.toml:1: `consumers` must be a table, not an integer",
            ),
            (
                "share = 1\n",
                "shares.toml:1: `share` must be [[share]] tables, one per group of images",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(error(text), expected, "{text}");
        }
    }

    #[test]
    fn toml_errors_name_the_line() {
        assert_eq!(
            error("[[share]]\nimages = [\"a\"\nmembers = []\n"),
            "shares.toml:3: not valid TOML: missing comma between array elements, expected `,`"
        );
        let err = error("prune = true\nprune = false\n");
        assert!(err.starts_with("shares.toml:2: not valid TOML: "), "{err}");
    }

    #[test]
    fn organizations_are_urns_and_may_hold_a_slash() {
        let file = parse(
            "f",
            "[[share]]\nimages = [\"a\"]\nmembers = [\"urn:ou:o-1/ou-2\"]\nmember_type = \"organization\"\n",
        )
        .unwrap();
        assert_eq!(file.shares[0].member_type, MemberType::Organization);
        assert_eq!(file.shares[0].members, ["urn:ou:o-1/ou-2"]);
        let err = error(
            "[[share]]\nimages = [\"a\"]\nmembers = [\"two words\"]\nmember_type = \"organization\"\n",
        );
        assert_eq!(
            err,
            "shares.toml:3: `members`: organization `two words` is not one URN"
        );
    }

    #[test]
    fn newest_and_until_parse_and_name_their_line_when_wrong() {
        let file = parse(
            "f",
            "[[share]]\nnames = [\"g-*\"]\nnewest = 2\nmembers = []\n\
             [[share]]\ntags = [\"t\"]\nmembers = [\"p\"]\nuntil = 2027-03-31\n\
             [[share]]\ntags = [\"t\"]\nmembers = [\"p\"]\nuntil = 2027-03-31T18:00:00+02:00\n",
        )
        .unwrap();
        assert_eq!(file.shares[0].newest, Some(2));
        assert_eq!(file.shares[0].until, None);
        let until = file.shares[1].until.as_ref().unwrap();
        assert_eq!(
            (until.shown.as_str(), until.whole_day),
            ("2027-03-31", true)
        );
        let until = file.shares[2].until.as_ref().unwrap();
        assert_eq!(until.end.to_string(), "2027-03-31T16:00:00Z");
        let share = "[[share]]\nnames = [\"g-*\"]\nmembers = []\n";
        for (line, expected) in [
            (
                "newest = 0",
                "shares.toml:4: `newest` must be at least 1 (to share none, give `members = []`)",
            ),
            (
                "newest = -1",
                "shares.toml:4: `newest` must be at least 1 (to share none, give `members = []`)",
            ),
            (
                "newest = \"2\"",
                "shares.toml:4: `newest` must be a whole number of images, not a string",
            ),
            (
                "newest = 1.5",
                "shares.toml:4: `newest` must be a whole number of images, not a float",
            ),
            (
                "until = \"2027-03-31\"",
                "shares.toml:4: `until` must be a date (2027-03-31) or a date-time with an offset, \
                 not a string",
            ),
            (
                "until = 2027-03-31T18:00:00",
                "shares.toml:4: `until` must be a date (2027-03-31) or a date-time with an offset \
                 (2027-03-31T18:00:00Z), not 2027-03-31T18:00:00",
            ),
            (
                "until = 18:00:00",
                "shares.toml:4: `until` must be a date (2027-03-31) or a date-time with an offset \
                 (2027-03-31T18:00:00Z), not 18:00:00",
            ),
        ] {
            assert_eq!(error(&format!("{share}{line}\n")), expected, "{line}");
        }
    }

    #[test]
    fn members_may_be_empty() {
        let file = parse("f", "[[share]]\nnames = [\"x*\"]\nmembers = []\n").unwrap();
        assert_eq!(file.shares[0].members, Vec::<String>::new());
    }
}
