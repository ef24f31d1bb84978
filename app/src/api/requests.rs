//! What server functions do with the request itself, so that the services know nothing of it:
//! where a plain form post (JavaScript off) goes after the server function (on to the page that
//! shows the result, or back to the form with what was typed and the messages), and reading an
//! upload. Server only.

use crate::backend::context::referer_path;
use crate::backend::flash::finish_plain_form;
use crate::domain::answer::AnswerForm;
use crate::domain::error::FormOutcome;
use crate::domain::review::{AdoptionForm, JointAnswerForm};
use crate::views::ECHO_PARAM;
use std::collections::BTreeMap;

/// Back to the same filtered reactions list, at the reaction.
pub fn on_list<T>(outcome: &FormOutcome<T>, values: BTreeMap<String, String>, anchor: &str) {
    let done_anchor = anchor.to_string();
    finish_plain_form(
        outcome,
        values,
        move |_| {
            let back = referer_path().unwrap_or_else(|| "/beheer".into());
            let (path, query) = back.split_once('?').unwrap_or((&back, ""));
            let kept: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with(ECHO_PARAM)).collect();
            if kept.is_empty() { format!("{path}#{done_anchor}") } else { format!("{path}?{}#{done_anchor}", kept.join("&")) }
        },
        anchor,
    );
}

/// An answer to one reaction, on the list.
pub fn answer<T>(form: &AnswerForm, outcome: &FormOutcome<T>) {
    let id = form.comment.trim().to_string();
    let blocks = form.processed_blocks.clone().unwrap_or_default();
    let values = [
        ("body", &form.body),
        ("status", &form.status),
        ("processed_where", &form.processed_where),
        ("state", &form.state),
        ("reason", &form.reason),
        ("processed_blocks", &blocks),
    ]
    .into_iter()
    .map(|(k, v)| (format!("{id}-{k}"), v.clone()))
    .collect();
    on_list(outcome, values, &format!("reactie-{id}"));
}

/// A form of one reaction's card with a single field (the remark, the reason to hide).
pub fn card_field<T>(comment: &str, field: &str, value: &str, outcome: &FormOutcome<T>) {
    let id = comment.trim();
    on_list(outcome, [(format!("{id}-{field}"), value.to_string())].into_iter().collect(), &format!("reactie-{id}"));
}

/// One answer to several reactions: back to the selection.
pub fn joint_answer<T>(form: &JointAnswerForm, outcome: &FormOutcome<T>) {
    let mut values: BTreeMap<String, String> =
        [("body", &form.body), ("processed_where", &form.processed_where), ("state", &form.state), ("reason", &form.reason)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
    values.extend(form.statuses.iter().map(|(id, s)| (format!("status-{id}"), s.clone())));
    let slug = form.slug.trim().to_string();
    finish_plain_form(outcome, values, move |_| format!("/beheer/consultaties/{slug}/reacties?gezamenlijk=1"), "gezamenlijk");
}

/// The college's adoption: the dashboard says it was recorded.
pub fn adoption<T>(form: &AdoptionForm, outcome: &FormOutcome<T>) {
    let values = [("adopted_on".to_string(), form.adopted_on.clone())].into_iter().collect();
    let slug = form.slug.clone();
    finish_plain_form(outcome, values, move |_| format!("/beheer/consultaties/{slug}?vastgesteld=1#vaststelling"), "vaststelling");
}

/// The advice pages: back to the page (at `done_anchor`) or to the form with the input.
pub fn advice<T>(outcome: &FormOutcome<T>, values: BTreeMap<String, String>, done_anchor: &str, form_anchor: &str) {
    let done_anchor = done_anchor.to_string();
    finish_plain_form(
        outcome,
        values,
        move |_| {
            let back = referer_path().unwrap_or_else(|| "/".into());
            format!("{}#{done_anchor}", back.split('?').next().unwrap_or_default())
        },
        form_anchor,
    );
}

/// A search for blocks in a point form (JavaScript off or on: these pages are plain forms): back to
/// the form with what was typed (an echo without errors) and the search in the address.
pub fn block_search(values: BTreeMap<String, String>, query: &str, form: &str, anchor: &str) {
    use crate::backend::{context::accepts_html, flash::back_to_form};
    use crate::domain::block_search::MAX_QUERY_CHARS;
    use crate::views::{BLOCK_QUERY_FORM_PARAM, BLOCK_QUERY_PARAM, FormEcho};
    if !accepts_html() {
        return;
    }
    let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
    back_to_form(FormEcho { values, errors: Default::default() }, &[(BLOCK_QUERY_PARAM, &query), (BLOCK_QUERY_FORM_PARAM, form)], anchor);
}

/// A multipart form post with one file: the text fields, the file's name (lower case) and its
/// bytes, read one byte past the upload limit (enough to say the file is too large).
pub(crate) async fn read_multipart(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<(BTreeMap<String, String>, String, Vec<u8>), crate::domain::error::AppError> {
    use crate::backend::context::internal;
    use crate::backend::import::MAX_UPLOAD_FILE_BYTES;
    let mut multipart = data.into_inner().ok_or(crate::domain::error::AppError::Internal)?;
    let (mut texts, mut file_name, mut bytes) = (BTreeMap::new(), String::new(), Vec::new());
    while let Some(mut field) = multipart.next_field().await.map_err(internal)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            file_name = field.file_name().unwrap_or_default().to_lowercase();
            while let Some(chunk) = field.chunk().await.map_err(internal)? {
                if bytes.len() <= MAX_UPLOAD_FILE_BYTES {
                    bytes.extend_from_slice(&chunk);
                }
            }
            continue;
        }
        texts.insert(name, field.text().await.map_err(internal)?);
    }
    Ok((texts, file_name, bytes))
}
