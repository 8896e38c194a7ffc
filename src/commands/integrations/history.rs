//! `rcctl integrations history ID [--limit N]` (docs/contract.md §3.7): an
//! outgoing webhook's deliveries, newest first, from `integrations.history`
//! (docs/server-api.md §3.4).
//!
//! The server answers any ID with a list, empty for an incoming webhook (it
//! records deliveries only for outgoing ones) and for an ID that does not
//! exist, so the integration is read first: a missing one is exit 6 and an
//! incoming one a usage error saying why, rather than an empty history.

use anyhow::Context;

use crate::api::{HISTORY_PAGE_SIZE, HistoryEntry, IntegrationKind};
use crate::cli::{GlobalArgs, HistoryArgs};
use crate::commands::session::{Session, connect};
use crate::config::Env;
use crate::error::UsageError;
use crate::output::Output;
use crate::output::view::{self, HistoryView};

pub fn run(args: &HistoryArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let session = connect(global, env, out)?;
    let id = args.id.as_str();
    let doc = session
        .client
        .get_integration(id)
        .with_context(|| session.failed_on("read the history of", id, None))?;
    if doc.kind() == Some(IntegrationKind::Incoming) {
        return Err(UsageError(format!(
            "integration {id} is an incoming webhook, and incoming webhooks have no history: \
             Rocket.Chat records deliveries only for outgoing webhooks"
        ))
        .into());
    }
    let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
    let entries = newest_entries(&session, id, limit)?;
    if out.is_json() {
        let shown: Vec<_> = entries
            .iter()
            .map(|entry| entry.to_output_value(args.show_secrets))
            .collect();
        out.json(&shown)?;
    } else if entries.is_empty() {
        out.note(&format!(
            "no deliveries recorded for integration {id} (Rocket.Chat deletes an entry 30 days \
             after its last update)"
        ));
    } else {
        let rows: Vec<HistoryView> = entries.iter().map(HistoryView::new).collect();
        out.records(&rows, view::HISTORY)?;
    }
    Ok(())
}

/// Up to `limit` entries, newest first, a page at a time.
pub fn newest_entries(
    session: &Session,
    id: &str,
    limit: usize,
) -> anyhow::Result<Vec<HistoryEntry>> {
    let mut entries = Vec::new();
    while entries.len() < limit {
        let wanted = (limit - entries.len()).min(HISTORY_PAGE_SIZE);
        let page = session
            .client
            .integration_history(id, entries.len(), wanted)
            .with_context(|| {
                session.failed_on("read the history of", id, Some(IntegrationKind::Outgoing))
            })?;
        let received = page.entries.len();
        entries.extend(page.entries);
        let finished = received < wanted
            || page
                .total
                .is_some_and(|total| entries.len() as u64 >= total);
        if finished {
            break;
        }
    }
    entries.truncate(limit);
    Ok(entries)
}
