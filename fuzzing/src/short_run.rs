//! A short fuzz run on stable Rust: the seeds, then inputs made by mutating them (bit flips,
//! inserted and deleted bytes, dictionary tokens, pieces of other seeds), fed to a target one by
//! one. It is not coverage-guided like libFuzzer: it finds what lies a few edits away from the
//! seeds, which is where a regression usually is, in seconds and in every test run.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// How long and how wide one run is.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Mutated inputs after the seeds.
    pub inputs: u64,
    /// The longest input, in bytes (longer seeds are cut).
    pub max_len: usize,
    /// The run stops early, with what it did, when this time is up.
    pub time: Duration,
    /// The random generator's seed: the same seed gives the same inputs.
    pub seed: u64,
}

/// What a run did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Report {
    /// Inputs fed to the target, seeds included.
    pub inputs: u64,
    pub elapsed: Duration,
}

/// The input that made the target panic, and the panic's message.
#[derive(Clone, Debug)]
pub struct Crash {
    pub input: Vec<u8>,
    pub message: String,
}

/// Runs `target` on every seed and then on `limits.inputs` mutations of them.
pub fn run(target: fn(&[u8]), seeds: &[Vec<u8>], dictionary: &[Vec<u8>], limits: Limits) -> Result<Report, Crash> {
    let start = Instant::now();
    let mut pool: Vec<Vec<u8>> = seeds.iter().map(|s| s[..s.len().min(limits.max_len)].to_vec()).collect();
    if pool.is_empty() {
        pool.push(Vec::new());
    }
    let seed_count = pool.len();
    let mut fed = 0u64;
    for input in pool.clone() {
        feed(target, &input)?;
        fed += 1;
    }
    let mut rng = Rng::new(limits.seed);
    for _ in 0..limits.inputs {
        if start.elapsed() >= limits.time {
            break;
        }
        let mut input = pool[rng.below(pool.len())].clone();
        for _ in 0..=rng.below(4) {
            mutate(&mut input, &pool, dictionary, &mut rng);
        }
        input.truncate(limits.max_len);
        feed(target, &input)?;
        fed += 1;
        // Some inputs become parents, so that edits can pile up; the pool stays small.
        if rng.below(8) == 0 {
            if pool.len() < seed_count + 256 {
                pool.push(input);
            } else {
                let slot = seed_count + rng.below(256);
                pool[slot] = input;
            }
        }
    }
    Ok(Report { inputs: fed, elapsed: start.elapsed() })
}

fn feed(target: fn(&[u8]), input: &[u8]) -> Result<(), Crash> {
    catch_unwind(AssertUnwindSafe(|| target(input))).map_err(|panic| Crash {
        input: input.to_vec(),
        message: panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic without a message".into()),
    })
}

/// Bytes that often matter to parsers: ends of ranges, line breaks, markup and escapes.
const INTERESTING: &[u8] = b"\x00\x01\x7f\x80\xff\n\r\t <>&#%;=[]*-_.:/\\\"'`|~@";

