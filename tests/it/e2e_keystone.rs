//! End to end: Keystone sign-in against a real Keystone 30 and a keystone-backed Glance 33,
//! both run by `scripts/local-keystone` on 127.0.0.1.
//!
//! Ignored by a plain `cargo test`; `scripts/test` starts both servers and sets
//! `IMS_E2E_KEYSTONE_URL` (Keystone's `/v3` URL). Each test binary runs
//! `scripts/local-keystone seed` once and reads from its output the clouds.yaml it wrote,
//! the Glance URL in the catalog and the project and image IDs.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::fixtures::real::*;
use crate::util::{Run, Sandbox, stderr_of, stdout_of};
use serde_json::{Value, json};

/// What `scripts/local-keystone seed` printed: `NAME=VALUE` lines.
struct Seeded {
    ids: HashMap<String, String>,
}

impl Seeded {
    fn id(&self, key: &str) -> &str {
        self.ids.get(key).unwrap_or_else(|| panic!("scripts/local-keystone seed printed no {key}="))
    }

    fn clouds(&self) -> PathBuf {
        PathBuf::from(self.id("CLOUDS"))
    }

    /// The image endpoint of the token's catalog (the keystone-backed Glance).
    fn glance(&self) -> &str {
        self.id("GLANCE")
    }
}

/// Keystone's `/v3` URL, from scripts/test.
fn keystone() -> String {
    required_url("IMS_E2E_KEYSTONE_URL")
}

fn seeded() -> &'static Seeded {
    static SEEDED: OnceLock<Result<Seeded, String>> = OnceLock::new();
    once(&SEEDED, || {
        let keystone = keystone();
        let ids = run_script("local-keystone", &["seed"])?;
        if ids.get("KEYSTONE") != Some(&keystone) {
            return Err(format!(
                "IMS_E2E_KEYSTONE_URL is {keystone}, but scripts/local-keystone seed used {:?}",
                ids.get("KEYSTONE")
            ));
        }
        Ok(Seeded { ids })
    })
}

fn cloud(sandbox: &Sandbox, name: &str) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.env("OS_CLIENT_CONFIG_FILE", seeded().clouds()).args(["--os-cloud", name]);
    cmd
}

/// `ims --os-cloud NAME ARGS` in `sandbox`, run.
fn run(sandbox: &Sandbox, name: &str, args: &[&str]) -> std::process::Output {
    cloud(sandbox, name).args(args).output().unwrap()
}

/// [`run`], which must end 0.
fn succeeded(sandbox: &Sandbox, name: &str, args: &[&str]) -> std::process::Output {
    let out = run(sandbox, name, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    out
}

/// The members ims lists, as (member_id, status) pairs, sorted.
fn members(out: &std::process::Output) -> Vec<(String, String)> {
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(out));
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    member_pairs(&list)
}

fn owner_view() -> Vec<(String, String)> {
    let seeded = seeded();
    let mut expected = vec![
        (seeded.id("proj-alpha").to_string(), "accepted".to_string()),
        (seeded.id("proj-beta").to_string(), "rejected".to_string()),
    ];
    expected.sort();
    expected
}

