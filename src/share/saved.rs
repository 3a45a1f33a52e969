//! Saved plans (`share plan --out PLAN`, `share apply --plan PLAN`): the plan as a JSON
//! file together with what it was computed from (endpoint, project, API, sharing rules,
//! the shares file's digest, and every concerned image as read), never a credential; what
//! differs when the cloud is read again; and whether each action took effect. Pure.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::plan::{Action, ActionKind, Plan, identity};
use crate::cli::MemberType;
use crate::error::Error;
use crate::model::Member;

/// The version of the saved plan's format this `ims` writes and reads.
pub(crate) const VERSION: u64 = 1;

/// A saved plan, as written to and read from the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SavedPlan {
    /// The format's version ([`VERSION`]).
    pub(crate) ims_plan: u64,
    /// The image endpoint the plan was made against.
    pub(crate) endpoint: String,
    /// This project, as the plan was made.
    pub(crate) project: String,
    /// `v2` or `v1`.
    pub(crate) api: String,
    /// `glance` or `huawei`.
    pub(crate) sharing_rules: String,
    /// The shares file's name.
    pub(crate) file: String,
    /// The SHA-256 of the shares file's text, in hex.
    pub(crate) file_sha256: String,
    /// When the plan was made (RFC 3339, UTC).
    pub(crate) created_at: String,
    /// Every image an action concerns, as read.
    pub(crate) observed: Vec<Observed>,
    /// The actions, in the order they are applied.
    pub(crate) actions: Vec<SavedAction>,
    /// The plan's notes.
    pub(crate) notes: Vec<String>,
}

/// An image as read: its visibility and its members' statuses (none when its members
/// are not read: a public image, or a private one under Glance rules).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Observed {
    /// The image.
    pub(crate) image_id: String,
    /// Its visibility, as the service said.
    pub(crate) visibility: Option<String>,
    /// Member ID (an organization's URN) → status.
    pub(crate) members: BTreeMap<String, String>,
}

impl Observed {
    /// `image_id` as read: its `visibility` and `members`.
    pub(crate) fn of(image_id: &str, visibility: Option<&str>, members: &[Member]) -> Observed {
        Observed {
            image_id: image_id.to_string(),
            visibility: visibility.map(str::to_string),
            members: members
                .iter()
                .map(|member| {
                    let status = member.status_text().unwrap_or("unknown");
                    (identity(member).0.to_string(), status.to_string())
                })
                .collect(),
        }
    }
}

/// One action as the plan's `json` output writes it, with what sending it needs beyond
/// (the member type on Huawei's v1 API, a consumer's vault).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SavedAction {
    /// `visibility`, `add`, `accept` or `remove`.
    pub(crate) action: String,
    /// The image.
    pub(crate) image_id: String,
    /// Its name.
    pub(crate) image_name: String,
    /// The member, if any.
    pub(crate) member_id: Option<String>,
    /// The state before.
    pub(crate) from: Option<String>,
    /// The state after.
    pub(crate) to: Option<String>,
    /// The consumer profile that accepts.
    pub(crate) consumer: Option<String>,
    /// `project`, `domain` or `organization`.
    #[serde(default = "project", skip_serializing_if = "is_project")]
    pub(crate) member_type: String,
    /// Huawei v1: the vault the consumer accepts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) vault_id: Option<String>,
}

/// The default member type.
fn project() -> String {
    "project".to_string()
}

/// Whether `member_type` is the default.
fn is_project(member_type: &String) -> bool {
    member_type == "project"
}

/// `action` as saved, with the consumer's `vault`.
pub(crate) fn saved_action(action: &Action, vault: Option<&str>) -> SavedAction {
    SavedAction {
        action: action.kind.as_str().to_string(),
        image_id: action.image_id.clone(),
        image_name: action.image_name.clone(),
        member_id: action.member_id.clone(),
        from: action.from.clone(),
        to: action.to.clone(),
        consumer: action.consumer.clone(),
        member_type: match action.member_type {
            MemberType::Project => "project",
            MemberType::Domain => "domain",
            MemberType::Organization => "organization",
        }
        .to_string(),
        vault_id: vault.map(str::to_string),
    }
}

/// Reads a saved plan's text (`name` in messages): an unknown `ims_plan` version or a file
/// that is not a plan is exit 2.
pub(crate) fn read(name: &str, text: &str) -> Result<SavedPlan, Error> {
    let version = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|value| value.get("ims_plan").and_then(serde_json::Value::as_u64));
    match version {
        Some(VERSION) => {}
        Some(other) => {
            return Err(Error::usage(format!(
                "{name}: a saved plan of version {other}; this ims reads version {VERSION}"
            )));
        }
        None => {
            return Err(Error::usage(format!(
                "{name}: not a saved plan (`ims share plan --out` writes one)"
            )));
        }
    }
    serde_json::from_str(text)
        .map_err(|err| Error::usage(format!("{name}: not a saved plan of version 1: {err}")))
}

