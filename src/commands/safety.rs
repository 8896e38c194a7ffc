//! docs/contract.md §6 for the destructive commands (`remove`, `restore`,
//! `apply`): the protected-profile confirmation, the backup written before
//! each removal or update, and the audit line every destructive call leaves.
//!
//! A backup or an audit log that cannot be written stops the call before it is
//! sent; an audit line that cannot be appended afterwards is a warning, since
//! the call it records has already happened. Nothing here prints about an
//! item: each step returns a [`DiskNote`], and the caller says them once the
//! item is settled (docs/contract.md §6.9), so a reader closing stdout or
//! stderr halfway never leaves an unrecorded request or a stray backup.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use anyhow::Context;

use super::session::Session;
use crate::api::{ApiError, Effect, Integration};
use crate::audit::{AuditAction, AuditLog, AuditRecord, AuditResult};
use crate::backup::{BackupAction, BackupStore};
use crate::config::{self, Env, Settings};
use crate::error::Cancelled;
use crate::exit::Exit;
use crate::output::Output;
use crate::private_file;
use crate::prompt;

/// On a protected profile, asks for the profile's name to be typed before
/// `action` ("remove 2 integration(s)"); `--yes` confirms without asking. Never
/// waits for input that cannot come: without a terminal it refuses at once.
pub fn confirm_protected(
    settings: &Settings,
    yes: bool,
    action: &str,
    out: &Output,
) -> anyhow::Result<()> {
    if !settings.protected || yes {
        return Ok(());
    }
    let name = settings
        .profile
        .as_deref()
        .unwrap_or(settings.url().as_str());
    confirm_name(name, action, prompt::can_ask(), |question| {
        out.ask_line(question)
    })
}

/// The confirmation itself, with the terminal passed in.
fn confirm_name(
    name: &str,
    action: &str,
    can_ask: bool,
    ask: impl FnOnce(&str) -> io::Result<String>,
) -> anyhow::Result<()> {
    let question = format!("profile `{name}` is protected. Type its name to {action}: ");
    let refusal = || {
        format!(
            "profile `{name}` is protected and stdin is not a terminal, so rcctl cannot ask: \
             pass --yes to {action} without a confirmation"
        )
    };
    if answer(&question, refusal, can_ask, ask)? != name {
        return Err(Cancelled(format!("the name typed was not `{name}`; nothing was done")).into());
    }
    Ok(())
}

/// A person's answer to `question`; without a terminal, `refusal` (which
/// names the flag that answers instead), since nothing may wait for input
/// that cannot come. Either way a refusal is [`Cancelled`].
pub fn answer(
    question: &str,
    refusal: impl FnOnce() -> String,
    can_ask: bool,
    ask: impl FnOnce(&str) -> io::Result<String>,
) -> anyhow::Result<String> {
    if !can_ask {
        return Err(Cancelled(refusal()).into());
    }
    ask(question)
        .map_err(|err| Cancelled(format!("no confirmation ({err}); nothing was done")).into())
}

/// A `[y/N]` question (`remove` by filter, `apply`): only `y` or `yes`
/// confirms; without a terminal, `refusal`. `undone` says what a "no" left
/// alone ("nothing was removed").
pub fn confirm_yes(
    question: &str,
    refusal: impl FnOnce() -> String,
    undone: &str,
    can_ask: bool,
    ask: impl FnOnce(&str) -> io::Result<String>,
) -> anyhow::Result<()> {
    let answer = answer(question, refusal, can_ask, ask)?;
    if answer.eq_ignore_ascii_case("y") || answer.eq_ignore_ascii_case("yes") {
        return Ok(());
    }
    Err(Cancelled(format!("not confirmed; {undone}")).into())
}

const NO_DATA_DIR: &str =
    "no data directory is known for backups and the audit log: set XDG_DATA_HOME or HOME";

/// rcctl's data directory, where backups and the audit log live.
pub fn data_dir(env: &Env) -> anyhow::Result<PathBuf> {
    config::data_dir(env).context(NO_DATA_DIR)
}

/// The loose-mode warning comes once per run, however many batches it has.
static MODES_CHECKED: AtomicBool = AtomicBool::new(false);

/// What a safety step did on disk, said once its item is settled.
#[derive(Debug)]
pub enum DiskNote {
    BackedUp {
        id: String,
        path: PathBuf,
    },
    /// The server did not act, so the backup went again.
    BackupDeleted(PathBuf),
    BackupUndeletable {
        path: PathBuf,
        error: io::Error,
    },
    /// Something could not be recorded: an audit line after the call was
    /// made, or the backup of what the server removed instead.
    NotRecorded(String),
}

impl DiskNote {
    /// The backup just written, for a [`DiskNote::BackedUp`].
    pub fn backup_path(&self) -> Option<PathBuf> {
        match self {
            Self::BackedUp { path, .. } => Some(path.clone()),
            _ => None,
        }
    }

