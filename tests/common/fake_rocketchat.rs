//! A small stateful server that answers `integrations.get`, `.remove` and
//! `.list` like Rocket.Chat (docs/server-api.md §1-3), for the tests that
//! mockito cannot express and for `benches/cli.rs`: a real rate-limit window,
//! removals that change what later reads see, lost replies, TLS, delays.
//!
//! HTTP/1.1 with keep-alive, a thread per connection, loopback only. Its
//! includer also declares `constants.rs` as `mod constants` at its crate root:
//! the server accepts exactly those credentials.

#![allow(dead_code)] // each includer uses a different part

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::constants::{TOKEN, USER_ID};

/// What to do with the reply to a removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoveReply {
    Normal,
    /// Remove, then close the connection without answering.
    RemoveThenClose,
    /// Remove, then never answer (the client times out).
    RemoveThenHang,
    /// Never answer and never remove.
    HangWithoutRemoving,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub docs: Vec<Value>,
    /// Invent an outgoing integration for any ID not removed yet (benchmarks).
    pub any_id: bool,
    /// Calls allowed per window, per route, like `API_Enable_Rate_Limiter_*`.
    pub rate_limit: Option<(usize, Duration)>,
    /// Added to every answer.
    pub delay: Duration,
    pub remove_reply: RemoveReply,
    pub tls: Option<Arc<rustls::ServerConfig>>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            docs: Vec::new(),
            any_id: false,
            rate_limit: None,
            delay: Duration::ZERO,
            remove_reply: RemoveReply::Normal,
            tls: None,
        }
    }
}

/// An outgoing integration document like the server stores.
pub fn outgoing_doc(id: &str, name: &str) -> Value {
    json!({
        "_id": id, "type": "webhook-outgoing", "name": name, "enabled": true,
        "username": "rocket.cat", "event": "sendMessage",
        "urls": ["https://hooks.example.com/in"], "triggerWords": ["!go"],
        "token": "outgoing-secret", "scriptEnabled": false, "userId": "rocket.cat",
        "channel": ["#general"], "_createdAt": "2024-01-10T14:12:07.739Z",
        "_createdBy": {"_id": "u1", "username": "admin"}, "_updatedAt": "2024-01-10T14:12:07.739Z",
    })
}

/// An incoming integration document like the server stores.
pub fn incoming_doc(id: &str, name: &str) -> Value {
    json!({
        "_id": id, "type": "webhook-incoming", "name": name, "enabled": true,
        "username": "rocket.cat", "channel": ["#general"], "scriptEnabled": false,
        "token": "incoming-secret-token", "userId": "rocket.cat",
        "_createdAt": "2024-01-10T14:12:07.739Z",
        "_createdBy": {"_id": "u1", "username": "admin"}, "_updatedAt": "2024-01-10T14:12:07.739Z",
    })
}

#[derive(Default)]
struct Window {
    started: Option<Instant>,
    started_epoch_ms: u128,
    calls: usize,
}

struct State {
    options: Options,
    docs: Mutex<HashMap<String, Value>>,
    removed: Mutex<Vec<String>>,
    /// The same IDs as `removed`, for `any_id` lookups that stay O(1) however
    /// many a benchmark removes.
    gone: Mutex<HashSet<String>>,
    windows: Mutex<HashMap<String, Window>>,
    requests: Mutex<HashMap<String, usize>>,
    too_many: AtomicUsize,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
}

pub struct FakeRocketChat {
    port: u16,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
}

