//! `rcctl integrations remove | get | list` (CONTRACT.md section 3).
//!
//! The server deletes an integration of the other type without complaint
//! (rocketchat-api.md 2.7), so every removal first reads the integration, refuses
//! a `--type` mismatch, and sends the integration's real type.

use std::io::BufRead;

use anyhow::Context;

use crate::api::{ApiError, Client, Integration, IntegrationKind, LIST_PAGE_SIZE, ListFilter};
use crate::batch::{self, BatchEnd, Flow};
use crate::cli::{GetArgs, GlobalArgs, IntegrationsCommand, ListArgs, RemoveArgs};
use crate::commands::safety::{Audited, Safety, confirm_protected};
use crate::commands::{
    Interrupted, OperationFailed, RemovalUnconfirmed, TypeConflict, UsageError, backups, connect,
};
use crate::exit::{AlreadyReported, Exit};
use crate::interrupt;
use crate::output::{IntegrationRow, Output, escape};

/// A listing longer than this many pages means the server ignores `offset`.
const MAX_LIST_PAGES: usize = 10_000;

pub fn run(command: IntegrationsCommand, global: &GlobalArgs, out: &Output) -> anyhow::Result<()> {
    match command {
        IntegrationsCommand::Remove(args) => remove(&args, global, out),
        IntegrationsCommand::Get(args) => get(&args, global, out),
        IntegrationsCommand::List(args) => list(&args, global, out),
        IntegrationsCommand::Restore(args) => backups::restore(&args, global, out),
        IntegrationsCommand::Backups => backups::list(out),
    }
}

/// What became of one ID.
#[derive(Debug)]
enum RemoveOutcome {
    Removed(Integration),
    /// The reply to the removal was lost, and a second read found it gone.
    RemovedWithoutReply(Integration),
    WouldRemove(Integration),
    Missing,
}

impl RemoveOutcome {
    /// The `result` of the audit line.
    fn audit_name(&self) -> &'static str {
        match self {
            Self::Removed(_) | Self::RemovedWithoutReply(_) => "removed",
            Self::WouldRemove(_) => "dry-run",
            Self::Missing => "missing",
        }
    }
}

fn remove(args: &RemoveArgs, global: &GlobalArgs, out: &Output) -> anyhow::Result<()> {
    let ids = collect_ids(&args.ids, &mut std::io::stdin().lock())?;
    let session = connect(global, out)?;
    if !args.dry_run {
        let action = format!("remove {} integration(s)", ids.len());
        confirm_protected(&session.settings, args.yes, &action)?;
    }
    let safety = Safety::new(&session, out, !args.no_backup);
    let client = &session.client;
    let wanted = args.kind.map(IntegrationKind::from);
    let interrupted = interrupt::install(out);

    let mut report = RemoveReport {
        out,
        server: client.server().to_string(),
        show_secrets: args.show_secrets,
        first_shown: None,
        shown: Vec::new(),
        first_failure: None,
        write_error: None,
    };
    let end = batch::run_ordered(
        &ids,
        usize::from(args.parallel),
        &interrupted,
        |id| remove_one(client, &safety, id, wanted, args),
        |index, outcome| report.record(&ids[index], outcome),
    );
    report.finish(&ids, end)
}

/// Prints each ID's outcome as it is reported, in input order, and remembers
/// what the batch's exit code must be.
struct RemoveReport<'a> {
    out: &'a Output,
    server: String,
    show_secrets: bool,
    /// The first document shown, printed alone when it stays the only one.
    first_shown: Option<Integration>,
    /// A row per document shown, for the people's table at the end (scripts
    /// got JSON lines); the documents themselves are not kept, so memory
    /// grows by a row, not a document, per ID.
    shown: Vec<IntegrationRow>,
    first_failure: Option<Exit>,
    /// stdout failed (a closed pipe): nobody reads the rest, so the batch stops.
    write_error: Option<std::io::Error>,
}

