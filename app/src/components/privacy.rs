//! The resident's personal data on the tracking page, the form behind each mail link, and the
//! lost-code form.

use crate::api::{ErasureRequested, FollowMailLink, FormEcho, PrivacyView, RequestErasure, ResendCodes};
use crate::components::fields::{Checkbox, ErrorSummary, FieldMessages, TextField, field_errors, form_feedback};
use crate::domain::error::FormOutcome;
use crate::domain::mail::LinkPurpose;
use crate::platform::use_messages;
use leptos::prelude::*;

/// "Uw gegevens": what is kept, whether mail will come, and the erase request.
#[component]
pub fn PrivacySection(code: String, privacy: PrivacyView, notice: Option<&'static str>, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let p = t.privacy;
    let action = ServerAction::<RequestErasure>::new();
    let value = action.value();
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    let done = move || match value.get() {
        Some(Ok(FormOutcome::Done(ErasureRequested::MailSent))) => Some(p.erase_mail_sent),
        Some(Ok(FormOutcome::Done(ErasureRequested::Erased))) => Some(p.erased),
        _ => None,
    };
    let erased_now = move || matches!(value.get(), Some(Ok(FormOutcome::Done(ErasureRequested::Erased))));
    let status = privacy.has_email.then_some(if privacy.unsubscribed {
        p.unsubscribed
    } else if privacy.confirmed {
        p.confirmed
    } else {
        p.not_confirmed
    });
    let kept = privacy.kept;
    view! {
        <section class="privacy" id="gegevens" aria-labelledby="gegevens-titel">
            <h2 id="gegevens-titel">{p.section_title}</h2>
            <div role="status">
                {move || done().or(notice).map(|n| view! { <p class="notice notice-ok">{n}</p> })}
            </div>
            {if kept {
                view! {
                    <div hidden=erased_now>
                        <p>{(p.kept)(privacy.has_name, privacy.has_email)}</p>
                        {status.map(|s| view! { <p class="meta">{s}</p> })}
                        <ActionForm action=action attr:class="erase-form" attr:novalidate="">
                            <ErrorSummary errors other=failure/>
                            <input type="hidden" name="code" value=code.clone()/>
                            <Checkbox id="wissen-bevestig" name="confirm" label=p.erase_check errors=field_errors(errors, "confirm")/>
                            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{p.erase_button}</button>
                        </ActionForm>
                    </div>
                }.into_any()
            } else {
                view! { <p>{p.none_kept}</p> }.into_any()
            }}
        </section>
    }
}

/// The page behind a link in a mail: what it does, and a button that does it.
#[component]
pub fn MailLinkForm(purpose: LinkPurpose, token: String, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let p = t.privacy;
    let (title, intro, button, done_text) = match purpose {
        LinkPurpose::Confirm => (p.confirm_title, p.confirm_intro, p.confirm_button, p.confirm_done),
        LinkPurpose::Unsubscribe => (p.unsubscribe_title, p.unsubscribe_intro, p.unsubscribe_button, p.unsubscribe_done),
        LinkPurpose::Erase => (p.erase_title, p.erase_intro, p.erase_confirm_button, p.erased),
    };
    let token = StoredValue::new(token);
    let action = ServerAction::<FollowMailLink>::new();
    let value = action.value();
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    let done = move || match value.get() {
        Some(Ok(FormOutcome::Done(followed))) => Some(followed.code),
        _ => None,
    };
    view! {
        <h1>{title}</h1>
        <Show
            when=move || done().is_none()
            fallback=move || view! {
                <div role="status">
                    <p class="notice notice-ok">{done_text}</p>
                    <p><a href=format!("/volg/{}", done().unwrap_or_default())>{p.to_tracking}</a></p>
                </div>
            }
        >
            <p>{intro}</p>
            <ActionForm action=action attr:id="maillink" attr:novalidate="">
                <ErrorSummary errors other=failure/>
                <input type="hidden" name="purpose" value=purpose.code()/>
                <input type="hidden" name="token" value=token.get_value()/>
                <FieldMessages id="maillink-error" errors=field_errors(errors, "token")/>
                <button type="submit" class="utrecht-button utrecht-button--primary-action">{button}</button>
            </ActionForm>
        </Show>
    }
}

/// "Volgcode kwijt": an address in, the same answer out whether it is known or not.
#[component]
pub fn LostCodeForm(echo: Option<FormEcho>, sent: bool) -> impl IntoView {
    let t = use_messages();
    let p = t.privacy;
    let action = ServerAction::<ResendCodes>::new();
    let value = action.value();
    let typed = echo.as_ref().map(|e| e.value("email")).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    let sent = move || sent || matches!(value.get(), Some(Ok(FormOutcome::Done(()))));
    view! {
        <p>{p.lost_intro}</p>
        <div role="status">{move || sent().then(|| view! { <p class="notice notice-ok">{p.lost_sent}</p> })}</div>
        <ActionForm action=action attr:id="volgcode-kwijt" attr:novalidate="">
            <ErrorSummary errors other=failure/>
            <TextField id="kwijt-email" name="email" label=p.lost_email_label kind="email" required=true
                errors=field_errors(errors, "email") value=typed autocomplete="email"/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{p.lost_button}</button>
        </ActionForm>
    }
}
