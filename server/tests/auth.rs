//! Signing in and out, the session cookie, and what staff pages and server functions do for
//! someone who is not signed in.

mod common;

use app::api::{FormEcho, SessionUser};
use app::backend::Settings;
use app::domain::error::{AppError, FieldError, FieldErrors, FormOutcome};
use app::domain::role::{Action, Role, may};
use app::i18n::NL;
use axum::body::Body;
use axum::http::{Method, StatusCode, header};
use common::*;

fn login_outcome(response: &TestResponse) -> FormOutcome<()> {
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

async fn who(client: &mut Client) -> Option<SessionUser> {
    let response = client.call("/api/wie", &[]).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

#[tokio::test]
async fn a_wrong_password_or_unknown_account_is_refused_alike() {
    let app = TestApp::new().await;
    app.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Officer).await;
    let mut browser = app.client();

    for (email, password) in [(OFFICER_EMAIL, "niet-het-wachtwoord"), ("niemand@lindeburg.example", OFFICER_PASSWORD), (OFFICER_EMAIL, "")]
    {
        match login_outcome(&browser.login(email, password).await) {
            FormOutcome::Invalid(errors) => assert_eq!(errors.get("email"), [FieldError::InvalidCredentials], "{email}"),
            FormOutcome::Done(()) => panic!("signed in with {email} / {password}"),
        }
    }
    assert_eq!(browser.cookie(SESSION_COOKIE), None, "no session for a failed login");
    assert_eq!(who(&mut browser).await, None);
}

#[tokio::test]
async fn the_right_password_gives_a_protected_session_cookie() {
    let app = TestApp::new().await;
    app.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Officer).await;
    let mut browser = app.client();
    assert_eq!(who(&mut browser).await, None, "nobody before signing in");

    // E-mail addresses are compared without regard to case and surrounding spaces.
    let response = browser.login(" Beleid@Lindeburg.EXAMPLE ", OFFICER_PASSWORD).await;
    assert_eq!(login_outcome(&response), FormOutcome::Done(()));
    let cookie = response.set_cookie(SESSION_COOKIE).expect("a session cookie");
    let attributes: Vec<String> = cookie.split(';').map(|a| a.trim().to_ascii_lowercase()).collect();
    assert!(attributes.contains(&"httponly".to_string()), "{cookie}");
    assert!(attributes.contains(&"samesite=lax".to_string()), "{cookie}");
    assert!(attributes.contains(&"path=/".to_string()), "{cookie}");
    assert!(!attributes.contains(&"secure".to_string()), "not Secure when secure cookies are off: {cookie}");

    assert_eq!(who(&mut browser).await, Some(SessionUser { name: OFFICER_NAME.into(), role: Role::Officer }));
    // Another browser is not signed in.
    assert_eq!(who(&mut app.client()).await, None);
}

#[tokio::test]
async fn the_session_cookie_is_secure_when_configured() {
    let app = TestApp::build(generous(), true).await;
    app.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Admin).await;
    let response = app.client().login(OFFICER_EMAIL, OFFICER_PASSWORD).await;
    let cookie = response.set_cookie(SESSION_COOKIE).expect("a session cookie");
    assert!(cookie.split(';').any(|a| a.trim().eq_ignore_ascii_case("secure")), "{cookie}");
}

#[tokio::test]
async fn signing_out_ends_the_session_for_good() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let old_cookie = officer.cookie(SESSION_COOKIE).unwrap().to_string();
    assert!(who(&mut officer).await.is_some());

    let response = officer.call("/api/uitloggen", &[]).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let removal = response.set_cookie(SESSION_COOKIE).expect("the cookie is cleared");
    assert!(removal.to_ascii_lowercase().contains("max-age=0"), "{removal}");
    assert_eq!(officer.cookie(SESSION_COOKIE), None);
    assert_eq!(who(&mut officer).await, None);

    // The old cookie, replayed, opens nothing: the session is gone on the server too.
    officer.cookies.insert(SESSION_COOKIE.into(), old_cookie);
    assert_eq!(who(&mut officer).await, None);
    assert_eq!(app_error(&officer.call("/api/beheer-consultaties", &[]).await), AppError::Unauthorized);
}

