//! Ground-truth benchmark: revises a Markdown document with seeded edit
//! scripts at light, medium and heavy rates, maps 10,000 comments and prints
//! a Markdown table.
//!
//! Usage: `ground_truth FILE.md [--seeds N] [--comments N] [--details]`

use std::time::{Duration, Instant};

use inspraak_matching::markdown::blocks_from_markdown;
use inspraak_matching::simulate::{EditRates, Score, is_right, revise, score, spread_comments};
use inspraak_matching::{Block, CONFIDENT, VersionMapping, match_versions};

struct Args {
    path: String,
    seeds: u64,
    comments: usize,
    details: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { path: String::new(), seeds: 1, comments: 10_000, details: false };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seeds" => args.seeds = number(it.next())?,
            "--comments" => args.comments = number(it.next())?,
            "--details" => args.details = true,
            _ => args.path = arg,
        }
    }
    if args.path.is_empty() {
        return Err("usage: ground_truth FILE.md [--seeds N] [--comments N] [--details]".into());
    }
    Ok(args)
}

fn number<T: std::str::FromStr>(value: Option<String>) -> Result<T, String> {
    value.and_then(|v| v.parse().ok()).ok_or_else(|| "expected a number".to_string())
}

fn main() -> Result<(), String> {
    let args = parse_args()?;
    let text = std::fs::read_to_string(&args.path).map_err(|e| format!("{}: {e}", args.path))?;
    let old = blocks_from_markdown(&text);
    println!("Document: {} ({} blocks: {})", args.path, old.len(), kinds(&old));
    println!("Threshold CONFIDENT = {CONFIDENT}; {} comments per run; {} seed(s)\n", args.comments, args.seeds);
    println!(
        "| rate | blocks old→new | precision | recall (all) | recall (surviving) | review list per run: comments / old blocks | wrong ≥ threshold (all runs) | precision incl. low | max conf. of wrong |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for rates in [EditRates::light(), EditRates::medium(), EditRates::heavy()] {
        run_rate(&old, &rates, &args);
    }
    timing(&old, args.comments);
    timing(&old[..old.len().min(250)], args.comments);
    Ok(())
}

/// Count of blocks per kind, e.g. "Paragraph 120, TableRow 70".
fn kinds(blocks: &[Block]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for b in blocks {
        let name = format!("{:?}", b.kind);
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.iter().map(|(n, c)| format!("{n} {c}")).collect::<Vec<_>>().join(", ")
}

fn run_rate(old: &[Block], rates: &EditRates, args: &Args) {
    let mut total = Score::default();
    let mut new_len = 0;
    let mut worst_wrong: f64 = 0.0;
    for seed in 0..args.seeds {
        let revision = revise(old, rates, 1000 + seed);
        let mapping = match_versions(old, &revision.blocks);
        let comments = spread_comments(old.len(), args.comments, 7 + seed);
        add(&mut total, &score(&mapping, &revision.truth, &comments));
        new_len = revision.blocks.len();
        worst_wrong = worst_wrong.max(highest_wrong(&mapping, &revision.truth));
        if args.details {
            details(old, &revision.blocks, &mapping, &revision.truth);
        }
    }
    println!(
        "| {} | {}→{} | {:.4} | {:.4} | {:.4} | {:.0} / {:.0} | {} | {:.4} | {:.3} |",
        rates.name,
        old.len(),
        new_len,
        total.precision(),
        total.recall(),
        total.recall_surviving(),
        total.review_comments() as f64 / args.seeds as f64,
        total.review_blocks as f64 / args.seeds as f64,
        total.wrong,
        total.precision_with_low(),
        worst_wrong,
    );
}

/// The highest confidence of any wrong non-empty mapping (0 if none).
fn highest_wrong(mapping: &VersionMapping, truth: &[Vec<usize>]) -> f64 {
    (0..truth.len())
        .filter(|&i| !mapping.targets_of(i).is_empty() && !is_right(mapping, truth, i))
        .filter_map(|i| mapping.match_of_old(i).map(|m| m.confidence))
        .fold(0.0, f64::max)
}

fn add(total: &mut Score, s: &Score) {
    total.comments += s.comments;
    total.surviving += s.surviving;
    total.mapped += s.mapped;
    total.correct += s.correct;
    total.wrong += s.wrong;
    total.low += s.low;
    total.low_correct += s.low_correct;
    total.removed += s.removed;
    total.removed_correct += s.removed_correct;
    total.review_blocks += s.review_blocks;
    total.wrong_blocks += s.wrong_blocks;
}

/// Prints every wrong or low-confidence mapping with its evidence.
fn details(old: &[Block], new: &[Block], mapping: &VersionMapping, truth: &[Vec<usize>]) {
    for (i, block) in old.iter().enumerate() {
        let Some(m) = mapping.match_of_old(i) else {
            continue;
        };
        let right = is_right(mapping, truth, i);
        let removed_ok = m.new.is_empty() && truth[i].is_empty();
        if (right && m.confidence >= CONFIDENT) || removed_ok {
            continue;
        }
        let e = &m.evidence;
        eprintln!(
            "{} old {i} -> {:?} (truth {:?}) {:?} conf {:.3} q {:.2} ctx {:.2} ord {} nb {} adj {} margin {:.3} words {}\n   old: {}\n   new: {}",
            if right {
                "LOW  "
            } else if m.new.is_empty() {
                "MISS "
            } else {
                "WRONG"
            },
            m.new,
            truth[i],
            m.change,
            m.confidence,
            e.quote,
            e.context,
            e.in_order,
            e.neighbours,
            e.adjacent,
            e.margin,
            e.words,
            clip(&block.text),
            m.new.first().map_or(String::new(), |&j| clip(&new[j].text)),
        );
    }
}

fn clip(text: &str) -> String {
    text.chars().take(90).collect()
}

/// Times matching a medium revision plus assigning all comments.
fn timing(old: &[Block], comments: usize) {
    let revision = revise(old, &EditRates::medium(), 1000);
    let spread = spread_comments(old.len(), comments, 7);
    let mut runs: Vec<Duration> = (0..20)
        .map(|_| {
            let start = Instant::now();
            let mapping = match_versions(old, &revision.blocks);
            let assigned: usize = spread.iter().map(|&i| mapping.targets_of(i).len()).sum();
            std::hint::black_box(assigned);
            start.elapsed()
        })
        .collect();
    runs.sort();
    println!(
        "\nTiming (medium, {} → {} blocks, {comments} comments, match + assign, 20 runs): median {:.2} ms, max {:.2} ms",
        old.len(),
        revision.blocks.len(),
        runs[runs.len() / 2].as_secs_f64() * 1e3,
        runs[runs.len() - 1].as_secs_f64() * 1e3,
    );
}
