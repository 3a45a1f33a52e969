//! Output integrity against hostile services: what `ims` prints is what the service said,
//! safe for a terminal, whole or not at all, in bounded memory and descriptors. One
//! section per kind of fault.

use std::time::Duration;

use crate::fixtures::glance::*;
use crate::util::*;
use httpmock::prelude::*;
use serde_json::json;

/// A list answer with one member per ID (all `accepted`).
fn members_of(ids: &[&str]) -> String {
    let members: Vec<_> =
        ids.iter().map(|id| json!({"member_id": id, "status": "accepted"})).collect();
    json!({ "members": members }).to_string()
}

/// What `ids` says about an ID it does not print.
fn unprintable(image: &str, escaped: &str) -> String {
    format!(
        "ims: error: image {image}: the service sent member ID `{escaped}`, which holds a \
         control character, line separator or bidi control; not printed\n"
    )
}

// ---- lines, escape sequences and bidi controls from the service ----

#[test]
fn ids_print_only_ids_that_are_one_plain_line() {
    let server = MockServer::start();
    answer(
        &server,
        "/v2/images/bad/members",
        200,
        members_of(&[
            "good",
            "good\nfake-1\nfake-2",
            "\u{1b}[2Jwiped",
            "cr\rover",
            "nul\0byte",
            "",
            "rtl\u{202e}gpj.exe",
            "sep\u{2028}x",
            "c1\u{9b}31m",
            "also-good",
        ]),
    );
    answer(&server, "/v2/images/fine/members", 200, members_of(&["other"]));
    for jobs in ["1", "2"] {
        ims_for(&server)
            .args(["member", "list", "bad", "fine", "-o", "ids", "--jobs", jobs])
            .exits(8)
            .stdout("good\nalso-good\nother\n")
            .stderr(
                [
                    unprintable("bad", "good\\nfake-1\\nfake-2"),
                    unprintable("bad", "\\u{1b}[2Jwiped"),
                    unprintable("bad", "cr\\rover"),
                    unprintable("bad", "nul\\u{0}byte"),
                    "ims: error: image bad: the service sent an empty member ID; not printed\n"
                        .to_string(),
                    unprintable("bad", "rtl\\u{202e}gpj.exe"),
                    unprintable("bad", "sep\\u{2028}x"),
                    unprintable("bad", "c1\\u{9b}31m"),
                ]
                .concat(),
            );
    }
}

