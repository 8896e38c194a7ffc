//! Rocket.Chat's rate limiter, seen from the client (docs/server-api.md §1.6).
//!
//! The server allows N calls per window per route and client IP (10 per 60 s by
//! default), and says so on every answer it counts: `X-RateLimit-Limit`,
//! `X-RateLimit-Remaining` and `X-RateLimit-Reset` (epoch milliseconds).
//! [`RouteGate`] keeps, per route, what the last answers said of the current
//! window, less the calls sent since: a worker takes one call of that budget
//! before it sends, and when none is left it waits for the window to end
//! instead of earning a 429. The budget is counted by the requests rcctl
//! itself sends into the window (the server counts them in whatever order
//! its connections deliver them, so the order of the answers says little);
//! an answer can only raise that count, when others share the window. A
//! request still on its way when a window ends may land in the next one, so
//! it is counted there too. Never a 429 once a window's headers are known
//! (docs/contract.md §6.1); a 429 (the window was not known, or another
//! client used it up) pauses the route for every worker.
//!
//! A pause is never longer than `--max-wait` allows (docs/contract.md §6.1): a
//! longer one is refused at once instead of slept. Ctrl-C ends any pause at
//! once: the sleep is cut in short slices that look at the interrupt flag.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// How long rcctl keeps retrying one rate-limited request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after a 429 (the contract says 3).
    pub max_retries: u32,
    /// Total waiting allowed for one request (`--max-wait`, default 60 s).
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            max_wait: Duration::from_secs(60),
        }
    }
}

/// Wait used when a 429 names no reset time at all.
pub const FALLBACK_WAIT: Duration = Duration::from_secs(5);

/// Longest sleep between two looks at the interrupt flag.
const INTERRUPT_POLL: Duration = Duration::from_millis(25);

/// Why a wait was not (fully) taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitRefused {
    /// The pause still to go is longer than the wait left to this request.
    TooLong(Duration),
    /// Ctrl-C.
    Interrupted,
}

/// Sleeps `delay`, or less when `interrupted` turns true; says whether it did.
pub fn sleep_unless_interrupted(delay: Duration, interrupted: &AtomicBool) -> bool {
    let until = Instant::now() + delay;
    loop {
        if interrupted.load(Ordering::SeqCst) {
            return false;
        }
        let now = Instant::now();
        if now >= until {
            return true;
        }
        std::thread::sleep((until - now).min(INTERRUPT_POLL));
    }
}

/// Waited past a window's reset, so that a request does not arrive a moment
/// before the server's own clock says the window is over.
const RESET_MARGIN: Duration = Duration::from_millis(50);

/// What one answer said of its route's window (`X-RateLimit-*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowNews {
    /// Calls left in the window when the server counted this one.
    pub remaining: u64,
    /// How long until the window resets, when the answer said.
    pub reset_in: Option<Duration>,
    /// Calls allowed per window, when the answer said.
    pub limit: Option<u64>,
}

/// One route's state, shared by every thread of one client.
#[derive(Debug, Default)]
struct RouteState {
    /// A 429 asked every request to wait until then.
    paused_until: Option<Instant>,
    /// The current window, when answers have described it.
    window: Option<Budget>,
    /// Calls per window, once an answer said.
    limit: Option<u64>,
    /// Requests sent and not yet answered.
    in_flight: usize,
    /// Requests sent while no window was known: they are the first window's.
    unpaced: u64,
}

/// One window's calls: how many it allows, and how many are spent.
#[derive(Debug, Clone, Copy)]
struct Budget {
    limit: u64,
    /// Calls spent: the requests sent into the window, or as many as the
    /// server says it counted, if that is more.
    used: u64,
    /// When the window ends; unknown for a window no answer has described yet.
    ends: Option<Instant>,
    /// The wait for its end was announced (once per window).
    announced: bool,
}

/// What a request must do before it is sent.
enum Admission {
    Go,
    /// Until the route's pause or its empty window is over (then `margin`
    /// more); `announce` once.
    WaitUntil {
        until: Instant,
        margin: Duration,
        announce: bool,
    },
    /// The window is used up and no answer has said yet when it ends.
    WaitForNews,
}

