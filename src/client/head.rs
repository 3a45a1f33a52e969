//! The request head as it goes on the wire. ims sets every header itself, in wire order
//! (ureq then adds none of its own: not `Host`, `User-Agent`, `Accept-Encoding` nor
//! `Content-Length`), so that `-vv` lists exactly what is sent. A head over
//! [`MAX_REQUEST_HEAD`] is refused before anything is sent.

use ureq::http::Uri;

use super::authorize::Header;
use crate::error::{Error, ErrorKind};

/// The `User-Agent` of every request.
pub(crate) const USER_AGENT: &str = concat!("ims/", env!("CARGO_PKG_VERSION"));

/// The largest request head sent: request line, headers and the blank line.
pub(crate) const MAX_REQUEST_HEAD: usize = 64 * 1024;

/// The HTTP version on the request line.
const VERSION: &str = "HTTP/1.1";

/// The URL characters shown in a message about a request too large to send.
const URL_SHOWN: usize = 100;

/// The headers of a `method` request of `uri`, in wire order: `Host` (unless the
/// credential's `signed` headers carry it), `User-Agent`, `Accept`, `Accept-Encoding`, the
/// credential's headers, and with a `body` its `Content-Type` ([`content_type`]) and
/// `Content-Length`.
pub(crate) fn request_headers(
    method: &str,
    uri: &Uri,
    signed: Vec<Header>,
    body: Option<&[u8]>,
) -> Vec<Header> {
    let mut headers = Vec::with_capacity(signed.len() + 6);
    if !signed.iter().any(|h| h.name.eq_ignore_ascii_case("host")) {
        headers.push(Header::plain("Host", host(uri)));
    }
    headers.push(Header::plain("User-Agent", USER_AGENT.to_string()));
    headers.push(Header::plain("Accept", "application/json".to_string()));
    // What ureq asks for when left to itself (its `gzip` feature); it decompresses.
    headers.push(Header::plain("Accept-Encoding", "gzip".to_string()));
    headers.extend(signed);
    if let Some(body) = body {
        headers.push(Header::plain(
            "Content-Type",
            content_type(method).to_string(),
        ));
        headers.push(Header::plain("Content-Length", body.len().to_string()));
    }
    headers
}

/// The media type of a `method` request's body: JSON, except a `PATCH`, whose body is a
/// JSON patch (Glance's image update, the only PATCH ims sends, takes nothing else:
/// `application/json` is 415).
fn content_type(method: &str) -> &'static str {
    match method {
        "PATCH" => "application/openstack-images-v2.1-json-patch",
        _ => "application/json",
    }
}

/// The `Host` header of `uri`, as ureq would write it: the host, and the port when it is
/// not the scheme's default.
fn host(uri: &Uri) -> String {
    let host = uri.host().unwrap_or_default();
    let default_port = match uri.scheme_str() {
        Some("https") => 443,
        _ => 80,
    };
    match uri.port_u16() {
        Some(port) if port != default_port => format!("{host}:{port}"),
        _ => host.to_string(),
    }
}

/// Refuses a `method` request of `uri` with `headers` whose head would be over
/// [`MAX_REQUEST_HEAD`], naming its largest part: the request line (an ID too long: a
/// usage error) or a header (a credential too long: a configuration error). Secrets are
/// never shown.
pub(crate) fn check_size(method: &str, uri: &Uri, headers: &[Header]) -> Result<(), Error> {
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let line = method.len() + 1 + target.len() + 1 + VERSION.len();
    let header_sizes = headers
        .iter()
        .map(|h| (h, h.name.len() + 2 + h.value.expose().len() + 2));
    let total = line + 2 + header_sizes.clone().map(|(_, size)| size).sum::<usize>() + 2;
    if total <= MAX_REQUEST_HEAD {
        return Ok(());
    }
    let largest = header_sizes.max_by_key(|(_, size)| *size);
    let (kind, part, advice) = match largest {
        Some((header, size)) if size > line => (
            ErrorKind::Config,
            format!(
                "its {} header alone is {} bytes",
                header.name,
                header.value.expose().len()
            ),
            "check the credential",
        ),
        _ => (
            ErrorKind::Usage,
            format!("its request line alone is {line} bytes"),
            "check the IDs",
        ),
    };
    Err(Error::new(
        kind,
        format!(
            "{method} {}: not sent: the request head would be {total} bytes, over the limit of \
             {MAX_REQUEST_HEAD} (64 KiB); {part}: {advice}",
            shortened(&uri.to_string())
        ),
    ))
}

/// Refuses a `method` request of `url` that could not fit in [`MAX_REQUEST_HEAD`] even
/// with no header (an ID too long: a usage error); checked before the URL is parsed, which
/// fails past 64 KiB.
pub(crate) fn check_url_size(method: &str, url: &str) -> Result<(), Error> {
    let least = method.len() + 1 + url.len() + 1 + VERSION.len() + 4;
    if least <= MAX_REQUEST_HEAD {
        return Ok(());
    }
    Err(Error::usage(format!(
        "{method} {}: not sent: the request head would be over the limit of \
         {MAX_REQUEST_HEAD} (64 KiB); its URL alone is {} bytes: check the IDs",
        shortened(url),
        url.len()
    )))
}

