//! `cargo bench --bench cli`: rcctl against what admins use today, a curl
//! one-liner and a loop of curl calls (issue 6); and `plan` over 1,000 files
//! against 1,000 integrations (issue 12), next to the listing it reads.
//!
//! Every number is a whole process, started and reaped here: wall time from
//! spawn to exit, and the child's peak resident set size as the kernel counts
//! it (`wait4`'s `ru_maxrss`; for the curl loop, the largest of `xargs` and the
//! curl processes it waited for). The server is the in-process fake
//! Rocket.Chat of the tests, on 127.0.0.1, answering any ID like the real
//! one. rcctl runs with `--no-backup` (a backup is one file written per
//! removal, which curl does not do), except in one row that shows what the
//! backups cost; one more row shows `--json`, which streams each document
//! instead of keeping them all for one table. The benchmark reports; it
//! never asserts.
//!
//! `cargo bench --bench cli -- TEXT` runs only the groups whose name contains
//! TEXT; `RCCTL_BENCH_RUNS=3` makes a quick check.

// A benchmark's report is its output; setup failures abort the run.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::unwrap_used)]

#[path = "../tests/common/constants.rs"]
mod constants;
#[path = "../tests/common/fake_rocketchat/mod.rs"]
mod fake_rocketchat;

use std::fmt::Write as _;
use std::io::Write as _;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use constants::{TOKEN, USER_ID};
use fake_rocketchat::{FakeRocketChat, Options, TlsIdentity, incoming_doc, outgoing_doc};

const RCCTL: &str = env!("CARGO_BIN_EXE_rcctl");

/// Measured runs per variant, after one warm-up run.
const RUNS: usize = 20;
/// A group whose warm-up says 20 runs would take longer than this gets fewer
/// runs (never fewer than [`MIN_RUNS`]), so the whole benchmark stays near
/// ten minutes on two cores. The table says how many each row used.
const GROUP_BUDGET: Duration = Duration::from_secs(240);
const MIN_RUNS: usize = 5;

/// First argument of the bench binary started as a small measuring parent.
const MEASURE: &str = "--measure-child";

/// Added by the server to every request in the `--parallel 8` rows.
const SLOW_SERVER_DELAY: Duration = Duration::from_millis(10);