/// Per-route pauses and budgets, shared by every thread using one client.
#[derive(Debug, Default)]
pub struct RouteGate {
    routes: Mutex<HashMap<&'static str, RouteState>>,
}

/// A request admitted by [`RouteGate::admit`]: it counts as in flight until dropped.
#[derive(Debug)]
pub struct Admitted<'a> {
    gate: &'a RouteGate,
    route: &'static str,
    /// How long the admission waited.
    pub waited: Duration,
}

impl Admitted<'_> {
    /// What the answer to this request said of its window.
    pub fn observe(&self, news: WindowNews) {
        self.gate.observe(self.route, news);
    }
}

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        let mut routes = self.gate.routes();
        let state = routes.entry(self.route).or_default();
        state.in_flight = state.in_flight.saturating_sub(1);
        // A used-up window whose end no answer told (they all failed): with
        // nothing left in flight nothing will tell it, so probe again.
        if state.in_flight == 0
            && let Some(budget) = state.window
            && budget.used >= budget.limit
            && budget.ends.is_none()
        {
            state.window = None;
            state.unpaced = 0;
        }
    }
}

impl RouteGate {
    fn routes(&self) -> MutexGuard<'_, HashMap<&'static str, RouteState>> {
        self.routes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Pauses `route` for `delay` from now, unless it is paused longer already.
    /// Returns whether this call extended the pause (so only one thread announces it).
    pub fn pause(&self, route: &'static str, delay: Duration) -> bool {
        let until = Instant::now() + delay;
        let mut routes = self.routes();
        let state = routes.entry(route).or_default();
        match state.paused_until {
            Some(existing) if existing >= until => false,
            _ => {
                state.paused_until = Some(until);
                true
            }
        }
    }

    /// Waits until a request to `route` may be sent without earning a 429,
    /// for at most `allowed` (a longer wait is refused before any sleep);
    /// `announce` hears of each window's wait once. The request counts
    /// against the window's budget and as in flight until the returned value
    /// is dropped, after its answer was [`observe`](Self::observe)d.
    pub fn admit(
        &self,
        route: &'static str,
        allowed: Duration,
        interrupted: &AtomicBool,
        announce: impl Fn(Duration),
    ) -> Result<Admitted<'_>, WaitRefused> {
        let started = Instant::now();
        loop {
            let now = Instant::now();
            let admission = {
                let mut routes = self.routes();
                let state = routes.entry(route).or_default();
                let admission = admission(state, now);
                if matches!(admission, Admission::Go) {
                    state.in_flight += 1;
                }
                admission
            };
            let until = match admission {
                Admission::Go => {
                    return Ok(Admitted {
                        gate: self,
                        route,
                        waited: started.elapsed(),
                    });
                }
                Admission::WaitUntil {
                    until,
                    margin,
                    announce: first,
                } => {
                    let remaining = until.saturating_duration_since(now);
                    if started.elapsed() + remaining > allowed {
                        return Err(WaitRefused::TooLong(remaining));
                    }
                    if first {
                        announce(remaining);
                    }
                    until + margin
                }
                Admission::WaitForNews => now + INTERRUPT_POLL,
            };
            if started.elapsed() > allowed {
                return Err(WaitRefused::TooLong(until.saturating_duration_since(now)));
            }
            if !sleep_unless_interrupted(until.saturating_duration_since(now), interrupted) {
                return Err(WaitRefused::Interrupted);
            }
        }
    }

