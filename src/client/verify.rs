//! The server certificate check. As rustls does it: a chain to a trusted root, in its
//! validity period, valid for the host name. And as curl and the Python clients do it: a
//! certificate given itself with `--ca-file` (a self-signed one, which `openssl req -x509`
//! marks `CA:TRUE`, so that webpki refuses it as a server's) is accepted when the server
//! presents exactly that certificate, it is in its validity period and it is valid for the
//! host name. Nothing else is relaxed.

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{verify_server_cert_signed_by_trust_anchor, verify_server_name};
use rustls::crypto::{WebPkiSupportedAlgorithms, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::server::ParsedCertificate;
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

/// Checks server certificates against the trusted roots, and accepts a certificate that
/// `--ca-file` holds itself (see the module documentation).
#[derive(Debug)]
pub(crate) struct Verifier {
    /// The trusted roots: the system store and `--ca-file`.
    roots: Arc<RootCertStore>,
    /// The certificates of `--ca-file`, as given.
    given: Vec<CertificateDer<'static>>,
    /// The signature algorithms of the crypto provider.
    algorithms: WebPkiSupportedAlgorithms,
}

impl Verifier {
    /// A verifier trusting `roots`, and `given` (from `--ca-file`) as server certificates.
    pub(crate) fn new(
        roots: RootCertStore,
        given: Vec<CertificateDer<'static>>,
        algorithms: WebPkiSupportedAlgorithms,
    ) -> Verifier {
        Verifier {
            roots: Arc::new(roots),
            given,
            algorithms,
        }
    }
}

impl ServerCertVerifier for Verifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let cert = ParsedCertificate::try_from(end_entity)?;
        let chained = verify_server_cert_signed_by_trust_anchor(
            &cert,
            &self.roots,
            intermediates,
            now,
            self.algorithms.all,
        );
        if let Err(refused) = chained {
            if !self
                .given
                .iter()
                .any(|given| given.as_ref() == end_entity.as_ref())
            {
                return Err(untrusted(refused, end_entity));
            }
            check_validity(end_entity, now)?;
        }
        verify_server_name(&cert, server_name)?;
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// Accepts every certificate and signature (`--insecure`), as ureq's own switch does.
#[derive(Debug)]
pub(crate) struct Unverified;

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn verify_tls13_signature(
        &self,
        _message: &[u8],
        _cert: &CertificateDer<'_>,
        _dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        vec![
            SignatureScheme::RSA_PKCS1_SHA1,
            SignatureScheme::RSA_PKCS1_SHA256,
            SignatureScheme::RSA_PKCS1_SHA384,
            SignatureScheme::RSA_PKCS1_SHA512,
            SignatureScheme::ECDSA_NISTP256_SHA256,
            SignatureScheme::ECDSA_NISTP384_SHA384,
            SignatureScheme::ECDSA_NISTP521_SHA512,
            SignatureScheme::RSA_PSS_SHA256,
            SignatureScheme::RSA_PSS_SHA384,
            SignatureScheme::RSA_PSS_SHA512,
            SignatureScheme::ED25519,
            SignatureScheme::ED448,
        ]
    }
}

/// The refusal of a certificate not given with `--ca-file`: a self-signed one that webpki
/// refuses for being a CA is, to the user, one no trusted CA signed.
fn untrusted(refused: rustls::Error, der: &[u8]) -> rustls::Error {
    let ca_as_server = matches!(
        &refused,
        rustls::Error::InvalidCertificate(CertificateError::Other(other))
            if matches!(
                other.0.downcast_ref::<webpki::Error>(),
                Some(webpki::Error::CaUsedAsEndEntity)
            )
    );
    let self_signed = fields(der).is_some_and(|f| f.issuer == f.subject);
    match ca_as_server && self_signed {
        true => CertificateError::UnknownIssuer.into(),
        false => refused,
    }
}

/// Refuses a certificate outside its validity period at `now`.
fn check_validity(der: &[u8], now: UnixTime) -> Result<(), rustls::Error> {
    let (not_before, not_after) = validity(der).ok_or(CertificateError::BadEncoding)?;
    let at = |secs: u64| UnixTime::since_unix_epoch(std::time::Duration::from_secs(secs));
    if now.as_secs() < not_before {
        return Err(CertificateError::NotValidYetContext {
            time: now,
            not_before: at(not_before),
        }
        .into());
    }
    if now.as_secs() > not_after {
        return Err(CertificateError::ExpiredContext {
            time: now,
            not_after: at(not_after),
        }
        .into());
    }
    Ok(())
}

