//! Hostile transports: relative and network-path redirects.

use crate::util::*;
use httpmock::prelude::*;

// ---- a raw HTTP/1.1 server whose every connection runs `serve` ----

/// The member list of image `image`: one member, `m-<image>`.
fn members_of(image: &str) -> String {
    format!(
        r#"{{"members":[{{"member_id":"m-{image}","image_id":"{image}","status":"accepted"}}]}}"#
    )
}

// ---- 20: Location resolved per RFC 3986 ----

#[test]
fn a_relative_location_is_followed() {
    let server = MockServer::start();
    let moved = server.mock(|when, then| {
        when.path("/v2/images/i/members");
        then.status(301).header("location", "members2");
    });
    let target = server.mock(|when, then| {
        when.path("/v2/images/i/members2")
            .header("x-auth-token", "t");
        then.status(200).body(members_of("i"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "list", "i", "-o", "ids"])
        .assert()
        .success()
        .stdout("m-i\n")
        .stderr("");
    moved.assert_calls(1);
    target.assert_calls(1);
}

#[test]
fn a_network_path_location_is_another_origin() {
    let server = MockServer::start();
    let moved = server.mock(|when, then| {
        when.path("/v2/images/i/members");
        then.status(302).header("location", "//other.example/x");
    });
    let followed = server.mock(|when, then| {
        when.path("//other.example/x");
        then.status(200).body(members_of("i"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "list", "i"])
        .assert()
        .code(6)
        .stdout("")
        .stderr(format!(
            "ims: error: image i: GET {}/v2/images/i/members: HTTP 302 Found: redirect to another origin (http://other.example/x) not followed, so that credentials stay with the endpoint; point --endpoint at the new address\n",
            server.base_url()
        ));
    moved.assert_calls(1);
    followed.assert_calls(0);
}
