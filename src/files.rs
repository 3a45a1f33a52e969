//! Reading the small files a user names (config file, token file, clouds.yaml, secure.yaml,
//! CA bundle, token cache entries): regular files only, opened so that a FIFO cannot block,
//! and read bounded, so that a path set to a FIFO or `/dev/zero` is refused instead of
//! hanging or eating memory.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::error::Error;

/// Whether `meta` is that of `/dev/null` (the same character device).
fn is_dev_null(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        meta.file_type().is_char_device()
            && std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == meta.rdev())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// The largest settings file read: far above any real one.
pub(crate) const SMALL_FILE_LIMIT: u64 = 4 * 1024 * 1024;

/// Reads the regular file at `path` whole, at most [`SMALL_FILE_LIMIT`] bytes. `/dev/null`
/// (the usual way to say "no such file", as in `IMS_CONFIG=/dev/null`) reads as empty.
/// Anything else (a FIFO, another device, a directory, a socket) is refused without being
/// read, and a larger file is refused; the error's kind stays `NotFound` for a missing file.
pub(crate) fn read_small(path: &Path) -> io::Result<Vec<u8>> {
    let file = open_nonblocking(path)?;
    let meta = file.metadata()?;
    if is_dev_null(&meta) {
        return Ok(Vec::new());
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", file_kind(&meta)),
        ));
    }
    let mut bytes = Vec::new();
    (&file).take(SMALL_FILE_LIMIT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > SMALL_FILE_LIMIT {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "it is larger than {} MiB, too large for a settings file",
                SMALL_FILE_LIMIT / 1024 / 1024
            ),
        ));
    }
    Ok(bytes)
}

/// Reads the settings file `path` as text with [`read_small`]; `Ok(None)` when it does not
/// exist. Anything but a regular UTF-8 file of at most 4 MiB is a configuration error,
/// `cannot read {what}: ...`, where `what` names the file and the setting it came from.
pub(crate) fn read_small_text(path: &Path, what: &str) -> Result<Option<String>, Error> {
    let failed = |why: &dyn std::fmt::Display| Error::config(format!("cannot read {what}: {why}"));
    let bytes = match read_small(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(failed(&err)),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| failed(&"it is not UTF-8 text"))
}

/// Why [`read_text`] gave no text.
#[derive(Debug)]
pub(crate) enum Unread {
    /// Reading failed.
    Failed(io::Error),
    /// There was more than the limit.
    TooLarge,
    /// The bytes are not UTF-8 text.
    NotText,
}

/// Reads `input` to its end as UTF-8 text of at most `limit` bytes. At most one byte more
/// is read, so that an endless input (`< /dev/zero`) is refused at once instead of filling
/// memory.
pub(crate) fn read_text(input: &mut dyn Read, limit: u64) -> Result<String, Unread> {
    let mut bytes = Vec::new();
    input
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Unread::Failed)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| Unread::NotText)
}

/// Opens `path` for reading without waiting for a FIFO's writer (`O_NONBLOCK`).
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    Ok(File::from(rustix::fs::open(path, flags, Mode::empty())?))
}

/// Opens `path` for reading.
#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// What kind of file `meta` describes, for a message: "a FIFO", "a directory", ...
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a directory"
    } else {
        "not a plain file"
    }
}

/// Creates `dir` (mode 0700), or narrows an existing one to 0700.
pub(crate) fn make_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Writes a new file readable and writable by its owner only.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    io::Write::write_all(&mut file, bytes)?;
    file.sync_all()
}

/// Writes `bytes` to `path` as a file only its owner can read: a private temporary file
/// beside it renamed over it, so a reader never sees half a file.
pub(crate) fn replace_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    ));
    let written = write_private(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_up_to_its_limit_and_no_further() {
        assert_eq!(read_text(&mut "abcd".as_bytes(), 4).unwrap(), "abcd");
        assert!(matches!(
            read_text(&mut "abcde".as_bytes(), 4),
            Err(Unread::TooLarge)
        ));
        assert!(matches!(
            read_text(&mut io::repeat(0), 1024),
            Err(Unread::TooLarge)
        ));
        assert!(matches!(
            read_text(&mut [0xff, b'a'].as_slice(), 4),
            Err(Unread::NotText)
        ));
    }

    #[test]
    fn regular_files_are_read_and_others_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "hello\n").unwrap();
        assert_eq!(read_small(&path).unwrap(), b"hello\n");
        let missing = read_small(&dir.path().join("none")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        assert_eq!(
            read_small(dir.path()).unwrap_err().to_string(),
            "it is a directory, not a regular file"
        );
        assert_eq!(
            read_small(Path::new("/dev/zero")).unwrap_err().to_string(),
            "it is a character device, not a regular file"
        );
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(
            read_small(&fifo).unwrap_err().to_string(),
            "it is a FIFO, not a regular file"
        );
    }

    #[test]
    fn large_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        let file = File::create(&path).unwrap();
        file.set_len(SMALL_FILE_LIMIT + 1).unwrap();
        let err = read_small(&path).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(
            err.to_string(),
            "it is larger than 4 MiB, too large for a settings file"
        );
        file.set_len(SMALL_FILE_LIMIT).unwrap();
        assert_eq!(read_small(&path).unwrap().len() as u64, SMALL_FILE_LIMIT);
    }

    #[test]
    fn text_names_the_file_and_a_missing_one_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t");
        assert_eq!(read_small_text(&path, "token_file t").unwrap(), None);
        std::fs::write(&path, b"ok\xff").unwrap();
        assert_eq!(
            read_small_text(&path, "token_file t")
                .unwrap_err()
                .to_string(),
            "cannot read token_file t: it is not UTF-8 text"
        );
        std::fs::write(&path, "ok").unwrap();
        assert_eq!(
            read_small_text(&path, "token_file t").unwrap(),
            Some("ok".to_string())
        );
    }
}
