//! Saved plans against httpmock: `share plan --out` writes the plan with what it was made
//! from (and no credential); `share apply --plan` sends exactly its actions when the cloud
//! has not moved (exit 0 once each took effect), and sends nothing, exit 11, naming each
//! difference, when it has.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::util::*;

/// The owner's project and token.
const OWNER: &str = "p-own";
const OWNER_TOKEN: &str = "owner-token";

/// i1 is shared with p-b; the file wants p-b and p-c.
const SHARES: &str = "[[share]]\nimages = [\"i1\"]\nmembers = [\"p-b\", \"p-c\"]\n";

fn member(member: &str, status: &str) -> Value {
    json!({"member_id": member, "image_id": "i1", "status": status,
           "created_at": "2026-10-01T10:00:00Z", "updated_at": "2026-10-02T10:00:00Z"})
}

/// The owner's cloud: i1 (shared), whose members are `before` until p-c is added, then
/// `after`; the add of p-c, counted.
fn cloud(server: &MockServer, before: Vec<Value>, after: Vec<Value>) -> httpmock::Mock<'_> {
    let added = Arc::new(AtomicBool::new(false));
    server.mock(|when, then| {
        expect_standard_headers(when, OWNER_TOKEN).path("/v2/images/i1");
        then.status(200).json_body(json!({"id": "i1", "name": "one", "owner": OWNER,
            "visibility": "shared", "status": "active"}));
    });
    let not_yet = added.clone();
    server.mock(|when, then| {
        expect_standard_headers(when, OWNER_TOKEN)
            .path("/v2/images/i1/members")
            .is_true(move |_| !not_yet.load(Ordering::SeqCst));
        then.status(200).json_body(json!({"members": before}));
    });
    let done = added.clone();
    server.mock(|when, then| {
        expect_standard_headers(when, OWNER_TOKEN)
            .path("/v2/images/i1/members")
            .is_true(move |_| done.load(Ordering::SeqCst));
        then.status(200).json_body(json!({"members": after}));
    });
    server.mock(|when, then| {
        when.method(POST)
            .path("/v2/images/i1/members")
            .header("x-auth-token", OWNER_TOKEN)
            .json_body(json!({"member": "p-c"}))
            .is_true(move |req| {
                let post = req.method_str() == "POST";
                added.fetch_or(post, Ordering::SeqCst);
                post
            });
        then.status(200).json_body(member("p-c", "pending"));
    })
}

/// `ims share ARGS` as the owner on `server`.
fn share(sandbox: &Sandbox, server: &MockServer, args: &[&str]) -> std::process::Output {
    sandbox
        .ims()
        .env("IMS_TOKEN", OWNER_TOKEN)
        .env("IMS_PROJECT_ID", OWNER)
        .args(["--endpoint", &server.base_url(), "share"])
        .args(args)
        .output()
        .unwrap()
}

