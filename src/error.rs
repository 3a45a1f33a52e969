//! The typed error every failure ends in, its exit code (the table under "Exit codes" in
//! README.md), and how `main` reports an error chain on stderr.

use std::fmt;
use std::io::Write;

/// Why a command failed; each kind is one exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// Something nobody planned for (exit 1).
    Unexpected,
    /// Bad arguments or IDs (exit 2).
    Usage,
    /// Config file, profile, endpoint or credentials (exit 3).
    Config,
    /// HTTP 401 or 403 (exit 4).
    Refused,
    /// HTTP 404 (exit 5).
    NotFound,
    /// Any other HTTP error status (exit 6).
    Http,
    /// Connect, DNS, TLS or timeout (exit 7).
    Network,
    /// An answer that is not the expected JSON, or too large (exit 8).
    BadAnswer,
    /// `share check` found that the cloud differs from the file (exit 10).
    Drift,
    /// `share apply --plan` found that the cloud differs from what the plan was made on
    /// (exit 11).
    Stale,
    /// stdout was closed by its reader (`| head`): stop quietly with success.
    OutputClosed,
}

/// One exit code: the number, a few words for `ims --help`, and the meaning as the README
/// and the man page's EXIT STATUS give it.
pub(crate) struct ExitStatus {
    /// The process exit code.
    pub(crate) code: u8,
    /// What `ims --help` says of it.
    pub(crate) short: &'static str,
    /// What it means, in full.
    pub(crate) meaning: &'static str,
}

/// Every exit code `ims` gives, in order.
pub(crate) const EXIT_STATUSES: [ExitStatus; 11] = [
    ExitStatus {
        code: 0,
        short: "ok",
        meaning: "success",
    },
    ExitStatus {
        code: 1,
        short: "unexpected failure",
        meaning: "unexpected failure",
    },
    ExitStatus {
        code: 2,
        short: "usage",
        meaning: "usage: bad arguments or IDs",
    },
    ExitStatus {
        code: 3,
        short: "configuration",
        meaning: "configuration: config file, profile, endpoint, credentials",
    },
    ExitStatus {
        code: 4,
        short: "refused (401/403)",
        meaning: "refused: HTTP 401 or 403",
    },
    ExitStatus {
        code: 5,
        short: "not found",
        meaning: "not found: HTTP 404",
    },
    ExitStatus {
        code: 6,
        short: "other HTTP error",
        meaning: "other HTTP error (400, 409, 5xx, …)",
    },
    ExitStatus {
        code: 7,
        short: "network",
        meaning: "network: connect, DNS, TLS, timeout",
    },
    ExitStatus {
        code: 8,
        short: "unreadable answer",
        meaning: "the answer could not be understood (not JSON, wrong shape, over 512 MiB)",
    },
    ExitStatus {
        code: 10,
        short: "drift (share check found the cloud differs from the file)",
        meaning: "drift: `share check` found the cloud differs from the file",
    },
    ExitStatus {
        code: 11,
        short: "stale plan (share apply --plan found the cloud moved since the plan)",
        meaning: "stale plan: `share apply --plan` found the cloud differs from what the plan \
                  was made on",
    },
];

impl ErrorKind {
    /// The process exit code for this kind.
    pub(crate) fn exit_code(self) -> u8 {
        match self {
            ErrorKind::OutputClosed => 0,
            ErrorKind::Unexpected => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Config => 3,
            ErrorKind::Refused => 4,
            ErrorKind::NotFound => 5,
            ErrorKind::Http => 6,
            ErrorKind::Network => 7,
            ErrorKind::BadAnswer => 8,
            ErrorKind::Drift => 10,
            ErrorKind::Stale => 11,
        }
    }

    /// The kind an HTTP error status maps to.
    pub(crate) fn from_status(status: u16) -> ErrorKind {
        match status {
            401 | 403 => ErrorKind::Refused,
            404 => ErrorKind::NotFound,
            _ => ErrorKind::Http,
        }
    }
}

/// A failure with a kind (which decides the exit code) and a message for people (for an
/// HTTP error: the status, the service's code and message, the request id), the status
/// and the retries kept for callers that branch on them. A clone is the same error, whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Error {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    retries: u8,
    advice: Option<String>,
}

impl Error {
    /// An error of `kind` that says `message`.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            status: None,
            retries: 0,
            advice: None,
        }
    }

    /// A usage error (exit 2).
    pub(crate) fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    /// A configuration error (exit 3).
    pub(crate) fn config(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Config, message)
    }

    /// An answer that could not be understood (exit 8).
    pub(crate) fn bad_answer(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::BadAnswer, message)
    }

    /// Notes how many retries came before this failure (nothing when none did).
    pub(crate) fn after(mut self, retries: u8) -> Error {
        self.retries = retries;
        match retries {
            0 => {}
            1 => self.message.push_str(" (after 1 retry)"),
            n => self.message.push_str(&format!(" (after {n} retries)")),
        }
        self
    }

    /// The same error with `prefix: ` before its message.
    pub(crate) fn prefixed(mut self, prefix: &str) -> Error {
        self.message = format!("{prefix}: {}", self.message);
        self
    }

    /// Records the HTTP status of the answer this error reports.
    pub(crate) fn with_status(mut self, status: u16) -> Error {
        self.status = Some(status);
        self
    }

    /// Adds one line of advice: what to do about this failure (shown after it).
    pub(crate) fn with_advice(mut self, advice: Option<String>) -> Error {
        self.advice = advice.or(self.advice);
        self
    }

    /// What to do about this failure, when `ims` knows.
    pub(crate) fn advice(&self) -> Option<&str> {
        self.advice.as_deref()
    }

    /// How many times the request was retried before this failure.
    pub(crate) fn retries(&self) -> u8 {
        self.retries
    }

    /// The HTTP status of the answer, when the error is one.
    pub(crate) fn status(&self) -> Option<u16> {
        self.status
    }

    /// What went wrong, in kind.
    pub(crate) fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Several independent failures (one per image of a `member list`), in input order.
