//! The render cache of public pages: what the public may see holds on cached pages, at once after
//! every write that changes it, also when another server wrote to the same database; personal
//! pages are never cached.

mod common;

use app::api::Receipt;
use app::backend::AppState;
use app::domain::comment::CommentForm;
use app::domain::error::FormOutcome;
use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use common::*;

const NOTA: &str = "/consultaties/visie/reactienota";
const PUBLIC_PAGES: [&str; 7] = [
    "/",
    "/consultaties/visie",
    NOTA,
    "/consultaties/visie/resultaat",
    "/consultaties/visie/adviezen",
    "/api/v1/consultaties",
    "/api/v1/consultaties/visie/reacties",
];

fn cache_state(page: &TestResponse) -> &str {
    page.header("x-inspraak-cache").unwrap_or("none")
}

/// Reads a page twice as an anonymous reader and checks that the second came from the cache.
async fn cached(reader: &mut Client, path: &str) -> TestResponse {
    let first = reader.get(path).await;
    assert_eq!(first.status, StatusCode::OK, "{path}: {}", first.body);
    let second = reader.get(path).await;
    assert_eq!(cache_state(&second), "hit", "{path} is served from the cache the second time");
    assert_eq!(first.body, second.body, "{path}");
    second
}

async fn submit(app: &TestApp, form: CommentForm) -> Receipt {
    let response = app.client_from([203, 0, 113, 90]).submit(&form).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    saved(response.json::<FormOutcome<Receipt>>())
}

fn named(body: &str, name: &str) -> CommentForm {
    CommentForm { name: name.into(), show_name: Some("on".into()), consent: Some("on".into()), ..comment("visie", "h1-1", body) }
}

/// Another server on this test's database and site: its own state, cache and fingerprint.
async fn another_server(app: &TestApp) -> axum::Router {
    another_server_with(app, app::backend::Settings { secure_cookies: false, ..generous() }).await
}

async fn another_server_with(app: &TestApp, settings: app::backend::Settings) -> axum::Router {
    let store = app::backend::store::Store::connect(&app.url).await.expect("second connection");
    let options = leptos::prelude::LeptosOptions::builder()
        .output_name("inspraak")
        .site_root(app.dir.path().join("site").to_string_lossy().to_string())
        .env(leptos::config::Env::PROD)
        .build();
    let server_options = server::ServerOptions::from_settings(&settings);
    server::build_router(AppState::new(store, &settings), options, &server_options).await.expect("second router")
}

async fn send(router: &axum::Router, request: axum::http::request::Builder, body: Body) -> axum::response::Response {
    let request = request
        .header(header::HOST, HOST)
        .extension(axum::extract::ConnectInfo(std::net::SocketAddr::from(([203, 0, 113, 91], 40_000))))
        .body(body)
        .unwrap();
    tower::ServiceExt::oneshot(router.clone(), request).await.expect("the server answers")
}

/// Sends `form`, answers it as an officer (text, status, place), has it approved and adopted; its receipt and id.
async fn answered_and_adopted(app: &TestApp, officer: &mut Client, form: CommentForm, answer: (&str, &str, &str)) -> (Receipt, i64) {
    let receipt = submit(app, form.clone()).await;
    let id = app.comment_id("visie", &form.body).await;
    let (body, status, place) = answer;
    publish_answer(app, officer, id, body, status, place).await;
    adopt(app).await;
    (receipt, id)
}

async fn adopt(app: &TestApp) {
    let today = app::backend::services::today().to_string();
    let adopted = app.admin().await.call("/api/vaststelling", &fields(&[("form[slug]", "visie"), ("form[adopted_on]", &today)])).await;
    assert!(matches!(adopted.json::<FormOutcome<app::api::Adopted>>(), FormOutcome::Done(_)), "{}", adopted.body);
}

#[tokio::test]
async fn a_public_page_is_kept_compressed_with_an_etag_and_answers_304() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut reader = app.client();
    let first = reader.get("/consultaties/visie").await;
    assert_eq!(cache_state(&first), "miss");
    let page = cached(&mut reader, "/consultaties/visie").await;
    let etag = page.header("etag").expect("an ETag").to_string();
    assert_eq!(page.header("cache-control"), Some("public, no-cache"));
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(csp.contains("'sha256-") && !csp.contains("nonce"), "a cached page names its scripts by hash: {csp}");

    let revalidate =
        reader.builder(Method::GET, "/consultaties/visie").header(header::IF_NONE_MATCH, etag.clone()).body(Body::empty()).unwrap();
    let not_modified = reader.send(revalidate).await;
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(not_modified.bytes.is_empty());
    assert_eq!(not_modified.header("etag"), Some(etag.as_str()));

    for (encoding, decode) in [("gzip", decode_gzip as fn(&[u8]) -> String), ("br", decode_brotli)] {
        let request =
            reader.builder(Method::GET, "/consultaties/visie").header(header::ACCEPT_ENCODING, encoding).body(Body::empty()).unwrap();
        let compressed = reader.send(request).await;
        assert_eq!(compressed.header("content-encoding"), Some(encoding));
        assert!(compressed.bytes.len() * 2 < page.bytes.len(), "{encoding} is smaller");
        assert_eq!(decode(&compressed.bytes), page.body, "{encoding} decodes to the same page");
    }

    // Another language is another page.
    let mut english = app.client();
    english.cookies.insert("taal".into(), "en".into());
    let page_en = english.get("/consultaties/visie").await;
    assert_eq!(cache_state(&page_en), "miss");
    assert_ne!(page_en.header("etag"), Some(etag.as_str()));
    assert!(page_en.body.contains("lang=\"en\""));
}

