//! `rcctl integrations history` (docs/contract.md §3.7) against the fake
//! server's `integrations.history` (docs/server-api.md §3.4): paging, newest
//! first, the table, redaction of every token, and the incoming refusal.

use serde_json::{Value, json};

use crate::fake_rocketchat::{FakeRocketChat, Options, incoming_doc, outgoing_doc};
use crate::support::*;

const HOOK: &str = "oHistoryHook00001";
/// The fake's outgoing documents carry this token; entries repeat it.
const HOOK_TOKEN: &str = "outgoing-secret";

/// Entry `n` of `HOOK`, updated `n` minutes after a fixed start, in the
/// server's shape: the token in `data` and `httpCallData` too.
fn entry(n: usize) -> Value {
    let time = format!("2026-05-03T{:02}:{:02}:00.000Z", 10 + n / 60, n % 60);
    json!({
        "_id": format!("h{n:04}"), "integrationId": HOOK, "type": "outgoing-webhook",
        "step": "after-process-send-message", "event": "sendMessage",
        "_createdAt": time, "_updatedAt": time,
        "data": {"token": HOOK_TOKEN, "text": format!("message {n}")},
        "url": "https://hooks.example.com/in",
        "httpCallData": {"token": HOOK_TOKEN, "bot": false},
        "httpResult": "\"ok\"", "finished": true,
    })
}

fn fake_with(entries: Vec<Value>, options: Options) -> FakeRocketChat {
    FakeRocketChat::start(Options {
        docs: vec![
            outgoing_doc(HOOK, "Deploys"),
            incoming_doc(INCOMING_ID, "ci"),
        ],
        history: entries,
        ..options
    })
}

fn ids_in(run: &Run) -> Vec<String> {
    serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap_or_else(|err| panic!("{err}: {run:#?}"))
        .iter()
        .map(|entry| entry["_id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn history_pages_newest_first_up_to_the_limit() {
    let env = TestEnv::new();
    let fake = fake_with((0..130).map(entry).collect(), Options::default());
    let newest_first = |count: usize| -> Vec<String> {
        (0..130)
            .rev()
            .take(count)
            .map(|n| format!("h{n:04}"))
            .collect()
    };

    let default = run(env
        .ci_against(&fake)
        .args(["integrations", "history", "--json", HOOK]));
    assert_eq!(default.code, 0, "{default:#?}");
    assert_eq!(ids_in(&default), newest_first(50), "default --limit 50");
    assert_eq!(fake.requests("integrations.history"), 1);

    let paged = run(env.ci_against(&fake).args([
        "integrations",
        "history",
        "--json",
        "--limit",
        "120",
        HOOK,
    ]));
    assert_eq!(ids_in(&paged), newest_first(120));
    assert_eq!(fake.requests("integrations.history"), 1 + 2, "100, then 20");

    let everything = run(env.ci_against(&fake).args([
        "integrations",
        "history",
        "--json",
        "--limit",
        "1000",
        HOOK,
    ]));
    assert_eq!(ids_in(&everything), newest_first(130));
    assert_eq!(
        fake.requests("integrations.history"),
        3 + 2,
        "stops at the total"
    );
}

#[test]
fn every_token_in_an_entry_is_redacted_unless_show_secrets() {
    let env = TestEnv::new();
    let fake = fake_with(vec![entry(1)], Options::default());

    let redacted = run(env
        .ci_against(&fake)
        .args(["integrations", "history", "--json", HOOK]));
    let shown = run(env.ci_against(&fake).args([
        "integrations",
        "history",
        "--json",
        "--show-secrets",
        HOOK,
    ]));
    let table = run(env
        .ci_against(&fake)
        .args(["integrations", "history", HOOK]));

    assert_eq!(redacted.code, 0, "{redacted:#?}");
    assert_no_secrets(&redacted, &[HOOK_TOKEN]);
    assert_no_secrets(&table, &[HOOK_TOKEN]);
    let entry = &redacted.json_lines()[0][0];
    for token in [
        &entry["integration"]["token"],
        &entry["data"]["token"],
        &entry["httpCallData"]["token"],
    ] {
        assert_eq!(token, "[redacted]", "{entry}");
    }
    assert_eq!(
        entry["data"]["text"], "message 1",
        "the rest as the server sent it"
    );
    let entry = &shown.json_lines()[0][0];
    assert_eq!(entry["integration"]["token"], HOOK_TOKEN);
    assert_eq!(entry["httpCallData"]["token"], HOOK_TOKEN);
}

#[test]
fn history_table_shows_outcome_status_and_the_first_line_of_the_error() {
    let env = TestEnv::new();
    let failed = json!({
        "_id": "h9999", "integrationId": HOOK, "type": "outgoing-webhook",
        "step": "after-process-http-status-500", "event": "sendMessage",
        "_createdAt": "2026-05-04T08:30:15.000Z", "_updatedAt": "2026-05-04T08:30:16.000Z",
        "url": "https://hooks.example.com/in", "error": true,
        "errorStack": "\n  Error: upstream exploded\n    at handler (x.js:1:1)",
    });
    let fake = fake_with(vec![entry(1), failed], Options::default());

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "history", HOOK]));

    assert_eq!(run.code, 0, "{run:#?}");
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    for header in [
        "TIME (UTC)",
        "EVENT",
        "STEP",
        "OUTCOME",
        "URL",
        "HTTP",
        "ERROR",
    ] {
        assert!(lines[0].contains(header), "{header}: {}", lines[0]);
    }
    let newest: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(
        newest,
        [
            "2026-05-04",
            "08:30:15",
            "sendMessage",
            "after-process-http-status-500",
            "error",
            "https://hooks.example.com/in",
            "500",
            "Error:",
            "upstream",
            "exploded",
        ]
    );
    assert!(lines[2].starts_with("2026-05-03 10:01:00"), "{}", lines[2]);
    assert!(lines[2].contains(" ok "), "{}", lines[2]);
}

