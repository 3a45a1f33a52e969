//! Keystone v3 sign-in against httpmock: clouds.yaml, OS_* variables, profile keys, the
//! sign-in bodies, catalog selection and the token cache. `ims auth` is in `auth.rs`.

use std::os::unix::fs::PermissionsExt;

use crate::fixtures::glance::*;
use crate::fixtures::keystone::*;
use crate::util::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

#[test]
fn password_cloud_signs_in_once_then_uses_the_cache() {
    let server = MockServer::start();
    let (sign_in, members, cloud) = owner_cloud(&server, PASSWORD, "tok-A");

    let out = cloud.ims().args(["-v", "member", "list", IMG, "-o", "ids"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "proj-alpha\n");
    let stderr = stderr_of(&out);
    assert!(
        stderr.starts_with(&format!(
            "ims: POST {}/v3/auth/tokens -> 201 Created in ",
            server.base_url()
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "{stderr}");

    // The second run: exactly one HTTP request.
    let out = cloud.ims().args(["-v", "member", "list", IMG, "-o", "ids"]).output().unwrap();
    assert_eq!(stdout_of(&out), "proj-alpha\n");
    let stderr = stderr_of(&out);
    let requests: Vec<&str> = stderr.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(requests.len(), 1, "{stderr}");
    assert!(
        requests[0].starts_with(&format!(
            "ims: GET {}/v2/images/{IMG}/members -> 200 OK",
            server.base_url()
        ))
    );
    assert!(stderr.contains("ims: using the cached token of user u-owner (domain Default), project proj-owner (domain Default) at "), "{stderr}");
    sign_in.assert_calls(1);
    members.assert_calls(2);

    // The cache: 0700 directory, one 0600 file, the token but no password.
    let files = cache_files(&cloud.sandbox);
    assert_eq!(files.len(), 1, "{files:?}");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&cloud.sandbox.dir.path().join("cache/ims")), 0o700);
    assert_eq!(mode(&files[0]), 0o600);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("tok-A"));
    assert!(!text.contains(PASSWORD));
}

#[test]
fn no_cache_signs_in_every_time_and_writes_nothing() {
    let server = MockServer::start();
    let (sign_in, _, cloud) = owner_cloud(&server, PASSWORD, "tok-A");
    cloud.ims().args(["--no-cache", "member", "list", IMG]).succeeds();
    cloud.ims().env("IMS_NO_CACHE", "1").args(["member", "list", IMG]).succeeds();
    sign_in.assert_calls(2);
    assert!(cache_files(&cloud.sandbox).is_empty());
}

