//! The one HTTP path: every request `ims` makes goes through [`Client::get_json`]. It owns
//! the ureq agent, timeouts, the redirect policy, the body size limit, the `-v` trace and
//! the mapping of failures (HTTP statuses, transport errors, unreadable answers) to
//! typed errors.

use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use ureq::http::{self, StatusCode};

use percent_encoding::percent_decode_str;

use crate::auth::signer::canonical_query;
use crate::auth::{Credential, Header};
use crate::error::{Error, ErrorKind, diag};
use crate::model::ServiceError;

/// Largest answer read (a 100,000-member list is about 14 MB).
pub const MAX_BODY_BYTES: u64 = 512 * 1024 * 1024;

/// Largest error body read; the rest is ignored.
const MAX_ERROR_BODY_BYTES: u64 = 64 * 1024;

/// Read buffer of a connection; also the largest response head accepted.
const INPUT_BUFFER_BYTES: usize = 64 * 1024;

/// Write buffer of a connection: request heads and the sign-in body.
const OUTPUT_BUFFER_BYTES: usize = 16 * 1024;

/// Same-origin redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// Response headers that carry a secret (Keystone's new token), masked in `-vv`.
const SECRET_RESPONSE_HEADERS: &[&str] = &["x-subject-token", "x-auth-token", "set-cookie"];

/// Headers that carry a request id, in order of preference.
const REQUEST_ID_HEADERS: &[&str] = &["x-openstack-request-id", "x-request-id"];

/// Retries of a transient failure (connect error, 429, 502, 503, 504) unless set.
pub const DEFAULT_RETRIES: u8 = 3;

/// Longest wait before a retry, whatever `Retry-After` asks.
const MAX_RETRY_WAIT: Duration = Duration::from_secs(60);

/// First backoff step; each retry doubles it (with jitter).
const BACKOFF_BASE: Duration = Duration::from_millis(250);

/// Which certificates an https endpoint must chain to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tls {
    /// The system trust store, plus the PEM bundle at `extra_ca` when given.
    Verify {
        /// A PEM bundle of extra trusted roots.
        extra_ca: Option<PathBuf>,
    },
    /// No verification at all (`--insecure`).
    Insecure,
}

/// How the client behaves.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Bound on each request, connect and read included.
    pub timeout: Duration,
    /// Retries of a transient failure.
    pub retries: u8,
    /// `-v` count.
    pub verbose: u8,
    /// Certificate verification.
    pub tls: Tls,
}

/// The HTTP client every request of ims goes through.
pub struct Client {
    /// The agent for http URLs.
    plain: ureq::Agent,
    /// The agent for https URLs, made at the first one: loading the system trust store
    /// costs more than a whole request to a local endpoint, so http-only runs skip it.
    tls: OnceLock<Result<ureq::Agent, (ErrorKind, String)>>,
    options: ClientOptions,
}

/// One request: a GET of the image service, or the Keystone sign-in POST.
struct Call<'a> {
    method: &'static str,
    url: String,
    query: Vec<(String, String)>,
    body: &'a [u8],
    credential: Option<&'a Credential>,
}

impl Client {
    /// A client with `options`.
    pub fn new(options: ClientOptions) -> Client {
        Client {
            plain: agent_config(&options).build().new_agent(),
            tls: OnceLock::new(),
            options,
        }
    }

    /// The agent for `uri`: the TLS one (made now if needed; a CA file that cannot be read
    /// is exit 3) for https.
    fn agent(&self, uri: &http::Uri) -> Result<&ureq::Agent, Error> {
        if uri.scheme_str() != Some("https") {
            return Ok(&self.plain);
        }
        let made = self.tls.get_or_init(|| {
            let tls = tls_config(&self.options.tls).map_err(|err| (err.kind(), err.to_string()))?;
            Ok(agent_config(&self.options)
                .tls_config(tls)
                .build()
                .new_agent())
        });
        made.as_ref()
            .map_err(|(kind, message)| Error::new(*kind, message.clone()))
    }

