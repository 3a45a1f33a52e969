//! `ims member show` against httpmock: seed examples, real Glance captures, every error
//! status of the documents, broken answers, IDs and endpoints in the URL, and csv. How any
//! request is retried, redirected or cut short is in `transport.rs`.

use crate::fixtures::glance::*;
use crate::util::*;
use httpmock::prelude::*;
use predicates::prelude::PredicateBooleanExt;
use serde_json::{Value, json};

const IMG: &str = "d164b5df-1bc3-4c3f-893e-3e471fd16e64";
const MEM: &str = "edc89b490d7d4392898e19b2deb34797";

fn show_path() -> String {
    format!("/v2/images/{IMG}/members/{MEM}")
}

#[test]
fn seed_example_as_table() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        expect_standard_headers(when, "tok-1").path(show_path());
        then.status(200).header("content-type", "application/json").body(seed("v2-show.json"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "tok-1")
        .args(["member", "show", IMG, MEM])
        .succeeds()
        .stderr("")
        .stdout(
            "┌────────────┬──────────────────────────────────────┐\n\
             │ Field      ┆ Value                                │\n\
             ╞════════════╪══════════════════════════════════════╡\n\
             │ member_id  ┆ edc89b490d7d4392898e19b2deb34797     │\n\
             │ image_id   ┆ d164b5df-1bc3-4c3f-893e-3e471fd16e64 │\n\
             │ status     ┆ accepted                             │\n\
             │ created_at ┆ 2016-09-01T02:05:14Z                 │\n\
             │ updated_at ┆ 2016-09-01T02:37:11Z                 │\n\
             │ schema     ┆ /v2/schemas/member                   │\n\
             └────────────┴──────────────────────────────────────┘\n",
        );
    mock.assert_calls(1);
}

#[test]
fn seed_example_as_json_and_ids() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        expect_standard_headers(when, "tok-1").path(show_path());
        then.status(200).body(seed("v2-show.json"));
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "tok-1")
        .args(["member", "show", IMG, MEM, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_of(&out),
        "{\n  \"member_id\": \"edc89b490d7d4392898e19b2deb34797\",\n  \"image_id\": \"d164b5df-1bc3-4c3f-893e-3e471fd16e64\",\n  \"status\": \"accepted\",\n  \"created_at\": \"2016-09-01T02:05:14Z\",\n  \"updated_at\": \"2016-09-01T02:37:11Z\",\n  \"schema\": \"/v2/schemas/member\"\n}\n"
    );
    let parsed: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let sent: Value = serde_json::from_str(&seed("v2-show.json")).unwrap();
    assert_eq!(parsed, sent);

    ims_at(&sandbox, &server, "tok-1")
        .args(["member", "show", IMG, MEM, "--output", "ids"])
        .prints(format!("{MEM}\n"));
    mock.assert_calls(2);
}

