//! Wire types: what the image service sends, kept whole. Known fields are typed loosely
//! (any JSON value, `null` kept apart from missing); every other field is kept as sent,
//! numbers as written (`arbitrary_precision`). Answers are parsed from the body as it
//! streams in, and an object with a key twice, at any depth, is refused: two parsers must
//! never disagree about what the service said.

pub(crate) mod image;
pub(crate) mod job;

use std::io::{BufReader, Read};

use serde::de::{DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Number, Value};

use crate::error::Error;

/// One image member, as the service sent it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Member {
    /// The member's ID (a project ID, or an organization unit on Huawei Cloud).
    pub(crate) member_id: String,
    /// The image's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) image_id: Option<Value>,
    /// `accepted`, `pending`, `rejected`, or whatever else the service says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<Value>,
    /// When the image was shared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) created_at: Option<Value>,
    /// When the share last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) updated_at: Option<Value>,
    /// Huawei Cloud: `project` or `organization`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) member_type: Option<Value>,
    /// Huawei Cloud: the organization's URN, for organization shares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) urn: Option<Value>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub(crate) other: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Member {
    /// Reads a member object: `member_id` must be a string; a present `null` is kept apart
    /// from a missing field; a key twice (here or in any nested object) is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Member, D::Error> {
        deserializer.deserialize_map(MemberVisitor)
    }
}

/// Builds a [`Member`] from a JSON object, field by field.
struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a member object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Member, A::Error> {
        use serde::de::Error as _;
        let mut member_id = None;
        let mut known: [Option<Value>; KNOWN_FIELDS.len()] = Default::default();
        let mut other = Map::new();
        while let Some(key) = map.next_key_seed(MemberKey)? {
            match key {
                Field::MemberId if member_id.is_some() => {
                    return Err(A::Error::duplicate_field("member_id"));
                }
                Field::MemberId => member_id = Some(map.next_value::<String>()?),
                Field::Known(index) if known[index].is_some() => {
                    return Err(A::Error::duplicate_field(KNOWN_FIELDS[index]));
                }
                Field::Known(index) => known[index] = Some(map.next_value_seed(Strict)?),
                Field::Other(key) => {
                    let value = map.next_value_seed(Strict)?;
                    if other.contains_key(&key) {
                        return Err(duplicate_key(&key));
                    }
                    other.insert(key, value);
                }
            }
        }
        let member_id = member_id.ok_or_else(|| A::Error::missing_field("member_id"))?;
        let [image_id, status, created_at, updated_at, member_type, urn] = known;
        Ok(Member {
            member_id,
            image_id,
            status,
            created_at,
            updated_at,
            member_type,
            urn,
            other,
        })
    }
}

/// The known fields of a member besides `member_id`, in [`Member`]'s order.
const KNOWN_FIELDS: [&str; 6] = [
    "image_id",
    "status",
    "created_at",
    "updated_at",
    "member_type",
    "urn",
];

/// A key of a member object.
enum Field {
    /// `member_id`.
    MemberId,
    /// One of [`KNOWN_FIELDS`], by index.
    Known(usize),
    /// Any other key.
    Other(String),
}

/// Reads a key of a member object, copying only a key that is not a known field.
struct MemberKey;

impl<'de> DeserializeSeed<'de> for MemberKey {
    type Value = Field;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for MemberKey {
    type Value = Field;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, key: &str) -> Result<Field, E> {
        Ok(match key {
            "member_id" => Field::MemberId,
            _ => match KNOWN_FIELDS.iter().position(|name| *name == key) {
                Some(index) => Field::Known(index),
                None => Field::Other(key.to_string()),
            },
        })
    }
}

impl Member {
    /// The record of `member` in `image` as far as a finished change says: its status, and
    /// nothing the service did not tell.
    pub(crate) fn known(image: &str, member: &str, status: &str) -> Member {
        Member {
            member_id: member.to_string(),
            image_id: Some(Value::from(image)),
            status: Some(Value::from(status)),
            created_at: None,
            updated_at: None,
            member_type: None,
            urn: None,
            other: Map::new(),
        }
    }

    /// The status when it is a string.
    pub(crate) fn status_text(&self) -> Option<&str> {
        self.status.as_ref().and_then(Value::as_str)
    }
}

