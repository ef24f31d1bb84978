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
        }
    }
}

impl Settings {
    /// Defaults, overridden by `INSPRAAK_RATE_COMMENTS`, `INSPRAAK_RATE_LOOKUPS`, `INSPRAAK_RATE_LOGINS`,
    /// `INSPRAAK_RATE_DOWNLOADS`, `INSPRAAK_RATE_RECOVERIES`, `INSPRAAK_ORGANISATION` and the mail settings.
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
        }
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
}

impl AppState {
    pub fn new(store: Store, settings: &Settings) -> Self {
        AppState {
            store,
            flash: FlashStore::default(),
            limits: Arc::new(RateLimits::new(settings)),
            organisation: settings.organisation.as_str().into(),
            mailer: Arc::new(super::mail::Mailer::new(&settings.mail)),
        }
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

/// An absolute URL for a path on this site: `INSPRAAK_PUBLIC_URL` if set, else from the request.
pub fn public_url(path: &str) -> String {
    if let Ok(base) = std::env::var("INSPRAAK_PUBLIC_URL") {
        return format!("{}{path}", base.trim_end_matches('/'));
    }
    let host = use_context::<Parts>()
        .and_then(|parts| parts.headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).map(str::to_string))
        .unwrap_or_else(|| "localhost".into());
    format!("http://{host}{path}")
}

/// This site's address for links in mail: `INSPRAAK_PUBLIC_URL` if set, else from the request.
pub fn site_url() -> super::mail::SiteUrl {
    super::mail::SiteUrl(public_url(""))
}

/// The language chosen by cookie; Dutch otherwise.
pub fn request_locale() -> Locale {
    use_context::<Parts>()
        .and_then(|parts| {
            let cookies = parts.headers.get(COOKIE)?.to_str().ok()?.to_string();
            cookies.split(';').find_map(|c| {
                let (name, value) = c.trim().split_once('=')?;
                (name == LOCALE_COOKIE).then(|| Locale::parse(value)).flatten()
            })
        })
        .unwrap_or_default()
}
