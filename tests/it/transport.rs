//! The transport, whatever the command: retries and Retry-After, TLS against real local TLS
//! servers (and self-signed certificates made the usual way), keep-alive connections the
//! server drops, request and response heads over the usual sizes, redirects, bodies broken
//! or too large from a raw TCP server, connection failures and timeouts, the headers `-vv`
//! lists against what went on the wire, and the total `--deadline`.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::fixtures::glance::*;
use crate::util::*;
use httpmock::prelude::*;

// ---- a raw HTTP/1.1 server whose every connection runs `serve` ----

/// Starts a server on 127.0.0.1 that hands each accepted connection, with its number
/// (from 0), to `serve` on a thread of its own; returns the port.
fn raw(serve: impl Fn(TcpStream, usize) + Send + Sync + 'static) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let serve = Arc::new(serve);
    std::thread::spawn(move || {
        for (number, stream) in listener.incoming().enumerate() {
            let Ok(stream) = stream else { continue };
            let serve = serve.clone();
            std::thread::spawn(move || serve(stream, number));
        }
    });
    port
}

/// Reads a request head and the body its Content-Length announces.
fn read_request(stream: &mut TcpStream) -> Option<(String, Vec<u8>)> {
    let head = read_head(stream)?;
    let length = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).ok()?;
    Some((head, body))
}

/// The path of a request head's request line.
fn path_of(head: &str) -> String {
    head.split(' ').nth(1).unwrap_or("").to_string()
}

/// The member list of image `image`: one member, `m-<image>`.
fn members_of(image: &str) -> String {
    format!(
        r#"{{"members":[{{"member_id":"m-{image}","image_id":"{image}","status":"accepted"}}]}}"#
    )
}

/// `ims --endpoint http://127.0.0.1:PORT --token t`.
fn ims_raw(sandbox: &Sandbox, port: u16) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "t"]);
    cmd
}

/// `member list i1 … i20 --jobs 1 -o ids` and what it must print.
fn twenty_images() -> (Vec<String>, String) {
    let images: Vec<String> = (1..=20).map(|n| format!("i{n}")).collect();
    let ids = images.iter().map(|i| format!("m-{i}\n")).collect();
    (images, ids)
}

// ---- keep-alive connections the server drops ----

#[test]
fn a_kept_alive_connection_the_server_dropped_is_retried_on_a_fresh_one() {
    // Each connection answers one request, kept alive, then drops the connection when the
    // next request arrives: every second one reads it first (the client sees the
    // connection end), the others close with it unread (the client sees a reset).
    let answered = Arc::new(AtomicUsize::new(0));
    let dropped = Arc::new(AtomicUsize::new(0));
    let (a, d) = (answered.clone(), dropped.clone());
    let port = raw(move |mut stream, number| {
        let Some(head) = read_head(&mut stream) else {
            return;
        };
        let image = path_of(&head).split('/').nth(3).unwrap_or("").to_string();
        stream.write_all(&json_response(&members_of(&image))).unwrap();
        a.fetch_add(1, Ordering::SeqCst);
        if number % 2 == 0 {
            if read_head(&mut stream).is_some() {
                d.fetch_add(1, Ordering::SeqCst);
            }
        } else if stream.peek(&mut [0u8; 1]).is_ok_and(|n| n > 0) {
            d.fetch_add(1, Ordering::SeqCst);
        }
    });
    let (images, ids) = twenty_images();
    let sandbox = Sandbox::new();
    ims_raw(&sandbox, port)
        .args(["--retries", "0", "member", "list"])
        .args(&images)
        .args(["--jobs", "1", "-o", "ids"])
        .prints(ids.clone())
        .stderr("");
    assert_eq!(answered.load(Ordering::SeqCst), 20);
    assert_eq!(dropped.load(Ordering::SeqCst), 19);

    // Answers, then closes at once without `Connection: close`, as load balancers with a
    // short keep-alive timeout do.
    let port = raw(|mut stream, _| {
        if let Some(head) = read_head(&mut stream) {
            let image = path_of(&head).split('/').nth(3).unwrap_or("").to_string();
            let _ = stream.write_all(&json_response(&members_of(&image)));
        }
    });
    ims_raw(&sandbox, port)
        .args(["--retries", "0", "member", "list"])
        .args(&images)
        .args(["--jobs", "1", "-o", "ids"])
        .prints(ids)
        .stderr("");

    // Part of the answer came: the request is not sent again.
    let requests = Arc::new(AtomicUsize::new(0));
    let seen = requests.clone();
    let port = raw(move |mut stream, _| {
        let Some(head) = read_head(&mut stream) else {
            return;
        };
        seen.fetch_add(1, Ordering::SeqCst);
        let image = path_of(&head).split('/').nth(3).unwrap_or("").to_string();
        stream.write_all(&json_response(&members_of(&image))).unwrap();
        if read_head(&mut stream).is_some() {
            seen.fetch_add(1, Ordering::SeqCst);
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Le");
        }
    });
    let out = ims_raw(&sandbox, port)
        .args(["--retries", "0", "member", "list", "i1", "i2", "--jobs", "1"])
        .args(["-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "m-i1\n");
    assert_eq!(
        stderr_of(&out),
        format!(
            "ims: error: image i2: GET http://127.0.0.1:{port}/v2/images/i2/members: network error: Peer disconnected\n"
        )
    );
    assert_eq!(requests.load(Ordering::SeqCst), 2);
}

// ---- self-signed certificates made the usual way, and TLS errors in words ----

/// A certificate and its PKCS#8 key, DER.
type CertAndKey = (Vec<u8>, Vec<u8>);

/// A self-signed certificate for `names` marked `CA:TRUE`, as `openssl req -x509` makes
/// it, valid now or expired in 2021. Returns its PEM and the certificate and key.
fn self_signed_ca(names: &[&str], validity: Validity) -> (String, CertAndKey) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair, date_time_ymd};
    let key = KeyPair::generate().unwrap();
    let mut params =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(rcgen::DnType::CommonName, names[0]);
    if validity == Validity::Expired {
        params.not_before = date_time_ymd(2020, 1, 1);
        params.not_after = date_time_ymd(2021, 1, 1);
    }
    let cert = params.self_signed(&key).unwrap();
    (cert.pem(), (cert.der().to_vec(), key.serialize_der()))
}

