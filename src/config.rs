//! Profiles and credentials (CONTRACT.md sections 1-2).
//!
//! The file is read raw ([`RawConfig`]), then [`resolve`] merges it with flags and
//! environment into [`Settings`], first to last: flag, `RCCTL_*` variable, profile,
//! default. Every resolved value remembers its [`Source`], so an error can say
//! "no token in profile `prod` (~/.config/rcctl/config.toml)". `resolve` is pure;
//! reading the file, the environment and running `token_command` happen around it.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde::Deserialize;
use thiserror::Error;

use crate::api::ServerUrl;
use crate::secret::Secret;

pub mod edit;

pub const DEFAULT_TIMEOUT_SECS: u64 = 30;

/// The profile name `auth login` uses when none is named and the file has none.
pub const FIRST_PROFILE_NAME: &str = "default";

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    Profile { name: String, path: PathBuf },
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flag(flag) => write!(f, "{flag}"),
            Self::Env(var) => write!(f, "{var}"),
            Self::Profile { name, path } => write!(f, "profile `{name}` ({})", path.display()),
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
    fn new(value: T, source: Source) -> Self {
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

/// The environment variables rcctl reads, captured once.
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
        }
    }

    fn has_full_credentials(&self) -> bool {
        self.url.is_some() && self.user_id.is_some() && self.auth_token.is_some()
    }
}

/// The config file as written, before resolution. Unknown keys are kept out of
/// the way (not rejected) so newer files still work with older rcctl.
#[derive(Debug, Default, Deserialize)]
pub struct RawConfig {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, RawProfile>,
}

impl RawConfig {
    /// `default_profile`, else the only profile.
    pub fn default_profile_name(&self) -> Option<&str> {
        if let Some(name) = &self.default_profile {
            return Some(name);
        }
        let mut names = self.profiles.keys();
        match (names.next(), names.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }
}

#[derive(Default, Deserialize)]
pub struct RawProfile {
    pub url: Option<String>,
    pub user_id: Option<String>,
    pub token: Option<String>,
    pub token_command: Option<String>,
    pub ca_cert: Option<PathBuf>,
    pub timeout: Option<u64>,
    pub token_kind: Option<TokenKind>,
    #[serde(default)]
    pub protected: bool,
}

/// What kind of token a profile holds: it decides whether `auth logout` may tell
/// the server (`/logout` with a personal access token deletes it there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Created by `auth login` from a password: a login session.
    Session,
    /// A personal access token, given with `auth login --with-token`.
    Personal,
}

impl TokenKind {
    /// The value of `token_kind` in the config file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Session => "session",
            Self::Personal => "personal",
        }
    }
}

impl fmt::Debug for RawProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawProfile")
            .field("url", &self.url)
            .field("user_id", &self.user_id)
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .field("token_command", &self.token_command)
            .field("token_kind", &self.token_kind)
            .finish_non_exhaustive()
    }
}

/// A config file that was found and parsed.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub raw: RawConfig,
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
    pub url: Sourced<ServerUrl>,
    pub user_id: Sourced<String>,
    pub token: Sourced<TokenSpec>,
    pub timeout: Sourced<Duration>,
    pub ca_cert: Option<Sourced<PathBuf>>,
    pub protected: bool,
    /// The profile's `token_kind`, when the token is the profile's own `token`.
    pub token_kind: Option<TokenKind>,
}

