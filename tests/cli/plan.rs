//! `rcctl integrations plan` (docs/contract.md §7.2, §7.4): what applying
//! the files would change, read only; every bad file is exit 3 before any
//! request.

use mockito::{Matcher, Mock};
use serde_json::{Value, json};

use crate::iac::*;
use crate::support::*;

#[test]
fn an_edited_script_is_a_diff_and_exit_code_says_drift() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);
    edit(
        &dir.join("guggy.js"),
        "\treturn request;",
        "\treturn { ...request, x: 1 };",
    );
    let before = fake.requests("integrations.list");

    let drift = run(against_with_token(&env, &fake).args([
        "integrations",
        "plan",
        dir.to_str().unwrap(),
        "--exit-code",
    ]));
    let without =
        run(against_with_token(&env, &fake).args(["integrations", "plan", dir.to_str().unwrap()]));

    assert_eq!(drift.code, 11, "{drift:#?}");
    assert_eq!(
        drift.stdout,
        format!(
            "~ update webhook-outgoing \"Guggy\" {GUGGY_ID} ({toml})\n    \
             script:\n      \
             --- {GUGGY_ID} on the server\n      \
             +++ {js}\n      \
             @@ -1,5 +1,5 @@\n       \
             class Script {{\n       \
             \x20 prepare_outgoing_request({{ request }}) {{\n      \
             -\treturn request;\n      \
             +\treturn {{ ...request, x: 1 }};\n       \
             \x20 }}\n       \
             }}\n\
             = unchanged webhook-incoming \"CI notices\" {CI_ID} ({ci})\n\
             Plan: 0 to create, 1 to update, 0 to remove, 1 unchanged.\n",
            toml = dir.join("guggy.toml").display(),
            js = dir.join("guggy.js").display(),
            ci = dir.join("ci-notices.toml").display(),
        )
    );
    assert_eq!(
        drift.stderr,
        "error: the server differs from the files: 1 change(s) to apply\n"
    );
    assert_eq!(without.code, 0, "drift alone is no failure: {without:#?}");
    assert_eq!(without.stdout, drift.stdout);
    assert_eq!(writes(&fake), 0, "a plan only reads");
    assert_eq!(fake.requests("integrations.list"), before + 2);
    assert_eq!(fake.doc(GUGGY_ID), Some(guggy()));
}

#[test]
fn the_json_plan_is_one_object_and_tokens_show_only_when_asked() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);
    edit(&dir.join("guggy.toml"), "enabled = true", "enabled = false");
    std::fs::remove_file(dir.join("ci-notices.toml")).unwrap();
    let plan = |extra: &[&str]| {
        let mut command = against_with_token(&env, &fake);
        command
            .env("RCCTL_TOKEN_GUGGY", "rotated-token")
            .args([
                "--json",
                "integrations",
                "plan",
                dir.to_str().unwrap(),
                "--prune",
            ])
            .args(extra);
        run(&mut command)
    };

    let hidden = plan(&[]);
    let shown = plan(&["--show-secrets"]);

    assert_eq!(hidden.code, 0, "{hidden:#?}");
    assert_eq!(
        hidden.json_lines(),
        [json!({
            "create": [],
            "update": [{
                "_id": GUGGY_ID, "name": "Guggy", "type": "webhook-outgoing",
                "file": dir.join("guggy.toml"),
                "changes": {
                    "enabled": {"from": true, "to": false},
                    "token": {"from": "[redacted]", "to": "[redacted]"},
                },
            }],
            "remove": [{"_id": CI_ID, "name": "CI notices", "type": "webhook-incoming"}],
            "unchanged": [],
        })]
    );
    assert_eq!(hidden.stderr, "");
    assert_no_secrets(&hidden, &[GUGGY_TOKEN, "rotated-token", CI_TOKEN]);
    assert_eq!(
        shown.json_lines()[0]["update"][0]["changes"]["token"],
        json!({"from": GUGGY_TOKEN, "to": "rotated-token"})
    );
    assert_eq!(writes(&fake), 0);
}

