//! `ims member remove` against httpmock: one DELETE per pair, a missing member told from
//! a missing image, the confirmation it needs off a terminal, and notes and failures in
//! input order.

use httpmock::prelude::*;
use serde_json::json;

use crate::util::*;

#[test]
fn remove_deletes_and_tells_a_missing_member_from_a_missing_image() {
    let server = MockServer::start();
    let gone = server.mock(|when, then| {
        when.method(DELETE)
            .path("/v2/images/img/members/p-a")
            .header("x-auth-token", "t")
            .header_missing("content-type")
            .body("");
        then.status(204);
    });
    let capture = Capture::load("57-");
    let absent = server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/img/members/p-x");
        capture.respond(then);
    });
    let list = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img/members");
        then.status(200).json_body(json!({"members": []}));
    });
    let missing_image = server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/nope/members/p-a");
        then.status(404).body("Image nope not found.");
    });
    let missing_list = server.mock(|when, then| {
        when.method(GET).path("/v2/images/nope/members");
        then.status(404).body("Image nope not found.");
    });
    ims_for(&server).args(["member", "remove", "img", "p-a", "p-x", "--yes"]).prints("").stderr(
        "ims: removed p-a from image img\n\
             ims: p-x is not a member of image img: nothing to remove\n",
    );
    ims_for(&server)
        .args(["member", "remove", "nope", "p-a", "--yes"])
        .exits(5)
        .stdout("")
        .stderr("ims: error: image nope, member p-a: HTTP 404 Not Found: Image nope not found.\n");
    gone.assert_calls(1);
    absent.assert_calls(1);
    list.assert_calls(1);
    missing_image.assert_calls(1);
    missing_list.assert_calls(1);
}

#[test]
fn remove_off_a_terminal_needs_yes_and_sends_nothing() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    ims_for(&server)
        .args(["member", "remove", "img", "p-a"])
        .write_stdin("y\n")
        .exits(2)
        .stdout("")
        .stderr(
            "ims: error: member remove needs --yes when it cannot ask on a terminal; nothing \
             was sent\n",
        );
    ims_for(&server).args(["member", "remove", "-", "p-a"]).write_stdin("img1 img2\n").exits(2);
    any.assert_calls(0);
}

#[test]
fn notes_and_failures_are_reported_in_input_order() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/i1/members/p-a");
        then.status(403).body("no");
    });
    server.mock(|when, then| {
        when.method(DELETE).path("/v2/images/i2/members/p-a");
        then.status(204);
    });
    ims_for(&server)
        .args(["member", "remove", "-", "p-a", "--yes", "--jobs", "1"])
        .write_stdin("i1 i2")
        .exits(4)
        .stdout("")
        .stderr(
            "ims: error: image i1, member p-a: HTTP 403 Forbidden: no\n\
             ims: removed p-a from image i2\n",
        );
}
