//! Secrets read from where the settings say: a literal, a file, or the output of a shell
//! command (`token_command`, `password_command`). A command runs in its own process group
//! under the request time limit (`--timeout`); the whole group is killed when it is
//! exceeded, and what it prints is read bounded.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::cli::Timeout;
use crate::error::Error;
use crate::secret::{Secret, mask_command};
use crate::settings::{Source, Sourced, TokenSource};

/// The most a secret command may print on stdout: a secret is one short line.
const MAX_SECRET_OUTPUT: usize = 1024 * 1024;

/// The most of a command's stderr kept for its error message; the rest is read and dropped.
const MAX_STDERR_KEPT: usize = 64 * 1024;

/// How often a command that closed its output is checked for having exited.
const EXIT_POLL: Duration = Duration::from_millis(5);

/// Reads a token from where the settings say; empty or multi-line tokens are refused. A
/// token command may run for `limit` at most.
pub(crate) fn read_token(
    token: &Sourced<TokenSource>,
    limit: &Sourced<Timeout>,
) -> Result<Secret, Error> {
    let value = match &token.value {
        TokenSource::Literal(secret) => secret.expose().trim().to_string(),
        TokenSource::File(path) => read_token_file(path, &token.source)?,
        TokenSource::Command(command) => {
            run_secret_command("token_command", command, &token.source, limit)?
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

/// Which output of a command a reader thread drained.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stream {
    Stdout,
    Stderr,
}

/// What a reader thread read from one output of a command.
struct Captured {
    stream: Stream,
    bytes: Vec<u8>,
    /// More was printed than is kept.
    overflowed: bool,
}

/// Runs `command` (the setting `what`, set by `source`) through the shell, in its own
/// process group, for `limit` at most; its trimmed stdout is the secret. A failure shows
/// the command's stderr, never its stdout; a message shows the command's program only.
pub(crate) fn run_secret_command(
    what: &str,
    command: &str,
    source: &Source,
    limit: &Sourced<Timeout>,
) -> Result<String, Error> {
    let shown = mask_command(command);
    let failed = |why: String| Error::config(format!("{what} `{shown}` (from {source}) {why}"));
    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        shell.process_group(0);
    }
    let mut child = shell
        .spawn()
        .map_err(|err| failed(format!("could not be started: {err}")))?;
    let (sender, receiver) = mpsc::channel();
    let pipes = [
        child
            .stdout
            .take()
            .map(|pipe| (Stream::Stdout, Box::new(pipe) as Box<dyn Read + Send>)),
        child
            .stderr
            .take()
            .map(|pipe| (Stream::Stderr, Box::new(pipe) as Box<dyn Read + Send>)),
    ];
    for (stream, pipe) in pipes.into_iter().flatten() {
        let sender = sender.clone();
        let reader = std::thread::Builder::new().spawn(move || {
            // The receiver is gone only when the command was already given up on.
            let _ = sender.send(drain(stream, pipe));
        });
        if let Err(err) = reader {
            stop(&mut child);
            return Err(failed(format!("could not be read: {err}")));
        }
    }
    drop(sender);

    let deadline = Instant::now() + limit.value.0;
    let timed_out = || {
        failed(format!(
            "did not finish within {} s (the timeout, from {}); it was stopped",
            limit.value, limit.source
        ))
    };
    let (mut stdout, mut stderr) = (None, None);
    while stdout.is_none() || stderr.is_none() {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(captured) = receiver.recv_timeout(left) else {
            stop(&mut child);
            return Err(timed_out());
        };
        match captured.stream {
            Stream::Stdout if captured.overflowed => {
                stop(&mut child);
                return Err(failed(format!(
                    "printed more than {} MiB, too long for a secret; it was stopped",
                    MAX_SECRET_OUTPUT / 1024 / 1024
                )));
            }
            Stream::Stdout => stdout = Some(captured.bytes),
            Stream::Stderr => stderr = Some(captured.bytes),
        }
    }
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(EXIT_POLL),
            Ok(None) => {
                stop(&mut child);
                return Err(timed_out());
            }
            Err(err) => {
                stop(&mut child);
                return Err(failed(format!("could not be waited for: {err}")));
            }
        }
    };
    if !status.success() {
        let stderr = String::from_utf8_lossy(stderr.as_deref().unwrap_or_default());
        let stderr = stderr.trim();
        let status = match status.code() {
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
    String::from_utf8(stdout.unwrap_or_default())
        .map(|text| text.trim().to_string())
        .map_err(|_| Error::config(format!("{what} (from {source}) printed non-UTF-8 output")))
}

/// Reads `pipe` to its end, keeping what the `stream` may hold: stdout stops at the first
/// byte too many (the command is then stopped), stderr is drained and cut.
fn drain(stream: Stream, mut pipe: Box<dyn Read + Send>) -> Captured {
    let keep = match stream {
        Stream::Stdout => MAX_SECRET_OUTPUT,
        Stream::Stderr => MAX_STDERR_KEPT,
    };
    let mut captured = Captured {
        stream,
        bytes: Vec::new(),
        overflowed: false,
    };
    let mut buffer = [0u8; 8192];
    loop {
        let read = match pipe.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        let room = keep.saturating_sub(captured.bytes.len());
        captured.bytes.extend_from_slice(&buffer[..read.min(room)]);
        if read > room {
            captured.overflowed = true;
            if stream == Stream::Stdout {
                break;
            }
        }
    }
    captured
}

/// Kills `child` and every process of its group (a background child holding the pipes
/// included), and reaps it.
fn stop(child: &mut Child) {
    #[cfg(unix)]
    {
        use rustix::process::{Pid, Signal, kill_process_group};
        // The group may be gone already; the child is killed below either way.
        let _ = kill_process_group(Pid::from_child(child), Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(secs: f64) -> Sourced<Timeout> {
        Sourced::new(
            Timeout(Duration::from_secs_f64(secs)),
            Source::Flag("--timeout"),
        )
    }

    fn run(command: &str, secs: f64) -> Result<String, Error> {
        run_secret_command(
            "token_command",
            command,
            &Source::Flag("--token"),
            &limit(secs),
        )
    }

    #[test]
    fn a_command_that_does_not_finish_is_stopped_with_its_group() {
        let started = Instant::now();
        let err = run("sleep 30 & echo tok; wait", 0.5).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(
            err.to_string(),
            "token_command `sleep ****` (from --token) did not finish within 0.5 s (the timeout, from --timeout); it was stopped"
        );
        // A background child that keeps stdout open is waited for, and stopped too.
        let err = run("sh -c 'sleep 30 &'; echo tok", 0.5).unwrap_err();
        assert!(
            err.to_string().contains("did not finish within 0.5 s"),
            "{err}"
        );
    }

    #[test]
    fn output_is_bounded() {
        let err = run("yes SECRET", 10.0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "token_command `yes ****` (from --token) printed more than 1 MiB, too long for a secret; it was stopped"
        );
        let err = run("head -c 5000000 /dev/zero >&2; exit 4", 10.0).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("token_command (from --token) failed with exit status 4: "),
            "{err}"
        );
        assert_eq!(run("printf ' ok \\n'", 10.0).unwrap(), "ok");
    }
}
