//! The fault matrix (docs/contract.md §6.5, §6.6, §6.9): for each step of a
//! removal, each fault that can hit it, against the stateful fake. Whatever the
//! fault, three invariants hold:
//!
//! 1. every remove request the server received has its audit line;
//! 2. a backup exists for every integration that is, or may be, gone;
//! 3. no backup or audit line claims a removal that did not happen.
//!
//! A new fault is one row of [`rows`].

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::fake_rocketchat::faults::{Fault, FaultPlan};
use crate::fake_rocketchat::{FakeRocketChat, Options, outgoing_doc};
use crate::support::*;

/// `--timeout` of every run: the slow faults are slower than this.
const TIMEOUT: &str = "1";
/// Longer than [`TIMEOUT`]: a server this late is too late.
const LATE: Duration = Duration::from_millis(2000);
const GET: &str = "integrations.get";
const REMOVE: &str = "integrations.remove";

/// The step of a removal a fault strikes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    PreflightRead,
    BackupWrite,
    RemoveRequest,
    RemoveAnswer,
    AuditWrite,
    Output,
}

/// Something wrong on the local disk, set up before the run.
#[derive(Debug, Clone, Copy)]
enum Disk {
    /// `removed/` is a file: no backup can be written.
    BackupDirIsAFile,
    /// `audit.jsonl` is a directory: the log cannot be opened.
    AuditLogIsADirectory,
    /// `audit.jsonl` is `/dev/full`: it opens, and every append fails.
    AuditLogFull,
}

/// What a reader does to rcctl's output.
#[derive(Debug, Clone, Copy)]
enum Reader {
    /// Reads everything (the run is checked on what it printed).
    Reads,
    StdoutClosed,
    StderrClosed,
    /// `rcctl … 2>&1 | head -0`.
    BothClosed,
}

/// What the run must come to, beyond the invariants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Removed, and reported so: exit 0.
    Removed,
    /// Removed, though its answer was lost or incomplete: exit 0, a warning.
    RemovedUnanswered,
    /// Nothing removed; the item failed with this exit code.
    NotRemoved(i32),
    /// Exit 9, audit `unknown`, backup kept; the server still has it when
    /// read again, and `then_gone` says whether it removes it later.
    Unknown { then_gone: bool },
    /// Exit 9, audit `unknown`, backup kept: the read after the unclear
    /// answer failed too, so rcctl cannot tell; `acted` says whether the
    /// server had removed it.
    Unchecked { acted: bool },
}

struct Row {
    name: &'static str,
    step: Step,
    faults: Vec<FaultPlan>,
    disk: Option<Disk>,
    reader: Reader,
    ids: usize,
    expect: Expect,
}

fn row(name: &'static str, step: Step, expect: Expect) -> Row {
    Row {
        name,
        step,
        faults: Vec::new(),
        disk: None,
        reader: Reader::Reads,
        ids: 1,
        expect,
    }
}

impl Row {
    fn fault(mut self, route: &'static str, fault: Fault, times: usize) -> Self {
        self.faults.push(FaultPlan {
            route,
            fault,
            times,
        });
        self
    }

    fn disk(mut self, disk: Disk) -> Self {
        self.disk = Some(disk);
        self
    }

    fn reader(mut self, reader: Reader, ids: usize) -> Self {
        self.reader = reader;
        self.ids = ids;
        self
    }
}

