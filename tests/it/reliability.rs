//! Faults and hostile answers: retries, Retry-After, TLS against a real local TLS server,
//! broken bodies from a raw TCP server, and secret files readable by others.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::util::*;
use httpmock::prelude::*;

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
        let ok = server.mock(|when, then| {
            when.path("/v2/images/i/members/m");
            then.status(200).body(r#"{"member_id":"m"}"#);
        });
        let sandbox = Sandbox::new();
        let out = ims_at(&sandbox, &server, "t")
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
        assert!(
            lines[4].contains(" -> 200 OK in ") && lines[4].ends_with(" retry=2"),
            "{stderr}"
        );
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
        then.status(503)
            .header("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT");
    });
    past.up_to_n_times(1);
    let ok = server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(200).body(r#"{"member_id":"m"}"#);
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "t")
        .args(["-v", "member", "show", "i", "m", "-o", "ids"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("ims: retry 1 of 3 in 1000 ms\n"),
        "{stderr}"
    );
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
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["--retries", "2", "member", "show", "i", "m"])
        .assert()
        .code(6)
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
    for bad in ["11", "-1", "x"] {
        ims_at(&sandbox, &server, "t")
            .args(["--retries", bad, "member", "show", "i", "m"])
            .assert()
            .code(2);
    }
    ims_at(&sandbox, &server, "t")
        .env("IMS_RETRIES", "many")
        .args(["member", "show", "i", "m"])
        .assert()
        .code(3)
        .stderr("ims: error: IMS_RETRIES: `many` is not a number of retries from 0 to 10\n");
    mock.assert_calls(0);
    sandbox.config("[profiles.default]\nretries = 1\n");
    ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "m"])
        .assert()
        .code(6);
    mock.assert_calls(2);
    ims_at(&sandbox, &server, "t")
        .env("IMS_RETRIES", "0")
        .args(["member", "show", "i", "m"])
        .assert()
        .code(6);
    mock.assert_calls(3);
}

// ---- secret files ----

#[test]
fn secret_files_readable_by_others_draw_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(200).body(r#"{"member_id":"m"}"#);
    });
    let sandbox = Sandbox::new();
    let path = sandbox.config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\ntoken = \"t\"\n",
        server.base_url()
    ));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    sandbox
        .ims()
        .args(["member", "show", "i", "m", "-o", "ids"])
        .assert()
        .success()
        .stdout("m\n")
        .stderr(format!(
            "ims: warning: config file {0} holds secrets and can be read by group or others (mode 644); fix with: chmod 600 {0}\n",
            path.display()
        ));

    let token = sandbox.file("token", "t\n");
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o640)).unwrap();
    sandbox.config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\ntoken_file = \"{}\"\n",
        server.base_url(),
        token.display()
    ));
    sandbox
        .ims()
        .args(["member", "show", "i", "m", "-o", "ids"])
        .assert()
        .success()
        .stderr(format!(
            "ims: warning: token_file {0} holds secrets and can be read by group or others (mode 640); fix with: chmod 600 {0}\n",
            token.display()
        ));

    // A file without secrets may be world-readable.
    let path = sandbox.config(&format!(
        "[profiles.default]\nendpoint = \"{}\"\n",
        server.base_url()
    ));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    sandbox
        .ims()
        .args(["--token", "t", "member", "show", "i", "m"])
        .assert()
        .success()
        .stderr("");
}

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
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "ims test CA");
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

fn https_show(sandbox: &Sandbox, port: u16) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.args([
        "--endpoint",
        &format!("https://127.0.0.1:{port}"),
        "--token",
        "t",
    ])
    .args(["--retries", "0", "member", "show", "i", "m", "-o", "ids"]);
    cmd
}

#[test]
fn tls_verification() {
    let pki = pki();
    let sandbox = Sandbox::new();
    let ca = sandbox.file("ca.pem", &pki.ca_pem);
    let good = tls_server(pki.good);

    // The system store does not know the test CA.
    let out = https_show(&sandbox, good).output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert_eq!(
        stderr_of(&out),
        format!(
            "ims: error: member m of image i: GET https://127.0.0.1:{good}/v2/images/i/members/m: TLS: the certificate is not signed by a trusted CA (unknown issuer); add the CA with --ca-file\n"
        )
    );

    https_show(&sandbox, good)
        .args(["--ca-file", ca.to_str().unwrap()])
        .assert()
        .success()
        .stdout("tls-member\n")
        .stderr("");
    https_show(&sandbox, good)
        .env("IMS_CA_FILE", &ca)
        .assert()
        .success()
        .stdout("tls-member\n");

    https_show(&sandbox, good)
        .arg("--insecure")
        .assert()
        .success()
        .stdout("tls-member\n")
        .stderr("ims: warning: TLS certificate verification is off (from --insecure): anyone on the path can read and change this traffic\n");

    let expired = tls_server(pki.expired);
    https_show(&sandbox, expired)
        .args(["--ca-file", ca.to_str().unwrap()])
        .assert()
        .code(7)
        .stderr(predicates::str::contains(
            "TLS: the certificate has expired",
        ));

    let wrong = tls_server(pki.wrong_host);
    https_show(&sandbox, wrong)
        .args(["--ca-file", ca.to_str().unwrap()])
        .assert()
        .code(7)
        .stderr(predicates::str::contains(
            "TLS: the certificate is not valid for this host name",
        ));
}

