//! `rcctl integrations remove` by filter (docs/contract.md §3.6): the matches
//! shown first, the confirmation (a terminal, or `--yes`), `--max`, `--all`,
//! and each match removed through the path of removal by ID.

use std::process::Stdio;

use serde_json::Value;

use crate::fake_rocketchat::{FakeRocketChat, Options};
use crate::filters::varied_docs;
use crate::support::*;

fn fake() -> FakeRocketChat {
    FakeRocketChat::start(Options {
        docs: varied_docs(),
        ..Options::default()
    })
}

fn removed_sorted(fake: &FakeRocketChat) -> Vec<String> {
    let mut removed = fake.removed();
    removed.sort();
    removed
}

#[test]
fn yes_removes_every_match_through_the_removal_path() {
    let env = TestEnv::new();
    let fake = fake();

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "remove", "--disabled", "--yes", "--json"])
        .stdin(Stdio::null()));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(removed_sorted(&fake), ["bAlerts", "dOldHook"]);
    let printed: Vec<Value> = run.json_lines().iter().map(|d| d["_id"].clone()).collect();
    assert_eq!(
        printed,
        ["bAlerts", "dOldHook"],
        "one document per line, in order"
    );
    assert!(run.json_lines().iter().all(|d| d["token"] == "[redacted]"));
    // The listing stands for the read before each removal: no `get` per match.
    assert_eq!(fake.requests("integrations.get"), 0);
    assert_eq!(
        run.stderr.matches("backed up integration").count(),
        2,
        "{}",
        run.stderr
    );
    assert_eq!(audit_lines(&env).len(), 2);
    assert_no_secrets(&run, &["outgoing-secret", "incoming-secret-token"]);
}

#[test]
fn the_matches_are_listed_on_stderr_before_anything_is_removed() {
    let env = TestEnv::new();
    let fake = fake();

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "remove", "--created-by", "bob", "-y"])
        .stdin(Stdio::null()));

    assert_eq!(run.code, 0, "{run:#?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines[..3],
        [
            format!("2 integrations on {} match:", fake.url()).as_str(),
            "  bAlerts    outgoing  Alerts",
            "  cCiDeploy  incoming  CI deploy",
        ],
        "{}",
        run.stderr
    );
    // Then the removals, and the table of what was removed on stdout.
    assert!(
        lines[3..]
            .iter()
            .any(|line| line.starts_with("removed webhook-outgoing integration bAlerts")),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("CI deploy"), "{}", run.stdout);
}

#[test]
fn without_a_terminal_or_yes_nothing_is_sent_but_reads() {
    let env = TestEnv::new();
    let fake = fake();

    let run =
        run_with_closed_stdin(
            env.ci_against(&fake)
                .args(["integrations", "remove", "--disabled"]),
        );

    assert_eq!(run.code, 10, "{run:#?}");
    assert_eq!(fake.requests("integrations.remove"), 0);
    assert_eq!(fake.requests("integrations.list"), 1);
    assert!(fake.contains("bAlerts") && fake.contains("dOldHook"));
    assert!(
        run.stderr.contains("  dOldHook  incoming  Old hook"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(
            "error: 2 integrations would be removed, and stdin is not a terminal, so rcctl \
             cannot ask: pass --yes to remove them without a confirmation (or --dry-run to \
             only list them)\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(audit_lines(&env).len(), 0);
}

#[test]
fn max_refuses_when_more_match_and_removes_nothing() {
    let env = TestEnv::new();
    let fake = fake();

    let refused = run(env.ci_against(&fake).args([
        "integrations",
        "remove",
        "--disabled",
        "--max",
        "1",
        "--yes",
    ]));
    let allowed = run(env.ci_against(&fake).args([
        "integrations",
        "remove",
        "--disabled",
        "--max",
        "2",
        "--yes",
        "--json",
    ]));

    assert_eq!(refused.code, 7, "{refused:#?}");
    assert_eq!(
        refused.stderr,
        "error: 2 integrations match, more than --max 1 allows; nothing was removed \
         (narrow the filters, or raise --max)\n"
    );
    assert_eq!(allowed.code, 0, "{allowed:#?}");
    assert_eq!(removed_sorted(&fake), ["bAlerts", "dOldHook"]);
}

#[test]
fn max_also_caps_a_removal_by_id() {
    let env = TestEnv::new();
    let fake = fake();

    let run = run(env.ci_against(&fake).args([
        "integrations",
        "remove",
        "--max",
        "1",
        "bAlerts",
        "dOldHook",
    ]));

    assert_eq!(run.code, 7, "{run:#?}");
    assert_eq!(fake.requests("integrations.get"), 0);
    assert!(fake.removed().is_empty());
}

#[test]
fn all_is_needed_to_remove_everything() {
    let env = TestEnv::new();
    let fake = fake();

    let nothing_named = run(env.ci_against(&fake).args(["integrations", "remove", "-y"]));
    let everything =
        run(env
            .ci_against(&fake)
            .args(["integrations", "remove", "--all", "-y", "--no-backup"]));

    assert_eq!(nothing_named.code, 2, "{nothing_named:#?}");
    assert_eq!(
        nothing_named.stderr,
        "error: nothing to remove: give integration IDs (`-` reads them from stdin), filters \
         such as --disabled or --name TEXT, or --all to remove every integration\n"
    );
    assert_eq!(everything.code, 0, "{everything:#?}");
    assert_eq!(
        removed_sorted(&fake),
        ["aDeployBot", "bAlerts", "cCiDeploy", "dOldHook"]
    );
}

#[test]
fn ids_and_filters_together_are_a_usage_error_before_any_request() {
    let env = TestEnv::new();
    let fake = fake();
    for args in [
        &["bAlerts", "--disabled"][..],
        &["bAlerts", "--all"],
        &["-", "--name", "x"],
    ] {
        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "remove", "-y"])
            .args(args));
        assert_eq!(run.code, 2, "{args:?}: {run:#?}");
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
    assert_eq!(fake.requests("integrations.list"), 0);
    assert_eq!(fake.requests("integrations.get"), 0);
}

#[test]
fn no_match_is_exit_0_with_a_note() {
    let env = TestEnv::new();
    let fake = fake();

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "remove", "--name", "no such hook"])
        .stdin(Stdio::null()));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "no integration on {} matches; nothing was removed\n",
            fake.url()
        )
    );
    assert_eq!(fake.requests("integrations.remove"), 0);
}

