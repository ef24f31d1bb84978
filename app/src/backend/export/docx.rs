//! Word documents (DOCX, through docx-rs) of the response documents. The text comes from the same
//! Markdown as the `.md` download, so that both say the same: a title page with the organisation,
//! the period and the date, for the long documents a list of contents with page numbers, real
//! heading styles (Heading 1 to 3, so Word's navigation pane works), the paragraph labels as headings, quotes of the
//! document in a quote style, answers as structured paragraphs, and page numbers in the footer.
//!
//! Memory: docx-rs keeps a whole document as a tree and writes it in one piece, which for 10,000
//! reactions took over half a gigabyte. So docx-rs builds the package around the body (styles,
//! header, footer, title page, contents), and the body is written into the package's
//! `word/document.xml` as it is read from the Markdown, each paragraph built by docx-rs and
//! dropped once written. The package is deflated (docx-rs stores its parts uncompressed).
//!
//! Pictures (a municipality's logo) are drawn by `logos`, not docx-rs: each distinct picture is one
//! part under `word/media/`, added here with its relationship, however often it is shown.
//!
//! Why structured paragraphs and not a table per answer: answers are often long, with lists and
//! their own paragraphs; in a table row they split badly over pages, are hard to edit in Word,
//! and read poorly aloud. A table is used where the content is tabular: the totals per status.

use super::logos::{Figure, Picture, figure_paragraph, image_relationship};
use crate::domain::export::xml_safe;
use docx_rs::{
    AlignmentType, BreakType, BuildXML, Docx, FieldCharType, Footer, Header, InstrPAGEREF, InstrText, LineSpacing, PageNum, Paragraph, Run,
    RunFonts, Style, StyleType, Tab, TabLeaderType, TabValueType, Table, TableCell, TableRow, WidthType,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::io::{Read, Write};

#[derive(Debug, thiserror::Error)]
#[error("the Word document could not be written: {0}")]
pub struct DocxError(String);

/// What goes on the title page and in the running header.
pub struct DocxMeta<'a> {
    pub title: &'a str,
    pub organisation: &'a str,
    /// Lines under the title: the period, "Opgemaakt op …".
    pub subtitle_lines: Vec<String>,
    /// A list of contents after the title page (the nota); a letter has none.
    pub contents: Option<Contents<'a>>,
    pub page_word: &'a str,
    /// A picture above the title (the sender's logo).
    pub logo: Option<Figure<'a>>,
}

/// The list of contents: a line per chapter and section (Markdown `##` and `###`) with its page.
///
/// Not a Word TOC field: LibreOffice shows a TOC field from another program as its raw field code
/// (`TOC \o "1-2"…`) unless it carries Word's own document-part markup, and then without page
/// numbers. A heading per line with a PAGEREF field to the heading's bookmark reads right in both:
/// LibreOffice fills in the pages when it lays out or converts the document, and Word when it
/// updates the fields (marked for updating, so it offers to on opening).
#[derive(Debug, Clone, Copy)]
pub struct Contents<'a> {
    pub title: &'a str,
    /// Under the list, small: how to fill in page numbers that are missing.
    pub hint: &'a str,
}

/// A document being built: the title page and what follows it, then the body.
pub struct DocxBuilder {
    front: Docx,
    body: Vec<BodyPart>,
    contents: Option<(String, String)>,
    /// The distinct pictures, each one part in the package.
    pictures: Vec<Picture>,
    /// The picture above the title: which one, and its text alternative.
    title_picture: Option<(usize, String)>,
}

/// The body: Markdown, with a picture here and there between its blocks.
enum BodyPart {
    Markdown(String),
    Picture { index: usize, alt: String },
}