    /// What an answer to a request on `route` (still counted in flight)
    /// said of its window.
    fn observe(&self, route: &'static str, news: WindowNews) {
        let now = Instant::now();
        let mut routes = self.routes();
        let state = routes.entry(route).or_default();
        let ends = news.reset_in.map(|reset_in| now + reset_in);
        let Some(limit) = news.limit.or(state.limit) else {
            // Without the limit no budget can be kept: only an empty window
            // is waited out.
            if news.remaining == 0
                && let Some(ends) = ends
            {
                state.paused_until = Some(state.paused_until.map_or(ends, |until| until.max(ends)));
            }
            return;
        };
        state.limit = Some(limit);
        // The server counted at least this many calls in the window.
        let counted = limit.saturating_sub(news.remaining);
        match &mut state.window {
            Some(budget) if same_window(budget.ends, ends) => {
                budget.limit = limit;
                budget.used = budget.used.max(counted);
                budget.ends = budget.ends.or(ends);
            }
            // The answer of a window already over: it says nothing new.
            Some(budget) if ends.zip(budget.ends).is_some_and(|(new, old)| new < old) => {}
            known => {
                let used = if known.is_none() {
                    // The first window: every request so far was sent into it.
                    state.unpaced
                } else {
                    // A window that began unseen: the requests still on their
                    // way may land in it too.
                    counted + state.in_flight.saturating_sub(1) as u64
                };
                *known = Some(Budget {
                    limit,
                    used: used.max(counted),
                    ends,
                    announced: false,
                });
                state.unpaced = 0;
            }
        }
    }
}

/// Whether two reset times are those of one window: the server computes
/// each as "now + time to reset", equal within its clock's granularity.
fn same_window(known: Option<Instant>, told: Option<Instant>) -> bool {
    const SAME: Duration = Duration::from_millis(50);
    match (known, told) {
        (Some(known), Some(told)) => {
            known.max(told).saturating_duration_since(known.min(told)) <= SAME
        }
        _ => true,
    }
}

