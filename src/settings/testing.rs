//! Test fixtures shared by the settings tests and the code that reads settings: an
//! environment from pairs, a config file from text, the default request time limit.

use std::collections::HashMap;
use std::path::PathBuf;

use super::file::{Config, parse};
use super::source::{Source, Sourced};
use crate::cli::Timeout;
use crate::error::Error;

/// An environment lookup that knows exactly `pairs`.
pub(crate) fn env_of(
    pairs: &[(&str, &str)],
) -> impl Fn(&str) -> Result<Option<String>, Error> + use<> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name: &str| Ok(map.get(name).cloned())
}

/// The config file `/c.toml` holding `text` (it must parse).
pub(crate) fn config(text: &str) -> Config {
    let path = PathBuf::from("/c.toml");
    Config {
        file: Some(parse(&path, text).expect("a valid config file")),
        path: Some(Sourced::new(path, Source::Default)),
    }
}

/// The request time limit when nothing sets it.
pub(crate) fn default_timeout() -> Sourced<Timeout> {
    Sourced::new(Timeout::DEFAULT, Source::Default)
}
