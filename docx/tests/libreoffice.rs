//! Round trip through LibreOffice: fixture Markdown → HTML (with LibreOffice footnote markup) →
//! .docx made by `soffice` → Markdown by this crate, then the structure is compared with the
//! original. A second copy of each .docx gets Dutch heading styles (`Kop1`, "Kop 1", without
//! outline levels) and must give the same Markdown.
//! Needs LibreOffice (Debian's `libreoffice-writer-nogui`, installed by `.ci/run`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use inspraak_docx::testing::{dutch_copy, html_to_docx, markdown_to_lo_html, options, soffice};
use inspraak_docx::{Limits, docx_to_markdown};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The shared fixtures live beside the repository (`../shared/fixtures`).
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures")
}

/// The structure of a Markdown document as the importer sees it.
#[derive(Debug, Default, PartialEq)]
struct Structure {
    headings: Vec<(u8, String)>,
    paragraphs: usize,
    list_items: usize,
    /// Text of each list item (its first text event), for explaining differences.
    item_texts: Vec<String>,
    tables: usize,
    table_rows: usize,
    quotes: usize,
    other_blocks: usize,
    /// Footnote texts in the order of their references (one entry per reference).
    notes_by_reference: Vec<String>,
    definitions: usize,
}

impl Structure {
    fn blocks(&self) -> usize {
        self.headings.len() + self.paragraphs + self.list_items + self.tables + self.quotes + self.other_blocks
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn structure(source: &str) -> Structure {
    let mut s = Structure::default();
    // Stack of open containers; paragraphs count only outside items, cells and footnotes.
    let mut stack: Vec<&'static str> = Vec::new();
    let mut heading: Option<(u8, String)> = None;
    let mut note: Option<(String, String)> = None;
    let mut note_texts: HashMap<String, String> = HashMap::new();
    let mut references: Vec<String> = Vec::new();
    let mut item_open = false;
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Start(tag) => {
                let inside_counted = stack.iter().any(|k| matches!(*k, "item" | "table" | "note"));
                match tag {
                    Tag::Heading { level, .. } => heading = Some((level as u8, String::new())),
                    Tag::Paragraph => {
                        if !inside_counted {
                            s.paragraphs += 1;
                        }
                        stack.push("p");
                    }
                    Tag::Item => {
                        s.list_items += 1;
                        s.item_texts.push(String::new());
                        item_open = true;
                        stack.push("item");
                    }
                    Tag::Table(_) => {
                        s.tables += 1;
                        stack.push("table");
                    }
                    Tag::TableRow | Tag::TableHead => {
                        s.table_rows += 1;
                        stack.push("row");
                    }
                    Tag::BlockQuote(_) => {
                        s.quotes += 1;
                        stack.push("quote");
                    }
                    Tag::FootnoteDefinition(label) => {
                        s.definitions += 1;
                        note = Some((label.to_string(), String::new()));
                        stack.push("note");
                    }
                    Tag::CodeBlock(_) | Tag::HtmlBlock => {
                        if !inside_counted {
                            s.other_blocks += 1;
                        }
                        stack.push("other");
                    }
                    _ => stack.push("inline"),
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    s.headings.push((level, normalise(&text)));
                }
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                stack.pop();
                if let Some((label, text)) = note.take() {
                    note_texts.entry(label).or_insert_with(|| normalise(&text));
                }
            }
            Event::End(_) => {
                stack.pop();
                item_open = false;
            }
            Event::Text(t) | Event::Code(t) => {
                if item_open && let Some(last) = s.item_texts.last_mut() {
                    last.push_str(&t);
                    item_open = false;
                }
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                } else if let Some((_, n)) = note.as_mut() {
                    n.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, n)) = note.as_mut() {
                    n.push(' ');
                }
            }
            Event::FootnoteReference(label) => references.push(label.to_string()),
            Event::Rule => s.other_blocks += 1,
            _ => {}
        }
    }
    s.notes_by_reference = references.iter().map(|label| note_texts.get(label).cloned().unwrap_or_default()).collect();
    s
}

