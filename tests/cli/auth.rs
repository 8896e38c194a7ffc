//! `rcctl auth login | status | logout | list | use` (docs/contract.md §2-3,
//! login facts from docs/server-api.md §5).

use std::process::Command;

use mockito::{Matcher, Mock};
use serde_json::{Value, json};

use crate::support::*;

const USERNAME: &str = "admin";
const PASSWORD: &str = "correct horse battery staple";
const CODE: &str = "913370";

/// `POST /api/v1/login` with exactly this JSON body.
fn mock_login(env: &mut TestEnv, body: Value, status: usize, response: &str) -> Mock {
    env.server
        .mock("POST", "/api/v1/login")
        .match_header("content-type", "application/json")
        .match_body(Matcher::Json(body))
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(response)
        .create()
}

fn password_body() -> Value {
    json!({ "user": USERNAME, "password": PASSWORD })
}

/// Any login at all, expected never.
fn forbid_login(env: &mut TestEnv) -> Mock {
    env.server.mock("POST", "/api/v1/login").expect(0).create()
}

/// `GET /api/v1/me` with the test credentials.
fn mock_me(env: &mut TestEnv, status: usize, response: &str) -> Mock {
    env.server
        .mock("GET", "/api/v1/me")
        .match_header("x-user-id", USER_ID)
        .match_header("x-auth-token", TOKEN)
        .with_status(status)
        .with_header("content-type", "application/json")
        .with_body(response)
        .create()
}

fn forbid_me(env: &mut TestEnv) -> Mock {
    env.server.mock("GET", "/api/v1/me").expect(0).create()
}

fn mock_info(env: &mut TestEnv, response: &str) -> Mock {
    env.server
        .mock("GET", "/api/info")
        .with_header("content-type", "application/json")
        .with_body(response)
        .create()
}

/// `rcctl --url <mock> auth login --username admin --password-stdin`, plus `extra`.
fn password_login(env: &TestEnv, extra: &[&str]) -> Command {
    let mut command = env.rcctl();
    command
        .args(["--url", &env.url(), "auth", "login"])
        .args(["--username", USERNAME, "--password-stdin"])
        .args(extra);
    command
}

fn read_config(env: &TestEnv) -> String {
    std::fs::read_to_string(env.config_path()).expect("config written")
}

/// A server that accepts the password login (answering with `response`) and
/// then the session's `/me`.
fn accepting_server(env: &mut TestEnv, response: &str) -> [Mock; 2] {
    [
        mock_login(env, password_body(), 200, &fixture(response)),
        mock_me(env, 200, &fixture("me.json")),
    ]
}

/// One password login that the server refuses with `status` and `response`:
/// `/me` is never asked, nothing is saved, the password is never shown.
fn refused_login(status: usize, response: &str, extra: &[&str]) -> (TestEnv, Run) {
    let mut env = TestEnv::new();
    let login = mock_login(&mut env, password_body(), status, &fixture(response));
    let me = forbid_me(&mut env);

    let run = run_with_stdin(&mut password_login(&env, extra), PASSWORD);

    login.assert();
    me.assert();
    assert!(!env.config_path().exists(), "nothing is saved: {run:#?}");
    assert_no_secrets(&run, &[PASSWORD]);
    (env, run)
}

/// A login the server answers `totp-required`, then, sent again with `--code
/// code`, with `status` and `response`; `/me` is asked `me_calls` times.
fn two_factor_login(code: &str, status: usize, response: &str, me_calls: usize) -> (TestEnv, Run) {
    let mut env = TestEnv::new();
    let without_code = mock_login(
        &mut env,
        password_body(),
        401,
        &fixture("login-totp-required.json"),
    );
    let with_code = mock_login(
        &mut env,
        json!({ "user": USERNAME, "password": PASSWORD, "code": code }),
        status,
        &fixture(response),
    );
    let me = mock_me(&mut env, 200, &fixture("me.json")).expect(me_calls);

    let run = run_with_stdin(
        &mut password_login(&env, &["--code", code, "-v"]),
        &format!("{PASSWORD}\n"),
    );

    without_code.assert();
    with_code.assert();
    me.assert();
    assert_no_secrets(&run, &[PASSWORD, TOKEN, code]);
    (env, run)
}

