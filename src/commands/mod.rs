//! One file per noun: arguments in, calls to `api`/`config` below, values out to
//! [`Output`]. Also the errors that only commands can name.

pub mod auth;
pub mod backups;
pub mod completions;
pub mod integrations;
pub mod safety;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use thiserror::Error;

use crate::api::{
    ApiError, Client, ClientOptions, Credentials, IntegrationKind, RetryPolicy, ServerUrl,
};
use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::{self, ConfigError, ConfigFile, Env, Flags, Settings, Sourced};
use crate::output::Output;

pub fn dispatch(cli: Cli, out: &Output) -> anyhow::Result<()> {
    match cli.command {
        Command::Integrations(command) => integrations::run(command, &cli.global, out),
        Command::Auth(command) => auth::run(command, &cli.global, out),
        Command::Completions { shell } => completions::run(shell, out),
    }
}

/// Bad input found after parsing (e.g. an ID with spaces): exit 2.
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

/// A removal whose reply never came (timeout or reset after sending): exit 9.
#[derive(Debug, Error)]
pub enum RemovalUnconfirmed {
    #[error(
        "the removal got no reply ({lost}) and a second read shows the integration is still \
         there; it was not removed, so run the command again"
    )]
    StillPresent { lost: ApiError },
    #[error(
        "the removal got no reply ({lost}) and the second read failed too ({check}); whether it \
         was removed is unknown: check with `rcctl integrations get`"
    )]
    Unknown { lost: ApiError, check: ApiError },
}

/// Ctrl-C stopped a batch: exit 130.
#[derive(Debug, Error)]
#[error("interrupted")]
pub struct Interrupted;

/// Context for a failed call: what was being done, to which integration, where.
#[derive(Debug)]
pub struct OperationFailed {
    pub action: &'static str,
    pub id: Option<String>,
    pub kind: Option<IntegrationKind>,
    pub server: String,
}

impl fmt::Display for OperationFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(
                f,
                "cannot {} integration {id} on {}",
                self.action, self.server
            ),
            None => write!(f, "cannot {} integrations on {}", self.action, self.server),
        }
    }
}

/// Resolved settings and a client for them.
#[derive(Debug)]
pub struct Session {
    pub settings: Settings,
    pub client: Client,
}

/// Reads the configuration and builds the client: everything a server command
/// needs before its first request. Commands that need no server never call it.
pub fn connect(global: &GlobalArgs, out: &Output) -> anyhow::Result<Session> {
    let loaded = load_config(global, out, false)?;
    let settings = config::resolve(&loaded.flags, &loaded.env, loaded.file.as_ref())?;
    out.set_token_origin(settings.token_origin());
    if let Some(profile) = &settings.profile {
        out.set_profile(profile.clone());
    }
    let credentials = Credentials {
        user_id: settings.user_id.value.clone(),
        token: settings.token()?,
    };
    let client = build_client(
        global,
        out,
        &settings.url.value,
        settings.timeout.value,
        settings.ca_cert.as_ref(),
        Some(credentials),
    )?;
    Ok(Session { settings, client })
}

/// The flags, the environment and the config file (when there is one).
#[derive(Debug)]
pub struct LoadedConfig {
    pub flags: Flags,
    pub env: Env,
    /// Where the file is or would be; `None` only without a home directory.
    pub path: Option<Sourced<PathBuf>>,
    pub file: Option<ConfigFile>,
}

/// Reads the config file, warning when others may read it. With
/// `missing_is_empty`, a file named by `--config` that does not exist yet is
/// no error (`auth login` creates it).
pub fn load_config(
    global: &GlobalArgs,
    out: &Output,
    missing_is_empty: bool,
) -> anyhow::Result<LoadedConfig> {
    let flags = Flags {
        profile: global.profile.clone(),
        url: global.url.clone(),
        config: global.config.clone(),
        timeout: global.timeout,
        ca_cert: global.ca_cert.clone(),
    };
    let env = Env::from_process();
    let path = config::config_path(&flags, &env);
    let file = match &path {
        Some(path) => match config::load(path) {
            Err(ConfigError::Missing { .. }) if missing_is_empty => None,
            result => result?,
        },
        None => None,
    };
    if let Some(warning) = file
        .as_ref()
        .and_then(|file| config::permission_warning(&file.path))
    {
        out.warn(&warning);
    }
    Ok(LoadedConfig {
        flags,
        env,
        path,
        file,
    })
}

/// A client for `server`, with credentials or (for login) without.
pub fn build_client(
    global: &GlobalArgs,
    out: &Output,
    server: &ServerUrl,
    timeout: Duration,
    ca_cert: Option<&Sourced<PathBuf>>,
    credentials: Option<Credentials>,
) -> anyhow::Result<Client> {
    if global.insecure {
        out.warn("--insecure: TLS certificates are not verified; anyone on the network path can read your token");
    }
    let mut extra_roots = Vec::new();
    if let Some(ca_cert) = ca_cert {
        let pem = std::fs::read(&ca_cert.value).map_err(|source| ConfigError::CaCert {
            path: ca_cert.value.clone(),
            origin: ca_cert.source.clone(),
            source,
        })?;
        extra_roots.push((ca_cert.value.display().to_string(), pem));
    }
    let options = ClientOptions {
        server: server.clone(),
        credentials,
        timeout,
        extra_roots,
        insecure: global.insecure,
        retry: RetryPolicy {
            max_wait: Duration::from_secs(global.max_wait),
            ..RetryPolicy::default()
        },
    };
    Client::new(options, Box::new(out.clone()))
        .with_context(|| format!("cannot prepare requests to {server}"))
}
