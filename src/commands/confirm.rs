//! The question a command asks before it changes much: `… [y/N]` on a terminal, `--yes`
//! off one.

use crate::console::Console;
use crate::error::Error;

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
