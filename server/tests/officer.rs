//! What officers do: read comments, answer them (concept, then final), create consultations from
//! an uploaded draft, and publish the response document (*reactienota*).

mod common;

use app::api::{
    ConsultationItem, ConsultationView, FormEcho, ImportSummary, OfficerCommentView, ReactionListView, Receipt, ReportView, TrackView,
};
use app::domain::comment::CommentForm;
use app::domain::comment::SenderKind;
use app::domain::error::{AppError, FieldError, FormOutcome};
use app::domain::report::SenderLabel;
use app::domain::review::ReviewState;
use app::domain::status::ProcessingStatus;
use app::i18n::NL;
use axum::http::StatusCode;
use common::*;

async fn submit(app: &TestApp, form: CommentForm) -> Receipt {
    let response = app.client_from([203, 0, 113, 20]).submit(&form).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    match response.json::<FormOutcome<Receipt>>() {
        FormOutcome::Done(receipt) => receipt,
        FormOutcome::Invalid(errors) => panic!("comment refused: {errors:?}"),
    }
}

async fn officer_view(officer: &mut Client, slug: &str) -> ReactionListView {
    reaction_list(officer, slug, "").await
}

fn find<'a>(view: &'a ReactionListView, body: &str) -> &'a OfficerCommentView {
    view.items.iter().find(|c| c.body == body).unwrap_or_else(|| panic!("comment {body:?} in the officer view"))
}

