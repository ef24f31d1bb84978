//! Inspraak: comments on draft policy, per paragraph, with traceable answers.
//!
//! `domain` holds the types and rules, `render` words them for one locale (text, Markdown, mail,
//! spreadsheet cells), `api` the server functions, `components` and `pages` the interface;
//! `backend` (server only) the store, sessions, importer and shared services.

// Leptos view types nest deeply; the document page needs more than the default 128.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod i18n_councils;
pub mod i18n_export;
pub mod i18n_mail;
pub mod i18n_outcome;
pub mod i18n_versions;
pub mod i18n_workbench;
pub mod pages;
pub mod platform;
pub mod render;
pub mod texts;
pub mod views;

#[cfg(feature = "ssr")]
pub mod backend;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The deployment's own wording, handed over by the server in the page (see `app::shell`).
    if let Some(own) = platform::page_texts() {
        let _ = texts::set_overrides(own);
    }
    // Only the islands (`#[island]`) come alive; the rest of the page is server-rendered HTML.
    leptos::mount::hydrate_islands();
    // The islands script hydrates the islands after this returns (the lazy ones once their chunk
    // has loaded); each island counts itself in, and the body is marked hydrated when all have
    // (see `platform::island_hydrated`). A page without islands is marked a task later.
    leptos::prelude::set_timeout(platform::mark_hydrated_when_all_live, std::time::Duration::ZERO);
}
