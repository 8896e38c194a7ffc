//! The one progress line on stderr, and the summary of a batch
//! (docs/contract.md §4.4).
//!
//! Work that takes more than a second on a terminal (a batch, paging through
//! `list`, a rate-limit pause) shows one line, drawn by indicatif, that goes
//! away when the work ends. Nothing is drawn when stderr is not a terminal or
//! is `TERM=dumb`. While a line shows, every other line rcctl writes (a
//! warning, a table on the same terminal) is written with the line suspended,
//! so the two never mix.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::Output;
use crate::api::ApiError;
use crate::error::{RemovalUnconfirmed, TypeConflict};

/// How long work runs before its line appears: quicker work shows none.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// How often the line is redrawn, for the spinner and a countdown.
const TICK: Duration = Duration::from_millis(100);

/// The progress line of a run, when one shows.
#[derive(Debug, Default)]
pub(super) struct Line {
    current: Mutex<Option<Shown>>,
    /// Tells lines apart, so that an old line's end cannot clear a newer one.
    started: AtomicU64,
}

#[derive(Debug)]
struct Shown {
    bar: ProgressBar,
    generation: u64,
    revealed: bool,
    /// Until when a rate-limit pause holds requests: the countdown.
    paused_until: Arc<Mutex<Option<Instant>>>,
    /// A line of its own for a pause outside any other work: it ends with the pause.
    ends_with_pause: bool,
}

impl Line {
    fn lock(&self) -> MutexGuard<'_, Option<Shown>> {
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `write` with the line (if any) taken off the screen meanwhile.
    pub(super) fn suspended<R>(&self, write: impl FnOnce() -> R) -> R {
        let current = self.lock();
        match current.as_ref().filter(|shown| shown.revealed) {
            Some(shown) => shown.bar.suspend(write),
            None => write(),
        }
    }
}

/// A piece of work with a progress line; the line goes when this is dropped.
#[derive(Debug)]
pub struct Progress {
    out: Output,
    /// `None` when no line can show (stderr is not a terminal).
    bar: Option<(ProgressBar, u64)>,
}

impl Output {
    /// Starts the line of a piece of work: `what` (`removing`, `listing
    /// integrations`), then done/total and the item last done.
    pub fn progress(&self, what: &'static str, total: Option<u64>) -> Progress {
        if !self.inner.live_stderr {
            return Progress {
                out: self.clone(),
                bar: None,
            };
        }
        let paused_until = Arc::new(Mutex::new(None));
        let style = style(
            "{spinner} {prefix} {done}{pause} {wide_msg}",
            Arc::clone(&paused_until),
        );
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden())
            .with_style(style)
            .with_prefix(what);
        let generation = self.show(Shown {
            bar: bar.clone(),
            generation: 0,
            revealed: false,
            paused_until,
            ends_with_pause: false,
        });
        Progress {
            out: self.clone(),
            bar: Some((bar, generation)),
        }
    }

    /// A rate-limit pause of `delay`: a countdown on the current line, or, when
    /// a request `waits` for it now, on a line of its own that ends with it.
    pub(super) fn pause(&self, delay: Duration, what: String, waits: bool) {
        if !self.inner.live_stderr {
            return;
        }
        let until = Instant::now() + delay;
        let line = &self.inner.line;
        {
            let current = line.lock();
            if let Some(shown) = current.as_ref() {
                let mut paused = shown
                    .paused_until
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                *paused = Some(paused.map_or(until, |earlier: Instant| earlier.max(until)));
                return;
            }
        }
        if !waits {
            // Only the next request would wait, if one comes: the warning says it.
            return;
        }
        let paused_until = Arc::new(Mutex::new(Some(until)));
        let style = style("{spinner} {msg}: {left}", Arc::clone(&paused_until));
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
            .with_style(style)
            .with_message(what);
        self.show(Shown {
            bar,
            generation: 0,
            revealed: false,
            paused_until,
            ends_with_pause: true,
        });
    }

    /// Makes `shown` the current line, and watches it: it appears after
    /// [`SHOW_AFTER`], and a pause's own line ends with the pause.
    fn show(&self, mut shown: Shown) -> u64 {
        let line = &self.inner.line;
        let generation = line.started.fetch_add(1, Ordering::SeqCst) + 1;
        shown.generation = generation;
        shown.bar.enable_steady_tick(TICK);
        if let Some(replaced) = line.lock().replace(shown) {
            replaced.bar.finish_and_clear();
        }
        let out = self.clone();
        std::thread::spawn(move || out.watch(generation, Instant::now() + SHOW_AFTER));
        generation
    }

    fn watch(&self, generation: u64, show_at: Instant) {
        loop {
            let now = Instant::now();
            let mut current = self.inner.line.lock();
            let Some(shown) = current
                .as_mut()
                .filter(|shown| shown.generation == generation)
            else {
                return;
            };
            if now >= show_at && !shown.revealed {
                shown.revealed = true;
                shown.bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            let next = if shown.ends_with_pause {
                let paused = *shown
                    .paused_until
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                match paused {
                    Some(until) if until > now && shown.revealed => until,
                    Some(until) if until > now => until.min(show_at),
                    _ => {
                        shown.bar.finish_and_clear();
                        *current = None;
                        return;
                    }
                }
            } else if !shown.revealed {
                show_at
            } else {
                return;
            };
            drop(current);
            std::thread::sleep(next.saturating_duration_since(now));
        }
    }

    fn end(&self, generation: u64) {
        let mut current = self.inner.line.lock();
        if current
            .as_ref()
            .is_some_and(|shown| shown.generation == generation)
            && let Some(shown) = current.take()
        {
            shown.bar.finish_and_clear();
        }
    }
}