#[tokio::test]
async fn officers_see_every_comment_with_the_private_details() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    submit(&app, comment("visie", "h2-1", "Meer aandacht voor preventie.")).await;
    submit(
        &app,
        CommentForm {
            name: "Karin de Vries".into(),
            email: "karin@voorbeeld.nl".into(),
            consent: Some("on".into()),
            ..comment("visie", "h1-1", "Het buurthuis is slecht bereikbaar.")
        },
    )
    .await;
    submit(&app, comment("visie", "", "Waar is de jeugd?")).await;
    let mut officer = app.officer().await;

    let list: Vec<ConsultationItem> = officer.call("/api/beheer-consultaties", &[]).await.json();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].comment_count, list[0].unanswered_count), (3, 3));

    let view = officer_view(&mut officer, "visie").await;
    assert_eq!(view.total, 3);
    // In document order: the whole document first, then chapter 1 before chapter 2, whatever the order of arrival.
    let bodies: Vec<_> = view.items.iter().map(|c| c.body.as_str()).collect();
    assert_eq!(bodies, ["Waar is de jeugd?", "Het buurthuis is slecht bereikbaar.", "Meer aandacht voor preventie."]);
    assert_eq!(view.items[0].place, None);
    let karin = find(&view, "Het buurthuis is slecht bereikbaar.");
    assert_eq!(karin.private_name.as_deref(), Some("Karin de Vries"));
    assert_eq!(karin.private_email.as_deref(), Some("karin@voorbeeld.nl"));
    assert_eq!((karin.sender_kind, karin.organisation.as_deref()), (SenderKind::Resident, None));

    let page = officer.get("/beheer/consultaties/visie/reacties").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("karin@voorbeeld.nl"), "staff see the address");
    assert!(page.body.contains(NL.sender_private));

    let missing = officer.call("/api/beheer-reacties", &fields(&[("slug", "bestaat-niet"), ("query", "")])).await;
    assert_eq!(app_error(&missing), AppError::NotFound);
    assert_eq!(officer.get("/beheer/consultaties/bestaat-niet").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_answer_is_saved_as_concept_then_approved_keeping_its_history() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let receipt = submit(&app, comment("visie", "h1-1", "Kan het spreekuur ook 's avonds?")).await;
    let mut officer = app.officer().await;
    let id = find(&officer_view(&mut officer, "visie").await, "Kan het spreekuur ook 's avonds?").id;

    let first = saved(save_answer(&mut officer, &answer_fields(id, "Wij zoeken dit uit.", "kennisgenomen", "", "concept")).await);
    assert_eq!(first.revisions[0].revision_no, 1);
    assert_eq!(first.revisions[0].state, ReviewState::Draft);
    assert_eq!(first.revisions[0].status, Some(ProcessingStatus::Noted));
    assert_eq!(first.revisions[0].author, OFFICER_NAME);

    // The concept is not public yet.
    let tracked: TrackView = app.client().call("/api/volg", &fields(&[("code", &receipt.code)])).await.json();
    assert_eq!(tracked.answer, None);

    let second = saved(
        save_answer(
            &mut officer,
            &answer_fields_from(
                id,
                "Er komt **één avondspreekuur** per week.",
                "verwerkt",
                "Hoofdstuk 1, alinea 1",
                "ter_beoordeling",
                Some(1),
            ),
        )
        .await,
    );
    assert_eq!(second.revisions[0].revision_no, 2);
    assert_eq!(second.revisions[0].state, ReviewState::ForReview);
    let tracked: TrackView = app.client().call("/api/volg", &fields(&[("code", &receipt.code)])).await.json();
    assert_eq!(tracked.answer, None, "not public while under review");
    let mut reviewer = app.reviewer().await;
    let third = saved(review(&mut reviewer, id, 2, "goedkeuren", "").await);
    assert_eq!(third.revisions[0].state, ReviewState::Approved);

    let view = officer_view(&mut officer, "visie").await;
    let comment = find(&view, "Kan het spreekuur ook 's avonds?");
    let history: Vec<_> = comment.revisions.iter().map(|r| (r.revision_no, r.body_markdown.as_str(), r.state)).collect();
    assert_eq!(
        history,
        [
            (3, "Er komt **één avondspreekuur** per week.", ReviewState::Approved),
            (2, "Er komt **één avondspreekuur** per week.", ReviewState::ForReview),
            (1, "Wij zoeken dit uit.", ReviewState::Draft)
        ],
        "newest first, nothing overwritten"
    );
    assert_eq!(comment.revisions[0].author, "Marieke Jansen");
    assert_eq!(comment.body, "Kan het spreekuur ook 's avonds?", "the resident's text is untouched");

    let page = app.client().get(&format!("/volg/{}", receipt.code)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>één avondspreekuur</strong>"), "the final answer, rendered");
    assert!(page.body.contains("Hoofdstuk 1, alinea 1"));
    assert!(page.body.contains("Kan het spreekuur ook &#39;s avonds?") || page.body.contains("Kan het spreekuur ook 's avonds?"));
    assert!(!page.body.contains("Wij zoeken dit uit."), "not the concept");
    let stored = app.store.comments_for_officer(app.store.consultation_by_slug("visie").await.unwrap().unwrap().id).await.unwrap();
    assert_eq!(stored[0].body, "Kan het spreekuur ook 's avonds?");
}

#[tokio::test]
async fn an_invalid_answer_is_refused_per_field_and_not_saved() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    submit(&app, comment("visie", "h1-1", "Een reactie.")).await;
    let mut officer = app.officer().await;
    let id = find(&officer_view(&mut officer, "visie").await, "Een reactie.").id;

    let errors = invalid(save_answer(&mut officer, &answer_fields(id, "Antwoord.", "misschien", "", "concept")).await);
    assert_eq!(errors.get("status"), [FieldError::InvalidStatus]);
    let errors = invalid(save_answer(&mut officer, &answer_fields(id, "Antwoord.", "", "", "concept")).await);
    assert_eq!(errors.get("status"), [FieldError::Required]);
    let errors = invalid(save_answer(&mut officer, &answer_fields(id, "  \n ", "verwerkt", "", "concept")).await);
    assert_eq!(errors.get("body"), [FieldError::Required]);
    let errors = invalid(save_answer(&mut officer, &answer_fields(id, &"x".repeat(10_001), "verwerkt", "", "concept")).await);
    assert_eq!(errors.get("body"), [FieldError::TooLong { max: 10_000 }]);
    let errors = invalid(
        save_answer(&mut officer, &fields(&[("form[comment]", "geen-getal"), ("form[body]", "Antwoord."), ("form[status]", "verwerkt")]))
            .await,
    );
    assert_eq!(errors.get("comment"), [FieldError::Required]);

    let unknown = officer.call("/api/antwoord", &answer_fields(9_999, "Antwoord.", "verwerkt", "", "concept")).await;
    assert_eq!(app_error(&unknown), AppError::NotFound);

    let view = officer_view(&mut officer, "visie").await;
    assert!(find(&view, "Een reactie.").revisions.is_empty(), "nothing was saved");
}

