//! `rcctl integrations restore | backups` (docs/contract.md §3 and §6): the
//! local copies of removed integrations, and re-creating one from them
//! (docs/server-api.md §6).
//!
//! An incoming webhook always comes back with a new ID and token, so its URL
//! changes; the new URL is printed (a deliberate exception to secret redaction)
//! because its senders must be reconfigured with it.
//!
//! A restore records in the backup what it became (`restored_as`), under a
//! lock beside the backup file, so that restoring the same backup again is
//! refused (exit 7, naming it) unless `--force`, even by two processes at once.

use std::path::Path;
use std::time::SystemTime;

use anyhow::Context;
use serde_json::{Map, Value};

use crate::api::{ApiError, Integration, IntegrationKind, create_body, refused_field};
use crate::audit::{AuditAction, AuditResult};
use crate::backup::{self, Backup, BackupSource, BackupStore};
use crate::cli::{GlobalArgs, RestoreArgs};
use crate::commands::safety::{self, Audited, Safety, confirm_protected, loose_mode_warning};
use crate::commands::session::connect;
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

/// `restore FILE|ID`: re-creates the integration with `integrations.create`.
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
    )?;
    let failed = || session.failed_on("restore", doc.id(), doc.kind());
    let info = client.server_info().with_context(failed)?;
    let create = create_body(doc, info.version).with_context(failed)?;
    for warning in &create.warnings {
        out.warn(warning);
    }

    let safety = Safety::new(&session, env, out, false);
    safety.open_audit().with_context(failed)?;
    let result = client
        .create_integration(&create.body)
        .map_err(|err| refusal(err, &create.body))
        .with_context(failed);
    let call = Audited {
        action: AuditAction::Restore,
        doc,
        backup: Some(&backup.path),
    };
    let (audit_result, error) = match &result {
        Ok(_) => (AuditResult::Restored, None),
        Err(err) => (AuditResult::Failed, Some(err)),
    };
    let new_id = result.as_ref().ok().map(Integration::id);
    if let Some(note) = safety.record(call, new_id, audit_result, error) {
        note.say(out);
    }
    let created = result?;
    match backup::mark_restored(
        &backup.path,
        created.id(),
        client.server().as_str(),
        SystemTime::now(),
    ) {
        Ok(()) => {}
        Err(err @ backup::BackupError::NotAWrapper { .. }) => out.note(&err.to_string()),
        Err(err) => out.warn(&format!(
            "{:#}; restoring it again would not be refused",
            anyhow::Error::new(err)
        )),
    }

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

/// A create error, naming the field the server refused and the value sent.
fn refusal(err: ApiError, body: &Map<String, Value>) -> anyhow::Error {
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

/// The warning after an incoming webhook is restored, with its new URL.
fn new_url_notice(server: &str, created: &Integration) -> String {
    match created.token_for_display(true) {
        Some(token) => format!(
            "incoming webhook {} has a new URL, and the old one is gone for good; \
             reconfigure every sender to post to {server}/hooks/{}/{token}",
            created.id(),
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
