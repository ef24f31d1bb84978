//! Word (`.docx`) uploads: converted to Markdown by the `inspraak-docx` crate (headings from the
//! Heading/Kop styles and outline levels, typed and list numbering, lists, tables, footnotes), then
//! read by the Markdown importer like any other draft. Pictures, text boxes, comments and the like
//! are left out and counted, so that the officer is told.

use super::ImportError;
use crate::domain::document::{LeftOut, LeftOutKind};
use inspraak_docx::{DocxError, Limits, docx_to_markdown};

/// Word files carry pictures and styles: a larger limit than for text.
pub const MAX_WORD_BYTES: usize = 20 * 1024 * 1024;

/// A Word document as Markdown, with what was left out.
pub(super) struct Converted {
    pub markdown: String,
    pub left_out: Vec<LeftOut>,
}

pub(super) fn convert(bytes: &[u8]) -> Result<Converted, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_WORD_BYTES {
        return Err(ImportError::TooLarge { max_bytes: MAX_WORD_BYTES });
    }
    // Unpacked parts may be larger than the file, within reason (a zip bomb is refused).
    let limits = Limits { max_file_bytes: MAX_WORD_BYTES as u64, max_unpacked_bytes: 10 * MAX_WORD_BYTES as u64 };
    let converted = docx_to_markdown(bytes, &limits).map_err(|error| match error {
        DocxError::TooLarge { .. } => ImportError::TooLarge { max_bytes: MAX_WORD_BYTES },
        DocxError::NotZip => ImportError::WordNotDocx,
        DocxError::Encrypted => ImportError::WordEncrypted,
        DocxError::LegacyFormat => ImportError::WordOldFormat,
        DocxError::MacroDocument => ImportError::WordMacros,
        DocxError::NoDocumentPart | DocxError::Malformed(_) => ImportError::WordDamaged,
    })?;
    let left_out = converted.left_out.iter().filter_map(left_out).filter(|item| item.count > 0).collect();
    Ok(Converted { markdown: converted.markdown, left_out })
}

fn left_out(item: &inspraak_docx::LeftOut) -> Option<LeftOut> {
    use inspraak_docx::LeftOut as Docx;
    let kind = match item {
        Docx::Images(_) => LeftOutKind::Images,
        Docx::Charts(_) => LeftOutKind::Charts,
        Docx::TextBoxes(_) => LeftOutKind::TextBoxes,
        Docx::Comments(_) => LeftOutKind::Comments,
        Docx::TrackedDeletions(_) => LeftOutKind::TrackedDeletions,
        Docx::Equations(_) => LeftOutKind::Equations,
        Docx::EmbeddedObjects(_) => LeftOutKind::EmbeddedObjects,
        Docx::TableOfContentsEntries(_) => LeftOutKind::TableOfContents,
        _ => return None,
    };
    Some(LeftOut { kind, count: item.count() })
}
