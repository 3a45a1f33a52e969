//! Huawei Cloud IMS: the v1 member API, pagination, AK/SK signing checked the way the
//! API gateway checks it, and Huawei's error bodies.

use crate::fixtures::glance::*;
use crate::fixtures::huawei::*;
use crate::util::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

fn v1(server: &MockServer, sandbox: &Sandbox) -> assert_cmd::Command {
    let mut cmd = ims_at(sandbox, server, "tok");
    cmd.args(["--api", "v1", "--project-id", PROJECT]);
    cmd
}

#[test]
fn v1_show_organization_member_from_the_seed() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        expect_standard_headers(when, "tok").path(format!(
            "/v1/{PROJECT}/cloudimages/370befec-a369-475e-a224-44a45927a8fe/members/ou-qdjrky7i07higfa4f6reqv9etybmp4ng"
        ));
        then.status(200).body(seed("v1-show-organization.json"));
    });
    let sandbox = Sandbox::new();
    let show = [
        "member",
        "show",
        "370befec-a369-475e-a224-44a45927a8fe",
        "ou-qdjrky7i07higfa4f6reqv9etybmp4ng",
    ];
    v1(&server, &sandbox)
        .args(show)
        .prints(
            "┌─────────────┬───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐\n\
             │ Field       ┆ Value                                                                                                                     │\n\
             ╞═════════════╪═══════════════════════════════════════════════════════════════════════════════════════════════════════════════════════════╡\n\
             │ member_id   ┆ ou-qdjrky7i07higfa4f6reqv9etybmp4ng                                                                                       │\n\
             │ image_id    ┆ 370befec-a369-475e-a224-44a45927a8fe                                                                                      │\n\
             │ status      ┆ accepted                                                                                                                  │\n\
             │ created_at  ┆ 2023-08-23T04:09:12Z                                                                                                      │\n\
             │ updated_at  ┆ 2023-08-23T04:09:12Z                                                                                                      │\n\
             │ member_type ┆ organization                                                                                                              │\n\
             │ urn         ┆ organizations::6c031a41eefc480bb60f20c003891fcd:ou:o-z5142zmm6p5cumsxralfljeb3qrwqamd/ou-qdjrky7i07higfa4f6reqv9etybmp4ng │\n\
             │ schema      ┆ /v2/schemas/member                                                                                                        │\n\
             └─────────────┴───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘\n",
        );
    let out = v1(&server, &sandbox).args(show).args(["-o", "json"]).output().unwrap();
    let parsed: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(parsed, serde_json::from_str::<Value>(&seed("v1-show-organization.json")).unwrap());
    mock.assert_calls(2);
}

#[test]
fn v1_list_shows_member_type_and_urn_columns() {
    let server = MockServer::start();
    answer_json(
        &server,
        format!("/v1/{PROJECT}/cloudimages/img/members"),
        200,
        json!({"members": [
            {"member_id": "p1", "image_id": "img", "status": "accepted", "created_at": "2023-08-23T04:09:12Z",
             "updated_at": "2023-08-23T04:09:12Z", "member_type": "project"},
            {"member_id": "ou-1", "image_id": "img", "status": "pending", "created_at": null,
             "updated_at": null, "member_type": "organization", "urn": "organizations::x:ou:o-y/ou-1"}
        ]}),
    );
    let sandbox = Sandbox::new();
    v1(&server, &sandbox)
        .args(["member", "list", "img"])
        .prints(
            "┌──────────┬───────────┬──────────┬──────────────────────┬──────────────────────┬──────────────┬──────────────────────────────┐\n\
             │ Image ID ┆ Member ID ┆ Status   ┆ Created At           ┆ Updated At           ┆ Member Type  ┆ URN                          │\n\
             ╞══════════╪═══════════╪══════════╪══════════════════════╪══════════════════════╪══════════════╪══════════════════════════════╡\n\
             │ img      ┆ p1        ┆ accepted ┆ 2023-08-23T04:09:12Z ┆ 2023-08-23T04:09:12Z ┆ project      ┆                              │\n\
             │ img      ┆ ou-1      ┆ pending  ┆ null                 ┆ null                 ┆ organization ┆ organizations::x:ou:o-y/ou-1 │\n\
             └──────────┴───────────┴──────────┴──────────────────────┴──────────────────────┴──────────────┴──────────────────────────────┘\n",
        );
}

#[test]
fn v1_needs_a_project_id() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    ims_for(&server)
        .env("IMS_API", "v1")
        .args(["member", "list", "img"])
        .exits(3)
        .stderr("ims: error: the v1 API (from IMS_API) needs a project ID: set --project-id, IMS_PROJECT_ID or project_id in the profile\n");
    ims_for(&server)
        .args(["--api", "v1", "--project-id", "a/b", "member", "list", "img"])
        .exits(3)
        .stderr("ims: error: project ID `a/b` cannot contain `/` (from --project-id)\n");
    any.assert_calls(0);
}

