//! `ims auth status|login|logout` run in-process against a mock Keystone, with the token
//! cache in a directory of the test's own: what each prints, never the token.

use httpmock::prelude::*;

use crate::commands::testing::{Ran, SCRIPT, ims, keystone, keystone_env};

/// A Keystone (see [`keystone`]) and a token cache of the test's own.
struct Fixture {
    /// The mock Keystone.
    server: MockServer,
    /// `XDG_CACHE_HOME` of every run.
    cache: tempfile::TempDir,
}

impl Fixture {
    /// A fresh Keystone and an empty cache.
    fn new() -> Fixture {
        Fixture {
            server: MockServer::start(),
            cache: tempfile::tempdir().unwrap(),
        }
    }

    /// `ims ARGS` signing in at the mock (see [`keystone_env`]), caching in the cache.
    fn auth(&self, args: &[&str]) -> Ran {
        let url = self.server.base_url();
        let vars = keystone_env(&url);
        let mut env: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        env.push(("XDG_CACHE_HOME", self.cache.path().to_str().unwrap()));
        ims(args, "", SCRIPT, &env)
    }

    /// What `auth` calls u-owner's sign-in at the mock.
    fn identity(&self) -> String {
        format!(
            "user u-owner (domain Default), project proj-owner (domain Default) at {}/v3",
            self.server.base_url()
        )
    }
}

#[test]
fn status_says_what_the_cache_holds_and_sends_nothing() {
    for (flags, state) in [
        (&[][..], "not signed in: nothing cached"),
        (
            &["--no-cache"],
            "the cache is off (--no-cache or IMS_NO_CACHE)",
        ),
    ] {
        let fixture = Fixture::new();
        let sign_in = keystone(&fixture.server, "tok-A");
        let args: Vec<&str> = flags
            .iter()
            .copied()
            .chain(["auth", "status", "-o", "csv"])
            .collect();
        let stdout = format!(
            "Field,Value\nidentity,\"{}\"\nstate,{state}\n",
            fixture.identity()
        );
        assert_eq!(fixture.auth(&args).parts(), (0, stdout.as_str(), ""));
        sign_in.assert_calls(0);
    }
}

#[test]
fn login_signs_in_once_caches_in_the_consoles_cache_dir_and_never_prints_the_token() {
    let fixture = Fixture::new();
    let sign_in = keystone(&fixture.server, "tok-A");
    let ran = fixture.auth(&["auth", "login", "-o", "json"]);
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    assert!(!ran.stdout.contains("tok-A"), "{}", ran.stdout);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&ran.stdout).unwrap();
    let fields: Vec<&str> = rows.iter().filter_map(|r| r["field"].as_str()).collect();
    assert_eq!(
        fields,
        [
            "identity",
            "state",
            "user",
            "project",
            "image endpoint",
            "expires at"
        ]
    );
    assert_eq!(rows[2]["value"], "u-owner (5f89)");
    assert_eq!(rows[3]["value"], "proj-owner (a4bd)");
    assert_eq!(rows[4]["value"], fixture.server.base_url().as_str());
    sign_in.assert_calls(1);
    // The token went to the cache directory the console's environment names.
    let files = std::fs::read_dir(fixture.cache.path().join("ims"))
        .unwrap()
        .count();
    assert_eq!(files, 1);
    // `status` now reads the cache: no second sign-in.
    let ran = fixture.auth(&["auth", "status", "-o", "json"]);
    assert_eq!(ran.code, 0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&ran.stdout).unwrap();
    let state = rows[1]["value"].as_str().unwrap();
    assert!(
        ["valid for 59 more minutes", "valid for 60 more minutes"].contains(&state),
        "{state}"
    );
    sign_in.assert_calls(1);
}

#[test]
fn logout_removes_the_cached_token_then_finds_none() {
    let fixture = Fixture::new();
    keystone(&fixture.server, "tok-A");
    assert_eq!(fixture.auth(&["auth", "login"]).code, 0);
    let removed = format!("ims: removed the cached token of {}\n", fixture.identity());
    let ran = fixture.auth(&["auth", "logout"]);
    assert_eq!(ran.parts(), (0, "", removed.as_str()));
    let none = format!("ims: no cached token for {}\n", fixture.identity());
    let ran = fixture.auth(&["auth", "logout"]);
    assert_eq!(ran.parts(), (0, "", none.as_str()));
}

#[test]
fn logout_all_counts_the_tokens_it_removed() {
    let fixture = Fixture::new();
    keystone(&fixture.server, "tok-A");
    assert_eq!(fixture.auth(&["auth", "login"]).code, 0);
    let ran = fixture.auth(&["auth", "logout", "--all"]);
    assert_eq!(ran.parts(), (0, "", "ims: removed 1 cached token(s)\n"));
    let ran = fixture.auth(&["auth", "logout", "--all"]);
    assert_eq!(ran.parts(), (0, "", "ims: removed 0 cached token(s)\n"));
}

#[test]
fn auth_without_a_keystone_sign_in_is_exit_3() {
    let ran = ims(&["auth", "status"], "", SCRIPT, &[("IMS_TOKEN", "tok")]);
    assert_eq!(
        ran.parts(),
        (
            3,
            "",
            "ims: error: no Keystone sign-in is configured: name a cloud (--os-cloud, \
             OS_CLOUD), set the OS_* variables of an openrc, or put auth_url and its keys in \
             a profile\n"
        )
    );
}
