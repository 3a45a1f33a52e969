//! Output integrity against hostile services: what `ims` prints is what the service said,
//! safe for a terminal, whole or not at all, in bounded memory and descriptors. One
//! section per fault of the adversarial sweep, numbered as there.

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
