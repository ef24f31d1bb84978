//! Plain data types of the matching engine.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// Mappings with a confidence below this value go to the review list
/// ("to review"); at or above it they are applied without a person looking.
///
/// Calibrated on the ground-truth benchmark (`examples/ground_truth.rs`): no
/// wrong mapping reached this value at the light, medium or heavy edit rate.
pub const CONFIDENT: f64 = 0.8;

/// What kind of block a piece of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum BlockKind {
    /// A heading, with its level (1 for the document title).
    Heading(u8),
    /// An ordinary paragraph.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// One row of a table (cells joined with `|`).
    TableRow,
    /// A quoted passage.
    Quote,
    /// The text of a footnote.
    Footnote,
    /// Preformatted text.
    Code,
}

/// One commentable unit of a document version.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Block {
    /// The text as shown to readers.
    pub text: String,
    /// Heading path the block sits under, outermost first.
    pub section: Vec<String>,
    /// What kind of block this is.
    pub kind: BlockKind,
}

impl Block {
    /// A block of the given kind without a section path.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Self { text: text.into(), section: Vec::new(), kind }
    }

    /// A paragraph without a section path.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Self::new(BlockKind::Paragraph, text)
    }
}

/// What happened to an old block (or where a new block came from).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum Change {
    /// Same text, same relative place.
    Unchanged,
    /// Reworded, same relative place.
    Changed,
    /// Found at another place in the document (text may also differ; see
    /// [`BlockMatch::text_changed`]).
    Moved,
    /// Divided over several consecutive new blocks.
    Split,
    /// Several consecutive old blocks joined into one new block.
    Merged,
    /// A new block without a predecessor.
    New,
    /// An old block without a successor.
    Removed,
}

/// The measurements a confidence was computed from, kept to explain a
/// mapping to the person reviewing it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Evidence {
    /// Word-level similarity of the old and new text (1 = same words).
    pub quote: f64,
    /// Character-level similarity of the text just before and after (0..=1).
    pub context: f64,
    /// Whether the pair keeps the relative order of the other matches.
    pub in_order: bool,
    /// How many of the two nearest matched neighbours (before, after) were
    /// matched to the neighbours of the new block as well (0..=2).
    pub neighbours: u8,
    /// How many of the directly adjacent blocks (before, after) are matched
    /// to the directly adjacent new blocks, a document edge counting as a
    /// match with the same edge (0..=2).
    pub adjacent: u8,
    /// Ranking score distance to the best competing candidate (1 = none).
    pub margin: f64,
    /// Number of words of the shorter side.
    pub words: usize,
}

/// One entry of a [`VersionMapping`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct BlockMatch {
    /// Indices of old blocks (empty for [`Change::New`]).
    pub old: Vec<usize>,
    /// Indices of new blocks (empty for [`Change::Removed`]).
    pub new: Vec<usize>,
    /// What happened.
    pub change: Change,
    /// How sure the engine is, 0..=1; compare with [`CONFIDENT`].
    pub confidence: f64,
    /// Whether the text differs (ignoring whitespace).
    pub text_changed: bool,
    /// What the confidence was computed from.
    pub evidence: Evidence,
}

impl BlockMatch {
    /// Whether this mapping can be applied without review.
    pub fn is_confident(&self) -> bool {
        !self.old.is_empty() && !self.new.is_empty() && self.confidence >= CONFIDENT
    }
}

/// The full mapping from one document version to the next.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct VersionMapping {
    /// Every old block occurs in exactly one match, every new block too.
    pub matches: Vec<BlockMatch>,
    by_old: Vec<usize>,
    by_new: Vec<usize>,
}

impl VersionMapping {
    /// Builds the lookup tables for `matches` over documents of the given
    /// sizes.
    pub fn new(matches: Vec<BlockMatch>, old_len: usize, new_len: usize) -> Self {
        let mut by_old = vec![usize::MAX; old_len];
        let mut by_new = vec![usize::MAX; new_len];
        for (index, m) in matches.iter().enumerate() {
            for &o in &m.old {
                by_old[o] = index;
            }
            for &n in &m.new {
                by_new[n] = index;
            }
        }
        Self { matches, by_old, by_new }
    }

    /// The match an old block belongs to.
    pub fn match_of_old(&self, old_index: usize) -> Option<&BlockMatch> {
        self.by_old.get(old_index).and_then(|&i| self.matches.get(i))
    }

    /// The match a new block belongs to.
    pub fn match_of_new(&self, new_index: usize) -> Option<&BlockMatch> {
        self.by_new.get(new_index).and_then(|&i| self.matches.get(i))
    }

    /// Where a comment on old block `old_index` goes: the new block(s) with
    /// the confidence of the mapping. Empty when the block was removed.
    pub fn targets_of(&self, old_index: usize) -> Vec<(usize, f64)> {
        self.match_of_old(old_index).map(|m| m.new.iter().map(|&n| (n, m.confidence)).collect()).unwrap_or_default()
    }

    /// Whether a comment on old block `old_index` can move without review.
    pub fn is_confident(&self, old_index: usize) -> bool {
        self.match_of_old(old_index).is_some_and(BlockMatch::is_confident)
    }

    /// Old blocks whose comments need a person: removed blocks and mappings
    /// below [`CONFIDENT`].
    pub fn review_list(&self) -> Vec<usize> {
        (0..self.by_old.len()).filter(|&i| !self.is_confident(i)).collect()
    }
}
