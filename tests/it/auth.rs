//! `ims auth status|login|logout` against a mock Keystone: the identity and state of the
//! cached token (never the token itself), signing in ahead of time, and removing one or all
//! cached tokens.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::fixtures::keystone::*;
use crate::util::*;

#[test]
fn auth_status_login_logout() {
    let server = MockServer::start();
    let sign_in = keystone(&server, password_body(PASSWORD), "tok-A");
    let cloud = Cloud::new(&server.base_url(), PASSWORD);
    let identity = format!(
        "user u-owner (domain Default), project proj-owner (domain Default) at {}/v3",
        server.base_url()
    );

    let status = || {
        let out = cloud.ims().args(["auth", "status", "-o", "json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
    };
    assert_eq!(
        status(),
        vec![
            json!({"field": "identity", "value": identity}),
            json!({"field": "state", "value": "not signed in: nothing cached"}),
        ]
    );
    let out = cloud.ims().args(["auth", "login"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!stdout_of(&out).contains("tok-A"));
    sign_in.assert_calls(1);
    let rows = status();
    let state = rows[1]["value"].as_str().unwrap();
    assert!(
        state == "valid for 59 more minutes" || state == "valid for 60 more minutes",
        "{state}"
    );
    assert_eq!(rows[2], json!({"field": "user", "value": "u-owner (5f89)"}));
    assert_eq!(rows[3], json!({"field": "project", "value": "proj-owner (a4bd)"}));
    assert_eq!(rows[4], json!({"field": "image endpoint", "value": server.base_url()}));
    assert!(!serde_json::to_string(&rows).unwrap().contains("tok-A"));

    cloud
        .ims()
        .args(["auth", "logout"])
        .prints("")
        .stderr(format!("ims: removed the cached token of {identity}\n"));
    assert!(cache_files(&cloud.sandbox).is_empty());
    cloud
        .ims()
        .args(["auth", "logout"])
        .succeeds()
        .stderr(format!("ims: no cached token for {identity}\n"));
    cloud.ims().args(["auth", "login"]).succeeds();
    cloud
        .ims()
        .args(["auth", "logout", "--all"])
        .succeeds()
        .stderr("ims: removed 1 cached token(s)\n");
    cloud
        .sandbox
        .ims()
        .args(["auth", "status"])
        .exits(3)
        .stderr(predicates::str::starts_with("ims: error: no Keystone sign-in is configured"));
}
