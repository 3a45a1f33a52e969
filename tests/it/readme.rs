//! The README's examples are tests: a transcript (a fenced block of `$ command` lines, each
//! followed by what it prints) after a config file block (a block whose first line names
//! the file: `# ~/.config/ims/config.toml` or `# ~/.config/openstack/clouds.yaml`, in force
//! until the next `## ` section) is self-contained, and runs, in order, in a fresh shell
//! with those files against the local services (the README's `http://127.0.0.1:9292` stands
//! for the Glance under test, `:5000` and `:9393` for the local Keystone and its Glance,
//! `:9600` for the local Huawei IMS); each command must print what the README shows, with
//! IDs, times and request ids matched as patterns. A `$ cat FILE` step shows a file the
//! example reads (shares.toml): the test writes it with what the README shows. Before each
//! transcript the images of `proj-acme` are deleted, so the examples that make them start
//! from none. A README that drifts from the tool fails, and so does a `$ ims` line that no
//! transcript runs.

use crate::fixtures::real::{glance_call, local_ims_seed_turn, required_url, run_script};
use crate::util::{Sandbox, stderr_of, write_private};

/// The README's servers, as its examples write them: the Glance of `scripts/local-glance`,
/// and the Keystone and Glance of `scripts/local-keystone`.
const README_GLANCE: &str = "http://127.0.0.1:9292";
const README_KEYSTONE: &str = "http://127.0.0.1:5000";
const README_KEYSTONE_GLANCE: &str = "http://127.0.0.1:9393";
/// The local Huawei IMS of `scripts/local-ims`, as the Huawei examples write it.
const README_IMS: &str = "http://127.0.0.1:9600";

/// The project whose images the sharing examples make afresh: each run of them starts with
/// none (the test deletes what an earlier run left).
const README_FRESH_PROJECT: &str = "proj-acme";

/// The files a config block may show, by the path under `~/.config` it names.
const CONFIG_FILES: [&str; 2] = ["ims/config.toml", "openstack/clouds.yaml"];

/// One command of a transcript and what it prints (stdout and stderr, as a terminal
/// shows them).
#[derive(Debug)]
struct Step {
    /// Its line in the README.
    line: usize,
    command: String,
    output: Vec<String>,
}

/// A transcript: its first line in the README, the config files shown before it (path
/// under `~/.config`, text), and its steps.
#[derive(Debug)]
struct Transcript {
    line: usize,
    config: Vec<(String, String)>,
    steps: Vec<Step>,
}

