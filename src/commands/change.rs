//! `ims member add|remove|accept|reject`: changing shares through the change pipeline
//! ([`crate::work::change`]). Every ID is checked before any setting is read; `remove`
//! asks first on a terminal; the records of added or answered members are printed as
//! `member list` prints them.

use super::confirm::confirm;
use super::session::Session;
use crate::api::{BatchMembers, ImageApi, Route};
use crate::cli::{AddArgs, AnswerArgs, ChangeArgs, GlobalArgs, MemberType, RemoveArgs, SharePairs};
use crate::console::Console;
use crate::error::Error;
use crate::output::{self, ImageMembers, MemberStream};
use crate::url::check_id;
use crate::work::change::{Action, Changes, RunOptions, settle};
use crate::work::ids::{member_ids, read_unique_ids};

/// `ims member add IMAGE|- MEMBER...`
pub(crate) fn add(console: &Console, global: &GlobalArgs, args: AddArgs) -> anyhow::Result<()> {
    let (session, changes) = share_changes(console, global, &args.pairs, Action::Add)?;
    session.with_api(|api| apply(console, &session, api, &changes, &args.change))?
}

/// `ims member remove IMAGE|- MEMBER... [--yes]`: asks first on a terminal, once
/// everything else was checked.
pub(crate) fn remove(
    console: &Console,
    global: &GlobalArgs,
    args: RemoveArgs,
) -> anyhow::Result<()> {
    let (session, changes) = share_changes(console, global, &args.pairs, Action::Remove)?;
    if !args.change.dry_run && !args.yes && !changes.pairs.is_empty() {
        let question = format!(
            "remove {} member(s) from {} image(s)?",
            changes.members().len(),
            changes.images().len()
        );
        confirm(console, "member remove", &question)?;
    }
    session.with_api(|api| apply(console, &session, api, &changes, &args.change))?
}

/// `ims member accept|reject IMAGE...|-`: this project's answer to images shared with
/// it, `action` being [`Action::Accept`] or [`Action::Reject`].
pub(crate) fn answer(
    console: &Console,
    global: &GlobalArgs,
    args: AnswerArgs,
    action: Action,
) -> anyhow::Result<()> {
    let images = read_unique_ids("image ID", args.image_ids, &mut *console.stdin())?;
    if let Some(vault) = &args.vault_id {
        check_id("vault ID", vault)?;
    }
    let session = Session::open(console, global)?;
    if args.vault_id.is_some() && *session.route() == Route::V2 {
        return Err(
            Error::usage("--vault-id is for Huawei's v1 API (--api v1); nothing was sent").into(),
        );
    }
    session.with_api(|api| {
        let project = session.this_project(api)?;
        let mut changes = Changes::every_pair(action, &images, &[project], BatchMembers::Projects);
        changes.vault = args.vault_id.clone();
        apply(console, &session, api, &changes, &args.change)
    })?
}