/// The parts of a certificate's DER that ims reads.
struct Fields<'a> {
    /// The issuer's name, DER.
    issuer: &'a [u8],
    /// The validity period, DER.
    period: &'a [u8],
    /// The subject's name, DER.
    subject: &'a [u8],
}

/// The issuer, validity and subject of a certificate (RFC 5280 §4.1); `None` when `der`
/// is not a certificate.
fn fields(der: &[u8]) -> Option<Fields<'_>> {
    let (certificate, _) = element(der, SEQUENCE)?;
    let (tbs, _) = element(certificate, SEQUENCE)?;
    let mut rest = tbs;
    if rest.first() == Some(&VERSION) {
        rest = element(rest, VERSION)?.1;
    }
    for _serial_and_signature in 0..2 {
        rest = skip(rest)?;
    }
    let (issuer, rest) = element(rest, SEQUENCE)?;
    let (period, rest) = element(rest, SEQUENCE)?;
    let (subject, _) = element(rest, SEQUENCE)?;
    Some(Fields {
        issuer,
        period,
        subject,
    })
}

/// A certificate's validity period (`notBefore`, `notAfter`) in seconds since 1970 (an
/// earlier time counts as 1970), read from its DER; `None` when it is not a certificate.
fn validity(der: &[u8]) -> Option<(u64, u64)> {
    let period = fields(der)?.period;
    let (not_before, rest) = time(period)?;
    let (not_after, _) = time(rest)?;
    Some((not_before, not_after))
}

/// DER tag of a SEQUENCE.
const SEQUENCE: u8 = 0x30;
/// DER tag of the explicit `[0]` version of a certificate.
const VERSION: u8 = 0xA0;
/// DER tag of a UTCTime.
const UTC_TIME: u8 = 0x17;
/// DER tag of a GeneralizedTime.
const GENERALIZED_TIME: u8 = 0x18;

/// The contents of the DER element at the start of `input` if its tag is `tag`, and what
/// follows it.
fn element(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    if *input.first()? != tag {
        return None;
    }
    contents(input)
}

/// Whatever follows the DER element at the start of `input`.
fn skip(input: &[u8]) -> Option<&[u8]> {
    contents(input).map(|(_, rest)| rest)
}

/// The contents of the DER element at the start of `input` (any tag), and what follows.
fn contents(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let first = *input.get(1)?;
    let (length, header) = match first {
        short if short < 0x80 => (usize::from(short), 2),
        long => {
            let count = usize::from(long & 0x7f);
            if count == 0 || count > 4 {
                return None;
            }
            let bytes = input.get(2..2 + count)?;
            let length = bytes
                .iter()
                .fold(0usize, |sum, byte| (sum << 8) | usize::from(*byte));
            (length, 2 + count)
        }
    };
    let end = header.checked_add(length)?;
    Some((input.get(header..end)?, input.get(end..)?))
}

