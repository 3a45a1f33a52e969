//! TLS failures said for people: every `rustls::Error` and `CertificateError` (and the
//! webpki errors rustls passes through) as a sentence, never as Rust debug output.

use rustls::pki_types::UnixTime;
use rustls::{CertificateError as Cert, Error as Tls};

use crate::text::printable;

/// Host names listed when a certificate is for other hosts; the rest are counted.
const NAMES_SHOWN: usize = 5;

/// The TLS failure inside an I/O error, described for people.
pub(crate) fn tls_cause(io: &std::io::Error) -> Option<String> {
    io.get_ref()?.downcast_ref::<Tls>().map(describe_tls)
}

/// Says why a TLS connection failed, naming the usual causes.
pub(crate) fn describe_tls(err: &Tls) -> String {
    let text = match err {
        Tls::InvalidCertificate(cert) => return describe_certificate(cert),
        Tls::InappropriateMessage { .. } | Tls::InappropriateHandshakeMessage { .. } => {
            "the server sent a TLS message out of turn"
        }
        Tls::InvalidMessage(_) => {
            "the server did not answer in TLS (is the endpoint http://, not https://?)"
        }
        Tls::InvalidEncryptedClientHello(_) => "encrypted client hello (ECH) failed",
        Tls::NoCertificatesPresented => "the server presented no certificate",
        Tls::UnsupportedNameType => {
            "the host name is of a kind certificates cannot be checked against"
        }
        Tls::DecryptError => {
            "a TLS message could not be decrypted (the connection may have been tampered with)"
        }
        Tls::EncryptError => "a TLS message could not be encrypted",
        Tls::PeerIncompatible(_) => {
            "the server and ims have no TLS version, cipher suite or key exchange in common"
        }
        Tls::PeerMisbehaved(_) => "the server broke the TLS protocol",
        Tls::AlertReceived(alert) => {
            return format!(
                "the server ended the TLS handshake with the alert `{}`",
                alert
                    .as_str()
                    .map(words)
                    .unwrap_or_else(|| format!("number {}", alert.to_array()[0]))
            );
        }
        Tls::InvalidCertRevocationList(_) => "a certificate revocation list is invalid",
        Tls::General(what) => return format!("the TLS connection failed: {}", printable(what)),
        Tls::FailedToGetCurrentTime => "this machine's clock could not be read",
        Tls::FailedToGetRandomBytes => "the system gave no random numbers for TLS",
        Tls::HandshakeNotComplete => "the TLS handshake did not complete",
        Tls::PeerSentOversizedRecord => "the server sent an oversized TLS record",
        Tls::NoApplicationProtocol => "the server speaks no application protocol ims offers (ALPN)",
        Tls::BadMaxFragmentSize => "the TLS fragment size is out of range",
        Tls::InconsistentKeys(_) => "the client certificate and its key do not match",
        Tls::Other(other) => return describe_other(other),
        _ => "the TLS connection failed",
    };
    text.to_string()
}

/// Says why a server certificate was refused.
fn describe_certificate(err: &Cert) -> String {
    #[allow(deprecated)]
    let text = match err {
        Cert::UnknownIssuer => {
            "the certificate is not signed by a trusted CA (unknown issuer); add the CA with \
             --ca-file"
        }
        Cert::Expired => "the certificate has expired",
        Cert::ExpiredContext { time, not_after } => {
            return dated("the certificate has expired", "on", not_after, time);
        }
        Cert::NotValidYet => "the certificate is not valid yet (check this machine's clock)",
        Cert::NotValidYetContext { time, not_before } => {
            return dated("the certificate is not valid yet", "from", not_before, time);
        }
        Cert::NotValidForName => "the certificate is not valid for this host name",
        Cert::NotValidForNameContext { presented, .. } => {
            return format!(
                "the certificate is not valid for this host name ({})",
                names(presented)
            );
        }
        Cert::Revoked => "the certificate has been revoked",
        Cert::BadEncoding => "the certificate is malformed",
        Cert::UnhandledCriticalExtension => {
            "the certificate has a critical extension ims does not understand"
        }
        Cert::UnknownRevocationStatus => "the certificate's revocation status is unknown",
        Cert::ExpiredRevocationList | Cert::ExpiredRevocationListContext { .. } => {
            "the certificate revocation list has expired"
        }
        Cert::BadSignature => "the certificate's signature is not valid",
        Cert::UnsupportedSignatureAlgorithm
        | Cert::UnsupportedSignatureAlgorithmContext { .. }
        | Cert::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
            "the certificate is signed with an algorithm ims does not support"
        }
        Cert::InvalidPurpose | Cert::InvalidPurposeContext { .. } => {
            "the certificate is not meant for a TLS server (extended key usage)"
        }
        Cert::InvalidOcspResponse => "the server's OCSP response is not valid",
        Cert::ApplicationVerificationFailure => "the certificate failed ims's own checks",
        Cert::Other(other) => return describe_other(other),
        _ => "the certificate was refused",
    };
    text.to_string()
}

