//! The retry policy: which failures are transient, and how long to wait before the next try
//! (`Retry-After`, else exponential backoff with jitter).

use std::io::ErrorKind;
use std::time::Duration;

use ureq::http;

/// Longest wait before a retry, whatever `Retry-After` asks.
pub(crate) const MAX_RETRY_WAIT: Duration = Duration::from_secs(60);

/// First backoff step; each retry doubles it (with jitter).
pub(crate) const BACKOFF_BASE: Duration = Duration::from_millis(250);

/// Whether a transport failure happened before the server saw the request (so a retry
/// is safe and may help): refused, unreachable, or a connect timeout.
pub(crate) fn is_connect_failure(err: &ureq::Error) -> bool {
    match err {
        ureq::Error::ConnectionFailed => true,
        ureq::Error::Timeout(ureq::Timeout::Connect) => true,
        _ => is_io_error_of(
            err,
            &[
                ErrorKind::ConnectionRefused,
                ErrorKind::ConnectionAborted,
                ErrorKind::NetworkUnreachable,
                ErrorKind::HostUnreachable,
            ],
        ),
    }
}

/// Whether a failure is the connection ending (reset, closed, broken pipe), as a request
/// sent on a kept-alive connection the server has dropped fails.
pub(crate) fn is_connection_closed(err: &ureq::Error) -> bool {
    is_io_error_of(
        err,
        &[
            ErrorKind::ConnectionReset,
            ErrorKind::ConnectionAborted,
            ErrorKind::BrokenPipe,
            ErrorKind::UnexpectedEof,
            ErrorKind::NotConnected,
        ],
    )
}

/// Whether `err` is an I/O error of one of `kinds`.
fn is_io_error_of(err: &ureq::Error, kinds: &[ErrorKind]) -> bool {
    matches!(err, ureq::Error::Io(io) if kinds.contains(&io.kind()))
}

/// The wait a `Retry-After` header asks for: seconds, or an HTTP date (`now` is when the
/// answer came). `None` when absent or unreadable.
pub(crate) fn retry_after(headers: &http::HeaderMap, now: jiff::Timestamp) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs.min(MAX_RETRY_WAIT.as_secs())));
    }
    static PARSER: jiff::fmt::rfc2822::DateTimeParser = jiff::fmt::rfc2822::DateTimeParser::new();
    let when = PARSER.parse_timestamp(value).ok()?;
    let secs = when.as_second().saturating_sub(now.as_second()).max(0);
    Some(Duration::from_secs(secs.unsigned_abs()).min(MAX_RETRY_WAIT))
}

/// Whether asking again may repeat a change the server already made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replay {
    /// Asking again is harmless (GET, PUT, DELETE, a sign-in): every transient failure
    /// is retried.
    Safe,
    /// A POST that creates something: retried only when it surely did not reach the
    /// server (the connection failed) or the server said to come back (429 or 503 with
    /// `Retry-After`).
    OnlyUnsent,
}

/// The wait before asking again after `response`: `Some(Some(wait))` when the answer asks
/// for one (`Retry-After`), `Some(None)` for a backoff, `None` when it is final.
pub(crate) fn transient_status(
    replay: Replay,
    response: &http::Response<ureq::Body>,
) -> Option<Option<Duration>> {
    let status = response.status().as_u16();
    let wait = retry_after(response.headers(), jiff::Timestamp::now());
    match replay {
        Replay::Safe => matches!(status, 429 | 502 | 503 | 504).then_some(wait),
        Replay::OnlyUnsent => match (status, wait) {
            (429 | 503, Some(wait)) => Some(Some(wait)),
            _ => None,
        },
    }
}

/// Exponential backoff with jitter: between half and all of 250 ms × 2^retry.
pub(crate) fn backoff(retry: u8) -> Duration {
    use std::hash::{BuildHasher, Hasher};
    let full = BACKOFF_BASE
        .saturating_mul(1 << retry.min(16))
        .min(MAX_RETRY_WAIT);
    // A randomly keyed hasher is std's own source of randomness.
    let random = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let fraction = 0.5 + (random % 1000) as f64 / 2000.0;
    full.mul_f64(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retry_headers(value: &[u8]) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        if let Ok(value) = http::HeaderValue::from_bytes(value) {
            headers.insert("retry-after", value);
        }
        headers
    }

    #[test]
    fn retry_after_seconds_dates_and_cap() {
        let now: jiff::Timestamp = "2015-10-21T07:28:00Z".parse().unwrap();
        let wait = |v: &str| retry_after(&retry_headers(v.as_bytes()), now);
        assert_eq!(wait("0"), Some(Duration::ZERO));
        assert_eq!(wait(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(wait("3600"), Some(Duration::from_secs(60)));
        assert_eq!(wait("99999999999999999999"), None);
        assert_eq!(
            wait("Wed, 21 Oct 2015 07:28:30 GMT"),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            wait("Wed, 21 Oct 2015 09:28:00 GMT"),
            Some(Duration::from_secs(60))
        );
        assert_eq!(wait("Tue, 20 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(wait("soon"), None);
        assert_eq!(wait("-5"), None);
        assert_eq!(retry_after(&http::HeaderMap::new(), now), None);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        for retry in 0..20u8 {
            let full = BACKOFF_BASE
                .saturating_mul(1 << retry.min(16))
                .min(MAX_RETRY_WAIT);
            let wait = backoff(retry);
            assert!(wait >= full / 2 && wait <= full, "{retry}: {wait:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn retry_after_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64), secs in 0i64..4_000_000_000) {
            let now = jiff::Timestamp::from_second(secs).unwrap();
            if let Some(wait) = retry_after(&retry_headers(&bytes), now) {
                proptest::prop_assert!(wait <= MAX_RETRY_WAIT);
            }
        }
    }
}