/// Plans against `server` into `plan.json` and returns the plan read back.
fn saved_plan(sandbox: &Sandbox, server: &MockServer) -> Value {
    let out = share(sandbox, server, &["plan", "--out", "plan.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let path = sandbox.dir.path().join("plan.json");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(path).unwrap();
    assert!(!text.contains(OWNER_TOKEN), "{text}");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_saved_plan_round_trips_and_is_applied_exactly() {
    let server = MockServer::start();
    let add = cloud(
        &server,
        vec![member("p-b", "accepted")],
        vec![member("p-b", "accepted"), member("p-c", "pending")],
    );
    let sandbox = Sandbox::new();
    sandbox.file("shares.toml", SHARES);
    let plan = saved_plan(&sandbox, &server);
    assert_eq!(plan["ims_plan"], 1);
    assert_eq!(plan["endpoint"], server.base_url());
    assert_eq!(plan["project"], OWNER);
    assert_eq!(plan["api"], "v2");
    assert_eq!(plan["sharing_rules"], "glance");
    assert_eq!(plan["file"], "shares.toml");
    use sha2::Digest;
    let digest: String =
        sha2::Sha256::digest(SHARES.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect();
    assert_eq!(plan["file_sha256"], digest);
    assert_eq!(
        plan["observed"],
        json!([{"image_id": "i1", "visibility": "shared", "members": {"p-b": "accepted"}}])
    );
    assert_eq!(
        plan["actions"],
        json!([{"action": "add", "image_id": "i1", "image_name": "one", "member_id": "p-c",
                "from": null, "to": "pending", "consumer": null}])
    );
    add.assert_calls(0);

    // A dry run prints the plan's request and sends none.
    let out = share(&sandbox, &server, &["apply", "--plan", "plan.json", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        format!("POST {}/v2/images/i1/members {{\"member\":\"p-c\"}}\n", server.base_url())
    );
    add.assert_calls(0);

    let out = share(&sandbox, &server, &["apply", "--plan", "plan.json", "-o", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "Action,Image ID,Image Name,Member ID,From,To\nadd,i1,one,p-c,—,pending\n"
    );
    assert!(
        stderr_of(&out).ends_with("ims: applied: every action of plan.json took effect (1)\n"),
        "{}",
        stderr_of(&out)
    );
    add.assert_calls(1);
}

#[test]
fn a_plan_the_cloud_moved_under_is_exit_11_and_sends_nothing() {
    let server = MockServer::start();
    let first_add = cloud(&server, vec![member("p-b", "accepted")], vec![]);
    let sandbox = Sandbox::new();
    sandbox.file("shares.toml", SHARES);
    saved_plan(&sandbox, &server);
    // The cloud moves: p-b answers, p-z appears.
    let moved = MockServer::start();
    let add = cloud(&moved, vec![member("p-b", "rejected"), member("p-z", "pending")], vec![]);
    let changes = moved.mock(|when, then| {
        when.method_not(GET);
        then.status(500);
    });
    // Another endpoint is named as such.
    let out = share(&sandbox, &moved, &["apply", "--plan", "plan.json", "--yes"]);
    assert_eq!(out.status.code(), Some(11), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains(&format!(
            "ims: stale: the plan was made against endpoint {}, project p-own (v2); this is \
             endpoint {}, project p-own (v2)\n",
            server.base_url(),
            moved.base_url()
        )),
        "{}",
        stderr_of(&out)
    );
    // The same endpoint under other sharing rules: the plan's actions were made for others.
    let out = share(
        &sandbox,
        &server,
        &["apply", "--plan", "plan.json", "--yes", "--sharing-rules", "huawei"],
    );
    assert_eq!(out.status.code(), Some(11), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).starts_with(
            "ims: stale: the plan was made under glance sharing rules; the service now follows \
             huawei's\n"
        ),
        "{}",
        stderr_of(&out)
    );
    first_add.assert_calls(0);
    // The same endpoint, moved: each difference is named.
    let plan = std::fs::read_to_string(sandbox.dir.path().join("plan.json")).unwrap();
    sandbox.file("plan.json", &plan.replace(&server.base_url(), &moved.base_url()));
    let out = share(&sandbox, &moved, &["apply", "--plan", "plan.json", "--yes"]);
    assert_eq!(out.status.code(), Some(11), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        "ims: stale: image i1: member p-b answered: it was accepted, is rejected\n\
         ims: stale: image i1: member p-z appeared (pending)\n\
         ims: error: the cloud moved since plan.json was made (2 difference(s)): nothing was \
         sent; make a new plan\n"
    );
    add.assert_calls(0);
    changes.assert_calls(0);
}

#[test]
fn plan_with_a_file_prune_or_an_unknown_version_is_exit_2() {
    let sandbox = Sandbox::new();
    sandbox.file("plan.json", "{\"ims_plan\": 2}");
    for args in [
        &["apply", "--plan", "plan.json", "-f", "shares.toml"][..],
        &["apply", "--plan", "plan.json", "--prune"][..],
        &["apply", "--plan", "plan.json"][..],
    ] {
        let out = sandbox
            .ims()
            .env("IMS_TOKEN", OWNER_TOKEN)
            .env("IMS_PROJECT_ID", OWNER)
            .args(["--endpoint", "http://127.0.0.1:9", "share"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
    }
}

/// A saved plan is input: an observed image or an action whose ID is not one path segment
/// is exit 2 naming it, before any request (none reads `..` again, none sends to `a/b`).
#[test]
fn a_saved_plan_naming_an_id_that_is_no_path_segment_is_exit_2_before_any_request() {
    let server = MockServer::start();
    let any = server.mock(|_, then| {
        then.status(500);
    });
    let plan = |observed: &str, image: &str| {
        json!({"ims_plan": 1, "endpoint": server.base_url(), "project": OWNER, "api": "v2",
            "sharing_rules": "glance", "file": "shares.toml", "file_sha256": "00",
            "created_at": "2026-10-01T10:00:00Z",
            "observed": [{"image_id": observed, "visibility": "shared", "members": {}}],
            "actions": [{"action": "add", "image_id": image, "image_name": "one",
                "member_id": "p-c", "from": null, "to": "pending", "consumer": null}],
            "notes": []})
        .to_string()
    };
    let sandbox = Sandbox::new();
    for (observed, image, says) in [
        ("..", "i1", "plan.json: observed image ID `..`"),
        ("i1", "a/b", "plan.json: cannot send the add of image `a/b`"),
    ] {
        sandbox.file("plan.json", &plan(observed, image));
        let out = share(&sandbox, &server, &["apply", "--plan", "plan.json", "--yes"]);
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert_eq!(out.stdout, b"");
    }
    any.assert_calls(0);
}