#[test]
fn member_show_ids_refuses_an_id_it_cannot_print() {
    let server = MockServer::start();
    answer(
        &server,
        "/v2/images/i/members/m",
        200,
        json!({"member_id": "m\nfake", "status": "accepted"}).to_string(),
    );
    answer(&server, "/v2/images/i/members/empty", 200, r#"{"member_id": ""}"#);
    ims_for(&server).args(["member", "show", "i", "m", "-o", "ids"]).exits(8).stdout("").stderr(
        "ims: error: member m of image i: the service sent member ID `m\\nfake`, which \
             holds a control character, line separator or bidi control; not printed\n",
    );
    ims_for(&server)
        .args(["member", "show", "i", "empty", "-o", "ids"])
        .exits(8)
        .stdout("")
        .stderr(
            "ims: error: member empty of image i: the service sent an empty member ID; not \
             printed\n",
        );
}

#[test]
fn tables_escape_line_breaks_and_bidi_controls() {
    let server = MockServer::start();
    answer(
        &server,
        "/v2/images/img/members",
        200,
        json!({"members": [
            {"member_id": "good\nfake-1", "status": "rtl\u{202e}txt"},
            {"member_id": "isolate\u{2066}x\u{2069}", "status": "a\u{200f}\u{61c}b"}
        ]})
        .to_string(),
    );
    ims_for(&server)
        .args(["member", "list", "img"])
        .succeeds()
        .stderr("")
        .stdout(
            "┌──────────┬──────────────────────────┬───────────────────┬────────────┬────────────┐\n\
             │ Image ID ┆ Member ID                ┆ Status            ┆ Created At ┆ Updated At │\n\
             ╞══════════╪══════════════════════════╪═══════════════════╪════════════╪════════════╡\n\
             │ img      ┆ good\\nfake-1             ┆ rtl\\u{202e}txt    ┆            ┆            │\n\
             │ img      ┆ isolate\\u{2066}x\\u{2069} ┆ a\\u{200f}\\u{61c}b ┆            ┆            │\n\
             └──────────┴──────────────────────────┴───────────────────┴────────────┴────────────┘\n",
        );
}

#[test]
fn stderr_keeps_one_line_per_message() {
    let server = MockServer::start();
    answer(
        &server,
        "/v2/images/i/members/m",
        404,
        json!({
            "message": "gone\u{202e}\u{2028}ims: error: fake line",
            "request_id": "req-1\nims: error: injected"
        })
        .to_string(),
    );
    ims_for(&server).args(["member", "show", "i", "m"]).exits(5).stdout("").stderr(
        "ims: error: member m of image i: HTTP 404 Not Found: \
             gone\\u{202e} ims: error: fake line (request id req-1\\nims: error: injected)\n",
    );
}

// ---- an image prints only when all its pages were read ----

/// A server with three images: `a` and `c` (one page each) and `b`, whose second page
/// fails as `second_page` says.
fn three_images(second_page: Vec<u8>) -> u16 {
    raw_http_server(move |target| {
        let page = |ids: &[&str], next: Option<&str>| {
            let members: Vec<_> = ids.iter().map(|id| json!({"member_id": id})).collect();
            let body = match next {
                Some(next) => json!({"members": members, "page_info": {"next_marker": next}}),
                None => json!({"members": members}),
            };
            json_response(&body.to_string())
        };
        match target {
            "/v2/images/a/members" => page(&["a1", "a2"], None),
            "/v2/images/b/members" => page(&["b1", "b2"], Some("b2")),
            "/v2/images/b/members?marker=b2" => second_page.clone(),
            "/v2/images/c/members" => page(&["c1"], None),
            _ => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
        }
    })
}

#[test]
fn a_failed_page_prints_nothing_of_its_image_whatever_the_jobs() {
    let cases: [(&str, Vec<u8>, i32, &str); 3] = [
        (
            "500",
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\nboom".to_vec(),
            6,
            "HTTP 500 Internal Server Error: boom",
        ),
        (
            "cut",
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 200\r\nConnection: close\r\n\r\n{\"members\": [{\"member_id\": \"b3\"}"
                .to_vec(),
            8,
            "GET http://127.0.0.1:PORT/v2/images/b/members?marker=b2: the answer was cut short",
        ),
        (
            "junk",
            json_response(r#"{"members": [{"member_id": "b3"}]} {"members": []}"#),
            8,
            "GET http://127.0.0.1:PORT/v2/images/b/members?marker=b2: the answer is not the \
             expected JSON (content-type application/json): trailing characters at line 1 \
             column 36",
        ),
    ];
    for (name, second_page, code, message) in cases {
        let port = three_images(second_page);
        let message = message.replace("PORT", &port.to_string());
        let sandbox = Sandbox::new();
        let endpoint = format!("http://127.0.0.1:{port}");
        for jobs in ["1", "2", "8"] {
            let run = |format: &str| {
                let mut cmd = sandbox.ims();
                cmd.args(["--endpoint", &endpoint, "--token", "t", "--retries", "0"])
                    .args(["member", "list", "a", "b", "c", "--jobs", jobs, "-o", format]);
                cmd
            };
            let stderr = format!("ims: error: image b: {message}\n");
            run("ids").exits(code).stdout("a1\na2\nc1\n").stderr(stderr.clone());
            run("json")
                .exits(code)
                .stdout(
                    "[\n  {\n    \"member_id\": \"a1\"\n  },\n  {\n    \"member_id\": \"a2\"\n  },\n  {\n    \"member_id\": \"c1\"\n  }\n]\n",
                )
                .stderr(stderr);
            let out = run("table").output().unwrap();
            assert_eq!(out.status.code(), Some(code), "{name} jobs={jobs}");
            assert!(!stdout_of(&out).contains("b1"), "{name} jobs={jobs}");
        }
    }
}

// ---- endless paging ----

#[test]
fn a_service_that_never_stops_paging_is_stopped_after_10000_pages() {
    let port = raw_http_server(|target| {
        let page: u64 = target.split("marker=").nth(1).and_then(|m| m.parse().ok()).unwrap_or(0);
        json_response(&format!(
            r#"{{"members":[{{"member_id":"m{page}"}}],"page_info":{{"next_marker":"{}"}}}}"#,
            page + 1
        ))
    });
    let sandbox = Sandbox::new();
    sandbox
        .ims()
        .args(["--endpoint", &format!("http://127.0.0.1:{port}"), "--token", "t"])
        .args(["member", "list", "img", "-o", "ids"])
        .timeout(Duration::from_secs(60))
        .exits(8)
        .stdout("")
        .stderr(format!(
            "ims: error: image img: GET http://127.0.0.1:{port}/v2/images/img/members: the \
             service still sent a next page after 10000 pages; stopped rather than page for \
             ever\n"
        ));
}

// ---- a gzip bomb ----

/// A gzip answer that inflates to `prefix` and then `fill` repeated to about `size`
/// bytes, in a few MB: one fixed-Huffman deflate block of back-references, written bit by
/// bit (compressing that much would take long). Its CRC is never reached.
fn gzip_bomb(prefix: &[u8], fill: u8, size: usize) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        count: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, count: u32) {
            self.acc |= value << self.count;
            self.count += count;
            while self.count >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.count -= 8;
            }
        }
        /// A Huffman code: most significant bit first.
        fn code(&mut self, code: u64, len: u32) {
            let reversed = (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i));
            self.put(reversed, len);
        }
    }
    let mut bits = Bits { out: vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255], acc: 0, count: 0 };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    for &byte in prefix.iter().chain([&fill]) {
        bits.code(0x30 + u64::from(byte), 8); // a literal below 144
    }
    // Length 258 (code 285) at distance 1 (code 0): 258 more bytes of `fill`.
    let mut reference = Bits { out: Vec::new(), acc: 0, count: 0 };
    reference.code(0b1100_0101, 8);
    let copy = reference.acc;
    for _ in 0..size / 258 {
        bits.put(copy, 13);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out.extend([0; 8]);
    bits.out
}

