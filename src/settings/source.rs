//! Provenance: every setting carries where it came from (flag, environment variable,
//! config-file profile, clouds.yaml cloud, `OS_*` variable, default), and the rank that
//! decides precedence between them.

use std::fmt;
use std::path::PathBuf;

use crate::cli::Setting;
use crate::error::Error;

/// Looks up an environment variable; empty values count as unset. A value that cannot be
/// used (not UTF-8) is an error naming the variable, never silently unset.
pub(crate) type EnvLookup<'a> = &'a dyn Fn(&str) -> Result<Option<String>, Error>;

/// The process environment as an [`EnvLookup`]: a value that is not UTF-8 is a
/// configuration error (exit 3), not a fallback to the next layer.
pub(crate) fn process_env(name: &str) -> Result<Option<String>, Error> {
    match std::env::var(name) {
        Ok(value) => Ok(Some(value).filter(|value| !value.is_empty())),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(Error::config(format!(
            "{name}: the value is not valid UTF-8; set it to UTF-8 text or unset it"
        ))),
    }
}

/// The value of the first environment variable of `setting` that is set, with its name.
pub(crate) fn first_var(
    setting: &'static Setting,
    env: EnvLookup,
) -> Result<Option<Sourced<String>>, Error> {
    for var in setting.env {
        if let Some(value) = env(var)? {
            return Ok(Some(Sourced::new(value, Source::Env(var))));
        }
    }
    Ok(None)
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// A command-line flag, e.g. `--endpoint`.
    Flag(&'static str),
    /// An environment variable, e.g. `IMS_ENDPOINT`.
    Env(&'static str),
    /// A profile of a config file.
    Profile {
        /// The config file.
        file: PathBuf,
        /// The profile's name.
        profile: String,
    },
    /// A cloud of `clouds.yaml` (or `secure.yaml`).
    Cloud {
        /// The clouds file.
        file: PathBuf,
        /// The cloud's name.
        cloud: String,
    },
    /// The built-in default.
    Default,
}

impl Source {
    /// A value given by the flag of `setting` (named after the setting if it has none).
    pub(crate) fn flag_of(setting: &'static Setting) -> Source {
        Source::Flag(setting.flag.unwrap_or(setting.name))
    }

    /// The precedence level, lower wins: flag, `IMS_*` variable, vendor variable
    /// (`HUAWEICLOUD_SDK_*`), profile, cloud, `OS_*` variable, default.
    pub(crate) fn rank(&self) -> u8 {
        match self {
            Source::Flag(_) => 0,
            Source::Env(var) if var.starts_with("IMS_") => 1,
            Source::Env(var) if var.starts_with("OS_") => 5,
            Source::Env(_) => 2,
            Source::Profile { .. } => 3,
            Source::Cloud { .. } => 4,
            Source::Default => 6,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => f.write_str(flag),
            Source::Env(var) => f.write_str(var),
            Source::Profile { file, profile } => write!(f, "{}:{profile}", file.display()),
            Source::Cloud { file, cloud } => write!(f, "{}:{cloud}", file.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sourced<T> {
    /// The value.
    pub(crate) value: T,
    /// Where it came from.
    pub(crate) source: Source,
}

impl<T> Sourced<T> {
    /// `value`, from `source`.
    pub(crate) fn new(value: T, source: Source) -> Sourced<T> {
        Sourced { value, source }
    }

    /// The value changed by `change`, from the same source.
    pub(crate) fn map<U>(self, change: impl FnOnce(T) -> U) -> Sourced<U> {
        Sourced::new(change(self.value), self.source)
    }
}
