//! The review of answers to reactions: the states an answer goes through, the steps between them
//! and who may take each step. Every step is stored as a new answer revision; nothing is edited.
//!
//! ```text
//! (none) --save--> concept --submit--> ter beoordeling --approve--> goedgekeurd --adopt--> vastgesteld
//!                     ^                      |
//!                     +------send back-------+
//! ```
//! Saving new text from any state starts over at concept (or ter beoordeling when offered at
//! once). Once the college adopted the set, a change needs a reason, which stays visible.

use super::answer::{answer_parts, parse_expected, parse_status};
use super::error::{FieldError, FieldErrors};
use super::role::Role;
use super::status::ProcessingStatus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::Date;

pub const MAX_REMARK_CHARS: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ReviewState {
    /// *concept*: the officer is still working on it.
    Draft,
    /// *ter beoordeling*: waiting for a reviewer.
    ForReview,
    /// *goedgekeurd*: approved by a reviewer; residents can read it.
    Approved,
    /// *vastgesteld*: adopted by the college with the whole set.
    Adopted,
}

impl ReviewState {
    pub const ALL: [ReviewState; 4] = [ReviewState::Draft, ReviewState::ForReview, ReviewState::Approved, ReviewState::Adopted];

    pub fn code(self) -> &'static str {
        match self {
            ReviewState::Draft => "concept",
            ReviewState::ForReview => "ter_beoordeling",
            ReviewState::Approved => "goedgekeurd",
            ReviewState::Adopted => "vastgesteld",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether residents and the response document see an answer in this state.
    pub fn is_public(self) -> bool {
        matches!(self, ReviewState::Approved | ReviewState::Adopted)
    }
}

/// A step an officer or reviewer takes on one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStep<'a> {
    /// New text or status. `submit` offers it for review at once; `reason` explains a change
    /// after adoption.
    Save {
        submit: bool,
        reason: Option<&'a str>,
    },
    /// `own`: the reviewer wrote the revision under review.
    Approve {
        own: bool,
    },
    SendBack {
        remark: &'a str,
    },
    Adopt,
}

/// Why a step is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ReviewRefusal {
    #[error("this role may not take this step")]
    NotAllowed,
    #[error("the answer is not in a state that allows this step")]
    WrongState,
    #[error("a reviewer does not approve their own answer")]
    OwnAnswer,
    #[error("sending back needs a remark")]
    RemarkRequired,
    #[error("a change after adoption needs a reason")]
    ReasonRequired,
}

/// Four eyes over the whole history: whether `user` wrote text in this answer at any point. A
/// revision counts as written by its author when its text differs from the one before it; a
/// review step, or a colleague re-saving unchanged, copies the text and does not count. Revisions
/// come oldest first as (author, text).
pub fn wrote_text<'a>(revisions_oldest_first: impl IntoIterator<Item = (i64, &'a str)>, user: i64) -> bool {
    let mut previous: Option<&str> = None;
    for (author, text) in revisions_oldest_first {
        if author == user && previous.is_none_or(|p| p.trim() != text.trim()) {
            return true;
        }
        previous = Some(text);
    }
    false
}

/// Whether reviewers' steps are open to this role.
pub fn may_review(role: Role) -> bool {
    matches!(role, Role::Reviewer | Role::Admin)
}

