//! `rcctl auth login | status | logout | list | use` (docs/contract.md §2-3).
//!
//! Passwords and tokens come from a hidden prompt or stdin, never from argv; without
//! a terminal nothing is asked and the error names the flag to use instead. At a
//! terminal `login` forgives: a URL without a scheme or with a page of the web app
//! is made the server's base URL, and a wrong password or code is asked again.
//! `login` checks the credentials with `/api/v1/me` before it writes anything. `logout`
//! tells the server only about password sessions: `/logout` with a personal access
//! token deletes that token (docs/server-api.md §5.2).

use anyhow::Context;

use super::session::{build_client, connect, load_config};
use crate::api::{ApiError, Client, Credentials, LoginRejected, ServerUrl, TwoFactorMethod};
use crate::cli::{AuthCommand, GlobalArgs, LoginArgs};
use crate::config::edit::{ConfigEditor, Forgotten, LoggedInProfile};
use crate::config::{self, ConfigError, Env, Source, Sourced, TokenKind, TokenSpec};
use crate::error::{CredentialsOrigin, OperationFailed, UsageError};
use crate::output::Output;
use crate::output::view::{self, LoginView, ProfileView, StatusView};
use crate::prompt;
use crate::secret::Secret;

pub fn run(
    command: AuthCommand,
    global: &GlobalArgs,
    env: &Env,
    out: &Output,
) -> anyhow::Result<()> {
    match command {
        AuthCommand::Login(args) => login(&args, global, env, out),
        AuthCommand::Status => status(global, env, out),
        AuthCommand::Logout => logout(global, env, out),
        AuthCommand::List => list(global, env, out),
        AuthCommand::Use { name } => use_profile(&name, global, env, out),
    }
}

/// How `login` gets its credentials; all of it is known before the first request.
#[derive(Debug)]
enum LoginMethod {
    Password { user: String, password: Secret },
    PersonalToken(Credentials),
}

fn login(args: &LoginArgs, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let loaded = load_config(global, env, out, true)?;
    let target = config::resolve_login_target(&loaded.flags, env, loaded.file.as_ref())?;
    let path = loaded.path.ok_or(ConfigError::NoLocation)?;
    let connection = target.connection(server_url(target.url.as_ref(), out)?);
    let server = connection.url.value.clone();
    let method = login_method(args)?;

    let client = build_client(global, out, &connection, None)?;
    let (credentials, token_kind, token_origin) = match method {
        LoginMethod::Password { user, password } => {
            let credentials = password_login(&client, &user, password, args.code.clone(), out)?;
            (credentials, TokenKind::Session, "the new login session")
        }
        LoginMethod::PersonalToken(credentials) => {
            (credentials, TokenKind::Personal, "--with-token")
        }
    };
    let client = client.with_credentials(&credentials)?;
    let me = client.me().with_context(|| OperationFailed {
        doing: "check the new credentials".to_owned(),
        id: None,
        kind: None,
        server: server.to_string(),
        credentials: Some(CredentialsOrigin {
            profile: Some(target.profile.clone()),
            token: token_origin.to_owned(),
        }),
    })?;

    // What it took to reach the server, so the next command works the same
    // way (docs/contract.md §6.10): `--ca-cert` absolute, since a relative
    // `ca_cert` is read relative to the config file.
    let ca_cert = global
        .ca_cert
        .as_deref()
        .map(std::path::absolute)
        .transpose()
        .context("cannot resolve the --ca-cert path")?;
    let mut editor = ConfigEditor::open(&path.value)?;
    editor.set_profile(
        &target.profile,
        &LoggedInProfile {
            url: server.as_str(),
            user_id: &credentials.user_id,
            token: &credentials.token,
            token_kind,
            ca_cert: ca_cert.as_deref(),
            timeout: global.timeout,
        },
    )?;
    editor.save()?;
    drop(editor);

    if out.is_json() {
        out.json(&LoginView {
            profile: target.profile,
            url: server.to_string(),
            user: me.username,
            user_id: me.id,
            token_kind: token_kind.as_str(),
            config_file: path.value.display().to_string(),
        })?;
    } else {
        out.note(&format!(
            "logged in to {server} as {} ({}); saved profile `{}` in {}",
            me.username,
            me.id,
            target.profile,
            path.value.display()
        ));
    }
    Ok(())
}

