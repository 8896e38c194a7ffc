//! Rate limits, lost replies, TLS, proxies, redirects, oversized bodies, Ctrl-C
//! and `--parallel` (docs/contract.md §6). The fault matrix is `faults.rs`.

use std::process::Stdio;
use std::time::{Duration, Instant};

use mockito::{Matcher, Server};
use serde_json::Value;

use crate::fake_rocketchat::faults::{Fault, FaultPlan};
use crate::fake_rocketchat::{
    FakeRocketChat, ListQuirk, Options, RemoveReply, TlsIdentity, incoming_doc, outgoing_doc,
};
use crate::support::*;

fn ids(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("hook{i:013}")).collect()
}

fn fake_with(ids: &[String], options: Options) -> FakeRocketChat {
    FakeRocketChat::start(Options {
        docs: ids.iter().map(|id| outgoing_doc(id, id)).collect(),
        ..options
    })
}

fn too_many(reset_in: Duration) -> (String, String) {
    (
        fixture("429.json"),
        (epoch_ms() + reset_in.as_millis()).to_string(),
    )
}

#[test]
fn a_25_id_removal_completes_under_a_10_calls_per_window_limit() {
    let env = TestEnv::new();
    let ids = ids(25);
    // Rocket.Chat's default is 10 calls per 60 s per route; the window is short here.
    let fake = fake_with(
        &ids,
        Options {
            rate_limit: Some((10, Duration::from_millis(700))),
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "remove", "--json", "-t", "outgoing"])
        .args(&ids));

    assert_eq!(run.code, 0, "{run:#?}");
    let removed: Vec<Value> = run.json_lines().iter().map(|d| d["_id"].clone()).collect();
    assert_eq!(removed, ids, "every ID, in input order");
    let mut removed_on_server = fake.removed();
    removed_on_server.sort();
    assert_eq!(removed_on_server, ids, "each removed exactly once");
    assert!(
        run.stderr.contains("waiting"),
        "each wait is announced: {}",
        run.stderr
    );
}

/// docs/contract.md §6.1: once the window's headers are known, rcctl spends
/// only the calls it has, so 25 removals at 10 a window take the fewest
/// windows and earn no 429 at all; counted on the fake's real window.
#[test]
fn a_batch_paces_itself_by_the_window_and_earns_no_429() {
    for (list_quirk, routes) in [
        // The list is read once, then 25 removals: 3 windows.
        (ListQuirk::None, &["integrations.remove"][..]),
        // No list: 25 reads and 25 removals, 3 windows each.
        (
            ListQuirk::Forbidden,
            &["integrations.get", "integrations.remove"][..],
        ),
    ] {
        let env = TestEnv::new();
        let ids = ids(25);
        let fake = fake_with(
            &ids,
            Options {
                // Long enough that ten calls fit in a window on a loaded machine.
                rate_limit: Some((10, Duration::from_millis(1500))),
                list_quirk,
                ..Options::default()
            },
        );

        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "remove", "--json", "--no-backup"])
            .args(&ids));

        assert_eq!(run.code, 0, "{list_quirk:?}: {run:#?}");
        assert_eq!(run.json_lines().len(), 25);
        assert_eq!(fake.too_many(), 0, "{list_quirk:?}: no 429 at all");
        for route in routes {
            assert_eq!(fake.requests(route), 25, "{route}");
            assert_eq!(
                fake.windows(route),
                3,
                "{list_quirk:?} {route}: ⌈25 / 10⌉ windows"
            );
        }
    }
}

/// A server closes a kept-alive connection that idled past its keep-alive
/// timeout (Node's is 5 s). A batch that paused for the rate limit longer
/// than that must not send its next request on the closed connection, where
/// it would fail as "may have been sent": every removal still goes through.
/// The server's timeout here (1.2 s) is over the client's idle limit (1 s),
/// as real servers' are, and each pause (about 2 s) over both; within a
/// window requests follow each other at once. (With a server timeout under
/// the idle limit, only the yield before each exchange keeps the pool clean,
/// which tokio does not promise, and four workers racing for the runtime can
/// still take a closed connection.)
#[test]
fn connections_the_server_closed_during_a_pause_are_not_reused() {
    for parallel in ["1", "4"] {
        let env = TestEnv::new();
        let ids = ids(6);
        let fake = fake_with(
            &ids,
            Options {
                rate_limit: Some((2, Duration::from_millis(2000))),
                keep_alive: Some(Duration::from_millis(1200)),
                ..Options::default()
            },
        );

        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "remove", "--json", "--no-backup"])
            .args(["--parallel", parallel])
            .args(&ids));

        assert_eq!(run.code, 0, "--parallel {parallel}: {run:#?}");
        assert_eq!(run.json_lines().len(), 6, "{run:#?}");
        assert_eq!(fake.requests("integrations.remove"), 6, "each sent once");
        assert!(fake.removed().len() == 6, "{:?}", fake.removed());
        assert!(fake.windows("integrations.remove") >= 3, "it did pause");
    }
}