/// The state after `step`, or why it is refused. `adopted` says the college adopted this
/// consultation's answers, which freezes them.
pub fn next_state(role: Role, current: Option<ReviewState>, step: ReviewStep<'_>, adopted: bool) -> Result<ReviewState, ReviewRefusal> {
    if !role.is_staff() {
        return Err(ReviewRefusal::NotAllowed);
    }
    match step {
        ReviewStep::Save { submit, reason } => {
            if adopted && reason.is_none_or(|r| r.trim().is_empty()) {
                return Err(ReviewRefusal::ReasonRequired);
            }
            Ok(if submit { ReviewState::ForReview } else { ReviewState::Draft })
        }
        ReviewStep::Approve { own } => {
            if !may_review(role) {
                return Err(ReviewRefusal::NotAllowed);
            }
            if current != Some(ReviewState::ForReview) {
                return Err(ReviewRefusal::WrongState);
            }
            if own {
                return Err(ReviewRefusal::OwnAnswer);
            }
            Ok(ReviewState::Approved)
        }
        ReviewStep::SendBack { remark } => {
            if !may_review(role) {
                return Err(ReviewRefusal::NotAllowed);
            }
            if current != Some(ReviewState::ForReview) {
                return Err(ReviewRefusal::WrongState);
            }
            if remark.trim().is_empty() {
                return Err(ReviewRefusal::RemarkRequired);
            }
            Ok(ReviewState::Draft)
        }
        ReviewStep::Adopt => match current {
            Some(ReviewState::Approved) => Ok(ReviewState::Adopted),
            _ => Err(ReviewRefusal::WrongState),
        },
    }
}

/// Whether the whole set can be marked adopted: every reaction has an approved (or already
/// adopted) answer, and at least one is newly approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdoptionCheck {
    Ready { answers: usize },
    NotReady { open: usize },
    NothingNew,
}

pub fn check_adoption(states: impl IntoIterator<Item = Option<ReviewState>>) -> AdoptionCheck {
    let (mut open, mut approved) = (0, 0);
    for state in states {
        match state {
            Some(ReviewState::Approved) => approved += 1,
            Some(ReviewState::Adopted) => {}
            _ => open += 1,
        }
    }
    match (open, approved) {
        (0, 0) => AdoptionCheck::NothingNew,
        (0, answers) => AdoptionCheck::Ready { answers },
        (open, _) => AdoptionCheck::NotReady { open },
    }
}

/// A reviewer's decision on one answer, as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewForm {
    pub comment: String,
    /// The revision the reviewer read; a newer one means they must read again.
    #[serde(default)]
    pub revision: String,
    /// `goedkeuren` or `terugsturen`.
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub remark: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Approve,
    SendBack(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReview {
    pub comment_id: i64,
    pub expected: i64,
    pub decision: Decision,
}

impl TryFrom<&ReviewForm> for ValidReview {
    type Error = FieldErrors;

    fn try_from(form: &ReviewForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let comment_id = form.comment.trim().parse::<i64>().ok();
        let expected = form.revision.trim().parse::<i64>().ok();
        if comment_id.is_none() || expected.is_none() {
            errors.add("decision", FieldError::NotForReview);
        }
        let remark = super::comment::normalise_text(&form.remark);
        if remark.chars().count() > MAX_REMARK_CHARS {
            errors.add("remark", FieldError::TooLong { max: MAX_REMARK_CHARS });
        }
        let decision = match form.decision.trim() {
            "goedkeuren" => Some(Decision::Approve),
            "terugsturen" if remark.is_empty() => {
                errors.add("remark", FieldError::Required);
                None
            }
            "terugsturen" => Some(Decision::SendBack(remark)),
            _ => {
                errors.add("decision", FieldError::Required);
                None
            }
        };
        match (comment_id, expected, decision) {
            (Some(comment_id), Some(expected), Some(decision)) if errors.is_empty() => Ok(ValidReview { comment_id, expected, decision }),
            _ => Err(errors),
        }
    }
}

/// One answer for several reactions; each keeps its own status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointAnswerForm {
    pub slug: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub processed_where: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub reason: String,
    /// Reaction id to processing status code.
    #[serde(default)]
    pub statuses: BTreeMap<String, String>,
    /// Reaction id to the revision the officer saw (empty: none).
    #[serde(default)]
    pub revisions: BTreeMap<String, String>,
}

