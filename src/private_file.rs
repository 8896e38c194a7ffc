//! Files that hold secrets: the config file (tokens) and backups (webhook tokens).
//!
//! docs/contract.md §2 and §6: mode 0600 in a 0700 directory from the start (no
//! chmod-after-write window), written atomically (a temp file in the same
//! directory, then a rename, then the directory synced so the rename survives
//! a crash), so a crash never leaves half a file behind. A new file never
//! replaces another one ([`write_private_new`]), and a read-modify-write holds
//! a lock file beside its target ([`lock_beside`], docs/contract.md §6.3).
//! `export`'s files (§7.1) are written the same way, 0644 unless they hold a
//! token.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Most names [`write_private_new`] tries before it gives up.
const MAX_NAME_ATTEMPTS: u32 = 1000;

/// Creates `dir` and its missing parents, each new one with mode 0700.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes `contents` to `path` atomically, the file readable by its owner only.
pub fn write_private_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomically(path, contents, 0o600)
}

/// Writes `contents` to `path` atomically with `mode` (on Unix): 0644 for
/// what is meant to be shared, such as exported integrations. A missing
/// directory is created private all the same.
pub fn write_atomically(path: &Path, contents: &[u8], mode: u32) -> io::Result<()> {
    replace(path, contents, mode, true)
}

/// [`write_private_atomically`] for a cache: atomic, but not synced to disk.
/// A crash may lose the last write, which costs nothing but suggestions;
/// the two syncs would cost more than the write on every run.
pub fn write_private_cache(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace(path, contents, 0o600, false)
}

/// Writes `contents` to a temp file beside `path`, then renames it there;
/// `durable`: both on disk before this returns.
fn replace(path: &Path, contents: &[u8], mode: u32, durable: bool) -> io::Result<()> {
    let dir = parent_of(path);
    let file = temp_file(dir, contents, mode, durable)?;
    file.persist(path).map_err(|err| err.error)?;
    if durable { sync_dir(dir) } else { Ok(()) }
}

/// Writes `contents` to a new file in `dir`, never replacing one: `stem.ext`,
/// else `stem-2.ext`, `stem-3.ext`, … (another process may be writing the
/// same name at the same moment). Returns the path written.
pub fn write_private_new(
    dir: &Path,
    stem: &str,
    ext: &str,
    contents: &[u8],
) -> io::Result<PathBuf> {
    let mut file = temp_file(dir, contents, 0o600, true)?;
    for attempt in 1..=MAX_NAME_ATTEMPTS {
        let path = match attempt {
            1 => dir.join(format!("{stem}.{ext}")),
            n => dir.join(format!("{stem}-{n}.{ext}")),
        };
        // A link or `RENAME_NOREPLACE`: atomic, and fails if the name is taken.
        match file.persist_noclobber(&path) {
            Ok(_) => {
                sync_dir(dir)?;
                return Ok(path);
            }
            Err(err) if err.error.kind() == io::ErrorKind::AlreadyExists => file = err.file,
            Err(err) => return Err(err.error),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{MAX_NAME_ATTEMPTS} files named {stem}*.{ext} exist already"),
    ))
}

/// An exclusive lock on `<path>.lock`, held until the value is dropped.
#[derive(Debug)]
pub struct FileLock {
    /// Closing the file (on drop) releases the lock.
    _held: File,
}

/// Locks `<path>.lock` (created 0600 beside `path`), waiting for any other
/// holder. A lock file, not `path` itself: `path` is replaced by a rename
/// while the lock is held, and a lock on the replaced file would guard nothing.
pub fn lock_beside(path: &Path) -> io::Result<FileLock> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let dir = parent_of(path);
    create_private_dir_all(dir)?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(dir.join(name))?;
    // Qualified: `File::lock` of newer standard libraries has the same name.
    fs4::FileExt::lock(&file)?;
    Ok(FileLock { _held: file })
}

/// The mode of the file or directory `path` when others may read or write it
/// (mode & 0o077), for a warning; `None` when it is private, does not exist,
/// or is neither (a device's mode is not the user's to fix).
#[cfg(unix)]
pub fn loose_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let metadata = std::fs::metadata(path).ok()?;
    if !metadata.is_file() && !metadata.is_dir() {
        return None;
    }
    let mode = metadata.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

