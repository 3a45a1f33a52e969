//! `ims member add` against httpmock and raw servers: one POST per pair on v2 (exact
//! method, path, body and content type), an existing member as success, POST retries
//! only where the request cannot have been read, Huawei's v1 batch job (AK/SK-signed,
//! polled to the end), and advice on Glance's refusals: its member quota (`413`), and a
//! `403` explained by one read of the image (not `shared`, or another project's).
//! Huawei's error codes are advised on in `huawei.rs`.

use std::io::{Read, Write};
use std::net::TcpListener;

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::fixtures::glance::*;
use crate::fixtures::huawei::*;
use crate::util::*;

#[test]
fn add_posts_one_request_per_pair_and_prints_the_records() {
    let server = MockServer::start();
    let mut mocks = Vec::new();
    for who in ["p-a", "p-b"] {
        mocks.push(server.mock(|when, then| {
            change(when, POST, "/v2/images/img/members", json!({ "member": who }));
            then.status(200).json_body(member("img", who, "pending"));
        }));
    }
    let run = ims_for(&server)
        .args(["member", "add", "img", "p-a", "p-b", "-o", "json"])
        .succeeds()
        .stderr("");
    let records: Vec<Value> = serde_json::from_slice(&run.get_output().stdout).unwrap();
    assert_eq!(records, vec![member("img", "p-a", "pending"), member("img", "p-b", "pending")]);
    called(&mocks, 1);
}

#[test]
fn adding_an_existing_member_succeeds_with_its_current_record() {
    let server = MockServer::start();
    let capture = Capture::load("50-");
    let post = server.mock(|when, then| {
        change(when, POST, "/v2/images/img/members", json!({"member": "p-a"}));
        capture.respond(then);
    });
    let show = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img/members/p-a");
        then.status(200).json_body(member("img", "p-a", "accepted"));
    });
    ims_for(&server)
        .args(["member", "add", "img", "p-a", "-o", "ids"])
        .prints("p-a\n")
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
    ims_for(&server).args(["member", "add", "img", "p-z"]).exits(4).stdout("").stderr(
        "ims: error: image img, member p-z: HTTP 403 Forbidden: You are not authorized to \
             complete add_member action. (request id req-5acbc950-2f4a-4fc5-86c7-6d6eef6a2a19)\n",
    );
}

#[test]
fn each_pair_is_sent_once_however_often_it_is_named() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        change(when, POST, "/v2/images/img/members", json!({"member": "p-g"}));
        then.status(200).json_body(member("img", "p-g", "pending"));
    });
    ims_for(&server)
        .args(["member", "add", "-", "p-g", "p-g", "-o", "ids"])
        .write_stdin("img img\n")
        .prints("p-g\n");
    post.assert_calls(1);
}

#[test]
fn partial_failure_prints_what_succeeded_and_exits_with_the_first_failure() {
    let server = MockServer::start();
    for (image, status) in [("i1", 200), ("i2", 403), ("i3", 200), ("i4", 500)] {
        server.mock(|when, then| {
            when.method(POST).path(format!("/v2/images/{image}/members"));
            match status {
                200 => then.status(200).json_body(member(image, "p-a", "pending")),
                _ => then.status(status).body(format!("no {image}")),
            };
        });
    }
    ims_for(&server)
        .args(["member", "add", "-", "p-a", "-o", "ids", "--jobs", "3"])
        .write_stdin("i1 i2 i3 i4")
        .exits(4)
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
        .args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "t"])
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
    assert!(seen[0].starts_with("POST /v2/images/img/members HTTP/1.1\r\n"), "{seen:?}");
    assert!(seen[0].ends_with("\r\n\r\n{\"member\":\"p-a\"}"), "{seen:?}");
    assert!(seen[1].starts_with("GET /v2/images/img/members/p-a HTTP/1.1\r\n"), "{seen:?}");
}

#[test]
fn a_post_is_not_retried_on_503_without_retry_after_but_is_with_it() {
    let server = MockServer::start();
    let busy = server.mock(|when, then| {
        when.method(POST).path("/v2/images/i1/members");
        then.status(503).body("busy");
    });
    ims_for(&server)
        .args(["member", "add", "i1", "p-a"])
        .exits(6)
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
    ims_for(&server).args(["member", "add", "i2", "p-a", "-o", "ids"]).prints("p-a\n");
    later.assert_calls(1);
    ok.assert_calls(1);
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
                log.lock().unwrap().push(String::from_utf8_lossy(&request).to_string());
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
        .args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "t"])
        .args(["member", "add", "img", "m1", "m2", "--jobs", "1", "-o", "ids"])
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
fn a_change_is_not_redirected_and_the_error_names_where() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(307).header("location", "/elsewhere/v2/images/img/members");
    });
    ims_for(&server).args(["member", "add", "img", "p-a"]).exits(6).stdout("").stderr(format!(
        "ims: error: image img, member p-a: POST {}/v2/images/img/members: HTTP 307 \
             Temporary Redirect: redirect to `/elsewhere/v2/images/img/members` not followed \
             for a change; point --endpoint at the new address\n",
        server.base_url()
    ));
}

