//! End to end: `ims member show|list` against a real OpenStack Glance 33.0.0.
//!
//! These tests are ignored by a plain `cargo test`; `scripts/test` starts a local Glance
//! (`scripts/local-glance`, fakeauth flavor: the token names the project, `tok-PROJECT` or
//! `PROJECT`), exports its base URL
//! as `IMS_E2E_GLANCE_URL` and runs them. The images are seeded once per server, with
//! `scripts/local-glance seed URL` (a later seed prints the same `KEY=VALUE` lines while the
//! images are there), and the tests read the IDs from those lines.
//!
//! What ims prints is compared with what the server answers to the same request, fetched here
//! directly.

use std::collections::HashMap;
use std::process::Output;
use std::sync::OnceLock;

use crate::fixtures::real::*;
use crate::util::{stderr_of, stdout_of};
use serde_json::Value;

/// An image ID no Glance has.
const MISSING: &str = "00000000-0000-4000-8000-000000000000";

/// The seeded server: its base URL and the `KEY=VALUE` lines of `scripts/local-glance seed`.
struct Glance {
    url: String,
    seeded: HashMap<String, String>,
}

impl Glance {
    /// The seeded image `key` (SHARED, SHARED2, EMPTY, OTHER, PRIVATE, PUBLIC, COMMUNITY,
    /// DELETED).
    fn image(&self, key: &str) -> &str {
        self.seeded.get(key).unwrap_or_else(|| panic!("the seed printed no {key}="))
    }
}

/// The server, seeded once per test binary. A failed seed is kept too, so that every test
/// reports it without trying again.
fn glance() -> &'static Glance {
    static GLANCE: OnceLock<Result<Glance, String>> = OnceLock::new();
    once(&GLANCE, seed)
}

/// Seeds the server (a later seed finds the images there): its URL and what the seed printed.
fn seed() -> Result<Glance, String> {
    let url = server_url("IMS_E2E_GLANCE_URL")?;
    let seeded = run_script("local-glance", &["seed", &url])?;
    Ok(Glance { url, seeded })
}

/// `ims --endpoint URL --token TOKEN ARGS...` in a clean sandbox.
fn ims(token: &str, args: &[&str]) -> Output {
    ims_at(&glance().url, token, args, None)
}

/// The parsed JSON body of `GET {url}{path}` with `X-Auth-Token: token`, asserting 2xx.
fn server_json(token: &str, path: &str) -> Value {
    glance_call(&glance().url, "GET", path, token, None)
}

/// The members Glance lists for `image` to `token`.
fn server_members(token: &str, image: &str) -> Vec<Value> {
    let page = server_json(token, &format!("/v2/images/{image}/members"));
    page["members"].as_array().expect("members array").clone()
}

/// A table as ims draws it (comfy-table, UTF8_FULL_CONDENSED, no wrapping).
fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let rule = |left: &str, fill: &str, mid: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| fill.repeat(w + 2)).collect();
        format!("{left}{}{right}\n", parts.join(mid))
    };
    let line = |cells: Vec<&str>| {
        let parts: Vec<String> =
            cells.iter().zip(&widths).map(|(cell, w)| format!(" {cell:<w$} ")).collect();
        format!("│{}│\n", parts.join("┆"))
    };
    let mut text = rule("┌", "─", "┬", "┐");
    text += &line(headers.to_vec());
    text += &rule("╞", "═", "╪", "╡");
    for row in rows {
        text += &line(row.iter().map(String::as_str).collect());
    }
    text + &rule("└", "─", "┴", "┘")
}

const LIST_HEADERS: [&str; 5] = ["Image ID", "Member ID", "Status", "Created At", "Updated At"];

/// The `member list` table of these members, as listed by the server.
fn list_table(members: &[Value]) -> String {
    let rows: Vec<Vec<String>> = members
        .iter()
        .map(|m| {
            ["image_id", "member_id", "status", "created_at", "updated_at"]
                .iter()
                .map(|key| m[key].as_str().expect("string field").to_string())
                .collect()
        })
        .collect();
    table(&LIST_HEADERS, &rows)
}

