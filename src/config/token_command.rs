//! A profile's `token_command` (docs/contract.md §2): run through `/bin/sh`
//! (by its absolute path, so no `sh` earlier in `PATH` is run instead) when
//! the token is needed; its trimmed stdout is the token. It gets `--timeout`
//! to finish, as a request does, so a command waiting for a password manager
//! that never answers cannot hang rcctl. It runs in a process group of its
//! own, and the whole group is killed at the timeout: a process it started
//! would otherwise keep rcctl's stderr (and whatever reads it) open.

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{ConfigError, Source};
use crate::secret::Secret;

/// How often a running command is checked for having finished.
const POLL: Duration = Duration::from_millis(5);

/// Runs `command`, for at most `timeout`; its trimmed stdout is the token.
pub(super) fn run(
    command: &str,
    source: &Source,
    timeout: Duration,
) -> Result<Secret, ConfigError> {
    let failed = |reason: String| ConfigError::TokenCommand {
        origin: source.clone(),
        reason,
    };
    let too_slow = || {
        failed(format!(
            "`{command}` did not finish within {} s (--timeout)",
            timeout.as_secs()
        ))
    };
    let deadline = Instant::now() + timeout;
    let mut shell = shell(command);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut shell, 0);
    let mut child = shell
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|err| failed(format!("cannot run `{command}`: {err}")))?;
    // Read on a thread, so a command that prints more than a pipe holds
    // cannot block on its write while rcctl waits for it to exit.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let (sender, printed) = mpsc::channel();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = sender.send(stdout.read_to_end(&mut bytes).map(|_| bytes));
    });
    let status = wait_until(&mut child, deadline)
        .map_err(|err| failed(format!("cannot wait for `{command}`: {err}")))?
        .ok_or_else(too_slow)?;
    if !status.success() {
        return Err(failed(format!("`{command}` exited with {status}")));
    }
    // A process it started in the background may still hold its stdout open.
    let bytes = printed
        .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        .map_err(|_| too_slow())?
        .map_err(|err| failed(format!("cannot read what `{command}` printed: {err}")))?;
    let token = String::from_utf8(bytes)
        .map_err(|_| failed(format!("`{command}` printed something that is not UTF-8")))?;
    let token = Secret::new(token.trim());
    if token.is_empty() {
        return Err(failed(format!("`{command}` printed nothing")));
    }
    Ok(token)
}

/// The child's exit status, or `None` (and the child killed) at `deadline`.
fn wait_until(child: &mut Child, deadline: Instant) -> std::io::Result<Option<ExitStatus>> {
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            kill_all(child);
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(POLL);
    }
}

/// Kills the child and every process in its group (its own, from `spawn`).
#[cfg(unix)]
fn kill_all(child: &mut Child) {
    use rustix::process::{Pid, Signal, kill_process_group};
    if kill_process_group(Pid::from_child(child), Signal::KILL).is_err() {
        let _ = child.kill();
    }
}

#[cfg(windows)]
fn kill_all(child: &mut Child) {
    let _ = child.kill();
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("/bin/sh");
    shell.arg("-c").arg(command);
    shell
}

#[cfg(windows)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("cmd");
    shell.arg("/C").arg(command);
    shell
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: Duration = Duration::from_secs(1);

    #[test]
    fn a_failing_token_command_is_a_config_error() {
        let err = run("exit 3", &Source::Default, SECOND).expect_err("fails");
        assert!(matches!(err, ConfigError::TokenCommand { .. }));
    }

    #[test]
    fn its_trimmed_stdout_is_the_token() {
        let token = run("printf '  tok\\n'", &Source::Default, SECOND).expect("runs");
        assert_eq!(token.expose(), "tok");
    }

    #[test]
    fn a_command_that_hangs_is_cut_off_at_the_timeout() {
        let started = Instant::now();
        let err = run("sleep 30", &Source::Default, Duration::from_millis(300)).expect_err("slow");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
        assert!(err.to_string().contains("did not finish within"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn what_it_started_is_killed_with_it() {
        let root = tempfile::tempdir().expect("temp dir");
        let marker = root.path().join("alive");
        // A second process, then a wait that outlives the timeout.
        let command = format!("(sleep 1; touch {}) & sleep 30", marker.display());
        run(&command, &Source::Default, Duration::from_millis(200)).expect_err("slow");
        std::thread::sleep(Duration::from_millis(1500));
        assert!(
            !marker.exists(),
            "the background process outlived the timeout"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_shell_is_found_by_its_absolute_path() {
        assert_eq!(shell("true").get_program(), "/bin/sh");
    }
}
