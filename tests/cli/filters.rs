//! FILTERS (docs/contract.md §3.3), each alone and combined, through the real
//! binary against the fake server, which (like a server before 7.0) filters
//! nothing itself: every filter is applied by rcctl.

use serde_json::{Value, json};

use crate::fake_rocketchat::{FakeRocketChat, Options, incoming_doc, outgoing_doc, with_fields};
use crate::support::*;

/// Four integrations that differ in every filtered field.
pub fn varied_docs() -> Vec<Value> {
    vec![
        with_fields(
            outgoing_doc("aDeployBot", "Deploy Bot"),
            json!({"_createdAt": "2024-01-10T14:12:07.739Z", "channel": ["#general"]}),
        ),
        with_fields(
            outgoing_doc("bAlerts", "Alerts"),
            json!({
                "enabled": false, "event": "roomJoined", "channel": ["#ops"],
                "_createdAt": days_ago(1), "_createdBy": {"_id": "u2", "username": "bob"},
            }),
        ),
        with_fields(
            incoming_doc("cCiDeploy", "CI deploy"),
            json!({
                "channel": ["@alice"], "_createdAt": "2023-05-01T00:00:00.000Z",
                "_createdBy": {"_id": "u2", "username": "bob"},
            }),
        ),
        with_fields(
            incoming_doc("dOldHook", "Old hook"),
            json!({"enabled": false, "_createdAt": days_ago(2), "_createdBy": null}),
        ),
    ]
}

fn listed(env: &TestEnv, fake: &FakeRocketChat, filters: &[&str]) -> Vec<String> {
    let run = run(env
        .ci_against(fake)
        .args(["integrations", "list", "--json"])
        .args(filters));
    assert_eq!(run.code, 0, "{filters:?}: {run:#?}");
    serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap()
        .iter()
        .map(|doc| doc["_id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn each_filter_alone_keeps_what_it_names() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: varied_docs(),
        ..Options::default()
    });
    let all = ["aDeployBot", "bAlerts", "cCiDeploy", "dOldHook"];
    for (filters, expected) in [
        (&[][..], &all[..]),
        (&["-t", "incoming"], &["cCiDeploy", "dOldHook"]),
        (&["--type", "webhook-outgoing"], &["aDeployBot", "bAlerts"]),
        (&["--name", "DEPLOY"], &["aDeployBot", "cCiDeploy"]),
        (&["--enabled"], &["aDeployBot", "cCiDeploy"]),
        (&["--disabled"], &["bAlerts", "dOldHook"]),
        (&["--created-by", "bob"], &["bAlerts", "cCiDeploy"]),
        (&["--created-by", "Bob"], &[]),
        (&["--channel", "general"], &["aDeployBot", "dOldHook"]),
        (&["--channel", "#general"], &["aDeployBot", "dOldHook"]),
        (&["--channel", "@alice"], &["cCiDeploy"]),
        (&["--channel", "alice"], &["cCiDeploy"]),
        (&["--event", "roomJoined"], &["bAlerts"]),
        (&["--event", "sendMessage"], &["aDeployBot"]),
        (&["--older-than", "30d"], &["aDeployBot", "cCiDeploy"]),
        (&["--older-than", "12h"], &all[..]),
    ] {
        assert_eq!(listed(&env, &fake, filters), expected, "{filters:?}");
    }
}

#[test]
fn filters_combine_and_all_must_hold() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: varied_docs(),
        ..Options::default()
    });
    for (filters, expected) in [
        (&["-t", "outgoing", "--disabled"][..], &["bAlerts"][..]),
        (
            &["--created-by", "bob", "--older-than", "30d"],
            &["cCiDeploy"],
        ),
        (
            &[
                "--channel",
                "general",
                "--enabled",
                "--event",
                "sendMessage",
            ],
            &["aDeployBot"],
        ),
        (&["--name", "deploy", "--disabled"], &[]),
        (&["-t", "incoming", "--event", "sendMessage"], &[]),
    ] {
        assert_eq!(listed(&env, &fake, filters), expected, "{filters:?}");
    }
}

#[test]
fn bad_filter_values_are_usage_errors_before_any_request() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options::default());
    for (filters, named) in [
        (&["--older-than", "soon"][..], "not a duration such as 90d"),
        (&["--event", "sendmessage"], "sendMessage"),
        (&["--enabled", "--disabled"], "--disabled"),
    ] {
        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "list"])
            .args(filters));
        assert_eq!(run.code, 2, "{filters:?}: {run:#?}");
        assert!(run.stderr.contains(named), "{filters:?}: {}", run.stderr);
    }
    assert_eq!(fake.requests("integrations.list"), 0);
}

/// docs/contract.md §3.3: `--channel` with the `#` or `@` prefix "optional on
/// both sides"; `--event` keeps only outgoing integrations; `--older-than`
/// takes weeks.
#[test]
fn channel_prefix_event_type_and_weeks() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![
            // Stored without the `#`.
            with_fields(
                outgoing_doc("aBare", "Bare channel"),
                json!({"channel": ["general"], "_createdAt": days_ago(10)}),
            ),
            with_fields(
                outgoing_doc("bOps", "Ops"),
                json!({"channel": ["#ops"], "_createdAt": days_ago(3)}),
            ),
            // An incoming webhook that carries an `event` field all the same.
            with_fields(
                incoming_doc("cIncomingEvent", "Incoming with event"),
                json!({"channel": ["#ops"], "event": "sendMessage", "_createdAt": days_ago(20)}),
            ),
        ],
        ..Options::default()
    });
    for (filters, expected) in [
        (&["--channel", "#general"][..], &["aBare"][..]),
        (&["--channel", "general"], &["aBare"]),
        (&["--channel", "@general"], &["aBare"]),
        (&["--channel", "ops"], &["bOps", "cIncomingEvent"]),
        (&["--event", "sendMessage"], &["aBare", "bOps"]),
        (&["--older-than", "1w"], &["aBare", "cIncomingEvent"]),
        (&["--older-than", "2w"], &["cIncomingEvent"]),
        (&["--older-than", "3w"], &[]),
    ] {
        assert_eq!(listed(&env, &fake, filters), expected, "{filters:?}");
    }
}
