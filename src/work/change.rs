//! The pipeline of share changes: plan the (image, member) pairs of one [`Action`]
//! ([`Changes`]), run them ([`Changes::run`]: one request per pair `--jobs` at a time on
//! v2, one batch job on Huawei's v1), then settle the outcomes in input order
//! ([`settle`]: each pair's note or failure on stderr, the records of the pairs that
//! succeeded, one combined failure). Idempotent by outcome: adding a member that is there,
//! or removing one that is not (from an image that exists), succeeds with a note.
//!
//! `member add|remove|accept|reject` are one [`Changes`] each; a command that makes
//! several kinds of change runs one [`Changes`] per action and member kind (fill in
//! [`Changes`] directly when the pairs are not every image with every member):
//!
//! ```text
//! let changes = Changes::every_pair(Action::Add, &images, &members, BatchMembers::Projects);
//! let lines = changes.requests(api);                     // --dry-run: METHOD URL [BODY]
//! let results = changes.run(console, api, options)?;     // Err: a whole v1 batch failed
//! let settled = settle(console, &changes.pairs, results); // notes and failures on stderr
//! print(settled.records);                                // (image, record) in input order
//! settled.into_result()?;                                // the first failure's exit code
//! ```

use crate::api::{BatchMembers, Change, ImageApi, Route};
use crate::console::{Console, Progress};
use crate::error::{Error, ErrorKind, Reported};
use crate::model::Member;
use crate::work::fan_out;
use crate::work::ids::unique;

/// What a share change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// Share an image with a member.
    Add,
    /// Stop sharing an image with a member.
    Remove,
    /// The member (this project) accepts an image shared with it.
    Accept,
    /// The member (this project) rejects an image shared with it.
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

/// One unit of work: a member of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    /// The image's ID.
    pub(crate) image: String,
    /// The member: a project ID, or on v1 a domain ID or organization URN.
    pub(crate) member: String,
}

/// One action over (image, member) pairs, in the order they are reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Changes {
    /// What is done to every pair.
    pub(crate) action: Action,
    /// The pairs, each once.
    pub(crate) pairs: Vec<Pair>,
    /// What a v1 batch body names the members (v2 shares with projects only).
    pub(crate) member_kind: BatchMembers,
    /// v1 answers: the vault that is to hold full-ECS images made from a CBR backup.
    pub(crate) vault: Option<String>,
}

/// How a run goes, beside what it changes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunOptions<'a> {
    /// `--jobs`: how many requests at a time.
    pub(crate) jobs: u16,
    /// `-v`: every poll of a v1 job goes to stderr, terminal or not.
    pub(crate) verbose: bool,
    /// This project, when known: a refused add then tells this project's images from
    /// others'.
    pub(crate) this_project: Option<&'a str>,
    /// The progress line each pair done moves on (a v1 batch moves it when it ends).
    pub(crate) progress: Option<&'a Progress>,
}

/// What became of one pair that did not fail.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    /// The member's record as it is now; none after a removal.
    pub(crate) record: Option<Member>,
    /// A note for stderr: what was removed, or that nothing needed doing.
    pub(crate) note: Option<String>,
}

impl Outcome {
    /// A member removed, or found absent.
    fn removed(note: String) -> Outcome {
        Outcome {
            record: None,
            note: Some(note),
        }
    }
}

impl Changes {
    /// Every one of `images` with every one of `members`, images first; the IDs are
    /// taken as they are (check them first: see [`crate::work::ids`]).
    pub(crate) fn every_pair(
        action: Action,
        images: &[String],
        members: &[String],
        kind: BatchMembers,
    ) -> Changes {
        let pairs = images
            .iter()
            .flat_map(|image| {
                members.iter().map(|member| Pair {
                    image: image.clone(),
                    member: member.clone(),
                })
            })
            .collect();
        Changes {
            action,
            pairs,
            member_kind: kind,
            vault: None,
        }
    }

