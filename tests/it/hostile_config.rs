//! Hostile configuration and secrets: commands that never finish or print too much, paths
//! that are FIFOs or devices, servers that echo credentials back, URLs and command lines
//! that carry secrets, a cached token and a changed password, unusable environment values,
//! header-breaking credentials, and settings missing several at a time. Every run here is
//! bounded in time, so that a regression fails instead of hanging.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::fixtures::glance::*;
use crate::fixtures::keystone::*;
use crate::util::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

/// The message for a missing endpoint.
const NO_ENDPOINT: &str = "no endpoint: set --endpoint, IMS_ENDPOINT, or `endpoint` in a profile (or sign in with Keystone to find it in the service catalog)";

/// The message for a missing credential.
const NO_CREDENTIAL: &str = "no credential: set --token or IMS_TOKEN, IMS_ACCESS_KEY and IMS_SECRET_KEY, token / token_file / token_command / access_key and secret_key in a profile, or sign in with --os-cloud, OS_* variables or Keystone keys in a profile";

/// `sandbox.ims()`, bounded in time.
fn ims(sandbox: &Sandbox) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.timeout(BOUND);
    cmd
}

// ---- secret commands are bounded in time and output ----

#[test]
fn a_token_command_that_never_finishes_is_stopped_at_the_timeout() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let path = sandbox.profile_for(&server, "token_command = \"sleep 1000\"\n");
    let started = Instant::now();
    ims(&sandbox)
        .args(["--timeout", "1", "member", "list", IMG])
        .exits(3)
        .stdout("")
        .stderr(format!(
            "ims: error: token_command `sleep ****` (from {}:default) did not finish within 1 s (the timeout, from --timeout); it was stopped\n",
            path.display()
        ));
    assert!(started.elapsed() < Duration::from_secs(10));
    any.assert_calls(0);
}

#[test]
fn a_background_child_holding_stdout_is_killed_with_its_group() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let pid_file = sandbox.dir.path().join("child.pid");
    let path = sandbox.profile_for(
        &server,
        &format!(
            "token_command = \"sh -c 'sleep 1000 & echo $! > {}'; echo tok\"\ntimeout = 1\n",
            pid_file.display()
        ),
    );
    ims(&sandbox)
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: token_command `sh ****` (from {0}:default) did not finish within 1 s (the timeout, from {0}:default); it was stopped\n",
            path.display()
        ));
    any.assert_calls(0);
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let stat = format!("/proc/{}/stat", pid.trim());
    // Killed: gone, or a zombie waiting for a reaper.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let state = std::fs::read_to_string(&stat)
            .ok()
            .and_then(|text| text.rsplit_once(") ").map(|(_, rest)| rest.chars().next()))
            .flatten();
        if matches!(state, None | Some('Z')) {
            break;
        }
        assert!(Instant::now() < deadline, "the background sleep still runs");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_password_command_that_never_finishes_is_stopped_before_any_sign_in() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let path = sandbox.config(&format!(
        "[profiles.default]\nauth_url = \"{}/v3\"\nuser_id = \"u1\"\nproject_id = \"p1\"\npassword_command = \"sleep 1000; echo SeCrEt-ArG\"\n",
        server.base_url()
    ));
    ims(&sandbox)
        .env("IMS_TIMEOUT", "1")
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: password_command `sleep ****` (from {}:default) did not finish within 1 s (the timeout, from IMS_TIMEOUT); it was stopped\n",
            path.display()
        ));
    any.assert_calls(0);
}

#[test]
fn a_token_command_printing_megabytes_is_refused() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let path = sandbox
        .profile_for(&server, "token_command = \"head -c 10000000 /dev/zero | tr '\\\\0' a\"\n");
    ims(&sandbox)
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: token_command `head ****` (from {}:default) printed more than 1 MiB, too long for a secret; it was stopped\n",
            path.display()
        ));
    any.assert_calls(0);
}

// ---- FIFOs, devices and huge inputs are refused, never read whole ----

#[test]
fn a_config_file_that_is_a_fifo_or_a_device_is_refused() {
    let sandbox = Sandbox::new();
    let fifo = mkfifo(&sandbox, "config.fifo");
    ims(&sandbox)
        .args(["--config", fifo.to_str().unwrap(), "profile", "list"])
        .exits(3)
        .stdout("")
        .stderr(format!(
            "ims: error: cannot read config file {} (from --config): it is a FIFO, not a regular file\n",
            fifo.display()
        ));
    ims(&sandbox)
        .env("IMS_CONFIG", "/dev/zero")
        .args(["member", "list", IMG])
        .exits(3)
        .stderr("ims: error: cannot read config file /dev/zero (from IMS_CONFIG): it is a character device, not a regular file\n");
}

