//! The plan's actions as steps (the changes sent together, by one sender) and sending
//! them, each with this project's API or its consumer's; the paths checked before.

use std::collections::{BTreeMap, HashSet};

use crate::api::{BatchMembers, ImageApi, Route};
use crate::cli::MemberType;
use crate::commands::session::Session;
use crate::console::Console;
use crate::error::{Error, ErrorKind, Reported};
use crate::share::file::SharesFile;
use crate::share::plan::{Action, ActionKind, Plan};
use crate::text::{is_plain_id, printable};
use crate::url::id_problem;
use crate::work::change::{Action as Change, Changes, Outcome, Pair, RunOptions, settle};
use crate::work::fan_out::collect_in_order;

/// One group of changes sent together: on v2 one request per pair, on v1 one batch job.
#[derive(Debug)]
pub(super) struct Step {
    /// What the changes do.
    kind: ActionKind,
    /// The profile that sends them: a consumer's, or none for this project's own.
    consumer: Option<String>,
    /// The pairs and how they are sent; for an accept, the member is the consumer's
    /// project. A visibility step uses only the pairs' images.
    changes: Changes,
}

/// The plan's actions grouped into steps, in the plan's order. v2: one step per kind (and
/// consumer). v1: one batch per member (and member type) for add and remove. Accept: one
/// per consumer, with its vault (which only a v1 consumer sends).
pub(super) fn steps(file: &SharesFile, plan: &Plan, v1: bool) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for action in &plan.actions {
        let member_kind = match action.member_type {
            MemberType::Project => BatchMembers::Projects,
            MemberType::Domain => BatchMembers::Domains,
            MemberType::Organization => BatchMembers::Organizations,
        };
        let per_member = v1 && matches!(action.kind, ActionKind::Add | ActionKind::Remove);
        let pair = Pair {
            image: action.image_id.clone(),
            member: action.member_id.clone().unwrap_or_default(),
        };
        let same = |step: &&mut Step| {
            step.kind == action.kind
                && step.consumer == action.consumer
                && step.changes.member_kind == member_kind
                && (!per_member || step.changes.pairs[0].member == pair.member)
        };
        match steps.iter_mut().find(same) {
            Some(step) => step.changes.pairs.push(pair),
            None => steps.push(Step {
                kind: action.kind,
                consumer: action.consumer.clone(),
                changes: Changes {
                    action: change_of(action.kind),
                    pairs: vec![pair],
                    member_kind,
                    // Sent only by a v1 consumer (checked before: see `check_vaults`).
                    vault: match action.kind {
                        ActionKind::Accept => action
                            .member_id
                            .as_ref()
                            .and_then(|member| file.consumers.get(member))
                            .and_then(|consumer| consumer.vault_id.clone()),
                        _ => None,
                    },
                },
            }),
        }
    }
    steps
}

/// The share change of a kind of action (a visibility change is none: its step sends
/// its own request).
fn change_of(kind: ActionKind) -> Change {
    match kind {
        ActionKind::Add | ActionKind::Visibility => Change::Add,
        ActionKind::Accept => Change::Accept,
        ActionKind::Remove => Change::Remove,
    }
}

/// The requests of `step`, as a dry run prints them.
pub(super) fn step_lines(api: &ImageApi, step: &Step) -> Vec<String> {
    match step.kind {
        ActionKind::Visibility => step
            .changes
            .pairs
            .iter()
            .map(|pair| api.make_shared(&pair.image).line())
            .collect(),
        _ => step
            .changes
            .requests(api)
            .iter()
            .map(|request| request.line())
            .collect(),
    }
}

/// Sends `step` with `api`: each pair's outcome, in order; a v1 batch that fails is one
/// failure.
fn send_step(
    console: &Console,
    api: &ImageApi,
    step: &Step,
    options: RunOptions,
) -> Result<Vec<Result<Outcome, Error>>, Error> {
    match step.kind {
        ActionKind::Visibility => Ok(collect_in_order(
            &step.changes.pairs,
            options.jobs,
            |pair| {
                api.send(&api.make_shared(&pair.image)).map(|_| Outcome {
                    record: None,
                    note: None,
                })
            },
        )),
        _ => step.changes.run(console, api, options),
    }
}

/// `--jobs` shared between `steps` run side by side and the pairs each fans out (v1: a
/// batch job per member, each read back pair by pair): (steps at once, pairs at once per
/// step), whose product stays within `jobs`, so no more than `jobs` requests (and
/// connections) are ever under way.
fn split_jobs(jobs: u16, steps: usize) -> (u16, u16) {
    let outer = jobs.min(u16::try_from(steps).unwrap_or(u16::MAX)).max(1);
    (outer, (jobs / outer).max(1))
}