    /// GETs `url` with the `query` pairs, authorised by `credential`, and hands the answer's
    /// body to `parse`. The query goes on the wire in canonical form (sorted, RFC 3986
    /// encoded), the form AK/SK signs. Redirects are followed only within the same scheme,
    /// host and port, so credentials never leave the endpoint's origin.
    pub fn get_with<T>(
        &self,
        url: &str,
        query: &[(String, String)],
        credential: &Credential,
        parse: &mut dyn FnMut(&[u8]) -> Result<T, BodyError>,
    ) -> Result<T, Error> {
        let call = Call {
            method: "GET",
            url: url.to_string(),
            query: query.to_vec(),
            body: b"",
            credential: Some(credential),
        };
        self.exchange(call, parse).map(|(value, _)| value)
    }

    /// POSTs the JSON `body` to `url` without credentials (a sign-in) and parses the JSON
    /// answer as `T`; the answer's headers come along. Redirects are not followed.
    pub fn post_json<T: DeserializeOwned>(
        &self,
        url: &str,
        body: &[u8],
    ) -> Result<(T, http::HeaderMap), Error> {
        let call = Call {
            method: "POST",
            url: url.to_string(),
            query: Vec::new(),
            body,
            credential: None,
        };
        self.exchange(call, &mut |bytes| Ok(serde_json::from_slice(bytes)?))
    }

    /// Sends `call` (following same-origin redirects of a GET), maps a failure status to
    /// its typed error, and parses the answer with `parse`.
    fn exchange<T>(
        &self,
        mut call: Call,
        parse: &mut dyn FnMut(&[u8]) -> Result<T, BodyError>,
    ) -> Result<(T, http::HeaderMap), Error> {
        for _ in 0..=MAX_REDIRECTS {
            let (wire_url, mut response, retries) = self.send_with_retries(&call)?;
            let status = response.status();
            if status.is_redirection()
                && call.method == "GET"
                && let Some(next) = redirect_target(&wire_url, &response)?
            {
                (call.url, call.query) = split_query(&next);
                continue;
            }
            if !status.is_success() {
                return Err(http_error(&mut response, call.credential).after(retries));
            }
            let value = parse_body(
                call.method,
                &wire_url,
                &mut response,
                self.options.timeout,
                parse,
            )?;
            return Ok((value, response.headers().clone()));
        }
        Err(Error::new(
            ErrorKind::Http,
            format!("GET {}: more than {MAX_REDIRECTS} redirects", call.url),
        ))
    }

    /// Sends a request, retrying transient failures: connect errors and 429, 502, 503, 504,
    /// after `Retry-After` (capped at a minute) or an exponential backoff with jitter.
    /// Returns the URL as sent, the response and how many retries it took.
    fn send_with_retries(
        &self,
        call: &Call,
    ) -> Result<(String, http::Response<ureq::Body>, u8), Error> {
        let mut retry = 0;
        loop {
            let (result, transient) = match self.send(call, retry) {
                Ok((wire_url, response)) => {
                    let wait = matches!(response.status().as_u16(), 429 | 502 | 503 | 504)
                        .then(|| retry_after(response.headers(), jiff::Timestamp::now()));
                    (Ok((wire_url, response)), wait)
                }
                Err((error, connect_failed)) => (Err(error), connect_failed.then_some(None)),
            };
            let Some(wait) = transient.filter(|_| retry < self.options.retries) else {
                return match result {
                    Ok((wire_url, response)) => Ok((wire_url, response, retry)),
                    Err(error) => Err(error.after(retry)),
                };
            };
            let wait = wait.unwrap_or_else(|| backoff(retry)).min(MAX_RETRY_WAIT);
            retry += 1;
            if self.options.verbose > 0 {
                diag(&format!(
                    "retry {retry} of {} in {} ms",
                    self.options.retries,
                    wait.as_millis()
                ));
            }
            std::thread::sleep(wait);
        }
    }

