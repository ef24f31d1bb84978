//! The advice round: councils write and submit advice, officers answer it point by point, and the
//! college's response letter is read by the council and, once published, by everyone.

use crate::domain::advice::{AdviceStage, IntroForm, Letter, PointAnswerForm, PointForm};
use crate::domain::council::CouncilKind;
use crate::domain::error::{AppError, FormOutcome};
use crate::domain::phase::Phase;
use crate::domain::status::{AnswerState, ProcessingStatus};
use leptos::server;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilInfo {
    pub slug: String,
    pub name: String,
    pub municipality: String,
    pub kind: CouncilKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockRef {
    pub anchor: String,
    pub label: String,
}

/// A block as offered in the point form's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockChoice {
    pub anchor: String,
    pub label: String,
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointView {
    pub id: i64,
    pub number: usize,
    pub body: String,
    /// Sanitised.
    pub body_html: String,
    pub blocks: Vec<BlockRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceRevisionView {
    pub revision_no: i64,
    pub intro: String,
    pub intro_html: String,
    pub oral: bool,
    pub received_on: Option<time::Date>,
    pub submitted_at: Option<String>,
    pub submitted_by: Option<String>,
    pub points: Vec<PointView>,
}

/// What the advice editor shows to a council member (or to an officer entering an oral advice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceWorkspaceView {
    pub consultation_slug: String,
    pub consultation_title: String,
    pub phase: Phase,
    pub council: CouncilInfo,
    pub stage: AdviceStage,
    /// Whether this person may change the draft now.
    pub open: bool,
    /// Staff entering an oral advice, rather than a council member.
    pub staff: bool,
    pub draft: Option<AdviceRevisionView>,
    /// Staff only: the council is writing a draft of its own, which staff do not see.
    pub council_drafting: bool,
    /// Newest first.
    pub submitted: Vec<AdviceRevisionView>,
    pub blocks: Vec<BlockChoice>,
    pub letter_ready: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointAnswerView {
    pub revision_no: i64,
    pub body_markdown: String,
    pub status: Option<ProcessingStatus>,
    pub processed_where: Option<String>,
    pub state: AnswerState,
    pub joint: bool,
    pub author: String,
    pub saved_at: String,
    /// The labels of the newer version's blocks where the point was processed.
    #[serde(default)]
    pub processed_blocks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerPointView {
    pub point: PointView,
    /// Newest first; the first is the current answer.
    pub history: Vec<PointAnswerView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerAdviceView {
    pub consultation_slug: String,
    pub consultation_title: String,
    pub council: CouncilInfo,
    pub may_answer: bool,
    pub submitted: Option<AdviceRevisionView>,
    pub points: Vec<OfficerPointView>,
    pub response_intro: String,
    pub published_on: Option<time::Date>,
    pub complete: bool,
    /// The latest version's number and blocks, when the document has several: an answer can name
    /// where a point was processed.
    #[serde(default)]
    pub latest_version: Option<i64>,
    #[serde(default)]
    pub latest_blocks: Vec<BlockChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterView {
    pub consultation_slug: String,
    pub consultation_title: String,
    pub council_slug: String,
    pub letter: Letter,
    pub published: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterSummary {
    pub council: CouncilInfo,
    pub received_on: Option<time::Date>,
    pub oral: bool,
    pub published_on: Option<time::Date>,
    /// Officers' overview: where the advice stands.
    pub stage: AdviceStage,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LettersView {
    pub consultation_slug: String,
    pub consultation_title: String,
    pub letters: Vec<LetterSummary>,
}

#[server(endpoint = "advies-werkruimte")]
pub async fn advice_workspace(consultation: String, council: String) -> Result<AdviceWorkspaceView, AppError> {
    use crate::backend::{advice, auth, context::state};
    let user = auth::current_user().await?.ok_or(AppError::Unauthorized)?;
    advice::workspace(&state()?.store, &user, &consultation, &council).await
}

#[server(endpoint = "advies-inleiding")]
pub async fn save_advice_intro(form: IntroForm) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, flash::echo_values};
    let outcome = advice::save_intro(&form).await?;
    let values = echo_values([("intro", &form.intro), ("received_on", &form.received_on)]);
    advice::finish(&outcome, values, "inleiding", "inleiding");
    Ok(outcome)
}

#[server(endpoint = "advies-punt")]
pub async fn save_advice_point(form: PointForm) -> Result<FormOutcome<i64>, AppError> {
    use crate::backend::{advice, flash::echo_values};
    let outcome = advice::save_point(&form).await?;
    let anchor = if form.point.trim().is_empty() { "nieuw-punt".to_string() } else { format!("punt-{}", form.point.trim()) };
    let blocks = form.blocks.join(" ");
    let prefix = if form.point.trim().is_empty() { "new".to_string() } else { form.point.trim().to_string() };
    let values = echo_values([("body", &form.body), ("blocks", &blocks)]).into_iter().map(|(k, v)| (format!("{prefix}-{k}"), v)).collect();
    advice::finish(&outcome, values, "punten", &anchor);
    Ok(outcome)
}

#[server(endpoint = "advies-punt-weg")]
pub async fn remove_advice_point(consultation: String, council: String, point: i64) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::advice;
    let outcome = advice::remove_point(&consultation, &council, point).await?;
    advice::finish(&outcome, Default::default(), "punten", &format!("punt-{point}"));
    Ok(outcome)
}

#[server(endpoint = "advies-indienen")]
pub async fn submit_advice(consultation: String, council: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::advice;
    let outcome = advice::submit(&consultation, &council).await?;
    advice::finish(&outcome, Default::default(), "ingediend", "indienen");
    Ok(outcome)
}

#[server(endpoint = "advies-correctie")]
pub async fn start_advice_correction(consultation: String, council: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::advice;
    let outcome = advice::start_correction(&consultation, &council).await?;
    advice::finish(&outcome, Default::default(), "concept", "indienen");
    Ok(outcome)
}

/// Officers: a meeting report (*verslag*) read into a draft oral advice, a point per list item.
#[server(endpoint = "advies-verslag")]
pub async fn import_meeting_report(consultation: String, council: String, text: String) -> Result<FormOutcome<usize>, AppError> {
    use crate::backend::{advice, flash::echo_values};
    let outcome = advice::import_report(&consultation, &council, &text).await?;
    advice::finish(&outcome, echo_values([("report", &text)]), "concept", "verslag");
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
    use crate::backend::advice;
    let outcome = advice::answer_points(&consultation, &council, &form).await?;
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
    advice::finish(&outcome, values, &format!("antwoord-{key}"), &format!("antwoord-{key}"));
    Ok(outcome)
}

#[server(endpoint = "advies-opening")]
pub async fn save_response_intro(consultation: String, council: String, body: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{advice, flash::echo_values};
    let outcome = advice::save_response_intro(&consultation, &council, &body).await?;
    advice::finish(&outcome, echo_values([("response_intro", &body)]), "opening", "opening");
    Ok(outcome)
}

#[server(endpoint = "advies-publiceren")]
pub async fn publish_letter(consultation: String, council: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::advice;
    let outcome = advice::publish(&consultation, &council).await?;
    advice::finish(&outcome, Default::default(), "publiceren", "publiceren");
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
