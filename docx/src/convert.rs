//! Walking word/document.xml (and the notes parts) into Markdown blocks.

use std::collections::{BTreeSet, HashMap};

use crate::LeftOut;
use crate::markdown::{self, Block, Inline};
use crate::numbering::Numbering;
use crate::package::Relationships;
use crate::styles::{Role, Styles, on_off};
use crate::xml::Element;

/// Counters of what was not converted.
#[derive(Debug, Default)]
struct Dropped {
    images: usize,
    charts: usize,
    text_boxes: usize,
    comments: BTreeSet<String>,
    deletions: usize,
    equations: usize,
    objects: usize,
    toc_entries: usize,
}

/// A notes part (footnotes or endnotes): note elements by id, and the part's relationships.
pub(crate) struct Notes {
    notes: HashMap<String, Element>,
    rels: Relationships,
}

impl Notes {
    /// Collects the real notes of a `w:footnotes` / `w:endnotes` root; separator and
    /// continuation notes (those with a `w:type`) are skipped.
    pub fn parse(root: Option<Element>, rels: Relationships) -> Self {
        let mut notes = HashMap::new();
        if let Some(root) = root {
            for node in root.children {
                if let crate::xml::Node::Element(el) = node
                    && (el.name == "w:footnote" || el.name == "w:endnote")
                    && el.attr("w:type").is_none_or(|t| t == "normal")
                    && let Some(id) = el.attr("w:id").map(str::to_string)
                {
                    notes.insert(id, el);
                }
            }
        }
        Self { notes, rels }
    }
}

/// Which notes part a reference points into.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum NoteKind {
    Foot,
    End,
}

/// Formatting and link state while walking runs.
#[derive(Clone, Default)]
struct RunState {
    link: Option<String>,
}

/// A converted paragraph before it becomes a block.
struct Paragraph {
    role: Role,
    numbered: Option<(crate::numbering::Numbered, u8, String)>,
    content: Vec<Inline>,
}

/// The converter for one document.
pub(crate) struct Converter {
    styles: Styles,
    numbering: Numbering,
    footnotes: Notes,
    endnotes: Notes,
    /// (kind, id) → assigned label, in reference order.
    note_labels: HashMap<(NoteKind, String), usize>,
    /// label → converted paragraphs of the note.
    note_bodies: Vec<(usize, Vec<Vec<Inline>>)>,
    dropped: Dropped,
    /// Raw heading blocks: (level or `None` for the title, content).
    blocks: Vec<RawBlock>,
    title: Option<String>,
}

/// A block with its heading level not yet adjusted for a title.
enum RawBlock {
    Title(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    Other(Block),
}

/// The result of a conversion, before it is wrapped in the public type.
pub(crate) struct Output {
    pub markdown: String,
    pub title: Option<String>,
    pub left_out: Vec<LeftOut>,
}

/// Parses `w:val`-less or numeric attribute values leniently.
fn parse_u8(value: Option<&str>) -> Option<u8> {
    value.and_then(|v| v.trim().parse::<u8>().ok())
}

impl Converter {
    /// Creates a converter from the parsed auxiliary parts.
    pub fn new(styles: Styles, numbering: Numbering, footnotes: Notes, endnotes: Notes) -> Self {
        Self {
            styles,
            numbering,
            footnotes,
            endnotes,
            note_labels: HashMap::new(),
            note_bodies: Vec::new(),
            dropped: Dropped::default(),
            blocks: Vec::new(),
            title: None,
        }
    }

