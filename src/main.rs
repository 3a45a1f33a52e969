//! `ims`: image sharing on Huawei Cloud IMS, Open Telekom Cloud IMS and OpenStack Glance
//! v2. This file parses the command line, runs the command, and turns an error into a
//! message on stderr and an exit code.
//!
//! Data flows one way. The layers, lowest first; a file uses only its own layer and those
//! below it, so no two files import each other:
//!
//! 1. `error`, `advice`, `secret`, `text`, `url`, `files`, `cli`, `console`: the typed
//!    error and what to do about the service's sharing errors, secrets, terminal escaping,
//!    URL helpers, small-file reading, the command-line grammar and its typed values, and
//!    the outside world a command sees (stdout, stderr, stdin, terminal, environment);
//! 2. `model`: what the service sends (members, images, jobs, error bodies);
//!    `share`: the shares file and the pure planner over it;
//! 3. `client`: the one HTTP path and its policies (retry, redirect, TLS, limits, trace);
//! 4. `settings`: every setting with its source;
//! 5. `auth`: credentials, Keystone sign-in, the token cache;
//! 6. `api`: one function per request of the image service;
//! 7. `output`: one renderer per format;
//! 8. `work`: the machinery commands share: the ordered fan-out over `--jobs`, IDs from
//!    arguments and stdin, the pipeline of share changes;
//! 9. `commands`: one short function per subcommand;
//! 10. `main`: this file.
//!
//! `pow` (glibc only) stands outside the layers: nothing imports it, it only gives the
//! linker C's `pow`, so that no run loads `libm.so.6`.

mod advice;
mod api;
mod auth;
mod cli;
mod client;
mod commands;
mod console;
mod error;
mod files;
mod model;
mod output;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod pow;
mod secret;
mod settings;
mod share;
mod text;
mod url;
mod work;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The completion scripts' own question (`ims __complete profiles|clouds`), kept out of
    // the command line clap knows, so that no script or help offers it.
    if args.get(1).is_some_and(|arg| arg == commands::COMPLETER) {
        let console =
            console::Console::process(output::process_stdout(), Box::new(settings::process_env));
        return ExitCode::from(commands::complete_names(&console, args.get(2)));
    }
    let cli = match cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version land here too; a closed stdout is not worth a word.
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let console =
        console::Console::process(output::process_stdout(), Box::new(settings::process_env));
    ExitCode::from(commands::run(cli, &console))
}
