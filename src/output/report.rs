//! What an error says beyond its message: the hint for a person, the JSON
//! object for a script (docs/contract.md §4). Everything both need is read off
//! the error chain: the typed cause ([`ApiError`]) and the context of the
//! failed operation ([`OperationFailed`]), never state kept on the writer.

use serde_json::{Map, Value};

use crate::api::{ApiError, NetworkKind};
use crate::error::OperationFailed;
use crate::exit::Exit;

/// A hint for a person, where one helps.
pub(super) fn hint(err: &anyhow::Error) -> Option<String> {
    let failed = err.downcast_ref::<OperationFailed>();
    match err.downcast_ref::<ApiError>()? {
        api if api.is_web_page() => Some(
            "this looks like the web app; use the server's base URL (such as \
             https://chat.example.com, without /home or /api/v1)"
                .to_owned(),
        ),
        ApiError::Unauthorized { .. } => {
            let credentials = failed.and_then(|failed| failed.credentials.as_ref());
            let origin = credentials.map_or("your configuration", |c| c.token.as_str());
            let profile = credentials
                .and_then(|c| c.profile.as_deref())
                .unwrap_or("<profile>");
            Some(format!(
                "the user id and token from {origin} were not accepted; log in again with \
                 `rcctl auth login -p {profile}`, or (in CI) create a new personal access \
                 token in Rocket.Chat (My Account > Personal Access Tokens) and use that"
            ))
        }
        ApiError::Forbidden { .. } => Some(match failed.and_then(|failed| failed.kind) {
            Some(kind) => format!(
                "{kind} integrations need the permission manage-{short}-integrations, or \
                 manage-own-{short}-integrations for those you created",
                short = kind.short_name()
            ),
            None => "integrations need the permission manage-incoming-integrations or \
                     manage-outgoing-integrations (or manage-own-… for those you created)"
                .to_owned(),
        }),
        ApiError::RateLimited { .. } | ApiError::WaitTooLong { .. } => Some(
            "wait and retry; users with the api-bypass-rate-limit permission (admins, bots) \
             are not limited"
                .to_owned(),
        ),
        ApiError::Network {
            kind: NetworkKind::Certificate,
            ..
        } => Some(
            "the server's certificate is not trusted here: pass the CA that signed it with \
             --ca-cert FILE (`rcctl auth login --ca-cert FILE` saves it as the profile's \
             ca_cert), or set SSL_CERT_FILE"
                .to_owned(),
        ),
        ApiError::Network {
            kind: NetworkKind::Unreachable,
            ..
        } => Some("check the server URL and your network; --verbose shows each request".to_owned()),
        _ => None,
    }
}

/// The `{"error": {…}}` object of one error under `--json`.
pub(super) fn json_error(err: &anyhow::Error, exit: Exit, message: &str) -> Value {
    let mut fields = Map::new();
    fields.insert("code".into(), exit.name().into());
    fields.insert("exit_code".into(), exit.code().into());
    fields.insert("message".into(), message.into());
    if let Some(id) = err
        .downcast_ref::<OperationFailed>()
        .and_then(|failed| failed.id.as_deref())
    {
        fields.insert("id".into(), id.into());
    }
    if let Some(api) = err.downcast_ref::<ApiError>() {
        if let Some(status) = api.http_status() {
            fields.insert("http_status".into(), status.into());
        }
        if let Some(server_error) = api.server_error() {
            fields.insert("server_error".into(), server_error.into());
        }
    }
    let mut object = Map::new();
    object.insert("error".into(), Value::Object(fields));
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::CredentialsOrigin;
    use anyhow::Context;

    fn not_found_removing(id: &str) -> anyhow::Error {
        Err::<(), _>(ApiError::NotFound {
            server: "https://chat.example.com".into(),
            status: 400,
            server_error: "No integration found.".into(),
        })
        .context(OperationFailed {
            doing: format!("remove integration {id}"),
            id: Some(id.into()),
            kind: None,
            server: "https://chat.example.com".into(),
            credentials: None,
        })
        .expect_err("error")
    }

    #[test]
    fn json_error_has_the_contract_shape() {
        let value = json_error(&not_found_removing("abc"), Exit::NotFound, "m");
        assert_eq!(
            value.to_string(),
            r#"{"error":{"code":"not_found","exit_code":6,"message":"m","id":"abc","http_status":400,"server_error":"No integration found."}}"#
        );
    }

    #[test]
    fn a_401_hint_names_the_credentials_carried_by_the_error() {
        let err = Err::<(), _>(ApiError::Unauthorized {
            server: "https://chat.example.com".into(),
            server_error: None,
        })
        .context(OperationFailed {
            doing: "list integrations".into(),
            id: None,
            kind: None,
            server: "https://chat.example.com".into(),
            credentials: Some(CredentialsOrigin {
                profile: Some("prod".into()),
                token: "RCCTL_AUTH_TOKEN".into(),
            }),
        })
        .expect_err("error");
        let hint = hint(&err).expect("a hint");
        assert!(hint.contains("from RCCTL_AUTH_TOKEN"), "{hint}");
        assert!(hint.contains("rcctl auth login -p prod"), "{hint}");
    }
}
