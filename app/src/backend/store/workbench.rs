//! The officers' workbench: filtered reaction lists and their counts, answer revisions through
//! review, joint answers, the college's adoption, hiding reactions, and the audit log. Every
//! change to an answer, a state or a reaction's visibility writes its audit events in the same
//! transaction, and keeps `comment_current` (the filters' index) in step.

use super::comments::OfficerComment;
use super::{Store, StoreError, UserRow, now};
use crate::domain::comment::SenderKind;
use crate::domain::label::BlockLabel;
use crate::domain::review::{AdoptionCheck, ReviewState, check_adoption};
use crate::domain::status::ProcessingStatus;
use crate::domain::versions::Versioned;
use crate::domain::workbench::IndexRow;
use sqlx::QueryBuilder;
use time::{Date, OffsetDateTime};

/// A reaction as the list's filters see it (see `domain::workbench::IndexRow`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IndexRowRaw {
    pub id: i64,
    pub block_id: Option<i64>,
    pub section_id: Option<i64>,
    pub position: Option<i64>,
    pub status: Option<String>,
    pub state: Option<String>,
    pub sender_kind: String,
    pub is_late: bool,
    pub hidden: bool,
    pub text_match: bool,
}

impl IndexRowRaw {
    pub fn into_domain(self) -> IndexRow {
        IndexRow {
            id: self.id,
            block: self.block_id,
            section: self.section_id,
            position: self.position,
            status: self.status.as_deref().and_then(ProcessingStatus::parse),
            state: self.state.as_deref().and_then(ReviewState::parse),
            sender: SenderKind::parse(&self.sender_kind).unwrap_or(SenderKind::Resident),
            late: self.is_late,
            hidden: self.hidden,
            text_match: self.text_match,
        }
    }
}

/// A block as lists and labels need it: no text.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutlineBlockRow {
    pub id: i64,
    pub section_id: Option<i64>,
    pub anchor: String,
    pub label: String,
    /// JSON of the label's structure; NULL for blocks imported before migration 0011.
    pub label_parts: Option<String>,
    /// The earlier version it belongs to; None for the latest.
    pub earlier: Option<i64>,
}

impl OutlineBlockRow {
    /// The label's structure, with the earlier version it belongs to, for the reader's words.
    pub fn place(&self) -> Versioned<BlockLabel> {
        Versioned { value: BlockLabel::stored(self.label_parts.as_deref(), &self.label), earlier: self.earlier }
    }
}

/// A section of any version, with the earlier version it belongs to (None for the latest).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutlineSectionRow {
    #[sqlx(flatten)]
    pub section: super::SectionRow,
    pub earlier: Option<i64>,
}

impl OutlineSectionRow {
    /// The heading as written, with the earlier version it belongs to.
    pub fn heading(&self) -> Versioned<String> {
        Versioned { value: self.section.heading(), earlier: self.earlier }
    }
}

/// The document's sections and block labels, for filters, headings and places.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub sections: Vec<OutlineSectionRow>,
    pub blocks: Vec<OutlineBlockRow>,
}

/// The current revision of an answer, as review steps need it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CurrentAnswer {
    pub id: i64,
    pub revision_no: i64,
    pub body_markdown: String,
    pub body_html: String,
    pub status: String,
    pub processed_where: Option<String>,
    pub state: String,
    pub author_id: i64,
    pub change_reason: Option<String>,
    pub joint_id: Option<i64>,
}

/// A reaction with where it stands, before a step is decided.
#[derive(Debug, Clone)]
pub struct ReactionState {
    pub comment_id: i64,
    pub consultation_id: i64,
    pub answer: Option<CurrentAnswer>,
}

#[derive(sqlx::FromRow)]
struct StateRow {
    comment_id: i64,
    consultation_id: i64,
    revision_no: Option<i64>,
    body_markdown: Option<String>,
    body_html: Option<String>,
    status: Option<String>,
    processed_where: Option<String>,
    state: Option<String>,
    author_id: Option<i64>,
    change_reason: Option<String>,
    joint_id: Option<i64>,
    revision_id: Option<i64>,
}