impl Progress {
    /// The total, once it is known (the first page of a listing tells it).
    pub fn set_total(&self, total: u64) {
        if let Some((bar, _)) = &self.bar {
            bar.set_length(total);
        }
    }

    /// `count` more done, the last of them `last` (an ID).
    pub fn advance(&self, count: u64, last: &str) {
        if let Some((bar, _)) = &self.bar {
            bar.inc(count);
            bar.set_message(super::escape(last));
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some((_, generation)) = &self.bar {
            self.out.end(*generation);
        }
    }
}

/// `{done}`: `3/12`, or `300` while the total is unknown; `{left}`: the
/// seconds left of a rate-limit pause; `{pause}`: the same on a line about
/// other work, empty when nothing waits.
fn style(template: &str, paused_until: Arc<Mutex<Option<Instant>>>) -> ProgressStyle {
    let Ok(style) = ProgressStyle::with_template(template) else {
        return ProgressStyle::default_spinner();
    };
    let left = move || {
        let until = *paused_until.lock().unwrap_or_else(PoisonError::into_inner);
        until
            .map(|until| until.saturating_duration_since(Instant::now()))
            .filter(|left| !left.is_zero())
            .map(|left| left.as_secs() + 1)
    };
    let left_too = left.clone();
    style
        .with_key(
            "done",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = match state.len() {
                    Some(total) => write!(w, "{}/{total}", state.pos()),
                    None => write!(w, "{}", state.pos()),
                };
            },
        )
        .with_key(
            "left",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{} s left", left().unwrap_or(0));
            },
        )
        .with_key(
            "pause",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                if let Some(seconds) = left_too() {
                    let _ = write!(w, " · rate limited, {seconds} s left");
                }
            },
        )
}

/// A batch of items on one line, counted by outcome for its summary:
/// `removed 12, missing 1, wrong type 1, failed 2`.
#[derive(Debug)]
pub struct Batch {
    progress: Progress,
    total: usize,
    /// Per outcome, in the order of [`rank`]: its name and count.
    counts: Vec<(&'static str, usize)>,
}

impl Output {
    /// Starts a batch of `total` items; `what` names the work on its line.
    pub fn batch(&self, what: &'static str, total: usize) -> Batch {
        let progress = self.progress(what, u64::try_from(total).ok());
        Batch {
            progress,
            total,
            counts: Vec::new(),
        }
    }
}

impl Batch {
    /// Item `id` is done, and `outcome` says how: `removed`, `would remove`, `missing`.
    pub fn done(&mut self, id: &str, outcome: &'static str) {
        self.progress.advance(1, id);
        count(&mut self.counts, outcome);
    }

    /// Item `id` failed with `err` (already reported).
    pub fn failed(&mut self, id: &str, err: &anyhow::Error) {
        self.done(id, failure(err));
    }

    /// Ends the line; a batch of more than one item then says what became of them.
    pub fn finish(self) {
        let Self {
            progress,
            total,
            counts,
        } = self;
        let out = progress.out.clone();
        drop(progress);
        if total > 1
            && let Some(summary) = summary(&counts)
        {
            out.note(&summary);
        }
    }
}

/// What a failure counts as in a summary.
fn failure(err: &anyhow::Error) -> &'static str {
    if err.downcast_ref::<RemovalUnconfirmed>().is_some() {
        "unknown"
    } else if err.downcast_ref::<TypeConflict>().is_some() {
        "wrong type"
    } else if matches!(
        err.downcast_ref::<ApiError>(),
        Some(ApiError::NotFound { .. })
    ) {
        "missing"
    } else {
        "failed"
    }
}

/// One more `outcome`, the counts kept in the order of [`rank`].
fn count(counts: &mut Vec<(&'static str, usize)>, outcome: &'static str) {
    match counts.iter_mut().find(|(name, _)| *name == outcome) {
        Some((_, count)) => *count += 1,
        None => {
            counts.push((outcome, 1));
            counts.sort_by_key(|(name, _)| rank(name));
        }
    }
}

/// Successes first, then what went wrong, worst last.
fn rank(outcome: &str) -> u8 {
    match outcome {
        "missing" => 1,
        "wrong type" => 2,
        "unknown" => 3,
        "failed" => 4,
        _ => 0,
    }
}

/// `removed 12, missing 1, failed 2`: the counts that are not zero.
fn summary(counts: &[(&str, usize)]) -> Option<String> {
    let mut text = String::new();
    for (outcome, count) in counts.iter().filter(|(_, count)| *count > 0) {
        if !text.is_empty() {
            text.push_str(", ");
        }
        let _ = write!(text, "{outcome} {count}");
    }
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_names_what_happened_successes_first() {
        let mut counts = Vec::new();
        for outcome in ["failed", "removed", "missing", "removed", "wrong type"] {
            count(&mut counts, outcome);
        }
        assert_eq!(
            summary(&counts).as_deref(),
            Some("removed 2, missing 1, wrong type 1, failed 1")
        );
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn failures_count_by_their_cause() {
        let not_found = anyhow::Error::new(ApiError::NotFound {
            server: "https://chat.example.com".into(),
            status: 400,
            server_error: "No integration found.".into(),
        })
        .context("cannot remove integration x");
        assert_eq!(failure(&not_found), "missing");
        let conflict = anyhow::Error::new(TypeConflict::Refused {
            wanted: crate::api::IntegrationKind::Outgoing,
            actual: "webhook-incoming".into(),
        });
        assert_eq!(failure(&conflict), "wrong type");
        assert_eq!(failure(&anyhow::anyhow!("odd")), "failed");
    }
}
