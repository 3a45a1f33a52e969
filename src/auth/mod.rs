//! Credentials: where a token is read from, how a credential authorises a request (a token
//! header or an `SDK-HMAC-SHA256` signature), and the Keystone sign-in with its cache.

pub(crate) mod cache;
pub(crate) mod keystone;
mod secret_input;
pub(crate) mod signer;

use std::io::Read;
use std::sync::Mutex;

use serde::de::DeserializeOwned;

use crate::cli::Timeout;
use crate::client::{Authorize, Client, Header, Outgoing};
use crate::error::{Error, diag, warn};
use crate::model::{BodyError, read_json};
use crate::secret::Secret;
use crate::settings::credentials::{NO_CREDENTIAL, aksk_needs_project_id};
use crate::settings::{CredentialSettings, Settings, Source, Sourced};
use cache::TokenCache;
use keystone::{Identity, SignedIn};
use secret_input::read_token;

/// A ready-to-use credential.
#[derive(Debug, Clone)]
pub(crate) enum Credential {
    /// A token sent as `X-Auth-Token`.
    Token(Secret),
    /// An access key pair: every request is signed.
    AkSk {
        /// The access key ID.
        access_key: String,
        /// The secret key.
        secret_key: Secret,
        /// The security token of temporary credentials.
        security_token: Option<Secret>,
        /// Sent (and signed) as `X-Project-Id`.
        project_id: String,
    },
}

impl Credential {
    /// Reads the ready credential the settings select: the token itself, a token file,
    /// the output of a token command (which may run for `limit`), or the AK/SK pair (which
    /// needs `project_id`). Every value that goes into a header is checked here, so that a
    /// pasted line break is a configuration error naming the setting. A Keystone sign-in
    /// is not ready: the [`Authorizer`] does it.
    pub(crate) fn from_settings(
        credential: Option<&CredentialSettings>,
        project_id: Option<&Sourced<String>>,
        limit: &Sourced<Timeout>,
    ) -> Result<Credential, Error> {
        match credential {
            None | Some(CredentialSettings::Keystone(_)) => Err(Error::config(NO_CREDENTIAL)),
            Some(CredentialSettings::Token(token)) => {
                read_token(token, limit).map(Credential::Token)
            }
            Some(CredentialSettings::AkSk(aksk)) => {
                let Some(project_id) = project_id else {
                    return Err(Error::config(aksk_needs_project_id(
                        &aksk.access_key.source,
                    )));
                };
                let access_key = aksk.access_key.value.trim();
                header_safe("access key", access_key, &aksk.access_key.source)?;
                header_safe("project ID", &project_id.value, &project_id.source)?;
                let security_token = match &aksk.security_token {
                    Some(token) => {
                        let value = token.value.expose().trim();
                        header_safe("security token", value, &token.source)?;
                        Some(Secret::masked(value))
                    }
                    None => None,
                };
                Ok(Credential::AkSk {
                    access_key: access_key.to_string(),
                    secret_key: aksk.secret_key.value.clone(),
                    security_token,
                    project_id: project_id.value.clone(),
                })
            }
        }
    }
}

/// Refuses a header value (`what`, set by `source`) with control characters: a header
/// cannot carry them, and they are nearly always a pasted line break.
fn header_safe(what: &str, value: &str, source: &Source) -> Result<(), Error> {
    match value.chars().any(char::is_control) {
        true => Err(Error::config(format!(
            "the {what} from {source} contains control characters (a line break?)"
        ))),
        false => Ok(()),
    }
}