fn decode_gzip(bytes: &[u8]) -> String {
    let mut out = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(bytes), &mut out).expect("gzip");
    out
}

fn decode_brotli(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &bytes[..], &mut out).expect("brotli");
    String::from_utf8(out).expect("utf-8")
}

#[tokio::test]
async fn a_new_comment_shows_in_the_counts_on_the_next_request() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut reader = app.client();
    let before: Vec<String> = {
        let mut pages = Vec::new();
        for path in PUBLIC_PAGES {
            pages.push(cached(&mut reader, path).await.body);
        }
        pages
    };
    submit(&app, comment("visie", "h1-1", "Meer bankjes in het park.")).await;
    for (path, old) in PUBLIC_PAGES.into_iter().zip(before) {
        let page = reader.get(path).await;
        assert_eq!(cache_state(&page), "miss", "{path} is rendered again after the comment");
        assert_ne!(page.body, old, "{path} changed");
    }
    let document = reader.get("/consultaties/visie").await;
    assert!(document.body.contains("1 reactie"), "the count on the paragraph");
}

#[tokio::test]
async fn an_approved_answer_appears_in_the_cached_nota_at_once() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    submit(&app, comment("visie", "h1-1", "Meer bankjes in het park.")).await;
    let id = app.comment_id("visie", "Meer bankjes in het park.").await;
    let mut reader = app.client();
    let mut officer = app.officer().await;
    // A draft changes no public page, yet the cache must not show one either.
    saved(save_answer(&mut officer, &answer_fields(id, "Er komen twaalf bankjes bij.", "verwerkt", "1, alinea 1", "concept")).await);
    let page = cached(&mut reader, NOTA).await;
    assert!(!page.body.contains("twaalf bankjes"));
    publish_answer(&app, &mut officer, id, "Er komen twaalf bankjes bij.", "verwerkt", "1, alinea 1").await;
    adopt(&app).await;
    let page = reader.get(NOTA).await;
    assert!(page.body.contains("Er komen twaalf bankjes bij."), "the answer is in the nota at once");
    let json = reader.get("/api/v1/consultaties/visie/reacties").await;
    assert!(json.body.contains("Er komen twaalf bankjes bij."), "and in the open data");
}

#[tokio::test]
async fn a_hidden_reaction_leaves_the_cached_nota_at_once() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut officer = app.officer().await;
    let form = comment("visie", "h1-1", "Bel mij op 06-12345678 over de bankjes.");
    let (_, id) = answered_and_adopted(&app, &mut officer, form, ("Wij bellen u.", "kennisgenomen", "")).await;
    let mut reader = app.client();
    for path in [NOTA, "/api/v1/consultaties/visie/reacties"] {
        assert!(cached(&mut reader, path).await.body.contains("06-12345678"), "{path} shows it before");
    }
    let hide = fields(&[("form[comment]", &id.to_string()), ("form[hide]", "ja"), ("form[reason]", "Persoonsgegevens van een derde.")]);
    assert_eq!(officer.call("/api/zichtbaarheid", &hide).await.status, StatusCode::OK);
    for path in [NOTA, "/api/v1/consultaties/visie/reacties", "/consultaties/visie"] {
        let page = reader.get(path).await;
        assert!(!page.body.contains("06-12345678"), "{path} no longer shows the hidden reaction");
    }
}

