//! A Word draft upload: `inspraak_fuzzing::import_word` (fuzzing/src) says what is checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| inspraak_fuzzing::import_word(data));
