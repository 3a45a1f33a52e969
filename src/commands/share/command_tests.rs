//! `ims share plan|check|apply|export` run in-process against a mock Glance: what each
//! prints, its exit code, and what the service received (and, in a dry run or before a
//! refused confirmation, that nothing was sent).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use httpmock::prelude::*;
use serde_json::json;

use crate::commands::testing::{SCRIPT, TERMINAL, failure, ims, token_env};
use crate::error::ErrorKind;

/// The shares file: image i1 shared with p-a (and `more` members), pruned when `prune`.
fn shares(more: &[&str], prune: bool) -> String {
    let members: Vec<String> = ["p-a"]
        .iter()
        .chain(more)
        .map(|m| format!("\"{m}\""))
        .collect();
    format!(
        "prune = {prune}\n[[share]]\nimages = [\"i1\"]\nmembers = [{}]\n",
        members.join(", ")
    )
}

/// `GET /v2/images/i1`: image i1 (`gold`) of p1, `visibility`.
fn image<'a>(server: &'a MockServer, visibility: &str) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        when.method(GET)
            .path("/v2/images/i1")
            .header("x-auth-token", "tok");
        then.status(200).json_body(
            json!({"id": "i1", "name": "gold", "owner": "p1", "visibility": visibility}),
        );
    })
}

/// `GET /v2/images/i1/members` answering `members` as `(member, status)` pairs.
fn members<'a>(server: &'a MockServer, members: &[(&str, &str)]) -> httpmock::Mock<'a> {
    let members: Vec<_> = members
        .iter()
        .map(|(id, status)| json!({"member_id": id, "image_id": "i1", "status": status}))
        .collect();
    server.mock(|when, then| {
        when.method(GET)
            .path("/v2/images/i1/members")
            .header("x-auth-token", "tok");
        then.status(200).json_body(json!({ "members": members }));
    })
}

/// Any request that changes something: a dry run or a refused apply sends none.
fn changes(server: &MockServer) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        when.is_true(|req| req.method() != GET);
        then.status(500);
    })
}

/// A mock Glance as project p1 sees it: image i1 (`gold`) with its members, and what
/// each kind of request received.
struct Cloud {
    /// The mock service.
    server: MockServer,
    /// The mocks of image i1, of its members and of any change (see [`changes`]).
    mocks: [usize; 3],
}

impl Cloud {
    /// Image i1 as `visibility` with the members `listed` as `(member, status)` pairs.
    fn new(visibility: &str, listed: &[(&str, &str)]) -> Cloud {
        let server = MockServer::start();
        let mocks = [
            image(&server, visibility).id(),
            members(&server, listed).id(),
            changes(&server).id(),
        ];
        Cloud { server, mocks }
    }

    /// `ims ARGS` with `stdin`, as p1 with a token, off a terminal.
    fn run(&self, args: &[&str], stdin: &str) -> (u8, String, String) {
        let url = self.server.base_url();
        let ran = ims(args, stdin, SCRIPT, &token_env(&url));
        (ran.code, ran.stdout, ran.stderr)
    }

    /// How often image i1 was read, its members were read, and a change was sent.
    fn calls(&self) -> [usize; 3] {
        self.mocks
            .map(|id| httpmock::Mock::new(id, &self.server).calls())
    }
}

/// The CSV of a plan that adds p-b to image i1.
const ADD_P_B: &str = "\
Action,Image ID,Image Name,Member ID,From,To
add,i1,gold,p-b,—,pending
";

#[test]
fn plan_of_a_cloud_in_sync_prints_no_action_and_exits_0() {
    let cloud = Cloud::new("shared", &[("p-a", "accepted")]);
    let file = shares(&[], false);
    let summary = "ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 1 in sync\n";
    for command in ["plan", "check"] {
        assert_eq!(
            cloud.run(&["share", command, "-f", "-"], &file),
            (0, String::new(), summary.to_string())
        );
    }
    assert_eq!(cloud.calls(), [2, 2, 0]);
}

