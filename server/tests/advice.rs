//! The advice round against a real database: phases, councils and invites, drafting and
//! submitting advice, answering per point (also jointly), and the college's response letter.

mod common;

use app::api::{AdviceWorkspaceView, ConsultationView, InviteDetails, InviteLink, LetterView, LettersView, OfficerAdviceView, ReportView};
use app::domain::advice::AdviceStage;
use app::domain::error::{AppError, FieldError, FieldErrors, FormOutcome};
use app::domain::phase::{Phase, TimelineEntry};
use app::domain::role::Role;
use app::domain::status::ProcessingStatus;
use axum::http::StatusCode;
use common::*;
use serde::de::DeserializeOwned;

fn outcome<T: DeserializeOwned>(response: &TestResponse) -> FormOutcome<T> {
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

fn done<T: DeserializeOwned + std::fmt::Debug>(response: &TestResponse) -> T {
    match outcome::<T>(response) {
        FormOutcome::Done(value) => value,
        FormOutcome::Invalid(errors) => panic!("refused: {errors:?}"),
    }
}

fn refused<T: DeserializeOwned + std::fmt::Debug>(response: &TestResponse) -> FieldErrors {
    match outcome::<T>(response) {
        FormOutcome::Invalid(errors) => errors,
        FormOutcome::Done(value) => panic!("accepted, but should be refused: {value:?}"),
    }
}

const PASSWORD: &str = "een-lang-wachtwoord";

/// An officer registers a council and invites a member, who joins through the link.
async fn council_with_member(
    app: &TestApp,
    officer: &mut Client,
    name: &str,
    municipality: &str,
    member: &str,
    ip: u8,
) -> (String, Client) {
    let slug: String = done(
        &officer
            .call(
                "/api/raad-nieuw",
                &fields(&[
                    ("form[name]", name),
                    ("form[municipality]", municipality),
                    ("form[kind]", "sociaal_domein"),
                    ("form[slug]", ""),
                ]),
            )
            .await,
    );
    let link: InviteLink = done(
        &officer
            .call(
                "/api/raad-uitnodigen",
                &fields(&[("form[council]", &slug), ("form[name]", member), ("form[email]", &format!("{ip}@raad.example"))]),
            )
            .await,
    );
    let token = link.path.trim_start_matches("/uitnodiging/").to_string();
    let mut browser = app.client_from([198, 51, 100, ip]);
    done::<()>(
        &browser
            .call(
                "/api/uitnodiging-aannemen",
                &fields(&[("form[token]", &token), ("form[password]", PASSWORD), ("form[password_again]", PASSWORD)]),
            )
            .await,
    );
    (slug, browser)
}

async fn workspace(client: &mut Client, slug: &str, council: &str) -> TestResponse {
    client.call("/api/advies-werkruimte", &fields(&[("consultation", slug), ("council", council)])).await
}

fn point_fields(slug: &str, council: &str, body: &str, blocks: &[&str]) -> Vec<(String, String)> {
    let mut f = fields(&[("form[consultation]", slug), ("form[council]", council), ("form[point]", ""), ("form[body]", body)]);
    f.extend(blocks.iter().map(|b| ("form[blocks][]".to_string(), b.to_string())));
    f
}

fn answer_fields(slug: &str, council: &str, points: &[(i64, &str)], body: &str, state: &str) -> Vec<(String, String)> {
    let mut f = fields(&[
        ("consultation", slug),
        ("council", council),
        ("form[body]", body),
        ("form[processed_where]", ""),
        ("form[state]", state),
    ]);
    for (id, status) in points {
        f.push(("form[points][]".into(), id.to_string()));
        f.push(("form[statuses][]".into(), format!("{id}:{status}")));
    }
    f
}

#[tokio::test]
async fn a_member_joins_once_by_invite_and_bad_links_get_a_clear_message() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let (council, mut member) =
        council_with_member(&app, &mut officer, "Adviesraad Sociaal Domein Lindeburg", "Lindeburg", "Henk Bakker", 10).await;
    assert_eq!(council, "adviesraad-sociaal-domein-lindeburg");
    let who: Option<app::api::SessionUser> = member.call("/api/wie", &[]).await.json();
    assert_eq!(who.map(|u| u.role), Some(Role::CouncilMember), "the new member is signed in");
    // A member cannot do officer work.
    assert_eq!(app_error(&member.call("/api/beheer-consultaties", &[]).await), AppError::Forbidden);
    assert_eq!(app_error(&member.call("/api/raden", &[]).await), AppError::Forbidden);

    let link: InviteLink = done(
        &officer
            .call(
                "/api/raad-uitnodigen",
                &fields(&[("form[council]", &council), ("form[name]", "Ans"), ("form[email]", "ans@raad.example")]),
            )
            .await,
    );
    let token = link.path.trim_start_matches("/uitnodiging/").to_string();
    assert!(link.url.ends_with(&link.path));
    let mut stranger = app.client_from([198, 51, 100, 50]);
    let info: Result<InviteDetails, FieldError> = stranger.call("/api/uitnodiging", &fields(&[("token", &token)])).await.json();
    assert_eq!(info.expect("a fresh invite works").council, "Adviesraad Sociaal Domein Lindeburg");
    let accept =
        |password: &str, again: &str| fields(&[("form[token]", &token), ("form[password]", password), ("form[password_again]", again)]);
    let short = refused::<()>(&stranger.call("/api/uitnodiging-aannemen", &accept("kort", "kort")).await);
    assert_eq!(short.get("password"), [FieldError::TooShort { min: 10 }]);
    let differ = refused::<()>(&stranger.call("/api/uitnodiging-aannemen", &accept(PASSWORD, "iets-anders-dan-dat")).await);
    assert_eq!(differ.get("password_again"), [FieldError::PasswordsDiffer]);
    done::<()>(&stranger.call("/api/uitnodiging-aannemen", &accept(PASSWORD, PASSWORD)).await);
    let mut again = app.client_from([198, 51, 100, 51]);
    let reused = refused::<()>(&again.call("/api/uitnodiging-aannemen", &accept(PASSWORD, PASSWORD)).await);
    assert_eq!(reused.get("password"), [FieldError::InviteUsed]);
    let info: Result<InviteDetails, FieldError> = again.call("/api/uitnodiging", &fields(&[("token", &token)])).await.json();
    assert_eq!(info, Err(FieldError::InviteUsed));
    let unknown: Result<InviteDetails, FieldError> = again.call("/api/uitnodiging", &fields(&[("token", "0000")])).await.json();
    assert_eq!(unknown, Err(FieldError::InviteUnknown));

    // An expired link.
    let row = app.store.council_by_slug(&council).await.unwrap().unwrap();
    let past = app::backend::store::now() - time::Duration::days(1);
    app.store.create_invite(row.id, "Laat", "laat@raad.example", &app::backend::services::token_hash("verlopen"), 1, past).await.unwrap();
    let expired = refused::<()>(
        &again
            .call(
                "/api/uitnodiging-aannemen",
                &fields(&[("form[token]", "verlopen"), ("form[password]", PASSWORD), ("form[password_again]", PASSWORD)]),
            )
            .await,
    );
    assert_eq!(expired.get("password"), [FieldError::InviteExpired]);
    // The invite page says so in Dutch.
    let page = again.get("/uitnodiging/verlopen").await;
    assert!(page.body.contains("verlopen"), "{}", page.body);
    // The council page lists the members and the invites, and no token.
    let detail = officer.get(&format!("/beheer/raden/{council}")).await;
    assert!(detail.body.contains("Henk Bakker") && detail.body.contains("Ans"));
    assert!(!detail.body.contains(&token));
}

