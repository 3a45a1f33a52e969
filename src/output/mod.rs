//! Rendering to stdout: `table`, `json`, `ids` and `csv` over members and images, plus plain
//! records for the `profile` and `auth` commands. One renderer per format: [`table`],
//! [`json`], [`csv`]; [`images`] writes image lists. Nothing here knows about HTTP or
//! config files.

mod csv;
mod images;
mod json;
mod table;

pub(crate) use images::{ImageColumns, ImageStream, member_status};

use csv::write_csv;
use json::{JsonArray, write_json};
use table::write_table;

use std::io::{self, Write};

use serde_json::Value;

use crate::cli::OutputFormat;
use crate::error::{Error, ErrorKind};
use crate::model::{Member, cell_text};

/// The members of one image, as listed.
#[derive(Debug)]
pub struct ImageMembers {
    /// The image asked for.
    pub image_id: String,
    /// Its members.
    pub members: Vec<Member>,
}

/// Runs `render` against a buffered stdout and flushes it.
pub fn to_stdout(render: impl FnOnce(&mut dyn Write) -> Result<(), Error>) -> Result<(), Error> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 * 1024, stdout.lock());
    render(&mut out)?;
    out.flush().map_err(write_error)
}

/// The typed error of a failed write to stdout. A reader that went away (`| head`)
/// becomes [`ErrorKind::OutputClosed`]: a quiet, successful stop.
pub fn write_error(err: io::Error) -> Error {
    match err.kind() {
        io::ErrorKind::BrokenPipe => Error::new(ErrorKind::OutputClosed, "stdout closed"),
        _ => Error::new(
            ErrorKind::Unexpected,
            format!("cannot write to stdout: {err}"),
        ),
    }
}

/// One member: a Field | Value table, the JSON object, its ID, or one csv row with the
/// columns of `member list`.
pub fn member(out: &mut dyn Write, format: OutputFormat, member: &Member) -> io::Result<()> {
    match format {
        OutputFormat::Csv => {
            let image = ImageMembers {
                image_id: String::new(),
                members: vec![member.clone()],
            };
            let (headers, rows) = member_rows(std::slice::from_ref(&image));
            write_csv(out, &headers, &rows)
        }
        OutputFormat::Table => {
            let rows = member
                .fields()
                .into_iter()
                .map(|(name, value)| vec![name.to_string(), cell_text(&value)])
                .collect();
            write_table(out, &["Field", "Value"], rows)
        }
        OutputFormat::Json => write_json(out, member),
        OutputFormat::Ids => writeln!(out, "{}", member.member_id),
    }
}

/// Members of one or more images written as they arrive: `ids` and `json` go out page by
/// page (memory stays flat however long the list), a table is drawn at the end.
pub struct MemberStream<'w> {
    out: &'w mut dyn Write,
    format: OutputFormat,
    json: JsonArray,
    table: Vec<ImageMembers>,
}

