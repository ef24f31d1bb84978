//! Mail to residents against a real SMTP server (aiosmtpd) and a real database: the receipt, the
//! outbox when the server is down, confirmation and the answer mail, the lost-code form, erasure
//! and retention.

mod common;

use app::api::{ErasureRequested, LinkFollowed, OutboxView, Receipt};
use app::domain::comment::CommentForm;
use app::domain::error::{FieldError, FormOutcome};
use app::domain::mail::{MAX_ATTEMPTS, OutboxStatus};
use axum::http::StatusCode;
use common::sink::{MailSink, link_path};
use common::*;
use time::Duration;

const JAN: &str = "jan.jansen@voorbeeld.nl";
const PIETERNEL: &str = "pieternel@voorbeeld.nl";

async fn mail_app(sink: &MailSink) -> TestApp {
    let app = TestApp::with_mail(&sink.url(), generous()).await;
    app.seed_open("visie").await;
    app
}

fn with_sender(body: &str, name: &str, email: &str) -> CommentForm {
    CommentForm {
        name: name.into(),
        email: email.into(),
        show_name: (!name.is_empty()).then(|| "on".into()),
        consent: Some("on".into()),
        ..comment("visie", "h1-1", body)
    }
}

async fn submit(app: &TestApp, form: CommentForm) -> Receipt {
    let response = app.client_from([203, 0, 113, 60]).submit(&form).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    saved(response.json::<FormOutcome<Receipt>>())
}

/// The token of the first link to `prefix` ("/bevestigen/") in the last mail to `to`.
fn token_in_mail(sink: &MailSink, to: &str, prefix: &str) -> String {
    let mails = sink.messages_to(to);
    let body = &mails.last().unwrap_or_else(|| panic!("no mail to {to}")).body;
    link_path(body, prefix).unwrap_or_else(|| panic!("no {prefix} link in {body}")).trim_start_matches(prefix).to_string()
}