const FONT: &str = "Arial";
const BODY_SIZE: usize = 22; // half-points: 11 pt
/// Where the streamed body goes in the package docx-rs writes.
const BODY_MARKER: &str = "INSPRAAK-BODY-7f3a";
/// Where the picture above the title goes.
const TITLE_PICTURE_MARKER: &str = "INSPRAAK-TITLE-PICTURE-7f3a";

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
        Style::new("TOC1", StyleType::Paragraph).name("toc 1").based_on("Normal").next("Normal").line_spacing(LineSpacing::new().after(60)),
        Style::new("TOC2", StyleType::Paragraph)
            .name("toc 2")
            .based_on("Normal")
            .next("Normal")
            .indent(Some(284), None, None, None)
            .line_spacing(LineSpacing::new().after(60)),
    ]
}

fn docx_error(error: impl std::fmt::Display) -> DocxError {
    DocxError(error.to_string())
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
        let mut pictures = Vec::new();
        let title_picture = meta.logo.as_ref().map(|figure| (picture_index(&mut pictures, figure.picture), figure.alt.clone()));
        if title_picture.is_some() {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(TITLE_PICTURE_MARKER)));
        }
        docx = docx.add_paragraph(Paragraph::new().style("Title").add_run(Run::new().add_text(xml_safe(meta.title))));
        if !meta.organisation.is_empty() {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(meta.organisation)).bold().size(28)));
        }
        for line in &meta.subtitle_lines {
            docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(line))));
        }
        DocxBuilder {
            front: docx,
            body: Vec::new(),
            contents: meta.contents.map(|c| (c.title.to_string(), c.hint.to_string())),
            pictures,
            title_picture,
        }
    }

    pub fn paragraph(mut self, text: &str) -> Self {
        self.front = self.front.add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(text))));
        self
    }

    /// A table with a bold header row, before the contents.
    pub fn table(mut self, head: &[&str], rows: &[Vec<String>]) -> Self {
        let cell = |text: &str, bold: bool| {
            let run = Run::new().add_text(xml_safe(text));
            TableCell::new().add_paragraph(Paragraph::new().add_run(if bold { run.bold() } else { run }))
        };
        let mut table_rows = vec![TableRow::new(head.iter().map(|h| cell(h, true)).collect())];
        table_rows.extend(rows.iter().map(|row| TableRow::new(row.iter().map(|c| cell(c, false)).collect())));
        self.front = self.front.add_table(Table::new(table_rows).width(5000, WidthType::Pct));
        self
    }

    /// The body, in Markdown: `#` becomes the title style, `##` Heading 1, `###` Heading 2, and
    /// so on. It follows the contents.
    pub fn markdown(mut self, markdown: &str) -> Self {
        if let Some(BodyPart::Markdown(body)) = self.body.last_mut() {
            body.push_str(markdown);
            body.push('\n');
        } else {
            self.body.push(BodyPart::Markdown(format!("{markdown}\n")));
        }
        self
    }

    /// A picture in the body, on a paragraph of its own that stays with the next one (the
    /// heading it stands above).
    pub fn figure(mut self, figure: Figure<'_>) -> Self {
        let index = picture_index(&mut self.pictures, figure.picture);
        self.body.push(BodyPart::Picture { index, alt: figure.alt });
        self
    }

    /// Writes the package: docx-rs's parts with the body streamed into `word/document.xml`.
    pub fn finish(self) -> Result<Vec<u8>, DocxError> {
        let DocxBuilder { mut front, body, contents, pictures, title_picture } = self;
        if let Some((title, hint)) = &contents {
            front = front
                .add_paragraph(Paragraph::new().style("TOCHeading").page_break_before(true).add_run(Run::new().add_text(xml_safe(title))));
            let headings = body.iter().flat_map(|part| match part {
                BodyPart::Markdown(markdown) => toc_headings(markdown),
                BodyPart::Picture { .. } => Vec::new(),
            });
            for (i, (level, text)) in headings.enumerate() {
                front = front.add_paragraph(contents_line(level, &text, &toc_key(i)));
            }
            front = front.add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(hint)).italic().size(18).color("595959")));
        }
        let front = front.add_paragraph(Paragraph::new().add_run(Run::new().add_text(BODY_MARKER)));
        let mut package = std::io::Cursor::new(Vec::new());
        front.build().pack(&mut package).map_err(docx_error)?;

        let mut parts = zip::ZipArchive::new(std::io::Cursor::new(package.into_inner())).map_err(docx_error)?;
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for i in 0..parts.len() {
            let mut part = parts.by_index(i).map_err(docx_error)?;
            let name = part.name().map_err(docx_error)?.to_string();
            out.start_file(name.as_str(), deflated).map_err(docx_error)?;
            if name == "word/document.xml" {
                let mut xml = String::new();
                part.read_to_string(&mut xml).map_err(docx_error)?;
                let (before, after) = split_at_marker(&xml, BODY_MARKER).ok_or_else(|| DocxError("body marker not found".into()))?;
                let mut drawer = Drawer { pictures: &pictures, drawn: 0 };
                match &title_picture {
                    Some((index, alt)) => {
                        let (above, below) = split_at_marker(before, TITLE_PICTURE_MARKER)
                            .ok_or_else(|| DocxError("title picture marker not found".into()))?;
                        out.write_all(above.as_bytes()).map_err(docx_error)?;
                        out.write_all(drawer.paragraph(*index, alt, 0).as_bytes()).map_err(docx_error)?;
                        out.write_all(below.as_bytes()).map_err(docx_error)?;
                    }
                    None => out.write_all(before.as_bytes()).map_err(docx_error)?,
                }
                write_body(&body, &mut drawer, &mut out)?;
                out.write_all(after.as_bytes()).map_err(docx_error)?;
            } else if name == "word/_rels/document.xml.rels" && !pictures.is_empty() {
                let mut xml = String::new();
                part.read_to_string(&mut xml).map_err(docx_error)?;
                let end = xml.rfind("</Relationships>").ok_or_else(|| DocxError("no end of the relationships".into()))?;
                let added: String =
                    pictures.iter().enumerate().map(|(i, p)| image_relationship(&picture_id(i), &media_name(i, p))).collect();
                out.write_all(format!("{}{added}{}", &xml[..end], &xml[end..]).as_bytes()).map_err(docx_error)?;
            } else {
                std::io::copy(&mut part, &mut out).map_err(docx_error)?;
            }
        }
        for (i, picture) in pictures.iter().enumerate() {
            out.start_file(format!("word/{}", media_name(i, picture)), deflated).map_err(docx_error)?;
            out.write_all(picture.bytes()).map_err(docx_error)?;
        }
        Ok(out.finish().map_err(docx_error)?.into_inner())
    }
}

