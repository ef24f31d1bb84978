//! The holes a security review found, each closed with a test that failed before the fix:
//! council access across municipalities, adoption by admins only, four eyes over the whole
//! history, deactivated accounts and ended sessions, concept consultations kept from the public,
//! form echoes bound to their browser, links built from the public address only, rate limits
//! behind a reverse proxy, the Content-Security-Policy and HSTS, the open redirect, and images
//! in answers.

mod common;

use app::api::{CouncilDetailView, CouncilListItem, FormEcho, InviteLink, Receipt};
use app::backend::Settings;
use app::backend::ratelimit::TrustedProxies;
use app::domain::error::{AppError, FieldError, FormOutcome};
use app::domain::role::Role;
use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use common::*;
use serde::de::DeserializeOwned;

fn done<T: DeserializeOwned + std::fmt::Debug>(response: &TestResponse) -> T {
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    saved(response.json::<FormOutcome<T>>())
}

/// A signed-in staff member of a municipality.
async fn staff_of(app: &TestApp, email: &str, role: Role, municipality: Option<&str>, ip: u8) -> Client {
    let hash = app::backend::auth::hash_password(OFFICER_PASSWORD).unwrap();
    app.store.create_staff(email, email, &hash, role, municipality).await.unwrap();
    let mut client = app.client_from([192, 0, 2, ip]);
    let response = client.login(email, OFFICER_PASSWORD).await;
    assert!(matches!(response.json::<FormOutcome<()>>(), FormOutcome::Done(())), "{}", response.body);
    client
}

async fn create_council(officer: &mut Client, name: &str, municipality: &str) -> String {
    done(
        &officer
            .call(
                "/api/raad-nieuw",
                &fields(&[("form[name]", name), ("form[municipality]", municipality), ("form[kind]", "wmo"), ("form[slug]", "")]),
            )
            .await,
    )
}

/// A resident's comment on the first paragraph of "visie", and its id.
async fn comment_of(app: &TestApp, body: &str) -> (Receipt, i64) {
    let receipt: Receipt = done(&app.client().submit(&comment("visie", "h1-1", body)).await);
    let code = app::domain::tracking::TrackingCode::parse(&receipt.code).unwrap();
    let id = app.store.comment_by_code(&code).await.unwrap().unwrap().comment_id;
    (receipt, id)
}

fn invite(council: &str, email: &str) -> Vec<(String, String)> {
    fields(&[("form[council]", council), ("form[name]", "Indringer"), ("form[email]", email)])
}

#[tokio::test]
async fn an_officer_of_one_municipality_cannot_get_into_anothers_council() {
    let app = TestApp::new().await;
    let mut lindeburg = staff_of(&app, "a@lindeburg.example", Role::Officer, Some("Lindeburg"), 10).await;
    let mut waterhoven = staff_of(&app, "b@waterhoven.example", Role::Officer, Some("Waterhoven"), 11).await;
    let mut admin = app.admin().await;
    let wmo = create_council(&mut waterhoven, "Wmo-raad Waterhoven", "Waterhoven").await;
    let link: InviteLink = done(&waterhoven.call("/api/raad-uitnodigen", &invite(&wmo, "lid@waterhoven.example")).await);
    assert!(link.path.starts_with("/uitnodiging/"));

    // Lindeburg's officer does not invite themselves into Waterhoven's council, nor reads it.
    let refused = lindeburg.call("/api/raad-uitnodigen", &invite(&wmo, "ik@lindeburg.example")).await;
    assert_eq!(app_error(&refused), AppError::Forbidden);
    assert_eq!(app_error(&lindeburg.call("/api/raad", &fields(&[("council", &wmo)])).await), AppError::Forbidden);
    let listed: Vec<CouncilListItem> = lindeburg.call("/api/raden", &[]).await.json();
    assert!(listed.iter().all(|c| c.council.slug != wmo), "another municipality's council is not listed: {listed:?}");
    // Nor registers a council in another municipality's name.
    let other = lindeburg
        .call(
            "/api/raad-nieuw",
            &fields(&[("form[name]", "Nep-raad"), ("form[municipality]", "Waterhoven"), ("form[kind]", "wmo"), ("form[slug]", "")]),
        )
        .await;
    assert_eq!(invalid(other.json::<FormOutcome<String>>()).get("municipality"), [FieldError::NotYourMunicipality]);

    // Waterhoven's own officer and the admin see the members' addresses.
    let detail: CouncilDetailView = waterhoven.call("/api/raad", &fields(&[("council", &wmo)])).await.json();
    assert_eq!(detail.invites.len(), 1);
    let listed: Vec<CouncilListItem> = admin.call("/api/raden", &[]).await.json();
    assert!(listed.iter().any(|c| c.council.slug == wmo));
}

