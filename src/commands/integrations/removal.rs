//! The one removal path (docs/contract.md §3, §6): every command that removes
//! (`remove` by ID or by filter, `apply --prune`) hands its targets to
//! [`remove_all`].
//!
//! The server deletes an integration of the other type without complaint
//! (docs/server-api.md §2.7), so every removal first reads the integration
//! (unless it was read already), refuses a `--type` mismatch, and sends the
//! integration's real type. Before the remove request goes out the audit log
//! is open and the backup on disk.
//!
//! What the answer means is decided by [`verdict`]: a success, a well-formed
//! refusal (the backup is deleted again), or anything else, after which the
//! integration is read once more and the removal is never re-sent: gone means
//! removed, still there means the outcome is unknown (exit 9, backup kept,
//! audit `unknown`; docs/contract.md §6.5). Each item is settled on disk (its
//! audit line written, its backup kept or deleted) before anything about it
//! is printed, and a reader closing stdout stops no item (§6.9).

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, PoisonError};

use anyhow::Context;

use crate::api::{ApiError, Effect, Integration, IntegrationId, IntegrationKind};
use crate::audit::{AuditAction, AuditResult};
use crate::backup::BackupAction;
use crate::batch::{self, BatchEnd, Flow};
use crate::commands::safety::{Audited, DiskNote, Safety};
use crate::commands::session::Session;
use crate::config::Env;
use crate::error::{Interrupted, RemovalUnconfirmed, TypeConflict};
use crate::exit::{AlreadyReported, Exit};
use crate::interrupt;
use crate::output::view::{AppliedView, Row};
use crate::output::{Batch, Output};

/// What became of one ID.
#[derive(Debug)]
pub(super) enum RemoveOutcome {
    /// A remove request was sent (and has its audit line).
    Sent(Removal),
    WouldRemove(Integration),
    /// `--ignore-missing`, and the read found nothing: nothing was sent.
    Missing,
}

/// What a remove request that was sent came to, when it did not fail.
#[derive(Debug)]
pub(super) enum Removal {
    Removed(Integration),
    /// The answer was lost or incomplete (`answer` says how), and a second
    /// read found the integration gone.
    RemovedUnanswered {
        doc: Integration,
        answer: String,
    },
    /// `--ignore-missing`, and someone else removed it between read and remove.
    AlreadyGone,
}

/// One ID, settled on disk, ready to be reported.
#[derive(Debug)]
pub(super) struct Settled {
    /// What was done with the backup and the audit line, in order.
    notes: Vec<DiskNote>,
    pub(super) outcome: anyhow::Result<RemoveOutcome>,
}

/// What one removal is about: an ID to read first, or a document already read
/// (from a listing). Either way the same checks, backup and audit follow.
#[derive(Debug)]
pub enum Target {
    Id(IntegrationId),
    Read(Integration),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Self::Id(id) => id.as_str(),
            Self::Read(doc) => doc.id(),
        }
    }
}

/// What a batch says on stdout of each integration it removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    /// `remove`: each document as it is removed (`--json`), or a table of
    /// them at the end.
    Documents,
    /// `apply --prune`: under `--json` one action object per removal
    /// (docs/contract.md §7.3); people read the plan and the notes on stderr.
    Actions,
}

/// How a batch of removals goes, from `remove`'s flags.
#[derive(Debug, Clone, Copy)]
pub struct RemoveOptions {
    /// `--type`: the only type that may be removed.
    pub wanted: Option<IntegrationKind>,
    pub dry_run: bool,
    pub ignore_missing: bool,
    pub show_secrets: bool,
    pub backups: bool,
    pub parallel: usize,
    pub told: Told,
}

