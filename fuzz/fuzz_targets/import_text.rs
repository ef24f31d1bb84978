//! A plain-text draft upload: `inspraak_fuzzing::import_text` (fuzzing/src) says what is checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| inspraak_fuzzing::import_text(data));