/// Reads the Markdown and writes each paragraph or table as soon as it is complete, and the
/// pictures between them.
fn write_body(body: &[BodyPart], drawer: &mut Drawer<'_>, out: &mut impl Write) -> Result<(), DocxError> {
    let mut writer = MarkdownWriter::default();
    for part in body {
        match part {
            BodyPart::Markdown(markdown) => {
                for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
                    writer.event(event);
                    writer.drain_to(out)?;
                }
                writer.flush();
                writer.drain_to(out)?;
            }
            // Further from the text before than from its heading after, so that it reads as the
            // head of what follows.
            BodyPart::Picture { index, alt } => out.write_all(drawer.paragraph(*index, alt, 360).as_bytes()).map_err(docx_error)?,
        }
    }
    Ok(())
}

/// Draws the document's pictures, each drawing with an id of its own.
struct Drawer<'p> {
    pictures: &'p [Picture],
    drawn: usize,
}

impl Drawer<'_> {
    fn paragraph(&mut self, index: usize, alt: &str, before: u32) -> String {
        self.drawn += 1;
        figure_paragraph(&picture_id(index), self.drawn, self.pictures[index].size(), alt, before)
    }
}

/// The index of a picture among the document's, added if it is not there yet.
fn picture_index(pictures: &mut Vec<Picture>, picture: &Picture) -> usize {
    match pictures.iter().position(|p| p.bytes() == picture.bytes()) {
        Some(index) => index,
        None => {
            pictures.push(picture.clone());
            pictures.len() - 1
        }
    }
}