#[test]
fn openrc_variables_with_application_credential() {
    let server = MockServer::start();
    let sign_in = keystone(
        &server,
        json!({"auth": {"identity": {"methods": ["application_credential"],
            "application_credential": {"id": "ac-1", "secret": "ac-secret-xyz"}}}}),
        "tok-AC",
    );
    let members = glance(&server, "tok-AC");
    let sandbox = Sandbox::new();
    let out = sandbox
        .ims()
        .env("OS_AUTH_URL", format!("{}/v3", server.base_url()))
        .env("OS_AUTH_TYPE", "v3applicationcredential")
        .env("OS_APPLICATION_CREDENTIAL_ID", "ac-1")
        .env("OS_APPLICATION_CREDENTIAL_SECRET", "ac-secret-xyz")
        .env("OS_REGION_NAME", "RegionOne")
        .args(["-vv", "member", "list", IMG, "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let all = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert!(!all.contains("ac-secret-xyz"), "{all}");
    assert!(!all.contains("tok-AC"), "the new token must be masked: {all}");
    assert!(all.contains("ims: < x-subject-token: ****\n"), "{all}");
    sign_in.assert_calls(1);
    members.assert_calls(1);
    for file in cache_files(&sandbox) {
        assert!(!std::fs::read_to_string(file).unwrap().contains("ac-secret-xyz"));
    }
}

#[test]
fn profile_keys_with_password_command_and_scope_by_id() {
    let server = MockServer::start();
    let sign_in = by_id_sign_in(&server, "tok-P");
    let sandbox = Sandbox::new();
    password_command_profile(&sandbox, &server, "printf from-command");
    sandbox.ims().args(["member", "list", IMG, "-o", "ids"]).prints("proj-alpha\n");
    sign_in.assert_calls(1);
}

#[test]
fn catalog_interface_and_versioned_urls() {
    let server = MockServer::start();
    // The catalog's image URL already ends in /v2: no /v2/v2.
    keystone_at(
        &server,
        password_body(PASSWORD),
        "tok-A",
        &format!("{}/glance/v2", server.base_url()),
    );
    let public = answer_json(
        &server,
        format!("/glance/v2/images/{IMG}/members"),
        200,
        json!({"members": []}),
    );
    let internal = answer_json(
        &server,
        format!("/glance/v2/internal/v2/images/{IMG}/members"),
        200,
        json!({"members": []}),
    );
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    cloud.ims().args(["member", "list", IMG, "-o", "json"]).prints("[]\n");
    cloud
        .ims()
        .env("OS_INTERFACE", "ignored-because-a-cloud-is-named")
        .args(["member", "list", IMG])
        .succeeds();
    public.assert_calls(2);
    cloud.sandbox.config("[profiles.default]\ninterface = \"internal\"\n");
    cloud.ims().args(["member", "list", IMG]).succeeds();
    internal.assert_calls(1);
}

#[test]
fn a_region_without_an_image_endpoint_names_the_regions() {
    let server = MockServer::start();
    keystone(&server, password_body(PASSWORD), "tok-A");
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    cloud.sandbox.config("[profiles.default]\nregion = \"eu-nl\"\n");
    cloud.ims()
        .args(["member", "list", IMG])
        .exits(3)
        .stderr("ims: error: the service catalog has no `image` endpoint with interface public in region eu-nl; regions with one: RegionOne\n");
}

#[test]
fn token_near_expiry_is_not_used() {
    let server = MockServer::start();
    let soon = (jiff::Timestamp::now() + jiff::SignedDuration::from_secs(240))
        .strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        .to_string();
    let sign_in = sign_in(&server, "tok-short", &soon);
    glance(&server, "tok-short");
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    cloud.ims().args(["member", "list", IMG]).succeeds();
    cloud.ims().args(["member", "list", IMG]).succeeds();
    sign_in.assert_calls(2);
}

#[test]
fn a_revoked_cached_token_is_replaced_once() {
    let server = MockServer::start();
    let first = sign_in(&server, "tok-old", &in_an_hour());
    first.up_to_n_times(1);
    let second = sign_in(&server, "tok-new", &in_an_hour());
    let old_ok = glance(&server, "tok-old");
    old_ok.up_to_n_times(1);
    let revoked = server.mock(|when, then| {
        when.path(format!("/v2/images/{IMG}/members")).header("x-auth-token", "tok-old");
        then.status(401).body("401 Unauthorized\n\nThis server could not verify that you are authorized to access the document you requested.");
    });
    let new_ok = glance(&server, "tok-new");
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    cloud.ims().args(["member", "list", IMG, "-o", "ids"]).succeeds();
    // tok-old is cached, then revoked: one 401, one new sign-in, success.
    cloud.ims().args(["member", "list", IMG, "-o", "ids"]).prints("proj-alpha\n");
    first.assert_calls(1);
    second.assert_calls(1);
    old_ok.assert_calls(1);
    revoked.assert_calls(1);
    new_ok.assert_calls(1);
    let text = std::fs::read_to_string(&cache_files(&cloud.sandbox)[0]).unwrap();
    assert!(text.contains("tok-new") && !text.contains("tok-old"));
}

#[test]
fn a_second_401_is_exit_4() {
    let server = MockServer::start();
    let sign_in = sign_in(&server, "tok-X", &in_an_hour());
    let ok = glance(&server, "tok-X");
    ok.up_to_n_times(1);
    let refused = answer(&server, format!("/v2/images/{IMG}/members"), 401, "nope");
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    cloud.ims().args(["member", "list", IMG]).succeeds();
    cloud.ims()
        .args(["member", "list", IMG])
        .exits(4)
        .stderr(format!(
            "ims: error: image {IMG}: HTTP 401 Unauthorized: nope (hint: check the token: it may have expired or belong to another cloud)\n"
        ));
    sign_in.assert_calls(2);
    refused.assert_calls(2);
    // A fresh (not cached) token that draws a 401 is not renewed.
    cloud.ims().args(["--no-cache", "member", "list", IMG]).exits(4);
    sign_in.assert_calls(3);
}

#[test]
fn corrupt_or_foreign_cache_files_are_replaced() {
    let server = MockServer::start();
    let (sign_in, _, cloud) = owner_cloud(&server, PASSWORD, "tok-A");
    cloud.ims().args(["member", "list", IMG]).succeeds();
    let file = cache_files(&cloud.sandbox).remove(0);
    for junk in [
        "",
        "{\"version\": 1",
        "[1,2,3]",
        "{\"version\":1,\"key\":\"other\",\"identity\":\"x\",\"token\":\"t\",\"expires_at\":\"2099-01-01T00:00:00Z\"}",
    ] {
        std::fs::write(&file, junk).unwrap();
        cloud.ims().args(["member", "list", IMG, "-o", "ids"]).prints("proj-alpha\n");
        assert!(std::fs::read_to_string(&file).unwrap().contains("tok-A"));
    }
    sign_in.assert_calls(5);
}

#[test]
fn wrong_password_is_exit_4_with_keystones_message() {
    let capture = Capture::load_from("keystone", "03-");
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v3/auth/tokens");
        capture.respond(then);
    });
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    cloud.ims()
        .args(["member", "list", IMG])
        .exits(4)
        .stderr(format!(
            "ims: error: sign-in as user u-owner (domain Default), project proj-owner (domain Default) at {}/v3 failed: HTTP 401 Unauthorized: The request you have made requires authentication. (request id req-95b91a53-ce5f-4a7a-98ef-3750350d01ff)\n",
            server.base_url()
        ));
    assert!(cache_files(&cloud.sandbox).is_empty());
}

