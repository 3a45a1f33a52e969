//! `ims member add|remove|accept|reject`: changing shares. Every (image, member) pair is a
//! unit of work, sent `--jobs` at a time on v2 (one batch job on Huawei's v1) and reported
//! in input order. Idempotent by outcome: adding a member that is there, or removing one
//! that is not (from an image that exists), succeeds and says so on stderr.

use std::io::{BufRead, IsTerminal, Write};

use super::member::{expand_stdin, fetch_in_order, worker_limit};
use super::session::Session;
use crate::api::{BatchMembers, Change, ImageApi, Route};
use crate::cli::{AddArgs, AnswerArgs, ChangeArgs, GlobalArgs, MemberType, RemoveArgs};
use crate::error::{Error, ErrorKind, Failures, diag};
use crate::model::Member;
use crate::output::{self, ImageMembers, MemberStream};
use crate::url::check_id;

/// What a share change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Share an image with a member.
    Add,
    /// Stop sharing an image with a member.
    Remove,
    /// This project accepts an image shared with it.
    Accept,
    /// This project rejects an image shared with it.
    Reject,
}

impl Action {
    /// The membership status an answer sets.
    fn status(self) -> &'static str {
        match self {
            Action::Accept => "accepted",
            _ => "rejected",
        }
    }
}

/// One unit of work.
#[derive(Debug, Clone)]
struct Pair {
    image: String,
    member: String,
}

/// What became of one pair: the member's record as it now is (none after a removal) and
/// a note for stderr.
struct Outcome {
    record: Option<Member>,
    note: Option<String>,
}

/// `ims member add IMAGE|- MEMBER...`
pub(crate) fn add(global: &GlobalArgs, args: AddArgs) -> anyhow::Result<()> {
    let (_, pairs) = pairs_of(args.pairs.image_id, &args.pairs.member_ids)?;
    let session = Session::open(global)?;
    let kind = batch_members(&session, args.pairs.member_type)?;
    run(&session, Action::Add, pairs, kind, &args.change)
}

/// `ims member remove IMAGE|- MEMBER... [--yes]`
pub(crate) fn remove(global: &GlobalArgs, args: RemoveArgs) -> anyhow::Result<()> {
    let (images, pairs) = pairs_of(args.pairs.image_id, &args.pairs.member_ids)?;
    if !args.change.dry_run && !args.yes {
        confirm(&pairs, images)?;
    }
    let session = Session::open(global)?;
    let kind = batch_members(&session, args.pairs.member_type)?;
    run(&session, Action::Remove, pairs, kind, &args.change)
}

/// What the v1 batch body names the members: `--member-type`, which v2 does not take.
fn batch_members(
    session: &Session,
    member_type: Option<MemberType>,
) -> Result<BatchMembers, Error> {
    match (session.route(), member_type) {
        (Route::V2, Some(_)) => Err(Error::usage(
            "--member-type is for Huawei's v1 API (--api v1); the v2 API shares with \
             projects only",
        )),
        (_, None | Some(MemberType::Project)) => Ok(BatchMembers::Projects),
        (_, Some(MemberType::Domain)) => Ok(BatchMembers::Domains),
        (_, Some(MemberType::Organization)) => Ok(BatchMembers::Organizations),
    }
}

/// `ims member accept IMAGE...|-`
pub(crate) fn accept(global: &GlobalArgs, args: AnswerArgs) -> anyhow::Result<()> {
    answer(global, args, Action::Accept)
}

/// `ims member reject IMAGE...|-`
pub(crate) fn reject(global: &GlobalArgs, args: AnswerArgs) -> anyhow::Result<()> {
    answer(global, args, Action::Reject)
}

/// This project's answer to images shared with it: accepted or rejected.
fn answer(global: &GlobalArgs, args: AnswerArgs, action: Action) -> anyhow::Result<()> {
    let images = expand_stdin(args.image_ids)?;
    for image in &images {
        check_id("image ID", image)?;
    }
    let session = Session::open(global)?;
    session.with_api(|api| {
        let project = session.this_project(api)?;
        let pairs = images
            .iter()
            .map(|image| Pair {
                image: image.clone(),
                member: project.clone(),
            })
            .collect();
        apply(
            &session,
            api,
            action,
            pairs,
            BatchMembers::Projects,
            &args.change,
        )
    })?
}

