use super::{Store, StoreError, now};
use crate::domain::status::{AnswerState, ProcessingStatus};
use time::{Date, OffsetDateTime};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdviceRow {
    pub id: i64,
    pub consultation_id: i64,
    pub council_id: i64,
    pub published_at: Option<OffsetDateTime>,
}

/// One revision of an advice: the draft (not submitted) or a frozen, submitted one.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdviceRevisionRow {
    pub id: i64,
    pub revision_no: i64,
    pub intro: String,
    pub oral: bool,
    /// Entered by staff from a letter the council sent (with the letter attached).
    pub written: bool,
    pub received_on: Option<Date>,
    pub submitted_at: Option<OffsetDateTime>,
    pub submitted_by: Option<String>,
}

/// A point with one of the blocks it is about (a point about the whole document has one row
/// without a block).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PointRow {
    pub id: i64,
    pub body: String,
    pub block_anchor: Option<String>,
    pub block_label: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PointAnswerRow {
    pub id: i64,
    pub point_id: i64,
    pub revision_no: i64,
    pub body_markdown: String,
    pub body_html: String,
    pub status: String,
    pub processed_where: Option<String>,
    pub state: String,
    pub joint_key: Option<String>,
    pub author: String,
    pub created_at: OffsetDateTime,
}

/// A council asked for advice on a consultation, with where its advice stands.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdviceListRow {
    pub council_slug: String,
    pub council_name: String,
    pub municipality: String,
    pub kind: String,
    pub published_at: Option<OffsetDateTime>,
    pub received_on: Option<Date>,
    pub oral: Option<bool>,
    pub written: Option<bool>,
    pub submitted_count: i64,
    pub has_draft: bool,
}

pub struct NewPointAnswer<'a> {
    pub points: &'a [(i64, ProcessingStatus)],
    pub body_markdown: &'a str,
    pub body_html: &'a str,
    pub processed_where: Option<&'a str>,
    pub state: AnswerState,
    pub joint_key: Option<&'a str>,
    pub author_id: i64,
    /// Blocks of a newer version where the points were processed.
    pub processed_blocks: &'a [i64],
}

const REVISION_COLUMNS: &str =
    "v.id, v.revision_no, v.intro, v.oral, v.written, v.received_on, v.submitted_at, u.display_name AS submitted_by";

/// The letter a council sent its advice in (a PDF), without its content.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdviceLetterRow {
    pub id: i64,
    pub file_name: String,
    pub size: i64,
    /// The council agreed to publish it with the college's response.
    pub publish: bool,
    pub uploaded_at: OffsetDateTime,
    pub uploaded_by: String,
}

