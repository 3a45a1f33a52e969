//! The Keystone token cache: one file per identity and scope in `$XDG_CACHE_HOME/ims/`
//! (the platform cache dir), mode 0600 in a 0700 directory, written atomically. A file
//! holds the token, its expiry, the catalog's image services and a salted fingerprint of
//! the secret that signed in (HMAC-SHA256 keyed with a random per-entry salt); never a
//! password or secret. A token is used only while the secret that would sign in now has
//! the same fingerprint. Unreadable, foreign, old-format or stale files are ignored and
//! replaced.

use std::fs;
use std::path::PathBuf;

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::keystone::{Described, SignedIn};
use super::signer::hex;
use crate::error::Error;
use crate::files::{make_private_dir, replace_private};
use crate::secret::Secret;
use crate::settings::source::EnvLookup;

/// Format version of cache files: 2 added the fingerprint of the secret.
const VERSION: u32 = 2;

/// Bytes of random salt per entry.
const SALT_BYTES: usize = 32;

/// What the fingerprint's HMAC starts with, so that it means nothing elsewhere.
const FINGERPRINT_CONTEXT: &[u8] = b"ims token cache: the secret that signed in\0";

/// The cache directory.
#[derive(Debug, Clone)]
pub(crate) struct TokenCache {
    dir: PathBuf,
}

/// What a cache file holds.
#[derive(Serialize, Deserialize)]
struct Entry {
    version: u32,
    key: String,
    identity: String,
    token: String,
    expires_at: jiff::Timestamp,
    /// The random salt of the fingerprint, hex.
    salt: String,
    /// HMAC-SHA256 of the secret that signed in, keyed with the salt, hex.
    fingerprint: String,
    /// The user, project and catalog the token was issued with.
    #[serde(flatten)]
    described: Described,
}

impl TokenCache {
    /// The cache in the cache directory `env` names (see [`cache_dir`]); `None` when
    /// there is none.
    pub(crate) fn open(env: EnvLookup) -> Option<TokenCache> {
        cache_dir(env).map(|dir| TokenCache { dir })
    }

