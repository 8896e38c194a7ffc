//! Local copies of integrations about to be removed or updated
//! (docs/contract.md §6).
//!
//! Before a removal (or an `apply` update), the full document (token and script included: an incoming
//! webhook's token can never be had again) is written to
//! `<data dir>/removed/<host>/<UTC time>-<id>.json`, mode 0600 in 0700
//! directories, atomically, and never over another file: when the name is
//! taken (the same ID twice in one millisecond, by two workers or two
//! processes) it becomes `<UTC time>-<id>-2.json`, and so on. Names are never
//! parsed back, so files of every naming read the same. The file wraps the
//! document with what listing and restoring need:
//!
//! ```json
//! {"rcctl_backup": 1, "server": "https://chat.example.com", "profile": "prod",
//!  "action": "remove", "removed_at": "2024-01-10T14:12:07.739Z", "integration": {…},
//!  "restored_as": {"id": "…", "server": "…", "at": "…"}}
//! ```
//!
//! A restore whose answer was lost (the server may have re-created the
//! integration) writes `"restored_as": {"id": null, "outcome": "unknown", …}`:
//! a second restore is refused all the same.
//!
//! `action` says what came after the backup (`remove` or `update`); files
//! written before it existed are removals. `removed_at` is when the backup was
//! taken, whichever the action. `restored_as` is added by a restore
//! (docs/contract.md §3.4), so that a second one is refused. Reading also accepts a bare integration document or
//! a `get` response, so a document saved with `get --json --show-secrets` can
//! be restored too.

use std::io;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::SystemTime;

use serde_json::{Map, Value, json};
use thiserror::Error;

use crate::api::{Integration, IntegrationId, InvalidId};
use crate::private_file::{write_private_atomically, write_private_new};

/// Version of the wrapper format, for readers of the files.
const FORMAT: u64 = 1;

/// What came after a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupAction {
    Remove,
    Update,
}

impl BackupAction {
    /// `remove`, `update`: as in the file and in `backups`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Remove => "remove",
            Self::Update => "update",
        }
    }
}

/// One backup file, read back.
#[derive(Debug, Clone)]
pub struct Backup {
    pub path: PathBuf,
    /// The server it was taken on, when the file says.
    pub server: Option<String>,
    pub profile: Option<String>,
    pub action: BackupAction,
    /// RFC 3339 UTC with milliseconds, so text order is time order.
    pub removed_at: Option<String>,
    pub integration: Integration,
    /// What a restore of this backup created, when one did.
    pub restored_as: Option<RestoredAs>,
    /// rcctl wrote the file (not a bare document): it can record a restore.
    pub wrapped: bool,
}

/// The integration a backup was restored as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoredAs {
    /// `None`: a restore may have re-created it, but its answer was lost, so
    /// the new ID is not known (written as `"id": null, "outcome": "unknown"`).
    pub id: Option<String>,
    pub server: Option<String>,
    /// RFC 3339 UTC with milliseconds.
    pub at: Option<String>,
}

/// What `restore FILE|ID` names, decided once: a path names a file (it exists,
/// ends in `.json`, or has a directory separator); anything else is an ID
/// whose newest backup is meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupSource {
    File(PathBuf),
    Id(IntegrationId),
}

impl FromStr for BackupSource {
    type Err = InvalidId;

    fn from_str(text: &str) -> Result<Self, InvalidId> {
        let path = Path::new(text);
        if path.is_file() || text.ends_with(".json") || text.contains(['/', '\\']) {
            return Ok(Self::File(path.to_owned()));
        }
        text.parse().map(Self::Id)
    }
}

/// A backup file that cannot be written or read.
#[derive(Debug, Error)]
pub enum BackupError {
    // The I/O error is the source, not in the message: `{:#}` prints the
    // chain, and would print it twice.
    #[error("cannot write the backup {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("cannot read the backup {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{} is not a backup: {reason}", path.display())]
    Invalid { path: PathBuf, reason: String },
    #[error(
        "{} is not an rcctl backup file, so it cannot record what it was restored as",
        path.display()
    )]
    NotAWrapper { path: PathBuf },
}

