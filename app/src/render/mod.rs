//! Words for domain values: turns what `domain` assembled into text, Markdown, mail and
//! spreadsheet cells for one locale, with the messages of `crate::i18n`. Plain Rust like the
//! domain, for the server and the browser alike; files, mail and pages are written elsewhere.

pub mod export;
pub mod labels;
pub mod letter;
pub mod mail;
pub mod markdown;
pub mod open_data;
pub mod report;
