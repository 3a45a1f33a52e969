//! The plan of `ims share plan|check|apply`: one record per action. `table` and `csv`:
//! the Action, Image ID, Image Name, Member ID, From and To columns (`—` where nothing
//! is); `ndjson`: one action per line; `json`: one object with the actions, the notes and
//! the in-sync count; `ids`: each image with an action, once; `markdown`: the table, then
//! the notes and the summary as a list.

use std::borrow::Cow;
use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::ids::plain_id;
use super::markdown::escaped;
use super::printer::Printer;
use super::render::{Column, Record};
use super::safe::{write_compact, write_pretty};
use super::stdout::write_error;
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::share::plan::{Action, Plan};
use crate::text::printable;

/// A cell of text.
fn text(value: &str) -> Option<Cow<'_, Value>> {
    Some(Cow::Owned(Value::from(value)))
}

/// A state or member, or `—` where there is none.
fn or_dash(value: &Option<String>) -> Option<Cow<'_, Value>> {
    text(value.as_deref().unwrap_or("—"))
}

/// The columns of a plan.
const PLAN_COLUMNS: &[Column<Action>] = &[
    Column::new("Action", "action", |a, _| text(a.kind.as_str())),
    Column::new("Image ID", "image_id", |a, _| text(&a.image_id)),
    Column::new("Image Name", "image_name", |a, _| text(&a.image_name)),
    Column::new("Member ID", "member_id", |a, _| or_dash(&a.member_id)),
    Column::new("From", "from", |a, _| or_dash(&a.from)),
    Column::new("To", "to", |a, _| or_dash(&a.to)),
];

/// An action's JSON has every key, `null` where the table shows `—`, and the consumer;
/// `ids` prints its image ID.
impl Record for Action {
    fn write_json(&self, _: &[Column<Self>], out: &mut dyn Write) -> io::Result<()> {
        write_compact(out, &action_json(self))
    }

    fn id(&self, _: &[Column<Self>]) -> Result<String, Error> {
        plain_id("image ID", &self.image_id)
    }
}

/// An action as a JSON object.
fn action_json(action: &Action) -> Map<String, Value> {
    let text = |value: &Option<String>| value.clone().map_or(Value::Null, Value::String);
    let mut object = Map::new();
    object.insert("action".into(), action.kind.as_str().into());
    object.insert("image_id".into(), action.image_id.clone().into());
    object.insert("image_name".into(), action.image_name.clone().into());
    object.insert("member_id".into(), text(&action.member_id));
    object.insert("from".into(), text(&action.from));
    object.insert("to".into(), text(&action.to));
    object.insert("consumer".into(), text(&action.consumer));
    object
}

/// Writes `plan` as `format`; the errors of image IDs `ids` cannot print (the rest
/// print). A plan without actions prints nothing, except in `json` (the object).
pub(crate) fn write_plan(
    out: &mut dyn Write,
    format: OutputFormat,
    plan: &Plan,
) -> Result<Vec<Error>, Error> {
    if format == OutputFormat::Json {
        let actions: Vec<Map<String, Value>> = plan.actions.iter().map(action_json).collect();
        let object = json!({"actions": actions, "notes": plan.notes, "in_sync": plan.in_sync});
        let mut compact = Vec::new();
        write_compact(&mut compact, &object).map_err(write_error)?;
        write_pretty(out, &compact, 0)
            .and_then(|()| writeln!(out))
            .map_err(write_error)?;
        return Ok(Vec::new());
    }
    let mut printer = Printer::new(out, format, PLAN_COLUMNS);
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for action in &plan.actions {
        // `ids`: each image once, however many actions it has.
        if format == OutputFormat::Ids && !seen.insert(&action.image_id) {
            continue;
        }
        errors.extend(printer.record(action)?);
    }
    printer.finish(false).map_err(write_error)?;
    if format == OutputFormat::Markdown {
        write_markdown_list(out, plan).map_err(write_error)?;
    }
    Ok(errors)
}