impl Settings {
    /// The token, running `token_command` when the profile uses one.
    pub fn token(&self) -> Result<Secret, ConfigError> {
        match &self.token.value {
            TokenSpec::Literal(secret) => Ok(secret.clone()),
            TokenSpec::Command(command) => run_token_command(command, &self.token.source),
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

/// A configuration problem: exit code 3.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {source}", path.display())]
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
    #[error("cannot read the CA certificate {} (from {origin}): {source}", path.display())]
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
    #[error("cannot write config file {}: {source}", path.display())]
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

/// Where the config file is: `--config`, `RCCTL_CONFIG`, `$XDG_CONFIG_HOME`, else
/// the platform's config directory. `None` only when no home directory is known.
pub fn config_path(flags: &Flags, env: &Env) -> Option<Sourced<PathBuf>> {
    if let Some(path) = &flags.config {
        return Some(Sourced::new(path.clone(), Source::Flag("--config")));
    }
    if let Some(path) = &env.config {
        return Some(Sourced::new(path.clone(), Source::Env("RCCTL_CONFIG")));
    }
    if let Some(dir) = &env.xdg_config_home {
        return Some(Sourced::new(
            dir.join("rcctl").join("config.toml"),
            Source::Env("XDG_CONFIG_HOME"),
        ));
    }
    directories::ProjectDirs::from("", "", "rcctl")
        .map(|dirs| Sourced::new(dirs.config_dir().join("config.toml"), Source::Default))
}

/// rcctl's data directory (backups, audit log; CONTRACT.md section 6):
/// `$XDG_DATA_HOME/rcctl`, else the platform's data directory. `None` only when no
/// home directory is known.
pub fn data_dir(env: &Env) -> Option<PathBuf> {
    match &env.xdg_data_home {
        Some(dir) => Some(dir.join("rcctl")),
        None => directories::BaseDirs::new().map(|dirs| dirs.data_dir().join("rcctl")),
    }
}

/// Reads and parses the config file. A missing file is `None` unless the user
/// named it explicitly.
pub fn load(path: &Sourced<PathBuf>) -> Result<Option<ConfigFile>, ConfigError> {
    let text = match std::fs::read_to_string(&path.value) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return match path.source {
                Source::Flag(_) | Source::Env("RCCTL_CONFIG") => Err(ConfigError::Missing {
                    path: path.value.clone(),
                    origin: path.source.clone(),
                }),
                _ => Ok(None),
            };
        }
        Err(source) => {
            return Err(ConfigError::Unreadable {
                path: path.value.clone(),
                source,
            });
        }
    };
    parse(&path.value, &text).map(Some)
}

/// Parses config text; errors name the file, line and column.
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    match toml::from_str::<RawConfig>(text) {
        Ok(raw) => Ok(ConfigFile {
            path: path.to_owned(),
            raw,
        }),
        Err(err) => {
            let offset = err.span().map_or(0, |span| span.start);
            let (line, column) = line_and_column(text, offset);
            Err(ConfigError::Malformed {
                path: path.to_owned(),
                line,
                column,
                message: err.message().trim().to_owned(),
            })
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A warning when others may read the file that holds the token.
#[cfg(unix)]
pub fn permission_warning(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| {
        format!(
            "config file {path} is readable by other users (mode {mode:o}); fix it with `chmod 600 {path}`",
            path = path.display()
        )
    })
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &Path) -> Option<String> {
    None
}

/// Merges flags, environment and file into settings. Pure.
pub fn resolve(
    flags: &Flags,
    env: &Env,
    file: Option<&ConfigFile>,
) -> Result<Settings, ConfigError> {
    let (profile_name, profile) = select_profile(flags, env, file)?;
    let in_profile = |pick: fn(&RawProfile) -> Option<&String>| {
        let (name, raw) = (profile_name.as_ref()?, profile?);
        let path = file.map(|file| file.path.clone())?;
        pick(raw).map(|value| {
            Sourced::new(
                value.clone(),
                Source::Profile {
                    name: name.clone(),
                    path,
                },
            )
        })
    };
    let profile_source = || Source::Profile {
        name: profile_name.clone().unwrap_or_default(),
        path: file.map(|file| file.path.clone()).unwrap_or_default(),
    };
    let fix = |flag: &str, var: &str, key: &str| match &profile_name {
        Some(name) => format!("set {flag}{var}, or `{key}` in profile `{name}`"),
        None => format!("set {flag}{var}, or run `rcctl auth login` to create a profile"),
    };

    let url_text = url_from_flag_or_env(flags, env)
        .or_else(|| in_profile(|p| p.url.as_ref()))
        .ok_or_else(|| ConfigError::MissingValue {
            what: "server URL",
            fix: fix("--url or ", "RCCTL_URL", "url"),
        })?;
    let url = server_url(&url_text)?;

    let user_id = env
        .user_id
        .clone()
        .map(|id| Sourced::new(id, Source::Env("RCCTL_USER_ID")))
        .or_else(|| in_profile(|p| p.user_id.as_ref()))
        .ok_or_else(|| ConfigError::MissingValue {
            what: "user id",
            fix: fix("", "RCCTL_USER_ID", "user_id"),
        })?;

    let mut token_kind = None;
    let token = if let Some(secret) = &env.auth_token {
        Sourced::new(
            TokenSpec::Literal(secret.clone()),
            Source::Env("RCCTL_AUTH_TOKEN"),
        )
    } else if let Some(profile) = profile.filter(|p| p.token.is_some()) {
        token_kind = profile.token_kind;
        let token = Secret::new(profile.token.clone().unwrap_or_default());
        Sourced::new(TokenSpec::Literal(token), profile_source())
    } else if let Some(command) = profile.and_then(|p| p.token_command.as_ref()) {
        Sourced::new(TokenSpec::Command(command.clone()), profile_source())
    } else {
        return Err(ConfigError::MissingValue {
            what: "auth token",
            fix: fix("", "RCCTL_AUTH_TOKEN", "token"),
        });
    };

    Ok(Settings {
        url: Sourced::new(url, url_text.source),
        user_id,
        token,
        timeout: resolve_timeout(flags, env, profile, &profile_source)?,
        ca_cert: resolve_ca_cert(flags, profile, file, &profile_source),
        protected: profile.is_some_and(|p| p.protected),
        token_kind,
        profile: profile_name,
    })
}

/// A server URL from wherever it came, checked; an error names that place.
pub fn server_url(url: &Sourced<String>) -> Result<ServerUrl, ConfigError> {
    ServerUrl::parse(&url.value).map_err(|reason| ConfigError::Invalid {
        what: "server URL",
        origin: url.source.clone(),
        reason,
    })
}

/// `--url`, else `RCCTL_URL`.
fn url_from_flag_or_env(flags: &Flags, env: &Env) -> Option<Sourced<String>> {
    flags
        .url
        .clone()
        .map(|url| Sourced::new(url, Source::Flag("--url")))
        .or_else(|| {
            env.url
                .clone()
                .map(|url| Sourced::new(url, Source::Env("RCCTL_URL")))
        })
}

/// Where `auth login` logs in, before any credentials exist.
#[derive(Debug)]
pub struct LoginTarget {
    /// The profile to write: it may not exist yet.
    pub profile: String,
    /// `--url`, `RCCTL_URL` or the profile's `url`; `None` when nothing names one.
    pub url: Option<Sourced<String>>,
    pub timeout: Sourced<Duration>,
    pub ca_cert: Option<Sourced<PathBuf>>,
}

/// Resolves the profile and connection settings for `auth login`. Pure.
///
/// The profile is `--profile` or `RCCTL_PROFILE` (new or existing), else the one
/// other commands would use, else [`FIRST_PROFILE_NAME`]. An unnamed profile is
/// refused when `--url`/`RCCTL_URL` names another server, so that logging in
/// somewhere new never overwrites the default profile by surprise.
pub fn resolve_login_target(
    flags: &Flags,
    env: &Env,
    file: Option<&ConfigFile>,
) -> Result<LoginTarget, ConfigError> {
    let named = flags.profile.clone().or_else(|| env.profile.clone());
    let (name, profile) = match named {
        Some(name) => {
            let profile = file.and_then(|file| file.raw.profiles.get(&name));
            (name, profile)
        }
        None => match select_profile(flags, env, file)? {
            (Some(name), profile) => {
                refuse_other_server(&name, profile, url_from_flag_or_env(flags, env))?;
                (name, profile)
            }
            (None, _) => (FIRST_PROFILE_NAME.to_owned(), None),
        },
    };
    let profile_source = || Source::Profile {
        name: name.clone(),
        path: file.map(|file| file.path.clone()).unwrap_or_default(),
    };
    let url = url_from_flag_or_env(flags, env).or_else(|| {
        profile
            .and_then(|p| p.url.clone())
            .map(|url| Sourced::new(url, profile_source()))
    });
    Ok(LoginTarget {
        url,
        timeout: resolve_timeout(flags, env, profile, &profile_source)?,
        ca_cert: resolve_ca_cert(flags, profile, file, &profile_source),
        profile: name,
    })
}

fn refuse_other_server(
    name: &str,
    profile: Option<&RawProfile>,
    url: Option<Sourced<String>>,
) -> Result<(), ConfigError> {
    let same = |a: &str, b: &str| match (ServerUrl::parse(a), ServerUrl::parse(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    match (profile.and_then(|p| p.url.as_deref()), url) {
        (Some(profile_url), Some(url)) if !same(profile_url, &url.value) => {
            Err(ConfigError::OtherServer {
                profile: name.to_owned(),
                profile_url: profile_url.to_owned(),
                url: url.value,
                origin: url.source,
            })
        }
        _ => Ok(()),
    }
}

/// `--profile`, `RCCTL_PROFILE`, `default_profile`, else the only profile.
fn select_profile<'a>(
    flags: &Flags,
    env: &Env,
    file: Option<&'a ConfigFile>,
) -> Result<(Option<String>, Option<&'a RawProfile>), ConfigError> {
    let available = || {
        file.map(|file| file.raw.profiles.keys().cloned().collect())
            .unwrap_or_default()
    };
    let named = flags
        .profile
        .clone()
        .map(|name| (name, Source::Flag("--profile")))
        .or_else(|| {
            env.profile
                .clone()
                .map(|name| (name, Source::Env("RCCTL_PROFILE")))
        })
        .or_else(|| {
            let file = file?;
            let name = file.raw.default_profile.clone()?;
            Some((
                name.clone(),
                Source::Profile {
                    name,
                    path: file.path.clone(),
                },
            ))
        });

    if let Some((name, origin)) = named {
        return match file.and_then(|file| file.raw.profiles.get(&name)) {
            Some(profile) => Ok((Some(name), Some(profile))),
            None => Err(ConfigError::UnknownProfile {
                name,
                origin,
                path: file.map(|file| file.path.clone()),
                available: available(),
            }),
        };
    }
    let Some(file) = file else {
        return Ok((None, None));
    };
    let mut profiles = file.raw.profiles.iter();
    match (profiles.next(), profiles.next()) {
        (Some((name, profile)), None) => Ok((Some(name.clone()), Some(profile))),
        (None, _) => Ok((None, None)),
        // With every credential in the environment (CI), no profile is needed.
        (Some(_), Some(_)) if env.has_full_credentials() => Ok((None, None)),
        (Some(_), Some(_)) => Err(ConfigError::AmbiguousProfile {
            path: file.path.clone(),
            available: available(),
        }),
    }
}

fn resolve_timeout(
    flags: &Flags,
    env: &Env,
    profile: Option<&RawProfile>,
    profile_source: &dyn Fn() -> Source,
) -> Result<Sourced<Duration>, ConfigError> {
    let secs = if let Some(secs) = flags.timeout {
        Sourced::new(secs, Source::Flag("--timeout"))
    } else if let Some(text) = &env.timeout {
        let source = Source::Env("RCCTL_TIMEOUT");
        let secs = text.trim().parse().map_err(|_| ConfigError::Invalid {
            what: "timeout",
            origin: source.clone(),
            reason: format!("`{text}` is not a whole number of seconds"),
        })?;
        Sourced::new(secs, source)
    } else if let Some(secs) = profile.and_then(|p| p.timeout) {
        Sourced::new(secs, profile_source())
    } else {
        Sourced::new(DEFAULT_TIMEOUT_SECS, Source::Default)
    };
    if secs.value == 0 {
        return Err(ConfigError::Invalid {
            what: "timeout",
            origin: secs.source,
            reason: "it must be at least 1 second".to_owned(),
        });
    }
    Ok(Sourced::new(Duration::from_secs(secs.value), secs.source))
}

/// `--ca-cert`, else the profile's `ca_cert` (relative to the config file).
fn resolve_ca_cert(
    flags: &Flags,
    profile: Option<&RawProfile>,
    file: Option<&ConfigFile>,
    profile_source: &dyn Fn() -> Source,
) -> Option<Sourced<PathBuf>> {
    if let Some(path) = &flags.ca_cert {
        return Some(Sourced::new(path.clone(), Source::Flag("--ca-cert")));
    }
    let path = profile?.ca_cert.as_ref()?;
    let base = file
        .and_then(|file| file.path.parent())
        .unwrap_or(Path::new(""));
    Some(Sourced::new(base.join(path), profile_source()))
}

/// Runs `token_command` through the shell; its trimmed stdout is the token.
fn run_token_command(command: &str, source: &Source) -> Result<Secret, ConfigError> {
    let failed = |reason: String| ConfigError::TokenCommand {
        origin: source.clone(),
        reason,
    };
    let output = shell(command)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| failed(format!("cannot run `{command}`: {err}")))?;
    if !output.status.success() {
        return Err(failed(format!("`{command}` exited with {}", output.status)));
    }
    let token = String::from_utf8(output.stdout)
        .map_err(|_| failed(format!("`{command}` printed something that is not UTF-8")))?;
    let token = Secret::new(token.trim());
    if token.is_empty() {
        return Err(failed(format!("`{command}` printed nothing")));
    }
    Ok(token)
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(command);
    shell
}

#[cfg(windows)]
fn shell(command: &str) -> Command {
    let mut shell = Command::new("cmd");
    shell.arg("/C").arg(command);
    shell
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_PROFILES: &str = r#"
default_profile = "prod"

[profiles.prod]
url = "https://chat.example.com"
user_id = "prodUser"
token = "prod-token"

[profiles.staging]
url = "https://staging.example.com/chat"
user_id = "stagingUser"
token_command = "echo staging-token"
timeout = 5
ca_cert = "corp.pem"
protected = true
"#;

    fn file(text: &str) -> ConfigFile {
        parse(Path::new("/home/u/.config/rcctl/config.toml"), text).expect("valid")
    }

    fn full_env() -> Env {
        Env {
            url: Some("https://ci.example.com".into()),
            user_id: Some("ciUser".into()),
            auth_token: Some(Secret::new("ci-token")),
            ..Env::default()
        }
    }

    #[test]
    fn default_profile_is_used_when_none_is_named() {
        let settings = resolve(
            &Flags::default(),
            &Env::default(),
            Some(&file(TWO_PROFILES)),
        )
        .expect("resolves");
        assert_eq!(settings.profile.as_deref(), Some("prod"));
        assert_eq!(settings.url.value.as_str(), "https://chat.example.com");
        assert_eq!(settings.user_id.value, "prodUser");
        assert!(matches!(settings.url.source, Source::Profile { ref name, .. } if name == "prod"));
    }

    #[test]
    fn flag_beats_env_beats_default_profile() {
        let config = file(TWO_PROFILES);
        let env = Env {
            profile: Some("prod".into()),
            ..Env::default()
        };
        let flags = Flags {
            profile: Some("staging".into()),
            ..Flags::default()
        };
        let settings = resolve(&flags, &env, Some(&config)).expect("resolves");
        assert_eq!(settings.profile.as_deref(), Some("staging"));
        assert!(settings.protected);
        assert_eq!(settings.timeout.value, Duration::from_secs(5));

        let settings = resolve(&Flags::default(), &env, Some(&config)).expect("resolves");
        assert_eq!(settings.profile.as_deref(), Some("prod"));
    }

    #[test]
    fn url_flag_beats_env_beats_profile() {
        let config = file(TWO_PROFILES);
        let env = Env {
            url: Some("https://env.example.com".into()),
            ..Env::default()
        };
        let settings = resolve(&Flags::default(), &env, Some(&config)).expect("resolves");
        assert_eq!(settings.url.value.as_str(), "https://env.example.com");
        assert_eq!(settings.url.source, Source::Env("RCCTL_URL"));

        let flags = Flags {
            url: Some("https://flag.example.com".into()),
            ..Flags::default()
        };
        let settings = resolve(&flags, &env, Some(&config)).expect("resolves");
        assert_eq!(settings.url.source, Source::Flag("--url"));
    }

    #[test]
    fn env_credentials_beat_the_profile() {
        let env = Env {
            user_id: Some("envUser".into()),
            auth_token: Some(Secret::new("env-token")),
            ..Env::default()
        };
        let settings = resolve(&Flags::default(), &env, Some(&file(TWO_PROFILES))).expect("ok");
        assert_eq!(settings.user_id.value, "envUser");
        assert_eq!(settings.token_origin(), "RCCTL_AUTH_TOKEN");
        assert_eq!(settings.token().expect("token").expose(), "env-token");
    }

    #[test]
    fn env_only_mode_needs_no_file() {
        let settings = resolve(&Flags::default(), &full_env(), None).expect("resolves");
        assert_eq!(settings.profile, None);
        assert_eq!(settings.url.value.as_str(), "https://ci.example.com");
        assert_eq!(
            settings.timeout.value,
            Duration::from_secs(DEFAULT_TIMEOUT_SECS)
        );
    }

    #[test]
    fn env_only_mode_ignores_an_ambiguous_file() {
        let config = file(
            TWO_PROFILES
                .replace("default_profile = \"prod\"", "")
                .as_str(),
        );
        assert!(resolve(&Flags::default(), &Env::default(), Some(&config)).is_err());
        assert!(resolve(&Flags::default(), &full_env(), Some(&config)).is_ok());
    }

    #[test]
    fn the_only_profile_is_chosen_without_a_default() {
        let config = file(
            "[profiles.solo]\nurl = \"https://solo.example.com\"\nuser_id = \"u\"\ntoken = \"t\"\n",
        );
        let settings = resolve(&Flags::default(), &Env::default(), Some(&config)).expect("ok");
        assert_eq!(settings.profile.as_deref(), Some("solo"));
    }

    #[test]
    fn several_profiles_without_default_name_the_flag() {
        let config = file(
            TWO_PROFILES
                .replace("default_profile = \"prod\"", "")
                .as_str(),
        );
        let err = resolve(&Flags::default(), &Env::default(), Some(&config)).expect_err("fails");
        let text = err.to_string();
        assert!(text.contains("--profile"), "{text}");
        assert!(text.contains("prod, staging"), "{text}");
    }

    #[test]
    fn an_unknown_profile_lists_the_known_ones() {
        let flags = Flags {
            profile: Some("nope".into()),
            ..Flags::default()
        };
        let err = resolve(&flags, &Env::default(), Some(&file(TWO_PROFILES))).expect_err("fails");
        assert!(
            err.to_string().contains("available: prod, staging"),
            "{err}"
        );
    }

    #[test]
    fn a_missing_token_names_the_profile_and_file() {
        let config = file("[profiles.p]\nurl = \"https://x.example.com\"\nuser_id = \"u\"\n");
        let err = resolve(&Flags::default(), &Env::default(), Some(&config)).expect_err("fails");
        let text = err.to_string();
        assert!(text.contains("no auth token"), "{text}");
        assert!(text.contains("profile `p`"), "{text}");
    }

    #[test]
    fn token_command_output_is_trimmed() {
        let flags = Flags {
            profile: Some("staging".into()),
            ..Flags::default()
        };
        let settings = resolve(&flags, &Env::default(), Some(&file(TWO_PROFILES))).expect("ok");
        assert!(
            settings
                .token_origin()
                .starts_with("token_command of profile `staging`")
        );
        assert_eq!(settings.token().expect("runs").expose(), "staging-token");
    }

    #[test]
    fn a_failing_token_command_is_a_config_error() {
        let err = run_token_command("exit 3", &Source::Default).expect_err("fails");
        assert!(matches!(err, ConfigError::TokenCommand { .. }));
    }

    #[test]
    fn profile_ca_cert_is_relative_to_the_config_file() {
        let flags = Flags {
            profile: Some("staging".into()),
            ..Flags::default()
        };
        let settings = resolve(&flags, &Env::default(), Some(&file(TWO_PROFILES))).expect("ok");
        assert_eq!(
            settings.ca_cert.expect("set").value,
            Path::new("/home/u/.config/rcctl/corp.pem")
        );
    }

    #[test]
    fn a_bad_env_timeout_names_the_variable() {
        let env = Env {
            timeout: Some("soon".into()),
            ..full_env()
        };
        let err = resolve(&Flags::default(), &env, None).expect_err("fails");
        assert!(err.to_string().contains("RCCTL_TIMEOUT"), "{err}");
    }

    #[test]
    fn malformed_toml_names_line_and_column() {
        let err = parse(
            Path::new("c.toml"),
            "[profiles.p]\nurl = \"https://x\"\ntimeout = \"ten\"\n",
        )
        .expect_err("fails");
        let ConfigError::Malformed { line, column, .. } = err else {
            panic!("not malformed: {err:?}")
        };
        assert_eq!((line, column), (3, 11));
    }

    #[test]
    fn config_path_precedence() {
        let flags = Flags {
            config: Some("/flag.toml".into()),
            ..Flags::default()
        };
        let env = Env {
            config: Some("/env.toml".into()),
            xdg_config_home: Some("/xdg".into()),
            ..Env::default()
        };
        assert_eq!(
            config_path(&flags, &env).expect("path").value,
            Path::new("/flag.toml")
        );
        assert_eq!(
            config_path(&Flags::default(), &env).expect("path").value,
            Path::new("/env.toml")
        );
        let env = Env {
            xdg_config_home: Some("/xdg".into()),
            ..Env::default()
        };
        assert_eq!(
            config_path(&Flags::default(), &env).expect("path").value,
            Path::new("/xdg/rcctl/config.toml")
        );
    }

    #[test]
    fn data_dir_prefers_xdg_data_home() {
        let env = Env {
            xdg_data_home: Some("/xdg-data".into()),
            ..Env::default()
        };
        assert_eq!(data_dir(&env), Some(PathBuf::from("/xdg-data/rcctl")));
    }

    #[test]
    fn raw_profile_debug_hides_the_token() {
        let config = file(TWO_PROFILES);
        assert!(!format!("{config:?}").contains("prod-token"));
    }
}
