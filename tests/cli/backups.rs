//! Nothing lost (docs/contract.md §6, sections 3 `restore` and `backups`):
//! backups before every removal, the audit log, restoring, protected profiles.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use mockito::{Matcher, Mock};
use serde_json::{Value, json};

use crate::fake_rocketchat::{FakeRocketChat, Options, RemoveReply, outgoing_doc};
use crate::support::*;

const NEW_INCOMING_ID: &str = "65a0c0ffee0ddba11a5e1234";
const NEW_INCOMING_TOKEN: &str = "NewTokenNewTokenNewTokenNewTokenNewTokenNewToken";
const NEW_OUTGOING_ID: &str = "newOutgoingAAAAAA";

fn integration_in(body: &str) -> Value {
    serde_json::from_str::<Value>(body).unwrap()["integration"].clone()
}

fn mock_info(env: &mut TestEnv, version: &str) -> Mock {
    env.server
        .mock("GET", "/api/info")
        .with_status(200)
        .with_header("content-type", "application/json")
        .with_body(json!({ "version": version, "success": true }).to_string())
        .create()
}

/// `integrations.create` that accepts exactly `body` (the 4.8+ schema has
/// `additionalProperties: false`: any other key is a 400) and answers `created`.
fn mock_create(env: &mut TestEnv, body: Value, created: &Value) -> Mock {
    env.server
        .mock("POST", "/api/v1/integrations.create")
        .match_header("x-user-id", USER_ID)
        .match_header("x-auth-token", TOKEN)
        .match_header("content-type", "application/json")
        .match_body(Matcher::Json(body))
        .with_status(200)
        .with_header("content-type", "application/json")
        .with_body(json!({ "integration": created, "success": true }).to_string())
        .create()
}

/// What the server stores for a created incoming webhook: a new ID and token.
fn created_incoming() -> Value {
    let mut doc = integration_in(&fixture("integration-incoming.json"));
    doc["_id"] = json!(NEW_INCOMING_ID);
    doc["token"] = json!(NEW_INCOMING_TOKEN);
    doc["_createdAt"] = json!("2025-03-01T09:00:00.000Z");
    doc
}

/// The 4.8+ create body for the incoming fixture on 6.4 or newer.
fn incoming_create_body() -> Value {
    json!({
        "type": "webhook-incoming",
        "name": "test.cat",
        "enabled": true,
        "username": "rocket.cat",
        "channel": "#general",
        "scriptEnabled": false,
        "overrideDestinationChannelEnabled": false,
        "scriptEngine": "isolated-vm",
    })
}

/// `integrations.get` of `id` after its removal: restore re-creates it.
fn mock_gone(env: &mut TestEnv, id: &str) -> Mock {
    env.mock_get(id, 400, &fixture("get-not-found.json"))
        .expect(1)
        .create()
}

#[cfg(unix)]
#[test]
fn remove_writes_a_private_backup_before_the_remove_request() {
    let mut env = TestEnv::new();
    let body = fixture("integration-incoming.json");
    let get = env.mock_found(INCOMING_ID, &body);
    // What was on disk when the remove request arrived.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let remove = {
        let (seen, data_dir, body) = (seen.clone(), data_dir(&env), body.clone());
        env.mock_remove("webhook-incoming", INCOMING_ID, 200, &body)
            .with_body_from_request(move |_| {
                for file in backup_files(&data_dir) {
                    let dir_mode = mode(file.parent().unwrap());
                    seen.lock()
                        .unwrap()
                        .push((file.clone(), mode(&file), dir_mode));
                }
                body.clone().into_bytes()
            })
            .create()
    };

    let run = run(env.ci().args(["integrations", "remove", INCOMING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "one backup before the request: {seen:?}");
    let (file, file_mode, dir_mode) = &seen[0];
    assert_eq!((*file_mode, *dir_mode), (0o600, 0o700));
    let host = env.url().replace("http://", "").replace(':', "_");
    assert_eq!(
        file.parent().unwrap(),
        data_dir(&env).join("removed").join(host)
    );
    let name = file.file_name().unwrap().to_str().unwrap();
    assert!(name.ends_with(&format!("Z-{INCOMING_ID}.json")), "{name}");
    assert!(!name.contains(':'), "portable name: {name}");

    let backup: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(
        backup["integration"],
        integration_in(&body),
        "full document"
    );
    assert_eq!(backup["integration"]["token"], INCOMING_TOKEN);
    assert_eq!(backup["server"], env.url());
    assert_eq!(backup["profile"], Value::Null);
    assert!(backup["removed_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        run.stderr,
        format!(
            "backed up integration {INCOMING_ID} to {}\n\
             removed webhook-incoming integration {INCOMING_ID} (test.cat)\n",
            file.display()
        )
    );
    assert!(!run.stdout.contains(INCOMING_TOKEN), "token redacted");
}

#[test]
fn a_failed_remove_deletes_its_backup_and_is_audited() {
    let mut env = TestEnv::new().with_profile();
    let [get, remove] = env.mock_outgoing_removal(403, &fixture("403-band-d.json"));

    let run = run(env.rcctl().args(["integrations", "remove", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 5);
    assert_eq!(backup_files(&data_dir(&env)), Vec::<PathBuf>::new());
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines[0].starts_with("backed up integration"),
        "{}",
        run.stderr
    );
    assert!(
        lines[1].starts_with("deleted the backup ")
            && lines[1].ends_with(": the integration was not removed"),
        "{}",
        run.stderr
    );
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 1);
    let line = &audit[0];
    assert_eq!(line["action"], "remove");
    assert_eq!(line["result"], "failed");
    assert_eq!(line["exit_code"], 5);
    assert_eq!(line["profile"], "prod");
    assert!(
        line["error"]
            .as_str()
            .unwrap()
            .contains("permission denied (HTTP 403")
    );
}

/// rcctl against a fake server whose reply to the removal never comes.
fn remove_without_reply(reply: RemoveReply) -> (TestEnv, FakeRocketChat, Run) {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "lost")],
        remove_reply: reply,
        ..Options::default()
    });
    let run = run(env.ci().env("RCCTL_URL", fake.url()).args([
        "--timeout",
        "1",
        "integrations",
        "remove",
        OUTGOING_ID,
    ]));
    (env, fake, run)
}

