//! The TOML config file: where it is, which profile is selected, and its profiles, with
//! typos caught and named.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::source::{EnvLookup, Source, Sourced, first_var};
use crate::cli::{Api, GlobalArgs, OutputFormat, RulesSetting, Setting};
use crate::error::Error;
use crate::secret::Secret;

/// The keys a profile may hold: the fields of [`Profile`], read from its derived
/// `Deserialize` (serde hands them to `deserialize_struct`), so the list and the struct
/// cannot drift apart.
pub(crate) fn profile_keys() -> &'static [&'static str] {
    struct Fields(&'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for &mut Fields {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("only the field names are read"))
        }

        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(serde::de::Error::custom("only the field names are read"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut fields = Fields(&[]);
    let _ = Profile::deserialize(&mut fields);
    fields.0
}

/// The keys allowed at the top of the file.
const TOP_LEVEL_KEYS: &[&str] = &["default_profile", "profiles"];

/// One `[profiles.NAME]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Profile {
    /// Image service endpoint.
    pub(crate) endpoint: Option<String>,
    /// A literal token.
    pub(crate) token: Option<Secret>,
    /// A file whose trimmed content is the token (`~` expanded).
    pub(crate) token_file: Option<String>,
    /// A shell command whose trimmed stdout is the token.
    pub(crate) token_command: Option<String>,
    /// AK/SK signing: the access key ID.
    pub(crate) access_key: Option<String>,
    /// AK/SK signing: the secret key.
    pub(crate) secret_key: Option<Secret>,
    /// AK/SK signing: the security token of temporary credentials.
    pub(crate) security_token: Option<Secret>,
    /// Project ID (v1 API, AK/SK).
    pub(crate) project_id: Option<String>,
    /// Member API.
    pub(crate) api: Option<Api>,
    /// The service's sharing rules, when stated.
    pub(crate) sharing_rules: Option<RulesSetting>,
    /// Output format.
    pub(crate) output: Option<OutputFormat>,
    /// Per-request timeout in seconds.
    pub(crate) timeout: Option<f64>,
    /// Retries of transient failures.
    pub(crate) retries: Option<i64>,
    /// Seconds a whole command may take.
    pub(crate) deadline: Option<f64>,
    /// Extra trusted CA bundle (`~` expanded).
    pub(crate) ca_file: Option<String>,
    /// Skip certificate verification.
    pub(crate) insecure: Option<bool>,
    /// A cloud of `clouds.yaml` to take Keystone settings from.
    pub(crate) cloud: Option<String>,
    /// Keystone auth type.
    pub(crate) auth_type: Option<String>,
    /// Keystone identity endpoint.
    pub(crate) auth_url: Option<String>,
    /// Keystone user name.
    pub(crate) username: Option<String>,
    /// Keystone user ID.
    pub(crate) user_id: Option<String>,
    /// Keystone password.
    pub(crate) password: Option<Secret>,
    /// A shell command whose trimmed stdout is the Keystone password.
    pub(crate) password_command: Option<String>,
    /// The user's domain name.
    pub(crate) user_domain_name: Option<String>,
    /// The user's domain ID.
    pub(crate) user_domain_id: Option<String>,
    /// The project's name (scope).
    pub(crate) project_name: Option<String>,
    /// The project's domain name.
    pub(crate) project_domain_name: Option<String>,
    /// The project's domain ID.
    pub(crate) project_domain_id: Option<String>,
    /// Application credential ID.
    pub(crate) application_credential_id: Option<String>,
    /// Application credential name.
    pub(crate) application_credential_name: Option<String>,
    /// Application credential secret.
    pub(crate) application_credential_secret: Option<Secret>,
    /// Catalog region.
    pub(crate) region: Option<String>,
    /// Catalog interface.
    pub(crate) interface: Option<String>,
}

impl Profile {
    /// Whether the profile holds a secret itself (not a path or command to one).
    pub(crate) fn holds_secret(&self) -> bool {
        self.token.is_some()
            || self.secret_key.is_some()
            || self.security_token.is_some()
            || self.password.is_some()
            || self.application_credential_secret.is_some()
    }
}

/// A parsed config file.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ConfigFile {
    /// The profile used when none is selected.
    pub(crate) default_profile: Option<String>,
    /// Profiles by name.
    #[serde(default)]
    pub(crate) profiles: BTreeMap<String, Profile>,
}

