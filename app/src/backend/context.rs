//! The application state in Leptos context, and small helpers that fetch it with a typed error.

use super::flash::FlashStore;
use super::ratelimit::RateLimits;
use super::store::{Store, StoreError};
use crate::domain::error::AppError;
use crate::i18n::{LOCALE_COOKIE, Locale};
use axum::http::header::{ACCEPT, COOKIE, REFERER};
use axum::http::request::Parts;
use leptos::prelude::use_context;
use std::sync::Arc;

/// Settings read once at start-up; `Debug` shows nothing secret because nothing secret is here.
#[derive(Debug, Clone)]
pub struct Settings {
    pub comments_per_minute: u32,
    pub lookups_per_minute: u32,
    pub logins_per_minute: u32,
    /// Open data and document downloads, per address.
    pub downloads_per_minute: u32,
    /// The lost-code form, per address: codes go by mail, so few are needed.
    pub recoveries_per_minute: u32,
    /// The municipality or region on the documents ("Gemeente Lindeburg"); empty leaves it out.
    pub organisation: String,
    pub mail: super::mail::MailSettings,
    /// This site's address for links in mail and invites (`INSPRAAK_PUBLIC_URL`), never taken
    /// from a request header; `None` only where no link is made (the server refuses to start
    /// without it in production).
    pub public_url: Option<String>,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`INSPRAAK_TRUSTED_PROXIES`).
    pub trusted_proxies: super::ratelimit::TrustedProxies,
    /// Cookies are `Secure` (off only with `INSPRAAK_INSECURE_COOKIES=1`).
    pub secure_cookies: bool,
    /// Size of the render cache of public pages, all bodies together (`INSPRAAK_PAGE_CACHE_MB`; 0 turns it off).
    pub page_cache_mb: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            comments_per_minute: 10,
            lookups_per_minute: 30,
            logins_per_minute: 10,
            downloads_per_minute: 60,
            recoveries_per_minute: 5,
            organisation: String::new(),
            mail: super::mail::MailSettings::default(),
            public_url: Some("http://localhost".into()),
            trusted_proxies: super::ratelimit::TrustedProxies::default(),
            secure_cookies: true,
            page_cache_mb: 64,
        }
    }
}

impl Settings {
    /// Defaults, overridden by `INSPRAAK_RATE_COMMENTS`, `INSPRAAK_RATE_LOOKUPS`, `INSPRAAK_RATE_LOGINS`,
    /// `INSPRAAK_RATE_DOWNLOADS`, `INSPRAAK_RATE_RECOVERIES`, `INSPRAAK_ORGANISATION`, `INSPRAAK_PAGE_CACHE_MB` and the mail settings.
    pub fn from_env() -> Self {
        let read = |name: &str, default: u32| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
        let d = Settings::default();
        Settings {
            comments_per_minute: read("INSPRAAK_RATE_COMMENTS", d.comments_per_minute),
            lookups_per_minute: read("INSPRAAK_RATE_LOOKUPS", d.lookups_per_minute),
            logins_per_minute: read("INSPRAAK_RATE_LOGINS", d.logins_per_minute),
            downloads_per_minute: read("INSPRAAK_RATE_DOWNLOADS", d.downloads_per_minute),
            recoveries_per_minute: read("INSPRAAK_RATE_RECOVERIES", d.recoveries_per_minute),
            organisation: std::env::var("INSPRAAK_ORGANISATION").unwrap_or_default().trim().to_string(),
            mail: super::mail::MailSettings::from_env(),
            public_url: std::env::var("INSPRAAK_PUBLIC_URL")
                .ok()
                .map(|u| u.trim().trim_end_matches('/').to_string())
                .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
            trusted_proxies: super::ratelimit::TrustedProxies::parse(&std::env::var("INSPRAAK_TRUSTED_PROXIES").unwrap_or_default()),
            secure_cookies: std::env::var("INSPRAAK_INSECURE_COOKIES").map(|v| v != "1").unwrap_or(true),
            page_cache_mb: read("INSPRAAK_PAGE_CACHE_MB", d.page_cache_mb),
        }
    }