fn round_trip(fixture: &str) {
    // LibreOffice and the fixtures are there wherever the tests run (.ci/run installs LibreOffice).
    let soffice = soffice().expect("LibreOffice (Debian's libreoffice-writer-nogui) is installed");
    let source_path = fixtures().join(fixture);
    let source = std::fs::read_to_string(&source_path).unwrap_or_else(|e| panic!("fixture {}: {e}", source_path.display()));
    let stem = fixture.trim_end_matches(".md");
    let work = std::env::temp_dir().join(format!("inspraak-docx-roundtrip-{}", std::process::id())).join(stem);
    std::fs::create_dir_all(&work).expect("work dir");
    let html_path = work.join(format!("{stem}.html"));
    std::fs::write(&html_path, markdown_to_lo_html(&source)).expect("write html");
    let docx_path = html_to_docx(&soffice, &html_path, &work);
    let docx = std::fs::read(&docx_path).expect("read docx");

    let converted = docx_to_markdown(&docx, &Limits::default()).expect("conversion");
    std::fs::write(work.join(format!("{stem}.roundtrip.md")), &converted.markdown).expect("write md");
    println!("== {fixture}: docx and round-trip Markdown in {}", work.display());
    println!("title: {:?}; left out: {:?}", converted.title, converted.left_out);

    let original = structure(&source);
    let back = structure(&converted.markdown);

    // Headings: same level and text, in order.
    let mut heading_diffs = 0;
    for i in 0..original.headings.len().max(back.headings.len()) {
        let (a, b) = (original.headings.get(i), back.headings.get(i));
        if a != b {
            heading_diffs += 1;
            println!("heading {i}: original {a:?} vs round trip {b:?}");
        }
    }
    println!("headings: {} original, {} round trip, {heading_diffs} different", original.headings.len(), back.headings.len());

    // Blocks by kind.
    let kinds = [
        ("paragraphs", original.paragraphs, back.paragraphs),
        ("list items", original.list_items, back.list_items),
        ("tables", original.tables, back.tables),
        ("table rows", original.table_rows, back.table_rows),
        ("quotes", original.quotes, back.quotes),
        ("other blocks", original.other_blocks, back.other_blocks),
    ];
    for (kind, a, b) in kinds {
        let note = if a == b { "" } else { "  <- differs" };
        println!("{kind:>13}: original {a:>4}, round trip {b:>4}{note}");
    }
    if original.list_items != back.list_items {
        let mut remaining = back.item_texts.clone();
        for text in &original.item_texts {
            match remaining.iter().position(|t| t == text) {
                Some(i) => {
                    remaining.remove(i);
                }
                None if text.is_empty() => println!(
                    "  list item only in the original: an empty item (its text is in a nested \
                     item or it has none); Word gets an empty paragraph, which is skipped"
                ),
                None => println!("  list item only in the original: {text:?}"),
            }
        }
        for text in remaining {
            println!("  list item only in the round trip: {text:?}");
        }
    }
    println!(
        "       blocks: original {:>4}, round trip {:>4} (headings + paragraphs + list items + tables + quotes + other)",
        original.blocks(),
        back.blocks()
    );

    // Footnotes: every reference becomes its own Word footnote, so compare per reference.
    println!(
        "footnotes: references {} vs {}; definitions {} vs {}",
        original.notes_by_reference.len(),
        back.notes_by_reference.len(),
        original.definitions,
        back.definitions
    );
    if back.definitions != original.definitions {
        println!(
            "  definitions differ because Word has one footnote per reference: the original has {} \
             references to {} definitions",
            original.notes_by_reference.len(),
            original.definitions
        );
    }
    let mut note_diffs = 0;
    for (i, (a, b)) in original.notes_by_reference.iter().zip(&back.notes_by_reference).enumerate() {
        if a != b {
            note_diffs += 1;
            println!("footnote {}: original {a:?}\n   round trip {b:?}", i + 1);
        }
    }

    // Dutch heading styles give the same Markdown.
    let dutch = dutch_copy(&docx);
    std::fs::write(work.join(format!("{stem}.kop.docx")), &dutch).expect("write dutch copy");
    let dutch_converted = docx_to_markdown(&dutch, &Limits::default()).expect("dutch conversion");
    let same = dutch_converted.markdown == converted.markdown;
    println!("Dutch heading styles (Kop1.., no outline levels): same Markdown: {same}");

    assert_eq!(heading_diffs, 0, "headings differ");
    assert!(original.blocks().abs_diff(back.blocks()) <= 2, "block counts differ by more than 2");
    assert_eq!(original.notes_by_reference.len(), back.notes_by_reference.len(), "footnote reference counts differ");
    assert_eq!(back.definitions, back.notes_by_reference.len(), "round trip should have one definition per reference");
    assert_eq!(note_diffs, 0, "footnote texts differ");
    assert!(same, "Dutch heading styles give different Markdown");
    assert!(converted.left_out.is_empty(), "nothing should be left out");
}

#[test]
fn regiovisie_round_trip() {
    round_trip("regiovisie-hollands-midden-2019-2023.md");
}

#[test]
fn vragen_antwoorden_round_trip() {
    round_trip("vragen-antwoorden-verwerkt.md");
}

#[test]
fn footnote_markup_is_libreoffice_style() {
    let html = markdown_to_lo_html("Tekst[^a].\n\n[^a]: Noot.\n");
    assert!(html.contains("<a class=\"sdfootnoteanc\" name=\"sdfootnote1anc\" href=\"#sdfootnote1sym\"><sup>1</sup></a>"));
    assert!(
        html.contains(
            "<div id=\"sdfootnote1\"><p><a class=\"sdfootnotesym\" name=\"sdfootnote1sym\" href=\"#sdfootnote1anc\">1</a>Noot.</p>"
        )
    );
}
