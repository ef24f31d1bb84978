//! Suggested groups of similar reactions, so that an officer can answer them with one joint answer.
//!
//! Two kinds of group are suggested:
//! - [`GroupKind::NearDuplicate`]: copies of the same text anywhere in the document, typically a campaign letter sent by
//!   many residents with small edits (another greeting or signature, a sentence added, some words changed).
//! - [`GroupKind::SameBlock`]: reactions on the same block (paragraph) that make much the same point in other words.
//!
//! Method, and why:
//! - Every text is normalised once: lower case, diacritics folded, greeting ("Geachte college,") and closing plus
//!   signature ("Met vriendelijke groet, <name>") cut off, Dutch stop words dropped (negations kept), light Dutch suffix
//!   stripping. Boilerplate and names therefore never make two reactions similar.
//! - Near-duplicates: word 3-shingles compared by Jaccard similarity. Shingles keep word order, so a copied letter
//!   scores high while two reactions on the same subject written independently score close to zero; a changed word
//!   or an added sentence only removes a few shingles. MinHash signatures with LSH banding find candidate pairs in
//!   roughly linear time (no all-vs-all comparison across the document); each candidate is verified with the exact
//!   Jaccard, and verified pairs are joined with union-find, which suits letter copies that all descend from one
//!   template. All hashing is own FNV-1a/splitmix64 with fixed seeds, so results are identical on every run and platform.
//! - Same block: different wording shares words rather than word order, so the remaining reactions of one block are
//!   compared by TF-IDF cosine on word stems. The document frequency is counted both over the whole document and within
//!   the block, so that the words every reaction on that block uses (its subject) do not link reactions that make
//!   different points. Only reactions on the same block are compared (dot products accumulated through an inverted
//!   index), and similar pairs are clustered with average linkage: two clusters merge only when their mean pairwise
//!   similarity stays above the threshold, which prevents chains of loosely related reactions from growing into one
//!   giant group. Word overlap cannot see synonyms, so this stage is deliberately strict: it suggests fewer groups
//!   rather than wrong ones.
//! - Near-duplicate groups are final: their members do not also join a same-block group, so each reaction appears in
//!   at most one group and a campaign keeps its own group even when an individual reaction resembles it.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One reaction to group: its id, the block it is on (`None` for the document as a whole) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Reaction<'a> {
    pub id: i64,
    pub block: Option<i64>,
    pub text: &'a str,
}

/// Why the reactions of a group were put together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupKind {
    /// (Almost) the same text, anywhere in the document, such as copies of a campaign letter.
    NearDuplicate,
    /// Different texts on the same block that make much the same point.
    SameBlock,
}

/// A suggestion to answer these reactions with one joint answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestedGroup {
    pub kind: GroupKind,
    /// Reaction ids, sorted ascending; at least two.
    pub ids: Vec<i64>,
    /// Mean pairwise similarity in `0..=1`: word-shingle Jaccard for near-duplicates, TF-IDF cosine for same-block
    /// groups. For groups of more than 40 reactions it is the mean over an evenly spread sample of 40 members.
    pub similarity: f32,
}

/// Pairwise quality of suggested groups against labelled truth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    /// Share of suggested pairs (two reactions in one suggested group) that are also a true pair; 1 if none suggested.
    pub precision: f64,
    /// Share of true pairs (two reactions with the same label) that were suggested; 1 if there are none.
    pub recall: f64,
    pub suggested_pairs: usize,
    pub true_pairs: usize,
}

/// Words per shingle for near-duplicate detection.
const SHINGLE_WORDS: usize = 3;
/// Number of LSH bands; a pair becomes a candidate when all rows of at least one band agree.
const MINHASH_BANDS: usize = 42;
/// Rows (hash functions) per band. With 42 bands of 3 rows a pair with Jaccard 0.4 is a candidate with probability
/// 0.94, with Jaccard 0.5 with probability 0.996.
const MINHASH_ROWS: usize = 3;
const MINHASH_LEN: usize = MINHASH_BANDS * MINHASH_ROWS;
/// Minimum shingle Jaccard for two reactions to be near-duplicates.
const NEAR_DUPLICATE_JACCARD: f32 = 0.4;
/// Reactions on different blocks are only near-duplicates when both have at least this many shingles, so that two
/// short texts such as "Eens met dit punt." on different blocks are not grouped.
const MIN_SHINGLES_ACROSS_BLOCKS: usize = 8;
/// Minimum (mean) TF-IDF cosine for reactions on the same block to be grouped. Rather strict on purpose: on the
/// labelled set, paraphrases of one point and different points on one subject overlap below about 0.25, so lower values
/// mostly add wrong suggestions.
const SAME_BLOCK_COSINE: f32 = 0.25;
/// Reactions with fewer distinct content stems are too short to be compared by wording.
const MIN_STEMS_SAME_BLOCK: usize = 4;
/// At most this many members are used to compute the similarity reported for a group.
const SIMILARITY_SAMPLE: usize = 40;
/// A greeting ends at the first clause break within this many words.
const MAX_SALUTATION_WORDS: usize = 12;
/// A closing phrase is only treated as such when at most this many words follow it (name, address, organisation).
const MAX_SIGNATURE_WORDS: usize = 20;

