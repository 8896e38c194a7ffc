//! `rcctl integrations restore | backups` (CONTRACT.md sections 3 and 6): the
//! local copies of removed integrations, and re-creating one from them
//! (rocketchat-api.md section 6).
//!
//! An incoming webhook always comes back with a new ID and token, so its URL
//! changes; the new URL is printed (a deliberate exception to secret redaction)
//! because its senders must be reconfigured with it.

use std::path::Path;

use anyhow::Context;
use serde_json::{Map, Value};

use crate::api::{ApiError, Integration, IntegrationKind, create_body, refused_field};
use crate::backup::{self, Backup, BackupStore};
use crate::cli::{GlobalArgs, RestoreArgs};
use crate::commands::integrations::validate_id;
use crate::commands::safety::{self, Audited, Safety, confirm_protected};
use crate::commands::{OperationFailed, connect};
use crate::output::Output;

/// `backups`: every local backup, newest first. Needs no server or config.
pub fn list(out: &Output) -> anyhow::Result<()> {
    let store = BackupStore::new(&safety::data_dir()?);
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
pub fn restore(args: &RestoreArgs, global: &GlobalArgs, out: &Output) -> anyhow::Result<()> {
    let backup = find_backup(&args.source)?;
    let doc = &backup.integration;
    let session = connect(global, out)?;
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
    let failed = || OperationFailed {
        action: "restore",
        id: Some(doc.id().to_owned()),
        kind: doc.kind(),
        server: client.server().to_string(),
    };
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
        action: "restore",
        doc,
        backup: Some(&backup.path),
    };
    Safety::new(&session, out, false).record(
        call,
        result.as_ref().ok().map(Integration::id),
        result.as_ref().map(|_| "restored"),
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

/// A path names a file; anything else is an integration ID.
fn find_backup(source: &str) -> anyhow::Result<Backup> {
    let path = Path::new(source);
    if path.is_file() || source.ends_with(".json") || source.contains(['/', '\\']) {
        return Ok(backup::read(path)?);
    }
    validate_id(source)?;
    let store = BackupStore::new(&safety::data_dir()?);
    store
        .newest_of(source)
        .with_context(|| format!("cannot list the backups in {}", store.dir().display()))?
        .with_context(|| {
            format!(
                "no backup of integration {source} in {}; `rcctl integrations backups` lists them",
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