#[test]
fn v1_add_is_one_signed_batch_job_then_the_records_are_read_back() {
    let server = MockServer::start();
    let post = batch(&server, POST, json!({"images": ["i1", "i2"], "projects": ["p-a"]}), "job-1");
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
        .succeeds()
        .stderr("")
        .stdout(
            "Image ID,Member ID,Status,Created At,Updated At\n\
             i1,p-a,pending,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n\
             i2,p-a,pending,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n",
        );
    post.assert_calls(1);
    polls[0].assert_calls(1);
    polls[1].assert_calls(1);
    called(&lists, 1);
}

#[test]
fn v1_organizations_are_urns_and_are_found_again_by_urn() {
    let server = MockServer::start();
    let urn = "organizations::6c03d9b4:ou:o-z514sd4ksd/ou-qdjrky7i07";
    let post = batch(&server, POST, json!({"images": ["i1"], "organizations": [urn]}), "job-o");
    job_states(&server, "job-o", &[json!({"status": "SUCCESS"})]);
    server.mock(|when, then| {
        when.method(GET).path(format!("/v1/{PROJECT}/cloudimages/i1/members"));
        then.status(200).json_body(json!({"members": [
            {"member_id": "ou-qdjrky7i07", "image_id": "i1", "status": "accepted",
             "member_type": "organization", "urn": urn}]}));
    });
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "i1", urn, "--member-type", "organization", "-o", "ids"])
        .prints("ou-qdjrky7i07\n");
    post.assert_calls(1);
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "i1", "has space", "--member-type", "organization"])
        .exits(2);
}

#[test]
fn v1_requests_hang_off_the_service_root_of_an_endpoint_ending_in_v2() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .env("IMS_ENDPOINT", format!("{}/prefix/v2", server.base_url()))
        .args(["member", "add", "i1", "p-a", "--dry-run"])
        .prints(format!(
            "POST {}/prefix/v1/cloudimages/members {{\"images\":[\"i1\"],\"projects\":[\"p-a\"]}}\n",
            server.base_url()
        ));
    any.assert_calls(0);
}

#[test]
fn v1_failed_job_is_exit_6_with_its_reason_and_failing_results() {
    let server = MockServer::start();
    batch(&server, POST, json!({"images": ["i1", "i2"], "projects": ["p-a"]}), "job-f");
    job_states(
        &server,
        "job-f",
        &[json!({"status": "FAIL", "job_id": "job-f", "error_code": "IMG.0045",
                 "fail_reason": "part of the images failed",
                 "entities": {"results": [
                     {"image_id": "i1", "project_id": "p-a", "status": "success"},
                     {"image_id": "i2", "project_id": "p-a", "status": "FAIL"}]}})],
    );
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "-", "p-a"])
        .write_stdin("i1 i2")
        .exits(6)
        .stdout("")
        .stderr(
            "ims: error: job job-f failed: IMG.0045: part of the images failed; image i2, \
             member p-a: FAIL\n",
        );
}

