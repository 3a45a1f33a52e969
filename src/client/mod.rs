//! The one HTTP path: every request `ims` makes goes through [`Client`]. This file is the
//! request itself (agents, the exchange loop); its policies live beside it, each alone:
//! [`head`] (the headers on the wire, in order, and the head size limit), [`connect`] (TCP,
//! TLS and the watch that spots a dropped keep-alive connection), [`tls`] and [`verify`]
//! (trust roots and the certificate check), [`tls_error`] (handshake failures in words),
//! [`retry`] (which failures are retried, and when), [`budget`] (`--timeout` and
//! `--deadline`), [`redirect`] and [`reference`] (same origin only, `Location` resolved per
//! RFC 3986), [`failure`] (error statuses and transport failures as typed errors), [`body`]
//! (size limits, reading the answer) and [`trace`] (`-v`). A credential authorises a
//! request through [`Authorize`].

mod authorize;
mod body;
mod budget;
mod connect;
mod failure;
mod head;
mod redirect;
mod reference;
mod retry;
mod tls;
mod tls_error;
mod trace;
mod verify;

use std::io::Read;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use ureq::http;

pub(crate) use authorize::{Authorize, Header, Outgoing};
pub(crate) use tls::Tls;

use crate::cli::MAX_JOBS;
use crate::error::{Error, ErrorKind, diag};
use crate::model::{BodyError, read_json};
use crate::url::{canonical_query, split_query};
use body::parse_body;
use budget::{Budget, Limit};
use connect::{last_attempt, start_attempt};
use failure::{MAX_RESPONSE_HEAD, http_error, transport_error};
use head::{MAX_REQUEST_HEAD, USER_AGENT, check_size, check_url_size, request_headers};
use redirect::redirect_target;
use retry::{
    MAX_RETRY_WAIT, Replay, backoff, is_connect_failure, is_connection_closed, transient_status,
};
use tls::client_config;
use trace::{Traced, trace};

/// Read buffer of a connection: a response head of [`MAX_RESPONSE_HEAD`] fits with room
/// to spare, so that a larger one is reported as too large (not as a stalled read).
const INPUT_BUFFER_BYTES: usize = MAX_RESPONSE_HEAD + 16 * 1024;

/// Write buffer of a connection: it must hold the longest line of a request head, and
/// heads over [`MAX_REQUEST_HEAD`] are refused before they are sent.
const OUTPUT_BUFFER_BYTES: usize = MAX_REQUEST_HEAD;

/// Idle connections the pool keeps, per host and in all: as many as the most requests
/// that run at once (`--jobs` is at most [`MAX_JOBS`]), so that every connection a run opens is
/// kept for its next request instead of being closed and opened again (ureq keeps 3 per
/// host by default). A pool never holds more connections than were open at once.
const MAX_IDLE_CONNECTIONS: usize = MAX_JOBS as usize;

/// Same-origin redirects followed before giving up.
const MAX_REDIRECTS: usize = 5;

/// How the client behaves.
#[derive(Debug, Clone)]
pub(crate) struct ClientOptions {
    /// Bound on each request, connect and read included.
    pub(crate) timeout: Duration,
    /// Retries of a transient failure.
    pub(crate) retries: u8,
    /// Bound on all requests together, retries and waits included (`--deadline`).
    pub(crate) deadline: Option<Duration>,
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
    /// Time limits, the deadline counted from the client's making.
    budget: Budget,
    options: ClientOptions,
}

/// One request: a GET of the image service, or the Keystone sign-in POST.
struct Call<'a> {
    method: &'static str,
    url: String,
    query: Vec<(String, String)>,
    body: &'a [u8],
    credential: Option<&'a dyn Authorize>,
    replay: Replay,
    /// Whether `300 Multiple Choices` is the answer itself (a version document), not a
    /// failure.
    choices: bool,
}

impl Call<'_> {
    /// The URL as sent: the query in canonical form.
    fn wire_url(&self) -> String {
        let canonical = canonical_query(&self.query);
        match canonical.is_empty() {
            true => self.url.clone(),
            false => format!("{}?{canonical}", self.url),
        }
    }
}

/// Which connection a request may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Connection {
    /// A kept-alive one from the pool, else a new one.
    Pooled,
    /// A new one.
    Fresh,
}

