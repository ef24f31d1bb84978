use crate::domain::document::LeftOut;
use crate::domain::label::BlockLabel;
use crate::domain::versions::{BlockChange, TextChange};
use serde::{Deserialize, Serialize};
use time::Date;

/// One version of a consultation's document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionItem {
    pub no: i64,
    /// None for a first version read in with the consultation.
    pub name: Option<String>,
    pub note: Option<String>,
    pub imported_on: Date,
}

/// The officer's card on the dashboard: the versions, and how many mappings wait for a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionsPanelView {
    pub slug: String,
    pub versions: Vec<VersionItem>,
    pub to_review: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionImported {
    pub slug: String,
    pub version_no: i64,
    pub sections: usize,
    pub blocks: usize,
    pub to_review: usize,
    pub left_out: Vec<LeftOut>,
}

/// A block of the new version that an old block was mapped to, with the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedPlace {
    pub anchor: String,
    pub label: BlockLabel,
    pub change: TextChange,
}

/// One entry of "Na te kijken": an old block with reactions or points whose place is unsure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub block_id: i64,
    pub label: BlockLabel,
    pub text: String,
    pub reactions: i64,
    pub points: i64,
    pub change: BlockChange,
    /// In percent.
    pub confidence: u8,
    /// Empty: the engine found no place in the new version.
    pub proposed: Vec<ProposedPlace>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub slug: String,
    pub title: String,
    pub version: VersionItem,
    pub previous: Option<VersionItem>,
    pub items: Vec<ReviewItem>,
    pub choices: Vec<super::BlockChoice>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingReviewForm {
    pub consultation: String,
    /// The old block.
    pub block: i64,
    /// "bevestigen", "corrigeren" or "vervallen".
    pub decision: String,
    /// For a correction: the new block's label or anchor.
    #[serde(default)]
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingReviewed {
    pub slug: String,
}

/// A block of the new version that changed, with its diff and the input that led to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedBlock {
    /// Empty for a removed block.
    pub anchor: String,
    /// None for a removed block.
    pub label: Option<BlockLabel>,
    /// The labels of the previous version's block(s) it came from.
    pub was: Vec<BlockLabel>,
    /// None: a new block.
    pub change: Option<BlockChange>,
    pub diff: TextChange,
    /// Reactions and advice points whose answer says they were processed here.
    pub reactions: i64,
    pub points: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedSection {
    pub anchor: String,
    pub heading: String,
    pub level: u8,
    pub blocks: Vec<ChangedBlock>,
    /// Blocks of this section that did not change.
    pub unchanged: usize,
}

/// "Wat is er veranderd" between version `to.no - 1` and `to.no`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesView {
    pub slug: String,
    pub title: String,
    pub from: VersionItem,
    pub to: VersionItem,
    pub versions: Vec<VersionItem>,
    pub sections: Vec<ChangedSection>,
    pub removed: Vec<ChangedBlock>,
}
