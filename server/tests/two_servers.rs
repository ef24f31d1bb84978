//! Two `inspraak serve` processes on one PostgreSQL database behind Debian's nginx (round robin,
//! a configuration of its own on loopback ports), as a municipality that outgrew one machine runs
//! them. Runs in the PostgreSQL pass of scripts/test.

mod common;

use app::api::Adopted;
use app::domain::error::{FieldError, FormOutcome};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use common::sink::MailSink;
use common::*;
use http_body_util::BodyExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BIN: &str = env!("CARGO_BIN_EXE_inspraak");

/// A child process, stopped when the test ends however it ends: first asked (SIGTERM, so that
/// nginx takes its workers along, which would otherwise keep the test's output open), then killed.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.0.id().to_string()]).status();
        let asked = Instant::now();
        while asked.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `inspraak serve` on a free loopback port; returns the process and its address.
fn serve(database_url: &str, site_root: &Path, smtp_url: &str) -> (Process, String) {
    let mut child = Command::new(BIN)
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_SITE_ROOT", site_root)
        .env("LEPTOS_OUTPUT_NAME", "inspraak")
        .env("INSPRAAK_PUBLIC_URL", "http://localhost")
        .env("INSPRAAK_INSECURE_COOKIES", "1")
        .env("INSPRAAK_SMTP_URL", smtp_url)
        .env("INSPRAAK_RATE_COMMENTS", "100000")
        .env("INSPRAAK_RATE_LOGINS", "100000")
        .env("INSPRAAK_RATE_LOOKUPS", "100000")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let address = listening_address(&mut child);
    (Process(child), address)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("its address").port()
}

fn nginx_binary() -> PathBuf {
    ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .expect("Debian's nginx is installed (.ci/run installs it)")
}

/// nginx in front of `upstreams`, round robin, with everything it writes in `dir`.
fn nginx(dir: &Path, upstreams: &[&str]) -> (Process, String) {
    let port = free_port();
    let servers: String = upstreams.iter().map(|a| format!("        server {a} max_fails=1 fail_timeout=10s;\n")).collect();
    let d = dir.display();
    let config = format!(
        "worker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\nevents {{ worker_connections 1024; }}\n\
         http {{\n    access_log off;\n    client_body_temp_path {d}/body;\n    proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n    uwsgi_temp_path {d}/uwsgi;\n    scgi_temp_path {d}/scgi;\n\
         client_body_buffer_size 1m;\n    proxy_max_temp_file_size 0;\n\
         upstream inspraak {{\n{servers}        keepalive 16;\n    }}\n\
         server {{\n        listen 127.0.0.1:{port};\n        location / {{\n            proxy_pass http://inspraak;\n\
         proxy_http_version 1.1;\n            proxy_set_header Connection \"\";\n            proxy_set_header Host $http_host;\n\
         proxy_next_upstream error timeout;\n        }}\n    }}\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), config).expect("nginx.conf written");
    let child = Command::new(nginx_binary())
        .args(["-p", &dir.display().to_string(), "-c", &dir.join("nginx.conf").display().to_string(), "-g", "daemon off;"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nginx starts");
    let address = format!("127.0.0.1:{port}");
    let started = Instant::now();
    while std::net::TcpStream::connect(&address).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx listens: {}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (Process(child), address)
}

/// A router that sends every request over a real TCP connection to `address` (HTTP/1.0, one
/// request a connection), so that the test's browsers talk to real servers.
fn remote(address: String) -> Router {
    Router::new().fallback(move |request: Request<Body>| {
        let address = address.clone();
        async move { forward(&address, request).await }
    })
}

async fn forward(address: &str, request: Request<Body>) -> Response<Body> {
    let (parts, body) = request.into_parts();
    let body = body.collect().await.expect("request body").to_bytes();
    let mut head = format!("{} {} HTTP/1.0\r\n", parts.method, parts.uri);
    for (name, value) in &parts.headers {
        head.push_str(&format!("{name}: {}\r\n", value.to_str().expect("ASCII header")));
    }
    head.push_str(&format!("Content-Length: {}\r\nConnection: close\r\n\r\n", body.len()));
    let mut stream = tokio::net::TcpStream::connect(address).await.expect("connects");
    stream.write_all(head.as_bytes()).await.expect("request sent");
    stream.write_all(&body).await.expect("body sent");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("response read");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).expect("a status line");
    let mut response = Response::builder().status(status);
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            response = response.header(name.trim(), value.trim());
        }
    }
    response.body(Body::from(raw[split + 4..].to_vec())).expect("a response")
}

fn signed_in(response: &TestResponse) -> bool {
    response.status == StatusCode::OK
}