impl StateRow {
    fn into_state(self) -> ReactionState {
        let answer = match (self.revision_no, self.body_markdown, self.body_html, self.status, self.state, self.author_id) {
            (Some(revision_no), Some(body_markdown), Some(body_html), Some(status), Some(state), Some(author_id)) => Some(CurrentAnswer {
                id: self.revision_id.unwrap_or_default(),
                revision_no,
                body_markdown,
                body_html,
                status,
                processed_where: self.processed_where,
                state,
                author_id,
                change_reason: self.change_reason,
                joint_id: self.joint_id,
            }),
            _ => None,
        };
        ReactionState { comment_id: self.comment_id, consultation_id: self.consultation_id, answer }
    }
}

/// One revision to write. `expected` is the revision number the user saw (none: no answer yet);
/// if another revision came in meanwhile, the write is refused as stale.
#[derive(Debug, Clone)]
pub struct RevisionWrite {
    pub comment_id: i64,
    pub expected: Option<i64>,
    pub body_markdown: String,
    pub body_html: String,
    pub status: ProcessingStatus,
    pub processed_where: Option<String>,
    pub state: ReviewState,
    pub remark: Option<String>,
    pub change_reason: Option<String>,
    /// Blocks of a newer version where the reaction was processed; `None` keeps those of the
    /// revision before.
    pub processed_blocks: Option<Vec<i64>>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub comment_id: Option<i64>,
    pub actor_name: String,
    pub at: OffsetDateTime,
    pub field: String,
    pub before_value: Option<String>,
    pub after_value: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdoptionRow {
    pub adopted_on: Date,
    pub answers: i64,
    pub recorded_by: String,
}

const LIST_COLUMNS: &str = "m.id, m.block_id, m.body, m.sender_kind, m.organisation, m.show_name, m.is_late, m.submitted_at, \
     s.name AS sender_name, s.email AS sender_email, \
     a.body_markdown AS answer_markdown, a.status AS answer_status, a.processed_where AS answer_where, \
     a.state AS answer_state, a.revision_no AS answer_revision, k.hidden";

const FROM: &str = " FROM comments m JOIN comment_current k ON k.comment_id = m.id LEFT JOIN blocks b ON b.id = m.block_id ";

impl Store {
    /// Every reaction of a consultation as the list's filters see it: one light scan, no text.
    /// `like` is the free-text search as a `LIKE` pattern (escape character `\`).
    #[tracing::instrument(skip(self, like))]
    pub async fn reaction_index(&self, consultation_id: i64, like: Option<&str>) -> Result<Vec<IndexRowRaw>, StoreError> {
        with_pool!(self, |pool| {
            let mut q = QueryBuilder::<Db>::new(
                "SELECT m.id, m.block_id, b.section_id, b.position, k.status, k.state, m.sender_kind, m.is_late, k.hidden, ",
            );
            match like {
                Some(pattern) => {
                    // LOWER on both sides: SQLite's LIKE ignores case, PostgreSQL's does not.
                    q.push("(LOWER(m.body) LIKE LOWER(").push_bind(pattern.to_string());
                    q.push(") ESCAPE '\\' OR LOWER(COALESCE(m.organisation, '')) LIKE LOWER(");
                    q.push_bind(pattern.to_string()).push(") ESCAPE '\\') AS text_match");
                }
                None => {
                    q.push("TRUE AS text_match");
                }
            }
            q.push(FROM).push(" WHERE m.consultation_id = ").push_bind(consultation_id);
            Ok(q.build_query_as().fetch_all(pool).await?)
        })
    }