    /// The requests a run sends (each once, a dry run prints them): one per pair on v2,
    /// one batch on v1, none without pairs.
    pub(crate) fn requests(&self, api: &ImageApi) -> Vec<Change> {
        match (is_v1(api), self.pairs.is_empty()) {
            (_, true) => Vec::new(),
            (true, false) => vec![self.batch_change(api)],
            (false, false) => self
                .pairs
                .iter()
                .map(|pair| self.pair_change(api, pair))
                .collect(),
        }
    }

    /// Makes the changes: on v2 each pair's request, `--jobs` at a time; on v1 one batch
    /// job polled to its end (progress on stderr when it is a terminal), then read back
    /// ([`Changes::run_batch`]). Every pair's outcome, in input order. A v1 batch is one unit for
    /// the service: when it fails, that one error is returned.
    pub(crate) fn run(
        &self,
        console: &Console,
        api: &ImageApi,
        options: RunOptions,
    ) -> Result<Vec<Result<Outcome, Error>>, Error> {
        match (is_v1(api), self.pairs.is_empty()) {
            (_, true) => Ok(Vec::new()),
            (true, false) => {
                let done = self.run_batch(console, api, options);
                if let Some(progress) = options.progress {
                    progress.add(self.pairs.len());
                }
                done
            }
            (false, false) => Ok(fan_out::collect_in_order(
                &self.pairs,
                options.jobs,
                |pair| {
                    let done = self.run_one(api, pair, options.this_project);
                    if let Some(progress) = options.progress {
                        progress.add(1);
                    }
                    done
                },
            )),
        }
    }

    /// The v2 request for one pair.
    fn pair_change(&self, api: &ImageApi, pair: &Pair) -> Change {
        match self.action {
            Action::Add => api.add_member(&pair.image, &pair.member),
            Action::Remove => api.remove_member(&pair.image, &pair.member),
            Action::Accept | Action::Reject => {
                api.answer_share(&pair.image, &pair.member, self.action.status())
            }
        }
    }

    /// The v1 batch request for all pairs: every image once, every member once.
    fn batch_change(&self, api: &ImageApi) -> Change {
        let (images, members) = (self.images(), self.members());
        match self.action {
            Action::Add => api.batch_members("POST", &images, &members, self.member_kind),
            Action::Remove => api.batch_members("DELETE", &images, &members, self.member_kind),
            // Every pair's member is this project.
            Action::Accept | Action::Reject => {
                let project = members.first().map_or("", String::as_str);
                api.batch_answer(
                    &images,
                    project,
                    self.action.status(),
                    self.vault.as_deref(),
                )
            }
        }
    }

    /// Every image once, in first-seen order.
    pub(crate) fn images(&self) -> Vec<String> {
        unique(self.pairs.iter().map(|pair| pair.image.clone()).collect())
    }

    /// Every member once, in first-seen order.
    pub(crate) fn members(&self) -> Vec<String> {
        unique(self.pairs.iter().map(|pair| pair.member.clone()).collect())
    }

    /// v2: sends one pair's change and works out what it means. A success whose answer
    /// is not the member's record (empty, or not JSON) is read back (an answer as
    /// [`Changes::answers_read_back`] reads it: a refused read does not undo it); a
    /// refused add says why (`this_project` tells this project's images from others').
    fn run_one(
        &self,
        api: &ImageApi,
        pair: &Pair,
        this_project: Option<&str>,
    ) -> Result<Outcome, Error> {
        let change = self.pair_change(api, pair);
        let read_back = || api.show_member(&pair.image, &pair.member);
        match (self.action, api.send(&change)) {
            (Action::Remove, Ok(_)) => Ok(Outcome::removed(format!(
                "removed {} from image {}",
                pair.member, pair.image
            ))),
            (_, Ok(answer)) => {
                let record =
                    answer.and_then(|answer| serde_json::from_value::<Member>(answer).ok());
                match record {
                    Some(record) => Ok(Outcome {
                        record: Some(record),
                        note: None,
                    }),
                    None if self.reads_own_records() => {
                        let done = format!("{} {} succeeded", change.method, change.url);
                        self.answer_read_back(api, pair, &done)
                    }
                    None => Ok(Outcome {
                        record: Some(read_back()?),
                        note: None,
                    }),
                }
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
                Ok(Outcome::removed(format!(
                    "{} is not a member of image {}: nothing to remove",
                    pair.member, pair.image
                )))
            }
            (Action::Add, Err(err)) => Err(api.explain_refused_add(err, &pair.image, this_project)),
            (_, Err(err)) => Err(err),
        }
    }

