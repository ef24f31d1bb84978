//! A short fuzz run of every target, in every test run: the seed corpus (the shared fixtures,
//! `fuzz/seeds/TARGET`, and any crash inputs left in `fuzz/artifacts/TARGET` by earlier runs),
//! then mutations of it, bounded by a number of inputs and a time. `scripts/fuzz` runs the same
//! targets coverage-guided for millions of inputs.
//!
//! `INSPRAAK_FUZZ_INPUTS` sets the number of mutated inputs per target (default: per target,
//! below), `INSPRAAK_FUZZ_SECONDS` the time per target (default 40), `INSPRAAK_FUZZ_SEED` the
//! random seed (default: a fixed one, so that a failure repeats). A crash is written to
//! `fuzz/artifacts/TARGET/short-run-crash-N` and fails the test with the panic's message.

use std::path::{Path, PathBuf};
use std::time::Duration;

use inspraak_fuzzing::TARGETS;
use inspraak_fuzzing::short_run::{Limits, parse_dictionary, run};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace").to_path_buf()
}

fn files_in(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file() && keep(p)).collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

/// Target, default mutated inputs, longest input (as scripts/fuzz), dictionary, fixtures as seeds.
const PLAN: [(&str, u64, usize, &str, bool); 6] = [
    ("import_markdown", 3_000, 65_536, "markdown", true),
    ("import_text", 3_000, 65_536, "text", true),
    ("import_word", 3_000, 16_384, "word", false),
    ("meeting_report", 20_000, 16_384, "meeting_report", true),
    ("tracking_code", 200_000, 256, "tracking_code", false),
    ("form_decoders", 50_000, 4_096, "form_decoders", false),
];

fn short_run(name: &str) {
    let (_, default_inputs, max_len, dict, fixtures) = PLAN.iter().find(|p| p.0 == name).copied().expect("a planned target");
    let target = TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f).expect("a known target");
    let root = root();
    let mut seeds = Vec::new();
    if fixtures {
        let dir = root.join("../shared/fixtures");
        seeds.extend(files_in(&dir, |p| p.extension().is_some_and(|e| e == "md" || e == "txt")));
        assert!(!seeds.is_empty(), "the fixtures in {} are the seeds", dir.display());
    }
    seeds.extend(files_in(&root.join("fuzz/seeds").join(name), |_| true));
    let artifacts = root.join("fuzz/artifacts").join(name);
    seeds.extend(files_in(&artifacts, |_| true));
    let dictionary = parse_dictionary(&std::fs::read_to_string(root.join(format!("fuzz/dicts/{dict}.dict"))).expect("the dictionary"));
    assert!(!dictionary.is_empty(), "the {dict} dictionary has tokens");
    let limits = Limits {
        inputs: env_number("INSPRAAK_FUZZ_INPUTS").unwrap_or(default_inputs),
        max_len,
        time: Duration::from_secs(env_number("INSPRAAK_FUZZ_SECONDS").unwrap_or(40)),
        seed: env_number("INSPRAAK_FUZZ_SEED").unwrap_or(20261203),
    };
    match run(target, &seeds, &dictionary, limits) {
        Ok(report) => {
            println!("{name}: {} inputs in {:.1} s ({} seeds), no crash", report.inputs, report.elapsed.as_secs_f64(), seeds.len());
            assert!(report.inputs as usize > seeds.len(), "{name}: mutated inputs ran too");
        }
        Err(crash) => {
            let _ = std::fs::create_dir_all(&artifacts);
            let file = artifacts.join(format!("short-run-crash-{}", crash.input.len()));
            let saved = std::fs::write(&file, &crash.input).is_ok();
            panic!(
                "{name} panicked on a {}-byte input: {}\n{}",
                crash.input.len(),
                crash.message,
                if saved { format!("input saved to {}", file.display()) } else { "the input could not be saved".into() }
            );
        }
    }
}

#[test]
fn import_markdown() {
    short_run("import_markdown");
}

#[test]
fn import_text() {
    short_run("import_text");
}

#[test]
fn import_word() {
    short_run("import_word");
}

#[test]
fn meeting_report() {
    short_run("meeting_report");
}

#[test]
fn tracking_code() {
    short_run("tracking_code");
}

#[test]
fn form_decoders() {
    short_run("form_decoders");
}
