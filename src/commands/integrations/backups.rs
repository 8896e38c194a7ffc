//! `rcctl integrations restore | backups` (docs/contract.md §3 and §6): the
//! local copies of removed (or updated) integrations, and bringing one back
//! from them.
//!
//! An integration still on the server with its type (a backup taken before
//! `apply` updated it) is updated back in place, keeping its ID and URL
//! (§3.4). Otherwise it is re-created (docs/server-api.md §6): an incoming
//! webhook then always comes back with a new ID and token, so its URL
//! changes; the new URL is printed (a deliberate exception to secret
//! redaction) because its senders must be reconfigured with it. `apply`
//! creates and updates through the same helpers.
//!
//! A restore records in the backup what it became (`restored_as`), under a
//! lock beside the backup file, so that restoring the same backup again is
//! refused (exit 7, naming it) unless `--force`, even by two processes at once.
//! A re-creation whose answer was lost is recorded too, as of unknown outcome:
//! the server may have made the integration, and a second restore would then
//! make a second copy.

use std::path::Path;
use std::time::SystemTime;

use anyhow::Context;
use serde_json::{Map, Value};

use crate::api::{
    ApiError, Integration, IntegrationKind, RequestBody, ServerVersion, create_body, refused_field,
    restore_body,
};
use crate::audit::{AuditAction, AuditResult};
use crate::backup::{self, Backup, BackupSource, BackupStore};
use crate::cli::{GlobalArgs, RestoreArgs};
use crate::commands::safety::{self, Audited, Safety, confirm_protected, loose_mode_warning};
use crate::commands::session::{Session, connect};
use crate::config::Env;
use crate::error::AlreadyRestored;
use crate::output::Output;
use crate::private_file;

/// `backups`: every local backup, newest first. Needs no server or config.
pub fn list(env: &Env, out: &Output) -> anyhow::Result<()> {
    let data_dir = safety::data_dir(env)?;
    let store = BackupStore::new(&data_dir);
    let (backups, unreadable) = store
        .list()
        .with_context(|| format!("cannot list the backups in {}", store.dir().display()))?;
    for err in unreadable {
        out.warn(&format!("skipped: {:#}", anyhow::Error::new(err)));
    }
    // Each directory once, then the files: what holds webhook tokens.
    let mut checked: Vec<&Path> = vec![&data_dir, store.dir()];
    for backup in &backups {
        if let Some(dir) = backup.path.parent()
            && !checked.contains(&dir)
        {
            checked.push(dir);
        }
    }
    checked.extend(backups.iter().map(|backup| backup.path.as_path()));
    for path in checked {
        if let Some(warning) = loose_mode_warning(path) {
            out.warn(&warning);
        }
    }
    out.backup_list(&backups)?;
    Ok(())
}

/// `restore FILE|ID`: updates the integration back in place when it is still
/// there, else re-creates it with `integrations.create`.
pub fn restore(
    args: &RestoreArgs,
    global: &GlobalArgs,
    env: &Env,
    out: &Output,
) -> anyhow::Result<()> {
    let found = find_backup(&args.source, env)?;
    // Held until the restore is recorded: a second restore waits, then sees it.
    // A bare document records nothing, so it needs no lock (nor a lock file).
    let _lock = if found.wrapped {
        let lock = private_file::lock_beside(&found.path)
            .with_context(|| format!("cannot lock the backup {}", found.path.display()))?;
        Some(lock)
    } else {
        None
    };
    let backup = backup::read(&found.path)?;
    if let Some(restored) = backup.restored_as.clone().filter(|_| !args.force) {
        return Err(AlreadyRestored {
            new_id: restored.id,
            name: backup.integration.name().to_owned(),
            server: restored.server,
            at: restored.at,
        }
        .into());
    }
    let doc = &backup.integration;
    let session = connect(global, env, out)?;
    let client = &session.client;
    if let Some(from) = backup
        .server
        .as_deref()
        .filter(|from| *from != client.server().as_str())
    {
        out.warn(&format!(
            "the backup was taken on {from}; restoring it on {}",
            client.server()
        ));
    }
    confirm_protected(
        &session.settings,
        args.yes,
        &format!("restore integration {}", doc.id()),
        out,
    )?;
    let failed = || session.failed_on("restore", doc.id(), doc.kind());
    let info = client.server_info().with_context(failed)?;
    let current = still_there(&session, doc).with_context(failed)?;
    let safety = Safety::new(&session, env, out, false);
    safety.open_audit().with_context(failed)?;
    let restored = match &current {
        Some(current) => restore_in_place(&session, out, doc, current, info.version),
        None => re_create(&session, out, doc, info.version),
    };
    let call = Audited {
        action: AuditAction::Restore,
        doc,
        backup: Some(&backup.path),
    };
    // An update in place keeps the ID: only a re-creation has a new one.
    let new_id = restored
        .as_ref()
        .ok()
        .filter(|_| current.is_none())
        .map(Integration::id);
    if let Some(note) = safety.record_result(call, new_id, &restored, AuditResult::Restored) {
        note.say(out);
    }
    let restored = match restored {
        Ok(restored) => restored,
        // The server may have re-created it: a second restore must not
        // quietly make another copy (an update in place could only repeat).
        Err(err) if current.is_none() && safety::maybe_acted(&err) => {
            record_restore(out, &backup.path, None, client.server().as_str());
            return Err(err);
        }
        Err(err) => return Err(err),
    };
    record_restore(
        out,
        &backup.path,
        Some(restored.id()),
        client.server().as_str(),
    );
    out.integration(&restored, args.show_secrets)?;
    if current.is_none() && restored.kind() == Some(IntegrationKind::Incoming) {
        out.warn(&new_url_notice(client.server().as_str(), &restored));
    }
    Ok(())
}

