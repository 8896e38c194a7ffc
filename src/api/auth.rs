//! Login, logout and the current user (docs/server-api.md §5).
//!
//! A failed login is always HTTP 401 and only its body says why: `error` is
//! `totp-required`, `totp-invalid`, `error-login-blocked-for-*`, or the *number*
//! 403 for a wrong password. [`login_verdict`] reads that into [`LoginRejected`];
//! every other answer goes through [`classify`] like any call. Login bodies are
//! always JSON: form-encoded logins break from Rocket.Chat 7.6.

use std::fmt;

use reqwest::header;
use serde_json::{Map, Value, json};
use thiserror::Error;

use super::error::parse_json_object;
use super::{ApiError, Client, RawResponse, classify};
use crate::secret::Secret;

/// A successful login: the session's credentials.
#[derive(Debug)]
pub struct LoginSession {
    pub user_id: String,
    pub token: Secret,
}

/// How the server wants the second factor (`details.method` of `totp-required`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TwoFactorMethod {
    /// A code from an authenticator app.
    Totp,
    /// A code the server mails; `mailed` is false when an earlier one is still valid.
    Email {
        mailed: bool,
    },
    Other(String),
}

impl fmt::Display for TwoFactorMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Totp => f.write_str("a code from your authenticator app"),
            Self::Email { .. } => f.write_str("the code the server sent you by email"),
            Self::Other(method) => write!(f, "a `{method}` code"),
        }
    }
}

/// Why the server refused a login (HTTP 401 with a login error): exit code 4.
#[derive(Debug, Error)]
pub enum LoginRejected {
    #[error("wrong username or password")]
    WrongCredentials,
    #[error("the server asks for two-factor authentication: {method}")]
    TwoFactorRequired { method: TwoFactorMethod },
    #[error("the two-factor code was not accepted (wrong or expired)")]
    TwoFactorInvalid,
    #[error("too many wrong two-factor codes; wait until the code expires, then log in again")]
    TwoFactorMaxAttempts,
    #[error(
        "login is temporarily blocked for this {scope} after too many failed attempts; \
         wait and try again"
    )]
    Blocked { scope: &'static str },
    #[error("the server refused the login: {message} ({error})")]
    Refused { error: String, message: String },
}

/// The logged-in user, from `GET /api/v1/me`.
#[derive(Debug, Clone)]
pub struct Me {
    pub id: String,
    pub username: String,
}

impl Client {
    /// `POST /api/v1/login` with a user name (or email) and password, and the
    /// two-factor code when there is one. The outer error is a failed call (429,
    /// network, …), the inner one the server's verdict on the credentials.
    pub fn login(
        &self,
        user: &str,
        password: &Secret,
        code: Option<&Secret>,
    ) -> Result<Result<LoginSession, LoginRejected>, ApiError> {
        self.secrets.add(password);
        let mut body = json!({ "user": user, "password": password.expose() });
        if let Some(code) = code {
            self.secrets.add(code);
            body["code"] = json!(code.expose());
        }
        let url = self.server.endpoint("api/v1/login");
        let body = body.to_string();
        let request = || {
            self.http
                .post(url.clone())
                .header(header::CONTENT_TYPE, "application/json")
                .body(body.clone())
        };
        let verdict = self.send_judged("POST", "login", &url, request, |raw, now| {
            login_verdict(self.server.as_str(), &raw, now)
        })?;
        Ok(verdict.map_err(|rejected| match rejected {
            // The server's own words: they may echo what was typed.
            LoginRejected::Refused { error, message } => LoginRejected::Refused {
                error: self.secrets.redact(&error),
                message: self.secrets.redact(&message),
            },
            other => other,
        }))
    }

    /// `GET /api/v1/me`: checks the credentials and names their user.
    pub fn me(&self) -> Result<Me, ApiError> {
        let url = self.server.endpoint("api/v1/me");
        let body = self.send("GET", "me", &url, || self.http.get(url.clone()))?;
        let text = |key| body.get(key).and_then(Value::as_str).map(str::to_owned);
        match (text("_id"), text("username")) {
            (Some(id), Some(username)) => Ok(Me { id, username }),
            _ => Err(self.malformed("the /me response has no `_id` or `username`")),
        }
    }

    /// `POST /api/v1/logout`: ends the session of the token sent. Never call it
    /// with a personal access token: the server deletes the token.
    pub fn logout(&self) -> Result<(), ApiError> {
        let url = self.server.endpoint("api/v1/logout");
        let request = || self.http.post(url.clone());
        self.send_judged("POST", "logout", &url, request, |raw, now| {
            // From 7.4 the body is not guaranteed; the status is the answer.
            if (200..300).contains(&raw.status) {
                return Ok(());
            }
            classify(self.server.as_str(), &raw, now).map(|_| ())
        })
    }
}

/// Reads a login answer: a session, the server's refusal, or a failed call.
fn login_verdict(
    server: &str,
    raw: &RawResponse,
    now_ms: u128,
) -> Result<Result<LoginSession, LoginRejected>, ApiError> {
    if raw.status == 401
        && let Some(rejected) = parse_json_object(raw).ok().as_ref().and_then(rejection)
    {
        return Ok(Err(rejected));
    }
    let body = classify(server, raw, now_ms)?;
    let data = body.get("data");
    let text = |key| data?.get(key)?.as_str().map(str::to_owned);
    match (text("userId"), text("authToken")) {
        (Some(user_id), Some(token)) => Ok(Ok(LoginSession {
            user_id,
            token: Secret::new(token),
        })),
        _ => Err(ApiError::UnexpectedResponse {
            server: server.to_owned(),
            status: raw.status,
            detail: "the login response has no `data.userId` or `data.authToken`".to_owned(),
        }),
    }
}

