//! The redirect policy: a GET follows a redirect only within the same scheme, host and
//! port, so credentials never leave the endpoint's origin. `Location` is resolved against
//! the request's URL as RFC 3986 says first (`members2`, `../x`, `//other.example/x`).

use ureq::http;

use super::reference::resolve;
use crate::error::{Error, ErrorKind};

/// The next URL of a same-origin redirect; `None` for a 3xx without `Location` (such as
/// Glance's `300 Multiple Choices`); an error for a redirect to another origin.
pub(crate) fn redirect_target(
    url: &str,
    response: &http::Response<ureq::Body>,
) -> Result<Option<String>, Error> {
    let Some(location) = response.headers().get("location") else {
        return Ok(None);
    };
    let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
    let current: http::Uri = url
        .parse()
        .map_err(|_| Error::new(ErrorKind::Unexpected, format!("invalid URL {url}")))?;
    let next = resolve(url, location.trim());
    let target: http::Uri = next.parse().map_err(|_| {
        Error::bad_answer(format!(
            "GET {url}: redirect to an invalid location `{location}`"
        ))
    })?;
    if target.authority().is_some_and(|a| a.as_str().contains('@')) {
        // ureq would turn user info into an Authorization header; it is not shown.
        return Err(Error::new(
            ErrorKind::Http,
            format!(
                "GET {url}: HTTP {}: redirect to a location with user info not followed",
                response.status()
            ),
        ));
    }
    if origin(&target) != origin(&current) {
        return Err(Error::new(
            ErrorKind::Http,
            format!(
                "GET {url}: HTTP {}: redirect to another origin ({next}) not followed, so that \
                 credentials stay with the endpoint; point --endpoint at the new address",
                response.status()
            ),
        ));
    }
    Ok(Some(next))
}

/// Scheme, host and port (default port filled in) of a URL.
pub(crate) fn origin(uri: &http::Uri) -> (String, String, u16) {
    let scheme = uri.scheme_str().unwrap_or("").to_ascii_lowercase();
    let default_port = if scheme == "https" { 443 } else { 80 };
    (
        scheme,
        uri.host().unwrap_or("").to_ascii_lowercase(),
        uri.port_u16().unwrap_or(default_port),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let o = |s: &str| origin(&s.parse().unwrap());
        assert_eq!(o("http://a:80/x"), o("http://A/y"));
        assert_eq!(o("https://a/x"), o("https://a:443/"));
        assert_ne!(o("http://a/x"), o("https://a/x"));
        assert_ne!(o("http://a:8080/"), o("http://a/"));
        assert_ne!(o("http://a/"), o("http://b/"));
    }
}
