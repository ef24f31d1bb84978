//! All SQL of Inspraak. Server functions call these methods and never write SQL themselves.
//! The SQL is portable (numbered `$n` parameters, no SQLite-only functions) so that a PostgreSQL
//! pool can be added beside the SQLite one behind the same methods.

mod advice;
mod answers;
mod comments;
mod consultations;
mod councils;
mod mail;
mod ops;
mod phases;
mod users;
mod versions;
mod workbench;

pub use advice::{AdviceLetterRow, AdviceListRow, AdviceRevisionRow, AdviceRow, NewPointAnswer, PointAnswerRow, PointRow};
pub use answers::AnswerRevision;
pub use comments::{OfficerComment, TrackedComment};
pub use consultations::{BlockRow, ConsultationRow, ConsultationSummary, DocumentRows, NewDocument, SectionRow};
pub use councils::{AskedConsultation, CouncilRow, CouncilSummary, InviteRow, LetterSenderRow, MemberRow};
pub use mail::{AnswerMail, AnswerToMail, CodeRow, ErasureRow, MailTokenRow, OutboxCounts, OutboxRow, SenderRow};
pub use ops::{PoolStats, Readiness};
pub use phases::{MilestoneRow, PhaseChangeRow};
pub use users::{StaffRow, UserRow};
pub use versions::{BlockRef, NewMapping, VersionRow};
pub use workbench::{AdoptionRow, AuditRow, BlockLabel, CurrentAnswer, DashboardRows, IndexRowRaw, Outline, ReactionState, RevisionWrite};

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write; the name tells which one.
    #[error("conflict on {0}")]
    Conflict(String),
    /// Someone else changed the record since the user loaded it.
    #[error("changed meanwhile")]
    Stale,
    #[error("unsupported database url: {0}")]
    UnsupportedUrl(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// Turns a unique-constraint violation into `Conflict` naming the constrained column.
    fn from_write(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error
            && db.is_unique_violation()
        {
            return StoreError::Conflict(db.message().to_string());
        }
        StoreError::Database(error)
    }
}

/// The database behind Inspraak. Cloning is cheap (the pool is shared).
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");

impl Store {
    /// Opens (and creates, on first start) the database named by `url` and migrates it.
    #[tracing::instrument]
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        if !url.starts_with("sqlite:") {
            return Err(StoreError::UnsupportedUrl(url.split(':').next().unwrap_or_default().to_string()));
        }
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // Reads through a memory map of the file (shared by all connections, no system call
            // per page) rather than each connection copying pages into its own small cache: with
            // many consultations in one file, a page's queries touch pages spread further apart.
            .pragma("mmap_size", "268435456");
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        SQLITE_MIGRATIONS.run(&pool).await?;
        Ok(Store { pool })
    }

    /// A transaction that writes. It takes SQLite's write lock at its start (`BEGIN IMMEDIATE`),
    /// waiting up to the busy timeout for another writer. A deferred transaction that reads first
    /// and writes later fails at once with "database is locked" when another connection wrote in
    /// between (a session saved, expired sessions deleted), which a user saw as an error page.
    pub(super) async fn write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// The pool, for the session store that keeps its own table in the same database.
    pub fn sqlite_pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Current time, truncated to whole seconds so that text and timestamp columns compare alike.
pub fn now() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}
