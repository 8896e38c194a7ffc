//! `rcctl integrations doctor [FILTERS] [--stale DAYS] [--exit-code]`
//! (docs/contract.md §3.8): a read-only health check.
//!
//! Integrations go bad quietly: deleting a user disables the integrations that
//! post as that user, an outgoing webhook that fails tells nobody, and
//! Rocket.Chat 7.0 dropped the vm2 script engine. The facts are gathered first,
//! with as few calls as the answer needs (each user looked up once, each
//! outgoing history read once, the server's version only when a script is
//! enabled), then [`examine`] turns each integration and those facts into
//! findings, without I/O. Nothing here sends anything but a GET.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, SystemTime};

use anyhow::Context;
use reqwest::Url;
use serde_json::Value;

use super::list_matching;
use crate::api::{ApiError, HistoryEntry, Integration, IntegrationKind, ServerVersion, UserState};
use crate::cli::{DEFAULT_PARALLEL, DoctorArgs, GlobalArgs};
use crate::commands::session::{Session, connect};
use crate::config::Env;
use crate::error::Unhealthy;
use crate::output::Output;
use crate::output::view::{self, Finding, Severity};

/// `failing`: this many newest deliveries, all failed. One read of this many
/// entries serves `stale` too: it needs only the newest.
const FAILING_RUN: usize = 5;

/// The first release without the vm2 script engine.
const NO_VM2_FROM: ServerVersion = ServerVersion::new(7, 0);

/// Query keys that hold a secret more often than not (matched as parts of the
/// key, any case: `api_key`, `X-Auth-Token`, `password`).
const SECRET_KEY_PARTS: [&str; 7] = [
    "token",
    "key",
    "secret",
    "pass",
    "auth",
    "signature",
    "credential",
];

pub fn run(args: &DoctorArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let session = connect(global, env, out)?;
    let docs = list_matching(
        &session,
        &args.filters.filter(),
        DEFAULT_PARALLEL.into(),
        out,
    )?;
    let facts = Facts::gather(&session, out, &docs)?;
    let stale = Duration::from_secs(u64::from(args.stale) * 24 * 3600);
    let now = SystemTime::now();
    let mut findings: Vec<Finding> = docs
        .iter()
        .flat_map(|doc| examine(doc, &facts, stale, now))
        .collect();
    // Worst first; within a severity, in listing order.
    findings.sort_by_key(|finding| finding.severity);
    if out.is_json() {
        out.json(&findings)?;
    } else {
        if findings.is_empty() {
            out.note("no findings");
        } else {
            out.records(&findings, view::FINDING)?;
        }
        out.note(&summary(&findings, docs.len()));
    }
    let errors = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .count();
    if args.exit_code && errors > 0 {
        return Err(Unhealthy { errors }.into());
    }
    Ok(())
}

/// `3 errors, 1 warning, 2 info in 5 integrations`.
fn summary(findings: &[Finding], checked: usize) -> String {
    let count = |severity| {
        findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    };
    let plural = |count: usize, word: &str| match count {
        1 => format!("1 {word}"),
        count => format!("{count} {word}s"),
    };
    format!(
        "{}, {}, {} info in {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        count(Severity::Info),
        plural(checked, "integration"),
    )
}

/// What the checks need to know beyond the integrations themselves.
#[derive(Debug, Default)]
struct Facts {
    /// Every post-as user and creator, by username.
    users: HashMap<String, UserState>,
    /// The server's release; `None` when unknown or not needed (then
    /// `legacy-script-engine` is not checked).
    version: Option<ServerVersion>,
    /// The newest entries of each outgoing integration, by ID; `None` when
    /// the caller may not read histories (then `failing` and `stale` are not
    /// checked).
    histories: Option<HashMap<String, Vec<HistoryEntry>>>,
}

impl Facts {
    fn gather(session: &Session, out: &Output, docs: &[Integration]) -> anyhow::Result<Self> {
        Ok(Self {
            users: look_up_users(session, docs)?,
            version: server_version(session, out, docs),
            histories: read_histories(session, out, docs)?,
        })
    }
}

/// Each distinct post-as user and creator, looked up once.
fn look_up_users(
    session: &Session,
    docs: &[Integration],
) -> anyhow::Result<HashMap<String, UserState>> {
    let mut users = HashMap::new();
    for doc in docs {
        for username in [doc.username(), doc.created_by()] {
            if username.is_empty() || users.contains_key(username) {
                continue;
            }
            let state = session.client.user_state(username).with_context(|| {
                session.failed(format!("look up user `{username}`"), None, None)
            })?;
            users.insert(username.to_owned(), state);
        }
    }
    Ok(users)
}