#[test]
fn dry_run_lists_the_matches_and_needs_no_confirmation() {
    let env = TestEnv::new();
    let fake = fake();

    let run = run(env
        .ci_against(&fake)
        .args([
            "integrations",
            "remove",
            "--event",
            "roomJoined",
            "--dry-run",
            "--json",
        ])
        .stdin(Stdio::null()));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json_lines()[0]["_id"], "bAlerts");
    assert_eq!(fake.requests("integrations.remove"), 0);
    assert!(
        !env.dir.path().join("xdg-data").exists(),
        "no backup, no audit"
    );
}

#[test]
fn type_without_ids_is_a_filter_and_still_the_guard() {
    let env = TestEnv::new();
    let fake = fake();

    let run = run(env.ci_against(&fake).args([
        "integrations",
        "remove",
        "-t",
        "incoming",
        "--yes",
        "--json",
        "--no-backup",
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(removed_sorted(&fake), ["cCiDeploy", "dOldHook"]);
}

#[cfg(unix)]
#[test]
fn a_terminal_is_asked_and_only_yes_removes() {
    let env = TestEnv::new();
    let fake = fake();
    let url = fake.url();
    let question = format!("Remove 2 integrations from {url}? [y/N] ");

    let declined = env.on_a_terminal(
        "integrations remove --disabled",
        &[("RCCTL_URL", &url)],
        &[Answer::visible(&question, "n\n")],
    );
    assert_eq!(declined.code, 10, "{declined:#?}");
    assert!(
        declined.stdout.contains("  bAlerts   outgoing  Alerts"),
        "the matches come before the question: {}",
        declined.stdout
    );
    assert!(
        declined
            .stdout
            .contains("not confirmed; nothing was removed"),
        "{}",
        declined.stdout
    );
    assert!(fake.removed().is_empty());

    let confirmed = env.on_a_terminal(
        "integrations remove --disabled",
        &[("RCCTL_URL", &url)],
        &[Answer::visible(&question, "y\n")],
    );
    assert_eq!(confirmed.code, 0, "{confirmed:#?}");
    assert_eq!(removed_sorted(&fake), ["bAlerts", "dOldHook"]);
}

#[cfg(unix)]
#[test]
fn a_protected_profile_asks_for_its_name_instead() {
    let env = TestEnv::new();
    let fake = fake();
    let url = fake.url();
    env.write_config(&format!(
        "[profiles.prod]\nurl = \"{url}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\nprotected = true\n"
    ));
    let question = "profile `prod` is protected. Type its name to remove 2 integrations: ";

    let piped = run_with_closed_stdin(env.rcctl().args(["integrations", "remove", "--disabled"]));
    let typed = env.on_a_terminal(
        "integrations remove --disabled",
        &[("RCCTL_URL", &url)],
        &[Answer::visible(question, "prod\n")],
    );

    assert_eq!(piped.code, 10, "{piped:#?}");
    assert!(piped.stderr.contains("pass --yes"), "{}", piped.stderr);
    assert_eq!(typed.code, 0, "{typed:#?}");
    assert!(
        !typed.stdout.contains("[y/N]"),
        "one question: {}",
        typed.stdout
    );
    assert_eq!(removed_sorted(&fake), ["bAlerts", "dOldHook"]);
}
