//! rcctl's integration tests: the real binary against mockito servers that answer
//! like Rocket.Chat (bodies from `tests/fixtures/`, copied from docs/server-api.md).
//! One test binary, so the crate is linked once.

// Test code: a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]

mod apply;
mod architecture;
mod auth;
mod backups;
mod completions;
mod config;
#[path = "../common/constants.rs"]
mod constants;
mod doctor;
mod errors;
mod export;
#[path = "../common/fake_rocketchat/mod.rs"]
mod fake_rocketchat;
mod faults;
mod filters;
mod get_list;
mod help;
mod history;
mod hostile;
mod iac;
mod man;
mod output;
mod paging;
mod plan;
#[cfg(unix)]
mod progress;
#[cfg(unix)]
mod prompts;
mod protected;
mod remove;
mod remove_by_filter;
mod resilience;
mod restore_faults;
mod secrets;
mod support;
mod tables;
#[cfg(unix)]
mod terminal;
mod update_faults;
