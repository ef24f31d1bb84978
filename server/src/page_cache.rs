//! The render cache for anonymous readers of the public pages.
//!
//! A page is kept per path, query and language, together with the public version it was rendered
//! for (migration 0006: the database raises a consultation's version in the same transaction as
//! every write that changes one of its public pages) and the day (a comment period opens and
//! closes by the calendar). Every request reads the current version from the database, so a page
//! is served only while it is current, also when several servers share one database. The plain
//! body is kept beside its gzip and brotli forms; every page has an ETag and a matching
//! `If-None-Match` gets `304 Not Modified`.
//!
//! Never cached: anything for a signed-in visitor (a session cookie), a form shown again with
//! what was typed (`?formulier=`), staff and council pages, and `/volg/…`; those get
//! `Cache-Control: private, no-store` instead.

use crate::routes::{cookie, locale_from, open_data_refusal};
use app::backend::AppState;
use app::i18n::Locale;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::io::Write;
use std::sync::Arc;

/// The session cookie (see `build_router`): its presence means the page may be personal.
pub const SESSION_COOKIE: &str = "inspraak_sessie";

/// What a public page's content depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// Every consultation (the home page, the open data index).
    Site,
    /// One consultation, by slug.
    Consultation(&'a str),
}

/// The public pages that may be cached, and what each depends on.
pub fn public_scope(path: &str) -> Option<Scope<'_>> {
    let parts: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    match parts.as_slice() {
        [""] | ["api", "v1", "consultaties"] => Some(Scope::Site),
        ["consultaties", slug]
        | ["consultaties", slug, "reactienota" | "reactienota.html" | "resultaat" | "adviezen"]
        | ["consultaties", slug, "adviezen", _]
        | ["consultaties", slug, "versies", _]
        | ["consultaties", slug, "versies", _, "wijzigingen"]
        | ["api", "v1", "consultaties", slug]
        | ["api", "v1", "consultaties", slug, "reacties" | "adviezen"]
            if !slug.is_empty() && !path.ends_with(".md") && !path.ends_with(".docx") =>
        {
            Some(Scope::Consultation(slug))
        }
        _ => None,
    }
}

/// Pages that are personal by nature: never stored by a browser or a proxy.
pub fn is_private_path(path: &str) -> bool {
    const PRIVATE: [&str; 8] = ["/volg", "/beheer", "/raad", "/inloggen", "/uitnodiging", "/bevestigen", "/afmelden", "/wissen"];
    PRIVATE.iter().any(|p| path == *p || path.strip_prefix(p).is_some_and(|rest| rest.starts_with('/')))
}

/// The content encodings a cached page comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

/// The best encoding the client accepts: brotli, then gzip, else none (`q=0` refuses one).
pub fn preferred_encoding(headers: &HeaderMap) -> Encoding {
    let mut gzip = false;
    let mut brotli = false;
    for value in headers.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()) {
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
            let refused = parts.any(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()).is_some_and(|q| q <= 0.0));
            match name.as_str() {
                "br" => brotli |= !refused,
                "gzip" => gzip |= !refused,
                _ => {}
            }
        }
    }
    if brotli {
        Encoding::Brotli
    } else if gzip {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn has_session(headers: &HeaderMap) -> bool {
    cookie(headers, SESSION_COOKIE).is_some()
}

/// A page shown again with what was typed into a refused form is that visitor's own.
fn shows_form_echo(query: &str) -> bool {
    query.split('&').any(|pair| pair.split('=').next() == Some(app::api::ECHO_PARAM))
}

/// What a cached page was rendered for: the public version (or the site's pair) and the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Version {
    data: (i64, i64),
    day: time::Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    locale: Locale,
    path_and_query: String,
}

struct Page {
    version: Version,
    etag: HeaderValue,
    headers: Vec<(HeaderName, HeaderValue)>,
    plain: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    /// The route that rendered it, for the metrics of what the cache serves.
    route: Option<crate::metrics::RouteLabel>,
}

impl Page {
    fn weight(&self) -> u32 {
        let bytes = self.plain.len() + self.gzip.len() + self.brotli.len() + 512;
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }

    fn response(&self, encoding: Encoding, request_headers: &HeaderMap, head: bool) -> Response {
        let not_modified = request_headers
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|tag| tag.trim() == "*" || tag.trim().trim_start_matches("W/") == self.etag.to_str().unwrap_or_default());
        let mut response = if not_modified {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let body = match encoding {
                Encoding::Identity => self.plain.clone(),
                Encoding::Gzip => self.gzip.clone(),
                Encoding::Brotli => self.brotli.clone(),
            };
            let length = body.len();
            let mut response = Response::new(if head { Body::empty() } else { Body::from(body) });
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
            match encoding {
                Encoding::Identity => {}
                Encoding::Gzip => {
                    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                }
                Encoding::Brotli => {
                    headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                }
            }
            response
        };
        let headers = response.headers_mut();
        for (name, value) in &self.headers {
            headers.insert(name.clone(), value.clone());
        }
        headers.insert(header::ETAG, self.etag.clone());
        // Shared caches may keep it, but must ask every time (the ETag makes that cheap).
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, no-cache"));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding, cookie"));
        headers.insert("x-inspraak-cache", HeaderValue::from_static("hit"));
        if let Some(route) = &self.route {
            response.extensions_mut().insert(route.clone());
        }
        response
    }
}

