//! The `inspraak` command: serve the app, or the operator's admin commands on the same database.

use app::backend::auth::hash_password;
use app::backend::services;
use app::backend::store::Store;
use app::domain::consultation::ConsultationForm;
use app::domain::error::FormOutcome;
use app::domain::role::Role;
use app::i18n::NL;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "inspraak", version, about = "Inspraak: reacties per alinea op conceptbeleid, met traceerbare antwoorden")]
pub struct Cli {
    /// Database, e.g. sqlite://inspraak.db (created and migrated on first use).
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://inspraak.db", global = true)]
    pub database_url: String,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start the web server (the default). Address from LEPTOS_SITE_ADDR.
    Serve {
        /// Load the demo consultation, officer and comments into an empty database.
        #[arg(long, env = "INSPRAAK_DEMO")]
        demo: bool,
    },
    /// Create a consultation from a Markdown (.md), plain-text (.txt) or Word (.docx) file, or with
    /// --new-version read in a new version of an existing consultation's document.
    Import {
        file: PathBuf,
        #[arg(long)]
        slug: String,
        /// The consultation's title (for a new consultation).
        #[arg(long, required_unless_present = "new_version")]
        title: Option<String>,
        /// Read the file in as the next version of the consultation with this slug.
        #[arg(long)]
        new_version: bool,
        /// The new version's name ("Versie voor inspraak").
        #[arg(long, requires = "new_version")]
        name: Option<String>,
        /// What changed in the new version.
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long, default_value = "")]
        description: String,
        /// First day of the comment period (yyyy-mm-dd); today if left out.
        #[arg(long)]
        opens: Option<String>,
        /// Last day of the comment period (yyyy-mm-dd); six weeks after opening if left out.
        #[arg(long)]
        closes: Option<String>,
        /// The phase it starts in: concept, advies or inspraak.
        #[arg(long, value_parser = ["concept", "advies", "inspraak"], default_value = "inspraak")]
        phase: String,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Runs the background jobs once, now: the retention sweep and one round of the outbox (the
    /// server runs them by itself; this is for after maintenance, or to see what they do).
    Jobs,
    /// Write a consistent copy of the database to FILE, also while the server runs (restore: stop
    /// the server and put the copy in the database's place; see the README).
    Backup {
        /// The copy to write; must not exist yet.
        file: PathBuf,
    },
    /// Copy everything from an SQLite database into an empty PostgreSQL database (moving up to
    /// several servers): consultations and versions, reactions, answers with every revision,
    /// advice, councils, staff, audit log and outbox; sessions stay behind. Checks the row count
    /// of every table and keeps nothing of a copy that did not finish.
    CopyDatabase {
        /// The SQLite database, e.g. sqlite://data/inspraak.db (stop the server first, or copy a backup).
        #[arg(long)]
        from: String,
        /// The PostgreSQL database, e.g. postgres://inspraak@db.example/inspraak; created tables, no rows.
        #[arg(long)]
        to: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an officer, reviewer or admin; on an existing e-mail address, set a new password.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = ["officer", "reviewer", "admin"], default_value = "officer")]
        role: String,
        /// For an officer: the municipality whose advisory councils they answer (all if left out).
        #[arg(long)]
        municipality: Option<String>,
        /// The password; else INSPRAAK_PASSWORD, else asked for, else a generated one is printed.
        #[arg(long, env = "INSPRAAK_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
    /// Set a new password for an existing account and end all of its sessions.
    Password {
        #[arg(long)]
        email: String,
        /// The password; else INSPRAAK_PASSWORD, else asked for, else a generated one is printed.
        #[arg(long, env = "INSPRAAK_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
}

/// Runs an admin command; returns the process exit code.
pub async fn run_admin(store: &Store, command: Command) -> i32 {
    match command {
        Command::Serve { .. } | Command::CopyDatabase { .. } => 0,
        Command::Import { file, slug, title, new_version, name: version_name, note, description, opens, closes, phase } => {
            let bytes = match std::fs::read(&file) {
                Ok(bytes) => bytes,
                Err(error) => {
                    eprintln!("Kan {} niet lezen: {error}", file.display());
                    return 1;
                }
            };
            if new_version {
                let name = file.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
                return import_version(store, &slug, &name, &bytes, version_name.unwrap_or_default(), note).await;
            }
            let today = services::today();
            let opens = opens.unwrap_or_else(|| today.to_string());
            let closes = closes.unwrap_or_else(|| {
                app::domain::consultation::parse_date(&opens).map(|d| (d + time::Duration::weeks(6)).to_string()).unwrap_or_default()
            });
            let form = ConsultationForm { title: title.unwrap_or_default(), slug, description, opens, closes, phase };
            let name = file.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
            match services::create_consultation(store, &form, &name, &bytes, None, None).await {
                Ok(FormOutcome::Done(summary)) => {
                    println!(
                        "Consultatie '{}' aangemaakt: {} secties, {} blokken. Openbaar op /consultaties/{}",
                        summary.slug, summary.sections, summary.blocks, summary.slug
                    );
                    if !summary.left_out.is_empty() {
                        println!("{}", (NL.import_left_out)(&summary.left_out));
                    }
                    0
                }
                Ok(FormOutcome::Invalid(errors)) => {
                    for (field, messages) in errors.0 {
                        for message in messages {
                            eprintln!("{field}: {}", (NL.field_error)(message));
                        }
                    }
                    2
                }
                Err(error) => {
                    eprintln!("Importeren mislukt: {error}");
                    1
                }
            }
        }
        Command::Jobs => run_jobs(store).await,
        Command::Backup { file } => backup(store, &file).await,
        Command::User { command: UserCommand::Add { email, name, role, municipality, password } } => {
            add_user(store, &email, &name, &role, municipality.as_deref(), password).await
        }
        Command::User { command: UserCommand::Password { email, password } } => reset_password(store, &email, password).await,
    }
}

