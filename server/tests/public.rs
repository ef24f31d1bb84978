//! What residents do: read consultations, comment (with and without JavaScript), and track
//! what happened to their comment.

mod common;

use app::api::{ConsultationItem, ConsultationView, FormEcho, Receipt, TrackView};
use app::backend::Settings;
use app::backend::store::RevisionWrite;
use app::domain::comment::{CommentForm, MAX_COMMENT_CHARS};
use app::domain::consultation::PeriodPhase;
use app::domain::error::{AppError, FieldError, FormOutcome};
use app::domain::review::ReviewState;
use app::domain::role::Role;
use app::domain::status::ProcessingStatus;
use app::i18n::NL;
use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use common::*;

fn receipt(response: &TestResponse) -> Receipt {
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    match response.json::<FormOutcome<Receipt>>() {
        FormOutcome::Done(receipt) => receipt,
        FormOutcome::Invalid(errors) => panic!("refused: {errors:?}"),
    }
}

fn refusal(response: &TestResponse) -> app::domain::error::FieldErrors {
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    match response.json::<FormOutcome<Receipt>>() {
        FormOutcome::Invalid(errors) => errors,
        FormOutcome::Done(receipt) => panic!("accepted, but should be refused: {receipt:?}"),
    }
}

#[tokio::test]
async fn server_functions_live_at_their_documented_paths() {
    use app::api::*;
    use leptos::server_fn::ServerFn;
    let paths = [
        (SubmitComment::PATH, "/api/reageer"),
        (TrackComment::PATH, "/api/volg"),
        (Login::PATH, "/api/inloggen"),
        (Logout::PATH, "/api/uitloggen"),
        (WhoAmI::PATH, "/api/wie"),
        (SaveAnswer::PATH, "/api/antwoord"),
        (CreateConsultation::PATH, "/api/nieuwe-consultatie"),
        (FetchFormEcho::PATH, "/api/formulier"),
        (ListConsultations::PATH, "/api/consultaties"),
        (GetConsultation::PATH, "/api/consultatie"),
        (GetReport::PATH, "/api/reactienota"),
        (OfficerConsultations::PATH, "/api/beheer-consultaties"),
        (ReactionList::PATH, "/api/beheer-reacties"),
        (ConsultationDashboard::PATH, "/api/beheer-overzicht"),
        (ReviewAnswer::PATH, "/api/beoordeling"),
        (SaveJointAnswer::PATH, "/api/gezamenlijk-antwoord"),
        (SetVisibility::PATH, "/api/zichtbaarheid"),
        (AdoptAnswers::PATH, "/api/vaststelling"),
        (AuditLog::PATH, "/api/beheer-logboek"),
    ];
    for (actual, expected) in paths {
        assert_eq!(actual, expected);
    }
}

#[tokio::test]
async fn consultations_are_listed_with_their_phase() {
    let app = TestApp::new().await;
    app.seed_consultation("open-visie", "Open visie", -3, 10).await;
    app.seed_consultation("gesloten-visie", "Gesloten visie", -30, -1).await;
    app.seed_consultation("latere-visie", "Latere visie", 5, 40).await;
    let mut browser = app.client();

    let list: Vec<ConsultationItem> = browser.call("/api/consultaties", &[]).await.json();
    let phase = |slug: &str| list.iter().find(|c| c.slug == slug).map(|c| c.phase);
    assert_eq!(list.len(), 3);
    assert_eq!(phase("open-visie"), Some(PeriodPhase::Open));
    assert_eq!(phase("gesloten-visie"), Some(PeriodPhase::Closed));
    assert_eq!(phase("latere-visie"), Some(PeriodPhase::NotYetOpen));
    assert!(list.iter().all(|c| c.comment_count == 0));

    let home = browser.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    for (slug, title) in [("open-visie", "Open visie"), ("gesloten-visie", "Gesloten visie"), ("latere-visie", "Latere visie")] {
        assert!(home.body.contains(title), "home lists {title}");
        assert!(home.body.contains(&format!("href=\"/consultaties/{slug}\"")), "home links to {slug}");
    }
    assert!(home.body.contains("<html lang=\"nl\""), "Dutch by default");
}

#[tokio::test]
async fn an_empty_site_says_so_in_dutch() {
    let app = TestApp::new().await;
    let home = app.client().get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains(NL.home_empty), "{}", home.body);
}