/// Integrations about to go, for people: a heading, then ID, type and
/// name, aligned (remove by filter shows its matches so, and a protected
/// profile what it is asked to remove).
pub fn match_lines(matches: &[Integration], heading: &str) -> Vec<String> {
    let id_width = matches.iter().map(|doc| doc.id().len()).max().unwrap_or(0);
    let type_width = matches
        .iter()
        .map(|doc| doc.short_type().len())
        .max()
        .unwrap_or(0);
    std::iter::once(heading.to_owned())
        .chain(matches.iter().map(|doc| {
            format!(
                "  {:id_width$}  {:type_width$}  {}",
                doc.id(),
                doc.short_type(),
                doc.name()
            )
        }))
        .collect()
}

/// A failed item: its error printed once, and the batch's first exit code
/// kept. Rejected credentials stop the batch: every further request would be
/// rejected too.
pub(super) fn report_failure(
    out: &Output,
    err: &anyhow::Error,
    first_failure: &mut Option<Exit>,
) -> Flow {
    let exit = Exit::of(err);
    out.error(err, exit);
    first_failure.get_or_insert(exit);
    if exit == Exit::Auth {
        Flow::Stop
    } else {
        Flow::Continue
    }
}

/// `--ignore-missing`: an integration that is not there is a warning.
pub(super) fn skipped_missing(out: &Output, id: &str, server: impl std::fmt::Display) {
    out.warn(&format!(
        "integration {id} not found on {server}; skipped (--ignore-missing)"
    ));
}

/// Removes every target, up to `options.parallel` at a time, reporting each in
/// order: the one removal path of every command that removes. A target given
/// more than once is removed once, where it first came.
pub fn remove_all(
    session: &Session,
    env: &Env,
    out: &Output,
    targets: Vec<Target>,
    options: RemoveOptions,
) -> anyhow::Result<()> {
    let (targets, repeated) = first_of_each(targets);
    for (id, times) in repeated {
        out.warn(&format!(
            "integration {id} was given {times} times; it is processed once"
        ));
    }
    let safety = Safety::new(session, env, out, options.backups);
    let interrupted = session.client.interrupt_flag();
    interrupt::install(out, &interrupted);
    let mut report = RemoveReport {
        out,
        told: options.told,
        progress: out.batch(
            if options.dry_run {
                "checking"
            } else {
                "removing"
            },
            targets.len(),
        ),
        server: session.client.server().to_string(),
        show_secrets: options.show_secrets,
        first_shown: None,
        shown: Vec::new(),
        first_failure: None,
        write_error: None,
    };
    // Each worker takes its target out of its slot, so a document read by a
    // listing is freed once its removal is reported, not kept to the end.
    let labels: Vec<Label> = targets.iter().map(Label::of).collect();
    let slots: Vec<Mutex<Option<Target>>> = targets
        .into_iter()
        .map(|target| Mutex::new(Some(target)))
        .collect();
    let end = batch::run_ordered(
        &slots,
        options.parallel,
        &interrupted,
        |slot| {
            let target = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
            // The batch hands out each slot once.
            let target = target.expect("each target is taken once");
            remove_one(session, &safety, target, options)
        },
        |index, settled| report.record(&labels[index], settled),
    );
    report.finish(&labels, end, interrupted.load(Ordering::SeqCst))
}

/// The targets without repeats (first occurrence wins, order kept), and each
/// repeated ID with how often it was given.
fn first_of_each(targets: Vec<Target>) -> (Vec<Target>, Vec<(String, usize)>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut repeated = Vec::new();
    let mut unique = Vec::with_capacity(targets.len());
    for target in targets {
        let count = seen.entry(target.id().to_owned()).or_default();
        *count += 1;
        match *count {
            1 => unique.push(target),
            2 => repeated.push(target.id().to_owned()),
            _ => {}
        }
    }
    let repeated = repeated
        .into_iter()
        .map(|id| {
            let times = seen[&id];
            (id, times)
        })
        .collect();
    (unique, repeated)
}

/// What the report says of a target whatever became of it: its ID, and its
/// name and type when it was read before the batch.
#[derive(Debug)]
struct Label {
    id: String,
    name: String,
    kind: String,
}