/// Whether a test certificate is in its validity period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Validity {
    Current,
    Expired,
}

/// A CA, and a certificate it signs for 127.0.0.1 that is itself marked `CA:TRUE`.
fn ca_and_ca_leaf() -> (String, CertAndKey) {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "ims test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let cert = params.signed_by(&key, &ca).unwrap();
    (ca.pem(), (cert.der().to_vec(), key.serialize_der()))
}

/// `ims --endpoint https://127.0.0.1:PORT … member show i m -o ids`, with `--ca-file` if given.
fn https_show(sandbox: &Sandbox, port: u16, ca: Option<&std::path::Path>) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.args(["--endpoint", &format!("https://127.0.0.1:{port}"), "--token", "t"]);
    if let Some(ca) = ca {
        cmd.args(["--ca-file", ca.to_str().unwrap()]);
    }
    cmd.args(["--retries", "0", "member", "show", "i", "m", "-o", "ids"]);
    cmd
}

#[test]
fn a_self_signed_ca_certificate_given_with_ca_file_is_accepted() {
    let sandbox = Sandbox::new();
    let (pem, cert) = self_signed_ca(&["127.0.0.1", "localhost"], Validity::Current);
    let ca = sandbox.file("self.pem", &pem);
    https_show(&sandbox, tls_server(cert), Some(&ca)).prints("tls-member\n").stderr("");
}

#[test]
fn a_self_signed_ca_certificate_is_still_checked_for_host_and_dates() {
    let sandbox = Sandbox::new();
    let (pem, cert) = self_signed_ca(&["ims.example.com"], Validity::Current);
    let ca = sandbox.file("other-host.pem", &pem);
    let port = tls_server(cert);
    https_show(&sandbox, port, Some(&ca)).exits(7).stdout("").stderr(format!(
        "ims: error: member m of image i: GET https://127.0.0.1:{port}/v2/images/i/members/m: TLS: the certificate is not valid for this host name (it is for ims.example.com)\n"
    ));

    let (pem, cert) = self_signed_ca(&["127.0.0.1"], Validity::Expired);
    let ca = sandbox.file("expired.pem", &pem);
    let port = tls_server(cert);
    let out = https_show(&sandbox, port, Some(&ca)).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(stdout_of(&out), "");
    let stderr = stderr_of(&out);
    assert!(
        stderr.starts_with(&format!(
            "ims: error: member m of image i: GET https://127.0.0.1:{port}/v2/images/i/members/m: TLS: the certificate has expired (on 2021-01-01; this machine's clock says "
        )),
        "{stderr}"
    );

    // Not given with --ca-file: the system store does not know it.
    let (_, cert) = self_signed_ca(&["127.0.0.1"], Validity::Current);
    let (other_pem, _) = self_signed_ca(&["127.0.0.1"], Validity::Current);
    let other = sandbox.file("unrelated.pem", &other_pem);
    let port = tls_server(cert);
    https_show(&sandbox, port, Some(&other)).exits(7).stderr(format!(
        "ims: error: member m of image i: GET https://127.0.0.1:{port}/v2/images/i/members/m: TLS: the certificate is not signed by a trusted CA (unknown issuer); add the CA with --ca-file\n"
    ));
}

