//! Paging through `integrations.list` (docs/contract.md §3.3): the first page
//! tells the total, then up to `--parallel` pages are in flight, assembled in
//! order; a server that ignores `offset` is refused, one without `total` is
//! read page after page.

use std::time::Duration;

use serde_json::Value;

use crate::fake_rocketchat::{FakeRocketChat, ListQuirk, Options, outgoing_doc};
use crate::support::*;

fn ids(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("hook{i:05}")).collect()
}

fn fake(count: usize, options: Options) -> FakeRocketChat {
    FakeRocketChat::start(Options {
        docs: ids(count).iter().map(|id| outgoing_doc(id, id)).collect(),
        ..options
    })
}

fn listed(run: &Run) -> Vec<String> {
    let docs: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    docs.iter()
        .map(|doc| doc["_id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn list_reads_the_pages_after_the_first_at_once_and_keeps_their_order() {
    let env = TestEnv::new();
    // Slow enough that pages requested together are in flight together.
    let fake = fake(
        350,
        Options {
            delay: Duration::from_millis(40),
            ..Options::default()
        },
    );

    let run =
        run(env
            .ci_against(&fake)
            .args(["integrations", "list", "--json", "--parallel", "4"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        listed(&run),
        ids(350),
        "every integration once, in page order"
    );
    assert_eq!(fake.requests("integrations.list"), 4, "⌈350 / 100⌉ pages");
    assert_eq!(fake.max_in_flight(), 3, "pages 2-4 were in flight together");
}

#[test]
fn list_with_parallel_1_reads_one_page_at_a_time() {
    let env = TestEnv::new();
    let fake = fake(
        250,
        Options {
            delay: Duration::from_millis(20),
            ..Options::default()
        },
    );

    let run =
        run(env
            .ci_against(&fake)
            .args(["integrations", "list", "--json", "--parallel", "1"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(listed(&run), ids(250));
    assert_eq!(fake.requests("integrations.list"), 3);
    assert_eq!(fake.max_in_flight(), 1);
}

#[test]
fn a_server_that_ignores_offset_is_refused_not_listed_twice() {
    let env = TestEnv::new();
    let fake = fake(
        250,
        Options {
            list_quirk: ListQuirk::IgnoresOffset,
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "list", "--json"]));

    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains("it seems to ignore `offset`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_server_without_total_is_read_page_after_page_until_a_short_one() {
    let env = TestEnv::new();
    let fake = fake(
        230,
        Options {
            list_quirk: ListQuirk::NoTotal,
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "list", "--json"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(listed(&run), ids(230));
    assert_eq!(fake.requests("integrations.list"), 3);
    assert_eq!(
        fake.max_in_flight(),
        1,
        "without a total nothing can go ahead"
    );
}

#[test]
fn a_listing_under_a_rate_limit_still_reads_every_page() {
    let env = TestEnv::new();
    let fake = fake(
        600,
        Options {
            rate_limit: Some((3, Duration::from_millis(400))),
            ..Options::default()
        },
    );

    let run =
        run(env
            .ci_against(&fake)
            .args(["integrations", "list", "--json", "--parallel", "4"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(listed(&run), ids(600));
}

/// `remove` of `ids` (and nothing else) against `fake`, as JSON lines.
fn remove(env: &TestEnv, fake: &FakeRocketChat, ids: &[String]) -> Run {
    run(env
        .ci_against(fake)
        .args(["integrations", "remove", "--json", "--no-backup"])
        .args(ids))
}

#[test]
fn a_batch_reads_the_list_once_instead_of_each_integration() {
    let env = TestEnv::new();
    let fake = fake(250, Options::default());
    let batch: Vec<String> = ids(250).into_iter().step_by(10).collect();

    let run = remove(&env, &fake, &batch);

    assert_eq!(run.code, 0, "{run:#?}");
    let removed: Vec<Value> = run
        .json_lines()
        .iter()
        .map(|doc| doc["_id"].clone())
        .collect();
    assert_eq!(removed, batch, "every ID, in input order");
    assert_eq!(
        fake.requests("integrations.list"),
        3,
        "the whole list, once"
    );
    assert_eq!(fake.requests("integrations.get"), 0, "no read per ID");
    assert_eq!(fake.requests("integrations.remove"), batch.len());
}

#[test]
fn an_id_the_list_lacks_is_still_read_on_its_own() {
    let env = TestEnv::new();
    let fake = fake(120, Options::default());
    let mut batch: Vec<String> = ids(120).into_iter().take(12).collect();
    batch.insert(3, "gone0000000000001".to_owned());

    let run = remove(&env, &fake, &batch);

    // Not found is told apart exactly as without the list: by integrations.get.
    assert_eq!(run.code, 6, "{run:#?}");
    assert!(
        run.stderr
            .contains("cannot remove integration gone0000000000001"),
        "{}",
        run.stderr
    );
    assert_eq!(fake.requests("integrations.get"), 1);
    assert_eq!(fake.requests("integrations.remove"), 12);
}

#[test]
fn a_long_list_is_not_read_for_a_few_ids_beyond_its_first_page() {
    let env = TestEnv::new();
    // 20 pages: reading 19 more costs more than 12 single reads.
    let fake = fake(2_000, Options::default());
    let batch: Vec<String> = ids(2_000).into_iter().rev().take(12).collect();

    let run = remove(&env, &fake, &batch);

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(fake.requests("integrations.list"), 1, "the first page only");
    assert_eq!(fake.requests("integrations.get"), 12);
    assert_eq!(fake.requests("integrations.remove"), 12);
}

#[test]
fn a_list_the_caller_may_not_read_falls_back_to_one_read_per_id() {
    let mut env = TestEnv::new();
    let list = env
        .server
        .mock("GET", "/api/v1/integrations.list")
        .match_query(mockito::Matcher::Any)
        .with_status(403)
        .with_header("content-type", "application/json")
        .with_body(fixture("403-band-d.json"))
        .expect(1)
        .create();
    let batch: Vec<String> = (0..10).map(|i| format!("{OUTGOING_ID}{i}")).collect();
    let mocks: Vec<_> = batch
        .iter()
        .map(|id| env.mock_removable("webhook-outgoing", id, &outgoing_body(id, id)))
        .collect();

    let run = run(env
        .ci()
        .args(["integrations", "remove", "--json", "--no-backup"])
        .args(&batch));

    list.assert();
    for mock in mocks.iter().flatten() {
        mock.assert();
    }
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.json_lines().len(), 10);
}

#[test]
fn list_without_parallel_has_four_pages_in_flight() {
    let env = TestEnv::new();
    // docs/contract.md §3.3: `--parallel N` defaults to 4, as for `remove`.
    let fake = fake(
        1_000,
        Options {
            delay: Duration::from_millis(40),
            ..Options::default()
        },
    );

    let run = run(env
        .ci_against(&fake)
        .args(["integrations", "list", "--json"]));

    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(listed(&run), ids(1_000));
    assert_eq!(fake.requests("integrations.list"), 10, "⌈1000 / 100⌉ pages");
    assert_eq!(
        fake.max_in_flight(),
        4,
        "the default --parallel: 4 of the 9 later pages at once"
    );
}

#[test]
fn remove_without_parallel_has_at_most_four_requests_in_flight() {
    let env = TestEnv::new();
    // docs/contract.md §3.1: `--parallel N`, default 4. Eight IDs: below the
    // batch size that reads the list, so each is read, then removed.
    let fake = fake(
        8,
        Options {
            delay: Duration::from_millis(40),
            ..Options::default()
        },
    );
    let batch = ids(8);

    let run = remove(&env, &fake, &batch);

    assert_eq!(run.code, 0, "{run:#?}");
    let removed: Vec<Value> = run
        .json_lines()
        .iter()
        .map(|doc| doc["_id"].clone())
        .collect();
    assert_eq!(removed, batch, "every ID, in input order");
    assert_eq!(fake.requests("integrations.remove"), 8);
    let peak = fake.max_in_flight();
    assert!(peak <= 4, "at most the default 4 in flight, saw {peak}");
    assert!(peak >= 2, "requests overlapped by default, saw {peak}");
}

/// Below ten distinct IDs each is read on its own, however often it is given.
#[test]
fn fewer_than_ten_distinct_ids_read_no_list() {
    let env = TestEnv::new();
    let fake = fake(20, Options::default());
    let nine = ids(9);
    let five_twice: Vec<String> = ids(5).into_iter().chain(ids(5)).collect();

    let first = remove(&env, &fake, &nine);
    fake.reset();
    let second = remove(&env, &fake, &five_twice);

    assert_eq!((first.code, second.code), (0, 0), "{first:#?} {second:#?}");
    assert_eq!(fake.requests("integrations.list"), 0, "no list read");
    assert_eq!(fake.requests("integrations.get"), 9 + 5);
    assert_eq!(fake.requests("integrations.remove"), 9 + 5);
}

/// The preflight under faults (docs/contract.md §6): the documents a batch
/// takes from the list are guarded, backed up and audited exactly as read ones.
mod preflight_under_faults {
    use super::*;
    use crate::fake_rocketchat::faults::{Fault, FaultPlan};
    use crate::fake_rocketchat::incoming_doc;

    /// A listed integration of the other type is refused (exit 7) and stays;
    /// the list told its type, so nothing is read on its own.
    #[test]
    fn a_listed_integration_of_the_other_type_is_refused_and_kept() {
        let env = TestEnv::new();
        let mut docs: Vec<Value> = ids(12).iter().map(|id| outgoing_doc(id, id)).collect();
        docs[4] = incoming_doc("hook00004", "hook00004");
        let fake = FakeRocketChat::start(Options {
            docs,
            ..Options::default()
        });
        let batch = ids(12);

        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "remove", "-t", "outgoing", "--json"])
            .args(&batch));

        assert_eq!(run.code, 7, "{run:#?}");
        assert!(fake.contains("hook00004"), "the incoming one stays");
        assert_eq!(fake.removed().len(), 11, "{run:#?}");
        assert_eq!(fake.requests("integrations.list"), 1);
        assert_eq!(fake.requests("integrations.get"), 0);
        assert_eq!(
            fake.requests("integrations.remove"),
            11,
            "never sent for it"
        );
        assert!(run.stderr.contains("hook00004"), "{}", run.stderr);
        let audit = audit_lines(&env);
        assert_eq!(
            audit.len(),
            11,
            "a line per removal sent, none for the refused"
        );
        assert_eq!(backup_files(&data_dir(&env)).len(), 11);
    }

    /// A list that cannot be read (the connection drops) costs nothing but
    /// its request: every ID is then read on its own, and removed once.
    #[test]
    fn a_list_that_fails_falls_back_to_reading_each_id() {
        let env = TestEnv::new();
        let fake = fake(
            12,
            Options {
                faults: vec![FaultPlan::once(
                    "integrations.list",
                    Fault::DropWithoutActing,
                )],
                ..Options::default()
            },
        );
        let batch = ids(12);

        let run = remove(&env, &fake, &batch);

        assert_eq!(run.code, 0, "{run:#?}");
        assert_eq!(run.json_lines().len(), 12);
        assert_eq!(fake.requests("integrations.list"), 1, "not retried");
        assert_eq!(fake.requests("integrations.get"), 12);
        assert_eq!(fake.requests("integrations.remove"), 12, "each once");
        let mut removed = fake.removed();
        removed.sort();
        assert_eq!(removed, batch, "four at a time: in any order");
    }

    /// A removal of a listed document whose answer is a gateway's 502 may
    /// have been carried out: the re-read finds it still there, so it is
    /// unknown (exit 9), its backup is kept and its audit line says so.
    #[test]
    fn an_unclear_removal_of_a_listed_document_is_unknown_with_its_backup() {
        let env = TestEnv::new();
        let fake = fake(
            12,
            Options {
                faults: vec![FaultPlan::once(
                    "integrations.remove",
                    Fault::GatewayWithoutActing(502),
                )],
                ..Options::default()
            },
        );
        let batch = ids(12);

        let run = run(env
            .ci_against(&fake)
            .args(["integrations", "remove", "--json", "--parallel", "1"])
            .args(&batch));

        assert_eq!(run.code, 9, "{run:#?}");
        assert!(fake.contains("hook00000"), "the server did not act");
        assert_eq!(fake.removed().len(), 11);
        assert_eq!(fake.requests("integrations.list"), 1);
        assert_eq!(fake.requests("integrations.get"), 1, "the one re-read");
        assert_eq!(fake.requests("integrations.remove"), 12, "never re-sent");
        let audit = audit_lines(&env);
        assert_eq!(audit.len(), 12);
        assert_eq!(audit[0]["integration_id"], "hook00000");
        assert_eq!(audit[0]["result"], "unknown");
        let kept: Vec<Value> = backup_files(&data_dir(&env))
            .iter()
            .map(|path| serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
            .collect();
        assert_eq!(kept.len(), 12, "every removal sent has its backup");
        let first = kept
            .iter()
            .find(|backup| backup["integration"]["_id"] == "hook00000")
            .expect("the unclear one's backup");
        assert_eq!(first["integration"]["token"], "outgoing-secret");
    }
}
