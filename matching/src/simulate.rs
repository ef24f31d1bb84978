//! Benchmark support: revisions of a document with a known true mapping,
//! comments spread over its blocks, and scoring of a [`VersionMapping`]
//! against the truth.
//!
//! Everything is seeded and deterministic (a small xorshift generator), so a
//! benchmark run can be repeated exactly.

use crate::model::{Block, BlockKind, CONFIDENT, VersionMapping};

/// A small, seeded pseudo-random generator (xorshift64*). Not for security.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value, zero included).
    pub fn new(seed: u64) -> Self {
        Self((seed ^ 0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    /// A number in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// How much a revision changes. Shares are of the non-heading blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct EditRates {
    /// Name used in reports.
    pub name: &'static str,
    /// Share of blocks reworded.
    pub reword_share: f64,
    /// Least share of the words of a reworded block that is edited.
    pub reword_min: f64,
    /// Largest share of the words of a reworded block that is edited.
    pub reword_max: f64,
    /// Number of whole sections moved elsewhere.
    pub section_moves: usize,
    /// New blocks inserted, as a share.
    pub insert_share: f64,
    /// Blocks deleted, as a share.
    pub delete_share: f64,
    /// Blocks split in two, as a share.
    pub split_share: f64,
    /// Pairs of adjacent blocks merged, as a share.
    pub merge_share: f64,
}

impl EditRates {
    /// A light revision: a tenth reworded, one section moved.
    pub fn light() -> Self {
        Self {
            name: "light",
            reword_share: 0.10,
            reword_min: 0.10,
            reword_max: 0.40,
            section_moves: 1,
            insert_share: 0.02,
            delete_share: 0.01,
            split_share: 0.01,
            merge_share: 0.01,
        }
    }

    /// A medium revision: a fifth reworded, two sections moved, plus some
    /// inserts, deletes, splits and merges.
    pub fn medium() -> Self {
        Self {
            name: "medium",
            reword_share: 0.20,
            reword_min: 0.10,
            reword_max: 0.40,
            section_moves: 2,
            insert_share: 0.04,
            delete_share: 0.02,
            split_share: 0.02,
            merge_share: 0.02,
        }
    }

    /// A heavy revision: two fifths reworded, four sections moved, many
    /// inserts, deletes, splits and merges.
    pub fn heavy() -> Self {
        Self {
            name: "heavy",
            reword_share: 0.40,
            reword_min: 0.10,
            reword_max: 0.40,
            section_moves: 4,
            insert_share: 0.08,
            delete_share: 0.05,
            split_share: 0.05,
            merge_share: 0.05,
        }
    }
}

/// A generated new version and, for every old block, the new blocks it
/// truly went to (empty when deleted; two for a split).
#[derive(Debug, Clone)]
pub struct Revision {
    /// The new version.
    pub blocks: Vec<Block>,
    /// `truth[old]` = new indices holding that old block's text.
    pub truth: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
struct Draft {
    block: Block,
    origins: Vec<usize>,
    split: bool,
    merged: bool,
}

/// Applies a random edit script of the given rates to `old`.
pub fn revise(old: &[Block], rates: &EditRates, seed: u64) -> Revision {
    let mut rng = Rng::new(seed);
    let vocabulary = vocabulary(old);
    let mut drafts: Vec<Draft> =
        old.iter().enumerate().map(|(i, b)| Draft { block: b.clone(), origins: vec![i], split: false, merged: false }).collect();
    let body = drafts.iter().filter(|d| !is_heading(&d.block)).count() as f64;
    let count = |share: f64| (share * body).round() as usize;
    for _ in 0..rates.section_moves {
        move_section(&mut drafts, &mut rng);
    }
    delete_blocks(&mut drafts, count(rates.delete_share), &mut rng);
    reword_blocks(&mut drafts, count(rates.reword_share), rates, &vocabulary, &mut rng);
    split_blocks(&mut drafts, count(rates.split_share), &mut rng);
    merge_blocks(&mut drafts, count(rates.merge_share), &mut rng);
    insert_blocks(&mut drafts, count(rates.insert_share), &vocabulary, &mut rng);
    finish(drafts, old.len())
}

fn is_heading(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading(_))
}

fn vocabulary(blocks: &[Block]) -> Vec<String> {
    let mut words: Vec<String> = blocks
        .iter()
        .flat_map(|b| b.text.split_whitespace())
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    if words.is_empty() {
        words.push("tekst".to_string());
    }
    words
}

/// Indices of drafts satisfying `pred`, in random order.
fn shuffled(drafts: &[Draft], rng: &mut Rng, pred: impl Fn(&Draft) -> bool) -> Vec<usize> {
    let mut picks: Vec<usize> = (0..drafts.len()).filter(|&k| pred(&drafts[k])).collect();
    for k in (1..picks.len()).rev() {
        picks.swap(k, rng.below(k + 1));
    }
    picks
}

/// End (exclusive) of the section opened by the heading at `start`.
fn section_end(drafts: &[Draft], start: usize, level: u8) -> usize {
    (start + 1..drafts.len()).find(|&k| matches!(drafts[k].block.kind, BlockKind::Heading(l) if l <= level)).unwrap_or(drafts.len())
}

/// Moves a whole section (heading and contents) before another heading of
/// the same level.
fn move_section(drafts: &mut Vec<Draft>, rng: &mut Rng) {
    let quarter = drafts.len() / 4;
    let sections: Vec<(usize, usize, u8)> = (0..drafts.len())
        .filter_map(|h| match drafts[h].block.kind {
            BlockKind::Heading(level) if level >= 2 => {
                let end = section_end(drafts, h, level);
                (end - h >= 2 && end - h <= quarter.max(2)).then_some((h, end, level))
            }
            _ => None,
        })
        .collect();
    if sections.is_empty() {
        return;
    }
    let (start, end, level) = sections[rng.below(sections.len())];
    let targets: Vec<usize> = (0..drafts.len())
        .filter(|&k| matches!(drafts[k].block.kind, BlockKind::Heading(l) if l == level))
        .filter(|&k| k < start || k > end)
        .collect();
    if targets.is_empty() {
        return;
    }
    let target = targets[rng.below(targets.len())];
    let moved: Vec<Draft> = drafts.drain(start..end).collect();
    let at = if target > end { target - (end - start) } else { target };
    drafts.splice(at..at, moved);
}

fn delete_blocks(drafts: &mut Vec<Draft>, n: usize, rng: &mut Rng) {
    let mut picks: Vec<usize> = shuffled(drafts, rng, |d| !is_heading(&d.block));
    picks.truncate(n);
    picks.sort_unstable_by(|a, b| b.cmp(a));
    for k in picks {
        drafts.remove(k);
    }
}

fn reword_blocks(drafts: &mut [Draft], n: usize, rates: &EditRates, vocab: &[String], rng: &mut Rng) {
    let picks = shuffled(drafts, rng, |d| !is_heading(&d.block));
    for k in picks.into_iter().take(n) {
        let share = rates.reword_min + rng.unit() * (rates.reword_max - rates.reword_min);
        drafts[k].block.text = reword(&drafts[k].block.text, share, vocab, rng);
    }
}

/// Replaces, inserts or deletes about `share` of the words of `text`.
pub fn reword(text: &str, share: f64, vocab: &[String], rng: &mut Rng) -> String {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    let edits = ((share * words.len() as f64).round() as usize).max(1);
    for _ in 0..edits {
        let word = vocab[rng.below(vocab.len())].clone();
        match rng.below(5) {
            0 if words.len() > 1 => {
                words.remove(rng.below(words.len()));
            }
            1 => words.insert(rng.below(words.len() + 1), word),
            _ if !words.is_empty() => {
                let k = rng.below(words.len());
                words[k] = word;
            }
            _ => words.push(word),
        }
    }
    words.join(" ")
}

fn split_blocks(drafts: &mut Vec<Draft>, n: usize, rng: &mut Rng) {
    for _ in 0..n {
        let picks =
            shuffled(drafts, rng, |d| !is_heading(&d.block) && !d.split && !d.merged && d.block.text.split_whitespace().count() >= 8);
        let Some(&k) = picks.first() else {
            return;
        };
        let words: Vec<&str> = drafts[k].block.text.split_whitespace().collect();
        let at = split_point(&words);
        let (first, second) = (words[..at].join(" "), words[at..].join(" "));
        let mut tail = drafts[k].clone();
        tail.block.text = second;
        tail.split = true;
        drafts[k].block.text = first;
        drafts[k].split = true;
        drafts.insert(k + 1, tail);
    }
}

/// A sentence end near the middle, or the middle word.
fn split_point(words: &[&str]) -> usize {
    let middle = words.len() / 2;
    (3..words.len().saturating_sub(2)).filter(|&k| words[k - 1].ends_with('.')).min_by_key(|&k| k.abs_diff(middle)).unwrap_or(middle)
}

fn merge_blocks(drafts: &mut Vec<Draft>, n: usize, rng: &mut Rng) {
    for _ in 0..n {
        let eligible = |d: &Draft| !is_heading(&d.block) && !d.split && !d.merged;
        let pairs: Vec<usize> = (0..drafts.len().saturating_sub(1))
            .filter(|&k| eligible(&drafts[k]) && eligible(&drafts[k + 1]) && drafts[k].block.kind == drafts[k + 1].block.kind)
            .collect();
        if pairs.is_empty() {
            return;
        }
        let k = pairs[rng.below(pairs.len())];
        let next = drafts.remove(k + 1);
        let d = &mut drafts[k];
        d.block.text = format!("{} {}", d.block.text, next.block.text);
        d.origins.extend(next.origins);
        d.merged = true;
    }
}

fn insert_blocks(drafts: &mut Vec<Draft>, n: usize, vocab: &[String], rng: &mut Rng) {
    for _ in 0..n {
        let len = 8 + rng.below(40);
        let mut words: Vec<String> = (0..len).map(|_| vocab[rng.below(vocab.len())].clone()).collect();
        if let Some(first) = words.first_mut() {
            *first = capitalize(first);
        }
        let text = format!("{}.", words.join(" "));
        let at = 1 + rng.below(drafts.len());
        drafts.insert(at.min(drafts.len()), Draft { block: Block::paragraph(text), origins: Vec::new(), split: false, merged: false });
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Recomputes section paths and derives the true mapping.
fn finish(drafts: Vec<Draft>, old_len: usize) -> Revision {
    let mut truth = vec![Vec::new(); old_len];
    let mut headings: Vec<(u8, String)> = Vec::new();
    let mut blocks = Vec::with_capacity(drafts.len());
    for (j, mut d) in drafts.into_iter().enumerate() {
        if let BlockKind::Heading(level) = d.block.kind {
            headings.retain(|(l, _)| *l < level);
            headings.push((level, d.block.text.clone()));
        }
        d.block.section = headings.iter().map(|(_, t)| t.clone()).collect();
        for &o in &d.origins {
            truth[o].push(j);
        }
        blocks.push(d.block);
    }
    Revision { blocks, truth }
}

/// `count` comments on uniformly random blocks of a document of `blocks`
/// blocks; each entry is the block index a comment is on.
pub fn spread_comments(blocks: usize, count: usize, seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed);
    if blocks == 0 {
        return Vec::new();
    }
    (0..count).map(|_| rng.below(blocks)).collect()
}

/// A synthetic document: numbered sections and subsections with paragraphs
/// of made-up words. Used by tests; the benchmark uses a real fixture.
pub fn synthetic_document(paragraphs: usize, seed: u64) -> Vec<Block> {
    let mut rng = Rng::new(seed);
    let syllables = [
        "ge", "ver", "aan", "pak", "re", "gio", "zorg", "hulp", "wijk", "raad", "be", "leid", "plan", "kind", "thuis", "veilig", "melding",
        "school", "buurt", "team",
    ];
    let vocab: Vec<String> = (0..500).map(|_| (0..2 + rng.below(2)).map(|_| syllables[rng.below(syllables.len())]).collect()).collect();
    let mut blocks = vec![Block::new(BlockKind::Heading(1), "Synthetisch beleidsstuk")];
    let mut written = 0;
    let mut chapter = 0;
    while written < paragraphs {
        chapter += 1;
        let title = format!("{chapter} {}", sentence(&vocab, 2, &mut rng));
        blocks.push(Block::new(BlockKind::Heading(2), title));
        for sub in 1..=(1 + rng.below(3)) {
            let title = format!("{chapter}.{sub} {}", sentence(&vocab, 3, &mut rng));
            blocks.push(Block::new(BlockKind::Heading(3), title));
            for _ in 0..(2 + rng.below(4)) {
                let len = 12 + rng.below(60);
                blocks.push(Block::paragraph(format!("{}.", sentence(&vocab, len, &mut rng))));
                written += 1;
            }
        }
    }
    finish(blocks.into_iter().map(|block| Draft { block, origins: Vec::new(), split: false, merged: false }).collect(), 0).blocks
}

fn sentence(vocab: &[String], len: usize, rng: &mut Rng) -> String {
    let words: Vec<&str> = (0..len).map(|_| vocab[rng.below(vocab.len())].as_str()).collect();
    capitalize(&words.join(" "))
}

/// Outcome of mapping a set of comments, against the truth.
///
/// A comment is *mapped* when its old block has new target(s) with a
/// confidence of at least the threshold; it is *correct* when all targets
/// are among the block's true successors (any part of a split; the merged
/// block of a merge). Everything else goes to the review list: comments with
/// a low-confidence suggestion, and comments on blocks reported removed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Comments scored.
    pub comments: usize,
    /// Comments whose block truly still exists in the new version.
    pub surviving: usize,
    /// Comments mapped at or above the threshold.
    pub mapped: usize,
    /// Mapped comments on the right block(s).
    pub correct: usize,
    /// Mapped comments on a wrong block (must be 0).
    pub wrong: usize,
    /// Comments with a suggestion below the threshold.
    pub low: usize,
    /// Of those, suggestions that were right.
    pub low_correct: usize,
    /// Comments on blocks reported removed.
    pub removed: usize,
    /// Of those, blocks that were truly removed.
    pub removed_correct: usize,
    /// Old blocks with at least one comment in the review list.
    pub review_blocks: usize,
    /// Old blocks mapped wrongly at or above the threshold.
    pub wrong_blocks: usize,
}

impl Score {
    /// Share of mapped comments on the right block(s).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.mapped)
    }

    /// Share of all comments mapped at or above the threshold.
    pub fn recall(&self) -> f64 {
        ratio(self.mapped, self.comments)
    }

    /// Share of comments on surviving blocks mapped at or above the
    /// threshold (a removed block cannot be mapped).
    pub fn recall_surviving(&self) -> f64 {
        ratio(self.mapped, self.surviving)
    }

    /// Comments in the review list: low confidence plus removed.
    pub fn review_comments(&self) -> usize {
        self.low + self.removed
    }

    /// Precision counting low-confidence suggestions as mapped too.
    pub fn precision_with_low(&self) -> f64 {
        ratio(self.correct + self.low_correct, self.mapped + self.low)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Whether mapping old block `old` is right according to `truth`.
pub fn is_right(mapping: &VersionMapping, truth: &[Vec<usize>], old: usize) -> bool {
    let targets = mapping.targets_of(old);
    let Some(expected) = truth.get(old) else {
        return false;
    };
    !targets.is_empty() && !expected.is_empty() && targets.iter().all(|(j, _)| expected.contains(j))
}

/// Scores `mapping` for comments on the given old blocks, with the
/// [`CONFIDENT`] threshold.
pub fn score(mapping: &VersionMapping, truth: &[Vec<usize>], comments: &[usize]) -> Score {
    score_at(mapping, truth, comments, CONFIDENT)
}

/// Scores `mapping` with a chosen threshold.
pub fn score_at(mapping: &VersionMapping, truth: &[Vec<usize>], comments: &[usize], threshold: f64) -> Score {
    let mut s = Score::default();
    let mut review = vec![false; truth.len()];
    let mut wrong = vec![false; truth.len()];
    for &old in comments {
        s.comments += 1;
        let survives = truth.get(old).is_some_and(|t| !t.is_empty());
        s.surviving += usize::from(survives);
        let targets = mapping.targets_of(old);
        let right = is_right(mapping, truth, old);
        let confidence = targets.first().map_or(0.0, |t| t.1);
        if targets.is_empty() {
            s.removed += 1;
            s.removed_correct += usize::from(!survives);
            review[old] = true;
        } else if confidence >= threshold {
            s.mapped += 1;
            s.correct += usize::from(right);
            s.wrong += usize::from(!right);
            wrong[old] |= !right;
        } else {
            s.low += 1;
            s.low_correct += usize::from(right);
            review[old] = true;
        }
    }
    s.review_blocks = review.iter().filter(|&&r| r).count();
    s.wrong_blocks = wrong.iter().filter(|&&w| w).count();
    s
}
