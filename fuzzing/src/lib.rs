//! The fuzz targets of Inspraak's input parsers: the draft importers, the meeting-report reader,
//! the tracking-code parser and every form and query string the server decodes. Each target takes
//! any bytes and must not panic; where the code makes a promise about its result, the target
//! checks it and fails with a message that starts with "invariant".
//!
//! Two drivers run them: cargo-fuzz with libFuzzer (`fuzz/`, `scripts/fuzz`), coverage-guided,
//! for millions of inputs; and [`short_run`] on stable Rust, which mutates the seed corpus for a
//! few thousand inputs per target in every test run (`tests/short_run.rs`).

mod forms;
mod import;
pub mod short_run;

use app::backend::import::SourceFormat;
use app::domain::advice::{MAX_REPORT_BYTES, find_dutch_date, parse_meeting_report};
use app::domain::error::FieldError;
use app::domain::tracking::{ALPHABET, CODE_SYMBOLS, TrackingCode};

pub use forms::form_decoders;

/// A target: any bytes in, a panic when something is wrong.
pub type Target = fn(&[u8]);

/// Every target by name, as `scripts/fuzz` and `fuzz/Cargo.toml` name them.
pub const TARGETS: [(&str, Target); 6] = [
    ("import_markdown", import_markdown),
    ("import_text", import_text),
    ("import_word", import_word),
    ("meeting_report", meeting_report),
    ("tracking_code", tracking_code),
    ("form_decoders", form_decoders),
];

/// A Markdown draft upload: `import_document(bytes, SourceFormat::Markdown)` must never panic and
/// every document it returns must be well formed. The officers' Markdown answers go through
/// `render_answer` (pulldown-cmark and ammonia), fed the same text.
pub fn import_markdown(data: &[u8]) {
    import::check(data, SourceFormat::Markdown);
    if let Ok(text) = std::str::from_utf8(data) {
        import::check_html("answer", &app::backend::markdown::render_answer(text));
    }
}

/// A plain-text draft upload (a word processor's text export, UTF-8 or UTF-16 with a BOM):
/// `import_document(bytes, SourceFormat::PlainText)` must never panic and every document it
/// returns must be well formed.
pub fn import_text(data: &[u8]) {
    import::check(data, SourceFormat::PlainText);
}

/// A Word draft upload: the input is the main part (`word/document.xml`) of a package that is
/// otherwise well formed, so that the XML reader and the converter see every mutation rather than
/// the zip reader refusing most of them; an input that starts with the zip or OLE signature is fed
/// as the whole file. `import_document(bytes, SourceFormat::Word)` must never panic and every
/// document it returns must be well formed.
pub fn import_word(data: &[u8]) {
    if data.starts_with(b"PK") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        import::check(data, SourceFormat::Word);
    } else {
        import::check(&import::word_package(data), SourceFormat::Word);
    }
}

/// An officer's pasted meeting report: `parse_meeting_report` splits it into an introduction and
/// points and `find_dutch_date` finds the meeting day. Any UTF-8 text; neither may panic.
pub fn meeting_report(data: &[u8]) {
    // Every input is a text: invalid bytes become U+FFFD rather than a wasted run.
    let text = String::from_utf8_lossy(data);
    match parse_meeting_report(&text) {
        Ok(report) => {
            assert!(!report.points.is_empty(), "invariant: a parsed report has points");
            assert!(text.len() <= MAX_REPORT_BYTES, "invariant: a report over the limit was read");
        }
        Err(FieldError::Required) => assert!(text.trim().is_empty(), "invariant: text called empty"),
        Err(FieldError::TooLong { max }) => assert!(text.len() > max, "invariant: a report within the limit called too long"),
        Err(_) => {}
    }
    let _ = find_dutch_date(&text);
}

/// Tracking codes as residents type them: `TrackingCode::parse` must never panic, and a parsed
/// code must be canonical ("ABCDE-FGHJK") and parse back to itself from `as_str()`/`to_string()`.
/// Codes built by `from_symbols` (any ten bytes) must parse back to themselves too.
pub fn tracking_code(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    if let Some(code) = TrackingCode::parse(&input) {
        assert_canonical(&code);
    }
    if let Ok(symbols) = <[u8; CODE_SYMBOLS]>::try_from(&data[..data.len().min(CODE_SYMBOLS)]) {
        assert_canonical(&TrackingCode::from_symbols(symbols));
    }
}

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