#[test]
fn a_token_file_that_is_a_fifo_a_device_or_huge_is_refused_without_a_chmod_hint() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let fifo = mkfifo(&sandbox, "token.fifo");
    let big = sandbox.dir.path().join("big.token");
    std::fs::write(&big, vec![b'a'; 5 * 1024 * 1024]).unwrap();
    for (token_file, why) in [
        (fifo.clone(), "it is a FIFO, not a regular file"),
        (PathBuf::from("/dev/zero"), "it is a character device, not a regular file"),
        (big, "it is larger than 4 MiB, too large for a settings file"),
    ] {
        let path =
            sandbox.profile_for(&server, &format!("token_file = \"{}\"\n", token_file.display()));
        ims(&sandbox).args(["member", "list", IMG]).exits(3).stderr(format!(
            "ims: error: cannot read token_file {} (from {}:default): {why}\n",
            token_file.display(),
            path.display()
        ));
    }
    any.assert_calls(0);
}

#[test]
fn clouds_and_secure_yaml_that_are_not_regular_files_are_refused() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let cloud = Cloud::new(&format!("{}/v3", server.base_url()), "pw-1234");
    let sandbox = &cloud.sandbox;
    let fifo = mkfifo(sandbox, "clouds.fifo");
    ims(sandbox)
        .env("OS_CLIENT_CONFIG_FILE", &fifo)
        .env("OS_CLOUD", "ks-owner")
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: cannot read clouds.yaml {} (from OS_CLIENT_CONFIG_FILE): it is a FIFO, not a regular file\n",
            fifo.display()
        ));

    let secure = sandbox.dir.path().join("secure.yaml");
    std::fs::remove_file(&secure).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &secure).unwrap();
    cloud
        .ims()
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: cannot read secure.yaml {} (for cloud `ks-owner` from --os-cloud): it is a character device, not a regular file\n",
            secure.display()
        ));
    std::fs::remove_file(&secure).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&secure).status().unwrap();
    assert!(made.success());
    cloud
        .ims()
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!(
            "ims: error: cannot read secure.yaml {} (for cloud `ks-owner` from --os-cloud): it is a FIFO, not a regular file\n",
            secure.display()
        ));
    any.assert_calls(0);
}

#[test]
fn image_ids_on_stdin_are_bounded() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let started = Instant::now();
    let mut cmd = sandbox.command(assert_cmd::cargo::cargo_bin("ims"));
    cmd.args(["--endpoint", &server.base_url(), "--token", "tok-1234"])
        .args(["member", "list", "-"])
        .stdin(std::fs::File::open("/dev/zero").unwrap());
    let out = output_within(cmd, BOUND);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        "ims: error: image IDs on stdin: more than 64 MiB; pass at most 1000000 IDs at a time\n"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    let many = "x ".repeat(1_000_001);
    ims_at(&sandbox, &server, "tok-1234")
        .timeout(BOUND)
        .write_stdin(many)
        .args(["member", "list", "-"])
        .exits(2)
        .stderr("ims: error: image IDs on stdin: more than 1000000 IDs at a time\n");
    any.assert_calls(0);
}

// ---- what a server echoes back is masked ----

#[test]
fn a_token_echoed_in_an_error_body_or_a_header_is_masked() {
    let token = "SeCrEt-ToKeN-400";
    let server = MockServer::start();
    server.mock(|when, then| {
        when.any_request();
        then.status(400)
            .header("x-echo", format!("X-Auth-Token={token}"))
            .header("x-echo-encoded", "token=SeCrEt%2DToKeN%2D400")
            .json_body(json!({"code": 400, "title": "Bad Request",
                "message": format!("bad header X-Auth-Token: {token}")}));
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, token)
        .timeout(BOUND)
        .args(["-vv", "member", "list", IMG])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(stdout_of(&out), "");
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("SeCrEt"), "{stderr}");
    assert!(stderr.contains("ims: < x-echo: X-Auth-Token=****\n"), "{stderr}");
    assert!(stderr.contains("ims: < x-echo-encoded: token=****\n"), "{stderr}");
    assert!(
        stderr.ends_with(&format!(
            "ims: error: image {IMG}: HTTP 400 Bad Request: bad header X-Auth-Token: ****\n"
        )),
        "{stderr}"
    );
}

