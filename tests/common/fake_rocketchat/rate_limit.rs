//! Rocket.Chat's rate limiter (docs/server-api.md §1.6): a number of calls per
//! window, per route; every checked answer carries `X-RateLimit-*` headers,
//! and a call over the limit gets 429 with the reset in epoch milliseconds.

use std::sync::atomic::Ordering;
use std::time::Instant;

use serde_json::json;

use super::wire::{Response, json_response};
use super::{State, epoch_ms, lock};

#[derive(Default)]
pub(super) struct Window {
    started: Option<Instant>,
    started_epoch_ms: u128,
    calls: usize,
    /// Windows this route has had so far, this one included.
    pub(super) count: usize,
}

/// Counts a call to `route`: the headers for its answer, or the 429 to send instead.
pub(super) fn check(state: &State, route: &str) -> Result<Vec<(String, String)>, Response> {
    let Some((limit, window)) = state.options.rate_limit else {
        return Ok(Vec::new());
    };
    let mut windows = lock(&state.windows);
    let current = windows.entry(route.to_owned()).or_default();
    if current
        .started
        .is_none_or(|started| started.elapsed() >= window)
    {
        *current = Window {
            started: Some(Instant::now()),
            started_epoch_ms: epoch_ms(),
            calls: 0,
            count: current.count + 1,
        };
    }
    current.calls += 1;
    let reset = current.started_epoch_ms + window.as_millis();
    if current.calls > limit {
        state.too_many.fetch_add(1, Ordering::SeqCst);
        let seconds = reset.saturating_sub(epoch_ms()).div_ceil(1000);
        let mut response = json_response(
            429,
            json!({"success": false, "error": format!("Error, too many requests. Please slow down. You must wait {seconds} seconds before trying this endpoint again. [error-too-many-requests]")}),
        );
        response.headers = vec![
            ("x-ratelimit-limit".into(), limit.to_string()),
            ("x-ratelimit-remaining".into(), "0".into()),
            ("x-ratelimit-reset".into(), reset.to_string()),
        ];
        return Err(response);
    }
    Ok(vec![
        ("x-ratelimit-limit".into(), limit.to_string()),
        (
            "x-ratelimit-remaining".into(),
            (limit - current.calls).to_string(),
        ),
        ("x-ratelimit-reset".into(), reset.to_string()),
    ])
}
