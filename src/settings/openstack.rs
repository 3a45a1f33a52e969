//! OpenStack's own configuration as a settings layer: a cloud of `clouds.yaml` (with
//! `secure.yaml` merged in), or, when no cloud is named, an openrc's `OS_*` variables.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_yaml_ng::Value as Yaml;

use super::source::{EnvLookup, Source, Sourced};
use crate::error::Error;

/// `OS_*` variables and the ims setting each one gives, in order of preference.
pub(crate) const OS_VARIABLES: &[(&str, &str)] = &[
    ("OS_AUTH_URL", "auth_url"),
    ("OS_AUTH_TYPE", "auth_type"),
    ("OS_USERNAME", "username"),
    ("OS_USER_ID", "user_id"),
    ("OS_PASSWORD", "password"),
    ("OS_USER_DOMAIN_NAME", "user_domain_name"),
    ("OS_USER_DOMAIN_ID", "user_domain_id"),
    ("OS_PROJECT_NAME", "project_name"),
    ("OS_TENANT_NAME", "project_name"),
    ("OS_PROJECT_ID", "project_id"),
    ("OS_TENANT_ID", "project_id"),
    ("OS_PROJECT_DOMAIN_NAME", "project_domain_name"),
    ("OS_PROJECT_DOMAIN_ID", "project_domain_id"),
    ("OS_DOMAIN_NAME", "domain_name"),
    ("OS_DOMAIN_ID", "domain_id"),
    ("OS_APPLICATION_CREDENTIAL_ID", "application_credential_id"),
    (
        "OS_APPLICATION_CREDENTIAL_NAME",
        "application_credential_name",
    ),
    (
        "OS_APPLICATION_CREDENTIAL_SECRET",
        "application_credential_secret",
    ),
    ("OS_TOKEN", "token"),
    ("OS_REGION_NAME", "region"),
    ("OS_INTERFACE", "interface"),
    ("OS_ENDPOINT_TYPE", "interface"),
    ("OS_CACERT", "ca_file"),
];

/// Keys of a cloud's `auth:` section that ims reads (same names as the settings).
const AUTH_KEYS: &[&str] = &[
    "auth_url",
    "username",
    "user_id",
    "password",
    "user_domain_name",
    "user_domain_id",
    "project_name",
    "project_id",
    "project_domain_name",
    "project_domain_id",
    "domain_name",
    "domain_id",
    "application_credential_id",
    "application_credential_name",
    "application_credential_secret",
    "token",
];

/// Values from `clouds.yaml` or `OS_*`, by ims setting name, each with its source.
#[derive(Debug, Default)]
pub(crate) struct OpenStackLayer {
    values: BTreeMap<&'static str, Sourced<String>>,
}

impl OpenStackLayer {
    /// The layer for `cloud` when one is named, else the `OS_*` variables.
    pub(crate) fn load(
        cloud: Option<&Sourced<String>>,
        env: EnvLookup,
    ) -> Result<OpenStackLayer, Error> {
        match cloud {
            Some(cloud) => from_cloud(cloud, env),
            None => from_env(env),
        }
    }

    /// The value for an ims setting, if this layer has one.
    pub(crate) fn get(&self, key: &str) -> Option<Sourced<String>> {
        self.values.get(key).cloned()
    }

    fn set(&mut self, key: &'static str, value: String, source: Source) {
        if !value.is_empty() {
            self.values.entry(key).or_insert(Sourced { value, source });
        }
    }
}

fn from_env(env: EnvLookup) -> Result<OpenStackLayer, Error> {
    let mut layer = OpenStackLayer::default();
    for (var, key) in OS_VARIABLES {
        if let Some(value) = env(var)? {
            layer.set(key, value, Source::Env(var));
        }
    }
    Ok(layer)
}

