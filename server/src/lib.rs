//! The Inspraak web server: the Leptos app plus a few plain routes, behind sessions, a CSRF
//! origin check, security headers and a body size limit. Built as a library so that integration
//! tests run the real router in-process.

#![recursion_limit = "256"]

pub mod assets;
pub mod cli;
mod health;
pub mod metrics;
pub mod page_cache;
mod routes;
mod sessions;
pub mod texts;

use app::app::{App, shell};
use app::backend::AppState;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sessions::Sessions;
use tower_http::compression::CompressionLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// Largest request body of the document import (a 5 MB document, base64 or multipart, and its
/// form): the one upload.
pub const MAX_UPLOAD_BYTES: usize = 25 * 1024 * 1024;
/// Largest request body everywhere else: every form field is far smaller, yet a 2 MB paste into
/// a field still arrives, so that it is answered with a message next to the field rather than a
/// bare error page.
pub const MAX_BODY_BYTES: usize = 3 * 1024 * 1024;
/// The paths that take an upload: a document, a new version of it, a council's letter.
const UPLOAD_PATHS: [&str; 4] = ["/api/nieuwe-consultatie", "/api/nieuwe-versie", "/api/advies-brief", "/api/gemeentelogo"];

pub struct ServerOptions {
    /// Mark the session cookie `Secure` (on unless `INSPRAAK_INSECURE_COOKIES=1`).
    pub secure_cookies: bool,
    /// Size of the render cache for public pages, all bodies together (`INSPRAAK_PAGE_CACHE_MB`).
    pub page_cache_bytes: u64,
    /// The bearer token of `/metrics` (`INSPRAAK_METRICS_TOKEN`); no `/metrics` without one.
    pub metrics_token: Option<String>,
    /// The design tokens of the municipality's theme (`INSPRAAK_THEME`, read by
    /// [`assets::theme_css`]); without it the site's built-in default theme.
    pub theme: Option<std::sync::Arc<str>>,
}

impl ServerOptions {
    pub fn from_settings(settings: &app::backend::Settings) -> Self {
        ServerOptions {
            secure_cookies: settings.secure_cookies,
            page_cache_bytes: u64::from(settings.page_cache_mb) * 1024 * 1024,
            metrics_token: None,
            theme: None,
        }
    }

    /// The default options, with or without `Secure` cookies.
    pub fn new(secure_cookies: bool) -> Self {
        Self::from_settings(&app::backend::Settings { secure_cookies, ..Default::default() })
    }
}

/// Refuses a body over the limit of its path before anything reads it (by its length when it
/// says one, else while it streams).
async fn limit_body(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    use axum::response::IntoResponse;
    let limit = if UPLOAD_PATHS.contains(&request.uri().path()) { MAX_UPLOAD_BYTES } else { MAX_BODY_BYTES };
    let declared =
        request.headers().get(axum::http::header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        tracing::warn!(path = %request.uri().path(), declared, limit, "request body too large");
        return (axum::http::StatusCode::PAYLOAD_TOO_LARGE, "Wat u stuurde is te groot.").into_response();
    }
    let request = request.map(|body| axum::body::Body::new(http_body_util::Limited::new(body, limit)));
    next.run(request).await
}

/// The app's routes, generated once per process. Generating them runs the app with resource
/// loading suppressed process-wide, which would stall a page being rendered at the same moment
/// (leptos issue 4773); tests build many routers in one process.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// How often ended sessions are deleted from the database.
const SESSION_CLEANUP_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Deletes expired sessions at start and then every hour, so that ended sessions (who was signed
/// in, and when) are not kept longer than they work.
fn spawn_session_cleanup(store: Sessions) {
    use tower_sessions::session_store::ExpiredDeletion;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(SESSION_CLEANUP_EVERY);
        loop {
            // The first tick comes at once.
            every.tick().await;
            if let Err(error) = store.delete_expired().await {
                tracing::warn!(%error, "expired sessions not deleted");
            }
        }
    });
}

pub async fn build_router(state: AppState, mut leptos_options: LeptosOptions, options: &ServerOptions) -> Result<Router, sqlx::Error> {
    let assets = assets::fingerprinted(&mut leptos_options, options.theme.clone());
    let session_store = Sessions::open(&state.store).await?;
    spawn_session_cleanup(session_store.clone());
    let sessions = SessionManagerLayer::new(session_store)
        .with_name(page_cache::SESSION_COOKIE)
        .with_secure(options.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(time::Duration::hours(8)));
    let routes = route_list();
    // Pages, server functions and the 404 page all see the same state (and pages their CSP).
    let provide_state = {
        let state = state.clone();
        move || app::backend::context::provide_request_context(state.clone())
    };
    let https = state.public_url.starts_with("https://");
    let router = Router::new()
        .merge(routes::plain_routes())
        .merge(assets)
        .merge(assets::favicon())
        .leptos_routes_with_context(&leptos_options, routes, provide_state.clone(), {
            let leptos_options = leptos_options.clone();
            move || shell(leptos_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(provide_state, shell))
        .with_state(leptos_options)
        .layer(axum::middleware::from_fn(metrics::label_route))
        .layer(axum::Extension(state.clone()))
        .layer(sessions)
        .layer(axum::middleware::from_fn(routes::same_origin_only))
        .layer(axum::middleware::from_fn(move |request, next| routes::security_headers(https, request, next)))
        .layer(axum::middleware::from_fn(limit_body))
        .layer(CompressionLayer::new());
    // Rewrites that must happen before routing wrap the whole router, and so does the cache of
    // public pages (it compresses what it keeps itself).
    let mut operations = health::routes(state.store.clone());
    // Requests are counted only where someone can read the count.
    let mut metrics = None;
    if let Some(token) = &options.metrics_token {
        let counted = metrics::Metrics::default();
        operations = operations.merge(metrics::routes(counted.clone(), state.store.clone(), token));
        metrics = Some(counted);
    }
    let operations = operations.layer(axum::middleware::from_fn(metrics::label_route));
    let cache = page_cache::PageCache::new(state, options.page_cache_bytes);
    let app = Router::new()
        .merge(operations)
        .fallback_service(tower::ServiceExt::map_request(router, routes::rewrite_letter_downloads))
        .layer(axum::middleware::from_fn(move |request, next| page_cache::serve(cache.clone(), request, next)))
        .layer(axum::middleware::from_fn(routes::refuse_unreadable_paths));
    Ok(match metrics {
        Some(metrics) => app.layer(axum::middleware::from_fn(move |request, next| metrics::record(metrics.clone(), request, next))),
        None => app,
    })
}
