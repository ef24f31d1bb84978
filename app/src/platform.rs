//! The two things the interface does differently on the server and in the browser: reading the
//! visitor's language and setting the HTTP status of a page.

use crate::i18n::{Locale, Messages};
use leptos::prelude::*;

/// The visitor's language: from the cookie on the server, from `<html lang>` in the browser.
pub fn current_locale() -> Locale {
    if let Some(locale) = use_context::<Locale>() {
        return locale;
    }
    #[cfg(feature = "ssr")]
    {
        crate::backend::context::request_locale()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document().document_element().and_then(|e| e.get_attribute("lang")).and_then(|lang| Locale::parse(&lang)).unwrap_or_default()
    }
}

/// The interface text in the visitor's language.
pub fn use_messages() -> &'static Messages {
    current_locale().messages()
}

/// The deployment's own wording the server put in the page (`<meta name="inspraak-texts">`), for
/// the page's language; None on the server, which reads it from INSPRAAK_TEXTS itself.
pub fn page_texts() -> Option<crate::texts::Overrides> {
    #[cfg(feature = "ssr")]
    {
        None
    }
    #[cfg(not(feature = "ssr"))]
    {
        let own = document().query_selector("meta[name=inspraak-texts]").ok()??.get_attribute("content")?;
        let mut overrides = crate::texts::Overrides::default();
        match current_locale() {
            Locale::Nl => overrides.nl = own,
            Locale::En => overrides.en = own,
        }
        Some(overrides)
    }
}

/// Sets the status of the server-rendered page (404 for what does not exist); no-op in the browser.
pub fn set_http_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code)) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Called by every island as it comes alive (the lazy ones load their code later): once every
/// island on the page has, the body gets `data-hydrated`, which the browser tests and the mobile
/// benchmark wait for before they press anything. No-op on the server.
pub fn island_hydrated() {
    #[cfg(not(feature = "ssr"))]
    Effect::new(|_| {
        LIVE_ISLANDS.with(|n| n.set(n.get() + 1));
        mark_hydrated_when_all_live();
    });
}

#[cfg(not(feature = "ssr"))]
thread_local! {
    static LIVE_ISLANDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Sets `data-hydrated` on the body when as many islands have come alive as the page has.
#[cfg(not(feature = "ssr"))]
pub fn mark_hydrated_when_all_live() {
    let islands = document().get_elements_by_tag_name("leptos-island").length();
    if LIVE_ISLANDS.with(|n| n.get()) >= islands
        && let Some(body) = document().body()
    {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
