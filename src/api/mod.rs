//! The Rocket.Chat REST client (docs/server-api.md §1-3).
//!
//! One `reqwest` client per process, driven on the calling thread: rustls on the `ring` provider, the
//! system's trust roots plus Mozilla's (webpki) and any extra PEM roots, no redirects (credentials must go
//! only to the configured server, and reqwest strips only standard auth headers),
//! bodies capped at [`MAX_BODY_BYTES`], and `--timeout` bounding each whole
//! exchange, body included (docs/contract.md §6.2). Every answer goes through
//! [`error::classify`], and every error leaves with the known secrets cut out
//! of it ([`redact`]). A 429 is waited out and retried ([`rate_limit`]); a
//! request that provably never left (connection refused, DNS) is retried once,
//! and so is a read (a GET) answered by a gateway's 502, 503 or 504; anything
//! else that may have reached the server is never re-sent here. After Ctrl-C
//! (the flag from [`Client::interrupt_flag`]) nothing more is sent. Nothing
//! here prints: exchanges and waits are reported to an [`Observer`].

mod auth;
mod create;
mod error;
mod history;
mod info;
mod integration;
mod rate_limit;
mod redact;
mod transport;
mod update;
mod url;
mod users;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::Url;
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{Client as HttpClient, Method, RequestBuilder};
use serde_json::{Map, Value};
use thiserror::Error;

pub use auth::{LoginRejected, TwoFactorMethod};
pub use create::{RequestBody, Shape, create_body, refused_field, writable_fields};
pub use error::{ApiError, Effect, MAX_BODY_BYTES, NetworkKind, RawResponse, classify};
pub use history::{HISTORY_PAGE_SIZE, HistoryEntry};
pub use info::{ServerInfo, ServerVersion};
pub use integration::{Integration, IntegrationId, IntegrationKind, InvalidId, REDACTED};
pub use rate_limit::RetryPolicy;
pub use update::{UpdateError, restore_body, update_body, update_refusal};
pub use url::ServerUrl;
pub use users::UserState;

use rate_limit::{
    Admitted, FALLBACK_WAIT, RouteGate, WaitRefused, WindowNews, sleep_unless_interrupted,
};
use redact::KnownSecrets;

use crate::secret::Secret;

/// Connect timeout, fixed by the contract.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Pause before the one retry of a request that never reached the server, or
/// of a read a gateway answered with 502, 503 or 504.
const RETRY_DELAY: Duration = Duration::from_millis(500);

/// A kept-alive connection idle longer than this is not reused. Servers close
/// idle connections (Node's HTTP server, Rocket.Chat's, after 5 s; proxies
/// after their own timeouts), and a request sent on one that was closed fails
/// as "may have been sent". Within a batch a connection idles microseconds;
/// after a prompt or a rate-limit pause a new one costs a handshake.
const POOL_IDLE: Duration = Duration::from_secs(1);

/// Gateway answers that say nothing about the server but "not now".
const TRANSIENT_STATUSES: [u16; 3] = [502, 503, 504];

/// `integrations.list` page size: the server's upper limit.
pub const LIST_PAGE_SIZE: usize = 100;

/// The user id and token sent as `X-User-Id` / `X-Auth-Token`.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user_id: String,
    pub token: Secret,
}

/// Everything needed to build a [`Client`].
#[derive(Debug)]
pub struct ClientOptions {
    pub server: ServerUrl,
    /// `None` for the calls that need none: `/login` and `/api/info`.
    pub credentials: Option<Credentials>,
    pub timeout: Duration,
    /// Extra trusted roots, as (file name, PEM bytes).
    pub extra_roots: Vec<(String, Vec<u8>)>,
    pub insecure: bool,
    pub retry: RetryPolicy,
}