#[tokio::test]
async fn answers_are_sanitised_before_anyone_sees_them() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let receipt = submit(&app, comment("visie", "h1-1", "Een reactie.")).await;
    let mut officer = app.officer().await;
    let id = find(&officer_view(&mut officer, "visie").await, "Een reactie.").id;
    let body = "Dank u. <script>alert('xss')</script> [klik](javascript:alert(1)) <img src=x onerror=alert(2)>";
    publish_answer(&app, &mut officer, id, body, "niet_verwerkt", "").await;
    for path in [format!("/volg/{}", receipt.code), "/consultaties/visie/reactienota".to_string()] {
        let page = app.client().get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(page.body.contains("Dank u."), "{path}");
        assert!(!page.body.contains("<script>alert"), "{path}: no script injected anywhere");
        // The hydration data may carry the Markdown source as an escaped JSON string; the
        // markup itself must not carry the dangerous attributes.
        let markup = without_scripts(&page.body);
        assert!(markup.contains("Dank u."), "{path}");
        assert!(!markup.contains("javascript:"), "{path}");
        assert!(!markup.contains("onerror"), "{path}");
    }
}

/// The page without its `<script>` elements (hydration data, loaders).
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</script>") {
            Some(end) => rest = &rest[start + end + "</script>".len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn a_plain_form_answer_returns_to_the_comment() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    submit(&app, comment("visie", "h1-1", "Een reactie.")).await;
    let mut officer = app.officer().await;
    let id = find(&officer_view(&mut officer, "visie").await, "Een reactie.").id;

    let refused = officer
        .post_form("/api/antwoord", &answer_fields(id, "Half antwoord", "", "", "concept"), "/beheer/consultaties/visie/reacties?q=reactie")
        .await;
    assert!(refused.status.is_redirection(), "{}", refused.status);
    let location = refused.location().to_string();
    let (path, fragment) = location.split_once('#').expect("anchor");
    assert_eq!(fragment, format!("reactie-{id}"));
    assert!(path.starts_with("/beheer/consultaties/visie/reacties?q=reactie&formulier="), "{location}");
    let page = officer.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(">Half antwoord</textarea>"), "the typed answer is kept");
    assert!(page.body.contains(&(NL.field_error)(FieldError::Required)));

    let done = officer.post_form("/api/antwoord", &answer_fields(id, "Heel antwoord", "kennisgenomen", "", "concept"), path).await;
    assert!(done.status.is_redirection(), "{}", done.status);
    assert_eq!(done.location(), format!("/beheer/consultaties/visie/reacties?q=reactie#reactie-{id}"), "back to the same filtered list");
    let view = officer_view(&mut officer, "visie").await;
    assert_eq!(find(&view, "Een reactie.").revisions.len(), 1);
}

