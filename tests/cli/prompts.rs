//! What `remove` says and asks on a terminal (docs/contract.md §3.1, §6.7):
//! how to end IDs typed on stdin, and a protected profile's question, asked
//! only once every ID has been read.

use crate::support::*;

/// The default profile `prod`, protected, pointing at the mock server.
#[test]
fn ids_typed_at_a_terminal_are_asked_for_with_how_to_end() {
    let mut env = TestEnv::new();
    let mocks = env.mock_outgoing_removal(200, &fixture("integration-outgoing.json"));
    let typed = format!("{OUTGOING_ID}\n\u{4}");

    let run = env.on_a_terminal(
        "integrations remove --no-backup -",
        &[],
        &[Answer::visible(
            "reading IDs from stdin, one per line; Ctrl-D to end",
            &typed,
        )],
    );

    mocks.iter().for_each(mockito::Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout.contains("removed webhook-outgoing integration"),
        "{}",
        run.stdout
    );
}

#[test]
fn piped_ids_get_no_such_message() {
    let mut env = TestEnv::new();
    let mocks = env.mock_outgoing_removal(200, &fixture("integration-outgoing.json"));
    let run = run_with_stdin(
        env.ci()
            .args(["integrations", "remove", "--no-backup", "-"]),
        &format!("{OUTGOING_ID}\n"),
    );
    mocks.iter().for_each(mockito::Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(!run.stderr.contains("Ctrl-D"), "{}", run.stderr);
}

#[test]
fn a_mistyped_id_fails_before_a_protected_profile_asks() {
    let mut env = TestEnv::new().with_protected_profile();
    let found = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let typo = env
        .mock_get("oNLthAt9RwMw39N2X", 400, &fixture("get-not-found.json"))
        .create();
    let remove = env.forbid_remove();

    let run = env.on_a_terminal(
        &format!("integrations remove {OUTGOING_ID} oNLthAt9RwMw39N2X"),
        &[],
        &[],
    );

    found.assert();
    typo.assert();
    remove.assert();
    assert_eq!(run.code, 6, "{run:#?}");
    assert!(!run.stdout.contains("Type its name"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("cannot remove integration oNLthAt9RwMw39N2X"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("nothing was removed"), "{}", run.stdout);
}

#[test]
fn a_protected_profile_names_the_server_and_every_integration_it_will_remove() {
    let mut env = TestEnv::new().with_protected_profile();
    let mut mocks = Vec::new();
    for (id, name) in [
        ("rowAAAAAAAAAAAAAA", "first hook"),
        ("rowBBBBBBBBBBBBBB", "second hook"),
    ] {
        mocks.extend(env.mock_removable("webhook-outgoing", id, &outgoing_body(id, name)));
    }
    let question = format!(
        "profile `prod` is protected. Type its name to remove these 2 integrations from {}: ",
        env.url()
    );

    let run = env.on_a_terminal(
        "integrations remove --no-backup rowAAAAAAAAAAAAAA rowBBBBBBBBBBBBBB",
        &[],
        &[Answer::visible(&question, "prod\n")],
    );

    mocks.iter().for_each(mockito::Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    let listed = run.stdout.find("rowAAAAAAAAAAAAAA  outgoing  first hook");
    let asked = run.stdout.find(&question);
    assert!(listed.is_some() && listed < asked, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("rowBBBBBBBBBBBBBB  outgoing  second hook")
    );
}

#[test]
fn a_hostile_name_in_the_question_is_escaped() {
    let mut env = TestEnv::new().with_protected_profile();
    // A name that would turn the terminal red and hide what follows.
    let body = outgoing_body(OUTGOING_ID, "evil\u{1b}[31m\u{1b}[8m");
    let get = env.mock_found(OUTGOING_ID, &body);
    let remove = env.forbid_remove();
    let question = format!(
        "profile `prod` is protected. Type its name to remove webhook-outgoing integration \
         {OUTGOING_ID} (evil\\u{{1b}}[31m\\u{{1b}}[8m) from {}: ",
        env.url()
    );

    let run = env.on_a_terminal(
        &format!("integrations remove --no-backup {OUTGOING_ID}"),
        &[],
        &[Answer::visible(&question, "no\n")],
    );

    get.assert();
    remove.assert();
    assert_eq!(run.code, 10, "{run:#?}");
    assert!(!run.stdout.contains("evil\u{1b}"), "{:?}", run.stdout);
}
