//! Tracking codes as residents type them: `TrackingCode::parse` must never panic, and a parsed
//! code must be canonical ("ABCDE-FGHJK") and parse back to itself from `as_str()`/`to_string()`.
//! Codes built by `from_symbols` (any ten bytes) must parse back to themselves too.
#![no_main]

use app::domain::tracking::{ALPHABET, CODE_SYMBOLS, TrackingCode};
use libfuzzer_sys::fuzz_target;

fn assert_canonical(code: &TrackingCode) {
    let s = code.as_str();
    assert_eq!(s.len(), CODE_SYMBOLS + 1, "invariant: code length {s:?}");
    assert!(
        s.bytes().enumerate().all(|(i, b)| if i == 5 { b == b'-' } else { ALPHABET.contains(&b) }),
        "invariant: code not canonical {s:?}"
    );
    assert_eq!(code.to_string(), s, "invariant: Display differs from as_str");
    assert_eq!(TrackingCode::parse(s).as_ref(), Some(code), "invariant: {s:?} does not parse back to itself");
    assert_eq!(TrackingCode::parse(&code.to_string()).as_ref(), Some(code), "invariant: to_string of {s:?} does not parse back");
    assert_eq!(TrackingCode::parse(&s.to_ascii_lowercase()).as_ref(), Some(code), "invariant: lower case of {s:?} does not parse");
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    if let Some(code) = TrackingCode::parse(&input) {
        assert_canonical(&code);
    }
    if let Ok(symbols) = <[u8; CODE_SYMBOLS]>::try_from(&data[..data.len().min(CODE_SYMBOLS)]) {
        assert_canonical(&TrackingCode::from_symbols(symbols));
    }
});