#[test]
fn a_changed_token_is_only_said_to_change() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);

    let run = run(against_with_token(&env, &fake)
        .env("RCCTL_TOKEN_GUGGY", "rotated-token")
        .args([
            "integrations",
            "plan",
            dir.join("guggy.toml").to_str().unwrap(),
        ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stdout.contains("\n    token: (changed)\n"),
        "{}",
        run.stdout
    );
    assert_no_secrets(&run, &[GUGGY_TOKEN, "rotated-token"]);
}

#[test]
fn prune_removes_what_no_file_describes_within_the_filters() {
    let env = TestEnv::new();
    let fake = populated(V6);
    let dir = export_from(&env, &fake);
    std::fs::remove_file(dir.join("ci-notices.toml")).unwrap();
    let plan = |extra: &[&str]| {
        run(against_with_token(&env, &fake)
            .args(["integrations", "plan", dir.to_str().unwrap()])
            .args(extra))
    };

    let pruned = plan(&["--prune"]);
    let outgoing_only = plan(&["--prune", "-t", "outgoing"]);
    let no_prune = plan(&["-t", "incoming"]);

    assert_eq!(pruned.code, 0, "{pruned:#?}");
    assert!(
        pruned.stdout.contains(&format!(
            "- remove webhook-incoming \"CI notices\" {CI_ID}\n"
        )),
        "{}",
        pruned.stdout
    );
    assert_eq!(
        summary(&pruned),
        "Plan: 0 to create, 0 to update, 1 to remove, 1 unchanged."
    );
    assert_eq!(
        summary(&outgoing_only),
        "Plan: 0 to create, 0 to update, 0 to remove, 1 unchanged."
    );
    assert_eq!(
        no_prune.stderr,
        "warning: FILTERS select what --prune removes; without --prune they change nothing\n"
    );
    assert_eq!(writes(&fake), 0);
}

#[test]
fn two_integrations_of_one_name_fail_that_file_with_exit_7() {
    let env = TestEnv::new();
    let mut twin = guggy();
    twin["_id"] = json!("twinAAAAAAAAAAAAA");
    let fake = server(V8, vec![guggy(), twin, ci_notices()]);
    let dir = exported(&env);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("guggy.toml"),
        "type = \"webhook-outgoing\"\nname = \"Guggy\"\nenabled = false\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("ci.toml"),
        "type = \"webhook-incoming\"\nname = \"CI notices\"\nenabled = false\n",
    )
    .unwrap();

    let run =
        run(against_with_token(&env, &fake).args(["integrations", "plan", dir.to_str().unwrap()]));

    assert_eq!(run.code, 7, "{run:#?}");
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot plan {}: 2 webhook-outgoing integrations on the server are named \
             \"Guggy\" ({GUGGY_ID}, twinAAAAAAAAAAAAA): pin the one this file describes with \
             `_id = \"…\"`\n",
            dir.join("guggy.toml").display()
        )
    );
    assert!(
        run.stdout.starts_with(&format!(
            "~ update webhook-incoming \"CI notices\" {CI_ID} ({})\n    enabled: true → false\n",
            dir.join("ci.toml").display()
        )),
        "the other file is still planned: {}",
        run.stdout
    );
}