/// Whether a request may go now, and spends a call of the window if so.
fn admission(state: &mut RouteState, now: Instant) -> Admission {
    if let Some(until) = state.paused_until.filter(|until| *until > now) {
        return Admission::WaitUntil {
            until,
            margin: Duration::ZERO,
            announce: false,
        };
    }
    if let Some(budget) = state.window
        && budget.ends.is_some_and(|ends| ends <= now)
    {
        // A new window, its requests still on their way counted in it: they
        // may land there.
        state.window = Some(Budget {
            limit: budget.limit,
            used: state.in_flight as u64,
            ends: None,
            announced: false,
        });
    }
    match &mut state.window {
        None => {
            state.unpaced += 1;
            Admission::Go
        }
        Some(budget) if budget.used < budget.limit => {
            budget.used += 1;
            Admission::Go
        }
        Some(budget) => match budget.ends {
            Some(ends) => {
                let announce = !budget.announced;
                budget.announced = true;
                Admission::WaitUntil {
                    until: ends,
                    margin: RESET_MARGIN,
                    announce,
                }
            }
            None => Admission::WaitForNews,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);
    const ROUTE: &str = "integrations.remove";

    fn not_interrupted() -> AtomicBool {
        AtomicBool::new(false)
    }

    /// Admits one request to `route` within `allowed`, counting announcements.
    fn admit<'a>(
        gate: &'a RouteGate,
        route: &'static str,
        allowed: Duration,
        announced: &std::cell::Cell<usize>,
    ) -> Result<Admitted<'a>, WaitRefused> {
        gate.admit(route, allowed, &not_interrupted(), |_| {
            announced.set(announced.get() + 1);
        })
    }

    fn news(remaining: u64, reset_in: Duration) -> WindowNews {
        WindowNews {
            remaining,
            reset_in: Some(reset_in),
            limit: Some(10),
        }
    }

    #[test]
    fn a_longer_pause_wins_and_a_shorter_one_is_ignored() {
        let gate = RouteGate::default();
        assert!(gate.pause(ROUTE, Duration::from_millis(80)));
        assert!(!gate.pause(ROUTE, Duration::from_millis(10)));
        let admitted = admit(&gate, ROUTE, MINUTE, &Default::default()).expect("admitted");
        assert!(admitted.waited >= Duration::from_millis(70), "{admitted:?}");
    }

    #[test]
    fn routes_are_paused_separately() {
        let gate = RouteGate::default();
        gate.pause(ROUTE, MINUTE);
        let admitted = admit(&gate, "integrations.get", MINUTE, &Default::default());
        assert!(admitted.expect("no pause").waited < Duration::from_millis(50));
    }

    #[test]
    fn a_pause_longer_than_allowed_is_refused_without_sleeping() {
        let gate = RouteGate::default();
        gate.pause(ROUTE, Duration::from_secs(600));
        let started = Instant::now();
        let refused = admit(&gate, ROUTE, Duration::from_secs(2), &Default::default());
        assert!(
            matches!(refused, Err(WaitRefused::TooLong(left)) if left > MINUTE),
            "{refused:?}"
        );
        assert!(started.elapsed() < Duration::from_millis(50));
    }

    #[test]
    fn an_interrupt_ends_a_wait_at_once() {
        let gate = RouteGate::default();
        gate.pause(ROUTE, Duration::from_secs(30));
        let interrupted = AtomicBool::new(false);
        let started = Instant::now();
        let waited = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(100));
                interrupted.store(true, Ordering::SeqCst);
            });
            gate.admit(ROUTE, MINUTE, &interrupted, |_| {}).map(|_| ())
        });
        assert_eq!(waited, Err(WaitRefused::Interrupted));
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn the_calls_an_answer_says_are_left_are_all_that_go() {
        let gate = RouteGate::default();
        let announced = std::cell::Cell::new(0);
        // Four requests go out before any answer: nothing is known yet.
        let first: Vec<_> = (0..4)
            .map(|_| admit(&gate, ROUTE, MINUTE, &announced).expect("admitted"))
            .collect();
        // Answers in any order (the server counted them in another): the
        // window allows 10, and these 4 were sent into it: 6 more may go.
        first[2].observe(news(7, MINUTE));
        first[0].observe(news(9, MINUTE));
        first[3].observe(news(6, MINUTE));
        first[1].observe(news(8, MINUTE));
        drop(first);
        for _ in 0..6 {
            let admitted = admit(&gate, ROUTE, MINUTE, &announced).expect("admitted");
            assert!(admitted.waited < Duration::from_millis(50));
        }
        // The window is used up and ends in a minute: a wait that long is
        // refused under a shorter --max-wait, and announced when taken.
        let refused = admit(&gate, ROUTE, Duration::from_secs(2), &announced);
        assert!(
            matches!(refused, Err(WaitRefused::TooLong(_))),
            "{refused:?}"
        );
        assert_eq!(announced.get(), 0, "a refused wait is not announced");
    }

    #[test]
    fn a_used_up_window_is_waited_out_and_the_next_has_the_limit() {
        let gate = RouteGate::default();
        let announced = std::cell::Cell::new(0);
        {
            let sent = admit(&gate, ROUTE, MINUTE, &announced).expect("admitted");
            sent.observe(news(0, Duration::from_millis(150)));
        }
        let started = Instant::now();
        let admitted = admit(&gate, ROUTE, MINUTE, &announced).expect("admitted");
        assert!(
            started.elapsed() >= Duration::from_millis(150),
            "waited for the reset"
        );
        assert_eq!(announced.get(), 1);
        drop(admitted);
        // The new window allows the limit, 10, minus the one just sent.
        for _ in 0..9 {
            let admitted = admit(&gate, ROUTE, MINUTE, &announced).expect("admitted");
            assert!(admitted.waited < Duration::from_millis(50));
        }
    }

    #[test]
    fn an_answer_from_a_window_already_over_changes_nothing() {
        let gate = RouteGate::default();
        let sent = admit(&gate, ROUTE, MINUTE, &Default::default()).expect("admitted");
        sent.observe(news(9, MINUTE));
        // A late answer of the window before: its reset is earlier.
        sent.observe(news(0, Duration::from_secs(5)));
        drop(sent);
        let admitted = admit(&gate, ROUTE, Duration::from_secs(1), &Default::default());
        assert!(admitted.is_ok(), "{admitted:?}");
    }

    #[test]
    fn without_headers_nothing_is_held_back() {
        let gate = RouteGate::default();
        let admitted: Vec<_> = (0..100)
            .map(|_| admit(&gate, ROUTE, MINUTE, &Default::default()).expect("admitted"))
            .collect();
        assert!(
            admitted
                .iter()
                .all(|a| a.waited < Duration::from_millis(50))
        );
    }
}