/// Four comments: anonymous, named with permission, named without permission (and an e-mail
/// address), and an organisation; the first gets a final answer.
async fn seed_report(app: &TestApp) -> Client {
    app.seed_open("visie").await;
    submit(app, comment("visie", "h2-1", "Preventie verdient meer geld.")).await;
    submit(
        app,
        CommentForm {
            name: "Karin de Vries".into(),
            show_name: Some("on".into()),
            consent: Some("on".into()),
            email: "karin@voorbeeld.nl".into(),
            ..comment("visie", "h1-1", "Het buurthuis is slecht bereikbaar.")
        },
    )
    .await;
    submit(
        app,
        CommentForm {
            name: "Piet Verborgen".into(),
            email: "piet@voorbeeld.nl".into(),
            consent: Some("on".into()),
            ..comment("visie", "h1-1", "Ik wil liever anoniem blijven.")
        },
    )
    .await;
    submit(app, CommentForm { organisation: "Stichting Buurtkracht".into(), ..comment("visie", "", "Betrek vrijwilligers.") }).await;
    let mut officer = app.officer().await;
    let id = find(&officer_view(&mut officer, "visie").await, "Preventie verdient meer geld.").id;
    publish_answer(app, &mut officer, id, "Het budget gaat omhoog.", "verwerkt", "Hoofdstuk 2, alinea 1").await;
    officer
}

const SUMMARY: &str = "4 reacties ontvangen, waarvan 1 verwerkt, 3 nog niet beantwoord.";

#[tokio::test]
async fn the_report_page_names_only_who_may_be_named() {
    let app = TestApp::new().await;
    seed_report(&app).await;
    let mut reader = app.client();

    let page = reader.get("/consultaties/visie/reactienota").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = &page.body;
    assert!(html.contains("Nota van beantwoording"));
    assert!(html.contains(SUMMARY), "counts line: {html}");
    assert!(html.contains("Inspreker 1"), "the anonymous resident is numbered");
    assert!(html.contains("Inspreker 2"), "so is the one who did not want the name shown");
    assert!(!html.contains("Inspreker 3"));
    assert!(html.contains("Karin de Vries"), "named with permission");
    assert!(html.contains("Stichting Buurtkracht"), "organisations by name");
    assert!(!html.contains("Piet Verborgen"), "no name without permission");
    // The page's print rules have `@media` and `@page`; an address has a character on both sides.
    assert!(!has_email_address(html), "no e-mail address anywhere in the page");
    assert!(html.contains("Het budget gaat omhoog."), "the final answer");
    assert!(html.contains("Hoofdstuk 2, alinea 1"));
    assert!(html.contains(NL.not_yet_answered));
    assert!(html.contains("action=\"/consultaties/visie/downloaden\""), "a download form");
    assert!(html.contains("value=\"md\""), "Markdown among its formats");

    let view: ReportView = reader.call("/api/reactienota", &fields(&[("slug", "visie")])).await.json();
    assert_eq!(view.report.totals.received, 4);
    assert_eq!(view.report.totals.unanswered, 3);
    assert_eq!(view.report.general.len(), 1);
    assert_eq!(view.report.general[0].sender, SenderLabel::Organisation("Stichting Buurtkracht".into()));
    let missing = reader.call("/api/reactienota", &fields(&[("slug", "bestaat-niet")])).await;
    assert_eq!(app_error(&missing), AppError::NotFound);
}

