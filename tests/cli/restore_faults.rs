//! `restore` by re-creation (docs/contract.md §3.4) when the create's answer
//! is lost: the server may have made the integration, so the restore is
//! audited `unknown`, the backup records that outcome, and a second restore
//! is refused (exit 7) until `--force`, instead of quietly making a copy.

use serde_json::Value;

use crate::fake_rocketchat::faults::{Fault, FaultPlan};
use crate::fake_rocketchat::{FakeRocketChat, Options};
use crate::iac::*;
use crate::support::*;

const CREATE: &str = "integrations.create";

/// Integrations named Guggy on `fake`, as `list --name` finds them.
fn guggies(env: &TestEnv, fake: &FakeRocketChat) -> Vec<Value> {
    let listed = run(against_with_token(env, fake).args([
        "integrations",
        "list",
        "--name",
        "Guggy",
        "--json",
    ]));
    assert_eq!(listed.code, 0, "{listed:#?}");
    listed.json_lines()[0].as_array().unwrap().clone()
}

#[test]
fn a_restore_whose_answer_was_lost_is_not_repeated_without_force() {
    let (env, fake) = removed_under(Fault::CutShortAfterActing);

    let first = run(against_with_token(&env, &fake).args(["integrations", "restore", GUGGY_ID]));

    assert_eq!(first.code, 9, "the answer was cut: {first:#?}");
    assert_eq!(fake.requests(CREATE), 1);
    assert_eq!(guggies(&env, &fake).len(), 1, "the server made it");
    let files = backup_files(&data_dir(&env));
    assert_eq!(files.len(), 1, "{files:?}");
    let backup: Value = serde_json::from_str(&read(&files[0])).unwrap();
    assert_eq!(backup["restored_as"]["id"], Value::Null, "{backup:#}");
    assert_eq!(backup["restored_as"]["outcome"], "unknown", "{backup:#}");
    assert_eq!(backup["restored_as"]["server"], fake.url(), "{backup:#}");
    let audit = audit_lines(&env);
    let restore_line = audit.last().unwrap();
    assert_eq!(restore_line["action"], "restore", "{audit:?}");
    assert_eq!(restore_line["result"], "unknown", "{audit:?}");

    let second = run(against_with_token(&env, &fake).args(["integrations", "restore", GUGGY_ID]));

    assert_eq!(second.code, 7, "{second:#?}");
    assert_eq!(second.stdout, "");
    assert!(
        second
            .stderr
            .contains("got no complete answer and may have re-created the integration"),
        "{}",
        second.stderr
    );
    assert!(
        second
            .stderr
            .contains("rcctl integrations list --name 'Guggy'"),
        "{}",
        second.stderr
    );
    assert!(second.stderr.contains("--force"), "{}", second.stderr);
    assert_eq!(fake.requests(CREATE), 1, "nothing sent");
    assert_eq!(guggies(&env, &fake).len(), 1, "no second copy");

    let listed = run(against_with_token(&env, &fake).args(["integrations", "backups", "--json"]));
    assert_eq!(listed.code, 0, "{listed:#?}");
    let entry = &listed.json_lines()[0][0];
    assert_eq!(entry["restored_as"], Value::Null, "{entry}");
    assert_eq!(entry["restore_outcome"], "unknown", "{entry}");
    let table = run(against_with_token(&env, &fake).args(["integrations", "backups"]));
    assert!(
        table.stdout_lines()[1].contains("unknown (answer lost)"),
        "{}",
        table.stdout
    );

    let forced =
        run(against_with_token(&env, &fake).args(["integrations", "restore", "--force", GUGGY_ID]));

    assert_eq!(forced.code, 0, "{forced:#?}");
    assert_eq!(fake.requests(CREATE), 2);
    assert_eq!(guggies(&env, &fake).len(), 2, "asked for with --force");
    let backup: Value = serde_json::from_str(&read(&files[0])).unwrap();
    let new_id = backup["restored_as"]["id"].as_str().unwrap();
    assert!(forced.stdout.contains(new_id), "{}", forced.stdout);
    assert_eq!(backup["restored_as"].get("outcome"), None, "{backup:#}");
    assert_no_secrets(&first, &[TOKEN, GUGGY_TOKEN]);
    assert_no_secrets(&second, &[TOKEN, GUGGY_TOKEN]);
}

/// Guggy removed from an 8.x server whose first create meets `fault`.
fn removed_under(fault: Fault) -> (TestEnv, FakeRocketChat) {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![guggy()],
        version: V8,
        faults: vec![FaultPlan::once(CREATE, fault)],
        ..Options::default()
    });
    let removed = run(against_with_token(&env, &fake).args([
        "integrations",
        "remove",
        "-t",
        "outgoing",
        GUGGY_ID,
    ]));
    assert_eq!(removed.code, 0, "{removed:#?}");
    (env, fake)
}

/// A restore the server refused with a JSON error made nothing: it is
/// `failed`, the backup records no restore, and the next one goes ahead.
#[test]
fn a_restore_refused_outright_can_be_tried_again() {
    let (env, fake) = removed_under(Fault::EchoToken);

    let first = run(against_with_token(&env, &fake).args(["integrations", "restore", GUGGY_ID]));
    let files = backup_files(&data_dir(&env));
    let backup: Value = serde_json::from_str(&read(&files[0])).unwrap();
    let audit = audit_lines(&env);
    let again = run(against_with_token(&env, &fake).args(["integrations", "restore", GUGGY_ID]));

    assert_ne!(first.code, 0, "{first:#?}");
    assert_eq!(backup.get("restored_as"), None, "{backup:#}");
    assert_eq!(audit.last().unwrap()["result"], "failed", "{audit:?}");
    assert_eq!(again.code, 0, "{again:#?}");
    assert_eq!(fake.requests(CREATE), 2);
    assert_eq!(guggies(&env, &fake).len(), 1);
    assert_no_secrets(&first, &[TOKEN, GUGGY_TOKEN]);
}

/// A gateway's 5xx says nothing of whether the server acted (here it did
/// not, but rcctl cannot tell): recorded as unknown all the same.
#[test]
fn a_restore_a_gateway_turned_away_is_recorded_as_unknown() {
    let (env, fake) = removed_under(Fault::GatewayWithoutActing(502));

    let first = run(against_with_token(&env, &fake).args(["integrations", "restore", GUGGY_ID]));
    let files = backup_files(&data_dir(&env));
    let backup: Value = serde_json::from_str(&read(&files[0])).unwrap();
    let second = run(against_with_token(&env, &fake).args(["integrations", "restore", GUGGY_ID]));

    assert_ne!(first.code, 0, "{first:#?}");
    assert_eq!(guggies(&env, &fake).len(), 0, "nothing made");
    assert_eq!(backup["restored_as"]["outcome"], "unknown", "{backup:#}");
    assert_eq!(audit_lines(&env).last().unwrap()["result"], "unknown");
    assert_eq!(second.code, 7, "{second:#?}");
    assert_eq!(fake.requests(CREATE), 1);
}
