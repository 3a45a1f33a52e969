//! AK/SK request signing, `SDK-HMAC-SHA256` (Huawei Cloud and Open Telekom Cloud API
//! gateways), as pure functions: `reference/aksk-signing.md`, tested on its published vectors.

use hmac::{Hmac, KeyInit, Mac};
use percent_encoding::percent_decode_str;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::secret::Secret;
use crate::url::{canonical_query, encode};

/// The algorithm name, first word of the `Authorization` header.
pub(crate) const ALGORITHM: &str = "SDK-HMAC-SHA256";

/// The canonical URI: each `/`-separated segment decoded then re-encoded, ending in `/`.
pub(crate) fn canonical_uri(path: &str) -> String {
    let mut uri: String = path
        .split('/')
        .map(|segment| encode(&percent_decode_str(segment).decode_utf8_lossy()))
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// A request to sign: what the gateway will see.
pub(crate) struct Request<'a> {
    /// `GET`, ...
    pub(crate) method: &'a str,
    /// The path as sent (percent-encoded).
    pub(crate) path: &'a str,
    /// The query pairs, decoded.
    pub(crate) query: &'a [(String, String)],
    /// The headers to sign, as (name, value); names in any case.
    pub(crate) headers: &'a [(&'a str, &'a str)],
    /// The body bytes.
    pub(crate) body: &'a [u8],
}

/// The sorted, lower-cased names of the headers that are signed (names with `_` skipped).
pub(crate) fn signed_headers(headers: &[(&str, &str)]) -> String {
    let mut names: Vec<String> = headers
        .iter()
        .map(|(name, _)| name.to_ascii_lowercase())
        .filter(|name| !name.contains('_'))
        .collect();
    names.sort();
    names.dedup();
    names.join(";")
}

/// The canonical request text.
pub(crate) fn canonical_request(request: &Request) -> String {
    let signed = signed_headers(request.headers);
    let mut canonical_headers = String::new();
    for name in signed.split(';') {
        let value = request
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v.trim());
        canonical_headers.push_str(&format!("{name}:{value}\n"));
    }
    format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        request.method,
        canonical_uri(request.path),
        canonical_query(request.query),
        canonical_headers,
        signed,
        hex(&Sha256::digest(request.body))
    )
}

/// The string to sign for a canonical request at `sdk_date` (`YYYYMMDDTHHMMSSZ`).
pub(crate) fn string_to_sign(sdk_date: &str, canonical_request: &str) -> String {
    format!(
        "{ALGORITHM}\n{sdk_date}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    )
}

/// Hex HMAC-SHA256 of `string_to_sign` keyed with the secret key. HMAC takes keys of any
/// length, so the error is only the type's: it is reported, never a panic.
pub(crate) fn signature(secret_key: &Secret, string_to_sign: &str) -> Result<String, Error> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret_key.expose().as_bytes())
        .map_err(|_| Error::config("the secret key cannot key HMAC-SHA256"))?;
    mac.update(string_to_sign.as_bytes());
    Ok(hex(&mac.finalize().into_bytes()))
}