/// Two councils of two municipalities asked on one regional consultation in its advice round.
struct Regional {
    app: TestApp,
    officer: Client,
    lindeburg: String,
    waterhoven: String,
    member_l: Client,
    member_w: Client,
}

async fn regional(phase: &str) -> Regional {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let (lindeburg, member_l) = council_with_member(&app, &mut officer, "Adviesraad Lindeburg", "Lindeburg", "Henk", 11).await;
    let (waterhoven, member_w) = council_with_member(&app, &mut officer, "Wmo-raad Waterhoven", "Waterhoven", "Wim", 12).await;
    app.seed_consultation_in("regio", "Regiovisie", 30, 72, phase).await;
    for council in [&lindeburg, &waterhoven] {
        done::<()>(&officer.call("/api/raad-vragen", &fields(&[("consultation", "regio"), ("council", council)])).await);
    }
    Regional { app, officer, lindeburg, waterhoven, member_l, member_w }
}

#[tokio::test]
async fn councils_draft_apart_submit_once_and_officers_answer_their_own_council() {
    let Regional { app, mut officer, lindeburg, waterhoven, mut member_l, mut member_w } = regional("advies").await;

    // A member writes an introduction and two points, one about two blocks, one about the whole.
    done::<()>(
        &member_l
            .call(
                "/api/advies-inleiding",
                &fields(&[
                    ("form[consultation]", "regio"),
                    ("form[council]", &lindeburg),
                    ("form[intro]", "De raad adviseert positief."),
                    ("form[received_on]", ""),
                ]),
            )
            .await,
    );
    let p1: i64 = done(
        &member_l.call("/api/advies-punt", &point_fields("regio", &lindeburg, "Meer aandacht voor signalering.", &["h1-1", "h2-1"])).await,
    );
    let p2: i64 = done(&member_l.call("/api/advies-punt", &point_fields("regio", &lindeburg, "Let op de meldcode.", &[])).await);
    assert!(p2 > p1);
    // Bad input: an empty point, a block that does not exist in this document.
    let empty = refused::<i64>(&member_l.call("/api/advies-punt", &point_fields("regio", &lindeburg, "  ", &[])).await);
    assert_eq!(empty.get("body"), [FieldError::Required]);
    let elsewhere =
        refused::<i64>(&member_l.call("/api/advies-punt", &point_fields("regio", &lindeburg, "Over iets anders", &["h5-a-3"])).await);
    assert_eq!(elsewhere.get("blocks"), [FieldError::UnknownBlock]);

    // The draft is the council's own: not for the other council, not for officers.
    let own: AdviceWorkspaceView = workspace(&mut member_l, "regio", "").await.json();
    let draft = own.draft.expect("the member sees the draft");
    assert_eq!(draft.points.len(), 2);
    assert_eq!(draft.points[0].blocks.iter().map(|b| b.anchor.as_str()).collect::<Vec<_>>(), ["h1-1", "h2-1"]);
    assert_eq!(app_error(&workspace(&mut member_w, "regio", &lindeburg).await), AppError::Forbidden);
    assert_eq!(
        app_error(&member_w.call("/api/advies-punt", &point_fields("regio", &lindeburg, "Inbreken", &[])).await),
        AppError::Forbidden
    );
    let seen_by_officer: AdviceWorkspaceView = workspace(&mut officer, "regio", &lindeburg).await.json();
    assert!(seen_by_officer.draft.is_none() && seen_by_officer.council_drafting, "officers do not see a council's draft");
    // A resident (not signed in) cannot advise.
    let mut resident = app.client_from([203, 0, 113, 9]);
    assert_eq!(
        app_error(&resident.call("/api/advies-punt", &point_fields("regio", &lindeburg, "Ik ook", &[])).await),
        AppError::Unauthorized
    );

    // Submit; a second submit and a late change are refused with a clear reason.
    let submit = fields(&[("consultation", "regio"), ("council", &lindeburg)]);
    done::<()>(&member_l.call("/api/advies-indienen", &submit).await);
    assert_eq!(refused::<()>(&member_l.call("/api/advies-indienen", &submit).await).get("submit"), [FieldError::AlreadySubmitted]);
    let late = refused::<i64>(&member_l.call("/api/advies-punt", &point_fields("regio", &lindeburg, "Nog eentje", &[])).await);
    assert_eq!(late.get("body"), [FieldError::AlreadySubmitted]);
    // Submitting an empty advice is refused too.
    assert_eq!(
        refused::<()>(&member_w.call("/api/advies-indienen", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await)
            .get("submit"),
        [FieldError::AdviceEmpty]
    );

    // Officers now see it. An officer of Waterhoven may read but not answer Lindeburg's council.
    let hash = app::backend::auth::hash_password(PASSWORD).unwrap();
    app.store.create_staff("w@waterhoven.example", "Wouter", &hash, Role::Officer, Some("Waterhoven")).await.unwrap();
    let mut officer_w = app.client_from([192, 0, 2, 77]);
    officer_w.login("w@waterhoven.example", PASSWORD).await;
    let view: OfficerAdviceView =
        officer_w.call("/api/advies-beheer", &fields(&[("consultation", "regio"), ("council", &lindeburg)])).await.json();
    assert!(!view.may_answer);
    assert_eq!(view.points.len(), 2);
    let not_yours = refused::<()>(
        &officer_w.call("/api/advies-antwoord", &answer_fields("regio", &lindeburg, &[(p1, "verwerkt")], "Nee", "definitief")).await,
    );
    assert_eq!(not_yours.get("body"), [FieldError::NotYourMunicipality]);

    // One joint answer to both points, each with its own status; first a concept.
    let view: OfficerAdviceView =
        officer.call("/api/advies-beheer", &fields(&[("consultation", "regio"), ("council", &lindeburg)])).await.json();
    let ids: Vec<i64> = view.points.iter().map(|p| p.point.id).collect();
    let missing = refused::<()>(
        &officer
            .call(
                "/api/advies-antwoord",
                &answer_fields("regio", &lindeburg, &[(ids[0], "verwerkt"), (ids[1], "")], "Voor beide onderdelen geldt…", "concept"),
            )
            .await,
    );
    assert_eq!(missing.get(&format!("status-{}", ids[1])), [FieldError::Required]);
    done::<()>(
        &officer
            .call(
                "/api/advies-antwoord",
                &answer_fields(
                    "regio",
                    &lindeburg,
                    &[(ids[0], "verwerkt"), (ids[1], "deels_verwerkt")],
                    "Voor beide onderdelen geldt…",
                    "concept",
                ),
            )
            .await,
    );
    // Not public, not for the council, and not publishable while a concept.
    assert_eq!(
        app_error(&resident.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &lindeburg)])).await),
        AppError::NotFound
    );
    assert_eq!(
        app_error(&member_l.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &lindeburg)])).await),
        AppError::NotFound
    );
    let publish = fields(&[("consultation", "regio"), ("council", &lindeburg)]);
    assert_eq!(refused::<()>(&officer.call("/api/advies-publiceren", &publish).await).get("publish"), [FieldError::AnswersNotFinal]);
    done::<()>(
        &officer
            .call(
                "/api/advies-antwoord",
                &answer_fields(
                    "regio",
                    &lindeburg,
                    &[(ids[0], "verwerkt"), (ids[1], "deels_verwerkt")],
                    "Voor beide onderdelen geldt: **ja**.",
                    "definitief",
                ),
            )
            .await,
    );
    done::<()>(
        &officer
            .call(
                "/api/advies-opening",
                &fields(&[("consultation", "regio"), ("council", &lindeburg), ("body", "Het college dankt de raad.")]),
            )
            .await,
    );

    // The council reads it once final; the public once published.
    let letter: LetterView =
        member_l.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &lindeburg)])).await.json();
    assert!(!letter.published);
    assert_eq!(letter.letter.items.len(), 1, "two points, one joint answer");
    let statuses: Vec<ProcessingStatus> =
        letter.letter.items[0].points.iter().filter_map(|p| p.answer.as_ref().map(|a| a.status)).collect();
    assert_eq!(statuses, [ProcessingStatus::Processed, ProcessingStatus::PartlyProcessed]);
    assert_eq!(
        app_error(&member_w.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &lindeburg)])).await),
        AppError::NotFound
    );
    done::<()>(&officer.call("/api/advies-publiceren", &publish).await);
    let public: LetterView =
        resident.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &lindeburg)])).await.json();
    assert!(public.published);
    assert_eq!(public.letter.intro_markdown, "Het college dankt de raad.");
    let list: LettersView = resident.call("/api/collegereacties", &fields(&[("consultation", "regio")])).await.json();
    assert_eq!(list.letters.iter().map(|l| l.council.slug.as_str()).collect::<Vec<_>>(), [lindeburg.as_str()], "only published letters");
    let page = resident.get(&format!("/consultaties/regio/adviezen/{lindeburg}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Voor beide onderdelen geldt") && page.body.contains("Punt 2"));
    let md = resident.get(&format!("/consultaties/regio/adviezen/{lindeburg}/collegereactie.md")).await;
    assert_eq!(md.status, StatusCode::OK);
    assert!(md.body.starts_with("# Collegereactie op het advies van Adviesraad Lindeburg (Lindeburg)"), "{}", md.body);
    assert!(md.body.contains("**Antwoord op punt 1 en 2**"), "{}", md.body);
    let unpublished = resident.get(&format!("/consultaties/regio/adviezen/{waterhoven}/collegereactie.md")).await;
    assert_eq!(unpublished.status, StatusCode::NOT_FOUND);
    // The same letter at the short addresses, also as a Word document.
    let short = resident.get(&format!("/consultaties/regio/adviezen/{lindeburg}.md")).await;
    assert_eq!(short.body, md.body);
    let docx = resident.get(&format!("/consultaties/regio/adviezen/{lindeburg}.docx")).await;
    assert_eq!(docx.status, StatusCode::OK);
    assert!(docx.header("content-disposition").unwrap().contains(".docx"));
    assert!(docx.bytes.starts_with(b"PK"), "a zip package");
    assert_eq!(resident.get(&format!("/consultaties/regio/adviezen/{waterhoven}.docx")).await.status, StatusCode::NOT_FOUND);
    // The response document has a section for the council's advice.
    let report: ReportView = resident.call("/api/reactienota", &fields(&[("slug", "regio")])).await.json();
    assert_eq!(report.report.advices.len(), 1);
    assert_eq!(report.report.advices[0].council_name, "Adviesraad Lindeburg");

    // A correction is a new revision; both are kept.
    done::<()>(&member_l.call("/api/advies-correctie", &submit).await);
    let w: AdviceWorkspaceView = workspace(&mut member_l, "regio", "").await.json();
    assert_eq!(w.stage, AdviceStage::Correcting);
    assert_eq!(w.draft.as_ref().map(|d| d.points.len()), Some(2), "the correction starts from the submitted text");
    assert_eq!(w.submitted.len(), 1);
}

