//! `rcctl integrations remove` (docs/contract.md §3, §6); the selection by
//! filter is in `remove_matching`.
//!
//! The server deletes an integration of the other type without complaint
//! (docs/server-api.md §2.7), so every removal first reads the integration,
//! refuses a `--type` mismatch, and sends the integration's real type. Before
//! the remove request goes out its backup is on disk; after it, its audit line.

use std::io::BufRead;
use std::sync::atomic::AtomicBool;

use anyhow::Context;

use super::listing::documents_of;
use crate::api::{ApiError, Integration, IntegrationId, IntegrationKind};
use crate::audit::{AuditAction, AuditResult};
use crate::batch::{self, BatchEnd, Flow};
use crate::cli::{GlobalArgs, IdArg, RemoveArgs};
use crate::commands::safety::{Audited, Safety, confirm_protected};
use crate::commands::session::{Session, connect};
use crate::config::Env;
use crate::error::{Interrupted, RemovalUnconfirmed, TooManyMatches, TypeConflict, UsageError};
use crate::exit::{AlreadyReported, Exit};
use crate::interrupt;
use crate::output::view::Row;
use crate::output::{Batch, Output, escape};
use crate::prompt;

/// What became of one ID.
#[derive(Debug)]
enum RemoveOutcome {
    /// A remove request was sent (and has its audit line).
    Sent(Removal),
    WouldRemove(Integration),
    /// `--ignore-missing`, and the read found nothing: nothing was sent.
    Missing,
}

/// What a remove request that was sent came to.
#[derive(Debug)]
enum Removal {
    Removed(Integration),
    /// The reply was lost, and a second read found the integration gone.
    RemovedWithoutReply(Integration),
    /// `--ignore-missing`, and someone else removed it between read and remove.
    AlreadyGone,
}

impl Removal {
    /// The `result` of the audit line.
    fn audit_result(&self) -> AuditResult {
        match self {
            Self::Removed(_) | Self::RemovedWithoutReply(_) => AuditResult::Removed,
            Self::AlreadyGone => AuditResult::Missing,
        }
    }
}

/// What one removal is about: an ID to read first, or a document already read
/// (from a listing). Either way the same checks, backup and audit follow.
#[derive(Debug)]
pub enum Target {
    Id(IntegrationId),
    Read(Integration),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Self::Id(id) => id.as_str(),
            Self::Read(doc) => doc.id(),
        }
    }
}

/// How a batch of removals goes, from `remove`'s flags.
#[derive(Debug, Clone, Copy)]
pub struct RemoveOptions {
    /// `--type`: the only type that may be removed.
    pub wanted: Option<IntegrationKind>,
    pub dry_run: bool,
    pub ignore_missing: bool,
    pub show_secrets: bool,
    pub backups: bool,
    pub parallel: usize,
}

impl RemoveOptions {
    pub fn from_args(args: &RemoveArgs) -> Self {
        Self {
            wanted: args.filters.kind.map(IntegrationKind::from),
            dry_run: args.dry_run,
            ignore_missing: args.ignore_missing,
            show_secrets: args.show_secrets,
            backups: !args.no_backup,
            parallel: usize::from(args.parallel),
        }
    }
}

pub fn run(args: &RemoveArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    if args.ids.contains(&IdArg::Stdin) && prompt::can_ask() {
        out.notice("reading IDs from stdin, one per line; Ctrl-D to end");
    }
    let ids = collect_ids(&args.ids, &mut std::io::stdin().lock())?;
    TooManyMatches::check(ids.len(), args.max)?;
    let session = connect(global, env, out)?;
    let options = RemoveOptions::from_args(args);
    let targets = if session.settings.protected && !args.yes && !args.dry_run {
        read_then_confirm(&session, env, out, ids, options)?
    } else {
        preflight(&session, ids, options.parallel, out)
    };
    remove_all(&session, env, out, targets, options)
}