#[tokio::test]
async fn the_report_as_markdown_has_the_same_content() {
    let app = TestApp::new().await;
    seed_report(&app).await;
    let mut reader = app.client();
    let response = reader.get("/consultaties/visie/reactienota.md").await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.header("content-type").is_some_and(|t| t.starts_with("text/markdown")), "{:?}", response.header("content-type"));
    assert!(response.header("content-disposition").is_some_and(|d| d.contains("reactienota-visie.md")));
    let md = &response.body;
    assert!(md.starts_with("# Nota van beantwoording Visie op de wijk 2027"), "{md}");
    assert!(md.contains(SUMMARY), "{md}");
    for present in [
        "**Inspreker 1**",
        "**Inspreker 2**",
        "**Karin de Vries**",
        "**Stichting Buurtkracht**",
        "Het budget gaat omhoog.",
        "*Antwoord:* verwerkt",
    ] {
        assert!(md.contains(present), "{present} in {md}");
    }
    assert!(md.contains("## Reacties op het document als geheel"));
    assert!(md.contains("### Hoofdstuk 1, alinea 1") && md.contains("### Hoofdstuk 2, alinea 1"));
    assert!(!md.contains("Piet Verborgen"));
    assert!(!md.contains('@'), "no e-mail address: {md}");

    let missing = reader.get("/consultaties/bestaat-niet/reactienota.md").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_report_in_english_follows_the_language_cookie() {
    let app = TestApp::new().await;
    seed_report(&app).await;
    let mut reader = app.client();
    reader.cookies.insert("taal".into(), "en".into());
    let md = reader.get("/consultaties/visie/reactienota.md").await.body;
    assert!(!md.contains("Nota van beantwoording"), "{md}");
    assert!(md.contains("Karin de Vries"));
    assert!(!md.contains("Inspreker"), "anonymous senders in English: {md}");
    // The officer's own words of where it was processed stay as typed.
    assert!(md.contains("### Chapter 1, paragraph 1") && md.contains("### Chapter 2, paragraph 1"), "labels in English: {md}");
    assert!(!md.contains("### Hoofdstuk"), "{md}");
}

// --- creating a consultation ----------------------------------------------------------------

async fn create(officer: &mut Client, parts: &[Part<'_>]) -> FormOutcome<ImportSummary> {
    let response = officer.call_multipart("/api/nieuwe-consultatie", parts, "application/json", None).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

#[tokio::test]
async fn a_new_consultation_form_is_checked_field_by_field() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let errors = invalid(
        create(
            &mut officer,
            &[
                Part::Text("title", "  "),
                Part::Text("slug", "Geen Slug"),
                Part::Text("opens", "2026-03-01"),
                Part::Text("closes", "2026-02-01"),
            ],
        )
        .await,
    );
    assert_eq!(errors.get("title"), [FieldError::Required]);
    assert_eq!(errors.get("slug"), [FieldError::InvalidSlug]);
    assert_eq!(errors.get("closes"), [FieldError::ClosesBeforeOpens]);
    assert_eq!(errors.get("file"), [FieldError::Required], "no file chosen");

    let errors = invalid(create(&mut officer, &consultation_parts("regiovisie", "visie.pdf", b"%PDF-1.7 ...")).await);
    assert_eq!(errors.get("file"), [FieldError::UnsupportedFileType]);
    assert_eq!(app.consultation_count().await, 0, "nothing stored");
}

#[tokio::test]
async fn a_refused_upload_without_javascript_returns_to_the_form_in_dutch() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let response = officer
        .call_multipart(
            "/api/nieuwe-consultatie",
            &consultation_parts("regiovisie", "visie.odt", b"PK\x03\x04"),
            "text/html",
            Some("/beheer/nieuw"),
        )
        .await;
    assert!(response.status.is_redirection(), "{}: {}", response.status, response.body);
    let location = response.location().to_string();
    let (path, fragment) = location.split_once('#').expect("anchor");
    assert_eq!(fragment, "nieuwe-consultatie");
    assert!(path.starts_with("/beheer/nieuw?formulier="), "{location}");
    let page = officer.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Kies een bestand dat eindigt op .docx, .md of .txt."), "Dutch message");
    assert!(page.body.contains("value=\"Regiovisie huiselijk geweld\""), "title kept");
    assert!(page.body.contains("value=\"regiovisie\""), "slug kept");
    assert_eq!(app.consultation_count().await, 0);
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture readable")
}