/// Says what a failure passed through from webpki (or another library) means.
fn describe_other(other: &rustls::OtherError) -> String {
    use webpki::Error as Pki;
    let Some(pki) = other.0.downcast_ref::<Pki>() else {
        return "the certificate check failed".to_string();
    };
    #[allow(deprecated)]
    let text = match pki {
        Pki::CaUsedAsEndEntity => {
            "the server's certificate is a CA certificate, not one for a server"
        }
        Pki::EndEntityUsedAsCa => {
            "a certificate that signs another in the chain is not a CA certificate"
        }
        Pki::PathLenConstraintViolated => "the certificate chain is longer than a CA in it allows",
        Pki::NameConstraintViolation => "the certificate names hosts its CA may not certify",
        Pki::MaximumNameConstraintComparisonsExceeded
        | Pki::MaximumPathBuildCallsExceeded
        | Pki::MaximumPathDepthExceeded
        | Pki::MaximumSignatureChecksExceeded => "the certificate chain is too complex to check",
        Pki::CertDistrusted => "the certificate is distrusted",
        Pki::UnsupportedCertVersion => "the certificate's X.509 version is not supported",
        Pki::UnsupportedCriticalExtension => {
            "the certificate has a critical extension ims does not understand"
        }
        Pki::UnsupportedNameType => "the certificate names hosts in a way ims cannot check",
        Pki::SignatureAlgorithmMismatch => {
            "the certificate's two signature algorithm fields disagree"
        }
        Pki::UnknownIssuer => {
            "the certificate is not signed by a trusted CA (unknown issuer); add the CA with \
             --ca-file"
        }
        Pki::CertExpired { .. } | Pki::InvalidCertValidity => "the certificate has expired",
        Pki::CertNotValidYet { .. } => {
            "the certificate is not valid yet (check this machine's clock)"
        }
        Pki::CertNotValidForName(_) => "the certificate is not valid for this host name",
        Pki::CertRevoked => "the certificate has been revoked",
        Pki::InvalidSignatureForPublicKey => "the certificate's signature is not valid",
        Pki::UnsupportedSignatureAlgorithm
        | Pki::UnsupportedSignatureAlgorithmContext(_)
        | Pki::UnsupportedSignatureAlgorithmForPublicKey
        | Pki::UnsupportedSignatureAlgorithmForPublicKeyContext(_) => {
            "the certificate is signed with an algorithm ims does not support"
        }
        Pki::RequiredEkuNotFound | Pki::RequiredEkuNotFoundContext(_) | Pki::EmptyEkuExtension => {
            "the certificate is not meant for a TLS server (extended key usage)"
        }
        Pki::BadDer
        | Pki::BadDerTime
        | Pki::TrailingData(_)
        | Pki::ExtensionValueInvalid
        | Pki::InvalidNetworkMaskConstraint
        | Pki::InvalidSerialNumber
        | Pki::MalformedDnsIdentifier
        | Pki::MalformedExtensions
        | Pki::MalformedNameConstraint => "the certificate is malformed",
        Pki::UnknownRevocationStatus => "the certificate's revocation status is unknown",
        Pki::CrlExpired { .. }
        | Pki::InvalidCrlNumber
        | Pki::InvalidCrlSignatureForPublicKey
        | Pki::IssuerNotCrlSigner
        | Pki::UnsupportedCrlIssuingDistributionPoint
        | Pki::UnsupportedCrlVersion
        | Pki::UnsupportedDeltaCrl
        | Pki::UnsupportedIndirectCrl
        | Pki::UnsupportedRevocationReason
        | Pki::UnsupportedRevocationReasonsPartitioning
        | Pki::UnsupportedCrlSignatureAlgorithm
        | Pki::UnsupportedCrlSignatureAlgorithmContext(_)
        | Pki::UnsupportedCrlSignatureAlgorithmForPublicKey
        | Pki::UnsupportedCrlSignatureAlgorithmForPublicKeyContext(_) => {
            "a certificate revocation list could not be used"
        }
        _ => "the certificate was refused",
    };
    text.to_string()
}