#[test]
fn login_checks_the_session_with_me_and_saves_a_private_profile() {
    let mut env = TestEnv::new();
    let mocks = accepting_server(&mut env, "login-ok-band-e.json");

    let run = run_with_stdin(&mut password_login(&env, &[]), &format!("{PASSWORD}\n"));

    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "logged in to {} as admin ({USER_ID}); saved profile `default` in {}\n",
            env.url(),
            env.config_path().display()
        )
    );
    assert_eq!(
        read_config(&env),
        format!(
            "default_profile = \"default\"\n\n[profiles.default]\nurl = \"{}\"\n\
             user_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\ntoken_kind = \"session\"\n",
            env.url()
        )
    );
    assert_no_secrets(&run, &[PASSWORD, TOKEN]);
}

#[cfg(unix)]
#[test]
fn the_config_file_is_created_0600_in_a_0700_directory() {
    let mut env = TestEnv::new();
    let mocks = accepting_server(&mut env, "login-ok-band-c.json");

    let run = run_with_stdin(&mut password_login(&env, &["--json"]), PASSWORD);

    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json_lines()[0]["token_kind"], "session");
    let path = env.config_path();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    // Beside it only the lock file of docs/contract.md §6.3.
    let mut leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    leftovers.sort();
    assert_eq!(
        leftovers,
        ["config.toml", "config.toml.lock"],
        "no temp file is left behind"
    );
}

#[test]
fn login_two_factor_round_trip_sends_the_code_when_asked() {
    let (env, run) = two_factor_login(CODE, 200, "login-ok-band-c.json", 1);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(read_config(&env).contains("token_kind = \"session\""));
}

#[test]
fn a_wrong_two_factor_code_is_exit_4() {
    let (env, run) = two_factor_login("000000", 401, "login-totp-invalid.json", 0);
    assert_eq!(run.code, 4, "{run:#?}");
    let error = run.stderr.lines().find(|line| line.starts_with("error:"));
    assert_eq!(
        error.unwrap_or_default(),
        format!(
            "error: cannot log in to {} as admin: the two-factor code was not accepted \
             (wrong or expired)",
            env.url()
        )
    );
    assert!(!env.config_path().exists());
}

#[test]
fn email_two_factor_without_a_terminal_says_the_code_was_mailed_and_names_code() {
    let (_env, run) = refused_login(401, "login-totp-email.json", &[]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(
        run.stderr,
        "the server has sent you a two-factor code by email\n\
         error: the server asks for the code the server sent you by email, and there is no \
         terminal to ask for it: pass it with --code\n"
    );
}

#[test]
fn a_wrong_password_is_exit_4_and_saves_nothing() {
    let (env, run) = refused_login(401, "login-wrong-password.json", &[]);
    assert_eq!(run.code, 4, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot log in to {} as admin: wrong username or password\n",
            env.url()
        )
    );
}

#[test]
fn a_blocked_login_says_it_is_temporary() {
    let (env, run) = refused_login(401, "login-blocked-user.json", &["--json"]);
    assert_eq!(run.code, 4, "{run:#?}");
    let error = &run.stderr_json()[0]["error"];
    assert_eq!(error["code"], "auth");
    assert_eq!(
        error["message"],
        format!(
            "cannot log in to {} as admin: login is temporarily blocked for this user after \
             too many failed attempts; wait and try again",
            env.url()
        )
    );
}

#[test]
fn a_rate_limited_login_is_exit_8() {
    // The server asks for 42 s, more than --max-wait allows: no retry.
    let (env, run) = refused_login(429, "429.json", &["--max-wait", "5"]);
    assert_eq!(run.code, 8, "{run:#?}");
    let first = run.stderr.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!(
            "error: cannot log in to {} as admin: rate limited by the server (HTTP 429: {})",
            env.url(),
            "Error, too many requests. Please slow down. You must wait 42 seconds before \
             trying this endpoint again. [error-too-many-requests]"
        )
    );
}

#[test]
fn with_token_reads_stdin_checks_me_and_records_a_personal_token() {
    let mut env = TestEnv::new();
    let login = forbid_login(&mut env);
    let me = mock_me(&mut env, 200, &fixture("me.json"));

    let run = run_with_stdin(
        env.rcctl().args([
            "--url",
            &env.url(),
            "-p",
            "ci",
            "auth",
            "login",
            "--with-token",
            "--user-id",
            USER_ID,
        ]),
        &format!("{TOKEN}\n"),
    );

    login.assert();
    me.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    let config = read_config(&env);
    assert!(config.starts_with("default_profile = \"ci\"\n"), "{config}");
    assert!(config.contains("token_kind = \"personal\""), "{config}");
    assert_no_secrets(&run, &[TOKEN]);
}