/// How a failed request may be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    /// Not as a transient failure.
    Never,
    /// Like any transient failure: the server surely did not get the request.
    Transient,
    /// At once on a fresh connection, not counted: it went out on a kept-alive connection
    /// the server had dropped, and no byte of an answer came.
    Stale,
}

/// A failed request: the error, and whether it may be tried again.
struct Failed {
    error: Error,
    retry: Retry,
}

impl Client {
    /// A client with `options`; a deadline counts from now.
    pub(crate) fn new(options: ClientOptions) -> Client {
        Client {
            plain: ureq::Agent::with_parts(
                agent_config(&options),
                connect::plain(),
                connect::Resolve::default(),
            ),
            tls: OnceLock::new(),
            budget: Budget::new(options.timeout, options.deadline, Instant::now()),
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
            let tls =
                client_config(&self.options.tls).map_err(|err| (err.kind(), err.to_string()))?;
            Ok(ureq::Agent::with_parts(
                agent_config(&self.options),
                connect::secure(tls),
                connect::Resolve::default(),
            ))
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
            replay: Replay::Safe,
            choices: false,
        };
        self.exchange(call, parse).map(|(value, _)| value)
    }

    /// GETs the version document at `url`, authorised by `credential`, and parses its JSON:
    /// the service root answers it with `300 Multiple Choices` (Glance, Huawei's native
    /// API) or `200`.
    pub(crate) fn get_versions<T: DeserializeOwned>(
        &self,
        url: &str,
        credential: &dyn Authorize,
    ) -> Result<T, Error> {
        let call = Call {
            method: "GET",
            url: url.to_string(),
            query: Vec::new(),
            body: b"",
            credential: Some(credential),
            replay: Replay::Safe,
            choices: true,
        };
        self.exchange(call, &mut |body| read_json(body))
            .map(|(value, _)| value)
    }

    /// Sends a change: `method` (`POST`, `PUT` or `DELETE`) to `url` with the JSON `body`
    /// (none when empty), authorised by `credential`; the answer's body goes to `parse`
    /// (an empty slice for `204 No Content`). Redirects are not followed. PUT and DELETE
    /// are retried like a GET; a POST only when it surely did not reach the server (see
    /// [`Replay`]).
    pub(crate) fn send_with<T>(
        &self,
        method: &'static str,
        url: &str,
        body: &[u8],
        credential: &dyn Authorize,
        parse: &mut dyn FnMut(&mut dyn std::io::Read) -> Result<T, BodyError>,
    ) -> Result<T, Error> {
        let call = Call {
            method,
            url: url.to_string(),
            query: Vec::new(),
            body,
            credential: Some(credential),
            replay: match method {
                "POST" => Replay::OnlyUnsent,
                _ => Replay::Safe,
            },
            choices: false,
        };
        self.exchange(call, parse).map(|(value, _)| value)
    }

