use super::{Store, StoreError, now};
use crate::domain::role::{Actor, Role};

/// A staff account. The hash stays on the server: this type is never serialised.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub municipality: Option<String>,
    pub council_id: Option<i64>,
    /// False once deactivated (or, for a council member, taken off the council).
    pub active: bool,
    /// Sessions made before the epoch last changed (new password, deactivation) no longer count.
    pub session_epoch: i64,
}

/// A staff account as the users page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub municipality: Option<String>,
    pub active: bool,
}

/// What happened to an account: `gedeactiveerd`, `geactiveerd`, `uit_raad`, `wachtwoord`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountEvent {
    Deactivated,
    Reactivated,
    RemovedFromCouncil,
    PasswordReset,
}

impl AccountEvent {
    pub fn code(self) -> &'static str {
        match self {
            AccountEvent::Deactivated => "gedeactiveerd",
            AccountEvent::Reactivated => "geactiveerd",
            AccountEvent::RemovedFromCouncil => "uit_raad",
            AccountEvent::PasswordReset => "wachtwoord",
        }
    }
}

const USER_COLUMNS: &str =
    "id, email, display_name, password_hash, role, municipality, council_id, deactivated_at IS NULL AS active, session_epoch";

impl UserRow {
    pub fn role(&self) -> Role {
        // An unknown role grants the least: a council member without a council can do nothing.
        Role::parse(&self.role).unwrap_or(Role::CouncilMember)
    }

    pub fn actor(&self) -> Actor {
        Actor { role: self.role(), council_id: self.council_id, municipality: self.municipality.clone() }
    }
}

impl Store {
    #[tracing::instrument(skip(self, password_hash))]
    pub async fn create_user(&self, email: &str, display_name: &str, password_hash: &str, role: Role) -> Result<i64, StoreError> {
        self.create_staff(email, display_name, password_hash, role, None).await
    }