fn ids_of(members: &[Value]) -> String {
    members.iter().map(|m| format!("{}\n", m["member_id"].as_str().unwrap())).collect()
}

fn status_of(members: &[Value]) -> Vec<(&str, &str)> {
    members
        .iter()
        .map(|m| (m["member_id"].as_str().unwrap(), m["status"].as_str().unwrap()))
        .collect()
}

fn json_of(out: &Output) -> Value {
    let text = stdout_of(out);
    assert!(text.ends_with('\n'), "JSON output not newline-terminated");
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{err}: {text}"))
}

#[track_caller]
fn assert_ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        stdout_of(out),
        stderr_of(out)
    );
    assert_eq!(stderr_of(out), "", "nothing on stderr on success");
}

/// Asserts the exit code and every stderr line; `{rid}` in an expected line stands for a
/// Glance request id (`req-` and a UUID). Error messages must carry no HTML.
#[track_caller]
fn assert_failure(out: &Output, code: i32, expected: &[String]) {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(code), "stderr:\n{stderr}");
    assert!(!stderr.contains('<'), "markup in stderr:\n{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), expected.len(), "stderr:\n{stderr}");
    for (line, want) in lines.iter().zip(expected) {
        match want.split_once("{rid}") {
            None => assert_eq!(line, want),
            Some((prefix, suffix)) => {
                let rid = line
                    .strip_prefix(prefix)
                    .and_then(|rest| rest.strip_suffix(suffix))
                    .unwrap_or_else(|| panic!("\n  stderr line: {line}\n      expected: {want}"));
                let uuid = rid.strip_prefix("req-").unwrap_or("");
                assert!(
                    uuid.len() == 36 && uuid.chars().all(|c| c.is_ascii_hexdigit() || c == '-'),
                    "not a request id: {rid} in {line}"
                );
            }
        }
    }
}

fn not_found_image(context: &str, image: &str) -> String {
    format!(
        "ims: error: {context}: HTTP 404 Not Found: Image {image} not found. (request id {{rid}})"
    )
}

fn only_shared(image: &str) -> String {
    format!(
        "ims: error: image {image}: HTTP 403 Forbidden: Not allowed to list members for image \
         {image}: Only shared images have members. (request id {{rid}})"
    )
}

const UNAUTHORIZED: &str = "HTTP 401 Unauthorized: This server could not verify that you are \
    authorized to access the document you requested. Either you supplied the wrong credentials \
    (e.g., bad password), or your browser does not understand how to supply the credentials \
    required. (hint: check the token: it may have expired or belong to another cloud)";

