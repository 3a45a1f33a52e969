//! The man pages in `man/`: clap_mangen's NAME, SYNOPSIS, DESCRIPTION, OPTIONS and
//! SUBCOMMANDS from the command line `ims` parses (a subcommand's page lists its own
//! options, as its `--help` does), then ENVIRONMENT (from the settings' variables and the
//! `OS_*` table), FILES, EXIT STATUS (from the exit-code table), EXAMPLES and SEE ALSO.
//! A test keeps the committed pages equal to these; `IMS_UPDATE_MAN=1 cargo test --bins
//! man_pages` writes them.

use std::collections::BTreeMap;

use clap_mangen::roff::{Roff, bold, italic, roman};

use crate::cli::{GLOBALS_HINT, Setting, command};
use crate::error::EXIT_STATUSES;
use crate::settings::openstack::OS_VARIABLES;

/// The common pipelines: what it does, then the command line.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "Who can see an image, and who has accepted it:",
        "ims member list 7d1c0f6e-1c2b-4d7e-9a55-0f3c2b1a9e77",
    ),
    (
        "Every member of every image this project shares, for a spreadsheet:",
        "ims member list --all -o csv > members.csv",
    ),
    (
        "Shares still waiting for an answer:",
        "ims member list --all --status pending",
    ),
    (
        "The images this project shares, then their members, one pipeline:",
        "ims image list -o ids | ims member list - -o ndjson",
    ),
    (
        "Share an image with two projects; see the requests first:",
        "ims member add IMAGE_ID proj-a proj-b --dry-run && ims member add IMAGE_ID proj-a proj-b",
    ),
    (
        "Stop sharing an image with a project, without asking (scripts):",
        "ims member remove IMAGE_ID proj-a --yes",
    ),
    (
        "As the member: accept every image still pending for this project:",
        "ims image list --incoming --status pending -o ids | ims member accept -",
    ),
    (
        "As the member: reject one image:",
        "ims member reject IMAGE_ID",
    ),
    (
        "Today's sharing as a shares file, then what it would change, then apply it:",
        "ims share export > shares.toml; ims share plan; ims share apply",
    ),
    (
        "Fail a cron job or CI step when the cloud has drifted (exit 10):",
        "ims share check -o ids",
    ),
    (
        "With an OpenStack cloud of clouds.yaml:",
        "ims --os-cloud mycloud member list IMAGE_ID",
    ),
    (
        "Which settings are in effect, and where each came from:",
        "ims profile show",
    ),
    ("The profiles of the config file:", "ims profile list"),
    (
        "The cached Keystone token of this identity:",
        "ims --os-cloud mycloud auth status",
    ),
    (
        "Sign in now, or forget the cached token:",
        "ims auth login; ims auth logout",
    ),
    (
        "Install the bash completion for this user:",
        "mkdir -p ~/.local/share/bash-completion/completions && ims completions bash > \
         ~/.local/share/bash-completion/completions/ims",
    ),
];

/// Variables beside the settings' and the `OS_*` table's, with what they do.
const OTHER_VARIABLES: &[(&str, &str)] = &[
    (
        "OS_CLIENT_CONFIG_FILE",
        "The clouds.yaml to read, before the usual places (see FILES).",
    ),
    (
        "XDG_CONFIG_HOME",
        "Where the config file and openstack/clouds.yaml are looked for (default ~/.config).",
    ),
    (
        "XDG_CACHE_HOME",
        "Where the Keystone token cache is kept (default ~/.cache).",
    ),
    ("HOME", "The home directory the defaults above are under."),
    (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY",
        "A proxy for the requests (also lower case), reached with CONNECT.",
    ),
];

