//! Image lists: a table (or csv) of the known columns, the image objects as sent in JSON,
//! or their IDs.

use std::io::{self, Write};

use serde_json::Value;

use super::csv::write_csv;
use super::ids::unprintable_id;
use super::json::JsonArray;
use super::table::{Rows, write_table};
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::model::cell_text;
use crate::model::image::Image;
use crate::text::is_plain_id;

/// The columns of an image list, with the field each shows.
const COLUMNS: &[(&str, &str)] = &[
    ("Image ID", "id"),
    ("Name", "name"),
    ("Owner", "owner"),
    ("Visibility", "visibility"),
    ("Status", "status"),
    ("Created At", "created_at"),
    ("Updated At", "updated_at"),
];

/// The column `--incoming` adds: this project's membership status.
const MEMBER_STATUS: (&str, &str) = ("Member Status", "member_status");

/// Which columns an image list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageColumns {
    /// This project's own shared images.
    Shared,
    /// Images shared with this project: adds Member Status.
    Incoming,
}

/// Images written as they arrive: `ids` and `json` go out at once, a table or csv is
/// drawn at the end from the cells kept.
pub(crate) struct ImageStream<'w> {
    out: &'w mut dyn Write,
    format: OutputFormat,
    columns: Vec<(&'static str, &'static str)>,
    json: JsonArray,
    rows: Rows,
}

impl<'w> ImageStream<'w> {
    /// A stream of images to `out` in `format`, with `columns`.
    pub(crate) fn new(
        out: &'w mut dyn Write,
        format: OutputFormat,
        columns: ImageColumns,
    ) -> ImageStream<'w> {
        let mut shown = COLUMNS.to_vec();
        if columns == ImageColumns::Incoming {
            shown.push(MEMBER_STATUS);
        }
        ImageStream {
            out,
            format,
            columns: shown,
            json: JsonArray::default(),
            rows: Rows::default(),
        }
    }

    /// Writes (or, for a table or csv, keeps the cells of) one image. An ID that `ids`
    /// cannot print as one line that reads back as one ID is not printed: its error is
    /// returned (exit 8) and the other IDs still print.
    pub(crate) fn image(&mut self, image: &Image) -> io::Result<Option<Error>> {
        match self.format {
            OutputFormat::Ids if is_plain_id(image.id()) => {
                writeln!(self.out, "{}", image.id()).map(|()| None)
            }
            OutputFormat::Ids => Ok(Some(unprintable_id("image ID", image.id()))),
            OutputFormat::Json => self.json.item(self.out, image.fields()).map(|()| None),
            OutputFormat::Table | OutputFormat::Csv => {
                let cell = |key: &str| image.field(key).map(cell_text).unwrap_or_default();
                self.rows
                    .push(self.columns.iter().map(|(_, key)| cell(key)));
                Ok(None)
            }
        }
    }

    /// Ends the output: closes the JSON array (`[]` when empty), draws the table.
    pub(crate) fn finish(self) -> io::Result<()> {
        let headers: Vec<&str> = self.columns.iter().map(|(header, _)| *header).collect();
        match self.format {
            OutputFormat::Ids => Ok(()),
            OutputFormat::Json => self.json.finish(self.out),
            OutputFormat::Table => write_table(self.out, &headers, &[&self.rows]),
            OutputFormat::Csv => write_csv(self.out, &headers, &[&self.rows]),
        }
    }
}

/// The value `--incoming` adds to each image: the status asked for.
pub(crate) fn member_status(status: &str) -> Value {
    Value::String(status.to_string())
}
