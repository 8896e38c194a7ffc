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