#[tokio::test]
async fn the_consultation_page_shows_the_document_with_block_anchors() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();

    let page = browser.get("/consultaties/visie").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Visie op de wijk 2027"), "title");
    assert!(page.body.contains("id=\"h1-1\""), "block anchor");
    assert!(page.body.contains("id=\"h2\""), "section anchor");
    assert!(page.body.contains("Voorkomen is beter dan genezen."), "block text");
    assert!(page.body.contains("Reageren kan tot en met"), "period notice");
    assert!(page.body.contains("href=\"?alinea=h1-1#reageer\""), "a way to comment on a block");

    // With ?alinea= the comment form for that block is open, also without JavaScript.
    let form = browser.get("/consultaties/visie?alinea=h1-2").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Uw reactie op Hoofdstuk 1, alinea 2"), "form title");
    assert!(form.body.contains("name=\"form[body]\""), "comment field");
    assert!(form.body.contains("action=\"/api/reageer\""), "plain form posts to the server function");

    let view: ConsultationView = browser.call("/api/consultatie", &fields(&[("slug", "visie")])).await.json();
    assert_eq!(view.title, "Visie op de wijk 2027");
    assert_eq!(view.phase, PeriodPhase::Open);
    let anchors: Vec<_> = view.sections.iter().flat_map(|s| s.blocks.iter().map(|b| b.anchor.as_str())).collect();
    assert_eq!(anchors, ["titelblad-1", "h1-1", "h1-2", "h2-1"]);
}

#[tokio::test]
async fn a_closed_or_future_consultation_offers_no_comment_link() {
    let app = TestApp::new().await;
    app.seed_consultation("dicht", "Gesloten visie", -30, -1).await;
    app.seed_consultation("straks", "Latere visie", 3, 30).await;
    let mut browser = app.client();
    let closed = browser.get("/consultaties/dicht").await;
    assert_eq!(closed.status, StatusCode::OK);
    assert!(closed.body.contains(NL.form_closed));
    assert!(closed.body.contains("De reactietermijn is gesloten sinds"));
    assert!(!closed.body.contains("?alinea=h1-1#reageer"));
    let future = browser.get("/consultaties/straks").await;
    assert!(future.body.contains("Reageren kan vanaf"));
    assert!(!future.body.contains("?alinea=h1-1#reageer"));
}

#[tokio::test]
async fn unknown_consultations_and_pages_are_404_in_dutch() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();

    let unknown_slug = browser.get("/consultaties/bestaat-niet").await;
    assert_eq!(unknown_slug.status, StatusCode::NOT_FOUND);
    assert!(unknown_slug.body.contains(NL.not_found_title), "{}", unknown_slug.body);

    let unknown_url = browser.get("/dit/adres/bestaat/niet").await;
    assert_eq!(unknown_url.status, StatusCode::NOT_FOUND);
    assert!(unknown_url.body.contains(NL.not_found_title), "{}", unknown_url.body);
    assert!(unknown_url.body.contains(NL.not_found_text));

    // An address that does not decode to text goes to the same page, never to a route.
    for broken in ["/volg/%FF%FE", "/volg/ABCDE-%00", "/volg/%E2%82", "/volg/%", "/consultaties/%C0%AF", "/%ZZ"] {
        let response = browser.get(broken).await;
        assert!(response.status.is_redirection(), "{broken}: {}", response.status);
        assert_eq!(response.location(), "/niet-gevonden", "{broken}");
    }
    let not_found = browser.get("/niet-gevonden").await;
    assert_eq!(not_found.status, StatusCode::NOT_FOUND);
    assert!(not_found.body.contains(NL.not_found_title), "{}", not_found.body);

    let unknown_report = browser.get("/consultaties/bestaat-niet/reactienota").await;
    assert_eq!(unknown_report.status, StatusCode::NOT_FOUND);

    let api = browser.call("/api/consultatie", &fields(&[("slug", "bestaat-niet")])).await;
    assert_eq!(app_error(&api), AppError::NotFound);
}

#[tokio::test]
async fn the_database_next_to_the_site_root_is_not_served() {
    let app = TestApp::new().await;
    let mut browser = app.client();
    for path in ["/inspraak.db", "/../inspraak.db", "/%2e%2e/inspraak.db"] {
        let response = browser.get(path).await;
        assert_ne!(response.status, StatusCode::OK, "{path}");
        assert!(!response.body.starts_with("SQLite format"), "{path}");
    }
}

