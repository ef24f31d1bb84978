use crate::domain::consultation::{CommentPeriod, PeriodPhase};
use crate::domain::document::BlockKind;
use crate::domain::phase::{Phase, TimelineEntry};
use crate::domain::report::Report;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationItem {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub period: CommentPeriod,
    pub phase: PeriodPhase,
    pub stage: Phase,
    pub comment_count: i64,
    pub unanswered_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockView {
    pub anchor: String,
    /// Put in the reader's words by `render::labels`.
    pub label: crate::domain::label::BlockLabel,
    pub kind: BlockKind,
    /// Sanitised when imported.
    pub html: String,
    pub comment_count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub anchor: String,
    pub level: u8,
    pub heading: String,
    pub blocks: Vec<BlockView>,
}

/// The public page of a consultation: the document and where people commented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationView {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub period: CommentPeriod,
    pub phase: PeriodPhase,
    /// Blocks before the first heading come first, in a section with an empty heading.
    pub sections: Vec<SectionView>,
    pub general_comment_count: i64,
    pub stage: Phase,
    pub timeline: Vec<TimelineEntry>,
    /// For a member of a council asked for advice, during the advice round: their editor's URL.
    pub advice_editor: Option<String>,
    pub has_letters: bool,
    /// Every version of the document, oldest first, and the one shown.
    pub versions: Vec<super::VersionItem>,
    pub shown_version: i64,
}

impl ConsultationView {
    /// Whether an earlier version is shown (read-only).
    pub fn is_earlier_version(&self) -> bool {
        self.versions.last().is_some_and(|v| v.no != self.shown_version)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub slug: String,
    pub title: String,
    pub period: CommentPeriod,
    pub report: Report,
    /// The reader is staff: the download options include hidden reactions.
    #[serde(default)]
    pub staff: bool,
    /// The municipality or region, for the printed version's running header.
    #[serde(default)]
    pub organisation: String,
    /// For a large report: the parts it is shown in, and which one this is.
    #[serde(default)]
    pub parts: Option<crate::domain::report::ReportParts>,
}

/// The public overview of what was done with the reactions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeView {
    pub slug: String,
    pub title: String,
    pub timeline: Vec<TimelineEntry>,
    pub outcome: crate::domain::outcome::Outcome,
}
