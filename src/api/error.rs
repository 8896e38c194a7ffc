//! Turning every server answer into a typed result (docs/server-api.md §1.5, §2.5, §3.1).
//!
//! [`classify`] is the one place that reads a response. It keys on the HTTP status
//! and on `errorType`; it reads the message text only where the server sends
//! nothing else: `No integration found.` (remove), `The integration does not
//! exists.` and `not-authorized` (get), `User not found.` (`users.info`,
//! §5.5). Rocket.Chat answers "not found" and most
//! permission failures with HTTP 400, never 404, so the status alone is not enough.
//!
//! [`ApiError::effect`] says what a failure means for the server's side of the
//! request: never sent, refused, or maybe acted on (docs/contract.md §6.5). A
//! removal's backup is deleted only on the first two.

use std::time::Duration;

use serde_json::{Map, Value};
use thiserror::Error;

/// Largest response body rcctl reads; a larger one is refused, not buffered.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// Longest wait a `X-RateLimit-Reset` header is believed for; a later reset is
/// treated as garbage (a clock far off, or seconds sent where milliseconds belong).
const MAX_BELIEVABLE_RESET: Duration = Duration::from_secs(3600);

/// How an HTML answer is described ([`ApiError::is_web_page`]).
const HTML_ANSWER: &str = "expected a JSON response, got text/html";

/// A response as read off the wire, before anything is decided about it.
#[derive(Debug, Clone, Default)]
pub struct RawResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub location: Option<String>,
    /// `X-RateLimit-Reset`: absolute epoch milliseconds.
    pub rate_limit_reset: Option<String>,
    /// `X-RateLimit-Remaining`: calls left in this window.
    pub rate_limit_remaining: Option<String>,
    /// `X-RateLimit-Limit`: calls allowed per window.
    pub rate_limit_limit: Option<String>,
    pub body: Vec<u8>,
}

/// Why a request failed, classified for exit codes and hints.
#[derive(Debug, Error)]
pub enum ApiError {
    #[error("the server rejected the credentials (HTTP 401)")]
    Unauthorized {
        server: String,
        server_error: Option<String>,
    },

    #[error("permission denied (HTTP {status}: {})", server_error.as_deref().unwrap_or("forbidden"))]
    Forbidden {
        server: String,
        status: u16,
        /// `None` when the body was not a JSON envelope (a proxy's page).
        server_error: Option<String>,
    },

    #[error("it does not exist")]
    NotFound {
        server: String,
        status: u16,
        server_error: String,
    },

    #[error("rate limited by the server (HTTP 429: {})", server_error.as_deref().unwrap_or("too many requests"))]
    RateLimited {
        server: String,
        /// How long the server asked us to wait, when it said.
        retry_after: Option<Duration>,
        /// `None` when the body was not a JSON envelope (a proxy's page).
        server_error: Option<String>,
    },

    #[error(
        "the server allows no more calls to {route} for {} s, longer than --max-wait allows \
         ({} s); nothing was sent",
        wait.as_secs_f64().ceil(),
        max_wait.as_secs()
    )]
    WaitTooLong {
        server: String,
        route: &'static str,
        wait: Duration,
        max_wait: Duration,
    },

    #[error("the server rejected the request as invalid (HTTP {status}: {server_error})")]
    InvalidRequest {
        server: String,
        status: u16,
        error_type: String,
        server_error: String,
    },

    #[error("the server answered HTTP {status}: {server_error}")]
    Server {
        server: String,
        status: u16,
        error_type: Option<String>,
        server_error: String,
    },

    #[error("HTTP {status} from {server}: {detail}")]
    UnexpectedResponse {
        server: String,
        status: u16,
        detail: String,
    },

    /// An answer that could not even be parsed as HTTP (e.g. an oversized header).
    #[error("the answer from {server} is not a usable HTTP response: {detail}")]
    MalformedResponse { server: String, detail: String },

    #[error(
        "{server} redirected the request to {location} (HTTP {status}); rcctl does not send \
         credentials across redirects, so use the final address as the server URL"
    )]
    Redirect {
        server: String,
        status: u16,
        location: String,
    },

    #[error("{reason}")]
    Network {
        server: String,
        reason: String,
        kind: NetworkKind,
    },

    /// Ctrl-C came before the request was sent, so it never was.
    #[error("interrupted before the request to {server} was sent")]
    Interrupted { server: String },
}