#[tokio::test]
async fn a_comment_gets_a_receipt_with_a_tracking_code() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();

    let receipt = receipt(&browser.submit(&comment("visie", "h1-1", "Graag ook een avondspreekuur.")).await);
    assert!(is_tracking_code(&receipt.code), "code {}", receipt.code);
    assert!(!receipt.late);
    assert_eq!(app.comment_count().await, 1);

    // A whole-document comment (no block) is accepted too.
    let general = receipt_of(&mut browser, comment("visie", "", "Mooie visie, maar waar is de jeugd?")).await;
    assert_ne!(general.code, receipt.code, "every comment has its own code");

    let view: ConsultationView = browser.call("/api/consultatie", &fields(&[("slug", "visie")])).await.json();
    let block = view.sections.iter().flat_map(|s| &s.blocks).find(|b| b.anchor == "h1-1").unwrap();
    assert_eq!(block.comment_count, 1);
    assert_eq!(view.general_comment_count, 1);
    let page = browser.get("/consultaties/visie").await;
    assert!(page.body.contains("1 reactie"), "the block shows its count");
}

async fn receipt_of(browser: &mut Client, form: CommentForm) -> Receipt {
    receipt(&browser.submit(&form).await)
}

#[tokio::test]
async fn a_late_comment_is_kept_and_marked_late() {
    let app = TestApp::new().await;
    app.seed_consultation("dicht", "Gesloten visie", -30, -1).await;
    let mut browser = app.client();

    let receipt = receipt_of(&mut browser, comment("dicht", "h2-1", "Sorry, ik ben te laat.")).await;
    assert!(receipt.late);
    let consultation = app.store.consultation_by_slug("dicht").await.unwrap().unwrap();
    let stored = app.store.comments_for_officer(consultation.id).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].is_late);
    assert_eq!(stored[0].body, "Sorry, ik ben te laat.");

    let tracked = browser.get(&format!("/volg/{}", receipt.code)).await;
    assert_eq!(tracked.status, StatusCode::OK);
    assert!(tracked.body.contains(NL.late), "the tracking page says it came late");
}

#[tokio::test]
async fn the_closing_date_itself_is_on_time() {
    let app = TestApp::new().await;
    app.seed_consultation("laatste-dag", "Laatste dag", -10, 0).await;
    let receipt = receipt_of(&mut app.client(), comment("laatste-dag", "h1-1", "Net op tijd.")).await;
    assert!(!receipt.late, "the period runs up to and including the closing date");
}

#[tokio::test]
async fn a_comment_before_the_period_is_refused() {
    let app = TestApp::new().await;
    app.seed_consultation("straks", "Latere visie", 3, 30).await;
    let errors = refusal(&app.client().submit(&comment("straks", "h1-1", "Te vroeg.")).await);
    assert_eq!(errors.get("body"), [FieldError::NotYetOpen]);
    assert_eq!(app.comment_count().await, 0);
}

#[tokio::test]
async fn an_empty_comment_is_refused_at_the_body_field() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    for body in ["", "   \r\n\t  "] {
        let errors = refusal(&browser.submit(&comment("visie", "h1-1", body)).await);
        assert_eq!(errors.get("body"), [FieldError::Required], "{body:?}");
    }
    assert_eq!(app.comment_count().await, 0);
}

#[tokio::test]
async fn a_too_long_comment_is_refused_and_the_maximum_accepted() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    let errors = refusal(&browser.submit(&comment("visie", "h1-1", &"a".repeat(MAX_COMMENT_CHARS + 1))).await);
    assert_eq!(errors.get("body"), [FieldError::TooLong { max: MAX_COMMENT_CHARS }]);
    assert_eq!(app.comment_count().await, 0);
    // Characters, not bytes: 5000 times "é" is within the limit.
    receipt_of(&mut browser, comment("visie", "h1-1", &"é".repeat(MAX_COMMENT_CHARS))).await;
    assert_eq!(app.comment_count().await, 1);
}

#[tokio::test]
async fn a_comment_on_an_unknown_block_is_refused() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let errors = refusal(&app.client().submit(&comment("visie", "h9-9", "Over een alinea die er niet is.")).await);
    assert_eq!(errors.get("block"), [FieldError::UnknownBlock]);
    assert_eq!(app.comment_count().await, 0);
}

