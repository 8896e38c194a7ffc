//! `rcctl integrations …` (docs/contract.md §3): dispatch, and the two reads,
//! `get` and `list` (which also keeps the IDs it saw for shell completion).
//! Removal is in [`remove`] (by filter: [`remove_matching`]), backups and
//! restore in [`backups`], the delivery history in [`history`], the health
//! check in [`doctor`], integrations as code (§7) in [`export`], [`plan`] and
//! [`apply`].

mod apply;
mod backups;
mod doctor;
mod export;
mod history;
mod listing;
mod plan;
mod removal;
mod remove;
mod remove_matching;

use listing::list_matching;

use anyhow::Context;

use super::session::{Session, connect};
use crate::api::Integration;
use crate::cli::{GetArgs, GlobalArgs, IntegrationsCommand, ListArgs};
use crate::config::{self, Env};
use crate::filter::Filter;
use crate::id_cache::{IdCache, SeenId};
use crate::output::Output;

pub fn run(
    command: IntegrationsCommand,
    global: &GlobalArgs,
    env: &Env,
    out: &Output,
) -> anyhow::Result<()> {
    match command {
        IntegrationsCommand::Remove(args) => match remove_matching::selected_filter(&args)? {
            Some(filter) => remove_matching::run(&args, &filter, global, env, out),
            None => remove::run(&args, global, env, out),
        },
        IntegrationsCommand::Get(args) => get(&args, global, env, out),
        IntegrationsCommand::List(args) => list(&args, global, env, out),
        IntegrationsCommand::Restore(args) => backups::restore(&args, global, env, out),
        IntegrationsCommand::Backups => backups::list(env, out),
        IntegrationsCommand::History(args) => history::run(&args, global, env, out),
        IntegrationsCommand::Doctor(args) => doctor::run(&args, global, env, out),
        IntegrationsCommand::Export(args) => export::run(&args, global, env, out),
        IntegrationsCommand::Plan(args) => plan::run(&args, global, env, out),
        IntegrationsCommand::Apply(args) => apply::run(&args, global, env, out),
    }
}

fn get(args: &GetArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let session = connect(global, env, out)?;
    let id = args.id.as_str();
    let doc = session
        .client
        .get_integration(id)
        .with_context(|| session.failed_on("read", id, None))?;
    out.integration(&doc, args.show_secrets)?;
    Ok(())
}

fn list(args: &ListArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let session = connect(global, env, out)?;
    let filter = args.filters.filter();
    let docs = list_matching(&session, &filter, usize::from(args.parallel), out)?;
    remember_ids(&session, env, &docs, filter == Filter::default());
    out.integration_list(&docs, args.show_secrets)?;
    // The process ends next: freeing ten thousand documents one field at a
    // time would cost it 20 ms (docs/performance.md) and free nothing of use.
    std::mem::forget(docs);
    Ok(())
}

/// Keeps the IDs and names listed for shell completion (`crate::complete`):
/// all of them after a listing of everything, else those seen added. A cache
/// that cannot be written costs only suggestions, so it says nothing.
fn remember_ids(session: &Session, env: &Env, docs: &[Integration], everything: bool) {
    let Some(data_dir) = config::data_dir(env) else {
        return;
    };
    let seen: Vec<SeenId<'_>> = docs
        .iter()
        .map(|doc| SeenId {
            id: doc.id(),
            name: doc.name(),
        })
        .collect();
    let server = session.client.server().as_str();
    let profile = session.settings.profile.as_deref();
    let _ = IdCache::new(&data_dir).store(server, profile, &seen, everything);
}
