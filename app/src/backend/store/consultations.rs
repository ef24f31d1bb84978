use super::{Store, StoreError, now};
use crate::domain::consultation::{CommentPeriod, ValidConsultation};
use crate::domain::document::{BlockKind, ImportedDocument};
use crate::domain::label::{BlockLabel, SectionLabel};
use crate::domain::phase::Phase;
use crate::domain::report::{OutlineBlock, OutlineSection};
use time::Date;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConsultationRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub opens_on: Date,
    pub closes_on: Date,
    /// The current version of the document (the latest imported).
    pub version_id: i64,
    pub phase: String,
}

impl ConsultationRow {
    pub fn period(&self) -> CommentPeriod {
        CommentPeriod { opens: self.opens_on, closes: self.closes_on }
    }

    pub fn phase(&self) -> Phase {
        Phase::parse(&self.phase).unwrap_or(Phase::Comment)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConsultationSummary {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub opens_on: Date,
    pub closes_on: Date,
    pub phase: String,
    pub comment_count: i64,
    pub unanswered_count: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SectionRow {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub level: i64,
    pub number: Option<String>,
    pub title: String,
    pub label: String,
    pub anchor: String,
}

impl SectionRow {
    /// The heading as written: "Hoofdstuk 5 Actielijn 1" or "a. Preventie".
    pub fn heading(&self) -> String {
        match &self.number {
            Some(number) => format!("{number}. {}", self.title),
            None => self.title.clone(),
        }
    }

    /// The label's structure ("Hoofdstuk 5", "5.a", "Bijlage 2"), read from the label the importer
    /// wrote as a block's label without stored parts is (sections keep no parts of their own); in
    /// words it is the section part of its blocks' labels.
    pub fn label_parts(&self) -> SectionLabel {
        SectionLabel::from_dutch(&self.label)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BlockRow {
    pub id: i64,
    pub section_id: Option<i64>,
    pub kind: String,
    pub anchor: String,
    pub label: String,
    /// JSON of the label's structure; NULL for blocks imported before migration 0011.
    pub label_parts: Option<String>,
    pub html: String,
    pub plain_text: String,
    pub comment_count: i64,
}

impl BlockRow {
    /// The label's structure: as stored, else read from the Dutch text.
    pub fn label_parts(&self) -> BlockLabel {
        BlockLabel::stored(self.label_parts.as_deref(), &self.label)
    }

    pub fn kind(&self) -> BlockKind {
        BlockKind::parse(&self.kind).unwrap_or(BlockKind::Paragraph)
    }
}

/// A document version as stored, in document order.
#[derive(Debug, Clone)]
pub struct DocumentRows {
    pub title: Option<String>,
    pub sections: Vec<SectionRow>,
    pub blocks: Vec<BlockRow>,
}

impl DocumentRows {
    pub fn outline(&self) -> (Vec<OutlineSection>, Vec<OutlineBlock>) {
        let sections = self
            .sections
            .iter()
            .map(|s| OutlineSection { id: s.id, anchor: s.anchor.clone(), level: s.level as u8, heading: s.heading() })
            .collect();
        let blocks = self
            .blocks
            .iter()
            .map(|b| OutlineBlock {
                id: b.id,
                section_id: b.section_id,
                anchor: b.anchor.clone(),
                label: b.label.clone(),
                label_parts: b.label_parts(),
                kind: b.kind(),
                text: b.plain_text.clone(),
                version: None,
            })
            .collect();
        (sections, blocks)
    }
}

/// An imported document with the source it came from, kept for the record.
pub struct NewDocument<'a> {
    pub document: &'a ImportedDocument,
    pub source_text: &'a str,
    pub markdown: bool,
    /// The version's name ("Versie voor inspraak") and what changed; none for a first import.
    pub name: Option<&'a str>,
    pub change_note: Option<&'a str>,
}

/// Writes a version of the document with its sections and blocks; returns its id and the ids of
/// its blocks in document order.
macro_rules! define_insert_version {
    () => {
        async fn insert_version(
            tx: &mut <Db as sqlx::Database>::Connection,
            consultation_id: i64,
            version_no: i64,
            doc: &NewDocument<'_>,
            created_by: Option<i64>,
            now: time::OffsetDateTime,
        ) -> Result<(i64, Vec<i64>), StoreError> {
            let version_id: i64 = sqlx::query_scalar(
                "INSERT INTO document_versions (consultation_id, version_no, doc_title, source_format, source_text, imported_at, \
                                                name, change_note, created_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(consultation_id)
            .bind(version_no)
            .bind(&doc.document.title)
            .bind(if doc.markdown { "markdown" } else { "text" })
            .bind(doc.source_text)
            .bind(now)
            .bind(doc.name)
            .bind(doc.change_note)
            .bind(created_by)
            .fetch_one(&mut *tx)
            .await?;
            let mut section_ids = Vec::with_capacity(doc.document.sections.len());
            for (position, section) in doc.document.sections.iter().enumerate() {
                let parent = section.parent.and_then(|p| section_ids.get(p).copied());
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO sections (version_id, position, parent_id, level, number, title, label, anchor) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                )
                .bind(version_id)
                .bind(position as i64)
                .bind(parent)
                .bind(i64::from(section.level))
                .bind(&section.number)
                .bind(&section.title)
                .bind(&section.label)
                .bind(&section.anchor)
                .fetch_one(&mut *tx)
                .await?;
                section_ids.push(id);
            }
            let mut block_ids = Vec::with_capacity(doc.document.blocks.len());
            for (position, block) in doc.document.blocks.iter().enumerate() {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO blocks (version_id, section_id, position, kind, anchor, label, label_parts, html, plain_text) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                )
                .bind(version_id)
                .bind(block.section.and_then(|s| section_ids.get(s).copied()))
                .bind(position as i64)
                .bind(block.kind.as_str())
                .bind(&block.anchor)
                .bind(&block.label)
                .bind(block.label_parts.to_json())
                .bind(&block.html)
                .bind(&block.text)
                .fetch_one(&mut *tx)
                .await?;
                block_ids.push(id);
            }
            Ok((version_id, block_ids))
        }
    };
}
pub(super) use define_insert_version;

const CONSULTATION_COLUMNS: &str = "c.id, c.slug, c.title, c.description, c.opens_on, c.closes_on, c.phase, \
     (SELECT MAX(v.id) FROM document_versions v WHERE v.consultation_id = c.id) AS version_id";

impl Store {
    /// Creates the consultation with version 1 of its document, all or nothing.
    #[tracing::instrument(skip(self, consultation, doc), fields(consultation.slug = %consultation.slug.as_str()))]
    pub async fn create_consultation(
        &self,
        consultation: &ValidConsultation,
        doc: NewDocument<'_>,
        created_by: Option<i64>,
        phase_since: Option<Date>,
    ) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            define_insert_version!();
            let mut tx = pool.write().await?;
            let now = now();
            let consultation_id: i64 = sqlx::query_scalar(
                "INSERT INTO consultations (slug, title, description, opens_on, closes_on, created_at, created_by, phase) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(consultation.slug.as_str())
            .bind(&consultation.title)
            .bind(&consultation.description)
            .bind(consultation.period.opens)
            .bind(consultation.period.closes)
            .bind(now)
            .bind(created_by)
            .bind(consultation.phase.code())
            .fetch_one(&mut *tx)
            .await
            .map_err(StoreError::from_write)?;
            // The comment phase began when the period opens; an earlier phase begins today.
            let started_on =
                phase_since.unwrap_or(if consultation.phase == Phase::Comment { consultation.period.opens } else { now.date() });
            sqlx::query(
                "INSERT INTO phase_changes (consultation_id, phase, started_on, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(consultation_id)
            .bind(consultation.phase.code())
            .bind(started_on)
            .bind(created_by)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE phase_changes SET version_id = $1 WHERE consultation_id = $2")
                .bind(insert_version(&mut tx, consultation_id, 1, &doc, created_by, now).await?.0)
                .bind(consultation_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(consultation_id)
        })
    }

    #[tracing::instrument(skip(self))]
    pub async fn list_consultations(&self) -> Result<Vec<ConsultationSummary>, StoreError> {
        with_pool!(self, |pool| {
            // Answered means: a final answer exists, as in the officer's view and the report. Counted
            // on comment_current's index per consultation: a reaction without any answer (state NULL)
            // is unanswered at once; only one whose latest answer is not public (being revised) is
            // looked up for an earlier public one. No lookup per reaction of every consultation.
            let public = super::comments::public_states();
            let sql = format!(
                "SELECT c.slug, c.title, c.description, c.opens_on, c.closes_on, c.phase, \
                    (SELECT COUNT(*) FROM comment_current k WHERE k.consultation_id = c.id) AS comment_count, \
                    (SELECT COUNT(*) FROM comment_current k WHERE k.consultation_id = c.id \
                        AND (k.state IS NULL OR (k.state NOT IN ({public}) AND NOT EXISTS ( \
                            SELECT 1 FROM answer_revisions r WHERE r.comment_id = k.comment_id AND r.state IN ({public}))))) \
                    AS unanswered_count \
             FROM consultations c \
             ORDER BY c.opens_on DESC, c.id DESC"
            );
            Ok(sqlx::query_as(&sql).fetch_all(pool).await?)
        })
    }

    #[tracing::instrument(skip(self))]
    pub async fn consultation_by_id(&self, id: i64) -> Result<Option<ConsultationRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!("SELECT {CONSULTATION_COLUMNS} FROM consultations c WHERE c.id = $1"))
                .bind(id)
                .fetch_optional(pool)
                .await?)
        })
    }

    pub async fn consultation_by_slug(&self, slug: &str) -> Result<Option<ConsultationRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!("SELECT {CONSULTATION_COLUMNS} FROM consultations c WHERE c.slug = $1"))
                .bind(slug)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// Sections and blocks of a version in document order, each block with its comment count.
    #[tracing::instrument(skip(self))]
    pub async fn document(&self, version_id: i64) -> Result<DocumentRows, StoreError> {
        with_pool!(self, |pool| {
            let title: Option<String> =
                sqlx::query_scalar("SELECT doc_title FROM document_versions WHERE id = $1").bind(version_id).fetch_one(pool).await?;
            let sections = sqlx::query_as(
                "SELECT id, parent_id, level, number, title, label, anchor FROM sections WHERE version_id = $1 ORDER BY position",
            )
            .bind(version_id)
            .fetch_all(pool)
            .await?;
            let blocks = sqlx::query_as(
                "SELECT b.id, b.section_id, b.kind, b.anchor, b.label, b.label_parts, b.html, b.plain_text, \
                    COALESCE(n.count, 0) AS comment_count \
             FROM blocks b \
             LEFT JOIN (SELECT block_id, COUNT(*) AS count FROM comments WHERE version_id = $1 GROUP BY block_id) n \
                    ON n.block_id = b.id \
             WHERE b.version_id = $1 ORDER BY b.position",
            )
            .bind(version_id)
            .fetch_all(pool)
            .await?;
            Ok(DocumentRows { title, sections, blocks })
        })
    }

    /// Comments on the document as a whole (no block).
    pub async fn comment_count(&self, consultation_id: i64) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM comments WHERE consultation_id = $1").bind(consultation_id).fetch_one(pool).await?)
        })
    }

    pub async fn general_comment_count(&self, version_id: i64) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM comments WHERE version_id = $1 AND block_id IS NULL")
                .bind(version_id)
                .fetch_one(pool)
                .await?)
        })
    }

    pub async fn block_id_by_anchor(&self, version_id: i64, anchor: &str) -> Result<Option<i64>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT id FROM blocks WHERE version_id = $1 AND anchor = $2")
                .bind(version_id)
                .bind(anchor)
                .fetch_optional(pool)
                .await?)
        })
    }

    /// The public version of the consultation with this slug (migration 0006: raised with every
    /// write that changes one of its public pages); None when there is no such consultation.
    pub async fn public_version(&self, slug: &str) -> Result<Option<i64>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT public_version FROM consultations WHERE slug = $1").bind(slug).fetch_optional(pool).await?)
        })
    }

    /// The version of the pages that list every consultation (the home page, the open data
    /// index): how many there are and the sum of their public versions. Consultations are never
    /// deleted and versions only go up, so any change gives a pair never seen before.
    pub async fn site_version(&self) -> Result<(i64, i64), StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as("SELECT COUNT(*), CAST(COALESCE(SUM(public_version), 0) AS BIGINT) FROM consultations")
                .fetch_one(pool)
                .await?)
        })
    }
}
