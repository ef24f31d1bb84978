//! The few routes that are not Leptos pages, and the middleware around everything.

use app::backend::AppState;
use app::backend::export::{self, Download, NotaFormat};
use app::backend::ratelimit::Bucket;
use app::backend::store::UserRow;
use app::domain::error::AppError;
use app::domain::export::ExportOptions;
use app::i18n::{LOCALE_COOKIE, Locale};
use axum::Router;
use axum::extract::{ConnectInfo, Extension, Path, Query, Request};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use leptos::prelude::LeptosOptions;
use serde::{Deserialize, Serialize};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

pub fn plain_routes() -> Router<LeptosOptions> {
    Router::new()
        .route("/consultaties/{slug}/reactienota.html", get(|a, b, c, d, e, f| nota(NotaFormat::Html, a, b, c, d, e, f)))
        .route("/consultaties/{slug}/reactienota.md", get(|a, b, c, d, e, f| nota(NotaFormat::Markdown, a, b, c, d, e, f)))
        .route("/consultaties/{slug}/reactienota.docx", get(|a, b, c, d, e, f| nota(NotaFormat::Docx, a, b, c, d, e, f)))
        .route("/consultaties/{slug}/reactienota.xlsx", get(|a, b, c, d, e, f| nota(NotaFormat::Xlsx, a, b, c, d, e, f)))
        .route("/consultaties/{slug}/reactienota.csv", get(|a, b, c, d, e, f| nota(NotaFormat::Csv, a, b, c, d, e, f)))
        .route("/consultaties/{slug}/dossier.zip", get(dossier))
        .route("/consultaties/{slug}/downloaden", get(download_choice))
        .route("/consultaties/{slug}/adviezen/{council}/collegereactie.md", get(letter_markdown))
        .route("/consultaties/{slug}/adviezen/{council}/collegereactie.docx", get(letter_docx))
        .route("/consultaties/{slug}/adviezen/{council}/brief.pdf", get(council_letter))
        .route("/gemeentelogo/{id}", get(municipality_logo))
        .route("/api/v1/consultaties", get(api_consultations))
        .route("/api/v1/consultaties/{slug}", get(api_document))
        .route("/api/v1/consultaties/{slug}/reacties", get(api_reactions))
        .route("/api/v1/consultaties/{slug}/adviezen", get(api_advice))
        .route("/taal/{code}", get(switch_language))
}

/// The value of the cookie `name` in the request's headers.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().split_once('=').filter(|(n, _)| *n == name).map(|(_, value)| value))
}

pub(crate) fn locale_from(headers: &HeaderMap) -> Locale {
    cookie(headers, LOCALE_COOKIE).and_then(Locale::parse).unwrap_or_default()
}

/// The client's address: the peer, or behind a trusted reverse proxy the address it forwards
/// (see `TrustedProxies`); unknown peers share one key.
struct Peer(IpAddr);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = match parts.extensions.get::<AppState>() {
            Some(state) => client_ip(state, &parts.extensions, &parts.headers),
            None => connected_peer(&parts.extensions),
        };
        Ok(Peer(ip))
    }
}

fn connected_peer(extensions: &axum::http::Extensions) -> IpAddr {
    extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The client's address of a request (see `Peer`).
pub(crate) fn client_ip(state: &AppState, extensions: &axum::http::Extensions, headers: &HeaderMap) -> IpAddr {
    state.trusted_proxies.client_ip(connected_peer(extensions), headers)
}

/// Downloads and open data are limited per address: generating them costs the server work.
fn check_download_limit(state: &AppState, peer: &Peer) -> Result<(), AppError> {
    state.limits.check(Bucket::Download, peer.0)
}

async fn signed_in(state: &AppState, session: &tower_sessions::Session) -> Result<Option<UserRow>, AppError> {
    app::backend::auth::user_of(session, &state.store).await
}

fn error_response(error: AppError) -> Response {
    match error {
        AppError::NotFound => (StatusCode::NOT_FOUND, "Niet gevonden").into_response(),
        AppError::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "Te veel verzoeken; probeer het over een minuut opnieuw.").into_response(),
        AppError::Unauthorized | AppError::Forbidden => (StatusCode::FORBIDDEN, "Geen toegang").into_response(),
        _ => (StatusCode::INTERNAL_SERVER_ERROR, "Er ging iets mis").into_response(),
    }
}

