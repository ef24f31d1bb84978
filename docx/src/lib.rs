//! Converts a Word document (.docx, Office Open XML) into Markdown for the Inspraak importer.
//!
//! The output is CommonMark with GitHub pipe tables and footnotes, the dialect the app's Markdown
//! importer reads: headings become sections, paragraphs, lists and tables become blocks, and
//! footnotes are kept as `[^n]` references with `[^n]: text` definitions at the end.
//!
//! What is converted:
//! - headings from heading styles (`Heading1`/"heading 1", Dutch `Kop1`/"Kop 1", resolved through
//!   `basedOn` chains) and from outline levels (in the paragraph or its style). Numbers that Word
//!   generates from list numbering are rendered and prefixed ("Hoofdstuk 3. Aanpak"), so the
//!   heading reads like one whose number was typed.
//! - the `Title` (`Titel`) style: the first such paragraph is the document title and is written as
//!   the only `#` heading; all other headings move one level down so the importer recognises the
//!   title. Without a Title style, heading *n* is written with *n* `#`.
//! - paragraphs with bold and italic (direct formatting and character styles; formatting that a
//!   paragraph style gives is presentation and ignored), line breaks, external hyperlinks.
//! - bulleted and numbered lists, nested by list level; tables as pipe tables (first row is the
//!   header, paragraphs in a cell joined with `<br>`); quote styles as `>` block quotes.
//! - footnotes and endnotes, numbered 1, 2, ... in order of reference.
//!
//! What is left out and counted in [`Converted::left_out`]: see [`LeftOut`]. Headers, footers,
//! page and section breaks and field instructions are dropped silently.

mod convert;
mod markdown;
mod numbering;
mod package;
mod styles;
pub mod testing;
mod xml;

use package::{Package, REL_OFFICE_DOCUMENT, target_of};

/// Size limits that guard against oversized uploads and zip bombs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted .docx file, in bytes.
    pub max_file_bytes: u64,
    /// Largest total of decompressed bytes read from the package.
    pub max_unpacked_bytes: u64,
}

impl Default for Limits {
    /// 20 MB file, 200 MB unpacked.
    fn default() -> Self {
        Self { max_file_bytes: 20 * 1024 * 1024, max_unpacked_bytes: 200 * 1024 * 1024 }
    }
}

/// The result of a conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The document as Markdown (ends with a newline unless empty).
    pub markdown: String,
    /// The document title: the first paragraph in the Title style, otherwise the first heading
    /// when it is the only level-1 heading (the same rule the Markdown importer applies).
    pub title: Option<String>,
    /// What was not converted, with counts; only non-zero entries, in a fixed order.
    pub left_out: Vec<LeftOut>,
}

/// Content that the conversion left out, with how many there were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LeftOut {
    /// Pictures (`w:drawing` without chart or text box, VML pictures).
    Images(usize),
    /// Charts and SmartArt diagrams.
    Charts(usize),
    /// Text boxes and shapes with text; their text is not included.
    TextBoxes(usize),
    /// Comments (distinct comment ids referenced in the text).
    Comments(usize),
    /// Tracked deletions (`w:del`, `w:moveFrom`): deleted text is not included; tracked
    /// insertions are kept as normal text.
    TrackedDeletions(usize),
    /// Equations (Office Math).
    Equations(usize),
    /// Embedded objects (OLE objects, embedded documents).
    EmbeddedObjects(usize),
    /// Lines of a table of contents (TOC styles or a table-of-contents content control).
    TableOfContentsEntries(usize),
}

impl LeftOut {
    /// The number of items of this kind.
    pub fn count(&self) -> usize {
        match *self {
            LeftOut::Images(n)
            | LeftOut::Charts(n)
            | LeftOut::TextBoxes(n)
            | LeftOut::Comments(n)
            | LeftOut::TrackedDeletions(n)
            | LeftOut::Equations(n)
            | LeftOut::EmbeddedObjects(n)
            | LeftOut::TableOfContentsEntries(n) => n,
        }
    }
}

/// Why a file could not be converted. The app maps these to messages for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// The file, or the total of its unpacked parts, exceeds the limit (in bytes).
    #[error("file exceeds the size limit of {limit} bytes")]
    TooLarge {
        /// The limit that was exceeded, in bytes.
        limit: u64,
    },
    /// The bytes are not a zip archive, so not a .docx file.
    #[error("not a zip archive")]
    NotZip,
    /// A password-protected Office file (an OLE compound file with `EncryptionInfo`), or a zip
    /// whose parts are encrypted.
    #[error("the document is encrypted")]
    Encrypted,
    /// An OLE compound file without encryption: an old binary format such as Word 97–2003 .doc.
    #[error("old binary Office format (e.g. .doc), not .docx")]
    LegacyFormat,
    /// A macro-enabled document (.docm/.dotm content type or `word/vbaProject.bin`).
    #[error("macro-enabled document")]
    MacroDocument,
    /// A zip archive without a main Word document part.
    #[error("no Word document part in the package")]
    NoDocumentPart,
    /// A part could not be read or parsed.
    #[error("malformed document: {0}")]
    Malformed(String),
}

/// Converts the bytes of a .docx file to Markdown, or fails without a partial result.
pub fn docx_to_markdown(bytes: &[u8], limits: &Limits) -> Result<Converted, DocxError> {
    let mut package = Package::open(bytes, limits)?;

    if package.has("word/vbaProject.bin") {
        return Err(DocxError::MacroDocument);
    }
    let content_types = package.read_xml("[Content_Types].xml")?;
    if let Some(types) = &content_types
        && types.elements().any(|e| e.attr("ContentType").is_some_and(|t| t.to_ascii_lowercase().contains("macroenabled")))
    {
        return Err(DocxError::MacroDocument);
    }

    let package_rels = package.relationships("")?;
    let main = target_of(&package_rels, REL_OFFICE_DOCUMENT)
        .map(str::to_string)
        .filter(|t| package.has(t))
        .unwrap_or_else(|| "word/document.xml".to_string());
    let document = package.read_xml(&main)?.ok_or(DocxError::NoDocumentPart)?;
    if document.name != "w:document" {
        return Err(DocxError::NoDocumentPart);
    }
    let rels = package.relationships(&main)?;
    let main_dir = main.rsplit_once('/').map_or("", |(dir, _)| dir);
    let part = |kind: &str, default: &str| {
        target_of(&rels, kind).map_or_else(
            || {
                if main_dir.is_empty() { default.to_string() } else { format!("{main_dir}/{default}") }
            },
            str::to_string,
        )
    };
    let styles_part = part("styles", "styles.xml");
    let numbering_part = part("numbering", "numbering.xml");
    let footnotes_part = part("footnotes", "footnotes.xml");
    let endnotes_part = part("endnotes", "endnotes.xml");

    let styles = styles::Styles::parse(package.read_xml(&styles_part)?.as_ref());
    let numbering = numbering::Numbering::parse(package.read_xml(&numbering_part)?.as_ref());
    let footnotes = convert::Notes::parse(package.read_xml(&footnotes_part)?, package.relationships(&footnotes_part)?);
    let endnotes = convert::Notes::parse(package.read_xml(&endnotes_part)?, package.relationships(&endnotes_part)?);

    let output = convert::Converter::new(styles, numbering, footnotes, endnotes).run(&document, &rels);
    Ok(Converted { markdown: output.markdown, title: output.title, left_out: output.left_out })
}