impl Authorize for Credential {
    /// A token header, or the AK/SK signature of `request` at `now`.
    fn headers(&self, request: &Outgoing<'_>, now: jiff::Timestamp) -> Result<Vec<Header>, Error> {
        match self {
            Credential::Token(token) => Ok(vec![Header::secret("X-Auth-Token", token.clone())]),
            Credential::AkSk {
                access_key,
                secret_key,
                security_token,
                project_id,
            } => {
                let date = signer::sdk_date(now);
                let host = request
                    .uri
                    .authority()
                    .map_or("", |a| a.as_str())
                    .to_string();
                let mut signed: Vec<(&str, &str)> = vec![
                    ("Host", &host),
                    ("X-Project-Id", project_id),
                    ("X-Sdk-Date", &date),
                ];
                if let Some(token) = security_token {
                    signed.push(("X-Security-Token", token.expose()));
                }
                let signable = signer::Request {
                    method: request.method,
                    path: request.uri.path(),
                    query: request.query,
                    headers: &signed,
                    body: request.body,
                };
                let authorization =
                    signer::authorization(access_key, &signable, &date, secret_key)?;
                let shown = match authorization.rsplit_once("Signature=") {
                    Some((head, _)) => format!("{head}Signature=****"),
                    None => "****".to_string(),
                };
                let mut headers = vec![
                    Header::plain("Host", host.clone()),
                    Header::plain("X-Project-Id", project_id.clone()),
                    Header::plain("X-Sdk-Date", date.clone()),
                ];
                if let Some(token) = security_token {
                    headers.push(Header::secret("X-Security-Token", token.clone()));
                }
                headers.push(Header {
                    name: "Authorization",
                    value: Secret::new(authorization),
                    shown,
                });
                Ok(headers)
            }
        }
    }

    fn is_signed(&self) -> bool {
        matches!(self, Credential::AkSk { .. })
    }
}

/// Authorises requests with a ready credential, or with the token of a Keystone sign-in
/// (from the cache when it holds a fresh one). When the image service rejects a cached
/// token with 401, the entry is dropped and sign-in is done once more, once.
pub(crate) struct Authorizer<'a> {
    client: &'a Client,
    state: Mutex<State>,
    keystone: Option<Login>,
}

struct State {
    credential: Credential,
    from_cache: bool,
    renewed: bool,
}

/// The token cache and an identity's key in it; `None` when caching is off.
pub(crate) type CacheSlot = Option<(TokenCache, String)>;

/// A Keystone sign-in: who, where it is cached, and what it gave.
pub(crate) struct Login {
    /// Who signs in.
    pub(crate) identity: Identity,
    /// The cache and this identity's key in it, unless caching is off.
    pub(crate) cache: CacheSlot,
    /// The sign-in in use.
    pub(crate) signed_in: SignedIn,
    /// Whether the token came from the cache (a 401 on it then earns one renewal).
    pub(crate) from_cache: bool,
}

/// Whether a sign-in may use a cached token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CachedToken {
    /// Use a fresh cached token that the same secret signed in for.
    UseIfFresh,
    /// Sign in anew (`ims auth login`).
    Ignore,
}

impl Login {
    /// Reads the Keystone settings; the token is cached in `store` (unless the settings
    /// turn the cache off). Nothing is sent.
    pub(crate) fn identity(
        settings: &Settings,
        store: Option<TokenCache>,
    ) -> Result<Option<(Identity, CacheSlot)>, Error> {
        let Some(CredentialSettings::Keystone(keystone)) = &settings.credential else {
            return Ok(None);
        };
        let identity = Identity::from_settings(keystone, &searched(settings), &settings.timeout)?;
        let cache = match (settings.no_cache.value, identity.cache_key()) {
            (false, Some(key)) => store.map(|cache| (cache, key)),
            _ => None,
        };
        Ok(Some((identity, cache)))
    }

    /// Takes a fresh cached token that the secret of this sign-in signed in for (when
    /// `cached` allows), else signs in and caches.
    pub(crate) fn open(
        client: &Client,
        identity: Identity,
        cache: CacheSlot,
        cached: CachedToken,
        verbose: u8,
    ) -> Result<Login, Error> {
        let cached = match (&cache, identity.cache_secret(), cached) {
            (Some((store, key)), Some(secret), CachedToken::UseIfFresh) => store
                .load(key)
                .filter(|cached| cached.signed_in_with(&secret))
                .map(|cached| cached.signed_in)
                .filter(|signed_in| signed_in.is_fresh(jiff::Timestamp::now())),
            _ => None,
        };
        let from_cache = cached.is_some();
        let signed_in = match cached {
            Some(signed_in) => {
                if verbose > 0 {
                    diag(&format!(
                        "using the cached token of {} (expires {})",
                        identity.describe(),
                        signed_in.expires_at
                    ));
                }
                signed_in
            }
            None => sign_in_and_cache(client, &identity, &cache)?,
        };
        Ok(Login {
            identity,
            cache,
            signed_in,
            from_cache,
        })
    }
}

