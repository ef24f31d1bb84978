//! Moving up from SQLite to PostgreSQL with `inspraak copy-database`, as an operator runs it: the
//! real binary, a demo database with a reaction, an answer through review and an advice, and a
//! throwaway PostgreSQL cluster (`INSPRAAK_TEST_POSTGRES`, started by scripts/test).

mod common;

use app::backend::demo::{DemoLogin, seed};
use app::backend::store::Store;
use common::*;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_inspraak");

fn copy(from: &str, to: &str) -> (i32, String, String) {
    let out = Command::new(BIN)
        .args(["copy-database", "--from", from, "--to", to])
        .env("RUST_LOG", "warn")
        .output()
        .expect("the inspraak binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The tables and column types of the copy, from PostgreSQL's catalogue.
async fn columns(target: &Store) -> Vec<(String, Vec<(String, String)>)> {
    let app::backend::store::Pool::Postgres(pool) = target.pool() else { panic!("the target is PostgreSQL") };
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(pool)
    .await
    .expect("catalogue");
    let mut tables: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (table, column, data_type) in rows {
        match tables.last_mut() {
            Some((t, cols)) if *t == table => cols.push((column, data_type)),
            _ => tables.push((table, vec![(column, data_type)])),
        }
    }
    tables
}

/// Every row of `table` as one line of text, the same on both databases for the same values
/// (booleans as 0/1, times in UTC to the second, fractions to nine places, binary data by its length), sorted.
async fn rows(store: &Store, table: &str, cols: &[(String, String)]) -> Vec<String> {
    use app::backend::store::Pool;
    let postgres = matches!(store.pool(), Pool::Postgres(_));
    let expr = |(name, data_type): &(String, String)| -> String {
        let value = match (data_type.as_str(), postgres) {
            ("boolean", true) => format!("CASE WHEN {name} THEN '1' ELSE '0' END"),
            ("timestamp with time zone", true) => format!("to_char({name} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"),
            ("timestamp with time zone", false) => format!("strftime('%Y-%m-%d %H:%M:%S', {name})"),
            ("bytea", _) => format!("CAST(length({name}) AS TEXT)"),
            ("double precision", true) => format!("CAST(ROUND(CAST({name} AS NUMERIC), 9) AS TEXT)"),
            ("double precision", false) => format!("printf('%.9f', {name})"),
            _ => format!("CAST({name} AS TEXT)"),
        };
        format!("COALESCE({value}, '-')")
    };
    let select = format!("SELECT {} FROM {table}", cols.iter().map(expr).collect::<Vec<_>>().join(" || '|' || "));
    let mut lines = strings(store, &select).await;
    lines.sort();
    lines
}

#[tokio::test]
async fn an_sqlite_database_moves_to_postgres_with_every_row_and_refuses_a_second_copy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = format!("sqlite://{}?mode=rwc", dir.path().join("inspraak.db").display());
    let source = Store::connect(&from).await.expect("SQLite opens");
    seed(&source, DemoLogin { email: "beleid@lindeburg.example".into(), password: "lindeburg-demo-2026".into() }).await.expect("demo data");
    let counted = ["consultations", "document_versions", "blocks", "comments", "comment_senders", "answer_revisions", "users", "councils"];
    let mut before = Vec::new();
    for table in counted {
        before.push(count(&source, &format!("SELECT COUNT(*) FROM {table}")).await);
    }
    assert!(before.iter().all(|n| *n > 0), "the demo fills every table counted: {before:?}");
    let public_version = count(&source, "SELECT CAST(SUM(public_version) AS BIGINT) FROM consultations").await;
    source.close().await;

    let to = common::new_postgres_database().await;
    let (code, stdout, stderr) = copy(&from, &to);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("in elke tabel evenveel rijen als in de bron"), "{stdout}");
    assert!(stdout.contains("comments"), "each table is listed: {stdout}");

    let target = Store::connect(&to).await.expect("PostgreSQL opens");
    for (table, rows) in counted.iter().zip(&before) {
        assert_eq!(count(&target, &format!("SELECT COUNT(*) FROM {table}")).await, *rows, "{table}");
    }
    // Value by value, every table (the sessions excepted: staff sign in again).
    let source = Store::connect(&from).await.expect("SQLite opens again");
    let tables = columns(&target).await;
    assert!(tables.len() > 30, "{} tables", tables.len());
    for (table, cols) in &tables {
        assert_eq!(rows(&target, table, cols).await, rows(&source, table, cols).await, "{table}");
    }
    // The copy is not a change the public pages must show as new.
    assert_eq!(count(&target, "SELECT CAST(SUM(public_version) AS BIGINT) FROM consultations").await, public_version);
    // New rows get ids after the copied ones.
    let next_user = count(&target, "SELECT nextval(pg_get_serial_sequence('users', 'id'))").await;
    assert!(next_user > count(&target, "SELECT MAX(id) FROM users").await);
    // The officer signs in on the copy with the same password, and the demo's reactions are there.
    let officer = target.user_by_email("beleid@lindeburg.example").await.expect("read").expect("the officer is copied");
    assert!(app::backend::auth::verify_password("lindeburg-demo-2026", Some(&officer.password_hash)));

    // A second copy into the same database is refused, and adds nothing.
    let (code, _, stderr) = copy(&from, &to);
    assert_eq!(code, 1);
    assert!(stderr.contains("niet leeg"), "{stderr}");
    for (table, rows) in counted.iter().zip(&before) {
        assert_eq!(count(&target, &format!("SELECT COUNT(*) FROM {table}")).await, *rows, "{table} after the refusal");
    }
    // Only SQLite to PostgreSQL.
    let (code, _, stderr) = copy(&to, &from);
    assert_eq!(code, 2, "{stderr}");
}

/// The README's PostgreSQL backup and restore, with the cluster's own pg_dump and pg_restore.
#[tokio::test]
async fn a_pg_dump_backup_restores_into_a_database_the_app_serves() {
    if !on_postgres() {
        eprintln!("on PostgreSQL only: pg_dump and pg_restore");
        return;
    }
    let bin = std::path::PathBuf::from(std::env::var("PG_BIN").expect("PG_BIN names the cluster's binaries (scripts/postgres.sh)"));
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let sent = app.client().submit(&comment("visie", "h1-1", "Bewaard in de back-up.")).await;
    assert_eq!(sent.status, axum::http::StatusCode::OK, "{}", sent.body);
    let dump = app.dir.path().join("inspraak.dump");
    let status = Command::new(bin.join("pg_dump"))
        .args(["--format=custom", "--file", &dump.display().to_string(), &app.url])
        .status()
        .expect("pg_dump runs");
    assert!(status.success());
    let restored = fresh_database_url(app.dir.path()).await;
    let status = Command::new(bin.join("pg_restore"))
        .args(["--no-owner", "--exit-on-error", "--dbname", &restored, &dump.display().to_string()])
        .status()
        .expect("pg_restore runs");
    assert!(status.success());
    let store = Store::connect(&restored).await.expect("the restored database opens");
    assert_eq!(store.readiness().await.expect("answers"), app::backend::store::Readiness::Ready);
    assert!(store.consultation_by_slug("visie").await.expect("read").is_some());
    assert_eq!(count(&store, "SELECT COUNT(*) FROM comments WHERE body = 'Bewaard in de back-up.'").await, 1);
    // New rows go on after the restored ones.
    assert!(
        count(&store, "SELECT nextval(pg_get_serial_sequence('comments', 'id'))").await
            > count(&store, "SELECT MAX(id) FROM comments").await
    );
}
