//! The public overview "wat is er met de reacties gedaan" against a real database: counts and
//! statuses per section, one answer given to several reactions shown once with their number, a
//! link to the paragraph where the answer says it was processed, and nothing private.

mod common;

use app::api::{OutcomeView, Receipt};
use app::domain::comment::CommentForm;
use app::domain::error::FormOutcome;
use app::domain::status::ProcessingStatus;
use axum::http::StatusCode;
use common::*;

async fn submit(app: &TestApp, form: CommentForm) {
    let response = app.client_from([203, 0, 113, 50]).submit(&form).await;
    assert!(matches!(response.json::<FormOutcome<Receipt>>(), FormOutcome::Done(_)), "{}", response.body);
}

#[tokio::test]
async fn the_overview_counts_per_section_and_shows_each_answer_once_with_where_it_changed_the_document() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let consent = Some("on".to_string());
    submit(
        &app,
        CommentForm {
            name: "Henk Verborgen".into(),
            email: "henk@example.org".into(),
            consent,
            ..comment("visie", "h2-1", "Meer preventie in de wijk.")
        },
    )
    .await;
    submit(&app, comment("visie", "h2-1", "Preventie moet eerder beginnen.")).await;
    submit(&app, comment("visie", "h2-1", "Nog geen antwoord hierop.")).await;
    submit(&app, comment("visie", "h2-1", "GEHEIM over mijn buren.")).await;
    let mut officer = app.officer().await;
    let answer = "We voegen een **preventieparagraaf** toe.";
    for body in ["Meer preventie in de wijk.", "Preventie moet eerder beginnen."] {
        publish_answer(&app, &mut officer, app.comment_id("visie", body).await, answer, "verwerkt", "Toegevoegd aan 1, alinea 2").await;
    }
    let hidden = app.comment_id("visie", "GEHEIM over mijn buren.").await;
    let hide = fields(&[("form[comment]", &hidden.to_string()), ("form[hide]", "ja"), ("form[reason]", "Gaat over derden.")]);
    assert_eq!(officer.call("/api/zichtbaarheid", &hide).await.status, StatusCode::OK);

    let mut resident = app.client();
    let view: OutcomeView = resident.call("/api/resultaat", &fields(&[("slug", "visie")])).await.json();
    let preventie = view.outcome.sections.iter().find(|s| s.anchor == "h2").expect("the section with reactions");
    assert_eq!(preventie.reactions, 4);
    assert_eq!(preventie.unanswered, 2);
    assert_eq!(preventie.by_status, [(ProcessingStatus::Processed, 2)]);
    assert_eq!(preventie.answers.len(), 1, "one answer to two reactions is shown once");
    assert_eq!(preventie.answers[0].reactions, 2);
    assert_eq!(preventie.answers[0].changed_at, Some(("h1-2".to_string(), "1, alinea 2".to_string())));

    let page = resident.get("/consultaties/visie/resultaat").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    assert!(html.contains("Wat is er gedaan met de reacties op Visie op de wijk 2027?"));
    assert!(html.contains("antwoord op 2 reacties"));
    assert!(html.contains("<strong>preventieparagraaf</strong>"));
    assert!(html.contains(r#"href="/consultaties/visie#h1-2""#), "a link to the changed paragraph");
    assert!(html.contains("2 nog niet beantwoord"));
    assert!(html.contains(r#"id="verloop-titel""#), "the timeline");
    for private in ["Henk Verborgen", "henk@example.org", "GEHEIM"] {
        assert!(!html.contains(private), "{private} on the public overview");
    }
    let document = resident.get("/consultaties/visie").await;
    assert!(document.body.contains(r#"href="/consultaties/visie/resultaat""#), "linked from the document page");
    assert_eq!(resident.get("/consultaties/bestaat-niet/resultaat").await.status, StatusCode::NOT_FOUND);
}
