//! A deployment's own wording (`INSPRAAK_TEXTS`) in a real `inspraak serve`: one Fluent term
//! changes "college" into "dagelijks bestuur" in every sentence, in both languages, and the page
//! hands the wording to the browser's islands; a file the server cannot use stops it at start, with
//! the message and the line.

mod common;

use common::*;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_inspraak");

/// The server process, stopped when the test ends however it ends.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn inspraak(database_url: &str, texts: &Path) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(["serve", "--demo"])
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_OUTPUT_NAME", "inspraak")
        .env("INSPRAAK_TEXTS", texts)
        .env("RUST_LOG", "warn");
    command
}

/// A page as a browser without JavaScript gets it, in the language of the `taal` cookie.
fn get(address: &str, path: &str, language: &str) -> String {
    let mut stream = std::net::TcpStream::connect(address).expect("connects");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\nCookie: taal={language}\r\n\r\n").expect("sends");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads");
    assert!(
        response.starts_with("HTTP/1.0 200") || response.starts_with("HTTP/1.1 200"),
        "{path}: {}",
        &response[..80.min(response.len())]
    );
    response
}

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
    std::fs::write(path, text).expect("written");
}

#[tokio::test]
async fn a_region_says_dagelijks_bestuur_where_a_municipality_says_college() {
    let dir = tempfile::tempdir().expect("dir");
    let texts = dir.path().join("texts");
    write(
        &texts,
        "nl/regio.ftl",
        "# De regio Lindeburg\n-college = dagelijks bestuur\nsite-tagline = Reageer op het beleid van de regio\n",
    );
    write(&texts, "en/region.ftl", "-college = regional board\n");
    let database_url = fresh_database_url(dir.path()).await;
    let mut child = inspraak(&database_url, &texts).stdout(Stdio::piped()).spawn().expect("the server starts");
    let address = listening_address(&mut child);
    let _server = Process(child);

    let outcome = format!("/consultaties/{}/resultaat", app::backend::demo::DEMO_SLUG);
    let dutch = get(&address, &outcome, "nl");
    assert!(dutch.contains("welk antwoord het dagelijks bestuur gaf"), "the term is used in the sentence");
    assert!(!dutch.contains("welk antwoord het college gaf"));
    assert!(dutch.contains("Reageer op het beleid van de regio"), "a single message replaced");
    // The islands in the browser get the same wording (HTML-escaped in the attribute).
    assert!(dutch.contains(r#"<meta name="inspraak-texts" content=""#), "the page carries the wording for the islands");
    assert!(dutch.contains("-college = dagelijks bestuur"));

    let english = get(&address, &outcome, "en");
    assert!(english.contains("how the regional board answered"), "English has its own override");
    assert!(english.contains("Comment on draft policy and follow what is done with it"), "messages not overridden stay as they were");
    assert!(!english.contains("dagelijks bestuur"), "the Dutch wording stays out of the English page");
}

#[tokio::test]
async fn wording_the_server_cannot_use_stops_it_with_the_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let database_url = fresh_database_url(dir.path()).await;
    let cases = [
        ("nl/typo.ftl", "site-tagine = Reageer op de regio\n", "'site-tagine'"),
        ("en/placeholder.ftl", "count-comments = { $count } comments\n", "$count"),
        ("nl/syntax.ftl", "site-name = Inspraak\nhome-title = {\n", "near line 2"),
    ];
    for (file, text, reason) in cases {
        let texts = dir.path().join(file.replace('/', "-"));
        write(&texts, file, text);
        let output = inspraak(&database_url, &texts).output().expect("runs");
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{file}: refused ({said})");
        assert!(said.contains("INSPRAAK_TEXTS") && said.contains(reason), "{file}: {said}");
    }
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).expect("folder");
    let output = inspraak(&database_url, &empty).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nl/ of en/"));
}