#[test]
fn check_of_a_drift_prints_the_plan_and_exits_10() {
    let cloud = Cloud::new("shared", &[("p-a", "accepted")]);
    let file = shares(&["p-b"], false);
    assert_eq!(
        cloud.run(&["share", "check", "-f", "-", "-o", "csv"], &file),
        (
            10,
            ADD_P_B.to_string(),
            "ims: plan: 1 to add, 0 to accept, 0 to remove, 0 visibility; 1 in sync\n\
             ims: error: the cloud differs from <stdin>: 1 change(s) would make it match\n"
                .to_string()
        )
    );
    let url = cloud.server.base_url();
    let err = failure(
        &["share", "check", "-f", "-", "-o", "csv"],
        &file,
        &token_env(&url),
    );
    assert_eq!(err.kind(), ErrorKind::Drift);
    // `plan` prints the same plan and exits 0: a drift is only an error for `check`.
    let (code, stdout, _) = cloud.run(&["share", "plan", "-f", "-", "-o", "csv"], &file);
    assert_eq!((code, stdout.as_str()), (0, ADD_P_B));
    assert_eq!(cloud.calls(), [3, 3, 0]);
}

#[test]
fn plan_under_glance_rules_makes_a_private_image_shared_first() {
    let cloud = Cloud::new("private", &[("p-a", "accepted")]);
    let (code, stdout, stderr) = cloud.run(
        &["share", "plan", "-f", "-", "-o", "json"],
        &shares(&[], false),
    );
    assert_eq!(
        (code, stderr.as_str()),
        (
            0,
            "ims: plan: 1 to add, 0 to accept, 0 to remove, 1 visibility; 0 in sync\n"
        )
    );
    let action = |kind: &str, member: Option<&str>, from: Option<&str>, to: &str| {
        json!({"action": kind, "image_id": "i1", "image_name": "gold", "member_id": member,
               "from": from, "to": to, "consumer": null})
    };
    let plan: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        plan,
        json!({"actions": [action("visibility", None, Some("private"), "shared"),
                           action("add", Some("p-a"), None, "pending")],
               "notes": [], "in_sync": 0})
    );
    // A private image's members count as none under Glance's rules: they are not read.
    assert_eq!(cloud.calls(), [1, 0, 0]);
}

#[test]
fn apply_with_removals_off_a_terminal_needs_yes_and_sends_nothing() {
    let cloud = Cloud::new("shared", &[("p-a", "accepted"), ("p-x", "accepted")]);
    let (code, stdout, stderr) = cloud.run(
        &["share", "apply", "-f", "-", "-o", "csv"],
        &shares(&[], true),
    );
    assert_eq!(
        (code, stderr.as_str()),
        (
            2,
            "ims: plan: 0 to add, 0 to accept, 1 to remove, 0 visibility; 1 in sync\n\
             ims: error: share apply with removals needs --yes when it cannot ask on a \
             terminal; nothing was sent\n"
        )
    );
    assert_eq!(
        stdout,
        "Action,Image ID,Image Name,Member ID,From,To\nremove,i1,gold,p-x,accepted,—\n"
    );
    assert_eq!(cloud.calls(), [1, 1, 0]);
}

