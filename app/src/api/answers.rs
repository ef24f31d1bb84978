use super::ConsultationItem;
use crate::domain::error::AppError;
use leptos::server;

#[server(endpoint = "beheer-consultaties")]
pub async fn officer_consultations() -> Result<Vec<ConsultationItem>, AppError> {
    crate::backend::auth::require(crate::domain::role::Action::ReadComments).await?;
    super::list_consultations().await
}
