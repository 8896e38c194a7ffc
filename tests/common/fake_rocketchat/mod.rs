//! A small stateful server that answers like Rocket.Chat (docs/server-api.md),
//! for the tests that mockito cannot express and for `benches/cli.rs`: a real
//! rate-limit window, removals that change what later reads see, lost replies,
//! TLS, delays.
//!
//! - `mod.rs`: the options, the state, starting and inspecting the server, and
//!   the dispatch of each request (authentication, rate limit, route);
//! - `wire.rs`: HTTP/1.1 with keep-alive, a thread per connection, loopback only;
//! - `rate_limit.rs`: the per-route window (docs/server-api.md §1.6);
//! - `faults.rs`: answers cut short, late, dripped or replaced by a gateway's
//!   page, before or after the server acted;
//! - one file per group of routes (`integrations.rs`: get, remove, list;
//!   `history.rs`: integrations.history; `users.rs`: users.info and me;
//!   `create.rs`: create; `update.rs`: update);
//! - `tls.rs`: a CA and a server certificate made for the run.
//!
//! Its includer also declares `constants.rs` as `mod constants` at its crate
//! root: the server accepts exactly those credentials.

#![allow(dead_code)] // each includer uses a different part

mod create;
pub mod faults;
mod history;
mod integrations;
mod rate_limit;
mod tls;
mod update;
pub mod users;
mod wire;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::constants::{TOKEN, USER_ID};
pub use tls::TlsIdentity;
use wire::{Delivery, Request, Response, json_response};

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

/// The version bands of docs/server-api.md §0.2 that answer differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// 4.8 - 6.x
    C,
    /// 7.0 - ~7.3
    D,
    /// ~7.4 - 7.x
    E,
    /// 8.x
    F,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub docs: Vec<Value>,
    /// The release the server says it runs (`GET /api/info`), `major.minor`;
    /// it decides the band of every answer that differs between bands.
    pub version: (u32, u32),
    /// Invent an outgoing integration for any ID not removed yet (benchmarks).
    pub any_id: bool,
    /// Calls allowed per window, per route, like `API_Enable_Rate_Limiter_*`.
    pub rate_limit: Option<(usize, Duration)>,
    /// Added to every answer.
    pub delay: Duration,
    /// A kept-alive connection idle this long is closed, as Node's HTTP server
    /// (Rocket.Chat) does after its `keepAliveTimeout` of 5 s.
    pub keep_alive: Option<Duration>,
    pub remove_reply: RemoveReply,
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// Faults on the first requests of a route (`faults.rs`).
    pub faults: Vec<faults::FaultPlan>,
    /// The users `users.info` knows, as it shows them (see `user`).
    pub users: Vec<Value>,
    /// History entries in the server's shape, each with an `integrationId`
    /// naming its integration in `docs`.
    pub history: Vec<Value>,
    /// The caller holds no outgoing permission: `integrations.history` is 403.
    pub history_forbidden: bool,
    /// How `integrations.list` misbehaves, if it does.
    pub list_quirk: ListQuirk,
    /// A removal waits until this many reads (`integrations.get`) were
    /// answered: two clients' reads then both come before either removal.
    pub removals_wait_for_reads: usize,
}

/// Ways servers and proxies have been seen to page `integrations.list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListQuirk {
    None,
    /// Every page is the first one, whatever the `offset`.
    IgnoresOffset,
    /// No `total` in the answer, so only a short page ends the listing.
    NoTotal,
    /// The caller may read each integration but not the list: 403.
    Forbidden,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            docs: Vec::new(),
            version: (7, 6),
            any_id: false,
            rate_limit: None,
            delay: Duration::ZERO,
            keep_alive: None,
            remove_reply: RemoveReply::Normal,
            tls: None,
            faults: Vec::new(),
            users: Vec::new(),
            history: Vec::new(),
            history_forbidden: false,
            list_quirk: ListQuirk::None,
            removals_wait_for_reads: 0,
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

