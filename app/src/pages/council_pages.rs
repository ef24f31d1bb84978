//! Councils for officers (register, invite members), the invite link for a new member, and the
//! member's own area.

use super::{echo_resource, param, query};
use crate::api::{
    AcceptInvite, CreateCouncil, FormEcho, InviteMember, MemberView, RemoveMember, SaveLetterSender, SaveMunicipalityLogo, SenderView,
    council_detail, council_home, invite_info, letter_senders, list_councils,
};
use crate::components::errors::ErrorView;
use crate::components::fields::{ErrorSummary, SelectField, TextField, field_errors, form_feedback};
use crate::domain::council::{
    CouncilKind, MAX_COUNCIL_NAME_CHARS, MAX_LOGO_BYTES, MAX_MUNICIPALITY_CHARS, MAX_SENDER_CHARS, MIN_PASSWORD_CHARS,
};
use crate::domain::error::FormOutcome;
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn CouncilsPage() -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let list = Resource::new(|| (), |_| async move { (list_councils().await, letter_senders().await) });
    let saved = query("afzender");
    let logo_saved = query("logo");
    let echo = echo_resource();
    view! {
        <Title text=c.councils_title/>
        <div class="wrap page">
            <h1>{c.councils_title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await;
                    match list.await {
                        (Err(error), _) | (_, Err(error)) => view! { <ErrorView error/> }.into_any(),
                        (Ok(list), Ok(senders)) => view! {
                            {list.is_empty().then(|| view! { <p>{c.councils_empty}</p> })}
                            <ul class="card-list">
                                {list.into_iter().map(|item| view! {
                                    <li class="card">
                                        <h2 class="card-title"><a href=format!("/beheer/raden/{}", item.council.slug)>{item.council.name.clone()}</a></h2>
                                        <p class="meta">{item.council.municipality.clone()}" · "{c.kind(item.council.kind)}" · "{(c.count_members)(item.members as usize)}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                            // The echo of a refused form belongs to that form alone: the new
                            // council's has a name, a sender's or logo's a municipality only.
                            <NewCouncilForm echo=echo.clone().filter(|e| e.values.contains_key("name"))/>
                            <LetterSenders senders echo saved=saved.get_untracked().is_some() logo_saved=logo_saved.get_untracked().is_some()/>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn NewCouncilForm(echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let action = ServerAction::<CreateCouncil>::new();
    let value = action.value();
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(slug))) = value.get() {
            let _ = window().location().set_href(&format!("/beheer/raden/{slug}"));
        }
    });
    let echo = echo.unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo.errors.clone());
    let kind = echo.value("kind");
    let kind_errors = field_errors(errors, "kind");
    let options = CouncilKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.code() selected=kind == k.code()>{c.kind(k)}</option> })
        .collect_view();
    view! {
        <ActionForm action=action attr:id="nieuwe-raad" attr:class="stacked-form" attr:novalidate="">
            <h2>{c.new_council}</h2>
            <ErrorSummary errors other=failure/>
            <TextField id="raad-naam" name="form[name]" label=c.label_council_name required=true maxlength=MAX_COUNCIL_NAME_CHARS
                errors=field_errors(errors, "name") value=echo.value("name")/>
            <TextField id="raad-gemeente" name="form[municipality]" label=c.label_municipality required=true maxlength=MAX_MUNICIPALITY_CHARS
                errors=field_errors(errors, "municipality") value=echo.value("municipality")/>
            <SelectField id="raad-soort" name="form[kind]" label=c.label_kind errors=kind_errors>
                <option value="" selected=kind.is_empty()>{c.choose_kind}</option>
                {options}
            </SelectField>
            <TextField id="raad-slug" name="form[slug]" label=c.label_council_slug hint=c.hint_council_slug
                errors=field_errors(errors, "slug") value=echo.value("slug")/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{c.create_council}</button>
        </ActionForm>
    }
}

/// Under which name each municipality's college answers its own councils (regional letters).
#[component]
fn LetterSenders(senders: Vec<SenderView>, echo: Option<FormEcho>, saved: bool, logo_saved: bool) -> impl IntoView {
    let c = use_messages().councils;
    (!senders.is_empty()).then(|| {
        let forms = senders
            .into_iter()
            .map(|s| {
                let ours = |key: &str| {
                    echo.clone().filter(|e| e.values.get("municipality") == Some(&s.municipality) && e.values.contains_key(key))
                };
                let (sender_echo, logo_echo) = (ours("sender"), ours("logo"));
                view! {
                    <SenderForm sender=s.clone() echo=sender_echo/>
                    <LogoForm sender=s echo=logo_echo/>
                }
            })
            .collect_view();
        view! {
            <section id="afzenders" aria-labelledby="afzenders-titel">
                <h2 id="afzenders-titel">{c.senders_title}</h2>
                <p>{c.senders_intro}</p>
                {saved.then(|| view! { <p class="notice" role="status">{c.sender_saved}</p> })}
                {logo_saved.then(|| view! { <p class="notice" role="status">{c.logo_saved}</p> })}
                {forms}
            </section>
        }
    })
}