#[test]
fn a_429_is_waited_out_and_retried_for_get_and_remove() {
    let mut env = TestEnv::new();
    let (body, reset) = too_many(Duration::from_millis(300));
    let doc = fixture("integration-outgoing.json");
    // mockito answers with the first mock still missing hits: 429, then success.
    let get_limited = env
        .mock_get(OUTGOING_ID, 429, &body)
        .with_header("x-ratelimit-reset", &reset)
        .create();
    let remove_limited = env
        .mock_remove("webhook-outgoing", OUTGOING_ID, 429, &body)
        .with_header("x-ratelimit-reset", &(epoch_ms() + 600).to_string())
        .create();
    let [get_ok, remove_ok] = env.mock_removable("webhook-outgoing", OUTGOING_ID, &doc);

    let started = Instant::now();
    let run = run(env
        .ci()
        .args(["integrations", "remove", "--json", OUTGOING_ID]));

    for mock in [&get_limited, &get_ok, &remove_limited, &remove_ok] {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(started.elapsed() >= Duration::from_millis(250), "it waited");
    // The body says 42 s: only `X-RateLimit-Reset` read as epoch milliseconds
    // (docs/contract.md §6.1) makes the two waits this short.
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "it waited by the header, not the body: {:?}",
        started.elapsed()
    );
    assert_eq!(
        run.stderr.matches("warning: rate limited by").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("before retry 1 of 3"), "{}", run.stderr);
}

#[test]
fn a_429_followed_by_each_bands_403_keeps_the_403() {
    for forbidden in ["403-band-c.json", "403-band-d.json"] {
        let mut env = TestEnv::new();
        let (body, reset) = too_many(Duration::from_millis(100));
        let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
        let limited = env
            .mock_remove("webhook-outgoing", OUTGOING_ID, 429, &body)
            .with_header("x-ratelimit-reset", &reset)
            .create();
        let denied = env
            .mock_remove("webhook-outgoing", OUTGOING_ID, 403, &fixture(forbidden))
            .create();

        let run = run(env.ci().args(["integrations", "remove", OUTGOING_ID]));

        get.assert();
        limited.assert();
        denied.assert();
        assert_eq!(run.code, 5, "{forbidden}: {run:#?}");
    }
}

#[test]
fn a_429_followed_by_each_bands_401_is_exit_4() {
    for unauthorised in ["401-band-c.json", "401-band-e.json"] {
        let mut env = TestEnv::new();
        let (body, reset) = too_many(Duration::from_millis(100));
        let limited = env
            .mock_get(OUTGOING_ID, 429, &body)
            .with_header("x-ratelimit-reset", &reset)
            .create();
        let rejected = env
            .mock_get(OUTGOING_ID, 401, &fixture(unauthorised))
            .create();

        let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

        limited.assert();
        rejected.assert();
        assert_eq!(run.code, 4, "{unauthorised}: {run:#?}");
    }
}

#[test]
fn still_rate_limited_after_three_retries_is_exit_8() {
    let mut env = TestEnv::new();
    let (body, _) = too_many(Duration::ZERO);
    let limited = env
        .server
        .mock("GET", "/api/v1/integrations.get")
        .match_query(Matcher::Any)
        .with_status(429)
        .with_header("content-type", "application/json")
        .with_header("x-ratelimit-reset", &(epoch_ms() + 100).to_string())
        .with_body(body.replace("42 seconds", "1 seconds"))
        .expect(4)
        .create();

    let run = run(env
        .ci()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    limited.assert();
    assert_eq!(run.code, 8, "{run:#?}");
    let waits: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.starts_with("warning: rate limited"))
        .collect();
    assert_eq!(waits.len(), 3, "{}", run.stderr);
    assert!(waits[2].contains("retry 3 of 3"));
    let error: Value = serde_json::from_str(run.stderr.lines().last().unwrap()).unwrap();
    assert_eq!(error["error"]["code"], "rate_limited");
}

#[test]
fn max_wait_bounds_the_waiting() {
    let mut env = TestEnv::new();
    // No header: the body asks for 42 s, more than --max-wait 5 allows.
    let limited = env
        .mock_get(OUTGOING_ID, 429, &fixture("429.json"))
        .create();

    let started = Instant::now();
    let run = run(env
        .ci()
        .args(["--max-wait", "5", "integrations", "get", OUTGOING_ID]));

    limited.assert();
    assert_eq!(run.code, 8);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "it did not wait"
    );
    assert!(
        run.stderr.contains("hint: wait and retry"),
        "{}",
        run.stderr
    );
}

