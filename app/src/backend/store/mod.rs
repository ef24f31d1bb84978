//! All SQL of Inspraak. Server functions call these methods and never write SQL themselves.
//! One store, two databases: SQLite (embedded, the default) and PostgreSQL (for several servers),
//! chosen by the scheme of `DATABASE_URL`. The SQL is written once and is the same for both
//! (numbered `$n` parameters, `TRUE`/`FALSE`, `LOWER(..) LIKE LOWER(..)`, `ON CONFLICT`, casts where
//! PostgreSQL's types are stricter); `with_pool!` compiles each method's body for each pool.

/// Runs `$body` with `$pool` bound to the store's pool, whichever database it is. The body is
/// compiled once per backend (`Db` names the backend's `sqlx::Database` inside it), so every
/// query is written once and type-checked against both.
macro_rules! with_pool {
    ($store:expr, |$pool:ident| $body:expr) => {
        match &$store.pool {
            $crate::backend::store::Pool::Sqlite($pool) => {
                #[allow(dead_code)]
                type Db = sqlx::Sqlite;
                #[allow(unused_imports)]
                use $crate::backend::store::WritePool as _;
                $body
            }
            $crate::backend::store::Pool::Postgres($pool) => {
                #[allow(dead_code)]
                type Db = sqlx::Postgres;
                #[allow(unused_imports)]
                use $crate::backend::store::WritePool as _;
                $body
            }
        }
    };
}

mod advice;
mod answers;
mod comments;
mod consultations;
pub mod copy;
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
pub use workbench::{
    AdoptionRow, AuditRow, CurrentAnswer, DashboardRows, IndexRowRaw, Outline, OutlineBlockRow, OutlineSectionRow, ReactionState,
    RevisionWrite,
};

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
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
    /// The operation exists for the other database only (a `VACUUM INTO` backup of PostgreSQL).
    #[error("not available on {0}")]
    NotOnThisDatabase(&'static str),
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

/// The database behind Inspraak, chosen by the scheme of `DATABASE_URL`: SQLite embedded in the
/// process (the default, a file created on first start) or PostgreSQL, which several servers
/// share. An enum over the two pools rather than a trait with a backend each: the SQL is the
/// same for both (numbered parameters, standard SQL), so every method is written once and
/// `with_pool!` compiles its body for each pool. Cloning is cheap (the pool is shared).
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
}

/// The connection pool of one of the two databases.
#[derive(Clone, Debug)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Which database a store uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }

    /// The backend a `DATABASE_URL` names, by its scheme.
    pub fn of_url(url: &str) -> Result<Self, StoreError> {
        match url.split(':').next().unwrap_or_default() {
            "sqlite" => Ok(Backend::Sqlite),
            "postgres" | "postgresql" => Ok(Backend::Postgres),
            other => Err(StoreError::UnsupportedUrl(other.to_string())),
        }
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// A key for PostgreSQL's transaction-level advisory lock that every writing transaction takes.
const WRITE_LOCK: i64 = 0x696e_7370_7261_616b; // "inspraak"

impl Store {
    /// Opens the database named by `url` and migrates it; an SQLite file is created on first start.
    #[tracing::instrument]
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        match Backend::of_url(url)? {
            Backend::Sqlite => Self::connect_sqlite(url).await,
            Backend::Postgres => Self::connect_postgres(url).await,
        }
    }

    async fn connect_sqlite(url: &str) -> Result<Self, StoreError> {
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
        Ok(Store { pool: Pool::Sqlite(pool) })
    }

    /// Several servers may start at once: sqlx's migrator holds an advisory lock while it runs,
    /// so one migrates and the others wait and find the schema current.
    async fn connect_postgres(url: &str) -> Result<Self, StoreError> {
        let options = PgConnectOptions::from_str(url)?.application_name("inspraak");
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            // Timestamps are read and written in UTC, whatever the server's default.
            .after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::Executor::execute(conn, "SET TIME ZONE 'UTC'").await?;
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        POSTGRES_MIGRATIONS.run(&pool).await?;
        Ok(Store { pool: Pool::Postgres(pool) })
    }

    /// Which database this store uses.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// The pool, for the session store that keeps its own table in the same database.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        match self.pool {
            Pool::Sqlite(_) => &SQLITE_MIGRATIONS,
            Pool::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }
}

/// A transaction that writes, on either database.
pub(crate) trait WritePool {
    type Db: sqlx::Database;
    fn write(&self) -> impl std::future::Future<Output = Result<sqlx::Transaction<'static, Self::Db>, sqlx::Error>> + Send;
}

impl WritePool for SqlitePool {
    type Db = sqlx::Sqlite;

    /// Takes SQLite's write lock at the start (`BEGIN IMMEDIATE`), waiting up to the busy timeout
    /// for another writer. A deferred transaction that reads first and writes later fails at once
    /// with "database is locked" when another connection wrote in between (a session saved,
    /// expired sessions deleted), which a user saw as an error page.
    async fn write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl WritePool for PgPool {
    type Db = sqlx::Postgres;

    /// Writers take turns, as on SQLite: the transaction holds an advisory lock until it ends.
    /// Several writes read before they write (the next revision number, a point's position, a
    /// lease on queued mail); under PostgreSQL's default isolation two servers doing that at once
    /// would otherwise both read the same value.
    async fn write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        let mut tx = self.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(WRITE_LOCK).execute(&mut *tx).await?;
        Ok(tx)
    }
}

/// Current time, truncated to whole seconds so that text and timestamp columns compare alike.
pub fn now() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}
