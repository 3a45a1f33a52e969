//! TLS for https endpoints: which certificates are trusted (the system store, a PEM bundle
//! from `--ca-file`, or none with `--insecure`) and a handshake failure said for people.

use std::path::PathBuf;

use crate::error::Error;

/// Which certificates an https endpoint must chain to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tls {
    /// The system trust store, plus the PEM bundle at `extra_ca` when given.
    Verify {
        /// A PEM bundle of extra trusted roots.
        extra_ca: Option<PathBuf>,
    },
    /// No verification at all (`--insecure`).
    Insecure,
}

/// The TLS failure inside an I/O error, described for people.
pub(crate) fn tls_cause(io: &std::io::Error) -> Option<String> {
    io.get_ref()?
        .downcast_ref::<rustls::Error>()
        .map(describe_tls)
}

/// Says why a TLS handshake failed, naming the usual causes.
pub(crate) fn describe_tls(err: &rustls::Error) -> String {
    use rustls::CertificateError as Cert;
    match err {
        rustls::Error::InvalidCertificate(cert) => match cert {
            Cert::UnknownIssuer => "the certificate is not signed by a trusted CA (unknown \
                issuer); add the CA with --ca-file"
                .to_string(),
            Cert::Expired | Cert::ExpiredContext { .. } => {
                "the certificate has expired".to_string()
            }
            Cert::NotValidYet | Cert::NotValidYetContext { .. } => {
                "the certificate is not valid yet (check this machine's clock)".to_string()
            }
            Cert::NotValidForName | Cert::NotValidForNameContext { .. } => {
                "the certificate is not valid for this host name".to_string()
            }
            Cert::Revoked => "the certificate has been revoked".to_string(),
            other => format!("invalid certificate: {other:?}"),
        },
        other => other.to_string(),
    }
}

/// The TLS settings for https endpoints: the system trust store plus an optional PEM
/// bundle, or no verification.
pub(crate) fn tls_config(tls: &Tls) -> Result<ureq::tls::TlsConfig, Error> {
    use ureq::tls::{Certificate, RootCerts, TlsConfig};
    let extra_ca = match tls {
        Tls::Insecure => {
            return Ok(TlsConfig::builder().disable_verification(true).build());
        }
        Tls::Verify { extra_ca } => extra_ca,
    };
    let native = rustls_native_certs::load_native_certs();
    let mut roots: Vec<Certificate<'static>> = native
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect();
    if let Some(path) = extra_ca {
        let pem = std::fs::read(path).map_err(|err| {
            Error::config(format!("cannot read CA file {}: {err}", path.display()))
        })?;
        let before = roots.len();
        for item in ureq::tls::parse_pem(&pem) {
            match item {
                Ok(ureq::tls::PemItem::Certificate(cert)) => roots.push(cert),
                Ok(_) => {}
                Err(err) => {
                    return Err(Error::config(format!(
                        "CA file {} is not a PEM bundle: {err}",
                        path.display()
                    )));
                }
            }
        }
        if roots.len() == before {
            return Err(Error::config(format!(
                "CA file {} holds no PEM certificate",
                path.display()
            )));
        }
    }
    Ok(TlsConfig::builder()
        .root_certs(RootCerts::new_with_certs(&roots))
        .build())
}