/// docs/contract.md §6.1: `--max-wait` bounds the waiting of one request in
/// all, not each wait: 2 s, then another 2 s would make 4 s > 3 s, so the
/// second 429 stands (exit 8) after one wait and two requests.
#[test]
fn the_waits_for_one_request_add_up_against_max_wait() {
    let mut env = TestEnv::new();
    // No header: only the body's seconds tell the wait.
    let limited = env
        .mock_get(
            OUTGOING_ID,
            429,
            &fixture("429.json").replace("42 seconds", "2 seconds"),
        )
        .expect(2)
        .create();

    let started = Instant::now();
    let run = run(env
        .ci()
        .args(["--max-wait", "3", "integrations", "get", OUTGOING_ID]));
    let elapsed = started.elapsed();

    limited.assert();
    assert_eq!(run.code, 8, "{run:#?}");
    assert!(
        elapsed >= Duration::from_millis(1900) && elapsed < Duration::from_secs(3),
        "one 2 s wait, not two: {elapsed:?}"
    );
    assert_eq!(
        run.stderr.matches("warning: rate limited by").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("before retry 1 of 3"), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: wait and retry"),
        "{}",
        run.stderr
    );
}

/// docs/contract.md §1.2, §6.1: without `--max-wait`, 60 s is the most one
/// request waits; a 429 asking for 90 s is exit 8 at once, not a wait.
#[test]
fn without_max_wait_a_wait_longer_than_60_s_is_not_taken() {
    let mut env = TestEnv::new();
    let limited = env
        .mock_get(
            OUTGOING_ID,
            429,
            &fixture("429.json").replace("42 seconds", "90 seconds"),
        )
        .expect(1)
        .create();

    let started = Instant::now();
    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    limited.assert();
    assert_eq!(run.code, 8, "{run:#?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "it did not wait: {:?}",
        started.elapsed()
    );
    assert!(!run.stderr.contains("waiting"), "{}", run.stderr);
    assert!(
        run.stderr.contains("hint: wait and retry"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_absurd_reset_header_falls_back_to_the_seconds_in_the_body() {
    let mut env = TestEnv::new();
    let body = fixture("429.json").replace("42 seconds", "1 seconds");
    let limited = env
        .mock_get(OUTGOING_ID, 429, &body)
        .with_header("x-ratelimit-reset", "99999999999999999")
        .create();
    let ok = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let started = Instant::now();
    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    limited.assert();
    ok.assert();
    assert_eq!(run.code, 0);
    assert!(started.elapsed() >= Duration::from_millis(900));
    assert!(run.stderr.contains("waiting 1.0 s"), "{}", run.stderr);
}

#[test]
fn a_removal_whose_reply_is_lost_is_checked_not_resent() {
    for reply in [RemoveReply::RemoveThenClose, RemoveReply::RemoveThenHang] {
        let env = TestEnv::new();
        let id = "lostAAAAAAAAAAAAA".to_owned();
        let fake = fake_with(
            std::slice::from_ref(&id),
            Options {
                remove_reply: reply,
                ..Options::default()
            },
        );

        let run = run(env.ci_against(&fake).args([
            "--timeout",
            "2",
            "integrations",
            "remove",
            "--json",
            &id,
        ]));

        assert_eq!(run.code, 0, "{reply:?}: {run:#?}");
        assert_eq!(fake.requests("integrations.remove"), 1, "never re-sent");
        assert_eq!(
            fake.requests("integrations.get"),
            2,
            "read before and after"
        );
        assert!(!fake.contains(&id));
        assert_eq!(run.json_lines()[0]["_id"], id.as_str());
        assert!(
            run.stderr
                .contains("was lost or incomplete (no response within 2 s)")
                || run
                    .stderr
                    .contains("was lost or incomplete (connection closed"),
            "{}",
            run.stderr
        );
    }
}

/// The integration is still there after a lost reply: the server may still
/// remove it, so the outcome is unknown (docs/contract.md §6.5).
#[test]
fn a_removal_without_reply_that_did_not_happen_is_exit_9() {
    let env = TestEnv::new();
    let id = "stuckAAAAAAAAAAAA".to_owned();
    let fake = fake_with(
        std::slice::from_ref(&id),
        Options {
            remove_reply: RemoveReply::HangWithoutRemoving,
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["--timeout", "1", "integrations", "remove", &id]));

    assert_eq!(run.code, 9, "{run:#?}");
    assert_eq!(fake.requests("integrations.remove"), 1, "never re-sent");
    assert!(fake.contains(&id));
    assert!(
        run.stderr
            .contains("shows the integration still there; the removal may still happen"),
        "{}",
        run.stderr
    );
}

#[test]
fn tls_with_a_private_ca_needs_that_ca() {
    let env = TestEnv::new();
    let identity = TlsIdentity::generate();
    let ca = env.dir.path().join("ca.pem");
    std::fs::write(&ca, &identity.ca_pem).unwrap();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "over tls")],
        tls: Some(identity.server),
        ..Options::default()
    });
    let get = || {
        let mut command = env.ci_against(&fake);
        command.args(["integrations", "get", "--json", OUTGOING_ID]);
        command
    };

    let refused = run(&mut get());
    assert_eq!(refused.code, 9, "{refused:#?}");
    assert!(refused.stderr.contains("certificate"), "{}", refused.stderr);

    let by_flag = run(get().arg("--ca-cert").arg(&ca));
    assert_eq!(by_flag.code, 0, "{by_flag:#?}");
    assert_eq!(by_flag.json_lines()[0]["name"], "over tls");

    let by_env = run(get().env("SSL_CERT_FILE", &ca));
    assert_eq!(by_env.code, 0, "SSL_CERT_FILE: {by_env:#?}");

    let insecure = run(get().arg("--insecure"));
    assert_eq!(insecure.code, 0);
    assert!(insecure.stderr.starts_with("warning: --insecure"));
}