fn main() {
    if std::env::args().nth(1).as_deref() == Some(MEASURE) {
        measure_child();
        return;
    }
    let runs = std::env::var("RCCTL_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(RUNS);
    // `cargo bench --bench cli -- 1000` runs only the groups whose name has
    // "1000"; cargo itself adds `--bench`.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let bench = Bench::new(runs, filters);
    let mut rows = Vec::new();

    rows.extend(bench.group(
        "`--version`",
        None,
        Baseline::Measured(Some(Variant::new(
            "/bin/true",
            Box::new(|| {
                let mut command = Command::new("/bin/true");
                command.env_clear();
                Spawn::plain(command)
            }),
        ))),
        vec![(
            Variant::new("rcctl --version", bench.rcctl(None, &["--version"])),
            Target::AtMost(1.5),
        )],
    ));

    let plain = FakeRocketChat::start(Options {
        any_id: true,
        ..Options::default()
    });
    let tls = TlsIdentity::generate();
    let secure = FakeRocketChat::start(Options {
        any_id: true,
        tls: Some(tls.server.clone()),
        ..Options::default()
    });
    let ca = bench.write_file("ca.pem", tls.ca_pem.as_bytes());
    let ca = ca.to_str().unwrap();
    let bundle = bench.curl_bundle(&tls.ca_pem);

    for (server, scheme, target, ca_args, curl_ca) in [
        (&plain, "HTTP", 1.0, vec![], None),
        (
            &secure,
            "HTTPS",
            0.3,
            vec!["--ca-cert", ca],
            Some(bundle.as_path()),
        ),
    ] {
        rows.extend(bench.group(
            &format!("1 removal, {scheme}"),
            Some(1),
            Baseline::Measured(bench.curl_remove(server, curl_ca, 1)),
            vec![(
                Variant::new(
                    "rcctl integrations remove -t webhook-outgoing ID",
                    bench.rcctl_remove(server, &ca_args, &[], 1, IdsVia::Argument),
                ),
                Target::AtMost(target),
            )],
        ));
    }

    // A server that lists the IDs a batch removes, put back before each run:
    // the batch reads the list once instead of each ID (docs/performance.md).
    let listed = FakeRocketChat::start(Options {
        docs: (0..1000)
            .map(|i| {
                let id = listed_id(i);
                outgoing_doc(&id, &id)
            })
            .collect(),
        ..Options::default()
    });

    for n in [1, 10, 100, 1000] {
        let target = if n == 1000 {
            Target::FasterBy(40.0)
        } else {
            Target::None
        };
        let mut contenders = vec![
            (
                Variant::new(
                    "rcctl --parallel 1",
                    bench.rcctl_remove(&plain, &[], &["--parallel", "1"], n, IdsVia::Stdin),
                ),
                target,
            ),
            (
                Variant::new(
                    "rcctl (default --parallel 4)",
                    bench.rcctl_remove(&plain, &[], &[], n, IdsVia::Stdin),
                ),
                target,
            ),
        ];
        if n == 1000 {
            for (name, extra) in [
                (
                    "rcctl --parallel 1, IDs listed (list preflight)",
                    &["--parallel", "1"][..],
                ),
                (
                    "rcctl (default --parallel 4), IDs listed (list preflight)",
                    &[],
                ),
            ] {
                contenders.push((
                    Variant::new(name, bench.rcctl_remove_listed(&listed, extra)),
                    target,
                ));
            }
            contenders.push((
                Variant::new(
                    "rcctl --json (default --parallel 4)",
                    bench.rcctl_remove(&plain, &["--json"], &[], n, IdsVia::Stdin),
                ),
                Target::None,
            ));
            contenders.push((
                Variant::new(
                    "rcctl (default), with backups",
                    bench.rcctl_remove_with_backups(&plain, n),
                ),
                Target::None,
            ));
        }
        rows.extend(bench.group(
            &format!("N = {n}, HTTP"),
            Some(n),
            Baseline::Measured(bench.curl_remove(&plain, None, n)),
            contenders,
        ));
    }

    let slow = FakeRocketChat::start(Options {
        any_id: true,
        delay: SLOW_SERVER_DELAY,
        ..Options::default()
    });
    for n in [100_usize, 1000] {
        // Each ID costs two sequential requests (the contract's preflight
        // read, then the removal), each delayed by the server.
        let ideal = SLOW_SERVER_DELAY * 2 * u32::try_from(n.div_ceil(8)).unwrap();
        rows.extend(bench.group(
            &format!("N = {n}, HTTP, server +10 ms/request"),
            Some(n),
            Baseline::Ideal(ideal, "ideal ⌈N/8⌉ × 2 × 10 ms"),
            vec![(
                Variant::new(
                    "rcctl --parallel 8",
                    bench.rcctl_remove(&slow, &[], &["--parallel", "8"], n, IdsVia::Stdin),
                ),
                Target::AtMost(1.5),
            )],
        ));
    }

    let big = list_docs(LIST_DOCS);
    let list_fast = FakeRocketChat::start(Options {
        docs: big.clone(),
        ..Options::default()
    });
    let list_slow = FakeRocketChat::start(Options {
        docs: big,
        delay: SLOW_SERVER_DELAY,
        ..Options::default()
    });
    let pages = LIST_DOCS.div_ceil(100);
    rows.extend(bench.group(
        &format!("list {LIST_DOCS}, HTTP"),
        None,
        Baseline::Measured(bench.curl_pages(&list_fast, pages)),
        bench.rcctl_list_variants(&list_fast, Target::None),
    ));
    // Issue 14's ideal: the 100 pages four at a time. (The first page must come
    // alone, to tell the total: one wave more than this.)
    let ideal = SLOW_SERVER_DELAY * u32::try_from(pages.div_ceil(4)).unwrap();
    rows.extend(bench.group(
        &format!("list {LIST_DOCS}, HTTP, server +10 ms/request"),
        None,
        Baseline::Ideal(ideal, "ideal ⌈100/4⌉ × 10 ms"),
        bench.rcctl_list_variants(&list_slow, Target::AtMost(1.3)),
    ));

    let case = format!("plan, {PLAN_FILES} files vs {PLAN_FILES} integrations, HTTP");
    if bench.wants(&case) {
        let server = FakeRocketChat::start(Options {
            docs: plan_docs(PLAN_FILES),
            ..Options::default()
        });
        let dir = bench.export(&server);
        let dir = dir.to_str().unwrap();
        rows.extend(bench.group(
            &case,
            None,
            Baseline::Measured(Some(Variant::new(
                "rcctl --json integrations list",
                bench.rcctl(Some(&server), &["--json", "integrations", "list"]),
            ))),
            vec![(
                Variant::new(
                    "rcctl integrations plan DIR",
                    bench.rcctl(Some(&server), &["integrations", "plan", dir]),
                ),
                Target::None,
            )],
        ));
    }

    bench.print(&rows);
}

/// Files and integrations in the `plan` row.
const PLAN_FILES: usize = 1000;

/// Integrations in the `list` rows: 100 pages.
const LIST_DOCS: usize = 10_000;

/// The IDs of the server whose batch reads the list.
fn listed_id(i: usize) -> String {
    format!("listed{i:011}")
}

/// `n` outgoing integrations with names and URLs of a realistic length.
fn list_docs(n: usize) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| {
            let id = format!("list{i:013}");
            outgoing_doc(&id, &format!("deploy notifications for service {i}"))
        })
        .collect()
}

