//! What a server command needs before its first request: the configuration read
//! and resolved, and a client built for it (cargo's `command_prelude.rs`).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;

use crate::api::{Client, ClientOptions, Credentials, IntegrationKind, RetryPolicy};
use crate::cli::GlobalArgs;
use crate::config::{self, ConfigError, ConfigFile, Connection, Env, Flags, Settings, Sourced};
use crate::error::{CredentialsOrigin, OperationFailed};
use crate::output::Output;

/// Resolved settings and a client for them.
#[derive(Debug)]
pub struct Session {
    pub settings: Settings,
    pub client: Client,
}

impl Session {
    /// Where this session's credentials came from, for a 401's hint.
    pub fn credentials_origin(&self) -> CredentialsOrigin {
        CredentialsOrigin {
            profile: self.settings.profile.clone(),
            token: self.settings.token_origin(),
        }
    }

    /// The context of a failed call: `cannot {doing} on <server>`.
    pub fn failed(
        &self,
        doing: impl Into<String>,
        id: Option<&str>,
        kind: Option<IntegrationKind>,
    ) -> OperationFailed {
        OperationFailed {
            doing: doing.into(),
            id: id.map(str::to_owned),
            kind,
            server: self.client.server().to_string(),
            credentials: Some(self.credentials_origin()),
        }
    }

    /// The context of a failed call about one integration:
    /// `cannot {action} integration ID on <server>`.
    pub fn failed_on(
        &self,
        action: &str,
        id: &str,
        kind: Option<IntegrationKind>,
    ) -> OperationFailed {
        self.failed(format!("{action} integration {id}"), Some(id), kind)
    }
}

/// Reads the configuration and builds the client: everything a server command
/// needs before its first request. Commands that need no server never call it.
pub fn connect(global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<Session> {
    let loaded = load_config(global, env, out, false)?;
    let settings = config::resolve(&loaded.flags, env, loaded.file.as_ref())?;
    let credentials = Credentials {
        user_id: settings.user_id.value.clone(),
        token: settings.token()?,
    };
    let client = build_client(global, out, &settings.connection, Some(credentials))?;
    Ok(Session { settings, client })
}

/// The flags and the config file (when there is one).
#[derive(Debug)]
pub struct LoadedConfig {
    pub flags: Flags,
    /// Where the file is or would be; `None` only without a home directory.
    pub path: Option<Sourced<PathBuf>>,
    pub file: Option<ConfigFile>,
}

/// Reads the config file, warning when others may read it. With
/// `missing_is_empty`, a file named by `--config` that does not exist yet is
/// no error (`auth login` creates it).
pub fn load_config(
    global: &GlobalArgs,
    env: &Env,
    out: &Output,
    missing_is_empty: bool,
) -> anyhow::Result<LoadedConfig> {
    let flags = global.flags();
    let path = config::config_path(&flags, env);
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
    Ok(LoadedConfig { flags, path, file })
}

/// A client for `connection`, with credentials or (for login) without.
pub fn build_client(
    global: &GlobalArgs,
    out: &Output,
    connection: &Connection,
    credentials: Option<Credentials>,
) -> anyhow::Result<Client> {
    let server = &connection.url.value;
    if global.insecure {
        out.warn("--insecure: TLS certificates are not verified; anyone on the network path can read your token");
    }
    // Every client sends a secret: a token, or (for login) a password.
    if server.is_cleartext_remote() {
        out.warn(&format!(
            "{server} is plain http://: your credentials cross the network to {} unencrypted, \
             readable by anyone on the path; use https://",
            server.host()
        ));
    }
    let mut extra_roots = Vec::new();
    if let Some(ca_cert) = &connection.ca_cert {
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
        timeout: connection.timeout.value,
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
