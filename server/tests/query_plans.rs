//! Issue 19: a page costs what its own consultation holds. Every statement that the pages, the
//! downloads, the open data, the tracking page and the background jobs (mail sender, retention,
//! adoption, erasure) run is explained by SQLite, and no plan may walk a whole table that grows
//! with the other consultations. The authorization matrix (authorization.rs) runs the same check
//! over every server function, page and route as every kind of user.

mod common;

use app::api::Receipt;
use app::backend::demo::{DEMO_SLUG, DemoLogin};
use app::domain::comment::CommentForm;
use app::domain::error::FormOutcome;
use axum::http::StatusCode;
use common::plans::{aliases, scanned};
use common::sink::{MailSink, link_path};
use common::*;

#[test]
fn aliases_and_scans_are_read_from_statements_and_plans() {
    let pairs = aliases("SELECT m.id FROM comments m LEFT JOIN answer_revisions AS a ON a.comment_id = m.id JOIN blocks ON 1 WHERE 1");
    assert!(pairs.contains(&("m".into(), "comments".into())));
    assert!(pairs.contains(&("a".into(), "answer_revisions".into())));
    assert!(pairs.contains(&("blocks".into(), "blocks".into())));
    assert!(!pairs.iter().any(|(alias, _)| alias == "on"));
    assert_eq!(scanned("SCAN m USING COVERING INDEX comments_by_consultation"), Some("m"));
    assert_eq!(scanned("SCAN comments"), Some("comments"));
    assert_eq!(scanned("SCAN CONSTANT ROW"), None);
    assert_eq!(scanned("SEARCH m USING INDEX comments_by_consultation (consultation_id=?)"), None);
}

#[tokio::test]
async fn a_full_scan_is_found_where_there_is_one() {
    if sqlite_only("SQLite's EXPLAIN QUERY PLAN") {
        return;
    }
    // The check must be able to fail: a lookup on a column without an index is a scan.
    let app = TestApp::new().await;
    let statements: Vec<String> = [
        "SELECT id FROM comments WHERE body = $1",
        "SELECT id FROM comments WHERE id = $1",
        // A LIMIT bounds a scan in the asked order only when nothing is filtered out.
        "SELECT id FROM erasures ORDER BY id DESC LIMIT $1",
        "SELECT id FROM erasures WHERE reason = $1 ORDER BY id DESC LIMIT $2",
        // An insert that reads is checked for what it reads.
        "INSERT INTO audit_events (consultation_id, actor_id, actor_name, at, field) SELECT consultation_id, 1, 'x', 'y', 'z' FROM comments WHERE body = $1",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let problems = plans::full_scans(&app.store, &statements).await;
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].contains("SCAN comments") && problems[0].contains("body = $1"), "{problems:?}");
    assert!(problems[1].contains("SCAN erasures") && problems[1].contains("reason"), "{problems:?}");
    assert!(problems[2].contains("INSERT INTO audit_events"), "{problems:?}");
}

const ADDRESS: &str = "inspreker@voorbeeld.nl";

async fn submit(app: &TestApp, slug: &str, block: &str, body: &str) -> Receipt {
    let form =
        CommentForm { name: "Jan Inspreker".into(), email: ADDRESS.into(), consent: Some("on".into()), ..comment(slug, block, body) };
    let response = app.client_from([203, 0, 113, 70]).submit(&form).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    saved(response.json::<FormOutcome<Receipt>>())
}