#[test]
fn a_removal_whose_reply_was_lost_keeps_its_backup() {
    let (env, fake, run) = remove_without_reply(RemoveReply::RemoveThenHang);

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(!fake.contains(OUTGOING_ID));
    assert_eq!(backup_files(&data_dir(&env)).len(), 1);
    assert_eq!(audit_lines(&env)[0]["result"], "removed");
}

/// No answer, and the integration still there when read again: the server may
/// still be at it, so the outcome is unknown (docs/contract.md §6.5).
#[test]
fn a_removal_without_reply_whose_integration_is_still_there_keeps_its_backup() {
    let (env, fake, run) = remove_without_reply(RemoveReply::HangWithoutRemoving);

    assert_eq!(run.code, 9, "{run:#?}");
    assert!(fake.contains(OUTGOING_ID));
    assert_eq!(backup_files(&data_dir(&env)).len(), 1);
    assert!(
        run.stderr.contains("the removal may still happen"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("deleted the backup"), "{}", run.stderr);
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["result"], "unknown");
    assert_eq!(audit[0]["exit_code"], 9);
}

#[test]
fn every_removal_appends_one_audit_line() {
    let mut env = TestEnv::new().with_profile();
    let mut mocks = Vec::new();
    for (id, name) in [("auditAAAAAAAAAAAA", "one"), ("auditBBBBBBBBBBBB", "two")] {
        let body = outgoing_body(id, name);
        mocks.extend(env.mock_removable("webhook-outgoing", id, &body));
    }

    let run = run(env.rcctl().args([
        "integrations",
        "remove",
        "--json",
        "auditAAAAAAAAAAAA",
        "auditBBBBBBBBBBBB",
    ]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 2);
    let files = backup_files(&data_dir(&env));
    // Workers append as they finish, so find the line rather than count on order.
    let line = audit
        .iter()
        .find(|line| line["integration_id"] == "auditAAAAAAAAAAAA")
        .unwrap()
        .as_object()
        .unwrap();
    let keys: Vec<&str> = line.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "time",
            "profile",
            "server",
            "user_id",
            "action",
            "integration_id",
            "name",
            "type",
            "result",
            "exit_code",
            "backup"
        ]
    );
    assert_eq!(line["profile"], "prod");
    assert_eq!(line["server"], env.url());
    assert_eq!(line["user_id"], USER_ID);
    assert_eq!(line["action"], "remove");
    assert_eq!(line["integration_id"], "auditAAAAAAAAAAAA");
    assert_eq!(line["name"], "one");
    assert_eq!(line["type"], "webhook-outgoing");
    assert_eq!(line["result"], "removed");
    assert_eq!(line["exit_code"], 0);
    let backup = files
        .iter()
        .find(|file| file.to_string_lossy().ends_with("-auditAAAAAAAAAAAA.json"))
        .unwrap();
    assert_eq!(line["backup"], backup.to_str().unwrap());
    let mut ids: Vec<&str> = audit
        .iter()
        .map(|line| line["integration_id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["auditAAAAAAAAAAAA", "auditBBBBBBBBBBBB"]);
    #[cfg(unix)]
    assert_eq!(mode(&data_dir(&env).join("audit.jsonl")), 0o600);
}

#[test]
fn no_backup_skips_the_file_but_not_the_audit_line() {
    let mut env = TestEnv::new();
    let body = fixture("integration-outgoing.json");
    let [get, remove] = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);

    let run = run(env
        .ci()
        .args(["integrations", "remove", "--no-backup", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 0);
    assert_eq!(backup_files(&data_dir(&env)), Vec::<PathBuf>::new());
    assert!(!run.stderr.contains("backed up"), "{}", run.stderr);
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["backup"], Value::Null);
}

/// rcctl's own directories are private; a test that writes backups by hand
/// makes them so, as rcctl would.
#[cfg(unix)]
fn make_private(env: &TestEnv) {
    let data = data_dir(env);
    for dir in [data.clone(), data.join("removed")].into_iter().chain(
        std::fs::read_dir(data.join("removed"))
            .unwrap()
            .map(|host| host.unwrap().path()),
    ) {
        set_mode(&dir, 0o700);
    }
}

#[test]
fn backups_lists_newest_first() {
    let env = TestEnv::new();
    let dir = data_dir(&env).join("removed/chat.example.com");
    for (file, removed_at, id, name) in [
        (
            "b.json",
            "2024-05-02T10:00:00.000Z",
            "midAAAAAAAAAAAAAA",
            "middle",
        ),
        (
            "a.json",
            "2024-05-03T10:00:00.000Z",
            "newAAAAAAAAAAAAAA",
            "newest",
        ),
        (
            "c.json",
            "2024-05-01T10:00:00.000Z",
            "oldAAAAAAAAAAAAAA",
            "oldest",
        ),
    ] {
        let mut doc = integration_in(&fixture("integration-outgoing.json"));
        doc["_id"] = json!(id);
        doc["name"] = json!(name);
        let backup = json!({
            "rcctl_backup": 1,
            "server": "https://chat.example.com",
            "profile": "prod",
            "removed_at": removed_at,
            "integration": doc,
        });
        write_private(&dir.join(file), &backup.to_string());
    }
    make_private(&env);

    let json = run(env.rcctl().args(["integrations", "backups", "--json"]));
    let table = run(env.rcctl().args(["integrations", "backups"]));

    assert_eq!(json.code, 0, "{json:#?}");
    assert_eq!(json.stderr, "");
    let listed = &json.json_lines()[0];
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "newAAAAAAAAAAAAAA",
            "midAAAAAAAAAAAAAA",
            "oldAAAAAAAAAAAAAA"
        ]
    );
    assert_eq!(
        listed[0],
        json!({
            "time": "2024-05-03T10:00:00.000Z",
            "server": "https://chat.example.com",
            "profile": "prod",
            "id": "newAAAAAAAAAAAAAA",
            "name": "newest",
            "type": "webhook-outgoing",
            "action": "remove",
            "restored_as": null,
            "restore_outcome": null,
            "file": dir.join("a.json"),
        })
    );
    assert_eq!(table.code, 0);
    let lines = table.stdout_lines();
    assert_eq!(lines.len(), 4, "{}", table.stdout);
    assert!(lines[0].starts_with("TIME (UTC)"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("2024-05-03 10:00")
            && lines[1].contains("newest")
            && lines[1].contains("outgoing")
            && lines[1].ends_with(&dir.join("a.json").display().to_string()),
        "{}",
        lines[1]
    );
    assert!(!table.stdout.contains(OUTGOING_TOKEN));
    // docs/contract.md §3.5: time, server, ID, name, type, action, file (no
    // backup was restored, so no "restored as").
    assert_eq!(
        cells(lines[0]),
        [
            "TIME (UTC)",
            "SERVER",
            "ID",
            "NAME",
            "TYPE",
            "ACTION",
            "FILE"
        ]
    );
    for (line, (time, id, name, file)) in lines[1..].iter().zip([
        ("2024-05-03 10:00", "newAAAAAAAAAAAAAA", "newest", "a.json"),
        ("2024-05-02 10:00", "midAAAAAAAAAAAAAA", "middle", "b.json"),
        ("2024-05-01 10:00", "oldAAAAAAAAAAAAAA", "oldest", "c.json"),
    ]) {
        let file = dir.join(file).display().to_string();
        assert_eq!(
            cells(line),
            [
                time,
                "https://chat.example.com",
                id,
                name,
                "outgoing",
                "remove",
                file.as_str()
            ],
            "{line}"
        );
    }
}

