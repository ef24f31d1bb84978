//! A reaction as an officer works on it: the answer form (text, status, place, concept or for
//! review, and after adoption the reason), the reviewer's decision, hiding it from public view,
//! and the history. Every save is a new revision; the history stays visible.

use super::fields::{ErrorSummary, SelectField, TextField, field_errors, form_feedback};
use super::review::{ModerationPanel, ReviewPanel, RevisionHistory};
use crate::api::{FormEcho, OfficerCommentView, RevisionView, SaveAnswer};
use crate::domain::answer::{MAX_ANSWER_CHARS, MAX_REASON_CHARS, MAX_WHERE_CHARS};
use crate::domain::comment::SenderKind;
use crate::domain::error::{FieldErrors, FormOutcome};
use crate::domain::label::BlockLabel;
use crate::domain::review::ReviewState;
use crate::domain::status::ProcessingStatus;
use crate::domain::versions::Versioned;
use crate::platform::use_messages;
use crate::render::labels::{block_label, versioned_label};
use leptos::prelude::*;

/// What the list knows about the whole set that each card needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CardContext {
    /// The college adopted the answers: a change needs a reason.
    pub adopted: bool,
    pub can_review: bool,
    /// Show a checkbox that adds the reaction to a joint answer (the `selectie` form).
    pub selectable: bool,
}

/// The sender as staff see it: organisation, council or (privately) the resident's name.
pub fn sender_line(comment: &OfficerCommentView, t: &'static crate::i18n::Messages) -> String {
    let w = t.work;
    match (comment.sender_kind, &comment.organisation) {
        (SenderKind::Council, Some(name)) => format!("{name} ({})", w.sender_council),
        (SenderKind::Organisation, Some(name)) => name.clone(),
        _ => w.sender_resident.to_string(),
    }
}

/// The block a reaction is about in the reader's words, or "the document as a whole".
pub fn place_text(place: Option<&Versioned<BlockLabel>>, t: &'static crate::i18n::Messages) -> String {
    place.map_or_else(|| t.whole_document.to_string(), |place| versioned_label(place, t))
}

