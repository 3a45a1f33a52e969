//! Rendering records in every output format: `table`, `json`, `ndjson`, `ids`, `csv` and
//! `markdown`, to a writer the caller gives (stdout through [`to_stdout`]). Nothing here
//! knows about HTTP or config files.
//!
//! Each kind of record declares its columns once, as a slice of [`Column`]s: the header,
//! the JSON key, how the cell is taken from the record, and whether the column is
//! optional (shown only when some row has it). Each format is one renderer over any such
//! declaration ([`render::Render`]: `json.rs`, `ndjson.rs`, `ids.rs`, and `table.rs` for
//! the table, csv and markdown, all drawn from the cells kept to the end, csv by `csv.rs`,
//! markdown by `markdown.rs`), and
//! [`printer::renderer`] is the only place that picks one by the format. Records are
//! written in groups (an image's members): a group's records are held until it is
//! complete, compactly, only what the format prints (the IDs, compact JSON lines, or the
//! table's cells), never the parsed records or the body.
//!
//! A new kind of record gets a file here, as `images.rs` is for images: a type, an
//! `impl Record` (empty: its JSON is then the object of its cells, keyed by the columns'
//! keys, and `ids` prints its first cell), and its columns; a command hands its records to
//! a [`Printer`] (the test in `printer.rs` declares and prints such a kind):
//!
//! ```ignore
//! struct Action { action: &'static str, image_id: String }
//!
//! impl Record for Action {}
//!
//! const ACTION_COLUMNS: &[Column<Action>] = &[
//!     Column::new("Action", "action", |a, _| Some(Cow::Owned(Value::from(a.action)))),
//!     Column::new("Image ID", "image_id", |a, _| Some(Cow::Owned(Value::from(a.image_id.as_str())))),
//! ];
//!
//! let mut printer = Printer::new(out, format, ACTION_COLUMNS);
//! printer.record(&action)?;
//! printer.finish(true)?;
//! ```
//!
//! A new format is a variant of `OutputFormat`, one file here implementing `Render`,
//! and its arm in [`printer::renderer`].

mod csv;
mod ids;
mod images;
mod json;
mod markdown;
mod ndjson;
mod plan;
mod printer;
mod render;
mod rows;
mod safe;
mod stdout;
mod table;

use std::borrow::Cow;
use std::io::{self, Write};

use serde_json::{Map, Value};

pub(crate) use images::{ImageColumns, ImageStream, member_status};
pub(crate) use plan::write_plan;
pub(crate) use stdout::{process_stdout, to_stdout, write_error};

use crate::cli::OutputFormat;
use crate::error::Error;
use crate::model::Member;
use ids::plain_id;
use printer::{Group, Printer};
use render::{Column, Record, field};
use safe::write_compact;

/// A member of an image: the image asked for fills the Image ID column when the
/// service's record has no `image_id`.
#[derive(Debug)]
struct ImageMember {
    /// The image asked for.
    image_id: String,
    /// The member as the service sent it.
    member: Member,
}

/// A member as the service sent it, every field; `ids` prints its member ID.
impl Record for ImageMember {
    fn write_json(&self, _: &[Column<Self>], out: &mut dyn Write) -> io::Result<()> {
        write_compact(out, &self.member)
    }

    fn id(&self, _: &[Column<Self>]) -> Result<String, Error> {
        plain_id("member ID", &self.member.member_id)
    }
}

/// The cell of an optional member field.
fn known(value: &Option<Value>) -> Option<Cow<'_, Value>> {
    value.as_ref().map(Cow::Borrowed)
}

/// The columns of a member (`member list`, and `member show -o csv`): Member Type and URN
/// (Huawei's v1 API) only when some member has them.
const MEMBER_COLUMNS: &[Column<ImageMember>] = &[
    Column::new("Image ID", "image_id", |m, _| {
        Some(m.member.image_id.as_ref().map_or_else(
            || Cow::Owned(Value::from(m.image_id.as_str())),
            Cow::Borrowed,
        ))
    }),
    Column::new("Member ID", "member_id", |m, _| {
        Some(Cow::Owned(Value::from(m.member.member_id.as_str())))
    }),
    Column::new("Status", "status", |m, _| known(&m.member.status)),
    Column::new("Created At", "created_at", |m, _| {
        known(&m.member.created_at)
    }),
    Column::new("Updated At", "updated_at", |m, _| {
        known(&m.member.updated_at)
    }),
    Column::<ImageMember>::new("Member Type", "member_type", |m, _| {
        known(&m.member.member_type)
    })
    .optional(),
    Column::<ImageMember>::new("URN", "urn", |m, _| known(&m.member.urn)).optional(),
];