/// `n` integrations, half outgoing and half incoming, each with a script.
fn plan_docs(n: usize) -> Vec<serde_json::Value> {
    (0..n)
        .map(|i| {
            let id = format!("plan{i:013}");
            let name = format!("hook {i:04}");
            let mut doc = if i % 2 == 0 {
                outgoing_doc(&id, &name)
            } else {
                incoming_doc(&id, &name)
            };
            doc["scriptEnabled"] = true.into();
            doc["script"] = format!(
                "class Script {{\n  process_incoming_request({{ request }}) {{\n    // hook {i}\n    return {{ content: {{ text: request.content.text }} }};\n  }}\n}}\n"
            )
            .into();
            doc
        })
        .collect()
}

/// One command to run many times; each call builds a fresh one (fresh IDs:
/// the server forgets nothing it removed).
struct Variant<'a> {
    name: String,
    spawn: Box<dyn Fn() -> Spawn + 'a>,
}

impl<'a> Variant<'a> {
    fn new(name: &str, spawn: Box<dyn Fn() -> Spawn + 'a>) -> Self {
        Self {
            name: name.to_owned(),
            spawn,
        }
    }
}

/// A command and the file its stdin reads from, if any.
struct Spawn {
    command: Command,
    stdin: Option<PathBuf>,
}

impl Spawn {
    fn plain(command: Command) -> Self {
        Self {
            command,
            stdin: None,
        }
    }
}

/// How rcctl gets its IDs: as arguments, or one per line on stdin (`-`).
#[derive(Clone, Copy)]
enum IdsVia {
    Argument,
    Stdin,
}

/// What a group's rcctl variants are compared with.
enum Baseline<'a> {
    /// Another command, measured alike; `None` when curl is missing.
    Measured(Option<Variant<'a>>),
    /// A computed lower bound.
    Ideal(Duration, &'static str),
}

/// Issue 6's target for a row, as a bound on rcctl's time ÷ the baseline's.
#[derive(Clone, Copy)]
enum Target {
    AtMost(f64),
    /// "≥ 40× faster": the ratio is at most 1/40.
    FasterBy(f64),
    None,
}

impl Target {
    fn describe(self) -> String {
        match self {
            Self::AtMost(bound) => format!("≤ {bound}×"),
            Self::FasterBy(factor) => format!("≥ {factor}× faster"),
            Self::None => "—".to_owned(),
        }
    }

    fn met(self, ratio: f64) -> &'static str {
        let bound = match self {
            Self::AtMost(bound) => bound,
            Self::FasterBy(factor) => 1.0 / factor,
            Self::None => return "",
        };
        if ratio <= bound { "yes" } else { "**no**" }
    }
}

/// What one run of a process cost.
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    /// User plus system CPU time of the child (and of what it waited for).
    cpu: Duration,
    peak_rss_kib: u64,
}

/// All runs of one variant.
#[derive(Clone)]
struct Measured {
    name: String,
    samples: Vec<Sample>,
    /// The first failed run, which makes the times meaningless.
    failure: Option<String>,
}

impl Measured {
    /// One time of every run, sorted.
    fn sorted(&self, time: fn(&Sample) -> Duration) -> Vec<Duration> {
        let mut times: Vec<Duration> = self.samples.iter().map(time).collect();
        times.sort();
        times
    }

    fn median(&self) -> Duration {
        median(&self.sorted(|s| s.wall))
    }

    fn median_cpu(&self) -> Duration {
        median(&self.sorted(|s| s.cpu))
    }

    fn min(&self) -> Duration {
        self.sorted(|s| s.wall).first().copied().unwrap_or_default()
    }

    fn max(&self) -> Duration {
        self.sorted(|s| s.wall).last().copied().unwrap_or_default()
    }

    fn peak_rss_kib(&self) -> u64 {
        self.samples
            .iter()
            .map(|s| s.peak_rss_kib)
            .max()
            .unwrap_or(0)
    }

    fn time_cell(&self) -> String {
        match &self.failure {
            Some(failure) => format!("FAILED: {failure}"),
            None => format!(
                "{} [{}–{}]",
                duration(self.median()),
                duration(self.min()),
                duration(self.max())
            ),
        }
    }
}

/// One line of the table.
struct Row {
    case: String,
    /// IDs removed per run, for the removal rows.
    ids: Option<usize>,
    runs: usize,
    rcctl: Measured,
    baseline: BaselineResult,
    target: Target,
}

