//! How a failed exchange is typed (docs/contract.md §5, §6.2): reqwest's errors
//! become [`ApiError::Network`] (never reached the server, refused its
//! certificate, or may have been sent) or [`ApiError::MalformedResponse`] (an
//! answer that is not HTTP, such as an oversized header). The causes are found
//! by type, walking the error chain, never by their text.

use std::time::Duration;

use super::{ApiError, NetworkKind, ServerUrl};

/// A request that failed before a response head was read.
pub(super) fn send_failure(
    server: &ServerUrl,
    timeout: Duration,
    err: &reqwest::Error,
) -> ApiError {
    let server = server.to_string();
    if let Some(parse) = find_cause::<hyper::Error>(err).filter(|parse| parse.is_parse()) {
        return ApiError::MalformedResponse {
            server,
            detail: parse.to_string(),
        };
    }
    let certificate = matches!(
        find_cause::<rustls::Error>(err),
        Some(rustls::Error::InvalidCertificate(_))
    );
    let (kind, reason) = if err.is_timeout() {
        (
            NetworkKind::MaybeSent,
            format!("no response within {} s", timeout.as_secs()),
        )
    } else if certificate {
        (
            NetworkKind::Certificate,
            format!("cannot connect: {}", root_cause(err)),
        )
    } else if err.is_connect() {
        (
            NetworkKind::Unreachable,
            format!("cannot connect: {}", root_cause(err)),
        )
    } else {
        (NetworkKind::MaybeSent, root_cause(err))
    };
    ApiError::Network {
        server,
        reason,
        kind,
    }
}

/// A body that could not be read to its end after the head (`status`) came.
pub(super) fn read_failure(
    server: &ServerUrl,
    timeout: Duration,
    status: u16,
    err: &reqwest::Error,
) -> ApiError {
    // The whole-request timeout (`--timeout`) ran out while the body came.
    let reason = if err.is_timeout() {
        format!(
            "no complete response within {} s (HTTP {status} arrived, its body did not)",
            timeout.as_secs()
        )
    } else {
        format!(
            "the connection broke while reading the response ({})",
            root_cause(err)
        )
    };
    ApiError::Network {
        server: server.to_string(),
        reason,
        kind: NetworkKind::MaybeSent,
    }
}

/// The first cause of type `T` in `err`'s chain, looking inside `io::Error`s
/// too (their `source()` skips the error they wrap).
fn find_cause<'a, T: std::error::Error + 'static>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a T> {
    let mut cause = Some(err);
    while let Some(current) = cause {
        if let Some(found) = current.downcast_ref::<T>() {
            return Some(found);
        }
        if let Some(inner) = current
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            && let Some(found) = find_cause::<T>(inner)
        {
            return Some(found);
        }
        cause = current.source();
    }
    None
}

/// The innermost cause: reqwest's own text repeats the URL and says little.
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