#[cfg(not(unix))]
pub fn loose_mode(_path: &Path) -> Option<u32> {
    None
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `contents` in a synced 0600 temp file in `dir` (created 0700 when missing).
fn temp_file(dir: &Path, contents: &[u8], mode: u32, durable: bool) -> io::Result<NamedTempFile> {
    create_private_dir_all(dir)?;
    // tempfile creates the file with mode 0600 on Unix.
    let mut file = tempfile::Builder::new()
        .prefix(".rcctl-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(contents)?;
    #[cfg(unix)]
    if mode != 0o600 {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    if durable {
        file.as_file().sync_all()?;
    }
    Ok(file)
}

/// Makes a rename in `dir` durable: without it, a crash can forget the new name.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("exists")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn new_files_and_directories_are_private() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("a/b/config.toml");
        write_private_atomically(&path, b"x = 1\n").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"x = 1\n");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&root.path().join("a")), 0o700);
        assert_eq!(mode(&root.path().join("a/b")), 0o700);
    }

    #[test]
    fn a_cache_is_replaced_whole_and_private_too() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("cache/ids.json");
        write_private_cache(&path, b"[1]").expect("written");
        write_private_cache(&path, b"[1,2]").expect("rewritten");
        assert_eq!(std::fs::read(&path).expect("read"), b"[1,2]");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&root.path().join("cache")), 0o700);
    }

    #[test]
    fn a_shared_file_gets_its_mode() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("hook.toml");
        write_atomically(&path, b"name = \"x\"\n", 0o644).expect("written");
        assert_eq!(mode(&path), 0o644);
        write_atomically(&path, b"token = \"t\"\n", 0o600).expect("rewritten");
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn a_new_file_never_replaces_another() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("removed");
        let first = write_private_new(&dir, "t-id", "json", b"1").expect("written");
        let second = write_private_new(&dir, "t-id", "json", b"2").expect("written");
        assert_eq!(first, dir.join("t-id.json"));
        assert_eq!(second, dir.join("t-id-2.json"));
        assert_eq!(std::fs::read(&first).expect("read"), b"1");
        assert_eq!(std::fs::read(&second).expect("read"), b"2");
        assert_eq!(mode(&second), 0o600);
        assert_eq!(mode(&dir), 0o700);
    }

    #[test]
    fn writers_at_once_each_get_their_own_file() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path();
        let written: Vec<PathBuf> = std::thread::scope(|scope| {
            let writers: Vec<_> = (0..16u8)
                .map(|n| scope.spawn(move || write_private_new(dir, "same", "json", &[n])))
                .collect();
            writers
                .into_iter()
                .map(|writer| writer.join().expect("no panic").expect("written"))
                .collect()
        });
        let mut contents: Vec<u8> = written
            .iter()
            .map(|path| std::fs::read(path).expect("read")[0])
            .collect();
        contents.sort_unstable();
        assert_eq!(contents, (0..16).collect::<Vec<u8>>());
    }

    #[test]
    fn the_lock_excludes_a_second_holder_until_dropped() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("config.toml");
        let held = lock_beside(&path).expect("locked");
        assert_eq!(mode(&root.path().join("config.toml.lock")), 0o600);
        let second = std::fs::File::open(root.path().join("config.toml.lock")).expect("open");
        assert!(fs4::FileExt::try_lock(&second).is_err(), "held elsewhere");
        drop(held);
        assert!(fs4::FileExt::try_lock(&second).is_ok(), "free again");
    }

    #[test]
    fn loose_modes_are_named_and_private_ones_are_not() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("audit.jsonl");
        write_private_atomically(&path, b"").expect("written");
        assert_eq!(loose_mode(&path), None);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        assert_eq!(loose_mode(&path), Some(0o644));
        assert_eq!(loose_mode(&root.path().join("missing")), None);
    }

    #[test]
    fn replacing_a_file_leaves_no_temp_file() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("config.toml");
        write_private_atomically(&path, b"old").expect("written");
        write_private_atomically(&path, b"new").expect("rewritten");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(root.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
    }
}
