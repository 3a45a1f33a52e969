//! Resolved settings: each value with the place it came from, by the precedence
//! flag > environment > config-file profile > default.

pub mod file;
pub mod openstack;

use std::fmt;
use std::path::PathBuf;

use crate::cli::{Api, GlobalArgs, OutputFormat};
use crate::error::Error;
use crate::secret::Secret;
use file::{ConfigFile, Profile};
use openstack::OpenStackLayer;

/// Looks up an environment variable; empty values count as unset.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment as an [`EnvLookup`].
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

/// The profile used when neither a flag, `IMS_PROFILE` nor `default_profile` names one.
pub const DEFAULT_PROFILE: &str = "default";

/// Default per-request timeout in seconds.
pub const DEFAULT_TIMEOUT: f64 = 30.0;

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, e.g. `--endpoint`.
    Flag(&'static str),
    /// An environment variable, e.g. `IMS_ENDPOINT`.
    Env(&'static str),
    /// A profile of a config file.
    Profile {
        /// The config file.
        file: PathBuf,
        /// The profile's name.
        profile: String,
    },
    /// A cloud of `clouds.yaml` (or `secure.yaml`).
    Cloud {
        /// The clouds file.
        file: PathBuf,
        /// The cloud's name.
        cloud: String,
    },
    /// The built-in default.
    Default,
}

impl Source {
    /// The precedence level, lower wins: flag, `IMS_*` variable, vendor variable
    /// (`HUAWEICLOUD_SDK_*`), profile, cloud, `OS_*` variable, default.
    pub fn rank(&self) -> u8 {
        match self {
            Source::Flag(_) => 0,
            Source::Env(var) if var.starts_with("IMS_") => 1,
            Source::Env(var) if var.starts_with("OS_") => 5,
            Source::Env(_) => 2,
            Source::Profile { .. } => 3,
            Source::Cloud { .. } => 4,
            Source::Default => 6,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => f.write_str(flag),
            Source::Env(var) => f.write_str(var),
            Source::Profile { file, profile } => write!(f, "{}:{profile}", file.display()),
            Source::Cloud { file, cloud } => write!(f, "{}:{cloud}", file.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

impl<T> Sourced<T> {
    fn new(value: T, source: Source) -> Sourced<T> {
        Sourced { value, source }
    }
}

/// Where the token comes from, before it is read.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenSource {
    /// The token itself.
    Literal(Secret),
    /// A file whose trimmed content is the token.
    File(PathBuf),
    /// A shell command whose trimmed stdout is the token.
    Command(String),
}

/// The config file in effect: its path (and why), and its content when it exists.
#[derive(Debug)]
pub struct Config {
    /// The file's path and where the path came from; `None` when no path could be found.
    pub path: Option<Sourced<PathBuf>>,
    /// The parsed file; `None` when it does not exist.
    pub file: Option<ConfigFile>,
}

impl Config {
    /// Finds and parses the config file. A missing default file is fine; a missing file
    /// named by `--config` or `IMS_CONFIG` is an error.
    pub fn load(args: &GlobalArgs, env: EnvLookup) -> Result<Config, Error> {
        let path = match (&args.config, env("IMS_CONFIG")) {
            (Some(path), _) => Some(Sourced::new(path.clone(), Source::Flag("--config"))),
            (None, Some(path)) => {
                Some(Sourced::new(PathBuf::from(path), Source::Env("IMS_CONFIG")))
            }
            (None, None) => file::default_path(env).map(|path| Sourced::new(path, Source::Default)),
        };
        let Some(path) = path else {
            return Ok(Config {
                path: None,
                file: None,
            });
        };
        let file = file::load(&path.value)?;
        if file.is_none() && path.source != Source::Default {
            return Err(Error::config(format!(
                "config file {} (from {}) does not exist",
                path.value.display(),
                path.source
            )));
        }
        Ok(Config {
            path: Some(path),
            file,
        })
    }

    /// The profile names in the file, sorted.
    pub fn profile_names(&self) -> Vec<&str> {
        self.file
            .iter()
            .flat_map(|file| file.profiles.keys().map(String::as_str))
            .collect()
    }

    /// The profile selected by `--profile`, `IMS_PROFILE`, `default_profile`, else `default`.
    pub fn selected_profile(&self, args: &GlobalArgs, env: EnvLookup) -> Sourced<String> {
        if let Some(name) = &args.profile {
            return Sourced::new(name.clone(), Source::Flag("--profile"));
        }
        if let Some(name) = env("IMS_PROFILE") {
            return Sourced::new(name, Source::Env("IMS_PROFILE"));
        }
        match (&self.file, &self.path) {
            (
                Some(ConfigFile {
                    default_profile: Some(name),
                    ..
                }),
                Some(path),
            ) => Sourced::new(
                name.clone(),
                Source::Profile {
                    file: path.value.clone(),
                    profile: "default_profile".to_string(),
                },
            ),
            _ => Sourced::new(DEFAULT_PROFILE.to_string(), Source::Default),
        }
    }

    /// The named profile; an empty one for the implicit `default` when the file lacks it.
    fn profile(&self, name: &Sourced<String>) -> Result<Option<&Profile>, Error> {
        if let Some(profile) = self.file.as_ref().and_then(|f| f.profiles.get(&name.value)) {
            return Ok(Some(profile));
        }
        if name.source == Source::Default {
            return Ok(None);
        }
        let file = match &self.path {
            Some(path) if self.file.is_some() => path.value.display().to_string(),
            Some(path) => format!("{} (which does not exist)", path.value.display()),
            None => "the config file (no config directory found)".to_string(),
        };
        let known = self.profile_names();
        let known = if known.is_empty() {
            "it has no profiles".to_string()
        } else {
            format!("profiles: {}", known.join(", "))
        };
        Err(Error::config(format!(
            "profile `{}` (from {}) is not in {file}; {known}",
            name.value, name.source
        )))
    }
}

/// The credential the settings select, before any file is read or command run.
#[derive(Debug, Clone, PartialEq)]
pub enum CredentialSettings {
    /// A token, from wherever it is read.
    Token(Sourced<TokenSource>),
    /// An access key pair for `SDK-HMAC-SHA256` signing.
    AkSk(AkSkSettings),
    /// A Keystone v3 sign-in.
    Keystone(Box<KeystoneSettings>),
}

/// Where a password comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum PasswordSource {
    /// The password itself.
    Literal(Secret),
    /// A shell command whose trimmed stdout is the password.
    Command(String),
}

/// Keystone v3 sign-in settings, each with its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KeystoneSettings {
    /// Identity endpoint, e.g. `https://iam.eu-de.otc.t-systems.com/v3`.
    pub auth_url: Option<Sourced<String>>,
    /// `password`, `v3applicationcredential` or `token` (aliases accepted).
    pub auth_type: Option<Sourced<String>>,
    /// User name (with a user domain).
    pub username: Option<Sourced<String>>,
    /// User ID.
    pub user_id: Option<Sourced<String>>,
    /// Password.
    pub password: Option<Sourced<PasswordSource>>,
    /// The user's domain by name.
    pub user_domain_name: Option<Sourced<String>>,
    /// The user's domain by ID.
    pub user_domain_id: Option<Sourced<String>>,
    /// The project to scope to, by name (with a project domain).
    pub project_name: Option<Sourced<String>>,
    /// The project to scope to, by ID.
    pub project_id: Option<Sourced<String>>,
    /// The project's domain by name.
    pub project_domain_name: Option<Sourced<String>>,
    /// The project's domain by ID.
    pub project_domain_id: Option<Sourced<String>>,
    /// Application credential ID.
    pub application_credential_id: Option<Sourced<String>>,
    /// Application credential name (with the user).
    pub application_credential_name: Option<Sourced<String>>,
    /// Application credential secret.
    pub application_credential_secret: Option<Sourced<Secret>>,
    /// A token to rescope (auth type `token`).
    pub token: Option<Sourced<Secret>>,
    /// Region of the image endpoint in the catalog.
    pub region: Option<Sourced<String>>,
    /// Interface of the image endpoint in the catalog (`public` by default).
    pub interface: Option<Sourced<String>>,
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

    /// (name, shown value, source) rows, secrets masked.
    fn rows(&self, rows: &mut Vec<[String; 3]>) {
        let plain = [
            ("auth_url", &self.auth_url),
            ("auth_type", &self.auth_type),
            ("username", &self.username),
            ("user_id", &self.user_id),
            ("user_domain_name", &self.user_domain_name),
            ("user_domain_id", &self.user_domain_id),
            ("project_name", &self.project_name),
            ("project_domain_name", &self.project_domain_name),
            ("project_domain_id", &self.project_domain_id),
            ("application_credential_id", &self.application_credential_id),
            (
                "application_credential_name",
                &self.application_credential_name,
            ),
            ("region", &self.region),
            ("interface", &self.interface),
        ];
        for (name, value) in plain {
            if let Some(value) = value {
                rows.push([
                    name.to_string(),
                    value.value.clone(),
                    value.source.to_string(),
                ]);
            }
        }
        if let Some(password) = &self.password {
            let (name, shown) = match &password.value {
                PasswordSource::Literal(secret) => ("password", secret.to_string()),
                PasswordSource::Command(command) => ("password_command", command.clone()),
            };
            rows.push([name.to_string(), shown, password.source.to_string()]);
        }
        let secrets = [
            (
                "application_credential_secret",
                &self.application_credential_secret,
            ),
            ("os_token", &self.token),
        ];
        for (name, value) in secrets {
            if let Some(value) = value {
                rows.push([
                    name.to_string(),
                    value.value.to_string(),
                    value.source.to_string(),
                ]);
            }
        }
    }
}

/// AK/SK settings, each with its source.
#[derive(Debug, Clone, PartialEq)]
pub struct AkSkSettings {
    /// The access key ID.
    pub access_key: Sourced<String>,
    /// The secret key.
    pub secret_key: Sourced<Secret>,
    /// The security token of temporary credentials.
    pub security_token: Option<Sourced<Secret>>,
}

/// Every setting a command needs, resolved, each with its source.
#[derive(Debug)]
pub struct Settings {
    /// The config file consulted.
    pub config_path: Option<Sourced<PathBuf>>,
    /// The profile in effect.
    pub profile: Sourced<String>,
    /// The image service endpoint, as given (validated where it is used).
    pub endpoint: Option<Sourced<String>>,
    /// The member API.
    pub api: Sourced<Api>,
    /// The project ID (v1 API, AK/SK).
    pub project_id: Option<Sourced<String>>,
    /// The credential selected.
    pub credential: Option<CredentialSettings>,
    /// Output format.
    pub output: Sourced<OutputFormat>,
    /// Per-request timeout in seconds.
    pub timeout: Sourced<f64>,
    /// Retries of transient failures.
    pub retries: Sourced<u8>,
    /// Extra trusted CA bundle.
    pub ca_file: Option<Sourced<PathBuf>>,
    /// Skip certificate verification.
    pub insecure: Sourced<bool>,
    /// The `clouds.yaml` cloud in use.
    pub cloud: Option<Sourced<String>>,
    /// Skip the Keystone token cache.
    pub no_cache: Sourced<bool>,
    /// `-v` count.
    pub verbose: u8,
}

impl Settings {
    /// Resolves every setting. `profile_name` overrides the profile selection
    /// (`profile show NAME`).
    pub fn resolve(
        args: &GlobalArgs,
        env: EnvLookup,
        config: &Config,
        profile_name: Option<&str>,
    ) -> Result<Settings, Error> {
        let profile_name = match profile_name {
            Some(name) => Sourced::new(name.to_string(), Source::Flag("profile show NAME")),
            None => config.selected_profile(args, env),
        };
        let empty = Profile::default();
        let profile = config.profile(&profile_name)?.unwrap_or(&empty);
        let from_profile = Source::Profile {
            file: config
                .path
                .as_ref()
                .map(|p| p.value.clone())
                .unwrap_or_default(),
            profile: profile_name.value.clone(),
        };
        let cloud = match (&args.os_cloud, env("OS_CLOUD"), &profile.cloud) {
            (Some(name), _, _) => Some(Sourced::new(name.clone(), Source::Flag("--os-cloud"))),
            (None, Some(name), _) => Some(Sourced::new(name, Source::Env("OS_CLOUD"))),
            (None, None, Some(name)) => Some(Sourced::new(name.clone(), from_profile.clone())),
            (None, None, None) => None,
        };
        let openstack = OpenStackLayer::load(cloud.as_ref(), env)?;
        let layer = Layers {
            env,
            from_profile: &from_profile,
            openstack: &openstack,
        };
        let text = |text: &str| Ok(text.to_string());
        let secret = |text: &str| Ok(Secret::new(text));

        let endpoint = layer.first_or_cloud(
            args.endpoint.clone().map(|v| (v, "--endpoint")),
            &["IMS_ENDPOINT"],
            text,
            profile.endpoint.clone(),
            "endpoint",
        )?;
        let api = layer
            .first(
                args.api.map(|v| (v, "--api")),
                &["IMS_API"],
                parse_api,
                profile.api,
            )?
            .unwrap_or(Sourced::new(Api::V2, Source::Default));
        let project_id = layer.first_or_cloud(
            args.project_id.clone().map(|v| (v, "--project-id")),
            &["IMS_PROJECT_ID"],
            text,
            profile.project_id.clone(),
            "project_id",
        )?;
        let output = layer
            .first(
                args.output.map(|v| (v, "--output")),
                &["IMS_OUTPUT"],
                parse_output,
                profile.output,
            )?
            .unwrap_or(Sourced::new(OutputFormat::Table, Source::Default));
        let timeout = layer
            .first(
                args.timeout.map(|v| (v, "--timeout")),
                &["IMS_TIMEOUT"],
                crate::cli::parse_timeout,
                profile
                    .timeout
                    .map(|secs| check_profile_timeout(secs, &from_profile))
                    .transpose()?,
            )?
            .unwrap_or(Sourced::new(DEFAULT_TIMEOUT, Source::Default));
        let retries = layer
            .first(
                args.retries.map(|v| (v, "--retries")),
                &["IMS_RETRIES"],
                crate::cli::parse_retries,
                profile
                    .retries
                    .map(|n| {
                        crate::cli::parse_retries(&n.to_string()).map_err(|why| {
                            Error::config(format!("{from_profile}: key `retries`: {why}"))
                        })
                    })
                    .transpose()?,
            )?
            .unwrap_or(Sourced::new(
                crate::client::DEFAULT_RETRIES,
                Source::Default,
            ));
        let ca_file = layer.first_or_cloud(
            args.ca_file.clone().map(|v| (v, "--ca-file")),
            &["IMS_CA_FILE"],
            |text| Ok(expand_tilde(text)),
            profile.ca_file.as_deref().map(expand_tilde),
            "ca_file",
        )?;
        let insecure = layer
            .first_or_cloud(
                args.insecure.then_some((true, "--insecure")),
                &[],
                parse_bool,
                profile.insecure,
                "insecure",
            )?
            .unwrap_or(Sourced::new(false, Source::Default));
        let no_cache = layer
            .first(
                args.no_cache.then_some((true, "--no-cache")),
                &["IMS_NO_CACHE"],
                parse_bool,
                None,
            )?
            .unwrap_or(Sourced::new(false, Source::Default));
        let token = layer.first(
            args.token
                .clone()
                .map(|t| (TokenSource::Literal(Secret::new(t)), "--token")),
            &["IMS_TOKEN"],
            |text| Ok(TokenSource::Literal(Secret::new(text))),
            profile_token(profile, &from_profile)?,
        )?;
        let access_key = layer.first(
            None,
            &["IMS_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
            text,
            profile.access_key.clone(),
        )?;
        let secret_key = layer.first(
            None,
            &["IMS_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
            secret,
            profile.secret_key.clone(),
        )?;
        let security_token = layer.first(
            None,
            &["IMS_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
            secret,
            profile.security_token.clone(),
        )?;
        let mut keystone = layer.keystone(profile)?;
        keystone.project_id = project_id.clone();
        let credential =
            choose_credential(token, access_key, secret_key, security_token, keystone)?;

        Ok(Settings {
            config_path: config.path.clone(),
            profile: profile_name,
            endpoint,
            api,
            project_id,
            credential,
            output,
            timeout,
            retries,
            ca_file,
            insecure,
            cloud,
            no_cache,
            verbose: args.verbose,
        })
    }

    /// The settings as (name, shown value, source) rows, secrets masked.
    pub fn rows(&self) -> Vec<[String; 3]> {
        fn row<T>(name: &str, value: &Sourced<T>, shown: String) -> [String; 3] {
            [name.to_string(), shown, value.source.to_string()]
        }
        let mut rows = Vec::new();
        if let Some(path) = &self.config_path {
            rows.push(row("config", path, path.value.display().to_string()));
        }
        rows.push(row("profile", &self.profile, self.profile.value.clone()));
        if let Some(cloud) = &self.cloud {
            rows.push(row("cloud", cloud, cloud.value.clone()));
        }
        if let Some(endpoint) = &self.endpoint {
            rows.push(row("endpoint", endpoint, endpoint.value.clone()));
        }
        rows.push(row("api", &self.api, api_name(self.api.value).to_string()));
        if let Some(project_id) = &self.project_id {
            rows.push(row("project_id", project_id, project_id.value.clone()));
        }
        match &self.credential {
            Some(CredentialSettings::Token(token)) => {
                let (name, shown) = match &token.value {
                    TokenSource::Literal(secret) => ("token", secret.to_string()),
                    TokenSource::File(path) => ("token_file", path.display().to_string()),
                    TokenSource::Command(command) => ("token_command", command.clone()),
                };
                rows.push(row(name, token, shown));
            }
            Some(CredentialSettings::Keystone(keystone)) => keystone.rows(&mut rows),
            Some(CredentialSettings::AkSk(aksk)) => {
                rows.push(row(
                    "access_key",
                    &aksk.access_key,
                    aksk.access_key.value.clone(),
                ));
                rows.push(row(
                    "secret_key",
                    &aksk.secret_key,
                    aksk.secret_key.value.to_string(),
                ));
                if let Some(token) = &aksk.security_token {
                    rows.push(row("security_token", token, token.value.to_string()));
                }
            }
            None => {}
        }
        let output = format!("{:?}", self.output.value).to_lowercase();
        rows.push(row("output", &self.output, output));
        rows.push(row(
            "timeout",
            &self.timeout,
            format!("{}", self.timeout.value),
        ));
        rows.push(row(
            "retries",
            &self.retries,
            self.retries.value.to_string(),
        ));
        if let Some(ca_file) = &self.ca_file {
            rows.push(row("ca_file", ca_file, ca_file.value.display().to_string()));
        }
        rows.push(row(
            "insecure",
            &self.insecure,
            self.insecure.value.to_string(),
        ));
        rows
    }
}

/// The name of an API as written in settings.
pub fn api_name(api: Api) -> &'static str {
    match api {
        Api::V2 => "v2",
        Api::V1 => "v1",
    }
}

/// Picks the credential: a ready one (token or AK/SK) or a Keystone sign-in, whichever is
/// set at the higher level; both at the same level is an error.
fn choose_credential(
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

/// The environment, profile and OpenStack layers of one resolution.
struct Layers<'a> {
    env: EnvLookup<'a>,
    from_profile: &'a Source,
    openstack: &'a OpenStackLayer,
}

impl Layers<'_> {
    /// The first value set: flag, then the environment variables `vars` in order (parsed
    /// by `parse`; a bad value is a config error naming the variable), then the profile.
    fn first<T>(
        &self,
        flag: Option<(T, &'static str)>,
        vars: &[&'static str],
        parse: impl Fn(&str) -> Result<T, String>,
        profile: Option<T>,
    ) -> Result<Option<Sourced<T>>, Error> {
        if let Some((value, flag)) = flag {
            return Ok(Some(Sourced::new(value, Source::Flag(flag))));
        }
        for var in vars {
            if let Some(text) = (self.env)(var) {
                let value = parse(&text).map_err(|why| Error::config(format!("{var}: {why}")))?;
                return Ok(Some(Sourced::new(value, Source::Env(var))));
            }
        }
        Ok(profile.map(|value| Sourced::new(value, self.from_profile.clone())))
    }

    /// Like [`Layers::first`], then the OpenStack layer's `key` (a cloud or `OS_*`).
    fn first_or_cloud<T>(
        &self,
        flag: Option<(T, &'static str)>,
        vars: &[&'static str],
        parse: impl Fn(&str) -> Result<T, String>,
        profile: Option<T>,
        key: &str,
    ) -> Result<Option<Sourced<T>>, Error> {
        if let Some(found) = self.first(flag, vars, &parse, profile)? {
            return Ok(Some(found));
        }
        self.cloud(key, parse)
    }

    /// The OpenStack layer's value for `key`, parsed; a bad value names its source.
    fn cloud<T>(
        &self,
        key: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<Sourced<T>>, Error> {
        let Some(found) = self.openstack.get(key) else {
            return Ok(None);
        };
        let value = parse(&found.value)
            .map_err(|why| Error::config(format!("{}: `{key}`: {why}", found.source)))?;
        Ok(Some(Sourced::new(value, found.source)))
    }

    /// A Keystone text setting: the profile's, else the OpenStack layer's.
    fn text(&self, profile: &Option<String>, key: &str) -> Option<Sourced<String>> {
        match profile {
            Some(value) => Some(Sourced::new(value.clone(), self.from_profile.clone())),
            None => self.openstack.get(key),
        }
    }

    /// Keystone settings from the profile, then the cloud or `OS_*` variables.
    fn keystone(&self, profile: &Profile) -> Result<KeystoneSettings, Error> {
        let secret = |found: Sourced<String>| Sourced::new(Secret::new(found.value), found.source);
        let mut password = match (&profile.password, &profile.password_command) {
            (Some(_), Some(_)) => {
                return Err(Error::config(format!(
                    "{}: set only one of password, password_command",
                    self.from_profile
                )));
            }
            (Some(password), None) => Some(Sourced::new(
                PasswordSource::Literal(password.clone()),
                self.from_profile.clone(),
            )),
            (None, Some(command)) => Some(Sourced::new(
                PasswordSource::Command(command.clone()),
                self.from_profile.clone(),
            )),
            (None, None) => None,
        };
        if password.is_none() {
            password = self.openstack.get("password").map(|found| {
                Sourced::new(
                    PasswordSource::Literal(Secret::new(found.value)),
                    found.source,
                )
            });
        }
        let domain = |specific: &Option<String>, key: &str, fallback: &str| {
            self.text(specific, key)
                .or_else(|| self.openstack.get(fallback))
        };
        Ok(KeystoneSettings {
            auth_url: self.text(&profile.auth_url, "auth_url"),
            auth_type: self.text(&profile.auth_type, "auth_type"),
            username: self.text(&profile.username, "username"),
            user_id: self.text(&profile.user_id, "user_id"),
            password,
            user_domain_name: domain(&profile.user_domain_name, "user_domain_name", "domain_name"),
            user_domain_id: domain(&profile.user_domain_id, "user_domain_id", "domain_id"),
            project_name: self.text(&profile.project_name, "project_name"),
            project_id: None,
            project_domain_name: domain(
                &profile.project_domain_name,
                "project_domain_name",
                "domain_name",
            ),
            project_domain_id: domain(&profile.project_domain_id, "project_domain_id", "domain_id"),
            application_credential_id: self.text(
                &profile.application_credential_id,
                "application_credential_id",
            ),
            application_credential_name: self.text(
                &profile.application_credential_name,
                "application_credential_name",
            ),
            application_credential_secret: match &profile.application_credential_secret {
                Some(value) => Some(Sourced::new(value.clone(), self.from_profile.clone())),
                None => self
                    .openstack
                    .get("application_credential_secret")
                    .map(secret),
            },
            token: self.openstack.get("token").map(secret),
            region: self.text(&profile.region, "region"),
            interface: self.text(&profile.interface, "interface"),
        })
    }
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!(
            "`{text}` is not a yes/no value (1, 0, true, false)"
        )),
    }
}

fn parse_api(text: &str) -> Result<Api, String> {
    <Api as clap::ValueEnum>::from_str(text, true)
        .map_err(|_| format!("`{text}` is not a member API (v2, v1)"))
}

fn parse_output(text: &str) -> Result<OutputFormat, String> {
    <OutputFormat as clap::ValueEnum>::from_str(text, true)
        .map_err(|_| format!("`{text}` is not an output format (table, json, ids)"))
}

fn check_profile_timeout(secs: f64, source: &Source) -> Result<f64, Error> {
    crate::cli::parse_timeout(&secs.to_string())
        .map_err(|why| Error::config(format!("{source}: key `timeout`: {why}")))
}

/// The profile's token source: at most one of `token`, `token_file`, `token_command`.
fn profile_token(profile: &Profile, source: &Source) -> Result<Option<TokenSource>, Error> {
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

/// Expands a leading `~` or `~/` to the home directory.
pub fn expand_tilde(path: &str) -> PathBuf {
    let rest = match path.strip_prefix('~') {
        Some("") => "",
        Some(rest) if rest.starts_with('/') => &rest[1..],
        _ => return PathBuf::from(path),
    };
    match dirs::home_dir() {
        Some(home) if rest.is_empty() => home,
        Some(home) => home.join(rest),
        None => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name: &str| map.get(name).cloned()
    }

    fn config(text: &str) -> Config {
        let path = PathBuf::from("/c.toml");
        Config {
            file: Some(file::parse(&path, text).unwrap()),
            path: Some(Sourced::new(path, Source::Default)),
        }
    }

    fn from_profile(name: &str) -> Source {
        Source::Profile {
            file: PathBuf::from("/c.toml"),
            profile: name.to_string(),
        }
    }

    fn token_of(settings: Settings) -> TokenSource {
        match settings.credential {
            Some(CredentialSettings::Token(token)) => token.value,
            other => panic!("token expected, got {other:?}"),
        }
    }

    fn aksk_of(settings: Settings) -> AkSkSettings {
        match settings.credential {
            Some(CredentialSettings::AkSk(aksk)) => aksk,
            other => panic!("AK/SK expected, got {other:?}"),
        }
    }

    #[test]
    fn aksk_from_env_with_huawei_fallback() {
        let env = env_of(&[
            ("HUAWEICLOUD_SDK_AK", "hw-ak"),
            ("HUAWEICLOUD_SDK_SK", "hw-sk"),
            ("IMS_SECRET_KEY", "ims-sk"),
            ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "hw-st"),
        ]);
        let aksk =
            aksk_of(Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap());
        assert_eq!(
            aksk.access_key,
            Sourced::new("hw-ak".into(), Source::Env("HUAWEICLOUD_SDK_AK"))
        );
        assert_eq!(
            aksk.secret_key,
            Sourced::new(Secret::new("ims-sk"), Source::Env("IMS_SECRET_KEY"))
        );
        assert_eq!(
            aksk.security_token.unwrap().source,
            Source::Env("HUAWEICLOUD_SDK_SECURITY_TOKEN")
        );
    }

    #[test]
    fn token_and_aksk_higher_level_wins() {
        let cfg = config("[profiles.default]\naccess_key = \"ak\"\nsecret_key = \"sk\"\n");
        let env = env_of(&[("IMS_TOKEN", "t")]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap();
        assert_eq!(token_of(s), TokenSource::Literal(Secret::new("t")));

        let cfg = config("[profiles.default]\ntoken = \"t\"\n");
        let env = env_of(&[("IMS_ACCESS_KEY", "ak"), ("IMS_SECRET_KEY", "sk")]);
        let aksk = aksk_of(Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap());
        assert_eq!(aksk.access_key.value, "ak");

        // IMS_TOKEN outranks Huawei's own variables.
        let env = env_of(&[
            ("IMS_TOKEN", "t"),
            ("HUAWEICLOUD_SDK_AK", "ak"),
            ("HUAWEICLOUD_SDK_SK", "sk"),
        ]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap();
        assert_eq!(token_of(s), TokenSource::Literal(Secret::new("t")));
    }

    #[test]
    fn token_and_aksk_at_the_same_level_conflict() {
        let env = env_of(&[
            ("IMS_TOKEN", "t"),
            ("IMS_ACCESS_KEY", "ak"),
            ("IMS_SECRET_KEY", "sk"),
        ]);
        let err = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "both a token (from IMS_TOKEN) and an access key pair (from IMS_ACCESS_KEY) are set at the same level; keep one"
        );
        let cfg = config("[profiles.p]\ntoken = \"t\"\naccess_key = \"ak\"\nsecret_key = \"sk\"\n");
        let args = GlobalArgs {
            profile: Some("p".into()),
            ..Default::default()
        };
        let err = Settings::resolve(&args, &env_of(&[]), &cfg, None).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Config);
    }

    #[test]
    fn half_an_aksk_pair_is_an_error() {
        let env = env_of(&[("IMS_ACCESS_KEY", "ak")]);
        let err = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "access_key (from IMS_ACCESS_KEY) is set but no secret key: set IMS_SECRET_KEY, HUAWEICLOUD_SDK_SK or secret_key in the profile"
        );
        let cfg = config("[profiles.default]\nsecret_key = \"sk\"\n");
        let err = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &cfg, None).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("secret_key (from /c.toml:default) is set but no access key")
        );
    }

    #[test]
    fn api_and_project_id_precedence() {
        let cfg = config("[profiles.default]\napi = \"v1\"\nproject_id = \"p-file\"\n");
        let s = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &cfg, None).unwrap();
        assert_eq!(s.api, Sourced::new(Api::V1, from_profile("default")));
        assert_eq!(s.project_id.unwrap().value, "p-file");
        let env = env_of(&[("IMS_API", "V2"), ("IMS_PROJECT_ID", "p-env")]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap();
        assert_eq!(s.api, Sourced::new(Api::V2, Source::Env("IMS_API")));
        assert_eq!(s.project_id.unwrap().value, "p-env");
        let env = env_of(&[("IMS_API", "v3")]);
        let err = Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "IMS_API: `v3` is not a member API (v2, v1)"
        );
    }

    #[test]
    fn aksk_rows_mask_the_secret_key_and_security_token() {
        let env = env_of(&[
            ("IMS_ACCESS_KEY", "AKID"),
            ("IMS_SECRET_KEY", "hush-sk"),
            ("IMS_SECURITY_TOKEN", "hush-st"),
        ]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap();
        let text = format!("{:?} {:?}", s.rows(), s);
        assert!(!text.contains("hush"), "{text}");
        assert!(
            s.rows()
                .contains(&["access_key".into(), "AKID".into(), "IMS_ACCESS_KEY".into()])
        );
        assert!(
            s.rows()
                .contains(&["secret_key".into(), "****".into(), "IMS_SECRET_KEY".into()])
        );
    }

    const FILE: &str = "default_profile = \"a\"\n\
        [profiles.a]\nendpoint = \"https://a\"\ntoken = \"ta\"\noutput = \"json\"\ntimeout = 7\n\
        [profiles.b]\nendpoint = \"https://b\"\ntoken_command = \"echo tb\"\n";

    #[test]
    fn flag_beats_env_beats_profile_beats_default() {
        let cfg = config(FILE);
        let env = env_of(&[("IMS_ENDPOINT", "https://env"), ("IMS_OUTPUT", "ids")]);
        let args = GlobalArgs {
            endpoint: Some("https://flag".into()),
            ..Default::default()
        };
        let s = Settings::resolve(&args, &env, &cfg, None).unwrap();
        assert_eq!(
            s.endpoint.unwrap(),
            Sourced::new("https://flag".into(), Source::Flag("--endpoint"))
        );
        assert_eq!(
            s.output,
            Sourced::new(OutputFormat::Ids, Source::Env("IMS_OUTPUT"))
        );
        assert_eq!(s.timeout, Sourced::new(7.0, from_profile("a")));
        assert_eq!(
            s.credential.unwrap(),
            CredentialSettings::Token(Sourced::new(
                TokenSource::Literal(Secret::new("ta")),
                from_profile("a")
            ))
        );

        let s = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &config(""), None).unwrap();
        assert_eq!(s.output, Sourced::new(OutputFormat::Table, Source::Default));
        assert_eq!(s.timeout, Sourced::new(30.0, Source::Default));
        assert_eq!(s.endpoint, None);
        assert_eq!(s.credential, None);
        assert_eq!(s.api, Sourced::new(Api::V2, Source::Default));
    }

    #[test]
    fn profile_selection_precedence() {
        let cfg = config(FILE);
        let none = env_of(&[]);
        let args = GlobalArgs::default();
        assert_eq!(cfg.selected_profile(&args, &none).value, "a");
        let env = env_of(&[("IMS_PROFILE", "b")]);
        assert_eq!(
            cfg.selected_profile(&args, &env),
            Sourced::new("b".into(), Source::Env("IMS_PROFILE"))
        );
        let args = GlobalArgs {
            profile: Some("a".into()),
            ..Default::default()
        };
        assert_eq!(
            cfg.selected_profile(&args, &env).source,
            Source::Flag("--profile")
        );
        let s = Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap();
        assert_eq!(token_of(s), TokenSource::Command("echo tb".into()));
        let plain = config("");
        assert_eq!(
            plain.selected_profile(&GlobalArgs::default(), &none),
            Sourced::new("default".into(), Source::Default)
        );
    }

    #[test]
    fn unknown_profile_is_a_config_error_listing_profiles() {
        let env = env_of(&[("IMS_PROFILE", "nope")]);
        let err = Settings::resolve(&GlobalArgs::default(), &env, &config(FILE), None).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Config);
        assert_eq!(
            err.to_string(),
            "profile `nope` (from IMS_PROFILE) is not in /c.toml; profiles: a, b"
        );
        let missing = Config {
            path: Some(Sourced::new(PathBuf::from("/none.toml"), Source::Default)),
            file: None,
        };
        let err = Settings::resolve(&GlobalArgs::default(), &env, &missing, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "profile `nope` (from IMS_PROFILE) is not in /none.toml (which does not exist); it has no profiles"
        );
    }

    #[test]
    fn default_profile_naming_a_missing_profile_fails() {
        let cfg = config("default_profile = \"zz\"\n[profiles.a]\n");
        let err = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &cfg, None).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("profile `zz` (from /c.toml:default_profile)"),
            "{err}"
        );
    }

    #[test]
    fn bad_env_values_name_the_variable() {
        let env = env_of(&[("IMS_OUTPUT", "xml")]);
        let err = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "IMS_OUTPUT: `xml` is not an output format (table, json, ids)"
        );
        let env = env_of(&[("IMS_TIMEOUT", "0")]);
        let err = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap_err();
        assert!(err.to_string().starts_with("IMS_TIMEOUT: "), "{err}");
        let err = Settings::resolve(
            &GlobalArgs::default(),
            &env_of(&[]),
            &config("[profiles.default]\ntimeout = -3\n"),
            None,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/c.toml:default: key `timeout`: "),
            "{err}"
        );
    }

    #[test]
    fn two_token_keys_in_one_profile_conflict() {
        let cfg = config("[profiles.default]\ntoken = \"x\"\ntoken_file = \"/t\"\n");
        let err = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &cfg, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/c.toml:default: set only one of token, token_file, token_command (found token, token_file)"
        );
    }

    #[test]
    fn env_token_beats_profile_token_file() {
        let cfg = config("[profiles.default]\ntoken_file = \"/t\"\n");
        let env = env_of(&[("IMS_TOKEN", "envtok")]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap();
        let Some(CredentialSettings::Token(token)) = s.credential else {
            panic!("token expected")
        };
        assert_eq!(token.source, Source::Env("IMS_TOKEN"));
    }

    #[test]
    fn profile_override_for_profile_show() {
        let s = Settings::resolve(
            &GlobalArgs::default(),
            &env_of(&[]),
            &config(FILE),
            Some("b"),
        )
        .unwrap();
        assert_eq!(s.profile.value, "b");
        assert_eq!(s.endpoint.unwrap().value, "https://b");
    }

    #[test]
    fn rows_mask_secrets() {
        let args = GlobalArgs {
            token: Some("supersecret".into()),
            ..Default::default()
        };
        let s = Settings::resolve(&args, &env_of(&[]), &config(FILE), None).unwrap();
        let text = format!("{:?} {:?}", s.rows(), s);
        assert!(!text.contains("supersecret"), "{text}");
        assert!(
            s.rows()
                .contains(&["token".into(), "****".into(), "--token".into()])
        );
    }

    #[test]
    fn tilde_expansion() {
        let home = dirs::home_dir().unwrap();
        assert_eq!(expand_tilde("~/x/t"), home.join("x/t"));
        assert_eq!(expand_tilde("~"), home);
        assert_eq!(expand_tilde("/abs/~"), PathBuf::from("/abs/~"));
        assert_eq!(expand_tilde("~user/x"), PathBuf::from("~user/x"));
    }
}
