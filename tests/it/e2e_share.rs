//! End to end: desired sharing (`ims share plan|check|apply|export`) against the real
//! Glance of `scripts/local-glance` (fakeauth: the token `tok-PROJECT` signs in as PROJECT).
//! The run makes its own owner, two consumer projects with their own ims profiles, a
//! member without one, and images (private, shared, tagged), so it never sees another
//! test's images.
//! Apply runs at the default `--jobs`: the local Glance's SQLite takes concurrent member
//! writes (scripts/local-glance: BEGIN IMMEDIATE with a busy timeout), so nothing here is
//! sent twice to get past a "database is locked".

use std::process::Output;

use serde_json::{Value, json};

use crate::fixtures::real::{
    assert_code, assert_stderr_has, glance_call as call, ims_at, member_statuses, over_time,
    required_url, run_name,
};
use crate::util::{Sandbox, stderr_of, stdout_of};

/// This run's projects, images and sandbox (config file and shares file).
struct Run {
    url: String,
    owner: String,
    a: String,
    b: String,
    /// A member with no consumer profile: its shares stay pending.
    c: String,
    /// Private, then shared by the first apply.
    golden1: String,
    /// Shared.
    golden2: String,
    /// Shared, tagged, with `c` as a member the file does not name.
    tagged: String,
    sandbox: Sandbox,
}

impl Run {
    fn new() -> Run {
        let (url, run) = (required_url("IMS_E2E_GLANCE_URL"), run_name());
        let project = |role: &str| format!("share-{role}-{run}");
        let owner = project("owner");
        let create = |name: &str, visibility: &str, tags: Value| -> String {
            let body = json!({"name": name, "visibility": visibility, "tags": tags,
                              "disk_format": "raw", "container_format": "bare"});
            call(&url, "POST", "/v2/images", &owner, Some(body))["id"].as_str().unwrap().to_string()
        };
        let golden1 = create(&format!("golden-{run}-1"), "private", json!([]));
        let golden2 = create(&format!("golden-{run}-2"), "shared", json!([]));
        let tagged = create(&format!("tagged-{run}"), "shared", json!([format!("t-{run}")]));
        let c = project("c");
        let path = format!("/v2/images/{tagged}/members");
        call(&url, "POST", &path, &owner, Some(json!({ "member": c })));
        let sandbox = Sandbox::new();
        let (a, b) = (project("a"), project("b"));
        let profile = |name: &str, project: &str| {
            format!(
                "[profiles.{name}]\nendpoint = \"{url}\"\ntoken = \"tok-{project}\"\n\
                 project_id = \"{project}\"\n"
            )
        };
        sandbox.config(&format!(
            "default_profile = \"owner\"\n{}{}{}",
            profile("owner", &owner),
            profile("tenant-a", &a),
            profile("tenant-b", &b)
        ));
        sandbox.file(
            "shares.toml",
            &format!(
                "[[share]]\nnames = [\"golden-{run}-*\"]\nimages = [\"{golden2}\"]\n\
                 members = [\"{a}\", \"{b}\"]\n\n\
                 [[share]]\ntags = [\"t-{run}\"]\nmembers = [\"{a}\"]\n\n\
                 [consumers]\n\"{a}\" = \"tenant-a\"\n\"{b}\" = {{ profile = \"tenant-b\" }}\n"
            ),
        );
        Run { url, owner, a, b, c, golden1, golden2, tagged, sandbox }
    }

    /// `ims share ARGS` as the owner (the config's default profile).
    fn share(&self, args: &[&str]) -> Output {
        self.sandbox.ims().arg("share").args(args).output().expect("run ims")
    }

    /// `ims share apply ARGS` at the default `--jobs`.
    fn apply(&self, args: &[&str]) -> Output {
        let args: Vec<&str> = ["apply"].into_iter().chain(args.iter().copied()).collect();
        self.share(&args)
    }

    /// `DELETE path` as the owner.
    fn delete(&self, path: &str) {
        call(&self.url, "DELETE", path, &self.owner, None);
    }

    /// `(member, status)` of each member of `image`, as Glance lists them to the owner.
    fn members(&self, image: &str) -> Vec<(String, String)> {
        member_statuses(&self.url, image, &self.owner)
    }
}

