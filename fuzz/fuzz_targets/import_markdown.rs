//! A Markdown draft upload, and the same text as an officer's answer: `inspraak_fuzzing::import_markdown` (fuzzing/src) says what is checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| inspraak_fuzzing::import_markdown(data));