#[test]
fn an_id_of_the_other_type_is_not_a_match() {
    let env = TestEnv::new();
    let fake = server(V8, vec![ci_notices()]);
    let dir = exported(&env);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hook.toml");
    std::fs::write(&file, outgoing_pinned_to(CI_ID, "t")).unwrap();

    let run =
        run(against_with_token(&env, &fake).args(["integrations", "plan", file.to_str().unwrap()]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        run.stdout,
        format!(
            "+ create webhook-outgoing \"CI notices\" ({})\n\
             Plan: 1 to create, 0 to update, 0 to remove, 0 unchanged.\n",
            file.display()
        )
    );
    assert_eq!(
        run.stderr,
        format!(
            "warning: {}: `_id` {CI_ID} is a webhook-incoming integration on the server, not \
             webhook-outgoing: not a match\n",
            file.display()
        )
    );
}

#[test]
fn a_post_as_user_a_6x_server_would_ignore_is_named_not_planned() {
    let env = TestEnv::new();
    let file = env.dir.path().join("ci.toml");
    std::fs::write(
        &file,
        "type = \"webhook-incoming\"\nname = \"CI notices\"\nusername = \"bob\"\n",
    )
    .unwrap();
    let on = |version| {
        let fake = server(version, vec![ci_notices()]);
        run(against_with_token(&env, &fake).args(["integrations", "plan", file.to_str().unwrap()]))
    };

    let band_c = on(V6);
    let band_f = on(V8);

    assert_eq!(band_c.code, 0, "{band_c:#?}");
    assert_eq!(
        band_c.stderr,
        format!(
            "warning: {}: `username` was left as it is: Rocket.Chat 6.14 ignores an incoming \
             webhook's post-as user on update (from 7.4 on it is saved)\n",
            file.display()
        )
    );
    assert_eq!(
        summary(&band_c),
        "Plan: 0 to create, 0 to update, 0 to remove, 1 unchanged."
    );
    assert!(
        band_f
            .stdout
            .contains("\n    username: \"rocket.cat\" → \"bob\"\n"),
        "{}",
        band_f.stdout
    );
}

/// A mock for every request, expected never: proves nothing was sent.
fn forbid_everything(env: &mut TestEnv) -> Vec<Mock> {
    ["GET", "POST", "PUT"]
        .iter()
        .map(|method| {
            env.server
                .mock(method, Matcher::Any)
                .with_status(500)
                .expect(0)
                .create()
        })
        .collect()
}

const WHOLE_INCOMING: &str = "type = \"webhook-incoming\"\nname = \"CI\"\nenabled = true\n\
     username = \"rocket.cat\"\nchannel = [\"#ops\"]\nscriptEnabled = false\n";

#[test]
fn every_bad_file_is_exit_3_and_nothing_is_sent() {
    let cases: [(&str, String, &str); 8] = [
        (
            "syntax",
            "type = \"webhook-incoming\"\nname = \"CI\n".to_owned(),
            ":2:11: invalid TOML: invalid basic string, expected `\"`",
        ),
        (
            "unknown key",
            format!("{WHOLE_INCOMING}colour = \"red\"\n"),
            ":7:1: unknown key `colour` for a webhook-incoming integration (it takes _id, type, \
             name, enabled, username, channel, scriptEnabled, script, alias, avatar, emoji, \
             overrideDestinationChannelEnabled, scriptEngine)",
        ),
        (
            "missing type",
            "name = \"CI\"\nenabled = true\n".to_owned(),
            ": missing `type`: every file needs `type = \"webhook-incoming\"` or \
             `type = \"webhook-outgoing\"`",
        ),
        (
            "missing name",
            "type = \"webhook-incoming\"\nenabled = true\n".to_owned(),
            ": missing `name`: every file needs the integration's name",
        ),
        (
            "wrong value type",
            WHOLE_INCOMING.replace("enabled = true", "enabled = \"yes\""),
            ":3:11: `enabled` must be true or false, not a string (\"yes\")",
        ),
        (
            "missing script file",
            format!("{WHOLE_INCOMING}script = {{ file = \"gone.js\" }}\n"),
            ":7:19: `script` is in ",
        ),
        (
            "unset token variable",
            "type = \"webhook-outgoing\"\nname = \"G\"\ntoken = { env = \"RCCTL_TOKEN_NOT_SET\" }\n"
                .to_owned(),
            ":3:17: `token` is read from the environment variable RCCTL_TOKEN_NOT_SET, which is \
             not set: set it to the webhook's token (in CI, from the secret store)",
        ),
        (
            "incoming token",
            format!("{WHOLE_INCOMING}token = \"x\"\n"),
            ":7:1: an incoming webhook's `token` is made by the server and cannot be set: \
             remove it",
        ),
    ];
    for (case, text, expected) in cases {
        let mut env = TestEnv::new();
        let nothing = forbid_everything(&mut env);
        let file = env.dir.path().join("hook.toml");
        std::fs::write(&file, &text).unwrap();
        let path = file.to_str().unwrap();

        let plan = run(env.ci().args(["integrations", "plan", path]));
        let apply = run(env.ci().args(["integrations", "apply", "--yes", path]));

        for run in [&plan, &apply] {
            assert_eq!(run.code, 3, "{case}: {run:#?}");
            assert_eq!(run.stdout, "", "{case}");
            let line = run.stderr.lines().next().unwrap_or_default();
            assert!(
                line.starts_with(&format!("error: {path}{expected}")),
                "{case}: {}",
                run.stderr
            );
            assert_eq!(run.stderr.lines().count(), 1, "{case}: {}", run.stderr);
        }
        for mock in nothing {
            mock.assert();
        }
    }
}

#[test]
fn every_problem_of_every_file_is_reported_at_once() {
    let mut env = TestEnv::new();
    let nothing = forbid_everything(&mut env);
    let dir = env.dir.path().join("integrations");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.toml"), "name = 3\n").unwrap();
    std::fs::write(dir.join("b.toml"), WHOLE_INCOMING).unwrap();
    std::fs::write(
        dir.join("c.toml"),
        format!("{WHOLE_INCOMING}event = \"x\"\n"),
    )
    .unwrap();

    let run = run(env
        .ci()
        .args(["--json", "integrations", "plan", dir.to_str().unwrap()]));

    assert_eq!(run.code, 3, "{run:#?}");
    let errors = run.stderr_json();
    let messages: Vec<&str> = errors
        .iter()
        .map(|error| error["error"]["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].contains("a.toml: missing `type`"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("a.toml:1:8: `name` must be a string"),
        "{messages:?}"
    );
    assert!(
        messages[2].contains("c.toml:7:1: unknown key `event`"),
        "{messages:?}"
    );
    assert!(
        errors
            .iter()
            .all(|error| error["error"]["code"] == "config")
    );
    assert_eq!(errors[0]["error"]["exit_code"], Value::from(3));
    for mock in nothing {
        mock.assert();
    }
}

/// `s` as a TOML basic string, escapes and all.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// docs/contract.md §7.1-7.2: `script` may be an inline string, and "a
/// script compares its text".
#[test]
fn an_inline_script_equal_to_the_servers_is_unchanged() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = exported(&env);
    std::fs::create_dir_all(&dir).unwrap();
    let same = dir.join("same.toml");
    std::fs::write(
        &same,
        format!(
            "type = \"webhook-outgoing\"\nname = \"Guggy\"\nscript = {}\n",
            toml_string(GUGGY_SCRIPT)
        ),
    )
    .unwrap();
    let other = env.dir.path().join("other.toml");
    std::fs::write(
        &other,
        format!(
            "type = \"webhook-outgoing\"\nname = \"Guggy\"\nscript = {}\n",
            toml_string(&GUGGY_SCRIPT.replace("return request;", "return null;"))
        ),
    )
    .unwrap();

    let unchanged = run(against_with_token(&env, &fake).args([
        "integrations",
        "plan",
        "--exit-code",
        same.to_str().unwrap(),
    ]));
    let changed = run(against_with_token(&env, &fake).args([
        "integrations",
        "plan",
        other.to_str().unwrap(),
    ]));

    assert_eq!(unchanged.code, 0, "{unchanged:#?}");
    assert_eq!(
        unchanged.stdout,
        format!(
            "= unchanged webhook-outgoing \"Guggy\" {GUGGY_ID} ({})\n\
             Plan: 0 to create, 0 to update, 0 to remove, 1 unchanged.\n",
            same.display()
        )
    );
    assert_eq!(changed.code, 0, "{changed:#?}");
    assert!(
        changed.stdout.contains("\n    script:\n")
            && changed.stdout.contains("\n      -\treturn request;\n")
            && changed.stdout.contains("\n      +\treturn null;\n"),
        "{}",
        changed.stdout
    );
    assert_eq!(
        summary(&changed),
        "Plan: 0 to create, 1 to update, 0 to remove, 0 unchanged."
    );
    assert_eq!(writes(&fake), 0);
}

/// docs/contract.md §7.2: "arrays compare in order".
#[test]
fn a_reordered_channel_array_is_an_update() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let file = env.dir.path().join("ci.toml");
    std::fs::write(
        &file,
        "type = \"webhook-incoming\"\nname = \"CI notices\"\nchannel = [\"@bob\", \"#ops\"]\n",
    )
    .unwrap();

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "plan",
        "--exit-code",
        file.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 11, "{run:#?}");
    assert_eq!(
        run.stdout,
        format!(
            "~ update webhook-incoming \"CI notices\" {CI_ID} ({})\n    \
             channel: [\"#ops\",\"@bob\"] → [\"@bob\",\"#ops\"]\n\
             Plan: 0 to create, 1 to update, 0 to remove, 0 unchanged.\n",
            file.display()
        )
    );
    assert_eq!(writes(&fake), 0);
}

