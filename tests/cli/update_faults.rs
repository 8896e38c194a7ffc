//! `apply`'s update (docs/contract.md §7.3) under the faults of the fault
//! matrix (`faults.rs`): the update is sent once and never again, its
//! backup (`action: "update"`) is kept whatever came of it, it has exactly
//! one audit line (docs/contract.md §6.6), and a run whose update the server
//! did not make does not exit 0. An answer that leaves open whether the
//! server acted (a gateway's 5xx, a connection lost after sending, a cut
//! answer) is audited `unknown`, as a removal's is (§6.5): rcctl cannot
//! tell those faults apart.

use serde_json::Value;

use crate::fake_rocketchat::faults::{Fault, FaultPlan};
use crate::fake_rocketchat::{FakeRocketChat, Options};
use crate::iac::*;
use crate::support::*;

const UPDATE: &str = "integrations.update";

/// Guggy on an 8.x server whose first update meets `fault`, a file that
/// renames it, and `apply --yes` of that file; what the server then holds.
fn apply_rename_under(fault: Fault) -> (TestEnv, FakeRocketChat, Run) {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![guggy(), ci_notices()],
        version: V8,
        faults: vec![FaultPlan::once(UPDATE, fault)],
        ..Options::default()
    });
    let dir = export_from(&env, &fake);
    edit(
        &dir.join("guggy.toml"),
        "name = \"Guggy\"",
        "name = \"Guggy (prod)\"",
    );
    let run = run(against_with_token(&env, &fake).args([
        "--timeout",
        "2",
        "integrations",
        "apply",
        "--yes",
        dir.to_str().unwrap(),
    ]));
    (env, fake, run)
}

/// What holds whatever the fault: one update sent, nothing else written, the
/// backup of the document before it kept, one audit line for it (returned).
fn check_the_invariants(env: &TestEnv, fake: &FakeRocketChat, run: &Run) -> Value {
    assert_eq!(fake.requests(UPDATE), 1, "sent once, never again: {run:#?}");
    assert_eq!(writes(fake), 1, "no other write: {run:#?}");
    assert_no_secrets(run, &[TOKEN, GUGGY_TOKEN]);
    let backups = backup_files(&data_dir(env));
    assert_eq!(backups.len(), 1, "{run:#?}");
    let backup: Value = serde_json::from_str(&read(&backups[0])).unwrap();
    assert_eq!(backup["action"], "update");
    assert_eq!(
        backup["integration"],
        guggy(),
        "the document before the update"
    );
    let audit = audit_lines(env);
    assert_eq!(audit.len(), 1, "one audit line: {audit:?}");
    let line = audit.into_iter().next().unwrap();
    assert_eq!(line["action"], "update");
    assert_eq!(line["integration_id"], GUGGY_ID);
    assert_eq!(line["backup"], backups[0].to_str().unwrap());
    assert!(!line.to_string().contains(TOKEN), "{line}");
    line
}

#[test]
fn an_update_a_gateway_turned_away_is_unknown_and_exits_non_zero() {
    let (env, fake, run) = apply_rename_under(Fault::GatewayWithoutActing(502));

    let audit = check_the_invariants(&env, &fake, &run);
    assert_eq!(fake.doc(GUGGY_ID).unwrap(), guggy(), "not updated");
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(audit["result"], "unknown", "a 502 may come after acting");
    assert_eq!(audit["exit_code"], 1);
    assert!(run.stderr.contains("502"), "{}", run.stderr);
}

#[test]
fn an_update_whose_connection_dropped_unsent_is_unknown_and_exits_9() {
    let (env, fake, run) = apply_rename_under(Fault::DropWithoutActing);

    let audit = check_the_invariants(&env, &fake, &run);
    assert_eq!(fake.doc(GUGGY_ID).unwrap(), guggy(), "not updated");
    assert_eq!(run.code, 9, "{run:#?}");
    assert_eq!(audit["result"], "unknown", "it may have arrived");
    assert_eq!(audit["exit_code"], 9);
}

#[test]
fn an_update_made_whose_answer_was_lost_keeps_its_backup_and_exits_non_zero() {
    for fault in [Fault::CutShortAfterActing, Fault::GatewayAfterActing(502)] {
        let (env, fake, run) = apply_rename_under(fault);

        let audit = check_the_invariants(&env, &fake, &run);
        assert_eq!(
            fake.doc(GUGGY_ID).unwrap()["name"],
            "Guggy (prod)",
            "{fault:?}: the server made the update"
        );
        assert_ne!(run.code, 0, "{fault:?}: {run:#?}");
        assert_eq!(audit["exit_code"], run.code, "{fault:?}: {audit}");
        assert_eq!(audit["result"], "unknown", "{fault:?}: never `failed`");
    }
}

/// A new token an update sends (from the token variable) is a secret too:
/// a refusal that quotes the body sent shows it redacted (docs/contract.md §6.4).
#[test]
fn an_update_refusal_quoting_its_body_does_not_show_the_new_token() {
    const NEW_TOKEN: &str = "guggy-new-token-from-the-vault";
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![guggy(), ci_notices()],
        version: V8,
        faults: vec![FaultPlan::once(UPDATE, Fault::EchoBody)],
        ..Options::default()
    });
    let dir = export_from(&env, &fake);

    let run = run(env
        .ci_against(&fake)
        .env("RCCTL_TOKEN_GUGGY", NEW_TOKEN)
        .args(["integrations", "apply", "--yes", dir.to_str().unwrap()]));

    assert_ne!(run.code, 0, "{run:#?}");
    assert_eq!(fake.requests(UPDATE), 1, "{run:#?}");
    assert!(run.stderr.contains("Invalid body"), "{}", run.stderr);
    assert!(run.stderr.contains("[redacted]"), "{}", run.stderr);
    assert_no_secrets(&run, &[TOKEN, GUGGY_TOKEN, NEW_TOKEN]);
    let audit = read(&data_dir(&env).join("audit.jsonl"));
    assert!(!audit.contains(NEW_TOKEN), "{audit}");
}
