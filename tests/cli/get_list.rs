//! `rcctl integrations get` and `rcctl integrations list`.

use mockito::Matcher;
use serde_json::{Value, json};

use crate::support::*;

#[test]
fn get_prints_one_compact_json_object() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = run(env
        .ci()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout_lines().len(), 1);
    let mut expected: Value = serde_json::from_str(&fixture("integration-outgoing.json")).unwrap();
    expected["integration"]["token"] = json!("[redacted]");
    // The document as the server sent it, keys in the same order.
    assert_eq!(
        run.stdout,
        format!(
            "{}\n",
            serde_json::to_string(&expected["integration"]).unwrap()
        )
    );
}

/// docs/contract.md §4.3: "One record under `ndjson` is the same line as
/// under `json`".
#[test]
fn get_as_ndjson_is_the_same_line_as_get_json() {
    let mut env = TestEnv::new();
    let get = env.mock_found_times(OUTGOING_ID, &fixture("integration-outgoing.json"), 2);

    let ndjson = run(env
        .ci()
        .args(["integrations", "get", "-o", "ndjson", OUTGOING_ID]));
    let json = run(env
        .ci()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    get.assert();
    assert_eq!((ndjson.code, json.code), (0, 0), "{ndjson:#?}");
    assert_eq!(ndjson.stdout_lines().len(), 1, "{}", ndjson.stdout);
    assert_eq!(ndjson.stdout, json.stdout);
    assert_eq!(ndjson.json_lines()[0]["_id"], OUTGOING_ID);
}

#[test]
fn get_prints_a_field_value_table_for_people() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 0);
    let lines = run.stdout_lines();
    let field = |name: &str| {
        lines
            .iter()
            .find(|line| line.starts_with(name))
            .map(|line| line[name.len()..].trim().to_owned())
            .unwrap_or_else(|| panic!("no {name} in\n{}", run.stdout))
    };
    assert_eq!(field("ID"), OUTGOING_ID);
    assert_eq!(field("Type"), "webhook-outgoing");
    assert_eq!(field("Name"), "Testing via REST API");
    assert_eq!(field("Enabled"), "no");
    assert_eq!(field("Channels"), "#general");
    assert_eq!(field("Post as"), "rocket.cat");
    assert_eq!(field("Created at"), "2017-01-06T13:42:14.143Z");
    assert_eq!(field("Created by"), "graywolf336");
    assert_eq!(field("Event"), "sendMessage");
    assert_eq!(field("URLs"), "http://text2gif.guggy.com/guggify");
    assert_eq!(field("Trigger words"), "!guggy");
    assert_eq!(field("Token"), "[redacted]");
    // docs/contract.md §4.2: "every field", the rest under their own names.
    assert_eq!(field("Script enabled"), "no");
    assert_eq!(field("Script engine"), "isolated-vm");
    assert_eq!(field("User id"), "rocket.cat");
    assert_eq!(field("Updated at"), "2017-01-06T13:42:14.144Z");
    assert_eq!(lines.len(), 16, "{}", run.stdout);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

/// Fields no column knows are shown too, in the server's order after the
/// known ones: lists joined, numbers and nested objects as JSON, a script by
/// its length, server text escaped, and the token still redacted.
#[test]
fn get_shows_fields_no_column_knows() {
    let mut env = TestEnv::new();
    let body = json!({
        "integration": {
            "_id": INCOMING_ID, "type": "webhook-incoming", "name": "Deploys",
            "enabled": true, "channel": ["#ops", "@bot"], "token": "incoming-secret",
            "alias": "Deploy\u{1b}[31mbot", "emoji": ":rocket:", "avatar": "",
            "scriptEnabled": true, "script": "class Script {\n  process_incoming_request() {}\n}\n",
            "retryCount": 6, "overrideDestinationChannelEnabled": null,
            "_createdBy": {"_id": "u1", "username": "admin"},
            "targets": [{"room": "ops"}],
        },
        "success": true,
    });
    let get = env.mock_found(INCOMING_ID, &body.to_string());

    let run = run(env.ci().args(["integrations", "get", INCOMING_ID]));

    get.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    let lines = run.stdout_lines();
    let field = |name: &str| {
        let prefix = format!("{name}  ");
        lines
            .iter()
            .find(|line| line.starts_with(&prefix) || line.trim_end() == name)
            .map(|line| line[name.len()..].trim().to_owned())
            .unwrap_or_else(|| panic!("no {name} in\n{}", run.stdout))
    };
    assert_eq!(field("Channels"), "#ops, @bot");
    assert_eq!(field("Token"), "[redacted]");
    assert_eq!(field("Alias"), "Deploy\\u{1b}[31mbot");
    assert_eq!(field("Emoji"), ":rocket:");
    assert_eq!(field("Avatar"), "");
    assert_eq!(field("Script enabled"), "yes");
    assert_eq!(field("Script"), "3 lines (-o json shows them)");
    assert_eq!(field("Retry count"), "6");
    assert_eq!(field("Override destination channel enabled"), "");
    assert_eq!(field("Targets"), r#"[{"room":"ops"}]"#);
    let labels: Vec<&str> = lines
        .iter()
        .map(|line| line.split("  ").next().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "ID",
            "Type",
            "Name",
            "Enabled",
            "Channels",
            "Post as",
            "Created at",
            "Created by",
            "Token",
            "Alias",
            "Emoji",
            "Avatar",
            "Script enabled",
            "Script",
            "Retry count",
            "Override destination channel enabled",
            "Targets"
        ]
    );
    assert!(!run.stdout.contains("incoming-secret"), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.stdout);
}