#[tokio::test]
async fn an_erased_name_leaves_every_cached_page_at_once() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut officer = app.officer().await;
    let form = named("Meer bankjes in het park.", "Henriëtte Zonnebloem");
    let (receipt, _) = answered_and_adopted(&app, &mut officer, form, ("Komen er.", "verwerkt", "1, alinea 1")).await;
    let mut reader = app.client();
    for path in PUBLIC_PAGES {
        let page = cached(&mut reader, path).await;
        assert_eq!(page.body.contains("Zonnebloem"), path == NOTA, "{path}: the name is in the nota (only) before");
    }
    let mut resident = app.client_from([203, 0, 113, 64]);
    let erased = resident.call("/api/wissen", &fields(&[("code", &receipt.code), ("confirm", "on")])).await;
    assert_eq!(erased.status, StatusCode::OK, "{}", erased.body);
    for path in PUBLIC_PAGES {
        let page = reader.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(!page.body.contains("Zonnebloem"), "{path} no longer shows the erased name");
    }
}

#[tokio::test]
async fn another_server_on_the_same_database_invalidates_this_ones_pages() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut reader = app.client();
    let before = cached(&mut reader, "/consultaties/visie").await;
    assert!(!before.body.contains("1 reactie"));
    // A second server: its own process state and cache, the same database.
    let other = another_server(&app).await;
    let post = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/api/reageer")
        .header(header::ORIGIN, ORIGIN)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    let body = Body::from(urlencode(&comment_fields(&comment("visie", "h1-1", "Via de andere server."))));
    assert_eq!(send(&other, post, body).await.status(), StatusCode::OK);
    let after = reader.get("/consultaties/visie").await;
    assert_eq!(cache_state(&after), "miss");
    assert!(after.body.contains("1 reactie"), "this server shows the comment sent through the other at once");
}

#[tokio::test]
async fn staff_and_personal_pages_are_never_cached() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let receipt = submit(&app, comment("visie", "h1-1", "Meer bankjes in het park.")).await;
    let mut officer = app.officer().await;
    // A signed-in visitor sees public pages with their own header: never from the cache or into it.
    for path in ["/consultaties/visie", "/", NOTA] {
        let page = officer.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(cache_state(&page), "none", "{path}");
        assert_eq!(page.header("cache-control"), Some("private, no-store"), "{path}");
    }
    let mut reader = app.client();
    let public = reader.get("/consultaties/visie").await;
    assert_eq!(cache_state(&public), "miss", "the officer's visit was not stored");
    assert!(!public.body.contains("Uitloggen"), "an anonymous reader does not get the officer's page");
    for path in ["/beheer", "/beheer/consultaties/visie/reacties", &format!("/volg/{}", receipt.code), "/volg", "/inloggen"] {
        let page = if path.starts_with("/beheer") { officer.get(path).await } else { reader.get(path).await };
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.body);
        assert_eq!(page.header("cache-control"), Some("private, no-store"), "{path}");
        assert_eq!(cache_state(&page), "none", "{path}");
    }
    // A form shown again with what was typed is that visitor's own.
    let echo = reader.get("/consultaties/visie?alinea=h1-1&formulier=abc").await;
    assert_eq!(cache_state(&echo), "none");
    assert_eq!(echo.header("cache-control"), Some("private, no-store"));
}

#[tokio::test]
async fn static_files_have_a_fingerprinted_address_cached_for_good() {
    let app = TestApp::new().await;
    let pkg = app.dir.path().join("site/pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("inspraak.css"), "body { color: #111; }").unwrap();
    // The fingerprint is made when the server starts.
    let router = another_server(&app).await;
    let get = |uri: String| {
        let router = router.clone();
        async move { send(&router, axum::http::Request::builder().uri(uri), Body::empty()).await }
    };
    let page = get("/".into()).await;
    let body = http_body_util::BodyExt::collect(page.into_body()).await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&body);
    let href = html
        .split("href=\"")
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .find(|h| h.ends_with("inspraak.css"))
        .expect("stylesheet link");
    assert!(href.starts_with("/pkg/") && href.len() == "/pkg/".len() + 16 + "/inspraak.css".len(), "fingerprinted: {href}");
    let css = get(href.to_string()).await;
    assert_eq!(css.status(), StatusCode::OK);
    assert_eq!(css.headers().get(header::CACHE_CONTROL).unwrap(), "public, max-age=31536000, immutable");
    assert_eq!(
        get("/pkg/0000000000000000/inspraak.css".into()).await.status(),
        StatusCode::NOT_FOUND,
        "another build's address is not served"
    );
}

#[tokio::test]
async fn a_cache_size_of_zero_turns_the_cache_off() {
    // INSPRAAK_PAGE_CACHE_MB=0, as scripts/bench_scale runs the server to measure rendering.
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let router = another_server_with(&app, app::backend::Settings { page_cache_mb: 0, ..generous() }).await;
    for _ in 0..2 {
        let page = send(&router, axum::http::Request::builder().uri("/consultaties/visie"), Body::empty()).await;
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.headers().get("x-inspraak-cache").is_none(), "rendered for each request, not kept");
        assert!(page.headers().get(header::ETAG).is_none());
    }
}
