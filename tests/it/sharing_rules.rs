//! A service's sharing rules (Glance's or Huawei's) against httpmock: learned from the
//! version document with one GET of the service root per endpoint and then remembered, or
//! from Glance's refused member list; stated by `--sharing-rules`, `IMS_SHARING_RULES` or
//! `sharing_rules` with no request; never asked by the member commands. Under Huawei's
//! rules the images this project shares are `__imagetype=shared`, private images' members
//! are read, and no `visibility` change is planned or sent, whatever visibility the owner
//! reads on a private image with members.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::util::*;

/// This project.
const OWNER: &str = "p-own";

/// Open Telekom Cloud's version document ("Querying API Versions (Native OpenStack API)").
fn huawei_versions() -> Value {
    let at =
        |version: &str| json!([{"href": format!("https://ims.example/{version}/"), "rel": "self"}]);
    json!({"versions": [
        {"status": "CURRENT", "id": "v2.2", "links": at("v2")},
        {"status": "SUPPORTED", "id": "v2.1", "links": at("v2")},
        {"status": "SUPPORTED", "id": "v2.0", "links": at("v2")},
        {"status": "DEPRECATED", "id": "v1.1", "links": at("v1")},
        {"status": "DEPRECATED", "id": "v1.0", "links": at("v1")}]})
}

/// Glance 33's version document (capture `32-`, shortened).
fn glance_versions() -> Value {
    let link = json!([{"rel": "self", "href": "http://127.0.0.1:9292/v2/"}]);
    json!({"versions": [
        {"id": "v2.17", "status": "CURRENT", "links": link},
        {"id": "v2.5", "status": "SUPPORTED", "links": link},
        {"id": "v2.0", "status": "SUPPORTED", "links": link}]})
}

/// The service root answering `document` with `300 Multiple Choices`, as both do.
fn root(server: &MockServer, document: Value) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        expect_standard_headers(when, "t").path("/");
        then.status(300).json_body(document);
    })
}

fn image(id: &str, visibility: &str) -> Value {
    json!({"id": id, "name": format!("name-{id}"), "owner": OWNER, "visibility": visibility,
           "status": "active", "tags": [], "__imagetype": "private",
           "created_at": "2026-10-01T10:00:00Z", "updated_at": "2026-10-01T10:00:00Z"})
}

fn member(image: &str, member: &str, status: &str) -> Value {
    json!({"member_id": member, "image_id": image, "status": status,
           "created_at": "2026-10-01T10:00:00Z", "updated_at": "2026-10-02T10:00:00Z",
           "schema": "/v2/schemas/member"})
}

/// `GET /v2/images` with exactly the query `pairs` (and nothing else), answering `images`.
fn list<'a>(server: &'a MockServer, pairs: &[(&str, &str)], images: Value) -> httpmock::Mock<'a> {
    let mut wanted: Vec<(String, String)> =
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    wanted.sort();
    server.mock(move |when, then| {
        expect_standard_headers(when, "t").path("/v2/images").is_true(move |req| {
            let mut query = req.query_params();
            query.sort();
            query == wanted
        });
        then.status(200).json_body(json!({"images": images}));
    })
}

/// What a service under Huawei's rules answers for "the images P shares".
const HUAWEI_SHARED: &[(&str, &str)] =
    &[("__imagetype", "shared"), ("owner", OWNER), ("limit", "1000")];
/// What Glance answers for "the images P shares".
const GLANCE_SHARED: &[(&str, &str)] =
    &[("visibility", "shared"), ("owner", OWNER), ("limit", "1000")];

/// `ims --endpoint … --token t --project-id p-own` in `sandbox`.
fn ims(sandbox: &Sandbox, server: &MockServer) -> assert_cmd::Command {
    let mut cmd = ims_at(sandbox, server, "t");
    cmd.args(["--project-id", OWNER]);
    cmd
}

/// `ims image list -o ids` succeeds, printing `ids` and nothing on stderr.
fn image_ids(sandbox: &Sandbox, server: &MockServer, ids: &str) {
    ims(sandbox, server)
        .args(["image", "list", "-o", "ids"])
        .succeeds()
        .stdout(ids.to_string())
        .stderr("");
}

