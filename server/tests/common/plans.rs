//! Every query the app runs, checked with SQLite's `EXPLAIN QUERY PLAN`: a page must cost what
//! its own consultation holds (issue 19), so no query may walk a whole table that grows with the
//! other consultations (comments, answers, revisions, the audit log, the outbox, ...).
//!
//! The statements are taken from sqlx's own query log (target `sqlx::query`), caught by a
//! process-wide tracing layer, so that what is checked is exactly what the app sent.

use app::backend::store::Store;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, OnceLock};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// Tables whose size grows with every consultation in the database. A full scan of one of these
/// (of the table or of a whole index of it) makes a page's cost depend on other consultations.
pub const GROWING_TABLES: &[&str] = &[
    "comments",
    "comment_senders",
    "comment_current",
    "comment_moderation",
    "answer_revisions",
    "joint_answers",
    "answer_adoptions",
    "audit_events",
    "outbox",
    "mail_tokens",
    "erasures",
    "document_versions",
    "sections",
    "blocks",
    "phase_changes",
    "milestones",
    "advices",
    "advice_revisions",
    "advice_points",
    "advice_point_blocks",
    "point_answer_revisions",
    "response_intros",
    "consultation_councils",
    "block_mappings",
    "mapping_reviews",
    "mapping_review_targets",
    "answer_revision_blocks",
    "point_answer_revision_blocks",
];

#[derive(Clone, Default)]
struct Statements(Arc<Mutex<BTreeSet<String>>>);

#[derive(Default)]
struct Fields {
    summary: Option<String>,
    statement: Option<String>,
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "summary" => self.summary = Some(value.to_string()),
            "db.statement" => self.statement = Some(value.to_string()),
            _ => {}
        }
    }

    fn record_debug(&mut self, _field: &Field, _value: &dyn std::fmt::Debug) {}
}

impl<S: tracing::Subscriber> Layer<S> for Statements {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        if event.metadata().target() != "sqlx::query" {
            return;
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        // sqlx logs short statements whole as the summary, longer ones (reformatted) as the statement.
        let sql = match (fields.statement, fields.summary) {
            (Some(statement), _) if !statement.trim().is_empty() => statement,
            (_, Some(summary)) => summary,
            _ => return,
        };
        if let Ok(mut all) = self.0.lock() {
            all.insert(sql.trim().to_string());
        }
    }
}

static CAPTURE: OnceLock<Statements> = OnceLock::new();

/// Starts catching the statements of every database call in this test process.
pub fn capture() -> QueryLog {
    let statements = CAPTURE
        .get_or_init(|| {
            let statements = Statements::default();
            let subscriber = tracing_subscriber::registry().with(statements.clone());
            tracing::subscriber::set_global_default(subscriber).expect("no other global subscriber in this test binary");
            statements
        })
        .clone();
    QueryLog(statements)
}

pub struct QueryLog(Statements);

impl QueryLog {
    pub fn statements(&self) -> Vec<String> {
        self.0.0.lock().map(|all| all.iter().cloned().collect()).unwrap_or_default()
    }
}

/// The name after `FROM`/`JOIN` and its alias, for every table a statement reads.
pub fn aliases(sql: &str) -> Vec<(String, String)> {
    const NOT_ALIAS: &[&str] = &[
        "on", "where", "left", "inner", "join", "cross", "group", "order", "limit", "using", "natural", "set", "union", "having", "window",
    ];
    let words: Vec<String> =
        sql.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(|w| w.to_ascii_lowercase()).collect();
    let mut pairs = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if (word == "from" || word == "join" || word == "update" || word == "into")
            && let Some(table) = words.get(i + 1)
        {
            pairs.push((table.clone(), table.clone()));
            let mut next = i + 2;
            if words.get(next).map(String::as_str) == Some("as") {
                next += 1;
            }
            if let Some(alias) = words.get(next)
                && !NOT_ALIAS.contains(&alias.as_str())
            {
                pairs.push((alias.clone(), table.clone()));
            }
        }
    }
    pairs
}

/// The table a plan line scans in full, if it does: `SCAN m`, `SCAN comments USING INDEX x`.
pub fn scanned(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("SCAN ")?;
    let name = rest.split_whitespace().next()?;
    (name != "CONSTANT").then_some(name)
}

/// Runs `EXPLAIN QUERY PLAN` on every statement and lists each full scan of a growing table.
pub async fn full_scans(store: &Store, statements: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    for sql in statements {
        let lower = sql.trim_start().to_ascii_lowercase();
        if !["select", "with", "update", "delete", "insert"].iter().any(|k| lower.starts_with(k)) {
            continue;
        }
        // A plain `INSERT ... VALUES` reads nothing. Its plan lists only the foreign key checks of
        // the tables that refer to the new row, which SQLite runs only while a deferred foreign
        // key violation is pending (in a migration), never on a request.
        if lower.starts_with("insert") && !lower.contains("select") {
            continue;
        }
        let app::backend::store::Pool::Sqlite(pool) = store.pool() else { panic!("query plans are read on SQLite") };
        let rows: Vec<(i64, i64, i64, String)> = match sqlx::query_as(&format!("EXPLAIN QUERY PLAN {sql}")).fetch_all(pool).await {
            Ok(rows) => rows,
            Err(error) => {
                problems.push(format!("could not explain ({error}):\n{sql}"));
                continue;
            }
        };
        let names = aliases(sql);
        // A scan in the order asked for, without a filter, that a LIMIT stops (the latest
        // erasures): it reads that many rows, whatever the table holds.
        let bounded = lower.contains(" limit ") && !lower.contains(" where ") && !rows.iter().any(|r| r.3.contains("TEMP B-TREE"));
        for (_, _, _, detail) in rows {
            if bounded {
                continue;
            }
            let Some(name) = scanned(&detail) else { continue };
            let name = name.to_ascii_lowercase();
            let table = names.iter().find(|(alias, _)| *alias == name).map(|(_, table)| table.clone()).unwrap_or(name);
            if GROWING_TABLES.contains(&table.as_str()) {
                problems.push(format!("{detail} (table {table}) in:\n{sql}"));
            }
        }
    }
    problems
}

/// Fails the test with every full scan found, and checks that the log caught something at all.
pub async fn assert_no_full_scans(store: &Store, log: &QueryLog, at_least: usize) {
    let statements = log.statements();
    assert!(statements.len() >= at_least, "only {} distinct statements caught: is sqlx's query log still there?", statements.len());
    let problems = full_scans(store, &statements).await;
    println!("query plans: {} distinct statements explained, {} full scans of growing tables", statements.len(), problems.len());
    assert!(problems.is_empty(), "full scans of tables that grow with other consultations:\n\n{}", problems.join("\n\n"));
}