/// The server's release, asked only when some script is enabled. Unknown is a
/// warning, not a failure: only one check needs it.
fn server_version(session: &Session, out: &Output, docs: &[Integration]) -> Option<ServerVersion> {
    if !docs.iter().any(script_enabled) {
        return None;
    }
    let known = session
        .client
        .server_info()
        .ok()
        .and_then(|info| info.version);
    if known.is_none() {
        out.warn(&format!(
            "cannot tell which release {} runs; legacy-script-engine was not checked",
            session.client.server()
        ));
    }
    known
}

/// The newest entries of every outgoing integration. A caller without an
/// outgoing permission gets 403 for each: said once, and those checks skipped.
fn read_histories(
    session: &Session,
    out: &Output,
    docs: &[Integration],
) -> anyhow::Result<Option<HashMap<String, Vec<HistoryEntry>>>> {
    let mut histories = HashMap::new();
    for doc in docs.iter().filter(|doc| is_outgoing(doc)) {
        let id = doc.id();
        match session.client.integration_history(id, 0, FAILING_RUN) {
            Ok(page) => {
                histories.insert(id.to_owned(), page.entries);
            }
            Err(ApiError::Forbidden { .. }) => {
                out.warn(&format!(
                    "you may not read delivery histories on {} (that needs \
                     manage-outgoing-integrations or manage-own-outgoing-integrations); \
                     the failing and stale checks were skipped",
                    session.client.server()
                ));
                return Ok(None);
            }
            Err(err) => {
                return Err(err).with_context(|| {
                    session.failed_on("read the history of", id, Some(IntegrationKind::Outgoing))
                });
            }
        }
    }
    Ok(Some(histories))
}

/// Every finding about `doc`, in the order of the contract's table.
fn examine(doc: &Integration, facts: &Facts, stale: Duration, now: SystemTime) -> Vec<Finding> {
    let found = |finding, severity, detail: String| Finding {
        id: doc.id().to_owned(),
        name: doc.name().to_owned(),
        kind: doc.type_name().to_owned(),
        finding,
        severity,
        detail,
    };
    let mut findings = Vec::new();
    if let Some(detail) = missing_user("post-as user", doc.username(), facts) {
        findings.push(found("post-as-user-missing", Severity::Error, detail));
    }
    if let Some(detail) = script_error(doc) {
        findings.push(found("script-error", Severity::Error, detail));
    }
    if let Some(detail) = legacy_engine(doc, facts.version) {
        findings.push(found("legacy-script-engine", Severity::Error, detail));
    }
    let history = facts
        .histories
        .as_ref()
        .filter(|_| is_outgoing(doc))
        .map(|histories| histories.get(doc.id()).map_or(&[][..], Vec::as_slice));
    if let Some(detail) = history.and_then(failing) {
        findings.push(found("failing", Severity::Error, detail));
    }
    let urls = if is_outgoing(doc) {
        doc.urls()
    } else {
        Vec::new()
    };
    let insecure: Vec<String> = urls.iter().filter_map(|url| insecure(url)).collect();
    if !insecure.is_empty() {
        let detail = format!("not encrypted: {}", insecure.join(", "));
        findings.push(found("insecure-url", Severity::Warning, detail));
    }
    let secrets: Vec<String> = urls.iter().filter_map(|url| secret_in(url)).collect();
    if !secrets.is_empty() {
        findings.push(found(
            "secret-in-url",
            Severity::Warning,
            secrets.join("; "),
        ));
    }
    let creator = match doc.as_object().get("_createdBy") {
        None | Some(Value::Null) => Some("no creator is recorded".to_owned()),
        Some(_) => missing_user("creator", doc.created_by(), facts),
    };
    if let Some(detail) = creator {
        findings.push(found("creator-missing", Severity::Warning, detail));
    }
    if let Some(detail) = history.and_then(|history| stale_for(doc, history, stale, now)) {
        findings.push(found("stale", Severity::Info, detail));
    }
    if doc.enabled() == Some(false) {
        findings.push(found(
            "disabled",
            Severity::Info,
            "enabled is false".to_owned(),
        ));
    }
    findings
}

fn is_outgoing(doc: &Integration) -> bool {
    doc.kind() == Some(IntegrationKind::Outgoing)
}