fn doc(id: &str, kind: &str, name: &str) -> Value {
    json!({
        "_id": id, "type": kind, "name": name, "enabled": true, "username": "rocket.cat",
        "channel": ["#general"], "token": format!("secret-{id}"),
        "_createdAt": "2024-01-10T14:12:07.739Z", "_createdBy": {"_id": "u1", "username": "admin"},
    })
}

fn page(docs: &[Value], offset: usize, total: usize) -> String {
    json!({
        "integrations": docs, "offset": offset, "items": docs.len(), "count": docs.len(),
        "total": total, "success": true,
    })
    .to_string()
}

fn list_mock(env: &mut TestEnv, offset: &str, extra: Vec<Matcher>, body: String) -> mockito::Mock {
    let mut query = vec![
        Matcher::UrlEncoded("offset".into(), offset.into()),
        Matcher::UrlEncoded("count".into(), "100".into()),
        Matcher::UrlEncoded("sort".into(), r#"{"_createdAt":1,"_id":1}"#.into()),
    ];
    query.extend(extra);
    env.server
        .mock("GET", "/api/v1/integrations.list")
        .match_query(Matcher::AllOf(query))
        .match_header("x-auth-token", TOKEN)
        .with_header("content-type", "application/json")
        .with_body(body)
        .create()
}

#[test]
fn list_reads_every_page_and_prints_one_json_array() {
    let mut env = TestEnv::new();
    let first: Vec<Value> = (0..100)
        .map(|i| {
            doc(
                &format!("id{i:03}"),
                "webhook-incoming",
                &format!("hook {i}"),
            )
        })
        .collect();
    let second: Vec<Value> = (100..130)
        .map(|i| {
            doc(
                &format!("id{i:03}"),
                "webhook-outgoing",
                &format!("hook {i}"),
            )
        })
        .collect();
    let page1 = list_mock(&mut env, "0", vec![], page(&first, 0, 130));
    let page2 = list_mock(&mut env, "100", vec![], page(&second, 100, 130));

    let run = run(env.ci().args(["integrations", "list", "--json"]));

    page1.assert();
    page2.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout_lines().len(), 1, "one array");
    let all: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(all.len(), 130);
    assert_eq!(all[129]["_id"], "id129");
    assert!(all.iter().all(|d| d["token"] == "[redacted]"));
}

#[test]
fn list_filters_on_the_client_when_the_server_ignores_them() {
    // A 6.x server ignores `type` and `name` and returns everything.
    let mut env = TestEnv::new();
    let docs = vec![
        doc("a1", "webhook-outgoing", "Deploy Bot"),
        doc("a2", "webhook-incoming", "deploy hook"),
        doc("a3", "webhook-outgoing", "Alerts"),
        doc("a4", "webhook-outgoing", "nightly DEPLOY"),
    ];
    let filters = vec![
        Matcher::UrlEncoded("type".into(), "webhook-outgoing".into()),
        Matcher::UrlEncoded("name".into(), "deploy".into()),
    ];
    let list = list_mock(&mut env, "0", filters, page(&docs, 0, 4));

    let run = run(env.ci().args([
        "integrations",
        "list",
        "--json",
        "-t",
        "outgoing",
        "--name",
        "deploy",
    ]));

    list.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    let ids: Vec<Value> = serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap()
        .iter()
        .map(|d| d["_id"].clone())
        .collect();
    assert_eq!(ids, ["a1", "a4"]);
}

