//! Every error answer of docs/server-api.md §1.5, §2.5 and §3.1, in each
//! band, mapped to its exit code and JSON error object.

use serde_json::Value;

use crate::support::*;

/// One server answer to `integrations.remove` and what rcctl must make of it.
struct Row {
    name: &'static str,
    status: usize,
    body: String,
    exit: i32,
    code: &'static str,
}

fn row(name: &'static str, status: usize, body: String, exit: i32, code: &'static str) -> Row {
    Row {
        name,
        status,
        body,
        exit,
        code,
    }
}

/// Section 2.5, rows 1-13, with the body of each band where bands differ.
fn remove_rows() -> Vec<Row> {
    vec![
        row(
            "1 unauthenticated, bands C/D",
            401,
            fixture("401-band-c.json"),
            4,
            "auth",
        ),
        row(
            "1 unauthenticated, bands E/F",
            401,
            fixture("401-band-e.json"),
            4,
            "auth",
        ),
        row(
            "2 no permission, band C",
            403,
            fixture("403-band-c.json"),
            5,
            "forbidden",
        ),
        row(
            "2 no permission, bands D/E/F",
            403,
            fixture("403-band-d.json"),
            5,
            "forbidden",
        ),
        row(
            "3 missing type, bands C/D",
            400,
            fixture("remove-row3-band-c.json"),
            1,
            "error",
        ),
        row(
            "3 missing type, band F",
            400,
            fixture("remove-row3-band-f.json"),
            1,
            "error",
        ),
        row(
            "4 no id or url, bands C/D",
            400,
            fixture("remove-row4-band-c.json"),
            1,
            "error",
        ),
        row(
            "4 no id or url, band F",
            400,
            fixture("remove-row4-band-f.json"),
            1,
            "error",
        ),
        row(
            "5 bad type pattern, bands C/D",
            400,
            fixture("remove-row5-band-c.json"),
            1,
            "error",
        ),
        row(
            "6 id and url, bands C/D",
            400,
            fixture("remove-row6-band-c.json"),
            1,
            "error",
        ),
        row(
            "7 id not a string, bands C/D",
            400,
            fixture("remove-row7-band-c.json"),
            1,
            "error",
        ),
        row(
            "8 inexact type",
            400,
            fixture("remove-row8.json"),
            1,
            "error",
        ),
        row("9 empty id", 400, fixture("remove-row9.json"), 1, "error"),
        row(
            "10 no such integration",
            400,
            fixture("remove-row10.json"),
            6,
            "not_found",
        ),
        row(
            "11 not the creator",
            400,
            fixture("remove-row11-outgoing.json"),
            5,
            "forbidden",
        ),
        row(
            "12 no permission for the type",
            400,
            fixture("remove-row12-outgoing.json"),
            5,
            "forbidden",
        ),
        row(
            "13 rate limited",
            429,
            fixture("429.json"),
            8,
            "rate_limited",
        ),
    ]
}

fn server_error_of(body: &str) -> Option<Value> {
    let body: Value = serde_json::from_str(body).ok()?;
    body.get("error")
        .cloned()
        .or_else(|| body.get("message").cloned())
}

#[test]
fn every_remove_error_row_in_every_band_maps_to_its_exit_code() {
    for row in remove_rows() {
        let mut env = TestEnv::new();
        let [get, remove] = env.mock_outgoing_removal(row.status, &row.body);

        let run = run(env.ci().args([
            "--max-wait",
            "0",
            "integrations",
            "remove",
            "--json",
            "--no-backup",
            OUTGOING_ID,
        ]));

        get.assert();
        remove.assert();
        assert_eq!(run.code, row.exit, "row {}: {run:#?}", row.name);
        assert_eq!(run.stdout, "", "row {}", row.name);
        let errors = run.stderr_json();
        assert_eq!(errors.len(), 1, "row {}: {}", row.name, run.stderr);
        let error = &errors[0]["error"];
        assert_eq!(error["code"], row.code, "row {}", row.name);
        assert_eq!(error["exit_code"], row.exit, "row {}", row.name);
        assert_eq!(error["id"], OUTGOING_ID, "row {}", row.name);
        assert_eq!(error["http_status"], row.status, "row {}", row.name);
        assert_eq!(
            Some(error["server_error"].clone()),
            server_error_of(&row.body),
            "row {}",
            row.name
        );
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!("cannot remove integration {OUTGOING_ID} on ")),
            "row {}: {error}",
            row.name
        );
    }
}

#[test]
fn every_get_error_maps_to_its_exit_code() {
    let rows = [
        row(
            "unauthenticated, C/D",
            401,
            fixture("401-band-c.json"),
            4,
            "auth",
        ),
        row(
            "unauthenticated, E/F",
            401,
            fixture("401-band-e.json"),
            4,
            "auth",
        ),
        row(
            "not found",
            400,
            fixture("get-not-found.json"),
            6,
            "not_found",
        ),
        row(
            "not authorized (400)",
            400,
            fixture("get-not-authorized.json"),
            5,
            "forbidden",
        ),
        row("empty id", 400, fixture("get-empty-id.json"), 1, "error"),
        row(
            "missing id, C/D",
            400,
            fixture("get-missing-id-band-c.json"),
            1,
            "error",
        ),
        row(
            "missing id, F",
            400,
            fixture("get-missing-id-band-f.json"),
            1,
            "error",
        ),
        row("rate limited", 429, fixture("429.json"), 8, "rate_limited"),
    ];
    for row in rows {
        let mut env = TestEnv::new();
        let get = env.mock_get(OUTGOING_ID, row.status, &row.body).create();

        let run = run(env.ci().args([
            "--max-wait",
            "0",
            "integrations",
            "get",
            "--json",
            OUTGOING_ID,
        ]));

        get.assert();
        assert_eq!(run.code, row.exit, "{}: {run:#?}", row.name);
        let error = &run.stderr_json()[0]["error"];
        assert_eq!(error["code"], row.code, "{}", row.name);
        assert_eq!(error["http_status"], row.status, "{}", row.name);
    }
}

