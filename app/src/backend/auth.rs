//! Passwords (argon2) and the signed-in user, kept in a server-side session.

use super::context::{internal, state};
use super::store::UserRow;
use crate::domain::error::AppError;
use crate::domain::role::{Action, may};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use tower_sessions::Session;

const USER_KEY: &str = "user_id";
/// The account's session epoch when the session began; see `store::UserRow::session_epoch`.
const EPOCH_KEY: &str = "epoch";

pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(internal)
}

/// Verifies in constant effort whether or not the account exists, so timing tells nothing.
pub fn verify_password(password: &str, hash: Option<&str>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Ck3aFyHgLo4gEPjWlV8SC6KfMkX/gTc+cxUJdYpyhU";
    let parsed = PasswordHash::new(hash.unwrap_or(DUMMY));
    match parsed {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && hash.is_some(),
        Err(_) => false,
    }
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(internal)
}

/// Starts a fresh session for the user (a new id, against session fixation), tied to the
/// account's current session epoch.
pub async fn sign_in(user: &UserRow) -> Result<(), AppError> {
    let session = session().await?;
    session.cycle_id().await.map_err(internal)?;
    session.insert(USER_KEY, user.id).await.map_err(internal)?;
    session.insert(EPOCH_KEY, user.session_epoch).await.map_err(internal)
}

pub async fn sign_out() -> Result<(), AppError> {
    session().await?.flush().await.map_err(internal)
}

pub async fn current_user() -> Result<Option<UserRow>, AppError> {
    user_of(&session().await?, &state()?.store).await
}

/// The user signed in with this session, for routes outside the Leptos context. A deactivated
/// account, or a session older than the account's last password change, is nobody.
pub async fn user_of(session: &Session, store: &super::store::Store) -> Result<Option<UserRow>, AppError> {
    let Some(id) = session.get::<i64>(USER_KEY).await.map_err(internal)? else {
        return Ok(None);
    };
    let epoch = session.get::<i64>(EPOCH_KEY).await.map_err(internal)?.unwrap_or(0);
    Ok(store.user_by_id(id).await?.filter(|user| user.active && user.session_epoch == epoch))
}

/// The signed-in user, if they may do `action`; otherwise the error that says why not.
/// The user signed in with this request's session, or `Unauthorized`.
pub async fn signed_in() -> Result<UserRow, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}

pub async fn require(action: Action) -> Result<UserRow, AppError> {
    let user = signed_in().await?;
    allow(&user, action)?;
    Ok(user)
}

/// Whether this user may do this; services check it again on the user they are given.
pub fn allow(user: &UserRow, action: Action) -> Result<(), AppError> {
    if may(user.role(), action) { Ok(()) } else { Err(AppError::Forbidden) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", Some(&hash)));
        assert!(!verify_password("wrong horse", Some(&hash)));
        assert!(!verify_password("correct horse", None));
    }
}