fn script_enabled(doc: &Integration) -> bool {
    doc.as_object()
        .get("scriptEnabled")
        .and_then(Value::as_bool)
        == Some(true)
}

/// Why `username` (the `role` of the integration) is not an active user.
fn missing_user(role: &str, username: &str, facts: &Facts) -> Option<String> {
    if username.is_empty() {
        return Some(format!("no {role} is set"));
    }
    match facts.users.get(username)? {
        UserState::Active => None,
        UserState::Deactivated => Some(format!("{role} `{username}` is deactivated")),
        UserState::Missing => Some(format!("{role} `{username}` does not exist")),
    }
}

/// An enabled script the server could not compile.
fn script_error(doc: &Integration) -> Option<String> {
    if !script_enabled(doc) {
        return None;
    }
    let error = doc.as_object().get("scriptError")?;
    let text = |key| error.get(key).and_then(Value::as_str);
    let message = match (error, text("name"), text("message")) {
        (Value::Null, ..) => return None,
        (_, Some(name), Some(message)) => format!("{name}: {message}"),
        (_, None, Some(message)) => message.to_owned(),
        (Value::String(message), ..) => message.clone(),
        (other, ..) => other.to_string(),
    };
    let first = message.lines().next().unwrap_or_default();
    Some(format!("the script does not compile: {first}"))
}

/// An enabled script set to run on vm2 (an absent `scriptEngine` means vm2),
/// on a server that no longer has it.
fn legacy_engine(doc: &Integration, version: Option<ServerVersion>) -> Option<String> {
    if !script_enabled(doc) || version? < NO_VM2_FROM {
        return None;
    }
    let engine = doc.as_object().get("scriptEngine").and_then(Value::as_str);
    let set = match engine {
        None => "no scriptEngine is set, which means vm2",
        Some("vm2") => "scriptEngine is vm2",
        Some(_) => return None,
    };
    Some(format!(
        "{set}, and Rocket.Chat {} runs scripts only on isolated-vm: check the script there \
         and save it again",
        version?
    ))
}

/// The newest [`FAILING_RUN`] deliveries all failed.
fn failing(history: &[HistoryEntry]) -> Option<String> {
    let newest = history.get(..FAILING_RUN)?;
    if !newest.iter().all(HistoryEntry::failed) {
        return None;
    }
    let why = newest[0]
        .error_message()
        .unwrap_or_else(|| format!("step {}", newest[0].step()));
    Some(format!(
        "the last {FAILING_RUN} deliveries failed; the newest: {why}"
    ))
}

/// Outgoing, created longer than `stale` ago, and no delivery since then.
fn stale_for(
    doc: &Integration,
    history: &[HistoryEntry],
    stale: Duration,
    now: SystemTime,
) -> Option<String> {
    let cutoff = now.checked_sub(stale)?;
    let created = parse_time(doc.created_at())?;
    if created >= cutoff {
        return None;
    }
    let recent = history
        .iter()
        .filter_map(|entry| parse_time(entry.last_activity()))
        .any(|time| time >= cutoff);
    if recent {
        return None;
    }
    let days = stale.as_secs() / (24 * 3600);
    let date = doc.created_at().get(..10).unwrap_or(doc.created_at());
    Some(format!(
        "created {date}, and no delivery in the last {days} days"
    ))
}

fn parse_time(text: &str) -> Option<SystemTime> {
    humantime::parse_rfc3339_weak(text)
        .or_else(|_| humantime::parse_rfc3339(text))
        .ok()
}

/// The URL without its query or credentials, for a detail that must not
/// repeat a secret.
fn shown(url: &Url) -> String {
    let mut shown = url.clone();
    shown.set_query(None);
    shown.set_fragment(None);
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown.to_string()
}

/// `http://` to anything but this machine.
fn insecure(text: &str) -> Option<String> {
    let url = Url::parse(text).ok()?;
    if url.scheme() != "http" {
        return None;
    }
    let host = url
        .host_str()?
        .trim_start_matches('[')
        .trim_end_matches(']');
    let host = host.to_ascii_lowercase();
    let local = host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    (!local).then(|| shown(&url))
}

