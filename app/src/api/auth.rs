use crate::domain::error::{AppError, FormOutcome};
use crate::views::*;
use leptos::server;

#[server(endpoint = "inloggen")]
pub async fn login(email: String, password: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{auth, context::state, flash::finish_plain_form, ratelimit};
    use crate::domain::error::{FieldError, FieldErrors};
    ratelimit::check(ratelimit::Bucket::Login).await?;
    // An address no account can have (too long, control characters: PostgreSQL refuses a NUL)
    // is not looked up; it gets the same answer as a wrong password.
    let user = match crate::domain::comment::check_email(email.trim()) {
        Ok(()) => state()?.store.user_by_email(&email).await?,
        Err(_) => None,
    };
    let outcome = if auth::verify_password(&password, user.as_ref().map(|u| u.password_hash.as_str())) {
        match user {
            // A deactivated account gets the same answer as a wrong password.
            Some(user) if user.active => {
                auth::sign_in(&user).await?;
                tracing::info!(user.id = user.id, "signed in");
                FormOutcome::Done(())
            }
            _ => FormOutcome::Invalid(FieldErrors::single("email", FieldError::InvalidCredentials)),
        }
    } else {
        FormOutcome::Invalid(FieldErrors::single("email", FieldError::InvalidCredentials))
    };
    // The password is never echoed back.
    finish_plain_form(&outcome, [("email".to_string(), crate::backend::flash::cap(&email, 254))].into(), |_| "/beheer".into(), "inloggen");
    Ok(outcome)
}

#[server(endpoint = "uitloggen")]
pub async fn logout() -> Result<(), AppError> {
    crate::backend::auth::sign_out().await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(endpoint = "wie")]
pub async fn who_am_i() -> Result<Option<SessionUser>, AppError> {
    let user = crate::backend::auth::current_user().await?;
    Ok(user.map(|u| SessionUser { role: u.role(), name: u.display_name }))
}