    /// v1: one batch request and its job polled to the end ([`Changes::run_job`]); then
    /// what it did read back (`--jobs` at a time): after an add each image's members, in
    /// which each pair's record is found ([`Changes::outcomes`]); after an answer each
    /// pair's own record ([`Changes::answers_read_back`]).
    fn run_batch(
        &self,
        console: &Console,
        api: &ImageApi,
        options: RunOptions,
    ) -> Result<Vec<Result<Outcome, Error>>, Error> {
        let job_id = self.run_job(console, api, options)?;
        if self.reads_own_records() {
            return Ok(self.answers_read_back(api, &job_id, options.jobs));
        }
        let images = self.images();
        let listed = match self.lists_members_back() {
            true => {
                fan_out::collect_in_order(&images, options.jobs, |image| api.all_members(image))
            }
            false => Vec::new(),
        };
        Ok(self.outcomes(&job_id, &images, &listed))
    }

    /// v1: whether the images' member lists are read after the job: after the owner's add
    /// (a removal needs no read, an answer reads its own records).
    pub(crate) fn lists_members_back(&self) -> bool {
        self.action == Action::Add
    }

    /// Whether each pair's own record is read back (v1 after the job, v2 when the answer
    /// holds no record): after an answer, which the member sends for itself.
    pub(crate) fn reads_own_records(&self) -> bool {
        matches!(self.action, Action::Accept | Action::Reject)
    }

    /// v1: each pair's outcome once job `job_id` (an accept or reject) has succeeded: the
    /// member's own record, read with the narrowest request the pages offer a member, the
    /// member show of its own ID (`--jobs` at a time), never the image's member list. A
    /// service that refuses a member this read (`403`, `404`: the pages do not say a
    /// member may make it) does not undo the change: the job's SUCCESS stands for it, the
    /// record printed holds what the job set, and a note says the read was not possible.
    pub(crate) fn answers_read_back(
        &self,
        api: &ImageApi,
        job_id: &str,
        jobs: u16,
    ) -> Vec<Result<Outcome, Error>> {
        let done = format!("job {job_id} succeeded");
        fan_out::collect_in_order(&self.pairs, jobs, |pair| {
            self.answer_read_back(api, pair, &done)
        })
    }

    /// An answer of `pair` that took effect (`done` says how it is known), read back by
    /// the member's own record; when the service refuses the member that read (`403`,
    /// `404`), the record the answer set, and a note.
    fn answer_read_back(&self, api: &ImageApi, pair: &Pair, done: &str) -> Result<Outcome, Error> {
        let status = self.action.status();
        match api.show_member(&pair.image, &pair.member) {
            Ok(record) => Ok(Outcome {
                record: Some(record),
                note: None,
            }),
            Err(err) if matches!(err.status(), Some(403 | 404)) => Ok(Outcome {
                record: Some(Member::known(&pair.image, &pair.member, status)),
                note: Some(format!(
                    "image {}: {done}, so {} is {status}; the service did not let it read \
                     that back (HTTP {})",
                    pair.image,
                    pair.member,
                    err.status().unwrap_or_default()
                )),
            }),
            Err(err) => Err(err),
        }
    }

