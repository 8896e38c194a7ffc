//! Rocket.Chat's rate limiter, seen from the client (docs/server-api.md §1.6).
//!
//! The server allows N calls per window per route and client IP (10 per 60 s by
//! default). [`RouteGate`] remembers, per route, until when requests must wait:
//! set when a 429 names a reset time, or earlier, when a success says
//! `X-RateLimit-Remaining: 0`. Every worker of a `--parallel` batch goes through
//! the same gate, so one 429 pauses them all instead of each burning retries.

use std::collections::HashMap;
use std::sync::Mutex;
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

    /// Sleeps while `route` is paused; returns how long it slept.
    pub fn wait(&self, route: &'static str) -> Duration {
        let started = Instant::now();
        loop {
            let until = self
                .paused_until
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .get(route)
                .copied();
            match until {
                // Another thread may extend the pause while this one sleeps: check again.
                Some(until) if until > Instant::now() => std::thread::sleep(until - Instant::now()),
                _ => return started.elapsed(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_pause_wins_and_a_shorter_one_is_ignored() {
        let gate = RouteGate::default();
        assert!(gate.pause("integrations.remove", Duration::from_millis(80)));
        assert!(!gate.pause("integrations.remove", Duration::from_millis(10)));
        let slept = gate.wait("integrations.remove");
        assert!(slept >= Duration::from_millis(70), "{slept:?}");
    }

    #[test]
    fn routes_are_paused_separately() {
        let gate = RouteGate::default();
        gate.pause("integrations.remove", Duration::from_secs(60));
        assert!(gate.wait("integrations.get") < Duration::from_millis(50));
    }
}
