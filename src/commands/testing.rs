//! Running a command in-process, as `main` would, against a console of buffers: what it
//! printed and its exit code, with no process spawned and the process's environment
//! unread.

use crate::cli::Cli;
use crate::console::testing::Printed;
use crate::console::{Console, Terminal};
use crate::error::{Error, Reported};
use crate::settings::testing::env_of;

/// What one in-process run of `ims` left.
#[derive(Debug)]
pub(crate) struct Ran {
    /// The exit code.
    pub(crate) code: u8,
    /// Everything written to stdout.
    pub(crate) stdout: String,
    /// Everything written to stderr.
    pub(crate) stderr: String,
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
/// file is found: `XDG_CONFIG_HOME` is set to a directory that does not exist unless
/// `env` sets it).
pub(crate) fn ims(args: &[&str], stdin: &str, terminal: Terminal, env: &[(&str, &str)]) -> Ran {
    let (cli, console, Printed { stdout, stderr }) = prepare(args, stdin, terminal, env);
    let code = super::run(cli, &console);
    Ran {
        code,
        stdout: stdout.text(),
        stderr: stderr.text(),
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
    let mut pairs = vec![("XDG_CONFIG_HOME", "/nonexistent/ims-unit-test")];
    pairs.extend_from_slice(env);
    let (console, printed) = Console::buffered(stdin, terminal, env_of(&pairs));
    (cli, console, printed)
}
