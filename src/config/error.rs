//! Configuration problems: each is exit code 3, and each names the file, the
//! profile or the variable to fix.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::Source;

/// A configuration problem: exit code 3.
///
/// An I/O error is a variant's source, not part of its message: `{:#}` prints
/// the whole chain, and would print it twice.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config file {}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("config file {} not found (named by {origin})", path.display())]
    Missing { path: PathBuf, origin: Source },
    #[error("invalid config file {}, line {line}, column {column}: {message}", path.display())]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("profile `{name}` (from {origin}) is not in {}{}", path_text(path.as_deref()), available_text(available))]
    UnknownProfile {
        name: String,
        origin: Source,
        path: Option<PathBuf>,
        available: Vec<String>,
    },
    #[error(
        "{} has several profiles and no default_profile: choose one with --profile NAME{}",
        path.display(),
        available_text(available)
    )]
    AmbiguousProfile {
        path: PathBuf,
        available: Vec<String>,
    },
    #[error("no {what} configured: {fix}")]
    MissingValue { what: &'static str, fix: String },
    #[error("invalid {what} from {origin}: {reason}")]
    Invalid {
        what: &'static str,
        origin: Source,
        reason: String,
    },
    #[error("cannot read the CA certificate {} (from {origin})", path.display())]
    CaCert {
        path: PathBuf,
        origin: Source,
        #[source]
        source: std::io::Error,
    },
    #[error("the token command of {origin} failed: {reason}")]
    TokenCommand { origin: Source, reason: String },
    #[error(
        "profile `{profile}` is for {profile_url}, not {url} (from {origin}): name the \
         profile to log in with, e.g. --profile NAME"
    )]
    OtherServer {
        profile: String,
        profile_url: String,
        url: String,
        origin: Source,
    },
    #[error(
        "no profile{} is for {url} (from {origin}), and a profile's token goes only to its own \
         server: log in there with `rcctl auth login --url {url} -p NAME`, or set \
         RCCTL_USER_ID and RCCTL_AUTH_TOKEN",
        path.as_ref().map_or_else(String::new, |path| format!(" in {}", path.display()))
    )]
    NoProfileForUrl {
        url: String,
        origin: Source,
        path: Option<PathBuf>,
    },
    #[error("cannot write config file {}", path.display())]
    Unwritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("no config file location is known (no home directory): pass --config FILE")]
    NoLocation,
}

fn path_text(path: Option<&Path>) -> String {
    path.map_or_else(
        || "any config file (none was found)".to_owned(),
        |path| path.display().to_string(),
    )
}

fn available_text(available: &[String]) -> String {
    if available.is_empty() {
        " (it has no profiles; run `rcctl auth login` or add one)".to_owned()
    } else {
        format!(" (available: {})", available.join(", "))
    }
}