#[tokio::test]
async fn staff_enter_an_oral_advice_only_for_their_own_municipalitys_council() {
    let app = TestApp::new().await;
    app.seed_consultation_in("regio", "Regiovisie", 20, 60, "advies").await;
    let mut waterhoven = staff_of(&app, "b@waterhoven.example", Role::Officer, Some("Waterhoven"), 11).await;
    let mut lindeburg = staff_of(&app, "a@lindeburg.example", Role::Officer, Some("Lindeburg"), 10).await;
    let wmo = create_council(&mut waterhoven, "Wmo-raad Waterhoven", "Waterhoven").await;
    let asked = waterhoven.call("/api/raad-vragen", &fields(&[("consultation", "regio"), ("council", &wmo)])).await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    let intro = |received: &str| {
        fields(&[
            ("form[consultation]", "regio"),
            ("form[council]", &wmo),
            ("form[intro]", "Mondeling advies."),
            ("form[received_on]", received),
        ])
    };
    let today = app::backend::services::today().to_string();
    let refused = lindeburg.call("/api/advies-inleiding", &intro(&today)).await;
    assert_eq!(app_error(&refused), AppError::Forbidden, "{}", refused.body);
    let accepted = waterhoven.call("/api/advies-inleiding", &intro(&today)).await;
    assert!(matches!(accepted.json::<FormOutcome<()>>(), FormOutcome::Done(())), "{}", accepted.body);
}

#[tokio::test]
async fn only_an_admin_records_the_colleges_adoption() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut officer = app.officer().await;
    let (_, id) = comment_of(&app, "Meer bankjes.").await;
    publish_answer(&app, &mut officer, id, "Komen er.", "verwerkt", "1, alinea 1").await;
    let today = app::backend::services::today().to_string();
    let adopt = fields(&[("form[slug]", "visie"), ("form[adopted_on]", &today)]);
    assert_eq!(app_error(&officer.call("/api/vaststelling", &adopt).await), AppError::Forbidden);
    assert_eq!(app_error(&app.reviewer().await.call("/api/vaststelling", &adopt).await), AppError::Forbidden);
    let adopted = app.admin().await.call("/api/vaststelling", &adopt).await;
    assert!(matches!(adopted.json::<FormOutcome<app::api::Adopted>>(), FormOutcome::Done(_)), "{}", adopted.body);
}

#[tokio::test]
async fn a_reviewer_cannot_approve_their_own_text_after_a_colleague_saved_it_again() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut officer = app.officer().await;
    let mut reviewer = app.reviewer().await;
    let (_, id) = comment_of(&app, "Meer bankjes.").await;
    // The reviewer writes the text, the officer saves it again unchanged for review.
    let first = saved(save_answer(&mut reviewer, &answer_fields(id, "Tekst van de beoordelaar.", "verwerkt", "1", "concept")).await);
    let again = saved(
        save_answer(
            &mut officer,
            &answer_fields_from(id, "Tekst van de beoordelaar.", "verwerkt", "1", "ter_beoordeling", Some(first.revisions[0].revision_no)),
        )
        .await,
    );
    let refused = invalid(review(&mut reviewer, id, again.revisions[0].revision_no, "goedkeuren", "").await);
    assert_eq!(refused.get("decision"), [FieldError::OwnAnswer]);
    // Another reviewer may.
    let mut other = app.admin().await;
    saved(review(&mut other, id, again.revisions[0].revision_no, "goedkeuren", "").await);
}

