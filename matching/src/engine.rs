//! The matching pipeline: exact, fuzzy, split/merge, alignment, confidence.

mod candidates;
mod confidence;
mod order;
mod regroup;
mod state;

use candidates::{Candidate, assign_greedily, context, exact_unique, fuzzy, rank};
use state::{Group, State};

use crate::model::{Block, BlockMatch, Change, Evidence, VersionMapping};
use crate::normalize::Doc;

/// Minimum word similarity in the first fuzzy pass.
const FIRST_FLOOR: f64 = 0.5;
/// Minimum word similarity in the second fuzzy pass (after splits/merges).
const SECOND_FLOOR: f64 = 0.3;
/// Minimum word similarity inside a gap between in-place anchors.
const GAP_FLOOR: f64 = 0.25;
/// Gaps wider than this (in new blocks) are not searched separately.
const MAX_GAP: usize = 40;

/// Maps every block of `old` to its successor(s) in `new`.
///
/// Every old block ends up in exactly one [`BlockMatch`] (unchanged, changed,
/// moved, split, merged or removed); every new block not reached is
/// [`Change::New`].
pub fn match_versions(old: &[Block], new: &[Block]) -> VersionMapping {
    let od = Doc::new(old);
    let nd = Doc::new(new);
    let mut state = State::new(old.len(), new.len());
    let mut log: Vec<Candidate> = Vec::new();

    exact_unique(&od, &nd, &mut state);
    run_pass(&od, &nd, &mut state, &mut log, FIRST_FLOOR, None);
    regroup::regroup(&od, &nd, &mut state);
    run_pass(&od, &nd, &mut state, &mut log, SECOND_FLOOR, None);

    let flags = order::in_order(&state);
    let gaps = order::gaps(&state, &flags);
    let allowed = |i: usize, j: usize| {
        let (low, high) = gaps[i];
        let start = low.map_or(0, |l| l + 1);
        high.saturating_sub(start) <= MAX_GAP && j >= start && j < high
    };
    run_pass(&od, &nd, &mut state, &mut log, GAP_FLOOR, Some(&allowed));

    let flags = order::in_order(&state);
    let gaps = order::gaps(&state, &flags);
    let view = View { od: &od, nd: &nd, state: &state, flags: &flags, gaps: &gaps, log: &log };
    build(old, new, &view)
}

/// Scores candidates, remembers them (for the uniqueness margin) and assigns.
fn run_pass(od: &Doc, nd: &Doc, state: &mut State, log: &mut Vec<Candidate>, floor: f64, allowed: Option<&dyn Fn(usize, usize) -> bool>) {
    let cands = fuzzy(od, nd, state, floor, allowed);
    log.extend_from_slice(&cands);
    assign_greedily(od, nd, state, cands);
}

/// Bonus for a candidate that fits between the in-place anchors around it,
/// used when comparing it with competitors.
const FIT_BONUS: f64 = 0.25;

/// Everything the final step reads.
struct View<'a> {
    od: &'a Doc,
    nd: &'a Doc,
    state: &'a State,
    flags: &'a [bool],
    gaps: &'a [(Option<usize>, usize)],
    log: &'a [Candidate],
}

impl View<'_> {
    /// Whether new position `j` lies between the in-place anchors around
    /// old blocks `first_old..=last_old`.
    fn fits(&self, first_old: usize, last_old: usize, j: usize) -> bool {
        let low = self.gaps[first_old].0;
        let high = self.gaps[last_old].1;
        low.is_none_or(|l| j > l) && j < high
    }
}

/// Turns the groups and leftovers into the public mapping.
fn build(old: &[Block], new: &[Block], view: &View<'_>) -> VersionMapping {
    let state = view.state;
    let log = view.log;
    let mut matches: Vec<BlockMatch> = state.groups.iter().enumerate().map(|(id, g)| group_match(old, new, view, id, g)).collect();
    for i in state.free_old() {
        matches.push(leftover(vec![i], Vec::new(), Change::Removed, best_quote(log, |c| c.old == i)));
    }
    for j in state.free_new() {
        matches.push(leftover(Vec::new(), vec![j], Change::New, best_quote(log, |c| c.new == j)));
    }
    matches.sort_by_key(|m| (m.new.first().copied().unwrap_or(usize::MAX), m.old.first().copied().unwrap_or(usize::MAX)));
    VersionMapping::new(matches, old.len(), new.len())
}

fn best_quote(log: &[Candidate], pick: impl Fn(&Candidate) -> bool) -> f64 {
    log.iter().filter(|c| pick(c)).map(|c| c.quote).fold(0.0, f64::max)
}

/// A removed or new block; its confidence says how sure it has no partner.
fn leftover(old: Vec<usize>, new: Vec<usize>, change: Change, best_quote: f64) -> BlockMatch {
    BlockMatch { old, new, change, confidence: 1.0 - best_quote, text_changed: true, evidence: Evidence::default() }
}

