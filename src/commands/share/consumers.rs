//! The shares file's consumers: their profiles checked against the config file, their
//! sessions opened with none of this command's identity, and each signing in as the
//! member it accepts for.

use std::collections::{BTreeMap, BTreeSet};

use super::steps::no_session;
use crate::api::Route;
use crate::cli::{GlobalArgs, Setting};
use crate::commands::session::Session;
use crate::console::Console;
use crate::error::Error;
use crate::settings::{Config, CredentialSettings};
use crate::share::file::SharesFile;
use crate::share::plan::Plan;

/// Every `[consumers]` profile must be in the config file (exit 3 naming the line).
pub(super) fn check_consumers(
    console: &Console,
    global: &GlobalArgs,
    file: &SharesFile,
) -> Result<(), Error> {
    if file.consumers.is_empty() {
        return Ok(());
    }
    let config = Config::load(global, console.env())?;
    let known = config.profile_names();
    for (member, consumer) in &file.consumers {
        if !known.contains(&consumer.profile.as_str()) {
            let place = match &config.path {
                Some(path) => format!("config file {}", path.value.display()),
                None => "the config file (none was found)".to_string(),
            };
            return Err(Error::config(format!(
                "{}: [consumers] `{member}`: profile `{}` is not in {place}",
                file.at(consumer.line),
                consumer.profile
            )));
        }
    }
    Ok(())
}

/// The sessions of the file's consumers, by profile, resolved as `--profile NAME` resolves
/// one, but with none of the identity this command was given (`--endpoint`, `--token`,
/// `--api`, `--project-id`, `--os-cloud` and their variables): a consumer signs in with its
/// own profile only. A profile that cannot say its project (no `project_id`, no Keystone
/// sign-in) is exit 3 naming what to add. Nothing is sent.
pub(super) fn consumer_sessions(
    console: &Console,
    global: &GlobalArgs,
    file: &SharesFile,
) -> Result<BTreeMap<String, Session>, Error> {
    let mut sessions = BTreeMap::new();
    for (member, consumer) in &file.consumers {
        let profile = &consumer.profile;
        if sessions.contains_key(profile) {
            continue;
        }
        let session = consumer_session(console, global, profile)?;
        let keystone = matches!(
            session.settings.credential,
            Some(CredentialSettings::Keystone(_))
        );
        if session.settings.project_id.is_none() && !keystone {
            return Err(Error::config(format!(
                "profile {profile} (consumer of {member}) has no project_id: add \
                 project_id = \"{member}\" to [profiles.{profile}]"
            )));
        }
        sessions.insert(profile.clone(), session);
    }
    Ok(sessions)
}

/// The session of consumer `profile`, as [`consumer_sessions`] opens each. Nothing is sent.
fn consumer_session(
    console: &Console,
    global: &GlobalArgs,
    profile: &str,
) -> Result<Session, Error> {
    // The command's environment without the variables of the identity settings and the
    // `OS_*` sign-in variables (where clouds.yaml is, `OS_CLIENT_CONFIG_FILE`, stays).
    let env = |name: &str| match is_identity_variable(name) {
        true => Ok(None),
        false => console.env()(name),
    };
    let args = GlobalArgs {
        profile: Some(profile.to_string()),
        config: global.config.clone(),
        timeout: global.timeout,
        retries: global.retries,
        deadline: global.deadline,
        ca_file: global.ca_file.clone(),
        insecure: global.insecure,
        no_cache: global.no_cache,
        verbose: global.verbose,
        ..GlobalArgs::default()
    };
    Session::open_in(console, &args, &env)
        .map_err(|err| err.prefixed(&format!("consumer profile {profile}")))
}

/// A consumer's `vault_id` goes only into Huawei's v1 accept: a consumer whose own profile
/// does not use the v1 API cannot send it (exit 3 naming the line, before any request),
/// whatever API this project uses.
pub(super) fn check_vaults(
    console: &Console,
    global: &GlobalArgs,
    file: &SharesFile,
) -> Result<(), Error> {
    for (member, consumer) in &file.consumers {
        if consumer.vault_id.is_none() {
            continue;
        }
        let session = consumer_session(console, global, &consumer.profile)?;
        if !matches!(session.route(), Route::V1 { .. }) {
            return Err(Error::config(format!(
                "{}: [consumers] `{member}`: `vault_id` is for Huawei's v1 API, and profile \
                 `{}` does not use it (`api = \"v1\"`); the v2 API accepts without a vault",
                file.at(consumer.line),
                consumer.profile
            )));
        }
    }
    Ok(())
}

/// The settings that say who signs in where: a consumer's come from its profile only.
const IDENTITY: [&Setting; 9] = [
    &Setting::PROFILE,
    &Setting::ENDPOINT,
    &Setting::TOKEN,
    &Setting::ACCESS_KEY,
    &Setting::SECRET_KEY,
    &Setting::SECURITY_TOKEN,
    &Setting::API,
    &Setting::PROJECT_ID,
    &Setting::OS_CLOUD,
];

/// Whether the environment variable `name` says who signs in where: one of the
/// [`IDENTITY`] settings' or an `OS_*` sign-in variable (not `OS_CLIENT_CONFIG_FILE`,
/// which only says where clouds.yaml is).
fn is_identity_variable(name: &str) -> bool {
    (name.starts_with("OS_") && name != "OS_CLIENT_CONFIG_FILE")
        || IDENTITY.iter().any(|setting| setting.env.contains(&name))
}

/// Each consumer that accepts must sign in as the member it accepts for (exit 3), checked
/// before anything is sent; signing in is a read.
pub(super) fn check_consumer_projects(
    file: &SharesFile,
    plan: &Plan,
    consumers: &BTreeMap<String, Session>,
) -> Result<(), Error> {
    let mut checked = BTreeSet::new();
    for action in &plan.actions {
        let (Some(profile), Some(member)) = (&action.consumer, &action.member_id) else {
            continue;
        };
        let session = consumers.get(profile).ok_or_else(|| no_session(profile))?;
        if !checked.insert(member) {
            continue;
        }
        let project = session.with_api(|api| session.this_project(api))??;
        if &project != member {
            let line = file.consumers.get(member).map_or(0, |c| c.line);
            return Err(Error::config(format!(
                "{}: [consumers] `{member}`: profile `{profile}` signs in as project \
                 {project}, not as {member}",
                file.at(line)
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consumer_inherits_no_sign_in_variable_of_the_owner() {
        for name in [
            "IMS_PROFILE",
            "IMS_ENDPOINT",
            "IMS_TOKEN",
            "IMS_ACCESS_KEY",
            "HUAWEICLOUD_SDK_AK",
            "HUAWEICLOUD_SDK_SK",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN",
            "IMS_API",
            "IMS_PROJECT_ID",
            "OS_CLOUD",
            "OS_AUTH_URL",
            "OS_PASSWORD",
            "OS_PROJECT_ID",
            "OS_APPLICATION_CREDENTIAL_SECRET",
            "OS_TOKEN",
        ] {
            assert!(is_identity_variable(name), "{name}");
        }
        for name in [
            "OS_CLIENT_CONFIG_FILE",
            "IMS_CONFIG",
            "IMS_TIMEOUT",
            "IMS_CA_FILE",
            "HOME",
        ] {
            assert!(!is_identity_variable(name), "{name}");
        }
    }
}
