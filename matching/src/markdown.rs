//! Splitting a Markdown document into [`Block`]s.
//!
//! Headings are blocks of their own and set the section path of what
//! follows. Paragraphs, list items, table rows (cells joined with ` | `),
//! block quotes, footnote definitions and code blocks are one block each;
//! a list item or quote containing several paragraphs stays one block.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::{Block, BlockKind};

/// Splits `markdown` into blocks in document order. Blocks without any text
/// (such as empty table rows) are left out.
pub fn blocks_from_markdown(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut splitter = Splitter::default();
    for event in Parser::new_ext(markdown, options) {
        splitter.event(event);
    }
    splitter.blocks
}

#[derive(Default)]
struct Splitter {
    blocks: Vec<Block>,
    /// Open headings: (level, text).
    headings: Vec<(u8, String)>,
    /// The block being collected and how deep we are inside it.
    current: Option<(BlockKind, String)>,
    depth: usize,
}

impl Splitter {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(&tag),
            Event::End(end) => self.end(end),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push_text(&t);
            }
            Event::FootnoteReference(label) => self.push_text(&format!("[^{label}]")),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        if self.current.is_some() {
            self.depth += 1;
            if matches!(tag, Tag::Paragraph | Tag::Item) {
                self.push_text(" ");
            }
            return;
        }
        let kind = match tag {
            Tag::Heading { level, .. } => BlockKind::Heading(heading_level(*level)),
            Tag::Paragraph => BlockKind::Paragraph,
            Tag::Item => BlockKind::ListItem,
            Tag::TableHead | Tag::TableRow => BlockKind::TableRow,
            Tag::BlockQuote(_) => BlockKind::Quote,
            Tag::FootnoteDefinition(_) => BlockKind::Footnote,
            Tag::CodeBlock(_) => BlockKind::Code,
            _ => return,
        };
        self.current = Some((kind, String::new()));
        self.depth = 1;
    }

    fn end(&mut self, end: TagEnd) {
        if self.current.is_none() {
            return;
        }
        if matches!(end, TagEnd::TableCell) {
            self.push_text(" | ");
        }
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.finish();
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some((_, buf)) = self.current.as_mut() {
            buf.push_str(text);
        }
    }

    fn finish(&mut self) {
        let Some((kind, raw)) = self.current.take() else {
            return;
        };
        let text = tidy(&raw, kind);
        if text.chars().all(|c| !c.is_alphanumeric()) {
            return;
        }
        if let BlockKind::Heading(level) = kind {
            self.headings.retain(|(l, _)| *l < level);
            self.headings.push((level, text.clone()));
        }
        let section = self.headings.iter().map(|(_, t)| t.clone()).collect();
        self.blocks.push(Block { text, section, kind });
    }
}

/// Collapses whitespace; table rows lose their trailing separator.
fn tidy(raw: &str, kind: BlockKind) -> String {
    let text = crate::normalize::collapse_whitespace(raw);
    if kind == BlockKind::TableRow { text.trim_end_matches(" |").trim_end_matches('|').trim().to_string() } else { text }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_headings_paragraphs_lists_tables_footnotes() {
        let md = "# Titel\n\nEen alinea\nover twee regels.[^1]\n\n## Deel\n\n- punt een\n- punt twee\n\n| a | b |\n|---|---|\n| c | d |\n\n[^1]: Een voetnoot.\n";
        let blocks = blocks_from_markdown(md);
        let summary: Vec<(BlockKind, &str)> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            summary,
            vec![
                (BlockKind::Heading(1), "Titel"),
                (BlockKind::Paragraph, "Een alinea over twee regels.[^1]"),
                (BlockKind::Heading(2), "Deel"),
                (BlockKind::ListItem, "punt een"),
                (BlockKind::ListItem, "punt twee"),
                (BlockKind::TableRow, "a | b"),
                (BlockKind::TableRow, "c | d"),
                (BlockKind::Footnote, "Een voetnoot."),
            ]
        );
        assert_eq!(blocks[4].section, vec!["Titel".to_string(), "Deel".to_string()]);
    }
}
