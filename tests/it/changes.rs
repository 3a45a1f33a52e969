//! Changing shares against httpmock and raw servers: `member add|remove|accept|reject` on
//! v2 (one request per pair, exact method, path, body and content type) and on Huawei's v1
//! batch API (AK/SK-signed bodies, jobs polled to the end), idempotent outcomes, dry runs
//! and confirmation that send nothing, POST retries, and partial failures.

use std::io::{Read, Write};
use std::net::TcpListener;

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::huawei::{PROJECT, SK, aksk, gateway_accepts};
use crate::util::*;

fn member(image: &str, member: &str, status: &str) -> Value {
    json!({"member_id": member, "image_id": image, "status": status,
           "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z",
           "schema": "/v2/schemas/member"})
}

/// A v2 change: `method` on `path` with exactly the JSON `body`, as JSON, with the token.
fn change(
    when: httpmock::When,
    method: httpmock::Method,
    path: &str,
    body: Value,
) -> httpmock::When {
    when.method(method)
        .path(path.to_string())
        .header("x-auth-token", "t")
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .header("user-agent", USER_AGENT)
        .json_body(body)
}

#[test]
fn add_posts_one_request_per_pair_and_prints_the_records() {
    let server = MockServer::start();
    let mut mocks = Vec::new();
    for who in ["p-a", "p-b"] {
        mocks.push(server.mock(|when, then| {
            change(
                when,
                POST,
                "/v2/images/img/members",
                json!({ "member": who }),
            );
            then.status(200).json_body(member("img", who, "pending"));
        }));
    }
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "t")
        .args(["member", "add", "img", "p-a", "p-b", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        records,
        vec![
            member("img", "p-a", "pending"),
            member("img", "p-b", "pending")
        ]
    );
    for mock in mocks {
        mock.assert_calls(1);
    }
}

#[test]
fn adding_an_existing_member_succeeds_with_its_current_record() {
    let server = MockServer::start();
    let capture = Capture::load("50-");
    let post = server.mock(|when, then| {
        change(
            when,
            POST,
            "/v2/images/img/members",
            json!({"member": "p-a"}),
        );
        capture.respond(then);
    });
    let show = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img/members/p-a");
        then.status(200).json_body(member("img", "p-a", "accepted"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "img", "p-a", "-o", "ids"])
        .assert()
        .success()
        .stdout("p-a\n")
        .stderr("ims: p-a is already a member of image img\n");
    post.assert_calls(1);
    show.assert_calls(1);
}

#[test]
fn a_member_adding_is_refused_with_exit_4() {
    let server = MockServer::start();
    let capture = Capture::load("54-");
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        capture.respond(then);
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "img", "p-z"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(
            "ims: error: image img, member p-z: HTTP 403 Forbidden: You are not authorized to \
             complete add_member action. (request id req-5acbc950-2f4a-4fc5-86c7-6d6eef6a2a19)\n",
        );
}

#[test]
fn remove_deletes_and_tells_a_missing_member_from_a_missing_image() {
    let server = MockServer::start();
    let gone = server.mock(|when, then| {
        when.method(DELETE)
            .path("/v2/images/img/members/p-a")
            .header("x-auth-token", "t")
            .header_missing("content-type")
            .body("");
        then.status(204);
    });
    let capture = Capture::load("57-");
    let absent = server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/img/members/p-x");
        capture.respond(then);
    });
    let list = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img/members");
        then.status(200).json_body(json!({"members": []}));
    });
    let missing_image = server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/nope/members/p-a");
        then.status(404).body("Image nope not found.");
    });
    let missing_list = server.mock(|when, then| {
        when.method(GET).path("/v2/images/nope/members");
        then.status(404).body("Image nope not found.");
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "remove", "img", "p-a", "p-x", "--yes"])
        .assert()
        .success()
        .stdout("")
        .stderr(
            "ims: removed p-a from image img\n\
             ims: p-x is not a member of image img: nothing to remove\n",
        );
    ims_at(&sandbox, &server, "t")
        .args(["member", "remove", "nope", "p-a", "--yes"])
        .assert()
        .code(5)
        .stdout("")
        .stderr("ims: error: image nope, member p-a: HTTP 404 Not Found: Image nope not found.\n");
    gone.assert_calls(1);
    absent.assert_calls(1);
    list.assert_calls(1);
    missing_image.assert_calls(1);
    missing_list.assert_calls(1);
}

