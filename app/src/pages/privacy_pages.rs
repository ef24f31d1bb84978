//! The pages behind the links in mail (`/bevestigen/{token}`, `/afmelden/{token}`,
//! `/wissen/{token}`), the lost-code form (`/volg/kwijt`) and the admins' outbox (`/beheer/post`).

use super::{echo_resource, loaded_with_echo, param, query};
use crate::api::{OutboxItem, OutboxView, RetryMail, get_outbox};
use crate::components::fields::{ErrorSummary, form_feedback};
use crate::components::privacy::{LostCodeForm, MailLinkForm};
use crate::domain::error::FormOutcome;
use crate::domain::mail::{LinkPurpose, OutboxStatus};
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn mail_link_page(purpose: LinkPurpose, title: &'static str) -> impl IntoView {
    let token = param("token");
    let echo = echo_resource();
    view! {
        <Title text=title/>
        // The token is in the address: no Referer to other sites. (Not `no-referrer`: the form's
        // post must still show its origin to pass the same-origin check.)
        <Meta name="referrer" content="same-origin"/>
        <div class="wrap page narrow">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await;
                    view! { <MailLinkForm purpose token=token.get() echo/> }
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    mail_link_page(LinkPurpose::Confirm, use_messages().privacy.confirm_title)
}

#[component]
pub fn UnsubscribePage() -> impl IntoView {
    mail_link_page(LinkPurpose::Unsubscribe, use_messages().privacy.unsubscribe_title)
}

#[component]
pub fn EraseLinkPage() -> impl IntoView {
    mail_link_page(LinkPurpose::Erase, use_messages().privacy.erase_title)
}

#[component]
pub fn LostCodePage() -> impl IntoView {
    let t = use_messages();
    let echo = echo_resource();
    let sent = query("verstuurd");
    view! {
        <Title text=t.privacy.lost_title/>
        <div class="wrap page narrow">
            <h1>{t.privacy.lost_title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await;
                    view! { <LostCodeForm echo sent=sent.get().is_some()/> }
                })}
            </Suspense>
        </div>
    }
}

/// Admins: what waits in the outbox or failed, the counts, and the record of erasures.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let t = use_messages();
    let p = t.privacy;
    let data = Resource::new(|| (), |_| get_outbox());
    view! {
        <Title text=p.outbox_title/>
        <div class="wrap page officer">
            <h1>{p.outbox_title}</h1>
            <p>{p.outbox_intro}</p>
            {loaded_with_echo(data, |view: OutboxView, _| view! { <OutboxDetails view/> })}
        </div>
    }
}

#[component]
fn OutboxDetails(view: OutboxView) -> impl IntoView {
    let t = use_messages();
    let p = t.privacy;
    let retried = query("opnieuw");
    view! {
        {(!view.smtp_configured).then(|| view! { <p class="notice" role="status">{p.outbox_no_smtp}</p> })}
        {move || retried.get().map(|_| view! { <p class="notice notice-ok" role="status">{p.retried}</p> })}
        <p class="meta">{(p.outbox_counts)(view.waiting, view.sent, view.failed)}</p>
        <h2 id="wachtrij">{p.outbox_problems}</h2>
        {if view.unsent.is_empty() {
            view! { <p>{p.outbox_none}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="wachtrij">
                    <table class="outbox">
                        <thead><tr>
                            <th scope="col">{p.col_kind}</th>
                            <th scope="col">{p.col_recipient}</th>
                            <th scope="col">{p.col_status}</th>
                            <th scope="col">{p.col_attempts}</th>
                            <th scope="col">{p.col_error}</th>
                            <th scope="col">{p.col_next}</th>
                            <th scope="col"><span class="sr-only">{p.retry}</span></th>
                        </tr></thead>
                        <tbody>{view.unsent.into_iter().map(|item| view! { <OutboxLine item/> }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <h2>{p.erasures_title}</h2>
        <p>{(p.erasures_intro)(view.retention_days)}</p>
        {if view.erasures.is_empty() {
            view! { <p>{p.erasures_none}</p> }.into_any()
        } else {
            view! {
                <table class="erasures">
                    <thead><tr>
                        <th scope="col">{p.col_when}</th>
                        <th scope="col">{p.col_consultation}</th>
                        <th scope="col">{p.col_what}</th>
                    </tr></thead>
                    <tbody>
                        {view.erasures.into_iter().map(|e| view! {
                            <tr>
                                <td>{t.date(e.on)}</td>
                                <td>{e.consultation}</td>
                                <td>{(p.erasure_line)(e.by_request, e.reactions)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

#[component]
fn OutboxLine(item: OutboxItem) -> impl IntoView {
    let t = use_messages();
    let p = t.privacy;
    let action = ServerAction::<RetryMail>::new();
    let value = action.value();
    let (errors, failure) = form_feedback(value, Default::default());
    let requeued = move || matches!(value.get(), Some(Ok(FormOutcome::Done(()))));
    let status = item.status;
    view! {
        <tr id=format!("bericht-{}", item.id)>
            <td>{(p.kind_label)(item.kind)}</td>
            <td>{item.recipient}</td>
            <td>{move || (p.status_label)(if requeued() { OutboxStatus::Waiting } else { status })}</td>
            <td>{item.attempts}</td>
            <td class="error-text">{item.last_error.unwrap_or_default()}</td>
            <td>{item.next_attempt.unwrap_or_default()}</td>
            <td>
                {(status == OutboxStatus::Failed).then(|| view! {
                    <ActionForm action=action>
                        <ErrorSummary errors other=failure/>
                        <input type="hidden" name="id" value=item.id.to_string()/>
                        <button type="submit" class="utrecht-button utrecht-button--secondary-action" disabled=requeued>{p.retry}</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}