/// How a request failed on the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkKind {
    /// It cannot have reached the server: connection refused, DNS.
    Unreachable,
    /// The TLS handshake refused the server's certificate: nothing was sent.
    Certificate,
    /// It may have been processed: a timeout or a reset after sending.
    MaybeSent,
}

/// What a failed request means for the server's side of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// It never left rcctl: the server did nothing.
    NotSent,
    /// A complete, well-formed refusal: the server did not act on it.
    Refused,
    /// Anything else (no answer, a cut or non-JSON body, a 5xx, a failure
    /// without `errorType`): the server may have acted, or may still.
    MaybeActed,
}

impl ApiError {
    /// The HTTP status, where there was a response.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::Unauthorized { .. } => Some(401),
            Self::RateLimited { .. } => Some(429),
            Self::NotFound { status, .. }
            | Self::Forbidden { status, .. }
            | Self::InvalidRequest { status, .. }
            | Self::Server { status, .. }
            | Self::UnexpectedResponse { status, .. }
            | Self::Redirect { status, .. } => Some(*status),
            Self::WaitTooLong { .. }
            | Self::MalformedResponse { .. }
            | Self::Network { .. }
            | Self::Interrupted { .. } => None,
        }
    }

    /// An HTML page where JSON was expected, and not a proxy's error page
    /// (5xx): the URL leads to Rocket.Chat's web app (or another site), not to
    /// the server's base URL.
    pub fn is_web_page(&self) -> bool {
        matches!(
            self,
            Self::UnexpectedResponse { status, detail, .. }
                if *status < 500 && detail.starts_with(HTML_ANSWER)
        )
    }

    /// The server's own error text, where it sent one.
    pub fn server_error(&self) -> Option<&str> {
        match self {
            Self::Unauthorized { server_error, .. }
            | Self::Forbidden { server_error, .. }
            | Self::RateLimited { server_error, .. } => server_error.as_deref(),
            Self::NotFound { server_error, .. }
            | Self::InvalidRequest { server_error, .. }
            | Self::Server { server_error, .. } => Some(server_error),
            Self::UnexpectedResponse { .. }
            | Self::MalformedResponse { .. }
            | Self::Redirect { .. }
            | Self::WaitTooLong { .. }
            | Self::Network { .. }
            | Self::Interrupted { .. } => None,
        }
    }

    /// What this failure means for the server's side of the request
    /// (docs/contract.md §6.5). A refusal is a complete, well-formed JSON
    /// failure envelope (docs/server-api.md §1.4, §1.5), and never a 5xx: a
    /// gateway's 502 may come after its upstream acted. A 401, 403 or 429
    /// whose body is not such an envelope came from something in between,
    /// which may have passed the request on. A redirect is a refusal: the
    /// request was answered before it reached Rocket.Chat, which never
    /// redirects its API.
    pub fn effect(&self) -> Effect {
        let refused_unless_5xx = |status: u16| {
            if status >= 500 {
                Effect::MaybeActed
            } else {
                Effect::Refused
            }
        };
        match self {
            Self::Network {
                kind: NetworkKind::Unreachable | NetworkKind::Certificate,
                ..
            }
            | Self::WaitTooLong { .. }
            | Self::Interrupted { .. } => Effect::NotSent,
            Self::Network {
                kind: NetworkKind::MaybeSent,
                ..
            }
            | Self::UnexpectedResponse { .. }
            | Self::MalformedResponse { .. } => Effect::MaybeActed,
            Self::Unauthorized { server_error, .. } | Self::RateLimited { server_error, .. } => {
                match server_error {
                    Some(_) => Effect::Refused,
                    None => Effect::MaybeActed,
                }
            }
            Self::Forbidden {
                status,
                server_error,
                ..
            } => match server_error {
                Some(_) => refused_unless_5xx(*status),
                None => Effect::MaybeActed,
            },
            Self::NotFound { status, .. }
            | Self::InvalidRequest { status, .. }
            | Self::Server { status, .. } => refused_unless_5xx(*status),
            Self::Redirect { .. } => Effect::Refused,
        }
    }

    /// The same error with every one of `secrets` cut out of the text the
    /// server sent (docs/contract.md §6.4): a server may echo a token back.
    pub fn redacted(mut self, secrets: &super::redact::KnownSecrets) -> Self {
        let cut = |text: &mut String| *text = secrets.redact(text);
        match &mut self {
            Self::Unauthorized { server_error, .. }
            | Self::Forbidden { server_error, .. }
            | Self::RateLimited { server_error, .. } => server_error.iter_mut().for_each(cut),
            Self::NotFound { server_error, .. } => cut(server_error),
            Self::InvalidRequest {
                error_type,
                server_error,
                ..
            } => {
                cut(error_type);
                cut(server_error);
            }
            Self::Server {
                error_type,
                server_error,
                ..
            } => {
                error_type.iter_mut().for_each(cut);
                cut(server_error);
            }
            Self::UnexpectedResponse { detail, .. } | Self::MalformedResponse { detail, .. } => {
                cut(detail);
            }
            Self::Redirect { location, .. } => cut(location),
            Self::Network { reason, .. } => cut(reason),
            Self::WaitTooLong { .. } | Self::Interrupted { .. } => {}
        }
        self
    }
}

