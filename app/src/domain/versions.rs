//! Versions of a consultation's document and how their blocks follow each other: what happened to
//! a block (unchanged, changed, moved, split, merged, removed), how sure the matching was, whether a
//! person reviewed it, and the word-level change of a passage for display. Comments and advice
//! points keep the block they were written on; these rules say where that block is now.

use super::error::{FieldError, FieldErrors};
use super::label::BlockLabel;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Mappings below this confidence go to the officer's "to review" list. The same value as the
/// matching engine's (checked in the backend's tests), where the benchmark calibrated it.
pub const CONFIDENT: f64 = 0.8;

/// What happened to a block of the previous version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockChange {
    Unchanged,
    Changed,
    Moved,
    Split,
    Merged,
    Removed,
}

impl BlockChange {
    pub const ALL: [BlockChange; 6] =
        [BlockChange::Unchanged, BlockChange::Changed, BlockChange::Moved, BlockChange::Split, BlockChange::Merged, BlockChange::Removed];

    pub fn code(self) -> &'static str {
        match self {
            BlockChange::Unchanged => "unchanged",
            BlockChange::Changed => "changed",
            BlockChange::Moved => "moved",
            BlockChange::Split => "split",
            BlockChange::Merged => "merged",
            BlockChange::Removed => "removed",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A person's decision on a mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Review {
    /// The proposed place is right.
    Confirmed,
    /// The officer chose another place (or none).
    Corrected,
}

/// Where one block of the previous version went in the next version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockLink {
    pub from: i64,
    /// The blocks of the next version; empty when the passage is no longer in the text.
    pub to: Vec<i64>,
    pub change: BlockChange,
    pub confidence: f64,
    pub review: Option<Review>,
}

impl BlockLink {
    /// Whether the officer must look at it: not reviewed, and removed or not confident.
    pub fn needs_review(&self) -> bool {
        self.review.is_none() && (self.to.is_empty() || self.confidence < CONFIDENT)
    }

    /// Applies a person's decision: the targets they chose, sure from now on.
    pub fn reviewed(mut self, to: Vec<i64>, review: Review) -> Self {
        if to.is_empty() {
            self.change = BlockChange::Removed;
        } else if review == Review::Corrected && self.to != to {
            self.change = if to.len() > 1 { BlockChange::Split } else { BlockChange::Moved };
        }
        self.to = to;
        self.review = Some(review);
        self.confidence = 1.0;
        self
    }
}

/// The links from one version to the next, by old block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VersionStep {
    pub links: HashMap<i64, BlockLink>,
}

impl VersionStep {
    pub fn new(links: impl IntoIterator<Item = BlockLink>) -> Self {
        Self { links: links.into_iter().map(|l| (l.from, l)).collect() }
    }
}

/// Where a block of an earlier version is in the last version of `steps` (the steps in version
/// order, starting at the block's own version), with the lowest confidence met on the way. A
/// block that is not in a step (a block of a later version) stays where it is.
pub fn follow(block: i64, steps: &[VersionStep]) -> (Vec<i64>, f64) {
    let mut here = vec![block];
    let mut confidence: f64 = 1.0;
    for step in steps {
        let mut next = Vec::new();
        for b in &here {
            match step.links.get(b) {
                Some(link) => {
                    confidence = confidence.min(link.confidence);
                    for t in &link.to {
                        if !next.contains(t) {
                            next.push(*t);
                        }
                    }
                }
                None => next.push(*b),
            }
        }
        here = next;
    }
    (here, confidence)
}

/// A run of words in a before/after view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpanKind {
    Same,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub kind: SpanKind,
    pub text: String,
}

/// A passage before and after, word by word: joining `Same` and `Removed` gives the old text,
/// `Same` and `Added` the new one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextChange {
    pub spans: Vec<TextSpan>,
}

impl TextChange {
    pub fn before(&self) -> String {
        self.text_of(SpanKind::Removed)
    }

    pub fn after(&self) -> String {
        self.text_of(SpanKind::Added)
    }

    fn text_of(&self, changed: SpanKind) -> String {
        self.spans.iter().filter(|s| s.kind == SpanKind::Same || s.kind == changed).map(|s| s.text.as_str()).collect()
    }

