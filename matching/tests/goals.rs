//! Regression guard: the benchmark goals on a synthetic document.

use inspraak_matching::match_versions;
use inspraak_matching::simulate::{EditRates, Score, revise, score, spread_comments, synthetic_document};

/// Scores `runs` seeded revisions of a synthetic document at `rates`.
fn measure(rates: &EditRates, runs: u64) -> Score {
    let mut total = Score::default();
    for seed in 0..runs {
        let old = synthetic_document(150, 40 + seed);
        let revision = revise(&old, rates, 500 + seed);
        let mapping = match_versions(&old, &revision.blocks);
        let comments = spread_comments(old.len(), 2_000, 90 + seed);
        let s = score(&mapping, &revision.truth, &comments);
        total.comments += s.comments;
        total.surviving += s.surviving;
        total.mapped += s.mapped;
        total.correct += s.correct;
        total.wrong += s.wrong;
    }
    eprintln!("{}: precision {:.4}, recall {:.4}, wrong {}", rates.name, total.precision(), total.recall(), total.wrong);
    total
}

#[test]
fn medium_rate_meets_precision_and_recall_goals() {
    let s = measure(&EditRates::medium(), 4);
    assert!(s.precision() >= 0.99, "precision {:.4}", s.precision());
    assert!(s.recall() >= 0.95, "recall {:.4}", s.recall());
    assert_eq!(s.wrong, 0, "wrong mappings above the threshold");
}

#[test]
fn no_wrong_confident_mapping_at_any_rate() {
    for rates in [EditRates::light(), EditRates::medium(), EditRates::heavy()] {
        let s = measure(&rates, 3);
        assert_eq!(s.wrong, 0, "{}: wrong mappings above the threshold", rates.name);
        assert!(s.mapped > s.comments / 2, "{}: too little mapped ({:?})", rates.name, s);
    }
}

#[test]
fn generator_truth_is_consistent() {
    let old = synthetic_document(60, 1);
    let revision = revise(&old, &EditRates::heavy(), 2);
    let mut seen = vec![false; revision.blocks.len()];
    for targets in &revision.truth {
        for &j in targets {
            assert!(j < revision.blocks.len());
            seen[j] = true;
        }
    }
    let inserted = seen.iter().filter(|s| !**s).count();
    assert!(inserted > 0, "heavy revisions insert blocks");
    assert!(revision.truth.iter().any(|t| t.is_empty()), "heavy revisions delete blocks");
    assert!(revision.truth.iter().any(|t| t.len() == 2), "heavy revisions split blocks");
}
