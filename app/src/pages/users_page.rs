//! `/beheer/gebruikers`: staff accounts and their roles, for admins.

use super::echo_resource;
use crate::api::{ChangeRole, FormEcho, SetUserActive, StaffView, staff_list};
use crate::components::errors::ErrorView;
use crate::components::fields::{ErrorSummary, FieldMessages, SelectField, field_errors, form_feedback};
use crate::domain::error::FormOutcome;
use crate::domain::role::STAFF_ROLES;
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn UsersPage() -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let list = Resource::new(|| (), |_| staff_list());
    let echo = echo_resource();
    view! {
        <Title text=w.users_title/>
        <div class="wrap page officer">
            <h1>{w.users_title}</h1>
            <p>{w.users_intro}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await;
                    match list.await {
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(users) => view! {
                            <ul class="card-list">
                                {users.into_iter().map(|user| {
                                    // The list item stays outside the island, so the list holds only items.
                                    let id = format!("gebruiker-{}", user.id);
                                    view! { <li class="card" id=id><StaffCard user echo=echo.clone()/></li> }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// An island (staff only, loaded lazily): a role change and (de)activation show in place.
#[island(lazy)]
fn StaffCard(user: StaffView, echo: Option<FormEcho>) -> impl IntoView {
    crate::platform::island_hydrated();
    let t = use_messages();
    let w = t.work;
    let action = ServerAction::<ChangeRole>::new();
    let value = action.value();
    let key = format!("{}-role", user.id);
    let echo = echo.filter(|e| e.values.contains_key(&key));
    let chosen = echo.as_ref().map(|e| e.value(&key)).unwrap_or_else(|| user.role.code().to_string());
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    let current = RwSignal::new(user.role);
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(changed))) = value.get() {
            current.set(changed.role);
        }
    });
    let id = user.id;
    let options = STAFF_ROLES
        .into_iter()
        .map(|r| view! { <option value=r.code() selected=chosen == r.code()>{w.role_label(r)}</option> })
        .collect_view();
    let place = user.municipality.clone().map(|m| format!(" · {m}")).unwrap_or_default();
    view! {
        <h2 class="card-title">{user.name.clone()}</h2>
        <p class="meta">{user.email.clone()}{place}" · "<span>{move || w.role_label(current.get())}</span></p>
        {(!user.is_self).then(|| view! { <AccountActivity id name=user.name.clone() active=user.active/> })}
        {if user.is_self {
            view! { <p class="hint">{w.own_role_note}</p> }.into_any()
        } else {
            view! {
                <ActionForm action=action attr:class="role-form" attr:novalidate="">
                    <input type="hidden" name="form[user]" value=id.to_string()/>
                    <ErrorSummary errors other=failure/>
                    <SelectField id=format!("rol-{id}") name="form[role]" label=w.label_role errors=field_errors(errors, "role")>{options}</SelectField>
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action">{w.change_role}<span class="sr-only">" "{user.name.clone()}</span></button>
                    <span role="status" class="saved-note">{move || matches!(value.get(), Some(Ok(FormOutcome::Done(_)))).then_some(w.role_changed)}</span>
                </ActionForm>
            }.into_any()
        }}
    }
}

/// Deactivate a colleague's account (they are signed out and cannot sign in), or reactivate it.
#[component]
fn AccountActivity(id: i64, name: String, active: bool) -> impl IntoView {
    let w = use_messages().work;
    let action = ServerAction::<SetUserActive>::new();
    let value = action.value();
    let (errors, failure) = form_feedback(value, Default::default());
    let active = RwSignal::new(active);
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(changed))) = value.get() {
            active.set(changed.active);
        }
    });
    view! {
        <Show when=move || !active.get()>
            <p class="notice"><span class="badge">{w.deactivated}</span>" "{w.deactivated_note}</p>
        </Show>
        <ActionForm action=action attr:class="activity-form" attr:novalidate="">
            <input type="hidden" name="form[user]" value=id.to_string()/>
            <input type="hidden" name="form[active]" value=move || if active.get() { "nee" } else { "ja" }/>
            <ErrorSummary errors other=failure/>
            <FieldMessages id=format!("actief-{id}-error") errors=field_errors(errors, "active")/>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {move || if active.get() { w.deactivate } else { w.reactivate }}<span class="sr-only">" "{name.clone()}</span>
            </button>
        </ActionForm>
    }
}
