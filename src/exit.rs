//! Exit codes (docs/contract.md §5), decided in one place.
//!
//! [`Exit::of`] walks an error's chain and downcasts the first typed cause it
//! knows; anything unrecognised is a plain error (1). Nothing else in the crate
//! picks a number.

use std::error::Error;

use crate::api::{ApiError, LoginRejected, SetupError};
use crate::config::ConfigError;
use crate::error::{
    AlreadyRestored, Cancelled, Drift, Interrupted, RemovalUnconfirmed, TooManyMatches,
    TypeConflict, Unhealthy, UsageError,
};
use crate::manifest::{ManifestError, PlanProblem};

/// The contract's exit codes, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Error,
    Usage,
    Config,
    Auth,
    Forbidden,
    NotFound,
    Conflict,
    RateLimited,
    Network,
    Cancelled,
    Drift,
    /// `doctor --exit-code` found an `error`.
    Unhealthy,
    /// Ctrl-C, as shells report a SIGINT death (128 + 2).
    Interrupted,
}

impl Exit {
    pub const ALL: [Exit; 14] = [
        Exit::Ok,
        Exit::Error,
        Exit::Usage,
        Exit::Config,
        Exit::Auth,
        Exit::Forbidden,
        Exit::NotFound,
        Exit::Conflict,
        Exit::RateLimited,
        Exit::Network,
        Exit::Cancelled,
        Exit::Drift,
        Exit::Unhealthy,
        Exit::Interrupted,
    ];

    pub const fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Error => 1,
            Exit::Usage => 2,
            Exit::Config => 3,
            Exit::Auth => 4,
            Exit::Forbidden => 5,
            Exit::NotFound => 6,
            Exit::Conflict => 7,
            Exit::RateLimited => 8,
            Exit::Network => 9,
            Exit::Cancelled => 10,
            Exit::Drift => 11,
            Exit::Unhealthy => 12,
            Exit::Interrupted => 130,
        }
    }

    /// The `code` of a JSON error object.
    pub const fn name(self) -> &'static str {
        match self {
            Exit::Ok => "ok",
            Exit::Error => "error",
            Exit::Usage => "usage",
            Exit::Config => "config",
            Exit::Auth => "auth",
            Exit::Forbidden => "forbidden",
            Exit::NotFound => "not_found",
            Exit::Conflict => "conflict",
            Exit::RateLimited => "rate_limited",
            Exit::Network => "network",
            Exit::Cancelled => "cancelled",
            Exit::Drift => "drift",
            Exit::Unhealthy => "unhealthy",
            Exit::Interrupted => "interrupted",
        }
    }

    /// When a run ends with this code (docs/contract.md §5), for `rcctl --help`.
    pub const fn meaning(self) -> &'static str {
        match self {
            Exit::Ok => "everything succeeded (missing IDs too, with --ignore-missing)",
            Exit::Error => "anything not below, e.g. an unexpected or non-JSON server response",
            Exit::Usage => "bad arguments",
            Exit::Config => "no usable profile or credentials; a malformed or unreadable config",
            Exit::Auth => "the server rejected the credentials (HTTP 401), or the login",
            Exit::Forbidden => "a missing permission",
            Exit::NotFound => "the integration does not exist",
            Exit::Conflict => "--type does not match the integration's real type; nothing removed",
            Exit::RateLimited => "still rate-limited after waiting and retrying",
            Exit::Network => "no connection, no answer, DNS, TLS or timeout failure",
            Exit::Cancelled => "a confirmation was declined, or could not be asked for",
            Exit::Drift => "plan --exit-code: the server differs from the files",
            Exit::Unhealthy => "doctor --exit-code: at least one error finding",
            Exit::Interrupted => "Ctrl-C (what was done is reported first)",
        }
    }

    /// The exit code an error stands for: its first cause that has one.
    pub fn of(err: &anyhow::Error) -> Exit {
        if let Some(AlreadyReported(exit)) = err.downcast_ref() {
            return *exit;
        }
        err.chain().find_map(exit_of_cause).unwrap_or(Exit::Error)
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit.code())
    }
}

