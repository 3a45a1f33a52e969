//! `ims profile list|show` run in-process: the config file's profiles, and each setting
//! with where it came from, secrets, command arguments and URL user info masked.

use httpmock::MockServer;

use crate::commands::testing::{Ran, SCRIPT, ims, keystone, keystone_env};

/// A config file with two profiles, `staging` the default.
const CONFIG: &str = "default_profile = \"staging\"\n\
    [profiles.prod]\nendpoint = \"https://user:pw@ims.example\"\n\
    [profiles.staging]\nendpoint = \"https://staging.example\"\ntoken = \"hush-token\"\n\
    output = \"csv\"\n";

/// `ims ARGS` with the config file [`CONFIG`] (mode 0600) and `env` besides; its path
/// shown as `CONFIG_PATH`.
fn with_config(args: &[&str], env: &[(&str, &str)]) -> Ran {
    with_config_mode(0o600, args, env)
}

/// [`with_config`] with the config file's mode `mode`.
fn with_config_mode(mode: u32, args: &[&str], env: &[(&str, &str)]) -> Ran {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, CONFIG).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    let mut all = vec![("IMS_CONFIG", path.to_str().unwrap())];
    all.extend_from_slice(env);
    let ran = ims(args, "", SCRIPT, &all);
    let shown = |text: &str| text.replace(path.to_str().unwrap(), "CONFIG_PATH");
    Ran {
        stdout: shown(&ran.stdout),
        stderr: shown(&ran.stderr),
        warnings: ran.warnings.iter().map(|w| shown(w)).collect(),
        ..ran
    }
}

#[test]
fn list_marks_the_default_and_masks_the_user_info_of_endpoints() {
    let ran = with_config(&["profile", "list", "-o", "csv"], &[]);
    assert_eq!(
        ran.parts(),
        (
            0,
            "Profile,Default,Endpoint\nprod,false,https://user:****@ims.example\n\
             staging,true,https://staging.example\n",
            ""
        )
    );
}

#[test]
fn list_without_a_config_file_prints_nothing_and_says_why() {
    let ran = ims(&["profile", "list"], "", SCRIPT, &[]);
    assert_eq!(
        ran.parts(),
        (
            0,
            "",
            "ims: no config file at /nonexistent/ims-unit-test/ims/config.toml, so no \
             profiles to list\n"
        )
    );
}

#[test]
fn show_names_where_each_setting_came_from_and_masks_the_token() {
    let ran = with_config(&["profile", "show"], &[("IMS_TIMEOUT", "7")]);
    assert_eq!(
        ran.parts(),
        (
            0,
            "Setting,Value,Source\nconfig,CONFIG_PATH,IMS_CONFIG\n\
             profile,staging,CONFIG_PATH:default_profile\n\
             endpoint,https://staging.example,CONFIG_PATH:staging\napi,v2,default\n\
             sharing_rules,auto,default\ntoken,****,CONFIG_PATH:staging\n\
             output,csv,CONFIG_PATH:staging\ntimeout,7,IMS_TIMEOUT\nretries,3,default\n\
             insecure,false,default\n",
            ""
        )
    );
    assert_eq!(ran.warnings, Vec::<String>::new());
}

#[test]
fn show_of_another_profile_and_flags_over_it() {
    let args = [
        "--api",
        "v1",
        "--project-id",
        "p9",
        "profile",
        "show",
        "prod",
        "-o",
        "csv",
    ];
    let ran = with_config(&args, &[]);
    // A CSV cell that starts with `-` is quoted with `'` (no spreadsheet formula).
    assert_eq!(
        ran.parts(),
        (
            0,
            "Setting,Value,Source\nconfig,CONFIG_PATH,IMS_CONFIG\n\
             profile,prod,profile show NAME\n\
             endpoint,https://user:****@ims.example,CONFIG_PATH:prod\napi,v1,'--api\n\
             sharing_rules,auto,default\nproject_id,p9,'--project-id\noutput,csv,'--output\n\
             timeout,30,default\nretries,3,default\ninsecure,false,default\n",
            ""
        )
    );
}

