//! The officers' workbench against a real database: filters that combine, with counts and pages;
//! review with four eyes; joint answers; adoption that freezes; hiding; and the audit log.

mod common;

use app::api::{AuditView, DashboardView, GroupsView, JointSaved, ReportView, TrackView, VisibilityChanged};
use app::domain::comment::{CommentForm, SenderKind};
use app::domain::error::{AppError, FieldError, FormOutcome};
use app::domain::review::{AdoptionCheck, ReviewState};
use app::domain::role::Role;
use app::domain::status::ProcessingStatus;
use app::domain::workbench::{PAGE_SIZE, StatusFilter, Timing};
use axum::http::StatusCode;
use common::*;

async fn submit(app: &TestApp, form: CommentForm) -> String {
    let response = app.client_from([203, 0, 113, 30]).submit(&form).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    match response.json::<FormOutcome<app::api::Receipt>>() {
        FormOutcome::Done(receipt) => receipt.code,
        FormOutcome::Invalid(errors) => panic!("comment refused: {errors:?}"),
    }
}

#[tokio::test]
async fn filters_combine_count_per_value_and_page() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    for i in 0..(PAGE_SIZE + 5) {
        submit(&app, comment("visie", "h2-1", &format!("Preventie reactie {i} over de wijk."))).await;
    }
    submit(&app, comment("visie", "h1-1", "Het buurthuis is te ver weg.")).await;
    submit(&app, CommentForm { organisation: "Stichting Buurtkracht".into(), ..comment("visie", "h1-2", "Het wijkteam moet dichterbij.") })
        .await;
    submit(&app, comment("visie", "", "Waar is de jeugd?")).await;
    let mut officer = app.officer().await;
    let buurthuis = app.comment_id("visie", "Het buurthuis is te ver weg.").await;
    saved(
        save_answer(&mut officer, &answer_fields(buurthuis, "Wij kijken naar een tweede locatie.", "uitvoeringsplan", "", "concept")).await,
    );

    let all = reaction_list(&mut officer, "visie", "").await;
    assert_eq!(all.total, PAGE_SIZE + 8);
    assert_eq!(all.pages, 2);
    assert_eq!(all.items.len(), PAGE_SIZE);
    assert_eq!(all.items[0].body, "Waar is de jeugd?", "document order: the whole document first");
    let second = reaction_list(&mut officer, "visie", "pagina=2").await;
    assert_eq!(second.items.len(), 8);
    assert!(second.items.iter().all(|c| !all.items.iter().any(|a| a.id == c.id)), "pages do not overlap");

    // Section, status and sender combine; each facet counts with the other filters applied.
    let chapter1 = reaction_list(&mut officer, "visie", "sectie=h1&status=nog_niet_beantwoord").await;
    assert_eq!(chapter1.items.iter().map(|c| c.body.as_str()).collect::<Vec<_>>(), ["Het wijkteam moet dichterbij."]);
    let count = |facet: &[(StatusFilter, usize)], s: StatusFilter| facet.iter().find(|(f, _)| *f == s).map(|f| f.1);
    assert_eq!(count(&chapter1.facets.status, StatusFilter::Unanswered), Some(1));
    assert_eq!(count(&chapter1.facets.status, StatusFilter::Is(ProcessingStatus::ImplementationPlan)), Some(1));
    let chapter = |anchor: &str| chapter1.facets.sections.iter().find(|s| s.anchor == anchor).map(|s| s.count);
    assert_eq!((chapter("h1"), chapter("h2")), (Some(1), Some(PAGE_SIZE + 5)), "sections counted under the status filter");
    let org = reaction_list(&mut officer, "visie", "afzender=organisatie").await;
    assert_eq!(org.total, 1);
    assert_eq!(org.items[0].organisation.as_deref(), Some("Stichting Buurtkracht"));
    assert_eq!(org.facets.sender.iter().find(|(k, _)| *k == SenderKind::Resident).map(|k| k.1), Some(PAGE_SIZE + 7));

    let state = reaction_list(&mut officer, "visie", "staat=concept").await;
    assert_eq!(state.items.iter().map(|c| c.id).collect::<Vec<_>>(), [buurthuis]);
    let search = reaction_list(&mut officer, "visie", "q=BUURTHUIS").await;
    assert_eq!(search.total, 1, "search ignores case");
    let wildcard = reaction_list(&mut officer, "visie", "q=%25").await;
    assert_eq!(wildcard.total, 0, "a % is searched for, not a wildcard");
    let block = reaction_list(&mut officer, "visie", "blok=h2-1&volgorde=nieuwste").await;
    assert_eq!(block.total, PAGE_SIZE + 5);
    assert_eq!(block.items[0].body, format!("Preventie reactie {} over de wijk.", PAGE_SIZE + 4), "newest first");
    let on_time = reaction_list(&mut officer, "visie", "tijdig=op_tijd").await;
    assert_eq!(on_time.facets.timing.iter().find(|(t, _)| *t == Timing::Late).map(|t| t.1), Some(0));
    let whole = reaction_list(&mut officer, "visie", "blok=algemeen").await;
    assert_eq!(whole.total, 1);
    let nothing = reaction_list(&mut officer, "visie", "sectie=bestaat-niet").await;
    assert_eq!(nothing.total, 0, "an unknown section matches nothing");

    // The filter state lives in the URL: the page renders it for a colleague.
    let page = officer.get("/beheer/consultaties/visie/reacties?sectie=h1&status=nog_niet_beantwoord").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Het wijkteam moet dichterbij."));
    assert!(!page.body.contains("Preventie reactie 3 over"), "filtered out");
}

