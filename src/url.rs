//! URL helpers shared by the request path and sign-in: the validated service endpoint,
//! ID checks, RFC 3986 percent-encoding and the canonical query string (the form that goes
//! on the wire and that AK/SK signs).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

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

impl Endpoint {
    /// The service root: the endpoint without a trailing `/v2` (an API version, not part
    /// of the prefix). Huawei's v1 routes and Glance's links hang off it.
    pub(crate) fn root(&self) -> &str {
        self.0.strip_suffix("/v2").unwrap_or(&self.0)
    }

    /// A link the service gave relative to its root (Glance's `next`: `/v2/images?…`) as
    /// a full URL, joined to this endpoint's scheme, host and path prefix (never to the
    /// bare host; a trailing `/v2` of the endpoint is the API version, not the prefix).
    /// An absolute link must stay on the endpoint's scheme, host and port.
    pub(crate) fn join_link(&self, link: &str) -> Result<String, String> {
        let lower = link.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let origin = |url: &str| -> Option<String> {
                let uri: ureq::http::Uri = url.parse().ok()?;
                let scheme = uri.scheme_str()?.to_ascii_lowercase();
                let port = uri
                    .port_u16()
                    .unwrap_or(if scheme == "https" { 443 } else { 80 });
                Some(format!(
                    "{scheme}://{}:{port}",
                    uri.host()?.to_ascii_lowercase()
                ))
            };
            return match origin(link) {
                Some(found) if Some(&found) == origin(&self.0).as_ref() => Ok(link.to_string()),
                _ => Err("points to another origin; not followed".to_string()),
            };
        }
        let root = self.root();
        match link.strip_prefix('/') {
            Some(path) => Ok(format!("{root}/{path}")),
            None => Ok(format!("{}/{link}", self.v2_base())),
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
    match id_problem(id) {
        None => Ok(()),
        Some(why) => Err(Error::usage(format!("{what} `{id}` {why}"))),
    }
}

/// Why `id` cannot be one path segment, if it cannot: empty, `.`, `..`, or holding `/`.
pub(crate) fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id == "." || id == ".." {
        Some("cannot be `.` or `..`")
    } else if id.contains('/') {
        Some("cannot contain `/`")
    } else {
        None
    }
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

/// Splits a URL into its part before `?` and its decoded query pairs.
pub(crate) fn split_query(url: &str) -> (String, Vec<(String, String)>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), Vec::new());
    };
    let decode = |text: &str| {
        percent_decode_str(&text.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    };
    let pairs = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (decode(key), decode(value)),
            None => (decode(pair), String::new()),
        })
        .collect();
    (base.to_string(), pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_join_the_endpoint_prefix_not_the_bare_host() {
        let join = |endpoint: &str, link: &str| Endpoint::parse(endpoint).unwrap().join_link(link);
        let next = "/v2/images?limit=2&marker=m1";
        assert_eq!(
            join("https://h/image", next).unwrap(),
            "https://h/image/v2/images?limit=2&marker=m1"
        );
        assert_eq!(
            join("https://h/image/v2/", next).unwrap(),
            "https://h/image/v2/images?limit=2&marker=m1"
        );
        assert_eq!(
            join("http://h:9292", next).unwrap(),
            "http://h:9292/v2/images?limit=2&marker=m1"
        );
        assert_eq!(
            join("http://h:9292", "images?marker=x").unwrap(),
            "http://h:9292/v2/images?marker=x"
        );
        assert_eq!(
            join("http://h", "HTTP://H:80/v2/images?marker=x").unwrap(),
            "HTTP://H:80/v2/images?marker=x"
        );
        assert!(join("http://h", "http://evil/v2/images").is_err());
        assert!(join("http://h", "https://h/v2/images").is_err());
    }

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

    proptest::proptest! {
        #[test]
        fn split_query_never_panics(url in "\\PC*") {
            let (base, pairs) = split_query(&url);
            proptest::prop_assert!(url.starts_with(&base));
            proptest::prop_assert!(pairs.len() <= url.len());
        }
    }

    #[test]
    fn split_query_decodes_pairs() {
        assert_eq!(
            split_query("http://h/p"),
            ("http://h/p".to_string(), vec![])
        );
        assert_eq!(
            split_query("http://h/p?b=2&a=x%20y&flag&&c=d+e"),
            (
                "http://h/p".to_string(),
                vec![
                    ("b".into(), "2".into()),
                    ("a".into(), "x y".into()),
                    ("flag".into(), String::new()),
                    ("c".into(), "d e".into())
                ]
            )
        );
    }
}