impl Label {
    fn of(target: &Target) -> Self {
        let (name, kind) = match target {
            Target::Read(doc) => (doc.name().to_owned(), doc.type_name().to_owned()),
            Target::Id(_) => (String::new(), String::new()),
        };
        Self {
            id: target.id().to_owned(),
            name,
            kind,
        }
    }
}

/// Prints each ID's outcome as it is reported, in input order, and remembers
/// what the batch's exit code must be.
struct RemoveReport<'a> {
    out: &'a Output,
    told: Told,
    /// The progress line, and the counts for the summary.
    progress: Batch,
    server: String,
    show_secrets: bool,
    /// The first document shown, printed alone when it stays the only one.
    first_shown: Option<Integration>,
    /// A row per document shown, for the people's table at the end (scripts
    /// got JSON lines); the documents themselves are not kept, so memory
    /// grows by a row, not a document, per ID.
    shown: Vec<Row>,
    first_failure: Option<Exit>,
    /// stdout failed (a closed pipe): nothing more is written there, but
    /// every item is still done, recorded and said on stderr.
    write_error: Option<std::io::Error>,
}

impl RemoveReport<'_> {
    fn record(&mut self, label: &Label, settled: Settled) -> Flow {
        let id = label.id.as_str();
        for note in &settled.notes {
            note.say(self.out);
        }
        match &settled.outcome {
            Ok(RemoveOutcome::Sent(Removal::Removed(_) | Removal::RemovedUnanswered { .. })) => {
                self.progress.done(id, "removed");
            }
            Ok(RemoveOutcome::WouldRemove(_)) => self.progress.done(id, "would remove"),
            Ok(RemoveOutcome::Missing | RemoveOutcome::Sent(Removal::AlreadyGone)) => {
                self.progress.done(id, "missing");
            }
            Err(err) => self.progress.failed(id, err),
        }
        let (verb, doc) = match settled.outcome {
            Ok(RemoveOutcome::Sent(Removal::Removed(doc))) => ("removed", doc),
            Ok(RemoveOutcome::Sent(Removal::RemovedUnanswered { doc, answer })) => {
                self.out.warn(&format!(
                    "the answer to the removal of integration {id} was lost or incomplete \
                     ({answer}); a second read shows it is gone, so it was removed"
                ));
                ("removed", doc)
            }
            Ok(RemoveOutcome::WouldRemove(doc)) => ("dry run: would remove", doc),
            Ok(RemoveOutcome::Missing | RemoveOutcome::Sent(Removal::AlreadyGone)) => {
                skipped_missing(self.out, id, &self.server);
                self.action(label, "missing", None);
                return Flow::Continue;
            }
            Err(err) => {
                let flow = report_failure(self.out, &err, &mut self.first_failure);
                self.action(label, "failed", Some(&err));
                return flow;
            }
        };
        self.out.note(&format!(
            "{verb} {} integration {} ({})",
            doc.type_name(),
            doc.id(),
            doc.name()
        ));
        if self.told == Told::Actions {
            self.action(label, "removed", None);
        } else if self.out.is_json() {
            if self.write_error.is_none()
                && let Err(err) = self.out.integration(&doc, self.show_secrets)
            {
                self.write_error = Some(err);
            }
        } else {
            self.shown.push(Row::integration(&doc, self.show_secrets));
            self.first_shown.get_or_insert(doc);
        }
        Flow::Continue
    }

    /// `apply --prune --json`: one removal's action object (people get
    /// nothing on stdout from it).
    fn action(&mut self, label: &Label, result: &'static str, failure: Option<&anyhow::Error>) {
        if self.told != Told::Actions || self.write_error.is_some() {
            return;
        }
        let view = AppliedView {
            action: "remove",
            id: Some(&label.id),
            name: &label.name,
            kind: &label.kind,
            result,
            new_id: None,
            url: None,
        };
        let failure = failure.map(|err| (err, Exit::of(err)));
        if let Err(err) = self.out.applied(&view, failure) {
            self.write_error = Some(err);
        }
    }

    /// The table for people, the interruption, then the exit code: Ctrl-C's
    /// (even when it came during the last items), else a failed item's, else
    /// a closed stdout's (which `run` turns into 0: every item was done and
    /// recorded, only the reader left).
    fn finish(self, ids: &[Label], end: BatchEnd, interrupted: bool) -> anyhow::Result<()> {
        let written = match self.write_error {
            Some(err) => Err(err),
            None if self.shown.len() > 1 => self.out.integration_rows(self.shown),
            None => match &self.first_shown {
                Some(only) => self.out.integration(only, self.show_secrets),
                None => Ok(()),
            },
        };
        self.progress.finish();
        let left = ids.len() - end.reported;
        if end.interrupted {
            self.out.warn(&format!(
                "interrupted: {} of {} IDs processed; {left} not attempted, from {} on",
                end.reported,
                ids.len(),
                ids[end.reported].id
            ));
            return Err(Interrupted.into());
        }
        if interrupted {
            return Err(Interrupted.into());
        }
        if left > 0 {
            self.out
                .warn(&format!("stopped: {left} remaining ID(s) not attempted"));
        }
        AlreadyReported::first(self.first_failure)?;
        Ok(written?)
    }
}

