//! Phases and the timeline: officers move a consultation forward and add milestones.

use crate::domain::error::{AppError, FormOutcome};
use crate::domain::phase::{MilestoneForm, PhaseForm};
use crate::views::*;
use leptos::server;

#[server(endpoint = "verloop")]
pub async fn consultation_process(slug: String) -> Result<ProcessView, AppError> {
    use crate::backend::{advice, auth, context::state, services};
    let user = auth::require(crate::domain::role::Action::ReadComments).await?;
    let store = state()?.store;
    let consultation = store.consultation_by_slug(&slug).await?.ok_or(AppError::NotFound)?;
    let timeline = services::timeline(&store, &consultation).await?;
    let letters = advice::letters(&store, Some(&user), &slug).await?;
    let asked: Vec<String> = letters.letters.iter().map(|l| l.council.slug.clone()).collect();
    let other_councils = store
        .list_councils()
        .await?
        .into_iter()
        .filter(|c| !asked.contains(&c.slug))
        .map(|c| advice::council_info_of(c.slug, c.name, c.municipality, &c.kind))
        .collect();
    let phase = consultation.phase();
    Ok(ProcessView {
        slug: consultation.slug,
        phase,
        next: phase.next_options().collect(),
        today: services::today(),
        timeline,
        advices: letters.letters,
        other_councils,
    })
}

#[server(endpoint = "fase")]
pub async fn change_phase(form: PhaseForm) -> Result<FormOutcome<()>, AppError> {
    use super::requests::advice as finish;
    use crate::backend::{auth, context::state, flash::echo_values};
    use crate::domain::error::{FieldError, FieldErrors};
    use crate::domain::phase::validate_phase_change;
    let user = auth::require(crate::domain::role::Action::ManageConsultation).await?;
    let store = state()?.store;
    let consultation = store.consultation_by_slug(form.consultation.trim()).await?.ok_or(AppError::NotFound)?;
    let current = consultation.phase();
    let since = store.phase_changes(consultation.id).await?.last().map(|c| c.started_on);
    let outcome = match validate_phase_change(&form, current, since) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(change) => {
            if store.change_phase(consultation.id, current, change.phase, change.started_on, user.id).await? {
                tracing::info!(consultation = %consultation.slug, phase = change.phase.code(), "phase changed");
                FormOutcome::Done(())
            } else {
                FormOutcome::Invalid(FieldErrors::single("phase", FieldError::PhaseNotForward))
            }
        }
    };
    finish(&outcome, echo_values([("phase", &form.phase), ("date", &form.date)]), "fase", "fase");
    Ok(outcome)
}

#[server(endpoint = "mijlpaal")]
pub async fn add_milestone(form: MilestoneForm) -> Result<FormOutcome<()>, AppError> {
    use super::requests::advice as finish;
    use crate::backend::{auth, context::state, flash::echo_values};
    use crate::domain::phase::ValidMilestone;
    let user = auth::require(crate::domain::role::Action::ManageConsultation).await?;
    let store = state()?.store;
    let consultation = store.consultation_by_slug(form.consultation.trim()).await?.ok_or(AppError::NotFound)?;
    let outcome = match ValidMilestone::try_from(&form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(milestone) => {
            store.add_milestone(consultation.id, milestone.date, &milestone.text, user.id).await?;
            FormOutcome::Done(())
        }
    };
    finish(&outcome, echo_values([("milestone_date", &form.date), ("milestone_text", &form.text)]), "verloop", "mijlpaal");
    Ok(outcome)
}