/// Every transcript of `readme` that runs `ims`, in order.
fn transcripts(readme: &str) -> Vec<Transcript> {
    let mut found = Vec::new();
    let mut config: Vec<(String, String)> = Vec::new();
    let mut block: Option<(usize, Vec<&str>)> = None;
    for (number, line) in readme.lines().enumerate() {
        match block.take() {
            None if line.starts_with("## ") => config.clear(),
            None => {
                if line.starts_with("```") {
                    block = Some((number + 2, Vec::new()));
                }
            }
            Some((first, lines)) if line == "```" => {
                let shown = lines.first().and_then(|first| first.strip_prefix("# ~/.config/"));
                if let Some(path) = shown.filter(|path| CONFIG_FILES.contains(path)) {
                    config.retain(|(known, _)| known != path);
                    config.push((path.to_string(), lines[1..].join("\n") + "\n"));
                } else if lines.iter().any(|l| l.starts_with("$ ") && l.contains("ims ")) {
                    let mut steps: Vec<Step> = Vec::new();
                    for (at, l) in lines.into_iter().enumerate() {
                        match (l.strip_prefix("$ "), steps.last_mut()) {
                            (Some(command), _) => steps.push(Step {
                                line: first + at,
                                command: command.to_string(),
                                output: Vec::new(),
                            }),
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
            Some((first, mut lines)) => {
                lines.push(line);
                block = Some((first, lines));
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
    // An image or request ID (also as `-o markdown` escapes it), a Keystone ID, a time (also
    // escaped), the minutes a token has left, and the day a member was invited.
    const SHAPES: [&str; 7] = [
        "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
        "xxxxxxxx\\-xxxx\\-xxxx\\-xxxx\\-xxxxxxxxxxxx",
        "9999\\-99\\-99T99\\:99\\:99Z",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "9999-99-99T99:99:99Z",
        "for 99 more minutes",
        "since 9999-99-99",
    ];
    loop {
        let same = SHAPES.iter().find(|pattern| shape(e, pattern) && shape(a, pattern));
        match (e.first(), a.first()) {
            (None, None) => return true,
            _ if same.is_some() => {
                let skip = same.map_or(0, |pattern| pattern.len());
                (e, a) = (&e[skip..], &a[skip..]);
            }
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
    assert!(matches(
        "u (20a715e6c70f4557b5bf866a4c75d226)",
        "u (6fe7f9cb93194b37b46fd83f878e7026)"
    ));
    assert!(matches("valid for 60 more minutes", "valid for 59 more minutes"));
    assert!(!matches("exit 60 more", "exit 59 more"));
    // As `-o markdown` escapes them; the day a member was invited.
    assert!(matches(
        "| a9994ca8\\-1610\\-4e1e\\-964a\\-27f0c187b641 |",
        "| 0b5d2a7e\\-3c4f\\-4e8a\\-9d1b\\-6f7a8c9d0e1f |"
    ));
    assert!(matches("2026\\-11\\-25T13\\:59\\:04Z", "2027\\-01\\-02T03\\:04\\:05Z"));
    assert!(matches("pending since 2026-12-02", "pending since 2027-01-31"));
    assert!(!matches("ends 2026-12-02", "ends 2027-01-31"));
}

#[test]
fn self_contained_transcripts_show_their_config_and_image_and_use_one_port() {
    let all = transcripts(&readme());
    let contained: Vec<&Transcript> = all.iter().filter(|t| !t.config.is_empty()).collect();
    assert!(!contained.is_empty(), "no self-contained transcript in the README");
    for transcript in contained {
        let text = format!(
            "{}{}",
            transcript.config.iter().map(|(_, text)| text.as_str()).collect::<String>(),
            transcript
                .steps
                .iter()
                .map(|s| format!("{}\n{}\n", s.command, s.output.join("\n")))
                .collect::<String>()
        );
        let line = transcript.line;
        // One Glance throughout: the local one, or the local Keystone's.
        let ports: std::collections::BTreeSet<&str> =
            text.match_indices("127.0.0.1:").map(|(at, _)| &text[at..at + 14]).collect();
        let images = ["127.0.0.1:9292", "127.0.0.1:9393", "127.0.0.1:9600"];
        let glances = ports.iter().filter(|port| images.contains(port));
        assert!(glances.count() <= 1, "README.md:{line}: one port throughout: {ports:?}");
        for port in &ports {
            let known = ["127.0.0.1:9292", "127.0.0.1:9393", "127.0.0.1:9600", "127.0.0.1:5000"];
            assert!(known.contains(port), "README.md:{line}: {port} is no local service's");
        }
        // Every variable a command uses is set by an earlier one.
        let mut set: Vec<String> = Vec::new();
        for step in &transcript.steps {
            for (at, _) in step.command.match_indices('$') {
                let name: String = step.command[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                // `$1`, `$?`: the shell's own, not a variable of the transcript.
                let name = if name.starts_with(|c: char| c.is_ascii_digit()) { "" } else { &name };
                assert!(
                    name.is_empty() || set.iter().any(|known| known == name),
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
    let ims = required_url("IMS_E2E_IMS_URL");
    // The Huawei examples seed the local IMS and change its seeded images.
    let _turn = local_ims_seed_turn();
    let keystone = required_url("IMS_E2E_KEYSTONE_URL");
    let keystone_glance = run_script("local-keystone", &["url"])
        .ok()
        .and_then(|lines| lines.get("GLANCE").cloned())
        .unwrap_or_else(|| README_KEYSTONE_GLANCE.to_string());
    let servers = [
        (README_GLANCE, url.as_str()),
        (README_KEYSTONE, keystone.trim_end_matches("/v3")),
        (README_KEYSTONE_GLANCE, keystone_glance.as_str()),
        (README_IMS, ims.as_str()),
    ];
    let to_test = |text: &str| servers.iter().fold(text.to_string(), |t, (r, a)| t.replace(r, a));
    let to_readme = |text: &str| servers.iter().fold(text.to_string(), |t, (r, a)| t.replace(a, r));
    let bin = assert_cmd::cargo::cargo_bin("ims");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap());
    for transcript in transcripts(&readme()).iter().filter(|t| !t.config.is_empty()) {
        forget_images_of(&url, README_FRESH_PROJECT);
        let sandbox = Sandbox::new();
        for (path, text) in &transcript.config {
            let path = sandbox.dir.path().join("config").join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            write_private(&path, &to_test(text));
        }
        // One shell runs the commands in order; a record separator starts each output, and
        // `$?` is the previous command's, as in the README.
        let script: String = transcript
            .steps
            .iter()
            .map(|step| {
                let command = to_test(&step.command);
                format!("status=$?; printf '\\036'; (exit $status)\n{{ {command}\n}} 2>&1\n")
            })
            .collect();
        // As from the clone: `scripts/local-glance` (with the test's LOCAL_GLANCE_* settings).
        std::os::unix::fs::symlink(
            concat!(env!("CARGO_MANIFEST_DIR"), "/scripts"),
            sandbox.dir.path().join("scripts"),
        )
        .unwrap();
        // `$ cat FILE` shows a file the example reads (shares.toml): it holds what is shown.
        for step in &transcript.steps {
            let shown = step.command.strip_prefix("cat ").filter(|name| !name.contains(['/', '$']));
            if let Some(name) = shown {
                std::fs::write(sandbox.dir.path().join(name), step.output.join("\n") + "\n")
                    .unwrap();
            }
        }
        let mut bash = sandbox.command("bash");
        let local = ["LOCAL_GLANCE_", "LOCAL_IMS_"];
        for (name, value) in
            std::env::vars().filter(|(name, _)| local.iter().any(|l| name.starts_with(l)))
        {
            bash.env(name, value);
        }
        let out = bash.args(["-c", &script]).env("PATH", &path).output().unwrap();
        let stdout = to_readme(&String::from_utf8_lossy(&out.stdout));
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

/// Deletes every image `project` owns on the local Glance at `url` (its token is
/// `tok-PROJECT`), so that an example that makes that project's images starts from none.
fn forget_images_of(url: &str, project: &str) {
    let token = format!("tok-{project}");
    let path = format!("/v2/images?owner={project}&limit=1000");
    let listed = glance_call(url, "GET", &path, &token, None);
    for image in listed["images"].as_array().into_iter().flatten() {
        if let Some(id) = image["id"].as_str() {
            glance_call(url, "DELETE", &format!("/v2/images/{id}"), &token, None);
        }
    }
}

#[test]
fn every_ims_command_of_the_readme_runs_in_a_test() {
    let readme = readme();
    let run: std::collections::BTreeSet<usize> = transcripts(&readme)
        .iter()
        .filter(|t| !t.config.is_empty())
        .flat_map(|t| t.steps.iter().map(|step| step.line))
        .collect();
    let shown: Vec<usize> = readme
        .lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with("$ ") && line.contains("ims "))
        .map(|(number, _)| number + 1)
        .collect();
    assert!(shown.len() >= 30, "the README shows only {} `$ ims` lines", shown.len());
    let untested: Vec<String> = shown
        .iter()
        .filter(|line| !run.contains(line))
        .map(|line| format!("README.md:{line}"))
        .collect();
    assert!(
        untested.is_empty(),
        "`$ ims` lines no test runs (show the config file before them, \
         `# ~/.config/ims/config.toml`): {}",
        untested.join(", ")
    );
}
