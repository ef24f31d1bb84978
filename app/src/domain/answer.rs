//! An officer's answer to a comment, parsed once from the form.

use super::error::{FieldError, FieldErrors};
use super::status::{AnswerState, ProcessingStatus};
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
    #[serde(default)]
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAnswer {
    pub comment_id: i64,
    pub body: String,
    pub status: ProcessingStatus,
    pub processed_where: Option<String>,
    pub state: AnswerState,
}

impl TryFrom<&AnswerForm> for ValidAnswer {
    type Error = FieldErrors;

    fn try_from(form: &AnswerForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let comment_id = form.comment.trim().parse::<i64>().ok();
        if comment_id.is_none() {
            errors.add("comment", FieldError::Required);
        }
        let body = super::comment::normalise_text(&form.body);
        if body.is_empty() {
            errors.add("body", FieldError::Required);
        } else if body.chars().count() > MAX_ANSWER_CHARS {
            errors.add("body", FieldError::TooLong { max: MAX_ANSWER_CHARS });
        }
        let status = ProcessingStatus::parse(form.status.trim());
        if status.is_none() {
            errors.add("status", if form.status.trim().is_empty() { FieldError::Required } else { FieldError::InvalidStatus });
        }
        let processed_where = form.processed_where.trim();
        if processed_where.chars().count() > MAX_WHERE_CHARS {
            errors.add("processed_where", FieldError::TooLong { max: MAX_WHERE_CHARS });
        }
        let state = AnswerState::parse(form.state.trim()).unwrap_or(AnswerState::Draft);
        match (comment_id, status) {
            (Some(comment_id), Some(status)) if errors.is_empty() => Ok(ValidAnswer {
                comment_id,
                body,
                status,
                processed_where: (!processed_where.is_empty()).then(|| processed_where.to_string()),
                state,
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
            state: "definitief".into(),
        }
    }

    #[test]
    fn a_complete_answer_is_valid() {
        let answer = ValidAnswer::try_from(&form()).unwrap();
        assert_eq!(answer.comment_id, 7);
        assert_eq!(answer.status, ProcessingStatus::Processed);
        assert_eq!(answer.state, AnswerState::Final);
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
    fn an_answer_is_a_draft_unless_said_final() {
        let mut f = form();
        f.state = String::new();
        assert_eq!(ValidAnswer::try_from(&f).unwrap().state, AnswerState::Draft);
    }
}
