//! Advice on Glance's refusals of a member create: its member quota (`413`), and a `403`
//! explained by one read of the image (not `shared`, or another project's). Huawei's error
//! codes are advised on in `huawei.rs`.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::util::*;

/// The image as Glance 33 shows it (the shape of capture `01-`), with `visibility` and
/// `owner`.
fn glance_image(id: &str, visibility: &str, owner: &str) -> Value {
    json!({"name": "golden", "disk_format": "raw", "container_format": "bare",
           "visibility": visibility, "size": null, "virtual_size": null, "status": "queued",
           "checksum": null, "protected": false, "min_ram": 0, "min_disk": 0, "owner": owner,
           "os_hidden": false, "os_hash_algo": null, "os_hash_value": null, "id": id,
           "created_at": "2026-11-22T15:37:08Z", "updated_at": "2026-11-22T15:37:08Z",
           "tags": [], "self": format!("/v2/images/{id}"),
           "file": format!("/v2/images/{id}/file"), "schema": "/v2/schemas/image"})
}

/// `ims --project-id proj-owner member add IMG p-z` against a Glance that refuses the
/// create with `capture` and shows the image as `image` (`None`: 404): exit code and
/// stderr; the image is read at most once.
fn refused_add(capture: &str, image: Option<Value>) -> (Option<i32>, String) {
    let server = MockServer::start();
    let refuse = Capture::load(capture);
    let post = server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        refuse.respond(then);
    });
    let read = server.mock(|when, then| {
        when.method(GET)
            .path("/v2/images/img")
            .header("x-auth-token", "t");
        match &image {
            Some(image) => then.status(200).json_body(image.clone()),
            None => then.status(404).body("404 Not Found"),
        };
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "t")
        .args(["--project-id", "proj-owner", "member", "add", "img", "p-z"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "");
    post.assert_calls(1);
    assert!(read.calls() <= 1);
    (out.status.code(), stderr_of(&out))
}

const PRIVATE_403: &str = "ims: error: image img, member p-z: HTTP 403 Forbidden: Not allowed \
     to create members for image acd979a7-071c-4100-b45e-92ce500e52ce. (request id \
     req-7cb7dea4-55ae-4dc9-b0ec-33c2cfa22450)\n";

const MEMBER_403: &str = "ims: error: image img, member p-z: HTTP 403 Forbidden: You are not \
     authorized to complete add_member action. (request id \
     req-5acbc950-2f4a-4fc5-86c7-6d6eef6a2a19)\n";

#[test]
fn a_refused_add_to_a_private_image_says_to_make_it_shared() {
    assert_eq!(
        refused_add("53-", Some(glance_image("img", "private", "proj-owner"))),
        (
            Some(4),
            format!(
                "{PRIVATE_403}ims: advice: image img is private, and Glance takes members \
                 only on images whose visibility is `shared`: make it shared (`ims share \
                 apply` does so, or `openstack image set --shared img`), then add the \
                 members\n"
            )
        )
    );
    assert_eq!(
        refused_add("53-", Some(glance_image("img", "community", "proj-owner"))).1,
        format!(
            "{PRIVATE_403}ims: advice: image img is community, so every project sees it \
             already; members are only for images whose visibility is `shared`\n"
        )
    );
}

#[test]
fn a_refused_add_to_another_projects_image_names_its_owner() {
    assert_eq!(
        refused_add("54-", Some(glance_image("img", "shared", "proj-other"))),
        (
            Some(4),
            format!(
                "{MEMBER_403}ims: advice: image img belongs to project proj-other: only its \
                 owner can share it\n"
            )
        )
    );
}

#[test]
fn a_refusal_the_image_does_not_explain_is_left_as_it_is() {
    // This project's own shared image: the refusal has another cause.
    assert_eq!(
        refused_add("54-", Some(glance_image("img", "shared", "proj-owner"))),
        (Some(4), MEMBER_403.to_string())
    );
    // The image cannot be read.
    assert_eq!(refused_add("54-", None), (Some(4), MEMBER_403.to_string()));
}

#[test]
fn glance_member_quota_413_gets_advice() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(413)
            .header("content-type", "text/html; charset=UTF-8")
            .body(
                "<html>\n <head>\n  <title>413 Request Entity Too Large</title>\n </head>\n \
                 <body>\n  <h1>413 Request Entity Too Large</h1>\n  Maximum number of image \
                 members exceeded: 128.<br /><br />\n\n\n\n </body>\n</html>",
            );
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "add", "img", "p-z"])
        .assert()
        .code(6)
        .stdout("")
        .stderr(
            "ims: error: image img, member p-z: HTTP 413 Payload Too Large: 413 Request \
             Entity Too Large Maximum number of image members exceeded: 128.\n\
             ims: advice: the image has as many members as this Glance allows \
             (`image_member_quota` in glance-api.conf, 128 by default): remove members it \
             no longer needs (`ims member remove`) or ask the operator to raise the quota\n",
        );
    post.assert_calls(1);
}
