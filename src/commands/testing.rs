//! Running a command in-process, as `main` would, against a console of buffers: what it
//! printed and its exit code, with no process spawned and the process's environment
//! unread.

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::cli::Cli;
use crate::console::testing::Printed;
use crate::console::{Console, Terminal};
use crate::error::{Error, Reported};
use crate::settings::testing::env_of;
use crate::settings::warnings::collect;

/// What one in-process run of `ims` left.
#[derive(Debug)]
pub(crate) struct Ran {
    /// The exit code.
    pub(crate) code: u8,
    /// Everything written to stdout.
    pub(crate) stdout: String,
    /// Everything written to stderr.
    pub(crate) stderr: String,
    /// The warnings about settings (written to the process's stderr, not the console's).
    pub(crate) warnings: Vec<String>,
}

impl Ran {
    /// The exit code, stdout and stderr, for one `assert_eq!`.
    pub(crate) fn parts(&self) -> (u8, &str, &str) {
        (self.code, &self.stdout, &self.stderr)
    }
}

/// Neither stdin nor stderr is a terminal (as in a script).
pub(crate) const SCRIPT: Terminal = Terminal {
    stdin: false,
    stderr: false,
};

/// Both stdin and stderr are a terminal (someone can answer).
pub(crate) const TERMINAL: Terminal = Terminal {
    stdin: true,
    stderr: true,
};

/// Runs `ims ARGS` with `stdin`, `terminal` and exactly the environment `env` (no config
/// file is found and nothing is remembered: `XDG_CONFIG_HOME` and `XDG_CACHE_HOME` are set
/// to directories that do not exist unless `env` sets them).
pub(crate) fn ims(args: &[&str], stdin: &str, terminal: Terminal, env: &[(&str, &str)]) -> Ran {
    let (cli, console, Printed { stdout, stderr }) = prepare(args, stdin, terminal, env);
    let (code, warnings) = collect(|| super::run(cli, &console));
    Ran {
        code,
        stdout: stdout.text(),
        stderr: stderr.text(),
        warnings,
    }
}

/// The typed error a failing `ims ARGS` (see [`ims`]) ends with, as the caller of the
/// command gets it: for failures the command reported itself, the first one.
pub(crate) fn failure(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Error {
    let terminal = Terminal {
        stdin: false,
        stderr: false,
    };
    let (cli, console, _) = prepare(args, stdin, terminal, env);
    let err = super::dispatch(cli, &console).expect_err("the command fails");
    match err.downcast_ref::<Reported>() {
        Some(Reported(first)) => first.clone(),
        None => err
            .chain()
            .find_map(|cause| cause.downcast_ref::<Error>())
            .expect("a typed error")
            .clone(),
    }
}

/// The parsed command line and a console of buffers with the environment `env`.
fn prepare(
    args: &[&str],
    stdin: &str,
    terminal: Terminal,
    env: &[(&str, &str)],
) -> (Cli, Console, Printed) {
    let cli = crate::cli::try_parse_from(std::iter::once("ims").chain(args.iter().copied()))
        .expect("a valid command line");
    let mut pairs = vec![
        ("XDG_CONFIG_HOME", "/nonexistent/ims-unit-test"),
        // A directory that cannot be made, even by root: nothing is remembered.
        ("XDG_CACHE_HOME", "/dev/null/ims-unit-test-cache"),
    ];
    pairs.extend_from_slice(env);
    let (console, printed) = Console::buffered(stdin, terminal, env_of(&pairs));
    (cli, console, printed)
}

/// The environment of a token sign-in at `url` as project p1 (token `tok`), Glance's
/// sharing rules stated (no version document is asked for).
pub(crate) fn token_env(url: &str) -> [(&str, &str); 4] {
    [
        ("IMS_ENDPOINT", url),
        ("IMS_TOKEN", "tok"),
        ("IMS_PROJECT_ID", "p1"),
        ("IMS_SHARING_RULES", "glance"),
    ]
}

/// The OS_* variables of a Keystone password sign-in at `url`: user u-owner (password
/// `secret-u-owner`) in project proj-owner, both in domain Default.
pub(crate) fn keystone_env(url: &str) -> [(&'static str, String); 6] {
    [
        ("OS_AUTH_URL", format!("{url}/v3")),
        ("OS_USERNAME", "u-owner".into()),
        ("OS_PASSWORD", "secret-u-owner".into()),
        ("OS_PROJECT_NAME", "proj-owner".into()),
        ("OS_USER_DOMAIN_NAME", "Default".into()),
        ("OS_PROJECT_DOMAIN_NAME", "Default".into()),
    ]
}

/// A Keystone at `server` that hands out token `token` (valid for an hour) for exactly
/// the sign-in of [`keystone_env`]: user 5f89 in project a4bd, with a catalog whose
/// image endpoint is `server`.
pub(crate) fn keystone<'a>(server: &'a MockServer, token: &str) -> httpmock::Mock<'a> {
    let expires_at = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(3600);
    let answer: Value = json!({"token": {
        "methods": ["password"],
        "user": {"domain": {"id": "default", "name": "Default"}, "id": "5f89", "name": "u-owner"},
        "expires_at": expires_at.to_string(),
        "project": {"domain": {"id": "default", "name": "Default"}, "id": "a4bd",
                    "name": "proj-owner"},
        "catalog": [{"type": "image", "name": "glance", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "url": server.base_url()}]}]}});
    server.mock(|when, then| {
        when.method(POST)
            .path("/v3/auth/tokens")
            .header("content-type", "application/json")
            .header_missing("x-auth-token")
            .json_body(json!({"auth": {
                "identity": {"methods": ["password"], "password": {"user": {
                    "name": "u-owner", "domain": {"name": "Default"},
                    "password": "secret-u-owner"}}},
                "scope": {"project": {"name": "proj-owner", "domain": {"name": "Default"}}}}}));
        then.status(201)
            .header("x-subject-token", token)
            .json_body(answer);
    })
}
