//! The committed scripts in `completions/` are exactly `rcctl completions SHELL`.
//! Regenerate them with `RCCTL_BLESS=1 cargo test --test cli completions`.
//!
//! Dynamic completion (`COMPLETE=fish rcctl -- rcctl …`, the protocol the
//! registered shell functions speak): profile names from the config file, and
//! integration IDs from what `list` last saw on that server with that
//! profile, without a request to any server.

use std::path::Path;

use crate::support::*;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "rcctl.bash"),
    ("zsh", "_rcctl"),
    ("fish", "rcctl.fish"),
    ("elvish", "rcctl.elv"),
    ("powershell", "_rcctl.ps1"),
];

#[test]
fn committed_completions_match_the_binary() {
    let env = TestEnv::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let bless = std::env::var_os("RCCTL_BLESS").is_some();
    for (shell, file) in SCRIPTS {
        let run = run(env.rcctl().args(["completions", shell]));
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(!run.stdout.is_empty());
        let path = dir.join(file);
        if bless {
            std::fs::write(&path, &run.stdout).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == run.stdout,
            "completions/{file} is stale: run `RCCTL_BLESS=1 cargo test --test cli completions`"
        );
    }
}

#[test]
fn completions_need_no_config() {
    let env = TestEnv::new();
    env.write_config("this is [not toml");
    let run = run(env.rcctl().args(["completions", "bash"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn an_unknown_shell_is_exit_2() {
    let env = TestEnv::new();
    assert_eq!(run(env.rcctl().args(["completions", "tcsh"])).code, 2);
}

/// What the shell is offered for the last of `words` (`COMPLETE=fish`: a
/// value and its description per line, tab-separated).
fn offered(command: &mut std::process::Command, words: &[&str]) -> Vec<String> {
    let run = run(command
        .env("COMPLETE", "fish")
        .arg("--")
        .arg("rcctl")
        .args(words));
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stderr, "");
    run.stdout.lines().map(str::to_owned).collect()
}

/// A list mock for `a1` (Deploy Bot) and `a2` (Alerts), expected once.
fn listing(env: &mut TestEnv) -> mockito::Mock {
    env.mock_list(&[
        serde_json::json!({"_id": "a1", "type": "webhook-outgoing", "name": "Deploy Bot"}),
        serde_json::json!({"_id": "a2", "type": "webhook-incoming", "name": "Alerts"}),
    ])
}

#[test]
fn profiles_complete_from_the_config_file() {
    let env = TestEnv::new();
    env.write_config(
        "default_profile = \"prod\"\n[profiles.prod]\nurl = \"https://chat.example.com\"\n\
         [profiles.staging]\nurl = \"https://staging.example.com\"\n",
    );

    let got = offered(&mut env.rcctl(), &["-p", ""]);

    assert_eq!(
        got,
        [
            "prod\thttps://chat.example.com",
            "staging\thttps://staging.example.com"
        ]
    );
    let used = offered(&mut env.rcctl(), &["auth", "use", "st"]);
    assert_eq!(used, ["staging\thttps://staging.example.com"]);
}

#[test]
fn ids_complete_from_the_last_listing_without_asking_the_server() {
    let mut env = TestEnv::new().with_profile();
    let list = listing(&mut env);
    let listed = run(env.rcctl().args(["integrations", "list"]));
    assert_eq!(listed.code, 0, "{listed:#?}");
    list.assert();
    // From here on, any request fails the test.
    let nothing = env
        .server
        .mock("GET", mockito::Matcher::Any)
        .expect(0)
        .create();

    let get = offered(&mut env.rcctl(), &["integrations", "get", ""]);
    let remove = offered(&mut env.rcctl(), &["integrations", "rm", "--dry-run", "a"]);

    nothing.assert();
    assert!(get.contains(&"a1\tDeploy Bot".to_owned()), "{get:#?}");
    assert!(get.contains(&"a2\tAlerts".to_owned()), "{get:#?}");
    assert_eq!(remove, ["a1\tDeploy Bot", "a2\tAlerts"]);
}

#[test]
fn ids_are_kept_per_server_and_profile() {
    let mut env = TestEnv::new();
    let list = listing(&mut env);
    // Listed with CI credentials and no config file: no profile.
    assert_eq!(run(env.ci().args(["integrations", "list"])).code, 0);
    list.assert();

    let as_ci = offered(&mut env.ci(), &["integrations", "get", "a"]);
    let elsewhere = offered(
        env.ci().env("RCCTL_URL", "https://other.example.com"),
        &["integrations", "get", "a"],
    );
    let env = env.with_profile();
    let as_prod = offered(&mut env.rcctl(), &["integrations", "get", "a"]);

    assert_eq!(as_ci, ["a1\tDeploy Bot", "a2\tAlerts"]);
    assert_eq!(elsewhere, Vec::<String>::new(), "another server");
    assert_eq!(as_prod, Vec::<String>::new(), "profile prod never listed");
}

#[cfg(unix)]
#[test]
fn the_bash_registration_completes_ids() {
    let mut env = TestEnv::new().with_profile();
    let list = listing(&mut env);
    assert_eq!(run(env.rcctl().args(["integrations", "list"])).code, 0);
    list.assert();
    let script = "source <(COMPLETE=bash rcctl)
COMP_WORDS=(rcctl integrations get a); COMP_CWORD=3; COMP_TYPE=9
_clap_complete_rcctl rcctl a get
printf '%s\\n' \"${COMPREPLY[@]}\"";

    let run = run(&mut shell(&env.rcctl(), script));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "a1\na2\n");
}