impl<'w> MemberStream<'w> {
    /// A stream of members to `out` in `format`.
    pub fn new(out: &'w mut dyn Write, format: OutputFormat) -> MemberStream<'w> {
        MemberStream {
            out,
            format,
            json: JsonArray::default(),
            table: Vec::new(),
        }
    }

    /// Writes (or, for a table, keeps) one member of `image_id`.
    pub fn member(&mut self, image_id: &str, member: Member) -> io::Result<()> {
        match self.format {
            OutputFormat::Ids => writeln!(self.out, "{}", member.member_id),
            OutputFormat::Json => self.json.item(self.out, &member),
            OutputFormat::Table | OutputFormat::Csv => {
                match self.table.last_mut() {
                    Some(last) if last.image_id == image_id => last.members.push(member),
                    _ => self.table.push(ImageMembers {
                        image_id: image_id.to_string(),
                        members: vec![member],
                    }),
                }
                Ok(())
            }
        }
    }

    /// Ends the output: closes the JSON array or draws the table. With nothing written,
    /// `show_empty` decides between an empty result (`[]`, a bare table) and no output.
    pub fn finish(self, show_empty: bool) -> io::Result<()> {
        match self.format {
            OutputFormat::Ids => Ok(()),
            OutputFormat::Json if self.json.is_started() || show_empty => {
                self.json.finish(self.out)
            }
            OutputFormat::Json => Ok(()),
            OutputFormat::Table | OutputFormat::Csv if self.table.is_empty() && !show_empty => {
                Ok(())
            }
            OutputFormat::Table => {
                let (headers, rows) = member_rows(&self.table);
                write_table(self.out, &headers, rows)
            }
            OutputFormat::Csv => {
                let (headers, rows) = member_rows(&self.table);
                write_csv(self.out, &headers, &rows)
            }
        }
    }
}

/// The `member list` table's headers and cells: Member Type and URN columns only when
/// some row has them.
fn member_rows(images: &[ImageMembers]) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let all = || {
        images
            .iter()
            .flat_map(|image| image.members.iter().map(move |m| (image, m)))
    };
    let extra = all().any(|(_, m)| m.member_type.is_some() || m.urn.is_some());
    let mut headers = vec![
        "Image ID",
        "Member ID",
        "Status",
        "Created At",
        "Updated At",
    ];
    if extra {
        headers.extend(["Member Type", "URN"]);
    }
    let text = |value: &Option<Value>| value.as_ref().map(cell_text).unwrap_or_default();
    let rows = all()
        .map(|(image, m)| {
            let image_id = m
                .image_id
                .as_ref()
                .map_or_else(|| image.image_id.clone(), cell_text);
            let mut row = vec![
                image_id,
                m.member_id.clone(),
                text(&m.status),
                text(&m.created_at),
                text(&m.updated_at),
            ];
            if extra {
                row.extend([text(&m.member_type), text(&m.urn)]);
            }
            row
        })
        .collect();
    (headers, rows)
}

/// Prints plain records (the `profile` and `auth` commands) to stdout: `columns` are
/// (table header, JSON key) pairs; see [`records`].
pub fn print_records<R, V>(
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
    to_stdout(|out| records(out, format, &headers, &keys, rows).map_err(write_error))
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
    let cells = || -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(cell_text).collect())
            .collect()
    };
    match format {
        OutputFormat::Table => write_table(out, headers, cells()),
        OutputFormat::Csv => write_csv(out, headers, &cells()),
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

    fn member(text: &str) -> Member {
        serde_json::from_str(text).unwrap()
    }

    fn render(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
        let mut buf = Vec::new();
        f(&mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn show_table_lists_known_fields_first() {
        let m = member(
            r#"{"zeta":1,"status":"accepted","member_id":"m1","schema":"/v2/schemas/member"}"#,
        );
        let text = render(|out| super::member(out, OutputFormat::Table, &m));
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
        let images = vec![ImageMembers {
            image_id: "img".into(),
            members: vec![member(r#"{"member_id":"m1","status":"pending"}"#)],
        }];
        let text = render(|out| {
            let (headers, rows) = member_rows(&images);
            write_table(out, &headers, rows)
        });
        assert!(
            text.contains("│ Image ID ┆ Member ID ┆ Status  ┆ Created At ┆ Updated At │"),
            "{text}"
        );
        assert!(
            text.contains("│ img      ┆ m1        ┆ pending ┆            ┆            │"),
            "{text}"
        );
        let images = vec![ImageMembers {
            image_id: "img".into(),
            members: vec![member(
                r#"{"member_id":"m1","member_type":"organization","urn":"u"}"#,
            )],
        }];
        let text = render(|out| {
            let (headers, rows) = member_rows(&images);
            write_table(out, &headers, rows)
        });
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
        let streamed = render(|out| {
            let mut stream = MemberStream::new(out, OutputFormat::Json);
            for member in pages.clone().into_iter().flatten() {
                stream.member("img", member)?;
            }
            stream.finish(true)
        });
        let all: Vec<Member> = pages.into_iter().flatten().collect();
        let mut expected = serde_json::to_string_pretty(&all).unwrap();
        expected.push('\n');
        assert_eq!(streamed, expected);
    }

    #[test]
    fn tables_escape_control_characters() {
        let m = member("{\"member_id\":\"m\",\"status\":\"\\u001b[2Jgone\"}");
        let text = render(|out| super::member(out, OutputFormat::Table, &m));
        assert!(text.contains("│ status    ┆ \\u{1b}[2Jgone │"), "{text}");
        assert!(!text.contains('\u{1b}'));
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
}
