//! `ims profile list|show`

use serde_json::Value;

use crate::cli::{GlobalArgs, OutputFormat, ProfileCommand};
use crate::error::diag;
use crate::output;
use crate::settings::{Config, Settings, process_env};

/// Runs a `profile` subcommand.
pub fn run(global: &GlobalArgs, command: ProfileCommand) -> anyhow::Result<()> {
    let config = Config::load(global, &process_env)?;
    match command {
        ProfileCommand::List => list(global, &config),
        ProfileCommand::Show { name } => show(global, &config, name.as_deref()),
    }
}

/// The profiles of the config file, the default one marked.
fn list(global: &GlobalArgs, config: &Config) -> anyhow::Result<()> {
    let format = output_format(global, config)?;
    match (&config.path, &config.file) {
        (Some(path), None) => diag(&format!("no config file at {}", path.value.display())),
        (None, _) => diag("no config directory found; use --config or IMS_CONFIG"),
        _ => {}
    }
    let default = config
        .file
        .as_ref()
        .and_then(|file| file.default_profile.as_deref())
        .unwrap_or(crate::settings::DEFAULT_PROFILE);
    let rows = config
        .file
        .iter()
        .flat_map(|file| &file.profiles)
        .map(|(name, profile)| {
            vec![
                Value::from(name.as_str()),
                Value::Bool(name == default),
                profile.endpoint.as_deref().map_or(Value::Null, Value::from),
            ]
        })
        .collect::<Vec<_>>();
    output::print_records(
        format,
        &[
            ("Profile", "name"),
            ("Default", "default"),
            ("Endpoint", "endpoint"),
        ],
        rows,
    )?;
    Ok(())
}

/// The resolved settings of a profile, each with its source; secrets masked.
fn show(global: &GlobalArgs, config: &Config, name: Option<&str>) -> anyhow::Result<()> {
    let settings = Settings::resolve(global, &process_env, config, name)?;
    output::print_records(
        settings.output.value,
        &[
            ("Setting", "setting"),
            ("Value", "value"),
            ("Source", "source"),
        ],
        settings.rows(),
    )?;
    Ok(())
}

/// The output format for `profile list`, which needs no other setting.
fn output_format(global: &GlobalArgs, config: &Config) -> anyhow::Result<OutputFormat> {
    Ok(Settings::resolve(global, &process_env, config, None)?
        .output
        .value)
}
