//! Which sharing rules a service follows ([`SharingRules`]), and where `ims` remembers
//! what it learned of them ([`RulesMemory`]): one small file per endpoint in its cache
//! directory, holding `glance` or `huawei` and nothing else (any other content is nothing
//! remembered). How they are learned is [`super::rules`].

use std::path::PathBuf;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::auth::cache::cache_dir;
use crate::auth::signer::hex;
use crate::cli::RulesSetting;
use crate::files::{make_private_dir, replace_private};
use crate::settings::source::EnvLookup;
use crate::url::Endpoint;

/// The sharing rules a service follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SharingRules {
    /// Members only on `shared` images; a private image is made `shared` first.
    Glance,
    /// Members on private images; `visibility` cannot be changed; "the images I share" is
    /// `__imagetype=shared`.
    Huawei,
}

impl SharingRules {
    /// The name as the setting writes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            SharingRules::Glance => "glance",
            SharingRules::Huawei => "huawei",
        }
    }

    /// The rules a remembered file names: exactly one of the two names (a final newline
    /// allowed); anything else is nothing remembered.
    fn parse(bytes: &[u8]) -> Option<SharingRules> {
        match bytes.strip_suffix(b"\n").unwrap_or(bytes) {
            b"glance" => Some(SharingRules::Glance),
            b"huawei" => Some(SharingRules::Huawei),
            _ => None,
        }
    }
}

/// What the settings state about the rules, and where learned rules are remembered.
#[derive(Debug, Clone)]
pub(crate) struct RulesMemory {
    /// `--sharing-rules` as resolved.
    pub(super) stated: RulesSetting,
    /// `ims/rules/` in the cache directory; `None` when there is none.
    dir: Option<PathBuf>,
    /// The rules this run works under, once known: asked at most once per run.
    pub(super) resolved: OnceLock<SharingRules>,
}

impl RulesMemory {
    /// The rules `stated`, remembered in the cache directory `env` names.
    pub(crate) fn new(stated: RulesSetting, env: EnvLookup) -> RulesMemory {
        RulesMemory {
            stated,
            dir: cache_dir(env).map(|dir| dir.join("rules")),
            resolved: OnceLock::new(),
        }
    }

    /// The file that remembers `endpoint`'s rules: named by a hash of its root, so that
    /// no endpoint text becomes a path.
    fn path(&self, endpoint: &Endpoint) -> Option<PathBuf> {
        let digest = Sha256::digest(endpoint.root().as_bytes());
        Some(self.dir.as_ref()?.join(hex(&digest[..16])))
    }

    /// The rules remembered for `endpoint`, if any.
    pub(super) fn recall(&self, endpoint: &Endpoint) -> Option<SharingRules> {
        let bytes = crate::files::read_small(&self.path(endpoint)?).ok()?;
        SharingRules::parse(&bytes)
    }

    /// Remembers `rules` for `endpoint`. Best effort: a cache that cannot be written only
    /// means asking again next time.
    pub(super) fn remember(&self, endpoint: &Endpoint, rules: SharingRules) {
        let (Some(dir), Some(path)) = (&self.dir, self.path(endpoint)) else {
            return;
        };
        let text = format!("{}\n", rules.name());
        let _ = make_private_dir(dir).and_then(|()| replace_private(&path, text.as_bytes()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_two_names_are_remembered_rules() {
        assert_eq!(SharingRules::parse(b"glance\n"), Some(SharingRules::Glance));
        assert_eq!(SharingRules::parse(b"huawei"), Some(SharingRules::Huawei));
        for tampered in [
            &b"Huawei\n"[..],
            b"huawei\n\n",
            b" glance",
            b"glance\r\n",
            b"auto",
            b"",
            b"huawei\0",
            b"../../etc/passwd",
        ] {
            assert_eq!(SharingRules::parse(tampered), None, "{tampered:?}");
        }
    }

    #[test]
    fn remembered_per_endpoint_in_a_private_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().to_str().unwrap().to_string();
        let env = move |name: &str| Ok((name == "XDG_CACHE_HOME").then(|| cache.clone()));
        let memory = RulesMemory::new(RulesSetting::Auto, &env);
        let a = Endpoint::parse("https://ims.example/v2").unwrap();
        let b = Endpoint::parse("https://other.example").unwrap();
        assert_eq!(memory.recall(&a), None);
        memory.remember(&a, SharingRules::Huawei);
        assert_eq!(memory.recall(&a), Some(SharingRules::Huawei));
        assert_eq!(memory.recall(&b), None);
        // The root is the key: the same service however its endpoint is written.
        assert_eq!(
            memory.recall(&Endpoint::parse("https://ims.example/").unwrap()),
            Some(SharingRules::Huawei)
        );
        let path = memory.path(&a).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"huawei\n");
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode();
        assert_eq!(mode(&path) & 0o777, 0o600);
        assert_eq!(mode(path.parent().unwrap()) & 0o777, 0o700);
        memory.remember(&a, SharingRules::Glance);
        assert_eq!(memory.recall(&a), Some(SharingRules::Glance));
        std::fs::write(&path, "shared\n").unwrap();
        assert_eq!(memory.recall(&a), None);
        // Nowhere to remember: nothing recalled, nothing fails.
        let nowhere = RulesMemory {
            stated: RulesSetting::Auto,
            dir: None,
            resolved: OnceLock::new(),
        };
        nowhere.remember(&a, SharingRules::Huawei);
        assert_eq!(nowhere.recall(&a), None);
    }
}