#[test]
fn remove_off_a_terminal_needs_yes_and_sends_nothing() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "remove", "img", "p-a"])
        .write_stdin("y\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "ims: error: member remove needs --yes when it cannot ask on a terminal; nothing \
             was sent\n",
        );
    ims_at(&sandbox, &server, "t")
        .args(["member", "remove", "-", "p-a"])
        .write_stdin("img1 img2\n")
        .assert()
        .code(2);
    any.assert_calls(0);
}

/// A bad ID is a usage error before any setting is read: no endpoint, no credential, a
/// config file that does not parse, and still exit 2 naming the ID.
#[test]
fn bad_ids_are_exit_2_before_any_setting_is_read() {
    let sandbox = Sandbox::new();
    sandbox.config("this is [not toml");
    for args in [
        &["member", "add", "img/1", "p-a"][..],
        &["member", "remove", "img/1", "p-a", "--yes"],
        &["member", "accept", "img/1"],
        &["member", "reject", "img/1"],
    ] {
        sandbox
            .ims()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr("ims: error: image ID `img/1` cannot contain `/`\n");
    }
    sandbox
        .ims()
        .args(["member", "add", "-", ".."])
        .write_stdin("img")
        .assert()
        .code(2)
        .stderr("ims: error: member ID `..` cannot be `.` or `..`\n");
}

#[test]
fn dry_run_prints_every_change_and_sends_none() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let base = server.base_url();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "-", "p-a", "p-b", "--dry-run"])
        .write_stdin("i1\ni2\n")
        .assert()
        .success()
        .stderr("")
        .stdout(format!(
            "POST {base}/v2/images/i1/members {{\"member\":\"p-a\"}}\n\
             POST {base}/v2/images/i1/members {{\"member\":\"p-b\"}}\n\
             POST {base}/v2/images/i2/members {{\"member\":\"p-a\"}}\n\
             POST {base}/v2/images/i2/members {{\"member\":\"p-b\"}}\n"
        ));
    ims_at(&sandbox, &server, "t")
        .args(["member", "remove", "i1", "p-a", "--dry-run"])
        .assert()
        .success()
        .stdout(format!("DELETE {base}/v2/images/i1/members/p-a\n"));
    ims_at(&sandbox, &server, "t")
        .args([
            "--project-id",
            "me",
            "member",
            "reject",
            "i1",
            "i2",
            "--dry-run",
        ])
        .assert()
        .success()
        .stdout(format!(
            "PUT {base}/v2/images/i1/members/me {{\"status\":\"rejected\"}}\n\
             PUT {base}/v2/images/i2/members/me {{\"status\":\"rejected\"}}\n"
        ));
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "i1", "org-urn", "--member-type", "organization", "--dry-run"])
        .assert()
        .success()
        .stdout(format!(
            "POST {base}/v1/cloudimages/members {{\"images\":[\"i1\"],\"organizations\":[\"org-urn\"]}}\n"
        ));
    any.assert_calls(0);
}

#[test]
fn accept_and_reject_act_for_this_project() {
    let server = MockServer::start();
    let accept = server.mock(|when, then| {
        change(
            when,
            PUT,
            "/v2/images/i1/members/me",
            json!({"status": "accepted"}),
        );
        then.status(200).json_body(member("i1", "me", "accepted"));
    });
    let reject = server.mock(|when, then| {
        change(
            when,
            PUT,
            "/v2/images/i2/members/me",
            json!({"status": "rejected"}),
        );
        then.status(200).json_body(member("i2", "me", "rejected"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["--project-id", "me", "member", "accept", "-", "-o", "csv"])
        .write_stdin("i1\n")
        .assert()
        .success()
        .stdout(
            "Image ID,Member ID,Status,Created At,Updated At\n\
             i1,me,accepted,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n",
        );
    ims_at(&sandbox, &server, "t")
        .args(["--project-id", "me", "member", "reject", "i2", "-o", "ids"])
        .assert()
        .success()
        .stdout("me\n");
    accept.assert_calls(1);
    reject.assert_calls(1);
}

#[test]
fn accept_without_a_project_is_exit_3_and_member_type_on_v2_is_exit_2() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "accept", "i1"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicates::str::starts_with(
            "ims: error: this command needs this project's ID: set --project-id",
        ));
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "i1", "d1", "--member-type", "domain"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "ims: error: --member-type is for Huawei's v1 API (--api v1); the v2 API shares \
             with projects only\n",
        );
    any.assert_calls(0);
}

