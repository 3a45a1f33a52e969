//! Test fixtures shared by the settings tests and the commands that show settings: an
//! environment from pairs, and a config file from text.

use std::collections::HashMap;
use std::path::PathBuf;

use super::file::{Config, parse};
use super::source::{Source, Sourced};
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
