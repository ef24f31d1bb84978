//! Candidate pairs for fuzzy matching: pruning on shared words, then scoring
//! the quote and its context with a bounded edit distance.

use std::collections::HashMap;

use super::state::{Group, State};
use crate::distance::similarity;
use crate::normalize::{Doc, jaccard};

/// How many candidates per old block survive the word-overlap pruning.
const TOP_K: usize = 8;
/// Minimum word overlap (Jaccard) for a candidate to be scored at all.
const MIN_OVERLAP: f64 = 0.12;

/// Weights of the combined ranking score, after the Hypothesis client's
/// fuzzy anchoring (quote 50, prefix 20, suffix 20, position 2).
const QUOTE_WEIGHT: f64 = 50.0;
const PREFIX_WEIGHT: f64 = 20.0;
const SUFFIX_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;

/// A scored old/new pair.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub old: usize,
    pub new: usize,
    pub quote: f64,
    pub rank: f64,
}

/// Similarity of the text before and after an old/new pair of runs.
pub(crate) fn context(od: &Doc, nd: &Doc, old: &[usize], new: &[usize]) -> (f64, f64) {
    let (Some(&o0), Some(&o1), Some(&n0), Some(&n1)) = (old.first(), old.last(), new.first(), new.last()) else {
        return (0.0, 0.0);
    };
    let prefix = similarity(&od.prefix[o0], &nd.prefix[n0], 0.0);
    let suffix = similarity(&od.suffix[o1], &nd.suffix[n1], 0.0);
    (prefix, suffix)
}

/// Relative position agreement of two blocks (1 = same relative place).
fn position(od: &Doc, nd: &Doc, i: usize, j: usize) -> f64 {
    let a = i as f64 / od.len().max(1) as f64;
    let b = j as f64 / nd.len().max(1) as f64;
    1.0 - (a - b).abs()
}

/// The combined "quote with context" score of a (possibly grouped) pair.
pub(crate) fn rank(od: &Doc, nd: &Doc, old: &[usize], new: &[usize], quote: f64) -> f64 {
    let (prefix, suffix) = context(od, nd, old, new);
    let pos = match (old.first(), new.first()) {
        (Some(&i), Some(&j)) => position(od, nd, i, j),
        _ => 0.0,
    };
    (QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * pos)
        / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
}

/// Pairs every exactly-equal text that occurs once in each version.
pub(crate) fn exact_unique(od: &Doc, nd: &Doc, state: &mut State) {
    let mut counts: HashMap<u64, (usize, usize, usize, usize)> = HashMap::new();
    for (i, b) in od.blocks.iter().enumerate() {
        let e = counts.entry(b.key).or_insert((0, 0, 0, 0));
        e.0 += 1;
        e.2 = i;
    }
    for (j, b) in nd.blocks.iter().enumerate() {
        let e = counts.entry(b.key).or_insert((0, 0, 0, 0));
        e.1 += 1;
        e.3 = j;
    }
    let mut pairs: Vec<(usize, usize)> = counts.values().filter(|&&(o, n, _, _)| o == 1 && n == 1).map(|&(_, _, i, j)| (i, j)).collect();
    pairs.sort_unstable();
    for (i, j) in pairs {
        state.add(Group { old: vec![i], new: vec![j], quote: 1.0, unique_exact: true });
    }
}

/// Scored candidates for the free old blocks among the free new blocks.
///
/// `allowed` restricts, per old block, the new blocks considered (used for
/// the gap pass); without it the word-overlap index prunes to `TOP_K`.
pub(crate) fn fuzzy(od: &Doc, nd: &Doc, state: &State, floor: f64, allowed: Option<&dyn Fn(usize, usize) -> bool>) -> Vec<Candidate> {
    let free_new = state.free_new();
    let index = word_index(nd, &free_new);
    let mut out = Vec::new();
    let mut shared = vec![0u32; nd.len()];
    for i in state.free_old() {
        let pool = pool_for(od, nd, i, &index, &mut shared, &free_new, allowed);
        for j in pool {
            let a = &od.blocks[i];
            let b = &nd.blocks[j];
            let quote = if a.key == b.key { 1.0 } else { similarity(&a.words, &b.words, floor) };
            if quote >= floor && quote > 0.0 {
                let rank = rank(od, nd, &[i], &[j], quote);
                out.push(Candidate { old: i, new: j, quote, rank });
            }
        }
    }
    out
}

/// Inverted index: distinct word -> free new blocks containing it.
fn word_index(nd: &Doc, free_new: &[usize]) -> HashMap<u64, Vec<usize>> {
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for &j in free_new {
        for &w in &nd.blocks[j].distinct {
            index.entry(w).or_default().push(j);
        }
    }
    index
}

/// The new blocks worth scoring against old block `i`.
fn pool_for(
    od: &Doc,
    nd: &Doc,
    i: usize,
    index: &HashMap<u64, Vec<usize>>,
    shared: &mut [u32],
    free_new: &[usize],
    allowed: Option<&dyn Fn(usize, usize) -> bool>,
) -> Vec<usize> {
    let a = &od.blocks[i];
    if let Some(allowed) = allowed {
        return free_new.iter().copied().filter(|&j| allowed(i, j)).collect();
    }
    let mut touched = Vec::new();
    for w in &a.distinct {
        for &j in index.get(w).map(Vec::as_slice).unwrap_or_default() {
            if shared[j] == 0 {
                touched.push(j);
            }
            shared[j] += 1;
        }
    }
    let mut scored: Vec<(f64, usize)> = touched
        .iter()
        .map(|&j| (jaccard(&a.distinct, &nd.blocks[j].distinct), j))
        .filter(|&(s, j)| s >= MIN_OVERLAP || nd.blocks[j].key == a.key)
        .collect();
    for &j in &touched {
        shared[j] = 0;
    }
    // Exact-text duplicates (including texts without words) always compete.
    for &j in free_new {
        if nd.blocks[j].key == a.key && !scored.iter().any(|&(_, k)| k == j) {
            scored.push((1.0, j));
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let exact = scored.iter().filter(|(_, j)| nd.blocks[*j].key == a.key).count();
    scored.truncate(TOP_K.max(exact));
    scored.into_iter().map(|(_, j)| j).collect()
}

/// Takes candidates best-first while both sides are still free.
pub(crate) fn assign_greedily(od: &Doc, nd: &Doc, state: &mut State, mut cands: Vec<Candidate>) {
    cands.sort_by(|a, b| {
        b.rank
            .total_cmp(&a.rank)
            .then_with(|| {
                let da = 1.0 - position(od, nd, a.old, a.new);
                let db = 1.0 - position(od, nd, b.old, b.new);
                da.total_cmp(&db)
            })
            .then(a.old.cmp(&b.old))
            .then(a.new.cmp(&b.new))
    });
    for c in cands {
        if state.old_free(c.old) && state.new_free(c.new) {
            state.add(Group { old: vec![c.old], new: vec![c.new], quote: c.quote, unique_exact: false });
        }
    }
}
