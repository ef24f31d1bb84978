//! Moving up: every row of an SQLite database into an empty PostgreSQL database of the same
//! schema version (`inspraak copy-database`). The tables and their order come from the schema
//! itself (PostgreSQL's foreign keys), the column types from PostgreSQL's catalogue, so that a new
//! migration needs no change here. Sessions are left behind: staff sign in again.

use super::{Pool, Store, StoreError};
use futures_util::TryStreamExt;
use sqlx::postgres::PgPool;
use sqlx::sqlite::SqlitePool;
use sqlx::{QueryBuilder, Row};
use std::collections::{BTreeMap, BTreeSet};
use time::{Date, OffsetDateTime};

/// Rows a table had in the source and has in the target after the copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCopy {
    pub table: String,
    pub source_rows: i64,
    pub target_rows: i64,
}

/// Why a copy did not start or did not finish (nothing is kept of a copy that did not finish).
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("copy from SQLite to PostgreSQL only")]
    Direction,
    #[error("the target is not empty: {0} has rows")]
    TargetNotEmpty(String),
    #[error("the schemas differ: {0}")]
    SchemaDiffers(String),
    #[error("{table}: {source_rows} rows in the source, {target_rows} in the target")]
    CountDiffers { table: String, source_rows: i64, target_rows: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CopyError {
    fn from(error: sqlx::Error) -> Self {
        CopyError::Store(StoreError::Database(error))
    }
}

/// Tables that are not copied: the migrations' own bookkeeping (the target has its own, from
/// running the same migrations) and the session stores' tables.
const SKIPPED: [&str; 2] = ["_sqlx_migrations", "tower_sessions"];

/// How many rows go into one INSERT (PostgreSQL takes at most 65,535 parameters a statement).
const BATCH_ROWS: usize = 500;

/// A column's type as PostgreSQL declares it; the value is read from SQLite as that type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Integer,
    Boolean,
    Timestamp,
    Date,
    Text,
    Bytes,
    Real,
}

impl Kind {
    fn of(data_type: &str) -> Option<Kind> {
        Some(match data_type {
            "bigint" | "integer" | "smallint" => Kind::Integer,
            "boolean" => Kind::Boolean,
            "timestamp with time zone" => Kind::Timestamp,
            "date" => Kind::Date,
            "text" | "character varying" => Kind::Text,
            "bytea" => Kind::Bytes,
            "double precision" | "real" => Kind::Real,
            _ => return None,
        })
    }
}

