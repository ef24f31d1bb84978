use super::{Store, StoreError, now};
use crate::domain::status::{AnswerState, ProcessingStatus};
use time::OffsetDateTime;

/// One saved version of an answer; revisions are only ever added.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRevision {
    pub comment_id: i64,
    pub revision_no: i64,
    pub body_markdown: String,
    pub status: String,
    pub processed_where: Option<String>,
    pub state: String,
    pub author: String,
    pub created_at: OffsetDateTime,
}

pub struct NewAnswer<'a> {
    pub comment_id: i64,
    pub body_markdown: &'a str,
    pub body_html: &'a str,
    pub status: ProcessingStatus,
    pub processed_where: Option<&'a str>,
    pub state: AnswerState,
    pub author_id: i64,
}

impl Store {
    /// Adds the next revision; two officers saving at once get consecutive numbers or a retry.
    #[tracing::instrument(skip(self, answer), fields(comment.id = answer.comment_id))]
    pub async fn add_answer_revision(&self, answer: &NewAnswer<'_>) -> Result<i64, StoreError> {
        let revision: i64 = sqlx::query_scalar(
            "INSERT INTO answer_revisions (comment_id, revision_no, body_markdown, body_html, status, processed_where, state, author_id, created_at) \
             SELECT $1, COALESCE(MAX(revision_no), 0) + 1, $2, $3, $4, $5, $6, $7, $8 FROM answer_revisions WHERE comment_id = $1 \
             RETURNING revision_no",
        )
        .bind(answer.comment_id)
        .bind(answer.body_markdown)
        .bind(answer.body_html)
        .bind(answer.status.code())
        .bind(answer.processed_where)
        .bind(answer.state.code())
        .bind(answer.author_id)
        .bind(now())
        .fetch_one(&self.pool)
        .await
        .map_err(StoreError::from_write)?;
        Ok(revision)
    }

    /// All revisions of the answers to a consultation's comments, newest first per comment.
    #[tracing::instrument(skip(self))]
    pub async fn answer_history(&self, consultation_id: i64) -> Result<Vec<AnswerRevision>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT r.comment_id, r.revision_no, r.body_markdown, r.status, r.processed_where, r.state, \
                    u.display_name AS author, r.created_at \
             FROM answer_revisions r \
             JOIN comments m ON m.id = r.comment_id \
             JOIN users u ON u.id = r.author_id \
             WHERE m.consultation_id = $1 \
             ORDER BY r.comment_id, r.revision_no DESC",
        )
        .bind(consultation_id)
        .fetch_all(&self.pool)
        .await?)
    }
}
