//! Plain-text reader for word-processor exports.
//!
//! The text is cut into chunks at blank lines. Headings are single-line chunks:
//! - "Hoofdstuk 3. …", "Bijlage 2: …", "Deel 1 …" (chapter level);
//! - "a. Titel" inside a chapter, when the letters run a, b, c, … (section level);
//! - "3.2 Titel" (level from the number of parts);
//! - unnumbered lines that look like headings (short, capitalised, no closing punctuation):
//!   always when listed in the document's own table of contents ("Inhoudsopgave", which is
//!   itself skipped) or a usual chapter name ("Samenvatting", "Inleiding", …); otherwise only
//!   when followed by body text inside a chapter that has no numbered sections, because inside
//!   lettered sections such lines are run-in headings ("Ambitie preventie") that the Markdown
//!   version keeps as paragraphs.
//!
//! Other chunks become paragraphs (wrapped lines joined), lists ("-", "•", "*", "1." … items;
//! deeper indentation nests; lists separated only by blank lines are merged), tables (lines with
//! tabs, first row as header, "----" rows dropped) and footnotes (a paragraph starting with
//! superscript digits "¹²"; superscript digits in the text that match a footnote become links).
//! Stray `<p>` tags from exports are removed and mark paragraph boundaries; all other text is
//! escaped.

use std::collections::HashSet;

use super::ImportError;
use super::html::{self, escape_into};
use super::outline::{DocBuilder, Heading, Numbering, collapse_ws, parse_heading};
use crate::domain::document::{BlockKind, ImportedDocument};

const TOC_HEADERS: &[&str] = &["inhoudsopgave", "inhoud", "inhoudstafel", "inhoudsopgaaf", "table of contents", "contents"];

const CHAPTER_NAMES: &[&str] = &[
    "samenvatting",
    "managementsamenvatting",
    "inleiding",
    "voorwoord",
    "conclusie",
    "conclusies",
    "conclusies en aanbevelingen",
    "aanbevelingen",
    "slotwoord",
    "tot slot",
    "nawoord",
    "literatuur",
    "literatuurlijst",
    "bronnen",
    "bronvermelding",
    "begrippenlijst",
    "afkortingen",
    "lijst van afkortingen",
    "colofon",
    "bijlagen",
    "verantwoording",
    "summary",
    "introduction",
    "conclusion",
];

pub(super) fn import(source: &str) -> Result<ImportedDocument, ImportError> {
    let lines = preprocess(source);
    let (lines, toc) = remove_toc(lines);
    let mut chunks = chunks(&lines);

    let mut doc = DocBuilder::new();
    for chunk in &chunks {
        for line in chunk {
            if let Some((label, _)) = footnote_definition(line) {
                doc.register_footnote(&label);
            }
        }
    }

    if let Some(first) = chunks.first_mut() {
        let line = first[0];
        let name = normalise(line);
        if heading_shape(line, 150)
            && parse_heading(line).number.is_none()
            && !CHAPTER_NAMES.contains(&name.as_str())
            && !toc.contains(&name)
            && footnote_definition(line).is_none()
            && list_item(line).is_none()
        {
            doc.set_title(line);
            first.remove(0);
        }
    }
    chunks.retain(|c| !c.is_empty());

    let wrapped = hard_wrapped(&lines);
    let items = merge_lists(classify(&chunks, &toc, wrapped));
    for item in items {
        match item {
            Item::Heading(level, heading) => {
                doc.add_section(level, heading);
            }
            Item::Paragraph(text) => {
                let html = format!("<p>{}</p>", inline(&text, &doc));
                doc.add_block(BlockKind::Paragraph, &html, None);
            }
            Item::Footnote(label, text) => {
                let html = format!("<p>{}</p>", inline(&text, &doc));
                doc.add_footnote(&label, &html);
            }
            Item::List(items) => {
                let html = render_list(&items, &doc);
                doc.add_block(BlockKind::List, &html, None);
            }
            Item::Table(rows) => {
                let html = render_table(&rows, &doc);
                doc.add_block(BlockKind::Table, &html, None);
            }
        }
    }
    doc.finish()
}

#[derive(Debug)]
enum Item {
    Heading(u8, Heading),
    Paragraph(String),
    Footnote(String, String),
    List(Vec<ListItem>),
    Table(Vec<Vec<String>>),
}