fn mutate(input: &mut Vec<u8>, pool: &[Vec<u8>], dictionary: &[Vec<u8>], rng: &mut Rng) {
    let len = input.len();
    match rng.below(10) {
        0 if len > 0 => {
            let at = rng.below(len);
            input[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let at = rng.below(len);
            input[at] = if rng.below(2) == 0 { INTERESTING[rng.below(INTERESTING.len())] } else { rng.byte() };
        }
        2 => {
            let at = rng.below(len + 1);
            let bytes: Vec<u8> = (0..1 + rng.below(8)).map(|_| rng.byte()).collect();
            input.splice(at..at, bytes);
        }
        3 if len > 0 => {
            let at = rng.below(len);
            let end = (at + 1 + rng.below(32)).min(len);
            input.drain(at..end);
        }
        4 if len > 0 => {
            let at = rng.below(len);
            let end = (at + 1 + rng.below(64)).min(len);
            let piece = input[at..end].to_vec();
            let to = rng.below(len + 1);
            input.splice(to..to, piece);
        }
        5 | 6 if !dictionary.is_empty() => {
            let token = &dictionary[rng.below(dictionary.len())];
            let at = rng.below(len + 1);
            if rng.below(2) == 0 || at + token.len() > len {
                input.splice(at..at, token.iter().copied());
            } else {
                input[at..at + token.len()].copy_from_slice(token);
            }
        }
        7 => {
            // Splice: this input's head, another's tail.
            let other = &pool[rng.below(pool.len())];
            let cut = rng.below(len + 1);
            let from = rng.below(other.len() + 1);
            input.truncate(cut);
            input.extend_from_slice(&other[from..]);
        }
        8 if len > 0 => input.truncate(rng.below(len)),
        _ => {
            // A piece of another input, inserted.
            let other = &pool[rng.below(pool.len())];
            if !other.is_empty() {
                let at = rng.below(other.len());
                let end = (at + 1 + rng.below(256)).min(other.len());
                let to = rng.below(len + 1);
                input.splice(to..to, other[at..end].iter().copied());
            }
        }
    }
}

/// Tokens from a libFuzzer dictionary: one quoted string per line (optionally `name=` before
/// it), with `\\`, `\"` and `\xNN` escapes; `#` starts a comment.
pub fn parse_dictionary(text: &str) -> Vec<Vec<u8>> {
    text.lines()
        .filter_map(|line| {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                return None;
            }
            let quoted = &line[line.find('"')? + 1..line.rfind('"')?];
            let mut token = Vec::new();
            let mut bytes = quoted.bytes();
            while let Some(b) = bytes.next() {
                if b != b'\\' {
                    token.push(b);
                    continue;
                }
                match bytes.next() {
                    Some(b'x') => {
                        let hex: Vec<u8> = bytes.by_ref().take(2).collect();
                        let value = std::str::from_utf8(&hex).ok().and_then(|h| u8::from_str_radix(h, 16).ok())?;
                        token.push(value);
                    }
                    Some(other) => token.push(other),
                    None => token.push(b'\\'),
                }
            }
            Some(token)
        })
        .collect()
}

/// xorshift64*: small, fast and the same everywhere, which is all a mutator needs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(inputs: u64) -> Limits {
        Limits { inputs, max_len: 64, time: Duration::from_secs(60), seed: 7 }
    }

    #[test]
    fn dictionary_lines_are_read_with_their_escapes() {
        let dict = parse_dictionary("# comment\n\"# \"\nheading=\"## \\\"x\\\"\"\n\"\\x00\\xff\\\\\"\n\n");
        assert_eq!(dict, vec![b"# ".to_vec(), b"## \"x\"".to_vec(), vec![0, 0xff, b'\\']]);
    }

    #[test]
    fn a_run_feeds_the_seeds_and_the_mutations_and_stays_within_max_len() {
        fn short(data: &[u8]) {
            assert!(data.len() <= 64);
        }
        let report = run(short, &[vec![b'a'; 100], b"seed".to_vec()], &[b"token".to_vec()], limits(1000)).expect("no crash");
        assert_eq!(report.inputs, 1002);
    }

    #[test]
    fn a_panic_is_reported_with_the_input_that_caused_it() {
        fn picky(data: &[u8]) {
            assert!(!data.contains(&b'!'), "an exclamation mark");
        }
        let crash = run(picky, &[b"hello".to_vec()], &[b"!".to_vec()], limits(100_000)).expect_err("the mutator finds the '!'");
        assert!(crash.input.contains(&b'!'));
        assert!(crash.message.contains("an exclamation mark"), "{}", crash.message);
    }

    #[test]
    fn the_same_seed_gives_the_same_inputs() {
        use std::sync::Mutex;
        static SEEN: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
        fn record(data: &[u8]) {
            SEEN.lock().unwrap().push(data.to_vec());
        }
        let _ = run(record, &[b"abc".to_vec()], &[], limits(50));
        let first = std::mem::take(&mut *SEEN.lock().unwrap());
        let _ = run(record, &[b"abc".to_vec()], &[], limits(50));
        assert_eq!(first, *SEEN.lock().unwrap());
    }
}
