//! Helpers shared by the integration tests: a clean `ims` command, fixtures, captures.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::assert::{Assert, IntoOutputPredicate};
use httpmock::prelude::*;

/// The version string `ims` sends as its User-Agent.
pub const USER_AGENT: &str = concat!("ims/", env!("CARGO_PKG_VERSION"));

/// A sandbox: an empty home and config directory, so no real user file is read.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().expect("tempdir") }
    }

    /// `ims` with a clean environment (only PATH, HOME and the XDG config and cache
    /// directories set, all inside the sandbox; the current directory is the sandbox too,
    /// so no `./clouds.yaml` of the developer is read).
    pub fn ims(&self) -> Command {
        Command::from_std(self.command(assert_cmd::cargo::cargo_bin("ims")))
    }

    /// `program` with the clean environment of [`Sandbox::ims`].
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_CACHE_HOME", self.dir.path().join("cache"))
            .env("LC_ALL", "C.UTF-8")
            .current_dir(self.dir.path());
        cmd
    }

    /// Writes the default config file (`$XDG_CONFIG_HOME/ims/config.toml`) and returns its path.
    pub fn config(&self, text: &str) -> PathBuf {
        let path = self.dir.path().join("config/ims/config.toml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        write_private(&path, text);
        path
    }

    /// Writes a default config file whose default profile has `server`'s endpoint and then
    /// `settings` (TOML lines); returns its path.
    pub fn profile_for(&self, server: &MockServer, settings: &str) -> PathBuf {
        self.config(&format!(
            "[profiles.default]\nendpoint = \"{}\"\n{settings}",
            server.base_url()
        ))
    }

    /// Writes a file in the sandbox and returns its path.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        write_private(&path, text);
        path
    }
}

/// Writes `text` to `path` with mode 0600, as a careful user keeps files with secrets.
pub fn write_private(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// `ims --endpoint URL --token TOKEN` against a mock server.
pub fn ims_at(sandbox: &Sandbox, server: &MockServer, token: &str) -> Command {
    let mut cmd = sandbox.ims();
    cmd.args(["--endpoint", &server.base_url(), "--token", token]);
    cmd
}

/// `ims --endpoint URL --token t` against a mock server, in a sandbox of its own that
/// lives as long as the command: for the many tests that need nothing else.
pub fn ims_for(server: &MockServer) -> Ims {
    let sandbox = Sandbox::new();
    let cmd = ims_at(&sandbox, server, "t");
    Ims { _sandbox: sandbox, cmd }
}

/// An `ims` command and the sandbox it runs in (see [`ims_for`]); used as a [`Command`].
pub struct Ims {
    _sandbox: Sandbox,
    cmd: Command,
}

impl std::ops::Deref for Ims {
    type Target = Command;

    fn deref(&self) -> &Command {
        &self.cmd
    }
}

impl std::ops::DerefMut for Ims {
    fn deref_mut(&mut self) -> &mut Command {
        &mut self.cmd
    }
}

/// Each of `mocks` was called exactly `times` times.
pub fn called(mocks: &[httpmock::Mock], times: usize) {
    for mock in mocks {
        mock.assert_calls(times);
    }
}

/// `ims --endpoint http://127.0.0.1:PORT --token TOKEN` against a raw server.
pub fn ims_at_port(sandbox: &Sandbox, port: u16, token: &str) -> Command {
    let mut cmd = sandbox.ims();
    let endpoint = format!("http://127.0.0.1:{port}");
    cmd.args(["--endpoint", &endpoint, "--token", token]);
    cmd
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A seed document's example response.
pub fn seed(name: &str) -> String {
    std::fs::read_to_string(fixtures().join("seeds").join(name)).expect("seed fixture")
}

/// A raw HTTP answer captured from the real Glance.
pub struct Capture {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Capture {
    /// The Glance capture whose file name starts with `prefix` (e.g. `"15-"`).
    pub fn load(prefix: &str) -> Capture {
        Capture::load_from("glance", prefix)
    }

    /// The capture in `fixtures/<dir>` whose file name starts with `prefix`. Keystone
    /// captures hold the request too: the answer starts after `<<< response`.
    pub fn load_from(dir: &str, prefix: &str) -> Capture {
        let dir = fixtures().join(dir);
        let entry = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .unwrap_or_else(|| panic!("no capture {prefix}"));
        let mut raw = std::fs::read(entry.path()).unwrap();
        let marker = b"<<< response\n";
        if let Some(at) = raw.windows(marker.len()).position(|w| w == marker) {
            raw.drain(..at + marker.len());
        }
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("header end");
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .filter_map(|line| line.split_once(": "))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut capture = Capture { status, headers, body: raw[split + 4..].to_vec() };
        if let Some(length) = capture.header("content-length").and_then(|v| v.parse::<usize>().ok())
        {
            capture.body.truncate(length);
        }
        capture
    }

    /// The capture's header `name`, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// What an error line ends with for this answer's request id: ` (request id …)`, or
    /// nothing when it carries none.
    pub fn request_id_note(&self) -> String {
        self.header("x-openstack-request-id")
            .map(|id| format!(" (request id {id})"))
            .unwrap_or_default()
    }

    /// Configures a mock's answer to replay this capture (Content-Length is recomputed).
    pub fn respond(&self, then: httpmock::Then) -> httpmock::Then {
        let mut then = then.status(self.status);
        for (name, value) in &self.headers {
            if !name.eq_ignore_ascii_case("content-length") {
                then = then.header(name, value);
            }
        }
        then.body(self.body.clone())
    }
}

/// A catch-all mock for tests where `ims` must send nothing: assert zero calls on it.
pub fn nothing_may_be_sent(server: &MockServer) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        when.any_request();
        then.status(200).body(r#"{"members":[]}"#);
    })
}

/// The request headers every `ims` request must carry.
pub fn expect_standard_headers(when: httpmock::When, token: &str) -> httpmock::When {
    when.method(GET)
        .header("accept", "application/json")
        .header("user-agent", USER_AGENT)
        .header("x-auth-token", token)
}

/// stdout of a finished command, as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// stderr of a finished command, as text.
pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Makes a FIFO named `name` in the sandbox and returns its path.
pub fn mkfifo(sandbox: &Sandbox, name: &str) -> PathBuf {
    let path = sandbox.dir.path().join(name);
    let made = std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(made.success(), "mkfifo {}", path.display());
    path
}

/// Runs `cmd` (its stdout and stderr captured) and returns its output; fails the test,
/// killing the process, when it runs longer than `bound`. For runs whose stdin is not a
/// buffer assert_cmd could write (a device, a FIFO).
pub fn output_within(
    mut cmd: std::process::Command,
    bound: std::time::Duration,
) -> std::process::Output {
    use std::process::Stdio;
    let child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    let pid = child.id().to_string();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    match receiver.recv_timeout(bound) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            let _ = std::process::Command::new("kill").args(["-KILL", &pid]).status();
            panic!("the command did not finish within {bound:?}");
        }
    }
}