#[derive(Debug)]
struct ListItem {
    indent: usize,
    number: Option<u64>,
    text: String,
}

/// Lines with trailing whitespace removed, whitespace-only lines empty, simple HTML tags removed;
/// a line wrapped in `<p>…</p>` becomes a paragraph of its own.
fn preprocess(source: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for raw in source.split('\n') {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            lines.push(String::new());
            continue;
        }
        let own_paragraph = trimmed.starts_with("<p>") || trimmed.starts_with("<p ") || trimmed.ends_with("</p>");
        let cleaned = strip_tags(line);
        let cleaned = cleaned.trim_end();
        if cleaned.trim().is_empty() {
            lines.push(String::new());
        } else if own_paragraph {
            lines.push(String::new());
            lines.push(cleaned.trim_start().to_string());
            lines.push(String::new());
        } else {
            lines.push(cleaned.to_string());
        }
    }
    lines
}

/// Removes `<tag …>` and `</tag>`; a `<` that doesn't open a tag (`<https://…>`, `a < b`) stays.
fn strip_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let name = after.strip_prefix('/').unwrap_or(after);
        let name_len = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
        let is_tag = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name[name_len..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace());
        match (is_tag, after.find('>')) {
            (true, Some(gt)) => rest = &after[gt + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Lowercase, whitespace collapsed, leader dots and a final colon removed: for comparing titles.
fn normalise(line: &str) -> String {
    collapse_ws(line).trim_end_matches(['.', '…', ':', ' ']).to_lowercase()
}

/// Drops a table of contents ("Inhoudsopgave" followed by "Titel<TAB>4" or "Titel ..... 4"
/// lines) and returns the normalised titles it lists.
fn remove_toc(mut lines: Vec<String>) -> (Vec<String>, HashSet<String>) {
    let mut titles = HashSet::new();
    let Some(header) = lines.iter().position(|l| TOC_HEADERS.contains(&normalise(l).as_str())) else {
        return (lines, titles);
    };
    let mut last_entry = None;
    for (i, line) in lines.iter().enumerate().skip(header + 1) {
        if line.is_empty() {
            continue;
        }
        match toc_entry(line) {
            Some(title) => {
                titles.insert(normalise(title));
                last_entry = Some(i);
            }
            None => break,
        }
    }
    match last_entry {
        Some(last) if titles.len() >= 2 => {
            lines.drain(header..=last);
            (lines, titles)
        }
        _ => (lines, HashSet::new()),
    }
}

fn toc_entry(line: &str) -> Option<&str> {
    let line = line.trim();
    let page_start = line.rfind(|c: char| !c.is_ascii_digit()).map(|i| i + line[i..].chars().next().map_or(1, char::len_utf8))?;
    let page = &line[page_start..];
    if page.is_empty() || page.len() > 4 {
        return None;
    }
    let before = &line[..page_start];
    let title = if let Some(title) = before.strip_suffix('\t') {
        title
    } else {
        let title = before.trim_end().trim_end_matches(['.', '…']);
        if title.len() + 3 > before.trim_end().len() {
            return None;
        }
        title
    };
    let title = title.trim_end_matches(['.', '…', ' ', '\t']);
    (!title.is_empty() && !title.contains('\t')).then_some(title)
}

/// Runs of non-empty lines; a "Hoofdstuk"/"Bijlage" heading line always stands alone.
fn chunks(lines: &[String]) -> Vec<Vec<&str>> {
    let mut chunks: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        if line.is_empty() {
            if !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
            continue;
        }
        if strong_heading(line).is_some() {
            if !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
            chunks.push(vec![line.as_str()]);
            continue;
        }
        current.push(line);
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
}

/// A short line without tabs and without closing punctuation, as headings are.
fn heading_shape(line: &str, max_chars: usize) -> bool {
    let text = line.trim();
    let count = text.chars().count();
    (2..=max_chars).contains(&count)
        && !text.contains('\t')
        && text.split_whitespace().count() <= 16
        && !text.ends_with(['.', ',', ';', ':'])
        && text.starts_with(|c: char| c.is_alphanumeric())
}

fn starts_uppercase(text: &str) -> bool {
    text.trim_start().starts_with(char::is_uppercase)
}

/// "Hoofdstuk 5. …" or "Bijlage 2: …" as a heading.
fn strong_heading(line: &str) -> Option<Heading> {
    if !heading_shape(line, 160) {
        return None;
    }
    let heading = parse_heading(line);
    matches!(heading.number, Some(Numbering::Chapter { .. } | Numbering::Named { .. })).then_some(heading)
}

/// Tracks the open chapter while classifying chunks.
#[derive(Default)]
struct Context {
    in_chapter: bool,
    numbered_sections: bool,
    last_letter: Option<char>,
}

impl Context {
    fn open_chapter(&mut self) {
        *self = Context { in_chapter: true, ..Context::default() };
    }
}

/// Whether paragraphs are wrapped over several lines (few long lines), as opposed to a
/// word-processor export where every line is a paragraph.
fn hard_wrapped(lines: &[String]) -> bool {
    let (mut text_lines, mut long_lines) = (0usize, 0usize);
    for line in lines.iter().filter(|l| !l.is_empty()) {
        text_lines += 1;
        if line.chars().count() > 120 {
            long_lines += 1;
        }
    }
    long_lines * 20 < text_lines
}

fn classify(chunks: &[Vec<&str>], toc: &HashSet<String>, wrapped: bool) -> Vec<Item> {
    let mut items = Vec::new();
    let mut ctx = Context::default();
    for (i, chunk) in chunks.iter().enumerate() {
        if let [line] = chunk.as_slice()
            && let Some((level, heading)) = heading(line, chunks.get(i + 1), toc, &mut ctx)
        {
            items.push(Item::Heading(level, heading));
            continue;
        }
        blocks(chunk, wrapped, &mut items);
    }
    items
}

/// Decides whether a single-line chunk is a heading, and at which level.
fn heading(line: &str, next: Option<&Vec<&str>>, toc: &HashSet<String>, ctx: &mut Context) -> Option<(u8, Heading)> {
    if let Some(heading) = strong_heading(line) {
        ctx.open_chapter();
        return Some((1, heading));
    }
    if !heading_shape(line, 120) || list_item(line).is_some() {
        return None;
    }
    let heading = parse_heading(line);
    match heading.number {
        Some(Numbering::Letter(letter)) => {
            let expected = ctx.last_letter.map_or('a', |l| char::from(l as u8 + 1));
            if ctx.in_chapter && letter == expected && starts_uppercase(&heading.title) {
                ctx.numbered_sections = true;
                ctx.last_letter = Some(letter);
                return Some((2, heading));
            }
            None
        }
        Some(Numbering::Decimal(ref number)) if number.contains('.') => {
            let level = u8::try_from(number.split('.').count()).unwrap_or(u8::MAX);
            if level == 1 {
                ctx.open_chapter();
            } else {
                ctx.numbered_sections = true;
            }
            Some((level, heading))
        }
        Some(_) => None,
        None => {
            if !heading_shape(line, 80) || !starts_uppercase(line) {
                return None;
            }
            let name = normalise(line);
            let chapter_name = CHAPTER_NAMES.contains(&name.as_str());
            let accepted = chapter_name
                || toc.contains(&name)
                || (next.is_some_and(|n| is_body(n)) && if ctx.in_chapter { !ctx.numbered_sections } else { toc.is_empty() });
            if !accepted {
                return None;
            }
            if chapter_name || !ctx.in_chapter {
                ctx.open_chapter();
                Some((1, heading))
            } else {
                Some((2, heading))
            }
        }
    }
}

/// Whether a chunk is body text (not another heading-like line).
fn is_body(chunk: &[&str]) -> bool {
    match chunk {
        [line] => !heading_shape(line, 80) || list_item(line).is_some() || footnote_definition(line).is_some(),
        _ => true,
    }
}

/// Splits a chunk into tables (lines with tabs), lists, footnotes and paragraphs. Unless the text
/// is hard-wrapped, each other line is a paragraph of its own.
fn blocks(chunk: &[&str], wrapped: bool, items: &mut Vec<Item>) {
    enum Open {
        None,
        Paragraph(Vec<String>),
        Footnote(String, Vec<String>),
        List(Vec<ListItem>),
        Table(Vec<Vec<String>>),
    }
    fn close(open: Open, items: &mut Vec<Item>) {
        match open {
            Open::None => {}
            Open::Paragraph(lines) => items.push(Item::Paragraph(lines.join(" "))),
            Open::Footnote(label, lines) => items.push(Item::Footnote(label, lines.join(" "))),
            Open::List(list) => items.push(Item::List(list)),
            Open::Table(rows) => {
                if !rows.is_empty() {
                    items.push(Item::Table(rows));
                }
            }
        }
    }

    let mut open = Open::None;
    for line in chunk {
        if line.contains('\t') {
            let cells: Vec<String> = line.split('\t').map(collapse_ws).collect();
            let separator = cells.iter().all(|c| c.chars().all(|ch| matches!(ch, '-' | '=' | '_' | ':' | '+' | ' ')));
            if let Open::Table(rows) = &mut open {
                if !separator {
                    rows.push(cells);
                }
            } else {
                close(std::mem::replace(&mut open, Open::None), items);
                open = Open::Table(if separator { Vec::new() } else { vec![cells] });
            }
            continue;
        }
        if let Some((label, text)) = footnote_definition(line) {
            close(std::mem::replace(&mut open, Open::None), items);
            open = Open::Footnote(label, vec![text.trim().to_string()]);
            continue;
        }
        if let Some(item) = list_item(line) {
            match &mut open {
                Open::List(list) => list.push(item),
                _ => {
                    close(std::mem::replace(&mut open, Open::None), items);
                    open = Open::List(vec![item]);
                }
            }
            continue;
        }
        let text = line.trim().to_string();
        let indented = line.starts_with([' ', '\t']);
        match &mut open {
            Open::Paragraph(lines) | Open::Footnote(_, lines) if wrapped => lines.push(text),
            Open::List(list) if wrapped || indented => {
                if let Some(last) = list.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(&text);
                }
            }
            _ => {
                close(std::mem::replace(&mut open, Open::None), items);
                open = Open::Paragraph(vec![text]);
            }
        }
    }
    close(open, items);
}

/// "- tekst", "• tekst", "3. tekst", "3) tekst" with its indentation.
fn list_item(line: &str) -> Option<ListItem> {
    let trimmed = line.trim_start();
    let indent: usize = line[..line.len() - trimmed.len()].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    let (number, rest) = if matches!(first, '-' | '•' | '*' | '–' | '·' | '▪' | '◦' | '‣') {
        (None, chars.as_str())
    } else {
        let digits = trimmed.find(|c: char| !c.is_ascii_digit()).unwrap_or(trimmed.len());
        if !(1..=3).contains(&digits) {
            return None;
        }
        let rest = trimmed[digits..].strip_prefix(['.', ')'])?;
        (trimmed[..digits].parse().ok(), rest)
    };
    if !rest.starts_with([' ', '\t']) || rest.trim().is_empty() {
        return None;
    }
    Some(ListItem { indent, number, text: rest.trim().to_string() })
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

/// "¹² Tekst" → ("12", "Tekst").
fn footnote_definition(line: &str) -> Option<(String, &str)> {
    let trimmed = line.trim_start();
    let label: String = trimmed.chars().map_while(superscript_digit).collect();
    if label.is_empty() {
        return None;
    }
    let rest = &trimmed[trimmed.char_indices().nth(label.chars().count()).map_or(trimmed.len(), |(i, _)| i)..];
    (rest.starts_with([' ', '\t']) && !rest.trim().is_empty()).then_some((label, rest.trim()))
}

/// Lists separated only by blank lines are one list (a loose list in Markdown terms).
fn merge_lists(items: Vec<Item>) -> Vec<Item> {
    let mut merged: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let (Some(Item::List(previous)), Item::List(next)) = (merged.last_mut(), &item)
            && continues(previous, next)
        {
            let Item::List(next) = item else { continue };
            previous.extend(next);
            continue;
        }
        merged.push(item);
    }
    merged
}

fn continues(previous: &[ListItem], next: &[ListItem]) -> bool {
    let (Some(first_prev), Some(first_next)) = (previous.first(), next.first()) else {
        return false;
    };
    if first_next.indent > first_prev.indent {
        return true;
    }
    let last_top = previous.iter().rev().find(|i| i.indent <= first_prev.indent);
    match (last_top.and_then(|i| i.number), first_next.number) {
        (None, None) => true,
        (Some(last), Some(next)) => next == last + 1,
        _ => false,
    }
}

/// Nested `<ul>`/`<ol>` from items with indentation.
fn render_list(items: &[ListItem], doc: &DocBuilder) -> String {
    let mut out = String::new();
    // Open lists: (indentation, closing tag).
    let mut open: Vec<(usize, &str)> = Vec::new();
    for item in items {
        let deeper = open.last().is_none_or(|&(indent, _)| item.indent > indent);
        if deeper {
            let (tag, close) = match item.number {
                Some(n) if n != 1 => (format!("<ol start=\"{n}\">"), "</ol>"),
                Some(_) => ("<ol>".to_string(), "</ol>"),
                None => ("<ul>".to_string(), "</ul>"),
            };
            out.push_str(&tag);
            open.push((item.indent, close));
        } else {
            while open.len() > 1 && open.last().is_some_and(|&(indent, _)| item.indent < indent) {
                if let Some((_, close)) = open.pop() {
                    out.push_str("</li>");
                    out.push_str(close);
                }
            }
            out.push_str("</li>");
        }
        out.push_str("<li>");
        out.push_str(&inline(&item.text, doc));
    }
    while let Some((_, close)) = open.pop() {
        out.push_str("</li>");
        out.push_str(close);
    }
    out
}

fn render_table(rows: &[Vec<String>], doc: &DocBuilder) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = String::from("<table>");
    for (r, row) in rows.iter().enumerate() {
        if r == 0 {
            out.push_str("<thead>");
        } else if r == 1 {
            out.push_str("<tbody>");
        }
        out.push_str("<tr>");
        let tag = if r == 0 { "th" } else { "td" };
        for c in 0..columns {
            let cell = row.get(c).map_or("", String::as_str);
            out.push_str(&format!("<{tag}>{}</{tag}>", inline(cell, doc)));
        }
        out.push_str("</tr>");
        if r == 0 {
            out.push_str("</thead>");
        }
    }
    if rows.len() > 1 {
        out.push_str("</tbody>");
    }
    out.push_str("</table>");
    out
}