/// Warns when the regular file `path`, which holds a secret, can be read by group or
/// others (like ssh). Anything else (a device, a FIFO) is refused where it is read, never
/// worth a `chmod` hint.
pub(crate) fn warn_if_exposed(path: &Path, what: &str) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path)
            && meta.is_file()
            && meta.permissions().mode() & 0o077 != 0
        {
            super::warnings::warn(&format!(
                "{what} {} holds secrets and can be read by group or others (mode {:o}); \
                 fix with: chmod 600 {}",
                path.display(),
                meta.permissions().mode() & 0o777,
                path.display()
            ));
        }
    }
}

/// Reads the config file at `path` (a regular file of at most 4 MiB); `Ok(None)` when it
/// does not exist.
pub(crate) fn load(path: &Sourced<PathBuf>) -> Result<Option<ConfigFile>, Error> {
    let what = format!(
        "config file {} (from {})",
        path.value.display(),
        path.source
    );
    let Some(text) = crate::files::read_small_text(&path.value, &what)? else {
        return Ok(None);
    };
    let file = parse(&path.value, &text)?;
    if file.profiles.values().any(Profile::holds_secret) {
        warn_if_exposed(&path.value, "config file");
    }
    Ok(Some(file))
}

/// Parses config text; `path` only names the file in messages.
pub(crate) fn parse(path: &Path, text: &str) -> Result<ConfigFile, Error> {
    let syntax_error = |err: toml::de::Error| {
        Error::config(format!(
            "config file {} is not valid TOML: {}",
            path.display(),
            err.to_string().trim_end()
        ))
    };
    let table: toml::Table = toml::from_str(text).map_err(syntax_error)?;
    check_keys(path, &table)?;
    toml::from_str(text).map_err(syntax_error)
}

/// Rejects unknown keys, naming the file, the profile and the closest valid key.
fn check_keys(path: &Path, table: &toml::Table) -> Result<(), Error> {
    for key in table.keys() {
        if !TOP_LEVEL_KEYS.contains(&key.as_str()) {
            return Err(unknown_key(path, None, key, TOP_LEVEL_KEYS));
        }
    }
    let Some(profiles) = table.get("profiles") else {
        return Ok(());
    };
    let Some(profiles) = profiles.as_table() else {
        return Err(Error::config(format!(
            "config file {}: `profiles` must be a table of [profiles.NAME] sections",
            path.display()
        )));
    };
    for (name, profile) in profiles {
        let Some(profile) = profile.as_table() else {
            return Err(Error::config(format!(
                "config file {}: profile `{name}` must be a [profiles.{name}] table",
                path.display()
            )));
        };
        for key in profile.keys() {
            if !profile_keys().contains(&key.as_str()) {
                return Err(unknown_key(path, Some(name), key, profile_keys()));
            }
        }
    }
    Ok(())
}

fn unknown_key(path: &Path, profile: Option<&str>, key: &str, valid: &[&str]) -> Error {
    let place = match profile {
        Some(name) => format!("profile `{name}`"),
        None => "the top level".to_string(),
    };
    let hint = match closest(key, valid) {
        Some(best) => format!("; did you mean `{best}`?"),
        None => format!("; valid keys: {}", valid.join(", ")),
    };
    Error::config(format!(
        "config file {}: unknown key `{key}` in {place}{hint}",
        path.display()
    ))
}