/// Classifies a response: the JSON object of a success, or the typed error.
///
/// `now_ms` is the current epoch time in milliseconds, passed in so that the
/// rate-limit arithmetic stays a pure function.
pub fn classify(
    server: &str,
    response: &RawResponse,
    now_ms: u128,
) -> Result<Map<String, Value>, ApiError> {
    let status = response.status;
    let object = parse_json_object(response);
    let server = server.to_owned();

    match status {
        401 => Err(ApiError::Unauthorized {
            server,
            server_error: object.as_ref().ok().and_then(error_text),
        }),
        429 => {
            let server_error = object.as_ref().ok().and_then(error_text);
            let retry_after = reset_delay(response.rate_limit_reset.as_deref(), now_ms)
                .or_else(|| server_error.as_deref().and_then(wait_seconds_in));
            Err(ApiError::RateLimited {
                server,
                retry_after,
                server_error,
            })
        }
        403 => Err(ApiError::Forbidden {
            server,
            status,
            server_error: object.as_ref().ok().and_then(error_text),
        }),
        300..=399 => Err(ApiError::Redirect {
            server,
            status,
            location: response
                .location
                .clone()
                .unwrap_or_else(|| "an unnamed location".to_owned()),
        }),
        _ => match object {
            Ok(object) if is_success(status, &object) => Ok(object),
            Ok(object) => Err(classify_failure(server, status, &object)),
            Err(detail) => Err(ApiError::UnexpectedResponse {
                server,
                status,
                detail,
            }),
        },
    }
}

fn is_success(status: u16, object: &Map<String, Value>) -> bool {
    (200..300).contains(&status) && object.get("success") != Some(&Value::Bool(false))
}

/// A JSON failure envelope (`API.v1.failure`, mostly HTTP 400).
fn classify_failure(server: String, status: u16, object: &Map<String, Value>) -> ApiError {
    let server_error = error_text(object).unwrap_or_else(|| "no error message".to_owned());
    let error_type = object
        .get("errorType")
        .and_then(Value::as_str)
        .map(str::to_owned);

    match (error_type.as_deref(), server_error.as_str()) {
        // Business-logic permission failures come back as 400 (2.5 rows 11-12, 3.1).
        (Some("not_authorized" | "error-invalid-integration"), _) | (None, "not-authorized") => {
            ApiError::Forbidden {
                server,
                status,
                server_error: Some(server_error),
            }
        }
        // The only "not found" signals the server gives: plain errors without errorType.
        (
            None,
            "No integration found." | "The integration does not exists." | "User not found.",
        ) => ApiError::NotFound {
            server,
            status,
            server_error,
        },
        (Some(kind @ ("invalid-params" | "error-invalid-params")), _) => ApiError::InvalidRequest {
            server,
            status,
            error_type: kind.to_owned(),
            server_error,
        },
        _ => ApiError::Server {
            server,
            status,
            error_type,
            server_error,
        },
    }
}

