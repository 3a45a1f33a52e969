//! Secrets read from where the settings say: a literal, a file, or the output of a shell
//! command (`token_command`, `password_command`).

use std::process::{Command, Stdio};

use crate::error::Error;
use crate::secret::Secret;
use crate::settings::{Source, Sourced, TokenSource};

/// Reads a token from where the settings say; empty or multi-line tokens are refused.
pub(crate) fn read_token(token: &Sourced<TokenSource>) -> Result<Secret, Error> {
    let value = match &token.value {
        TokenSource::Literal(secret) => secret.expose().trim().to_string(),
        TokenSource::File(path) => read_token_file(path, &token.source)?,
        TokenSource::Command(command) => {
            run_secret_command("token_command", command, &token.source)?
        }
    };
    if value.is_empty() {
        return Err(Error::config(format!(
            "the token from {} is empty",
            token.source
        )));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(Error::config(format!(
            "the token from {} contains control characters (a line break?)",
            token.source
        )));
    }
    Ok(Secret::masked(value))
}

/// The trimmed content of the token file `path` (a regular file of at most 4 MiB).
fn read_token_file(path: &std::path::Path, source: &Source) -> Result<String, Error> {
    let what = format!("token_file {} (from {source})", path.display());
    let text = crate::files::read_small_text(path, &what)?
        .ok_or_else(|| Error::config(format!("cannot read {what}: it does not exist")))?;
    crate::settings::file::warn_if_exposed(path, "token_file");
    Ok(text.trim().to_string())
}

/// Runs `command` (the setting `what`) through the shell; its trimmed stdout is the
/// secret. A failure shows the command's stderr, never its stdout.
pub(crate) fn run_secret_command(
    what: &str,
    command: &str,
    source: &Source,
) -> Result<String, Error> {
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|err| Error::config(format!("cannot run {what} (from {source}): {err}")))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr = stderr.trim();
        let status = match output.status.code() {
            Some(code) => format!("exit status {code}"),
            None => "a signal".to_string(),
        };
        let detail = if stderr.is_empty() {
            String::new()
        } else {
            format!(": {stderr}")
        };
        return Err(Error::config(format!(
            "{what} (from {source}) failed with {status}{detail}"
        )));
    }
    String::from_utf8(output.stdout)
        .map(|text| text.trim().to_string())
        .map_err(|_| {
            Error::config(format!(
                "token_command (from {source}) printed non-UTF-8 output"
            ))
        })
}
