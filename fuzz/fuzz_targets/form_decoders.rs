//! Every form and query string the server decodes: `inspraak_fuzzing::form_decoders` (fuzzing/src) says what is checked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| inspraak_fuzzing::form_decoders(data));
