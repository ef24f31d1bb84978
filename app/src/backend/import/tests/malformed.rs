//! Bad and broken input: refused with the right error, or imported safely.

use super::*;
use crate::backend::import::{ImportError, MAX_IMPORT_BYTES};

fn md(source: &str) -> Result<ImportedDocument, ImportError> {
    import_document(source.as_bytes(), SourceFormat::Markdown)
}

fn txt(source: &str) -> Result<ImportedDocument, ImportError> {
    import_document(source.as_bytes(), SourceFormat::PlainText)
}

#[test]
fn formats_from_file_names() {
    assert_eq!(SourceFormat::from_file_name("Visie.MD"), Some(SourceFormat::Markdown));
    assert_eq!(SourceFormat::from_file_name("a.b.markdown"), Some(SourceFormat::Markdown));
    assert_eq!(SourceFormat::from_file_name("export.TXT"), Some(SourceFormat::PlainText));
    assert_eq!(SourceFormat::from_file_name("Visie.DOCX"), Some(SourceFormat::Word));
    // Old Word and macro documents go to the Word importer, which refuses them with their own message.
    assert_eq!(SourceFormat::from_file_name("oud.doc"), Some(SourceFormat::Word));
    assert_eq!(SourceFormat::from_file_name("macro.docm"), Some(SourceFormat::Word));
    assert_eq!(SourceFormat::from_file_name("visie.odt"), None);
    assert_eq!(SourceFormat::from_file_name("md"), None);
}

#[test]
fn empty_and_whitespace_are_empty() {
    for format in [SourceFormat::Markdown, SourceFormat::PlainText] {
        assert_eq!(import_document(b"", format), Err(ImportError::Empty));
        assert_eq!(import_document(b" \n\t\r\n  ", format), Err(ImportError::Empty));
        assert_eq!(import_document("\u{feff}\n".as_bytes(), format), Err(ImportError::Empty));
    }
    assert_eq!(ImportError::Empty.to_string(), "Het bestand is leeg.");
}

#[test]
fn too_large_is_refused_first() {
    let big = vec![0u8; 20 * 1024 * 1024];
    let error = import_document(&big, SourceFormat::Markdown).unwrap_err();
    assert_eq!(error, ImportError::TooLarge { max_bytes: MAX_IMPORT_BYTES });
    assert_eq!(error.to_string(), "Het bestand is groter dan 5 MB.");
    let just_over = vec![b'a'; MAX_IMPORT_BYTES + 1];
    assert!(matches!(import_document(&just_over, SourceFormat::PlainText), Err(ImportError::TooLarge { .. })));
}

#[test]
fn binary_and_invalid_utf8_are_not_text() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    assert_eq!(import_document(png, SourceFormat::Markdown), Err(ImportError::NotText));
    assert_eq!(import_document(b"Tekst met\0nul", SourceFormat::PlainText), Err(ImportError::NotText));
    assert_eq!(import_document(b"caf\xe9 (Windows-1252)", SourceFormat::PlainText), Err(ImportError::NotText));
    let controls = "\u{1}\u{2}\u{3}\u{4}ab\u{5}\u{6}\u{7}\u{8}";
    assert_eq!(txt(controls), Err(ImportError::NotText));
    assert_eq!(ImportError::NotText.to_string(), "Het bestand is geen tekst (Markdown of platte tekst in UTF-8).");
}

#[test]
fn bom_crlf_and_utf16_are_normalised() {
    let doc = md("\u{feff}# Titel\r\n\r\n## Inleiding\r\n\r\nEen alinea\r\nover twee regels.\r\n").expect("imports");
    assert_eq!(doc.title.as_deref(), Some("Titel"));
    assert_eq!(doc.blocks[0].text, "Een alinea over twee regels.");
    assert!(!doc.blocks[0].html.contains('\r'));

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Titel\r\n\r\nEen alinea met ë.".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let doc = import_document(&utf16, SourceFormat::PlainText).expect("UTF-16 imports");
    assert_eq!(doc.title.as_deref(), Some("Titel"));
    assert_eq!(doc.blocks[0].text, "Een alinea met ë.");
}

#[test]
fn broken_markdown_imports_sanitised() {
    let source = "# Concept\n\n## Inleiding\n\n**onevenwichtig en *half\n\n\
                  <script>alert(1)</script>\n\n\
                  Tekst met <img src=x onerror=alert(1)> en <a href=\"javascript:alert(1)\" \
                  onclick=\"x()\" style=\"color:red\">link</a>.\n\n\
                  <div style=\"position:fixed\">blok</div>\n\n\
                  ```rust\nfn main() {\n  <script>\n";
    let doc = md(source).expect("broken Markdown still imports");
    assert_well_formed(&doc);
    assert_eq!(doc.sections.len(), 1);
    assert!(doc.blocks[0].text.contains("onevenwichtig"));
    assert!(doc.blocks.iter().all(|b| !b.text.contains("alert(1)") || b.kind == BlockKind::Code));
    let code = doc.blocks.iter().find(|b| b.kind == BlockKind::Code).expect("unclosed fence runs to the end");
    assert!(code.html.contains("&lt;script&gt;"));
    assert_eq!(code.text, "fn main() {\n  <script>");
    assert!(doc.blocks.iter().any(|b| b.text == "blok"));
}