fn rows() -> Vec<Row> {
    use Expect::*;
    use Fault::*;
    use Step::*;
    vec![
        row("get: a gateway's 502, twice", PreflightRead, NotRemoved(1)).fault(
            GET,
            GatewayWithoutActing(502),
            2,
        ),
        row("get: one gateway's 503, then fine", PreflightRead, Removed).fault(
            GET,
            GatewayWithoutActing(503),
            1,
        ),
        row("get: connection dropped", PreflightRead, NotRemoved(9)).fault(
            GET,
            DropWithoutActing,
            1,
        ),
        row(
            "get: body dripped past the timeout",
            PreflightRead,
            NotRemoved(9),
        )
        .fault(GET, DripAfterActing(Duration::from_millis(100)), 1),
        row(
            "get: the token echoed in an error",
            PreflightRead,
            NotRemoved(1),
        )
        .fault(GET, EchoToken, 1),
        row("backup directory unwritable", BackupWrite, NotRemoved(1)).disk(Disk::BackupDirIsAFile),
        row(
            "remove: a gateway's 502, not acted on",
            RemoveRequest,
            Unknown { then_gone: false },
        )
        .fault(REMOVE, GatewayWithoutActing(502), 1),
        row(
            "remove: connection dropped, not acted on",
            RemoveRequest,
            Unknown { then_gone: false },
        )
        .fault(REMOVE, DropWithoutActing, 1),
        row(
            "remove: refused, echoing the token",
            RemoveRequest,
            NotRemoved(1),
        )
        .fault(REMOVE, EchoToken, 1),
        row(
            "answer: body cut short after acting",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, CutShortAfterActing, 1),
        row(
            "answer: a gateway's 502 after acting",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, GatewayAfterActing(502), 1),
        row(
            "answer: a gateway's 504 after acting",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, GatewayAfterActing(504), 1),
        row(
            "answer: body dripped past the timeout",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, DripAfterActing(Duration::from_millis(100)), 1),
        row(
            "answer: after the client's timeout",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, LateAfterActing(LATE), 1),
        row(
            "answer: an oversized header",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, OversizedHeaderAfterActing, 1),
        row(
            "answer: the re-read comes before a slow server acts",
            RemoveAnswer,
            Unknown { then_gone: true },
        )
        .fault(REMOVE, ActLate(LATE), 1),
        row(
            "answer: a whole HTML page with 200 after acting",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, HtmlAfterActing, 1),
        row(
            "remove: a whole HTML page with 200, not acted on",
            RemoveRequest,
            Unknown { then_gone: false },
        )
        .fault(REMOVE, HtmlWithoutActing, 1),
        row(
            "answer: JSON truncated, its content-length matching, after acting",
            RemoveAnswer,
            RemovedUnanswered,
        )
        .fault(REMOVE, TruncatedJsonAfterActing, 1),
        // The first read (before the removal) is answered; the one after the
        // unclear answer fails too: a 502 is retried once (a GET), a dropped
        // connection is not (docs/contract.md §6.5).
        row(
            "answer: cut short after acting, and the re-read dropped",
            RemoveAnswer,
            Unchecked { acted: true },
        )
        .fault(REMOVE, CutShortAfterActing, 1)
        .fault(GET, Answer, 1)
        .fault(GET, DropWithoutActing, 1),
        row(
            "answer: cut short after acting, and the re-read a 502 twice",
            RemoveAnswer,
            Unchecked { acted: true },
        )
        .fault(REMOVE, CutShortAfterActing, 1)
        .fault(GET, Answer, 1)
        .fault(GET, GatewayWithoutActing(502), 2),
        row(
            "remove: a 502 not acted on, and the re-read dropped",
            RemoveRequest,
            Unchecked { acted: false },
        )
        .fault(REMOVE, GatewayWithoutActing(502), 1)
        .fault(GET, Answer, 1)
        .fault(GET, DropWithoutActing, 1),
        row(
            "remove: dropped, not acted on, and the re-read a 502 twice",
            RemoveRequest,
            Unchecked { acted: false },
        )
        .fault(REMOVE, DropWithoutActing, 1)
        .fault(GET, Answer, 1)
        .fault(GET, GatewayWithoutActing(502), 2),
        row("audit log cannot be opened", AuditWrite, NotRemoved(1))
            .disk(Disk::AuditLogIsADirectory),
        row("audit log full after the request", AuditWrite, Removed).disk(Disk::AuditLogFull),
        row("stdout closed", Output, Removed).reader(Reader::StdoutClosed, 6),
        row("stderr closed", Output, Removed).reader(Reader::StderrClosed, 6),
        row("stdout and stderr closed", Output, Removed).reader(Reader::BothClosed, 6),
    ]
}