fn download(file: Download) -> Response {
    // The print version is a page of its own: no scripts, and only its own inline style.
    let csp = if file.inline && file.content_type.starts_with("text/html") {
        app::backend::security::document_csp(&String::from_utf8_lossy(&file.bytes))
    } else {
        app::backend::security::DEFAULT_CSP.to_string()
    };
    (
        [
            (header::CONTENT_SECURITY_POLICY, csp),
            (header::CONTENT_TYPE, file.content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("{}; filename=\"{}\"", if file.inline { "inline" } else { "attachment" }, file.file_name),
            ),
            // What staff download may hold more than the public version: never cache it shared.
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        file.bytes,
    )
        .into_response()
}

/// A file download, after the per-address limit.
async fn limited_download(state: &AppState, peer: &Peer, load: impl std::future::Future<Output = Result<Download, AppError>>) -> Response {
    let result = match check_download_limit(state, peer) {
        Ok(()) => load.await,
        Err(error) => Err(error),
    };
    result.map(download).unwrap_or_else(error_response)
}

/// The nota van beantwoording as `.md`, `.docx`, `.xlsx` or `.csv`, with the options in the query.
async fn nota(
    format: NotaFormat,
    Extension(state): Extension<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
    session: tower_sessions::Session,
    peer: Peer,
    headers: HeaderMap,
) -> Response {
    let options = ExportOptions::from_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let t = locale_from(&headers).messages();
    let load = async {
        let user = signed_in(&state, &session).await?;
        export::nota(&state.store, &state.organisation, &slug, format, options, user.as_ref(), t).await
    };
    limited_download(&state, &peer, load).await
}

/// The download form on the nota's page (a plain GET form) names the format in a field; this
/// sends the browser on to that format's address with the chosen options.
async fn download_choice(Path(slug): Path<String>, Query(query): Query<Vec<(String, String)>>) -> Response {
    let format =
        query.iter().rev().find(|(k, _)| k == "formaat").and_then(|(_, v)| NotaFormat::from_extension(v)).unwrap_or(NotaFormat::Docx);
    let options = ExportOptions::from_pairs(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let slug = app::domain::export::url_safe(&slug);
    Redirect::to(&format!("/consultaties/{slug}/reactienota.{}{}", format.extension(), options.to_query())).into_response()
}

/// The dossier for publication under the Woo.
async fn dossier(Extension(state): Extension<AppState>, Path(slug): Path<String>, peer: Peer, headers: HeaderMap) -> Response {
    limited_download(&state, &peer, export::dossier::dossier(&state.store, &state.organisation, &slug, locale_from(&headers).messages()))
        .await
}

/// The college's response letter as a Word document, for whoever may read it.
async fn letter_docx(
    Extension(state): Extension<AppState>,
    Path((slug, council)): Path<(String, String)>,
    session: tower_sessions::Session,
    peer: Peer,
    headers: HeaderMap,
) -> Response {
    let load = async {
        let user = signed_in(&state, &session).await?;
        export::letter_docx(&state.store, &state.organisation, user.as_ref(), &slug, &council, locale_from(&headers).messages()).await
    };
    limited_download(&state, &peer, load).await
}

/// The letter a council sent its advice in (a PDF), for whoever may read it.
async fn council_letter(
    Extension(state): Extension<AppState>,
    Path((slug, council)): Path<(String, String)>,
    session: tower_sessions::Session,
    peer: Peer,
) -> Response {
    let load = async {
        let user = signed_in(&state, &session).await?;
        export::council_letter_pdf(&state.store, user.as_ref(), &slug, &council).await
    };
    limited_download(&state, &peer, load).await
}

/// A municipality's logo, as its letters show it: public, and cached for good (a new logo gets a
/// new id, and an old id is no longer served once it is replaced).
async fn municipality_logo(Extension(state): Extension<AppState>, Path(id): Path<i64>) -> Response {
    match state.store.logo_content(id).await {
        Ok(Some((media_type, content))) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_str(&media_type).unwrap_or(HeaderValue::from_static("application/octet-stream"))),
                (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable")),
            ],
            content,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "logo not read");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Serialize)]
struct ApiError {
    error: &'static str,
}