/// An island (staff only, loaded lazily: its code is a separate WebAssembly chunk that resident
/// pages never fetch): saving, reviewing and hiding update the card in place. Without
/// JavaScript every form on it posts plainly and the list comes back.
#[island(lazy)]
pub fn ReactionCard(comment: OfficerCommentView, echo: Option<FormEcho>, context: CardContext) -> impl IntoView {
    crate::platform::island_hydrated();
    let t = use_messages();
    let w = t.work;
    let id = comment.id;
    let history = RwSignal::new(comment.revisions.clone());
    let hidden = RwSignal::new(comment.hidden_reason.clone());
    let private = (comment.private_name.is_some() || comment.private_email.is_some()).then(|| {
        let details = [comment.private_name.clone(), comment.private_email.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        view! { <p class="private-data"><span class="private-label">{t.sender_private}": "</span>{details}</p> }
    });
    let select = context.selectable.then(|| {
        let box_id = format!("kies-{id}");
        view! {
            <p class="select-reaction">
                <input type="checkbox" id=box_id.clone() name="r" value=id.to_string() form="selectie"/>
                <label for=box_id>{w.select_for_joint}<span class="sr-only">" "{(w.reaction_no)(id)}</span></label>
            </p>
        }
    });
    let state_badge = move || {
        history
            .with(|h| h.first().map(|r| r.state))
            .map(|s| view! { <span class=format!("badge-state state-{}", s.code())>{w.state_label(s)}</span> })
    };
    view! {
        <article class="officer-comment" id=format!("reactie-{id}") aria-labelledby=format!("reactie-{id}-kop")>
            <h3 id=format!("reactie-{id}-kop") class="reaction-heading">
                {(w.reaction_no)(id)}" · "{sender_line(&comment, t)}
                {comment.late.then(|| view! { " " <span class="badge-late">{t.late}</span> })}
                " " {state_badge}
                {move || hidden.get().is_some().then(|| view! { " " <span class="badge-hidden">{w.hidden_badge}</span> })}
            </h3>
            <p class="meta">
                {place_text(comment.place.as_ref(), t)}" · "
                {t.track_received_on}" "{t.date(comment.received_on)}
            </p>
            {select}
            {private}
            <blockquote class="comment-body">{comment.body.clone()}</blockquote>
            {move || hidden.get().map(|reason| view! { <p class="notice hidden-note">{w.hidden_because}": "{reason}</p> })}
            <AnswerForm comment_id=id history echo=echo.clone() adopted=context.adopted latest_version=comment.latest_version/>
            <ReviewPanel comment_id=id history may_approve=comment.may_approve can_review=context.can_review echo=echo.clone()/>
            <ModerationPanel comment_id=id hidden echo/>
            <RevisionHistory history/>
        </article>
    }
}

#[component]
fn AnswerForm(
    comment_id: i64,
    history: RwSignal<Vec<RevisionView>>,
    echo: Option<FormEcho>,
    adopted: bool,
    latest_version: Option<i64>,
) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let action = ServerAction::<SaveAnswer>::new();
    let value = action.value();
    // Only the echo that belongs to this reaction's form is used.
    let prefix = format!("{comment_id}-");
    let echo = echo.filter(|e| e.values.keys().any(|k| k.starts_with(&prefix) && !k.ends_with("remark") && !k.ends_with("hide-reason")));
    let echo_value = |field: &str| echo.as_ref().map(|e| e.value(&format!("{comment_id}-{field}")));
    let echo_errors = echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(saved))) = value.get() {
            history.set(saved.revisions);
        }
    });
    let (errors, failure) = form_feedback(value, echo_errors);
    let saved = move || matches!(value.get(), Some(Ok(FormOutcome::Done(_))));
    let current = history.with_untracked(|h| h.first().cloned());
    let body = echo_value("body").or_else(|| current.as_ref().map(|r| r.body_markdown.clone())).unwrap_or_default();
    let status = echo_value("status").or_else(|| current.as_ref().and_then(|r| r.status).map(|s| s.code().to_string())).unwrap_or_default();
    let place = echo_value("processed_where").or_else(|| current.as_ref().and_then(|r| r.processed_where.clone())).unwrap_or_default();
    let state = echo_value("state").unwrap_or_else(|| ReviewState::Draft.code().into());
    let reason = echo_value("reason").unwrap_or_default();
    let blocks = echo_value("processed_blocks")
        .or_else(|| current.as_ref().map(|r| r.processed_blocks.iter().map(|l| block_label(l, t)).collect::<Vec<_>>().join("; ")))
        .unwrap_or_default();
    let revision = move || history.with(|h| h.first().map(|r| r.revision_no.to_string()).unwrap_or_default());
    let states = [ReviewState::Draft, ReviewState::ForReview].into_iter().map(|s| (s.code(), w.save_as(s))).collect();
    view! {
        <ActionForm action=action attr:class="answer-form" attr:novalidate="">
            <input type="hidden" name="form[comment]" value=comment_id.to_string()/>
            <input type="hidden" name="form[revision]" value=revision/>
            <ErrorSummary errors other=failure/>
            <StatusSelect id=format!("antwoord-{comment_id}-status") name="form[status]".into() current=status errors=field_errors(errors, "status")/>
            <AnswerFields form_id=format!("antwoord-{comment_id}") body place state states errors/>
            // The blocks of the newest version where it was processed: suggestions come from the
            // list on the page (outside the island).
            {latest_version.map(|version| view! {
                <crate::components::versions::ProcessedBlocksField form_id=format!("antwoord-{comment_id}") version value=blocks errors/>
            })}
            {adopted.then(|| view! {
                <TextField id=format!("antwoord-{comment_id}-reden") name="form[reason]" label=w.label_reason hint=w.hint_reason
                    required=true maxlength=MAX_REASON_CHARS errors=field_errors(errors, "reason") value=reason/>
            })}
            <div class="form-actions">
                <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled=move || action.pending().get()>
                    {t.save_answer}<span class="sr-only">" "{(w.reaction_no)(comment_id)}</span>
                </button>
                <span role="status" class="saved-note">{move || saved().then_some(t.answer_saved)}</span>
            </div>
        </ActionForm>
    }
}

/// The processing status, with "choose" first when there is none yet.
#[component]
pub fn StatusSelect(id: String, name: String, current: String, errors: Signal<Vec<crate::domain::error::FieldError>>) -> impl IntoView {
    let t = use_messages();
    let options = ProcessingStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=current == s.code()>{t.status_label(s)}</option> })
        .collect_view();
    view! {
        <SelectField id name label=t.label_status errors>
            <option value="" selected=current.is_empty()>{t.choose_status}</option>
            {options}
        </SelectField>
    }
}

/// The text, the place where it was processed, and the state to save in: the parts every
/// answer has. `states` are (code, label) pairs for the radio buttons.
#[component]
pub fn AnswerFields(
    form_id: String,
    body: String,
    place: String,
    state: String,
    states: Vec<(&'static str, &'static str)>,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let t = use_messages();
    let states = states
        .into_iter()
        .map(|(code, label)| {
            let id = format!("{form_id}-state-{code}");
            view! {
                <span class="radio">
                    <input type="radio" id=id.clone() name="form[state]" value=code checked=state == code/>
                    <label for=id>{label}</label>
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