/// The error of an object that holds `key` twice.
fn duplicate_key<E: serde::de::Error>(key: &str) -> E {
    E::custom(format_args!(
        "duplicate key `{}`",
        crate::text::printable(key)
    ))
}

/// The key under which serde_json's `arbitrary_precision` hands a number over as a
/// one-entry map holding its text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Reads any JSON value as serde_json's [`Value`] does (numbers kept as written), but
/// refuses an object that holds a key twice, at any depth. Meant for the streaming reader
/// ([`read_json`], [`read_page`]): there, an object's own keys never arrive borrowed, so a
/// number's hand-over (a borrowed [`NUMBER_TOKEN`]) is never confused with a hostile
/// object that uses the same key.
pub(crate) struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(StrictVisitor)
    }
}

/// The visitor behind [`Strict`].
struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Strict.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        use serde::de::Error as _;
        let mut object = Map::new();
        let mut first = true;
        while let Some(key) = map.next_key_seed(KeySeed { first })? {
            let key = match key {
                Key::Number => {
                    let text: String = map.next_value()?;
                    return text.parse().map(Value::Number).map_err(A::Error::custom);
                }
                Key::Name(key) => key,
            };
            first = false;
            let value = map.next_value_seed(Strict)?;
            if object.contains_key(&key) {
                return Err(duplicate_key(&key));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// An object key as [`StrictVisitor`] reads it.
enum Key {
    /// The hand-over of a number (see [`NUMBER_TOKEN`]).
    Number,
    /// A key of the object.
    Name(String),
}

/// Reads a key; the first one of a map may be a number's hand-over.
struct KeySeed {
    /// Whether this is the map's first key.
    first: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key, E> {
        Ok(match self.first && key == NUMBER_TOKEN {
            true => Key::Number,
            false => Key::Name(key.to_string()),
        })
    }

    fn visit_str<E>(self, key: &str) -> Result<Key, E> {
        Ok(Key::Name(key.to_string()))
    }

    fn visit_string<E>(self, key: String) -> Result<Key, E> {
        Ok(Key::Name(key))
    }
}

/// Why a body handed to a parser was not used.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// It is not the expected JSON.
    Json(serde_json::Error),
    /// The consumer of what was parsed stopped (e.g. stdout closed): its own error.
    Stop(Error),
}

impl From<serde_json::Error> for BodyError {
    fn from(err: serde_json::Error) -> BodyError {
        BodyError::Json(err)
    }
}

/// Buffer between a body's reader and the JSON parser, which reads a byte at a time.
const PARSE_BUFFER_BYTES: usize = 64 * 1024;

/// A JSON parser over `reader`, buffered.
fn json_reader(
    reader: &mut dyn Read,
) -> serde_json::Deserializer<serde_json::de::IoRead<BufReader<&mut dyn Read>>> {
    serde_json::Deserializer::from_reader(BufReader::with_capacity(PARSE_BUFFER_BYTES, reader))
}

/// Reads one JSON answer from `reader` as `T`, nothing but whitespace after it. Whether a
/// key may repeat is `T`'s business ([`Member`] refuses it).
pub(crate) fn read_json<T: DeserializeOwned>(reader: &mut dyn Read) -> Result<T, BodyError> {
    let mut deserializer = json_reader(reader);
    let value = T::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// Reads the JSON answer of a change from `reader`: `None` when the body is empty (a
/// `204 No Content`, or only whitespace), else the value, strictly (a key twice in any
/// object is refused).
pub(crate) fn read_optional_json(reader: &mut dyn Read) -> Result<Option<Value>, BodyError> {
    let mut buffered = BufReader::with_capacity(PARSE_BUFFER_BYTES, reader);
    loop {
        let available = std::io::BufRead::fill_buf(&mut buffered).map_err(serde_json::Error::io)?;
        if available.is_empty() {
            return Ok(None);
        }
        if available.iter().any(|b| !b.is_ascii_whitespace()) {
            break;
        }
        let all = available.len();
        std::io::BufRead::consume(&mut buffered, all);
    }
    let mut deserializer = serde_json::Deserializer::from_reader(buffered);
    let value = Strict.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(Some(value))
}

/// What a streamed page leaves behind once its members are handed on.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PageSummary {
    /// How many members the page had.
    pub(crate) count: usize,
    /// The marker of the next page, if any.
    pub(crate) next_marker: Option<String>,
}

/// Reads one list answer from `reader`, handing each member to `on_member` as soon as it
/// is parsed, so a page of any size costs the memory of one member. An error of
/// `on_member` stops the read and comes back as [`BodyError::Stop`]. A key twice in any
/// object of the answer is an error.
pub(crate) fn read_page(
    reader: &mut dyn Read,
    on_member: &mut dyn FnMut(Member) -> Result<(), Error>,
) -> Result<PageSummary, BodyError> {
    let mut stopped = None;
    let mut deserializer = json_reader(reader);
    let result = PageSeed {
        on_member,
        stopped: &mut stopped,
    }
    .deserialize(&mut deserializer)
    .and_then(|summary| deserializer.end().map(|()| summary));
    match (result, stopped) {
        (_, Some(err)) => Err(BodyError::Stop(err)),
        (Ok(summary), None) => Ok(summary),
        (Err(err), None) => Err(BodyError::Json(err)),
    }
}

/// Deserializes a list answer, streaming its `members`.
struct PageSeed<'a> {
    on_member: &'a mut dyn FnMut(Member) -> Result<(), Error>,
    stopped: &'a mut Option<Error>,
}