#[tokio::test]
async fn a_deactivated_account_is_signed_out_and_cannot_sign_in_again() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut admin = app.admin().await;
    let mut officer = app.officer().await;
    let officer_id = app.store.user_by_email(OFFICER_EMAIL).await.unwrap().unwrap().id;
    assert_eq!(officer.call("/api/beheer-consultaties", &[]).await.status, StatusCode::OK);

    let changed = admin.call("/api/gebruiker-actief", &fields(&[("form[user]", &officer_id.to_string()), ("form[active]", "nee")])).await;
    assert!(matches!(changed.json::<FormOutcome<app::api::ActiveChanged>>(), FormOutcome::Done(_)), "{}", changed.body);
    assert_eq!(app_error(&officer.call("/api/beheer-consultaties", &[]).await), AppError::Unauthorized, "the running session ended");
    let again = app.client_from([192, 0, 2, 99]).login(OFFICER_EMAIL, OFFICER_PASSWORD).await;
    assert_eq!(invalid(again.json::<FormOutcome<()>>()).get("email"), [FieldError::InvalidCredentials]);
    let events = app.store.account_events(officer_id).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].0, "gedeactiveerd");

    // Not the admin's own account, and not by an officer.
    let admin_id = app.store.user_by_email("admin@gemeente.example").await.unwrap().unwrap().id;
    let own = admin.call("/api/gebruiker-actief", &fields(&[("form[user]", &admin_id.to_string()), ("form[active]", "nee")])).await;
    assert_eq!(invalid(own.json::<FormOutcome<app::api::ActiveChanged>>()).get("active"), [FieldError::OwnRole]);

    // Reactivated, the old password works again, but the old session stays ended.
    let back = admin.call("/api/gebruiker-actief", &fields(&[("form[user]", &officer_id.to_string()), ("form[active]", "ja")])).await;
    assert!(matches!(back.json::<FormOutcome<app::api::ActiveChanged>>(), FormOutcome::Done(_)), "{}", back.body);
    assert_eq!(app_error(&officer.call("/api/beheer-consultaties", &[]).await), AppError::Unauthorized);
    let mut fresh = app.client_from([192, 0, 2, 98]);
    assert!(matches!(fresh.login(OFFICER_EMAIL, OFFICER_PASSWORD).await.json::<FormOutcome<()>>(), FormOutcome::Done(())));
}

#[tokio::test]
async fn a_new_password_from_the_command_line_ends_every_session() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    assert_eq!(officer.call("/api/beheer-consultaties", &[]).await.status, StatusCode::OK);
    let hash = app::backend::auth::hash_password("een-heel-nieuw-wachtwoord").unwrap();
    assert!(app.store.set_password(OFFICER_EMAIL, &hash).await.unwrap());
    assert_eq!(app_error(&officer.call("/api/beheer-consultaties", &[]).await), AppError::Unauthorized);
    let mut fresh = app.client_from([192, 0, 2, 97]);
    assert!(matches!(fresh.login(OFFICER_EMAIL, "een-heel-nieuw-wachtwoord").await.json::<FormOutcome<()>>(), FormOutcome::Done(())));
}