/// After the table (if any), the notes and the summary as a Markdown list, each escaped as
/// a cell is: the whole output pastes into a pull-request comment.
fn write_markdown_list(out: &mut dyn Write, plan: &Plan) -> io::Result<()> {
    if !plan.actions.is_empty() {
        writeln!(out)?;
    }
    for note in &plan.notes {
        writeln!(out, "- note: {}", escaped(&printable(note)))?;
    }
    writeln!(out, "- {}", escaped(&plan.summary()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::MemberType;
    use crate::share::plan::ActionKind;

    fn plan() -> Plan {
        let action = |kind, member: Option<&str>, from: Option<&str>, to: Option<&str>| Action {
            kind,
            image_id: "i1".into(),
            image_name: "gold\n=1".into(),
            member_id: member.map(Into::into),
            member_type: MemberType::Project,
            from: from.map(Into::into),
            to: to.map(Into::into),
            consumer: (kind == ActionKind::Accept).then(|| "tenant-a".to_string()),
        };
        Plan {
            actions: vec![
                action(
                    ActionKind::Visibility,
                    None,
                    Some("private"),
                    Some("shared"),
                ),
                action(ActionKind::Add, Some("a"), None, Some("pending")),
                action(
                    ActionKind::Accept,
                    Some("a"),
                    Some("pending"),
                    Some("accepted"),
                ),
                action(ActionKind::Remove, Some("b"), Some("accepted"), None),
            ],
            notes: vec!["n\u{1b}".into()],
            in_sync: 14,
            ..Plan::default()
        }
    }

    fn render(format: OutputFormat, plan: &Plan) -> String {
        let mut out = Vec::new();
        assert!(write_plan(&mut out, format, plan).unwrap().is_empty());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_plan_in_every_format() {
        let plan = plan();
        assert_eq!(
            render(OutputFormat::Table, &plan),
            "┌────────────┬──────────┬────────────┬───────────┬──────────┬──────────┐\n\
             │ Action     ┆ Image ID ┆ Image Name ┆ Member ID ┆ From     ┆ To       │\n\
             ╞════════════╪══════════╪════════════╪═══════════╪══════════╪══════════╡\n\
             │ visibility ┆ i1       ┆ gold\\n=1   ┆ —         ┆ private  ┆ shared   │\n\
             │ add        ┆ i1       ┆ gold\\n=1   ┆ a         ┆ —        ┆ pending  │\n\
             │ accept     ┆ i1       ┆ gold\\n=1   ┆ a         ┆ pending  ┆ accepted │\n\
             │ remove     ┆ i1       ┆ gold\\n=1   ┆ b         ┆ accepted ┆ —        │\n\
             └────────────┴──────────┴────────────┴───────────┴──────────┴──────────┘\n"
        );
        assert_eq!(
            render(OutputFormat::Csv, &plan),
            "Action,Image ID,Image Name,Member ID,From,To\n\
             visibility,i1,gold\\n=1,—,private,shared\n\
             add,i1,gold\\n=1,a,—,pending\n\
             accept,i1,gold\\n=1,a,pending,accepted\n\
             remove,i1,gold\\n=1,b,accepted,—\n"
        );
        assert_eq!(render(OutputFormat::Ids, &plan), "i1\n");
        let lines: Vec<Value> = render(OutputFormat::Ndjson, &plan)
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[2],
            json!({"action": "accept", "image_id": "i1", "image_name": "gold\n=1",
                   "member_id": "a", "from": "pending", "to": "accepted", "consumer": "tenant-a"})
        );
        let json: Value = serde_json::from_str(&render(OutputFormat::Json, &plan)).unwrap();
        assert_eq!(
            json,
            json!({
                "actions": [
                    {"action": "visibility", "image_id": "i1", "image_name": "gold\n=1",
                     "member_id": null, "from": "private", "to": "shared", "consumer": null},
                    {"action": "add", "image_id": "i1", "image_name": "gold\n=1",
                     "member_id": "a", "from": null, "to": "pending", "consumer": null},
                    {"action": "accept", "image_id": "i1", "image_name": "gold\n=1",
                     "member_id": "a", "from": "pending", "to": "accepted",
                     "consumer": "tenant-a"},
                    {"action": "remove", "image_id": "i1", "image_name": "gold\n=1",
                     "member_id": "b", "from": "accepted", "to": null, "consumer": null},
                ],
                "notes": ["n\u{1b}"],
                "in_sync": 14
            })
        );
    }

    /// The rows of csv `text`, as a csv reader reads them back.
    fn csv_rows(text: &str) -> Vec<Vec<String>> {
        ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|row| row.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn markdown_gives_the_cells_of_csv_then_the_notes_and_summary() {
        let mut plan = plan();
        let hostile = [
            "x | y",
            "`rm -rf /`",
            "<img src=x onerror=alert(1)>",
            "**b** [l](https://e.example)",
            "two\nlines",
            "  =SUM(A1)",
        ];
        for (action, name) in plan.actions.iter_mut().zip(hostile.iter().cycle()) {
            action.image_name = (*name).to_string();
        }
        plan.actions[3].member_id = Some("m|<b>`".into());
        plan.notes = vec![
            "names \"*\" | selects `no` <image>".into(),
            "n\u{1b}\n".into(),
        ];
        let markdown = render(OutputFormat::Markdown, &plan);
        let (table, list) = markdown.split_once("\n\n").unwrap();
        // The cells csv shows, without its guard against formulas (a `'` before `=`).
        let csv: Vec<Vec<String>> = csv_rows(&render(OutputFormat::Csv, &plan))
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|cell| cell.strip_prefix('\'').map(str::to_string).unwrap_or(cell))
                    .collect()
            })
            .collect();
        assert_eq!(crate::output::markdown::read_back(table), csv);
        assert_eq!(
            list,
            "- note: names \"\\*\" \\| selects \\`no\\` \\<image\\>\n\
             - note: n\\\\u\\{1b\\}\\\\n\n\
             - plan\\: 1 to add, 1 to accept, 1 to remove, 1 visibility; 14 in sync\n"
        );
        let empty = Plan {
            notes: vec!["a".into()],
            ..Plan::default()
        };
        assert_eq!(
            render(OutputFormat::Markdown, &empty),
            "- note: a\n- plan\\: 0 to add, 0 to accept, 0 to remove, 0 visibility; 0 in sync\n"
        );
    }

    #[test]
    fn an_empty_plan() {
        let plan = Plan::default();
        assert_eq!(render(OutputFormat::Table, &plan), "");
        assert_eq!(render(OutputFormat::Csv, &plan), "");
        assert_eq!(render(OutputFormat::Ndjson, &plan), "");
        assert_eq!(render(OutputFormat::Ids, &plan), "");
        assert_eq!(
            render(OutputFormat::Json, &plan),
            "{\n  \"actions\": [],\n  \"notes\": [],\n  \"in_sync\": 0\n}\n"
        );
    }
}