    /// Sends one request and traces it; transport failures become typed errors (with
    /// whether the connection failed, so that a retry is safe). Returns the URL as sent.
    fn send(
        &self,
        call: &Call,
        retry: u8,
    ) -> Result<(String, http::Response<ureq::Body>), (Error, bool)> {
        let canonical = canonical_query(&call.query);
        let wire_url = if canonical.is_empty() {
            call.url.clone()
        } else {
            format!("{}?{canonical}", call.url)
        };
        let uri: http::Uri = wire_url.parse().map_err(|err| {
            (
                Error::config(format!("invalid URL {wire_url}: {err}")),
                false,
            )
        })?;
        let mut headers = vec![Header::plain("Accept", "application/json".to_string())];
        if let Some(credential) = call.credential {
            let signed = credential
                .headers(
                    call.method,
                    &uri,
                    &call.query,
                    call.body,
                    jiff::Timestamp::now(),
                )
                .map_err(|err| (err, false))?;
            headers.extend(signed);
        }
        let agent = self.agent(&uri).map_err(|err| (err, false))?;
        let started = Instant::now();
        let result = match call.method {
            "POST" => {
                headers.push(Header::plain(
                    "Content-Type",
                    "application/json".to_string(),
                ));
                with_headers(agent.post(uri), &headers).send(call.body)
            }
            _ => with_headers(agent.get(uri), &headers).call(),
        };
        let elapsed = started.elapsed();
        let line = |outcome: &str| format!("{} {wire_url} -> {outcome}", call.method);
        match result {
            Ok(response) => {
                let outcome = line(&response.status().to_string());
                self.trace(&outcome, elapsed, retry, &headers, Some(&response));
                Ok((wire_url, response))
            }
            Err(err) => {
                let connect_failed = is_connect_failure(&err);
                let error = transport_error(err, call.method, &wire_url, self.options.timeout);
                self.trace(&line("failed"), elapsed, retry, &headers, None);
                Err((error, connect_failed))
            }
        }
    }

    /// The `-v` line (and with `-vv` the headers) of one request; secrets masked.
    fn trace(
        &self,
        outcome: &str,
        elapsed: Duration,
        retry: u8,
        sent: &[Header],
        response: Option<&http::Response<ureq::Body>>,
    ) {
        if self.options.verbose == 0 {
            return;
        }
        let request_id = response
            .and_then(|r| request_id(r.headers()))
            .map(|id| format!(" request-id={id}"))
            .unwrap_or_default();
        let retry = match retry {
            0 => String::new(),
            n => format!(" retry={n}"),
        };
        diag(&format!(
            "{outcome} in {} ms{request_id}{retry}",
            elapsed.as_millis()
        ));
        if self.options.verbose < 2 {
            return;
        }
        diag(concat!("> User-Agent: ims/", env!("CARGO_PKG_VERSION")));
        for header in sent {
            diag(&format!("> {}: {}", header.name, header.shown));
        }
        if let Some(response) = response {
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
}

/// The TLS failure inside an I/O error, described for people.
fn tls_cause(io: &std::io::Error) -> Option<String> {
    io.get_ref()?
        .downcast_ref::<rustls::Error>()
        .map(describe_tls)
}

/// Says why a TLS handshake failed, naming the usual causes.
fn describe_tls(err: &rustls::Error) -> String {
    use rustls::CertificateError as Cert;
    match err {
        rustls::Error::InvalidCertificate(cert) => match cert {
            Cert::UnknownIssuer => "the certificate is not signed by a trusted CA (unknown \
                issuer); add the CA with --ca-file"
                .to_string(),
            Cert::Expired | Cert::ExpiredContext { .. } => {
                "the certificate has expired".to_string()
            }
            Cert::NotValidYet | Cert::NotValidYetContext { .. } => {
                "the certificate is not valid yet (check this machine's clock)".to_string()
            }
            Cert::NotValidForName | Cert::NotValidForNameContext { .. } => {
                "the certificate is not valid for this host name".to_string()
            }
            Cert::Revoked => "the certificate has been revoked".to_string(),
            other => format!("invalid certificate: {other:?}"),
        },
        other => other.to_string(),
    }
}

/// Adds `headers` to a request.
fn with_headers<B>(
    mut request: ureq::RequestBuilder<B>,
    headers: &[Header],
) -> ureq::RequestBuilder<B> {
    for header in headers {
        request = request.header(header.name, header.value.expose());
    }
    request
}

/// Whether a transport failure happened before the server saw the request (so a retry
/// is safe and may help): refused, unreachable, or a connect timeout.
fn is_connect_failure(err: &ureq::Error) -> bool {
    match err {
        ureq::Error::ConnectionFailed => true,
        ureq::Error::Timeout(ureq::Timeout::Connect) => true,
        ureq::Error::Io(io) => matches!(
            io.kind(),
            std::io::ErrorKind::ConnectionRefused
                | std::io::ErrorKind::ConnectionAborted
                | std::io::ErrorKind::NetworkUnreachable
                | std::io::ErrorKind::HostUnreachable
        ),
        _ => false,
    }
}

/// The wait a `Retry-After` header asks for: seconds, or an HTTP date (`now` is when the
/// answer came). `None` when absent or unreadable.
pub fn retry_after(headers: &http::HeaderMap, now: jiff::Timestamp) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs.min(MAX_RETRY_WAIT.as_secs())));
    }
    static PARSER: jiff::fmt::rfc2822::DateTimeParser = jiff::fmt::rfc2822::DateTimeParser::new();
    let when = PARSER.parse_timestamp(value).ok()?;
    let secs = when.as_second().saturating_sub(now.as_second()).max(0);
    Some(Duration::from_secs(secs.unsigned_abs()).min(MAX_RETRY_WAIT))
}

