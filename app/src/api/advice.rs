//! The advice round: councils write and submit advice, officers answer it point by point, and the
//! college's response letter is read by the council and, once published, by everyone.

use crate::domain::advice::{IntroForm, PointAnswerForm, PointForm};
use crate::domain::error::{AppError, FormOutcome};
use crate::views::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// The advice workspace; `block_query` searches the blocks a point can be about.
#[server(endpoint = "advies-werkruimte")]
pub async fn advice_workspace(consultation: String, council: String, block_query: Option<String>) -> Result<AdviceWorkspaceView, AppError> {
    use crate::backend::{advice, auth, context::state};
    let user = auth::signed_in().await?;
    advice::workspace(&state()?.store, &user, &consultation, &council, block_query.as_deref().unwrap_or_default()).await
}

#[server(endpoint = "advies-inleiding")]
pub async fn save_advice_intro(form: IntroForm) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state, flash::echo_values};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let outcome = advice::save_intro(&store, &user, &form).await?;
    let values = echo_values([("intro", &form.intro), ("received_on", &form.received_on)]);
    super::requests::advice(&outcome, values, "inleiding", "inleiding");
    Ok(outcome)
}

/// Saves a point, or, with the form's search button (`find`), only looks for blocks: back to the
/// same form with what was typed and the blocks found, nothing saved.
#[server(endpoint = "advies-punt")]
pub async fn save_advice_point(form: PointForm) -> Result<FormOutcome<i64>, AppError> {
    use crate::backend::{advice, auth, context::state, flash::echo_values};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let anchor = if form.point.trim().is_empty() { "nieuw-punt".to_string() } else { format!("punt-{}", form.point.trim()) };
    let blocks = form.blocks.join(" ");
    let prefix = if form.point.trim().is_empty() { "new".to_string() } else { form.point.trim().to_string() };
    let values = echo_values([("body", &form.body), ("blocks", &blocks)]).into_iter().map(|(k, v)| (format!("{prefix}-{k}"), v)).collect();
    if form.find_blocks() {
        super::requests::block_search(values, &form.block_query, &prefix, &anchor);
        return Ok(FormOutcome::Invalid(Default::default()));
    }
    let outcome = advice::save_point(&store, &user, &form).await?;
    super::requests::advice(&outcome, values, "punten", &anchor);
    Ok(outcome)
}

#[server(endpoint = "advies-punt-weg")]
pub async fn remove_advice_point(consultation: String, council: String, point: i64) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let outcome = advice::remove_point(&store, &user, &consultation, &council, point).await?;
    super::requests::advice(&outcome, Default::default(), "punten", &format!("punt-{point}"));
    Ok(outcome)
}

#[server(endpoint = "advies-indienen")]
pub async fn submit_advice(consultation: String, council: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let outcome = advice::submit(&store, &user, &consultation, &council).await?;
    super::requests::advice(&outcome, Default::default(), "ingediend", "indienen");
    Ok(outcome)
}

#[server(endpoint = "advies-correctie")]
pub async fn start_advice_correction(consultation: String, council: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let outcome = advice::start_correction(&store, &user, &consultation, &council).await?;
    super::requests::advice(&outcome, Default::default(), "concept", "indienen");
    Ok(outcome)
}

/// Officers: a meeting report (*verslag*) read into a draft oral advice, a point per list item.
#[server(endpoint = "advies-verslag")]
pub async fn import_meeting_report(consultation: String, council: String, text: String) -> Result<FormOutcome<usize>, AppError> {
    use crate::backend::{advice, auth, context::state, flash::echo_values};
    let (store, user) = (state()?.store, auth::require(crate::domain::role::Action::AnswerComment).await?);
    let outcome = advice::import_report(&store, &user, &consultation, &council, &text).await?;
    super::requests::advice(&outcome, echo_values([("report", &text)]), "concept", "verslag");
    Ok(outcome)
}