/// The changes of `add` or `remove`: every image (`image`, or the IDs on stdin for `-`)
/// with every member, each once, the IDs checked before any setting is read; then the
/// session. Members go in the URL on v2 (one path segment each), but organization URNs
/// (`…:ou:o-…/ou-…`) only in a v1 batch body: they need only be one printable word.
fn share_changes(
    console: &Console,
    global: &GlobalArgs,
    args: &SharePairs,
    action: Action,
) -> Result<(Session, Changes), Error> {
    let images = read_unique_ids(
        "image ID",
        vec![args.image_id.clone()],
        &mut *console.stdin(),
    )?;
    let urns = args.member_type == Some(MemberType::Organization);
    let members = member_ids(args.member_ids.clone(), urns)?;
    let session = Session::open(console, global)?;
    let kind = batch_members(&session, args.member_type)?;
    let changes = Changes::every_pair(action, &images, &members, kind);
    Ok((session, changes))
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

/// Makes `changes` (or, with `--dry-run`, prints the requests it would send), then
/// reports every pair in input order: notes and failures on stderr, the records of
/// added or answered members on stdout. No pairs (an empty stdin) sends nothing.
fn apply(
    console: &Console,
    session: &Session,
    api: &ImageApi,
    changes: &Changes,
    args: &ChangeArgs,
) -> anyhow::Result<()> {
    if args.dry_run {
        let requests = changes.requests(api);
        output::to_stdout(console, |out| {
            requests
                .iter()
                .try_for_each(|request| writeln!(out, "{}", request.line()))
                .map_err(output::write_error)
        })?;
        return Ok(());
    }
    let this_project = session.this_project(api).ok();
    let verbose = session.settings.verbose > 0;
    let progress = console.progress(changes.pairs.len(), "pairs", verbose);
    let options = RunOptions {
        jobs: args.jobs,
        verbose,
        this_project: this_project.as_deref(),
        progress: Some(&progress),
    };
    let results = changes.run(console, api, options)?;
    drop(progress);
    let mut settled = settle(console, &changes.pairs, results);
    if changes.action != Action::Remove {
        let format = session.settings.output.value;
        let records = std::mem::take(&mut settled.records);
        output::to_stdout(console, |out| {
            let mut stream = MemberStream::new(out, format);
            for (image, record) in records {
                let mut held = ImageMembers::new(format, &image);
                held.push(record)?;
                for err in stream.image(held).map_err(output::write_error)? {
                    console
                        .report(&anyhow::Error::new(err.clone()).context(format!("image {image}")));
                    settled.failed(err);
                }
            }
            // When every pair failed there is no data to show, not even an empty table.
            stream
                .finish(settled.is_clean())
                .map_err(output::write_error)
        })?;
    }
    Ok(settled.into_result()?)
}

#[cfg(test)]
mod tests {
    use httpmock::prelude::*;
    use serde_json::{Value, json};

    use super::super::testing::{Ran, SCRIPT, TERMINAL, failure, ims};

    /// The environment of a v2 endpoint at `server` with a token.
    fn at(server: &MockServer) -> Vec<(&'static str, String)> {
        vec![
            ("IMS_ENDPOINT", server.base_url()),
            ("IMS_TOKEN", "tok".to_string()),
            ("IMS_RETRIES", "0".to_string()),
        ]
    }

    /// `ims ARGS` in-process against `server`.
    fn run(server: &MockServer, args: &[&str], stdin: &str) -> Ran {
        run_with(server, args, stdin, SCRIPT, &[])
    }

    /// `ims ARGS` in-process against `server`, on `terminal`, with more of the environment.
    fn run_with(
        server: &MockServer,
        args: &[&str],
        stdin: &str,
        terminal: crate::console::Terminal,
        more: &[(&str, &str)],
    ) -> Ran {
        let env = at(server);
        let mut pairs: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        pairs.extend_from_slice(more);
        ims(args, stdin, terminal, &pairs)
    }

    fn member(image: &str, member: &str, status: &str) -> Value {
        json!({"image_id": image, "member_id": member, "status": status,
               "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"})
    }

    /// Mocks `method path` on `server`, answered as `answer` says.
    fn on<'a, R>(
        server: &'a MockServer,
        method: Method,
        path: &str,
        answer: impl FnOnce(httpmock::Then) -> R,
    ) -> httpmock::Mock<'a> {
        server.mock(|when, then| {
            when.method(method).path(path);
            answer(then);
        })
    }

    /// A refusal as Huawei's gateway words it, with a request id header.
    fn refused(then: httpmock::Then) {
        then.status(403)
            .header("x-openstack-request-id", "req-77")
            .json_body(json!({"error_code": "IMG.0076", "error_msg": "not yours"}));
    }

    const REFUSAL: &str = "HTTP 403 Forbidden: IMG.0076: not yours (request id req-77)";

    /// The advice line that follows [`REFUSAL`].
    const ADVICE: &str = "ims: advice: an image is never shared with the project that owns \
                          it: leave this project out of the members\n";

    #[test]
    fn partial_failure_prints_the_rest_and_exits_with_the_first_failures_code() {
        let server = MockServer::start();
        let a = server.mock(|when, then| {
            when.method(POST)
                .path("/v2/images/img-a/members")
                .header("x-auth-token", "tok")
                .json_body(json!({"member": "p-1"}));
            then.status(200)
                .json_body(member("img-a", "p-1", "pending"));
        });
        let b = on(&server, POST, "/v2/images/img-b/members", refused);
        let c = on(&server, POST, "/v2/images/img-c/members", |then| {
            then.status(404).body("no such image")
        });
        let ran = run(
            &server,
            &["member", "add", "-", "p-1", "-o", "ids", "--jobs", "2"],
            "img-a img-b img-c img-a",
        );
        assert_eq!(ran.stdout, "p-1\n");
        assert_eq!(
            ran.stderr,
            format!(
                "ims: error: image img-b, member p-1: {REFUSAL}\n{ADVICE}\
                 ims: error: image img-c, member p-1: HTTP 404 Not Found: no such image\n"
            )
        );
        assert_eq!(ran.code, 4);
        a.assert_calls(1);
        b.assert_calls(1);
        c.assert_calls(1);
    }

    #[test]
    fn a_failing_pair_says_what_a_single_request_says() {
        let server = MockServer::start();
        on(&server, POST, "/v2/images/img-b/members", refused);
        on(&server, GET, "/v2/images/img-b/members/p-1", refused);
        let change = run(&server, &["member", "add", "img-b", "p-1"], "");
        let single = run(&server, &["member", "show", "img-b", "p-1"], "");
        assert_eq!(
            single.stderr,
            format!("ims: error: member p-1 of image img-b: {REFUSAL}\n{ADVICE}")
        );
        assert_eq!(
            change.stderr,
            format!("ims: error: image img-b, member p-1: {REFUSAL}\n{ADVICE}")
        );
        assert_eq!((change.code, single.code), (4, 4));
        assert_eq!(change.stdout, "");
    }

    #[test]
    fn repeats_succeed_by_outcome() {
        let server = MockServer::start();
        on(&server, POST, "/v2/images/img-a/members", |then| {
            then.status(409).body("Member already exists")
        });
        let read = on(&server, GET, "/v2/images/img-a/members/p-1", |then| {
            then.status(200)
                .json_body(member("img-a", "p-1", "accepted"))
        });
        let ran = run(&server, &["member", "add", "img-a", "p-1", "-o", "ids"], "");
        assert_eq!(
            (ran.code, ran.stdout.as_str(), ran.stderr.as_str()),
            (0, "p-1\n", "ims: p-1 is already a member of image img-a\n")
        );
        read.assert_calls(1);

        on(&server, DELETE, "/v2/images/img-a/members/p-2", |then| {
            then.status(404)
        });
        let listed = on(&server, GET, "/v2/images/img-a/members", |then| {
            then.status(200).json_body(json!({"members": []}))
        });
        let ran = run(&server, &["member", "remove", "img-a", "p-2", "--yes"], "");
        assert_eq!(
            (ran.code, ran.stdout.as_str(), ran.stderr.as_str()),
            (
                0,
                "",
                "ims: p-2 is not a member of image img-a: nothing to remove\n"
            )
        );
        listed.assert_calls(1);
    }

    #[test]
    fn removing_from_a_missing_image_is_exit_5() {
        let server = MockServer::start();
        on(&server, DELETE, "/v2/images/gone/members/p-1", |then| {
            then.status(404)
        });
        on(&server, GET, "/v2/images/gone/members", |then| {
            then.status(404).body("image not found")
        });
        let ran = run(&server, &["member", "remove", "gone", "p-1", "--yes"], "");
        assert_eq!(ran.code, 5);
        assert_eq!(
            ran.stderr,
            "ims: error: image gone, member p-1: HTTP 404 Not Found: image not found\n"
        );
    }

    /// `member remove img-a p-1` on a terminal answered with `answer`: the run, and how
    /// many DELETEs reached the server.
    fn remove_answering(answer: &str, terminal: crate::console::Terminal) -> (Ran, usize) {
        let server = MockServer::start();
        let delete = on(&server, DELETE, "/v2/images/img-a/members/p-1", |then| {
            then.status(204)
        });
        let ran = run_with(
            &server,
            &["member", "remove", "img-a", "p-1"],
            answer,
            terminal,
            &[],
        );
        (ran, delete.calls())
    }

    #[test]
    fn remove_goes_on_only_when_the_answer_is_yes() {
        const PROMPT: &str = "remove 1 member(s) from 1 image(s)? [y/N] ";
        for answer in ["y\n", "yes\n", "YES\n", " y "] {
            let (ran, deletes) = remove_answering(answer, TERMINAL);
            assert_eq!(
                (ran.code, deletes, ran.stderr),
                (0, 1, format!("{PROMPT}ims: removed p-1 from image img-a\n")),
                "{answer:?}"
            );
        }
        for answer in ["n\n", "\n", "", "yess\n", "no"] {
            let (ran, deletes) = remove_answering(answer, TERMINAL);
            assert_eq!(
                (ran.code, deletes, ran.stderr),
                (
                    2,
                    0,
                    format!("{PROMPT}ims: error: not confirmed; nothing was sent\n")
                ),
                "{answer:?}"
            );
        }
    }

    #[test]
    fn remove_off_a_terminal_needs_yes_and_sends_nothing() {
        let half = crate::console::Terminal {
            stdin: true,
            stderr: false,
        };
        for terminal in [SCRIPT, half] {
            let (ran, deletes) = remove_answering("y\n", terminal);
            assert_eq!(
                (ran.code, deletes, ran.stderr.as_str()),
                (
                    2,
                    0,
                    "ims: error: member remove needs --yes when it cannot ask on a terminal; \
                     nothing was sent\n"
                )
            );
        }
    }

    #[test]
    fn v1_read_back_failures_keep_the_whole_error_for_each_pair() {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST)
                .path("/v1/cloudimages/members")
                .json_body(json!({"images": ["img-a", "img-b"], "projects": ["p-1", "p-2"]}));
            then.status(200).json_body(json!({"job_id": "job-1"}));
        });
        on(&server, GET, "/v1/proj/jobs/job-1", |then| {
            then.status(200).json_body(json!({"status": "SUCCESS"}))
        });
        on(&server, GET, "/v1/proj/cloudimages/img-a/members", |then| {
            then.status(200).json_body(json!({"members": [
                member("img-a", "p-1", "pending"), member("img-a", "p-2", "pending")]}))
        });
        on(&server, GET, "/v1/proj/cloudimages/img-b/members", refused);
        let v1 = [("IMS_API", "v1"), ("IMS_PROJECT_ID", "proj")];
        let ran = run_with(
            &server,
            &["member", "add", "-", "p-1", "p-2", "-o", "ids"],
            "img-a img-b",
            SCRIPT,
            &v1,
        );
        let single = run_with(&server, &["member", "list", "img-b"], "", SCRIPT, &v1);
        assert_eq!(
            single.stderr,
            format!("ims: error: image img-b: {REFUSAL}\n{ADVICE}")
        );
        assert_eq!(ran.stdout, "p-1\np-2\n");
        assert_eq!(
            ran.stderr,
            format!(
                "ims: error: image img-b, member p-1: {REFUSAL}\n{ADVICE}\
                 ims: error: image img-b, member p-2: {REFUSAL}\n{ADVICE}"
            )
        );
        assert_eq!((ran.code, single.code), (4, 4));
    }

    #[test]
    fn a_pairs_error_is_the_single_requests_error_with_status_and_retries() {
        let server = MockServer::start();
        on(&server, POST, "/v1/cloudimages/members", |then| {
            then.status(200).json_body(json!({"job_id": "job-1"}))
        });
        on(&server, GET, "/v1/proj/jobs/job-1", |then| {
            then.status(200).json_body(json!({"status": "SUCCESS"}))
        });
        on(&server, GET, "/v1/proj/cloudimages/img-b/members", |then| {
            then.status(503)
                .header("retry-after", "0")
                .header("x-request-id", "req-9")
                .json_body(json!({"error": {"code": "IMG.0001", "message": "busy"}}))
        });
        let env = at(&server);
        let mut env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        env.extend([
            ("IMS_API", "v1"),
            ("IMS_PROJECT_ID", "proj"),
            ("IMS_RETRIES", "1"),
        ]);
        let pair = failure(&["member", "add", "img-b", "p-1"], "", &env);
        let single = failure(&["member", "list", "img-b"], "", &env);
        assert_eq!(pair, single);
        assert_eq!((pair.status(), pair.retries()), (Some(503), 1));
        assert_eq!(
            pair.to_string(),
            "HTTP 503 Service Unavailable: IMG.0001: busy (request id req-9) (after 1 retry)"
        );
    }

    /// A v1 remove of `img-a` from `p-1` whose job answers `states` in turn (the last
    /// for ever after); the run on `terminal`, how many polls the job got, and the time
    /// it took.
    fn v1_remove_polling(
        states: &[Value],
        terminal: crate::console::Terminal,
    ) -> (Ran, usize, std::time::Duration) {
        let server = MockServer::start();
        on(&server, DELETE, "/v1/cloudimages/members", |then| {
            then.status(200).json_body(json!({"job_id": "job-1"}))
        });
        let polls: Vec<_> = states
            .iter()
            .enumerate()
            .map(|(at, state)| {
                let mock = on(&server, GET, "/v1/proj/jobs/job-1", |then| {
                    then.status(200).json_body(state.clone())
                });
                if at + 1 < states.len() {
                    mock.up_to_n_times(1);
                }
                mock
            })
            .collect();
        let started = std::time::Instant::now();
        let ran = run_with(
            &server,
            &["member", "remove", "img-a", "p-1", "--yes"],
            "",
            terminal,
            &[("IMS_API", "v1"), ("IMS_PROJECT_ID", "proj")],
        );
        let calls = polls.iter().map(|poll| poll.calls()).sum();
        (ran, calls, started.elapsed())
    }

    #[test]
    fn v1_jobs_are_waited_for_by_the_consoles_clock_with_progress_on_a_terminal() {
        let running =
            |percent: u8| json!({"status": "RUNNING", "entities": {"process_percent": percent}});
        let states = [
            json!({"status": "INIT"}),
            running(40),
            running(40),
            running(80),
            json!({"status": "SUCCESS"}),
        ];
        let (ran, polls, took) = v1_remove_polling(&states, TERMINAL);
        assert_eq!(
            (ran.code, polls, ran.stderr.as_str()),
            (
                0,
                5,
                "ims: job job-1: INIT\n\
                 ims: job job-1: RUNNING (process_percent 40)\n\
                 ims: job job-1: RUNNING (process_percent 80)\n\
                 ims: job job-1: SUCCESS\n\
                 ims: removed p-1 from image img-a\n"
            )
        );
        // 1 + 2 + 4 + 8 s of polling pauses, not waited for in earnest.
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
        let (ran, _, _) = v1_remove_polling(&states, SCRIPT);
        assert_eq!(ran.stderr, "ims: removed p-1 from image img-a\n");
    }

    #[test]
    fn a_v1_job_that_never_ends_is_given_up_after_ten_minutes() {
        let (ran, polls, took) = v1_remove_polling(&[json!({"status": "RUNNING"})], SCRIPT);
        assert_eq!(ran.code, 7);
        let said = "ims: error: job job-1 is still RUNNING after 10 minutes; gave up waiting \
                    (it may still finish: see `GET http://127.0.0.1:";
        assert!(ran.stderr.starts_with(said), "{}", ran.stderr);
        assert!(
            ran.stderr.ends_with("/v1/proj/jobs/job-1`)\n"),
            "{}",
            ran.stderr
        );
        assert_eq!(ran.stderr.lines().count(), 1);
        // Polls at 0, 1, 3, 7, 15, 25, … 595 s: one more would come after 600 s.
        assert_eq!(polls, 63);
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    }

    #[test]
    fn ids_are_checked_before_any_setting_is_read() {
        for args in [
            &["member", "add", "..", "p-1"][..],
            &["member", "remove", "..", "p-1", "--yes"],
            &["member", "accept", ".."],
            &["member", "reject", ".."],
        ] {
            let ran = ims(args, "", SCRIPT, &[]);
            assert_eq!(
                (ran.code, ran.stderr.as_str()),
                (2, "ims: error: image ID `..` cannot be `.` or `..`\n"),
                "{args:?}"
            );
        }
        let ran = ims(&["member", "add", "img", "a/b"], "", SCRIPT, &[]);
        assert_eq!(
            (ran.code, ran.stderr.as_str()),
            (2, "ims: error: member ID `a/b` cannot contain `/`\n")
        );
        let ran = ims(
            &["member", "accept", "img", "--vault-id", ""],
            "",
            SCRIPT,
            &[],
        );
        assert_eq!(
            (ran.code, ran.stderr.as_str()),
            (2, "ims: error: vault ID `` is empty\n")
        );
    }
}