#[tokio::test]
async fn review_follows_the_state_machine_with_four_eyes() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let code = submit(&app, comment("visie", "h1-1", "Kan het spreekuur ook 's avonds?")).await;
    let id = app.comment_id("visie", "Kan het spreekuur ook 's avonds?").await;
    let mut officer = app.officer().await;
    let mut reviewer = app.reviewer().await;

    // An officer may not approve; a reviewer may not approve a draft.
    saved(save_answer(&mut officer, &answer_fields(id, "Wij zoeken het uit.", "kennisgenomen", "", "concept")).await);
    // Without JavaScript the form sends the revision the page showed: it is in the markup.
    let page = officer.get("/beheer/consultaties/visie/reacties").await;
    assert!(page.body.contains(r#"name="form[revision]" value="1""#), "the revision is rendered for plain forms");
    let forbidden = officer
        .call("/api/beoordeling", &fields(&[("form[comment]", &id.to_string()), ("form[revision]", "1"), ("form[decision]", "goedkeuren")]))
        .await;
    assert_eq!(app_error(&forbidden), AppError::Forbidden);
    assert_eq!(invalid(review(&mut reviewer, id, 1, "goedkeuren", "").await).get("decision"), [FieldError::NotForReview]);

    // Offered for review; sent back without a remark is refused, with one it returns to concept.
    saved(save_answer(&mut officer, &answer_fields_from(id, "Wij zoeken het uit.", "kennisgenomen", "", "ter_beoordeling", Some(1))).await);
    assert_eq!(invalid(review(&mut reviewer, id, 2, "terugsturen", " ").await).get("remark"), [FieldError::Required]);
    let back = saved(review(&mut reviewer, id, 2, "terugsturen", "Noem de avond en de plek.").await);
    assert_eq!(back.revisions[0].state, ReviewState::Draft);
    assert_eq!(back.revisions[0].remark.as_deref(), Some("Noem de avond en de plek."));

    // A stale form is refused and loses nothing.
    let stale =
        invalid(save_answer(&mut officer, &answer_fields_from(id, "Oude versie", "verwerkt", "", "ter_beoordeling", Some(1))).await);
    assert_eq!(stale.get("body"), [FieldError::ChangedMeanwhile]);

    // Fixed and offered again; the reviewer who wrote a version may not approve it.
    saved(
        save_answer(
            &mut officer,
            &answer_fields_from(id, "Elke dinsdagavond in De Weiden.", "verwerkt", "1, alinea 1", "ter_beoordeling", Some(3)),
        )
        .await,
    );
    let list = reaction_list(&mut reviewer, "visie", "staat=ter_beoordeling").await;
    assert!(list.items[0].may_approve);
    let approved = saved(review(&mut reviewer, id, 4, "goedkeuren", "").await);
    assert_eq!(approved.revisions[0].state, ReviewState::Approved);
    let tracked: TrackView = app.client().call("/api/volg", &fields(&[("code", &code)])).await.json();
    assert!(tracked.answer.is_some(), "approved answers are public");

    saved(
        save_answer(&mut reviewer, &answer_fields_from(id, "Elke dinsdagavond.", "verwerkt", "1, alinea 1", "ter_beoordeling", Some(5)))
            .await,
    );
    let own = reaction_list(&mut reviewer, "visie", "").await;
    assert!(!own.items[0].may_approve);
    assert_eq!(invalid(review(&mut reviewer, id, 6, "goedkeuren", "").await).get("decision"), [FieldError::OwnAnswer]);

    // Every step is in the audit log, which only admins read.
    let mut admin = app.admin().await;
    saved(review(&mut admin, id, 6, "goedkeuren", "").await);
    let log = admin.call("/api/beheer-logboek", &fields(&[("slug", "visie"), ("page", "1")])).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    let log: AuditView = log.json();
    let states: Vec<_> = log.entries.iter().filter(|e| e.field == "staat").map(|e| e.after.clone().unwrap_or_default()).collect();
    assert_eq!(states, ["goedgekeurd", "ter_beoordeling", "goedgekeurd", "ter_beoordeling", "concept", "ter_beoordeling", "concept"]);
    assert!(log.entries.iter().any(|e| e.field == "opmerking" && e.after.as_deref() == Some("Noem de avond en de plek.")));
    let before_after = log.entries.iter().find(|e| e.field == "antwoord" && e.after.as_deref() == Some("Elke dinsdagavond.")).unwrap();
    assert_eq!(before_after.before.as_deref(), Some("Elke dinsdagavond in De Weiden."));
    assert_eq!(before_after.actor, "Marieke Jansen");
    for client in [&mut officer, &mut reviewer] {
        let refused = client.call("/api/beheer-logboek", &fields(&[("slug", "visie"), ("page", "1")])).await;
        assert_eq!(app_error(&refused), AppError::Forbidden);
    }
}

#[tokio::test]
async fn a_joint_answer_gives_each_reaction_its_own_status() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    for body in ["Respijtzorg binnen twee weken graag.", "Twee weken wachten op respijtzorg is genoeg.", "Iets anders."] {
        submit(&app, comment("visie", "h2-1", body)).await;
    }
    let (a, b) = (
        app.comment_id("visie", "Respijtzorg binnen twee weken graag.").await,
        app.comment_id("visie", "Twee weken wachten op respijtzorg is genoeg.").await,
    );
    let mut officer = app.officer().await;
    let joint = |statuses: &[(i64, &str)]| {
        let mut f = fields(&[("form[slug]", "visie"), ("form[body]", "Wij maken er twee weken van."), ("form[state]", "ter_beoordeling")]);
        for (id, status) in statuses {
            f.push((format!("form[statuses][{id}]"), status.to_string()));
            f.push((format!("form[revisions][{id}]"), String::new()));
        }
        f
    };
    let refused = officer.call("/api/gezamenlijk-antwoord", &joint(&[(a, "verwerkt")])).await.json::<FormOutcome<JointSaved>>();
    assert_eq!(invalid(refused).get("reactions"), [FieldError::NoReactionsChosen]);
    let refused = officer.call("/api/gezamenlijk-antwoord", &joint(&[(a, "verwerkt"), (b, "")])).await.json::<FormOutcome<JointSaved>>();
    assert_eq!(invalid(refused).get(&format!("status-{b}")), [FieldError::Required]);

    let done = officer.call("/api/gezamenlijk-antwoord", &joint(&[(a, "verwerkt"), (b, "deels_verwerkt")])).await;
    assert_eq!(saved(done.json::<FormOutcome<JointSaved>>()).count, 2);
    let list = reaction_list(&mut officer, "visie", "staat=ter_beoordeling").await;
    assert_eq!(list.total, 2);
    let status_of =
        |id| list.items.iter().find(|c| c.id == id).and_then(|c| c.current()).map(|r| (r.status, r.joint, r.body_markdown.clone()));
    assert_eq!(status_of(a), Some((Some(ProcessingStatus::Processed), true, "Wij maken er twee weken van.".into())));
    assert_eq!(status_of(b), Some((Some(ProcessingStatus::PartlyProcessed), true, "Wij maken er twee weken van.".into())));

    // Similar reactions are suggested as a group.
    let groups: GroupsView = officer.call("/api/beheer-groepen", &fields(&[("slug", "visie")])).await.json();
    assert_eq!(groups.reactions, 3);
    // The joint selection page lists what was ticked.
    let page = officer.get(&format!("/beheer/consultaties/visie/gezamenlijk?r={a}&r={b}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Gezamenlijk antwoord op 2 reacties"));
}