#[test]
fn without_system_roots_mozillas_roots_still_verify() {
    // SSL_CERT_FILE names an empty bundle: no system roots at all. The server's
    // private CA is in neither store, so the handshake must fail on the
    // certificate, not on "no CA certificates were loaded from the system".
    let env = TestEnv::new();
    let identity = TlsIdentity::generate();
    let empty = env.dir.path().join("empty.pem");
    std::fs::write(&empty, "").unwrap();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "over tls")],
        tls: Some(identity.server),
        ..Options::default()
    });

    let run = run(env.ci_against(&fake).env("SSL_CERT_FILE", &empty).args([
        "integrations",
        "get",
        OUTGOING_ID,
    ]));

    assert_eq!(run.code, 9, "{run:#?}");
    assert!(run.stderr.contains("UnknownIssuer"), "{}", run.stderr);
    assert!(!run.stderr.contains("No CA certificates"), "{}", run.stderr);
}

#[test]
fn tls_ca_cert_from_the_profile() {
    let env = TestEnv::new();
    let identity = TlsIdentity::generate();
    std::fs::create_dir_all(env.config_path().parent().unwrap()).unwrap();
    std::fs::write(
        env.config_path().with_file_name("corp.pem"),
        &identity.ca_pem,
    )
    .unwrap();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "over tls")],
        tls: Some(identity.server),
        ..Options::default()
    });
    env.write_config(&format!(
        "[profiles.corp]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\nca_cert = \"corp.pem\"\n",
        fake.url()
    ));

    let run = run(env
        .rcctl()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn a_redirect_to_another_host_never_carries_the_token() {
    let mut env = TestEnv::new();
    let mut elsewhere = Server::new();
    let stolen = elsewhere
        .mock("GET", Matcher::Any)
        .match_header("x-auth-token", Matcher::Any)
        .expect(0)
        .create();
    let anything = elsewhere.mock("GET", Matcher::Any).expect(0).create();
    let redirect = env
        .server
        .mock("GET", "/api/v1/integrations.get")
        .match_query(Matcher::Any)
        .with_status(307)
        .with_header(
            "location",
            &format!(
                "{}/api/v1/integrations.get?integrationId={OUTGOING_ID}",
                elsewhere.url()
            ),
        )
        .create();

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    redirect.assert();
    stolen.assert();
    anything.assert();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&elsewhere.url()),
        "the error names the Location"
    );
}

/// A server that takes nothing: any request to it fails its test.
fn nothing_accepted(server: &mut mockito::ServerGuard) -> [mockito::Mock; 2] {
    ["GET", "POST"].map(|method| server.mock(method, Matcher::Any).expect(0).create())
}