#[component]
fn SenderForm(sender: SenderView, echo: Option<FormEcho>) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<SaveLetterSender>::new();
    let value = action.value();
    let (errors, failure) = form_feedback(value, echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default());
    let typed = echo.as_ref().map(|e| e.value("sender")).unwrap_or(sender.sender);
    let id = format!("afzender-{}", crate::domain::council::slug_from_name(&sender.municipality));
    view! {
        <ActionForm action=action attr:class="stacked-form" attr:novalidate="">
            <ErrorSummary errors other=failure/>
            <input type="hidden" name="form[municipality]" value=sender.municipality.clone()/>
            <TextField id name="form[sender]" label=(c.label_sender)(&sender.municipality) hint=c.hint_sender maxlength=MAX_SENDER_CHARS
                errors=field_errors(errors, "sender") value=typed/>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.save_sender}<span class="sr-only">" "{sender.municipality.clone()}</span></button>
        </ActionForm>
    }
}

/// A municipality's logo on its letters: the current one, a new one (a plain multipart form), or
/// none.
#[component]
fn LogoForm(sender: SenderView, echo: Option<FormEcho>) -> impl IntoView {
    let c = use_messages().councils;
    let errors = Signal::stored(echo.map(|e| e.errors).unwrap_or_default());
    let id = format!("logo-{}", crate::domain::council::slug_from_name(&sender.municipality));
    let current = sender.logo.map(|logo| {
        view! {
            <p class="logo-current">{c.logo_current}" "
                <img src=format!("/gemeentelogo/{logo}") alt=(c.logo_alt)(&sender.municipality) class="municipality-logo"/>
            </p>
        }
    });
    let remove = sender.logo.is_some().then(|| {
        view! {
            <button type="submit" name="remove" value="1" formnovalidate="" class="utrecht-button utrecht-button--secondary-action">
                {c.remove_logo}<span class="sr-only">" "{sender.municipality.clone()}</span>
            </button>
        }
    });
    view! {
        <form class="stacked-form logo-form" method="post" enctype="multipart/form-data" action=SaveMunicipalityLogo::url() novalidate="">
            <ErrorSummary errors other=Signal::stored(None)/>
            <input type="hidden" name="municipality" value=sender.municipality.clone()/>
            {current}
            <TextField id name="file" kind="file" label=(c.label_logo)(&sender.municipality)
                hint=(c.hint_logo)(MAX_LOGO_BYTES / (1024 * 1024)) errors=field_errors(errors, "file")/>
            <div class="form-actions">
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.save_logo}<span class="sr-only">" "{sender.municipality.clone()}</span></button>
                {remove}
            </div>
        </form>
    }
}

#[component]
pub fn CouncilPage() -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let slug = param("council");
    let refresh = RwSignal::new(0u32);
    // The link made last lives outside the refreshed part, so that it stays on screen.
    let made = RwSignal::new(None::<(String, String)>);
    let detail = Resource::new(move || (slug.get(), refresh.get()), |(slug, _)| council_detail(slug));
    let echo = echo_resource();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match detail.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(d) => {
                        let council_slug = d.council.slug.clone();
                        let members = d.members.iter().cloned().map(|member| view! { <MemberItem council=council_slug.clone() member refresh/> }).collect_view();
                        let invites = d.invites.iter().map(|i| {
                            let state = if i.used { c.invite_used.to_string() } else if i.expired { c.invite_expired.to_string() } else { (c.invite_open_until)(&t.date(i.expires_on)) };
                            view! { <li>{i.name.clone()}" · "{i.email.clone()}" · "{state}</li> }
                        }).collect_view();
                        view! {
                            <Title text=d.council.name.clone()/>
                            <div class="wrap page">
                                <p><a href="/beheer/raden">{c.councils_title}</a></p>
                                <h1>{d.council.name.clone()}</h1>
                                <p class="meta">{d.council.municipality.clone()}" · "{c.kind(d.council.kind)}</p>
                                <h2 id="leden">{c.members_title}</h2>
                                {d.members.is_empty().then(|| view! { <p>{c.no_members}</p> })}
                                <ul>{members}</ul>
                                {(!d.invites.is_empty()).then(|| view! { <h2>{c.invites_title}</h2><ul>{invites}</ul> })}
                                <InviteForm council=d.council.slug.clone() echo refresh made/>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// A member with their address, and a button that takes them off the council.
#[component]
fn MemberItem(council: String, member: MemberView, refresh: RwSignal<u32>) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<RemoveMember>::new();
    let value = action.value();
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(()))) = value.get() {
            refresh.update(|n| *n += 1);
        }
    });
    let label = format!("{} {}", c.remove_member, member.name);
    view! {
        <li>
            {member.name.clone()}" · "{member.email.clone()}
            {if member.active {
                view! {
                    <ActionForm action=action attr:class="inline-form">
                        <input type="hidden" name="council" value=council/>
                        <input type="hidden" name="member" value=member.id.to_string()/>
                        <button type="submit" class="button-link" aria-label=label>{c.remove_member}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! { " · "<span class="badge">{c.member_removed}</span> }.into_any()
            }}
        </li>
    }
}