/// Reads in a new version of a consultation's document; the audit log names the command line.
async fn import_version(store: &Store, slug: &str, file_name: &str, bytes: &[u8], name: String, note: String) -> i32 {
    let actor = app::backend::store::UserRow {
        id: 0,
        email: String::new(),
        display_name: "inspraak import (opdrachtregel)".into(),
        password_hash: String::new(),
        role: "admin".into(),
        municipality: None,
        council_id: None,
        active: true,
        session_epoch: 0,
    };
    let form = app::domain::versions::VersionForm { name, note };
    match app::backend::versions::import_version(store, &actor, slug, &form, file_name, bytes).await {
        Ok(FormOutcome::Done(done)) => {
            println!(
                "Versie {} van '{}' ingelezen: {} secties, {} blokken. {} Openbaar op /consultaties/{}",
                done.version_no,
                done.slug,
                done.sections,
                done.blocks,
                (NL.versions.to_review_link)(done.to_review),
                done.slug
            );
            if !done.left_out.is_empty() {
                println!("{}", (NL.import_left_out)(&done.left_out));
            }
            0
        }
        Ok(FormOutcome::Invalid(errors)) => {
            for (field, messages) in errors.0 {
                for message in messages {
                    eprintln!("{field}: {}", (NL.field_error)(message));
                }
            }
            2
        }
        Err(app::domain::error::AppError::NotFound) => {
            eprintln!("Er is geen consultatie met de korte naam '{slug}'.");
            2
        }
        Err(error) => {
            eprintln!("Inlezen mislukt: {error}");
            1
        }
    }
}

/// A password from the flag or environment, else the prompt, else a generated one (and whether
/// it was generated, so that it is printed once); `None` after printing why it is refused.
fn choose_password(password: Option<String>) -> Option<(String, bool)> {
    let (password, generated) = match password {
        Some(p) => (p, false),
        None => match rpassword::prompt_password("Wachtwoord: ") {
            Ok(p) if !p.is_empty() => (p, false),
            _ => (services::random_token(9), true),
        },
    };
    if password.chars().count() < 10 {
        eprintln!("password: {}", (NL.field_error)(app::domain::error::FieldError::TooShort { min: 10 }));
        return None;
    }
    Some((password, generated))
}

async fn reset_password(store: &Store, email: &str, password: Option<String>) -> i32 {
    let Some((password, generated)) = choose_password(password) else { return 2 };
    let Ok(hash) = hash_password(&password) else {
        eprintln!("Wachtwoord kon niet worden versleuteld.");
        return 1;
    };
    match store.set_password(email, &hash).await {
        Ok(true) => println!("Wachtwoord van {email} vervangen; alle sessies van dit account zijn beëindigd."),
        Ok(false) => {
            eprintln!("Geen account met e-mailadres {email}.");
            return 2;
        }
        Err(error) => {
            eprintln!("Wachtwoord vervangen mislukt: {error}");
            return 1;
        }
    }
    if generated {
        println!("Gegenereerd wachtwoord: {password}");
    }
    0
}

async fn add_user(store: &Store, email: &str, name: &str, role: &str, municipality: Option<&str>, password: Option<String>) -> i32 {
    if !app::domain::comment::looks_like_email(email) {
        eprintln!("email: {}", (NL.field_error)(app::domain::error::FieldError::InvalidEmail));
        return 2;
    }
    let Some((password, generated)) = choose_password(password) else { return 2 };
    let Ok(hash) = hash_password(&password) else {
        eprintln!("Wachtwoord kon niet worden versleuteld.");
        return 1;
    };
    let role = Role::parse(role).unwrap_or(Role::Officer);
    match store.create_staff(email, name, &hash, role, municipality.map(str::trim).filter(|m| !m.is_empty())).await {
        Ok(_) => println!("Account {email} ({}) aangemaakt.", role.code()),
        Err(app::backend::store::StoreError::Conflict(_)) => match store.set_password(email, &hash).await {
            Ok(true) => println!("Account {email} bestond al: wachtwoord vervangen."),
            _ => {
                eprintln!("Account {email} kon niet worden bijgewerkt.");
                return 1;
            }
        },
        Err(error) => {
            eprintln!("Account aanmaken mislukt: {error}");
            return 1;
        }
    }
    if generated {
        println!("Gegenereerd wachtwoord: {password}");
    }
    0
}

