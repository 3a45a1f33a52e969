//! The `-v` trace: one line per request on stderr (method, URL, status, time, request id,
//! retry); `-vv` adds the headers sent (all of them, as on the wire) and received,
//! secrets masked.

use std::time::Duration;

use ureq::http;

use super::authorize::Header;
use super::failure::request_id;
use crate::error::diag;

/// Response headers that carry a secret (Keystone's new token), masked in `-vv`.
const SECRET_RESPONSE_HEADERS: &[&str] = &["x-subject-token", "x-auth-token", "set-cookie"];

/// One exchange as the trace shows it.
pub(crate) struct Traced<'a> {
    /// `GET URL -> 200 OK` or `GET URL -> failed`.
    pub(crate) outcome: &'a str,
    /// How long the exchange took.
    pub(crate) elapsed: Duration,
    /// Which retry this was (0: the first try).
    pub(crate) retry: u8,
    /// The headers sent, in wire order.
    pub(crate) sent: &'a [Header],
    /// The body sent, when `-vv` may show it (a share change; never a sign-in, whose
    /// body holds the password).
    pub(crate) body: Option<&'a [u8]>,
    /// The answer, when one came.
    pub(crate) response: Option<&'a http::Response<ureq::Body>>,
}

/// Writes the trace of one exchange at verbosity `verbose` (nothing at 0).
pub(crate) fn trace(verbose: u8, traced: &Traced) {
    if verbose == 0 {
        return;
    }
    let request_id = traced
        .response
        .and_then(|r| request_id(r.headers()))
        .map(|id| format!(" request-id={id}"))
        .unwrap_or_default();
    let retry = match traced.retry {
        0 => String::new(),
        n => format!(" retry={n}"),
    };
    diag(&format!(
        "{} in {} ms{request_id}{retry}",
        traced.outcome,
        traced.elapsed.as_millis()
    ));
    if verbose < 2 {
        return;
    }
    for header in traced.sent {
        diag(&format!("> {}: {}", header.name, header.shown));
    }
    if let Some(body) = traced.body.filter(|body| !body.is_empty()) {
        diag(&format!("> {}", String::from_utf8_lossy(body)));
    }
    if let Some(response) = traced.response {
        for (name, value) in response.headers() {
            let shown = if SECRET_RESPONSE_HEADERS.contains(&name.as_str()) {
                "****".into()
            } else {
                String::from_utf8_lossy(value.as_bytes())
            };
            diag(&format!("< {name}: {shown}"));
        }
    }
}