#[tokio::test]
async fn staff_of_the_municipality_remove_a_council_member_who_is_then_signed_out() {
    let app = TestApp::new().await;
    app.seed_consultation_in("regio", "Regiovisie", 20, 60, "advies").await;
    let mut waterhoven = staff_of(&app, "b@waterhoven.example", Role::Officer, Some("Waterhoven"), 11).await;
    let mut lindeburg = staff_of(&app, "a@lindeburg.example", Role::Officer, Some("Lindeburg"), 10).await;
    let wmo = create_council(&mut waterhoven, "Wmo-raad Waterhoven", "Waterhoven").await;
    let link: InviteLink = done(&waterhoven.call("/api/raad-uitnodigen", &invite(&wmo, "lid@waterhoven.example")).await);
    let token = link.path.trim_start_matches("/uitnodiging/");
    let mut member = app.client_from([198, 51, 100, 7]);
    let password = "een-lang-wachtwoord";
    done::<()>(
        &member
            .call(
                "/api/uitnodiging-aannemen",
                &fields(&[("form[token]", token), ("form[password]", password), ("form[password_again]", password)]),
            )
            .await,
    );
    assert_eq!(member.call("/api/mijn-raad", &[]).await.status, StatusCode::OK);
    let member_id = app.store.user_by_email("lid@waterhoven.example").await.unwrap().unwrap().id.to_string();
    let remove = fields(&[("council", &wmo), ("member", &member_id)]);
    assert_eq!(app_error(&lindeburg.call("/api/raad-lid-weg", &remove).await), AppError::Forbidden);
    assert_eq!(member.call("/api/mijn-raad", &[]).await.status, StatusCode::OK, "still a member");
    done::<()>(&waterhoven.call("/api/raad-lid-weg", &remove).await);
    assert_eq!(app_error(&member.call("/api/mijn-raad", &[]).await), AppError::Unauthorized, "signed out");
    let detail: CouncilDetailView = waterhoven.call("/api/raad", &fields(&[("council", &wmo)])).await.json();
    assert!(detail.members.iter().all(|m| !m.active), "shown as removed: {:?}", detail.members);
    let again = app.client_from([198, 51, 100, 8]).login("lid@waterhoven.example", password).await;
    assert_eq!(invalid(again.json::<FormOutcome<()>>()).get("email"), [FieldError::InvalidCredentials]);
}

