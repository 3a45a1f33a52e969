//! What a command that calls the image service needs before anything is run or sent: an
//! endpoint (unless a Keystone sign-in finds one in its catalog), a credential, and a
//! project ID where the v1 routes or AK/SK signing need one. Everything missing is named
//! in one message, so that a user fixes it in one go.

use super::credentials::{CredentialSettings, NO_CREDENTIAL, aksk_needs_project_id};
use super::resolve::Settings;
use crate::cli::Api;
use crate::error::Error;
use crate::url::Endpoint;

/// The message for a missing endpoint.
pub(crate) const NO_ENDPOINT: &str = "no endpoint: set --endpoint, IMS_ENDPOINT, or `endpoint` \
    in a profile (or sign in with Keystone to find it in the service catalog)";

impl Settings {
    /// Checks that a request can be made: everything missing or invalid (endpoint,
    /// credential, project ID) is named in one configuration error (exit 3).
    pub(crate) fn check_request_settings(&self) -> Result<(), Error> {
        let mut problems = Vec::new();
        let signs_in = matches!(self.credential, Some(CredentialSettings::Keystone(_)));
        match &self.endpoint {
            Some(endpoint) => {
                if let Err(why) = Endpoint::parse(&endpoint.value) {
                    problems.push(format!("endpoint (from {}): {why}", endpoint.source));
                }
            }
            None if !signs_in => problems.push(NO_ENDPOINT.to_string()),
            None => {}
        }
        if self.credential.is_none() {
            problems.push(NO_CREDENTIAL.to_string());
        }
        if self.project_id.is_none() {
            match (&self.api.value, &self.credential) {
                (Api::V1, _) => problems.push(format!(
                    "the v1 API (from {}) needs a project ID: set --project-id, \
                     IMS_PROJECT_ID or project_id in the profile",
                    self.api.source
                )),
                (Api::V2, Some(CredentialSettings::AkSk(aksk))) => {
                    problems.push(aksk_needs_project_id(&aksk.access_key.source));
                }
                (Api::V2, _) => {}
            }
        }
        match problems.is_empty() {
            true => Ok(()),
            false => Err(Error::config(problems.join("; "))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::GlobalArgs;
    use crate::settings::Config;

    fn check(pairs: &[(&str, &str)]) -> Result<(), Error> {
        let env = |name: &str| {
            Ok(pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.to_string()))
        };
        let config = Config {
            path: None,
            file: None,
        };
        Settings::resolve(&GlobalArgs::default(), &env, &config, None)?.check_request_settings()
    }

    #[test]
    fn everything_missing_is_named_at_once() {
        let err = check(&[]).unwrap_err();
        assert_eq!(err.to_string(), format!("{NO_ENDPOINT}; {NO_CREDENTIAL}"));
        let err = check(&[("IMS_API", "v1")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{NO_ENDPOINT}; {NO_CREDENTIAL}; the v1 API (from IMS_API) needs a project ID: \
                 set --project-id, IMS_PROJECT_ID or project_id in the profile"
            )
        );
        let err = check(&[("IMS_ACCESS_KEY", "ak"), ("IMS_SECRET_KEY", "sk")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{NO_ENDPOINT}; {}",
                aksk_needs_project_id(&crate::settings::Source::Env("IMS_ACCESS_KEY"))
            )
        );
        let err = check(&[("IMS_ENDPOINT", "http://u:PaSsWoRd@h")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "endpoint (from IMS_ENDPOINT): `http://u:****@h` must not carry user info; {NO_CREDENTIAL}"
            )
        );
        assert!(check(&[("IMS_ENDPOINT", "http://h"), ("IMS_TOKEN", "t")]).is_ok());
        assert!(check(&[("OS_AUTH_URL", "http://k/v3"), ("OS_PASSWORD", "pw")]).is_ok());
    }
}