#[test]
fn tls_failures_are_said_in_words() {
    let sandbox = Sandbox::new();
    // A server certificate that is itself a CA, signed by a trusted CA.
    let (ca_pem, cert) = ca_and_ca_leaf();
    let ca = sandbox.file("ca.pem", &ca_pem);
    let port = tls_server(cert);
    https_show(&sandbox, port, Some(&ca)).exits(7).stderr(format!(
        "ims: error: member m of image i: GET https://127.0.0.1:{port}/v2/images/i/members/m: TLS: the server's certificate is a CA certificate, not one for a server\n"
    ));

    // Plain HTTP on the https port.
    let port = raw(|mut stream, _| {
        let mut hello = [0u8; 512];
        let _ = stream.read(&mut hello);
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    https_show(&sandbox, port, Some(&ca)).exits(7).stderr(format!(
        "ims: error: member m of image i: GET https://127.0.0.1:{port}/v2/images/i/members/m: TLS: the server did not answer in TLS (is the endpoint http://, not https://?)\n"
    ));
}

// ---- request heads over 16 KiB ----

#[test]
fn a_20000_character_token_is_sent() {
    let token = "T".repeat(20_000);
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.path("/v2/images/i/members/m").header("x-auth-token", &token);
        then.status(200).body(r#"{"member_id":"m"}"#);
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, &token)
        .args(["member", "show", "i", "m", "-o", "ids"])
        .prints("m\n")
        .stderr("");
    mock.assert_calls(1);
}

#[test]
fn a_17_kb_image_id_is_sent() {
    let image = "i".repeat(17_000);
    let server = MockServer::start();
    let mock = answer(&server, format!("/v2/images/{image}/members"), 200, members_of("x"));
    ims_for(&server).args(["member", "list", &image, "-o", "ids"]).prints("m-x\n").stderr("");
    mock.assert_calls(1);
}

#[test]
fn a_request_head_over_64_kib_is_refused_before_sending() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    let token = "S".repeat(70_000);
    let out =
        ims_at(&sandbox, &server, &token).args(["member", "show", "i", "m"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(stdout_of(&out), "");
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("SSS"), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "ims: error: member m of image i: GET {}/v2/images/i/members/m: not sent: the request head would be 70",
            server.base_url()
        )) && stderr.ends_with(
            " bytes, over the limit of 65536 (64 KiB); its X-Auth-Token header alone is 70000 bytes: check the credential\n"
        ),
        "{stderr}"
    );

    // A token_command that prints 10 MB.
    let config = sandbox
        .profile_for(&server, "token_command = \"head -c 10000000 /dev/zero | tr '\\\\0' a\"\n");
    let out = sandbox.ims().args(["member", "show", "i", "m"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "{config:?}");
    let stderr = stderr_of(&out);
    assert!(stderr.len() < 400, "{}", &stderr[..400]);
    // The token command's own bound (1 MiB of output) stops it before any head is built.
    assert!(
        stderr.starts_with("ims: error: token_command `head ****` (from ")
            && stderr
                .ends_with(" printed more than 1 MiB, too long for a secret; it was stopped\n"),
        "{stderr}"
    );

    // An image ID of 70,000 characters.
    let image = "i".repeat(70_000);
    let out = ims_at(&sandbox, &server, "t").args(["member", "list", &image]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout_of(&out), "");
    let stderr = stderr_of(&out);
    assert!(
        stderr.ends_with(&format!(
            "…: not sent: the request head would be over the limit of 65536 (64 KiB); its URL alone is {} bytes: check the IDs\n",
            format!("{}/v2/images/{image}/members", server.base_url()).len()
        )),
        "{}",
        &stderr[stderr.len().saturating_sub(300)..]
    );
    any.assert_calls(0);
}

// ---- a response head over 64 KiB ----

#[test]
fn a_70_kb_response_header_is_an_unreadable_answer() {
    let mut answer = b"HTTP/1.1 200 OK\r\nX-Big: ".to_vec();
    answer.extend(std::iter::repeat_n(b'b', 70_000));
    answer.extend(b"\r\nContent-Length: 2\r\n\r\n{}");
    let port = raw(move |mut stream, _| {
        if read_head(&mut stream).is_some() {
            let _ = stream.write_all(&answer);
        }
    });
    let sandbox = Sandbox::new();
    ims_raw(&sandbox, port)
        .args(["--retries", "0", "member", "show", "i", "m"])
        .exits(8)
        .stdout("")
        .stderr(format!(
            "ims: error: member m of image i: GET http://127.0.0.1:{port}/v2/images/i/members/m: the answer is not valid HTTP: its head is larger than 64 KiB\n"
        ));
}

// ---- Location resolved per RFC 3986 ----

#[test]
fn a_relative_location_is_followed() {
    let server = MockServer::start();
    let moved = server.mock(|when, then| {
        when.path("/v2/images/i/members");
        then.status(301).header("location", "members2");
    });
    let target = server.mock(|when, then| {
        when.path("/v2/images/i/members2").header("x-auth-token", "t");
        then.status(200).body(members_of("i"));
    });
    ims_for(&server).args(["member", "list", "i", "-o", "ids"]).prints("m-i\n").stderr("");
    moved.assert_calls(1);
    target.assert_calls(1);
}

#[test]
fn a_network_path_location_is_another_origin() {
    let server = MockServer::start();
    let moved = server.mock(|when, then| {
        when.path("/v2/images/i/members");
        then.status(302).header("location", "//other.example/x");
    });
    let followed = answer(&server, "//other.example/x", 200, members_of("i"));
    ims_for(&server)
        .args(["member", "list", "i"])
        .exits(6)
        .stdout("")
        .stderr(format!(
            "ims: error: image i: GET {}/v2/images/i/members: HTTP 302 Found: redirect to another origin (http://other.example/x) not followed, so that credentials stay with the endpoint; point --endpoint at the new address\n",
            server.base_url()
        ));
    moved.assert_calls(1);
    followed.assert_calls(0);
}

// ---- -vv lists what goes on the wire ----

/// The `> ` lines of a `-vv` trace, without the `ims: > ` prefix.
fn traced_request_headers(stderr: &str) -> Vec<Vec<String>> {
    let mut requests: Vec<Vec<String>> = Vec::new();
    let mut in_request = false;
    for line in stderr.lines() {
        match line.strip_prefix("ims: > ") {
            Some(header) => {
                if !in_request {
                    requests.push(Vec::new());
                }
                in_request = true;
                if let Some(last) = requests.last_mut() {
                    last.push(header.to_string());
                }
            }
            None => in_request = false,
        }
    }
    requests
}

/// The header lines of a request head as received, names as sent.
fn received_headers(head: &str) -> Vec<String> {
    head.split("\r\n").skip(1).filter(|line| !line.is_empty()).map(str::to_string).collect()
}

/// The `-vv` list, names lower-cased and secrets as received: what the wire carried.
fn as_on_the_wire(traced: &[String], secrets: &[(&str, &str)]) -> Vec<String> {
    traced
        .iter()
        .map(|line| {
            let (name, value) = line.split_once(": ").unwrap();
            let value = secrets
                .iter()
                .find(|(secret_name, _)| secret_name.eq_ignore_ascii_case(name))
                .map_or(value.to_string(), |(_, secret)| secret.to_string());
            format!("{}: {value}", name.to_ascii_lowercase())
        })
        .collect()
}

/// A server that records each request head (and body) and answers with `answer(path)`.
fn recording_server(
    answer: impl Fn(&str) -> Vec<u8> + Send + Sync + 'static,
) -> (u16, Arc<Mutex<Vec<String>>>) {
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = heads.clone();
    let port = raw(move |mut stream, _| {
        while let Some((head, _)) = read_request(&mut stream) {
            seen.lock().unwrap().push(head.clone());
            if stream.write_all(&answer(&path_of(&head))).is_err() {
                return;
            }
        }
    });
    (port, heads)
}

#[test]
fn verbose_headers_are_the_ones_on_the_wire() {
    let (port, heads) = recording_server(|_| json_response(r#"{"member_id":"m"}"#));
    let sandbox = Sandbox::new();
    let out = sandbox
        .ims()
        .args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "SECRET-TOKEN"])
        .args(["-vv", "member", "show", "i", "m", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "m\n");
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("SECRET-TOKEN"), "{stderr}");
    let traced = traced_request_headers(&stderr);
    assert_eq!(
        traced,
        [[
            format!("Host: 127.0.0.1:{port}"),
            format!("User-Agent: {USER_AGENT}"),
            "Accept: application/json".to_string(),
            "Accept-Encoding: gzip".to_string(),
            "X-Auth-Token: ****".to_string(),
        ]]
    );
    let heads = heads.lock().unwrap();
    assert_eq!(heads.len(), 1);
    assert_eq!(
        received_headers(&heads[0]),
        as_on_the_wire(&traced[0], &[("X-Auth-Token", "SECRET-TOKEN")])
    );
}

#[test]
fn verbose_headers_of_a_signed_request_and_a_sign_in_are_the_ones_on_the_wire() {
    // AK/SK with a security token.
    let (port, heads) = recording_server(|_| json_response(r#"{"member_id":"m"}"#));
    let sandbox = Sandbox::new();
    let out = sandbox
        .ims()
        .env("IMS_ACCESS_KEY", "AKID")
        .env("IMS_SECRET_KEY", "SECRET-KEY")
        .env("IMS_SECURITY_TOKEN", "SECRET-STS")
        .args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--project-id", "p1"])
        .args(["-vv", "member", "show", "i", "m", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("SECRET"), "{stderr}");
    let traced = traced_request_headers(&stderr);
    assert_eq!(traced.len(), 1, "{stderr}");
    let heads = heads.lock().unwrap();
    let received = received_headers(&heads[0]);
    let authorization =
        received.iter().find_map(|line| line.strip_prefix("authorization: ")).unwrap().to_string();
    assert!(
        traced[0].contains(&format!(
            "Authorization: {}Signature=****",
            authorization.rsplit_once("Signature=").unwrap().0
        )),
        "{traced:?}"
    );
    assert!(traced[0].contains(&"X-Security-Token: ****".to_string()), "{traced:?}");
    assert_eq!(
        received,
        as_on_the_wire(
            &traced[0],
            &[("Authorization", &authorization), ("X-Security-Token", "SECRET-STS")]
        )
    );

    // A Keystone sign-in (a POST with a body), then the GET it allows.
    let image_port = Arc::new(Mutex::new(0u16));
    let catalog_port = image_port.clone();
    let (port, heads) = recording_server(move |path| {
        if path == "/v3/auth/tokens" {
            let image_url = format!("http://127.0.0.1:{}", catalog_port.lock().unwrap());
            let body = serde_json::json!({"token": {
                "expires_at": "2999-01-01T00:00:00.000000Z",
                "project": {"id": "p1", "name": "proj", "domain": {"id": "default"}},
                "catalog": [{"type": "image", "endpoints": [
                    {"interface": "public", "region_id": "RegionOne", "url": image_url}]}]}})
            .to_string();
            format!(
                "HTTP/1.1 201 Created\r\nX-Subject-Token: SECRET-KS-TOKEN\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .into_bytes()
        } else {
            json_response(r#"{"member_id":"m"}"#)
        }
    });
    *image_port.lock().unwrap() = port;
    let out = sandbox
        .ims()
        .env("OS_AUTH_URL", format!("http://127.0.0.1:{port}/v3"))
        .env("OS_USERNAME", "u")
        .env("OS_PASSWORD", "SECRET-PASSWORD")
        .env("OS_USER_DOMAIN_NAME", "Default")
        .env("OS_PROJECT_NAME", "proj")
        .env("OS_PROJECT_DOMAIN_NAME", "Default")
        .args(["--no-cache", "-vv", "member", "show", "i", "m", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("SECRET"), "{stderr}");
    let traced = traced_request_headers(&stderr);
    let heads = heads.lock().unwrap();
    assert_eq!(traced.len(), 2, "{stderr}");
    assert_eq!(heads.len(), 2);
    assert!(heads[0].starts_with("POST /v3/auth/tokens HTTP/1.1\r\n"));
    assert_eq!(received_headers(&heads[0]), as_on_the_wire(&traced[0], &[]));
    assert!(
        traced[0].contains(&"Content-Type: application/json".to_string())
            && traced[0].iter().any(|h| h.starts_with("Content-Length: ")),
        "{traced:?}"
    );
    assert_eq!(
        received_headers(&heads[1]),
        as_on_the_wire(&traced[1], &[("X-Auth-Token", "SECRET-KS-TOKEN")])
    );
}

// ---- a total deadline ----

#[test]
fn a_long_retry_after_is_not_waited_for_past_the_deadline() {
    let server = MockServer::start();
    let busy = server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(503).header("retry-after", "999999");
    });
    let started = Instant::now();
    ims_for(&server)
        .args(["--timeout", "5", "--deadline", "0.5"])
        .args(["member", "show", "i", "m"])
        .exits(7)
        .stdout("")
        .stderr(
            "ims: error: member m of image i: HTTP 503 Service Unavailable; not retried: waiting 60 s would pass the --deadline of 0.5 s\n",
        );
    assert!(started.elapsed() < Duration::from_secs(3));
    busy.assert_calls(1);
}

#[test]
fn a_503_storm_is_cut_short_by_the_deadline() {
    let server = MockServer::start();
    let busy = server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(503);
    });
    let started = Instant::now();
    let out = ims_for(&server)
        .env("IMS_DEADLINE", "0.8")
        .args(["--retries", "10", "member", "show", "i", "m"])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(stdout_of(&out), "");
    let stderr = stderr_of(&out);
    assert!(
        stderr.starts_with("ims: error: member m of image i: HTTP 503 Service Unavailable (after ")
            && stderr.contains(" s would pass the --deadline of 0.8 s\n"),
        "{stderr}"
    );
    assert!(busy.calls() >= 2 && busy.calls() <= 6, "{}", busy.calls());
}

#[test]
fn a_slow_answer_is_cut_at_the_deadline_and_no_request_follows() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        when.path("/v2/images/i1/members");
        then.status(200).delay(Duration::from_millis(300)).body(members_of("i1"));
    });
    let slow = server.mock(|when, then| {
        when.path("/v2/images/i2/members");
        then.status(200).delay(Duration::from_secs(5)).body(members_of("i2"));
    });
    let third = answer(&server, "/v2/images/i3/members", 200, members_of("i3"));
    let sandbox = Sandbox::new();
    sandbox.config("[profiles.default]\ndeadline = 0.7\n");
    let started = Instant::now();
    let out = ims_at(&sandbox, &server, "t")
        .args(["member", "list", "i1", "i2", "i3", "--jobs", "1", "-o", "ids"])
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(stdout_of(&out), "m-i1\n");
    assert_eq!(
        stderr_of(&out),
        format!(
            "ims: error: image i2: GET {0}/v2/images/i2/members: timed out: the --deadline of 0.7 s was reached\n\
             ims: error: image i3: GET {0}/v2/images/i3/members: not sent: the --deadline of 0.7 s has passed\n",
            server.base_url()
        )
    );
    first.assert_calls(1);
    slow.assert_calls(1);
    third.assert_calls(0);

    // The deadline passes while the body is read.
    let port = raw(|mut stream, _| {
        if read_head(&mut stream).is_some() {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"members\": [",
            );
            std::thread::sleep(Duration::from_secs(5));
        }
    });
    let started = Instant::now();
    ims_raw(&sandbox, port)
        .args(["--deadline", "0.5", "member", "list", "i1"])
        .exits(7)
        .stdout("")
        .stderr(format!(
            "ims: error: image i1: GET http://127.0.0.1:{port}/v2/images/i1/members: timed out: the --deadline of 0.5 s was reached\n"
        ));
    assert!(started.elapsed() < Duration::from_secs(3));
}

