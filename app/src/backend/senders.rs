//! Each municipality's own name as the sender of its college's letters to its councils, and its
//! logo on them (optional): the list staff see (the municipalities they serve) and setting them.

use super::store::{Store, UserRow};
use crate::domain::council::{SenderForm, ValidSender, check_logo};
use crate::domain::error::{AppError, FieldErrors, FormOutcome};
use crate::domain::role::{Action, may, may_manage_council};
use crate::views::SenderView;

/// The municipalities with councils that this person manages, each with its sender (empty: the
/// default).
pub async fn list(store: &Store, user: &UserRow) -> Result<Vec<SenderView>, AppError> {
    let actor = user.actor();
    if !may(actor.role, Action::ManageCouncils) {
        return Err(AppError::Forbidden);
    }
    Ok(store
        .municipality_senders()
        .await?
        .into_iter()
        .filter(|row| may_manage_council(&actor, &row.municipality))
        .map(|row| SenderView { municipality: row.municipality, sender: row.sender, logo: row.logo })
        .collect())
}

/// Sets a municipality's sender; staff of that municipality only, and only a municipality that
/// has a council.
pub async fn save(store: &Store, user: &UserRow, form: &SenderForm) -> Result<FormOutcome<()>, AppError> {
    let valid = match ValidSender::try_from(form) {
        Ok(valid) => valid,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    if !may_manage_council(&user.actor(), &valid.municipality) {
        return Err(AppError::Forbidden);
    }
    let known = store.municipality_senders().await?.into_iter().any(|row| row.municipality == valid.municipality);
    if !known {
        return Err(AppError::NotFound);
    }
    store.set_municipality_sender(&valid.municipality, &valid.sender, user.id).await?;
    tracing::info!(municipality = %valid.municipality, "letter sender set");
    Ok(FormOutcome::Done(()))
}

/// Sets a municipality's logo from an upload, or takes it away (`upload` none); staff of that
/// municipality only. The image is checked by its content (PNG or JPEG, at most a megabyte).
pub async fn save_logo(store: &Store, user: &UserRow, municipality: &str, upload: Option<&[u8]>) -> Result<FormOutcome<()>, AppError> {
    if !may(user.actor().role, Action::ManageCouncils) || !may_manage_council(&user.actor(), municipality) {
        return Err(AppError::Forbidden);
    }
    let known = store.municipality_senders().await?.into_iter().any(|row| row.municipality == municipality);
    if !known {
        return Err(AppError::NotFound);
    }
    let logo = match upload.map(check_logo).transpose() {
        Ok(format) => format.zip(upload),
        Err(error) => return Ok(FormOutcome::Invalid(FieldErrors::single("file", error))),
    };
    store.set_municipality_logo(municipality, logo.map(|(format, bytes)| (format.media_type(), bytes)), user.id).await?;
    tracing::info!(municipality, removed = logo.is_none(), bytes = logo.map_or(0, |l| l.1.len()), "logo set");
    Ok(FormOutcome::Done(()))
}
