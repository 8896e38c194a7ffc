//! The credentials and fixture values shared by the integration tests and the
//! benchmark (`benches/cli.rs`), defined once. Each includer declares this file
//! as `mod constants` at its crate root; `fake_rocketchat.rs` reads it from there.

#![allow(dead_code)] // each includer uses a different part

/// The user ID and auth token every mock and fake server expects: those the
/// login fixtures hand out (`login-ok-*.json`; `me.json` is this user).
pub const USER_ID: &str = "aobEdbYhXfu5hkeqG";
pub const TOKEN: &str = "9HqLlyZOugoStsXCUfD_0YdwnNnunAJF8V47U3QHXSq";

/// The IDs of the fixture documents `integration-outgoing.json` and
/// `integration-incoming.json`.
pub const OUTGOING_ID: &str = "oNLthAt9RwMw39N2B";
pub const INCOMING_ID: &str = "659ea5b72dd9f928ada3e43e";

/// The webhook tokens inside those fixture documents. The outgoing one is the
/// same string as `USER_ID`: both come from the Rocket.Chat documentation.
pub const OUTGOING_TOKEN: &str = "aobEdbYhXfu5hkeqG";
pub const INCOMING_TOKEN: &str = "XuHp73MccmCvJ9m3fKdQK6HKW9tjhBcbTKKHCSSLsv7qn4fk";
