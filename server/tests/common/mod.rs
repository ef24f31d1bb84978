//! Shared set-up for the integration tests: a fresh database per test (an SQLite file, or with
//! `INSPRAAK_TEST_DATABASE=postgres` a new database on the throwaway PostgreSQL cluster that
//! `scripts/test` starts), the real router driven in-process, and a tiny browser (cookie jar,
//! same-origin headers, peer address).

#![allow(dead_code)]

pub mod plans;
pub mod sink;

use app::api::{ReactionListView, SavedAnswer};
use app::backend::auth::hash_password;
use app::backend::services::today;
use app::backend::store::{NewDocument, Store};
use app::backend::{AppState, Settings};
use app::domain::comment::CommentForm;
use app::domain::consultation::{ConsultationForm, ValidConsultation};
use app::domain::document::{Block, BlockKind, ImportedDocument, Section};
use app::domain::error::{FieldErrors, FormOutcome};
use app::domain::label::{BlockLabel, SectionLabel};
use app::domain::role::Role;
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::config::Env;
use leptos::prelude::LeptosOptions;
use serde::de::DeserializeOwned;
use server::{ServerOptions, build_router};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use tower::ServiceExt;

pub const HOST: &str = "localhost";
pub const ORIGIN: &str = "http://localhost";
pub const SESSION_COOKIE: &str = "inspraak_sessie";

/// Generous limits, so that only the rate-limit tests ever meet them.
pub fn generous() -> Settings {
    Settings {
        comments_per_minute: 10_000,
        lookups_per_minute: 10_000,
        logins_per_minute: 10_000,
        downloads_per_minute: 10_000,
        recoveries_per_minute: 10_000,
        organisation: "Gemeente Lindeburg".into(),
        ..Settings::default()
    }
}

/// Whether this run's integration tests use PostgreSQL (`INSPRAAK_TEST_DATABASE=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("INSPRAAK_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

/// The URL of a new, empty database for one test: a file in `dir`, or a database of its own on
/// the cluster that `INSPRAAK_TEST_POSTGRES` names (its maintenance database's URL).
pub async fn fresh_database_url(dir: &std::path::Path) -> String {
    if !on_postgres() {
        return format!("sqlite://{}?mode=rwc", dir.join("inspraak.db").display());
    }
    new_postgres_database().await
}

/// A new, empty database in the test cluster (`INSPRAAK_TEST_POSTGRES`, started by
/// scripts/test); its URL.
pub async fn new_postgres_database() -> String {
    let admin = std::env::var("INSPRAAK_TEST_POSTGRES")
        .expect("INSPRAAK_TEST_POSTGRES names the test cluster; run the tests through scripts/test, which starts it");
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("t_{}_{n}_{nanos}", std::process::id());
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await.expect("test cluster answers");
    sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str()).await.expect("test database created");
    let (base, _) = admin.rsplit_once('/').expect("a database URL ends in /name");
    format!("{base}/{name}")
}

/// Runs one statement of a test's own (a deliberate change behind the app's back) on whichever
/// database the store uses; returns the rows affected.
pub async fn execute(store: &Store, sql: &str) -> u64 {
    use app::backend::store::Pool;
    match store.pool() {
        Pool::Sqlite(pool) => sqlx::query(sql).execute(pool).await.expect(sql).rows_affected(),
        Pool::Postgres(pool) => sqlx::query(sql).execute(pool).await.expect(sql).rows_affected(),
    }
}

/// The one number a test's own query returns (a `COUNT(*)`).
pub async fn count(store: &Store, sql: &str) -> i64 {
    use app::backend::store::Pool;
    match store.pool() {
        Pool::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.expect(sql),
        Pool::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.expect(sql),
    }
}