#[component]
fn InviteForm(council: String, echo: Option<FormEcho>, refresh: RwSignal<u32>, made: RwSignal<Option<(String, String)>>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let action = ServerAction::<InviteMember>::new();
    let value = action.value();
    // Without JavaScript the link comes back once in the echo of the post.
    if let Some(echo) = echo.as_ref().filter(|e| !e.value("invite_link").is_empty())
        && made.get_untracked().is_none()
    {
        made.set(Some((echo.value("invite_link"), echo.value("invite_until"))));
    }
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(link))) = value.get() {
            made.set(Some((link.url, t.date(link.expires_on))));
            refresh.update(|n| *n += 1);
        }
    });
    let echo = echo.filter(|e| !e.values.contains_key("invite_link")).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo.errors.clone());
    view! {
        <ActionForm action=action attr:id="uitnodigen" attr:class="stacked-form" attr:novalidate="">
            <h2>{c.invite_member}</h2>
            <div role="status">
                {move || made.get().map(|(url, until)| view! {
                    <div class="notice invite-link">
                        <p>{c.invite_link_intro}</p>
                        <p><code class="invite-url">{url.clone()}</code></p>
                        <p class="meta">{(c.invite_link_note)(&until)}</p>
                    </div>
                })}
            </div>
            <ErrorSummary errors other=failure/>
            <input type="hidden" name="form[council]" value=council/>
            <TextField id="lid-naam" name="form[name]" label=c.label_member_name required=true autocomplete="off"
                errors=field_errors(errors, "name") value=echo.value("name")/>
            <TextField id="lid-email" name="form[email]" label=c.label_member_email kind="email" required=true autocomplete="off"
                errors=field_errors(errors, "email") value=echo.value("email")/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{c.send_invite}</button>
        </ActionForm>
    }
}

#[component]
pub fn AcceptInvitePage() -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let token = param("token");
    let info = Resource::new(move || token.get(), invite_info);
    let echo = echo_resource();
    view! {
        <Title text=c.accept_title/>
        <div class="wrap page narrow">
            <h1>{c.accept_title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await;
                    match info.await {
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(Err(problem)) => view! { <p class="notice" role="alert">{(t.field_error)(problem)}</p> }.into_any(),
                        Ok(Ok(info)) => view! {
                            <p>{(c.accept_intro)(&info.name, &info.council)}</p>
                            <p class="meta">{t.label_login_email}": "{info.email.clone()}</p>
                            <AcceptForm token=token.get_untracked() echo/>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn AcceptForm(token: String, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let action = ServerAction::<AcceptInvite>::new();
    let value = action.value();
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(()))) = value.get() {
            let _ = window().location().set_href("/raad");
        }
    });
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    view! {
        <ActionForm action=action attr:id="account" attr:class="stacked-form" attr:novalidate="">
            <ErrorSummary errors other=failure/>
            <input type="hidden" name="form[token]" value=token/>
            <TextField id="nieuw-wachtwoord" name="form[password]" label=c.label_new_password hint=(c.hint_new_password)(MIN_PASSWORD_CHARS)
                kind="password" required=true autocomplete="new-password" errors=field_errors(errors, "password")/>
            <TextField id="nieuw-wachtwoord-2" name="form[password_again]" label=c.label_password_again kind="password" required=true
                autocomplete="new-password" errors=field_errors(errors, "password_again")/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{c.accept_submit}</button>
        </ActionForm>
    }
}

#[component]
pub fn CouncilHomePage() -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let home = Resource::new(|| (), |_| council_home());
    view! {
        <Title text=c.area_title/>
        <div class="wrap page">
            <h1>{c.area_title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match home.await {
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(home) => view! {
                            <p>{(c.area_intro)(&home.council.name)}</p>
                            {home.consultations.is_empty().then(|| view! { <p>{c.area_empty}</p> })}
                            <ul class="card-list">
                                {home.consultations.into_iter().map(|item| view! {
                                    <li class="card">
                                        <h2 class="card-title"><a href=format!("/raad/{}", item.slug)>{(c.advice_title)(&item.title)}</a></h2>
                                        <p class="meta">{c.phase(item.phase)}" · "{c.stage(item.stage)}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
