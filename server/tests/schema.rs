//! The SQLite and the PostgreSQL migrations are kept in step: the same migrations, and after them
//! the same tables with the same columns (name, order, NOT NULL), compatible types, the same
//! primary keys and UNIQUE constraints, indexes and triggers. Needs the PostgreSQL that
//! scripts/test starts (scripts/postgres.sh), named by INSPRAAK_TEST_POSTGRES.

use sqlx::migrate::Migrator;
use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection, Executor, PgConnection, SqliteConnection};
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::str::FromStr;

const SQLITE_MIGRATIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/sqlite");
const POSTGRES_MIGRATIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/postgres");

/// One table as both databases can describe it.
#[derive(Debug, Default, PartialEq)]
struct Table {
    /// (name, NOT NULL) in column order.
    columns: Vec<(String, bool)>,
    /// The declared type per column: SQLite's declaration, PostgreSQL's `data_type`.
    types: BTreeMap<String, String>,
    /// "primary key (a, b)" and "unique (a, b)".
    keys: BTreeSet<String>,
    /// Indexes made by CREATE INDEX (not those behind a key).
    indexes: BTreeSet<String>,
    triggers: BTreeSet<String>,
}

type Schema = BTreeMap<String, Table>;

/// The PostgreSQL types a column of this SQLite type may have (see migrations/postgres/0001).
fn postgres_types_for(sqlite_type: &str) -> &'static [&'static str] {
    match sqlite_type.to_ascii_uppercase().as_str() {
        "INTEGER" => &["bigint", "boolean"],
        "TEXT" => &["text", "timestamp with time zone", "date"],
        "REAL" => &["double precision"],
        "BLOB" => &["bytea"],
        _ => &[],
    }
}

#[tokio::test]
async fn both_databases_have_the_same_tables_and_columns() {
    let sqlite_migrator = Migrator::new(Path::new(SQLITE_MIGRATIONS)).await.expect("read migrations/sqlite");
    let postgres_migrator = Migrator::new(Path::new(POSTGRES_MIGRATIONS)).await.expect("read migrations/postgres");
    let list = |m: &Migrator| m.iter().map(|m| (m.version, m.description.to_string())).collect::<Vec<_>>();
    assert_eq!(
        list(&sqlite_migrator),
        list(&postgres_migrator),
        "migrations/sqlite and migrations/postgres must have the same migrations (number and name)"
    );

    let Ok(admin_url) = std::env::var("INSPRAAK_TEST_POSTGRES") else {
        if std::env::var("INSPRAAK_TEST_SKIP_POSTGRES").as_deref() == Ok("1") {
            eprintln!("note: INSPRAAK_TEST_SKIP_POSTGRES=1: the PostgreSQL schema was not compared");
            return;
        }
        panic!(
            "INSPRAAK_TEST_POSTGRES is not set. Run the tests through scripts/test, which starts a throwaway \
             PostgreSQL (scripts/postgres.sh) and sets it; or set INSPRAAK_TEST_SKIP_POSTGRES=1 to skip this test."
        );
    };

    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("schema.db").display());
    let mut sqlite = SqliteConnection::connect(&url).await.expect("open the SQLite file");
    sqlite_migrator.run(&mut sqlite).await.expect("the SQLite migrations run");
    let sqlite_schema = sqlite_schema(&mut sqlite).await;

    let mut admin = PgConnection::connect(&admin_url).await.expect("connect to INSPRAAK_TEST_POSTGRES");
    let name = format!("schema_{:016x}", std::collections::hash_map::RandomState::new().build_hasher().finish());
    admin.execute(format!("CREATE DATABASE {name}").as_str()).await.expect("create a database");
    let options = PgConnectOptions::from_str(&admin_url).expect("INSPRAAK_TEST_POSTGRES is a URL").database(&name);
    let mut postgres = options.connect().await.expect("connect to the new database");
    postgres_migrator.run(&mut postgres).await.expect("the PostgreSQL migrations run");
    let postgres_schema = postgres_schema(&mut postgres).await;
    postgres.close().await.expect("close");
    admin.execute(format!("DROP DATABASE {name}").as_str()).await.expect("drop the database");

    let differences = compare(&sqlite_schema, &postgres_schema);
    assert!(
        differences.is_empty(),
        "the SQLite and PostgreSQL schemas differ (migrations/sqlite vs migrations/postgres):\n{}",
        differences.join("\n")
    );
    assert!(sqlite_schema.len() > 30, "every table was read: {:?}", sqlite_schema.keys());
}

