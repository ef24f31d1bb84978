//! The operator's commands, run as the real `inspraak` binary on a real SQLite file, also while a
//! server process uses the same database.

mod common;

use app::backend::store::Store;
use common::listening_address;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_inspraak");

fn inspraak(database: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", database_url(database))
        .env_remove("INSPRAAK_PASSWORD")
        .env("RUST_LOG", "warn")
        .output()
        .expect("the inspraak binary runs")
}

fn database_url(database: &Path) -> String {
    format!("sqlite://{}", database.display())
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> String {
    common::fixture(name).display().to_string()
}

/// `inspraak serve` on a free port, its standard output piped.
fn server_command(database: &Path, site_root: &Path) -> Command {
    let mut command = Command::new(BIN);
    command
        .arg("serve")
        .env("DATABASE_URL", database_url(database))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_SITE_ROOT", site_root)
        .env("LEPTOS_OUTPUT_NAME", "inspraak")
        // Production mode refuses to start without the address for links in mail.
        .env("INSPRAAK_PUBLIC_URL", "http://inspraak.test")
        .stdout(Stdio::piped());
    command
}

/// A server process on a free port; killed when dropped.
struct ServerProcess {
    child: Child,
    address: String,
}

impl ServerProcess {
    fn start(database: &Path, site_root: &Path) -> Self {
        let mut child = server_command(database, site_root).env("RUST_LOG", "warn").spawn().expect("the server starts");
        let address = listening_address(&mut child);
        ServerProcess { child, address }
    }

    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connects");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n", self.address).expect("request sent");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("response read");
        let status = response.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        (status, response)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn user_add_creates_an_officer_with_a_hashed_password() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inspraak.db");
    let output =
        inspraak(&db, &["user", "add", "--email", "ahmed@gemeente.example", "--name", "Ahmed Bakker", "--password", "een-lang-wachtwoord"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("aangemaakt"));

    let store = Store::connect(&database_url(&db)).await.unwrap();
    let user = store.user_by_email("ahmed@gemeente.example").await.unwrap().expect("the user exists");
    assert_eq!(user.display_name, "Ahmed Bakker");
    assert!(user.password_hash.starts_with("$argon2"), "argon2 hash");
    assert!(!user.password_hash.contains("een-lang-wachtwoord"));

    // A second call replaces the password, it does not create a second account.
    let again =
        inspraak(&db, &["user", "add", "--email", "ahmed@gemeente.example", "--name", "Ahmed Bakker", "--password", "nog-een-wachtwoord"]);
    assert!(again.status.success());
    assert!(text(&again.stdout).contains("wachtwoord vervangen"));
    assert_eq!(store.count_users().await.unwrap(), 1);
}

#[test]
fn user_add_refuses_a_short_password_and_a_bad_address() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inspraak.db");
    let short = inspraak(&db, &["user", "add", "--email", "a@b.example", "--name", "A", "--password", "kort"]);
    assert_eq!(short.status.code(), Some(2));
    assert!(text(&short.stderr).contains("password"));
    let bad = inspraak(&db, &["user", "add", "--email", "geen-adres", "--name", "A", "--password", "lang-genoeg-wachtwoord"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("email"));
}

#[test]
fn import_reads_both_fixtures_and_refuses_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inspraak.db");
    let md = inspraak(
        &db,
        &[
            "import",
            &fixture("regiovisie-hollands-midden-2019-2023.md"),
            "--slug",
            "regiovisie",
            "--title",
            "Regiovisie Hollands Midden",
            "--opens",
            "2026-11-01",
            "--closes",
            "2026-12-15",
        ],
    );
    assert!(md.status.success(), "{}", text(&md.stderr));
    assert!(text(&md.stdout).contains("46 secties, 248 blokken"), "{}", text(&md.stdout));

    let txt =
        inspraak(&db, &["import", &fixture("regiovisie-hollands-midden-2019-2023.txt"), "--slug", "regiovisie-tekst", "--title", "Tekst"]);
    assert!(txt.status.success(), "{}", text(&txt.stderr));
    assert!(text(&txt.stdout).contains("46 secties"), "{}", text(&txt.stdout));

    let taken =
        inspraak(&db, &["import", &fixture("regiovisie-hollands-midden-2019-2023.md"), "--slug", "regiovisie", "--title", "Nog eens"]);
    assert_eq!(taken.status.code(), Some(2));
    assert!(text(&taken.stderr).contains("slug"), "{}", text(&taken.stderr));

    let empty = dir.path().join("leeg.md");
    std::fs::write(&empty, "").unwrap();
    let refused = inspraak(&db, &["import", &empty.display().to_string(), "--slug", "leeg", "--title", "Leeg"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("leeg"), "{}", text(&refused.stderr));

    let closes_first = inspraak(
        &db,
        &[
            "import",
            &fixture("regiovisie-hollands-midden-2019-2023.md"),
            "--slug",
            "omgekeerd",
            "--title",
            "T",
            "--opens",
            "2026-12-01",
            "--closes",
            "2026-11-01",
        ],
    );
    assert_eq!(closes_first.status.code(), Some(2));
}

#[test]
fn import_works_while_the_server_runs_on_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inspraak.db");
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let server = ServerProcess::start(&db, &site);
    assert_eq!(server.get("/consultaties/regiovisie").0, 404);

    let output =
        inspraak(&db, &["import", &fixture("regiovisie-hollands-midden-2019-2023.md"), "--slug", "regiovisie", "--title", "Regiovisie"]);
    assert!(output.status.success(), "{}", text(&output.stderr));

    let (status, page) = server.get("/consultaties/regiovisie");
    assert_eq!(status, 200);
    assert!(page.contains("Regiovisie"));
    assert!(page.contains("id=\"h5-a\""), "the lettered section 5.a has its anchor");
    let (home_status, home) = server.get("/");
    assert_eq!(home_status, 200);
    assert!(home.contains("href=\"/consultaties/regiovisie\""));
}