#[tokio::test]
async fn advising_outside_the_advice_round_is_refused_and_phases_only_go_forward() {
    let Regional { app, mut officer, lindeburg, mut member_l, .. } = regional("inspraak").await;
    // The seeded consultation is in its comment period: the advice round is over.
    let closed = refused::<i64>(&member_l.call("/api/advies-punt", &point_fields("regio", &lindeburg, "Te laat", &[])).await);
    assert_eq!(closed.get("body"), [FieldError::AdviceClosed]);
    // Phases move forward only, and a member cannot move them.
    let phase = |phase: &str, date: &str| fields(&[("form[consultation]", "regio"), ("form[phase]", phase), ("form[date]", date)]);
    assert_eq!(app_error(&member_l.call("/api/fase", &phase("verwerking", "2030-01-01")).await), AppError::Forbidden);
    assert_eq!(refused::<()>(&officer.call("/api/fase", &phase("advies", "2030-01-01")).await).get("phase"), [FieldError::PhaseNotForward]);
    assert_eq!(
        refused::<()>(&officer.call("/api/fase", &phase("verwerking", "1999-01-01")).await).get("date"),
        [FieldError::DateBeforePreviousPhase]
    );
    // The comment period of this consultation opens in 30 days and closes in 72.
    let today = app::backend::services::today();
    let after = (today + time::Duration::days(80)).to_string();
    done::<()>(&officer.call("/api/fase", &phase("verwerking", &after)).await);
    done::<()>(
        &officer
            .call(
                "/api/mijlpaal",
                &fields(&[
                    ("form[consultation]", "regio"),
                    ("form[date]", &today.to_string()),
                    ("form[text]", "17 inspraakreacties ontvangen en verwerkt"),
                ]),
            )
            .await,
    );
    let empty = refused::<()>(
        &officer.call("/api/mijlpaal", &fields(&[("form[consultation]", "regio"), ("form[date]", "gisteren"), ("form[text]", "")])).await,
    );
    assert_eq!(empty.get("date"), [FieldError::InvalidDate]);
    assert_eq!(empty.get("text"), [FieldError::Required]);
    // The public page shows the timeline; a comment now is kept and marked late.
    let mut resident = app.client_from([203, 0, 113, 30]);
    let view: ConsultationView = resident.call("/api/consultatie", &fields(&[("slug", "regio")])).await.json();
    assert_eq!(view.stage, Phase::Processing);
    assert!(view.timeline.contains(&TimelineEntry::Milestone { date: today, text: "17 inspraakreacties ontvangen en verwerkt".into() }));
    let receipt: app::api::Receipt = done(&resident.submit(&comment("regio", "h1-1", "Nog een reactie")).await);
    assert!(receipt.late);
}

