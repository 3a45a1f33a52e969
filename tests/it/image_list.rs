//! `ims image list --shared|--incoming` against httpmock (v2 and Huawei v1): exact queries,
//! paging by `next` link and by full pages, loop guards, dropped foreign images, "this
//! project", and every output format including csv.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::fixtures::glance::*;
use crate::util::*;

/// `path` answering `query` page by page: each page's body, the first page asked without
/// a marker, each later one with its marker. The mocks, in order.
fn paged<'a>(
    server: &'a MockServer,
    path: &str,
    query: &[(&str, &str)],
    pages: Vec<(Option<&str>, Value)>,
) -> Vec<httpmock::Mock<'a>> {
    pages
        .into_iter()
        .map(|(marker, body)| {
            server.mock(|when, then| {
                let mut query = query.to_vec();
                query.extend(marker.map(|marker| ("marker", marker)));
                exact(when, path, &query);
                then.status(200).json_body(body);
            })
        })
        .collect()
}

#[test]
fn shared_images_follow_next_links_and_drop_other_owners() {
    let server = MockServer::start();
    let pages = paged(
        &server,
        "/v2/images",
        &[("visibility", "shared"), ("owner", "proj-owner"), ("limit", "2")],
        vec![
            (
                None,
                json!({
                    "images": [image("i1", "proj-owner", "one"), image("x9", "proj-other", "theirs")],
                    "next": "/v2/images?visibility=shared&owner=proj-owner&limit=2&marker=x9",
                    "schema": "/v2/schemas/images"}),
            ),
            (Some("x9"), json!({"images": [image("i2", "proj-owner", "two")]})),
        ],
    );
    ims_for_project(&server, "proj-owner")
        .args(["image", "list", "--limit", "2", "-o", "ids"])
        .prints("i1\ni2\n")
        .stderr("");
    called(&pages, 1);
}

#[test]
fn next_links_keep_the_endpoints_path_prefix() {
    let server = MockServer::start();
    let pages = paged(
        &server,
        "/image/v2/images",
        &[("visibility", "shared"), ("owner", "p"), ("limit", "1000")],
        vec![
            (
                None,
                json!({
                    "images": [image("i1", "p", "one")],
                    "next": "/v2/images?visibility=shared&owner=p&limit=1000&marker=i1"}),
            ),
            (Some("i1"), json!({"images": [image("i2", "p", "two")]})),
        ],
    );
    // Without the prefix the second page would land here.
    let lost = answer_json(&server, "/v2/images", 200, json!({"images": []}));
    let sandbox = Sandbox::new();
    ims_as(&sandbox, &format!("{}/image/", server.base_url()), "p")
        .args(["image", "list", "-o", "ids"])
        .prints("i1\ni2\n");
    called(&pages, 1);
    lost.assert_calls(0);
}

#[test]
fn huawei_pages_without_links_are_asked_again_until_one_is_empty() {
    let server = MockServer::start();
    // A short page is not the last one on Huawei: only an empty page ends the list.
    let pages = paged(
        &server,
        "/v2/cloudimages",
        &[("__imagetype", "shared"), ("owner", "p1"), ("limit", "2")],
        vec![
            (None, json!({"images": [image("a", "p1", "A"), image("b", "p1", "B")]})),
            (Some("b"), json!({"images": [image("c", "p1", "C")]})),
            (Some("c"), json!({"images": []})),
        ],
    );
    ims_for_project(&server, "p1")
        .args(["--api", "v1", "image", "list", "--limit", "2", "-o", "ids"])
        .prints("a\nb\nc\n");
    called(&pages, 1);
}

#[test]
fn huawei_default_page_size_and_incoming_query() {
    let server = MockServer::start();
    // The first page, then (asked again after its last image) an empty one.
    let pages = paged(
        &server,
        "/v2/cloudimages",
        &[
            ("__imagetype", "shared"),
            ("visibility", "shared"),
            ("member_status", "pending"),
            ("limit", "500"),
        ],
        vec![
            (None, json!({"images": [image("a", "p-other", "A"), image("mine", "p1", "M")]})),
            (Some("mine"), json!({"images": []})),
        ],
    );
    ims_for_project(&server, "p1")
        .args(["--api", "v1", "image", "list", "--incoming", "--status", "pending", "-o", "ids"])
        .prints("a\n");
    called(&pages, 1);
}

#[test]
fn a_repeated_marker_stops_with_exit_8() {
    let server = MockServer::start();
    let page = answer_json(
        &server,
        "/v2/images",
        200,
        json!({
            "images": [image("i1", "p", "one")],
            "next": "/v2/images?owner=p&visibility=shared&marker=same"}),
    );
    ims_for_project(&server, "p").args(["image", "list", "-o", "ids"]).exits(8).stdout("").stderr(
        format!(
            "ims: error: the images project p shares: GET {}/v2/images: the service sent page \
             marker `same` twice; stopped rather than loop\n",
            server.base_url()
        ),
    );
    page.assert_calls(2);
}