/// The cells of a piped table row: columns are set apart by two spaces or more.
fn cells(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// docs/contract.md §3.4: `restore ID` takes the newest backup of that ID.
#[test]
fn restore_of_an_id_takes_its_newest_backup() {
    let mut env = TestEnv::new();
    let host = env.url().replace("http://", "").replace(':', "_");
    let dir = data_dir(&env).join("removed").join(host);
    // The newer backup's file name sorts first, so neither the file order nor
    // an oldest-first pick would find it.
    for (file, removed_at, name) in [
        ("a.json", "2024-05-03T10:00:00.000Z", "newer name"),
        ("b.json", "2024-05-02T10:00:00.000Z", "older name"),
    ] {
        let mut doc = integration_in(&fixture("integration-outgoing.json"));
        doc["name"] = json!(name);
        let backup = json!({
            "rcctl_backup": 1,
            "server": env.url(),
            "profile": null,
            "action": "remove",
            "removed_at": removed_at,
            "integration": doc,
        });
        write_private(&dir.join(file), &backup.to_string());
    }
    make_private(&env);
    let gone = mock_gone(&mut env, OUTGOING_ID);
    let info = mock_info(&mut env, "7.4.1");
    let mut created = integration_in(&fixture("integration-outgoing.json"));
    created["_id"] = json!(NEW_OUTGOING_ID);
    created["name"] = json!("newer name");
    let create = env
        .server
        .mock("POST", "/api/v1/integrations.create")
        .match_body(Matcher::PartialJson(json!({"name": "newer name"})))
        .with_header("content-type", "application/json")
        .with_body(json!({ "integration": created, "success": true }).to_string())
        .expect(1)
        .create();

    let run = run(env.ci().args(["integrations", "restore", OUTGOING_ID]));

    gone.assert();
    info.assert();
    create.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    let newer: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("a.json")).unwrap()).unwrap();
    let older: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("b.json")).unwrap()).unwrap();
    assert_eq!(newer["restored_as"]["id"], NEW_OUTGOING_ID);
    assert_eq!(older.get("restored_as"), None, "the older one is untouched");
}

