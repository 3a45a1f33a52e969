//! A console of buffers, for tests: what a command wrote is kept for the test to read.

use std::io::{self, Write};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{Clock, Console, Terminal};
use crate::error::Error;

/// A writer whose bytes the test reads afterwards.
#[derive(Clone, Default)]
pub(crate) struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    /// Everything written so far, as text.
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What a buffered console's command printed.
pub(crate) struct Printed {
    /// Its stdout.
    pub(crate) stdout: Captured,
    /// Its stderr.
    pub(crate) stderr: Captured,
}

impl Console {
    /// A console that reads `stdin`, looks as `terminal` says, knows the environment
    /// `env`, and keeps what is written for the test to read.
    pub(crate) fn buffered(
        stdin: &str,
        terminal: Terminal,
        env: impl Fn(&str) -> Result<Option<String>, Error> + Send + Sync + 'static,
    ) -> (Console, Printed) {
        let printed = Printed {
            stdout: Captured::default(),
            stderr: Captured::default(),
        };
        let console = Console {
            stdout: Mutex::new(Box::new(printed.stdout.clone())),
            stderr: Arc::new(Mutex::new(Box::new(printed.stderr.clone()))),
            progress: super::Shown::default(),
            stdin: Mutex::new(Box::new(io::Cursor::new(stdin.as_bytes().to_vec()))),
            terminal,
            env: Box::new(env),
            clock: Box::new(StillClock::default()),
        };
        (console, printed)
    }
}

/// A clock that moves only when waited on: a wait of minutes takes none.
#[derive(Default)]
struct StillClock {
    /// The time waited so far.
    waited: Mutex<Duration>,
}

impl Clock for StillClock {
    fn elapsed(&self) -> Duration {
        *self.waited.lock().unwrap()
    }

    fn sleep(&self, pause: Duration) {
        *self.waited.lock().unwrap() += pause;
    }
}
