//! Saved plans: `share plan --out PLAN` writes the plan with what it was made from;
//! `share apply --plan PLAN` reads the images it concerns again and, only when none
//! moved, sends exactly its actions with the machinery of `share apply`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::steps::check_paths;
use crate::api::{ImageApi, Route};
use crate::console::Console;
use crate::error::{Error, ErrorKind, Reported};
use crate::files::{read_small_text, replace_private};
use crate::model::image::Image;
use crate::share::file::{Consumer, SharesFile};
use crate::share::plan::{ImageFacts, Plan, PlanOptions, reads_members};
use crate::share::saved::{
    Observed, SavedPlan, VERSION, differences, not_taken, read, saved_action,
};
use crate::url::check_id;
use crate::work::fan_out::collect_in_order;

/// Writes `plan` to `out` (mode 0600, replaced whole) as a saved plan, with what it was
/// made from and every concerned image as read (`seen`).
pub(super) fn save(
    out: &Path,
    api: &ImageApi,
    project: &str,
    file: &SharesFile,
    plan: &Plan,
    seen: Vec<Observed>,
) -> Result<(), Error> {
    let saved = saved_plan(api, project, file, plan, seen);
    let failed = |err: &dyn std::fmt::Display| {
        Error::config(format!("cannot write the plan to {}: {err}", out.display()))
    };
    let mut text = serde_json::to_vec_pretty(&saved).map_err(|err| failed(&err))?;
    text.push(b'\n');
    replace_private(out, &text).map_err(|err| failed(&err))
}

/// The saved form of `plan`: what it was made from, and only the images its actions
/// concern out of those `seen`.
fn saved_plan(
    api: &ImageApi,
    project: &str,
    file: &SharesFile,
    plan: &Plan,
    seen: Vec<Observed>,
) -> SavedPlan {
    let concerned: BTreeSet<&str> = plan.actions.iter().map(|a| a.image_id.as_str()).collect();
    let vault = |member: &Option<String>| {
        member
            .as_ref()
            .and_then(|member| file.consumers.get(member))
            .and_then(|consumer| consumer.vault_id.as_deref())
    };
    SavedPlan {
        ims_plan: VERSION,
        endpoint: api.endpoint.to_string(),
        project: project.to_string(),
        api: api_name(api.route).to_string(),
        sharing_rules: api.sharing_rules().name().to_string(),
        file: file.name.clone(),
        file_sha256: file.sha256.clone(),
        created_at: jiff::Timestamp::now().to_string(),
        observed: seen
            .into_iter()
            .filter(|image| concerned.contains(image.image_id.as_str()))
            .collect(),
        actions: plan
            .actions
            .iter()
            .map(|action| saved_action(action, vault(&action.member_id)))
            .collect(),
        notes: plan.notes.clone(),
    }
}

/// `v2` or `v1`.
fn api_name(route: &Route) -> &'static str {
    match route {
        Route::V2 => "v2",
        Route::V1 { .. } => "v1",
    }
}

/// A saved plan read from `path`: the plan itself, its actions as a plan to send, and its
/// consumers as a shares file holds them. Exit 2 when it is no plan this `ims` reads, or
/// names an image or member ID that is not one path segment (the file is input: an image
/// it observed is read again, its actions sent, and neither may leave its path).
pub(super) fn load(path: &Path) -> Result<(SavedPlan, Plan, SharesFile), Error> {
    let name = path.display().to_string();
    let text = read_small_text(path, &format!("saved plan {name}"))?
        .ok_or_else(|| Error::usage(format!("saved plan {name} does not exist")))?;
    let saved = read(&name, &text)?;
    for image in &saved.observed {
        check_id("observed image ID", &image.image_id).map_err(|err| err.prefixed(&name))?;
    }
    let plan = saved.plan().map_err(|err| err.prefixed(&name))?;
    check_paths(&plan).map_err(|err| err.prefixed(&name))?;
    let file = consumers_file(&name, &saved);
    Ok((saved, plan, file))
}