fn page(ids: std::ops::Range<usize>, next: Option<&str>) -> Value {
    let members: Vec<Value> = ids
        .map(|i| json!({"member_id": format!("m{i:06}"), "image_id": "img", "status": "accepted"}))
        .collect();
    match next {
        Some(marker) => {
            json!({"members": members, "page_info": {"next_marker": marker, "current_count": 2}})
        }
        None => json!({"members": members}),
    }
}

#[test]
fn pages_are_followed_with_marker_and_limit() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        when.path("/v2/images/img/members").query_param("limit", "2").query_param_missing("marker");
        then.status(200).json_body(page(0..2, Some("m 1/opaque+=")));
    });
    let second = server.mock(|when, then| {
        when.path("/v2/images/img/members")
            .query_param("limit", "2")
            .query_param("marker", "m 1/opaque+=");
        then.status(200).json_body(page(2..4, Some("m3")));
    });
    let last = server.mock(|when, then| {
        when.path("/v2/images/img/members").query_param("limit", "2").query_param("marker", "m3");
        then.status(200).json_body(
            json!({"members": [{"member_id": "m000004"}], "page_info": {"next_marker": ""}}),
        );
    });
    ims_for(&server)
        .args(["member", "list", "img", "--limit", "2", "-o", "ids"])
        .prints("m000000\nm000001\nm000002\nm000003\nm000004\n");
    first.assert_calls(1);
    second.assert_calls(1);
    last.assert_calls(1);
}

#[test]
fn pagination_without_limit_and_an_empty_page_ends_it() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        when.path("/v2/images/img/members")
            .query_param_missing("marker")
            .query_param_missing("limit");
        then.status(200).json_body(page(0..1, Some("next")));
    });
    let second = server.mock(|when, then| {
        when.path("/v2/images/img/members")
            .query_param("marker", "next")
            .query_param_missing("limit");
        then.status(200).json_body(json!({"members": [], "page_info": {"next_marker": "again"}}));
    });
    ims_for(&server)
        .args(["member", "list", "img", "-o", "json"])
        .prints("[\n  {\n    \"member_id\": \"m000000\",\n    \"image_id\": \"img\",\n    \"status\": \"accepted\"\n  }\n]\n");
    first.assert_calls(1);
    second.assert_calls(1);
}

#[test]
fn a_repeating_marker_stops_with_exit_8() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/img/members").query_param_missing("marker");
        then.status(200).json_body(page(0..1, Some("loop")));
    });
    let looping = server.mock(|when, then| {
        when.path("/v2/images/img/members").query_param("marker", "loop");
        then.status(200).json_body(page(1..2, Some("loop")));
    });
    ims_for(&server)
        .args(["member", "list", "img", "-o", "ids"])
        .exits(8)
        .stdout("")
        .stderr(format!(
            "ims: error: image img: GET {}/v2/images/img/members: the service sent page marker `loop` twice; stopped rather than loop\n",
            server.base_url()
        ));
    looping.assert_calls(1);
}

#[test]
fn limit_out_of_range_is_a_usage_error() {
    let sandbox = Sandbox::new();
    for limit in ["0", "1001", "-5", "x"] {
        sandbox
            .ims()
            .args(["--endpoint", "http://127.0.0.1:1", "--token", "t"])
            .args(["member", "list", "img", "--limit", limit])
            .exits(2)
            .stdout("");
    }
}

