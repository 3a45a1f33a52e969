//! `ims member show|list`

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Condvar, Mutex, PoisonError};

use anyhow::Context;

use super::session::Session;
use crate::api::ImageApi;
use crate::cli::{GlobalArgs, ListArgs, StatusFilter};
use crate::error::{Error, ErrorKind, Failures};
use crate::model::Member;
use crate::model::image::ImageRef;
use crate::output::{self, ImageMembers, MemberStream};
use crate::settings::Settings;
use crate::url::{check_id, id_problem};

/// `ims member show IMAGE MEMBER`
pub(crate) fn show(global: &GlobalArgs, image_id: &str, member_id: &str) -> anyhow::Result<()> {
    check_id("image ID", image_id)?;
    check_id("member ID", member_id)?;
    let session = Session::open(global)?;
    let context = || format!("member {member_id} of image {image_id}");
    let member = session
        .with_api(|api| api.show_member(image_id, member_id))?
        .with_context(context)?;
    let rendered =
        output::member(session.settings.output.value, image_id, &member).with_context(context)?;
    output::to_stdout(|out| out.write_all(&rendered).map_err(output::write_error))?;
    Ok(())
}

/// `ims member list IMAGE...|-` or `--all`
pub(crate) fn list(global: &GlobalArgs, mut args: ListArgs) -> anyhow::Result<()> {
    let image_ids = expand_stdin(std::mem::take(&mut args.image_ids))?;
    for id in &image_ids {
        check_id("image ID", id)?;
    }
    let session = Session::open(global)?;
    session.with_api(|api| {
        let mut refused = Vec::new();
        let image_ids = match args.all {
            true => {
                let project = session.this_project(api)?;
                let images = super::image::shared_by::<ImageRef>(api, &project, None)?;
                // An ID the service lists that is not one path segment gets no request.
                let (good, bad): (Vec<_>, Vec<_>) = images
                    .into_iter()
                    .map(|image| image.id)
                    .partition(|id| id_problem(id).is_none());
                for id in bad {
                    let why = id_problem(&id).unwrap_or_default();
                    let err = Error::bad_answer(format!(
                        "the service listed image ID `{id}`, which {why}"
                    ));
                    refused.push((id, err));
                }
                good
            }
            false => image_ids,
        };
        list_with(api, &session.settings, &args, image_ids, refused)
    })?
}

/// Lists the members of `image_ids` with `api` and writes them out, image by image in
/// input order. An image's members are written only once all its pages are read, so a
/// failed image writes nothing, whatever `--jobs` is. `refused` are images already refused
/// without a request; they are reported with the failures.
fn list_with(
    api: &ImageApi,
    settings: &Settings,
    args: &ListArgs,
    image_ids: Vec<String>,
    refused: Vec<(String, Error)>,
) -> anyhow::Result<()> {
    let format = settings.output.value;
    let jobs = usize::from(args.jobs)
        .min(worker_limit().unwrap_or(usize::MAX))
        .min(image_ids.len());

    let mut failures: Vec<(String, Error)> = refused;
    let mut listed = 0;
    let fetch = |image_id: &String| {
        let mut image = ImageMembers::new(format, image_id);
        api.list_members(
            image_id,
            args.limit,
            &mut |member| match keep(args.status, &member) {
                true => image.push(member),
                false => Ok(()),
            },
        )
        .map(|()| image)
    };
    output::to_stdout(|out| {
        let mut stream = MemberStream::new(out, format);
        fetch_in_order(&image_ids, jobs, fetch, |image_id, result| {
            match result {
                Ok(image) => {
                    listed += 1;
                    let unprintable = stream.image(image).map_err(output::write_error)?;
                    failures.extend(
                        unprintable
                            .into_iter()
                            .map(|err| (image_id.to_string(), err)),
                    );
                }
                Err(err) if err.kind() == ErrorKind::OutputClosed => return Err(err),
                Err(err) => failures.push((image_id.to_string(), err)),
            }
            Ok(())
        })?;
        // When every image failed there is no data to show, not even an empty table.
        stream
            .finish(listed > 0 || failures.is_empty())
            .map_err(output::write_error)
    })?;

    Failures::into_result(
        failures
            .into_iter()
            .map(|(image_id, err)| anyhow::Error::new(err).context(format!("image {image_id}")))
            .collect(),
    )
}

