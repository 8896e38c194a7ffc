//! `rcctl integrations doctor` (docs/contract.md §3.8) against the fake
//! server: every finding triggered by a seeded integration and absent on a
//! healthy one, users looked up once each, a forbidden history skipped with
//! one warning, the rate limiter respected, and nothing but GETs sent.

use std::collections::BTreeSet;
use std::time::Duration;

use mockito::Matcher;
use serde_json::{Value, json};

use crate::fake_rocketchat::users::user;
use crate::fake_rocketchat::{FakeRocketChat, Options, incoming_doc, outgoing_doc, with_fields};
use crate::support::*;

/// An outgoing integration that is fine in every way, plus `fields`: recent,
/// posting as and created by active users, over HTTPS, its script on
/// isolated-vm.
fn outgoing(id: &str, fields: Value) -> Value {
    let healthy = with_fields(
        outgoing_doc(id, id),
        json!({"scriptEnabled": true, "scriptEngine": "isolated-vm", "_createdAt": days_ago(3)}),
    );
    with_fields(healthy, fields)
}

fn users() -> Vec<Value> {
    vec![
        user("rc1", "rocket.cat", true),
        user("u1", "admin", true),
        user("u3", "former.staff", false),
    ]
}

/// A delivery of `id`, `days` days ago, failed or not.
fn delivery(id: &str, n: usize, days: u64, failed: bool) -> Value {
    let mut entry = json!({
        "_id": format!("{id}-{n}"), "integrationId": id, "type": "outgoing-webhook",
        "event": "sendMessage", "_createdAt": days_ago(days), "_updatedAt": days_ago(days),
        "step": "after-process-send-message", "finished": true,
    });
    if failed {
        entry = with_fields(
            entry,
            json!({"step": "after-http-call", "finished": null, "error": true,
                   "errorStack": "Error: getaddrinfo ENOTFOUND hooks.example.com\n  at x"}),
        );
    }
    entry
}

/// One integration per finding, each with that finding alone, and a healthy
/// one that is old but delivers (so it is not stale either).
fn seeded() -> Options {
    let docs = vec![
        outgoing("healthy", json!({"_createdAt": "2024-01-10T14:12:07.739Z"})),
        outgoing("postAsGone", json!({"username": "deleted.user"})),
        outgoing("postAsOff", json!({"username": "former.staff"})),
        outgoing(
            "scriptBroken",
            json!({"scriptError": {"name": "SyntaxError", "message": "Unexpected token (1:7)"}}),
        ),
        outgoing("legacyEngine", json!({"scriptEngine": null})),
        outgoing("failing", json!({})),
        outgoing(
            "plainHttp",
            json!({"urls": ["http://hooks.example.com/in"]}),
        ),
        outgoing(
            "leakyUrl",
            json!({"urls": ["https://hooks.example.com/in?token=hunter2"]}),
        ),
        outgoing("noCreator", json!({"_createdBy": null})),
        outgoing("stale", json!({"_createdAt": "2024-01-10T14:12:07.739Z"})),
        outgoing("disabled", json!({"enabled": false})),
        with_fields(
            incoming_doc("incomingOk", "incomingOk"),
            json!({"_createdAt": "2020-01-01T00:00:00.000Z"}),
        ),
    ];
    let mut history = vec![delivery("healthy", 0, 2, false)];
    history.extend((0..6).map(|n| delivery("failing", n, 1, true)));
    Options {
        docs,
        users: users(),
        history,
        ..Options::default()
    }
}

fn findings(run: &Run) -> BTreeSet<(String, String, String)> {
    serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap_or_else(|err| panic!("{err}: {run:#?}"))
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_owned();
            (text("_id"), text("finding"), text("severity"))
        })
        .collect()
}

