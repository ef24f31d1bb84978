//! Import of a draft policy document (Markdown or a plain-text export of a word processor) into
//! sections and commentable blocks ([`ImportedDocument`]).
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

#[cfg(test)]
mod tests;

use crate::domain::document::ImportedDocument;

/// Uploads above this size are refused before any parsing.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The formats a draft can be uploaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Markdown,
    PlainText,
}

impl SourceFormat {
    /// The format belonging to an uploaded file's name (`.md`, `.markdown`, `.txt`, any case).
    pub fn from_file_name(name: &str) -> Option<Self> {
        let (_, ext) = name.rsplit_once('.')?;
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(SourceFormat::Markdown),
            "txt" => Some(SourceFormat::PlainText),
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
}

/// Imports an uploaded draft. Never panics on malformed input; raw HTML in Markdown is sanitised.
pub fn import_document(bytes: &[u8], format: SourceFormat) -> Result<ImportedDocument, ImportError> {
    let source = decode(bytes)?;
    match format {
        SourceFormat::Markdown => markdown::import(&source),
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