/// One member, rendered: a Field | Value table of every field, the JSON object, its ID,
/// one csv row with the columns of `member list`, or one `ndjson` line. An ID that
/// cannot be printed as one line is an error (exit 8) and nothing is rendered.
pub(crate) fn member(
    format: OutputFormat,
    image_id: &str,
    member: &Member,
) -> Result<Vec<u8>, Error> {
    let record = ImageMember {
        image_id: image_id.to_string(),
        member: member.clone(),
    };
    let mut out = Vec::new();
    Printer::new(&mut out, format, MEMBER_COLUMNS).show(&record)?;
    Ok(out)
}

/// The members of one image, held until all its pages are read: only what the output
/// format prints, compactly.
#[derive(Debug)]
pub(crate) struct ImageMembers {
    /// The image asked for.
    image_id: String,
    /// What is kept of its members so far.
    group: Group<ImageMember>,
}

impl ImageMembers {
    /// Nothing yet of `image_id`, to be shown as `format`.
    pub(crate) fn new(format: OutputFormat, image_id: &str) -> ImageMembers {
        ImageMembers {
            image_id: image_id.to_string(),
            group: Group::new(format, MEMBER_COLUMNS),
        }
    }

    /// Keeps what the format shows of `member`.
    pub(crate) fn push(&mut self, member: Member) -> Result<(), Error> {
        // The image ID is lent to the record and taken back: no copy per member.
        let record = ImageMember {
            image_id: std::mem::take(&mut self.image_id),
            member,
        };
        let held = self.group.push(&record);
        self.image_id = record.image_id;
        held
    }
}

/// Members of one or more images written image by image, in the order given: `ids`,
/// `json` and `ndjson` go out as each image is handed over (`ndjson` flushed), a table
/// or csv is drawn at the end.
pub(crate) struct MemberStream<'w> {
    /// The printer of the members.
    printer: Printer<'w, 'static, ImageMember>,
}

