//! Bounded edit distance.
//!
//! Written by hand: `strsim` (the usual crate) computes the full Levenshtein
//! matrix and has no cut-off, and we only ever need to know the distance when
//! it is small. The banded algorithm (Ukkonen) only fills cells within `max`
//! of the diagonal and stops as soon as a whole row exceeds `max`, so a
//! comparison costs O(n * max) instead of O(n * m). It works on any
//! comparable items: words (hashed) for block texts, characters for context.

/// Levenshtein distance between `a` and `b`, or `None` when it exceeds `max`.
pub fn bounded_levenshtein<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    let inf = max + 1;
    let mut prev: Vec<usize> = (0..=m).map(|j| j.min(inf)).collect();
    let mut cur = vec![inf; m + 1];
    for i in 1..=n {
        if !fill_row(a, b, i, max, &prev, &mut cur) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[m]).filter(|&d| d <= max)
}

/// Fills row `i` of the band; returns false when every cell exceeds `max`.
fn fill_row<T: PartialEq>(a: &[T], b: &[T], i: usize, max: usize, prev: &[usize], cur: &mut [usize]) -> bool {
    let m = b.len();
    let inf = max + 1;
    let lo = i.saturating_sub(max).max(1);
    let hi = (i + max).min(m);
    cur[lo - 1] = if lo == 1 { i.min(inf) } else { inf };
    let mut row_min = cur[lo - 1];
    for j in lo..=hi {
        let cost = usize::from(a[i - 1] != b[j - 1]);
        let value = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1).min(inf);
        cur[j] = value;
        row_min = row_min.min(value);
    }
    if hi < m {
        cur[hi + 1] = inf;
    }
    row_min <= max
}

/// Similarity `1 - distance / longer length` (1 = equal, 0 = nothing in
/// common), or 0 when it would be below `floor`. Two empty inputs are equal.
pub fn similarity<T: PartialEq>(a: &[T], b: &[T], floor: f64) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let allowed = ((1.0 - floor.clamp(0.0, 1.0)) * longest as f64).floor() as usize;
    match bounded_levenshtein(a, b, allowed) {
        Some(d) => 1.0 - d as f64 / longest as f64,
        None => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(a: &[u8], b: &[u8]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn agrees_with_full_matrix_within_bound() {
        let words: [&[u8]; 6] = [b"", b"kitten", b"sitting", b"geweld", b"gewelddadig", b"abcabc"];
        for a in words {
            for b in words {
                let d = full(a, b);
                for max in 0..12 {
                    let got = bounded_levenshtein(a, b, max);
                    if d <= max {
                        assert_eq!(got, Some(d), "{a:?} {b:?} max {max}");
                    } else {
                        assert_eq!(got, None, "{a:?} {b:?} max {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn similarity_respects_floor() {
        assert_eq!(similarity(b"abcd", b"abcd", 0.5), 1.0);
        assert_eq!(similarity(b"abcd", b"abce", 0.5), 0.75);
        assert_eq!(similarity(b"abcd", b"wxyz", 0.5), 0.0);
    }
}
