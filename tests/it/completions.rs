//! The committed completion scripts must match what the binary generates, and complete
//! profile and cloud names from the user's own files.

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

/// A sandbox with profiles `prod` and `staging` in its config file and clouds `otc` and
/// `devstack` in its clouds.yaml (`~/.config/openstack/clouds.yaml`).
fn with_names() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox
        .config("[profiles.staging]\nendpoint = \"https://a\"\n[profiles.prod]\ntoken = \"t\"\n");
    let clouds = sandbox.dir.path().join("config/openstack");
    std::fs::create_dir_all(&clouds).unwrap();
    std::fs::write(
        clouds.join("clouds.yaml"),
        "clouds:\n  otc:\n    auth: {auth_url: https://k}\n  devstack:\n    auth: {}\n",
    )
    .unwrap();
    sandbox
}

#[test]
fn the_hidden_completer_prints_profile_and_cloud_names_and_nothing_on_failure() {
    let sandbox = with_names();
    sandbox.ims().args(["__complete", "profiles"]).succeeds().stdout("prod\nstaging\n");
    sandbox.ims().args(["__complete", "clouds"]).succeeds().stdout("devstack\notc\n");
    let empty = Sandbox::new();
    empty.config("not [valid toml");
    empty.ims().args(["__complete", "profiles"]).succeeds().stdout("").stderr("");
    empty.ims().args(["__complete", "clouds"]).succeeds().stdout("").stderr("");
    sandbox.ims().args(["__complete", "images"]).exits(2).stdout("").stderr("");
    // Hidden: neither in the help nor offered by a script.
    let help = sandbox.ims().arg("--help").output().unwrap();
    assert!(!stdout_of(&help).contains("__complete"));
    assert_eq!(offered(&sandbox, "bash", "ims __"), "");
}

/// What the `shell` script offers after `line` (the word being completed is the last,
/// possibly empty), with the sandbox's files and `ims` on PATH.
fn offered(sandbox: &Sandbox, shell: &str, line: &str) -> String {
    let script = sandbox.ims().args(["completions", shell]).output().unwrap().stdout;
    let path = sandbox.file(&format!("script.{shell}"), &String::from_utf8(script).unwrap());
    let bin = assert_cmd::cargo::cargo_bin("ims");
    let dirs = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap());
    let program = match shell {
        "bash" => format!(
            "source {0}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
             read -ra COMP_WORDS <<< \"$COMP_LINE\"; [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=(''); \
             COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); \
             _ims ims \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             (( ${{#COMPREPLY[@]}} )) && printf '%s\\n' \"${{COMPREPLY[@]}}\"; true",
            path.display()
        ),
        _ => format!("source {}; complete -C '{line}' | cut -f1", path.display()),
    };
    let out = sandbox.command(shell).args(["-c", &program]).env("PATH", dirs).output().unwrap();
    assert!(out.status.success(), "{shell}: {}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn bash_completes_profiles_and_clouds_from_the_users_files() {
    let sandbox = with_names();
    assert_eq!(offered(&sandbox, "bash", "ims --profile "), "prod\nstaging\n");
    assert_eq!(offered(&sandbox, "bash", "ims -p st"), "staging\n");
    assert_eq!(offered(&sandbox, "bash", "ims member list --profile p"), "prod\n");
    assert_eq!(offered(&sandbox, "bash", "ims --os-cloud "), "devstack\notc\n");
    assert_eq!(offered(&sandbox, "bash", "ims share plan --os-cloud o"), "otc\n");
}

#[test]
fn fish_completes_profiles_and_clouds_from_the_users_files() {
    if std::process::Command::new("fish").arg("--version").output().is_err() {
        // The script's lines are still checked: each names flag lists the names.
        let sandbox = Sandbox::new();
        let out = sandbox.ims().args(["completions", "fish"]).output().unwrap();
        let script = stdout_of(&out);
        for (flag, names) in [("-l profile", "profiles"), ("-l os-cloud", "clouds")] {
            let lines: Vec<&str> = script.lines().filter(|l| l.contains(flag)).collect();
            assert!(!lines.is_empty());
            for line in lines {
                assert!(
                    line.ends_with(&format!("-f -a \"(ims __complete {names} 2>/dev/null)\"")),
                    "{line}"
                );
            }
        }
        return;
    }
    // clap's fish script completes an option's value in the `--flag=VALUE` and `-fVALUE`
    // forms (after a space, fish offers files for every option, --output too).
    let sandbox = with_names();
    assert_eq!(offered(&sandbox, "fish", "ims --profile="), "--profile=prod\n--profile=staging\n");
    assert_eq!(offered(&sandbox, "fish", "ims member list -ps"), "-pstaging\n");
    assert_eq!(
        offered(&sandbox, "fish", "ims member list --os-cloud="),
        "--os-cloud=devstack\n--os-cloud=otc\n"
    );
}

#[test]
fn zsh_asks_the_completer_for_profiles_and_clouds() {
    let sandbox = Sandbox::new();
    let out = sandbox.ims().args(["completions", "zsh"]).output().unwrap();
    let script = stdout_of(&out);
    for (spec, names) in
        [("'--profile=[", "profiles"), ("'-p+[", "profiles"), ("'--os-cloud=[", "clouds")]
    {
        let lines: Vec<&str> = script.lines().filter(|l| l.starts_with(spec)).collect();
        assert!(!lines.is_empty(), "{spec}");
        for line in lines {
            let action = format!(
                ":NAME:{{compadd -- ${{(f)\"$(ims __complete {names} 2>/dev/null)\"}}}}' \\"
            );
            assert!(line.ends_with(&action), "{line}");
        }
    }
}
