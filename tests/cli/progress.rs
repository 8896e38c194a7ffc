//! Progress and summaries (docs/contract.md §4.4): one line on a terminal's
//! stderr for work that takes over a second, gone when it ends, never on a
//! stderr that is not a terminal; a summary after a batch of several IDs;
//! after Ctrl-C, the report once. (The module is for Unix: ptys and SIGINT.)

use std::time::Duration;

use crate::fake_rocketchat::{FakeRocketChat, Options, outgoing_doc};
use crate::support::*;

/// A server holding `ids`, answering each request after `delay`.
fn slow_fake(ids: &[String], delay: Duration) -> FakeRocketChat {
    FakeRocketChat::start(Options {
        docs: ids
            .iter()
            .map(|id| outgoing_doc(id, &format!("hook {id}")))
            .collect(),
        delay,
        ..Options::default()
    })
}

fn ids(prefix: &str, count: usize) -> Vec<String> {
    (0..count).map(|i| format!("{prefix}{i:013}")).collect()
}

/// Where the last progress line drawn is cleared again (`ESC [2K`, erase line).
fn cleared_after(shown: &str, progress: &str) -> bool {
    match (shown.rfind(progress), shown.rfind("\u{1b}[2K")) {
        (Some(drawn), Some(cleared)) => cleared > drawn,
        _ => false,
    }
}

/// Removes 8 IDs one at a time, each request taking 100 ms (well over a
/// second in all), on a pty; `redirect` is shell text after the command.
fn slow_batch_on_a_terminal(env: &TestEnv, prefix: &str, redirect: &str) -> Run {
    let ids = ids(prefix, 8);
    let fake = slow_fake(&ids, Duration::from_millis(100));
    let run = env.on_a_terminal_of(
        100,
        &format!(
            "integrations remove --no-backup --parallel 1 {} {redirect}",
            ids.join(" ")
        ),
        &[("RCCTL_URL", &fake.url())],
        &[],
    );
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.removed(), ids);
    run
}

#[test]
fn a_batch_shows_a_progress_line_on_a_terminal_and_clears_it() {
    let env = TestEnv::new();

    let run = slow_batch_on_a_terminal(&env, "tty", "");

    assert!(
        (1..8).any(|done| run.stdout.contains(&format!("removing {done}/8"))),
        "done/total: {:?}",
        run.stdout
    );
    assert!(cleared_after(&run.stdout, "removing "), "{:?}", run.stdout);
    let lines = screen_lines(&run.stdout);
    assert_eq!(
        lines.last().map(String::as_str),
        Some("removed 8"),
        "{lines:#?}"
    );
    assert!(
        !lines.iter().any(|line| line.contains("removing ")),
        "{lines:#?}"
    );
}

#[test]
fn a_stderr_that_is_not_a_terminal_never_gets_the_progress_line() {
    let env = TestEnv::new();
    let stderr_file = env.dir.path().join("stderr.txt");

    let run = slow_batch_on_a_terminal(&env, "pipe", &format!("2>{}", stderr_file.display()));

    let stderr = std::fs::read_to_string(&stderr_file).unwrap();
    assert!(!stderr.contains("removing "), "{stderr:?}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.ends_with("removed 8\n"), "{stderr:?}");
    assert!(!run.stdout.contains("removing "), "{:?}", run.stdout);
}

#[cfg(unix)]
#[test]
fn paging_through_a_long_list_shows_its_progress() {
    let env = TestEnv::new();
    let ids = ids("page", 250);
    // Three pages of 450 ms, one after the other.
    let fake = slow_fake(&ids, Duration::from_millis(450));

    let run = env.on_a_terminal_of(
        100,
        "integrations list -o id --parallel 1",
        &[("RCCTL_URL", &fake.url())],
        &[],
    );

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.requests("integrations.list"), 3);
    assert!(
        run.stdout.contains("listing integrations 200/250"),
        "{:?}",
        run.stdout
    );
    assert!(cleared_after(&run.stdout, "listing integrations"));
    let lines = screen_lines(&run.stdout);
    let listed: Vec<&String> = lines
        .iter()
        .filter(|line| line.starts_with("page"))
        .collect();
    assert_eq!(listed.len(), 250, "every ID on its own line");
}

#[cfg(unix)]
#[test]
fn a_rate_limit_pause_counts_down_on_the_progress_line() {
    let env = TestEnv::new();
    let ids = ids("wait", 3);
    // Two calls per route and 1.5 s window: the third read waits for the window.
    let fake = FakeRocketChat::start(Options {
        docs: ids.iter().map(|id| outgoing_doc(id, id)).collect(),
        rate_limit: Some((2, Duration::from_millis(1500))),
        ..Options::default()
    });

    let run = env.on_a_terminal_of(
        100,
        &format!(
            "integrations remove --no-backup --parallel 1 {}",
            ids.join(" ")
        ),
        &[("RCCTL_URL", &fake.url())],
        &[],
    );

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.removed(), ids);
    assert!(run.stdout.contains("rate limited, "), "{:?}", run.stdout);
    assert!(run.stdout.contains(" s left"), "{:?}", run.stdout);
    assert!(
        run.stdout.contains("allows no more calls"),
        "the wait is still announced: {:?}",
        run.stdout
    );
}

