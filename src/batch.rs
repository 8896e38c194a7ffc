//! One operation over many items, up to N at a time, reported in input order.
//!
//! `--parallel N` (docs/contract.md §3): workers take items in order, the
//! caller's `report` sees each result in the order the items were given, whatever
//! order they finish in. At most `workers` items are started and not yet
//! reported (a wider window with [`run_ordered_ahead`]), so memory stays flat
//! however many items there are, and `--parallel 1` is strictly one item after
//! the other, on the calling thread. A stop (the caller's
//! `Flow::Stop`, or Ctrl-C) ends the hand-out of new items; every item already
//! started still finishes and is reported.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};
use std::time::Duration;

/// Whether to go on handing out items after a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// How a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchEnd {
    /// Items reported, always a prefix of the input.
    pub reported: usize,
    /// An interrupt stopped the batch before every item was reported.
    pub interrupted: bool,
}

/// How often an idle worker looks at the interrupt flag.
const INTERRUPT_POLL: Duration = Duration::from_millis(50);

struct Progress {
    next: usize,
    reported: usize,
    stopped: bool,
}

/// Runs `work` on each item with up to `workers` threads; calls `report` with
/// each result in input order, on the calling thread.
pub fn run_ordered<T, R>(
    items: &[T],
    workers: usize,
    interrupted: &AtomicBool,
    work: impl Fn(&T) -> R + Sync,
    report: impl FnMut(usize, R) -> Flow,
) -> BatchEnd
where
    T: Sync,
    R: Send,
{
    run_ordered_ahead(items, workers, workers, interrupted, work, report)
}

