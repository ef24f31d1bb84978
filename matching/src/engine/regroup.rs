//! Split and merge detection: one old block covered by several consecutive
//! new blocks, or several consecutive old blocks covered by one new block.

use super::state::{Group, State};
use crate::distance::similarity;
use crate::normalize::{Doc, shared_count};

/// A neighbour joins a group only if the similarity rises at least this much.
const MIN_GAIN: f64 = 0.05;
/// Share of a part's distinct words that must occur in the whole.
const MIN_CONTAINED: f64 = 0.6;
/// Minimum similarity of a split or merge found from scratch.
const MIN_GROUP_QUOTE: f64 = 0.5;
/// Groups this similar already are a good one-to-one match.
const GOOD_ENOUGH: f64 = 0.97;

/// Which side of a group is grown.
#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

/// Grows existing one-to-one groups into splits or merges, then looks for
/// splits and merges among blocks that found no partner.
pub(crate) fn regroup(od: &Doc, nd: &Doc, state: &mut State) {
    for id in 0..state.groups.len() {
        let g = &state.groups[id];
        let one_to_one = g.old.len() == 1 && g.new.len() == 1 && g.quote < GOOD_ENOUGH;
        if one_to_one && !grow_group(od, nd, state, id, Side::New) {
            grow_group(od, nd, state, id, Side::Old);
        }
    }
    seed(od, nd, state, Side::New);
    seed(od, nd, state, Side::Old);
}

/// The words of consecutive blocks, joined.
pub(crate) fn words_of(doc: &Doc, run: &[usize]) -> Vec<u64> {
    run.iter().flat_map(|&i| doc.blocks[i].words.iter().copied()).collect()
}

fn distinct(words: &[u64]) -> Vec<u64> {
    let mut d = words.to_vec();
    d.sort_unstable();
    d.dedup();
    d
}

/// Share of `part`'s distinct words found in `whole` (both sorted, distinct).
fn containment(part: &[u64], whole: &[u64]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    shared_count(part, whole) as f64 / part.len() as f64
}

/// Grows one side of group `id`; returns whether it grew.
fn grow_group(od: &Doc, nd: &Doc, state: &mut State, id: usize, side: Side) -> bool {
    let g = &state.groups[id];
    let (fixed_doc, run_doc, fixed, run) = match side {
        Side::New => (od, nd, g.old.clone(), g.new.clone()),
        Side::Old => (nd, od, g.new.clone(), g.old.clone()),
    };
    let fixed_words = words_of(fixed_doc, &fixed);
    let free = |k: usize| match side {
        Side::New => state.new_free(k),
        Side::Old => state.old_free(k),
    };
    let (grown, quote) = grow(&fixed_words, run_doc, run.clone(), g.quote, &free);
    if grown.len() == run.len() {
        return false;
    }
    match side {
        Side::New => state.reshape(id, fixed, grown, quote),
        Side::Old => state.reshape(id, grown, fixed, quote),
    }
    true
}

/// Adds free neighbours to `run` while the joined text gets clearly closer to
/// `fixed`.
fn grow(fixed: &[u64], doc: &Doc, mut run: Vec<usize>, mut quote: f64, free: &dyn Fn(usize) -> bool) -> (Vec<usize>, f64) {
    let fixed_distinct = distinct(fixed);
    loop {
        let mut best: Option<(f64, Vec<usize>)> = None;
        for candidate in extensions(&run, doc.len()) {
            let Some(added) = candidate.iter().find(|k| !run.contains(k)).copied() else {
                continue;
            };
            if !free(added) || containment(&doc.blocks[added].distinct, &fixed_distinct) < MIN_CONTAINED {
                continue;
            }
            let q = similarity(fixed, &words_of(doc, &candidate), 0.0);
            if best.as_ref().is_none_or(|(b, _)| q > *b) {
                best = Some((q, candidate));
            }
        }
        match best {
            Some((q, candidate)) if q >= quote + MIN_GAIN => {
                run = candidate;
                quote = q;
            }
            _ => return (run, quote),
        }
    }
}

/// The run extended by one block on the left and on the right.
fn extensions(run: &[usize], len: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    if let Some(&first) = run.first()
        && first > 0
    {
        let mut v = vec![first - 1];
        v.extend_from_slice(run);
        out.push(v);
    }
    if let Some(&last) = run.last()
        && last + 1 < len
    {
        let mut v = run.to_vec();
        v.push(last + 1);
        out.push(v);
    }
    out
}

/// Starts splits (`Side::New`: a free old block, its parts among free new
/// blocks) or merges (`Side::Old`) from the best contained free block.
fn seed(od: &Doc, nd: &Doc, state: &mut State, side: Side) {
    let (whole_doc, part_doc) = match side {
        Side::New => (od, nd),
        Side::Old => (nd, od),
    };
    let (wholes, parts) = match side {
        Side::New => (state.free_old(), state.free_new()),
        Side::Old => (state.free_new(), state.free_old()),
    };
    for w in wholes {
        let whole = &whole_doc.blocks[w];
        let Some(start) = best_part(whole_doc, part_doc, w, &parts, state, side) else {
            continue;
        };
        let quote = similarity(&whole.words, &part_doc.blocks[start].words, 0.0);
        let free = |k: usize| match side {
            Side::New => state.new_free(k),
            Side::Old => state.old_free(k),
        };
        let (run, quote) = grow(&whole.words, part_doc, vec![start], quote, &free);
        if run.len() < 2 || quote < MIN_GROUP_QUOTE {
            continue;
        }
        let group = match side {
            Side::New => Group { old: vec![w], new: run, quote, unique_exact: false },
            Side::Old => Group { old: run, new: vec![w], quote, unique_exact: false },
        };
        state.add(group);
    }
}

/// The free, shorter block sharing most words with `whole`, if contained.
fn best_part(whole_doc: &Doc, part_doc: &Doc, w: usize, parts: &[usize], state: &State, side: Side) -> Option<usize> {
    let whole = &whole_doc.blocks[w];
    let free = |k: usize| match side {
        Side::New => state.new_free(k),
        Side::Old => state.old_free(k),
    };
    parts
        .iter()
        .copied()
        .filter(|&p| free(p))
        .filter(|&p| {
            let part = &part_doc.blocks[p];
            part.words.len() >= 3 && part.words.len() < whole.words.len() && containment(&part.distinct, &whole.distinct) >= MIN_CONTAINED
        })
        .max_by_key(|&p| (shared_count(&part_doc.blocks[p].distinct, &whole.distinct), usize::MAX - p))
}
