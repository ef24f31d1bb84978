//! Shared by the importer targets: the invariants every successful import must satisfy (those of
//! `assert_well_formed` in app/src/backend/import/tests, made exact for arbitrary input). A
//! violation aborts the run like a panic in the importer would, with a message that starts with
//! "invariant".

use std::collections::HashSet;

use app::backend::import::{ImportError, MAX_IMPORT_BYTES, MAX_WORD_BYTES, SourceFormat, import_document};
use app::domain::document::ImportedDocument;

pub fn check(data: &[u8], format: SourceFormat) {
    match import_document(data, format) {
        Ok(doc) => assert_well_formed(&doc),
        // A Word package is also too large when its unpacked parts are (a zip bomb).
        Err(ImportError::TooLarge { max_bytes }) if format == SourceFormat::Word => assert_eq!(max_bytes, MAX_WORD_BYTES, "invariant"),
        Err(ImportError::TooLarge { max_bytes }) => assert!(data.len() > MAX_IMPORT_BYTES && max_bytes == MAX_IMPORT_BYTES),
        Err(
            ImportError::Empty
            | ImportError::NotText
            | ImportError::NoContent
            | ImportError::WordNotDocx
            | ImportError::WordEncrypted
            | ImportError::WordOldFormat
            | ImportError::WordMacros
            | ImportError::WordDamaged,
        ) => {}
    }
    // The upload's file name goes through the same kind of input.
    let name = String::from_utf8_lossy(&data[..data.len().min(256)]);
    let _ = SourceFormat::from_file_name(&name);
}

fn assert_well_formed(doc: &ImportedDocument) {
    let mut anchors = HashSet::new();
    for anchor in doc.sections.iter().map(|s| &s.anchor).chain(doc.blocks.iter().map(|b| &b.anchor)) {
        assert!(anchors.insert(anchor.as_str()), "invariant: duplicate anchor {anchor:?}");
        assert!(
            !anchor.is_empty() && anchor.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
            "invariant: anchor not URL-safe: {anchor:?}"
        );
    }
    for (i, section) in doc.sections.iter().enumerate() {
        if let Some(parent) = section.parent {
            assert!(parent < i, "invariant: parent after child in {:?}", section.anchor);
            assert!(doc.sections[parent].level < section.level, "invariant: parent not above child in {:?}", section.anchor);
        }
    }
    for block in &doc.blocks {
        assert!(block.section.is_none_or(|s| s < doc.sections.len()), "invariant: block {:?} in no section", block.anchor);
        assert!(!block.text.trim().is_empty(), "invariant: empty block {:?}", block.anchor);
        check_html(&block.anchor, &block.html);
    }
}

/// Reads the tags of a block's HTML the way a browser would (attribute values double-quoted, as
/// ammonia writes them, may hold `<` and `>`; text never holds a raw `<`) and checks that it is
/// sanitised: no dangerous element, no event handler or inline style, no script URL. Reading tags
/// rather than searching the text keeps prose such as "javascript:" or "onclick" from being taken
/// for markup. (Links to `#voetnoot-N` are not checked: a draft may link to any fragment.)
pub fn check_html(anchor: &str, html: &str) {
    let bytes = html.as_bytes();
    let len = html.len();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        if i < len && bytes[i] == b'/' {
            i += 1;
        }
        let name_end = html[i..].find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>').map_or(len, |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        assert!(
            !matches!(name.as_str(), "script" | "style" | "img" | "iframe" | "object" | "embed" | "svg" | "math"),
            "invariant: <{name}> in {anchor:?}: {html}"
        );
        i = name_end;
        loop {
            while i < len && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                i += 1;
            }
            if i >= len {
                break;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            let attr_end = html[i..].find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>').map_or(len, |e| i + e);
            let attr = html[i..attr_end].to_ascii_lowercase();
            i = attr_end;
            let mut value = "";
            if i < len && bytes[i] == b'=' {
                i += 1;
                if i < len && bytes[i] == b'"' {
                    i += 1;
                    let close = html[i..].find('"').map_or(len, |e| i + e);
                    value = &html[i..close];
                    i = (close + 1).min(len);
                } else {
                    let close = html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(len, |e| i + e);
                    value = &html[i..close];
                    i = close;
                }
            }
            assert!(!attr.starts_with("on") && attr != "style", "invariant: attribute {attr} in {anchor:?}: {html}");
            if matches!(attr.as_str(), "href" | "src" | "action" | "formaction" | "xlink:href" | "cite") {
                let url = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
                assert!(
                    !url.starts_with("javascript:") && !url.starts_with("vbscript:") && !url.starts_with("data:"),
                    "invariant: script URL {value:?} in {anchor:?}: {html}"
                );
            }
        }
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A .docx package whose main part is `document` (any bytes).
pub fn word_package(document: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in
        [("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("_rels/.rels", PACKAGE_RELS.as_bytes()), ("word/document.xml", document)]
    {
        if writer.start_file(name, options).is_err() || writer.write_all(data).is_err() {
            return Vec::new();
        }
    }
    writer.finish().map(|cursor| cursor.into_inner()).unwrap_or_default()
}
