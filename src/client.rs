//! The one HTTP path: every request `ims` makes goes through [`Client::get_json`]. It owns
//! the ureq agent, timeouts, the redirect policy, the body size limit, the `-v` trace and
//! the mapping of failures (HTTP statuses, transport errors, unreadable answers) to
//! typed errors.

use std::io::Read;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use ureq::http::{self, StatusCode};

use percent_encoding::percent_decode_str;

use crate::auth::signer::canonical_query;
use crate::auth::{AuthHeader, Credential};
use crate::error::{Error, ErrorKind, diag};
use crate::model::ServiceError;

/// Largest answer read (a 100,000-member list is about 14 MB).
pub const MAX_BODY_BYTES: u64 = 512 * 1024 * 1024;

/// Largest error body read; the rest is ignored.
const MAX_ERROR_BODY_BYTES: u64 = 64 * 1024;

/// Same-origin redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// Headers that carry a request id, in order of preference.
const REQUEST_ID_HEADERS: &[&str] = &["x-openstack-request-id", "x-request-id"];

/// An HTTP client bound to one credential.
pub struct Client {
    agent: ureq::Agent,
    credential: Credential,
    timeout: Duration,
    verbose: u8,
}

impl Client {
    /// A client whose every request carries `credential` and ends within `timeout_secs`.
    pub fn new(credential: Credential, timeout_secs: f64, verbose: u8) -> Client {
        let timeout = Duration::from_secs_f64(timeout_secs);
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .user_agent(concat!("ims/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Client {
            agent,
            credential,
            timeout,
            verbose,
        }
    }

    /// GETs `url` with the `query` pairs and parses the JSON answer as `T`. The query goes
    /// on the wire in canonical form (sorted, RFC 3986 encoded), the form AK/SK signs.
    /// Redirects are followed only within the same scheme, host and port, so credentials
    /// never leave the endpoint's origin.
    pub fn get_json<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(String, String)],
    ) -> Result<T, Error> {
        let mut url = url.to_string();
        let mut query = query.to_vec();
        for _ in 0..=MAX_REDIRECTS {
            let (wire_url, mut response) = self.send(&url, &query)?;
            let status = response.status();
            if status.is_redirection()
                && let Some(next) = redirect_target(&wire_url, &response)?
            {
                (url, query) = split_query(&next);
                continue;
            }
            if !status.is_success() {
                return Err(http_error(&mut response, &self.credential));
            }
            return parse_body(&wire_url, &mut response);
        }
        Err(Error::new(
            ErrorKind::Http,
            format!("GET {url}: more than {MAX_REDIRECTS} redirects"),
        ))
    }

    /// Sends one GET and traces it; transport failures become typed errors. Returns the
    /// URL as sent, with its query.
    fn send(
        &self,
        url: &str,
        query: &[(String, String)],
    ) -> Result<(String, http::Response<ureq::Body>), Error> {
        let canonical = canonical_query(query);
        let wire_url = if canonical.is_empty() {
            url.to_string()
        } else {
            format!("{url}?{canonical}")
        };
        let uri: http::Uri = wire_url
            .parse()
            .map_err(|err| Error::config(format!("invalid URL {wire_url}: {err}")))?;
        let auth = self.credential.headers(&uri, query, jiff::Timestamp::now());
        let mut request = self.agent.get(uri).header("Accept", "application/json");
        for header in &auth {
            request = request.header(header.name, header.value.expose());
        }
        let started = Instant::now();
        let result = request.call();
        let elapsed = started.elapsed();
        match result {
            Ok(response) => {
                let outcome = response.status().to_string();
                self.trace(&wire_url, &outcome, elapsed, &auth, Some(&response));
                Ok((wire_url, response))
            }
            Err(err) => {
                let error = transport_error(err, &wire_url, self.timeout);
                self.trace(&wire_url, "failed", elapsed, &auth, None);
                Err(error)
            }
        }
    }

    /// The `-v` line (and with `-vv` the headers) of one request; secrets masked.
    fn trace(
        &self,
        url: &str,
        outcome: &str,
        elapsed: Duration,
        auth: &[AuthHeader],
        response: Option<&http::Response<ureq::Body>>,
    ) {
        if self.verbose == 0 {
            return;
        }
        let request_id = response
            .and_then(|r| request_id(r.headers()))
            .map(|id| format!(" request-id={id}"))
            .unwrap_or_default();
        diag(&format!(
            "GET {url} -> {outcome} in {} ms{request_id}",
            elapsed.as_millis()
        ));
        if self.verbose < 2 {
            return;
        }
        diag("> Accept: application/json");
        diag(concat!("> User-Agent: ims/", env!("CARGO_PKG_VERSION")));
        for header in auth {
            diag(&format!("> {}: {}", header.name, header.shown));
        }
        if let Some(response) = response {
            for (name, value) in response.headers() {
                diag(&format!(
                    "< {name}: {}",
                    String::from_utf8_lossy(value.as_bytes())
                ));
            }
        }
    }
}