#[derive(Clone)]
enum BaselineResult {
    Measured(Measured),
    Ideal(Duration, &'static str),
    Skipped(&'static str),
}

struct Bench {
    runs: usize,
    /// Groups to run, by a part of their name; all when empty.
    filters: Vec<String>,
    dir: tempfile::TempDir,
    curl: Option<String>,
    next_id: AtomicUsize,
    next_file: AtomicUsize,
}

impl Bench {
    fn new(runs: usize, filters: Vec<String>) -> Self {
        let curl = Command::new("curl")
            .arg("--version")
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| {
                String::from_utf8_lossy(&output.stdout)
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        Self {
            runs,
            filters,
            dir: tempfile::tempdir().unwrap(),
            curl,
            next_id: AtomicUsize::new(0),
            next_file: AtomicUsize::new(0),
        }
    }

    /// `n` IDs never used before in this run, shaped like Rocket.Chat's.
    fn fresh_ids(&self, n: usize) -> Vec<String> {
        let first = self.next_id.fetch_add(n, Ordering::Relaxed);
        (first..first + n)
            .map(|i| format!("bench{i:012}"))
            .collect()
    }

    fn write_file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// A file with one ID per line, for a child's stdin.
    fn ids_file(&self, ids: &[String]) -> PathBuf {
        let k = self.next_file.fetch_add(1, Ordering::Relaxed) % 4;
        let mut text = ids.join("\n");
        text.push('\n');
        self.write_file(&format!("ids-{k}.txt"), text.as_bytes())
    }

    /// curl trusts only `--cacert`, so it gets the system bundle plus the CA.
    fn curl_bundle(&self, ca_pem: &str) -> PathBuf {
        let mut bundle = std::fs::read("/etc/ssl/certs/ca-certificates.crt").unwrap_or_default();
        bundle.extend_from_slice(ca_pem.as_bytes());
        self.write_file("bundle.pem", &bundle)
    }

    /// rcctl in CI mode: no config file, a private home and data directory.
    fn rcctl_command(&self, server: Option<&FakeRocketChat>) -> Command {
        let home = self.dir.path().join("home");
        let mut command = Command::new(RCCTL);
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"));
        if let Some(server) = server {
            command
                .env("RCCTL_URL", server.url())
                .env("RCCTL_USER_ID", USER_ID)
                .env("RCCTL_AUTH_TOKEN", TOKEN);
        }
        command
    }

    fn rcctl<'a>(
        &'a self,
        server: Option<&'a FakeRocketChat>,
        args: &[&str],
    ) -> Box<dyn Fn() -> Spawn + 'a> {
        let args: Vec<String> = args.iter().map(|&a| a.to_owned()).collect();
        Box::new(move || {
            let mut command = self.rcctl_command(server);
            command.args(&args);
            Spawn::plain(command)
        })
    }

    fn rcctl_remove<'a>(
        &'a self,
        server: &'a FakeRocketChat,
        global: &[&str],
        extra: &[&str],
        n: usize,
        via: IdsVia,
    ) -> Box<dyn Fn() -> Spawn + 'a> {
        let mut args: Vec<String> = global.iter().map(|&a| a.to_owned()).collect();
        args.extend(
            [
                "integrations",
                "remove",
                "-t",
                "webhook-outgoing",
                "--no-backup",
            ]
            .into_iter()
            .chain(extra.iter().copied())
            .map(str::to_owned),
        );
        self.rcctl_removing(server, args, n, via)
    }

    fn rcctl_remove_with_backups<'a>(
        &'a self,
        server: &'a FakeRocketChat,
        n: usize,
    ) -> Box<dyn Fn() -> Spawn + 'a> {
        let args = ["integrations", "remove", "-t", "webhook-outgoing"]
            .map(str::to_owned)
            .to_vec();
        self.rcctl_removing(server, args, n, IdsVia::Stdin)
    }

    fn rcctl_removing<'a>(
        &'a self,
        server: &'a FakeRocketChat,
        args: Vec<String>,
        n: usize,
        via: IdsVia,
    ) -> Box<dyn Fn() -> Spawn + 'a> {
        Box::new(move || {
            let ids = self.fresh_ids(n);
            let mut command = self.rcctl_command(Some(server));
            command.args(&args);
            match via {
                IdsVia::Argument => {
                    command.args(&ids);
                    Spawn::plain(command)
                }
                IdsVia::Stdin => {
                    command.arg("-");
                    Spawn {
                        command,
                        stdin: Some(self.ids_file(&ids)),
                    }
                }
            }
        })
    }

    /// Removes the 1000 integrations `server` lists, put back before each run.
    fn rcctl_remove_listed<'a>(
        &'a self,
        server: &'a FakeRocketChat,
        extra: &[&str],
    ) -> Box<dyn Fn() -> Spawn + 'a> {
        let ids: Vec<String> = (0..1000).map(listed_id).collect();
        let file = self.write_file("listed-ids.txt", format!("{}\n", ids.join("\n")).as_bytes());
        let extra: Vec<String> = extra.iter().map(|&a| a.to_owned()).collect();
        Box::new(move || {
            server.reset();
            let mut command = self.rcctl_command(Some(server));
            command
                .args([
                    "integrations",
                    "remove",
                    "-t",
                    "webhook-outgoing",
                    "--no-backup",
                ])
                .args(&extra)
                .arg("-");
            Spawn {
                command,
                stdin: Some(file.clone()),
            }
        })
    }

    /// `rcctl integrations list` one page at a time, and four at a time.
    fn rcctl_list_variants<'a>(
        &'a self,
        server: &'a FakeRocketChat,
        four_target: Target,
    ) -> Vec<(Variant<'a>, Target)> {
        vec![
            (
                Variant::new(
                    "rcctl integrations list -o id --parallel 1",
                    self.rcctl(
                        Some(server),
                        &["integrations", "list", "-o", "id", "--parallel", "1"],
                    ),
                ),
                Target::None,
            ),
            (
                Variant::new(
                    "rcctl integrations list -o id (default --parallel 4)",
                    self.rcctl(Some(server), &["integrations", "list", "-o", "id"]),
                ),
                four_target,
            ),
        ]
    }

    /// One curl process fetching the `pages` pages of `integrations.list`
    /// over one kept-alive connection, as a script would. Nothing without curl.
    fn curl_pages<'a>(&'a self, server: &'a FakeRocketChat, pages: usize) -> Option<Variant<'a>> {
        self.curl.as_ref()?;
        let mut args: Vec<String> = ["-q", "-sS", "-f"].map(str::to_owned).to_vec();
        for header in [
            format!("X-User-Id: {USER_ID}"),
            format!("X-Auth-Token: {TOKEN}"),
        ] {
            args.extend(["-H".to_owned(), header]);
        }
        for page in 0..pages {
            args.extend([
                "-o".to_owned(),
                "/dev/null".to_owned(),
                format!(
                    "{}/api/v1/integrations.list?offset={}&count=100",
                    server.url(),
                    page * 100
                ),
            ]);
        }
        let home = self.dir.path().join("home");
        Some(Variant::new(
            &format!("curl, {pages} URLs in one process"),
            Box::new(move || {
                let mut command = Command::new("curl");
                command
                    .env_clear()
                    .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                    .env("HOME", &home)
                    .args(&args);
                Spawn::plain(command)
            }),
        ))
    }

    /// The removal as one curl POST; for `n` > 1, `xargs` starting one curl
    /// per ID read from stdin, like a shell loop. Nothing without curl.
    fn curl_remove<'a>(
        &'a self,
        server: &'a FakeRocketChat,
        ca_bundle: Option<&Path>,
        n: usize,
    ) -> Option<Variant<'a>> {
        self.curl.as_ref()?;
        let url = format!("{}/api/v1/integrations.remove", server.url());
        let ca_bundle = ca_bundle.map(Path::to_path_buf);
        let curl_args = move |id: &str| {
            let mut args: Vec<String> = ["-q", "-sS", "-f", "-o", "/dev/null", "-X", "POST"]
                .map(str::to_owned)
                .to_vec();
            for header in [
                format!("X-User-Id: {USER_ID}"),
                format!("X-Auth-Token: {TOKEN}"),
                "Content-Type: application/json".to_owned(),
            ] {
                args.extend(["-H".to_owned(), header]);
            }
            if let Some(bundle) = &ca_bundle {
                args.extend(["--cacert".to_owned(), bundle.display().to_string()]);
            }
            args.extend([
                "--data".to_owned(),
                format!(r#"{{"type":"webhook-outgoing","integrationId":"{id}"}}"#),
                url.clone(),
            ]);
            args
        };
        let home = self.dir.path().join("home");
        let command = move |program: &str| {
            let mut command = Command::new(program);
            command
                .env_clear()
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("HOME", &home);
            command
        };
        if n == 1 {
            return Some(Variant::new(
                "curl -X POST …/integrations.remove",
                Box::new(move || {
                    let mut curl = command("curl");
                    curl.args(curl_args(&self.fresh_ids(1)[0]));
                    Spawn::plain(curl)
                }),
            ));
        }
        Some(Variant::new(
            &format!("{n} × curl (xargs -I{{}} curl …)"),
            Box::new(move || {
                let mut xargs = command("xargs");
                xargs.args(["-I", "{}", "curl"]).args(curl_args("{}"));
                Spawn {
                    command: xargs,
                    stdin: Some(self.ids_file(&self.fresh_ids(n))),
                }
            }),
        ))
    }

    /// Runs the baseline and the contenders in turn (one warm-up round, then
    /// interleaved rounds, so drift in the machine's load touches each alike)
    /// and makes a row per contender.
    fn group(
        &self,
        case: &str,
        ids: Option<usize>,
        baseline: Baseline<'_>,
        contenders: Vec<(Variant<'_>, Target)>,
    ) -> Vec<Row> {
        if !self.wants(case) {
            return Vec::new();
        }
        eprintln!("bench: {case} …");
        let (targets, mut variants): (Vec<Target>, Vec<Variant<'_>>) = contenders
            .into_iter()
            .map(|(variant, target)| (target, variant))
            .unzip();
        // `None`: measured, as the last variant.
        let fixed_baseline = match baseline {
            Baseline::Measured(Some(variant)) => {
                variants.push(variant);
                None
            }
            Baseline::Measured(None) => Some(BaselineResult::Skipped("curl not found: skipped")),
            Baseline::Ideal(ideal, label) => Some(BaselineResult::Ideal(ideal, label)),
        };
        let runs = self.affordable_runs(&variants);
        let mut measured: Vec<Measured> = variants
            .iter()
            .map(|variant| Measured {
                name: variant.name.clone(),
                samples: Vec::with_capacity(runs),
                failure: None,
            })
            .collect();
        for _ in 0..runs {
            for (variant, result) in variants.iter().zip(&mut measured) {
                match run_once((variant.spawn)()) {
                    Ok(sample) => result.samples.push(sample),
                    Err(failure) => {
                        result.failure.get_or_insert(failure);
                    }
                }
            }
        }
        let baseline =
            fixed_baseline.unwrap_or_else(|| BaselineResult::Measured(measured.pop().unwrap()));
        measured
            .into_iter()
            .zip(targets)
            .map(|(rcctl, target)| Row {
                case: case.to_owned(),
                ids,
                runs,
                rcctl,
                baseline: baseline.clone(),
                target,
            })
            .collect()
    }

    /// Whether the group `case` is to run (`cargo bench --bench cli -- TEXT`).
    fn wants(&self, case: &str) -> bool {
        self.filters.is_empty() || self.filters.iter().any(|f| case.contains(f.as_str()))
    }

    /// Every integration on `server` exported once, tokens inline (so `plan`
    /// needs no variables): the files of the `plan` row.
    fn export(&self, server: &FakeRocketChat) -> PathBuf {
        let dir = self.dir.path().join("plan");
        let status = self
            .rcctl_command(Some(server))
            .args(["integrations", "export", "--show-secrets", "--dir"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "export for the plan row failed: {status}");
        dir
    }

    /// One warm-up run of each variant; the runs that fit the group budget.
    fn affordable_runs(&self, variants: &[Variant<'_>]) -> usize {
        let warm_up: Duration = variants
            .iter()
            .map(|variant| run_once((variant.spawn)()).map_or(Duration::ZERO, |s| s.wall))
            .sum();
        let affordable = GROUP_BUDGET.as_secs_f64() / warm_up.as_secs_f64().max(1e-9);
        // A whole number of runs within the budget.
        let affordable = affordable as usize;
        self.runs.min(affordable.max(MIN_RUNS))
    }

    fn print(&self, rows: &[Row]) {
        let cores = std::thread::available_parallelism().map_or(0, usize::from);
        let size = std::fs::metadata(RCCTL).map_or(0, |meta| meta.len());
        let mut out = String::new();
        writeln!(
            out,
            "\nrcctl {} on {cores} core(s) (available_parallelism); binary as benchmarked {} ({RCCTL}, with the features dev-dependencies add); {}",
            env!("CARGO_PKG_VERSION"),
            megabytes(size),
            self.curl
                .as_deref()
                .unwrap_or("curl not found: curl rows skipped"),
        )
        .unwrap();
        writeln!(
            out,
            "wall time: median [min–max] of the runs after one warm-up; CPU: rcctl's median user+sys; \
             peak RSS: largest over the runs\n"
        )
        .unwrap();
        writeln!(
            out,
            "| case | runs | rcctl | wall | CPU | peak RSS | baseline | wall | peak RSS | rcctl ÷ baseline | target | met |"
        )
        .unwrap();
        writeln!(out, "|---|---|---|---|---|---|---|---|---|---|---|---|").unwrap();
        for row in rows {
            let (name, wall, rss, ratio) = match &row.baseline {
                BaselineResult::Measured(base) => (
                    base.name.clone(),
                    base.time_cell(),
                    megabytes(base.peak_rss_kib() * 1024),
                    ratio(&row.rcctl, base.median()),
                ),
                BaselineResult::Ideal(ideal, label) => (
                    (*label).to_owned(),
                    duration(*ideal),
                    "—".to_owned(),
                    ratio(&row.rcctl, *ideal),
                ),
                BaselineResult::Skipped(why) => {
                    ((*why).to_owned(), "—".to_owned(), "—".to_owned(), None)
                }
            };
            let (ratio_cell, met) = match ratio {
                Some(ratio) => (format!("{ratio:.3}×"), row.target.met(ratio)),
                None => ("—".to_owned(), ""),
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {name} | {wall} | {rss} | {ratio_cell} | {} | {met} |",
                row.case,
                row.runs,
                row.rcctl.name,
                row.rcctl.time_cell(),
                duration(row.rcctl.median_cpu()),
                megabytes(row.rcctl.peak_rss_kib() * 1024),
                row.target.describe(),
            )
            .unwrap();
        }
        self.print_targets(&mut out, rows, installed_size());
        std::io::stdout().write_all(out.as_bytes()).unwrap();
    }

    /// The targets that are not a ratio of two rows.
    fn print_targets(&self, out: &mut String, rows: &[Row], binary_size: u64) {
        writeln!(out).unwrap();
        let per_id: Vec<String> = rows
            .iter()
            .filter(|row| row.rcctl.name == "rcctl --parallel 1")
            .filter_map(|row| {
                let n = u32::try_from(row.ids?).ok()?;
                Some(format!("N = {n}: {}", duration(row.rcctl.median() / n)))
            })
            .collect();
        writeln!(
            out,
            "- rcctl --parallel 1, median per ID: {}",
            per_id.join("; ")
        )
        .unwrap();
        let rss_1000 = rows
            .iter()
            .filter(|row| row.case.starts_with("N = 1000"))
            .map(|row| row.rcctl.peak_rss_kib())
            .max()
            .unwrap_or(0);
        writeln!(
            out,
            "- peak RSS of rcctl at N = 1000: {} (target ≤ 15 MB: {})",
            megabytes(rss_1000 * 1024),
            yes_no(rss_1000 * 1024 <= 15_000_000)
        )
        .unwrap();
        writeln!(
            out,
            "- RSS floor: each command is started by a small measuring parent whose own \
             high-water mark ({}) Linux folds into the child's; no reading is below it",
            megabytes(RSS_FLOOR_KIB.load(Ordering::Relaxed) as u64 * 1024)
        )
        .unwrap();
        writeln!(
            out,
            "- stripped release binary, as `cargo install --locked` builds it: {binary_size} bytes \
             (target ≤ 5 MB: {})",
            yes_no(binary_size > 0 && binary_size <= 5_000_000)
        )
        .unwrap();
        writeln!(
            out,
            "- the ideal for --parallel 8 counts 2 requests per ID (the contract's preflight \
             integrations.get, then integrations.remove); issue 6's ⌈N/8⌉ × 10 ms counts one"
        )
        .unwrap();
        let slow_list = |parallel_1: bool| {
            rows.iter()
                .filter(|row| row.case.starts_with("list ") && row.case.contains("+10 ms"))
                .find(|row| row.rcctl.name.contains("--parallel 1") == parallel_1)
                .map(|row| row.rcctl.median())
        };
        if let (Some(one), Some(four)) = (slow_list(true), slow_list(false)) {
            let speedup = one.as_secs_f64() / four.as_secs_f64().max(f64::EPSILON);
            writeln!(
                out,
                "- list {LIST_DOCS} with 10 ms/request: 4 pages in flight {} vs 1 at a time {}: \
                 {speedup:.1}× faster (target ≥ 3×: {})",
                duration(four),
                duration(one),
                yes_no(speedup >= 3.0)
            )
            .unwrap();
        }
        for row in rows.iter().filter(|row| row.case.starts_with("plan,")) {
            let rss = row.rcctl.peak_rss_kib() * 1024;
            writeln!(
                out,
                "- plan over {PLAN_FILES} files against {PLAN_FILES} integrations: {} (target \
                 < 2 s: {}), peak RSS {} (target < 40 MB: {})",
                duration(row.rcctl.median()),
                yes_no(row.rcctl.failure.is_none() && row.rcctl.median() < Duration::from_secs(2)),
                megabytes(rss),
                yes_no(rss < 40_000_000)
            )
            .unwrap();
        }
        if rows.iter().any(|row| row.runs < self.runs) {
            writeln!(
                out,
                "- rows with fewer than {} runs: their warm-up showed {} runs would exceed the \
                 {} s budget per group",
                self.runs,
                self.runs,
                GROUP_BUDGET.as_secs()
            )
            .unwrap();
        }
    }
}

fn median(sorted: &[Duration]) -> Duration {
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => Duration::ZERO,
        len if len.is_multiple_of(2) => (sorted[mid - 1] + sorted[mid]) / 2,
        _ => sorted[mid],
    }
}

fn yes_no(met: bool) -> &'static str {
    if met { "yes" } else { "**no**" }
}

fn ratio(rcctl: &Measured, baseline: Duration) -> Option<f64> {
    (rcctl.failure.is_none() && !baseline.is_zero())
        .then(|| rcctl.median().as_secs_f64() / baseline.as_secs_f64())
}

fn duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Runs one command and returns its wall time, CPU time and peak RSS, or
/// why it failed.
///
/// The size of rcctl as `cargo install --locked --path .` builds it: without
/// the features the dev-dependencies add to shared crates, which the benchmark's
/// own build (`RCCTL`) carries. Built once in its own target directory
/// (`target/installed`, kept for the next run); 0 if the build fails.
fn installed_size() -> u64 {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let target = Path::new(RCCTL)
        .ancestors()
        .nth(2)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("installed");
    eprintln!(
        "building rcctl as `cargo install` does, in {}",
        target.display()
    );
    let built = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--release",
            "--locked",
            "--bin",
            "rcctl",
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target)
        .status()
        .is_ok_and(|status| status.success());
    if !built {
        eprintln!("that build failed: no installed size");
        return 0;
    }
    std::fs::metadata(target.join("release").join("rcctl")).map_or(0, |meta| meta.len())
}