/// The files the sandbox's rules memory holds, as text.
fn remembered(sandbox: &Sandbox) -> Vec<String> {
    let dir = sandbox.dir.path().join("cache/ims/rules");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries.flatten().map(|e| std::fs::read_to_string(e.path()).unwrap()).collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Two runs of `image list` in one sandbox, the root answering `document`: the version
/// document is asked once, the list `asked` twice (the other never), and `remembered` is
/// what the rules memory then holds.
fn learned_once(
    document: Value,
    asked: &[(&str, &str)],
    other: &[(&str, &str)],
    remembered_text: &str,
) {
    let server = MockServer::start();
    let versions = root(&server, document);
    let wanted = list(&server, asked, json!([image("i1", "private")]));
    let unwanted = list(&server, other, json!([]));
    let sandbox = Sandbox::new();
    for _ in 0..2 {
        image_ids(&sandbox, &server, "i1\n");
        versions.assert_calls(1);
        assert_eq!(remembered(&sandbox), [remembered_text]);
    }
    wanted.assert_calls(2);
    unwanted.assert_calls(0);
}

#[test]
fn huawei_rules_are_learned_from_the_version_document_once_and_remembered() {
    learned_once(huawei_versions(), HUAWEI_SHARED, GLANCE_SHARED, "huawei\n");
}

#[test]
fn glance_rules_are_learned_from_the_version_document_and_remembered() {
    learned_once(glance_versions(), GLANCE_SHARED, HUAWEI_SHARED, "glance\n");
}

#[test]
fn a_version_document_that_tells_nothing_leaves_glance_rules_with_a_warning_and_is_asked_again() {
    let server = MockServer::start();
    let versions = root(&server, json!({"versions": [{"id": "v3.14", "status": "CURRENT"}]}));
    let glance = list(&server, GLANCE_SHARED, json!([]));
    let sandbox = Sandbox::new();
    let url = server.base_url();
    for _ in 0..2 {
        ims(&sandbox, &server).args(["image", "list", "-o", "ids"]).succeeds().stdout("").stderr(
            format!(
                "ims: warning: cannot tell this service's sharing rules from its version document \
             (GET {url}/: no v2 version listed): Glance's are assumed; --sharing-rules \
             glance|huawei states them\n"
            ),
        );
    }
    called(&[versions, glance], 2);
    assert!(remembered(&sandbox).is_empty());
}

#[test]
fn a_refused_version_document_is_a_warning_and_a_missing_one_is_silent() {
    let server = MockServer::start();
    let refused = server.mock(|when, then| {
        when.method(GET).path("/");
        then.status(403).json_body(json!({"error_code": "APIGW.0101", "error_msg": "no"}));
    });
    let glance = list(&server, GLANCE_SHARED, json!([]));
    let url = server.base_url();
    ims(&Sandbox::new(), &server)
        .args(["image", "list", "-o", "ids"])
        .succeeds()
        .stdout("")
        .stderr(format!(
            "ims: warning: cannot tell this service's sharing rules from its version document \
         (GET {url}/: HTTP 403 Forbidden: APIGW.0101: no): Glance's are assumed; \
         --sharing-rules glance|huawei states them\n"
        ));
    refused.assert_calls(1);
    // No version document at all (404): Glance's rules, nothing said.
    let plain = MockServer::start();
    let missing = plain.mock(|when, then| {
        when.method(GET).path("/");
        then.status(404);
    });
    let listed = list(&plain, GLANCE_SHARED, json!([]));
    ims(&Sandbox::new(), &plain)
        .args(["image", "list", "-o", "ids"])
        .succeeds()
        .stdout("")
        .stderr("");
    called(&[missing, listed], 1);
    glance.assert_calls(1);
}

/// A version document of 1.5 million versions (21 MB of JSON, gzipped to a few dozen KB) is
/// read one entry at a time: `ims` runs within 64 MB of heap (`RLIMIT_DATA`), where a
/// document read whole needs about 100 MB, and learns Huawei's rules from it.
#[test]
fn a_huge_version_document_costs_no_memory() {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;
    use std::os::unix::process::CommandExt;
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(br#"{"versions": [{"id": "v2.2"}"#).unwrap();
    let entries = br#",{"id": "v2.1", "status": "SUPPORTED"}"#.repeat(10_000);
    for _ in 0..150 {
        gz.write_all(&entries).unwrap();
    }
    gz.write_all(b"]}").unwrap();
    let body = gz.finish().unwrap();
    let server = MockServer::start();
    let versions = server.mock(|when, then| {
        when.method(GET).path("/");
        then.status(300).header("content-encoding", "gzip").body(body.clone());
    });
    let huawei = list(&server, HUAWEI_SHARED, json!([]));
    let sandbox = Sandbox::new();
    let mut command = sandbox.command(assert_cmd::cargo::cargo_bin("ims"));
    command.args(["--endpoint", &server.base_url(), "--token", "t", "--project-id", OWNER]);
    command.args(["image", "list", "-o", "ids"]);
    // SAFETY: only setrlimit, async-signal-safe, runs in the child before exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: 64 << 20, rlim_max: 64 << 20 };
            match libc::setrlimit(libc::RLIMIT_DATA, &limit) {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error()),
            }
        });
    }
    let output = command.output().unwrap();
    assert_eq!(
        (output.status.code(), stdout_of(&output), stderr_of(&output)),
        (Some(0), String::new(), String::new())
    );
    called(&[versions, huawei], 1);
    assert_eq!(remembered(&sandbox), ["huawei\n"]);
}

