//! The README's examples are tests: a transcript (a fenced block of `$ command` lines, each
//! followed by what it prints) after a config file block (a `toml` block whose first line
//! is `# ~/.config/ims/config.toml`, in force until the next `## ` section) is
//! self-contained, and runs, in order, in a fresh shell with that config file against the
//! local Glance (`http://127.0.0.1:9292` in the README stands for the server under test);
//! each command must print what the README shows, with image IDs, times and request ids
//! matched as patterns. A README that drifts from the tool fails.

use crate::fixtures::real::required_url;
use crate::util::{Sandbox, stderr_of};

/// The README's server, as its examples write it.
const README_GLANCE: &str = "http://127.0.0.1:9292";

/// One command of a transcript and what it prints (stdout and stderr, as a terminal
/// shows them).
#[derive(Debug)]
struct Step {
    command: String,
    output: Vec<String>,
}

/// A transcript: its first line in the README, the config file before it (if any), and
/// its steps.
#[derive(Debug)]
struct Transcript {
    line: usize,
    config: Option<String>,
    steps: Vec<Step>,
}

/// Every transcript of `readme` that runs `ims`, in order.
fn transcripts(readme: &str) -> Vec<Transcript> {
    let mut found = Vec::new();
    let mut config: Option<String> = None;
    let mut block: Option<(usize, String, Vec<&str>)> = None;
    for (number, line) in readme.lines().enumerate() {
        match block.take() {
            None if line.starts_with("## ") => config = None,
            None => {
                if let Some(lang) = line.strip_prefix("```") {
                    block = Some((number + 2, lang.to_string(), Vec::new()));
                }
            }
            Some((first, lang, lines)) if line == "```" => {
                if lang == "toml" && lines.first() == Some(&"# ~/.config/ims/config.toml") {
                    config = Some(lines[1..].join("\n") + "\n");
                } else if lines.iter().any(|l| l.starts_with("$ ") && l.contains("ims ")) {
                    let mut steps: Vec<Step> = Vec::new();
                    for l in lines {
                        match (l.strip_prefix("$ "), steps.last_mut()) {
                            (Some(command), _) => steps
                                .push(Step { command: command.to_string(), output: Vec::new() }),
                            // A command that ends in `|` or `\` goes on on the next line.
                            (None, Some(step))
                                if step.output.is_empty()
                                    && (step.command.ends_with('|')
                                        || step.command.ends_with('\\')) =>
                            {
                                step.command = format!("{}\n{l}", step.command);
                            }
                            (None, Some(step)) => step.output.push(l.to_string()),
                            (None, None) => {}
                        }
                    }
                    found.push(Transcript { line: first, config: config.clone(), steps });
                }
            }
            Some((first, lang, mut lines)) => {
                lines.push(line);
                block = Some((first, lang, lines));
            }
        }
    }
    found
}

/// The README.
fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// Whether `actual` is what the README shows as `expected`: equal, but where the README
/// has a UUID (an image or request ID) or a time, any UUID or time.
fn matches(expected: &str, actual: &str) -> bool {
    let (mut e, mut a) = (expected.as_bytes(), actual.as_bytes());
    let shape = |text: &[u8], pattern: &str| -> bool {
        text.len() >= pattern.len()
            && pattern.bytes().zip(text).all(|(p, &t)| match p {
                b'x' => t.is_ascii_hexdigit(),
                b'9' => t.is_ascii_digit(),
                other => other == t,
            })
    };
    const UUID: &str = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    const TIME: &str = "9999-99-99T99:99:99Z";
    loop {
        match (e.first(), a.first()) {
            (None, None) => return true,
            _ if shape(e, UUID) && shape(a, UUID) => (e, a) = (&e[UUID.len()..], &a[UUID.len()..]),
            _ if shape(e, TIME) && shape(a, TIME) => (e, a) = (&e[TIME.len()..], &a[TIME.len()..]),
            (Some(x), Some(y)) if x == y => (e, a) = (&e[1..], &a[1..]),
            _ => return false,
        }
    }
}

/// `lines` without the blank lines that end it (the README separates commands by one).
fn without_trailing_blanks(mut lines: Vec<&str>) -> Vec<&str> {
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// Whether `actual` is what `expected` shows, line by line ([`matches`]); an expected line
/// that is only `...` stands for any lines, as many as it takes.
fn lines_match(expected: &[&str], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, more)| matches(first, line) && lines_match(rest, more)),
    }
}