/// Splits a URL into its part before `?` and its decoded query pairs.
fn split_query(url: &str) -> (String, Vec<(String, String)>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), Vec::new());
    };
    let decode = |text: &str| {
        percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    let pairs = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (decode(key), decode(value)),
            None => (decode(pair), String::new()),
        })
        .collect();
    (base.to_string(), pairs)
}

/// The request id a response carries, if any.
fn request_id(headers: &http::HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| headers.get(*name))
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
}

/// The next URL of a same-origin redirect; `None` for a 3xx without `Location` (such as
/// Glance's `300 Multiple Choices`); an error for a redirect to another origin.
fn redirect_target(
    url: &str,
    response: &http::Response<ureq::Body>,
) -> Result<Option<String>, Error> {
    let Some(location) = response.headers().get("location") else {
        return Ok(None);
    };
    let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
    let current: http::Uri = url
        .parse()
        .map_err(|_| Error::new(ErrorKind::Unexpected, format!("invalid URL {url}")))?;
    let next = if location.starts_with('/') {
        format!(
            "{}://{}{location}",
            current.scheme_str().unwrap_or("http"),
            current.authority().map_or("", |a| a.as_str())
        )
    } else {
        location.clone()
    };
    let target: http::Uri = next.parse().map_err(|_| {
        Error::bad_answer(format!(
            "GET {url}: redirect to an invalid location `{location}`"
        ))
    })?;
    if origin(&target) != origin(&current) {
        return Err(Error::new(
            ErrorKind::Http,
            format!(
                "GET {url}: HTTP {}: redirect to another origin ({next}) not followed, so that \
                 credentials stay with the endpoint; point --endpoint at the new address",
                response.status()
            ),
        ));
    }
    Ok(Some(next))
}

/// Scheme, host and port (default port filled in) of a URL.
fn origin(uri: &http::Uri) -> (String, String, u16) {
    let scheme = uri.scheme_str().unwrap_or("").to_ascii_lowercase();
    let default_port = if scheme == "https" { 443 } else { 80 };
    (
        scheme,
        uri.host().unwrap_or("").to_ascii_lowercase(),
        uri.port_u16().unwrap_or(default_port),
    )
}

/// The typed error of a non-success answer: status, the service's code and message, request id.
fn http_error(response: &mut http::Response<ureq::Body>, credential: &Credential) -> Error {
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
    let parsed = ServiceError::parse(&status_line, &body);
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
}

/// A suggestion for statuses whose usual cause is on the user's side.
fn hint(status: StatusCode, code: Option<&str>, credential: &Credential) -> Option<&'static str> {
    match status.as_u16() {
        300 => Some("the endpoint answered with a list of API versions: check its path"),
        401 if credential.is_signed() || code == Some("APIGW.0301") => Some(
            "check the access key and secret key, and this machine's clock: the gateway \
             allows 15 minutes of skew",
        ),
        401 => Some("check the token: it may have expired or belong to another cloud"),
        _ => None,
    }
}

