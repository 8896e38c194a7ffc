//! rcctl on a pseudo-terminal, under util-linux `script`: the output is read as
//! it arrives, and each answer is typed only once its prompt is on the screen,
//! as a person would, never after a guessed delay.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::support::Run;

/// How long a prompt may take to appear, or rcctl to exit after the last answer.
const DEADLINE: Duration = Duration::from_secs(10);

/// One question on the terminal and what a person types in reply.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    /// Text the terminal must show, after the previous answer's prompt.
    pub prompt: &'a str,
    /// What is typed, line ending included.
    pub typed: &'a str,
    /// Whether rcctl reads the answer with echo off (a password, a 2FA code).
    pub hidden: bool,
}

impl<'a> Answer<'a> {
    /// Typed once `prompt` is shown.
    pub fn visible(prompt: &'a str, typed: &'a str) -> Self {
        Self {
            prompt,
            typed,
            hidden: false,
        }
    }

    /// Typed once `prompt` is shown and the terminal's echo is off. rpassword
    /// prints the prompt first and turns echo off after, so the prompt alone
    /// does not say it is safe to type; a terminal that still echoes at the
    /// deadline fails the test.
    pub fn hidden(prompt: &'a str, typed: &'a str) -> Self {
        Self {
            prompt,
            typed,
            hidden: true,
        }
    }
}

/// Runs `script` (set up to run rcctl on a new pseudo-terminal, with piped
/// stdio) and answers each prompt in turn; `stdout` of the `Run` is everything
/// the terminal showed, `stderr` what `script` itself said.
pub fn run(mut script: Command, answers: &[Answer]) -> Run {
    let mut child = script
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("script runs");
    let session = Session::start(&mut child);
    let mut stdin = child.stdin.take().expect("stdin");
    let mut seen_up_to = 0;
    for answer in answers {
        let Some(end) = session.screen.wait_for(answer.prompt, seen_up_to) else {
            session.fail(&mut child, &format!("no prompt {:?}", answer.prompt));
        };
        seen_up_to = end;
        if answer.hidden {
            let tty = terminal_of(&child);
            let deadline = Instant::now() + DEADLINE;
            while echoes(&tty) {
                if Instant::now() > deadline {
                    session.fail(
                        &mut child,
                        &format!("the terminal still echoes after {:?}", answer.prompt),
                    );
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        stdin.write_all(answer.typed.as_bytes()).expect("typed");
        stdin.flush().expect("typed");
    }
    let deadline = Instant::now() + DEADLINE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if Instant::now() > deadline {
            session.fail(&mut child, "rcctl did not exit after the last answer");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(stdin);
    let stdout = session.finish();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("script's stderr");
    let run = Run {
        code: status.code().expect("script exited by itself"),
        stdout,
        stderr,
    };
    assert_ne!(run.code, 101, "rcctl panicked: {run:#?}");
    assert!(!run.stdout.contains("panicked"), "rcctl panicked: {run:#?}");
    run
}

/// The terminal's output so far, appended to by a reader thread.
#[derive(Default)]
struct Screen {
    /// The bytes shown, and whether `script`'s stdout has ended.
    state: Mutex<(Vec<u8>, bool)>,
    changed: Condvar,
}

impl Screen {
    fn push(&self, bytes: &[u8]) {
        self.lock().0.extend_from_slice(bytes);
        self.changed.notify_all();
    }

    fn close(&self) {
        self.lock().1 = true;
        self.changed.notify_all();
    }

    /// Waits until `text` shows at or after byte `from`, and returns where it
    /// ends; `None` once the output ended or the deadline passed without it.
    fn wait_for(&self, text: &str, from: usize) -> Option<usize> {
        if text.is_empty() {
            return Some(from);
        }
        let deadline = Instant::now() + DEADLINE;
        let mut state = self.lock();
        loop {
            let shown = state.0.get(from..).unwrap_or_default();
            if let Some(at) = shown
                .windows(text.len())
                .position(|window| window == text.as_bytes())
            {
                return Some(from + at + text.len());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if state.1 || left.is_zero() {
                return None;
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.lock().0).into_owned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (Vec<u8>, bool)> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// `script`'s stdout, read on a thread into a `Screen`.
struct Session {
    screen: Arc<Screen>,
    reader: std::thread::JoinHandle<()>,
}

impl Session {
    fn start(child: &mut Child) -> Self {
        let mut stdout = child.stdout.take().expect("stdout");
        let screen = Arc::new(Screen::default());
        let reader = {
            let screen = Arc::clone(&screen);
            std::thread::spawn(move || {
                let mut buffer = [0; 4096];
                loop {
                    match stdout.read(&mut buffer) {
                        Ok(0) => break,
                        Ok(n) => screen.push(&buffer[..n]),
                        Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(_) => break,
                    }
                }
                screen.close();
            })
        };
        Self { screen, reader }
    }

    /// Everything the terminal showed, once `script` has exited.
    fn finish(self) -> String {
        self.reader.join().expect("the reader thread ends");
        self.screen.text()
    }

    /// Stops `script` and fails the test with what the terminal showed.
    fn fail(&self, child: &mut Child, what: &str) -> ! {
        // Its child, rcctl, gets a hangup when the terminal goes.
        let _ = child.kill();
        let _ = child.wait();
        panic!(
            "{what} within {DEADLINE:?}; the terminal showed:\n{}",
            self.screen.text()
        );
    }
}

/// The terminal `script` runs its command on: the stdin of its child.
fn terminal_of(script: &Child) -> PathBuf {
    let parent = script.id().to_string();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `PID (COMMAND) STATE PPID …`; COMMAND may hold spaces and parentheses.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1));
        if ppid == Some(parent.as_str())
            && let Ok(tty) = std::fs::read_link(entry.path().join("fd/0"))
            && tty.starts_with("/dev/pts")
        {
            return tty;
        }
    }
    panic!("no child of script {parent} reads from a pseudo-terminal");
}

/// Whether the terminal echoes what is typed, as `stty -a` reports it.
fn echoes(tty: &Path) -> bool {
    let output = Command::new("stty")
        .arg("-F")
        .arg(tty)
        .arg("-a")
        .output()
        .expect("stty runs");
    assert!(
        output.status.success(),
        "stty -F {}: {output:?}",
        tty.display()
    );
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .any(|setting| setting == "echo")
}