/// The `removed/` directory under rcctl's data directory.
#[derive(Debug, Clone)]
pub struct BackupStore {
    dir: PathBuf,
}

impl BackupStore {
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("removed"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the backups of `server` go.
    pub fn host_dir(&self, server: &str) -> PathBuf {
        self.dir.join(portable(host_of(server)))
    }

    /// Writes `doc`, about to be removed from (or updated on) `server` at
    /// `now`, to a new file, and returns its path.
    pub fn save(
        &self,
        server: &str,
        profile: Option<&str>,
        doc: &Integration,
        action: BackupAction,
        now: SystemTime,
    ) -> Result<PathBuf, BackupError> {
        let removed_at = humantime::format_rfc3339_millis(now).to_string();
        let dir = self.host_dir(server);
        let stem = format!(
            "{}-{}",
            removed_at.replace(['-', ':'], ""),
            portable(doc.id())
        );
        let wrapper = json!({
            "rcctl_backup": FORMAT,
            "server": server,
            "profile": profile,
            "action": action.name(),
            "removed_at": removed_at,
            "integration": doc.as_object(),
        });
        pretty_bytes(&wrapper)
            .and_then(|bytes| write_private_new(&dir, &stem, "json", &bytes))
            .map_err(|source| BackupError::Write {
                path: dir.join(format!("{stem}.json")),
                source,
            })
    }

    /// Every backup, newest first, and the files that could not be read.
    pub fn list(&self) -> io::Result<(Vec<Backup>, Vec<BackupError>)> {
        let mut backups = Vec::new();
        let mut unreadable = Vec::new();
        for host in read_dir_or_empty(&self.dir)? {
            if !host.is_dir() {
                continue;
            }
            for path in read_dir_or_empty(&host)? {
                // Skips the temp files of a write in progress (`.rcctl-….tmp`).
                if path.extension().is_none_or(|ext| ext != "json") {
                    continue;
                }
                match read(&path) {
                    Ok(backup) => backups.push(backup),
                    Err(err) => unreadable.push(err),
                }
            }
        }
        backups.sort_by(|a, b| (&b.removed_at, &b.path).cmp(&(&a.removed_at, &a.path)));
        Ok((backups, unreadable))
    }

    /// The newest backup of the integration `id`, on any server.
    pub fn newest_of(&self, id: &str) -> io::Result<Option<Backup>> {
        let (backups, _) = self.list()?;
        Ok(backups
            .into_iter()
            .find(|backup| backup.integration.id() == id))
    }
}

/// Records in the backup file at `path` that it was restored as `new_id` on
/// `server` at `now`, rewriting it atomically. Only rcctl's own backup files
/// can say so: a bare document is the user's file, left as it is.
pub fn mark_restored(
    path: &Path,
    new_id: Option<&str>,
    server: &str,
    now: SystemTime,
) -> Result<(), BackupError> {
    let read_error = |source| BackupError::Read {
        path: path.to_owned(),
        source,
    };
    let bytes = std::fs::read(path).map_err(read_error)?;
    let mut wrapper = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(object)) if object.contains_key("rcctl_backup") => object,
        _ => {
            return Err(BackupError::NotAWrapper {
                path: path.to_owned(),
            });
        }
    };
    let mut restored = json!({
        "id": new_id,
        "server": server,
        "at": humantime::format_rfc3339_millis(now).to_string(),
    });
    if new_id.is_none() {
        restored["outcome"] = json!("unknown");
    }
    wrapper.insert("restored_as".to_owned(), restored);
    pretty_bytes(&Value::Object(wrapper))
        .and_then(|bytes| write_private_atomically(path, &bytes))
        .map_err(|source| BackupError::Write {
            path: path.to_owned(),
            source,
        })
}

