use super::*;
use crate::domain::phase::{Phase, TimelineEntry};
use serde::{Deserialize, Serialize};

/// The officers' panel on a consultation's process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessView {
    pub slug: String,
    pub phase: Phase,
    pub next: Vec<Phase>,
    /// The server's date, the default for a phase change.
    pub today: time::Date,
    pub timeline: Vec<TimelineEntry>,
    /// The councils asked, with where each advice stands.
    pub advices: Vec<LetterSummary>,
    /// Councils not asked yet.
    pub other_councils: Vec<CouncilInfo>,
}
