//! What the request path asks of a credential: the headers that authorise one request.
//! The client defines the trait; `auth` implements it (a token header, an AK/SK signature).

use ureq::http::Uri;

use crate::error::Error;
use crate::secret::Secret;

/// One request header: the value sent, and how `-vv` may show it (secrets masked).
pub(crate) struct Header {
    /// Header name.
    pub(crate) name: &'static str,
    /// The value sent.
    pub(crate) value: Secret,
    /// The value as a trace may print it, secrets masked.
    pub(crate) shown: String,
}

impl Header {
    /// A header with nothing to hide.
    pub(crate) fn plain(name: &'static str, value: String) -> Header {
        Header {
            name,
            shown: value.clone(),
            value: Secret::new(value),
        }
    }

    /// A header whose whole value is a secret: shown as `****`.
    pub(crate) fn secret(name: &'static str, value: Secret) -> Header {
        Header {
            name,
            shown: value.to_string(),
            value,
        }
    }
}

/// What an authorisation covers of a request.
pub(crate) struct Outgoing<'a> {
    /// Its method.
    pub(crate) method: &'a str,
    /// Its URI.
    pub(crate) uri: &'a Uri,
    /// Its query pairs, as sent.
    pub(crate) query: &'a [(String, String)],
    /// Its body.
    pub(crate) body: &'a [u8],
}

/// Authorises requests: implemented by every credential `ims` can hold.
pub(crate) trait Authorize {
    /// The headers that authorise `request`, sent at `now`.
    fn headers(&self, request: &Outgoing<'_>, now: jiff::Timestamp) -> Result<Vec<Header>, Error>;

    /// True when requests are signed (AK/SK): a 401 then hints at the key and the clock.
    fn is_signed(&self) -> bool;
}