#[test]
fn incoming_lists_each_image_once_even_if_the_service_ignores_the_status_filter() {
    let server = MockServer::start();
    let all = answer_json(&server, "/v2/images", 200, json!({"images": [image("i1", "o", "one")]}));
    ims_for_project(&server, "me")
        .args(["image", "list", "--incoming", "-o", "csv"])
        .prints(
            "Image ID,Name,Owner,Visibility,Status,Created At,Updated At,Member Status\n\
             i1,one,o,shared,active,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z,accepted\n",
        )
        .stderr(
            "ims: warning: image i1 was listed as pending after another status; shown once\n\
             ims: warning: image i1 was listed as rejected after another status; shown once\n",
        );
    all.assert_calls(3);
}

#[test]
fn image_list_errors_say_which_list_failed() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images").query_param("member_status", "pending");
        then.status(403).body("no");
    });
    answer_json(&server, "/v2/images", 200, json!({"images": []}));
    ims_for_project(&server, "me")
        .args(["image", "list", "--incoming"])
        .exits(4)
        .stdout("")
        .stderr(
            "ims: error: the images shared with project me (member_status pending): HTTP 403 \
             Forbidden: no\n",
        );
}

#[test]
fn a_next_link_to_another_origin_is_not_followed() {
    let server = MockServer::start();
    answer_json(
        &server,
        "/v2/images",
        200,
        json!({
            "images": [image("i1", "p", "one")],
            "next": "http://evil.example/v2/images?marker=i1"}),
    );
    ims_for_project(&server, "p")
        .args(["image", "list", "-o", "ids"])
        .exits(8)
        .stdout("")
        .stderr(predicates::str::contains(
            "the `next` link `http://evil.example/v2/images?marker=i1` points to another origin; not followed",
        ));
}

#[test]
fn incoming_all_asks_once_per_status_and_shows_it() {
    let server = MockServer::start();
    let mut mocks = Vec::new();
    for (status, images) in [
        ("accepted", vec![image("acc", "proj-o", "Accepted one")]),
        ("pending", vec![image("pen", "proj-o", "Pending one"), image("own", "me", "mine")]),
        ("rejected", vec![]),
    ] {
        mocks.push(server.mock(|when, then| {
            exact(
                when,
                "/v2/images",
                &[("visibility", "shared"), ("member_status", status), ("limit", "1000")],
            );
            then.status(200).json_body(json!({ "images": images }));
        }));
    }
    let sandbox = Sandbox::new();
    let out = ims_as(&sandbox, &server.base_url(), "me")
        .args(["image", "list", "--incoming", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let listed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut expected_acc = image("acc", "proj-o", "Accepted one");
    expected_acc["member_status"] = json!("accepted");
    let mut expected_pen = image("pen", "proj-o", "Pending one");
    expected_pen["member_status"] = json!("pending");
    assert_eq!(listed, vec![expected_acc, expected_pen]);
    // The fields stay in the order sent, member_status last.
    let text = stdout_of(&out);
    assert!(text.starts_with("[\n  {\n    \"id\": \"acc\",\n    \"name\""), "{text}");
    assert!(
        text.contains("\"self\": \"/v2/images/acc\",\n    \"member_status\": \"accepted\"\n  }"),
        "{text}"
    );
    for mock in &mocks {
        mock.assert_calls(1);
    }

    let table = ims_as(&sandbox, &server.base_url(), "me")
        .args(["image", "list", "--incoming"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&table),
        "┌──────────┬──────────────┬────────┬────────────┬────────┬──────────────────────┬──────────────────────┬───────────────┐\n\
         │ Image ID ┆ Name         ┆ Owner  ┆ Visibility ┆ Status ┆ Created At           ┆ Updated At           ┆ Member Status │\n\
         ╞══════════╪══════════════╪════════╪════════════╪════════╪══════════════════════╪══════════════════════╪═══════════════╡\n\
         │ acc      ┆ Accepted one ┆ proj-o ┆ shared     ┆ active ┆ 2026-11-20T10:00:00Z ┆ 2026-11-21T10:00:00Z ┆ accepted      │\n\
         │ pen      ┆ Pending one  ┆ proj-o ┆ shared     ┆ active ┆ 2026-11-20T10:00:00Z ┆ 2026-11-21T10:00:00Z ┆ pending       │\n\
         └──────────┴──────────────┴────────┴────────────┴────────┴──────────────────────┴──────────────────────┴───────────────┘\n"
    );
}

#[test]
fn shared_images_in_every_format() {
    let run = listing_of(vec![
        image("i1", "p", "web, \"prod\"\nv2"),
        image("i2", "p", "=cmd|' /C calc'!A0"),
    ]);
    assert_eq!(run("ids"), "i1\ni2\n");
    assert_eq!(
        run("csv"),
        "Image ID,Name,Owner,Visibility,Status,Created At,Updated At\n\
         i1,\"web, \"\"prod\"\"\\nv2\",p,shared,active,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n\
         i2,'=cmd|' /C calc'!A0,p,shared,active,2026-11-20T10:00:00Z,2026-11-21T10:00:00Z\n"
    );
    let json: Vec<Value> = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(
        json,
        vec![image("i1", "p", "web, \"prod\"\nv2"), image("i2", "p", "=cmd|' /C calc'!A0")]
    );
    let table = run("table");
    assert!(table.contains("│ Image ID ┆ Name"), "{table}");
    assert!(table.contains("┆ =cmd|' /C calc'!A0 ┆"), "{table}");
    assert!(table.contains("┆ web, \"prod\"\\nv2    ┆"), "{table}");
}

#[test]
fn no_project_is_exit_3_and_sends_nothing() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    for args in
        [&["image", "list"][..], &["image", "list", "--incoming"], &["member", "list", "--all"]]
    {
        ims_for(&server).args(args).exits(3).stdout("").stderr(
            "ims: error: this command needs this project's ID: set --project-id, \
                 IMS_PROJECT_ID or project_id in the profile, or sign in with Keystone \
                 (--os-cloud, OS_* variables) so that the token's project is used\n",
        );
    }
    any.assert_calls(0);
}

#[test]
fn all_with_image_ids_or_status_without_incoming_is_a_usage_error() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    ims_as(&sandbox, &server.base_url(), "p")
        .args(["member", "list", "--all", "img"])
        .exits(2)
        .stdout("");
    ims_as(&sandbox, &server.base_url(), "p")
        .args(["image", "list", "--status", "pending"])
        .exits(2)
        .stdout("");
    ims_as(&sandbox, &server.base_url(), "p")
        .args(["image", "list", "--shared", "--incoming"])
        .exits(2);
    any.assert_calls(0);
}

