//! Keystone v3 sign-in: who signs in and to what (from the settings), the
//! `POST /v3/auth/tokens` body, and the image endpoint in the token's catalog.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::cli::Timeout;
use crate::client::Client;
use crate::error::Error;
use crate::secret::Secret;
use crate::settings::{KeystoneSettings, PasswordSource, Sourced};

/// Tokens this close to expiry are not used.
pub(crate) const EXPIRY_MARGIN_SECS: i64 = 5 * 60;

/// A domain, by ID or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Domain {
    /// `{"id": ...}`
    Id(String),
    /// `{"name": ...}`
    Name(String),
}

impl Domain {
    fn json(&self) -> Value {
        match self {
            Domain::Id(id) => json!({ "id": id }),
            Domain::Name(name) => json!({ "name": name }),
        }
    }

    fn describe(&self) -> String {
        match self {
            Domain::Id(id) => format!("domain id {id}"),
            Domain::Name(name) => format!("domain {name}"),
        }
    }
}

/// A user, by ID or by name within a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum User {
    /// By ID.
    Id(String),
    /// By name in a domain.
    Name(String, Domain),
}

impl User {
    fn json(&self) -> Map<String, Value> {
        match self {
            User::Id(id) => Map::from_iter([("id".into(), json!(id))]),
            User::Name(name, domain) => Map::from_iter([
                ("name".into(), json!(name)),
                ("domain".into(), domain.json()),
            ]),
        }
    }

    fn describe(&self) -> String {
        match self {
            User::Id(id) => format!("user id {id}"),
            User::Name(name, domain) => format!("user {name} ({})", domain.describe()),
        }
    }
}

/// The project a token is scoped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Project {
    /// By ID.
    Id(String),
    /// By name in a domain.
    Name(String, Domain),
}

impl Project {
    fn json(&self) -> Value {
        match self {
            Project::Id(id) => json!({ "project": { "id": id } }),
            Project::Name(name, domain) => {
                json!({ "project": { "name": name, "domain": domain.json() } })
            }
        }
    }

    fn describe(&self) -> String {
        match self {
            Project::Id(id) => format!("project id {id}"),
            Project::Name(name, domain) => format!("project {name} ({})", domain.describe()),
        }
    }
}

/// How the identity proves itself.
#[derive(Debug, Clone)]
pub(crate) enum Method {
    /// User and password (read when the request is made).
    Password(User, Sourced<PasswordSource>),
    /// An application credential: by ID, or by name with its user.
    ApplicationCredential {
        /// ID, or name with the owning user.
        which: ApplicationCredential,
        /// The secret.
        secret: Secret,
    },
    /// An existing token, rescoped.
    Token(Secret),
}

/// Which application credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ApplicationCredential {
    /// By ID.
    Id(String),
    /// By name, with the user that owns it.
    Name(String, User),
}

/// Everything needed to sign in, checked.
#[derive(Debug, Clone)]
pub(crate) struct Identity {
    /// `…/v3`, where `auth/tokens` lives.
    auth_url: String,
    /// How to prove it.
    method: Method,
    /// The project scope (application credentials carry their own).
    scope: Option<Project>,
    /// Catalog interface: `public`, `internal` or `admin`.
    pub(crate) interface: String,
    /// Catalog region, when one is asked for.
    pub(crate) region: Option<String>,
    /// How long `password_command` may run: the request timeout, with its source.
    command_limit: Sourced<Timeout>,
}

/// Where a missing sign-in setting was looked for.
fn missing(what: &str, keys: &str, searched: &str) -> Error {
    Error::config(format!(
        "Keystone sign-in needs {what}: set {keys} (looked in {searched})"
    ))
}

