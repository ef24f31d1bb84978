//! What a load balancer and an IT department's monitoring ask: is the process up (`/healthz`),
//! can it serve (`/readyz`: the database answers and has every migration of this build).

use app::backend::store::{Readiness, Store};
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub fn routes(store: Store) -> Router {
    Router::new().route("/healthz", get(live)).route("/readyz", get(ready)).with_state(store)
}

fn json(status: StatusCode, body: serde_json::Value) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], axum::Json(body)).into_response()
}

/// The process runs and answers; nothing else is asked, so a slow database never gets a healthy
/// server restarted.
async fn live() -> Response {
    json(StatusCode::OK, serde_json::json!({ "status": "ok" }))
}

/// Ready for traffic: 200, or 503 with the reason.
async fn ready(State(store): State<Store>) -> Response {
    match store.readiness().await {
        Ok(Readiness::Ready) => json(StatusCode::OK, serde_json::json!({ "status": "ready" })),
        Ok(Readiness::MigrationsPending(pending)) => json(
            StatusCode::SERVICE_UNAVAILABLE,
            serde_json::json!({ "status": "not ready", "reason": "migrations pending", "pending": pending }),
        ),
        Err(error) => {
            tracing::warn!(%error, "readiness: database not reachable");
            json(StatusCode::SERVICE_UNAVAILABLE, serde_json::json!({ "status": "not ready", "reason": "database unreachable" }))
        }
    }
}
