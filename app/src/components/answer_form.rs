//! An officer's answer to one comment: text, processing status, where it was processed, and
//! whether it is final. Every save is a new revision; the history stays visible.

use super::fields::{ErrorSummary, SelectField, TextField, field_errors, form_feedback};
use crate::api::{FormEcho, OfficerCommentView, RevisionView, SaveAnswer};
use crate::domain::answer::{MAX_ANSWER_CHARS, MAX_WHERE_CHARS};
use crate::domain::error::{FieldErrors, FormOutcome};
use crate::domain::status::{AnswerState, ProcessingStatus};
use crate::platform::use_messages;
use leptos::prelude::*;

#[component]
pub fn CommentForOfficer(comment: OfficerCommentView, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let id = comment.id;
    let private = (comment.private_name.is_some() || comment.private_email.is_some()).then(|| {
        let details = [comment.private_name.clone(), comment.private_email.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        view! { <p class="private-data"><span class="private-label">{t.sender_private}": "</span>{details}</p> }
    });
    view! {
        <article class="officer-comment" id=format!("reactie-{id}") aria-labelledby=format!("reactie-{id}-afzender")>
            <h4 id=format!("reactie-{id}-afzender")>
                {comment.sender.display(t)}
                {comment.late.then(|| view! { <span class="badge-late">{t.late}</span> })}
            </h4>
            <p class="meta">{t.track_received_on}" "{t.date(comment.received_on)}</p>
            {private}
            <blockquote class="comment-body">{comment.body.clone()}</blockquote>
            <AnswerForm comment_id=id revisions=comment.revisions echo/>
        </article>
    }
}

#[component]
fn AnswerForm(comment_id: i64, revisions: Vec<RevisionView>, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let action = ServerAction::<SaveAnswer>::new();
    let value = action.value();
    let history = RwSignal::new(revisions);
    // Only the echo that belongs to this comment's form is used.
    let prefix = format!("{comment_id}-");
    let echo = echo.filter(|e| e.values.keys().any(|k| k.starts_with(&prefix)));
    let echo_value = |field: &str| echo.as_ref().map(|e| e.value(&format!("{comment_id}-{field}")));
    let echo_errors = echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(saved))) = value.get() {
            history.update(|h| h.insert(0, saved.revision));
        }
    });
    let (errors, failure) = form_feedback(value, echo_errors);
    let saved = move || matches!(value.get(), Some(Ok(FormOutcome::Done(_))));
    let current = history.with_untracked(|h| h.first().cloned());
    let body = echo_value("body").or_else(|| current.as_ref().map(|r| r.body_markdown.clone())).unwrap_or_default();
    let status = echo_value("status").or_else(|| current.as_ref().and_then(|r| r.status).map(|s| s.code().to_string())).unwrap_or_default();
    let place = echo_value("processed_where").or_else(|| current.as_ref().and_then(|r| r.processed_where.clone())).unwrap_or_default();
    let state = echo_value("state").or_else(|| current.as_ref().map(|r| r.state.code().to_string())).unwrap_or_else(|| "concept".into());
    let status_errors = field_errors(errors, "status");
    let status_id = format!("antwoord-{comment_id}-status");
    let options = ProcessingStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=status == s.code()>{t.status_label(s)}</option> })
        .collect_view();
    view! {
        <ActionForm action=action attr:class="answer-form" attr:novalidate="">
            <input type="hidden" name="form[comment]" value=comment_id.to_string()/>
            <ErrorSummary errors other=failure/>
            <SelectField id=status_id name="form[status]" label=t.label_status errors=status_errors>
                <option value="" selected=status.is_empty()>{t.choose_status}</option>
                {options}
            </SelectField>
            <AnswerFields form_id=format!("antwoord-{comment_id}") body place state errors/>
            <div class="form-actions">
                <button type="submit" class="button-primary" disabled=move || action.pending().get()>{t.save_answer}</button>
                <span role="status" class="saved-note">{move || saved().then_some(t.answer_saved)}</span>
            </div>
        </ActionForm>
        <RevisionHistory history/>
    }
}

/// The text, the place where it was processed, and concept or final: the parts every answer has.
#[component]
pub fn AnswerFields(form_id: String, body: String, place: String, state: String, errors: Signal<FieldErrors>) -> impl IntoView {
    let t = use_messages();
    let states = [AnswerState::Draft, AnswerState::Final]
        .into_iter()
        .map(|s| {
            let id = format!("{form_id}-state-{}", s.code());
            view! {
                <span class="radio">
                    <input type="radio" id=id.clone() name="form[state]" value=s.code() checked=state == s.code()/>
                    <label for=id>{(t.answer_state)(s)}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <TextField id=format!("{form_id}-tekst") name="form[body]" label=t.label_answer hint=t.hint_answer multiline=true required=true
            maxlength=MAX_ANSWER_CHARS errors=field_errors(errors, "body") value=body/>
        <TextField id=format!("{form_id}-waar") name="form[processed_where]" label=t.label_processed_where hint=t.hint_processed_where
            maxlength=MAX_WHERE_CHARS errors=field_errors(errors, "processed_where") value=place/>
        <fieldset class="field">
            <legend>{t.label_state}</legend>
            {states}
        </fieldset>
    }
}

#[component]
fn RevisionHistory(history: RwSignal<Vec<RevisionView>>) -> impl IntoView {
    let t = use_messages();
    view! {
        <Show when=move || history.with(|h| !h.is_empty())>
            <details class="history">
                <summary>{t.history}" ("{move || history.with(Vec::len)}")"</summary>
                <ol>
                    {move || history.get().into_iter().map(|r| {
                        let status = r.status.map(|s| t.status_label(s)).unwrap_or_default();
                        view! {
                            <li>
                                <p class="meta">{(t.revision)(r.revision_no, &r.author, &r.saved_at)}" · "{status}" · "{(t.answer_state)(r.state)}</p>
                                <p class="revision-text">{r.body_markdown}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </details>
        </Show>
    }
}