    /// Words added and removed.
    pub fn counts(&self) -> (usize, usize) {
        let words = |kind| self.spans.iter().filter(|s| s.kind == kind).map(|s| s.text.split_whitespace().count()).sum();
        (words(SpanKind::Added), words(SpanKind::Removed))
    }

    pub fn is_unchanged(&self) -> bool {
        self.spans.iter().all(|s| s.kind == SpanKind::Same)
    }
}

/// A passage where an answer says a reaction or advice point was processed: the block of the new
/// version, and the change from the block the reaction was written on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessedIn {
    pub version_no: i64,
    pub anchor: String,
    /// The Dutch label as stored ("5.a, alinea 3").
    pub label: String,
    /// The label's structure, for words in the reader's language (`render::labels`).
    pub label_parts: BlockLabel,
    /// From the block the reaction was on to this block; only the new text when it was on the
    /// document as a whole or the passage is new.
    pub change: TextChange,
}

/// A label or heading of one of the document's versions, with the version when it is an earlier
/// one (None: the latest), so that the reader's words can say so ("2. Aanpak (versie 1)"): lists
/// that span every version, such as the workbench's filters, name the passages of each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Versioned<T> {
    pub value: T,
    pub earlier: Option<i64>,
}

/// The officer's form for a new version (the file comes beside it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionForm {
    pub name: String,
    pub note: String,
}

pub const MAX_VERSION_NAME: usize = 120;
pub const MAX_VERSION_NOTE: usize = 2_000;

/// A checked [`VersionForm`]: a name, and what changed if the officer said so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidVersion {
    pub name: String,
    pub note: Option<String>,
}

impl TryFrom<&VersionForm> for ValidVersion {
    type Error = FieldErrors;

    fn try_from(form: &VersionForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = form.name.trim();
        if name.is_empty() {
            errors.add("name", FieldError::Required);
        } else if name.chars().count() > MAX_VERSION_NAME {
            errors.add("name", FieldError::TooLong { max: MAX_VERSION_NAME });
        }
        let note = form.note.trim();
        if note.chars().count() > MAX_VERSION_NOTE {
            errors.add("note", FieldError::TooLong { max: MAX_VERSION_NOTE });
        }
        errors.into_result()?;
        Ok(ValidVersion { name: name.to_string(), note: (!note.is_empty()).then(|| note.to_string()) })
    }
}

/// What the officer decided about one entry of "Na te kijken".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingDecision {
    /// The proposed place is right.
    Confirm,
    /// Another block of the new version (its anchor or label as typed).
    Correct(String),
    /// The passage is no longer in the text.
    Gone,
}

impl MappingDecision {
    /// From the form: the button pressed and the block typed.
    pub fn parse(decision: &str, target: &str) -> Result<Self, FieldErrors> {
        match decision {
            "bevestigen" => Ok(MappingDecision::Confirm),
            "vervallen" => Ok(MappingDecision::Gone),
            "corrigeren" if target.trim().is_empty() => Err(FieldErrors::single("target", FieldError::Required)),
            "corrigeren" => Ok(MappingDecision::Correct(target.trim().to_string())),
            _ => Err(FieldErrors::single("target", FieldError::InvalidStatus)),
        }
    }
}

/// Finds a block by what an officer typed: its anchor, or one of its labels (case and spaces
/// ignored): the stored one and its words in each language ("Chapter 2, paragraph 1"), since
/// the suggestions are offered in the reader's language.
pub fn find_block<'a, B, L: AsRef<str>>(
    blocks: &'a [B],
    typed: &str,
    anchor: impl Fn(&B) -> &str,
    labels: impl Fn(&B) -> Vec<L>,
) -> Option<&'a B> {
    let wanted = normalise_label(typed);
    blocks
        .iter()
        .find(|b| anchor(b) == typed.trim())
        .or_else(|| blocks.iter().find(|b| labels(b).iter().any(|label| normalise_label(label.as_ref()) == wanted)))
}