#[tokio::test]
async fn adoption_freezes_answers_and_a_change_needs_a_visible_reason() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let code = submit(&app, comment("visie", "h1-1", "Meer bankjes in het park.")).await;
    submit(&app, comment("visie", "h2-1", "Meer geld voor preventie.")).await;
    let (bankjes, preventie) =
        (app.comment_id("visie", "Meer bankjes in het park.").await, app.comment_id("visie", "Meer geld voor preventie.").await);
    let mut officer = app.officer().await;
    let adopt = |date: &str| fields(&[("form[slug]", "visie"), ("form[adopted_on]", date)]);
    let today = app::backend::services::today().to_string();

    publish_answer(&app, &mut officer, bankjes, "Er komen vier bankjes bij.", "verwerkt", "1, alinea 1").await;
    // The college's adoption is recorded by an admin.
    let mut admin = app.admin().await;
    let refused = admin.call("/api/vaststelling", &adopt(&today)).await.json::<FormOutcome<app::api::Adopted>>();
    assert_eq!(invalid(refused).get("adopted_on"), [FieldError::AnswersNotApproved { open: 1 }]);
    publish_answer(&app, &mut officer, preventie, "Het budget gaat omhoog.", "verwerkt", "2, alinea 1").await;
    let future = admin.call("/api/vaststelling", &adopt("2999-01-01")).await.json::<FormOutcome<app::api::Adopted>>();
    assert_eq!(invalid(future).get("adopted_on"), [FieldError::DateInFuture]);
    let adopted = admin.call("/api/vaststelling", &adopt(&today)).await.json::<FormOutcome<app::api::Adopted>>();
    assert_eq!(saved(adopted).answers, 2);
    let dashboard: DashboardView = officer.call("/api/beheer-overzicht", &fields(&[("slug", "visie")])).await.json();
    assert_eq!(dashboard.adoption, AdoptionCheck::NothingNew);
    assert_eq!(dashboard.by_state.iter().find(|(s, _)| *s == ReviewState::Adopted).map(|s| s.1), Some(2));

    // Frozen: a change without a reason is refused; with one it is a new, visible revision.
    let list = reaction_list(&mut officer, "visie", "").await;
    let current = list.items.iter().find(|c| c.id == bankjes).and_then(|c| c.current()).map(|r| r.revision_no);
    let change = answer_fields_from(bankjes, "Er komen zes bankjes bij.", "verwerkt", "1, alinea 1", "ter_beoordeling", current);
    assert_eq!(invalid(save_answer(&mut officer, &change).await).get("reason"), [FieldError::ReasonRequired]);
    let mut with_reason = change.clone();
    with_reason.push(("form[reason]".into(), "Het college besloot op 3 maart tot extra bankjes.".into()));
    let changed = saved(save_answer(&mut officer, &with_reason).await);
    let listed = app.store.list_consultations().await.unwrap();
    assert_eq!((listed[0].comment_count, listed[0].unanswered_count), (2, 0), "an answer being revised still counts as answered");
    let tracked: TrackView = app.client().call("/api/volg", &fields(&[("code", &code)])).await.json();
    assert!(
        tracked.answer.is_some_and(|a| a.html.contains("vier bankjes")),
        "the adopted answer stays public until the change is approved"
    );
    let mut reviewer = app.reviewer().await;
    saved(review(&mut reviewer, bankjes, changed.revisions[0].revision_no, "goedkeuren", "").await);
    let tracked = app.client().get(&format!("/volg/{code}")).await;
    assert!(tracked.body.contains("Het college besloot op 3 maart tot extra bankjes."), "the resident sees why it changed");
    let report = app.client().get("/consultaties/visie/reactienota").await;
    assert!(report.body.contains("zes bankjes"));
    assert!(report.body.contains("Het college besloot op 3 maart tot extra bankjes."), "the reason is public");
}