#[test]
fn a_hundred_thousand_members_over_pages() {
    const PAGE: usize = 10_000;
    let server = MockServer::start();
    for index in 0..10 {
        let next = (index < 9).then(|| format!("marker-{}", index + 1));
        let body = page(index * PAGE..(index + 1) * PAGE, next.as_deref()).to_string();
        server.mock(|when, then| {
            let when = when.path("/v2/images/img/members").query_param("limit", "1000");
            if index == 0 {
                when.query_param_missing("marker");
            } else {
                when.query_param("marker", format!("marker-{index}"));
            }
            then.status(200).body(body);
        });
    }
    for format in ["ids", "json"] {
        let out = ims_for(&server)
            .args(["member", "list", "img", "--limit", "1000", "-o", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let stdout = stdout_of(&out);
        if format == "ids" {
            assert_eq!(stdout.lines().count(), 100_000);
            assert_eq!(stdout.lines().last(), Some("m099999"));
        } else {
            let parsed: Vec<Value> = serde_json::from_str(&stdout).unwrap();
            assert_eq!(parsed.len(), 100_000);
        }
    }
}

// ---- AK/SK: a gateway's view, written apart from src/ so the two can disagree ----

/// A gateway in front of `on_valid`'s answer: bad signatures get 401 APIGW.0301.
fn gateway<'a>(
    server: &'a MockServer,
    path: String,
    body: Value,
) -> (httpmock::Mock<'a>, httpmock::Mock<'a>) {
    let ok = server.mock(|when, then| {
        when.path(path.clone())
            .header("x-project-id", PROJECT)
            .header_missing("x-auth-token")
            .is_true(|req| gateway_accepts(req, SK));
        then.status(200).json_body(body);
    });
    let refused = server.mock(|when, then| {
        when.path(path).is_false(|req| gateway_accepts(req, SK));
        then.status(401)
            .header("x-request-id", "4b5d1c0a9e")
            .json_body(json!({"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: verify aksk signature fail", "request_id": "4b5d1c0a9e"}));
    });
    (ok, refused)
}

/// [`gateway`] in front of member m of image img.
fn gateway_member_m(server: &MockServer) -> (httpmock::Mock<'_>, httpmock::Mock<'_>) {
    gateway(server, format!("/v1/{PROJECT}/cloudimages/img/members/m"), json!({"member_id": "m"}))
}

#[test]
fn aksk_signed_show_with_encoded_path_passes_the_gateway() {
    let server = MockServer::start();
    let (ok, refused) = gateway(
        &server,
        format!("/v1/{PROJECT}/cloudimages/img%20%C3%BC/members/m%281%29"),
        json!({"member_id": "m(1)", "status": "accepted"}),
    );
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "show", "img ü", "m(1)", "-o", "ids"])
        .prints("m(1)\n");
    ok.assert_calls(1);
    refused.assert_calls(0);
}

#[test]
fn aksk_signed_pages_with_markers_pass_the_gateway() {
    let server = MockServer::start();
    let path = format!("/v1/{PROJECT}/cloudimages/img/members");
    let first = server.mock(|when, then| {
        when.path(path.clone())
            .query_param_missing("marker")
            .is_true(|req| gateway_accepts(req, SK));
        then.status(200).json_body(page(0..2, Some("a b/c&d=é")));
    });
    let second = server.mock(|when, then| {
        when.path(path.clone())
            .query_param("marker", "a b/c&d=é")
            .query_param("limit", "2")
            .is_true(|req| gateway_accepts(req, SK));
        then.status(200).json_body(page(2..3, None));
    });
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["member", "list", "img", "--limit", "2", "-o", "ids"])
        .prints("m000000\nm000001\nm000002\n");
    first.assert_calls(1);
    second.assert_calls(1);
}

#[test]
fn wrong_secret_key_is_refused_once_with_a_hint() {
    let server = MockServer::start();
    let (ok, refused) = gateway_member_m(&server);
    let sandbox = Sandbox::new();
    let run = aksk(&sandbox, &server, "wrong-secret-key-value")
        .args(["-vv", "member", "show", "img", "m"])
        .exits(4);
    let stderr = stderr_of(run.get_output());
    assert!(
        stderr.ends_with(
            "ims: error: member m of image img: HTTP 401 Unauthorized: APIGW.0301: Incorrect IAM authentication information: verify aksk signature fail (request id 4b5d1c0a9e) (hint: check the access key and secret key, and this machine's clock: the gateway allows 15 minutes of skew)\n"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("wrong-secret-key-value"), "{stderr}");
    assert!(stderr.contains(", Signature=****\n"), "{stderr}");
    ok.assert_calls(0);
    refused.assert_calls(1);
}

#[test]
fn security_token_is_sent_signed_and_never_shown() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.path(format!("/v1/{PROJECT}/cloudimages/img/members/m"))
            .header("x-security-token", "hush-security-token")
            .is_true(|req| {
                gateway_accepts(req, SK)
                    && req
                        .headers()
                        .get("authorization")
                        .is_some_and(|v| v.to_str().unwrap_or("").contains("x-security-token"))
            });
        then.status(200).json_body(json!({"member_id": "m"}));
    });
    let sandbox = Sandbox::new();
    let out = aksk(&sandbox, &server, SK)
        .env("HUAWEICLOUD_SDK_SECURITY_TOKEN", "hush-security-token")
        .args(["-vv", "member", "show", "img", "m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let all = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert!(!all.contains("hush"), "{all}");
    assert!(!all.contains(SK), "{all}");
    assert!(stderr_of(&out).contains("ims: > X-Security-Token: ****\n"));
    mock.assert_calls(1);
}

#[test]
fn huawei_sdk_variables_work_and_aksk_needs_a_project() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    sandbox
        .ims()
        .env("IMS_ENDPOINT", server.base_url())
        .env("HUAWEICLOUD_SDK_AK", AK)
        .env("HUAWEICLOUD_SDK_SK", SK)
        .args(["member", "show", "img", "m"])
        .exits(3)
        .stderr("ims: error: AK/SK signing (access key from HUAWEICLOUD_SDK_AK) needs a project ID for X-Project-Id: set --project-id, IMS_PROJECT_ID or project_id in the profile\n");
    sandbox
        .ims()
        .env("IMS_ENDPOINT", server.base_url())
        .env("IMS_TOKEN", "t")
        .env("IMS_ACCESS_KEY", AK)
        .env("IMS_SECRET_KEY", SK)
        .args(["member", "show", "img", "m"])
        .exits(3)
        .stderr("ims: error: both a token (from IMS_TOKEN) and an access key pair (from IMS_ACCESS_KEY) are set at the same level; keep one\n");
    any.assert_calls(0);
}