/// Every image (`image`, or the IDs on stdin for `-`) with every member, images first,
/// and how many images; IDs checked before anything is sent.
fn pairs_of(image: String, members: &[String]) -> Result<(usize, Vec<Pair>), Error> {
    let images = expand_stdin(vec![image])?;
    for image in &images {
        check_id("image ID", image)?;
    }
    for member in members {
        check_id("member ID", member)?;
    }
    let pairs = images
        .iter()
        .flat_map(|image| {
            members.iter().map(|member| Pair {
                image: image.clone(),
                member: member.clone(),
            })
        })
        .collect();
    Ok((images.len(), pairs))
}

/// Asks `remove N member(s) from M image(s)? [y/N]` when stdin and stderr are a
/// terminal; anything but `y`/`yes` stops. Off a terminal, `--yes` is needed (exit 2).
fn confirm(pairs: &[Pair], images: usize) -> Result<(), Error> {
    let mut members: Vec<&str> = pairs.iter().map(|pair| pair.member.as_str()).collect();
    members.sort_unstable();
    members.dedup();
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(Error::usage(
            "member remove needs --yes when it cannot ask on a terminal; nothing was sent",
        ));
    }
    let mut stderr = std::io::stderr().lock();
    let _ = write!(
        stderr,
        "remove {} member(s) from {images} image(s)? [y/N] ",
        members.len()
    );
    let _ = stderr.flush();
    let mut reply = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut reply)
        .map_err(|err| Error::usage(format!("cannot read the answer: {err}")))?;
    match reply.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Error::usage("not confirmed; nothing was sent")),
    }
}

/// Opens the API and applies `action` to `pairs`.
fn run(
    session: &Session,
    action: Action,
    pairs: Vec<Pair>,
    kind: BatchMembers,
    change: &ChangeArgs,
) -> anyhow::Result<()> {
    session.with_api(|api| apply(session, api, action, pairs, kind, change))?
}

/// Applies `action` to `pairs` (or, with `--dry-run`, prints what it would send), then
/// reports every pair in input order.
fn apply(
    session: &Session,
    api: &ImageApi,
    action: Action,
    pairs: Vec<Pair>,
    kind: BatchMembers,
    change: &ChangeArgs,
) -> anyhow::Result<()> {
    let v1 = matches!(api.route, Route::V1 { .. });
    if change.dry_run {
        let lines: Vec<String> = match v1 {
            true => vec![batch_change(api, action, &pairs, kind).line()],
            false => pairs
                .iter()
                .map(|pair| pair_change(api, action, pair).line())
                .collect(),
        };
        output::to_stdout(|out| {
            lines
                .iter()
                .try_for_each(|line| writeln!(out, "{line}"))
                .map_err(output::write_error)
        })?;
        return Ok(());
    }
    let results = match v1 {
        true => apply_batch(api, action, &pairs, kind),
        false => {
            let jobs = usize::from(change.jobs).min(worker_limit().unwrap_or(usize::MAX));
            let mut results = Vec::with_capacity(pairs.len());
            fetch_in_order(
                &pairs,
                jobs,
                |pair| apply_one(api, action, pair),
                |_, result| {
                    results.push(result);
                    Ok(())
                },
            )?;
            results
        }
    };
    report(session, action, &pairs, results)
}

/// The v2 request for one pair.
fn pair_change(api: &ImageApi, action: Action, pair: &Pair) -> Change {
    match action {
        Action::Add => api.add_member(&pair.image, &pair.member),
        Action::Remove => api.remove_member(&pair.image, &pair.member),
        Action::Accept | Action::Reject => {
            api.answer_share(&pair.image, &pair.member, action.status())
        }
    }
}

/// The v1 batch request for all pairs: every image once, every member once.
fn batch_change(api: &ImageApi, action: Action, pairs: &[Pair], kind: BatchMembers) -> Change {
    let unique = |pick: fn(&Pair) -> &String| {
        let mut seen = Vec::new();
        for pair in pairs {
            if !seen.contains(pick(pair)) {
                seen.push(pick(pair).clone());
            }
        }
        seen
    };
    let images = unique(|pair| &pair.image);
    match action {
        Action::Add => api.batch_members("POST", &images, &unique(|pair| &pair.member), kind),
        Action::Remove => api.batch_members("DELETE", &images, &unique(|pair| &pair.member), kind),
        Action::Accept | Action::Reject => {
            let project = pairs.first().map_or("", |pair| pair.member.as_str());
            api.batch_answer(&images, project, action.status())
        }
    }
}