#[test]
fn v1_a_job_that_never_ends_is_cut_by_the_deadline_naming_it() {
    let server = MockServer::start();
    batch(&server, POST, json!({"images": ["i1"], "projects": ["p-a"]}), "job-forever");
    let polls = job_states(&server, "job-forever", &[json!({"status": "RUNNING"})]);
    let sandbox = Sandbox::new();
    let started = std::time::Instant::now();
    aksk(&sandbox, &server, SK)
        .args(["--deadline", "1.5", "member", "add", "i1", "p-a"])
        .exits(7)
        .stdout("")
        .stderr(
            "ims: error: job job-forever is still RUNNING: not retried: waiting 2 s would \
             pass the --deadline of 1.5 s\n",
        );
    // Polled at once and after 1 s; the 2 s pause would pass the deadline.
    polls[0].assert_calls(2);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

// ---- advice on refusals ----

/// The image as Glance 33 shows it (the shape of capture `01-`), with `visibility` and
/// `owner`.
fn glance_image(id: &str, visibility: &str, owner: &str) -> Value {
    json!({"name": "golden", "disk_format": "raw", "container_format": "bare",
           "visibility": visibility, "size": null, "virtual_size": null, "status": "queued",
           "checksum": null, "protected": false, "min_ram": 0, "min_disk": 0, "owner": owner,
           "os_hidden": false, "os_hash_algo": null, "os_hash_value": null, "id": id,
           "created_at": "2026-11-22T15:37:08Z", "updated_at": "2026-11-22T15:37:08Z",
           "tags": [], "self": format!("/v2/images/{id}"),
           "file": format!("/v2/images/{id}/file"), "schema": "/v2/schemas/image"})
}

/// `ims --project-id proj-owner member add IMG p-z` against a Glance that refuses the
/// create with `capture` and shows the image as `image` (`None`: 404): exit code and
/// stderr; the image is read at most once.
fn refused_add(capture: &str, image: Option<Value>) -> (Option<i32>, String) {
    refused_add_as(&["--project-id", "proj-owner"], capture, image)
}

/// [`refused_add`] with `global` options instead of `--project-id proj-owner`.
fn refused_add_as(global: &[&str], capture: &str, image: Option<Value>) -> (Option<i32>, String) {
    let server = MockServer::start();
    let refuse = Capture::load(capture);
    let post = server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        refuse.respond(then);
    });
    let read = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img").header("x-auth-token", "t");
        match &image {
            Some(image) => then.status(200).json_body(image.clone()),
            None => then.status(404).body("404 Not Found"),
        };
    });
    let out = ims_for(&server).args(global).args(["member", "add", "img", "p-z"]).output().unwrap();
    assert_eq!(stdout_of(&out), "");
    post.assert_calls(1);
    assert!(read.calls() <= 1);
    (out.status.code(), stderr_of(&out))
}

const PRIVATE_403: &str = "ims: error: image img, member p-z: HTTP 403 Forbidden: Not allowed \
     to create members for image acd979a7-071c-4100-b45e-92ce500e52ce. (request id \
     req-7cb7dea4-55ae-4dc9-b0ec-33c2cfa22450)\n";

const MEMBER_403: &str = "ims: error: image img, member p-z: HTTP 403 Forbidden: You are not \
     authorized to complete add_member action. (request id \
     req-5acbc950-2f4a-4fc5-86c7-6d6eef6a2a19)\n";

#[test]
fn a_refused_add_to_a_private_image_says_to_make_it_shared() {
    assert_eq!(
        refused_add("53-", Some(glance_image("img", "private", "proj-owner"))),
        (
            Some(4),
            format!(
                "{PRIVATE_403}ims: advice: image img is private, and Glance takes members \
                 only on images whose visibility is `shared`: make it shared (`ims share \
                 apply` does so, or `openstack image set --shared img`), then add the \
                 members\n"
            )
        )
    );
    assert_eq!(
        refused_add("53-", Some(glance_image("img", "community", "proj-owner"))).1,
        format!(
            "{PRIVATE_403}ims: advice: image img is community, so every project sees it \
             already; members are only for images whose visibility is `shared`\n"
        )
    );
}

#[test]
fn a_refused_add_to_another_projects_image_names_its_owner() {
    assert_eq!(
        refused_add("54-", Some(glance_image("img", "shared", "proj-other"))),
        (
            Some(4),
            format!(
                "{MEMBER_403}ims: advice: image img belongs to project proj-other: only its \
                 owner can share it\n"
            )
        )
    );
}

#[test]
fn a_refusal_the_image_does_not_explain_is_left_as_it_is() {
    // This project's own shared image: the refusal has another cause.
    assert_eq!(
        refused_add("54-", Some(glance_image("img", "shared", "proj-owner"))),
        (Some(4), MEMBER_403.to_string())
    );
    // The image cannot be read.
    assert_eq!(refused_add("54-", None), (Some(4), MEMBER_403.to_string()));
    // This project is not known (a bare token, no --project-id): a shared image may be its
    // own, so its owner proves nothing.
    assert_eq!(
        refused_add_as(&[], "54-", Some(glance_image("img", "shared", "proj-other"))),
        (Some(4), MEMBER_403.to_string())
    );
    // A visibility Glance does not have: no guess at what it means.
    assert_eq!(
        refused_add("53-", Some(glance_image("img", "frozen", "proj-owner"))),
        (Some(4), PRIVATE_403.to_string())
    );
}

