//! What every format renders from: a record kind's columns, declared once ([`Column`],
//! [`Record`]), and the one interface each format implements ([`Render`]).

use std::borrow::Cow;
use std::io::{self, Write};

use serde_json::{Map, Value};

use super::rows::Rows;
use super::safe::write_compact;
use crate::error::Error;
use crate::model::cell_text;

/// How a cell is taken from a record: given the record and the column's key, the value
/// shown, or `None` when the record has none (a blank cell).
pub(crate) type Cell<R> = for<'r> fn(&'r R, &str) -> Option<Cow<'r, Value>>;

/// One column of a record kind: its table (and csv) header, its JSON key, how its cell is
/// taken from a record, and whether it is shown only when some row has it.
pub(crate) struct Column<R> {
    /// The header in a table and in csv.
    pub(crate) header: &'static str,
    /// The key of the cell in JSON, for records written as their columns.
    pub(crate) key: &'static str,
    /// How the cell is taken from a record.
    pub(crate) cell: Cell<R>,
    /// Shown only when some row has a cell in one of the optional columns (they come and
    /// go together).
    pub(crate) optional: bool,
}

impl<R> Clone for Column<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Column<R> {}

impl<R> Column<R> {
    /// A column always shown.
    pub(crate) const fn new(header: &'static str, key: &'static str, cell: Cell<R>) -> Self {
        Column {
            header,
            key,
            cell,
            optional: false,
        }
    }

    /// The same column, shown only when some row has a cell in an optional column.
    pub(crate) const fn optional(self) -> Self {
        Column {
            optional: true,
            ..self
        }
    }
}

/// A kind of record the formats render, beside its [`Column`]s. By default its JSON is
/// the object of its columns' cells, keyed by their keys, and `ids` prints its first
/// cell; records the service sent override both.
pub(crate) trait Record: Sized {
    /// Writes the record as one line of compact JSON.
    fn write_json(&self, columns: &[Column<Self>], out: &mut dyn Write) -> io::Result<()> {
        let object: Map<String, Value> = columns
            .iter()
            .filter_map(|column| {
                let value = (column.cell)(self, column.key)?;
                Some((column.key.to_string(), value.into_owned()))
            })
            .collect();
        write_compact(out, &object)
    }

    /// What `ids` prints of the record, or the error of an ID it cannot print as one
    /// line that reads back as that ID.
    fn id(&self, columns: &[Column<Self>]) -> Result<String, Error> {
        let first = columns
            .first()
            .and_then(|column| (column.cell)(self, column.key));
        Ok(first.map(|value| cell_text(&value)).unwrap_or_default())
    }
}

/// A plain record (the `profile` and `auth` commands): its cells by key.
impl Record for Map<String, Value> {}

/// The cell of a record kept as JSON fields, by the column's key.
pub(crate) fn field<'r>(fields: &'r Map<String, Value>, key: &str) -> Option<Cow<'r, Value>> {
    fields.get(key).map(Cow::Borrowed)
}

/// What a format keeps of records until their group (an image's members) is complete:
/// only what it prints, compactly.
#[derive(Debug, Default)]
pub(crate) struct Held {
    /// Whole lines as the format writes them (IDs, compact JSON), each ended by `\n`.
    pub(crate) lines: Vec<u8>,
    /// The cells of table rows, every column.
    pub(crate) rows: Rows,
    /// Whether some row has a cell in an optional column.
    pub(crate) optional: bool,
    /// One error per record that cannot be printed.
    pub(crate) errors: Vec<Error>,
}

/// One output format. A record is first held ([`Render::hold`]) until its group is
/// complete, then the group is written ([`Render::write`]), and [`Render::finish`] ends
/// the output.
pub(crate) trait Render<R>: Send {
    /// Keeps in `held` what this format prints of `record`.
    fn hold(&self, columns: &[Column<R>], record: &R, held: &mut Held) -> Result<(), Error>;

    /// Writes a complete group (or keeps it until the end, as a table must).
    fn write(&mut self, out: &mut dyn Write, held: Held) -> io::Result<()>;

    /// Whether a reader wants each record as soon as it is there, even when a later one
    /// fails (`ndjson`), rather than all of a list or nothing.
    fn streams(&self) -> bool {
        false
    }

    /// Ends the output. With nothing written, `show_empty` decides between an empty
    /// result (`[]`, a bare table) and no output.
    fn finish(
        &mut self,
        out: &mut dyn Write,
        columns: &[Column<R>],
        show_empty: bool,
    ) -> io::Result<()>;

    /// Writes one record on its own (`member show`); by default as a list of one. A record
    /// that cannot be printed is an error, and nothing is written.
    fn show(&mut self, out: &mut dyn Write, columns: &[Column<R>], one: &R) -> Result<(), Error> {
        show_as_list(self, out, columns, one)
    }
}

/// Writes `record` on its own as a list of one (the default of [`Render::show`]); a
/// record that cannot be printed is an error, and nothing is written.
pub(crate) fn show_as_list<R>(
    render: &mut (impl Render<R> + ?Sized),
    out: &mut dyn Write,
    columns: &[Column<R>],
    record: &R,
) -> Result<(), Error> {
    let mut held = Held::default();
    render.hold(columns, record, &mut held)?;
    if let Some(err) = held.errors.pop() {
        return Err(err);
    }
    render.write(out, held).map_err(render_error)?;
    render.finish(out, columns, true).map_err(render_error)
}

/// `record` as one line of compact JSON.
pub(crate) fn compact<R: Record>(columns: &[Column<R>], record: &R) -> Result<Vec<u8>, Error> {
    let mut json = Vec::new();
    record
        .write_json(columns, &mut json)
        .map_err(render_error)?;
    Ok(json)
}

/// The error of a record that cannot be rendered (its JSON could not be written).
pub(crate) fn render_error(err: impl std::fmt::Display) -> Error {
    Error::new(
        crate::error::ErrorKind::Unexpected,
        format!("cannot render a record: {err}"),
    )
}

/// The columns a table or csv draws: each column's header and its index among the held
/// cells; optional columns only when `optional` (some row has one).
pub(crate) fn layout<R>(columns: &[Column<R>], optional: bool) -> (Vec<&'static str>, Vec<usize>) {
    columns
        .iter()
        .enumerate()
        .filter(|(_, column)| optional || !column.optional)
        .map(|(at, column)| (column.header, at))
        .unzip()
}

/// Holds `record`'s cells, every column, as a table row (csv shows the same cells).
pub(crate) fn hold_cells<R>(columns: &[Column<R>], record: &R, held: &mut Held) {
    let cells: Vec<Option<Cow<'_, Value>>> = columns
        .iter()
        .map(|column| (column.cell)(record, column.key))
        .collect();
    held.optional |= columns
        .iter()
        .zip(&cells)
        .any(|(column, cell)| column.optional && cell.is_some());
    held.rows.push(
        cells
            .iter()
            .map(|cell| cell.as_deref().map(cell_text).unwrap_or_default()),
    );
}
