//! End to end on the local Huawei IMS of `scripts/local-ims` (`IMS_E2E_IMS_URL`, started by
//! `scripts/test`): Huawei's sharing rules (members on private images, no `visibility` patch,
//! `__imagetype=shared&owner=P` for the images a project shares out), batch jobs, token and
//! AK/SK sign-in, and desired sharing over time (`newest`, `until`, saved plans). Every case
//! runs under both readings of what the pages leave open about the `visibility` an owner
//! reads on a private image with members (`private`, `shared`), and the cases where a
//! member answers (`changes`, `share`, `over_time`) also under both readings of what a member
//! may read of an image's v1 members (`own`: its own record; `none`). The stand-in's
//! switches are set per owner project, so every reading runs at once on one server.
//!
//! Each run makes its own projects (tokens and an AK/SK pair registered through the
//! stand-in's `/_local` test hooks) and images, so runs never see each other's. What the
//! server received is read back from its request log (`GET /_local/requests`).
//!
//! Every case runs on both routes: the IMS API (`--api v1`) and the native v2 API, where
//! `ims` learns Huawei's rules from the version document by itself (`sharing_rules` auto).

use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{Value, json};

use crate::fixtures::real::{
    assert_code, assert_stderr_has, http_call, local_ims_seed_turn, member_pairs, over_time,
    required_url, run_name, run_script,
};
use crate::share_time::{csv_cells, table_cells};
use crate::util::{Sandbox, stderr_of, stdout_of};

/// What the owner reads as `visibility` on a private image that has members.
#[derive(Clone, Copy, Debug)]
pub enum Reading {
    Private,
    Shared,
}

impl Reading {
    fn as_str(self) -> &'static str {
        match self {
            Reading::Private => "private",
            Reading::Shared => "shared",
        }
    }
}

/// What a member may read of the v1 members of an image it does not own: its own record,
/// or nothing (`LOCAL_IMS_MEMBER_READS`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reads {
    Own,
    Refused,
}

impl Reads {
    fn as_str(self) -> &'static str {
        match self {
            Reads::Own => "own",
            Reads::Refused => "none",
        }
    }
}

/// One request to the stand-in's test hooks (`/_local/...`, no sign-in).
fn call(url: &str, method: &str, path: &str, body: Option<Value>) -> Value {
    http_call(url, method, path, None, body)
}

/// This run's projects and sign-ins on the local IMS.
struct World {
    url: String,
    run: String,
    reading: Reading,
    reads: Reads,
    owner: String,
    a: String,
    b: String,
    c: String,
    ak: String,
    sk: String,
}

impl World {
    /// Projects owner, a, b, c with tokens `tok-PROJECT`, one AK/SK pair for all four, and
    /// the owner's images read back under `reading`, their members reading as `reads` says.
    fn new(reading: Reading, reads: Reads) -> World {
        // Cases start in parallel, several in one millisecond: a counter makes each world's
        // name its own, so their projects, images and logged requests stay apart.
        static WORLDS: AtomicUsize = AtomicUsize::new(0);
        let url = required_url("IMS_E2E_IMS_URL");
        let world = WORLDS.fetch_add(1, Ordering::Relaxed);
        let run = format!("{}{}{world}-{}", reading.as_str(), reads.as_str(), run_name());
        let project = |role: &str| format!("hw-{role}-{run}");
        let world = World {
            reading,
            reads,
            owner: project("owner"),
            a: project("a"),
            b: project("b"),
            c: project("c"),
            ak: format!("AK{}", run.replace('-', "")),
            sk: format!("sk-{run}"),
            url,
            run,
        };
        for p in [&world.owner, &world.a, &world.b, &world.c] {
            world.hook("tokens", json!({"token": format!("tok-{p}"), "project": p}));
        }
        world.hook(
            "credentials",
            json!({"ak": world.ak, "sk": world.sk,
                   "projects": [world.owner, world.a, world.b, world.c]}),
        );
        world.hook(
            "projects",
            json!({"project": world.owner, "owner_visibility": reading.as_str(),
                   "member_reads": reads.as_str()}),
        );
        world
    }

    fn hook(&self, path: &str, body: Value) -> Value {
        call(&self.url, "POST", &format!("/_local/{path}"), Some(body))
    }

    /// A new image of `owner` (the run's owner when `None`).
    fn image(&self, name: &str, owner: Option<&str>, visibility: &str, tags: Value) -> String {
        self.image_with(name, owner, visibility, tags, json!({}))
    }