    /// Why waiting `wait` before another request must not be done: it would pass the
    /// `--deadline`. `None` when there is none, or time enough.
    pub(crate) fn refuse_wait(&self, wait: Duration) -> Option<String> {
        self.budget.refuse_wait(wait, Instant::now())
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
            // A sign-in changes nothing: asking again is always safe.
            replay: Replay::Safe,
            choices: false,
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
            if status.is_redirection()
                && call.method != "GET"
                && let Some(location) = response.headers().get("location")
            {
                // A change is not sent again elsewhere on the server's word: say where.
                return Err(Error::new(
                    ErrorKind::Http,
                    format!(
                        "{} {wire_url}: HTTP {status}: redirect to `{}` not followed for a \
                         change; point --endpoint at the new address",
                        call.method,
                        String::from_utf8_lossy(location.as_bytes())
                    ),
                )
                .with_status(status.as_u16()));
            }
            let choices = call.choices && status == http::StatusCode::MULTIPLE_CHOICES;
            if !status.is_success() && !choices {
                return Err(http_error(&mut response, call.credential).after(retries));
            }
            if status == http::StatusCode::NO_CONTENT && call.method != "GET" {
                let value = parse(&mut std::io::empty()).map_err(|err| match err {
                    BodyError::Json(err) => Error::bad_answer(format!(
                        "{} {wire_url}: unexpected empty answer: {err}",
                        call.method
                    )),
                    BodyError::Stop(err) => err,
                })?;
                return Ok((value, response.headers().clone()));
            }
            let value = parse_body(
                call.method,
                &wire_url,
                &mut response,
                self.options.timeout,
                parse,
            )
            .map_err(|err| self.cut_by_deadline(err, call.method, &wire_url))?;
            return Ok((value, response.headers().clone()));
        }
        Err(Error::new(
            ErrorKind::Http,
            format!("GET {}: more than {MAX_REDIRECTS} redirects", call.url),
        ))
    }

    /// A network failure while reading an answer, said as the deadline cutting it when the
    /// deadline has passed by now.
    fn cut_by_deadline(&self, err: Error, method: &str, wire_url: &str) -> Error {
        match (err.kind(), self.budget.passed(Instant::now())) {
            (ErrorKind::Network, Some(why)) => {
                Error::new(ErrorKind::Network, format!("{method} {wire_url}: {why}"))
            }
            _ => err,
        }
    }

    /// Sends a request, retrying transient failures: connect errors and 429, 502, 503, 504,
    /// after `Retry-After` (capped at a minute) or an exponential backoff with jitter, as
    /// long as the deadline allows. A request that went out on a kept-alive connection the
    /// server had dropped is sent again at once on a fresh one, within the same try.
    /// Returns the URL as sent, the response and how many retries it took.
    fn send_with_retries(
        &self,
        call: &Call,
    ) -> Result<(String, http::Response<ureq::Body>, u8), Error> {
        let mut retry = 0;
        loop {
            let limit = self.budget.next_request(Instant::now()).map_err(|why| {
                Error::new(
                    ErrorKind::Network,
                    format!("{} {}: {why}", call.method, call.wire_url()),
                )
                .after(retry)
            })?;
            let started = Instant::now();
            // A POST that creates something goes on a new connection: on a kept-alive one
            // the server may have read it before dropping the connection, and it must not
            // be sent twice.
            let connection = match call.replay {
                Replay::Safe => Connection::Pooled,
                Replay::OnlyUnsent => Connection::Fresh,
            };
            let mut outcome = self.send(call, retry, &limit, connection);
            if let Err(Failed {
                retry: Retry::Stale,
                ..
            }) = &outcome
                && connection == Connection::Pooled
                && let Some(left) = limit.less(started.elapsed())
            {
                if self.options.verbose > 0 {
                    diag(
                        "the server had closed the kept-alive connection; sending again on a new one",
                    );
                }
                outcome = self.send(call, retry, &left, Connection::Fresh);
            }
            let (result, transient) = match outcome {
                Ok((wire_url, response)) => {
                    let wait = transient_status(call.replay, &response);
                    (Ok((wire_url, response)), wait)
                }
                Err(Failed {
                    error,
                    retry: Retry::Transient,
                }) => (Err(error), Some(None)),
                Err(Failed { error, .. }) => (Err(error), None),
            };
            let Some(wait) = transient.filter(|_| retry < self.options.retries) else {
                return match result {
                    Ok((wire_url, response)) => Ok((wire_url, response, retry)),
                    Err(error) => Err(error.after(retry)),
                };
            };
            let wait = wait.unwrap_or_else(|| backoff(retry)).min(MAX_RETRY_WAIT);
            if let Some(why) = self.budget.refuse_wait(wait, Instant::now()) {
                let error = match result {
                    Ok((_, mut response)) => http_error(&mut response, call.credential),
                    Err(error) => error,
                };
                return Err(Error::new(
                    ErrorKind::Network,
                    format!("{}; {why}", error.after(retry)),
                ));
            }
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

    /// Sends one request within `limit` on `connection` and traces it; transport failures
    /// become typed errors (with whether and how the request may be tried again). Returns
    /// the URL as sent.
    fn send(
        &self,
        call: &Call,
        retry: u8,
        limit: &Limit,
        connection: Connection,
    ) -> Result<(String, http::Response<ureq::Body>), Failed> {
        let never = |error| Failed {
            error,
            retry: Retry::Never,
        };
        let wire_url = call.wire_url();
        check_url_size(call.method, &wire_url).map_err(never)?;
        let uri: http::Uri = wire_url
            .parse()
            .map_err(|err| never(Error::config(format!("invalid URL {wire_url}: {err}"))))?;
        if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
            // ureq would make user info an Authorization header that no trace shows.
            return Err(never(Error::config(format!(
                "{} {}: a URL with user info is not supported",
                call.method,
                uri.host().unwrap_or_default()
            ))));
        }
        let signed = match call.credential {
            Some(credential) => {
                let request = Outgoing {
                    method: call.method,
                    uri: &uri,
                    query: &call.query,
                    body: call.body,
                };
                credential
                    .headers(&request, jiff::Timestamp::now())
                    .map_err(never)?
            }
            None => Vec::new(),
        };
        let body = (!call.body.is_empty()).then_some(call.body);
        let headers = request_headers(call.method, &uri, signed, body);
        check_size(call.method, &uri, &headers).map_err(never)?;
        let agent = self.agent(&uri).map_err(never)?;
        start_attempt();
        let started = Instant::now();
        let result = match (call.method, call.body) {
            ("POST", body) => configured(agent.post(uri), &headers, limit, connection).send(body),
            ("PUT", body) => configured(agent.put(uri), &headers, limit, connection).send(body),
            ("PATCH", body) => configured(agent.patch(uri), &headers, limit, connection).send(body),
            ("DELETE", []) => configured(agent.delete(uri), &headers, limit, connection).call(),
            // Huawei's batch API takes a body on DELETE.
            ("DELETE", body) => configured(agent.delete(uri), &headers, limit, connection)
                .force_send_body()
                .send(body),
            _ => configured(agent.get(uri), &headers, limit, connection).call(),
        };
        let elapsed = started.elapsed();
        let attempt = last_attempt();
        let line = |outcome: &str| format!("{} {wire_url} -> {outcome}", call.method);
        match result {
            Ok(response) => {
                let outcome = line(&response.status().to_string());
                let traced = Traced {
                    outcome: &outcome,
                    elapsed,
                    retry,
                    sent: &headers,
                    body: call.credential.map(|_| call.body),
                    response: Some(&response),
                };
                trace(self.options.verbose, &traced);
                Ok((wire_url, response))
            }
            Err(err) => {
                let retry_as = if attempt.reused && !attempt.answered && is_connection_closed(&err)
                {
                    Retry::Stale
                } else if is_connect_failure(&err) {
                    Retry::Transient
                } else {
                    Retry::Never
                };
                let error = transport_error(err, call.method, &wire_url, limit);
                let traced = Traced {
                    outcome: &line("failed"),
                    elapsed,
                    retry,
                    sent: &headers,
                    body: call.credential.map(|_| call.body),
                    response: None,
                };
                trace(self.options.verbose, &traced);
                Err(Failed {
                    error,
                    retry: retry_as,
                })
            }
        }
    }
}