#[tokio::test]
async fn a_comment_on_an_unknown_consultation_is_not_found() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let response = app.client().submit(&comment("bestaat-niet", "", "Tekst.")).await;
    assert_eq!(app_error(&response), AppError::NotFound);
    assert_eq!(app.comment_count().await, 0);
}

#[tokio::test]
async fn personal_data_without_consent_is_refused() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    let named = CommentForm { name: "Jan Jansen".into(), show_name: Some("on".into()), ..comment("visie", "h1-1", "Tekst.") };
    assert_eq!(refusal(&browser.submit(&named).await).get("consent"), [FieldError::ConsentRequired]);
    let mailed = CommentForm { email: "jan@voorbeeld.nl".into(), ..comment("visie", "h1-1", "Tekst.") };
    assert_eq!(refusal(&browser.submit(&mailed).await).get("consent"), [FieldError::ConsentRequired]);
    let bad_mail = CommentForm { email: "jan@".into(), consent: Some("on".into()), ..comment("visie", "h1-1", "Tekst.") };
    assert_eq!(refusal(&browser.submit(&bad_mail).await).get("email"), [FieldError::InvalidEmail]);
    assert_eq!(app.comment_count().await, 0);

    let consented = CommentForm { consent: Some("on".into()), ..named };
    receipt_of(&mut browser, consented).await;
    assert_eq!(app.comment_count().await, 1);
}

#[tokio::test]
async fn comments_are_rate_limited_per_address() {
    let app = TestApp::with_settings(Settings { comments_per_minute: 3, ..generous() }).await;
    app.seed_open("visie").await;
    let mut flooder = app.client_from([198, 51, 100, 7]);
    for i in 0..3 {
        receipt_of(&mut flooder, comment("visie", "h1-1", &format!("Reactie {i}"))).await;
    }
    let refused = flooder.submit(&comment("visie", "h1-1", "Nog een")).await;
    assert_eq!(refusal(&refused).get("body"), &[FieldError::TooManyRequests]);
    assert_eq!(app.comment_count().await, 3, "the refused comment was not stored");

    // Someone else, elsewhere, can still comment.
    receipt_of(&mut app.client_from([203, 0, 113, 9]), comment("visie", "h1-1", "Van iemand anders")).await;
    assert_eq!(app.comment_count().await, 4);
}

#[tokio::test]
async fn tracking_lookups_are_rate_limited() {
    let app = TestApp::with_settings(Settings { lookups_per_minute: 2, ..generous() }).await;
    app.seed_open("visie").await;
    let mut guesser = app.client_from([198, 51, 100, 8]);
    for _ in 0..2 {
        let response = guesser.call("/api/volg", &fields(&[("code", "00000-00000")])).await;
        assert_eq!(app_error(&response), AppError::NotFound);
    }
    let refused = guesser.call("/api/volg", &fields(&[("code", "00000-00001")])).await;
    assert_eq!(app_error(&refused), AppError::RateLimited);
    let page = guesser.get("/volg/00000-00002").await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "the page says so too");
    assert!(page.body.contains(NL.error_rate_limited));
}

#[tokio::test]
async fn a_rate_limited_plain_form_post_returns_to_the_form_with_the_reason() {
    let app = TestApp::with_settings(Settings { comments_per_minute: 1, ..generous() }).await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    let first =
        browser.post_form("/api/reageer", &comment_fields(&comment("visie", "h1-1", "Eerste")), "/consultaties/visie?alinea=h1-1").await;
    assert!(first.location().starts_with("/volg/"));
    let second =
        browser.post_form("/api/reageer", &comment_fields(&comment("visie", "h1-1", "Tweede")), "/consultaties/visie?alinea=h1-1").await;
    assert!(second.status.is_redirection(), "{}", second.status);
    let location = second.location().trim_start_matches(ORIGIN).to_string();
    assert!(location.starts_with("/consultaties/visie?alinea=h1-1"), "{location}");
    let page = browser.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&(NL.field_error)(FieldError::TooManyRequests)), "the form says why it was refused");
    assert!(page.body.contains(">Tweede</textarea>"), "what was typed is kept");
    assert_eq!(app.comment_count().await, 1);
}