#[test]
fn backup_copies_the_live_database_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inspraak.db");
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let imported =
        inspraak(&db, &["import", &fixture("regiovisie-hollands-midden-2019-2023.md"), "--slug", "regiovisie", "--title", "Regiovisie"]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    // The server keeps the database open (and its write-ahead log) while the copy is made.
    let server = ServerProcess::start(&db, &site);
    assert_eq!(server.get("/consultaties/regiovisie").0, 200);

    let copy = dir.path().join("kopie.db");
    let backup = inspraak(&db, &["backup", &copy.display().to_string()]);
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    assert!(text(&backup.stdout).contains("Back-up geschreven naar"), "{}", text(&backup.stdout));

    // Restored: a server on the copy alone shows the consultation.
    drop(server);
    let restored_dir = tempfile::tempdir().unwrap();
    let restored = restored_dir.path().join("inspraak.db");
    std::fs::copy(&copy, &restored).unwrap();
    let server = ServerProcess::start(&restored, &site);
    let (status, page) = server.get("/consultaties/regiovisie");
    assert_eq!(status, 200);
    assert!(page.contains("id=\"h5-a\""), "the document is in the restored copy");

    // A second backup to the same file is refused, and the first copy is untouched.
    let size = std::fs::metadata(&copy).unwrap().len();
    let again = inspraak(&db, &["backup", &copy.display().to_string()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("bestaat al"), "{}", text(&again.stderr));
    assert_eq!(std::fs::metadata(&copy).unwrap().len(), size);
}

/// Sends SIGTERM, as systemd, Docker and Kubernetes do.
fn terminate(child: &Child) {
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill runs");
    assert!(status.success());
}

#[test]
fn the_server_reports_health_logs_json_and_stops_cleanly_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("inspraak.db");
    let site = dir.path().join("site");
    std::fs::create_dir_all(&site).unwrap();
    let mut child = server_command(&db, &site)
        .env("INSPRAAK_LOG_FORMAT", "json")
        .env("RUST_LOG", "info,sqlx=warn")
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    let mut logged = Vec::new();
    let address = loop {
        let line = lines.next().expect("the server logs that it listens").expect("readable output");
        let event: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"));
        logged.push(event.clone());
        if event["message"] == "listening" {
            break event["bound"].as_str().expect("the bound address is a field").to_string();
        }
    };
    assert!(logged.iter().all(|e| e["level"].is_string() && e["timestamp"].is_string()), "{logged:?}");
    let server = ServerProcess { child, address };

    let (status, body) = server.get("/healthz");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#"{"status":"ok"}"#), "{body}");
    assert!(body.to_lowercase().contains("cache-control: no-store"), "{body}");
    let (status, body) = server.get("/readyz");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#"{"status":"ready"}"#), "{body}");

    let mut server = server;
    terminate(&server.child);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let exit = loop {
        if let Some(exit) = server.child.try_wait().expect("the process can be waited for") {
            break exit;
        }
        assert!(std::time::Instant::now() < deadline, "the server did not stop within 20 s of SIGTERM");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(exit.success(), "a clean exit after SIGTERM: {exit:?}");
    let rest: Vec<serde_json::Value> =
        lines.map_while(Result::ok).map(|line| serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))).collect();
    let messages: Vec<&str> = rest.iter().filter_map(|e| e["message"].as_str()).collect();
    for expected in ["stopping: finishing the requests in flight", "mail sender stopped", "stopped"] {
        assert!(messages.contains(&expected), "{expected:?} logged: {messages:?}");
    }
}
