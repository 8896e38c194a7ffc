//! `rcctl integrations restore | backups` (docs/contract.md §3 and §6): the
//! local copies of removed integrations, and re-creating one from them
//! (docs/server-api.md §6).
//!
//! An incoming webhook always comes back with a new ID and token, so its URL
//! changes; the new URL is printed (a deliberate exception to secret redaction)
//! because its senders must be reconfigured with it.

use anyhow::Context;
use serde_json::{Map, Value};

use crate::api::{ApiError, Integration, IntegrationKind, create_body, refused_field};
use crate::audit::{AuditAction, AuditResult};
use crate::backup::{self, Backup, BackupSource, BackupStore};
use crate::cli::{GlobalArgs, RestoreArgs};
use crate::commands::safety::{self, Audited, Safety, confirm_protected};
use crate::commands::session::connect;
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

/// `restore FILE|ID`: re-creates the integration with `integrations.create`.
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
