//! What the tests of integrations as code (docs/contract.md §7) share: a
//! stateful fake Rocket.Chat holding an outgoing and an incoming webhook
//! (each with a script), rcctl pointed at it, and the count of writes the
//! server received.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::fake_rocketchat::{FakeRocketChat, Options};
use crate::support::*;

pub const GUGGY_ID: &str = "oNLthAt9RwMw39N2B";
pub const GUGGY_TOKEN: &str = "guggy-outgoing-token";
pub const GUGGY_SCRIPT: &str =
    "class Script {\n  prepare_outgoing_request({ request }) {\n\treturn request;\n  }\n}\n";
pub const CI_ID: &str = "659ea5b72dd9f928ada3e43e";
pub const CI_TOKEN: &str = "ciIncomingTokenciIncomingTokenciIncomingToken123";
pub const CI_SCRIPT: &str = "class Script {\n  process_incoming_request({ request }) {\n    return { content: { text: request.content.text } };\n  }\n}\n";

/// An 8.x server (band F) and a 6.x one (band C) that still takes every field.
pub const V8: (u32, u32) = (8, 0);
pub const V6: (u32, u32) = (6, 14);

/// The outgoing webhook, as a server stores it.
pub fn guggy() -> Value {
    json!({
        "_id": GUGGY_ID, "type": "webhook-outgoing", "name": "Guggy", "enabled": true,
        "username": "rocket.cat", "userId": "rocket.cat", "channel": ["#general"],
        "event": "sendMessage", "urls": ["https://guggy.example.com/hook"],
        "triggerWords": ["!guggy"], "token": GUGGY_TOKEN, "scriptEnabled": true,
        "script": GUGGY_SCRIPT, "scriptCompiled": "compiled", "scriptEngine": "isolated-vm",
        "retryFailedCalls": true, "retryCount": 6, "retryDelay": "powers-of-ten",
        "_createdAt": "2017-01-05T17:06:05.660Z",
        "_createdBy": {"_id": "u1", "username": "admin"},
        "_updatedAt": "2017-01-05T17:06:05.660Z",
    })
}

/// The incoming webhook, as a server stores it.
pub fn ci_notices() -> Value {
    json!({
        "_id": CI_ID, "type": "webhook-incoming", "name": "CI notices", "enabled": true,
        "username": "rocket.cat", "userId": "rocket.cat", "channel": ["#ops", "@bob"],
        "token": CI_TOKEN, "scriptEnabled": true, "script": CI_SCRIPT,
        "alias": "CI", "emoji": ":robot:", "overrideDestinationChannelEnabled": false,
        "scriptEngine": "isolated-vm",
        "_createdAt": "2024-01-10T14:12:07.739Z",
        "_createdBy": {"_id": "u1", "username": "admin"},
        "_updatedAt": "2024-01-10T14:12:07.739Z",
    })
}

/// A server of release `version` holding `docs`.
pub fn server(version: (u32, u32), docs: Vec<Value>) -> FakeRocketChat {
    FakeRocketChat::start(Options {
        docs,
        version,
        ..Options::default()
    })
}

/// A server of release `version` holding both webhooks.
pub fn populated(version: (u32, u32)) -> FakeRocketChat {
    server(version, vec![guggy(), ci_notices()])
}

/// rcctl in CI mode against `fake`, with Guggy's token variable set.
pub fn against_with_token(env: &TestEnv, fake: &FakeRocketChat) -> Command {
    let mut command = env.ci_against(fake);
    command.env("RCCTL_TOKEN_GUGGY", GUGGY_TOKEN);
    command
}

/// Requests that change the server: creates, updates, removals.
pub fn writes(fake: &FakeRocketChat) -> usize {
    [
        "integrations.create",
        "integrations.update",
        "integrations.remove",
    ]
    .iter()
    .map(|route| fake.requests(route))
    .sum()
}

/// The export directory of a test.
pub fn exported(env: &TestEnv) -> PathBuf {
    env.dir.path().join("integrations")
}

/// `export --dir` of every integration on `fake`, which must succeed.
pub fn export_from(env: &TestEnv, fake: &FakeRocketChat) -> PathBuf {
    let dir = exported(env);
    let run = run(against_with_token(env, fake).args([
        "integrations",
        "export",
        "--dir",
        dir.to_str().unwrap(),
    ]));
    assert_eq!(run.code, 0, "{run:#?}");
    dir
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The last line of a run's stdout: a plan's count.
pub fn summary(run: &Run) -> &str {
    run.stdout.lines().last().unwrap_or_default()
}

/// Replaces `from` (which must be there) with `to` in the file at `path`.
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// A whole outgoing webhook's file named like CI notices, pinned to `id`.
pub fn outgoing_pinned_to(id: &str, token: &str) -> String {
    format!(
        "_id = \"{id}\"\ntype = \"webhook-outgoing\"\nname = \"CI notices\"\nenabled = true\n\
         username = \"rocket.cat\"\nchannel = [\"#ops\"]\nevent = \"sendMessage\"\n\
         urls = [\"https://x.example.com\"]\nscriptEnabled = false\ntoken = \"{token}\"\n"
    )
}
