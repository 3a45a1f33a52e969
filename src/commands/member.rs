//! `ims member show|list`

use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context;

use super::session::Session;
use crate::api::ImageApi;
use crate::cli::{GlobalArgs, ListArgs, StatusFilter};
use crate::error::{Error, ErrorKind, Failures};
use crate::model::Member;
use crate::model::image::ImageRef;
use crate::output::{self, MemberStream};
use crate::settings::Settings;
use crate::url::check_id;

/// `ims member show IMAGE MEMBER`
pub(crate) fn show(global: &GlobalArgs, image_id: &str, member_id: &str) -> anyhow::Result<()> {
    check_id("image ID", image_id)?;
    check_id("member ID", member_id)?;
    let session = Session::open(global)?;
    let member = session
        .with_api(|api| api.show_member(image_id, member_id))?
        .with_context(|| format!("member {member_id} of image {image_id}"))?;
    output::to_stdout(|out| {
        output::member(out, session.settings.output.value, &member).map_err(output::write_error)
    })?;
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
        let image_ids = match args.all {
            true => {
                let project = session.this_project(api)?;
                let images = super::image::shared_by::<ImageRef>(api, &project, None)?;
                images.into_iter().map(|image| image.id).collect()
            }
            false => image_ids,
        };
        list_with(api, &session.settings, &args, image_ids)
    })?
}

/// Lists the members of `image_ids` with `api` and writes them out.
fn list_with(
    api: &ImageApi,
    settings: &Settings,
    args: &ListArgs,
    image_ids: Vec<String>,
) -> anyhow::Result<()> {
    let jobs = usize::from(args.jobs).min(image_ids.len());

    let mut failures: Vec<(String, Error)> = Vec::new();
    let mut listed = 0;
    output::to_stdout(|out| {
        let mut stream = MemberStream::new(out, settings.output.value);
        if jobs <= 1 {
            // One at a time: every member goes out as soon as it is parsed, so memory
            // stays flat however long the list.
            for image_id in &image_ids {
                let result = api.list_members(image_id, args.limit, &mut |member| {
                    if !keep(args.status, &member) {
                        return Ok(());
                    }
                    stream.member(image_id, member).map_err(output::write_error)
                });
                match result {
                    Ok(()) => listed += 1,
                    Err(err) if err.kind() == ErrorKind::OutputClosed => return Err(err),
                    Err(err) => failures.push((image_id.clone(), err)),
                }
            }
        } else {
            let results = fetch_all(&image_ids, jobs, |image_id| {
                let mut members = Vec::new();
                api.list_members(image_id, args.limit, &mut |member| {
                    if keep(args.status, &member) {
                        members.push(member);
                    }
                    Ok(())
                })
                .map(|()| members)
            });
            for (image_id, result) in image_ids.iter().zip(results) {
                match result {
                    Ok(members) => {
                        listed += 1;
                        for member in members {
                            stream
                                .member(image_id, member)
                                .map_err(output::write_error)?;
                        }
                    }
                    Err(err) => failures.push((image_id.clone(), err)),
                }
            }
        }
        // When every image failed there is no data to show, not even an empty table.
        stream
            .finish(listed > 0 || failures.is_empty())
            .map_err(output::write_error)
    })?;

    let mut failures: Vec<anyhow::Error> = failures
        .into_iter()
        .map(|(image_id, err)| anyhow::Error::new(err).context(format!("image {image_id}")))
        .collect();
    match failures.len() {
        0 => Ok(()),
        1 => Err(failures.remove(0)),
        _ => Err(Failures(failures).into()),
    }
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

/// Runs `fetch` for every ID on up to `jobs` threads (this one included) and returns the
/// results in input order.
pub(crate) fn fetch_all<I: Sync, T: Send>(
    ids: &[I],
    jobs: usize,
    fetch: impl Fn(&I) -> Result<T, Error> + Sync,
) -> Vec<Result<T, Error>> {
    let slots: Vec<Mutex<Option<Result<T, Error>>>> =
        ids.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(id) = ids.get(index) else { break };
            let result = fetch(id);
            if let Ok(mut slot) = slots[index].lock() {
                *slot = Some(result);
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..jobs.min(ids.len()) {
            // A thread that cannot be started leaves its share to the others.
            let _ = std::thread::Builder::new().spawn_scoped(scope, work);
        }
        work();
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Err(Error::new(
                    ErrorKind::Unexpected,
                    "a fetch did not complete",
                ))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