/// A request with `headers`, bounded by `limit`, on a `connection` of the kind asked for.
fn configured<B>(
    request: ureq::RequestBuilder<B>,
    headers: &[Header],
    limit: &Limit,
    connection: Connection,
) -> ureq::RequestBuilder<B> {
    let config = request.config().timeout_global(Some(limit.left));
    let mut request = match connection {
        Connection::Pooled => config.build(),
        // No pooled connection is young enough: a new one is made.
        Connection::Fresh => config.max_idle_age(Duration::ZERO).build(),
    };
    for header in headers {
        request = request.header(header.name, header.value.expose());
    }
    request
}

/// The agent settings shared by the http and https agents.
fn agent_config(options: &ClientOptions) -> ureq::config::Config {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(options.timeout))
        // ureq's 128 KiB default buffers are written in full when a connection opens;
        // answers stream through smaller ones just as well.
        .input_buffer_size(INPUT_BUFFER_BYTES)
        .output_buffer_size(OUTPUT_BUFFER_BYTES)
        .max_response_header_size(MAX_RESPONSE_HEAD)
        .max_idle_connections(MAX_IDLE_CONNECTIONS)
        .max_idle_connections_per_host(MAX_IDLE_CONNECTIONS)
        // Requests carry their own User-Agent; this one is for a CONNECT to a proxy.
        .user_agent(USER_AGENT)
        .build()
}