#[test]
fn a_tampered_memory_is_nothing_remembered() {
    let server = MockServer::start();
    let versions = root(&server, huawei_versions());
    let huawei = list(&server, HUAWEI_SHARED, json!([]));
    let sandbox = Sandbox::new();
    ims(&sandbox, &server).args(["image", "list"]).succeeds();
    let dir = sandbox.dir.path().join("cache/ims/rules");
    let file = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
    for tampered in ["glance\nhuawei\n", "Glance\n", "shared\n", ""] {
        std::fs::write(&file, tampered).unwrap();
        ims(&sandbox, &server).args(["image", "list", "-o", "ids"]).succeeds().stdout("");
        // Asked again, and the true answer written over the tampered one.
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "huawei\n");
    }
    versions.assert_calls(5);
    huawei.assert_calls(5);
}

#[test]
fn stated_rules_and_the_v1_route_send_no_request_for_them() {
    let server = MockServer::start();
    let versions = root(&server, glance_versions());
    let huawei = list(&server, HUAWEI_SHARED, json!([image("i1", "private")]));
    let glance = list(&server, GLANCE_SHARED, json!([image("i2", "shared")]));
    let sandbox = Sandbox::new();
    ims(&sandbox, &server)
        .args(["--sharing-rules", "huawei", "image", "list", "-o", "ids"])
        .succeeds()
        .stdout("i1\n");
    ims(&sandbox, &server)
        .env("IMS_SHARING_RULES", "HUAWEI")
        .args(["image", "list", "-o", "ids"])
        .succeeds()
        .stdout("i1\n");
    ims(&sandbox, &server)
        .env("IMS_SHARING_RULES", "huawei")
        .args(["--sharing-rules", "glance", "image", "list", "-o", "ids"])
        .succeeds()
        .stdout("i2\n");
    let profiled = Sandbox::new();
    profiled.profile_for(
        &server,
        "token = \"t\"\nproject_id = \"p-own\"\nsharing_rules = \"huawei\"\n",
    );
    profiled.ims().args(["image", "list", "-o", "ids"]).succeeds().stdout("i1\n");
    huawei.assert_calls(3);
    glance.assert_calls(1);
    // The v1 route (the IMS API) is Huawei's.
    let v1 = [(None, json!([image("i3", "private")])), (Some("i3"), json!([]))].map(
        |(marker, images)| {
            server.mock(move |when, then| {
                expect_standard_headers(when, "t")
                    .path("/v2/cloudimages")
                    .query_param("__imagetype", "shared")
                    .query_param("owner", OWNER)
                    .is_true(move |req| {
                        req.query_params()
                            .iter()
                            .find(|(k, _)| k == "marker")
                            .map(|(_, v)| v.as_str())
                            == marker
                    });
                then.status(200).json_body(json!({"images": images}));
            })
        },
    );
    ims(&sandbox, &server)
        .args(["--api", "v1", "image", "list", "-o", "ids"])
        .succeeds()
        .stdout("i3\n");
    called(&v1, 1);
    versions.assert_calls(0);
    assert!(remembered(&sandbox).is_empty());
}