/// The valid key most like `key`, when it is close enough to be a typo.
fn closest<'a>(key: &str, valid: &[&'a str]) -> Option<&'a str> {
    valid
        .iter()
        .map(|candidate| (strsim::jaro_winkler(key, candidate), *candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The default config file: `$XDG_CONFIG_HOME/ims/config.toml`, else the platform's config
/// dir; `None` when there is none.
pub(crate) fn default_path(env: EnvLookup) -> Result<Option<PathBuf>, Error> {
    let base = env("XDG_CONFIG_HOME")?
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(dirs::config_dir);
    Ok(base.map(|base| base.join("ims").join("config.toml")))
}

/// The profile used when neither a flag, `IMS_PROFILE` nor `default_profile` names one.
pub(crate) const DEFAULT_PROFILE: &str = "default";

/// The config file in effect: its path (and why), and its content when it exists.
#[derive(Debug)]
pub(crate) struct Config {
    /// The file's path and where the path came from; `None` when no path could be found.
    pub(crate) path: Option<Sourced<PathBuf>>,
    /// The parsed file; `None` when it does not exist.
    pub(crate) file: Option<ConfigFile>,
}

impl Config {
    /// Finds and parses the config file. A missing default file is fine; a missing file
    /// named by `--config` or `IMS_CONFIG` is an error.
    pub(crate) fn load(args: &GlobalArgs, env: EnvLookup) -> Result<Config, Error> {
        let path = match &args.config {
            Some(path) => Some(Sourced::new(
                path.clone(),
                Source::flag_of(&Setting::CONFIG),
            )),
            None => match first_var(&Setting::CONFIG, env)? {
                Some(path) => Some(path.map(PathBuf::from)),
                None => default_path(env)?.map(|path| Sourced::new(path, Source::Default)),
            },
        };
        let Some(path) = path else {
            return Ok(Config {
                path: None,
                file: None,
            });
        };
        let file = load(&path)?;
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

    /// The source of a value set in profile `name` of this file.
    pub(crate) fn profile_source(&self, name: &str) -> Source {
        Source::Profile {
            file: self
                .path
                .as_ref()
                .map(|p| p.value.clone())
                .unwrap_or_default(),
            profile: name.to_string(),
        }
    }

    /// The profile names in the file, sorted.
    pub(crate) fn profile_names(&self) -> Vec<&str> {
        self.file
            .iter()
            .flat_map(|file| file.profiles.keys().map(String::as_str))
            .collect()
    }

    /// The profile selected by `--profile`, `IMS_PROFILE`, `default_profile`, else `default`.
    pub(crate) fn selected_profile(
        &self,
        args: &GlobalArgs,
        env: EnvLookup,
    ) -> Result<Sourced<String>, Error> {
        if let Some(name) = &args.profile {
            return Ok(Sourced::new(
                name.clone(),
                Source::flag_of(&Setting::PROFILE),
            ));
        }
        if let Some(name) = first_var(&Setting::PROFILE, env)? {
            return Ok(name);
        }
        let selected = match (&self.file, &self.path) {
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
        };
        Ok(selected)
    }

    /// The named profile; an empty one for the implicit `default` when the file lacks it.
    pub(crate) fn profile(&self, name: &Sourced<String>) -> Result<Option<&Profile>, Error> {
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

/// Expands a leading `~` or `~/` to the home directory.
pub(crate) fn expand_tilde(path: &str) -> PathBuf {
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

    fn parse_str(text: &str) -> Result<ConfigFile, String> {
        parse(Path::new("/cfg.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_profiles_and_default() {
        let file = parse_str(
            "default_profile = \"otc\"\n[profiles.otc]\nendpoint = \"https://x\"\ntoken_file = \"~/t\"\noutput = \"json\"\ntimeout = 5\n",
        )
        .unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("otc"));
        let otc = &file.profiles["otc"];
        assert_eq!(otc.endpoint.as_deref(), Some("https://x"));
        assert_eq!(otc.output, Some(OutputFormat::Json));
        assert_eq!(otc.timeout, Some(5.0));
    }

    #[test]
    fn unknown_key_names_file_profile_key_and_suggestion() {
        let err = parse_str("[profiles.otc]\nendpont = \"https://x\"\n").unwrap_err();
        assert_eq!(
            err,
            "config file /cfg.toml: unknown key `endpont` in profile `otc`; did you mean `endpoint`?"
        );
        let err = parse_str("[profiles.otc]\nzzz = 1\n").unwrap_err();
        assert!(err.contains("unknown key `zzz` in profile `otc`; valid keys: endpoint, token,"));
        let err = parse_str("default_profil = \"a\"\n").unwrap_err();
        assert!(err.contains(
            "unknown key `default_profil` in the top level; did you mean `default_profile`?"
        ));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse_str("[profiles.otc]\nendpoint = \"https://x\n").unwrap_err();
        assert!(
            err.starts_with("config file /cfg.toml is not valid TOML: "),
            "{err}"
        );
        assert!(err.contains("line 2, column"), "{err}");
    }

    #[test]
    fn type_errors_carry_line_and_column() {
        let err = parse_str("[profiles.otc]\noutput = \"xml\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("xml"), "{err}");
        let err = parse_str("[profiles.otc]\ntimeout = \"ten\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn profile_must_be_a_table() {
        let err = parse_str("profiles = 3\n").unwrap_err();
        assert!(err.contains("`profiles` must be a table"), "{err}");
        let err = parse_str("[profiles]\notc = 3\n").unwrap_err();
        assert!(
            err.contains("profile `otc` must be a [profiles.otc] table"),
            "{err}"
        );
    }

    #[test]
    fn secrets_in_the_file_do_not_leak_through_debug() {
        let file = parse_str("[profiles.a]\ntoken = \"tok-123\"\n").unwrap();
        assert!(!format!("{file:?}").contains("tok-123"));
    }

    #[test]
    fn default_path_prefers_absolute_xdg() {
        let env = |k: &str| Ok((k == "XDG_CONFIG_HOME").then(|| "/xdg".to_string()));
        assert_eq!(
            default_path(&env).unwrap(),
            Some(PathBuf::from("/xdg/ims/config.toml"))
        );
        let relative = |k: &str| Ok((k == "XDG_CONFIG_HOME").then(|| "rel".to_string()));
        assert_ne!(
            default_path(&relative).unwrap(),
            Some(PathBuf::from("rel/ims/config.toml"))
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

    #[test]
    fn every_profile_key_of_a_setting_is_accepted() {
        for setting in Setting::ALL {
            if let Some(key) = setting.key {
                assert!(profile_keys().contains(&key), "{key}");
            }
        }
    }

    #[test]
    fn the_accepted_keys_are_the_profile_fields() {
        let keys = profile_keys();
        assert_eq!(keys.first(), Some(&"endpoint"));
        for key in [
            "token_command",
            "secret_key",
            "cloud",
            "password_command",
            "interface",
        ] {
            assert!(keys.contains(&key), "{key}");
        }
        // Every accepted key, set at once, is a valid profile: none is refused by the
        // struct, and none of the struct's fields is missing from the list.
        let text: String = keys
            .iter()
            .map(|key| {
                let value = match *key {
                    "timeout" | "retries" | "deadline" => "5",
                    "insecure" => "false",
                    "api" => "\"v2\"",
                    "sharing_rules" => "\"huawei\"",
                    "output" => "\"json\"",
                    _ => "\"x\"",
                };
                format!("{key} = {value}\n")
            })
            .collect();
        let file = parse(Path::new("/all.toml"), &format!("[profiles.all]\n{text}")).unwrap();
        assert_eq!(file.profiles["all"].endpoint.as_deref(), Some("x"));
        let unknown = parse(Path::new("/u.toml"), "[profiles.p]\nnot_a_field = 1\n");
        assert!(unknown.is_err());
    }
}