#[tokio::test]
async fn a_plain_form_post_redirects_to_the_receipt() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    let form = comment("visie", "h1-1", "Zonder JavaScript verstuurd.");
    let response = browser.post_form("/api/reageer", &comment_fields(&form), "/consultaties/visie?alinea=h1-1").await;
    assert!(matches!(response.status, StatusCode::SEE_OTHER | StatusCode::FOUND), "redirect, got {}", response.status);
    let location = response.location().to_string();
    let code = location
        .strip_prefix("/volg/")
        .and_then(|rest| rest.strip_suffix("?ontvangen=1"))
        .unwrap_or_else(|| panic!("to the receipt, got {location}"));
    assert!(is_tracking_code(code), "{code}");
    assert_eq!(app.comment_count().await, 1);

    let receipt_page = browser.get(&location).await;
    assert_eq!(receipt_page.status, StatusCode::OK);
    assert!(receipt_page.body.contains(NL.receipt_title));
    assert!(receipt_page.body.contains(code));
    assert!(receipt_page.body.contains("Zonder JavaScript verstuurd."));
}

#[tokio::test]
async fn a_refused_plain_form_post_returns_to_the_form_with_what_was_typed() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    let form = CommentForm {
        name: "Jan Jansen".into(),
        organisation: "Buurtvereniging Oost".into(),
        ..comment("visie", "h1-1", "Mijn reactie over het wijkteam")
    };
    let response = browser.post_form("/api/reageer", &comment_fields(&form), "/consultaties/visie?alinea=h1-1").await;
    assert!(matches!(response.status, StatusCode::SEE_OTHER | StatusCode::FOUND), "redirect, got {}", response.status);
    let location = response.location().to_string();
    let (path, fragment) = location.split_once('#').expect("an anchor to the form");
    assert_eq!(fragment, "reageer");
    let token = path
        .strip_prefix("/consultaties/visie?alinea=h1-1&formulier=")
        .unwrap_or_else(|| panic!("back to the form with an echo token, got {location}"));
    assert!(token.len() >= 16 && token.bytes().all(|b| b.is_ascii_hexdigit()), "token {token}");
    assert_eq!(app.comment_count().await, 0);

    // The page shows the form again with the message and the input.
    let page = browser.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(">Mijn reactie over het wijkteam</textarea>"), "body kept");
    assert!(page.body.contains("value=\"Jan Jansen\""), "name kept");
    assert!(page.body.contains("value=\"Buurtvereniging Oost\""), "organisation kept");
    assert!(page.body.contains(&(NL.field_error)(FieldError::ConsentRequired)), "message shown");
    assert!(page.body.contains(NL.form_has_errors), "summary shown");

    // And the same echo through the server function.
    let echo: Option<FormEcho> = browser.call("/api/formulier", &fields(&[("token", token)])).await.json();
    let echo = echo.expect("echo kept");
    assert_eq!(echo.value("body"), "Mijn reactie over het wijkteam");
    assert_eq!(echo.value("name"), "Jan Jansen");
    assert_eq!(echo.value("block"), "h1-1");
    assert_eq!(echo.errors.get("consent"), [FieldError::ConsentRequired]);

    let unknown: Option<FormEcho> = browser.call("/api/formulier", &fields(&[("token", "0123456789abcdef")])).await.json();
    assert_eq!(unknown, None);
}

#[tokio::test]
async fn a_second_refusal_replaces_the_echo_token_instead_of_adding_one() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    let form = comment("visie", "h1-1", "");
    let first = browser.post_form("/api/reageer", &comment_fields(&form), "/consultaties/visie?alinea=h1-1").await;
    let back = first.location().split('#').next().unwrap().to_string();
    let second = browser.post_form("/api/reageer", &comment_fields(&form), &back).await;
    let location = second.location();
    assert_eq!(location.matches("formulier=").count(), 1, "{location}");
    assert!(location.starts_with("/consultaties/visie?alinea=h1-1&formulier="), "{location}");
}