#[test]
fn list_without_total_stops_at_a_short_page() {
    // Servers before 4.8 send no `count`; older ones may lack `total` too.
    let mut env = TestEnv::new();
    let body = json!({"integrations": [doc("o1", "webhook-outgoing", "old")], "offset": 0, "items": 1, "success": true});
    let list = list_mock(&mut env, "0", vec![], body.to_string());

    let run = run(env.ci().args(["integrations", "list", "--json"]));

    list.assert();
    assert_eq!(run.code, 0);
    assert_eq!(
        serde_json::from_str::<Vec<Value>>(&run.stdout)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn list_prints_a_row_per_integration_for_people() {
    let mut env = TestEnv::new();
    let docs = vec![
        doc("a1", "webhook-outgoing", "Deploy Bot"),
        doc("a2", "webhook-incoming", "deploy hook"),
    ];
    let list = list_mock(&mut env, "0", vec![], page(&docs, 0, 2));

    let run = run(env.ci().args(["integrations", "list", "-o", "wide"]));

    list.assert();
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    for column in [
        "ID",
        "TYPE",
        "NAME",
        "ENABLED",
        "CHANNELS",
        "POST AS",
        "CREATED AT",
        "CREATED BY",
        "EVENT",
        "URLS",
        "TRIGGER WORDS",
    ] {
        assert!(lines[0].contains(column), "{column} missing: {}", lines[0]);
    }
    assert!(
        lines[1].starts_with("a1") && lines[1].contains("Deploy Bot"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("a2") && lines[2].contains(" incoming "),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains(" 2024-01-10 14:12 "), "{}", lines[2]);
    assert!(!run.stdout.contains("secret-"), "tokens stay hidden");
}

#[test]
fn list_of_nothing_says_so_on_stderr() {
    let mut env = TestEnv::new();
    let list = list_mock(&mut env, "0", vec![], page(&[], 0, 0));
    let run = run(env.ci().args(["integrations", "list"]));
    list.assert();
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "no integrations found\n");
}

#[test]
fn list_json_of_nothing_is_an_empty_array() {
    let mut env = TestEnv::new();
    let list = list_mock(&mut env, "0", vec![], page(&[], 0, 0));
    let run = run(env.ci().args(["integrations", "list", "--json"]));
    list.assert();
    assert_eq!(run.stdout, "[]\n");
}

#[test]
fn list_errors_map_to_exit_codes() {
    let mut env = TestEnv::new();
    let list = env
        .server
        .mock("GET", "/api/v1/integrations.list")
        .match_query(Matcher::Any)
        .with_status(403)
        .with_header("content-type", "application/json")
        .with_body(fixture("403-band-c.json"))
        .create();
    let run = run(env.ci().args(["integrations", "list"]));
    list.assert();
    assert_eq!(run.code, 5);
    assert!(
        run.stderr.starts_with(&format!(
            "error: cannot list integrations on {}: permission denied",
            env.url()
        )),
        "{}",
        run.stderr
    );
}

/// A first page claiming a total no listing could hold is refused at once,
/// before a second request and before anything is set aside for the pages.
#[test]
fn list_refuses_a_server_claiming_a_vast_total_at_once() {
    let mut env = TestEnv::new();
    let docs: Vec<Value> = (0..100)
        .map(|i| doc(&format!("vast{i:013}"), "webhook-outgoing", "hook"))
        .collect();
    let first = list_mock(&mut env, "0", vec![], page(&docs, 0, 1_000_000_000_000_000));

    let started = std::time::Instant::now();
    let run = run(env.ci().args(["integrations", "list", "--json"]));

    first.assert();
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("over 10000 pages; rcctl does not read that many"),
        "{}",
        run.stderr
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// `-o id` of one integration escapes the ID the server sent, as every
/// other view of a server string does (docs/contract.md §4.2).
#[test]
fn get_o_id_escapes_the_id_the_server_sent() {
    let mut env = TestEnv::new();
    let body = json!({
        "integration": {"_id": "evil\u{1b}[2Jid", "type": "webhook-outgoing", "name": "x"},
        "success": true,
    });
    let get = env.mock_found(OUTGOING_ID, &body.to_string());

    let run = run(env
        .ci()
        .args(["integrations", "get", "-o", "id", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "evil\\u{1b}[2Jid\n");
}