/// Records in the backup what its restore became (`None`: it may have
/// re-created the integration, its answer lost), so that restoring it again
/// is refused without `--force`; a failure to record is said, not fatal.
fn record_restore(out: &Output, path: &Path, new_id: Option<&str>, server: &str) {
    match backup::mark_restored(path, new_id, server, SystemTime::now()) {
        Ok(()) => {}
        Err(err @ backup::BackupError::NotAWrapper { .. }) => out.note(&err.to_string()),
        Err(err) => out.warn(&format!(
            "{:#}; restoring it again would not be refused",
            anyhow::Error::new(err)
        )),
    }
}

/// Re-creates `doc` with `integrations.create`, with the fields the server's
/// version accepts (each one left out is named in a warning).
fn re_create(
    session: &Session,
    out: &Output,
    doc: &Integration,
    version: Option<ServerVersion>,
) -> anyhow::Result<Integration> {
    let failed = || session.failed_on("restore", doc.id(), doc.kind());
    let create = create_body(doc, version).with_context(failed)?;
    for warning in &create.warnings {
        out.warn(warning);
    }
    let created = session
        .client
        .create_integration(&create.body)
        .map_err(|err| refusal(err, &create.body))
        .with_context(failed)?;
    out.note(&format!(
        "restored {} integration {} as {} ({})",
        created.type_name(),
        doc.id(),
        created.id(),
        created.name()
    ));
    Ok(created)
}

/// The integration the backup holds, as the server has it now, when it is
/// still there with the same type: then it is updated back, not re-created.
fn still_there(session: &Session, doc: &Integration) -> Result<Option<Integration>, ApiError> {
    let Some(kind) = doc.kind() else {
        return Ok(None);
    };
    if doc.id().is_empty() {
        return Ok(None);
    }
    match session.client.get_integration(doc.id()) {
        Ok(current) if current.kind() == Some(kind) => Ok(Some(current)),
        Ok(_) | Err(ApiError::NotFound { .. }) => Ok(None),
        Err(err) => Err(err),
    }
}

/// Updates `current` back to the backup's `doc`, keeping its ID and
/// (incoming) URL.
fn restore_in_place(
    session: &Session,
    out: &Output,
    doc: &Integration,
    current: &Integration,
    version: Option<ServerVersion>,
) -> anyhow::Result<Integration> {
    let failed = || session.failed_on("restore", doc.id(), doc.kind());
    let update = restore_body(current, doc, version).with_context(failed)?;
    for warning in &update.warnings {
        out.warn(warning);
    }
    let updated = send_update(session, &update).with_context(failed)?;
    out.note(&format!(
        "restored {} integration {} in place ({}): its ID{} did not change",
        updated.type_name(),
        updated.id(),
        updated.name(),
        if update.kind == IntegrationKind::Incoming {
            " and URL"
        } else {
            ""
        }
    ));
    Ok(updated)
}

/// Sends `update`; the server must answer with an integration of the type
/// sent (docs/server-api.md §3.5.6: it never checks the stored one itself).
pub(super) fn send_update(session: &Session, update: &RequestBody) -> anyhow::Result<Integration> {
    let updated = session
        .client
        .update_integration(&update.body)
        .map_err(|err| refusal(err, &update.body))?;
    if updated.kind() != Some(update.kind) {
        anyhow::bail!(
            "the server answered with a {} integration although {} was sent",
            updated.type_label(),
            update.kind
        );
    }
    Ok(updated)
}

/// The backup file named, or the newest backup of the ID named.
fn find_backup(source: &BackupSource, env: &Env) -> anyhow::Result<Backup> {
    let id = match source {
        BackupSource::File(path) => return Ok(backup::read(path)?),
        BackupSource::Id(id) => id,
    };
    let store = BackupStore::new(&safety::data_dir(env)?);
    store
        .newest_of(id.as_str())
        .with_context(|| format!("cannot list the backups in {}", store.dir().display()))?
        .with_context(|| {
            format!(
                "no backup of integration {id} in {}; `rcctl integrations backups` lists them",
                store.dir().display()
            )
        })
}

/// A create or update error, naming the field the server refused and the value sent.
pub(super) fn refusal(err: ApiError, body: &Map<String, Value>) -> anyhow::Error {
    match refused_field(&err) {
        Some(field) => {
            let sent = body
                .get(field)
                .map_or("nothing".to_owned(), Value::to_string);
            anyhow::Error::new(err).context(format!("the server refused its `{field}` ({sent})"))
        }
        None => err.into(),
    }
}

/// An incoming webhook's URL, `<server>/hooks/<id>/<token>`: it holds the
/// token, so only stderr or `--show-secrets` output may carry it.
pub(super) fn hook_url(server: &str, doc: &Integration) -> Option<String> {
    let token = doc.token_for_display(true)?;
    Some(format!("{server}/hooks/{}/{token}", doc.id()))
}

/// The warning after an incoming webhook is restored, with its new URL.
fn new_url_notice(server: &str, created: &Integration) -> String {
    match hook_url(server, created) {
        Some(url) => format!(
            "incoming webhook {} has a new URL, and the old one is gone for good; \
             reconfigure every sender to post to {url}",
            created.id()
        ),
        None => format!(
            "incoming webhook {id} has a new URL, and the old one is gone for good; the server \
             sent no token, so read it with `rcctl integrations get --show-secrets {id}` and \
             reconfigure every sender",
            id = created.id()
        ),
    }
}