#[tokio::test]
async fn a_hidden_reaction_leaves_the_public_record_but_its_answer_counts() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let code = submit(&app, comment("visie", "h1-1", "Mijn buurman Jan Jansen op nummer 4 maakt herrie.")).await;
    let id = app.comment_id("visie", "Mijn buurman Jan Jansen op nummer 4 maakt herrie.").await;
    let mut officer = app.officer().await;
    publish_answer(&app, &mut officer, id, "Overlast kunt u melden bij de wijkagent.", "buiten_reikwijdte", "").await;

    let hide = |reason: &str, hide: &str| fields(&[("form[comment]", &id.to_string()), ("form[hide]", hide), ("form[reason]", reason)]);
    let refused = officer.call("/api/zichtbaarheid", &hide(" ", "ja")).await.json::<FormOutcome<VisibilityChanged>>();
    assert_eq!(invalid(refused).get("reason"), [FieldError::Required]);
    let done = officer.call("/api/zichtbaarheid", &hide("Persoonsgegevens van een derde.", "ja")).await;
    assert!(saved(done.json::<FormOutcome<VisibilityChanged>>()).hidden);
    let page = officer.get("/beheer/consultaties/visie/reacties").await;
    assert!(page.body.contains(r#"name="form[hide]" value="nee""#), "a plain form on a hidden reaction shows it again");

    let report: ReportView = app.client().call("/api/reactienota", &fields(&[("slug", "visie")])).await.json();
    assert_eq!(report.report.totals.received, 1);
    assert_eq!(report.report.totals.unanswered, 0, "the answer still counts");
    let page = app.client().get("/consultaties/visie/reactienota").await;
    assert!(!page.body.contains("Jan Jansen"), "the text is out of the public report");
    assert!(page.body.contains("Overlast kunt u melden bij de wijkagent."));
    let markdown = app.client().get("/consultaties/visie/reactienota.md").await;
    assert!(!markdown.body.contains("Jan Jansen"));
    let tracked = app.client().get(&format!("/volg/{code}")).await;
    assert!(tracked.body.contains("Overlast kunt u melden"), "the resident still reads the answer");
    assert!(tracked.body.contains(app::i18n::NL.work.hidden_for_sender), "and is told the text is not published");

    let list = reaction_list(&mut officer, "visie", "verborgen=ja").await;
    assert_eq!(list.total, 1);
    assert_eq!(list.items[0].hidden_reason.as_deref(), Some("Persoonsgegevens van een derde."));
    assert_eq!(list.items[0].body, "Mijn buurman Jan Jansen op nummer 4 maakt herrie.", "kept in the record");

    // Shown again; both steps stay in the audit log, which survives deleting sender details.
    saved(
        officer
            .call("/api/zichtbaarheid", &hide("Na overleg toch geen persoonsgegevens.", "nee"))
            .await
            .json::<FormOutcome<VisibilityChanged>>(),
    );
    execute(&app.store, "DELETE FROM comment_senders").await;
    let mut admin = app.admin().await;
    let log: AuditView = admin.call("/api/beheer-logboek", &fields(&[("slug", "visie"), ("page", "1")])).await.json();
    let visibility: Vec<_> =
        log.entries.iter().filter(|e| e.field == "zichtbaarheid").map(|e| e.after.clone().unwrap_or_default()).collect();
    assert_eq!(visibility, ["zichtbaar: Na overleg toch geen persoonsgegevens.", "verborgen: Persoonsgegevens van een derde."]);
}

#[tokio::test]
async fn each_role_reaches_only_its_own_workbench_steps() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    submit(&app, comment("visie", "h1-1", "Een reactie.")).await;
    let id = app.comment_id("visie", "Een reactie.").await.to_string();
    let hash = app::backend::auth::hash_password(OFFICER_PASSWORD).unwrap();
    let council = app
        .store
        .create_council(
            &app::domain::council::ValidCouncil::try_from(&app::domain::council::CouncilForm {
                name: "Adviesraad".into(),
                municipality: "Lindeburg".into(),
                kind: "sociaal_domein".into(),
                slug: String::new(),
            })
            .unwrap(),
            None,
        )
        .await
        .unwrap();
    let officer = app.add_user("ambtenaar@gemeente.example", "Ambtenaar", OFFICER_PASSWORD, Role::Officer).await;
    let expires = app::domain::council::invite_expiry(app::backend::store::now());
    app.store.create_invite(council, "Raadslid", "lid@raad.example", "hash-lid", officer, expires).await.unwrap();
    let invite = app.store.invite_by_hash("hash-lid").await.unwrap().unwrap();
    app.store.accept_invite(&invite, &hash).await.unwrap();
    let mut member = app.client_from([192, 0, 2, 210]);
    assert_eq!(member.login("lid@raad.example", OFFICER_PASSWORD).await.status, StatusCode::OK);
    let calls = [
        ("/api/beheer-reacties", fields(&[("slug", "visie"), ("query", "")])),
        ("/api/antwoord", answer_fields(id.parse().unwrap(), "Antwoord", "verwerkt", "", "concept")),
        ("/api/zichtbaarheid", fields(&[("form[comment]", &id), ("form[hide]", "ja"), ("form[reason]", "x")])),
        ("/api/vaststelling", fields(&[("form[slug]", "visie"), ("form[adopted_on]", "2026-01-01")])),
        ("/api/beheer-groepen", fields(&[("slug", "visie")])),
    ];
    for (path, body) in &calls {
        assert_eq!(app_error(&member.call(path, body).await), AppError::Forbidden, "{path}: a council member");
    }
    assert_eq!(Role::parse("reviewer"), Some(Role::Reviewer));
}