/// One cloud of `clouds.yaml`: the parts ims reads; everything else is ignored.
#[derive(Debug, Default, Deserialize)]
struct Cloud {
    #[serde(default)]
    auth: BTreeMap<String, Yaml>,
    auth_type: Option<Yaml>,
    region_name: Option<Yaml>,
    interface: Option<Yaml>,
    cacert: Option<Yaml>,
    verify: Option<Yaml>,
    image_endpoint_override: Option<Yaml>,
}

/// Where openstacksdk looks for `clouds.yaml`, in order: the file `OS_CLIENT_CONFIG_FILE`
/// names (its source that variable), then the usual places (source: default).
pub(crate) fn clouds_yaml_candidates(env: EnvLookup) -> Result<Vec<Sourced<PathBuf>>, Error> {
    let mut candidates = Vec::new();
    if let Some(path) = env("OS_CLIENT_CONFIG_FILE")? {
        candidates.push(Sourced::new(
            PathBuf::from(path),
            Source::Env("OS_CLIENT_CONFIG_FILE"),
        ));
    }
    let mut searched = vec![PathBuf::from("clouds.yaml")];
    let config_home = env("XDG_CONFIG_HOME")?
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|home| home.join(".config")));
    if let Some(dir) = config_home {
        searched.push(dir.join("openstack/clouds.yaml"));
    }
    if let Some(home) = dirs::home_dir() {
        searched.push(home.join(".config/openstack/clouds.yaml"));
    }
    searched.push(PathBuf::from("/etc/openstack/clouds.yaml"));
    for path in searched {
        if candidates.last().is_none_or(|last| last.value != path) {
            candidates.push(Sourced::new(path, Source::Default));
        }
    }
    Ok(candidates)
}

/// The clouds of the clouds.yaml `--os-cloud` would read (the first candidate that exists),
/// in name order; none when there is no such file.
pub(crate) fn cloud_names(env: EnvLookup) -> Result<Vec<String>, Error> {
    let candidates = clouds_yaml_candidates(env)?;
    let Some(found) = candidates.iter().find(|p| p.value.exists()) else {
        return Ok(Vec::new());
    };
    let what = format!("clouds.yaml {}", found.value.display());
    Ok(read_clouds(&what, &found.value)?.into_keys().collect())
}

fn from_cloud(name: &Sourced<String>, env: EnvLookup) -> Result<OpenStackLayer, Error> {
    let candidates = clouds_yaml_candidates(env)?;
    // The first that exists is the one, whatever it is: a FIFO or a device is refused
    // where it is read, not skipped for the next candidate.
    let Some(found) = candidates.iter().find(|p| p.value.exists()) else {
        let searched: Vec<String> = candidates
            .iter()
            .map(|p| p.value.display().to_string())
            .collect();
        return Err(Error::config(format!(
            "cloud `{}` (from {}): no clouds.yaml found (searched {})",
            name.value,
            name.source,
            searched.join(", ")
        )));
    };
    let path = &found.value;
    let for_cloud = format!("for cloud `{}` from {}", name.value, name.source);
    let origin = match &found.source {
        Source::Default => for_cloud.clone(),
        named => format!("from {named}"),
    };
    let clouds = read_clouds(&format!("clouds.yaml {} ({origin})", path.display()), path)?;
    let Some(cloud) = clouds.get(&name.value) else {
        let known: Vec<&str> = clouds.keys().map(String::as_str).collect();
        return Err(Error::config(format!(
            "cloud `{}` (from {}) is not in {}; clouds: {}",
            name.value,
            name.source,
            path.display(),
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )));
    };
    let mut layer = OpenStackLayer::default();
    // secure.yaml beside clouds.yaml holds the secrets; its values win for its keys.
    let secure_path = path.with_file_name("secure.yaml");
    if secure_path.exists() {
        let what = format!("secure.yaml {} ({for_cloud})", secure_path.display());
        let secure = read_clouds(&what, &secure_path)?;
        crate::settings::file::warn_if_exposed(&secure_path, "secure.yaml");
        if let Some(secure) = secure.get(&name.value) {
            add_cloud(&mut layer, secure, &secure_path, &name.value)?;
        }
    }
    if cloud
        .auth
        .keys()
        .any(|k| k == "password" || k.ends_with("secret") || k == "token")
    {
        crate::settings::file::warn_if_exposed(path, "clouds.yaml");
    }
    add_cloud(&mut layer, cloud, path, &name.value)?;
    Ok(layer)
}