#[test]
fn html_in_plain_text_is_escaped() {
    let doc = txt("Titel\n\nEen <b onclick=\"x()\">vet</b> woord & <script>alert(1)</script> meer.\n").expect("imports");
    assert_well_formed(&doc);
    assert_eq!(doc.blocks[0].text, "Een vet woord & alert(1) meer.");
    assert!(doc.blocks[0].html.contains("&amp;"));
}

#[test]
fn headings_only_is_no_content() {
    assert_eq!(md("# Titel\n\n## Een\n\n### Twee\n"), Err(ImportError::NoContent));
    assert_eq!(md("<!-- alleen commentaar -->\n\n---\n"), Err(ImportError::NoContent));
    assert_eq!(txt("Hoofdstuk 1. Een\n\nBijlage 1: Twee\n"), Err(ImportError::NoContent));
    assert_eq!(ImportError::NoContent.to_string(), "In het bestand staat geen tekst om op te reageren.");
}

#[test]
fn several_h1_headings_are_chapters() {
    let doc = md("# Een\n\nTekst.\n\n# Twee\n\n## Twee a\n\nMeer.\n\n[^x]: Noot.\n").expect("imports");
    assert_eq!(doc.title, None);
    let levels: Vec<u8> = doc.sections.iter().map(|s| s.level).collect();
    assert_eq!(levels, [1, 1, 2]);
    assert_eq!(doc.blocks[1].label, "Twee - Twee a, alinea 1");
    assert_eq!(doc.blocks[2].anchor, "voetnoot-x");
}

#[test]
fn anchors_stay_unique_for_awkward_headings() {
    let doc = md("# T\n\n## Begin\n\nA\n\nB\n\n## Begin 2\n\nC\n\n## Voetnoot 1\n\nD\n\n\
                  ## 3\n\nE\n\n## 3.1 Sub\n\nF\n\n## Hoofdstuk 3. Dubbel\n\nG\n\nH\n\n[^1]: noot\n")
    .expect("imports");
    assert_well_formed(&doc);
}

#[test]
fn hard_wrapped_text_is_joined() {
    let doc = txt("Titel\n\nSamenvatting\n\nDit is een alinea die over\nmeerdere regels loopt.\n\n\
                   - punt een\n  loopt door\n- punt twee\n\nNaam\tWaarde\n----\t----\nA\t1\n")
    .expect("imports");
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.blocks[0].text, "Dit is een alinea die over meerdere regels loopt.");
    assert_eq!(doc.blocks[1].text, "- punt een loopt door\n- punt twee");
    assert_eq!(doc.blocks[2].kind, BlockKind::Table);
    assert_eq!(doc.blocks[2].text, "Naam | Waarde\nA | 1");
    assert_eq!(doc.blocks[2].label, "Samenvatting, alinea 3");
}

#[test]
fn five_megabytes_import_in_linear_time() {
    // Full size in release (about 1.5 s for 137 000 blocks); a fifth of it in debug builds.
    let limit = if cfg!(debug_assertions) { MAX_IMPORT_BYTES / 5 } else { MAX_IMPORT_BYTES };
    let section = "## Hoofdstuk 1. Een\n\nEen alinea met wat *tekst* en een voetnoot[^1].\n\n\
                   - een\n- twee\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";
    let mut source = String::from("# Titel\n\n[^1]: Noot.\n\n");
    while source.len() + section.len() < limit {
        source.push_str(section);
    }
    let started = std::time::Instant::now();
    let doc = md(&source).expect("imports");
    println!("{limit} bytes of Markdown: {} blocks in {:?}", doc.blocks.len(), started.elapsed());
    assert!(doc.blocks.len() > limit / 50);

    let mut text = String::from("Titel\n\n");
    let paragraph = "Een alinea met een voetnoot¹ en meer tekst die doorloopt tot het einde.\n\n";
    while text.len() + paragraph.len() < limit - 100 {
        text.push_str(paragraph);
    }
    text.push_str("¹ De noot.\n");
    let started = std::time::Instant::now();
    let doc = txt(&text).expect("imports");
    println!("{limit} bytes of text: {} blocks in {:?}", doc.blocks.len(), started.elapsed());
}