fn set(items: &[(&str, &str, &str)]) -> BTreeSet<(String, String, String)> {
    items
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn every_finding_is_triggered_by_its_integration_and_absent_on_a_healthy_one() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(seeded());

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "doctor", "--json"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        findings(&run),
        set(&[
            ("postAsGone", "post-as-user-missing", "error"),
            ("postAsOff", "post-as-user-missing", "error"),
            ("scriptBroken", "script-error", "error"),
            ("legacyEngine", "legacy-script-engine", "error"),
            ("failing", "failing", "error"),
            ("plainHttp", "insecure-url", "warning"),
            ("leakyUrl", "secret-in-url", "warning"),
            ("noCreator", "creator-missing", "warning"),
            ("stale", "stale", "info"),
            ("disabled", "disabled", "info"),
        ])
    );
    let all: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let keys: Vec<&String> = all[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["_id", "name", "type", "finding", "severity", "detail"]
    );
    let severities: Vec<&str> = all
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert!(
        severities.is_sorted_by_key(|s| ["error", "warning", "info"].iter().position(|x| x == s))
    );
    let detail = |id: &str| {
        all.iter()
            .find(|f| f["_id"] == id)
            .map(|f| f["detail"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(
        detail("postAsGone"),
        "post-as user `deleted.user` does not exist"
    );
    assert_eq!(
        detail("postAsOff"),
        "post-as user `former.staff` is deactivated"
    );
    assert!(detail("failing").ends_with("Error: getaddrinfo ENOTFOUND hooks.example.com"));
    assert_eq!(
        detail("leakyUrl"),
        "https://hooks.example.com/in has query key `token`"
    );
    assert_no_secrets(
        &run,
        &["hunter2", "outgoing-secret", "incoming-secret-token"],
    );
    // rocket.cat, admin, deleted.user, former.staff: each looked up once.
    assert_eq!(fake.requests("users.info"), 4);
    // One history read per outgoing integration, and the version once.
    assert_eq!(fake.requests("integrations.history"), 11);
    assert_eq!(fake.requests("/api/info"), 1);
}

#[test]
fn people_get_a_table_and_a_summary_and_exit_code_gives_12() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(seeded());

    let plain = run(env.ci_against(&fake).args(["integrations", "doctor"]));
    let strict = run(env
        .ci_against(&fake)
        .args(["integrations", "doctor", "--exit-code"]));
    let strict_json =
        run(env
            .ci_against(&fake)
            .args(["integrations", "doctor", "--exit-code", "--json"]));

    assert_eq!(plain.code, 0, "{plain:#?}");
    let lines = plain.stdout_lines();
    for header in ["SEVERITY", "ID", "NAME", "TYPE", "FINDING", "DETAIL"] {
        assert!(lines[0].contains(header), "{header}: {}", lines[0]);
    }
    assert_eq!(lines.len(), 11, "{}", plain.stdout);
    assert!(lines[1].starts_with("error "), "worst first: {}", lines[1]);
    assert!(lines[10].starts_with("info "), "{}", lines[10]);
    assert_eq!(
        plain.stderr,
        "5 errors, 3 warnings, 2 info in 12 integrations\n"
    );
    assert_eq!(strict.code, 12, "{strict:#?}");
    assert_eq!(strict.stdout, plain.stdout);
    assert!(
        strict
            .stderr
            .ends_with("error: 5 error finding(s) (--exit-code)\n"),
        "{}",
        strict.stderr
    );
    assert_eq!(strict_json.code, 12);
    assert_eq!(strict_json.stderr_json()[0]["error"]["code"], "unhealthy");
}

#[test]
fn exit_code_is_0_without_error_findings() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(seeded());

    let run = run(env.ci_against(&fake).args([
        "integrations",
        "doctor",
        "--exit-code",
        "--name",
        "plainHttp",
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stderr, "0 errors, 1 warning, 0 info in 1 integration\n");
}

#[test]
fn filters_choose_what_is_checked() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(seeded());

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "doctor", "--json", "--disabled"]));

    assert_eq!(findings(&run), set(&[("disabled", "disabled", "info")]));
    assert_eq!(fake.requests("integrations.history"), 1);
}

#[test]
fn stale_follows_the_stale_days() {
    let env = TestEnv::new();
    let mut options = seeded();
    options.docs = vec![outgoing("quiet", json!({"_createdAt": days_ago(20)}))];
    let fake = FakeRocketChat::start(options);

    let default = run(env
        .ci_against(&fake)
        .args(["integrations", "doctor", "--json"]));
    let short =
        run(env
            .ci_against(&fake)
            .args(["integrations", "doctor", "--json", "--stale", "10"]));

    assert_eq!(findings(&default), set(&[]));
    assert_eq!(findings(&short), set(&[("quiet", "stale", "info")]));
}

#[test]
fn a_forbidden_history_skips_its_checks_with_one_warning() {
    for version in [(6, 14), (8, 1)] {
        let env = TestEnv::new();
        let fake = FakeRocketChat::start(Options {
            history_forbidden: true,
            version,
            ..seeded()
        });

        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "doctor", "--json"]));

        assert_eq!(run.code, 0, "{version:?}: {run:#?}");
        let found = findings(&run);
        assert!(
            !found
                .iter()
                .any(|(_, finding, _)| finding == "failing" || finding == "stale")
        );
        assert!(found.contains(&("disabled".into(), "disabled".into(), "info".into())));
        assert_eq!(
            run.stderr,
            format!(
                "warning: you may not read delivery histories on {} (that needs \
                 manage-outgoing-integrations or manage-own-outgoing-integrations); the failing \
                 and stale checks were skipped\n",
                fake.url()
            )
        );
        assert_eq!(
            fake.requests("integrations.history"),
            1,
            "asked once, not per integration"
        );
    }
}

#[test]
fn legacy_engine_is_checked_only_from_7_0() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        version: (6, 14),
        ..seeded()
    });

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "doctor", "--json"]));

    assert!(
        !findings(&run)
            .iter()
            .any(|(_, finding, _)| finding == "legacy-script-engine")
    );
}