#[tokio::test]
async fn signing_in_again_issues_a_new_session_id() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let first = officer.cookie(SESSION_COOKIE).unwrap().to_string();
    assert_eq!(login_outcome(&officer.login(OFFICER_EMAIL, OFFICER_PASSWORD).await), FormOutcome::Done(()));
    let second = officer.cookie(SESSION_COOKIE).unwrap().to_string();
    assert_ne!(first, second, "the session id changes on sign-in");
    assert!(who(&mut officer).await.is_some());
    let mut replay = app.client();
    replay.cookies.insert(SESSION_COOKIE.into(), first);
    assert_eq!(who(&mut replay).await, None, "the previous id no longer works");
}

#[tokio::test]
async fn staff_pages_ask_to_sign_in() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    for path in [
        "/beheer",
        "/beheer/consultaties/visie",
        "/beheer/consultaties/visie/reacties",
        "/beheer/consultaties/visie/groepen",
        "/beheer/nieuw",
    ] {
        let page = browser.get(path).await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(page.body.contains(NL.error_unauthorized), "{path}: Dutch message");
        assert!(page.body.contains("href=\"/inloggen\""), "{path}: a way to sign in");
        assert!(!page.body.contains("Visie op de wijk 2027"), "{path}: no staff data");
    }
    let login = browser.get("/inloggen").await;
    assert_eq!(login.status, StatusCode::OK);
    assert!(login.body.contains(NL.login_title));

    let mut officer = app.officer().await;
    let page = officer.get("/beheer").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Visie op de wijk 2027"));
    assert!(page.body.contains(NL.nav_logout), "the header shows the way out");
    let page = officer.get("/beheer/consultaties/visie").await;
    assert_eq!(page.status, StatusCode::OK);
    let page = officer.get("/beheer/nieuw").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
}

#[tokio::test]
async fn officer_server_functions_refuse_anonymous_callers() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut browser = app.client();
    browser.submit(&comment("visie", "h1-1", "Een reactie.")).await;
    let consultation = app.store.consultation_by_slug("visie").await.unwrap().unwrap();
    let comment_id = app.store.comments_for_officer(consultation.id).await.unwrap()[0].id.to_string();

    let calls = [
        ("/api/beheer-consultaties", fields(&[])),
        ("/api/beheer-reacties", fields(&[("slug", "visie"), ("query", "")])),
        ("/api/beheer-overzicht", fields(&[("slug", "visie")])),
        ("/api/beoordeling", fields(&[("form[comment]", &comment_id), ("form[revision]", "1"), ("form[decision]", "goedkeuren")])),
        ("/api/zichtbaarheid", fields(&[("form[comment]", &comment_id), ("form[hide]", "ja"), ("form[reason]", "x")])),
        ("/api/vaststelling", fields(&[("form[slug]", "visie"), ("form[adopted_on]", "2026-01-01")])),
        ("/api/beheer-logboek", fields(&[("slug", "visie"), ("page", "1")])),
        (
            "/api/antwoord",
            fields(&[
                ("form[comment]", &comment_id),
                ("form[body]", "Antwoord"),
                ("form[status]", "verwerkt"),
                ("form[state]", "ter_beoordeling"),
            ]),
        ),
    ];
    for (path, body) in calls {
        assert_eq!(app_error(&browser.call(path, &body).await), AppError::Unauthorized, "{path}");
    }
    let upload = browser
        .call_multipart(
            "/api/nieuwe-consultatie",
            &[
                Part::Text("title", "Kaping"),
                Part::Text("slug", "kaping"),
                Part::Text("opens", "2026-01-01"),
                Part::Text("closes", "2026-02-01"),
                Part::File { name: "file", file_name: "kaping.md", bytes: b"# Kaping\n\nTekst." },
            ],
            "application/json",
            None,
        )
        .await;
    assert_eq!(app_error(&upload), AppError::Unauthorized);

    assert!(app.store.answer_history(consultation.id).await.unwrap().is_empty(), "no answer saved");
    assert_eq!(app.consultation_count().await, 1, "no consultation created");
}