#[test]
fn image_ids_that_cannot_be_read_back_are_not_printed() {
    let server = MockServer::start();
    answer_json(
        &server,
        "/v2/images",
        200,
        json!({"images": [
            image("good-1", "p", "a"),
            image("evil\nfake-id", "p", "b"),
            image("\u{1b}[2Jcls", "p", "c"),
            image("", "p", "d"),
            image("good-2\u{a0}victim", "p", "e"),
            image("two words", "p", "f"),
            image("good-3", "p", "g")]}),
    );
    ims_for_project(&server, "p")
        .args(["image", "list", "-o", "ids"])
        .exits(8)
        .stdout("good-1\ngood-3\n")
        .stderr(
            "ims: error: the service sent image ID `evil\\nfake-id`, which holds a control \
             character, line separator or bidi control; not printed\n\
             ims: error: the service sent image ID `\\u{1b}[2Jcls`, which holds a control \
             character, line separator or bidi control; not printed\n\
             ims: error: the service sent an empty image ID; not printed\n\
             ims: error: the service sent image ID `good-2\\u{a0}victim`, which holds \
             whitespace; not printed\n\
             ims: error: the service sent image ID `two words`, which holds whitespace; not \
             printed\n",
        );
}

#[test]
fn json_output_escapes_what_a_terminal_would_act_on() {
    let server = MockServer::start();
    answer_json(
        &server,
        "/v2/images",
        200,
        json!({"images": [
            image("i1", "p", "c1\u{9b}31mX\u{2028}Y\u{202e}abc\u{7f}")]}),
    );
    answer_json(
        &server,
        "/v2/images/i1/members",
        200,
        json!({"members": [
            {"member_id": "m\u{202e}1", "image_id": "i1", "status": "x\u{85}y"}]}),
    );
    let sandbox = Sandbox::new();
    let images = ims_as(&sandbox, &server.base_url(), "p")
        .args(["image", "list", "-o", "json"])
        .output()
        .unwrap();
    let text = stdout_of(&images);
    assert!(text.contains(r#""name": "c1\u009b31mX\u2028Y\u202eabc\u007f""#), "{text}");
    let parsed: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed[0]["name"], "c1\u{9b}31mX\u{2028}Y\u{202e}abc\u{7f}");
    let members = ims_as(&sandbox, &server.base_url(), "p")
        .args(["member", "list", "i1", "-o", "json"])
        .output()
        .unwrap();
    let text = stdout_of(&members);
    assert!(text.contains(r#""member_id": "m\u202e1""#), "{text}");
    assert!(text.contains(r#""status": "x\u0085y""#), "{text}");
    assert!(!text.chars().any(|c| c == '\u{202e}' || c == '\u{85}'), "{text}");
}