fn api_response<T: Serialize>(result: Result<T, AppError>) -> Response {
    let (status, error) = match result {
        Ok(value) => return ([(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")], axum::Json(value)).into_response(),
        Err(AppError::NotFound) => (StatusCode::NOT_FOUND, "not found"),
        Err(AppError::RateLimited) => (StatusCode::TOO_MANY_REQUESTS, "too many requests"),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal error"),
    };
    (status, axum::Json(ApiError { error })).into_response()
}

/// An open data answer, after the per-address limit.
async fn open_data<T: Serialize>(state: &AppState, peer: &Peer, load: impl std::future::Future<Output = Result<T, AppError>>) -> Response {
    api_response(match check_download_limit(state, peer) {
        Ok(()) => load.await,
        Err(error) => Err(error),
    })
}

/// The open data limit for an answer that does not reach the handlers (the render cache's):
/// the same count, and the same refusal.
pub(crate) fn open_data_refusal(state: &AppState, request: &Request) -> Option<Response> {
    let peer = Peer(client_ip(state, request.extensions(), request.headers()));
    check_download_limit(state, &peer).err().map(|error| api_response::<()>(Err(error)))
}

async fn api_consultations(Extension(state): Extension<AppState>, peer: Peer) -> Response {
    open_data(&state, &peer, export::api_consultations(&state.store)).await
}

/// `?taal=` on the open data: the language of its labels and words.
#[derive(Deserialize)]
struct ApiLanguage {
    taal: Option<String>,
}

/// An open data answer in the language asked for: `?taal=nl` or `?taal=en`, else the site's
/// language cookie, else Dutch. An unknown one is refused rather than answered in another.
async fn open_data_in<T: Serialize, F: std::future::Future<Output = Result<T, AppError>>>(
    state: &AppState,
    peer: &Peer,
    language: &ApiLanguage,
    headers: &HeaderMap,
    load: impl FnOnce(&'static app::i18n::Messages) -> F,
) -> Response {
    let locale = match language.taal.as_deref() {
        None => locale_from(headers),
        Some(code) => match Locale::parse(code) {
            Some(locale) => locale,
            None => {
                return (StatusCode::BAD_REQUEST, axum::Json(ApiError { error: "unknown language: taal=nl or taal=en" })).into_response();
            }
        },
    };
    open_data(state, peer, load(locale.messages())).await
}

async fn api_document(
    Extension(state): Extension<AppState>,
    Path(slug): Path<String>,
    Query(language): Query<ApiLanguage>,
    peer: Peer,
    headers: HeaderMap,
) -> Response {
    open_data_in(&state, &peer, &language, &headers, |t| export::api_document(&state.store, &slug, t)).await
}

async fn api_reactions(
    Extension(state): Extension<AppState>,
    Path(slug): Path<String>,
    Query(language): Query<ApiLanguage>,
    peer: Peer,
    headers: HeaderMap,
) -> Response {
    open_data_in(&state, &peer, &language, &headers, |t| export::api_reactions(&state.store, &slug, t)).await
}

async fn api_advice(
    Extension(state): Extension<AppState>,
    Path(slug): Path<String>,
    Query(language): Query<ApiLanguage>,
    peer: Peer,
    headers: HeaderMap,
) -> Response {
    open_data_in(&state, &peer, &language, &headers, |t| export::api_advice(&state.store, &slug, t)).await
}

/// A path that does not decode to text (invalid UTF-8, a broken `%` escape, a control character)
/// names no page. The browser is sent to the "niet gevonden" page (in Dutch, status 404) instead
/// of reaching a route that would fail on it: sent, not rewritten, so that the page's script
/// starts on an address it can read.
pub async fn refuse_unreadable_paths(request: Request, next: axum::middleware::Next) -> Response {
    if readable_path(request.uri().path()) {
        next.run(request).await
    } else {
        axum::response::Redirect::to("/niet-gevonden").into_response()
    }
}

fn readable_path(path: &str) -> bool {
    let bytes = path.as_bytes();
    let well_formed = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%' || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    well_formed && percent_encoding::percent_decode_str(path).decode_utf8().is_ok_and(|decoded| !decoded.chars().any(char::is_control))
}

/// `/consultaties/{slug}/adviezen/{council}.md` and `.docx` are the letter's downloads; the router
/// cannot match a suffix inside a segment, so they are rewritten to the routes above first.
pub fn rewrite_letter_downloads(mut request: Request) -> Request {
    let path = request.uri().path();
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if let ["consultaties", slug, "adviezen", file] = parts.as_slice()
        && let Some((council, ext)) = file.rsplit_once('.')
        && matches!(ext, "md" | "docx")
        && !council.is_empty()
    {
        let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
        if let Ok(uri) = format!("/consultaties/{slug}/adviezen/{council}/collegereactie.{ext}{query}").parse() {
            *request.uri_mut() = uri;
        }
    }
    request
}

/// The college's response letter as Markdown: public once published, else for staff and its council.
async fn letter_markdown(
    Extension(state): Extension<AppState>,
    Path((slug, council)): Path<(String, String)>,
    session: tower_sessions::Session,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let user = signed_in(&state, &session).await?;
        let t = locale_from(&headers).messages();
        let markdown = app::backend::advice::letter_markdown(&state.store, user.as_ref(), &slug, &council, t).await?;
        Ok::<_, AppError>(Download {
            bytes: markdown.into_bytes(),
            content_type: "text/markdown; charset=utf-8",
            file_name: app::domain::export::file_name("collegereactie", &format!("{slug}-{council}"), "md"),
            inline: false,
        })
    }
    .await;
    result.map(download).unwrap_or_else(error_response)
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
    let target = back.terug.as_deref().and_then(app::backend::security::safe_return_path).unwrap_or_else(|| "/".into());
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

/// Headers on every response. Pages carry their own Content-Security-Policy (with the nonce of
/// their inline scripts); everything else gets one that lets nothing run. HSTS when the site is
/// served over https.
pub async fn security_headers(https: bool, request: Request, next: Next) -> Response {
    use app::backend::security::{DEFAULT_CSP, HSTS};
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(DEFAULT_CSP));
    }
    if https {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::readable_path;

    #[test]
    fn paths_that_do_not_decode_to_text_are_unreadable() {
        for path in ["/", "/consultaties/omgevingsvisie-2040", "/volg/ABCDE-FGHJK", "/zoek/caf%C3%A9", "/a%20b"] {
            assert!(readable_path(path), "{path}");
        }
        for path in ["/volg/%FF%FE", "/volg/ABCDE-%00", "/volg/%E2%82", "/volg/%", "/consultaties/%C0%AF", "/%ZZ", "/a%0Ab", "/a%7F"] {
            assert!(!readable_path(path), "{path}");
        }
    }
}