    /// A cache in `dir` (tests).
    #[cfg(test)]
    pub(crate) fn at(dir: &std::path::Path) -> TokenCache {
        TokenCache {
            dir: dir.to_path_buf(),
        }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The cached sign-in for `key`, whatever its age and whoever signed in; `None` when
    /// absent, unreadable, of an older format or holding a token that cannot be sent.
    pub(crate) fn load(&self, key: &str) -> Option<Cached> {
        let text = crate::files::read_small(&self.path(key)).ok()?;
        let entry: Entry = serde_json::from_slice(&text).ok()?;
        let usable = entry.version == VERSION
            && entry.key == key
            && !entry.token.is_empty()
            && !entry.token.chars().any(char::is_control);
        if !usable {
            return None;
        }
        Some(Cached {
            salt: unhex(&entry.salt)?,
            fingerprint: unhex(&entry.fingerprint)?,
            signed_in: SignedIn {
                token: Secret::masked(entry.token),
                expires_at: entry.expires_at,
                user: entry.described.user,
                project: entry.described.project,
                catalog: entry.described.catalog,
            },
        })
    }

    /// Stores `signed_in` for `key` with a fingerprint of `secret` (freshly salted): a
    /// private temporary file renamed over the old one, so a reader never sees half a file
    /// and two writers never mix.
    pub(crate) fn store(
        &self,
        key: &str,
        identity: &str,
        signed_in: &SignedIn,
        secret: &Secret,
    ) -> Result<(), Error> {
        let failed = |what: &str, err: std::io::Error| {
            Error::config(format!(
                "cannot {what} the token cache in {}: {err}",
                self.dir.display()
            ))
        };
        let mut salt = [0u8; SALT_BYTES];
        getrandom::fill(&mut salt)
            .map_err(|err| failed("salt", std::io::Error::other(err.to_string())))?;
        let entry = Entry {
            version: VERSION,
            key: key.to_string(),
            identity: identity.to_string(),
            token: signed_in.token.expose().to_string(),
            expires_at: signed_in.expires_at,
            salt: hex(&salt),
            fingerprint: hex(&fingerprint(&salt, secret)?.finalize().into_bytes()),
            described: Described {
                user: signed_in.user.clone(),
                project: signed_in.project.clone(),
                catalog: signed_in.catalog.clone(),
            },
        };
        make_private_dir(&self.dir).map_err(|err| failed("create", err))?;
        let text = serde_json::to_vec_pretty(&entry)
            .map_err(|err| failed("write", std::io::Error::other(err)))?;
        replace_private(&self.dir.join(format!("{key}.json")), &text)
            .map_err(|err| failed("write", err))
    }

    /// Removes the entry for `key`; whether there was one.
    pub(crate) fn remove(&self, key: &str) -> Result<bool, Error> {
        match fs::remove_file(self.path(key)) {
            Ok(()) => Ok(true),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(err) => Err(Error::config(format!(
                "cannot remove {}: {err}",
                self.path(key).display()
            ))),
        }
    }

    /// Removes every cache file; how many there were.
    pub(crate) fn remove_all(&self) -> Result<usize, Error> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(err) => {
                return Err(Error::config(format!(
                    "cannot read {}: {err}",
                    self.dir.display()
                )));
            }
        };
        let mut removed = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            let ours = path.extension().is_some_and(|e| e == "json" || e == "tmp");
            if ours
                && fs::remove_file(&path).is_ok()
                && path.extension().is_some_and(|e| e == "json")
            {
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// A cached sign-in and the salted fingerprint of the secret that made it.
pub(crate) struct Cached {
    /// The sign-in.
    pub(crate) signed_in: SignedIn,
    salt: Vec<u8>,
    fingerprint: Vec<u8>,
}

impl Cached {
    /// Whether `secret` is the one that signed in (compared in constant time).
    pub(crate) fn signed_in_with(&self, secret: &Secret) -> bool {
        fingerprint(&self.salt, secret).is_ok_and(|mac| mac.verify_slice(&self.fingerprint).is_ok())
    }
}

/// The HMAC-SHA256 of `secret` keyed with `salt`, ready to finalize or verify.
fn fingerprint(salt: &[u8], secret: &Secret) -> Result<Hmac<Sha256>, Error> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(salt)
        .map_err(|_| Error::config("the token cache salt cannot key HMAC-SHA256"))?;
    mac.update(FINGERPRINT_CONTEXT);
    mac.update(secret.expose().as_bytes());
    Ok(mac)
}

/// The bytes of lower- or upper-case hex `text`; `None` when it is not hex.
fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(text.get(at..at + 2)?, 16).ok())
        .collect()
}

