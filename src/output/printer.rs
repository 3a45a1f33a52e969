//! Records written group by group in the chosen format.

use std::io::{self, Write};

use super::csv::write_csv;
use super::ids::Ids;
use super::json::Json;
use super::markdown::write_markdown;
use super::ndjson::Ndjson;
use super::render::{Column, Held, Record, Render};
use super::stdout::write_error;
use super::table::Drawn;
use crate::cli::OutputFormat;
use crate::error::Error;

/// The renderer of `format`: the one place that decides by the output format.
pub(crate) fn renderer<R: Record>(format: OutputFormat) -> Box<dyn Render<R>> {
    match format {
        OutputFormat::Table => Box::new(Drawn::table()),
        OutputFormat::Json => Box::<Json>::default(),
        OutputFormat::Ndjson => Box::new(Ndjson),
        OutputFormat::Ids => Box::new(Ids),
        OutputFormat::Csv => Box::new(Drawn::rows(write_csv)),
        OutputFormat::Markdown => Box::new(Drawn::rows(write_markdown)),
    }
}

/// Records of one group (an image's members), held until the group is complete.
pub(crate) struct Group<R: 'static> {
    /// The format's renderer, for holding.
    render: Box<dyn Render<R>>,
    /// The record kind's columns.
    columns: &'static [Column<R>],
    /// What is kept so far.
    held: Held,
}

impl<R: Record> Group<R> {
    /// Nothing held yet, to be shown as `format`.
    pub(crate) fn new(format: OutputFormat, columns: &'static [Column<R>]) -> Group<R> {
        Group {
            render: renderer(format),
            columns,
            held: Held::default(),
        }
    }

    /// Keeps what the format shows of `record`.
    pub(crate) fn push(&mut self, record: &R) -> Result<(), Error> {
        self.render.hold(self.columns, record, &mut self.held)
    }
}

impl<R> std::fmt::Debug for Group<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Group").field("held", &self.held).finish()
    }
}

/// Records written group by group, in the order given, in one format.
pub(crate) struct Printer<'w, 'c, R> {
    /// Where the output goes.
    out: &'w mut dyn Write,
    /// The record kind's columns.
    columns: &'c [Column<R>],
    /// The format's renderer.
    render: Box<dyn Render<R>>,
}

impl<'w, 'c, R: Record> Printer<'w, 'c, R> {
    /// A printer of records with `columns` to `out` in `format`.
    pub(crate) fn new(
        out: &'w mut dyn Write,
        format: OutputFormat,
        columns: &'c [Column<R>],
    ) -> Printer<'w, 'c, R> {
        Printer {
            out,
            columns,
            render: renderer(format),
        }
    }

    /// Writes a complete group. Returns an error for each record that could not be
    /// printed (an ID `ids` cannot print as it is).
    pub(crate) fn group(&mut self, group: Group<R>) -> io::Result<Vec<Error>> {
        self.write(group.held)
    }

    /// Writes one record as a group of its own; see [`Printer::group`].
    pub(crate) fn record(&mut self, record: &R) -> Result<Vec<Error>, Error> {
        let mut held = Held::default();
        self.render.hold(self.columns, record, &mut held)?;
        self.write(held).map_err(write_error)
    }

    /// Writes what was held of a complete group and returns its errors.
    fn write(&mut self, mut held: Held) -> io::Result<Vec<Error>> {
        let errors = std::mem::take(&mut held.errors);
        self.render.write(self.out, held)?;
        Ok(errors)
    }

    /// Whether records are written as they come; see [`Render::streams`].
    pub(crate) fn streams(&self) -> bool {
        self.render.streams()
    }

    /// Ends the output; see [`Render::finish`].
    pub(crate) fn finish(mut self, show_empty: bool) -> io::Result<()> {
        self.render.finish(self.out, self.columns, show_empty)
    }

    /// Writes `record` on its own; see [`Render::show`].
    pub(crate) fn show(mut self, record: &R) -> Result<(), Error> {
        self.render.show(self.out, self.columns, record)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use serde_json::Value;

    use super::*;

    /// A record kind as a new command declares one: a type, an empty `impl Record` (its
    /// JSON is the object of its cells, `ids` prints the first), and its columns.
    struct Action {
        action: &'static str,
        image_id: String,
        note: Option<String>,
    }

    impl Record for Action {}

    const ACTION_COLUMNS: &[Column<Action>] = &[
        Column::new("Action", "action", |a, _| {
            Some(Cow::Owned(Value::from(a.action)))
        }),
        Column::new("Image ID", "image_id", |a, _| {
            Some(Cow::Owned(Value::from(a.image_id.as_str())))
        }),
        Column::<Action>::new("Note", "note", |a, _| {
            a.note.as_deref().map(|note| Cow::Owned(Value::from(note)))
        })
        .optional(),
    ];

    fn print(format: OutputFormat, actions: &[Action]) -> String {
        let mut out = Vec::new();
        let mut printer = Printer::new(&mut out, format, ACTION_COLUMNS);
        for action in actions {
            assert!(printer.record(action).unwrap().is_empty());
        }
        printer.finish(true).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn action(action: &'static str, image_id: &str, note: Option<&str>) -> Action {
        Action {
            action,
            image_id: image_id.to_string(),
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn a_declared_record_kind_renders_in_every_format() {
        let plain = [action("add", "i1", None), action("remove", "i=2", None)];
        assert_eq!(
            print(OutputFormat::Table, &plain),
            "┌────────┬──────────┐\n\
             │ Action ┆ Image ID │\n\
             ╞════════╪══════════╡\n\
             │ add    ┆ i1       │\n\
             │ remove ┆ i=2      │\n\
             └────────┴──────────┘\n"
        );
        assert_eq!(
            print(OutputFormat::Json, &plain),
            "[\n  {\n    \"action\": \"add\",\n    \"image_id\": \"i1\"\n  },\n  {\n    \
             \"action\": \"remove\",\n    \"image_id\": \"i=2\"\n  }\n]\n"
        );
        assert_eq!(
            print(OutputFormat::Ndjson, &plain),
            "{\"action\":\"add\",\"image_id\":\"i1\"}\n\
             {\"action\":\"remove\",\"image_id\":\"i=2\"}\n"
        );
        assert_eq!(print(OutputFormat::Ids, &plain), "add\nremove\n");
        // The optional column comes with the first row that has it.
        let noted = [action("add", "=i1", None), action("keep", "i2", Some("n"))];
        assert_eq!(
            print(OutputFormat::Csv, &noted),
            "Action,Image ID,Note\nadd,'=i1,\nkeep,i2,n\n"
        );
        assert_eq!(print(OutputFormat::Csv, &[]), "Action,Image ID\n");
        assert_eq!(print(OutputFormat::Json, &[]), "[]\n");
        assert_eq!(print(OutputFormat::Ndjson, &[]), "");
    }
}