/// Problems found while setting the client up, before any request.
#[derive(Debug, Error)]
pub enum SetupError {
    #[error("no PEM certificate found in {0}")]
    NoCertificate(String),
    #[error("the user id or auth token contains characters that cannot be sent in an HTTP header")]
    InvalidCredentials,
    #[error("cannot set up the HTTP client")]
    Build(#[source] reqwest::Error),
    #[error("cannot set up the HTTP client")]
    Runtime(#[source] std::io::Error),
}

/// One HTTP exchange, reported for `--verbose`. Holds no header or body.
#[derive(Debug)]
pub struct Exchange<'a> {
    pub method: &'a str,
    pub url: &'a Url,
    pub status: Option<u16>,
    pub elapsed: Duration,
}

/// A pause before a request because of the server's rate limit.
#[derive(Debug)]
pub struct RateLimitWait<'a> {
    pub server: &'a ServerUrl,
    pub route: &'static str,
    pub delay: Duration,
    /// The retry this wait precedes, or `None` for a pause taken because the
    /// server said no calls are left in the window.
    pub retry: Option<(u32, u32)>,
}

/// Receives what the client does, for the user to see.
pub trait Observer: Send + Sync {
    /// Every exchange as it completes (printed under `--verbose`).
    fn exchange(&self, exchange: &Exchange<'_>);
    /// Every rate-limit pause that will be waited out, announced once by the
    /// thread that decided it.
    fn rate_limited(&self, wait: &RateLimitWait<'_>);
}

/// One page of `integrations.list`.
#[derive(Debug)]
pub struct IntegrationPage {
    pub integrations: Vec<Integration>,
    /// `total` of the filter, when the server sent it.
    pub total: Option<u64>,
}

/// A page of `integrations.list` received but not read yet.
#[derive(Debug)]
pub struct UnreadPage(RawResponse);

/// Server-side filters for `integrations.list` (honoured from 7.0).
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub kind: Option<IntegrationKind>,
    pub name: Option<String>,
}

/// The Rocket.Chat client; one per process, shared by every worker thread.
pub struct Client {
    http: HttpClient,
    runtime: Runtime,
    server: ServerUrl,
    timeout: Duration,
    retry: RetryPolicy,
    gate: RouteGate,
    observer: Box<dyn Observer>,
    /// `X-User-Id` and `X-Auth-Token`, sent with every request when known.
    auth: Option<HeaderMap>,
    /// Cut out of every error: the server may echo them.
    secrets: KnownSecrets,
    /// Ctrl-C: no request is sent once it is true, and every wait ends.
    interrupted: Arc<AtomicBool>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("server", &self.server)
            .finish_non_exhaustive()
    }
}