#[test]
fn keystone_echoing_the_sign_in_body_never_shows_the_password() {
    let password = "pa\"ss/wörd SeCrEt";
    let sign_in = serde_json::to_string(&password_body(password)).unwrap();
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/v3/auth/tokens");
        then.status(401)
            .header("x-echo-form", "password=pa%22ss%2Fw%C3%B6rd+SeCrEt")
            .header("content-type", "text/plain")
            .body(format!("could not sign in with {sign_in}"));
    });
    let cloud = Cloud::new(&format!("{}/v3", server.base_url()), password);
    let out = cloud.ims().args(["-vv", "member", "list", IMG]).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("SeCrEt"), "{stderr}");
    assert!(!stderr.contains("wörd"), "{stderr}");
    assert!(stderr.contains("ims: < x-echo-form: password=****\n"), "{stderr}");
    assert!(stderr.contains(r#""domain":{"name":"Default"},"password":"****"}}}"#), "{stderr}");
}

#[test]
fn a_cached_token_echoed_by_the_image_service_is_masked() {
    let server = MockServer::start();
    keystone(&server, password_body("pw-1234"), "CaChEd-ToKeN-77");
    let ok = glance(&server, "CaChEd-ToKeN-77");
    ok.up_to_n_times(1);
    answer(
        &server,
        format!("/v2/images/{IMG}/members"),
        400,
        "token CaChEd-ToKeN-77 is not for this image",
    );
    let cloud = Cloud::new(&format!("{}/v3", server.base_url()), "pw-1234");
    cloud.ims().args(["member", "list", IMG]).succeeds();
    // The second run takes the token from the cache.
    cloud.ims().args(["member", "list", IMG]).exits(6).stderr(format!(
        "ims: error: image {IMG}: HTTP 400 Bad Request: token **** is not for this image\n"
    ));
}

// ---- URLs and command lines carry secrets ----

#[test]
fn user_info_in_urls_is_masked_everywhere() {
    let sandbox = Sandbox::new();
    ims(&sandbox)
        .args([
            "--endpoint",
            "http://user:PaSsWoRd@127.0.0.1:1",
            "--token",
            "tok-1234",
            "member",
            "list",
            IMG,
        ])
        .exits(3)
        .stderr("ims: error: endpoint (from --endpoint): `http://user:****@127.0.0.1:1` must not carry user info\n");
    sandbox.config(
        "[profiles.default]\nendpoint = \"https://user:PaSsWoRd@ims.example.com\"\nauth_url = \"https://TOKEN-PaSsWoRd@iam.example.com/v3\"\npassword = \"pw-1234\"\nusername = \"u\"\n",
    );
    let out = ims(&sandbox).args(["profile", "show", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = stdout_of(&out);
    assert!(!stdout.contains("PaSsWoRd"), "{stdout}");
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let value =
        |name: &str| rows.iter().find(|row| row["setting"] == name).map(|row| row["value"].clone());
    assert_eq!(value("endpoint"), Some(json!("https://user:****@ims.example.com")));
    assert_eq!(value("auth_url"), Some(json!("https://****@iam.example.com/v3")));
    ims(&sandbox)
        .args(["profile", "list", "-o", "json"])
        .prints("[\n  {\n    \"name\": \"default\",\n    \"default\": true,\n    \"endpoint\": \"https://user:****@ims.example.com\"\n  }\n]\n");
}

// ---- a cached token is used only with the secret that signed in ----

#[test]
fn a_wrong_password_misses_the_cache_and_is_refused() {
    let server = MockServer::start();
    let right = keystone(&server, password_body("right-pw-1"), "tok-A");
    let wrong = keystone_refuses_the_rest(&server);
    let members = glance(&server, "tok-A");
    let cloud = Cloud::new(&format!("{}/v3", server.base_url()), "right-pw-1");
    cloud.ims().args(["member", "list", IMG, "-o", "ids"]).prints("proj-alpha\n");
    let text = std::fs::read_to_string(&cache_files(&cloud.sandbox)[0]).unwrap();
    assert!(!text.contains("right-pw-1"), "{text}");

    cloud.set_password("wrong-pw-2");
    cloud.ims()
        .args(["member", "list", IMG])
        .exits(4)
        .stdout("")
        .stderr(format!(
            "ims: error: sign-in as user u-owner (domain Default), project proj-owner (domain Default) at {}/v3 failed: HTTP 401 Unauthorized: The request you have made requires authentication.\n",
            server.base_url()
        ));
    wrong.assert_calls(1);
    let out = cloud.ims().args(["auth", "status", "-o", "json"]).output().unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows[1],
        json!({"field": "state", "value": "signed in with another password or secret than the one set now: the next command signs in again"})
    );

    // The right password still finds its token: no new sign-in.
    cloud.set_password("right-pw-1");
    cloud.ims().args(["member", "list", IMG, "-o", "ids"]).succeeds();
    right.assert_calls(1);
    members.assert_calls(2);
    cloud.ims().args(["auth", "logout"]).succeeds();
    assert!(cache_files(&cloud.sandbox).is_empty());
}

#[test]
fn a_changed_application_credential_secret_signs_in_again() {
    let server = MockServer::start();
    let body = |secret: &str| {
        json!({"auth": {"identity": {"methods": ["application_credential"],
            "application_credential": {"id": "ac-1", "secret": secret}}}})
    };
    let first = keystone(&server, body("ac-secret-1"), "tok-1");
    let second = keystone(&server, body("ac-secret-2"), "tok-2");
    glance(&server, "tok-1");
    let members = glance(&server, "tok-2");
    let sandbox = Sandbox::new();
    let run = |secret: &str| {
        ims(&sandbox)
            .env("OS_AUTH_URL", format!("{}/v3", server.base_url()))
            .env("OS_APPLICATION_CREDENTIAL_ID", "ac-1")
            .env("OS_APPLICATION_CREDENTIAL_SECRET", secret)
            .args(["member", "list", IMG, "-o", "ids"])
            .succeeds();
    };
    run("ac-secret-1");
    run("ac-secret-1");
    run("ac-secret-2");
    first.assert_calls(1);
    second.assert_calls(1);
    members.assert_calls(1);
}

#[test]
fn a_warm_run_never_runs_password_command_and_a_changed_command_signs_in() {
    let server = MockServer::start();
    let sign_in = by_id_sign_in(&server, "tok-P");
    let sandbox = Sandbox::new();
    let runs = sandbox.dir.path().join("runs");
    let profile = |command: &str| password_command_profile(&sandbox, &server, command);
    profile(&format!("echo run >> {}; printf from-command", runs.display()));
    for _ in 0..3 {
        ims(&sandbox).args(["member", "list", IMG, "-o", "ids"]).succeeds();
    }
    assert_eq!(std::fs::read_to_string(&runs).unwrap(), "run\n");
    sign_in.assert_calls(1);
    profile(&format!("echo again >> {}; printf from-command", runs.display()));
    ims(&sandbox).args(["member", "list", IMG, "-o", "ids"]).succeeds();
    assert_eq!(std::fs::read_to_string(&runs).unwrap(), "run\nagain\n");
    sign_in.assert_calls(2);
}

#[test]
fn an_old_cache_entry_without_a_fingerprint_is_a_miss() {
    let server = MockServer::start();
    let (sign_in, _, cloud) = owner_cloud(&server, "pw-1234", "tok-A");
    cloud.ims().args(["member", "list", IMG]).succeeds();
    let file = cache_files(&cloud.sandbox).remove(0);
    let mut entry: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let object = entry.as_object_mut().unwrap();
    object.remove("salt");
    object.remove("fingerprint");
    object.insert("version".into(), json!(1));
    std::fs::write(&file, entry.to_string()).unwrap();
    cloud.ims().args(["member", "list", IMG]).succeeds();
    sign_in.assert_calls(2);
    let entry: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(entry["fingerprint"].is_string(), "{entry}");
}

// ---- environment values that are not UTF-8 ----

#[test]
fn a_non_utf8_environment_value_is_exit_3_naming_the_variable() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let cloud = Cloud::new(&format!("{}/v3", server.base_url()), "pw-1234");
    cloud.sandbox.profile_for(&server, "token = \"tok-1234\"\n");
    let bad = OsStr::from_bytes(b"/tmp/lat\xe9.toml");
    for var in [
        "IMS_CONFIG",
        "XDG_CONFIG_HOME",
        "IMS_PROFILE",
        "IMS_ENDPOINT",
        "IMS_TOKEN",
        "IMS_OUTPUT",
        "IMS_TIMEOUT",
        "IMS_RETRIES",
        "IMS_API",
        "IMS_PROJECT_ID",
        "IMS_CA_FILE",
        "IMS_NO_CACHE",
        "IMS_ACCESS_KEY",
        "IMS_SECRET_KEY",
        "IMS_SECURITY_TOKEN",
        "HUAWEICLOUD_SDK_AK",
        "HUAWEICLOUD_SDK_SK",
        "HUAWEICLOUD_SDK_SECURITY_TOKEN",
        "OS_CLOUD",
        "OS_AUTH_URL",
        "OS_PASSWORD",
        "OS_TOKEN",
    ] {
        ims(&cloud.sandbox)
            .env(var, bad)
            .args(["member", "list", IMG])
            .exits(3)
            .stdout("")
            .stderr(format!(
                "ims: error: {var}: the value is not valid UTF-8; set it to UTF-8 text or unset it\n"
            ));
    }
    // Read only when a cloud is named.
    ims(&cloud.sandbox)
        .env("OS_CLIENT_CONFIG_FILE", bad)
        .args(["--os-cloud", "ks-owner", "member", "list", IMG])
        .exits(3)
        .stderr("ims: error: OS_CLIENT_CONFIG_FILE: the value is not valid UTF-8; set it to UTF-8 text or unset it\n");
    assert!(cloud.clouds.exists());
    any.assert_calls(0);
}

// ---- credentials that would break a header ----

#[test]
fn control_characters_in_header_credentials_are_exit_3_naming_the_setting() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let cases = [
        ("IMS_SECURITY_TOKEN", "st-1\nst-2", "security token"),
        ("IMS_ACCESS_KEY", "AK\r\nX-Evil: 1", "access key"),
        ("IMS_PROJECT_ID", "p\u{7}1", "project ID"),
    ];
    for (var, value, what) in cases {
        ims(&sandbox)
            .env("IMS_ENDPOINT", server.base_url())
            .env("IMS_ACCESS_KEY", "AKID")
            .env("IMS_SECRET_KEY", "sk-1234")
            .env("IMS_PROJECT_ID", "p1")
            .env(var, value)
            .args(["member", "list", IMG])
            .exits(3)
            .stdout("")
            .stderr(format!(
                "ims: error: the {what} from {var} contains control characters (a line break?)\n"
            ));
    }
    any.assert_calls(0);
}