/// First words of a greeting line.
const SALUTATIONS: &[&str] = &["beste", "geachte", "geacht", "hallo", "hoi", "lieve", "goedemorgen", "goedemiddag", "goedendag"];

/// Closing phrases; the one-word ones only count at the start of a clause.
const CLOSINGS: &[&[&str]] = &[
    &["vriendelijke", "groet"],
    &["vriendelijke", "groeten"],
    &["hartelijke", "groet"],
    &["hartelijke", "groeten"],
    &["hoogachtend"],
    &["mvg"],
    &["groet"],
    &["groeten"],
    &["groetjes"],
];
/// One-word closings that count anywhere, not only at the start of a clause.
const UNAMBIGUOUS_CLOSINGS: &[&str] = &["hoogachtend", "mvg"];

/// Dutch function words, plus words of address that carry no point. Negations ("niet", "geen", "nooit") and
/// "tegen"/"eens" are deliberately kept: they decide which side of an issue a reaction is on.
const STOP_WORDS: &str = "\
    aan al alle alles als alstublieft ben bent bij daar daarom dan dat de deze die dit doen doet door dus echt een eigenlijk \
    en er erg gaan gaat geachte graag had hadden heb hebben heeft heel hem hen het hier hierbij hij hoe hun ik in is je jij \
    jullie kan kon kunnen kunt maar me mee meer men met mij mijn moet moeten mag mogen na naar nog nu of om omdat ons onze \
    ook op over te toch toe tot u uit uw van veel voor want waar was wat we wel werd wie wij wil willen wordt worden zal ze \
    zeer zelf zich zij zijn zo zoals zou zouden zullen";

/// Suggests groups of similar reactions: near-duplicates anywhere in the document first, then reactions on the same
/// block that make the same point. Groups are ordered largest first (ties: smallest first id); a reaction appears in
/// at most one group.
pub fn suggest_groups(reactions: &[Reaction<'_>]) -> Vec<SuggestedGroup> {
    let normaliser = Normaliser::new();
    let features: Vec<Features> = reactions.iter().map(|reaction| normaliser.features(reaction)).collect();

    let near_duplicates = near_duplicate_clusters(&features);
    let mut grouped = vec![false; reactions.len()];
    let mut groups = Vec::new();
    for members in &near_duplicates {
        members.iter().for_each(|&member| grouped[member] = true);
        let similarity = mean_pairwise(members, |a, b| jaccard(&features[a].shingles, &features[b].shingles));
        groups.push(suggested_group(GroupKind::NearDuplicate, members, similarity, reactions));
    }

    // Each near-duplicate cluster counts once in the document frequencies, through its first member.
    let mut units: Vec<usize> = (0..reactions.len()).filter(|&index| !grouped[index]).collect();
    units.extend(near_duplicates.iter().filter_map(|members| members.first().copied()));
    for (members, similarity) in same_block_clusters(&features, &units, &grouped) {
        groups.push(suggested_group(GroupKind::SameBlock, &members, similarity, reactions));
    }

    groups.sort_by(|a, b| b.ids.len().cmp(&a.ids.len()).then_with(|| a.ids.first().cmp(&b.ids.first())));
    groups
}

/// Pairwise precision and recall of suggested groups against true labels (id -> label; a label shared by 2+ ids is a
/// true group, the label "-" means "in no group"). Ids of suggested groups that are missing from `truth` count as
/// belonging to no group.
pub fn evaluate(groups: &[SuggestedGroup], truth: &HashMap<i64, String>) -> Evaluation {
    let true_pairs = pairs_per_label(truth.values().map(String::as_str));
    let suggested_pairs: usize = groups.iter().map(|group| pair_count(group.ids.len())).sum();
    let correct_pairs: usize =
        groups.iter().map(|group| pairs_per_label(group.ids.iter().filter_map(|id| truth.get(id)).map(String::as_str))).sum();
    let ratio = |part: usize, whole: usize| if whole == 0 { 1.0 } else { part as f64 / whole as f64 };
    Evaluation { precision: ratio(correct_pairs, suggested_pairs), recall: ratio(correct_pairs, true_pairs), suggested_pairs, true_pairs }
}

/// Parses the labelled set format: lines `id<TAB>block<TAB>label<TAB>text`, block empty for the whole document,
/// label `-` for "in no group", lines starting with `#` and blank lines ignored. Malformed lines (too few fields, an
/// id or block that is not a number) are skipped.
pub fn parse_labelled_set(tsv: &str) -> Vec<(i64, Option<i64>, String, String)> {
    tsv.lines().filter_map(parse_labelled_line).collect()
}

fn parse_labelled_line(line: &str) -> Option<(i64, Option<i64>, String, String)> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut fields = line.splitn(4, '\t');
    let id = fields.next()?.trim().parse().ok()?;
    let block = match fields.next()?.trim() {
        "" => None,
        block => Some(block.parse().ok()?),
    };
    let label = fields.next()?.trim().to_owned();
    let text = fields.next()?.to_owned();
    Some((id, block, label, text))
}