/// The command is started by a fresh copy of this binary ([`measure_child`]),
/// not by this process: at `exec` Linux folds the old address space's RSS
/// high-water mark into the child's `ru_maxrss`, and with `vfork` (std's
/// `posix_spawn`) that old address space is the parent's. This process grows
/// (the fake servers remember every removed ID); the small measuring parent
/// stays near its start-up size, reported as the floor of the RSS column.
fn run_once(spawn: Spawn) -> Result<Sample, String> {
    let Spawn { command, stdin } = spawn;
    let stdin = match stdin {
        Some(path) => Stdio::from(std::fs::File::open(path).unwrap()),
        None => Stdio::null(),
    };
    let stderr = tempfile::tempfile().unwrap();
    let report = tempfile::NamedTempFile::new().unwrap();
    let mut parent = Command::new(std::env::current_exe().unwrap());
    parent
        .env_clear()
        .envs(
            command
                .get_envs()
                .filter_map(|(key, value)| Some((key, value?))),
        )
        .arg(MEASURE)
        .arg(report.path())
        .arg(command.get_program())
        .args(command.get_args())
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(stderr.try_clone().unwrap());
    let status = parent.status().map_err(|err| err.to_string())?;
    let text = std::fs::read_to_string(report.path()).unwrap_or_default();
    let fields: Vec<u64> = text
        .split_whitespace()
        .filter_map(|field| field.parse().ok())
        .collect();
    if let (true, [0, wall, cpu, rss, floor]) = (status.success(), fields.as_slice()) {
        RSS_FLOOR_KIB.fetch_max(usize::try_from(*floor).unwrap(), Ordering::Relaxed);
        return Ok(Sample {
            wall: Duration::from_nanos(*wall),
            cpu: Duration::from_nanos(*cpu),
            peak_rss_kib: *rss,
        });
    }
    let mut text = String::new();
    let mut stderr = stderr;
    std::io::Seek::rewind(&mut stderr).unwrap();
    std::io::Read::read_to_string(&mut stderr, &mut text).unwrap_or_default();
    let last = text.lines().last().unwrap_or_default().to_owned();
    Err(format!("{status}: {last}"))
}