async fn sqlite_schema(conn: &mut SqliteConnection) -> Schema {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
         AND name NOT LIKE '\\_sqlx%' ESCAPE '\\' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("SQLite tables");
    let mut schema = Schema::new();
    for name in tables {
        let mut table = Table::default();
        // A PRIMARY KEY column is NOT NULL in PostgreSQL, whatever SQLite reports for it.
        let columns: Vec<(String, i64, String, i64)> =
            sqlx::query_as("SELECT name, \"notnull\", type, pk FROM pragma_table_info($1) ORDER BY cid")
                .bind(&name)
                .fetch_all(&mut *conn)
                .await
                .expect("SQLite columns");
        for (column, not_null, declared, pk) in &columns {
            table.columns.push((column.clone(), *not_null != 0 || *pk > 0));
            table.types.insert(column.clone(), declared.to_ascii_uppercase());
        }
        let key_indexes: Vec<(String, String)> =
            sqlx::query_as("SELECT name, origin FROM pragma_index_list($1) WHERE origin IN ('pk', 'u')")
                .bind(&name)
                .fetch_all(&mut *conn)
                .await
                .expect("SQLite key indexes");
        for (index, origin) in &key_indexes {
            let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                .bind(index)
                .fetch_all(&mut *conn)
                .await
                .expect("SQLite index columns");
            table.keys.insert(format!("{} ({})", if origin == "pk" { "primary key" } else { "unique" }, columns.join(", ")));
        }
        // INTEGER PRIMARY KEY is the rowid: it has no index of its own.
        if !key_indexes.iter().any(|(_, origin)| origin == "pk") {
            let mut pk: Vec<(i64, &String)> = columns.iter().filter(|c| c.3 > 0).map(|c| (c.3, &c.0)).collect();
            pk.sort();
            if !pk.is_empty() {
                table.keys.insert(format!("primary key ({})", pk.iter().map(|(_, c)| c.as_str()).collect::<Vec<_>>().join(", ")));
            }
        }
        table.indexes = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL")
            .bind(&name)
            .fetch_all(&mut *conn)
            .await
            .expect("SQLite indexes")
            .into_iter()
            .collect();
        table.triggers = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = $1")
            .bind(&name)
            .fetch_all(&mut *conn)
            .await
            .expect("SQLite triggers")
            .into_iter()
            .collect();
        schema.insert(name, table);
    }
    schema
}

async fn postgres_schema(conn: &mut PgConnection) -> Schema {
    let mut schema = Schema::new();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name::text NOT LIKE '\\_sqlx%'",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL tables");
    for name in tables {
        schema.insert(name, Table::default());
    }
    let columns: Vec<(String, String, bool, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, is_nullable::text = 'NO', data_type::text FROM information_schema.columns \
         WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL columns");
    for (table, column, not_null, data_type) in columns {
        if let Some(table) = schema.get_mut(&table) {
            table.columns.push((column.clone(), not_null));
            table.types.insert(column, data_type);
        }
    }
    let keys: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::text, \
                CASE c.contype WHEN 'p' THEN 'primary key' ELSE 'unique' END, \
                string_agg(a.attname::text, ', ' ORDER BY k.o) \
         FROM pg_constraint c \
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, o) \
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum \
         WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u') \
         GROUP BY c.oid, c.conrelid, c.contype",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL keys");
    for (table, kind, columns) in keys {
        if let Some(table) = schema.get_mut(&table) {
            table.keys.insert(format!("{kind} ({columns})"));
        }
    }
    let indexes: Vec<(String, String)> = sqlx::query_as(
        "SELECT t.relname::text, i.relname::text FROM pg_index x \
         JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
         WHERE t.relnamespace = 'public'::regnamespace \
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL indexes");
    for (table, index) in indexes {
        if let Some(table) = schema.get_mut(&table) {
            table.indexes.insert(index);
        }
    }
    let triggers: Vec<(String, String)> = sqlx::query_as(
        "SELECT DISTINCT event_object_table::text, trigger_name::text FROM information_schema.triggers WHERE trigger_schema = 'public'",
    )
    .fetch_all(&mut *conn)
    .await
    .expect("PostgreSQL triggers");
    for (table, trigger) in triggers {
        if let Some(table) = schema.get_mut(&table) {
            table.triggers.insert(trigger);
        }
    }
    schema
}

/// What differs, one line per finding; empty when the schemas match.
fn compare(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    let names: BTreeSet<&String> = sqlite.keys().chain(postgres.keys()).collect();
    for name in names {
        let (lite, pg) = match (sqlite.get(name), postgres.get(name)) {
            (Some(lite), Some(pg)) => (lite, pg),
            (Some(_), None) => {
                out.push(format!("table {name}: only in SQLite"));
                continue;
            }
            _ => {
                out.push(format!("table {name}: only in PostgreSQL"));
                continue;
            }
        };
        if lite.columns != pg.columns {
            let show = |columns: &[(String, bool)]| {
                columns
                    .iter()
                    .map(|(c, not_null)| if *not_null { format!("{c} NOT NULL") } else { c.clone() })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push(format!(
                "table {name}: columns differ\n    SQLite:     {}\n    PostgreSQL: {}",
                show(&lite.columns),
                show(&pg.columns)
            ));
        }
        for (column, declared) in &lite.types {
            if let Some(pg_type) = pg.types.get(column)
                && !postgres_types_for(declared).contains(&pg_type.as_str())
            {
                out.push(format!("column {name}.{column}: SQLite {declared} but PostgreSQL {pg_type}"));
            }
        }
        let sets = [("key", &lite.keys, &pg.keys), ("index", &lite.indexes, &pg.indexes), ("trigger", &lite.triggers, &pg.triggers)];
        for (what, lite, pg) in sets {
            for only in lite.difference(pg) {
                out.push(format!("table {name}: {what} {only} only in SQLite"));
            }
            for only in pg.difference(lite) {
                out.push(format!("table {name}: {what} {only} only in PostgreSQL"));
            }
        }
    }
    out
}
