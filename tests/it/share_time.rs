//! Desired sharing over time and `-o markdown`, through the binary against httpmock:
//! `newest` and `until` cost no request beyond the listing, and their notes follow the
//! markdown table as a list; markdown read back by a Markdown parser gives the cells csv
//! gives, hostile names included.

use httpmock::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::{Value, json};

use crate::fixtures::glance::{image, ims_as, listing_of};
use crate::util::*;

/// The cells of each table row of `markdown`, as a Markdown parser reads them; a cell
/// holding any markup (code, HTML, a link, emphasis…) reads as `MARKUP`.
pub(crate) fn table_cells(markdown: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => rows.last_mut().unwrap().push(cell.take().unwrap()),
            Event::Text(text) if cell.is_some() => cell.as_mut().unwrap().push_str(&text),
            _ if cell.is_some() => cell = Some("MARKUP".to_string()),
            _ => {}
        }
    }
    rows
}

/// The rows of csv `text`, each cell without csv's guard against formulas (a `'` before
/// `=`, `+`, `-`, `@`).
pub(crate) fn csv_cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|row| {
            row.unwrap()
                .iter()
                .map(|cell| match cell.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
                    _ => cell.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn markdown_reads_back_as_the_cells_of_csv_whatever_the_names() {
    let hostile = [
        "x | y | z",
        "`rm -rf /`",
        "<script>alert(1)</script>",
        "**bold** [link](https://evil.example) ![i](https://evil.example/i.png)",
        "line\nbreak",
        "  =SUM(A1)  ",
        "&lt; \\| \\",
        "@admin :shipit: $x$",
    ];
    let images: Vec<Value> =
        hostile.iter().enumerate().map(|(n, name)| image(&format!("i{n}"), "p", name)).collect();
    let run = listing_of(images);
    let markdown = run("markdown");
    let cells = table_cells(&markdown);
    assert_eq!(cells.len(), hostile.len() + 1, "{markdown}");
    assert_eq!(cells, csv_cells(&run("csv")), "{markdown}");
    assert!(!markdown.contains("MARKUP"));
}

/// Three builds a month apart (listed newest first, as Glance lists them) and an image
/// tagged for a partner.
fn builds(server: &MockServer) -> Vec<httpmock::Mock<'_>> {
    let build = |id: &str, name: &str, at: &str| {
        json!({"id": id, "name": name, "owner": "p", "visibility": "shared",
               "status": "active", "created_at": at, "tags": []})
    };
    let eval = json!({"id": "e1", "name": "eval", "owner": "p", "visibility": "shared",
                      "status": "active", "created_at": "2026-08-01T00:00:00Z",
                      "tags": ["partner-eval"]});
    let list = server.mock(|when, then| {
        when.path("/v2/images").query_param("owner", "p").query_param_missing("tag");
        then.status(200).json_body(json!({"images": [
            build("g3", "golden-11", "2026-11-01T00:00:00Z"),
            build("g2", "golden-10", "2026-10-01T00:00:00Z"),
            build("g1", "golden-09", "2026-09-01T00:00:00Z"),
        ]}));
    });
    let tagged = server.mock(|when, then| {
        when.path("/v2/images").query_param("owner", "p").query_param("tag", "partner-eval");
        then.status(200).json_body(json!({ "images": [eval] }));
    });
    let mut mocks = vec![list, tagged];
    for image in ["g1", "g2", "g3", "e1"] {
        let members = match image {
            "g3" => json!([]),
            "e1" => json!([{"member_id": "partner", "status": "accepted"}]),
            _ => json!([{"member_id": "proj-a", "status": "accepted"}]),
        };
        mocks.push(server.mock(|when, then| {
            when.path(format!("/v2/images/{image}/members"));
            then.status(200).json_body(json!({ "members": members }));
        }));
    }
    mocks
}

#[test]
fn newest_and_an_ending_share_in_a_markdown_plan_with_no_extra_request() {
    let server = MockServer::start();
    let reads = builds(&server);
    let anything_else = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let sandbox = Sandbox::new();
    // The partner's share ends in 3 days (through the end of that day, UTC).
    let in_three_days = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(72);
    let ends = in_three_days.to_string()[..10].to_string();
    sandbox.file(
        "shares.toml",
        &format!(
            "prune = true\n\
             [[share]]\nnames = [\"golden-*\"]\nnewest = 2\nmembers = [\"proj-a\"]\n\n\
             [[share]]\ntags = [\"partner-eval\"]\nmembers = [\"partner\"]\nuntil = {ends}\n"
        ),
    );
    // The rules stated: learning them would be a request of its own (`GET /`), not newest's.
    let out = ims_as(&sandbox, &server.base_url(), "p")
        .args(["--sharing-rules", "glance", "share", "plan", "-o", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        format!(
            "| Action | Image ID | Image Name | Member ID | From | To |\n\
             | --- | --- | --- | --- | --- | --- |\n\
             | add | g3 | golden\\-11 | proj\\-a | — | pending |\n\
             | remove | g1 | golden\\-09 | proj\\-a | accepted | — |\n\
             \n\
             - note: golden\\-09 is no longer among the newest 2 of its \\[\\[share\\]\\] \\(line 2\\)\n\
             - note: the share of eval with partner ends {} \\(in 3 days\\)\n\
             - plan\\: 1 to add, 0 to accept, 1 to remove, 0 visibility; 2 in sync\n",
            ends.replace('-', "\\-")
        )
    );
    // The listing, the tag's listing and each selected image's members: nothing more.
    called(&reads, 1);
    anything_else.assert_calls(0);
}