// ---------------------------------------------------------------------------------------------
// member list

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn a_second_seed_gives_the_same_images_and_adds_none() {
    let first = glance();
    let again = seed().unwrap();
    assert_eq!(again.url, first.url);
    assert_eq!(again.seeded, first.seeded);
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn list_json_is_what_glance_sends() {
    let shared = glance().image("SHARED");
    let members = server_members("proj-owner", shared);
    assert_eq!(
        status_of(&members),
        [
            ("proj-alpha", "accepted"),
            ("proj-beta", "rejected"),
            ("proj-gamma", "pending"),
            ("proj-delta", "pending"),
        ],
        "the seed"
    );
    let out = ims("proj-owner", &["member", "list", shared, "-o", "json"]);
    assert_ok(&out);
    assert_eq!(json_of(&out), Value::Array(members));
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn list_table_has_every_member_with_its_status() {
    let shared = glance().image("SHARED");
    let members = server_members("proj-owner", shared);
    let out = ims("proj-owner", &["member", "list", shared]);
    assert_ok(&out);
    let text = stdout_of(&out);
    assert_eq!(text, list_table(&members));
    let header = text.lines().nth(1).unwrap();
    assert_eq!(
        header,
        format!(
            "│ Image ID{} ┆ Member ID  ┆ Status   ┆ Created At           ┆ Updated At           │",
            " ".repeat(shared.len() - "Image ID".len())
        )
    );
    for (member, status) in [
        ("proj-alpha", "accepted"),
        ("proj-beta", "rejected"),
        ("proj-gamma", "pending"),
        ("proj-delta", "pending"),
    ] {
        let row = text
            .lines()
            .find(|line| line.contains(&format!(" {member} ")))
            .unwrap_or_else(|| panic!("no row for {member}:\n{text}"));
        let cells: Vec<&str> = row.trim_matches('│').split('┆').map(str::trim).collect();
        assert_eq!(cells[..3], [shared, member, status], "{row}");
    }
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn a_tok_token_signs_in_as_its_project_and_ims_masks_no_member_id() {
    // The token proj-alpha is a secret to ims, so every proj-alpha it prints to stderr is
    // ****; tok-proj-alpha signs in as proj-alpha and masks only itself.
    let shared = glance().image("SHARED");
    let out = ims("tok-proj-alpha", &["member", "show", shared, "proj-alpha", "-o", "ids", "-v"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "proj-alpha\n");
    let trace = stderr_of(&out);
    assert!(trace.contains(&format!("/v2/images/{shared}/members/proj-alpha ")), "{trace}");
    let out = ims("proj-alpha", &["member", "show", shared, "proj-alpha", "-o", "ids", "-v"]);
    assert!(stderr_of(&out).contains(&format!("/v2/images/{shared}/members/**** ")));
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn list_ids_one_per_line() {
    let shared = glance().image("SHARED");
    let out = ims("proj-owner", &["member", "list", shared, "-o", "ids"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "proj-alpha\nproj-beta\nproj-gamma\nproj-delta\n");
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn list_of_an_image_without_members() {
    let empty = glance().image("EMPTY");
    assert_eq!(server_members("proj-owner", empty), Vec::<Value>::new());
    let out = ims("proj-owner", &["member", "list", empty, "-o", "json"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "[]\n");
    let out = ims("proj-owner", &["member", "list", empty, "-o", "ids"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "");
    let out = ims("proj-owner", &["member", "list", empty]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), table(&LIST_HEADERS, &[]));
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn several_images_keep_their_order() {
    let g = glance();
    let order = [g.image("SHARED2"), g.image("EMPTY"), g.image("SHARED"), g.image("SHARED2")];
    let expected: Vec<Value> =
        order.iter().flat_map(|image| server_members("proj-owner", image)).collect();
    assert_eq!(expected.len(), 2 + 4 + 2);
    for jobs in ["1", "8"] {
        let mut args = vec!["member", "list"];
        args.extend(order);
        args.extend(["--jobs", jobs]);
        let json = ims("proj-owner", &[&args[..], &["-o", "json"]].concat());
        assert_ok(&json);
        assert_eq!(json_of(&json), Value::Array(expected.clone()), "--jobs {jobs}");
        let ids = ims("proj-owner", &[&args[..], &["-o", "ids"]].concat());
        assert_ok(&ids);
        assert_eq!(stdout_of(&ids), ids_of(&expected), "--jobs {jobs}");
        let table = ims("proj-owner", &args);
        assert_ok(&table);
        assert_eq!(stdout_of(&table), list_table(&expected), "--jobs {jobs}");
    }
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn image_ids_from_stdin() {
    let g = glance();
    let (shared, shared2, empty) = (g.image("SHARED"), g.image("SHARED2"), g.image("EMPTY"));
    let stdin = format!("  {shared}\n\n{empty}\t{shared2}\n");
    let out =
        ims_at(&g.url, "proj-owner", &["member", "list", shared2, "-", "-o", "json"], Some(&stdin));
    assert_ok(&out);
    let expected: Vec<Value> = [shared2, shared, empty, shared2]
        .iter()
        .flat_map(|image| server_members("proj-owner", image))
        .collect();
    assert_eq!(json_of(&out), Value::Array(expected));
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn status_filter() {
    let g = glance();
    let (shared, shared2) = (g.image("SHARED"), g.image("SHARED2"));
    let all: Vec<Value> =
        [shared, shared2].iter().flat_map(|image| server_members("proj-owner", image)).collect();
    for (status, ids) in [
        ("accepted", "proj-alpha\nproj-epsilon\n"),
        ("pending", "proj-gamma\nproj-delta\nproj-alpha\n"),
        ("rejected", "proj-beta\n"),
        ("all", "proj-alpha\nproj-beta\nproj-gamma\nproj-delta\nproj-epsilon\nproj-alpha\n"),
    ] {
        let args = ["member", "list", shared, shared2, "--status", status];
        let out = ims("proj-owner", &[&args[..], &["-o", "ids"]].concat());
        assert_ok(&out);
        assert_eq!(stdout_of(&out), ids, "--status {status}");
        let out = ims("proj-owner", &[&args[..], &["-o", "json"]].concat());
        assert_ok(&out);
        let expected: Vec<Value> =
            all.iter().filter(|m| status == "all" || m["status"] == status).cloned().collect();
        assert_eq!(json_of(&out), Value::Array(expected.clone()), "{status}");
        let out = ims("proj-owner", &args);
        assert_ok(&out);
        assert_eq!(stdout_of(&out), list_table(&expected), "{status}");
    }
    // only members of SHARED rejected: the EMPTY image and SHARED2 add nothing, no error
    let out = ims(
        "proj-owner",
        &["member", "list", shared2, g.image("EMPTY"), "--status", "rejected", "-o", "json"],
    );
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "[]\n");
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn a_member_sees_only_its_own_row() {
    let g = glance();
    let (shared, shared2) = (g.image("SHARED"), g.image("SHARED2"));
    for (token, image, status) in [
        ("proj-alpha", shared, "accepted"),
        ("proj-beta", shared, "rejected"),
        ("proj-gamma", shared, "pending"),
        ("proj-alpha", shared2, "pending"),
    ] {
        let members = server_members(token, image);
        assert_eq!(status_of(&members), [(token, status)], "{token} on {image}");
        let out = ims(token, &["member", "list", image, "-o", "json"]);
        assert_ok(&out);
        assert_eq!(json_of(&out), Value::Array(members.clone()));
        let out = ims(token, &["member", "list", image]);
        assert_ok(&out);
        assert_eq!(stdout_of(&out), list_table(&members));
        let out = ims(token, &["member", "list", image, "-o", "ids"]);
        assert_ok(&out);
        assert_eq!(stdout_of(&out), format!("{token}\n"));
    }
    // both images at once, as proj-alpha: one row from each
    let out = ims("proj-alpha", &["member", "list", shared, shared2, "-o", "ids"]);
    assert_ok(&out);
    assert_eq!(stdout_of(&out), "proj-alpha\nproj-alpha\n");
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn endpoint_forms() {
    let g = glance();
    let shared = g.image("SHARED");
    let expected = Value::Array(server_members("proj-owner", shared));
    for suffix in ["/", "//", "/v2", "/v2/"] {
        let endpoint = format!("{}{suffix}", g.url);
        let out = ims_at(&endpoint, "proj-owner", &["member", "list", shared, "-o", "json"], None);
        assert_ok(&out);
        assert_eq!(json_of(&out), expected, "--endpoint {endpoint}");
        let out = ims_at(
            &endpoint,
            "proj-owner",
            &["member", "show", shared, "proj-beta", "-o", "ids"],
            None,
        );
        assert_ok(&out);
        assert_eq!(stdout_of(&out), "proj-beta\n", "--endpoint {endpoint}");
    }
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn verbose_names_each_request_and_masks_the_token() {
    let g = glance();
    let shared = g.image("SHARED");
    let url = format!("{}/v2/images/{shared}/members", g.url);
    let out = ims("proj-owner", &["-v", "member", "list", shared, "-o", "ids"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "proj-alpha\nproj-beta\nproj-gamma\nproj-delta\n");
    let stderr = stderr_of(&out);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    for part in [&format!("GET {url}"), "200", "req-"] {
        assert!(lines[0].contains(part), "{part} missing: {stderr}");
    }
    let out = ims("proj-owner", &["-vv", "member", "list", shared, "-o", "ids"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(stderr.to_ascii_lowercase().contains("x-auth-token"), "{stderr}");
    assert!(!stderr.contains("proj-owner"), "the token leaked:\n{stderr}");
}

// ---------------------------------------------------------------------------------------------
// member show

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn show_in_three_outputs() {
    let shared = glance().image("SHARED");
    for (member, status) in
        [("proj-alpha", "accepted"), ("proj-beta", "rejected"), ("proj-gamma", "pending")]
    {
        let sent = server_json("proj-owner", &format!("/v2/images/{shared}/members/{member}"));
        assert_eq!(sent["status"], status);

        let out = ims("proj-owner", &["member", "show", shared, member, "-o", "json"]);
        assert_ok(&out);
        assert_eq!(json_of(&out), sent);

        let out = ims("proj-owner", &["member", "show", shared, member]);
        assert_ok(&out);
        let rows: Vec<Vec<String>> =
            ["member_id", "image_id", "status", "created_at", "updated_at", "schema"]
                .iter()
                .map(|key| vec![key.to_string(), sent[key].as_str().unwrap().to_string()])
                .collect();
        assert_eq!(sent.as_object().unwrap().len(), rows.len(), "Glance sent other fields: {sent}");
        assert_eq!(stdout_of(&out), table(&["Field", "Value"], &rows));

        let out = ims("proj-owner", &["member", "show", shared, member, "-o", "ids"]);
        assert_ok(&out);
        assert_eq!(stdout_of(&out), format!("{member}\n"));
    }
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn show_own_membership_as_the_member() {
    let g = glance();
    for (token, image) in [
        ("proj-beta", g.image("SHARED")),
        ("proj-alpha", g.image("SHARED2")),
        ("proj-zeta", g.image("OTHER")),
    ] {
        let sent = server_json(token, &format!("/v2/images/{image}/members/{token}"));
        let out = ims(token, &["member", "show", image, token, "-o", "json"]);
        assert_ok(&out);
        assert_eq!(json_of(&out), sent);
    }
}

// ---------------------------------------------------------------------------------------------
// errors, as the real server produces them

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn missing_image_is_exit_5() {
    let out = ims("proj-owner", &["member", "list", MISSING]);
    assert_failure(&out, 5, &[not_found_image(&format!("image {MISSING}"), MISSING)]);
    assert_eq!(stdout_of(&out), "");

    let out = ims("proj-owner", &["member", "show", MISSING, "proj-alpha"]);
    assert_failure(
        &out,
        5,
        &[not_found_image(&format!("member proj-alpha of image {MISSING}"), MISSING)],
    );
    assert_eq!(stdout_of(&out), "");

    // not a UUID at all, and an image deleted after it was shared
    let deleted = glance().image("DELETED");
    for image in ["not-a-uuid", deleted] {
        let out = ims("proj-owner", &["member", "list", image, "-o", "json"]);
        assert_failure(&out, 5, &[not_found_image(&format!("image {image}"), image)]);
        assert_eq!(stdout_of(&out), "");
    }
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn missing_member_is_exit_5() {
    let shared = glance().image("SHARED");
    let out = ims("proj-owner", &["member", "show", shared, "proj-nope", "-o", "json"]);
    assert_failure(
        &out,
        5,
        &[format!(
            "ims: error: member proj-nope of image {shared}: HTTP 404 Not Found: proj-nope not \
             found in the member list of the image {shared}. (request id {{rid}})"
        )],
    );
    assert_eq!(stdout_of(&out), "");
    // another member's row is not visible to a member
    let out = ims("proj-gamma", &["member", "show", shared, "proj-alpha"]);
    assert_failure(
        &out,
        5,
        &[format!(
            "ims: error: member proj-alpha of image {shared}: HTTP 404 Not Found: proj-alpha not \
             found in the member list of the image {shared}. (request id {{rid}})"
        )],
    );
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn another_projects_image_is_exit_5() {
    let g = glance();
    let other = g.image("OTHER");
    let out = ims("proj-owner", &["member", "list", other]);
    assert_failure(&out, 5, &[not_found_image(&format!("image {other}"), other)]);
    assert_eq!(stdout_of(&out), "");
    let out = ims("proj-owner", &["member", "show", other, "proj-zeta"]);
    assert_failure(
        &out,
        5,
        &[not_found_image(&format!("member proj-zeta of image {other}"), other)],
    );
    // the owner's private image, seen from another project
    let private = g.image("PRIVATE");
    let out = ims("proj-other", &["member", "list", private]);
    assert_failure(&out, 5, &[not_found_image(&format!("image {private}"), private)]);
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn own_image_that_is_not_shared_is_exit_4() {
    let g = glance();
    for key in ["PRIVATE", "PUBLIC", "COMMUNITY"] {
        let image = g.image(key);
        let out = ims("proj-owner", &["member", "list", image, "-o", "json"]);
        assert_failure(&out, 4, &[only_shared(image)]);
        assert_eq!(stdout_of(&out), "", "{key}");
    }
    // show on such an image is a 404 in Glance
    let private = g.image("PRIVATE");
    let out = ims("proj-owner", &["member", "show", private, "proj-alpha"]);
    assert_failure(
        &out,
        5,
        &[format!(
            "ims: error: member proj-alpha of image {private}: HTTP 404 Not Found: Only shared \
             images have members. (request id {{rid}})"
        )],
    );
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn rejected_token_is_exit_4() {
    let shared = glance().image("SHARED");
    let out = ims("invalid-x", &["member", "list", shared]);
    // Glance's 401 carries no request id
    assert_failure(&out, 4, &[format!("ims: error: image {shared}: {UNAUTHORIZED}")]);
    assert_eq!(stdout_of(&out), "");
    let out = ims("invalid-x", &["member", "show", shared, "proj-alpha"]);
    assert_failure(
        &out,
        4,
        &[format!("ims: error: member proj-alpha of image {shared}: {UNAUTHORIZED}")],
    );
    assert_eq!(stdout_of(&out), "");
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn token_without_a_role_is_exit_5() {
    // no member/reader role: Glance hides the image
    let shared = glance().image("SHARED");
    let out = ims("proj-owner:nothing", &["member", "list", shared]);
    assert_failure(
        &out,
        5,
        &[format!(
            "ims: error: image {shared}: HTTP 404 Not Found: The resource could not be found. \
             (request id {{rid}})"
        )],
    );
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn partial_failure_prints_what_succeeded() {
    let g = glance();
    let (shared, private, empty) = (g.image("SHARED"), g.image("PRIVATE"), g.image("EMPTY"));
    let args = ["member", "list", shared, private, MISSING, empty];
    let expected_errors =
        [only_shared(private), not_found_image(&format!("image {MISSING}"), MISSING)];
    let members = server_members("proj-owner", shared);

    let out = ims("proj-owner", &[&args[..], &["-o", "json"]].concat());
    // the exit code is the first failure's: 403 -> 4
    assert_failure(&out, 4, &expected_errors);
    assert_eq!(json_of(&out), Value::Array(members.clone()));

    let out = ims("proj-owner", &args);
    assert_failure(&out, 4, &expected_errors);
    assert_eq!(stdout_of(&out), list_table(&members));

    // the other way round: the 404 first
    let out = ims("proj-owner", &["member", "list", MISSING, private, "-o", "ids"]);
    assert_failure(
        &out,
        5,
        &[not_found_image(&format!("image {MISSING}"), MISSING), only_shared(private)],
    );
    assert_eq!(stdout_of(&out), "");
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn endpoint_with_a_wrong_path_is_exit_6() {
    // Glance answers any unknown version prefix with its version list: 300 Multiple Choices
    let g = glance();
    let shared = g.image("SHARED");
    for path in ["/v1", "/image"] {
        let endpoint = format!("{}{path}", g.url);
        let out = ims_at(&endpoint, "proj-owner", &["member", "list", shared, "-o", "json"], None);
        assert_failure(
            &out,
            6,
            &[format!(
                "ims: error: image {shared}: HTTP 300 Multiple Choices (hint: the endpoint \
                 answered with a list of API versions: check its path)"
            )],
        );
        assert_eq!(stdout_of(&out), "", "--endpoint {endpoint}");
    }
}