    pub fn say(&self, out: &Output) {
        match self {
            Self::BackedUp { id, path } => {
                out.notice(&format!("backed up integration {id} to {}", path.display()));
            }
            Self::BackupDeleted(path) => out.notice(&format!(
                "deleted the backup {}: the integration was not removed",
                path.display()
            )),
            Self::BackupUndeletable { path, error } => out.warn(&format!(
                "cannot delete the backup {} ({error}); the integration was not removed",
                path.display()
            )),
            Self::NotRecorded(warning) => out.warn(warning),
        }
    }
}

/// The local side of destructive calls: backups and the audit log.
#[derive(Debug)]
pub struct Safety {
    profile: Option<String>,
    server: String,
    user_id: String,
    data_dir: Option<PathBuf>,
    /// One log for the whole batch, opened at its first line.
    audit: Option<AuditLog>,
    /// False with `--no-backup`.
    backups: bool,
}

/// What a destructive call was about, for its audit line.
#[derive(Debug, Clone, Copy)]
pub struct Audited<'a> {
    pub action: AuditAction,
    pub doc: &'a Integration,
    pub backup: Option<&'a Path>,
}

impl Safety {
    /// The local side of `session`'s destructive calls. Warns once per run
    /// about existing files or directories others may read.
    pub fn new(session: &Session, env: &Env, out: &Output, backups: bool) -> Self {
        let data_dir = config::data_dir(env);
        if let Some(dir) = &data_dir
            && !MODES_CHECKED.swap(true, Ordering::SeqCst)
        {
            let store = BackupStore::new(dir);
            let host_dir = store.host_dir(session.client.server().as_str());
            let audit = AuditLog::new(dir);
            for path in [dir.as_path(), store.dir(), &host_dir, audit.path()] {
                if let Some(warning) = loose_mode_warning(path) {
                    out.warn(&warning);
                }
            }
        }
        Self {
            profile: session.settings.profile.clone(),
            server: session.client.server().to_string(),
            user_id: session.settings.user_id.value.clone(),
            audit: data_dir.as_deref().map(AuditLog::new),
            data_dir,
            backups,
        }
    }

    /// Opens the audit log, so that a call is never made that could not be
    /// recorded.
    pub fn open_audit(&self) -> anyhow::Result<()> {
        let log = self.audit.as_ref().context(NO_DATA_DIR)?;
        log.open().with_context(|| {
            format!(
                "cannot open the audit log {}, so nothing was sent",
                log.path().display()
            )
        })
    }

    /// Before a removal or an update (`action`): the audit log open, and the
    /// backup of `doc` written (unless `--no-backup`). Either failing stops
    /// the call.
    pub fn prepare(
        &self,
        doc: &Integration,
        action: BackupAction,
    ) -> anyhow::Result<Option<DiskNote>> {
        self.open_audit()?;
        if !self.backups {
            return Ok(None);
        }
        self.back_up(doc, action)
            .with_context(|| {
                let verb = action.name();
                format!(
                    "cannot back it up, so nothing was {verb}d \
                     (pass --no-backup to {verb} without a backup)"
                )
            })
            .map(Some)
    }

    /// Writes a backup of `doc`, taken before `action`.
    pub fn back_up(&self, doc: &Integration, action: BackupAction) -> anyhow::Result<DiskNote> {
        let dir = self.data_dir()?;
        let store = BackupStore::new(dir);
        let path = store.save(
            &self.server,
            self.profile.as_deref(),
            doc,
            action,
            SystemTime::now(),
        )?;
        Ok(DiskNote::BackedUp {
            id: doc.id().to_owned(),
            path,
        })
    }

    /// The integration was not removed: its backup at `path` is deleted again.
    pub fn discard_backup(&self, path: &Path) -> DiskNote {
        match std::fs::remove_file(path) {
            Ok(()) => DiskNote::BackupDeleted(path.to_owned()),
            Err(error) => DiskNote::BackupUndeletable {
                path: path.to_owned(),
                error,
            },
        }
    }

    /// [`Safety::record`] for a call that either did what it meant (`done`)
    /// or failed with the error in `result`: `unknown` when the answer leaves
    /// open whether the server acted (a lost or cut answer, a gateway's 5xx:
    /// [`Effect::MaybeActed`]), else `failed`.
    pub fn record_result<T>(
        &self,
        call: Audited<'_>,
        new_id: Option<&str>,
        result: &anyhow::Result<T>,
        done: AuditResult,
    ) -> Option<DiskNote> {
        match result {
            Ok(_) => self.record(call, new_id, done, None),
            Err(err) => {
                let result = if maybe_acted(err) {
                    AuditResult::Unknown
                } else {
                    AuditResult::Failed
                };
                self.record(call, new_id, result, Some(err))
            }
        }
    }

