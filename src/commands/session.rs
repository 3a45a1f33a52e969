//! What every command that talks to the image service opens first: the resolved settings,
//! the member API route, the HTTP client, and (once authorised) the endpoint.

use crate::api::{ImageApi, Route, RulesMemory};
use crate::auth::Authorizer;
use crate::auth::cache::TokenCache;
use crate::cli::{Api, GlobalArgs};
use crate::client::{Client, ClientOptions, Tls};
use crate::console::Console;
use crate::error::Error;
use crate::settings::required::NO_ENDPOINT;
use crate::settings::source::EnvLookup;
use crate::settings::{Config, Settings};
use crate::url::{Endpoint, check_id};

/// The HTTP client the settings ask for (timeout, deadline, retries, TLS, tracing).
pub(crate) fn client_for(console: &Console, settings: &Settings) -> Client {
    if settings.insecure.value {
        console.warn(&format!(
            "TLS certificate verification is off (from {}): anyone on the path can read and \
             change this traffic",
            settings.insecure.source
        ));
    }
    Client::new(ClientOptions {
        timeout: settings.timeout.value.0,
        retries: settings.retries.value.0,
        deadline: settings.deadline.as_ref().map(|d| d.value.0),
        verbose: settings.verbose,
        tls: match settings.insecure.value {
            true => Tls::Insecure,
            false => Tls::Verify {
                extra_ca: settings.ca_file.as_ref().map(|f| f.value.clone()),
            },
        },
    })
}

/// Settings, route and HTTP client of a command that calls the image service.
pub(crate) struct Session {
    /// The resolved settings.
    pub(crate) settings: Settings,
    /// v2 or Huawei's v1 routes.
    route: Route,
    /// The stated sharing rules, and where learned ones are remembered.
    rules: RulesMemory,
    /// The one HTTP client.
    client: Client,
    /// Where Keystone tokens are cached, as the environment says.
    tokens: Option<TokenCache>,
}

impl Session {
    /// Resolves the settings and checks what the routes need; nothing is sent.
    pub(crate) fn open(console: &Console, global: &GlobalArgs) -> Result<Session, Error> {
        Session::open_in(console, global, console.env())
    }

    /// As [`Session::open`], with `env` as the environment.
    pub(crate) fn open_in(
        console: &Console,
        global: &GlobalArgs,
        env: EnvLookup,
    ) -> Result<Session, Error> {
        let config = Config::load(global, env)?;
        let settings = Settings::resolve(global, env, &config, None)?;
        // Everything missing is named at once, before any command runs or request is sent.
        settings.check_request_settings()?;
        if let Some(project_id) = &settings.project_id {
            check_id("project ID", &project_id.value)
                .map_err(|err| Error::config(format!("{err} (from {})", project_id.source)))?;
        }
        let route = match (settings.api.value, &settings.project_id) {
            (Api::V2, _) => Route::V2,
            (Api::V1, Some(project_id)) => Route::V1 {
                project_id: project_id.value.clone(),
            },
            (Api::V1, None) => {
                return Err(Error::config(format!(
                    "the v1 API (from {}) needs a project ID: set --project-id, \
                     IMS_PROJECT_ID or project_id in the profile",
                    settings.api.source
                )));
            }
        };
        let client = client_for(console, &settings);
        let rules = RulesMemory::new(settings.sharing_rules.value, env);
        Ok(Session {
            settings,
            route,
            rules,
            client,
            tokens: TokenCache::open(env),
        })
    }

    /// The route the settings select (v2, or Huawei's v1).
    pub(crate) fn route(&self) -> &Route {
        &self.route
    }

    /// "This project": `--project-id`, `IMS_PROJECT_ID` or `project_id`, else the project
    /// of the Keystone token; without one, exit 3 naming where to set it.
    pub(crate) fn this_project(&self, api: &ImageApi) -> Result<String, Error> {
        if let Some(project_id) = &self.settings.project_id {
            return Ok(project_id.value.clone());
        }
        api.auth.token_project().ok_or_else(|| {
            Error::config(
                "this command needs this project's ID: set --project-id, IMS_PROJECT_ID or \
                 project_id in the profile, or sign in with Keystone (--os-cloud, OS_* \
                 variables) so that the token's project is used",
            )
        })
    }

    /// Authorises (signing in to Keystone if that is the credential), finds the endpoint
    /// (the settings', else the service catalog's) and runs `work` with the API.
    pub(crate) fn with_api<R>(&self, work: impl FnOnce(&ImageApi) -> R) -> Result<R, Error> {
        let auth = Authorizer::new(&self.client, &self.settings, self.tokens.clone())?;
        let endpoint = match (&self.settings.endpoint, auth.catalog_endpoint()) {
            (Some(endpoint), _) => Endpoint::parse(&endpoint.value).map_err(|why| {
                Error::config(format!("endpoint (from {}): {why}", endpoint.source))
            })?,
            (None, Some(found)) => Endpoint::parse(&found?)
                .map_err(|why| Error::bad_answer(format!("the catalog's image endpoint: {why}")))?,
            (None, None) => return Err(Error::config(NO_ENDPOINT)),
        };
        Ok(work(&ImageApi::new(
            &auth,
            &endpoint,
            &self.route,
            &self.rules,
        )))
    }
}