impl Store {
    pub async fn advice_for(&self, consultation_id: i64, council_id: i64) -> Result<Option<AdviceRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, consultation_id, council_id, published_at FROM advices WHERE consultation_id = $1 AND council_id = $2",
            )
            .bind(consultation_id)
            .bind(council_id)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Revisions of an advice, newest first.
    pub async fn advice_revisions(&self, advice_id: i64) -> Result<Vec<AdviceRevisionRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!(
                "SELECT {REVISION_COLUMNS} FROM advice_revisions v LEFT JOIN users u ON u.id = v.submitted_by \
             WHERE v.advice_id = $1 ORDER BY v.revision_no DESC"
            ))
            .bind(advice_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The draft to write in: the current one, or a new revision that starts as a copy of the
    /// last submitted one (a correction), or the first. Returns the draft revision's id.
    #[tracing::instrument(skip(self))]
    pub async fn open_advice_draft(&self, consultation_id: i64, council_id: i64, oral: bool) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let now = now();
            sqlx::query(
                "INSERT INTO advices (consultation_id, council_id, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (consultation_id, council_id) DO NOTHING",
            )
            .bind(consultation_id)
            .bind(council_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let advice_id: i64 = sqlx::query_scalar("SELECT id FROM advices WHERE consultation_id = $1 AND council_id = $2")
                .bind(consultation_id)
                .bind(council_id)
                .fetch_one(&mut *tx)
                .await?;
            let latest: Option<(i64, i64, bool)> = sqlx::query_as(
                "SELECT id, revision_no, submitted_at IS NOT NULL FROM advice_revisions WHERE advice_id = $1 ORDER BY revision_no DESC LIMIT 1",
            )
            .bind(advice_id)
            .fetch_optional(&mut *tx)
            .await?;
            let draft_id = match latest {
                Some((id, _, false)) => id,
                Some((previous, number, true)) => {
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO advice_revisions (advice_id, revision_no, intro, oral, written, received_on, updated_at) \
                     SELECT advice_id, $1, intro, oral, written, received_on, $2 FROM advice_revisions WHERE id = $3 RETURNING id",
                    )
                    .bind(number + 1)
                    .bind(now)
                    .bind(previous)
                    .fetch_one(&mut *tx)
                    .await?;
                    let points: Vec<(i64, String)> =
                        sqlx::query_as("SELECT id, body FROM advice_points WHERE revision_id = $1 ORDER BY id")
                            .bind(previous)
                            .fetch_all(&mut *tx)
                            .await?;
                    for (old, body) in points {
                        let new: i64 = sqlx::query_scalar("INSERT INTO advice_points (revision_id, body) VALUES ($1, $2) RETURNING id")
                            .bind(id)
                            .bind(body)
                            .fetch_one(&mut *tx)
                            .await?;
                        sqlx::query("INSERT INTO advice_point_blocks (point_id, block_id) SELECT $1, block_id FROM advice_point_blocks WHERE point_id = $2")
                        .bind(new)
                        .bind(old)
                        .execute(&mut *tx)
                        .await?;
                    }
                    id
                }
                None => {
                    sqlx::query_scalar(
                        "INSERT INTO advice_revisions (advice_id, revision_no, oral, updated_at) VALUES ($1, 1, $2, $3) RETURNING id",
                    )
                    .bind(advice_id)
                    .bind(oral)
                    .bind(now)
                    .fetch_one(&mut *tx)
                    .await?
                }
            };
            tx.commit().await?;
            Ok(draft_id)
        })
    }

    /// Changes the draft's introduction; `false` if the revision was submitted meanwhile.
    pub async fn save_advice_intro(&self, revision_id: i64, intro: &str, received_on: Option<Date>) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let done = sqlx::query(
                "UPDATE advice_revisions SET intro = $1, received_on = COALESCE($2, received_on), updated_at = $3 \
             WHERE id = $4 AND submitted_at IS NULL",
            )
            .bind(intro)
            .bind(received_on)
            .bind(now())
            .bind(revision_id)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Adds a point to the draft, or replaces a draft point's text and blocks.
    #[tracing::instrument(skip(self, body))]
    pub async fn save_advice_point(
        &self,
        revision_id: i64,
        point_id: Option<i64>,
        body: &str,
        block_ids: &[i64],
    ) -> Result<Option<i64>, StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let draft: Option<i64> = sqlx::query_scalar("SELECT id FROM advice_revisions WHERE id = $1 AND submitted_at IS NULL")
                .bind(revision_id)
                .fetch_optional(&mut *tx)
                .await?;
            if draft.is_none() {
                return Ok(None);
            }
            let id = match point_id {
                Some(id) => {
                    let done = sqlx::query("UPDATE advice_points SET body = $1 WHERE id = $2 AND revision_id = $3")
                        .bind(body)
                        .bind(id)
                        .bind(revision_id)
                        .execute(&mut *tx)
                        .await?;
                    if done.rows_affected() != 1 {
                        return Ok(None);
                    }
                    sqlx::query("DELETE FROM advice_point_blocks WHERE point_id = $1").bind(id).execute(&mut *tx).await?;
                    id
                }
                None => {
                    sqlx::query_scalar("INSERT INTO advice_points (revision_id, body) VALUES ($1, $2) RETURNING id")
                        .bind(revision_id)
                        .bind(body)
                        .fetch_one(&mut *tx)
                        .await?
                }
            };
            for block_id in block_ids {
                sqlx::query("INSERT INTO advice_point_blocks (point_id, block_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(block_id)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("UPDATE advice_revisions SET updated_at = $1 WHERE id = $2")
                .bind(now())
                .bind(revision_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Some(id))
        })
    }

    /// Removes a point from the draft (a submitted revision is never touched).
    pub async fn remove_advice_point(&self, revision_id: i64, point_id: i64) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let draft: Option<i64> = sqlx::query_scalar(
                "SELECT p.id FROM advice_points p JOIN advice_revisions v ON v.id = p.revision_id \
             WHERE p.id = $1 AND v.id = $2 AND v.submitted_at IS NULL",
            )
            .bind(point_id)
            .bind(revision_id)
            .fetch_optional(&mut *tx)
            .await?;
            if draft.is_none() {
                return Ok(false);
            }
            sqlx::query("DELETE FROM advice_point_blocks WHERE point_id = $1").bind(point_id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM advice_points WHERE id = $1").bind(point_id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// The points of a revision in the order written, one row per block they refer to.
    pub async fn advice_points(&self, revision_id: i64) -> Result<Vec<PointRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT p.id, p.body, b.anchor AS block_anchor, b.label AS block_label \
             FROM advice_points p \
             LEFT JOIN advice_point_blocks pb ON pb.point_id = p.id \
             LEFT JOIN blocks b ON b.id = pb.block_id \
             WHERE p.revision_id = $1 ORDER BY p.id, b.position",
            )
            .bind(revision_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Freezes the draft. `false` when it was already submitted (a second submit).
    #[tracing::instrument(skip(self))]
    pub async fn submit_advice(&self, revision_id: i64, user_id: i64, today: Date) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let done = sqlx::query(
                "UPDATE advice_revisions SET submitted_at = $1, submitted_by = $2, received_on = COALESCE(received_on, $3), updated_at = $1 \
                 WHERE id = $4 AND submitted_at IS NULL",
            )
            .bind(now())
            .bind(user_id)
            .bind(today)
            .bind(revision_id)
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Adds a revision of the answer to each point, all in one transaction.
    #[tracing::instrument(skip(self, answer))]
    pub async fn add_point_answers(&self, answer: &NewPointAnswer<'_>) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let now = now();
            for (point_id, status) in answer.points {
                let revision_id: i64 = sqlx::query_scalar(
                "INSERT INTO point_answer_revisions \
                    (point_id, revision_no, body_markdown, body_html, status, processed_where, state, joint_key, author_id, created_at) \
                 SELECT $1, COALESCE(MAX(revision_no), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM point_answer_revisions WHERE point_id = $1 \
                 RETURNING id",
            )
            .bind(point_id)
            .bind(answer.body_markdown)
            .bind(answer.body_html)
            .bind(status.code())
            .bind(answer.processed_where)
            .bind(answer.state.code())
            .bind(answer.joint_key)
            .bind(answer.author_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(StoreError::from_write)?;
                for block in answer.processed_blocks {
                    sqlx::query("INSERT INTO point_answer_revision_blocks (revision_id, block_id) VALUES ($1, $2)")
                        .bind(revision_id)
                        .bind(block)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Every answer revision to the points of an advice revision, newest first per point.
    pub async fn point_answer_history(&self, revision_id: i64) -> Result<Vec<PointAnswerRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT r.id, r.point_id, r.revision_no, r.body_markdown, r.body_html, r.status, r.processed_where, r.state, r.joint_key, \
                    u.display_name AS author, r.created_at \
             FROM point_answer_revisions r \
             JOIN advice_points p ON p.id = r.point_id \
             JOIN users u ON u.id = r.author_id \
             WHERE p.revision_id = $1 ORDER BY r.point_id, r.revision_no DESC",
            )
            .bind(revision_id)
            .fetch_all(pool)
            .await?)
        })
    }

    pub async fn add_response_intro(&self, advice_id: i64, body_markdown: &str, body_html: &str, author_id: i64) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO response_intros (advice_id, revision_no, body_markdown, body_html, author_id, created_at) \
             SELECT $1, COALESCE(MAX(revision_no), 0) + 1, $2, $3, $4, $5 FROM response_intros WHERE advice_id = $1",
            )
            .bind(advice_id)
            .bind(body_markdown)
            .bind(body_html)
            .bind(author_id)
            .bind(now())
            .execute(pool)
            .await
            .map_err(StoreError::from_write)?;
            Ok(())
        })
    }

    /// The current opening paragraph of the response letter (Markdown, HTML).
    pub async fn response_intro(&self, advice_id: i64) -> Result<Option<(String, String)>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT body_markdown, body_html FROM response_intros WHERE advice_id = $1 ORDER BY revision_no DESC LIMIT 1",
            )
            .bind(advice_id)
            .fetch_optional(pool)
            .await?)
        })
    }

    pub async fn publish_advice(&self, advice_id: i64) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE advices SET published_at = COALESCE(published_at, $1) WHERE id = $2")
                .bind(now())
                .bind(advice_id)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Whether any council's response letter on this consultation is public.
    pub async fn has_published_letters(&self, consultation_id: i64) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM advices WHERE consultation_id = $1 AND published_at IS NOT NULL")
                .bind(consultation_id)
                .fetch_one(pool)
                .await?;
            Ok(n > 0)
        })
    }

    /// The councils asked for advice on a consultation, with where each advice stands.
    pub async fn advices_of(&self, consultation_id: i64) -> Result<Vec<AdviceListRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT r.slug AS council_slug, r.name AS council_name, r.municipality, r.kind, a.published_at, \
                    (SELECT v.received_on FROM advice_revisions v WHERE v.advice_id = a.id AND v.submitted_at IS NOT NULL \
                       ORDER BY v.revision_no DESC LIMIT 1) AS received_on, \
                    (SELECT v.oral FROM advice_revisions v WHERE v.advice_id = a.id ORDER BY v.revision_no DESC LIMIT 1) AS oral, \
                    (SELECT v.written FROM advice_revisions v WHERE v.advice_id = a.id ORDER BY v.revision_no DESC LIMIT 1) AS written, \
                    (SELECT COUNT(*) FROM advice_revisions v WHERE v.advice_id = a.id AND v.submitted_at IS NOT NULL) AS submitted_count, \
                    EXISTS (SELECT 1 FROM advice_revisions v WHERE v.advice_id = a.id AND v.submitted_at IS NULL) AS has_draft \
             FROM consultation_councils cc \
             JOIN councils r ON r.id = cc.council_id \
             LEFT JOIN advices a ON a.consultation_id = cc.consultation_id AND a.council_id = r.id \
             WHERE cc.consultation_id = $1 ORDER BY r.municipality, r.name",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Attaches the council's letter to its advice and marks the draft as a written advice.
    #[tracing::instrument(skip(self, content))]
    pub async fn add_advice_letter(
        &self,
        revision_id: i64,
        file_name: &str,
        content: &[u8],
        publish: bool,
        uploaded_by: i64,
    ) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let marked = sqlx::query("UPDATE advice_revisions SET written = TRUE, updated_at = $1 WHERE id = $2 AND submitted_at IS NULL")
                .bind(now())
                .bind(revision_id)
                .execute(&mut *tx)
                .await?;
            if marked.rows_affected() != 1 {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO advice_letters (advice_id, file_name, content, size, publish, uploaded_by, uploaded_at) \
             SELECT advice_id, $1, $2, $3, $4, $5, $6 FROM advice_revisions WHERE id = $7",
            )
            .bind(file_name)
            .bind(content)
            .bind(content.len() as i64)
            .bind(publish)
            .bind(uploaded_by)
            .bind(now())
            .bind(revision_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// The latest letter of an advice, without its content.
    pub async fn advice_letter(&self, advice_id: i64) -> Result<Option<AdviceLetterRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT l.id, l.file_name, l.size, l.publish, l.uploaded_at, u.display_name AS uploaded_by \
             FROM advice_letters l JOIN users u ON u.id = l.uploaded_by \
             WHERE l.advice_id = $1 ORDER BY l.id DESC LIMIT 1",
            )
            .bind(advice_id)
            .fetch_optional(pool)
            .await?)
        })
    }

    pub async fn advice_letter_content(&self, letter_id: i64) -> Result<Vec<u8>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT content FROM advice_letters WHERE id = $1").bind(letter_id).fetch_one(pool).await?)
        })
    }

    /// Records whether the council agreed to publish its letter.
    pub async fn set_advice_letter_publish(&self, letter_id: i64, publish: bool) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE advice_letters SET publish = $1 WHERE id = $2").bind(publish).bind(letter_id).execute(pool).await?;
            Ok(())
        })
    }
}
