//! `rcctl integrations remove ID…` (docs/contract.md §3.1, §6): the IDs read
//! (arguments and stdin), their documents taken from one listing where that
//! is cheaper, a protected profile's confirmation, then the one removal path
//! ([`removal`](super::removal)). The selection by filter is in
//! `remove_matching`.

use std::io::BufRead;
use std::sync::atomic::AtomicBool;

use super::listing::documents_of;
use super::removal::{
    RemoveOptions, RemoveOutcome, Target, Told, match_lines, remove_all, remove_one,
    report_failure, skipped_missing,
};
use crate::api::{IntegrationId, IntegrationKind};
use crate::batch::{self, Flow};
use crate::cli::{GlobalArgs, IdArg, RemoveArgs};
use crate::commands::safety::{Safety, confirm_protected};
use crate::commands::session::{Session, connect};
use crate::config::Env;
use crate::error::{TooManyMatches, UsageError};
use crate::exit::AlreadyReported;
use crate::interrupt;
use crate::output::Output;
use crate::prompt;

impl RemoveOptions {
    pub fn from_args(args: &RemoveArgs) -> Self {
        Self {
            wanted: args.filters.kind.map(IntegrationKind::from),
            dry_run: args.dry_run,
            ignore_missing: args.ignore_missing,
            show_secrets: args.show_secrets,
            backups: !args.no_backup,
            parallel: usize::from(args.parallel),
            told: Told::Documents,
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
        // Ctrl-C while the list is read ends it and the batch removes
        // nothing: exit 130 with the report, as during the removals. (Not
        // before a question: Ctrl-C there leaves at once.)
        interrupt::install(out, &session.client.interrupt_flag());
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
        confirm_protected(&session.settings, false, &action, out)?;
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
        |id| remove_one(session, &safety, Target::Id(id.clone()), check),
        |index, settled| {
            progress.advance(1, ids[index].as_str());
            // A dry run writes nothing on disk: there are no notes to say.
            match settled.outcome {
                Ok(RemoveOutcome::WouldRemove(doc)) => docs.push(doc),
                Ok(_) => skipped_missing(out, ids[index].as_str(), server),
                Err(err) => return report_failure(out, &err, &mut first_failure),
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
        [doc] => format!(
            "remove {} integration {} ({}) from {server}",
            doc.type_name(),
            doc.id(),
            doc.name()
        ),
        docs => {
            let heading = format!("{} integrations on {server}:", docs.len());
            for line in match_lines(docs, &heading) {
                out.notice(&line);
            }
            format!("remove these {} integrations from {server}", docs.len())
        }
    };
    confirm_protected(&session.settings, false, &action, out)?;
    Ok(docs.into_iter().map(Target::Read).collect())
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
    use crate::exit::Exit;

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
}