fn id(n: usize) -> String {
    format!("faultAAAAAAAAAAA{n}")
}

#[test]
fn every_fault_at_every_step_keeps_the_safety_invariants() {
    let rows = rows();
    let steps: Vec<Step> = rows.iter().map(|row| row.step).collect();
    for step in [
        Step::PreflightRead,
        Step::BackupWrite,
        Step::RemoveRequest,
        Step::RemoveAnswer,
        Step::AuditWrite,
        Step::Output,
    ] {
        assert!(steps.contains(&step), "no fault at {step:?}");
    }
    std::thread::scope(|scope| {
        // Rows are independent (each its own server and directories); the slow
        // ones overlap instead of adding up.
        let handles: Vec<_> = rows
            .iter()
            .map(|row| scope.spawn(move || check(row)))
            .collect();
        let failures: Vec<String> = handles
            .into_iter()
            .zip(&rows)
            .filter_map(|(handle, row)| match handle.join() {
                Ok(()) => None,
                Err(panic) => Some(format!(
                    "{}: {}",
                    row.name,
                    panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                        .unwrap_or_default()
                )),
            })
            .collect();
        assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
    });
}

fn check(row: &Row) {
    let env = TestEnv::new();
    let ids: Vec<String> = (0..row.ids).map(id).collect();
    let fake = FakeRocketChat::start(Options {
        docs: ids.iter().map(|id| outgoing_doc(id, id)).collect(),
        faults: row.faults.clone(),
        ..Options::default()
    });
    if let Some(disk) = row.disk {
        break_disk(&data_dir(&env), disk);
    }
    let mut command = env.ci_against(&fake);
    command
        .args(["--timeout", TIMEOUT, "integrations", "remove", "--json"])
        .args(&ids);
    let run = run_reader(&mut command, row.reader);
    // A slow server may act after rcctl has given up: let it finish first.
    if matches!(row.expect, Expect::Unknown { then_gone: true }) {
        let deadline = Instant::now() + LATE * 3;
        while ids.iter().any(|id| fake.contains(id)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let name = row.name;

    // The run itself.
    let expected_exit = match row.expect {
        Expect::Removed | Expect::RemovedUnanswered => 0,
        Expect::NotRemoved(code) => code,
        Expect::Unknown { .. } | Expect::Unchecked { .. } => 9,
    };
    assert_eq!(run.code, expected_exit, "{name}: {run:#?}");
    assert_no_secrets(&run, &[TOKEN, "outgoing-secret"]);
    let gone: Vec<&String> = ids.iter().filter(|id| !fake.contains(id)).collect();
    match row.expect {
        Expect::Removed
        | Expect::RemovedUnanswered
        | Expect::Unknown { then_gone: true }
        | Expect::Unchecked { acted: true } => {
            assert_eq!(
                gone.len(),
                ids.len(),
                "{name}: every ID removed on the server"
            )
        }
        Expect::NotRemoved(_)
        | Expect::Unknown { then_gone: false }
        | Expect::Unchecked { acted: false } => {
            assert!(gone.is_empty(), "{name}: nothing removed on the server")
        }
    }
    if !matches!(row.expect, Expect::NotRemoved(_)) {
        // Whatever became of its answer, each removal went out once, never again.
        assert_eq!(
            fake.requests(REMOVE),
            ids.len(),
            "{name}: each removal sent exactly once"
        );
    }
    if let Reader::Reads = row.reader {
        check_what_was_said(row, &run);
    }

    // The invariants, from the server's, the backups' and the audit log's side.
    let audit = audit_lines_tolerant(&env);
    let backups = backup_ids(&data_dir(&env));
    // docs/contract.md §6.4: not even the audit log keeps the auth token,
    // though the server echoed it into the error it records.
    for line in &audit {
        assert!(
            !line.to_string().contains(TOKEN),
            "{name}: the token in the audit log: {line}"
        );
    }
    if row.faults.iter().any(|plan| plan.fault == Fault::EchoToken) {
        for line in &audit {
            let error = line["error"].as_str().unwrap_or_default();
            assert!(
                error.contains("Invalid token [redacted] for this request"),
                "{name}: the audit line's error, redacted: {line}"
            );
        }
    }
    for id in &ids {
        let lines: Vec<&Value> = audit
            .iter()
            .filter(|line| line["integration_id"] == id.as_str())
            .collect();
        let result = lines
            .first()
            .map(|line| line["result"].as_str().unwrap_or_default());
        assert!(
            lines.len() <= 1,
            "{name}: one audit line per request: {lines:?}"
        );
        assert!(
            fake.requests(REMOVE) <= ids.len(),
            "{name}: a removal was sent again"
        );
        // 1. Every request sent has its audit line (or, when the log itself
        //    fails after the request, a warning saying so).
        let sent = fake.requests(REMOVE) > 0;
        if sent && lines.is_empty() {
            assert!(
                matches!(row.disk, Some(Disk::AuditLogFull))
                    && run.stderr.contains(&format!(
                        "the remove of integration {id} is not in the audit log"
                    )),
                "{name}: {id} was sent without an audit line: {run:#?}"
            );
        }
        if !sent {
            assert!(
                lines.is_empty(),
                "{name}: an audit line for nothing sent: {lines:?}"
            );
        }
        // 2. A backup for every integration that is or may be gone.
        let is_gone = !fake.contains(id);
        let may_be_gone = result == Some("unknown");
        if is_gone || may_be_gone {
            assert!(
                backups.contains(id),
                "{name}: {id} is gone without a backup"
            );
        }
        // 3. Nothing claims a removal that did not happen.
        if backups.contains(id) {
            assert!(
                is_gone || may_be_gone,
                "{name}: a backup of {id}, which is still there"
            );
        }
        match result {
            Some("removed") => assert!(is_gone, "{name}: audit says {id} removed"),
            Some("failed") => assert!(!is_gone, "{name}: audit says {id} failed, yet it is gone"),
            Some("unknown") => assert_eq!(run.code, 9, "{name}"),
            Some(other) => panic!("{name}: unexpected audit result {other}"),
            None => {}
        }
        let expected_result = match (row.expect, row.disk) {
            (_, Some(Disk::AuditLogFull)) => None,
            (Expect::Removed | Expect::RemovedUnanswered, _) => Some("removed"),
            (Expect::Unknown { .. } | Expect::Unchecked { .. }, _) => Some("unknown"),
            (Expect::NotRemoved(_), _) if sent => Some("failed"),
            (Expect::NotRemoved(_), _) => None,
        };
        assert_eq!(result, expected_result, "{name}: {id}'s audit line");
    }
}

/// What stderr must say for the row's outcome.
fn check_what_was_said(row: &Row, run: &Run) {
    let name = row.name;
    let said = |text: &str| {
        assert!(
            run.stderr.contains(text),
            "{name}: stderr lacks {text:?}: {run:#?}"
        );
    };
    match row.expect {
        Expect::Removed => {}
        Expect::RemovedUnanswered => {
            said("was lost or incomplete");
            said("a second read shows it is gone, so it was removed");
        }
        Expect::Unknown { .. } => {
            said("the removal may still happen");
            said(r#""code":"network""#);
        }
        Expect::Unchecked { .. } => {
            said("the second read failed too");
            said("the removal may still happen");
            said(r#""code":"network""#);
        }
        Expect::NotRemoved(_) => said(r#""error":{"#),
    }
    if let Some(Disk::BackupDirIsAFile) = row.disk {
        said("cannot back it up, so nothing was removed");
    }
    if let Some(Disk::AuditLogIsADirectory) = row.disk {
        said("cannot open the audit log");
    }
    if row.faults.iter().any(|plan| plan.fault == Fault::EchoToken) {
        said("Invalid token [redacted] for this request");
    }
}

fn break_disk(data_dir: &Path, disk: Disk) {
    std::fs::create_dir_all(data_dir).unwrap();
    set_mode(data_dir, 0o700);
    let audit = data_dir.join("audit.jsonl");
    match disk {
        Disk::BackupDirIsAFile => std::fs::write(data_dir.join("removed"), "").unwrap(),
        Disk::AuditLogIsADirectory => std::fs::create_dir(&audit).unwrap(),
        Disk::AuditLogFull => std::os::unix::fs::symlink("/dev/full", &audit).unwrap(),
    }
}

/// The audit lines, or none when the log is not a readable file.
fn audit_lines_tolerant(env: &TestEnv) -> Vec<Value> {
    let path = data_dir(env).join("audit.jsonl");
    if !std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_file()) {
        return Vec::new();
    }
    audit_lines(env)
}

/// The integration ID in each backup file.
fn backup_ids(data_dir: &Path) -> Vec<String> {
    backup_files(data_dir)
        .iter()
        .map(|path| {
            let backup: Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            backup["integration"]["_id"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// Runs rcctl with its output going to a reader that may have left. With a
/// closed pipe nothing is read, so only the exit code is checked: a panic
/// (101) or an abort (a signal, no exit code) fails the test.
fn run_reader(command: &mut Command, reader: Reader) -> Run {
    let closed = || {
        let (read_end, write_end) = std::io::pipe().unwrap();
        drop(read_end);
        write_end
    };
    let (stdout, stderr): (Stdio, Stdio) = match reader {
        Reader::Reads => return run(command),
        Reader::StdoutClosed => (closed().into(), Stdio::null()),
        Reader::StderrClosed => (Stdio::null(), closed().into()),
        Reader::BothClosed => {
            let pipe = closed();
            (pipe.try_clone().unwrap().into(), pipe.into())
        }
    };
    let status = command
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .status()
        .unwrap();
    let code = status
        .code()
        .unwrap_or_else(|| panic!("rcctl was killed by a signal (an abort?): {status:?}"));
    assert!(
        code != 101 && code != 134,
        "rcctl panicked or aborted: {code}"
    );
    Run {
        code,
        stdout: String::new(),
        stderr: String::new(),
    }
}

/// docs/contract.md §6.9: a reader that leaves after the first line
/// (`2>&1 | head -1`) while the batch is still going stops nothing: every
/// removal is made, audited and backed up, and rcctl exits 0.
#[test]
fn a_reader_leaving_partway_stops_no_removal() {
    let env = TestEnv::new();
    let ids: Vec<String> = (0..6).map(id).collect();
    let fake = FakeRocketChat::start(Options {
        docs: ids.iter().map(|id| outgoing_doc(id, id)).collect(),
        // Slow enough that the reader is gone long before the last removal.
        delay: Duration::from_millis(50),
        ..Options::default()
    });

    let run = run(&mut shell(
        &env.ci_against(&fake),
        &format!(
            "{{ rcctl integrations remove --json {}; echo $? > code; }} 2>&1 | head -1",
            ids.join(" ")
        ),
    ));

    assert_eq!(run.stdout.lines().count(), 1, "{run:#?}");
    let code = std::fs::read_to_string(env.dir.path().join("code")).unwrap();
    assert_eq!(code.trim(), "0", "rcctl's own exit code: {run:#?}");
    let mut removed = fake.removed();
    removed.sort();
    assert_eq!(removed, ids, "every one removed on the server: {run:#?}");
    assert_eq!(fake.requests(REMOVE), ids.len(), "each sent once");
    let audit = audit_lines(&env);
    assert_eq!(audit.len(), ids.len(), "{audit:?}");
    for id in &ids {
        let line = audit
            .iter()
            .find(|line| line["integration_id"] == id.as_str())
            .unwrap_or_else(|| panic!("no audit line for {id}: {audit:?}"));
        assert_eq!(line["result"], "removed", "{line}");
    }
    let mut backups = backup_ids(&data_dir(&env));
    backups.sort();
    assert_eq!(backups, ids, "a backup of each");
}
