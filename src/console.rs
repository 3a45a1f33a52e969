//! The outside world as a command sees it: stdout, stderr, stdin, whether it runs on a
//! terminal, the environment, and the clock it waits by, in one [`Console`]. `main` hands every command the
//! process's own ([`Console::process`]); a unit test hands it buffers and an environment
//! of its own (`Console::buffered`, in tests) and reads what the command printed.
//!
//! What the lower layers write by themselves (settings' and the client's warnings, the
//! `-v` trace) still goes to the process's stderr.

use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::error::{Error, diag_to, report_to};

/// Looks up an environment variable: `Ok(None)` when unset or empty, an error when its
/// value cannot be used.
pub(crate) type Env = dyn Fn(&str) -> Result<Option<String>, Error> + Send + Sync;

/// The handles, terminal and environment a command runs with.
pub(crate) struct Console {
    /// Where data goes.
    stdout: Mutex<Box<dyn Write + Send>>,
    /// Where notes, prompts and errors go.
    stderr: Mutex<Box<dyn Write + Send>>,
    /// Where IDs (`-`) and answers come from.
    stdin: Mutex<Box<dyn BufRead + Send>>,
    /// Whether stdin and stderr are terminals.
    terminal: Terminal,
    /// The environment.
    env: Box<Env>,
    /// What waiting (a job being polled) waits by.
    clock: Box<dyn Clock>,
}

/// The time a command waits by: the system's, or in a test one that moves only when
/// waited on, so that a wait of minutes takes none.
pub(crate) trait Clock: Send + Sync {
    /// The time passed since the clock was made.
    fn elapsed(&self) -> Duration;
    /// Waits for `pause`.
    fn sleep(&self, pause: Duration);
}

/// The system's clock.
struct SystemClock {
    /// When it was made.
    start: Instant,
}

impl Clock for SystemClock {
    fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    fn sleep(&self, pause: Duration) {
        std::thread::sleep(pause);
    }
}

/// Which of the handles are terminals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Terminal {
    /// stdin is a terminal: someone can answer.
    pub(crate) stdin: bool,
    /// stderr is a terminal: someone reads the prompt and the progress.
    pub(crate) stderr: bool,
}

/// A handle, even when a thread panicked while writing to it.
fn lock<T: ?Sized>(handle: &Mutex<Box<T>>) -> MutexGuard<'_, Box<T>> {
    handle.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Console {
    /// The process's own: `stdout` as the output layer guards it (a stdout closed at start
    /// stays closed), stderr, stdin, and the environment as `env` reads it.
    pub(crate) fn process(stdout: Box<dyn Write + Send>, env: Box<Env>) -> Console {
        Console {
            stdout: Mutex::new(stdout),
            stderr: Mutex::new(Box::new(io::stderr())),
            stdin: Mutex::new(Box::new(io::BufReader::new(io::stdin()))),
            terminal: Terminal {
                stdin: io::stdin().is_terminal(),
                stderr: io::stderr().is_terminal(),
            },
            env,
            clock: Box::new(SystemClock {
                start: Instant::now(),
            }),
        }
    }

    /// The clock to wait by.
    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.clock
    }

    /// Runs `write` with stdout (unbuffered: the caller buffers).
    pub(crate) fn with_stdout<R>(&self, write: impl FnOnce(&mut dyn Write) -> R) -> R {
        write(&mut **lock(&self.stdout))
    }

    /// stdin, held until the guard is dropped.
    pub(crate) fn stdin(&self) -> MutexGuard<'_, Box<dyn BufRead + Send>> {
        lock(&self.stdin)
    }

    /// Which handles are terminals.
    pub(crate) fn terminal(&self) -> Terminal {
        self.terminal
    }

    /// The environment.
    pub(crate) fn env(&self) -> &Env {
        &*self.env
    }

    /// Writes one `ims: …` line to stderr, secrets masked and control characters escaped.
    pub(crate) fn diag(&self, line: &str) {
        diag_to(&mut **lock(&self.stderr), line);
    }

    /// Writes an `ims: warning: …` line to stderr.
    pub(crate) fn warn(&self, message: &str) {
        self.diag(&format!("warning: {message}"));
    }

    /// Writes the error chain of `err` to stderr, as `main` ends a failed command.
    pub(crate) fn report(&self, err: &anyhow::Error) {
        report_to(&mut **lock(&self.stderr), err);
    }

    /// Writes `question` and a space to stderr and reads one line of answer from stdin;
    /// `None` at the end of stdin.
    pub(crate) fn ask(&self, question: &str) -> io::Result<Option<String>> {
        {
            let mut stderr = lock(&self.stderr);
            // A prompt nobody can see still gets its answer read.
            let _ = write!(stderr, "{question} ");
            let _ = stderr.flush();
        }
        let mut answer = String::new();
        match self.stdin().read_line(&mut answer)? {
            0 => Ok(None),
            _ => Ok(Some(answer)),
        }
    }
}

/// A console of buffers, for tests.
#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffered_console_keeps_what_is_written_and_answers_from_stdin() {
        let terminal = Terminal {
            stdin: true,
            stderr: true,
        };
        let (console, printed) = Console::buffered("yes\nno\n", terminal, |name| {
            Ok((name == "A").then(|| "1".to_string()))
        });
        console.with_stdout(|out| out.write_all(b"data\n")).unwrap();
        assert_eq!(console.ask("go? [y/N]").unwrap().as_deref(), Some("yes\n"));
        assert_eq!(console.ask("again?").unwrap().as_deref(), Some("no\n"));
        assert_eq!(console.ask("more?").unwrap(), None);
        console.diag("note \u{1b}[2J");
        assert_eq!(printed.stdout.text(), "data\n");
        assert_eq!(
            printed.stderr.text(),
            "go? [y/N] again? more? ims: note \\u{1b}[2J\n"
        );
        assert_eq!((console.env())("A").unwrap().as_deref(), Some("1"));
        assert_eq!((console.env())("B").unwrap(), None);
        assert_eq!(console.terminal(), terminal);
    }
}