/// docs/contract.md §6.8: a removal redirected elsewhere is not followed (no
/// token and no removal go there), and it was not made: a refusal, whose
/// backup goes again and whose audit line says `failed`.
#[test]
fn a_removal_redirected_to_another_host_is_not_followed() {
    let mut env = TestEnv::new();
    let mut elsewhere = Server::new();
    let nothing = nothing_accepted(&mut elsewhere);
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let redirect = env
        .server
        .mock("POST", "/api/v1/integrations.remove")
        .with_status(307)
        .with_header(
            "location",
            &format!("{}/api/v1/integrations.remove", elsewhere.url()),
        )
        .expect(1)
        .create();

    let run = run(env.ci().args(["integrations", "remove", OUTGOING_ID]));

    get.assert();
    redirect.assert();
    for mock in &nothing {
        mock.assert();
    }
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stderr.contains(&elsewhere.url()), "{}", run.stderr);
    assert_no_secrets(&run, &[TOKEN, OUTGOING_TOKEN]);
    assert!(backup_files(&data_dir(&env)).is_empty(), "backup deleted");
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!(audit[0]["action"], "remove");
    assert_eq!(audit[0]["result"], "failed");
    assert_eq!(audit[0]["exit_code"], 1);
}

/// docs/contract.md §6.8: a login redirected elsewhere sends the password
/// nowhere else, and saves no profile.
#[test]
fn a_login_redirected_to_another_host_sends_the_password_nowhere_else() {
    const PASSWORD: &str = "correct horse battery staple";
    let mut env = TestEnv::new();
    let mut elsewhere = Server::new();
    let nothing = nothing_accepted(&mut elsewhere);
    let redirect = env
        .server
        .mock("POST", "/api/v1/login")
        .with_status(307)
        .with_header("location", &format!("{}/api/v1/login", elsewhere.url()))
        .expect(1)
        .create();

    let run = run_with_stdin(
        env.rcctl().args([
            "--url",
            &env.url(),
            "auth",
            "login",
            "--username",
            "admin",
            "--password-stdin",
        ]),
        PASSWORD,
    );

    redirect.assert();
    for mock in &nothing {
        mock.assert();
    }
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stderr.contains(&elsewhere.url()), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("rcctl does not send credentials across redirects"),
        "{}",
        run.stderr
    );
    assert_no_secrets(&run, &[PASSWORD]);
    assert!(!env.config_path().exists(), "no profile saved");
}

#[test]
fn an_http_proxy_from_the_environment_is_used() {
    let env = TestEnv::new();
    let fake = fake_with(&[OUTGOING_ID.to_owned()], Options::default());

    let run = run(env
        .ci()
        .env("RCCTL_URL", "http://rocketchat.invalid")
        .env("HTTP_PROXY", fake.url())
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.requests("integrations.get"), 1);
}

#[test]
fn no_proxy_sends_the_request_directly() {
    let env = TestEnv::new();
    let fake = fake_with(&[OUTGOING_ID.to_owned()], Options::default());
    let mut proxy = Server::new();
    let proxied = proxy.mock("GET", Matcher::Any).expect(0).create();

    let run = run(env
        .ci_against(&fake)
        .env("HTTP_PROXY", proxy.url())
        .env("NO_PROXY", "127.0.0.1")
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    proxied.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.requests("integrations.get"), 1);
}

#[test]
fn an_oversized_body_is_refused() {
    let mut env = TestEnv::new();
    let huge = format!(
        r#"{{"integration":{{"_id":"x","name":"{}"}},"success":true}}"#,
        "a".repeat(17 * 1024 * 1024)
    );
    let get = env.mock_found(OUTGOING_ID, &huge);

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("larger than 16 MiB"), "{}", run.stderr);
}

#[test]
fn parallel_removal_overlaps_requests_and_keeps_the_input_order() {
    let env = TestEnv::new();
    let ids = ids(16);
    let fake = fake_with(
        &ids,
        Options {
            delay: Duration::from_millis(50),
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "remove", "--json", "--parallel", "8"])
        .args(&ids));

    assert_eq!(run.code, 0, "{run:#?}");
    let removed: Vec<Value> = run.json_lines().iter().map(|d| d["_id"].clone()).collect();
    assert_eq!(removed, ids);
    assert!(fake.max_in_flight() > 1, "requests overlapped");
}

#[test]
fn parallel_1_sends_one_request_at_a_time() {
    let env = TestEnv::new();
    let ids = ids(5);
    let fake = fake_with(
        &ids,
        Options {
            delay: Duration::from_millis(20),
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "remove", "--parallel", "1"])
        .args(&ids));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.max_in_flight(), 1);
}

#[test]
fn parallel_failures_keep_the_exit_code_of_the_first_failed_id() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![
            outgoing_doc("okAAAAAAAAAAAAAAA", "ok"),
            incoming_doc("inAAAAAAAAAAAAAAA", "incoming"),
        ],
        delay: Duration::from_millis(10),
        ..Options::default()
    });

    let run = run(env.ci_against(&fake).args([
        "integrations",
        "remove",
        "-t",
        "outgoing",
        "--parallel",
        "4",
        "okAAAAAAAAAAAAAAA",
        "inAAAAAAAAAAAAAAA",
        "goneAAAAAAAAAAAAA",
    ]));

    assert_eq!(run.code, 7, "the mismatch came first: {run:#?}");
    assert!(fake.contains("inAAAAAAAAAAAAAAA"));
    assert_eq!(fake.removed(), ["okAAAAAAAAAAAAAAA"]);
}

