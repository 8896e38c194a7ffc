//! Files that hold secrets: the config file (tokens) and backups (webhook tokens).
//!
//! docs/contract.md §2 and §6: mode 0600 in a 0700 directory from the start (no
//! chmod-after-write window), written atomically (a temp file in the same
//! directory, then a rename), so a crash never leaves half a file behind.
//! `export`'s files (§7.1) are written the same way, 0644 unless they hold a
//! token.

use std::io::{self, Write};
use std::path::Path;

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
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
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
    file.as_file().sync_all()?;
    file.persist(path).map_err(|err| err.error)?;
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
    fn a_shared_file_gets_its_mode() {
        let root = tempfile::tempdir().expect("temp dir");
        let path = root.path().join("hook.toml");
        write_atomically(&path, b"name = \"x\"\n", 0o644).expect("written");
        assert_eq!(mode(&path), 0o644);
        write_atomically(&path, b"token = \"t\"\n", 0o600).expect("rewritten");
        assert_eq!(mode(&path), 0o600);
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