/// A failure that was already printed (one item of a batch); carries the exit
/// code of the batch's first failure.
#[derive(Debug, thiserror::Error)]
#[error("failed (already reported)")]
pub struct AlreadyReported(pub Exit);

impl AlreadyReported {
    /// How work ends whose failures were each printed as they came: `Ok`,
    /// or the first failure's exit code.
    pub fn first(first_failure: Option<Exit>) -> anyhow::Result<()> {
        first_failure.map_or(Ok(()), |exit| Err(Self(exit).into()))
    }
}

fn exit_of_cause(cause: &(dyn Error + 'static)) -> Option<Exit> {
    if let Some(api) = cause.downcast_ref::<ApiError>() {
        return Some(match api {
            ApiError::Unauthorized { .. } => Exit::Auth,
            ApiError::Forbidden { .. } => Exit::Forbidden,
            ApiError::NotFound { .. } => Exit::NotFound,
            ApiError::RateLimited { .. } | ApiError::WaitTooLong { .. } => Exit::RateLimited,
            ApiError::Network { .. } => Exit::Network,
            ApiError::Interrupted { .. } => Exit::Interrupted,
            ApiError::InvalidRequest { .. }
            | ApiError::Server { .. }
            | ApiError::UnexpectedResponse { .. }
            | ApiError::MalformedResponse { .. }
            | ApiError::Redirect { .. } => Exit::Error,
        });
    }
    if cause.is::<LoginRejected>() {
        return Some(Exit::Auth);
    }
    if cause.is::<ConfigError>() {
        return Some(Exit::Config);
    }
    if let Some(setup) = cause.downcast_ref::<SetupError>() {
        return Some(match setup {
            SetupError::NoCertificate(_) | SetupError::InvalidCredentials => Exit::Config,
            SetupError::Build(_) | SetupError::Runtime(_) => Exit::Error,
        });
    }
    if cause.is::<UsageError>() {
        return Some(Exit::Usage);
    }
    if cause.is::<TypeConflict>() || cause.is::<TooManyMatches>() || cause.is::<AlreadyRestored>() {
        return Some(Exit::Conflict);
    }
    if cause.is::<RemovalUnconfirmed>() {
        return Some(Exit::Network);
    }
    if cause.is::<Interrupted>() {
        return Some(Exit::Interrupted);
    }
    if cause.is::<Cancelled>() {
        return Some(Exit::Cancelled);
    }
    if cause.is::<Drift>() {
        return Some(Exit::Drift);
    }
    if cause.is::<ManifestError>() {
        return Some(Exit::Config);
    }
    if let Some(problem) = cause.downcast_ref::<PlanProblem>() {
        return Some(match problem {
            PlanProblem::Ambiguous { .. }
            | PlanProblem::SameIntegration { .. }
            | PlanProblem::SameNewName { .. } => Exit::Conflict,
            PlanProblem::Incomplete { .. } | PlanProblem::Update(_) => Exit::Config,
        });
    }
    if cause.is::<Unhealthy>() {
        return Some(Exit::Unhealthy);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn codes_and_names_match_the_contract_table() {
        let table: Vec<(u8, &str)> = Exit::ALL.iter().map(|e| (e.code(), e.name())).collect();
        assert_eq!(
            table,
            [
                (0, "ok"),
                (1, "error"),
                (2, "usage"),
                (3, "config"),
                (4, "auth"),
                (5, "forbidden"),
                (6, "not_found"),
                (7, "conflict"),
                (8, "rate_limited"),
                (9, "network"),
                (10, "cancelled"),
                (11, "drift"),
                (12, "unhealthy"),
                (130, "interrupted"),
            ]
        );
    }

    fn api(error: ApiError) -> Exit {
        Exit::of(
            &Err::<(), _>(error)
                .context("cannot remove integration x")
                .expect_err("an error"),
        )
    }

    #[test]
    fn api_errors_map_through_context() {
        let server = || "https://chat.example.com".to_owned();
        assert_eq!(
            api(ApiError::Unauthorized {
                server: server(),
                server_error: None
            }),
            Exit::Auth
        );
        assert_eq!(
            api(ApiError::Forbidden {
                server: server(),
                status: 400,
                server_error: None
            }),
            Exit::Forbidden
        );
        assert_eq!(
            api(ApiError::NotFound {
                server: server(),
                status: 400,
                server_error: String::new()
            }),
            Exit::NotFound
        );
        assert_eq!(
            api(ApiError::RateLimited {
                server: server(),
                retry_after: None,
                server_error: None
            }),
            Exit::RateLimited
        );
        assert_eq!(
            api(ApiError::WaitTooLong {
                server: server(),
                route: "integrations.remove",
                wait: std::time::Duration::from_secs(600),
                max_wait: std::time::Duration::from_secs(2),
            }),
            Exit::RateLimited
        );
        assert_eq!(
            api(ApiError::Interrupted { server: server() }),
            Exit::Interrupted
        );
        assert_eq!(
            api(ApiError::MalformedResponse {
                server: server(),
                detail: "message head is too large".into(),
            }),
            Exit::Error
        );
        assert_eq!(
            api(ApiError::Network {
                server: server(),
                reason: String::new(),
                kind: crate::api::NetworkKind::Unreachable
            }),
            Exit::Network
        );
        assert_eq!(
            api(ApiError::UnexpectedResponse {
                server: server(),
                status: 502,
                detail: String::new()
            }),
            Exit::Error
        );
    }

    #[test]
    fn typed_command_errors_have_their_codes() {
        assert_eq!(Exit::of(&UsageError("bad id".into()).into()), Exit::Usage);
        assert_eq!(
            Exit::of(&Cancelled("declined".into()).into()),
            Exit::Cancelled
        );
        assert_eq!(Exit::of(&Drift(2).into()), Exit::Drift);
        let bad_file = ManifestError::NoFiles { dir: "x".into() };
        assert_eq!(Exit::of(&bad_file.into()), Exit::Config);
        let twins = PlanProblem::Ambiguous {
            kind: crate::api::IntegrationKind::Outgoing,
            name: "Guggy".into(),
            ids: vec!["a".into(), "b".into()],
        };
        let err = anyhow::Error::new(twins).context("cannot plan guggy.toml");
        assert_eq!(Exit::of(&err), Exit::Conflict);
        let partial = PlanProblem::Incomplete {
            kind: crate::api::IntegrationKind::Incoming,
            name: "CI".into(),
            missing: vec!["channel"],
        };
        assert_eq!(Exit::of(&partial.into()), Exit::Config);
        assert_eq!(
            Exit::of(&TooManyMatches { matched: 3, max: 2 }.into()),
            Exit::Conflict
        );
        assert_eq!(Exit::of(&Unhealthy { errors: 1 }.into()), Exit::Unhealthy);
        assert_eq!(
            Exit::of(
                &ConfigError::MissingValue {
                    what: "server URL",
                    fix: String::new()
                }
                .into()
            ),
            Exit::Config
        );
    }

    #[test]
    fn every_login_rejection_is_an_auth_failure() {
        for rejected in [
            LoginRejected::WrongCredentials,
            LoginRejected::TwoFactorInvalid,
            LoginRejected::TwoFactorMaxAttempts,
            LoginRejected::Blocked { scope: "user" },
        ] {
            let err = Err::<(), _>(rejected)
                .context("cannot log in")
                .expect_err("an error");
            assert_eq!(Exit::of(&err), Exit::Auth);
        }
    }

    #[test]
    fn already_reported_keeps_its_code_and_unknown_errors_are_1() {
        assert_eq!(
            Exit::of(&AlreadyReported(Exit::NotFound).into()),
            Exit::NotFound
        );
        assert_eq!(Exit::of(&anyhow::anyhow!("something odd")), Exit::Error);
    }
}