#[tokio::test]
async fn the_fixture_imports_into_a_consultation() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let bytes = fixture_bytes("regiovisie-hollands-midden-2019-2023.md");
    let summary = match create(&mut officer, &consultation_parts("regiovisie", "Regiovisie-Hollands-Midden.MD", &bytes)).await {
        FormOutcome::Done(summary) => summary,
        FormOutcome::Invalid(errors) => panic!("import refused: {errors:?}"),
    };
    assert_eq!(summary.slug, "regiovisie");
    assert!(summary.sections >= 5, "{summary:?}");
    assert!(summary.blocks >= 20, "{summary:?}");
    assert_eq!(app.consultation_count().await, 1);

    let view: ConsultationView = officer.call("/api/consultatie", &fields(&[("slug", "regiovisie")])).await.json();
    assert_eq!(view.title, "Regiovisie huiselijk geweld");
    let blocks: Vec<_> = view.sections.iter().flat_map(|s| &s.blocks).collect();
    assert_eq!(blocks.len(), summary.blocks);
    let mut anchors: Vec<_> = blocks.iter().map(|b| b.anchor.as_str()).collect();
    anchors.sort_unstable();
    anchors.dedup();
    assert_eq!(anchors.len(), blocks.len(), "anchors are unique");
    assert!(view.sections.iter().any(|s| s.heading.contains("Samenvatting")));

    let page = officer.get("/consultaties/regiovisie").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Regiovisie huiselijk geweld"));
    assert!(page.body.contains(&format!("id=\"{}\"", blocks[0].anchor)));
    assert!(page.body.contains("119.000 kinderen"), "the text of the document");

    // The slug is now taken; a second import is refused and nothing is added.
    let again = invalid(create(&mut officer, &consultation_parts("regiovisie", "visie.md", &bytes)).await);
    assert_eq!(again.get("slug"), [FieldError::SlugTaken]);
    assert_eq!(app.consultation_count().await, 1);

    // A resident can comment on an imported block.
    let receipt = submit(&app, comment("regiovisie", &blocks[1].anchor, "Goed dat dit er is.")).await;
    assert!(is_tracking_code(&receipt.code));
}

#[tokio::test]
async fn the_plain_text_fixture_imports_too() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let bytes = fixture_bytes("regiovisie-hollands-midden-2019-2023.txt");
    let summary = match create(&mut officer, &consultation_parts("regiovisie-tekst", "regiovisie.txt", &bytes)).await {
        FormOutcome::Done(summary) => summary,
        FormOutcome::Invalid(errors) => panic!("import refused: {errors:?}"),
    };
    assert!(summary.blocks >= 20, "{summary:?}");
    assert_eq!(officer.get("/consultaties/regiovisie-tekst").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_plain_form_import_goes_on_to_the_new_consultation() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let bytes = fixture_bytes("regiovisie-hollands-midden-2019-2023.md");
    let response = officer
        .call_multipart(
            "/api/nieuwe-consultatie",
            &consultation_parts("regiovisie", "visie.md", &bytes),
            "text/html",
            Some("/beheer/nieuw"),
        )
        .await;
    assert!(response.status.is_redirection(), "{}: {}", response.status, response.body);
    assert_eq!(response.location(), "/beheer/consultaties/regiovisie?nieuw=1");
    let page = officer.get("/beheer/consultaties/regiovisie?nieuw=1").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(NL.answer_saved_import));
}

/// Bad files are refused with a Dutch message next to the file field, and nothing is stored.
#[tokio::test]
async fn bad_files_are_refused_with_a_clear_dutch_message() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    app.seed_open("bestaand").await;
    let binary: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\xff\xfe\0\0".repeat(50);
    let mut too_large = b"# Te groot\n\n".to_vec();
    too_large.resize(5 * 1024 * 1024 + 1, b'a');
    let cases: [(&str, &[u8], FieldError, &str); 3] = [
        ("leeg.md", b"", FieldError::ImportEmpty, "Het bestand is leeg."),
        ("plaatje.md", &binary, FieldError::ImportNotText, "Dit is geen tekstbestand (Markdown of platte tekst)."),
        ("groot.md", &too_large, FieldError::ImportTooLarge { max_mb: 5 }, "Het bestand is groter dan 5 MB."),
    ];
    for (i, (file_name, bytes, expected, dutch)) in cases.into_iter().enumerate() {
        let slug = format!("slecht-{i}");
        let errors = invalid(create(&mut officer, &consultation_parts(&slug, file_name, bytes)).await);
        assert_eq!(errors.get("file"), [expected], "{file_name}");
        assert_eq!((NL.field_error)(expected), dutch, "{file_name}");
        assert!(app.store.consultation_by_slug(&slug).await.unwrap().is_none(), "{file_name}: nothing half-imported");
    }
    assert_eq!(app.consultation_count().await, 1, "only the consultation that was there");
    let tables = count(&app.store, "SELECT COUNT(*) FROM document_versions").await;
    assert_eq!(tables, 1, "no stray document versions");

    // Without JavaScript the message appears on the form.
    let response = officer
        .call_multipart(
            "/api/nieuwe-consultatie",
            &consultation_parts("slecht-html", "plaatje.md", &binary),
            "text/html",
            Some("/beheer/nieuw"),
        )
        .await;
    let location = response.location().to_string();
    let page = officer.get(location.split('#').next().unwrap()).await;
    assert!(page.body.contains("Dit is geen tekstbestand"), "{}", page.body);
}