/// Exponential backoff with jitter: between half and all of 250 ms × 2^retry.
fn backoff(retry: u8) -> Duration {
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

/// The agent settings shared by the http and https agents.
fn agent_config(
    options: &ClientOptions,
) -> ureq::config::ConfigBuilder<ureq::typestate::AgentScope> {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(options.timeout))
        // ureq's 128 KiB default buffers are written in full when a connection opens;
        // answers stream through smaller ones just as well.
        .input_buffer_size(INPUT_BUFFER_BYTES)
        .output_buffer_size(OUTPUT_BUFFER_BYTES)
        .max_response_header_size(INPUT_BUFFER_BYTES)
        .user_agent(concat!("ims/", env!("CARGO_PKG_VERSION")))
}

/// The TLS settings for https endpoints: the system trust store plus an optional PEM
/// bundle, or no verification.
fn tls_config(tls: &Tls) -> Result<ureq::tls::TlsConfig, Error> {
    use ureq::tls::{Certificate, RootCerts, TlsConfig};
    let extra_ca = match tls {
        Tls::Insecure => {
            return Ok(TlsConfig::builder().disable_verification(true).build());
        }
        Tls::Verify { extra_ca } => extra_ca,
    };
    let native = rustls_native_certs::load_native_certs();
    let mut roots: Vec<Certificate<'static>> = native
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect();
    if let Some(path) = extra_ca {
        let pem = std::fs::read(path).map_err(|err| {
            Error::config(format!("cannot read CA file {}: {err}", path.display()))
        })?;
        let before = roots.len();
        for item in ureq::tls::parse_pem(&pem) {
            match item {
                Ok(ureq::tls::PemItem::Certificate(cert)) => roots.push(cert),
                Ok(_) => {}
                Err(err) => {
                    return Err(Error::config(format!(
                        "CA file {} is not a PEM bundle: {err}",
                        path.display()
                    )));
                }
            }
        }
        if roots.len() == before {
            return Err(Error::config(format!(
                "CA file {} holds no PEM certificate",
                path.display()
            )));
        }
    }
    Ok(TlsConfig::builder()
        .root_certs(RootCerts::new_with_certs(&roots))
        .build())
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
fn http_error(response: &mut http::Response<ureq::Body>, credential: Option<&Credential>) -> Error {
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
    Error::new(ErrorKind::from_status(status.as_u16()), message).with_status(status.as_u16())
}

/// A suggestion for statuses whose usual cause is on the user's side.
fn hint(
    status: StatusCode,
    code: Option<&str>,
    credential: Option<&Credential>,
) -> Option<&'static str> {
    let signed = credential.is_some_and(Credential::is_signed);
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
fn status_line(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// Reads a success body (at most [`MAX_BODY_BYTES`]) and parses it as `T`.
fn parse_body<T>(
    method: &str,
    url: &str,
    response: &mut http::Response<ureq::Body>,
    timeout: Duration,
    parse: &mut dyn FnMut(&[u8]) -> Result<T, BodyError>,
) -> Result<T, Error> {
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_else(|| "none".to_string());
    let declared = response.body().content_length();
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(too_large(method, url));
    }
    // Sized to the declared length up front: no doubling of a 14 MB buffer.
    let capacity = usize::try_from(declared.unwrap_or(0)).unwrap_or(0);
    let mut body = Vec::with_capacity(capacity);
    response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .reader()
        .take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|io| read_error(io, method, url, timeout))?;
    if body.len() as u64 > MAX_BODY_BYTES {
        return Err(too_large(method, url));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::bad_answer(format!(
            "{method} {url}: the answer is empty (HTTP {})",
            status_line(response.status())
        )));
    }
    parse(&body).map_err(|err| match err {
        BodyError::Json(err) => Error::bad_answer(format!(
            "{method} {url}: the answer is not the expected JSON (content-type {content_type}): {err}"
        )),
        BodyError::Stop(err) => err,
    })
}

