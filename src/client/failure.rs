//! Failures as typed errors: an HTTP error status with the service's own code, message and
//! request id (and a hint where the cause is usually on the user's side, advice for the
//! service's sharing errors), and transport failures (DNS, connect, TLS, timeout, broken
//! HTTP) said without secrets.

use std::io::Read;
use std::time::Duration;

use ureq::http::{self, StatusCode};

use super::authorize::Authorize;
use super::budget::Limit;
use super::tls_error::{describe_tls, tls_cause};
use crate::advice::for_code;
use crate::error::{Error, ErrorKind};
use crate::model::ServiceError;
use crate::secret::mask;

/// Largest answer read (a 100,000-member list is about 14 MB).
pub(crate) const MAX_BODY_BYTES: u64 = 512 * 1024 * 1024;

/// Largest response head (status line and headers) accepted.
pub(crate) const MAX_RESPONSE_HEAD: usize = 64 * 1024;

/// Largest error body read; the rest is ignored.
pub(crate) const MAX_ERROR_BODY_BYTES: u64 = 64 * 1024;

/// Headers that carry a request id, in order of preference.
pub(crate) const REQUEST_ID_HEADERS: &[&str] = &["x-openstack-request-id", "x-request-id"];

/// The request id a response carries, if any.
pub(crate) fn request_id(headers: &http::HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| headers.get(*name))
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// The typed error of a non-success answer: status, the service's code and message, request id.
pub(crate) fn http_error(
    response: &mut http::Response<ureq::Body>,
    credential: Option<&dyn Authorize>,
) -> Error {
    let status = response.status();
    let status_line = status_line(status);
    let header_request_id = request_id(response.headers());
    let mut body = Vec::new();
    // A body that cannot be read still leaves the status to report.
    let _ = response
        .body_mut()
        .as_reader()
        .take(MAX_ERROR_BODY_BYTES)
        .read_to_end(&mut body);
    // Masked before it is parsed: the message is cut short, and a cut through a secret
    // would leave a prefix that masking the printed line no longer recognises.
    let body = mask(&String::from_utf8_lossy(&body));
    let parsed = ServiceError::parse(&status_line, body.as_bytes());
    let mut message = format!("HTTP {status_line}");
    match (&parsed.code, &parsed.message) {
        (Some(code), Some(text)) => message.push_str(&format!(": {code}: {text}")),
        (Some(code), None) => message.push_str(&format!(": {code}")),
        (None, Some(text)) => message.push_str(&format!(": {text}")),
        (None, None) => {}
    }
    if let Some(id) = header_request_id.or(parsed.request_id) {
        message.push_str(&format!(" (request id {id})"));
    }
    if let Some(hint) = hint(status, parsed.code.as_deref(), credential) {
        message.push_str(&format!(" (hint: {hint})"));
    }
    Error::new(ErrorKind::from_status(status.as_u16()), message)
        .with_status(status.as_u16())
        .with_advice(
            parsed
                .code
                .as_deref()
                .and_then(for_code)
                .map(str::to_string),
        )
}

/// A suggestion for statuses whose usual cause is on the user's side.
pub(crate) fn hint(
    status: StatusCode,
    code: Option<&str>,
    credential: Option<&dyn Authorize>,
) -> Option<&'static str> {
    let signed = credential.is_some_and(|c| c.is_signed());
    match status.as_u16() {
        300 => Some("the endpoint answered with a list of API versions: check its path"),
        401 if credential.is_none() => None,
        401 if signed || code == Some("APIGW.0301") => Some(
            "check the access key and secret key, and this machine's clock: the gateway \
             allows 15 minutes of skew",
        ),
        401 => Some("check the token: it may have expired or belong to another cloud"),
        _ => None,
    }
}

/// `404 Not Found`, or just `599` for a status with no standard reason.
pub(crate) fn status_line(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// The typed error of a failed body read: cut short, or the transport's failure.
pub(crate) fn read_error(io: std::io::Error, method: &str, url: &str, timeout: Duration) -> Error {
    if io.kind() == std::io::ErrorKind::UnexpectedEof {
        return Error::bad_answer(format!("{method} {url}: the answer was cut short"));
    }
    let kind = io.kind();
    let limit = Limit::timeout(timeout);
    match io.into_inner().map(|inner| inner.downcast::<ureq::Error>()) {
        Some(Ok(ureq_error)) => transport_error(*ureq_error, method, url, &limit),
        Some(Err(other)) => transport_error(
            ureq::Error::Io(std::io::Error::new(kind, other)),
            method,
            url,
            &limit,
        ),
        None => transport_error(ureq::Error::Io(kind.into()), method, url, &limit),
    }
}

/// The error of an answer over [`MAX_BODY_BYTES`].
pub(crate) fn too_large(method: &str, url: &str) -> Error {
    Error::bad_answer(format!(
        "{method} {url}: the answer is larger than {} MiB",
        MAX_BODY_BYTES / 1024 / 1024
    ))
}

/// Maps a ureq failure of a request that ran under `limit` to a typed error that says
/// what happened, without secrets.
pub(crate) fn transport_error(err: ureq::Error, method: &str, url: &str, limit: &Limit) -> Error {
    let network = |what: String| Error::new(ErrorKind::Network, format!("{method} {url}: {what}"));
    match err {
        ureq::Error::Timeout(_) => network(limit.timed_out()),
        ureq::Error::HostNotFound => network("host not found (DNS)".to_string()),
        ureq::Error::ConnectionFailed => network("cannot connect".to_string()),
        ureq::Error::Io(io) => match (tls_cause(&io), io.kind()) {
            (Some(cause), _) => network(format!("TLS: {cause}")),
            (None, std::io::ErrorKind::ConnectionRefused) => {
                network("connection refused".to_string())
            }
            (None, std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) => {
                network(limit.timed_out())
            }
            (None, _) => network(format!("network error: {io}")),
        },
        ureq::Error::Tls(what) => network(format!("TLS error: {what}")),
        ureq::Error::Rustls(tls) => network(format!("TLS: {}", describe_tls(&tls))),
        ureq::Error::Pem(pem) => network(format!("TLS error: {pem}")),
        ureq::Error::Protocol(proto) => Error::bad_answer(format!(
            "{method} {url}: the answer is not valid HTTP: {proto}"
        )),
        ureq::Error::LargeResponseHeader(..) => Error::bad_answer(format!(
            "{method} {url}: the answer is not valid HTTP: its head is larger than {} KiB",
            MAX_RESPONSE_HEAD / 1024
        )),
        ureq::Error::BodyExceedsLimit(_) => too_large(method, url),
        ureq::Error::BadUri(uri) => Error::config(format!("invalid URL {uri}")),
        other => Error::new(ErrorKind::Unexpected, format!("{method} {url}: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines() {
        assert_eq!(status_line(StatusCode::NOT_FOUND), "404 Not Found");
        assert_eq!(status_line(StatusCode::from_u16(599).unwrap()), "599");
    }
}
