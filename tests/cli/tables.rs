//! Tables for people (docs/contract.md §4.2): rows that fit a terminal of 80
//! or 120 columns with every ID whole, `-o wide` one line a row, plain
//! columns when piped, and `TERM=dumb` and `NO_COLOR` without boxes.

use serde_json::{Value, json};

use crate::fake_rocketchat::{FakeRocketChat, Options, incoming_doc, outgoing_doc};
use crate::support::*;

/// Thirty integrations with long names, channels and URLs; IDs of both
/// lengths Rocket.Chat makes (17 characters, and 24 for older ObjectIds).
fn long_integrations() -> (Vec<String>, Vec<Value>) {
    let mut ids = Vec::new();
    let mut docs = Vec::new();
    for i in 0..30 {
        let id = if i % 2 == 0 {
            format!("{i:02}NLthAt9RwMw39N2")
        } else {
            format!("{i:02}9ea5b72dd9f928ada3e43e")
        };
        let name = format!(
            "Deploy notifications for the staging environment of project number {i} and friends"
        );
        let mut doc = if i % 3 == 0 {
            incoming_doc(&id, &name)
        } else {
            outgoing_doc(&id, &name)
        };
        doc["channel"] = json!(["#deployments-and-release-coordination", "@release.manager"]);
        if i % 3 != 0 {
            doc["urls"] = json!([format!(
                "https://hooks.example.com/services/T0000/B0000/{}",
                "x".repeat(60)
            )]);
        }
        ids.push(id);
        docs.push(doc);
    }
    (ids, docs)
}

fn fake_with_long_integrations() -> (Vec<String>, FakeRocketChat) {
    let (ids, docs) = long_integrations();
    let fake = FakeRocketChat::start(Options {
        docs,
        ..Options::default()
    });
    (ids, fake)
}

/// The lines of the table that hold `id`.
fn rows_of<'a>(lines: &'a [String], id: &str) -> Vec<&'a String> {
    lines.iter().filter(|line| line.contains(id)).collect()
}

#[cfg(unix)]
#[test]
fn a_listing_fits_80_and_120_columns_with_every_id_whole() {
    let env = TestEnv::new();
    let (ids, fake) = fake_with_long_integrations();
    let url = fake.url();

    for columns in [80, 120] {
        let run = env.on_a_terminal_of(columns, "integrations list", &[("RCCTL_URL", &url)], &[]);

        assert_eq!(run.code, 0, "{run:#?}");
        let lines = screen_lines(&run.stdout);
        for line in &lines {
            assert!(
                line.chars().count() <= usize::from(columns),
                "wider than {columns}: {line:?}\n{}",
                lines.join("\n")
            );
        }
        for id in &ids {
            assert_eq!(rows_of(&lines, id).len(), 1, "{id} whole, on one line");
        }
        let header = lines
            .iter()
            .find(|line| line.contains("NAME"))
            .expect("a header");
        for column in ["ID", "TYPE", "NAME", "ENABLED", "CHANNELS"] {
            assert!(header.contains(column), "{column}: {header}");
        }
        for wide_only in ["POST AS", "CREATED", "URLS", "EVENT"] {
            assert!(!header.contains(wide_only), "{wide_only}: {header}");
        }
        assert!(
            rows_of(&lines, &ids[0])[0].contains("Deploy notif"),
            "{}",
            lines.join("\n")
        );
        assert!(run.stdout.contains('…'), "long names are shortened");
        assert!(run.stdout.contains('│'), "box drawing on a terminal");
    }
}

#[cfg(unix)]
#[test]
fn wide_adds_the_other_columns_and_keeps_each_row_on_one_line() {
    let env = TestEnv::new();
    let (ids, fake) = fake_with_long_integrations();

    let run = env.on_a_terminal_of(
        80,
        "integrations list -o wide",
        &[("RCCTL_URL", &fake.url())],
        &[],
    );

    assert_eq!(run.code, 0, "{run:#?}");
    let lines = screen_lines(&run.stdout);
    for column in [
        "POST AS",
        "CREATED AT",
        "CREATED BY",
        "EVENT",
        "URLS",
        "TRIGGER WORDS",
    ] {
        assert!(lines.iter().any(|line| line.contains(column)), "{column}");
    }
    for id in &ids {
        let rows = rows_of(&lines, id);
        assert_eq!(rows.len(), 1, "{id}: {rows:#?}");
        assert!(
            rows[0].contains("and friends"),
            "nothing shortened: {}",
            rows[0]
        );
    }
    assert!(!run.stdout.contains('…'));
    assert!(lines.iter().any(|line| line.chars().count() > 80));
}

#[cfg(unix)]
#[test]
fn dumb_terminals_and_no_color_get_plain_rows_that_still_fit() {
    let env = TestEnv::new();
    let (ids, fake) = fake_with_long_integrations();
    let url = fake.url();

    for setting in [("TERM", "dumb"), ("NO_COLOR", "1")] {
        let run = env.on_a_terminal_of(
            80,
            "integrations list",
            &[("RCCTL_URL", &url), setting],
            &[],
        );

        assert_eq!(run.code, 0, "{setting:?}: {run:#?}");
        assert!(!run.stdout.contains('\u{1b}'), "{setting:?}: no escapes");
        assert!(!run.stdout.contains('│'), "{setting:?}: no box drawing");
        let lines = screen_lines(&run.stdout);
        assert!(
            lines.iter().all(|line| line.chars().count() <= 80),
            "{setting:?}"
        );
        for id in &ids {
            assert_eq!(rows_of(&lines, id).len(), 1, "{setting:?}: {id}");
        }
        assert!(run.stdout.contains('…'), "{setting:?}: still shortened");
    }
}

#[test]
fn piped_rows_are_whole_plain_and_aligned() {
    let env = TestEnv::new();
    let (ids, fake) = fake_with_long_integrations();

    let run = run(env.ci_against(&fake).args(["integrations", "list"]));

    assert_eq!(run.code, 0, "{run:#?}");
    let lines = run.stdout_lines();
    assert_eq!(lines.len(), 31, "a header and a line a row");
    assert!(!run.stdout.contains('…') && !run.stdout.contains('│'));
    let name_at = lines[0].find("NAME").expect("a NAME column");
    for (line, id) in lines[1..].iter().zip(&ids) {
        assert!(line.starts_with(id.as_str()), "{line}");
        assert_eq!(line.find("Deploy"), Some(name_at), "aligned: {line}");
        assert!(line.contains("and friends"), "never shortened: {line}");
        assert_eq!(*line, line.trim_end());
    }
}

#[test]
fn a_piped_table_keeps_an_empty_first_cell_in_its_column() {
    let env = TestEnv::new();
    env.write_config(&format!(
        "default_profile = \"b\"\n\n[profiles.a]\nurl = \"{url}\"\n\n[profiles.b]\nurl = \"{url}\"\n",
        url = env.url()
    ));

    let run = run(env.rcctl().args(["auth", "list"]));

    assert_eq!(run.code, 0, "{run:#?}");
    let lines = run.stdout_lines();
    let profile_at = lines[0].find("PROFILE").expect("a PROFILE column");
    let a = lines
        .iter()
        .find(|line| line.contains(" a "))
        .expect("profile a");
    assert!(a.starts_with(' '), "the empty DEFAULT cell stays: {a:?}");
    assert_eq!(a.find('a'), Some(profile_at), "{}", run.stdout);
    let b = lines
        .iter()
        .find(|line| line.starts_with("yes"))
        .expect("b");
    assert_eq!(b.find('b'), Some(profile_at), "{}", run.stdout);
}
