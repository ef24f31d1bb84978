//! Demo data for a first look: a fictional municipality's draft vision in its comment period,
//! an officer, and a few comments, one of them answered. Only loaded into an empty database.

use super::auth::hash_password;
use super::services::{create_consultation, submit_comment, today};
use super::store::{NewAnswer, Store};
use crate::domain::comment::CommentForm;
use crate::domain::consultation::ConsultationForm;
use crate::domain::error::{AppError, FormOutcome};
use crate::domain::role::Role;
use crate::domain::status::{AnswerState, ProcessingStatus};

pub const DEMO_DOCUMENT: &str = include_str!("../../../demo/samen-sterk-in-de-wijk.md");
pub const DEMO_SLUG: &str = "samen-sterk-in-de-wijk";

pub struct DemoLogin {
    pub email: String,
    pub password: String,
}

/// Loads the demo once. Returns the officer's login (the password as configured or the default).
pub async fn seed(store: &Store, login: DemoLogin) -> Result<bool, AppError> {
    if store.consultation_by_slug(DEMO_SLUG).await?.is_some() {
        return Ok(false);
    }
    let officer = match store.user_by_email(&login.email).await? {
        Some(user) => user.id,
        None => store.create_user(&login.email, "Fatima el Amrani", &hash_password(&login.password)?, Role::Admin).await?,
    };
    let today = today();
    let form = ConsultationForm {
        title: "Samen sterk in de wijk: beleidsvisie sociaal domein 2027-2030".into(),
        slug: DEMO_SLUG.into(),
        description: "De gemeente Lindeburg vraagt uw mening over de nieuwe visie op ondersteuning in de wijk.".into(),
        opens: (today - time::Duration::days(14)).to_string(),
        closes: (today + time::Duration::days(28)).to_string(),
    };
    if let FormOutcome::Invalid(errors) = create_consultation(store, &form, "visie.md", DEMO_DOCUMENT.as_bytes(), Some(officer)).await? {
        tracing::error!(?errors, "demo document did not import");
        return Err(AppError::Internal);
    }
    let comments = [
        ("h2-a-1", "Fijn dat er een vast gezicht komt. Kan het spreekuur ook 's avonds, voor mensen die werken?", "", ""),
        ("h2-a-1", "In De Weiden is het buurthuis slecht bereikbaar met het openbaar vervoer.", "Karin de Vries", "on"),
        ("h3-b-2", "Respijtzorg binnen vier weken is te lang als je op instorten staat. Maak er twee weken van.", "", ""),
        ("", "Mooie visie, maar waar is de jeugd? Jongeren komen bijna niet voor.", "", ""),
    ];
    let mut first = None;
    for (block, body, name, show) in comments {
        let form = CommentForm {
            consultation: DEMO_SLUG.into(),
            block: block.into(),
            body: body.into(),
            name: name.into(),
            show_name: (!show.is_empty()).then(|| show.to_string()),
            consent: (!name.is_empty()).then(|| "on".to_string()),
            organisation: String::new(),
            email: String::new(),
        };
        if let FormOutcome::Done(receipt) = submit_comment(store, &form, today).await? {
            first.get_or_insert(receipt.code);
        }
    }
    let org = CommentForm {
        consultation: DEMO_SLUG.into(),
        block: "h4-1".into(),
        body: "Schuldhulpmaatjes Lindeburg vraagt om de verschuiving naar preventie ook in de begroting zichtbaar te maken.".into(),
        organisation: "Schuldhulpmaatjes Lindeburg".into(),
        ..CommentForm::default()
    };
    submit_comment(store, &org, today).await?;
    // The first comment gets a final answer, so the tracking page and the report show one.
    let consultation = store.consultation_by_slug(DEMO_SLUG).await?.ok_or(AppError::Internal)?;
    if let Some(comment) = store.comments_for_officer(consultation.id).await?.first() {
        let body = "Dank voor uw reactie. Het wijkteam houdt in elke wijk **één avondspreekuur per week**.";
        store
            .add_answer_revision(&NewAnswer {
                comment_id: comment.id,
                body_markdown: body,
                body_html: &super::markdown::render_answer(body),
                status: ProcessingStatus::Processed,
                processed_where: Some("Hoofdstuk 2.a, alinea 1"),
                state: AnswerState::Final,
                author_id: officer,
            })
            .await?;
    }
    if let Some(code) = first {
        tracing::info!(%code, "demo loaded; tracking code of the answered comment");
    }
    Ok(true)
}