/// A password in the URL, or query keys that look like secrets; the detail
/// names where, never the value.
fn secret_in(text: &str) -> Option<String> {
    let url = Url::parse(text).ok()?;
    let mut places: Vec<String> = url
        .query_pairs()
        .map(|(key, _)| key.into_owned())
        .filter(|key| {
            let key = key.to_ascii_lowercase();
            SECRET_KEY_PARTS.iter().any(|part| key.contains(part))
        })
        .map(|key| format!("query key `{key}`"))
        .collect();
    if url.password().is_some() {
        places.insert(0, "a password before the host".to_owned());
    }
    if places.is_empty() {
        return None;
    }
    Some(format!("{} has {}", shown(&url), places.join(" and ")))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn doc(value: Value) -> Integration {
        Integration::from_json(value)
    }

    fn entry(value: Value) -> HistoryEntry {
        HistoryEntry::from_json(value)
    }

    fn now() -> SystemTime {
        humantime::parse_rfc3339("2026-12-01T00:00:00Z").expect("a time")
    }

    const NINETY_DAYS: Duration = Duration::from_secs(90 * 24 * 3600);

    /// An outgoing integration with nothing wrong, plus `changes`.
    fn outgoing(changes: Value) -> Integration {
        let mut base = json!({
            "_id": "o1", "type": "webhook-outgoing", "name": "Guggy", "enabled": true,
            "username": "rocket.cat", "event": "sendMessage",
            "urls": ["https://hooks.example.com/in"], "token": "t",
            "scriptEnabled": true, "scriptEngine": "isolated-vm",
            "_createdAt": "2026-11-01T00:00:00.000Z",
            "_createdBy": {"_id": "u1", "username": "admin"},
        });
        for (key, value) in changes.as_object().expect("an object") {
            base[key] = value.clone();
        }
        doc(base)
    }

    fn healthy_facts() -> Facts {
        Facts {
            users: [
                ("rocket.cat".to_owned(), UserState::Active),
                ("admin".to_owned(), UserState::Active),
            ]
            .into(),
            version: Some(ServerVersion::new(7, 6)),
            histories: Some(HashMap::new()),
        }
    }

    fn found(doc: &Integration, facts: &Facts) -> Vec<(&'static str, Severity)> {
        examine(doc, facts, NINETY_DAYS, now())
            .into_iter()
            .map(|finding| (finding.finding, finding.severity))
            .collect()
    }

    fn details(doc: &Integration, facts: &Facts) -> Vec<String> {
        examine(doc, facts, NINETY_DAYS, now())
            .into_iter()
            .map(|finding| finding.detail)
            .collect()
    }

    #[test]
    fn a_healthy_integration_has_no_findings() {
        assert_eq!(found(&outgoing(json!({})), &healthy_facts()), []);
    }

    #[test]
    fn missing_or_deactivated_users() {
        let mut facts = healthy_facts();
        facts.users.insert("gone".into(), UserState::Missing);
        facts.users.insert("off".into(), UserState::Deactivated);
        let post_as_gone = outgoing(json!({"username": "gone"}));
        assert_eq!(
            found(&post_as_gone, &facts),
            [("post-as-user-missing", Severity::Error)]
        );
        assert_eq!(
            details(&post_as_gone, &facts),
            ["post-as user `gone` does not exist"]
        );
        let creator_off = outgoing(json!({"_createdBy": {"_id": "u9", "username": "off"}}));
        assert_eq!(
            details(&creator_off, &facts),
            ["creator `off` is deactivated"]
        );
        assert_eq!(
            found(&outgoing(json!({"_createdBy": null})), &facts),
            [("creator-missing", Severity::Warning)]
        );
    }

    #[test]
    fn script_errors_and_the_legacy_engine() {
        let facts = healthy_facts();
        let broken = outgoing(
            json!({"scriptError": {"name": "SyntaxError", "message": "Unexpected token (3:4)\n  at x"}}),
        );
        assert_eq!(
            details(&broken, &facts),
            ["the script does not compile: SyntaxError: Unexpected token (3:4)"]
        );
        let disabled_script = outgoing(
            json!({"scriptEnabled": false, "scriptError": {"message": "x"}, "scriptEngine": null}),
        );
        assert_eq!(found(&disabled_script, &facts), []);
        for engine in [json!(null), json!("vm2")] {
            let legacy = outgoing(json!({"scriptEngine": engine}));
            assert_eq!(
                found(&legacy, &facts),
                [("legacy-script-engine", Severity::Error)]
            );
        }
        let mut old_server = healthy_facts();
        old_server.version = Some(ServerVersion::new(6, 14));
        assert_eq!(
            found(&outgoing(json!({"scriptEngine": "vm2"})), &old_server),
            []
        );
        old_server.version = None;
        assert_eq!(
            found(&outgoing(json!({"scriptEngine": "vm2"})), &old_server),
            []
        );
    }

    fn failed(n: usize) -> HistoryEntry {
        entry(json!({
            "error": true, "step": "after-http-call",
            "errorStack": format!("Error: connect ECONNREFUSED ({n})\n  at x"),
            "_updatedAt": "2026-11-30T00:00:00.000Z",
        }))
    }

    #[test]
    fn failing_needs_the_last_five_to_have_failed() {
        let mut facts = healthy_facts();
        let five: Vec<HistoryEntry> = (0..5).map(failed).collect();
        facts.histories = Some([("o1".to_owned(), five.clone())].into());
        assert_eq!(
            details(&outgoing(json!({})), &facts),
            ["the last 5 deliveries failed; the newest: Error: connect ECONNREFUSED (0)"]
        );
        let mut one_ok = five.clone();
        one_ok[4] = entry(json!({"finished": true}));
        facts.histories = Some([("o1".to_owned(), one_ok)].into());
        assert_eq!(found(&outgoing(json!({})), &facts), []);
        facts.histories = Some([("o1".to_owned(), five[..4].to_vec())].into());
        assert_eq!(
            found(&outgoing(json!({})), &facts),
            [],
            "four are not enough"
        );
    }

    #[test]
    fn urls_over_http_or_with_secrets() {
        let facts = healthy_facts();
        let insecure = outgoing(json!({"urls": [
            "http://hooks.example.com/in", "http://localhost:8080/x", "http://127.0.0.1/x",
            "http://[::1]/x", "https://safe.example.com/x",
        ]}));
        assert_eq!(
            details(&insecure, &facts),
            ["not encrypted: http://hooks.example.com/in"]
        );
        let leaky = outgoing(json!({"urls": [
            "https://hooks.example.com/in?api_key=hunter2&room=x",
            "https://bot:hunter2@hooks.example.com/in",
            "https://hooks.example.com/in?room=x",
        ]}));
        let shown = details(&leaky, &facts);
        assert_eq!(
            shown,
            ["https://hooks.example.com/in has query key `api_key`; \
              https://hooks.example.com/in has a password before the host"]
        );
        assert!(!shown[0].contains("hunter2"));
        let incoming = doc(json!({
            "_id": "i1", "type": "webhook-incoming", "enabled": true, "username": "rocket.cat",
            "urls": ["http://x.example.com"], "_createdBy": {"username": "admin"},
        }));
        assert_eq!(
            found(&incoming, &facts),
            [],
            "only outgoing URLs are called"
        );
    }

    #[test]
    fn stale_means_old_and_silent_since_the_cutoff() {
        let mut facts = healthy_facts();
        let old = outgoing(json!({"_createdAt": "2024-01-10T14:12:07.739Z"}));
        assert_eq!(
            details(&old, &facts),
            ["created 2024-01-10, and no delivery in the last 90 days"]
        );
        let recent = entry(json!({"finished": true, "_updatedAt": "2026-11-20T00:00:00.000Z"}));
        facts.histories = Some([("o1".to_owned(), vec![recent])].into());
        assert_eq!(found(&old, &facts), []);
        facts.histories = None;
        assert_eq!(found(&old, &facts), [], "history unknown: not checked");
        let incoming = doc(json!({
            "_id": "i1", "type": "webhook-incoming", "enabled": false, "username": "rocket.cat",
            "_createdAt": "2020-01-01T00:00:00.000Z", "_createdBy": {"username": "admin"},
        }));
        assert_eq!(
            found(&incoming, &healthy_facts()),
            [("disabled", Severity::Info)]
        );
    }

    #[test]
    fn the_summary_counts_each_severity() {
        let finding = |severity| Finding {
            id: "x".into(),
            name: "x".into(),
            kind: "webhook-outgoing".into(),
            finding: "x",
            severity,
            detail: String::new(),
        };
        let findings = [
            finding(Severity::Error),
            finding(Severity::Error),
            finding(Severity::Error),
            finding(Severity::Warning),
            finding(Severity::Info),
            finding(Severity::Info),
        ];
        assert_eq!(
            summary(&findings, 5),
            "3 errors, 1 warning, 2 info in 5 integrations"
        );
        assert_eq!(
            summary(&[], 1),
            "0 errors, 0 warnings, 0 info in 1 integration"
        );
    }
}