/// The server to log in to: named by a flag, the environment or the profile, else
/// asked for on a terminal. Either way a URL that cannot be a server is exit 3.
fn server_url(url: Option<&Sourced<String>>, out: &Output) -> anyhow::Result<Sourced<ServerUrl>> {
    if let Some(url) = url {
        return Ok(Sourced::new(config::server_url(url)?, url.source.clone()));
    }
    if !prompt::can_ask() {
        return Err(UsageError(
            "no server URL to log in to, and no terminal to ask for one: pass --url URL \
             (or set RCCTL_URL)"
                .to_owned(),
        )
        .into());
    }
    let answer = prompt::ask_line("Rocket.Chat server URL: ")
        .context("cannot read the server URL from the terminal")?;
    let (url, notes) = forgiven_url(&answer);
    for note in notes {
        out.note(&note);
    }
    let url = Sourced::new(url, Source::Prompt);
    Ok(Sourced::new(config::server_url(&url)?, Source::Prompt))
}

/// Top-level paths of Rocket.Chat's web app and API: a URL copied from the
/// browser's address bar ends in one of them, and the server's base URL is
/// what comes before.
const APP_PATHS: [&str; 14] = [
    "api",
    "home",
    "channel",
    "group",
    "direct",
    "admin",
    "account",
    "login",
    "directory",
    "marketplace",
    "omnichannel",
    "livechat",
    "hooks",
    "register",
];

/// What a person typed at the URL prompt, made a server's base URL: without a
/// scheme it is `https://`, and a page of the web app (`/home`,
/// `/channel/general`) or of the API (`/api/v1`) is cut back to the base. Each
/// change comes with a note saying what was used instead.
fn forgiven_url(answer: &str) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let mut url = answer.trim().to_owned();
    if !url.contains("://") {
        url = format!("https://{url}");
        notes.push(format!("no scheme given: using {url}"));
    }
    let authority_end = url.find("://").map_or(0, |at| at + 3);
    let path_start = url[authority_end..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |at| authority_end + at);
    let (base, path) = url.split_at(path_start);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut kept = Vec::new();
    for segment in path.split('/').filter(|segment| !segment.is_empty()) {
        if APP_PATHS.contains(&segment.to_ascii_lowercase().as_str()) {
            break;
        }
        kept.push(segment);
    }
    let prefix: String = kept.iter().map(|segment| format!("/{segment}")).collect();
    let shortened = format!("{base}{prefix}");
    if shortened != url.trim_end_matches('/') {
        notes.push(format!(
            "`{}` is a page of the web app, not the server's base URL: using {shortened}",
            &url[path_start..]
        ));
    }
    (shortened, notes)
}

/// Reads or asks for everything the login needs, or says which flag is missing.
fn login_method(args: &LoginArgs) -> anyhow::Result<LoginMethod> {
    if args.with_token {
        let user_id = args
            .user_id
            .clone()
            .ok_or_else(|| UsageError("--with-token needs --user-id ID".to_owned()))?;
        let token = read_secret(
            "personal access token",
            "--with-token",
            "Personal access token: ",
        )?;
        return Ok(LoginMethod::PersonalToken(Credentials { user_id, token }));
    }
    let user = match &args.username {
        Some(user) => user.clone(),
        None if prompt::can_ask() => prompt::ask_line("Username or email: ")
            .context("cannot read the user name from the terminal")?,
        None => {
            return Err(UsageError(
                "no terminal to ask for the user name: pass --username NAME".to_owned(),
            )
            .into());
        }
    };
    if user.is_empty() {
        return Err(UsageError("the user name cannot be empty".to_owned()).into());
    }
    let password = if args.password_stdin || prompt::can_ask() {
        read_secret("password", "--password-stdin", "Password: ")?
    } else {
        return Err(UsageError(
            "no terminal to ask for the password: pipe it with --password-stdin, or log in \
             with a personal access token with --with-token --user-id ID"
                .to_owned(),
        )
        .into());
    };
    Ok(LoginMethod::Password { user, password })
}

/// A secret asked for without echo on a terminal, else the first line of stdin
/// (`flag`); nothing there is a usage error.
fn read_secret(what: &str, flag: &str, question: &str) -> anyhow::Result<Secret> {
    let secret = if prompt::can_ask() {
        prompt::ask_hidden(question)
            .with_context(|| format!("cannot read the {what} from the terminal"))?
    } else {
        prompt::read_secret_from_stdin()
            .with_context(|| format!("cannot read the {what} from stdin ({flag})"))?
    };
    if secret.is_empty() {
        return Err(UsageError(format!("no {what} given ({flag} reads it from stdin)")).into());
    }
    Ok(secret)
}

/// How many times a person at a terminal may type a password, or a code.
const TRIES: u32 = 3;

