//! The hermetic test environment: a temporary home, a cleared environment, a
//! mock server, and helpers to run the binary and read what it printed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use mockito::{Matcher, Mock, Server, ServerGuard};
use serde_json::{Value, json};
use tempfile::TempDir;

// Every test file takes its credentials and fixture IDs from here.
pub use crate::constants::*;
use crate::fake_rocketchat::FakeRocketChat;
pub use crate::fake_rocketchat::epoch_ms;
#[cfg(unix)]
pub use crate::terminal::Answer;

pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// A `{"integration": …, "success": true}` body for an outgoing webhook.
pub fn outgoing_body(id: &str, name: &str) -> String {
    let mut body: Value = serde_json::from_str(&fixture("integration-outgoing.json")).unwrap();
    body["integration"]["_id"] = json!(id);
    body["integration"]["name"] = json!(name);
    body.to_string()
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")))
            .collect()
    }

    pub fn stderr_json(&self) -> Vec<Value> {
        self.stderr
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")))
            .collect()
    }
}

/// Fails the test if any of `secrets` shows on stdout or stderr.
pub fn assert_no_secrets(run: &Run, secrets: &[&str]) {
    for secret in secrets {
        assert!(!run.stdout.contains(secret), "{secret} on stdout: {run:#?}");
        assert!(!run.stderr.contains(secret), "{secret} on stderr: {run:#?}");
    }
}

/// Runs the command; a panic (exit 101) or a signal fails the test whatever it expected.
pub fn run(command: &mut Command) -> Run {
    // `output()` gives the child an empty stdin unless the test set one.
    finish(command.output().expect("rcctl runs"))
}

