//! `-o ndjson` for every command that prints records: one compact JSON object per line,
//! exactly the objects `-o json` prints inside its array, with no array around them; and
//! each image's lines written as soon as it and every image before it are done.

use std::io::BufRead;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::fixtures::glance::*;
use crate::util::*;

/// Runs `ims` against `server` with the token `t` and returns its stdout (exit 0, quiet).
fn stdout_at(sandbox: &Sandbox, server: &MockServer, args: &[&str]) -> String {
    let out = ims_at(sandbox, server, "t").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    stdout_of(&out)
}

/// The words of `text`, as a shell would split it.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Checks that `ndjson` holds, line by line, the objects of the array `json`.
fn same_objects_as_json(ndjson: &str, json: &str) {
    let lines: Vec<Value> =
        ndjson.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    let array: Vec<Value> = serde_json::from_str(json).unwrap();
    assert_eq!(lines, array);
}

#[test]
fn member_show_is_the_member_on_one_line() {
    let server = MockServer::start();
    answer(
        &server,
        "/v2/images/img/members/edc89b490d7d4392898e19b2deb34797",
        200,
        seed("v2-show.json"),
    );
    let sandbox = Sandbox::new();
    let args = ["member", "show", "img", "edc89b490d7d4392898e19b2deb34797"];
    let ndjson = stdout_at(&sandbox, &server, &[&args[..], &["-o", "ndjson"]].concat());
    assert_eq!(
        ndjson,
        "{\"member_id\":\"edc89b490d7d4392898e19b2deb34797\",\
         \"image_id\":\"d164b5df-1bc3-4c3f-893e-3e471fd16e64\",\"status\":\"accepted\",\
         \"created_at\":\"2016-09-01T02:05:14Z\",\"updated_at\":\"2016-09-01T02:37:11Z\",\
         \"schema\":\"/v2/schemas/member\"}\n"
    );
    let json = stdout_at(&sandbox, &server, &[&args[..], &["-o", "json"]].concat());
    same_objects_as_json(&ndjson, &format!("[{json}]"));
}

#[test]
fn member_list_is_one_line_per_member_in_input_order() {
    let server = MockServer::start();
    // Huawei's v1 fields, a number no float holds, an unknown field, and characters a
    // terminal would act on: all as `json` writes them.
    let first = r#"{"members": [{"member_id": "ou-1", "image_id": "a", "status": "accepted",
        "member_type": "organization", "urn": "organizations::1:ou:o-2/ou-1",
        "big": 123456789012345678901234567890, "note": "x\u0085y\u202ez\n", "n": null}]}"#;
    let second = r#"{"members": [{"member_id": "p-1", "status": "pending", "created_at": "2026-11-20T10:00:00Z"},
        {"member_id": "p-2", "status": "rejected", "exp": 1E2}], "schema": "/v2/schemas/members"}"#;
    for (image, body) in [("a", first), ("b", r#"{"members": []}"#), ("c", second)] {
        answer(&server, format!("/v2/images/{image}/members"), 200, body);
    }
    let sandbox = Sandbox::new();
    let args = ["member", "list", "a", "b", "c", "--jobs", "3"];
    let ndjson = stdout_at(&sandbox, &server, &[&args[..], &["-o", "ndjson"]].concat());
    assert_eq!(
        ndjson,
        "{\"member_id\":\"ou-1\",\"image_id\":\"a\",\"status\":\"accepted\",\
         \"member_type\":\"organization\",\"urn\":\"organizations::1:ou:o-2/ou-1\",\
         \"big\":123456789012345678901234567890,\"note\":\"x\\u0085y\\u202ez\\n\",\"n\":null}\n\
         {\"member_id\":\"p-1\",\"status\":\"pending\",\"created_at\":\"2026-11-20T10:00:00Z\"}\n\
         {\"member_id\":\"p-2\",\"status\":\"rejected\",\"exp\":1e+2}\n"
    );
    let json = stdout_at(&sandbox, &server, &[&args[..], &["-o", "json"]].concat());
    same_objects_as_json(&ndjson, &json);
    // With nothing to print, nothing: no `[]`.
    let empty = stdout_at(&sandbox, &server, &["member", "list", "b", "-o", "ndjson"]);
    assert_eq!(empty, "");
}

#[test]
fn image_list_shared_and_incoming() {
    let server = MockServer::start();
    let image = |id: &str| {
        json!({"id": id, "name": format!("n-{id}"), "owner": "proj-o", "visibility": "shared",
               "size": 1024, "tags": ["a"]})
    };
    server.mock(|when, then| {
        when.path("/v2/images").query_param("visibility", "shared").query_param("owner", "proj-o");
        then.status(200).json_body(json!({"images": [image("i1"), image("i2")]}));
    });
    server.mock(|when, then| {
        when.path("/v2/images")
            .query_param("visibility", "shared")
            .query_param("member_status", "pending");
        then.status(200).json_body(json!({"images": [image("i3")]}));
    });
    let sandbox = Sandbox::new();
    let shared = ["--project-id", "proj-o", "image", "list"];
    let ndjson = stdout_at(&sandbox, &server, &[&shared[..], &["-o", "ndjson"]].concat());
    assert_eq!(
        ndjson,
        "{\"id\":\"i1\",\"name\":\"n-i1\",\"owner\":\"proj-o\",\"visibility\":\"shared\",\
         \"size\":1024,\"tags\":[\"a\"]}\n\
         {\"id\":\"i2\",\"name\":\"n-i2\",\"owner\":\"proj-o\",\"visibility\":\"shared\",\
         \"size\":1024,\"tags\":[\"a\"]}\n"
    );
    let json = stdout_at(&sandbox, &server, &[&shared[..], &["-o", "json"]].concat());
    same_objects_as_json(&ndjson, &json);
    let incoming = "--project-id me image list --incoming --status pending -o ndjson";
    assert_eq!(
        stdout_at(&sandbox, &server, &words(incoming)),
        "{\"id\":\"i3\",\"name\":\"n-i3\",\"owner\":\"proj-o\",\"visibility\":\"shared\",\
         \"size\":1024,\"tags\":[\"a\"],\"member_status\":\"pending\"}\n"
    );
}