impl<'de> DeserializeSeed<'de> for PageSeed<'_> {
    type Value = PageSummary;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<PageSummary, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PageSeed<'_> {
    type Value = PageSummary;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object with a `members` array")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageSummary, A::Error> {
        use serde::de::Error as _;
        let mut count = None;
        let mut page_info = None;
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "members" if count.is_some() => return Err(A::Error::duplicate_field("members")),
                "members" => {
                    count = Some(map.next_value_seed(MembersSeed {
                        on_member: &mut *self.on_member,
                        stopped: &mut *self.stopped,
                    })?);
                }
                "page_info" if page_info.is_some() => {
                    return Err(A::Error::duplicate_field("page_info"));
                }
                "page_info" => page_info = Some(map.next_value_seed(Strict)?),
                _ => {
                    map.next_value_seed(Strict)?;
                    if !seen.insert(key.clone()) {
                        return Err(duplicate_key(&key));
                    }
                }
            }
        }
        let count = count.ok_or_else(|| A::Error::missing_field("members"))?;
        Ok(PageSummary {
            count,
            next_marker: next_marker(page_info.as_ref()),
        })
    }
}

/// Deserializes the `members` array one member at a time.
struct MembersSeed<'a> {
    on_member: &'a mut dyn FnMut(Member) -> Result<(), Error>,
    stopped: &'a mut Option<Error>,
}

impl<'de> DeserializeSeed<'de> for MembersSeed<'_> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for MembersSeed<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of members")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut count = 0;
        while let Some(member) = seq.next_element::<Member>()? {
            count += 1;
            if let Err(err) = (self.on_member)(member) {
                *self.stopped = Some(err);
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(count)
    }
}