// ---- everything missing, named at once ----

#[test]
fn everything_missing_is_named_in_one_message_before_anything_runs() {
    let sandbox = Sandbox::new();
    ims(&sandbox)
        .args(["member", "list", IMG])
        .exits(3)
        .stdout("")
        .stderr(format!("ims: error: {NO_ENDPOINT}; {NO_CREDENTIAL}\n"));
    ims(&sandbox).args(["--api", "v1", "image", "list"]).exits(3).stdout("").stderr(format!(
        "ims: error: {NO_ENDPOINT}; {NO_CREDENTIAL}; the v1 API (from --api) needs a \
             project ID: set --project-id, IMS_PROJECT_ID or project_id in the profile\n"
    ));
    ims(&sandbox)
        .env("IMS_ACCESS_KEY", "AKID")
        .env("IMS_SECRET_KEY", "sk-1234")
        .args(["member", "show", IMG, "m"])
        .exits(3)
        .stderr(format!(
            "ims: error: {NO_ENDPOINT}; AK/SK signing (access key from IMS_ACCESS_KEY) needs a project ID for X-Project-Id: set --project-id, IMS_PROJECT_ID or project_id in the profile\n"
        ));
    // The token command is not run while the endpoint is missing.
    let marker = sandbox.dir.path().join("ran");
    sandbox.config(&format!(
        "[profiles.default]\ntoken_command = \"touch {}; echo tok-1234\"\n",
        marker.display()
    ));
    ims(&sandbox)
        .args(["member", "list", IMG])
        .exits(3)
        .stderr(format!("ims: error: {NO_ENDPOINT}\n"));
    assert!(!marker.exists());
}