    /// Whether the site is served over https (then HSTS is sent).
    pub fn https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|u| u.starts_with("https://"))
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub flash: FlashStore,
    pub limits: Arc<RateLimits>,
    /// The municipality or region named on the documents.
    pub organisation: Arc<str>,
    pub mailer: Arc<super::mail::Mailer>,
    /// This site's address for links (see `Settings::public_url`).
    pub public_url: Arc<str>,
    pub trusted_proxies: Arc<super::ratelimit::TrustedProxies>,
    pub secure_cookies: bool,
}

impl AppState {
    pub fn new(store: Store, settings: &Settings) -> Self {
        AppState {
            store,
            flash: FlashStore::default(),
            limits: Arc::new(RateLimits::new(settings)),
            organisation: settings.organisation.as_str().into(),
            mailer: Arc::new(super::mail::Mailer::new(&settings.mail)),
            public_url: settings.public_url.as_deref().unwrap_or("http://localhost").into(),
            trusted_proxies: Arc::new(settings.trusted_proxies.clone()),
            secure_cookies: settings.secure_cookies,
        }
    }
}

/// What every request's Leptos context gets: the state, and the page's Content-Security-Policy
/// with the nonce Leptos made for this response's inline scripts.
pub fn provide_request_context(state: AppState) {
    leptos::prelude::provide_context(state);
    if let (Some(nonce), Some(options)) = (leptos::nonce::use_nonce(), use_context::<leptos_axum::ResponseOptions>())
        && let Ok(value) = axum::http::HeaderValue::from_str(&super::security::page_csp(&nonce))
    {
        options.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
}

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

/// Logs an internal failure once, here, and hands the browser only the fact that it failed.
pub fn internal(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "request failed");
    AppError::Internal
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        internal(error)
    }
}

/// True for a plain HTML form post (JavaScript off): the browser asks for a page back.
pub fn accepts_html() -> bool {
    use_context::<Parts>()
        .and_then(|parts| parts.headers.get(ACCEPT).and_then(|v| v.to_str().ok()).map(|v| v.contains("text/html")))
        .unwrap_or(false)
}

/// The path and query of the page the form was on, if it was one of ours.
pub fn referer_path() -> Option<String> {
    let parts = use_context::<Parts>()?;
    let referer = parts.headers.get(REFERER)?.to_str().ok()?;
    let after_scheme = referer.split_once("://").map(|(_, rest)| rest).unwrap_or(referer);
    let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
    path.starts_with('/').then(|| path.split('#').next().unwrap_or(path).to_string())
}

/// An absolute URL for a path on this site, from `INSPRAAK_PUBLIC_URL` only: a link built from
/// the request's `Host` header would let a forged request mail residents links to another site.
pub fn public_url(path: &str) -> String {
    let base = state().map(|s| s.public_url.to_string()).unwrap_or_else(|_| "http://localhost".into());
    format!("{base}{path}")
}

/// This site's address for links in mail.
pub fn site_url() -> super::mail::SiteUrl {
    super::mail::SiteUrl(public_url(""))
}

/// The value of a request cookie.
fn cookie(name: &str) -> Option<String> {
    let parts = use_context::<Parts>()?;
    parts.headers.get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (n, value) = c.trim().split_once('=')?;
        (n == name && !value.is_empty()).then(|| value.to_string())
    })
}

/// The browser's echo cookie, set now if it has none: form echoes are kept for it alone.
pub fn echo_owner() -> String {
    use super::flash::ECHO_COOKIE;
    if let Some(value) = cookie(ECHO_COOKIE) {
        return value;
    }
    let value = super::services::random_token(24);
    let secure = state().map(|s| s.secure_cookies).unwrap_or(true);
    let attributes = if secure { "; Secure" } else { "" };
    if let (Some(options), Ok(header)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(&format!("{ECHO_COOKIE}={value}; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax{attributes}")),
    ) {
        options.append_header(axum::http::header::SET_COOKIE, header);
    }
    value
}

/// The browser's echo cookie as the request carried it (empty when it has none).
pub fn echo_cookie() -> String {
    cookie(super::flash::ECHO_COOKIE).unwrap_or_default()
}

/// The language chosen by cookie; Dutch otherwise.
pub fn request_locale() -> Locale {
    cookie(LOCALE_COOKIE).and_then(|value| Locale::parse(&value)).unwrap_or_default()
}