/// `404 Not Found`, or just `599` for a status with no standard reason.
fn status_line(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// Reads a success body (at most [`MAX_BODY_BYTES`]) and parses it as `T`.
fn parse_body<T: DeserializeOwned>(
    url: &str,
    response: &mut http::Response<ureq::Body>,
) -> Result<T, Error> {
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_else(|| "none".to_string());
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES)
        .read_to_vec()
        .map_err(|err| match err {
            ureq::Error::BodyExceedsLimit(_) => Error::bad_answer(format!(
                "GET {url}: the answer is larger than {} MiB",
                MAX_BODY_BYTES / 1024 / 1024
            )),
            other => transport_error(other, url, Duration::ZERO),
        })?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::bad_answer(format!(
            "GET {url}: the answer is empty (HTTP {})",
            status_line(response.status())
        )));
    }
    serde_json::from_slice(&body).map_err(|err| {
        Error::bad_answer(format!(
            "GET {url}: the answer is not the expected JSON (content-type {content_type}): {err}"
        ))
    })
}

/// Maps a ureq failure to a typed error that says what happened, without secrets.
fn transport_error(err: ureq::Error, url: &str, timeout: Duration) -> Error {
    let network = |what: String| Error::new(ErrorKind::Network, format!("GET {url}: {what}"));
    match err {
        ureq::Error::Timeout(_) => network(format!(
            "timed out after {} s (--timeout)",
            timeout.as_secs_f64()
        )),
        ureq::Error::HostNotFound => network("host not found (DNS)".to_string()),
        ureq::Error::ConnectionFailed => network("cannot connect".to_string()),
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => network("connection refused".to_string()),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => network(format!(
                "timed out after {} s (--timeout)",
                timeout.as_secs_f64()
            )),
            _ => network(format!("network error: {io}")),
        },
        ureq::Error::Tls(what) => network(format!("TLS error: {what}")),
        ureq::Error::Rustls(tls) => network(format!("TLS error: {tls}")),
        ureq::Error::Pem(pem) => network(format!("TLS error: {pem}")),
        ureq::Error::Protocol(proto) => {
            Error::bad_answer(format!("GET {url}: the answer is not valid HTTP: {proto}"))
        }
        ureq::Error::BodyExceedsLimit(_) => Error::bad_answer(format!(
            "GET {url}: the answer is larger than {} MiB",
            MAX_BODY_BYTES / 1024 / 1024
        )),
        ureq::Error::BadUri(uri) => Error::config(format!("invalid URL {uri}")),
        other => Error::new(ErrorKind::Unexpected, format!("GET {url}: {other}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let o = |s: &str| origin(&s.parse().unwrap());
        assert_eq!(o("http://a:80/x"), o("http://A/y"));
        assert_eq!(o("https://a/x"), o("https://a:443/"));
        assert_ne!(o("http://a/x"), o("https://a/x"));
        assert_ne!(o("http://a:8080/"), o("http://a/"));
        assert_ne!(o("http://a/"), o("http://b/"));
    }

    #[test]
    fn split_query_decodes_pairs() {
        assert_eq!(
            split_query("http://h/p"),
            ("http://h/p".to_string(), vec![])
        );
        assert_eq!(
            split_query("http://h/p?b=2&a=x%20y&flag&&c=d+e"),
            (
                "http://h/p".to_string(),
                vec![
                    ("b".into(), "2".into()),
                    ("a".into(), "x y".into()),
                    ("flag".into(), String::new()),
                    ("c".into(), "d e".into())
                ]
            )
        );
    }

    #[test]
    fn status_lines() {
        assert_eq!(status_line(StatusCode::NOT_FOUND), "404 Not Found");
        assert_eq!(status_line(StatusCode::from_u16(599).unwrap()), "599");
    }
}