#[test]
fn tls_settings_from_a_profile_and_bad_ca_files() {
    let pki = pki();
    let sandbox = Sandbox::new();
    let ca = sandbox.file("ca.pem", &pki.ca_pem);
    let port = tls_server(pki.good);
    sandbox.config(&format!(
        "[profiles.default]\nca_file = \"{}\"\n",
        ca.display()
    ));
    https_show(&sandbox, port)
        .assert()
        .success()
        .stdout("tls-member\n");
    sandbox.config("[profiles.default]\ninsecure = true\n");
    https_show(&sandbox, port)
        .assert()
        .success()
        .stderr(predicates::str::contains("(from "));

    sandbox.config("[profiles.default]\n");
    https_show(&sandbox, port)
        .args(["--ca-file", "/no/such/ca.pem"])
        .assert()
        .code(3)
        .stderr(predicates::str::starts_with(
            "ims: error: member m of image i: cannot read CA file /no/such/ca.pem: ",
        ));
    let junk = sandbox.file("junk.pem", "not a certificate\n");
    https_show(&sandbox, port)
        .args(["--ca-file", junk.to_str().unwrap()])
        .assert()
        .code(3)
        .stderr(format!(
            "ims: error: member m of image i: CA file {} holds no PEM certificate\n",
            junk.display()
        ));
}

// ---- broken answers from a raw TCP server ----

/// Serves `response` raw to each connection (after reading the request head), then closes.
fn raw_server(response: Vec<u8>, read_request: bool) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            if read_request {
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
            }
            let _ = stream.write_all(&response);
            // Dropping the stream closes it; with the request unread the kernel resets it.
        }
    });
    port
}

fn raw_show(sandbox: &Sandbox, port: u16) -> assert_cmd::Command {
    let mut cmd = sandbox.ims();
    cmd.args([
        "--endpoint",
        &format!("http://127.0.0.1:{port}"),
        "--token",
        "t",
    ])
    .args(["--retries", "0", "member", "show", "i", "m"]);
    cmd
}

#[test]
fn truncated_body_is_exit_8() {
    let port = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"member_id\": \"m\", \"sta".to_vec(),
        true,
    );
    raw_show(&Sandbox::new(), port)
        .assert()
        .code(8)
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
    assert!(
        stderr.starts_with("ims: error: member m of image i: GET "),
        "{stderr}"
    );
    assert_eq!(stdout_of(&out), "");
}

#[test]
fn declared_size_over_the_limit_is_refused_without_reading() {
    let port = raw_server(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 600000000\r\n\r\n{\"member_id\"".to_vec(),
        true,
    );
    raw_show(&Sandbox::new(), port).assert().code(8).stderr(format!(
        "ims: error: member m of image i: GET http://127.0.0.1:{port}/v2/images/i/members/m: the answer is larger than 512 MiB\n"
    ));
}

#[test]
fn gzip_and_odd_content_types_are_read() {
    use flate2::{Compression, write::GzEncoder};
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(br#"{"member_id":"zipped","status":"accepted"}"#)
        .unwrap();
    let body = gz.finish().unwrap();
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(200)
            .header("content-encoding", "gzip")
            .header("content-type", "application/octet-stream")
            .body(body.clone());
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "m", "-o", "ids"])
        .assert()
        .success()
        .stdout("zipped\n");
}

#[test]
fn non_utf8_body_is_exit_8() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(200).body(b"{\"member_id\": \"\xff\xfe\"}");
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "m"])
        .assert()
        .code(8)
        .stderr(predicates::str::contains(
            "the answer is not the expected JSON",
        ));
}

#[test]
fn huge_field_is_kept_and_deep_nesting_is_refused() {
    let big = "é".repeat(5_000_000);
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/big");
        then.status(200)
            .body(format!(r#"{{"member_id":"big","note":"{big}"}}"#));
    });
    let deep = format!(
        r#"{{"member_id":"deep","x":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    server.mock(|when, then| {
        when.path("/v2/images/i/members/deep");
        then.status(200).body(deep.clone());
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "big", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let parsed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parsed["note"].as_str().map(str::len), Some(big.len()));
    ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "deep"])
        .assert()
        .code(8)
        .stderr(predicates::str::contains("recursion limit exceeded"));
}

#[test]
fn escape_sequences_from_the_server_are_not_sent_to_the_terminal() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(404)
            .body("\u{1b}]0;pwned\u{7}\u{1b}[2JImage gone.");
    });
    let sandbox = Sandbox::new();
    let out = ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let stderr = stderr_of(&out);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert_eq!(
        stderr,
        "ims: error: member m of image i: HTTP 404 Not Found: \\u{1b}]0;pwned\\u{7}\\u{1b}[2JImage gone.\n"
    );
}
