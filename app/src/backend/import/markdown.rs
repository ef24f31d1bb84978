//! Markdown reader (CommonMark with GitHub tables, footnotes and strikethrough).
//!
//! Top-level headings become sections; every other top-level element (paragraph, list, table,
//! quote, code block, HTML block, footnote definition) becomes one block. The only `#` heading of
//! a document, when it is the first heading, is the title; otherwise `#` is chapter level.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::ImportError;
use super::html;
use super::outline::{DocBuilder, parse_heading};
use crate::domain::document::{BlockKind, ImportedDocument};

pub(super) fn import(source: &str) -> Result<ImportedDocument, ImportError> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event<'_>> = Parser::new_ext(source, options).collect();
    let blocks = top_level(&events);

    let mut doc = DocBuilder::new();
    let mut headings = Vec::new();
    for &(start, _) in &blocks {
        match &events[start] {
            Event::Start(Tag::Heading { level, .. }) => headings.push((start, *level)),
            Event::Start(Tag::FootnoteDefinition(label)) => doc.register_footnote(label),
            _ => {}
        }
    }
    let h1_count = headings.iter().filter(|(_, l)| *l == HeadingLevel::H1).count();
    let title_at = match headings.first() {
        Some(&(start, HeadingLevel::H1)) if h1_count == 1 => Some(start),
        _ => None,
    };
    let base = headings.iter().filter(|(start, _)| Some(*start) != title_at).map(|(_, level)| *level as u8).min().unwrap_or(1);

    for (start, end) in blocks {
        let inner = &events[start + 1..end];
        match &events[start] {
            Event::Start(Tag::Heading { level, .. }) => {
                let text = plain_text(inner);
                if text.is_empty() {
                    continue;
                }
                if Some(start) == title_at {
                    doc.set_title(&text);
                } else {
                    let level = (*level as u8).saturating_sub(base) + 1;
                    doc.add_section(level, parse_heading(&text));
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let html = render(inner, &doc);
                doc.add_footnote(label, &html);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                let code = plain_text_raw(inner);
                let html = render(&events[start..=end], &doc);
                doc.add_block(BlockKind::Code, &html, Some(code.trim_end().to_string()));
            }
            Event::Start(Tag::MetadataBlock(_)) => {}
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::List(_) | Tag::DefinitionList => BlockKind::List,
                    Tag::Table(_) => BlockKind::Table,
                    Tag::BlockQuote(_) => BlockKind::Quote,
                    _ => BlockKind::Paragraph,
                };
                let html = render(&events[start..=end], &doc);
                doc.add_block(kind, &html, None);
            }
            _ => {}
        }
    }
    doc.finish()
}

/// (start, end) indices of the top-level elements; `end` is the index of the matching `End`.
fn top_level(events: &[Event<'_>]) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    blocks.push((start, i));
                }
            }
            _ => {}
        }
    }
    blocks
}

/// HTML of a run of events, with footnote references linked to their blocks and images reduced
/// to their alternative text. Raw HTML is passed on; the builder sanitises the result.
fn render(events: &[Event<'_>], doc: &DocBuilder) -> String {
    let mapped = events.iter().filter_map(|event| match event {
        Event::FootnoteReference(label) => Some(match doc.footnote_anchor(label) {
            Some(anchor) => Event::InlineHtml(html::footnote_ref(anchor, label).into()),
            None => Event::Text(format!("[^{label}]").into()),
        }),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other.clone()),
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, mapped);
    out
}

/// Text of inline events, whitespace collapsed (for headings).
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    super::outline::collapse_ws(&text)
}

/// Text of events as written (for code blocks).
fn plain_text_raw(events: &[Event<'_>]) -> String {
    events
        .iter()
        .filter_map(|event| match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}
