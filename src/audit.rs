//! The audit log (docs/contract.md §6): `<data dir>/audit.jsonl`, one JSON line
//! per call that changes the server (remove, restore; `apply`'s create, update
//! and remove; never a dry run).
//!
//! Each line goes out in a single `write` on a file opened with `O_APPEND`, so
//! the lines of rcctl processes running at once never interleave. The file is
//! created with mode 0600 in a 0700 directory, and opened once per process,
//! before the first destructive request ([`AuditLog::open`]): a log that cannot
//! be opened stops the request, so every request sent has its line. A batch
//! appends a line per ID.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

use crate::private_file::create_private_dir_all;

/// The destructive call a line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditAction {
    Remove,
    Restore,
    Create,
    Update,
}

impl AuditAction {
    /// `remove`, `restore`, `create`, `update`: as in the log.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Remove => "remove",
            Self::Restore => "restore",
            Self::Create => "create",
            Self::Update => "update",
        }
    }
}

/// What became of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AuditResult {
    Removed,
    /// `--ignore-missing`: it was gone already.
    Missing,
    Restored,
    Created,
    Updated,
    /// Refused by the server: nothing changed.
    Failed,
    /// No complete answer, and the integration was still there when read
    /// again: the server may still remove it (docs/contract.md §6.5).
    Unknown,
}

/// One line of the audit log.
#[derive(Debug, Serialize)]
pub struct AuditRecord<'a> {
    /// RFC 3339 UTC with milliseconds.
    pub time: String,
    pub profile: Option<&'a str>,
    pub server: &'a str,
    pub user_id: &'a str,
    pub action: AuditAction,
    /// The integration the call was about (for `restore`: the one in the
    /// backup; for `create`: the file's `_id`, else the new one).
    pub integration_id: &'a str,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub result: AuditResult,
    pub exit_code: u8,
    /// The backup written before a removal or an update, or restored from.
    pub backup: Option<&'a Path>,
    /// The ID of the integration a restore or a create made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_id: Option<&'a str>,
    /// Why the call failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The append-only log file.
#[derive(Debug)]
pub struct AuditLog {
    path: PathBuf,
    /// Opened at the first append; shared by every worker of a batch.
    file: OnceLock<File>,
}

impl AuditLog {
    pub fn new(data_dir: &Path) -> Self {
        Self {
            path: data_dir.join("audit.jsonl"),
            file: OnceLock::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens (and creates) the file now, so that a log that cannot be written
    /// is known before the call it would record is made.
    pub fn open(&self) -> io::Result<()> {
        self.file().map(|_| ())
    }

    /// Appends `record` as one line, in one `write`.
    pub fn append(&self, record: &AuditRecord<'_>) -> io::Result<()> {
        let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
        line.push(b'\n');
        let written = self.file()?.write(&line)?;
        if written != line.len() {
            // A second write could land after another process's line.
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                format!("only {written} of {} bytes were written", line.len()),
            ));
        }
        Ok(())
    }

    /// The file, opened for appending (and created) at the first call.
    fn file(&self) -> io::Result<&File> {
        if let Some(file) = self.file.get() {
            return Ok(file);
        }
        if let Some(dir) = self.path.parent() {
            create_private_dir_all(dir)?;
        }
        let mut options = OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&self.path)?;
        // Two threads may both open it; one handle is kept, the other closed.
        Ok(self.file.get_or_init(|| file))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str) -> AuditRecord<'_> {
        AuditRecord {
            time: "2024-01-10T14:12:07.739Z".to_owned(),
            profile: Some("prod"),
            server: "https://chat.example.com",
            user_id: "aobEdbYhXfu5hkeqG",
            action: AuditAction::Remove,
            integration_id: id,
            name: "CI notices",
            kind: "webhook-incoming",
            result: AuditResult::Removed,
            exit_code: 0,
            backup: None,
            new_id: None,
            error: None,
        }
    }

    #[test]
    fn each_record_is_one_json_line_appended() {
        let root = tempfile::tempdir().expect("temp dir");
        let log = AuditLog::new(&root.path().join("rcctl"));
        log.append(&record("a")).expect("appended");
        log.append(&record("b")).expect("appended");
        let text = std::fs::read_to_string(log.path()).expect("read");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            r#"{"time":"2024-01-10T14:12:07.739Z","profile":"prod","server":"https://chat.example.com","user_id":"aobEdbYhXfu5hkeqG","action":"remove","integration_id":"a","name":"CI notices","type":"webhook-incoming","result":"removed","exit_code":0,"backup":null}"#
        );
        assert!(lines[1].contains(r#""integration_id":"b""#));
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn concurrent_appends_never_interleave() {
        let root = tempfile::tempdir().expect("temp dir");
        let log = AuditLog::new(root.path());
        std::thread::scope(|scope| {
            for writer in 0..8 {
                // Each writer opens the file itself, as separate rcctl processes do.
                let root = root.path();
                scope.spawn(move || {
                    let log = AuditLog::new(root);
                    let id = format!("writer{writer}");
                    for _ in 0..50 {
                        log.append(&record(&id)).expect("appended");
                    }
                });
            }
        });
        let text = std::fs::read_to_string(log.path()).expect("read");
        assert_eq!(text.lines().count(), 400);
        for line in text.lines() {
            serde_json::from_str::<serde_json::Value>(line).expect("a whole JSON line");
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_log_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().expect("temp dir");
        let log = AuditLog::new(&root.path().join("rcctl"));
        log.append(&record("a")).expect("appended");
        let mode = |path: &Path| {
            std::fs::metadata(path)
                .expect("exists")
                .permissions()
                .mode()
                & 0o777
        };
        assert_eq!(mode(log.path()), 0o600);
        assert_eq!(mode(&root.path().join("rcctl")), 0o700);
    }
}