/// `member show` refuses each bad value of a flag (exit 2), and a bad value of its
/// environment variable with `message` (exit 3).
fn bad_values_are_refused(
    sandbox: &Sandbox,
    server: &MockServer,
    (flag, bad): (&str, &[&str]),
    (var, value): (&str, &str),
    message: &str,
) {
    for bad in bad {
        ims_at(sandbox, server, "t").args([flag, bad, "member", "show", "i", "m"]).exits(2);
    }
    ims_at(sandbox, server, "t")
        .env(var, value)
        .args(["member", "show", "i", "m"])
        .exits(3)
        .stderr(message.to_string());
}

#[test]
fn deadline_is_validated_resolved_and_shown() {
    let server = MockServer::start();
    let any = nothing_may_be_sent(&server);
    let sandbox = Sandbox::new();
    bad_values_are_refused(
        &sandbox,
        &server,
        ("--deadline", &["0", "-1", "x", "1e9"]),
        ("IMS_DEADLINE", "soon"),
        "ims: error: IMS_DEADLINE: `soon` is not a number of seconds between 0 and 86400\n",
    );
    let path = sandbox.config("[profiles.default]\ndeadline = -2\n");
    ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "m"])
        .exits(3)
        .stderr(format!(
            "ims: error: {}:default: key `deadline`: `-2` is not a number of seconds between 0 and 86400\n",
            path.display()
        ));
    any.assert_calls(0);

    let path = sandbox.config("[profiles.default]\ndeadline = 90\n");
    let file = path.display().to_string();
    let row = |args: &[&str], env: Option<&str>| {
        let mut cmd = sandbox.ims();
        if let Some(value) = env {
            cmd.env("IMS_DEADLINE", value);
        }
        let out = cmd.args(args).args(["profile", "show", "-o", "json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        rows.as_array().unwrap().iter().find(|row| row["setting"] == "deadline").cloned()
    };
    assert_eq!(
        row(&[], None),
        Some(
            serde_json::json!({"setting": "deadline", "value": "90", "source": format!("{file}:default")})
        )
    );
    assert_eq!(
        row(&[], Some("2.5")),
        Some(serde_json::json!({"setting": "deadline", "value": "2.5", "source": "IMS_DEADLINE"}))
    );
    assert_eq!(
        row(&["--deadline", "7"], Some("2.5")),
        Some(serde_json::json!({"setting": "deadline", "value": "7", "source": "--deadline"}))
    );
    sandbox.config("[profiles.default]\n");
    assert_eq!(row(&[], None), None);
}

// ---- retries ----

#[test]
fn transient_statuses_are_retried_then_succeed() {
    for status in [429, 502, 503, 504] {
        let server = MockServer::start();
        let failing = server.mock(|when, then| {
            when.path("/v2/images/i/members/m");
            then.status(status).header("retry-after", "0").body("busy");
        });
        failing.up_to_n_times(2);
        let ok = member_m(&server);
        let out = ims_for(&server)
            .args(["-v", "member", "show", "i", "m", "-o", "ids"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{status}: {}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "m\n");
        let stderr = stderr_of(&out);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 5, "{stderr}");
        assert!(lines[0].contains(&format!(" -> {status} ")), "{stderr}");
        assert_eq!(lines[1], "ims: retry 1 of 3 in 0 ms");
        assert!(lines[2].ends_with(" retry=1"), "{stderr}");
        assert_eq!(lines[3], "ims: retry 2 of 3 in 0 ms");
        assert!(lines[4].contains(" -> 200 OK in ") && lines[4].ends_with(" retry=2"), "{stderr}");
        failing.assert_calls(2);
        ok.assert_calls(1);
    }
}

#[test]
fn retry_after_seconds_and_dates_are_honoured() {
    let server = MockServer::start();
    let busy = server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(429).header("retry-after", "1");
    });
    busy.up_to_n_times(1);
    let past = server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(503).header("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT");
    });
    past.up_to_n_times(1);
    let ok = member_m(&server);
    let out =
        ims_for(&server).args(["-v", "member", "show", "i", "m", "-o", "ids"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("ims: retry 1 of 3 in 1000 ms\n"), "{stderr}");
    assert!(stderr.contains("ims: retry 2 of 3 in 0 ms\n"), "{stderr}");
    busy.assert_calls(1);
    past.assert_calls(1);
    ok.assert_calls(1);
}

