use super::ConsultationItem;
use crate::domain::answer::AnswerForm;
use crate::domain::consultation::CommentPeriod;
use crate::domain::error::{AppError, FormOutcome};
use crate::domain::report::SenderLabel;
use crate::domain::status::{AnswerState, ProcessingStatus};
use leptos::server;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub revision_no: i64,
    pub body_markdown: String,
    pub status: Option<ProcessingStatus>,
    pub processed_where: Option<String>,
    pub state: AnswerState,
    pub author: String,
    pub saved_at: String,
}

/// A comment as an officer works on it. `private_*` are personal data, shown to staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerCommentView {
    pub id: i64,
    pub body: String,
    pub sender: SenderLabel,
    pub private_name: Option<String>,
    pub private_email: Option<String>,
    pub late: bool,
    pub received_on: time::Date,
    /// Newest first; the first is the current answer.
    pub revisions: Vec<RevisionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerBlockView {
    pub anchor: String,
    pub label: String,
    pub text: String,
    pub comments: Vec<OfficerCommentView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerSectionView {
    pub heading: String,
    pub blocks: Vec<OfficerBlockView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerConsultationView {
    pub slug: String,
    pub title: String,
    pub period: CommentPeriod,
    pub total: usize,
    pub unanswered: usize,
    pub general: Vec<OfficerCommentView>,
    pub sections: Vec<OfficerSectionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAnswer {
    pub revision: RevisionView,
}

#[server(endpoint = "beheer-consultaties")]
pub async fn officer_consultations() -> Result<Vec<ConsultationItem>, AppError> {
    crate::backend::auth::require(crate::domain::role::Action::ReadComments).await?;
    super::list_consultations().await
}

#[server(endpoint = "beheer-consultatie")]
pub async fn officer_consultation(slug: String) -> Result<OfficerConsultationView, AppError> {
    use crate::backend::{auth, context::state};
    use crate::domain::role::Action;
    auth::require(Action::ReadComments).await?;
    let store = state()?.store;
    let consultation = store.consultation_by_slug(&slug).await?.ok_or(AppError::NotFound)?;
    let document = store.document(consultation.version_id).await?;
    let comments = store.comments_for_officer(consultation.id).await?;
    let history = store.answer_history(consultation.id).await?;
    Ok(crate::backend::officer::assemble(consultation, document, comments, history))
}

#[server(endpoint = "antwoord")]
pub async fn save_answer(form: AnswerForm) -> Result<FormOutcome<SavedAnswer>, AppError> {
    use crate::backend::{auth, context::state, flash::finish_plain_form, markdown, store::NewAnswer};
    use crate::domain::answer::ValidAnswer;
    use crate::domain::role::Action;
    let user = auth::require(Action::AnswerComment).await?;
    let store = state()?.store;
    let outcome = match ValidAnswer::try_from(&form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(answer) => {
            store.comment_consultation(answer.comment_id).await?.ok_or(AppError::NotFound)?;
            let html = markdown::render_answer(&answer.body);
            let revision_no = store
                .add_answer_revision(&NewAnswer {
                    comment_id: answer.comment_id,
                    body_markdown: &answer.body,
                    body_html: &html,
                    status: answer.status,
                    processed_where: answer.processed_where.as_deref(),
                    state: answer.state,
                    author_id: user.id,
                })
                .await?;
            tracing::info!(comment.id = answer.comment_id, revision_no, "answer saved");
            FormOutcome::Done(SavedAnswer {
                revision: RevisionView {
                    revision_no,
                    body_markdown: answer.body,
                    status: Some(answer.status),
                    processed_where: answer.processed_where,
                    state: answer.state,
                    author: user.display_name,
                    saved_at: crate::backend::officer::format_time(crate::backend::store::now()),
                },
            })
        }
    };
    let anchor = format!("reactie-{}", form.comment.trim());
    let values = [("body", &form.body), ("status", &form.status), ("processed_where", &form.processed_where), ("state", &form.state)]
        .into_iter()
        .map(|(k, v)| (format!("{}-{k}", form.comment.trim()), v.clone()))
        .collect();
    let done_anchor = anchor.clone();
    finish_plain_form(
        &outcome,
        values,
        move |_| {
            format!("{}#{done_anchor}", crate::backend::context::referer_path().unwrap_or_default().split('?').next().unwrap_or_default())
        },
        &anchor,
    );
    Ok(outcome)
}