/// What a batch of removals starts from: each ID's document taken from the
/// list where reading the list is cheaper than reading them one by one, else
/// the ID, to be read with `integrations.get` (which alone tells a missing
/// integration from a forbidden one, so every ID the list lacks goes that way).
fn preflight(
    session: &Session,
    ids: Vec<IntegrationId>,
    parallel: usize,
    out: &Output,
) -> Vec<Target> {
    let mut listed = documents_of(session, &ids, parallel, out);
    ids.into_iter()
        .map(|id| match listed.remove(id.as_str()) {
            Some(doc) => Target::Read(doc),
            None => Target::Id(id),
        })
        .collect()
}

/// A protected profile (docs/contract.md §6.7): every ID is read and checked
/// first, as `--dry-run` does, so that a mistyped ID fails before anything is
/// asked; the question then names the server and what will go.
fn read_then_confirm(
    session: &Session,
    env: &Env,
    out: &Output,
    ids: Vec<IntegrationId>,
    options: RemoveOptions,
) -> anyhow::Result<Vec<Target>> {
    let server = session.client.server();
    if !prompt::can_ask() {
        let action = format!("remove {} integration(s)", ids.len());
        confirm_protected(&session.settings, false, &action)?;
    }
    let safety = Safety::new(session, env, out, false);
    let check = RemoveOptions {
        dry_run: true,
        ..options
    };
    let (mut docs, mut first_failure) = (Vec::new(), None);
    let progress = out.progress("reading", u64::try_from(ids.len()).ok());
    batch::run_ordered(
        &ids,
        options.parallel,
        &AtomicBool::new(false),
        |id| remove_one(session, &safety, &Target::Id(id.clone()), check),
        |index, outcome| {
            progress.advance(1, ids[index].as_str());
            match outcome {
                Ok(RemoveOutcome::WouldRemove(doc)) => docs.push(doc),
                Ok(_) => skipped_missing(out, ids[index].as_str(), server),
                Err(err) => {
                    let exit = Exit::of(&err);
                    out.error(&err, exit);
                    first_failure.get_or_insert(exit);
                    // Rejected credentials stay rejected.
                    if exit == Exit::Auth {
                        return Flow::Stop;
                    }
                }
            }
            Flow::Continue
        },
    );
    drop(progress);
    if let Some(exit) = first_failure {
        out.note("nothing was removed");
        return Err(AlreadyReported(exit).into());
    }
    let action = match docs.as_slice() {
        [] => return Ok(Vec::new()),
        // The question is written as it is: what came from the server is escaped.
        [doc] => format!(
            "remove {} integration {} ({}) from {server}",
            escape(doc.type_name()),
            escape(doc.id()),
            escape(doc.name())
        ),
        docs => {
            for doc in docs {
                out.notice(&format!(
                    "  {}  {}  {}",
                    doc.id(),
                    doc.type_name(),
                    doc.name()
                ));
            }
            format!("remove these {} integrations from {server}", docs.len())
        }
    };
    confirm_protected(&session.settings, false, &action)?;
    Ok(docs.into_iter().map(Target::Read).collect())
}

/// `--ignore-missing`: an integration that is not there is a warning.
fn skipped_missing(out: &Output, id: &str, server: impl std::fmt::Display) {
    out.warn(&format!(
        "integration {id} not found on {server}; skipped (--ignore-missing)"
    ));
}

/// Removes every target, up to `options.parallel` at a time, reporting each in
/// order: the one removal path of every command that removes.
pub fn remove_all(
    session: &Session,
    env: &Env,
    out: &Output,
    targets: Vec<Target>,
    options: RemoveOptions,
) -> anyhow::Result<()> {
    let safety = Safety::new(session, env, out, options.backups);
    let interrupted = interrupt::install(out);
    let mut report = RemoveReport {
        out,
        progress: out.batch(
            if options.dry_run {
                "checking"
            } else {
                "removing"
            },
            targets.len(),
        ),
        server: session.client.server().to_string(),
        show_secrets: options.show_secrets,
        first_shown: None,
        shown: Vec::new(),
        first_failure: None,
        write_error: None,
    };
    let end = batch::run_ordered(
        &targets,
        options.parallel,
        &interrupted,
        |target| remove_one(session, &safety, target, options),
        |index, outcome| report.record(targets[index].id(), outcome),
    );
    report.finish(&targets, end)
}