#[test]
fn partial_failure_prints_what_succeeded_and_exits_with_the_first_failure() {
    let server = MockServer::start();
    for (image, status) in [("i1", 200), ("i2", 403), ("i3", 200), ("i4", 500)] {
        server.mock(|when, then| {
            when.method(POST)
                .path(format!("/v2/images/{image}/members"));
            match status {
                200 => then.status(200).json_body(member(image, "p-a", "pending")),
                _ => then.status(status).body(format!("no {image}")),
            };
        });
    }
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "-", "p-a", "-o", "ids", "--jobs", "3"])
        .write_stdin("i1 i2 i3 i4")
        .assert()
        .code(4)
        .stdout("p-a\np-a\n")
        .stderr(
            "ims: error: image i2, member p-a: HTTP 403 Forbidden: no i2\n\
             ims: error: image i4, member p-a: HTTP 500 Internal Server Error: no i4\n",
        );
}

/// A server that refuses connections until it has listened for a while, then answers
/// each connection with the next of `answers` (one request each), and records the
/// requests it read.
fn late_server(answers: Vec<String>) -> (u16, std::thread::JoinHandle<Vec<String>>) {
    let port = {
        let probe = TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let handle = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let mut seen = Vec::new();
        for answer in answers {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            loop {
                let n = stream.read(&mut buf).unwrap();
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request);
                if let Some(end) = text.find("\r\n\r\n") {
                    let length = text[..end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length: ")
                                .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    if request.len() >= end + 4 + length || n == 0 {
                        break;
                    }
                }
            }
            seen.push(String::from_utf8_lossy(&request).into_owned());
            stream.write_all(answer.as_bytes()).unwrap();
        }
        seen
    });
    (port, handle)
}

fn http(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[test]
fn a_post_retried_after_connect_refused_then_409_is_success() {
    let record = member("img", "p-a", "pending").to_string();
    let (port, server) = late_server(vec![
        http("409 Conflict", r#"{"message":"Member p-a is duplicated"}"#),
        http("200 OK", &record),
    ]);
    let sandbox = Sandbox::new();
    let out = sandbox
        .ims()
        .args([
            "--endpoint",
            &format!("http://127.0.0.1:{port}"),
            "--token",
            "t",
        ])
        .args(["--retries", "5", "member", "add", "img", "p-a", "-o", "ids"])
        .output()
        .unwrap();
    let seen = server.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "p-a\n");
    assert_eq!(
        stderr_of(&out),
        "ims: p-a is a member of image img (a retried request found it added)\n"
    );
    assert!(
        seen[0].starts_with("POST /v2/images/img/members HTTP/1.1\r\n"),
        "{seen:?}"
    );
    assert!(
        seen[0].ends_with("\r\n\r\n{\"member\":\"p-a\"}"),
        "{seen:?}"
    );
    assert!(
        seen[1].starts_with("GET /v2/images/img/members/p-a HTTP/1.1\r\n"),
        "{seen:?}"
    );
}

#[test]
fn a_post_is_not_retried_on_503_without_retry_after_but_is_with_it() {
    let server = MockServer::start();
    let busy = server.mock(|when, then| {
        when.method(POST).path("/v2/images/i1/members");
        then.status(503).body("busy");
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "i1", "p-a"])
        .assert()
        .code(6)
        .stderr("ims: error: image i1, member p-a: HTTP 503 Service Unavailable: busy\n");
    busy.assert_calls(1);

    let later = server.mock(|when, then| {
        when.method(POST).path("/v2/images/i2/members");
        then.status(503).header("retry-after", "0").body("busy");
    });
    later.up_to_n_times(1);
    let ok = server.mock(|when, then| {
        when.method(POST).path("/v2/images/i2/members");
        then.status(200).json_body(member("i2", "p-a", "pending"));
    });
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "i2", "p-a", "-o", "ids"])
        .assert()
        .success()
        .stdout("p-a\n");
    later.assert_calls(1);
    ok.assert_calls(1);
}

// ---- Huawei's v1 batch API ----

/// The v1 batch endpoint, signed: `method` with exactly `body`.
pub fn batch<'a>(
    server: &'a MockServer,
    method: httpmock::Method,
    body: Value,
    job: &str,
) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        when.method(method)
            .path("/v1/cloudimages/members")
            .header("content-type", "application/json")
            .header("x-project-id", PROJECT)
            .header_missing("x-auth-token")
            .json_body(body)
            .is_true(|req| gateway_accepts(req, SK));
        then.status(200).json_body(json!({ "job_id": job }));
    })
}

