//! Resolution (docs/contract.md §1): flags, environment and file merged into
//! [`Settings`], each value with its [`Source`]. Pure, so the precedence rules
//! are unit-tested without a process, a file or a network.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{
    ConfigError, ConfigFile, Connection, DEFAULT_TIMEOUT_SECS, Env, FIRST_PROFILE_NAME, Flags,
    RawProfile, Settings, Source, Sourced, TokenSpec,
};
use crate::api::ServerUrl;
use crate::secret::Secret;

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
            fix: match &profile_name {
                // A profile without a token is most often one logged out of.
                Some(name) => format!(
                    "log in with `rcctl auth login -p {name}`, or set RCCTL_AUTH_TOKEN or \
                     `token` in profile `{name}`"
                ),
                None => fix("", "RCCTL_AUTH_TOKEN", "token"),
            },
        });
    };

    Ok(Settings {
        connection: Connection {
            url: Sourced::new(url, url_text.source),
            timeout: resolve_timeout(flags, env, profile, &profile_source)?,
            ca_cert: resolve_ca_cert(flags, profile, file, &profile_source),
        },
        user_id,
        token,
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

impl LoginTarget {
    /// How to reach `url`, once it is known (named, or asked for).
    pub fn connection(&self, url: Sourced<ServerUrl>) -> Connection {
        Connection {
            url,
            timeout: self.timeout.clone(),
            ca_cert: self.ca_cert.clone(),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse;

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
        assert_eq!(settings.url().as_str(), "https://chat.example.com");
        assert_eq!(settings.user_id.value, "prodUser");
        assert!(
            matches!(settings.connection.url.source, Source::Profile { ref name, .. } if name == "prod")
        );
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
        assert_eq!(settings.connection.timeout.value, Duration::from_secs(5));

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
        assert_eq!(settings.url().as_str(), "https://env.example.com");
        assert_eq!(settings.connection.url.source, Source::Env("RCCTL_URL"));

        let flags = Flags {
            url: Some("https://flag.example.com".into()),
            ..Flags::default()
        };
        let settings = resolve(&flags, &env, Some(&config)).expect("resolves");
        assert_eq!(settings.connection.url.source, Source::Flag("--url"));
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
        assert_eq!(settings.url().as_str(), "https://ci.example.com");
        assert_eq!(
            settings.connection.timeout.value,
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
    fn profile_ca_cert_is_relative_to_the_config_file() {
        let flags = Flags {
            profile: Some("staging".into()),
            ..Flags::default()
        };
        let settings = resolve(&flags, &Env::default(), Some(&file(TWO_PROFILES))).expect("ok");
        assert_eq!(
            settings.connection.ca_cert.expect("set").value,
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
}
