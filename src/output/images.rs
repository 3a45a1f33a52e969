//! Image lists: the columns of an image (and of an image shared with this project), and
//! the stream that writes them.

use std::borrow::Cow;
use std::io::{self, Write};

use serde_json::Value;

use super::ids::plain_id;
use super::printer::{Group, Printer};
use super::render::{Column, Record};
use super::safe::write_compact;
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::model::image::Image;

/// The cell of an image: the field named by the column's key, as sent.
fn image_field<'r>(image: &'r Image, key: &str) -> Option<Cow<'r, Value>> {
    image.field(key).map(Cow::Borrowed)
}

/// The columns of an image list.
const IMAGE_COLUMNS: &[Column<Image>] = &[
    Column::new("Image ID", "id", image_field),
    Column::new("Name", "name", image_field),
    Column::new("Owner", "owner", image_field),
    Column::new("Visibility", "visibility", image_field),
    Column::new("Status", "status", image_field),
    Column::new("Created At", "created_at", image_field),
    Column::new("Updated At", "updated_at", image_field),
];

/// The columns of an image shared with this project: those of an image and this
/// project's membership status.
const INCOMING_COLUMNS: &[Column<Image>] = &[
    IMAGE_COLUMNS[0],
    IMAGE_COLUMNS[1],
    IMAGE_COLUMNS[2],
    IMAGE_COLUMNS[3],
    IMAGE_COLUMNS[4],
    IMAGE_COLUMNS[5],
    IMAGE_COLUMNS[6],
    Column::new("Member Status", "member_status", image_field),
];

/// An image as the service sent it, every field; `ids` prints its ID.
impl Record for Image {
    fn write_json(&self, _: &[Column<Image>], out: &mut dyn Write) -> io::Result<()> {
        write_compact(out, self.fields())
    }

    fn id(&self, _: &[Column<Image>]) -> Result<String, Error> {
        plain_id("image ID", self.id())
    }
}

/// Which columns an image list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageColumns {
    /// This project's own shared images.
    Shared,
    /// Images shared with this project: adds Member Status.
    Incoming,
}

/// Images written as they are listed when the format streams (`ndjson`); in every other
/// format they are held, compactly, and written at the end, so that a list that fails on
/// a later page prints nothing.
pub(crate) struct ImageStream<'w> {
    /// The printer of the images.
    printer: Printer<'w, 'static, Image>,
    /// What is held of the images until the end, unless the format streams.
    held: Option<Group<Image>>,
}

impl<'w> ImageStream<'w> {
    /// A stream of images to `out` in `format`, with `columns`.
    pub(crate) fn new(
        out: &'w mut dyn Write,
        format: OutputFormat,
        columns: ImageColumns,
    ) -> ImageStream<'w> {
        let columns = match columns {
            ImageColumns::Shared => IMAGE_COLUMNS,
            ImageColumns::Incoming => INCOMING_COLUMNS,
        };
        let printer = Printer::new(out, format, columns);
        let held = (!printer.streams()).then(|| Group::new(format, columns));
        ImageStream { printer, held }
    }

    /// Writes (or holds what the format shows of) one image. An ID that `ids` cannot
    /// print as one line that reads back as one ID is not printed: its error is returned
    /// (exit 8) and the other IDs still print.
    pub(crate) fn image(&mut self, image: &Image) -> Result<Vec<Error>, Error> {
        match &mut self.held {
            Some(group) => group.push(image).map(|()| Vec::new()),
            None => self.printer.record(image),
        }
    }

    /// Ends the output: writes what was held (closing the JSON array, `[]` when empty;
    /// drawing the table) and returns the errors of the images it could not print.
    pub(crate) fn finish(mut self) -> io::Result<Vec<Error>> {
        let unprintable = match self.held.take() {
            Some(group) => self.printer.group(group)?,
            None => Vec::new(),
        };
        self.printer.finish(true)?;
        Ok(unprintable)
    }
}

/// The value `--incoming` adds to each image: the status asked for.
pub(crate) fn member_status(status: &str) -> Value {
    Value::String(status.to_string())
}