#[test]
fn human_errors_are_one_sentence_with_a_hint_where_it_helps() {
    let mut env = TestEnv::new().with_profile();
    let [get, remove] = env.mock_outgoing_removal(403, &fixture("403-band-d.json"));

    let run = run(env
        .rcctl()
        .args(["integrations", "remove", "--no-backup", OUTGOING_ID]));

    get.assert();
    remove.assert();
    assert_eq!(run.code, 5);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot remove integration {OUTGOING_ID} on {}: permission denied (HTTP 403: \
             User does not have the permissions required for this action [error-unauthorized])\n\
             hint: webhook-outgoing integrations need the permission manage-outgoing-integrations, \
             or manage-own-outgoing-integrations for those you created\n",
            env.url()
        )
    );
}

#[test]
fn a_401_hint_names_where_the_token_came_from() {
    let mut env = TestEnv::new().with_profile();
    let get = env
        .mock_get(OUTGOING_ID, 401, &fixture("401-band-c.json"))
        .create();

    let run = run(env.rcctl().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 4);
    let hint = run.stderr.lines().nth(1).unwrap_or_default();
    assert!(hint.starts_with("hint: "), "{}", run.stderr);
    assert!(
        hint.contains(&format!("profile `prod` ({})", env.config_path().display())),
        "{hint}"
    );
}

#[test]
fn an_html_502_from_a_proxy_is_a_clear_error() {
    let mut env = TestEnv::new();
    // A read is tried once more after a gateway error (docs/contract.md §6).
    let get = env
        .server
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .with_status(502)
        .with_header("content-type", "text/html")
        .with_body("<html><body><h1>502 Bad Gateway</h1></body></html>")
        .expect(2)
        .create();

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot read integration {OUTGOING_ID} on {url}: HTTP 502 from {url}: \
             expected a JSON response, got text/html (50 bytes)\n",
            url = env.url()
        )
    );
}

#[test]
fn a_truncated_json_body_is_a_clear_error() {
    let mut env = TestEnv::new();
    let get = env
        .mock_get(OUTGOING_ID, 200, r#"{"integration":{"_id":"oNLth"#)
        .create();

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the JSON response is truncated"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_success_without_the_document_is_an_error_not_a_panic() {
    let mut env = TestEnv::new();
    let get = env
        .mock_get(OUTGOING_ID, 200, r#"{"success":true}"#)
        .create();

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no `integration` object"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_refused_connection_is_a_network_error() {
    let env = TestEnv::new();
    // Nothing listens on port 9 (discard) of loopback in the test machine.
    let run = run(env.ci().env("RCCTL_URL", "http://127.0.0.1:9").args([
        "integrations",
        "get",
        OUTGOING_ID,
    ]));
    assert_eq!(run.code, 9);
    assert!(run.stderr.contains("cannot connect"), "{}", run.stderr);
}

/// docs/contract.md §5: a DNS failure is exit 9. `.invalid` never resolves
/// (RFC 6761); `rcctl()` clears the environment, so no proxy is in the way.
#[test]
fn a_name_that_does_not_resolve_is_a_network_error_naming_the_host() {
    let env = TestEnv::new();
    let run = run(env
        .ci()
        .env("RCCTL_URL", "http://rocketchat.invalid")
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .args(["integrations", "get", OUTGOING_ID]));
    assert_eq!(run.code, 9, "{run:#?}");
    let error = run
        .stderr
        .lines()
        .find(|line| line.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line: {}", run.stderr));
    assert!(
        error.contains(&format!(
            "cannot read integration {OUTGOING_ID} on http://rocketchat.invalid: cannot connect"
        )),
        "{error}"
    );
}

#[test]
fn a_redirect_is_not_followed_with_credentials() {
    let mut env = TestEnv::new();
    let get = env
        .server
        .mock("GET", "/api/v1/integrations.get")
        .match_query(mockito::Matcher::Any)
        .with_status(301)
        .with_header(
            "location",
            "https://elsewhere.example.net/api/v1/integrations.get",
        )
        .create();

    let run = run(env.ci().args(["integrations", "get", OUTGOING_ID]));

    get.assert();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("redirected the request to https://elsewhere.example.net"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_timeout_is_a_network_error() {
    use std::net::TcpListener;
    // Accepts the connection (the kernel does) but never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let env = TestEnv::new();

    let run = run(env.ci().env("RCCTL_URL", &url).args([
        "--timeout",
        "1",
        "integrations",
        "get",
        OUTGOING_ID,
    ]));

    assert_eq!(run.code, 9);
    assert!(
        run.stderr.contains("no response within 1 s"),
        "{}",
        run.stderr
    );
    drop(listener);
}