/// `inspraak copy-database --from sqlite://… --to postgres://…`: opens both (the target is
/// migrated, so it has the same schema version), copies, and prints each table's row counts.
pub async fn copy_database(from: &str, to: &str) -> i32 {
    use app::backend::store::Backend;
    use app::backend::store::copy::{CopyError, copy_database};
    match (Backend::of_url(from), Backend::of_url(to)) {
        (Ok(Backend::Sqlite), Ok(Backend::Postgres)) => {}
        _ => {
            eprintln!("copy-database kopieert van SQLite (--from sqlite://…) naar PostgreSQL (--to postgres://…).");
            return 2;
        }
    }
    let source_file = from.trim_start_matches("sqlite://").split('?').next().unwrap_or_default();
    if !std::path::Path::new(source_file).exists() {
        eprintln!("{source_file} bestaat niet.");
        return 1;
    }
    let (source, target) = match (Store::connect(from).await, Store::connect(to).await) {
        (Ok(source), Ok(target)) => (source, target),
        (Err(error), _) => {
            eprintln!("Bron {from} niet bruikbaar: {error}");
            return 1;
        }
        (_, Err(error)) => {
            eprintln!("Doel {to} niet bruikbaar: {error}");
            return 1;
        }
    };
    let started = std::time::Instant::now();
    match copy_database(&source, &target).await {
        Ok(tables) => {
            let mut rows = 0;
            for table in &tables {
                println!("{:<28} {:>9} rijen", table.table, table.target_rows);
                rows += table.target_rows;
            }
            println!(
                "{} tabellen, {rows} rijen gekopieerd in {:.1} s; in elke tabel evenveel rijen als in de bron.",
                tables.len(),
                started.elapsed().as_secs_f64()
            );
            0
        }
        Err(CopyError::TargetNotEmpty(table)) => {
            eprintln!(
                "Het doel is niet leeg ({table} heeft rijen). copy-database schrijft alleen in een lege database; er is niets gekopieerd."
            );
            1
        }
        Err(error) => {
            eprintln!("Kopiëren mislukt, er is niets gekopieerd: {error}");
            1
        }
    }
}

/// `inspraak backup FILE`: one moment's copy of the live database, never over an existing file.
async fn backup(store: &Store, file: &std::path::Path) -> i32 {
    if store.backend() == app::backend::store::Backend::Postgres {
        eprintln!("Van een PostgreSQL-database maakt u een back-up met pg_dump (zie 'Backup (PostgreSQL)' in de README).");
        return 2;
    }
    if file.exists() {
        eprintln!("{} bestaat al. Een back-up overschrijft niets: kies een nieuwe bestandsnaam.", file.display());
        return 1;
    }
    let started = std::time::Instant::now();
    match store.backup_to(file).await {
        Ok(()) => {
            let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
            println!(
                "Back-up geschreven naar {} ({:.1} MB) in {:.1} s",
                file.display(),
                size as f64 / 1_048_576.0,
                started.elapsed().as_secs_f64()
            );
            0
        }
        Err(error) => {
            eprintln!("Back-up mislukt: {error}");
            1
        }
    }
}

/// `inspraak jobs`: the retention sweep and one outbox round, each with what it did and how long
/// it took.
async fn run_jobs(store: &Store) -> i32 {
    use app::backend::mail::{MailSettings, Mailer, apply_retention, deliver_due};
    let mailer = Mailer::new(&MailSettings::from_env());
    let started = std::time::Instant::now();
    match apply_retention(store, mailer.retention_days, services::today()).await {
        Ok(erased) => println!("Bewaartermijn: {erased} e-mailadressen gewist in {:.1} ms", started.elapsed().as_secs_f64() * 1000.0),
        Err(error) => {
            eprintln!("Bewaartermijn mislukt: {error}");
            return 1;
        }
    }
    if !mailer.configured() {
        println!("Geen INSPRAAK_SMTP_URL: de post blijft in de wachtrij.");
        return 0;
    }
    let started = std::time::Instant::now();
    match deliver_due(store, &mailer, app::backend::store::now()).await {
        Ok(delivery) => {
            println!(
                "Post: {} verzonden, {} later opnieuw, {} mislukt in {:.1} ms",
                delivery.sent,
                delivery.retried,
                delivery.failed,
                started.elapsed().as_secs_f64() * 1000.0
            );
            0
        }
        Err(error) => {
            eprintln!("Post versturen mislukt: {error}");
            1
        }
    }
}
