//! `ims completions SHELL`: clap's script for the shell, taught to complete `--profile`
//! with the config file's profiles and `--os-cloud` with the clouds of clouds.yaml by
//! asking `ims __complete profiles|clouds`, which prints the names (`main` sends that
//! question here before clap parses anything, so no script or help offers it).

use clap::CommandFactory;
use clap_complete::Shell;

use std::ffi::OsString;

use crate::cli::{Cli, GlobalArgs};
use crate::console::Console;
use crate::output;
use crate::settings::Config;
use crate::settings::openstack::cloud_names;

/// Prints the completion script for `shell`.
pub(crate) fn run(console: &Console, shell: Shell) -> anyhow::Result<()> {
    // Generated into memory first: clap_complete panics when its writer fails, and
    // stdout may be a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ims", &mut script);
    let script = with_names(shell, &String::from_utf8_lossy(&script));
    output::to_stdout(console, |out| {
        out.write_all(script.as_bytes())
            .map_err(output::write_error)
    })?;
    Ok(())
}

/// The hidden first argument the completion scripts call `ims` with.
pub(crate) const COMPLETER: &str = "__complete";

/// `ims __complete profiles|clouds`: the names, one per line, exit 0; nothing when the
/// file cannot be read (a completion never shows an error); exit 2 for another question.
pub(crate) fn names(console: &Console, which: Option<&OsString>) -> u8 {
    let found: Vec<String> = match which.and_then(|which| which.to_str()) {
        Some("profiles") => Config::load(&GlobalArgs::default(), console.env())
            .map(|config| {
                config
                    .profile_names()
                    .into_iter()
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
        Some("clouds") => cloud_names(console.env()).unwrap_or_default(),
        _ => return 2,
    };
    let printed = output::to_stdout(console, |out| {
        found
            .iter()
            .filter(|name| !name.chars().any(char::is_control))
            .try_for_each(|name| writeln!(out, "{name}"))
            .map_err(output::write_error)
    });
    printed.map_or_else(|err| err.kind().exit_code(), |()| 0)
}

/// Which names a flag takes.
#[derive(Clone, Copy)]
enum Names {
    /// The config file's profiles.
    Profiles,
    /// The clouds of clouds.yaml.
    Clouds,
}

/// The flags whose values are names from the user's files: clap's way of writing the flag
/// in each shell's script, and the names it takes.
const NAMED: [(&str, &str, Names); 3] = [
    ("--profile", "profile", Names::Profiles),
    ("-p", "p", Names::Profiles),
    ("--os-cloud", "os-cloud", Names::Clouds),
];

/// The command that prints `names`, as the scripts call it.
fn lister(names: Names) -> &'static str {
    match names {
        Names::Profiles => "ims __complete profiles 2>/dev/null",
        Names::Clouds => "ims __complete clouds 2>/dev/null",
    }
}

/// clap's `script` for `shell`, with the named flags completing names (bash, zsh, fish;
/// the other shells' scripts as clap writes them).
fn with_names(shell: Shell, script: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut arm: Option<Names> = None;
    for line in script.lines() {
        let mut line = line.to_string();
        match shell {
            // An arm `--profile)` whose next line offers files offers the names instead.
            Shell::Bash => {
                let trimmed = line.trim();
                if let Some((_, _, names)) = NAMED
                    .iter()
                    .find(|(flag, ..)| trimmed == format!("{flag})"))
                {
                    arm = Some(*names);
                } else if let (Some(names), true) =
                    (arm.take(), trimmed.starts_with("COMPREPLY=($(compgen -f"))
                {
                    line = line.replace(
                        "compgen -f \"${cur}\"",
                        &format!("compgen -W \"$({})\" -- \"${{cur}}\"", lister(names)),
                    );
                }
            }
            // `'--profile=[…]:NAME:_default'` and `'-p+[…]:NAME:_default'`.
            Shell::Zsh => {
                for (flag, _, names) in NAMED {
                    let spec = match flag.starts_with("--") {
                        true => format!("'{flag}=["),
                        false => format!("'{flag}+["),
                    };
                    if line.starts_with(&spec) && line.contains(":NAME:_default'") {
                        let action =
                            format!(":NAME:{{compadd -- ${{(f)\"$({})\"}}}}'", lister(names));
                        line = line.replace(":NAME:_default'", &action);
                    }
                }
            }
            // `complete -c ims … -s p -l profile -d '…' -r` gains `-f -a "(…)"`.
            Shell::Fish => {
                for (_, long, names) in NAMED.iter().filter(|(flag, ..)| flag.starts_with("--")) {
                    if line.starts_with("complete -c ims ")
                        && line.contains(&format!(" -l {long} "))
                        && line.ends_with(" -r")
                    {
                        line.push_str(&format!(" -f -a \"({})\"", lister(*names)));
                    }
                }
            }
            _ => {}
        }
        lines.push(line);
    }
    let mut text = lines.join("\n");
    if script.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[cfg(test)]
#[path = "completions_tests.rs"]
mod tests;