async fn follow(client: &mut Client, purpose: &str, token: &str) -> FormOutcome<LinkFollowed> {
    let response = client.call("/api/maillink", &fields(&[("purpose", purpose), ("token", token)])).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

async fn answer_and_adopt(app: &TestApp, officer: &mut Client, answers: &[(i64, &str)]) {
    for (id, text) in answers {
        publish_answer(app, officer, *id, text, "verwerkt", "1, alinea 1").await;
    }
    let today = app::backend::services::today().to_string();
    // The college's adoption is recorded by an admin.
    let adopted = app.admin().await.call("/api/vaststelling", &fields(&[("form[slug]", "visie"), ("form[adopted_on]", &today)])).await;
    assert!(matches!(adopted.json::<FormOutcome<app::api::Adopted>>(), FormOutcome::Done(_)), "{}", adopted.body);
}

#[tokio::test]
async fn a_receipt_reaches_the_mail_server_with_the_code_and_its_links() {
    let sink = MailSink::start();
    let app = mail_app(&sink).await;
    let receipt = submit(&app, with_sender("Meer bankjes in het park.", "Jan Jansen", JAN)).await;
    submit(&app, comment("visie", "h1-2", "Zonder adres: geen mail.")).await;
    assert_eq!(app.deliver().await.sent, 1, "one receipt, none for the comment without an address");

    let mails = sink.messages_to(JAN);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(mail.subject.contains("Visie op de wijk 2027"), "{}", mail.subject);
    for needle in ["Beste Jan Jansen", receipt.code.as_str(), &format!("/volg/{}", receipt.code), "/bevestigen/", "/afmelden/"] {
        assert!(mail.body.contains(needle), "{needle} missing in:\n{}", mail.body);
    }
    assert!(mail.list_unsubscribe.as_deref().is_some_and(|h| h.contains("/afmelden/")), "{:?}", mail.list_unsubscribe);
    // Once sent, the outbox keeps neither the address nor the text.
    assert!(app.store.outbox_unsent(10).await.unwrap().is_empty());
    assert_eq!(app.store.outbox_counts().await.unwrap().sent, 1);
}

#[tokio::test]
async fn mail_waits_while_the_server_is_down_and_goes_out_once_when_it_is_back() {
    let mut sink = MailSink::start();
    let app = mail_app(&sink).await;
    sink.down();
    for (i, email) in ["a@voorbeeld.nl", "b@voorbeeld.nl", "c@voorbeeld.nl"].iter().enumerate() {
        let receipt = submit(&app, with_sender(&format!("Reactie {i}"), "", email)).await;
        assert!(is_tracking_code(&receipt.code), "the comment is stored whatever the mail server does");
    }
    let now = app::backend::store::now();
    let first = app.deliver_at(now).await;
    assert_eq!((first.sent, first.retried), (0, 3), "{first:?}");

    // An admin sees the waiting mail, masked, with the error.
    let mut admin = app.admin().await;
    let response = admin.call("/api/beheer/post", &[]).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert!(!response.body.contains("a@voorbeeld.nl"), "addresses are masked: {}", response.body);
    let view: OutboxView = response.json();
    assert_eq!((view.waiting, view.sent, view.failed), (3, 0, 0));
    assert!(view.unsent.iter().all(|m| m.attempts == 1 && m.last_error.as_deref().is_some_and(|e| !e.is_empty())), "{view:?}");
    assert!(view.unsent.iter().any(|m| m.recipient == "a***@voorbeeld.nl"), "{view:?}");
    let mut officer = app.officer().await;
    let refused = officer.call("/api/beheer/post", &[]).await;
    assert_ne!(refused.status, StatusCode::OK, "only admins see the outbox");

    sink.up();
    assert_eq!(app.deliver_at(now).await.sent, 0, "not before the retry is due");
    assert_eq!(app.deliver_at(now + Duration::minutes(2)).await.sent, 3);
    assert_eq!(app.deliver_at(now + Duration::days(1)).await, app::backend::mail::Delivery::default(), "nothing twice");
    let mails = sink.messages();
    assert_eq!(mails.len(), 3, "every mail once: {:?}", mails.iter().map(|m| &m.to).collect::<Vec<_>>());
    for email in ["a@voorbeeld.nl", "b@voorbeeld.nl", "c@voorbeeld.nl"] {
        assert_eq!(sink.messages_to(email).len(), 1, "{email}");
    }
}

#[tokio::test]
async fn a_mail_that_keeps_failing_is_marked_failed_and_an_admin_can_retry_it() {
    let mut sink = MailSink::start();
    let app = mail_app(&sink).await;
    sink.down();
    submit(&app, with_sender("Reactie", "", JAN)).await;
    let mut at = app::backend::store::now();
    for _ in 0..MAX_ATTEMPTS {
        app.deliver_at(at).await;
        at += Duration::hours(7);
    }
    let mut admin = app.admin().await;
    let view: OutboxView = admin.call("/api/beheer/post", &[]).await.json();
    assert_eq!(view.failed, 1, "{view:?}");
    let failed = &view.unsent[0];
    assert_eq!((failed.status, failed.attempts), (OutboxStatus::Failed, i64::from(MAX_ATTEMPTS)));
    assert_eq!(app.deliver_at(at).await.sent, 0, "a failed mail is not tried again by itself");

    sink.up();
    let retried = admin.call("/api/beheer/post/opnieuw", &fields(&[("id", &failed.id.to_string())])).await;
    assert!(matches!(retried.json::<FormOutcome<()>>(), FormOutcome::Done(())), "{}", retried.body);
    assert_eq!(app.deliver().await.sent, 1);
    assert_eq!(sink.messages_to(JAN).len(), 1);
}

#[tokio::test]
async fn only_a_confirmed_address_gets_the_adopted_answer_and_only_once() {
    let sink = MailSink::start();
    let app = mail_app(&sink).await;
    submit(&app, with_sender("Meer bankjes in het park.", "Jan Jansen", JAN)).await;
    submit(&app, with_sender("Meer bomen in de straat.", "", PIETERNEL)).await;
    assert_eq!(app.deliver().await.sent, 2);
    let mut resident = app.client_from([203, 0, 113, 61]);
    let confirmed = follow(&mut resident, "bevestigen", &token_in_mail(&sink, JAN, "/bevestigen/")).await;
    assert!(matches!(confirmed, FormOutcome::Done(_)), "{confirmed:?}");
    let unknown = follow(&mut resident, "bevestigen", "0123456789abcdef").await;
    assert_eq!(invalid(unknown).get("token"), [FieldError::LinkUnknown]);

    let (bankjes, bomen) =
        (app.comment_id("visie", "Meer bankjes in het park.").await, app.comment_id("visie", "Meer bomen in de straat.").await);
    let mut officer = app.officer().await;
    answer_and_adopt(&app, &mut officer, &[(bankjes, "Er komen **vier** bankjes bij."), (bomen, "De straat krijgt zes bomen.")]).await;
    assert_eq!(app.deliver().await.sent, 1, "the unconfirmed address gets only its receipt");
    let jan = sink.messages_to(JAN);
    assert_eq!(jan.len(), 2);
    assert!(jan[1].body.contains("Er komen **vier** bankjes bij.") && jan[1].body.contains("/afmelden/"), "{}", jan[1].body);
    assert_eq!(sink.messages_to(PIETERNEL).len(), 1);

    // Confirming after the adoption brings the answer that is already there, once.
    follow(&mut resident, "bevestigen", &token_in_mail(&sink, PIETERNEL, "/bevestigen/")).await;
    follow(&mut resident, "bevestigen", &token_in_mail(&sink, PIETERNEL, "/bevestigen/")).await;
    assert_eq!(app.deliver().await.sent, 1);
    assert!(sink.messages_to(PIETERNEL)[1].body.contains("De straat krijgt zes bomen."));
    let consultation = app.store.consultation_by_slug("visie").await.unwrap().unwrap();
    let site = app::backend::mail::SiteUrl("http://localhost".into());
    assert_eq!(app::backend::mail::queue_answers(&app.store, &app.state.mailer, &site, consultation.id).await.unwrap(), 0);
}

#[tokio::test]
async fn unsubscribing_stops_the_answer_mail() {
    let sink = MailSink::start();
    let app = mail_app(&sink).await;
    submit(&app, with_sender("Meer bankjes in het park.", "", JAN)).await;
    app.deliver().await;
    let mut resident = app.client_from([203, 0, 113, 62]);
    follow(&mut resident, "bevestigen", &token_in_mail(&sink, JAN, "/bevestigen/")).await;
    let unsubscribed = follow(&mut resident, "afmelden", &token_in_mail(&sink, JAN, "/afmelden/")).await;
    assert!(matches!(unsubscribed, FormOutcome::Done(_)));
    let mut officer = app.officer().await;
    answer_and_adopt(&app, &mut officer, &[(app.comment_id("visie", "Meer bankjes in het park.").await, "Komt er.")]).await;
    assert_eq!(app.deliver().await.sent, 0);
    assert_eq!(sink.messages_to(JAN).len(), 1);
}

#[tokio::test]
async fn the_lost_code_form_answers_alike_whether_or_not_the_address_is_known() {
    let sink = MailSink::start();
    let app = mail_app(&sink).await;
    let jan = submit(&app, with_sender("Meer bankjes in het park.", "", JAN)).await;
    let jan_again = submit(&app, with_sender("En een speeltuin.", "", JAN)).await;
    submit(&app, with_sender("Meer bomen.", "", PIETERNEL)).await;
    app.deliver().await;
    let mut resident = app.client_from([203, 0, 113, 63]);
    follow(&mut resident, "bevestigen", &token_in_mail(&sink, JAN, "/bevestigen/")).await;

    let mut answers = Vec::new();
    for email in [JAN, "onbekend@voorbeeld.nl", PIETERNEL] {
        let response = resident.call("/api/volgcodes", &fields(&[("email", email)])).await;
        answers.push((response.status, response.body.clone()));
        let plain = resident.post_form("/api/volgcodes", &fields(&[("email", email)]), "/volg/kwijt").await;
        answers.push((plain.status, plain.location().to_string()));
    }
    assert_eq!(answers[0], answers[2], "known and unknown look the same");
    assert_eq!(answers[0], answers[4], "confirmed and unconfirmed look the same");
    assert_eq!(answers[1], answers[3]);
    assert_eq!(answers[1], answers[5]);
    assert_eq!(answers[1].1, "/volg/kwijt?verstuurd=1");

    app.deliver().await;
    let codes: Vec<_> = sink.messages_to(JAN).into_iter().filter(|m| m.subject == "Uw volgcodes").collect();
    assert_eq!(codes.len(), 1, "asked twice within ten minutes: one mail, so the form cannot flood a mailbox");
    assert!(codes[0].body.contains(&jan.code) && codes[0].body.contains(&jan_again.code), "{}", codes[0].body);
    assert_eq!(sink.messages_to("onbekend@voorbeeld.nl").len(), 0);
    assert_eq!(sink.messages_to(PIETERNEL).len(), 1, "an unconfirmed address keeps only its receipt");

    let bad = resident.call("/api/volgcodes", &fields(&[("email", "jan@")])).await.json::<FormOutcome<()>>();
    assert_eq!(invalid(bad).get("email"), [FieldError::InvalidEmail]);
}

#[tokio::test]
async fn the_lost_code_form_and_the_tracking_page_are_rate_limited() {
    let settings = app::backend::Settings { recoveries_per_minute: 2, lookups_per_minute: 3, ..generous() };
    let sink = MailSink::start();
    let app = TestApp::with_mail(&sink.url(), settings).await;
    let mut guesser = app.client_from([198, 51, 100, 7]);
    for _ in 0..2 {
        let ok = guesser.call("/api/volgcodes", &fields(&[("email", "x@voorbeeld.nl")])).await.json::<FormOutcome<()>>();
        assert!(matches!(ok, FormOutcome::Done(())));
    }
    let limited = guesser.call("/api/volgcodes", &fields(&[("email", "y@voorbeeld.nl")])).await.json::<FormOutcome<()>>();
    assert_eq!(invalid(limited).get("email"), [FieldError::TooManyRequests]);
    let other = app.client_from([198, 51, 100, 8]).call("/api/volgcodes", &fields(&[("email", "y@voorbeeld.nl")])).await;
    assert!(matches!(other.json::<FormOutcome<()>>(), FormOutcome::Done(())), "another address is not held up");

    for code in ["AAAAA-AAAAA", "AAAAA-AAAAB", "AAAAA-AAAAC"] {
        assert_eq!(guesser.get(&format!("/volg/{code}")).await.status, StatusCode::NOT_FOUND);
    }
    let blocked = guesser.get("/volg/AAAAA-AAAAD").await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS, "{}", blocked.body);
    let erase = guesser.call("/api/wissen", &fields(&[("code", "AAAAA-AAAAE"), ("confirm", "on")])).await;
    assert_eq!(app_error(&erase), app::domain::error::AppError::RateLimited, "erasing by code is limited with the lookups");
}

