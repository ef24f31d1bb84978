//! An officer's pasted meeting report: `parse_meeting_report` splits it into an introduction and
//! points and `find_dutch_date` finds the meeting day. Any UTF-8 text; neither may panic.
#![no_main]

use app::domain::advice::{MAX_REPORT_BYTES, find_dutch_date, parse_meeting_report};
use app::domain::error::FieldError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Every input is a text: invalid bytes become U+FFFD rather than a wasted run.
    let text = String::from_utf8_lossy(data);
    match parse_meeting_report(&text) {
        Ok(report) => {
            assert!(!report.points.is_empty(), "invariant: a parsed report has points");
            assert!(text.len() <= MAX_REPORT_BYTES);
        }
        Err(FieldError::Required) => assert!(text.trim().is_empty()),
        Err(FieldError::TooLong { max }) => assert!(text.len() > max),
        Err(_) => {}
    }
    let _ = find_dutch_date(&text);
});