impl SavedPlan {
    /// The saved actions as a plan to send; an unknown action or member type is exit 2.
    pub(crate) fn plan(&self) -> Result<Plan, Error> {
        let mut plan = Plan {
            notes: self.notes.clone(),
            ..Plan::default()
        };
        for saved in &self.actions {
            let kind = match saved.action.as_str() {
                "visibility" => ActionKind::Visibility,
                "add" => ActionKind::Add,
                "accept" => ActionKind::Accept,
                "remove" => ActionKind::Remove,
                other => return Err(Error::usage(format!("unknown action `{other}`"))),
            };
            let member_type = match saved.member_type.as_str() {
                "project" => MemberType::Project,
                "domain" => MemberType::Domain,
                "organization" => MemberType::Organization,
                other => return Err(Error::usage(format!("unknown member type `{other}`"))),
            };
            plan.actions.push(Action {
                kind,
                image_id: saved.image_id.clone(),
                image_name: saved.image_name.clone(),
                member_id: saved.member_id.clone(),
                member_type,
                from: saved.from.clone(),
                to: saved.to.clone(),
                consumer: saved.consumer.clone(),
            });
        }
        Ok(plan)
    }
}

/// Each way the cloud read again (`now`: one entry per image of `then`, `None` when it is
/// gone) differs from what the plan was made on (`then`).
pub(crate) fn differences(then: &[Observed], now: &[Option<Observed>]) -> Vec<String> {
    let mut found = Vec::new();
    for (was, is) in then.iter().zip(now) {
        let image = &was.image_id;
        let Some(is) = is else {
            found.push(format!("image {image} is gone"));
            continue;
        };
        if was.visibility != is.visibility {
            found.push(format!(
                "image {image}: visibility was {}, is {}",
                shown(&was.visibility),
                shown(&is.visibility)
            ));
        }
        for (member, status) in &was.members {
            match is.members.get(member) {
                None => found.push(format!(
                    "image {image}: member {member} went (it was {status})"
                )),
                Some(now) if now != status => found.push(format!(
                    "image {image}: member {member} answered: it was {status}, is {now}"
                )),
                Some(_) => {}
            }
        }
        for (member, status) in &is.members {
            if !was.members.contains_key(member) {
                found.push(format!(
                    "image {image}: member {member} appeared ({status})"
                ));
            }
        }
    }
    found
}

/// A state, or `none`.
fn shown(state: &Option<String>) -> &str {
    state.as_deref().unwrap_or("none")
}

/// The actions of `plan` that did not take effect, as the cloud reads now (`now`, by
/// image; an image missing from it is gone), each named.
pub(crate) fn not_taken(plan: &Plan, now: &BTreeMap<String, Observed>) -> Vec<String> {
    let mut missing = Vec::new();
    for action in &plan.actions {
        let image = now.get(&action.image_id);
        let member = action.member_id.as_deref().unwrap_or_default();
        let status = image.and_then(|image| image.members.get(member));
        let took = match action.kind {
            ActionKind::Visibility => {
                image.and_then(|image| image.visibility.as_deref()) == action.to.as_deref()
            }
            ActionKind::Add => status.is_some(),
            ActionKind::Accept => status.map(String::as_str) == Some("accepted"),
            ActionKind::Remove => image.is_some() && status.is_none(),
        };
        if !took {
            missing.push(format!("{} did not take effect", action.describe()));
        }
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn observed(id: &str, visibility: &str, members: &[(&str, &str)]) -> Observed {
        Observed {
            image_id: id.into(),
            visibility: Some(visibility.into()),
            members: members
                .iter()
                .map(|(m, s)| (m.to_string(), s.to_string()))
                .collect(),
        }
    }

    #[test]
    fn every_difference_is_named() {
        let then = [
            observed("i1", "shared", &[("a", "pending"), ("b", "accepted")]),
            observed("i2", "private", &[]),
            observed("i3", "shared", &[]),
        ];
        let now = [
            Some(observed(
                "i1",
                "shared",
                &[("a", "accepted"), ("c", "pending")],
            )),
            Some(observed("i2", "shared", &[])),
            None,
        ];
        assert_eq!(
            differences(&then, &now),
            [
                "image i1: member a answered: it was pending, is accepted",
                "image i1: member b went (it was accepted)",
                "image i1: member c appeared (pending)",
                "image i2: visibility was private, is shared",
                "image i3 is gone",
            ]
        );
        assert!(differences(&then, &then.clone().map(Some)).is_empty());
    }

    #[test]
    fn versions_other_than_1_are_refused() {
        let err = read("p.json", r#"{"ims_plan": 2}"#).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Usage);
        assert_eq!(
            err.to_string(),
            "p.json: a saved plan of version 2; this ims reads version 1"
        );
        let err = read("p.json", "[]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.json: not a saved plan (`ims share plan --out` writes one)"
        );
    }
}
