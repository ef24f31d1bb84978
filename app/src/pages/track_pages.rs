use super::{echo_resource, param, query};
use crate::api::{TrackView, track_comment};
use crate::components::errors::ErrorView;
use crate::components::fields::TextField;
use crate::components::privacy::PrivacySection;
use crate::domain::comment::without_control_chars;
use crate::domain::error::{AppError, FieldError};
use crate::domain::tracking::{MAX_TYPED_CODE_CHARS, TrackingCode};
use crate::platform::use_messages;
use crate::render::labels::block_label;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/volg`: a form to type a tracking code; with `?code=` it shows that comment.
#[component]
pub fn TrackLookupPage() -> impl IntoView {
    let t = use_messages();
    // Sent empty is not the same as not sent: an empty lookup says the field is required.
    let params = leptos_router::hooks::use_query_map();
    let code = Memo::new(move |_| params.with(|q| q.get("code")));
    view! {
        <Title text=t.track_title/>
        <div class="wrap page">
            <h1>{t.track_title}</h1>
            <p>{t.track_intro}</p>
            <form method="get" action="/volg" class="lookup-form" novalidate="">
                {move || view! {
                    <TextField id="volgcode" name="code" label=t.track_code_label errors=lookup_errors(code.get())
                        value=code.get().map(|c| without_control_chars(&c)).unwrap_or_default() required=true autocomplete="off"
                        maxlength=MAX_TYPED_CODE_CHARS/>
                }}
                <button type="submit" class="utrecht-button utrecht-button--primary-action">{t.track_lookup}</button>
            </form>
            <p><a href="/volg/kwijt">{t.privacy.lost_link}</a></p>
            {move || code.get().filter(|c| TrackingCode::parse(c).is_some()).map(|code| view! { <TrackedComment code received=false notice=None/> })}
        </div>
    }
}

/// What the lookup field says about what was typed: nothing yet, empty, or not a code at all
/// (a code that is well formed but unknown is told by the server's answer below the form).
fn lookup_errors(code: Option<String>) -> Signal<Vec<FieldError>> {
    let errors = match code {
        Some(c) if c.trim().is_empty() => vec![FieldError::Required],
        Some(c) if TrackingCode::parse(&c).is_none() => vec![FieldError::UnknownTrackingCode],
        _ => Vec::new(),
    };
    Signal::stored(errors)
}

/// `/volg/{code}`: the comment, the paragraph it is about, and the final answer.
#[component]
pub fn TrackPage() -> impl IntoView {
    let t = use_messages();
    let code = param("code");
    let received = query("ontvangen");
    // Where a privacy form or a mail link sent the resident back to (JavaScript off).
    let (erase, confirmed, unsubscribed) = (query("wissen"), query("bevestigen"), query("afmelden"));
    let notice = move || {
        let p = t.privacy;
        match (erase.get().as_deref(), confirmed.get(), unsubscribed.get()) {
            (Some("mail"), _, _) => Some(p.erase_mail_sent),
            (Some(_), _, _) => Some(p.erased),
            (_, Some(_), _) => Some(p.confirm_done),
            (_, _, Some(_)) => Some(p.unsubscribe_done),
            _ => None,
        }
    };
    view! {
        <Title text=t.track_title/>
        <div class="wrap page">
            <h1>{t.track_title}</h1>
            {move || view! { <TrackedComment code=code.get() received=received.get().is_some() notice=notice()/> }}
        </div>
    }
}

#[component]
fn TrackedComment(code: String, received: bool, notice: Option<&'static str>) -> impl IntoView {
    let t = use_messages();
    let tracked = Resource::new(move || code.clone(), track_comment);
    let echo = echo_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match tracked.await {
                    // Right after a plain form post: the receipt, only for a code that exists.
                    Ok(view) => view! {
                        {received.then(|| view! {
                            <div class="receipt" role="status">
                                <h2 class="receipt-title">{t.receipt_title}</h2>
                                <p>{t.receipt_code}": " <strong class="tracking-code">{view.code.clone()}</strong></p>
                                <p>{t.receipt_keep}</p>
                            </div>
                        })}
                        <TrackDetails view notice echo/>
                    }.into_any(),
                    Err(AppError::NotFound) => view! { <UnknownCode/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UnknownCode() -> impl IntoView {
    let t = use_messages();
    crate::platform::set_http_status(404);
    view! { <p class="notice" role="alert">{t.track_code_unknown}</p> }
}

#[component]
fn TrackDetails(view: TrackView, notice: Option<&'static str>, echo: Option<crate::api::FormEcho>) -> impl IntoView {
    let t = use_messages();
    let privacy = view! { <PrivacySection code=view.code.clone() privacy=view.privacy.clone() notice echo/> };
    let about = match (&view.block_label, &view.block_anchor) {
        (Some(label), Some(anchor)) => view! {
            <a href=crate::components::versions::block_href(&view.consultation_slug, view.block_version, anchor)>{block_label(label, t)}</a>
        }
        .into_any(),
        _ => view! { <span>{t.whole_document}</span> }.into_any(),
    };
    let answer = match view.answer {
        Some(answer) => view! {
            <section class="answer" aria-labelledby="antwoord-titel">
                <h2 id="antwoord-titel">{t.answer}</h2>
                <p class="answer-status"><strong>{t.track_status}": "</strong>{t.status_label(answer.status)}</p>
                <div class="answer-text" inner_html=answer.html></div>
                {answer.processed_where.map(|w| view! { <p class="meta">{t.processed_where}": "{w}</p> })}
                {answer.change_reason.map(|r| view! { <p class="meta change-reason">{t.work.changed_after_adoption}": "{r}</p> })}
            </section>
        }
        .into_any(),
        None => view! { <p class="notice">{t.track_no_answer}</p> }.into_any(),
    };
    let then_and_now = (!view.then_and_now.is_empty()).then(|| {
        view! {
            <section class="then-and-now" aria-labelledby="toen-en-nu-titel">
                <h2 id="toen-en-nu-titel">{t.versions.then_and_now}</h2>
                <p class="meta">{t.versions.legend}</p>
                <crate::components::versions::ProcessedInView places=view.then_and_now.clone()/>
            </section>
        }
    });
    view! {
        <section class="tracked" aria-labelledby="reactie-titel">
            <h2 id="reactie-titel">{t.track_your_comment}</h2>
            <dl class="facts">
                <dt>{t.nav_home}</dt>
                <dd><a href=format!("/consultaties/{}", view.consultation_slug)>{view.consultation_title}</a></dd>
                <dt>{t.track_about}</dt>
                <dd>{about}</dd>
                <dt>{t.track_received_on}</dt>
                <dd>{t.date(view.received_on)}{view.late.then(|| view! { " " <span class="badge-late">{t.late}</span> })}</dd>
            </dl>
            {view.block_text.map(|text| view! { <blockquote class="quote">{crate::domain::report::shorten(&text, 600)}</blockquote> })}
            <p class="comment-body">{view.body}</p>
            {view.hidden.then(|| view! { <p class="notice hidden-note">{t.work.hidden_for_sender}</p> })}
        </section>
        {answer}
        {then_and_now}
        {privacy}
    }
}
