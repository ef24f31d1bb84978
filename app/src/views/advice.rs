use crate::domain::advice::{AdviceStage, Letter};
use crate::domain::council::CouncilKind;
use crate::domain::label::BlockLabel;
use crate::domain::phase::Phase;
use crate::domain::status::{AnswerState, ProcessingStatus};
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
    pub label: BlockLabel,
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
    pub written: bool,
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
    /// The blocks found by the point form's search, when one was asked for.
    pub found_blocks: Option<FoundBlocks>,
    /// Staff only: the letter the council sent its advice in.
    pub council_letter: Option<CouncilLetterView>,
    pub letter_ready: bool,
}

/// The letter (PDF) a council sent its advice in, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilLetterView {
    pub file_name: String,
    pub size_kb: usize,
    pub uploaded_at: String,
    pub uploaded_by: String,
    /// The council agreed to publish it with the college's response.
    pub publish: bool,
    pub url: String,
}

/// The result of a search for blocks (by label or text) in the point form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundBlocks {
    pub query: String,
    /// Best first, at most `block_search::MAX_FOUND`.
    pub anchors: Vec<String>,
    /// How many blocks matched in all.
    pub total: usize,
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
    /// The council's own letter, for whoever may read it here: the address and its size in kB.
    pub council_letter: Option<(String, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterSummary {
    pub council: CouncilInfo,
    pub received_on: Option<time::Date>,
    pub oral: bool,
    pub written: bool,
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