/// The `Authorization` header value of a signed request.
pub(crate) fn authorization(
    access_key: &str,
    request: &Request,
    sdk_date: &str,
    secret_key: &Secret,
) -> Result<String, Error> {
    let canonical = canonical_request(request);
    let signature = signature(secret_key, &string_to_sign(sdk_date, &canonical))?;
    Ok(format!(
        "{ALGORITHM} Access={access_key}, SignedHeaders={}, Signature={signature}",
        signed_headers(request.headers)
    ))
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `YYYYMMDDTHHMMSSZ` for a UTC instant.
pub(crate) fn sdk_date(now: jiff::Timestamp) -> String {
    now.strftime("%Y%m%dT%H%M%SZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GET of `path` with `query` and `headers`, no body.
    fn get<'a>(
        path: &'a str,
        query: &'a [(String, String)],
        headers: &'a [(&'a str, &'a str)],
    ) -> Request<'a> {
        Request {
            method: "GET",
            path,
            query,
            headers,
            body: b"",
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Vector A: Huawei Cloud's signing guide.
    #[test]
    fn huawei_guide_vector() {
        let query = pairs(&[
            ("limit", "2"),
            ("marker", "13551d6b-755d-4757-b956-536f674975c0"),
        ]);
        let headers = [
            ("Content-Type", "application/json"),
            ("Host", "service.region.example.com"),
            ("X-Sdk-Date", "20191115T033655Z"),
        ];
        let request = get(
            "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
            &query,
            &headers,
        );
        let canonical = canonical_request(&request);
        assert_eq!(
            canonical,
            "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n\
             content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n\
             content-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&Sha256::digest(canonical.as_bytes())),
            "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
        );
        let sk = Secret::new("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");
        assert_eq!(
            authorization("QTWAOYTTINDUT2QVKYUC", &request, "20191115T033655Z", &sk).unwrap(),
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, \
             Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
        );
    }

    /// Vector B: the official Go SDK's unit test.
    #[test]
    fn go_sdk_vector() {
        let query = pairs(&[("limit", "1")]);
        let headers = [("X-Sdk-Date", "20060102T150405Z")];
        let request = get("/path", &query, &headers);
        let canonical = canonical_request(&request);
        assert_eq!(
            canonical,
            "GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let sts = string_to_sign("20060102T150405Z", &canonical);
        assert_eq!(
            signature(&Secret::new("SecretKey"), &sts).unwrap(),
            "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"
        );
        assert_eq!(
            authorization(
                "AccessKey",
                &request,
                "20060102T150405Z",
                &Secret::new("SecretKey")
            )
            .unwrap(),
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, \
             Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"
        );
    }

    /// Vector B's awkward query values.
    #[test]
    fn go_sdk_awkward_query() {
        let query = pairs(&[
            ("test", "一 (&=?!#%.*)"),
            ("multi", "3"),
            ("limit", "1"),
            ("path", "/tmp/123"),
            ("multi", "1"),
            ("enable", "true"),
            ("multi", "2"),
        ]);
        assert_eq!(
            canonical_query(&query),
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"
        );
        assert_eq!(canonical_query(&[]), "");
    }

    #[test]
    fn canonical_uri_re_encodes_segments() {
        assert_eq!(
            canonical_uri("/v1/p/cloudimages/a%20b/members/"),
            "/v1/p/cloudimages/a%20b/members/"
        );
        assert_eq!(canonical_uri("/x/%e4%b8%80~"), "/x/%E4%B8%80~/");
        assert_eq!(canonical_uri("/a(b)"), "/a%28b%29/");
        assert_eq!(canonical_uri(""), "/");
    }

    #[test]
    fn underscore_headers_are_not_signed() {
        assert_eq!(
            signed_headers(&[("X-Sdk-Date", "d"), ("x_odd", "v"), ("Host", "h")]),
            "host;x-sdk-date"
        );
    }

    #[test]
    fn sdk_date_format() {
        let ts: jiff::Timestamp = "2019-11-15T03:36:55Z".parse().unwrap();
        assert_eq!(sdk_date(ts), "20191115T033655Z");
    }

    /// Vector C, with a body: made with Huawei's official Python SDK
    /// (`huaweicloudsdkcore` 3.x, `Signer.sign` on this request with a fixed
    /// `X-Sdk-Date`): the payload hash is the body's SHA-256.
    #[test]
    fn python_sdk_vector_with_a_body() {
        let body = br#"{"images":["d164b5df-1bc3-4c3f-893e-3e471fd16e64"],"projects":["edc89b490d7d4392898e19b2deb34797"]}"#;
        let headers = [
            ("Content-Type", "application/json"),
            ("Host", "ims.ap-southeast-1.myhuaweicloud.com"),
            ("X-Project-Id", "1bed856811654c1cb661a6ca845ebc77"),
            ("X-Sdk-Date", "20261125T100000Z"),
        ];
        let request = Request {
            method: "POST",
            path: "/v1/cloudimages/members",
            query: &[],
            headers: &headers,
            body,
        };
        assert!(
            canonical_request(&request)
                .ends_with("\n168cfc2ec018b647bfde19394adcc08dd34956c811766ff1247afe856214aa31")
        );
        let sk = Secret::new("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc");
        assert_eq!(
            authorization("QTWAOYTTINDUT2QVKYUC", &request, "20261125T100000Z", &sk).unwrap(),
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, \
             SignedHeaders=content-type;host;x-project-id;x-sdk-date, \
             Signature=a44b394add7a4c9623d4a109a45d059b4c9609eb9ae1eabfe2277d5aec37f017"
        );
    }
}
