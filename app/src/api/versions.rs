//! Versions of the document: the officer's upload of a new version and "Na te kijken", and the
//! public "Wat is er veranderd".

use crate::domain::document::LeftOut;
use crate::domain::error::{AppError, FormOutcome};
use crate::domain::versions::{BlockChange, TextChange};
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};
use time::Date;

/// One version of a consultation's document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionItem {
    pub no: i64,
    /// None for a first version read in with the consultation.
    pub name: Option<String>,
    pub note: Option<String>,
    pub imported_on: Date,
}

/// The officer's card on the dashboard: the versions, and how many mappings wait for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionsPanelView {
    pub slug: String,
    pub versions: Vec<VersionItem>,
    pub to_review: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionImported {
    pub slug: String,
    pub version_no: i64,
    pub sections: usize,
    pub blocks: usize,
    pub to_review: usize,
    pub left_out: Vec<LeftOut>,
}

/// A block of the new version that an old block was mapped to, with the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedPlace {
    pub anchor: String,
    pub label: String,
    pub change: TextChange,
}

/// One entry of "Na te kijken": an old block with reactions or points whose place is unsure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub block_id: i64,
    pub label: String,
    pub text: String,
    pub reactions: i64,
    pub points: i64,
    pub change: BlockChange,
    /// In percent.
    pub confidence: u8,
    /// Empty: the engine found no place in the new version.
    pub proposed: Vec<ProposedPlace>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub slug: String,
    pub title: String,
    pub version: VersionItem,
    pub previous: Option<VersionItem>,
    pub items: Vec<ReviewItem>,
    pub choices: Vec<super::BlockChoice>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingReviewForm {
    pub consultation: String,
    /// The old block.
    pub block: i64,
    /// "bevestigen", "corrigeren" or "vervallen".
    pub decision: String,
    /// For a correction: the new block's label or anchor.
    #[serde(default)]
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingReviewed {
    pub slug: String,
}

/// A block of the new version that changed, with its diff and the input that led to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedBlock {
    /// Empty for a removed block.
    pub anchor: String,
    pub label: String,
    /// The labels of the previous version's block(s) it came from.
    pub was: Vec<String>,
    /// None: a new block.
    pub change: Option<BlockChange>,
    pub diff: TextChange,
    /// Reactions and advice points whose answer says they were processed here.
    pub reactions: i64,
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedSection {
    pub anchor: String,
    pub heading: String,
    pub level: u8,
    pub blocks: Vec<ChangedBlock>,
    /// Blocks of this section that did not change.
    pub unchanged: usize,
}

/// "Wat is er veranderd" between version `to.no - 1` and `to.no`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesView {
    pub slug: String,
    pub title: String,
    pub from: VersionItem,
    pub to: VersionItem,
    pub versions: Vec<VersionItem>,
    pub sections: Vec<ChangedSection>,
    pub removed: Vec<ChangedBlock>,
}

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
    let (mut texts, file_name, bytes) = super::read_multipart(data).await?;
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
            path.push_str(&LeftOut::to_query(&done.left_out));
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
