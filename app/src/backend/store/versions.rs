//! Versions of a consultation's document, the mapping of each version's blocks to the next one's,
//! the officer's reviews of that mapping, and the blocks answers name as where they were processed.

use super::consultations::{NewDocument, define_insert_version};
use super::workbench::define_audit;
use super::{Store, StoreError, UserRow, now};
use crate::domain::label::BlockLabel;
use crate::domain::versions::{BlockChange, BlockLink, Review, VersionStep};
use sqlx::QueryBuilder;
use std::collections::HashMap;
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VersionRow {
    pub id: i64,
    pub version_no: i64,
    pub name: Option<String>,
    pub change_note: Option<String>,
    pub doc_title: Option<String>,
    pub imported_at: OffsetDateTime,
}

/// Where one block of the previous version went, as positions in the new version's blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMapping {
    pub from_block_id: i64,
    pub to_positions: Vec<usize>,
    pub change: BlockChange,
    pub confidence: f64,
}

/// A block with its version, for before/after views and labels.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BlockRef {
    pub id: i64,
    pub version_no: i64,
    pub position: i64,
    pub anchor: String,
    pub label: String,
    /// JSON of the label's structure; NULL for blocks imported before migration 0011.
    pub label_parts: Option<String>,
    pub plain_text: String,
}

impl BlockRef {
    /// The label's structure: as stored, else read from the Dutch text.
    pub fn label_parts(&self) -> BlockLabel {
        BlockLabel::stored(self.label_parts.as_deref(), &self.label)
    }
}

#[derive(sqlx::FromRow)]
struct MappingRow {
    from_block_id: i64,
    to_block_id: Option<i64>,
    change: String,
    confidence: f64,
}

#[derive(sqlx::FromRow)]
struct ReviewRow {
    id: i64,
    from_block_id: i64,
    corrected: bool,
    to_block_id: Option<i64>,
}

/// Reactions and points per block, from two lists of (block, count).
fn per_block(comments: Vec<(i64, i64)>, points: Vec<(i64, i64)>) -> HashMap<i64, (i64, i64)> {
    let mut counts: HashMap<i64, (i64, i64)> = HashMap::new();
    for (block, n) in comments {
        counts.entry(block).or_default().0 += n;
    }
    for (block, n) in points {
        counts.entry(block).or_default().1 += n;
    }
    counts
}

