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

/// Sets the status of the server-rendered page (404 for what does not exist); no-op in the browser.
pub fn set_http_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) = (use_context::<leptos_axum::ResponseOptions>(), axum::http::StatusCode::from_u16(code)) {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
