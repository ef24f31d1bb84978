//! The regional vision in Markdown and as a plain-text export: counts checked by eye against the
//! files, labels and anchors of known passages.

use super::*;
use crate::domain::document::Section;
use crate::domain::label::{BlockLabel, SectionLabel};

fn section<'a>(doc: &'a ImportedDocument, anchor: &str) -> &'a Section {
    doc.sections.iter().find(|s| s.anchor == anchor).unwrap_or_else(|| panic!("no section {anchor}"))
}

fn block_text<'a>(doc: &'a ImportedDocument, anchor: &str) -> &'a str {
    &doc.blocks.iter().find(|b| b.anchor == anchor).unwrap_or_else(|| panic!("no block {anchor}")).text
}

/// What both versions of the document have in common.
fn assert_regiovisie_outline(doc: &ImportedDocument) {
    assert_eq!(doc.title.as_deref(), Some("Geweld hoort nergens thuis"));
    assert_eq!(doc.sections.len(), 46);
    assert_eq!(doc.sections.iter().filter(|s| s.level == 1).count(), 16);

    let samenvatting = section(doc, "samenvatting");
    assert_eq!((samenvatting.level, samenvatting.number.as_deref()), (1, None));
    assert_eq!(samenvatting.label, "Samenvatting");

    let h5 = section(doc, "h5");
    assert_eq!(h5.number.as_deref(), Some("Hoofdstuk 5"));
    assert_eq!(h5.label, "5");
    assert_eq!(h5.title, "Actielijn1: de regionale uitwerking van Eerder en beter in beeld");

    let preventie = section(doc, "h5-a");
    assert_eq!(preventie.number.as_deref(), Some("a"));
    assert_eq!(preventie.title, "Preventie");
    assert_eq!(preventie.label, "5.a");
    assert_eq!(preventie.level, 2);
    assert_eq!(preventie.parent.map(|p| doc.sections[p].anchor.as_str()), Some("h5"));

    let bijlage = section(doc, "bijlage-2");
    assert_eq!(bijlage.number.as_deref(), Some("Bijlage 2"));
    assert_eq!(bijlage.label, "Bijlage 2");

    let leeswijzer = section(doc, "leeswijzer");
    assert_eq!(leeswijzer.label, "Inleiding - Leeswijzer");

    // "Centrale ambitie" occurs twice: the second one is told apart by its chapter.
    assert_eq!(section(doc, "centrale-ambitie").label, "Samenvatting - Centrale ambitie");
    assert_eq!(section(doc, "h3-centrale-ambitie").label, "3 - Centrale ambitie");
    assert_eq!(h5.label_parts, SectionLabel::Chapter("5".into()));
    assert_eq!(preventie.label_parts, SectionLabel::Subsection("5.a".into()));
    assert_eq!(bijlage.label_parts, SectionLabel::Annex("2".into()));
    assert_eq!(leeswijzer.label_parts, SectionLabel::Named("Inleiding - Leeswijzer".into()));

    let first = doc.blocks.iter().find(|b| b.anchor == "h5-a-1").expect("first block of 5.a");
    assert_eq!(first.label, "5.a, alinea 1");
    assert_eq!(first.label_parts, BlockLabel::paragraph(SectionLabel::Subsection("5.a".into()), 1));
    assert_eq!(first.kind, BlockKind::Paragraph);
    assert!(first.text.starts_with("De ambitie bij de aanpak van huiselijk geweld"));
    assert!(block_text(doc, "h5-a-3").starts_with("Het doel van universele preventie"));

    let footnote = doc.blocks.iter().find(|b| b.anchor == "voetnoot-1").expect("footnote 1");
    assert_eq!(footnote.kind, BlockKind::Footnote);
    assert_eq!(footnote.label, "voetnoot 1");
    assert_eq!(footnote.label_parts, BlockLabel::footnote("1"));
    assert_eq!(footnote.text, "zie voor Terugblik regiovisie 2014-2018 bijlage 3");
    assert_eq!(footnote.section, Some(0), "placed where defined, in Samenvatting");

    let with_ref = doc.blocks.iter().find(|b| b.anchor == "samenvatting-4").expect("fourth paragraph of the summary");
    assert!(with_ref.html.contains("<a href=\"#voetnoot-1\""));
    assert!(with_ref.text.contains("regiovisie[1] zijn"));

    let table = doc.blocks.iter().find(|b| b.anchor == "h4-c-3").expect("DUVO table");
    assert_eq!(table.kind, BlockKind::Table);
    assert!(table.html.starts_with("<table>"));
    assert!(table.text.contains("Gouda | 1.581.916"));

    let list = doc.blocks.iter().find(|b| b.anchor == "geinterviewde-partijen-1").expect("list of interviewed parties");
    assert_eq!(list.kind, BlockKind::List);
    assert_eq!(list.text.lines().count(), 21);

    // Bijlage 5 is a heading without text; the "+" placeholder of Bijlage 2 is dropped.
    assert!(!doc.blocks.iter().any(|b| b.anchor.starts_with("bijlage-5-")));
    assert_eq!(doc.blocks.iter().filter(|b| b.anchor.starts_with("bijlage-2-")).count(), 1);
    for block in &doc.blocks {
        assert_eq!(BlockLabel::from_dutch(&block.label), block.label_parts, "{} read back", block.label);
    }
    assert_well_formed(doc);
}