/// Prints each ID's outcome as it is reported, in input order, and remembers
/// what the batch's exit code must be.
struct RemoveReport<'a> {
    out: &'a Output,
    /// The progress line, and the counts for the summary.
    progress: Batch,
    server: String,
    show_secrets: bool,
    /// The first document shown, printed alone when it stays the only one.
    first_shown: Option<Integration>,
    /// A row per document shown, for the people's table at the end (scripts
    /// got JSON lines); the documents themselves are not kept, so memory
    /// grows by a row, not a document, per ID.
    shown: Vec<Row>,
    first_failure: Option<Exit>,
    /// stdout failed (a closed pipe): nobody reads the rest, so the batch stops.
    write_error: Option<std::io::Error>,
}

impl RemoveReport<'_> {
    fn record(&mut self, id: &str, outcome: anyhow::Result<RemoveOutcome>) -> Flow {
        match &outcome {
            Ok(RemoveOutcome::Sent(Removal::Removed(_) | Removal::RemovedWithoutReply(_))) => {
                self.progress.done(id, "removed");
            }
            Ok(RemoveOutcome::WouldRemove(_)) => self.progress.done(id, "would remove"),
            Ok(RemoveOutcome::Missing | RemoveOutcome::Sent(Removal::AlreadyGone)) => {
                self.progress.done(id, "missing");
            }
            Err(err) => self.progress.failed(id, err),
        }
        let (verb, doc) = match outcome {
            Ok(RemoveOutcome::Sent(Removal::Removed(doc))) => ("removed", doc),
            Ok(RemoveOutcome::Sent(Removal::RemovedWithoutReply(doc))) => {
                self.out.warn(&format!(
                    "the reply to the removal of integration {id} was lost; a second read \
                     shows it is gone, so it was removed"
                ));
                ("removed", doc)
            }
            Ok(RemoveOutcome::WouldRemove(doc)) => ("dry run: would remove", doc),
            Ok(RemoveOutcome::Missing | RemoveOutcome::Sent(Removal::AlreadyGone)) => {
                skipped_missing(self.out, id, &self.server);
                return Flow::Continue;
            }
            Err(err) => {
                let exit = Exit::of(&err);
                self.out.error(&err, exit);
                self.first_failure.get_or_insert(exit);
                // Once the credentials are rejected, every further request would be too.
                return if exit == Exit::Auth {
                    Flow::Stop
                } else {
                    Flow::Continue
                };
            }
        };
        self.out.note(&format!(
            "{verb} {} integration {} ({})",
            doc.type_name(),
            doc.id(),
            doc.name()
        ));
        if self.out.is_json() {
            if let Err(err) = self.out.integration(&doc, self.show_secrets) {
                self.write_error = Some(err);
                return Flow::Stop;
            }
        } else {
            self.shown.push(Row::integration(&doc, self.show_secrets));
            self.first_shown.get_or_insert(doc);
        }
        Flow::Continue
    }

    fn finish(self, ids: &[Target], end: BatchEnd) -> anyhow::Result<()> {
        if let Some(err) = self.write_error {
            return Err(err.into());
        }
        if self.shown.len() > 1 {
            self.out.integration_rows(self.shown)?;
        } else if let Some(only) = &self.first_shown {
            self.out.integration(only, self.show_secrets)?;
        }
        self.progress.finish();
        let left = ids.len() - end.reported;
        if end.interrupted {
            self.out.warn(&format!(
                "interrupted: {} of {} IDs processed; {left} not attempted, from {} on",
                end.reported,
                ids.len(),
                ids[end.reported].id()
            ));
            return Err(Interrupted.into());
        }
        if left > 0 {
            self.out
                .warn(&format!("stopped: {left} remaining ID(s) not attempted"));
        }
        match self.first_failure {
            Some(exit) => Err(AlreadyReported(exit).into()),
            None => Ok(()),
        }
    }
}

