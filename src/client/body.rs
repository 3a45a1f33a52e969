//! Reading a success answer: parsed as it streams in, bounded in size (counted after
//! decompression, so a small gzip answer cannot inflate past the bound), with cut-short,
//! empty and not-JSON answers and transport failures told apart.

use std::io::{self, Read};
use std::time::Duration;

use ureq::http;

use super::failure::{MAX_BODY_BYTES, read_error, status_line, too_large};
use crate::error::Error;
use crate::model::BodyError;

/// Hands a success body (at most [`MAX_BODY_BYTES`] once inflated) to `parse` as a reader
/// and returns what it made of it. A failure of the read itself (cut short, the network,
/// the bound) wins over what the parser said about the bytes it got.
pub(crate) fn parse_body<T>(
    method: &str,
    url: &str,
    response: &mut http::Response<ureq::Body>,
    timeout: Duration,
    parse: &mut dyn FnMut(&mut dyn Read) -> Result<T, BodyError>,
) -> Result<T, Error> {
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_else(|| "none".to_string());
    if response
        .body()
        .content_length()
        .is_some_and(|length| length > MAX_BODY_BYTES)
    {
        return Err(too_large(method, url));
    }
    let status = response.status();
    let mut body = Bounded::new(
        response.body_mut().with_config().limit(u64::MAX).reader(),
        MAX_BODY_BYTES,
    );
    let parsed = parse(&mut body);
    match body.failure.take() {
        Some(ReadFailure::TooLarge) => return Err(too_large(method, url)),
        Some(ReadFailure::Io(io)) => return Err(read_error(io, method, url, timeout)),
        None => {}
    }
    parsed.map_err(|err| match err {
        BodyError::Json(_) if !body.content_seen => Error::bad_answer(format!(
            "{method} {url}: the answer is empty (HTTP {})",
            status_line(status)
        )),
        BodyError::Json(err) => Error::bad_answer(format!(
            "{method} {url}: the answer is not the expected JSON (content-type {content_type}): {err}"
        )),
        BodyError::Stop(err) => err,
    })
}

/// Why reading a body stopped before its end.
#[derive(Debug)]
enum ReadFailure {
    /// More than the bound came.
    TooLarge,
    /// The reader failed (cut short, reset, timed out).
    Io(io::Error),
}

/// A reader that fails once more than `limit` bytes came through, remembers why it
/// failed (the parser above it only sees that it did), and notes whether anything but
/// whitespace came.
struct Bounded<R> {
    /// The body as it arrives (inflated).
    inner: R,
    /// The most bytes allowed.
    limit: u64,
    /// The bytes read so far.
    read: u64,
    /// Why reading stopped early, if it did.
    failure: Option<ReadFailure>,
    /// Whether anything but whitespace came.
    content_seen: bool,
}

impl<R: Read> Bounded<R> {
    /// `inner`, cut off after `limit` bytes.
    fn new(inner: R, limit: u64) -> Bounded<R> {
        Bounded {
            inner,
            limit,
            read: 0,
            failure: None,
            content_seen: false,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.failure.is_some() {
            return Err(io::Error::other("the body could not be read"));
        }
        let count = match self.inner.read(buf) {
            Ok(count) => count,
            Err(err) => {
                let shown = io::Error::new(err.kind(), err.to_string());
                self.failure = Some(ReadFailure::Io(err));
                return Err(shown);
            }
        };
        self.read = self.read.saturating_add(count as u64);
        if self.read > self.limit {
            self.failure = Some(ReadFailure::TooLarge);
            return Err(io::Error::other("the body is over the size limit"));
        }
        if !self.content_seen {
            self.content_seen = buf[..count].iter().any(|b| !b.is_ascii_whitespace());
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads everything `reader` gives.
    fn drain(reader: &mut impl Read) -> io::Result<Vec<u8>> {
        let mut all = Vec::new();
        reader.read_to_end(&mut all).map(|_| all)
    }

    #[test]
    fn the_bound_counts_bytes_as_they_are_read() {
        let mut exact = Bounded::new(&b"0123456789"[..], 10);
        assert_eq!(drain(&mut exact).unwrap(), b"0123456789");
        assert!(exact.failure.is_none());
        assert!(exact.content_seen);

        let mut over = Bounded::new(&b"0123456789x"[..], 10);
        assert!(drain(&mut over).is_err());
        assert!(matches!(over.failure, Some(ReadFailure::TooLarge)));
        // Once failed, it stays failed.
        assert!(over.read(&mut [0; 4]).is_err());
    }

    #[test]
    fn a_gzip_bomb_is_stopped_at_the_bound_while_it_inflates() {
        use flate2::{Compression, read::GzDecoder, write::GzEncoder};
        use std::io::Write;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(b"{\"members\": [").unwrap();
        for _ in 0..64 {
            gz.write_all(&[b' '; 64 * 1024]).unwrap();
        }
        let zipped = gz.finish().unwrap();
        assert!(zipped.len() < 16 * 1024, "{}", zipped.len());
        // 4 MiB inflated, 1 MiB allowed: the parser gets an error, not the whole body.
        let mut body = Bounded::new(GzDecoder::new(&zipped[..]), 1024 * 1024);
        let parsed = crate::model::read_page(&mut body, &mut |_| Ok(()));
        assert!(parsed.is_err());
        assert!(matches!(body.failure, Some(ReadFailure::TooLarge)));
        assert!(body.read <= 1024 * 1024 + 64 * 1024, "{}", body.read);
    }

    #[test]
    fn whitespace_is_not_content_and_failures_are_kept() {
        let mut blank = Bounded::new(&b" \n\t\r "[..], 100);
        drain(&mut blank).unwrap();
        assert!(!blank.content_seen);

        struct Cut;
        impl Read for Cut {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::UnexpectedEof, "cut"))
            }
        }
        let mut cut = Bounded::new(Cut, 100);
        let err = drain(&mut cut).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
        assert!(
            matches!(cut.failure, Some(ReadFailure::Io(ref io)) if io.kind() == io::ErrorKind::UnexpectedEof)
        );
    }
}
