//! `rcctl integrations apply` (docs/contract.md §7.3-7.5): creates, updates
//! after a backup, prunes through the removal path; every change audited; a
//! second apply sends nothing; files move between a 6.x and an 8.x server.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::fake_rocketchat::FakeRocketChat;
use crate::iac::*;
use crate::support::*;

fn apply(env: &TestEnv, fake: &FakeRocketChat, dir: &Path, extra: &[&str]) -> Run {
    run(against_with_token(env, fake)
        .args(["integrations", "apply", dir.to_str().unwrap()])
        .args(extra))
}

fn plan(env: &TestEnv, fake: &FakeRocketChat, dir: &Path) -> Run {
    run(against_with_token(env, fake).args(["integrations", "plan", dir.to_str().unwrap()]))
}

/// The documents the server holds that were not there before, by name.
fn created(fake: &FakeRocketChat, name: &str) -> Value {
    fake.docs()
        .into_iter()
        .find(|doc| doc["name"] == name)
        .unwrap_or_else(|| panic!("no {name} on the server"))
}

/// The fields a file sets, as the server stores them after a create.
fn assert_same_integration(created: &Value, original: &Value, fields: &[&str]) {
    for field in fields {
        assert_eq!(created[field], original[field], "{field}");
    }
}

const OUTGOING_FIELDS: &[&str] = &[
    "type",
    "name",
    "enabled",
    "username",
    "channel",
    "event",
    "urls",
    "triggerWords",
    "token",
    "scriptEnabled",
    "script",
    "retryFailedCalls",
    "retryCount",
    "retryDelay",
];
const INCOMING_FIELDS: &[&str] = &[
    "type",
    "name",
    "enabled",
    "username",
    "channel",
    "scriptEnabled",
    "script",
    "alias",
    "emoji",
];

#[test]
fn moving_from_a_6x_server_to_an_8x_server_creates_both_and_then_rests() {
    let env = TestEnv::new();
    let old = populated(V6);
    let dir = export_from(&env, &old);
    let new = server(V8, Vec::new());

    let moved = apply(&env, &new, &dir, &["--yes"]);

    assert_eq!(moved.code, 0, "{moved:#?}");
    assert_eq!(new.requests("integrations.create"), 2);
    let ci = created(&new, "CI notices");
    let guggy_there = created(&new, "Guggy");
    assert_same_integration(&ci, &ci_notices(), INCOMING_FIELDS);
    assert_same_integration(&guggy_there, &guggy(), OUTGOING_FIELDS);
    assert_eq!(ci["overrideDestinationChannelEnabled"], false);
    let (ci_id, ci_token) = (ci["_id"].as_str().unwrap(), ci["token"].as_str().unwrap());
    assert_ne!(ci_id, CI_ID, "a new integration");
    assert_eq!(
        moved.stdout,
        format!(
            "+ create webhook-incoming \"CI notices\" ({})\n\
             + create webhook-outgoing \"Guggy\" ({})\n\
             Plan: 2 to create, 0 to update, 0 to remove, 0 unchanged.\n",
            dir.join("ci-notices.toml").display(),
            dir.join("guggy.toml").display()
        )
    );
    assert_eq!(
        moved.stderr,
        format!(
            "created webhook-incoming integration {ci_id} (CI notices) from {ci_file}\n\
             new incoming webhook \"CI notices\" ({ci_file}): {CI_ID} → {url}/hooks/{ci_id}/{ci_token}\n\
             created webhook-outgoing integration {guggy_id} (Guggy) from {guggy_file}\n",
            ci_file = dir.join("ci-notices.toml").display(),
            guggy_file = dir.join("guggy.toml").display(),
            guggy_id = guggy_there["_id"].as_str().unwrap(),
            url = new.url(),
        )
    );
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 2);
    assert_eq!(audit[0]["action"], "create");
    assert_eq!(audit[0]["result"], "created");
    assert_eq!(audit[0]["integration_id"], CI_ID);
    assert_eq!(audit[0]["new_id"], ci_id);
    assert_eq!(audit[0]["server"], new.url());
    assert!(!moved.stdout.contains(ci_token) && !moved.stdout.contains(GUGGY_TOKEN));

    let rested = plan(&env, &new, &dir);
    assert_eq!(rested.code, 0, "{rested:#?}");
    assert_eq!(
        summary(&rested),
        "Plan: 0 to create, 0 to update, 0 to remove, 2 unchanged."
    );
    assert_eq!(rested.stderr, "");
    assert_eq!(writes(&old), 0, "the source was only read");
}