/// The largest RSS high-water mark of a measuring parent, in KiB.
static RSS_FLOOR_KIB: AtomicUsize = AtomicUsize::new(0);

/// The measuring parent: `MEASURE REPORT PROGRAM ARGS…` runs the program
/// with this process's environment and standard streams, and writes "0 wall
/// cpu rss floor" (ns, ns, KiB, KiB) or the raw wait status to REPORT.
fn measure_child() {
    let mut args = std::env::args_os().skip(2);
    let report = PathBuf::from(args.next().unwrap());
    let program = args.next().unwrap();
    let floor = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    let started = Instant::now();
    let child = Command::new(program).args(args).spawn().unwrap();
    let (status, usage) = wait_with_usage(child.id());
    let wall = started.elapsed();
    let line = if status.success() {
        let cpu = timeval(usage.ru_utime) + timeval(usage.ru_stime);
        format!(
            "0 {} {} {} {floor}",
            wall.as_nanos(),
            cpu.as_nanos(),
            usage.ru_maxrss
        )
    } else {
        format!("{}", status.into_raw())
    };
    std::fs::write(report, line).unwrap();
    std::process::exit(if status.success() { 0 } else { 1 });
}

fn timeval(time: libc::timeval) -> Duration {
    Duration::from_secs(u64::try_from(time.tv_sec).unwrap_or(0))
        + Duration::from_micros(u64::try_from(time.tv_usec).unwrap_or(0))
}

/// Reaps the child with `wait4`, which also returns its resource usage:
/// `ru_maxrss` is the kernel's own high-water mark of the child's resident
/// set (and of the descendants it waited for), in KiB on Linux. std's
/// `Child::wait` uses `waitpid`, which discards it, and sampling
/// `/proc/PID/status` misses short peaks and processes that live 1 ms.
#[allow(unsafe_code)] // the one FFI call; see above for why std cannot do it
fn wait_with_usage(pid: u32) -> (ExitStatus, libc::rusage) {
    let pid = libc::pid_t::try_from(pid).unwrap();
    let mut status: libc::c_int = 0;
    loop {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
        // SAFETY: `status` and `usage` are valid for writes for the call;
        // `pid` is our own child, not yet reaped.
        let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, usage.as_mut_ptr()) };
        if reaped == pid {
            // SAFETY: wait4 filled `usage` for the child it reaped; zeroed
            // memory is a valid `rusage` anyway (plain integers).
            return (ExitStatus::from_raw(status), unsafe { usage.assume_init() });
        }
        let err = std::io::Error::last_os_error();
        assert_eq!(
            err.kind(),
            std::io::ErrorKind::Interrupted,
            "wait4 failed: {err}"
        );
    }
}