/// One value on its way from SQLite to PostgreSQL.
enum Value {
    Integer(Option<i64>),
    Boolean(Option<bool>),
    Timestamp(Option<OffsetDateTime>),
    Date(Option<Date>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
    Real(Option<f64>),
}

fn read(row: &sqlx::sqlite::SqliteRow, index: usize, kind: Kind) -> Result<Value, sqlx::Error> {
    Ok(match kind {
        Kind::Integer => Value::Integer(row.try_get(index)?),
        Kind::Boolean => Value::Boolean(row.try_get(index)?),
        Kind::Timestamp => Value::Timestamp(row.try_get(index)?),
        Kind::Date => Value::Date(row.try_get(index)?),
        Kind::Text => Value::Text(row.try_get(index)?),
        Kind::Bytes => Value::Bytes(row.try_get(index)?),
        Kind::Real => Value::Real(row.try_get(index)?),
    })
}

fn push(values: &mut sqlx::query_builder::Separated<'_, '_, sqlx::Postgres, &str>, value: Value) {
    match value {
        Value::Integer(v) => values.push_bind(v),
        Value::Boolean(v) => values.push_bind(v),
        Value::Timestamp(v) => values.push_bind(v),
        Value::Date(v) => values.push_bind(v),
        Value::Text(v) => values.push_bind(v),
        Value::Bytes(v) => values.push_bind(v),
        Value::Real(v) => values.push_bind(v),
    };
}

/// A column inserted empty, with the (id, value) pairs to set once every table is in.
struct FillIn {
    table: String,
    column: String,
    values: Vec<(i64, i64)>,
}

/// Copies every table of `from` (SQLite) into `to` (PostgreSQL, migrated, empty) in one
/// transaction, then compares the row count of every table. On any failure nothing is kept.
pub async fn copy_database(from: &Store, to: &Store) -> Result<Vec<TableCopy>, CopyError> {
    let (Pool::Sqlite(source), Pool::Postgres(target)) = (&from.pool, &to.pool) else {
        return Err(CopyError::Direction);
    };
    let names = source_tables(source).await?;
    let columns = target_columns(target).await?;
    let in_target: BTreeSet<&String> = columns.keys().collect();
    let in_source: BTreeSet<&String> = names.iter().collect();
    if in_target != in_source {
        let only_source: Vec<_> = in_source.difference(&in_target).collect();
        let only_target: Vec<_> = in_target.difference(&in_source).collect();
        return Err(CopyError::SchemaDiffers(format!("only in the source {only_source:?}, only in the target {only_target:?}")));
    }
    let (order, deferred) = tables_in_order(target, names).await?;

    // One moment of the source: a read transaction sees no write that comes after its start.
    let mut snapshot = source.begin().await?;
    let mut write = target.begin().await?;
    for table in &order {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut *write).await?;
        if rows > 0 {
            return Err(CopyError::TargetNotEmpty(table.clone()));
        }
    }
    let mut copied = Vec::with_capacity(order.len());
    // The values of the deferred columns, set once the rows they point to are in.
    let mut later: Vec<FillIn> = Vec::new();
    for table in &order {
        let cols = &columns[table];
        let id_at = cols.iter().position(|(name, _)| name == "id");
        let postponed: Vec<(usize, String)> = deferred
            .iter()
            .filter(|(t, _)| t == table)
            .filter_map(|(_, column)| cols.iter().position(|(name, _)| name == column).map(|i| (i, column.clone())))
            .collect();
        let mut postponed_values: Vec<Vec<(i64, i64)>> = vec![Vec::new(); postponed.len()];
        // The triggers that count public changes must not count the copy as changes.
        sqlx::query(&format!("ALTER TABLE {table} DISABLE TRIGGER USER")).execute(&mut *write).await?;
        let names: Vec<&str> = cols.iter().map(|(name, _)| name.as_str()).collect();
        let list = names.join(", ");
        let order_by = if cols.iter().any(|(name, _)| name == "id") { " ORDER BY id" } else { "" };
        let select = format!("SELECT {list} FROM {table}{order_by}");
        let mut stream = sqlx::query(&select).fetch(&mut *snapshot);
        let mut batch: Vec<Vec<Value>> = Vec::with_capacity(BATCH_ROWS);
        let mut source_rows = 0_i64;
        while let Some(row) = stream.try_next().await? {
            let mut values = cols.iter().enumerate().map(|(i, (_, kind))| read(&row, i, *kind)).collect::<Result<Vec<_>, _>>()?;
            for ((at, _), kept) in postponed.iter().zip(postponed_values.iter_mut()) {
                if let (Some(Value::Integer(Some(id))), Value::Integer(Some(value))) = (id_at.map(|i| &values[i]), &values[*at]) {
                    kept.push((*id, *value));
                    values[*at] = Value::Integer(None);
                }
            }
            batch.push(values);
            source_rows += 1;
            if batch.len() == BATCH_ROWS {
                insert(&mut write, table, &list, std::mem::take(&mut batch)).await?;
            }
        }
        drop(stream);
        if !batch.is_empty() {
            insert(&mut write, table, &list, batch).await?;
        }
        sqlx::query(&format!("ALTER TABLE {table} ENABLE TRIGGER USER")).execute(&mut *write).await?;
        let target_rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut *write).await?;
        if target_rows != source_rows {
            return Err(CopyError::CountDiffers { table: table.clone(), source_rows, target_rows });
        }
        // The next id PostgreSQL hands out comes after the copied ones.
        if cols.iter().any(|(name, _)| name == "id") {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table} \
                 WHERE pg_get_serial_sequence('{table}', 'id') IS NOT NULL"
            ))
            .execute(&mut *write)
            .await?;
        }
        for ((_, column), kept) in postponed.into_iter().zip(postponed_values) {
            later.push(FillIn { table: table.clone(), column, values: kept });
        }
        copied.push(TableCopy { table: table.clone(), source_rows, target_rows });
    }
    for FillIn { table, column, values } in later {
        sqlx::query(&format!("ALTER TABLE {table} DISABLE TRIGGER USER")).execute(&mut *write).await?;
        for chunk in values.chunks(BATCH_ROWS) {
            let mut q = QueryBuilder::<sqlx::Postgres>::new(format!("UPDATE {table} SET {column} = v.value FROM ("));
            q.push_values(chunk, |mut b, (id, value)| {
                b.push_bind(*id).push_unseparated("::BIGINT").push_bind(*value).push_unseparated("::BIGINT");
            });
            q.push(format!(") AS v (id, value) WHERE {table}.id = v.id"));
            q.build().execute(&mut *write).await?;
        }
        sqlx::query(&format!("ALTER TABLE {table} ENABLE TRIGGER USER")).execute(&mut *write).await?;
    }
    write.commit().await?;
    snapshot.commit().await?;
    Ok(copied)
}