#[test]
fn a_rejected_personal_token_is_exit_4_and_saves_nothing() {
    let mut env = TestEnv::new();
    let me = mock_me(&mut env, 401, &fixture("401-band-e.json"));

    let run = run_with_stdin(
        env.rcctl().args([
            "--url",
            &env.url(),
            "auth",
            "login",
            "--with-token",
            "--user-id",
            USER_ID,
        ]),
        TOKEN,
    );

    me.assert();
    assert_eq!(run.code, 4, "{run:#?}");
    assert!(!env.config_path().exists());
    assert_no_secrets(&run, &[TOKEN]);
}

#[test]
fn login_keeps_comments_unknown_keys_and_other_profiles() {
    let mut env = TestEnv::new();
    let before = "# rcctl profiles, edited by hand\n\
                  default_profile = \"old\" # the usual one\n\
                  editor_hint = \"keep me\"\n\n\
                  [profiles.old]\n\
                  url = \"https://old.example.com\" # retired soon\n\
                  user_id = \"oldUser\"\n\
                  token = \"old-token\"\n\
                  protected = true\n";
    env.write_config(before);
    let mocks = accepting_server(&mut env, "login-ok-band-c.json");

    let run = run_with_stdin(&mut password_login(&env, &["-p", "new"]), PASSWORD);

    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        read_config(&env),
        format!(
            "{before}\n[profiles.new]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\n\
             token = \"{TOKEN}\"\ntoken_kind = \"session\"\n",
            env.url()
        )
    );
}

#[test]
fn login_will_not_point_the_default_profile_at_another_server() {
    let mut env = TestEnv::new().with_profile();
    let login = forbid_login(&mut env);
    let before = read_config(&env);

    let run = run_with_stdin(
        env.rcctl().args([
            "--url",
            "https://other.example.com",
            "auth",
            "login",
            "--username",
            USERNAME,
            "--password-stdin",
        ]),
        PASSWORD,
    );

    login.assert();
    assert_eq!(run.code, 3, "{run:#?}");
    assert_eq!(
        run.stderr,
        format!(
            "error: profile `prod` is for {}, not https://other.example.com (from --url): \
             name the profile to log in with, e.g. --profile NAME\n",
            env.url()
        )
    );
    assert_eq!(read_config(&env), before);
}

#[test]
fn login_never_prompts_or_hangs_without_a_terminal() {
    let cases: [(&[&str], &str); 5] = [
        (&["--url", "URL"], "pass --username NAME"),
        (
            &["--url", "URL", "--username", USERNAME],
            "pipe it with --password-stdin",
        ),
        (
            &["--url", "URL", "--username", USERNAME, "--password-stdin"],
            "no password given (--password-stdin reads it from stdin)",
        ),
        (
            &["--url", "URL", "--with-token", "--user-id", USER_ID],
            "no personal access token given (--with-token reads it from stdin)",
        ),
        (&["--username", USERNAME], "pass --url URL"),
    ];
    for (args, expected) in cases {
        let mut env = TestEnv::new();
        let login = forbid_login(&mut env);
        let me = forbid_me(&mut env);
        let url = env.url();
        let args: Vec<&str> = args
            .iter()
            .map(|arg| if *arg == "URL" { url.as_str() } else { arg })
            .collect();

        let run = run_with_closed_stdin(env.rcctl().args(["auth", "login"]).args(&args));

        login.assert();
        me.assert();
        assert_eq!(run.code, 2, "{args:?}: {run:#?}");
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
        assert!(!env.config_path().exists());
    }
}

