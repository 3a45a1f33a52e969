//! Commands: short functions that wire settings, auth, the API and the renderers.

mod auth;
mod completions;
mod image;
mod member;
mod profile;
mod session;

use crate::cli::{Cli, Command};

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Member(command) => member::run(&cli.global, command),
        Command::Image(command) => image::run(&cli.global, command),
        Command::Profile(command) => profile::run(&cli.global, command),
        Command::Auth(command) => auth::run(&cli.global, command),
        Command::Completions { shell } => completions::run(shell),
    }
}
