use crate::domain::error::AppError;
use crate::platform::{set_http_status, use_messages};
use leptos::prelude::*;

/// Shows a failed page load in words, with the matching HTTP status on the server.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let t = use_messages();
    let (status, title, text) = match error {
        AppError::NotFound => (404, t.not_found_title, t.not_found_text),
        AppError::Unauthorized => (401, t.error_title, t.error_unauthorized),
        AppError::Forbidden => (403, t.error_title, t.error_forbidden),
        AppError::RateLimited => (429, t.error_title, t.error_rate_limited),
        AppError::Validation(_) | AppError::Internal => (500, t.error_title, t.error_generic),
    };
    set_http_status(status);
    let login = matches!(error, AppError::Unauthorized);
    view! {
        <leptos_meta::Title text=title/>
        <div class="wrap page">
            <h1>{title}</h1>
            <p>{text}</p>
            {login.then(|| view! { <p><a href="/inloggen">{t.nav_login}</a></p> })}
            <p><a href="/">{t.nav_home}</a></p>
        </div>
    }
}

/// A server function's error where a form was, as a message the person can act on.
pub fn error_text(error: &AppError) -> &'static str {
    let t = use_messages();
    match error {
        AppError::RateLimited => t.error_rate_limited,
        AppError::Unauthorized => t.error_unauthorized,
        AppError::Forbidden => t.error_forbidden,
        AppError::NotFound => t.not_found_text,
        AppError::Validation(_) | AppError::Internal => t.error_generic,
    }
}