/// The clouds of the clouds file at `path`; `what` names it and why it is read, for
/// messages.
fn read_clouds(what: &str, path: &Path) -> Result<BTreeMap<String, Cloud>, Error> {
    #[derive(Deserialize)]
    struct File {
        #[serde(default)]
        clouds: BTreeMap<String, Cloud>,
    }
    let text = crate::files::read_small_text(path, what)?.ok_or_else(|| {
        Error::config(format!(
            "cannot read {what}: it disappeared while being read"
        ))
    })?;
    if text.trim().is_empty() {
        return Ok(BTreeMap::new());
    }
    serde_yaml_ng::from_str::<File>(&text)
        .map(|file| file.clouds)
        .map_err(|err| {
            Error::config(format!(
                "{} is not a valid clouds file: {err}",
                path.display()
            ))
        })
}

fn add_cloud(
    layer: &mut OpenStackLayer,
    cloud: &Cloud,
    path: &Path,
    name: &str,
) -> Result<(), Error> {
    let source = || Source::Cloud {
        file: path.to_path_buf(),
        cloud: name.to_string(),
    };
    let text = |key: &str, value: &Yaml| -> Result<String, Error> {
        scalar(value).ok_or_else(|| {
            Error::config(format!(
                "{}: cloud `{name}`: `{key}` must be a string",
                path.display()
            ))
        })
    };
    for key in AUTH_KEYS {
        if let Some(value) = cloud.auth.get(*key) {
            layer.set(key, text(key, value)?, source());
        }
    }
    let top: [(&'static str, &str, &Option<Yaml>); 5] = [
        ("auth_type", "auth_type", &cloud.auth_type),
        ("region", "region_name", &cloud.region_name),
        ("interface", "interface", &cloud.interface),
        ("ca_file", "cacert", &cloud.cacert),
        (
            "endpoint",
            "image_endpoint_override",
            &cloud.image_endpoint_override,
        ),
    ];
    for (key, yaml_key, value) in top {
        if let Some(value) = value {
            layer.set(key, text(yaml_key, value)?, source());
        }
    }
    if let Some(verify) = &cloud.verify {
        let verify = text("verify", verify)?;
        if verify.eq_ignore_ascii_case("false") {
            layer.set("insecure", "true".to_string(), source());
        }
    }
    Ok(())
}

/// A YAML scalar as text; `None` for a mapping or sequence.
fn scalar(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(text) => Some(text.clone()),
        Yaml::Bool(flag) => Some(flag.to_string()),
        Yaml::Number(number) => Some(number.to_string()),
        Yaml::Null => Some(String::new()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::warnings::collect;
    use std::collections::HashMap;

    fn env_of(
        pairs: Vec<(&'static str, String)>,
    ) -> impl Fn(&str) -> Result<Option<String>, Error> {
        let map: HashMap<&str, String> = pairs.into_iter().collect();
        move |name: &str| Ok(map.get(name).cloned())
    }

    const CLOUDS: &str = "clouds:\n  ks-owner:\n    auth_type: password\n    auth:\n      auth_url: http://127.0.0.1:5000/v3\n      username: u-owner\n      project_name: proj-owner\n      user_domain_name: Default\n      project_domain_name: Default\n      project_id: 12345\n    region_name: RegionOne\n    interface: internal\n    verify: false\n    cacert: /etc/ca.pem\n    identity_api_version: 3\n";

    #[test]
    fn cloud_values_with_secure_yaml_merged() {
        let dir = tempfile::tempdir().unwrap();
        let clouds = dir.path().join("clouds.yaml");
        std::fs::write(&clouds, CLOUDS).unwrap();
        std::fs::write(
            dir.path().join("secure.yaml"),
            "clouds:\n  ks-owner:\n    auth:\n      password: s3cret\n",
        )
        .unwrap();
        std::fs::set_permissions(
            dir.path().join("secure.yaml"),
            std::os::unix::fs::PermissionsExt::from_mode(0o644),
        )
        .unwrap();
        let env = env_of(vec![
            ("OS_CLIENT_CONFIG_FILE", clouds.display().to_string()),
            ("OS_PASSWORD", "ignored".into()),
        ]);
        let name = Sourced {
            value: "ks-owner".to_string(),
            source: Source::Env("OS_CLOUD"),
        };
        let (layer, warnings) = collect(|| OpenStackLayer::load(Some(&name), &env));
        let layer = layer.unwrap();
        let secure = dir.path().join("secure.yaml");
        assert_eq!(
            warnings,
            [format!(
                "secure.yaml {0} holds secrets and can be read by group or others (mode 644); \
                 fix with: chmod 600 {0}",
                secure.display()
            )]
        );
        let from_clouds = Source::Cloud {
            file: clouds.clone(),
            cloud: "ks-owner".into(),
        };
        assert_eq!(
            layer.get("username").unwrap(),
            Sourced {
                value: "u-owner".into(),
                source: from_clouds.clone()
            }
        );
        assert_eq!(layer.get("project_id").unwrap().value, "12345");
        assert_eq!(layer.get("region").unwrap().value, "RegionOne");
        assert_eq!(layer.get("interface").unwrap().value, "internal");
        assert_eq!(layer.get("insecure").unwrap().value, "true");
        assert_eq!(layer.get("ca_file").unwrap().value, "/etc/ca.pem");
        let password = layer.get("password").unwrap();
        assert_eq!(password.value, "s3cret");
        assert_eq!(
            password.source,
            Source::Cloud {
                file: dir.path().join("secure.yaml"),
                cloud: "ks-owner".into()
            }
        );
        assert_eq!(
            password.source.to_string(),
            format!("{}:ks-owner", dir.path().join("secure.yaml").display())
        );
    }

    #[test]
    fn unknown_cloud_and_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let clouds = dir.path().join("clouds.yaml");
        std::fs::write(&clouds, CLOUDS).unwrap();
        let env = env_of(vec![(
            "OS_CLIENT_CONFIG_FILE",
            clouds.display().to_string(),
        )]);
        let name = Sourced {
            value: "nope".to_string(),
            source: Source::Flag("--os-cloud"),
        };
        let err = OpenStackLayer::load(Some(&name), &env).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "cloud `nope` (from --os-cloud) is not in {}; clouds: ks-owner",
                clouds.display()
            )
        );
        std::fs::write(&clouds, "clouds: [1, 2\n").unwrap();
        let err = OpenStackLayer::load(Some(&name), &env).unwrap_err();
        assert!(
            err.to_string().contains("is not a valid clouds file"),
            "{err}"
        );
    }

    #[test]
    fn os_variables_when_no_cloud_is_named() {
        let env = env_of(vec![
            (
                "OS_AUTH_URL",
                "https://iam.eu-de.otc.t-systems.com/v3".into(),
            ),
            ("OS_TENANT_NAME", "legacy".into()),
            ("OS_PROJECT_NAME", "eu-de_project".into()),
            ("OS_ENDPOINT_TYPE", "internalURL".into()),
        ]);
        let layer = OpenStackLayer::load(None, &env).unwrap();
        assert_eq!(
            layer.get("auth_url").unwrap().source,
            Source::Env("OS_AUTH_URL")
        );
        assert_eq!(layer.get("project_name").unwrap().value, "eu-de_project");
        assert_eq!(layer.get("interface").unwrap().value, "internalURL");
        assert!(layer.get("password").is_none());
    }
}