#[tokio::test]
async fn erasure_removes_the_name_everywhere_and_leaves_only_that_it_happened() {
    let sink = MailSink::start();
    let app = mail_app(&sink).await;
    let name_only = submit(&app, with_sender("Meer bankjes in het park.", "Henriëtte Zonnebloem", "")).await;
    let with_mail = submit(&app, with_sender("Meer bomen in de straat.", "Karel Appelboom", JAN)).await;
    app.deliver().await;
    let mut resident = app.client_from([203, 0, 113, 64]);
    follow(&mut resident, "bevestigen", &token_in_mail(&sink, JAN, "/bevestigen/")).await;
    let mut officer = app.officer().await;
    let (bankjes, bomen) =
        (app.comment_id("visie", "Meer bankjes in het park.").await, app.comment_id("visie", "Meer bomen in de straat.").await);
    answer_and_adopt(&app, &mut officer, &[(bankjes, "Komen er."), (bomen, "Komen er ook.")]).await;
    let report = resident.get("/consultaties/visie/reactienota.md").await;
    assert!(report.body.contains("Henriëtte Zonnebloem") && report.body.contains("Karel Appelboom"), "shown with consent first");

    // Without the tick nothing happens; with it, a name without an address goes at once.
    let refused = resident.call("/api/wissen", &fields(&[("code", &name_only.code)])).await.json::<FormOutcome<ErasureRequested>>();
    assert_eq!(invalid(refused).get("confirm"), [FieldError::ErasureNotConfirmed]);
    let erased = resident.call("/api/wissen", &fields(&[("code", &name_only.code), ("confirm", "on")])).await;
    assert_eq!(erased.json::<FormOutcome<ErasureRequested>>(), FormOutcome::Done(ErasureRequested::Erased));

    // A confirmed address confirms by mail; the link works once.
    let asked = resident
        .post_form("/api/wissen", &fields(&[("code", &with_mail.code), ("confirm", "on")]), &format!("/volg/{}", with_mail.code))
        .await;
    assert_eq!(asked.location(), format!("/volg/{}?wissen=mail#gegevens", with_mail.code));
    assert!(app.store.sender_of(bomen).await.unwrap().is_some(), "not before the link is used");
    app.deliver().await;
    let erase_token = token_in_mail(&sink, JAN, "/wissen/");
    let plain = resident.post_form("/api/maillink", &fields(&[("purpose", "wissen"), ("token", &erase_token)]), "/wissen/x").await;
    assert_eq!(plain.location(), format!("/volg/{}?wissen=klaar#gegevens", with_mail.code));
    assert!(matches!(follow(&mut resident, "wissen", &erase_token).await, FormOutcome::Invalid(_)), "a used link does nothing");

    // Gone from every output: the nota, the officers' list, the tracking page, the open data.
    for path in [
        "/consultaties/visie/reactienota.md",
        "/consultaties/visie/reactienota",
        "/api/v1/consultaties/visie/reacties",
        &format!("/volg/{}", with_mail.code),
    ] {
        let page = resident.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        for name in ["Henriëtte", "Zonnebloem", "Karel Appelboom", JAN] {
            assert!(!page.body.contains(name), "{name} still on {path}");
        }
    }
    let nota = resident.get("/consultaties/visie/reactienota.md").await.body;
    assert!(nota.contains("Inspreker 1") && nota.contains("Inspreker 2"), "{nota}");
    let list = reaction_list(&mut officer, "visie", "").await;
    let listed = serde_json::to_string(&list).unwrap();
    assert!(!listed.contains("Zonnebloem") && !listed.contains("Appelboom") && !listed.contains(JAN), "{listed}");
    assert_eq!(list.items.len(), 2, "the reactions themselves stay");

    // The admin sees that it happened, not what.
    let mut admin = app.admin().await;
    let response = admin.call("/api/beheer/post", &[]).await;
    let view: OutboxView = response.json();
    assert_eq!(view.erasures.iter().filter(|e| e.by_request).count(), 2, "{view:?}");
    assert!(!response.body.contains("Zonnebloem") && !response.body.contains("Appelboom") && !response.body.contains("jan."));
}