#[test]
fn retries_run_out_with_the_last_answer() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(502)
            .header("retry-after", "0")
            .body("<html><body><h1>502 Bad Gateway</h1></body></html>");
    });
    ims_for(&server)
        .args(["--retries", "2", "member", "show", "i", "m"])
        .exits(6)
        .stderr("ims: error: member m of image i: HTTP 502 Bad Gateway (after 2 retries)\n");
    mock.assert_calls(3);
}

#[test]
fn retries_setting_is_validated_and_resolved() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(503).header("retry-after", "0");
    });
    let sandbox = Sandbox::new();
    bad_values_are_refused(
        &sandbox,
        &server,
        ("--retries", &["11", "-1", "x"]),
        ("IMS_RETRIES", "many"),
        "ims: error: IMS_RETRIES: `many` is not a number of retries from 0 to 10\n",
    );
    mock.assert_calls(0);
    sandbox.config("[profiles.default]\nretries = 1\n");
    ims_at(&sandbox, &server, "t").args(["member", "show", "i", "m"]).exits(6);
    mock.assert_calls(2);
    ims_at(&sandbox, &server, "t")
        .env("IMS_RETRIES", "0")
        .args(["member", "show", "i", "m"])
        .exits(6);
    mock.assert_calls(3);
}

// ---- secret files ----

