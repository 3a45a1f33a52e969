//! The outside world as a command sees it: stdout, stderr, stdin, whether it runs on a
//! terminal, the environment, and the clock it waits by, in one [`Console`]. `main` hands every command the
//! process's own ([`Console::process`]); a unit test hands it buffers and an environment
//! of its own (`Console::buffered`, in tests) and reads what the command printed.
//!
//! What the lower layers write by themselves (settings' and the client's warnings, the
//! warning that a service's sharing rules could not be told (`api/rules.rs`), the `-v`
//! trace) still goes to the process's stderr.

use std::io::{self, BufRead, IsTerminal, Write};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};

use crate::error::{Error, diag_to, report_to};

/// Looks up an environment variable: `Ok(None)` when unset or empty, an error when its
/// value cannot be used.
pub(crate) type Env = dyn Fn(&str) -> Result<Option<String>, Error> + Send + Sync;

/// The handles, terminal and environment a command runs with.
pub(crate) struct Console {
    /// Where data goes.
    stdout: Mutex<Box<dyn Write + Send>>,
    /// Where notes, prompts, progress and errors go (shared with the progress line's
    /// drawing).
    stderr: Arc<Mutex<Box<dyn Write + Send>>>,
    /// The progress line shown now, if any: a note is written above it.
    progress: Shown,
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
            stderr: Arc::new(Mutex::new(Box::new(io::stderr()))),
            progress: Shown::default(),
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

    /// Writes one `ims: …` line to stderr, secrets masked and control characters escaped
    /// (above the progress line, if one is shown).
    pub(crate) fn diag(&self, line: &str) {
        self.above_progress(|| diag_to(&mut **lock(&self.stderr), line));
    }

    /// Runs `write` with the progress line (if any) cleared, and draws it again after.
    fn above_progress(&self, write: impl FnOnce()) {
        let shown = self
            .progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match shown {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// A progress line over `total` items (`images`, `pairs`): one self-updating line on
    /// stderr with done/total, the time elapsed and an estimate of the time left, cleared
    /// when the [`Progress`] is dropped. Drawn only when stderr is a terminal, nothing is
    /// `traced` (`-v`) and there are at least [`Progress::FROM`] items; else it draws
    /// nothing. Never on stdout.
    pub(crate) fn progress(&self, total: usize, what: &str, traced: bool) -> Progress {
        if !self.terminal.stderr || traced || total < Progress::FROM {
            return Progress {
                bar: None,
                shown: Shown::default(),
            };
        }
        let template =
            format!("ims: {{pos}}/{{len}} {what} · {{elapsed}} elapsed · about {{eta}} left");
        let style = ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let target = ProgressDrawTarget::term_like_with_hz(
            Box::new(StderrLine(Arc::clone(&self.stderr))),
            Progress::HZ,
        );
        let total = u64::try_from(total).unwrap_or(u64::MAX);
        let bar = ProgressBar::with_draw_target(Some(total), target).with_style(style);
        bar.tick();
        *self.progress.lock().unwrap_or_else(PoisonError::into_inner) = Some(bar.clone());
        Progress {
            bar: Some(bar),
            shown: Arc::clone(&self.progress),
        }
    }

    /// Writes an `ims: warning: …` line to stderr.
    pub(crate) fn warn(&self, message: &str) {
        self.diag(&format!("warning: {message}"));
    }

    /// Writes the error chain of `err` to stderr, as `main` ends a failed command.
    pub(crate) fn report(&self, err: &anyhow::Error) {
        self.above_progress(|| report_to(&mut **lock(&self.stderr), err));
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

/// The progress line a console shows now, if any.
type Shown = Arc<Mutex<Option<ProgressBar>>>;

/// The progress line of a run over many items (see [`Console::progress`]); cleared when
/// dropped.
#[derive(Debug)]
pub(crate) struct Progress {
    /// The line, when one is drawn.
    bar: Option<ProgressBar>,
    /// Where its console keeps the line it shows.
    shown: Shown,
}

impl Progress {
    /// The fewest items a progress line is drawn for: one image answers at once.
    const FROM: usize = 2;

    /// How often the line is redrawn, at most, per second.
    const HZ: u8 = 10;

    /// `done` more items done.
    pub(crate) fn add(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(u64::try_from(done).unwrap_or(u64::MAX));
        }
    }

    /// Runs `write` (to stdout, which may be the same terminal) with the line cleared, and
    /// draws it again after.
    pub(crate) fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            *self.shown.lock().unwrap_or_else(PoisonError::into_inner) = None;
            bar.finish_and_clear();
        }
    }
}

/// The console's stderr as indicatif draws a line on it.
struct StderrLine(Arc<Mutex<Box<dyn Write + Send>>>);

impl std::fmt::Debug for StderrLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StderrLine")
    }
}

impl StderrLine {
    /// Moves the cursor `n` places in `direction` (`A` up, `B` down, `C` right, `D` left);
    /// not at all for 0, which a terminal takes as 1.
    fn cursor(&self, n: usize, direction: char) -> io::Result<()> {
        match n {
            0 => Ok(()),
            n => self.put(&format!("\x1b[{n}{direction}")),
        }
    }

    /// Writes `text` and flushes.
    fn put(&self, text: &str) -> io::Result<()> {
        let mut stderr = lock(&self.0);
        stderr.write_all(text.as_bytes())?;
        stderr.flush()
    }
}

impl TermLike for StderrLine {
    fn width(&self) -> u16 {
        terminal_width().unwrap_or(80)
    }

    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        self.cursor(n, 'A')
    }

    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        self.cursor(n, 'B')
    }

    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        self.cursor(n, 'C')
    }

    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        self.cursor(n, 'D')
    }

    fn write_line(&self, line: &str) -> io::Result<()> {
        self.put(&format!("{line}\n"))
    }

    fn write_str(&self, text: &str) -> io::Result<()> {
        self.put(text)
    }

    fn clear_line(&self) -> io::Result<()> {
        self.put("\r\x1b[2K")
    }

    fn flush(&self) -> io::Result<()> {
        lock(&self.0).flush()
    }
}

/// The width of the terminal on the process's stderr, if it is one.
#[cfg(unix)]
fn terminal_width() -> Option<u16> {
    let size = rustix::termios::tcgetwinsize(io::stderr()).ok()?;
    (size.ws_col > 0).then_some(size.ws_col)
}

/// The width of the terminal: not asked off Unix.
#[cfg(not(unix))]
fn terminal_width() -> Option<u16> {
    None
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
