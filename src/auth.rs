//! Credentials: where a token is read from, and how a credential authorises a request.

use std::process::{Command, Stdio};

use crate::error::Error;
use crate::secret::Secret;
use crate::settings::{Source, Sourced, TokenSource};

/// A ready-to-use credential.
#[derive(Debug, Clone)]
pub enum Credential {
    /// A token sent as `X-Auth-Token`.
    Token(Secret),
}

impl Credential {
    /// Reads the credential the settings point at: the token itself, a token file, or the
    /// output of a token command. `None` settings is a config error.
    pub fn from_settings(token: Option<&Sourced<TokenSource>>) -> Result<Credential, Error> {
        let Some(token) = token else {
            return Err(Error::config(
                "no credential: set --token, IMS_TOKEN, or token / token_file / token_command in a profile",
            ));
        };
        let value = match &token.value {
            TokenSource::Literal(secret) => secret.expose().trim().to_string(),
            TokenSource::File(path) => read_token_file(path, &token.source)?,
            TokenSource::Command(command) => run_token_command(command, &token.source)?,
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
        Ok(Credential::Token(Secret::new(value)))
    }

    /// The headers that authorise one request, as (name, value) pairs.
    pub fn headers(&self) -> Vec<(&'static str, &Secret)> {
        match self {
            Credential::Token(token) => vec![("X-Auth-Token", token)],
        }
    }
}

fn read_token_file(path: &std::path::Path, source: &Source) -> Result<String, Error> {
    std::fs::read_to_string(path)
        .map(|text| text.trim().to_string())
        .map_err(|err| {
            Error::config(format!(
                "cannot read token_file {} (from {source}): {err}",
                path.display()
            ))
        })
}

/// Runs `command` through the shell; its trimmed stdout is the token. A failure shows the
/// command's stderr, never its stdout.
fn run_token_command(command: &str, source: &Source) -> Result<String, Error> {
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|err| Error::config(format!("cannot run token_command (from {source}): {err}")))?;
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
            "token_command (from {source}) failed with {status}{detail}"
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn sourced(token: TokenSource) -> Sourced<TokenSource> {
        Sourced {
            value: token,
            source: Source::Flag("--token"),
        }
    }

    fn token_of(result: Result<Credential, Error>) -> String {
        let Credential::Token(token) = result.unwrap();
        token.expose().to_string()
    }

    #[test]
    fn literal_is_trimmed() {
        let cred =
            Credential::from_settings(Some(&sourced(TokenSource::Literal(Secret::new(" t1 \n")))));
        assert_eq!(token_of(cred), "t1");
    }

    #[test]
    fn command_stdout_is_the_token() {
        let cred = Credential::from_settings(Some(&sourced(TokenSource::Command(
            "printf ' tok\\n'".into(),
        ))));
        assert_eq!(token_of(cred), "tok");
    }

    #[test]
    fn failing_command_shows_stderr_not_stdout() {
        let err = Credential::from_settings(Some(&sourced(TokenSource::Command(
            "echo SECRET-OUT; echo boom >&2; exit 3".into(),
        ))))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "token_command (from --token) failed with exit status 3: boom"
        );
    }

    #[test]
    fn file_token_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t");
        std::fs::write(&path, "filetok\n").unwrap();
        assert_eq!(
            token_of(Credential::from_settings(Some(&sourced(
                TokenSource::File(path)
            )))),
            "filetok"
        );
        let err =
            Credential::from_settings(Some(&sourced(TokenSource::File(PathBuf::from("/no/such")))))
                .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cannot read token_file /no/such (from --token): ")
        );
    }

    #[test]
    fn empty_or_multiline_tokens_are_refused() {
        let err = Credential::from_settings(Some(&sourced(TokenSource::Command("true".into()))))
            .unwrap_err();
        assert_eq!(err.to_string(), "the token from --token is empty");
        let err =
            Credential::from_settings(Some(&sourced(TokenSource::Literal(Secret::new("a\nb")))))
                .unwrap_err();
        assert!(err.to_string().contains("control characters"));
        assert!(!err.to_string().contains("a\nb"));
        let err = Credential::from_settings(None).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Config);
    }

    #[test]
    fn debug_masks_the_token() {
        let cred = Credential::Token(Secret::new("tok-xyz"));
        assert!(!format!("{cred:?}").contains("tok-xyz"));
    }
}