    fn image_with(
        &self,
        name: &str,
        owner: Option<&str>,
        visibility: &str,
        tags: Value,
        attrs: Value,
    ) -> String {
        let body = json!({"owner": owner.unwrap_or(&self.owner), "name": format!("{name}-{}", self.run),
                          "visibility": visibility, "tags": tags, "attrs": attrs});
        self.hook("images", body)["id"].as_str().unwrap().to_string()
    }

    /// Makes `member` a member of `image` in `status`, behind ims's back.
    fn member(&self, image: &str, member: &str, status: &str) {
        self.hook("members", json!({"image": image, "member": member, "status": status}));
    }

    /// `(member, status)` of each member of `image`, as the server holds them (read by a
    /// test hook, so the request log shows only what `ims` sent).
    fn members(&self, image: &str) -> Vec<(String, String)> {
        let page = call(&self.url, "GET", &format!("/_local/members/{image}"), None);
        member_pairs(page["members"].as_array().expect("a member list"))
    }

    /// The requests the server received from one of this run's projects (signed in as it),
    /// or naming this run.
    fn requests(&self) -> Vec<Value> {
        let log = call(&self.url, "GET", "/_local/requests", None);
        let ours = [&self.owner, &self.a, &self.b, &self.c];
        log["requests"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| {
                ours.iter().any(|p| r["project"] == json!(p) || r["project_header"] == json!(p))
                    || r.to_string().contains(&self.run)
            })
            .cloned()
            .collect()
    }

    /// `ims --endpoint URL --token tok-PROJECT --project-id PROJECT --api API ARGS`.
    fn ims(&self, project: &str, api: &str, args: &[&str]) -> Output {
        let sandbox = Sandbox::new();
        let mut cmd = sandbox.ims();
        cmd.args(["--endpoint", &self.url, "--token", &format!("tok-{project}")])
            .args(["--project-id", project, "--api", api])
            .args(args);
        cmd.output().expect("run ims")
    }

    /// The same, signed in with the run's AK/SK (`IMS_ACCESS_KEY`, `IMS_SECRET_KEY`).
    fn ims_aksk(&self, project: &str, api: &str, args: &[&str]) -> Output {
        let sandbox = Sandbox::new();
        let mut cmd = sandbox.ims();
        cmd.env("IMS_ENDPOINT", &self.url)
            .env("IMS_ACCESS_KEY", &self.ak)
            .env("IMS_SECRET_KEY", &self.sk)
            .env("IMS_PROJECT_ID", project)
            .env("IMS_API", api)
            .args(args);
        cmd.output().expect("run ims")
    }

    /// A sandbox whose config has profiles `owner` (the default, by token), `tenant-a` (by
    /// token) and `tenant-b` (by AK/SK), each on `api`: the consumers of `ims share`.
    fn share_sandbox(&self, api: &str) -> Sandbox {
        let sandbox = Sandbox::new();
        let (url, owner, a, b) = (&self.url, &self.owner, &self.a, &self.b);
        sandbox.config(&format!(
            "default_profile = \"owner\"\n\
             [profiles.owner]\nendpoint = \"{url}\"\ntoken = \"tok-{owner}\"\nproject_id = \"{owner}\"\napi = \"{api}\"\n\
             [profiles.tenant-a]\nendpoint = \"{url}\"\ntoken = \"tok-{a}\"\nproject_id = \"{a}\"\napi = \"{api}\"\n\
             [profiles.tenant-b]\nendpoint = \"{url}\"\naccess_key = \"{}\"\nsecret_key = \"{}\"\nproject_id = \"{b}\"\napi = \"{api}\"\n",
            self.ak, self.sk
        ));
        sandbox
    }

    /// Checks what `out`, the answer of `member` on `api` setting `status` on `images`,
    /// says about reading it back: where members may read nothing of the v1 members, one
    /// note per image that the job's SUCCESS stands for it (the service refused the read
    /// with 403); otherwise none.
    fn assert_read_back(
        &self,
        out: &Output,
        api: &str,
        member: &str,
        status: &str,
        images: &[&str],
    ) {
        let tail = format!(
            "succeeded, so {member} is {status}; the service did not let it read that back (HTTP 403)"
        );
        let noted: Vec<&str> = images
            .iter()
            .copied()
            .filter(|image| {
                stderr_of(out).lines().any(|line| {
                    line.starts_with(&format!("ims: image {image}: job ")) && line.ends_with(&tail)
                })
            })
            .collect();
        let refused = api == "v1" && self.reads == Reads::Refused;
        assert_eq!(noted, if refused { images.to_vec() } else { vec![] }, "{}", stderr_of(out));
        assert_eq!(stderr_of(out).contains("read that back"), refused, "{}", stderr_of(out));
    }