/// Who sends a plan's actions, and where: this command's console, the consumers'
/// sessions (by profile), this project's session, API and project.
#[derive(Clone, Copy)]
pub(super) struct Sender<'a> {
    /// The outside world.
    pub(super) console: &'a Console,
    /// The consumers' sessions, by profile.
    pub(super) consumers: &'a BTreeMap<String, Session>,
    /// This project's session.
    pub(super) session: &'a Session,
    /// This project's API.
    pub(super) api: &'a ImageApi<'a>,
    /// This project.
    pub(super) project: &'a str,
}

impl<'a> Sender<'a> {
    /// This command's sender.
    pub(super) fn new(
        console: &'a Console,
        consumers: &'a BTreeMap<String, Session>,
        session: &'a Session,
        api: &'a ImageApi<'a>,
        project: &'a str,
    ) -> Sender<'a> {
        Sender {
            console,
            consumers,
            session,
            api,
            project,
        }
    }
}

/// Sends every step, in order: the steps of one kind and sender together (v1: one batch
/// job per member, polled concurrently). Each pair's note or failure goes to stderr; the
/// first failure, if any.
pub(super) fn send_steps(
    sender: &Sender,
    steps: &[Step],
    jobs: u16,
) -> Result<Option<Error>, Error> {
    let Sender {
        console,
        consumers,
        session,
        api,
        project,
    } = *sender;
    let mut first_failure = None;
    let fail = |first_failure: &mut Option<Error>, err: Error, context: String| {
        console.report(&anyhow::Error::new(err.clone()).context(context));
        first_failure.get_or_insert(err);
    };
    let pairs = steps.iter().map(|step| step.changes.pairs.len()).sum();
    let progress = console.progress(pairs, "pairs", session.settings.verbose > 0);
    for phase in steps.chunk_by(|a, b| a.kind == b.kind && a.consumer == b.consumer) {
        // A consumer signs in as the member it accepts for (checked before).
        let sender = match phase[0].consumer {
            Some(_) => phase[0].changes.pairs[0].member.as_str(),
            None => project,
        };
        let options = RunOptions {
            jobs,
            verbose: session.settings.verbose > 0,
            this_project: Some(sender),
            progress: Some(&progress),
        };
        let results = with_step_api(api, consumers, &phase[0], |api| {
            if is_batch(api, &phase[0]) {
                return send_batches(console, api, phase, options);
            }
            let (outer, inner) = split_jobs(options.jobs, phase.len());
            let inner = RunOptions {
                jobs: inner,
                ..options
            };
            collect_in_order(phase, outer, |step| send_step(console, api, step, inner))
        })?;
        for (step, results) in phase.iter().zip(results) {
            let kind = step.kind.as_str();
            let results = match results {
                Ok(results) => results,
                Err(err) => {
                    let n = step.changes.pairs.len();
                    let context = format!("{kind}: the batch job of {n} image(s)");
                    fail(&mut first_failure, err, context);
                    continue;
                }
            };
            if step.kind != ActionKind::Visibility {
                if let Err(Reported(first)) =
                    settle(console, &step.changes.pairs, results).into_result()
                {
                    first_failure.get_or_insert(first);
                }
                continue;
            }
            for (pair, result) in step.changes.pairs.iter().zip(results) {
                if let Err(err) = result {
                    fail(
                        &mut first_failure,
                        err,
                        format!("{kind} image {}", pair.image),
                    );
                }
            }
        }
    }
    Ok(first_failure)
}

/// Whether `step` is sent as Huawei v1 batch jobs by `api`.
fn is_batch(api: &ImageApi, step: &Step) -> bool {
    matches!(api.route, Route::V1 { .. }) && step.kind != ActionKind::Visibility
}