#[test]
fn a_bad_stated_value_is_exit_3_naming_where_it_came_from() {
    let server = MockServer::start();
    let nothing = nothing_may_be_sent(&server);
    ims(&Sandbox::new(), &server)
        .env("IMS_SHARING_RULES", "otc")
        .args(["image", "list"])
        .exits(3)
        .stderr(
            "ims: error: IMS_SHARING_RULES: `otc` is not a set of sharing rules (auto, glance, \
             huawei)\n",
        );
    nothing.assert_calls(0);
}

#[test]
fn profile_show_gives_the_rules_and_their_source() {
    let sandbox = Sandbox::new();
    let path = sandbox.config("[profiles.default]\nsharing_rules = \"huawei\"\n");
    let file = path.display().to_string();
    let row = |cmd: &mut assert_cmd::Command| -> Value {
        let out = cmd.args(["profile", "show", "-o", "json"]).output().unwrap();
        let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        rows.into_iter().find(|row| row["setting"] == "sharing_rules").unwrap()
    };
    assert_eq!(
        row(&mut sandbox.ims()),
        json!({"setting": "sharing_rules", "value": "huawei", "source": format!("{file}:default")})
    );
    assert_eq!(
        row(sandbox.ims().env("IMS_SHARING_RULES", "glance")),
        json!({"setting": "sharing_rules", "value": "glance", "source": "IMS_SHARING_RULES"})
    );
    assert_eq!(
        row(sandbox.ims().args(["--sharing-rules", "auto"])),
        json!({"setting": "sharing_rules", "value": "auto", "source": "--sharing-rules"})
    );
}

#[test]
fn member_commands_send_no_request_for_the_rules() {
    let server = MockServer::start();
    let versions = root(&server, huawei_versions());
    let one = member("i1", "p-a", "accepted");
    let mine = member("i1", OWNER, "accepted");
    let mocks = [
        server.mock(|when, then| {
            when.method(GET).path("/v2/images/i1/members/p-a");
            then.status(200).json_body(one.clone());
        }),
        server.mock(|when, then| {
            when.method(GET).path("/v2/images/i1/members");
            then.status(200).json_body(json!({"members": [one.clone()]}));
        }),
        server.mock(|when, then| {
            when.method(POST).path("/v2/images/i1/members").json_body(json!({"member": "p-a"}));
            then.status(200).json_body(one.clone());
        }),
        server.mock(|when, then| {
            when.method(DELETE).path("/v2/images/i1/members/p-a");
            then.status(204);
        }),
        server.mock(|when, then| {
            when.method(PUT).path(format!("/v2/images/i1/members/{OWNER}"));
            then.status(200).json_body(mine.clone());
        }),
    ];
    let sandbox = Sandbox::new();
    for args in [
        &["member", "show", "i1", "p-a"][..],
        &["member", "list", "i1"],
        &["member", "add", "i1", "p-a"],
        &["member", "remove", "i1", "p-a", "--yes"],
        &["member", "accept", "i1"],
        &["member", "reject", "i1"],
    ] {
        ims(&sandbox, &server).args(args).succeeds();
    }
    called(&mocks[..1], 1);
    mocks[2].assert_calls(1);
    mocks[3].assert_calls(1);
    mocks[4].assert_calls(2);
    versions.assert_calls(0);
}