/// The login error in a 401 body, keyed on `error` (never on the message).
fn rejection(body: &Map<String, Value>) -> Option<LoginRejected> {
    let code = match body.get("error")? {
        // Meteor's `Accounts._handleError`: a wrong password.
        Value::Number(number) if number.as_u64() == Some(403) => {
            return Some(LoginRejected::WrongCredentials);
        }
        Value::String(code) => code.as_str(),
        _ => return None,
    };
    Some(match code {
        // "User not found", rewritten by the server.
        "Unauthorized" => LoginRejected::WrongCredentials,
        "totp-required" => LoginRejected::TwoFactorRequired {
            method: method_in(body),
        },
        "totp-invalid" => LoginRejected::TwoFactorInvalid,
        "totp-max-attempts" => LoginRejected::TwoFactorMaxAttempts,
        "error-login-blocked-for-user" => LoginRejected::Blocked { scope: "user" },
        "error-login-blocked-for-ip" => LoginRejected::Blocked {
            scope: "IP address",
        },
        other => LoginRejected::Refused {
            error: other.to_owned(),
            message: body
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("no message")
                .to_owned(),
        },
    })
}

fn method_in(body: &Map<String, Value>) -> TwoFactorMethod {
    let details = body.get("details");
    let field = |key| details.and_then(|details| details.get(key));
    match field("method").and_then(Value::as_str) {
        Some("email") => TwoFactorMethod::Email {
            mailed: field("codeGenerated").and_then(Value::as_bool) == Some(true),
        },
        Some(other) if other != "totp" => TwoFactorMethod::Other(other.to_owned()),
        _ => TwoFactorMethod::Totp,
    }
}

/// `version ?? info.version`: 4.0–6.4 admins get only `info.version`.
#[cfg(test)]
mod tests {
    use super::*;

    const SERVER: &str = "https://chat.example.com";

    fn fixture(name: &str) -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        std::fs::read_to_string(format!("{path}{name}")).expect("fixture")
    }

    fn response(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            content_type: Some("application/json".to_owned()),
            body: body.as_bytes().to_vec(),
            ..RawResponse::default()
        }
    }

    fn rejected(status: u16, body: &str) -> LoginRejected {
        match login_verdict(SERVER, &response(status, body), 0) {
            Ok(Err(rejected)) => rejected,
            other => panic!("not a rejection: {other:?}"),
        }
    }

    #[test]
    fn success_in_every_band_gives_the_session() {
        for name in ["login-ok-band-c.json", "login-ok-band-e.json"] {
            let session = login_verdict(SERVER, &response(200, &fixture(name)), 0)
                .expect("a call that worked")
                .expect("a session");
            assert_eq!(session.user_id, "aobEdbYhXfu5hkeqG", "{name}");
            assert_eq!(
                session.token.expose(),
                "9HqLlyZOugoStsXCUfD_0YdwnNnunAJF8V47U3QHXSq"
            );
        }
    }

    #[test]
    fn a_wrong_password_is_the_number_403_and_an_unknown_user_unauthorized() {
        for body in [
            fixture("login-wrong-password.json"),
            r#"{"status":"error","error":"Unauthorized","message":"Unauthorized"}"#.to_owned(),
        ] {
            assert!(matches!(
                rejected(401, &body),
                LoginRejected::WrongCredentials
            ));
        }
    }

    #[test]
    fn two_factor_errors_name_the_method() {
        assert!(matches!(
            rejected(401, &fixture("login-totp-required.json")),
            LoginRejected::TwoFactorRequired {
                method: TwoFactorMethod::Totp
            }
        ));
        assert!(matches!(
            rejected(401, &fixture("login-totp-email.json")),
            LoginRejected::TwoFactorRequired {
                method: TwoFactorMethod::Email { mailed: true }
            }
        ));
        assert!(matches!(
            rejected(401, &fixture("login-totp-invalid.json")),
            LoginRejected::TwoFactorInvalid
        ));
        assert!(matches!(
            rejected(
                401,
                r#"{"success":false,"error":"totp-max-attempts","status":"error","message":"TOTP Maximun Failed Attempts Reached"}"#
            ),
            LoginRejected::TwoFactorMaxAttempts
        ));
    }

    #[test]
    fn blocked_logins_say_who_is_blocked() {
        let body = fixture("login-blocked-ip.json");
        let rejected = rejected(401, &body);
        assert!(rejected.to_string().contains("IP address"), "{rejected}");
    }

    #[test]
    fn other_login_errors_keep_code_and_message() {
        let rejected = rejected(
            401,
            r#"{"status":"error","error":"error-user-is-not-activated","message":"User is not activated"}"#,
        );
        assert_eq!(
            rejected.to_string(),
            "the server refused the login: User is not activated (error-user-is-not-activated)"
        );
    }

    #[test]
    fn rate_limits_and_odd_401s_stay_api_errors() {
        let limited = login_verdict(SERVER, &response(429, &fixture("429.json")), 0);
        assert!(matches!(limited, Err(ApiError::RateLimited { .. })));
        let html = RawResponse {
            status: 401,
            content_type: Some("text/html".to_owned()),
            ..RawResponse::default()
        };
        assert!(matches!(
            login_verdict(SERVER, &html, 0),
            Err(ApiError::Unauthorized { .. })
        ));
    }

    #[test]
    fn a_success_without_a_token_is_unexpected() {
        let verdict = login_verdict(SERVER, &response(200, r#"{"status":"success"}"#), 0);
        assert!(matches!(verdict, Err(ApiError::UnexpectedResponse { .. })));
    }
}
