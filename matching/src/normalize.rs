//! Text normalisation and per-document preparation.

use crate::model::Block;

/// Number of characters of context taken before and after a block, as the
/// Hypothesis client does for its text-quote selector (it uses 32).
pub(crate) const CONTEXT_CHARS: usize = 40;

/// A block prepared for comparison.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// Lower-cased words (letters and digits only), space separated.
    pub norm: String,
    /// Hash of every word, in order.
    pub words: Vec<u64>,
    /// Distinct word hashes, sorted.
    pub distinct: Vec<u64>,
    /// Hash of `norm`, the exact-match key.
    pub key: u64,
    /// The original text with whitespace collapsed.
    pub collapsed: String,
}

/// All blocks of one version, prepared, with their context.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub blocks: Vec<Prepared>,
    /// Normalised characters just before each block.
    pub prefix: Vec<Vec<char>>,
    /// Normalised characters just after each block.
    pub suffix: Vec<Vec<char>>,
}

impl Doc {
    pub fn new(blocks: &[Block]) -> Self {
        let prepared: Vec<Prepared> = blocks.iter().map(|b| prepare(&b.text)).collect();
        let prefix = (0..prepared.len()).map(|i| prefix_of(&prepared, i)).collect();
        let suffix = (0..prepared.len()).map(|i| suffix_of(&prepared, i)).collect();
        Self { blocks: prepared, prefix, suffix }
    }

    pub fn len(&self) -> usize {
        self.blocks.len()
    }
}

/// Lower-cases, keeps letters and digits, and collapses everything else to
/// single spaces.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The text with all runs of whitespace replaced by one space.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 64-bit FNV-1a; stable across runs and platforms.
pub(crate) fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn prepare(text: &str) -> Prepared {
    let norm = normalize(text);
    let words: Vec<u64> = norm.split(' ').filter(|w| !w.is_empty()).map(hash).collect();
    let mut distinct = words.clone();
    distinct.sort_unstable();
    distinct.dedup();
    Prepared { key: hash(&norm), norm, words, distinct, collapsed: collapse_whitespace(text) }
}

/// The last `CONTEXT_CHARS` characters of the text before block `i`.
fn prefix_of(blocks: &[Prepared], i: usize) -> Vec<char> {
    let mut reversed: Vec<char> = Vec::with_capacity(CONTEXT_CHARS);
    for block in blocks[..i].iter().rev() {
        for c in block.norm.chars().rev().chain(std::iter::once(' ')) {
            if reversed.len() == CONTEXT_CHARS {
                break;
            }
            reversed.push(c);
        }
    }
    reversed.reverse();
    reversed
}

/// The first `CONTEXT_CHARS` characters of the text after block `i`.
fn suffix_of(blocks: &[Prepared], i: usize) -> Vec<char> {
    blocks[i + 1..].iter().flat_map(|b| std::iter::once(' ').chain(b.norm.chars())).take(CONTEXT_CHARS).collect()
}

/// Share of distinct words the two blocks have in common (Jaccard index).
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let shared = shared_count(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 { 1.0 } else { shared as f64 / union as f64 }
}

/// Number of common items of two sorted, deduplicated slices.
pub(crate) fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_punctuation_and_space() {
        assert_eq!(normalize("  Geweld, hoort\tnergens THUIS! "), "geweld hoort nergens thuis");
        assert_eq!(normalize("één-op-één"), "één op één");
    }

    #[test]
    fn context_crosses_short_blocks() {
        let blocks: Vec<Prepared> = ["aa", "bb", "cc"].iter().map(|t| prepare(t)).collect();
        assert_eq!(prefix_of(&blocks, 2).iter().collect::<String>(), " aa bb");
        assert_eq!(suffix_of(&blocks, 0).iter().collect::<String>(), " bb cc");
        assert!(prefix_of(&blocks, 0).is_empty());
    }
}