#[test]
fn backups_without_any_says_so_on_stderr() {
    let env = TestEnv::new();
    let run = run(env.rcctl().args(["integrations", "backups"]));
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "no backups found\n");
}

#[test]
fn incoming_round_trip_gets_a_new_url() {
    let mut env = TestEnv::new();
    let body = fixture("integration-incoming.json");
    let [get, remove] = env.mock_removable("webhook-incoming", INCOMING_ID, &body);
    let gone = mock_gone(&mut env, INCOMING_ID);
    let info = mock_info(&mut env, "6.14");
    let create = mock_create(&mut env, incoming_create_body(), &created_incoming());

    let removed = run(env.ci().args(["integrations", "remove", INCOMING_ID]));
    let restored = run(env
        .ci()
        .args(["integrations", "restore", "--json", INCOMING_ID]));

    get.assert();
    remove.assert();
    gone.assert();
    info.assert();
    create.assert();
    assert_eq!(removed.code, 0, "{removed:#?}");
    assert_eq!(restored.code, 0, "{restored:#?}");
    let docs = restored.json_lines();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["_id"], NEW_INCOMING_ID);
    assert_eq!(docs[0]["token"], "[redacted]");
    assert_eq!(
        restored.stderr,
        format!(
            "warning: incoming webhook {NEW_INCOMING_ID} has a new URL, and the old one is gone \
             for good; reconfigure every sender to post to {}/hooks/{NEW_INCOMING_ID}/{NEW_INCOMING_TOKEN}\n",
            env.url()
        )
    );
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 2);
    assert_eq!(audit[1]["action"], "restore");
    assert_eq!(audit[1]["integration_id"], INCOMING_ID);
    assert_eq!(audit[1]["new_id"], NEW_INCOMING_ID);
    assert_eq!(audit[1]["result"], "restored");
    assert_eq!(audit[1]["backup"], audit[0]["backup"]);
}

#[test]
fn outgoing_round_trip_keeps_its_token() {
    let mut env = TestEnv::new();
    let body = fixture("integration-outgoing.json");
    let [get, remove] = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);
    let gone = mock_gone(&mut env, OUTGOING_ID);
    let info = env
        .server
        .mock("GET", "/api/info")
        .with_header("content-type", "application/json")
        .with_body(r#"{"info":{"version":"6.3.1"},"success":true}"#)
        .create();
    let mut created = integration_in(&body);
    created["_id"] = json!(NEW_OUTGOING_ID);
    // 6.3 takes no scriptEngine yet (docs/server-api.md §3.3).
    let create = mock_create(
        &mut env,
        json!({
            "type": "webhook-outgoing",
            "name": "Testing via REST API",
            "enabled": false,
            "username": "rocket.cat",
            "channel": "#general",
            "event": "sendMessage",
            "urls": ["http://text2gif.guggy.com/guggify"],
            "triggerWords": ["!guggy"],
            "token": OUTGOING_TOKEN,
            "scriptEnabled": false,
        }),
        &created,
    );

    let removed = run(env.ci().args(["integrations", "remove", OUTGOING_ID]));
    let restored = run(env.ci().args(["integrations", "restore", OUTGOING_ID]));

    get.assert();
    remove.assert();
    gone.assert();
    info.assert();
    create.assert();
    assert_eq!(removed.code, 0, "{removed:#?}");
    assert_eq!(restored.code, 0, "{restored:#?}");
    assert_eq!(
        restored.stderr,
        format!(
            "warning: `scriptEngine` was left out: the server runs Rocket.Chat 6.3, which \
             accepts it from 6.4 on\n\
             restored webhook-outgoing integration {OUTGOING_ID} as {NEW_OUTGOING_ID} \
             (Testing via REST API)\n"
        )
    );
    assert!(
        restored.stdout.contains(NEW_OUTGOING_ID),
        "{}",
        restored.stdout
    );
    assert!(!restored.stdout.contains(OUTGOING_TOKEN), "token redacted");
}