impl RemoveReport<'_> {
    fn record(&mut self, id: &str, outcome: anyhow::Result<RemoveOutcome>) -> Flow {
        let (verb, doc) = match outcome {
            Ok(RemoveOutcome::Removed(doc)) => ("removed", doc),
            Ok(RemoveOutcome::RemovedWithoutReply(doc)) => {
                self.out.warn(&format!(
                    "the reply to the removal of integration {id} was lost; a second read \
                     shows it is gone, so it was removed"
                ));
                ("removed", doc)
            }
            Ok(RemoveOutcome::WouldRemove(doc)) => ("dry run: would remove", doc),
            Ok(RemoveOutcome::Missing) => {
                self.out.warn(&format!(
                    "integration {id} not found on {}; skipped (--ignore-missing)",
                    self.server
                ));
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
            self.shown
                .push(IntegrationRow::new(&doc, self.show_secrets));
            self.first_shown.get_or_insert(doc);
        }
        Flow::Continue
    }

    fn finish(self, ids: &[String], end: BatchEnd) -> anyhow::Result<()> {
        if let Some(err) = self.write_error {
            return Err(err.into());
        }
        if self.shown.len() > 1 {
            self.out.integration_rows(self.shown, self.show_secrets)?;
        } else if let Some(only) = &self.first_shown {
            self.out.integration(only, self.show_secrets)?;
        }
        let left = ids.len() - end.reported;
        if end.interrupted {
            self.out.warn(&format!(
                "interrupted: {} of {} IDs processed; {left} not attempted, from {} on",
                end.reported,
                ids.len(),
                ids[end.reported]
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

/// Reads, checks and (unless `--dry-run`) backs up and removes one integration.
fn remove_one(
    client: &Client,
    safety: &Safety,
    id: &str,
    wanted: Option<IntegrationKind>,
    args: &RemoveArgs,
) -> anyhow::Result<RemoveOutcome> {
    let failed = |action, kind| OperationFailed {
        action,
        id: Some(id.to_owned()),
        kind,
        server: client.server().to_string(),
    };
    let doc = match client.get_integration(id) {
        Err(ApiError::NotFound { .. }) if args.ignore_missing => return Ok(RemoveOutcome::Missing),
        result => result.with_context(|| failed("remove", wanted))?,
    };
    let kind = match (doc.kind(), wanted) {
        (Some(actual), Some(wanted)) if actual != wanted => {
            return Err(TypeConflict::Refused {
                wanted,
                actual: actual.to_string(),
            })
            .with_context(|| failed("remove", Some(wanted)));
        }
        (None, Some(wanted)) => {
            return Err(TypeConflict::Refused {
                wanted,
                actual: describe_type(&doc),
            })
            .with_context(|| failed("remove", Some(wanted)));
        }
        (None, None) => {
            return Err(anyhow::anyhow!(
                "it is a {} integration, which rcctl cannot remove",
                describe_type(&doc)
            ))
            .with_context(|| failed("remove", None));
        }
        (Some(actual), _) => actual,
    };
    if args.dry_run {
        return Ok(RemoveOutcome::WouldRemove(doc));
    }
    let backup = safety
        .back_up(&doc)
        .with_context(|| failed("remove", Some(kind)))?;
    let outcome = match client.remove_integration(kind, id) {
        // Never re-sent blindly: read again and report what is true.
        Err(
            lost @ ApiError::Network {
                maybe_sent: true, ..
            },
        ) => settle_lost_reply(client, id, doc.clone(), lost)
            .with_context(|| failed("remove", Some(kind))),
        result => checked_removal(result, kind, args.ignore_missing, &failed),
    };
    if let Some(path) = &backup
        && !may_have_removed(&outcome)
    {
        safety.discard_backup(path);
    }
    let call = Audited {
        action: "remove",
        doc: &doc,
        backup: backup.as_deref(),
    };
    safety.record(call, None, outcome.as_ref().map(RemoveOutcome::audit_name));
    outcome
}

/// The answer to a removal, checked: the server must have removed the type asked for.
fn checked_removal(
    result: Result<Integration, ApiError>,
    kind: IntegrationKind,
    ignore_missing: bool,
    failed: &dyn Fn(&'static str, Option<IntegrationKind>) -> OperationFailed,
) -> anyhow::Result<RemoveOutcome> {
    let removed = match result {
        // Removed by someone else between our read and our remove.
        Err(ApiError::NotFound { .. }) if ignore_missing => return Ok(RemoveOutcome::Missing),
        result => result.with_context(|| failed("remove", Some(kind)))?,
    };
    if removed.kind() != Some(kind) {
        return Err(TypeConflict::ServerRemovedOther {
            sent: kind,
            removed: describe_type(&removed),
        })
        .with_context(|| failed("safely remove", Some(kind)));
    }
    Ok(RemoveOutcome::Removed(removed))
}

/// Whether the server may have removed something: then its backup must stay.
fn may_have_removed(outcome: &anyhow::Result<RemoveOutcome>) -> bool {
    match outcome {
        Ok(RemoveOutcome::Removed(_) | RemoveOutcome::RemovedWithoutReply(_)) => true,
        Ok(RemoveOutcome::WouldRemove(_) | RemoveOutcome::Missing) => false,
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
    client: &Client,
    id: &str,
    doc: Integration,
    lost: ApiError,
) -> anyhow::Result<RemoveOutcome> {
    match client.get_integration(id) {
        Err(ApiError::NotFound { .. }) => Ok(RemoveOutcome::RemovedWithoutReply(doc)),
        Ok(_) => Err(RemovalUnconfirmed::StillPresent { lost }.into()),
        Err(check) => Err(RemovalUnconfirmed::Unknown { lost, check }.into()),
    }
}

fn describe_type(doc: &Integration) -> String {
    match doc.type_name() {
        "" => "untyped".to_owned(),
        other => format!("`{}`", escape(other)),
    }
}

fn get(args: &GetArgs, global: &GlobalArgs, out: &Output) -> anyhow::Result<()> {
    validate_id(&args.id)?;
    let session = connect(global, out)?;
    let doc = session
        .client
        .get_integration(&args.id)
        .with_context(|| OperationFailed {
            action: "read",
            id: Some(args.id.clone()),
            kind: None,
            server: session.client.server().to_string(),
        })?;
    out.integration(&doc, args.show_secrets)?;
    Ok(())
}

fn list(args: &ListArgs, global: &GlobalArgs, out: &Output) -> anyhow::Result<()> {
    let session = connect(global, out)?;
    let filter = ListFilter {
        kind: args.kind.map(IntegrationKind::from),
        name: args.name.clone(),
    };
    let docs = list_all(&session.client, &filter).with_context(|| OperationFailed {
        action: "list",
        id: None,
        kind: filter.kind,
        server: session.client.server().to_string(),
    })?;
    out.integration_list(&docs, args.show_secrets)?;
    Ok(())
}

/// Every page, filtered on the client too: servers before 7.0 ignore the filters.
fn list_all(client: &Client, filter: &ListFilter) -> anyhow::Result<Vec<Integration>> {
    let name = filter.name.as_deref().map(str::to_lowercase);
    let mut docs = Vec::new();
    let mut offset = 0;
    for _ in 0..MAX_LIST_PAGES {
        let page = client.list_integrations(filter, offset)?;
        let received = page.integrations.len();
        offset += received;
        docs.extend(page.integrations.into_iter().filter(|doc| {
            filter.kind.is_none_or(|kind| doc.kind() == Some(kind))
                && name
                    .as_deref()
                    .is_none_or(|name| doc.name().to_lowercase().contains(name))
        }));
        let finished = match page.total {
            Some(total) => received == 0 || offset as u64 >= total,
            None => received < LIST_PAGE_SIZE,
        };
        if finished {
            return Ok(docs);
        }
    }
    anyhow::bail!(
        "the server kept sending pages after {MAX_LIST_PAGES}; it seems to ignore `offset`"
    )
}

/// The IDs from the arguments, with `-` replaced by the lines of `stdin`; all are
/// checked before any request is sent.
fn collect_ids(args: &[String], stdin: &mut dyn BufRead) -> anyhow::Result<Vec<String>> {
    let mut ids = Vec::with_capacity(args.len());
    for arg in args {
        if arg == "-" {
            for line in stdin.lines() {
                let line = line.map_err(|err| {
                    UsageError(format!("cannot read integration IDs from stdin: {err}"))
                })?;
                let id = line.trim();
                if !id.is_empty() {
                    validate_id(id)?;
                    ids.push(id.to_owned());
                }
            }
        } else {
            validate_id(arg)?;
            ids.push(arg.clone());
        }
    }
    if ids.is_empty() {
        return Err(UsageError("no integration IDs given (stdin was empty)".to_owned()).into());
    }
    Ok(ids)
}

pub fn validate_id(id: &str) -> Result<(), UsageError> {
    if id.is_empty() {
        return Err(UsageError("an integration ID cannot be empty".to_owned()));
    }
    if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UsageError(format!(
            "invalid integration ID \"{}\": IDs contain no spaces or control characters",
            escape(id)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(args: &[&str], stdin: &str) -> anyhow::Result<Vec<String>> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        collect_ids(&args, &mut stdin.as_bytes())
    }

    #[test]
    fn dash_reads_trimmed_non_blank_lines_in_place() {
        let got = ids(&["first", "-", "last"], "  a1 \n\n\tb2\n   \n").expect("valid");
        assert_eq!(got, ["first", "a1", "b2", "last"]);
    }

    #[test]
    fn ids_with_spaces_or_control_characters_are_usage_errors() {
        for bad in ["a b", "", "ab\u{7}", "tab\there"] {
            let err = ids(&[bad], "").expect_err("rejected");
            assert_eq!(Exit::of(&err), Exit::Usage, "{bad:?}");
        }
        assert_eq!(
            Exit::of(&ids(&["-"], "ok\nnot ok\n").expect_err("rejected")),
            Exit::Usage
        );
    }

    #[test]
    fn an_empty_stdin_is_a_usage_error() {
        assert_eq!(
            Exit::of(&ids(&["-"], "\n \n").expect_err("empty")),
            Exit::Usage
        );
    }
}
