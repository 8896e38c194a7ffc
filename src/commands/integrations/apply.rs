//! `rcctl integrations apply` (docs/contract.md §7.3): the plan of
//! [`super::plan`], shown and confirmed, then carried out item by item:
//! creates, then updates (each after a backup of the document it changes),
//! then with `--prune` removals through the one removal path
//! ([`remove_all`]: type guard, backup, audit). Every create and update has
//! its audit line, written before anything about it is printed. A failed
//! item is reported and the rest go on; the exit code is the first failure's.

use anyhow::Context;
use serde_json::{Map, Value};

use super::backups::{hook_url, refusal, send_update};
use super::plan::{Shown, prepare, show};
use super::removal::{RemoveOptions, Target, Told, remove_all};
use crate::api::{Integration, IntegrationKind};
use crate::audit::{AuditAction, AuditResult};
use crate::backup::BackupAction;
use crate::cli::{ApplyArgs, DEFAULT_PARALLEL, GlobalArgs};
use crate::commands::safety::{Audited, DiskNote, Safety, confirm_protected, confirm_yes};
use crate::commands::session::Session;
use crate::config::Env;
use crate::error::Interrupted;
use crate::exit::{AlreadyReported, Exit};
use crate::interrupt;
use crate::manifest::{Create, Update};
use crate::output::Output;
use crate::output::view::AppliedView;
use crate::prompt;

pub fn run(args: &ApplyArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let show_secrets = args.manifest.show_secrets;
    let planned = prepare(&args.manifest, global, env, out)?;
    let session = planned.session;
    // A reader that closed stdout changes nothing the server gets (§6.9).
    let Shown {
        plan,
        mut first_failure,
        write_error: _,
    } = show(planned.plan, show_secrets, out);
    let changes = plan.changes();
    if args.dry_run {
        return AlreadyReported::first(first_failure);
    }
    if changes == 0 {
        if first_failure.is_none() {
            out.note(&format!(
                "nothing to apply: {} already matches the files",
                session.client.server()
            ));
        }
        return AlreadyReported::first(first_failure);
    }
    confirm(&session, out, args.yes, changes)?;

    let interrupted = session.client.interrupt_flag();
    interrupt::install(out, &interrupted);
    let stopped = || interrupted.load(std::sync::atomic::Ordering::SeqCst);
    let safety = Safety::new(&session, env, out, !args.no_backup);
    let mut done = 0;
    for create in &plan.creates {
        if stopped() {
            return Err(interruption(out, done, changes));
        }
        if let Err(exit) = create_one(&session, &safety, out, create, show_secrets) {
            first_failure.get_or_insert(exit);
        }
        done += 1;
    }
    for update in &plan.updates {
        if stopped() {
            return Err(interruption(out, done, changes));
        }
        if let Err(exit) = update_one(&session, &safety, out, update) {
            first_failure.get_or_insert(exit);
        }
        done += 1;
    }
    if !plan.removes.is_empty() {
        if stopped() {
            return Err(interruption(out, done, changes));
        }
        let options = RemoveOptions {
            wanted: None,
            dry_run: false,
            // Gone already is what pruning wants.
            ignore_missing: true,
            show_secrets,
            backups: !args.no_backup,
            // Removals in flight at once, as `remove`'s default `--parallel`.
            parallel: DEFAULT_PARALLEL.into(),
            told: Told::Actions,
        };
        let targets = plan.removes.into_iter().map(Target::Read).collect();
        match remove_all(&session, env, out, targets, options) {
            Ok(()) => {}
            Err(err) => match err.downcast_ref::<AlreadyReported>() {
                Some(AlreadyReported(exit)) => {
                    first_failure.get_or_insert(*exit);
                }
                None => return Err(err),
            },
        }
    }
    AlreadyReported::first(first_failure)
}

fn interruption(out: &Output, done: usize, changes: usize) -> anyhow::Error {
    out.warn(&format!(
        "interrupted: {done} of {changes} changes made; the rest were not attempted"
    ));
    Interrupted.into()
}

/// As `remove` by filter asks (docs/contract.md §3.6), or a protected
/// profile (§6.7); `--yes` confirms, and without a terminal nothing is asked.
fn confirm(session: &Session, out: &Output, yes: bool, changes: usize) -> anyhow::Result<()> {
    let server = session.client.server();
    let count = match changes {
        1 => "1 change".to_owned(),
        n => format!("{n} changes"),
    };
    if session.settings.protected {
        return confirm_protected(&session.settings, yes, &format!("apply {count}"), out);
    }
    if yes {
        return Ok(());
    }
    let refusal = || {
        format!(
            "applying changes {server}, and stdin is not a terminal, so rcctl cannot ask: \
             pass --yes to apply without a confirmation; nothing was changed"
        )
    };
    confirm_yes(
        &format!("Apply {count} to {server}? [y/N] "),
        refusal,
        "nothing was changed",
        prompt::can_ask(),
        |question| out.ask_line(question),
    )
}