/// The texts a test's own query returns.
pub async fn strings(store: &Store, sql: &str) -> Vec<String> {
    use app::backend::store::Pool;
    match store.pool() {
        Pool::Sqlite(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.expect(sql),
        Pool::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.expect(sql),
    }
}

/// True, with a note, when this run is on PostgreSQL and the test checks something of SQLite's
/// own (its query plans, a copy of its file).
pub fn sqlite_only(what: &str) -> bool {
    if on_postgres() {
        eprintln!("on SQLite only: {what}");
    }
    on_postgres()
}

pub struct TestApp {
    /// The database's URL, for a second server on the same database.
    pub url: String,
    pub router: Router,
    pub store: Store,
    pub state: AppState,
    /// Kept alive for the test; holds the database and an empty site root.
    pub dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_settings(generous()).await
    }

    /// An app that sends its mail to `smtp_url` (a test's `MailSink`).
    pub async fn with_mail(smtp_url: &str, settings: Settings) -> Self {
        let mail = app::backend::mail::MailSettings { smtp_url: Some(smtp_url.to_string()), ..Default::default() };
        Self::build(Settings { mail, ..settings }, false).await
    }

    /// Sends what is due in the outbox now, as the background sender would.
    pub async fn deliver(&self) -> app::backend::mail::Delivery {
        self.deliver_at(app::backend::store::now()).await
    }

    pub async fn deliver_at(&self, at: time::OffsetDateTime) -> app::backend::mail::Delivery {
        app::backend::mail::deliver_due(&self.store, &self.state.mailer, at).await.expect("outbox round")
    }

    pub async fn with_settings(settings: Settings) -> Self {
        Self::build(settings, false).await
    }

    pub async fn build(settings: Settings, secure_cookies: bool) -> Self {
        Self::build_with(settings, ServerOptions::new(secure_cookies)).await
    }

    /// An app with these server options (a metrics token, say).
    pub async fn build_with(settings: Settings, server_options: ServerOptions) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = fresh_database_url(dir.path()).await;
        let store = Store::connect(&url).await.expect("store connects and migrates");
        let state = AppState::new(store.clone(), &settings);
        // The site root is a directory of its own, so that the static file fallback cannot serve
        // the database file next to it.
        let site_root = dir.path().join("site");
        std::fs::create_dir_all(&site_root).expect("site root");
        let leptos_options =
            LeptosOptions::builder().output_name("inspraak").site_root(site_root.to_string_lossy().to_string()).env(Env::PROD).build();
        let router = build_router(state.clone(), leptos_options, &server_options).await.expect("router builds");
        TestApp { router, store, state, dir, url }
    }

    /// A browser with its own cookies, coming from 192.0.2.1.
    pub fn client(&self) -> Client {
        self.client_from([192, 0, 2, 1])
    }

    pub fn client_from(&self, ip: [u8; 4]) -> Client {
        Client { router: self.router.clone(), cookies: BTreeMap::new(), peer: SocketAddr::from((ip, 40_000)) }
    }

    /// Seeds a consultation straight into the store (the importer is not needed for this).
    /// `opens` and `closes` are days relative to today.
    pub async fn seed_consultation(&self, slug: &str, title: &str, opens: i64, closes: i64) {
        self.seed_consultation_in(slug, title, opens, closes, "").await;
    }

    /// The same, starting in `phase` (`concept`, `advies` or `inspraak`; empty: `inspraak`).
    pub async fn seed_consultation_in(&self, slug: &str, title: &str, opens: i64, closes: i64, phase: &str) {
        let today = today();
        let form = ConsultationForm {
            title: title.into(),
            slug: slug.into(),
            description: format!("Toelichting bij {title}."),
            opens: (today + time::Duration::days(opens)).to_string(),
            closes: (today + time::Duration::days(closes)).to_string(),
            phase: phase.into(),
        };
        let valid = ValidConsultation::try_from(&form).expect("valid consultation form");
        let document = sample_document();
        let doc = NewDocument { document: &document, source_text: "# Testvisie\n", markdown: true, name: None, change_note: None };
        self.store.create_consultation(&valid, doc, None, None).await.expect("consultation stored");
    }

    /// An open consultation (opened a week ago, closes in three weeks).
    pub async fn seed_open(&self, slug: &str) {
        self.seed_consultation(slug, "Visie op de wijk 2027", -7, 21).await;
    }

    pub async fn add_user(&self, email: &str, name: &str, password: &str, role: Role) -> i64 {
        let hash = hash_password(password).expect("hash");
        self.store.create_user(email, name, &hash, role).await.expect("user stored")
    }

    /// A signed-in officer's browser.
    pub async fn officer(&self) -> Client {
        self.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Officer).await;
        let mut client = self.client_from([192, 0, 2, 200]);
        let response = client.login(OFFICER_EMAIL, OFFICER_PASSWORD).await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.body);
        assert!(client.cookie(SESSION_COOKIE).is_some(), "signed in");
        client
    }

    /// A signed-in reviewer's browser (a second person, for the four-eyes rule).
    pub async fn reviewer(&self) -> Client {
        self.signed_in(REVIEWER_EMAIL, "Marieke Jansen", Role::Reviewer, [192, 0, 2, 201]).await
    }

    /// A signed-in admin's browser.
    pub async fn admin(&self) -> Client {
        self.signed_in("admin@gemeente.example", "Beheerder", Role::Admin, [192, 0, 2, 202]).await
    }

    async fn signed_in(&self, email: &str, name: &str, role: Role, ip: [u8; 4]) -> Client {
        if self.store.user_by_email(email).await.unwrap().is_none() {
            self.add_user(email, name, OFFICER_PASSWORD, role).await;
        }
        let mut client = self.client_from(ip);
        let response = client.login(email, OFFICER_PASSWORD).await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.body);
        client
    }

    /// The id of the comment with this text on the consultation `slug`.
    pub async fn comment_id(&self, slug: &str, body: &str) -> i64 {
        let consultation = self.store.consultation_by_slug(slug).await.unwrap().unwrap();
        self.store.comments_for_officer(consultation.id).await.unwrap().into_iter().find(|c| c.body == body).expect("comment stored").id
    }

    pub async fn comment_count(&self) -> usize {
        let slugs: Vec<String> = self.store.list_consultations().await.unwrap().into_iter().map(|c| c.slug).collect();
        let mut n = 0;
        for slug in slugs {
            let c = self.store.consultation_by_slug(&slug).await.unwrap().unwrap();
            n += self.store.comments_for_officer(c.id).await.unwrap().len();
        }
        n
    }

    pub async fn consultation_count(&self) -> usize {
        self.store.list_consultations().await.unwrap().len()
    }
}