#[test]
fn add_and_accept_print_the_records_as_they_now_are() {
    let server = MockServer::start();
    for who in ["p-a", "p-b"] {
        server.mock(|when, then| {
            when.method(POST).path("/v2/images/img/members").json_body(json!({ "member": who }));
            then.status(200).body(format!(
                r#"{{"status": "pending", "member_id": "{who}", "image_id": "img"}}"#
            ));
        });
    }
    server.mock(|when, then| {
        when.method(PUT).path("/v2/images/img/members/me").json_body(json!({"status": "accepted"}));
        then.status(200).body(r#"{"member_id": "me", "image_id": "img", "status": "accepted"}"#);
    });
    let sandbox = Sandbox::new();
    assert_eq!(
        stdout_at(&sandbox, &server, &["member", "add", "img", "p-a", "p-b", "-o", "ndjson"]),
        "{\"member_id\":\"p-a\",\"image_id\":\"img\",\"status\":\"pending\"}\n\
         {\"member_id\":\"p-b\",\"image_id\":\"img\",\"status\":\"pending\"}\n"
    );
    assert_eq!(
        stdout_at(
            &sandbox,
            &server,
            &["--project-id", "me", "member", "accept", "img", "-o", "ndjson"]
        ),
        "{\"member_id\":\"me\",\"image_id\":\"img\",\"status\":\"accepted\"}\n"
    );
}

#[test]
fn profile_list_is_one_line_per_profile() {
    let sandbox = Sandbox::new();
    sandbox
        .config("default_profile = \"b\"\n[profiles.a]\nendpoint = \"https://a\"\n[profiles.b]\n");
    sandbox.ims().args(["profile", "list", "-o", "ndjson"]).prints(
        "{\"name\":\"a\",\"default\":false,\"endpoint\":\"https://a\"}\n\
             {\"name\":\"b\",\"default\":true,\"endpoint\":null}\n",
    );
}

/// A gate the test opens: until then, whoever waits at it waits.
#[derive(Default)]
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    fn wait(&self) {
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.opened.wait(open).unwrap();
        }
    }

    fn open(&self) {
        *self.open.lock().unwrap() = true;
        self.opened.notify_all();
    }
}

/// Runs `ims ARGS` against `port`: the first line it writes must be `first`, written before
/// `gate` is opened (the server holds a later answer until then; `why` says which), and the
/// later lines `rest`. `ims` must end with exit 0.
fn first_line_before(gate: &Gate, port: u16, args: &str, first: &str, rest: &[&str], why: &str) {
    let sandbox = Sandbox::new();
    let line = format!("--endpoint http://127.0.0.1:{port} --token t {args} -o ndjson");
    let mut child = sandbox
        .command(assert_cmd::cargo::cargo_bin("ims"))
        .args(words(&line))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    // The held answer is not sent before the first line is read: a line that is not
    // written (and flushed) at once would never come.
    let got = received.recv_timeout(Duration::from_secs(20)).ok();
    gate.open();
    let status = child.wait().unwrap();
    assert!(status.success());
    assert_eq!(got.as_deref(), Some(first), "{why}");
    assert_eq!(received.iter().collect::<Vec<_>>(), rest);
}

#[test]
fn an_images_lines_arrive_while_a_later_image_is_still_being_answered() {
    let gate = Arc::new(Gate::default());
    let held = gate.clone();
    let port = raw_http_server(move |target| {
        let image = target.split('/').nth(3).unwrap_or_default().to_string();
        if image == "slow" {
            held.wait();
        }
        json_response(&format!(
            r#"{{"members": [{{"member_id": "m-{image}", "status": "accepted"}}]}}"#
        ))
    });
    first_line_before(
        &gate,
        port,
        "member list fast slow --jobs 2",
        "{\"member_id\":\"m-fast\",\"status\":\"accepted\"}",
        &["{\"member_id\":\"m-slow\",\"status\":\"accepted\"}"],
        "the first image's line did not arrive while the second was held back",
    );
}

#[test]
fn image_list_lines_arrive_while_a_later_page_is_still_being_answered() {
    let gate = Arc::new(Gate::default());
    let held = gate.clone();
    let port = raw_http_server(move |target| {
        let (id, next) = match target.contains("marker=") {
            false => ("i1", r#", "next": "/v2/images?owner=p&visibility=shared&marker=i1""#),
            true => {
                held.wait();
                ("i2", "")
            }
        };
        json_response(&format!(r#"{{"images": [{{"id": "{id}", "owner": "p"}}]{next}}}"#))
    });
    first_line_before(
        &gate,
        port,
        "--project-id p image list",
        "{\"id\":\"i1\",\"owner\":\"p\"}",
        &["{\"id\":\"i2\",\"owner\":\"p\"}"],
        "the first page's image did not arrive while the second page was held back",
    );
}