#[test]
fn a_batch_of_several_ends_with_a_summary_of_outcomes() {
    let mut env = TestEnv::new();
    let body = |id: &str| outgoing_body(id, "hook");
    let mut mocks = Vec::new();
    for id in ["okAAAAAAAAAAAAAAA", "okBBBBBBBBBBBBBBB"] {
        mocks.extend(env.mock_removable("webhook-outgoing", id, &body(id)));
    }
    mocks.push(
        env.mock_get("goneCCCCCCCCCCCCC", 400, &fixture("get-not-found.json"))
            .create(),
    );
    mocks.push(env.mock_found("inDDDDDDDDDDDDDDD", &fixture("integration-incoming.json")));
    mocks.push(
        env.mock_get("failEEEEEEEEEEEEE", 403, &fixture("403-band-c.json"))
            .create(),
    );

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--no-backup",
        "-t",
        "outgoing",
        "okAAAAAAAAAAAAAAA",
        "goneCCCCCCCCCCCCC",
        "okBBBBBBBBBBBBBBB",
        "inDDDDDDDDDDDDDDD",
        "failEEEEEEEEEEEEE",
    ]));

    mocks.iter().for_each(mockito::Mock::assert);
    assert_eq!(run.code, 6, "the first failure's code: {run:#?}");
    assert!(
        run.stderr
            .ends_with("removed 2, missing 1, wrong type 1, failed 1\n"),
        "{}",
        run.stderr
    );
}

/// docs/contract.md §4.4: under `--dry-run` the summary says `would remove`.
#[test]
fn a_dry_run_batch_summary_says_would_remove() {
    let mut env = TestEnv::new();
    let mut mocks = vec![env.forbid_remove()];
    for id in ["okAAAAAAAAAAAAAAA", "okBBBBBBBBBBBBBBB"] {
        mocks.push(env.mock_found(id, &outgoing_body(id, "hook")));
    }
    mocks.push(
        env.mock_get("goneCCCCCCCCCCCCC", 400, &fixture("get-not-found.json"))
            .create(),
    );

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--dry-run",
        "okAAAAAAAAAAAAAAA",
        "goneCCCCCCCCCCCCC",
        "okBBBBBBBBBBBBBBB",
    ]));

    mocks.iter().for_each(mockito::Mock::assert);
    assert_eq!(run.code, 6, "{run:#?}");
    assert!(
        run.stderr.ends_with("would remove 2, missing 1\n"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("removed 2"), "{}", run.stderr);
}

#[test]
fn one_id_gets_no_summary() {
    let mut env = TestEnv::new();
    let mocks = env.mock_outgoing_removal(200, &fixture("integration-outgoing.json"));
    let run = run(env
        .ci()
        .args(["integrations", "remove", "--no-backup", OUTGOING_ID]));
    mocks.iter().for_each(mockito::Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(!run.stderr.contains("removed 1"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn after_ctrl_c_the_report_is_printed_once() {
    let env = TestEnv::new();
    let ids = ids("intr", 40);
    let fake = slow_fake(&ids, Duration::from_millis(100));
    let output = interrupted_after(
        env.ci_against(&fake)
            .args(["integrations", "remove", "--no-backup", "--parallel", "1"])
            .args(&ids),
        Duration::from_millis(700),
    );
    let stderr = String::from_utf8(output.stderr).unwrap();

    assert_eq!(output.status.code(), Some(130), "{stderr}");
    let removed = fake.removed().len();
    assert!(removed > 0 && removed < 40, "{removed}");
    assert!(
        stderr.contains(&format!("\nremoved {removed}\n")),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("interrupted").count(),
        2,
        "the notice and the report: {stderr}"
    );
    assert!(
        stderr.ends_with(&format!(
            "warning: interrupted: {removed} of 40 IDs processed; {} not attempted, from {} on\n",
            40 - removed,
            ids[removed]
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("error: interrupted"), "{stderr}");
}

#[test]
fn a_wait_outside_a_batch_counts_down_on_a_line_of_its_own() {
    let mut env = TestEnv::new();
    let reset = (epoch_ms() + 1600).to_string();
    // mockito answers with the first mock still missing hits: 429, then the document.
    let limited = env
        .mock_get(OUTGOING_ID, 429, &fixture("429.json"))
        .with_header("x-ratelimit-reset", &reset)
        .create();
    let found = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = env.on_a_terminal(&format!("integrations get {OUTGOING_ID}"), &[], &[]);

    limited.assert();
    found.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout
            .contains("waiting for the rate limit of integrations.get on http://127.0.0.1:"),
        "{:?}",
        run.stdout
    );
    assert!(run.stdout.contains(": 1 s left"), "{:?}", run.stdout);
    assert!(cleared_after(&run.stdout, " s left"), "{:?}", run.stdout);
    let lines = screen_lines(&run.stdout);
    assert!(
        !lines.iter().any(|line| line.contains(" s left")),
        "{lines:#?}"
    );
}