/// Logs in with a password, and a second factor when the server asks for one.
/// The code is sent only then: accounts without two-factor need none, and the
/// server's answer says which kind it wants. At a terminal, a wrong password
/// or code is asked for again (the server and user stay), up to [`TRIES`] times.
fn password_login(
    client: &Client,
    user: &str,
    mut password: Secret,
    given_code: Option<Secret>,
    out: &Output,
) -> anyhow::Result<Credentials> {
    let failed = || format!("cannot log in to {} as {user}", client.server());
    let can_retry = prompt::can_ask();
    let (mut password_tries, mut code_tries) = (1, 0);
    let mut code: Option<(Secret, bool)> = None;
    let mut given_code = given_code;
    loop {
        let sent_code = code.as_ref().map(|(code, _)| code);
        let rejected = match client
            .login(user, &password, sent_code)
            .with_context(failed)?
        {
            Ok(session) => {
                return Ok(Credentials {
                    user_id: session.user_id,
                    token: session.token,
                });
            }
            Err(rejected) => rejected,
        };
        match rejected {
            LoginRejected::TwoFactorRequired { method } if code.is_none() => {
                code = Some(two_factor_code(&method, given_code.take(), out)?);
                code_tries = 1;
            }
            LoginRejected::WrongCredentials if can_retry && password_tries < TRIES => {
                out.warn(&format!("{rejected}; try again"));
                password = read_secret("password", "--password-stdin", "Password: ")?;
                password_tries += 1;
            }
            LoginRejected::TwoFactorInvalid
                if code.as_ref().is_some_and(|(_, asked)| *asked) && code_tries < TRIES =>
            {
                out.warn(&format!("{rejected}; try again"));
                code = Some((ask_code("Enter the code again: ")?, true));
                code_tries += 1;
            }
            rejected => return Err(rejected).with_context(failed),
        }
    }
}

/// The two-factor code: `--code`, else asked on a terminal. The second of
/// the pair says whether it was asked (and so may be asked again).
fn two_factor_code(
    method: &TwoFactorMethod,
    given: Option<Secret>,
    out: &Output,
) -> anyhow::Result<(Secret, bool)> {
    if *method == (TwoFactorMethod::Email { mailed: true }) {
        out.note("the server has sent you a two-factor code by email");
    }
    let code = match given {
        Some(code) => (code, false),
        None if prompt::can_ask() => (ask_code(&format!("Enter {method}: "))?, true),
        None => {
            return Err(UsageError(format!(
                "the server asks for {method}, and there is no terminal to ask for it: \
                 pass it with --code"
            ))
            .into());
        }
    };
    if code.0.is_empty() {
        return Err(UsageError("no two-factor code given".to_owned()).into());
    }
    Ok(code)
}

/// A two-factor code, visible as it is typed: it is good for one login only,
/// and six digits typed blind are easy to get wrong.
fn ask_code(question: &str) -> anyhow::Result<Secret> {
    let code =
        prompt::ask_line(question).context("cannot read the two-factor code from the terminal")?;
    Ok(Secret::new(code))
}

fn status(global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let session = connect(global, env, out)?;
    let (settings, client) = (&session.settings, &session.client);
    let me = client
        .me()
        .with_context(|| session.failed("check the credentials", None, None))?;
    // The version is a courtesy: an old or locked-down server may not say.
    let version = match client.server_info() {
        Ok(info) => info.release,
        Err(err) => {
            out.warn(&format!("cannot read the server version: {err}"));
            None
        }
    };
    let status = StatusView {
        profile: settings.profile.clone(),
        url: settings.url().to_string(),
        user: me.username,
        user_id: me.id,
        server_version: version,
        token_source: settings.token_origin(),
        token_kind: settings.token_kind.map(TokenKind::as_str),
    };
    out.record(&status, view::STATUS)?;
    Ok(())
}