/// docs/contract.md §3.7: the error message is the first line of
/// `errorStack`, "or `httpError`". A fetch that failed with no retry
/// configured records `httpError` and `error: true`, and no `errorStack`
/// (docs/server-api.md §3.4).
#[test]
fn a_failed_fetch_shows_error_and_the_http_error_message() {
    let env = TestEnv::new();
    let refused = json!({
        "_id": "h8888", "integrationId": HOOK, "type": "outgoing-webhook",
        "step": "failed-and-not-configured-to-retry", "event": "sendMessage",
        "_createdAt": "2026-05-04T09:00:00.000Z", "_updatedAt": "2026-05-04T09:00:01.000Z",
        "url": "https://hooks.example.com/in", "error": true,
        "httpError": {"message": "connect ECONNREFUSED 10.0.0.9:443", "code": "ECONNREFUSED"},
        "httpResult": "null",
    });
    let fake = fake_with(vec![entry(1), refused], Options::default());

    let table = run(env
        .ci_against(&fake)
        .args(["integrations", "history", HOOK]));
    let json = run(env
        .ci_against(&fake)
        .args(["integrations", "history", "--json", HOOK]));

    assert_eq!(table.code, 0, "{table:#?}");
    let lines = table.stdout_lines();
    assert_eq!(lines.len(), 3, "{}", table.stdout);
    let newest: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(
        newest,
        [
            "2026-05-04",
            "09:00:00",
            "sendMessage",
            "failed-and-not-configured-to-retry",
            "error",
            "https://hooks.example.com/in",
            "connect",
            "ECONNREFUSED",
            "10.0.0.9:443",
        ],
        "{}",
        lines[1]
    );
    assert_eq!(json.code, 0, "{json:#?}");
    let entry = &json.json_lines()[0][0];
    assert_eq!(entry["_id"], "h8888");
    assert_eq!(
        entry["httpError"]["message"], "connect ECONNREFUSED 10.0.0.9:443",
        "as the server sent it"
    );
}

#[test]
fn an_incoming_webhook_has_no_history_exit_2() {
    let env = TestEnv::new();
    let fake = fake_with(vec![], Options::default());

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "history", INCOMING_ID]));

    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(
        run.stderr,
        format!(
            "error: integration {INCOMING_ID} is an incoming webhook, and incoming webhooks \
             have no history: Rocket.Chat records deliveries only for outgoing webhooks\n"
        )
    );
    assert_eq!(fake.requests("integrations.get"), 1, "read first");
    assert_eq!(fake.requests("integrations.history"), 0);
}

#[test]
fn an_unknown_id_is_not_found_rather_than_an_empty_history() {
    let env = TestEnv::new();
    let fake = fake_with(vec![], Options::default());

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "history", "noSuchHook000000"]));

    assert_eq!(run.code, 6, "{run:#?}");
    assert_eq!(fake.requests("integrations.history"), 0);
}

#[test]
fn no_deliveries_is_an_empty_array_or_a_note() {
    let env = TestEnv::new();
    let fake = fake_with(vec![], Options::default());

    let json = run(env
        .ci_against(&fake)
        .args(["integrations", "history", "--json", HOOK]));
    let people = run(env
        .ci_against(&fake)
        .args(["integrations", "history", HOOK]));

    assert_eq!(json.stdout, "[]\n");
    assert_eq!(people.code, 0);
    assert_eq!(people.stdout, "");
    assert!(
        people
            .stderr
            .starts_with(&format!("no deliveries recorded for integration {HOOK}")),
        "{}",
        people.stderr
    );
}

#[test]
fn a_403_names_the_outgoing_permission_in_every_band() {
    for version in [(6, 14), (7, 6), (8, 1)] {
        let env = TestEnv::new();
        let fake = fake_with(
            vec![entry(1)],
            Options {
                version,
                history_forbidden: true,
                ..Options::default()
            },
        );

        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "history", HOOK]));

        assert_eq!(run.code, 5, "{version:?}: {run:#?}");
        assert!(
            run.stderr.starts_with(&format!(
                "error: cannot read the history of integration {HOOK} on {}: permission denied",
                fake.url()
            )),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("hint: webhook-outgoing integrations need the permission manage-outgoing-integrations"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_limit_of_zero_is_a_usage_error() {
    let env = TestEnv::new();
    let run = run(env
        .ci()
        .args(["integrations", "history", "--limit", "0", HOOK]));
    assert_eq!(run.code, 2, "{run:#?}");
}
