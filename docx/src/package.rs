//! Opening the .docx package: format sniffing, size limits, part lookup and relationships.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::xml::{self, Element};
use crate::{DocxError, Limits};

/// Signature of an OLE compound file (CFB): encrypted Office files and old binary formats.
const CFB_SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Relationship type suffixes (after the last `/`), shared by the transitional and strict URIs.
pub(crate) const REL_OFFICE_DOCUMENT: &str = "officeDocument";

/// An opened package with a running budget of decompressed bytes.
pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Lower-cased part name → name as stored, for case-insensitive lookup.
    names: HashMap<String, String>,
    unpacked_budget: u64,
    unpacked_limit: u64,
}

/// One relationship of a part.
#[derive(Debug, Clone)]
pub(crate) struct Relationship {
    /// Last segment of the relationship type URI, e.g. `styles`, `hyperlink`.
    pub kind: String,
    /// Target as written (an URL for external targets).
    pub target: String,
    /// Whether `TargetMode="External"`.
    pub external: bool,
}

/// Relationships of one part, by id.
pub(crate) type Relationships = HashMap<String, Relationship>;

impl<'a> Package<'a> {
    /// Checks the size and the container format, and opens the zip archive.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, DocxError> {
        if bytes.len() as u64 > limits.max_file_bytes {
            return Err(DocxError::TooLarge { limit: limits.max_file_bytes });
        }
        if bytes.starts_with(&CFB_SIGNATURE) {
            return Err(if contains_utf16_name(bytes, "EncryptionInfo") { DocxError::Encrypted } else { DocxError::LegacyFormat });
        }
        if !bytes.starts_with(b"PK") {
            return Err(DocxError::NotZip);
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|err| match err {
            ZipError::InvalidArchive(_) | ZipError::Io(_) => DocxError::NotZip,
            other => DocxError::Malformed(format!("zip: {other}")),
        })?;
        let names = archive.file_names().filter_map(Result::ok).map(|name| (name.to_lowercase(), name.into_owned())).collect();
        Ok(Self { archive, names, unpacked_budget: limits.max_unpacked_bytes, unpacked_limit: limits.max_unpacked_bytes })
    }

    /// Whether a part with this name (case-insensitive, without leading `/`) exists.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains_key(&name.trim_start_matches('/').to_lowercase())
    }

    /// Reads a part, charging its decompressed size to the budget. `Ok(None)` if it is absent.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let Some(stored) = self.names.get(&name.trim_start_matches('/').to_lowercase()).cloned() else {
            return Ok(None);
        };
        let file = match self.archive.by_name(&stored) {
            Ok(file) => file,
            Err(ZipError::UnsupportedArchive(msg)) if msg == ZipError::PASSWORD_REQUIRED => {
                return Err(DocxError::Encrypted);
            }
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(other) => return Err(DocxError::Malformed(format!("{stored}: {other}"))),
        };
        if file.size() > self.unpacked_budget {
            return Err(DocxError::TooLarge { limit: self.unpacked_limit });
        }
        let mut data = Vec::new();
        // Never trust the declared size: read at most one byte past the budget.
        file.take(self.unpacked_budget.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| DocxError::Malformed(format!("{stored}: {e}")))?;
        let used = data.len() as u64;
        if used > self.unpacked_budget {
            return Err(DocxError::TooLarge { limit: self.unpacked_limit });
        }
        self.unpacked_budget -= used;
        Ok(Some(data))
    }

    /// Reads and parses an XML part. `Ok(None)` if it is absent.
    pub fn read_xml(&mut self, name: &str) -> Result<Option<Element>, DocxError> {
        match self.read(name)? {
            Some(bytes) => xml::parse(name, &bytes).map(Some),
            None => Ok(None),
        }
    }

    /// Relationships of a part (empty when it has no `.rels` part).
    pub fn relationships(&mut self, part: &str) -> Result<Relationships, DocxError> {
        let part = part.trim_start_matches('/');
        let (dir, file) = match part.rfind('/') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => ("", part),
        };
        let rels_name = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
        let mut rels = Relationships::new();
        let Some(root) = self.read_xml(&rels_name)? else {
            return Ok(rels);
        };
        for rel in root.elements().filter(|e| e.name.ends_with("Relationship")) {
            let (Some(id), Some(kind), Some(target)) = (rel.attr("Id"), rel.attr("Type"), rel.attr("Target")) else {
                continue;
            };
            let external = rel.attr("TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
            let kind = kind.rsplit('/').next().unwrap_or(kind).to_string();
            let target = if external { target.to_string() } else { resolve_target(dir, target) };
            rels.insert(id.to_string(), Relationship { kind, target, external });
        }
        Ok(rels)
    }
}

/// First target of a relationship of this kind.
pub(crate) fn target_of<'r>(rels: &'r Relationships, kind: &str) -> Option<&'r str> {
    let mut found: Vec<(&String, &Relationship)> = rels.iter().filter(|(_, r)| r.kind == kind).collect();
    // Deterministic choice when a producer wrote several.
    found.sort_by(|a, b| a.0.cmp(b.0));
    found.first().map(|(_, r)| r.target.as_str())
}

/// Resolves an internal relationship target against the directory of its source part.
fn resolve_target(source_dir: &str, target: &str) -> String {
    let joined = if let Some(absolute) = target.strip_prefix('/') {
        absolute.to_string()
    } else if source_dir.is_empty() {
        target.to_string()
    } else {
        format!("{source_dir}/{target}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Whether the bytes contain `name` encoded as UTF-16LE (how CFB directory entries store names).
fn contains_utf16_name(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_relative_to_the_source() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve_target("word", "../customXml/a.xml"), "customXml/a.xml");
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve_target("word", "/word/x.xml"), "word/x.xml");
    }

    #[test]
    fn utf16_names_are_found() {
        let mut bytes = vec![0u8; 10];
        bytes.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(contains_utf16_name(&bytes, "EncryptionInfo"));
        assert!(!contains_utf16_name(&bytes, "WordDocument"));
    }
}