#[tokio::test]
async fn admins_give_staff_their_roles_but_keep_an_admin() {
    use app::api::{RoleChanged, StaffView};
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut officer = app.officer().await;
    let mut admin = app.admin().await;
    let officer_id = app.store.user_by_email(OFFICER_EMAIL).await.unwrap().unwrap().id;
    let admin_id = app.store.user_by_email("admin@gemeente.example").await.unwrap().unwrap().id;
    let change = |user: i64, role: &str| fields(&[("form[user]", &user.to_string()), ("form[role]", role)]);

    assert_eq!(app_error(&officer.call("/api/beheer-gebruikers", &[]).await), AppError::Forbidden);
    assert_eq!(app_error(&officer.call("/api/rol", &change(officer_id, "admin")).await), AppError::Forbidden, "no promoting oneself");
    let staff: Vec<StaffView> = admin.call("/api/beheer-gebruikers", &[]).await.json();
    assert_eq!(staff.len(), 2);
    assert!(staff.iter().any(|s| s.id == admin_id && s.is_self));

    let done = admin.call("/api/rol", &change(officer_id, "reviewer")).await.json::<FormOutcome<RoleChanged>>();
    assert_eq!(saved(done).role, Role::Reviewer);
    assert_eq!(app.store.user_by_id(officer_id).await.unwrap().unwrap().role(), Role::Reviewer);
    // The officer, now a reviewer, may review at once: roles are read on every request.
    assert!(reaction_list(&mut officer, "visie", "").await.can_review);

    let own = admin.call("/api/rol", &change(admin_id, "officer")).await.json::<FormOutcome<RoleChanged>>();
    assert_eq!(invalid(own).get("role"), [FieldError::OwnRole]);
    let bad = admin.call("/api/rol", &change(officer_id, "council_member")).await.json::<FormOutcome<RoleChanged>>();
    assert_eq!(invalid(bad).get("role"), [FieldError::InvalidRole]);
    // Another admin cannot demote the last admin either.
    saved(admin.call("/api/rol", &change(officer_id, "admin")).await.json::<FormOutcome<RoleChanged>>());
    let mut second = app.client_from([192, 0, 2, 220]);
    assert_eq!(second.login(OFFICER_EMAIL, OFFICER_PASSWORD).await.status, StatusCode::OK);
    saved(second.call("/api/rol", &change(admin_id, "officer")).await.json::<FormOutcome<RoleChanged>>());
    let last = admin.call("/api/rol", &change(officer_id, "officer")).await;
    assert_eq!(app_error(&last), AppError::Forbidden, "the demoted admin no longer manages users");
    let last = second.call("/api/rol", &change(officer_id, "officer")).await.json::<FormOutcome<RoleChanged>>();
    assert_eq!(invalid(last).get("role"), [FieldError::OwnRole]);
    assert_eq!(app.store.count_admins().await.unwrap(), 1);
}