/// Reads (unless already read), checks and (unless `--dry-run`) backs up and
/// removes one integration, settling its backup and audit line.
pub(super) fn remove_one(
    session: &Session,
    safety: &Safety,
    target: Target,
    options: RemoveOptions,
) -> Settled {
    let mut notes = Vec::new();
    let outcome = read_and_remove(session, safety, target, options, &mut notes);
    Settled { notes, outcome }
}

fn read_and_remove(
    session: &Session,
    safety: &Safety,
    target: Target,
    options: RemoveOptions,
    notes: &mut Vec<DiskNote>,
) -> anyhow::Result<RemoveOutcome> {
    let wanted = options.wanted;
    let doc = match target {
        Target::Read(doc) => doc,
        Target::Id(id) => match session.client.get_integration(id.as_str()) {
            Err(ApiError::NotFound { .. }) if options.ignore_missing => {
                return Ok(RemoveOutcome::Missing);
            }
            result => result.with_context(|| session.failed_on("remove", id.as_str(), wanted))?,
        },
    };
    let kind = checked_type(&doc, wanted)
        .with_context(|| session.failed_on("remove", doc.id(), wanted))?;
    if options.dry_run {
        return Ok(RemoveOutcome::WouldRemove(doc));
    }
    send_removal(session, safety, doc, kind, options.ignore_missing, notes).map(RemoveOutcome::Sent)
}

/// Backs up `doc`, sends its removal, judges the answer, settles the backup
/// and writes the audit line; `notes` gets what was done on disk.
fn send_removal(
    session: &Session,
    safety: &Safety,
    doc: Integration,
    kind: IntegrationKind,
    ignore_missing: bool,
    notes: &mut Vec<DiskNote>,
) -> anyhow::Result<Removal> {
    let id = doc.id();
    let failed = || session.failed_on("remove", id, Some(kind));
    // After Ctrl-C no removal is sent, so none is backed up either.
    session.client.check_interrupted().with_context(failed)?;
    let backup = safety
        .prepare(&doc, BackupAction::Remove)
        .with_context(failed)?;
    let backup_path = backup.as_ref().and_then(DiskNote::backup_path);
    notes.extend(backup);

    let answer = session.client.remove_integration(kind, id);
    let verdict = verdict(id, answer, kind, ignore_missing, || {
        session.client.get_integration(id)
    });

    if let Verdict::OtherTypeRemoved(removed) = &verdict {
        // What the server removed is not what was backed up: keep it too.
        match safety.back_up(removed, BackupAction::Remove) {
            Ok(note) => notes.push(note),
            Err(err) => notes.push(DiskNote::NotRecorded(format!(
                "the integration the server removed instead could not be backed up: {err:#}"
            ))),
        }
    }
    if let Some(path) = &backup_path
        && !verdict.keeps_backup()
    {
        notes.push(safety.discard_backup(path));
    }
    let audit = verdict.audit_result();
    let outcome = verdict.into_outcome(&doc, kind).with_context(failed);
    if let Some(result) = audit {
        let call = Audited {
            action: AuditAction::Remove,
            doc: &doc,
            backup: backup_path.as_deref(),
        };
        notes.extend(safety.record(call, None, result, outcome.as_ref().err()));
    }
    outcome
}

