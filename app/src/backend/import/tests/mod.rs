//! Tests of the importer against the shared fixtures and against malformed input.

mod fixtures;
mod malformed;
mod text_closeness;

use std::collections::HashSet;
use std::path::PathBuf;

use super::{SourceFormat, import_document};
use crate::domain::document::{BlockKind, ImportedDocument};
use crate::domain::label::BlockLabel;

pub(super) const REGIOVISIE: &str = "regiovisie-hollands-midden-2019-2023";

/// The shared fixtures folder, from the scratch crate (`../shared`) or the app crate
/// (`../../shared`).
fn fixtures_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared/fixtures", "../../shared/fixtures"]
        .iter()
        .map(|relative| manifest.join(relative))
        .find(|dir| dir.is_dir())
        .expect("shared/fixtures next to or above the crate")
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import_fixture(name: &str) -> ImportedDocument {
    let format = SourceFormat::from_file_name(name).expect("known extension");
    import_document(&fixture_bytes(name), format).expect("fixture imports")
}

fn count(doc: &ImportedDocument, kind: BlockKind) -> usize {
    doc.blocks.iter().filter(|b| b.kind == kind).count()
}

/// Invariants every import must satisfy: unique URL-safe anchors, footnote references pointing
/// at footnote blocks, sanitised HTML, consistent section indices.
fn assert_well_formed(doc: &ImportedDocument) {
    let mut anchors = HashSet::new();
    for anchor in doc.sections.iter().map(|s| &s.anchor).chain(doc.blocks.iter().map(|b| &b.anchor)) {
        assert!(anchors.insert(anchor.as_str()), "duplicate anchor {anchor}");
        assert!(
            !anchor.is_empty() && anchor.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
            "anchor not URL-safe: {anchor}"
        );
    }
    let footnotes: HashSet<&str> = doc.blocks.iter().filter(|b| b.kind == BlockKind::Footnote).map(|b| b.anchor.as_str()).collect();
    for (i, section) in doc.sections.iter().enumerate() {
        if let Some(parent) = section.parent {
            assert!(parent < i, "parent after child in {}", section.anchor);
            assert!(doc.sections[parent].level < section.level);
        }
    }
    for block in &doc.blocks {
        // Labels stored before their structure was (migration 0011) read the same as the
        // importer's structure (a section headed "Begin" is told from the text before the first
        // heading only by the structure: the same words in Dutch).
        let nl = |label: &BlockLabel| crate::render::labels::block_label(label, &crate::i18n::NL);
        assert_eq!(nl(&BlockLabel::from_dutch(&block.label)), nl(&block.label_parts), "label of {}", block.anchor);
        assert!(block.section.is_none_or(|s| s < doc.sections.len()));
        assert!(!block.text.trim().is_empty(), "empty block {}", block.anchor);
        let html = block.html.to_ascii_lowercase();
        for forbidden in ["<script", "<style", " on", "javascript:", "style=", "<img", "<iframe"] {
            let found = if forbidden == " on" {
                // Event handler attributes such as onclick= / onerror= inside a tag.
                html.split('<').any(|tag| {
                    let tag = tag.split('>').next().unwrap_or("");
                    tag.split_whitespace().skip(1).any(|attr| attr.starts_with("on"))
                })
            } else {
                html.contains(forbidden)
            };
            assert!(!found, "{forbidden} in {}: {}", block.anchor, block.html);
        }
        let mut rest = block.html.as_str();
        while let Some(pos) = rest.find("href=\"#") {
            let target = &rest[pos + 7..];
            let target = &target[..target.find('"').expect("closed attribute")];
            assert!(!target.starts_with("voetnoot-") || footnotes.contains(target), "{} links to missing #{target}", block.anchor);
            rest = &rest[pos + 7..];
        }
    }
}
