//! The committed completion scripts must match what the binary generates.

use crate::util::*;

#[test]
fn committed_scripts_match_the_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let sandbox = Sandbox::new();
    for (shell, file) in [
        ("bash", "ims.bash"),
        ("zsh", "_ims"),
        ("fish", "ims.fish"),
        ("powershell", "_ims.ps1"),
        ("elvish", "ims.elv"),
    ] {
        let out = sandbox.ims().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let committed = std::fs::read(dir.join(file)).unwrap_or_default();
        assert!(
            out.stdout == committed,
            "completions/{file} is stale: run `cargo run -q -- completions {shell} > completions/{file}`"
        );
    }
}

#[test]
fn unknown_shell_is_a_usage_error() {
    Sandbox::new().ims().args(["completions", "tcsh"]).exits(2).stdout("");
}

#[test]
fn completions_need_no_config() {
    let sandbox = Sandbox::new();
    sandbox.config("this is = not [valid toml");
    sandbox.ims().args(["completions", "bash"]).succeeds();
}
