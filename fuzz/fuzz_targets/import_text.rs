//! A plain-text draft upload (a word processor's text export, UTF-8 or UTF-16 with a BOM):
//! `import_document(bytes, SourceFormat::PlainText)` must never panic and every document it
//! returns must be well formed.
#![no_main]

#[path = "common/import.rs"]
mod import;

use app::backend::import::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    import::check(data, SourceFormat::PlainText);
});
