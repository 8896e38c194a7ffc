//! `rcctl integrations remove` by filter (docs/contract.md §3.6): which
//! integrations the arguments select, showing the matches, and the
//! confirmation; the removal itself is [`remove_all`], as for removal by ID.
//!
//! A filter can select far more than the user had in mind, so the matches are
//! listed on stderr, where the question is asked (stdout may be a file), and
//! nothing is removed without a yes: typed on a terminal, or `--yes`.

use std::io;

use super::list_matching;
use super::removal::{RemoveOptions, Target, match_lines, remove_all};
use crate::cli::{GlobalArgs, RemoveArgs};
use crate::commands::safety::{confirm_protected, confirm_yes};
use crate::commands::session::connect;
use crate::config::Env;
use crate::error::{TooManyMatches, UsageError};
use crate::filter::Filter;
use crate::output::Output;
use crate::prompt;

/// The filter of a removal by filter, or `None` for a removal by ID; mixed or
/// missing selections are usage errors.
pub fn selected_filter(args: &RemoveArgs) -> Result<Option<Filter>, UsageError> {
    let filter = args.filters.filter();
    let no_filter = Filter::default();
    if !args.ids.is_empty() {
        if args.all {
            return Err(UsageError(
                "--all removes every integration, so it takes no IDs: drop the IDs or --all"
                    .to_owned(),
            ));
        }
        // `--type` alone is the type guard of a removal by ID.
        let guard_only = Filter {
            kind: filter.kind,
            ..no_filter
        };
        if filter != guard_only {
            return Err(UsageError(
                "IDs and filters cannot be combined: give IDs to remove those integrations, \
                 or filters without IDs to remove every integration that matches"
                    .to_owned(),
            ));
        }
        return Ok(None);
    }
    if filter == no_filter && !args.all {
        return Err(UsageError(
            "nothing to remove: give integration IDs (`-` reads them from stdin), filters \
             such as --disabled or --name TEXT, or --all to remove every integration"
                .to_owned(),
        ));
    }
    Ok(Some(filter))
}

/// Lists what `filter` selects, shows it, asks, and removes it through the
/// path of every removal.
pub fn run(
    args: &RemoveArgs,
    filter: &Filter,
    global: &GlobalArgs,
    env: &Env,
    out: &Output,
) -> anyhow::Result<()> {
    let session = connect(global, env, out)?;
    let server = session.client.server().to_string();
    let matches = list_matching(&session, filter, usize::from(args.parallel), out)?;
    if matches.is_empty() {
        out.notice(&format!(
            "no integration on {server} matches; nothing was removed"
        ));
        return Ok(());
    }
    TooManyMatches::check(matches.len(), args.max)?;
    if !args.dry_run {
        let asking = !args.yes && prompt::can_ask();
        let heading = match matches.len() {
            1 => format!("1 integration on {server} matches:"),
            count => format!("{count} integrations on {server} match:"),
        };
        for line in match_lines(&matches, &heading) {
            // Under --json only a person about to answer needs the list.
            if asking {
                out.notice(&line);
            } else {
                out.note(&line);
            }
        }
        let count = integrations(matches.len());
        if session.settings.protected {
            confirm_protected(&session.settings, args.yes, &format!("remove {count}"), out)?;
        } else if !args.yes {
            let question = format!("Remove {count} from {server}? [y/N] ");
            confirm(&question, &count, asking, |question| out.ask_line(question))?;
        }
    }
    let targets = matches.into_iter().map(Target::Read).collect();
    remove_all(&session, env, out, targets, RemoveOptions::from_args(args))
}

/// `1 integration`, `3 integrations`.
fn integrations(count: usize) -> String {
    match count {
        1 => "1 integration".to_owned(),
        count => format!("{count} integrations"),
    }
}

/// The y/N question, with the terminal passed in.
fn confirm(
    question: &str,
    count: &str,
    can_ask: bool,
    ask: impl FnOnce(&str) -> io::Result<String>,
) -> anyhow::Result<()> {
    let refusal = || {
        format!(
            "{count} would be removed, and stdin is not a terminal, so rcctl cannot ask: \
             pass --yes to remove them without a confirmation (or --dry-run to only list them)"
        )
    };
    confirm_yes(question, refusal, "nothing was removed", can_ask, ask)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::cli::{Cli, Command, IntegrationsCommand};
    use crate::exit::Exit;

    fn selection(args: &[&str]) -> Result<Option<Filter>, String> {
        let cli = Cli::try_parse_from([&["rcctl", "integrations", "remove"], args].concat())
            .expect("parses");
        let Command::Integrations(IntegrationsCommand::Remove(args)) = cli.command else {
            panic!("not remove")
        };
        selected_filter(&args).map_err(|err| err.0)
    }

    #[test]
    fn ids_with_at_most_a_type_are_a_removal_by_id() {
        assert_eq!(selection(&["a1"]), Ok(None));
        assert_eq!(selection(&["-t", "outgoing", "a1", "-"]), Ok(None));
    }

    #[test]
    fn filters_without_ids_select_what_matches() {
        let filter = selection(&["--disabled", "-t", "incoming"])
            .expect("valid")
            .expect("a filter");
        assert_eq!(filter.enabled, Some(false));
        assert!(filter.kind.is_some());
        assert_eq!(selection(&["--all"]), Ok(Some(Filter::default())));
        assert!(selection(&["-t", "outgoing"]).expect("valid").is_some());
    }

    #[test]
    fn mixed_or_missing_selections_are_refused() {
        let err = selection(&["a1", "--disabled"]).expect_err("mixed");
        assert!(
            err.starts_with("IDs and filters cannot be combined"),
            "{err}"
        );
        let err = selection(&["a1", "--all"]).expect_err("mixed");
        assert!(err.contains("drop the IDs or --all"), "{err}");
        let err = selection(&[]).expect_err("nothing");
        assert!(err.starts_with("nothing to remove"), "{err}");
        assert!(err.contains("--all"), "{err}");
    }

    #[test]
    fn max_refuses_only_more_than_n() {
        assert!(TooManyMatches::check(3, Some(3)).is_ok());
        assert!(TooManyMatches::check(3, None).is_ok());
        let err = TooManyMatches::check(4, Some(3)).expect_err("too many");
        assert_eq!(Exit::of(&err.into()), Exit::Conflict);
    }

    #[test]
    fn without_a_terminal_nothing_is_asked() {
        let err = confirm("?", "2 integrations", false, |_| {
            panic!("asked without a terminal")
        })
        .expect_err("refused");
        assert_eq!(Exit::of(&err), Exit::Cancelled);
        assert!(err.to_string().contains("pass --yes"), "{err}");
    }
}