impl FakeRocketChat {
    pub fn start(options: Options) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("address").port();
        let docs = options
            .docs
            .iter()
            .map(|doc| {
                (
                    doc["_id"].as_str().unwrap_or_default().to_owned(),
                    doc.clone(),
                )
            })
            .collect();
        let state = Arc::new(State {
            options,
            docs: Mutex::new(docs),
            removed: Mutex::new(Vec::new()),
            gone: Mutex::new(HashSet::new()),
            windows: Mutex::new(HashMap::new()),
            requests: Mutex::new(HashMap::new()),
            too_many: AtomicUsize::new(0),
            in_flight: AtomicUsize::new(0),
            max_in_flight: AtomicUsize::new(0),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let (accept_state, accept_stop) = (Arc::clone(&state), Arc::clone(&stop));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if accept_stop.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(stream) = stream else { continue };
                let state = Arc::clone(&accept_state);
                std::thread::spawn(move || connection(stream, &state));
            }
        });
        Self { port, state, stop }
    }

    pub fn url(&self) -> String {
        let scheme = if self.state.options.tls.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://127.0.0.1:{}", self.port)
    }

    pub fn contains(&self, id: &str) -> bool {
        lock(&self.state.docs).contains_key(id)
    }

    pub fn removed(&self) -> Vec<String> {
        lock(&self.state.removed).clone()
    }

    /// Requests seen for a route such as `integrations.remove`.
    pub fn requests(&self, route: &str) -> usize {
        lock(&self.state.requests).get(route).copied().unwrap_or(0)
    }

    /// 429 answers sent.
    pub fn too_many(&self) -> usize {
        self.state.too_many.load(Ordering::SeqCst)
    }

    /// Most requests being handled at the same moment.
    pub fn max_in_flight(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }
}

