//! `rcctl integrations export` (docs/contract.md §7.1): one TOML file per
//! integration, its script beside it, its outgoing token as a reference.

use serde_json::{Value, json};

use crate::iac::*;
use crate::support::*;

#[test]
fn export_writes_a_file_per_integration_its_script_and_a_token_reference() {
    let env = TestEnv::new();
    let fake = populated(V8);

    let dir = exported(&env);
    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "export",
        "--dir",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(writes(&fake), 0);
    assert_eq!(
        read(&dir.join("guggy.toml")),
        format!(
            r##"_id = "{GUGGY_ID}"  # identity on the server it came from
type = "webhook-outgoing"
name = "Guggy"
enabled = true
username = "rocket.cat"
channel = ["#general"]
event = "sendMessage"
urls = ["https://guggy.example.com/hook"]
triggerWords = ["!guggy"]
scriptEnabled = true
retryFailedCalls = true
retryCount = 6
retryDelay = "powers-of-ten"
scriptEngine = "isolated-vm"
script = {{ file = "guggy.js" }}
token = {{ env = "RCCTL_TOKEN_GUGGY" }}
"##
        )
    );
    assert_eq!(read(&dir.join("guggy.js")), GUGGY_SCRIPT);
    let ci = read(&dir.join("ci-notices.toml"));
    assert!(ci.starts_with(&format!("_id = \"{CI_ID}\"")), "{ci}");
    assert!(ci.contains("channel = [\"#ops\", \"@bob\"]\n"), "{ci}");
    assert!(
        ci.contains("script = { file = \"ci-notices.js\" }\n"),
        "{ci}"
    );
    assert!(
        !ci.contains("token"),
        "an incoming token is never written: {ci}"
    );
    assert_eq!(read(&dir.join("ci-notices.js")), CI_SCRIPT);
    #[cfg(unix)]
    for file in ["guggy.toml", "guggy.js", "ci-notices.toml", "ci-notices.js"] {
        assert_eq!(mode(&dir.join(file)), 0o644, "{file}");
    }

    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(
        lines[0].starts_with("FILE") && lines[0].contains("ID"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("guggy.toml") && lines[1].contains(GUGGY_ID),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("Guggy") && lines[1].ends_with("outgoing"),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains("ci-notices.toml") && lines[2].ends_with("incoming"));
    assert_eq!(
        run.stderr,
        format!(
            "the token of Guggy ({GUGGY_ID}) is not in its file: set RCCTL_TOKEN_GUGGY before \
             `plan` or `apply`\n"
        )
    );
    assert_no_secrets(&run, &[GUGGY_TOKEN, CI_TOKEN]);
}

#[test]
fn export_json_is_an_array_of_what_was_written() {
    let env = TestEnv::new();
    let fake = populated(V6);
    let dir = exported(&env);

    let run = run(against_with_token(&env, &fake).args([
        "--json",
        "integrations",
        "export",
        "--dir",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        run.json_lines(),
        [json!([
            {"file": dir.join("guggy.toml"), "_id": GUGGY_ID, "name": "Guggy",
             "type": "webhook-outgoing"},
            {"file": dir.join("ci-notices.toml"), "_id": CI_ID, "name": "CI notices",
             "type": "webhook-incoming"},
        ])]
    );
    assert!(
        run.stderr.contains("set RCCTL_TOKEN_GUGGY"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn show_secrets_writes_the_outgoing_token_into_a_private_file() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = exported(&env);

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "export",
        "--show-secrets",
        "--dir",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    let guggy = read(&dir.join("guggy.toml"));
    assert!(
        guggy.contains(&format!("token = \"{GUGGY_TOKEN}\"\n")),
        "{guggy}"
    );
    assert_eq!(mode(&dir.join("guggy.toml")), 0o600);
    assert_eq!(mode(&dir.join("ci-notices.toml")), 0o644, "no token in it");
    assert!(!read(&dir.join("ci-notices.toml")).contains(CI_TOKEN));
    assert_eq!(run.stderr, "", "no variable to set");
}

#[test]
fn clashing_names_are_numbered_in_creation_order_and_filters_choose() {
    let env = TestEnv::new();
    let mut older = guggy();
    older["_id"] = json!("olderAAAAAAAAAAAA");
    older["name"] = json!("guggy!");
    older["_createdAt"] = json!("2016-01-01T00:00:00.000Z");
    let fake = server(V8, vec![guggy(), older, ci_notices()]);
    let dir = exported(&env);

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "export",
        "-t",
        "outgoing",
        "--dir",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(read(&dir.join("guggy.toml")).contains("olderAAAAAAAAAAAA"));
    let newer = read(&dir.join("guggy-2.toml"));
    assert!(newer.contains(GUGGY_ID), "{newer}");
    assert!(
        newer.contains("script = { file = \"guggy-2.js\" }"),
        "{newer}"
    );
    assert!(
        newer.contains("token = { env = \"RCCTL_TOKEN_GUGGY_2\" }"),
        "{newer}"
    );
    assert!(
        !dir.join("ci-notices.toml").exists(),
        "the filter left it out"
    );
    let names: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(names.len(), 2, "{}", run.stderr);
    assert!(
        names[1].contains("set RCCTL_TOKEN_GUGGY_2"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_left_from_an_earlier_export_is_named() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = exported(&env);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("renamed-since.toml"),
        "type = \"webhook-incoming\"\n",
    )
    .unwrap();

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "export",
        "--dir",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr.contains(&format!(
            "warning: {} was not written by this export",
            dir.join("renamed-since.toml").display()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_plan_right_after_an_export_has_nothing_to_do() {
    let env = TestEnv::new();
    let fake = populated(V6);
    let dir = export_from(&env, &fake);

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "plan",
        dir.to_str().unwrap(),
        "--exit-code",
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        run.stdout,
        format!(
            "= unchanged webhook-incoming \"CI notices\" {CI_ID} ({ci})\n\
             = unchanged webhook-outgoing \"Guggy\" {GUGGY_ID} ({guggy})\n\
             Plan: 0 to create, 0 to update, 0 to remove, 2 unchanged.\n",
            ci = dir.join("ci-notices.toml").display(),
            guggy = dir.join("guggy.toml").display(),
        )
    );
    assert_eq!(run.stderr, "");
    assert_eq!(writes(&fake), 0);
    let docs: Vec<Value> = fake.docs();
    assert_eq!(docs, [guggy(), ci_notices()], "nothing changed");
}

/// docs/contract.md §7.1: DIR defaults to `./integrations`.
#[test]
fn without_dir_export_writes_into_integrations_in_the_working_directory() {
    let env = TestEnv::new();
    let fake = populated(V8);

    let run = run(against_with_token(&env, &fake).args(["integrations", "export"]));

    assert_eq!(run.code, 0, "{run:#?}");
    // `rcctl()` runs in the test's temporary directory.
    let dir = env.dir.path().join("integrations");
    for file in ["guggy.toml", "guggy.js", "ci-notices.toml", "ci-notices.js"] {
        assert!(dir.join(file).is_file(), "{file} not in {}", dir.display());
    }
    assert!(
        read(&dir.join("guggy.toml")).starts_with(&format!("_id = \"{GUGGY_ID}\"")),
        "{}",
        read(&dir.join("guggy.toml"))
    );
    let entries: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".toml") || name.ends_with(".js"))
        .collect();
    assert_eq!(
        entries,
        Vec::<String>::new(),
        "nothing beside the directory"
    );
}

/// docs/contract.md §7.1: server-managed fields are never written, whatever
/// the server sends.
#[test]
fn server_managed_fields_are_never_written() {
    let env = TestEnv::new();
    let mut broken = guggy();
    broken["scriptError"] = json!({"name": "SyntaxError", "message": "Unexpected token (1:7)"});
    broken["_updatedBy"] = json!({"_id": "u7", "username": "editor"});
    let mut incoming = ci_notices();
    incoming["scriptError"] = json!("ReferenceError: x is not defined");
    incoming["_updatedBy"] = json!({"_id": "u7", "username": "editor"});
    incoming["scriptCompiled"] = json!("compiled");
    let fake = server(V8, vec![broken, incoming]);
    let dir = exported(&env);

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "export",
        "--show-secrets",
        "--dir",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    for file in ["guggy.toml", "ci-notices.toml"] {
        let text = read(&dir.join(file));
        let keys: Vec<String> = text
            .parse::<toml::Table>()
            .unwrap_or_else(|err| panic!("{file}: {err}\n{text}"))
            .keys()
            .cloned()
            .collect();
        for managed in [
            "_createdAt",
            "_createdBy",
            "_updatedAt",
            "_updatedBy",
            "userId",
            "scriptCompiled",
            "scriptError",
        ] {
            assert!(
                !keys.iter().any(|key| key == managed),
                "{file}: {managed} in\n{text}"
            );
        }
        for value in ["editor", "SyntaxError", "ReferenceError", "compiled"] {
            assert!(!text.contains(value), "{file}: {value} in\n{text}");
        }
    }
}
