//! An officer's answer to a comment, parsed once from the form.

use super::error::{FieldError, FieldErrors};
use super::review::ReviewState;
use super::status::ProcessingStatus;
use serde::{Deserialize, Serialize};

pub const MAX_ANSWER_CHARS: usize = 10_000;
pub const MAX_WHERE_CHARS: usize = 300;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerForm {
    pub comment: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub processed_where: String,
    /// `concept`, or `ter_beoordeling` to offer it for review at once.
    #[serde(default)]
    pub state: String,
    /// The revision number the officer started from (empty: there was no answer yet).
    #[serde(default)]
    pub revision: String,
    /// Why the answer changes after the college adopted the set.
    #[serde(default)]
    pub reason: String,
    /// The blocks of the latest version where the reaction was processed, labels or anchors
    /// separated by semicolons; absent when the form has no such field (the blocks stay).
    #[serde(default)]
    pub processed_blocks: Option<String>,
}

pub const MAX_REASON_CHARS: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAnswer {
    pub comment_id: i64,
    pub body: String,
    pub status: ProcessingStatus,
    pub processed_where: Option<String>,
    /// Offered for review at once.
    pub submit: bool,
    pub expected: Option<i64>,
    pub reason: Option<String>,
    /// The blocks as typed, one entry each; `None` keeps those of the revision before.
    pub processed_blocks: Option<Vec<String>>,
}

/// The blocks typed into "verwerkt in", separated by semicolons.
pub fn split_places(text: &str) -> Vec<String> {
    text.split(';').map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// Text, place and state shared by one answer and a joint answer.
pub(crate) struct AnswerParts {
    pub body: String,
    pub processed_where: Option<String>,
    pub submit: bool,
    pub reason: Option<String>,
}

pub(crate) fn answer_parts(body: &str, processed_where: &str, state: &str, reason: &str, errors: &mut FieldErrors) -> AnswerParts {
    let body = super::comment::normalise_text(body);
    if body.is_empty() {
        errors.add("body", FieldError::Required);
    } else if body.chars().count() > MAX_ANSWER_CHARS {
        errors.add("body", FieldError::TooLong { max: MAX_ANSWER_CHARS });
    }
    let processed_where = processed_where.trim();
    if processed_where.chars().count() > MAX_WHERE_CHARS {
        errors.add("processed_where", FieldError::TooLong { max: MAX_WHERE_CHARS });
    }
    let reason = reason.trim();
    if reason.chars().count() > MAX_REASON_CHARS {
        errors.add("reason", FieldError::TooLong { max: MAX_REASON_CHARS });
    }
    AnswerParts {
        body,
        processed_where: (!processed_where.is_empty()).then(|| processed_where.to_string()),
        submit: ReviewState::parse(state.trim()) == Some(ReviewState::ForReview),
        reason: (!reason.is_empty()).then(|| reason.to_string()),
    }
}

/// A revision number as the form carries it: empty for none.
pub(crate) fn parse_expected(value: &str, errors: &mut FieldErrors) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = value.parse().ok();
    if parsed.is_none() {
        errors.add("revision", FieldError::ChangedMeanwhile);
    }
    parsed
}

pub(crate) fn parse_status(value: &str, field: &str, errors: &mut FieldErrors) -> Option<ProcessingStatus> {
    let status = ProcessingStatus::parse(value.trim());
    if status.is_none() {
        errors.add(field, if value.trim().is_empty() { FieldError::Required } else { FieldError::InvalidStatus });
    }
    status
}

impl TryFrom<&AnswerForm> for ValidAnswer {
    type Error = FieldErrors;

    fn try_from(form: &AnswerForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let comment_id = form.comment.trim().parse::<i64>().ok();
        if comment_id.is_none() {
            errors.add("comment", FieldError::Required);
        }
        let parts = answer_parts(&form.body, &form.processed_where, &form.state, &form.reason, &mut errors);
        let status = parse_status(&form.status, "status", &mut errors);
        let expected = parse_expected(&form.revision, &mut errors);
        match (comment_id, status) {
            (Some(comment_id), Some(status)) if errors.is_empty() => Ok(ValidAnswer {
                comment_id,
                body: parts.body,
                status,
                processed_where: parts.processed_where,
                submit: parts.submit,
                expected,
                reason: parts.reason,
                processed_blocks: form.processed_blocks.as_deref().map(split_places),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> AnswerForm {
        AnswerForm {
            comment: "7".into(),
            body: "Dank u, overgenomen.".into(),
            status: "verwerkt".into(),
            processed_where: " 5.a, alinea 2 ".into(),
            state: "ter_beoordeling".into(),
            revision: "3".into(),
            reason: String::new(),
            processed_blocks: Some(" 2.a, alinea 1 ;; h3-b-2 ".into()),
        }
    }

    #[test]
    fn the_places_typed_in_processed_in_are_read_one_by_one() {
        let answer = ValidAnswer::try_from(&form()).unwrap();
        assert_eq!(answer.processed_blocks, Some(vec!["2.a, alinea 1".to_string(), "h3-b-2".to_string()]));
        let kept = ValidAnswer::try_from(&AnswerForm { processed_blocks: None, ..form() }).unwrap();
        assert_eq!(kept.processed_blocks, None);
    }

    #[test]
    fn a_complete_answer_is_valid() {
        let answer = ValidAnswer::try_from(&form()).unwrap();
        assert_eq!(answer.comment_id, 7);
        assert_eq!(answer.status, ProcessingStatus::Processed);
        assert!(answer.submit);
        assert_eq!(answer.expected, Some(3));
        assert_eq!(answer.reason, None);
        assert_eq!(answer.processed_where.as_deref(), Some("5.a, alinea 2"));
    }

    #[test]
    fn missing_text_or_status_is_refused_per_field() {
        let mut f = form();
        f.body = " ".into();
        f.status = "misschien".into();
        let errors = ValidAnswer::try_from(&f).unwrap_err();
        assert_eq!(errors.get("body"), [FieldError::Required]);
        assert_eq!(errors.get("status"), [FieldError::InvalidStatus]);
        f.status = String::new();
        assert_eq!(ValidAnswer::try_from(&f).unwrap_err().get("status"), [FieldError::Required]);
    }

    #[test]
    fn an_answer_is_a_draft_unless_offered_for_review() {
        let mut f = form();
        f.state = String::new();
        f.revision = String::new();
        let answer = ValidAnswer::try_from(&f).unwrap();
        assert!(!answer.submit);
        assert_eq!(answer.expected, None);
        f.state = "goedgekeurd".into();
        assert!(!ValidAnswer::try_from(&f).unwrap().submit, "an officer cannot approve through the answer form");
    }
}