/// v2: sends one pair's change and works out what it means.
fn apply_one(api: &ImageApi, action: Action, pair: &Pair) -> Result<Outcome, Error> {
    let change = pair_change(api, action, pair);
    match (action, api.send(&change)) {
        (Action::Remove, Ok(_)) => Ok(Outcome {
            record: None,
            note: Some(format!("removed {} from image {}", pair.member, pair.image)),
        }),
        (_, Ok(answer)) => Ok(Outcome {
            record: Some(record_of(&change, answer)?),
            note: None,
        }),
        (Action::Add, Err(err)) if err.status() == Some(409) => {
            let note = match err.retries() {
                0 => format!(
                    "{} is already a member of image {}",
                    pair.member, pair.image
                ),
                _ => format!(
                    "{} is a member of image {} (a retried request found it added)",
                    pair.member, pair.image
                ),
            };
            Ok(Outcome {
                record: Some(api.show_member(&pair.image, &pair.member)?),
                note: Some(note),
            })
        }
        (Action::Remove, Err(err)) if err.status() == Some(404) => {
            // A missing member or a missing image: asking for the member list tells.
            api.list_members(&pair.image, None, &mut |_| Ok(()))?;
            Ok(Outcome {
                record: None,
                note: Some(format!(
                    "{} is not a member of image {}: nothing to remove",
                    pair.member, pair.image
                )),
            })
        }
        (_, Err(err)) => Err(err),
    }
}

/// The member record a change answered with.
fn record_of(change: &Change, answer: Option<serde_json::Value>) -> Result<Member, Error> {
    let answer = answer.unwrap_or(serde_json::Value::Null);
    serde_json::from_value(answer).map_err(|err| {
        Error::bad_answer(format!(
            "{} {}: the answer is not a member: {err}",
            change.method, change.url
        ))
    })
}

/// v1: one batch request, its job polled to the end (progress on a terminal), then each
/// pair's record read back (none after a removal).
fn apply_batch(
    api: &ImageApi,
    action: Action,
    pairs: &[Pair],
    kind: BatchMembers,
) -> Vec<Result<Outcome, Error>> {
    let change = batch_change(api, action, pairs, kind);
    let progress = std::io::stderr().is_terminal();
    let done = api.start_job(&change).and_then(|job_id| {
        let mut last = String::new();
        api.wait_for_job(&job_id, &mut |job| {
            let status = job.status_text();
            if progress && status != last {
                diag(&format!("job {job_id}: {status}"));
                last = status;
            }
        })
    });
    if let Err(err) = done {
        // The batch is one unit for the service: every pair shares its fate.
        let first = Err(err);
        let mut results = vec![first];
        results.extend(pairs.iter().skip(1).map(|_| {
            Err(Error::new(
                ErrorKind::Http,
                "not done: the batch job did not succeed",
            ))
        }));
        return results;
    }
    pairs
        .iter()
        .map(|pair| match action {
            Action::Remove => Ok(Outcome {
                record: None,
                note: Some(format!("removed {} from image {}", pair.member, pair.image)),
            }),
            _ => api
                .show_member(&pair.image, &pair.member)
                .map(|member| Outcome {
                    record: Some(member),
                    note: None,
                }),
        })
        .collect()
}

/// Prints the records of the pairs that succeeded (as `member list` does), the notes and
/// failures on stderr, in input order; the exit code is the first failure's.
fn report(
    session: &Session,
    action: Action,
    pairs: &[Pair],
    results: Vec<Result<Outcome, Error>>,
) -> anyhow::Result<()> {
    let mut failures = Vec::new();
    let mut records = Vec::new();
    for (pair, result) in pairs.iter().zip(results) {
        match result {
            Ok(outcome) => {
                if let Some(note) = outcome.note {
                    diag(&note);
                }
                records.extend(outcome.record.map(|record| (pair.image.clone(), record)));
            }
            Err(err) => failures.push(
                anyhow::Error::new(err)
                    .context(format!("image {}, member {}", pair.image, pair.member)),
            ),
        }
    }
    if action != Action::Remove {
        let format = session.settings.output.value;
        output::to_stdout(|out| {
            let mut stream = MemberStream::new(out, format);
            for (image, record) in records {
                let mut held = ImageMembers::new(format, &image);
                held.push(record)?;
                let unprintable = stream.image(held).map_err(output::write_error)?;
                failures.extend(
                    unprintable
                        .into_iter()
                        .map(|err| anyhow::Error::new(err).context(format!("image {image}"))),
                );
            }
            stream
                .finish(failures.is_empty())
                .map_err(output::write_error)
        })?;
    }
    match failures.len() {
        0 => Ok(()),
        1 => Err(failures.remove(0)),
        _ => Err(Failures(failures).into()),
    }
}