#[tokio::test]
async fn addresses_are_erased_a_set_time_after_the_consultation_closed() {
    let sink = MailSink::start();
    let app = TestApp::with_mail(&sink.url(), generous()).await;
    app.seed_consultation("oud", "Oude visie", -500, -400).await;
    app.seed_open("visie").await;
    let old = CommentForm { consultation: "oud".into(), ..with_sender("Te laat, maar toch.", "Oude Inspreker", JAN) };
    submit(&app, old).await;
    submit(&app, with_sender("Nog open.", "", PIETERNEL)).await;

    let today = app::backend::services::today();
    assert_eq!(app::backend::mail::apply_retention(&app.store, 401, today).await.unwrap(), 0, "still within the period");
    assert_eq!(app::backend::mail::apply_retention(&app.store, 365, today).await.unwrap(), 1);
    let old_id = {
        let c = app.store.consultation_by_slug("oud").await.unwrap().unwrap();
        app.store.comments_for_officer(c.id).await.unwrap()[0].clone()
    };
    assert_eq!(old_id.sender_email, None, "the address is gone");
    assert_eq!(old_id.sender_name.as_deref(), Some("Oude Inspreker"), "the name stays until the resident asks");
    assert_eq!(app.deliver().await.sent, 1, "the old receipt is dropped with the address; the open one goes");
    assert!(sink.messages_to(JAN).is_empty());

    let mut admin = app.admin().await;
    let view: OutboxView = admin.call("/api/beheer/post", &[]).await.json();
    assert_eq!(view.erasures.len(), 1);
    assert!(!view.erasures[0].by_request && view.erasures[0].reactions == 1, "{view:?}");
}