#[test]
fn moving_from_an_8x_server_to_a_6x_one_names_the_fields_it_cannot_take() {
    let env = TestEnv::new();
    let dir = export_from(&env, &populated(V8));
    let old_server = server((6, 2), Vec::new());

    let moved = apply(&env, &old_server, &dir, &["--yes"]);

    assert_eq!(moved.code, 0, "{moved:#?}");
    let ci_file = dir.join("ci-notices.toml");
    let guggy_file = dir.join("guggy.toml");
    let warnings: Vec<&str> = moved
        .stderr
        .lines()
        .filter(|line| line.starts_with("warning: "))
        .collect();
    assert_eq!(
        warnings,
        [
            format!(
                "warning: {}: `overrideDestinationChannelEnabled` was left out: the server runs \
                 Rocket.Chat 6.2, which accepts it from 6.3 on",
                ci_file.display()
            ),
            format!(
                "warning: {}: `scriptEngine` was left out: the server runs Rocket.Chat 6.2, \
                 which accepts it from 6.4 on",
                ci_file.display()
            ),
            format!(
                "warning: {}: `scriptEngine` was left out: the server runs Rocket.Chat 6.2, \
                 which accepts it from 6.4 on",
                guggy_file.display()
            ),
        ]
    );
    let ci = created(&old_server, "CI notices");
    assert_same_integration(&ci, &ci_notices(), INCOMING_FIELDS);
    assert_eq!(ci.get("scriptEngine"), None);
    assert_same_integration(&created(&old_server, "Guggy"), &guggy(), OUTGOING_FIELDS);

    let again = apply(&env, &old_server, &dir, &["--yes"]);
    assert_eq!(again.code, 0, "{again:#?}");
    assert_eq!(
        summary(&again),
        "Plan: 0 to create, 0 to update, 0 to remove, 2 unchanged."
    );
    assert_eq!(old_server.requests("integrations.create"), 2);
    assert_eq!(writes(&old_server), 2, "the second apply wrote nothing");
}

#[test]
fn an_edited_script_is_applied_after_a_backup_and_a_second_apply_sends_nothing() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);
    let new_script = GUGGY_SCRIPT.replace("\treturn request;", "\treturn { ...request };");
    std::fs::write(dir.join("guggy.js"), &new_script).unwrap();

    let first = apply(&env, &fake, &dir, &["--yes"]);

    assert_eq!(first.code, 0, "{first:#?}");
    assert!(first.stdout.contains("    script:\n"), "{}", first.stdout);
    let now = fake.doc(GUGGY_ID).unwrap();
    assert_eq!(now["script"], new_script.as_str());
    assert_eq!(now["token"], GUGGY_TOKEN, "kept");
    assert_eq!(now["_id"], GUGGY_ID);
    assert_eq!(fake.requests("integrations.update"), 1);
    let backups = backup_files(&data_dir(&env));
    assert_eq!(backups.len(), 1);
    let backup: Value = serde_json::from_str(&read(&backups[0])).unwrap();
    assert_eq!(backup["action"], "update");
    assert_eq!(
        backup["integration"],
        guggy(),
        "the document before the update"
    );
    let lines: Vec<&str> = first.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "backed up integration {GUGGY_ID} to {}",
                backups[0].display()
            ),
            format!("updated webhook-outgoing integration {GUGGY_ID} (Guggy)"),
        ]
    );
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["action"], "update");
    assert_eq!(audit[0]["result"], "updated");
    assert_eq!(audit[0]["integration_id"], GUGGY_ID);
    assert_eq!(audit[0]["backup"], backups[0].to_str().unwrap());

    let before = writes(&fake);
    let second = apply(&env, &fake, &dir, &[]);
    assert_eq!(second.code, 0, "no confirmation needed: {second:#?}");
    assert_eq!(writes(&fake), before, "no write the second time");
    assert_eq!(
        second.stderr,
        format!(
            "nothing to apply: {} already matches the files\n",
            fake.url()
        )
    );
    assert_eq!(audit_lines(&env).len(), 1);
}