/// Most reactions answered together in one go.
pub const MAX_JOINT: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JointItem {
    pub comment_id: i64,
    pub status: ProcessingStatus,
    pub expected: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidJointAnswer {
    pub body: String,
    pub processed_where: Option<String>,
    pub submit: bool,
    pub reason: Option<String>,
    pub items: Vec<JointItem>,
}

impl TryFrom<&JointAnswerForm> for ValidJointAnswer {
    type Error = FieldErrors;

    fn try_from(form: &JointAnswerForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let parts = answer_parts(&form.body, &form.processed_where, &form.state, &form.reason, &mut errors);
        let mut items = Vec::new();
        for (id, status) in &form.statuses {
            let Ok(comment_id) = id.trim().parse::<i64>() else { continue };
            let status = parse_status(status, &format!("status-{comment_id}"), &mut errors);
            let expected = parse_expected(form.revisions.get(id).map(String::as_str).unwrap_or_default(), &mut errors);
            if let Some(status) = status {
                items.push(JointItem { comment_id, status, expected });
            }
        }
        if form.statuses.len() < 2 {
            errors.add("reactions", FieldError::NoReactionsChosen);
        } else if form.statuses.len() > MAX_JOINT {
            errors.add("reactions", FieldError::TooMany { max: MAX_JOINT });
        }
        if errors.is_empty() {
            Ok(ValidJointAnswer {
                body: parts.body,
                processed_where: parts.processed_where,
                submit: parts.submit,
                reason: parts.reason,
                items,
            })
        } else {
            Err(errors)
        }
    }
}

/// Hiding a reaction from public view (or showing it again), with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationForm {
    pub comment: String,
    /// `ja` hides, `nee` shows again.
    #[serde(default)]
    pub hide: String,
    #[serde(default)]
    pub reason: String,
}

pub const MAX_MODERATION_REASON_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidModeration {
    pub comment_id: i64,
    pub hide: bool,
    pub reason: String,
}

impl TryFrom<&ModerationForm> for ValidModeration {
    type Error = FieldErrors;

    fn try_from(form: &ModerationForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let comment_id = form.comment.trim().parse::<i64>().ok();
        if comment_id.is_none() {
            errors.add("reason", FieldError::Required);
        }
        let reason = super::comment::normalise_text(&form.reason);
        if reason.is_empty() {
            errors.add("reason", FieldError::Required);
        } else if reason.chars().count() > MAX_MODERATION_REASON_CHARS {
            errors.add("reason", FieldError::TooLong { max: MAX_MODERATION_REASON_CHARS });
        }
        match comment_id {
            Some(comment_id) if errors.is_empty() => Ok(ValidModeration { comment_id, hide: form.hide.trim() != "nee", reason }),
            _ => Err(errors),
        }
    }
}

/// The college adopted the answers on a date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptionForm {
    pub slug: String,
    #[serde(default)]
    pub adopted_on: String,
}

