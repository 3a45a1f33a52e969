//! End to end: the sharing audit (`image list`, `member list --all`) against the real
//! Glance of `scripts/local-glance` (fakeauth: the token is the project id). Each test
//! run makes its own projects and images through Glance's API, so runs never see each
//! other's images; what ims prints is compared, as parsed JSON, with raw GETs.

use std::process::Output;
use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::fixtures::real::*;
use crate::util::{Sandbox, stderr_of};

/// The projects and images of this run.
struct World {
    url: String,
    owner: String,
    other_owner: String,
    member: String,
    second_member: String,
    /// The owner's shared images, in creation order.
    images: Vec<String>,
    /// The other owner's image, shared with `member` too.
    foreign: String,
}

/// Creates an image of `token`'s project named `name` with `visibility`: its ID.
fn create_image(url: &str, token: &str, name: &str, visibility: &str) -> String {
    let body = json!({"name": name, "visibility": visibility,
                      "disk_format": "raw", "container_format": "bare"});
    glance_call(url, "POST", "/v2/images", token, Some(body))["id"].as_str().unwrap().to_string()
}

/// Creates this run's projects and images once per test binary.
fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let url = required_url("IMS_E2E_GLANCE_URL");
        let run = run_name();
        let project = |role: &str| format!("audit-{role}-{run}");
        let (owner, other_owner) = (project("owner"), project("other"));
        let (member, second_member) = (project("m1"), project("m2"));
        let create = |token: &str, name: &str| create_image(&url, token, name, "shared");
        let images: Vec<String> = (0..6).map(|n| create(&owner, &format!("audit-{n}"))).collect();
        let foreign = create(&other_owner, "audit-foreign");
        let share = |token: &str, image: &str, with: &str| {
            let path = format!("/v2/images/{image}/members");
            glance_call(&url, "POST", &path, token, Some(json!({ "member": with })));
        };
        for image in &images[..4] {
            share(&owner, image, &member);
        }
        for image in &images[..2] {
            share(&owner, image, &second_member);
        }
        share(&other_owner, &foreign, &member);
        let answer = |image: &str, status: &str| {
            let path = format!("/v2/images/{image}/members/{member}");
            glance_call(&url, "PUT", &path, &member, Some(json!({ "status": status })));
        };
        answer(&images[0], "accepted");
        answer(&images[1], "rejected");
        World { url, owner, other_owner, member, second_member, images, foreign }
    })
}

/// `ims --endpoint URL --token PROJECT --project-id PROJECT ARGS...`.
fn ims(project: &str, args: &[&str]) -> Output {
    let out = ims_any(project, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr_of(&out));
    out
}

fn json_of(out: &Output) -> Vec<Value> {
    serde_json::from_slice(&out.stdout).expect("a JSON array")
}

fn ids_of(values: &[Value], key: &str) -> Vec<String> {
    values.iter().map(|v| v[key].as_str().unwrap_or_default().to_string()).collect()
}