/// The job `job` answers `states` in turn (the last one for ever after).
pub fn job_states<'a>(
    server: &'a MockServer,
    job: &str,
    states: &[Value],
) -> Vec<httpmock::Mock<'a>> {
    let mut mocks = Vec::new();
    for (index, state) in states.iter().enumerate() {
        let mock = server.mock(|when, then| {
            when.method(GET)
                .path(format!("/v1/{PROJECT}/jobs/{job}"))
                .is_true(|req| gateway_accepts(req, SK));
            then.status(200).json_body(state.clone());
        });
        if index + 1 < states.len() {
            mock.up_to_n_times(1);
        }
        mocks.push(mock);
    }
    mocks
}

#[test]
fn v1_add_is_one_signed_batch_job_then_the_records_are_read_back() {
    let server = MockServer::start();
    let post = batch(
        &server,
        POST,
        json!({"images": ["i1", "i2"], "projects": ["p-a"]}),
        "job-1",
    );
    let polls = job_states(
        &server,
        "job-1",
        &[
            json!({"status": "RUNNING", "job_id": "job-1"}),
            json!({"status": "SUCCESS", "job_id": "job-1"}),
        ],
    );
    // The records are read back with one member list per image.
    let mut lists = Vec::new();
    for image in ["i1", "i2"] {
        lists.push(server.mock(|when, then| {
            when.method(GET)
                .path(format!("/v1/{PROJECT}/cloudimages/{image}/members"))
                .is_true(|req| gateway_accepts(req, SK));
            then.status(200).json_body(json!({"members": [
                member(image, "p-other", "accepted"), member(image, "p-a", "pending")]}));
        }));
    }
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "-", "p-a", "-o", "csv"])
        .write_stdin("i1\ni2\n")
        .assert()
        .success()
        .stderr("")
        .stdout(
            "Image ID,Member ID,Status,Created At,Updated At\n\
             i1,p-a,pending,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n\
             i2,p-a,pending,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n",
        );
    post.assert_calls(1);
    polls[0].assert_calls(1);
    polls[1].assert_calls(1);
    for list in lists {
        list.assert_calls(1);
    }
}

#[test]
fn v1_remove_and_answers_use_the_same_batch_endpoint() {
    let server = MockServer::start();
    let delete = batch(
        &server,
        DELETE,
        json!({"images": ["i1"], "domains": ["d-1", "d-2"]}),
        "job-del",
    );
    job_states(&server, "job-del", &[json!({"status": "SUCCESS"})]);
    let put = batch(
        &server,
        PUT,
        json!({"images": ["i1", "i2"], "project_id": PROJECT, "status": "accepted"}),
        "job-put",
    );
    job_states(&server, "job-put", &[json!({"status": "SUCCESS"})]);
    for image in ["i1", "i2"] {
        server.mock(|when, then| {
            when.method(GET)
                .path(format!("/v1/{PROJECT}/cloudimages/{image}/members"));
            then.status(200)
                .json_body(json!({"members": [member(image, PROJECT, "accepted")]}));
        });
    }
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args([
            "member",
            "remove",
            "i1",
            "d-1",
            "d-2",
            "--member-type",
            "domain",
            "--yes",
        ])
        .assert()
        .success()
        .stdout("")
        .stderr(
            "ims: removed d-1 from image i1
ims: removed d-2 from image i1
",
        );
    aksk(&sandbox, &server, SK)
        .args(["member", "accept", "i1", "i2", "-o", "ids"])
        .assert()
        .success()
        .stdout(format!("{PROJECT}\n{PROJECT}\n"));
    put.assert_calls(1);
    delete.assert_calls(1);
}

#[test]
fn v1_failed_job_is_exit_6_with_its_reason_and_failing_results() {
    let server = MockServer::start();
    batch(
        &server,
        POST,
        json!({"images": ["i1", "i2"], "projects": ["p-a"]}),
        "job-f",
    );
    job_states(
        &server,
        "job-f",
        &[
            json!({"status": "FAIL", "job_id": "job-f", "error_code": "IMG.0045",
                 "fail_reason": "part of the images failed",
                 "entities": {"results": [
                     {"image_id": "i1", "project_id": "p-a", "status": "success"},
                     {"image_id": "i2", "project_id": "p-a", "status": "FAIL"}]}}),
        ],
    );
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "-", "p-a"])
        .write_stdin("i1 i2")
        .assert()
        .code(6)
        .stdout("")
        .stderr(
            "ims: error: job job-f failed: IMG.0045: part of the images failed; image i2, \
             member p-a: FAIL\n",
        );
}