/// Reads the images `saved` concerns again: when any differs from what the plan was made
/// on (or the endpoint, project or API is another), each difference on stderr and exit 11.
pub(super) fn check_unmoved(
    console: &Console,
    api: &ImageApi,
    project: &str,
    saved: &SavedPlan,
    name: &str,
    options: PlanOptions,
    jobs: u16,
) -> Result<(), Error> {
    let (endpoint, api_now) = (api.endpoint.to_string(), api_name(api.route));
    let rules_now = api.sharing_rules().name();
    let same_place = (
        saved.endpoint.as_str(),
        saved.project.as_str(),
        saved.api.as_str(),
    ) == (endpoint.as_str(), project, api_now);
    let moved = if !same_place {
        vec![format!(
            "the plan was made against endpoint {}, project {} ({}); this is endpoint \
             {endpoint}, project {project} ({api_now})",
            saved.endpoint, saved.project, saved.api
        )]
    } else if saved.sharing_rules != rules_now {
        // Its actions were planned for other rules (a visibility change only Glance takes).
        vec![format!(
            "the plan was made under {} sharing rules; the service now follows {rules_now}'s",
            saved.sharing_rules
        )]
    } else {
        differences(
            &saved.observed,
            &reread(api, &saved.observed, options, jobs)?,
        )
    };
    if moved.is_empty() {
        return Ok(());
    }
    for difference in &moved {
        console.diag(&format!("stale: {difference}"));
    }
    Err(Error::new(
        ErrorKind::Stale,
        format!(
            "the cloud moved since {name} was made ({} difference(s)): nothing was sent; make \
             a new plan",
            moved.len()
        ),
    ))
}

/// Reads the images `saved` concerns back after `plan` was sent: exit 0 when every action
/// took effect, else each one that did not on stderr and the first failure (6 when none
/// failed outright).
pub(super) fn read_back(
    console: &Console,
    api: &ImageApi,
    (saved, plan, name): (&SavedPlan, &Plan, &str),
    options: PlanOptions,
    jobs: u16,
    first_failure: Option<Error>,
) -> anyhow::Result<()> {
    let now: BTreeMap<String, Observed> = reread(api, &saved.observed, options, jobs)?
        .into_iter()
        .flatten()
        .map(|image| (image.image_id.clone(), image))
        .collect();
    let missing = not_taken(plan, &now);
    if missing.is_empty() {
        console.diag(&format!(
            "applied: every action of {name} took effect ({})",
            plan.actions.len()
        ));
        return Ok(());
    }
    for action in &missing {
        console.diag(&format!("not applied: {action}"));
    }
    let first = first_failure.unwrap_or_else(|| {
        Error::new(
            ErrorKind::Http,
            format!("{} action(s) of {name} did not take effect", missing.len()),
        )
    });
    Err(Reported(first).into())
}

/// The consumers a saved plan's accepts name, as a shares file holds them, so that they
/// are checked and sign in as `share apply` signs them in.
fn consumers_file(name: &str, saved: &SavedPlan) -> SharesFile {
    let consumers = saved
        .actions
        .iter()
        .filter_map(|action| {
            let consumer = Consumer {
                profile: action.consumer.clone()?,
                vault_id: action.vault_id.clone(),
                line: 0,
            };
            Some((action.member_id.clone()?, consumer))
        })
        .collect();
    SharesFile {
        name: name.to_string(),
        consumers,
        ..SharesFile::default()
    }
}

/// The images `observed` names, read again as the planner read them: `None` for one that
/// is gone.
fn reread(
    api: &ImageApi,
    observed: &[Observed],
    options: PlanOptions,
    jobs: u16,
) -> Result<Vec<Option<Observed>>, Error> {
    collect_in_order(observed, jobs, |was| {
        let id = &was.image_id;
        let image: Image = match api.show_image(id) {
            Ok(image) => image,
            Err(err) if err.kind() == ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(err.prefixed(&format!("image {id}"))),
        };
        let facts = ImageFacts::of(&image);
        let members = match reads_members(&facts, options) {
            true => api
                .all_members(id)
                .map_err(|err| err.prefixed(&format!("the members of image {id}")))?,
            false => Vec::new(),
        };
        Ok(Some(Observed::of(
            id,
            facts.visibility.as_deref(),
            &members,
        )))
    })
    .into_iter()
    .collect()
}