#[test]
fn status_shows_profile_user_version_and_token_origin_never_the_token() {
    let mut env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.prod]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\
         token_kind = \"session\"\n",
        env.url()
    ));
    let me = mock_me(&mut env, 200, &fixture("me.json")).expect(2);
    let info = mock_info(&mut env, &fixture("info-anonymous.json")).expect(2);

    let human = run(env.rcctl().args(["-v", "auth", "status"]));
    let json = run(env.rcctl().args(["auth", "status", "--json"]));

    me.assert();
    info.assert();
    assert_eq!(human.code, 0, "{human:#?}");
    let origin = format!("profile `prod` ({})", env.config_path().display());
    let rows: Vec<Vec<&str>> = human
        .stdout_lines()
        .iter()
        .map(|line| line.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["Profile", "prod"]);
    assert_eq!(rows[1], ["URL", env.url().as_str()]);
    assert_eq!(rows[2], ["User", "admin"]);
    assert_eq!(rows[4], ["Server", "version", "6.14"]);
    assert!(human.stdout.contains(&origin), "{}", human.stdout);
    assert_no_secrets(&human, &[TOKEN]);

    assert_eq!(json.code, 0, "{json:#?}");
    assert_eq!(
        json.json_lines(),
        [json!({
            "profile": "prod",
            "url": env.url(),
            "user": "admin",
            "user_id": USER_ID,
            "server_version": "6.14",
            "token_source": origin,
            "token_kind": "session",
        })]
    );
    assert_no_secrets(&json, &[TOKEN]);
}

/// docs/contract.md §3.10: `status` says where the token came from
/// (environment, file, command), never the token itself.
#[test]
fn status_names_the_token_command_and_never_prints_its_token() {
    let mut env = TestEnv::new();
    // The command's text does not hold the token: only its output does.
    let (head, tail) = TOKEN.split_at(20);
    env.write_config(&format!(
        "[profiles.prod]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\n\
         token_command = \"printf '%s%s' {head} {tail}\"\n",
        env.url()
    ));
    let me = mock_me(&mut env, 200, &fixture("me.json")).expect(2);
    let info = mock_info(&mut env, &fixture("info-anonymous.json")).expect(2);

    let human = run(env.rcctl().args(["auth", "status"]));
    let json = run(env.rcctl().args(["auth", "status", "--json"]));

    me.assert(); // matched only with the token the command printed
    info.assert();
    let origin = format!(
        "token_command of profile `prod` ({})",
        env.config_path().display()
    );
    assert_eq!(human.code, 0, "{human:#?}");
    assert!(human.stdout.contains(&origin), "{}", human.stdout);
    assert_no_secrets(&human, &[TOKEN]);
    assert_eq!(json.code, 0, "{json:#?}");
    let status = &json.json_lines()[0];
    assert_eq!(status["token_source"], origin.as_str());
    assert_eq!(status["url"], env.url());
    assert_no_secrets(&json, &[TOKEN]);
}

#[test]
fn status_reads_the_version_from_info_for_old_admins() {
    let mut env = TestEnv::new();
    let me = mock_me(&mut env, 200, &fixture("me.json"));
    let info = mock_info(&mut env, &fixture("info-admin-band-c.json"));

    let run = run(env.ci().args(["auth", "status", "--json"]));

    me.assert();
    info.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    let status = &run.json_lines()[0];
    assert_eq!(status["server_version"], "6.4.2");
    assert_eq!(status["token_source"], "RCCTL_AUTH_TOKEN");
    assert_eq!(status["profile"], Value::Null);
}

#[test]
fn status_is_exit_4_when_the_token_is_rejected_and_says_how_to_log_in() {
    let mut env = TestEnv::new().with_profile();
    let me = mock_me(&mut env, 401, &fixture("401-band-c.json"));
    let info = env.server.mock("GET", "/api/info").expect(0).create();

    let run = run(env.rcctl().args(["auth", "status"]));

    me.assert();
    info.assert();
    assert_eq!(run.code, 4, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("log in again with `rcctl auth login -p prod`"),
        "{}",
        run.stderr
    );
    assert_no_secrets(&run, &[TOKEN]);
}

#[cfg(unix)]
#[test]
fn status_warns_about_a_config_file_others_can_read() {
    let mut env = TestEnv::new().with_profile();
    set_mode(&env.config_path(), 0o644);
    let me = mock_me(&mut env, 200, &fixture("me.json"));
    let info = mock_info(&mut env, &fixture("info-anonymous.json"));

    let run = run(env.rcctl().args(["auth", "status"]));

    me.assert();
    info.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr.starts_with("warning: config file ") && run.stderr.contains("chmod 600"),
        "{}",
        run.stderr
    );
}

/// A profile `prod` on the mock server holding a token of this kind.
fn profile_with_kind(env: &TestEnv, kind: &str) -> String {
    format!(
        "# comment\n[profiles.prod]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\n\
         token = \"{TOKEN}\"\ntoken_kind = \"{kind}\"\n",
        env.url()
    )
}

