//! From evidence to a confidence between 0 and 1.
//!
//! Two independent kinds of evidence are combined as a noisy OR:
//! - text: how unlikely the word similarity is between unrelated blocks.
//!   Short blocks share words by chance, so they need a higher similarity
//!   and their text alone can never make a mapping confident;
//! - structure: the context (text before/after) matches, the pair keeps the
//!   document order, and its nearest matched neighbours were matched to each
//!   other. Structure only counts when the texts agree at least somewhat.
//!
//! The result is lowered when a competing candidate scores nearly as well
//! (uniqueness) and when the block kind changed. The constants were set on
//! the ground-truth benchmark so that no wrong mapping reaches
//! [`crate::CONFIDENT`].

use crate::model::Evidence;

/// Factor applied when the block kind changed (e.g. paragraph to list item).
const OTHER_KIND: f64 = 0.85;
/// Most that structure alone can contribute.
const STRUCTURE_WEIGHT: f64 = 0.85;
/// Text evidence of a short unique exact text next to a matched neighbour.
const UNIQUE_ADJACENT: f64 = 0.9;
/// Exact unique texts of at least this many words are certain.
const CERTAIN_WORDS: usize = 8;

/// Confidence of a grouping with the given evidence.
pub(crate) fn confidence(ev: &Evidence, unique_exact: bool, same_kind: bool) -> f64 {
    if unique_exact && ev.words >= CERTAIN_WORDS && same_kind {
        return 1.0;
    }
    let mut text = text_evidence(ev.quote, ev.words);
    if unique_exact && ev.adjacent >= 1 {
        // A text found exactly once in each version, right next to a block
        // that was matched to its neighbour (e.g. the heading of a moved
        // section), is its successor even when short.
        text = text.max(UNIQUE_ADJACENT);
    }
    let structure = structure(ev).powi(2) * ramp(ev.quote, 0.35, 0.5);
    let combined = 1.0 - (1.0 - text) * (1.0 - STRUCTURE_WEIGHT * structure);
    let uniqueness = 0.5 + 0.5 * ramp(ev.margin, 0.0, 0.1);
    let kind = if same_kind { 1.0 } else { OTHER_KIND };
    (combined * uniqueness * kind).clamp(0.0, 1.0)
}

/// Structural support, 0..=1: context, nearest matched neighbours, directly
/// adjacent neighbours, and order. Moved blocks lack the order signal.
fn structure(ev: &Evidence) -> f64 {
    let local = 0.25 * ev.context + 0.25 * f64::from(ev.neighbours) + 0.125 * f64::from(ev.adjacent);
    if ev.in_order { (local + 0.25).min(1.0) } else { 0.9 * local }
}

/// Evidence from word similarity alone, by block length.
fn text_evidence(quote: f64, words: usize) -> f64 {
    let (lo, hi, cap) = match words {
        0..=3 => (0.6, 1.0, 0.6),
        4..=6 => (0.45, 0.8, 0.75),
        7..=12 => (0.35, 0.65, 0.9),
        _ => (0.3, 0.55, 1.0),
    };
    cap * ramp(quote, lo, hi)
}

/// Linear ramp from 0 at `lo` to 1 at `hi`.
fn ramp(x: f64, lo: f64, hi: f64) -> f64 {
    if hi <= lo {
        return if x >= hi { 1.0 } else { 0.0 };
    }
    ((x - lo) / (hi - lo)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(quote: f64, words: usize, context: f64, in_order: bool, neighbours: u8) -> Evidence {
        Evidence { quote, context, in_order, neighbours, adjacent: neighbours, margin: 1.0, words }
    }

    #[test]
    fn short_text_alone_is_not_enough() {
        assert!(confidence(&ev(1.0, 3, 0.0, false, 0), true, true) < crate::CONFIDENT);
    }

    #[test]
    fn short_text_in_place_is_enough() {
        assert!(confidence(&ev(0.5, 2, 1.0, true, 2), false, true) >= crate::CONFIDENT);
    }

    #[test]
    fn long_similar_text_is_enough_anywhere() {
        assert!(confidence(&ev(0.6, 40, 0.0, false, 0), false, true) >= crate::CONFIDENT);
    }
}