#[derive(Debug)]
pub(crate) struct Failures(Vec<anyhow::Error>);

impl Failures {
    /// `Ok` without failures, the one failure itself, or all of them (one line each).
    pub(crate) fn into_result(mut failures: Vec<anyhow::Error>) -> anyhow::Result<()> {
        match failures.len() {
            0 => Ok(()),
            1 => Err(failures.remove(0)),
            _ => Err(Failures(failures).into()),
        }
    }
}

impl fmt::Display for Failures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} requests failed", self.0.len())
    }
}

impl std::error::Error for Failures {}

/// Failures a command already reported on stderr itself (in input order, among its
/// notes): the first is kept, whole; its kind is the exit code.
#[derive(Debug)]
pub(crate) struct Reported(pub(crate) Error);

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("failures were reported")
    }
}

impl std::error::Error for Reported {}

/// The kind of an error chain: the first typed [`Error`] in it, else `Unexpected`.
pub(crate) fn kind_of(err: &anyhow::Error) -> ErrorKind {
    if let Some(Reported(first)) = err.downcast_ref::<Reported>() {
        return first.kind();
    }
    if let Some(failures) = err.downcast_ref::<Failures>() {
        return failures.0.first().map_or(ErrorKind::Unexpected, kind_of);
    }
    err.chain()
        .find_map(|cause| cause.downcast_ref::<Error>())
        .map_or(ErrorKind::Unexpected, Error::kind)
}

/// Writes `err` to `stderr` as `ims: error: outer: inner: ...` (one line per failure),
/// then its advice, if any, as `ims: advice: ...`.
pub(crate) fn report_to(stderr: &mut dyn Write, err: &anyhow::Error) {
    if let Some(failures) = err.downcast_ref::<Failures>() {
        for failure in &failures.0 {
            report_to(stderr, failure);
        }
        return;
    }
    if kind_of(err) == ErrorKind::OutputClosed || err.downcast_ref::<Reported>().is_some() {
        return;
    }
    let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
    diag_to(stderr, &format!("error: {}", chain.join(": ")));
    if let Some(advice) = err
        .chain()
        .find_map(|cause| cause.downcast_ref::<Error>()?.advice())
    {
        diag_to(stderr, &format!("advice: {advice}"));
    }
}

/// Writes one `ims: ...` line to the process's stderr (see [`diag_to`]).
pub(crate) fn diag(line: &str) {
    diag_to(&mut std::io::stderr().lock(), line);
}

/// Writes one `ims: ...` line to `stderr`: every secret ims holds and the user info of
/// every URL masked (a message may quote a server that echoes the request), control
/// characters escaped (it may quote an ID); a closed stderr is ignored, never a panic.
pub(crate) fn diag_to(stderr: &mut dyn Write, line: &str) {
    let masked = crate::secret::mask(line);
    let _ = writeln!(stderr, "ims: {}", crate::text::printable(&masked));
}

/// Writes an `ims: warning: ...` line to stderr.
pub(crate) fn warn(message: &str) {
    diag(&format!("warning: {message}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    use anyhow::Context;

    /// Each kind exits with the README's code, and the exit-status table (help, man pages)
    /// has exactly those codes: every kind its status, every status a kind.
    #[test]
    fn exit_codes_follow_the_readme_table() {
        let table = [
            (ErrorKind::OutputClosed, 0),
            (ErrorKind::Unexpected, 1),
            (ErrorKind::Usage, 2),
            (ErrorKind::Config, 3),
            (ErrorKind::Refused, 4),
            (ErrorKind::NotFound, 5),
            (ErrorKind::Http, 6),
            (ErrorKind::Network, 7),
            (ErrorKind::BadAnswer, 8),
            (ErrorKind::Drift, 10),
            (ErrorKind::Stale, 11),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code, "{kind:?}");
        }
        let codes: Vec<u8> = table.iter().map(|(_, code)| *code).collect();
        let statuses: Vec<u8> = EXIT_STATUSES.iter().map(|status| status.code).collect();
        assert_eq!(codes, statuses);
    }

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(401), ErrorKind::Refused);
        assert_eq!(ErrorKind::from_status(403), ErrorKind::Refused);
        assert_eq!(ErrorKind::from_status(404), ErrorKind::NotFound);
        for status in [400, 409, 500, 503, 300] {
            assert_eq!(ErrorKind::from_status(status), ErrorKind::Http);
        }
    }

    #[test]
    fn kind_is_found_under_context() {
        let err = anyhow::Error::new(Error::config("bad")).context("outer");
        assert_eq!(kind_of(&err), ErrorKind::Config);
        let plain: anyhow::Result<()> = Err(anyhow::anyhow!("boom"));
        assert_eq!(
            kind_of(&plain.context("x").unwrap_err()),
            ErrorKind::Unexpected
        );
    }

    #[test]
    fn failures_take_the_first_kind() {
        let err = Failures::into_result(vec![
            Error::new(ErrorKind::NotFound, "a").into(),
            Error::new(ErrorKind::Refused, "b").into(),
        ])
        .unwrap_err();
        assert_eq!(kind_of(&err), ErrorKind::NotFound);
        let mut stderr = Vec::new();
        report_to(&mut stderr, &err);
        assert_eq!(
            String::from_utf8(stderr).unwrap(),
            "ims: error: a\nims: error: b\n"
        );
        let one = Failures::into_result(vec![Error::usage("c").into()]).unwrap_err();
        assert!(one.downcast_ref::<Failures>().is_none());
    }
}
