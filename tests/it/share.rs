//! Desired sharing against httpmock: `ims share plan|check|apply|export` read exactly the
//! images and members they need, print the plan in every format, send every change exactly
//! (the visibility PATCH as a JSON patch; v1 batch jobs per member and per consumer), let
//! each consumer accept with its own credential and never the owner's, and send nothing
//! when the input is bad.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::fixtures::huawei::{PROJECT, SK, aksk, batch, gateway_accepts, job_states};
use crate::util::*;

/// The owner's project and token.
const OWNER: &str = "p-own";
const OWNER_TOKEN: &str = "owner-token";
/// The consumer of member `p-a`: its profile and token.
const CONSUMER_TOKEN: &str = "a-token";

fn image(id: &str, name: &str, owner: &str, visibility: &str) -> Value {
    json!({"id": id, "name": name, "owner": owner, "visibility": visibility,
           "status": "active", "tags": [], "self": format!("/v2/images/{id}")})
}

fn member(image: &str, member: &str, status: &str) -> Value {
    json!({"member_id": member, "image_id": image, "status": status,
           "created_at": "2026-10-01T10:00:00Z", "updated_at": "2026-10-02T10:00:00Z",
           "schema": "/v2/schemas/member"})
}

/// A GET of `path` with the owner's token answering `body`.
fn read<'a>(server: &'a MockServer, path: &str, body: Value) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        expect_standard_headers(when, OWNER_TOKEN).path(path.to_string());
        then.status(200).json_body(body);
    })
}

/// The owner's cloud: i1 (shared, members p-b accepted and p-x pending), i2 (private),
/// gold-1 (shared, no members, listed by name and by tag), and the list of this
/// project's images (none tagged silver). The lists also hold gold-9, another project's
/// image (as a service that ignores `owner=` lists it): a selector never takes it.
fn owner_cloud(server: &MockServer) -> Vec<httpmock::Mock<'_>> {
    let mut gold = image("g1", "gold-1", OWNER, "shared");
    gold["tags"] = json!(["gold"]);
    let mut theirs = image("g9", "gold-9", "p-other", "shared");
    theirs["tags"] = json!(["gold"]);
    vec![
        read(server, "/v2/images/i1", image("i1", "one", OWNER, "shared")),
        read(server, "/v2/images/i2", image("i2", "two", OWNER, "private")),
        read(
            server,
            "/v2/images/i1/members",
            json!({"members": [member("i1", "p-b", "accepted"), member("i1", "p-x", "pending")],
                   "schema": "/v2/schemas/members"}),
        ),
        read(server, "/v2/images/g1/members", json!({"members": []})),
        server.mock(|when, then| {
            expect_standard_headers(when, OWNER_TOKEN).path("/v2/images").is_true(|req| {
                let mut query = req.query_params();
                query.sort();
                query == [("limit".into(), "1000".into()), ("owner".into(), OWNER.into())]
            });
            then.status(200).json_body(json!({"images": [
                image("i1", "one", OWNER, "shared"), gold.clone(), theirs.clone(),
                image("z9", "zinc", OWNER, "shared")]}));
        }),
        server.mock(|when, then| {
            expect_standard_headers(when, OWNER_TOKEN)
                .path("/v2/images")
                .query_param("owner", OWNER)
                .query_param("tag", "gold");
            then.status(200).json_body(json!({"images": [gold, theirs]}));
        }),
        server.mock(|when, then| {
            expect_standard_headers(when, OWNER_TOKEN)
                .path("/v2/images")
                .query_param("owner", OWNER)
                .query_param("tag", "silver");
            then.status(200).json_body(json!({"images": []}));
        }),
    ]
}

/// i1 and i2 for p-a and p-b, gold images for p-a; p-a accepts with profile tenant-a.
const SHARES: &str = r#"
[[share]]
images = ["i1", "i2"]
members = ["p-a", "p-b"]

[[share]]
names = ["gold-*"]
tags = ["gold", "silver"]
members = ["p-a"]

[consumers]
p-a = "tenant-a"
"#;

/// A sandbox whose config has the consumer's profile (its own endpoint, token and
/// project), and whose `shares.toml` is `shares`.
fn sandbox_with(consumer: &MockServer, consumer_project: &str, shares: &str) -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.config(&format!(
        "[profiles.tenant-a]\nendpoint = \"{}\"\ntoken = \"{CONSUMER_TOKEN}\"\n\
         project_id = \"{consumer_project}\"\n",
        consumer.base_url()
    ));
    sandbox.file("shares.toml", shares);
    sandbox
}

/// `ims share ARGS` as the owner: identity from flags and variables, which a consumer
/// must not inherit.
fn share(sandbox: &Sandbox, server: &MockServer, args: &[&str]) -> std::process::Output {
    as_owner(sandbox, server).arg("share").args(args).output().unwrap()
}

/// `ims` as the owner on `server`: identity from flags and variables.
fn as_owner(sandbox: &Sandbox, server: &MockServer) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.env("IMS_TOKEN", OWNER_TOKEN)
        .env("IMS_PROJECT_ID", OWNER)
        .args(["--endpoint", &server.base_url()]);
    cmd
}

/// The owner's cloud (`owner_cloud`) on one server, a consumer's on another, and a sandbox
/// whose profile tenant-a signs in to the consumer's as `consumer_project`, with `SHARES`.
fn clouds(consumer_project: &str) -> (MockServer, MockServer, Sandbox) {
    let server = MockServer::start();
    owner_cloud(&server);
    let consumer = MockServer::start();
    let sandbox = sandbox_with(&consumer, consumer_project, SHARES);
    (server, consumer, sandbox)
}

const PLAN_TABLE: &str = "\
┌────────────┬──────────┬────────────┬───────────┬─────────┬──────────┐
│ Action     ┆ Image ID ┆ Image Name ┆ Member ID ┆ From    ┆ To       │
╞════════════╪══════════╪════════════╪═══════════╪═════════╪══════════╡
│ visibility ┆ i2       ┆ two        ┆ —         ┆ private ┆ shared   │
│ add        ┆ i1       ┆ one        ┆ p-a       ┆ —       ┆ pending  │
│ add        ┆ i2       ┆ two        ┆ p-a       ┆ —       ┆ pending  │
│ add        ┆ i2       ┆ two        ┆ p-b       ┆ —       ┆ pending  │
│ add        ┆ g1       ┆ gold-1     ┆ p-a       ┆ —       ┆ pending  │
│ accept     ┆ i1       ┆ one        ┆ p-a       ┆ pending ┆ accepted │
│ accept     ┆ i2       ┆ two        ┆ p-a       ┆ pending ┆ accepted │
│ accept     ┆ g1       ┆ gold-1     ┆ p-a       ┆ pending ┆ accepted │
│ remove     ┆ i1       ┆ one        ┆ p-x       ┆ pending ┆ —        │
└────────────┴──────────┴────────────┴───────────┴─────────┴──────────┘
";