    /// Appends the audit line of one destructive call: `result` is what became
    /// of it, `error` why it failed (its exit code goes in the line too),
    /// `new_id` the ID a restore created. A line that cannot be appended comes
    /// back as a note to say.
    pub fn record(
        &self,
        call: Audited<'_>,
        new_id: Option<&str>,
        result: AuditResult,
        error: Option<&anyhow::Error>,
    ) -> Option<DiskNote> {
        let exit = error.map_or(Exit::Ok, Exit::of);
        let error = error.map(|err| format!("{err:#}"));
        let record = AuditRecord {
            time: humantime::format_rfc3339_millis(SystemTime::now()).to_string(),
            profile: self.profile.as_deref(),
            server: &self.server,
            user_id: &self.user_id,
            action: call.action,
            integration_id: call.doc.id(),
            name: call.doc.name(),
            kind: call.doc.type_name(),
            result,
            exit_code: exit.code(),
            backup: call.backup,
            new_id,
            error,
        };
        let appended = self.audit.as_ref().context(NO_DATA_DIR).and_then(|log| {
            log.append(&record)
                .with_context(|| format!("cannot append to the audit log {}", log.path().display()))
        });
        appended.err().map(|err| {
            DiskNote::NotRecorded(format!(
                "the {} of integration {} is not in the audit log: {err:#}",
                call.action.name(),
                call.doc.id()
            ))
        })
    }

    fn data_dir(&self) -> anyhow::Result<&Path> {
        self.data_dir.as_deref().context(NO_DATA_DIR)
    }
}

/// A warning when others may read `path`, which may hold tokens, with the fix.
pub fn loose_mode_warning(path: &Path) -> Option<String> {
    let mode = private_file::loose_mode(path)?;
    let private = if path.is_dir() { 700 } else { 600 };
    Some(format!(
        "{path} is readable by other users (mode {mode:o}) and may hold tokens; fix it \
         with `chmod {private} {path}`",
        path = path.display()
    ))
}

/// Whether a failed call may still have been carried out by the server: its
/// answer was lost or cut, or a gateway's 5xx stood in for it
/// ([`Effect::MaybeActed`], docs/contract.md §6.5).
pub fn maybe_acted(err: &anyhow::Error) -> bool {
    err.chain()
        .find_map(|cause| cause.downcast_ref::<ApiError>())
        .is_some_and(|api| api.effect() == Effect::MaybeActed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn confirm(can_ask: bool, typed: io::Result<String>) -> Result<(), Exit> {
        confirm_name("prod", "remove 1 integration(s)", can_ask, |question| {
            assert_eq!(
                question,
                "profile `prod` is protected. Type its name to remove 1 integration(s): "
            );
            typed
        })
        .map_err(|err| Exit::of(&err))
    }

    #[test]
    fn the_profile_name_confirms() {
        assert_eq!(confirm(true, Ok("prod".to_owned())), Ok(()));
    }

    #[test]
    fn a_wrong_name_or_no_answer_cancels() {
        assert_eq!(
            confirm(true, Ok("staging".to_owned())),
            Err(Exit::Cancelled)
        );
        assert_eq!(confirm(true, Ok(String::new())), Err(Exit::Cancelled));
        let eof = io::Error::new(io::ErrorKind::UnexpectedEof, "no answer");
        assert_eq!(confirm(true, Err(eof)), Err(Exit::Cancelled));
    }

    fn yes_no(can_ask: bool, typed: io::Result<&str>) -> Result<(), Exit> {
        confirm_yes(
            "Remove 2 integrations from https://x? [y/N] ",
            || "pass --yes".to_owned(),
            "nothing was removed",
            can_ask,
            |question| {
                assert_eq!(question, "Remove 2 integrations from https://x? [y/N] ");
                typed.map(str::to_owned)
            },
        )
        .map_err(|err| Exit::of(&err))
    }

    #[test]
    fn only_yes_confirms() {
        for yes in ["y", "Y", "yes", "YES"] {
            assert_eq!(yes_no(true, Ok(yes)), Ok(()), "{yes}");
        }
        for no in ["", "n", "no", "yep", "prod"] {
            assert_eq!(yes_no(true, Ok(no)), Err(Exit::Cancelled), "{no}");
        }
        let eof = io::Error::new(io::ErrorKind::UnexpectedEof, "end of input");
        assert_eq!(yes_no(true, Err(eof)), Err(Exit::Cancelled));
        assert_eq!(
            yes_no(false, Ok("y")),
            Err(Exit::Cancelled),
            "nothing is asked without a terminal"
        );
    }

    #[test]
    fn without_a_terminal_nothing_is_asked() {
        let result = confirm_name("prod", "restore integration x", false, |_| {
            panic!("asked without a terminal")
        });
        let err = result.expect_err("cancelled");
        assert_eq!(Exit::of(&err), Exit::Cancelled);
        assert!(err.to_string().contains("pass --yes"), "{err}");
    }
}
