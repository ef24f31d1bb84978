//! Word documents (DOCX, through docx-rs) of the response documents. The text comes from the same
//! Markdown as the `.md` download, so that both say the same: a title page with the organisation,
//! the period and the date, a table of contents field, real heading styles (Heading 1 to 3, so
//! Word's navigation pane and the TOC work), the paragraph labels as headings, quotes of the
//! document in a quote style, answers as structured paragraphs, and page numbers in the footer.
//!
//! Why structured paragraphs and not a table per answer: answers are often long, with lists and
//! their own paragraphs; in a table row they split badly over pages, are hard to edit in Word,
//! and read poorly aloud. A table is used where the content is tabular: the totals per status.

use crate::domain::export::xml_safe;
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, LineSpacing, PageNum, Paragraph, Run, RunFonts, Style, StyleType, Table, TableCell,
    TableOfContents, TableRow, WidthType,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[derive(Debug, thiserror::Error)]
#[error("the Word document could not be written: {0}")]
pub struct DocxError(String);

/// What goes on the title page and in the running header.
pub struct DocxMeta<'a> {
    pub title: &'a str,
    pub organisation: &'a str,
    /// Lines under the title: the period, "Opgemaakt op …".
    pub subtitle_lines: Vec<String>,
    pub toc_title: &'a str,
    pub toc_placeholder: &'a str,
    pub page_word: &'a str,
}

/// A document being built: paragraphs and tables in order.
pub struct DocxBuilder {
    docx: Docx,
    toc_added: bool,
    meta_toc: (String, String),
}

const FONT: &str = "Arial";
const BODY_SIZE: usize = 22; // half-points: 11 pt

fn fonts() -> RunFonts {
    RunFonts::new().ascii(FONT).hi_ansi(FONT).east_asia(FONT).cs(FONT)
}

fn heading_style(level: usize, size: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(size)
        .color("1F3864")
        .outline_lvl(level - 1)
        .line_spacing(LineSpacing::new().before(if level == 1 { 360 } else { 240 }).after(120))
}

fn styles() -> Vec<Style> {
    vec![
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .size(BODY_SIZE)
            .line_spacing(LineSpacing::new().after(120)),
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(44)
            .color("1F3864"),
        heading_style(1, 32),
        heading_style(2, 28),
        heading_style(3, 24),
        Style::new("Quote", StyleType::Paragraph).name("Quote").based_on("Normal").q_format(true).italic().color("404040").indent(
            Some(567),
            None,
            None,
            None,
        ),
        Style::new("TOCHeading", StyleType::Paragraph).name("TOC Heading").based_on("Heading1").next("Normal"),
    ]
}

impl DocxBuilder {
    pub fn new(meta: &DocxMeta<'_>) -> Self {
        let mut docx = Docx::new().default_fonts(fonts()).default_size(BODY_SIZE);
        for style in styles() {
            docx = docx.add_style(style);
        }
        let running =
            if meta.organisation.is_empty() { meta.title.to_string() } else { format!("{} · {}", meta.organisation, meta.title) };
        let header = Header::new().add_paragraph(
            Paragraph::new().align(AlignmentType::Right).add_run(Run::new().add_text(xml_safe(&running)).size(16).color("595959")),
        );
        let footer = Footer::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text(format!("{} ", meta.page_word)).size(18))
                .add_page_num(PageNum::new()),
        );
        docx = docx.header(header).footer(footer);
        docx = docx.add_paragraph(Paragraph::new().style("Title").add_run(Run::new().add_text(xml_safe(meta.title))));
        if !meta.organisation.is_empty() {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(meta.organisation)).bold().size(28)));
        }
        for line in &meta.subtitle_lines {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(line))));
        }
        DocxBuilder { docx, toc_added: false, meta_toc: (meta.toc_title.to_string(), meta.toc_placeholder.to_string()) }
    }

    pub fn paragraph(mut self, text: &str) -> Self {
        self.docx = self.docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(text))));
        self
    }

    /// A table with a bold header row.
    pub fn table(mut self, head: &[&str], rows: &[Vec<String>]) -> Self {
        let cell = |text: &str, bold: bool| {
            let run = Run::new().add_text(xml_safe(text));
            TableCell::new().add_paragraph(Paragraph::new().add_run(if bold { run.bold() } else { run }))
        };
        let mut table_rows = vec![TableRow::new(head.iter().map(|h| cell(h, true)).collect())];
        table_rows.extend(rows.iter().map(|row| TableRow::new(row.iter().map(|c| cell(c, false)).collect())));
        self.docx = self.docx.add_table(Table::new(table_rows).width(5000, WidthType::Pct));
        self
    }

    /// The table of contents: a TOC field over Heading 1 and 2, filled with the headings and marked
    /// for updating, so Word fills in the page numbers when the document is opened.
    pub fn toc(mut self) -> Self {
        if self.toc_added {
            return self;
        }
        self.toc_added = true;
        let (title, placeholder) = self.meta_toc.clone();
        self.docx = self
            .docx
            .add_paragraph(Paragraph::new().style("TOCHeading").page_break_before(true).add_run(Run::new().add_text(xml_safe(&title))))
            .add_table_of_contents(TableOfContents::new().heading_styles_range(1, 2).alias(title).auto().dirty())
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(&placeholder)).italic().size(18).color("595959")));
        self
    }

    /// Appends Markdown: `#` becomes the title style, `##` Heading 1, `###` Heading 2, and so on.
    /// The table of contents goes in before the first Heading 1 if it is not there yet.
    pub fn markdown(mut self, markdown: &str) -> Self {
        let mut writer = MarkdownWriter::default();
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            writer.event(event);
        }
        writer.flush();
        for piece in writer.pieces {
            match piece {
                Piece::Paragraph(p, heading) => {
                    if heading == Some(1) && !self.toc_added {
                        self = self.toc();
                    }
                    self.docx = self.docx.add_paragraph(*p);
                }
                Piece::Table(t) => self.docx = self.docx.add_table(*t),
            }
        }
        self
    }

    pub fn finish(mut self) -> Result<Vec<u8>, DocxError> {
        if !self.toc_added {
            self = self.toc();
        }
        let mut out = std::io::Cursor::new(Vec::new());
        self.docx.build().pack(&mut out).map_err(|e| DocxError(e.to_string()))?;
        Ok(out.into_inner())
    }
}