fn value(setting: &Option<Sourced<String>>) -> Option<String> {
    setting
        .as_ref()
        .map(|s| s.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl Identity {
    /// Checks the settings; nothing is read or run yet. `searched` says where settings
    /// were looked for, for the message of a missing one; `command_limit` bounds
    /// `password_command`.
    pub(crate) fn from_settings(
        settings: &KeystoneSettings,
        searched: &str,
        command_limit: &Sourced<Timeout>,
    ) -> Result<Identity, Error> {
        let auth_url = value(&settings.auth_url).ok_or_else(|| {
            missing(
                "an identity endpoint",
                "auth_url (profile), auth.auth_url (clouds.yaml) or OS_AUTH_URL",
                searched,
            )
        })?;
        let auth_url = auth_url.trim_end_matches('/');
        let auth_url = if auth_url.ends_with("/v3") {
            auth_url.to_string()
        } else {
            format!("{auth_url}/v3")
        };
        crate::url::Endpoint::parse(&auth_url).map_err(|why| {
            let source = settings.auth_url.as_ref().map(|s| s.source.to_string());
            Error::config(format!(
                "auth_url (from {}): {why}",
                source.unwrap_or_default()
            ))
        })?;
        let s = settings;
        let user = || {
            let (id, name) = (&s.user_id, &s.username);
            let domain = (&s.user_domain_id, &s.user_domain_name);
            named(&USER, (id, name), domain, searched)
        };
        let scope = || {
            let (id, name) = (&s.project_id, &s.project_name);
            let domain = (&s.project_domain_id, &s.project_domain_name);
            named(&PROJECT, (id, name), domain, searched)
        };
        // A secret setting's value; `what` is missing, set with `keys`, when it is not set.
        let secret = |setting: &Option<Sourced<Secret>>, what: &str, keys: &str| {
            let found = setting.as_ref().map(|found| found.value.clone());
            found.ok_or_else(|| missing(what, keys, searched))
        };
        let (method, scope) = match auth_type(settings)? {
            AuthType::Password => {
                let password = settings.password.clone().ok_or_else(|| {
                    missing(
                        "a password",
                        "password or password_command (profile), auth.password (clouds.yaml / secure.yaml) or OS_PASSWORD",
                        searched,
                    )
                })?;
                (Method::Password(user()?, password), Some(scope()?))
            }
            AuthType::ApplicationCredential => {
                let secret = secret(
                    &settings.application_credential_secret,
                    "an application credential secret",
                    "application_credential_secret (profile), auth.application_credential_secret (clouds.yaml) or OS_APPLICATION_CREDENTIAL_SECRET",
                )?;
                let which = match (
                    value(&settings.application_credential_id),
                    value(&settings.application_credential_name),
                ) {
                    (Some(id), _) => ApplicationCredential::Id(id),
                    (None, Some(name)) => ApplicationCredential::Name(name, user()?),
                    (None, None) => {
                        return Err(missing(
                            "an application credential",
                            "application_credential_id (or _name with the user) in the profile, clouds.yaml auth, or OS_APPLICATION_CREDENTIAL_ID",
                            searched,
                        ));
                    }
                };
                (Method::ApplicationCredential { which, secret }, None)
            }
            AuthType::Token => {
                let token = secret(
                    &settings.token,
                    "a token to rescope",
                    "auth.token (clouds.yaml) or OS_TOKEN",
                )?;
                (Method::Token(token), Some(scope()?))
            }
        };
        let interface = value(&settings.interface).unwrap_or_else(|| "public".to_string());
        let interface = interface
            .strip_suffix("URL")
            .unwrap_or(&interface)
            .to_string();
        Ok(Identity {
            auth_url,
            method,
            scope,
            interface,
            region: value(&settings.region),
            command_limit: command_limit.clone(),
        })
    }

    /// The `POST /v3/auth/tokens` body (running `password_command` if that is where the
    /// password comes from). It holds the password or secret: it goes only to the request
    /// body, never to a message or a file.
    pub(crate) fn request_body(&self) -> Result<Value, Error> {
        let identity = match &self.method {
            Method::Password(user, password) => {
                let password = match &password.value {
                    PasswordSource::Literal(secret) => secret.clone(),
                    PasswordSource::Command(command) => {
                        Secret::masked(super::secret_input::run_secret_command(
                            "password_command",
                            command,
                            &password.source,
                            &self.command_limit,
                        )?)
                    }
                };
                let mut user = user.json();
                user.insert("password".into(), json!(password.expose()));
                json!({ "methods": ["password"], "password": { "user": user } })
            }
            Method::ApplicationCredential { which, secret } => {
                let mut credential = match which {
                    ApplicationCredential::Id(id) => Map::from_iter([("id".into(), json!(id))]),
                    ApplicationCredential::Name(name, user) => Map::from_iter([
                        ("name".into(), json!(name)),
                        ("user".into(), Value::Object(user.json())),
                    ]),
                };
                credential.insert("secret".into(), json!(secret.expose()));
                json!({ "methods": ["application_credential"], "application_credential": credential })
            }
            Method::Token(token) => {
                json!({ "methods": ["token"], "token": { "id": token.expose() } })
            }
        };
        let mut auth = json!({ "identity": identity });
        if let Some(scope) = &self.scope {
            auth["scope"] = scope.json();
        }
        Ok(json!({ "auth": auth }))
    }

    /// Who signs in, for people: never a secret.
    pub(crate) fn describe(&self) -> String {
        let who = match &self.method {
            Method::Password(user, _) => user.describe(),
            Method::ApplicationCredential { which, .. } => match which {
                ApplicationCredential::Id(id) => format!("application credential {id}"),
                ApplicationCredential::Name(name, user) => {
                    format!("application credential {name} of {}", user.describe())
                }
            },
            Method::Token(_) => "a token".to_string(),
        };
        match &self.scope {
            Some(scope) => format!("{who}, {} at {}", scope.describe(), self.auth_url),
            None => format!("{who} at {}", self.auth_url),
        }
    }

    /// The token cache key: a hash of auth URL, auth type, user, domains, project and
    /// application credential; never of a secret. A rescoped token has no cache entry.
    pub(crate) fn cache_key(&self) -> Option<String> {
        let method = match &self.method {
            Method::Password(user, _) => format!("password\n{user:?}"),
            Method::ApplicationCredential { which, .. } => format!("appcred\n{which:?}"),
            Method::Token(_) => return None,
        };
        let text = format!(
            "ims token cache v1\n{}\n{method}\n{:?}",
            self.auth_url, self.scope
        );
        Some(
            Sha256::digest(text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }

    /// What the token cache fingerprints for this sign-in (salted, never stored): the
    /// secret that signs in (the password, the application credential's secret), or the
    /// command line of `password_command`, so that a warm run never runs the command.
    /// `None` for a rescoped token, which is not cached.
    pub(crate) fn cache_secret(&self) -> Option<Secret> {
        let text = match &self.method {
            Method::Password(_, password) => match &password.value {
                PasswordSource::Literal(secret) => format!("password\n{}", secret.expose()),
                PasswordSource::Command(command) => format!("password_command\n{command}"),
            },
            Method::ApplicationCredential { secret, .. } => {
                format!("application_credential_secret\n{}", secret.expose())
            }
            Method::Token(_) => return None,
        };
        Some(Secret::new(text))
    }

    /// Signs in: `POST {auth_url}/auth/tokens`; the token is the `X-Subject-Token` header.
    pub(crate) fn sign_in(&self, client: &Client) -> Result<SignedIn, Error> {
        let url = format!("{}/auth/tokens", self.auth_url);
        let body = self.request_body()?.to_string();
        let (answer, headers): (TokenAnswer, _) = client
            .post_json(&url, body.as_bytes())
            .map_err(|err| err.prefixed(&format!("sign-in as {} failed", self.describe())))?;
        let token = headers
            .get("x-subject-token")
            .and_then(|v| v.to_str().ok())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| {
                Error::bad_answer(format!(
                    "POST {url}: the answer carries no X-Subject-Token header"
                ))
            })?;
        let expires_at = answer
            .token
            .expires_at
            .parse::<jiff::Timestamp>()
            .map_err(|err| {
                Error::bad_answer(format!(
                    "POST {url}: expires_at `{}` is not a timestamp: {err}",
                    answer.token.expires_at
                ))
            })?;
        Ok(SignedIn {
            token: Secret::masked(token),
            expires_at,
            user: answer.token.described.user,
            project: answer.token.described.project,
            catalog: answer
                .token
                .described
                .catalog
                .into_iter()
                .filter(|service| service.kind == "image")
                .collect(),
        })
    }
}

/// The auth types ims speaks.
enum AuthType {
    Password,
    ApplicationCredential,
    Token,
}

fn auth_type(settings: &KeystoneSettings) -> Result<AuthType, Error> {
    if let Some(auth_type) = &settings.auth_type {
        return match auth_type.value.trim().to_ascii_lowercase().as_str() {
            "password" | "v3password" => Ok(AuthType::Password),
            "v3applicationcredential" | "application_credential" | "applicationcredential" => {
                Ok(AuthType::ApplicationCredential)
            }
            "token" | "v3token" => Ok(AuthType::Token),
            other => Err(Error::config(format!(
                "auth_type `{other}` (from {}) is not supported: use password, \
                 v3applicationcredential or token",
                auth_type.source
            ))),
        };
    }
    if settings.application_credential_id.is_some()
        || settings.application_credential_secret.is_some()
    {
        Ok(AuthType::ApplicationCredential)
    } else if settings.password.is_some() || settings.token.is_none() {
        Ok(AuthType::Password)
    } else {
        Ok(AuthType::Token)
    }
}

/// How the settings name a user or a project: by `{noun}_id`, else by `name_key` in the
/// domain of `{noun}_domain_id` or `{noun}_domain_name`.
struct Naming<T> {
    /// `user` or `project`.
    noun: &'static str,
    /// The key of its name.
    name_key: &'static str,
    /// It, by ID.
    by_id: fn(String) -> T,
    /// It, by name in a domain.
    by_name: fn(String, Domain) -> T,
}

/// How the settings name the user.
const USER: Naming<User> = Naming {
    noun: "user",
    name_key: "username",
    by_id: User::Id,
    by_name: User::Name,
};

/// How the settings name the project.
const PROJECT: Naming<Project> = Naming {
    noun: "project",
    name_key: "project_name",
    by_id: Project::Id,
    by_name: Project::Name,
};

/// What the settings `(id, name)` and `(domain_id, domain_name)` name, as `naming` says;
/// a missing name or domain is named by its keys and `searched`.
fn named<T>(
    naming: &Naming<T>,
    (id, name): (&Option<Sourced<String>>, &Option<Sourced<String>>),
    (domain_id, domain_name): (&Option<Sourced<String>>, &Option<Sourced<String>>),
    searched: &str,
) -> Result<T, Error> {
    if let Some(id) = value(id) {
        return Ok((naming.by_id)(id));
    }
    let noun = naming.noun;
    let keys = |name: &str, id: &str| {
        let (upper_name, upper_id) = (name.to_uppercase(), id.to_uppercase());
        format!(
            "{name} or {id} (profile), auth.{name} (clouds.yaml) or OS_{upper_name} / OS_{upper_id}"
        )
    };
    let name = value(name).ok_or_else(|| {
        let name_keys = keys(naming.name_key, &format!("{noun}_id"));
        missing(&format!("a {noun}"), &name_keys, searched)
    })?;
    let domain = domain(domain_id, domain_name).ok_or_else(|| {
        let domain_keys = keys(&format!("{noun}_domain_name"), &format!("{noun}_domain_id"));
        missing(&format!("the {noun}'s domain"), &domain_keys, searched)
    })?;
    Ok((naming.by_name)(name, domain))
}

fn domain(id: &Option<Sourced<String>>, name: &Option<Sourced<String>>) -> Option<Domain> {
    value(id)
        .map(Domain::Id)
        .or_else(|| value(name).map(Domain::Name))
}

/// What a sign-in gives: the token, its expiry, who and where, and the image services of
/// the catalog.
#[derive(Debug, Clone)]
pub(crate) struct SignedIn {
    /// The token.
    pub(crate) token: Secret,
    /// When it expires.
    pub(crate) expires_at: jiff::Timestamp,
    /// The user, as Keystone describes it.
    pub(crate) user: Value,
    /// The project, as Keystone describes it.
    pub(crate) project: Value,
    /// The catalog's `image` services.
    pub(crate) catalog: Vec<Service>,
}

impl SignedIn {
    /// Whether the token is still good for at least the expiry margin.
    pub(crate) fn is_fresh(&self, now: jiff::Timestamp) -> bool {
        self.expires_at.as_second() - now.as_second() > EXPIRY_MARGIN_SECS
    }

    /// The image endpoint for `interface` (and `region` when given).
    pub(crate) fn image_endpoint(
        &self,
        interface: &str,
        region: Option<&str>,
    ) -> Result<String, Error> {
        let endpoints: Vec<&CatalogEndpoint> = self
            .catalog
            .iter()
            .flat_map(|service| &service.endpoints)
            .collect();
        let in_region = |e: &&&CatalogEndpoint| {
            region
                .is_none_or(|r| e.region_id.as_deref() == Some(r) || e.region.as_deref() == Some(r))
        };
        if let Some(found) = endpoints
            .iter()
            .filter(|e| e.interface == interface)
            .find(in_region)
        {
            return Ok(found.url.clone());
        }
        if endpoints.is_empty() {
            return Err(Error::config(
                "the service catalog has no `image` service: set --endpoint or endpoint in the profile",
            ));
        }
        let mut regions: Vec<String> = endpoints
            .iter()
            .filter(|e| e.interface == interface)
            .filter_map(|e| e.region_id.clone().or_else(|| e.region.clone()))
            .collect();
        regions.sort();
        regions.dedup();
        let listed = if regions.is_empty() {
            "none".to_string()
        } else {
            regions.join(", ")
        };
        Err(Error::config(format!(
            "the service catalog has no `image` endpoint with interface {interface} in region {}; \
             regions with one: {listed}",
            region.unwrap_or("(any)")
        )))
    }

    /// `name (id)` of a user or project as Keystone described it.
    pub(crate) fn describe(value: &Value) -> String {
        let text = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or("?");
        format!("{} ({})", text("name"), text("id"))
    }
}

/// The user, project and catalog of a sign-in as Keystone describes them: in its token
/// answer, and as the token cache keeps them (the same keys, so one reads the other).
/// Each is optional (`null`, or no service).
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Described {
    /// The user.
    pub(crate) user: Value,
    /// The project.
    pub(crate) project: Value,
    /// The catalog's services.
    pub(crate) catalog: Vec<Service>,
}

/// A catalog service.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Service {
    /// Service type (`image`).
    #[serde(rename = "type")]
    pub(crate) kind: String,
    /// Its endpoints.
    #[serde(default)]
    pub(crate) endpoints: Vec<CatalogEndpoint>,
}

/// A catalog endpoint.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CatalogEndpoint {
    /// `public`, `internal`, `admin`.
    pub(crate) interface: String,
    /// Region ID.
    #[serde(default)]
    pub(crate) region_id: Option<String>,
    /// Legacy region field.
    #[serde(default)]
    pub(crate) region: Option<String>,
    /// The URL.
    pub(crate) url: String,
}

#[derive(Deserialize)]
struct TokenAnswer {
    token: TokenBody,
}

#[derive(Deserialize)]
struct TokenBody {
    expires_at: String,
    /// The user, project and catalog of the sign-in.
    #[serde(flatten)]
    described: Described,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Source;
    use crate::settings::testing::default_timeout as limit;

    fn sourced(value: &str) -> Option<Sourced<String>> {
        Some(Sourced {
            value: value.to_string(),
            source: Source::Env("OS_X"),
        })
    }

    fn password_settings() -> KeystoneSettings {
        KeystoneSettings {
            auth_url: sourced("http://127.0.0.1:5000/v3/"),
            username: sourced("u-owner"),
            password: Some(Sourced {
                value: PasswordSource::Literal(Secret::new("secret-u-owner")),
                source: Source::Env("OS_PASSWORD"),
            }),
            user_domain_name: sourced("Default"),
            project_name: sourced("proj-owner"),
            project_domain_name: sourced("Default"),
            ..KeystoneSettings::default()
        }
    }

    #[test]
    fn password_body_scoped_by_name() {
        let identity = Identity::from_settings(&password_settings(), "here", &limit()).unwrap();
        assert_eq!(identity.auth_url, "http://127.0.0.1:5000/v3");
        assert_eq!(
            identity.request_body().unwrap(),
            json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
                "name": "u-owner", "domain": {"name": "Default"}, "password": "secret-u-owner"}}},
              "scope": {"project": {"name": "proj-owner", "domain": {"name": "Default"}}}}})
        );
        assert!(!format!("{identity:?} {}", identity.describe()).contains("secret-u-owner"));
    }

    #[test]
    fn scope_by_id_and_user_by_id() {
        let settings = KeystoneSettings {
            auth_url: sourced("http://k:5000"),
            user_id: sourced("u1"),
            project_id: sourced("p1"),
            password: password_settings().password,
            ..KeystoneSettings::default()
        };
        let identity = Identity::from_settings(&settings, "here", &limit()).unwrap();
        assert_eq!(identity.auth_url, "http://k:5000/v3");
        assert_eq!(
            identity.request_body().unwrap(),
            json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
                "id": "u1", "password": "secret-u-owner"}}}, "scope": {"project": {"id": "p1"}}}})
        );
    }

    #[test]
    fn application_credential_body_has_no_scope() {
        let settings = KeystoneSettings {
            auth_url: sourced("http://k:5000/v3"),
            auth_type: sourced("v3applicationcredential"),
            application_credential_id: sourced("ac1"),
            application_credential_secret: Some(Sourced {
                value: Secret::new("ac-secret"),
                source: Source::Env("OS_APPLICATION_CREDENTIAL_SECRET"),
            }),
            project_name: sourced("ignored"),
            ..KeystoneSettings::default()
        };
        let identity = Identity::from_settings(&settings, "here", &limit()).unwrap();
        assert_eq!(
            identity.request_body().unwrap(),
            json!({"auth": {"identity": {"methods": ["application_credential"],
                "application_credential": {"id": "ac1", "secret": "ac-secret"}}}})
        );
        assert_eq!(identity.cache_key().map(|k| k.len()), Some(64));
    }

    #[test]
    fn missing_fields_name_the_keys_and_places() {
        let mut settings = password_settings();
        settings.project_name = None;
        let err = Identity::from_settings(
            &settings,
            "profile `default` of /c.toml, OS_* variables",
            &limit(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Keystone sign-in needs a project: set project_name or project_id (profile), auth.project_name (clouds.yaml) or OS_PROJECT_NAME / OS_PROJECT_ID (looked in profile `default` of /c.toml, OS_* variables)"
        );
        let mut settings = password_settings();
        settings.auth_url = None;
        let err = Identity::from_settings(&settings, "x", &limit()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Keystone sign-in needs an identity endpoint: set auth_url")
        );
        let mut settings = password_settings();
        settings.auth_type = sourced("kerberos");
        let err = Identity::from_settings(&settings, "x", &limit()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("auth_type `kerberos` (from OS_X) is not supported")
        );
    }

    #[test]
    fn a_missing_user_or_domain_names_its_keys() {
        let missing = |unset: fn(&mut KeystoneSettings)| {
            let mut settings = password_settings();
            unset(&mut settings);
            let err = Identity::from_settings(&settings, "here", &limit()).unwrap_err();
            err.to_string()
        };
        assert_eq!(
            missing(|s| s.username = None),
            "Keystone sign-in needs a user: set username or user_id (profile), auth.username (clouds.yaml) or OS_USERNAME / OS_USER_ID (looked in here)"
        );
        assert_eq!(
            missing(|s| s.user_domain_name = None),
            "Keystone sign-in needs the user's domain: set user_domain_name or user_domain_id (profile), auth.user_domain_name (clouds.yaml) or OS_USER_DOMAIN_NAME / OS_USER_DOMAIN_ID (looked in here)"
        );
        assert_eq!(
            missing(|s| s.project_domain_name = None),
            "Keystone sign-in needs the project's domain: set project_domain_name or project_domain_id (profile), auth.project_domain_name (clouds.yaml) or OS_PROJECT_DOMAIN_NAME / OS_PROJECT_DOMAIN_ID (looked in here)"
        );
    }

    #[test]
    fn cache_key_ignores_the_password_but_not_the_scope() {
        let a = Identity::from_settings(&password_settings(), "x", &limit()).unwrap();
        let mut settings = password_settings();
        settings.password = Some(Sourced {
            value: PasswordSource::Literal(Secret::new("other")),
            source: Source::Env("OS_PASSWORD"),
        });
        let b = Identity::from_settings(&settings, "x", &limit()).unwrap();
        assert_eq!(a.cache_key(), b.cache_key());
        settings.project_name = sourced("proj-alpha");
        let c = Identity::from_settings(&settings, "x", &limit()).unwrap();
        assert_ne!(a.cache_key(), c.cache_key());
    }

    fn signed_in(catalog: Value) -> SignedIn {
        SignedIn {
            token: Secret::new("t"),
            expires_at: "2026-11-23T12:00:00Z".parse().unwrap(),
            user: Value::Null,
            project: Value::Null,
            catalog: serde_json::from_value(catalog).unwrap(),
        }
    }

    #[test]
    fn catalog_selection_by_interface_and_region() {
        let s = signed_in(json!([{"type": "image", "endpoints": [
            {"interface": "public", "region_id": "eu-de", "url": "https://ims.eu-de.example"},
            {"interface": "internal", "region_id": "eu-de", "url": "http://internal"},
            {"interface": "public", "region": "eu-nl", "url": "https://ims.eu-nl.example"}]}]));
        assert_eq!(
            s.image_endpoint("public", None).unwrap(),
            "https://ims.eu-de.example"
        );
        assert_eq!(
            s.image_endpoint("public", Some("eu-nl")).unwrap(),
            "https://ims.eu-nl.example"
        );
        assert_eq!(
            s.image_endpoint("internal", Some("eu-de")).unwrap(),
            "http://internal"
        );
        let err = s.image_endpoint("public", Some("ap-1")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the service catalog has no `image` endpoint with interface public in region ap-1; regions with one: eu-de, eu-nl"
        );
        let empty = signed_in(json!([]));
        assert!(
            empty
                .image_endpoint("public", None)
                .unwrap_err()
                .to_string()
                .contains("no `image` service")
        );
    }

    #[test]
    fn freshness_margin() {
        let s = signed_in(json!([]));
        assert!(s.is_fresh("2026-11-23T11:54:00Z".parse().unwrap()));
        assert!(!s.is_fresh("2026-11-23T11:55:00Z".parse().unwrap()));
        assert!(!s.is_fresh("2026-11-23T13:00:00Z".parse().unwrap()));
    }
}
