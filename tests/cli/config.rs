//! Profiles, precedence and the config file (docs/contract.md §1-2).

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use mockito::Server;

use crate::fake_rocketchat::{FakeRocketChat, Options};
use crate::support::*;

/// A config with two profiles on two servers, `default` marked as the default.
fn two_servers(env: &TestEnv, other: &mockito::ServerGuard, default: &str) -> String {
    format!(
        "default_profile = \"{default}\"\n\n\
         [profiles.main]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\n\
         [profiles.other]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n",
        env.url(),
        other.url()
    )
}

fn get_twice_nowhere(server: &mut mockito::ServerGuard) -> mockito::Mock {
    server.mock("GET", mockito::Matcher::Any).expect(0).create()
}

#[test]
fn the_default_profile_is_used() {
    let mut env = TestEnv::new();
    let mut other = Server::new();
    env.write_config(&two_servers(&env, &other, "main"));
    let here = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let not_there = get_twice_nowhere(&mut other);

    let run = run(env
        .rcctl()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    here.assert();
    not_there.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn profile_flag_beats_env_beats_default_profile() {
    let mut env = TestEnv::new();
    let mut other = Server::new();
    env.write_config(&two_servers(&env, &other, "other"));
    // RCCTL_PROFILE=other is overridden by --profile main.
    let here = env.mock_found_times(OUTGOING_ID, &fixture("integration-outgoing.json"), 2);
    let not_there = get_twice_nowhere(&mut other);

    let by_flag = run(env.rcctl().env("RCCTL_PROFILE", "other").args([
        "-p",
        "main",
        "integrations",
        "get",
        OUTGOING_ID,
    ]));
    // RCCTL_PROFILE=main overrides default_profile = "other".
    let by_env =
        run(env
            .rcctl()
            .env("RCCTL_PROFILE", "main")
            .args(["integrations", "get", OUTGOING_ID]));

    here.assert();
    not_there.assert();
    assert_eq!((by_flag.code, by_env.code), (0, 0));
}

/// With the profile named too, its token may go to the URL given
/// (docs/contract.md §1.4); which URL is the precedence rule.
#[test]
fn url_flag_beats_env_beats_profile() {
    let mut env = TestEnv::new().with_profile();
    let mut decoy = Server::new();
    let mut flagged = Server::new();
    let body = fixture("integration-outgoing.json");
    let by_flag = flagged
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .match_header("x-auth-token", TOKEN)
        .with_header("content-type", "application/json")
        .with_body(&body)
        .create();
    let decoy_mock = get_twice_nowhere(&mut decoy);
    let profile_mock = get_twice_nowhere(&mut env.server);

    let run = run(env.rcctl().env("RCCTL_URL", decoy.url()).args([
        "--url",
        &flagged.url(),
        "-p",
        "prod",
        "integrations",
        "get",
        OUTGOING_ID,
    ]));

    by_flag.assert();
    decoy_mock.assert();
    profile_mock.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn env_credentials_beat_the_profile() {
    let mut env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nuser_id = \"fileUser\"\ntoken = \"file-token\"\n",
        env.url()
    ));
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = run(env
        .rcctl()
        .env("RCCTL_USER_ID", USER_ID)
        .env("RCCTL_AUTH_TOKEN", TOKEN)
        .args(["integrations", "get", OUTGOING_ID]));

    get.assert(); // matched only with the env user id and token
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn ci_mode_needs_no_config_file() {
    let mut env = TestEnv::new();
    assert!(!env.config_path().exists());
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = run(env
        .ci()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
}

#[test]
fn no_config_and_no_env_is_exit_3_with_the_fix() {
    let env = TestEnv::new();
    let run = run(env.rcctl().args(["integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 3);
    assert_eq!(
        run.stderr,
        "error: no server URL configured: set --url or RCCTL_URL, or run `rcctl auth login` to create a profile\n"
    );
}

#[test]
fn a_profile_without_a_token_names_profile_and_file() {
    let env = TestEnv::new();
    let path = env.write_config(&format!(
        "[profiles.prod]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\n",
        env.url()
    ));
    let run = run(env.rcctl().args(["integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 3);
    assert_eq!(
        run.stderr,
        format!(
            "error: no auth token configured: log in with `rcctl auth login -p prod`, or set \
             RCCTL_AUTH_TOKEN or `token` in profile `prod`\n"
        )
    );
    assert!(path.exists());
}

#[test]
fn an_unknown_profile_is_exit_3_listing_the_known_ones() {
    let env = TestEnv::new().with_profile();
    let run = run(env
        .rcctl()
        .args(["-p", "staging", "integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("profile `staging` (from --profile)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("(available: prod)"), "{}", run.stderr);
}

#[test]
fn several_profiles_without_default_need_a_choice() {
    let env = TestEnv::new();
    let other = Server::new();
    env.write_config(&two_servers(&env, &other, "x").replace("default_profile = \"x\"", ""));
    let run = run(env.rcctl().args(["integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("choose one with --profile NAME"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_malformed_config_names_file_line_and_column() {
    let env = TestEnv::new();
    let path = env.write_config("[profiles.prod]\nurl = \"https://x\"\ntoken = oops\n");
    let run = run(env.rcctl().args(["integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.starts_with(&format!(
            "error: invalid config file {}, line 3, column 9: ",
            path.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn a_missing_explicit_config_is_exit_3() {
    let env = TestEnv::new();
    let run = run(env.rcctl().args([
        "--config",
        "nowhere.toml",
        "integrations",
        "get",
        OUTGOING_ID,
    ]));
    assert_eq!(run.code, 3);
    assert_eq!(
        run.stderr,
        "error: config file nowhere.toml not found (named by --config)\n"
    );
}

/// docs/contract.md §5: an unreadable config is exit 3, and the error names it.
#[test]
fn a_config_that_is_a_directory_is_exit_3_naming_it() {
    let env = TestEnv::new();
    let dir = env.dir.path().join("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    for by_env in [false, true] {
        let mut command = env.rcctl();
        if by_env {
            command.env("RCCTL_CONFIG", &dir);
        } else {
            command.arg("--config").arg(&dir);
        }

        let run = run(command.args(["integrations", "get", OUTGOING_ID]));

        assert_eq!(run.code, 3, "{run:#?}");
        assert!(
            run.stderr.starts_with(&format!(
                "error: cannot read config file {}: ",
                dir.display()
            )),
            "{}",
            run.stderr
        );
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    }
}

#[test]
fn config_flag_and_env_name_the_file() {
    let mut env = TestEnv::new();
    let elsewhere = env.dir.path().join("elsewhere.toml");
    write_private(
        &elsewhere,
        &format!(
            "[profiles.x]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n",
            env.url()
        ),
    );
    let get = env.mock_found_times(OUTGOING_ID, &fixture("integration-outgoing.json"), 2);

    let by_flag =
        run(env
            .rcctl()
            .arg("--config")
            .arg(&elsewhere)
            .args(["integrations", "get", OUTGOING_ID]));
    let by_env =
        run(env
            .rcctl()
            .env("RCCTL_CONFIG", &elsewhere)
            .args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!((by_flag.code, by_env.code), (0, 0));
}

/// `get` with a config file of mode `bits`: it warns with the fix (the mode
/// shown as `shown`), it does not refuse.
#[cfg(unix)]
fn assert_loose_mode_warned(bits: u32, shown: &str) {
    let mut env = TestEnv::new().with_profile();
    set_mode(&env.config_path(), bits);
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = run(env
        .rcctl()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 0, "it warns, it does not refuse");
    let path = env.config_path().display().to_string();
    assert_eq!(
        run.stderr,
        format!(
            "warning: config file {path} is readable by other users (mode {shown}); fix it with `chmod 600 {path}`\n"
        )
    );
}

#[cfg(unix)]
#[test]
fn a_config_others_can_read_gets_a_warning_with_the_fix() {
    assert_loose_mode_warned(0o644, "644");
}

#[test]
fn a_private_config_gets_no_warning() {
    let mut env = TestEnv::new().with_profile();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let run = run(env
        .rcctl()
        .args(["integrations", "get", "--json", OUTGOING_ID]));
    get.assert();
    assert_eq!(run.stderr, "");
}

#[test]
fn token_command_supplies_the_token() {
    let mut env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken_command = \"printf '  {TOKEN}\\\\n'\"\n",
        env.url()
    ));
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = run(env
        .rcctl()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn a_failing_token_command_is_exit_3() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken_command = \"exit 4\"\n",
        env.url()
    ));
    let run = run(env.rcctl().args(["integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("the token command of profile `p`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_server_url_is_exit_3_naming_its_source() {
    let env = TestEnv::new();
    let run = run(env.ci().env("RCCTL_URL", "chat.example.com").args([
        "integrations",
        "get",
        OUTGOING_ID,
    ]));
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("invalid server URL from RCCTL_URL"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_ca_cert_file_is_exit_3() {
    let env = TestEnv::new();
    let run = run(env.ci().args([
        "--ca-cert",
        "missing.pem",
        "integrations",
        "get",
        OUTGOING_ID,
    ]));
    assert_eq!(run.code, 3);
    assert!(
        run.stderr
            .contains("cannot read the CA certificate missing.pem"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_ca_cert_without_certificates_is_exit_3() {
    let env = TestEnv::new();
    let pem = env.dir.path().join("empty.pem");
    std::fs::write(&pem, "not a certificate\n").unwrap();
    let run = run(env
        .ci()
        .arg("--ca-cert")
        .arg(&pem)
        .args(["integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("no PEM certificate found"),
        "{}",
        run.stderr
    );
}

#[test]
fn insecure_warns_every_time() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let run = run(env
        .ci()
        .args(["--insecure", "integrations", "get", "--json", OUTGOING_ID]));
    get.assert();
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.starts_with("warning: --insecure"),
        "{}",
        run.stderr
    );
}

/// A server that accepts connections and never answers.
fn silent_server() -> (std::net::TcpListener, String) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    (listener, url)
}

#[test]
fn timeout_flag_beats_env_beats_profile() {
    let env = TestEnv::new();
    let (_listener, url) = silent_server();
    env.write_config(&format!(
        "[profiles.slow]\nurl = \"{url}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\ntimeout = 2\n"
    ));
    let get = |command: &mut std::process::Command| {
        let started = std::time::Instant::now();
        let run = run(command.args(["integrations", "get", OUTGOING_ID]));
        assert_eq!(run.code, 9, "{run:#?}");
        (run.stderr, started.elapsed())
    };

    let (by_profile, _) = get(&mut env.rcctl());
    let (by_env, _) = get(env.rcctl().env("RCCTL_TIMEOUT", "1"));
    let (by_flag, took) = get(env
        .rcctl()
        .env("RCCTL_TIMEOUT", "30")
        .args(["--timeout", "1"]));

    assert!(
        by_profile.contains("no response within 2 s"),
        "{by_profile}"
    );
    assert!(by_env.contains("no response within 1 s"), "{by_env}");
    assert!(by_flag.contains("no response within 1 s"), "{by_flag}");
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
}

#[test]
fn config_flag_beats_rcctl_config() {
    let mut env = TestEnv::new();
    let mut other = Server::new();
    let write = |name: &str, url: &str| {
        let path = env.dir.path().join(name);
        write_private(
            &path,
            &format!(
                "[profiles.p]\nurl = \"{url}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n"
            ),
        );
        path
    };
    let by_flag = write("flag.toml", &env.url());
    let by_env = write("env.toml", &other.url());
    let here = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let not_there = get_twice_nowhere(&mut other);

    let run = run(env
        .rcctl()
        .env("RCCTL_CONFIG", &by_env)
        .arg("--config")
        .arg(&by_flag)
        .args(["integrations", "get", OUTGOING_ID]));

    here.assert();
    not_there.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn without_xdg_variables_config_and_backups_live_under_home() {
    let mut env = TestEnv::new();
    let config = env.home().join(".config/rcctl/config.toml");
    write_private(
        &config,
        &format!(
            "[profiles.p]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n",
            env.url()
        ),
    );
    let body = fixture("integration-outgoing.json");
    let mocks = env.mock_removable("webhook-outgoing", OUTGOING_ID, &body);

    let run = run(env
        .rcctl()
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .args(["integrations", "remove", OUTGOING_ID]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    let removed = env.home().join(".local/share/rcctl/removed");
    assert!(
        run.stderr.contains(&format!(
            "backed up integration {OUTGOING_ID} to {}",
            removed.display()
        )),
        "{}",
        run.stderr
    );
    assert!(env.home().join(".local/share/rcctl/audit.jsonl").exists());
}

/// A profile's token goes only to its own server (docs/contract.md §1.4).
#[test]
fn a_url_no_profile_is_for_gets_no_token_and_says_how_to_log_in() {
    let mut env = TestEnv::new().with_profile();
    let mut elsewhere = Server::new();
    let nothing_there = elsewhere
        .mock("GET", mockito::Matcher::Any)
        .expect(0)
        .create();
    let nothing_here = get_twice_nowhere(&mut env.server);

    let by_flag = run(env.rcctl().args([
        "--url",
        &elsewhere.url(),
        "integrations",
        "get",
        OUTGOING_ID,
    ]));
    let by_env = run(env
        .rcctl()
        .env("RCCTL_URL", elsewhere.url())
        .args(["integrations", "list"]));

    nothing_there.assert();
    nothing_here.assert();
    for run in [&by_flag, &by_env] {
        assert_eq!(run.code, 3, "{run:#?}");
        assert!(
            run.stderr.contains(&format!(
                "no profile in {} is for {}",
                env.config_path().display(),
                elsewhere.url()
            )),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!(
                "rcctl auth login --url {} -p NAME",
                elsewhere.url()
            )),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn the_profile_whose_server_the_url_names_is_used() {
    const OTHER_TOKEN: &str = "OtherServersTokenOtherServersToken";
    let mut env = TestEnv::new();
    let mut other = Server::new();
    env.write_config(&format!(
        "default_profile = \"main\"\n\n\
         [profiles.main]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\n\
         [profiles.other]\nurl = \"{}/\"\nuser_id = \"otherUser\"\ntoken = \"{OTHER_TOKEN}\"\n",
        env.url(),
        other.url()
    ));
    let there = other
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .match_header("x-user-id", "otherUser")
        .match_header("x-auth-token", OTHER_TOKEN)
        .with_header("content-type", "application/json")
        .with_body(fixture("integration-outgoing.json"))
        .create();
    let not_main = get_twice_nowhere(&mut env.server);

    let run = run(env
        .rcctl()
        .args(["--url", &other.url(), "integrations", "get", OUTGOING_ID]));

    there.assert();
    not_main.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn environment_credentials_follow_the_url_in_effect() {
    let mut env = TestEnv::new().with_profile();
    let mut other = Server::new();
    let there = other
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .match_header("x-user-id", "ciUser")
        .match_header("x-auth-token", "ci-token-ci-token")
        .with_header("content-type", "application/json")
        .with_body(fixture("integration-outgoing.json"))
        .create();
    let not_the_profiles = get_twice_nowhere(&mut env.server);

    let run = run(env
        .rcctl()
        .env("RCCTL_URL", other.url())
        .env("RCCTL_USER_ID", "ciUser")
        .env("RCCTL_AUTH_TOKEN", "ci-token-ci-token")
        .args(["integrations", "get", OUTGOING_ID]));

    there.assert();
    not_the_profiles.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_no_secrets(&run, &[TOKEN, "ci-token-ci-token"]);
}

/// `auth login` with a personal token against the fake, as profile `name`.
fn login_command(env: &TestEnv, fake: &FakeRocketChat, name: &str) -> std::process::Command {
    let mut command = env.rcctl();
    command
        .args(["--url", &fake.url(), "auth", "login", "-p", name])
        .args(["--with-token", "--user-id", USER_ID])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Starts `command` with `TOKEN` on its stdin.
fn spawn_with_token(mut command: std::process::Command) -> std::process::Child {
    let mut child = command.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(TOKEN.as_bytes())
        .unwrap();
    child
}

fn profiles_in(env: &TestEnv) -> toml::Table {
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    let config: toml::Table = text.parse().unwrap();
    config
        .get("profiles")
        .and_then(toml::Value::as_table)
        .cloned()
        .unwrap_or_default()
}

/// docs/contract.md §6.3: a lock around each read-modify-write.
#[test]
fn twenty_logins_at_once_all_keep_their_profile() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options::default());
    let names: Vec<String> = (0..20).map(|n| format!("p{n:02}")).collect();

    let children: Vec<_> = names
        .iter()
        .map(|name| spawn_with_token(login_command(&env, &fake, name)))
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    let profiles = profiles_in(&env);
    let saved: Vec<&String> = profiles.keys().collect();
    assert_eq!(saved, names.iter().collect::<Vec<_>>());
    for profile in profiles.values() {
        assert_eq!(profile["token"].as_str(), Some(TOKEN));
    }
    assert_eq!(fake.requests("me"), 20);
}

/// A logout and a login at the same moment: the login's write comes while the
/// logout waits for the lock, and the logout reads the file only once it has
/// it, so neither edit undoes the other (docs/contract.md §6.3).
#[test]
fn a_logout_waits_for_a_login_in_progress_and_keeps_its_profile() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options::default());
    let profile = |name: &str| {
        format!(
            "[profiles.{name}]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\
             token_kind = \"personal\"\n",
            fake.url()
        )
    };
    let config = env.write_config(&format!("default_profile = \"a\"\n\n{}", profile("a")));
    // The test is the login in progress: it holds the lock.
    let lock_file = std::fs::File::create(config.with_file_name("config.toml.lock")).unwrap();
    fs4::FileExt::lock(&lock_file).unwrap();

    let mut logout = env
        .rcctl()
        .args(["-p", "a", "auth", "logout"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let waited = logout.try_wait().unwrap().is_none();
    let untouched = std::fs::read_to_string(&config).unwrap().contains(TOKEN);
    // The login writes its profile, then lets go.
    write_private(
        &config,
        &format!(
            "default_profile = \"a\"\n\n{}\n{}",
            profile("a"),
            profile("b")
        ),
    );
    drop(lock_file);
    let output = logout.wait_with_output().unwrap();

    assert!(waited, "the logout did not wait for the lock");
    assert!(untouched, "the logout wrote while the lock was held");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let profiles = profiles_in(&env);
    assert!(profiles["a"].get("token").is_none(), "{profiles:?}");
    assert_eq!(
        profiles["b"]["token"].as_str(),
        Some(TOKEN),
        "the login was kept"
    );
}

#[test]
fn a_token_command_that_hangs_is_cut_off_at_the_timeout() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken_command = \"sleep 30\"\n",
        env.url()
    ));

    let started = Instant::now();
    let run = run(env
        .rcctl()
        .args(["--timeout", "1", "integrations", "get", OUTGOING_ID]));

    assert_eq!(run.code, 3, "{run:#?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(
        run.stderr
            .contains("`sleep 30` did not finish within 1 s (--timeout)"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_token_command_runs_bin_sh_whatever_path_says() {
    let mut env = TestEnv::new();
    // An `sh` first in PATH that would hand out another token.
    let bin = env.dir.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::write(bin.join("sh"), "#!/bin/sh\necho impostor-token\n").unwrap();
    set_mode(&bin.join("sh"), 0o755);
    env.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken_command = \"printf {TOKEN}\"\n",
        env.url()
    ));
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let run = run(env
        .rcctl()
        .env("PATH", path)
        .args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn an_empty_token_in_the_profile_is_exit_3_and_sends_nothing() {
    let mut env = TestEnv::new();
    env.write_config(&format!(
        "[profiles.p]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"\"\n",
        env.url()
    ));
    let nothing = get_twice_nowhere(&mut env.server);

    let run = run(env.rcctl().args(["integrations", "get", OUTGOING_ID]));

    nothing.assert();
    assert_eq!(run.code, 3, "{run:#?}");
    assert!(
        run.stderr.contains("invalid auth token from profile `p`")
            && run
                .stderr
                .contains("it is empty; log in again with `rcctl auth login -p p`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_token_sent_over_plain_http_to_another_host_is_warned_about() {
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![crate::fake_rocketchat::outgoing_doc(OUTGOING_ID, "x")],
        ..Options::default()
    });
    let remote = run(env
        .ci()
        .env("RCCTL_URL", "http://rocketchat.invalid")
        .env("HTTP_PROXY", fake.url())
        .args(["integrations", "get", OUTGOING_ID]));
    let local = run(env
        .ci()
        .env("RCCTL_URL", fake.url().replace("127.0.0.1", "localhost"))
        .args(["integrations", "get", OUTGOING_ID]));

    assert_eq!(remote.code, 0, "{remote:#?}");
    assert!(
        remote.stderr.starts_with(
            "warning: http://rocketchat.invalid is plain http://: your credentials cross the \
             network to rocketchat.invalid unencrypted"
        ),
        "{}",
        remote.stderr
    );
    assert_eq!(local.code, 0, "{local:#?}");
    assert!(!local.stderr.contains("plain http"), "{}", local.stderr);
}

#[cfg(unix)]
#[test]
fn a_symlinked_config_is_edited_where_it_points() {
    let env = TestEnv::new();
    let real = env.dir.path().join("dotfiles/rcctl.toml");
    write_private(
        &real,
        &format!(
            "# mine\n[profiles.a]\nurl = \"{}\"\n\n[profiles.b]\nurl = \"{}\"\n",
            env.url(),
            env.url()
        ),
    );
    let link = env.config_path();
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();

    let run = run(env.rcctl().args(["auth", "use", "b"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(
        text.starts_with("default_profile = \"b\"\n# mine\n"),
        "{text}"
    );
    assert_eq!(mode(&real), 0o600);
}

#[cfg(unix)]
#[test]
fn dev_null_as_config_gets_no_chmod_advice() {
    let env = TestEnv::new();
    let run = run(env.rcctl().args(["--config", "/dev/null", "auth", "list"]));
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(!run.stderr.contains("chmod"), "{}", run.stderr);
}

/// docs/contract.md §1.2 (a path prefix is allowed) and §1.4: with `--url`
/// and no profile named, the profile of that origin with the longest matching
/// path is used, and the request goes under the prefix.
#[test]
fn a_url_with_a_path_prefix_picks_the_profile_of_that_prefix() {
    const TEAM_TOKEN: &str = "TeamProfilesTokenTeamProfilesToken";
    let mut env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"root\"\n\n\
         [profiles.root]\nurl = \"{url}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\n\
         [profiles.team]\nurl = \"{url}/team\"\nuser_id = \"teamUser\"\ntoken = \"{TEAM_TOKEN}\"\n",
        url = env.url()
    ));
    let team = env
        .server
        .mock("GET", "/team/api/v1/integrations.get")
        .match_query(mockito::Matcher::UrlEncoded(
            "integrationId".into(),
            OUTGOING_ID.into(),
        ))
        .match_header("x-user-id", "teamUser")
        .match_header("x-auth-token", TEAM_TOKEN)
        .with_header("content-type", "application/json")
        .with_body(fixture("integration-outgoing.json"))
        .expect(1)
        .create();
    let root = env
        .server
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .expect(0)
        .create();

    let run = run(env.rcctl().args([
        "--url",
        &format!("{}/team/", env.url()),
        "integrations",
        "get",
        "--json",
        OUTGOING_ID,
    ]));

    team.assert();
    root.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json_lines()[0]["_id"], OUTGOING_ID);
    assert_no_secrets(&run, &[TOKEN, TEAM_TOKEN]);
}

/// docs/contract.md §1.4: naming the profile by `RCCTL_PROFILE` and the URL by
/// `RCCTL_URL` sends that profile's token to that URL.
#[test]
fn rcctl_profile_with_rcctl_url_sends_that_profiles_token_there() {
    let mut env = TestEnv::new();
    let mut other = Server::new();
    env.write_config(&format!(
        "default_profile = \"main\"\n\n\
         [profiles.main]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\n\
         [profiles.other]\nurl = \"{}\"\nuser_id = \"otherUser\"\ntoken = \"other-token-other\"\n",
        env.url(),
        other.url()
    ));
    let mut elsewhere = Server::new();
    let there = elsewhere
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .match_header("x-user-id", "otherUser")
        .match_header("x-auth-token", "other-token-other")
        .with_header("content-type", "application/json")
        .with_body(fixture("integration-outgoing.json"))
        .expect(1)
        .create();
    let not_main = get_twice_nowhere(&mut env.server);
    let not_others_own = get_twice_nowhere(&mut other);

    let run = run(env
        .rcctl()
        .env("RCCTL_PROFILE", "other")
        .env("RCCTL_URL", elsewhere.url())
        .args(["integrations", "get", OUTGOING_ID]));

    there.assert();
    not_main.assert();
    not_others_own.assert();
    assert_eq!(run.code, 0, "{run:#?}");
}

/// docs/contract.md §1.2: the long forms, and global options "accepted before
/// or after the subcommand".
#[test]
fn long_flags_and_global_options_after_the_subcommand_are_honoured() {
    let mut env = TestEnv::new();
    let mut decoy = Server::new();
    // Only in this file, not the default one: --config must be read.
    let elsewhere = env.dir.path().join("elsewhere.toml");
    write_private(
        &elsewhere,
        &format!(
            "[profiles.a]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n\n\
             [profiles.b]\nurl = \"{}\"\nuser_id = \"{USER_ID}\"\ntoken = \"{TOKEN}\"\n",
            decoy.url(),
            decoy.url()
        ),
    );
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));
    let not_the_decoy = get_twice_nowhere(&mut decoy);

    let run = run(env.rcctl().args([
        "--verbose",
        "integrations",
        "get",
        OUTGOING_ID,
        "--config",
        elsewhere.to_str().unwrap(),
        "--profile",
        "b",
        "--url",
        &env.url(),
    ]));

    get.assert();
    not_the_decoy.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    let prefix = format!(
        "GET {}/api/v1/integrations.get?integrationId={OUTGOING_ID} 200 ",
        env.url()
    );
    assert!(
        run.stderr
            .lines()
            .any(|line| line.starts_with(&prefix) && line.ends_with("ms")),
        "--verbose prints the exchange:\n{}",
        run.stderr
    );
}

#[test]
fn timeout_after_the_subcommand_is_honoured() {
    let env = TestEnv::new();
    let (_listener, url) = silent_server();

    let started = Instant::now();
    let run = run(env.ci().env("RCCTL_URL", url).args([
        "integrations",
        "get",
        OUTGOING_ID,
        "--timeout",
        "1",
    ]));

    assert_eq!(run.code, 9, "{run:#?}");
    assert!(
        run.stderr.contains("no response within 1 s"),
        "{}",
        run.stderr
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// docs/contract.md §2.3: any of `mode & 0o077`, not only world-readable.
#[cfg(unix)]
#[test]
fn a_config_its_group_or_others_can_read_gets_a_warning() {
    for (bits, shown) in [(0o640, "640"), (0o604, "604")] {
        assert_loose_mode_warned(bits, shown);
    }
}