/// Reads (unless already read), checks and (unless `--dry-run`) backs up and
/// removes one integration.
fn remove_one(
    session: &Session,
    safety: &Safety,
    target: &Target,
    options: RemoveOptions,
) -> anyhow::Result<RemoveOutcome> {
    let (id, wanted) = (target.id(), options.wanted);
    let doc = match target {
        Target::Read(doc) => doc.clone(),
        Target::Id(_) => match session.client.get_integration(id) {
            Err(ApiError::NotFound { .. }) if options.ignore_missing => {
                return Ok(RemoveOutcome::Missing);
            }
            result => result.with_context(|| session.failed_on("remove", id, wanted))?,
        },
    };
    let kind =
        checked_type(&doc, wanted).with_context(|| session.failed_on("remove", id, wanted))?;
    if options.dry_run {
        return Ok(RemoveOutcome::WouldRemove(doc));
    }
    send_removal(session, safety, doc, kind, options.ignore_missing).map(RemoveOutcome::Sent)
}

/// Backs up `doc`, sends its removal, settles the backup and writes the audit line.
fn send_removal(
    session: &Session,
    safety: &Safety,
    doc: Integration,
    kind: IntegrationKind,
    ignore_missing: bool,
) -> anyhow::Result<Removal> {
    let client = &session.client;
    let id = doc.id();
    let backup = safety
        .back_up(&doc)
        .with_context(|| session.failed_on("remove", id, Some(kind)))?;
    let outcome = match client.remove_integration(kind, id) {
        // Never re-sent blindly: read again and report what is true.
        Err(
            lost @ ApiError::Network {
                maybe_sent: true, ..
            },
        ) => settle_lost_reply(session, id, doc.clone(), lost)
            .with_context(|| session.failed_on("remove", id, Some(kind))),
        result => checked_removal(session, id, result, kind, ignore_missing),
    };
    if let Some(path) = &backup
        && !may_have_removed(&outcome)
    {
        safety.discard_backup(path);
    }
    let call = Audited {
        action: AuditAction::Remove,
        doc: &doc,
        backup: backup.as_deref(),
    };
    safety.record(call, None, outcome.as_ref().map(Removal::audit_result));
    outcome
}

/// The type to send: the integration's own, which `--type` (when given) must name.
fn checked_type(
    doc: &Integration,
    wanted: Option<IntegrationKind>,
) -> anyhow::Result<IntegrationKind> {
    match (doc.kind(), wanted) {
        (Some(actual), Some(wanted)) if actual != wanted => Err(TypeConflict::Refused {
            wanted,
            actual: doc.type_label(),
        }
        .into()),
        (Some(actual), _) => Ok(actual),
        (None, Some(wanted)) => Err(TypeConflict::Refused {
            wanted,
            actual: doc.type_label(),
        }
        .into()),
        (None, None) => Err(anyhow::anyhow!(
            "it is a {} integration, which rcctl cannot remove",
            doc.type_label()
        )),
    }
}

/// The answer to a removal, checked: the server must have removed the type asked for.
fn checked_removal(
    session: &Session,
    id: &str,
    result: Result<Integration, ApiError>,
    kind: IntegrationKind,
    ignore_missing: bool,
) -> anyhow::Result<Removal> {
    let removed = match result {
        // Removed by someone else between our read and our remove.
        Err(ApiError::NotFound { .. }) if ignore_missing => return Ok(Removal::AlreadyGone),
        result => result.with_context(|| session.failed_on("remove", id, Some(kind)))?,
    };
    if removed.kind() != Some(kind) {
        return Err(TypeConflict::ServerRemovedOther {
            sent: kind,
            removed: removed.type_label(),
        })
        .with_context(|| session.failed_on("safely remove", id, Some(kind)));
    }
    Ok(Removal::Removed(removed))
}

/// Whether the server may have removed something: then its backup must stay.
fn may_have_removed(outcome: &anyhow::Result<Removal>) -> bool {
    match outcome {
        Ok(Removal::Removed(_) | Removal::RemovedWithoutReply(_)) => true,
        Ok(Removal::AlreadyGone) => false,
        Err(err) => {
            matches!(
                err.downcast_ref::<TypeConflict>(),
                Some(TypeConflict::ServerRemovedOther { .. })
            ) || matches!(
                err.downcast_ref::<RemovalUnconfirmed>(),
                Some(RemovalUnconfirmed::Unknown { .. })
            )
        }
    }
}