impl Store {
    /// The versions of a consultation's document, oldest first.
    pub async fn versions(&self, consultation_id: i64) -> Result<Vec<VersionRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, version_no, name, change_note, doc_title, imported_at FROM document_versions \
             WHERE consultation_id = $1 ORDER BY version_no",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The versions (ids) that reactions were written on.
    pub async fn versions_with_reactions(&self, consultation_id: i64) -> Result<Vec<i64>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT DISTINCT version_id FROM comments WHERE consultation_id = $1")
                .bind(consultation_id)
                .fetch_all(pool)
                .await?)
        })
    }

    /// Reads in a new version after `expected_previous` with the mapping from that version's blocks,
    /// all or nothing. Refused as `Stale` when another version was read in meanwhile (the mapping
    /// was made against the version the officer saw).
    #[tracing::instrument(skip(self, doc, mappings, actor), fields(mappings = mappings.len()))]
    pub async fn add_version(
        &self,
        consultation_id: i64,
        expected_previous: i64,
        doc: NewDocument<'_>,
        mappings: &[NewMapping],
        actor: &UserRow,
    ) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            define_audit!();
            define_insert_version!();
            let mut tx = pool.write().await?;
            let previous: Option<i64> = sqlx::query_scalar("SELECT MAX(version_no) FROM document_versions WHERE consultation_id = $1")
                .bind(consultation_id)
                .fetch_one(&mut *tx)
                .await?;
            if previous != Some(expected_previous) {
                return Err(StoreError::Stale);
            }
            let at = now();
            let version_no = expected_previous + 1;
            // The command line reads versions in without an account (id 0): the audit log names it.
            let created_by = (actor.id > 0).then_some(actor.id);
            let (version_id, block_ids) = insert_version(&mut tx, consultation_id, version_no, &doc, created_by, at).await?;
            for mapping in mappings {
                let targets: Vec<Option<i64>> = if mapping.to_positions.is_empty() {
                    vec![None]
                } else {
                    mapping.to_positions.iter().map(|p| block_ids.get(*p).copied()).collect()
                };
                for target in targets {
                    sqlx::query(
                    "INSERT INTO block_mappings (to_version_id, from_block_id, to_block_id, change, confidence) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(version_id)
                .bind(mapping.from_block_id)
                .bind(target)
                .bind(mapping.change.code())
                .bind(mapping.confidence)
                .execute(&mut *tx)
                .await?;
                }
            }
            let after = match doc.name {
                Some(name) => format!("{version_no}: {name}"),
                None => version_no.to_string(),
            };
            audit(&mut tx, consultation_id, None, actor, at, "versie", Some(&expected_previous.to_string()), Some(&after)).await?;
            tx.commit().await?;
            Ok(version_no)
        })
    }

    /// The links from the blocks of the version before `to_version_id` to its blocks, with the
    /// latest review of each applied.
    pub async fn version_step(&self, to_version_id: i64) -> Result<VersionStep, StoreError> {
        with_pool!(self, |pool| {
            let rows: Vec<MappingRow> = sqlx::query_as(
                "SELECT from_block_id, to_block_id, change, confidence FROM block_mappings WHERE to_version_id = $1 ORDER BY id",
            )
            .bind(to_version_id)
            .fetch_all(pool)
            .await?;
            let mut links: HashMap<i64, BlockLink> = HashMap::new();
            for row in rows {
                let link = links.entry(row.from_block_id).or_insert_with(|| BlockLink {
                    from: row.from_block_id,
                    to: Vec::new(),
                    change: BlockChange::parse(&row.change).unwrap_or(BlockChange::Changed),
                    confidence: row.confidence,
                    review: None,
                });
                link.to.extend(row.to_block_id);
            }
            let reviews: Vec<ReviewRow> = sqlx::query_as(
                "SELECT r.id, r.from_block_id, r.corrected, t.to_block_id FROM mapping_reviews r \
             LEFT JOIN mapping_review_targets t ON t.review_id = r.id WHERE r.to_version_id = $1 ORDER BY r.id",
            )
            .bind(to_version_id)
            .fetch_all(pool)
            .await?;
            // The latest review of each block wins.
            let mut latest: HashMap<i64, (i64, bool, Vec<i64>)> = HashMap::new();
            for review in reviews {
                let entry = latest.entry(review.from_block_id).or_insert((review.id, review.corrected, Vec::new()));
                if entry.0 != review.id {
                    *entry = (review.id, review.corrected, Vec::new());
                }
                entry.2.extend(review.to_block_id);
            }
            for (from, (_, corrected, to)) in latest {
                if let Some(link) = links.remove(&from) {
                    let review = if corrected { Review::Corrected } else { Review::Confirmed };
                    links.insert(from, link.reviewed(to, review));
                }
            }
            Ok(VersionStep { links })
        })
    }

    /// Records an officer's decision on where an old block went, with its line in the audit log.
    #[allow(clippy::too_many_arguments)]
    pub async fn review_mapping(
        &self,
        consultation_id: i64,
        to_version_id: i64,
        from_block_id: i64,
        targets: &[i64],
        corrected: bool,
        actor: &UserRow,
        audit_lines: (&str, &str),
    ) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            define_audit!();
            let mut tx = pool.write().await?;
            let at = now();
            let review_id: i64 = sqlx::query_scalar(
                "INSERT INTO mapping_reviews (to_version_id, from_block_id, corrected, actor_id, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(to_version_id)
            .bind(from_block_id)
            .bind(corrected)
            .bind(actor.id)
            .bind(at)
            .fetch_one(&mut *tx)
            .await?;
            for target in targets {
                sqlx::query("INSERT INTO mapping_review_targets (review_id, to_block_id) VALUES ($1, $2)")
                    .bind(review_id)
                    .bind(target)
                    .execute(&mut *tx)
                    .await?;
            }
            let field = if corrected { "koppeling gecorrigeerd" } else { "koppeling bevestigd" };
            audit(&mut tx, consultation_id, None, actor, at, field, Some(audit_lines.0), Some(audit_lines.1)).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// These blocks with their version, in any order; unknown ids are left out.
    pub async fn blocks_by_ids(&self, ids: &[i64]) -> Result<Vec<BlockRef>, StoreError> {
        with_pool!(self, |pool| {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut q = QueryBuilder::<Db>::new(
                "SELECT b.id, v.version_no, b.position, b.anchor, b.label, b.label_parts, b.plain_text FROM blocks b \
             JOIN document_versions v ON v.id = b.version_id WHERE b.id IN (",
            );
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(")");
            Ok(q.build_query_as().fetch_all(pool).await?)
        })
    }

    /// The blocks of a version, for choosing one ("Verwerkt in", "Na te kijken").
    pub async fn version_blocks(&self, version_id: i64) -> Result<Vec<BlockRef>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT b.id, v.version_no, b.position, b.anchor, b.label, b.label_parts, b.plain_text FROM blocks b \
             JOIN document_versions v ON v.id = b.version_id WHERE b.version_id = $1 ORDER BY b.position",
            )
            .bind(version_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// How many reactions and advice points (of the latest revision of each advice) were written on
    /// each block of the consultation, in any version.
    pub async fn input_counts(&self, consultation_id: i64) -> Result<HashMap<i64, (i64, i64)>, StoreError> {
        with_pool!(self, |pool| {
            let comments: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT block_id, COUNT(*) FROM comments WHERE consultation_id = $1 AND block_id IS NOT NULL GROUP BY block_id",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?;
            let points: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT pb.block_id, COUNT(*) FROM advices a \
                 JOIN advice_revisions r ON r.advice_id = a.id AND r.submitted_at IS NOT NULL \
                      AND r.revision_no = (SELECT MAX(r2.revision_no) FROM advice_revisions r2 WHERE r2.advice_id = a.id AND r2.submitted_at IS NOT NULL) \
                 JOIN advice_points p ON p.revision_id = r.id \
                 JOIN advice_point_blocks pb ON pb.point_id = p.id \
                 WHERE a.consultation_id = $1 GROUP BY pb.block_id",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?;
            Ok(per_block(comments, points))
        })
    }

    /// The blocks named by these answer revisions (to reactions), as (revision, block) pairs.
    pub async fn answer_blocks(&self, revision_ids: &[i64]) -> Result<Vec<(i64, i64)>, StoreError> {
        self.named_blocks("answer_revision_blocks", "revision_id", revision_ids).await
    }

    /// The blocks named by any answer revision to a reaction of the consultation, as (revision,
    /// block) pairs: one range per consultation, however many reactions the nota holds.
    pub async fn answer_blocks_of(&self, consultation_id: i64) -> Result<Vec<(i64, i64)>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT ab.revision_id, ab.block_id FROM comments m \
             JOIN answer_revisions r ON r.comment_id = m.id \
             JOIN answer_revision_blocks ab ON ab.revision_id = r.id \
             WHERE m.consultation_id = $1 ORDER BY ab.revision_id, ab.block_id",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The blocks named by these answer revisions to advice points.
    pub async fn point_answer_blocks(&self, revision_ids: &[i64]) -> Result<Vec<(i64, i64)>, StoreError> {
        self.named_blocks("point_answer_revision_blocks", "revision_id", revision_ids).await
    }

    /// The blocks these advice points are about, as (point, block) pairs.
    pub async fn point_blocks(&self, point_ids: &[i64]) -> Result<Vec<(i64, i64)>, StoreError> {
        self.named_blocks("advice_point_blocks", "point_id", point_ids).await
    }

    async fn named_blocks(&self, table: &'static str, key: &'static str, revision_ids: &[i64]) -> Result<Vec<(i64, i64)>, StoreError> {
        with_pool!(self, |pool| {
            if revision_ids.is_empty() {
                return Ok(Vec::new());
            }
            let mut q = QueryBuilder::<Db>::new(format!("SELECT {key}, block_id FROM {table} WHERE {key} IN ("));
            let mut list = q.separated(", ");
            for id in revision_ids {
                list.push_bind(*id);
            }
            q.push(format!(") ORDER BY {key}, block_id"));
            Ok(q.build_query_as().fetch_all(pool).await?)
        })
    }

    /// The answers that name blocks of this version as where they were processed: per block, the
    /// number of reactions and of advice points.
    pub async fn processed_counts(&self, version_id: i64) -> Result<HashMap<i64, (i64, i64)>, StoreError> {
        with_pool!(self, |pool| {
            // Counted on the answer that stands now (comment_current), and on the latest answer of
            // each point.
            let comments: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT ab.block_id, COUNT(DISTINCT k.comment_id) FROM blocks b \
             JOIN answer_revision_blocks ab ON ab.block_id = b.id \
             JOIN answer_revisions r ON r.id = ab.revision_id \
             JOIN comment_current k ON k.comment_id = r.comment_id AND k.revision_id = r.id \
             WHERE b.version_id = $1 GROUP BY ab.block_id",
            )
            .bind(version_id)
            .fetch_all(pool)
            .await?;
            let points: Vec<(i64, i64)> = sqlx::query_as(
                "SELECT pb.block_id, COUNT(DISTINCT r.point_id) FROM blocks b \
             JOIN point_answer_revision_blocks pb ON pb.block_id = b.id \
             JOIN point_answer_revisions r ON r.id = pb.revision_id \
             WHERE b.version_id = $1 \
               AND r.revision_no = (SELECT MAX(r2.revision_no) FROM point_answer_revisions r2 WHERE r2.point_id = r.point_id) \
             GROUP BY pb.block_id",
            )
            .bind(version_id)
            .fetch_all(pool)
            .await?;
            Ok(per_block(comments, points))
        })
    }
}