#[tokio::test]
async fn a_consultation_created_in_the_advice_round_refuses_residents_and_accepts_advice() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let (council, mut member) = council_with_member(&app, &mut officer, "Jongerenraad Lindeburg", "Lindeburg", "Sara", 13).await;
    let bytes = std::fs::read(fixture("regiovisie-hollands-midden-2019-2023.md")).unwrap();
    let upload = officer
        .call_multipart(
            "/api/nieuwe-consultatie",
            &[
                Part::Text("title", "Regiovisie"),
                Part::Text("slug", "regiovisie"),
                Part::Text("description", ""),
                Part::Text("opens", "2030-01-01"),
                Part::Text("closes", "2030-02-15"),
                Part::Text("phase", "advies"),
                Part::File { name: "file", file_name: "regiovisie.md", bytes: &bytes },
            ],
            "application/json",
            None,
        )
        .await;
    assert_eq!(upload.status, StatusCode::OK, "{}", upload.body);
    done::<()>(&officer.call("/api/raad-vragen", &fields(&[("consultation", "regiovisie"), ("council", &council)])).await);
    let mut resident = app.client_from([203, 0, 113, 31]);
    let early = refused::<app::api::Receipt>(&resident.submit(&comment("regiovisie", "h5-a-3", "Nu al?")).await);
    assert_eq!(early.get("body"), [FieldError::NotYetOpen]);
    // The member advises on a real paragraph of the fixture; the document page links there.
    done::<i64>(&member.call("/api/advies-punt", &point_fields("regiovisie", &council, "Meer aandacht voor jongeren.", &["h5-a-3"])).await);
    let page = member.get("/consultaties/regiovisie").await;
    assert!(page.body.contains("/raad/regiovisie?blok=h5-a-3#nieuw-punt"), "advies op deze alinea");
    let public = resident.get("/consultaties/regiovisie").await;
    assert!(!public.body.contains("?blok="), "residents do not get the advice link");
}

#[tokio::test]
async fn the_asd_meeting_report_becomes_an_oral_advice_entered_by_an_officer() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let council: String = done(
        &officer
            .call(
                "/api/raad-nieuw",
                &fields(&[
                    ("form[name]", "Adviesraad Sociaal Domein"),
                    ("form[municipality]", "Lansingerland"),
                    ("form[kind]", "sociaal_domein"),
                    ("form[slug]", "asd"),
                ]),
            )
            .await,
    );
    app.seed_open("regio").await;
    let report = std::fs::read_to_string(fixture("asd-advies-verslag-2023.md")).unwrap();
    // Not asked yet: a clear refusal, and the text comes back (plain form).
    let not_asked = refused::<usize>(
        &officer.call("/api/advies-verslag", &fields(&[("consultation", "regio"), ("council", &council), ("text", &report)])).await,
    );
    assert_eq!(not_asked.get("report"), [FieldError::CouncilNotAsked]);
    done::<()>(&officer.call("/api/raad-vragen", &fields(&[("consultation", "regio"), ("council", &council)])).await);
    let no_list = refused::<usize>(
        &officer.call("/api/advies-verslag", &fields(&[("consultation", "regio"), ("council", &council), ("text", "Alleen tekst.")])).await,
    );
    assert_eq!(no_list.get("report"), [FieldError::ReportWithoutPoints]);
    let points: usize =
        done(&officer.call("/api/advies-verslag", &fields(&[("consultation", "regio"), ("council", &council), ("text", &report)])).await);
    assert_eq!(points, 5);
    done::<()>(&officer.call("/api/advies-indienen", &fields(&[("consultation", "regio"), ("council", &council)])).await);
    let view: OfficerAdviceView =
        officer.call("/api/advies-beheer", &fields(&[("consultation", "regio"), ("council", &council)])).await.json();
    let submitted = view.submitted.expect("submitted");
    assert!(submitted.oral);
    assert_eq!(submitted.received_on, Some(time::macros::date!(2023 - 10 - 24)), "the meeting date from the report");
    assert_eq!(view.points.len(), 5);
    assert!(view.points[4].point.body_html.contains("<li>slachtoffers</li>"), "{}", view.points[4].point.body_html);
}

/// The council's member advises one point on the regional consultation; the officer answers it
/// and publishes the letter.
async fn advise_and_publish(member: &mut Client, officer: &mut Client, council: &str) {
    done::<i64>(&member.call("/api/advies-punt", &point_fields("regio", council, "Let op de mantelzorgers.", &[])).await);
    done::<()>(&member.call("/api/advies-indienen", &fields(&[("consultation", "regio"), ("council", council)])).await);
    let view: OfficerAdviceView =
        officer.call("/api/advies-beheer", &fields(&[("consultation", "regio"), ("council", council)])).await.json();
    let id = view.points[0].point.id;
    done::<()>(
        &officer.call("/api/advies-antwoord", &answer_fields("regio", council, &[(id, "verwerkt")], "Zo gedaan.", "definitief")).await,
    );
    done::<()>(&officer.call("/api/advies-publiceren", &fields(&[("consultation", "regio"), ("council", council)])).await);
}