enum Piece {
    /// With its Word heading level, if it is a heading.
    Paragraph(Box<Paragraph>, Option<usize>),
    Table(Box<Table>),
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
struct Format {
    bold: bool,
    italic: bool,
    strike: bool,
    code: bool,
}

/// Turns pulldown-cmark events into Word paragraphs and tables.
#[derive(Default)]
struct MarkdownWriter {
    pieces: Vec<Piece>,
    current: Option<Paragraph>,
    heading: Option<usize>,
    style: Option<&'static str>,
    format: Format,
    quote_depth: usize,
    /// Per open list: the next number, or None for bullets.
    lists: Vec<Option<u64>>,
    link: Option<String>,
    table: Option<(Vec<TableRow>, Vec<TableCell>, bool)>,
    cell: Option<Paragraph>,
    /// Text not yet written as a run: consecutive text with one format becomes one run.
    pending: Option<(Format, String)>,
}

impl MarkdownWriter {
    fn paragraph_mut(&mut self) -> &mut Paragraph {
        if self.cell.is_some() {
            return self.cell.get_or_insert_with(Paragraph::new);
        }
        if self.current.is_none() {
            let mut p = Paragraph::new();
            if let Some(style) = self.style.or(if self.quote_depth > 0 { Some("Quote") } else { None }) {
                p = p.style(style);
            }
            self.current = Some(p);
        }
        self.current.get_or_insert_with(Paragraph::new)
    }

    fn text(&mut self, text: &str) {
        match self.pending.as_mut() {
            Some((format, buffer)) if *format == self.format => buffer.push_str(text),
            _ => {
                self.write_run();
                self.pending = Some((self.format, text.to_string()));
            }
        }
    }

    fn write_run(&mut self) {
        let Some((format, text)) = self.pending.take() else { return };
        let mut run = Run::new().add_text(xml_safe(&text));
        if format.bold {
            run = run.bold();
        }
        if format.italic {
            run = run.italic();
        }
        if format.strike {
            run = run.strike();
        }
        if format.code {
            run = run.fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New"));
        }
        let p = std::mem::take(self.paragraph_mut());
        *self.paragraph_mut() = p.add_run(run);
    }

    fn line_break(&mut self) {
        self.write_run();
        let p = std::mem::take(self.paragraph_mut());
        *self.paragraph_mut() = p.add_run(Run::new().add_break(BreakType::TextWrapping));
    }

