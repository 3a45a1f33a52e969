//! The connections under ureq (its `unversioned::transport` API): TCP, through a CONNECT
//! proxy when the environment names one (as ureq's default chain does); TLS for https with
//! ims's own certificate check; and a watch on every connection that tells the request just
//! made on this thread whether it went out on a reused connection and whether any of its
//! answer came back. ureq keeps connections alive and reuses them; a server (or a load
//! balancer with a short keep-alive timeout) may have dropped one without saying so, and a
//! request sent on it fails before any answer, so it can be sent again on a fresh one.

use std::cell::Cell;
use std::fmt;
use std::io::{Read, Write};
use std::sync::Arc;

use std::net::{IpAddr, SocketAddr};

use rustls::pki_types::ServerName;
use rustls::{ClientConfig, ClientConnection, StreamOwned};
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::time::{Duration, Instant};
use ureq::unversioned::transport::{
    Buffers, ConnectProxyConnector, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout,
    TcpConnector, Transport, TransportAdapter,
};

/// What the request just made on this thread saw of its connection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Attempt {
    /// The connection had carried an earlier request and answer.
    pub(crate) reused: bool,
    /// Some of the answer arrived.
    pub(crate) answered: bool,
}

thread_local! {
    /// What the current request of this thread has seen so far.
    static ATTEMPT: Cell<Attempt> = const { Cell::new(Attempt { reused: false, answered: false }) };
    /// How many watched transports are running on this thread's stack: a connection to a
    /// CONNECT proxy is watched inside the connection it carries, and only the outer
    /// one speaks for the request.
    static DEPTH: Cell<u8> = const { Cell::new(0) };
}

/// Forgets what earlier requests on this thread saw; called before each request.
pub(crate) fn start_attempt() {
    ATTEMPT.set(Attempt::default());
}

/// What the request just made on this thread saw of its connection.
pub(crate) fn last_attempt() -> Attempt {
    ATTEMPT.get()
}

/// Finds the addresses to connect to: an IP address in the URL as it is, a host name as
/// ureq's resolver finds it (the system's lookup, on a thread of its own so that the
/// timeout bounds it). An endpoint such as `http://127.0.0.1:9292` then needs no lookup
/// thread, whose stack and allocator arena would be most of a short command's memory
/// beside the binary.
#[derive(Debug, Default)]
pub(crate) struct Resolve(DefaultResolver);

impl Resolver for Resolve {
    fn resolve(
        &self,
        uri: &Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default();
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let port = uri.port_u16().or(match uri.scheme_str() {
            Some("https") => Some(443),
            Some("http") => Some(80),
            _ => None,
        });
        match (bare.parse::<IpAddr>(), port) {
            (Ok(ip), Some(port)) => {
                let mut found = self.empty();
                found.push(SocketAddr::new(ip, port));
                Ok(found)
            }
            _ => self.0.resolve(uri, config, timeout),
        }
    }
}

/// The connector of http URLs: CONNECT proxy, TCP, watch.
pub(crate) fn plain() -> impl Connector {
    ().chain(ConnectProxyConnector::default())
        .chain(TcpConnector::default())
        .chain(Watch)
}

/// The connector of https URLs: CONNECT proxy, TCP, TLS checked as `config` says, watch.
pub(crate) fn secure(config: Arc<ClientConfig>) -> impl Connector {
    ().chain(ConnectProxyConnector::default())
        .chain(TcpConnector::default())
        .chain(TlsConnector { config })
        .chain(Watch)
}

/// Wraps connections of https URLs in TLS.
struct TlsConnector {
    /// Protocol versions, crypto and certificate check.
    config: Arc<ClientConfig>,
}

impl fmt::Debug for TlsConnector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsConnector").finish_non_exhaustive()
    }
}

impl<In: Transport> Connector<In> for TlsConnector {
    type Out = Either<In, TlsTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Ok(None);
        };
        if !details.needs_tls() || transport.is_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let host = details.uri.host().unwrap_or_default();
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let name = ServerName::try_from(bare)
            .map_err(|_| ureq::Error::Tls("the host name cannot be checked against a certificate"))?
            .to_owned();
        let mut conn = ClientConnection::new(self.config.clone(), name)?;
        let mut socket = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        socket.set_timeout(left_of(details));
        conn.complete_io(&mut socket)?;
        Ok(Some(Either::B(TlsTransport {
            buffers: LazyBuffers::new(
                details.config.input_buffer_size(),
                details.config.output_buffer_size(),
            ),
            stream: StreamOwned::new(conn, socket),
        })))
    }
}