#[tokio::test]
async fn a_concept_is_not_public_anywhere() {
    let app = TestApp::new().await;
    app.seed_consultation_in("geheim", "Geheim concept", 30, 70, "concept").await;
    app.seed_open("open").await;
    let mut anonymous = app.client();
    let home = anonymous.get("/").await;
    assert!(!home.body.contains("Geheim concept") && home.body.contains("Visie op de wijk"), "{}", home.body);
    for path in [
        "/consultaties/geheim",
        "/consultaties/geheim/reactienota",
        "/consultaties/geheim/resultaat",
        "/consultaties/geheim/adviezen",
        "/consultaties/geheim/reactienota.html",
        "/consultaties/geheim/reactienota.md",
        "/consultaties/geheim/reactienota.docx",
        "/consultaties/geheim/reactienota.xlsx",
        "/consultaties/geheim/reactienota.csv",
        "/consultaties/geheim/dossier.zip",
        "/api/v1/consultaties/geheim",
        "/api/v1/consultaties/geheim/reacties",
        "/api/v1/consultaties/geheim/adviezen",
    ] {
        let response = anonymous.get(path).await;
        assert_eq!(response.status, StatusCode::NOT_FOUND, "{path}: {}", response.status);
        assert!(!response.body.contains("Geheim concept"), "{path} names the concept");
    }
    let list = anonymous.get("/api/v1/consultaties").await;
    assert!(!list.body.contains("geheim") && list.body.contains("open"), "{}", list.body);
    for (endpoint, args) in [
        ("/api/consultatie", vec![("slug", "geheim")]),
        ("/api/resultaat", vec![("slug", "geheim")]),
        ("/api/reactienota", vec![("slug", "geheim")]),
        ("/api/collegereacties", vec![("consultation", "geheim")]),
    ] {
        assert_eq!(app_error(&anonymous.call(endpoint, &fields(&args)).await), AppError::NotFound, "{endpoint}");
    }
    let comment = anonymous.submit(&comment("geheim", "h1-1", "Ik weet ervan.")).await;
    assert_eq!(app_error(&comment), AppError::NotFound);
    // Staff read it.
    let mut officer = app.officer().await;
    assert_eq!(officer.get("/consultaties/geheim").await.status, StatusCode::OK);
    assert!(officer.get("/").await.body.contains("Geheim concept"));
    assert_eq!(officer.get("/consultaties/geheim/reactienota.md").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_form_echo_is_shown_only_to_the_browser_that_made_it() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut resident = app.client();
    let typed = comment("visie", "bestaat-niet", "Mijn tekst over het park bij de school.");
    let refused = resident.post_form("/api/reageer", &comment_fields(&typed), "/consultaties/visie?alinea=document").await;
    assert_eq!(refused.status, StatusCode::FOUND);
    let location = refused.location().to_string();
    let token = location.split("formulier=").nth(1).unwrap().split('#').next().unwrap().to_string();
    assert!(resident.cookie(app::backend::flash::ECHO_COOKIE).is_some(), "the browser got its echo cookie");
    let mine: Option<FormEcho> = resident.call("/api/formulier", &fields(&[("token", &token)])).await.json();
    assert_eq!(mine.expect("own echo").value("body"), typed.body);
    assert!(resident.get(&location).await.body.contains(&typed.body), "the form comes back filled in");
    // Someone who saw the URL (a proxy log, a shared link) gets nothing.
    let mut stranger = app.client_from([203, 0, 113, 77]);
    let theirs: Option<FormEcho> = stranger.call("/api/formulier", &fields(&[("token", &token)])).await.json();
    assert_eq!(theirs, None);
    assert!(!stranger.get(&location).await.body.contains(&typed.body), "no echo on a stranger's page");
}

#[tokio::test]
async fn mail_links_ignore_the_host_header() {
    let app = TestApp::with_settings(Settings { public_url: Some("https://inspraak.lindeburg.nl".into()), ..generous() }).await;
    app.seed_open("visie").await;
    let form = app::domain::comment::CommentForm {
        email: "jan@voorbeeld.nl".into(),
        consent: Some("on".into()),
        ..comment("visie", "h1-1", "Meer bomen.")
    };
    let mut resident = app.client();
    let request = resident
        .builder(Method::POST, "/api/reageer")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(urlencode(&comment_fields(&form))))
        .unwrap();
    let mut request = request;
    request.headers_mut().insert(header::HOST, "evil.example".parse().unwrap());
    request.headers_mut().remove(header::ORIGIN);
    let response = resident.send(request).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let queued = app.store.outbox_unsent(10).await.unwrap();
    assert_eq!(queued.len(), 1);
    assert!(!queued[0].body.contains("evil.example"), "{}", queued[0].body);
    assert!(queued[0].body.contains("https://inspraak.lindeburg.nl/volg/"), "{}", queued[0].body);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit_and_a_spoofed_header_changes_nothing() {
    let settings = Settings { comments_per_minute: 2, trusted_proxies: TrustedProxies::parse("127.0.0.1"), ..generous() };
    let app = TestApp::with_settings(settings).await;
    app.seed_open("visie").await;
    let send = |forwarded: &'static str, peer: [u8; 4]| {
        let mut client = app.client_from(peer);
        async move {
            let mut request = client
                .builder(Method::POST, "/api/reageer")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .header("x-forwarded-for", forwarded)
                .body(Body::from(urlencode(&comment_fields(&comment("visie", "h1-1", "Een reactie.")))))
                .unwrap();
            request.headers_mut().remove(header::ORIGIN);
            let response = client.send(request).await;
            matches!(response.json::<FormOutcome<Receipt>>(), FormOutcome::Done(_))
        }
    };
    // Through the proxy, two residents each get their own two comments a minute.
    assert!(send("198.51.100.1", [127, 0, 0, 1]).await);
    assert!(send("198.51.100.1", [127, 0, 0, 1]).await);
    assert!(!send("198.51.100.1", [127, 0, 0, 1]).await, "the third from the same resident is limited");
    assert!(send("198.51.100.2", [127, 0, 0, 1]).await, "another resident behind the same proxy is not");
    // An untrusted peer that claims a new address each time is still limited by its own.
    assert!(send("203.0.113.1", [192, 0, 2, 50]).await);
    assert!(send("203.0.113.2", [192, 0, 2, 50]).await);
    assert!(!send("203.0.113.3", [192, 0, 2, 50]).await, "a spoofed X-Forwarded-For from an untrusted peer is ignored");
}