#[tokio::test]
async fn a_cross_site_post_is_refused() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let body = urlencode(&comment_fields(&comment("visie", "h1-1", "Via een andere website.")));
    for (name, value) in [
        (header::ORIGIN, "https://evil.example"),
        (header::ORIGIN, "http://localhost.evil.example"),
        (header::ORIGIN, "null"),
        (header::REFERER, "https://evil.example/consultaties/visie"),
    ] {
        let mut browser = app.client();
        let request = axum::http::Request::builder()
            .method(Method::POST)
            .uri("/api/reageer")
            .header(header::HOST, HOST)
            .header(name.clone(), value)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(body.clone()))
            .unwrap();
        let response = browser.send(request).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{name}: {value}");
        assert!(response.body.contains("andere website"), "{}", response.body);
    }
    assert_eq!(app.comment_count().await, 0);
    // The same post from the site itself works.
    receipt_of(&mut app.client(), comment("visie", "h1-1", "Via de website zelf.")).await;
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = TestApp::new().await;
    let mut browser = app.client();
    for response in [browser.get("/").await, browser.get("/bestaat-niet").await, browser.call("/api/consultaties", &[]).await] {
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(response.header("x-frame-options"), Some("DENY"));
        assert_eq!(response.header("referrer-policy"), Some("same-origin"));
    }
}

#[tokio::test]
async fn the_language_switch_remembers_the_choice_and_stays_on_this_site() {
    let app = TestApp::new().await;
    let mut browser = app.client();
    let switch = browser.get("/taal/en?terug=/volg").await;
    assert!(switch.status.is_redirection());
    assert_eq!(switch.location(), "/volg");
    assert_eq!(browser.cookie("taal"), Some("en"));
    let page = browser.get("/volg").await;
    assert!(page.body.contains("<html lang=\"en\""));
    assert!(page.body.contains("Track your comment"));

    for evil in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
        let response = browser.get(&format!("/taal/nl?terug={}", urlencode_value(evil))).await;
        assert_eq!(response.location(), "/", "no open redirect to {evil}");
    }
    assert_eq!(browser.get("/taal/xx").await.status, StatusCode::NOT_FOUND);
}

fn urlencode_value(value: &str) -> String {
    urlencode(&[("x".into(), value.into())]).trim_start_matches("x=").to_string()
}

// --- tracking -------------------------------------------------------------------------------

#[tokio::test]
async fn the_tracking_page_shows_the_comment_but_not_who_sent_it() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    let form = CommentForm {
        name: "Jan Jansen".into(),
        email: "jan.jansen@voorbeeld.nl".into(),
        consent: Some("on".into()),
        show_name: Some("on".into()),
        ..comment("visie", "h1-2", "Het wijkteam moet ook op zaterdag open.")
    };
    let receipt = receipt_of(&mut browser, form).await;

    let page = browser.get(&format!("/volg/{}", receipt.code)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Het wijkteam moet ook op zaterdag open."));
    assert!(page.body.contains("Visie op de wijk 2027"), "consultation named");
    assert!(page.body.contains("Hoofdstuk 1, alinea 2"), "block named");
    assert!(page.body.contains("Het wijkteam is dichtbij."), "block quoted");
    assert!(page.body.contains(NL.track_no_answer), "no answer yet");
    assert!(!page.body.contains("Jan Jansen"), "no name on the tracking page");
    assert!(!page.body.contains("jan.jansen@voorbeeld.nl"), "no e-mail address on the tracking page");
    assert!(!page.body.contains("voorbeeld.nl"));

    let view: TrackView = browser.call("/api/volg", &fields(&[("code", &receipt.code)])).await.json();
    assert_eq!(view.body, "Het wijkteam moet ook op zaterdag open.");
    assert_eq!(view.block_anchor.as_deref(), Some("h1-2"));
    assert_eq!(view.answer, None);

    // People type codes as they like: lowercase, without the dash, with spaces.
    let typed = receipt.code.to_lowercase().replace('-', " ");
    let again: TrackView = browser.call("/api/volg", &fields(&[("code", &typed)])).await.json();
    assert_eq!(again.body, view.body);
    let lookup = browser.get(&format!("/volg?code={}", receipt.code)).await;
    assert_eq!(lookup.status, StatusCode::OK);
    assert!(lookup.body.contains("Het wijkteam moet ook op zaterdag open."));
}