/// Escaped text with footnote markers linked and web addresses made links.
fn inline(text: &str, doc: &DocBuilder) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if superscript_digit(c).is_some() {
            let run: String = rest.chars().take_while(|&c| superscript_digit(c).is_some()).collect();
            let label: String = run.chars().filter_map(superscript_digit).collect();
            match doc.footnote_anchor(&label) {
                Some(anchor) => out.push_str(&html::footnote_ref(anchor, &label)),
                None => out.push_str(&run),
            }
            rest = &rest[run.len()..];
            continue;
        }
        let bracketed = c == '<' && (rest[1..].starts_with("http://") || rest[1..].starts_with("https://"));
        if bracketed || rest.starts_with("http://") || rest.starts_with("https://") {
            let start = usize::from(bracketed);
            let body = &rest[start..];
            let len = body.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"')).unwrap_or(body.len());
            let url = body[..len].trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
            if url.len() > "https://".len() {
                let escaped = html::escape(url);
                out.push_str(&format!("<a href=\"{escaped}\">{escaped}</a>"));
                rest = &body[url.len()..];
                if bracketed && let Some(after) = rest.strip_prefix('>') {
                    rest = after;
                }
                continue;
            }
        }
        escape_into(&rest[..c.len_utf8()], &mut out);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn toc_entries() {
        assert_eq!(toc_entry("Samenvatting\t4"), Some("Samenvatting"));
        assert_eq!(toc_entry("Landelijke cijfers.....\t9"), Some("Landelijke cijfers"));
        assert_eq!(toc_entry("Inleiding ........ 12"), Some("Inleiding"));
        assert_eq!(toc_entry("Meldingen\t4102\t27\t258"), None);
        assert_eq!(toc_entry("Een zin met 2019"), None);
    }

    #[test]
    fn footnote_markers() {
        assert_eq!(footnote_definition("¹⁰ Onder huiselijk geweld"), Some(("10".to_string(), "Onder huiselijk geweld")));
        assert_eq!(footnote_definition("regiovisie¹ zijn"), None);
    }

    #[test]
    fn tags_are_stripped_but_autolinks_kept() {
        assert_eq!(strip_tags("<p>1. Tekst</p>"), "1. Tekst");
        assert_eq!(strip_tags("zie <https://x.nl> en a < b"), "zie <https://x.nl> en a < b");
    }
}
