//! Output rules of docs/contract.md §4 that hold for every command.

use crate::support::*;

fn hostile_body() -> String {
    fixture("integration-outgoing.json")
        .replace("Testing via REST API", "evil\\u001b[31mred\\nname\\u202e")
}

#[test]
fn control_characters_from_the_server_are_escaped_in_tables() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &hostile_body());

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(!run.stdout.contains('\u{202e}'), "{:?}", run.stdout);
    assert!(
        run.stdout.contains("evil\\u{1b}[31mred\\nname\\u{202e}"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_output_keeps_server_strings_as_json_escapes() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &hostile_body());

    let run = run(env
        .ci()
        .args(["integrations", "get", "--json", OUTGOING_ID]));

    get.assert();
    assert!(!run.stdout.contains('\u{1b}'));
    assert_eq!(
        run.json_lines()[0]["name"],
        "evil\u{1b}[31mred\nname\u{202e}"
    );
}

#[test]
fn no_box_drawing_or_colour_off_a_terminal() {
    let mut env = TestEnv::new();
    let get = env.mock_found(OUTGOING_ID, &fixture("integration-outgoing.json"));

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert!(!run.stdout.contains('\u{1b}'), "no ANSI escapes");
    assert!(
        !run.stdout
            .chars()
            .any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "no box drawing"
    );
    assert!(
        run.stdout.lines().all(|line| line == line.trim_end()),
        "no trailing blanks"
    );
}

#[test]
fn several_removals_print_one_row_each_for_people() {
    let mut env = TestEnv::new();
    let mut mocks = Vec::new();
    for (id, name) in [
        ("rowAAAAAAAAAAAAAA", "first hook"),
        ("rowBBBBBBBBBBBBBB", "second hook"),
    ] {
        let body = outgoing_body(id, name);
        mocks.extend(env.mock_removable("webhook-outgoing", id, &body));
    }

    let run = run(env.ci().args([
        "integrations",
        "remove",
        "--no-backup",
        "rowAAAAAAAAAAAAAA",
        "rowBBBBBBBBBBBBBB",
    ]));

    for mock in &mocks {
        mock.assert();
    }
    assert_eq!(run.code, 0);
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(lines[1].starts_with("rowAAAAAAAAAAAAAA") && lines[1].contains("first hook"));
    assert!(lines[2].starts_with("rowBBBBBBBBBBBBBB") && lines[2].contains("second hook"));
    assert_eq!(
        run.stderr,
        "removed webhook-outgoing integration rowAAAAAAAAAAAAAA (first hook)\n\
         removed webhook-outgoing integration rowBBBBBBBBBBBBBB (second hook)\n\
         removed 2\n"
    );
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    let env = TestEnv::new();
    let help = run(env.rcctl().arg("--help"));
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("integrations"));
    let version = run(env.rcctl().arg("--version"));
    assert_eq!(version.code, 0);
    assert_eq!(
        version.stdout,
        format!("rcctl {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_arguments_are_exit_2() {
    let env = TestEnv::new();
    let run = run(env
        .rcctl()
        .args(["integrations", "remove", "--frobnicate", "x"]));
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    use std::process::Stdio;
    let mut env = TestEnv::new();
    let list = env
        .server
        .mock("GET", "/api/v1/integrations.list")
        .match_query(mockito::Matcher::Any)
        .with_header("content-type", "application/json")
        .with_body(
            serde_json::json!({
                "integrations": (0..60).map(|i| serde_json::json!({"_id": format!("id{i}"), "type": "webhook-incoming", "name": "x".repeat(2000)})).collect::<Vec<_>>(),
                "total": 60, "success": true
            })
            .to_string(),
        )
        .create();
    let mut child = env
        .ci()
        .args(["integrations", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, like `| head -0`
    let output = child.wait_with_output().unwrap();
    list.assert();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[cfg(unix)]
#[test]
fn a_terminal_gets_box_drawing_and_colour_but_not_under_no_color() {
    let mut env = TestEnv::new();
    let get = env.mock_found_times(OUTGOING_ID, &fixture("integration-outgoing.json"), 2);

    let args = format!("integrations get {OUTGOING_ID}");
    let fancy = env.on_a_terminal(&args, &[], &[]);
    let plain = env.on_a_terminal(&args, &[("NO_COLOR", "1")], &[]);
    assert_eq!((fancy.code, plain.code), (0, 0));
    let (fancy, plain) = (fancy.stdout, plain.stdout);

    get.assert();
    let boxed = |text: &str| text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c));
    assert!(boxed(&fancy), "{fancy}");
    assert!(fancy.contains("\u{1b}["), "colour on a terminal: {fancy:?}");
    assert!(fancy.contains("Testing via REST API"));
    assert!(!boxed(&plain), "{plain}");
    assert!(!plain.contains("\u{1b}["), "NO_COLOR: {plain:?}");
    assert!(plain.contains("Testing via REST API"));
}

/// A listing of two integrations: `a1` outgoing, `a2` incoming.
fn two_listed(env: &mut TestEnv) -> mockito::Mock {
    let docs: Vec<serde_json::Value> = [
        ("a1", "integration-outgoing.json"),
        ("a2", "integration-incoming.json"),
    ]
    .iter()
    .map(|(id, name)| {
        let mut body: serde_json::Value = serde_json::from_str(&fixture(name)).unwrap();
        body["integration"]["_id"] = serde_json::json!(id);
        body["integration"].take()
    })
    .collect();
    env.mock_list(&docs)
}

#[test]
fn output_id_prints_one_id_per_line() {
    let mut env = TestEnv::new();
    let list = two_listed(&mut env);
    let run = run(env.ci().args(["integrations", "list", "-o", "id"]));
    list.assert();
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stdout, "a1\na2\n");
}

#[test]
fn output_ndjson_prints_one_object_per_line_and_json_one_array() {
    let mut env = TestEnv::new();
    let list = two_listed(&mut env).expect(3);

    let ndjson = run(env.ci().args(["integrations", "list", "-o", "ndjson"]));
    let json = run(env.ci().args(["integrations", "list", "-o", "json"]));
    let legacy = run(env.ci().args(["integrations", "list", "--json"]));

    list.assert();
    let objects = ndjson.json_lines();
    assert_eq!(objects.len(), 2, "{}", ndjson.stdout);
    assert_eq!(objects[0]["_id"], "a1");
    assert_eq!(objects[1]["token"], "[redacted]");
    assert_eq!(json.stdout_lines().len(), 1);
    assert_eq!(json.stdout, legacy.stdout, "--json is -o json");
}

#[test]
fn output_wide_adds_the_other_columns() {
    let mut env = TestEnv::new();
    let list = two_listed(&mut env).expect(2);
    let table = run(env.ci().args(["integrations", "list"]));
    let wide = run(env.ci().args(["integrations", "list", "-o", "wide"]));
    list.assert();
    let header = |run: &Run| run.stdout_lines()[0].to_owned();
    assert!(!header(&table).contains("POST AS"), "{}", table.stdout);
    assert!(header(&wide).contains("POST AS"), "{}", wide.stdout);
    assert!(header(&wide).contains("TRIGGER WORDS"), "{}", wide.stdout);
}

#[test]
fn output_id_of_records_without_ids_is_a_usage_error() {
    let env = TestEnv::new().with_profile();
    let run = run(env.rcctl().args(["auth", "list", "-o", "id"]));
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("`-o id` prints IDs"), "{}", run.stderr);
}