#[test]
fn apply_on_a_terminal_sends_the_removal_once_confirmed_and_reads_the_cloud_again() {
    let server = MockServer::start();
    image(&server, "shared");
    let removed = Arc::new(AtomicBool::new(false));
    let gone = Arc::clone(&removed);
    let before = server.mock(|when, then| {
        when.method(GET)
            .path("/v2/images/i1/members")
            .is_true(move |_| !gone.load(Ordering::SeqCst));
        then.status(200).json_body(json!({"members": [
            {"member_id": "p-a", "image_id": "i1", "status": "accepted"},
            {"member_id": "p-x", "image_id": "i1", "status": "accepted"}]}));
    });
    let after = members(&server, &[("p-a", "accepted")]);
    let mark = Arc::clone(&removed);
    let delete = server.mock(|when, then| {
        when.method(DELETE)
            .path("/v2/images/i1/members/p-x")
            .header("x-auth-token", "tok")
            .is_true(move |_| {
                mark.store(true, Ordering::SeqCst);
                true
            });
        then.status(204);
    });
    let url = server.base_url();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shares.toml");
    std::fs::write(&file, shares(&[], true)).unwrap();
    let args = ["share", "apply", "-f", file.to_str().unwrap(), "-o", "ids"];
    let ran = ims(&args, "y\n", TERMINAL, &token_env(&url));
    let path = file.display();
    assert_eq!(
        ran.parts(),
        (
            0,
            "i1\n",
            format!(
                "ims: plan: 0 to add, 0 to accept, 1 to remove, 0 visibility; 1 in sync\n\
                 apply 1 changes, 1 of them removals? [y/N] ims: removed p-x from image i1\n\
                 ims: applied: the cloud matches {path} (1 in sync)\n"
            )
            .as_str()
        )
    );
    delete.assert_calls(1);
    before.assert_calls(1);
    after.assert_calls(1);
}

#[test]
fn apply_dry_run_prints_each_request_and_sends_nothing() {
    let cloud = Cloud::new("shared", &[("p-a", "accepted"), ("p-x", "pending")]);
    let args = ["share", "apply", "--dry-run", "-f", "-"];
    let (code, stdout, stderr) = cloud.run(&args, &shares(&["p-b"], true));
    let url = cloud.server.base_url();
    assert_eq!(
        (code, stdout, stderr),
        (
            0,
            format!(
                "POST {url}/v2/images/i1/members {{\"member\":\"p-b\"}}\n\
                 DELETE {url}/v2/images/i1/members/p-x\n"
            ),
            "ims: plan: 1 to add, 0 to accept, 1 to remove, 0 visibility; 1 in sync\n".into()
        )
    );
    assert_eq!(cloud.calls(), [1, 1, 0]);
}

#[test]
fn apply_adds_a_member_with_the_documented_body() {
    let server = MockServer::start();
    image(&server, "shared");
    members(&server, &[("p-a", "accepted")]);
    let add = server.mock(|when, then| {
        when.method(POST)
            .path("/v2/images/i1/members")
            .header("x-auth-token", "tok")
            .header("content-type", "application/json")
            .json_body(json!({"member": "p-b"}));
        then.status(200)
            .json_body(json!({"member_id": "p-b", "image_id": "i1", "status": "pending"}));
    });
    let url = server.base_url();
    let args = ["share", "apply", "-f", "-", "-o", "csv"];
    let ran = ims(&args, &shares(&["p-b"], false), SCRIPT, &token_env(&url));
    add.assert_calls(1);
    // The mock still lists p-a only: the cloud is read again and found to differ.
    assert_eq!(
        ran.parts(),
        (
            6,
            ADD_P_B,
            "ims: plan: 1 to add, 0 to accept, 0 to remove, 0 visibility; 1 in sync\n\
             ims: still out of sync: add image i1, member p-b\n"
        )
    );
}

/// What `share export` writes of image i1 (`gold`) before its members.
const EXPORT_HEAD: &str = "\
# Today's sharing, as written by `ims share export`: which of this project's images
# each project sees. `ims share check -f FILE` exits 0 while the cloud matches it.

[[share]]
images = [
    \"i1\", # gold
]
";

#[test]
fn export_writes_the_sharing_of_every_image_this_project_shares() {
    let cloud = Cloud::new("shared", &[("p-a", "accepted"), ("p-b", "pending")]);
    let list = cloud.server.mock(|when, then| {
        when.method(GET)
            .path("/v2/images")
            .query_param("owner", "p1")
            .query_param("visibility", "shared")
            .header("x-auth-token", "tok");
        then.status(200).json_body(json!({"images": [
            {"id": "i1", "name": "gold", "owner": "p1", "visibility": "shared"}]}));
    });
    let (code, stdout, stderr) = cloud.run(&["share", "export"], "");
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(
        stdout,
        format!("{EXPORT_HEAD}members = [\"p-a\", \"p-b\"]\n")
    );
    list.assert_calls(1);
    assert_eq!(cloud.calls(), [0, 1, 0]);
}