#[test]
fn a_ca_file_that_is_a_fifo_or_a_device_is_refused() {
    let sandbox = Sandbox::new();
    let fifo = mkfifo(&sandbox, "ca.fifo");
    for (path, why) in [
        (fifo.display().to_string(), "it is a FIFO, not a regular file"),
        ("/dev/zero".to_string(), "it is a character device, not a regular file"),
    ] {
        ims(&sandbox)
            .args(["--endpoint", "https://127.0.0.1:1", "--token", "tok-1234"])
            .args(["--ca-file", &path, "member", "show", IMG, "m"])
            .timeout(std::time::Duration::from_secs(20))
            .exits(3)
            .stdout("")
            .stderr(format!(
                "ims: error: member m of image {IMG}: cannot read CA file {path}: {why}\n"
            ));
    }
}

#[test]
fn dev_null_as_the_config_file_means_no_profile() {
    let server = MockServer::start();
    answer(&server, format!("/v2/images/{IMG}/members/m"), 200, r#"{"member_id":"m"}"#);
    let sandbox = Sandbox::new();
    ims(&sandbox)
        .env("IMS_CONFIG", "/dev/null")
        .args(["--endpoint", &server.base_url(), "--token", "tok-1234"])
        .args(["member", "show", IMG, "m", "-o", "ids"])
        .prints("m\n")
        .stderr("");
    ims(&sandbox)
        .args(["--config", "/dev/null", "profile", "list", "-o", "json"])
        .prints("[]\n")
        .stderr("");
}