#[test]
fn aksk_from_a_profile() {
    let server = MockServer::start();
    let (ok, _) = gateway_member_m(&server);
    let sandbox = Sandbox::new();
    sandbox.profile_for(
        &server,
        &format!(
            "api = \"v1\"\nproject_id = \"{PROJECT}\"\naccess_key = \"{AK}\"\nsecret_key = \"{SK}\"\n"
        ),
    );
    sandbox.ims().args(["member", "show", "img", "m", "-o", "ids"]).prints("m\n");
    ok.assert_calls(1);
}

#[test]
fn ims_error_body_with_request_id_header() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path(format!("/v1/{PROJECT}/cloudimages/img/members/m"));
        then.status(404)
            .header("x-request-id", "a1b2c3")
            .json_body(json!({"error": {"code": "IMG.0027", "message": "The image does not exist or you do not have permission on it."}}));
    });
    let sandbox = Sandbox::new();
    v1(&server, &sandbox)
        .args(["member", "show", "img", "m"])
        .exits(5)
        .stderr("ims: error: member m of image img: HTTP 404 Not Found: IMG.0027: The image does not exist or you do not have permission on it. (request id a1b2c3)\n");
}

// ---- Huawei's image list: a capped page is not the last page ----

/// A `cloudimages` image of this project, as the service lists it.
fn cloud_image(index: usize) -> Value {
    json!({"id": format!("img-{index:03}"), "name": format!("golden-{index}"), "owner": PROJECT,
           "visibility": "shared", "status": "active", "__imagetype": "private",
           "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z"})
}

/// A service that holds 601 images and caps each `GET /v2/cloudimages` page at `cap`
/// images, whatever `limit` asks, then answers an empty page: the mocks of the pages.
fn capped_cloudimages<'a>(
    server: &'a MockServer,
    limit: &str,
    cap: usize,
) -> Vec<httpmock::Mock<'a>> {
    let mut starts: Vec<usize> = (0..=601).step_by(cap).chain([601]).collect();
    starts.dedup();
    starts
        .iter()
        .map(|&start| {
            server.mock(|when, then| {
                let when = when
                    .method(GET)
                    .path("/v2/cloudimages")
                    .query_param("__imagetype", "shared")
                    .query_param("owner", PROJECT)
                    .query_param("limit", limit);
                match start {
                    0 => when.query_param_missing("marker"),
                    _ => when.query_param("marker", format!("img-{:03}", start - 1)),
                };
                let images: Vec<Value> = (start..601.min(start + cap)).map(cloud_image).collect();
                then.status(200).json_body(json!({ "images": images }));
            })
        })
        .collect()
}