/// Officers: the letter a council sent its advice in (a PDF); the draft becomes a written advice.
/// A plain multipart form post, so that it works the same with JavaScript on or off.
#[server(input = MultipartFormData, endpoint = "advies-brief")]
pub async fn add_council_letter(data: MultipartData) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state, flash::echo_values};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let (mut texts, file_name, bytes) = super::requests::read_multipart(data).await?;
    let mut take = |name: &str| texts.remove(name).unwrap_or_default();
    let (consultation, council, publish) = (take("consultation"), take("council"), take("publish"));
    let outcome = advice::add_council_letter(&store, &user, &consultation, &council, (&file_name, &bytes), publish == "on").await?;
    super::requests::advice(&outcome, echo_values([("letter-publish", &publish)]), "brief", "brief");
    Ok(outcome)
}

/// Officers: whether the council agreed to publish its letter with the college's response.
#[server(endpoint = "advies-brief-publicatie")]
pub async fn set_council_letter_publish(consultation: String, council: String, publish: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let outcome = advice::set_council_letter_publish(&store, &user, &consultation, &council, publish == "ja").await?;
    super::requests::advice(&outcome, Default::default(), "brief", "brief");
    Ok(outcome)
}

#[server(endpoint = "advies-beheer")]
pub async fn officer_advice(consultation: String, council: String) -> Result<OfficerAdviceView, AppError> {
    use crate::backend::{advice, auth, context::state};
    let user = auth::require(crate::domain::role::Action::ReadComments).await?;
    advice::officer_view(&state()?.store, &user, &consultation, &council).await
}

#[server(endpoint = "advies-antwoord")]
pub async fn save_point_answer(consultation: String, council: String, form: PointAnswerForm) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state};
    let (store, user) = (state()?.store, auth::require(crate::domain::role::Action::AnswerComment).await?);
    let outcome = advice::answer_points(&store, &user, &consultation, &council, &form).await?;
    // Each answer form on the page is told apart by the points it covers.
    let key = form.points.join("-");
    let mut values: std::collections::BTreeMap<String, String> = [
        ("body", &form.body),
        ("processed_where", &form.processed_where),
        ("state", &form.state),
        ("processed_blocks", &form.processed_blocks),
    ]
    .into_iter()
    .map(|(k, v)| (format!("{key}/{k}"), v.clone()))
    .collect();
    values.insert(format!("{key}/statuses"), form.statuses.join(" "));
    values.insert("form".into(), key.clone());
    super::requests::advice(&outcome, values, &format!("antwoord-{key}"), &format!("antwoord-{key}"));
    Ok(outcome)
}

#[server(endpoint = "advies-opening")]
pub async fn save_response_intro(consultation: String, council: String, body: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state, flash::echo_values};
    let (store, user) = (state()?.store, auth::require(crate::domain::role::Action::AnswerComment).await?);
    let outcome = advice::save_response_intro(&store, &user, &consultation, &council, &body).await?;
    super::requests::advice(&outcome, echo_values([("response_intro", &body)]), "opening", "opening");
    Ok(outcome)
}

#[server(endpoint = "advies-publiceren")]
pub async fn publish_letter(consultation: String, council: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, auth, context::state};
    let (store, user) = (state()?.store, auth::require(crate::domain::role::Action::AnswerComment).await?);
    let outcome = advice::publish(&store, &user, &consultation, &council).await?;
    super::requests::advice(&outcome, Default::default(), "publiceren", "publiceren");
    Ok(outcome)
}

/// The published response letters of a consultation (officers also see where each advice stands).
#[server(endpoint = "collegereacties")]
pub async fn list_letters(consultation: String) -> Result<LettersView, AppError> {
    use crate::backend::{advice, auth, context::state};
    let user = auth::current_user().await?;
    advice::letters(&state()?.store, user.as_ref(), &consultation).await
}

/// One response letter: public once published, for the council once every answer is final,
/// and for staff always (as a preview).
#[server(endpoint = "collegereactie")]
pub async fn get_letter(consultation: String, council: String) -> Result<LetterView, AppError> {
    use crate::backend::{advice, auth, context::state};
    let user = auth::current_user().await?;
    advice::letter_view(&state()?.store, user.as_ref(), &consultation, &council).await
}