    /// Sections and block labels of every version of the consultation's document, without the
    /// text: the latest version first, as it is; an earlier version's anchors get its number in
    /// front ("v1-h2-a-1") and its rows the number as `earlier`, so that the reactions written on
    /// it keep a place.
    pub async fn outline(&self, consultation_id: i64) -> Result<Outline, StoreError> {
        with_pool!(self, |pool| {
            let latest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(version_no), 1) FROM document_versions WHERE consultation_id = $1")
                .bind(consultation_id)
                .fetch_one(pool)
                .await?;
            let anchor = format!("CASE WHEN v.version_no = {latest} THEN anchor ELSE 'v' || v.version_no || '-' || anchor END AS anchor");
            let earlier = format!("CASE WHEN v.version_no = {latest} THEN NULL ELSE v.version_no END AS earlier");
            let sections = sqlx::query_as(&format!(
                "SELECT s.id, s.parent_id, s.level, s.number, s.title, s.label, {anchor}, {earlier} FROM document_versions v \
                 JOIN sections s ON s.version_id = v.id WHERE v.consultation_id = $1 ORDER BY v.version_no = {latest} DESC, v.version_no, s.position"
            ))
            .bind(consultation_id)
            .fetch_all(pool)
            .await?;
            let blocks = sqlx::query_as(&format!(
                "SELECT b.id, b.section_id, {anchor}, b.label, b.label_parts, {earlier} FROM document_versions v \
                 JOIN blocks b ON b.version_id = v.id WHERE v.consultation_id = $1 ORDER BY v.version_no = {latest} DESC, v.version_no, b.position"
            ))
            .bind(consultation_id)
            .fetch_all(pool)
            .await?;
            Ok(Outline { sections, blocks })
        })
    }

    /// Where these reactions stand, in the order asked; unknown ids are left out. One query,
    /// however many reactions a joint answer names.
    #[tracing::instrument(skip(self, ids), fields(count = ids.len()))]
    pub async fn reaction_states(&self, ids: &[i64]) -> Result<Vec<ReactionState>, StoreError> {
        with_pool!(self, |pool| {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut q = QueryBuilder::<Db>::new(
                "SELECT k.comment_id, k.consultation_id, a.revision_no, a.body_markdown, a.body_html, a.status, \
                    a.processed_where, a.state, a.author_id, a.change_reason, a.joint_id, a.id AS revision_id \
             FROM comment_current k LEFT JOIN answer_revisions a ON a.id = k.revision_id WHERE k.comment_id IN (",
            );
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(")");
            let rows: Vec<StateRow> = q.build_query_as().fetch_all(pool).await?;
            let mut states: Vec<ReactionState> = rows.into_iter().map(StateRow::into_state).collect();
            states.sort_by_key(|r| ids.iter().position(|id| *id == r.comment_id));
            Ok(states)
        })
    }