#[test]
fn the_matcher_takes_ids_and_times_as_patterns_and_nothing_else() {
    assert!(lines_match(&["[", "  {", "  ...", "]"], &["[", "  {", "  a", "  }", "]"]));
    assert!(!lines_match(&["[", "  ...", "]"], &["[", "  a"]));
    let row = "│ a9994ca8-1610-4e1e-964a-27f0c187b641 ┆ proj-alpha ┆ 2026-11-25T13:59:04Z │";
    assert!(matches(
        row,
        "│ 0b5d2a7e-3c4f-4e8a-9d1b-6f7a8c9d0e1f ┆ proj-alpha ┆ 2027-01-02T03:04:05Z │"
    ));
    assert!(!matches(
        row,
        "│ 0b5d2a7e-3c4f-4e8a-9d1b-6f7a8c9d0e1f ┆ proj-beta  ┆ 2027-01-02T03:04:05Z │"
    ));
    assert!(!matches(row, "│ not-an-id ┆ proj-alpha ┆ 2026-11-25T13:59:04Z │"));
    assert!(!matches("exit 4", "exit 4 "));
}

#[test]
fn self_contained_transcripts_show_their_config_and_image_and_use_one_port() {
    let all = transcripts(&readme());
    let contained: Vec<&Transcript> = all.iter().filter(|t| t.config.is_some()).collect();
    assert!(!contained.is_empty(), "no self-contained transcript in the README");
    for transcript in contained {
        let text = format!(
            "{}{}",
            transcript.config.as_deref().unwrap_or_default(),
            transcript
                .steps
                .iter()
                .map(|s| format!("{}\n{}\n", s.command, s.output.join("\n")))
                .collect::<String>()
        );
        let line = transcript.line;
        for port in text.match_indices("127.0.0.1:").map(|(at, _)| &text[at..at + 14]) {
            assert_eq!(port, "127.0.0.1:9292", "README.md:{line}: one port throughout");
        }
        // Every variable a command uses is set by an earlier one.
        let mut set: Vec<String> = Vec::new();
        for step in &transcript.steps {
            for (at, _) in step.command.match_indices('$') {
                let name: String = step.command[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                    .collect();
                assert!(
                    name.is_empty() || set.contains(&name),
                    "README.md:{line}: ${name} is used before the transcript sets it"
                );
            }
            if let Some((name, _)) = step.command.split_once('=') {
                set.push(name.trim_start_matches("export ").to_string());
            }
        }
    }
}

#[test]
#[ignore = "needs the local Glance: run scripts/test"]
fn e2e_readme_transcripts_print_what_the_readme_shows() {
    let url = required_url("IMS_E2E_GLANCE_URL");
    let bin = assert_cmd::cargo::cargo_bin("ims");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap());
    for transcript in transcripts(&readme()).iter().filter(|t| t.config.is_some()) {
        let sandbox = Sandbox::new();
        let config = transcript.config.as_deref().unwrap_or_default();
        sandbox.config(&config.replace(README_GLANCE, &url));
        // One shell runs the commands in order; a record separator starts each output, and
        // `$?` is the previous command's, as in the README.
        let script: String = transcript
            .steps
            .iter()
            .map(|step| {
                let command = step.command.replace(README_GLANCE, &url);
                format!("status=$?; printf '\\036'; (exit $status)\n{{ {command}\n}} 2>&1\n")
            })
            .collect();
        // As from the clone: `scripts/local-glance` (with the test's LOCAL_GLANCE_* settings).
        std::os::unix::fs::symlink(
            concat!(env!("CARGO_MANIFEST_DIR"), "/scripts"),
            sandbox.dir.path().join("scripts"),
        )
        .unwrap();
        let mut bash = sandbox.command("bash");
        for (name, value) in std::env::vars().filter(|(name, _)| name.starts_with("LOCAL_GLANCE_"))
        {
            bash.env(name, value);
        }
        let out = bash.args(["-c", &script]).env("PATH", &path).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).replace(&url, README_GLANCE);
        let outputs: Vec<&str> = stdout.split('\u{1e}').skip(1).collect();
        assert_eq!(outputs.len(), transcript.steps.len(), "{}", stderr_of(&out));
        for (step, actual) in transcript.steps.iter().zip(outputs) {
            let actual: Vec<&str> = without_trailing_blanks(actual.lines().collect());
            let expected =
                without_trailing_blanks(step.output.iter().map(String::as_str).collect());
            let line = transcript.line;
            let same = lines_match(&expected, &actual);
            assert!(
                same,
                "README.md:{line}: `$ {}` printed\n{}\nbut the README shows\n{}",
                step.command,
                actual.join("\n"),
                expected.join("\n")
            );
        }
    }
}