#[test]
fn restore_reads_a_backup_file_given_by_path() {
    let mut env = TestEnv::new();
    let file = env.dir.path().join("saved.json");
    write_private(&file, &fixture("integration-incoming.json"));
    let gone = mock_gone(&mut env, INCOMING_ID);
    let info = mock_info(&mut env, "7.4.1");
    let create = mock_create(&mut env, incoming_create_body(), &created_incoming());

    let run = run(env
        .ci()
        .args(["integrations", "restore", "--json", file.to_str().unwrap()]));

    gone.assert();
    info.assert();
    create.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json_lines()[0]["_id"], NEW_INCOMING_ID);
}

#[test]
fn a_refused_create_names_the_field_and_the_servers_reason() {
    let mut env = TestEnv::new();
    let file = env.dir.path().join("saved.json");
    write_private(&file, &fixture("integration-incoming.json"));
    let gone = mock_gone(&mut env, INCOMING_ID);
    let info = mock_info(&mut env, "6.14");
    let create = env
        .server
        .mock("POST", "/api/v1/integrations.create")
        .with_status(400)
        .with_header("content-type", "application/json")
        .with_body(
            r#"{"success":false,"error":"Invalid channel [error-invalid-channel]","errorType":"error-invalid-channel"}"#,
        )
        .create();

    let run = run(env
        .ci()
        .args(["integrations", "restore", file.to_str().unwrap()]));

    gone.assert();
    info.assert();
    create.assert();
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot restore integration {INCOMING_ID} on {}: the server refused its \
             `channel` (\"#general\"): the server answered HTTP 400: Invalid channel \
             [error-invalid-channel]\n",
            env.url()
        )
    );
    assert_eq!(audit_lines(&env)[0]["result"], "failed");
}

#[test]
fn restore_of_an_id_without_backup_says_where_it_looked() {
    let env = TestEnv::new();
    let run = run(env.ci().args(["integrations", "restore", OUTGOING_ID]));
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: no backup of integration {OUTGOING_ID} in {}; `rcctl integrations backups` \
             lists them\n",
            data_dir(&env).join("removed").display()
        )
    );
}

#[test]
fn protected_profile_refuses_remove_without_a_terminal_or_yes() {
    let mut env = TestEnv::new().with_protected_profile();
    let get = env.server.mock("GET", Matcher::Any).expect(0).create();
    let remove = env.forbid_remove();

    let run = run(env
        .rcctl()
        .args(["integrations", "remove", OUTGOING_ID])
        .stdin(Stdio::null()));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 10);
    assert_eq!(
        run.stderr,
        "error: profile `prod` is protected and stdin is not a terminal, so rcctl cannot ask: \
         pass --yes to remove 1 integration(s) without a confirmation\n"
    );
    assert!(!data_dir(&env).exists());
}

#[test]
fn protected_profile_refuses_restore_without_a_terminal_or_yes() {
    let mut env = TestEnv::new().with_protected_profile();
    let file = env.dir.path().join("saved.json");
    write_private(&file, &fixture("integration-incoming.json"));
    let any = env.server.mock("GET", Matcher::Any).expect(0).create();
    let create = env.server.mock("POST", Matcher::Any).expect(0).create();

    let run = run(env
        .rcctl()
        .args(["integrations", "restore", "--json", file.to_str().unwrap()])
        .stdin(Stdio::null()));

    any.assert();
    create.assert();
    assert_eq!(run.code, 10);
    let error = &run.stderr_json()[0]["error"];
    assert_eq!(error["code"], "cancelled");
    assert!(
        error["message"].as_str().unwrap().contains("pass --yes"),
        "{error}"
    );
}

#[test]
fn protected_profile_with_yes_removes() {
    let mut env = TestEnv::new().with_protected_profile();
    let body = fixture("integration-outgoing.json");
    let [get, remove] = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);

    let run = run(env
        .rcctl()
        .args(["integrations", "remove", "-y", OUTGOING_ID])
        .stdin(Stdio::null()));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(audit_lines(&env)[0]["profile"], "prod");
}