/// The body as a JSON object, or a sentence saying why it is not one.
pub(super) fn parse_json_object(response: &RawResponse) -> Result<Map<String, Value>, String> {
    let content_type = response.content_type.as_deref().unwrap_or("");
    if !content_type.to_ascii_lowercase().contains("json") {
        let shown = if content_type.is_empty() {
            "no content type"
        } else {
            content_type
                .split(';')
                .next()
                .unwrap_or(content_type)
                .trim()
        };
        if shown.eq_ignore_ascii_case("text/html") {
            return Err(format!("{HTML_ANSWER} ({} bytes)", response.body.len()));
        }
        return Err(format!(
            "expected a JSON response, got {shown} ({} bytes)",
            response.body.len()
        ));
    }
    match serde_json::from_slice::<Value>(&response.body) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err("the JSON response is not an object".to_owned()),
        Err(err) if err.is_eof() => Err(format!(
            "the JSON response is truncated after {} bytes",
            response.body.len()
        )),
        Err(err) => Err(format!("the response is not valid JSON ({err})")),
    }
}

/// `error` (a string, or the number 403 of a failed login), else `message`.
fn error_text(object: &Map<String, Value>) -> Option<String> {
    let text = |key| match object.get(key) {
        Some(Value::String(text)) => Some(text.clone()),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    };
    text("error").or_else(|| text("message"))
}

/// `X-RateLimit-Reset` is an absolute epoch in milliseconds. Values in the past or
/// absurdly far away are ignored.
pub fn reset_delay(header: Option<&str>, now_ms: u128) -> Option<Duration> {
    let reset_ms: u128 = header?.trim().parse().ok()?;
    let delay_ms = reset_ms.checked_sub(now_ms)?;
    let delay = Duration::from_millis(u64::try_from(delay_ms).ok()?);
    (delay <= MAX_BELIEVABLE_RESET).then_some(delay)
}

