use super::{Store, StoreError, now};
use crate::domain::council::ValidCouncil;
use time::OffsetDateTime;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CouncilRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub municipality: String,
    pub kind: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CouncilSummary {
    pub slug: String,
    pub name: String,
    pub municipality: String,
    pub kind: String,
    pub member_count: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub active: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InviteRow {
    pub id: i64,
    pub council_id: i64,
    pub name: String,
    pub email: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    pub used_at: Option<OffsetDateTime>,
}

/// A consultation a council was asked to advise on.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AskedConsultation {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub phase: String,
}

const COUNCIL_COLUMNS: &str = "r.id, r.slug, r.name, r.municipality, r.kind";

/// A municipality's own name as the sender of its college's letters (the latest one set).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LetterSenderRow {
    pub municipality: String,
    pub sender: String,
    /// The id of its current logo; none when it has none (or it was taken away).
    pub logo: Option<i64>,
}

impl Store {
    #[tracing::instrument(skip(self, council), fields(council.slug = %council.slug.as_str()))]
    pub async fn create_council(&self, council: &ValidCouncil, created_by: Option<i64>) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO councils (slug, name, municipality, kind, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(council.slug.as_str())
            .bind(&council.name)
            .bind(&council.municipality)
            .bind(council.kind.code())
            .bind(now())
            .bind(created_by)
            .fetch_one(pool)
            .await
            .map_err(StoreError::from_write)
        })
    }

    /// The sender of a municipality's letters, if one was set (an empty one means the default).
    pub async fn municipality_sender(&self, municipality: &str) -> Result<Option<String>, StoreError> {
        with_pool!(self, |pool| {
            let sender: Option<String> =
                sqlx::query_scalar("SELECT sender FROM municipality_senders WHERE municipality = $1 ORDER BY id DESC LIMIT 1")
                    .bind(municipality)
                    .fetch_optional(pool)
                    .await?;
            Ok(sender.filter(|s| !s.is_empty()))
        })
    }

    /// The latest sender of every municipality that has one or more councils, by name (empty when
    /// none was set), with its current logo.
    pub async fn municipality_senders(&self) -> Result<Vec<LetterSenderRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT m.municipality, COALESCE(s.sender, '') AS sender, l.id AS logo \
             FROM (SELECT DISTINCT municipality FROM councils) m \
             LEFT JOIN municipality_senders s ON s.id = \
                 (SELECT MAX(id) FROM municipality_senders x WHERE x.municipality = m.municipality) \
             LEFT JOIN municipality_logos l ON l.media_type IS NOT NULL AND l.id = \
                 (SELECT MAX(id) FROM municipality_logos y WHERE y.municipality = m.municipality) \
             ORDER BY m.municipality",
            )
            .fetch_all(pool)
            .await?)
        })
    }

    /// The id and media type of a municipality's current logo; none when it has none (or it was
    /// taken away). The id is in the logo's address, so a new logo is a new address.
    pub async fn municipality_logo(&self, municipality: &str) -> Result<Option<(i64, String)>, StoreError> {
        with_pool!(self, |pool| {
            let row: Option<(i64, Option<String>)> =
                sqlx::query_as("SELECT id, media_type FROM municipality_logos WHERE municipality = $1 ORDER BY id DESC LIMIT 1")
                    .bind(municipality)
                    .fetch_optional(pool)
                    .await?;
            Ok(row.and_then(|(id, media_type)| media_type.map(|m| (id, m))))
        })
    }

    /// A logo by its id, as long as it is its municipality's current one: media type and bytes.
    pub async fn logo_content(&self, id: i64) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        with_pool!(self, |pool| {
            let row: Option<(Option<String>, Option<Vec<u8>>)> = sqlx::query_as(
                "SELECT l.media_type, l.content FROM municipality_logos l WHERE l.id = $1 AND l.id = \
                 (SELECT MAX(x.id) FROM municipality_logos x WHERE x.municipality = l.municipality)",
            )
            .bind(id)
            .fetch_optional(pool)
            .await?;
            Ok(row.and_then(|(media_type, content)| media_type.zip(content)))
        })
    }

    /// Sets a municipality's logo (`None`: takes it away): a new row, the earlier ones kept.
    pub async fn set_municipality_logo(&self, municipality: &str, logo: Option<(&str, &[u8])>, set_by: i64) -> Result<(), StoreError> {
        let (media_type, content) = (logo.map(|l| l.0), logo.map(|l| l.1));
        with_pool!(self, |pool| {
            sqlx::query("INSERT INTO municipality_logos (municipality, media_type, content, set_by, set_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(municipality)
                .bind(media_type)
                .bind(content)
                .bind(set_by)
                .bind(now())
                .execute(pool)
                .await
                .map_err(StoreError::from_write)?;
            Ok(())
        })
    }

    /// Sets a municipality's sender: a new row, the earlier ones kept.
    pub async fn set_municipality_sender(&self, municipality: &str, sender: &str, set_by: i64) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query("INSERT INTO municipality_senders (municipality, sender, set_by, set_at) VALUES ($1, $2, $3, $4)")
                .bind(municipality)
                .bind(sender)
                .bind(set_by)
                .bind(now())
                .execute(pool)
                .await
                .map_err(StoreError::from_write)?;
            Ok(())
        })
    }

    pub async fn list_councils(&self) -> Result<Vec<CouncilSummary>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT r.slug, r.name, r.municipality, r.kind, \
                    (SELECT COUNT(*) FROM users u WHERE u.council_id = r.id AND u.deactivated_at IS NULL) AS member_count \
             FROM councils r ORDER BY r.municipality, r.name",
            )
            .fetch_all(pool)
            .await?)
        })
    }

    pub async fn council_by_slug(&self, slug: &str) -> Result<Option<CouncilRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!("SELECT {COUNCIL_COLUMNS} FROM councils r WHERE r.slug = $1"))
                .bind(slug)
                .fetch_optional(pool)
                .await?)
        })
    }

    pub async fn council_by_id(&self, id: i64) -> Result<Option<CouncilRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!("SELECT {COUNCIL_COLUMNS} FROM councils r WHERE r.id = $1")).bind(id).fetch_optional(pool).await?)
        })
    }

    pub async fn council_members(&self, council_id: i64) -> Result<Vec<MemberRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, display_name, email, deactivated_at IS NULL AS active FROM users WHERE council_id = $1 \
             ORDER BY deactivated_at IS NOT NULL, display_name",
            )
            .bind(council_id)
            .fetch_all(pool)
            .await?)
        })
    }

    #[tracing::instrument(skip(self, token_hash, email))]
    pub async fn create_invite(
        &self,
        council_id: i64,
        name: &str,
        email: &str,
        token_hash: &str,
        created_by: i64,
        expires_at: OffsetDateTime,
    ) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO council_invites (council_id, token_hash, name, email, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(council_id)
            .bind(token_hash)
            .bind(name)
            .bind(email)
            .bind(created_by)
            .bind(now())
            .bind(expires_at)
            .fetch_one(pool)
            .await
            .map_err(StoreError::from_write)
        })
    }

    pub async fn council_invites(&self, council_id: i64) -> Result<Vec<InviteRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, council_id, name, email, created_at, expires_at, used_at FROM council_invites WHERE council_id = $1 ORDER BY id DESC",
            )
            .bind(council_id)
            .fetch_all(pool)
            .await?)
        })
    }

    pub async fn invite_by_hash(&self, token_hash: &str) -> Result<Option<InviteRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, council_id, name, email, created_at, expires_at, used_at FROM council_invites WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Uses the invite and creates the member's account, all or nothing. `None` when the invite
    /// was used in the meantime (two tabs, one link).
    #[tracing::instrument(skip(self, invite, password_hash), fields(invite.id = invite.id))]
    pub async fn accept_invite(&self, invite: &InviteRow, password_hash: &str) -> Result<Option<i64>, StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            let now = now();
            let used = sqlx::query("UPDATE council_invites SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
                .bind(now)
                .bind(invite.id)
                .execute(&mut *tx)
                .await?;
            if used.rows_affected() != 1 {
                return Ok(None);
            }
            let user_id: i64 = sqlx::query_scalar(
                "INSERT INTO users (email, display_name, password_hash, role, council_id, created_at) \
             VALUES ($1, $2, $3, 'council_member', $4, $5) RETURNING id",
            )
            .bind(&invite.email)
            .bind(&invite.name)
            .bind(password_hash)
            .bind(invite.council_id)
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(StoreError::from_write)?;
            sqlx::query("UPDATE council_invites SET user_id = $1 WHERE id = $2").bind(user_id).bind(invite.id).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Some(user_id))
        })
    }

    /// Asks a council for advice on a consultation (again asking changes nothing).
    pub async fn ask_council(&self, consultation_id: i64, council_id: i64) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query(
                "INSERT INTO consultation_councils (consultation_id, council_id, added_at) VALUES ($1, $2, $3) \
             ON CONFLICT (consultation_id, council_id) DO NOTHING",
            )
            .bind(consultation_id)
            .bind(council_id)
            .bind(now())
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    pub async fn councils_asked(&self, consultation_id: i64) -> Result<Vec<CouncilRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!(
                "SELECT {COUNCIL_COLUMNS} FROM councils r JOIN consultation_councils cc ON cc.council_id = r.id \
             WHERE cc.consultation_id = $1 ORDER BY r.municipality, r.name"
            ))
            .bind(consultation_id)
            .fetch_all(pool)
            .await?)
        })
    }

    pub async fn is_council_asked(&self, consultation_id: i64, council_id: i64) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM consultation_councils WHERE consultation_id = $1 AND council_id = $2")
                .bind(consultation_id)
                .bind(council_id)
                .fetch_one(pool)
                .await?;
            Ok(n > 0)
        })
    }

    pub async fn consultations_for_council(&self, council_id: i64) -> Result<Vec<AskedConsultation>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT c.id, c.slug, c.title, c.phase FROM consultations c JOIN consultation_councils cc ON cc.consultation_id = c.id \
             WHERE cc.council_id = $1 ORDER BY c.id DESC",
            )
            .bind(council_id)
            .fetch_all(pool)
            .await?)
        })
    }
}
