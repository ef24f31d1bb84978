//! Prometheus metrics for the IT department: requests and their latency per route, the outbox
//! queue and its failures, and the database pool. Scraped at `/metrics` with
//! `Authorization: Bearer <INSPRAAK_METRICS_TOKEN>`; without a token set there is no `/metrics`.

use app::backend::store::Store;
use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use std::time::Instant;

/// A token shorter than this is refused at start: it would be guessed.
pub const MIN_TOKEN_CHARS: usize = 16;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabels {
    state: &'static str,
}

/// The route that answered a request, as its template (`/consultaties/{slug}`), carried on the
/// response so that the outermost layer (and the page cache, for what it serves itself) can name
/// it. A path that matched no route is counted as `other`: labels never come from what a client
/// typed. (axum's `MatchedPath` shares its string: a clone per request allocates nothing.)
#[derive(Clone, Debug)]
pub struct RouteLabel(pub MatchedPath);

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 1 ms to about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

struct Inner {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    outbox: Family<StateLabels, Gauge>,
    pool: Family<StateLabels, Gauge>,
}

/// The process's metrics; cloning is cheap.
#[derive(Clone)]
pub struct Metrics(Arc<Inner>);

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("inspraak");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency: LatencyFamily = Family::new_with_constructor(latency_histogram);
        let outbox = Family::<StateLabels, Gauge>::default();
        let pool = Family::<StateLabels, Gauge>::default();
        registry.register("http_requests", "HTTP requests answered, per route, method and status", requests.clone());
        registry.register("http_request_duration_seconds", "Time to the response head, per route", latency.clone());
        registry.register("outbox_messages", "Mail in the outbox per state (waiting, failed for good, sent)", outbox.clone());
        registry.register("db_pool_connections", "Database pool connections: open, idle, and the maximum", pool.clone());
        Metrics(Arc::new(Inner { registry, requests, latency, outbox, pool }))
    }
}

impl Metrics {
    pub fn observe(&self, route: &str, method: &Method, status: StatusCode, seconds: f64) {
        let route = route.to_string();
        self.0
            .requests
            .get_or_create(&RequestLabels { route: route.clone(), method: method.as_str().into(), status: status.as_u16() })
            .inc();
        self.0.latency.get_or_create(&RouteLabels { route }).observe(seconds);
    }

    /// The text exposition, with the outbox and pool read now.
    async fn render(&self, store: &Store) -> Result<String, app::backend::store::StoreError> {
        let counts = store.outbox_counts().await?;
        for (state, n) in [("waiting", counts.waiting), ("failed", counts.failed), ("sent", counts.sent)] {
            self.0.outbox.get_or_create(&StateLabels { state }).set(i64::try_from(n).unwrap_or(i64::MAX));
        }
        let pool = store.pool_stats();
        for (state, n) in [("open", pool.connections), ("idle", pool.idle), ("max", pool.max)] {
            self.0.pool.get_or_create(&StateLabels { state }).set(i64::from(n));
        }
        let mut text = String::new();
        if prometheus_client::encoding::text::encode(&mut text, &self.0.registry).is_err() {
            tracing::error!("metrics could not be encoded");
        }
        Ok(text)
    }
}

/// Inside the router: puts the template of the matched route on the response.
pub async fn label_route(request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().cloned().map(RouteLabel);
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(route);
    }
    response
}

/// Outermost: counts and times every request, cache hits included.
pub async fn record(metrics: Metrics, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let response = next.run(request).await;
    let route = response.extensions().get::<RouteLabel>().map_or("other", |r| r.0.as_str());
    metrics.observe(route, &method, response.status(), started.elapsed().as_secs_f64());
    response
}

#[derive(Clone)]
struct Endpoint {
    metrics: Metrics,
    store: Store,
    token_hash: Arc<[u8]>,
}

/// `/metrics` behind the token.
pub fn routes(metrics: Metrics, store: Store, token: &str) -> Router {
    let token_hash = Sha256::digest(token.as_bytes()).to_vec().into();
    Router::new().route("/metrics", get(scrape)).with_state(Endpoint { metrics, store, token_hash })
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

async fn scrape(State(endpoint): State<Endpoint>, headers: HeaderMap) -> Response {
    // Digests compared, so that the time taken says nothing about the token.
    let given = bearer(&headers).map(|t| Sha256::digest(t.as_bytes()).to_vec());
    if given.as_deref() != Some(&*endpoint.token_hash) {
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")], "").into_response();
    }
    match endpoint.metrics.render(&endpoint.store).await {
        Ok(text) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8"), (header::CACHE_CONTROL, "no-store")],
            text,
        )
            .into_response(),
        Err(error) => {
            tracing::warn!(%error, "metrics: database not reachable");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
