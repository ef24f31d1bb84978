//! Staff accounts and their roles, managed by admins.

use crate::domain::error::{AppError, FormOutcome};
use crate::domain::role::{Role, RoleForm};
use leptos::server;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub municipality: Option<String>,
    /// The signed-in admin: their own role is not changed here.
    pub is_self: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChanged {
    pub role: Role,
}

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
            role: Role::parse(&u.role).unwrap_or(Role::Officer),
            name: u.display_name,
            email: u.email,
            municipality: u.municipality,
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
