//! Rendering to stdout: `table`, `json`, `ids` and `csv` over members and images, plus
//! plain records for the `profile` and `auth` commands. One renderer per format:
//! [`table`], [`json`], [`csv`]; [`images`] writes image lists. Nothing here knows about
//! HTTP or config files. An image's members are held until all its pages are read,
//! compactly: only what the format prints (the IDs, compact JSON records, or the table's
//! cells), never the parsed members or the body.

mod csv;
mod ids;
mod images;
mod json;
mod table;

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::Value;

pub(crate) use images::{ImageColumns, ImageStream, member_status};

use crate::cli::OutputFormat;
use crate::console::Console;
use crate::error::{Error, ErrorKind};
use crate::model::{Member, cell_text};
use crate::text::is_plain_id;
use csv::write_csv;
use ids::unprintable_id;
use json::{JsonArray, write_compact, write_json};
use table::{Rows, write_table};

/// The columns of the `member list` table (and csv), and of `member show -o csv`.
const MEMBER_COLUMNS: &[&str] = &[
    "Image ID",
    "Member ID",
    "Status",
    "Created At",
    "Updated At",
];

/// The columns added when some member has a Member Type or URN (Huawei's v1 API).
const MEMBER_EXTRA_COLUMNS: &[&str] = &[
    "Image ID",
    "Member ID",
    "Status",
    "Created At",
    "Updated At",
    "Member Type",
    "URN",
];

/// Runs `render` against the console's stdout, buffered, and flushes it.
pub(crate) fn to_stdout(
    console: &Console,
    render: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    console.with_stdout(|stdout| {
        let mut out = io::BufWriter::with_capacity(64 * 1024, stdout);
        render(&mut out)?;
        out.flush().map_err(write_error)
    })
}

/// The process's stdout as `ims` writes it: when it was closed at start, every write
/// fails (see [`STDOUT_CLOSED_AT_START`]).
pub(crate) fn process_stdout() -> Box<dyn Write + Send> {
    Box::new(Stdout {
        inner: io::stdout(),
        closed: STDOUT_CLOSED_AT_START.load(Ordering::Relaxed),
    })
}

/// The typed error of a failed write to stdout. A reader that went away (`| head`)
/// becomes [`ErrorKind::OutputClosed`]: a quiet, successful stop. Any other failure (a
/// full disk, a stdout closed at start) is exit 1.
pub(crate) fn write_error(err: io::Error) -> Error {
    match err.kind() {
        io::ErrorKind::BrokenPipe => Error::new(ErrorKind::OutputClosed, "stdout closed"),
        _ => Error::new(
            ErrorKind::Unexpected,
            format!("cannot write to stdout: {err}"),
        ),
    }
}

/// Set before `main` when `ims` started with stdout closed (`ims … >&-`).
static STDOUT_CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// Runs [`note_stdout_at_start`] before `main`, as the C runtime runs every entry of
/// `.init_array`. It has to come first: before `main`, the Rust runtime opens `/dev/null`
/// on a closed stdout (so that no file opened later becomes fd 1), and writes there
/// succeed and vanish. Nothing safe can run that early, which is why this check is the
/// one `unsafe` of `ims`.
#[cfg(any(target_os = "linux", target_os = "android"))]
#[used]
#[unsafe(link_section = ".init_array")]
static NOTE_STDOUT_AT_START: extern "C" fn() = note_stdout_at_start;

/// Notes in [`STDOUT_CLOSED_AT_START`] whether fd 1 is closed.
#[cfg(any(target_os = "linux", target_os = "android"))]
extern "C" fn note_stdout_at_start() {
    // SAFETY: F_GETFD only asks the kernel about descriptor 1; no memory is passed.
    let flags = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) };
    if flags == -1 && io::Error::last_os_error().raw_os_error() == Some(libc::EBADF) {
        STDOUT_CLOSED_AT_START.store(true, Ordering::Relaxed);
    }
}

/// stdout as `ims` writes it: when it was closed at start, writing anything fails with
/// EBADF, as it would have without the runtime's `/dev/null`.
struct Stdout<W> {
    /// The real stdout.
    inner: W,
    /// Whether fd 1 was closed when `ims` started.
    closed: bool,
}

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed && !buf.is_empty() {
            return Err(io::Error::from_raw_os_error(libc::EBADF));
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The error of a member that cannot be rendered (its JSON could not be written).
fn render_error(err: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Unexpected,
        format!("cannot render a member: {err}"),
    )
}