#[test]
fn very_verbose_shows_the_body_sent_and_masks_the_token() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(PUT).path("/v2/images/i1/members/me");
        then.status(200).json_body(member("i1", "me", "accepted"));
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "secret-token-1")
        .args([
            "-vv",
            "--project-id",
            "me",
            "member",
            "accept",
            "i1",
            "-o",
            "ids",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("ims: > Content-Type: application/json\n"),
        "{stderr}"
    );
    assert!(stderr.contains("ims: > X-Auth-Token: ****\n"), "{stderr}");
    assert!(
        stderr.contains("ims: > {\"status\":\"accepted\"}\n"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret-token-1"), "{stderr}");
}

#[test]
fn v1_a_job_that_never_ends_is_cut_by_the_deadline_naming_it() {
    let server = MockServer::start();
    batch(
        &server,
        POST,
        json!({"images": ["i1"], "projects": ["p-a"]}),
        "job-forever",
    );
    let polls = job_states(&server, "job-forever", &[json!({"status": "RUNNING"})]);
    let sandbox = Sandbox::new();
    let started = std::time::Instant::now();
    aksk(&sandbox, &server, SK)
        .args(["--deadline", "1.5", "member", "add", "i1", "p-a"])
        .assert()
        .code(7)
        .stdout("")
        .stderr(
            "ims: error: job job-forever is still RUNNING: not retried: waiting 2 s would \
             pass the --deadline of 1.5 s\n",
        );
    // Polled at once and after 1 s; the 2 s pause would pass the deadline.
    polls[0].assert_calls(2);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn a_post_the_server_read_before_dropping_the_connection_is_not_sent_again() {
    use std::sync::{Arc, Mutex};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let log = seen.clone();
    std::thread::spawn(move || {
        let mut answered = false;
        for stream in listener.incoming().flatten() {
            let mut stream = stream;
            loop {
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                let complete = loop {
                    let n = match stream.read(&mut buf) {
                        Ok(0) | Err(_) => break false,
                        Ok(n) => n,
                    };
                    request.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&request).to_string();
                    if let Some(end) = text.find("\r\n\r\n")
                        && text[end + 4..].ends_with('}')
                    {
                        break true;
                    }
                };
                if !complete {
                    break;
                }
                log.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&request).to_string());
                if answered {
                    // Read in full, then the connection is dropped without an answer.
                    break;
                }
                answered = true;
                let body = member("img", "m1", "pending").to_string();
                let _ = stream.write_all(
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                        body.len()
                    )
                    .as_bytes(),
                );
            }
        }
    });
    let sandbox = Sandbox::new();
    let out = sandbox
        .ims()
        .args([
            "--endpoint",
            &format!("http://127.0.0.1:{port}"),
            "--token",
            "t",
        ])
        .args([
            "member", "add", "img", "m1", "m2", "--jobs", "1", "-o", "ids",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "m1\n");
    let posts_of_m2 = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|request| request.ends_with("{\"member\":\"m2\"}"))
        .count();
    assert_eq!(posts_of_m2, 1, "{:?}", seen.lock().unwrap());
}

#[test]
fn an_empty_stdin_sends_nothing_and_prints_an_empty_result() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    for api in ["v2", "v1"] {
        ims_at(&sandbox, &server, "t")
            .args([
                "--api",
                api,
                "--project-id",
                "me",
                "member",
                "accept",
                "-",
                "-o",
                "json",
            ])
            .write_stdin("")
            .assert()
            .success()
            .stdout("[]\n")
            .stderr("");
        ims_at(&sandbox, &server, "t")
            .args([
                "--api",
                api,
                "--project-id",
                "me",
                "member",
                "add",
                "-",
                "p-a",
                "--dry-run",
            ])
            .write_stdin("\n")
            .assert()
            .success()
            .stdout("");
    }
    any.assert_calls(0);
}

#[test]
fn each_pair_is_sent_once_however_often_it_is_named() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        change(
            when,
            POST,
            "/v2/images/img/members",
            json!({"member": "p-g"}),
        );
        then.status(200).json_body(member("img", "p-g", "pending"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "-", "p-g", "p-g", "-o", "ids"])
        .write_stdin("img img\n")
        .assert()
        .success()
        .stdout("p-g\n");
    post.assert_calls(1);
}

