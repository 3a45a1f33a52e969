//! Commands: short functions that wire settings, auth, the API, the shared machinery and
//! the renderers. Each takes the outside world (stdout, stderr, stdin, terminal,
//! environment) from a [`Console`], so a unit test runs it in-process.

mod auth;
mod change;
mod completions;
mod image;
mod member;
mod profile;
mod session;
#[cfg(test)]
mod testing;

use crate::cli::{Cli, Command, MemberCommand};
use crate::console::Console;
use crate::error::{Error, kind_of};

/// Runs the parsed command line against `console`; the exit code. A failure is reported
/// on the console's stderr.
pub(crate) fn run(cli: Cli, console: &Console) -> u8 {
    match dispatch(cli, console) {
        Ok(()) => 0,
        Err(err) => {
            console.report(&err);
            kind_of(&err).exit_code()
        }
    }
}

/// Runs the subcommand `cli` names.
fn dispatch(cli: Cli, console: &Console) -> anyhow::Result<()> {
    let global = &cli.global;
    match cli.command {
        Command::Member(command) => match command {
            MemberCommand::Show {
                image_id,
                member_id,
            } => member::show(console, global, &image_id, &member_id),
            MemberCommand::List(args) => member::list(console, global, args),
            MemberCommand::Add(args) => change::add(console, global, args),
            MemberCommand::Remove(args) => change::remove(console, global, args),
            MemberCommand::Accept(args) => change::accept(console, global, args),
            MemberCommand::Reject(args) => change::reject(console, global, args),
        },
        Command::Image(command) => image::run(console, global, command),
        Command::Profile(command) => profile::run(console, global, command),
        Command::Auth(command) => auth::run(console, global, command),
        Command::Completions { shell } => completions::run(console, shell),
    }
}

/// Asks `question [y/N]` when stdin and stderr are a terminal and goes on only on `y` or
/// `yes`; anything else, an empty answer or the end of stdin stops (exit 2). Off a
/// terminal nobody can answer: `command` needs `--yes` (exit 2). Nothing was sent either
/// way when it stops.
pub(crate) fn confirm(console: &Console, command: &str, question: &str) -> Result<(), Error> {
    let terminal = console.terminal();
    if !(terminal.stdin && terminal.stderr) {
        return Err(Error::usage(format!(
            "{command} needs --yes when it cannot ask on a terminal; nothing was sent"
        )));
    }
    let answer = console
        .ask(&format!("{question} [y/N]"))
        .map_err(|err| Error::usage(format!("cannot read the answer: {err}")))?;
    match answer
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
        .as_str()
    {
        "y" | "yes" => Ok(()),
        _ => Err(Error::usage("not confirmed; nothing was sent")),
    }
}