/// The names a certificate is for, as `it is for a, b`, from webpki's list (`DnsName("a")`,
/// `IpAddress(127.0.0.1)`); escaped, as they come from the server.
fn names(presented: &[String]) -> String {
    let plain: Vec<String> = presented
        .iter()
        .filter_map(|name| {
            let (kind, rest) = name.split_once('(')?;
            let inner = rest.strip_suffix(')')?.trim_matches('"');
            matches!(kind, "DnsName" | "IpAddress" | "UniformResourceIdentifier")
                .then(|| printable(inner).into_owned())
        })
        .collect();
    match plain.len() {
        0 => "it names no host".to_string(),
        n if n <= NAMES_SHOWN => format!("it is for {}", plain.join(", ")),
        n => format!(
            "it is for {} and {} more",
            plain[..NAMES_SHOWN].join(", "),
            n - NAMES_SHOWN
        ),
    }
}

/// `what` happened `since` (`on` or `from`) the day `at`, next to the day this machine's
/// clock says it is, `now`: a wrong clock is a common cause.
fn dated(what: &str, since: &str, at: &UnixTime, now: &UnixTime) -> String {
    format!(
        "{what} ({since} {}; this machine's clock says {})",
        day(at),
        day(now)
    )
}

/// The calendar day (UTC) of a certificate time.
fn day(time: &UnixTime) -> String {
    i64::try_from(time.as_secs())
        .ok()
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map_or_else(
            || "an unknown day".to_string(),
            |when| when.strftime("%Y-%m-%d").to_string(),
        )
}