#[test]
fn a_rename_with_the_id_pinned_updates_that_integration() {
    let env = TestEnv::new();
    let fake = populated(V6);
    let dir = export_from(&env, &fake);
    edit(
        &dir.join("guggy.toml"),
        "name = \"Guggy\"",
        "name = \"Guggy (prod)\"",
    );

    let run = apply(&env, &fake, &dir, &["--yes"]);

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout.contains(&format!(
            "~ update webhook-outgoing \"Guggy\" {GUGGY_ID} ({})\n    name: \"Guggy\" → \"Guggy (prod)\"\n",
            dir.join("guggy.toml").display()
        )),
        "{}",
        run.stdout
    );
    assert_eq!(fake.doc(GUGGY_ID).unwrap()["name"], "Guggy (prod)");
    assert_eq!(fake.requests("integrations.update"), 1);
    assert_eq!(fake.requests("integrations.create"), 0);
    assert_eq!(fake.docs().len(), 2);
}

#[test]
fn prune_removes_through_the_removal_path_with_a_backup_and_an_audit_line_each() {
    let env = TestEnv::new();
    let mut stale = guggy();
    stale["_id"] = json!("staleAAAAAAAAAAAA");
    stale["name"] = json!("Stale");
    let fake = server(V8, vec![guggy(), ci_notices()]);
    let dir = export_from(&env, &fake);
    let fake = server(V8, vec![guggy(), ci_notices(), stale.clone()]);

    let kept = apply(&env, &fake, &dir, &["--prune", "--yes", "-t", "incoming"]);
    assert_eq!(kept.code, 0, "{kept:#?}");
    assert_eq!(
        writes(&fake),
        0,
        "the filter keeps outgoing ones: {kept:#?}"
    );

    let pruned = apply(&env, &fake, &dir, &["--prune", "--yes"]);

    assert_eq!(pruned.code, 0, "{pruned:#?}");
    assert!(!fake.contains("staleAAAAAAAAAAAA"));
    assert_eq!(fake.removed(), ["staleAAAAAAAAAAAA"]);
    assert_eq!(fake.requests("integrations.update"), 0);
    let backups = backup_files(&data_dir(&env));
    assert_eq!(backups.len(), 1);
    let backup: Value = serde_json::from_str(&read(&backups[0])).unwrap();
    assert_eq!(backup["action"], "remove");
    assert_eq!(backup["integration"], stale);
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["action"], "remove");
    assert_eq!(audit[0]["result"], "removed");
    assert_eq!(audit[0]["integration_id"], "staleAAAAAAAAAAAA");
    assert!(
        pruned
            .stdout
            .contains("- remove webhook-outgoing \"Stale\" staleAAAAAAAAAAAA\n"),
        "{}",
        pruned.stdout
    );
    assert!(
        pruned
            .stderr
            .contains("removed webhook-outgoing integration staleAAAAAAAAAAAA (Stale)"),
        "{}",
        pruned.stderr
    );
}

#[test]
fn a_file_of_the_other_type_never_updates_an_integration_of_this_type() {
    let env = TestEnv::new();
    let fake = server(V8, vec![ci_notices()]);
    let file = env.dir.path().join("hook.toml");
    std::fs::write(&file, outgoing_pinned_to(CI_ID, "attacker-chosen")).unwrap();

    let run = apply(&env, &fake, &file, &["--yes"]);

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        fake.requests("integrations.update"),
        0,
        "never a mismatched update"
    );
    assert_eq!(fake.requests("integrations.create"), 1);
    assert_eq!(
        fake.doc(CI_ID),
        Some(ci_notices()),
        "its token and URL intact"
    );
}