/// `doc` with `fields` set (added or replaced), for documents that differ
/// from the builders' in a few fields.
pub fn with_fields(mut doc: Value, fields: Value) -> Value {
    if let (Some(doc), Value::Object(fields)) = (doc.as_object_mut(), fields) {
        doc.extend(fields);
    }
    doc
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

struct State {
    options: Options,
    /// By ID, in the order `integrations.list` pages through them.
    docs: Mutex<BTreeMap<String, Value>>,
    removed: Mutex<Vec<String>>,
    /// The same IDs as `removed`, for `any_id` lookups that stay O(1) however
    /// many a benchmark removes.
    gone: Mutex<HashSet<String>>,
    windows: Mutex<HashMap<String, rate_limit::Window>>,
    requests: Mutex<HashMap<String, usize>>,
    /// How often each planned fault was used, by its index in `faults`.
    faults_used: Mutex<HashMap<usize, usize>>,
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
        let docs = docs_by_id(&options.docs);
        let state = Arc::new(State {
            options,
            docs: Mutex::new(docs),
            removed: Mutex::new(Vec::new()),
            gone: Mutex::new(HashSet::new()),
            windows: Mutex::new(HashMap::new()),
            requests: Mutex::new(HashMap::new()),
            faults_used: Mutex::new(HashMap::new()),
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
                std::thread::spawn(move || wire::connection(stream, &state));
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

    /// Puts back the integrations the server started with, forgetting every
    /// change since (a benchmark's runs each start from the same server).
    pub fn reset(&self) {
        *lock(&self.state.docs) = docs_by_id(&self.state.options.docs);
        lock(&self.state.gone).clear();
        lock(&self.state.removed).clear();
    }

    /// Requests seen for a route such as `integrations.remove`.
    pub fn requests(&self, route: &str) -> usize {
        lock(&self.state.requests).get(route).copied().unwrap_or(0)
    }

    /// 429 answers sent.
    pub fn too_many(&self) -> usize {
        self.state.too_many.load(Ordering::SeqCst)
    }

    /// Rate-limit windows `route` has had (`Options::rate_limit`).
    pub fn windows(&self, route: &str) -> usize {
        lock(&self.state.windows)
            .get(route)
            .map_or(0, |window| window.count)
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

pub fn epoch_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

impl Options {
    pub fn band(&self) -> Band {
        match self.version {
            (major, _) if major < 7 => Band::C,
            (7, minor) if minor < 4 => Band::D,
            (7, _) => Band::E,
            _ => Band::F,
        }
    }
}

fn docs_by_id(docs: &[Value]) -> BTreeMap<String, Value> {
    docs.iter()
        .map(|doc| {
            (
                doc["_id"].as_str().unwrap_or_default().to_owned(),
                doc.clone(),
            )
        })
        .collect()
}

/// Answers one request, or `None` to drop the connection without a reply.
fn handle(state: &State, request: &Request) -> Option<Response> {
    // Origin-form, or absolute-form when the client talks to us as a proxy.
    let url = if request.target.starts_with('/') {
        reqwest::Url::parse(&format!("http://fake{}", request.target)).ok()?
    } else {
        reqwest::Url::parse(&request.target).ok()?
    };
    let route = url.path().trim_start_matches("/api/v1/").to_owned();
    *lock(&state.requests).entry(route.clone()).or_default() += 1;
    // `/api/info` (no `/v1`) answers anyone, with `major.minor` (docs/server-api.md §5.4).
    if url.path() == "/api/info" {
        let (major, minor) = state.options.version;
        return faults::answer(state, &route, request, || {
            Some(json_response(
                200,
                json!({"version": format!("{major}.{minor}"), "success": true}),
            ))
        });
    }

    let authorised = request.headers.get("x-user-id").map(String::as_str) == Some(USER_ID)
        && request.headers.get("x-auth-token").map(String::as_str) == Some(TOKEN);
    if !authorised {
        let body = if state.options.band() < Band::E {
            json!({"status": "error", "message": "You must be logged in to do this."})
        } else {
            json!({"success": false, "error": "You must be logged in to do this.", "status": "error", "message": "You must be logged in to do this."})
        };
        return Some(json_response(401, body));
    }
    let limit_headers = match rate_limit::check(state, &route) {
        Ok(headers) => headers,
        Err(too_many) => return Some(too_many),
    };
    let route_handler = || {
        Some(match (request.method.as_str(), route.as_str()) {
            ("GET", "integrations.get") => integrations::get(state, &url),
            ("POST", "integrations.remove") => integrations::remove(state, request)?,
            ("GET", "integrations.list") => integrations::list(state, &url),
            ("GET", "integrations.history") => history::history(state, &url),
            ("GET", "users.info") => users::info(state, &url),
            ("GET", "me") => users::me(),
            ("POST", "integrations.create") => create::create(state, request),
            ("PUT", "integrations.update") => update::update(state, request),
            _ => Response {
                status: 404,
                headers: vec![("content-type".into(), "text/html".into())],
                body: "<html>not found</html>".into(),
                delivery: Delivery::Whole,
            },
        })
    };
    let mut response = faults::answer(state, &route, request, route_handler)?;
    response.headers.extend(limit_headers);
    Some(response)
}

/// The value of query parameter `name`.
fn query_param(url: &reqwest::Url, name: &str) -> Option<String> {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}
