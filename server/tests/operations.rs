//! What operators rely on: health and readiness for the load balancer, and a mail sender that
//! stops without holding on to the outbox.

mod common;

use app::backend::mail::spawn_sender;
use app::domain::mail::{Mail, MailKind};
use axum::http::StatusCode;
use common::{TestApp, on_postgres};
use std::time::Duration;

#[tokio::test]
async fn health_and_readiness_answer_and_readiness_knows_a_missing_migration() {
    let app = TestApp::new().await;
    let mut client = app.client();
    let live = client.get("/healthz").await;
    assert_eq!(live.status, StatusCode::OK);
    assert_eq!(live.json::<serde_json::Value>()["status"], "ok");
    assert_eq!(live.header("cache-control"), Some("no-store"));
    // No session is started for a probe.
    assert!(live.set_cookies().is_empty(), "{:?}", live.set_cookies());
    let ready = client.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.json::<serde_json::Value>()["status"], "ready");

    // A database behind this build (its newest migration not applied) is not ready.
    common::execute(&app.store, "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)").await;
    let behind = client.get("/readyz").await;
    assert_eq!(behind.status, StatusCode::SERVICE_UNAVAILABLE);
    let body = behind.json::<serde_json::Value>();
    assert_eq!(body["reason"], "migrations pending");
    assert_eq!(body["pending"], 1);
    // The process itself is still alive.
    assert_eq!(client.get("/healthz").await.status, StatusCode::OK);

    // A database that is gone is not ready either.
    app.store.close().await;
    let gone = client.get("/readyz").await;
    assert_eq!(gone.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(gone.json::<serde_json::Value>()["reason"], "database unreachable");
}

/// An SMTP server that accepts connections and never says a word: a send to it hangs.
async fn silent_smtp_server() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("smtp://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    (url, task)
}

#[tokio::test]
async fn a_send_broken_off_at_shutdown_gives_its_lease_back() {
    let (url, _server) = silent_smtp_server().await;
    let app = TestApp::with_mail(&url, common::generous()).await;
    let mail = Mail { kind: MailKind::Receipt, subject: "Uw reactie is ontvangen".into(), body: "Dank u.".into() };
    let id = app.store.queue_mail(None, "bewoner@voorbeeld.nl", &mail, None).await.unwrap();
    let due = app.store.outbox_unsent(10).await.unwrap().into_iter().find(|r| r.id == id).unwrap().next_attempt_at;

    let sender = spawn_sender(app.store.clone(), app.state.mailer.clone());
    // The sender takes the message (its lease moves the due time minutes ahead) and hangs on it.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let row = app.store.outbox_unsent(10).await.unwrap().into_iter().find(|r| r.id == id).unwrap();
        if row.next_attempt_at > due {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the sender did not take the message");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let started = std::time::Instant::now();
    sender.stop(Duration::from_millis(300)).await;
    assert!(started.elapsed() < Duration::from_secs(5), "stopping took {:?}", started.elapsed());
    let row = app.store.outbox_unsent(10).await.unwrap().into_iter().find(|r| r.id == id).unwrap();
    assert_eq!(row.status, "wachtend", "still waiting, not failed");
    assert_eq!(row.next_attempt_at, due, "due again at once, for another server");
    assert_eq!(row.attempts, 0, "a broken-off send is not a failed try");
}

#[tokio::test]
async fn an_idle_sender_stops_at_once() {
    let app = TestApp::new().await;
    let sender = spawn_sender(app.store.clone(), app.state.mailer.clone());
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = std::time::Instant::now();
    sender.stop(Duration::from_secs(10)).await;
    assert!(started.elapsed() < Duration::from_secs(1), "stopping an idle sender took {:?}", started.elapsed());
}

const TOKEN: &str = "een-lang-geheim-voor-prometheus";

fn with_token(client: &mut common::Client, uri: &str, token: &str) -> axum::http::Request<axum::body::Body> {
    client
        .builder(axum::http::Method::GET, uri)
        .header(axum::http::header::AUTHORIZATION, format!("Bearer {token}"))
        .body(axum::body::Body::empty())
        .unwrap()
}

/// The value of the first sample line that starts with `prefix`.
fn sample(text: &str, prefix: &str) -> Option<f64> {
    text.lines().find(|l| l.starts_with(prefix)).and_then(|l| l.rsplit(' ').next()).and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_per_route_the_outbox_and_the_pool_behind_a_token() {
    let options = server::ServerOptions { metrics_token: Some(TOKEN.into()), ..server::ServerOptions::new(false) };
    let app = TestApp::build_with(common::generous(), options).await;
    app.seed_consultation("visie", "Visie op mantelzorg", -1, 30).await;
    let mail = Mail { kind: MailKind::Receipt, subject: "Ontvangen".into(), body: "Dank u.".into() };
    app.store.queue_mail(None, "bewoner@voorbeeld.nl", &mail, None).await.unwrap();
    let mut reader = app.client();
    for _ in 0..3 {
        assert_eq!(reader.get("/consultaties/visie").await.status, StatusCode::OK);
    }
    assert_eq!(reader.get("/bestaat-niet/echt-niet").await.status, StatusCode::NOT_FOUND);

    // Without the token, or with another, nothing is told.
    let mut scraper = app.client_from([127, 0, 0, 1]);
    let anonymous = scraper.get("/metrics").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.header("www-authenticate"), Some("Bearer"));
    let request = with_token(&mut scraper, "/metrics", "een-ander-geheim-dat-niet-klopt");
    assert_eq!(scraper.send(request).await.status, StatusCode::UNAUTHORIZED);

    let request = with_token(&mut scraper, "/metrics", TOKEN);
    let scraped = scraper.send(request).await;
    assert_eq!(scraped.status, StatusCode::OK, "{}", scraped.body);
    let text = &scraped.body;
    // The page, by its route (the first render and two from the page cache), not by its address.
    assert_eq!(
        sample(text, r#"inspraak_http_requests_total{route="/consultaties/{slug}",method="GET",status="200"}"#),
        Some(3.0),
        "{text}"
    );
    assert!(!text.contains("bestaat-niet"), "a path no route has is not a label: {text}");
    assert_eq!(sample(text, r#"inspraak_http_requests_total{route="other",method="GET",status="404"}"#), Some(1.0), "{text}");
    assert_eq!(sample(text, r#"inspraak_http_request_duration_seconds_count{route="/consultaties/{slug}"}"#), Some(3.0), "{text}");
    assert_eq!(sample(text, r#"inspraak_outbox_messages{state="waiting"}"#), Some(1.0), "{text}");
    assert_eq!(sample(text, r#"inspraak_outbox_messages{state="failed"}"#), Some(0.0), "{text}");
    // Eight connections to an SQLite file, sixteen to a PostgreSQL server.
    let max = if on_postgres() { 16.0 } else { 8.0 };
    assert_eq!(sample(text, r#"inspraak_db_pool_connections{state="max"}"#), Some(max), "{text}");
    assert!(sample(text, r#"inspraak_db_pool_connections{state="open"}"#).is_some_and(|n| n >= 1.0), "{text}");

    // An app without a token has no /metrics at all.
    let plain = TestApp::new().await;
    assert_eq!(plain.client().get("/metrics").await.status, StatusCode::NOT_FOUND);
}