impl<'w> MemberStream<'w> {
    /// A stream of members to `out` in `format`.
    pub(crate) fn new(out: &'w mut dyn Write, format: OutputFormat) -> MemberStream<'w> {
        MemberStream {
            printer: Printer::new(out, format, MEMBER_COLUMNS),
        }
    }

    /// Writes (or, for a table, keeps) the members of a fully read image. Returns an error
    /// for each member that could not be printed (an ID `ids` cannot print as it is).
    pub(crate) fn image(&mut self, image: ImageMembers) -> io::Result<Vec<Error>> {
        self.printer.group(image.group)
    }

    /// Ends the output: closes the JSON array or draws the table. With nothing written,
    /// `show_empty` decides between an empty result (`[]`, a bare table) and no output.
    pub(crate) fn finish(self, show_empty: bool) -> io::Result<()> {
        self.printer.finish(show_empty)
    }
}

/// Writes plain records (the `profile` and `auth` commands) to `out`: `columns` are
/// (header, JSON key) pairs, each row the cells in that order; `ids` prints the first.
pub(crate) fn print_records<R, V>(
    out: &mut dyn Write,
    format: OutputFormat,
    columns: &[(&'static str, &'static str)],
    rows: impl IntoIterator<Item = R>,
) -> Result<(), Error>
where
    R: IntoIterator<Item = V>,
    V: Into<Value>,
{
    let columns = plain_columns(columns);
    let mut printer = Printer::new(out, format, &columns);
    for row in rows {
        printer.record(&plain_record(&columns, row))?;
    }
    printer.finish(true).map_err(write_error)
}

/// The columns of plain records: each cell is the record's field of the column's key.
fn plain_columns(columns: &[(&'static str, &'static str)]) -> Vec<Column<Map<String, Value>>> {
    columns
        .iter()
        .map(|(header, key)| Column::new(header, key, field))
        .collect()
}

/// A plain record: the cells of `row` keyed by the columns' keys.
fn plain_record<V: Into<Value>>(
    columns: &[Column<Map<String, Value>>],
    row: impl IntoIterator<Item = V>,
) -> Map<String, Value> {
    columns
        .iter()
        .map(|column| column.key.to_string())
        .zip(row.into_iter().map(Into::into))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::model::any_json;
    use crate::text::printable;
    use rows::Rows;
    use safe::write_pretty;
    use table::write_table;

    fn member(text: &str) -> Member {
        serde_json::from_str(text).unwrap()
    }

    fn render(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    /// One member as `member show` renders it.
    fn show(format: OutputFormat, m: &Member) -> String {
        String::from_utf8(super::member(format, "img", m).unwrap()).unwrap()
    }

    /// The `member list` output of images, each with its members.
    fn list(format: OutputFormat, images: &[(&str, Vec<Member>)]) -> (String, Vec<String>) {
        let mut errors = Vec::new();
        let text = render(|out| {
            let mut stream = MemberStream::new(out, format);
            for (image_id, members) in images {
                let mut image = ImageMembers::new(format, image_id);
                for m in members {
                    image.push(m.clone()).unwrap();
                }
                errors.extend(stream.image(image)?.iter().map(ToString::to_string));
            }
            stream.finish(true)
        });
        (text, errors)
    }

    #[test]
    fn show_table_lists_known_fields_first() {
        let m = member(
            r#"{"zeta":1,"status":"accepted","member_id":"m1","schema":"/v2/schemas/member"}"#,
        );
        let text = show(OutputFormat::Table, &m);
        assert_eq!(
            text,
            "┌───────────┬────────────────────┐\n\
             │ Field     ┆ Value              │\n\
             ╞═══════════╪════════════════════╡\n\
             │ member_id ┆ m1                 │\n\
             │ status    ┆ accepted           │\n\
             │ zeta      ┆ 1                  │\n\
             │ schema    ┆ /v2/schemas/member │\n\
             └───────────┴────────────────────┘\n"
        );
    }

    #[test]
    fn list_adds_member_type_and_urn_only_when_present() {
        let (text, _) = list(
            OutputFormat::Table,
            &[(
                "img",
                vec![member(r#"{"member_id":"m1","status":"pending"}"#)],
            )],
        );
        assert!(
            text.contains("│ Image ID ┆ Member ID ┆ Status  ┆ Created At ┆ Updated At │"),
            "{text}"
        );
        assert!(
            text.contains("│ img      ┆ m1        ┆ pending ┆            ┆            │"),
            "{text}"
        );
        let (text, _) = list(
            OutputFormat::Table,
            &[(
                "img",
                vec![member(
                    r#"{"member_id":"m1","member_type":"organization","urn":"u"}"#,
                )],
            )],
        );
        assert_eq!(
            text,
            "┌──────────┬───────────┬────────┬────────────┬────────────┬──────────────┬─────┐\n\
             │ Image ID ┆ Member ID ┆ Status ┆ Created At ┆ Updated At ┆ Member Type  ┆ URN │\n\
             ╞══════════╪═══════════╪════════╪════════════╪════════════╪══════════════╪═════╡\n\
             │ img      ┆ m1        ┆        ┆            ┆            ┆ organization ┆ u   │\n\
             └──────────┴───────────┴────────┴────────────┴────────────┴──────────────┴─────┘\n"
        );
    }

    #[test]
    fn empty_list_is_an_empty_array_in_json_or_nothing() {
        let finish =
            |format, show_empty| render(|out| MemberStream::new(out, format).finish(show_empty));
        assert_eq!(finish(OutputFormat::Json, true), "[]\n");
        assert_eq!(finish(OutputFormat::Json, false), "");
        assert_eq!(finish(OutputFormat::Ids, true), "");
        assert_eq!(finish(OutputFormat::Table, false), "");
        assert!(finish(OutputFormat::Table, true).contains("│ Image ID ┆ Member ID ┆"));
    }

    #[test]
    fn streamed_json_equals_the_pretty_printed_array() {
        let pages = vec![
            vec![member(
                r#"{"member_id":"a","status":"accepted","x":{"n":[1,{"k":"v\nw"}]}}"#,
            )],
            vec![],
            vec![
                member(r#"{"member_id":"b","created_at":null}"#),
                member(r#"{"member_id":"c"}"#),
            ],
        ];
        let images: Vec<(&str, Vec<Member>)> =
            pages.iter().map(|page| ("img", page.clone())).collect();
        let (streamed, _) = list(OutputFormat::Json, &images);
        let all: Vec<Member> = pages.into_iter().flatten().collect();
        let mut expected = serde_json::to_string_pretty(&all).unwrap();
        expected.push('\n');
        assert_eq!(streamed, expected);
    }

    #[test]
    fn tables_escape_control_characters() {
        let m = member("{\"member_id\":\"m\",\"status\":\"\\u001b[2Jgone\"}");
        let text = show(OutputFormat::Table, &m);
        assert!(text.contains("│ status    ┆ \\u{1b}[2Jgone │"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn tables_escape_line_breaks_and_bidi_controls() {
        let m = member(
            "{\"member_id\":\"good\\nfake-1\",\"status\":\"rtl\u{202e}txt\",\"x\":\"a\u{2028}b\\r\"}",
        );
        let text = show(OutputFormat::Table, &m);
        assert_eq!(
            text,
            "┌───────────┬────────────────┐\n\
             │ Field     ┆ Value          │\n\
             ╞═══════════╪════════════════╡\n\
             │ member_id ┆ good\\nfake-1   │\n\
             │ status    ┆ rtl\\u{202e}txt │\n\
             │ x         ┆ a\\u{2028}b\\r   │\n\
             └───────────┴────────────────┘\n"
        );
        let (text, _) = list(OutputFormat::Table, &[("img", vec![m])]);
        assert_eq!(text.lines().count(), 5, "{text}");
        assert!(
            text.contains("│ img      ┆ good\\nfake-1 ┆ rtl\\u{202e}txt ┆"),
            "{text}"
        );
    }

    #[test]
    fn ids_that_cannot_be_printed_are_errors_and_the_rest_print() {
        let ids = [
            "good",
            "good\nfake-1\nfake-2",
            "\u{1b}[2Jx",
            "cr\rover",
            "nul\0byte",
            "",
            "rtl\u{202e}",
            "sep\u{2028}",
            "also-good",
        ];
        let members: Vec<Member> = ids
            .iter()
            .map(|id| member(&serde_json::json!({ "member_id": id }).to_string()))
            .collect();
        let (text, errors) = list(OutputFormat::Ids, &[("img", members.clone())]);
        assert_eq!(text, "good\nalso-good\n");
        let shown = |id: &str| {
            format!(
                "the service sent member ID `{id}`, which holds a control character, line \
                 separator or bidi control; not printed"
            )
        };
        assert_eq!(
            errors,
            [
                shown("good\\nfake-1\\nfake-2"),
                shown("\\u{1b}[2Jx"),
                shown("cr\\rover"),
                shown("nul\\u{0}byte"),
                "the service sent an empty member ID; not printed".to_string(),
                shown("rtl\\u{202e}"),
                shown("sep\\u{2028}"),
            ]
        );
        assert_eq!(show(OutputFormat::Ids, &members[0]), "good\n");
        let err = super::member(OutputFormat::Ids, "img", &members[1]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::BadAnswer);
    }

    /// Every digit as sent, never through a float; serde_json's `arbitrary_precision`
    /// writes an exponent as `e+N`/`e-N` whatever case and sign it came with.
    #[test]
    fn numbers_are_written_as_the_service_wrote_them() {
        let text = r#"{"member_id":"m","big":123456789012345678901234567890,"neg":-0,"exp":1E2,"huge":1e400,"frac":0.10000000000000000001,"n":[1.0,-1.5e-7]}"#;
        let m: Member = crate::model::read_json(&mut text.as_bytes()).unwrap();
        let (json, _) = list(OutputFormat::Json, &[("img", vec![m.clone()])]);
        assert_eq!(
            json,
            "[\n  {\n    \"member_id\": \"m\",\n    \"big\": 123456789012345678901234567890,\n    \"neg\": -0,\n    \"exp\": 1e+2,\n    \"huge\": 1e+400,\n    \"frac\": 0.10000000000000000001,\n    \"n\": [\n      1.0,\n      -1.5e-7\n    ]\n  }\n]\n"
        );
        let shown = show(OutputFormat::Json, &m);
        assert!(
            shown.contains("\"big\": 123456789012345678901234567890,\n"),
            "{shown}"
        );
        let table = show(OutputFormat::Table, &m);
        assert!(table.contains("│ huge      ┆ 1e+400 "), "{table}");
    }

    /// Plain records in `format`, as `profile list` prints them.
    fn plain(format: OutputFormat) -> String {
        let rows = [
            vec![Value::from("a"), Value::Bool(true)],
            vec![Value::from("b\u{1b}"), Value::Null],
        ];
        let columns = [("Name", "name"), ("Default", "default")];
        let mut out = Vec::new();
        print_records(&mut out, format, &columns, rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_records_in_every_format() {
        assert_eq!(
            plain(OutputFormat::Json),
            "[\n  {\n    \"name\": \"a\",\n    \"default\": true\n  },\n  {\n    \
             \"name\": \"b\\u001b\",\n    \"default\": null\n  }\n]\n"
        );
        assert_eq!(
            plain(OutputFormat::Ndjson),
            "{\"name\":\"a\",\"default\":true}\n{\"name\":\"b\\u001b\",\"default\":null}\n"
        );
        assert_eq!(plain(OutputFormat::Ids), "a\nb\u{1b}\n");
        assert_eq!(
            plain(OutputFormat::Csv),
            "Name,Default\na,true\nb\\u{1b},null\n"
        );
        assert_eq!(
            plain(OutputFormat::Table),
            "┌─────────┬─────────┐\n\
             │ Name    ┆ Default │\n\
             ╞═════════╪═════════╡\n\
             │ a       ┆ true    │\n\
             │ b\\u{1b} ┆ null    │\n\
             └─────────┴─────────┘\n"
        );
    }

    /// Cells that are hard to measure: wide, combining, zero-width, emoji, empty.
    fn any_cell() -> impl proptest::strategy::Strategy<Value = String> {
        "([a-z ]|é|e\u{301}|日本|\u{200d}|\u{fe0f}|👍|👨‍👩‍👧|\u{ff21}|\u{1b}|\n|\u{202e}){0,12}"
    }

    proptest::proptest! {
        #[test]
        fn pretty_json_from_compact_equals_serde_jsons(value in any_json()) {
            let compact = serde_json::to_vec(&value).unwrap();
            let mut ours = Vec::new();
            write_pretty(&mut ours, &compact, 0).unwrap();
            let theirs = serde_json::to_string_pretty(&value).unwrap();
            proptest::prop_assert_eq!(String::from_utf8(ours).unwrap(), theirs.clone());
            let mut indented = Vec::new();
            write_pretty(&mut indented, &compact, 1).unwrap();
            let expected: Vec<String> = theirs.lines().map(|line| format!("  {line}")).collect();
            proptest::prop_assert_eq!(String::from_utf8(indented).unwrap(), expected.join("\n"));
        }

        #[test]
        fn tables_look_as_comfy_table_drew_them(
            headers in proptest::collection::vec("[A-Za-z ]{1,10}", 1..5),
            rows in proptest::collection::vec(proptest::collection::vec(any_cell(), 0..6), 0..6),
        ) {
            let mut held = Rows::default();
            for row in &rows {
                held.push(row.iter().take(headers.len()));
            }
            let heads: Vec<&str> = headers.iter().map(String::as_str).collect();
            let shown: Vec<usize> = (0..heads.len()).collect();
            let grid = rows::Grid { headers: &heads, shown: &shown, parts: &[&held] };
            let ours = render(|out| write_table(out, grid));

            let mut table = comfy_table::Table::new();
            table
                .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(comfy_table::ContentArrangement::Disabled)
                .set_header(heads.clone());
            for row in &rows {
                table.add_row(row.iter().take(headers.len()).map(|cell| printable(cell).into_owned()));
            }
            proptest::prop_assert_eq!(ours, format!("{table}\n"));
        }
    }
}