/// The marker of the next page: a non-empty `page_info.next_marker` (a number is taken as
/// its text); `None` when the page is the last one.
fn next_marker(page_info: Option<&Value>) -> Option<String> {
    let marker = page_info?.get("next_marker")?;
    let text = match marker {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The text of a JSON value for a table cell: strings as they are, anything else as JSON.
pub(crate) fn cell_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// What an error answer says, whatever its format.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct ServiceError {
    /// The service's error code (`IMG.0027`, `APIGW.0301`, ...), when it adds something.
    pub(crate) code: Option<String>,
    /// The service's message, markup removed.
    pub(crate) message: Option<String>,
    /// A request id found in the body.
    pub(crate) request_id: Option<String>,
}

impl ServiceError {
    /// Reads an error body: Glance `{"code","title","message"}`, IMS `{"error":{..}}`,
    /// API gateway `{"error_code","error_msg"}`, nested `{"itemNotFound":{..}}`, or plain
    /// text / HTML reduced to its text. `status_line` (`404 Not Found`) is dropped from the
    /// text, since the caller shows it already.
    pub(crate) fn parse(status_line: &str, body: &[u8]) -> ServiceError {
        let text = String::from_utf8_lossy(body);
        if let Ok(Value::Object(object)) = serde_json::from_str::<Value>(&text) {
            return ServiceError::from_json(status_line, &object);
        }
        ServiceError {
            message: clean_text(status_line, &text),
            ..ServiceError::default()
        }
    }

    fn from_json(status_line: &str, object: &Map<String, Value>) -> ServiceError {
        let text_of = |value: Option<&Value>| match value {
            None | Some(Value::Null) => None,
            Some(value) => Some(cell_text(value)),
        };
        let request_id = text_of(object.get("request_id"));
        if object.contains_key("error_code") || object.contains_key("error_msg") {
            return ServiceError {
                code: text_of(object.get("error_code")),
                message: text_of(object.get("error_msg")).and_then(|m| clean_text(status_line, &m)),
                request_id,
            };
        }
        // {"error": {...}} or a single wrapper key such as {"itemNotFound": {...}}
        let inner = match object.get("error") {
            Some(Value::Object(inner)) => Some(inner),
            Some(Value::String(message)) => {
                return ServiceError {
                    message: clean_text(status_line, message),
                    request_id,
                    ..ServiceError::default()
                };
            }
            _ if object.len() == 1 => object.values().next().and_then(Value::as_object),
            _ => None,
        };
        let fields = inner.unwrap_or(object);
        let code = text_of(fields.get("code")).filter(|code| !is_status(status_line, code));
        let message = text_of(fields.get("message"))
            .or_else(|| text_of(fields.get("title")))
            .and_then(|m| clean_text(status_line, &m));
        ServiceError {
            code,
            message,
            request_id: request_id.or_else(|| text_of(fields.get("request_id"))),
        }
    }
}

/// True when `code` only repeats the status (`404`, `404 Not Found`).
fn is_status(status_line: &str, code: &str) -> bool {
    let code = code.trim();
    code == status_line || Some(code) == status_line.split(' ').next()
}

/// Longest message kept from an error body.
const MAX_MESSAGE_CHARS: usize = 500;

/// Reduces HTML or text to one line: drops `<head>`, tags and entities, blank lines and
/// lines that only repeat the status line. `None` when nothing is left.
pub(crate) fn clean_text(status_line: &str, text: &str) -> Option<String> {
    let without_head = remove_head(text);
    let stripped = strip_tags(&without_head);
    let decoded = decode_entities(&stripped);
    let lines: Vec<&str> = decoded
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.eq_ignore_ascii_case(status_line))
        .collect();
    let joined = lines.join(" ");
    let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        return None;
    }
    Some(match joined.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &joined[..cut]),
        None => joined,
    })
}

fn remove_head(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    match (lower.find("<head"), lower.find("</head>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &text[..start], &text[end + "</head>".len()..])
        }
        _ => text.to_string(),
    }
}