/// What the server did with one remove request, as far as rcctl can tell.
#[derive(Debug)]
enum Verdict {
    Removed(Integration),
    /// No complete answer; a second read found it gone.
    RemovedUnanswered(ApiError),
    /// The server removed a document of the other type (docs/server-api.md §2.7).
    OtherTypeRemoved(Integration),
    /// `--ignore-missing`: someone else removed it first.
    AlreadyGone,
    /// A well-formed refusal: nothing happened.
    Refused(ApiError),
    /// The request never left: nothing happened, and there is nothing to audit.
    NotSent(ApiError),
    /// No complete answer, and a second read could not show it gone.
    Unknown(RemovalUnconfirmed),
}

/// Judges the answer to a remove request for `kind`. Anything but a success
/// or a well-formed refusal ([`ApiError::effect`]) is settled by `read_again`,
/// never by sending the removal again.
fn verdict(
    id: &str,
    answer: Result<Integration, ApiError>,
    kind: IntegrationKind,
    ignore_missing: bool,
    read_again: impl FnOnce() -> Result<Integration, ApiError>,
) -> Verdict {
    let err = match answer {
        Ok(removed) if removed.kind() == Some(kind) => return Verdict::Removed(removed),
        Ok(removed) => return Verdict::OtherTypeRemoved(removed),
        Err(ApiError::NotFound { .. }) if ignore_missing => return Verdict::AlreadyGone,
        Err(err) => err,
    };
    match err.effect() {
        Effect::NotSent => Verdict::NotSent(err),
        Effect::Refused => Verdict::Refused(err),
        Effect::MaybeActed => {
            let id = id.to_owned();
            match read_again() {
                Err(ApiError::NotFound { .. }) => Verdict::RemovedUnanswered(err),
                Ok(_) => Verdict::Unknown(RemovalUnconfirmed::StillThere { id, answer: err }),
                Err(check) => Verdict::Unknown(RemovalUnconfirmed::Unchecked {
                    id,
                    answer: err,
                    check,
                }),
            }
        }
    }
}

impl Verdict {
    /// Whether the server removed, or may have removed, an integration: then
    /// its backup must stay.
    fn keeps_backup(&self) -> bool {
        match self {
            Self::Removed(_)
            | Self::RemovedUnanswered(_)
            | Self::OtherTypeRemoved(_)
            | Self::Unknown(_) => true,
            Self::AlreadyGone | Self::Refused(_) | Self::NotSent(_) => false,
        }
    }

    /// The `result` of the audit line, or `None` when nothing was sent.
    fn audit_result(&self) -> Option<AuditResult> {
        Some(match self {
            Self::Removed(_) | Self::RemovedUnanswered(_) | Self::OtherTypeRemoved(_) => {
                AuditResult::Removed
            }
            Self::AlreadyGone => AuditResult::Missing,
            Self::Refused(_) => AuditResult::Failed,
            Self::Unknown(_) => AuditResult::Unknown,
            Self::NotSent(_) => return None,
        })
    }