#[test]
fn export_of_ids_on_stdin_reads_just_those_images() {
    let cloud = Cloud::new("shared", &[("p-a", "accepted")]);
    let (code, stdout, stderr) = cloud.run(&["share", "export", "-"], "i1\n");
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(stdout, format!("{EXPORT_HEAD}members = [\"p-a\"]\n"));
    assert_eq!(cloud.calls(), [1, 1, 0]);
}

#[test]
fn a_missing_shares_file_is_exit_3_before_any_request() {
    let server = MockServer::start();
    let anything = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let url = server.base_url();
    let args = ["share", "plan", "-f", "/nonexistent/shares.toml"];
    assert_eq!(
        ims(&args, "", SCRIPT, &token_env(&url)).parts(),
        (
            3,
            "",
            "ims: error: shares file /nonexistent/shares.toml does not exist (-f names \
             another; `ims share export > /nonexistent/shares.toml` writes today's sharing as \
             one)\n"
        )
    );
    anything.assert_calls(0);
}

/// On Huawei's v1 API a share apply's pairs go as batch jobs: the progress line over
/// them counts each job's pairs once it ends (it stayed at 0/2 while the work finished).
#[test]
fn a_v1_batch_job_counts_its_pairs_on_the_progress_line() {
    let server = MockServer::start();
    let added = Arc::new(AtomicBool::new(false));
    for id in ["h1", "h2"] {
        server.mock(|when, then| {
            when.method(GET)
                .path("/v2/cloudimages")
                .query_param("id", id);
            then.status(200).json_body(json!({"images": [
                {"id": id, "name": id, "owner": "p1", "visibility": "private"}]}));
        });
        let before = Arc::clone(&added);
        server.mock(|when, then| {
            when.method(GET)
                .path(format!("/v1/p1/cloudimages/{id}/members"))
                .is_true(move |_| !before.load(Ordering::SeqCst));
            then.status(200).json_body(json!({"members": []}));
        });
        let after = Arc::clone(&added);
        server.mock(|when, then| {
            when.method(GET)
                .path(format!("/v1/p1/cloudimages/{id}/members"))
                .is_true(move |_| after.load(Ordering::SeqCst));
            then.status(200).json_body(json!({"members": [
                {"member_id": "p-b", "image_id": id, "status": "pending"}]}));
        });
    }
    let batch = server.mock(|when, then| {
        when.method(POST)
            .path("/v1/cloudimages/members")
            .json_body(json!({"images": ["h1", "h2"], "projects": ["p-b"]}));
        then.status(200).json_body(json!({"job_id": "job-1"}));
    });
    let done = Arc::clone(&added);
    // Slow enough that the line is drawn again once the job ends.
    server.mock(|when, then| {
        when.method(GET)
            .path("/v1/p1/jobs/job-1")
            .is_true(move |_| {
                done.store(true, Ordering::SeqCst);
                true
            });
        then.status(200)
            .delay(std::time::Duration::from_millis(300))
            .json_body(json!({"status": "SUCCESS", "job_id": "job-1"}));
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shares.toml");
    std::fs::write(
        &file,
        "[[share]]\nimages = [\"h1\", \"h2\"]\nmembers = [\"p-b\"]\n",
    )
    .unwrap();
    let url = server.base_url();
    let env = [
        ("IMS_ENDPOINT", url.as_str()),
        ("IMS_TOKEN", "tok"),
        ("IMS_PROJECT_ID", "p1"),
        ("IMS_API", "v1"),
    ];
    let args = ["share", "apply", "-f", file.to_str().unwrap(), "-o", "ids"];
    let ran = ims(&args, "", TERMINAL, &env);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    batch.assert_calls(1);
    assert!(ran.stderr.contains("ims: 0/2 pairs · "), "{:?}", ran.stderr);
    assert!(ran.stderr.contains("ims: 2/2 pairs · "), "{:?}", ran.stderr);
}