/// `remove --json --parallel 1` of 40 IDs against a server that takes
/// `delay` per request, Ctrl-C `after` it started; the server, and how the
/// run ended.
#[cfg(unix)]
fn batch_of_40_interrupted(
    env: &TestEnv,
    delay: Duration,
    after: Duration,
) -> (FakeRocketChat, std::process::Output) {
    let ids = ids(40);
    let fake = fake_with(
        &ids,
        Options {
            delay,
            ..Options::default()
        },
    );
    let output = interrupted_after(
        env.ci_against(&fake)
            .args(["integrations", "remove", "--json", "--parallel", "1"])
            .args(&ids),
        after,
    );
    (fake, output)
}

#[cfg(unix)]
#[test]
fn ctrl_c_finishes_the_request_in_flight_reports_and_exits_130() {
    let env = TestEnv::new();
    let (fake, output) =
        batch_of_40_interrupted(&env, Duration::from_millis(100), Duration::from_millis(700));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();

    assert_eq!(output.status.code(), Some(130), "{stderr}");
    let reported = stdout.lines().count();
    assert!(reported > 0 && reported < 40, "{reported} reported");
    // Everything removed on the server was reported, nothing more or less.
    assert_eq!(fake.removed().len(), reported, "{stderr}");
    // An ID read before Ctrl-C but not yet removed is reported as interrupted.
    let cut_short = stderr
        .lines()
        .filter(|line| line.contains(r#""code":"interrupted","exit_code":130,"message":"cannot"#))
        .count();
    assert!(cut_short <= 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "interrupted: {} of 40 IDs processed",
            reported + cut_short
        )),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("backed up integration").count(),
        reported + stderr.matches("deleted the backup").count(),
        "no backup kept for an ID whose removal was never sent: {stderr}"
    );
    assert!(!stderr.contains("panicked"));
}

/// Ctrl-C while a batch reads the list (its preflight) ends the batch before
/// any removal: exit 130 and the report, not death by the signal.
#[cfg(unix)]
#[test]
fn ctrl_c_while_the_list_is_read_removes_nothing_and_exits_130() {
    let env = TestEnv::new();
    let (fake, output) =
        batch_of_40_interrupted(&env, Duration::from_millis(800), Duration::from_millis(300));
    let stderr = String::from_utf8(output.stderr).unwrap();

    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert_eq!(output.stdout, b"", "{stderr}");
    assert_eq!(fake.requests("integrations.list"), 1, "{stderr}");
    assert_eq!(fake.requests("integrations.get"), 0, "{stderr}");
    assert_eq!(fake.requests("integrations.remove"), 0, "{stderr}");
    assert!(fake.removed().is_empty());
    assert!(
        stderr.contains("interrupted: 0 of 40 IDs processed"),
        "{stderr}"
    );
    assert!(
        audit_lines(&env).is_empty(),
        "nothing was sent that changes"
    );
    assert!(!stderr.contains("panicked"));
}

#[test]
fn the_same_id_twice_in_a_batch_is_removed_once_with_one_backup() {
    let env = TestEnv::new();
    let ids = ids(2);
    let fake = fake_with(
        &ids,
        Options {
            delay: Duration::from_millis(30),
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "remove", "--json", "--parallel", "4"])
        .args([&ids[0], &ids[1], &ids[0], &ids[0]]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr.contains(&format!(
            "warning: integration {} was given 3 times; it is processed once",
            ids[0]
        )),
        "{}",
        run.stderr
    );
    let printed: Vec<Value> = run.json_lines().iter().map(|d| d["_id"].clone()).collect();
    assert_eq!(printed, ids, "once each, where it first came");
    assert_eq!(fake.requests("integrations.remove"), 2);
    let backups = backup_files(&data_dir(&env));
    assert_eq!(backups.len(), 2, "{backups:?}");
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 2);
    assert!(audit.iter().all(|line| line["result"] == "removed"));
}