#[test]
fn protected_profile_dry_run_needs_no_confirmation() {
    let mut env = TestEnv::new().with_protected_profile();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let remove = env.forbid_remove();

    let run = run(env
        .rcctl()
        .args(["integrations", "remove", "--dry-run", OUTGOING_ID])
        .stdin(Stdio::null()));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[cfg(unix)]
#[test]
fn protected_profile_asks_for_its_name_on_a_terminal() {
    let mut env = TestEnv::new().with_protected_profile();
    let body = fixture("integration-outgoing.json");
    // Each run reads before it asks; only the confirmed one removes.
    let mocks = [
        env.mock_found_times(OUTGOING_ID, &body, 2),
        env.mock_remove("webhook-outgoing", OUTGOING_ID, 200, &body)
            .create(),
    ];
    let args = format!("integrations remove {OUTGOING_ID}");
    let question = format!(
        "profile `prod` is protected. Type its name to remove webhook-outgoing integration \
         {OUTGOING_ID} (Testing via REST API) from {}: ",
        env.url()
    );
    let question = question.as_str();

    let wrong = env.on_a_terminal(&args, &[], &[Answer::visible(question, "staging\n")]);
    let right = env.on_a_terminal(&args, &[], &[Answer::visible(question, "prod\n")]);

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(wrong.code, 10, "{wrong:#?}");
    assert!(
        wrong
            .stdout
            .contains("the name typed was not `prod`; nothing was done"),
        "{}",
        wrong.stdout
    );
    assert_eq!(right.code, 0, "{right:#?}");
    assert!(right.stdout.contains(question), "{}", right.stdout);
    assert!(
        right
            .stdout
            .contains("removed webhook-outgoing integration")
    );
}

#[test]
fn restore_of_a_backup_taken_before_an_update_puts_it_back_in_place() {
    use crate::iac::*;
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);
    let file = dir.join("ci-notices.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "alias = \"CI\"",
        "alias = \"Builds\"\navatar = \"https://x.example.com/a.png\"",
    );
    std::fs::write(&file, text).unwrap();
    std::fs::write(dir.join("ci-notices.js"), "class Script {}\n").unwrap();
    let applied = run(against_with_token(&env, &fake).args([
        "integrations",
        "apply",
        "--yes",
        dir.to_str().unwrap(),
    ]));
    assert_eq!(applied.code, 0, "{applied:#?}");
    assert_eq!(
        fake.doc(CI_ID).unwrap()["avatar"],
        "https://x.example.com/a.png"
    );

    let listed = run(env.rcctl().args(["integrations", "backups", "--json"]));
    let restored = run(env
        .ci_against(&fake)
        .args(["integrations", "restore", CI_ID]));

    assert_eq!(listed.json_lines()[0][0]["action"], "update");
    assert_eq!(restored.code, 0, "{restored:#?}");
    let now = fake.doc(CI_ID).unwrap();
    let before = ci_notices();
    for field in [
        "name",
        "enabled",
        "channel",
        "script",
        "alias",
        "emoji",
        "scriptEngine",
        "token",
    ] {
        assert_eq!(now[field], before[field], "{field}");
    }
    assert_eq!(
        now["avatar"],
        Value::Null,
        "what the update added is cleared"
    );
    assert_eq!(fake.requests("integrations.create"), 0, "not re-created");
    assert_eq!(fake.requests("integrations.update"), 2);
    assert_eq!(
        restored.stderr,
        format!(
            "restored webhook-incoming integration {CI_ID} in place (CI notices): its ID and \
             URL did not change\n"
        )
    );
    assert!(restored.stdout.contains(CI_ID), "{}", restored.stdout);
    assert!(!restored.stdout.contains(CI_TOKEN), "token redacted");
    let audit = audit_lines(&env);
    let last = audit.last().unwrap();
    assert_eq!(last["action"], "restore");
    assert_eq!(last["result"], "restored");
    assert_eq!(last["integration_id"], CI_ID);
    assert_eq!(last.get("new_id"), None);
    assert_eq!(last["backup"], audit[0]["backup"]);
}

#[test]
fn an_outgoing_webhook_is_restored_in_place_with_its_old_token() {
    use crate::iac::*;
    let env = TestEnv::new();
    let fake = populated(V6);
    let dir = export_from(&env, &fake);
    let applied = run(env
        .ci_against(&fake)
        .env("RCCTL_TOKEN_GUGGY", "rotated-token")
        .args([
            "integrations",
            "apply",
            "--yes",
            dir.join("guggy.toml").to_str().unwrap(),
        ]));
    assert_eq!(applied.code, 0, "{applied:#?}");
    assert_eq!(fake.doc(GUGGY_ID).unwrap()["token"], "rotated-token");

    let restored = run(env
        .ci_against(&fake)
        .args(["integrations", "restore", "--json", GUGGY_ID]));

    assert_eq!(restored.code, 0, "{restored:#?}");
    assert_eq!(fake.doc(GUGGY_ID).unwrap()["token"], GUGGY_TOKEN);
    assert_eq!(restored.json_lines()[0]["token"], "[redacted]");
    assert_no_secrets(&restored, &[GUGGY_TOKEN, "rotated-token"]);
}

