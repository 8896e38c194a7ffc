//! Resolution (docs/contract.md §1): flags, environment and file merged into
//! [`Settings`], each value with its [`Source`]. Pure, so the precedence rules
//! are unit-tested without a process, a file or a network.
//!
//! Credentials stay with their server (§1.4): when `--url`/`RCCTL_URL` names a
//! server and no profile is named, the profile is the one whose `url` has that
//! origin (the longest shared path breaking ties), never the default profile
//! of another server; with none, only `RCCTL_USER_ID`/`RCCTL_AUTH_TOKEN` may
//! go there, else nothing is sent (exit 3, saying how to log in there).

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
        if token.is_empty() {
            return Err(ConfigError::Invalid {
                what: "auth token",
                origin: profile_source(),
                reason: format!(
                    "it is empty; log in again with `rcctl auth login -p {}`",
                    profile_name.as_deref().unwrap_or("NAME")
                ),
            });
        }
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
    let url = url_from_flag_or_env(flags, env);
    let for_url = match (&named, &url) {
        (None, Some(url)) => profile_for_url(url, file)?,
        _ => None,
    };
    let (name, profile) = match (named, for_url) {
        (Some(name), _) => {
            let profile = file.and_then(|file| file.raw.profiles.get(&name));
            (name, profile)
        }
        (None, Some((name, profile))) => (name, Some(profile)),
        (None, None) => match select_default_profile(env, file)? {
            (Some(name), profile) => {
                refuse_other_server(&name, profile, url)?;
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

type Selected<'a> = (Option<String>, Option<&'a RawProfile>);

/// `--profile`, `RCCTL_PROFILE`; else, with `--url`/`RCCTL_URL`, the profile
/// for that server or the environment's credentials; else `default_profile`,
/// else the only profile.
fn select_profile<'a>(
    flags: &Flags,
    env: &Env,
    file: Option<&'a ConfigFile>,
) -> Result<Selected<'a>, ConfigError> {
    let named = flags
        .profile
        .clone()
        .map(|name| (name, Source::Flag("--profile")))
        .or_else(|| {
            env.profile
                .clone()
                .map(|name| (name, Source::Env("RCCTL_PROFILE")))
        });
    if let Some((name, origin)) = named {
        return existing_profile(name, origin, file);
    }
    let Some(url) = url_from_flag_or_env(flags, env) else {
        return select_default_profile(env, file);
    };
    match profile_for_url(&url, file)? {
        Some((name, profile)) => Ok((Some(name), Some(profile))),
        None if env.has_full_credentials() => Ok((None, None)),
        None => Err(ConfigError::NoProfileForUrl {
            url: url.value,
            origin: url.source,
            path: file.map(|file| file.path.clone()),
        }),
    }
}

/// The profile `name` (from `origin`), which must exist.
fn existing_profile<'a>(
    name: String,
    origin: Source,
    file: Option<&'a ConfigFile>,
) -> Result<Selected<'a>, ConfigError> {
    match file.and_then(|file| file.raw.profiles.get(&name)) {
        Some(profile) => Ok((Some(name), Some(profile))),
        None => Err(ConfigError::UnknownProfile {
            name,
            origin,
            path: file.map(|file| file.path.clone()),
            available: file
                .map(|file| file.raw.profiles.keys().cloned().collect())
                .unwrap_or_default(),
        }),
    }
}

/// The profile whose `url` has the origin of `url`: the one whose path is the
/// longest prefix of its path (any of that origin when none is), the default
/// profile among equals; several equals without the default are ambiguous.
/// `None` when no profile has the origin.
fn profile_for_url<'a>(
    url: &Sourced<String>,
    file: Option<&'a ConfigFile>,
) -> Result<Option<(String, &'a RawProfile)>, ConfigError> {
    let Some(file) = file else {
        return Ok(None);
    };
    let target = server_url(url)?;
    let candidates: Vec<(Option<usize>, &String, &RawProfile)> = file
        .raw
        .profiles
        .iter()
        .filter_map(|(name, profile)| {
            let own = ServerUrl::parse(profile.url.as_deref()?).ok()?;
            own.same_origin(&target)
                .then(|| (own.path_prefix_of(&target), name, profile))
        })
        .collect();
    let Some(best) = candidates.iter().map(|(shared, ..)| *shared).max() else {
        return Ok(None);
    };
    let equals: Vec<_> = candidates
        .into_iter()
        .filter(|(shared, ..)| *shared == best)
        .collect();
    let default = file.raw.default_profile.as_deref();
    match equals.as_slice() {
        [(_, name, profile)] => Ok(Some(((*name).clone(), *profile))),
        several => match several
            .iter()
            .find(|(_, name, _)| Some(name.as_str()) == default)
        {
            Some((_, name, profile)) => Ok(Some(((*name).clone(), *profile))),
            None => Err(ConfigError::AmbiguousProfile {
                path: file.path.clone(),
                available: several.iter().map(|(_, name, _)| (*name).clone()).collect(),
            }),
        },
    }
}