/// "… You must wait 42 seconds before trying this endpoint again. …"
fn wait_seconds_in(message: &str) -> Option<Duration> {
    let after = message.split("wait ").nth(1)?;
    let seconds: u64 = after.split_whitespace().next()?.parse().ok()?;
    let delay = Duration::from_secs(seconds);
    (delay <= MAX_BELIEVABLE_RESET).then_some(delay)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERVER: &str = "https://chat.example.com";

    fn json(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            content_type: Some("application/json; charset=utf-8".to_owned()),
            body: body.as_bytes().to_vec(),
            ..RawResponse::default()
        }
    }

    fn err(response: &RawResponse) -> ApiError {
        classify(SERVER, response, 1_000_000).expect_err("should be an error")
    }

    #[test]
    fn success_returns_the_object() {
        let ok = classify(
            SERVER,
            &json(200, r#"{"integration":{},"success":true}"#),
            0,
        );
        assert!(ok.expect("success").contains_key("integration"));
    }

    #[test]
    fn remove_not_found_is_a_400_with_a_plain_error() {
        let e = err(&json(
            400,
            r#"{"success":false,"error":"No integration found."}"#,
        ));
        assert!(matches!(e, ApiError::NotFound { .. }), "{e:?}");
    }

    #[test]
    fn get_not_found_keeps_the_server_typo() {
        let e = err(&json(
            400,
            r#"{"success":false,"error":"The integration does not exists."}"#,
        ));
        assert!(matches!(e, ApiError::NotFound { .. }), "{e:?}");
    }

    #[test]
    fn users_info_not_found_is_a_400_with_a_plain_error() {
        let e = err(&json(400, r#"{"success":false,"error":"User not found."}"#));
        assert!(matches!(e, ApiError::NotFound { .. }), "{e:?}");
    }

    #[test]
    fn business_permission_failures_are_forbidden_despite_http_400() {
        for body in [
            r#"{"success":false,"error":"Unauthorized [not_authorized]","errorType":"not_authorized","details":{"method":"deleteOutgoingIntegration"}}"#,
            r#"{"success":false,"error":"Invalid integration [error-invalid-integration]","errorType":"error-invalid-integration","details":{"method":"deleteIncomingIntegration"}}"#,
            r#"{"success":false,"error":"not-authorized"}"#,
        ] {
            let e = err(&json(400, body));
            assert!(
                matches!(e, ApiError::Forbidden { status: 400, .. }),
                "{e:?}"
            );
        }
    }

    #[test]
    fn both_403_texts_are_forbidden() {
        for body in [
            r#"{"success":false,"error":"unauthorized"}"#,
            r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
        ] {
            assert!(matches!(
                err(&json(403, body)),
                ApiError::Forbidden { status: 403, .. }
            ));
        }
    }

    #[test]
    fn every_401_envelope_is_unauthorized() {
        for body in [
            r#"{"status":"error","message":"You must be logged in to do this."}"#,
            r#"{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}"#,
            "<html>gateway says no</html>",
        ] {
            let e = err(&json(401, body));
            assert!(matches!(e, ApiError::Unauthorized { .. }), "{e:?}");
        }
    }

    #[test]
    fn both_invalid_params_spellings_are_invalid_requests() {
        for error_type in ["invalid-params", "error-invalid-params"] {
            let body = format!(
                r#"{{"success":false,"errorType":"{error_type}","error":"must have required property 'type'"}}"#
            );
            assert!(matches!(
                err(&json(400, &body)),
                ApiError::InvalidRequest { .. }
            ));
        }
    }

    #[test]
    fn other_failures_keep_status_and_text() {
        let e = err(&json(
            400,
            r#"{"success":false,"error":"Invalid integration type."}"#,
        ));
        assert!(
            matches!(&e, ApiError::Server { status: 400, server_error, .. } if server_error == "Invalid integration type."),
            "{e:?}"
        );
    }

    #[test]
    fn a_200_with_success_false_is_a_failure() {
        let e = err(&json(
            200,
            r#"{"success":false,"error":"No integration found."}"#,
        ));
        assert!(matches!(e, ApiError::NotFound { .. }));
    }

    #[test]
    fn html_from_a_proxy_names_the_status_and_server() {
        let e = err(&RawResponse {
            status: 502,
            content_type: Some("text/html".to_owned()),
            body: b"<html><body>Bad Gateway</body></html>".to_vec(),
            ..RawResponse::default()
        });
        assert!(
            e.to_string()
                .starts_with("HTTP 502 from https://chat.example.com"),
            "{e}"
        );
    }

    #[test]
    fn truncated_json_is_reported_as_truncated() {
        let e = err(&json(200, r#"{"integration":{"_id":"ab"#));
        assert!(e.to_string().contains("truncated"), "{e}");
    }

    #[test]
    fn rate_limit_reset_is_epoch_milliseconds() {
        let mut response = json(
            429,
            r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 7 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
        );
        response.rate_limit_reset = Some("1002500".to_owned());
        let ApiError::RateLimited { retry_after, .. } = err(&response) else {
            panic!("not rate limited")
        };
        assert_eq!(retry_after, Some(Duration::from_millis(2500)));
    }

    #[test]
    fn rate_limit_falls_back_to_the_seconds_in_the_body() {
        let mut response = json(
            429,
            r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 7 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
        );
        response.rate_limit_reset = Some("999000".to_owned()); // in the past
        let ApiError::RateLimited { retry_after, .. } = err(&response) else {
            panic!("not rate limited")
        };
        assert_eq!(retry_after, Some(Duration::from_secs(7)));
    }

    #[test]
    fn an_absurd_reset_is_ignored() {
        assert_eq!(reset_delay(Some("99999999999999999"), 1_000_000), None);
        assert_eq!(reset_delay(Some("soon"), 0), None);
    }

    mod properties {
        use super::super::*;
        use super::SERVER;
        use proptest::prelude::*;

        fn content_type() -> impl Strategy<Value = Option<String>> {
            prop_oneof![
                Just(None),
                Just(Some("application/json".to_owned())),
                Just(Some("application/json; charset=utf-8".to_owned())),
                Just(Some("text/html".to_owned())),
                ".{0,40}".prop_map(Some),
            ]
        }

        fn response() -> impl Strategy<Value = RawResponse> {
            (
                any::<u16>(),
                content_type(),
                proptest::option::of(".{0,30}"),
                proptest::option::of(any::<u64>().prop_map(|n| n.to_string())),
                proptest::option::of(".{0,4}"),
                proptest::collection::vec(any::<u8>(), 0..2048),
            )
                .prop_map(
                    |(status, content_type, location, reset, remaining, body)| RawResponse {
                        status,
                        content_type,
                        location,
                        rate_limit_reset: reset,
                        rate_limit_remaining: remaining,
                        rate_limit_limit: None,
                        body,
                    },
                )
        }

        /// JSON-ish bodies reach deeper branches than random bytes.
        fn json_body() -> impl Strategy<Value = Vec<u8>> {
            let text = prop_oneof![
                Just("No integration found.".to_owned()),
                Just("not-authorized".to_owned()),
                ".{0,20}"
            ];
            let error_type = prop_oneof![
                Just(None),
                Just(Some("invalid-params".to_owned())),
                Just(Some("not_authorized".to_owned())),
                proptest::option::of(".{0,12}")
            ];
            (text, error_type, any::<Option<bool>>(), any::<bool>()).prop_map(
                |(error, error_type, success, truncate)| {
                    let mut object = serde_json::json!({ "error": error });
                    if let Some(kind) = error_type {
                        object["errorType"] = kind.into();
                    }
                    if let Some(success) = success {
                        object["success"] = success.into();
                    }
                    let mut bytes = object.to_string().into_bytes();
                    if truncate {
                        bytes.truncate(bytes.len() / 2);
                    }
                    bytes
                },
            )
        }

        proptest! {
            #[test]
            fn any_response_classifies_without_panicking(response in response(), now in any::<u128>()) {
                let _ = classify(SERVER, &response, now);
            }

            #[test]
            fn json_failures_always_get_a_typed_error(
                status in 400u16..600,
                body in json_body(),
            ) {
                let response = RawResponse {
                    status,
                    content_type: Some("application/json".to_owned()),
                    body,
                    ..RawResponse::default()
                };
                let err = classify(SERVER, &response, 0).expect_err("4xx/5xx is never success");
                prop_assert_eq!(err.http_status(), Some(status));
                match status {
                    401 => prop_assert!(matches!(err, ApiError::Unauthorized { .. }), "{:?}", err),
                    403 => prop_assert!(matches!(err, ApiError::Forbidden { .. }), "{:?}", err),
                    429 => prop_assert!(matches!(err, ApiError::RateLimited { .. }), "{:?}", err),
                    _ => {}
                }
            }

            #[test]
            fn a_2xx_json_object_without_success_false_is_success(
                status in 200u16..300,
                key in "[a-z]{1,8}",
                value in any::<i64>(),
            ) {
                let body = serde_json::json!({ key: value }).to_string().into_bytes();
                let response = RawResponse {
                    status,
                    content_type: Some("application/json".to_owned()),
                    body,
                    ..RawResponse::default()
                };
                prop_assert!(classify(SERVER, &response, 0).is_ok());
            }
        }
    }

    /// docs/contract.md §6.5: only a complete success or a complete,
    /// well-formed refusal says what the server did.
    #[test]
    fn only_a_well_formed_refusal_says_the_server_did_not_act() {
        let html = |status| RawResponse {
            status,
            content_type: Some("text/html".to_owned()),
            body: b"<html>Bad Gateway</html>".to_vec(),
            ..RawResponse::default()
        };
        let effect = |response: &RawResponse| err(response).effect();
        for (body, status) in [
            (r#"{"success":false,"error":"No integration found."}"#, 400),
            (r#"{"success":false,"error":"unauthorized"}"#, 403),
            (
                r#"{"success":false,"error":"Unauthorized [not_authorized]","errorType":"not_authorized"}"#,
                400,
            ),
            (
                r#"{"success":false,"error":"must have required property 'type' [invalid-params]","errorType":"invalid-params"}"#,
                400,
            ),
            (
                r#"{"success":false,"error":"Invalid integration type."}"#,
                400,
            ),
            (
                r#"{"status":"error","message":"You must be logged in to do this."}"#,
                401,
            ),
            (
                r#"{"success":false,"error":"Error, too many requests. [error-too-many-requests]"}"#,
                429,
            ),
            (r#"{"success":false,"error":"No integration found."}"#, 200),
        ] {
            assert_eq!(
                effect(&json(status, body)),
                Effect::Refused,
                "{status} {body}"
            );
        }
        for response in [
            html(502),
            html(504),
            html(403),
            html(200),
            json(200, r#"{"integration":{"_id":"ab"#),
            json(502, r#"{"success":false,"error":"upstream"}"#),
            json(500, r#"{"success":false,"error":"x","errorType":"y"}"#),
            json(401, "<html>gateway says no</html>"),
        ] {
            assert_eq!(effect(&response), Effect::MaybeActed, "{response:?}");
        }
        let network = |kind| ApiError::Network {
            server: SERVER.to_owned(),
            reason: String::new(),
            kind,
        };
        assert_eq!(network(NetworkKind::MaybeSent).effect(), Effect::MaybeActed);
        assert_eq!(network(NetworkKind::Unreachable).effect(), Effect::NotSent);
        assert_eq!(network(NetworkKind::Certificate).effect(), Effect::NotSent);
        let head = ApiError::MalformedResponse {
            server: SERVER.to_owned(),
            detail: "message head is too large".to_owned(),
        };
        assert_eq!(head.effect(), Effect::MaybeActed);
        let interrupted = ApiError::Interrupted {
            server: SERVER.to_owned(),
        };
        assert_eq!(interrupted.effect(), Effect::NotSent);
    }

    #[test]
    fn redaction_reaches_every_text_the_server_sent() {
        let secrets = super::super::redact::KnownSecrets::default();
        secrets.add(&crate::secret::Secret::new("s3cr3t-token"));
        for body in [
            (401, r#"{"success":false,"error":"bad token s3cr3t-token"}"#),
            (403, r#"{"success":false,"error":"s3cr3t-token may not"}"#),
            (
                400,
                r#"{"success":false,"error":"x s3cr3t-token","errorType":"s3cr3t-token"}"#,
            ),
            (
                400,
                r#"{"success":false,"error":"s3cr3t-token","errorType":"invalid-params"}"#,
            ),
            (429, r#"{"success":false,"error":"wait, s3cr3t-token"}"#),
        ] {
            let redacted = err(&json(body.0, body.1)).redacted(&secrets);
            let shown = format!("{redacted} {:?}", redacted.server_error());
            assert!(!shown.contains("s3cr3t"), "{shown}");
            assert!(shown.contains("[redacted]"), "{shown}");
        }
        let location = err(&RawResponse {
            status: 302,
            location: Some("https://x/?t=s3cr3t-token".to_owned()),
            ..RawResponse::default()
        })
        .redacted(&secrets);
        assert!(!location.to_string().contains("s3cr3t"), "{location}");
    }

    #[test]
    fn redirects_name_the_location() {
        let e = err(&RawResponse {
            status: 301,
            location: Some("https://other.example.net/api/v1/integrations.get".to_owned()),
            ..RawResponse::default()
        });
        assert!(e.to_string().contains("https://other.example.net"), "{e}");
    }
}