    /// The outcome to report; `read` is the document read before the removal
    /// (copied only when no answer brought the removed one).
    fn into_outcome(self, read: &Integration, kind: IntegrationKind) -> anyhow::Result<Removal> {
        match self {
            Self::Removed(doc) => Ok(Removal::Removed(doc)),
            Self::RemovedUnanswered(answer) => Ok(Removal::RemovedUnanswered {
                doc: read.clone(),
                answer: answer.to_string(),
            }),
            Self::AlreadyGone => Ok(Removal::AlreadyGone),
            Self::OtherTypeRemoved(removed) => Err(TypeConflict::ServerRemovedOther {
                sent: kind,
                removed: removed.type_label(),
            }
            .into()),
            Self::Refused(err) | Self::NotSent(err) => Err(err.into()),
            Self::Unknown(unconfirmed) => Err(unconfirmed.into()),
        }
    }
}

/// The type to send: the integration's own, which `--type` (when given) must name.
fn checked_type(
    doc: &Integration,
    wanted: Option<IntegrationKind>,
) -> anyhow::Result<IntegrationKind> {
    match (doc.kind(), wanted) {
        (Some(actual), None) => Ok(actual),
        (Some(actual), Some(wanted)) if actual == wanted => Ok(actual),
        (_, Some(wanted)) => Err(TypeConflict::Refused {
            wanted,
            actual: doc.type_label(),
        }
        .into()),
        (None, None) => Err(anyhow::anyhow!(
            "it is a {} integration, which rcctl cannot remove",
            doc.type_label()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_listed_aligned() {
        let doc = |id: &str, kind: &str, name: &str| {
            Integration::from_json(serde_json::json!({"_id": id, "type": kind, "name": name}))
        };
        let lines = match_lines(
            &[
                doc("short", "webhook-incoming", "A"),
                doc("a-longer-id", "webhook-outgoing", "B"),
            ],
            "2 integrations on https://x match:",
        );
        assert_eq!(
            lines,
            [
                "2 integrations on https://x match:",
                "  short        incoming  A",
                "  a-longer-id  outgoing  B",
            ]
        );
    }

    fn doc(kind: &str) -> Integration {
        let serde_json::Value::Object(object) = serde_json::json!({"_id": "x", "type": kind})
        else {
            unreachable!("literal is an object")
        };
        Integration::from_object(object)
    }

    fn api_error(status: u16, body: &str) -> ApiError {
        let response = crate::api::RawResponse {
            status,
            content_type: Some(
                if body.starts_with('{') {
                    "application/json"
                } else {
                    "text/html"
                }
                .to_owned(),
            ),
            body: body.as_bytes().to_vec(),
            ..crate::api::RawResponse::default()
        };
        crate::api::classify("https://chat.example.com", &response, 0).expect_err("an error")
    }

    fn not_found() -> ApiError {
        api_error(
            400,
            r#"{"success":false,"error":"The integration does not exists."}"#,
        )
    }

    fn judged(
        answer: Result<Integration, ApiError>,
        read_again: Option<Result<Integration, ApiError>>,
    ) -> Verdict {
        let out = doc("webhook-outgoing");
        verdict("x", answer, IntegrationKind::Outgoing, false, || {
            read_again.unwrap_or_else(|| panic!("read again after {out:?}"))
        })
    }

    #[test]
    fn a_success_of_the_type_sent_is_removed() {
        let verdict = judged(Ok(doc("webhook-outgoing")), None);
        assert!(matches!(verdict, Verdict::Removed(_)), "{verdict:?}");
        assert!(verdict.keeps_backup());
        assert_eq!(verdict.audit_result(), Some(AuditResult::Removed));
        let other = judged(Ok(doc("webhook-incoming")), None);
        assert!(matches!(other, Verdict::OtherTypeRemoved(_)), "{other:?}");
        assert!(other.keeps_backup());
        assert_eq!(other.audit_result(), Some(AuditResult::Removed));
    }

    #[test]
    fn a_well_formed_refusal_is_not_read_again_and_drops_the_backup() {
        let forbidden = api_error(403, r#"{"success":false,"error":"unauthorized"}"#);
        let verdict = judged(Err(forbidden), None);
        assert!(matches!(verdict, Verdict::Refused(_)), "{verdict:?}");
        assert!(!verdict.keeps_backup());
        assert_eq!(verdict.audit_result(), Some(AuditResult::Failed));
    }

    #[test]
    fn a_request_that_never_left_is_not_audited() {
        let interrupted = ApiError::Interrupted {
            server: "https://chat.example.com".to_owned(),
        };
        let verdict = judged(Err(interrupted), None);
        assert!(matches!(verdict, Verdict::NotSent(_)), "{verdict:?}");
        assert!(!verdict.keeps_backup());
        assert_eq!(verdict.audit_result(), None);
    }

    #[test]
    fn an_incomplete_answer_is_settled_by_a_second_read() {
        let gateway = || api_error(502, "<html>Bad Gateway</html>");
        let gone = judged(Err(gateway()), Some(Err(not_found())));
        assert!(matches!(gone, Verdict::RemovedUnanswered(_)), "{gone:?}");
        assert!(gone.keeps_backup());
        assert_eq!(gone.audit_result(), Some(AuditResult::Removed));

        let there = judged(Err(gateway()), Some(Ok(doc("webhook-outgoing"))));
        assert!(
            matches!(
                there,
                Verdict::Unknown(RemovalUnconfirmed::StillThere { .. })
            ),
            "{there:?}"
        );
        assert!(there.keeps_backup());
        assert_eq!(there.audit_result(), Some(AuditResult::Unknown));
        let outcome = there
            .into_outcome(&doc("webhook-outgoing"), IntegrationKind::Outgoing)
            .expect_err("unknown");
        assert_eq!(Exit::of(&outcome), Exit::Network);
        assert!(
            outcome.to_string().contains("may still happen"),
            "{outcome}"
        );

        let unreadable = judged(Err(gateway()), Some(Err(gateway())));
        assert!(
            matches!(
                unreadable,
                Verdict::Unknown(RemovalUnconfirmed::Unchecked { .. })
            ),
            "{unreadable:?}"
        );
        assert!(unreadable.keeps_backup());
    }

    #[test]
    fn ignore_missing_takes_not_found_as_already_gone() {
        let verdict = verdict(
            "x",
            Err(api_error(
                400,
                r#"{"success":false,"error":"No integration found."}"#,
            )),
            IntegrationKind::Outgoing,
            true,
            || panic!("no second read"),
        );
        assert!(matches!(verdict, Verdict::AlreadyGone), "{verdict:?}");
        assert!(!verdict.keeps_backup());
        assert_eq!(verdict.audit_result(), Some(AuditResult::Missing));
    }

    #[test]
    fn a_repeated_id_is_kept_once_where_it_first_came() {
        let targets: Vec<Target> = ["b", "a", "b", "c", "b", "a"]
            .iter()
            .map(|id| Target::Id(id.parse().expect("an ID")))
            .collect();
        let (unique, repeated) = first_of_each(targets);
        let ids: Vec<&str> = unique.iter().map(Target::id).collect();
        assert_eq!(ids, ["b", "a", "c"]);
        assert_eq!(repeated, [("b".to_owned(), 3), ("a".to_owned(), 2)]);
    }

    #[test]
    fn the_type_sent_is_the_integrations_own_and_must_match_type() {
        use IntegrationKind::{Incoming, Outgoing};
        assert_eq!(
            checked_type(&doc("webhook-outgoing"), None).ok(),
            Some(Outgoing)
        );
        assert_eq!(
            checked_type(&doc("webhook-outgoing"), Some(Outgoing)).ok(),
            Some(Outgoing)
        );
        for (kind, wanted) in [
            ("webhook-incoming", Some(Outgoing)),
            ("zapier", Some(Incoming)),
            ("zapier", None),
        ] {
            let err = checked_type(&doc(kind), wanted).expect_err("refused");
            let expected = if wanted.is_some() {
                Exit::Conflict
            } else {
                Exit::Error
            };
            assert_eq!(Exit::of(&err), expected, "{kind} {wanted:?}");
        }
    }
}
