//! TEMPORARY stub, replaced by the real importer.
use crate::domain::document::ImportedDocument;
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat { Markdown, PlainText }
impl SourceFormat { pub fn from_file_name(name: &str) -> Option<Self> { if name.ends_with(".md") { Some(Self::Markdown) } else if name.ends_with(".txt") { Some(Self::PlainText) } else { None } } }
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError { #[error("e")] Empty, #[error("t")] TooLarge { max_bytes: usize }, #[error("n")] NotText, #[error("c")] NoContent }
pub fn import_document(_bytes: &[u8], _format: SourceFormat) -> Result<ImportedDocument, ImportError> { Err(ImportError::Empty) }