/// The directory `ims` caches in: `ims/` in `$XDG_CACHE_HOME` as `env` has it (an absolute
/// path), else in the platform's cache directory; `None` when there is none.
pub(crate) fn cache_dir(env: EnvLookup) -> Option<PathBuf> {
    let xdg = env("XDG_CACHE_HOME").ok().flatten().map(PathBuf::from);
    xdg.filter(|dir| dir.is_absolute())
        .or_else(dirs::cache_dir)
        .map(|dir| dir.join("ims"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn secret(text: &str) -> Secret {
        Secret::new(format!("password\n{text}"))
    }

    fn signed_in(token: &str) -> SignedIn {
        SignedIn {
            token: Secret::new(token),
            expires_at: "2026-11-23T12:00:00Z".parse().unwrap(),
            user: serde_json::json!({"id": "u1", "name": "u-owner"}),
            project: serde_json::json!({"id": "p1", "name": "proj-owner"}),
            catalog: serde_json::from_value(serde_json::json!([{"type": "image", "endpoints": [
                {"interface": "public", "region_id": "r", "url": "http://g"}]}]))
            .unwrap(),
        }
    }

    /// A cache in a fresh temporary directory, which lives as long as the guard.
    fn temporary() -> (tempfile::TempDir, TokenCache) {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path());
        (dir, cache)
    }

    /// Stores, under `key`, a sign-in with `token` made with the secret `password`.
    fn store(cache: &TokenCache, key: &str, token: &str, password: &str) {
        cache
            .store(key, "who", &signed_in(token), &secret(password))
            .unwrap();
    }

    #[test]
    fn store_and_load_with_private_modes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(&dir.path().join("ims"));
        store(&cache, "k1", "tok-1", "pw");
        let loaded = cache.load("k1").unwrap().signed_in;
        assert_eq!(loaded.token.expose(), "tok-1");
        assert_eq!(loaded.image_endpoint("public", None).unwrap(), "http://g");
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("ims")), 0o700);
        assert_eq!(mode(&dir.path().join("ims/k1.json")), 0o600);
        let names: Vec<_> = fs::read_dir(dir.path().join("ims"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn corrupt_foreign_or_missing_files_are_ignored() {
        let (dir, cache) = temporary();
        assert!(cache.load("k1").is_none());
        fs::write(dir.path().join("k1.json"), "{not json").unwrap();
        assert!(cache.load("k1").is_none());
        store(&cache, "k2", "tok-2", "pw");
        fs::copy(dir.path().join("k2.json"), dir.path().join("k1.json")).unwrap();
        assert!(
            cache.load("k1").is_none(),
            "an entry stored under another key is foreign"
        );
        store(&cache, "k1", "tok-1", "pw");
        assert_eq!(cache.load("k1").unwrap().signed_in.token.expose(), "tok-1");
    }

    #[test]
    fn remove_and_remove_all() {
        let (_dir, cache) = temporary();
        store(&cache, "a", "t", "pw");
        store(&cache, "b", "t", "pw");
        assert!(cache.remove("a").unwrap());
        assert!(!cache.remove("a").unwrap());
        assert_eq!(cache.remove_all().unwrap(), 1);
        assert_eq!(cache.remove_all().unwrap(), 0);
    }

    #[test]
    fn concurrent_writers_never_leave_a_broken_file() {
        let (_dir, cache) = temporary();
        std::thread::scope(|scope| {
            for i in 0..8 {
                let cache = cache.clone();
                scope.spawn(move || {
                    for j in 0..25 {
                        store(&cache, "k", &format!("tok-{i}-{j}"), "pw");
                        assert!(cache.load("k").is_some());
                    }
                });
            }
        });
        assert!(
            cache
                .load("k")
                .unwrap()
                .signed_in
                .token
                .expose()
                .starts_with("tok-")
        );
    }

    #[test]
    fn only_the_secret_that_signed_in_matches_and_no_secret_is_stored() {
        let (dir, cache) = temporary();
        store(&cache, "k", "tok", "right-pw");
        let cached = cache.load("k").unwrap();
        assert!(cached.signed_in_with(&secret("right-pw")));
        assert!(!cached.signed_in_with(&secret("wrong-pw")));
        let text = fs::read_to_string(dir.path().join("k.json")).unwrap();
        assert!(!text.contains("right-pw"), "{text}");
        let entry: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(entry["salt"].as_str().map(str::len), Some(64));
        assert_eq!(entry["fingerprint"].as_str().map(str::len), Some(64));
        // A fresh salt per entry: the same secret never gives the same fingerprint twice.
        store(&cache, "k", "tok", "right-pw");
        let again: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.path().join("k.json")).unwrap()).unwrap();
        assert_ne!(again["salt"], entry["salt"]);
        assert_ne!(again["fingerprint"], entry["fingerprint"]);
    }

    #[test]
    fn old_entries_without_a_fingerprint_are_misses() {
        let (dir, cache) = temporary();
        store(&cache, "k", "tok", "pw");
        let path = dir.path().join("k.json");
        let mut entry: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let object = entry.as_object_mut().unwrap();
        object.remove("salt");
        object.remove("fingerprint");
        fs::write(&path, entry.to_string()).unwrap();
        assert!(cache.load("k").is_none());
        entry["version"] = 1.into();
        fs::write(&path, entry.to_string()).unwrap();
        assert!(cache.load("k").is_none());
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(
            unhex(&hex(&[0, 1, 0xab, 0xff])),
            Some(vec![0, 1, 0xab, 0xff])
        );
        assert_eq!(unhex("ABff"), Some(vec![0xab, 0xff]));
        for bad in ["a", "zz", "é1"] {
            assert_eq!(unhex(bad), None, "{bad}");
        }
    }
}
