//! Commands: short functions that wire settings, auth, the API, the shared machinery and
//! the renderers. Each takes the outside world (stdout, stderr, stdin, terminal,
//! environment) from a [`Console`], so a unit test runs it in-process.

mod auth;
mod change;
mod completions;
mod confirm;
mod image;
#[cfg(test)]
mod man;
mod member;
mod profile;
mod session;
mod share;
#[cfg(test)]
mod testing;

use crate::cli::{Cli, Command, MemberCommand};
use crate::console::Console;
use crate::error::kind_of;
use crate::work::change::Action;

pub(crate) use completions::{COMPLETER, names as complete_names};

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
            MemberCommand::Accept(args) => change::answer(console, global, args, Action::Accept),
            MemberCommand::Reject(args) => change::answer(console, global, args, Action::Reject),
        },
        Command::Image(command) => image::run(console, global, command),
        Command::Share(command) => share::run(console, global, command),
        Command::Profile(command) => profile::run(console, global, command),
        Command::Auth(command) => auth::run(console, global, command),
        Command::Completions { shell } => completions::run(console, shell),
    }
}
