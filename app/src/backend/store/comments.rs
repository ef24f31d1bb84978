use super::{Store, StoreError, now};
use crate::domain::comment::{SenderKind, ValidComment};
use crate::domain::consultation::Lateness;
use crate::domain::report::{ReportAnswer, ReportInput};
use crate::domain::review::ReviewState;
use crate::domain::status::ProcessingStatus;
use crate::domain::tracking::TrackingCode;
use time::OffsetDateTime;

/// What a resident sees on the tracking page: their own comment, the paragraph and the final answer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TrackedComment {
    pub comment_id: i64,
    pub consultation_id: i64,
    pub block_id: Option<i64>,
    pub answer_id: Option<i64>,
    /// The version the reaction was written on, when a later one exists.
    pub earlier_version: Option<i64>,
    pub consultation_slug: String,
    pub consultation_title: String,
    pub block_anchor: Option<String>,
    pub block_label: Option<String>,
    /// JSON of the label's structure; NULL before migration 0011.
    pub block_label_parts: Option<String>,
    pub block_text: Option<String>,
    pub body: String,
    pub is_late: bool,
    pub submitted_at: OffsetDateTime,
    pub answer_html: Option<String>,
    pub answer_status: Option<String>,
    pub answer_where: Option<String>,
    pub answer_reason: Option<String>,
    /// Hidden from public view by an officer; the resident still sees their own text.
    pub hidden: bool,
}

/// A comment as officers see it, with the sender's private details and the latest answer revision.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OfficerComment {
    pub id: i64,
    pub block_id: Option<i64>,
    pub body: String,
    pub sender_kind: String,
    pub organisation: Option<String>,
    pub show_name: bool,
    pub is_late: bool,
    pub submitted_at: OffsetDateTime,
    pub sender_name: Option<String>,
    pub sender_email: Option<String>,
    pub answer_markdown: Option<String>,
    pub answer_status: Option<String>,
    pub answer_where: Option<String>,
    pub answer_state: Option<String>,
    pub answer_revision: Option<i64>,
    pub hidden: bool,
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    block_id: Option<i64>,
    sender_kind: String,
    organisation: Option<String>,
    public_name: Option<String>,
    body: String,
    is_late: bool,
    submitted_at: OffsetDateTime,
    answer_markdown: Option<String>,
    answer_html: Option<String>,
    answer_status: Option<String>,
    answer_where: Option<String>,
    answer_reason: Option<String>,
    answer_state: Option<String>,
    hidden: bool,
    answer_id: Option<i64>,
}

/// The latest revision per comment; `state_filter` narrows it to final answers for public views.
/// Joins each comment `m` to its latest answer revision `a` (only final ones if asked).
/// The review states residents may read, as an SQL list: `'goedgekeurd', 'vastgesteld'`.
pub(super) fn public_states() -> String {
    let public: Vec<String> = ReviewState::ALL.into_iter().filter(|s| s.is_public()).map(|s| format!("'{}'", s.code())).collect();
    public.join(", ")
}

pub(super) fn latest_answer_join(final_only: bool) -> String {
    let state = if final_only { format!("AND r.state IN ({})", public_states()) } else { String::new() };
    format!(
        "LEFT JOIN answer_revisions a ON a.id = (\
            SELECT r.id FROM answer_revisions r WHERE r.comment_id = m.id {state} \
            ORDER BY r.revision_no DESC LIMIT 1)"
    )
}

