//! `ims`: image-sharing members of Huawei Cloud IMS, Open Telekom Cloud IMS and OpenStack
//! Glance v2. This file parses the command line, runs the command, and turns an error
//! into a message on stderr and an exit code.

mod api;
mod auth;
mod cli;
mod client;
mod commands;
mod error;
mod files;
mod model;
mod output;
mod secret;
mod settings;
mod text;
mod url;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version land here too; a closed stdout is not worth a word.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            error::report(&err);
            ExitCode::from(error::kind_of(&err).exit_code())
        }
    }
}
