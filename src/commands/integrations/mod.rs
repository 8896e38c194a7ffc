//! `rcctl integrations …` (docs/contract.md §3): dispatch, and the two reads,
//! `get` and `list`. Removal is in [`remove`], backups and restore in [`backups`].

mod backups;
mod remove;

use anyhow::Context;

use super::session::{Session, connect};
use crate::api::{Client, Integration, IntegrationKind, LIST_PAGE_SIZE, ListFilter};
use crate::cli::{GetArgs, GlobalArgs, IntegrationsCommand, ListArgs};
use crate::config::Env;
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
    let filter = ListFilter {
        kind: args.kind.map(IntegrationKind::from),
        name: args.name.clone(),
    };
    let docs = list_all(&session, &filter)?;
    out.integration_list(&docs, args.show_secrets)?;
    Ok(())
}

/// Every page, filtered on the client too: servers before 7.0 ignore the filters.
fn list_all(session: &Session, filter: &ListFilter) -> anyhow::Result<Vec<Integration>> {
    pages(&session.client, filter)
        .with_context(|| session.failed("list integrations", None, filter.kind))
}

fn pages(client: &Client, filter: &ListFilter) -> anyhow::Result<Vec<Integration>> {
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