/// `HandshakeFailure` as `handshake failure`, `UnknownCA` as `unknown CA`.
fn words(camel: &str) -> String {
    let chars: Vec<char> = camel.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let starts_word = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase() || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        if starts_word {
            out.push(' ');
        }
        let in_acronym = c.is_uppercase()
            && (prev.is_some_and(char::is_uppercase) || next.is_some_and(char::is_uppercase))
            && !next.is_some_and(char::is_lowercase);
        match in_acronym {
            true => out.push(c),
            false => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::{
        AlertDescription, CertRevocationListError, EncryptedClientHelloError, InconsistentKeys,
        InvalidMessage, OtherError, PeerIncompatible, PeerMisbehaved,
    };
    use std::sync::Arc;

    /// No Rust debug output: no enum variant names, no struct syntax.
    fn assert_words(text: &str) {
        assert!(!text.is_empty());
        for marker in ["(Other", "Error(", "Context", "{", "::"] {
            assert!(!text.contains(marker), "{text}");
        }
        let first = text.chars().next().unwrap();
        assert!(first.is_lowercase(), "{text}");
    }

    #[test]
    fn every_tls_error_is_said_in_words() {
        let other = |e: webpki::Error| OtherError(Arc::new(e));
        let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_700_000_000));
        #[allow(deprecated)]
        let certificates = vec![
            Cert::BadEncoding,
            Cert::Expired,
            Cert::ExpiredContext {
                time,
                not_after: time,
            },
            Cert::NotValidYet,
            Cert::NotValidYetContext {
                time,
                not_before: time,
            },
            Cert::Revoked,
            Cert::UnhandledCriticalExtension,
            Cert::UnknownIssuer,
            Cert::UnknownRevocationStatus,
            Cert::ExpiredRevocationList,
            Cert::ExpiredRevocationListContext {
                time,
                next_update: time,
            },
            Cert::BadSignature,
            Cert::UnsupportedSignatureAlgorithm,
            Cert::UnsupportedSignatureAlgorithmContext {
                signature_algorithm_id: vec![1],
                supported_algorithms: vec![],
            },
            Cert::UnsupportedSignatureAlgorithmForPublicKeyContext {
                signature_algorithm_id: vec![1],
                public_key_algorithm_id: vec![2],
            },
            Cert::NotValidForName,
            Cert::NotValidForNameContext {
                expected: rustls::pki_types::ServerName::try_from("a.example")
                    .unwrap()
                    .to_owned(),
                presented: vec!["DnsName(\"b.example\")".into()],
            },
            Cert::InvalidPurpose,
            Cert::InvalidOcspResponse,
            Cert::ApplicationVerificationFailure,
            Cert::Other(other(webpki::Error::CaUsedAsEndEntity)),
            Cert::Other(other(webpki::Error::EndEntityUsedAsCa)),
            Cert::Other(other(webpki::Error::NameConstraintViolation)),
            Cert::Other(other(webpki::Error::MaximumPathDepthExceeded)),
            Cert::Other(other(webpki::Error::UnsupportedCrlVersion)),
            Cert::Other(OtherError(Arc::new(std::io::Error::other("x")))),
        ];
        let mut errors: Vec<Tls> = certificates
            .into_iter()
            .map(Tls::InvalidCertificate)
            .collect();
        errors.extend([
            Tls::InappropriateMessage {
                expect_types: vec![],
                got_type: rustls::ContentType::Alert,
            },
            Tls::InappropriateHandshakeMessage {
                expect_types: vec![],
                got_type: rustls::HandshakeType::Finished,
            },
            Tls::InvalidEncryptedClientHello(EncryptedClientHelloError::InvalidConfigList),
            Tls::InvalidMessage(InvalidMessage::InvalidContentType),
            Tls::NoCertificatesPresented,
            Tls::UnsupportedNameType,
            Tls::DecryptError,
            Tls::EncryptError,
            Tls::PeerIncompatible(PeerIncompatible::NoCipherSuitesInCommon),
            Tls::PeerMisbehaved(PeerMisbehaved::TooManyEmptyFragments),
            Tls::AlertReceived(AlertDescription::HandshakeFailure),
            Tls::AlertReceived(AlertDescription::Unknown(250)),
            Tls::InvalidCertRevocationList(CertRevocationListError::BadSignature),
            Tls::General("oops".into()),
            Tls::FailedToGetCurrentTime,
            Tls::FailedToGetRandomBytes,
            Tls::HandshakeNotComplete,
            Tls::PeerSentOversizedRecord,
            Tls::NoApplicationProtocol,
            Tls::BadMaxFragmentSize,
            Tls::InconsistentKeys(InconsistentKeys::KeyMismatch),
            Tls::Other(OtherError(Arc::new(std::io::Error::other("x")))),
        ]);
        for err in &errors {
            assert_words(&describe_tls(err));
        }
    }

    #[test]
    fn telling_details_are_kept() {
        let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_700_000_000));
        let before = UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_609_459_200));
        assert_eq!(
            describe_tls(&Tls::InvalidCertificate(Cert::ExpiredContext {
                time,
                not_after: before
            })),
            "the certificate has expired (on 2021-01-01; this machine's clock says 2023-11-14)"
        );
        assert_eq!(
            describe_tls(&Tls::InvalidCertificate(Cert::NotValidYetContext {
                time: before,
                not_before: time
            })),
            "the certificate is not valid yet (from 2023-11-14; this machine's clock says 2021-01-01)"
        );
        assert_eq!(
            describe_tls(&Tls::AlertReceived(AlertDescription::HandshakeFailure)),
            "the server ended the TLS handshake with the alert `handshake failure`"
        );
        assert_eq!(
            describe_tls(&Tls::AlertReceived(AlertDescription::Unknown(250))),
            "the server ended the TLS handshake with the alert `number 250`"
        );
        assert_eq!(
            names(&[
                "DnsName(\"a.example\")".into(),
                "IpAddress(10.0.0.1)".into(),
                "DirectoryName".into(),
                "DnsName(\"evil\u{1b}[2J\")".into(),
            ]),
            "it is for a.example, 10.0.0.1, evil\\u{1b}[2J"
        );
        assert_eq!(names(&[]), "it names no host");
        let many: Vec<String> = (0..8).map(|n| format!("DnsName(\"h{n}\")")).collect();
        assert_eq!(names(&many), "it is for h0, h1, h2, h3, h4 and 3 more");
    }

    #[test]
    fn camel_case_reads_as_words() {
        for (name, read) in [
            ("HandshakeFailure", "handshake failure"),
            ("UnknownCA", "unknown CA"),
            ("UnknownPSKIdentity", "unknown PSK identity"),
            ("BadRecordMac", "bad record mac"),
            ("CloseNotify", "close notify"),
        ] {
            assert_eq!(words(name), read);
        }
    }
}