/// The adoption date: required, a real date, and not after `today`.
pub fn parse_adoption_date(form: &AdoptionForm, today: Date) -> Result<Date, FieldErrors> {
    let mut errors = FieldErrors::default();
    let value = form.adopted_on.trim();
    if value.is_empty() {
        errors.add("adopted_on", FieldError::Required);
        return Err(errors);
    }
    match Date::parse(value, time::macros::format_description!("[year]-[month]-[day]")) {
        Ok(date) if date <= today => Ok(date),
        Ok(_) => {
            errors.add("adopted_on", FieldError::DateInFuture);
            Err(errors)
        }
        Err(_) => {
            errors.add("adopted_on", FieldError::InvalidDate);
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReviewState::*;

    const STATES: [Option<ReviewState>; 5] = [None, Some(Draft), Some(ForReview), Some(Approved), Some(Adopted)];

    #[test]
    fn codes_round_trip_and_only_approved_answers_are_public() {
        for s in ReviewState::ALL {
            assert_eq!(ReviewState::parse(s.code()), Some(s));
        }
        assert_eq!(ReviewState::parse("definitief"), None);
        let public: Vec<_> = ReviewState::ALL.into_iter().filter(|s| s.is_public()).collect();
        assert_eq!(public, [Approved, Adopted]);
    }

    #[test]
    fn staff_save_from_every_state_to_concept_or_review() {
        for role in [Role::Officer, Role::Reviewer, Role::Admin] {
            for from in STATES {
                assert_eq!(next_state(role, from, ReviewStep::Save { submit: false, reason: None }, false), Ok(Draft));
                assert_eq!(next_state(role, from, ReviewStep::Save { submit: true, reason: None }, false), Ok(ForReview));
            }
        }
        assert_eq!(
            next_state(Role::CouncilMember, None, ReviewStep::Save { submit: false, reason: None }, false),
            Err(ReviewRefusal::NotAllowed)
        );
    }

    #[test]
    fn after_adoption_a_change_needs_a_reason() {
        let no_reason = ReviewStep::Save { submit: true, reason: Some("  ") };
        assert_eq!(next_state(Role::Officer, Some(Adopted), no_reason, true), Err(ReviewRefusal::ReasonRequired));
        let reason = ReviewStep::Save { submit: true, reason: Some("Besluit college 3 maart") };
        assert_eq!(next_state(Role::Officer, Some(Adopted), reason, true), Ok(ForReview));
    }

    #[test]
    fn only_reviewers_and_admins_approve_what_is_under_review_and_not_their_own() {
        let approve = ReviewStep::Approve { own: false };
        for from in STATES {
            let expected = if from == Some(ForReview) { Ok(Approved) } else { Err(ReviewRefusal::WrongState) };
            assert_eq!(next_state(Role::Reviewer, from, approve, false), expected, "{from:?}");
            assert_eq!(next_state(Role::Admin, from, approve, false), expected, "{from:?}");
            assert_eq!(next_state(Role::Officer, from, approve, false), Err(ReviewRefusal::NotAllowed));
            assert_eq!(next_state(Role::CouncilMember, from, approve, false), Err(ReviewRefusal::NotAllowed));
        }
        assert_eq!(next_state(Role::Reviewer, Some(ForReview), ReviewStep::Approve { own: true }, false), Err(ReviewRefusal::OwnAnswer));
    }

    #[test]
    fn sending_back_needs_a_remark_and_returns_to_concept() {
        for from in STATES {
            let expected = if from == Some(ForReview) { Ok(Draft) } else { Err(ReviewRefusal::WrongState) };
            assert_eq!(next_state(Role::Reviewer, from, ReviewStep::SendBack { remark: "Noem de wijk." }, false), expected);
            assert_eq!(next_state(Role::Officer, from, ReviewStep::SendBack { remark: "x" }, false), Err(ReviewRefusal::NotAllowed));
        }
        assert_eq!(
            next_state(Role::Reviewer, Some(ForReview), ReviewStep::SendBack { remark: " " }, false),
            Err(ReviewRefusal::RemarkRequired)
        );
    }

    #[test]
    fn only_approved_answers_are_adopted() {
        for role in [Role::Officer, Role::Reviewer, Role::Admin] {
            for from in STATES {
                let expected = if from == Some(Approved) { Ok(Adopted) } else { Err(ReviewRefusal::WrongState) };
                assert_eq!(next_state(role, from, ReviewStep::Adopt, false), expected, "{role:?} {from:?}");
            }
        }
        assert_eq!(next_state(Role::CouncilMember, Some(Approved), ReviewStep::Adopt, false), Err(ReviewRefusal::NotAllowed));
    }

    #[test]
    fn the_set_is_adopted_only_when_every_reaction_is_approved() {
        assert_eq!(check_adoption([Some(Approved), Some(Adopted), Some(Approved)]), AdoptionCheck::Ready { answers: 2 });
        assert_eq!(check_adoption([Some(Approved), None, Some(ForReview)]), AdoptionCheck::NotReady { open: 2 });
        assert_eq!(check_adoption([Some(Adopted)]), AdoptionCheck::NothingNew);
        assert_eq!(check_adoption([]), AdoptionCheck::NothingNew);
    }

    #[test]
    fn a_send_back_needs_a_remark_and_a_decision_is_required() {
        let mut form = ReviewForm { comment: "4".into(), revision: "2".into(), decision: "terugsturen".into(), remark: " ".into() };
        assert_eq!(ValidReview::try_from(&form).unwrap_err().get("remark"), [FieldError::Required]);
        form.remark = "Noem de wijk.".into();
        assert_eq!(ValidReview::try_from(&form).unwrap().decision, Decision::SendBack("Noem de wijk.".into()));
        form.decision = "goedkeuren".into();
        assert_eq!(ValidReview::try_from(&form).unwrap(), ValidReview { comment_id: 4, expected: 2, decision: Decision::Approve });
        form.decision = String::new();
        assert_eq!(ValidReview::try_from(&form).unwrap_err().get("decision"), [FieldError::Required]);
    }

    #[test]
    fn a_joint_answer_needs_two_reactions_and_a_status_for_each() {
        let mut form = JointAnswerForm { slug: "visie".into(), body: "Wij nemen dit over.".into(), ..Default::default() };
        form.statuses.insert("3".into(), "verwerkt".into());
        assert_eq!(ValidJointAnswer::try_from(&form).unwrap_err().get("reactions"), [FieldError::NoReactionsChosen]);
        form.statuses.insert("5".into(), String::new());
        assert_eq!(ValidJointAnswer::try_from(&form).unwrap_err().get("status-5"), [FieldError::Required]);
        form.statuses.insert("5".into(), "kennisgenomen".into());
        form.revisions.insert("5".into(), "2".into());
        let joint = ValidJointAnswer::try_from(&form).unwrap();
        assert_eq!(
            joint.items,
            [
                JointItem { comment_id: 3, status: ProcessingStatus::Processed, expected: None },
                JointItem { comment_id: 5, status: ProcessingStatus::Noted, expected: Some(2) }
            ]
        );
        assert!(!joint.submit);
    }

    #[test]
    fn hiding_needs_a_reason_and_adoption_a_past_date() {
        let form = ModerationForm { comment: "9".into(), hide: "ja".into(), reason: String::new() };
        assert_eq!(ValidModeration::try_from(&form).unwrap_err().get("reason"), [FieldError::Required]);
        let form = ModerationForm { reason: "Noemt de naam van een buurman.".into(), ..form };
        assert!(ValidModeration::try_from(&form).unwrap().hide);
        let today = time::macros::date!(2026 - 11 - 25);
        let adopt = |d: &str| parse_adoption_date(&AdoptionForm { slug: "v".into(), adopted_on: d.into() }, today);
        assert_eq!(adopt("2026-11-24"), Ok(time::macros::date!(2026 - 11 - 24)));
        assert_eq!(adopt("2026-11-26").unwrap_err().get("adopted_on"), [FieldError::DateInFuture]);
        assert_eq!(adopt("gisteren").unwrap_err().get("adopted_on"), [FieldError::InvalidDate]);
        assert_eq!(adopt("").unwrap_err().get("adopted_on"), [FieldError::Required]);
    }

    #[test]
    fn a_reviewer_who_wrote_text_anywhere_in_the_history_does_not_approve() {
        // 1 = officer, 2 = reviewer, 3 = colleague.
        let officer_only = [(1, "Tekst."), (1, "Tekst, beter.")];
        assert!(!wrote_text(officer_only, 2));
        assert!(wrote_text(officer_only, 1));
        // The reviewer rewrote it, then a colleague saved it again unchanged: still the reviewer's text.
        let laundered = [(1, "Tekst."), (2, "Tekst van de beoordelaar."), (3, "Tekst van de beoordelaar.")];
        assert!(wrote_text(laundered, 2));
        // A reviewer's earlier send-back copies the text: that is no writing.
        let sent_back = [(1, "Tekst."), (2, "Tekst."), (1, "Tekst, herzien.")];
        assert!(!wrote_text(sent_back, 2));
        // The very first revision is always written by its author.
        assert!(wrote_text([(2, "Eerste tekst.")], 2));
    }
}
