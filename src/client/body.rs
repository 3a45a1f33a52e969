//! Reading a success answer: bounded in size, cut-short and empty bodies told apart, then
//! handed to the caller's parser.

use std::io::Read;
use std::time::Duration;

use ureq::http;

use super::failure::{MAX_BODY_BYTES, read_error, status_line, too_large};
use crate::error::Error;
use crate::model::BodyError;

/// Reads a success body (at most [`MAX_BODY_BYTES`]) and parses it as `T`.
pub(crate) fn parse_body<T>(
    method: &str,
    url: &str,
    response: &mut http::Response<ureq::Body>,
    timeout: Duration,
    parse: &mut dyn FnMut(&[u8]) -> Result<T, BodyError>,
) -> Result<T, Error> {
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_else(|| "none".to_string());
    let declared = response.body().content_length();
    if declared.is_some_and(|length| length > MAX_BODY_BYTES) {
        return Err(too_large(method, url));
    }
    // Sized to the declared length up front: no doubling of a 14 MB buffer.
    let capacity = usize::try_from(declared.unwrap_or(0)).unwrap_or(0);
    let mut body = Vec::with_capacity(capacity);
    response
        .body_mut()
        .with_config()
        .limit(u64::MAX)
        .reader()
        .take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut body)
        .map_err(|io| read_error(io, method, url, timeout))?;
    if body.len() as u64 > MAX_BODY_BYTES {
        return Err(too_large(method, url));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::bad_answer(format!(
            "{method} {url}: the answer is empty (HTTP {})",
            status_line(response.status())
        )));
    }
    parse(&body).map_err(|err| match err {
        BodyError::Json(err) => Error::bad_answer(format!(
            "{method} {url}: the answer is not the expected JSON (content-type {content_type}): {err}"
        )),
        BodyError::Stop(err) => err,
    })
}