fn normalise_label(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn a_version_needs_a_name_and_a_short_enough_note() {
        let form = VersionForm { name: "  Versie voor inspraak ".into(), note: String::new() };
        assert_eq!(ValidVersion::try_from(&form), Ok(ValidVersion { name: "Versie voor inspraak".into(), note: None }));
        let errors = ValidVersion::try_from(&VersionForm { name: " ".into(), note: "x".repeat(MAX_VERSION_NOTE + 1) }).unwrap_err();
        assert_eq!(errors.get("name"), [FieldError::Required]);
        assert_eq!(errors.get("note"), [FieldError::TooLong { max: MAX_VERSION_NOTE }]);
    }

    #[test]
    fn a_decision_and_a_typed_block_are_read_as_an_officer_means_them() {
        assert_eq!(MappingDecision::parse("bevestigen", ""), Ok(MappingDecision::Confirm));
        assert_eq!(MappingDecision::parse("vervallen", "x"), Ok(MappingDecision::Gone));
        assert_eq!(MappingDecision::parse("corrigeren", " 2.a, alinea 1 "), Ok(MappingDecision::Correct("2.a, alinea 1".into())));
        assert_eq!(MappingDecision::parse("corrigeren", " ").unwrap_err().get("target"), [FieldError::Required]);
        let blocks = [("h2-a-1", "2.a, alinea 1", "2.a, paragraph 1"), ("h2-a-2", "2.a, alinea 2", "2.a, paragraph 2")];
        let find = |typed| find_block(&blocks, typed, |b| b.0, |b| vec![b.1, b.2]).map(|b| b.0);
        assert_eq!(find("h2-a-2"), Some("h2-a-2"));
        assert_eq!(find("2.A,  Alinea 1"), Some("h2-a-1"));
        assert_eq!(find("2.a, Paragraph 2"), Some("h2-a-2"), "a label in another language");
        assert_eq!(find("3.b, alinea 1"), None);
    }

    fn link(from: i64, to: &[i64], confidence: f64) -> BlockLink {
        BlockLink { from, to: to.to_vec(), change: BlockChange::Changed, confidence, review: None }
    }

    #[test]
    fn removed_and_unsure_links_need_review_until_someone_decides() {
        assert!(!link(1, &[10], 0.95).needs_review());
        assert!(link(1, &[10], 0.5).needs_review());
        assert!(link(1, &[], 1.0).needs_review());
        let confirmed = link(1, &[10], 0.5).reviewed(vec![10], Review::Confirmed);
        assert!(!confirmed.needs_review());
        assert_eq!(confirmed.change, BlockChange::Changed);
        let corrected = link(1, &[10], 0.5).reviewed(vec![12], Review::Corrected);
        assert_eq!((corrected.to.clone(), corrected.change), (vec![12], BlockChange::Moved));
        let gone = link(1, &[10], 0.5).reviewed(vec![], Review::Corrected);
        assert_eq!(gone.change, BlockChange::Removed);
        assert!(!gone.needs_review());
    }

    #[test]
    fn a_block_is_followed_through_every_version_with_its_weakest_link() {
        let first = VersionStep::new([link(1, &[10, 11], 0.9), link(2, &[], 1.0)]);
        let second = VersionStep::new([link(10, &[20], 0.85), link(11, &[20], 0.95)]);
        assert_eq!(follow(1, &[first.clone(), second.clone()]), (vec![20], 0.85));
        assert_eq!(follow(2, &[first.clone(), second.clone()]), (vec![], 1.0));
        // A block of the second version only takes the second step.
        assert_eq!(follow(10, &[second]), (vec![20], 0.85));
        // No steps: the block itself.
        assert_eq!(follow(7, &[]), (vec![7], 1.0));
    }

    /// "Respijtzorg binnen vier weken*" becoming "… twee weken*".
    pub(crate) fn respite_change() -> TextChange {
        TextChange {
            spans: vec![
                TextSpan { kind: SpanKind::Same, text: "Respijtzorg binnen ".into() },
                TextSpan { kind: SpanKind::Removed, text: "vier".into() },
                TextSpan { kind: SpanKind::Added, text: "twee".into() },
                TextSpan { kind: SpanKind::Same, text: " weken*".into() },
            ],
        }
    }

    #[test]
    fn a_change_gives_back_both_texts_and_counts_its_words() {
        let change = respite_change();
        assert_eq!(change.before(), "Respijtzorg binnen vier weken*");
        assert_eq!(change.after(), "Respijtzorg binnen twee weken*");
        assert_eq!(change.counts(), (1, 1));
        assert!(!change.is_unchanged());
        for code in BlockChange::ALL.map(BlockChange::code) {
            assert_eq!(BlockChange::parse(code).map(BlockChange::code), Some(code));
        }
    }
}
