//! Help that teaches (docs/contract.md §3.1): examples at the end of every
//! command's `--help`, the exit codes in `rcctl --help`, the global options in
//! one line under `-h`, and the familiar aliases.

use crate::support::*;

/// Every command and subcommand, as the words that name it.
const COMMANDS: &[&[&str]] = &[
    &[],
    &["integrations"],
    &["integrations", "remove"],
    &["integrations", "get"],
    &["integrations", "list"],
    &["integrations", "restore"],
    &["integrations", "backups"],
    &["integrations", "history"],
    &["integrations", "doctor"],
    &["integrations", "export"],
    &["integrations", "plan"],
    &["integrations", "apply"],
    &["auth"],
    &["auth", "login"],
    &["auth", "status"],
    &["auth", "logout"],
    &["auth", "list"],
    &["auth", "use"],
    &["completions"],
];

fn help(env: &TestEnv, command: &[&str], flag: &str) -> String {
    let run = run(env.rcctl().args(command).arg(flag));
    assert_eq!(run.code, 0, "{command:?} {flag}: {run:#?}");
    run.stdout
}

#[test]
fn every_help_ends_with_real_examples() {
    let env = TestEnv::new();
    for command in COMMANDS {
        let text = help(&env, command, "--help");
        let examples = text
            .rfind("Examples:")
            .unwrap_or_else(|| panic!("{command:?} has no examples:\n{text}"));
        let lines: Vec<&str> = text[examples..]
            .lines()
            .skip(1)
            .take_while(|line| line.starts_with("  "))
            .collect();
        assert!(lines.len() >= 2, "{command:?}: {lines:?}");
        for line in &lines {
            let line = line.trim();
            assert!(
                line.starts_with("rcctl ") || line.starts_with("echo ") || line.contains("| rcctl"),
                "{command:?}: {line}"
            );
        }
    }
}

#[test]
fn rcctl_help_carries_the_exit_code_table() {
    let env = TestEnv::new();
    let text = help(&env, &[], "--help");
    let table = &text[text.find("Exit codes:").expect("an exit-code table")..];
    for (code, name) in [
        (0, "ok"),
        (1, "error"),
        (2, "usage"),
        (3, "config"),
        (4, "auth"),
        (5, "forbidden"),
        (6, "not_found"),
        (7, "conflict"),
        (8, "rate_limited"),
        (9, "network"),
        (10, "cancelled"),
        (11, "drift"),
        (12, "unhealthy"),
        (130, "interrupted"),
    ] {
        assert!(
            table
                .lines()
                .any(|line| line.trim_start().starts_with(&format!("{code}  {name} "))),
            "{code} {name} in\n{table}"
        );
    }
    assert!(
        !help(&env, &[], "-h").contains("Exit codes:"),
        "long help only"
    );
}

#[test]
fn short_help_names_the_global_options_in_one_place() {
    let env = TestEnv::new();
    for command in COMMANDS {
        let short = help(&env, command, "-h");
        assert!(
            !short.contains("Profile from the config file"),
            "{command:?}:\n{short}"
        );
        assert!(
            short.contains("Global options: -p/--profile, --url"),
            "{command:?}:\n{short}"
        );
        assert!(short.contains("-o/--output"), "{command:?}:\n{short}");
        let long = help(&env, command, "--help");
        assert!(long.contains("Profile from the config file"), "{command:?}");
    }
}

#[test]
fn type_help_names_its_aliases() {
    let env = TestEnv::new();
    for command in [&["integrations", "remove"][..], &["integrations", "list"]] {
        let text = help(&env, command, "-h");
        assert!(
            text.contains("(aliases: incoming, outgoing)"),
            "{command:?}:\n{text}"
        );
    }
}

#[test]
fn completions_help_says_how_to_install_for_each_shell() {
    let env = TestEnv::new();
    let text = help(&env, &["completions"], "--help");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert!(
            text.contains(&format!("rcctl completions {shell} >")),
            "{shell}:\n{text}"
        );
    }
    assert!(text.contains("source <(COMPLETE=bash rcctl)"), "{text}");
}

#[test]
fn delete_and_rm_are_remove_and_ls_is_list() {
    let mut env = TestEnv::new();
    let get = env.mock_found_times(OUTGOING_ID, &fixture("integration-outgoing.json"), 2);
    let remove = env.forbid_remove();
    let list = env.mock_list(&[]).expect(1);

    let delete = run(env
        .ci()
        .args(["integrations", "delete", "--dry-run", OUTGOING_ID]));
    let rm = run(env
        .ci()
        .args(["integrations", "rm", "--dry-run", OUTGOING_ID]));
    let ls = run(env.ci().args(["integrations", "ls"]));

    get.assert();
    remove.assert();
    list.assert();
    assert_eq!((delete.code, rm.code, ls.code), (0, 0, 0));
    assert!(
        delete.stderr.contains("dry run: would remove"),
        "{}",
        delete.stderr
    );
    assert_eq!(ls.stderr, "no integrations found\n");
}