/// docs/contract.md §7.2: `plan PATH...`, each a file or a directory.
#[test]
fn several_paths_are_all_planned() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let guggy_dir = env.dir.path().join("outgoing");
    std::fs::create_dir_all(&guggy_dir).unwrap();
    std::fs::write(
        guggy_dir.join("guggy.toml"),
        "type = \"webhook-outgoing\"\nname = \"Guggy\"\nenabled = false\n",
    )
    .unwrap();
    let ci = env.dir.path().join("ci.toml");
    std::fs::write(
        &ci,
        "type = \"webhook-incoming\"\nname = \"CI notices\"\nalias = \"Builds\"\n",
    )
    .unwrap();

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "plan",
        guggy_dir.to_str().unwrap(),
        ci.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    let guggy_line = format!(
        "~ update webhook-outgoing \"Guggy\" {GUGGY_ID} ({})\n    enabled: true → false\n",
        guggy_dir.join("guggy.toml").display()
    );
    let ci_line = format!(
        "~ update webhook-incoming \"CI notices\" {CI_ID} ({})\n    alias: \"CI\" → \"Builds\"\n",
        ci.display()
    );
    assert!(run.stdout.contains(&guggy_line), "{}", run.stdout);
    assert!(run.stdout.contains(&ci_line), "{}", run.stdout);
    assert_eq!(
        summary(&run),
        "Plan: 0 to create, 2 to update, 0 to remove, 0 unchanged."
    );
}

/// docs/contract.md §7.2: a directory gives "its `*.toml`, not recursive".
#[test]
fn a_nested_directory_is_not_read() {
    let env = TestEnv::new();
    let fake = populated(V8);
    let dir = export_from(&env, &fake);
    let nested = dir.join("old");
    std::fs::create_dir_all(&nested).unwrap();
    // Read, either would fail the plan: one is not TOML, one names no type.
    std::fs::write(nested.join("broken.toml"), "this is = = not toml\n").unwrap();
    std::fs::write(nested.join("partial.toml"), "name = \"Guggy\"\n").unwrap();

    let run = run(against_with_token(&env, &fake).args([
        "integrations",
        "plan",
        "--exit-code",
        dir.to_str().unwrap(),
    ]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        summary(&run),
        "Plan: 0 to create, 0 to update, 0 to remove, 2 unchanged."
    );
    assert!(!run.stdout.contains("old"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
}