    /// A member never asked for the member list of an image it does not own: it reads
    /// back its own record only (the narrowest read the pages offer it).
    fn assert_members_read_their_own(&self) {
        for request in self.requests() {
            let path = request["path"].as_str().unwrap_or("");
            let member =
                [&self.a, &self.b, &self.c].into_iter().any(|p| request["project"] == json!(p));
            assert!(
                !(member && path.ends_with("/members") && request["method"] == "GET"),
                "{request}"
            );
        }
    }

    /// What the owner reads as `visibility` on a private image with members.
    fn shown(&self) -> &'static str {
        self.reading.as_str()
    }
}

fn json_of(out: &Output) -> Vec<Value> {
    serde_json::from_slice::<Vec<Value>>(&out.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", stdout_of(out)))
}

/// `text` in standard Base64 with padding, as the stand-in writes its markers, then
/// percent-encoded as a query value.
fn base64_of(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            let index = (n >> (18 - 6 * i)) & 63;
            out.push(if i <= chunk.len() { char::from(ALPHABET[index as usize]) } else { '=' });
        }
    }
    out.replace('+', "%2B").replace('/', "%2F").replace('=', "%3D")
}

fn pair(member: &str, status: &str) -> (String, String) {
    (member.to_string(), status.to_string())
}

/// No request of the run changed an image's attributes (no PATCH), and none named
/// `visibility` in its body.
fn assert_no_visibility_patch(world: &World) {
    let sent = world.requests();
    assert!(!sent.is_empty());
    for request in &sent {
        assert_ne!(request["method"], "PATCH", "{request}");
        assert!(!request["body"].as_str().unwrap_or("").contains("/visibility"), "{request}");
    }
}

/// The scenario of issue 25: a private image with two members (one accepted, one pending),
/// another private image with one pending member, a tagged private image without members,
/// a public image, and an image another project shares with the owner.
struct Audit {
    two: String,
    one: String,
    tagged: String,
    incoming: String,
}

impl Audit {
    fn new(world: &World) -> Audit {
        let two = world.image("two", None, "private", json!([]));
        world.member(&two, &world.a, "accepted");
        world.member(&two, &world.b, "pending");
        let one = world.image("one", None, "private", json!([]));
        world.member(&one, &world.a, "pending");
        let tagged = world.image("tagged", None, "private", json!([format!("t-{}", world.run)]));
        world.image("public", None, "public", json!([]));
        let incoming = world.image("incoming", Some(&world.c), "private", json!([]));
        world.member(&incoming, &world.owner, "pending");
        Audit { two, one, tagged, incoming }
    }
}

// ---------------------------------------------------------------------------------------------
// The cases, each a function of the reading; `cases!` makes one test per reading.

/// Audit with `api`: image list --shared/--incoming, member list (one image and --all),
/// member show.
fn audit(reading: Reading, reads: Reads, api: &str) {
    let world = World::new(reading, reads);
    let s = Audit::new(&world);
    let owner = &world.owner;

    let out = world.ims(owner, api, &["image", "list", "--shared", "-o", "json"]);
    assert_code(&out, 0, "image list --shared");
    let listed = json_of(&out);
    let ids: Vec<&str> = listed.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [s.one.as_str(), s.two.as_str()],
        "newest first; the tagged image has no members"
    );
    assert!(listed.iter().all(|i| i["visibility"] == world.shown()), "{listed:#?}");
    assert!(!ids.contains(&s.tagged.as_str()));

    let out = world.ims(owner, api, &["image", "list", "--incoming", "-o", "json"]);
    assert_code(&out, 0, "image list --incoming");
    let incoming: Vec<(String, String)> = json_of(&out)
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_string(),
                i["member_status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(incoming, [pair(&s.incoming, "pending")]);

    let out = world.ims(owner, api, &["member", "list", &s.two, "-o", "json"]);
    assert_code(&out, 0, "member list");
    assert_eq!(
        member_pairs(&json_of(&out)),
        [pair(&world.a, "accepted"), pair(&world.b, "pending")]
    );

    // Pages of one: the image list follows `next` (v2) or the last ID (v1), the member
    // list the Base64 `page_info.next_marker` (v1); the same answers either way.
    let out = world.ims(owner, api, &["image", "list", "--shared", "--limit", "1", "-o", "ids"]);
    assert_code(&out, 0, "image list --shared --limit 1");
    assert_eq!(stdout_of(&out), format!("{}\n{}\n", s.one, s.two));
    let out = world.ims(owner, api, &["member", "list", &s.two, "--limit", "1", "-o", "json"]);
    assert_code(&out, 0, "member list --limit 1");
    assert_eq!(
        member_pairs(&json_of(&out)),
        [pair(&world.a, "accepted"), pair(&world.b, "pending")]
    );
    if api == "v1" {
        let paged: Vec<String> = world
            .requests()
            .iter()
            .filter(|r| r["path"] == json!(format!("/v1/{owner}/cloudimages/{}/members", s.two)))
            .map(|r| r["query"].as_str().unwrap().to_string())
            .collect();
        let marker = base64_of(&world.a);
        assert!(paged.contains(&format!("limit=1&marker={marker}")), "{paged:?}");
    }

    let out = world.ims(owner, api, &["member", "list", "--all", "-o", "json"]);
    assert_code(&out, 0, "member list --all");
    let all: Vec<(String, String, String)> = json_of(&out)
        .iter()
        .map(|m| {
            let f = |k: &str| m[k].as_str().unwrap().to_string();
            (f("image_id"), f("member_id"), f("status"))
        })
        .collect();
    let row = |i: &str, m: &str, st: &str| (i.to_string(), m.to_string(), st.to_string());
    assert_eq!(
        all,
        [
            row(&s.one, &world.a, "pending"),
            row(&s.two, &world.a, "accepted"),
            row(&s.two, &world.b, "pending"),
        ]
    );

    let out = world.ims(owner, api, &["member", "show", &s.two, &world.b, "-o", "ids"]);
    assert_code(&out, 0, "member show");
    assert_eq!(stdout_of(&out), format!("{}\n", world.b));
    let out = world.ims(&world.a, api, &["member", "show", &s.two, &world.a, "-o", "json"]);
    assert_code(&out, 0, "member show by the member");
    let shown: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((&shown["member_id"], &shown["status"]), (&json!(world.a), &json!("accepted")));
    assert_no_visibility_patch(&world);
}