/// What is left now of the connect timeout of `details` (the handshake shares it).
fn left_of(details: &ConnectionDetails) -> NextTimeout {
    let mut timeout = details.timeout;
    if let (Instant::Exact(then), Instant::Exact(now), Duration::Exact(after)) =
        (details.now, (details.current_time)(), timeout.after)
    {
        timeout.after = Duration::Exact(after.saturating_sub(now.saturating_duration_since(then)));
    }
    timeout
}

/// A TLS connection.
pub(crate) struct TlsTransport {
    /// ureq's buffers for this connection.
    buffers: LazyBuffers,
    /// The TLS session over the connection below.
    stream: StreamOwned<ClientConnection, TransportAdapter>,
}

impl fmt::Debug for TlsTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsTransport").finish_non_exhaustive()
    }
}

impl Transport for TlsTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
    }
}

/// Puts a [`Watched`] around every connection.
#[derive(Debug)]
struct Watch;

impl<In: Transport> Connector<In> for Watch {
    type Out = Watched<In>;

    fn connect(
        &self,
        _details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(chained.map(|inner| Watched {
            inner,
            requests: 0,
            sending: false,
        }))
    }
}

/// A connection that notes, for the request being made, whether it is reused and whether
/// any answer came.
#[derive(Debug)]
pub(crate) struct Watched<T> {
    /// The connection.
    inner: T,
    /// Requests started on it.
    requests: u32,
    /// A request is going out and no answer has come yet.
    sending: bool,
}

impl<T: Transport> Watched<T> {
    /// Runs `io` on the inner connection with this one marked as running on the stack.
    fn nested<R>(&mut self, io: impl FnOnce(&mut T) -> R) -> R {
        DEPTH.set(DEPTH.get().saturating_add(1));
        let result = io(&mut self.inner);
        DEPTH.set(DEPTH.get().saturating_sub(1));
        result
    }
}

/// Changes what the current request has seen, unless a watched connection further out
/// speaks for it.
fn note(change: impl FnOnce(&mut Attempt)) {
    if DEPTH.get() == 0 {
        let mut attempt = ATTEMPT.get();
        change(&mut attempt);
        ATTEMPT.set(attempt);
    }
}

impl<T: Transport> Transport for Watched<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        if !self.sending {
            self.sending = true;
            self.requests = self.requests.saturating_add(1);
            let reused = self.requests > 1;
            note(|attempt| {
                *attempt = Attempt {
                    reused,
                    answered: false,
                }
            });
        }
        self.nested(|inner| inner.transmit_output(amount, timeout))
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        let progress = self.nested(|inner| inner.await_input(timeout))?;
        if progress {
            self.sending = false;
            note(|attempt| attempt.answered = true);
        }
        Ok(progress)
    }

    fn is_open(&mut self) -> bool {
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The addresses [`Resolve`] finds for `url`.
    fn resolved(url: &str) -> Vec<SocketAddr> {
        let uri: Uri = url.parse().unwrap();
        let config = ureq::config::Config::default();
        let timeout = NextTimeout {
            after: Duration::Exact(std::time::Duration::from_secs(5)),
            reason: ureq::Timeout::Resolve,
            ..NextTimeout::default()
        };
        Resolve::default()
            .resolve(&uri, &config, timeout)
            .unwrap()
            .iter()
            .copied()
            .collect()
    }

    #[test]
    fn ip_addresses_are_taken_as_they_are_with_the_scheme_port() {
        assert_eq!(
            resolved("http://127.0.0.1:9292/v2"),
            ["127.0.0.1:9292".parse().unwrap()]
        );
        assert_eq!(resolved("https://[::1]/v2"), ["[::1]:443".parse().unwrap()]);
        assert_eq!(
            resolved("http://10.0.0.7/"),
            ["10.0.0.7:80".parse().unwrap()]
        );
    }

    #[test]
    fn host_names_are_looked_up() {
        let found = resolved("http://localhost:9292/");
        assert!(!found.is_empty());
        assert!(
            found
                .iter()
                .all(|addr| addr.ip().is_loopback() && addr.port() == 9292)
        );
    }
}
