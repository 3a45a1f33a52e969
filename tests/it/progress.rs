//! The progress line of a run over many images or pairs: drawn on stderr when it is a
//! terminal (a pseudo-terminal made by `script`), cleared when done; never on stdout,
//! never when stderr is not a terminal, never with `-v`.

use std::time::Duration;

use httpmock::prelude::*;
use serde_json::json;

use crate::util::*;

/// What each members read waits, so that the line is redrawn between images.
const SLOW: Duration = Duration::from_millis(150);

/// A cloud of four shared images of project p, each with member m1, read slowly.
fn cloud() -> MockServer {
    let server = MockServer::start();
    let images: Vec<_> = (1..=4)
        .map(|n| {
            json!({"id": format!("img-{n}"), "owner": "p", "visibility": "shared",
                        "name": format!("gold-{n}"), "status": "active", "tags": []})
        })
        .collect();
    server.mock(|when, then| {
        when.method(GET).path("/v2/images");
        then.status(200).json_body(json!({ "images": images }));
    });
    for n in 1..=4 {
        server.mock(|when, then| {
            when.method(GET).path(format!("/v2/images/img-{n}/members"));
            then.status(200).delay(SLOW).json_body(json!({"members": [
                {"member_id": "m1", "image_id": format!("img-{n}"), "status": "accepted"}]}));
        });
        server.mock(|when, then| {
            when.method(POST).path(format!("/v2/images/img-{n}/members"));
            then.status(200).delay(SLOW).json_body(
                json!({"member_id": "m2", "image_id": format!("img-{n}"), "status": "pending"}),
            );
        });
    }
    server
}

/// Runs `ims ARGS > stdout.txt` with stderr on a pseudo-terminal; what the terminal
/// showed, and what went to stdout.
fn on_terminal(sandbox: &Sandbox, server: &MockServer, args: &str) -> (String, String) {
    let bin = assert_cmd::cargo::cargo_bin("ims");
    let line = format!(
        "{} --endpoint {} --token t --project-id p {args} > stdout.txt",
        bin.display(),
        server.base_url()
    );
    let out = sandbox.command("script").args(["-qec", &line, "/dev/null"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let stdout = std::fs::read_to_string(sandbox.dir.path().join("stdout.txt")).unwrap();
    (stdout_of(&out), stdout)
}

/// Asserts that `terminal` shows the progress line over `total` `what` and ends cleared.
fn shows_progress(terminal: &str, total: usize, what: &str) {
    let line = format!("/{total} {what} · ");
    assert!(terminal.contains(&line), "no `{line}` in {terminal:?}");
    assert!(terminal.contains(" elapsed · about "), "{terminal:?}");
    // No cursor move by 0, which a terminal takes as 1 (the line would climb).
    assert!(!terminal.contains("\u{1b}[0"), "{terminal:?}");
    let last = terminal.rfind(&line).unwrap();
    let after = &terminal[last..];
    assert!(after.contains("\r\u{1b}[2K"), "not cleared: {after:?}");
    assert!(!after.rsplit("\u{1b}[2K").next().unwrap().contains(what), "{after:?}");
}

#[test]
fn member_list_all_shows_a_progress_line_on_a_terminal_and_clears_it() {
    let server = cloud();
    let sandbox = Sandbox::new();
    let (terminal, stdout) = on_terminal(&sandbox, &server, "member list --all -o ids --jobs 1");
    shows_progress(&terminal, 4, "images");
    assert_eq!(stdout, "m1\nm1\nm1\nm1\n", "only data on stdout");
}

#[test]
fn share_plan_and_member_add_of_many_pairs_show_the_line_too() {
    let server = cloud();
    let sandbox = Sandbox::new();
    sandbox.file("shares.toml", "[[share]]\nnames = [\"gold-*\"]\nmembers = [\"m1\"]\n");
    let (terminal, stdout) = on_terminal(&sandbox, &server, "share plan -o ids --jobs 1");
    shows_progress(&terminal, 4, "images");
    assert_eq!(stdout, "");
    assert!(
        terminal.ends_with(
            "ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 4 in sync\r\n"
        ),
        "{terminal:?}"
    );
    let (terminal, stdout) =
        on_terminal(&sandbox, &server, "member add img-1 img-2 m2 -o ids --jobs 1");
    shows_progress(&terminal, 2, "pairs");
    assert_eq!(stdout, "m2\nm2\n");
}

#[test]
fn no_progress_with_verbose_or_off_a_terminal_or_for_one_image() {
    let server = cloud();
    let sandbox = Sandbox::new();
    let (terminal, _) = on_terminal(&sandbox, &server, "member list --all -o ids --jobs 1 -v");
    assert!(!terminal.contains(" images · "), "{terminal:?}");
    assert!(terminal.contains("ims: GET "), "{terminal:?}");
    let (terminal, _) = on_terminal(&sandbox, &server, "member list img-1 -o ids");
    assert_eq!(terminal, "");
    // stderr a file: nothing but data anywhere.
    ims_at(&sandbox, &server, "t")
        .args(["--project-id", "p", "member", "list", "--all", "-o", "ids", "--jobs", "1"])
        .succeeds()
        .stdout("m1\nm1\nm1\nm1\n")
        .stderr("");
}

/// The progress line's estimate (indicatif calls `f64::powf`, that is C's `pow`) loads no
/// `libm.so.6`: `src/pow.rs` defines `pow` in the binary, so the linker leaves the library
/// out; loaded, it cost every run 0.3 MiB (benches/README.md, "member show and libm").
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_needs_no_libm() {
    let bin = assert_cmd::cargo::cargo_bin("ims");
    let out = std::process::Command::new("readelf").arg("--dynamic").arg(&bin).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let dynamic = stdout_of(&out);
    let needed: Vec<&str> = dynamic.lines().filter(|line| line.contains("(NEEDED)")).collect();
    assert!(needed.iter().any(|line| line.contains("[libc.so")), "{dynamic}");
    assert!(!needed.iter().any(|line| line.contains("[libm.so")), "{needed:#?}");
}