#[test]
fn v1_image_list_reads_past_a_page_capped_below_the_limit() {
    let server = MockServer::start();
    let pages = capped_cloudimages(&server, "1000", 500);
    assert_eq!(pages.len(), 3);
    let sandbox = Sandbox::new();
    let out = v1(&server, &sandbox)
        .args(["image", "list", "--limit", "1000", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let expected: String = (0..601).map(|i| format!("img-{i:03}\n")).collect();
    assert_eq!(stdout_of(&out), expected);
    assert_eq!(stderr_of(&out), "");
    called(&pages, 1);
}

#[test]
fn v1_member_list_all_audits_every_image_past_a_capped_page() {
    let server = MockServer::start();
    // The audit lists the images with the default page size, 500; this service caps at 300.
    let pages = capped_cloudimages(&server, "500", 300);
    assert_eq!(pages.len(), 4);
    let members = server.mock(|when, then| {
        when.method(GET)
            .path_matches(format!("^/v1/{PROJECT}/cloudimages/img-[0-9]{{3}}/members$"));
        then.status(200).json_body(json!({"members": [
            {"member_id": "p-a", "image_id": "x", "status": "accepted"}]}));
    });
    let sandbox = Sandbox::new();
    let out = v1(&server, &sandbox)
        .args(["member", "list", "--all", "--limit", "1000", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "p-a\n".repeat(601));
    called(&pages, 1);
    members.assert_calls(601);
}

// ---- Huawei's jobs: why a job failed, advice, statuses, vaults ----

/// The v1 batch add of `images` to `p-a`, started as job `job` that answers `states` in
/// turn: the mocks of the polls.
fn add_job<'a>(
    server: &'a MockServer,
    images: &[&str],
    job: &str,
    states: &[Value],
) -> Vec<httpmock::Mock<'a>> {
    batch(server, POST, json!({"images": images, "projects": ["p-a"]}), job);
    job_states(server, job, states)
}

/// `ims member add i1 i2 p-a` on v1 (AK/SK), its job answering `job` once it is polled:
/// the exit code and stderr.
fn failed_add(job: Value) -> (Option<i32>, String) {
    let server = MockServer::start();
    add_job(&server, &["i1", "i2"], "job-f", &[job]);
    let sandbox = Sandbox::new();
    let out = aksk(&sandbox, &server, SK)
        .args(["member", "add", "-", "p-a"])
        .write_stdin("i1 i2")
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "");
    (out.status.code(), stderr_of(&out))
}

#[test]
fn a_failed_job_names_every_reason_it_carries() {
    let cases = [
        // The job's own fields.
        (
            json!({"status": "FAIL", "job_id": "job-f", "job_type": "ImsBatchAddMembersJob",
                   "begin_time": "2026-11-20T10:00:00.000Z", "end_time": "2026-11-20T10:00:02.000Z",
                   "error_code": "IMG.0045", "fail_reason": "part of the images failed",
                   "entities": {}}),
            "IMG.0045: part of the images failed",
        ),
        // Only in `entities`: was "no reason given".
        (
            json!({"status": "FAIL", "job_id": "job-f", "error_code": null, "fail_reason": null,
                   "entities": {"error_code": "IMG.0027", "error": "the image does not exist"}}),
            "IMG.0027: the image does not exist",
        ),
        (
            json!({"status": "FAIL", "job_id": "job-f",
                   "entities": {"image_id": "i1", "addition_error_code": "IMG.0151",
                                "addition_error_msg": "the image is being replicated"}}),
            "image i1: IMG.0151: the image is being replicated",
        ),
        // Per image, in the sub-jobs.
        (
            json!({"status": "FAIL", "job_id": "job-f", "entities": {
                "sub_jobs_list": ["sub-1", "sub-2"],
                "sub_jobs_result": [
                    {"status": "SUCCESS", "job_id": "sub-1", "job_type": "ImsAddMemberJob",
                     "entities": {"image_id": "i1", "image_name": "one"}},
                    {"status": "FAIL", "job_id": "sub-2", "job_type": "ImsAddMemberJob",
                     "error_code": "IMG.0027", "fail_reason": "the image is being deleted",
                     "entities": {"image_id": "i2", "image_name": "two"}}]}}),
            "image i2: FAIL: IMG.0027: the image is being deleted",
        ),
        // Per image and member in `results`, whose status comes in either case.
        (
            json!({"status": "FAIL", "job_id": "job-f", "entities": {"results": [
                {"image_id": "i1", "project_id": "p-a", "status": "success"},
                {"image_id": "i2", "project_id": "p-a", "status": "failed"}]}}),
            "image i2, member p-a: failed",
        ),
        (
            json!({"status": "FAIL", "job_id": "job-f", "entities": {"results": [
                {"image_id": "i1", "project_id": "p-a", "status": "SUCCESS"}]}}),
            "no reason given",
        ),
        // Server text is escaped.
        (
            json!({"status": "FAIL", "job_id": "job-f",
                   "fail_reason": "bad\u{1b}[31m\nnews"}),
            "bad\\u{1b}[31m\\nnews",
        ),
    ];
    for (job, reason) in cases {
        assert_eq!(
            failed_add(job.clone()),
            (Some(6), format!("ims: error: job job-f failed: {reason}\n")),
            "{job}"
        );
    }
}

