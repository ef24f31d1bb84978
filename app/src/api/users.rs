//! Staff accounts and their roles, managed by admins.

use crate::domain::error::{AppError, FormOutcome};
use crate::domain::role::RoleForm;
use crate::views::*;
use leptos::server;

#[server(endpoint = "beheer-gebruikers")]
pub async fn staff_list() -> Result<Vec<StaffView>, AppError> {
    use crate::backend::{auth, context::state};
    let admin = auth::require(crate::domain::role::Action::ManageUsers).await?;
    let rows = state()?.store.staff_users().await?;
    Ok(rows
        .into_iter()
        .map(|u| StaffView {
            is_self: u.id == admin.id,
            id: u.id,
            role: crate::domain::role::Role::parse(&u.role).unwrap_or(crate::domain::role::Role::Officer),
            name: u.display_name,
            email: u.email,
            municipality: u.municipality,
            active: u.active,
        })
        .collect())
}

#[server(endpoint = "rol")]
pub async fn change_role(form: RoleForm) -> Result<FormOutcome<RoleChanged>, AppError> {
    use crate::backend::{auth, context::state, flash::finish_plain_form};
    use crate::domain::error::FieldErrors;
    use crate::domain::role::{RoleChangeRefusal, check_role_change};
    let admin = auth::require(crate::domain::role::Action::ManageUsers).await?;
    let store = state()?.store;
    let outcome = match form.parse() {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok((user_id, role)) => {
            let target = store.user_by_id(user_id).await?.ok_or(AppError::NotFound)?;
            let admins = store.count_admins().await?.max(0) as usize;
            match check_role_change(admin.id, target.id, target.role(), role, admins) {
                Err(RoleChangeRefusal::NotStaff) => return Err(AppError::NotFound),
                Err(refusal) => FormOutcome::Invalid(FieldErrors::single("role", refusal.field_error())),
                Ok(()) => {
                    if !store.set_staff_role(target.id, role).await? {
                        FormOutcome::Invalid(FieldErrors::single("role", RoleChangeRefusal::LastAdmin.field_error()))
                    } else {
                        tracing::info!(user.id = target.id, role = role.code(), by = admin.id, "role changed");
                        FormOutcome::Done(RoleChanged { role })
                    }
                }
            }
        }
    };
    let anchor = format!("gebruiker-{}", form.user.trim());
    let done = anchor.clone();
    finish_plain_form(
        &outcome,
        [(format!("{}-role", form.user.trim()), form.role.clone())].into(),
        move |_| format!("/beheer/gebruikers#{done}"),
        &anchor,
    );
    Ok(outcome)
}

/// Deactivates a staff account (signed out at once, no more sign-ins) or reactivates it. Admins
/// only, never their own account and never the last active admin; logged as an account event.
#[server(endpoint = "gebruiker-actief")]
pub async fn set_user_active(form: ActiveForm) -> Result<FormOutcome<ActiveChanged>, AppError> {
    use crate::backend::{auth, context::state, flash::finish_plain_form};
    use crate::domain::error::{FieldError, FieldErrors};
    let admin = auth::require(crate::domain::role::Action::ManageUsers).await?;
    let store = state()?.store;
    let active = form.active.trim() == "ja";
    let outcome = match form.user.trim().parse::<i64>() {
        Err(_) => FormOutcome::Invalid(FieldErrors::single("active", FieldError::InvalidRole)),
        Ok(id) if id == admin.id => FormOutcome::Invalid(FieldErrors::single("active", FieldError::OwnRole)),
        Ok(id) => {
            let target = store.user_by_id(id).await?.filter(|u| u.role().is_staff()).ok_or(AppError::NotFound)?;
            if target.active == active || store.set_user_active(target.id, active, &admin).await? {
                tracing::info!(user.id = target.id, active, by = admin.id, "account activity changed");
                FormOutcome::Done(ActiveChanged { active })
            } else {
                FormOutcome::Invalid(FieldErrors::single("active", FieldError::LastAdmin))
            }
        }
    };
    let anchor = format!("gebruiker-{}", form.user.trim());
    let done = anchor.clone();
    finish_plain_form(&outcome, Default::default(), move |_| format!("/beheer/gebruikers#{done}"), &anchor);
    Ok(outcome)
}