/// The headers a cached page keeps from its rendering (not those per response or per encoding).
fn kept_headers(headers: &HeaderMap) -> Vec<(HeaderName, HeaderValue)> {
    let dropped = [
        header::CONTENT_LENGTH,
        header::CONTENT_ENCODING,
        header::TRANSFER_ENCODING,
        header::DATE,
        header::SET_COOKIE,
        header::VARY,
        header::CACHE_CONTROL,
        header::ETAG,
    ];
    headers.iter().filter(|(name, _)| !dropped.contains(name)).map(|(n, v)| (n.clone(), v.clone())).collect()
}

fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 4), flate2::Compression::new(6));
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    Bytes::from(encoder.finish().unwrap_or_default())
}

fn brotli(bytes: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(bytes.len() / 4);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 6, 22);
        let _ = writer.write_all(bytes);
    }
    Bytes::from(out)
}

/// The cache; one per router, shared by its requests.
#[derive(Clone)]
pub struct PageCache {
    pages: moka::sync::Cache<Key, Arc<Page>>,
    state: AppState,
    /// Off with a size of 0 (`INSPRAAK_PAGE_CACHE_MB=0`): every page is rendered for its request,
    /// as when measuring the rendering itself.
    enabled: bool,
}

impl PageCache {
    pub fn new(state: AppState, capacity_bytes: u64) -> Self {
        let pages = moka::sync::Cache::builder().max_capacity(capacity_bytes).weigher(|_: &Key, page: &Arc<Page>| page.weight()).build();
        PageCache { pages, state, enabled: capacity_bytes > 0 }
    }

    /// The current version of what a page in `scope` shows; None when the consultation does
    /// not exist (the "not found" page is not kept) or the database did not answer.
    async fn version(&self, scope: Scope<'_>) -> Option<Version> {
        let data = match scope {
            Scope::Site => self.state.store.site_version().await.map(Some),
            Scope::Consultation(slug) => self.state.store.public_version(slug).await.map(|v| v.map(|v| (v, 0))),
        };
        match data {
            Ok(data) => data.map(|data| Version { data, day: app::backend::services::today() }),
            Err(error) => {
                tracing::warn!(%error, "public version not read; page rendered without the cache");
                None
            }
        }
    }
}