fn group_match(old: &[Block], new: &[Block], view: &View<'_>, id: usize, g: &Group) -> BlockMatch {
    let in_order = view.flags[id];
    let evidence = evidence(view, id, g, in_order);
    let same_kind = kinds(old, &g.old) == kinds(new, &g.new);
    let text_changed = joined(view.od, &g.old) != joined(view.nd, &g.new);
    let change = classify(g, in_order, text_changed);
    BlockMatch {
        old: g.old.clone(),
        new: g.new.clone(),
        change,
        confidence: confidence::confidence(&evidence, g.unique_exact, same_kind),
        text_changed,
        evidence,
    }
}

fn kinds(blocks: &[Block], run: &[usize]) -> Option<crate::model::BlockKind> {
    run.first().and_then(|&i| blocks.get(i)).map(|b| b.kind)
}

/// The whitespace-collapsed texts of a run, joined.
fn joined(doc: &Doc, run: &[usize]) -> String {
    run.iter().map(|&i| doc.blocks[i].collapsed.as_str()).collect::<Vec<_>>().join(" ")
}

fn classify(g: &Group, in_order: bool, text_changed: bool) -> Change {
    if g.new.len() > 1 {
        Change::Split
    } else if g.old.len() > 1 {
        Change::Merged
    } else if !in_order {
        Change::Moved
    } else if text_changed {
        Change::Changed
    } else {
        Change::Unchanged
    }
}

fn evidence(view: &View<'_>, id: usize, g: &Group, in_order: bool) -> Evidence {
    let (od, nd) = (view.od, view.nd);
    let (prefix, suffix) = context(od, nd, &g.old, &g.new);
    let words_old: usize = g.old.iter().map(|&i| od.blocks[i].words.len()).sum();
    let words_new: usize = g.new.iter().map(|&j| nd.blocks[j].words.len()).sum();
    Evidence {
        quote: g.quote,
        context: (prefix + suffix) / 2.0,
        in_order,
        neighbours: neighbours(view.state, id, g),
        adjacent: adjacent(view.state, id, g),
        margin: margin(view, g),
        words: words_old.min(words_new),
    }
}

/// Lead of the group's score over the best logged candidate with exactly
/// one end inside the group. Scores are the "quote with context" rank plus
/// [`FIT_BONUS`] for a pair that fits between the in-place anchors, so an
/// in-place duplicate beats its twin elsewhere in the document.
fn margin(view: &View<'_>, g: &Group) -> f64 {
    let (Some(&o0), Some(&o1), Some(&n0)) = (g.old.first(), g.old.last(), g.new.first()) else {
        return 0.0;
    };
    let bonus = |fits: bool| if fits { FIT_BONUS } else { 0.0 };
    let own = rank(view.od, view.nd, &g.old, &g.new, g.quote) + bonus(view.fits(o0, o1, n0));
    let best_rival = view
        .log
        .iter()
        .filter(|c| g.old.contains(&c.old) != g.new.contains(&c.new))
        .map(|c| c.rank + bonus(view.fits(c.old, c.old, c.new)))
        .fold(f64::NEG_INFINITY, f64::max);
    if best_rival.is_finite() { own - best_rival } else { 1.0 }
}

/// How many of the nearest matched neighbours (before, after) of the group
/// are matched to each other.
fn neighbours(state: &State, id: usize, g: &Group) -> u8 {
    let (Some(&o0), Some(&o1), Some(&n0), Some(&n1)) = (g.old.first(), g.old.last(), g.new.first(), g.new.last()) else {
        return 0;
    };
    let before_old = (0..o0).rev().find_map(|i| state.old_group[i]);
    let before_new = (0..n0).rev().find_map(|j| state.new_group[j]);
    let after_old = (o1 + 1..state.old_group.len()).find_map(|i| state.old_group[i]);
    let after_new = (n1 + 1..state.new_group.len()).find_map(|j| state.new_group[j]);
    let agree = |a: Option<usize>, b: Option<usize>| a == b && a != Some(id);
    u8::from(agree(before_old, before_new)) + u8::from(agree(after_old, after_new))
}

/// How many directly adjacent pairs (before, after) of the group are
/// matched to each other; both runs touching the same document edge counts.
fn adjacent(state: &State, id: usize, g: &Group) -> u8 {
    let (Some(&o0), Some(&o1), Some(&n0), Some(&n1)) = (g.old.first(), g.old.last(), g.new.first(), g.new.last()) else {
        return 0;
    };
    let (n_old, n_new) = (state.old_group.len(), state.new_group.len());
    let same = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (None, None) => true,
        (Some(i), Some(j)) => {
            let (x, y) = (state.old_group[i], state.new_group[j]);
            x.is_some() && x == y && x != Some(id)
        }
        _ => false,
    };
    let before = same(o0.checked_sub(1), n0.checked_sub(1));
    let after = same((o1 + 1 < n_old).then_some(o1 + 1), (n1 + 1 < n_new).then_some(n1 + 1));
    u8::from(before) + u8::from(after)
}