/// Number of unordered pairs among `n` items.
fn pair_count(n: usize) -> usize {
    n * n.saturating_sub(1) / 2
}

/// Number of pairs of items that share a label other than "-".
fn pairs_per_label<'a>(labels: impl Iterator<Item = &'a str>) -> usize {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    labels.filter(|label| *label != "-").for_each(|label| *counts.entry(label).or_default() += 1);
    counts.values().map(|&count| pair_count(count)).sum()
}

fn suggested_group(kind: GroupKind, members: &[usize], similarity: f32, reactions: &[Reaction<'_>]) -> SuggestedGroup {
    let mut ids: Vec<i64> = members.iter().map(|&member| reactions[member].id).collect();
    ids.sort_unstable();
    SuggestedGroup { kind, ids, similarity: similarity.clamp(0.0, 1.0) }
}

/// Mean of `similarity` over all pairs of (an evenly spread sample of at most [`SIMILARITY_SAMPLE`]) members.
fn mean_pairwise(members: &[usize], similarity: impl Fn(usize, usize) -> f32) -> f32 {
    let sample: Vec<usize> = if members.len() <= SIMILARITY_SAMPLE {
        members.to_vec()
    } else {
        (0..SIMILARITY_SAMPLE).map(|step| members[step * members.len() / SIMILARITY_SAMPLE]).collect()
    };
    let mut total = 0.0;
    for (position, &a) in sample.iter().enumerate() {
        total += sample[position + 1..].iter().map(|&b| similarity(a, b)).sum::<f32>();
    }
    let pairs = pair_count(sample.len());
    if pairs == 0 { 0.0 } else { total / pairs as f32 }
}

// ---------------------------------------------------------------------------------------------------------------------
// Normalisation

/// What grouping needs to know about one reaction.
struct Features {
    block: Option<i64>,
    /// Hashes of the content stems in text order, boilerplate removed.
    stems: Vec<u64>,
    /// Sorted, deduplicated hashes of the word shingles of `stems`.
    shingles: Vec<u64>,
}

/// The words of a text, lower case with diacritics folded, stored in one buffer.
struct Words {
    folded: String,
    /// Byte range of each word in `folded`, and whether a clause break (punctuation or a line break) precedes it.
    spans: Vec<(std::ops::Range<usize>, bool)>,
}

impl Words {
    fn new(text: &str) -> Self {
        let mut words = Words { folded: String::with_capacity(text.len()), spans: Vec::new() };
        let mut start = None;
        let mut starts_clause = true;
        for character in text.chars() {
            if character.is_alphanumeric() {
                start.get_or_insert(words.folded.len());
                if character.is_ascii() {
                    words.folded.push(character.to_ascii_lowercase());
                } else {
                    words.folded.extend(character.to_lowercase().map(fold_diacritic));
                }
                continue;
            }
            if let Some(begin) = start.take() {
                words.spans.push((begin..words.folded.len(), starts_clause));
                starts_clause = false;
            }
            if matches!(character, ',' | '.' | ';' | ':' | '!' | '?' | '\n' | '\r') {
                starts_clause = true;
            }
        }
        if let Some(begin) = start {
            words.spans.push((begin..words.folded.len(), starts_clause));
        }
        words
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn word(&self, index: usize) -> &str {
        self.spans.get(index).and_then(|(range, _)| self.folded.get(range.clone())).unwrap_or("")
    }

    fn starts_clause(&self, index: usize) -> bool {
        self.spans.get(index).is_some_and(|(_, starts_clause)| *starts_clause)
    }
}

/// Turns texts into [`Features`].
struct Normaliser {
    stop_words: HashSet<&'static str, FnvBuildHasher>,
}

impl Normaliser {
    fn new() -> Self {
        Normaliser { stop_words: STOP_WORDS.split_whitespace().collect() }
    }

    fn features(&self, reaction: &Reaction<'_>) -> Features {
        let words = Words::new(reaction.text);
        let stems: Vec<u64> = body_range(&words)
            .map(|index| words.word(index))
            .filter(|word| word.len() >= 2 && !self.stop_words.contains(word))
            .map(stem_hash)
            .collect();
        let shingles = shingles(&stems);
        Features { block: reaction.block, stems, shingles }
    }
}

fn fold_diacritic(character: char) -> char {
    match character {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// Indices of the words without a leading greeting ("Geachte college,") and without a closing phrase plus
/// signature ("Met vriendelijke groet, Jan Jansen, Dorpsstraat 1").
fn body_range(words: &Words) -> std::ops::Range<usize> {
    let start = salutation_end(words);
    start..closing_start(words, start)
}

fn salutation_end(words: &Words) -> usize {
    if words.word(0) == "l" && words.word(1) == "s" {
        return 2;
    }
    if !SALUTATIONS.contains(&words.word(0)) {
        return 0;
    }
    (1..words.len().min(MAX_SALUTATION_WORDS + 1)).find(|&index| words.starts_clause(index)).unwrap_or(1)
}

fn closing_start(words: &Words, start: usize) -> usize {
    let first_possible = words.len().saturating_sub(MAX_SIGNATURE_WORDS + 2).max(start);
    (first_possible..words.len()).find(|&index| is_closing_at(words, index)).unwrap_or(words.len())
}

fn is_closing_at(words: &Words, index: usize) -> bool {
    CLOSINGS.iter().any(|closing| {
        let matches = closing.iter().enumerate().all(|(offset, expected)| words.word(index + offset) == *expected);
        matches && (closing.len() > 1 || words.starts_clause(index) || UNAMBIGUOUS_CLOSINGS.contains(&closing[0]))
    })
}

/// Hash of the stem of a word. Light Dutch stemming strips plural and inflection endings so that
/// "wachtlijsten"/"wachtlijst", "jongeren"/"jongere" and "mantelzorgers"/"mantelzorger" meet. All suffixes are ASCII,
/// so cutting them off always leaves a valid `str`.
fn stem_hash(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let length = bytes.len();
    let (kept, suffix) = if length > 6 && word.ends_with("heden") {
        (&word[..length - 5], "heid")
    } else if length > 6 && word.ends_with("ingen") {
        (&word[..length - 2], "")
    } else if length >= 5 && word.ends_with("en") {
        (undouble(&word[..length - 2]), "")
    } else if length >= 4 && word.ends_with('e') {
        (undouble(&word[..length - 1]), "")
    } else if length >= 5 && word.ends_with('s') && bytes[length - 2] != b's' && !is_vowel(bytes[length - 2]) {
        (&word[..length - 1], "")
    } else {
        (word, "")
    };
    splitmix64(fnv1a(fnv1a(FNV_OFFSET, kept.as_bytes()), suffix.as_bytes()))
}

/// Drops one of a doubled final consonant ("plekk" -> "plek").
fn undouble(word: &str) -> &str {
    match word.as_bytes() {
        [.., _, b, c] if b == c && c.is_ascii_alphabetic() && !is_vowel(*c) => &word[..word.len() - 1],
        _ => word,
    }
}

fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

// ---------------------------------------------------------------------------------------------------------------------
// Hashing (own implementations with fixed constants: stable across runs, platforms and Rust versions)

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME))
}

/// The splitmix64 finaliser: a cheap, well-mixing bijection on `u64`.
fn splitmix64(mut value: u64) -> u64 {
    value = value.wrapping_add(0x9e37_79b9_7f4a_7c15);
    value = (value ^ (value >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value = (value ^ (value >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}

/// FNV-1a as a [`Hasher`](std::hash::Hasher) for the internal hash maps: faster than SipHash on short keys, and no
/// protection against hash flooding is needed for these short-lived maps.
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(FNV_OFFSET)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(self.0, bytes);
    }
}

type FnvBuildHasher = std::hash::BuildHasherDefault<FnvHasher>;

/// Sorted, deduplicated hashes of the word shingles; a text shorter than one shingle is a single shingle.
fn shingles(stems: &[u64]) -> Vec<u64> {
    if stems.is_empty() {
        return Vec::new();
    }
    let mut hashes: Vec<u64> = stems
        .windows(SHINGLE_WORDS.min(stems.len()))
        .map(|window| window.iter().fold(FNV_OFFSET, |hash, &stem| splitmix64(hash ^ stem)))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Exact Jaccard similarity of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
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
    shared as f32 / (a.len() + b.len() - shared) as f32
}

// ---------------------------------------------------------------------------------------------------------------------
// Near-duplicates: MinHash + LSH candidates, exact Jaccard verification, union-find clusters

/// Clusters (member indices ascending, at least two members, in order of first member) of near-duplicate reactions.
fn near_duplicate_clusters(features: &[Features]) -> Vec<Vec<usize>> {
    let hash_functions: Vec<(u64, u64)> =
        (0..MINHASH_LEN as u64).map(|index| (splitmix64(index.wrapping_mul(2) + 1), splitmix64(index.wrapping_mul(2) + 2) | 1)).collect();
    let signatures: Vec<(usize, Vec<u64>)> = features
        .iter()
        .enumerate()
        .filter(|(_, feature)| !feature.shingles.is_empty())
        .map(|(index, feature)| (index, minhash(&feature.shingles, &hash_functions)))
        .collect();

    let mut sets = DisjointSets::new(features.len());
    // Identical texts share a bucket in every band; a bucket with the same members as an earlier one adds nothing.
    let mut linked_buckets: HashSet<u64, FnvBuildHasher> = HashSet::default();
    for band in 0..MINHASH_BANDS {
        let rows = band * MINHASH_ROWS..(band + 1) * MINHASH_ROWS;
        let mut keys: Vec<(u64, usize)> = signatures
            .iter()
            .map(|(index, signature)| {
                (signature[rows.clone()].iter().fold(FNV_OFFSET, |hash, &row| fnv1a(hash, &row.to_le_bytes())), *index)
            })
            .collect();
        keys.sort_unstable();
        for bucket in keys.chunk_by(|a, b| a.0 == b.0).filter(|bucket| bucket.len() > 1) {
            let members = bucket.iter().fold(FNV_OFFSET, |hash, &(_, member)| splitmix64(hash ^ member as u64));
            if linked_buckets.insert(members) {
                link_bucket(bucket, features, &mut sets);
            }
        }
    }
    sets.clusters()
}

/// MinHash signature: per hash function the minimum over all shingles.
fn minhash(shingles: &[u64], hash_functions: &[(u64, u64)]) -> Vec<u64> {
    hash_functions
        .iter()
        .map(|&(seed, multiplier)| {
            shingles
                .iter()
                .map(|&shingle| {
                    let mixed = (shingle ^ seed).wrapping_mul(multiplier);
                    mixed ^ (mixed >> 29)
                })
                .min()
                .unwrap_or(u64::MAX)
        })
        .collect()
}

/// Verifies the candidates of one LSH bucket. Each reaction is compared with one member of every other cluster
/// already seen in the bucket, so a bucket of hundreds of copies of one letter costs a linear number of comparisons.
fn link_bucket(bucket: &[(u64, usize)], features: &[Features], sets: &mut DisjointSets) {
    let mut representatives: Vec<usize> = Vec::new();
    for &(_, reaction) in bucket {
        for &representative in &representatives {
            if sets.find(representative) != sets.find(reaction) && are_near_duplicates(&features[reaction], &features[representative]) {
                sets.union(representative, reaction);
            }
        }
        let root = sets.find(reaction);
        if representatives.iter().all(|&representative| sets.find(representative) != root) {
            representatives.push(reaction);
        }
    }
}

fn are_near_duplicates(a: &Features, b: &Features) -> bool {
    let comparable =
        a.block == b.block || (a.shingles.len() >= MIN_SHINGLES_ACROSS_BLOCKS && b.shingles.len() >= MIN_SHINGLES_ACROSS_BLOCKS);
    comparable && jaccard(&a.shingles, &b.shingles) >= NEAR_DUPLICATE_JACCARD
}

/// Union-find with path halving and union by size.
struct DisjointSets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl DisjointSets {
    fn new(count: usize) -> Self {
        DisjointSets { parent: (0..count).collect(), size: vec![1; count] }
    }

    fn find(&mut self, mut element: usize) -> usize {
        while self.parent[element] != element {
            self.parent[element] = self.parent[self.parent[element]];
            element = self.parent[element];
        }
        element
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }

    /// Sets with at least two elements, each sorted ascending, ordered by their smallest element.
    fn clusters(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for element in 0..self.parent.len() {
            let root = self.find(element);
            by_root.entry(root).or_default().push(element);
        }
        let mut clusters: Vec<Vec<usize>> = by_root.into_values().filter(|members| members.len() >= 2).collect();
        clusters.sort_by_key(|members| members[0]);
        clusters
    }
}

// ---------------------------------------------------------------------------------------------------------------------
// Same block: TF-IDF cosine and average-linkage clustering per block

/// A sparse, L2-normalised vector of (stem hash, weight), sorted by stem hash.
type SparseVector = Vec<(u64, f32)>;

/// Clusters (with their mean pairwise cosine) of ungrouped reactions on the same block. `units` are the reactions
/// that count in the document-wide frequencies; `grouped` marks reactions that are already in a group.
fn same_block_clusters(features: &[Features], units: &[usize], grouped: &[bool]) -> Vec<(Vec<usize>, f32)> {
    let document_frequency = document_frequency(units.iter().map(|&unit| &features[unit]));
    let mut blocks: BTreeMap<Option<i64>, Vec<usize>> = BTreeMap::new();
    for (index, feature) in features.iter().enumerate() {
        if !grouped[index] && distinct(&feature.stems).len() >= MIN_STEMS_SAME_BLOCK {
            blocks.entry(feature.block).or_default().push(index);
        }
    }

    let mut clusters = Vec::new();
    for members in blocks.values().filter(|members| members.len() >= 2) {
        let vectors = block_vectors(members.iter().map(|&member| &features[member]), &document_frequency, units.len());
        for cluster in average_linkage(&vectors, SAME_BLOCK_COSINE) {
            let similarity = mean_pairwise(&cluster, |a, b| cosine(&vectors[a], &vectors[b]));
            clusters.push((cluster.iter().map(|&position| members[position]).collect(), similarity));
        }
    }
    clusters
}

/// Sorted, deduplicated copy of `values`.
fn distinct(values: &[u64]) -> Vec<u64> {
    let mut values = values.to_vec();
    values.sort_unstable();
    values.dedup();
    values
}

/// Number of reactions each stem occurs in.
fn document_frequency<'a>(reactions: impl Iterator<Item = &'a Features>) -> HashMap<u64, u32, FnvBuildHasher> {
    let mut frequency: HashMap<u64, u32, FnvBuildHasher> = HashMap::default();
    reactions.flat_map(|reaction| distinct(&reaction.stems)).for_each(|stem| *frequency.entry(stem).or_default() += 1);
    frequency
}

/// TF-IDF vectors of the reactions of one block. A stem's weight is `(1 + ln tf) * idf(document) * idf(block)`, so
/// that the words that most reactions on a block use (its subject) count less than the words that make a point.
fn block_vectors<'a>(
    members: impl Iterator<Item = &'a Features>,
    document_frequency: &HashMap<u64, u32, FnvBuildHasher>,
    documents: usize,
) -> Vec<SparseVector> {
    let counts: Vec<Vec<(u64, u32)>> = members.map(|member| stem_counts(&member.stems)).collect();
    let mut block_frequency: HashMap<u64, u32, FnvBuildHasher> = HashMap::default();
    counts.iter().flatten().for_each(|&(stem, _)| *block_frequency.entry(stem).or_default() += 1);
    let idf = |stem: u64| {
        let in_document = document_frequency.get(&stem).copied().unwrap_or(0);
        let in_block = block_frequency.get(&stem).copied().unwrap_or(0);
        smooth_idf(documents, in_document) * smooth_idf(counts.len(), in_block)
    };
    counts
        .iter()
        .map(|stems| normalised(stems.iter().map(|&(stem, count)| (stem, (1.0 + (count as f32).ln()) * idf(stem))).collect()))
        .collect()
}

/// (stem, count), sorted by stem.
fn stem_counts(stems: &[u64]) -> Vec<(u64, u32)> {
    let mut sorted = stems.to_vec();
    sorted.sort_unstable();
    let mut counts: Vec<(u64, u32)> = Vec::new();
    for stem in sorted {
        match counts.last_mut() {
            Some((last, count)) if *last == stem => *count += 1,
            _ => counts.push((stem, 1)),
        }
    }
    counts
}

/// Smoothed inverse document frequency, always positive.
fn smooth_idf(documents: usize, frequency: u32) -> f32 {
    ((1.0 + documents as f32) / (1.0 + frequency as f32)).ln() + 1.0
}

fn normalised(mut vector: SparseVector) -> SparseVector {
    let norm = vector.iter().map(|(_, weight)| weight * weight).sum::<f32>().sqrt();
    if norm > 0.0 {
        vector.iter_mut().for_each(|(_, weight)| *weight /= norm);
    }
    vector
}

/// Cosine of two normalised sparse vectors.
fn cosine(a: &SparseVector, b: &SparseVector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// All pairs `(cosine, a, b)` with `a < b` and cosine at or above `threshold`. Dot products are accumulated through an
/// inverted index, so pairs without a shared stem cost nothing.
fn similar_pairs(vectors: &[SparseVector], threshold: f32) -> Vec<(f32, usize, usize)> {
    let mut postings: HashMap<u64, Vec<(usize, f32)>, FnvBuildHasher> = HashMap::default();
    for (position, vector) in vectors.iter().enumerate() {
        vector.iter().for_each(|&(stem, weight)| postings.entry(stem).or_default().push((position, weight)));
    }
    let mut pairs = Vec::new();
    let mut dot = vec![0.0f32; vectors.len()];
    for (a, vector) in vectors.iter().enumerate() {
        for (stem, weight) in vector {
            let posting = postings.get(stem).map_or(&[][..], Vec::as_slice);
            let later = posting.partition_point(|&(position, _)| position <= a);
            posting[later..].iter().for_each(|&(b, other)| dot[b] += weight * other);
        }
        for (b, similarity) in dot.iter_mut().enumerate().skip(a + 1) {
            if *similarity >= threshold {
                pairs.push((*similarity, a, b));
            }
            *similarity = 0.0;
        }
    }
    pairs
}

/// Average-linkage clustering: pairs at or above `threshold` are visited from most to least similar, and the clusters
/// of a pair are merged only when the mean similarity over all their cross pairs is at or above `threshold` too.
/// Returns clusters of at least two positions, each sorted ascending.
fn average_linkage(vectors: &[SparseVector], threshold: f32) -> Vec<Vec<usize>> {
    let mut edges = similar_pairs(vectors, threshold);
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| (x.1, x.2).cmp(&(y.1, y.2))));

    let mut cluster_of: Vec<usize> = (0..vectors.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..vectors.len()).map(|position| vec![position]).collect();
    for (_, a, b) in edges {
        let (mut keep, mut absorb) = (cluster_of[a], cluster_of[b]);
        if keep == absorb {
            continue;
        }
        let cross: f32 = members[keep]
            .iter()
            .flat_map(|&x| members[absorb].iter().map(move |&y| (x, y)))
            .map(|(x, y)| cosine(&vectors[x], &vectors[y]))
            .sum();
        let cross_pairs = (members[keep].len() * members[absorb].len()) as f32;
        if cross / cross_pairs < threshold {
            continue;
        }
        if members[keep].len() < members[absorb].len() {
            std::mem::swap(&mut keep, &mut absorb);
        }
        let moved = std::mem::take(&mut members[absorb]);
        moved.iter().for_each(|&position| cluster_of[position] = keep);
        members[keep].extend(moved);
    }
    members
        .into_iter()
        .filter(|cluster| cluster.len() >= 2)
        .map(|mut cluster| {
            cluster.sort_unstable();
            cluster
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LETTER: &str = "Geachte college, met deze brief reageer ik op de regiovisie. Ik maak mij grote zorgen over het voorstel om de \
        nachtopvang voor dak- en thuislozen te concentreren in de centrumgemeente. Mensen die op straat leven hebben hun netwerk, \
        hun huisarts en hun vrijwilligers juist in hun eigen dorp. Ik vraag u daarom om in iedere gemeente een kleinschalige \
        nachtopvang te behouden. Met vriendelijke groet, Annelies de Boer";

    fn reaction(id: i64, block: Option<i64>, text: &str) -> Reaction<'_> {
        Reaction { id, block, text }
    }

    #[test]
    fn empty_input_gives_no_groups() {
        assert!(suggest_groups(&[]).is_empty());
        let empty = [reaction(1, None, ""), reaction(2, None, ""), reaction(3, Some(1), "  ,. ")];
        assert!(suggest_groups(&empty).is_empty());
    }

    #[test]
    fn identical_texts_group() {
        let groups =
            suggest_groups(&[reaction(1, None, LETTER), reaction(2, Some(4), LETTER), reaction(3, None, "Iets heel anders over vervoer.")]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].kind, GroupKind::NearDuplicate);
        assert_eq!(groups[0].ids, vec![1, 2]);
        assert!((groups[0].similarity - 1.0).abs() < 1e-6);
    }

    #[test]
    fn campaign_letter_with_changed_name_and_added_sentence_groups() {
        let edited = LETTER.replace("Annelies de Boer", "Kees Jansen").replace(
            "juist in hun eigen dorp.",
            "juist in hun eigen dorp. Mijn broer heeft zelf een jaar op straat geleefd en had daar veel aan de inloop.",
        );
        let groups = suggest_groups(&[reaction(7, None, LETTER), reaction(3, None, &edited)]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].kind, GroupKind::NearDuplicate);
        assert_eq!(groups[0].ids, vec![3, 7]);
    }

    #[test]
    fn boilerplate_only_overlap_does_not_group() {
        let a = "Geachte college van burgemeester en wethouders, de regiotaxi moet ook rolstoelen van meer dan 150 kilo kunnen \
            vervoeren. Met vriendelijke groet, Annelies de Boer, Dorpsstraat 12, Leusden";
        let b = "Geachte college van burgemeester en wethouders, ik mis aandacht voor jonge mantelzorgers op school. \
            Met vriendelijke groet, Annelies de Boer, Dorpsstraat 12, Leusden";
        assert!(suggest_groups(&[reaction(1, Some(8), a), reaction(2, Some(8), b)]).is_empty());
    }

    #[test]
    fn same_point_on_different_blocks_is_not_a_same_block_group() {
        let a = "De wachttijden in de ggz zijn veel te lang, mensen krijgen maandenlang geen hulp tijdens het wachten.";
        let b = "Mensen wachten maandenlang op hulp van de ggz, de wachttijden zijn veel te lang.";
        assert!(suggest_groups(&[reaction(1, Some(7), a), reaction(2, Some(3), b)]).is_empty());
        let same_block = suggest_groups(&[reaction(1, Some(7), a), reaction(2, Some(7), b)]);
        assert_eq!(same_block.len(), 1);
        assert_eq!(same_block[0].kind, GroupKind::SameBlock);
    }

    #[test]
    fn stemming_joins_inflections() {
        assert_eq!(stem_hash("wachtlijsten"), stem_hash("wachtlijst"));
        assert_eq!(stem_hash("jongeren"), stem_hash("jongere"));
        assert_eq!(stem_hash("mantelzorgers"), stem_hash("mantelzorger"));
        assert_eq!(stem_hash("plekken"), stem_hash("plek"));
        assert_eq!(stem_hash("mogelijkheden"), stem_hash("mogelijkheid"));
        assert_ne!(stem_hash("huis"), stem_hash("hui"));
    }

    #[test]
    fn greeting_and_signature_are_ignored() {
        let bare = Normaliser::new().features(&reaction(1, None, "De regiotaxi moet op tijd komen."));
        let letter = Normaliser::new().features(&reaction(
            2,
            None,
            "Geachte leden van de gemeenteraad,\nDe regiotaxi moet op tijd komen.\nMet vriendelijke groet,\nJan Jansen\nDorpsstraat 1",
        ));
        assert_eq!(bare.stems, letter.stems);
    }

    #[test]
    fn short_identical_reactions_on_different_blocks_do_not_group() {
        assert!(suggest_groups(&[reaction(1, Some(4), "Eens met dit punt."), reaction(2, Some(11), "Eens met dit punt.")]).is_empty());
    }

    #[test]
    fn reaction_appears_in_at_most_one_group() {
        let set = labelled_reactions();
        let reactions: Vec<Reaction<'_>> = set.iter().map(|(id, block, _, text)| reaction(*id, *block, text)).collect();
        let groups = suggest_groups(&reactions);
        let mut seen = HashSet::new();
        for group in &groups {
            assert!(group.ids.len() >= 2);
            assert!(group.ids.windows(2).all(|pair| pair[0] < pair[1]));
            assert!((0.0..=1.0).contains(&group.similarity));
            assert!(group.ids.iter().all(|id| seen.insert(*id)), "id in two groups");
        }
        assert!(groups.windows(2).all(
            |pair| pair[0].ids.len() > pair[1].ids.len() || (pair[0].ids.len() == pair[1].ids.len() && pair[0].ids[0] < pair[1].ids[0])
        ));
    }

    #[test]
    fn output_is_deterministic() {
        let set = labelled_reactions();
        let reactions: Vec<Reaction<'_>> = set.iter().map(|(id, block, _, text)| reaction(*id, *block, text)).collect();
        assert_eq!(suggest_groups(&reactions), suggest_groups(&reactions));
    }

    #[test]
    fn evaluate_counts_pairs() {
        let truth: HashMap<i64, String> =
            [(1, "a"), (2, "a"), (3, "a"), (4, "-"), (5, "-")].into_iter().map(|(id, label)| (id, label.to_owned())).collect();
        let groups = [SuggestedGroup { kind: GroupKind::NearDuplicate, ids: vec![1, 2, 4], similarity: 0.8 }];
        let evaluation = evaluate(&groups, &truth);
        assert_eq!((evaluation.suggested_pairs, evaluation.true_pairs), (3, 3));
        assert!((evaluation.precision - 1.0 / 3.0).abs() < 1e-9);
        assert!((evaluation.recall - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn parse_skips_comments_and_malformed_lines() {
        let parsed = parse_labelled_set("# comment\n1\t\t-\tEens.\r\n2\t5\tx\ttekst\tmet tab\nbad line\nx\t1\t-\tt\n\n");
        assert_eq!(parsed, vec![(1, None, "-".to_owned(), "Eens.".to_owned()), (2, Some(5), "x".to_owned(), "tekst\tmet tab".to_owned())]);
    }

    fn labelled_reactions() -> Vec<(i64, Option<i64>, String, String)> {
        parse_labelled_set(include_str!("../../testdata/grouping.tsv"))
    }

    #[test]
    fn labelled_set_precision() {
        let set = labelled_reactions();
        assert!(set.len() >= 100);
        let reactions: Vec<Reaction<'_>> = set.iter().map(|(id, block, _, text)| reaction(*id, *block, text)).collect();
        let truth: HashMap<i64, String> = set.iter().map(|(id, _, label, _)| (*id, label.clone())).collect();
        let groups = suggest_groups(&reactions);
        let evaluation = evaluate(&groups, &truth);
        println!(
            "grouping precision {:.3} recall {:.3} (pairs suggested {}, true {})",
            evaluation.precision, evaluation.recall, evaluation.suggested_pairs, evaluation.true_pairs
        );
        assert!(evaluation.precision >= 0.9);
        assert!(evaluation.recall >= 0.6);
    }
}