#[test]
fn without_a_terminal_apply_needs_yes_and_sends_nothing() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);
    edit(&dir.join("guggy.toml"), "enabled = true", "enabled = false");

    let refused = run_with_closed_stdin(against_with_token(&env, &fake).args([
        "integrations",
        "apply",
        dir.to_str().unwrap(),
    ]));
    let dry = apply(&env, &fake, &dir, &["--dry-run"]);

    assert_eq!(refused.code, 10, "{refused:#?}");
    assert!(
        refused.stderr.ends_with(&format!(
            "error: applying changes {}, and stdin is not a terminal, so rcctl cannot ask: pass \
             --yes to apply without a confirmation; nothing was changed\n",
            fake.url()
        )),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stdout.contains("~ update"),
        "the plan is shown first"
    );
    assert_eq!(dry.code, 0, "{dry:#?}");
    assert_eq!(dry.stdout, refused.stdout, "--dry-run is plan");
    assert_eq!(writes(&fake), 0);
    assert!(audit_lines(&env).is_empty());
}

#[test]
fn a_protected_profile_needs_yes_without_a_terminal() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);
    edit(&dir.join("guggy.toml"), "enabled = true", "enabled = false");
    env.write_config(&format!(
        "[profiles.prod]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\nprotected = true\n",
        fake.url()
    ));
    let apply = |extra: &[&str]| {
        run_with_closed_stdin(
            env.rcctl()
                .env("RCCTL_TOKEN_GUGGY", GUGGY_TOKEN)
                .args(["integrations", "apply", dir.to_str().unwrap()])
                .args(extra),
        )
    };

    let refused = apply(&[]);
    assert_eq!(refused.code, 10, "{refused:#?}");
    assert!(
        refused.stderr.ends_with(
            "error: profile `prod` is protected and stdin is not a terminal, so rcctl cannot \
             ask: pass --yes to apply 1 change without a confirmation\n"
        ),
        "{}",
        refused.stderr
    );
    assert_eq!(writes(&fake), 0);

    let confirmed = apply(&["--yes"]);
    assert_eq!(confirmed.code, 0, "{confirmed:#?}");
    assert_eq!(fake.doc(GUGGY_ID).unwrap()["enabled"], false);
}

