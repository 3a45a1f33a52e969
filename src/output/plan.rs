//! The plan of `ims share plan|check|apply`: one row per action. `table` and `csv`: the
//! Action, Image ID, Image Name, Member ID, From and To columns (`—` where nothing is);
//! `json`: one object with the actions, the notes and the in-sync count; `ids`: each image
//! with an action, once.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::csv::write_csv;
use super::ids::unprintable_id;
use super::json::write_json;
use super::table::{Rows, write_table};
use crate::cli::OutputFormat;
use crate::error::Error;
use crate::share::plan::{Action, Plan};
use crate::text::is_plain_id;

/// The columns of the plan's table and csv.
const PLAN_COLUMNS: &[&str] = &[
    "Action",
    "Image ID",
    "Image Name",
    "Member ID",
    "From",
    "To",
];

/// An action as JSON: every key present, `null` where the table shows `—`.
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
/// print). A plan without actions is an empty table (nothing at all) or csv (its header).
pub(crate) fn write_plan(
    out: &mut dyn Write,
    format: OutputFormat,
    plan: &Plan,
) -> io::Result<Vec<Error>> {
    let mut rows = Rows::default();
    let dash = |value: &Option<String>| value.clone().unwrap_or_else(|| "—".to_string());
    for action in &plan.actions {
        rows.push([
            action.kind.as_str().to_string(),
            action.image_id.clone(),
            action.image_name.clone(),
            dash(&action.member_id),
            dash(&action.from),
            dash(&action.to),
        ]);
    }
    match format {
        OutputFormat::Table if plan.actions.is_empty() => {}
        OutputFormat::Table => write_table(out, PLAN_COLUMNS, &[&rows])?,
        OutputFormat::Csv => write_csv(out, PLAN_COLUMNS, &[&rows])?,
        OutputFormat::Json => {
            let actions: Vec<Map<String, Value>> = plan.actions.iter().map(action_json).collect();
            let object = json!({"actions": actions, "notes": plan.notes, "in_sync": plan.in_sync});
            write_json(out, &object)?;
        }
        OutputFormat::Ids => {
            let mut errors = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for action in &plan.actions {
                let id = &action.image_id;
                if !seen.insert(id) {
                    continue;
                }
                match is_plain_id(id) {
                    true => writeln!(out, "{id}")?,
                    false => errors.push(unprintable_id("image ID", id)),
                }
            }
            return Ok(errors);
        }
    }
    Ok(Vec::new())
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

    #[test]
    fn an_empty_plan() {
        let plan = Plan::default();
        assert_eq!(render(OutputFormat::Table, &plan), "");
        assert_eq!(
            render(OutputFormat::Csv, &plan),
            "Action,Image ID,Image Name,Member ID,From,To\n"
        );
        assert_eq!(render(OutputFormat::Ids, &plan), "");
        assert_eq!(
            render(OutputFormat::Json, &plan),
            "{\n  \"actions\": [],\n  \"notes\": [],\n  \"in_sync\": 0\n}\n"
        );
    }
}