/// Version 2 of the sample document, for places in two versions.
const SECOND_VERSION: &str = "# Visie op de wijk\n\nEen visie van de gemeente Lindeburg.\n\n## Hoofdstuk 1. Inleiding\n\n\
     Iedereen doet mee in de wijk.\n\nHet wijkteam is dichtbij en bereikbaar.\n\n## Hoofdstuk 2. Preventie\n\n\
     Voorkomen is beter dan genezen.\n";

/// The workbench says where a reaction is in the reader's language: the card, the block filter,
/// the groups, the section filter and the heat map; a place in an earlier version says which
/// version; "verwerkt in" is offered in the reader's words and read back from them.
#[tokio::test]
async fn the_workbench_names_places_in_the_readers_language() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    for body in ["Respijtzorg binnen twee weken graag.", "Twee weken wachten op respijtzorg is genoeg."] {
        submit(&app, comment("visie", "h2-1", body)).await;
    }
    let mut officer = app.officer().await;
    let dutch = officer.get("/beheer/consultaties/visie/reacties?blok=h2-1").await;
    assert_eq!(dutch.status, StatusCode::OK);
    assert!(dutch.body.contains("Hoofdstuk 2, alinea 1"), "{}", dutch.body);
    officer.cookies.insert("taal".into(), "en".into());
    let english = officer.get("/beheer/consultaties/visie/reacties?blok=h2-1").await;
    assert!(english.body.contains("<strong>Chapter 2, paragraph 1</strong>"), "the block filter in English: {}", english.body);
    assert!(english.body.matches("Chapter 2, paragraph 1").count() >= 3, "and each card's place");
    assert!(!english.body.contains(", alinea "), "no Dutch label left: {}", english.body);
    let groups = officer.get("/beheer/consultaties/visie/groepen").await;
    assert!(groups.body.contains("Chapter 2, paragraph 1") && !groups.body.contains(", alinea "), "{}", groups.body);

    // Version 2 is read in: the reactions stay on version 1, and say so.
    let parts = [
        Part::Text("consultation", "visie"),
        Part::Text("name", "Versie voor inspraak"),
        Part::Text("note", ""),
        Part::File { name: "file", file_name: "visie-2.md", bytes: SECOND_VERSION.as_bytes() },
    ];
    let response = officer.call_multipart("/api/nieuwe-versie", &parts, "application/json", None).await;
    assert!(matches!(response.json::<FormOutcome<app::api::VersionImported>>(), FormOutcome::Done(_)), "{}", response.body);
    let english = officer.get("/beheer/consultaties/visie/reacties").await;
    assert!(english.body.contains("Chapter 2, paragraph 1 (version 1)"), "the place in version 1: {}", english.body);
    assert!(english.body.contains("Hoofdstuk 2. Preventie (version 1) (2)"), "the section filter, as the document heads it");
    assert!(english.body.contains(r#"<option value="Chapter 1, paragraph 2">"#), "suggestions for 'verwerkt in' in English");
    // (The field's hint still gives a Dutch example: its English text is the translators' to change.)
    let without_hint = english.body.replace(app::i18n::EN.versions.hint_processed, "");
    assert!(!without_hint.contains(", alinea ") && !without_hint.contains("versie 1"), "{without_hint}");
    let dashboard = officer.get("/beheer/consultaties/visie").await;
    assert!(dashboard.body.contains("Hoofdstuk 2. Preventie (version 1)"), "the heat map: {}", dashboard.body);

    // An answer names its place in the new version as the English suggestion says it.
    let id = app.comment_id("visie", "Respijtzorg binnen twee weken graag.").await;
    let mut form = answer_fields(id, "Wij maken er twee weken van.", "verwerkt", "", "concept");
    form.push(("form[processed_blocks]".into(), "chapter 1, paragraph 2".into()));
    let answered = saved(save_answer(&mut officer, &form).await);
    let consultation = app.store.consultation_by_slug("visie").await.unwrap().unwrap();
    let latest = app.store.document(consultation.version_id).await.unwrap();
    let named = latest.blocks.iter().find(|b| b.anchor == "h1-2").expect("the new paragraph");
    assert_eq!(answered.revisions[0].processed_blocks, [named.label_parts()]);
    assert_eq!(answered.revisions[0].processed_where.as_deref(), Some("1, alinea 2"), "said as stored when the officer wrote nothing");
    let english = officer.get("/beheer/consultaties/visie/reacties").await;
    let field_values: Vec<&str> =
        english.body.split(r#"name="form[processed_blocks]""#).skip(1).map(|rest| &rest[..rest.find('>').unwrap()]).collect();
    assert!(field_values.iter().any(|f| f.contains(r#"value="Chapter 1, paragraph 2""#)), "the field says it in English: {field_values:?}");
    officer.cookies.remove("taal");
    let dutch = officer.get("/beheer/consultaties/visie/reacties").await;
    assert!(dutch.body.contains("Hoofdstuk 2, alinea 1 (versie 1)") && dutch.body.contains("Hoofdstuk 2. Preventie (versie 1) (2)"));
    assert!(dutch.body.contains(r#"<option value="Hoofdstuk 1, alinea 2">"#));
}
