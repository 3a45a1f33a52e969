//! Commands: short functions that wire settings, auth, the API and the renderers.

mod auth;
mod completions;
mod member;
mod profile;

use std::time::Duration;

use crate::cli::{Cli, Command};
use crate::client::{Client, ClientOptions, Tls};
use crate::error::warn;
use crate::settings::Settings;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Member(command) => member::run(&cli.global, command),
        Command::Profile(command) => profile::run(&cli.global, command),
        Command::Auth(command) => auth::run(&cli.global, command),
        Command::Completions { shell } => completions::run(shell),
    }
}

/// The HTTP client the settings ask for (timeouts, retries, TLS, tracing).
fn client_for(settings: &Settings) -> Client {
    if settings.insecure.value {
        warn(&format!(
            "TLS certificate verification is off (from {}): anyone on the path can read and \
             change this traffic",
            settings.insecure.source
        ));
    }
    Client::new(ClientOptions {
        timeout: Duration::from_secs_f64(settings.timeout.value),
        retries: settings.retries.value,
        verbose: settings.verbose,
        tls: match settings.insecure.value {
            true => Tls::Insecure,
            false => Tls::Verify {
                extra_ca: settings.ca_file.as_ref().map(|f| f.value.clone()),
            },
        },
    })
}
