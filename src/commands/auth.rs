//! `ims auth status|login|logout`: the cached Keystone token, never printed.

use crate::auth::cache::TokenCache;
use crate::auth::keystone::{EXPIRY_MARGIN_SECS, Identity, SignedIn};
use crate::auth::{CachedToken, Login};
use crate::cli::{AuthCommand, GlobalArgs};
use crate::console::Console;
use crate::error::Error;
use crate::output;
use crate::settings::{Config, Settings};

/// Runs an `auth` subcommand.
pub(crate) fn run(
    console: &Console,
    global: &GlobalArgs,
    command: AuthCommand,
) -> anyhow::Result<()> {
    let config = Config::load(global, console.env())?;
    let settings = Settings::resolve(global, console.env(), &config, None)?;
    if let AuthCommand::Logout { all: true } = command {
        let removed = match TokenCache::open(console.env()) {
            Some(cache) => cache.remove_all()?,
            None => 0,
        };
        console.diag(&format!("removed {removed} cached token(s)"));
        return Ok(());
    }
    let Some((identity, cache)) = Login::identity(&settings, TokenCache::open(console.env()))?
    else {
        return Err(Error::config(
            "no Keystone sign-in is configured: name a cloud (--os-cloud, OS_CLOUD), set the \
             OS_* variables of an openrc, or put auth_url and its keys in a profile",
        )
        .into());
    };
    match command {
        AuthCommand::Status => {
            let cached = cache.as_ref().and_then(|(store, key)| store.load(key));
            let held = cached.as_ref().map(|cached| {
                let same = identity
                    .cache_secret()
                    .is_some_and(|secret| cached.signed_in_with(&secret));
                let signer = match same {
                    true => Signer::ThisSecret,
                    false => Signer::AnotherSecret,
                };
                (&cached.signed_in, signer)
            });
            show(console, &settings, &identity, cache.is_some(), held)
        }
        AuthCommand::Login => {
            let client = super::session::client_for(console, &settings);
            let caching = cache.is_some();
            let login = Login::open(
                &client,
                identity,
                cache,
                CachedToken::Ignore,
                settings.verbose,
            )?;
            let held = Some((&login.signed_in, Signer::ThisSecret));
            show(console, &settings, &login.identity, caching, held)
        }
        AuthCommand::Logout { .. } => {
            let removed = match &cache {
                Some((store, key)) => store.remove(key)?,
                None => false,
            };
            console.diag(&match removed {
                true => format!("removed the cached token of {}", identity.describe()),
                false => format!("no cached token for {}", identity.describe()),
            });
            Ok(())
        }
    }
}

/// Which secret signed in for a cached token.
enum Signer {
    /// The password or secret configured now.
    ThisSecret,
    /// Another one: the next command signs in again.
    AnotherSecret,
}

/// Prints what the cache holds for `identity` (Field | Value); never the token.
fn show(
    console: &Console,
    settings: &Settings,
    identity: &Identity,
    caching: bool,
    held: Option<(&SignedIn, Signer)>,
) -> anyhow::Result<()> {
    let now = jiff::Timestamp::now();
    let mut rows = vec![["identity".to_string(), identity.describe()]];
    let state = match (caching, &held) {
        (false, _) => "the cache is off (--no-cache or IMS_NO_CACHE)".to_string(),
        (true, None) => "not signed in: nothing cached".to_string(),
        (true, Some((_, Signer::AnotherSecret))) => "signed in with another password or \
            secret than the one set now: the next command signs in again"
            .to_string(),
        (true, Some((signed_in, Signer::ThisSecret))) => {
            let left = signed_in.expires_at.as_second() - now.as_second();
            if left <= 0 {
                "expired".to_string()
            } else if left <= EXPIRY_MARGIN_SECS {
                format!("expiring in {}s: the next command signs in again", left)
            } else {
                format!("valid for {} more minutes", left / 60)
            }
        }
    };
    rows.push(["state".to_string(), state]);
    if let Some((signed_in, _)) = held {
        rows.push(["user".to_string(), SignedIn::describe(&signed_in.user)]);
        rows.push([
            "project".to_string(),
            SignedIn::describe(&signed_in.project),
        ]);
        let endpoint =
            match signed_in.image_endpoint(&identity.interface, identity.region.as_deref()) {
                Ok(url) => crate::secret::mask_userinfo(&url),
                Err(err) => err.to_string(),
            };
        rows.push(["image endpoint".to_string(), endpoint]);
        rows.push(["expires at".to_string(), signed_in.expires_at.to_string()]);
    }
    output::to_stdout(console, |out| {
        output::print_records(
            out,
            settings.output.value,
            &[("Field", "field"), ("Value", "value")],
            rows,
        )
    })?;
    Ok(())
}

#[cfg(test)]
#[path = "auth_tests.rs"]
mod tests;
