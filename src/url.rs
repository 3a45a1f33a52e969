//! URL helpers shared by the request path and sign-in: the validated service endpoint,
//! ID checks, RFC 3986 percent-encoding and the canonical query string (the form that goes
//! on the wire and that AK/SK signs).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::error::Error;
use crate::secret::mask_userinfo;

/// Bytes kept as they are in a path segment: RFC 3986 unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A validated `http(s)` endpoint: scheme, host, optional port and path prefix, no
/// trailing `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint(String);

impl Endpoint {
    /// Checks that `text` is an absolute `http(s)` URL with a host and no query,
    /// fragment or user info; trailing slashes are dropped. A message shows the URL with
    /// its user info masked (`http://user:****@host`).
    pub(crate) fn parse(text: &str) -> Result<Endpoint, String> {
        let text = text.trim();
        let shown = mask_userinfo(text);
        let lower = text.to_ascii_lowercase();
        if !lower.starts_with("http://") && !lower.starts_with("https://") {
            return Err(format!(
                "`{shown}` is not an absolute http(s) URL (e.g. https://ims.example.com)"
            ));
        }
        if text.contains(['?', '#']) {
            return Err(format!("`{shown}` must not have a query or fragment"));
        }
        let uri: ureq::http::Uri = text
            .parse()
            .map_err(|err| format!("`{shown}` is not a valid URL: {err}"))?;
        let authority = uri.authority().map(|a| a.as_str()).unwrap_or("");
        if authority.contains('@') {
            return Err(format!("`{shown}` must not carry user info"));
        }
        if uri.host().is_none_or(str::is_empty) {
            return Err(format!("`{shown}` has no host"));
        }
        Ok(Endpoint(text.trim_end_matches('/').to_string()))
    }

    /// The base of the v2 API: the endpoint, with `/v2` added unless it already ends so.
    pub(crate) fn v2_base(&self) -> String {
        if self.0.ends_with("/v2") {
            self.0.clone()
        } else {
            format!("{}/v2", self.0)
        }
    }
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Refuses IDs that cannot be one path segment: empty, `.`, `..`, or containing `/`.
pub(crate) fn check_id(what: &str, id: &str) -> Result<(), Error> {
    let why = if id.is_empty() {
        "is empty"
    } else if id == "." || id == ".." {
        "cannot be `.` or `..`"
    } else if id.contains('/') {
        "cannot contain `/`"
    } else {
        return Ok(());
    };
    Err(Error::usage(format!("{what} `{id}` {why}")))
}

/// Percent-encodes `text` as RFC 3986 asks of a path segment or query component:
/// unreserved characters kept, every other byte of its UTF-8 as upper-case `%XX`.
pub(crate) fn encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// The canonical query: pairs sorted by key then value, both encoded, joined `k=v&...`.
/// This exact string is also what goes on the wire.
pub(crate) fn canonical_query(pairs: &[(String, String)]) -> String {
    let mut encoded: Vec<(String, String)> = pairs
        .iter()
        .map(|(key, value)| (encode(key), encode(value)))
        .collect();
    encoded.sort();
    encoded
        .iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_checks() {
        assert!(check_id("image ID", "abc-123").is_ok());
        assert!(check_id("image ID", "...").is_ok());
        for bad in ["", ".", "..", "a/b", "/"] {
            let err = check_id("image ID", bad).unwrap_err();
            assert_eq!(err.kind(), crate::error::ErrorKind::Usage, "{bad}");
        }
        assert_eq!(
            check_id("member ID", "a/b").unwrap_err().to_string(),
            "member ID `a/b` cannot contain `/`"
        );
    }

    #[test]
    fn endpoint_validation() {
        for good in [
            "http://127.0.0.1:9292",
            "HTTPS://ims.example.com/prefix/",
            "http://[::1]:80",
        ] {
            assert!(Endpoint::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "ims.example.com",
            "ftp://h",
            "http://",
            "http://h?x=1",
            "http://h/#f",
            "http://user:pw@h",
            "http://h h",
            "https:/h",
        ] {
            assert!(Endpoint::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Endpoint::parse("http://user:PaSsWoRd@host").unwrap_err(),
            "`http://user:****@host` must not carry user info"
        );
        assert_eq!(
            Endpoint::parse("ftp://user:PaSsWoRd@host").unwrap_err(),
            "`ftp://user:****@host` is not an absolute http(s) URL (e.g. https://ims.example.com)"
        );
    }
}
