//! What a person typed into a form that was refused, kept for a short while so that a plain
//! form post (JavaScript off) can show the form again with the messages and the input.
//!
//! Anyone can post a form, so the store is bounded three ways: each value is cut at the most
//! its field accepts, the number of entries is capped, and so is their total size (the oldest
//! go first). An echo belongs to the browser that made it: the token in the URL finds it only
//! together with that browser's echo cookie, so a `?formulier=` address seen in a proxy log or
//! a shared link shows nothing to anyone else.

use crate::views::{ECHO_PARAM, FormEcho};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const KEEP: Duration = Duration::from_secs(30 * 60);
const MAX_ENTRIES: usize = 10_000;
/// All echoes together; past this the oldest are dropped.
pub const MAX_TOTAL_BYTES: usize = 32 * 1024 * 1024;
/// The longest value an ordinary field accepts (an answer, an advice's introduction): no echoed
/// value is longer, whatever was sent.
pub const MAX_ECHO_CHARS: usize = 10_000;
/// The one longer field: a meeting report pasted whole.
const LONG_FIELDS: [(&str, usize); 1] = [("report", crate::domain::advice::MAX_REPORT_BYTES)];
/// The cookie that ties echoes to the browser that made them.
pub const ECHO_COOKIE: &str = "inspraak_formulier";

struct Entry {
    at: Instant,
    /// SHA-256 of the owner's echo cookie.
    owner: String,
    bytes: usize,
    echo: FormEcho,
}

#[derive(Default)]
struct Entries {
    map: HashMap<String, Entry>,
    bytes: usize,
}

impl Entries {
    fn remove(&mut self, token: &str) {
        if let Some(entry) = self.map.remove(token) {
            self.bytes -= entry.bytes;
        }
    }

    fn evict_oldest(&mut self) {
        if let Some(oldest) = self.map.iter().min_by_key(|(_, e)| e.at).map(|(k, _)| k.clone()) {
            self.remove(&oldest);
        }
    }
}

#[derive(Clone, Default)]
pub struct FlashStore(Arc<Mutex<Entries>>);

/// Cuts a value at `max` characters (on a character boundary), without the control characters
/// no field keeps (a browser would show a NUL as "\u{FFFD}"); line breaks and tabs stay.
pub fn cap(value: &str, max: usize) -> String {
    crate::domain::comment::without_control_chars(value).chars().take(max).collect()
}

fn size_of(echo: &FormEcho) -> usize {
    echo.values.iter().map(|(k, v)| k.len() + v.len() + 64).sum::<usize>() + 256
}

impl FlashStore {
    /// Keeps the echo for the browser whose echo cookie is `owner`, and returns an unguessable
    /// token to find it again. Values are capped here, whatever the caller passed.
    pub fn put(&self, owner: &str, mut echo: FormEcho) -> String {
        for (field, value) in echo.values.iter_mut() {
            let max = LONG_FIELDS.iter().find(|(name, _)| name == field).map(|(_, max)| *max).unwrap_or(MAX_ECHO_CHARS);
            *value = cap(value, max);
        }
        let token = super::services::random_token(16);
        let bytes = size_of(&echo);
        if let Ok(mut entries) = self.0.lock() {
            let expired: Vec<String> = entries.map.iter().filter(|(_, e)| e.at.elapsed() >= KEEP).map(|(k, _)| k.clone()).collect();
            for token in expired {
                entries.remove(&token);
            }
            while !entries.map.is_empty() && (entries.map.len() >= MAX_ENTRIES || entries.bytes + bytes > MAX_TOTAL_BYTES) {
                entries.evict_oldest();
            }
            entries.bytes += bytes;
            entries.map.insert(token.clone(), Entry { at: Instant::now(), owner: super::services::token_hash(owner), bytes, echo });
        }
        token
    }

    /// The echo behind `token`, only for the browser that made it.
    pub fn get(&self, token: &str, owner: &str) -> Option<FormEcho> {
        let entries = self.0.lock().ok()?;
        let entry = entries.map.get(token)?;
        (entry.at.elapsed() < KEEP && !owner.is_empty() && entry.owner == super::services::token_hash(owner)).then(|| entry.echo.clone())
    }

