//! What `member add|remove|accept|reject` share, against httpmock: IDs checked before any
//! setting is read, dry runs that send nothing, an empty stdin, a change answered without
//! a record, and Huawei's v1 batch endpoint and its jobs for every kind of change. Each
//! command's own behaviour is in its file (`member_add.rs`, `member_remove.rs`,
//! `member_answer.rs`).

use httpmock::prelude::*;
use serde_json::json;

use crate::fixtures::glance::*;
use crate::fixtures::huawei::*;
use crate::util::*;

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
            .exits(2)
            .stdout("")
            .stderr("ims: error: image ID `img/1` cannot contain `/`\n");
    }
    sandbox
        .ims()
        .args(["member", "add", "-", ".."])
        .write_stdin("img")
        .exits(2)
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
        .succeeds()
        .stderr("")
        .stdout(format!(
            "POST {base}/v2/images/i1/members {{\"member\":\"p-a\"}}\n\
             POST {base}/v2/images/i1/members {{\"member\":\"p-b\"}}\n\
             POST {base}/v2/images/i2/members {{\"member\":\"p-a\"}}\n\
             POST {base}/v2/images/i2/members {{\"member\":\"p-b\"}}\n"
        ));
    ims_at(&sandbox, &server, "t")
        .args(["member", "remove", "i1", "p-a", "--dry-run"])
        .prints(format!("DELETE {base}/v2/images/i1/members/p-a\n"));
    ims_at(&sandbox, &server, "t")
        .args(["--project-id", "me", "member", "reject", "i1", "i2", "--dry-run"])
        .prints(format!(
            "PUT {base}/v2/images/i1/members/me {{\"status\":\"rejected\"}}\n\
             PUT {base}/v2/images/i2/members/me {{\"status\":\"rejected\"}}\n"
        ));
    aksk(&sandbox, &server, SK)
        .args(["member", "add", "i1", "org-urn", "--member-type", "organization", "--dry-run"])
        .prints(format!(
            "POST {base}/v1/cloudimages/members {{\"images\":[\"i1\"],\"organizations\":[\"org-urn\"]}}\n"
        ));
    any.assert_calls(0);
}

// ---- Huawei's v1 batch API ----

#[test]
fn v1_remove_and_answers_use_the_same_batch_endpoint() {
    let server = MockServer::start();
    let delete =
        batch(&server, DELETE, json!({"images": ["i1"], "domains": ["d-1", "d-2"]}), "job-del");
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
            when.method(GET).path(format!("/v1/{PROJECT}/cloudimages/{image}/members"));
            then.status(200).json_body(json!({"members": [member(image, PROJECT, "accepted")]}));
        });
    }
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "remove", "i1", "d-1", "d-2", "--member-type", "domain", "--yes"])
        .prints("")
        .stderr(
            "ims: removed d-1 from image i1
ims: removed d-2 from image i1
",
        );
    aksk(&sandbox, &server, SK)
        .args(["member", "accept", "i1", "i2", "-o", "ids"])
        .prints(format!("{PROJECT}\n{PROJECT}\n"));
    put.assert_calls(1);
    delete.assert_calls(1);
}

#[test]
fn an_empty_stdin_sends_nothing_and_prints_an_empty_result() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    for api in ["v2", "v1"] {
        ims_for(&server)
            .args(["--api", api, "--project-id", "me", "member", "accept", "-", "-o", "json"])
            .write_stdin("")
            .prints("[]\n")
            .stderr("");
        ims_for(&server)
            .args(["--api", api, "--project-id", "me", "member", "add", "-", "p-a", "--dry-run"])
            .write_stdin("\n")
            .prints("");
    }
    any.assert_calls(0);
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
        then.status(200).header("content-type", "text/plain").body("OK");
    });
    for who in ["p-a", "me"] {
        server.mock(|when, then| {
            when.method(GET).path(format!("/v2/images/img/members/{who}"));
            then.status(200).json_body(member("img", who, "accepted"));
        });
    }
    ims_for(&server).args(["member", "add", "img", "p-a", "-o", "ids"]).prints("p-a\n");
    ims_for(&server)
        .args(["--project-id", "me", "member", "accept", "img", "-o", "ids"])
        .prints("me\n");
    post.assert_calls(1);
    put.assert_calls(1);
}

#[test]
fn v1_job_answers_that_cannot_be_understood_are_exit_8() {
    let server = MockServer::start();
    batch(&server, POST, json!({"images": ["i1"], "projects": ["p-a"]}), "job-x");
    job_states(&server, "job-x", &[json!({"error": {"code": "X", "message": "odd"}})]);
    let bad_id = server.mock(|when, then| {
        when.method(PUT).path("/v1/cloudimages/members");
        then.status(200).json_body(json!({"job_id": ".."}));
    });
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK).args(["member", "add", "i1", "p-a"]).exits(8).stdout("");
    aksk(&sandbox, &server, SK)
        .args(["member", "accept", "i1"])
        .exits(8)
        .stderr(predicates::str::contains("the answer's job ID: job ID `..` cannot be"));
    bad_id.assert_calls(1);
}