/// The role matrix has no server function that an officer may not call: only `ManageUsers` is
/// reserved to admins, and no server function asks for it (users are managed on the command
/// line). So the "wrong role" case cannot be reached over HTTP; this pins down what both roles
/// may do, and fails if a server function starts refusing officers or the matrix changes.
#[tokio::test]
async fn officers_and_admins_may_both_do_the_officer_work() {
    for action in [Action::ReadComments, Action::AnswerComment, Action::CreateConsultation] {
        assert!(may(Role::Officer, action) && may(Role::Admin, action), "{action:?}");
    }
    assert!(!may(Role::Officer, Action::ManageUsers));

    let app = TestApp::new().await;
    app.seed_open("visie").await;
    app.add_user("beheerder@lindeburg.example", "Beheerder", "beheer-wachtwoord-1", Role::Admin).await;
    let mut officer = app.officer().await;
    let mut admin = app.client_from([192, 0, 2, 201]);
    assert_eq!(login_outcome(&admin.login("beheerder@lindeburg.example", "beheer-wachtwoord-1").await), FormOutcome::Done(()));
    assert_eq!(who(&mut admin).await.map(|u| u.role), Some(Role::Admin));
    for client in [&mut officer, &mut admin] {
        let list = client.call("/api/beheer-consultaties", &[]).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        let view = client.call("/api/beheer-overzicht", &fields(&[("slug", "visie")])).await;
        assert_eq!(view.status, StatusCode::OK, "{}", view.body);
    }
}

#[tokio::test]
async fn a_deleted_account_loses_its_session() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    execute(&app.store, "DELETE FROM users").await;
    assert_eq!(who(&mut officer).await, None);
    assert_eq!(app_error(&officer.call("/api/beheer-consultaties", &[]).await), AppError::Unauthorized);
}

#[tokio::test]
async fn logins_are_rate_limited_per_address() {
    let app = TestApp::with_settings(Settings { logins_per_minute: 2, ..generous() }).await;
    app.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Officer).await;
    let mut guesser = app.client_from([198, 51, 100, 9]);
    for guess in ["wachtwoord", "welkom01"] {
        assert!(matches!(login_outcome(&guesser.login(OFFICER_EMAIL, guess).await), FormOutcome::Invalid(_)));
    }
    let refused = guesser.login(OFFICER_EMAIL, OFFICER_PASSWORD).await;
    assert_eq!(app_error(&refused), AppError::RateLimited, "even the right password waits");
    assert_eq!(guesser.cookie(SESSION_COOKIE), None);
    // The officer at the office is not locked out by the guesser.
    let mut office = app.client_from([192, 0, 2, 50]);
    assert_eq!(login_outcome(&office.login(OFFICER_EMAIL, OFFICER_PASSWORD).await), FormOutcome::Done(()));
}

#[tokio::test]
async fn a_plain_form_login_redirects_and_never_echoes_the_password() {
    let app = TestApp::new().await;
    app.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Officer).await;
    let mut browser = app.client();

    let refused =
        browser.post_form("/api/inloggen", &fields(&[("email", OFFICER_EMAIL), ("password", "Fout-Wachtwoord-42")]), "/inloggen").await;
    assert!(refused.status.is_redirection(), "{}", refused.status);
    let location = refused.location().to_string();
    let (path, fragment) = location.split_once('#').expect("anchor");
    assert_eq!(fragment, "inloggen");
    let token = path.strip_prefix("/inloggen?formulier=").unwrap_or_else(|| panic!("back to the login form: {location}"));
    let echo: Option<FormEcho> = browser.call("/api/formulier", &fields(&[("token", token)])).await.json();
    let echo = echo.expect("echo kept");
    assert_eq!(echo.value("email"), OFFICER_EMAIL);
    assert_eq!(echo.value("password"), "", "the password is never kept");
    let page = browser.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("value=\"{OFFICER_EMAIL}\"")), "e-mail address kept");
    assert!(page.body.contains(&(NL.field_error)(FieldError::InvalidCredentials)));
    assert!(!page.body.contains("Fout-Wachtwoord-42"), "password not in the page");

    let accepted =
        browser.post_form("/api/inloggen", &fields(&[("email", OFFICER_EMAIL), ("password", OFFICER_PASSWORD)]), "/inloggen").await;
    assert!(accepted.status.is_redirection(), "{}", accepted.status);
    assert_eq!(accepted.location(), "/beheer");
    assert!(browser.cookie(SESSION_COOKIE).is_some());
    assert_eq!(browser.get("/beheer").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_cross_site_login_or_logout_is_refused() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    for path in ["/api/uitloggen", "/api/inloggen"] {
        let request = officer
            .builder(Method::POST, path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(urlencode(&fields(&[("email", OFFICER_EMAIL), ("password", OFFICER_PASSWORD)]))))
            .unwrap();
        let mut request = request;
        request.headers_mut().insert(header::ORIGIN, "https://evil.example".parse().unwrap());
        let response = officer.send(request).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(who(&mut officer).await.is_some(), "still signed in");
}

#[tokio::test]
async fn an_unknown_account_takes_as_long_to_refuse_as_a_wrong_password() {
    let app = TestApp::new().await;
    app.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Officer).await;
    let mut browser = app.client();
    let mut timed = async |email: &str| {
        let mut fastest = std::time::Duration::MAX;
        for _ in 0..2 {
            let started = std::time::Instant::now();
            assert!(matches!(login_outcome(&browser.login(email, "niet-het-wachtwoord").await), FormOutcome::Invalid(_)));
            fastest = fastest.min(started.elapsed());
        }
        fastest
    };
    let known = timed(OFFICER_EMAIL).await;
    let unknown = timed("niemand@lindeburg.example").await;
    // A password hash is verified either way; skipping it would make accounts discoverable.
    assert!(unknown * 4 >= known, "unknown account refused in {unknown:?}, wrong password in {known:?}");
}