/// The UTCTime or GeneralizedTime at the start of `input` (`Z` form, as RFC 5280 asks) in
/// seconds since 1970, and what follows.
fn time(input: &[u8]) -> Option<(u64, &[u8])> {
    let tag = *input.first()?;
    let (text, rest) = contents(input)?;
    let text = std::str::from_utf8(text).ok()?;
    let digits = text.strip_suffix('Z')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest_digits) = match (tag, digits.len()) {
        (UTC_TIME, 12) => {
            let yy: i16 = digits[..2].parse().ok()?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, &digits[2..])
        }
        (GENERALIZED_TIME, 14) => (digits[..4].parse().ok()?, &digits[4..]),
        _ => return None,
    };
    let field = |at: usize| rest_digits.get(at..at + 2)?.parse::<i8>().ok();
    let date = jiff::civil::Date::new(year, field(0)?, field(2)?).ok()?;
    let clock = jiff::civil::Time::new(field(4)?, field(6)?, field(8)?, 0).ok()?;
    let stamp = jiff::tz::TimeZone::UTC
        .to_timestamp(date.to_datetime(clock))
        .ok()?;
    Some((u64::try_from(stamp.as_second()).unwrap_or(0), rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair, date_time_ymd};

    fn self_signed(names: &[&str], from: (i32, u8, u8), to: (i32, u8, u8)) -> Vec<u8> {
        let key = KeyPair::generate().unwrap();
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.not_before = date_time_ymd(from.0, from.1, from.2);
        params.not_after = date_time_ymd(to.0, to.1, to.2);
        params.self_signed(&key).unwrap().der().to_vec()
    }

    fn at(year: i16, month: i8, day: i8) -> UnixTime {
        let secs = jiff::tz::TimeZone::UTC
            .to_timestamp(jiff::civil::date(year, month, day).at(0, 0, 0, 0))
            .unwrap()
            .as_second();
        UnixTime::since_unix_epoch(std::time::Duration::from_secs(secs as u64))
    }

    fn verifier(given: &[&[u8]]) -> Verifier {
        let given: Vec<CertificateDer<'static>> = given
            .iter()
            .map(|der| CertificateDer::from(der.to_vec()))
            .collect();
        let mut roots = RootCertStore::empty();
        roots.add_parsable_certificates(given.iter().cloned());
        let provider = rustls::crypto::ring::default_provider();
        Verifier::new(roots, given, provider.signature_verification_algorithms)
    }

    fn check(verifier: &Verifier, der: &[u8], host: &str, now: UnixTime) -> Result<(), String> {
        let name = ServerName::try_from(host).unwrap();
        verifier
            .verify_server_cert(&CertificateDer::from(der), &[], &name, &[], now)
            .map(|_| ())
            .map_err(|err| format!("{err:?}"))
    }

    #[test]
    fn reads_validity_of_utc_and_generalized_times() {
        let der = self_signed(&["h"], (2020, 1, 1), (2030, 6, 30));
        assert_eq!(
            validity(&der),
            Some((at(2020, 1, 1).as_secs(), at(2030, 6, 30).as_secs()))
        );
        // Past 2049, RFC 5280 asks for GeneralizedTime.
        let der = self_signed(&["h"], (1960, 1, 1), (2100, 1, 1));
        assert_eq!(validity(&der), Some((0, at(2100, 1, 1).as_secs())));
        assert_eq!(validity(b"\x30\x03\x02\x01\x01"), None);
        assert_eq!(validity(b""), None);
    }

    #[test]
    fn a_given_self_signed_ca_certificate_is_accepted_for_its_host_in_its_time() {
        let der = self_signed(&["127.0.0.1", "h.example"], (2020, 1, 1), (2030, 1, 1));
        let trusting = verifier(&[&der]);
        let now = at(2025, 1, 1);
        assert_eq!(check(&trusting, &der, "127.0.0.1", now), Ok(()));
        assert_eq!(check(&trusting, &der, "h.example", now), Ok(()));
        let wrong = check(&trusting, &der, "other.example", now).unwrap_err();
        assert!(wrong.contains("NotValidForName"), "{wrong}");
        let late = check(&trusting, &der, "h.example", at(2031, 1, 1)).unwrap_err();
        assert!(late.contains("Expired"), "{late}");
        let early = check(&trusting, &der, "h.example", at(2019, 1, 1)).unwrap_err();
        assert!(early.contains("NotValidYet"), "{early}");
    }

    #[test]
    fn a_ca_certificate_not_given_itself_is_still_refused() {
        let der = self_signed(&["h.example"], (2020, 1, 1), (2030, 1, 1));
        let other = self_signed(&["h.example"], (2020, 1, 1), (2030, 1, 1));
        let refused = check(&verifier(&[&other]), &der, "h.example", at(2025, 1, 1));
        assert_eq!(refused.unwrap_err(), "InvalidCertificate(UnknownIssuer)");
        let refused = check(&verifier(&[]), &der, "h.example", at(2025, 1, 1));
        assert_eq!(refused.unwrap_err(), "InvalidCertificate(UnknownIssuer)");
        let late = check(&verifier(&[]), &der, "h.example", at(2031, 1, 1)).unwrap_err();
        assert!(late.contains("Expired"), "{late}");
    }

    #[test]
    fn reads_issuer_and_subject() {
        let der = self_signed(&["h"], (2020, 1, 1), (2030, 1, 1));
        let f = fields(&der).unwrap();
        assert_eq!(f.issuer, f.subject);
        assert!(!f.issuer.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn validity_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let _ = validity(&bytes);
        }
    }
}
