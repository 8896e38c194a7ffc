//! `rcctl integrations remove | get | list` (CONTRACT.md section 3).
//!
//! The server deletes an integration of the other type without complaint
//! (rocketchat-api.md 2.7), so every removal first reads the integration, refuses
//! a `--type` mismatch, and sends the integration's real type.

use std::io::BufRead;

use anyhow::Context;

use crate::api::{ApiError, Client, Integration, IntegrationKind, LIST_PAGE_SIZE, ListFilter};
use crate::cli::{GetArgs, GlobalArgs, IntegrationsCommand, ListArgs, RemoveArgs};
use crate::commands::safety::{Audited, Safety, confirm_protected};
use crate::commands::{OperationFailed, TypeConflict, UsageError, backups, connect};
use crate::exit::{AlreadyReported, Exit};
use crate::output::{Output, escape};

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
    WouldRemove(Integration),
    Missing,
}

impl RemoveOutcome {
    /// The `result` of the audit line.
    fn audit_name(&self) -> &'static str {
        match self {
            Self::Removed(_) => "removed",
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

    let mut first_failure = None;
    let mut shown = Vec::new();
    for (done, id) in ids.iter().enumerate() {
        match remove_one(client, &safety, id, wanted, args) {
            Ok(RemoveOutcome::Removed(doc)) => {
                out.note(&format!(
                    "removed {} integration {} ({})",
                    doc.type_name(),
                    doc.id(),
                    doc.name()
                ));
                show(out, doc, args.show_secrets, &mut shown)?;
            }
            Ok(RemoveOutcome::WouldRemove(doc)) => {
                out.note(&format!(
                    "dry run: would remove {} integration {} ({})",
                    doc.type_name(),
                    doc.id(),
                    doc.name()
                ));
                show(out, doc, args.show_secrets, &mut shown)?;
            }
            Ok(RemoveOutcome::Missing) => out.warn(&format!(
                "integration {id} not found on {}; skipped (--ignore-missing)",
                client.server()
            )),
            Err(err) => {
                let exit = Exit::of(&err);
                out.error(&err, exit);
                first_failure.get_or_insert(exit);
                if exit == Exit::Auth {
                    // Every further request would be rejected the same way.
                    let left = ids.len() - done - 1;
                    if left > 0 {
                        out.warn(&format!("stopped: {left} remaining ID(s) not attempted"));
                    }
                    break;
                }
            }
        }
    }
    match shown.as_slice() {
        [] => {}
        [one] => out.integration(one, args.show_secrets)?,
        several => out.integration_rows(several, args.show_secrets)?,
    }
    match first_failure {
        Some(exit) => Err(AlreadyReported(exit).into()),
        None => Ok(()),
    }
}

/// Scripts get each document at once, as one JSON line; people get one table at
/// the end, so keep the document for it.
fn show(
    out: &Output,
    doc: Integration,
    show_secrets: bool,
    shown: &mut Vec<Integration>,
) -> anyhow::Result<()> {
    if out.is_json() {
        out.integration(&doc, show_secrets)?;
    } else {
        shown.push(doc);
    }
    Ok(())
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
    let result = client.remove_integration(kind, id);
    if let (Err(err), Some(path)) = (&result, &backup) {
        safety.discard_backup(path, err);
    }
    let outcome = checked_removal(result, kind, args.ignore_missing, &failed);
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
