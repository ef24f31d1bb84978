//! An officer's pasted meeting report: `inspraak_fuzzing::meeting_report` (fuzzing/src) says what is checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| inspraak_fuzzing::meeting_report(data));
