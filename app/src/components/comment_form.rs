//! The resident's comment form and the receipt that replaces it once sent.

use super::fields::{Checkbox, ErrorSummary, TextField, field_errors, form_feedback};
use crate::api::{FormEcho, Receipt, SubmitComment};
use crate::domain::comment::{MAX_COMMENT_CHARS, MAX_EMAIL_CHARS, MAX_NAME_CHARS};
use crate::domain::error::{FieldErrors, FormOutcome};
use crate::platform::use_messages;
use leptos::prelude::*;

/// The block a comment is about: its anchor and label; None for the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CommentTarget {
    pub anchor: String,
    pub label: String,
}

/// An island: the one part of a document page that runs in the browser (sends without reloading,
/// shows the receipt in place). Without JavaScript it is the same form, posted plainly.
#[island]
pub fn CommentForm(slug: String, target: Option<CommentTarget>, echo: Option<FormEcho>) -> impl IntoView {
    crate::platform::island_hydrated();
    let t = use_messages();
    let action = ServerAction::<SubmitComment>::new();
    let value = action.value();
    let echo = echo.unwrap_or_default();
    // Once the browser runs the form, focus moves to it (it is only on the page when just opened).
    Effect::new(move |_| {
        request_animation_frame(|| {
            if let Some(heading) = document().get_element_by_id("reageer-titel") {
                let _ = focus(&heading);
            }
        });
    });
    let (errors, failure) = form_feedback(value, echo.errors.clone());
    let receipt = move || match value.get() {
        Some(Ok(FormOutcome::Done(receipt))) => Some(receipt),
        _ => None,
    };
    let title = match &target {
        Some(target) => (t.comment_form_title)(&target.label),
        None => t.comment_form_title_document.to_string(),
    };
    let block = target.map(|t| t.anchor).unwrap_or_default();
    view! {
        <section id="reageer" class="comment-panel" aria-labelledby="reageer-titel">
            <h3 id="reageer-titel" tabindex="-1">{title}</h3>
            <Show when=move || receipt().is_none() fallback=move || receipt().map(|r| view! { <ReceiptNotice receipt=r/> })>
                <CommentFields action slug=slug.clone() block=block.clone() echo=echo.clone() errors failure/>
            </Show>
        </section>
    }
    .into_any()
}

fn focus(element: &leptos::web_sys::Element) -> Option<()> {
    use leptos::wasm_bindgen::JsCast;
    element.dyn_ref::<leptos::web_sys::HtmlElement>()?.focus().ok()
}

/// The fields of the comment form; rendered once, so what the resident typed survives a refusal.
#[component]
fn CommentFields(
    action: ServerAction<SubmitComment>,
    slug: String,
    block: String,
    echo: FormEcho,
    errors: Signal<FieldErrors>,
    failure: Signal<Option<&'static str>>,
) -> impl IntoView {
    let t = use_messages();
    let checked = |field: &str| !echo.value(field).is_empty();
    let (show_name, consent) = (checked("show_name"), checked("consent"));
    view! {
        <ActionForm action=action attr:class="comment-form" attr:novalidate="">
            <input type="hidden" name="form[consultation]" value=slug/>
            <input type="hidden" name="form[block]" value=block/>
            <ErrorSummary errors other=failure/>
            <TextField id="reactie-tekst" name="form[body]" label=t.label_body hint=(t.hint_body)(MAX_COMMENT_CHARS)
                errors=field_errors(errors, "body") value=echo.value("body") multiline=true required=true maxlength=MAX_COMMENT_CHARS/>
            <TextField id="reactie-organisatie" name="form[organisation]" label=t.label_organisation hint=t.hint_organisation
                errors=field_errors(errors, "organisation") value=echo.value("organisation") maxlength=MAX_NAME_CHARS autocomplete="organization"/>
            <TextField id="reactie-naam" name="form[name]" label=t.label_name
                errors=field_errors(errors, "name") value=echo.value("name") maxlength=MAX_NAME_CHARS autocomplete="name"/>
            <Checkbox id="reactie-naam-tonen" name="form[show_name]" label=t.label_show_name
                errors=field_errors(errors, "show_name") checked=show_name/>
            <TextField id="reactie-email" name="form[email]" label=t.label_email hint=t.hint_email kind="email"
                errors=field_errors(errors, "email") value=echo.value("email") maxlength=MAX_EMAIL_CHARS autocomplete="email"/>
            <Checkbox id="reactie-toestemming" name="form[consent]" label=t.label_consent
                errors=field_errors(errors, "consent") checked=consent/>
            <p class="privacy-notice">{t.privacy_notice}</p>
            <div class="form-actions">
                <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t.sending } else { t.submit_comment }}
                </button>
                <a href="?" class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">{t.close_form}</a>
            </div>
        </ActionForm>
    }
}

/// Shown after sending: the tracking code, large and easy to copy, and where to use it.
#[component]
pub fn ReceiptNotice(receipt: Receipt) -> impl IntoView {
    let t = use_messages();
    let link = format!("/volg/{}", receipt.code);
    view! {
        <div class="receipt" role="status">
            <h3 class="receipt-title">{t.receipt_title}</h3>
            <p>{t.receipt_code}": " <strong class="tracking-code">{receipt.code.clone()}</strong></p>
            {receipt.late.then(|| view! { <p class="badge-late">{t.late}</p> })}
            <p>{t.receipt_keep}</p>
            <p><a href=link.clone()>{t.receipt_link}</a>" ("<code>{link}</code>")"</p>
        </div>
    }
}