/// Signs in to Keystone directly: (token, user id).
fn keystone_token(user: &str, password: &str, project: &str) -> (String, String) {
    let body = json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
        "name": user, "domain": {"name": "Default"}, "password": password}}},
        "scope": {"project": {"name": project, "domain": {"name": "Default"}}}}});
    let mut response = ureq::post(format!("{}/auth/tokens", keystone()))
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .expect("Keystone sign-in");
    let token = response
        .headers()
        .get("x-subject-token")
        .and_then(|v| v.to_str().ok())
        .expect("X-Subject-Token")
        .to_string();
    let answer: Value =
        serde_json::from_slice(&response.body_mut().read_to_vec().unwrap()).unwrap();
    (token, answer["token"]["user"]["id"].as_str().unwrap().to_string())
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_password_cloud_then_the_cached_token_in_one_request() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    let image = seeded.id("IMAGE");
    let out = run(&sandbox, "ks-owner", &["-v", "member", "list", image, "-o", "json"]);
    assert_eq!(members(&out), owner_view());
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&format!("ims: POST {}/auth/tokens -> 201 Created in ", keystone())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "ims: GET {}/v2/images/{image}/members -> 200 OK in ",
            seeded.glance()
        )),
        "{stderr}"
    );

    let out = run(&sandbox, "ks-owner", &["-v", "member", "list", image, "-o", "json"]);
    assert_eq!(members(&out), owner_view());
    let stderr = stderr_of(&out);
    let requests: Vec<&str> = stderr.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(requests.len(), 1, "{stderr}");
    assert!(requests[0].starts_with(&format!("ims: GET {}/", seeded.glance())), "{stderr}");
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_a_members_own_view_and_a_non_members() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    let image = seeded.id("IMAGE");
    let alpha = seeded.id("proj-alpha");
    let out = succeeded(&sandbox, "ks-alpha", &["member", "list", image, "-o", "ids"]);
    assert_eq!(stdout_of(&out), format!("{alpha}\n"));
    cloud(&sandbox, "ks-other")
        .args(["member", "list", image])
        .exits(5)
        .stderr(predicates::str::contains(format!("HTTP 404 Not Found: Image {image} not found.")));
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_openrc_variables() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    let out = sandbox
        .ims()
        .env("OS_AUTH_URL", keystone())
        .env("OS_USERNAME", "u-owner")
        .env("OS_PASSWORD", "secret-u-owner")
        .env("OS_USER_DOMAIN_NAME", "Default")
        .env("OS_PROJECT_ID", seeded.id("proj-owner"))
        .env("OS_REGION_NAME", "RegionOne")
        .env("OS_INTERFACE", "public")
        .args(["member", "list", seeded.id("IMAGE"), "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(members(&out), owner_view());
}

/// `ims ARGS` in `sandbox` signing in to Keystone with an application credential given by
/// the variables `credential`.
fn with_app_credential(
    sandbox: &Sandbox,
    credential: &[(&str, &str)],
    args: &[&str],
) -> std::process::Output {
    sandbox
        .ims()
        .env("OS_AUTH_TYPE", "v3applicationcredential")
        .env("OS_AUTH_URL", keystone())
        .envs(credential.iter().copied())
        .args(args)
        .output()
        .unwrap()
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_application_credential_created_through_keystone() {
    let seeded = seeded();
    let (token, user_id) = keystone_token("u-owner", "secret-u-owner", "proj-owner");
    let name = format!("ims-e2e-{}", jiff::Timestamp::now().as_nanosecond());
    let mut response =
        ureq::post(format!("{}/users/{user_id}/application_credentials", keystone()))
            .header("Content-Type", "application/json")
            .header("X-Auth-Token", &token)
            .send(json!({"application_credential": {"name": name}}).to_string())
            .expect("create application credential");
    let created: Value =
        serde_json::from_slice(&response.body_mut().read_to_vec().unwrap()).unwrap();
    let id = created["application_credential"]["id"].as_str().unwrap().to_string();
    let secret = created["application_credential"]["secret"].as_str().unwrap().to_string();

    let sandbox = Sandbox::new();
    let out = with_app_credential(
        &sandbox,
        &[("OS_APPLICATION_CREDENTIAL_ID", &id), ("OS_APPLICATION_CREDENTIAL_SECRET", &secret)],
        &["-vv", "member", "list", seeded.id("IMAGE"), "-o", "json"],
    );
    assert_eq!(members(&out), owner_view());
    assert!(!stderr_of(&out).contains(&secret));

    // By name, with the user.
    let out = with_app_credential(
        &sandbox,
        &[
            ("OS_APPLICATION_CREDENTIAL_NAME", &name),
            ("OS_USER_ID", &user_id),
            ("OS_APPLICATION_CREDENTIAL_SECRET", &secret),
        ],
        &["--no-cache", "member", "list", seeded.id("IMAGE"), "-o", "json"],
    );
    assert_eq!(members(&out), owner_view());
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_a_revoked_cached_token_is_replaced() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    cloud(&sandbox, "ks-owner").args(["auth", "login"]).succeeds();
    let cache_dir = sandbox.dir.path().join("cache/ims");
    let file = std::fs::read_dir(&cache_dir).unwrap().flatten().next().unwrap().path();
    let cached: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let token = cached["token"].as_str().unwrap().to_string();
    // Revoke it in Keystone before Glance has ever seen it (Glance caches validations).
    let response = ureq::delete(format!("{}/auth/tokens", keystone()))
        .header("X-Auth-Token", &token)
        .header("X-Subject-Token", &token)
        .call()
        .expect("revoke");
    assert_eq!(response.status().as_u16(), 204);

    let out =
        run(&sandbox, "ks-owner", &["-v", "member", "list", seeded.id("IMAGE"), "-o", "json"]);
    assert_eq!(members(&out), owner_view());
    let stderr = stderr_of(&out);
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(" -> ")).collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].contains("-> 401 Unauthorized"), "{stderr}");
    assert!(lines[1].starts_with("ims: POST "), "{stderr}");
    assert!(lines[2].contains("-> 200 OK"), "{stderr}");
    let renewed: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_ne!(renewed["token"], cached["token"]);
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_wrong_password_is_exit_4() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    let keystone = keystone();
    let clouds = sandbox.file(
        "clouds.yaml",
        &format!("clouds:\n  bad:\n    auth:\n      auth_url: {keystone}\n      username: u-owner\n      password: not-the-password\n      project_name: proj-owner\n      user_domain_name: Default\n      project_domain_name: Default\n"),
    );
    sandbox
        .ims()
        .env("OS_CLIENT_CONFIG_FILE", &clouds)
        .env("OS_CLOUD", "bad")
        .args(["member", "list", seeded.id("IMAGE")])
        .exits(4)
        .stdout("")
        .stderr(predicates::str::is_match(
            format!("^ims: error: sign-in as user u-owner \\(domain Default\\), project proj-owner \\(domain Default\\) at {} failed: HTTP 401 Unauthorized: The request you have made requires authentication. \\(request id req-[0-9a-f-]+\\)\n$", keystone.replace('.', "\\.")),
        )
        .unwrap());
    assert!(
        !sandbox.dir.path().join("cache/ims").exists()
            || std::fs::read_dir(sandbox.dir.path().join("cache/ims")).unwrap().next().is_none()
    );
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_auth_status_shows_the_real_identity() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    cloud(&sandbox, "ks-owner").args(["auth", "login"]).succeeds();
    let out = run(&sandbox, "ks-owner", &["auth", "status", "-o", "json"]);
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows[3]["value"], format!("proj-owner ({})", seeded.id("proj-owner")));
    assert_eq!(rows[4]["value"], seeded.glance());
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_this_project_comes_from_the_token() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    let image = seeded.id("IMAGE");
    let out = succeeded(&sandbox, "ks-owner", &["image", "list", "-o", "json"]);
    let images: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let owner = seeded.id("proj-owner");
    assert!(images.iter().any(|i| i["id"] == image), "{images:?}");
    assert!(images.iter().all(|i| i["owner"] == owner), "{images:?}");

    let out = succeeded(
        &sandbox,
        "ks-alpha",
        &["image", "list", "--incoming", "--status", "accepted", "-o", "ids"],
    );
    assert!(stdout_of(&out).lines().any(|id| id == image), "{}", stdout_of(&out));

    let out = run(&sandbox, "ks-owner", &["member", "list", "--all", "-o", "json"]);
    assert!(members(&out).iter().any(|(member, _)| member == seeded.id("proj-alpha")));
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_two_users_change_a_share() {
    let seeded = seeded();
    let sandbox = Sandbox::new();
    let image = seeded.id("IMAGE");
    let other = seeded.id("proj-other");
    let out = succeeded(&sandbox, "ks-owner", &["member", "add", image, other, "-o", "ids"]);
    assert_eq!(stdout_of(&out), format!("{other}\n"));
    let out = run(&sandbox, "ks-other", &["member", "accept", image, "-o", "json"]);
    assert_eq!(members(&out), vec![(other.to_string(), "accepted".to_string())]);
    succeeded(&sandbox, "ks-owner", &["member", "remove", image, other, "--yes"]);
    let out = run(&sandbox, "ks-owner", &["member", "list", image, "-o", "json"]);
    assert_eq!(members(&out), owner_view());
}