/// Replaces every `<...>` tag with a line break (so `<br />` separates text).
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Arbitrary JSON values for property tests, nested a few levels: strings that need
/// escaping, and object keys that are often the fields Glance and IMS answers carry.
#[cfg(test)]
pub(crate) fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
    use proptest::prelude::*;
    let text = "(\\PC|[\"\\\\{}\\[\\],:\\n\\x00])*";
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(Value::from),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        let key = prop_oneof![
            text,
            Just("member_id".to_string()),
            Just("members".to_string()),
            Just("page_info".to_string()),
            Just("next_marker".to_string()),
            Just("error".to_string()),
            Just("message".to_string()),
            Just("code".to_string()),
            Just("error_code".to_string()),
            Just("error_msg".to_string()),
            Just("status".to_string())
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            proptest::collection::btree_map(key, inner, 0..8)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`read_page`] over bytes.
    fn read(
        bytes: &[u8],
        on_member: &mut dyn FnMut(Member) -> Result<(), Error>,
    ) -> Result<PageSummary, BodyError> {
        read_page(&mut &bytes[..], on_member)
    }

    const SEED_SHOW: &str = r#"{
        "status": "accepted",
        "created_at": "2016-09-01T02:05:14Z",
        "updated_at": "2016-09-01T02:37:11Z",
        "image_id": "d164b5df-1bc3-4c3f-893e-3e471fd16e64",
        "member_id": "edc89b490d7d4392898e19b2deb34797",
        "schema": "/v2/schemas/member"
    }"#;

    #[test]
    fn member_round_trips_every_field() {
        let member: Member = serde_json::from_str(SEED_SHOW).unwrap();
        assert_eq!(member.member_id, "edc89b490d7d4392898e19b2deb34797");
        assert_eq!(member.status_text(), Some("accepted"));
        let back = serde_json::to_value(&member).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(SEED_SHOW).unwrap());
    }

    #[test]
    fn null_unknown_status_and_extra_fields_are_kept() {
        let text = r#"{"member_id":"m","status":"frozen","created_at":null,"extra":{"a":[1]}}"#;
        let member: Member = serde_json::from_str(text).unwrap();
        assert_eq!(member.created_at, Some(Value::Null));
        assert_eq!(member.updated_at, None);
        assert_eq!(member.status_text(), Some("frozen"));
        let back = serde_json::to_value(&member).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(text).unwrap());
        let names: Vec<&String> = back.as_object().unwrap().keys().collect();
        assert_eq!(names, ["member_id", "status", "created_at", "extra"]);
    }

    #[test]
    fn member_without_id_is_rejected() {
        assert!(serde_json::from_str::<Member>(r#"{"status":"accepted"}"#).is_err());
        assert!(serde_json::from_str::<Member>(r#"{"member_id":7}"#).is_err());
        assert!(read(br#"{"members":{}}"#, &mut |_| Ok(())).is_err());
    }

    proptest::proptest! {
        #[test]
        fn parsers_never_panic_on_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = serde_json::from_slice::<Member>(&bytes);
            let _ = read(&bytes, &mut |_| Ok(()));
            let parsed = ServiceError::parse("500 Internal Server Error", &bytes);
            if let Some(message) = parsed.message {
                proptest::prop_assert!(!message.is_empty());
                proptest::prop_assert!(message.chars().count() <= MAX_MESSAGE_CHARS + 1);
            }
        }

        #[test]
        fn parsers_never_panic_on_json(value in any_json()) {
            let text = value.to_string();
            if let Ok(member) = serde_json::from_str::<Member>(&text) {
                // Whatever was accepted round-trips.
                let back = serde_json::to_value(&member).unwrap();
                proptest::prop_assert_eq!(&back, &value);
            }
            if let Ok(PageSummary { next_marker: Some(marker), .. }) =
                read(text.as_bytes(), &mut |_| Ok(()))
            {
                proptest::prop_assert!(!marker.is_empty());
            }
            let _ = ServiceError::parse("404 Not Found", text.as_bytes());
        }

        #[test]
        fn numbers_keep_every_digit(
            int in "-?(0|[1-9][0-9]{0,40})",
            frac in "(\\.[0-9]{1,30})?",
            exp in "([eE][+-]?[0-9]{1,4})?",
        ) {
            let text = format!("{int}{frac}{exp}");
            let page = format!(r#"{{"members":[{{"member_id":"m","n":{text}}}]}}"#);
            let mut seen = None;
            read(page.as_bytes(), &mut |m| {
                seen = Some(serde_json::to_string(&m.other["n"]).unwrap());
                Ok(())
            })
            .unwrap();
            // serde_json writes an exponent as `e+N` or `e-N`; every digit stays.
            let exp = match exp.get(1..) {
                Some(rest) if rest.starts_with(['+', '-']) => format!("e{rest}"),
                Some(rest) if !rest.is_empty() => format!("e+{rest}"),
                _ => String::new(),
            };
            proptest::prop_assert_eq!(seen, Some(format!("{int}{frac}{exp}")));
        }

        #[test]
        fn members_wrapped_in_pages_parse(members in proptest::collection::vec(("\\PC*", any_json()), 0..6)) {
            let members: Vec<Value> = members
                .into_iter()
                .map(|(id, extra)| serde_json::json!({"member_id": id, "x": extra}))
                .collect();
            let page = serde_json::json!({"members": members, "page_info": {"next_marker": "n"}});
            let mut seen = Vec::new();
            let summary = read(page.to_string().as_bytes(), &mut |m| {
                seen.push(serde_json::to_value(m).unwrap());
                Ok(())
            })
            .unwrap();
            proptest::prop_assert_eq!(summary.count, members.len());
            proptest::prop_assert_eq!(summary.next_marker, Some("n".to_string()));
            proptest::prop_assert_eq!(seen, members);
        }
    }

    fn stream(text: &str) -> (Result<PageSummary, String>, Vec<String>) {
        let mut seen = Vec::new();
        let result = read(text.as_bytes(), &mut |m| {
            seen.push(m.member_id);
            Ok(())
        })
        .map_err(|err| match err {
            BodyError::Json(err) => err.to_string(),
            BodyError::Stop(err) => format!("stop: {err}"),
        });
        (result, seen)
    }

    #[test]
    fn streamed_pages_hand_over_every_member() {
        let (result, seen) = stream(
            r#"{"schema":"s","members":[{"member_id":"a"},{"member_id":"b","x":[1]}],"page_info":{"next_marker":"b"}}"#,
        );
        assert_eq!(
            result,
            Ok(PageSummary {
                count: 2,
                next_marker: Some("b".into())
            })
        );
        assert_eq!(seen, ["a", "b"]);
        let (result, _) = stream(r#"{"page_info":{"next_marker":"z"},"members":[]}"#);
        assert_eq!(
            result,
            Ok(PageSummary {
                count: 0,
                next_marker: Some("z".into())
            })
        );
    }

    #[test]
    fn streamed_pages_reject_what_the_whole_parse_rejects() {
        for bad in [
            r#"{"schema":"s"}"#,
            "[]",
            r#"{"members":{}}"#,
            r#"{"members":[{"status":"x"}]}"#,
            r#"{"members":[]} trailing"#,
            "",
        ] {
            let (result, _) = stream(bad);
            assert!(result.is_err(), "{bad}");
        }
    }

    #[test]
    fn a_stopping_consumer_stops_the_read_with_its_own_error() {
        let mut seen = 0;
        let result = read(
            br#"{"members":[{"member_id":"a"},{"member_id":"b"}]}"#,
            &mut |_| {
                seen += 1;
                Err(Error::new(crate::error::ErrorKind::OutputClosed, "closed"))
            },
        );
        assert!(
            matches!(result, Err(BodyError::Stop(ref err)) if err.kind() == crate::error::ErrorKind::OutputClosed)
        );
        assert_eq!(seen, 1);
    }

    #[test]
    fn a_key_twice_is_refused_at_any_depth() {
        for bad in [
            r#"{"members":[],"members":[]}"#,
            r#"{"members":[{"member_id":"a","member_id":"b"}]}"#,
            r#"{"members":[{"member_id":"a","urn":null,"urn":null}]}"#,
            r#"{"members":[{"member_id":"a","x":1,"x":1}]}"#,
            r#"{"members":[{"member_id":"a","x":[{"k":{"d":1,"d":2}}]}]}"#,
            r#"{"members":[],"page_info":null,"page_info":{}}"#,
            r#"{"members":[],"page_info":{"next_marker":"a","next_marker":"b"}}"#,
            r#"{"members":[],"links":[{"a":1,"a":1}]}"#,
            r#"{"members":[],"s":1,"s":1}"#,
        ] {
            let error = stream(bad).0.unwrap_err();
            assert!(error.starts_with("duplicate "), "{bad}: {error}");
        }
        let member = |text: &str| read_json::<Member>(&mut text.as_bytes());
        assert!(member(r#"{"member_id":"a","status":null,"status":null}"#).is_err());
        assert!(member(r#"{"member_id":"a","x":{"y":{"z":1,"z":1}}}"#).is_err());
        // The same key in different objects is no duplicate.
        assert!(
            member(r#"{"member_id":"a","x":{"k":1},"y":{"k":1},"z":[{"k":1},{"k":1}]}"#).is_ok()
        );
    }

    #[test]
    fn numbers_keep_their_digits_and_no_object_is_taken_for_one() {
        let text = r#"{"member_id":"m","big":123456789012345678901234567890,"neg":-0,"f":0.1000000000000000000001,"o":{"$serde_json::private::Number":"1"},"p":[{"$serde_json::private::Number":"2","k":3}]}"#;
        let member: Member = read_json(&mut text.as_bytes()).unwrap();
        assert_eq!(serde_json::to_string(&member).unwrap(), text);
    }

    #[test]
    fn next_marker_is_read_liberally() {
        let page = |text: &str| stream(text).0.unwrap().next_marker;
        assert_eq!(page(r#"{"members":[]}"#), None);
        assert_eq!(page(r#"{"members":[],"page_info":null}"#), None);
        assert_eq!(page(r#"{"members":[],"page_info":{}}"#), None);
        assert_eq!(
            page(r#"{"members":[],"page_info":{"next_marker":""}}"#),
            None
        );
        assert_eq!(
            page(r#"{"members":[],"page_info":{"next_marker":null}}"#),
            None
        );
        assert_eq!(page(r#"{"members":[],"page_info":"odd"}"#), None);
        assert_eq!(
            page(r#"{"members":[],"page_info":{"next_marker":"m-1","current_count":1}}"#),
            Some("m-1".into())
        );
        assert_eq!(
            page(r#"{"members":[],"page_info":{"next_marker":42}}"#),
            Some("42".into())
        );
    }

    #[test]
    fn cell_text_shows_values_as_sent() {
        assert_eq!(cell_text(&Value::String("a b".into())), "a b");
        assert_eq!(cell_text(&Value::Null), "null");
        assert_eq!(cell_text(&serde_json::json!({"k": 1})), r#"{"k":1}"#);
    }

    fn parse(status: &str, body: &str) -> ServiceError {
        ServiceError::parse(status, body.as_bytes())
    }

    #[test]
    fn glance_json_error_with_br_and_string_code() {
        let body = r#"{"message": "Image 00000000-0000-4000-8000-000000000000 not found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}"#;
        assert_eq!(
            parse("404 Not Found", body),
            ServiceError {
                code: None,
                message: Some("Image 00000000-0000-4000-8000-000000000000 not found.".into()),
                request_id: None,
            }
        );
    }

    #[test]
    fn glance_html_error() {
        let body = "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  Image 10c6 not found.<br /><br />\n\n\n\n </body>\n</html>";
        assert_eq!(
            parse("404 Not Found", body).message.as_deref(),
            Some("Image 10c6 not found.")
        );
    }

    #[test]
    fn glance_text_error() {
        let body = "404 Not Found\n\nImage 0000 not found.\n\n   ";
        assert_eq!(
            parse("404 Not Found", body).message.as_deref(),
            Some("Image 0000 not found.")
        );
    }

    #[test]
    fn ims_and_gateway_errors() {
        let ims = r#"{"error":{"code":"IMG.0027","message":"The image does not exist."}}"#;
        assert_eq!(
            parse("404 Not Found", ims),
            ServiceError {
                code: Some("IMG.0027".into()),
                message: Some("The image does not exist.".into()),
                request_id: None,
            }
        );
        let gw = r#"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"abc123"}"#;
        assert_eq!(
            parse("401 Unauthorized", gw),
            ServiceError {
                code: Some("APIGW.0301".into()),
                message: Some(
                    "Incorrect IAM authentication information: verify aksk signature fail".into()
                ),
                request_id: Some("abc123".into()),
            }
        );
    }

    #[test]
    fn keystone_and_nova_style_errors() {
        let ks = r#"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#;
        let parsed = parse("401 Unauthorized", ks);
        assert_eq!(parsed.code, None);
        assert_eq!(
            parsed.message.as_deref(),
            Some("The request you have made requires authentication.")
        );
        let nova = r#"{"itemNotFound":{"message":"Nope","code":404}}"#;
        assert_eq!(
            parse("404 Not Found", nova).message.as_deref(),
            Some("Nope")
        );
        assert_eq!(
            parse("400 Bad Request", r#"{"error":"plain"}"#)
                .message
                .as_deref(),
            Some("plain")
        );
    }

    #[test]
    fn odd_bodies_do_not_break_parsing() {
        assert_eq!(
            parse("500 Internal Server Error", ""),
            ServiceError::default()
        );
        assert_eq!(
            parse("500 Internal Server Error", "[1,2]")
                .message
                .as_deref(),
            Some("[1,2]")
        );
        assert_eq!(
            parse("503 Service Unavailable", "{}"),
            ServiceError::default()
        );
        let bytes = ServiceError::parse("500 Internal Server Error", &[0xff, 0xfe, b'x']);
        assert!(bytes.message.unwrap().ends_with('x'));
        let long = "x".repeat(5000);
        assert_eq!(parse("500 E", &long).message.unwrap().chars().count(), 501);
        assert_eq!(
            parse("500 E", "a &amp; b &lt;c&gt;").message.as_deref(),
            Some("a & b <c>")
        );
        assert_eq!(
            parse("500 E", "<p>unclosed <b").message.as_deref(),
            Some("unclosed")
        );
    }
}