#[test]
#[ignore = "needs the local Glance: run scripts/test"]
fn e2e_share_plan_apply_check_drift_prune_and_export() {
    let run = Run::new();
    let accepted = |who: &String| (who.clone(), "accepted".to_string());

    // The plan: golden-1 made shared; a and b added to both golden images (golden-2, given
    // by ID, first) and accepted by their own profiles; a added to the tagged image and
    // accepted; c is not touched.
    let out = run.share(&["plan", "-o", "json"]);
    assert_code(&out, 0, "plan");
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<(String, String, String)> = plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["action"].as_str().unwrap().to_string(),
                a["image_id"].as_str().unwrap().to_string(),
                a["member_id"].as_str().unwrap_or("—").to_string(),
            )
        })
        .collect();
    let row = |action: &str, image: &str, member: &str| {
        (action.to_string(), image.to_string(), member.to_string())
    };
    let (g1, g2, t) = (&run.golden1, &run.golden2, &run.tagged);
    let (a, b) = (&run.a, &run.b);
    assert_eq!(
        rows,
        [
            row("visibility", g1, "—"),
            row("add", g2, a),
            row("add", g2, b),
            row("add", g1, a),
            row("add", g1, b),
            row("add", t, a),
            row("accept", g2, a),
            row("accept", g2, b),
            row("accept", g1, a),
            row("accept", g1, b),
            row("accept", t, a),
        ]
    );
    assert_eq!(plan["in_sync"], 0);
    assert_code(&run.share(&["check"]), 10, "check before apply");

    // Apply, then the cloud matches: check is clean.
    let out = run.apply(&[]);
    assert_code(&out, 0, "apply");
    assert!(
        stderr_of(&out).ends_with("ims: applied: the cloud matches shares.toml (5 in sync)\n"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(run.members(g1), [accepted(a), accepted(b)]);
    assert_eq!(run.members(g2), [accepted(a), accepted(b)]);
    let pending_c = (run.c.clone(), "pending".to_string());
    assert_eq!(run.members(t), [accepted(a), pending_c.clone()]);
    let out = run.share(&["check"]);
    assert_code(&out, 0, "check after apply");
    assert_eq!(stdout_of(&out), "");

    // A second apply sends no changing request: every traced request is a GET.
    let out = run.apply(&["-v"]);
    assert_code(&out, 0, "second apply");
    let stderr = stderr_of(&out);
    let traced: Vec<&str> = stderr.lines().filter(|line| line.contains(" -> ")).collect();
    assert!(!traced.is_empty());
    assert!(traced.iter().all(|line| line.starts_with("ims: GET ")), "{traced:#?}");

    // A member removed behind ims's back is drift, and apply restores it.
    let path = format!("/v2/images/{g2}/members/{a}");
    run.delete(&path);
    let out = run.share(&["check", "-o", "ids"]);
    assert_code(&out, 10, "check after drift");
    assert_eq!(stdout_of(&out), format!("{g2}\n"));
    assert_code(&run.apply(&[]), 0, "apply after drift");
    assert_eq!(run.members(g2), [accepted(a), accepted(b)]);
    assert_code(&run.share(&["check"]), 0, "check after repair");

    // With prune, c (which the file does not name) is removed from the tagged image; off a
    // terminal that needs --yes.
    let out = run.share(&["check", "--prune", "-o", "csv"]);
    assert_code(&out, 10, "check --prune");
    assert_eq!(
        stdout_of(&out),
        format!(
            "Action,Image ID,Image Name,Member ID,From,To\nremove,{t},{},{},pending,—\n",
            format_args!("tagged-{}", &run.owner["share-owner-".len()..]),
            run.c
        )
    );
    assert_code(&run.share(&["apply", "--prune"]), 2, "prune without --yes");
    assert_eq!(run.members(t), [accepted(a), pending_c]);
    assert_code(&run.apply(&["--prune", "--yes"]), 0, "apply --prune");
    assert_eq!(run.members(t), [accepted(a)]);

    // Export: a file that checks clean against the same cloud, with prune too.
    let out = run.share(&["export", g1, g2, t]);
    assert_code(&out, 0, "export");
    let exported = stdout_of(&out);
    assert!(
        exported.contains(&format!("[[share]]\nimages = [\n    \"{t}\", # tagged-")),
        "{exported}"
    );
    run.sandbox.file("exported.toml", &exported);
    let out = run.share(&["check", "--prune", "-f", "exported.toml"]);
    assert_code(&out, 0, "check of the export");
    assert_eq!(
        stderr_of(&out),
        "ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 5 in sync\n"
    );
}

#[test]
#[ignore = "needs the local Glance: run scripts/test"]
fn e2e_share_refuses_foreign_and_missing_images_and_a_consumer_of_another_project() {
    let run = Run::new();
    let other = format!("{}-x", run.owner);
    let theirs = call(
        &run.url,
        "POST",
        "/v2/images",
        &other,
        Some(json!({"name": "theirs", "visibility": "shared",
                    "disk_format": "raw", "container_format": "bare"})),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Visible to the owner (a member) but someone else's: exit 4. Invisible: exit 5.
    let path = format!("/v2/images/{theirs}/members");
    call(&run.url, "POST", &path, &other, Some(json!({"member": run.owner})));
    run.sandbox.file(
        "theirs.toml",
        &format!("[[share]]\nimages = [\"{theirs}\"]\nmembers = [\"{}\"]\n", run.a),
    );
    let out = run.share(&["apply", "--yes", "-f", "theirs.toml"]);
    assert_code(&out, 4, "someone else's image");
    assert!(stderr_of(&out).contains("only its owner can share it"), "{}", stderr_of(&out));
    run.sandbox.file(
        "missing.toml",
        &format!(
            "[[share]]\nimages = [\"00000000-0000-4000-8000-000000000000\"]\nmembers = [\"{}\"]\n",
            run.a
        ),
    );
    assert_code(&run.share(&["apply", "--yes", "-f", "missing.toml"]), 5, "a missing image");
    // b's profile signs in as b, not as a: exit 3, and nothing changed.
    run.sandbox.file(
        "wrong.toml",
        &format!(
            "[[share]]\nimages = [\"{}\"]\nmembers = [\"{}\"]\n[consumers]\n\"{}\" = \"tenant-b\"\n",
            run.golden2, run.a, run.a
        ),
    );
    let out = run.share(&["apply", "--yes", "-f", "wrong.toml"]);
    assert_code(&out, 3, "a consumer of another project");
    assert_eq!(run.members(&run.golden2), []);
}

/// Glance hides the members an image had before it was made private and shows them again
/// once it is shared: apply reads them right after its visibility change. With prune the
/// one the file does not name is removed in the same run, so a second apply sends no
/// changing request; without prune a note names it, as it can see the image again.
#[test]
#[ignore = "needs the local Glance: run scripts/test"]
fn e2e_share_members_hidden_by_a_private_image_are_pruned_in_the_same_run() {
    let run = Run::new();
    let (url, owner, a, c) = (&run.url, &run.owner, &run.a, &run.c);
    let hiding = |name: &str| -> String {
        let body = json!({"name": name, "visibility": "shared",
                          "disk_format": "raw", "container_format": "bare"});
        let id =
            call(url, "POST", "/v2/images", owner, Some(body))["id"].as_str().unwrap().to_string();
        call(url, "POST", &format!("/v2/images/{id}/members"), owner, Some(json!({ "member": c })));
        let private = json!([{"op": "replace", "path": "/visibility", "value": "private"}]);
        call(url, "PATCH", &format!("/v2/images/{id}"), owner, Some(private));
        id
    };
    let (pruned, kept) = (hiding("hiding-pruned"), hiding("hiding-kept"));
    let file = |image: &str| {
        format!(
            "[[share]]\nimages = [\"{image}\"]\nmembers = [\"{a}\"]\n[consumers]\n\"{a}\" = \"tenant-a\"\n"
        )
    };
    let accepted = |who: &String| (who.clone(), "accepted".to_string());

    run.sandbox.file("pruned.toml", &file(&pruned));
    let out = run.apply(&["--prune", "--yes", "-f", "pruned.toml"]);
    assert_code(&out, 0, "apply --prune of a private image with hidden members");
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&format!(
            "ims: note: image {pruned} (hiding-pruned) shows member {c} again, which it had \
             before it was made private: removed, as the file does not name it\n"
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("ims: removed {c} from image {pruned}\n")), "{stderr}");
    assert_eq!(run.members(&pruned), [accepted(a)]);
    let out = run.apply(&["--prune", "--yes", "-v", "-f", "pruned.toml"]);
    assert_code(&out, 0, "second apply --prune");
    let stderr = stderr_of(&out);
    let traced: Vec<&str> = stderr.lines().filter(|line| line.contains(" -> ")).collect();
    assert!(!traced.is_empty());
    assert!(traced.iter().all(|line| line.starts_with("ims: GET ")), "{traced:#?}");

    run.sandbox.file("kept.toml", &file(&kept));
    let out = run.apply(&["-f", "kept.toml"]);
    assert_code(&out, 0, "apply without prune");
    assert!(
        stderr_of(&out).contains(&format!(
            "ims: note: image {kept} (hiding-kept) shows member {c} again, which it had \
             before it was made private: {c} can see it again (the file does not name it; \
             --prune removes it)\n"
        )),
        "{}",
        stderr_of(&out)
    );
    let mut members = run.members(&kept);
    members.sort();
    let mut expected = vec![accepted(a), (c.clone(), "pending".to_string())];
    expected.sort();
    assert_eq!(members, expected);
}

#[test]
#[ignore = "needs the local Glance: run scripts/test"]
fn e2e_share_over_time_newest_until_and_saved_plans() {
    let run = Run::new();
    let id = run.owner["share-owner-".len()..].to_string();
    let (url, owner, a, b, c) = (&run.url, &run.owner, &run.a, &run.b, &run.c);
    // Builds a second apart: Glance's created_at counts seconds.
    let build = |n: u32| -> String {
        let body = json!({"name": format!("build-{id}-{n}"), "visibility": "shared",
                          "disk_format": "raw", "container_format": "bare"});
        let image =
            call(url, "POST", "/v2/images", owner, Some(body))["id"].as_str().unwrap().to_string();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        image
    };
    let accepted = |who: &String| vec![(who.clone(), "accepted".to_string())];
    let none: Vec<(String, String)> = Vec::new();

    // A three-build rotation: the newest two are shared with a (and accepted by a's own
    // profile); the oldest is named in a note and, with prune, keeps no member.
    let (b1, b2, b3) = (build(1), build(2), build(3));
    run.sandbox.file(
        "rotation.toml",
        &format!(
            "prune = true\n[[share]]\nnames = [\"build-{id}-*\"]\nnewest = 2\n\
             members = [\"{a}\"]\n[consumers]\n\"{a}\" = \"tenant-a\"\n"
        ),
    );
    let out = run.apply(&["--yes", "-f", "rotation.toml"]);
    assert_code(&out, 0, "rotation");
    assert_stderr_has(&out, &over_time::dropped(&format!("build-{id}-1"), 2, 2));
    assert_eq!((run.members(&b1), run.members(&b2)), (none.clone(), accepted(a)));
    assert_eq!(run.members(&b3), accepted(a));

    // A fourth build arrives: it is shared, and the second drops out with its member.
    let b4 = build(4);
    let out = run.share(&["check", "-f", "rotation.toml", "-o", "csv"]);
    assert_code(&out, 10, "check after the fourth build");
    let (name4, name2) = (format!("build-{id}-4"), format!("build-{id}-2"));
    assert_eq!(stdout_of(&out), over_time::fourth_build_csv((&b4, &name4), (&b2, &name2), a));
    assert_code(&run.apply(&["--yes", "-f", "rotation.toml"]), 0, "rotation again");
    assert_eq!((run.members(&b2), run.members(&b3)), (none.clone(), accepted(a)));
    assert_eq!(run.members(&b4), accepted(a));

    // An entry that ended: with prune, its pairs are removed; the other entry's stay.
    run.sandbox.file(
        "expired.toml",
        &format!(
            "prune = true\n[[share]]\nimages = [\"{b4}\"]\nmembers = [\"{a}\"]\n\
             [[share]]\nimages = [\"{b3}\"]\nmembers = [\"{a}\"]\nuntil = 2020-01-01\n"
        ),
    );
    let out = run.apply(&["--yes", "-f", "expired.toml"]);
    assert_code(&out, 0, "expired");
    let ended = over_time::ended(&format!("build-{id}-3"), a, "2020-01-01", 5);
    assert_stderr_has(&out, &ended);
    assert_eq!((run.members(&b3), run.members(&b4)), (none.clone(), accepted(a)));

    // A saved plan, applied exactly: b added to build 3 and accepted by b's profile.
    run.sandbox.file(
        "saved.toml",
        &format!(
            "[[share]]\nimages = [\"{b3}\"]\nmembers = [\"{b}\"]\n\
             [consumers]\n\"{b}\" = \"tenant-b\"\n"
        ),
    );
    let out = run.share(&["plan", "-f", "saved.toml", "--out", "plan.json", "-o", "markdown"]);
    assert_code(&out, 0, "plan --out");
    assert!(stdout_of(&out).starts_with("| Action | Image ID |"), "{}", stdout_of(&out));
    assert_eq!(run.members(&b3), none);
    let out = run.apply(&["--plan", "plan.json"]);
    assert_code(&out, 0, "apply --plan");
    assert!(
        stderr_of(&out).ends_with("ims: applied: every action of plan.json took effect (2)\n"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(run.members(&b3), accepted(b));

    // A stale plan: c is added to build 4 behind ims's back; the plan is refused whole.
    run.sandbox.file(
        "stale.toml",
        &format!("[[share]]\nimages = [\"{b4}\"]\nmembers = [\"{a}\", \"{b}\"]\n"),
    );
    assert_code(
        &run.share(&["plan", "-f", "stale.toml", "--out", "stale.json"]),
        0,
        "plan --out again",
    );
    let path = format!("/v2/images/{b4}/members");
    call(url, "POST", &path, owner, Some(json!({ "member": c })));
    let out = run.apply(&["--plan", "stale.json", "--yes"]);
    assert_code(&out, 11, "a stale plan");
    assert_stderr_has(&out, &format!("ims: stale: image {b4}: member {c} appeared (pending)\n"));
    let mut expected = accepted(a);
    expected.push((c.clone(), "pending".to_string()));
    expected.sort();
    let mut got = run.members(&b4);
    got.sort();
    assert_eq!(got, expected);
}

#[test]
#[ignore = "needs the local Glance: run scripts/test"]
fn e2e_member_add_accept_and_remove_of_many_pairs_at_default_jobs_all_succeed() {
    // Many concurrent member writes (the default --jobs) on the local Glance's SQLite: each
    // must succeed the first time, none answered "500 database is locked".
    let (url, run) = (required_url("IMS_E2E_GLANCE_URL"), run_name());
    let owner = format!("many-owner-{run}");
    let member = format!("many-m-{run}");
    let images: Vec<String> = (0..12)
        .map(|i| {
            let body = json!({"name": format!("many-{run}-{i}"), "visibility": "shared",
                              "disk_format": "raw", "container_format": "bare"});
            call(&url, "POST", "/v2/images", &owner, Some(body))["id"].as_str().unwrap().to_string()
        })
        .collect();
    let members: Vec<String> = (0..24).map(|i| format!("many-{run}-p{i}")).collect();
    fn ids(list: &[String]) -> Vec<&str> {
        list.iter().map(String::as_str).collect()
    }
    let as_owner = |args: &[&str]| ims_at(&url, &format!("tok-{owner}"), args, None);

    let mut args = vec!["member", "add", &images[0]];
    args.extend(ids(&members));
    let out = as_owner(&[args.as_slice(), &["-o", "ids"]].concat());
    assert_code(&out, 0, "member add of 24 members");
    assert_eq!(member_statuses(&url, &images[0], &owner).len(), 24);

    let out = ims_at(
        &url,
        &format!("tok-{owner}"),
        &["member", "add", "-", &member, "-o", "ids"],
        Some(&(images.join("\n") + "\n")),
    );
    assert_code(&out, 0, "member add to 12 images");
    let out = ims_at(
        &url,
        &format!("tok-{member}"),
        &[&["--project-id", &member, "member", "accept"][..], &ids(&images), &["-o", "ids"]]
            .concat(),
        None,
    );
    assert_code(&out, 0, "member accept of 12 images");
    let accepted = (member.clone(), "accepted".to_string());
    for image in &images[1..] {
        assert_eq!(member_statuses(&url, image, &owner), std::slice::from_ref(&accepted));
    }
    let first = member_statuses(&url, &images[0], &owner);
    assert_eq!(first.len(), 25);
    assert!(first.contains(&accepted), "{first:?}");

    let mut args = vec!["member", "remove", &images[0]];
    args.extend(ids(&members));
    let out = as_owner(&[args.as_slice(), &["--yes", "-o", "ids"]].concat());
    assert_code(&out, 0, "member remove of 24 members");
    assert_eq!(member_statuses(&url, &images[0], &owner), [accepted]);
}