/// The most bytes of image IDs read from stdin (room for 1.8 million UUIDs).
const MAX_STDIN_BYTES: u64 = 64 * 1024 * 1024;

/// The most image IDs read from stdin.
const MAX_STDIN_IDS: usize = 1_000_000;

/// Replaces each `-` with the IDs read from stdin (whitespace-separated): at most
/// [`MAX_STDIN_IDS`] IDs in at most [`MAX_STDIN_BYTES`] (64 MiB); more is a usage error,
/// so that `- < /dev/zero` ends at once instead of filling memory.
pub(crate) fn expand_stdin(ids: Vec<String>) -> Result<Vec<String>, Error> {
    if !ids.iter().any(|id| id == "-") {
        return Ok(ids);
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_STDIN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| Error::usage(format!("cannot read image IDs from stdin: {err}")))?;
    if bytes.len() as u64 > MAX_STDIN_BYTES {
        return Err(Error::usage(format!(
            "image IDs on stdin: more than {} MiB; pass at most {MAX_STDIN_IDS} IDs at a time",
            MAX_STDIN_BYTES / 1024 / 1024
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::usage("image IDs on stdin: the input is not UTF-8 text"))?;
    let from_stdin: Vec<String> = text
        .split_whitespace()
        .take(MAX_STDIN_IDS + 1)
        .map(str::to_string)
        .collect();
    if from_stdin.len() > MAX_STDIN_IDS {
        return Err(Error::usage(format!(
            "image IDs on stdin: more than {MAX_STDIN_IDS} IDs at a time"
        )));
    }
    let mut from_stdin = Some(from_stdin);
    Ok(ids
        .into_iter()
        .flat_map(|id| match id.as_str() {
            "-" => from_stdin.take().unwrap_or_default(),
            _ => vec![id],
        })
        .collect())
}

fn keep(filter: StatusFilter, member: &Member) -> bool {
    let wanted = match filter {
        StatusFilter::All => return true,
        StatusFilter::Accepted => "accepted",
        StatusFilter::Pending => "pending",
        StatusFilter::Rejected => "rejected",
    };
    member.status_text() == Some(wanted)
}

/// Descriptors kept free for what `ims` holds open besides its workers' connections:
/// stdio, idle pooled connections, the config, cache and CA files, TLS roots being read.
const RESERVED_FDS: u64 = 32;

/// Descriptors one worker may hold at once: its connection, and a DNS lookup's socket or
/// file while it connects.
const FDS_PER_WORKER: u64 = 2;

/// The most workers the open-file limit (`ulimit -n`) leaves room for (at least one);
/// `None` when there is no limit or it cannot be read.
pub(crate) fn worker_limit() -> Option<usize> {
    let soft = open_file_limit()?;
    let workers = (soft.saturating_sub(RESERVED_FDS) / FDS_PER_WORKER).max(1);
    Some(usize::try_from(workers).unwrap_or(usize::MAX))
}

/// The soft RLIMIT_NOFILE; `None` when unlimited or unknown.
#[cfg(unix)]
fn open_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes one `rlimit` into the struct it is given, which lives here.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0
        || limit.rlim_cur == libc::RLIM_INFINITY
    {
        return None;
    }
    // rlim_t is 32 bits wide on some targets.
    #[allow(clippy::useless_conversion)]
    u64::try_from(limit.rlim_cur).ok()
}

/// The soft RLIMIT_NOFILE: there is none off Unix.
#[cfg(not(unix))]
fn open_file_limit() -> Option<u64> {
    None
}

/// Where [`fetch_in_order`]'s threads meet.
struct Queue<T> {
    /// The next ID to fetch.
    next_fetch: usize,
    /// The next ID whose result goes to `emit`.
    next_emit: usize,
    /// Results fetched but not yet emitted, by index.
    done: BTreeMap<usize, Result<T, Error>>,
    /// Set when `emit` failed: no new fetch starts.
    stopped: bool,
}

/// Runs `fetch` for every ID on up to `jobs` threads (this one included) and hands each
/// result to `emit` in input order, as soon as it and all before it are there. A fetch
/// starts only within `jobs` of the next result to emit, so at most `jobs` results wait
/// besides the one being emitted, however many IDs there are. An error of `emit` stops
/// the run (fetches under way end, no new one starts) and is returned.
pub(crate) fn fetch_in_order<I: Sync, T: Send>(
    ids: &[I],
    jobs: usize,
    fetch: impl Fn(&I) -> Result<T, Error> + Sync,
    mut emit: impl FnMut(&I, Result<T, Error>) -> Result<(), Error>,
) -> Result<(), Error> {
    // Results may run this far ahead of the one to emit next.
    let window = jobs.max(1);
    // With one job this thread fetches; with more, `jobs` threads fetch and this one
    // only emits, so that emitting never waits for a fetch of its own.
    let workers = match jobs {
        0 | 1 => 0,
        _ => jobs.min(ids.len()),
    };
    let queue = Mutex::new(Queue {
        next_fetch: 0,
        next_emit: 0,
        done: BTreeMap::new(),
        stopped: false,
    });
    let changed = Condvar::new();
    let lock = || queue.lock().unwrap_or_else(PoisonError::into_inner);
    let wait = |guard| changed.wait(guard).unwrap_or_else(PoisonError::into_inner);
    // Takes the next ID when it is within the window, else `None`.
    let take = |queue: &mut Queue<T>| {
        let open = queue.next_fetch < ids.len()
            && queue.next_fetch < queue.next_emit + window
            && !queue.stopped;
        open.then(|| {
            queue.next_fetch += 1;
            queue.next_fetch - 1
        })
    };
    let run = |index: usize| {
        let result = fetch(&ids[index]);
        lock().done.insert(index, result);
        changed.notify_all();
    };
    let work = || {
        loop {
            let mut queue = lock();
            let index = loop {
                if queue.stopped || queue.next_fetch >= ids.len() {
                    return;
                }
                match take(&mut queue) {
                    Some(index) => break index,
                    None => queue = wait(queue),
                }
            };
            drop(queue);
            run(index);
        }
    };
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..workers {
            // A thread that cannot be started leaves its share to the others.
            if std::thread::Builder::new()
                .spawn_scoped(scope, work)
                .is_ok()
            {
                started += 1;
            }
        }
        // This thread emits in order; it fetches only when no worker was started.
        loop {
            let mut queue = lock();
            if queue.next_emit >= ids.len() {
                return Ok(());
            }
            let index = queue.next_emit;
            if let Some(result) = queue.done.remove(&index) {
                queue.next_emit += 1;
                drop(queue);
                changed.notify_all();
                if let Err(err) = emit(&ids[index], result) {
                    lock().stopped = true;
                    changed.notify_all();
                    return Err(err);
                }
                continue;
            }
            let mine = match started {
                0 => take(&mut queue),
                _ => None,
            };
            match mine {
                Some(index) => {
                    drop(queue);
                    run(index);
                }
                None => drop(wait(queue)),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every result of [`fetch_in_order`], in the order emitted.
    fn fetch_all<T: Send>(
        ids: &[String],
        jobs: usize,
        fetch: impl Fn(&str) -> Result<T, Error> + Sync,
    ) -> Vec<Result<T, Error>> {
        let mut results = Vec::new();
        fetch_in_order(
            ids,
            jobs,
            |id: &String| fetch(id),
            |_, result| {
                results.push(result);
                Ok(())
            },
        )
        .unwrap();
        results
    }

    #[test]
    fn fetch_all_keeps_input_order_with_any_job_count() {
        let ids: Vec<String> = (0..50).map(|i| i.to_string()).collect();
        for jobs in [1, 2, 8, 64] {
            let results = fetch_all(&ids, jobs, |id| {
                std::thread::sleep(std::time::Duration::from_millis(
                    (50 - id.parse::<u64>().unwrap()) % 7,
                ));
                if id == "13" {
                    Err(Error::usage("bad"))
                } else {
                    Ok(id.to_string())
                }
            });
            let shown: Vec<String> = results
                .iter()
                .map(|r| r.as_ref().map_or("err".to_string(), Clone::clone))
                .collect();
            let mut expected: Vec<String> = ids.clone();
            expected[13] = "err".into();
            assert_eq!(shown, expected, "jobs={jobs}");
        }
    }

    #[test]
    fn fetches_run_concurrently_but_never_far_ahead_of_the_output() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let ids: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let (running, most_running) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let emitted = AtomicUsize::new(0);
        let most_ahead = AtomicUsize::new(0);
        let mut order = Vec::new();
        fetch_in_order(
            &ids,
            4,
            |id| {
                let index: usize = id.parse().unwrap();
                let ahead = index - emitted.load(Ordering::SeqCst).min(index);
                most_ahead.fetch_max(ahead, Ordering::SeqCst);
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most_running.fetch_max(now, Ordering::SeqCst);
                // The first image is slow: the others must wait for it, not pile up.
                let pause = if index == 0 { 150 } else { 5 };
                std::thread::sleep(std::time::Duration::from_millis(pause));
                running.fetch_sub(1, Ordering::SeqCst);
                Ok(index)
            },
            |_, result| {
                order.push(result.unwrap());
                emitted.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(order, (0..40).collect::<Vec<_>>());
        assert!(most_running.load(Ordering::SeqCst) > 1);
        assert!(most_running.load(Ordering::SeqCst) <= 4);
        assert!(most_ahead.load(Ordering::SeqCst) <= 4, "{most_ahead:?}");
    }

    #[test]
    fn an_emit_error_stops_new_fetches() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let ids: Vec<String> = (0..100).map(|i| i.to_string()).collect();
        let fetched = AtomicUsize::new(0);
        let result = fetch_in_order(
            &ids,
            3,
            |_| {
                fetched.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
            |id, _| match id.as_str() {
                "5" => Err(Error::new(ErrorKind::OutputClosed, "closed")),
                _ => Ok(()),
            },
        );
        assert_eq!(result.unwrap_err().kind(), ErrorKind::OutputClosed);
        assert!(fetched.load(Ordering::SeqCst) <= 6 + 3, "{fetched:?}");
    }

    #[test]
    fn workers_fit_under_the_open_file_limit() {
        let workers = worker_limit();
        if let Some(soft) = open_file_limit() {
            let workers = workers.unwrap() as u64;
            assert!(workers >= 1);
            assert!(
                soft < RESERVED_FDS + FDS_PER_WORKER
                    || RESERVED_FDS + workers * FDS_PER_WORKER <= soft
            );
        }
    }

    #[test]
    fn status_filter() {
        let m: Member = serde_json::from_str(r#"{"member_id":"a","status":"pending"}"#).unwrap();
        assert!(keep(StatusFilter::All, &m));
        assert!(keep(StatusFilter::Pending, &m));
        assert!(!keep(StatusFilter::Accepted, &m));
        let odd: Member = serde_json::from_str(r#"{"member_id":"a","status":null}"#).unwrap();
        assert!(keep(StatusFilter::All, &odd));
        assert!(!keep(StatusFilter::Rejected, &odd));
    }
}