/// Why a body handed to a parser was not used.
#[derive(Debug)]
pub enum BodyError {
    /// It is not the expected JSON.
    Json(serde_json::Error),
    /// The consumer of what was parsed stopped (e.g. stdout closed): its own error.
    Stop(Error),
}

impl From<serde_json::Error> for BodyError {
    fn from(err: serde_json::Error) -> BodyError {
        BodyError::Json(err)
    }
}

/// The typed error of a failed body read: cut short, or the transport's failure.
fn read_error(io: std::io::Error, method: &str, url: &str, timeout: Duration) -> Error {
    if io.kind() == std::io::ErrorKind::UnexpectedEof {
        return Error::bad_answer(format!("{method} {url}: the answer was cut short"));
    }
    let kind = io.kind();
    match io.into_inner().map(|inner| inner.downcast::<ureq::Error>()) {
        Some(Ok(ureq_error)) => transport_error(*ureq_error, method, url, timeout),
        Some(Err(other)) => transport_error(
            ureq::Error::Io(std::io::Error::new(kind, other)),
            method,
            url,
            timeout,
        ),
        None => transport_error(ureq::Error::Io(kind.into()), method, url, timeout),
    }
}

/// The error of an answer over [`MAX_BODY_BYTES`].
fn too_large(method: &str, url: &str) -> Error {
    Error::bad_answer(format!(
        "{method} {url}: the answer is larger than {} MiB",
        MAX_BODY_BYTES / 1024 / 1024
    ))
}

/// Maps a ureq failure to a typed error that says what happened, without secrets.
fn transport_error(err: ureq::Error, method: &str, url: &str, timeout: Duration) -> Error {
    let network = |what: String| Error::new(ErrorKind::Network, format!("{method} {url}: {what}"));
    match err {
        ureq::Error::Timeout(_) => network(format!(
            "timed out after {} s (--timeout)",
            timeout.as_secs_f64()
        )),
        ureq::Error::HostNotFound => network("host not found (DNS)".to_string()),
        ureq::Error::ConnectionFailed => network("cannot connect".to_string()),
        ureq::Error::Io(io) => match (tls_cause(&io), io.kind()) {
            (Some(cause), _) => network(format!("TLS: {cause}")),
            (None, std::io::ErrorKind::ConnectionRefused) => {
                network("connection refused".to_string())
            }
            (None, std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) => network(
                format!("timed out after {} s (--timeout)", timeout.as_secs_f64()),
            ),
            (None, _) => network(format!("network error: {io}")),
        },
        ureq::Error::Tls(what) => network(format!("TLS error: {what}")),
        ureq::Error::Rustls(tls) => network(format!("TLS: {}", describe_tls(&tls))),
        ureq::Error::Pem(pem) => network(format!("TLS error: {pem}")),
        ureq::Error::Protocol(proto) => Error::bad_answer(format!(
            "{method} {url}: the answer is not valid HTTP: {proto}"
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
    fn origins_compare_scheme_host_and_port() {
        let o = |s: &str| origin(&s.parse().unwrap());
        assert_eq!(o("http://a:80/x"), o("http://A/y"));
        assert_eq!(o("https://a/x"), o("https://a:443/"));
        assert_ne!(o("http://a/x"), o("https://a/x"));
        assert_ne!(o("http://a:8080/"), o("http://a/"));
        assert_ne!(o("http://a/"), o("http://b/"));
    }

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

        #[test]
        fn split_query_never_panics(url in "\\PC*") {
            let (base, pairs) = split_query(&url);
            proptest::prop_assert!(url.starts_with(&base));
            proptest::prop_assert!(pairs.len() <= url.len());
        }
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
