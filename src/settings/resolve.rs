//! Resolution: every setting a command needs, each from the highest layer that sets it
//! (flag > `IMS_*` variable > vendor variable > profile > clouds.yaml cloud > `OS_*`
//! variable > default), one short function per group of settings.

use std::path::PathBuf;

use super::credentials::{
    CredentialSettings, KeystoneSettings, PasswordSource, TokenSource, choose_credential,
    profile_token,
};
use super::file::{Config, Profile, expand_tilde};
use super::openstack::OpenStackLayer;
use super::source::{EnvLookup, Source, Sourced};
use crate::cli::{Api, Deadline, GlobalArgs, OutputFormat, Retries, Timeout, value_names};
use crate::error::Error;
use crate::secret::Secret;

/// Every setting a command needs, resolved, each with its source.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The config file consulted.
    pub(crate) config_path: Option<Sourced<PathBuf>>,
    /// The profile in effect.
    pub(crate) profile: Sourced<String>,
    /// The image service endpoint, as given (validated where it is used).
    pub(crate) endpoint: Option<Sourced<String>>,
    /// The member API.
    pub(crate) api: Sourced<Api>,
    /// The project ID (v1 API, AK/SK).
    pub(crate) project_id: Option<Sourced<String>>,
    /// The credential selected.
    pub(crate) credential: Option<CredentialSettings>,
    /// Output format.
    pub(crate) output: Sourced<OutputFormat>,
    /// Per-request timeout.
    pub(crate) timeout: Sourced<Timeout>,
    /// Retries of transient failures.
    pub(crate) retries: Sourced<Retries>,
    /// The time a whole command may take; none by default.
    pub(crate) deadline: Option<Sourced<Deadline>>,
    /// Extra trusted CA bundle.
    pub(crate) ca_file: Option<Sourced<PathBuf>>,
    /// Skip certificate verification.
    pub(crate) insecure: Sourced<bool>,
    /// The `clouds.yaml` cloud in use.
    pub(crate) cloud: Option<Sourced<String>>,
    /// Skip the Keystone token cache.
    pub(crate) no_cache: Sourced<bool>,
    /// `-v` count.
    pub(crate) verbose: u8,
}

/// Where the image service is and how it is spoken to.
struct Service {
    endpoint: Option<Sourced<String>>,
    api: Sourced<Api>,
    project_id: Option<Sourced<String>>,
}

/// How requests travel: time limits, retries and TLS trust.
struct Transport {
    timeout: Sourced<Timeout>,
    retries: Sourced<Retries>,
    deadline: Option<Sourced<Deadline>>,
    ca_file: Option<Sourced<PathBuf>>,
    insecure: Sourced<bool>,
    no_cache: Sourced<bool>,
}

impl Settings {
    /// Resolves every setting. `profile_name` overrides the profile selection
    /// (`profile show NAME`).
    pub(crate) fn resolve(
        args: &GlobalArgs,
        env: EnvLookup,
        config: &Config,
        profile_name: Option<&str>,
    ) -> Result<Settings, Error> {
        let profile_name = match profile_name {
            Some(name) => Sourced::new(name.to_string(), Source::Flag("profile show NAME")),
            None => config.selected_profile(args, env)?,
        };
        let empty = Profile::default();
        let profile = config.profile(&profile_name)?.unwrap_or(&empty);
        let from_profile = config.profile_source(&profile_name.value);
        let cloud = cloud_name(args, env, profile, &from_profile)?;
        let openstack = OpenStackLayer::load(cloud.as_ref(), env)?;
        let layers = Layers {
            args,
            env,
            profile,
            from_profile: &from_profile,
            openstack: &openstack,
        };
        let service = layers.service()?;
        let transport = layers.transport()?;
        let output = layers
            .first(
                args.output.map(|v| (v, "--output")),
                &["IMS_OUTPUT"],
                parse_output,
                profile.output,
            )?
            .unwrap_or(Sourced::new(OutputFormat::Table, Source::Default));
        let credential = layers.credential(service.project_id.as_ref())?;
        Ok(Settings {
            config_path: config.path.clone(),
            profile: profile_name,
            endpoint: service.endpoint,
            api: service.api,
            project_id: service.project_id,
            credential,
            output,
            timeout: transport.timeout,
            retries: transport.retries,
            deadline: transport.deadline,
            ca_file: transport.ca_file,
            insecure: transport.insecure,
            cloud,
            no_cache: transport.no_cache,
            verbose: args.verbose,
        })
    }
}

/// The `clouds.yaml` cloud named by `--os-cloud`, `OS_CLOUD` or the profile's `cloud`.
fn cloud_name(
    args: &GlobalArgs,
    env: EnvLookup,
    profile: &Profile,
    from_profile: &Source,
) -> Result<Option<Sourced<String>>, Error> {
    if let Some(name) = &args.os_cloud {
        return Ok(Some(Sourced::new(name.clone(), Source::Flag("--os-cloud"))));
    }
    Ok(match (env("OS_CLOUD")?, &profile.cloud) {
        (Some(name), _) => Some(Sourced::new(name, Source::Env("OS_CLOUD"))),
        (None, Some(name)) => Some(Sourced::new(name.clone(), from_profile.clone())),
        (None, None) => None,
    })
}