#[test]
fn logout_of_a_personal_token_sends_no_request_and_forgets_it() {
    let mut env = TestEnv::new();
    env.write_config(&profile_with_kind(&env, "personal"));
    let posts = env.server.mock("POST", Matcher::Any).expect(0).create();
    let gets = env.server.mock("GET", Matcher::Any).expect(0).create();

    let run = run(env.rcctl().args(["auth", "logout"]));

    posts.assert();
    gets.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        read_config(&env),
        format!(
            "# comment\n[profiles.prod]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\n",
            env.url()
        )
    );
    assert!(run.stderr.contains("until you revoke it"), "{}", run.stderr);
    assert_no_secrets(&run, &[TOKEN]);
}

#[test]
fn logout_of_a_session_ends_it_on_the_server_and_forgets_it() {
    let mut env = TestEnv::new();
    env.write_config(&profile_with_kind(&env, "session"));
    let logout = env
        .server
        .mock("POST", "/api/v1/logout")
        .match_header("x-user-id", USER_ID)
        .match_header("x-auth-token", TOKEN)
        .with_header("content-type", "application/json")
        .with_body(fixture("logout-band-c.json"))
        .create();

    let run = run(env.rcctl().args(["auth", "logout"]));

    logout.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        run.stderr,
        format!(
            "logged out of {}; profile `prod` forgot its token\n",
            env.url()
        )
    );
    assert!(!read_config(&env).contains("token"));
}

#[test]
fn logout_cannot_forget_an_environment_token() {
    let mut env = TestEnv::new();
    let posts = env.server.mock("POST", Matcher::Any).expect(0).create();

    let run = run(env.ci().args(["auth", "logout"]));

    posts.assert();
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("RCCTL_AUTH_TOKEN"), "{}", run.stderr);
}

fn two_profiles(env: &TestEnv) -> String {
    format!(
        "default_profile = \"b\"\n\n\
         [profiles.a]\nurl = \"https://a.example.com\"\nuser_id = \"userA\"\n\
         token_command = \"pass a\"\n\n\
         [profiles.b]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\
         token_kind = \"personal\"\n",
        env.url()
    )
}

#[test]
fn list_shows_every_profile_and_marks_the_default() {
    let env = TestEnv::new();
    env.write_config(&two_profiles(&env));

    let human = run(env.rcctl().args(["auth", "list"]));
    let json = run(env.rcctl().args(["auth", "ls", "--json"]));

    assert_eq!(human.code, 0, "{human:#?}");
    let rows: Vec<Vec<&str>> = human
        .stdout_lines()
        .iter()
        .map(|line| line.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["DEFAULT", "PROFILE", "URL", "USER", "ID", "TOKEN"],
            vec!["a", "https://a.example.com", "userA", "token_command"],
            vec!["yes", "b", &env.url(), USER_ID, "personal"],
        ]
    );
    assert_eq!(
        json.json_lines(),
        [json!([
            {"name": "a", "default": false, "url": "https://a.example.com", "user_id": "userA", "token": "token_command"},
            {"name": "b", "default": true, "url": env.url(), "user_id": USER_ID, "token": "personal"},
        ])]
    );
    assert_no_secrets(&human, &[TOKEN]);
}

#[test]
fn list_without_a_config_file_is_empty() {
    let env = TestEnv::new();
    let human = run(env.rcctl().args(["auth", "list"]));
    let json = run(env.rcctl().args(["auth", "list", "--json"]));
    assert_eq!((human.code, human.stdout.as_str()), (0, ""));
    assert!(
        human.stderr.contains("rcctl auth login"),
        "{}",
        human.stderr
    );
    assert_eq!(json.stdout, "[]\n");
}