async fn insert(write: &mut sqlx::PgConnection, table: &str, list: &str, rows: Vec<Vec<Value>>) -> Result<(), sqlx::Error> {
    let mut q = QueryBuilder::<sqlx::Postgres>::new(format!("INSERT INTO {table} ({list}) "));
    q.push_values(rows, |mut b, values| {
        for value in values {
            push(&mut b, value);
        }
    });
    q.build().execute(write).await?;
    Ok(())
}

/// The tables, each after the tables its foreign keys point to (PostgreSQL's, which it checks),
/// and the columns to fill in afterwards where two tables point at each other (a council's
/// creator is a user, a council member's council is a council): a column that may be empty and
/// that no check constraint mentions is inserted empty and set once every table is in.
async fn tables_in_order(target: &PgPool, names: Vec<String>) -> Result<(Vec<String>, Vec<(String, String)>), sqlx::Error> {
    let keys: Vec<(String, String, String, bool, bool)> = sqlx::query_as(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, a.attname::text, NOT a.attnotnull, \
                EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.conrelid AND k.contype = 'c' AND a.attnum = ANY (k.conkey)) \
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] \
         WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace",
    )
    .fetch_all(target)
    .await?;
    // Per table: (parent, column, may be filled in later).
    let mut needs: BTreeMap<&str, Vec<(&str, &str, bool)>> = names.iter().map(|n| (n.as_str(), Vec::new())).collect();
    for (table, parent, column, nullable, checked) in &keys {
        if table != parent
            && let Some(parents) = needs.get_mut(table.as_str())
        {
            parents.push((parent.as_str(), column.as_str(), *nullable && !*checked));
        }
    }
    let mut order: Vec<String> = Vec::with_capacity(names.len());
    let mut deferred: Vec<(String, String)> = Vec::new();
    while order.len() < names.len() {
        let before = order.len();
        for name in &names {
            if !order.contains(name) && needs[name.as_str()].iter().all(|(p, _, _)| order.iter().any(|o| o == p)) {
                order.push(name.clone());
            }
        }
        if order.len() == before {
            // A cycle: let one table wait for a column it may leave empty.
            let waiting = names.iter().filter(|n| !order.contains(n)).find_map(|n| {
                needs[n.as_str()].iter().position(|(p, _, later)| *later && !order.iter().any(|o| o == p)).map(|i| (n.as_str(), i))
            });
            match waiting {
                Some((table, i)) => {
                    let edges = needs.get_mut(table).expect("a table of the list");
                    let (_, column, _) = edges.remove(i);
                    deferred.push((table.to_string(), column.to_string()));
                }
                None => {
                    // Nothing to wait for: the rest in name order; the foreign keys refuse the
                    // copy if that does not work.
                    let rest: Vec<String> = names.iter().filter(|n| !order.contains(n)).cloned().collect();
                    order.extend(rest);
                }
            }
        }
    }
    Ok((order, deferred))
}

/// The source's tables.
async fn source_tables(source: &SqlitePool) -> Result<Vec<String>, sqlx::Error> {
    let names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
            .fetch_all(source)
            .await?;
    Ok(names.into_iter().filter(|n| !SKIPPED.contains(&n.as_str())).collect())
}

/// The target's tables with their columns in order, each with its type.
async fn target_columns(target: &PgPool) -> Result<BTreeMap<String, Vec<(String, Kind)>>, CopyError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(target)
    .await?;
    let mut tables: BTreeMap<String, Vec<(String, Kind)>> = BTreeMap::new();
    for (table, column, data_type) in rows {
        if SKIPPED.contains(&table.as_str()) {
            continue;
        }
        let kind = Kind::of(&data_type).ok_or_else(|| CopyError::SchemaDiffers(format!("{table}.{column} has type {data_type}")))?;
        tables.entry(table).or_default().push((column, kind));
    }
    Ok(tables)
}
