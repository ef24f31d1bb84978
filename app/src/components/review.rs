//! The reviewer's decision on an answer, hiding a reaction from public view, and the answer's
//! history with every state, remark and reason.

use super::fields::{ErrorSummary, FieldMessages, TextField, field_errors, form_feedback};
use crate::api::{FormEcho, ReviewAnswer, RevisionView, SetVisibility};
use crate::domain::error::FormOutcome;
use crate::domain::review::{MAX_MODERATION_REASON_CHARS, MAX_REMARK_CHARS, ReviewState};
use crate::platform::use_messages;
use leptos::prelude::*;

fn echo_for(echo: Option<FormEcho>, key: &str) -> Option<FormEcho> {
    echo.filter(|e| e.values.contains_key(key))
}

/// Approve, or send back with a remark: shown to reviewers while the answer waits for review.
#[component]
pub fn ReviewPanel(
    comment_id: i64,
    history: RwSignal<Vec<RevisionView>>,
    may_approve: bool,
    can_review: bool,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let action = ServerAction::<ReviewAnswer>::new();
    let value = action.value();
    let key = format!("{comment_id}-remark");
    let echo = echo_for(echo, &key);
    let remark = StoredValue::new(echo.as_ref().map(|e| e.value(&key)).unwrap_or_default());
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(saved))) = value.get() {
            history.set(saved.revisions);
        }
    });
    let waiting = move || history.with(|h| h.first().is_some_and(|r| r.state == ReviewState::ForReview));
    let revision = move || history.with(|h| h.first().map(|r| r.revision_no.to_string()).unwrap_or_default());
    let decision_errors = field_errors(errors, "decision");
    view! {
        <Show when=move || can_review && waiting()>
            <section class="review-panel" aria-labelledby=format!("beoordeling-{comment_id}-kop")>
                <h4 id=format!("beoordeling-{comment_id}-kop")>{w.review_title}</h4>
                {(!may_approve).then(|| view! { <p class="meta">{w.review_own_note}</p> })}
                <ActionForm action=action attr:class="review-form" attr:novalidate="">
                    <input type="hidden" name="form[comment]" value=comment_id.to_string()/>
                    <input type="hidden" name="form[revision]" value=revision/>
                    <ErrorSummary errors other=failure/>
                    <FieldMessages id=format!("beoordeling-{comment_id}-error") errors=decision_errors/>
                    <TextField id=format!("beoordeling-{comment_id}-opmerking") name="form[remark]" label=w.label_remark hint=w.hint_remark multiline=true
                        maxlength=MAX_REMARK_CHARS errors=field_errors(errors, "remark") value=remark.get_value()/>
                    <div class="form-actions">
                        {may_approve.then(|| view! {
                            <button type="submit" class="utrecht-button utrecht-button--primary-action" name="form[decision]" value="goedkeuren">
                                {w.approve}<span class="sr-only">" "{(w.reaction_no)(comment_id)}</span>
                            </button>
                        })}
                        <button type="submit" class="utrecht-button utrecht-button--secondary-action" name="form[decision]" value="terugsturen">
                            {w.send_back}<span class="sr-only">" "{(w.reaction_no)(comment_id)}</span>
                        </button>
                    </div>
                </ActionForm>
            </section>
        </Show>
    }
}

/// Hide from public view with a reason, or show again.
#[component]
pub fn ModerationPanel(comment_id: i64, hidden: RwSignal<Option<String>>, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let action = ServerAction::<SetVisibility>::new();
    let value = action.value();
    let key = format!("{comment_id}-hide-reason");
    let echo = echo_for(echo, &key);
    let open = echo.is_some();
    let reason = echo.as_ref().map(|e| e.value(&key)).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(changed))) = value.get() {
            hidden.set(changed.hidden.then_some(changed.reason));
        }
    });
    let field_id = format!("verbergen-{comment_id}-reden");
    view! {
        <details class="moderation" open=open>
            <summary>{move || if hidden.get().is_some() { w.show_again } else { w.hide }}<span class="sr-only">" "{(w.reaction_no)(comment_id)}</span></summary>
            <ActionForm action=action attr:class="moderation-form" attr:novalidate="">
                <input type="hidden" name="form[comment]" value=comment_id.to_string()/>
                <input type="hidden" name="form[hide]" value=move || if hidden.get().is_some() { "nee" } else { "ja" }/>
                <ErrorSummary errors other=failure/>
                <p class="hint">{w.hide_note}</p>
                <TextField id=field_id name="form[reason]" label=w.label_hide_reason required=true maxlength=MAX_MODERATION_REASON_CHARS
                    errors=field_errors(errors, "reason") value=reason/>
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                    {move || if hidden.get().is_some() { w.show_again } else { w.hide }}
                </button>
            </ActionForm>
        </details>
    }
}

#[component]
pub fn RevisionHistory(history: RwSignal<Vec<RevisionView>>) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    view! {
        <Show when=move || history.with(|h| !h.is_empty())>
            <details class="history">
                <summary>{t.history}" ("{move || history.with(Vec::len)}")"</summary>
                <ol>
                    {move || history.get().into_iter().map(|r| {
                        let status = r.status.map(|s| t.status_label(s)).unwrap_or_default();
                        view! {
                            <li>
                                <p class="meta">
                                    {(t.revision)(r.revision_no, &r.author, &r.saved_at)}" · "{status}" · "{w.state_label(r.state)}
                                    {r.joint.then(|| view! { " · " {w.joint_badge} })}
                                </p>
                                {r.remark.map(|m| view! { <p class="remark"><strong>{w.remark}": "</strong>{m}</p> })}
                                {r.change_reason.map(|m| view! { <p class="remark"><strong>{w.changed_after_adoption}": "</strong>{m}</p> })}
                                <p class="revision-text">{r.body_markdown}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </details>
        </Show>
    }
}