#[test]
fn show_masks_the_aksk_secret_key() {
    let env = [
        ("IMS_ACCESS_KEY", "AKID"),
        ("IMS_SECRET_KEY", "hush-sk"),
        ("IMS_OUTPUT", "csv"),
        ("IMS_ENDPOINT", "https://ims.example"),
    ];
    let ran = ims(&["profile", "show"], "", SCRIPT, &env);
    assert_eq!(
        ran.parts(),
        (
            0,
            "Setting,Value,Source\nconfig,/nonexistent/ims-unit-test/ims/config.toml,default\n\
             profile,default,default\nendpoint,https://ims.example,IMS_ENDPOINT\n\
             api,v2,default\nsharing_rules,auto,default\naccess_key,AKID,IMS_ACCESS_KEY\n\
             secret_key,****,IMS_SECRET_KEY\noutput,csv,IMS_OUTPUT\ntimeout,30,default\n\
             retries,3,default\ninsecure,false,default\n",
            ""
        )
    );
}

#[test]
fn show_of_a_profile_that_does_not_exist_is_exit_3() {
    let ran = with_config(&["profile", "show", "nope"], &[]);
    assert_eq!(
        ran.parts(),
        (
            3,
            "",
            "ims: error: profile `nope` (from profile show NAME) is not in CONFIG_PATH; \
             profiles: prod, staging\n"
        )
    );
}

#[test]
fn a_config_file_of_secrets_others_can_read_is_warned_about() {
    let ran = with_config_mode(0o644, &["profile", "list", "-o", "ids"], &[]);
    assert_eq!(ran.parts(), (0, "prod\nstaging\n", ""));
    assert_eq!(
        ran.warnings,
        [
            "config file CONFIG_PATH holds secrets and can be read by group or \
          others (mode 644); fix with: chmod 600 CONFIG_PATH"
        ]
    );
}

#[test]
fn show_of_a_keystone_sign_in_masks_the_password_and_names_the_cached_tokens_project() {
    let server = MockServer::start();
    let sign_in = keystone(&server, "tok-A");
    let cache = tempfile::tempdir().unwrap();
    let url = server.base_url();
    let vars = keystone_env(&url);
    let mut env: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.extend([
        ("XDG_CACHE_HOME", cache.path().to_str().unwrap()),
        ("IMS_OUTPUT", "csv"),
    ]);
    let identity =
        format!("user u-owner (domain Default), project proj-owner (domain Default) at {url}/v3");
    let show = |project: &str, source: &str| {
        format!(
            "Setting,Value,Source\nconfig,/nonexistent/ims-unit-test/ims/config.toml,default\n\
             profile,default,default\napi,v2,default\nsharing_rules,auto,default\n\
             project_id,{project},{source}\nauth_url,{url}/v3,OS_AUTH_URL\n\
             username,u-owner,OS_USERNAME\nuser_domain_name,Default,OS_USER_DOMAIN_NAME\n\
             project_name,proj-owner,OS_PROJECT_NAME\n\
             project_domain_name,Default,OS_PROJECT_DOMAIN_NAME\npassword,****,OS_PASSWORD\n\
             output,csv,IMS_OUTPUT\ntimeout,30,default\nretries,3,default\n\
             insecure,false,default\n"
        )
    };
    let before = show(
        "(the Keystone token's project)",
        "Keystone sign-in: run `ims auth login` to see it",
    );
    let ran = ims(&["profile", "show"], "", SCRIPT, &env);
    assert_eq!(ran.parts(), (0, before.as_str(), ""));
    assert_eq!(ims(&["auth", "login"], "", SCRIPT, &env).code, 0);
    // The project of the token `auth login` cached, read from the cache the console's
    // environment names; nothing is sent.
    let after = show(
        "a4bd",
        &format!("\"the cached Keystone token of {identity}\""),
    );
    let ran = ims(&["profile", "show"], "", SCRIPT, &env);
    assert_eq!(ran.parts(), (0, after.as_str(), ""));
    sign_in.assert_calls(1);
}