#[tokio::test]
async fn pages_downloads_and_jobs_of_one_consultation_do_not_scan_the_others() {
    if sqlite_only("SQLite's EXPLAIN QUERY PLAN") {
        return;
    }
    let queries = plans::capture();
    let sink = MailSink::start();
    let app = TestApp::with_mail(&sink.url(), generous()).await;
    let demo_admin = ("demo@lindeburg.example", OFFICER_PASSWORD);
    let login = DemoLogin { email: demo_admin.0.into(), password: demo_admin.1.into() };
    assert!(app::backend::demo::seed(&app.store, login).await.expect("demo loads"));
    app.seed_open("visie").await;

    // Residents on both consultations, with an address (receipt, confirmation, the answer mail).
    let receipt = submit(&app, DEMO_SLUG, "h2-a-1", "Het spreekuur moet ook op zaterdag.").await;
    submit(&app, "visie", "h1-1", "Het wijkteam moet bereikbaar blijven.").await;
    app.deliver().await;
    let confirm = sink.messages_to(ADDRESS);
    let token = confirm
        .iter()
        .find_map(|mail| link_path(&mail.body, "/bevestigen/"))
        .expect("a confirmation link")
        .trim_start_matches("/bevestigen/")
        .to_string();
    let mut resident = app.client_from([203, 0, 113, 71]);
    let followed = resident.call("/api/maillink", &fields(&[("purpose", "bevestigen"), ("token", &token)])).await;
    assert_eq!(followed.status, StatusCode::OK, "{}", followed.body);

    // The officer answers, a reviewer approves, the college adopts: the answer mail is queued.
    let mut officer = app.client_from([192, 0, 2, 210]);
    assert_eq!(officer.login(demo_admin.0, demo_admin.1).await.status, StatusCode::OK);
    let id = app.comment_id(DEMO_SLUG, "Het spreekuur moet ook op zaterdag.").await;
    publish_answer(&app, &mut officer, id, "Het spreekuur komt ook op zaterdag.", "verwerkt", "2, alinea 1").await;
    let id = app.comment_id("visie", "Het wijkteam moet bereikbaar blijven.").await;
    publish_answer(&app, &mut officer, id, "Het wijkteam blijft in de wijk.", "verwerkt", "1, alinea 2").await;
    let today = app::backend::services::today().to_string();
    let adopted = app.admin().await.call("/api/vaststelling", &fields(&[("form[slug]", "visie"), ("form[adopted_on]", &today)])).await;
    assert!(matches!(adopted.json::<FormOutcome<app::api::Adopted>>(), FormOutcome::Done(_)), "{}", adopted.body);
    app.deliver().await;
    assert!(sink.messages_to(ADDRESS).len() >= 3, "receipt(s), confirmation and the answer were sent");

    // Every page and download of the consultation, for a resident and for staff.
    let councils = app.store.list_councils().await.unwrap();
    let council = &councils.first().expect("the demo has councils").slug;
    let s = DEMO_SLUG;
    let public = [
        "/".to_string(),
        format!("/consultaties/{s}"),
        format!("/consultaties/{s}?blok=h2-a-1"),
        format!("/consultaties/{s}/reactienota"),
        format!("/consultaties/{s}/resultaat"),
        format!("/consultaties/{s}/adviezen"),
        format!("/consultaties/{s}/adviezen/{council}"),
        format!("/consultaties/{s}/adviezen/{council}/collegereactie.md"),
        format!("/consultaties/{s}/adviezen/{council}/collegereactie.docx"),
        format!("/consultaties/{s}/reactienota.html"),
        format!("/consultaties/{s}/reactienota.md"),
        format!("/consultaties/{s}/reactienota.docx"),
        format!("/consultaties/{s}/reactienota.xlsx"),
        format!("/consultaties/{s}/reactienota.csv"),
        format!("/consultaties/{s}/dossier.zip"),
        "/api/v1/consultaties".to_string(),
        format!("/api/v1/consultaties/{s}"),
        format!("/api/v1/consultaties/{s}/reacties"),
        format!("/api/v1/consultaties/{s}/adviezen"),
        format!("/volg/{}", receipt.code),
        format!("/consultaties/{s}/versies/1"),
        format!("/consultaties/{s}/versies/2/wijzigingen"),
    ];
    let staff = [
        "/beheer".to_string(),
        format!("/beheer/consultaties/{s}"),
        format!("/beheer/consultaties/{s}/reacties"),
        format!("/beheer/consultaties/{s}/reacties?q=zaterdag&status=verwerkt&afzender=inwoner&tijdig=op_tijd&volgorde=document"),
        format!("/beheer/consultaties/{s}/groepen"),
        format!("/beheer/consultaties/{s}/logboek"),
        format!("/beheer/consultaties/{s}/na-te-kijken"),
        format!("/beheer/consultaties/{s}/adviezen/{council}"),
        format!("/beheer/consultaties/{s}/reactienota.docx?verborgen=ja"),
        "/beheer/post".to_string(),
    ];
    let mut anonymous = app.client_from([203, 0, 113, 72]);
    for path in &public {
        let response = anonymous.get(path).await;
        assert!(response.status.is_success(), "{path}: {}", response.status);
    }
    for path in public.iter().chain(&staff) {
        let response = officer.get(path).await;
        assert!(
            response.status.is_success() || response.status.is_redirection() || response.status == StatusCode::NOT_FOUND,
            "{path}: {}",
            response.status
        );
    }
    let lookup = anonymous.call("/api/volg", &fields(&[("code", &receipt.code)])).await;
    assert_eq!(lookup.status, StatusCode::OK, "{}", lookup.body);
    let lost = anonymous.call("/api/volgcodes", &fields(&[("email", ADDRESS)])).await;
    assert_eq!(lost.status, StatusCode::OK, "{}", lost.body);

    // The background jobs: the sender, retention, and a resident's erasure.
    app.deliver().await;
    app::backend::mail::apply_retention(&app.store, 365, app::backend::services::today()).await.expect("retention");
    let erase = resident.call("/api/wissen", &fields(&[("code", &receipt.code), ("confirm", "on")])).await;
    assert_eq!(erase.status, StatusCode::OK, "{}", erase.body);
    app.deliver().await;

    plans::assert_no_full_scans(&app.store, &queries, 80).await;
}