    /// What all echoes take together, in bytes (an estimate that includes the bookkeeping).
    pub fn bytes(&self) -> usize {
        self.0.lock().map(|e| e.bytes).unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.0.lock().map(|e| e.map.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The typed values of a form, by field name, to echo back after a refusal.
pub fn echo_values<'a>(fields: impl IntoIterator<Item = (&'a str, &'a String)>) -> BTreeMap<String, String> {
    fields.into_iter().map(|(name, value)| (name.to_string(), value.clone())).collect()
}

/// The same, each value cut at its field's own maximum: for the public forms, where anyone can
/// send anything.
pub fn echo_capped<'a>(fields: impl IntoIterator<Item = (&'a str, &'a String, usize)>) -> BTreeMap<String, String> {
    fields.into_iter().map(|(name, value, max)| (name.to_string(), cap(value, max))).collect()
}

/// Keeps an echo for the browser of the current request and returns its token.
pub fn keep(echo: FormEcho) -> Option<String> {
    let state = super::context::state().ok()?;
    let owner = super::context::echo_owner();
    Some(state.flash.put(&owner, echo))
}

/// After a plain form post (JavaScript off): go on to `done_url` when it worked, or back to the
/// form with the messages and what was typed. Does nothing for enhanced (fetch) submissions.
pub fn finish_plain_form<T>(
    outcome: &crate::domain::error::FormOutcome<T>,
    values: BTreeMap<String, String>,
    done_url: impl FnOnce(&T) -> String,
    form_anchor: &str,
) {
    use super::context::accepts_html;
    use crate::domain::error::FormOutcome;
    if !accepts_html() {
        return;
    }
    match outcome {
        FormOutcome::Done(value) => leptos_axum::redirect(&done_url(value)),
        FormOutcome::Invalid(errors) => back_to_form(FormEcho { values, errors: errors.clone() }, &[], form_anchor),
    }
}

/// Back to the page the form was on (its query kept), at the form, with the echo of what was typed
/// and the parameters `set` (replacing any of the same name).
pub fn back_to_form(echo: FormEcho, set: &[(&str, &str)], form_anchor: &str) {
    use super::context::referer_path;
    let Some(token) = keep(echo) else { return };
    let back = referer_path().unwrap_or_else(|| "/".into());
    let (path, query) = back.split_once('?').unwrap_or((&back, ""));
    let replaced = |p: &str| p.starts_with(ECHO_PARAM) || set.iter().any(|(key, _)| p.split('=').next() == Some(key));
    let mut params: Vec<String> = query.split('&').filter(|p| !p.is_empty() && !replaced(p)).map(str::to_string).collect();
    params
        .extend(set.iter().map(|(key, value)| format!("{key}={}", form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>())));
    params.push(format!("{ECHO_PARAM}={token}"));
    leptos_axum::redirect(&format!("{path}?{}#{form_anchor}", params.join("&")));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(field: &str, value: String) -> FormEcho {
        FormEcho { values: [(field.to_string(), value)].into(), ..Default::default() }
    }

    #[test]
    fn values_are_capped_and_the_store_stays_bounded() {
        let store = FlashStore::default();
        let huge = "é".repeat(1_000_000);
        for _ in 0..200 {
            store.put("browser", echo("body", huge.clone()));
        }
        assert_eq!(store.len(), 200);
        assert!(store.bytes() < 200 * (MAX_ECHO_CHARS * 2 + 1024), "each value is cut at the field maximum: {}", store.bytes());
        let token = store.put("browser", echo("report", "a".repeat(300_000)));
        assert_eq!(store.get(&token, "browser").unwrap().value("report").len(), crate::domain::advice::MAX_REPORT_BYTES);
        for _ in 0..2_000 {
            store.put("browser", echo("report", "a".repeat(300_000)));
        }
        assert!(store.bytes() <= MAX_TOTAL_BYTES, "the total is bounded: {}", store.bytes());
    }

    #[test]
    fn an_echo_belongs_to_the_browser_that_made_it() {
        let store = FlashStore::default();
        let token = store.put("mine", echo("body", "Mijn tekst".into()));
        assert_eq!(store.get(&token, "mine").unwrap().value("body"), "Mijn tekst");
        assert!(store.get(&token, "someone else").is_none());
        assert!(store.get(&token, "").is_none());
        assert!(store.get("guessed", "mine").is_none());
    }

    #[test]
    fn cap_cuts_on_a_character_boundary() {
        assert_eq!(cap("ëëë", 2), "ëë");
        assert_eq!(cap("abc", 10), "abc");
        assert_eq!(cap("Jan\u{7} Jansen\u{0}\nstraat\t1", 100), "Jan Jansen\nstraat\t1", "control characters leave, lines stay");
    }
}