/// The Huawei error codes `ims` advises on, and the advice line of each.
const ADVICE: &[(&str, &str)] = &[
    (
        "IMG.0088",
        "the image has as many members as it may have (128 or 256 per image, depending on \
         the region; 10 for a full-ECS image): remove members it no longer needs (`ims \
         member remove`) before adding more",
    ),
    (
        "IMG.0076",
        "an image is never shared with the project that owns it: leave this project out of \
         the members",
    ),
    (
        "IMG.0089",
        "a public image is seen by every project already and takes no members: share a \
         private copy of it instead",
    ),
    ("IMG.0098", "an encrypted image cannot be shared this way: share an unencrypted copy of it"),
    (
        "IMG.0135",
        "this full-ECS image cannot be shared: only full-ECS images made from a CBR backup \
         can be",
    ),
    (
        "IMG.0184",
        "accepting a full-ECS image made from a CBR backup needs a vault of this project \
         that holds full-server backups: name it with `ims member accept --vault-id ID` (the \
         CBR console lists the vaults)",
    ),
    (
        "IMG.0193",
        "accepting a full-ECS image made from a CBR backup needs a vault of this project \
         that holds full-server backups: name it with `ims member accept --vault-id ID` (the \
         CBR console lists the vaults)",
    ),
];

#[test]
fn sharing_error_codes_get_one_line_of_advice_in_an_answer_and_in_a_job() {
    for (code, advice) in ADVICE {
        // The batch request is refused with IMS's error body.
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path("/v1/cloudimages/members");
            then.status(400).json_body(json!({"error": {"code": code, "message": "refused"}}));
        });
        let sandbox = Sandbox::new();
        aksk(&sandbox, &server, SK)
            .args(["member", "add", "i1", "p-a"])
            .exits(6)
            .stdout("")
            .stderr(format!(
                "ims: error: HTTP 400 Bad Request: {code}: refused\nims: advice: {advice}\n"
            ));
        // The job fails with the code.
        let job = json!({"status": "FAIL", "job_id": "job-f", "error_code": code,
                         "fail_reason": "refused"});
        assert_eq!(
            failed_add(job),
            (
                Some(6),
                format!("ims: error: job job-f failed: {code}: refused\nims: advice: {advice}\n")
            )
        );
    }
    // Two codes with the same advice give it once; a code ims does not know gives none.
    let job = json!({"status": "FAIL", "job_id": "job-f", "error_code": "IMG.0184",
                     "entities": {"sub_jobs_result": [{"status": "FAIL", "error_code": "IMG.0193",
                                  "entities": {"image_id": "i1"}}]}});
    assert_eq!(
        failed_add(job).1,
        format!(
            "ims: error: job job-f failed: IMG.0184; image i1: FAIL: IMG.0193\nims: advice: {}\n",
            ADVICE[5].1
        )
    );
    let job = json!({"status": "FAIL", "job_id": "job-f", "error_code": "IMG.0001"});
    assert_eq!(failed_add(job).1, "ims: error: job job-f failed: IMG.0001\n");
}

#[test]
fn an_unknown_job_status_is_polled_until_the_deadline_and_named() {
    let server = MockServer::start();
    let polls = add_job(
        &server,
        &["i1"],
        "job-u",
        &[
            json!({"status": "INIT", "job_id": "job-u", "entities": {}}),
            json!({"status": "QUEUED", "job_id": "job-u", "entities": {}}),
        ],
    );
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK)
        .args(["--deadline", "3.5", "member", "add", "i1", "p-a"])
        .exits(7)
        .stdout("")
        .stderr(
            "ims: error: job job-u is still in status `QUEUED` (none of INIT, RUNNING, \
             SUCCESS, FAIL): not retried: waiting 4 s would pass the --deadline of 3.5 s\n",
        );
    // At once (INIT), after 1 s and after 2 more (QUEUED, QUEUED); 4 more would pass it.
    polls[0].assert_calls(1);
    polls[1].assert_calls(2);
}