pub const REVIEWER_EMAIL: &str = "beoordelaar@gemeente.example";
pub const OFFICER_EMAIL: &str = "beleid@lindeburg.example";
pub const OFFICER_NAME: &str = "Fatima el Amrani";
pub const OFFICER_PASSWORD: &str = "geheim-wachtwoord-123";

/// Three sections' worth of document: a paragraph before the first heading, two chapters.
pub fn sample_document() -> ImportedDocument {
    let section = |anchor: &str, number: &str, title: &str, label: &str| Section {
        anchor: anchor.into(),
        level: 1,
        number: Some(number.into()),
        title: title.into(),
        label: label.into(),
        label_parts: SectionLabel::from_dutch(label),
        parent: None,
    };
    let block = |section: Option<usize>, anchor: &str, label: &str, text: &str| Block {
        section,
        kind: BlockKind::Paragraph,
        anchor: anchor.into(),
        label: label.into(),
        label_parts: BlockLabel::from_dutch(label),
        html: format!("<p>{text}</p>"),
        text: text.into(),
    };
    ImportedDocument {
        title: Some("Visie op de wijk".into()),
        sections: vec![section("h1", "Hoofdstuk 1", "Inleiding", "1"), section("h2", "Hoofdstuk 2", "Preventie", "2")],
        blocks: vec![
            block(None, "titelblad-1", "Titelblad, alinea 1", "Een visie van de gemeente Lindeburg."),
            block(Some(0), "h1-1", "1, alinea 1", "Iedereen doet mee in de wijk."),
            block(Some(0), "h1-2", "1, alinea 2", "Het wijkteam is dichtbij."),
            block(Some(1), "h2-1", "2, alinea 1", "Voorkomen is beter dan genezen."),
        ],
    }
}

/// The files of a zip (a Word document, a dossier): name and bytes.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut out = Vec::new();
            file.read_to_end(&mut out).unwrap();
            (file.name().map(|n| n.to_string()).unwrap_or_default(), out)
        })
        .collect()
}