/// The files `ims` reads and writes.
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/ims/config.toml (~/.config/ims/config.toml)",
        "The config file: profiles with endpoint, credential and project (--config, \
         IMS_CONFIG name another). Keep it mode 600: it may hold secrets.",
    ),
    (
        "clouds.yaml, $XDG_CONFIG_HOME/openstack/clouds.yaml, ~/.config/openstack/clouds.yaml, \
         /etc/openstack/clouds.yaml",
        "OpenStack clouds for --os-cloud, the first that exists (OS_CLIENT_CONFIG_FILE names \
         another); secure.yaml beside it holds the secrets.",
    ),
    (
        "$XDG_CACHE_HOME/ims/ (~/.cache/ims/)",
        "The Keystone token cache, one file per identity and scope, mode 600 (--no-cache skips \
         it; ims auth logout removes it).",
    ),
    (
        "shares.toml",
        "The desired sharing of ims share, in the current directory (-f names another).",
    ),
];

/// Every man page, by file name (`ims.1`, `ims-member-list.1`, ...).
pub(crate) fn pages() -> BTreeMap<String, Vec<u8>> {
    let mut root = command().disable_help_subcommand(true);
    root.build();
    let mut pages = BTreeMap::new();
    add_pages(&root, &[], &mut pages);
    pages
}

/// The page of `cmd` (below `parents`, by name) and those of its subcommands.
fn add_pages(cmd: &clap::Command, parents: &[String], pages: &mut BTreeMap<String, Vec<u8>>) {
    let path: Vec<String> = parents
        .iter()
        .cloned()
        .chain([cmd.get_name().to_string()])
        .collect();
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        add_pages(sub, &path, pages);
    }
    let man = clap_mangen::Man::new(cmd.clone().after_help(None::<&str>));
    let mut page = Vec::new();
    // Everything but VERSION (and the EXTRA the help's footer would make), then ours.
    man.render_title(&mut page).ok();
    for render in [
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ] {
        let mut section = Vec::new();
        render(&man, &mut section).ok();
        page.extend(without_preamble(&section));
    }
    if cmd.has_subcommands() {
        let mut section = Vec::new();
        man.render_subcommands_section(&mut section).ok();
        page.extend(without_preamble(&section));
    }
    let mut roff = Roff::new();
    if !parents.is_empty() {
        roff.control("SH", ["GLOBAL OPTIONS"]);
        roff.text([roman(GLOBALS_HINT.replace("`ims --help`", "ims(1)"))]);
    }
    environment(&mut roff);
    files(&mut roff);
    exit_status(&mut roff);
    examples(&mut roff, &path.join(" "));
    see_also(&mut roff, cmd, parents);
    page.extend(without_preamble(roff.render().as_bytes()));
    pages.insert(format!("{}.1", path.join("-")), page);
}

/// A rendered fragment without roff's apostrophe preamble (the title's carries it once).
fn without_preamble(fragment: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(fragment);
    text.lines()
        .filter(|line| !line.starts_with(".ie \\n(.g .ds Aq") && !line.starts_with(".el .ds Aq"))
        .flat_map(|line| format!("{line}\n").into_bytes())
        .collect()
}

/// A `.TP` entry: `term` in bold, then `text`.
fn entry(roff: &mut Roff, term: &str, text: &str) {
    roff.control("TP", []);
    roff.text([bold(term)]);
    roff.text([roman(text)]);
}

/// ENVIRONMENT: each setting's variables, the `OS_*` sign-in variables, and the others.
fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    for setting in Setting::ALL {
        for var in setting.env {
            let flag = setting
                .flag
                .map(|flag| format!(" (as {flag})"))
                .unwrap_or_default();
            entry(roff, var, &format!("{}{flag}.", setting.about));
        }
    }
    for (var, key) in OS_VARIABLES {
        let what = format!(
            "OpenStack sign-in when no --os-cloud is named: the cloud's {key}, as in an openrc."
        );
        entry(roff, var, &what);
    }
    for (var, what) in OTHER_VARIABLES {
        entry(roff, var, what);
    }
}

/// FILES: the config file, clouds.yaml, the token cache, the shares file.
fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    for (file, what) in FILES {
        entry(roff, file, what);
    }
}

/// EXIT STATUS: the exit-code table.
fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    for status in &EXIT_STATUSES {
        entry(roff, &status.code.to_string(), status.meaning);
    }
}

