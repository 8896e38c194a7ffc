//! Every page of `integrations.list` (docs/contract.md §3.3,
//! docs/server-api.md §3.2): what `list`, remove by filter, `export`,
//! `plan`/`apply` and `doctor` all start from.
//!
//! The first page tells the total; the other pages are then fetched up to
//! `parallel` at a time and assembled in order, so a listing of 10,000
//! integrations costs about a hundredth of the requests' latency times
//! ⌈pages / parallel⌉, not times pages. The client's rate-limit gate is shared
//! by every worker, so one pause holds them all. A server that answers every
//! offset with the first page (it ignores `offset`) is refused rather than
//! listed as duplicates, and an integration seen twice (the list shifted while
//! it was read) is kept once.

use std::collections::HashSet;
use std::sync::atomic::AtomicBool;
use std::time::SystemTime;

use anyhow::Context;

use crate::api::{ApiError, Client, Integration, IntegrationPage, LIST_PAGE_SIZE, ListFilter};
use crate::batch::{self, Flow};
use crate::commands::session::Session;
use crate::filter::Filter;
use crate::output::{Output, Progress};

/// A listing longer than this many pages means the server ignores `offset`.
const MAX_LIST_PAGES: usize = 10_000;

const OFFSET_IGNORED: &str = "the server answers every page with the first one; it seems to \
                              ignore `offset`, so the list cannot be read whole";

/// Every integration that matches `filter`, all pages: the server filters what
/// it can, and every document is checked again here (servers before 7.0 ignore
/// the filters, and none knows most of them).
pub fn list_matching(
    session: &Session,
    filter: &Filter,
    parallel: usize,
    out: &Output,
) -> anyhow::Result<Vec<Integration>> {
    let now = SystemTime::now();
    pages(
        &session.client,
        &filter.server_side(),
        parallel,
        out,
        |doc| filter.matches(doc, now),
    )
    .with_context(|| session.failed("list integrations", None, filter.kind))
}

/// Every page of `integrations.list`, keeping the documents `keep` accepts;
/// a progress line counts the integrations received.
pub fn pages(
    client: &Client,
    server_filter: &ListFilter,
    parallel: usize,
    out: &Output,
    keep: impl Fn(&Integration) -> bool,
) -> anyhow::Result<Vec<Integration>> {
    let progress = out.progress("listing integrations", None);
    let first = client.list_integrations(server_filter, 0)?;
    let stride = first.integrations.len();
    let first_ids = ids(&first);
    let mut listing = Assembly {
        docs: Vec::new(),
        seen: HashSet::new(),
        progress: &progress,
        keep: &keep,
    };
    let total = first.total;
    listing.add(first);
    match total {
        Some(total) if stride > 0 && (stride as u64) < total => {
            let offsets: Vec<usize> = (1..)
                .map(|page| page * stride)
                .take_while(|&offset| (offset as u64) < total)
                .collect();
            if offsets.len() >= MAX_LIST_PAGES {
                anyhow::bail!(
                    "the server says it has {total} integrations, over {MAX_LIST_PAGES} pages; \
                     rcctl does not read that many"
                );
            }
            progress.set_total(total);
            listing.fetch_in_parallel(client, server_filter, &offsets, parallel, &first_ids)?;
        }
        Some(_) => {}
        // Without a total the pages can only be read one after the other.
        None if stride >= LIST_PAGE_SIZE => {
            listing.fetch_in_turn(client, server_filter, stride, &first_ids)?
        }
        None => {}
    }
    Ok(listing.docs)
}

fn ids(page: &IntegrationPage) -> Vec<String> {
    page.integrations
        .iter()
        .map(|doc| doc.id().to_owned())
        .collect()
}

/// The documents gathered so far, in page order.
struct Assembly<'a, K> {
    docs: Vec<Integration>,
    seen: HashSet<String>,
    progress: &'a Progress,
    keep: &'a K,
}

impl<K: Fn(&Integration) -> bool> Assembly<'_, K> {
    fn add(&mut self, page: IntegrationPage) {
        let last = page.integrations.last().map(|doc| doc.id().to_owned());
        self.progress.advance(
            page.integrations.len() as u64,
            last.as_deref().unwrap_or_default(),
        );
        for doc in page.integrations {
            if self.seen.insert(doc.id().to_owned()) && (self.keep)(&doc) {
                self.docs.push(doc);
            }
        }
    }

    /// The pages at `offsets`, up to `parallel` in flight, added in order.
    fn fetch_in_parallel(
        &mut self,
        client: &Client,
        server_filter: &ListFilter,
        offsets: &[usize],
        parallel: usize,
        first_ids: &[String],
    ) -> anyhow::Result<()> {
        let mut failure: Option<anyhow::Error> = None;
        // Listing reads only: Ctrl-C ends the process at once, nothing to finish.
        let never = AtomicBool::new(false);
        batch::run_ordered(
            offsets,
            parallel,
            &never,
            |&offset| client.list_integrations(server_filter, offset),
            |_, page: Result<IntegrationPage, ApiError>| match page {
                Ok(page) if !page.integrations.is_empty() && ids(&page) == first_ids => {
                    failure = Some(anyhow::anyhow!(OFFSET_IGNORED));
                    Flow::Stop
                }
                Ok(page) => {
                    self.add(page);
                    Flow::Continue
                }
                Err(err) => {
                    failure = Some(err.into());
                    Flow::Stop
                }
            },
        );
        failure.map_or(Ok(()), Err)
    }

    /// Pages one after the other from `offset`, until a short one (servers
    /// that send no `total`).
    fn fetch_in_turn(
        &mut self,
        client: &Client,
        server_filter: &ListFilter,
        mut offset: usize,
        first_ids: &[String],
    ) -> anyhow::Result<()> {
        for _ in 1..MAX_LIST_PAGES {
            let page = client.list_integrations(server_filter, offset)?;
            let received = page.integrations.len();
            if received > 0 && ids(&page) == first_ids {
                anyhow::bail!(OFFSET_IGNORED);
            }
            offset += received;
            self.add(page);
            if received < LIST_PAGE_SIZE {
                return Ok(());
            }
        }
        anyhow::bail!(OFFSET_IGNORED)
    }
}