/// One file of a zip as text.
pub fn entry(bytes: &[u8], name: &str) -> String {
    let (_, content) = unzip(bytes).into_iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} in the zip"));
    String::from_utf8(content).expect("utf-8")
}

/// Converts documents (name with extension, bytes) to PDF with LibreOffice, headless, in one run
/// with a profile of its own in `dir`; the PDFs' paths in the documents' order.
pub fn libreoffice_pdfs(dir: &std::path::Path, documents: &[(&str, &[u8])]) -> Vec<PathBuf> {
    let inputs: Vec<PathBuf> = documents
        .iter()
        .map(|(name, bytes)| {
            let input = dir.join(name);
            std::fs::write(&input, bytes).unwrap();
            input
        })
        .collect();
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let run = std::process::Command::new("libreoffice")
        .args([&profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(&inputs)
        .output()
        .expect("libreoffice runs (Debian package libreoffice-writer-nogui)");
    inputs
        .iter()
        .map(|input| {
            let pdf = input.with_extension("pdf");
            assert!(pdf.exists(), "LibreOffice made no {}: {}", pdf.display(), String::from_utf8_lossy(&run.stderr));
            pdf
        })
        .collect()
}

/// The images a PDF holds (each placement), as `pdfimages -list` (Debian poppler-utils) lists them.
pub fn pdf_images(pdf: &std::path::Path) -> usize {
    let list = std::process::Command::new("pdfimages").arg("-list").arg(pdf).output().expect("pdfimages runs (Debian poppler-utils)");
    assert!(list.status.success(), "{}", String::from_utf8_lossy(&list.stderr));
    // Two lines of column heads, then a line per image.
    String::from_utf8_lossy(&list.stdout).lines().skip(2).filter(|l| !l.trim().is_empty()).count()
}

/// A comment form with only the required fields.
pub fn comment(slug: &str, block: &str, body: &str) -> CommentForm {
    CommentForm { consultation: slug.into(), block: block.into(), body: body.into(), ..CommentForm::default() }
}

/// The form fields of a comment as the browser sends them (`form[...]`).
pub fn comment_fields(form: &CommentForm) -> Vec<(String, String)> {
    let mut fields = vec![
        ("form[consultation]".to_string(), form.consultation.clone()),
        ("form[block]".to_string(), form.block.clone()),
        ("form[body]".to_string(), form.body.clone()),
        ("form[name]".to_string(), form.name.clone()),
        ("form[organisation]".to_string(), form.organisation.clone()),
        ("form[email]".to_string(), form.email.clone()),
    ];
    if let Some(v) = &form.show_name {
        fields.push(("form[show_name]".into(), v.clone()));
    }
    if let Some(v) = &form.consent {
        fields.push(("form[consent]".into(), v.clone()));
    }
    fields
}

/// `application/x-www-form-urlencoded`, as a browser encodes it.
pub fn urlencode(fields: &[(String, String)]) -> String {
    fn enc(s: &str) -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => (b as char).to_string(),
                b' ' => "+".to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }
    fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&")
}

pub fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The new-consultation form as an officer fills it in, with the draft `bytes` as `file_name`.
pub fn consultation_parts<'a>(slug: &'a str, file_name: &'a str, bytes: &'a [u8]) -> Vec<Part<'a>> {
    vec![
        Part::Text("title", "Regiovisie huiselijk geweld"),
        Part::Text("slug", slug),
        Part::Text("description", "Concept voor inspraak."),
        Part::Text("opens", "2026-01-05"),
        Part::Text("closes", "2026-02-15"),
        Part::File { name: "file", file_name, bytes },
    ]
}

/// One part of a multipart body.
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File { name: &'a str, file_name: &'a str, bytes: &'a [u8] },
}

pub const BOUNDARY: &str = "----inspraak-test-boundary-7MA4YWxkTrZu0gW";