    /// Converts the `w:document` root and returns the Markdown and the report.
    pub fn run(mut self, document: &Element, rels: &Relationships) -> Output {
        if let Some(body) = document.child("w:body") {
            self.body(body, rels);
        }
        let has_title = self.blocks.iter().any(|b| matches!(b, RawBlock::Title(_)));
        let shift = u8::from(has_title);
        let mut blocks = Vec::with_capacity(self.blocks.len());
        let mut level_one = Vec::new();
        for raw in std::mem::take(&mut self.blocks) {
            match raw {
                RawBlock::Title(content) => blocks.push(Block::Heading { level: 1, content }),
                RawBlock::Heading(level, content) => {
                    let level = level.saturating_add(shift).clamp(1, 6);
                    if level == 1 {
                        level_one.push(blocks.len());
                    }
                    blocks.push(Block::Heading { level, content });
                }
                RawBlock::Other(block) => blocks.push(block),
            }
        }
        // Without a Title style, a lone first `#` heading is the title (as the Markdown importer
        // reads it).
        if self.title.is_none()
            && level_one == [0]
            && let Some(Block::Heading { content, .. }) = blocks.first()
        {
            self.title = Some(markdown::plain_text(content));
        }
        let markdown = markdown::write(&blocks, &self.note_bodies);
        let d = &self.dropped;
        let left_out = [
            LeftOut::Images(d.images),
            LeftOut::Charts(d.charts),
            LeftOut::TextBoxes(d.text_boxes),
            LeftOut::Comments(d.comments.len()),
            LeftOut::TrackedDeletions(d.deletions),
            LeftOut::Equations(d.equations),
            LeftOut::EmbeddedObjects(d.objects),
            LeftOut::TableOfContentsEntries(d.toc_entries),
        ]
        .into_iter()
        .filter(|l| l.count() > 0)
        .collect();
        Output { markdown, title: self.title, left_out }
    }

    /// Block-level content of the body, a content control or a similar container.
    fn body(&mut self, container: &Element, rels: &Relationships) {
        for el in container.elements() {
            match el.name.as_str() {
                "w:p" => self.block_paragraph(el, rels),
                "w:tbl" => {
                    let rows = self.table(el, rels);
                    if rows.iter().flatten().flatten().any(|p| markdown::has_content(p)) {
                        self.blocks.push(RawBlock::Other(Block::Table { rows }));
                    }
                }
                "w:sdt" => {
                    if is_toc_sdt(el) {
                        self.dropped.toc_entries += count_paragraphs(el);
                    } else if let Some(content) = el.child("w:sdtContent") {
                        self.body(content, rels);
                    }
                }
                "w:customXml" | "w:ins" | "w:moveTo" | "w:smartTag" => self.body(el, rels),
                "w:del" | "w:moveFrom" => self.dropped.deletions += 1,
                "mc:AlternateContent" => {
                    if let Some(choice) = alternate(el) {
                        self.body(choice, rels);
                    }
                }
                "w:altChunk" => self.dropped.objects += 1,
                _ => {}
            }
        }
    }

    fn block_paragraph(&mut self, p: &Element, rels: &Relationships) {
        let Some(para) = self.paragraph(p, rels) else {
            return;
        };
        let has_text = markdown::has_content(&para.content);
        match para.role {
            Role::TocEntry => {
                if has_text {
                    self.dropped.toc_entries += 1;
                }
            }
            _ if !has_text => {}
            Role::Title if self.title.is_none() => {
                self.title = Some(markdown::plain_text(&para.content));
                self.blocks.push(RawBlock::Title(para.content));
            }
            Role::Heading(level) => {
                let mut content = para.content;
                if let Some((numbered, _, _)) = &para.numbered
                    && !numbered.label.is_empty()
                {
                    let separator = if numbered.separated { " " } else { "" };
                    content
                        .insert(0, Inline::Text { text: format!("{}{separator}", numbered.label), bold: false, italic: false, link: None });
                }
                self.blocks.push(RawBlock::Heading(level, content));
            }
            role => {
                let block = match &para.numbered {
                    Some((numbered, depth, list)) if !numbered.invisible => Block::ListItem {
                        list: list.clone(),
                        number: (!numbered.bullet).then_some(numbered.value),
                        depth: *depth,
                        content: para.content,
                    },
                    _ => Block::Paragraph { content: para.content, quote: role == Role::Quote },
                };
                self.blocks.push(RawBlock::Other(block));
            }
        }
    }

