//! Each municipality's own name as the sender of its college's letters to its councils: the list
//! staff see (the municipalities they serve) and setting one.

use super::store::{Store, UserRow};
use crate::domain::council::{SenderForm, ValidSender};
use crate::domain::error::{AppError, FormOutcome};
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
        .map(|row| SenderView { municipality: row.municipality, sender: row.sender })
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