const PLAN_NOTES: &str = "\
ims: warning: shares.toml:6: image g9 (gold-9) was listed but its owner is p-other, not this project: dropped, nothing is changed on it
ims: note: shares.toml:6: tag \"silver\" selects no image of this project
ims: plan: 4 to add, 3 to accept, 1 to remove, 1 visibility; 1 in sync
";

#[test]
fn plan_reads_what_it_compares_and_prints_every_format() {
    let server = MockServer::start();
    let reads = owner_cloud(&server);
    let consumer = MockServer::start();
    let nothing = nothing_may_be_sent(&consumer);
    let sandbox = sandbox_with(&consumer, "p-a", SHARES);

    let out = share(&sandbox, &server, &["plan", "--prune"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), PLAN_TABLE);
    assert_eq!(stderr_of(&out), PLAN_NOTES);
    // i1 is in the list of this project's images: not read again. The private image's
    // members are not read (Glance refuses them). Every other read is made once.
    let calls: Vec<usize> = reads.iter().map(|mock| mock.calls()).collect();
    assert_eq!(calls, [0, 1, 1, 1, 1, 1, 1]);
    nothing.assert_calls(0);

    let out = share(&sandbox, &server, &["plan", "--prune", "-o", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["actions"].as_array().unwrap().len(), 9);
    assert_eq!(
        json["actions"][0],
        json!({"action": "visibility", "image_id": "i2", "image_name": "two",
               "member_id": null, "from": "private", "to": "shared", "consumer": null})
    );
    assert_eq!(
        json["actions"][5],
        json!({"action": "accept", "image_id": "i1", "image_name": "one",
               "member_id": "p-a", "from": "pending", "to": "accepted",
               "consumer": "tenant-a"})
    );
    assert_eq!(
        json["notes"],
        json!(["shares.toml:6: tag \"silver\" selects no image of this project"])
    );
    assert_eq!(json["in_sync"], 1);

    let out = share(&sandbox, &server, &["plan", "--prune", "-o", "ndjson"]);
    let lines: Vec<Value> =
        stdout_of(&out).lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines, json["actions"].as_array().unwrap().clone());
    let out = share(&sandbox, &server, &["plan", "--prune", "-o", "ids"]);
    assert_eq!(stdout_of(&out), "i2\ni1\ng1\n");
    let out = share(&sandbox, &server, &["plan", "--prune", "-o", "csv"]);
    assert_eq!(
        stdout_of(&out).lines().take(3).collect::<Vec<_>>(),
        [
            "Action,Image ID,Image Name,Member ID,From,To",
            "visibility,i2,two,—,private,shared",
            "add,i1,one,p-a,—,pending"
        ]
    );
}

#[test]
fn check_is_exit_10_on_drift_and_0_in_sync() {
    let (server, _consumer, sandbox) = clouds("p-a");
    let out = share(&sandbox, &server, &["check", "--prune"]);
    assert_eq!(out.status.code(), Some(10), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), PLAN_TABLE);
    assert_eq!(
        stderr_of(&out),
        format!(
            "{PLAN_NOTES}ims: error: the cloud differs from shares.toml: 9 change(s) would \
             make it match\n"
        )
    );
    // p-b is there and accepted; p-x stays without prune: nothing to do.
    sandbox.file("in-sync.toml", "[[share]]\nimages = [\"i1\"]\nmembers = [\"p-b\"]\n");
    let out = share(&sandbox, &server, &["check", "-f", "in-sync.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        "ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 1 in sync\n"
    );
}

#[test]
fn a_pending_member_without_a_consumer_is_a_note_with_its_date() {
    let server = MockServer::start();
    owner_cloud(&server);
    let sandbox = Sandbox::new();
    let out = as_owner(&sandbox, &server)
        .args(["share", "check", "-f", "-"])
        .write_stdin("[[share]]\nimages = [\"i1\"]\nmembers = [\"p-b\", \"p-x\"]\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "ims: note: p-x has not accepted i1, pending since 2026-10-02\n\
         ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 2 in sync\n"
    );
}

/// A catch-all for any request but a GET: assert zero calls on it.
fn no_change_may_be_sent(server: &MockServer) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        when.method_not(GET);
        then.status(500);
    })
}

/// A change on the owner's server: `method` on `path`, exactly `body` (if any) as
/// `content_type`, with the owner's token.
fn owner_change<'a>(
    server: &'a MockServer,
    method: httpmock::Method,
    path: &str,
    content_type: &str,
    body: Option<Value>,
    answer: Value,
) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        let when = when
            .method(method)
            .path(path.to_string())
            .header("x-auth-token", OWNER_TOKEN)
            .header("user-agent", USER_AGENT);
        match body {
            Some(body) => {
                when.header("content-type", content_type).json_body(body);
            }
            None => {
                when.header_missing("content-type");
            }
        }
        then.status(200).json_body(answer);
    })
}

#[test]
fn apply_sends_each_change_exactly_and_consumers_accept_with_their_own_token() {
    let server = MockServer::start();
    owner_cloud(&server);
    let patch = owner_change(
        &server,
        PATCH,
        "/v2/images/i2",
        "application/openstack-images-v2.1-json-patch",
        Some(json!([{"op": "replace", "path": "/visibility", "value": "shared"}])),
        image("i2", "two", OWNER, "shared"),
    );
    let mut adds = Vec::new();
    for (image, who) in [("i1", "p-a"), ("i2", "p-a"), ("i2", "p-b"), ("g1", "p-a")] {
        adds.push(owner_change(
            &server,
            POST,
            &format!("/v2/images/{image}/members"),
            "application/json",
            Some(json!({ "member": who })),
            member(image, who, "pending"),
        ));
    }
    let remove = owner_change(&server, DELETE, "/v2/images/i1/members/p-x", "", None, json!({}));
    // Made shared, i2 shows no member it had before: its plan stands.
    let revealed = read(&server, "/v2/images/i2/members", json!({"members": []}));
    let consumer = MockServer::start();
    let mut accepts = Vec::new();
    for image in ["i1", "i2", "g1"] {
        accepts.push(consumer.mock(|when, then| {
            when.method(PUT)
                .path(format!("/v2/images/{image}/members/p-a"))
                .header("x-auth-token", CONSUMER_TOKEN)
                .header("content-type", "application/json")
                .json_body(json!({"status": "accepted"}));
            then.status(200).json_body(member(image, "p-a", "accepted"));
        }));
    }
    // The owner's token never reaches the consumer's server, nor the consumer's the owner's.
    let leaked = consumer.mock(|when, then| {
        when.header("x-auth-token", OWNER_TOKEN);
        then.status(500);
    });
    let borrowed = server.mock(|when, then| {
        when.header("x-auth-token", CONSUMER_TOKEN);
        then.status(500);
    });
    let sandbox = sandbox_with(&consumer, "p-a", SHARES);

    let out = share(&sandbox, &server, &["apply", "--prune", "--yes", "--jobs", "3"]);
    // The mocks never change: read again, the cloud still differs (exit 6, none failed).
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), PLAN_TABLE);
    let stderr = stderr_of(&out);
    assert!(stderr.starts_with(PLAN_NOTES), "{stderr}");
    assert!(stderr.contains("ims: removed p-x from image i1\n"), "{stderr}");
    assert!(
        stderr.ends_with(
            "ims: still out of sync: visibility image i2\n\
             ims: still out of sync: add image i1, member p-a\n\
             ims: still out of sync: add image i2, member p-a\n\
             ims: still out of sync: add image i2, member p-b\n\
             ims: still out of sync: add image g1, member p-a\n\
             ims: still out of sync: accept image i1, member p-a\n\
             ims: still out of sync: accept image i2, member p-a\n\
             ims: still out of sync: accept image g1, member p-a\n\
             ims: still out of sync: remove image i1, member p-x\n"
        ),
        "{stderr}"
    );
    patch.assert_calls(1);
    revealed.assert_calls(1);
    called(&adds, 1);
    called(&accepts, 1);
    remove.assert_calls(1);
    leaked.assert_calls(0);
    borrowed.assert_calls(0);
}

