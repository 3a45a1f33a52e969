//! The Keystone token cache: one file per identity and scope in `$XDG_CACHE_HOME/ims/`
//! (the platform cache dir), mode 0600 in a 0700 directory, written atomically. A file
//! holds the token, its expiry and the catalog's image services; never a password or
//! secret. Unreadable, foreign or stale files are ignored and replaced.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::keystone::{Service, SignedIn};
use crate::error::Error;
use crate::secret::Secret;

/// Format version of cache files.
const VERSION: u32 = 1;

/// The cache directory.
#[derive(Debug, Clone)]
pub struct TokenCache {
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
    #[serde(default)]
    user: Value,
    #[serde(default)]
    project: Value,
    #[serde(default)]
    catalog: Vec<Service>,
}

impl TokenCache {
    /// The cache in the platform's cache directory; `None` when there is none.
    pub fn open() -> Option<TokenCache> {
        dirs::cache_dir().map(|dir| TokenCache {
            dir: dir.join("ims"),
        })
    }

    /// A cache in `dir` (tests).
    #[cfg(test)]
    pub fn at(dir: &Path) -> TokenCache {
        TokenCache {
            dir: dir.to_path_buf(),
        }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The cached sign-in for `key`, whatever its age; `None` when absent or unreadable.
    pub fn load(&self, key: &str) -> Option<SignedIn> {
        let text = fs::read(self.path(key)).ok()?;
        let entry: Entry = serde_json::from_slice(&text).ok()?;
        if entry.version != VERSION || entry.key != key || entry.token.is_empty() {
            return None;
        }
        Some(SignedIn {
            token: Secret::masked(entry.token),
            expires_at: entry.expires_at,
            user: entry.user,
            project: entry.project,
            catalog: entry.catalog,
        })
    }

    /// Stores `signed_in` for `key`: a private temporary file renamed over the old one, so
    /// a reader never sees half a file and two writers never mix.
    pub fn store(&self, key: &str, identity: &str, signed_in: &SignedIn) -> Result<(), Error> {
        let entry = Entry {
            version: VERSION,
            key: key.to_string(),
            identity: identity.to_string(),
            token: signed_in.token.expose().to_string(),
            expires_at: signed_in.expires_at,
            user: signed_in.user.clone(),
            project: signed_in.project.clone(),
            catalog: signed_in.catalog.clone(),
        };
        let failed = |what: &str, err: std::io::Error| {
            Error::config(format!(
                "cannot {what} the token cache in {}: {err}",
                self.dir.display()
            ))
        };
        self.make_dir().map_err(|err| failed("create", err))?;
        let text = serde_json::to_vec_pretty(&entry)
            .map_err(|err| failed("write", std::io::Error::other(err)))?;
        let temporary = self.dir.join(format!(
            ".{key}.{}.{}.tmp",
            std::process::id(),
            jiff::Timestamp::now().as_nanosecond()
        ));
        let written =
            write_private(&temporary, &text).and_then(|()| fs::rename(&temporary, self.path(key)));
        if let Err(err) = written {
            let _ = fs::remove_file(&temporary);
            return Err(failed("write", err));
        }
        Ok(())
    }

    /// Removes the entry for `key`; whether there was one.
    pub fn remove(&self, key: &str) -> Result<bool, Error> {
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
    pub fn remove_all(&self) -> Result<usize, Error> {
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

    /// Creates the directory (mode 0700), or narrows an existing one to 0700.
    fn make_dir(&self) -> std::io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&self.dir)?;
            fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o700))
        }
        #[cfg(not(unix))]
        {
            fs::create_dir_all(&self.dir)
        }
    }
}

/// Writes a new file readable and writable by its owner only.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

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

    #[test]
    fn store_and_load_with_private_modes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(&dir.path().join("ims"));
        cache.store("k1", "who", &signed_in("tok-1")).unwrap();
        let loaded = cache.load("k1").unwrap();
        assert_eq!(loaded.token.expose(), "tok-1");
        assert_eq!(loaded.image_endpoint("public", None).unwrap(), "http://g");
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
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
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path());
        assert!(cache.load("k1").is_none());
        fs::write(dir.path().join("k1.json"), "{not json").unwrap();
        assert!(cache.load("k1").is_none());
        cache.store("k2", "who", &signed_in("tok-2")).unwrap();
        fs::copy(dir.path().join("k2.json"), dir.path().join("k1.json")).unwrap();
        assert!(
            cache.load("k1").is_none(),
            "an entry stored under another key is foreign"
        );
        cache.store("k1", "who", &signed_in("tok-1")).unwrap();
        assert_eq!(cache.load("k1").unwrap().token.expose(), "tok-1");
    }

    #[test]
    fn remove_and_remove_all() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path());
        cache.store("a", "who", &signed_in("t")).unwrap();
        cache.store("b", "who", &signed_in("t")).unwrap();
        assert!(cache.remove("a").unwrap());
        assert!(!cache.remove("a").unwrap());
        assert_eq!(cache.remove_all().unwrap(), 1);
        assert_eq!(cache.remove_all().unwrap(), 0);
    }

    #[test]
    fn concurrent_writers_never_leave_a_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::at(dir.path());
        std::thread::scope(|scope| {
            for i in 0..8 {
                let cache = cache.clone();
                scope.spawn(move || {
                    for j in 0..25 {
                        cache
                            .store("k", "who", &signed_in(&format!("tok-{i}-{j}")))
                            .unwrap();
                        assert!(cache.load("k").is_some());
                    }
                });
            }
        });
        assert!(cache.load("k").unwrap().token.expose().starts_with("tok-"));
    }
}
