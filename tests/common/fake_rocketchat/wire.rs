//! HTTP/1.1 on a plain or TLS stream: read a request, write an answer in one
//! write, keep the connection alive until the client closes it.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use serde_json::Value;

use super::{State, handle};

pub(super) fn connection(stream: TcpStream, state: &State) {
    // Like Node's HTTP server (Rocket.Chat): no Nagle. With it, a kept-alive
    // connection's answers can wait for the client's delayed ACK (40 ms).
    let _ = stream.set_nodelay(true);
    // A read that times out ends `serve`, which closes the connection.
    let _ = stream.set_read_timeout(state.options.keep_alive);
    match &state.options.tls {
        Some(config) => {
            let Ok(tls) = rustls::ServerConnection::new(Arc::clone(config)) else {
                return;
            };
            serve(rustls::StreamOwned::new(tls, stream), state);
        }
        None => serve(stream, state),
    }
}

pub(super) struct Request {
    pub(super) method: String,
    pub(super) target: String,
    pub(super) headers: HashMap<String, String>,
    pub(super) body: Vec<u8>,
}

pub(super) struct Response {
    pub(super) status: u16,
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: String,
    pub(super) delivery: Delivery,
}

/// How the answer goes out (`faults.rs` chooses anything but `Whole`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Delivery {
    Whole,
    /// The head, half of the body, then the connection closes.
    CutShort,
    /// The head, then the body a byte per interval.
    Drip(std::time::Duration),
}

fn serve<S: Read + Write>(stream: S, state: &State) {
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader) {
        let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        state.max_in_flight.fetch_max(now, Ordering::SeqCst);
        std::thread::sleep(state.options.delay);
        let response = handle(state, &request);
        state.in_flight.fetch_sub(1, Ordering::SeqCst);
        let Some(response) = response else {
            return; // the reply is lost: drop the connection
        };
        if write_response(reader.get_mut(), &response).is_err()
            || response.delivery != Delivery::Whole
        {
            return;
        }
    }
}

fn read_request<R: BufRead>(reader: &mut R) -> Option<Request> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    let length = headers
        .get("content-length")
        .and_then(|length| length.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        headers,
        body,
    })
}

fn write_response<W: Write>(stream: &mut W, response: &Response) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} X\r\ncontent-length: {}\r\n",
        response.status,
        response.body.len()
    );
    if !response
        .headers
        .iter()
        .any(|(name, _)| name == "content-type")
    {
        head.push_str("content-type: application/json\r\n");
    }
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let body = response.body.as_bytes();
    match response.delivery {
        Delivery::Whole => {
            // One write: one segment (one TLS record), as a real server sends a small answer.
            let mut whole = head.into_bytes();
            whole.extend_from_slice(body);
            stream.write_all(&whole)?;
        }
        Delivery::CutShort => {
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body[..body.len() / 2])?;
        }
        Delivery::Drip(interval) => {
            stream.write_all(head.as_bytes())?;
            stream.flush()?;
            for byte in body {
                std::thread::sleep(interval);
                stream.write_all(std::slice::from_ref(byte))?;
                stream.flush()?;
            }
        }
    }
    stream.flush()
}

/// Now, in milliseconds since the epoch: the unit of `x-ratelimit-reset`.
pub(super) fn json_response(status: u16, body: Value) -> Response {
    Response {
        status,
        headers: Vec::new(),
        body: body.to_string(),
        delivery: Delivery::Whole,
    }
}
