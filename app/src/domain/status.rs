//! How a comment was processed (*verwerking*), and whether an answer is final.

use serde::{Deserialize, Serialize};

/// The processing status an officer records with an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProcessingStatus {
    /// *verwerkt*: the text was changed.
    Processed,
    /// *deels verwerkt*
    PartlyProcessed,
    /// *niet verwerkt*: not taken over, with the reason.
    NotProcessed,
    /// *meegenomen in uitvoeringsplan*
    ImplementationPlan,
    /// *kennisgenomen*: noted, no change needed.
    Noted,
    /// *buiten reikwijdte*
    OutOfScope,
}

impl ProcessingStatus {
    pub const ALL: [ProcessingStatus; 6] = [
        ProcessingStatus::Processed,
        ProcessingStatus::PartlyProcessed,
        ProcessingStatus::NotProcessed,
        ProcessingStatus::ImplementationPlan,
        ProcessingStatus::Noted,
        ProcessingStatus::OutOfScope,
    ];

    /// The stable code stored in the database and used in forms and URLs.
    pub fn code(self) -> &'static str {
        match self {
            ProcessingStatus::Processed => "verwerkt",
            ProcessingStatus::PartlyProcessed => "deels_verwerkt",
            ProcessingStatus::NotProcessed => "niet_verwerkt",
            ProcessingStatus::ImplementationPlan => "uitvoeringsplan",
            ProcessingStatus::Noted => "kennisgenomen",
            ProcessingStatus::OutOfScope => "buiten_reikwijdte",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the status says the text changed, so the officer should say where.
    pub fn changes_text(self) -> bool {
        matches!(self, ProcessingStatus::Processed | ProcessingStatus::PartlyProcessed)
    }
}

/// Whether an answer revision is still a draft or final (published to the resident).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerState {
    Draft,
    Final,
}

impl AnswerState {
    pub fn code(self) -> &'static str {
        match self {
            AnswerState::Draft => "concept",
            AnswerState::Final => "definitief",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "concept" => Some(AnswerState::Draft),
            "definitief" => Some(AnswerState::Final),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips_through_its_code() {
        for status in ProcessingStatus::ALL {
            assert_eq!(ProcessingStatus::parse(status.code()), Some(status));
        }
        assert_eq!(ProcessingStatus::parse("onzin"), None);
    }

    #[test]
    fn only_processed_statuses_change_the_text() {
        let changing: Vec<_> = ProcessingStatus::ALL.into_iter().filter(|s| s.changes_text()).collect();
        assert_eq!(changing, [ProcessingStatus::Processed, ProcessingStatus::PartlyProcessed]);
    }

    #[test]
    fn answer_states_round_trip() {
        assert_eq!(AnswerState::parse("concept"), Some(AnswerState::Draft));
        assert_eq!(AnswerState::parse(AnswerState::Final.code()), Some(AnswerState::Final));
        assert_eq!(AnswerState::parse("final"), None);
    }
}