/// `default_profile`, else the only profile.
fn select_default_profile<'a>(
    env: &Env,
    file: Option<&'a ConfigFile>,
) -> Result<Selected<'a>, ConfigError> {
    let available = || {
        file.map(|file| file.raw.profiles.keys().cloned().collect())
            .unwrap_or_default()
    };
    if let Some(file) = file
        && let Some(name) = file.raw.default_profile.clone()
    {
        let origin = Source::Profile {
            name: name.clone(),
            path: file.path.clone(),
        };
        return existing_profile(name, origin, Some(file));
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
    fn url_flag_beats_env_and_picks_the_profile_of_that_server() {
        let config = file(TWO_PROFILES);
        let env = Env {
            url: Some("https://staging.example.com/chat".into()),
            ..Env::default()
        };
        let settings = resolve(&Flags::default(), &env, Some(&config)).expect("resolves");
        assert_eq!(settings.url().as_str(), "https://staging.example.com/chat");
        assert_eq!(settings.connection.url.source, Source::Env("RCCTL_URL"));
        assert_eq!(
            settings.profile.as_deref(),
            Some("staging"),
            "not the default"
        );
        assert_eq!(settings.user_id.value, "stagingUser");

        let flags = Flags {
            url: Some("https://chat.example.com/other/path".into()),
            ..Flags::default()
        };
        let settings = resolve(&flags, &env, Some(&config)).expect("resolves");
        assert_eq!(settings.connection.url.source, Source::Flag("--url"));
        assert_eq!(settings.profile.as_deref(), Some("prod"), "same origin");
    }

    #[test]
    fn a_url_that_no_profile_is_for_gets_no_profiles_token() {
        let config = file(TWO_PROFILES);
        let flags = Flags {
            url: Some("https://other.example.net".into()),
            ..Flags::default()
        };
        let err = resolve(&flags, &Env::default(), Some(&config)).expect_err("refused");
        assert!(
            matches!(err, ConfigError::NoProfileForUrl { .. }),
            "{err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("rcctl auth login --url https://other.example.net -p NAME"),
            "{text}"
        );
        // Another port or scheme is another server too.
        for url in ["https://chat.example.com:8443", "http://chat.example.com"] {
            let flags = Flags {
                url: Some(url.into()),
                ..Flags::default()
            };
            assert!(
                resolve(&flags, &Env::default(), Some(&config)).is_err(),
                "{url}"
            );
        }
    }

    #[test]
    fn environment_credentials_go_to_whatever_url_is_in_effect() {
        let env = Env {
            url: Some("https://other.example.net".into()),
            ..full_env()
        };
        let settings = resolve(&Flags::default(), &env, Some(&file(TWO_PROFILES))).expect("ok");
        assert_eq!(settings.profile, None);
        assert_eq!(settings.url().as_str(), "https://other.example.net");
        assert_eq!(settings.token().expect("token").expose(), "ci-token");
    }

    #[test]
    fn naming_both_profile_and_url_sends_that_profiles_token_there() {
        for (flags, env) in [
            (
                Flags {
                    profile: Some("prod".into()),
                    url: Some("https://other.example.net".into()),
                    ..Flags::default()
                },
                Env::default(),
            ),
            (
                Flags {
                    url: Some("https://other.example.net".into()),
                    ..Flags::default()
                },
                Env {
                    profile: Some("prod".into()),
                    ..Env::default()
                },
            ),
        ] {
            let settings = resolve(&flags, &env, Some(&file(TWO_PROFILES))).expect("ok");
            assert_eq!(settings.profile.as_deref(), Some("prod"));
            assert_eq!(settings.url().as_str(), "https://other.example.net");
            assert_eq!(settings.token().expect("token").expose(), "prod-token");
        }
    }

    #[test]
    fn the_longest_shared_path_wins_then_the_default() {
        let text = |default: &str| {
            format!(
                "{default}\n[profiles.root]\nurl = \"https://h.example.com\"\nuser_id = \"r\"\ntoken = \"t\"\n\
                 [profiles.team]\nurl = \"https://h.example.com/team\"\nuser_id = \"u\"\ntoken = \"t\"\n\
                 [profiles.team2]\nurl = \"https://h.example.com/team/\"\nuser_id = \"v\"\ntoken = \"t\"\n"
            )
        };
        let at = |url: &str, config: &ConfigFile| {
            let flags = Flags {
                url: Some(url.into()),
                ..Flags::default()
            };
            resolve(&flags, &Env::default(), Some(config)).map(|settings| settings.profile)
        };
        let config = file(&text("default_profile = \"team2\""));
        assert_eq!(
            at("https://h.example.com/team/x", &config)
                .expect("ok")
                .as_deref(),
            Some("team2")
        );
        assert_eq!(
            at("https://h.example.com/", &config)
                .expect("ok")
                .as_deref(),
            Some("root")
        );
        let config = file(&text(""));
        let err = at("https://h.example.com/team", &config).expect_err("two equals");
        assert!(err.to_string().contains("team, team2"), "{err}");
    }

    #[test]
    fn login_to_a_url_picks_that_servers_profile_and_never_another() {
        let config = file(TWO_PROFILES);
        let login = |url: &str| {
            let flags = Flags {
                url: Some(url.into()),
                ..Flags::default()
            };
            resolve_login_target(&flags, &Env::default(), Some(&config))
        };
        let target = login("https://staging.example.com/chat").expect("its profile");
        assert_eq!(target.profile, "staging");
        assert_eq!(target.timeout.value, Duration::from_secs(5));
        assert_eq!(
            login("https://chat.example.com").expect("default").profile,
            "prod"
        );
        let err = login("https://new.example.net").expect_err("not over the default");
        assert!(matches!(err, ConfigError::OtherServer { .. }), "{err:?}");
    }

    #[test]
    fn an_empty_token_is_a_config_error() {
        let config =
            file("[profiles.p]\nurl = \"https://x.example.com\"\nuser_id = \"u\"\ntoken = \"\"\n");
        let err = resolve(&Flags::default(), &Env::default(), Some(&config)).expect_err("empty");
        let text = err.to_string();
        assert!(
            text.contains("auth token") && text.contains("empty"),
            "{text}"
        );
        assert!(text.contains("rcctl auth login -p p"), "{text}");
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