#[tokio::test]
async fn the_answer_is_shown_only_once_final() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let officer_id = app.add_user("ambtenaar@lindeburg.example", "Piet Ambtenaar", "wachtwoord-1234", Role::Officer).await;
    let officer = app.store.user_by_id(officer_id).await.unwrap().unwrap();
    let mut browser = app.client();
    let receipt = receipt_of(&mut browser, comment("visie", "h2-1", "Meer geld voor preventie.")).await;
    let consultation = app.store.consultation_by_slug("visie").await.unwrap().unwrap();
    let comment_id = app.store.comments_for_officer(consultation.id).await.unwrap()[0].id;
    let mut revision = 0;
    let mut write = |body: &'static str, state| {
        revision += 1;
        RevisionWrite {
            comment_id,
            expected: (revision > 1).then_some(revision - 1),
            body_markdown: body.into(),
            body_html: body.into(),
            status: ProcessingStatus::Processed,
            processed_where: Some("Hoofdstuk 2, alinea 1".into()),
            state,
            remark: None,
            change_reason: None,
            processed_blocks: None,
        }
    };
    let store = &app.store;

    store.write_revisions(consultation.id, &[write("Conceptantwoord in de maak", ReviewState::Draft)], false, &officer).await.unwrap();
    let page = track_page(&app, &receipt.code).await;
    assert!(!page.body.contains("Conceptantwoord in de maak"), "a draft stays hidden");
    assert!(page.body.contains(NL.track_no_answer));
    store
        .write_revisions(consultation.id, &[write("Wij verhogen het budget voor preventie.", ReviewState::ForReview)], false, &officer)
        .await
        .unwrap();
    let page = track_page(&app, &receipt.code).await;
    assert!(!page.body.contains("Wij verhogen het budget"), "an answer under review stays hidden");

    store
        .write_revisions(consultation.id, &[write("Wij verhogen het budget voor preventie.", ReviewState::Approved)], false, &officer)
        .await
        .unwrap();
    let page = track_page(&app, &receipt.code).await;
    assert!(page.body.contains("Wij verhogen het budget voor preventie."), "the approved answer is shown");
    assert!(page.body.contains("verwerkt"), "with its status");
    assert!(page.body.contains("Hoofdstuk 2, alinea 1"), "and where it was processed");
    assert!(!page.body.contains(NL.track_no_answer));

    // A newer draft does not replace the published answer.
    store.write_revisions(consultation.id, &[write("Nieuwe concepttekst", ReviewState::Draft)], false, &officer).await.unwrap();
    let page = track_page(&app, &receipt.code).await;
    assert!(page.body.contains("Wij verhogen het budget voor preventie."));
    assert!(!page.body.contains("Nieuwe concepttekst"));
}

async fn track_page(app: &TestApp, code: &str) -> TestResponse {
    let page = app.client().get(&format!("/volg/{code}")).await;
    assert_eq!(page.status, StatusCode::OK, "{code}");
    page
}

#[tokio::test]
async fn unknown_and_malformed_tracking_codes_are_404() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    receipt_of(&mut browser, comment("visie", "h1-1", "Een reactie.")).await;
    for code in ["00000-00000", "ZZZZZ-ZZZZZ", "abc", "UUUUU-UUUUU", "00000-000000"] {
        let page = browser.get(&format!("/volg/{code}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{code}");
        assert!(page.body.contains(NL.track_code_unknown), "{code}: Dutch message");
    }
    // A receipt is only shown for a code that exists.
    let page = browser.get("/volg/ZZZZZ-ZZZZZ?ontvangen=1").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains(NL.receipt_title), "no receipt for an unknown code");
    for code in ["00000-00000", "abc", ""] {
        let response = browser.call("/api/volg", &fields(&[("code", code)])).await;
        assert_eq!(app_error(&response), AppError::NotFound, "{code:?}");
    }
}

#[tokio::test]
async fn every_page_names_its_icon_and_the_icon_is_there() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut reader = app.client();
    for page in ["/", "/consultaties/visie"] {
        let html = reader.get(page).await;
        assert!(html.body.contains(r#"<link rel="icon" type="image/svg+xml" href="/favicon.svg""#), "{page}: {}", html.body);
    }
    let icon = reader.get("/favicon.svg").await;
    assert_eq!(icon.status, StatusCode::OK);
    assert_eq!(icon.header("content-type"), Some("image/svg+xml"));
    assert!(icon.body.starts_with("<svg") && icon.body.contains("<title>Inspraak</title>"), "{}", icon.body);
    // What browsers and feed readers ask for by themselves is no longer a 404.
    let ico = reader.get("/favicon.ico").await;
    assert_eq!(ico.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(ico.location(), "/favicon.svg");
}
