//! `rcctl integrations plan` (docs/contract.md §7.2), and the part of `apply`
//! that comes before any change: every file validated before the first
//! request (§7.4), the server's release and every integration read, the plan
//! made ([`crate::manifest::plan()`]) and shown.

use std::time::SystemTime;

use anyhow::Context;

use super::list_matching;
use crate::cli::{DEFAULT_PARALLEL, GlobalArgs, ManifestArgs, PlanArgs};
use crate::commands::session::{Session, connect};
use crate::config::Env;
use crate::error::Drift;
use crate::exit::{AlreadyReported, Exit};
use crate::filter::Filter;
use crate::manifest::{self, Plan, Scope};
use crate::output::Output;

pub fn run(args: &PlanArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let Planned { plan, .. } = prepare(&args.manifest, global, env, out)?;
    let shown = show(plan, args.manifest.show_secrets, out);
    if let Some(err) = shown.write_error {
        return Err(err.into());
    }
    AlreadyReported::first(shown.first_failure)?;
    let changes = shown.plan.changes();
    if args.exit_code && changes > 0 {
        return Err(Drift(changes).into());
    }
    Ok(())
}

/// A plan and the session it was made in.
#[derive(Debug)]
pub struct Planned {
    pub session: Session,
    pub plan: Plan,
}

/// Reads and validates the files (exit 3 and no request when any is invalid),
/// then the server, and makes the plan.
pub fn prepare(
    args: &ManifestArgs,
    global: &GlobalArgs,
    env: &Env,
    out: &Output,
) -> anyhow::Result<Planned> {
    // Token variables are named by the files, so they cannot be read into
    // `Env` with the others before the files are.
    let lookup = |name: &str| std::env::var(name).ok();
    let files = match manifest::load(&args.paths, &lookup) {
        Ok(files) => files,
        Err(problems) => {
            for problem in problems {
                out.error(&problem.into(), Exit::Config);
            }
            return Err(AlreadyReported(Exit::Config).into());
        }
    };
    let filter = args.filters.filter();
    if !args.prune && filter != Filter::default() {
        out.warn("FILTERS select what --prune removes; without --prune they change nothing");
    }
    let session = connect(global, env, out)?;
    let client = &session.client;
    let info = client
        .server_info()
        .with_context(|| session.failed("read the server's version", None, None))?;
    let docs = list_matching(&session, &Filter::default(), DEFAULT_PARALLEL.into(), out)?;
    let scope = Scope {
        version: info.version,
        prune: args.prune.then_some(&filter),
        now: SystemTime::now(),
    };
    let plan = manifest::plan(&files, &docs, &scope);
    Ok(Planned { session, plan })
}

/// A plan once shown, and the exit code of its first file that failed.
#[derive(Debug)]
pub struct Shown {
    pub plan: Plan,
    pub first_failure: Option<Exit>,
    /// stdout could not be written (a closed pipe): `plan` stops there,
    /// `apply` goes on (docs/contract.md §6.9).
    pub write_error: Option<std::io::Error>,
}

/// Prints the plan's warnings, the plan, and an error for each file that
/// cannot be planned.
pub fn show(mut plan: Plan, show_secrets: bool, out: &Output) -> Shown {
    for warning in &plan.warnings {
        out.warn(warning);
    }
    let write_error = out.plan(&plan, show_secrets).err();
    let mut first_failure = None;
    for failure in std::mem::take(&mut plan.failures) {
        let err = anyhow::Error::new(failure.problem)
            .context(format!("cannot plan {}", failure.file.display()));
        let exit = Exit::of(&err);
        out.error(&err, exit);
        first_failure.get_or_insert(exit);
    }
    Shown {
        plan,
        first_failure,
        write_error,
    }
}
