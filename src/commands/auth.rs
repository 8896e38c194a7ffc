//! `rcctl auth login | status | logout | list | use` (docs/contract.md §2-3).
//!
//! Passwords and tokens come from a hidden prompt or stdin, never from argv; without
//! a terminal nothing is asked and the error names the flag to use instead. `login`
//! checks the credentials with `/api/v1/me` before it writes anything. `logout`
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
    let connection = target.connection(server_url(target.url.as_ref())?);
    let server = connection.url.value.clone();
    let method = login_method(args)?;

    let client = build_client(global, out, &connection, None)?;
    let (credentials, token_kind, token_origin) = match method {
        LoginMethod::Password { user, password } => {
            let credentials = password_login(&client, &user, &password, args.code.clone(), out)?;
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
/// asked for on a terminal.
fn server_url(url: Option<&Sourced<String>>) -> anyhow::Result<Sourced<ServerUrl>> {
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
    let url = ServerUrl::parse(&answer).map_err(UsageError)?;
    Ok(Sourced::new(url, Source::Prompt))
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

/// Logs in with a password, and a second factor when the server asks for one.
/// The code is sent only then: accounts without two-factor need none, and the
/// server's answer says which kind it wants.
fn password_login(
    client: &Client,
    user: &str,
    password: &Secret,
    code: Option<Secret>,
    out: &Output,
) -> anyhow::Result<Credentials> {
    let failed = || format!("cannot log in to {} as {user}", client.server());
    let session = match client.login(user, password, None).with_context(failed)? {
        Err(LoginRejected::TwoFactorRequired { method }) => {
            let code = two_factor_code(&method, code, out)?;
            client
                .login(user, password, Some(&code))
                .with_context(failed)?
        }
        verdict => verdict,
    }
    .with_context(failed)?;
    Ok(Credentials {
        user_id: session.user_id,
        token: session.token,
    })
}

fn two_factor_code(
    method: &TwoFactorMethod,
    given: Option<Secret>,
    out: &Output,
) -> anyhow::Result<Secret> {
    if *method == (TwoFactorMethod::Email { mailed: true }) {
        out.note("the server has sent you a two-factor code by email");
    }
    let code = match given {
        Some(code) => code,
        None if prompt::can_ask() => prompt::ask_hidden(&format!("Enter {method}: "))
            .context("cannot read the two-factor code from the terminal")?,
        None => {
            return Err(UsageError(format!(
                "the server asks for {method}, and there is no terminal to ask for it: \
                 pass it with --code"
            ))
            .into());
        }
    };
    if code.is_empty() {
        return Err(UsageError("no two-factor code given".to_owned()).into());
    }
    Ok(code)
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
    let settings = config::resolve(&loaded.flags, env, loaded.file.as_ref())?;
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