/// A raw HTTP/1.1 server on 127.0.0.1 for answers httpmock cannot give (cut short, built
/// per request, thousands of them): `answer` gets each request's path and query and
/// returns the whole response, head and body. A connection stays open for the next
/// request unless the answer says `Connection: close`. Returns the port.
pub fn raw_http_server(answer: impl Fn(&str) -> Vec<u8> + Send + Sync + 'static) -> u16 {
    counting_http_server(answer).0
}

/// [`raw_http_server`], and the number of connections it has accepted so far.
pub fn counting_http_server(
    answer: impl Fn(&str) -> Vec<u8> + Send + Sync + 'static,
) -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let answer = std::sync::Arc::new(answer);
    let accepted = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let answer = answer.clone();
            std::thread::spawn(move || {
                let mut pending = Vec::new();
                let mut buf = [0u8; 4096];
                loop {
                    let end = loop {
                        if let Some(at) = pending.windows(4).position(|w| w == b"\r\n\r\n") {
                            break at + 4;
                        }
                        match stream.read(&mut buf) {
                            Ok(0) | Err(_) => return,
                            Ok(n) => pending.extend_from_slice(&buf[..n]),
                        }
                    };
                    let head = String::from_utf8_lossy(&pending[..end]).into_owned();
                    pending.drain(..end);
                    let target = head.split(' ').nth(1).unwrap_or("/").to_string();
                    let response = answer(&target);
                    if stream.write_all(&response).is_err() {
                        return;
                    }
                    let close = String::from_utf8_lossy(&response)
                        .split("\r\n\r\n")
                        .next()
                        .is_some_and(|h| h.to_ascii_lowercase().contains("connection: close"));
                    if close {
                        return;
                    }
                }
            });
        }
    });
    (port, accepted)
}

/// A `200 OK` JSON answer with a correct Content-Length, kept alive (no `Connection: close`).
pub fn json_response(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// `ims` run through `sh -c '<setup>; exec ims "$@"'`, so the shell can change what the
/// process starts with (`ulimit`, closed or redirected stdout). The environment is the
/// sandbox's, as [`Sandbox::ims`] sets it.
pub fn ims_in_shell(sandbox: &Sandbox, setup: &str, args: &[&str]) -> Command {
    let bin = assert_cmd::cargo::cargo_bin("ims");
    let mut cmd = sandbox.command("sh");
    cmd.arg("-c").arg(format!("{setup}\nexec \"$0\" \"$@\"")).arg(bin).args(args);
    Command::from_std(cmd)
}

/// A TLS server on 127.0.0.1 that answers every request with one member; returns its port.
pub fn tls_server((cert, key): (Vec<u8>, Vec<u8>)) -> u16 {
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
    use std::io::Write;
    use std::net::TcpListener;
    use std::sync::Arc;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(cert)],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key)),
        )
        .unwrap();
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let config = config.clone();
            std::thread::spawn(move || {
                let conn = rustls::ServerConnection::new(config).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, stream);
                if read_head(&mut tls).is_none() {
                    return;
                }
                let body = r#"{"member_id":"tls-member"}"#;
                let _ = write!(
                    tls,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.flush();
                tls.conn.send_close_notify();
                let _ = tls.flush();
            });
        }
    });
    port
}

/// Reads one request head (up to and including the blank line), byte by byte so that
/// nothing of a next request is taken; `None` when the peer closed first.
pub fn read_head(stream: &mut impl std::io::Read) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&head).into_owned())
}

/// The runs most tests end with, said in one word. Each returns the [`Assert`] to check
/// more on (stderr, say).
pub trait Run {
    /// Runs the command: exit 0 and exactly `stdout` (`assert().success().stdout(…)`).
    fn prints<I, P>(&mut self, stdout: I) -> Assert
    where
        I: IntoOutputPredicate<P>,
        P: predicates::Predicate<[u8]>;

    /// Runs the command: exit 0 (`assert().success()`).
    fn succeeds(&mut self) -> Assert;

    /// Runs the command: exit `code` (`assert().code(…)`).
    fn exits(&mut self, code: i32) -> Assert;
}

impl Run for Command {
    fn prints<I, P>(&mut self, stdout: I) -> Assert
    where
        I: IntoOutputPredicate<P>,
        P: predicates::Predicate<[u8]>,
    {
        self.assert().success().stdout(stdout)
    }

    fn succeeds(&mut self) -> Assert {
        self.assert().success()
    }

    fn exits(&mut self, code: i32) -> Assert {
        self.assert().code(code)
    }
}
