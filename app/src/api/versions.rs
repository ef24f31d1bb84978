//! Versions of the document: the officer's upload of a new version and "Na te kijken", and the
//! public "Wat is er veranderd".

use crate::domain::error::{AppError, FormOutcome};
use crate::views::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(endpoint = "beheer-versies")]
pub async fn versions_panel(slug: String) -> Result<VersionsPanelView, AppError> {
    use crate::backend::{context::state, versions};
    crate::backend::auth::require(crate::domain::role::Action::ReadComments).await?;
    let store = state()?.store;
    let consultation = store.consultation_by_slug(&slug).await?.ok_or(AppError::NotFound)?;
    let rows = store.versions(consultation.id).await?;
    let to_review = versions::review_items(&store, consultation.id, &rows).await?.len();
    let versions = rows.iter().map(versions::version_item).collect();
    Ok(VersionsPanelView { slug: consultation.slug, versions, to_review })
}

/// Reads in a new version of the document. A plain multipart form post, so that it works the
/// same with JavaScript on or off.
#[server(input = MultipartFormData, endpoint = "nieuwe-versie")]
pub async fn import_version(data: MultipartData) -> Result<FormOutcome<VersionImported>, AppError> {
    use crate::backend::context::state;
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::domain::versions::VersionForm;
    let user = crate::backend::auth::require(crate::domain::role::Action::ManageConsultation).await?;
    let (mut texts, file_name, bytes) = super::requests::read_multipart(data).await?;
    let mut take = |name: &str| texts.remove(name).unwrap_or_default();
    let slug = take("consultation");
    let form = VersionForm { name: take("name"), note: take("note") };
    let store = state()?.store;
    let outcome = crate::backend::versions::import_version(&store, &user, &slug, &form, &file_name, &bytes).await?;
    let values = echo_values([("version-name", &form.name), ("version-note", &form.note)]);
    let done = |done: &VersionImported| {
        let mut path = format!("/beheer/consultaties/{}?versie={}&na-te-kijken={}", done.slug, done.version_no, done.to_review);
        if !done.left_out.is_empty() {
            path.push_str("&weggelaten=");
            path.push_str(&crate::domain::document::LeftOut::to_query(&done.left_out));
        }
        path
    };
    finish_plain_form(&outcome, values, done, "nieuwe-versie");
    Ok(outcome)
}

#[server(endpoint = "beheer-na-te-kijken")]
pub async fn mapping_review(slug: String) -> Result<ReviewView, AppError> {
    use crate::backend::{context::state, versions};
    crate::backend::auth::require(crate::domain::role::Action::ReadComments).await?;
    versions::review_view(&state()?.store, &slug).await
}

#[server(endpoint = "koppeling")]
pub async fn review_mapping(form: MappingReviewForm) -> Result<FormOutcome<MappingReviewed>, AppError> {
    use crate::backend::context::state;
    use crate::backend::flash::{echo_values, finish_plain_form};
    let user = crate::backend::auth::require(crate::domain::role::Action::ManageConsultation).await?;
    let outcome = crate::backend::versions::decide(&state()?.store, &user, &form).await?;
    let key = format!("{}-target", form.block);
    let values = echo_values([(key.as_str(), &form.target)]);
    let anchor = format!("blok-{}", form.block);
    finish_plain_form(&outcome, values, |done| format!("/beheer/consultaties/{}/na-te-kijken", done.slug), &anchor);
    Ok(outcome)
}

/// "Wat is er veranderd" in version `version` (from 2) against the one before.
#[server(endpoint = "wijzigingen")]
pub async fn get_changes(slug: String, version: i64) -> Result<ChangesView, AppError> {
    use crate::backend::{context::state, services, versions};
    let store = state()?.store;
    let user = crate::backend::auth::current_user().await?;
    let consultation = services::readable_consultation(&store, &slug, user.as_ref()).await?;
    versions::changes(&store, &consultation, version).await
}