    /// v1: sends the batch request and polls its job to the end (each new progress line on
    /// a terminal, every poll with `-v`); the job's ID. Nothing is read back: see
    /// [`Changes::outcomes`].
    pub(crate) fn run_job(
        &self,
        console: &Console,
        api: &ImageApi,
        options: RunOptions,
    ) -> Result<String, Error> {
        let change = self.batch_change(api);
        let progress = console.terminal().stderr;
        let job_id = api.start_job(&change)?;
        let mut last = String::new();
        api.wait_for_job(&job_id, console.clock(), &mut |job| {
            let line = job.progress();
            if options.verbose || (progress && line != last) {
                console.diag(&format!("job {job_id}: {line}"));
                last = line;
            }
        })?;
        Ok(job_id)
    }

    /// v1: each pair's outcome once job `job_id` (an add or a removal) has succeeded, from
    /// the members of `images` read after it (`listed`, in the order of `images`; none
    /// needed after a removal): each pair's record found by member ID or URN.
    pub(crate) fn outcomes(
        &self,
        job_id: &str,
        images: &[String],
        listed: &[Result<Vec<Member>, Error>],
    ) -> Vec<Result<Outcome, Error>> {
        if self.action == Action::Remove {
            return self
                .pairs
                .iter()
                .map(|pair| {
                    Ok(Outcome::removed(format!(
                        "removed {} from image {}",
                        pair.member, pair.image
                    )))
                })
                .collect();
        }
        let index: std::collections::HashMap<&str, usize> = images
            .iter()
            .enumerate()
            .map(|(at, image)| (image.as_str(), at))
            .collect();
        self.pairs
            .iter()
            .map(|pair| {
                let at = index.get(pair.image.as_str());
                let members = match at.and_then(|at| listed.get(*at)) {
                    Some(Ok(members)) => members,
                    // Each pair of the image fails with the read's own error, whole.
                    Some(Err(err)) => return Err(err.clone()),
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
            .collect()
    }
}

/// Whether `api` takes Huawei's v1 batch requests.
fn is_v1(api: &ImageApi) -> bool {
    matches!(api.route, Route::V1 { .. })
}

/// The outcomes of a run, settled: what to print, and whether it failed.
#[derive(Debug)]
pub(crate) struct Settled {
    /// The records of the pairs that succeeded and have one, with their image, in input
    /// order.
    pub(crate) records: Vec<(String, Member)>,
    /// The first failure, whole (status, service code, request id, retries); every
    /// failure is on stderr already.
    failure: Option<Error>,
}

impl Settled {
    /// Counts `err`, already written to stderr, among the failures: the first one
    /// decides the exit code.
    pub(crate) fn failed(&mut self, err: Error) {
        self.failure.get_or_insert(err);
    }

    /// Whether nothing failed so far.
    pub(crate) fn is_clean(&self) -> bool {
        self.failure.is_none()
    }

    /// `Ok` when nothing failed, else the one combined failure: the first, whose kind is
    /// the exit code.
    pub(crate) fn into_result(self) -> Result<(), Reported> {
        self.failure.map_or(Ok(()), |first| Err(Reported(first)))
    }
}

/// Writes each pair's note or failure to stderr in input order (a failure as
/// `ims: error: image I, member M: …`, every field the error knows included) and keeps
/// the records of the pairs that succeeded.
pub(crate) fn settle(
    console: &Console,
    pairs: &[Pair],
    results: Vec<Result<Outcome, Error>>,
) -> Settled {
    let mut settled = Settled {
        records: Vec::new(),
        failure: None,
    };
    for (pair, result) in pairs.iter().zip(results) {
        match result {
            Ok(outcome) => {
                if let Some(note) = outcome.note {
                    console.diag(&note);
                }
                if let Some(record) = outcome.record {
                    settled.records.push((pair.image.clone(), record));
                }
            }
            Err(err) => {
                console.report(
                    &anyhow::Error::new(err.clone())
                        .context(format!("image {}, member {}", pair.image, pair.member)),
                );
                settled.failed(err);
            }
        }
    }
    settled
}