/// v1: the batch jobs of `phase` side by side, then what they did read back: each image
/// that an add which succeeded changed, listed once, `--jobs` at a time (not once per job:
/// 2,000 images given 5 new members are 2,000 member-list reads, not 10,000); each answer's
/// pairs by the member's own record ([`crate::work::change::Changes::answers_read_back`]: a consumer reads no
/// member list). Each step's outcomes, or its job's failure.
fn send_batches(
    console: &Console,
    api: &ImageApi,
    phase: &[Step],
    options: RunOptions,
) -> Vec<Result<Vec<Result<Outcome, Error>>, Error>> {
    let (outer, inner) = split_jobs(options.jobs, phase.len());
    let inner = RunOptions {
        jobs: inner,
        ..options
    };
    let ended = collect_in_order(phase, outer, |step| {
        let ended = step.changes.run_job(console, api, inner);
        // Its pairs are done (failed or not) once its job ends, as `Changes::run` counts.
        if let Some(progress) = options.progress {
            progress.add(step.changes.pairs.len());
        }
        ended
    });
    let mut seen = HashSet::new();
    let images: Vec<String> = phase
        .iter()
        .zip(&ended)
        .filter(|(step, job)| job.is_ok() && step.changes.lists_members_back())
        .flat_map(|(step, _)| step.changes.images())
        .filter(|image| seen.insert(image.clone()))
        .collect();
    let listed = collect_in_order(&images, options.jobs, |image| api.all_members(image));
    phase
        .iter()
        .zip(ended)
        .map(|(step, job)| {
            job.map(|id| match step.changes.reads_own_records() {
                true => step.changes.answers_read_back(api, &id, options.jobs),
                false => step.changes.outcomes(&id, &images, &listed),
            })
        })
        .collect()
}

/// Runs `work` with the API that sends `step`: this project's, or its consumer's.
pub(super) fn with_step_api<R>(
    api: &ImageApi,
    consumers: &BTreeMap<String, Session>,
    step: &Step,
    work: impl FnOnce(&ImageApi) -> R,
) -> Result<R, Error> {
    match &step.consumer {
        None => Ok(work(api)),
        Some(profile) => consumers
            .get(profile)
            .ok_or_else(|| no_session(profile))?
            .with_api(work),
    }
}

/// A consumer's step without the consumer's session: never sent with this project's.
pub(super) fn no_session(profile: &str) -> Error {
    Error::new(
        ErrorKind::Unexpected,
        format!("consumer profile {profile}: no session was opened for it"),
    )
}

/// Every image and member an action names must be one path segment (exit 2, nothing
/// sent) and one plain word ([`unplain`]): IDs read from the service are not checked as
/// the file's are, and a member `..` would make `DELETE …/images/{id}/members/..`, which
/// resolves to the image itself. An organization's URN travels only in a v1 body.
pub(super) fn check_paths(plan: &Plan) -> Result<(), Error> {
    check_sendable(plan, "nothing was sent")
}

/// [`check_paths`] of what is left to send, `sent` saying what went out before (exit 2).
pub(super) fn check_sendable(plan: &Plan, sent: &str) -> Result<(), Error> {
    match plan.actions.iter().find_map(unsendable) {
        Some(why) => Err(Error::usage(format!("{why}; {sent}"))),
        None => Ok(()),
    }
}

/// Why `action` cannot be sent as it is ([`check_paths`]), if it cannot.
fn unsendable(action: &Action) -> Option<String> {
    let member = action
        .member_id
        .as_deref()
        .filter(|_| action.member_type != MemberType::Organization);
    let (what, id) = match member {
        Some(member) if id_problem(member).is_some() => ("member", member),
        _ => ("image", action.image_id.as_str()),
    };
    if let Some(why) = id_problem(id) {
        let of = match what {
            "member" => format!(" of image {}", action.image_id),
            _ => String::new(),
        };
        return Some(format!(
            "cannot send the {} of {what} `{id}`{of}: its ID {why} in a request path",
            action.kind.as_str()
        ));
    }
    unplain(action)
}

/// Every image and member ID an action names must be one plain word: an ID with
/// whitespace, a control, line-separator or bidi character cannot be shown as it is in
/// every output format, and the format must not decide whether apply acts.
fn unplain(action: &Action) -> Option<String> {
    let ids = [
        ("image", Some(&action.image_id)),
        ("member", action.member_id.as_ref()),
    ];
    ids.into_iter().find_map(|(what, id)| {
        id.filter(|id| !is_plain_id(id)).map(|id| {
            format!(
                "cannot send the {} of {what} `{}`: its ID holds whitespace or a control, \
                 line-separator or bidi character, which no output shows as it is",
                action.kind.as_str(),
                printable(id)
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_side_by_side_share_the_jobs_with_their_pairs() {
        assert_eq!(split_jobs(8, 1), (1, 8));
        assert_eq!(split_jobs(8, 2), (2, 4));
        assert_eq!(split_jobs(8, 5), (5, 1));
        assert_eq!(split_jobs(8, 100), (8, 1));
        assert_eq!(split_jobs(1, 3), (1, 1));
        assert_eq!(split_jobs(8, 0), (1, 8));
        for jobs in 1..=64 {
            for steps in 0..=70 {
                let (outer, inner) = split_jobs(jobs, steps);
                assert!(
                    u32::from(outer) * u32::from(inner) <= u32::from(jobs),
                    "{jobs} {steps}"
                );
            }
        }
    }
}