#[test]
fn a_change_answered_without_a_record_is_read_back() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(201);
    });
    let put = server.mock(|when, then| {
        when.method(PUT).path("/v2/images/img/members/me");
        then.status(200)
            .header("content-type", "text/plain")
            .body("OK");
    });
    for who in ["p-a", "me"] {
        server.mock(|when, then| {
            when.method(GET)
                .path(format!("/v2/images/img/members/{who}"));
            then.status(200).json_body(member("img", who, "accepted"));
        });
    }
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "img", "p-a", "-o", "ids"])
        .assert()
        .success()
        .stdout("p-a\n");
    ims_at(&sandbox, &server, "t")
        .args(["--project-id", "me", "member", "accept", "img", "-o", "ids"])
        .assert()
        .success()
        .stdout("me\n");
    post.assert_calls(1);
    put.assert_calls(1);
}

#[test]
fn v1_organizations_are_urns_and_are_found_again_by_urn() {
    let server = MockServer::start();
    let urn = "organizations::6c03d9b4:ou:o-z514sd4ksd/ou-qdjrky7i07";
    let post = batch(
        &server,
        POST,
        json!({"images": ["i1"], "organizations": [urn]}),
        "job-o",
    );
    job_states(&server, "job-o", &[json!({"status": "SUCCESS"})]);
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("/v1/{PROJECT}/cloudimages/i1/members"));
        then.status(200).json_body(json!({"members": [
            {"member_id": "ou-qdjrky7i07", "image_id": "i1", "status": "accepted",
             "member_type": "organization", "urn": urn}]}));
    });
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args([
            "member",
            "add",
            "i1",
            urn,
            "--member-type",
            "organization",
            "-o",
            "ids",
        ])
        .assert()
        .success()
        .stdout("ou-qdjrky7i07\n");
    post.assert_calls(1);
    aksk(&sandbox, &server, SK)
        .args([
            "member",
            "add",
            "i1",
            "has space",
            "--member-type",
            "organization",
        ])
        .assert()
        .code(2);
}

#[test]
fn v1_job_answers_that_cannot_be_understood_are_exit_8() {
    let server = MockServer::start();
    batch(
        &server,
        POST,
        json!({"images": ["i1"], "projects": ["p-a"]}),
        "job-x",
    );
    job_states(
        &server,
        "job-x",
        &[json!({"error": {"code": "X", "message": "odd"}})],
    );
    let bad_id = server.mock(|when, then| {
        when.method(PUT).path("/v1/cloudimages/members");
        then.status(200).json_body(json!({"job_id": ".."}));
    });
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "i1", "p-a"])
        .assert()
        .code(8)
        .stdout("");
    aksk(&sandbox, &server, SK)
        .args(["member", "accept", "i1"])
        .assert()
        .code(8)
        .stderr(predicates::str::contains(
            "the answer's job ID: job ID `..` cannot be",
        ));
    bad_id.assert_calls(1);
}

#[test]
fn notes_and_failures_are_reported_in_input_order() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/i1/members/p-a");
        then.status(403).body("no");
    });
    server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/i2/members/p-a");
        then.status(204);
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "remove", "-", "p-a", "--yes", "--jobs", "1"])
        .write_stdin("i1 i2")
        .assert()
        .code(4)
        .stdout("")
        .stderr(
            "ims: error: image i1, member p-a: HTTP 403 Forbidden: no\n\
             ims: removed p-a from image i2\n",
        );
}

#[test]
fn v1_requests_hang_off_the_service_root_of_an_endpoint_ending_in_v2() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .env("IMS_ENDPOINT", format!("{}/prefix/v2", server.base_url()))
        .args(["member", "add", "i1", "p-a", "--dry-run"])
        .assert()
        .success()
        .stdout(format!(
            "POST {}/prefix/v1/cloudimages/members {{\"images\":[\"i1\"],\"projects\":[\"p-a\"]}}\n",
            server.base_url()
        ));
    any.assert_calls(0);
}

#[test]
fn a_change_is_not_redirected_and_the_error_names_where() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(307)
            .header("location", "/elsewhere/v2/images/img/members");
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "img", "p-a"])
        .assert()
        .code(6)
        .stdout("")
        .stderr(format!(
            "ims: error: image img, member p-a: POST {}/v2/images/img/members: HTTP 307 \
             Temporary Redirect: redirect to `/elsewhere/v2/images/img/members` not followed \
             for a change; point --endpoint at the new address\n",
            server.base_url()
        ));
}
