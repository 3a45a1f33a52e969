//! Settings end to end: config file, profiles, environment, precedence, credentials, `-v`
//! tracing, and secrets kept out of every output. What `profile list|show` print is in
//! `profile.rs`.

use crate::fixtures::glance::*;
use crate::util::*;
use httpmock::prelude::*;

fn member_mock<'a>(server: &'a MockServer, token: &str) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        expect_standard_headers(when, token).path("/v2/images/i/members/m");
        then.status(200)
            .header("x-openstack-request-id", "req-7")
            .body(r#"{"member_id":"m","status":"accepted"}"#);
    })
}

#[test]
fn profile_with_token_file_under_home() {
    let server = MockServer::start();
    let mock = member_mock(&server, "file-token");
    let sandbox = Sandbox::new();
    sandbox.file("otc.token", "file-token\n");
    sandbox.config(&format!(
        "default_profile = \"otc\"\n[profiles.otc]\nendpoint = \"{}\"\ntoken_file = \"~/otc.token\"\noutput = \"ids\"\n",
        server.base_url()
    ));
    sandbox.ims().args(["member", "show", "i", "m"]).prints("m\n");
    mock.assert_calls(1);
}

#[test]
fn flags_beat_environment_beat_profile() {
    let server = MockServer::start();
    let flag = member_mock(&server, "flag-token");
    let env = member_mock(&server, "env-token");
    let sandbox = Sandbox::new();
    sandbox.config("[profiles.default]\nendpoint = \"http://127.0.0.1:1\"\ntoken = \"profile-token\"\noutput = \"table\"\n");
    sandbox
        .ims()
        .env("IMS_ENDPOINT", server.base_url())
        .env("IMS_TOKEN", "env-token")
        .env("IMS_OUTPUT", "json")
        .args(["member", "show", "i", "m"])
        .prints("{\n  \"member_id\": \"m\",\n  \"status\": \"accepted\"\n}\n");
    sandbox
        .ims()
        .env("IMS_ENDPOINT", server.base_url())
        .env("IMS_TOKEN", "env-token")
        .env("IMS_OUTPUT", "json")
        .args(["--token", "flag-token", "-o", "ids", "member", "show", "i", "m"])
        .prints("m\n");
    env.assert_calls(1);
    flag.assert_calls(1);
}

#[test]
fn profile_selected_by_flag_and_env_and_config_path_by_env() {
    let server = MockServer::start();
    let mock = member_mock(&server, "tb");
    let sandbox = Sandbox::new();
    let path = sandbox.file(
        "elsewhere.toml",
        &format!(
            "[profiles.a]\nendpoint = \"http://127.0.0.1:1\"\ntoken = \"ta\"\n[profiles.b]\nendpoint = \"{}\"\ntoken = \"tb\"\n",
            server.base_url()
        ),
    );
    sandbox
        .ims()
        .env("IMS_CONFIG", &path)
        .env("IMS_PROFILE", "b")
        .args(["member", "show", "i", "m", "-o", "ids"])
        .succeeds();
    sandbox
        .ims()
        .args(["--config", path.to_str().unwrap(), "-p", "b", "member", "show", "i", "m"])
        .succeeds();
    mock.assert_calls(2);
}

#[test]
fn token_command_output_is_the_token() {
    let server = MockServer::start();
    let mock = member_mock(&server, "cmd-token");
    let sandbox = Sandbox::new();
    sandbox.profile_for(&server, "token_command = \"printf '  cmd-token\\\\n'\"\n");
    sandbox.ims().args(["member", "show", "i", "m", "-o", "ids"]).prints("m\n");
    mock.assert_calls(1);
}

#[test]
fn failing_token_command_is_exit_3_with_its_stderr_only() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let path = sandbox.profile_for(
        &server,
        "token_command = \"echo LEAKED-TOKEN; echo 'vault: sealed' >&2; exit 2\"\n",
    );
    sandbox.ims().args(["member", "show", "i", "m"]).exits(3).stdout("").stderr(format!(
        "ims: error: token_command (from {}:default) failed with exit status 2: vault: sealed\n",
        path.display()
    ));
    any.assert_calls(0);
}