#[test]
fn under_huawei_rules_a_refused_add_never_says_to_make_the_image_shared() {
    // Stated (no request for the rules): a private image, or one the owner reads as
    // `shared` once it has members, gets no advice; a public one says why without `shared`.
    let huawei = ["--project-id", "proj-owner", "--sharing-rules", "huawei"];
    for visibility in ["private", "shared"] {
        let image = glance_image("img", visibility, "proj-owner");
        assert_eq!(refused_add_as(&huawei, "53-", Some(image)), (Some(4), PRIVATE_403.to_string()));
    }
    assert_eq!(
        refused_add_as(&huawei, "53-", Some(glance_image("img", "public", "proj-owner"))).1,
        format!(
            "{PRIVATE_403}ims: advice: image img is public, so every project sees it already; \
             members are only for private images\n"
        )
    );
    // Neither stated nor remembered: the record read is Huawei's (it has `__imagetype`).
    let mut image = glance_image("img", "private", "proj-owner");
    image["__imagetype"] = json!("private");
    assert_eq!(refused_add("53-", Some(image)), (Some(4), PRIVATE_403.to_string()));
}

#[test]
fn glance_member_quota_413_gets_advice() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(413).header("content-type", "text/html; charset=UTF-8").body(
            "<html>\n <head>\n  <title>413 Request Entity Too Large</title>\n </head>\n \
                 <body>\n  <h1>413 Request Entity Too Large</h1>\n  Maximum number of image \
                 members exceeded: 128.<br /><br />\n\n\n\n </body>\n</html>",
        );
    });
    ims_for(&server).args(["member", "add", "img", "p-z"]).exits(6).stdout("").stderr(
        "ims: error: image img, member p-z: HTTP 413 Payload Too Large: 413 Request \
             Entity Too Large Maximum number of image members exceeded: 128.\n\
             ims: advice: the image has as many members as this Glance allows \
             (`image_member_quota` in glance-api.conf, 128 by default): remove members it \
             no longer needs (`ims member remove`) or ask the operator to raise the quota\n",
    );
    post.assert_calls(1);
}

#[test]
fn each_refused_pair_gets_its_own_advice_in_input_order() {
    // Two images refused at once (--jobs 2): the quota first, then a private image; each
    // error is followed by its own advice, in the order the images were given.
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img-q/members");
        then.status(413).body("Maximum number of image members exceeded: 128.");
    });
    let refuse = Capture::load("53-");
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img-p/members");
        refuse.respond(then);
    });
    let read = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img-p");
        then.status(200).json_body(glance_image("img-p", "private", "proj-owner"));
    });
    ims_for(&server)
        .args(["--project-id", "proj-owner", "member", "add", "-", "p-z"])
        .args(["--jobs", "2"])
        .write_stdin("img-q img-p")
        .exits(6)
        .stdout("")
        .stderr(
            "ims: error: image img-q, member p-z: HTTP 413 Payload Too Large: Maximum number \
             of image members exceeded: 128.\n\
             ims: advice: the image has as many members as this Glance allows \
             (`image_member_quota` in glance-api.conf, 128 by default): remove members it no \
             longer needs (`ims member remove`) or ask the operator to raise the quota\n\
             ims: error: image img-p, member p-z: HTTP 403 Forbidden: Not allowed to create \
             members for image acd979a7-071c-4100-b45e-92ce500e52ce. (request id \
             req-7cb7dea4-55ae-4dc9-b0ec-33c2cfa22450)\n\
             ims: advice: image img-p is private, and Glance takes members only on images \
             whose visibility is `shared`: make it shared (`ims share apply` does so, or \
             `openstack image set --shared img-p`), then add the members\n",
        );
    read.assert_calls(1);
}

#[test]
fn a_dry_run_add_reads_nothing_and_advises_nothing() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    ims_for(&server)
        .args(["--project-id", "proj-owner", "member", "add", "img", "p-z", "--dry-run"])
        .prints(format!(
            "POST {}/v2/images/img/members {{\"member\":\"p-z\"}}\n",
            server.base_url()
        ))
        .stderr("");
    any.assert_calls(0);
}

#[test]
fn a_refusal_that_carries_a_known_code_keeps_the_codes_advice_and_reads_nothing() {
    // Huawei's native v2 API refuses with its own code: that code says what to do, and the
    // image read that explains Glance's bare 403 is neither needed nor a better guess.
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(403).json_body(
            json!({"error": {"code": "IMG.0098", "message": "The image is encrypted."}}),
        );
    });
    let read = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img");
        then.status(200).json_body(glance_image("img", "private", "proj-owner"));
    });
    ims_for(&server)
        .args(["--project-id", "proj-owner", "member", "add", "img", "p-z"])
        .exits(4)
        .stdout("")
        .stderr(
            "ims: error: image img, member p-z: HTTP 403 Forbidden: IMG.0098: The image is \
             encrypted.\nims: advice: an encrypted image cannot be shared this way: share an \
             unencrypted copy of it\n",
        );
    read.assert_calls(0);
}