fn pretty_bytes(value: &Value) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Reads a backup file, a bare integration document or a `get` response.
pub fn read(path: &Path) -> Result<Backup, BackupError> {
    let bytes = std::fs::read(path).map_err(|source| BackupError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(path, &bytes).map_err(|reason| BackupError::Invalid {
        path: path.to_owned(),
        reason,
    })
}

fn parse(path: &Path, bytes: &[u8]) -> Result<Backup, String> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|err| format!("it is not JSON ({err})"))?;
    let Value::Object(mut object) = value else {
        return Err("it is not a JSON object".to_owned());
    };
    let text = |object: &Map<String, Value>, key: &str| {
        object.get(key).and_then(Value::as_str).map(str::to_owned)
    };
    let integration = match object.remove("integration") {
        Some(Value::Object(doc)) => doc,
        Some(_) => return Err("its `integration` is not an object".to_owned()),
        None if object.contains_key("type") => {
            return Ok(Backup {
                path: path.to_owned(),
                server: None,
                profile: None,
                action: BackupAction::Remove,
                removed_at: None,
                integration: Integration::from_object(object),
                restored_as: None,
                wrapped: false,
            });
        }
        None => return Err("it holds no integration document".to_owned()),
    };
    let action = match object.get("action") {
        None | Some(Value::Null) => BackupAction::Remove,
        Some(Value::String(action)) if action == "remove" => BackupAction::Remove,
        Some(Value::String(action)) if action == "update" => BackupAction::Update,
        Some(other) => return Err(format!("its `action` {other} is neither remove nor update")),
    };
    let restored_as = match object.get("restored_as") {
        Some(Value::Object(restored)) => {
            let id = text(restored, "id");
            let unknown = restored.get("outcome").and_then(Value::as_str) == Some("unknown");
            if id.is_none() && !unknown {
                return Err("its `restored_as` names no `id`".to_owned());
            }
            Some(RestoredAs {
                id,
                server: text(restored, "server"),
                at: text(restored, "at"),
            })
        }
        _ => None,
    };
    Ok(Backup {
        path: path.to_owned(),
        server: text(&object, "server"),
        profile: text(&object, "profile"),
        action,
        removed_at: text(&object, "removed_at"),
        integration: Integration::from_object(integration),
        restored_as,
        wrapped: object.contains_key("rcctl_backup"),
    })
}

/// The entries of `dir`, sorted; none when it does not exist yet.
fn read_dir_or_empty(dir: &Path) -> io::Result<Vec<PathBuf>> {
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths = entries
                .map(|entry| entry.map(|entry| entry.path()))
                .collect::<io::Result<Vec<_>>>()?;
            paths.sort();
            Ok(paths)
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(err),
    }
}

/// `https://chat.example.com:8443/prefix` → `chat.example.com:8443`.
fn host_of(server: &str) -> &str {
    let rest = server.split_once("://").map_or(server, |(_, rest)| rest);
    rest.split('/').next().unwrap_or(rest)
}