#[test]
fn configuration_errors_are_exit_3() {
    let sandbox = Sandbox::new();
    let path = sandbox.config("[profiles.otc]\nendpont = \"https://x\"\n");
    sandbox
        .ims()
        .args(["member", "show", "i", "m"])
        .exits(3)
        .stderr(format!(
            "ims: error: config file {}: unknown key `endpont` in profile `otc`; did you mean `endpoint`?\n",
            path.display()
        ));

    sandbox.config("[profiles.otc]\nendpoint = \"https://x\n");
    sandbox.ims().args(["member", "show", "i", "m"]).exits(3).stderr(predicates::str::starts_with(
        format!(
            "ims: error: config file {} is not valid TOML: TOML parse error at line 2, column",
            path.display()
        ),
    ));

    sandbox.config("[profiles.otc]\nendpoint = \"https://x\"\n");
    sandbox.ims().args(["-p", "nope", "member", "show", "i", "m"]).exits(3).stderr(format!(
        "ims: error: profile `nope` (from --profile) is not in {}; profiles: otc\n",
        path.display()
    ));

    sandbox
        .ims()
        .args(["--endpoint", "ims.example.com", "--token", "t", "member", "show", "i", "m"])
        .exits(3)
        .stderr("ims: error: endpoint (from --endpoint): `ims.example.com` is not an absolute http(s) URL (e.g. https://ims.example.com)\n");

    sandbox
        .ims()
        .env("IMS_ENDPOINT", "ftp://files")
        .args(["--token", "t", "member", "show", "i", "m"])
        .exits(3)
        .stderr("ims: error: endpoint (from IMS_ENDPOINT): `ftp://files` is not an absolute http(s) URL (e.g. https://ims.example.com)\n");

    sandbox
        .ims()
        .args(["--endpoint", "http://127.0.0.1:1", "member", "show", "i", "m"])
        .exits(3)
        .stderr("ims: error: no credential: set --token or IMS_TOKEN, IMS_ACCESS_KEY and IMS_SECRET_KEY, token / token_file / token_command / access_key and secret_key in a profile, or sign in with --os-cloud, OS_* variables or Keystone keys in a profile\n");

    sandbox
        .ims()
        .args(["--token", "t", "member", "list", "i"])
        .exits(3)
        .stderr(
            "ims: error: no endpoint: set --endpoint, IMS_ENDPOINT, or `endpoint` in a profile (or sign in with Keystone to find it in the service catalog)\n",
        );

    sandbox
        .ims()
        .args(["--config", "/no/such/ims.toml", "member", "show", "i", "m"])
        .exits(3)
        .stderr("ims: error: config file /no/such/ims.toml (from --config) does not exist\n");

    sandbox.ims().env("IMS_OUTPUT", "yaml").args(["member", "show", "i", "m"]).exits(3).stderr(
        "ims: error: IMS_OUTPUT: `yaml` is not an output format (table, json, ndjson, ids, csv, markdown)\n",
    );
}

#[test]
fn missing_default_config_is_fine_with_flags() {
    let server = MockServer::start();
    let mock = member_mock(&server, "t");
    ims_for(&server).args(["member", "show", "i", "m", "-o", "ids"]).prints("m\n");
    mock.assert_calls(1);
}

#[test]
fn verbose_traces_requests_without_secrets() {
    let server = MockServer::start();
    let mock = member_mock(&server, "SECRET-TOKEN-123");
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "SECRET-TOKEN-123")
        .args(["-v", "member", "show", "i", "m", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&out), "m\n");
    let stderr = stderr_of(&out);
    let prefix = format!("ims: GET {}/v2/images/i/members/m -> 200 OK in ", server.base_url());
    assert!(stderr.starts_with(&prefix), "{stderr}");
    assert!(stderr.ends_with(" ms request-id=req-7\n"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);

    let out = ims_at(&sandbox, &server, "SECRET-TOKEN-123")
        .args(["-vv", "member", "show", "i", "m", "-o", "ids"])
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(stderr.contains("ims: > X-Auth-Token: ****\n"), "{stderr}");
    assert!(stderr.contains("ims: < x-openstack-request-id: req-7\n"), "{stderr}");
    assert!(!stderr.contains("SECRET"), "{stderr}");
    assert_eq!(stdout_of(&out), "m\n");
    mock.assert_calls(2);
}

#[test]
fn secrets_never_reach_any_output_on_errors() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.any_request();
        then.status(401).body(r#"{"error":{"code":401,"message":"Token rejected"}}"#);
    });
    let sandbox = Sandbox::new();
    let run = ims_at(&sandbox, &server, "SECRET-TOKEN-456")
        .args(["-vv", "member", "list", "a", "b"])
        .exits(4);
    let all = format!("{}{}", stdout_of(run.get_output()), stderr_of(run.get_output()));
    assert!(!all.contains("SECRET"), "{all}");
    assert!(
        all.contains(
            "ims: error: image a: HTTP 401 Unauthorized: Token rejected (hint: check the token"
        ),
        "{all}"
    );
}

#[test]
fn secret_files_readable_by_others_draw_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let server = MockServer::start();
    member_m(&server);
    let sandbox = Sandbox::new();
    let path = sandbox.profile_for(&server, "token = \"t\"\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    sandbox
        .ims()
        .args(["member", "show", "i", "m", "-o", "ids"])
        .prints("m\n")
        .stderr(format!(
            "ims: warning: config file {0} holds secrets and can be read by group or others (mode 644); fix with: chmod 600 {0}\n",
            path.display()
        ));

    let token = sandbox.file("token", "t\n");
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o640)).unwrap();
    sandbox.profile_for(&server, &format!("token_file = \"{}\"\n", token.display()));
    sandbox
        .ims()
        .args(["member", "show", "i", "m", "-o", "ids"])
        .succeeds()
        .stderr(format!(
            "ims: warning: token_file {0} holds secrets and can be read by group or others (mode 640); fix with: chmod 600 {0}\n",
            token.display()
        ));

    // A file without secrets may be world-readable.
    let path =
        sandbox.config(&format!("[profiles.default]\nendpoint = \"{}\"\n", server.base_url()));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    sandbox.ims().args(["--token", "t", "member", "show", "i", "m"]).succeeds().stderr("");
}