#[test]
fn markdown_regiovisie() {
    let doc = import_fixture(&format!("{REGIOVISIE}.md"));
    assert_regiovisie_outline(&doc);
    assert_eq!(doc.blocks.len(), 248);
    assert_eq!(count(&doc, BlockKind::Paragraph), 188);
    assert_eq!(count(&doc, BlockKind::List), 26);
    assert_eq!(count(&doc, BlockKind::Table), 7);
    assert_eq!(count(&doc, BlockKind::Footnote), 27);
    assert_eq!(count(&doc, BlockKind::Quote) + count(&doc, BlockKind::Code), 0);
    // The four italic lines under the title come before the first section.
    assert_eq!(doc.blocks.iter().filter(|b| b.section.is_none()).count(), 4);
    assert_eq!(doc.blocks[0].anchor, "begin-1");
    assert_eq!(doc.blocks[0].label, "Begin, alinea 1");
    assert!(doc.blocks[0].html.contains("<em>"));
}

#[test]
fn text_regiovisie() {
    let doc = import_fixture(&format!("{REGIOVISIE}.txt"));
    assert_regiovisie_outline(&doc);
    assert_eq!(doc.blocks.len(), 247);
    assert_eq!(count(&doc, BlockKind::Paragraph), 188);
    // One fewer than Markdown: "2. …" with " - a. …" under it is one nested list here.
    assert_eq!(count(&doc, BlockKind::List), 25);
    assert_eq!(count(&doc, BlockKind::Table), 7);
    assert_eq!(count(&doc, BlockKind::Footnote), 27);
    // The table of contents is skipped, not imported as a table.
    assert!(!doc.blocks.iter().any(|b| b.text.contains("Inhoudsopgave")));
    // Footnote markers "¹⁰" become references; the stray <p> tags of the export are gone.
    let definitions = doc
        .blocks
        .iter()
        .find(|b| b.anchor == "h1-definities-1")
        .or_else(|| doc.blocks.iter().find(|b| b.anchor == "definities-1"))
        .expect("first block of Definities");
    assert!(definitions.html.contains("href=\"#voetnoot-9\""));
    assert!(!doc.blocks.iter().any(|b| b.text.contains("<p>")));
    // Word-processor lines are paragraphs of their own.
    assert_eq!(doc.blocks.iter().filter(|b| b.section.is_none()).count(), 4);
}

#[test]
fn other_markdown_fixtures() {
    let advies = import_fixture("asd-advies-verslag-2023.md");
    assert_eq!(advies.title.as_deref(), Some("Inbreng van de Adviesraad Sociaal Domein (ASD)"));
    assert!(advies.sections.is_empty());
    assert_eq!(advies.blocks.len(), 3);
    assert_eq!(advies.blocks[2].kind, BlockKind::List);
    assert_eq!(advies.blocks[2].label, "Alinea 3");
    assert_eq!(advies.blocks[2].label_parts, BlockLabel::paragraph(SectionLabel::Unsectioned, 3));
    assert_well_formed(&advies);

    let vragen = import_fixture("vragen-antwoorden-verwerkt.md");
    assert_eq!(count(&vragen, BlockKind::Table), 1);
    assert_eq!(count(&vragen, BlockKind::List), 1);
    assert_well_formed(&vragen);
}

#[test]
fn fixtures_import_quickly() {
    for name in [format!("{REGIOVISIE}.md"), format!("{REGIOVISIE}.txt")] {
        let bytes = fixture_bytes(&name);
        let format = SourceFormat::from_file_name(&name).expect("known extension");
        let started = std::time::Instant::now();
        import_document(&bytes, format).expect("fixture imports");
        let elapsed = started.elapsed();
        println!("{name}: {elapsed:?}");
        assert!(elapsed < std::time::Duration::from_secs(1), "{name} took {elapsed:?}");
    }
}