fn logout(global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let loaded = load_config(global, env, out, false)?;
    let settings = match config::resolve(&loaded.flags, env, loaded.file.as_ref()) {
        // Nothing to forget is what the user asked for: a second logout is fine.
        Err(ConfigError::MissingValue {
            what: "auth token", ..
        }) => {
            let target = config::resolve_login_target(&loaded.flags, env, loaded.file.as_ref());
            let profile = target.map_or_else(
                |_| "the profile".to_owned(),
                |target| format!("profile `{}`", target.profile),
            );
            out.note(&format!("already logged out: {profile} holds no token"));
            return Ok(());
        }
        result => result?,
    };
    let (Some(profile), TokenSpec::Literal(token), Source::Profile { path, .. }) = (
        &settings.profile,
        &settings.token.value,
        &settings.token.source,
    ) else {
        return Err(UsageError(format!(
            "the token comes from {}, which rcctl does not store; there is nothing to forget",
            settings.token_origin()
        ))
        .into());
    };
    let server = settings.url();

    // Forget first: whatever the server says, the token is gone from this machine.
    let mut editor = ConfigEditor::open(path)?;
    if editor.forget_token(profile) == Forgotten::Token {
        editor.save()?;
    }
    drop(editor);
    if settings.token_kind != Some(TokenKind::Session) {
        out.note(&format!(
            "profile `{profile}` forgot its token; a personal access token stays valid on \
             {server} until you revoke it (My Account > Personal Access Tokens)"
        ));
        return Ok(());
    }
    let credentials = Credentials {
        user_id: settings.user_id.value.clone(),
        token: token.clone(),
    };
    let client = build_client(global, out, &settings.connection, Some(credentials))?;
    match client.logout() {
        Ok(()) => out.note(&format!(
            "logged out of {server}; profile `{profile}` forgot its token"
        )),
        Err(ApiError::Unauthorized { .. }) => out.note(&format!(
            "the session on {server} had already ended; profile `{profile}` forgot its token"
        )),
        Err(err) => {
            return Err(err).with_context(|| {
                format!(
                    "profile `{profile}` forgot its token, but the session on {server} could \
                     not be ended (it ends when it expires)"
                )
            });
        }
    }
    Ok(())
}

fn list(global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let loaded = load_config(global, env, out, false)?;
    let raw = loaded.file.map(|file| file.raw).unwrap_or_default();
    let default = raw.default_profile_name();
    let profiles: Vec<ProfileView> = raw
        .profiles
        .iter()
        .map(|(name, profile)| ProfileView {
            name: name.clone(),
            default: default == Some(name.as_str()),
            url: profile.url.clone(),
            user_id: profile.user_id.clone(),
            token: match (&profile.token, profile.token_kind, &profile.token_command) {
                (Some(_), Some(kind), _) => Some(kind.as_str()),
                (Some(_), None, _) => Some("token"),
                (None, _, Some(_)) => Some("token_command"),
                (None, _, None) => None,
            },
        })
        .collect();
    if profiles.is_empty() && !out.is_json() {
        out.note("no profiles yet; create one with `rcctl auth login`");
        return Ok(());
    }
    out.records(&profiles, view::PROFILE)?;
    Ok(())
}

fn use_profile(name: &str, global: &GlobalArgs, env: &Env, out: &Output) -> anyhow::Result<()> {
    let loaded = load_config(global, env, out, true)?;
    let path = loaded.path.ok_or(ConfigError::NoLocation)?;
    let mut editor = ConfigEditor::open(&path.value)?;
    editor.set_default(name)?;
    editor.save()?;
    out.note(&format!(
        "the default profile is now `{name}` ({})",
        path.value.display()
    ));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forgiven(answer: &str) -> (String, usize) {
        let (url, notes) = forgiven_url(answer);
        (url, notes.len())
    }

    #[test]
    fn a_host_without_a_scheme_means_https_and_says_so() {
        let (url, notes) = forgiven_url("chat.example.com");
        assert_eq!(url, "https://chat.example.com");
        assert_eq!(notes, ["no scheme given: using https://chat.example.com"]);
        assert_eq!(
            forgiven("127.0.0.1:3000"),
            ("https://127.0.0.1:3000".to_owned(), 1)
        );
    }

    #[test]
    fn pages_of_the_web_app_and_the_api_are_cut_back_to_the_base() {
        let (url, notes) = forgiven_url("https://chat.example.com/home");
        assert_eq!(url, "https://chat.example.com");
        assert_eq!(
            notes,
            [
                "`/home` is a page of the web app, not the server's base URL: using \
              https://chat.example.com"
            ]
        );
        for (answer, base) in [
            (
                "https://chat.example.com/api/v1",
                "https://chat.example.com",
            ),
            (
                "https://chat.example.com/api/v1/",
                "https://chat.example.com",
            ),
            (
                "http://10.0.0.5:3000/channel/general?msg=x",
                "http://10.0.0.5:3000",
            ),
            (
                "https://example.com/chat/direct/bob",
                "https://example.com/chat",
            ),
            ("example.com/chat/Home#top", "https://example.com/chat"),
        ] {
            assert_eq!(forgiven_url(answer).0, base, "{answer}");
        }
    }

    #[test]
    fn a_base_url_is_kept_as_it_is() {
        for answer in [
            "https://chat.example.com",
            "https://chat.example.com/",
            "https://example.com/chat",
            "  http://127.0.0.1:3000  ",
        ] {
            let (url, notes) = forgiven_url(answer);
            assert_eq!(url, answer.trim().trim_end_matches('/'), "{answer}");
            assert!(notes.is_empty(), "{answer}: {notes:?}");
        }
    }
}
