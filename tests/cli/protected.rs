//! A protected profile without a terminal (docs/contract.md §6.7): with stdin
//! a pipe that stays open and never says anything (a CI runner's, or a
//! parent process that holds it), `remove` and `restore` refuse at once with
//! exit 10, naming `--yes`, and send nothing. They never wait for an answer
//! that cannot come.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mockito::{Matcher, Mock};

use crate::support::*;

/// Longer than any refusal takes; a run still going then waits for stdin.
const DEADLINE: Duration = Duration::from_secs(5);

/// Any request at all, expected never.
fn nothing_sent(env: &mut TestEnv) -> Vec<Mock> {
    ["GET", "POST", "PUT"]
        .iter()
        .map(|method| env.server.mock(method, Matcher::Any).expect(0).create())
        .collect()
}

/// Runs `command` with stdin a pipe held open and never written to; fails
/// the test if rcctl is still running at [`DEADLINE`].
fn run_with_stdin_held_open(command: &mut Command) -> Run {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rcctl starts");
    let held = child.stdin.take().expect("a stdin pipe");
    let started = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > DEADLINE {
            child.kill().expect("killed");
            panic!("rcctl hung waiting on a stdin that never ends");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("rcctl finishes");
    drop(held);
    let run = Run {
        code: output.status.code().expect("rcctl exited by itself"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8"),
    };
    assert_ne!(run.code, 101, "rcctl panicked: {run:#?}");
    run
}

#[test]
fn a_protected_remove_with_stdin_held_open_refuses_at_once() {
    let mut env = TestEnv::new().with_protected_profile();
    let nothing = nothing_sent(&mut env);

    let run = run_with_stdin_held_open(env.rcctl().args(["integrations", "remove", OUTGOING_ID]));

    nothing.iter().for_each(Mock::assert);
    assert_eq!(run.code, 10, "{run:#?}");
    assert!(run.stderr.contains("pass --yes"), "{}", run.stderr);
    assert!(
        run.stderr.contains("stdin is not a terminal"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    assert!(!data_dir(&env).exists(), "no backup, no audit line");
}

#[test]
fn a_protected_restore_with_stdin_held_open_refuses_at_once() {
    let mut env = TestEnv::new().with_protected_profile();
    let file = env.dir.path().join("saved.json");
    write_private(&file, &fixture("integration-incoming.json"));
    let nothing = nothing_sent(&mut env);

    let run = run_with_stdin_held_open(env.rcctl().args([
        "integrations",
        "restore",
        "--json",
        file.to_str().unwrap(),
    ]));

    nothing.iter().for_each(Mock::assert);
    assert_eq!(run.code, 10, "{run:#?}");
    assert!(run.stderr.contains("pass --yes"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(!data_dir(&env).exists(), "no audit line");
}
