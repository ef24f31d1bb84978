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
}

/// A staff account as the users page lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub municipality: Option<String>,
}

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
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, role, municipality, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(email.trim().to_lowercase())
        .bind(display_name)
        .bind(password_hash)
        .bind(role.code())
        .bind(municipality)
        .bind(now())
        .fetch_one(&self.pool)
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }

    /// Replaces the password of an existing account (the operator's `user add` on a known e-mail).
    #[tracing::instrument(skip(self, password_hash))]
    pub async fn set_password(&self, email: &str, password_hash: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE email = $2")
            .bind(password_hash)
            .bind(email.trim().to_lowercase())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    #[tracing::instrument(skip(self))]
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>, StoreError> {
        Ok(sqlx::query_as("SELECT id, email, display_name, password_hash, role, municipality, council_id FROM users WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?)
    }

    #[tracing::instrument(skip(self))]
    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRow>, StoreError> {
        Ok(sqlx::query_as("SELECT id, email, display_name, password_hash, role, municipality, council_id FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Every staff account (not council members), by name.
    pub async fn staff_users(&self) -> Result<Vec<StaffRow>, StoreError> {
        Ok(sqlx::query_as("SELECT id, email, display_name, role, municipality FROM users WHERE role <> $1 ORDER BY display_name, id")
            .bind(Role::CouncilMember.code())
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn count_admins(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE role = $1").bind(Role::Admin.code()).fetch_one(&self.pool).await?)
    }

    /// Gives a staff account another staff role. The statement itself keeps one admin at least,
    /// so two admins demoting each other at once cannot leave none; false if nothing changed.
    #[tracing::instrument(skip(self))]
    pub async fn set_staff_role(&self, user_id: i64, role: Role) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE users SET role = $1 WHERE id = $2 AND role <> $3 \
               AND ($1 = $4 OR role <> $4 OR (SELECT COUNT(*) FROM users WHERE role = $4) > 1)",
        )
        .bind(role.code())
        .bind(user_id)
        .bind(Role::CouncilMember.code())
        .bind(Role::Admin.code())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn count_users(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(&self.pool).await?)
    }
}
