//! The few routes that are not Leptos pages, and the middleware around everything.

use app::backend::{AppState, services};
use app::domain::error::AppError;
use app::i18n::{LOCALE_COOKIE, Locale};
use axum::Router;
use axum::extract::{Extension, Path, Query, Request};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use leptos::prelude::LeptosOptions;
use serde::Deserialize;

pub fn plain_routes() -> Router<LeptosOptions> {
    Router::new()
        .route("/consultaties/{slug}/reactienota.md", get(report_markdown))
        .route("/consultaties/{slug}/adviezen/{council}/collegereactie.md", get(letter_markdown))
        .route("/taal/{code}", get(switch_language))
}

fn locale_from(headers: &HeaderMap) -> Locale {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(&format!("{LOCALE_COOKIE}=")).and_then(Locale::parse))
        .unwrap_or_default()
}

async fn report_markdown(Extension(state): Extension<AppState>, Path(slug): Path<String>, headers: HeaderMap) -> Response {
    match services::report_markdown(&state.store, &slug, locale_from(&headers).messages()).await {
        Ok(markdown) => markdown_download(markdown, &format!("reactienota-{slug}.md")),
        Err(AppError::NotFound) => (StatusCode::NOT_FOUND, "Niet gevonden").into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Er ging iets mis").into_response(),
    }
}

/// The college's response letter as Markdown: public once published, else for staff and its council.
async fn letter_markdown(
    Extension(state): Extension<AppState>,
    Path((slug, council)): Path<(String, String)>,
    session: tower_sessions::Session,
    headers: HeaderMap,
) -> Response {
    let user = match app::backend::auth::user_of(&session, &state.store).await {
        Ok(user) => user,
        Err(_) => return (StatusCode::INTERNAL_SERVER_ERROR, "Er ging iets mis").into_response(),
    };
    let t = locale_from(&headers).messages();
    match app::backend::advice::letter_markdown(&state.store, user.as_ref(), &slug, &council, t).await {
        Ok(markdown) => markdown_download(markdown, &format!("collegereactie-{slug}-{council}.md")),
        Err(AppError::NotFound) => (StatusCode::NOT_FOUND, "Niet gevonden").into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Er ging iets mis").into_response(),
    }
}

fn markdown_download(markdown: String, file_name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/markdown; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
        ],
        markdown,
    )
        .into_response()
}

#[derive(Deserialize)]
struct Back {
    terug: Option<String>,
}

/// Remembers the chosen language and returns to the page the visitor was on.
async fn switch_language(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let Some(locale) = Locale::parse(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let target = back.terug.filter(|t| t.starts_with('/') && !t.starts_with("//") && !t.contains('\\')).unwrap_or_else(|| "/".into());
    let cookie = format!("{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", locale.code());
    ([(header::SET_COOKIE, cookie)], Redirect::to(&target)).into_response()
}

/// Refuses state-changing requests from other sites: the `Origin` (or, failing that, the
/// `Referer`) must name this host. Together with SameSite cookies this makes forms CSRF-safe.
pub async fn same_origin_only(request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let source = headers.get(header::ORIGIN).or_else(|| headers.get(header::REFERER)).and_then(|v| v.to_str().ok());
    let same = match (host, source) {
        (_, None) => true, // Not a browser form: no ambient credentials to abuse.
        (Some(host), Some(source)) => {
            let rest = source.split_once("://").map(|(_, r)| r).unwrap_or(source);
            rest.split('/').next() == Some(host)
        }
        (None, Some(_)) => false,
    };
    if same {
        next.run(request).await
    } else {
        tracing::warn!(?source, ?host, "cross-site request refused");
        (StatusCode::FORBIDDEN, "Verzoek van een andere website geweigerd.").into_response()
    }
}

pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    response
}