#[tokio::test]
async fn pages_carry_a_strict_csp_with_their_own_nonce_and_hsts_over_https() {
    let app = TestApp::with_settings(Settings { public_url: Some("https://inspraak.lindeburg.nl".into()), ..generous() }).await;
    app.seed_open("visie").await;
    let mut client = app.officer().await;
    // A page made for one visitor (here a signed-in officer) carries a nonce of its own.
    let page = client.get("/consultaties/visie").await;
    let csp = page.header("content-security-policy").expect("a CSP on pages").to_string();
    let nonce = csp.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).expect("a nonce").to_string();
    assert!(!csp.contains("'unsafe-inline'") && !csp.contains("'unsafe-eval'"), "{csp}");
    for directive in ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    // Every inline script carries the nonce.
    for script in page.body.split("<script").skip(1) {
        let tag = script.split('>').next().unwrap_or_default();
        assert!(tag.contains("src=") || tag.contains(&format!("nonce=\"{nonce}\"")), "an inline script without the nonce: <script{tag}>");
    }
    let other = client.get("/consultaties/visie").await;
    assert_ne!(other.header("content-security-policy"), Some(csp.as_str()), "a fresh nonce per response");
    // A public page served from the cache to many readers names its inline scripts by hash.
    let mut reader = app.client();
    reader.get("/consultaties/visie").await;
    let cached = reader.get("/consultaties/visie").await;
    assert_eq!(cached.header("x-inspraak-cache"), Some("hit"));
    let cached_csp = cached.header("content-security-policy").expect("a CSP on cached pages");
    assert!(!cached_csp.contains("nonce") && !cached_csp.contains("'unsafe-inline'"), "{cached_csp}");
    for directive in ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"] {
        assert!(cached_csp.contains(directive), "{directive} in {cached_csp}");
    }
    let inline = cached.body.split("<script").skip(1).filter(|s| !s.split('>').next().unwrap_or_default().contains("src=")).count();
    assert_eq!(cached_csp.matches("'sha256-").count(), inline, "one hash per inline script: {cached_csp}");
    assert_eq!(page.header("strict-transport-security"), Some("max-age=31536000; includeSubDomains"));
    let json = client.get("/api/v1/consultaties").await;
    assert!(json.header("content-security-policy").is_some_and(|c| c.starts_with("default-src 'none'")));
    let print = client.get("/consultaties/visie/reactienota.html").await;
    let print_csp = print.header("content-security-policy").unwrap();
    assert!(print_csp.contains("'sha256-") && !print_csp.contains("script-src"), "{print_csp}");
    // Plain http (the tests' default): no HSTS.
    let plain = TestApp::new().await;
    assert!(plain.client().get("/").await.header("strict-transport-security").is_none());
}

#[tokio::test]
async fn the_language_switch_returns_only_to_a_path_on_this_site() {
    let app = TestApp::new().await;
    let mut client = app.client();
    for evil in ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example", "/%0A/evil.example"] {
        let response = client.get(&format!("/taal/nl?terug={evil}")).await;
        assert_eq!(response.location(), "/", "{evil}");
    }
    assert_eq!(client.get("/taal/en?terug=/consultaties/visie%3Fdeel%3D2").await.location(), "/consultaties/visie?deel=2");
}

#[tokio::test]
async fn an_answer_carries_no_remote_image_to_residents() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut officer = app.officer().await;
    let (receipt, id) = comment_of(&app, "Meer bankjes.").await;
    let body = "Zie ![kaart](https://tracker.example/pixel.gif) en <img src=\"https://tracker.example/p.gif\">.";
    publish_answer(&app, &mut officer, id, body, "verwerkt", "1, alinea 1").await;
    let track = app.client().get(&format!("/volg/{}", receipt.code)).await;
    assert!(track.body.contains("kaart"), "the description stays");
    assert!(!track.body.contains("tracker.example"), "no tracking image on the resident's page");
    for path in ["/consultaties/visie/reactienota", "/consultaties/visie/reactienota.html", "/consultaties/visie/resultaat"] {
        let page = app.client().get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(!page.body.contains("<img"), "{path} carries an image");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_before_it_is_read() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let form = comment("visie", "h1-1", &"x".repeat(4 * 1024 * 1024));
    let body = urlencode(&comment_fields(&form));
    let mut client = app.client();
    let request = client
        .builder(Method::POST, "/api/reageer")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::ACCEPT, "text/html")
        .body(Body::from(body))
        .unwrap();
    let response = client.send(request).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.body.contains("te groot"), "{}", response.body);
    assert_eq!(app.comment_count().await, 0);
}