#[test]
fn a_gzip_bomb_is_parsed_as_it_inflates_not_inflated_first() {
    let bomb = gzip_bomb(br#"{"members": ["#, b'x', 600 << 20);
    assert!(bomb.len() < 6 << 20, "{}", bomb.len());
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/bomb/members");
        then.status(200)
            .header("content-type", "application/json")
            .header("content-encoding", "gzip")
            .body(bomb.clone());
    });
    let message = format!(
        "ims: error: image bomb: GET {}/v2/images/bomb/members: the answer is not the \
         expected JSON (content-type application/json): expected value at line 1 column 14\n",
        server.base_url()
    );
    ims_for(&server)
        .args(["member", "list", "bomb", "bomb", "bomb", "bomb", "--jobs", "4"])
        .timeout(Duration::from_secs(20))
        .exits(8)
        .stdout("")
        .stderr(message.repeat(4));
}

// ---- long lists in little memory ----

#[test]
fn a_long_list_is_drawn_in_little_memory() {
    let ids: Vec<String> = (0..20_000).map(|i| format!("{i:032x}")).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let body = members_of(&refs);
    let server = MockServer::start();
    answer(&server, "/v2/images/img/members", 200, body.clone());
    let sandbox = Sandbox::new();
    let endpoint = server.base_url();
    for format in ["table", "json", "ndjson", "ids"] {
        // 64 MiB of address space: the 4.8 MB answer and its rows fit, a drawn copy of
        // the whole table (as comfy-table made) does not.
        let out = ims_in_shell(
            &sandbox,
            "ulimit -v 65536",
            &["--endpoint", &endpoint, "--token", "t", "member", "list", "img", "-o", format],
        )
        .output()
        .unwrap();
        assert_eq!(stderr_of(&out), "", "{format}");
        assert_eq!(out.status.code(), Some(0), "{format}");
        let lines = match format {
            "table" => 20_000 + 4,
            "json" => 20_000 * 4 + 2,
            _ => 20_000,
        };
        assert_eq!(stdout_of(&out).lines().count(), lines, "{format}");
    }
}

// ---- descriptor limits ----

#[test]
fn workers_stay_under_the_open_file_limit() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path_matches("^/v2/images/[^/]+/members$");
        then.status(200).delay(Duration::from_millis(100)).body(members_of(&["m"]));
    });
    let sandbox = Sandbox::new();
    let images: Vec<String> = (0..300).map(|i| format!("img-{i}")).collect();
    let mut args = vec![
        "--endpoint",
        server.base_url().leak(),
        "--token",
        "t",
        "member",
        "list",
        "--jobs",
        "256",
        "-o",
        "ids",
    ];
    args.extend(images.iter().map(String::as_str));
    ims_in_shell(&sandbox, "ulimit -n 64", &args)
        .timeout(Duration::from_secs(60))
        .succeeds()
        .stderr("")
        .stdout("m\n".repeat(300));
}

// ---- numbers as sent ----

#[test]
fn numbers_keep_every_digit() {
    let body = r#"{"members": [{"member_id": "m", "big": 123456789012345678901234567890,
        "neg": -0, "exp": 1E2, "huge": 1e400, "tiny": -1.5e-7, "one": 1.0,
        "frac": 0.30000000000000000000001, "x": {"n": [18446744073709551616]}}]}"#;
    let server = MockServer::start();
    answer(&server, "/v2/images/img/members", 200, body);
    ims_for(&server).args(["member", "list", "img", "-o", "json"]).succeeds().stderr("").stdout(
        "[\n  {\n    \"member_id\": \"m\",\n    \"big\": 123456789012345678901234567890,\n    \
             \"neg\": -0,\n    \"exp\": 1e+2,\n    \"huge\": 1e+400,\n    \"tiny\": -1.5e-7,\n    \
             \"one\": 1.0,\n    \"frac\": 0.30000000000000000000001,\n    \"x\": {\n      \
             \"n\": [\n        18446744073709551616\n      ]\n    }\n  }\n]\n",
    );
}