/// Every change command with `api`, signed in with AK/SK: add (a batch job on v1, its
/// progress with -v), accept (a full-ECS image needs --vault-id on v1), reject, remove.
fn changes(reading: Reading, reads: Reads, api: &str) {
    let world = World::new(reading, reads);
    world.hook("projects", json!({"project": world.owner, "job_seconds": 1.5}));
    let image = world.image("change", None, "private", json!([]));
    let whole =
        world.image_with("whole", None, "private", json!([]), json!({"__whole_image": "true"}));

    let out = world.ims_aksk(
        &world.owner,
        api,
        &["member", "add", &image, &world.a, &world.b, "-o", "json", "-v"],
    );
    assert_code(&out, 0, "member add");
    assert_eq!(
        member_pairs(&json_of(&out)),
        [pair(&world.a, "pending"), pair(&world.b, "pending")]
    );
    assert_eq!(world.members(&image), [pair(&world.a, "pending"), pair(&world.b, "pending")]);
    if api == "v1" {
        // INIT at once, RUNNING after 1 s, SUCCESS after 3 s (the job runs 1.5 s).
        let progress: Vec<String> = stderr_of(&out)
            .lines()
            .filter_map(|l| {
                l.strip_prefix("ims: job ").map(|rest| rest.split_once(": ").unwrap().1.to_string())
            })
            .collect();
        assert_eq!(
            progress,
            ["INIT", "RUNNING (process_percent 0.5)", "SUCCESS"],
            "{}",
            stderr_of(&out)
        );
    }

    // The answers stand whatever the member may read back (on v1, after the job).
    let out = world.ims_aksk(&world.a, api, &["member", "accept", &image, "-o", "json"]);
    assert_code(&out, 0, "member accept");
    assert_eq!(
        (&json_of(&out)[0]["member_id"], &json_of(&out)[0]["status"]),
        (&json!(world.a), &json!("accepted"))
    );
    world.assert_read_back(&out, api, &world.a, "accepted", &[&image]);
    let out = world.ims_aksk(&world.b, api, &["member", "reject", &image, "-o", "ids"]);
    assert_code(&out, 0, "member reject");
    assert_eq!(stdout_of(&out), format!("{}\n", world.b));
    world.assert_read_back(&out, api, &world.b, "rejected", &[&image]);
    assert_eq!(world.members(&image), [pair(&world.a, "accepted"), pair(&world.b, "rejected")]);

    world.member(&whole, &world.a, "pending");
    let out = world.ims_aksk(&world.a, api, &["member", "accept", &whole]);
    assert_code(&out, 6, "accept of a full-ECS image without a vault");
    assert!(stderr_of(&out).contains("IMG.0184"), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("--vault-id"), "{}", stderr_of(&out));
    if api == "v1" {
        let out = world.ims_aksk(
            &world.a,
            api,
            &["member", "accept", &whole, "--vault-id", "vault-1", "-o", "json"],
        );
        assert_code(&out, 0, "accept with --vault-id");
        assert_eq!(json_of(&out)[0]["status"], "accepted");
        let sent = world.requests();
        let put = sent
            .iter()
            .find(|r| r["method"] == "PUT" && r["body"].as_str().unwrap().contains("vault-1"))
            .expect("the accept with the vault");
        let body: Value = serde_json::from_str(put["body"].as_str().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"images": [whole], "project_id": world.a, "status": "accepted", "vault_id": "vault-1"})
        );
        assert_eq!(put["signed"], true);
    }

    let out = world.ims_aksk(&world.owner, api, &["member", "remove", &image, &world.b, "--yes"]);
    assert_code(&out, 0, "member remove");
    assert_eq!(stdout_of(&out), "");
    assert_eq!(world.members(&image), [pair(&world.a, "accepted")]);
    // Every request was signed and named its project; none patched visibility.
    let sent = world.requests();
    assert!(sent.iter().all(|r| r["signed"] == true && r["token"] == false), "{sent:#?}");
    world.assert_members_read_their_own();
    assert_no_visibility_patch(&world);
}