/// One member, rendered: a Field | Value table, the JSON object, its ID, or one csv row
/// with the columns of `member list`. An ID that cannot be printed as one line is an error
/// (exit 8) and nothing is rendered.
pub(crate) fn member(
    format: OutputFormat,
    image_id: &str,
    member: &Member,
) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    match format {
        OutputFormat::Csv => {
            let mut image = ImageMembers::new(format, image_id);
            image.push(member.clone())?;
            let mut stream = MemberStream::new(&mut out, format);
            stream.image(image).map_err(render_error)?;
            stream.finish(true).map_err(render_error)?;
        }
        OutputFormat::Table => {
            let mut rows = Rows::default();
            for (name, value) in member.fields() {
                rows.push([name.to_string(), cell_text(&value)]);
            }
            write_table(&mut out, &["Field", "Value"], &[&rows]).map_err(render_error)?;
        }
        OutputFormat::Json => write_json(&mut out, member).map_err(render_error)?,
        OutputFormat::Ids if is_plain_id(&member.member_id) => {
            out.extend_from_slice(member.member_id.as_bytes());
            out.push(b'\n');
        }
        OutputFormat::Ids => return Err(unprintable_id("member ID", &member.member_id)),
    }
    Ok(out)
}

/// The members of one image, held until all its pages are read: only what the output
/// format prints, compactly.
#[derive(Debug)]
pub(crate) struct ImageMembers {
    /// The image asked for.
    image_id: String,
    /// What is kept of its members so far.
    held: Held,
}

/// What [`ImageMembers`] holds, by format.
#[derive(Debug)]
enum Held {
    /// The IDs that can be printed, one per line, and an error for each that cannot.
    Ids {
        /// The printable IDs, each ended by `\n`.
        lines: String,
        /// One error per ID left out.
        unprintable: Vec<Error>,
    },
    /// Each member as compact JSON, one per line.
    Json {
        /// The records, each ended by `\n`.
        lines: Vec<u8>,
    },
    /// The `member list` table's rows (csv shows the same cells).
    Table {
        /// All seven columns of each row.
        rows: Rows,
        /// Whether any row has a Member Type or URN.
        extra: bool,
    },
}

impl ImageMembers {
    /// Nothing yet of `image_id`, to be shown as `format`.
    pub(crate) fn new(format: OutputFormat, image_id: &str) -> ImageMembers {
        let held = match format {
            OutputFormat::Ids => Held::Ids {
                lines: String::new(),
                unprintable: Vec::new(),
            },
            OutputFormat::Json => Held::Json { lines: Vec::new() },
            OutputFormat::Table | OutputFormat::Csv => Held::Table {
                rows: Rows::default(),
                extra: false,
            },
        };
        ImageMembers {
            image_id: image_id.to_string(),
            held,
        }
    }

    /// Keeps what the format shows of `member`.
    pub(crate) fn push(&mut self, member: Member) -> Result<(), Error> {
        match &mut self.held {
            Held::Ids { lines, unprintable } => {
                if is_plain_id(&member.member_id) {
                    lines.push_str(&member.member_id);
                    lines.push('\n');
                } else {
                    unprintable.push(unprintable_id("member ID", &member.member_id));
                }
            }
            Held::Json { lines } => {
                // Compact JSON holds no raw line break, so one record per line is safe.
                write_compact(&mut *lines, &member).map_err(render_error)?;
                lines.push(b'\n');
            }
            Held::Table { rows, extra } => {
                *extra |= member.member_type.is_some() || member.urn.is_some();
                let text =
                    |value: &Option<Value>| value.as_ref().map(cell_text).unwrap_or_default();
                let image_id = member
                    .image_id
                    .as_ref()
                    .map_or_else(|| self.image_id.clone(), cell_text);
                rows.push([
                    image_id,
                    member.member_id,
                    text(&member.status),
                    text(&member.created_at),
                    text(&member.updated_at),
                    text(&member.member_type),
                    text(&member.urn),
                ]);
            }
        }
        Ok(())
    }
}

/// Members of one or more images written image by image, in the order given: `ids` and
/// `json` go out as each image is handed over, a table is drawn at the end.
pub(crate) struct MemberStream<'w> {
    /// Where the output goes.
    out: &'w mut dyn Write,
    /// The output format.
    format: OutputFormat,
    /// The JSON array, opened at the first member.
    json: JsonArray,
    /// The table's rows, image by image, drawn at the end.
    table: Vec<Rows>,
    /// Whether any row has a Member Type or URN.
    extra: bool,
}

