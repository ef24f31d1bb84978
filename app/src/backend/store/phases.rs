use super::{Store, StoreError, now};
use crate::domain::phase::Phase;
use time::Date;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PhaseChangeRow {
    pub phase: String,
    pub started_on: Date,
    /// The number of the document version the phase ran on.
    pub version_no: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MilestoneRow {
    pub happened_on: Date,
    pub text: String,
}

impl Store {
    /// Moves the consultation to `phase`, if it is still in `from` (two officers at once: one wins).
    #[tracing::instrument(skip(self))]
    pub async fn change_phase(
        &self,
        consultation_id: i64,
        from: Phase,
        phase: Phase,
        started_on: Date,
        user_id: i64,
    ) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let moved = sqlx::query("UPDATE consultations SET phase = $1 WHERE id = $2 AND phase = $3")
                .bind(phase.code())
                .bind(consultation_id)
                .bind(from.code())
                .execute(&mut *tx)
                .await?;
            if moved.rows_affected() != 1 {
                return Ok(false);
            }
            // The phase runs on the version that is current now.
            sqlx::query(
                "INSERT INTO phase_changes (consultation_id, phase, started_on, changed_by, changed_at, version_id) \
             VALUES ($1, $2, $3, $4, $5, (SELECT MAX(v.id) FROM document_versions v WHERE v.consultation_id = $1))",
            )
            .bind(consultation_id)
            .bind(phase.code())
            .bind(started_on)
            .bind(user_id)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// When each phase began, in the order the changes were made.
    pub async fn phase_changes(&self, consultation_id: i64) -> Result<Vec<PhaseChangeRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT p.phase, p.started_on, v.version_no FROM phase_changes p \
             LEFT JOIN document_versions v ON v.id = p.version_id WHERE p.consultation_id = $1 ORDER BY p.id",
            )
            .bind(consultation_id)
            .fetch_all(pool)
            .await?)
        })
    }

    pub async fn add_milestone(&self, consultation_id: i64, happened_on: Date, text: &str, user_id: i64) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query("INSERT INTO milestones (consultation_id, happened_on, text, created_by, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(consultation_id)
                .bind(happened_on)
                .bind(text)
                .bind(user_id)
                .bind(now())
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    pub async fn milestones(&self, consultation_id: i64) -> Result<Vec<MilestoneRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as("SELECT happened_on, text FROM milestones WHERE consultation_id = $1 ORDER BY happened_on, id")
                .bind(consultation_id)
                .fetch_all(pool)
                .await?)
        })
    }
}