    /// Converts a paragraph's properties and content; advances list numbering.
    fn paragraph(&mut self, p: &Element, rels: &Relationships) -> Option<Paragraph> {
        let ppr = p.child("w:pPr");
        let style = ppr.and_then(|pp| pp.child_val("w:pStyle"));
        let mut role = self.styles.role(style);
        if let Some(level) = parse_u8(ppr.and_then(|pp| pp.child_val("w:outlineLvl")))
            && !matches!(role, Role::Title | Role::TocEntry)
        {
            role = if level <= 8 { Role::Heading(level + 1) } else { Role::Body };
        }
        let direct = ppr.and_then(|pp| pp.child("w:numPr"));
        let from_style = self.styles.numbering(style);
        let num_id =
            direct.and_then(|n| n.child_val("w:numId")).map(str::to_string).or_else(|| from_style.as_ref().map(|(id, _)| id.clone()));
        let numbered = num_id.and_then(|num_id| {
            let ilvl = parse_u8(direct.and_then(|n| n.child_val("w:ilvl")))
                .or_else(|| from_style.as_ref().and_then(|(_, ilvl)| *ilvl))
                .or_else(|| style.and_then(|s| self.numbering.level_for_style(&num_id, s)))
                .unwrap_or(0)
                .min(8);
            if num_id == "0" || !self.numbering.exists(&num_id, ilvl) {
                return None;
            }
            self.numbering.next(&num_id, ilvl).map(|n| (n, ilvl, num_id.clone()))
        });
        let mut content = Vec::new();
        self.inline_children(p, rels, &RunState::default(), &mut content);
        Some(Paragraph { role, numbered, content })
    }

    /// Inline content of a paragraph-like container.
    fn inline_children(&mut self, container: &Element, rels: &Relationships, state: &RunState, out: &mut Vec<Inline>) {
        for el in container.elements() {
            match el.name.as_str() {
                "w:r" => self.text_run(el, rels, state, out),
                "w:hyperlink" => {
                    let link = el.attr("r:id").and_then(|id| rels.get(id)).filter(|r| r.external).map(|r| r.target.clone());
                    let inner = RunState { link: link.or_else(|| state.link.clone()) };
                    self.inline_children(el, rels, &inner, out);
                }
                "w:ins" | "w:moveTo" | "w:smartTag" | "w:customXml" | "w:fldSimple" | "w:dir" | "w:bdo" => {
                    self.inline_children(el, rels, state, out)
                }
                "w:sdt" => {
                    if let Some(content) = el.child("w:sdtContent") {
                        self.inline_children(content, rels, state, out);
                    }
                }
                "w:del" | "w:moveFrom" if el.has_descendant("w:delText") || el.has_descendant("w:t") => {
                    self.dropped.deletions += 1;
                }
                "w:commentRangeStart" => {
                    if let Some(id) = el.attr("w:id") {
                        self.dropped.comments.insert(id.to_string());
                    }
                }
                "m:oMath" | "m:oMathPara" => self.dropped.equations += 1,
                "mc:AlternateContent" => {
                    if let Some(choice) = alternate(el) {
                        self.inline_children(choice, rels, state, out);
                    }
                }
                _ => {}
            }
        }
    }

    /// One run: text with its bold/italic, breaks, note references and left-out objects.
    fn text_run(&mut self, r: &Element, rels: &Relationships, state: &RunState, out: &mut Vec<Inline>) {
        let rpr = r.child("w:rPr");
        let (mut bold, mut italic) = rpr.and_then(|rp| rp.child_val("w:rStyle")).map(|s| self.styles.run_format(s)).unwrap_or((None, None));
        if let Some(b) = rpr.and_then(|rp| rp.child("w:b")) {
            bold = Some(on_off(b));
        }
        if let Some(i) = rpr.and_then(|rp| rp.child("w:i")) {
            italic = Some(on_off(i));
        }
        let format = (bold.unwrap_or(false), italic.unwrap_or(false));
        for el in r.elements() {
            self.run_child(el, format, rels, state, out);
        }
    }