    /// A staff account; `municipality` limits which councils an officer answers.
    #[tracing::instrument(skip(self, password_hash))]
    pub async fn create_staff(
        &self,
        email: &str,
        display_name: &str,
        password_hash: &str,
        role: Role,
        municipality: Option<&str>,
    ) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO users (email, display_name, password_hash, role, municipality, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(email.trim().to_lowercase())
            .bind(display_name)
            .bind(password_hash)
            .bind(role.code())
            .bind(municipality)
            .bind(now())
            .fetch_one(pool)
            .await
            .map_err(StoreError::from_write)?;
            Ok(id)
        })
    }

    /// Replaces the password of an existing account and ends every session it has (the
    /// operator's `user password`, or `user add` on a known e-mail); logged as an account event.
    #[tracing::instrument(skip(self, password_hash))]
    pub async fn set_password(&self, email: &str, password_hash: &str) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            define_account_event!();
            let mut tx = pool.write().await?;
            let id: Option<i64> =
                sqlx::query_scalar("UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1 WHERE email = $2 RETURNING id")
                    .bind(password_hash)
                    .bind(email.trim().to_lowercase())
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some(id) = id {
                account_event(&mut tx, id, None, "beheerder (opdrachtregel)", AccountEvent::PasswordReset).await?;
            }
            tx.commit().await?;
            Ok(id.is_some())
        })
    }

    /// Deactivates or reactivates a staff account. Deactivating ends its sessions; the last
    /// active admin is never deactivated (the statement checks, so two admins at once cannot).
    #[tracing::instrument(skip(self, actor), fields(actor.id = actor.id))]
    pub async fn set_user_active(&self, user_id: i64, active: bool, actor: &UserRow) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            define_account_event!();
            let mut tx = pool.write().await?;
            let done = if active {
                sqlx::query("UPDATE users SET deactivated_at = NULL WHERE id = $1 AND role <> $2 AND deactivated_at IS NOT NULL")
                    .bind(user_id)
                    .bind(Role::CouncilMember.code())
                    .execute(&mut *tx)
                    .await?
            } else {
                sqlx::query(
                    "UPDATE users SET deactivated_at = $1, session_epoch = session_epoch + 1 \
                 WHERE id = $2 AND role <> $3 AND deactivated_at IS NULL \
                   AND (role <> $4 OR (SELECT COUNT(*) FROM users WHERE role = $4 AND deactivated_at IS NULL) > 1)",
                )
                .bind(now())
                .bind(user_id)
                .bind(Role::CouncilMember.code())
                .bind(Role::Admin.code())
                .execute(&mut *tx)
                .await?
            };
            let changed = done.rows_affected() == 1;
            if changed {
                let event = if active { AccountEvent::Reactivated } else { AccountEvent::Deactivated };
                account_event(&mut tx, user_id, Some(actor.id), &actor.display_name, event).await?;
            }
            tx.commit().await?;
            Ok(changed)
        })
    }

    /// Takes a member off their council: the account is closed and signed out; false if the
    /// user is not an active member of this council.
    #[tracing::instrument(skip(self, actor), fields(actor.id = actor.id))]
    pub async fn deactivate_council_member(&self, council_id: i64, user_id: i64, actor: &UserRow) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            define_account_event!();
            let mut tx = pool.write().await?;
            let done = sqlx::query(
                "UPDATE users SET deactivated_at = $1, session_epoch = session_epoch + 1 \
             WHERE id = $2 AND council_id = $3 AND role = $4 AND deactivated_at IS NULL",
            )
            .bind(now())
            .bind(user_id)
            .bind(council_id)
            .bind(Role::CouncilMember.code())
            .execute(&mut *tx)
            .await?;
            let changed = done.rows_affected() == 1;
            if changed {
                account_event(&mut tx, user_id, Some(actor.id), &actor.display_name, AccountEvent::RemovedFromCouncil).await?;
            }
            tx.commit().await?;
            Ok(changed)
        })
    }

    /// The account events of a user, oldest first, as (action, actor, at).
    pub async fn account_events(&self, user_id: i64) -> Result<Vec<(String, String, time::OffsetDateTime)>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as("SELECT action, actor_name, at FROM account_events WHERE user_id = $1 ORDER BY id")
                .bind(user_id)
                .fetch_all(pool)
                .await?)
        })
    }

    #[tracing::instrument(skip(self))]
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1"))
                .bind(email.trim().to_lowercase())
                .fetch_optional(pool)
                .await?)
        })
    }

    #[tracing::instrument(skip(self))]
    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1")).bind(id).fetch_optional(pool).await?)
        })
    }

    /// Every staff account (not council members), by name.
    pub async fn staff_users(&self) -> Result<Vec<StaffRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, email, display_name, role, municipality, deactivated_at IS NULL AS active FROM users WHERE role <> $1 ORDER BY display_name, id",
            )
                .bind(Role::CouncilMember.code())
                .fetch_all(pool)
                .await?)
        })
    }

    pub async fn count_admins(&self) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = $1 AND deactivated_at IS NULL")
                .bind(Role::Admin.code())
                .fetch_one(pool)
                .await?)
        })
    }

    /// Gives a staff account another staff role. The statement itself keeps one admin at least,
    /// so two admins demoting each other at once cannot leave none; false if nothing changed.
    #[tracing::instrument(skip(self))]
    pub async fn set_staff_role(&self, user_id: i64, role: Role) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let done = sqlx::query(
                "UPDATE users SET role = $1 WHERE id = $2 AND role <> $3 \
               AND ($1 = $4 OR role <> $4 OR (SELECT COUNT(*) FROM users WHERE role = $4 AND deactivated_at IS NULL) > 1)",
            )
            .bind(role.code())
            .bind(user_id)
            .bind(Role::CouncilMember.code())
            .bind(Role::Admin.code())
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    pub async fn count_users(&self) -> Result<i64, StoreError> {
        with_pool!(self, |pool| Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await?))
    }
}

macro_rules! define_account_event {
    () => {
        async fn account_event(
            tx: &mut <Db as sqlx::Database>::Connection,
            user_id: i64,
            actor_id: Option<i64>,
            actor_name: &str,
            event: AccountEvent,
        ) -> Result<(), StoreError> {
            sqlx::query("INSERT INTO account_events (user_id, actor_id, actor_name, at, action) VALUES ($1, $2, $3, $4, $5)")
                .bind(user_id)
                .bind(actor_id)
                .bind(actor_name)
                .bind(now())
                .bind(event.code())
                .execute(&mut *tx)
                .await?;
            Ok(())
        }
    };
}
pub(super) use define_account_event;
