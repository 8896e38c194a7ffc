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
mod plan;
mod remove;
mod remove_matching;

use std::time::SystemTime;

use anyhow::Context;

use super::session::{Session, connect};
use crate::api::{Client, Integration, LIST_PAGE_SIZE, ListFilter};
use crate::cli::{GetArgs, GlobalArgs, IntegrationsCommand, ListArgs};
use crate::config::{self, Env};
use crate::filter::Filter;
use crate::id_cache::{CachedId, IdCache};
use crate::output::Output;

/// A listing longer than this many pages means the server ignores `offset`.
const MAX_LIST_PAGES: usize = 10_000;

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
    let docs = list_matching(&session, &filter, out)?;
    remember_ids(&session, env, &docs, filter == Filter::default());
    out.integration_list(&docs, args.show_secrets)?;
    Ok(())
}

/// Keeps the IDs and names listed for shell completion (`crate::complete`):
/// all of them after a listing of everything, else those seen added. A cache
/// that cannot be written costs only suggestions, so it says nothing.
fn remember_ids(session: &Session, env: &Env, docs: &[Integration], everything: bool) {
    let Some(data_dir) = config::data_dir(env) else {
        return;
    };
    let seen = docs
        .iter()
        .map(|doc| CachedId {
            id: doc.id().to_owned(),
            name: doc.name().to_owned(),
        })
        .collect();
    let server = session.client.server().as_str();
    let profile = session.settings.profile.as_deref();
    let _ = IdCache::new(&data_dir).store(server, profile, seen, everything);
}

/// Every integration that matches `filter`, all pages: the server filters what
/// it can, and every document is checked again here (servers before 7.0 ignore
/// the filters, and none knows most of them).
fn list_matching(
    session: &Session,
    filter: &Filter,
    out: &Output,
) -> anyhow::Result<Vec<Integration>> {
    let now = SystemTime::now();
    pages(&session.client, &filter.server_side(), out, |doc| {
        filter.matches(doc, now)
    })
    .with_context(|| session.failed("list integrations", None, filter.kind))
}

/// Every page of `integrations.list`, keeping the documents `keep` accepts;
/// a progress line counts the integrations received.
fn pages(
    client: &Client,
    server_filter: &ListFilter,
    out: &Output,
    keep: impl Fn(&Integration) -> bool,
) -> anyhow::Result<Vec<Integration>> {
    let progress = out.progress("listing integrations", None);
    let mut docs = Vec::new();
    let mut offset = 0;
    for _ in 0..MAX_LIST_PAGES {
        let page = client.list_integrations(server_filter, offset)?;
        let received = page.integrations.len();
        offset += received;
        if let Some(total) = page.total {
            progress.set_total(total);
        }
        let last = page.integrations.last().map(|doc| doc.id().to_owned());
        progress.advance(received as u64, last.as_deref().unwrap_or_default());
        docs.extend(page.integrations.into_iter().filter(&keep));
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
