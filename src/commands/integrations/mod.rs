//! `rcctl integrations …` (docs/contract.md §3): dispatch, and the two reads,
//! `get` and `list`. Removal is in [`remove`], backups and restore in
//! [`backups`], integrations as code (§7) in [`export`], [`plan`] and [`apply`].

mod apply;
mod backups;
mod export;
mod plan;
mod remove;

use std::time::SystemTime;

use anyhow::Context;

use super::session::{Session, connect};
use crate::api::{Client, Integration, LIST_PAGE_SIZE, ListFilter};
use crate::cli::{GetArgs, GlobalArgs, IntegrationsCommand, ListArgs};
use crate::config::Env;
use crate::filter::Filter;
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
        IntegrationsCommand::Remove(args) => remove::run(&args, global, env, out),
        IntegrationsCommand::Get(args) => get(&args, global, env, out),
        IntegrationsCommand::List(args) => list(&args, global, env, out),
        IntegrationsCommand::Restore(args) => backups::restore(&args, global, env, out),
        IntegrationsCommand::Backups => backups::list(env, out),
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
    let docs = list_matching(&session, &args.filters.filter())?;
    out.integration_list(&docs, args.show_secrets)?;
    Ok(())
}

/// Every integration that matches `filter`, all pages: the server filters what
/// it can, and every document is checked again here (servers before 7.0 ignore
/// the filters, and none knows most of them).
fn list_matching(session: &Session, filter: &Filter) -> anyhow::Result<Vec<Integration>> {
    let now = SystemTime::now();
    pages(&session.client, &filter.server_side(), |doc| {
        filter.matches(doc, now)
    })
    .with_context(|| session.failed("list integrations", None, filter.kind))
}

/// Every page of `integrations.list`, keeping the documents `keep` accepts.
fn pages(
    client: &Client,
    server_filter: &ListFilter,
    keep: impl Fn(&Integration) -> bool,
) -> anyhow::Result<Vec<Integration>> {
    let mut docs = Vec::new();
    let mut offset = 0;
    for _ in 0..MAX_LIST_PAGES {
        let page = client.list_integrations(server_filter, offset)?;
        let received = page.integrations.len();
        offset += received;
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