/// EXAMPLES: the pipelines that use `path` (`ims member list`), or all of them.
fn examples(roff: &mut Roff, path: &str) {
    roff.control("SH", ["EXAMPLES"]);
    let uses = |line: &str| line.contains(&format!("{path} ")) || line.ends_with(path);
    let mine: Vec<&(&str, &str)> = EXAMPLES.iter().filter(|(_, line)| uses(line)).collect();
    let shown = match mine.is_empty() || path == "ims" {
        true => EXAMPLES.iter().collect(),
        false => mine,
    };
    for (what, line) in shown {
        roff.control("TP", []);
        roff.text([roman(*what)]);
        roff.text([bold(format!("$ {line}"))]);
    }
}

/// SEE ALSO: the parent pages and the subcommands' pages.
fn see_also(roff: &mut Roff, cmd: &clap::Command, parents: &[String]) {
    roff.control("SH", ["SEE ALSO"]);
    let page = |names: &[String]| format!("{}(1)", names.join("-"));
    let mut refs: Vec<String> = (1..=parents.len()).map(|n| page(&parents[..n])).collect();
    let mut path = parents.to_vec();
    path.push(cmd.get_name().to_string());
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        refs.push(page(
            &[path.clone(), vec![sub.get_name().to_string()]].concat(),
        ));
    }
    let mut inlines = Vec::new();
    for (i, name) in refs.iter().enumerate() {
        if i > 0 {
            inlines.push(roman(", "));
        }
        inlines.push(bold(name.clone()));
    }
    if !inlines.is_empty() {
        inlines.push(roman(", "));
    }
    inlines.push(italic("README.md"));
    inlines.push(roman(
        " (installed with the package under /usr/share/doc/ims).",
    ));
    roff.text(inlines);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files of a folder, by name, with their content.
    fn files_in(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(entry.path()).unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn committed_man_pages_match_the_clap_definitions() {
        let pages = pages();
        assert!(pages.contains_key("ims.1") && pages.contains_key("ims-member-list.1"));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
        if std::env::var_os("IMS_UPDATE_MAN").is_some() {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            for (name, page) in &pages {
                std::fs::write(dir.join(name), page).unwrap();
            }
        }
        let committed = files_in(&dir);
        assert!(
            pages == committed,
            "man/ is stale: run `IMS_UPDATE_MAN=1 cargo test --bins man_pages`"
        );
    }

    #[test]
    fn every_man_page_has_the_sections_people_look_for() {
        for (name, page) in pages() {
            let page = String::from_utf8(page).unwrap();
            let sections: Vec<&str> = page
                .lines()
                .filter_map(|line| line.strip_prefix(".SH "))
                .map(|title| title.trim_matches('"'))
                .collect();
            for wanted in [
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "OPTIONS",
                "ENVIRONMENT",
                "FILES",
                "EXIT STATUS",
                "EXAMPLES",
                "SEE ALSO",
            ] {
                assert!(
                    sections.contains(&wanted),
                    "{name}: no {wanted} in {sections:?}"
                );
            }
            assert!(!sections.contains(&"EXTRA"), "{name}");
            assert_eq!(page.matches(".ds Aq").count(), 2, "{name}: one preamble");
        }
        let root = String::from_utf8(pages()["ims.1"].clone()).unwrap();
        for var in [
            "IMS_PROJECT_ID",
            "IMS_DEADLINE",
            "OS_PASSWORD",
            "XDG_CACHE_HOME",
        ] {
            assert!(root.contains(&format!("\\fB{var}\\fR")), "{var}");
        }
        assert!(root.contains("drift: `share check` found the cloud differs from the file"));
        let list = String::from_utf8(pages()["ims-member-list.1"].clone()).unwrap();
        assert!(
            list.contains("ims member list \\-\\-all \\-\\-status pending"),
            "{list}"
        );
        assert!(
            !list.contains("\\-\\-endpoint\\fR \\fI<URL>"),
            "globals only in ims(1)"
        );
    }
}
