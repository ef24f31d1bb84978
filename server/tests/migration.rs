//! A database made by the first release keeps all its data through the later migrations.

use app::backend::store::Store;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, Executor};
use std::str::FromStr;

#[tokio::test]
async fn a_first_release_database_migrates_with_its_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("first");
    std::fs::create_dir(&first).expect("dir");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/sqlite");
    std::fs::copy(root.join("0001_initial.sql"), first.join("0001_initial.sql")).expect("copy 0001");
    let db = dir.path().join("old.db");
    let url = format!("sqlite://{}?mode=rwc", db.display());
    {
        let mut conn = SqliteConnectOptions::from_str(&url).expect("url").foreign_keys(true).connect().await.expect("connect");
        sqlx::migrate::Migrator::new(first.as_path()).await.expect("migrator").run(&mut conn).await.expect("0001 runs");
        conn.execute(
            "INSERT INTO users (id, email, display_name, password_hash, role, created_at) VALUES (7, 'a@b.nl', 'Ambtenaar', 'x', 'admin', '2026-01-01T00:00:00Z');
             INSERT INTO consultations (id, slug, title, opens_on, closes_on, created_at, created_by) VALUES (1, 'visie', 'Visie', '2026-01-01', '2026-02-01', '2026-01-01T00:00:00Z', 7);
             INSERT INTO document_versions (id, consultation_id, version_no, source_format, source_text, imported_at) VALUES (1, 1, 1, 'markdown', '', '2026-01-01T00:00:00Z');
             INSERT INTO comments (id, consultation_id, version_id, body, sender_kind, tracking_code, submitted_at) VALUES (1, 1, 1, 'Reactie', 'resident', 'AAAAAAAAAA', '2026-01-02T00:00:00Z');
             INSERT INTO answer_revisions (comment_id, revision_no, body_markdown, body_html, status, state, author_id, created_at) VALUES (1, 1, 'A', 'A', 'verwerkt', 'definitief', 7, '2026-01-03T00:00:00Z');",
        )
        .await
        .expect("first-release data");
        conn.close().await.expect("close");
    }
    let store = Store::connect(&url).await.expect("later migrations run on the old database");
    let user = store.user_by_id(7).await.expect("query").expect("the user is still there");
    assert_eq!(user.email, "a@b.nl");
    assert_eq!(user.role, "admin");
    let consultation = store.consultation_by_slug("visie").await.expect("query").expect("consultation kept");
    assert_eq!(consultation.phase, "inspraak", "existing consultations are in their comment period");
    assert_eq!(store.phase_changes(consultation.id).await.expect("query").len(), 1);
    let history = store.answer_history(1).await.expect("query");
    assert_eq!(history[0].author, "Ambtenaar", "answers still point at their author");
    assert_eq!(history[0].state, "goedgekeurd", "a final answer counts as approved");
    let index = store.reaction_index(1, None).await.expect("the workbench finds the old comment");
    assert_eq!(index.len(), 1, "the current-state rows were filled in");
    assert_eq!(index[0].state.as_deref(), Some("goedgekeurd"));
    let mut conn = SqliteConnectOptions::from_str(&url).expect("url").connect().await.expect("connect");
    let broken: Vec<(String,)> =
        sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&mut conn).await.expect("check");
    assert!(broken.is_empty(), "foreign keys intact: {broken:?}");
    let schema: String = sqlx::query_scalar("SELECT group_concat(sql, ' ') FROM sqlite_master").fetch_one(&mut conn).await.expect("schema");
    for old in ["users_old", "comments_old", "answer_revisions_old"] {
        assert!(!schema.contains(old), "no reference to {old} is left");
    }
}