#[test]
fn verbose_shows_every_poll_with_its_progress() {
    let server = MockServer::start();
    batch(&server, DELETE, json!({"images": ["i1"], "projects": ["p-a"]}), "job-v");
    job_states(
        &server,
        "job-v",
        &[
            json!({"status": "INIT", "job_id": "job-v"}),
            json!({"status": "RUNNING", "job_id": "job-v", "entities": {"process_percent": 50.0}}),
            json!({"status": "SUCCESS", "job_id": "job-v", "entities": {"process_percent": 100.0}}),
        ],
    );
    let sandbox = Sandbox::new();
    let out = aksk(&sandbox, &server, SK)
        .args(["-v", "member", "remove", "i1", "p-a", "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let progress: Vec<String> = stderr_of(&out)
        .lines()
        .filter(|line| line.starts_with("ims: job "))
        .map(str::to_string)
        .collect();
    assert_eq!(
        progress,
        [
            "ims: job job-v: INIT",
            "ims: job job-v: RUNNING (process_percent 50.0)",
            "ims: job job-v: SUCCESS (process_percent 100.0)",
        ]
    );
}

#[test]
fn accept_with_a_vault_sends_vault_id_and_v2_refuses_it() {
    let server = MockServer::start();
    let put = batch(
        &server,
        PUT,
        json!({"images": ["i1"], "project_id": PROJECT, "status": "accepted",
               "vault_id": "0b5d2a7e-vault"}),
        "job-a",
    );
    job_states(&server, "job-a", &[json!({"status": "SUCCESS", "job_id": "job-a"})]);
    server.mock(|when, then| {
        when.method(GET).path(format!("/v1/{PROJECT}/cloudimages/i1/members/{PROJECT}"));
        then.status(200)
            .json_body(json!({"member_id": PROJECT, "image_id": "i1", "status": "accepted"}));
    });
    let sandbox = Sandbox::new();
    let accept = ["member", "accept", "i1", "--vault-id", "0b5d2a7e-vault"];
    aksk(&sandbox, &server, SK)
        .args(accept)
        .args(["--dry-run"])
        .prints(format!(
            "PUT {}/v1/cloudimages/members {{\"images\":[\"i1\"],\"project_id\":\"{PROJECT}\",\"status\":\"accepted\",\"vault_id\":\"0b5d2a7e-vault\"}}\n",
            server.base_url()
        ));
    put.assert_calls(0);
    aksk(&sandbox, &server, SK).args(accept).args(["-o", "ids"]).prints(format!("{PROJECT}\n"));
    put.assert_calls(1);

    let v2 = MockServer::start();
    let any = nothing_may_be_sent(&v2);
    ims_at(&sandbox, &v2, "t")
        .args(["--project-id", "me"])
        .args(accept)
        .exits(2)
        .stdout("")
        .stderr("ims: error: --vault-id is for Huawei's v1 API (--api v1); nothing was sent\n");
    any.assert_calls(0);
}

#[test]
fn a_hostile_failed_job_is_explained_in_bounded_text_and_never_shows_a_secret() {
    // 20 000 failing sub-jobs, each with its own reason, and a reason of 100 000 characters
    // that ends in the secret key: a few lines, not megabytes, and no part of the key.
    let sub_jobs: Vec<Value> = (0..20_000)
        .map(|i| {
            json!({"status": "FAIL", "error_code": format!("IMG.{i:04}"),
                   "fail_reason": "refused", "entities": {"image_id": format!("i{i}")}})
        })
        .collect();
    let long_reason = format!("{}{SK}", "x".repeat(100_000));
    let job = json!({"status": "FAIL", "job_id": "job-f", "error_code": "IMG.0088",
                     "fail_reason": format!("{}{SK}", "y".repeat(190)),
                     "entities": {"error": long_reason, "sub_jobs_result": sub_jobs}});
    let (code, stderr) = failed_add(job);
    assert_eq!(code, Some(6));
    assert!(stderr.len() < 8_000, "{} bytes of stderr", stderr.len());
    assert!(!stderr.contains(&SK[..8]), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "ims: error: job job-f failed: IMG.0088: {}****; ",
            "y".repeat(190)
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("; image i0: FAIL: IMG.0000: refused; image i1: FAIL: IMG.0001: refused;"),
        "{stderr}"
    );
    assert!(stderr.contains("; and 19982 more reasons\nims: advice: "), "{stderr}");
}

#[test]
fn v1_image_list_stops_when_the_service_ignores_the_marker() {
    // Paging until an empty page must not loop on a service that answers every marker with
    // the same page.
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        when.method(GET).path("/v2/cloudimages");
        then.status(200).json_body(json!({"images": [cloud_image(1), cloud_image(2)]}));
    });
    let sandbox = Sandbox::new();
    v1(&server, &sandbox).args(["image", "list", "-o", "ids"]).exits(8).stdout("").stderr(format!(
        "ims: error: the images project {PROJECT} shares: GET {}/v2/cloudimages: the \
             service sent page marker `img-002` twice; stopped rather than loop\n",
        server.base_url()
    ));
    page.assert_calls(2);
}

#[test]
fn an_error_body_cut_short_never_shows_part_of_the_token() {
    // A gateway that echoes the request's headers in its error: the message is cut to 500
    // characters, and the cut must not leave a prefix of the token the mask cannot know.
    let token = "gAAAAABnSECRETTOKENabcdefghijklmnopqrstuvwxyz0123456789";
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(400).body(format!("{} X-Auth-Token: {token}", "z".repeat(460)));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, token)
        .args(["member", "add", "img", "p-z"])
        .exits(6)
        .stdout("")
        .stderr(format!(
            "ims: error: image img, member p-z: HTTP 400 Bad Request: {} X-Auth-Token: \
             ****\n",
            "z".repeat(460)
        ));
}

