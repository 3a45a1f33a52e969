//! `ims completions SHELL`

use clap::CommandFactory;

use crate::cli::Cli;
use crate::console::Console;
use crate::output;

/// Prints the completion script for `shell`.
pub(crate) fn run(console: &Console, shell: clap_complete::Shell) -> anyhow::Result<()> {
    // Generated into memory first: clap_complete panics when its writer fails, and
    // stdout may be a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ims", &mut script);
    output::to_stdout(console, |out| {
        out.write_all(&script).map_err(output::write_error)
    })?;
    Ok(())
}

#[cfg(test)]
#[path = "completions_tests.rs"]
mod tests;
