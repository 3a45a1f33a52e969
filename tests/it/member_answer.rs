//! `ims member accept|reject` against httpmock: the answer is given for this project, which
//! must be known, and `-vv` shows the body sent with the token masked.

use httpmock::prelude::*;
use serde_json::json;

use crate::fixtures::glance::*;
use crate::util::*;

#[test]
fn accept_and_reject_act_for_this_project() {
    let server = MockServer::start();
    let accept = server.mock(|when, then| {
        change(when, PUT, "/v2/images/i1/members/me", json!({"status": "accepted"}));
        then.status(200).json_body(member("i1", "me", "accepted"));
    });
    let reject = server.mock(|when, then| {
        change(when, PUT, "/v2/images/i2/members/me", json!({"status": "rejected"}));
        then.status(200).json_body(member("i2", "me", "rejected"));
    });
    ims_for(&server)
        .args(["--project-id", "me", "member", "accept", "-", "-o", "csv"])
        .write_stdin("i1\n")
        .prints(
            "Image ID,Member ID,Status,Created At,Updated At\n\
             i1,me,accepted,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n",
        );
    ims_for(&server)
        .args(["--project-id", "me", "member", "reject", "i2", "-o", "ids"])
        .prints("me\n");
    accept.assert_calls(1);
    reject.assert_calls(1);
}

#[test]
fn accept_without_a_project_is_exit_3_and_member_type_on_v2_is_exit_2() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    ims_for(&server).args(["member", "accept", "i1"]).exits(3).stdout("").stderr(
        predicates::str::starts_with(
            "ims: error: this command needs this project's ID: set --project-id",
        ),
    );
    ims_for(&server)
        .args(["member", "add", "i1", "d1", "--member-type", "domain"])
        .exits(2)
        .stdout("")
        .stderr(
            "ims: error: --member-type is for Huawei's v1 API (--api v1); the v2 API shares \
             with projects only\n",
        );
    any.assert_calls(0);
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
        .args(["-vv", "--project-id", "me", "member", "accept", "i1", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("ims: > Content-Type: application/json\n"), "{stderr}");
    assert!(stderr.contains("ims: > X-Auth-Token: ****\n"), "{stderr}");
    assert!(stderr.contains("ims: > {\"status\":\"accepted\"}\n"), "{stderr}");
    assert!(!stderr.contains("secret-token-1"), "{stderr}");
}

#[test]
fn an_answer_taken_without_a_record_whose_read_back_is_refused_stands() {
    // v2: the PUT succeeds with an empty answer (204), and the service refuses the member
    // the read of its own record (403): the answer took effect, so it is not a failure;
    // the record printed is what it set, and stderr says the read was not possible.
    let server = MockServer::start();
    let put = server.mock(|when, then| {
        change(when, PUT, "/v2/images/i1/members/me", json!({"status": "accepted"}));
        then.status(204);
    });
    let read = server.mock(|when, then| {
        when.method(GET).path("/v2/images/i1/members/me");
        then.status(403).body("403 Forbidden");
    });
    let url = server.url("/v2/images/i1/members/me");
    ims_for(&server)
        .args(["--project-id", "me", "member", "accept", "i1", "-o", "csv"])
        .prints("Image ID,Member ID,Status,Created At,Updated At\ni1,me,accepted,,\n")
        .stderr(format!(
            "ims: image i1: PUT {url} succeeded, so me is accepted; the service did not let \
             it read that back (HTTP 403)\n"
        ));
    put.assert_calls(1);
    read.assert_calls(1);
}
