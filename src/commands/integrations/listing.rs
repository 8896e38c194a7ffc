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

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;
use std::time::SystemTime;

use anyhow::Context;

use crate::api::{
    ApiError, Client, Integration, IntegrationId, IntegrationPage, LIST_PAGE_SIZE, ListFilter,
    UnreadPage,
};
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
    let mut listing = Listing::start(client, server_filter, &progress, &keep)?;
    listing.finish(parallel)?;
    Ok(listing.docs)
}

/// Fewer IDs than this are each read with `integrations.get`; from this many
/// on, a batch first reads the list (docs/contract.md §3.1; why this number:
/// docs/performance.md, "Issue 14's targets").
pub const PREFLIGHT_MIN_IDS: usize = 10;

/// The documents of `ids` that a listing holds, by ID, when reading the list
/// is cheaper than reading them one by one; else (or when the listing fails,
/// which costs nothing but its requests) none.
///
/// The first page says how many pages there are; the rest are read only when
/// they are fewer than the IDs still unaccounted for.
pub fn documents_of(
    session: &Session,
    ids: &[IntegrationId],
    parallel: usize,
    out: &Output,
) -> HashMap<String, Integration> {
    // Counted once each: an ID given twice is removed once.
    let wanted: HashSet<&str> = ids.iter().map(IntegrationId::as_str).collect();
    if wanted.len() < PREFLIGHT_MIN_IDS {
        return HashMap::new();
    }
    let keep = |doc: &Integration| wanted.contains(doc.id());
    let progress = out.progress("reading the list", None);
    Listing::start(&session.client, &ListFilter::default(), &progress, &keep)
        .and_then(|mut listing| {
            if listing.pages_left() < wanted.len() - listing.docs.len() {
                listing.finish(parallel)?;
            }
            Ok(listing.docs)
        })
        .unwrap_or_default()
        .into_iter()
        .map(|doc| (doc.id().to_owned(), doc))
        .collect()
}

fn ids(page: &IntegrationPage) -> Vec<String> {
    page.integrations
        .iter()
        .map(|doc| doc.id().to_owned())
        .collect()
}

/// A listing under way: its first page read, the documents kept so far in
/// page order.
struct Listing<'a, K> {
    client: &'a Client,
    server_filter: &'a ListFilter,
    /// The IDs of the first page: a later page equal to it means `offset` is ignored.
    first_ids: Vec<String>,
    /// The first page's length: the step between page offsets.
    stride: usize,
    total: Option<u64>,
    docs: Vec<Integration>,
    seen: HashSet<String>,
    progress: &'a Progress,
    keep: &'a K,
}

impl<'a, K: Fn(&Integration) -> bool> Listing<'a, K> {
    /// Reads the first page.
    fn start(
        client: &'a Client,
        server_filter: &'a ListFilter,
        progress: &'a Progress,
        keep: &'a K,
    ) -> anyhow::Result<Self> {
        let first = client.list_integrations(server_filter, 0)?;
        let mut listing = Self {
            client,
            server_filter,
            first_ids: ids(&first),
            stride: first.integrations.len(),
            total: first.total,
            docs: Vec::new(),
            seen: HashSet::new(),
            progress,
            keep,
        };
        if let Some(total) = first.total {
            progress.set_total(total);
        }
        listing.add(first);
        Ok(listing)
    }

    /// How many pages come after the first when the total is known: counted,
    /// not listed, so that a server claiming a vast total is refused before
    /// anything is allocated for it.
    fn pages_after_first(&self) -> u64 {
        match self.total {
            Some(total) if self.stride > 0 => total.saturating_sub(1) / self.stride as u64,
            _ => 0,
        }
    }

    /// How many more pages a whole listing takes (as far as can be known).
    fn pages_left(&self) -> usize {
        match self.total {
            Some(_) => usize::try_from(self.pages_after_first()).unwrap_or(usize::MAX),
            None if self.stride >= LIST_PAGE_SIZE => usize::MAX,
            None => 0,
        }
    }

    /// Reads the rest of the pages.
    fn finish(&mut self, parallel: usize) -> anyhow::Result<()> {
        match self.total {
            Some(total) => {
                let pages = self.pages_after_first();
                if pages >= MAX_LIST_PAGES as u64 {
                    anyhow::bail!(
                        "the server says it has {total} integrations, over {MAX_LIST_PAGES} \
                         pages; rcctl does not read that many"
                    );
                }
                let offsets: Vec<usize> = (1..=pages as usize)
                    .map(|page| page * self.stride)
                    .collect();
                self.fetch_in_parallel(&offsets, parallel)
            }
            // Without a total the pages can only be read one after the other.
            None if self.stride >= LIST_PAGE_SIZE => self.fetch_in_turn(self.stride),
            None => Ok(()),
        }
    }

    /// A later page that holds the first page's integrations again: the
    /// server ignores `offset`.
    fn repeats_the_first(&self, page: &IntegrationPage) -> bool {
        !page.integrations.is_empty()
            && page
                .integrations
                .iter()
                .map(Integration::id)
                .eq(self.first_ids.iter().map(String::as_str))
    }

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
    fn fetch_in_parallel(&mut self, offsets: &[usize], parallel: usize) -> anyhow::Result<()> {
        let mut failure: Option<anyhow::Error> = None;
        // Listing reads only: Ctrl-C ends the process at once, nothing to finish.
        let never = AtomicBool::new(false);
        let (client, server_filter) = (self.client, self.server_filter);
        batch::run_ordered_ahead(
            offsets,
            parallel,
            // While this thread reads a page, the workers fetch the next ones:
            // up to four pages per worker received and not read yet (a few
            // hundred KB), so that reading never holds a request back.
            4 * parallel,
            &never,
            // A worker only receives its page and goes on to the next; each
            // is read here, while the workers wait on the network.
            |&offset| client.fetch_list_page(server_filter, offset),
            |_, page: Result<UnreadPage, ApiError>| match page
                .and_then(|page| client.read_list_page(page))
            {
                Ok(page) if self.repeats_the_first(&page) => {
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
    fn fetch_in_turn(&mut self, mut offset: usize) -> anyhow::Result<()> {
        for _ in 1..MAX_LIST_PAGES {
            let page = self.client.list_integrations(self.server_filter, offset)?;
            let received = page.integrations.len();
            if self.repeats_the_first(&page) {
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
