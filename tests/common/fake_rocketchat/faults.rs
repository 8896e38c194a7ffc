//! Faults the fake can put on a route's answers, for the tests of
//! docs/contract.md §6 (the fault matrix in `tests/cli/faults.rs`): what a
//! real network, a gateway or a slow server does to a request, before or
//! after the server acted on it.
//!
//! A fault is planned for the first `times` requests of one route
//! (`Options::faults`); [`answer`] runs the route's handler (the "acting")
//! or not, and shapes the answer; `wire.rs` delivers it whole, cut short,
//! or a byte at a time.

use std::time::Duration;

use serde_json::json;

use super::wire::{Delivery, Request, Response, json_response};
use super::{State, lock};

/// Something that goes wrong with one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Act, then send half of the body and close the connection.
    CutShortAfterActing,
    /// Act, then answer like a gateway whose upstream was too slow to answer
    /// it: this status (502, 503, 504) with an HTML page.
    GatewayAfterActing(u16),
    /// Do not act: a gateway that never reached the server answers instead.
    GatewayWithoutActing(u16),
    /// Act, then send the body one byte per interval.
    DripAfterActing(Duration),
    /// Act, then answer only after this long (past the client's timeout).
    LateAfterActing(Duration),
    /// Take this long before acting, then act and answer: a read that comes
    /// meanwhile still finds what is being removed.
    ActLate(Duration),
    /// Do not act: refuse with a JSON error that echoes the auth token sent.
    EchoToken,
    /// Do not act: refuse with a JSON error that quotes the body sent, as a
    /// validation error quoting what it was given.
    EchoBody,
    /// Act, then answer with a header larger than any client accepts.
    OversizedHeaderAfterActing,
    /// Do not act: close the connection without an answer.
    DropWithoutActing,
    /// Act, then answer 200 with a whole HTML page instead of JSON (a proxy's
    /// or a web app's page).
    HtmlAfterActing,
    /// Do not act: a 200 with a whole HTML page answers instead.
    HtmlWithoutActing,
    /// Act, then send the first half of the JSON body, complete as HTTP: its
    /// `content-length` is that of the half sent.
    TruncatedJsonAfterActing,
    /// No fault: act and answer as usual. Plans on one route are used in
    /// order, so this lets the faults planned after it strike a later request
    /// (the read after a removal, not the one before).
    Answer,
}

/// A fault on the first `times` requests to `route` (`integrations.remove`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FaultPlan {
    pub route: &'static str,
    pub fault: Fault,
    pub times: usize,
}

impl FaultPlan {
    pub fn once(route: &'static str, fault: Fault) -> Self {
        Self {
            route,
            fault,
            times: 1,
        }
    }
}

/// The answer to `request` on `route`: from `act` (the route's handler), under
/// the fault planned for it, if any.
pub(super) fn answer(
    state: &State,
    route: &str,
    request: &Request,
    act: impl FnOnce() -> Option<Response>,
) -> Option<Response> {
    match take(state, route) {
        Some(fault) => around(fault, request, act),
        None => act(),
    }
}

/// The fault for this request to `route`, if one is planned and not used up.
fn take(state: &State, route: &str) -> Option<Fault> {
    let mut used = lock(&state.faults_used);
    state
        .options
        .faults
        .iter()
        .enumerate()
        .find(|(index, plan)| {
            plan.route == route && used.get(index).copied().unwrap_or(0) < plan.times
        })
        .map(|(index, plan)| {
            *used.entry(index).or_default() += 1;
            plan.fault
        })
}

/// Answers `request` under `fault`; `act` is the route's own handler (which
/// changes the state). `None` drops the connection without an answer.
fn around(
    fault: Fault,
    request: &Request,
    act: impl FnOnce() -> Option<Response>,
) -> Option<Response> {
    match fault {
        Fault::GatewayWithoutActing(status) => Some(gateway_page(status)),
        Fault::EchoToken => {
            let token = request
                .headers
                .get("x-auth-token")
                .cloned()
                .unwrap_or_default();
            Some(json_response(
                400,
                json!({"success": false, "error": format!("Invalid token {token} for this request")}),
            ))
        }
        Fault::EchoBody => Some(json_response(
            400,
            json!({
                "success": false,
                "error": format!("Invalid body {}", String::from_utf8_lossy(&request.body)),
            }),
        )),
        Fault::DropWithoutActing => None,
        Fault::ActLate(delay) => {
            std::thread::sleep(delay);
            act()
        }
        Fault::GatewayAfterActing(status) => {
            act();
            Some(gateway_page(status))
        }
        Fault::CutShortAfterActing => act().map(|response| Response {
            delivery: Delivery::CutShort,
            ..response
        }),
        Fault::DripAfterActing(interval) => act().map(|response| Response {
            delivery: Delivery::Drip(interval),
            ..response
        }),
        Fault::LateAfterActing(delay) => {
            let response = act();
            std::thread::sleep(delay);
            response
        }
        Fault::OversizedHeaderAfterActing => act().map(|mut response| {
            response
                .headers
                .push(("x-padding".to_owned(), "x".repeat(1024 * 1024)));
            response
        }),
        Fault::HtmlAfterActing => {
            act();
            Some(html_page())
        }
        Fault::HtmlWithoutActing => Some(html_page()),
        Fault::TruncatedJsonAfterActing => act().map(|mut response| {
            let mut half = response.body.len() / 2;
            while !response.body.is_char_boundary(half) {
                half -= 1;
            }
            response.body.truncate(half);
            response
        }),
        Fault::Answer => act(),
    }
}

/// A 200 that is not the API's: a page of the web app, or a captive portal's.
fn html_page() -> Response {
    Response {
        status: 200,
        headers: vec![("content-type".into(), "text/html".into())],
        body: "<!DOCTYPE html>\r\n<html><head><title>Rocket.Chat</title></head>\r\n\
               <body><noscript>You need to enable JavaScript to run this app.</noscript>\
               </body></html>\r\n"
            .to_owned(),
        delivery: Delivery::Whole,
    }
}

/// What nginx sends when its upstream failed or was too slow.
fn gateway_page(status: u16) -> Response {
    let reason = match status {
        502 => "Bad Gateway",
        503 => "Service Temporarily Unavailable",
        _ => "Gateway Time-out",
    };
    Response {
        status,
        headers: vec![("content-type".into(), "text/html".into())],
        body: format!(
            "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n\
             <center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n\
             </body>\r\n</html>\r\n"
        ),
        delivery: Delivery::Whole,
    }
}
