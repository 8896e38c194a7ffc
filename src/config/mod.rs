//! Profiles and credentials (docs/contract.md §1-2).
//!
//! Four parts, in the order a run meets them:
//! - [`file`]: where the config file is, and reading it raw ([`RawConfig`]);
//! - [`resolve()`]: merging flags, environment and file into [`Settings`], first
//!   to last: flag, `RCCTL_*` variable, profile, default. Pure: every resolved
//!   value remembers its [`Source`], so an error can say "no token in profile
//!   `prod` (~/.config/rcctl/config.toml)";
//! - [`token_command`]: running a profile's `token_command` when the token is needed;
//! - [`edit`]: writing the file back (`auth login`, `logout`, `use`).
//!
//! The environment is read once, into [`Env`], and passed down.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::api::ServerUrl;
use crate::secret::Secret;

pub mod edit;
mod error;
mod file;
mod resolve;
mod token_command;

pub use error::ConfigError;
pub use file::{
    ConfigFile, RawConfig, RawProfile, TokenKind, config_path, data_dir, line_and_column, load,
    parse, permission_warning,
};
pub use resolve::{resolve, resolve_login_target, server_url};

pub const DEFAULT_TIMEOUT_SECS: u64 = 30;

/// The profile name `auth login` uses when none is named and the file has none.
pub const FIRST_PROFILE_NAME: &str = "default";

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    Profile {
        name: String,
        path: PathBuf,
    },
    /// Typed at a prompt (`auth login`'s server URL).
    Prompt,
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flag(flag) => write!(f, "{flag}"),
            Self::Env(var) => write!(f, "{var}"),
            Self::Profile { name, path } => write!(f, "profile `{name}` ({})", path.display()),
            Self::Prompt => f.write_str("the prompt"),
            Self::Default => f.write_str("the default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    pub fn new(value: T, source: Source) -> Self {
        Self { value, source }
    }
}

/// The global flags that take part in resolution.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub profile: Option<String>,
    pub url: Option<String>,
    pub config: Option<PathBuf>,
    pub timeout: Option<u64>,
    pub ca_cert: Option<PathBuf>,
}

/// The environment variables rcctl reads, captured once per run.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub profile: Option<String>,
    pub url: Option<String>,
    pub config: Option<PathBuf>,
    pub timeout: Option<String>,
    pub user_id: Option<String>,
    pub auth_token: Option<Secret>,
    pub xdg_config_home: Option<PathBuf>,
    pub xdg_data_home: Option<PathBuf>,
    /// `NO_COLOR` set to anything but the empty string.
    pub no_color: bool,
    /// `TERM=dumb`: a terminal that cannot draw boxes, colours or a progress line.
    pub dumb_terminal: bool,
}

impl Env {
    pub fn from_process() -> Self {
        // An empty variable counts as unset, as in most CLIs: `RCCTL_URL= rcctl …`.
        let var = |name| std::env::var(name).ok().filter(|value| !value.is_empty());
        Self {
            profile: var("RCCTL_PROFILE"),
            url: var("RCCTL_URL"),
            config: var("RCCTL_CONFIG").map(PathBuf::from),
            timeout: var("RCCTL_TIMEOUT"),
            user_id: var("RCCTL_USER_ID"),
            auth_token: var("RCCTL_AUTH_TOKEN").map(Secret::new),
            xdg_config_home: var("XDG_CONFIG_HOME").map(PathBuf::from),
            xdg_data_home: var("XDG_DATA_HOME").map(PathBuf::from),
            no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
            dumb_terminal: std::env::var_os("TERM").is_some_and(|term| term == "dumb"),
        }
    }

    fn has_full_credentials(&self) -> bool {
        self.url.is_some() && self.user_id.is_some() && self.auth_token.is_some()
    }
}

/// How to reach a server: what a client is built from, for a resolved profile
/// and for `auth login` alike.
#[derive(Debug, Clone)]
pub struct Connection {
    pub url: Sourced<ServerUrl>,
    pub timeout: Sourced<Duration>,
    pub ca_cert: Option<Sourced<PathBuf>>,
}

/// How to obtain the auth token.
#[derive(Debug, Clone)]
pub enum TokenSpec {
    Literal(Secret),
    Command(String),
}

/// Fully resolved settings for one run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: Option<String>,
    pub connection: Connection,
    pub user_id: Sourced<String>,
    pub token: Sourced<TokenSpec>,
    pub protected: bool,
    /// The profile's `token_kind`, when the token is the profile's own `token`.
    pub token_kind: Option<TokenKind>,
}

impl Settings {
    /// The server's base URL.
    pub fn url(&self) -> &ServerUrl {
        &self.connection.url.value
    }

    /// The token, running `token_command` (for at most the timeout) when the
    /// profile uses one.
    pub fn token(&self) -> Result<Secret, ConfigError> {
        match &self.token.value {
            TokenSpec::Literal(secret) => Ok(secret.clone()),
            TokenSpec::Command(command) => {
                token_command::run(command, &self.token.source, self.connection.timeout.value)
            }
        }
    }

    /// Where the token comes from, for hints and `auth status`.
    pub fn token_origin(&self) -> String {
        match &self.token.value {
            TokenSpec::Command(_) => format!("token_command of {}", self.token.source),
            TokenSpec::Literal(_) => self.token.source.to_string(),
        }
    }
}
