//! Output integrity against hostile services: what `ims` prints is what the service said,
//! safe for a terminal, whole or not at all, in bounded memory and descriptors. One
//! section per fault of the adversarial sweep, numbered as there.

use std::time::Duration;

use crate::util::*;
use httpmock::prelude::*;
use serde_json::json;

// ---- 1. lines, escape sequences and bidi controls from the service ----

#[test]
fn tables_escape_line_breaks_and_bidi_controls() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.path("/v2/images/img/members");
        then.status(200).body(
            json!({"members": [
                {"member_id": "good\nfake-1", "status": "rtl\u{202e}txt"},
                {"member_id": "isolate\u{2066}x\u{2069}", "status": "a\u{200f}\u{61c}b"}
            ]})
            .to_string(),
        );
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "list", "img"])
        .assert()
        .success()
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
    server.mock(|when, then| {
        when.path("/v2/images/i/members/m");
        then.status(404).body(
            json!({
                "message": "gone\u{202e}\u{2028}ims: error: fake line",
                "request_id": "req-1\nims: error: injected"
            })
            .to_string(),
        );
    });
    let sandbox = Sandbox::new();
    ims_at(&sandbox, &server, "t")
        .args(["member", "show", "i", "m"])
        .assert()
        .code(5)
        .stdout("")
        .stderr(
            "ims: error: member m of image i: HTTP 404 Not Found: \
             gone\\u{202e} ims: error: fake line (request id req-1\\nims: error: injected)\n",
        );
}

// ---- 6. a gzip bomb ----

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
    let mut bits = Bits {
        out: vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255],
        acc: 0,
        count: 0,
    };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    for &byte in prefix.iter().chain([&fill]) {
        bits.code(0x30 + u64::from(byte), 8); // a literal below 144
    }
    // Length 258 (code 285) at distance 1 (code 0): 258 more bytes of `fill`.
    let mut reference = Bits {
        out: Vec::new(),
        acc: 0,
        count: 0,
    };
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
    let sandbox = Sandbox::new();
    let message = format!(
        "ims: error: image bomb: GET {}/v2/images/bomb/members: the answer is not the \
         expected JSON (content-type application/json): expected value at line 1 column 14\n",
        server.base_url()
    );
    ims_at(&sandbox, &server, "t")
        .args([
            "member", "list", "bomb", "bomb", "bomb", "bomb", "--jobs", "4",
        ])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(8)
        .stdout("")
        .stderr(message.repeat(4));
}