#[test]
fn unreachable_auth_url_is_exit_7() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let cloud = Cloud::new(&format!("http://127.0.0.1:{port}/v3"), PASSWORD);
    cloud.ims()
        .args(["--retries", "0", "member", "list", IMG])
        .exits(7)
        .stderr(format!(
            "ims: error: sign-in as user u-owner (domain Default), project proj-owner (domain Default) at http://127.0.0.1:{port}/v3 failed: POST http://127.0.0.1:{port}/v3/auth/tokens: connection refused\n"
        ));
}

#[test]
fn missing_settings_name_the_key_and_where_they_were_looked_for() {
    let sandbox = Sandbox::new();
    sandbox
        .ims()
        .env("OS_AUTH_URL", "http://127.0.0.1:5000/v3")
        .env("OS_USERNAME", "u-owner")
        .env("OS_PASSWORD", "pw")
        .env("OS_USER_DOMAIN_NAME", "Default")
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: Keystone sign-in needs a project: set project_name or project_id (profile), auth.project_name (clouds.yaml) or OS_PROJECT_NAME / OS_PROJECT_ID (looked in profile `default` of {}, the OS_* variables)\n",
            sandbox.dir.path().join("config/ims/config.toml").display()
        ));
    sandbox
        .ims()
        .env("OS_USERNAME", "u-owner")
        .env("OS_PASSWORD", "pw")
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(predicates::str::starts_with("ims: error: Keystone sign-in needs an identity endpoint: set auth_url (profile), auth.auth_url (clouds.yaml) or OS_AUTH_URL"));
    let clouds = sandbox.file("clouds.yaml", "clouds:\n  a: {}\n  b: {}\n");
    sandbox
        .ims()
        .env("OS_CLIENT_CONFIG_FILE", &clouds)
        .env("OS_CLOUD", "c")
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: cloud `c` (from OS_CLOUD) is not in {}; clouds: a, b\n",
            clouds.display()
        ));
}

