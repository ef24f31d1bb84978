//! Import of a draft policy document (Markdown, a plain-text export of a word processor, or a Word
//! `.docx` converted to Markdown first) into sections and commentable blocks ([`ImportedDocument`]).
//!
//! The pipeline is the same for both formats: the bytes are checked and decoded once
//! ([`decode`]), a format-specific reader walks the text and feeds headings and blocks to the
//! shared [`outline::DocBuilder`], which derives numbering, labels and anchors and sanitises every
//! block's HTML with `ammonia`.
//!
//! Footnote definitions become [`BlockKind::Footnote`] blocks placed where they appear in the
//! source (word-processor exports put them at the end of the page that references them, so they
//! end up in or near the section that uses them). They do not count in the section's
//! "alinea N" numbering; their anchor is `voetnoot-N` and their label `voetnoot N`.
//!
//! [`BlockKind::Footnote`]: crate::domain::document::BlockKind::Footnote

pub(crate) mod html;
mod markdown;
mod outline;
mod text;
mod word;

#[cfg(test)]
mod tests;

use crate::domain::document::{ImportedDocument, LeftOut};
pub use word::MAX_WORD_BYTES;

/// Text uploads above this size are refused before any parsing.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The largest file of any format: what an upload form reads before it says "too large".
pub const MAX_UPLOAD_FILE_BYTES: usize = MAX_WORD_BYTES;

/// The formats a draft can be uploaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Markdown,
    PlainText,
    /// Word: `.docx` (and `.docm`/`.doc`, so that they are refused with a message of their own).
    Word,
}

impl SourceFormat {
    /// The format belonging to an uploaded file's name (`.md`, `.markdown`, `.txt`, any case).
    pub fn from_file_name(name: &str) -> Option<Self> {
        let (_, ext) = name.rsplit_once('.')?;
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(SourceFormat::Markdown),
            "txt" => Some(SourceFormat::PlainText),
            "docx" | "docm" | "doc" => Some(SourceFormat::Word),
            _ => None,
        }
    }
}

/// Why an upload could not be imported; the messages are shown to officers as they are.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("Het bestand is leeg.")]
    Empty,
    #[error("Het bestand is groter dan {} MB.", max_bytes / (1024 * 1024))]
    TooLarge { max_bytes: usize },
    #[error("Het bestand is geen tekst (Markdown of platte tekst in UTF-8).")]
    NotText,
    #[error("In het bestand staat geen tekst om op te reageren.")]
    NoContent,
    #[error("Het bestand is geen Word-document (.docx).")]
    WordNotDocx,
    #[error("Het Word-document is met een wachtwoord beveiligd.")]
    WordEncrypted,
    #[error("Het bestand is een oud Word-document (.doc).")]
    WordOldFormat,
    #[error("Het Word-document bevat macro's.")]
    WordMacros,
    #[error("Het Word-document is beschadigd.")]
    WordDamaged,
}

/// An upload, imported: the document, the text kept for the record (for Word: the Markdown it was
/// converted to) and what was left out.
#[derive(Debug)]
pub struct Upload {
    pub document: ImportedDocument,
    pub source_text: String,
    pub markdown: bool,
    pub left_out: Vec<LeftOut>,
}

/// Imports an uploaded draft of any format, all or nothing.
pub fn import_upload(bytes: &[u8], format: SourceFormat) -> Result<Upload, ImportError> {
    match format {
        SourceFormat::Word => {
            let converted = word::convert(bytes)?;
            let document = markdown::import(&converted.markdown)?;
            Ok(Upload { document, source_text: converted.markdown, markdown: true, left_out: converted.left_out })
        }
        SourceFormat::Markdown | SourceFormat::PlainText => {
            let document = import_document(bytes, format)?;
            let source_text = String::from_utf8_lossy(bytes.get(..MAX_IMPORT_BYTES).unwrap_or(bytes)).into_owned();
            Ok(Upload { document, source_text, markdown: format == SourceFormat::Markdown, left_out: Vec::new() })
        }
    }
}

/// Imports an uploaded draft. Never panics on malformed input; raw HTML in Markdown is sanitised.
pub fn import_document(bytes: &[u8], format: SourceFormat) -> Result<ImportedDocument, ImportError> {
    if format == SourceFormat::Word {
        return import_upload(bytes, format).map(|upload| upload.document);
    }
    let source = decode(bytes)?;
    match format {
        SourceFormat::Markdown | SourceFormat::Word => markdown::import(&source),
        SourceFormat::PlainText => text::import(&source),
    }
}

/// Checks size and encoding and normalises the text: BOM stripped, CRLF/CR to LF, vertical tab
/// and form feed (line and page breaks in exports) to LF, other stray control characters dropped.
fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { max_bytes: MAX_IMPORT_BYTES });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let decoded: std::borrow::Cow<'_, str> = match bytes {
        // Word's "Unicode" text export is UTF-16 with a byte order mark.
        [0xFF, 0xFE, rest @ ..] => decode_utf16(rest, u16::from_le_bytes)?.into(),
        [0xFE, 0xFF, rest @ ..] => decode_utf16(rest, u16::from_be_bytes)?.into(),
        _ => std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?.into(),
    };
    let text = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);

    let mut total = 0usize;
    let mut stray = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Err(ImportError::NotText);
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{b}' | '\u{c}') {
            stray += 1;
        }
    }
    if stray > 0 && stray * 20 > total {
        return Err(ImportError::NotText);
    }

    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{b}' | '\u{c}' => out.push('\n'),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if out.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(out)
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ImportError::NotText);
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| ImportError::NotText)
}