#[test]
fn v1_organization_example_keeps_member_type_and_urn_in_json() {
    let server = MockServer::start();
    answer(
        &server,
        "/v2/images/370befec-a369-475e-a224-44a45927a8fe/members/ou-qdjrky7i07higfa4f6reqv9etybmp4ng",
        200,
        seed("v1-show-organization.json"),
    );
    let out = ims_for(&server)
        .args([
            "member",
            "show",
            "370befec-a369-475e-a224-44a45927a8fe",
            "ou-qdjrky7i07higfa4f6reqv9etybmp4ng",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let parsed: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    let sent: Value = serde_json::from_str(&seed("v1-show-organization.json")).unwrap();
    assert_eq!(parsed, sent);
}

#[test]
fn unknown_status_null_timestamp_and_extra_fields_render() {
    let server = MockServer::start();
    let body = r#"{"member_id":"m1","image_id":"i","status":"frozen","created_at":null,"updated_at":"2026-01-01T00:00:00Z","schema":"/v2/schemas/member","x_extra":{"a":1}}"#;
    answer(&server, "/v2/images/i/members/m1", 200, body);
    ims_for(&server).args(["member", "show", "i", "m1"]).prints(
        "┌────────────┬──────────────────────┐\n\
             │ Field      ┆ Value                │\n\
             ╞════════════╪══════════════════════╡\n\
             │ member_id  ┆ m1                   │\n\
             │ image_id   ┆ i                    │\n\
             │ status     ┆ frozen               │\n\
             │ created_at ┆ null                 │\n\
             │ updated_at ┆ 2026-01-01T00:00:00Z │\n\
             │ schema     ┆ /v2/schemas/member   │\n\
             │ x_extra    ┆ {\"a\":1}              │\n\
             └────────────┴──────────────────────┘\n",
    );
    let out = ims_for(&server).args(["member", "show", "i", "m1", "-o", "json"]).output().unwrap();
    let parsed: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(parsed, serde_json::from_str::<Value>(body).unwrap());
}

/// The seed documents' error statuses, each with its exit code from the README's table.
#[test]
fn every_documented_error_status() {
    let cases = [
        (400, 6, "400 Bad Request"),
        (401, 4, "401 Unauthorized"),
        (403, 4, "403 Forbidden"),
        (404, 5, "404 Not Found"),
        (500, 6, "500 Internal Server Error"),
        (503, 6, "503 Service Unavailable"),
    ];
    for (status, code, line) in cases {
        let server = MockServer::start();
        let mock = server.mock(|when, then| {
            when.path(show_path());
            then.status(status)
                .header("content-type", "application/json")
                .header("x-openstack-request-id", "req-42")
                .body(format!(r#"{{"message": "Something {status}.<br /><br />\n\n\n", "code": "{line}", "title": "T"}}"#));
        });
        let sandbox = Sandbox::new();
        let hint = match status {
            401 => " (hint: check the token: it may have expired or belong to another cloud)",
            503 => " (after 1 retry)",
            _ => "",
        };
        ims_at(&sandbox, &server, "secret-tok")
            .args(["--retries", "1", "member", "show", IMG, MEM])
            .exits(code)
            .stdout("")
            .stderr(format!(
                "ims: error: member {MEM} of image {IMG}: HTTP {line}: Something {status}. (request id req-42){hint}\n"
            ));
        // Only 503 is transient: 400, 401, 403, 404 and 500 are asked once.
        mock.assert_calls(if status == 503 { 2 } else { 1 });
    }
}

/// Real Glance answers to `member show`, served byte for byte.
#[test]
fn glance_captures_success() {
    for prefix in ["34-", "35-", "36-", "39-"] {
        let (out, capture) = replay_capture(
            prefix,
            "/v2/images/img/members/mem",
            &["member", "show", "img", "mem", "-o", "json"],
        );
        assert_eq!(out.status.code(), Some(0), "{prefix}");
        let parsed: Value = serde_json::from_str(&stdout_of(&out)).unwrap();
        assert_eq!(parsed, serde_json::from_slice::<Value>(&capture.body).unwrap(), "{prefix}");
    }
}

#[test]
fn glance_captures_errors() {
    let not_found_image =
        "HTTP 404 Not Found: Image 00000000-0000-4000-8000-000000000000 not found.";
    let cases = [
        (
            "37-",
            5,
            "HTTP 404 Not Found: proj-alpha not found in the member list of the image 10c615e9-1c36-4455-9bd8-27cdd95705d6.",
        ),
        ("38-", 5, "HTTP 404 Not Found: Image 10c615e9-1c36-4455-9bd8-27cdd95705d6 not found."),
        (
            "40-",
            5,
            "HTTP 404 Not Found: proj-nope not found in the member list of the image 10c615e9-1c36-4455-9bd8-27cdd95705d6.",
        ),
        (
            "41-",
            5,
            "HTTP 404 Not Found: proj-nope not found in the member list of the image 10c615e9-1c36-4455-9bd8-27cdd95705d6.",
        ),
        ("42-", 5, not_found_image),
        ("43-", 5, not_found_image),
        ("44-", 5, "HTTP 404 Not Found: Image not-a-uuid not found."),
        ("45-", 5, "HTTP 404 Not Found: Image 3555778d-71e4-4016-8b5c-78bc685a4467 not found."),
        ("46-", 5, "HTTP 404 Not Found: Only shared images have members."),
        ("47-", 5, "HTTP 404 Not Found: Only shared images have members."),
        ("48-", 5, "HTTP 404 Not Found: The resource could not be found."),
        (
            "49-",
            4,
            "HTTP 401 Unauthorized: This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.",
        ),
    ];
    for (prefix, code, message) in cases {
        let (out, capture) =
            replay_capture(prefix, "/v2/images/img/members/mem", &["member", "show", "img", "mem"]);
        assert_eq!(out.status.code(), Some(code), "{prefix}");
        assert_eq!(stdout_of(&out), "", "{prefix}");
        let stderr = stderr_of(&out);
        let request_id = capture.request_id_note();
        let hint = if code == 4 {
            " (hint: check the token: it may have expired or belong to another cloud)"
        } else {
            ""
        };
        assert_eq!(
            stderr,
            format!("ims: error: member mem of image img: {message}{request_id}{hint}\n"),
            "{prefix}"
        );
        assert!(!stderr.contains('<'), "{prefix}: markup left in {stderr}");
    }
}

#[test]
fn unexpected_success_bodies_are_exit_8() {
    let cases: [(&str, &str, &str); 5] = [
        (
            "text/html",
            "<html><body>Welcome to nginx</body></html>",
            "the answer is not the expected JSON (content-type text/html): expected value at line 1 column 1",
        ),
        (
            "application/json",
            r#"{"member_id": "m", "status"#,
            "the answer is not the expected JSON (content-type application/json): EOF while parsing",
        ),
        (
            "application/json",
            "[]",
            "the answer is not the expected JSON (content-type application/json): invalid type: sequence",
        ),
        ("application/json", r#"{"status":"accepted"}"#, "missing field `member_id`"),
        ("application/json", "", "the answer is empty (HTTP 200 OK)"),
    ];
    for (content_type, body, message) in cases {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.path("/v2/images/i/members/m");
            then.status(200).header("content-type", content_type).body(body);
        });
        ims_for(&server).args(["member", "show", "i", "m"]).exits(8).stdout("").stderr(
            predicates::str::starts_with(format!(
                "ims: error: member m of image i: GET {}/v2/images/i/members/m: ",
                server.base_url()
            ))
            .and(predicates::str::contains(message)),
        );
    }
}

#[test]
fn non_ascii_and_reserved_ids_are_encoded() {
    let server = MockServer::start();
    let mock = answer(
        &server,
        "/v2/images/%C3%A9t%C3%A9%20img/members/%E6%88%90%E5%91%98%3F",
        200,
        r#"{"member_id":"成员?","image_id":"été img","status":"accepted"}"#,
    );
    ims_for(&server).args(["member", "show", "été img", "成员?", "-o", "ids"]).prints("成员?\n");
    ims_for(&server).args(["member", "show", "été img", "成员?"]).prints(
        "┌───────────┬──────────┐\n\
             │ Field     ┆ Value    │\n\
             ╞═══════════╪══════════╡\n\
             │ member_id ┆ 成员?    │\n\
             │ image_id  ┆ été img  │\n\
             │ status    ┆ accepted │\n\
             └───────────┴──────────┘\n",
    );
    mock.assert_calls(2);
}

#[test]
fn bad_ids_are_usage_errors_and_send_nothing() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    for (image, member, message) in [
        ("", "m", "image ID `` is empty"),
        (".", "m", "image ID `.` cannot be `.` or `..`"),
        ("i", "..", "member ID `..` cannot be `.` or `..`"),
        ("a/b", "m", "image ID `a/b` cannot contain `/`"),
        ("i", "x/", "member ID `x/` cannot contain `/`"),
    ] {
        ims_for(&server)
            .args(["member", "show", image, member])
            .exits(2)
            .stdout("")
            .stderr(format!("ims: error: {message}\n"));
    }
    any.assert_calls(0);
}

#[test]
fn endpoint_with_prefix_and_trailing_slash() {
    let server = MockServer::start();
    let mock = answer(&server, "/image/v2/images/i/members/m", 200, r#"{"member_id":"m"}"#);
    let sandbox = Sandbox::new();
    sandbox
        .ims()
        .args(["--endpoint", &format!("{}/image/", server.base_url()), "--token", "t"])
        .args(["member", "show", "i", "m", "-o", "ids"])
        .prints("m\n");
    mock.assert_calls(1);
}

#[test]
fn versions_answer_gets_a_hint() {
    let server = MockServer::start();
    replay(&server, "32-", "/v2/images/i/members/m");
    ims_for(&server)
        .args(["member", "show", "i", "m"])
        .exits(6)
        .stderr("ims: error: member m of image i: HTTP 300 Multiple Choices (hint: the endpoint answered with a list of API versions: check its path)\n");
}

#[test]
fn member_show_csv_fills_the_image_id_from_the_command_line() {
    let server = MockServer::start();
    answer_json(
        &server,
        "/v2/images/i/members/m",
        200,
        json!({"member_id": "m", "status": "accepted"}),
    );
    ims_for(&server)
        .args(["member", "show", "i", "m", "-o", "csv"])
        .prints("Image ID,Member ID,Status,Created At,Updated At\ni,m,accepted,,\n");
}

#[test]
fn member_show_as_one_csv_row() {
    let server = MockServer::start();
    answer_json(
        &server,
        "/v2/images/i/members/m",
        200,
        json!({"member_id": "m", "image_id": "i", "status": "accepted",
            "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z", "schema": "/v2/schemas/member"}),
    );
    ims_for(&server).args(["member", "show", "i", "m", "-o", "csv"]).prints(
        "Image ID,Member ID,Status,Created At,Updated At\n\
             i,m,accepted,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n",
    );
}