#[test]
#[ignore = "needs the real Keystone: run scripts/test"]
fn keystone_e2e_share_apply_accepts_with_the_consumers_own_cloud() {
    let seeded = seeded();
    let (token, _) = keystone_token("u-owner", "secret-u-owner", "proj-owner");
    let images = format!("{}/v2/images", seeded.glance());
    let name = format!("ims-e2e-share-{}", jiff::Timestamp::now().as_nanosecond());
    let mut response = ureq::post(&images)
        .header("Content-Type", "application/json")
        .header("X-Auth-Token", &token)
        .send(
            json!({"name": name, "visibility": "shared", "disk_format": "raw",
                   "container_format": "bare"})
            .to_string(),
        )
        .expect("create an image");
    let created: Value =
        serde_json::from_slice(&response.body_mut().read_to_vec().unwrap()).unwrap();
    let image = created["id"].as_str().unwrap().to_string();
    let other = seeded.id("proj-other");
    // The owner and the consumers sign in through clouds.yaml, each as its own project.
    let sandbox = Sandbox::new();
    sandbox.config(
        "[profiles.owner]\ncloud = \"ks-owner\"\n[profiles.other]\ncloud = \"ks-other\"\n\
         [profiles.alpha]\ncloud = \"ks-alpha\"\n",
    );
    let shares = |consumer: &str| {
        format!(
            "[[share]]\nimages = [\"{image}\"]\nmembers = [\"{other}\"]\n\
             [consumers]\n\"{other}\" = \"{consumer}\"\n"
        )
    };
    sandbox.file("wrong.toml", &shares("alpha"));
    sandbox.file("shares.toml", &shares("other"));
    let share = |args: &[&str]| {
        sandbox
            .ims()
            .env("OS_CLIENT_CONFIG_FILE", seeded.clouds())
            .args(["-p", "owner", "share"])
            .args(args)
            .output()
            .unwrap()
    };
    let listed = || {
        let out = share(&["export", &image]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        stdout_of(&out)
    };

    // alpha's profile signs in as proj-alpha, not as the member: exit 3, nothing changed.
    let out = share(&["apply", "--jobs", "1", "-f", "wrong.toml"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let alpha = seeded.id("proj-alpha");
    assert!(
        stderr_of(&out).ends_with(&format!(
            "ims: error: wrong.toml:5: [consumers] `{other}`: profile `alpha` signs in as \
             project {alpha}, not as {other}\n"
        )),
        "{}",
        stderr_of(&out)
    );
    assert!(listed().contains("members = []\n"), "{}", listed());

    // other's profile accepts: the cloud matches, and check says so.
    let out = share(&["apply", "--jobs", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).ends_with("ims: applied: the cloud matches shares.toml (1 in sync)\n"),
        "{}",
        stderr_of(&out)
    );
    let out = share(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let out = run(&sandbox, "ks-owner", &["member", "list", &image, "-o", "json"]);
    assert_eq!(members(&out), vec![(other.to_string(), "accepted".to_string())]);
    ureq::delete(format!("{images}/{image}"))
        .header("X-Auth-Token", &token)
        .call()
        .expect("delete the image");
}
