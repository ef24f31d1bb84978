//! What a person typed into a form that was refused, kept for a short while so that a plain
//! form post (JavaScript off) can show the form again with the messages and the input.

use crate::api::{ECHO_PARAM, FormEcho};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const KEEP: Duration = Duration::from_secs(30 * 60);
const MAX_ENTRIES: usize = 10_000;

#[derive(Clone, Default)]
pub struct FlashStore(Arc<Mutex<HashMap<String, (Instant, FormEcho)>>>);

impl FlashStore {
    /// Keeps the echo and returns an unguessable token to find it again.
    pub fn put(&self, echo: FormEcho) -> String {
        let token = super::services::random_token(16);
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, (at, _)| at.elapsed() < KEEP);
            if map.len() >= MAX_ENTRIES
                && let Some(oldest) = map.iter().min_by_key(|(_, (at, _))| *at).map(|(k, _)| k.clone())
            {
                map.remove(&oldest);
            }
            map.insert(token.clone(), (Instant::now(), echo));
        }
        token
    }

    pub fn get(&self, token: &str) -> Option<FormEcho> {
        let map = self.0.lock().ok()?;
        map.get(token).filter(|(at, _)| at.elapsed() < KEEP).map(|(_, echo)| echo.clone())
    }
}

/// The typed values of a form, by field name, to echo back after a refusal.
pub fn echo_values<'a>(fields: impl IntoIterator<Item = (&'a str, &'a String)>) -> BTreeMap<String, String> {
    fields.into_iter().map(|(name, value)| (name.to_string(), value.clone())).collect()
}

/// After a plain form post (JavaScript off): go on to `done_url` when it worked, or back to the
/// form with the messages and what was typed. Does nothing for enhanced (fetch) submissions.
pub fn finish_plain_form<T>(
    outcome: &crate::domain::error::FormOutcome<T>,
    values: BTreeMap<String, String>,
    done_url: impl FnOnce(&T) -> String,
    form_anchor: &str,
) {
    use super::context::{accepts_html, referer_path, state};
    use crate::domain::error::FormOutcome;
    if !accepts_html() {
        return;
    }
    match outcome {
        FormOutcome::Done(value) => leptos_axum::redirect(&done_url(value)),
        FormOutcome::Invalid(errors) => {
            let Ok(state) = state() else { return };
            let token = state.flash.put(FormEcho { values, errors: errors.clone() });
            let back = referer_path().unwrap_or_else(|| "/".into());
            let (path, query) = back.split_once('?').unwrap_or((&back, ""));
            let kept: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with(ECHO_PARAM)).collect();
            let mut query = kept.join("&");
            if !query.is_empty() {
                query.push('&');
            }
            leptos_axum::redirect(&format!("{path}?{query}{ECHO_PARAM}={token}#{form_anchor}"));
        }
    }
}