/// docs/contract.md §3.4: a backup records what it was restored as.
#[test]
fn a_backup_restored_once_is_refused_a_second_time_unless_forced() {
    let mut env = TestEnv::new();
    let body = fixture("integration-outgoing.json");
    let [get, remove] = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);
    // After the removal, each restore reads it again and finds it gone.
    let gone = env
        .mock_get(OUTGOING_ID, 400, &fixture("get-not-found.json"))
        .expect(2)
        .create();
    let info = env
        .server
        .mock("GET", "/api/info")
        .with_header("content-type", "application/json")
        .with_body(r#"{"version":"7.4.1","success":true}"#)
        .expect(2)
        .create();
    let mut created = integration_in(&body);
    created["_id"] = json!(NEW_OUTGOING_ID);
    let create = env
        .server
        .mock("POST", "/api/v1/integrations.create")
        .with_header("content-type", "application/json")
        .with_body(json!({ "integration": created, "success": true }).to_string())
        .expect(2)
        .create();

    let removed = run(env.ci().args(["integrations", "remove", OUTGOING_ID]));
    let before_first = std::time::SystemTime::now();
    let first = run(env.ci().args(["integrations", "restore", OUTGOING_ID]));
    let after_first = std::time::SystemTime::now();
    let files = backup_files(&data_dir(&env));
    let recorded: Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    let second = run(env.ci().args(["integrations", "restore", OUTGOING_ID]));
    let listed = run(env.ci().args(["integrations", "backups", "--json"]));
    let table = run(env.ci().args(["integrations", "backups"]));
    let forced = run(env
        .ci()
        .args(["integrations", "restore", "--force", OUTGOING_ID]));

    get.assert();
    remove.assert();
    gone.assert();
    info.assert();
    create.assert();
    assert_eq!((removed.code, first.code), (0, 0), "{first:#?}");
    assert_eq!(second.code, 7, "{second:#?}");
    assert!(
        second.stderr.starts_with(&format!(
            "error: this backup was already restored, as integration {NEW_OUTGOING_ID} on {}",
            env.url()
        )),
        "{}",
        second.stderr
    );
    assert!(second.stderr.contains("pass --force"), "{}", second.stderr);
    assert_eq!(second.stdout, "");
    // src/backup.rs: `restored_as` is `{"id", "server", "at"}`, `at` in RFC 3339.
    assert_eq!(files.len(), 1, "{files:?}");
    let restored_as = &recorded["restored_as"];
    assert_eq!(restored_as["id"], NEW_OUTGOING_ID, "{recorded:#}");
    assert_eq!(restored_as["server"], env.url(), "{recorded:#}");
    let at = humantime::parse_rfc3339(restored_as["at"].as_str().unwrap()).unwrap();
    // `at` has milliseconds: the run's start, truncated, is the lower bound.
    let floor = before_first - std::time::Duration::from_millis(1);
    assert!(
        floor <= at && at <= after_first,
        "restored at {at:?}, during the first restore: {recorded:#}"
    );
    assert_eq!(listed.json_lines()[0][0]["restored_as"], NEW_OUTGOING_ID);
    assert_eq!(listed.json_lines()[0][0]["restore_outcome"], "restored");
    let header = table.stdout_lines()[0];
    assert!(header.contains("RESTORED AS"), "{}", table.stdout);
    assert!(
        table.stdout_lines()[1].contains(NEW_OUTGOING_ID),
        "{}",
        table.stdout
    );
    assert_eq!(forced.code, 0, "{forced:#?}");
    let audit = audit_lines(&env);
    let actions: Vec<(&str, &str)> = audit
        .iter()
        .map(|line| {
            (
                line["action"].as_str().unwrap(),
                line["result"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("remove", "removed"),
            ("restore", "restored"),
            ("restore", "restored")
        ],
        "the refused restore sent nothing and logged nothing"
    );
}

#[test]
fn restoring_a_missing_file_names_the_os_error_once() {
    let env = TestEnv::new();
    let run = run(env
        .ci()
        .args(["integrations", "restore", "/nonexistent.json"]));
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(
        run.stderr,
        "error: cannot read the backup /nonexistent.json: No such file or directory (os error 2)\n"
    );
}

/// docs/contract.md §2.3, §6.6: files that hold tokens are private; rcctl
/// says so, once per run, when existing ones are not.
#[cfg(unix)]
#[test]
fn loose_modes_of_existing_backups_and_audit_log_are_warned_once_per_run() {
    let env = TestEnv::new();
    let ids = ["looseAAAAAAAAAAA1", "looseAAAAAAAAAAA2"];
    let fake = FakeRocketChat::start(Options {
        docs: ids.iter().map(|id| outgoing_doc(id, id)).collect(),
        ..Options::default()
    });
    let data = data_dir(&env);
    let host = data
        .join("removed")
        .join(fake.url().trim_start_matches("http://").replace(':', "_"));
    std::fs::create_dir_all(&host).unwrap();
    for dir in [&data, &data.join("removed"), &host] {
        set_mode(dir, 0o755);
    }
    std::fs::write(data.join("audit.jsonl"), "").unwrap();
    set_mode(&data.join("audit.jsonl"), 0o644);

    let removed = run(env
        .ci_against(&fake)
        .args(["integrations", "remove"])
        .args(ids));
    let listed = run(env.ci().args(["integrations", "backups"]));

    assert_eq!(removed.code, 0, "{removed:#?}");
    for (path, fix) in [
        (&data, "chmod 700"),
        (&data.join("removed"), "chmod 700"),
        (&host, "chmod 700"),
        (&data.join("audit.jsonl"), "chmod 600"),
    ] {
        let warning = format!(
            "warning: {} is readable by other users (mode {}) and may hold tokens; fix it with `{fix} {}`",
            path.display(),
            if fix == "chmod 700" { "755" } else { "644" },
            path.display()
        );
        assert_eq!(
            removed.stderr.matches(&warning).count(),
            1,
            "{warning}\n{}",
            removed.stderr
        );
        if fix == "chmod 700" {
            assert!(listed.stderr.contains(&warning), "{}", listed.stderr);
        }
    }
    assert_eq!(listed.code, 0, "{listed:#?}");
    // The backups rcctl wrote are private: only the directories are named.
    assert_eq!(listed.stderr.lines().count(), 3, "{}", listed.stderr);
}

/// A rename is durable only once its directory is synced: strace shows the
/// `fsync` of the directory after the backup and the config land.
#[cfg(target_os = "linux")]
#[test]
fn backups_and_config_edits_sync_their_directory_after_the_rename() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("skipped: strace is not installed");
        return;
    }
    let env = TestEnv::new().with_profile();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "synced")],
        ..Options::default()
    });
    let config = std::fs::read_to_string(env.config_path()).unwrap();
    env.write_config(&format!(
        "{config}\n[profiles.fake]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n",
        fake.url()
    ));
    let traced = |args: &[&str]| {
        let trace = env.dir.path().join("trace.txt");
        let command = env.rcctl();
        let program = command.get_program().to_owned();
        let mut strace = Command::new("strace");
        strace
            .args(["-f", "-o"])
            .arg(&trace)
            .args([
                "-e",
                "trace=openat,fsync,rename,renameat,renameat2,link,linkat",
                "--",
            ])
            .arg(program)
            .args(args)
            .env_clear()
            .envs(command.get_envs().filter_map(|(k, v)| Some((k, v?))))
            .current_dir(env.dir.path());
        let run = run(&mut strace);
        (run, std::fs::read_to_string(trace).unwrap())
    };

    let (removed, remove_trace) = traced(&["-p", "fake", "integrations", "remove", OUTGOING_ID]);
    let (used, use_trace) = traced(&["auth", "use", "fake"]);

    assert_eq!(removed.code, 0, "{removed:#?}");
    assert_eq!(used.code, 0, "{used:#?}");
    let backup = backup_files(&data_dir(&env)).pop().unwrap();
    assert_synced_after_rename(&remove_trace, &backup);
    assert_synced_after_rename(&use_trace, &env.config_path());
}

/// In an strace log: a rename or link onto `file`, then an `openat` of its
/// directory, then an `fsync` of that descriptor.
#[cfg(target_os = "linux")]
fn assert_synced_after_rename(trace: &str, file: &Path) {
    let lines: Vec<&str> = trace.lines().collect();
    let target = format!("\"{}\"", file.display());
    let renamed = lines
        .iter()
        .position(|line| {
            (line.contains("rename") || line.contains("link(")) && line.contains(&target)
        })
        .unwrap_or_else(|| panic!("no rename onto {target}:\n{trace}"));
    let dir = format!("\"{}\"", file.parent().unwrap().display());
    let opened = lines[renamed..]
        .iter()
        .find(|line| line.contains("openat(") && line.contains(&format!("{dir}, O_RDONLY")))
        .unwrap_or_else(|| panic!("{dir} not opened after the rename:\n{trace}"));
    let fd = opened.rsplit("= ").next().unwrap().trim();
    assert!(
        lines[renamed..]
            .iter()
            .any(|line| line.contains(&format!("fsync({fd})")) && line.ends_with("= 0")),
        "{dir} (fd {fd}) not synced after the rename:\n{trace}"
    );
}