/// The relationship id of the document's `index`th picture.
fn picture_id(index: usize) -> String {
    format!("rIdInspraakPicture{}", index + 1)
}

/// The part of a picture, under `word/`: `[Content_Types].xml` maps `.png` and `.jpeg`.
fn media_name(index: usize, picture: &Picture) -> String {
    format!("media/inspraak-picture{}.{}", index + 1, picture.extension())
}

/// The right edge of the text, in twentieths of a point: docx-rs's A4 page (11,906 wide) less its
/// margins (1,701 each side). A tab beyond it pushes the page number onto a line of its own.
const CONTENTS_TAB: usize = 11_906 - 2 * 1_701;

/// One line of the contents: the heading, dots, and its page (a PAGEREF field to the heading's
/// bookmark, empty until the word processor fills it in).
fn contents_line(level: usize, text: &str, key: &str) -> Paragraph {
    let page = Run::new()
        .add_field_char(FieldCharType::Begin, true)
        .add_instr_text(InstrText::PAGEREF(InstrPAGEREF::new(key).hyperlink()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("")
        .add_field_char(FieldCharType::End, false);
    Paragraph::new()
        .style(&format!("TOC{level}"))
        .add_tab(Tab::new().val(TabValueType::Right).leader(TabLeaderType::Dot).pos(CONTENTS_TAB))
        .add_run(Run::new().add_text(xml_safe(text)))
        .add_run(Run::new().add_tab())
        .add_run(page)
}

fn toc_key(i: usize) -> String {
    format!("_Toc{:08}", i + 1)
}

/// Word heading levels 1 and 2 (Markdown `##` and `###`) with their text, in order.
fn toc_headings(markdown: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => current = Some((1, String::new())),
            Event::Start(Tag::Heading { level: HeadingLevel::H3, .. }) => current = Some((2, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, buffer)) = current.as_mut() {
                    buffer.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// The document XML before and after the marker paragraph.
fn split_at_marker<'x>(xml: &'x str, marker: &str) -> Option<(&'x str, &'x str)> {
    let at = xml.find(marker)?;
    let start = xml[..at].rfind("<w:p ")?;
    let end = at + xml[at..].find("</w:p>")? + "</w:p>".len();
    Some((&xml[..start], &xml[end..]))
}

enum Piece {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

#[derive(Default, Clone, Copy, PartialEq, Eq)]
struct Format {
    bold: bool,
    italic: bool,
    strike: bool,
    /// Words added to a passage (`<ins>` in the Markdown of a before/after).
    underline: bool,
    code: bool,
}

/// Turns pulldown-cmark events into Word paragraphs and tables.
#[derive(Default)]
struct MarkdownWriter {
    pieces: Vec<Piece>,
    current: Option<Paragraph>,
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
    /// Paragraphs made so far, for unique paragraph ids.
    paragraphs: u32,
    /// Headings of Word level 1 and 2 so far, for their bookmarks (the TOC's anchors).
    headings: usize,
    /// The bookmark id of the heading being written.
    bookmark: Option<usize>,
}

impl MarkdownWriter {
    /// A new paragraph with an id of its own (above those of the title page docx-rs numbers).
    fn new_paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new().id(format!("{:08X}", 0x1000_0000 + self.paragraphs))
    }

    fn drain_to(&mut self, out: &mut impl Write) -> Result<(), DocxError> {
        for piece in self.pieces.drain(..) {
            let xml = match piece {
                Piece::Paragraph(p) => p.build(),
                Piece::Table(t) => t.build(),
            };
            out.write_all(&xml).map_err(docx_error)?;
        }
        Ok(())
    }

    fn paragraph_mut(&mut self) -> &mut Paragraph {
        if self.cell.is_none() && self.current.is_none() {
            let mut p = self.new_paragraph();
            if let Some(style) = self.style.or(if self.quote_depth > 0 { Some("Quote") } else { None }) {
                p = p.style(style);
            }
            self.current = Some(p);
        }
        match self.cell.as_mut() {
            Some(cell) => cell,
            None => self.current.get_or_insert_with(Paragraph::new),
        }
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
        if format.underline {
            run = run.underline("single");
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
            self.pieces.push(Piece::Paragraph(Box::new(p)));
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
                let p = self.new_paragraph().add_run(Run::new().add_text("———"));
                self.pieces.push(Piece::Paragraph(Box::new(p)));
            }
            // An insertion in a before/after is underlined; other raw HTML is not carried into
            // Word, the text between the tags still is.
            Event::InlineHtml(html) if html.trim() == "<ins>" => self.format.underline = true,
            Event::InlineHtml(html) if html.trim() == "</ins>" => self.format.underline = false,
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
                self.style = Some(match level {
                    0 => "Title",
                    1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                });
                if matches!(level, 1 | 2) {
                    // The anchor the table of contents points to (same order as `toc_headings`).
                    let id = self.headings + 1;
                    let p = self.paragraph_mut().clone().add_bookmark_start(id, toc_key(self.headings));
                    *self.paragraph_mut() = p;
                    self.headings += 1;
                    self.bookmark = Some(id);
                }
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
                self.current = Some(self.new_paragraph().indent(Some(indent), Some(docx_rs::SpecialIndentType::Hanging(280)), None, None));
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
            Tag::TableCell => self.cell = Some(self.new_paragraph()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.write_run();
                if let Some(p) = self.current.take() {
                    let p = match self.bookmark.take() {
                        Some(id) => p.add_bookmark_end(id),
                        None => p,
                    };
                    self.pieces.push(Piece::Paragraph(Box::new(p.keep_next(true))));
                }
                self.style = None;
            }
            TagEnd::Paragraph | TagEnd::Item if self.cell.is_none() => self.flush(),
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
            contents: Some(Contents { title: "Inhoud", hint: "Werk bij" }),
            page_word: "Pagina",
            logo: None,
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
        assert!(!xml.contains("TOC \\o"), "no TOC field, which LibreOffice shows as its code");
        assert!(
            xml.contains(r#"<w:pStyle w:val="TOC2" />"#) && xml.contains("PAGEREF _Toc00000002"),
            "a contents line per heading, with its page"
        );
        assert!(xml.contains("• "));
        assert!(xml.contains("<w:tbl>"));
        assert!(xml.find("PAGEREF") < xml.find(r#"<w:pStyle w:val="Heading1" />"#), "the contents come before the first chapter");
    }

    #[test]
    fn a_letter_has_no_contents() {
        let letter = DocxMeta { contents: None, ..meta() };
        let xml = document_xml(&DocxBuilder::new(&letter).markdown("## Punt 1\n\nTekst.\n").finish().unwrap());
        assert!(!xml.contains("PAGEREF") && !xml.contains("Inhoud") && !xml.contains("TOCHeading\" />"), "{xml}");
        assert!(xml.contains("Punt 1</w:t>"));
    }

    #[test]
    fn a_passage_before_and_after_has_deletions_struck_through_and_insertions_underlined() {
        let bytes = DocxBuilder::new(&meta()).markdown("Respijtzorg binnen ~~vier~~<ins>twee</ins> weken.").finish().unwrap();
        let xml = document_xml(&bytes);
        let run_of = |word: &str| {
            let at = xml.find(&format!(">{word}<")).unwrap_or_else(|| panic!("{word} in {xml}"));
            let start = xml[..at].rfind("<w:r>").unwrap();
            xml[start..at].to_string()
        };
        assert!(run_of("vier").contains("<w:strike"), "{}", run_of("vier"));
        assert!(run_of("twee").contains("<w:u "), "{}", run_of("twee"));
        assert!(!run_of(" weken.").contains("<w:u "), "underline ends with the insertion");
    }

    #[test]
    fn a_picture_is_one_part_in_its_own_format_drawn_where_placed_with_its_text_alternative() {
        use crate::backend::export::logos::tests::{TALL_JPEG, WIDE_PNG};
        use crate::backend::export::logos::{Figure, Picture};
        let (jpeg, png) = (Picture::logo(TALL_JPEG).unwrap(), Picture::logo(WIDE_PNG).unwrap());
        let figure = |picture, alt: &str| Figure { picture, alt: alt.to_string() };
        let with_logo = DocxMeta { logo: Some(figure(&jpeg, "Logo van Waterhoven")), ..meta() };
        let bytes = DocxBuilder::new(&with_logo)
            .markdown("## Adviezen\n")
            .figure(figure(&png, "Logo van Lindeburg"))
            .markdown("### Brief een\n\nTekst.\n")
            .figure(figure(&png, "Logo van Lindeburg"))
            .markdown("### Brief twee\n")
            .finish()
            .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut part = |name: &str| {
            let mut content = Vec::new();
            zip.by_name(name).unwrap_or_else(|_| panic!("{name}")).read_to_end(&mut content).unwrap();
            content
        };
        assert_eq!(part("word/media/inspraak-picture1.jpeg"), TALL_JPEG, "the JPEG as uploaded, named as one");
        assert_eq!(part("word/media/inspraak-picture2.png"), WIDE_PNG, "one part for a picture shown twice");
        let types = String::from_utf8(part("[Content_Types].xml")).unwrap();
        assert!(
            types.contains(r#"ContentType="image/jpeg" Extension="jpeg""#) && types.contains(r#"ContentType="image/png" Extension="png""#),
            "{types}"
        );
        let rels = String::from_utf8(part("word/_rels/document.xml.rels")).unwrap();
        assert!(rels.contains(r#"Id="rIdInspraakPicture1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/inspraak-picture1.jpeg""#), "{rels}");
        assert!(rels.contains(r#"Id="rIdInspraakPicture2""#) && rels.contains("styles.xml"), "docx-rs's relationships kept: {rels}");
        let xml = String::from_utf8(part("word/document.xml")).unwrap();
        assert_eq!(xml.matches("<w:drawing>").count(), 3);
        let at = |needle: &str| xml.find(needle).unwrap_or_else(|| panic!("{needle} in {xml}"));
        assert!(
            at(r#"<wp:docPr id="1" name="Logo 1" descr="Logo van Waterhoven" />"#) < at(r#"<w:pStyle w:val="Title" />"#),
            "above the title"
        );
        assert!(!xml.contains("INSPRAAK-"), "no marker left");
        // A heading's text is in the contents first, then in the body.
        let heading = |text: &str| xml.rfind(&format!("{text}</w:t>")).unwrap_or_else(|| panic!("{text} in {xml}"));
        let first = at(r#"<wp:docPr id="2" name="Logo 2" descr="Logo van Lindeburg" />"#);
        assert!(heading("Adviezen") < first && first < heading("Brief een"), "above its letter");
        let second = at(r#"<wp:docPr id="3" "#);
        assert!(heading("Brief een") < second && second < heading("Brief twee"));
        assert_eq!(xml.matches(r#"r:embed="rIdInspraakPicture2""#).count(), 2);
        assert!(xml.contains(r#"<wp:extent cx="540000" cy="720000" />"#), "the JPEG 1.5 × 2 cm");
        assert!(
            xml.contains("PAGEREF _Toc00000003") && xml.contains(r#"w:name="_Toc00000003""#),
            "contents and bookmarks around the pictures"
        );
    }

    #[test]
    fn without_a_picture_there_is_no_media() {
        let bytes = DocxBuilder::new(&meta()).markdown("Tekst.").finish().unwrap();
        let zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        assert!(!zip.file_names().any(|n| n.is_ok_and(|n| n.starts_with("word/media"))));
        assert!(!document_xml(&bytes).contains("<w:drawing>"));
    }

    #[test]
    fn control_characters_and_markup_in_text_stay_text() {
        let bytes = DocxBuilder::new(&meta()).markdown("Naam \\<b\\>Jan\\</b\\> & co\u{1}").finish().expect("written");
        let xml = document_xml(&bytes);
        assert!(xml.contains("Naam &lt;b&gt;Jan&lt;/b&gt; &amp; co\u{FFFD}"), "{xml}");
    }
}