/// A file-name part that is safe on every OS: no `:`, `/`, `\` or the like.
fn portable(text: &str) -> String {
    let name: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    // No hidden files, and never `.` or `..`.
    match name.trim_start_matches('.') {
        "" => "_".to_owned(),
        visible => visible.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn doc(id: &str) -> Integration {
        let Value::Object(object) = json!({
            "_id": id,
            "type": "webhook-incoming",
            "name": "CI notices",
            "token": "XuHp73MccmCvJ9m3fKdQK6HKW9tjhBcbTKKHCSSLsv7qn4fk",
        }) else {
            unreachable!("literal is an object")
        };
        Integration::from_object(object)
    }

    fn at(millis: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_millis(millis)
    }

    #[test]
    fn save_names_the_file_by_host_utc_time_and_id_and_keeps_the_token() {
        let root = tempfile::tempdir().expect("temp dir");
        let store = BackupStore::new(root.path());
        let path = store
            .save(
                "http://127.0.0.1:3000/chat",
                Some("prod"),
                &doc("659ea5b72dd9f928ada3e43e"),
                BackupAction::Update,
                at(1_704_895_927_739),
            )
            .expect("saved");
        assert_eq!(
            path,
            root.path()
                .join("removed/127.0.0.1_3000/20240110T141207.739Z-659ea5b72dd9f928ada3e43e.json")
        );
        let backup = read(&path).expect("readable");
        assert_eq!(backup.server.as_deref(), Some("http://127.0.0.1:3000/chat"));
        assert_eq!(backup.profile.as_deref(), Some("prod"));
        assert_eq!(backup.action, BackupAction::Update);
        assert_eq!(
            backup.removed_at.as_deref(),
            Some("2024-01-10T14:12:07.739Z")
        );
        assert_eq!(backup.integration, doc("659ea5b72dd9f928ada3e43e"));
    }

    #[test]
    fn the_same_id_in_the_same_millisecond_gets_a_second_file() {
        let root = tempfile::tempdir().expect("temp dir");
        let store = BackupStore::new(root.path());
        let save = || {
            store
                .save(
                    "https://chat.example.com",
                    None,
                    &doc("dup"),
                    BackupAction::Remove,
                    at(1_000),
                )
                .expect("saved")
        };
        let (first, second) = (save(), save());
        assert_eq!(
            first.file_name().expect("a name"),
            "19700101T000001.000Z-dup.json"
        );
        assert_eq!(
            second.file_name().expect("a name"),
            "19700101T000001.000Z-dup-2.json"
        );
        let (backups, _) = store.list().expect("listed");
        assert_eq!(backups.len(), 2);
    }

    #[test]
    fn a_restore_is_recorded_in_the_backup_file() {
        let root = tempfile::tempdir().expect("temp dir");
        let store = BackupStore::new(root.path());
        let path = store
            .save(
                "https://chat.example.com",
                Some("prod"),
                &doc("old"),
                BackupAction::Remove,
                at(1_000),
            )
            .expect("saved");
        assert_eq!(read(&path).expect("readable").restored_as, None);

        mark_restored(&path, Some("newId"), "https://chat.example.com", at(2_000)).expect("marked");

        let backup = read(&path).expect("readable");
        assert_eq!(
            backup.restored_as,
            Some(RestoredAs {
                id: Some("newId".to_owned()),
                server: Some("https://chat.example.com".to_owned()),
                at: Some("1970-01-01T00:00:02.000Z".to_owned()),
            })
        );
        assert_eq!(backup.integration, doc("old"), "the document is untouched");
        let bare = root.path().join("bare.json");
        std::fs::write(&bare, r#"{"_id":"a","type":"webhook-outgoing"}"#).expect("written");
        assert!(matches!(
            mark_restored(&bare, Some("x"), "https://chat.example.com", at(0)),
            Err(BackupError::NotAWrapper { .. })
        ));
    }

    /// A restore whose answer was lost may have re-created the integration:
    /// that is recorded too, without an ID, and read back as such.
    #[test]
    fn a_restore_of_unknown_outcome_is_recorded_without_an_id() {
        let root = tempfile::tempdir().expect("temp dir");
        let store = BackupStore::new(root.path());
        let path = store
            .save(
                "https://chat.example.com",
                None,
                &doc("old"),
                BackupAction::Remove,
                at(1_000),
            )
            .expect("saved");

        mark_restored(&path, None, "https://chat.example.com", at(2_000)).expect("marked");

        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
        assert_eq!(written["restored_as"]["id"], Value::Null);
        assert_eq!(written["restored_as"]["outcome"], "unknown");
        let backup = read(&path).expect("readable");
        assert_eq!(
            backup.restored_as,
            Some(RestoredAs {
                id: None,
                server: Some("https://chat.example.com".to_owned()),
                at: Some("1970-01-01T00:00:02.000Z".to_owned()),
            })
        );
        // Without the outcome, a `restored_as` with no ID is not one rcctl wrote.
        let mut forged = written.clone();
        forged["restored_as"]
            .as_object_mut()
            .expect("an object")
            .remove("outcome");
        std::fs::write(&path, forged.to_string()).expect("written");
        assert!(read(&path).is_err());
    }

    #[test]
    fn a_missing_file_names_the_os_error_once() {
        let err = anyhow::Error::new(read(Path::new("/nonexistent.json")).expect_err("missing"));
        let text = format!("{err:#}");
        assert_eq!(text.matches("No such file").count(), 1, "{text}");
    }

    #[test]
    fn list_is_newest_first_and_reports_unreadable_files() {
        let root = tempfile::tempdir().expect("temp dir");
        let store = BackupStore::new(root.path());
        for (id, millis) in [("old", 1_000), ("new", 3_000), ("mid", 2_000)] {
            store
                .save(
                    "https://chat.example.com",
                    None,
                    &doc(id),
                    BackupAction::Remove,
                    at(millis),
                )
                .expect("saved");
        }
        let junk = store.dir().join("chat.example.com/junk.json");
        std::fs::write(&junk, "{").expect("written");

        let (backups, unreadable) = store.list().expect("listed");
        let ids: Vec<_> = backups.iter().map(|b| b.integration.id()).collect();
        assert_eq!(ids, ["new", "mid", "old"]);
        assert_eq!(unreadable.len(), 1);
        assert_eq!(
            store.newest_of("mid").expect("listed").map(|b| b.path),
            Some(backups[1].path.clone())
        );
    }

    #[test]
    fn a_missing_directory_lists_nothing() {
        let root = tempfile::tempdir().expect("temp dir");
        let (backups, unreadable) = BackupStore::new(&root.path().join("none"))
            .list()
            .expect("listed");
        assert!(backups.is_empty() && unreadable.is_empty());
    }

    #[test]
    fn bare_documents_and_get_responses_are_read_too() {
        let path = Path::new("x.json");
        let bare = parse(path, br#"{"_id":"a","type":"webhook-outgoing"}"#).expect("bare");
        assert_eq!(bare.integration.id(), "a");
        assert_eq!(bare.server, None);
        let response =
            parse(path, br#"{"integration":{"_id":"b"},"success":true}"#).expect("response");
        assert_eq!(response.integration.id(), "b");
        assert!(parse(path, b"[1]").is_err());
        assert!(parse(path, br#"{"name":"x"}"#).is_err());
    }

    #[test]
    fn a_backup_without_an_action_was_taken_before_a_removal() {
        let path = Path::new("x.json");
        let old = parse(
            path,
            br#"{"rcctl_backup":1,"removed_at":"2024-01-10T14:12:07.739Z","integration":{"_id":"a"}}"#,
        )
        .expect("readable");
        assert_eq!(old.action, BackupAction::Remove);
        let update =
            parse(path, br#"{"action":"update","integration":{"_id":"a"}}"#).expect("readable");
        assert_eq!(update.action, BackupAction::Update);
        let odd =
            parse(path, br#"{"action":"rename","integration":{"_id":"a"}}"#).expect_err("refused");
        assert!(odd.contains("neither remove nor update"), "{odd}");
    }

    #[test]
    fn a_restore_source_is_a_file_or_an_id() {
        let file = |text: &str| Ok(BackupSource::File(PathBuf::from(text)));
        assert_eq!("backup.json".parse(), file("backup.json"));
        assert_eq!("dir/x".parse(), file("dir/x"));
        assert_eq!(
            "oNLthAt9RwMw39N2B".parse::<BackupSource>(),
            Ok(BackupSource::Id(
                "oNLthAt9RwMw39N2B".parse().expect("an ID")
            ))
        );
        assert!("not an id".parse::<BackupSource>().is_err());
    }

    #[test]
    fn file_name_parts_are_portable() {
        assert_eq!(portable("[::1]:8080"), "___1__8080");
        assert_eq!(portable("../../etc"), "_.._etc");
        assert_eq!(portable(""), "_");
        assert_eq!(host_of("https://chat.example.com/x/y"), "chat.example.com");
    }
}
