//! Hostile configuration and secrets: commands that never finish or print too much, paths
//! that are FIFOs or devices, servers that echo credentials back, URLs and command lines
//! that carry secrets, a cached token and a changed password, unusable environment values,
//! header-breaking credentials, and settings missing several at a time. Every run here is
//! bounded in time, so that a regression fails instead of hanging.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::time::Duration;

use crate::util::*;
use httpmock::prelude::*;

const IMG: &str = "eadd4a00-a784-4e4f-bcf9-a7906aac0198";

/// How long any one `ims` run here may take before the test fails.
const BOUND: Duration = Duration::from_secs(20);

/// `sandbox.ims()`, bounded in time.
fn ims(sandbox: &Sandbox) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.timeout(BOUND);
    cmd
}

/// clouds.yaml with cloud `ks` (user u-owner, project proj-owner) signing in at `server`,
/// and its password in secure.yaml.
fn cloud(sandbox: &Sandbox, server: &MockServer, password: &str) -> PathBuf {
    let clouds = sandbox.file(
        "clouds.yaml",
        &format!(
            "clouds:\n  ks:\n    auth:\n      auth_url: {}/v3\n      username: u-owner\n      project_name: proj-owner\n      user_domain_name: Default\n      project_domain_name: Default\n",
            server.base_url()
        ),
    );
    set_cloud_password(sandbox, password);
    clouds
}

/// Writes secure.yaml with `password` for cloud `ks`.
fn set_cloud_password(sandbox: &Sandbox, password: &str) {
    let yaml = serde_json::to_string(password).unwrap();
    sandbox.file(
        "secure.yaml",
        &format!("clouds:\n  ks:\n    auth:\n      password: {yaml}\n"),
    );
}

// ---- 15: environment values that are not UTF-8 ----

#[test]
fn a_non_utf8_environment_value_is_exit_3_naming_the_variable() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let clouds = cloud(&sandbox, &server, "pw-1234");
    sandbox.config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\ntoken = \"tok-1234\"\n",
        server.base_url()
    ));
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
        ims(&sandbox)
            .env(var, bad)
            .args(["member", "list", IMG])
            .assert()
            .code(3)
            .stdout("")
            .stderr(format!(
                "ims: error: {var}: the value is not valid UTF-8; set it to UTF-8 text or unset it\n"
            ));
    }
    // Read only when a cloud is named.
    ims(&sandbox)
        .env("OS_CLIENT_CONFIG_FILE", bad)
        .args(["--os-cloud", "ks", "member", "list", IMG])
        .assert()
        .code(3)
        .stderr("ims: error: OS_CLIENT_CONFIG_FILE: the value is not valid UTF-8; set it to UTF-8 text or unset it\n");
    assert!(clouds.exists());
    any.assert_calls(0);
}