/// Refusals with `api`: sharing with the owner's own project (IMG.0076) and a public image
/// (IMG.0089), each with its advice; nothing changes.
fn refusals(reading: Reading, reads: Reads, api: &str) {
    let world = World::new(reading, reads);
    let image = world.image("mine", None, "private", json!([]));
    let public = world.image("pub", None, "public", json!([]));
    let out = world.ims(&world.owner, api, &["member", "add", &image, &world.owner]);
    assert_code(&out, 6, "sharing with oneself");
    assert!(stderr_of(&out).contains("IMG.0076"), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("ims: advice: "), "{}", stderr_of(&out));
    let out = world.ims(&world.owner, api, &["member", "add", &public, &world.a]);
    assert_code(&out, 6, "sharing a public image");
    assert!(stderr_of(&out).contains("IMG.0089"), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("ims: advice: "), "{}", stderr_of(&out));
    assert!(
        !stderr_of(&out).contains("shared`"),
        "no advice to make it shared: {}",
        stderr_of(&out)
    );
    assert_eq!(world.members(&image), []);
    assert_no_visibility_patch(&world);
}

/// `ims share` with `api`: plan, apply with consumers accepting on their side (one by
/// token, one by AK/SK), check, a second apply that only reads, dry run, prune, and an
/// export that checks clean.
fn share(reading: Reading, reads: Reads, api: &str) {
    let world = World::new(reading, reads);
    let run = &world.run;
    let golden1 = world.image("golden-1", None, "private", json!([]));
    let golden2 = world.image("golden-2", None, "private", json!([]));
    let tagged = world.image("tagged", None, "private", json!([format!("t-{run}")]));
    world.member(&tagged, &world.c, "pending");
    let sandbox = world.share_sandbox(api);
    let (a, b, c) = (&world.a, &world.b, &world.c);
    sandbox.file(
        "shares.toml",
        &format!(
            "[[share]]\nnames = [\"golden-*-{run}\"]\nmembers = [\"{a}\", \"{b}\"]\n\n\
             [[share]]\ntags = [\"t-{run}\"]\nmembers = [\"{a}\"]\n\n\
             [consumers]\n\"{a}\" = \"tenant-a\"\n\"{b}\" = {{ profile = \"tenant-b\" }}\n"
        ),
    );
    let ims = |args: &[&str]| sandbox.ims().arg("share").args(args).output().expect("run ims");

    let out = ims(&["plan", "-o", "json"]);
    assert_code(&out, 0, "plan");
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut rows: Vec<(String, String, String)> = plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            let f = |k: &str| x[k].as_str().unwrap_or("—").to_string();
            (f("action"), f("image_id"), f("member_id"))
        })
        .collect();
    rows.sort();
    let row = |x: &str, i: &str, m: &str| (x.to_string(), i.to_string(), m.to_string());
    let mut want = vec![
        row("accept", &golden1, a),
        row("accept", &golden1, b),
        row("accept", &golden2, a),
        row("accept", &golden2, b),
        row("accept", &tagged, a),
        row("add", &golden1, a),
        row("add", &golden1, b),
        row("add", &golden2, a),
        row("add", &golden2, b),
        row("add", &tagged, a),
    ];
    want.sort();
    assert_eq!(rows, want, "no visibility action under Huawei rules");
    assert_code(&ims(&["check"]), 10, "check before apply");

    // A dry run sends no change.
    let before = world.requests().len();
    let out = ims(&["apply", "--dry-run"]);
    assert_code(&out, 0, "dry run");
    assert!(
        stdout_of(&out).lines().all(|l| l.starts_with("POST ") || l.starts_with("PUT ")),
        "{}",
        stdout_of(&out)
    );
    assert!(world.requests()[before..].iter().all(|r| r["method"] == "GET"));

    let out = ims(&["apply"]);
    assert_code(&out, 0, "apply");
    world.assert_read_back(&out, api, a, "accepted", &[&golden1, &golden2, &tagged]);
    world.assert_read_back(&out, api, b, "accepted", &[&golden1, &golden2]);
    let accepted = |m: &str| pair(m, "accepted");
    assert_eq!(world.members(&golden1), [accepted(a), accepted(b)]);
    assert_eq!(world.members(&golden2), [accepted(a), accepted(b)]);
    assert_eq!(world.members(&tagged), [accepted(a), pair(c, "pending")]);
    let out = ims(&["check"]);
    assert_code(&out, 0, "check after apply");
    assert_eq!(stdout_of(&out), "");

    // A second apply sends only reads.
    let before = world.requests().len();
    assert_code(&ims(&["apply"]), 0, "second apply");
    assert!(world.requests()[before..].iter().all(|r| r["method"] == "GET"));

    // Prune removes c (not in the file) from the tagged image; off a terminal it needs --yes.
    assert_code(&ims(&["apply", "--prune"]), 2, "prune without --yes");
    assert_eq!(world.members(&tagged), [accepted(a), pair(c, "pending")]);
    assert_code(&ims(&["apply", "--prune", "--yes"]), 0, "apply --prune");
    assert_eq!(world.members(&tagged), [accepted(a)]);

    // Export round trip: the exported file checks clean, prune included.
    let out = ims(&["export", &golden1, &golden2, &tagged]);
    assert_code(&out, 0, "export");
    let exported = stdout_of(&out);
    assert!(exported.contains("[[share]]"), "{exported}");
    sandbox.file("exported.toml", &exported);
    let out = ims(&["check", "--prune", "-f", "exported.toml"]);
    assert_code(&out, 0, "check of the export");
    world.assert_members_read_their_own();
    assert_no_visibility_patch(&world);
}

