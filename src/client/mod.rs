//! The one HTTP path: every request `ims` makes goes through [`Client`]. This file is the
//! request itself (agent, headers, the exchange loop); its policies live beside it, each
//! alone: [`retry`] (which failures are retried, and when), [`redirect`] (same origin
//! only), [`tls`] (trust roots, handshake failures), [`failure`] (error statuses and
//! transport failures as typed errors), [`body`] (size limits, reading the answer) and
//! [`trace`] (`-v`). A credential authorises a request through [`Authorize`].

mod authorize;
mod body;
mod failure;
mod redirect;
mod retry;
mod tls;
mod trace;

use std::io::Read;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use ureq::http;

pub(crate) use authorize::{Authorize, Header};
pub(crate) use tls::Tls;

use crate::error::{Error, ErrorKind, diag};
use crate::model::{BodyError, read_json};
use crate::url::canonical_query;
use body::parse_body;
use failure::{http_error, transport_error};
use redirect::{redirect_target, split_query};
use retry::{MAX_RETRY_WAIT, backoff, is_connect_failure, retry_after};
use tls::tls_config;
use trace::{Traced, trace};

/// Read buffer of a connection; also the largest response head accepted.
const INPUT_BUFFER_BYTES: usize = 64 * 1024;

/// Write buffer of a connection: request heads and the sign-in body.
const OUTPUT_BUFFER_BYTES: usize = 16 * 1024;

/// Same-origin redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// How the client behaves.
#[derive(Debug, Clone)]
pub(crate) struct ClientOptions {
    /// Bound on each request, connect and read included.
    pub(crate) timeout: Duration,
    /// Retries of a transient failure.
    pub(crate) retries: u8,
    /// `-v` count.
    pub(crate) verbose: u8,
    /// Certificate verification.
    pub(crate) tls: Tls,
}

/// The HTTP client every request of ims goes through.
pub(crate) struct Client {
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
    credential: Option<&'a dyn Authorize>,
}

impl Client {
    /// A client with `options`.
    pub(crate) fn new(options: ClientOptions) -> Client {
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
    pub(crate) fn get_with<T>(
        &self,
        url: &str,
        query: &[(String, String)],
        credential: &dyn Authorize,
        parse: &mut dyn FnMut(&mut dyn Read) -> Result<T, BodyError>,
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
    pub(crate) fn post_json<T: DeserializeOwned>(
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
        self.exchange(call, &mut |body| read_json(body))
    }

    /// Sends `call` (following same-origin redirects of a GET), maps a failure status to
    /// its typed error, and parses the answer with `parse`.
    fn exchange<T>(
        &self,
        mut call: Call,
        parse: &mut dyn FnMut(&mut dyn Read) -> Result<T, BodyError>,
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
                let traced = Traced {
                    outcome: &outcome,
                    elapsed,
                    retry,
                    sent: &headers,
                    response: Some(&response),
                };
                trace(self.options.verbose, &traced);
                Ok((wire_url, response))
            }
            Err(err) => {
                let connect_failed = is_connect_failure(&err);
                let error = transport_error(err, call.method, &wire_url, self.options.timeout);
                let traced = Traced {
                    outcome: &line("failed"),
                    elapsed,
                    retry,
                    sent: &headers,
                    response: None,
                };
                trace(self.options.verbose, &traced);
                Err((error, connect_failed))
            }
        }
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