impl Drop for FakeRocketChat {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn connection(stream: TcpStream, state: &State) {
    // Like Node's HTTP server (Rocket.Chat): no Nagle. With it, a kept-alive
    // connection's answers can wait for the client's delayed ACK (40 ms).
    let _ = stream.set_nodelay(true);
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

struct Request {
    method: String,
    target: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
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
        if write_response(reader.get_mut(), &response).is_err() {
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
        "HTTP/1.1 {} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
        response.status,
        response.body.len()
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    // One write: one segment (one TLS record), as a real server sends a small answer.
    head.push_str(&response.body);
    stream.write_all(head.as_bytes())?;
    stream.flush()
}

/// Now, in milliseconds since the epoch: the unit of `x-ratelimit-reset`.
pub fn epoch_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

fn json_response(status: u16, body: Value) -> Response {
    Response {
        status,
        headers: Vec::new(),
        body: body.to_string(),
    }
}

fn handle(state: &State, request: &Request) -> Option<Response> {
    // Origin-form, or absolute-form when the client talks to us as a proxy.
    let url = if request.target.starts_with('/') {
        reqwest::Url::parse(&format!("http://fake{}", request.target)).ok()?
    } else {
        reqwest::Url::parse(&request.target).ok()?
    };
    let route = url.path().trim_start_matches("/api/v1/").to_owned();
    *lock(&state.requests).entry(route.clone()).or_default() += 1;

    let authorised = request.headers.get("x-user-id").map(String::as_str) == Some(USER_ID)
        && request.headers.get("x-auth-token").map(String::as_str) == Some(TOKEN);
    if !authorised {
        return Some(json_response(
            401,
            json!({"success": false, "error": "You must be logged in to do this.", "status": "error", "message": "You must be logged in to do this."}),
        ));
    }

    let mut limit_headers = Vec::new();
    if let Some((limit, window)) = state.options.rate_limit {
        let mut windows = lock(&state.windows);
        let current = windows.entry(route.clone()).or_default();
        if current
            .started
            .is_none_or(|started| started.elapsed() >= window)
        {
            *current = Window {
                started: Some(Instant::now()),
                started_epoch_ms: epoch_ms(),
                calls: 0,
            };
        }
        current.calls += 1;
        let reset = current.started_epoch_ms + window.as_millis();
        if current.calls > limit {
            state.too_many.fetch_add(1, Ordering::SeqCst);
            let seconds = reset.saturating_sub(epoch_ms()).div_ceil(1000);
            let mut response = json_response(
                429,
                json!({"success": false, "error": format!("Error, too many requests. Please slow down. You must wait {seconds} seconds before trying this endpoint again. [error-too-many-requests]")}),
            );
            response.headers = vec![
                ("x-ratelimit-limit".into(), limit.to_string()),
                ("x-ratelimit-remaining".into(), "0".into()),
                ("x-ratelimit-reset".into(), reset.to_string()),
            ];
            return Some(response);
        }
        limit_headers = vec![
            ("x-ratelimit-limit".into(), limit.to_string()),
            (
                "x-ratelimit-remaining".into(),
                (limit - current.calls).to_string(),
            ),
            ("x-ratelimit-reset".into(), reset.to_string()),
        ];
    }

    let mut response = match (request.method.as_str(), route.as_str()) {
        ("GET", "integrations.get") => {
            let id = url
                .query_pairs()
                .find(|(key, _)| key == "integrationId")
                .map(|(_, value)| value.into_owned())
                .unwrap_or_default();
            match find(state, &id) {
                Some(doc) => json_response(200, json!({"integration": doc, "success": true})),
                None => json_response(
                    400,
                    json!({"success": false, "error": "The integration does not exists."}),
                ),
            }
        }
        ("POST", "integrations.remove") => {
            let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
            let id = body["integrationId"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            if state.options.remove_reply == RemoveReply::HangWithoutRemoving {
                std::thread::sleep(Duration::from_secs(30));
                return None;
            }
            // Like the server: no type filter (docs/server-api.md §2.7).
            let Some(doc) = find(state, &id) else {
                return Some(json_response(
                    400,
                    json!({"success": false, "error": "No integration found."}),
                ));
            };
            lock(&state.docs).remove(&id);
            lock(&state.gone).insert(id.clone());
            lock(&state.removed).push(id);
            match state.options.remove_reply {
                RemoveReply::RemoveThenClose => return None,
                RemoveReply::RemoveThenHang => {
                    std::thread::sleep(Duration::from_secs(30));
                    return None;
                }
                _ => json_response(200, json!({"integration": doc, "success": true})),
            }
        }
        ("GET", "integrations.list") => {
            let mut docs: Vec<Value> = lock(&state.docs).values().cloned().collect();
            docs.sort_by(|a, b| a["_id"].as_str().cmp(&b["_id"].as_str()));
            let total = docs.len();
            let param = |name: &str| {
                url.query_pairs()
                    .find(|(key, _)| key == name)
                    .and_then(|(_, value)| value.parse::<usize>().ok())
            };
            let offset = param("offset").unwrap_or(0).min(total);
            let count = param("count").unwrap_or(50).min(100);
            let page: Vec<Value> = docs.into_iter().skip(offset).take(count).collect();
            json_response(
                200,
                json!({"integrations": page, "offset": offset, "items": page.len(), "count": page.len(), "total": total, "success": true}),
            )
        }
        _ => Response {
            status: 404,
            headers: vec![("content-type".into(), "text/html".into())],
            body: "<html>not found</html>".into(),
        },
    };
    response.headers.extend(limit_headers);
    Some(response)
}

fn find(state: &State, id: &str) -> Option<Value> {
    if let Some(doc) = lock(&state.docs).get(id) {
        return Some(doc.clone());
    }
    (state.options.any_id && !lock(&state.gone).contains(id))
        .then(|| outgoing_doc(id, &format!("hook {id}")))
}

/// A certificate authority and a server certificate for 127.0.0.1/localhost.
pub struct TlsIdentity {
    pub ca_pem: String,
    pub server: Arc<rustls::ServerConfig>,
}

impl TlsIdentity {
    pub fn generate() -> Self {
        use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "rcctl test CA");
        let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("CA key"))
            .expect("CA certificate");
        let server_key = KeyPair::generate().expect("server key");
        let server_cert =
            CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
                .expect("server params")
                .signed_by(&server_key, &ca)
                .expect("server certificate");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let server = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(
                vec![server_cert.der().clone(), ca.der().clone()],
                rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
            )
            .expect("server config");
        Self {
            ca_pem: ca.pem(),
            server: Arc::new(server),
        }
    }
}
