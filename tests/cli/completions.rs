//! The committed scripts in `completions/` are exactly `rcctl completions SHELL`.
//! Regenerate them with `RCCTL_BLESS=1 cargo test --test cli completions`.

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
