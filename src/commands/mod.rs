//! Commands: short functions that wire settings, auth, the API and the renderers.

mod auth;
mod change;
mod completions;
mod image;
mod member;
mod profile;
mod session;
mod share;

use crate::cli::{Cli, Command, MemberCommand};

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Member(command) => match command {
            MemberCommand::Show {
                image_id,
                member_id,
            } => member::show(&cli.global, &image_id, &member_id),
            MemberCommand::List(args) => member::list(&cli.global, args),
            MemberCommand::Add(args) => change::add(&cli.global, args),
            MemberCommand::Remove(args) => change::remove(&cli.global, args),
            MemberCommand::Accept(args) => change::accept(&cli.global, args),
            MemberCommand::Reject(args) => change::reject(&cli.global, args),
        },
        Command::Image(command) => image::run(&cli.global, command),
        Command::Share(command) => share::run(&cli.global, command),
        Command::Profile(command) => profile::run(&cli.global, command),
        Command::Auth(command) => auth::run(&cli.global, command),
        Command::Completions { shell } => completions::run(shell),
    }
}
