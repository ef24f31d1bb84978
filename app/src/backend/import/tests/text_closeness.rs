//! How close the plain-text import comes to the Markdown import of the same document.

use super::*;

#[test]
fn text_import_finds_the_markdown_sections() {
    let markdown = import_fixture(&format!("{REGIOVISIE}.md"));
    let text = import_fixture(&format!("{REGIOVISIE}.txt"));

    let key = |s: &crate::domain::document::Section| (s.level, s.number.clone(), s.title.clone(), s.label.clone(), s.anchor.clone());
    let found: HashSet<_> = text.sections.iter().map(key).collect();
    let missing: Vec<_> = markdown.sections.iter().map(key).filter(|k| !found.contains(k)).collect();
    let extra = text.sections.len() + missing.len() - markdown.sections.len();
    println!(
        "text import: {} of {} Markdown sections identical (level, number, title, label, anchor); \
         missing {missing:?}; {extra} extra",
        markdown.sections.len() - missing.len(),
        markdown.sections.len()
    );
    assert_eq!(markdown.sections.len(), 46);
    assert!(missing.is_empty(), "missing {missing:?}");
    assert_eq!(extra, 0);

    // Blocks: same anchors and kinds except in Bijlage 3 (one nested list instead of two lists).
    let blocks =
        |doc: &ImportedDocument| -> HashSet<(String, BlockKind)> { doc.blocks.iter().map(|b| (b.anchor.clone(), b.kind)).collect() };
    let (md_blocks, text_blocks) = (blocks(&markdown), blocks(&text));
    let shared = md_blocks.intersection(&text_blocks).count();
    println!("blocks with the same anchor and kind: {shared} of {} (text import has {})", md_blocks.len(), text_blocks.len());
    assert!(shared >= 222, "only {shared} blocks shared");
    let outside_bijlage_3 = |set: &HashSet<(String, BlockKind)>| -> HashSet<(String, BlockKind)> {
        set.iter().filter(|(a, _)| !a.starts_with("bijlage-3-")).cloned().collect()
    };
    assert_eq!(outside_bijlage_3(&md_blocks), outside_bijlage_3(&text_blocks));
}
