//! `ims image list [--shared | --incoming]` run in-process against a mock Glance: the
//! exact queries (this project's own shared images by owner; images shared with it by
//! `member_status`, with no owner), what is printed, and a failing page printing nothing.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::commands::testing::{Ran, SCRIPT, ims, token_env};

/// `GET /v2/images` asking exactly `pairs` (in any order), answering `body`.
fn list<'a>(server: &'a MockServer, pairs: &[(&str, &str)], body: Value) -> httpmock::Mock<'a> {
    let mut wanted: Vec<(String, String)> = pairs
        .iter()
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .collect();
    wanted.sort();
    server.mock(move |when, then| {
        when.method(GET)
            .path("/v2/images")
            .header("x-auth-token", "tok")
            .is_true(move |req| {
                let mut query = req.query_params();
                query.sort();
                query == wanted
            });
        then.status(200).json_body(body);
    })
}

/// An image `id` of `owner`, `visibility` shared.
fn image(id: &str, owner: &str) -> Value {
    json!({"id": id, "name": format!("n-{id}"), "owner": owner, "visibility": "shared",
           "status": "active", "created_at": "2026-01-01T00:00:00Z",
           "updated_at": "2026-01-02T00:00:00Z", "min_disk": 0})
}

/// `ims image list ARGS` against `server` as p1 (Glance's rules stated).
fn image_list(server: &MockServer, args: &[&str]) -> Ran {
    let url = server.base_url();
    let args: Vec<&str> = ["image", "list"].iter().chain(args).copied().collect();
    ims(&args, "", SCRIPT, &token_env(&url))
}

/// The CSV header of an image list.
const HEADER: &str = "Image ID,Name,Owner,Visibility,Status,Created At,Updated At";

/// Every status `--incoming` asks for by default, in order.
const STATUSES: [&str; 3] = ["accepted", "pending", "rejected"];

#[test]
fn shared_lists_this_projects_shared_images_by_owner() {
    let server = MockServer::start();
    let wanted = [("owner", "p1"), ("visibility", "shared"), ("limit", "1000")];
    let listed = list(&server, &wanted, json!({"images": [image("i1", "p1")]}));
    let stdout =
        format!("{HEADER}\ni1,n-i1,p1,shared,active,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z\n");
    for flags in [&["-o", "csv"][..], &["--shared", "-o", "csv"]] {
        assert_eq!(image_list(&server, flags).parts(), (0, stdout.as_str(), ""));
    }
    listed.assert_calls(2);
}

#[test]
fn shared_json_is_every_field_as_the_service_sent_it() {
    let server = MockServer::start();
    let wanted = [("owner", "p1"), ("visibility", "shared"), ("limit", "1000")];
    list(&server, &wanted, json!({"images": [image("i1", "p1")]}));
    let ran = image_list(&server, &["-o", "json"]);
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    let printed: Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(printed, json!([image("i1", "p1")]));
}

#[test]
fn incoming_asks_each_status_without_an_owner_and_marks_each_image_with_it() {
    let server = MockServer::start();
    let mocks: Vec<_> = STATUSES
        .iter()
        .enumerate()
        .map(|(n, status)| {
            let wanted = [
                ("visibility", "shared"),
                ("member_status", *status),
                ("limit", "1000"),
            ];
            let id = format!("i{n}");
            list(&server, &wanted, json!({"images": [image(&id, "p-other")]}))
        })
        .collect();
    let ran = image_list(&server, &["--incoming", "-o", "csv"]);
    let rows: String = STATUSES
        .iter()
        .enumerate()
        .map(|(n, status)| {
            format!(
                "i{n},n-i{n},p-other,shared,active,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z,\
                 {status}\n"
            )
        })
        .collect();
    let stdout = format!("{HEADER},Member Status\n{rows}");
    assert_eq!(ran.parts(), (0, stdout.as_str(), ""));
    for mock in mocks {
        mock.assert_calls(1);
    }
}

#[test]
fn incoming_with_a_status_asks_for_that_status_only() {
    for status in STATUSES {
        let server = MockServer::start();
        let wanted = [
            ("visibility", "shared"),
            ("member_status", status),
            ("limit", "1000"),
        ];
        let listed = list(
            &server,
            &wanted,
            json!({"images": [image("i1", "p-other")]}),
        );
        let ran = image_list(&server, &["--incoming", "--status", status, "-o", "ids"]);
        assert_eq!(ran.parts(), (0, "i1\n", ""), "{status}");
        listed.assert_calls(1);
    }
}

#[test]
fn an_image_listed_under_two_statuses_is_shown_once_with_the_first() {
    let server = MockServer::start();
    for status in STATUSES {
        let wanted = [
            ("visibility", "shared"),
            ("member_status", status),
            ("limit", "1000"),
        ];
        list(
            &server,
            &wanted,
            json!({"images": [image("i1", "p-other")]}),
        );
    }
    let ran = image_list(&server, &["--incoming", "-o", "ndjson"]);
    let mut shown = image("i1", "p-other");
    shown["member_status"] = json!("accepted");
    assert_eq!(
        ran.parts(),
        (
            0,
            format!("{}\n", serde_json::to_string(&shown).unwrap()).as_str(),
            "ims: warning: image i1 was listed as pending after another status; shown once\n\
             ims: warning: image i1 was listed as rejected after another status; shown once\n"
        )
    );
}

#[test]
fn a_page_that_fails_prints_nothing_of_the_pages_before() {
    let server = MockServer::start();
    let wanted = [("owner", "p1"), ("visibility", "shared"), ("limit", "1000")];
    let first = list(
        &server,
        &wanted,
        json!({"images": [image("i1", "p1")], "next": "/v2/images?marker=i1"}),
    );
    let second = server.mock(|when, then| {
        when.method(GET)
            .path("/v2/images")
            .query_param("marker", "i1");
        then.status(403).json_body(json!({"message": "no"}));
    });
    let ran = image_list(&server, &["-o", "csv"]);
    assert_eq!(
        ran.parts(),
        (
            4,
            "",
            "ims: error: the images project p1 shares: HTTP 403 Forbidden: no\n"
        )
    );
    first.assert_calls(1);
    second.assert_calls(1);
}