#[test]
fn a_sharing_error_code_in_the_gateways_error_format_gets_advice_too() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v1/cloudimages/members");
        then.status(400).json_body(json!({"error_code": "IMG.0089",
                                          "error_msg": "The image is public."}));
    });
    let sandbox = Sandbox::new();
    aksk(&sandbox, &server, SK).args(["member", "add", "i1", "p-a"]).exits(6).stdout("").stderr(
        format!(
            "ims: error: HTTP 400 Bad Request: IMG.0089: The image is public.\nims: advice: {}\n",
            ADVICE[2].1
        ),
    );
}

/// `ims member ACTION i1 i2 ARGS` on v1, signed, whose batch job `job-r` succeeds at once,
/// when the member show of this project answers `show(image)` (status and body) for each
/// image: the outcome, once each of those requests was made exactly once and no other.
fn answer(
    action: &str,
    status: &str,
    show: impl Fn(&str) -> (u16, Value),
    args: &[&str],
) -> std::process::Output {
    let server = MockServer::start();
    let put = batch(
        &server,
        PUT,
        json!({"images": ["i1", "i2"], "project_id": PROJECT, "status": status}),
        "job-r",
    );
    let mut mocks = vec![put];
    mocks.extend(job_states(&server, "job-r", &[json!({"status": "SUCCESS", "job_id": "job-r"})]));
    for image in ["i1", "i2"] {
        let (code, body) = show(image);
        mocks.push(server.mock(|when, then| {
            when.method(GET)
                .path(format!("/v1/{PROJECT}/cloudimages/{image}/members/{PROJECT}"))
                .is_true(|req| gateway_accepts(req, SK));
            then.status(code).json_body(body);
        }));
    }
    let anything_else = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let sandbox = Sandbox::new();
    let out = aksk(&sandbox, &server, SK)
        .args(["member", action, "i1", "i2"])
        .args(args)
        .output()
        .unwrap();
    called(&mocks, 1);
    anything_else.assert_calls(0);
    out
}

/// The exit code, stdout and stderr of `out`.
fn outcome(out: &std::process::Output) -> (Option<i32>, String, String) {
    (out.status.code(), stdout_of(out), stderr_of(out))
}

#[test]
fn a_v1_answer_reads_back_only_the_members_own_record_never_the_member_list() {
    // The pages offer a member the member show of its own ID; whether it may list an
    // image's members they do not say: the list is never asked.
    let out = answer(
        "accept",
        "accepted",
        |image| {
            (
                200,
                json!({"member_id": PROJECT, "image_id": image, "status": "accepted",
                         "member_type": "project"}),
            )
        },
        &["-o", "csv"],
    );
    let csv = format!(
        "Image ID,Member ID,Status,Created At,Updated At,Member Type,URN\n\
         i1,{PROJECT},accepted,,,project,\n\
         i2,{PROJECT},accepted,,,project,\n"
    );
    assert_eq!(outcome(&out), (Some(0), csv, String::new()));
}

#[test]
fn a_v1_answer_whose_read_back_the_service_refuses_stands_on_the_jobs_success() {
    // A service that lets a member read nothing of the image (403 for i1, 404 for i2):
    // the job said SUCCESS, so the change took effect; the records say what it set, and
    // stderr says why they were not read.
    let out = answer(
        "reject",
        "rejected",
        |image| match image {
            "i1" => (403, json!({"error": {"code": "IMG.0027", "message": "no permission"}})),
            _ => (404, json!({"error": {"code": "IMG.0027", "message": "not found"}})),
        },
        &["-o", "json"],
    );
    let json = format!(
        "[\n  {{\n    \"member_id\": \"{PROJECT}\",\n    \"image_id\": \"i1\",\n    \
         \"status\": \"rejected\"\n  }},\n  {{\n    \"member_id\": \"{PROJECT}\",\n    \
         \"image_id\": \"i2\",\n    \"status\": \"rejected\"\n  }}\n]\n"
    );
    let notes = format!(
        "ims: image i1: job job-r succeeded, so {PROJECT} is rejected; the service did not \
         let it read that back (HTTP 403)\n\
         ims: image i2: job job-r succeeded, so {PROJECT} is rejected; the service did not \
         let it read that back (HTTP 404)\n"
    );
    assert_eq!(outcome(&out), (Some(0), json, notes));
}

#[test]
fn a_v1_answer_whose_read_back_fails_otherwise_is_a_failure() {
    // Only a refusal (403, 404) is taken as "may not read": a 400 is the service's error.
    let out = answer(
        "accept",
        "accepted",
        |image| match image {
            "i1" => (400, json!({"error": {"code": "IMG.0001", "message": "bad request"}})),
            _ => (200, json!({"member_id": PROJECT, "image_id": image, "status": "accepted"})),
        },
        &["-o", "ids"],
    );
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{PROJECT}\n"));
    assert!(stderr_of(&out).starts_with("ims: error: image i1, member "), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("IMG.0001"), "{}", stderr_of(&out));
}
