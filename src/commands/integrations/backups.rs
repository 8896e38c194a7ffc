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

use anyhow::Context;
use serde_json::{Map, Value};

use crate::api::{
    ApiError, Integration, IntegrationKind, RequestBody, ServerVersion, create_body, refused_field,
    restore_body,
};
use crate::audit::{AuditAction, AuditResult};
use crate::backup::{self, Backup, BackupSource, BackupStore};
use crate::cli::{GlobalArgs, RestoreArgs};
use crate::commands::safety::{self, Audited, Safety, confirm_protected};
use crate::commands::session::{Session, connect};
use crate::config::Env;
use crate::output::Output;

/// `backups`: every local backup, newest first. Needs no server or config.
pub fn list(env: &Env, out: &Output) -> anyhow::Result<()> {
    let store = BackupStore::new(&safety::data_dir(env)?);
    let (backups, unreadable) = store
        .list()
        .with_context(|| format!("cannot list the backups in {}", store.dir().display()))?;
    for err in &unreadable {
        out.warn(&format!("skipped: {err}"));
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
    let backup = find_backup(&args.source, env)?;
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
    )?;
    let failed = || session.failed_on("restore", doc.id(), doc.kind());
    let info = client.server_info().with_context(failed)?;
    if let Some(current) = still_there(&session, doc).with_context(failed)? {
        let updated = restore_in_place(&session, env, out, &backup, &current, info.version)?;
        out.integration(&updated, args.show_secrets)?;
        return Ok(());
    }
    let create = create_body(doc, info.version).with_context(failed)?;
    for warning in &create.warnings {
        out.warn(warning);
    }

    let result = client
        .create_integration(&create.body)
        .map_err(|err| refusal(err, &create.body))
        .with_context(failed);
    let call = Audited {
        action: AuditAction::Restore,
        doc,
        backup: Some(&backup.path),
    };
    Safety::new(&session, env, out, false).record(
        call,
        result.as_ref().ok().map(Integration::id),
        result.as_ref().map(|_| AuditResult::Restored),
    );
    let created = result?;

    out.note(&format!(
        "restored {} integration {} as {} ({})",
        created.type_name(),
        doc.id(),
        created.id(),
        created.name()
    ));
    out.integration(&created, args.show_secrets)?;
    if create.kind == IntegrationKind::Incoming {
        out.warn(&new_url_notice(client.server().as_str(), &created));
    }
    Ok(())
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

/// Updates `current` back to the backup, keeping its ID and (incoming) URL.
fn restore_in_place(
    session: &Session,
    env: &Env,
    out: &Output,
    backup: &Backup,
    current: &Integration,
    version: Option<ServerVersion>,
) -> anyhow::Result<Integration> {
    let doc = &backup.integration;
    let failed = || session.failed_on("restore", doc.id(), doc.kind());
    let update = restore_body(current, doc, version).with_context(failed)?;
    for warning in &update.warnings {
        out.warn(warning);
    }
    let result = send_update(session, &update).with_context(failed);
    let call = Audited {
        action: AuditAction::Restore,
        doc,
        backup: Some(&backup.path),
    };
    Safety::new(session, env, out, false).record(
        call,
        None,
        result.as_ref().map(|_| AuditResult::Restored),
    );
    let updated = result?;
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