/// The removal may or may not have reached the server: its reply never came.
/// A second read tells which.
fn settle_lost_reply(
    session: &Session,
    id: &str,
    doc: Integration,
    lost: ApiError,
) -> anyhow::Result<Removal> {
    match session.client.get_integration(id) {
        Err(ApiError::NotFound { .. }) => Ok(Removal::RemovedWithoutReply(doc)),
        Ok(_) => Err(RemovalUnconfirmed::StillPresent { lost }.into()),
        Err(check) => Err(RemovalUnconfirmed::Unknown { lost, check }.into()),
    }
}

/// The IDs from the arguments, with `-` replaced by the lines of `stdin`; all are
/// checked before any request is sent.
fn collect_ids(args: &[IdArg], stdin: &mut dyn BufRead) -> anyhow::Result<Vec<IntegrationId>> {
    let mut ids = Vec::with_capacity(args.len());
    for arg in args {
        match arg {
            IdArg::Id(id) => ids.push(id.clone()),
            IdArg::Stdin => {
                for (number, line) in stdin.lines().enumerate() {
                    let line = line.map_err(|err| {
                        UsageError(format!("cannot read integration IDs from stdin: {err}"))
                    })?;
                    let id = line.trim();
                    if !id.is_empty() {
                        let id = id.parse().map_err(|err| {
                            UsageError(format!("stdin line {}: {err}", number + 1))
                        })?;
                        ids.push(id);
                    }
                }
            }
        }
    }
    if ids.is_empty() {
        return Err(UsageError("no integration IDs given (stdin was empty)".to_owned()).into());
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(args: &[&str], stdin: &str) -> anyhow::Result<Vec<String>> {
        let args: Vec<IdArg> = args
            .iter()
            .map(|arg| arg.parse().expect("a valid argument"))
            .collect();
        collect_ids(&args, &mut stdin.as_bytes())
            .map(|ids| ids.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn dash_reads_trimmed_non_blank_lines_in_place() {
        let got = ids(&["first", "-", "last"], "  a1 \n\n\tb2\n   \n").expect("valid");
        assert_eq!(got, ["first", "a1", "b2", "last"]);
    }

    #[test]
    fn a_bad_id_on_stdin_is_a_usage_error_naming_its_line() {
        let err = ids(&["-"], "ok\nnot ok\n").expect_err("rejected");
        assert_eq!(Exit::of(&err), Exit::Usage);
        assert!(err.to_string().starts_with("stdin line 2: "), "{err}");
    }

    #[test]
    fn an_empty_stdin_is_a_usage_error() {
        assert_eq!(
            Exit::of(&ids(&["-"], "\n \n").expect_err("empty")),
            Exit::Usage
        );
    }

    fn doc(kind: &str) -> Integration {
        let serde_json::Value::Object(object) = serde_json::json!({"_id": "x", "type": kind})
        else {
            unreachable!("literal is an object")
        };
        Integration::from_object(object)
    }

    #[test]
    fn the_type_sent_is_the_integrations_own_and_must_match_type() {
        use IntegrationKind::{Incoming, Outgoing};
        assert_eq!(
            checked_type(&doc("webhook-outgoing"), None).ok(),
            Some(Outgoing)
        );
        assert_eq!(
            checked_type(&doc("webhook-outgoing"), Some(Outgoing)).ok(),
            Some(Outgoing)
        );
        for (kind, wanted) in [
            ("webhook-incoming", Some(Outgoing)),
            ("zapier", Some(Incoming)),
            ("zapier", None),
        ] {
            let err = checked_type(&doc(kind), wanted).expect_err("refused");
            let expected = if wanted.is_some() {
                Exit::Conflict
            } else {
                Exit::Error
            };
            assert_eq!(Exit::of(&err), expected, "{kind} {wanted:?}");
        }
    }
}