    /// Writes revisions in one transaction (a joint answer links them), with their audit events.
    /// Refused whole as `Stale` if any answer changed since the user saw it.
    #[tracing::instrument(skip(self, writes, actor), fields(count = writes.len()))]
    pub async fn write_revisions(
        &self,
        consultation_id: i64,
        writes: &[RevisionWrite],
        joint: bool,
        actor: &UserRow,
    ) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            define_current_answer!();
            define_audit!();
            let mut tx = pool.write().await?;
            let at = now();
            let joint_id: Option<i64> = if joint {
                Some(
                    sqlx::query_scalar(
                        "INSERT INTO joint_answers (consultation_id, created_by, created_at) VALUES ($1, $2, $3) RETURNING id",
                    )
                    .bind(consultation_id)
                    .bind(actor.id)
                    .bind(at)
                    .fetch_one(&mut *tx)
                    .await?,
                )
            } else {
                None
            };
            for write in writes {
                let before = current_answer(&mut tx, write.comment_id).await?;
                if before.as_ref().map(|b| b.revision_no) != write.expected {
                    return Err(StoreError::Stale);
                }
                let revision_no = before.as_ref().map_or(1, |b| b.revision_no + 1);
                let revision_id: i64 = sqlx::query_scalar(
                    "INSERT INTO answer_revisions (comment_id, revision_no, body_markdown, body_html, status, processed_where, state, \
                     author_id, created_at, remark, change_reason, joint_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                )
                .bind(write.comment_id)
                .bind(revision_no)
                .bind(&write.body_markdown)
                .bind(&write.body_html)
                .bind(write.status.code())
                .bind(&write.processed_where)
                .bind(write.state.code())
                .bind(actor.id)
                .bind(at)
                .bind(&write.remark)
                .bind(&write.change_reason)
                .bind(joint_id.or(before.as_ref().and_then(|b| b.joint_id).filter(|_| !write_changes_text(before.as_ref(), write))))
                .fetch_one(&mut *tx)
                .await
                .map_err(StoreError::from_write)?;
                match (&write.processed_blocks, &before) {
                    (Some(blocks), _) => {
                        for block in blocks {
                            sqlx::query("INSERT INTO answer_revision_blocks (revision_id, block_id) VALUES ($1, $2)")
                                .bind(revision_id)
                                .bind(block)
                                .execute(&mut *tx)
                                .await?;
                        }
                    }
                    (None, Some(before)) => {
                        sqlx::query("INSERT INTO answer_revision_blocks (revision_id, block_id) SELECT $1, block_id FROM answer_revision_blocks WHERE revision_id = $2")
                        .bind(revision_id)
                        .bind(before.id)
                        .execute(&mut *tx)
                        .await?;
                    }
                    (None, None) => {}
                }
                sqlx::query("UPDATE comment_current SET revision_id = $1, status = $2, state = $3 WHERE comment_id = $4")
                    .bind(revision_id)
                    .bind(write.status.code())
                    .bind(write.state.code())
                    .bind(write.comment_id)
                    .execute(&mut *tx)
                    .await?;
                let b = before.as_ref();
                let changes: [(&str, Option<&str>, Option<&str>); 6] = [
                    ("antwoord", b.map(|b| b.body_markdown.as_str()), Some(write.body_markdown.as_str())),
                    ("status", b.map(|b| b.status.as_str()), Some(write.status.code())),
                    ("verwerkt_in", b.and_then(|b| b.processed_where.as_deref()), write.processed_where.as_deref()),
                    ("staat", b.map(|b| b.state.as_str()), Some(write.state.code())),
                    ("opmerking", None, write.remark.as_deref()),
                    ("reden", None, write.change_reason.as_deref().filter(|r| b.and_then(|b| b.change_reason.as_deref()) != Some(*r))),
                ];
                for (field, old, new) in changes {
                    if old != new {
                        audit(&mut tx, consultation_id, Some(write.comment_id), actor, at, field, old, new).await?;
                    }
                }
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Marks every approved answer adopted by the college on `adopted_on`, if the set is ready.
    #[tracing::instrument(skip(self, actor))]
    pub async fn adopt_answers(&self, consultation_id: i64, adopted_on: Date, actor: &UserRow) -> Result<AdoptionCheck, StoreError> {
        with_pool!(self, |pool| {
            define_audit!();
            let mut tx = pool.write().await?;
            let states: Vec<Option<String>> = sqlx::query_scalar("SELECT state FROM comment_current WHERE consultation_id = $1")
                .bind(consultation_id)
                .fetch_all(&mut *tx)
                .await?;
            let check = check_adoption(states.iter().map(|s| s.as_deref().and_then(ReviewState::parse)));
            let AdoptionCheck::Ready { answers } = check else { return Ok(check) };
            let at = now();
            let (approved, adopted) = (ReviewState::Approved.code(), ReviewState::Adopted.code());
            sqlx::query(
                "INSERT INTO audit_events (consultation_id, comment_id, actor_id, actor_name, at, field, before_value, after_value) \
                 SELECT $1, k.comment_id, $2, $3, $4, 'staat', k.state, $5 FROM comment_current k WHERE k.consultation_id = $1 AND k.state = $6",
            )
            .bind(consultation_id)
            .bind(actor.id)
            .bind(&actor.display_name)
            .bind(at)
            .bind(adopted)
            .bind(approved)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO answer_revisions (comment_id, revision_no, body_markdown, body_html, status, processed_where, state, author_id, \
                     created_at, change_reason, joint_id) \
                 SELECT a.comment_id, a.revision_no + 1, a.body_markdown, a.body_html, a.status, a.processed_where, $1, $2, $3, \
                     a.change_reason, a.joint_id \
                 FROM comment_current k JOIN answer_revisions a ON a.id = k.revision_id WHERE k.consultation_id = $4 AND k.state = $5",
            )
            .bind(adopted)
            .bind(actor.id)
            .bind(at)
            .bind(consultation_id)
            .bind(approved)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE comment_current SET state = $1, revision_id = (SELECT r.id FROM answer_revisions r \
                 WHERE r.comment_id = comment_current.comment_id ORDER BY r.revision_no DESC LIMIT 1) \
             WHERE consultation_id = $2 AND state = $3",
            )
            .bind(adopted)
            .bind(consultation_id)
            .bind(approved)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO answer_adoptions (consultation_id, adopted_on, answers, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(consultation_id)
            .bind(adopted_on)
            .bind(answers as i64)
            .bind(actor.id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            audit(&mut tx, consultation_id, None, actor, at, "vaststelling", None, Some(&adopted_on.to_string())).await?;
            tx.commit().await?;
            Ok(check)
        })
    }

    /// The college's adoptions of this consultation's answers, latest first.
    pub async fn adoptions(&self, consultation_id: i64) -> Result<Vec<AdoptionRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT d.adopted_on, d.answers, u.display_name AS recorded_by FROM answer_adoptions d JOIN users u ON u.id = d.recorded_by \
                 WHERE d.consultation_id = $1 ORDER BY d.id DESC",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Hides a reaction from public view or shows it again; the reaction itself stays.
    #[tracing::instrument(skip(self, reason, actor))]
    pub async fn set_hidden(
        &self,
        consultation_id: i64,
        comment_id: i64,
        hidden: bool,
        reason: &str,
        actor: &UserRow,
    ) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            define_audit!();
            let mut tx = pool.write().await?;
            let at = now();
            let was: bool =
                sqlx::query_scalar("SELECT hidden FROM comment_current WHERE comment_id = $1").bind(comment_id).fetch_one(&mut *tx).await?;
            sqlx::query("INSERT INTO comment_moderation (comment_id, hidden, reason, actor_id, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(comment_id)
                .bind(hidden)
                .bind(reason)
                .bind(actor.id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE comment_current SET hidden = $1 WHERE comment_id = $2")
                .bind(hidden)
                .bind(comment_id)
                .execute(&mut *tx)
                .await?;
            let word = |h: bool| if h { "verborgen" } else { "zichtbaar" };
            let after = format!("{}: {reason}", word(hidden));
            audit(&mut tx, consultation_id, Some(comment_id), actor, at, "zichtbaarheid", Some(word(was)), Some(&after)).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// The latest reason a reaction was hidden, per hidden reaction among `ids`.
    pub async fn hidden_reasons(&self, ids: &[i64]) -> Result<Vec<(i64, String)>, StoreError> {
        with_pool!(self, |pool| {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut q = QueryBuilder::<Db>::new(
                "SELECT d.comment_id, d.reason FROM comment_moderation d JOIN comment_current k ON k.comment_id = d.comment_id \
             WHERE k.hidden = ",
            );
            q.push_bind(true).push(" AND d.comment_id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(") ORDER BY d.id");
            // Ordered by id: the last reason per reaction wins.
            let rows: Vec<(i64, String)> = q.build_query_as().fetch_all(pool).await?;
            let mut latest: std::collections::BTreeMap<i64, String> = std::collections::BTreeMap::new();
            latest.extend(rows);
            Ok(latest.into_iter().collect())
        })
    }

    /// The audit log of a consultation, newest first.
    #[tracing::instrument(skip(self))]
    pub async fn audit_log(&self, consultation_id: i64, limit: i64, offset: i64) -> Result<(Vec<AuditRow>, i64), StoreError> {
        with_pool!(self, |pool| {
            let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE consultation_id = $1")
                .bind(consultation_id)
                .fetch_one(pool)
                .await?;
            let rows = sqlx::query_as(
                "SELECT comment_id, actor_name, at, field, before_value, after_value FROM audit_events \
             WHERE consultation_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
            )
            .bind(consultation_id)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await?;
            Ok((rows, total))
        })
    }

    /// These reactions of a consultation, in the order asked; others are left out.
    pub async fn reactions_by_id(&self, consultation_id: i64, ids: &[i64]) -> Result<Vec<OfficerComment>, StoreError> {
        with_pool!(self, |pool| {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut q = QueryBuilder::<Db>::new(format!(
                "SELECT {LIST_COLUMNS}{FROM} LEFT JOIN comment_senders s ON s.comment_id = m.id \
             LEFT JOIN answer_revisions a ON a.id = k.revision_id WHERE m.consultation_id = "
            ));
            q.push_bind(consultation_id).push(" AND m.id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(")");
            let mut rows: Vec<OfficerComment> = q.build_query_as().fetch_all(pool).await?;
            rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
            Ok(rows)
        })
    }

    /// Each reaction's current review state (none: not answered).
    pub async fn reaction_current_states(&self, consultation_id: i64) -> Result<Vec<(i64, Option<String>)>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as("SELECT comment_id, state FROM comment_current WHERE consultation_id = $1")
                .bind(consultation_id)
                .fetch_all(pool)
                .await?)
        })
    }