#[test]
fn an_ims_token_outranks_the_cloud() {
    let server = MockServer::start();
    let sign_in = server.mock(|when, then| {
        when.method(POST);
        then.status(500);
    });
    let members = glance(&server, "direct");
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    cloud
        .ims()
        .env("IMS_TOKEN", "direct")
        .env("IMS_ENDPOINT", server.base_url())
        .args(["member", "list", IMG])
        .succeeds();
    sign_in.assert_calls(0);
    members.assert_calls(1);
}

#[test]
fn a_cache_that_cannot_be_written_is_a_warning_not_a_failure() {
    let server = MockServer::start();
    let (sign_in, _, cloud) = owner_cloud(&server, PASSWORD, "tok-A");
    let blocker = cloud.sandbox.file("not-a-dir", "");
    let out = cloud
        .ims()
        .env("XDG_CACHE_HOME", &blocker)
        .args(["member", "list", IMG, "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out), "proj-alpha\n");
    let stderr = stderr_of(&out);
    assert!(
        stderr.starts_with(&format!(
            "ims: warning: cannot create the token cache in {}: ",
            blocker.join("ims").display()
        )),
        "{stderr}"
    );
    sign_in.assert_calls(1);
}

#[test]
fn parallel_runs_leave_one_valid_cache_file() {
    let server = MockServer::start();
    let (_, _, cloud) = owner_cloud(&server, PASSWORD, "tok-A");
    let children: Vec<_> = (0..8)
        .map(|_| {
            let mut cmd = cloud.sandbox.command(assert_cmd::cargo::cargo_bin("ims"));
            cmd.env("OS_CLIENT_CONFIG_FILE", &cloud.clouds)
                .args(["--os-cloud", "ks-owner", "auth", "login", "-o", "ids"])
                .stdout(std::process::Stdio::null());
            cmd.spawn().unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let files = cache_files(&cloud.sandbox);
    assert_eq!(files.len(), 1, "no temporary file may be left: {files:?}");
    let entry: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    assert_eq!(entry["token"], "tok-A");
    cloud.ims().args(["member", "list", IMG, "-o", "ids"]).prints("proj-alpha\n");
}

#[test]
fn this_project_comes_from_the_token_and_profile_show_names_it() {
    let server = MockServer::start();
    let sign_in = sign_in(&server, "tok-p", &in_an_hour());
    let images = server.mock(|when, then| {
        when.method(GET)
            .path("/v2/images")
            .query_param("owner", "a4bd")
            .query_param("visibility", "shared")
            .header("x-auth-token", "tok-p");
        then.status(200).json_body(json!({"images": [
            {"id": "img-1", "owner": "a4bd", "name": "one"}]}));
    });
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    let before = cloud.ims().args(["profile", "show", "-o", "json"]).output().unwrap();
    let rows: Value = serde_json::from_slice(&before.stdout).unwrap();
    assert!(
        rows.as_array().unwrap().contains(&json!({"setting": "project_id",
            "value": "(the Keystone token's project)",
            "source": "Keystone sign-in: run `ims auth login` to see it"})),
        "{rows}"
    );
    cloud.ims().args(["image", "list", "-o", "ids"]).prints("img-1\n");
    let after = cloud.ims().args(["profile", "show", "-o", "json"]).output().unwrap();
    let rows: Value = serde_json::from_slice(&after.stdout).unwrap();
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["setting"] == "project_id")
        .cloned()
        .unwrap();
    assert_eq!(row["value"], "a4bd");
    assert!(
        row["source"]
            .as_str()
            .unwrap()
            .starts_with("the cached Keystone token of user u-owner (domain Default)"),
        "{row}"
    );
    sign_in.assert_calls(1);
    images.assert_calls(1);
}