    /// One child of a run.
    fn run_child(&mut self, el: &Element, format: (bool, bool), rels: &Relationships, state: &RunState, out: &mut Vec<Inline>) {
        let add = |out: &mut Vec<Inline>, text: &str| {
            push_text(out, text, format, &state.link);
        };
        match el.name.as_str() {
            "w:t" => add(out, &el.text()),
            "w:tab" | "w:ptab" => add(out, " "),
            "w:noBreakHyphen" => add(out, "-"),
            "w:br" => match el.attr("w:type") {
                Some("page" | "column") => add(out, " "),
                _ => out.push(Inline::Break),
            },
            "w:cr" => out.push(Inline::Break),
            "w:footnoteReference" | "w:endnoteReference" => {
                let kind = if el.name == "w:footnoteReference" { NoteKind::Foot } else { NoteKind::End };
                if let Some(label) = el.attr("w:id").and_then(|id| self.note(kind, id)) {
                    out.push(Inline::Note(label));
                }
            }
            "w:commentReference" => {
                if let Some(id) = el.attr("w:id") {
                    self.dropped.comments.insert(id.to_string());
                }
            }
            "w:drawing" => self.drop_drawing(el),
            "w:pict" => {
                if el.has_descendant("w:txbxContent") {
                    self.dropped.text_boxes += 1;
                } else if el.has_descendant("v:imagedata") {
                    self.dropped.images += 1;
                }
            }
            "w:object" => self.dropped.objects += 1,
            "mc:AlternateContent" => {
                if let Some(choice) = alternate(el) {
                    for child in choice.elements() {
                        self.run_child(child, format, rels, state, out);
                    }
                }
            }
            "w:ruby" => {
                if let Some(base) = el.child("w:rubyBase") {
                    self.inline_children(base, rels, state, out);
                }
            }
            _ => {}
        }
    }

    fn drop_drawing(&mut self, el: &Element) {
        if el.has_descendant("w:txbxContent") {
            self.dropped.text_boxes += 1;
        } else if el.has_descendant("c:chart") || el.has_descendant("dgm:relIds") {
            self.dropped.charts += 1;
        } else {
            self.dropped.images += 1;
        }
    }

    /// Assigns a label to a note reference and converts the note on first use.
    fn note(&mut self, kind: NoteKind, id: &str) -> Option<usize> {
        let key = (kind, id.to_string());
        if let Some(label) = self.note_labels.get(&key) {
            return Some(*label);
        }
        let part = match kind {
            NoteKind::Foot => &mut self.footnotes,
            NoteKind::End => &mut self.endnotes,
        };
        let note = part.notes.remove(id)?;
        let rels = std::mem::take(&mut part.rels);
        let label = self.note_labels.len() + 1;
        self.note_labels.insert(key, label);
        let mut paragraphs = Vec::new();
        self.note_content(&note, &rels, &mut paragraphs);
        let part = match kind {
            NoteKind::Foot => &mut self.footnotes,
            NoteKind::End => &mut self.endnotes,
        };
        part.rels = rels;
        self.note_bodies.push((label, paragraphs));
        Some(label)
    }

    /// Paragraphs of a note (tables inside notes are flattened to their paragraphs).
    fn note_content(&mut self, container: &Element, rels: &Relationships, out: &mut Vec<Vec<Inline>>) {
        for el in container.elements() {
            match el.name.as_str() {
                "w:p" => {
                    let mut content = Vec::new();
                    self.inline_children(el, rels, &RunState::default(), &mut content);
                    if markdown::has_content(&content) {
                        out.push(content);
                    }
                }
                "w:tbl" | "w:tr" | "w:tc" | "w:customXml" | "w:ins" | "w:moveTo" => self.note_content(el, rels, out),
                "w:sdt" => {
                    if let Some(content) = el.child("w:sdtContent") {
                        self.note_content(content, rels, out);
                    }
                }
                "w:del" | "w:moveFrom" => self.dropped.deletions += 1,
                _ => {}
            }
        }
    }

    /// Rows of a table: each row a list of cells, each cell a list of paragraphs.
    fn table(&mut self, tbl: &Element, rels: &Relationships) -> Vec<Vec<Vec<Vec<Inline>>>> {
        let mut rows = Vec::new();
        self.collect_rows(tbl, rels, &mut rows);
        rows
    }

