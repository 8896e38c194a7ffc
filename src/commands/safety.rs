//! docs/contract.md §6 for the destructive commands (`remove`, `restore`): the
//! protected-profile confirmation, the backup written before each removal, and
//! the audit line every destructive call leaves.
//!
//! A backup that cannot be written stops its removal; an audit line that cannot
//! be written is a warning, since the call it records has already happened.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::Context;

use super::session::Session;
use crate::api::Integration;
use crate::audit::{AuditAction, AuditLog, AuditRecord, AuditResult};
use crate::backup::{BackupAction, BackupStore};
use crate::config::{self, Env, Settings};
use crate::error::Cancelled;
use crate::exit::Exit;
use crate::output::Output;
use crate::prompt;

/// On a protected profile, asks for the profile's name to be typed before
/// `action` ("remove 2 integration(s)"); `--yes` confirms without asking. Never
/// waits for input that cannot come: without a terminal it refuses at once.
pub fn confirm_protected(settings: &Settings, yes: bool, action: &str) -> anyhow::Result<()> {
    if !settings.protected || yes {
        return Ok(());
    }
    let name = settings
        .profile
        .as_deref()
        .unwrap_or(settings.url().as_str());
    confirm_name(name, action, prompt::can_ask(), prompt::ask_line)
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

const NO_DATA_DIR: &str =
    "no data directory is known for backups and the audit log: set XDG_DATA_HOME or HOME";

/// rcctl's data directory, where backups and the audit log live.
pub fn data_dir(env: &Env) -> anyhow::Result<PathBuf> {
    config::data_dir(env).context(NO_DATA_DIR)
}

/// The local side of destructive calls: backups and the audit log.
#[derive(Debug)]
pub struct Safety {
    out: Output,
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
    pub fn new(session: &Session, env: &Env, out: &Output, backups: bool) -> Self {
        let data_dir = config::data_dir(env);
        Self {
            out: out.clone(),
            profile: session.settings.profile.clone(),
            server: session.client.server().to_string(),
            user_id: session.settings.user_id.value.clone(),
            audit: data_dir.as_deref().map(AuditLog::new),
            data_dir,
            backups,
        }
    }

    /// Writes the backup of `doc`, unless `--no-backup`, and says where it is.
    pub fn back_up(&self, doc: &Integration) -> anyhow::Result<Option<PathBuf>> {
        self.back_up_before(doc, BackupAction::Remove)
    }

    /// [`Safety::back_up`] before `action` (`apply` updates too).
    pub fn back_up_before(
        &self,
        doc: &Integration,
        action: BackupAction,
    ) -> anyhow::Result<Option<PathBuf>> {
        if !self.backups {
            return Ok(None);
        }
        let path = self
            .data_dir()
            .and_then(|dir| {
                let store = BackupStore::new(dir);
                let profile = self.profile.as_deref();
                Ok(store.save(&self.server, profile, doc, action, SystemTime::now())?)
            })
            .with_context(|| {
                let verb = action.name();
                format!(
                    "cannot back it up, so nothing was {verb}d \
                     (pass --no-backup to {verb} without a backup)"
                )
            })?;
        self.out.notice(&format!(
            "backed up integration {} to {}",
            doc.id(),
            path.display()
        ));
        Ok(Some(path))
    }

    /// The integration was not removed: its backup at `path` is deleted again.
    pub fn discard_backup(&self, path: &Path) {
        let shown = path.display();
        match std::fs::remove_file(path) {
            Ok(()) => self.out.note(&format!(
                "deleted the backup {shown}: the integration was not removed"
            )),
            Err(err) => self.out.warn(&format!(
                "cannot delete the backup {shown} ({err}); the integration was not removed"
            )),
        }
    }

    /// Appends the audit line of one destructive call: `result` is what
    /// became of it, or why it failed; `new_id` the ID a restore created.
    pub fn record(
        &self,
        call: Audited<'_>,
        new_id: Option<&str>,
        result: Result<AuditResult, &anyhow::Error>,
    ) {
        let (result, exit, error) = match result {
            Ok(result) => (result, Exit::Ok, None),
            Err(err) => (AuditResult::Failed, Exit::of(err), Some(format!("{err:#}"))),
        };
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
        if let Err(err) = appended {
            self.out.warn(&format!(
                "the {} of integration {} is not in the audit log: {err:#}",
                call.action.name(),
                call.doc.id()
            ));
        }
    }

    fn data_dir(&self) -> anyhow::Result<&Path> {
        self.data_dir.as_deref().context(NO_DATA_DIR)
    }
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
