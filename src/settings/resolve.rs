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
use super::source::{EnvLookup, Source, Sourced, first_var};
use crate::cli::{
    Api, Deadline, GlobalArgs, OutputFormat, Retries, RulesSetting, Setting, Timeout, value_names,
};
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
    /// The service's sharing rules as stated (`auto`: learned).
    pub(crate) sharing_rules: Sourced<RulesSetting>,
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
    /// `--sharing-rules` (`auto` unless stated).
    sharing_rules: Sourced<RulesSetting>,
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
            .first(&Setting::OUTPUT, args.output, parse_output, profile.output)?
            .unwrap_or(Sourced::new(OutputFormat::Table, Source::Default));
        let credential = layers.credential(service.project_id.as_ref())?;
        Ok(Settings {
            config_path: config.path.clone(),
            profile: profile_name,
            endpoint: service.endpoint,
            api: service.api,
            sharing_rules: service.sharing_rules,
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
    let cloud = &Setting::OS_CLOUD;
    if let Some(name) = &args.os_cloud {
        return Ok(Some(Sourced::new(name.clone(), Source::flag_of(cloud))));
    }
    if let Some(name) = first_var(cloud, env)? {
        return Ok(Some(name));
    }
    Ok(profile
        .cloud
        .clone()
        .map(|name| Sourced::new(name, from_profile.clone())))
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
        let text = |setting: &'static Setting, flag: &Option<String>, profile: &Option<String>| {
            self.first(setting, flag.clone(), parse_text, profile.clone())
        };
        Ok(Service {
            endpoint: text(&Setting::ENDPOINT, &args.endpoint, &profile.endpoint)?,
            api: self
                .first(&Setting::API, args.api, parse_api, profile.api)?
                .unwrap_or(Sourced::new(Api::V2, Source::Default)),
            sharing_rules: self
                .first(
                    &Setting::SHARING_RULES,
                    args.sharing_rules,
                    parse_rules,
                    profile.sharing_rules,
                )?
                .unwrap_or(Sourced::new(RulesSetting::Auto, Source::Default)),
            project_id: text(&Setting::PROJECT_ID, &args.project_id, &profile.project_id)?,
        })
    }

    /// Timeout, retries, deadline, CA file, `--insecure` and the token cache switch.
    fn transport(&self) -> Result<Transport, Error> {
        let (args, profile) = (self.args, self.profile);
        let timeout = self.checked(&Setting::TIMEOUT, profile.timeout, Timeout::parse)?;
        let retries = self.checked(&Setting::RETRIES, profile.retries, Retries::parse)?;
        let deadline = self.checked(&Setting::DEADLINE, profile.deadline, Deadline::parse)?;
        Ok(Transport {
            timeout: self
                .first(&Setting::TIMEOUT, args.timeout, Timeout::parse, timeout)?
                .unwrap_or(Sourced::new(Timeout::DEFAULT, Source::Default)),
            retries: self
                .first(&Setting::RETRIES, args.retries, Retries::parse, retries)?
                .unwrap_or(Sourced::new(Retries::DEFAULT, Source::Default)),
            deadline: self.first(&Setting::DEADLINE, args.deadline, Deadline::parse, deadline)?,
            ca_file: self.first(
                &Setting::CA_FILE,
                args.ca_file.clone(),
                |text| Ok(expand_tilde(text)),
                profile.ca_file.as_deref().map(expand_tilde),
            )?,
            insecure: self
                .first(
                    &Setting::INSECURE,
                    args.insecure.then_some(true),
                    parse_bool,
                    profile.insecure,
                )?
                .unwrap_or(Sourced::new(false, Source::Default)),
            no_cache: self
                .first(
                    &Setting::NO_CACHE,
                    args.no_cache.then_some(true),
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
        let secret = |setting: &'static Setting, profile: &Option<Secret>| {
            self.first(
                setting,
                None,
                |text| Ok(Secret::masked(text)),
                profile.clone(),
            )
        };
        let token = self.first(
            &Setting::TOKEN,
            args.token
                .clone()
                .map(|t| TokenSource::Literal(Secret::masked(t))),
            |text| Ok(TokenSource::Literal(Secret::masked(text))),
            profile_token(profile, self.from_profile)?,
        )?;
        let access_key = self.first(
            &Setting::ACCESS_KEY,
            None,
            parse_text,
            profile.access_key.clone(),
        )?;
        let secret_key = secret(&Setting::SECRET_KEY, &profile.secret_key)?;
        let security_token = secret(&Setting::SECURITY_TOKEN, &profile.security_token)?;
        let mut keystone = self.keystone()?;
        keystone.project_id = project_id.cloned();
        choose_credential(token, access_key, secret_key, security_token, keystone)
    }

    /// The profile's number `value` of `setting`, checked by its flag's parser `parse`; a
    /// bad one names the profile and key.
    fn checked<T>(
        &self,
        setting: &Setting,
        value: Option<impl ToString>,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, Error> {
        let key = setting.key.unwrap_or(setting.name);
        value
            .map(|value| parse(&value.to_string()))
            .transpose()
            .map_err(|why| Error::config(format!("{}: key `{key}`: {why}", self.from_profile)))
    }

    /// The first value of `setting` set: its flag's value `flag`, then its environment
    /// variables in order (parsed by `parse`; a bad value is a config error naming the
    /// variable), then the profile's value `profile`, then, for a setting a cloud may set,
    /// the OpenStack layer's value of the setting's name (a cloud or `OS_*`).
    fn first<T>(
        &self,
        setting: &'static Setting,
        flag: Option<T>,
        parse: impl Fn(&str) -> Result<T, String>,
        profile: Option<T>,
    ) -> Result<Option<Sourced<T>>, Error> {
        if let Some(value) = flag {
            return Ok(Some(Sourced::new(value, Source::flag_of(setting))));
        }
        if let Some(Sourced { value, source }) = first_var(setting, self.env)? {
            let value = parse(&value).map_err(|why| Error::config(format!("{source}: {why}")))?;
            return Ok(Some(Sourced::new(value, source)));
        }
        if let Some(value) = profile {
            return Ok(Some(Sourced::new(value, self.from_profile.clone())));
        }
        let key = setting.name;
        let Some(found) = self.openstack.get(key).filter(|_| setting.cloud) else {
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

/// A text setting, as given.
fn parse_text(text: &str) -> Result<String, String> {
    Ok(text.to_string())
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

/// A member API named as on the command line, any case.
fn parse_api(text: &str) -> Result<Api, String> {
    parse_choice(text, "a member API")
}

/// Sharing rules named as on the command line, any case.
fn parse_rules(text: &str) -> Result<RulesSetting, String> {
    parse_choice(text, "a set of sharing rules")
}

/// An output format named as on the command line, any case.
fn parse_output(text: &str) -> Result<OutputFormat, String> {
    parse_choice(text, "an output format")
}

/// One of the values `T` takes on the command line, any case; a bad one is named with
/// every value it could have been.
fn parse_choice<T: clap::ValueEnum>(text: &str, what: &str) -> Result<T, String> {
    T::from_str(text, true).map_err(|_| format!("`{text}` is not {what} ({})", value_names::<T>()))
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

    /// The settings of no flag, the environment `env` and the config file `cfg`.
    fn resolve_with(env: EnvLookup, cfg: &Config) -> Result<Settings, Error> {
        Settings::resolve(&GlobalArgs::default(), env, cfg, None)
    }

    /// The error message of resolving as [`resolve_with`] does.
    fn error_of(env: EnvLookup, cfg: &Config) -> String {
        match resolve_with(env, cfg) {
            Ok(settings) => panic!("an error expected, got {settings:?}"),
            Err(err) => err.to_string(),
        }
    }

    /// The error message of resolving with only the environment `pairs` set.
    fn env_error(pairs: &[(&str, &str)]) -> String {
        error_of(&env_of(pairs), &config(""))
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
        let aksk = aksk_of(resolve_with(&env, &config("")).unwrap());
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
        let s = resolve_with(&env, &cfg).unwrap();
        assert_eq!(token_of(s), TokenSource::Literal(Secret::new("t")));

        let cfg = config("[profiles.default]\ntoken = \"t\"\n");
        let env = env_of(&[("IMS_ACCESS_KEY", "ak"), ("IMS_SECRET_KEY", "sk")]);
        let aksk = aksk_of(resolve_with(&env, &cfg).unwrap());
        assert_eq!(aksk.access_key.value, "ak");

        // IMS_TOKEN outranks Huawei's own variables.
        let env = env_of(&[
            ("IMS_TOKEN", "t"),
            ("HUAWEICLOUD_SDK_AK", "ak"),
            ("HUAWEICLOUD_SDK_SK", "sk"),
        ]);
        let s = resolve_with(&env, &config("")).unwrap();
        assert_eq!(token_of(s), TokenSource::Literal(Secret::new("t")));
    }

    #[test]
    fn token_and_aksk_at_the_same_level_conflict() {
        assert_eq!(
            env_error(&[
                ("IMS_TOKEN", "t"),
                ("IMS_ACCESS_KEY", "ak"),
                ("IMS_SECRET_KEY", "sk"),
            ]),
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
        assert_eq!(
            env_error(&[("IMS_ACCESS_KEY", "ak")]),
            "access_key (from IMS_ACCESS_KEY) is set but no secret key: set IMS_SECRET_KEY, HUAWEICLOUD_SDK_SK or secret_key in the profile"
        );
        let cfg = config("[profiles.default]\nsecret_key = \"sk\"\n");
        let err = resolve_with(&env_of(&[]), &cfg).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("secret_key (from /c.toml:default) is set but no access key")
        );
    }

    #[test]
    fn api_and_project_id_precedence() {
        let cfg = config("[profiles.default]\napi = \"v1\"\nproject_id = \"p-file\"\n");
        let s = resolve_with(&env_of(&[]), &cfg).unwrap();
        assert_eq!(s.api, Sourced::new(Api::V1, from_profile("default")));
        assert_eq!(s.project_id.unwrap().value, "p-file");
        let env = env_of(&[("IMS_API", "V2"), ("IMS_PROJECT_ID", "p-env")]);
        let s = resolve_with(&env, &cfg).unwrap();
        assert_eq!(s.api, Sourced::new(Api::V2, Source::Env("IMS_API")));
        assert_eq!(s.project_id.unwrap().value, "p-env");
        let env = env_of(&[("IMS_API", "v3")]);
        assert_eq!(
            error_of(&env, &cfg),
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

        let s = resolve_with(&env_of(&[]), &config("")).unwrap();
        assert_eq!(s.output, Sourced::new(OutputFormat::Table, Source::Default));
        assert_eq!(s.timeout, Sourced::new(Timeout::DEFAULT, Source::Default));
        assert_eq!(s.endpoint, None);
        assert_eq!(s.credential, None);
        assert_eq!(s.api, Sourced::new(Api::V2, Source::Default));
    }

    #[test]
    fn deadline_is_off_unless_set_and_follows_precedence() {
        let s = resolve_with(&env_of(&[]), &config("")).unwrap();
        assert_eq!(s.deadline, None);
        let cfg = config("[profiles.default]\ndeadline = 90\n");
        let s = resolve_with(&env_of(&[]), &cfg).unwrap();
        assert_eq!(
            s.deadline,
            Some(Sourced::new(
                Deadline(Duration::from_secs(90)),
                from_profile("default")
            ))
        );
        let env = env_of(&[("IMS_DEADLINE", "2.5")]);
        let s = resolve_with(&env, &cfg).unwrap();
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
        let s = resolve_with(&env, &cfg).unwrap();
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
        let err = resolve_with(&env, &config(FILE)).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Config);
        assert_eq!(
            err.to_string(),
            "profile `nope` (from IMS_PROFILE) is not in /c.toml; profiles: a, b"
        );
        let missing = Config {
            path: Some(Sourced::new(PathBuf::from("/none.toml"), Source::Default)),
            file: None,
        };
        assert_eq!(
            error_of(&env, &missing),
            "profile `nope` (from IMS_PROFILE) is not in /none.toml (which does not exist); it has no profiles"
        );
    }

    #[test]
    fn default_profile_naming_a_missing_profile_fails() {
        let cfg = config("default_profile = \"zz\"\n[profiles.a]\n");
        let err = resolve_with(&env_of(&[]), &cfg).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("profile `zz` (from /c.toml:default_profile)"),
            "{err}"
        );
    }

    #[test]
    fn bad_env_values_name_the_variable() {
        assert_eq!(
            env_error(&[("IMS_OUTPUT", "xml")]),
            "IMS_OUTPUT: `xml` is not an output format (table, json, ndjson, ids, csv, markdown)"
        );
        let env = env_of(&[("IMS_TIMEOUT", "0")]);
        let err = resolve_with(&env, &config("")).unwrap_err();
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
        assert_eq!(
            error_of(&env_of(&[]), &cfg),
            "/c.toml:default: set only one of token, token_file, token_command (found token, token_file)"
        );
    }

    #[test]
    fn env_token_beats_profile_token_file() {
        let cfg = config("[profiles.default]\ntoken_file = \"/t\"\n");
        let env = env_of(&[("IMS_TOKEN", "envtok")]);
        let s = resolve_with(&env, &cfg).unwrap();
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
