//! `ims member add|remove|accept|reject`: changing shares. Every (image, member) pair is a
//! unit of work, sent `--jobs` at a time on v2 (one batch job on Huawei's v1) and reported
//! in input order. Idempotent by outcome: adding a member that is there, or removing one
//! that is not (from an image that exists), succeeds and says so on stderr.

use std::io::{BufRead, IsTerminal, Write};

use super::session::Session;
use crate::api::{BatchMembers, Change, ImageApi, Route};
use crate::cli::{AddArgs, AnswerArgs, ChangeArgs, GlobalArgs, MemberType, RemoveArgs};
use crate::error::{Error, ErrorKind, Reported, diag, report as report_error};
use crate::model::Member;
use crate::output::{self, ImageMembers, MemberStream};
use crate::work::fan_out;
use crate::work::ids::{member_ids, read_unique_ids, unique};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    let session = Session::open(global)?;
    let kind = batch_members(&session, args.pairs.member_type)?;
    let (_, pairs) = pairs_of(args.pairs.image_id, &args.pairs.member_ids, kind)?;
    run(&session, Action::Add, pairs, kind, &args.change)
}

/// `ims member remove IMAGE|- MEMBER... [--yes]`: asks first on a terminal, once
/// everything else was checked.
pub(crate) fn remove(global: &GlobalArgs, args: RemoveArgs) -> anyhow::Result<()> {
    let session = Session::open(global)?;
    let kind = batch_members(&session, args.pairs.member_type)?;
    let (images, pairs) = pairs_of(args.pairs.image_id, &args.pairs.member_ids, kind)?;
    if !args.change.dry_run && !args.yes && !pairs.is_empty() {
        confirm(&pairs, images)?;
    }
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
    let images = read_unique_ids("image ID", args.image_ids, &mut std::io::stdin().lock())?;
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
/// each pair once, and how many images; IDs checked before anything is sent. Members go
/// in the URL on v2 (one path segment each), but organization URNs (`…:ou:o-…/ou-…`) only
/// in a v1 batch body: they need only be one printable word.
fn pairs_of(
    image: String,
    members: &[String],
    kind: BatchMembers,
) -> Result<(usize, Vec<Pair>), Error> {
    let images = read_unique_ids("image ID", vec![image], &mut std::io::stdin().lock())?;
    let members = member_ids(members.to_vec(), kind == BatchMembers::Organizations)?;
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
    let members = unique(pairs.iter().map(|pair| pair.member.clone()).collect());
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
/// reports every pair in input order. No pairs (an empty stdin) sends nothing.
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
        let lines: Vec<String> = match (v1, pairs.is_empty()) {
            (_, true) => Vec::new(),
            (true, false) => vec![batch_change(api, action, &pairs, kind).line()],
            (false, false) => pairs
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
    let results = match (v1, pairs.is_empty()) {
        (_, true) => Vec::new(),
        (true, false) => apply_batch(api, action, &pairs, kind, change.jobs)?,
        (false, false) => fan_out::collect_in_order(&pairs, fan_out::jobs(change.jobs), |pair| {
            apply_one(api, action, pair)
        }),
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
    let images = unique(pairs.iter().map(|pair| pair.image.clone()).collect());
    let members = unique(pairs.iter().map(|pair| pair.member.clone()).collect());
    match action {
        Action::Add => api.batch_members("POST", &images, &members, kind),
        Action::Remove => api.batch_members("DELETE", &images, &members, kind),
        // Every pair's member is this project.
        Action::Accept | Action::Reject => {
            let project = members.first().map_or("", String::as_str);
            api.batch_answer(&images, project, action.status())
        }
    }
}

/// v2: sends one pair's change and works out what it means. A success whose answer is
/// not the member's record (empty, or not JSON) is read back.
fn apply_one(api: &ImageApi, action: Action, pair: &Pair) -> Result<Outcome, Error> {
    let change = pair_change(api, action, pair);
    let read_back = || api.show_member(&pair.image, &pair.member);
    match (action, api.send(&change)) {
        (Action::Remove, Ok(_)) => Ok(Outcome {
            record: None,
            note: Some(format!("removed {} from image {}", pair.member, pair.image)),
        }),
        (_, Ok(answer)) => {
            let record = answer.and_then(|answer| serde_json::from_value::<Member>(answer).ok());
            Ok(Outcome {
                record: Some(match record {
                    Some(record) => record,
                    None => read_back()?,
                }),
                note: None,
            })
        }
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
            let record = read_back().map_err(|read| {
                read.prefixed("the service says the member is already there, but reading it")
            })?;
            Ok(Outcome {
                record: Some(record),
                note: Some(note),
            })
        }
        (Action::Remove, Err(err)) if err.status() == Some(404) => {
            // A missing member or a missing image: one GET of the member list tells.
            api.check_members_visible(&pair.image)?;
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

/// v1: one batch request and its job polled to the end (progress on a terminal); then
/// each image's members are read back (`--jobs` at a time) and each pair's record found
/// by member ID or URN (none after a removal). The batch is one unit for the service: when
/// it fails, that one error is the command's.
fn apply_batch(
    api: &ImageApi,
    action: Action,
    pairs: &[Pair],
    kind: BatchMembers,
    jobs: u16,
) -> Result<Vec<Result<Outcome, Error>>, Error> {
    let change = batch_change(api, action, pairs, kind);
    let progress = std::io::stderr().is_terminal();
    let job_id = api.start_job(&change)?;
    let mut last = String::new();
    api.wait_for_job(&job_id, &mut |job| {
        let status = job.status_text();
        if progress && status != last {
            diag(&format!("job {job_id}: {status}"));
            last = status;
        }
    })?;
    if action == Action::Remove {
        return Ok(pairs
            .iter()
            .map(|pair| {
                Ok(Outcome {
                    record: None,
                    note: Some(format!("removed {} from image {}", pair.member, pair.image)),
                })
            })
            .collect());
    }
    let images = unique(pairs.iter().map(|pair| pair.image.clone()).collect());
    let listed = fan_out::collect_in_order(&images, fan_out::jobs(jobs), |image| {
        let mut members = Vec::new();
        api.list_members(image, None, &mut |member| {
            members.push(member);
            Ok(())
        })?;
        Ok(members)
    });
    Ok(pairs
        .iter()
        .map(|pair| {
            let at = images.iter().position(|image| *image == pair.image);
            let members = match at.map(|at| &listed[at]) {
                Some(Ok(members)) => members,
                Some(Err(err)) => return Err(Error::new(err.kind(), err.to_string())),
                None => return Err(Error::new(ErrorKind::Unexpected, "an image was not read")),
            };
            let found = members.iter().find(|member| {
                member.member_id == pair.member
                    || member.urn.as_ref().and_then(|urn| urn.as_str()) == Some(&pair.member)
            });
            match found {
                Some(member) => Ok(Outcome {
                    record: Some(member.clone()),
                    note: None,
                }),
                None => Err(Error::bad_answer(format!(
                    "job {job_id} succeeded, but image {} does not list member {}",
                    pair.image, pair.member
                ))),
            }
        })
        .collect())
}

/// Prints the records of the pairs that succeeded (as `member list` does), and on stderr
/// each pair's note or failure, in input order; the exit code is the first failure's.
fn report(
    session: &Session,
    action: Action,
    pairs: &[Pair],
    results: Vec<Result<Outcome, Error>>,
) -> anyhow::Result<()> {
    let mut first_failure = None;
    let mut records = Vec::new();
    for (pair, result) in pairs.iter().zip(results) {
        match result {
            Ok(outcome) => {
                if let Some(note) = outcome.note {
                    diag(&note);
                }
                records.extend(outcome.record.map(|record| (pair.image.clone(), record)));
            }
            Err(err) => {
                first_failure.get_or_insert(err.kind());
                report_error(
                    &anyhow::Error::new(err)
                        .context(format!("image {}, member {}", pair.image, pair.member)),
                );
            }
        }
    }
    if action != Action::Remove {
        let format = session.settings.output.value;
        output::to_stdout(|out| {
            let mut stream = MemberStream::new(out, format);
            for (image, record) in records {
                let mut held = ImageMembers::new(format, &image);
                held.push(record)?;
                for err in stream.image(held).map_err(output::write_error)? {
                    first_failure.get_or_insert(err.kind());
                    report_error(&anyhow::Error::new(err).context(format!("image {image}")));
                }
            }
            stream
                .finish(first_failure.is_none())
                .map_err(output::write_error)
        })?;
    }
    match first_failure {
        None => Ok(()),
        Some(kind) => Err(Reported(kind).into()),
    }
}
