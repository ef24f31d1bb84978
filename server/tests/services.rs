//! The workbench and advice services called directly, with a store and a user and no request:
//! they decide the same whoever calls them, and check the user they are given.

mod common;

use app::backend::services::{submit_comment, today};
use app::backend::store::UserRow;
use app::backend::{advice, workbench};
use app::domain::answer::AnswerForm;
use app::domain::error::{AppError, FormOutcome};
use app::domain::review::{AdoptionForm, ReviewForm, ReviewState};
use app::domain::role::Role;
use app::i18n::Locale;
use common::TestApp;

async fn user(app: &TestApp, email: &str, role: Role) -> UserRow {
    let id = app.add_user(email, email, "een-lang-wachtwoord", role).await;
    app.store.user_by_id(id).await.unwrap().expect("the user exists")
}

fn done<T: std::fmt::Debug>(outcome: FormOutcome<T>) -> T {
    match outcome {
        FormOutcome::Done(value) => value,
        FormOutcome::Invalid(errors) => panic!("refused: {errors:?}"),
    }
}

#[tokio::test]
async fn an_answer_is_written_reviewed_and_adopted_through_the_services_alone() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let body = "Meer bankjes langs de Singel.";
    done(submit_comment(&app.store, &common::comment("visie", "h1-1", body), today(), Locale::default()).await.unwrap());
    let id = app.comment_id("visie", body).await;
    let officer = user(&app, "beleid@gemeente.example", Role::Officer).await;
    let author = user(&app, "senior@gemeente.example", Role::Reviewer).await;
    let reviewer = user(&app, "beoordelaar@gemeente.example", Role::Reviewer).await;
    let admin = user(&app, "secretariaat@gemeente.example", Role::Admin).await;

    let answer = AnswerForm {
        comment: id.to_string(),
        body: "Het college plaatst tien bankjes.".into(),
        status: "verwerkt".into(),
        state: "ter_beoordeling".into(),
        ..Default::default()
    };
    let saved = done(workbench::save_answer(&app.store, &author, &answer).await.unwrap());
    assert_eq!(saved.revisions[0].state, ReviewState::ForReview);

    // Decided by the service from the user it is given: an officer does not review at all, and
    // a reviewer does not approve what they wrote (four eyes).
    let review = ReviewForm { comment: id.to_string(), revision: "1".into(), decision: "goedkeuren".into(), remark: String::new() };
    let officer_review = workbench::review_answer(&app.store, &officer, &review).await;
    assert!(matches!(officer_review, Err(AppError::Forbidden)), "{officer_review:?}");
    let own = workbench::review_answer(&app.store, &author, &review).await.unwrap();
    assert!(matches!(own, FormOutcome::Invalid(_)), "{own:?}");
    let approved = done(workbench::review_answer(&app.store, &reviewer, &review).await.unwrap());
    assert_eq!(approved.revisions[0].state, ReviewState::Approved);

    let adoption = AdoptionForm { slug: "visie".into(), adopted_on: today().to_string() };
    let adopted = done(workbench::adopt(&app.state, &admin, &adoption).await.unwrap());
    assert_eq!(adopted.answers, 1);
    let list = workbench::reaction_list(&app.store, &officer, "visie", &Default::default()).await.unwrap();
    assert_eq!(list.items[0].revisions[0].state, ReviewState::Adopted);
}

#[tokio::test]
async fn the_advice_services_check_the_user_they_are_given() {
    let app = TestApp::new().await;
    app.seed_consultation_in("visie", "Visie op de wijk", -7, 21, "advies").await;
    // A council member drafts their council's advice; answering it, or reading a meeting report
    // into it, is for staff. The service refuses before it reads anything.
    let member = UserRow {
        id: 41,
        email: "lid@wmo-raad.example".into(),
        display_name: "Raadslid".into(),
        password_hash: String::new(),
        role: Role::CouncilMember.code().into(),
        municipality: None,
        council_id: Some(1),
        active: true,
        session_epoch: 0,
    };
    let refused = advice::import_report(&app.store, &member, "visie", "wmo-raad", "Verslag").await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    let refused = advice::publish(&app.store, &member, "visie", "wmo-raad").await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    let refused = advice::save_response_intro(&app.store, &member, "visie", "wmo-raad", "Geachte raad,").await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
}
