//! TLS for https endpoints: which certificates are trusted (the system store and a PEM
//! bundle from `--ca-file`, or none with `--insecure`), made into the rustls configuration
//! the https connections use.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::danger::ServerCertVerifier;
use rustls::pki_types::CertificateDer;
use rustls::{ClientConfig, RootCertStore};

use super::verify::{Unverified, Verifier};
use crate::error::{Error, ErrorKind};

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

/// The rustls configuration of https connections: TLS 1.2 and 1.3 with ring, and the
/// certificate check `tls` asks for. A CA file that cannot be read is exit 3.
pub(crate) fn client_config(tls: &Tls) -> Result<Arc<ClientConfig>, Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier: Arc<dyn ServerCertVerifier> = match tls {
        Tls::Insecure => Arc::new(Unverified),
        Tls::Verify { extra_ca } => {
            let given = match extra_ca {
                Some(path) => read_ca_file(path)?,
                None => Vec::new(),
            };
            let mut roots = RootCertStore::empty();
            roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
            roots.add_parsable_certificates(given.iter().cloned());
            Arc::new(Verifier::new(
                roots,
                given,
                provider.signature_verification_algorithms,
            ))
        }
    };
    let config = ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(rustls::ALL_VERSIONS)
        .map_err(|err| Error::new(ErrorKind::Unexpected, format!("TLS setup failed: {err}")))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The certificates of a PEM bundle (other PEM items are skipped); none is exit 3.
fn read_ca_file(path: &Path) -> Result<Vec<CertificateDer<'static>>, Error> {
    let pem = crate::files::read_small(path)
        .map_err(|err| Error::config(format!("cannot read CA file {}: {err}", path.display())))?;
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(cert)) => {
                certs.push(CertificateDer::from(cert.der().to_vec()));
            }
            Ok(_) => {}
            Err(err) => {
                return Err(Error::config(format!(
                    "CA file {} is not a PEM bundle: {err}",
                    path.display()
                )));
            }
        }
    }
    if certs.is_empty() {
        return Err(Error::config(format!(
            "CA file {} holds no PEM certificate",
            path.display()
        )));
    }
    Ok(certs)
}