// ---- TLS against a real local TLS server ----

struct Pki {
    ca_pem: String,
    good: (Vec<u8>, Vec<u8>),
    expired: (Vec<u8>, Vec<u8>),
    wrong_host: (Vec<u8>, Vec<u8>),
}

fn pki() -> Pki {
    use rcgen::{
        BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair, date_time_ymd,
    };
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.distinguished_name.push(rcgen::DnType::CommonName, "ims test CA");
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let leaf = |names: &[&str], expired: bool| {
        let key = KeyPair::generate().unwrap();
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        if expired {
            params.not_before = date_time_ymd(2020, 1, 1);
            params.not_after = date_time_ymd(2021, 1, 1);
        }
        let cert = params.signed_by(&key, &ca).unwrap();
        (cert.der().to_vec(), key.serialize_der())
    };
    Pki {
        ca_pem: ca.pem(),
        good: leaf(&["127.0.0.1", "localhost"], false),
        expired: leaf(&["127.0.0.1"], true),
        wrong_host: leaf(&["ims.example.com"], false),
    }
}

#[test]
fn tls_verification() {
    let pki = pki();
    let sandbox = Sandbox::new();
    let ca = sandbox.file("ca.pem", &pki.ca_pem);
    let good = tls_server(pki.good);

    // The system store does not know the test CA.
    let out = https_show(&sandbox, good, None).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(
        stderr_of(&out),
        format!(
            "ims: error: member m of image i: GET https://127.0.0.1:{good}/v2/images/i/members/m: TLS: the certificate is not signed by a trusted CA (unknown issuer); add the CA with --ca-file\n"
        )
    );

    https_show(&sandbox, good, None)
        .args(["--ca-file", ca.to_str().unwrap()])
        .prints("tls-member\n")
        .stderr("");
    https_show(&sandbox, good, None).env("IMS_CA_FILE", &ca).prints("tls-member\n");

    https_show(&sandbox, good, None)
        .arg("--insecure")
        .prints("tls-member\n")
        .stderr("ims: warning: TLS certificate verification is off (from --insecure): anyone on the path can read and change this traffic\n");

    let expired = tls_server(pki.expired);
    https_show(&sandbox, expired, None)
        .args(["--ca-file", ca.to_str().unwrap()])
        .exits(7)
        .stderr(predicates::str::contains("TLS: the certificate has expired"));

    let wrong = tls_server(pki.wrong_host);
    https_show(&sandbox, wrong, None)
        .args(["--ca-file", ca.to_str().unwrap()])
        .exits(7)
        .stderr(predicates::str::contains("TLS: the certificate is not valid for this host name"));
}