#[tokio::test]
async fn the_echo_of_a_refused_upload_keeps_the_fields_but_not_the_file() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let response = officer
        .call_multipart("/api/nieuwe-consultatie", &consultation_parts("Fout Slug", "visie.md", b""), "text/html", Some("/beheer/nieuw"))
        .await;
    let location = response.location().to_string();
    let token = location.split("formulier=").nth(1).and_then(|t| t.split('#').next()).expect("token").to_string();
    let echo: Option<FormEcho> = officer.call("/api/formulier", &fields(&[("token", &token)])).await.json();
    let echo = echo.expect("echo");
    assert_eq!(echo.value("title"), "Regiovisie huiselijk geweld");
    assert_eq!(echo.value("slug"), "Fout Slug");
    assert_eq!(echo.value("opens"), "2026-01-05");
    assert_eq!(echo.value("file"), "", "file contents are not kept");
    assert_eq!(echo.errors.get("slug"), [FieldError::InvalidSlug]);
}

/// Writes from many requests at once all land. A transaction that reads before it writes (hiding
/// a reaction reads whether it was hidden) takes SQLite's write lock at its start; before, it could
/// fail at once with "database is locked" when another request wrote in between, and the officer
/// got an error page (the authorization matrix saw it now and then, beside the session cleanup).
#[tokio::test]
async fn concurrent_writes_from_many_requests_all_land() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    for n in 0..8 {
        submit(&app, comment("visie", "h1-1", &format!("Reactie nummer {n} over de visie."))).await;
    }
    let mut officer = app.officer().await;
    let ids: Vec<i64> = officer_view(&mut officer, "visie").await.items.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), 8);
    let mut tasks = tokio::task::JoinSet::new();
    for (n, id) in ids.iter().copied().enumerate() {
        let mut officer = officer.clone();
        let mut resident = app.client_from([203, 0, 113, 100 + n as u8]);
        tasks.spawn(async move {
            let mut statuses = Vec::new();
            for round in 0..4 {
                let hide = if round % 2 == 0 { "ja" } else { "nee" };
                let fields = fields(&[
                    ("form[comment]", &id.to_string()),
                    ("form[hide]", hide),
                    ("form[reason]", "Persoonsgegevens van een derde."),
                ]);
                statuses.push(("hide", officer.call("/api/zichtbaarheid", &fields).await.status));
                let form = comment("visie", "h1-1", &format!("Nog een reactie, {n}.{round}."));
                statuses.push(("comment", resident.submit(&form).await.status));
            }
            statuses
        });
    }
    let mut failed = Vec::new();
    while let Some(done) = tasks.join_next().await {
        failed.extend(done.expect("the task ran").into_iter().filter(|(_, status)| *status != StatusCode::OK));
    }
    assert!(failed.is_empty(), "writes that failed: {failed:?}");
    assert_eq!(app.comment_count().await, 8 + 8 * 4);
}
