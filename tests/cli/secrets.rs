//! No secret ever reaches stdout or stderr, `--verbose` included.

use crate::support::*;

#[test]
fn verbose_prints_one_line_per_exchange_without_secrets() {
    let mut env = TestEnv::new().with_profile();
    let body = fixture("integration-outgoing.json");
    let mocks = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);

    let run = run(env.rcctl().args([
        "-v",
        "integrations",
        "remove",
        "-t",
        "outgoing",
        OUTGOING_ID,
    ]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0);
    let exchanges: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.starts_with("GET ") || line.starts_with("POST "))
        .collect();
    assert_eq!(exchanges.len(), 2, "{}", run.stderr);
    let get_prefix = format!(
        "GET {}/api/v1/integrations.get?integrationId={OUTGOING_ID} 200 ",
        env.url()
    );
    assert!(exchanges[0].starts_with(&get_prefix), "{}", exchanges[0]);
    assert!(exchanges[0].ends_with("ms"), "{}", exchanges[0]);
    let post_prefix = format!("POST {}/api/v1/integrations.remove 200 ", env.url());
    assert!(exchanges[1].starts_with(&post_prefix), "{}", exchanges[1]);
    assert_no_secrets(&run, &[TOKEN, OUTGOING_TOKEN]);
}

#[test]
fn no_secret_in_any_error_path_with_verbose() {
    let responses = [
        (401, fixture("401-band-e.json")),
        (403, fixture("403-band-d.json")),
        (400, fixture("get-not-found.json")),
        (429, fixture("429.json")),
    ];
    for (status, body) in responses {
        let mut env = TestEnv::new();
        // Once without --json, once with.
        let get = env.mock_get(INCOMING_ID, status, &body).expect(2).create();
        for json in [false, true] {
            let mut command = env.ci();
            command.args([
                "-v",
                "--max-wait",
                "0",
                "integrations",
                "remove",
                INCOMING_ID,
            ]);
            if json {
                command.arg("--json");
            }
            let run = run(&mut command);
            assert_ne!(run.code, 0);
            assert_no_secrets(&run, &[TOKEN, INCOMING_TOKEN]);
        }
        get.assert();
    }
}

#[test]
fn removed_documents_never_show_the_webhook_token_by_default() {
    let mut env = TestEnv::new();
    let body = fixture("integration-incoming.json");
    let [get, remove] = env.mock_removable_times("webhook-incoming", INCOMING_ID, &body, 2);

    for json in [false, true] {
        let mut command = env.ci();
        command.args(["-v", "integrations", "remove", INCOMING_ID]);
        if json {
            command.arg("--json");
        }
        let run = run(&mut command);
        assert_eq!(run.code, 0, "{run:#?}");
        assert_no_secrets(&run, &[TOKEN, INCOMING_TOKEN]);
        assert!(run.stdout.contains("[redacted]"));
    }
    get.assert();
    remove.assert();
}

#[test]
fn a_token_command_secret_stays_hidden_when_rejected() {
    let mut env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken_command = \"echo {TOKEN}\"\n",
        env.url()
    ));
    let get = env
        .mock_get(OUTGOING_ID, 401, &fixture("401-band-c.json"))
        .create();

    let run = run(env.rcctl().args(["-v", "integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 4);
    assert!(
        run.stderr.contains("token_command of profile `p`"),
        "{}",
        run.stderr
    );
    assert_no_secrets(&run, &[TOKEN]);
}