/// `url`, cut to its first [`URL_SHOWN`] characters.
fn shortened(url: &str) -> String {
    match url.char_indices().nth(URL_SHOWN) {
        Some((at, _)) => format!("{}…", &url[..at]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn names(headers: &[Header]) -> Vec<&str> {
        headers.iter().map(|h| h.name).collect()
    }

    #[test]
    fn headers_in_wire_order_with_host_as_ureq_writes_it() {
        let uri: Uri = "http://h:8080/p?q=1".parse().unwrap();
        let token = vec![Header::secret("X-Auth-Token", Secret::new("t"))];
        let headers = request_headers("GET", &uri, token, None);
        assert_eq!(
            names(&headers),
            [
                "Host",
                "User-Agent",
                "Accept",
                "Accept-Encoding",
                "X-Auth-Token"
            ]
        );
        assert_eq!(headers[0].shown, "h:8080");
        let post = request_headers("POST", &uri, Vec::new(), Some(b"{}"));
        assert_eq!(
            names(&post),
            [
                "Host",
                "User-Agent",
                "Accept",
                "Accept-Encoding",
                "Content-Type",
                "Content-Length"
            ]
        );
        assert_eq!(post[5].shown, "2");
        assert_eq!(post[4].shown, "application/json");
        let patch = request_headers("PATCH", &uri, Vec::new(), Some(b"[]"));
        assert_eq!(
            patch[4].shown,
            "application/openstack-images-v2.1-json-patch"
        );
        let signed = vec![Header::plain("Host", "h:80".to_string())];
        let headers = request_headers("GET", &"http://h:80/".parse().unwrap(), signed, None);
        assert_eq!(
            names(&headers),
            ["User-Agent", "Accept", "Accept-Encoding", "Host"]
        );
        let host_of = |url: &str| host(&url.parse().unwrap());
        assert_eq!(host_of("https://h:443/"), "h");
        assert_eq!(host_of("https://h:80/"), "h:80");
        assert_eq!(host_of("http://[::1]:8080/"), "[::1]:8080");
        assert_eq!(host_of("http://[::1]/"), "[::1]");
    }

    #[test]
    fn heads_up_to_64_kib_pass_and_larger_ones_name_their_largest_part() {
        let uri: Uri = "http://h/v2/images/i/members".parse().unwrap();
        let with_token = |len: usize| {
            let token = vec![Header::secret("X-Auth-Token", Secret::new("s".repeat(len)))];
            request_headers("GET", &uri, token, None)
        };
        assert!(check_size("GET", &uri, &with_token(60_000)).is_ok());
        // A refusal of `kind`, short, whose message ends with `ending`.
        let refused = |err: Error, kind: ErrorKind, ending: &str| {
            assert_eq!(err.kind(), kind);
            assert!(err.to_string().ends_with(ending), "{err}");
            assert!(err.to_string().len() < 400);
            err.to_string()
        };
        let err = check_size("GET", &uri, &with_token(70_000)).unwrap_err();
        let text = refused(
            err,
            ErrorKind::Config,
            "; its X-Auth-Token header alone is 70000 bytes: check the credential",
        );
        assert!(!text.contains("sss"), "{text}");
        assert!(
            text.starts_with(
                "GET http://h/v2/images/i/members: not sent: the request head would be 70"
            ),
            "{text}"
        );

        let long: Uri = format!("http://h/v2/images/{}/members", "i".repeat(65_460))
            .parse()
            .unwrap();
        let headers = request_headers("GET", &long, Vec::new(), None);
        let err = check_size("GET", &long, &headers).unwrap_err();
        refused(
            err,
            ErrorKind::Usage,
            "; its request line alone is 65492 bytes: check the IDs",
        );

        let url = format!("http://h/v2/images/{}/members", "i".repeat(65_500));
        assert!(check_url_size("GET", &url[..url.len() - 100]).is_ok());
        refused(
            check_url_size("GET", &url).unwrap_err(),
            ErrorKind::Usage,
            "…: not sent: the request head would be over the limit of 65536 (64 KiB); its URL alone is 65527 bytes: check the IDs",
        );
    }

    #[test]
    fn the_size_counted_is_the_size_ureq_writes() {
        // GET /p HTTP/1.1\r\n + host: h\r\n + … + \r\n
        let uri: Uri = "http://h/p".parse().unwrap();
        let headers = request_headers("GET", &uri, Vec::new(), None);
        let wire = format!(
            "GET /p HTTP/1.1\r\n{}\r\n",
            headers
                .iter()
                .map(|h| format!("{}: {}\r\n", h.name, h.value.expose()))
                .collect::<String>()
        );
        let room = MAX_REQUEST_HEAD - wire.len();
        let token = vec![Header::secret(
            "X-Auth-Token",
            Secret::new("s".repeat(room - "X-Auth-Token: \r\n".len())),
        )];
        assert!(check_size("GET", &uri, &request_headers("GET", &uri, token, None)).is_ok());
        let token = vec![Header::secret(
            "X-Auth-Token",
            Secret::new("s".repeat(room - "X-Auth-Token: \r\n".len() + 1)),
        )];
        assert!(check_size("GET", &uri, &request_headers("GET", &uri, token, None)).is_err());
    }
}
