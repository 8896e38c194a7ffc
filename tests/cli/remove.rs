//! `rcctl integrations remove` (docs/contract.md §3).

use std::io::Write;
use std::process::Stdio;

use crate::support::*;

#[test]
fn remove_with_type_reads_then_removes_and_prints_the_document_as_json() {
    let mut env = TestEnv::new();
    let body = fixture("integration-outgoing.json");
    let mocks = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--json",
        "-t",
        "webhook-outgoing",
        OUTGOING_ID,
    ]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1, "exactly one object per ID");
    assert_eq!(docs[0]["name"], "Testing via REST API");
    assert_eq!(docs[0]["token"], "[redacted]");
    // Under --json too, stderr says where the backup went, and nothing else.
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with(&format!("backed up integration {OUTGOING_ID} to ")),
        "{}",
        run.stderr
    );
}

#[test]
fn remove_refuses_type_mismatch_and_removes_nothing() {
    let mut env = TestEnv::new();
    let get = env.mock_found_times(INCOMING_ID, &fixture("integration-incoming.json"), 2);
    let remove = env.forbid_remove();

    let refused = run(env
        .ci()
        .args(["integrations", "remove", "-t", "outgoing", INCOMING_ID]));
    // Still on the server afterwards: it can be read again.
    let still_there = run(env
        .ci()
        .args(["integrations", "get", "--json", INCOMING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(refused.code, 7);
    assert_eq!(refused.stdout, "");
    assert_eq!(
        refused.stderr,
        format!(
            "error: cannot remove integration {INCOMING_ID} on {}: it is a webhook-incoming \
             integration, not webhook-outgoing as --type says; nothing was removed\n",
            env.url()
        )
    );
    assert_eq!(still_there.code, 0);
    assert_eq!(still_there.json_lines()[0]["_id"], INCOMING_ID);
}

#[test]
fn remove_without_type_sends_the_integrations_own_type() {
    let mut env = TestEnv::new();
    let body = fixture("integration-incoming.json");
    let mocks = env.mock_removable("webhook-incoming", INCOMING_ID, &body);

    let run = run(env
        .ci()
        .args(["integrations", "remove", "--json", INCOMING_ID]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json_lines()[0]["type"], "webhook-incoming");
}

#[test]
fn remove_type_aliases_match_the_full_names() {
    for alias in ["incoming", "webhook-incoming"] {
        let mut env = TestEnv::new();
        let body = fixture("integration-incoming.json");
        let [get, remove] = env.mock_removable("webhook-incoming", INCOMING_ID, &body);
        let run = run(env.ci().args([
            "integrations",
            "remove",
            "--json",
            "--type",
            alias,
            INCOMING_ID,
        ]));
        get.assert();
        remove.assert();
        assert_eq!(run.code, 0, "{alias}: {run:#?}");
    }
}

#[test]
fn remove_an_unknown_type_value_is_a_usage_error_before_any_request() {
    let env = TestEnv::new();
    let run = run(env
        .ci()
        .args(["integrations", "remove", "-t", "webhook", OUTGOING_ID]));
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("invalid value 'webhook'"),
        "{}",
        run.stderr
    );
}

#[test]
fn remove_refuses_an_integration_of_a_type_rcctl_does_not_know() {
    let mut env = TestEnv::new();
    let body = fixture("integration-outgoing.json").replace("webhook-outgoing", "zapier-hook");
    let get = env.mock_found(OUTGOING_ID, &body);
    let remove = env.forbid_remove();

    let run = run(env.ci().args(["integrations", "remove", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`zapier-hook`"), "{}", run.stderr);
}

#[test]
fn remove_reports_when_the_server_removed_the_other_type() {
    // The document changed type between the check and the removal: the server
    // deleted it anyway (docs/server-api.md §2.7), so say so loudly.
    let mut env = TestEnv::new();
    let incoming_now = fixture("integration-incoming.json").replace(INCOMING_ID, OUTGOING_ID);
    let [get, remove] = env.mock_outgoing_removal(200, &incoming_now);

    let run = run(env.ci().args(["integrations", "remove", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 7);
    assert!(
        run.stderr
            .contains("the server removed a webhook-incoming integration although webhook-outgoing was asked for"),
        "{}",
        run.stderr
    );
}

#[test]
fn remove_several_ids_processes_each_and_exits_with_the_first_failure() {
    let mut env = TestEnv::new();
    let (first, missing, last) = (
        "firstAAAAAAAAAAAA",
        "missingBBBBBBBBBB",
        "lastCCCCCCCCCCCCC",
    );
    let mut mocks = Vec::new();
    for (id, name) in [(first, "one"), (last, "three")] {
        let body = outgoing_body(id, name);
        mocks.extend(env.mock_removable("webhook-outgoing", id, &body));
    }
    mocks.push(
        env.mock_get(missing, 400, &fixture("get-not-found.json"))
            .create(),
    );

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--json",
        "--no-backup",
        first,
        missing,
        last,
    ]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 6);
    let names: Vec<_> = run.json_lines().iter().map(|d| d["name"].clone()).collect();
    assert_eq!(names, ["one", "three"], "input order");
    let errors = run.stderr_json();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert_eq!(errors[0]["error"]["id"], missing);
    assert_eq!(errors[0]["error"]["code"], "not_found");
    assert_eq!(
        errors[0]["error"]["server_error"],
        "The integration does not exists."
    );
}

#[test]
fn remove_exit_code_is_that_of_the_first_failed_item() {
    let mut env = TestEnv::new();
    let (forbidden, missing) = ("forbiddenAAAAAAAA", "missingBBBBBBBBBB");
    let get_forbidden = env
        .mock_get(forbidden, 400, &fixture("get-not-authorized.json"))
        .create();
    let get_missing = env
        .mock_get(missing, 400, &fixture("get-not-found.json"))
        .create();
    let remove = env.forbid_remove();

    let run = run(env
        .ci()
        .args(["integrations", "remove", forbidden, missing]));

    get_forbidden.assert();
    get_missing.assert();
    remove.assert();
    assert_eq!(run.code, 5);
    assert_eq!(run.stderr.matches("error: ").count(), 2, "{}", run.stderr);
}

#[test]
fn remove_reads_ids_from_stdin_trimming_blank_lines() {
    let mut env = TestEnv::new();
    let ids = ["stdinAAAAAAAAAAAA", "stdinBBBBBBBBBBBB"];
    let mut mocks = Vec::new();
    for id in ids {
        let body = outgoing_body(id, id);
        mocks.extend(env.mock_removable("webhook-outgoing", id, &body));
    }

    let mut child = env
        .ci()
        .args(["integrations", "remove", "--json", "-t", "outgoing", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("  {}  \n\n\t{}\n   \n", ids[0], ids[1]).as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2);
    assert!(stdout.lines().next().unwrap().contains(ids[0]));
}

#[test]
fn remove_rejects_bad_ids_before_any_request() {
    for bad in ["has space", "", "bell\u{7}", "new\nline"] {
        let mut env = TestEnv::new();
        let get = env
            .server
            .mock("GET", mockito::Matcher::Any)
            .expect(0)
            .create();
        let remove = env.forbid_remove();
        // A good ID first: nothing at all may be sent.
        let run = run(env
            .ci()
            .args(["integrations", "remove", "goodAAAAAAAAAAAAA", bad]));
        get.assert();
        remove.assert();
        assert_eq!(run.code, 2, "{bad:?}: {run:#?}");
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
}

#[test]
fn remove_dry_run_reads_but_never_removes() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let remove = env.forbid_remove();

    let run = run(env
        .ci()
        .args(["integrations", "remove", "--dry-run", "--json", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 0);
    assert_eq!(run.json_lines()[0]["_id"], OUTGOING_ID);
    let data_dir = env.dir.path().join("xdg-data");
    assert!(!data_dir.exists(), "no backup, no audit line");
}

#[test]
fn remove_dry_run_keeps_the_exit_codes() {
    let mut env = TestEnv::new();
    let get = env.mock_found(INCOMING_ID, &fixture("integration-incoming.json"));
    let remove = env.forbid_remove();

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--dry-run",
        "-t",
        "outgoing",
        INCOMING_ID,
    ]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 7);
}

#[test]
fn remove_dry_run_for_people_says_what_would_go() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let remove = env.forbid_remove();

    let run = run(env
        .ci()
        .args(["integrations", "remove", "--dry-run", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(
        run.stderr,
        format!(
            "dry run: would remove webhook-outgoing integration {OUTGOING_ID} (Testing via REST API)\n"
        )
    );
    assert!(run.stdout.contains("Testing via REST API"));
}

#[test]
fn remove_ignore_missing_reports_and_succeeds() {
    let mut env = TestEnv::new();
    let get = env
        .mock_get(OUTGOING_ID, 400, &fixture("get-not-found.json"))
        .create();
    let remove = env.forbid_remove();

    let run = run(env
        .ci()
        .args(["integrations", "remove", "--ignore-missing", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "warning: integration {OUTGOING_ID} not found on {}; skipped (--ignore-missing)\n",
            env.url()
        )
    );
}

#[test]
fn remove_ignore_missing_covers_a_removal_that_lost_a_race() {
    let mut env = TestEnv::new();
    let [get, remove] = env.mock_outgoing_removal(400, &fixture("remove-row10.json"));

    let run = run(env
        .ci()
        .args(["integrations", "remove", "--ignore-missing", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn remove_without_ignore_missing_exits_6() {
    let mut env = TestEnv::new();
    let get = env
        .mock_get(OUTGOING_ID, 400, &fixture("get-not-found.json"))
        .create();

    let run = run(env.ci().args(["integrations", "remove", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 6);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot remove integration {OUTGOING_ID} on {}: it does not exist\n",
            env.url()
        )
    );
}

#[test]
fn remove_show_secrets_prints_the_token() {
    let mut env = TestEnv::new();
    let body = fixture("integration-outgoing.json");
    let mocks = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--json",
        "--show-secrets",
        OUTGOING_ID,
    ]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json_lines()[0]["token"], OUTGOING_TOKEN);
}

/// docs/contract.md §4.3: `-o id` prints one ID per line, so that it pipes.
#[test]
fn remove_output_id_prints_exactly_the_id_line() {
    let mut env = TestEnv::new();
    let body = fixture("integration-outgoing.json");
    let mocks = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);

    let run = run(env
        .ci()
        .args(["integrations", "remove", "-o", "id", OUTGOING_ID]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, format!("{OUTGOING_ID}\n"));
}

/// docs/contract.md §4.6 and §5: under `--json` the refusal is one error
/// object on stderr, `code` the name of exit 7.
#[test]
fn a_type_mismatch_under_json_is_a_conflict_error_object() {
    let mut env = TestEnv::new();
    let get = env.mock_found(INCOMING_ID, &fixture("integration-incoming.json"));
    let remove = env.forbid_remove();

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--json",
        "-t",
        "outgoing",
        INCOMING_ID,
    ]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 7, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr_json(),
        [serde_json::json!({"error": {
            "code": "conflict",
            "exit_code": 7,
            "message": format!(
                "cannot remove integration {INCOMING_ID} on {}: it is a webhook-incoming \
                 integration, not webhook-outgoing as --type says; nothing was removed",
                env.url()
            ),
            "id": INCOMING_ID,
        }})]
    );
}

#[test]
fn remove_stops_a_batch_once_the_credentials_are_rejected() {
    let mut env = TestEnv::new();
    let get = env
        .server
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .with_status(401)
        .with_header("content-type", "application/json")
        .with_body(fixture("401-band-e.json"))
        .expect(1)
        .create();

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--parallel",
        "1",
        "aAAAAAAAAAAAAAAAA",
        "bBBBBBBBBBBBBBBBB",
        "cCCCCCCCCCCCCCCCC",
    ]));

    get.assert();
    assert_eq!(run.code, 4);
    assert!(
        run.stderr
            .contains("stopped: 2 remaining ID(s) not attempted"),
        "{}",
        run.stderr
    );
}
