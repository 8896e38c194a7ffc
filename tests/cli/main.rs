//! rcctl's integration tests: the real binary against mockito servers that answer
//! like Rocket.Chat (bodies from `tests/fixtures/`, copied from docs/server-api.md).
//! One test binary, so the crate is linked once.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

mod architecture;
mod auth;
mod backups;
mod completions;
mod config;
#[path = "../common/constants.rs"]
mod constants;
mod errors;
#[path = "../common/fake_rocketchat/mod.rs"]
mod fake_rocketchat;
mod faults;
mod get_list;
mod hostile;
mod output;
mod remove;
mod resilience;
mod secrets;
mod support;
#[cfg(unix)]
mod terminal;
