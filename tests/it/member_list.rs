//! `ims member list` against httpmock: seed example, real Glance captures, several images,
//! stdin, `--status`, partial failures and closed pipes.

use crate::fixtures::glance::*;
use crate::util::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

const IMG: &str = "d164b5df-1bc3-4c3f-893e-3e471fd16e64";

fn members_body(image: &str, ids: &[(&str, &str)]) -> String {
    let members: Vec<Value> = ids
        .iter()
        .map(|(id, status)| {
            serde_json::json!({
                "member_id": id, "image_id": image, "status": status,
                "created_at": "2026-11-22T15:37:08Z", "updated_at": "2026-11-22T15:37:08Z",
                "schema": "/v2/schemas/member"
            })
        })
        .collect();
    serde_json::json!({"members": members, "schema": "/v2/schemas/members"}).to_string()
}

#[test]
fn seed_example_in_three_formats() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        expect_standard_headers(when, "tok").path(format!("/v2/images/{IMG}/members"));
        then.status(200).body(seed("v2-list.json"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "tok")
        .args(["member", "list", IMG])
        .succeeds()
        .stderr("")
        .stdout(
            "┌──────────────────────────────────────┬──────────────────────────────────┬──────────┬──────────────────────┬──────────────────────┐\n\
             │ Image ID                             ┆ Member ID                        ┆ Status   ┆ Created At           ┆ Updated At           │\n\
             ╞══════════════════════════════════════╪══════════════════════════════════╪══════════╪══════════════════════╪══════════════════════╡\n\
             │ d164b5df-1bc3-4c3f-893e-3e471fd16e64 ┆ edc89b490d7d4392898e19b2deb34797 ┆ accepted ┆ 2016-09-01T02:05:14Z ┆ 2016-09-01T02:37:11Z │\n\
             └──────────────────────────────────────┴──────────────────────────────────┴──────────┴──────────────────────┴──────────────────────┘\n",
        );
    let out = ims_at(&sandbox, &server, "tok")
        .args(["member", "list", IMG, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let parsed: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let sent: Value = serde_json::from_str(&seed("v2-list.json")).unwrap();
    assert_eq!(parsed, sent["members"]);
    assert!(
        stdout_of(&out)
            .starts_with("[\n  {\n    \"member_id\": \"edc89b490d7d4392898e19b2deb34797\",\n")
    );
    ims_at(&sandbox, &server, "tok")
        .args(["member", "list", IMG, "-o", "ids"])
        .prints("edc89b490d7d4392898e19b2deb34797\n");
    mock.assert_calls(3);
}

#[test]
fn glance_captures_success() {
    for prefix in ["05-", "06-", "07-", "08-", "09-", "11-", "13-", "25-"] {
        let (out, capture) = replay_capture(
            prefix,
            "/v2/images/img/members",
            &["member", "list", "img", "-o", "json"],
        );
        assert_eq!(out.status.code(), Some(0), "{prefix}");
        let parsed: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        let sent: Value = serde_json::from_slice(&capture.body).unwrap();
        assert_eq!(parsed, sent["members"], "{prefix}");
    }
}

#[test]
fn glance_captures_errors() {
    let unauthorized = "HTTP 401 Unauthorized: This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.";
    let missing = "HTTP 404 Not Found: Image 00000000-0000-4000-8000-000000000000 not found.";
    let cases = [
        ("10-", 5, "HTTP 404 Not Found: Image 10c615e9-1c36-4455-9bd8-27cdd95705d6 not found."),
        ("12-", 5, "HTTP 404 Not Found: The resource could not be found."),
        ("14-", 5, missing),
        ("15-", 5, missing),
        ("16-", 5, missing),
        ("17-", 5, missing),
        ("19-", 5, "HTTP 404 Not Found: Image not-a-uuid not found."),
        (
            "21-",
            4,
            "HTTP 403 Forbidden: Not allowed to list members for image acd979a7-071c-4100-b45e-92ce500e52ce: Only shared images have members.",
        ),
        ("27-", 4, unauthorized),
        ("28-", 4, unauthorized),
        ("29-", 4, unauthorized),
        (
            "31-",
            6,
            "HTTP 405 Method Not Allowed: The method PATCH is not allowed for this resource.",
        ),
    ];
    for (prefix, code, message) in cases {
        let (out, capture) =
            replay_capture(prefix, "/v2/images/img/members", &["member", "list", "img"]);
        assert_eq!(out.status.code(), Some(code), "{prefix}");
        assert_eq!(stdout_of(&out), "", "{prefix}");
        let request_id = capture.request_id_note();
        let hint = match capture.status {
            401 => " (hint: check the token: it may have expired or belong to another cloud)",
            _ => "",
        };
        assert_eq!(
            stderr_of(&out),
            format!("ims: error: image img: {message}{request_id}{hint}\n"),
            "{prefix}"
        );
    }
    // Every capture of a failing member list is covered above or is its twin.
    for twin in ["18-", "20-", "22-", "23-", "24-", "26-"] {
        let capture = Capture::load(twin);
        assert!(matches!(capture.status, 403 | 404), "{twin}");
    }
}

#[test]
fn several_images_keep_input_order_and_run_concurrently() {
    let server = MockServer::start();
    // The first image answers last: the output must still start with it.
    let delays = [("img-a", 600), ("img-b", 300), ("img-c", 0)];
    let mocks: Vec<_> = delays
        .iter()
        .map(|(image, delay)| {
            server.mock(|when, then| {
                when.path(format!("/v2/images/{image}/members"));
                then.status(200).delay(std::time::Duration::from_millis(*delay)).body(
                    members_body(
                        image,
                        &[
                            (&format!("{image}-m1"), "accepted"),
                            (&format!("{image}-m2"), "pending"),
                        ],
                    ),
                );
            })
        })
        .collect();
    ims_for(&server)
        .args(["member", "list", "img-a", "img-b", "img-c", "-o", "ids"])
        .prints("img-a-m1\nimg-a-m2\nimg-b-m1\nimg-b-m2\nimg-c-m1\nimg-c-m2\n");
    ims_for(&server)
        .args(["member", "list", "img-a", "img-b", "img-c", "-o", "ids", "--jobs", "1"])
        .prints("img-a-m1\nimg-a-m2\nimg-b-m1\nimg-b-m2\nimg-c-m1\nimg-c-m2\n");
    called(&mocks, 2);
}

#[test]
fn image_ids_from_stdin() {
    let server = MockServer::start();
    let mocks: Vec<_> = ["a", "b", "c", "d"]
        .iter()
        .map(|image| {
            answer(
                &server,
                format!("/v2/images/{image}/members"),
                200,
                members_body(image, &[(&format!("{image}1"), "accepted")]),
            )
        })
        .collect();
    ims_for(&server)
        .args(["member", "list", "a", "-", "d", "-o", "ids"])
        .write_stdin("b\n  c\t\n")
        .prints("a1\nb1\nc1\nd1\n");
    ims_for(&server).args(["member", "list", "-", "-o", "json"]).write_stdin("").prints("[]\n");
    called(&mocks, 1);
}

#[test]
fn status_filter_is_client_side() {
    let server = MockServer::start();
    let mock = replay(&server, "05-", "/v2/images/img/members");
    for (status, ids) in [
        ("accepted", "proj-alpha\n"),
        ("rejected", "proj-beta\n"),
        ("pending", "proj-gamma\nproj-delta\n"),
        ("all", "proj-alpha\nproj-beta\nproj-gamma\nproj-delta\n"),
    ] {
        ims_for(&server)
            .args(["member", "list", "img", "--status", status, "-o", "ids"])
            .prints(ids);
    }
    ims_for(&server).args(["member", "list", "img", "--status", "maybe"]).exits(2);
    mock.assert_calls(4);
}

#[test]
fn empty_list_in_three_formats() {
    let server = MockServer::start();
    replay(&server, "11-", "/v2/images/img/members");
    let run = |format: &str| {
        ims_for(&server).args(["member", "list", "img", "-o", format]).output().unwrap()
    };
    assert_eq!(stdout_of(&run("json")), "[]\n");
    assert_eq!(stdout_of(&run("ids")), "");
    assert_eq!(
        stdout_of(&run("table")),
        "┌──────────┬───────────┬────────┬────────────┬────────────┐\n\
         │ Image ID ┆ Member ID ┆ Status ┆ Created At ┆ Updated At │\n\
         ╞══════════╪═══════════╪════════╪════════════╪════════════╡\n\
         └──────────┴───────────┴────────┴────────────┴────────────┘\n"
    );
}

#[test]
fn failures_keep_the_other_images_and_exit_with_the_first_code() {
    let server = MockServer::start();
    answer(&server, "/v2/images/ok1/members", 200, members_body("ok1", &[("m1", "accepted")]));
    server.mock(|when, then| {
        when.path("/v2/images/gone/members");
        then.status(404)
            .header("x-openstack-request-id", "req-1")
            .body("404 Not Found\n\nImage gone not found.\n\n   ");
    });
    answer(
        &server,
        "/v2/images/private/members",
        403,
        "<html><body><h1>403 Forbidden</h1>Only shared images have members.<br /><br /></body></html>",
    );
    answer(&server, "/v2/images/ok2/members", 200, members_body("ok2", &[("m2", "pending")]));
    ims_for(&server)
        .args(["member", "list", "ok1", "gone", "private", "ok2", "-o", "ids"])
        .exits(5)
        .stdout("m1\nm2\n")
        .stderr(
            "ims: error: image gone: HTTP 404 Not Found: Image gone not found. (request id req-1)\n\
             ims: error: image private: HTTP 403 Forbidden: Only shared images have members.\n",
        );
    ims_for(&server).args(["member", "list", "private", "gone", "-o", "json"]).exits(4).stdout("");
}

#[test]
fn bad_arguments_are_usage_errors_and_send_nothing() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    ims_for(&server)
        .args(["member", "list", "good", "bad/id"])
        .exits(2)
        .stderr("ims: error: image ID `bad/id` cannot contain `/`\n");
    ims_for(&server)
        .args(["member", "list", "good", "-"])
        .write_stdin("x ..\n")
        .exits(2)
        .stderr("ims: error: image ID `..` cannot be `.` or `..`\n");
    for jobs in ["0", "-1", "abc", "257"] {
        ims_for(&server).args(["member", "list", "good", "--jobs", jobs]).exits(2);
    }
    ims_for(&server).args(["member", "list"]).exits(2).stderr(
        "error: the following required arguments were not provided:\n  <IMAGE_ID|--all>\n\n\
             Usage: ims member list [OPTIONS] <IMAGE_ID>...|--all\n\n\
             For more information, try '--help'.\n",
    );
    any.assert_calls(0);
}

#[test]
fn closed_stdout_ends_quietly() {
    let many: Vec<(String, &str)> =
        (0..5000).map(|i| (format!("proj-m{i:05}"), "accepted")).collect();
    let refs: Vec<(&str, &str)> = many.iter().map(|(id, s)| (id.as_str(), *s)).collect();
    let body = members_body("img", &refs);
    let server = MockServer::start();
    answer(&server, "/v2/images/img/members", 200, body.clone());
    let bin = assert_cmd::cargo::cargo_bin("ims");
    for format in ["ids", "json", "ndjson", "table", "csv"] {
        let script = format!(
            "set -o pipefail; '{}' --endpoint '{}' --token t member list img -o {format} | head -1",
            bin.display(),
            server.base_url()
        );
        let sandbox = Sandbox::new();
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .env("HOME", sandbox.dir.path())
            .env("XDG_CONFIG_HOME", sandbox.dir.path())
            .output()
            .unwrap();
        assert_eq!(stderr_of(&out), "", "{format}");
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(stdout_of(&out).lines().count(), 1, "{format}");
    }
}

#[test]
fn jobs_bound_the_connections_and_each_is_kept_for_the_whole_run() {
    let (port, accepted) = counting_http_server(|target| {
        let image = target.split('/').nth(3).unwrap_or_default();
        json_response(&members_body(image, &[("m", "accepted")]))
    });
    let images: Vec<String> = (1..=100).map(|n| format!("img-{n:02}")).collect();
    for jobs in ["1", "2", "8", "16"] {
        let before = accepted.load(std::sync::atomic::Ordering::SeqCst);
        ims_at_port(&Sandbox::new(), port, "t")
            .args(["member", "list", "-o", "ids", "--jobs", jobs])
            .args(&images)
            .prints("m\n".repeat(100));
        let opened = accepted.load(std::sync::atomic::Ordering::SeqCst) - before;
        let jobs: usize = jobs.parse().unwrap();
        assert!(
            (1..=jobs).contains(&opened),
            "--jobs {jobs}: {opened} connections for 100 requests"
        );
    }
}

#[test]
fn member_list_all_lists_every_shared_image_in_order() {
    let server = MockServer::start();
    server.mock(|when, then| {
        exact(when, "/v2/images", &[("visibility", "shared"), ("owner", "p"), ("limit", "1000")]);
        then.status(200).json_body(json!({"images": [
            image("img-b", "p", "B"), image("foreign", "q", "F"), image("img-a", "p", "A")]}));
    });
    for (img, members) in [
        ("img-b", json!([{"member_id": "m1", "image_id": "img-b", "status": "pending"}])),
        (
            "img-a",
            json!([{"member_id": "m2", "image_id": "img-a", "status": "accepted"},
                   {"member_id": "m3", "image_id": "img-a", "status": "pending"}]),
        ),
    ] {
        answer_json(
            &server,
            format!("/v2/images/{img}/members"),
            200,
            json!({ "members": members }),
        );
    }
    let foreign = answer_json(&server, "/v2/images/foreign/members", 200, json!({"members": []}));
    ims_for_project(&server, "p")
        .args(["member", "list", "--all", "--status", "pending", "-o", "csv"])
        .prints(
            "Image ID,Member ID,Status,Created At,Updated At\n\
             img-b,m1,pending,,\n\
             img-a,m3,pending,,\n",
        );
    foreign.assert_calls(0);
}

#[test]
fn member_list_all_sends_nothing_for_an_image_id_that_is_not_one_segment() {
    let server = MockServer::start();
    answer_json(
        &server,
        "/v2/images",
        200,
        json!({"images": [
            image("good", "p", "a"), image("..", "p", "b"), image("a/b", "p", "c")]}),
    );
    let good = answer_json(
        &server,
        "/v2/images/good/members",
        200,
        json!({"members": [{"member_id": "m1", "image_id": "good"}]}),
    );
    ims_for_project(&server, "p")
        .args(["member", "list", "--all", "-o", "ids"])
        .exits(8)
        .stdout("m1\n")
        .stderr(
            "ims: error: image ..: the service listed image ID `..`, which cannot be `.` or `..`\n\
             ims: error: image a/b: the service listed image ID `a/b`, which cannot contain `/`\n",
        );
    good.assert_calls(1);
}

#[test]
fn member_ids_with_whitespace_are_not_printed_as_ids() {
    let server = MockServer::start();
    answer_json(
        &server,
        "/v2/images/img/members",
        200,
        json!({"members": [
            {"member_id": "m-1"}, {"member_id": "m-2\u{2003}m-3"}, {"member_id": "m-4"}]}),
    );
    ims_for(&server)
        .args(["member", "list", "img", "-o", "ids"])
        .exits(8)
        .stdout("m-1\nm-4\n")
        .stderr(
            "ims: error: image img: the service sent member ID `m-2\\u{2003}m-3`, which holds \
             whitespace; not printed\n",
        );
}