#[test]
fn use_sets_the_default_profile_and_keeps_the_rest() {
    let env = TestEnv::new();
    let before = two_profiles(&env);
    env.write_config(&before);

    let run = run(env.rcctl().args(["auth", "use", "a"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        read_config(&env),
        before.replace("default_profile = \"b\"", "default_profile = \"a\"")
    );
}

#[test]
fn use_of_an_unknown_profile_is_exit_3_and_changes_nothing() {
    let env = TestEnv::new();
    let before = two_profiles(&env);
    env.write_config(&before);

    let run = run(env.rcctl().args(["auth", "use", "nope"]));

    assert_eq!(run.code, 3, "{run:#?}");
    assert!(run.stderr.contains("available: a, b"), "{}", run.stderr);
    assert_eq!(read_config(&env), before);
}

#[cfg(unix)]
#[test]
fn a_password_typed_on_a_terminal_is_never_echoed() {
    let mut env = TestEnv::new();
    let mocks = accepting_server(&mut env, "login-ok-band-c.json");
    // A hidden answer waits for the terminal's echo to go off, and fails the
    // test if it never does.
    let typed = format!("{PASSWORD}\n");

    let run = env.on_a_terminal(
        &format!("auth login --username {USERNAME}"),
        &[],
        &[Answer::hidden("Password: ", &typed)],
    );

    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(run.stdout.contains("Password:"), "{}", run.stdout);
    assert!(run.stdout.contains("logged in to"), "{}", run.stdout);
    assert_no_secrets(&run, &[PASSWORD, TOKEN]);
}

#[test]
fn a_rate_limited_login_is_retried_after_the_reset() {
    let mut env = TestEnv::new();
    let reset = epoch_ms() + 300;
    let limited = env
        .server
        .mock("POST", "/api/v1/login")
        .match_body(Matcher::Json(password_body()))
        .with_status(429)
        .with_header("content-type", "application/json")
        .with_header("x-ratelimit-reset", &reset.to_string())
        .with_body(fixture("429.json"))
        .create();
    let mocks = accepting_server(&mut env, "login-ok-band-e.json");

    let run = run_with_stdin(&mut password_login(&env, &[]), &format!("{PASSWORD}\n"));

    limited.assert();
    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr.contains("on login: waiting"),
        "the wait is announced: {}",
        run.stderr
    );
    assert_no_secrets(&run, &[PASSWORD, TOKEN]);
}

#[test]
fn a_second_logout_is_fine_and_status_then_says_how_to_log_in() {
    let mut env = TestEnv::new();
    env.write_config(&profile_with_kind(&env, "personal"));
    let any = env.server.mock("GET", Matcher::Any).expect(0).create();

    let first = run(env.rcctl().args(["auth", "logout"]));
    let second = run(env.rcctl().args(["auth", "logout"]));
    let status = run(env.rcctl().args(["auth", "status"]));

    any.assert();
    assert_eq!(first.code, 0, "{first:#?}");
    assert_eq!(second.code, 0, "{second:#?}");
    assert_eq!(
        second.stderr,
        "already logged out: profile `prod` holds no token\n"
    );
    assert_eq!(status.code, 3, "{status:#?}");
    assert!(
        status
            .stderr
            .contains("log in with `rcctl auth login -p prod`"),
        "{}",
        status.stderr
    );
}

#[test]
fn an_html_page_where_json_was_expected_points_at_the_base_url() {
    let mut env = TestEnv::new();
    let page = env
        .server
        .mock("POST", "/home/api/v1/login")
        .with_header("content-type", "text/html; charset=utf-8")
        .with_body("<!DOCTYPE html><html><head><title>Rocket.Chat</title></head></html>")
        .create();
    let mut login = env.rcctl();
    login
        .args(["--url", &format!("{}/home", env.url()), "auth", "login"])
        .args(["--username", USERNAME, "--password-stdin"]);

    let run = run_with_stdin(&mut login, PASSWORD);

    page.assert();
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr
            .contains("\nhint: this looks like the web app; use the server's base URL"),
        "{}",
        run.stderr
    );
    assert_no_secrets(&run, &[PASSWORD]);
}

/// The login with the password `hunter2`, refused `times` times.
fn wrong_password(env: &mut TestEnv, times: usize) -> Mock {
    mock_login(
        env,
        json!({ "user": USERNAME, "password": "hunter2" }),
        401,
        &fixture("login-wrong-password.json"),
    )
    .expect(times)
}

#[cfg(unix)]
#[test]
fn a_wrong_password_at_a_terminal_is_asked_again_keeping_server_and_user() {
    let mut env = TestEnv::new();
    let wrong = wrong_password(&mut env, 1);
    let mocks = accepting_server(&mut env, "login-ok-band-c.json");
    let typed = format!("{PASSWORD}\n");

    let run = env.on_a_terminal(
        &format!("auth login --username {USERNAME}"),
        &[],
        &[
            Answer::hidden("Password: ", "hunter2\n"),
            Answer::hidden("try again", &typed),
        ],
    );

    wrong.assert();
    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout.contains("wrong username or password; try again"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches("Password: ").count(),
        2,
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("Username"),
        "the user is not asked again"
    );
    assert_no_secrets(&run, &[PASSWORD, "hunter2", TOKEN]);
}