// ---- duplicate keys ----

#[test]
fn an_answer_with_a_key_twice_is_refused() {
    let cases = [
        (
            r#"{"members": [{"member_id": "a"}], "members": [{"member_id": "b"}]}"#,
            "duplicate field `members` at line 1 column 44",
        ),
        (
            r#"{"members": [{"member_id": "a", "member_id": "b"}]}"#,
            "duplicate field `member_id` at line 1 column 44",
        ),
        (
            r#"{"members": [{"member_id": "a", "status": "accepted", "status": "rejected"}]}"#,
            "duplicate field `status` at line 1 column 63",
        ),
        (
            r#"{"members": [{"member_id": "a", "x": 1, "x": 2}]}"#,
            "duplicate key `x` at line 1 column 47",
        ),
        (
            r#"{"members": [{"member_id": "a", "x": {"k": [{"d": 1, "d": 2}]}}]}"#,
            "duplicate key `d` at line 1 column 60",
        ),
        (
            r#"{"members": [], "page_info": {"next_marker": "a", "next_marker": ""}}"#,
            "duplicate key `next_marker` at line 1 column 68",
        ),
        (
            r#"{"members": [], "schema": "s", "schema": "t"}"#,
            "duplicate key `schema` at line 1 column 45",
        ),
    ];
    for (body, message) in cases {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.path("/v2/images/img/members");
            then.status(200).header("content-type", "application/json").body(body);
        });
        ims_for(&server).args(["member", "list", "img", "-o", "ids"]).exits(8).stdout("").stderr(
            format!(
                "ims: error: image img: GET {}/v2/images/img/members: the answer is not the \
                 expected JSON (content-type application/json): {message}\n",
                server.base_url()
            ),
        );
    }
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(200)
            .header("content-type", "application/json")
            .body(r#"{"member_id": "m", "extra": {"a": 1, "a": 1}}"#);
    });
    ims_at(&Sandbox::new(), &server, "t")
        .args(["member", "show", "i", "m", "-o", "json"])
        .exits(8)
        .stdout("")
        .stderr(format!(
            "ims: error: member m of image i: GET {}/v2/images/i/members/m: the answer is not \
             the expected JSON (content-type application/json): duplicate key `a` at line 1 \
             column 44\n",
            server.base_url()
        ));
}

// ---- stdout closed ----

#[test]
fn a_stdout_that_cannot_be_written_is_exit_1() {
    let server = MockServer::start();
    answer(&server, "/v2/images/i/members/m", 200, r#"{"member_id": "m"}"#);
    answer(&server, "/v2/images/empty/members", 200, r#"{"members": []}"#);
    let sandbox = Sandbox::new();
    let endpoint = server.base_url();
    let show = ["--endpoint", &endpoint, "--token", "t", "member", "show", "i", "m"];
    for format in ["ids", "json", "ndjson", "table"] {
        let args = [&show[..], &["-o", format]].concat();
        ims_in_shell(&sandbox, "exec >&-", &args)
            .exits(1)
            .stderr("ims: error: cannot write to stdout: Bad file descriptor (os error 9)\n");
        ims_in_shell(&sandbox, "exec >/dev/full", &args)
            .exits(1)
            .stderr("ims: error: cannot write to stdout: No space left on device (os error 28)\n");
        // Sent to /dev/null on purpose: the data is dropped, as asked.
        ims_in_shell(&sandbox, "exec >/dev/null", &args).succeeds().stderr("");
    }
    // Nothing to write, nothing lost.
    ims_in_shell(
        &sandbox,
        "exec >&-",
        &["--endpoint", &endpoint, "--token", "t", "member", "list", "empty", "-o", "ids"],
    )
    .succeeds()
    .stderr("");
}

#[test]
fn escape_sequences_from_the_server_are_not_sent_to_the_terminal() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(404).body("\u{1b}]0;pwned\u{7}\u{1b}[2JImage gone.");
    });
    let out = ims_for(&server).args(["member", "show", "i", "m"]).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    let stderr = stderr_of(&out);
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'), "{stderr:?}");
    assert_eq!(
        stderr,
        "ims: error: member m of image i: HTTP 404 Not Found: \\u{1b}]0;pwned\\u{7}\\u{1b}[2JImage gone.\n"
    );
}