/// Signs in and stores the token in the cache. A cache that cannot be written costs the
/// next command a sign-in, not this one its answer: a warning.
fn sign_in_and_cache(
    client: &Client,
    identity: &Identity,
    cache: &CacheSlot,
) -> Result<SignedIn, Error> {
    let signed_in = identity.sign_in(client)?;
    if let (Some((store, key)), Some(secret)) = (cache, identity.cache_secret())
        && let Err(err) = store.store(key, &identity.describe(), &signed_in, &secret)
    {
        warn(&err.to_string());
    }
    Ok(signed_in)
}

/// Where Keystone settings were looked for, for messages about a missing one.
fn searched(settings: &Settings) -> String {
    let profile = match &settings.config_path {
        Some(path) => format!(
            "profile `{}` of {}",
            settings.profile.value,
            path.value.display()
        ),
        None => format!("profile `{}`", settings.profile.value),
    };
    let openstack = match &settings.cloud {
        Some(cloud) => format!(
            "cloud `{}` (from {}) of clouds.yaml",
            cloud.value, cloud.source
        ),
        None => "the OS_* variables".to_string(),
    };
    format!("{profile}, {openstack}")
}

impl<'a> Authorizer<'a> {
    /// The authorizer the settings call for (checked complete by
    /// `Settings::check_request_settings` before); a Keystone sign-in happens here (or the
    /// cache answers, from `store`).
    pub(crate) fn new(
        client: &'a Client,
        settings: &Settings,
        store: Option<TokenCache>,
    ) -> Result<Authorizer<'a>, Error> {
        let Some((identity, cache)) = Login::identity(settings, store)? else {
            let credential = Credential::from_settings(
                settings.credential.as_ref(),
                settings.project_id.as_ref(),
                &settings.timeout,
            )?;
            return Ok(Authorizer {
                client,
                state: Mutex::new(State {
                    credential,
                    from_cache: false,
                    renewed: false,
                }),
                keystone: None,
            });
        };
        let login = Login::open(
            client,
            identity,
            cache,
            CachedToken::UseIfFresh,
            settings.verbose,
        )?;
        let from_cache = login.from_cache;
        Ok(Authorizer {
            client,
            state: Mutex::new(State {
                credential: Credential::Token(login.signed_in.token.clone()),
                from_cache,
                renewed: false,
            }),
            keystone: Some(login),
        })
    }

    /// The image endpoint of the sign-in's catalog; `None` without a Keystone sign-in.
    pub(crate) fn catalog_endpoint(&self) -> Option<Result<String, Error>> {
        self.keystone.as_ref().map(|login| {
            login
                .signed_in
                .image_endpoint(&login.identity.interface, login.identity.region.as_deref())
        })
    }

    /// Why waiting `wait` before the next request must not be done (`--deadline`).
    pub(crate) fn refuse_wait(&self, wait: std::time::Duration) -> Option<String> {
        self.client.refuse_wait(wait)
    }

    /// The project of the Keystone token (signed in or cached); `None` without one.
    pub(crate) fn token_project(&self) -> Option<String> {
        let login = self.keystone.as_ref()?;
        let id = login.signed_in.project.get("id")?.as_str()?;
        Some(id.to_string()).filter(|id| !id.is_empty())
    }

    /// GETs `url` authorised and parses the JSON answer as `T`.
    pub(crate) fn get_json<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(String, String)],
    ) -> Result<T, Error> {
        self.get_with(url, query, &mut |body| read_json(body))
    }

    /// GETs the version document at `url` authorised (see [`Client::get_versions`]).
    pub(crate) fn get_versions<T: DeserializeOwned>(&self, url: &str) -> Result<T, Error> {
        self.renewing(&mut |credential| self.client.get_versions(url, credential))
    }

    /// GETs `url` authorised and hands the body to `parse`, renewing a rejected cached
    /// Keystone token once.
    pub(crate) fn get_with<T>(
        &self,
        url: &str,
        query: &[(String, String)],
        parse: &mut dyn FnMut(&mut dyn Read) -> Result<T, BodyError>,
    ) -> Result<T, Error> {
        self.renewing(&mut |credential| self.client.get_with(url, query, credential, parse))
    }

    /// Sends a change (`POST`, `PUT`, `DELETE` with a JSON `body`) authorised, and hands
    /// the answer's body to `parse`, renewing a rejected cached Keystone token once.
    pub(crate) fn send_with<T>(
        &self,
        method: &'static str,
        url: &str,
        body: &[u8],
        parse: &mut dyn FnMut(&mut dyn std::io::Read) -> Result<T, BodyError>,
    ) -> Result<T, Error> {
        self.renewing(&mut |credential| self.client.send_with(method, url, body, credential, parse))
    }

    /// Runs `request` with the current credential; after a 401 on a cached Keystone
    /// token, once more with a new one.
    fn renewing<T>(
        &self,
        request: &mut dyn FnMut(&Credential) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let credential = self.current()?;
        match request(&credential) {
            Err(err) if err.status() == Some(401) => match self.renew(&credential)? {
                Some(fresh) => request(&fresh),
                None => Err(err),
            },
            other => other,
        }
    }

    fn current(&self) -> Result<Credential, Error> {
        self.state
            .lock()
            .map(|state| state.credential.clone())
            .map_err(|_| {
                Error::new(
                    crate::error::ErrorKind::Unexpected,
                    "credential lock poisoned",
                )
            })
    }

    /// After `rejected` drew a 401: a new token when the rejected one came from the cache
    /// and no renewal happened yet (or another thread renewed it already); else `None`.
    fn renew(&self, rejected: &Credential) -> Result<Option<Credential>, Error> {
        let Some(login) = &self.keystone else {
            return Ok(None);
        };
        let mut state = self.state.lock().map_err(|_| {
            Error::new(
                crate::error::ErrorKind::Unexpected,
                "credential lock poisoned",
            )
        })?;
        if !same_token(&state.credential, rejected) {
            return Ok(Some(state.credential.clone()));
        }
        if !state.from_cache || state.renewed {
            return Ok(None);
        }
        if let Some((store, key)) = &login.cache {
            store.remove(key)?;
        }
        let signed_in = sign_in_and_cache(self.client, &login.identity, &login.cache)?;
        state.credential = Credential::Token(signed_in.token);
        state.from_cache = false;
        state.renewed = true;
        Ok(Some(state.credential.clone()))
    }
}