#[tokio::test]
async fn two_servers_behind_nginx_share_logins_pages_mail_and_writes() {
    if !on_postgres() {
        eprintln!("on PostgreSQL only: two servers share a PostgreSQL database");
        return;
    }
    let sink = MailSink::start();
    // The database, seeded through the app in this process; the servers are real processes.
    let app = TestApp::with_mail(&sink.url(), generous()).await;
    app.seed_open("visie").await;
    let mut in_process = app.officer().await;
    let site = app.dir.path().join("site");
    let (_a, a) = serve(&app.url, &site, &sink.url());
    let (_b, b) = serve(&app.url, &site, &sink.url());
    let proxy_dir = tempfile::tempdir().expect("nginx dir");
    let (_nginx, front) = nginx(proxy_dir.path(), &[&a, &b]);

    // A staff login made through one server works through the other, and through nginx,
    // whichever server answers.
    let mut officer = Client::over(remote(a.clone()));
    let login = officer.login(OFFICER_EMAIL, OFFICER_PASSWORD).await;
    assert_eq!(login.status, StatusCode::OK, "{}", login.body);
    let mut on_b = Client::over(remote(b.clone()));
    on_b.cookies = officer.cookies.clone();
    assert!(signed_in(&on_b.call("/api/beheer-consultaties", &[]).await), "the session made on A works on B");
    let mut through = Client::over(remote(front.clone()));
    through.cookies = officer.cookies.clone();
    for _ in 0..4 {
        assert!(signed_in(&through.call("/api/beheer-consultaties", &[]).await), "signed in through nginx");
    }
    let mut stranger = Client::over(remote(front.clone()));
    assert!(!signed_in(&stranger.call("/api/beheer-consultaties", &[]).await), "the check can fail");

    // A comment sent through A shows on B's page at once, also when B had the page cached.
    let mut reader_b = Client::over(remote(b.clone()));
    reader_b.get("/consultaties/visie").await;
    let cached = reader_b.get("/consultaties/visie").await;
    assert_eq!(cached.header("x-inspraak-cache"), Some("hit"), "B serves the page from its cache");
    assert!(!cached.body.contains("1 reactie"));
    let mut resident_a = Client::over(remote(a.clone()));
    let sent = resident_a.submit(&comment("visie", "h1-1", "Via server A.")).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let after = reader_b.get("/consultaties/visie").await;
    assert!(after.body.contains("1 reactie"), "B shows the comment sent through A at once");

    // Every queued mail goes out exactly once, though both servers send from the same outbox.
    let mut residents = Client::over(remote(front.clone()));
    let addresses: Vec<String> = (0..12).map(|i| format!("inspreker{i}@voorbeeld.nl")).collect();
    for (i, address) in addresses.iter().enumerate() {
        let form = app::domain::comment::CommentForm {
            name: format!("Inspreker {i}"),
            email: address.clone(),
            consent: Some("on".into()),
            ..comment("visie", "h1-1", &format!("Reactie met bevestiging {i}."))
        };
        let response = residents.submit(&form).await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    }
    let started = Instant::now();
    while addresses.iter().any(|a| sink.messages_to(a).is_empty()) {
        assert!(started.elapsed() < Duration::from_secs(60), "every confirmation arrives");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Both servers have had a round or two more to send a message twice.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for address in &addresses {
        assert_eq!(sink.messages_to(address).len(), 1, "{address} gets one message");
    }

    // The college's adoption recorded through A while comments on the same consultation arrive
    // through B: whichever comes first, nothing acknowledged is lost.
    app.seed_open("vaststelling").await;
    let sent = Client::over(remote(a.clone())).submit(&comment("vaststelling", "h1-1", "Meer bankjes.")).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let answered = app.comment_id("vaststelling", "Meer bankjes.").await;
    publish_answer(&app, &mut in_process, answered, "Er komen bankjes bij.", "verwerkt", "1, alinea 1").await;
    let mut admin = app.admin().await;
    let mut admin_a = Client::over(remote(a.clone()));
    admin_a.cookies = std::mem::take(&mut admin.cookies);
    let before = count(&app.store, "SELECT COUNT(*) FROM comments").await;
    let arriving = tokio::spawn({
        let b = b.clone();
        async move {
            let mut resident = Client::over(remote(b));
            let mut acknowledged = 0;
            for i in 0..40 {
                let response = resident.submit(&comment("vaststelling", "h2-1", &format!("Tijdens de vaststelling {i}."))).await;
                assert_eq!(response.status, StatusCode::OK, "{}", response.body);
                acknowledged += 1;
            }
            acknowledged
        }
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    let today = app::backend::services::today().to_string();
    let adopted = admin_a.call("/api/vaststelling", &fields(&[("form[slug]", "vaststelling"), ("form[adopted_on]", &today)])).await;
    assert_eq!(adopted.status, StatusCode::OK, "{}", adopted.body);
    let adoptions = match adopted.json::<FormOutcome<Adopted>>() {
        // Before the first new comment: the one approved answer is adopted.
        FormOutcome::Done(done) => {
            assert_eq!(done.answers, 1);
            1
        }
        // After it: refused, with the unanswered comments counted.
        FormOutcome::Invalid(errors) => {
            assert!(matches!(errors.get("adopted_on"), [FieldError::AnswersNotApproved { .. }]), "{errors:?}");
            0
        }
    };
    let acknowledged = arriving.await.expect("comments sent");
    assert_eq!(count(&app.store, "SELECT COUNT(*) FROM comments").await, before + acknowledged, "every acknowledged comment is stored");
    assert_eq!(count(&app.store, "SELECT COUNT(*) FROM answer_adoptions").await, adoptions);
}
