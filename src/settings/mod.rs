//! Settings: each value with the place it came from, resolved by the precedence
//! flag > environment > config-file profile > clouds.yaml / `OS_*` > default.
//!
//! One concern per file, lowest first: [`warnings`] (warnings about settings, which a
//! test can collect), [`source`] (provenance and rank), [`file`] (the TOML config file
//! and profile selection), [`openstack`] (clouds.yaml, secure.yaml, `OS_*`),
//! [`credentials`] (which credential is selected), [`resolve`] (every setting a command
//! needs, one function per group) and [`required`] (what a request needs, all missing
//! settings named at once).

pub(crate) mod credentials;
pub(crate) mod file;
pub(crate) mod openstack;
pub(crate) mod required;
pub(crate) mod resolve;
pub(crate) mod source;
#[cfg(test)]
pub(crate) mod testing;
pub(crate) mod warnings;

pub(crate) use credentials::{CredentialSettings, KeystoneSettings, PasswordSource, TokenSource};
pub(crate) use file::Config;
pub(crate) use resolve::Settings;
pub(crate) use source::{Source, Sourced, process_env};