impl Client {
    pub fn new(options: ClientOptions, observer: Box<dyn Observer>) -> Result<Self, SetupError> {
        // Err means a provider is already installed, which is all we need.
        let _ = rustls::crypto::ring::default_provider().install_default();

        let mut builder = HttpClient::builder()
            .user_agent(concat!("rcctl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(CONNECT_TIMEOUT)
            .pool_idle_timeout(POOL_IDLE)
            .timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .tls_danger_accept_invalid_certs(options.insecure);
        if !options.server.is_https() {
            // Nothing is sent anywhere but the plain-HTTP server (no redirects),
            // so no trust store is read: the system's costs milliseconds.
            builder = builder.tls_certs_only([]);
        } else if !options.insecure {
            let mozilla = webpki_root_certs::TLS_SERVER_ROOT_CERTS
                .iter()
                .filter_map(|der| reqwest::Certificate::from_der(der).ok());
            builder = builder.tls_certs_merge(mozilla);
        }
        for (name, pem) in &options.extra_roots {
            let certs = reqwest::Certificate::from_pem_bundle(pem)
                .ok()
                .filter(|certs| !certs.is_empty())
                .ok_or_else(|| SetupError::NoCertificate(name.clone()))?;
            builder = builder.tls_certs_merge(certs);
        }
        let secrets = KnownSecrets::default();
        if let Some(credentials) = &options.credentials {
            secrets.add(&credentials.token);
        }
        let runtime = Runtime::new()?;
        Ok(Self {
            http: builder.build().map_err(SetupError::Build)?,
            runtime,
            server: options.server,
            timeout: options.timeout,
            retry: options.retry,
            gate: RouteGate::default(),
            observer,
            auth: options.credentials.as_ref().map(auth_headers).transpose()?,
            secrets,
            interrupted: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The same client, sending these credentials from now on (after a login).
    pub fn with_credentials(self, credentials: &Credentials) -> Result<Self, SetupError> {
        self.secrets.add(&credentials.token);
        Ok(Self {
            auth: Some(auth_headers(credentials)?),
            ..self
        })
    }

    /// The flag a Ctrl-C handler sets: from then on nothing is sent and every
    /// wait ends at once.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.interrupted)
    }

    /// `Err` once Ctrl-C came: what a request would fail with, for work to
    /// skip before it starts.
    pub fn check_interrupted(&self) -> Result<(), ApiError> {
        if self.interrupted.load(Ordering::SeqCst) {
            Err(self.interrupted_error())
        } else {
            Ok(())
        }
    }

    pub fn server(&self) -> &ServerUrl {
        &self.server
    }

    /// `GET /api/v1/integrations.get`: the one way to learn an integration's type.
    pub fn get_integration(&self, id: &str) -> Result<Integration, ApiError> {
        let mut url = self.server.endpoint("api/v1/integrations.get");
        url.query_pairs_mut().append_pair("integrationId", id);
        let body = self.send("GET", "integrations.get", &url, || {
            self.http.get(url.clone())
        })?;
        self.integration_in(body)
    }

    /// `POST /api/v1/integrations.remove` with the integration's real type.
    pub fn remove_integration(
        &self,
        kind: IntegrationKind,
        id: &str,
    ) -> Result<Integration, ApiError> {
        let body = Map::from_iter([
            ("type".to_owned(), Value::from(kind.as_api_str())),
            ("integrationId".to_owned(), Value::from(id)),
        ]);
        self.send_json(Method::POST, "integrations.remove", &body)
    }

    /// `POST /api/v1/integrations.create` with a body from [`create_body`].
    pub fn create_integration(&self, body: &Map<String, Value>) -> Result<Integration, ApiError> {
        self.send_json(Method::POST, "integrations.create", body)
    }

    /// `GET /api/info` (no `/v1`): the server's release.
    pub fn server_info(&self) -> Result<ServerInfo, ApiError> {
        let url = self.server.endpoint("api/info");
        let body = self.send("GET", "info", &url, || self.http.get(url.clone()))?;
        Ok(ServerInfo::from_body(&body))
    }

    /// One page of `GET /api/v1/integrations.list`, sorted so paging is stable.
    pub fn list_integrations(
        &self,
        filter: &ListFilter,
        offset: usize,
    ) -> Result<IntegrationPage, ApiError> {
        self.fetch_list_page(filter, offset)
            .and_then(|page| self.read_list_page(page))
    }

    /// [`Client::list_integrations`] up to the answer received: a success is
    /// kept unread, so that reading it (the costly part, on the caller's
    /// thread) does not hold up the next request. Everything that decides a
    /// retry (a rate limit, a gateway's 5xx, a lost connection) is judged
    /// here, as for any request; a 2xx answer never asks for one.
    pub fn fetch_list_page(
        &self,
        filter: &ListFilter,
        offset: usize,
    ) -> Result<UnreadPage, ApiError> {
        let mut url = self.server.endpoint("api/v1/integrations.list");
        {
            let mut query = url.query_pairs_mut();
            query
                .append_pair("offset", &offset.to_string())
                .append_pair("count", &LIST_PAGE_SIZE.to_string())
                .append_pair("sort", r#"{"_createdAt":1,"_id":1}"#);
            if let Some(kind) = filter.kind {
                query.append_pair("type", kind.as_api_str());
            }
            if let Some(name) = &filter.name {
                query.append_pair("name", name);
            }
        }
        self.send_judged(
            "GET",
            "integrations.list",
            &url,
            || self.http.get(url.clone()),
            |raw, now| {
                if !(200..300).contains(&raw.status) {
                    classify(self.server.as_str(), &raw, now)?;
                }
                Ok(UnreadPage(raw))
            },
        )
    }

    /// Reads a page [`Client::fetch_list_page`] received.
    pub fn read_list_page(&self, page: UnreadPage) -> Result<IntegrationPage, ApiError> {
        let mut body = classify(self.server.as_str(), &page.0, epoch_millis())
            .map_err(|err| err.redacted(&self.secrets))?;
        Ok(IntegrationPage {
            integrations: self.objects_in(&mut body, "integrations", |object| {
                self.secrets.add_token_of(&object);
                Integration::from_object(object)
            })?,
            total: body.get("total").and_then(Value::as_u64),
        })
    }

    /// `POST` or `PUT /api/v1/<route>` with a JSON body, answered with an
    /// integration. A token in the body (a create's, an update's new one) is
    /// a secret from then on: cut out of whatever the server says back.
    fn send_json(
        &self,
        method: Method,
        route: &'static str,
        body: &Map<String, Value>,
    ) -> Result<Integration, ApiError> {
        self.secrets.add_token_of(body);
        let url = self.server.endpoint(&format!("api/v1/{route}"));
        let body = Value::Object(body.clone()).to_string();
        let answer = self.send(method.as_str(), route, &url, || {
            self.http
                .request(method.clone(), url.clone())
                .header(header::CONTENT_TYPE, "application/json")
                .body(body.clone())
        })?;
        self.integration_in(answer)
    }

    /// The objects in the array `key` of a page, each made a `T`; anything in
    /// it that is not an object is skipped.
    fn objects_in<T>(
        &self,
        body: &mut Map<String, Value>,
        key: &str,
        make: impl Fn(Map<String, Value>) -> T,
    ) -> Result<Vec<T>, ApiError> {
        match body.remove(key) {
            Some(Value::Array(items)) => Ok(items
                .into_iter()
                .filter_map(|item| match item {
                    Value::Object(object) => Some(make(object)),
                    _ => None,
                })
                .collect()),
            _ => Err(self.malformed(&format!("the response has no `{key}` array"))),
        }
    }

    fn integration_in(&self, mut body: Map<String, Value>) -> Result<Integration, ApiError> {
        match body.remove("integration") {
            Some(Value::Object(object)) => {
                self.secrets.add_token_of(&object);
                Ok(Integration::from_object(object))
            }
            _ => Err(self.malformed("the response has no `integration` object")),
        }
    }

    fn malformed(&self, detail: &str) -> ApiError {
        ApiError::UnexpectedResponse {
            server: self.server.to_string(),
            status: 200,
            detail: detail.to_owned(),
        }
    }

    /// Sends a request to `route` and classifies the answer, waiting out and
    /// retrying rate limits, and retrying once a request that never left or
    /// a read a gateway turned away (502, 503, 504).
    fn send(
        &self,
        method: &str,
        route: &'static str,
        url: &Url,
        request: impl Fn() -> RequestBuilder,
    ) -> Result<Map<String, Value>, ApiError> {
        self.send_judged(method, route, url, request, |raw, now| {
            classify(self.server.as_str(), &raw, now)
        })
    }

    /// [`Client::send`] with the caller's own reading of the answer (`judge`),
    /// for endpoints whose failures say more than [`classify`] keeps (login).
    /// Whatever `judge` calls [`ApiError::RateLimited`] is waited out and retried.
    fn send_judged<T>(
        &self,
        method: &str,
        route: &'static str,
        url: &Url,
        request: impl Fn() -> RequestBuilder,
        judge: impl Fn(RawResponse, u128) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut retries = 0;
        let mut waited = Duration::ZERO;
        let mut resent = false;
        // The last answer that is being retried: it stands when the retry
        // cannot be sent (a wait too long, Ctrl-C), since it was sent itself.
        let mut retried: Option<ApiError> = None;
        loop {
            let allowed = self.retry.max_wait.saturating_sub(waited);
            let admitted = self.gate.admit(route, allowed, &self.interrupted, |delay| {
                self.announce(route, delay, None);
            });
            let admitted = match admitted {
                Ok(admitted) => admitted,
                Err(WaitRefused::TooLong(wait)) => {
                    return Err(retried.unwrap_or(ApiError::WaitTooLong {
                        server: self.server.to_string(),
                        route,
                        wait,
                        max_wait: self.retry.max_wait,
                    }));
                }
                Err(WaitRefused::Interrupted) => {
                    return Err(retried.unwrap_or_else(|| self.interrupted_error()));
                }
            };
            waited += admitted.waited;
            if let Err(stopped) = self.check_interrupted() {
                return Err(retried.unwrap_or(stopped));
            }
            // Whatever the server said goes no further with a known secret in it.
            let answer = self
                .exchange(method, url, request(), &admitted)
                .and_then(|raw| judge(raw, epoch_millis()))
                .map_err(|err| err.redacted(&self.secrets));
            match answer {
                Err(err @ ApiError::RateLimited { retry_after, .. })
                    if retries < self.retry.max_retries
                        && waited + retry_after.unwrap_or(FALLBACK_WAIT) <= self.retry.max_wait =>
                {
                    retries += 1;
                    self.pause(route, retry_after.unwrap_or(FALLBACK_WAIT), retries);
                    retried = Some(err);
                }
                Err(err) if !resent && is_worth_one_retry(method, &err) => {
                    resent = true;
                    let sent = err.effect() != Effect::NotSent;
                    if !sleep_unless_interrupted(RETRY_DELAY, &self.interrupted) {
                        return Err(if sent { err } else { self.interrupted_error() });
                    }
                    if sent {
                        retried = Some(err);
                    }
                }
                result => return result,
            }
        }
    }

    fn interrupted_error(&self) -> ApiError {
        ApiError::Interrupted {
            server: self.server.to_string(),
        }
    }

    /// Pauses `route` for every thread before `retry`, announcing it once
    /// (the caller has checked that it fits in `--max-wait`).
    fn pause(&self, route: &'static str, delay: Duration, retry: u32) {
        if self.gate.pause(route, delay) {
            self.announce(route, delay, Some(retry));
        }
    }

    /// Tells the observer of a rate-limit wait: before `retry`, or (`None`)
    /// one taken because the window has no calls left.
    fn announce(&self, route: &'static str, delay: Duration, retry: Option<u32>) {
        self.observer.rate_limited(&RateLimitWait {
            server: &self.server,
            route,
            delay,
            retry: retry.map(|attempt| (attempt, self.retry.max_retries)),
        });
    }

    /// Sends one request and reads the (capped) body, deciding nothing about it
    /// but a rate-limit pause.
    fn exchange(
        &self,
        method: &str,
        url: &Url,
        request: RequestBuilder,
        admitted: &Admitted<'_>,
    ) -> Result<RawResponse, ApiError> {
        let request = match &self.auth {
            Some(headers) => request.headers(headers.clone()),
            None => request,
        };
        let started = Instant::now();
        // The client's timeout (`--timeout`) covers the whole exchange, body too.
        let request = request.header(header::ACCEPT, "application/json");
        let result = self.runtime.block_on(async {
            let response = request
                .send()
                .await
                .map_err(|err| transport::send_failure(&self.server, self.timeout, &err))?;
            self.read(response).await
        });
        self.observer.exchange(&Exchange {
            method,
            url,
            status: result.as_ref().ok().map(|raw| raw.status),
            elapsed: started.elapsed(),
        });
        let raw = result?;
        // What is left of this window decides when the next request may go.
        if let Some(news) = window_news(&raw, epoch_millis()) {
            admitted.observe(news);
        }
        Ok(raw)
    }

    async fn read(&self, mut response: reqwest::Response) -> Result<RawResponse, ApiError> {
        let header_text = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        let mut raw = RawResponse {
            status: response.status().as_u16(),
            content_type: header_text("content-type"),
            location: header_text("location"),
            rate_limit_reset: header_text("x-ratelimit-reset"),
            rate_limit_remaining: header_text("x-ratelimit-remaining"),
            rate_limit_limit: header_text("x-ratelimit-limit"),
            body: Vec::new(),
        };
        // Room for the stated length, when it is within the cap (a length
        // over it is refused below, once the cap is passed).
        if let Some(length) = response
            .content_length()
            .and_then(|length| usize::try_from(length).ok())
            .filter(|&length| length <= MAX_BODY_BYTES)
        {
            raw.body.reserve_exact(length);
        }
        // Chunk by chunk, stopping one byte past the cap.
        while raw.body.len() <= MAX_BODY_BYTES {
            match response.chunk().await {
                Ok(Some(chunk)) => raw.body.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(err) => {
                    return Err(transport::read_failure(
                        &self.server,
                        self.timeout,
                        raw.status,
                        &err,
                    ));
                }
            }
        }
        if raw.body.len() > MAX_BODY_BYTES {
            return Err(ApiError::UnexpectedResponse {
                server: self.server.to_string(),
                status: raw.status,
                detail: format!(
                    "the response is larger than {} MiB",
                    MAX_BODY_BYTES / 1024 / 1024
                ),
            });
        }
        Ok(raw)
    }
}

/// Drives the async `reqwest` client on the thread that sends.
///
/// reqwest's blocking client runs a runtime on a thread of its own and hands
/// every request and every body to it and back: two thread wake-ups per
/// exchange, which were most of a `--parallel 1` batch's CPU time
/// (docs/performance.md). This current-thread runtime runs on whichever
/// thread calls [`Runtime::block_on`]; several may at once (`--parallel`),
/// and one of them then drives the sockets for all.
struct Runtime(Option<tokio::runtime::Runtime>);

impl Runtime {
    fn new() -> Result<Self, SetupError> {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map(|runtime| Self(Some(runtime)))
            .map_err(SetupError::Runtime)
    }

    /// Runs `future` to its end on the calling thread.
    ///
    /// Between two calls nothing drives the runtime, so a kept-alive
    /// connection the server closed meanwhile still looks open. Two yields
    /// first let the runtime read what came while it was idle (one to poll the
    /// sockets, one to run the connection tasks they woke): a closed
    /// connection then leaves the pool, and the request goes on a new one
    /// instead of failing on the old one as "may have been sent". tokio does
    /// this on a yield today without promising it, and not for a thread that
    /// waits while another drives the runtime (`--parallel`); [`POOL_IDLE`]
    /// is the guarantee, for any connection idle longer than a second.
    fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        match &self.0 {
            Some(runtime) => runtime.block_on(async {
                tokio::task::yield_now().await;
                tokio::task::yield_now().await;
                future.await
            }),
            None => unreachable!("the runtime is only taken when the client is dropped"),
        }
    }
}

impl Drop for Runtime {
    /// Waits for nothing: a name lookup still running on the runtime's
    /// blocking pool (after a connect timeout) must not hold up the exit.
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

/// What an answer's `X-RateLimit-*` headers say of its window, when it has them.
fn window_news(raw: &RawResponse, now_ms: u128) -> Option<WindowNews> {
    let number = |header: &Option<String>| header.as_deref()?.trim().parse::<u64>().ok();
    Some(WindowNews {
        remaining: number(&raw.rate_limit_remaining)?,
        reset_in: error::reset_delay(raw.rate_limit_reset.as_deref(), now_ms),
        limit: number(&raw.rate_limit_limit),
    })
}

/// A connection that never reached the server, and a read a gateway turned
/// away, are sent once more; nothing else is (a removal never on a 5xx).
fn is_worth_one_retry(method: &str, err: &ApiError) -> bool {
    match err {
        ApiError::Network {
            kind: NetworkKind::Unreachable,
            ..
        } => true,
        _ => {
            method == "GET"
                && err
                    .http_status()
                    .is_some_and(|status| TRANSIENT_STATUSES.contains(&status))
        }
    }
}

fn auth_headers(credentials: &Credentials) -> Result<HeaderMap, SetupError> {
    let mut user_id =
        HeaderValue::from_str(&credentials.user_id).map_err(|_| SetupError::InvalidCredentials)?;
    let mut token = HeaderValue::from_str(credentials.token.expose())
        .map_err(|_| SetupError::InvalidCredentials)?;
    user_id.set_sensitive(true);
    token.set_sensitive(true);
    let mut headers = HeaderMap::new();
    headers.insert("x-user-id", user_id);
    headers.insert("x-auth-token", token);
    Ok(headers)
}

fn epoch_millis() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_retried_once_on_a_gateway_error_and_removals_never() {
        let gateway = |status| ApiError::UnexpectedResponse {
            server: String::new(),
            status,
            detail: String::new(),
        };
        for status in TRANSIENT_STATUSES {
            assert!(is_worth_one_retry("GET", &gateway(status)));
            assert!(!is_worth_one_retry("POST", &gateway(status)));
        }
        assert!(!is_worth_one_retry("GET", &gateway(500)));
        let refused = ApiError::Network {
            server: String::new(),
            reason: String::new(),
            kind: NetworkKind::Unreachable,
        };
        assert!(is_worth_one_retry("POST", &refused));
    }
}