    fn collect_rows(&mut self, container: &Element, rels: &Relationships, rows: &mut Vec<Vec<Vec<Vec<Inline>>>>) {
        for el in container.elements() {
            match el.name.as_str() {
                "w:tr" => {
                    let deleted = el.child("w:trPr").and_then(|p| p.child("w:del")).is_some();
                    if deleted {
                        self.dropped.deletions += 1;
                        continue;
                    }
                    let mut cells = Vec::new();
                    self.collect_cells(el, rels, &mut cells);
                    rows.push(cells);
                }
                "w:customXml" | "w:ins" => self.collect_rows(el, rels, rows),
                "w:sdt" => {
                    if let Some(content) = el.child("w:sdtContent") {
                        self.collect_rows(content, rels, rows);
                    }
                }
                _ => {}
            }
        }
    }

    fn collect_cells(&mut self, container: &Element, rels: &Relationships, cells: &mut Vec<Vec<Vec<Inline>>>) {
        for el in container.elements() {
            match el.name.as_str() {
                "w:tc" => {
                    let span = el.child("w:tcPr").and_then(|p| parse_u8(p.child_val("w:gridSpan"))).unwrap_or(1).clamp(1, 64);
                    let mut paragraphs = Vec::new();
                    self.cell_content(el, rels, &mut paragraphs);
                    cells.push(paragraphs);
                    for _ in 1..span {
                        cells.push(Vec::new());
                    }
                }
                "w:customXml" => self.collect_cells(el, rels, cells),
                "w:sdt" => {
                    if let Some(content) = el.child("w:sdtContent") {
                        self.collect_cells(content, rels, cells);
                    }
                }
                _ => {}
            }
        }
    }

    /// Paragraphs of a table cell; list items get a marker, nested tables are flattened.
    fn cell_content(&mut self, container: &Element, rels: &Relationships, out: &mut Vec<Vec<Inline>>) {
        for el in container.elements() {
            match el.name.as_str() {
                "w:p" => {
                    let Some(para) = self.paragraph(el, rels) else {
                        continue;
                    };
                    if !markdown::has_content(&para.content) {
                        continue;
                    }
                    let mut content = para.content;
                    if let Some((numbered, _, _)) = &para.numbered
                        && !numbered.invisible
                    {
                        let marker = if numbered.bullet { "- ".to_string() } else { format!("{} ", numbered.label) };
                        content.insert(0, Inline::Text { text: marker, bold: false, italic: false, link: None });
                    }
                    out.push(content);
                }
                "w:tbl" | "w:tr" | "w:tc" | "w:customXml" | "w:ins" | "w:moveTo" => self.cell_content(el, rels, out),
                "w:sdt" => {
                    if let Some(content) = el.child("w:sdtContent") {
                        self.cell_content(content, rels, out);
                    }
                }
                "w:del" | "w:moveFrom" => self.dropped.deletions += 1,
                _ => {}
            }
        }
    }
}

/// The branch of `mc:AlternateContent` to read: the first choice, else the fallback.
fn alternate(el: &Element) -> Option<&Element> {
    el.child("mc:Choice").or_else(|| el.child("mc:Fallback"))
}

/// Whether a content control is a table of contents (Word's building block gallery).
fn is_toc_sdt(sdt: &Element) -> bool {
    sdt.child("w:sdtPr")
        .and_then(|p| p.child("w:docPartObj"))
        .and_then(|o| o.child_val("w:docPartGallery"))
        .is_some_and(|g| g.eq_ignore_ascii_case("Table of Contents"))
}

fn count_paragraphs(el: &Element) -> usize {
    el.elements().map(|e| if e.name == "w:p" { usize::from(!e.text().trim().is_empty()) } else { count_paragraphs(e) }).sum()
}

/// Appends text, merging with the previous text inline when the formatting is the same.
fn push_text(out: &mut Vec<Inline>, text: &str, (bold, italic): (bool, bool), link: &Option<String>) {
    if let Some(Inline::Text { text: last, bold: b, italic: i, link: l }) = out.last_mut()
        && *b == bold
        && *i == italic
        && l == link
    {
        last.push_str(text);
        return;
    }
    out.push(Inline::Text { text: text.to_string(), bold, italic, link: link.clone() });
}
