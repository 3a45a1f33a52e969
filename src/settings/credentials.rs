//! Credential settings: which credential the settings select (a token, an AK/SK pair or a
//! Keystone sign-in) before any file is read or command run, and the precedence rules
//! between them.

use std::path::PathBuf;

use super::file::{Profile, expand_tilde};
use super::source::{Source, Sourced};
use crate::error::Error;
use crate::secret::Secret;

/// The message for a missing credential.
pub(crate) const NO_CREDENTIAL: &str = "no credential: set --token or IMS_TOKEN, IMS_ACCESS_KEY \
    and IMS_SECRET_KEY, token / token_file / token_command / access_key and secret_key in a \
    profile, or sign in with --os-cloud, OS_* variables or Keystone keys in a profile";

/// The message for AK/SK signing (access key from `source`) without a project ID.
pub(crate) fn aksk_needs_project_id(source: &Source) -> String {
    format!(
        "AK/SK signing (access key from {source}) needs a project ID for X-Project-Id: \
         set --project-id, IMS_PROJECT_ID or project_id in the profile"
    )
}

/// Where the token comes from, before it is read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TokenSource {
    /// The token itself.
    Literal(Secret),
    /// A file whose trimmed content is the token.
    File(PathBuf),
    /// A shell command whose trimmed stdout is the token.
    Command(String),
}

/// The credential the settings select, before any file is read or command run.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CredentialSettings {
    /// A token, from wherever it is read.
    Token(Sourced<TokenSource>),
    /// An access key pair for `SDK-HMAC-SHA256` signing.
    AkSk(AkSkSettings),
    /// A Keystone v3 sign-in.
    Keystone(Box<KeystoneSettings>),
}

/// Where a password comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PasswordSource {
    /// The password itself.
    Literal(Secret),
    /// A shell command whose trimmed stdout is the password.
    Command(String),
}

/// Keystone v3 sign-in settings, each with its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct KeystoneSettings {
    /// Identity endpoint, e.g. `https://iam.eu-de.otc.t-systems.com/v3`.
    pub(crate) auth_url: Option<Sourced<String>>,
    /// `password`, `v3applicationcredential` or `token` (aliases accepted).
    pub(crate) auth_type: Option<Sourced<String>>,
    /// User name (with a user domain).
    pub(crate) username: Option<Sourced<String>>,
    /// User ID.
    pub(crate) user_id: Option<Sourced<String>>,
    /// Password.
    pub(crate) password: Option<Sourced<PasswordSource>>,
    /// The user's domain by name.
    pub(crate) user_domain_name: Option<Sourced<String>>,
    /// The user's domain by ID.
    pub(crate) user_domain_id: Option<Sourced<String>>,
    /// The project to scope to, by name (with a project domain).
    pub(crate) project_name: Option<Sourced<String>>,
    /// The project to scope to, by ID.
    pub(crate) project_id: Option<Sourced<String>>,
    /// The project's domain by name.
    pub(crate) project_domain_name: Option<Sourced<String>>,
    /// The project's domain by ID.
    pub(crate) project_domain_id: Option<Sourced<String>>,
    /// Application credential ID.
    pub(crate) application_credential_id: Option<Sourced<String>>,
    /// Application credential name (with the user).
    pub(crate) application_credential_name: Option<Sourced<String>>,
    /// Application credential secret.
    pub(crate) application_credential_secret: Option<Sourced<Secret>>,
    /// A token to rescope (auth type `token`).
    pub(crate) token: Option<Sourced<Secret>>,
    /// Region of the image endpoint in the catalog.
    pub(crate) region: Option<Sourced<String>>,
    /// Interface of the image endpoint in the catalog (`public` by default).
    pub(crate) interface: Option<Sourced<String>>,
}

impl KeystoneSettings {
    /// The precedence level of the sign-in: that of its highest-ranked credential field;
    /// `None` when nothing says to sign in.
    fn rank(&self) -> Option<u8> {
        [
            self.auth_url.as_ref().map(|v| &v.source),
            self.username.as_ref().map(|v| &v.source),
            self.user_id.as_ref().map(|v| &v.source),
            self.password.as_ref().map(|v| &v.source),
            self.application_credential_id.as_ref().map(|v| &v.source),
            self.application_credential_name.as_ref().map(|v| &v.source),
            self.application_credential_secret
                .as_ref()
                .map(|v| &v.source),
            self.token.as_ref().map(|v| &v.source),
        ]
        .into_iter()
        .flatten()
        .map(Source::rank)
        .min()
    }
}

/// AK/SK settings, each with its source.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AkSkSettings {
    /// The access key ID.
    pub(crate) access_key: Sourced<String>,
    /// The secret key.
    pub(crate) secret_key: Sourced<Secret>,
    /// The security token of temporary credentials.
    pub(crate) security_token: Option<Sourced<Secret>>,
}

