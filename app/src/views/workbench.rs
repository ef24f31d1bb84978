use crate::domain::comment::SenderKind;
use crate::domain::grouping::GroupKind;
use crate::domain::label::BlockLabel;
use crate::domain::review::{AdoptionCheck, ReviewState};
use crate::domain::status::ProcessingStatus;
use crate::domain::versions::Versioned;
use crate::domain::workbench::{Bar, ReactionFilter, SectionHeat, StatusFilter, Timing};
use serde::{Deserialize, Serialize};

/// One saved version of an answer, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub revision_no: i64,
    pub body_markdown: String,
    pub status: Option<ProcessingStatus>,
    pub processed_where: Option<String>,
    pub state: ReviewState,
    pub author: String,
    pub saved_at: String,
    /// The reviewer's remark when sending back.
    pub remark: Option<String>,
    /// Why it changed after the college adopted the set.
    pub change_reason: Option<String>,
    /// Saved as one answer for several reactions.
    pub joint: bool,
    /// The labels of the newer version's blocks where it says the reaction was processed.
    #[serde(default)]
    pub processed_blocks: Vec<BlockLabel>,
}

/// A reaction as an officer works on it. `private_*` are personal data, shown to staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerCommentView {
    pub id: i64,
    pub body: String,
    pub sender_kind: SenderKind,
    /// Organisation or council name, public.
    pub organisation: Option<String>,
    pub private_name: Option<String>,
    pub private_email: Option<String>,
    pub late: bool,
    pub received_on: time::Date,
    /// The block it is about ("5.a, alinea 2", in an earlier version or the latest); none for the
    /// whole document.
    pub place: Option<Versioned<BlockLabel>>,
    /// Hidden from public view, with the reason.
    pub hidden_reason: Option<String>,
    /// Newest first; the first is the current answer.
    pub revisions: Vec<RevisionView>,
    /// The signed-in user may approve the current revision (a reviewer, not its author).
    pub may_approve: bool,
    /// The number of the document's latest version, when there are several: the answer can name
    /// its blocks as where the reaction was processed.
    #[serde(default)]
    pub latest_version: Option<i64>,
}

impl OfficerCommentView {
    pub fn current(&self) -> Option<&RevisionView> {
        self.revisions.first()
    }
}

/// A section for the filter, with the reactions in it and its subsections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionOption {
    pub anchor: String,
    pub heading: Versioned<String>,
    pub level: u8,
    pub count: usize,
}

/// How many reactions each filter value would show, the other filters holding.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub status: Vec<(StatusFilter, usize)>,
    pub state: Vec<(ReviewState, usize)>,
    pub sender: Vec<(SenderKind, usize)>,
    pub timing: Vec<(Timing, usize)>,
    pub sections: Vec<SectionOption>,
    pub general: usize,
    pub hidden: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactionListView {
    pub slug: String,
    pub title: String,
    pub filter: ReactionFilter,
    /// Label of the block filtered on, if any.
    pub block_label: Option<Versioned<BlockLabel>>,
    pub total: usize,
    pub pages: usize,
    pub items: Vec<OfficerCommentView>,
    pub facets: Facets,
    /// The college adopted the answers: a change needs a reason.
    pub adopted: bool,
    pub can_review: bool,
    /// The latest version's blocks, suggested in "verwerkt in" (when there are several versions).
    #[serde(default)]
    pub latest_blocks: Vec<super::BlockChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptionView {
    pub adopted_on: time::Date,
    pub answers: usize,
    pub recorded_by: String,
}

/// Progress at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub slug: String,
    pub title: String,
    pub total: usize,
    /// No answer at all yet.
    pub unanswered: usize,
    /// Per review state; reactions without an answer are `unanswered`.
    pub by_state: Vec<(ReviewState, usize)>,
    pub bars: Vec<Bar>,
    pub heat: Vec<SectionHeat>,
    pub general: usize,
    pub hidden: usize,
    pub late: usize,
    pub adoptions: Vec<AdoptionView>,
    pub adoption: AdoptionCheck,
    pub can_read_audit: bool,
    /// Only admins record the college's adoption.
    #[serde(default)]
    pub can_adopt: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointView {
    pub slug: String,
    pub title: String,
    pub items: Vec<OfficerCommentView>,
    pub adopted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupItem {
    pub id: i64,
    pub place: Option<Versioned<BlockLabel>>,
    pub excerpt: String,
    pub state: Option<ReviewState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    pub kind: GroupKind,
    /// Mean similarity, 0–100.
    pub similarity: u8,
    pub items: Vec<GroupItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupsView {
    pub slug: String,
    pub title: String,
    pub reactions: usize,
    pub groups: Vec<GroupView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub at: String,
    pub actor: String,
    pub reaction: Option<i64>,
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditView {
    pub slug: String,
    pub title: String,
    pub entries: Vec<AuditEntryView>,
    pub page: usize,
    pub pages: usize,
    pub total: usize,
}

/// What a review step or save left: the reaction's revisions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAnswer {
    pub revisions: Vec<RevisionView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JointSaved {
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisibilityChanged {
    pub hidden: bool,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adopted {
    pub answers: usize,
}
