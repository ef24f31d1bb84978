//! Sequence alignment of the groups: a longest increasing subsequence of new
//! positions, taken in old order, marks the groups that kept their place.

use super::state::State;

/// For every group: whether it belongs to the longest in-order chain.
pub(crate) fn in_order(state: &State) -> Vec<bool> {
    let mut ids: Vec<usize> = (0..state.groups.len()).collect();
    ids.sort_by_key(|&id| first(&state.groups[id].old));
    let seq: Vec<usize> = ids.iter().map(|&id| first(&state.groups[id].new)).collect();
    let mut flags = vec![false; ids.len()];
    for k in longest_increasing(&seq) {
        flags[ids[k]] = true;
    }
    flags
}

fn first(v: &[usize]) -> usize {
    v.first().copied().unwrap_or(usize::MAX)
}

/// Positions of one longest strictly increasing subsequence (patience
/// sorting, O(n log n)).
pub(crate) fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for k in 0..seq.len() {
        let pos = tails.partition_point(|&t| seq[t] < seq[k]);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        out.push(k);
        cursor = prev[k];
    }
    out.reverse();
    out
}

/// For every old block, the open range of new positions between the nearest
/// in-order groups before and after it: `(low, high)` meaning low < j < high,
/// with `low` = None at the document start.
pub(crate) fn gaps(state: &State, flags: &[bool]) -> Vec<(Option<usize>, usize)> {
    let n_old = state.old_group.len();
    let anchor = |i: usize| state.old_group[i].filter(|&g| flags[g]);
    let mut low = vec![None; n_old];
    let mut current: Option<usize> = None;
    for (i, slot) in low.iter_mut().enumerate() {
        *slot = current;
        if let Some(g) = anchor(i) {
            current = state.groups[g].new.iter().max().copied();
        }
    }
    let mut high = vec![state.new_group.len(); n_old];
    let mut current = state.new_group.len();
    for i in (0..n_old).rev() {
        high[i] = current;
        if let Some(g) = anchor(i) {
            current = state.groups[g].new.iter().min().copied().unwrap_or(current);
        }
    }
    low.into_iter().zip(high).collect()
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    #[test]
    fn finds_longest_chain() {
        let seq = [0, 1, 7, 8, 2, 3, 4, 9];
        let lis: Vec<usize> = longest_increasing(&seq).iter().map(|&k| seq[k]).collect();
        assert_eq!(lis, vec![0, 1, 2, 3, 4, 9]);
    }
}