pub fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes());
                body.extend_from_slice(value.as_bytes());
            }
            Part::File { name, file_name, bytes } => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent, for binary downloads.
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not the expected JSON ({e}), status {}: {}", self.status, self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn location(&self) -> &str {
        let all: Vec<_> = self.headers.get_all(header::LOCATION).iter().collect();
        assert_eq!(all.len(), 1, "exactly one Location header: {all:?}");
        all[0].to_str().expect("ascii location")
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers.get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).map(str::to_string).collect()
    }

    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.set_cookies().into_iter().find(|c| c.starts_with(&format!("{name}=")))
    }
}

/// A browser: keeps cookies, sends `Host` and (for posts) a same-site `Origin`.
#[derive(Clone)]
pub struct Client {
    router: Router,
    pub cookies: BTreeMap<String, String>,
    pub peer: SocketAddr,
}

impl Client {
    /// A browser whose requests go to `router` (a proxy to real servers, say) instead of the app.
    pub fn over(router: Router) -> Self {
        Client { router, cookies: BTreeMap::new(), peer: SocketAddr::from(([127, 0, 0, 1], 40_000)) }
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    pub fn builder(&self, method: Method, uri: &str) -> axum::http::request::Builder {
        let mut builder = Request::builder().method(method.clone()).uri(uri).header(header::HOST, HOST);
        if method == Method::POST {
            builder = builder.header(header::ORIGIN, ORIGIN);
        }
        if !self.cookies.is_empty() {
            let cookie = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
            builder = builder.header(header::COOKIE, cookie);
        }
        builder
    }

    pub async fn send(&mut self, mut request: Request<Body>) -> TestResponse {
        request.extensions_mut().insert(ConnectInfo(self.peer));
        let response = self.router.clone().oneshot(request).await.expect("router answers");
        let status = response.status();
        let headers = response.headers().clone();
        for cookie in headers.get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()) {
            let mut attributes = cookie.split(';');
            let Some((name, value)) = attributes.next().and_then(|nv| nv.trim().split_once('=')) else {
                continue;
            };
            let expired = attributes.any(|a| {
                let a = a.trim().to_ascii_lowercase();
                a == "max-age=0" || a.starts_with("max-age=-") || a.contains("1970")
            });
            if expired || value.is_empty() {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned(), bytes: bytes.to_vec() }
    }

    pub async fn get(&mut self, uri: &str) -> TestResponse {
        let request = self.builder(Method::GET, uri).header(header::ACCEPT, "text/html").body(Body::empty()).unwrap();
        self.send(request).await
    }

    /// A server function call as the app's JavaScript makes it: form-encoded, JSON back.
    pub async fn call(&mut self, path: &str, fields: &[(String, String)]) -> TestResponse {
        let request = self
            .builder(Method::POST, path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(urlencode(fields)))
            .unwrap();
        self.send(request).await
    }

    /// A plain HTML form post (JavaScript off): the browser asks for a page and names the page
    /// the form was on.
    pub async fn post_form(&mut self, path: &str, fields: &[(String, String)], referer: &str) -> TestResponse {
        let request = self
            .builder(Method::POST, path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .header(header::REFERER, format!("{ORIGIN}{referer}"))
            .body(Body::from(urlencode(fields)))
            .unwrap();
        self.send(request).await
    }

    pub async fn call_multipart(&mut self, path: &str, parts: &[Part<'_>], accept: &str, referer: Option<&str>) -> TestResponse {
        let mut builder = self
            .builder(Method::POST, path)
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
            .header(header::ACCEPT, accept);
        if let Some(referer) = referer {
            builder = builder.header(header::REFERER, format!("{ORIGIN}{referer}"));
        }
        let request = builder.body(Body::from(multipart(parts))).unwrap();
        self.send(request).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> TestResponse {
        self.call("/api/inloggen", &fields(&[("email", email), ("password", password)])).await
    }

    pub async fn submit(&mut self, form: &CommentForm) -> TestResponse {
        self.call("/api/reageer", &comment_fields(form)).await
    }
}

/// The tracking code format: two groups of five Crockford base32 symbols.
/// Whether the text holds something shaped like an e-mail address: an `@` between two letters,
/// digits or dots.
pub fn has_email_address(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let part = |c: char| c.is_alphanumeric() || c == '.' || c == '_' || c == '-';
    chars.windows(3).any(|w| w[1] == '@' && part(w[0]) && part(w[2]))
}

pub fn is_tracking_code(code: &str) -> bool {
    let alphabet = app::domain::tracking::ALPHABET;
    code.len() == 11 && code.as_bytes()[5] == b'-' && code.bytes().enumerate().all(|(i, b)| i == 5 || alphabet.contains(&b))
}

/// The shared fixtures live beside the repository (`../shared/fixtures`).
pub fn fixture(name: &str) -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for candidate in ["../../shared/fixtures", "../../../shared/fixtures"] {
        let path = manifest.join(candidate).join(name);
        if path.exists() {
            return path;
        }
    }
    panic!("fixture {name} not found next to {}", manifest.display());
}

pub fn answer_fields(comment: i64, body: &str, status: &str, place: &str, state: &str) -> Vec<(String, String)> {
    answer_fields_from(comment, body, status, place, state, None)
}

/// An answer form as the page sends it; `revision` is the revision the officer started from.
pub fn answer_fields_from(
    comment: i64,
    body: &str,
    status: &str,
    place: &str,
    state: &str,
    revision: Option<i64>,
) -> Vec<(String, String)> {
    let comment = comment.to_string();
    let revision = revision.map(|r| r.to_string()).unwrap_or_default();
    fields(&[
        ("form[comment]", &comment),
        ("form[body]", body),
        ("form[status]", status),
        ("form[processed_where]", place),
        ("form[state]", state),
        ("form[revision]", &revision),
    ])
}

pub async fn save_answer(officer: &mut Client, fields: &[(String, String)]) -> FormOutcome<SavedAnswer> {
    let response = officer.call("/api/antwoord", fields).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

pub async fn review(reviewer: &mut Client, comment: i64, revision: i64, decision: &str, remark: &str) -> FormOutcome<SavedAnswer> {
    let (comment, revision) = (comment.to_string(), revision.to_string());
    let response = reviewer
        .call(
            "/api/beoordeling",
            &fields(&[("form[comment]", &comment), ("form[revision]", &revision), ("form[decision]", decision), ("form[remark]", remark)]),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

/// Saves an answer for review and has a reviewer approve it, so residents can read it.
pub async fn publish_answer(app: &TestApp, officer: &mut Client, comment: i64, body: &str, status: &str, place: &str) {
    let current = app.store.answer_history_of(&[comment]).await.unwrap().first().map(|r| r.revision_no);
    let offered = saved(save_answer(officer, &answer_fields_from(comment, body, status, place, "ter_beoordeling", current)).await);
    let mut reviewer = app.reviewer().await;
    saved(review(&mut reviewer, comment, offered.revisions[0].revision_no, "goedkeuren", "").await);
}

pub async fn reaction_list(client: &mut Client, slug: &str, query: &str) -> ReactionListView {
    let response = client.call("/api/beheer-reacties", &fields(&[("slug", slug), ("query", query)])).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

/// The typed error a refused server function call carries.
pub fn app_error(response: &TestResponse) -> app::domain::error::AppError {
    assert!(!response.status.is_success(), "an error status, got {}: {}", response.status, response.body);
    response.json()
}

pub fn saved<T: std::fmt::Debug>(outcome: FormOutcome<T>) -> T {
    match outcome {
        FormOutcome::Done(saved) => saved,
        FormOutcome::Invalid(errors) => panic!("refused: {errors:?}"),
    }
}

pub fn invalid<T: std::fmt::Debug>(outcome: FormOutcome<T>) -> FieldErrors {
    match outcome {
        FormOutcome::Invalid(errors) => errors,
        FormOutcome::Done(done) => panic!("accepted, but should be refused: {done:?}"),
    }
}

/// The address a started `inspraak serve` listens on, from the line it prints ("Inspraak
/// listening on http://…"); its output is read on, in the background, so that the server never
/// blocks on a full pipe. The child's stdout must be piped.
pub fn listening_address(child: &mut std::process::Child) -> String {
    use std::io::{BufRead, BufReader};
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let address = loop {
        let line = lines.next().expect("the server prints its address").expect("readable output");
        if let Some(url) = line.strip_prefix("Inspraak listening on http://") {
            break url.trim().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    address
}
