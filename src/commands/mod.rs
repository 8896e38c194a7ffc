//! One file per noun: arguments in, calls to `api`/`config` below, values out to
//! [`Output`]. Also the errors that only commands can name.

pub mod completions;
pub mod integrations;

use std::fmt;

use anyhow::Context;
use thiserror::Error;

use crate::api::{Client, ClientOptions, Credentials, IntegrationKind};
use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::{self, ConfigError, Env, Flags, Settings};
use crate::output::Output;

pub fn dispatch(cli: Cli, out: &Output) -> anyhow::Result<()> {
    match cli.command {
        Command::Integrations(command) => integrations::run(command, &cli.global, out),
        Command::Completions { shell } => completions::run(shell, out),
    }
}

/// Bad input found after parsing (e.g. an ID with spaces): exit 2.
#[derive(Debug, Error)]
#[error("{0}")]
pub struct UsageError(pub String);

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
    let flags = Flags {
        profile: global.profile.clone(),
        url: global.url.clone(),
        config: global.config.clone(),
        timeout: global.timeout,
        ca_cert: global.ca_cert.clone(),
    };
    let env = Env::from_process();
    let file = match config::config_path(&flags, &env) {
        Some(path) => config::load(&path)?,
        None => None,
    };
    if let Some(warning) = file
        .as_ref()
        .and_then(|file| config::permission_warning(&file.path))
    {
        out.warn(&warning);
    }
    let settings = config::resolve(&flags, &env, file.as_ref())?;
    out.set_token_origin(settings.token_origin());
    if global.insecure {
        out.warn("--insecure: TLS certificates are not verified; anyone on the network path can read your token");
    }

    let mut extra_roots = Vec::new();
    if let Some(ca_cert) = &settings.ca_cert {
        let pem = std::fs::read(&ca_cert.value).map_err(|source| ConfigError::CaCert {
            path: ca_cert.value.clone(),
            origin: ca_cert.source.clone(),
            source,
        })?;
        extra_roots.push((ca_cert.value.display().to_string(), pem));
    }
    let tracer = global.verbose.then(|| {
        let out = out.clone();
        Box::new(move |exchange: &crate::api::Exchange<'_>| out.trace(exchange))
            as crate::api::Tracer
    });
    let options = ClientOptions {
        server: settings.url.value.clone(),
        credentials: Some(Credentials {
            user_id: settings.user_id.value.clone(),
            token: settings.token()?,
        }),
        timeout: settings.timeout.value,
        extra_roots,
        insecure: global.insecure,
    };
    let client = Client::new(options, tracer)
        .with_context(|| format!("cannot prepare requests to {}", settings.url.value))?;
    Ok(Session { settings, client })
}
