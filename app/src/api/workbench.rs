//! The officers' workbench: the filtered reactions list, review, joint answers, adoption,
//! hiding, the dashboard, grouping suggestions and the audit log.

use crate::domain::error::{AppError, FormOutcome};
use crate::domain::review::{AdoptionForm, JointAnswerForm, ModerationForm, ReviewForm};
use crate::views::*;
use leptos::server;

#[server(endpoint = "beheer-reacties")]
pub async fn reaction_list(slug: String, query: String) -> Result<ReactionListView, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::ReadComments).await?;
    workbench::reaction_list(&state()?.store, &user, &slug, &crate::domain::workbench::ReactionFilter::from_query(&query)).await
}

#[server(endpoint = "beheer-overzicht")]
pub async fn consultation_dashboard(slug: String) -> Result<DashboardView, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::ReadComments).await?;
    workbench::dashboard(&state()?.store, &user, &slug).await
}

#[server(endpoint = "antwoord")]
pub async fn save_answer(form: crate::domain::answer::AnswerForm) -> Result<FormOutcome<SavedAnswer>, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::AnswerComment).await?;
    let outcome = workbench::save_answer(&state()?.store, &user, &form).await?;
    super::requests::answer(&form, &outcome);
    Ok(outcome)
}

#[server(endpoint = "beoordeling")]
pub async fn review_answer(form: ReviewForm) -> Result<FormOutcome<SavedAnswer>, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::ReviewAnswers).await?;
    let outcome = workbench::review_answer(&state()?.store, &user, &form).await?;
    super::requests::card_field(&form.comment, "remark", &form.remark, &outcome);
    Ok(outcome)
}

#[server(endpoint = "gezamenlijk-antwoord")]
pub async fn save_joint_answer(form: JointAnswerForm) -> Result<FormOutcome<JointSaved>, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::AnswerComment).await?;
    let outcome = workbench::save_joint_answer(&state()?.store, &user, &form).await?;
    super::requests::joint_answer(&form, &outcome);
    Ok(outcome)
}

#[server(endpoint = "beheer-selectie")]
pub async fn joint_selection(slug: String, query: String) -> Result<JointView, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::ReadComments).await?;
    workbench::joint_selection(&state()?.store, &user, &slug, &query).await
}

#[server(endpoint = "zichtbaarheid")]
pub async fn set_visibility(form: ModerationForm) -> Result<FormOutcome<VisibilityChanged>, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::ModerateComments).await?;
    let outcome = workbench::set_visibility(&state()?.store, &user, &form).await?;
    super::requests::card_field(&form.comment, "hide-reason", &form.reason, &outcome);
    Ok(outcome)
}

#[server(endpoint = "vaststelling")]
pub async fn adopt_answers(form: AdoptionForm) -> Result<FormOutcome<Adopted>, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    let user = auth::require(Action::RecordAdoption).await?;
    let outcome = workbench::adopt(&state()?, &user, &form).await?;
    super::requests::adoption(&form, &outcome);
    Ok(outcome)
}

#[server(endpoint = "beheer-groepen")]
pub async fn grouping_suggestions(slug: String) -> Result<GroupsView, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    auth::require(Action::ReadComments).await?;
    workbench::groups(&state()?.store, &slug).await
}

#[server(endpoint = "beheer-logboek")]
pub async fn audit_log(slug: String, page: usize) -> Result<AuditView, AppError> {
    use crate::backend::{auth, context::state, workbench};
    use crate::domain::role::Action;
    auth::require(Action::ReadAuditLog).await?;
    workbench::audit(&state()?.store, &slug, page).await
}
