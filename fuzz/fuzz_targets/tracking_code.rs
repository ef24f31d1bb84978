//! Tracking codes as residents type them: `inspraak_fuzzing::tracking_code` (fuzzing/src) says what is checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| inspraak_fuzzing::tracking_code(data));