#[test]
fn json_and_another_output_format_conflict() {
    let env = TestEnv::new();
    let run = run(env
        .rcctl()
        .args(["integrations", "list", "--json", "-o", "table"]));
    assert_eq!(run.code, 2, "{run:#?}");
}

#[test]
fn listed_ids_piped_into_remove_remove_exactly_those() {
    use crate::fake_rocketchat::{FakeRocketChat, Options, incoming_doc, outgoing_doc};
    let env = TestEnv::new();
    let fake = FakeRocketChat::start(Options {
        docs: vec![
            outgoing_doc("stgAAAAAAAAAAAAAA", "staging-api"),
            incoming_doc("stgBBBBBBBBBBBBBB", "staging-web"),
            outgoing_doc("prdCCCCCCCCCCCCCC", "production-api"),
        ],
        ..Options::default()
    });
    let mut pipeline = shell(
        &env.ci_against(&fake),
        "rcctl integrations list -o id --name staging- | rcctl integrations remove -",
    );

    let run = run(&mut pipeline);

    assert_eq!(run.code, 0, "{run:#?}");
    let mut removed = fake.removed();
    removed.sort();
    assert_eq!(removed, ["stgAAAAAAAAAAAAAA", "stgBBBBBBBBBBBBBB"]);
    assert!(fake.contains("prdCCCCCCCCCCCCCC"));
    assert!(run.stderr.ends_with("removed 2\n"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn error_and_warning_prefixes_are_coloured_on_a_terminal_only() {
    let mut env = TestEnv::new();
    let get = env
        .mock_get(OUTGOING_ID, 400, &fixture("get-not-found.json"))
        .expect(3)
        .create();
    let args = format!("integrations get {OUTGOING_ID}");

    let terminal = env.on_a_terminal(&args, &[], &[]);
    let no_color = env.on_a_terminal(&args, &[("NO_COLOR", "1")], &[]);
    let piped = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!((terminal.code, no_color.code, piped.code), (6, 6, 6));
    assert!(
        terminal
            .stdout
            .contains("\u{1b}[1m\u{1b}[31merror:\u{1b}[0m cannot read"),
        "bold red, as clap's: {:?}",
        terminal.stdout
    );
    assert!(
        no_color.stdout.contains("\nerror: cannot read")
            || no_color.stdout.starts_with("error: cannot read"),
        "{:?}",
        no_color.stdout
    );
    assert!(!no_color.stdout.contains('\u{1b}'), "{:?}", no_color.stdout);
    assert!(
        piped.stderr.starts_with("error: cannot read"),
        "{}",
        piped.stderr
    );
}