#[test]
fn apply_json_prints_the_plan_then_an_object_per_action() {
    let env = TestEnv::new();
    let dir = export_from(&env, &populated(V6));
    let new = server(V8, Vec::new());

    let hidden = run(against_with_token(&env, &new).args([
        "--json",
        "integrations",
        "apply",
        "--yes",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(hidden.code, 0, "{hidden:#?}");
    let lines = hidden.json_lines();
    assert_eq!(lines.len(), 3, "{}", hidden.stdout);
    assert_eq!(lines[0]["create"].as_array().unwrap().len(), 2);
    let ci = created(&new, "CI notices");
    let guggy_there = created(&new, "Guggy");
    assert_eq!(
        lines[1],
        json!({"action": "create", "_id": CI_ID, "name": "CI notices",
               "type": "webhook-incoming", "result": "created", "new_id": ci["_id"]})
    );
    assert_eq!(
        lines[2],
        json!({"action": "create", "_id": GUGGY_ID, "name": "Guggy",
               "type": "webhook-outgoing", "result": "created", "new_id": guggy_there["_id"]})
    );
    let token = ci["token"].as_str().unwrap();
    assert!(
        !hidden.stdout.contains(token),
        "the URL goes to stderr only"
    );
    assert!(hidden.stderr.contains(token), "{}", hidden.stderr);

    let shown_server = server(V8, Vec::new());
    let shown = run(against_with_token(&env, &shown_server).args([
        "--json",
        "integrations",
        "apply",
        "--yes",
        "--show-secrets",
        dir.join("ci-notices.toml").to_str().unwrap(),
    ]));
    let ci = created(&shown_server, "CI notices");
    assert_eq!(
        shown.json_lines()[1]["url"],
        format!(
            "{}/hooks/{}/{}",
            shown_server.url(),
            ci["_id"].as_str().unwrap(),
            ci["token"].as_str().unwrap()
        )
    );
}

/// docs/contract.md §7.3: under `--json` every action has its object, the
/// removals of `--prune` too (not the removed document `remove` prints);
/// people get the plan on stdout and nothing more.
#[test]
fn apply_json_gives_updates_and_pruned_removals_an_action_object_each() {
    let env = TestEnv::new();
    let mut stale = guggy();
    stale["_id"] = json!("staleAAAAAAAAAAAA");
    stale["name"] = json!("Stale");
    let dir = export_from(&env, &server(V8, vec![guggy(), ci_notices()]));
    edit(&dir.join("guggy.toml"), "enabled = true", "enabled = false");
    let apply_json = |fake: &FakeRocketChat| {
        run(against_with_token(&env, fake).args([
            "--json",
            "integrations",
            "apply",
            "--yes",
            "--prune",
            dir.to_str().unwrap(),
        ]))
    };

    let fake = server(V8, vec![guggy(), ci_notices(), stale.clone()]);
    let applied = apply_json(&fake);

    assert_eq!(applied.code, 0, "{applied:#?}");
    assert_eq!(fake.doc(GUGGY_ID).unwrap()["enabled"], false);
    assert_eq!(fake.removed(), ["staleAAAAAAAAAAAA"]);
    let lines = applied.json_lines();
    assert_eq!(
        lines.len(),
        3,
        "the plan, then two actions: {}",
        applied.stdout
    );
    assert_eq!(lines[0]["update"].as_array().unwrap().len(), 1);
    assert_eq!(lines[0]["remove"].as_array().unwrap().len(), 1);
    assert_eq!(
        lines[1],
        json!({"action": "update", "_id": GUGGY_ID, "name": "Guggy",
               "type": "webhook-outgoing", "result": "updated"})
    );
    assert_eq!(
        lines[2],
        json!({"action": "remove", "_id": "staleAAAAAAAAAAAA", "name": "Stale",
               "type": "webhook-outgoing", "result": "removed"})
    );
    assert!(
        !applied.stdout.contains("outgoing-secret"),
        "{}",
        applied.stdout
    );

    let fake = server(V8, vec![guggy(), ci_notices(), stale]);
    let people = apply(&env, &fake, &dir, &["--prune", "--yes"]);
    assert_eq!(people.code, 0, "{people:#?}");
    assert_eq!(fake.removed(), ["staleAAAAAAAAAAAA"]);
    assert!(
        people
            .stdout
            .ends_with("Plan: 0 to create, 1 to update, 1 to remove, 1 unchanged.\n"),
        "the plan is all of stdout, no table of the removed integration after it: {}",
        people.stdout
    );
}

#[test]
fn a_failed_item_is_reported_and_the_rest_go_on() {
    let env = TestEnv::new();
    let dir = export_from(&env, &populated(V8));
    edit(&dir.join("ci-notices.toml"), "\"#ops\"", "\"#nowhere\"");
    let new = server(V8, Vec::new());

    let run = run(against_with_token(&env, &new).args([
        "--json",
        "integrations",
        "apply",
        "--yes",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(new.docs().len(), 1, "Guggy was created all the same");
    let lines = run.json_lines();
    assert_eq!(lines[1]["result"], "failed");
    assert_eq!(lines[1]["_id"], CI_ID);
    assert_eq!(lines[1]["error"]["code"], "error");
    assert_eq!(lines[1]["error"]["http_status"], 400);
    assert_eq!(
        lines[1]["error"]["server_error"],
        "Invalid room [error-invalid-room]"
    );
    assert!(
        lines[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("the server refused its `channel` (\"#nowhere,@bob\")"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["result"], "created");
    let errors = run.stderr_json();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    let audit = audit_lines(&env);
    assert_eq!(audit[0]["action"], "create");
    assert_eq!(audit[0]["result"], "failed");
    assert_eq!(audit[1]["result"], "created");
}

#[test]
fn an_outgoing_webhook_without_a_token_cannot_be_updated() {
    let env = TestEnv::new();
    let mut tokenless = guggy();
    tokenless.as_object_mut().unwrap().remove("token");
    let fake = server(V8, vec![tokenless]);
    let file = env.dir.path().join("guggy.toml");
    std::fs::write(
        &file,
        "type = \"webhook-outgoing\"\nname = \"Guggy\"\nenabled = false\n",
    )
    .unwrap();

    let run = apply(&env, &fake, &file, &["--yes"]);

    assert_eq!(run.code, 3, "{run:#?}");
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot plan {}: an outgoing webhook is updated only with a token, and this \
             one has none on the server: give it one (`token = {{ env = \"NAME\" }}` in its \
             file)\n",
            file.display()
        )
    );
    assert_eq!(writes(&fake), 0);
}

#[cfg(unix)]
#[test]
fn on_a_terminal_apply_asks_first() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir: PathBuf = export_from(&env, &fake);
    edit(&dir.join("guggy.toml"), "enabled = true", "enabled = false");
    let args = format!("integrations apply {}", dir.display());
    let extra = [
        ("RCCTL_URL", fake.url()),
        ("RCCTL_TOKEN_GUGGY", GUGGY_TOKEN.to_owned()),
    ];
    let extra: Vec<(&str, &str)> = extra.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let question = format!("Apply 1 change to {}? [y/N] ", fake.url());

    let declined = env.on_a_terminal(&args, &extra, &[Answer::visible(&question, "n\n")]);
    assert_eq!(declined.code, 10, "{declined:#?}");
    assert!(
        declined
            .stdout
            .contains("not confirmed; nothing was changed")
    );
    assert_eq!(writes(&fake), 0);

    let accepted = env.on_a_terminal(&args, &extra, &[Answer::visible(&question, "y\n")]);
    assert_eq!(accepted.code, 0, "{accepted:#?}");
    assert_eq!(fake.doc(GUGGY_ID).unwrap()["enabled"], false);
}

/// A raw `PUT integrations.update`, as no rcctl command sends it.
fn put_update(fake: &FakeRocketChat, body: &Value) -> (u16, Value) {
    // rcctl's own provider; Err means it is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let response = reqwest::blocking::Client::new()
        .put(format!("{}/api/v1/integrations.update", fake.url()))
        .header("x-user-id", USER_ID)
        .header("x-auth-token", TOKEN)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.text().unwrap()).unwrap(),
    )
}

/// What the test above guards against is real in the fake, as on the server
/// (docs/server-api.md §3.5.6): a mismatched update is answered 200 and
/// rewrites the hook's token, hence its URL.
#[test]
fn the_server_rewrites_an_incoming_token_on_an_outgoing_update() {
    let fake = server(V8, vec![ci_notices()]);

    let (status, answer) = put_update(
        &fake,
        &json!({"type": "webhook-outgoing", "integrationId": CI_ID, "name": "CI notices",
                "enabled": true, "username": "rocket.cat", "channel": "#ops",
                "event": "sendMessage", "urls": ["https://x.example.com"],
                "scriptEnabled": false, "token": "X"}),
    );

    assert_eq!(status, 200);
    assert_eq!(answer["integration"]["type"], "webhook-incoming");
    assert_eq!(fake.doc(CI_ID).unwrap()["token"], "X");
}

#[test]
fn the_server_validates_an_update_in_its_bands_envelope() {
    let band_c = server(V6, Vec::new());
    let band_f = server(V8, Vec::new());

    assert_eq!(
        put_update(&band_c, &json!({})),
        (
            400,
            json!({"success": false,
                   "error": "must have required property 'integrationId'\n must have required \
                             property 'type'\n must match exactly one schema in oneOf \
                             [invalid-params]",
                   "errorType": "invalid-params"})
        )
    );
    assert_eq!(
        put_update(&band_f, &json!({})),
        (
            400,
            json!({"success": false, "errorType": "invalid-params",
                   "error": "must have required property 'integrationId'\nmust have required \
                             property 'type'\nmust match exactly one schema in oneOf"})
        )
    );
    let mut outgoing = guggy();
    let extra = outgoing.as_object_mut().unwrap();
    extra.insert("integrationId".into(), json!(GUGGY_ID));
    extra.insert("channel".into(), json!("#general"));
    let (status, answer) = put_update(&band_c, &outgoing);
    assert_eq!(status, 400);
    assert_eq!(
        answer["error"],
        "must match pattern \"webhook-incoming\"\n must NOT have additional properties\n must \
         match exactly one schema in oneOf [invalid-params]"
    );
}

#[test]
fn a_closed_stdout_changes_nothing_the_server_gets() {
    let env = TestEnv::new();
    let dir = export_from(&env, &populated(V6));
    let new = server(V8, Vec::new());

    let mut child = against_with_token(&env, &new)
        .args([
            "--json",
            "integrations",
            "apply",
            "--yes",
            dir.to_str().unwrap(),
        ])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before rcctl writes its first line.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();

    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        new.requests("integrations.create"),
        2,
        "every create was sent"
    );
    assert_eq!(audit_lines(&env).len(), 2);
}