impl Store {
    /// Stores a comment and, apart from it, the sender's personal data, in one transaction.
    #[tracing::instrument(skip(self, comment, code))]
    pub async fn insert_comment(
        &self,
        consultation_id: i64,
        version_id: i64,
        block_id: Option<i64>,
        comment: &ValidComment,
        code: &TrackingCode,
        lateness: Lateness,
    ) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let now = now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO comments (consultation_id, version_id, block_id, body, sender_kind, organisation, show_name, tracking_code, is_late, submitted_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            )
            .bind(consultation_id)
            .bind(version_id)
            .bind(block_id)
            .bind(&comment.body)
            .bind(comment.sender_kind.code())
            .bind(&comment.organisation)
            .bind(comment.show_name)
            .bind(code.as_str())
            .bind(lateness == Lateness::Late)
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(StoreError::from_write)?;
            if comment.sender.name.is_some() || comment.sender.email.is_some() {
                sqlx::query("INSERT INTO comment_senders (comment_id, name, email, consent_at) VALUES ($1, $2, $3, $4)")
                    .bind(id)
                    .bind(&comment.sender.name)
                    .bind(&comment.sender.email)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("INSERT INTO comment_current (comment_id, consultation_id) VALUES ($1, $2)")
                .bind(id)
                .bind(consultation_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(id)
        })
    }

    /// The resident's own comment by tracking code, with the latest *final* answer only.
    #[tracing::instrument(skip(self, code))]
    pub async fn comment_by_code(&self, code: &TrackingCode) -> Result<Option<TrackedComment>, StoreError> {
        with_pool!(self, |pool| {
            let sql = format!(
                "SELECT m.id AS comment_id, c.slug AS consultation_slug, c.title AS consultation_title, \
                    b.anchor AS block_anchor, b.label AS block_label, b.label_parts AS block_label_parts, b.plain_text AS block_text, \
                    m.body, m.is_late, m.submitted_at, \
                    a.body_html AS answer_html, a.status AS answer_status, a.processed_where AS answer_where, \
                    a.change_reason AS answer_reason, k.hidden, m.consultation_id, m.block_id, a.id AS answer_id, \
                    CASE WHEN v.version_no < (SELECT MAX(w.version_no) FROM document_versions w WHERE w.consultation_id = m.consultation_id) \
                         THEN v.version_no END AS earlier_version \
             FROM comments m \
             JOIN document_versions v ON v.id = m.version_id \
             JOIN consultations c ON c.id = m.consultation_id \
             JOIN comment_current k ON k.comment_id = m.id \
             LEFT JOIN blocks b ON b.id = m.block_id \
             {} \
             WHERE m.tracking_code = $1",
                latest_answer_join(true)
            );
            Ok(sqlx::query_as(&sql).bind(code.as_str()).fetch_optional(pool).await?)
        })
    }

    /// Every comment of a consultation for the officers' overview, in order of arrival.
    #[tracing::instrument(skip(self))]
    pub async fn comments_for_officer(&self, consultation_id: i64) -> Result<Vec<OfficerComment>, StoreError> {
        with_pool!(self, |pool| {
            let sql = format!(
                "SELECT m.id, m.block_id, m.body, m.sender_kind, m.organisation, m.show_name, m.is_late, m.submitted_at, \
                    s.name AS sender_name, s.email AS sender_email, \
                    a.body_markdown AS answer_markdown, a.status AS answer_status, a.processed_where AS answer_where, \
                    a.state AS answer_state, a.revision_no AS answer_revision, k.hidden \
             FROM comments m \
             JOIN comment_current k ON k.comment_id = m.id \
             LEFT JOIN comment_senders s ON s.comment_id = m.id \
             {} \
             WHERE m.consultation_id = $1 ORDER BY m.id",
                latest_answer_join(false)
            );
            Ok(sqlx::query_as(&sql).bind(consultation_id).fetch_all(pool).await?)
        })
    }

    /// Comments with their latest final answer, for the public response document. Names are
    /// only read where the resident chose to show them.
    #[tracing::instrument(skip(self))]
    /// Every reaction of a consultation in order of arrival, with its latest answer: only
    /// approved and adopted answers when `published_only`, else the latest of any state (staff).
    pub async fn report_inputs(&self, consultation_id: i64, published_only: bool) -> Result<Vec<ReportInput>, StoreError> {
        with_pool!(self, |pool| {
            let sql = format!(
                "SELECT m.block_id, m.sender_kind, m.organisation, \
                    CASE WHEN m.show_name THEN s.name ELSE NULL END AS public_name, \
                    m.body, m.is_late, m.submitted_at, \
                    a.body_markdown AS answer_markdown, a.body_html AS answer_html, a.status AS answer_status, \
                    a.processed_where AS answer_where, a.change_reason AS answer_reason, a.state AS answer_state, k.hidden, \
                    a.id AS answer_id \
             FROM comments m \
             JOIN comment_current k ON k.comment_id = m.id \
             LEFT JOIN comment_senders s ON s.comment_id = m.id \
             {} \
             WHERE m.consultation_id = $1 ORDER BY m.id",
                latest_answer_join(published_only)
            );
            let rows: Vec<ReportRow> = sqlx::query_as(&sql).bind(consultation_id).fetch_all(pool).await?;
            let adopted_on = self.latest_adoption(consultation_id).await?;
            Ok(rows
                .into_iter()
                .map(|row| {
                    let state = row.answer_state.as_deref().and_then(ReviewState::parse);
                    let answer =
                        match (row.answer_status.as_deref().and_then(ProcessingStatus::parse), row.answer_markdown, row.answer_html, state)
                        {
                            (Some(status), Some(body_markdown), Some(body_html), Some(state)) => Some(ReportAnswer {
                                status,
                                body_markdown,
                                body_html,
                                processed_where: row.answer_where,
                                change_reason: row.answer_reason,
                                state,
                                adopted_on: adopted_on.filter(|_| state == ReviewState::Adopted),
                                processed_in: Vec::new(),
                                revision_id: row.answer_id,
                            }),
                            _ => None,
                        };
                    ReportInput {
                        block_id: row.block_id,
                        sender_kind: SenderKind::parse(&row.sender_kind).unwrap_or(SenderKind::Resident),
                        organisation: row.organisation,
                        public_name: row.public_name,
                        body: row.body,
                        received_on: row.submitted_at.date(),
                        late: row.is_late,
                        hidden: row.hidden,
                        answer,
                    }
                })
                .collect())
        })
    }

    /// The day the college last adopted the answers of a consultation.
    pub async fn latest_adoption(&self, consultation_id: i64) -> Result<Option<time::Date>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT MAX(adopted_on) FROM answer_adoptions WHERE consultation_id = $1")
                .bind(consultation_id)
                .fetch_one(pool)
                .await?)
        })
    }

    pub async fn comment_consultation(&self, comment_id: i64) -> Result<Option<i64>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT consultation_id FROM comments WHERE id = $1").bind(comment_id).fetch_optional(pool).await?)
        })
    }
}