#[test]
fn two_processes_removing_the_same_id_keep_the_backup_of_the_one_that_removed_it() {
    let env = TestEnv::new();
    let id = "sharedAAAAAAAAAAA".to_owned();
    // Both reads are answered before either removal is.
    let fake = fake_with(
        std::slice::from_ref(&id),
        Options {
            removals_wait_for_reads: 2,
            ..Options::default()
        },
    );
    let spawn = || {
        env.ci_against(&fake)
            .args(["integrations", "remove", &id])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (spawn(), spawn());
    let mut codes: Vec<i32> = [first, second]
        .into_iter()
        .map(|child| child.wait_with_output().unwrap().status.code().unwrap())
        .collect();
    codes.sort_unstable();

    assert_eq!(codes, [0, 6], "one removed it, the other found it gone");
    assert_eq!(fake.requests("integrations.remove"), 2);
    let backups = backup_files(&data_dir(&env));
    assert_eq!(backups.len(), 1, "the remover's backup stays: {backups:?}");
    let backup: Value =
        serde_json::from_str(&std::fs::read_to_string(&backups[0]).unwrap()).unwrap();
    assert_eq!(backup["integration"]["_id"], id.as_str());
    let mut results: Vec<String> = audit_lines(&env)
        .iter()
        .map(|line| line["result"].as_str().unwrap().to_owned())
        .collect();
    results.sort();
    assert_eq!(results, ["failed", "removed"]);
}

#[test]
fn a_body_dripped_byte_by_byte_is_cut_off_at_the_timeout() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "drip")],
        // About 500 bytes at a byte per 100 ms: 50 s if nothing cut it off.
        faults: vec![FaultPlan::once(
            "integrations.get",
            Fault::DripAfterActing(Duration::from_millis(100)),
        )],
        ..Options::default()
    });

    let started = Instant::now();
    let run =
        run(env
            .ci_against(&fake)
            .args(["--timeout", "1", "integrations", "get", OUTGOING_ID]));

    assert_eq!(run.code, 9, "{run:#?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(
        run.stderr
            .contains("no complete response within 1 s (HTTP 200 arrived, its body did not)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fake.requests("integrations.get"),
        1,
        "a timeout is not retried"
    );
}

#[test]
fn an_oversized_response_header_is_exit_1() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "big head")],
        faults: vec![FaultPlan::once(
            "integrations.get",
            Fault::OversizedHeaderAfterActing,
        )],
        ..Options::default()
    });

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "get", OUTGOING_ID]));

    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr
            .contains("is not a usable HTTP response: message head is too large"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_transient_gateway_error_on_a_read_is_retried_once() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "listed")],
        faults: vec![
            FaultPlan::once("integrations.list", Fault::GatewayWithoutActing(502)),
            FaultPlan::once("me", Fault::GatewayWithoutActing(503)),
            FaultPlan::once("/api/info", Fault::GatewayWithoutActing(504)),
        ],
        ..Options::default()
    });

    let list = run(env
        .ci_against(&fake)
        .args(["integrations", "list", "--json"]));
    let status = run(env.ci_against(&fake).args(["auth", "status", "--json"]));

    assert_eq!(list.code, 0, "{list:#?}");
    assert_eq!(list.json_lines()[0][0]["name"], "listed");
    assert_eq!(fake.requests("integrations.list"), 2);
    assert_eq!(status.code, 0, "{status:#?}");
    assert_eq!(status.json_lines()[0]["user"], "admin");
    assert_eq!(status.json_lines()[0]["server_version"], "7.6");
    assert_eq!(fake.requests("me"), 2);
    assert_eq!(fake.requests("/api/info"), 2);
    assert_eq!(status.stderr, "", "a retried read says nothing");
}

