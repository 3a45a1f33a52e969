//! `ims profile list|show`: the config file's profiles, and the resolved settings with
//! where each came from (secrets masked).

use serde_json::Value;

use crate::auth::Login;
use crate::auth::cache::TokenCache;
use crate::cli::{GlobalArgs, OutputFormat, ProfileCommand, Setting};
use crate::console::Console;
use crate::output;
use crate::secret::{mask_command, mask_userinfo};
use crate::settings::file::DEFAULT_PROFILE;
use crate::settings::{
    Config, CredentialSettings, KeystoneSettings, PasswordSource, Settings, Sourced, TokenSource,
};

/// Runs a `profile` subcommand.
pub(crate) fn run(
    console: &Console,
    global: &GlobalArgs,
    command: ProfileCommand,
) -> anyhow::Result<()> {
    let config = Config::load(global, console.env())?;
    match command {
        ProfileCommand::List => list(console, global, &config),
        ProfileCommand::Show { name } => show(console, global, &config, name.as_deref()),
    }
}

/// The profiles of the config file, the default one marked. Without a config file there
/// is nothing to list: a note on stderr says why, and nothing is printed.
fn list(console: &Console, global: &GlobalArgs, config: &Config) -> anyhow::Result<()> {
    let format = output_format(console, global, config)?;
    match (&config.path, &config.file) {
        (Some(path), None) => {
            console.diag(&format!(
                "no config file at {}, so no profiles to list",
                path.value.display()
            ));
            return Ok(());
        }
        (None, _) => {
            console.diag(
                "no config directory found, so no profiles to list; use --config or IMS_CONFIG",
            );
            return Ok(());
        }
        _ => {}
    }
    let default = config
        .file
        .as_ref()
        .and_then(|file| file.default_profile.as_deref())
        .unwrap_or(DEFAULT_PROFILE);
    let rows = config
        .file
        .iter()
        .flat_map(|file| &file.profiles)
        .map(|(name, profile)| {
            vec![
                Value::from(name.as_str()),
                Value::Bool(name == default),
                profile
                    .endpoint
                    .as_deref()
                    .map_or(Value::Null, |url| Value::from(mask_userinfo(url))),
            ]
        })
        .collect::<Vec<_>>();
    output::to_stdout(console, |out| {
        output::print_records(
            out,
            format,
            &[
                ("Profile", "name"),
                ("Default", "default"),
                ("Endpoint", "endpoint"),
            ],
            rows,
        )
    })?;
    Ok(())
}

/// The resolved settings of a profile, each with its source; secrets, the arguments of
/// commands and the user info of URLs masked.
fn show(
    console: &Console,
    global: &GlobalArgs,
    config: &Config,
    name: Option<&str>,
) -> anyhow::Result<()> {
    let settings = Settings::resolve(global, console.env(), config, name)?;
    let mut rows = rows(&settings);
    if let Some(row) = token_project_row(&settings, TokenCache::open(console.env())) {
        let at = rows
            .iter()
            .position(|r| r[0] == Setting::SHARING_RULES.name)
            .map_or(0, |at| at + 1);
        rows.insert(at, row);
    }
    output::to_stdout(console, |out| {
        output::print_records(
            out,
            settings.output.value,
            &[
                ("Setting", "setting"),
                ("Value", "value"),
                ("Source", "source"),
            ],
            rows,
        )
    })?;
    Ok(())
}

/// The output format for `profile list`, which needs no other setting.
fn output_format(
    console: &Console,
    global: &GlobalArgs,
    config: &Config,
) -> anyhow::Result<OutputFormat> {
    Ok(Settings::resolve(global, console.env(), config, None)?
        .output
        .value)
}

/// "This project" when no setting names it and a complete Keystone sign-in is
/// configured: the project of the cached token (read from the cache, nothing is sent),
/// or a note that the next sign-in will tell. An incomplete sign-in adds no row:
/// `profile show` is where one looks to find out what is missing. The cache is `store`.
fn token_project_row(settings: &Settings, store: Option<TokenCache>) -> Option<[String; 3]> {
    if settings.project_id.is_some() {
        return None;
    }
    let (identity, cache) = Login::identity(settings, store).ok().flatten()?;
    let cached = cache
        .as_ref()
        .and_then(|(store, key)| store.load(key))
        .and_then(|cached| Some(cached.signed_in.project.get("id")?.as_str()?.to_string()));
    Some(match cached {
        Some(id) => [
            Setting::PROJECT_ID.name.to_string(),
            id,
            format!("the cached Keystone token of {}", identity.describe()),
        ],
        None => [
            Setting::PROJECT_ID.name.to_string(),
            "(the Keystone token's project)".to_string(),
            "Keystone sign-in: run `ims auth login` to see it".to_string(),
        ],
    })
}

/// One (name, shown value, source) row.
fn row<T>(name: &str, value: &Sourced<T>, shown: String) -> [String; 3] {
    [name.to_string(), shown, value.source.to_string()]
}

/// The row of `setting` whose value is shown as it displays (a secret as `****`).
fn shown<T: std::fmt::Display>(setting: &Setting, value: &Sourced<T>) -> [String; 3] {
    row(setting.name, value, value.value.to_string())
}