    /// Every reaction's block, text and id, for grouping suggestions (hidden ones too).
    pub async fn reaction_texts(&self, consultation_id: i64) -> Result<Vec<(i64, Option<i64>, String)>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as("SELECT id, block_id, body FROM comments WHERE consultation_id = $1 ORDER BY id")
                .bind(consultation_id)
                .fetch_all(pool)
                .await?)
        })
    }

    /// Counts for the dashboard: per (status, state) pair, per section, and hidden and late ones.
    pub async fn dashboard_counts(&self, consultation_id: i64) -> Result<DashboardRows, StoreError> {
        with_pool!(self, |pool| {
            let by_answer =
                sqlx::query_as("SELECT status, state, COUNT(*) FROM comment_current WHERE consultation_id = $1 GROUP BY status, state")
                    .bind(consultation_id)
                    .fetch_all(pool)
                    .await?;
            let by_section = sqlx::query_as(
                "SELECT b.section_id, COUNT(*) FROM comments m LEFT JOIN blocks b ON b.id = m.block_id WHERE m.consultation_id = $1 GROUP BY b.section_id",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?;
            let (hidden, late): (i64, i64) = sqlx::query_as(
                "SELECT COUNT(*) FILTER (WHERE k.hidden), COUNT(*) FILTER (WHERE m.is_late) FROM comments m JOIN comment_current k ON k.comment_id = m.id \
                 WHERE m.consultation_id = $1",
            )
            .bind(consultation_id)
            .fetch_one(pool)
            .await?;
            Ok(DashboardRows { by_answer, by_section, hidden, late })
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct DashboardRows {
    pub by_answer: Vec<(Option<String>, Option<String>, i64)>,
    pub by_section: Vec<(Option<i64>, i64)>,
    pub hidden: i64,
    pub late: i64,
}

/// A joint answer stays linked while only its state moves; new text ends the link.
fn write_changes_text(before: Option<&CurrentAnswer>, write: &RevisionWrite) -> bool {
    before.is_none_or(|b| b.body_markdown != write.body_markdown)
}

macro_rules! define_current_answer {
    () => {
        async fn current_answer(
            conn: &mut <Db as sqlx::Database>::Connection,
            comment_id: i64,
        ) -> Result<Option<CurrentAnswer>, StoreError> {
            Ok(sqlx::query_as(
                "SELECT id, revision_no, body_markdown, body_html, status, processed_where, state, author_id, change_reason, joint_id \
                 FROM answer_revisions WHERE comment_id = $1 ORDER BY revision_no DESC LIMIT 1",
            )
            .bind(comment_id)
            .fetch_optional(conn)
            .await?)
        }
    };
}
pub(super) use define_current_answer;

macro_rules! define_audit {
    () => {
        #[allow(clippy::too_many_arguments)]
        async fn audit(
            conn: &mut <Db as sqlx::Database>::Connection,
            consultation_id: i64,
            comment_id: Option<i64>,
            actor: &UserRow,
            at: OffsetDateTime,
            field: &str,
            before: Option<&str>,
            after: Option<&str>,
        ) -> Result<(), StoreError> {
            sqlx::query(
                "INSERT INTO audit_events (consultation_id, comment_id, actor_id, actor_name, at, field, before_value, after_value) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(consultation_id)
            .bind(comment_id)
            .bind(actor.id)
            .bind(&actor.display_name)
            .bind(at)
            .bind(field)
            .bind(before)
            .bind(after)
            .execute(conn)
            .await?;
            Ok(())
        }
    };
}
pub(super) use define_audit;