/// The middleware: serves current pages from the cache, stores what it renders for anonymous
/// readers, and marks personal pages `private, no-store`.
pub async fn serve(cache: PageCache, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let query = request.uri().query().unwrap_or_default().to_string();
    let personal = has_session(request.headers()) || is_private_path(&path) || shows_form_echo(&query);
    let method = request.method().clone();
    let cacheable = !personal && (method == Method::GET || method == Method::HEAD);
    let scope = if cacheable && cache.enabled { public_scope(&path) } else { None };
    let Some(scope) = scope else {
        let mut response = next.run(request).await;
        if personal && !path.starts_with("/pkg/") {
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        }
        return response;
    };
    let Some(version) = cache.version(scope).await else {
        return next.run(request).await;
    };
    let key =
        Key { locale: locale_from(request.headers()), path_and_query: if query.is_empty() { path } else { format!("{path}?{query}") } };
    let encoding = preferred_encoding(request.headers());
    let head = method == Method::HEAD;
    if let Some(page) = cache.pages.get(&key).filter(|page| page.version == version) {
        if let Some(refused) = path_is_open_data(&key.path_and_query).then(|| open_data_refusal(&cache.state, &request)).flatten() {
            return refused;
        }
        return page.response(encoding, request.headers(), head);
    }
    // Render without compression: the cache compresses once, for every later reader.
    let request_headers = request.headers().clone();
    let (mut parts, body) = request.into_parts();
    parts.headers.remove(header::ACCEPT_ENCODING);
    parts.method = Method::GET;
    let response = next.run(Request::from_parts(parts, body)).await;
    let storable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CONTENT_ENCODING);
    if !storable {
        return response;
    }
    let (parts, body) = response.into_parts();
    let plain = match http_body_util::BodyExt::collect(body).await {
        Ok(collected) => collected.to_bytes(),
        Err(error) => {
            tracing::warn!(%error, "page body not read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut headers = kept_headers(&parts.headers);
    if let Some((_, csp)) = headers.iter_mut().find(|(name, _)| name == header::CONTENT_SECURITY_POLICY)
        && csp.to_str().is_ok_and(|v| v.contains("'nonce-"))
    {
        // The nonce was made for one response; a page served many times names its inline
        // scripts and styles by hash instead.
        let html = String::from_utf8_lossy(&plain);
        if let Ok(value) = HeaderValue::from_str(&app::backend::security::cached_page_csp(&html)) {
            *csp = value;
        }
    }
    let digest = <sha2::Sha256 as sha2::Digest>::digest(&plain);
    let etag = digest.iter().take(12).map(|b| format!("{b:02x}")).collect::<String>();
    let page = Arc::new(Page {
        version,
        etag: HeaderValue::from_str(&format!("\"{etag}\"")).unwrap_or(HeaderValue::from_static("\"0\"")),
        headers,
        route: parts.extensions.get::<crate::metrics::RouteLabel>().cloned(),
        gzip: gzip(&plain),
        brotli: brotli(&plain),
        plain,
    });
    cache.pages.insert(key, page.clone());
    let mut response = page.response(encoding, &request_headers, head);
    response.headers_mut().insert("x-inspraak-cache", HeaderValue::from_static("miss"));
    response
}

/// Open data stays under the per-address download limit when it comes from the cache.
fn path_is_open_data(path: &str) -> bool {
    path.starts_with("/api/v1/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_pages_have_a_scope_and_others_none() {
        assert_eq!(public_scope("/"), Some(Scope::Site));
        assert_eq!(public_scope("/api/v1/consultaties"), Some(Scope::Site));
        for path in [
            "/consultaties/visie",
            "/consultaties/visie/reactienota",
            "/consultaties/visie/reactienota.html",
            "/consultaties/visie/resultaat",
            "/consultaties/visie/adviezen",
            "/consultaties/visie/adviezen/wmo-raad",
            "/consultaties/visie/versies/1",
            "/consultaties/visie/versies/2/wijzigingen",
            "/api/v1/consultaties/visie",
            "/api/v1/consultaties/visie/reacties",
            "/api/v1/consultaties/visie/adviezen",
        ] {
            assert_eq!(public_scope(path), Some(Scope::Consultation("visie")), "{path}");
        }
        for path in [
            "/volg",
            "/volg/ABCDE-FGHJK",
            "/beheer",
            "/beheer/consultaties/visie",
            "/raad/visie",
            "/consultaties/visie/reactienota.docx",
            "/consultaties/visie/dossier.zip",
            "/consultaties/visie/adviezen/wmo-raad.docx",
            "/consultaties/visie/adviezen/wmo-raad.md",
            "/consultaties//resultaat",
            "/pkg/inspraak.css",
            "/api/reactie",
            "",
        ] {
            assert_eq!(public_scope(path), None, "{path}");
        }
    }

    #[test]
    fn personal_pages_are_private() {
        for path in
            ["/volg", "/volg/ABCDE-FGHJK", "/volg/kwijt", "/beheer", "/beheer/raden", "/raad", "/raad/visie", "/inloggen", "/wissen/x"]
        {
            assert!(is_private_path(path), "{path}");
        }
        for path in ["/", "/consultaties/visie", "/volgende", "/raadsbrief", "/pkg/inspraak.css"] {
            assert!(!is_private_path(path), "{path}");
        }
    }

    #[test]
    fn the_best_accepted_encoding_is_chosen() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).expect("header"));
            preferred_encoding(&headers)
        };
        assert_eq!(preferred_encoding(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(with("gzip"), Encoding::Gzip);
        assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(with("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(with("identity"), Encoding::Identity);
        assert_eq!(with("GZIP;q=1.0"), Encoding::Gzip);
    }

    #[test]
    fn sessions_and_echoes_make_a_request_personal() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("taal=en; inspraak_sessie=abc"));
        assert!(has_session(&headers));
        assert_eq!(locale_from(&headers), Locale::En);
        headers.insert(header::COOKIE, HeaderValue::from_static("inspraak_sessie_oud=abc"));
        assert!(!has_session(&headers));
        assert!(shows_form_echo("alinea=p-3&formulier=abc"));
        assert!(!shows_form_echo("alinea=p-3"));
    }

    #[test]
    fn compressed_bodies_decode_to_the_plain_one() {
        let plain = "<p>Alinea</p>".repeat(500);
        let mut decoded = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gzip(plain.as_bytes())[..]), &mut decoded).expect("gzip");
        assert_eq!(decoded, plain);
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(plain.as_bytes())[..], &mut decoded).expect("brotli");
        assert_eq!(decoded, plain.as_bytes());
    }
}
