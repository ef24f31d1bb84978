//! A Markdown draft upload: `import_document(bytes, SourceFormat::Markdown)` must never panic and
//! every document it returns must be well formed. The officers' Markdown answers go through
//! `render_answer` (pulldown-cmark and ammonia), fed the same text.
#![no_main]

#[path = "common/import.rs"]
mod import;

use app::backend::import::SourceFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    import::check(data, SourceFormat::Markdown);
    if let Ok(text) = std::str::from_utf8(data) {
        import::check_html("answer", &app::backend::markdown::render_answer(text));
    }
});