#[test]
fn a_pause_longer_than_max_wait_is_not_taken() {
    let env = TestEnv::new();
    let ids = ids(2);
    // One call per route per ten minutes: the first answer says none are left.
    let fake = fake_with(
        &ids,
        Options {
            rate_limit: Some((1, Duration::from_secs(600))),
            ..Options::default()
        },
    );

    let started = Instant::now();
    let run = run(env
        .ci_against(&fake)
        .args([
            "--max-wait",
            "2",
            "integrations",
            "remove",
            "--parallel",
            "1",
        ])
        .args(&ids));

    assert_eq!(run.code, 8, "{run:#?}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "it did not wait"
    );
    assert_eq!(fake.removed(), [ids[0].clone()], "the first had its calls");
    assert_eq!(
        fake.requests("integrations.get"),
        1,
        "nothing sent for the second"
    );
    assert_eq!(fake.requests("integrations.remove"), 1);
    assert_eq!(fake.too_many(), 0, "no 429 earned");
    assert!(
        run.stderr.contains(
            "the server allows no more calls to integrations.get for 600 s, longer than \
             --max-wait allows (2 s); nothing was sent"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("waiting"), "{}", run.stderr);
    assert_eq!(backup_files(&data_dir(&env)).len(), 1);
    assert_eq!(audit_lines(&env).len(), 1);
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_rate_limit_wait_and_nothing_is_sent_after_it() {
    let env = TestEnv::new();
    let ids = ids(2);
    let fake = fake_with(
        &ids,
        Options {
            rate_limit: Some((1, Duration::from_secs(20))),
            ..Options::default()
        },
    );
    let child = env
        .ci_against(&fake)
        .args([
            "--max-wait",
            "60",
            "integrations",
            "remove",
            "--parallel",
            "1",
        ])
        .args(&ids)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The first ID is removed at once; the second's read waits out the window.
    let deadline = Instant::now() + Duration::from_secs(10);
    while fake.removed().is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let signalled = Instant::now();
    ctrl_c(&child);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();

    assert!(
        signalled.elapsed() < Duration::from_secs(3),
        "the wait ended at once"
    );
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("waiting 2"), "the wait had begun: {stderr}");
    assert_eq!(fake.requests("integrations.get"), 1, "{stderr}");
    assert_eq!(fake.requests("integrations.remove"), 1, "{stderr}");
    assert_eq!(fake.removed(), [ids[0].clone()]);
    assert_eq!(
        backup_files(&data_dir(&env)).len(),
        1,
        "no backup for the second"
    );
    assert_eq!(audit_lines(&env).len(), 1);
}

#[test]
fn login_saves_its_ca_cert_so_the_next_command_trusts_the_server() {
    let env = TestEnv::new();
    let identity = TlsIdentity::generate();
    let ca = env.dir.path().join("ca.pem");
    std::fs::write(&ca, &identity.ca_pem).unwrap();
    let fake = FakeRocketChat::start(Options {
        docs: vec![outgoing_doc(OUTGOING_ID, "over tls")],
        tls: Some(identity.server),
        ..Options::default()
    });

    let login = run_with_stdin(
        env.rcctl().current_dir(env.dir.path()).args([
            "--url",
            &fake.url(),
            "--ca-cert",
            "ca.pem",
            "--timeout",
            "7",
            "auth",
            "login",
            "-p",
            "corp",
            "--with-token",
            "--user-id",
            USER_ID,
        ]),
        TOKEN,
    );
    let next = run(env
        .rcctl()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    assert_eq!(login.code, 0, "{login:#?}");
    let config = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(
        config.contains(&format!("ca_cert = \"{}\"", ca.display())),
        "saved as an absolute path: {config}"
    );
    assert!(config.contains("timeout = 7"), "{config}");
    assert_eq!(next.code, 0, "{next:#?}");
    assert_eq!(next.json_lines()[0]["name"], "over tls");
}

#[test]
fn an_untrusted_certificate_names_ca_cert_in_its_hint() {
    let env = TestEnv::new();
    let identity = TlsIdentity::generate();
    let fake = FakeRocketChat::start(Options {
        tls: Some(identity.server),
        ..Options::default()
    });

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "get", OUTGOING_ID]));

    assert_eq!(run.code, 9, "{run:#?}");
    assert!(run.stderr.contains("UnknownIssuer"), "{}", run.stderr);
    let hint = run
        .stderr
        .lines()
        .find(|line| line.starts_with("hint: "))
        .unwrap();
    assert!(
        hint.contains("--ca-cert FILE") && hint.contains("ca_cert"),
        "{hint}"
    );
    assert!(!hint.contains("check your network"), "{hint}");
}

/// Ctrl-C while a refused (429) removal waits for its retry: the retry is
/// never sent, the refusal stands (its backup deleted, its audit line
/// `failed`), and rcctl exits 130 at once.
#[cfg(unix)]
#[test]
fn ctrl_c_during_a_429_retry_wait_sends_no_retry() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let limited = env
        .mock_remove("webhook-outgoing", OUTGOING_ID, 429, &fixture("429.json"))
        .with_header("x-ratelimit-reset", &(epoch_ms() + 20_000).to_string())
        .expect(1)
        .create();
    let child = env
        .ci()
        .args(["--max-wait", "60", "integrations", "remove", OUTGOING_ID])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !limited.matched() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let signalled = Instant::now();
    ctrl_c(&child);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();

    get.assert();
    limited.assert();
    assert!(
        signalled.elapsed() < Duration::from_secs(3),
        "the wait ended at once"
    );
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("before retry 1 of 3"), "{stderr}");
    assert!(
        stderr.contains("rate limited by the server (HTTP 429"),
        "{stderr}"
    );
    assert!(
        backup_files(&data_dir(&env)).is_empty(),
        "refused: backup deleted"
    );
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), 1, "the 429 was sent, so it is in the log");
    assert_eq!(audit[0]["result"], "failed");
    assert_eq!(audit[0]["exit_code"], 8);
}