/// [`run_ordered`], with up to `window` items (at least `workers`) started
/// and not yet reported: workers go on to the next items while `report`
/// still deals with earlier results, which matters when reporting is slow
/// (a page of the list to parse) and results are small to hold.
pub fn run_ordered_ahead<T, R>(
    items: &[T],
    workers: usize,
    window: usize,
    interrupted: &AtomicBool,
    work: impl Fn(&T) -> R + Sync,
    mut report: impl FnMut(usize, R) -> Flow,
) -> BatchEnd
where
    T: Sync,
    R: Send,
{
    let workers = workers.clamp(1, items.len().max(1));
    let window = window.max(workers);
    if window == 1 {
        return run_inline(items, interrupted, work, report);
    }
    let progress = Mutex::new(Progress {
        next: 0,
        reported: 0,
        stopped: false,
    });
    let advanced = Condvar::new();
    let (sender, results) = mpsc::channel::<(usize, R)>();
    let mut reported = 0;

    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (progress, advanced, work) = (&progress, &advanced, &work);
            scope.spawn(move || {
                while let Some(index) =
                    take_next(progress, advanced, items.len(), window, interrupted)
                {
                    if sender.send((index, work(&items[index]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);

        // Ends when every worker has finished and dropped its sender.
        let mut waiting = BTreeMap::new();
        for (index, result) in results {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&reported) {
                let flow = report(reported, result);
                reported += 1;
                let mut state = progress.lock().unwrap_or_else(PoisonError::into_inner);
                state.reported = reported;
                state.stopped |= flow == Flow::Stop;
                drop(state);
                advanced.notify_all();
            }
        }
    });

    BatchEnd {
        reported,
        interrupted: reported < items.len() && interrupted.load(Ordering::SeqCst),
    }
}

/// [`run_ordered`] with one worker: the calling thread itself, which spares
/// two thread hand-offs per item (a tenth of a `--parallel 1` batch's time).
fn run_inline<T, R>(
    items: &[T],
    interrupted: &AtomicBool,
    work: impl Fn(&T) -> R,
    mut report: impl FnMut(usize, R) -> Flow,
) -> BatchEnd {
    let mut reported = 0;
    for item in items {
        if interrupted.load(Ordering::SeqCst) {
            break;
        }
        let flow = report(reported, work(item));
        reported += 1;
        if flow == Flow::Stop {
            break;
        }
    }
    BatchEnd {
        reported,
        interrupted: reported < items.len() && interrupted.load(Ordering::SeqCst),
    }
}

/// The next item index for a worker, or `None` when it should stop.
fn take_next(
    progress: &Mutex<Progress>,
    advanced: &Condvar,
    len: usize,
    window: usize,
    interrupted: &AtomicBool,
) -> Option<usize> {
    let mut state = progress.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        if state.stopped || state.next >= len || interrupted.load(Ordering::SeqCst) {
            return None;
        }
        if state.next < state.reported + window {
            state.next += 1;
            return Some(state.next - 1);
        }
        state = advanced
            .wait_timeout(state, INTERRUPT_POLL)
            .unwrap_or_else(PoisonError::into_inner)
            .0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish() {
        let items: Vec<u64> = (0..40).collect();
        let mut seen = Vec::new();
        let end = run_ordered(
            &items,
            8,
            &AtomicBool::new(false),
            |&item| {
                // Later items finish first.
                std::thread::sleep(Duration::from_millis(40 - item));
                item * 10
            },
            |index, result| {
                seen.push((index, result));
                Flow::Continue
            },
        );
        assert_eq!(
            end,
            BatchEnd {
                reported: 40,
                interrupted: false
            }
        );
        let expected: Vec<(usize, u64)> = (0..40).map(|i| (i as usize, i * 10)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn stop_ends_the_hand_out_but_reports_what_started() {
        let items: Vec<u32> = (0..100).collect();
        let mut seen = 0;
        let end = run_ordered(
            &items,
            2,
            &AtomicBool::new(false),
            |&item| item,
            |index, _| {
                seen += 1;
                if index == 3 {
                    Flow::Stop
                } else {
                    Flow::Continue
                }
            },
        );
        assert!(end.reported >= 4 && end.reported < 100, "{end:?}");
        assert_eq!(seen, end.reported);
        assert!(!end.interrupted);
    }

    /// A batch of 1000 over `workers` whose 11th item sets the interrupt flag.
    fn interrupted_at_the_eleventh(workers: usize) -> BatchEnd {
        let items: Vec<u32> = (0..1000).collect();
        let interrupted = AtomicBool::new(false);
        run_ordered(
            &items,
            workers,
            &interrupted,
            |&item| {
                if item == 10 {
                    interrupted.store(true, Ordering::SeqCst);
                }
                item
            },
            |_, _| Flow::Continue,
        )
    }

    #[test]
    fn an_interrupt_stops_new_work() {
        let end = interrupted_at_the_eleventh(4);
        assert!(end.interrupted, "{end:?}");
        assert!(end.reported > 10 && end.reported < 1000, "{end:?}");
    }

    #[test]
    fn one_worker_runs_on_the_calling_thread_and_stops_exactly() {
        let caller = std::thread::current().id();
        let items: Vec<u32> = (0..100).collect();
        let interrupted = AtomicBool::new(false);
        let mut seen = Vec::new();
        let end = run_ordered(
            &items,
            1,
            &interrupted,
            |&item| {
                assert_eq!(std::thread::current().id(), caller);
                item
            },
            |index, item| {
                seen.push((index, item));
                if index == 3 {
                    Flow::Stop
                } else {
                    Flow::Continue
                }
            },
        );
        assert_eq!(
            end,
            BatchEnd {
                reported: 4,
                interrupted: false
            }
        );
        assert_eq!(seen, [(0, 0), (1, 1), (2, 2), (3, 3)]);

        assert_eq!(
            interrupted_at_the_eleventh(1),
            BatchEnd {
                reported: 11,
                interrupted: true
            }
        );
    }

    /// With a window wider than the workers, they run ahead of a slow
    /// `report`, never further than the window, and results stay in order.
    #[test]
    fn workers_run_ahead_of_a_slow_report_within_the_window() {
        use std::sync::atomic::AtomicUsize;
        let items: Vec<usize> = (0..30).collect();
        let started = AtomicUsize::new(0);
        let mut ahead = 0;
        let mut seen = Vec::new();
        let end = run_ordered_ahead(
            &items,
            2,
            6,
            &AtomicBool::new(false),
            |&item| {
                started.fetch_add(1, Ordering::SeqCst);
                item
            },
            |index, item| {
                std::thread::sleep(Duration::from_millis(3));
                ahead = ahead.max(started.load(Ordering::SeqCst) - index);
                seen.push(item);
                Flow::Continue
            },
        );
        assert_eq!(end.reported, 30);
        assert_eq!(seen, items);
        assert!(ahead > 2 && ahead <= 6, "{ahead} started and not reported");
    }

    #[test]
    fn no_items_is_no_work() {
        let end = run_ordered(
            &[] as &[u8],
            4,
            &AtomicBool::new(false),
            |_| (),
            |_, ()| Flow::Continue,
        );
        assert_eq!(
            end,
            BatchEnd {
                reported: 0,
                interrupted: false
            }
        );
    }
}