#[test]
fn doctor_under_a_rate_limit_completes_and_looks_each_user_up_once() {
    let env = TestEnv::new();
    let posting_as = ["rocket.cat", "admin", "former.staff"];
    let docs: Vec<Value> = (0..6)
        .map(|n| outgoing(&format!("hook{n}"), json!({"username": posting_as[n % 3]})))
        .collect();
    let fake = FakeRocketChat::start(Options {
        docs,
        users: users(),
        // Two calls per route per window: a non-admin's limit, scaled down.
        rate_limit: Some((2, Duration::from_millis(300))),
        ..Options::default()
    });

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "doctor", "--json"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.requests("users.info"), 3);
    assert_eq!(fake.requests("integrations.history"), 6);
    assert_eq!(fake.too_many(), 0, "paced, never refused");
    assert_eq!(
        findings(&run),
        set(&[
            ("hook2", "post-as-user-missing", "error"),
            ("hook5", "post-as-user-missing", "error"),
        ])
    );
}

#[test]
fn doctor_sends_nothing_but_gets() {
    let mut env = TestEnv::new();
    let doc = with_fields(
        outgoing("oOnlyReads0000001", json!({})),
        json!({"enabled": false, "_createdBy": {"_id": "u1", "username": "admin"}}),
    );
    let ok = |body: Value| body.to_string();
    let mut gets = Vec::new();
    for (path, body) in [
        (
            "/api/v1/integrations.list",
            ok(
                json!({"integrations": [doc], "offset": 0, "items": 1, "count": 1, "total": 1, "success": true}),
            ),
        ),
        (
            "/api/v1/users.info",
            ok(json!({"user": user("u1", "admin", true), "success": true})),
        ),
        (
            "/api/v1/integrations.history",
            ok(
                json!({"history": [], "offset": 0, "items": 0, "count": 0, "total": 0, "success": true}),
            ),
        ),
        ("/api/info", ok(json!({"version": "7.6", "success": true}))),
    ] {
        gets.push(
            env.server
                .mock("GET", path)
                .match_query(Matcher::Any)
                .with_header("content-type", "application/json")
                .with_body(body)
                .expect_at_least(1)
                .create(),
        );
    }
    let writes: Vec<_> = ["POST", "PUT", "DELETE", "PATCH"]
        .into_iter()
        .map(|method| env.server.mock(method, Matcher::Any).expect(0).create())
        .collect();

    let run = run(env.ci().args(["integrations", "doctor", "--json"]));

    for mock in gets.iter().chain(&writes) {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        findings(&run),
        set(&[("oOnlyReads0000001", "disabled", "info")])
    );
}

/// docs/contract.md §3.8, each rule at its edge: vm2 named outright on 7.0
/// exactly; `http://` to this machine is not insecure, even with secret query
/// keys (which are); a creator who no longer exists; four failed deliveries
/// (five make `failing`); a disabled script's `scriptError` and `vm2` engine.
/// Exactly these findings and no others.
#[test]
fn each_rule_at_its_edge_gives_exactly_its_findings() {
    let env = TestEnv::new();
    let docs = vec![
        outgoing("vm2Engine", json!({"scriptEngine": "vm2"})),
        outgoing(
            "localHttp",
            json!({"urls": [
                "http://localhost:8080/hook",
                "http://127.0.0.1:9000/hook",
                "http://[::1]/hook",
            ]}),
        ),
        outgoing(
            "secretQuery",
            json!({"urls": [
                "http://localhost:8080/hook?room=ops&Password=hunter2&X-Auth-Token=abc123",
            ]}),
        ),
        outgoing(
            "creatorGone",
            json!({"_createdBy": {"_id": "u9", "username": "gone.creator"}}),
        ),
        outgoing("fourFailures", json!({})),
        outgoing(
            "disabledScript",
            json!({
                "scriptEnabled": false, "scriptEngine": "vm2",
                "scriptError": {"name": "SyntaxError", "message": "Unexpected token (1:7)"},
            }),
        ),
    ];
    let fake = FakeRocketChat::start(Options {
        docs,
        users: users(),
        history: (0..4)
            .map(|n| delivery("fourFailures", n, 1, true))
            .collect(),
        version: (7, 0),
        ..Options::default()
    });

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "doctor", "--json"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        findings(&run),
        set(&[
            ("vm2Engine", "legacy-script-engine", "error"),
            ("secretQuery", "secret-in-url", "warning"),
            ("creatorGone", "creator-missing", "warning"),
        ])
    );
    let all: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let detail = |id: &str| {
        all.iter()
            .find(|f| f["_id"] == id)
            .map(|f| f["detail"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(
        detail("secretQuery"),
        "http://localhost:8080/hook has query key `Password` and query key `X-Auth-Token`"
    );
    assert_eq!(
        detail("creatorGone"),
        "creator `gone.creator` does not exist"
    );
    assert!(
        detail("vm2Engine").starts_with("scriptEngine is vm2, and Rocket.Chat 7.0 runs"),
        "{}",
        detail("vm2Engine")
    );
    assert_no_secrets(&run, &["hunter2", "abc123"]);
    // rocket.cat, admin, gone.creator: each looked up once.
    assert_eq!(fake.requests("users.info"), 3);
    assert_eq!(fake.requests("integrations.history"), 6);
}