fn same_token(a: &Credential, b: &Credential) -> bool {
    match (a, b) {
        (Credential::Token(a), Credential::Token(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::credentials::AkSkSettings;
    use crate::settings::testing::default_timeout as limit;
    use crate::settings::warnings::collect;
    use crate::settings::{Source, TokenSource};
    use std::path::PathBuf;

    fn read(token: TokenSource) -> Result<Credential, Error> {
        let settings = CredentialSettings::Token(Sourced {
            value: token,
            source: Source::Flag("--token"),
        });
        Credential::from_settings(Some(&settings), None, &limit())
    }

    fn token_of(result: Result<Credential, Error>) -> String {
        match result.unwrap() {
            Credential::Token(token) => token.expose().to_string(),
            other => panic!("token expected, got {other:?}"),
        }
    }

    #[test]
    fn literal_is_trimmed() {
        let cred = read(TokenSource::Literal(Secret::new(" t1 \n")));
        assert_eq!(token_of(cred), "t1");
    }

    #[test]
    fn command_stdout_is_the_token() {
        let cred = read(TokenSource::Command("printf ' tok\\n'".into()));
        assert_eq!(token_of(cred), "tok");
    }

    #[test]
    fn failing_command_shows_stderr_not_stdout() {
        let err = read(TokenSource::Command(
            "echo SECRET-OUT; echo boom >&2; exit 3".into(),
        ))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "token_command (from --token) failed with exit status 3: boom"
        );
    }

    /// Reads the token file `filetok` with permission bits `mode`: the token and the
    /// warnings given, and the file's path.
    fn read_token_file(mode: u32) -> (String, Vec<String>, String) {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t");
        std::fs::write(&path, "filetok\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        let (token, warnings) = collect(|| read(TokenSource::File(path.clone())));
        (token_of(token), warnings, path.display().to_string())
    }

    #[test]
    fn file_token_and_missing_file() {
        let (token, warnings, _) = read_token_file(0o600);
        assert_eq!(token, "filetok");
        assert_eq!(warnings, Vec::<String>::new(), "a 0600 file is quiet");
        let err = read(TokenSource::File(PathBuf::from("/no/such"))).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cannot read token_file /no/such (from --token): ")
        );
    }

    #[test]
    fn a_token_file_others_can_read_is_used_with_a_warning() {
        let (token, warnings, path) = read_token_file(0o640);
        assert_eq!(token, "filetok");
        assert_eq!(
            warnings,
            [format!(
                "token_file {path} holds secrets and can be read by group or others (mode 640); \
                 fix with: chmod 600 {path}"
            )]
        );
    }

    #[test]
    fn empty_or_multiline_tokens_are_refused() {
        let err = read(TokenSource::Command("true".into())).unwrap_err();
        assert_eq!(err.to_string(), "the token from --token is empty");
        let err = read(TokenSource::Literal(Secret::new("a\nb"))).unwrap_err();
        assert!(err.to_string().contains("control characters"));
        assert!(!err.to_string().contains("a\nb"));
        let err = Credential::from_settings(None, None, &limit()).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Config);
    }

    fn aksk(security_token: Option<&str>) -> CredentialSettings {
        let env = |name: &'static str| Source::Env(name);
        CredentialSettings::AkSk(AkSkSettings {
            access_key: Sourced {
                value: "AKID".into(),
                source: env("IMS_ACCESS_KEY"),
            },
            secret_key: Sourced {
                value: Secret::new("hush-sk"),
                source: env("IMS_SECRET_KEY"),
            },
            security_token: security_token.map(|t| Sourced {
                value: Secret::new(t),
                source: env("IMS_SECURITY_TOKEN"),
            }),
        })
    }

    #[test]
    fn aksk_needs_a_project_id() {
        let err = Credential::from_settings(Some(&aksk(None)), None, &limit()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "AK/SK signing (access key from IMS_ACCESS_KEY) needs a project ID for X-Project-Id: set --project-id, IMS_PROJECT_ID or project_id in the profile"
        );
    }

    #[test]
    fn aksk_headers_sign_host_project_date_and_security_token() {
        let project = Sourced {
            value: "p1".to_string(),
            source: Source::Flag("--project-id"),
        };
        let cred =
            Credential::from_settings(Some(&aksk(Some("hush-st"))), Some(&project), &limit())
                .unwrap();
        let uri: ureq::http::Uri = "https://ims.example.com:8443/v1/p1/cloudimages/i/members"
            .parse()
            .unwrap();
        let query = vec![("marker".to_string(), "m 1".to_string())];
        let now: jiff::Timestamp = "2026-11-23T10:00:00Z".parse().unwrap();
        let request = Outgoing {
            method: "GET",
            uri: &uri,
            query: &query,
            body: b"",
        };
        let headers = cred.headers(&request, now).unwrap();
        let names: Vec<&str> = headers.iter().map(|h| h.name).collect();
        assert_eq!(
            names,
            [
                "Host",
                "X-Project-Id",
                "X-Sdk-Date",
                "X-Security-Token",
                "Authorization"
            ]
        );
        assert_eq!(headers[0].value.expose(), "ims.example.com:8443");
        assert_eq!(headers[2].value.expose(), "20261123T100000Z");
        let signed = [
            ("Host", "ims.example.com:8443"),
            ("X-Project-Id", "p1"),
            ("X-Sdk-Date", "20261123T100000Z"),
            ("X-Security-Token", "hush-st"),
        ];
        let request = signer::Request {
            method: "GET",
            path: "/v1/p1/cloudimages/i/members",
            query: &query,
            headers: &signed,
            body: b"",
        };
        let expected = signer::authorization(
            "AKID",
            &request,
            "20261123T100000Z",
            &Secret::new("hush-sk"),
        )
        .unwrap();
        assert_eq!(headers[4].value.expose(), expected);
        assert!(expected.starts_with(
            "SDK-HMAC-SHA256 Access=AKID, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature="
        ));
        let shown: Vec<&str> = headers.iter().map(|h| h.shown.as_str()).collect();
        assert_eq!(shown[3], "****");
        assert_eq!(
            shown[4],
            "SDK-HMAC-SHA256 Access=AKID, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=****"
        );
    }

    #[test]
    fn debug_masks_every_secret() {
        let cred = Credential::Token(Secret::new("tok-xyz"));
        assert!(!format!("{cred:?}").contains("tok-xyz"));
        let project = Sourced {
            value: "p1".to_string(),
            source: Source::Default,
        };
        let cred =
            Credential::from_settings(Some(&aksk(Some("hush-st"))), Some(&project), &limit())
                .unwrap();
        let text = format!("{cred:?} {:?}", aksk(Some("hush-st")));
        assert!(!text.contains("hush"), "{text}");
    }
}