#[test]
fn tls_settings_from_a_profile_and_bad_ca_files() {
    let pki = pki();
    let sandbox = Sandbox::new();
    let ca = sandbox.file("ca.pem", &pki.ca_pem);
    let port = tls_server(pki.good);
    sandbox.config(&format!("[profiles.default]\nca_file = \"{}\"\n", ca.display()));
    https_show(&sandbox, port, None).prints("tls-member\n");
    sandbox.config("[profiles.default]\ninsecure = true\n");
    https_show(&sandbox, port, None).succeeds().stderr(predicates::str::contains("(from "));

    sandbox.config("[profiles.default]\n");
    https_show(&sandbox, port, None).args(["--ca-file", "/no/such/ca.pem"]).exits(3).stderr(
        predicates::str::starts_with(
            "ims: error: member m of image i: cannot read CA file /no/such/ca.pem: ",
        ),
    );
    let junk = sandbox.file("junk.pem", "not a certificate\n");
    https_show(&sandbox, port, None).args(["--ca-file", junk.to_str().unwrap()]).exits(3).stderr(
        format!(
            "ims: error: member m of image i: CA file {} holds no PEM certificate\n",
            junk.display()
        ),
    );
}

// ---- broken answers from a raw TCP server ----

/// Serves `response` raw to each connection (after reading the request head), then closes.
fn raw_server(response: Vec<u8>, read_request: bool) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            if read_request {
                read_head(&mut stream);
            }
            let _ = stream.write_all(&response);
            // Dropping the stream closes it; with the request unread the kernel resets it.
        }
    });
    port
}

fn raw_show(sandbox: &Sandbox, port: u16) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "t"]).args([
        "--retries",
        "0",
        "member",
        "show",
        "i",
        "m",
    ]);
    cmd
}

#[test]
fn truncated_body_is_exit_8() {
    let port = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"member_id\": \"m\", \"sta".to_vec(),
        true,
    );
    raw_show(&Sandbox::new(), port)
        .exits(8)
        .stdout("")
        .stderr(format!(
            "ims: error: member m of image i: GET http://127.0.0.1:{port}/v2/images/i/members/m: the answer was cut short\n"
        ));
}