/// Desired sharing over time with `api` (issue 27): a rotation of three builds with
/// `newest = 2` and prune, then a fourth build; an ended `until` entry pruned; a saved plan
/// applied as made (the consumer accepting with its own profile: on v1 a batch job), read
/// back by a Markdown parser as the cells csv gives; a stale plan refused with exit 11 and
/// no changing request sent.
fn over_time_case(reading: Reading, reads: Reads, api: &str) {
    let world = World::new(reading, reads);
    let (run, owner, a, b, c) = (&world.run, &world.owner, &world.a, &world.b, &world.c);
    // The stand-in stamps an image with the second it was made: each build says when it
    // was made, a month apart (and made in that order, so the list is newest first too).
    let build = |n: u32| {
        let made = format!("2026-{:02}-01T00:00:00Z", n + 4);
        world.hook(
            "images",
            json!({"owner": owner, "name": format!("build-{n}-{run}"),
                                    "visibility": "private", "created_at": made}),
        )["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let sandbox = world.share_sandbox(api);
    let share = |args: &[&str]| sandbox.ims().arg("share").args(args).output().expect("run ims");
    let accepted = |who: &String| vec![pair(who, "accepted")];
    let none: Vec<(String, String)> = Vec::new();

    // A three-build rotation: the newest two are shared with a (and accepted by a's own
    // profile); the oldest is named in a note and keeps no member.
    let (b1, b2, b3) = (build(1), build(2), build(3));
    sandbox.file(
        "rotation.toml",
        &format!(
            "prune = true\n[[share]]\nnames = [\"build-*-{run}\"]\nnewest = 2\n\
             members = [\"{a}\"]\n[consumers]\n\"{a}\" = \"tenant-a\"\n"
        ),
    );
    let out = share(&["apply", "--yes", "-f", "rotation.toml"]);
    assert_code(&out, 0, "rotation");
    world.assert_read_back(&out, api, a, "accepted", &[&b2, &b3]);
    assert_stderr_has(&out, &over_time::dropped(&format!("build-1-{run}"), 2, 2));
    assert_eq!((world.members(&b1), world.members(&b2)), (none.clone(), accepted(a)));
    assert_eq!(world.members(&b3), accepted(a));

    // A fourth build arrives: it is shared, and the second drops out with its member.
    let b4 = build(4);
    let out = share(&["check", "-f", "rotation.toml", "-o", "csv"]);
    assert_code(&out, 10, "check after the fourth build");
    let (name4, name2) = (format!("build-4-{run}"), format!("build-2-{run}"));
    assert_eq!(stdout_of(&out), over_time::fourth_build_csv((&b4, &name4), (&b2, &name2), a));
    assert_code(&share(&["apply", "--yes", "-f", "rotation.toml"]), 0, "rotation again");
    assert_eq!((world.members(&b2), world.members(&b3)), (none.clone(), accepted(a)));
    assert_eq!(world.members(&b4), accepted(a));

    // An entry that ended: with prune, its pairs are removed; the other entry's stay.
    sandbox.file(
        "expired.toml",
        &format!(
            "prune = true\n[[share]]\nimages = [\"{b4}\"]\nmembers = [\"{a}\"]\n\
             [[share]]\nimages = [\"{b3}\"]\nmembers = [\"{a}\"]\nuntil = 2020-01-01\n"
        ),
    );
    let out = share(&["apply", "--yes", "-f", "expired.toml"]);
    assert_code(&out, 0, "expired");
    let ended = over_time::ended(&format!("build-3-{run}"), a, "2020-01-01", 5);
    assert_stderr_has(&out, &ended);
    assert_eq!((world.members(&b3), world.members(&b4)), (none.clone(), accepted(a)));

    // A saved plan, applied exactly: b added to build 3 and to an image with a hostile
    // name, and accepted by b's own profile (AK/SK).
    let hostile = world.image("x | `rm -rf` <b>*y*</b> [z](http://e)", None, "private", json!([]));
    sandbox.file(
        "saved.toml",
        &format!(
            "[[share]]\nimages = [\"{b3}\", \"{hostile}\"]\nmembers = [\"{b}\"]\n\
             [consumers]\n\"{b}\" = \"tenant-b\"\n"
        ),
    );
    let out = share(&["plan", "-f", "saved.toml", "--out", "plan.json", "-o", "markdown"]);
    assert_code(&out, 0, "plan --out");
    let markdown = stdout_of(&out);
    let (table, list) = markdown.split_once("\n\n").expect("a table, then a list");
    let csv = share(&["plan", "-f", "saved.toml", "-o", "csv"]);
    assert_code(&csv, 0, "plan -o csv");
    assert_eq!(table_cells(table), csv_cells(&stdout_of(&csv)), "{markdown}");
    assert_eq!(table_cells(table).len(), 5, "{markdown}");
    assert_eq!(list, "- plan\\: 2 to add, 2 to accept, 0 to remove, 0 visibility; 0 in sync\n");
    assert_eq!(world.members(&b3), none);
    let before = world.requests().len();
    let out = share(&["apply", "--plan", "plan.json"]);
    assert_code(&out, 0, "apply --plan");
    world.assert_read_back(&out, api, b, "accepted", &[&b3, &hostile]);
    assert!(
        stderr_of(&out).ends_with("ims: applied: every action of plan.json took effect (4)\n"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!((world.members(&b3), world.members(&hostile)), (accepted(b), accepted(b)));
    // The changes sent: the owner's add, then b's accept, signed with b's AK/SK.
    let changed: Vec<(String, String, Option<String>)> = world.requests()[before..]
        .iter()
        .filter(|r| r["method"] != "GET")
        .map(|r| {
            let f = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (f("method"), f("path"), r["project_header"].as_str().map(str::to_string))
        })
        .collect();
    // The adds first, then the accepts; on v2 each kind's requests go side by side.
    let methods: Vec<&str> = changed.iter().map(|(method, _, _)| method.as_str()).collect();
    let mut changed = changed.clone();
    changed.sort();
    let want = match api {
        "v1" => vec![
            ("POST".to_string(), "/v1/cloudimages/members".to_string(), None),
            ("PUT".to_string(), "/v1/cloudimages/members".to_string(), Some(b.clone())),
        ],
        _ => {
            let path = |image: &str, m: &str| format!("/v2/images/{image}/members{m}");
            let put =
                |image: &str| ("PUT".to_string(), path(image, &format!("/{b}")), Some(b.clone()));
            vec![
                ("POST".to_string(), path(&b3, ""), None),
                ("POST".to_string(), path(&hostile, ""), None),
                put(&b3),
                put(&hostile),
            ]
        }
    };
    let mut sorted = want.clone();
    sorted.sort();
    assert_eq!(changed, sorted);
    let kinds: Vec<&str> = want.iter().map(|(method, _, _)| method.as_str()).collect();
    assert_eq!(methods, kinds);

    // A stale plan: c is added to build 4 behind ims's back; the plan is refused whole
    // and no changing request is sent.
    sandbox.file(
        "stale.toml",
        &format!("[[share]]\nimages = [\"{b4}\"]\nmembers = [\"{a}\", \"{b}\"]\n"),
    );
    assert_code(
        &share(&["plan", "-f", "stale.toml", "--out", "stale.json"]),
        0,
        "plan --out again",
    );
    world.member(&b4, c, "pending");
    let before = world.requests().len();
    let out = share(&["apply", "--plan", "stale.json", "--yes"]);
    assert_code(&out, 11, "a stale plan");
    assert_stderr_has(&out, &format!("ims: stale: image {b4}: member {c} appeared (pending)\n"));
    let sent = &world.requests()[before..];
    assert!(!sent.is_empty());
    assert!(sent.iter().all(|r| r["method"] == "GET"), "{sent:#?}");
    assert_eq!(world.members(&b4), [pair(a, "accepted"), pair(c, "pending")]);
    world.assert_members_read_their_own();
    assert_no_visibility_patch(&world);
}

#[test]
#[ignore = "needs the local IMS: run scripts/test"]
fn e2e_huawei_a_second_seed_prints_the_same_and_sets_members_back() {
    let url = required_url("IMS_E2E_IMS_URL");
    let _turn = local_ims_seed_turn();
    let first = run_script("local-ims", &["seed", &url]).unwrap_or_else(|why| panic!("{why}"));
    // A change behind the seed's back (a member on the image seeded without any) is undone.
    let tagged = &first["TAGGED"];
    call(&url, "POST", "/_local/members", Some(json!({"image": tagged, "member": "x"})));
    let second = run_script("local-ims", &["seed", &url]).unwrap_or_else(|why| panic!("{why}"));
    assert_eq!(first, second);
    let held = call(&url, "GET", &format!("/_local/members/{tagged}"), None);
    assert_eq!(held["members"], json!([]));
    for key in ["SHARED", "SHARED2", "TAGGED", "PUBLIC", "WHOLE", "INCOMING", "AK", "OWNER"] {
        assert!(first.contains_key(key), "{key}: {first:?}");
    }
}

/// Builds one `#[test]` per owner-visibility reading for each case, run on the route given
/// (`v1` or `v2`) with members reading as given (`Own`, `Refused`).
macro_rules! cases {
    ($($private:ident, $shared:ident => $case:ident($api:literal, $reads:ident);)*) => {
        $(
            #[test]
            #[ignore = "needs the local IMS: run scripts/test"]
            fn $private() {
                $case(Reading::Private, Reads::$reads, $api);
            }

            #[test]
            #[ignore = "needs the local IMS: run scripts/test"]
            fn $shared() {
                $case(Reading::Shared, Reads::$reads, $api);
            }
        )*
    };
}

// Right under Huawei's rules today: every case on the IMS API (`--api v1`) and on the
// native v2 route; those where a member answers also where members may read nothing of
// an image's v1 members (the native routes follow Glance whatever that switch says).
cases! {
    e2e_huawei_v1_audit_private, e2e_huawei_v1_audit_shared => audit("v1", Own);
    e2e_huawei_v1_changes_private, e2e_huawei_v1_changes_shared => changes("v1", Own);
    e2e_huawei_v1_changes_private_reads_none, e2e_huawei_v1_changes_shared_reads_none =>
        changes("v1", Refused);
    e2e_huawei_v1_refusals_private, e2e_huawei_v1_refusals_shared => refusals("v1", Own);
    e2e_huawei_v1_share_private, e2e_huawei_v1_share_shared => share("v1", Own);
    e2e_huawei_v1_share_private_reads_none, e2e_huawei_v1_share_shared_reads_none =>
        share("v1", Refused);
    e2e_huawei_v2_changes_private, e2e_huawei_v2_changes_shared => changes("v2", Own);
    e2e_huawei_v2_changes_private_reads_none, e2e_huawei_v2_changes_shared_reads_none =>
        changes("v2", Refused);
    e2e_huawei_v2_refusals_private, e2e_huawei_v2_refusals_shared => refusals("v2", Own);
    e2e_huawei_v2_audit_private, e2e_huawei_v2_audit_shared => audit("v2", Own);
    e2e_huawei_v2_share_private, e2e_huawei_v2_share_shared => share("v2", Own);
    e2e_huawei_v2_share_private_reads_none, e2e_huawei_v2_share_shared_reads_none =>
        share("v2", Refused);
    e2e_huawei_v1_over_time_private, e2e_huawei_v1_over_time_shared =>
        over_time_case("v1", Own);
    e2e_huawei_v1_over_time_private_reads_none, e2e_huawei_v1_over_time_shared_reads_none =>
        over_time_case("v1", Refused);
    e2e_huawei_v2_over_time_private, e2e_huawei_v2_over_time_shared =>
        over_time_case("v2", Own);
}
