//! Rocket.Chat's rate limiter, seen from the client (docs/server-api.md §1.6).
//!
//! The server allows N calls per window per route and client IP (10 per 60 s by
//! default). [`RouteGate`] remembers, per route, until when requests must wait:
//! set when a 429 names a reset time, or earlier, when a success says
//! `X-RateLimit-Remaining: 0`. Every worker of a `--parallel` batch goes through
//! the same gate, so one 429 pauses them all instead of each burning retries.
//!
//! A pause is never longer than `--max-wait` allows (docs/contract.md §6.1): a
//! longer one is refused at once instead of slept. Ctrl-C ends any pause at
//! once: the sleep is cut in short slices that look at the interrupt flag.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
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

/// Per-route pause shared by every thread using one client.
#[derive(Debug, Default)]
pub struct RouteGate {
    paused_until: Mutex<HashMap<&'static str, Instant>>,
}

impl RouteGate {
    /// Pauses `route` for `delay` from now, unless it is paused longer already.
    /// Returns whether this call extended the pause (so only one thread announces it).
    pub fn pause(&self, route: &'static str, delay: Duration) -> bool {
        let until = Instant::now() + delay;
        let mut paused = self
            .paused_until
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match paused.get(route) {
            Some(existing) if *existing >= until => false,
            _ => {
                paused.insert(route, until);
                true
            }
        }
    }

    /// How much of the pause on `route` is still to go.
    pub fn remaining(&self, route: &'static str) -> Duration {
        self.paused_until
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(route)
            .map_or(Duration::ZERO, |until| {
                until.saturating_duration_since(Instant::now())
            })
    }

    /// Sleeps while `route` is paused, for at most `allowed`; returns how long
    /// it slept. A pause longer than `allowed` is refused before any sleep.
    pub fn wait(
        &self,
        route: &'static str,
        allowed: Duration,
        interrupted: &AtomicBool,
    ) -> Result<Duration, WaitRefused> {
        let started = Instant::now();
        loop {
            // Another thread may extend the pause while this one sleeps: check again.
            let remaining = self.remaining(route);
            if remaining.is_zero() {
                return Ok(started.elapsed());
            }
            if started.elapsed() + remaining > allowed {
                return Err(WaitRefused::TooLong(remaining));
            }
            if !sleep_unless_interrupted(remaining, interrupted) {
                return Err(WaitRefused::Interrupted);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: Duration = Duration::from_secs(60);

    fn not_interrupted() -> AtomicBool {
        AtomicBool::new(false)
    }

    #[test]
    fn a_longer_pause_wins_and_a_shorter_one_is_ignored() {
        let gate = RouteGate::default();
        assert!(gate.pause("integrations.remove", Duration::from_millis(80)));
        assert!(!gate.pause("integrations.remove", Duration::from_millis(10)));
        let slept = gate
            .wait("integrations.remove", MINUTE, &not_interrupted())
            .expect("waited");
        assert!(slept >= Duration::from_millis(70), "{slept:?}");
    }

    #[test]
    fn routes_are_paused_separately() {
        let gate = RouteGate::default();
        gate.pause("integrations.remove", MINUTE);
        let slept = gate.wait("integrations.get", MINUTE, &not_interrupted());
        assert!(slept.expect("no pause") < Duration::from_millis(50));
    }

    #[test]
    fn a_pause_longer_than_allowed_is_refused_without_sleeping() {
        let gate = RouteGate::default();
        gate.pause("integrations.remove", Duration::from_secs(600));
        let started = Instant::now();
        let refused = gate.wait(
            "integrations.remove",
            Duration::from_secs(2),
            &not_interrupted(),
        );
        assert!(
            matches!(refused, Err(WaitRefused::TooLong(left)) if left > MINUTE),
            "{refused:?}"
        );
        assert!(started.elapsed() < Duration::from_millis(50));
    }

    #[test]
    fn an_interrupt_ends_a_wait_at_once() {
        let gate = RouteGate::default();
        gate.pause("integrations.remove", Duration::from_secs(30));
        let interrupted = AtomicBool::new(false);
        let started = Instant::now();
        let waited = std::thread::scope(|scope| {
            scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(100));
                interrupted.store(true, Ordering::SeqCst);
            });
            gate.wait("integrations.remove", MINUTE, &interrupted)
        });
        assert_eq!(waited, Err(WaitRefused::Interrupted));
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
    }
}
