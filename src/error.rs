//! The typed errors of commands, a leaf that every layer may import.
//!
//! Each type here stands for one exit code (decided in [`crate::exit`]) or
//! carries what an error message and its hint need: which operation failed, on
//! which integration and server, and where the credentials came from. Output
//! reads them off the error chain; nothing is remembered on the writer.

use std::fmt;

use thiserror::Error;

use crate::api::{ApiError, IntegrationKind};

/// Bad input found after parsing (e.g. an empty stdin): exit 2.
#[derive(Debug, Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A confirmation was declined, or could not be asked for: exit 10.
#[derive(Debug, Error)]
#[error("{0}")]
pub struct Cancelled(pub String);

/// `--type` named one type and the integration is another: exit 7.
#[derive(Debug, Error)]
pub enum TypeConflict {
    #[error("it is a {actual} integration, not {wanted} as --type says; nothing was removed")]
    Refused {
        wanted: IntegrationKind,
        actual: String,
    },
    #[error(
        "the server removed a {removed} integration although {sent} was asked for \
         (it changed after rcctl read it)"
    )]
    ServerRemovedOther {
        sent: IntegrationKind,
        removed: String,
    },
}

/// A removal by filter matched more integrations than `--max` allows: exit 7.
#[derive(Debug, Error)]
#[error(
    "{matched} integrations match, more than --max {max} allows; nothing was removed \
     (narrow the filters, or raise --max)"
)]
pub struct TooManyMatches {
    pub matched: usize,
    pub max: usize,
}

impl TooManyMatches {
    /// `--max`: `count` integrations to remove is refused when more than `max`.
    pub fn check(count: usize, max: Option<usize>) -> Result<(), Self> {
        match max {
            Some(max) if count > max => Err(Self {
                matched: count,
                max,
            }),
            _ => Ok(()),
        }
    }
}

/// `doctor --exit-code` found at least one `error` finding: exit 12.
#[derive(Debug, Error)]
#[error("{errors} error finding(s) (--exit-code)")]
pub struct Unhealthy {
    pub errors: usize,
}

/// A removal answered with neither a success nor a well-formed refusal (no
/// answer, a cut body, a gateway's page), which a second read could not show
/// gone: its outcome is unknown, and the server may still act (docs/contract.md
/// §6.5). Exit 9.
#[derive(Debug, Error)]
pub enum RemovalUnconfirmed {
    #[error(
        "the removal got no complete answer ({answer}) and a second read shows the \
         integration still there; the removal may still happen, so its backup is kept: \
         check with `rcctl integrations get {id}` before removing it again"
    )]
    StillThere { id: String, answer: ApiError },
    #[error(
        "the removal got no complete answer ({answer}) and the second read failed too \
         ({check}); it may have been removed, or the removal may still happen, so its \
         backup is kept: check with `rcctl integrations get {id}`"
    )]
    Unchecked {
        id: String,
        answer: ApiError,
        check: ApiError,
    },
}

/// `restore` of a backup that was restored before, or whose last restore may
/// have re-created the integration (its answer was lost): exit 7 unless
/// `--force` (docs/contract.md §3.4).
#[derive(Debug, Error)]
#[error("{}", already_restored_message(self))]
pub struct AlreadyRestored {
    /// `None` when the last restore's outcome is unknown.
    pub new_id: Option<String>,
    /// The integration's name, to look it up by.
    pub name: String,
    pub server: Option<String>,
    pub at: Option<String>,
}

fn already_restored_message(err: &AlreadyRestored) -> String {
    let when = match (&err.server, &err.at) {
        (Some(server), Some(at)) => format!(" on {server} at {at}"),
        (Some(server), None) => format!(" on {server}"),
        (None, Some(at)) => format!(" at {at}"),
        (None, None) => String::new(),
    };
    match &err.new_id {
        Some(new_id) => format!(
            "this backup was already restored, as integration {new_id}{when}; restoring it \
             again would create a second copy: pass --force to do that anyway"
        ),
        None => format!(
            "this backup's last restore{when} got no complete answer and may have re-created \
             the integration; restoring it again could create a second copy: look for it with \
             `rcctl integrations list --name {name}`, then pass --force to restore anyway",
            name = shell_quoted(&err.name)
        ),
    }
}

/// `text` as one POSIX shell word, for a command to copy and paste.
fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// `plan --exit-code`, and applying the files would change the server: exit 11.
#[derive(Debug, Error)]
#[error("the server differs from the files: {0} change(s) to apply")]
pub struct Drift(pub usize);

/// Ctrl-C stopped a batch: exit 130.
#[derive(Debug, Error)]
#[error("interrupted")]
pub struct Interrupted;

/// Where the credentials of a failed call came from: what a 401's hint names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsOrigin {
    /// The profile in use, when there is one.
    pub profile: Option<String>,
    /// `RCCTL_AUTH_TOKEN`, `profile `prod` (…)`, `--with-token`, ….
    pub token: String,
}

/// Context for a failed call: what was being done, to which integration, where,
/// and with whose credentials.
#[derive(Debug)]
pub struct OperationFailed {
    /// What rcctl could not do, as a verb phrase: `remove integration X`,
    /// `list integrations`, `check the credentials`.
    pub doing: String,
    pub id: Option<String>,
    pub kind: Option<IntegrationKind>,
    pub server: String,
    pub credentials: Option<CredentialsOrigin>,
}

impl fmt::Display for OperationFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot {} on {}", self.doing, self.server)
    }
}