/// Creates one integration; `Err`: it failed, and was reported.
fn create_one(
    session: &Session,
    safety: &Safety,
    out: &Output,
    create: &Create,
    show_secrets: bool,
) -> Result<(), Exit> {
    let body = &create.body;
    let doing = format!(
        "create {} integration {:?} from {}",
        body.kind,
        create.name,
        create.file.display()
    );
    let failed_on = || session.failed(doing.clone(), create.id.as_deref(), Some(body.kind));
    // Nothing is sent that could not be recorded.
    let result = safety.open_audit().with_context(failed_on).and_then(|()| {
        session
            .client
            .create_integration(&body.body)
            .map_err(|err| refusal(err, &body.body))
            .with_context(failed_on)
    });
    let new_id = result.as_ref().ok().map(|created| created.id().to_owned());
    let new_id = new_id.as_deref();
    let described = described(create, new_id);
    let call = Audited {
        action: AuditAction::Create,
        doc: &described,
        backup: None,
    };
    if let Some(note) = safety.record_result(call, new_id, &result, AuditResult::Created) {
        note.say(out);
    }

    let view = AppliedView {
        action: "create",
        id: create.id.as_deref(),
        name: &create.name,
        kind: body.kind.as_api_str(),
        result: "created",
        new_id,
        url: None,
    };
    let created = match result {
        Ok(created) => created,
        Err(err) => return failed(out, view, &err),
    };
    out.note(&format!(
        "created {} integration {} ({}) from {}",
        created.type_name(),
        created.id(),
        created.name(),
        create.file.display()
    ));
    let url = (body.kind == IntegrationKind::Incoming)
        .then(|| hook_url(session.client.server().as_str(), &created))
        .flatten();
    if let Some(url) = &url {
        let old = create.id.as_deref().unwrap_or("(no _id)");
        out.notice(&format!(
            "new incoming webhook {:?} ({}): {old} → {url}",
            created.name(),
            create.file.display()
        ));
    }
    applied(
        out,
        &AppliedView {
            url: url.filter(|_| show_secrets),
            ..view
        },
        None,
    );
    Ok(())
}

/// What the audit line of a create is about: the file's integration, by its
/// `_id` (from the server it was exported from) or else the new one's.
fn described(create: &Create, new_id: Option<&str>) -> Integration {
    let mut doc = Map::new();
    let id = create.id.as_deref().or(new_id).unwrap_or_default();
    doc.insert("_id".to_owned(), Value::from(id));
    doc.insert("type".to_owned(), create.body.kind.as_api_str().into());
    doc.insert("name".to_owned(), Value::from(create.name.as_str()));
    Integration::from_object(doc)
}

/// Backs up and updates one integration; `Err`: it failed, and was reported.
fn update_one(
    session: &Session,
    safety: &Safety,
    out: &Output,
    update: &Update,
) -> Result<(), Exit> {
    let current = &update.current;
    let kind = update.body.kind;
    let view = AppliedView {
        action: "update",
        id: Some(current.id()),
        name: current.name(),
        kind: kind.as_api_str(),
        result: "updated",
        new_id: None,
        url: None,
    };
    let failed_on = || session.failed_on("update", current.id(), Some(kind));
    let backup = match safety
        .prepare(current, BackupAction::Update)
        .with_context(failed_on)
    {
        Ok(backup) => backup,
        Err(err) => return failed(out, view, &err),
    };
    let backup_path = backup.as_ref().and_then(DiskNote::backup_path);
    let result = send_update(session, &update.body).with_context(failed_on);
    let call = Audited {
        action: AuditAction::Update,
        doc: current,
        backup: backup_path.as_deref(),
    };
    // The item is settled on disk before anything about it is said.
    let recorded = safety.record_result(call, None, &result, AuditResult::Updated);
    for note in backup.iter().chain(&recorded) {
        note.say(out);
    }
    let updated = match result {
        Ok(updated) => updated,
        Err(err) => return failed(out, view, &err),
    };
    out.note(&format!(
        "updated {} integration {} ({})",
        updated.type_name(),
        updated.id(),
        updated.name()
    ));
    applied(out, &view, None);
    Ok(())
}

/// Reports a failed item: its error, and under `--json` its action object.
fn failed(out: &Output, view: AppliedView<'_>, err: &anyhow::Error) -> Result<(), Exit> {
    let exit = Exit::of(err);
    out.error(err, exit);
    let view = AppliedView {
        result: "failed",
        ..view
    };
    applied(out, &view, Some((err, exit)));
    Err(exit)
}

/// Writes an action's line. A closed stdout must not stop the changes
/// (docs/contract.md §6.9), and nothing is lost: the audit line is written.
fn applied(out: &Output, view: &AppliedView<'_>, failure: Option<(&anyhow::Error, Exit)>) {
    let _ = out.applied(view, failure);
}