/// The layers of one resolution: flags, environment, profile and the OpenStack layer.
struct Layers<'a> {
    args: &'a GlobalArgs,
    env: EnvLookup<'a>,
    profile: &'a Profile,
    from_profile: &'a Source,
    openstack: &'a OpenStackLayer,
}

impl Layers<'_> {
    /// Endpoint, API and project ID.
    fn service(&self) -> Result<Service, Error> {
        let (args, profile) = (self.args, self.profile);
        let text = |text: &str| Ok(text.to_string());
        Ok(Service {
            endpoint: self.first_or_cloud(
                args.endpoint.clone().map(|v| (v, "--endpoint")),
                &["IMS_ENDPOINT"],
                text,
                profile.endpoint.clone(),
                "endpoint",
            )?,
            api: self
                .first(
                    args.api.map(|v| (v, "--api")),
                    &["IMS_API"],
                    parse_api,
                    profile.api,
                )?
                .unwrap_or(Sourced::new(Api::V2, Source::Default)),
            project_id: self.first_or_cloud(
                args.project_id.clone().map(|v| (v, "--project-id")),
                &["IMS_PROJECT_ID"],
                text,
                profile.project_id.clone(),
                "project_id",
            )?,
        })
    }

    /// Timeout, retries, deadline, CA file, `--insecure` and the token cache switch.
    fn transport(&self) -> Result<Transport, Error> {
        let (args, profile) = (self.args, self.profile);
        let timeout = profile
            .timeout
            .map(|secs| self.checked("timeout", Timeout::parse(&secs.to_string())))
            .transpose()?;
        let retries = profile
            .retries
            .map(|n| self.checked("retries", Retries::parse(&n.to_string())))
            .transpose()?;
        let deadline = profile
            .deadline
            .map(|secs| self.checked("deadline", Deadline::parse(&secs.to_string())))
            .transpose()?;
        Ok(Transport {
            timeout: self
                .first(
                    args.timeout.map(|v| (v, "--timeout")),
                    &["IMS_TIMEOUT"],
                    Timeout::parse,
                    timeout,
                )?
                .unwrap_or(Sourced::new(Timeout::DEFAULT, Source::Default)),
            retries: self
                .first(
                    args.retries.map(|v| (v, "--retries")),
                    &["IMS_RETRIES"],
                    Retries::parse,
                    retries,
                )?
                .unwrap_or(Sourced::new(Retries::DEFAULT, Source::Default)),
            deadline: self.first(
                args.deadline.map(|v| (v, "--deadline")),
                &["IMS_DEADLINE"],
                Deadline::parse,
                deadline,
            )?,
            ca_file: self.first_or_cloud(
                args.ca_file.clone().map(|v| (v, "--ca-file")),
                &["IMS_CA_FILE"],
                |text| Ok(expand_tilde(text)),
                profile.ca_file.as_deref().map(expand_tilde),
                "ca_file",
            )?,
            insecure: self
                .first_or_cloud(
                    args.insecure.then_some((true, "--insecure")),
                    &[],
                    parse_bool,
                    profile.insecure,
                    "insecure",
                )?
                .unwrap_or(Sourced::new(false, Source::Default)),
            no_cache: self
                .first(
                    args.no_cache.then_some((true, "--no-cache")),
                    &["IMS_NO_CACHE"],
                    parse_bool,
                    None,
                )?
                .unwrap_or(Sourced::new(false, Source::Default)),
        })
    }

    /// The credential: a token, an AK/SK pair or a Keystone sign-in.
    fn credential(
        &self,
        project_id: Option<&Sourced<String>>,
    ) -> Result<Option<CredentialSettings>, Error> {
        let (args, profile) = (self.args, self.profile);
        let text = |text: &str| Ok(text.to_string());
        let secret = |text: &str| Ok(Secret::masked(text));
        let token = self.first(
            args.token
                .clone()
                .map(|t| (TokenSource::Literal(Secret::masked(t)), "--token")),
            &["IMS_TOKEN"],
            |text| Ok(TokenSource::Literal(Secret::masked(text))),
            profile_token(profile, self.from_profile)?,
        )?;
        let access_key = self.first(
            None,
            &["IMS_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
            text,
            profile.access_key.clone(),
        )?;
        let secret_key = self.first(
            None,
            &["IMS_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
            secret,
            profile.secret_key.clone(),
        )?;
        let security_token = self.first(
            None,
            &["IMS_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
            secret,
            profile.security_token.clone(),
        )?;
        let mut keystone = self.keystone()?;
        keystone.project_id = project_id.cloned();
        choose_credential(token, access_key, secret_key, security_token, keystone)
    }

    /// A profile value checked by a flag's parser; a bad one names the profile and key.
    fn checked<T>(&self, key: &str, parsed: Result<T, String>) -> Result<T, Error> {
        parsed.map_err(|why| Error::config(format!("{}: key `{key}`: {why}", self.from_profile)))
    }

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
            if let Some(text) = (self.env)(var)? {
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
    fn keystone(&self) -> Result<KeystoneSettings, Error> {
        let profile = self.profile;
        let secret =
            |found: Sourced<String>| Sourced::new(Secret::masked(found.value), found.source);
        let domain = |specific: &Option<String>, key: &str, fallback: &str| {
            self.text(specific, key)
                .or_else(|| self.openstack.get(fallback))
        };
        Ok(KeystoneSettings {
            auth_url: self.text(&profile.auth_url, "auth_url"),
            auth_type: self.text(&profile.auth_type, "auth_type"),
            username: self.text(&profile.username, "username"),
            user_id: self.text(&profile.user_id, "user_id"),
            password: self.password()?,
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

    /// The Keystone password: the profile's `password` or `password_command` (not both),
    /// else the OpenStack layer's.
    fn password(&self) -> Result<Option<Sourced<PasswordSource>>, Error> {
        let from_profile = |source| Some(Sourced::new(source, self.from_profile.clone()));
        match (&self.profile.password, &self.profile.password_command) {
            (Some(_), Some(_)) => Err(Error::config(format!(
                "{}: set only one of password, password_command",
                self.from_profile
            ))),
            (Some(password), None) => Ok(from_profile(PasswordSource::Literal(password.clone()))),
            (None, Some(command)) => Ok(from_profile(PasswordSource::Command(command.clone()))),
            (None, None) => Ok(self.openstack.get("password").map(|found| {
                Sourced::new(
                    PasswordSource::Literal(Secret::masked(found.value)),
                    found.source,
                )
            })),
        }
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
    <OutputFormat as clap::ValueEnum>::from_str(text, true).map_err(|_| {
        let names = value_names::<OutputFormat>();
        format!("`{text}` is not an output format ({names})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::credentials::AkSkSettings;
    use crate::settings::testing::{config, env_of};
    use std::time::Duration;

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
        assert_eq!(
            s.timeout,
            Sourced::new(Timeout(Duration::from_secs(7)), from_profile("a"))
        );
        assert_eq!(
            s.credential.unwrap(),
            CredentialSettings::Token(Sourced::new(
                TokenSource::Literal(Secret::new("ta")),
                from_profile("a")
            ))
        );

        let s = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &config(""), None).unwrap();
        assert_eq!(s.output, Sourced::new(OutputFormat::Table, Source::Default));
        assert_eq!(s.timeout, Sourced::new(Timeout::DEFAULT, Source::Default));
        assert_eq!(s.endpoint, None);
        assert_eq!(s.credential, None);
        assert_eq!(s.api, Sourced::new(Api::V2, Source::Default));
    }

    #[test]
    fn deadline_is_off_unless_set_and_follows_precedence() {
        let s = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &config(""), None).unwrap();
        assert_eq!(s.deadline, None);
        let cfg = config("[profiles.default]\ndeadline = 90\n");
        let s = Settings::resolve(&GlobalArgs::default(), &env_of(&[]), &cfg, None).unwrap();
        assert_eq!(
            s.deadline,
            Some(Sourced::new(
                Deadline(Duration::from_secs(90)),
                from_profile("default")
            ))
        );
        let env = env_of(&[("IMS_DEADLINE", "2.5")]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap();
        assert_eq!(
            s.deadline,
            Some(Sourced::new(
                Deadline(Duration::from_millis(2500)),
                Source::Env("IMS_DEADLINE")
            ))
        );
        let args = GlobalArgs {
            deadline: Some(Deadline(Duration::from_secs(7))),
            ..Default::default()
        };
        let s = Settings::resolve(&args, &env, &cfg, None).unwrap();
        assert_eq!(s.deadline.unwrap().source, Source::Flag("--deadline"));
    }

    #[test]
    fn profile_selection_precedence() {
        let cfg = config(FILE);
        let none = env_of(&[]);
        let args = GlobalArgs::default();
        assert_eq!(cfg.selected_profile(&args, &none).unwrap().value, "a");
        let env = env_of(&[("IMS_PROFILE", "b")]);
        assert_eq!(
            cfg.selected_profile(&args, &env).unwrap(),
            Sourced::new("b".into(), Source::Env("IMS_PROFILE"))
        );
        let args = GlobalArgs {
            profile: Some("a".into()),
            ..Default::default()
        };
        assert_eq!(
            cfg.selected_profile(&args, &env).unwrap().source,
            Source::Flag("--profile")
        );
        let s = Settings::resolve(&GlobalArgs::default(), &env, &cfg, None).unwrap();
        assert_eq!(token_of(s), TokenSource::Command("echo tb".into()));
        let plain = config("");
        assert_eq!(
            plain
                .selected_profile(&GlobalArgs::default(), &none)
                .unwrap(),
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
            "IMS_OUTPUT: `xml` is not an output format (table, json, ndjson, ids, csv)"
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
}