#[tokio::test]
async fn each_municipality_answers_its_own_council_under_its_own_name() {
    let Regional { app, mut officer, waterhoven, mut member_w, .. } = regional("advies").await;
    let waterhoven_sender = "College van burgemeester en wethouders van Waterhoven";
    // The officer sees both municipalities, without a sender yet.
    let senders: Vec<app::api::SenderView> = officer.call("/api/afzenders", &[]).await.json();
    assert_eq!(
        senders.iter().map(|s| (s.municipality.as_str(), s.sender.as_str())).collect::<Vec<_>>(),
        [("Lindeburg", ""), ("Waterhoven", "")]
    );
    // Too long: refused next to the field, the text kept (plain form); then set.
    let long = "x".repeat(app::domain::council::MAX_SENDER_CHARS + 1);
    let refused_plain = officer
        .post_form("/api/afzender", &fields(&[("form[municipality]", "Waterhoven"), ("form[sender]", &long)]), "/beheer/raden")
        .await;
    let back = refused_plain.location().to_string();
    assert!(back.starts_with("/beheer/raden?formulier=") && back.ends_with("#afzenders"), "{back}");
    let page = officer.get(back.split('#').next().unwrap()).await;
    assert!(page.body.contains("Gebruik maximaal 200 tekens") || page.body.contains("200"), "the message next to the field");
    assert!(page.body.contains(&long), "what was typed");
    let set = officer
        .post_form("/api/afzender", &fields(&[("form[municipality]", "Waterhoven"), ("form[sender]", waterhoven_sender)]), "/beheer/raden")
        .await;
    assert_eq!(set.location(), "/beheer/raden?afzender=1#afzenders");
    // Only a municipality with councils, and only by its own staff.
    assert_eq!(
        app_error(&officer.call("/api/afzender", &fields(&[("form[municipality]", "Nergenshuizen"), ("form[sender]", "B&W")])).await),
        AppError::NotFound
    );
    let hash = app::backend::auth::hash_password(PASSWORD).unwrap();
    app.store.create_staff("l@lindeburg.example", "Lotte", &hash, Role::Officer, Some("Lindeburg")).await.unwrap();
    let mut officer_l = app.client_from([192, 0, 2, 78]);
    officer_l.login("l@lindeburg.example", PASSWORD).await;
    assert_eq!(
        app_error(
            &officer_l
                .call("/api/afzender", &fields(&[("form[municipality]", "Waterhoven"), ("form[sender]", "Gemeente Lindeburg")]))
                .await
        ),
        AppError::Forbidden
    );
    let own: Vec<app::api::SenderView> = officer_l.call("/api/afzenders", &[]).await.json();
    assert_eq!(own.iter().map(|s| s.municipality.as_str()).collect::<Vec<_>>(), ["Lindeburg"], "only their own municipality");
    assert_eq!(app_error(&member_w.call("/api/afzenders", &[]).await), AppError::Forbidden);

    // Waterhoven's council advises; the answer goes out under Waterhoven's college, not under the
    // document's organisation.
    advise_and_publish(&mut member_w, &mut officer, &waterhoven).await;
    let mut resident = app.client();
    let letter: LetterView =
        resident.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await.json();
    assert_eq!(letter.letter.sender.as_deref(), Some(waterhoven_sender));
    let page = resident.get(&format!("/consultaties/regio/adviezen/{waterhoven}")).await;
    assert!(page.body.contains(waterhoven_sender), "on the letter's page");
    let md = resident.get(&format!("/consultaties/regio/adviezen/{waterhoven}.md")).await;
    assert!(md.body.contains(&format!("*Afzender:* {waterhoven_sender}")), "{}", md.body);
    let docx = resident.get(&format!("/consultaties/regio/adviezen/{waterhoven}.docx")).await;
    let xml = entry(&docx.bytes, "word/document.xml");
    assert!(xml.contains(waterhoven_sender), "the Word letter's title page names Waterhoven's college");
    assert!(!xml.contains("Gemeente Lindeburg"), "not the consultation owner's name");
    let nota = resident.get("/consultaties/regio/reactienota.md").await;
    assert!(nota.body.contains(&format!("*Afzender:* {waterhoven_sender}")), "the nota's section for the council: {}", nota.body);
    let open_data: serde_json::Value = resident.get("/api/v1/consultaties/regio/adviezen").await.json();
    assert_eq!(open_data["advice"][0]["sender"], waterhoven_sender, "{open_data}");
    assert_eq!(open_data["advice"][0]["written"], false);
}

const LETTER_PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn letter_parts<'a>(council: &'a str, file_name: &'a str, bytes: &'a [u8], publish: &'a str) -> Vec<Part<'a>> {
    vec![
        Part::Text("consultation", "regio"),
        Part::Text("council", council),
        Part::Text("publish", publish),
        Part::File { name: "file", file_name, bytes },
    ]
}