/// The settings as (name, shown value, source) rows, secrets masked.
fn rows(settings: &Settings) -> Vec<[String; 3]> {
    let mut rows = Vec::new();
    if let Some(path) = &settings.config_path {
        rows.push(row(
            Setting::CONFIG.name,
            path,
            path.value.display().to_string(),
        ));
    }
    rows.push(shown(&Setting::PROFILE, &settings.profile));
    rows.extend(settings.cloud.iter().map(|c| shown(&Setting::OS_CLOUD, c)));
    if let Some(endpoint) = &settings.endpoint {
        let masked = mask_userinfo(&endpoint.value);
        rows.push(row(Setting::ENDPOINT.name, endpoint, masked));
    }
    let api = value_name(settings.api.value);
    rows.push(row(Setting::API.name, &settings.api, api));
    let rules = value_name(settings.sharing_rules.value);
    rows.push(row(
        Setting::SHARING_RULES.name,
        &settings.sharing_rules,
        rules,
    ));
    rows.extend(
        settings
            .project_id
            .iter()
            .map(|p| shown(&Setting::PROJECT_ID, p)),
    );
    match &settings.credential {
        Some(CredentialSettings::Token(token)) => {
            let (name, shown) = match &token.value {
                TokenSource::Literal(secret) => (Setting::TOKEN.name, secret.to_string()),
                TokenSource::File(path) => ("token_file", path.display().to_string()),
                TokenSource::Command(command) => ("token_command", mask_command(command)),
            };
            rows.push(row(name, token, shown));
        }
        Some(CredentialSettings::Keystone(keystone)) => keystone_rows(keystone, &mut rows),
        Some(CredentialSettings::AkSk(aksk)) => {
            rows.push(shown(&Setting::ACCESS_KEY, &aksk.access_key));
            rows.push(shown(&Setting::SECRET_KEY, &aksk.secret_key));
            let token = aksk.security_token.iter();
            rows.extend(token.map(|t| shown(&Setting::SECURITY_TOKEN, t)));
        }
        None => {}
    }
    rows.push(shown(&Setting::OUTPUT, &settings.output));
    rows.push(shown(&Setting::TIMEOUT, &settings.timeout));
    rows.push(shown(&Setting::RETRIES, &settings.retries));
    rows.extend(
        settings
            .deadline
            .iter()
            .map(|d| shown(&Setting::DEADLINE, d)),
    );
    if let Some(ca_file) = &settings.ca_file {
        let path = ca_file.value.display().to_string();
        rows.push(row(Setting::CA_FILE.name, ca_file, path));
    }
    rows.push(shown(&Setting::INSECURE, &settings.insecure));
    rows
}

/// A value of a choice setting as it is written on the command line (`v2`, `json`).
fn value_name(value: impl clap::ValueEnum) -> String {
    value
        .to_possible_value()
        .map(|value| value.get_name().to_string())
        .unwrap_or_default()
}

/// The Keystone settings' rows, secrets masked.
fn keystone_rows(keystone: &KeystoneSettings, rows: &mut Vec<[String; 3]>) {
    let plain = [
        ("auth_url", &keystone.auth_url),
        ("auth_type", &keystone.auth_type),
        ("username", &keystone.username),
        ("user_id", &keystone.user_id),
        ("user_domain_name", &keystone.user_domain_name),
        ("user_domain_id", &keystone.user_domain_id),
        ("project_name", &keystone.project_name),
        ("project_domain_name", &keystone.project_domain_name),
        ("project_domain_id", &keystone.project_domain_id),
        (
            "application_credential_id",
            &keystone.application_credential_id,
        ),
        (
            "application_credential_name",
            &keystone.application_credential_name,
        ),
        ("region", &keystone.region),
        ("interface", &keystone.interface),
    ];
    for (name, value) in plain {
        if let Some(value) = value {
            rows.push(row(name, value, mask_userinfo(&value.value)));
        }
    }
    if let Some(password) = &keystone.password {
        let (name, shown) = match &password.value {
            PasswordSource::Literal(secret) => ("password", secret.to_string()),
            PasswordSource::Command(command) => ("password_command", mask_command(command)),
        };
        rows.push(row(name, password, shown));
    }
    let secrets = [
        (
            "application_credential_secret",
            &keystone.application_credential_secret,
        ),
        ("os_token", &keystone.token),
    ];
    for (name, value) in secrets {
        if let Some(value) = value {
            rows.push(row(name, value, value.value.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::testing::{config, env_of};

    #[test]
    fn aksk_rows_mask_the_secret_key_and_security_token() {
        let env = env_of(&[
            ("IMS_ACCESS_KEY", "AKID"),
            ("IMS_SECRET_KEY", "hush-sk"),
            ("IMS_SECURITY_TOKEN", "hush-st"),
        ]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap();
        let text = format!("{:?} {:?}", rows(&s), s);
        assert!(!text.contains("hush"), "{text}");
        assert!(rows(&s).contains(&["access_key".into(), "AKID".into(), "IMS_ACCESS_KEY".into()]));
        assert!(rows(&s).contains(&["secret_key".into(), "****".into(), "IMS_SECRET_KEY".into()]));
    }

    #[test]
    fn the_output_row_names_the_format_as_the_flag_takes_it() {
        let env = env_of(&[("IMS_OUTPUT", "NDJSON")]);
        let s = Settings::resolve(&GlobalArgs::default(), &env, &config(""), None).unwrap();
        let output = ["output".into(), "ndjson".into(), "IMS_OUTPUT".into()];
        assert!(rows(&s).contains(&output), "{:?}", rows(&s));
    }

    #[test]
    fn rows_mask_secrets() {
        let args = GlobalArgs {
            token: Some("supersecret".into()),
            ..Default::default()
        };
        let s = Settings::resolve(
            &args,
            &env_of(&[]),
            &config("[profiles.a]\nendpoint = \"https://a\"\n"),
            None,
        )
        .unwrap();
        let text = format!("{:?} {:?}", rows(&s), s);
        assert!(!text.contains("supersecret"), "{text}");
        assert!(rows(&s).contains(&["token".into(), "****".into(), "--token".into()]));
    }
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod command_tests;