/// Picks the credential: a ready one (token or AK/SK) or a Keystone sign-in, whichever is
/// set at the higher level; both at the same level is an error.
pub(crate) fn choose_credential(
    token: Option<Sourced<TokenSource>>,
    access_key: Option<Sourced<String>>,
    secret_key: Option<Sourced<Secret>>,
    security_token: Option<Sourced<Secret>>,
    keystone: KeystoneSettings,
) -> Result<Option<CredentialSettings>, Error> {
    let ready = choose_ready_credential(token, access_key, secret_key, security_token)?;
    let Some(keystone_rank) = keystone.rank() else {
        return Ok(ready);
    };
    let ready_rank = ready.as_ref().map(|credential| match credential {
        CredentialSettings::Token(token) => (token.source.rank(), token.source.to_string()),
        CredentialSettings::AkSk(aksk) => (
            aksk.access_key
                .source
                .rank()
                .min(aksk.secret_key.source.rank()),
            aksk.access_key.source.to_string(),
        ),
        CredentialSettings::Keystone(_) => (u8::MAX, String::new()),
    });
    match ready_rank {
        Some((rank, _)) if rank < keystone_rank => Ok(ready),
        Some((rank, source)) if rank == keystone_rank => Err(Error::config(format!(
            "both a ready credential (from {source}) and a Keystone sign-in are set at the same \
             level; keep one"
        ))),
        _ => Ok(Some(CredentialSettings::Keystone(Box::new(keystone)))),
    }
}

/// Picks the token or the AK/SK pair: the one set at the higher level wins; both at the
/// same level is an error, and so is half an AK/SK pair.
fn choose_ready_credential(
    token: Option<Sourced<TokenSource>>,
    access_key: Option<Sourced<String>>,
    secret_key: Option<Sourced<Secret>>,
    security_token: Option<Sourced<Secret>>,
) -> Result<Option<CredentialSettings>, Error> {
    let aksk_rank = [
        access_key.as_ref().map(|v| v.source.rank()),
        secret_key.as_ref().map(|v| v.source.rank()),
    ]
    .into_iter()
    .flatten()
    .min();
    let (Some(aksk_rank), token) = (aksk_rank, token.clone()) else {
        return Ok(token.map(CredentialSettings::Token));
    };
    if let Some(token) = token {
        let token_rank = token.source.rank();
        if token_rank < aksk_rank {
            return Ok(Some(CredentialSettings::Token(token)));
        }
        if token_rank == aksk_rank {
            let aksk_source = access_key
                .as_ref()
                .map(|v| &v.source)
                .or(secret_key.as_ref().map(|v| &v.source))
                .map_or(String::new(), ToString::to_string);
            return Err(Error::config(format!(
                "both a token (from {}) and an access key pair (from {aksk_source}) are set at \
                 the same level; keep one",
                token.source
            )));
        }
    }
    match (access_key, secret_key) {
        (Some(access_key), Some(secret_key)) => Ok(Some(CredentialSettings::AkSk(AkSkSettings {
            access_key,
            secret_key,
            security_token,
        }))),
        (Some(access_key), None) => Err(Error::config(format!(
            "access_key (from {}) is set but no secret key: set IMS_SECRET_KEY, \
             HUAWEICLOUD_SDK_SK or secret_key in the profile",
            access_key.source
        ))),
        (None, Some(secret_key)) => Err(Error::config(format!(
            "secret_key (from {}) is set but no access key: set IMS_ACCESS_KEY, \
             HUAWEICLOUD_SDK_AK or access_key in the profile",
            secret_key.source
        ))),
        (None, None) => Ok(None),
    }
}

/// The profile's token source: at most one of `token`, `token_file`, `token_command`.
pub(crate) fn profile_token(
    profile: &Profile,
    source: &Source,
) -> Result<Option<TokenSource>, Error> {
    let mut found = Vec::new();
    if let Some(token) = &profile.token {
        found.push(("token", TokenSource::Literal(token.clone())));
    }
    if let Some(path) = &profile.token_file {
        found.push(("token_file", TokenSource::File(expand_tilde(path))));
    }
    if let Some(command) = &profile.token_command {
        found.push(("token_command", TokenSource::Command(command.clone())));
    }
    if found.len() > 1 {
        let keys: Vec<&str> = found.iter().map(|(key, _)| *key).collect();
        return Err(Error::config(format!(
            "{source}: set only one of token, token_file, token_command (found {})",
            keys.join(", ")
        )));
    }
    Ok(found.pop().map(|(_, token)| token))
}
