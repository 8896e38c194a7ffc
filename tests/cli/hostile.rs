//! A server that echoes secrets back, and inputs no one means (docs/contract.md
//! §6.4, §5): a token, password or code the server repeats is never printed,
//! and an absurd ID is a usage error that does not echo it.

use serde_json::json;

use crate::fake_rocketchat::faults::{Fault, FaultPlan};
use crate::fake_rocketchat::{FakeRocketChat, Options, outgoing_doc};
use crate::support::*;

/// Every way an error reaches the user: a sentence, and a `--json` object;
/// `stdin` is what each run reads.
fn both_modes(stdin: &str, command: impl Fn() -> std::process::Command) -> [Run; 2] {
    [false, true].map(|json| {
        let mut command = command();
        if json {
            command.arg("--json");
        }
        run_with_stdin(&mut command, stdin)
    })
}

#[test]
fn an_auth_token_the_server_echoes_is_never_printed() {
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "echo")],
        faults: vec![FaultPlan {
            route: "integrations.get",
            fault: Fault::EchoToken,
            times: 2,
        }],
        ..Options::default()
    });
    let env = TestEnv::new();

    let runs = both_modes("", || {
        let mut command = env.ci_against(&fake);
        command.args(["integrations", "get", OUTGOING_ID]);
        command
    });

    for run in &runs {
        assert_eq!(run.code, 1, "{run:#?}");
        assert_no_secrets(run, &[TOKEN]);
        assert!(
            run.stderr
                .contains("Invalid token [redacted] for this request"),
            "{}",
            run.stderr
        );
    }
    let error = &runs[1].stderr_json()[0]["error"];
    assert_eq!(
        error["server_error"],
        "Invalid token [redacted] for this request"
    );
}

#[test]
fn a_webhook_token_the_server_echoes_is_never_printed() {
    let mut env = TestEnv::new();
    let body = fixture("integration-incoming.json");
    let get = env.mock_found_times(INCOMING_ID, &body, 2);
    let echoed = json!({
        "success": false,
        "error": format!("Invalid integration [error-invalid-integration] {INCOMING_TOKEN}"),
        "errorType": "error-invalid-integration",
    })
    .to_string();
    let remove = env
        .mock_remove("webhook-incoming", INCOMING_ID, 400, &echoed)
        .expect(2)
        .create();

    let runs = both_modes("", || {
        let mut command = env.ci();
        command.args(["integrations", "remove", INCOMING_ID]);
        command
    });

    get.assert();
    remove.assert();
    for run in &runs {
        assert_eq!(run.code, 5, "{run:#?}");
        assert_no_secrets(run, &[INCOMING_TOKEN, TOKEN]);
        assert!(run.stderr.contains("[redacted]"), "{}", run.stderr);
    }
}

#[test]
fn a_password_or_code_the_login_echoes_is_never_printed() {
    const PASSWORD: &str = "correct horse battery staple";
    const CODE: &str = "314159";
    let mut env = TestEnv::new();
    let echoed = json!({
        "status": "error",
        "error": format!("error-bad-{CODE}"),
        "message": format!("{PASSWORD} with code {CODE} is not accepted"),
    })
    .to_string();
    let mut login = |body: serde_json::Value, answer: String| {
        env.server
            .mock("POST", "/api/v1/login")
            .match_body(mockito::Matcher::Json(body))
            .with_status(401)
            .with_header("content-type", "application/json")
            .with_body(answer)
            .expect(2)
            .create()
    };
    // The code is sent only when the server asks for it, and then echoed.
    let asks = login(
        json!({"user": "admin", "password": PASSWORD}),
        fixture("login-totp-required.json"),
    );
    let echoes = login(
        json!({"user": "admin", "password": PASSWORD, "code": CODE}),
        echoed,
    );

    let runs = both_modes(PASSWORD, || {
        let mut command = env.rcctl();
        command.args([
            "--url",
            &env.url(),
            "auth",
            "login",
            "--username",
            "admin",
            "--password-stdin",
            "--code",
            CODE,
        ]);
        command
    });

    asks.assert();
    echoes.assert();
    for run in &runs {
        assert_eq!(run.code, 4, "{run:#?}");
        assert_no_secrets(run, &[PASSWORD, CODE]);
        assert!(
            run.stderr.contains("[redacted] with code [redacted]"),
            "{}",
            run.stderr
        );
    }
}

/// docs/contract.md §5: bad arguments are exit 2, before any request; an ID
/// of 64 KB is named by its start and its length, never echoed whole.
#[test]
fn an_id_of_64_kb_is_exit_2_without_echoing_it() {
    let mut env = TestEnv::new();
    let huge = "x".repeat(64 * 1024 + 1);
    let nothing = env.forbid_remove();
    let reads = env
        .server
        .mock("GET", mockito::Matcher::Any)
        .expect(0)
        .create();

    let by_argv = run(env.ci().args(["integrations", "remove", &huge]));
    let by_stdin = run_with_stdin(
        env.ci().args(["integrations", "remove", "-"]),
        &format!("{OUTGOING_ID}\n{huge}\n"),
    );
    let get = run(env.ci().args(["integrations", "get", &huge]));

    nothing.assert();
    reads.assert();
    for run in [&by_argv, &by_stdin, &get] {
        assert_eq!(run.code, 2, "{run:#?}");
        assert!(run.stderr.len() < 400, "echoed: {} bytes", run.stderr.len());
        assert!(!run.stderr.contains(&"x".repeat(100)), "{}", run.stderr);
        assert!(
            run.stderr
                .contains("it is 65537 characters long, and IDs have at most 128"),
            "{}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
    }
    assert!(
        by_stdin.stderr.contains("stdin line 2"),
        "{}",
        by_stdin.stderr
    );
}