#[test]
fn glance_refusing_a_private_images_members_is_remembered_as_glance_rules() {
    let server = MockServer::start();
    let versions = root(&server, huawei_versions());
    let refused = server.mock(|when, then| {
        when.method(GET).path("/v2/images/i9/members");
        then.status(403).body(
            "<html><body><h1>403 Forbidden</h1>Not allowed to list members for image i9: \
             Only shared images have members.<br /><br /></body></html>",
        );
    });
    let glance = list(&server, GLANCE_SHARED, json!([]));
    let sandbox = Sandbox::new();
    ims(&sandbox, &server).args(["member", "list", "i9"]).exits(4);
    assert_eq!(remembered(&sandbox), ["glance\n"]);
    ims(&sandbox, &server).args(["image", "list", "-o", "ids"]).succeeds().stdout("");
    refused.assert_calls(1);
    glance.assert_calls(1);
    versions.assert_calls(0);
    // Stated rules are never overwritten by what is learned.
    let stated = Sandbox::new();
    ims(&stated, &server).args(["--sharing-rules", "huawei", "member", "list", "i9"]).exits(4);
    assert!(remembered(&stated).is_empty());
}

#[test]
fn member_list_all_under_huawei_rules_lists_what_this_project_shares_out() {
    let server = MockServer::start();
    let versions = root(&server, huawei_versions());
    let shared =
        list(&server, HUAWEI_SHARED, json!([image("i1", "private"), image("i2", "shared")]));
    let members = [("i1", "p-a"), ("i2", "p-b")].map(|(image, id)| {
        let body = json!({"members": [member(image, id, "pending")]});
        server.mock(move |when, then| {
            expect_standard_headers(when, "t").path(format!("/v2/images/{image}/members"));
            then.status(200).json_body(body);
        })
    });
    ims(&Sandbox::new(), &server)
        .args(["member", "list", "--all", "-o", "csv"])
        .succeeds()
        .stdout(
            "Image ID,Member ID,Status,Created At,Updated At\n\
             i1,p-a,pending,2026-10-01T10:00:00Z,2026-10-02T10:00:00Z\n\
             i2,p-b,pending,2026-10-01T10:00:00Z,2026-10-02T10:00:00Z\n",
        )
        .stderr("");
    called(&[versions, shared], 1);
    called(&members, 1);
}

/// A Huawei-rules cloud: i1 private (the owner reads `owner_reads` once it has members)
/// with p-a accepted and p-b pending, i2 private with no members; no PATCH is allowed.
fn huawei_cloud<'a>(server: &'a MockServer, owner_reads: &str) -> Vec<httpmock::Mock<'a>> {
    let read = |path: String, body: Value| {
        server.mock(move |when, then| {
            expect_standard_headers(when, "t").path(path);
            then.status(200).json_body(body);
        })
    };
    vec![
        root(server, huawei_versions()),
        read("/v2/images/i1".into(), image("i1", owner_reads)),
        read("/v2/images/i2".into(), image("i2", "private")),
        read(
            "/v2/images/i1/members".into(),
            json!({"members": [member("i1", "p-a", "accepted"), member("i1", "p-b", "pending")]}),
        ),
        read("/v2/images/i2/members".into(), json!({"members": []})),
        list(server, HUAWEI_SHARED, json!([image("i1", owner_reads)])),
    ]
}

/// A catch-all for every changing request: none may be sent.
fn no_change(server: &MockServer) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        when.is_true(|req| req.method() != "GET");
        then.status(500);
    })
}

/// Runs `test` on a fresh [`huawei_cloud`] for each visibility the owner may read of a
/// private image with members, `shares` being shares.toml; no change may be sent.
fn each_reading(shares: &str, test: impl Fn(&Sandbox, &MockServer, &[httpmock::Mock])) {
    for owner_reads in ["private", "shared"] {
        let server = MockServer::start();
        let cloud = huawei_cloud(&server, owner_reads);
        let changes = no_change(&server);
        let sandbox = Sandbox::new();
        sandbox.file("shares.toml", shares);
        test(&sandbox, &server, &cloud);
        changes.assert_calls(0);
    }
}