    fn flush(&mut self) {
        self.write_run();
        if let Some(p) = self.current.take() {
            self.pieces.push(Piece::Paragraph(Box::new(p), self.heading));
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => {
                self.format.code = true;
                self.text(&code);
                self.format.code = false;
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.line_break(),
            Event::Rule => {
                self.flush();
                self.pieces.push(Piece::Paragraph(Box::new(Paragraph::new().add_run(Run::new().add_text("———"))), None));
            }
            // Raw HTML is not carried into Word; the text between the tags still is.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(name) => self.text(&format!("[{name}]")),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                let level = match level {
                    HeadingLevel::H1 => 0,
                    HeadingLevel::H2 => 1,
                    HeadingLevel::H3 => 2,
                    _ => 3,
                };
                self.heading = (level > 0).then_some(level);
                self.style = Some(match level {
                    0 => "Title",
                    1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                });
            }
            Tag::Paragraph => {
                if self.cell.is_none() && !self.lists.is_empty() && self.current.is_some() {
                    // A second paragraph in a list item starts a new line.
                    self.flush();
                } else if self.cell.is_none() && self.lists.is_empty() {
                    self.flush();
                }
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        marker
                    }
                    _ => "• ".to_string(),
                };
                let indent = 360 * (depth as i32 + 1);
                self.current = Some(Paragraph::new().indent(Some(indent), Some(docx_rs::SpecialIndentType::Hanging(280)), None, None));
                self.text(&marker);
            }
            Tag::Emphasis => self.format.italic = true,
            Tag::Strong => self.format.bold = true,
            Tag::Strikethrough => self.format.strike = true,
            Tag::Link { dest_url, .. } => self.link = Some(dest_url.to_string()),
            Tag::Image { dest_url, .. } => self.link = Some(dest_url.to_string()),
            Tag::CodeBlock(_) => {
                self.flush();
                self.format.code = true;
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some((Vec::new(), Vec::new(), false));
            }
            Tag::TableHead => {
                if let Some(table) = self.table.as_mut() {
                    table.2 = true;
                }
            }
            Tag::TableRow => {}
            Tag::TableCell => self.cell = Some(Paragraph::new()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.write_run();
                if let Some(p) = self.current.take() {
                    self.pieces.push(Piece::Paragraph(Box::new(p.keep_next(true)), self.heading));
                }
                self.heading = None;
                self.style = None;
            }
            TagEnd::Paragraph | TagEnd::Item => {
                if self.cell.is_none() {
                    self.flush();
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Emphasis => self.format.italic = false,
            TagEnd::Strong => self.format.bold = false,
            TagEnd::Strikethrough => self.format.strike = false,
            TagEnd::Link | TagEnd::Image => {
                if let Some(url) = self.link.take() {
                    self.text(&format!(" ({url})"));
                }
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.format.code = false;
            }
            TagEnd::TableCell => {
                self.write_run();
                let bold = self.table.as_ref().is_some_and(|t| t.2);
                let p = self.cell.take().unwrap_or_default();
                let p = if bold { p.bold() } else { p };
                if let Some(table) = self.table.as_mut() {
                    table.1.push(TableCell::new().add_paragraph(p));
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(table) = self.table.as_mut() {
                    let cells = std::mem::take(&mut table.1);
                    table.0.push(TableRow::new(cells));
                    table.2 = false;
                }
            }
            TagEnd::Table => {
                if let Some((rows, _, _)) = self.table.take()
                    && !rows.is_empty()
                {
                    self.pieces.push(Piece::Table(Box::new(Table::new(rows).width(5000, WidthType::Pct))));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn document_xml(bytes: &[u8]) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut xml = String::new();
        zip.by_name("word/document.xml").expect("document.xml").read_to_string(&mut xml).expect("utf-8");
        xml
    }

    fn meta() -> DocxMeta<'static> {
        DocxMeta {
            title: "Nota van beantwoording Visie",
            organisation: "Gemeente Lindeburg",
            subtitle_lines: vec!["Opgemaakt op 26 november 2026".into()],
            toc_title: "Inhoud",
            toc_placeholder: "Werk bij",
            page_word: "Pagina",
        }
    }

    #[test]
    fn headings_quotes_lists_and_tables_become_word_structure() {
        let md =
            "## Hoofdstuk 1\n\n### 1, alinea 2\n\n> Geciteerd\n\n**Inspreker 1**\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        let bytes = DocxBuilder::new(&meta()).markdown(md).finish().expect("written");
        let xml = document_xml(&bytes);
        assert!(xml.contains(r#"<w:pStyle w:val="Heading1" />"#), "{xml}");
        assert!(xml.contains(r#"<w:pStyle w:val="Heading2" />"#));
        assert!(xml.contains(r#"<w:pStyle w:val="Quote" />"#));
        assert!(xml.contains("TOC \\o"), "a table of contents field");
        assert!(xml.contains("• "));
        assert!(xml.contains("<w:tbl>"));
        assert!(xml.find("TOC \\o") < xml.find("Hoofdstuk 1</w:t>"), "the contents come before the first chapter");
    }

    #[test]
    fn control_characters_and_markup_in_text_stay_text() {
        let bytes = DocxBuilder::new(&meta()).markdown("Naam \\<b\\>Jan\\</b\\> & co\u{1}").finish().expect("written");
        let xml = document_xml(&bytes);
        assert!(xml.contains("Naam &lt;b&gt;Jan&lt;/b&gt; &amp; co\u{FFFD}"), "{xml}");
    }
}