#[tokio::test]
async fn a_plain_form_logout_goes_home() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let response = officer.post_form("/api/uitloggen", &[], "/beheer").await;
    assert!(response.status.is_redirection(), "{}", response.status);
    assert_eq!(response.location(), "/");
    assert_eq!(officer.cookie(SESSION_COOKIE), None);
    assert_eq!(officer.get("/beheer").await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_signed_in_officer_stays_signed_in_on_a_404_page() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let home = officer.get("/").await;
    assert!(home.body.contains(NL.nav_logout), "known pages show the way out");
    let missing = officer.get("/bestaat-niet").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains(NL.not_found_title));
    assert!(missing.body.contains(NL.nav_logout), "the header still knows who is signed in");
    assert!(!missing.body.contains("href=\"/inloggen\""), "and does not offer to sign in again");
}

#[tokio::test]
async fn expired_sessions_are_deleted_from_the_database() {
    let app = TestApp::new().await;
    let _officer = app.officer().await;
    // The session store's own table: `tower_sessions` on SQLite, `tower_sessions.session` (a
    // schema of its own) on PostgreSQL.
    let (table, long_ago) = if on_postgres() { ("tower_sessions.session", "now() - interval '1 day'") } else { ("tower_sessions", "0") };
    let counted = format!("SELECT COUNT(*) FROM {table}");
    let live = count(&app.store, &counted).await;
    assert_eq!(live, 1, "the signed-in officer's session");
    // Let it end (as after eight hours without use), then start the server again.
    execute(&app.store, &format!("UPDATE {table} SET expiry_date = {long_ago}")).await;
    let _restarted = app::backend::AppState::new(app.store.clone(), &app::backend::Settings::default());
    let options = leptos::prelude::LeptosOptions::builder().output_name("inspraak").build();
    let _router = server::build_router(_restarted, options, &server::ServerOptions::new(false)).await.unwrap();
    let mut left = live;
    for _ in 0..50 {
        left = count(&app.store, &counted).await;
        if left == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(left, 0, "the expired session is gone");
}

#[tokio::test]
async fn an_address_no_account_can_have_is_refused_like_a_wrong_password() {
    // PostgreSQL refuses a NUL in a query: such an address is not looked up at all.
    let app = TestApp::new().await;
    app.add_user(OFFICER_EMAIL, OFFICER_NAME, OFFICER_PASSWORD, Role::Officer).await;
    let mut browser = app.client();
    for email in
        [format!("{OFFICER_EMAIL}\u{0}"), "beleid\u{7}@lindeburg.example".to_string(), format!("{}@lindeburg.example", "a".repeat(300))]
    {
        let response = browser.login(&email, OFFICER_PASSWORD).await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.body);
        assert_eq!(login_outcome(&response), FormOutcome::Invalid(FieldErrors::single("email", FieldError::InvalidCredentials)));
    }
    assert_eq!(who(&mut browser).await, None);
}