#[test]
fn a_dry_run_prints_every_change_the_consumers_too_and_sends_none() {
    let (server, consumer, sandbox) = clouds("p-a");
    let changes = no_change_may_be_sent(&server);
    let consumer_changes = nothing_may_be_sent(&consumer);
    let out = share(&sandbox, &server, &["apply", "--prune", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let (own, theirs) = (server.base_url(), consumer.base_url());
    assert_eq!(
        stdout_of(&out),
        format!(
            "PATCH {own}/v2/images/i2 [{{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"shared\"}}]\n\
             POST {own}/v2/images/i1/members {{\"member\":\"p-a\"}}\n\
             POST {own}/v2/images/i2/members {{\"member\":\"p-a\"}}\n\
             POST {own}/v2/images/i2/members {{\"member\":\"p-b\"}}\n\
             POST {own}/v2/images/g1/members {{\"member\":\"p-a\"}}\n\
             PUT {theirs}/v2/images/i1/members/p-a {{\"status\":\"accepted\"}}\n\
             PUT {theirs}/v2/images/i2/members/p-a {{\"status\":\"accepted\"}}\n\
             PUT {theirs}/v2/images/g1/members/p-a {{\"status\":\"accepted\"}}\n\
             DELETE {own}/v2/images/i1/members/p-x\n"
        )
    );
    assert_eq!(stderr_of(&out), PLAN_NOTES);
    changes.assert_calls(0);
    consumer_changes.assert_calls(0);
}

/// `share apply --prune` off a terminal without --yes: exit 2, nothing sent.
fn needs_yes(sandbox: &Sandbox, server: &MockServer) {
    let out = share(sandbox, server, &["apply", "--prune"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).ends_with(
            "ims: error: share apply with removals needs --yes when it cannot ask on a \
             terminal; nothing was sent\n"
        ),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn removals_off_a_terminal_need_yes_and_send_nothing() {
    let (server, _consumer, sandbox) = clouds("p-a");
    let changes = no_change_may_be_sent(&server);
    needs_yes(&sandbox, &server);
    changes.assert_calls(0);
}

/// A service that ignores `tag=` and `owner=` lists every image it has: an image whose
/// record lacks the tag (or names another owner) is dropped with a warning, so that a
/// tag that selects nothing prunes nothing and shares nothing.
#[test]
fn a_tag_filter_the_service_ignores_selects_only_images_that_carry_the_tag() {
    let server = MockServer::start();
    let mut theirs = image("o1", "other-eval", "p-other", "shared");
    theirs["tags"] = json!(["partner-eval"]);
    let list = server.mock(|when, then| {
        expect_standard_headers(when, OWNER_TOKEN).path("/v2/images");
        then.status(200).json_body(json!({"images": [
            image("prod-1", "production", OWNER, "shared"), theirs]}));
    });
    let members = server.mock(|when, then| {
        when.method(GET).path_includes("/members");
        then.status(200).json_body(json!({"members": [member("prod-1", "p-b", "accepted")]}));
    });
    let changes = no_change_may_be_sent(&server);
    let consumer = MockServer::start();
    for listed in ["[]", "[\"partner\"]"] {
        let text = format!("[[share]]\ntags = [\"partner-eval\"]\nmembers = {listed}\n");
        let sandbox = sandbox_with(&consumer, "p-a", &text);
        let out = share(&sandbox, &server, &["apply", "--prune", "--yes"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert_eq!(
            stderr_of(&out),
            "ims: warning: shares.toml:1: image prod-1 (production) was listed but its record \
             does not carry the tag \"partner-eval\": dropped, nothing is changed on it\n\
             ims: warning: shares.toml:1: image o1 (other-eval) was listed but its owner is \
             p-other, not this project: dropped, nothing is changed on it\n\
             ims: note: shares.toml:1: tag \"partner-eval\" selects no image of this project\n\
             ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 0 in sync\n"
        );
    }
    list.assert_calls(2);
    members.assert_calls(0);
    changes.assert_calls(0);
}

/// A Glance image i2, private until the PATCH that makes it shared, then shared; its
/// member list shows `revealed` at the first read (right after the PATCH: the members it
/// had before it was made private) and `after` from then on. The PATCH, and a DELETE of
/// p-old; a catch-all that no other change may reach.
fn hidden_members<'a>(
    server: &'a MockServer,
    revealed: Value,
    after: Value,
) -> [httpmock::Mock<'a>; 3] {
    read(server, "/v2/images/i2", image("i2", "two", OWNER, "private")).up_to_n_times(1);
    read(server, "/v2/images/i2", image("i2", "two", OWNER, "shared"));
    read(server, "/v2/images/i2/members", json!({"members": revealed})).up_to_n_times(1);
    read(server, "/v2/images/i2/members", json!({"members": after}));
    let patch = owner_change(
        server,
        PATCH,
        "/v2/images/i2",
        "application/openstack-images-v2.1-json-patch",
        Some(json!([{"op": "replace", "path": "/visibility", "value": "shared"}])),
        image("i2", "two", OWNER, "shared"),
    );
    let delete = owner_change(server, DELETE, "/v2/images/i2/members/p-old", "", None, json!({}));
    [patch, delete, no_change_may_be_sent(server)]
}

/// Members an image had before it was made private are hidden while it is private and
/// show again once apply makes it shared: apply reads them before going on. With prune
/// it removes the ones the file does not name in the same run (the question covers them,
/// so off a terminal it needs --yes), and a desired one that was there needs no add.
#[test]
fn members_a_private_image_hid_are_read_after_it_is_made_shared_and_pruned() {
    let hidden = json!([member("i2", "p-old", "accepted"), member("i2", "p-a", "accepted")]);
    let after = json!([member("i2", "p-a", "accepted")]);
    let consumer = MockServer::start();
    let sandbox =
        sandbox_with(&consumer, "p-a", "[[share]]\nimages = [\"i2\"]\nmembers = [\"p-a\"]\n");
    let unasked = MockServer::start();
    let [patch, _, _] = hidden_members(&unasked, hidden.clone(), after.clone());
    needs_yes(&sandbox, &unasked);
    patch.assert_calls(0);

    let server = MockServer::start();
    let [patch, delete, changes] = hidden_members(&server, hidden, after);
    let out = share(&sandbox, &server, &["apply", "--prune", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "ims: plan: 1 to add, 0 to accept, 0 to remove, 1 visibility; 0 in sync\n\
         ims: note: image i2 (two) shows member p-old again, which it had before it was made \
         private: removed, as the file does not name it\n\
         ims: removed p-old from image i2\n\
         ims: applied: the cloud matches shares.toml (1 in sync)\n"
    );
    patch.assert_calls(1);
    delete.assert_calls(1);
    changes.assert_calls(0);
}

/// The members an image shows once made shared come from the service, after the plan's
/// IDs were checked: one that is no path segment (`..`, which would make the DELETE of the
/// member the DELETE of the image) is exit 2 before anything more is sent.
#[test]
fn a_revealed_member_that_is_no_path_segment_is_exit_2_and_nothing_more_is_sent() {
    let hidden = json!([member("i2", "..", "accepted")]);
    let server = MockServer::start();
    let [patch, delete, changes] = hidden_members(&server, hidden.clone(), hidden);
    let consumer = MockServer::start();
    let sandbox =
        sandbox_with(&consumer, "p-a", "[[share]]\nimages = [\"i2\"]\nmembers = [\"p-a\"]\n");
    let out = share(&sandbox, &server, &["apply", "--prune", "--yes"]);
    assert_eq!(
        (out.status.code(), stderr_of(&out)),
        (
            Some(2),
            "ims: plan: 1 to add, 0 to accept, 0 to remove, 1 visibility; 0 in sync\n\
             ims: note: image i2 (two) shows member .. again, which it had before it was made \
             private: removed, as the file does not name it\n\
             ims: error: cannot send the remove of member `..` of image i2: its ID cannot be \
             `.` or `..` in a request path; only the visibility changes before it were sent\n"
                .to_string()
        )
    );
    patch.assert_calls(1);
    delete.assert_calls(0);
    changes.assert_calls(0);
}

/// Without prune, a member the private image hid keeps its access once the image is
/// shared: a note names it, and nothing is removed.
#[test]
fn without_prune_a_note_names_each_member_that_regains_access() {
    let server = MockServer::start();
    let hidden = json!([member("i2", "p-old", "accepted"), member("i2", "p-a", "accepted")]);
    let [patch, delete, changes] = hidden_members(&server, hidden.clone(), hidden);
    let consumer = MockServer::start();
    let sandbox =
        sandbox_with(&consumer, "p-a", "[[share]]\nimages = [\"i2\"]\nmembers = [\"p-a\"]\n");
    let out = share(&sandbox, &server, &["apply"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "ims: plan: 1 to add, 0 to accept, 0 to remove, 1 visibility; 0 in sync\n\
         ims: note: image i2 (two) shows member p-old again, which it had before it was made \
         private: p-old can see it again (the file does not name it; --prune removes it)\n\
         ims: applied: the cloud matches shares.toml (1 in sync)\n"
    );
    patch.assert_calls(1);
    delete.assert_calls(0);
    changes.assert_calls(0);
}

/// A file that prunes image i1 to no members, where `GET …/images/i1` answers image
/// `id`, shared with `member_id`; and a catch-all that no change may reach.
fn prune_of_i1<'a>(
    server: &'a MockServer,
    id: &str,
    member_id: &str,
) -> (httpmock::Mock<'a>, Sandbox) {
    read(server, "/v2/images/i1", image(id, "one", OWNER, "shared"));
    let path = format!("/v2/images/{id}/members");
    read(server, &path, json!({"members": [member(id, member_id, "accepted")]}));
    let consumer = MockServer::start();
    let text = "[[share]]\nimages = [\"i1\"]\nmembers = []\n";
    (no_change_may_be_sent(server), sandbox_with(&consumer, "p-a", text))
}

/// A service that lists a member twice: prune sends one DELETE, the plan shows one row,
/// and a warning says so.
#[test]
fn a_member_listed_twice_is_removed_once_with_a_warning() {
    let server = MockServer::start();
    read(&server, "/v2/images/i1", image("i1", "one", OWNER, "shared"));
    let twice = [member("i1", "p-x", "pending"), member("i1", "p-x", "pending")];
    read(&server, "/v2/images/i1/members", json!({ "members": twice }));
    let delete = owner_change(&server, DELETE, "/v2/images/i1/members/p-x", "", None, json!({}));
    let changes = no_change_may_be_sent(&server);
    let consumer = MockServer::start();
    let sandbox = sandbox_with(&consumer, "p-a", "[[share]]\nimages = [\"i1\"]\nmembers = []\n");
    let out = share(&sandbox, &server, &["apply", "--prune", "--yes", "-o", "csv"]);
    // The mock never changes: read again, p-x is still there (exit 6).
    assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "Action,Image ID,Image Name,Member ID,From,To\nremove,i1,one,p-x,pending,—\n"
    );
    assert!(
        stderr_of(&out).starts_with(
            "ims: warning: image i1 (one) lists member p-x more than once: counted once\n\
             ims: plan: 0 to add, 0 to accept, 1 to remove, 0 visibility; 0 in sync\n\
             ims: removed p-x from image i1\n"
        ),
        "{}",
        stderr_of(&out)
    );
    delete.assert_calls(1);
    changes.assert_calls(0);
}

/// An ID that no format shows as it is (here an image ID with a bidi control, listed by
/// name) is refused before anything is printed or sent, the same for every format, and the
/// message says nothing was sent.
#[test]
fn an_unprintable_id_is_refused_before_printing_in_every_format() {
    let server = MockServer::start();
    read(
        &server,
        "/v2/images",
        json!({"images": [image("g\u{202e}1", "gold-1", OWNER, "shared")]}),
    );
    let members = server.mock(|when, then| {
        when.method(GET).path_includes("/members");
        then.status(200).json_body(json!({"members": []}));
    });
    let changes = no_change_may_be_sent(&server);
    let consumer = MockServer::start();
    let sandbox =
        sandbox_with(&consumer, "p-a", "[[share]]\nnames = [\"gold-*\"]\nmembers = [\"p-a\"]\n");
    for format in ["ids", "table", "json"] {
        for extra in ["--yes", "--dry-run"] {
            let out = share(&sandbox, &server, &["apply", extra, "-o", format]);
            assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr_of(&out));
            assert_eq!(stdout_of(&out), "", "{format}");
            assert_eq!(
                stderr_of(&out),
                "ims: error: cannot send the add of image `g\\u{202e}1`: its ID holds \
                 whitespace or a control, line-separator or bidi character, which no output \
                 shows as it is; nothing was sent\n",
                "{format}"
            );
        }
    }
    members.assert_calls(6);
    changes.assert_calls(0);
}

/// Glance takes `..` as a member ID; a prune must not turn it into
/// `DELETE …/images/i1/members/..`, which a proxy resolves to `DELETE …/images/i1`.
#[test]
fn a_listed_id_that_is_no_path_segment_is_exit_2_and_nothing_is_sent() {
    let server = MockServer::start();
    let (changes, sandbox) = prune_of_i1(&server, "i1", "..");
    for extra in ["--yes", "--dry-run"] {
        let out = share(&sandbox, &server, &["apply", "--prune", extra]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
        assert!(
            stderr_of(&out).ends_with(
                "ims: error: cannot send the remove of member `..` of image i1: its ID cannot \
                 be `.` or `..` in a request path; nothing was sent\n"
            ),
            "{}",
            stderr_of(&out)
        );
        assert!(!stdout_of(&out).contains("DELETE"), "{}", stdout_of(&out));
    }
    changes.assert_calls(0);
}

/// Prune touches only the images the file selects: an answer to `GET …/images/i1` that
/// is another image's record is not taken for i1.
#[test]
fn an_image_read_by_id_that_answers_another_image_is_exit_8() {
    let server = MockServer::start();
    let (changes, sandbox) = prune_of_i1(&server, "i9", "p-z");
    let out = share(&sandbox, &server, &["apply", "--prune", "--yes"]);
    assert_eq!(out.status.code(), Some(8), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        format!(
            "ims: error: image i1: GET {}/v2/images/i1 answered the record of image i9\n",
            server.base_url()
        )
    );
    assert_eq!(stdout_of(&out), "");
    changes.assert_calls(0);
}

#[test]
fn a_consumer_that_signs_in_as_another_project_is_exit_3_before_any_change() {
    let (server, consumer, sandbox) = clouds("p-somebody-else");
    let changes = no_change_may_be_sent(&server);
    let nothing = nothing_may_be_sent(&consumer);
    let out = share(&sandbox, &server, &["apply", "--yes"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).ends_with(
            "ims: error: shares.toml:12: [consumers] `p-a`: profile `tenant-a` signs in as \
             project p-somebody-else, not as p-a\n"
        ),
        "{}",
        stderr_of(&out)
    );
    changes.assert_calls(0);
    nothing.assert_calls(0);
}

#[test]
fn a_consumer_profile_without_project_id_is_exit_3_naming_what_to_add_before_any_plan_row() {
    // The owner's IMS_PROJECT_ID (its own, or the member's as a user might try) never
    // becomes the consumer's project: the consumer's profile alone says it.
    for owner_project in [OWNER, "p-a"] {
        let server = MockServer::start();
        let consumer = MockServer::start();
        let owner = nothing_may_be_sent(&server);
        let nothing = nothing_may_be_sent(&consumer);
        let sandbox = Sandbox::new();
        sandbox.config(&format!(
            "[profiles.tenant-a]\nendpoint = \"{}\"\ntoken = \"{CONSUMER_TOKEN}\"\n",
            consumer.base_url()
        ));
        sandbox.file("shares.toml", SHARES);
        let out = as_owner(&sandbox, &server)
            .env("IMS_PROJECT_ID", owner_project)
            .args(["share", "apply", "--yes"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert_eq!(
            stderr_of(&out),
            "ims: error: profile tenant-a (consumer of p-a) has no project_id: add \
             project_id = \"p-a\" to [profiles.tenant-a]\n"
        );
        owner.assert_calls(0);
        nothing.assert_calls(0);
    }
}

#[test]
fn a_config_file_others_can_read_is_warned_about_once() {
    use std::os::unix::fs::PermissionsExt;
    let server = MockServer::start();
    owner_cloud(&server);
    let consumer = MockServer::start();
    let sandbox = sandbox_with(&consumer, "p-a", SHARES);
    // The consumer's profile and its token, as sandbox_with wrote them, readable by all.
    let path = sandbox.config(&format!(
        "[profiles.tenant-a]\nendpoint = \"{}\"\ntoken = \"{CONSUMER_TOKEN}\"\n\
         project_id = \"p-a\"\n",
        consumer.base_url()
    ));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let warning = format!(
        "ims: warning: config file {0} holds secrets and can be read by group or others \
         (mode 644); fix with: chmod 600 {0}\n",
        path.display()
    );
    for args in [&["plan"][..], &["apply", "--dry-run"]] {
        let out = share(&sandbox, &server, args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(stderr_of(&out).matches(&warning).count(), 1, "{}", stderr_of(&out));
    }
}

#[test]
fn bad_files_are_exit_3_naming_file_line_and_key_before_any_request() {
    let server = MockServer::start();
    let nothing = nothing_may_be_sent(&server);
    let consumer = MockServer::start();
    for (text, message) in [
        (
            "[[share]]\nnames = [\"g-*\"]\nmembers = [\"p\"]\nuntil = \"2027-03-31\"\n",
            "shares.toml:4: `until` must be a date (2027-03-31) or a date-time with an offset, \
             not a string",
        ),
        (
            "[[share]]\nimages = [\"i1\"]\nmember = [\"p\"]\n",
            "shares.toml:3: unknown key `member` in [[share]] (valid keys: images, names, \
             tags, members, member_type, newest, until)",
        ),
        (
            "[[share]]\nimages = [\"i1\"]\nmembers = [\"p\"]\n[consumers]\np = \"nobody\"\n",
            "shares.toml:5: [consumers] `p`: profile `nobody` is not in config file ",
        ),
        (
            "[[share]]\nimages = [\"i1\"]\nmembers = [\"p\"]\nmember_type = \"domain\"\n",
            "shares.toml:4: `member_type` is for Huawei's v1 API (--api v1); the v2 API \
             shares with projects only",
        ),
    ] {
        let sandbox = sandbox_with(&consumer, "p-a", text);
        for command in ["plan", "check", "apply"] {
            let out = share(&sandbox, &server, &[command]);
            assert_eq!(out.status.code(), Some(3), "{text}");
            assert!(
                stderr_of(&out).starts_with(&format!("ims: error: {message}")),
                "{}",
                stderr_of(&out)
            );
            assert_eq!(stdout_of(&out), "");
        }
    }
    let sandbox = Sandbox::new();
    let out = share(&sandbox, &server, &["plan"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr_of(&out),
        "ims: error: shares file shares.toml does not exist (-f names another; `ims share \
         export > shares.toml` writes today's sharing as one)\n"
    );
    nothing.assert_calls(0);
}

#[test]
fn images_of_another_project_or_unseen_are_refused_and_nothing_changes() {
    let server = MockServer::start();
    read(&server, "/v2/images/theirs", image("theirs", "t", "p-other", "shared"));
    let missing = server.mock(|when, then| {
        when.method(GET).path("/v2/images/gone");
        then.status(404)
            .json_body(json!({"code": 404, "title": "Not Found", "message": "No image found"}));
    });
    let changes = no_change_may_be_sent(&server);
    let consumer = MockServer::start();
    for (id, code, message) in [
        (
            "theirs",
            4,
            "ims: error: shares.toml:1: image theirs is owned by p-other: only its owner can \
             share it\n",
        ),
        (
            "gone",
            5,
            "ims: error: shares.toml:1: image gone was not found (this project cannot see it)\n",
        ),
    ] {
        let text = format!("[[share]]\nimages = [\"{id}\"]\nmembers = [\"p-a\"]\n");
        let sandbox = sandbox_with(&consumer, "p-a", &text);
        let out = share(&sandbox, &server, &["apply", "--yes"]);
        assert_eq!(out.status.code(), Some(code), "{}", stderr_of(&out));
        assert_eq!(stderr_of(&out), message);
        assert_eq!(stdout_of(&out), "");
    }
    missing.assert_calls(1);
    changes.assert_calls(0);
}

#[test]
fn export_writes_todays_sharing_and_checks_clean_against_it() {
    let server = MockServer::start();
    owner_cloud(&server);
    read(&server, "/v2/images/g1", image("g1", "gold-1 \u{1b}[2J\n[[share]]", OWNER, "shared"));
    let out = as_owner(&Sandbox::new(), &server)
        .args(["share", "export", "i1", "-"])
        .write_stdin("i2\ng1\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let exported = stdout_of(&out);
    assert_eq!(
        exported,
        "# Today's sharing, as written by `ims share export`: which of this project's images\n\
         # each project sees. `ims share check -f FILE` exits 0 while the cloud matches it.\n\
         \n\
         [[share]]\n\
         images = [\n    \"i1\", # one\n]\n\
         members = [\"p-b\", \"p-x\"]\n\
         \n\
         [[share]]\n\
         images = [\n    \"i2\", # two\n    \"g1\", # gold-1 \\u{1b}[2J\\n[[share]]\n]\n\
         members = []\n"
    );
    let sandbox = Sandbox::new();
    sandbox.file("shares.toml", &exported);
    let out = share(&sandbox, &server, &["check", "--prune"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "ims: note: p-x has not accepted i1, pending since 2026-10-02\n\
         ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 2 in sync\n"
    );
}

/// `-` with an empty stdin means no images, as for `member list -`: an empty file, and
/// not one request (a pipeline that selected nothing must not export the whole project).
#[test]
fn export_of_an_empty_stdin_is_an_empty_file_and_reads_nothing() {
    let server = MockServer::start();
    let nothing = nothing_may_be_sent(&server);
    for stdin in ["", " \n\n"] {
        let out = as_owner(&Sandbox::new(), &server)
            .args(["share", "export", "-"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert_eq!(stderr_of(&out), "");
    }
    nothing.assert_calls(0);
}

/// An export must check clean: another project's image given by ID is exit 4, and a
/// member ID that the file could not name as that ID (`..`, `""`, a bidi control) is exit
/// 8 naming it; nothing is written either way.
#[test]
fn export_refuses_what_would_not_round_trip() {
    let server = MockServer::start();
    read(&server, "/v2/images/t1", image("t1", "theirs", "p-other", "shared"));
    for (id, member_id) in [("d1", ".."), ("d2", ""), ("d3", "p\u{202e}x")] {
        read(&server, &format!("/v2/images/{id}"), image(id, "odd", OWNER, "shared"));
        let path = format!("/v2/images/{id}/members");
        read(&server, &path, json!({"members": [member(id, member_id, "accepted")]}));
    }
    let export = |id: &str| {
        as_owner(&Sandbox::new(), &server).args(["share", "export", "i0", id]).output().unwrap()
    };
    read(&server, "/v2/images/i0", image("i0", "mine", OWNER, "shared"));
    read(&server, "/v2/images/i0/members", json!({"members": []}));
    let out = export("t1");
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        "ims: error: image t1 is owned by p-other: only its owner can share it; nothing was \
         exported\n"
    );
    for (id, shown, why) in [
        ("d1", "..", "cannot be `.` or `..`"),
        ("d2", "", "is empty"),
        ("d3", "p\\u{202e}x", "holds whitespace or a control, line-separator or bidi character"),
    ] {
        let out = export(id);
        assert_eq!(out.status.code(), Some(8), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert_eq!(
            stderr_of(&out),
            format!(
                "ims: error: image {id}: the service sent member ID `{shown}`, which {why}: a \
                 shares file cannot name it so that it reads back as that ID; nothing was \
                 exported\n"
            )
        );
    }
}

#[test]
fn export_without_ids_takes_every_image_this_project_shares() {
    let server = MockServer::start();
    owner_cloud(&server);
    let shared = server.mock(|when, then| {
        expect_standard_headers(when, OWNER_TOKEN)
            .path("/v2/images")
            .query_param("visibility", "shared")
            .query_param("owner", OWNER);
        then.status(200).json_body(json!({"images": [
            image("i1", "one", OWNER, "shared"), image("g1", "gold-1", OWNER, "shared"),
            image("x", "not mine", "p-other", "shared")]}));
    });
    let out = share(&Sandbox::new(), &server, &["export"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        stdout_of(&out).ends_with(
            "[[share]]\nimages = [\n    \"i1\", # one\n]\nmembers = [\"p-b\", \"p-x\"]\n\n\
             [[share]]\nimages = [\n    \"g1\", # gold-1\n]\nmembers = []\n"
        ),
        "{}",
        stdout_of(&out)
    );
    shared.assert_calls(1);
}

// ---- Huawei's v1 batch API ----

/// A v1 batch job: `method` with exactly `body`, signed, answering job `job`, which then
/// succeeds.
fn batch_job<'a>(
    server: &'a MockServer,
    method: httpmock::Method,
    body: Value,
    job: &str,
) -> (httpmock::Mock<'a>, httpmock::Mock<'a>) {
    let mut polls = job_states(server, job, &[json!({"status": "SUCCESS", "job_id": job})]);
    (batch(server, method, body, job), polls.remove(0))
}

/// The v1 cloud of two private images: h1 has p-a (pending), h2 nobody, until a first
/// read; from then on both have p-a (accepted) and p-b (pending), as after the apply.
/// p-a accepts with profile tenant-a on `consumer` (v1, its own token), with its vault.
fn v1_cloud(server: &MockServer, consumer: &MockServer) -> Sandbox {
    for id in ["h1", "h2"] {
        server.mock(|when, then| {
            when.method(GET)
                .path("/v2/cloudimages")
                .query_param("id", id)
                .is_true(|req| gateway_accepts(req, SK));
            then.status(200).json_body(json!({"images": [image(id, id, PROJECT, "private")]}));
        });
        let before = match id {
            "h1" => vec![member("h1", "p-a", "pending")],
            _ => vec![],
        };
        server
            .mock(|when, then| {
                when.method(GET).path(format!("/v1/{PROJECT}/cloudimages/{id}/members"));
                then.status(200).json_body(json!({ "members": before }));
            })
            .up_to_n_times(1);
        server.mock(|when, then| {
            when.method(GET).path(format!("/v1/{PROJECT}/cloudimages/{id}/members"));
            then.status(200).json_body(json!({"members": [
                member(id, "p-a", "accepted"), member(id, "p-b", "pending")]}));
        });
    }
    v1_consumer_sandbox(
        consumer,
        "[[share]]\nimages = [\"h1\", \"h2\"]\nmembers = [\"p-a\", \"p-b\"]\n",
    )
}

/// A sandbox whose profile tenant-a signs in to `consumer` on v1 as p-a, and whose
/// `shares.toml` is `shares` with p-a's consumer: tenant-a with vault-1.
fn v1_consumer_sandbox(consumer: &MockServer, shares: &str) -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.config(&format!(
        "[profiles.tenant-a]\nendpoint = \"{}\"\ntoken = \"{CONSUMER_TOKEN}\"\napi = \"v1\"\n\
         project_id = \"p-a\"\n",
        consumer.base_url()
    ));
    sandbox.file(
        "shares.toml",
        &format!(
            "{shares}[consumers]\np-a = {{ profile = \"tenant-a\", vault_id = \"vault-1\" }}\n"
        ),
    );
    sandbox
}

/// The consumer's side on v1: its one accept job for h1 and h2 (its own token, its vault,
/// no signature), the poll, and the read-back of its own membership of each image.
fn v1_consumer_accepts(consumer: &MockServer) -> [httpmock::Mock<'_>; 3] {
    let accept = consumer.mock(|when, then| {
        when.method(PUT)
            .path("/v1/cloudimages/members")
            .header("x-auth-token", CONSUMER_TOKEN)
            .header_missing("x-sdk-date")
            .json_body(json!({"images": ["h1", "h2"], "project_id": "p-a", "status": "accepted",
                              "vault_id": "vault-1"}));
        then.status(200).json_body(json!({"job_id": "job-c"}));
    });
    let consumer_poll = consumer.mock(|when, then| {
        when.method(GET).path("/v1/p-a/jobs/job-c").header("x-auth-token", CONSUMER_TOKEN);
        then.status(200).json_body(json!({"status": "SUCCESS", "job_id": "job-c"}));
    });
    let read_back = v1_consumer_reads_back(consumer, 200, member("h", "p-a", "accepted"));
    [accept, consumer_poll, read_back]
}

/// The consumer's read-back on v1 of its own membership of h1 and h2 (the member show of
/// its ID, never the member list), answered `status` with `body`.
fn v1_consumer_reads_back(consumer: &MockServer, status: u16, body: Value) -> httpmock::Mock<'_> {
    consumer.mock(|when, then| {
        when.method(GET)
            .path_matches("^/v1/p-a/cloudimages/h[12]/members/p-a$")
            .header("x-auth-token", CONSUMER_TOKEN);
        then.status(status).json_body(body);
    })
}

/// `share apply` on v1 (AK/SK) ends 0 with the cloud matching, `in_sync` pairs in sync.
fn v1_apply_matches(sandbox: &Sandbox, server: &MockServer, in_sync: usize) {
    let out = aksk(sandbox, server, SK).args(["share", "apply"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let applied = format!("ims: applied: the cloud matches shares.toml ({in_sync} in sync)\n");
    assert!(stderr_of(&out).ends_with(&applied), "{}", stderr_of(&out));
}

#[test]
fn v1_dry_run_is_one_batch_per_member_and_one_per_consumer() {
    let (server, consumer) = (MockServer::start(), MockServer::start());
    let sandbox = v1_cloud(&server, &consumer);
    let changes = no_change_may_be_sent(&server);
    let out = aksk(&sandbox, &server, SK).args(["share", "apply", "--dry-run"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let (own, theirs) = (server.base_url(), consumer.base_url());
    assert_eq!(
        stdout_of(&out),
        format!(
            "POST {own}/v1/cloudimages/members {{\"images\":[\"h1\",\"h2\"],\"projects\":[\"p-b\"]}}\n\
             POST {own}/v1/cloudimages/members {{\"images\":[\"h2\"],\"projects\":[\"p-a\"]}}\n\
             PUT {theirs}/v1/cloudimages/members {{\"images\":[\"h1\",\"h2\"],\"project_id\":\"p-a\",\"status\":\"accepted\",\"vault_id\":\"vault-1\"}}\n"
        )
    );
    changes.assert_calls(0);
}

/// A config file others can read is warned of once per run, though `share` opens it once
/// per consumer (and once more for each consumer's vault).
#[test]
fn a_readable_config_is_warned_of_once_whatever_share_reads_it_for() {
    use std::os::unix::fs::PermissionsExt;
    let (server, consumer) = (MockServer::start(), MockServer::start());
    let sandbox = v1_cloud(&server, &consumer);
    let config = sandbox.dir.path().join("config/ims/config.toml");
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = aksk(&sandbox, &server, SK).args(["share", "apply", "--dry-run"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let warning = format!(
        "ims: warning: config file {0} holds secrets and can be read by group or others \
         (mode 644); fix with: chmod 600 {0}\n",
        config.display()
    );
    assert_eq!(stderr_of(&out).matches(&warning).count(), 1, "{}", stderr_of(&out));
}

/// A `vault_id` follows its consumer's own API: a v2 consumer under a v1 owner cannot send
/// it (exit 3 naming the line, nothing sent); a v1 consumer under a v2 owner sends it.
#[test]
fn a_vault_is_checked_against_its_consumers_own_api() {
    let (server, consumer) = (MockServer::start(), MockServer::start());
    let sandbox = v1_cloud(&server, &consumer);
    sandbox.config(&format!(
        "[profiles.tenant-a]\nendpoint = \"{}\"\ntoken = \"{CONSUMER_TOKEN}\"\n\
         project_id = \"p-a\"\n",
        consumer.base_url()
    ));
    let (owner_sent, consumer_sent) =
        (nothing_may_be_sent(&server), nothing_may_be_sent(&consumer));
    for run in ["apply", "plan"] {
        let out = aksk(&sandbox, &server, SK).args(["share", run]).output().unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
        assert_eq!(
            stderr_of(&out),
            "ims: error: shares.toml:5: [consumers] `p-a`: `vault_id` is for Huawei's v1 API, \
             and profile `tenant-a` does not use it (`api = \"v1\"`); the v2 API accepts \
             without a vault\n"
        );
    }
    owner_sent.assert_calls(0);
    consumer_sent.assert_calls(0);

    // A v2 owner whose consumer is on v1: the consumer's accept carries the vault.
    let (server, consumer) = (MockServer::start(), MockServer::start());
    read(&server, "/v2/images/i1", image("i1", "one", OWNER, "shared"));
    read(&server, "/v2/images/i1/members", json!({"members": []}));
    let changes = no_change_may_be_sent(&server);
    let sandbox =
        v1_consumer_sandbox(&consumer, "[[share]]\nimages = [\"i1\"]\nmembers = [\"p-a\"]\n");
    let out = share(&sandbox, &server, &["apply", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        format!(
            "POST {}/v2/images/i1/members {{\"member\":\"p-a\"}}\n\
             PUT {}/v1/cloudimages/members {{\"images\":[\"i1\"],\"project_id\":\"p-a\",\"status\":\"accepted\",\"vault_id\":\"vault-1\"}}\n",
            server.base_url(),
            consumer.base_url()
        )
    );
    changes.assert_calls(0);
}

#[test]
fn v1_apply_runs_the_batch_jobs_and_the_consumer_accepts_with_its_own_token_and_vault() {
    let (server, consumer) = (MockServer::start(), MockServer::start());
    let sandbox = v1_cloud(&server, &consumer);
    let (add_a, poll_a) =
        batch_job(&server, POST, json!({"images": ["h2"], "projects": ["p-a"]}), "job-a");
    let (add_b, poll_b) =
        batch_job(&server, POST, json!({"images": ["h1", "h2"], "projects": ["p-b"]}), "job-b");
    let [accept, consumer_poll, read_back] = v1_consumer_accepts(&consumer);
    v1_apply_matches(&sandbox, &server, 4);
    for mock in [add_a, poll_a, add_b, poll_b, accept, consumer_poll] {
        mock.assert_calls(1);
    }
    read_back.assert_calls(2);
}

/// A service that lets a member read nothing of an image's members (403 on its own
/// record): the consumer's accept job succeeded, so it took effect; apply says the read
/// was not possible and ends 0 (the owner's final read finds the cloud as the file says).
#[test]
fn v1_a_consumer_refused_its_read_back_stands_on_its_jobs_success() {
    let (server, consumer) = (MockServer::start(), MockServer::start());
    let sandbox = v1_cloud(&server, &consumer);
    batch_job(&server, POST, json!({"images": ["h2"], "projects": ["p-a"]}), "job-a");
    batch_job(&server, POST, json!({"images": ["h1", "h2"], "projects": ["p-b"]}), "job-b");
    let refused = json!({"error": {"code": "IMG.0027", "message": "no permission"}});
    // Made first, so it answers rather than the one v1_consumer_accepts makes.
    let read_back = v1_consumer_reads_back(&consumer, 403, refused);
    let [accept, consumer_poll, _] = v1_consumer_accepts(&consumer);
    let lists = consumer.mock(|when, then| {
        when.method(GET).path_matches("/members$");
        then.status(500);
    });
    let out = aksk(&sandbox, &server, SK).args(["share", "apply"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    let noted: Vec<&str> = stderr.lines().filter(|l| l.contains("read")).collect();
    assert_eq!(
        noted,
        [
            "ims: image h1: job job-c succeeded, so p-a is accepted; the service did not let it \
             read that back (HTTP 403)",
            "ims: image h2: job job-c succeeded, so p-a is accepted; the service did not let it \
             read that back (HTTP 403)",
        ]
    );
    assert!(!stderr_of(&out).contains("ims: error"), "{}", stderr_of(&out));
    accept.assert_calls(1);
    consumer_poll.assert_calls(1);
    read_back.assert_calls(2);
    lists.assert_calls(0);
}

/// v1: the jobs of a step (one per new member) run first, then each image is read back
/// once, not once per job: 4 images given 3 new members are 4 read-backs, not 12. Each
/// image's member list is read 3 times in all: the plan, the read-back, the final check.
#[test]
fn v1_reads_each_image_back_once_after_the_steps_jobs() {
    let server = MockServer::start();
    let ids = ["h1", "h2", "h3", "h4"];
    let mut lists = Vec::new();
    for id in ids {
        server.mock(|when, then| {
            when.method(GET).path("/v2/cloudimages").query_param("id", id);
            then.status(200).json_body(json!({"images": [image(id, id, PROJECT, "private")]}));
        });
        let path = format!("/v1/{PROJECT}/cloudimages/{id}/members");
        let first = server.mock(|when, then| {
            when.method(GET).path(path.clone());
            then.status(200).json_body(json!({"members": []}));
        });
        first.up_to_n_times(1);
        lists.push(first);
        lists.push(server.mock(|when, then| {
            when.method(GET).path(path);
            then.status(200).json_body(json!({"members": [
                member(id, "p-a", "accepted"), member(id, "p-b", "accepted"),
                member(id, "p-c", "accepted")]}));
        }));
    }
    let mut jobs = Vec::new();
    for (who, job) in [("p-a", "job-a"), ("p-b", "job-b"), ("p-c", "job-c")] {
        let body = json!({"images": ids, "projects": [who]});
        let (add, poll) = batch_job(&server, POST, body, job);
        jobs.extend([add, poll]);
    }
    let changes = no_change_may_be_sent(&server);
    let sandbox = Sandbox::new();
    sandbox.file(
        "shares.toml",
        "[[share]]\nimages = [\"h1\", \"h2\", \"h3\", \"h4\"]\nmembers = [\"p-a\", \"p-b\", \"p-c\"]\n",
    );
    v1_apply_matches(&sandbox, &server, 12);
    called(&jobs, 1);
    // Per image: the plan's read, then (after all three jobs) one read-back and the final
    // check's read.
    let reads: Vec<usize> = lists.iter().map(|mock| mock.calls()).collect();
    assert_eq!(reads, [1, 2, 1, 2, 1, 2, 1, 2]);
    changes.assert_calls(0);
}

#[test]
fn a_failed_v1_batch_job_is_one_failure_and_the_rest_still_runs() {
    let (server, consumer) = (MockServer::start(), MockServer::start());
    let sandbox = v1_cloud(&server, &consumer);
    let (add_a, _) =
        batch_job(&server, POST, json!({"images": ["h2"], "projects": ["p-a"]}), "job-a");
    let add_b = batch(&server, POST, json!({"images": ["h1", "h2"], "projects": ["p-b"]}), "job-b");
    job_states(
        &server,
        "job-b",
        &[
            json!({"status": "FAIL", "job_id": "job-b", "fail_reason": "quota", "error_code": "IMG.0088"}),
        ],
    );
    let [accept, _, _] = v1_consumer_accepts(&consumer);
    let out = aksk(&sandbox, &server, SK).args(["share", "apply"]).output().unwrap();
    // The cloud read again matches (the mocks say so), so the failure is reported and
    // apply still ends 0: what counts is the cloud.
    let stderr = stderr_of(&out);
    let failures: Vec<&str> =
        stderr.lines().filter(|line| line.starts_with("ims: error: ")).collect();
    assert_eq!(
        failures,
        ["ims: error: add: the batch job of 2 image(s): job job-b failed: IMG.0088: quota"],
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    add_a.assert_calls(1);
    add_b.assert_calls(1);
    accept.assert_calls(1);
}