#[tokio::test]
async fn a_written_advice_comes_with_the_councils_letter_published_only_when_the_council_agreed() {
    let Regional { app, mut officer, waterhoven, mut member_w, .. } = regional("advies").await;
    let page = format!("/beheer/consultaties/regio/adviezen/{waterhoven}");
    // Bad attachments are refused with a Dutch message, and nothing is kept.
    let word = officer
        .call_multipart("/api/advies-brief", &letter_parts(&waterhoven, "advies.docx", b"PK\x03\x04", ""), "text/html", Some(&page))
        .await;
    let back = word.location().to_string();
    assert!(back.starts_with(&format!("{page}?formulier=")) && back.ends_with("#brief"), "{back}");
    let shown = officer.get(back.split('#').next().unwrap()).await;
    assert!(shown.body.contains("Dit is geen PDF-bestand."), "the message next to the field");
    let empty = refused::<()>(
        &officer.call_multipart("/api/advies-brief", &letter_parts(&waterhoven, "leeg.pdf", b"", ""), "application/json", None).await,
    );
    assert_eq!(empty.get("file"), [FieldError::ImportEmpty]);
    let mut big = LETTER_PDF.to_vec();
    big.resize(app::domain::advice::MAX_LETTER_PDF_BYTES + 10, b' ');
    let too_big = refused::<()>(
        &officer.call_multipart("/api/advies-brief", &letter_parts(&waterhoven, "groot.pdf", &big, ""), "application/json", None).await,
    );
    assert_eq!(too_big.get("file"), [FieldError::ImportTooLarge { max_mb: 10 }]);
    let view: AdviceWorkspaceView = workspace(&mut officer, "regio", &waterhoven).await.json();
    assert!(view.council_letter.is_none());
    // A member cannot attach one.
    assert_eq!(
        app_error(
            &member_w
                .call_multipart("/api/advies-brief", &letter_parts(&waterhoven, "advies.pdf", LETTER_PDF, ""), "application/json", None)
                .await
        ),
        AppError::Forbidden
    );

    // The officer attaches the letter (not yet agreed to publish), takes over the points, submits.
    done::<()>(
        &officer
            .call_multipart(
                "/api/advies-brief",
                &letter_parts(&waterhoven, "C:\\Post\\Advies Wmo-raad.pdf", LETTER_PDF, ""),
                "application/json",
                None,
            )
            .await,
    );
    done::<()>(
        &officer
            .call(
                "/api/advies-inleiding",
                &fields(&[
                    ("form[consultation]", "regio"),
                    ("form[council]", &waterhoven),
                    ("form[intro]", "Brief van 3 maart."),
                    ("form[received_on]", "2026-03-03"),
                ]),
            )
            .await,
    );
    done::<i64>(&officer.call("/api/advies-punt", &point_fields("regio", &waterhoven, "Betrek de mantelzorgers.", &[])).await);
    done::<()>(&officer.call("/api/advies-indienen", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await);
    let view: AdviceWorkspaceView = workspace(&mut officer, "regio", &waterhoven).await.json();
    let letter = view.council_letter.expect("the letter is attached");
    assert_eq!(letter.file_name, "advies wmo-raad.pdf", "without its folders (names arrive in lower case)");
    assert!(!letter.publish);
    assert!(view.submitted[0].written && view.submitted[0].oral, "a written advice, entered by staff");
    let url = format!("/consultaties/regio/adviezen/{waterhoven}/brief.pdf");
    let staff_copy = officer.get(&url).await;
    assert_eq!(staff_copy.status, StatusCode::OK);
    assert_eq!(staff_copy.header("content-type"), Some("application/pdf"));
    assert_eq!(staff_copy.bytes, LETTER_PDF);
    let mut resident = app.client();
    assert_eq!(resident.get(&url).await.status, StatusCode::NOT_FOUND, "not before the response is published");

    // Answered and published: still not public until the officer records the council's consent.
    let answer: OfficerAdviceView =
        officer.call("/api/advies-beheer", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await.json();
    let id = answer.points[0].point.id;
    done::<()>(
        &officer.call("/api/advies-antwoord", &answer_fields("regio", &waterhoven, &[(id, "verwerkt")], "Gedaan.", "definitief")).await,
    );
    done::<()>(&officer.call("/api/advies-publiceren", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await);
    assert_eq!(resident.get(&url).await.status, StatusCode::NOT_FOUND, "the council did not agree yet");
    let public: LetterView =
        resident.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await.json();
    assert_eq!(public.council_letter, None);
    assert!(public.letter.written);
    let md = resident.get(&format!("/consultaties/regio/adviezen/{waterhoven}.md")).await;
    assert!(md.body.contains("schriftelijk advies, ontvangen op 3 maart 2026"), "{}", md.body);
    done::<()>(
        &officer
            .call("/api/advies-brief-publicatie", &fields(&[("consultation", "regio"), ("council", &waterhoven), ("publish", "ja")]))
            .await,
    );
    let public_copy = resident.get(&url).await;
    assert_eq!(public_copy.status, StatusCode::OK);
    assert_eq!(public_copy.bytes, LETTER_PDF);
    assert!(public_copy.header("content-disposition").is_some_and(|d| d.starts_with("attachment") && d.contains("advies wmo-raad.pdf")));
    let public: LetterView =
        resident.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await.json();
    assert_eq!(public.council_letter, Some((url.clone(), 1)));
    let letter_page = resident.get(&format!("/consultaties/regio/adviezen/{waterhoven}")).await;
    assert!(letter_page.body.contains("Het advies van de raad als brief (PDF, 1 kB)"), "the link on the letter's page");
    // Consent withdrawn: private again.
    done::<()>(
        &officer
            .call("/api/advies-brief-publicatie", &fields(&[("consultation", "regio"), ("council", &waterhoven), ("publish", "nee")]))
            .await,
    );
    assert_eq!(resident.get(&url).await.status, StatusCode::NOT_FOUND);
    let open_data: serde_json::Value = resident.get("/api/v1/consultaties/regio/adviezen").await.json();
    assert_eq!(open_data["advice"][0]["written"], true, "the open data say it was a letter: {open_data}");
}

#[tokio::test]
async fn advice_forms_work_without_javascript_and_keep_what_was_typed() {
    // The app (and its database directory) must outlive the requests.
    let Regional { app: _app, lindeburg, mut member_l, .. } = regional("advies").await;
    let back = "/raad/regio?blok=h1-1";
    let ok = member_l.post_form("/api/advies-punt", &point_fields("regio", &lindeburg, "Zonder JavaScript", &["h1-1"]), back).await;
    assert!(ok.status.is_redirection(), "{}", ok.status);
    assert_eq!(ok.location(), "/raad/regio#punten");
    let bad = member_l.post_form("/api/advies-punt", &point_fields("regio", &lindeburg, "", &["h1-1"]), back).await;
    let location = bad.location().to_string();
    assert!(location.starts_with("/raad/regio?blok=h1-1&formulier=") && location.ends_with("#nieuw-punt"), "{location}");
    let page = member_l.get(location.split('#').next().unwrap()).await;
    assert!(page.body.contains("Dit veld is verplicht."), "the message next to the field");
}

#[tokio::test]
async fn a_point_finds_its_paragraphs_by_search_without_javascript_and_loses_nothing() {
    let Regional { app: _app, lindeburg, mut member_l, .. } = regional("advies").await;
    let back = "/raad/regio?blok=h1-1";
    let mut search = point_fields("regio", &lindeburg, "Het wijkteam moet ook 's avonds open.", &["h1-1"]);
    search.extend(fields(&[("form[block_query]", "WIJKTEAM"), ("form[find]", "1")]));
    let found = member_l.post_form("/api/advies-punt", &search, back).await;
    assert!(found.status.is_redirection(), "{}", found.status);
    let location = found.location().to_string();
    assert!(location.starts_with("/raad/regio?blok=h1-1&alineazoek=WIJKTEAM&zoekvoor=new&formulier="), "{location}");
    assert!(location.ends_with("#nieuw-punt"), "{location}");
    // Nothing was saved: the search only looks.
    let view: AdviceWorkspaceView = workspace(&mut member_l, "regio", &lindeburg).await.json();
    assert!(view.draft.is_none_or(|d| d.points.is_empty()), "a search saves no point");
    // The page shows what was typed, the ticked block, and the block found (case does not matter).
    let page = member_l.get(location.split('#').next().unwrap()).await;
    assert!(
        page.body.contains("Het wijkteam moet ook &#x27;s avonds open.") || page.body.contains("Het wijkteam moet ook 's avonds open.")
    );
    assert!(page.body.contains("1 alinea gevonden met ‘WIJKTEAM’."), "the count of what was found");
    assert!(page.body.contains(r#"value="h1-2""#), "the block found is offered");
    assert!(page.body.contains(r#"value="WIJKTEAM""#), "the search stays in its field");
    // The search through the server function: by label, by text, by number as a whole.
    let found: AdviceWorkspaceView = member_l
        .call("/api/advies-werkruimte", &fields(&[("consultation", "regio"), ("council", &lindeburg), ("block_query", "alinea 1")]))
        .await
        .json();
    let found = found.found_blocks.expect("a search was asked for");
    assert_eq!(found.anchors, ["titelblad-1", "h1-1", "h2-1", "h1-2"], "'1, alinea 2' holds the words, not in that order");
    assert_eq!(found.total, 4);
    let view: AdviceWorkspaceView = member_l
        .call("/api/advies-werkruimte", &fields(&[("consultation", "regio"), ("council", &lindeburg), ("block_query", "genezen")]))
        .await
        .json();
    assert_eq!(view.found_blocks.map(|f| f.anchors), Some(vec!["h2-1".to_string()]));
    // Ticking the found block and saving adds the point about both blocks.
    let save = point_fields("regio", &lindeburg, "Het wijkteam moet ook 's avonds open.", &["h1-1", "h1-2"]);
    let ok = member_l.post_form("/api/advies-punt", &save, &location).await;
    assert_eq!(ok.location(), "/raad/regio#punten", "back to the points, the search gone");
    let view: AdviceWorkspaceView = workspace(&mut member_l, "regio", &lindeburg).await.json();
    let points = view.draft.expect("a draft").points;
    assert_eq!(
        points.iter().map(|p| p.blocks.iter().map(|b| b.anchor.as_str()).collect::<Vec<_>>()).collect::<Vec<_>>(),
        [["h1-1", "h1-2"]]
    );
}

#[tokio::test]
async fn an_invite_link_is_shown_once_without_javascript_too() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let council: String = done(
        &officer
            .call(
                "/api/raad-nieuw",
                &fields(&[
                    ("form[name]", "Wmo-raad Waterhoven"),
                    ("form[municipality]", "Waterhoven"),
                    ("form[kind]", "wmo"),
                    ("form[slug]", ""),
                ]),
            )
            .await,
    );
    let page = format!("/beheer/raden/{council}");
    let bad = officer
        .post_form(
            "/api/raad-uitnodigen",
            &fields(&[("form[council]", &council), ("form[name]", "Wim"), ("form[email]", "geen-adres")]),
            &page,
        )
        .await;
    let back = bad.location().to_string();
    assert!(back.starts_with(&format!("{page}?formulier=")) && back.ends_with("#uitnodigen"), "{back}");
    let form = officer.get(back.split('#').next().unwrap()).await;
    assert!(form.body.contains("Vul een geldig e-mailadres in") && form.body.contains("value=\"Wim\""), "message and input kept");
    let ok = officer
        .post_form(
            "/api/raad-uitnodigen",
            &fields(&[("form[council]", &council), ("form[name]", "Wim"), ("form[email]", "wim@raad.example")]),
            &page,
        )
        .await;
    let shown = officer.get(ok.location().split('#').next().unwrap()).await;
    let start = shown.body.find("/uitnodiging/").expect("the link is on the page");
    let token: String = shown.body[start + "/uitnodiging/".len()..].chars().take_while(char::is_ascii_hexdigit).collect();
    assert_eq!(token.len(), 64);
    let mut member = app.client_from([198, 51, 100, 60]);
    let info: Result<InviteDetails, FieldError> = member.call("/api/uitnodiging", &fields(&[("token", &token)])).await.json();
    assert_eq!(info.map(|i| i.name), Ok("Wim".to_string()));
    // Accepting without JavaScript signs in and goes to the council area.
    let accepted = member
        .post_form(
            "/api/uitnodiging-aannemen",
            &fields(&[("form[token]", &token), ("form[password]", PASSWORD), ("form[password_again]", PASSWORD)]),
            &format!("/uitnodiging/{token}"),
        )
        .await;
    assert_eq!(accepted.location(), "/raad");
    assert_eq!(member.get("/raad").await.status, StatusCode::OK);
}

/// The smallest PNG header the check takes; the server keeps and serves the bytes as sent.
const LOGO_PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

fn logo_parts<'a>(municipality: &'a str, file_name: &'a str, bytes: &'a [u8]) -> Vec<Part<'a>> {
    vec![Part::Text("municipality", municipality), Part::File { name: "file", file_name, bytes }]
}

#[tokio::test]
async fn a_municipality_puts_its_logo_on_its_letters_and_takes_it_away() {
    let Regional { app, mut officer, waterhoven, mut member_w, .. } = regional("advies").await;
    // Waterhoven's council advises and the answer is published, before there is a logo.
    advise_and_publish(&mut member_w, &mut officer, &waterhoven).await;
    let mut resident = app.client();
    let letter_page = format!("/consultaties/regio/adviezen/{waterhoven}");
    assert!(!resident.get(&letter_page).await.body.contains("/gemeentelogo/"), "no logo yet");

    // Not an image, or an SVG (it can carry a script): refused with a Dutch message next to the
    // field (plain form), nothing kept.
    let gif = officer
        .call_multipart(
            "/api/gemeentelogo",
            &logo_parts("Waterhoven", "logo.gif", b"GIF89a\x01\0\x01\0"),
            "text/html",
            Some("/beheer/raden"),
        )
        .await;
    let back = gif.location().to_string();
    assert!(back.starts_with("/beheer/raden?formulier=") && back.ends_with("#afzenders"), "{back}");
    let shown = officer.get(back.split('#').next().unwrap()).await;
    assert!(shown.body.contains("Dit is geen PNG- of JPEG-afbeelding."), "the message next to the field");
    let svg = refused::<()>(
        &officer
            .call_multipart(
                "/api/gemeentelogo",
                &logo_parts("Waterhoven", "logo.png", b"<svg onload=\"alert(1)\"/>"),
                "application/json",
                None,
            )
            .await,
    );
    assert_eq!(svg.get("file"), [FieldError::NotALogo]);
    let mut big = LOGO_PNG.to_vec();
    big.resize(app::domain::council::MAX_LOGO_BYTES + 10, 0);
    let too_big = refused::<()>(
        &officer.call_multipart("/api/gemeentelogo", &logo_parts("Waterhoven", "groot.png", &big), "application/json", None).await,
    );
    assert_eq!(too_big.get("file"), [FieldError::ImportTooLarge { max_mb: 1 }]);
    let senders: Vec<app::api::SenderView> = officer.call("/api/afzenders", &[]).await.json();
    assert!(senders.iter().all(|s| s.logo.is_none()), "nothing kept");
    // Only the municipality's own staff, and never a council member.
    let hash = app::backend::auth::hash_password(PASSWORD).unwrap();
    app.store.create_staff("l2@lindeburg.example", "Lotte", &hash, Role::Officer, Some("Lindeburg")).await.unwrap();
    let mut officer_l = app.client_from([192, 0, 2, 79]);
    officer_l.login("l2@lindeburg.example", PASSWORD).await;
    for client in [&mut officer_l, &mut member_w] {
        let answer =
            client.call_multipart("/api/gemeentelogo", &logo_parts("Waterhoven", "logo.png", LOGO_PNG), "application/json", None).await;
        assert_eq!(app_error(&answer), AppError::Forbidden);
    }

    // Set (the plain form goes back to the list with a notice): on the letter, its page (the
    // cached public page is rendered anew) and the list; served as a PNG, cached for good.
    let set = officer
        .call_multipart("/api/gemeentelogo", &logo_parts("Waterhoven", "logo.png", LOGO_PNG), "text/html", Some("/beheer/raden"))
        .await;
    assert_eq!(set.location(), "/beheer/raden?logo=1#afzenders");
    let senders: Vec<app::api::SenderView> = officer.call("/api/afzenders", &[]).await.json();
    let logo = senders.iter().find(|s| s.municipality == "Waterhoven").and_then(|s| s.logo).expect("Waterhoven's logo");
    assert_eq!(senders.iter().find(|s| s.municipality == "Lindeburg").and_then(|s| s.logo), None);
    let letter: LetterView =
        resident.call("/api/collegereactie", &fields(&[("consultation", "regio"), ("council", &waterhoven)])).await.json();
    assert_eq!(letter.letter.sender_logo, Some(logo));
    let page = resident.get(&letter_page).await;
    assert!(page.body.contains(&format!("src=\"/gemeentelogo/{logo}\"")), "on the letter's page");
    assert!(page.body.contains("alt=\"Logo van Waterhoven\""), "with a text alternative");
    let image = resident.get(&format!("/gemeentelogo/{logo}")).await;
    assert_eq!(image.status, 200);
    assert_eq!(image.header("content-type"), Some("image/png"));
    assert!(image.header("cache-control").is_some_and(|c| c.contains("immutable")));
    assert_eq!(image.bytes, LOGO_PNG);
    let list = officer.get("/beheer/raden?logo=1").await;
    assert!(list.body.contains("Het logo is opgeslagen."), "the notice");

    // Taken away: gone from the letter, and the old address serves nothing.
    done::<()>(
        &officer
            .call_multipart(
                "/api/gemeentelogo",
                &[
                    Part::Text("municipality", "Waterhoven"),
                    Part::Text("remove", "1"),
                    Part::File { name: "file", file_name: "", bytes: b"" },
                ],
                "application/json",
                None,
            )
            .await,
    );
    assert!(!resident.get(&letter_page).await.body.contains("/gemeentelogo/"), "no logo any more");
    assert_eq!(resident.get(&format!("/gemeentelogo/{logo}")).await.status, 404);
}

/// Real logos (the unit tests' too): 240 × 80 pixels, and 120 × 160.
const WIDE_PNG: &[u8] = include_bytes!("../../app/testdata/logo-wide.png");
const TALL_JPEG: &[u8] = include_bytes!("../../app/testdata/logo-tall.jpg");

/// A Word document's pictures, a line each: the parts under `word/media/` with what they hold,
/// then the drawings in the document, each with its text alternative and the part it shows.
fn docx_pictures(bytes: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = unzip(bytes)
        .into_iter()
        .filter(|(name, _)| name.starts_with("word/media/"))
        .map(|(name, content)| {
            let what = match content.as_slice() {
                TALL_JPEG => "the JPEG as uploaded",
                WIDE_PNG => "the PNG as uploaded",
                _ => "other bytes",
            };
            format!("{name}: {what}")
        })
        .collect();
    let document = entry(bytes, "word/document.xml");
    let rels = entry(bytes, "word/_rels/document.xml.rels");
    let attribute =
        |xml: &str, name: &str| xml.split_once(&format!("{name}=\"")).map(|(_, rest)| rest[..rest.find('"').unwrap()].to_string());
    lines.extend(document.split("<w:drawing>").skip(1).map(|drawing| {
        let alt = attribute(drawing, "descr").expect("a text alternative");
        let id = attribute(drawing, "r:embed").expect("a picture");
        let relationship = rels.split("<Relationship ").find(|r| r.contains(&format!("Id=\"{id}\""))).expect("its relationship");
        format!("\"{alt}\" shows word/{}", attribute(relationship, "Target").unwrap())
    }));
    lines
}

#[tokio::test]
async fn the_logo_is_in_the_college_letter_and_the_nota_as_word_documents_and_in_their_pdf() {
    let Regional { app, mut officer, lindeburg, waterhoven, mut member_l, mut member_w } = regional("advies").await;
    advise_and_publish(&mut member_w, &mut officer, &waterhoven).await;
    advise_and_publish(&mut member_l, &mut officer, &lindeburg).await;
    let mut resident = app.client();
    let letter_docx = format!("/consultaties/regio/adviezen/{waterhoven}/collegereactie.docx");
    let nota_docx = "/consultaties/regio/reactienota.docx";
    let download = async |client: &mut Client, path: &str| {
        let response = client.get(path).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        response.bytes
    };
    let set_logo = async |officer: &mut Client, file_name: &str, bytes: &[u8]| {
        done::<()>(
            &officer.call_multipart("/api/gemeentelogo", &logo_parts("Waterhoven", file_name, bytes), "application/json", None).await,
        );
    };

    // No logo: no picture.
    let (letter_without, nota_without) = (download(&mut resident, &letter_docx).await, download(&mut resident, nota_docx).await);
    for bytes in [&letter_without, &nota_without] {
        assert_eq!(docx_pictures(bytes), Vec::<String>::new());
    }

    // A JPEG: in the letter as uploaded (a .jpeg part), above the title, with its text alternative.
    set_logo(&mut officer, "logo.jpg", TALL_JPEG).await;
    let letter_jpeg = download(&mut resident, &letter_docx).await;
    assert_eq!(
        docx_pictures(&letter_jpeg),
        ["word/media/inspraak-picture1.jpeg: the JPEG as uploaded", "\"Logo van Waterhoven\" shows word/media/inspraak-picture1.jpeg"]
    );
    let document = entry(&letter_jpeg, "word/document.xml");
    assert!(document.find("<w:drawing>").unwrap() < document.find(r#"w:val="Title""#).unwrap(), "above the title");

    // A PNG: in the letter, and in the nota above Waterhoven's letter only.
    set_logo(&mut officer, "logo.png", WIDE_PNG).await;
    let letter_png = download(&mut resident, &letter_docx).await;
    let png = ["word/media/inspraak-picture1.png: the PNG as uploaded", "\"Logo van Waterhoven\" shows word/media/inspraak-picture1.png"];
    assert_eq!(docx_pictures(&letter_png), png);
    let nota_png = download(&mut resident, nota_docx).await;
    assert_eq!(docx_pictures(&nota_png), png, "one picture in the nota: Waterhoven's");
    let document = entry(&nota_png, "word/document.xml");
    let heading = |council: &str, municipality: &str| {
        let text = (app::i18n::NL.councils.letter_heading)(council, municipality);
        // The last time: the list of contents names it first.
        document.rfind(&text).unwrap_or_else(|| panic!("{text} in the nota"))
    };
    let (logo, waterhoven_letter) = (document.find("<w:drawing>").unwrap(), heading("Wmo-raad Waterhoven", "Waterhoven"));
    assert!(logo < waterhoven_letter, "above Waterhoven's letter");
    assert_eq!(document[logo..waterhoven_letter].matches("</w:p>").count(), 1, "right above it: nothing between");
    let lindeburg_letter = heading("Adviesraad Lindeburg", "Lindeburg");
    assert!(lindeburg_letter < logo || lindeburg_letter > waterhoven_letter, "not above Lindeburg's letter");

    // LibreOffice shows them: an image in the PDF of each, none without a logo.
    let dir = tempfile::tempdir().unwrap();
    let pdfs = libreoffice_pdfs(
        dir.path(),
        &[
            ("letter-without.docx", &letter_without),
            ("nota-without.docx", &nota_without),
            ("letter-jpeg.docx", &letter_jpeg),
            ("nota-png.docx", &nota_png),
        ],
    );
    let images: Vec<usize> = pdfs.iter().map(|pdf| pdf_images(pdf)).collect();
    assert_eq!(images, [0, 0, 1, 1], "images in the PDFs of the letter and the nota, without and with a logo");

    // A logo that can't be read (stored past the upload check): the documents come without it.
    let officer_id = app.store.user_by_email(OFFICER_EMAIL).await.unwrap().expect("the officer").id;
    app.store.set_municipality_logo("Waterhoven", Some(("image/png", &b"\x89PNG\r\n\x1a\nkapot"[..])), officer_id).await.unwrap();
    for path in [letter_docx.as_str(), nota_docx] {
        assert_eq!(docx_pictures(&download(&mut resident, path).await), Vec::<String>::new(), "{path}");
    }
}