impl<'w> MemberStream<'w> {
    /// A stream of members to `out` in `format`.
    pub(crate) fn new(out: &'w mut dyn Write, format: OutputFormat) -> MemberStream<'w> {
        MemberStream {
            out,
            format,
            json: JsonArray::default(),
            table: Vec::new(),
            extra: false,
        }
    }

    /// Writes (or, for a table, keeps) the members of a fully read image. Returns an error
    /// for each member that could not be printed (an ID `ids` cannot print as it is).
    pub(crate) fn image(&mut self, image: ImageMembers) -> io::Result<Vec<Error>> {
        match image.held {
            Held::Ids { lines, unprintable } => {
                self.out.write_all(lines.as_bytes())?;
                return Ok(unprintable);
            }
            Held::Json { lines } => {
                for record in lines.split(|b| *b == b'\n').filter(|r| !r.is_empty()) {
                    self.json.item_compact(self.out, record)?;
                }
            }
            Held::Table { rows, extra } => {
                self.extra |= extra;
                self.table.push(rows);
            }
        }
        Ok(Vec::new())
    }

    /// Ends the output: closes the JSON array or draws the table. With nothing written,
    /// `show_empty` decides between an empty result (`[]`, a bare table) and no output.
    pub(crate) fn finish(self, show_empty: bool) -> io::Result<()> {
        let headers = match self.extra {
            true => MEMBER_EXTRA_COLUMNS,
            false => MEMBER_COLUMNS,
        };
        let parts: Vec<&Rows> = self.table.iter().collect();
        let empty = self.table.iter().all(Rows::is_empty);
        match self.format {
            OutputFormat::Ids => Ok(()),
            OutputFormat::Json if self.json.is_started() || show_empty => {
                self.json.finish(self.out)
            }
            OutputFormat::Json => Ok(()),
            OutputFormat::Table | OutputFormat::Csv if empty && !show_empty => Ok(()),
            // Member Type and URN columns only when some row has them.
            OutputFormat::Table => write_table(self.out, headers, &parts),
            OutputFormat::Csv => write_csv(self.out, headers, &parts),
        }
    }
}

/// Prints plain records (the `profile` and `auth` commands) to stdout: `columns` are
/// (table header, JSON key) pairs; see [`records`].
pub(crate) fn print_records<R, V>(
    console: &Console,
    format: OutputFormat,
    columns: &[(&str, &str)],
    rows: impl IntoIterator<Item = R>,
) -> Result<(), Error>
where
    R: IntoIterator<Item = V>,
    V: Into<Value>,
{
    let headers: Vec<&str> = columns.iter().map(|(header, _)| *header).collect();
    let keys: Vec<&str> = columns.iter().map(|(_, key)| *key).collect();
    let rows = rows
        .into_iter()
        .map(|row| row.into_iter().map(Into::into).collect())
        .collect();
    to_stdout(console, |out| {
        records(out, format, &headers, &keys, rows).map_err(write_error)
    })
}

/// Plain records: a table with `headers`, a JSON array of objects keyed by `keys`, or the
/// first column one per line.
fn records(
    out: &mut dyn Write,
    format: OutputFormat,
    headers: &[&str],
    keys: &[&str],
    rows: Vec<Vec<Value>>,
) -> io::Result<()> {
    let table = || {
        let mut table = Rows::default();
        for row in &rows {
            table.push(row.iter().map(cell_text));
        }
        table
    };
    match format {
        OutputFormat::Table => write_table(out, headers, &[&table()]),
        OutputFormat::Csv => write_csv(out, headers, &[&table()]),
        OutputFormat::Json => {
            let objects: Vec<serde_json::Map<String, Value>> = rows
                .into_iter()
                .map(|row| keys.iter().map(|key| key.to_string()).zip(row).collect())
                .collect();
            write_json(out, &objects)
        }
        OutputFormat::Ids => rows
            .iter()
            .filter_map(|row| row.first())
            .try_for_each(|first| writeln!(out, "{}", cell_text(first))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::printable;
    use json::write_pretty;

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

    #[test]
    fn records_in_three_formats() {
        let rows = || vec![vec![Value::from("a"), Value::Bool(true)]];
        let json = render(|out| {
            records(
                out,
                OutputFormat::Json,
                &["Name", "Default"],
                &["name", "default"],
                rows(),
            )
        });
        assert_eq!(
            json,
            "[\n  {\n    \"name\": \"a\",\n    \"default\": true\n  }\n]\n"
        );
        let ids = render(|out| {
            records(
                out,
                OutputFormat::Ids,
                &["Name", "Default"],
                &["name", "default"],
                rows(),
            )
        });
        assert_eq!(ids, "a\n");
    }

    /// Arbitrary JSON values, nested a few levels, with strings that need escaping.
    fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            any::<i64>().prop_map(Value::from),
            "(\\PC|[\"\\\\{}\\[\\],:\\n\\x00])*".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map("(\\PC|[\"\\\\{}:,])*", inner, 0..6)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
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
            let ours = render(|out| write_table(out, &heads, &[&held]));

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