/// Every image of a raw image list as `token`, following Glance's `next` links.
fn raw_images(token: &str, query: &str) -> Vec<Value> {
    let world = world();
    let mut images = Vec::new();
    let mut path = format!("/v2/images?{query}");
    loop {
        let page = glance_call(&world.url, "GET", &path, token, None);
        images.extend(page["images"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(next) => path = next.to_string(),
            None => return images,
        }
    }
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn e2e_audit_owner_sees_its_shared_images_and_no_one_elses() {
    let world = world();
    let listed = json_of(&ims(&world.owner, &["image", "list", "-o", "json"]));
    let raw = raw_images(&world.owner, &format!("visibility=shared&owner={}", world.owner));
    assert_eq!(listed, raw);
    let mut ids = ids_of(&listed, "id");
    ids.sort();
    let mut expected = world.images.clone();
    expected.sort();
    assert_eq!(ids, expected);
    assert!(!ids.contains(&world.foreign));
    let other = json_of(&ims(&world.other_owner, &["image", "list", "-o", "json"]));
    assert_eq!(ids_of(&other, "id"), vec![world.foreign.clone()]);
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn e2e_audit_paging_with_limit_2_gives_the_same_list() {
    let world = world();
    let whole = ims(&world.owner, &["image", "list", "-o", "ids"]);
    let paged = ims(&world.owner, &["-v", "image", "list", "--limit", "2", "-o", "ids"]);
    assert_eq!(String::from_utf8_lossy(&paged.stdout).lines().count(), 6);
    assert_eq!(paged.stdout, whole.stdout);
    let requests = stderr_of(&paged)
        .lines()
        .filter(|line| line.contains("GET ") && line.contains("/v2/images?"))
        .count();
    assert!(requests >= 3, "{}", stderr_of(&paged));
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn e2e_audit_learns_glance_rules_from_the_version_document_once() {
    let world = world();
    let sandbox = Sandbox::new();
    let run = || {
        let mut cmd = sandbox.ims();
        cmd.args(["--endpoint", &world.url, "--token", &world.owner, "--project-id", &world.owner]);
        let out = cmd.args(["-v", "image", "list", "-o", "ids"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        stderr_of(&out)
    };
    // Glance answers its root with 300 and the versions up to 2.17: Glance's rules, asked
    // once, then remembered; the list asks `visibility=shared`.
    let root = format!("ims: GET {}/ -> 300", world.url.trim_end_matches('/'));
    let first = run();
    assert!(first.lines().any(|line| line.starts_with(&root)), "{first}");
    assert!(first.contains("visibility=shared"), "{first}");
    let second = run();
    assert!(!second.contains(&root), "{second}");
    let dir = sandbox.dir.path().join("cache/ims/rules");
    let remembered: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect();
    assert_eq!(remembered, ["glance\n"]);
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn e2e_audit_member_sees_incoming_images_with_its_status() {
    let world = world();
    let listed = json_of(&ims(&world.member, &["image", "list", "--incoming", "-o", "json"]));
    let mut expected = Vec::new();
    for status in ["accepted", "pending", "rejected"] {
        for mut image in
            raw_images(&world.member, &format!("visibility=shared&member_status={status}"))
        {
            image["member_status"] = json!(status);
            expected.push(image);
        }
    }
    assert_eq!(listed, expected);
    let status_of = |id: &str| {
        listed
            .iter()
            .find(|image| image["id"] == id)
            .map(|image| image["member_status"].as_str().unwrap().to_string())
    };
    assert_eq!(status_of(&world.images[0]).as_deref(), Some("accepted"));
    assert_eq!(status_of(&world.images[1]).as_deref(), Some("rejected"));
    assert_eq!(status_of(&world.images[2]).as_deref(), Some("pending"));
    assert_eq!(status_of(&world.foreign).as_deref(), Some("pending"));
    assert_eq!(status_of(&world.images[5]), None);

    let pending =
        ims(&world.member, &["image", "list", "--incoming", "--status", "pending", "-o", "ids"]);
    let mut pending: Vec<String> =
        String::from_utf8_lossy(&pending.stdout).lines().map(str::to_string).collect();
    pending.sort();
    let mut expected =
        vec![world.images[2].clone(), world.images[3].clone(), world.foreign.clone()];
    expected.sort();
    assert_eq!(pending, expected);
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn e2e_audit_member_list_all_is_the_union_of_per_image_lists() {
    let world = world();
    let all = json_of(&ims(&world.owner, &["member", "list", "--all", "-o", "json"]));
    let order = ids_of(&json_of(&ims(&world.owner, &["image", "list", "-o", "json"])), "id");
    let mut expected = Vec::new();
    for image in &order {
        let page = glance_call(
            &world.url,
            "GET",
            &format!("/v2/images/{image}/members"),
            &world.owner,
            None,
        );
        expected.extend(page["members"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(all, expected);
    assert_eq!(all.len(), 6);
    let pending = json_of(&ims(
        &world.owner,
        &["member", "list", "--all", "--status", "pending", "-o", "json"],
    ));
    assert!(pending.iter().all(|m| m["status"] == "pending"));
    assert!(ids_of(&pending, "member_id").contains(&world.second_member), "{pending:?}");
}

/// `ims --endpoint URL --token PROJECT --project-id PROJECT ARGS...`, any exit code.
fn ims_any(project: &str, args: &[&str]) -> Output {
    let args = [&["--project-id", project], args].concat();
    ims_at(&world().url, project, &args, None)
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn e2e_changes_the_whole_share_life_cycle() {
    let world = world();
    let owner = format!("{}-lc", world.owner);
    let (alpha, beta) = (format!("{}-lc-a", world.member), format!("{}-lc-b", world.member));
    let image = create_image(&world.url, &owner, "life-cycle", "shared");
    let raw_members = || member_statuses(&world.url, &image, &owner);

    let added = ims(&owner, &["member", "add", &image, &alpha, &beta, "-o", "json"]);
    assert_eq!(json_of(&added).len(), 2);
    assert_eq!(
        raw_members(),
        vec![(alpha.clone(), "pending".to_string()), (beta.clone(), "pending".to_string())]
    );
    let accepted = ims(&alpha, &["member", "accept", &image, "-o", "json"]);
    assert_eq!(json_of(&accepted)[0]["status"], "accepted");
    ims(&beta, &["member", "reject", &image]);
    let listed = json_of(&ims(&owner, &["member", "list", &image, "-o", "json"]));
    let mut statuses: Vec<(String, String)> = listed
        .iter()
        .map(|m| {
            (
                m["member_id"].as_str().unwrap().to_string(),
                m["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    statuses.sort();
    assert_eq!(
        statuses,
        vec![(alpha.clone(), "accepted".to_string()), (beta.clone(), "rejected".to_string())]
    );
    assert_eq!(statuses, raw_members());

    let removed = ims(&owner, &["member", "remove", &image, &beta, "--yes"]);
    assert_eq!(removed.stdout, b"");
    assert_eq!(stderr_of(&removed), format!("ims: removed {beta} from image {image}\n"));
    assert_eq!(raw_members(), vec![(alpha.clone(), "accepted".to_string())]);

    // Running them again changes nothing and still succeeds.
    let again = ims(&owner, &["member", "add", &image, &alpha, "-o", "ids"]);
    assert_eq!(String::from_utf8_lossy(&again.stdout), format!("{alpha}\n"));
    assert_eq!(stderr_of(&again), format!("ims: {alpha} is already a member of image {image}\n"));
    let again = ims(&owner, &["member", "remove", &image, &beta, "--yes"]);
    assert_eq!(
        stderr_of(&again),
        format!("ims: {beta} is not a member of image {image}: nothing to remove\n")
    );
    assert_eq!(raw_members(), vec![(alpha.clone(), "accepted".to_string())]);

    // A member cannot share the image on.
    let refused = ims_any(&alpha, &["member", "add", &image, &beta]);
    assert_eq!(refused.status.code(), Some(4), "{}", stderr_of(&refused));
    assert_eq!(raw_members(), vec![(alpha.clone(), "accepted".to_string())]);

    // A dry run sends nothing.
    let dry = ims(&owner, &["member", "remove", &image, &alpha, "--dry-run"]);
    assert_eq!(
        String::from_utf8_lossy(&dry.stdout),
        format!("DELETE {}/v2/images/{image}/members/{alpha}\n", world.url)
    );
    assert_eq!(raw_members(), vec![(alpha.clone(), "accepted".to_string())]);
}

/// The two lines of a refused `member add`: the error (its request id left out) and the
/// advice.
fn refusal_lines(out: &Output) -> Vec<String> {
    assert_eq!(out.status.code(), Some(4), "{}", stderr_of(out));
    assert_eq!(out.stdout, b"");
    stderr_of(out)
        .lines()
        .map(|line| match line.find(" (request id req-") {
            Some(at) if line.ends_with(')') => line[..at].to_string(),
            _ => line.to_string(),
        })
        .collect()
}

#[test]
#[ignore = "needs a real Glance: run scripts/test"]
fn e2e_a_refused_add_says_whether_the_image_is_private_or_another_projects() {
    let world = world();
    let owner = format!("{}-advice", world.owner);
    let private = create_image(&world.url, &owner, "advice-private", "private");
    let out = ims_any(&owner, &["member", "add", &private, &world.member]);
    assert_eq!(
        refusal_lines(&out),
        [
            format!(
                "ims: error: image {private}, member {}: HTTP 403 Forbidden: Not allowed to \
                 create members for image {private}.",
                world.member
            ),
            format!(
                "ims: advice: image {private} is private, and Glance takes members only on \
                 images whose visibility is `shared`: make it shared (`ims share apply` does \
                 so, or `openstack image set --shared {private}`), then add the members"
            ),
        ]
    );
    // A member of another project's image cannot share it on.
    let foreign = &world.foreign;
    let out = ims_any(&world.member, &["member", "add", foreign, &world.second_member]);
    assert_eq!(
        refusal_lines(&out),
        [
            format!(
                "ims: error: image {foreign}, member {}: HTTP 403 Forbidden: You are not \
                 authorized to complete add_member action.",
                world.second_member
            ),
            format!(
                "ims: advice: image {foreign} belongs to project {}: only its owner can \
                 share it",
                world.other_owner
            ),
        ]
    );
}