#[cfg(unix)]
#[test]
fn three_wrong_passwords_end_the_login_with_exit_4() {
    let mut env = TestEnv::new();
    let wrong = wrong_password(&mut env, 3);
    let me = forbid_me(&mut env);

    let run = env.on_a_terminal(
        &format!("auth login --username {USERNAME}"),
        &[],
        &[
            Answer::hidden("Password: ", "hunter2\n"),
            Answer::hidden("try again", "hunter2\n"),
            Answer::hidden("try again", "hunter2\n"),
        ],
    );

    wrong.assert();
    me.assert();
    assert_eq!(run.code, 4, "{run:#?}");
    assert_eq!(
        run.stdout.matches("Password: ").count(),
        3,
        "{}",
        run.stdout
    );
    assert!(!env.config_path().exists());
}

#[cfg(unix)]
#[test]
fn a_wrong_two_factor_code_is_asked_again_and_shown_as_typed() {
    let mut env = TestEnv::new();
    let mocks = [
        mock_login(
            &mut env,
            password_body(),
            401,
            &fixture("login-totp-required.json"),
        ),
        mock_login(
            &mut env,
            json!({ "user": USERNAME, "password": PASSWORD, "code": "000000" }),
            401,
            &fixture("login-totp-invalid.json"),
        ),
        mock_login(
            &mut env,
            json!({ "user": USERNAME, "password": PASSWORD, "code": CODE }),
            200,
            &fixture("login-ok-band-e.json"),
        ),
        mock_me(&mut env, 200, &fixture("me.json")),
    ];
    let password = format!("{PASSWORD}\n");
    let code = format!("{CODE}\n");

    let run = env.on_a_terminal(
        &format!("auth login --username {USERNAME}"),
        &[],
        &[
            Answer::hidden("Password: ", &password),
            Answer::visible("authenticator app: ", "000000\n"),
            Answer::visible("Enter the code again: ", &code),
        ],
    );

    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        run.stdout.matches("Password: ").count(),
        1,
        "{}",
        run.stdout
    );
    // The terminal echoed the code: it is good for one login only.
    assert!(
        run.stdout.contains(&format!("again: {CODE}")),
        "{}",
        run.stdout
    );
    assert_no_secrets(&run, &[PASSWORD, TOKEN]);
}

#[cfg(unix)]
#[test]
fn the_url_prompt_cuts_a_web_app_path_back_to_the_base_url() {
    let mut env = TestEnv::new();
    let mocks = accepting_server(&mut env, "login-ok-band-c.json");
    let typed = format!("{}/api/v1/\n", env.url());
    let password = format!("{PASSWORD}\n");

    let run = env.on_a_terminal(
        &format!("auth login --username {USERNAME}"),
        &[("RCCTL_URL", "")],
        &[
            Answer::visible("Rocket.Chat server URL: ", &typed),
            Answer::hidden("Password: ", &password),
        ],
    );

    mocks.iter().for_each(Mock::assert);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout.contains(&format!(
            "`/api/v1/` is a page of the web app, not the server's base URL: using {}",
            env.url()
        )),
        "{}",
        run.stdout
    );
    assert!(
        read_config(&env).contains(&format!("url = \"{}\"\n", env.url())),
        "{}",
        read_config(&env)
    );
}

#[cfg(unix)]
#[test]
fn a_bad_url_at_the_prompt_is_exit_3_as_from_the_flag() {
    let mut env = TestEnv::new();
    let login = forbid_login(&mut env);

    let prompt = env.on_a_terminal(
        "auth login --username admin",
        &[("RCCTL_URL", "")],
        &[Answer::visible(
            "Rocket.Chat server URL: ",
            "ftp://files.example.com\n",
        )],
    );
    let flag = run(env
        .rcctl()
        .args(["--url", "ftp://files.example.com", "auth", "login"])
        .args(["--username", USERNAME, "--password-stdin"]));

    login.assert();
    assert_eq!(prompt.code, 3, "{prompt:#?}");
    assert!(
        prompt
            .stdout
            .contains("invalid server URL from the prompt: `ftp://files.example.com` must start with https:// or http://"),
        "{}",
        prompt.stdout
    );
    assert_eq!(flag.code, 3, "{flag:#?}");
}