#[test]
fn connection_reset_mid_body_is_exit_7() {
    let mut response =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"member_id\": \"".to_vec();
    response.extend(std::iter::repeat_n(b'x', 30_000));
    let port = raw_server(response, false);
    let out = raw_show(&Sandbox::new(), port).output().unwrap();
    let stderr = stderr_of(&out);
    assert!(matches!(out.status.code(), Some(7) | Some(8)), "{stderr}");
    assert!(stderr.starts_with("ims: error: member m of image i: GET "), "{stderr}");
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn declared_size_over_the_limit_is_refused_without_reading() {
    let port = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 600000000\r\n\r\n{\"member_id\"".to_vec(),
        true,
    );
    raw_show(&Sandbox::new(), port).exits(8).stderr(format!(
        "ims: error: member m of image i: GET http://127.0.0.1:{port}/v2/images/i/members/m: the answer is larger than 512 MiB\n"
    ));
}

#[test]
fn gzip_and_odd_content_types_are_read() {
    use flate2::{Compression, write::GzEncoder};
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(br#"{"member_id":"zipped","status":"accepted"}"#).unwrap();
    let body = gz.finish().unwrap();
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(200)
            .header("content-encoding", "gzip")
            .header("content-type", "application/octet-stream")
            .body(body.clone());
    });
    ims_for(&server).args(["member", "show", "i", "m", "-o", "ids"]).prints("zipped\n");
}

#[test]
fn non_utf8_body_is_exit_8() {
    let server = MockServer::start();
    answer(&server, "/v2/images/i/members/m", 200, b"{\"member_id\": \"\xff\xfe\"}");
    ims_for(&server)
        .args(["member", "show", "i", "m"])
        .exits(8)
        .stderr(predicates::str::contains("the answer is not the expected JSON"));
}

#[test]
fn huge_field_is_kept_and_deep_nesting_is_refused() {
    let big = "é".repeat(5_000_000);
    let server = MockServer::start();
    answer(
        &server,
        "/v2/images/i/members/big",
        200,
        format!(r#"{{"member_id":"big","note":"{big}"}}"#),
    );
    let deep =
        format!(r#"{{"member_id":"deep","x":{}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
    answer(&server, "/v2/images/i/members/deep", 200, deep.clone());
    let out = ims_for(&server).args(["member", "show", "i", "big", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parsed["note"].as_str().map(str::len), Some(big.len()));
    ims_for(&server)
        .args(["member", "show", "i", "deep"])
        .exits(8)
        .stderr(predicates::str::contains("recursion limit exceeded"));
}

#[test]
fn connection_refused_is_exit_7() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let sandbox = Sandbox::new();
    sandbox
        .ims()
        .args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "t"])
        .args(["--retries", "0", "member", "show", "i", "m"])
        .exits(7)
        .stdout("")
        .stderr(format!(
            "ims: error: member m of image i: GET http://127.0.0.1:{port}/v2/images/i/members/m: connection refused\n"
        ));
    // A refused connection is transient: retried (3 times by default), each in the trace.
    let out = sandbox
        .ims()
        .args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "t"])
        .args(["-v", "member", "show", "i", "m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let stderr = stderr_of(&out);
    assert!(stderr.ends_with(&format!(
        "ims: error: member m of image i: GET http://127.0.0.1:{port}/v2/images/i/members/m: connection refused (after 3 retries)\n"
    )), "{stderr}");
    for retry in 1..=3 {
        assert!(stderr.contains(&format!("ims: retry {retry} of 3 in ")), "{stderr}");
        assert!(stderr.contains("-> failed in "), "{stderr}");
        assert!(stderr.contains(&format!(" retry={retry}\n")), "{stderr}");
    }
}

#[test]
fn timeout_is_exit_7_and_says_how_long() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(200).delay(std::time::Duration::from_secs(5)).body(r#"{"member_id":"m"}"#);
    });
    ims_for(&server)
        .args(["--timeout", "0.5", "member", "show", "i", "m"])
        .exits(7)
        .stderr(format!(
            "ims: error: member m of image i: GET {}/v2/images/i/members/m: timed out after 0.5 s (--timeout)\n",
            server.base_url()
        ));
}

#[test]
fn same_origin_redirect_is_followed_with_the_token() {
    let server = MockServer::start();
    let old = server.mock(|when, then| {
        when.path("/v2/images/i/members/m").header("x-auth-token", "t");
        then.status(301).header("location", "/new/v2/images/i/members/m");
    });
    let new = server.mock(|when, then| {
        when.path("/new/v2/images/i/members/m").header("x-auth-token", "t");
        then.status(200).body(r#"{"member_id":"m"}"#);
    });
    ims_for(&server).args(["member", "show", "i", "m", "-o", "ids"]).prints("m\n");
    old.assert_calls(1);
    new.assert_calls(1);
}

#[test]
fn cross_origin_redirect_is_not_followed() {
    let other = MockServer::start();
    let stolen = other.mock(|when, then| {
        when.any_request();
        then.status(200).body(r#"{"member_id":"m"}"#);
    });
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(302).header("location", format!("{}/v2/images/i/members/m", other.base_url()));
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "secret-tok")
        .args(["member", "show", "i", "m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("redirect to another origin"), "{stderr}");
    assert!(!stderr.contains("secret-tok"));
    stolen.assert_calls(0);
}
