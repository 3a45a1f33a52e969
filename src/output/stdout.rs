//! stdout as `ims` writes it: buffered, a reader that went away is a quiet stop, and a
//! stdout closed at start stays closed.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::console::Console;
use crate::error::{Error, ErrorKind};

/// Runs `render` against the console's stdout, buffered, and flushes it.
pub(crate) fn to_stdout(
    console: &Console,
    render: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    console.with_stdout(|stdout| {
        let mut out = io::BufWriter::with_capacity(64 * 1024, stdout);
        render(&mut out)?;
        out.flush().map_err(write_error)
    })
}

/// The process's stdout as `ims` writes it, for the process's console: when it was closed
/// at start, every write fails (see [`STDOUT_CLOSED_AT_START`]).
pub(crate) fn process_stdout() -> Box<dyn Write + Send> {
    Box::new(Stdout {
        inner: io::stdout(),
        closed: STDOUT_CLOSED_AT_START.load(Ordering::Relaxed),
    })
}

/// The typed error of a failed write to stdout. A reader that went away (`| head`)
/// becomes [`ErrorKind::OutputClosed`]: a quiet, successful stop. Any other failure (a
/// full disk, a stdout closed at start) is exit 1.
pub(crate) fn write_error(err: io::Error) -> Error {
    match err.kind() {
        io::ErrorKind::BrokenPipe => Error::new(ErrorKind::OutputClosed, "stdout closed"),
        _ => Error::new(
            ErrorKind::Unexpected,
            format!("cannot write to stdout: {err}"),
        ),
    }
}

/// Set before `main` when `ims` started with stdout closed (`ims … >&-`).
static STDOUT_CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

/// Runs [`note_stdout_at_start`] before `main`, as the C runtime runs every entry of
/// `.init_array`. It has to come first: before `main`, the Rust runtime opens `/dev/null`
/// on a closed stdout (so that no file opened later becomes fd 1), and writes there
/// succeed and vanish. Nothing safe can run that early, which is why this check is one of
/// the two `unsafe`s of `ims` (ARCHITECTURE.md, "Invariants").
#[cfg(any(target_os = "linux", target_os = "android"))]
#[used]
#[unsafe(link_section = ".init_array")]
static NOTE_STDOUT_AT_START: extern "C" fn() = note_stdout_at_start;

/// Notes in [`STDOUT_CLOSED_AT_START`] whether fd 1 is closed.
#[cfg(any(target_os = "linux", target_os = "android"))]
extern "C" fn note_stdout_at_start() {
    // SAFETY: F_GETFD only asks the kernel about descriptor 1; no memory is passed.
    let flags = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) };
    if flags == -1 && io::Error::last_os_error().raw_os_error() == Some(libc::EBADF) {
        STDOUT_CLOSED_AT_START.store(true, Ordering::Relaxed);
    }
}

/// stdout as `ims` writes it: when it was closed at start, writing anything fails with
/// EBADF, as it would have without the runtime's `/dev/null`.
struct Stdout<W> {
    /// The real stdout.
    inner: W,
    /// Whether fd 1 was closed when `ims` started.
    closed: bool,
}

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed && !buf.is_empty() {
            return Err(io::Error::from_raw_os_error(libc::EBADF));
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