#[test]
fn share_check_of_todays_sharing_is_in_sync_under_huawei_rules() {
    let shares = "[[share]]\nimages = [\"i1\"]\nmembers = [\"p-a\", \"p-b\"]\n";
    each_reading(shares, |sandbox, server, cloud| {
        ims(sandbox, server).args(["share", "check", "--prune"]).succeeds().stdout("").stderr(
            "ims: note: p-b has not accepted i1, pending since 2026-10-02\n\
             ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 2 in sync\n",
        );
        called(&cloud[..2], 1);
        cloud[3].assert_calls(1);
    });
}

#[test]
fn share_plans_no_visibility_change_and_reads_private_members_under_huawei_rules() {
    let shares = "[[share]]\nimages = [\"i1\", \"i2\"]\nmembers = [\"p-a\", \"p-c\"]\n";
    each_reading(shares, |sandbox, server, cloud| {
        let url = server.base_url();
        ims(sandbox, server)
            .args(["share", "apply", "--prune", "--dry-run"])
            .succeeds()
            .stdout(format!(
                "POST {url}/v2/images/i1/members {{\"member\":\"p-c\"}}\n\
                 POST {url}/v2/images/i2/members {{\"member\":\"p-a\"}}\n\
                 POST {url}/v2/images/i2/members {{\"member\":\"p-c\"}}\n\
                 DELETE {url}/v2/images/i1/members/p-b\n"
            ))
            .stderr("ims: plan: 3 to add, 0 to accept, 1 to remove, 0 visibility; 1 in sync\n");
        let out =
            ims(sandbox, server).args(["share", "plan", "--prune", "-o", "json"]).output().unwrap();
        let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
        let actions: Vec<[&str; 3]> = plan["actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| ["action", "image_id", "member_id"].map(|key| a[key].as_str().unwrap()))
            .collect();
        assert_eq!(
            actions,
            [
                ["add", "i1", "p-c"],
                ["add", "i2", "p-a"],
                ["add", "i2", "p-c"],
                ["remove", "i1", "p-b"]
            ]
        );
        // One request for the rules in the first run, none in the second.
        cloud[0].assert_calls(1);
        cloud[3].assert_calls(2);
        cloud[4].assert_calls(2);
    });
}

#[test]
fn share_export_under_huawei_rules_reads_what_this_project_shares_out() {
    each_reading("", |sandbox, server, cloud| {
        let out = ims(sandbox, server).args(["share", "export"]).output().unwrap();
        assert_eq!((out.status.code(), stderr_of(&out)), (Some(0), String::new()));
        let text = stdout_of(&out);
        let share =
            "[[share]]\nimages = [\n    \"i1\", # name-i1\n]\nmembers = [\"p-a\", \"p-b\"]\n";
        assert!(text.contains(share), "{text}");
        for read in [0, 3, 5] {
            cloud[read].assert_calls(1);
        }
    });
}

#[test]
fn share_apply_under_huawei_rules_sends_the_changes_and_never_a_visibility_patch() {
    for owner_reads in ["private", "shared"] {
        let server = MockServer::start();
        let cloud = huawei_cloud(&server, owner_reads);
        let add = server.mock(|when, then| {
            when.method(POST).path("/v2/images/i2/members").json_body(json!({"member": "p-a"}));
            then.status(200).json_body(member("i2", "p-a", "pending"));
        });
        let remove = server.mock(|when, then| {
            when.method(DELETE).path("/v2/images/i1/members/p-b");
            then.status(204);
        });
        let patch = server.mock(|when, then| {
            when.method("PATCH");
            then.status(403);
        });
        let sandbox = Sandbox::new();
        sandbox.file("shares.toml", "[[share]]\nimages = [\"i1\", \"i2\"]\nmembers = [\"p-a\"]\n");
        // The mock's members do not change, so the read-back still differs: exit 6.
        let out = ims(&sandbox, &server)
            .args(["share", "apply", "--prune", "--yes", "-o", "ids"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(6), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "i2\ni1\n");
        called(&[add, remove], 1);
        patch.assert_calls(0);
        cloud[0].assert_calls(1);
    }
}
