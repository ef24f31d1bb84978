//! What operators and their monitoring ask of the database: is it there, is its schema current,
//! how busy is the pool, and a consistent copy of it while it is in use.

use super::{Pool, Store, StoreError};
use std::path::Path;

/// Whether the database can serve: reachable, with every migration of this build applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    Ready,
    /// Migrations of this build that the database has not (successfully) applied.
    MigrationsPending(usize),
}

/// The connection pool at this moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    pub connections: u32,
    pub idle: u32,
    pub max: u32,
}

impl Store {
    /// Answers when the database answers; the error says why not.
    pub async fn readiness(&self) -> Result<Readiness, StoreError> {
        with_pool!(self, |pool| {
            let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success").fetch_all(pool).await?;
            let pending = self.migrator().iter().filter(|m| !m.migration_type.is_down_migration() && !applied.contains(&m.version)).count();
            Ok(if pending == 0 { Readiness::Ready } else { Readiness::MigrationsPending(pending) })
        })
    }

    pub fn pool_stats(&self) -> PoolStats {
        with_pool!(self, |pool| PoolStats {
            connections: pool.size(),
            idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
            max: pool.options().get_max_connections(),
        })
    }

    /// Writes a consistent copy of the live SQLite database to `target` (`VACUUM INTO`: one
    /// read transaction, so writers go on meanwhile and the copy is of one moment). The target
    /// must not exist yet. PostgreSQL is backed up with its own `pg_dump` (see the README).
    pub async fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        let Pool::Sqlite(pool) = &self.pool else {
            return Err(StoreError::NotOnThisDatabase("PostgreSQL"));
        };
        let target = target.to_str().ok_or_else(|| StoreError::UnsupportedUrl(target.display().to_string()))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(pool).await?;
        Ok(())
    }

    /// Closes every connection: after the last request, before the process ends.
    pub async fn close(&self) {
        with_pool!(self, |pool| {
            pool.close().await;
        })
    }
}