pub struct TestEnv {
    pub server: ServerGuard,
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        Self {
            server: Server::new(),
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn url(&self) -> String {
        self.server.url()
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// `$XDG_CONFIG_HOME/rcctl/config.toml`, where rcctl looks by default.
    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("xdg-config/rcctl/config.toml")
    }

    /// Writes the default config file with mode 0600.
    pub fn write_config(&self, text: &str) -> PathBuf {
        let path = self.config_path();
        write_private(&path, text);
        path
    }

    /// A config whose only profile, `prod`, points at the mock server.
    pub fn with_profile(self) -> Self {
        let text = format!(
            "default_profile = \"prod\"\n\n[profiles.prod]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n",
            self.url()
        );
        self.write_config(&text);
        self
    }

    /// [`TestEnv::with_profile`], the profile `protected = true`
    /// (docs/contract.md §6.7).
    pub fn with_protected_profile(self) -> Self {
        let env = self.with_profile();
        let config = std::fs::read_to_string(env.config_path()).unwrap();
        env.write_config(&format!("{config}protected = true\n"));
        env
    }

    /// The binary with a cleared environment: only PATH, HOME and XDG dirs.
    pub fn rcctl(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rcctl"));
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .current_dir(self.dir.path());
        command
    }

    /// The binary in CI mode against the fake server.
    pub fn ci_against(&self, fake: &FakeRocketChat) -> Command {
        let mut command = self.ci();
        command.env("RCCTL_URL", fake.url());
        command
    }

    /// The binary in CI mode: everything from `RCCTL_*`, no config file.
    pub fn ci(&self) -> Command {
        let mut command = self.rcctl();
        command
            .env("RCCTL_URL", self.url())
            .env("RCCTL_USER_ID", USER_ID)
            .env("RCCTL_AUTH_TOKEN", TOKEN);
        command
    }

    /// Runs `rcctl ARGS` in CI mode on a 120-column pseudo-terminal (util-linux
    /// `script`), typing each answer once its prompt is shown (`terminal::run`);
    /// `stdout` is everything the terminal showed.
    #[cfg(unix)]
    pub fn on_a_terminal(&self, args: &str, extra_env: &[(&str, &str)], answers: &[Answer]) -> Run {
        self.on_a_terminal_of(120, args, extra_env, answers)
    }

    /// `on_a_terminal`, `columns` wide. ARGS is shell text: `2>FILE` sends
    /// stderr off the terminal.
    #[cfg(unix)]
    pub fn on_a_terminal_of(
        &self,
        columns: u16,
        args: &str,
        extra_env: &[(&str, &str)],
        answers: &[Answer],
    ) -> Run {
        let mut script = Command::new("script");
        script
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg-config"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .env("RCCTL_URL", self.url())
            .env("RCCTL_USER_ID", USER_ID)
            .env("RCCTL_AUTH_TOKEN", TOKEN)
            .env("TERM", "xterm")
            .envs(extra_env.iter().copied())
            .args([
                "-qec",
                &format!(
                    "stty cols {columns}; {} {args}",
                    env!("CARGO_BIN_EXE_rcctl")
                ),
                "/dev/null",
            ]);
        crate::terminal::run(script, answers)
    }

    /// `GET integrations.get?integrationId=ID`, with the expected auth headers
    /// (a builder: `.create()` it). For a 200, `mock_found` says it shorter.
    pub fn mock_get(&mut self, id: &str, status: usize, body: &str) -> Mock {
        self.server
            .mock("GET", "/api/v1/integrations.get")
            .match_query(Matcher::UrlEncoded("integrationId".into(), id.into()))
            .match_header("x-user-id", USER_ID)
            .match_header("x-auth-token", TOKEN)
            .with_status(status)
            .with_header("content-type", "application/json")
            .with_body(body)
    }

    /// `POST integrations.remove` with exactly this type and ID (a builder:
    /// `.create()` it). With the `get` before it, see `mock_removable`.
    pub fn mock_remove(&mut self, kind: &str, id: &str, status: usize, body: &str) -> Mock {
        self.server
            .mock("POST", "/api/v1/integrations.remove")
            .match_header("x-user-id", USER_ID)
            .match_header("x-auth-token", TOKEN)
            .match_header("content-type", "application/json")
            .match_body(Matcher::Json(json!({ "type": kind, "integrationId": id })))
            .with_status(status)
            .with_header("content-type", "application/json")
            .with_body(body)
    }

    /// `get` finds the integration: a 200 with `body`, expected once (created).
    pub fn mock_found(&mut self, id: &str, body: &str) -> Mock {
        self.mock_found_times(id, body, 1)
    }

    /// `mock_found`, expected `hits` times.
    pub fn mock_found_times(&mut self, id: &str, body: &str, hits: usize) -> Mock {
        self.mock_get(id, 200, body).expect(hits).create()
    }

    /// An integration that `get` finds and `remove` removes, both answering with
    /// `body`, each expected once (created; destructure as `let [get, remove] = …`).
    pub fn mock_removable(&mut self, kind: &str, id: &str, body: &str) -> [Mock; 2] {
        self.mock_removable_times(kind, id, body, 1)
    }

    /// `mock_removable`, each expected `hits` times.
    pub fn mock_removable_times(
        &mut self,
        kind: &str,
        id: &str,
        body: &str,
        hits: usize,
    ) -> [Mock; 2] {
        [
            self.mock_found_times(id, body, hits),
            self.mock_remove(kind, id, 200, body).expect(hits).create(),
        ]
    }

    /// The outgoing fixture (`OUTGOING_ID`): `get` finds it, and the server
    /// answers its removal with `status` and `reply`, each expected once
    /// (created; destructure as `let [get, remove] = …`).
    pub fn mock_outgoing_removal(&mut self, status: usize, reply: &str) -> [Mock; 2] {
        [
            self.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json")),
            self.mock_remove("webhook-outgoing", OUTGOING_ID, status, reply)
                .create(),
        ]
    }

    /// `GET integrations.list`, any query, answering one page with `docs`
    /// (a builder-made mock, created, expected once).
    pub fn mock_list(&mut self, docs: &[Value]) -> Mock {
        self.server
            .mock("GET", "/api/v1/integrations.list")
            .match_query(Matcher::Any)
            .with_header("content-type", "application/json")
            .with_body(
                json!({"integrations": docs, "total": docs.len(), "success": true}).to_string(),
            )
            .create()
    }

    /// Any `integrations.remove` at all, expected never: proves none was sent.
    pub fn forbid_remove(&mut self) -> Mock {
        self.server
            .mock("POST", "/api/v1/integrations.remove")
            .with_status(500)
            .expect(0)
            .create()
    }
}

/// The time `days` days ago, as the server writes dates.
pub fn days_ago(days: u64) -> String {
    let then = std::time::SystemTime::now() - Duration::from_secs(days * 24 * 3600);
    humantime::format_rfc3339_millis(then).to_string()
}

pub fn write_private(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
    set_mode(path, 0o600);
}

#[cfg(unix)]
pub fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Runs the command with `input` on stdin (a pipe, so not a terminal).
pub fn run_with_stdin(command: &mut Command, input: &str) -> Run {
    let mut child = spawn(command, Stdio::piped());
    let written = child
        .stdin
        .take()
        .expect("a stdin pipe")
        .write_all(input.as_bytes());
    // rcctl may rightly stop before it reads anything.
    if let Err(err) = written {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
    }
    finish(child.wait_with_output().expect("rcctl finishes"))
}

/// Runs the command with stdin closed; fails the test if rcctl is still
/// running after ten seconds (waiting for input that cannot come).
pub fn run_with_closed_stdin(command: &mut Command) -> Run {
    let mut child = spawn(command, Stdio::null());
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().expect("waits").is_none() {
        if Instant::now() > deadline {
            child.kill().expect("killed");
            panic!("rcctl hung with stdin closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    finish(child.wait_with_output().expect("rcctl finishes"))
}

fn spawn(command: &mut Command, stdin: Stdio) -> Child {
    command
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rcctl starts")
}

fn finish(output: Output) -> Run {
    let run = Run {
        code: output.status.code().expect("rcctl exited by itself"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    };
    assert_ne!(run.code, 101, "rcctl panicked: {run:#?}");
    assert!(!run.stderr.contains("panicked"), "rcctl panicked: {run:#?}");
    run
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o777
}

/// What a terminal shows at the end, as lines of text: escape sequences
/// (colour, erasing) taken out, and a line that was returned to (`\r`, as a
/// progress line is redrawn and cleared) started again.
pub fn screen_lines(shown: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut chars = shown.chars().peekable();
    while let Some(c) = chars.next() {
        let line = lines.last_mut().expect("a line");
        match c {
            '\u{1b}' if chars.peek() == Some(&'[') => {
                chars.next();
                // Parameters and intermediates, then one final byte in @..~.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => line.clear(),
            '\n' => lines.push(String::new()),
            c => line.push(c),
        }
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// `bash -c SCRIPT` with the environment and directory of `rcctl` (a command
/// from `TestEnv`), and the binary under test first on `PATH` as `rcctl`.
pub fn shell(rcctl: &Command, script: &str) -> Command {
    let mut shell = Command::new("bash");
    shell.env_clear();
    for (name, value) in rcctl.get_envs() {
        if let Some(value) = value {
            shell.env(name, value);
        }
    }
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_rcctl"))
        .parent()
        .expect("a directory");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs = vec![bin_dir.to_owned()];
    dirs.extend(std::env::split_paths(&path));
    shell.env("PATH", std::env::join_paths(dirs).expect("a PATH"));
    if let Some(dir) = rcctl.get_current_dir() {
        shell.current_dir(dir);
    }
    shell.args(["-c", script]);
    shell
}

/// Starts `command` with stdout and stderr piped, sends it SIGINT (Ctrl-C)
/// after `delay`, and returns how it ended.
#[cfg(unix)]
pub fn interrupted_after(command: &mut Command, delay: Duration) -> Output {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rcctl starts");
    std::thread::sleep(delay);
    ctrl_c(&child);
    child.wait_with_output().expect("rcctl finishes")
}

/// Sends SIGINT to a running rcctl, as Ctrl-C does.
#[cfg(unix)]
pub fn ctrl_c(child: &std::process::Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// rcctl's data directory in a `TestEnv`: backups and the audit log.
pub fn data_dir(env: &TestEnv) -> PathBuf {
    env.dir.path().join("xdg-data/rcctl")
}

/// Every `*.json` file under `removed/`, sorted.
pub fn backup_files(data_dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(hosts) = std::fs::read_dir(data_dir.join("removed")) else {
        return files;
    };
    for host in hosts {
        let Ok(entries) = std::fs::read_dir(host.unwrap().path()) else {
            continue;
        };
        for file in entries {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The audit log's lines, parsed.
pub fn audit_lines(env: &TestEnv) -> Vec<Value> {
    match std::fs::read_to_string(data_dir(env).join("audit.jsonl")) {
        Ok(text) => text
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect(),
        Err(_) => Vec::new(),
    }
}
