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
    refused_add_as(&["--project-id", "proj-owner"], capture, image)
}

/// [`refused_add`] with `global` options instead of `--project-id proj-owner`.
fn refused_add_as(global: &[&str], capture: &str, image: Option<Value>) -> (Option<i32>, String) {
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
        .args(global)
        .args(["member", "add", "img", "p-z"])
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
    // This project is not known (a bare token, no --project-id): a shared image may be its
    // own, so its owner proves nothing.
    assert_eq!(
        refused_add_as(
            &[],
            "54-",
            Some(glance_image("img", "shared", "proj-other"))
        ),
        (Some(4), MEMBER_403.to_string())
    );
    // A visibility Glance does not have: no guess at what it means.
    assert_eq!(
        refused_add("53-", Some(glance_image("img", "frozen", "proj-owner"))),
        (Some(4), PRIVATE_403.to_string())
    );
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

#[test]
fn each_refused_pair_gets_its_own_advice_in_input_order() {
    // Two images refused at once (--jobs 2): the quota first, then a private image; each
    // error is followed by its own advice, in the order the images were given.
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img-q/members");
        then.status(413)
            .body("Maximum number of image members exceeded: 128.");
    });
    let refuse = Capture::load("53-");
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img-p/members");
        refuse.respond(then);
    });
    let read = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img-p");
        then.status(200)
            .json_body(glance_image("img-p", "private", "proj-owner"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["--project-id", "proj-owner", "member", "add", "-", "p-z"])
        .args(["--jobs", "2"])
        .write_stdin("img-q img-p")
        .assert()
        .code(6)
        .stdout("")
        .stderr(
            "ims: error: image img-q, member p-z: HTTP 413 Payload Too Large: Maximum number \
             of image members exceeded: 128.\n\
             ims: advice: the image has as many members as this Glance allows \
             (`image_member_quota` in glance-api.conf, 128 by default): remove members it no \
             longer needs (`ims member remove`) or ask the operator to raise the quota\n\
             ims: error: image img-p, member p-z: HTTP 403 Forbidden: Not allowed to create \
             members for image acd979a7-071c-4100-b45e-92ce500e52ce. (request id \
             req-7cb7dea4-55ae-4dc9-b0ec-33c2cfa22450)\n\
             ims: advice: image img-p is private, and Glance takes members only on images \
             whose visibility is `shared`: make it shared (`ims share apply` does so, or \
             `openstack image set --shared img-p`), then add the members\n",
        );
    read.assert_calls(1);
}

#[test]
fn a_dry_run_add_reads_nothing_and_advises_nothing() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args([
            "--project-id",
            "proj-owner",
            "member",
            "add",
            "img",
            "p-z",
            "--dry-run",
        ])
        .assert()
        .success()
        .stdout(format!(
            "POST {}/v2/images/img/members {{\"member\":\"p-z\"}}\n",
            server.base_url()
        ))
        .stderr("");
    any.assert_calls(0);
}

#[test]
fn a_refusal_that_carries_a_known_code_keeps_the_codes_advice_and_reads_nothing() {
    // Huawei's native v2 API refuses with its own code: that code says what to do, and the
    // image read that explains Glance's bare 403 is neither needed nor a better guess.
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v2/images/img/members");
        then.status(403).json_body(
            json!({"error": {"code": "IMG.0098", "message": "The image is encrypted."}}),
        );
    });
    let read = server.mock(|when, then| {
        when.method(GET).path("/v2/images/img");
        then.status(200)
            .json_body(glance_image("img", "private", "proj-owner"));
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["--project-id", "proj-owner", "member", "add", "img", "p-z"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(
            "ims: error: image img, member p-z: HTTP 403 Forbidden: IMG.0098: The image is \
             encrypted.\nims: advice: an encrypted image cannot be shared this way: share an \
             unencrypted copy of it\n",
        );
    read.assert_calls(0);
}
