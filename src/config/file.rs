//! The config file on disk (docs/contract.md §2): where it is, and reading it
//! raw. Unknown keys are kept out of the way, not rejected, so newer files still
//! work with older rcctl; a syntax error names the file, line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{ConfigError, Env, Flags, Source, Sourced};
use crate::private_file;

/// The config file as written, before resolution.
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

/// rcctl's data directory (backups, audit log; docs/contract.md §6):
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
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A warning when others may read the file that holds the token. Only for a
/// regular file: `chmod 600 /dev/null` is no advice to give.
pub fn permission_warning(path: &Path) -> Option<String> {
    let mode = private_file::loose_mode(path).filter(|_| path.is_file())?;
    Some(format!(
        "config file {path} is readable by other users (mode {mode:o}); fix it with `chmod 600 {path}`",
        path = path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let config = parse(
            Path::new("c.toml"),
            "[profiles.prod]\nurl = \"https://x\"\ntoken = \"prod-token\"\n",
        )
        .expect("valid");
        assert!(!format!("{config:?}").contains("prod-token"));
    }
}
