//! The document outline shared by both readers: numbering split from heading text, labels,
//! anchors and the [`DocBuilder`] that collects sections and blocks.
//!
//! Anchors: chapters `h5`, lettered sections `h5-a`, decimal sections `h3_2` (an underscore, so
//! that they can never equal a block anchor such as `h3-2`), appendices `bijlage-2`, unnumbered
//! sections a slug of the title (`samenvatting`; a second "Centrale ambitie" becomes
//! `<parent anchor>-centrale-ambitie`, then `_2`, `_3`). Blocks are `<section anchor>-<n>`, text
//! before the first heading `begin-<n>`, footnotes `voetnoot-<label>`. A section anchor is never
//! `<other anchor>-<digits>`, so block anchors can't collide with anything.

use std::collections::{HashMap, HashSet};

use super::{ImportError, html};
use crate::domain::document::{Block, BlockKind, ImportedDocument, Section};
use crate::domain::label::{BlockLabel, SectionLabel, is_number_token};

/// Numbering as written at the start of a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Numbering {
    /// "Hoofdstuk 5" (`written`) with its bare number "5".
    Chapter { written: String, number: String },
    /// "Bijlage 2", "Deel 3": labelled as written.
    Named { written: String },
    /// "3", "3.2", "3.2.1".
    Decimal(String),
    /// "a" in "a. Preventie".
    Letter(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Heading {
    pub number: Option<Numbering>,
    pub title: String,
}

const CHAPTER_WORDS: &[&str] = &["hoofdstuk", "hfdst.", "hfst.", "chapter"];
const NAMED_WORDS: &[&str] = &["bijlage", "appendix", "annex", "deel"];

/// Splits the numbering from a heading: "Hoofdstuk 5. Preventie" → ("Hoofdstuk 5", "Preventie").
pub(super) fn parse_heading(text: &str) -> Heading {
    let text = collapse_ws(text);
    let unnumbered = || Heading { number: None, title: text.clone() };
    if let Some((word, number, rest)) = split_word_number(&text, CHAPTER_WORDS) {
        let written = format!("{word} {number}");
        return Heading {
            title: if rest.is_empty() { written.clone() } else { rest },
            number: Some(Numbering::Chapter { written, number }),
        };
    }
    if let Some((word, number, rest)) = split_word_number(&text, NAMED_WORDS) {
        let written = format!("{word} {number}");
        return Heading { title: if rest.is_empty() { written.clone() } else { rest }, number: Some(Numbering::Named { written }) };
    }
    if let Some((number, rest)) = split_decimal(&text) {
        return Heading { number: Some(Numbering::Decimal(number)), title: rest };
    }
    if let Some((letter, rest)) = split_letter(&text) {
        return Heading { number: Some(Numbering::Letter(letter)), title: rest };
    }
    unnumbered()
}

/// "Hoofdstuk 5. Titel" with one of `words` → ("Hoofdstuk", "5", "Titel").
fn split_word_number(text: &str, words: &[&str]) -> Option<(String, String, String)> {
    let (word, rest) = text.split_once(' ')?;
    if !words.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return None;
    }
    let token_len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let token = &rest[..token_len];
    if !is_number_token(token) {
        return None;
    }
    let after = &rest[token_len..];
    let (separated, title) = match after.strip_prefix(['.', ':', ')', '-', '–']) {
        Some(t) => (true, t.trim()),
        None => (false, after.trim()),
    };
    if !after.is_empty() && !separated && !after.starts_with(' ') {
        return None;
    }
    // "Hoofdstuk 4 bevat de rol ..." is a sentence, not a heading.
    if !separated && title.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    Some((word.to_string(), token.to_string(), title.to_string()))
}

/// "3.2 Titel", "3. Titel" → ("3.2", "Titel").
fn split_decimal(text: &str) -> Option<(String, String)> {
    let number_len = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let raw = &text[..number_len];
    let after = &text[number_len..];
    let (number, closed) = match raw.strip_suffix('.') {
        Some(n) => (n, true),
        None => (raw, after.starts_with(')')),
    };
    let parts: Vec<&str> = number.split('.').collect();
    if parts.iter().any(|p| p.is_empty() || p.len() > 3) {
        return None;
    }
    let title = after.strip_prefix(')').unwrap_or(after);
    if !title.starts_with(' ') {
        return None;
    }
    let title = title.trim();
    let first = title.chars().next()?;
    if !first.is_alphabetic() || (!closed && parts.len() == 1 && !first.is_uppercase()) {
        return None;
    }
    Some((number.to_string(), title.to_string()))
}

/// "a. Titel", "a) Titel" → ('a', "Titel").
fn split_letter(text: &str) -> Option<(char, String)> {
    let mut chars = text.chars();
    let letter = chars.next().filter(|c| c.is_ascii_lowercase())?;
    let rest = chars.as_str().strip_prefix(['.', ')'])?;
    if !rest.starts_with(' ') || rest.trim().is_empty() {
        return None;
    }
    Some((letter, rest.trim().to_string()))
}

pub(super) fn collapse_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL-safe slug: lowercase ASCII letters and digits joined by single hyphens, accents folded.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
            'ù' | 'ú' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'ñ' => "n",
            'ç' => "c",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ĳ' => "ij",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if folded == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(folded);
        }
    }
    const MAX: usize = 60;
    if out.len() > MAX {
        let cut = out[..MAX].rfind('-').unwrap_or(MAX);
        out.truncate(cut);
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() { "sectie".to_string() } else { trimmed.to_string() }
}

/// Anchors handed out so far, with the rule that keeps block anchors collision-free.
struct Anchors {
    used: HashSet<String>,
    /// Next `_n` suffix to try per base, so that many equal headings stay linear.
    next_suffix: HashMap<String, u32>,
    /// Every used anchor with trailing `-<digits>` parts stripped (e.g. "bijlage" for "bijlage-2").
    stems: HashSet<String>,
}

const FOOTNOTE_PREFIX: &str = "voetnoot-";
const BEFORE_FIRST_HEADING: &str = "begin";

impl Anchors {
    fn new() -> Self {
        let mut anchors = Anchors { used: HashSet::new(), next_suffix: HashMap::new(), stems: HashSet::new() };
        anchors.claim("voetnoot".to_string());
        anchors.claim(BEFORE_FIRST_HEADING.to_string());
        anchors
    }

    fn stems(anchor: &str) -> impl Iterator<Item = &str> {
        std::iter::successors(Some(anchor), |a| {
            let (head, tail) = a.rsplit_once('-')?;
            (!tail.is_empty() && tail.chars().all(|c| c.is_ascii_digit())).then_some(head)
        })
        .skip(1)
    }

    fn acceptable(&self, anchor: &str) -> bool {
        !anchor.starts_with(FOOTNOTE_PREFIX)
            && !self.used.contains(anchor)
            && !self.stems.contains(anchor)
            && Self::stems(anchor).all(|s| !self.used.contains(s))
    }

    fn claim(&mut self, anchor: String) {
        for stem in Self::stems(&anchor) {
            self.stems.insert(stem.to_string());
        }
        self.used.insert(anchor);
    }

    /// The first acceptable candidate, else the first one with `_2`, `_3`, ... appended.
    fn allocate(&mut self, candidates: &[String]) -> String {
        let chosen = candidates.iter().find(|c| self.acceptable(c)).cloned().unwrap_or_else(|| {
            let base = match candidates.first() {
                Some(b) if b.starts_with(FOOTNOTE_PREFIX) => format!("s-{b}"),
                Some(b) => b.clone(),
                None => "sectie".to_string(),
            };
            let next = self.next_suffix.entry(base.clone()).or_insert(1);
            loop {
                let candidate = if *next == 1 { base.clone() } else { format!("{base}_{next}") };
                *next += 1;
                if !candidate.starts_with(FOOTNOTE_PREFIX)
                    && !self.used.contains(&candidate)
                    && !self.stems.contains(&candidate)
                    && Self::stems(&candidate).all(|s| !self.used.contains(s))
                {
                    break candidate;
                }
            }
        });
        self.claim(chosen.clone());
        chosen
    }
}

/// Collects sections and blocks in document order and derives labels and anchors.
pub(super) struct DocBuilder {
    title: Option<String>,
    sections: Vec<Section>,
    /// Blocks counted so far per section (footnotes excluded).
    counts: Vec<u32>,
    before_first_heading: u32,
    blocks: Vec<Block>,
    anchors: Anchors,
    section_labels: Unique,
    /// Open sections, outermost first; the last one receives new blocks.
    stack: Vec<usize>,
    /// Footnote label → anchors of its definitions in order, and how many were placed.
    footnotes: HashMap<String, (Vec<String>, usize)>,
    footnote_anchors: Unique,
    footnote_labels: Unique,
    sanitizer: ammonia::Builder<'static>,
}

impl DocBuilder {
    pub(super) fn new() -> Self {
        DocBuilder {
            title: None,
            sections: Vec::new(),
            counts: Vec::new(),
            before_first_heading: 0,
            blocks: Vec::new(),
            anchors: Anchors::new(),
            section_labels: Unique::default(),
            stack: Vec::new(),
            footnotes: HashMap::new(),
            footnote_anchors: Unique::default(),
            footnote_labels: Unique::default(),
            sanitizer: html::sanitizer(),
        }
    }

    pub(super) fn set_title(&mut self, title: &str) {
        let title = collapse_ws(title);
        if !title.is_empty() {
            self.title = Some(title);
        }
    }

    /// The section that new blocks go into.
    pub(super) fn current_section(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    /// Announces a footnote definition (before any reference to it is rendered).
    pub(super) fn register_footnote(&mut self, label: &str) {
        let base = format!("{FOOTNOTE_PREFIX}{}", slug(label));
        let (anchor, _) = self.footnote_anchors.take(base, |base, n| format!("{base}_{n}"));
        self.footnotes.entry(label.to_string()).or_default().0.push(anchor);
    }

    /// The anchor a reference to `label` links to, if such a footnote is defined.
    pub(super) fn footnote_anchor(&self, label: &str) -> Option<&str> {
        self.footnotes.get(label).and_then(|(anchors, _)| anchors.first()).map(String::as_str)
    }

    pub(super) fn add_section(&mut self, level: u8, heading: Heading) -> usize {
        let level = level.max(1);
        while let Some(&top) = self.stack.last() {
            if self.sections[top].level >= level {
                self.stack.pop();
            } else {
                break;
            }
        }
        let parent = self.stack.last().copied();
        let parent_ref = parent.map(|p| &self.sections[p]);
        let Heading { number, title } = heading;
        let title = collapse_ws(&title);
        let (number, label, parts, candidates) = match number {
            Some(Numbering::Chapter { written, number }) => {
                let anchor = format!("h{}", slug(&number));
                (Some(written), number.clone(), SectionLabel::Chapter(number), vec![anchor])
            }
            Some(Numbering::Named { written }) => {
                let anchor = slug(&written);
                let parts = written
                    .split_once(' ')
                    .and_then(|(word, number)| SectionLabel::from_named_number(word, number))
                    .unwrap_or_else(|| SectionLabel::Named(written.clone()));
                (Some(written.clone()), written, parts, vec![anchor])
            }
            Some(Numbering::Decimal(number)) => {
                let anchor = format!("h{}", number.replace('.', "_"));
                (Some(number.clone()), number.clone(), SectionLabel::from_decimal(&number), vec![anchor])
            }
            Some(Numbering::Letter(letter)) => {
                let (label, parts, anchor) = match parent_ref {
                    Some(p) => {
                        let label = format!("{}.{letter}", p.label);
                        (label.clone(), p.label_parts.with_letter(letter, &label), format!("{}-{letter}", p.anchor))
                    }
                    None => (letter.to_string(), SectionLabel::Subsection(letter.to_string()), letter.to_string()),
                };
                (Some(letter.to_string()), label, parts, vec![anchor])
            }
            None => {
                let own = slug(&title);
                match parent_ref {
                    Some(p) => {
                        let label = format!("{} - {title}", p.label);
                        let parts = p.label_parts.with_title(&title, &label);
                        (None, label, parts, vec![own.clone(), format!("{}-{own}", p.anchor)])
                    }
                    // A heading that is only a number ("3") reads as one, as in a stored label.
                    None => (None, title.clone(), SectionLabel::from_dutch(&title), vec![own]),
                }
            }
        };
        let anchor = self.anchors.allocate(&candidates);
        let (label, occurrence) = unique_label(&mut self.section_labels, label);
        let label_parts = parts.repeated(occurrence);
        self.sections.push(Section { anchor, level, number, title, label, label_parts, parent });
        self.counts.push(0);
        let index = self.sections.len() - 1;
        self.stack.push(index);
        index
    }

    /// Adds a commentable block; `raw_html` is sanitised here. Blocks without text are dropped.
    /// `text` overrides the plain text derived from the HTML (code keeps its line layout).
    pub(super) fn add_block(&mut self, kind: BlockKind, raw_html: &str, text: Option<String>) {
        let html = self.sanitizer.clean(raw_html).to_string();
        let text = text.unwrap_or_else(|| html::to_text(&html));
        // Nothing to comment on: empty, or only punctuation left over from an image or a rule.
        if !text.chars().any(char::is_alphanumeric) {
            return;
        }
        let section = self.current_section();
        let (anchor, label, label_parts) = match section {
            Some(s) => {
                self.counts[s] += 1;
                let n = self.counts[s];
                let sec = &self.sections[s];
                (format!("{}-{n}", sec.anchor), format!("{}, alinea {n}", sec.label), BlockLabel::paragraph(sec.label_parts.clone(), n))
            }
            None => {
                self.before_first_heading += 1;
                let n = self.before_first_heading;
                (format!("{BEFORE_FIRST_HEADING}-{n}"), format!("Begin, alinea {n}"), BlockLabel::paragraph(SectionLabel::Start, n))
            }
        };
        self.blocks.push(Block { section, kind, anchor, label, label_parts, html, text });
    }

    /// Adds the definition of footnote `label` as a block at the current position.
    pub(super) fn add_footnote(&mut self, label: &str, raw_html: &str) {
        if !self.footnotes.contains_key(label) {
            self.register_footnote(label);
        }
        let anchor = match self.footnotes.get_mut(label) {
            Some((anchors, placed)) => {
                let anchor = anchors.get(*placed).or(anchors.last()).cloned();
                *placed += 1;
                anchor
            }
            None => None,
        };
        let Some(anchor) = anchor else { return };
        let html = self.sanitizer.clean(raw_html).to_string();
        let text = html::to_text(&html);
        if !text.chars().any(char::is_alphanumeric) {
            return;
        }
        let (written, _) = unique_label(&mut self.footnote_labels, label.to_string());
        let label_parts = BlockLabel::footnote(&written);
        let label = format!("voetnoot {written}");
        self.blocks.push(Block { section: self.current_section(), kind: BlockKind::Footnote, anchor, label, label_parts, html, text });
    }

    pub(super) fn finish(mut self) -> Result<ImportedDocument, ImportError> {
        if self.blocks.is_empty() {
            return Err(ImportError::NoContent);
        }
        if self.sections.is_empty() {
            for block in &mut self.blocks {
                if let Some(n) = block.label.strip_prefix("Begin, alinea ") {
                    block.label = format!("Alinea {n}");
                    block.label_parts.section = SectionLabel::Unsectioned;
                }
            }
        }
        Ok(ImportedDocument { title: self.title, sections: self.sections, blocks: self.blocks })
    }
}

/// Hands out `base`, then `base` with a numbered suffix when it was taken; linear in the number
/// of duplicates.
#[derive(Default)]
struct Unique {
    seen: HashSet<String>,
    next_suffix: HashMap<String, u32>,
}

impl Unique {
    /// The name handed out and its occurrence (1 for `base` itself, n for the nth suffix).
    fn take(&mut self, base: String, suffix: fn(&str, u32) -> String) -> (String, u32) {
        let next = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let n = *next;
            let candidate = if n == 1 { base.clone() } else { suffix(&base, n) };
            *next += 1;
            if self.seen.insert(candidate.clone()) {
                return (candidate, n);
            }
        }
    }
}

fn unique_label(seen: &mut Unique, label: String) -> (String, u32) {
    seen.take(label, |base, n| format!("{base} ({n})"))
}

#[cfg(test)]
mod unit {
    use super::*;

    fn number(text: &str) -> (Option<Numbering>, String) {
        let h = parse_heading(text);
        (h.number, h.title)
    }

    #[test]
    fn numbering_is_split_from_the_title() {
        assert_eq!(
            number("Hoofdstuk 5. Preventie en vroegsignalering"),
            (Some(Numbering::Chapter { written: "Hoofdstuk 5".into(), number: "5".into() }), "Preventie en vroegsignalering".into())
        );
        assert_eq!(number("Bijlage 2: Cijfers"), (Some(Numbering::Named { written: "Bijlage 2".into() }), "Cijfers".into()));
        assert_eq!(number("3.2 Foo"), (Some(Numbering::Decimal("3.2".into())), "Foo".into()));
        assert_eq!(number("a. Preventie"), (Some(Numbering::Letter('a')), "Preventie".into()));
        assert_eq!(number("Samenvatting"), (None, "Samenvatting".into()));
        assert_eq!(number("2019 plannen").0, None);
        assert_eq!(number("1G1P in de praktijk").0, None);
        assert_eq!(number("Hoofdstuk 4 bevat de rol").0, None);
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("Geïnterviewde partijen"), "geinterviewde-partijen");
        assert_eq!(slug("  ***  "), "sectie");
        assert_eq!(slug("Financiën & rol"), "financien-rol");
    }

    #[test]
    fn section_anchors_never_look_like_block_anchors() {
        let mut anchors = Anchors::new();
        assert_eq!(anchors.allocate(&["centrale-ambitie".into()]), "centrale-ambitie");
        assert_eq!(anchors.allocate(&["centrale-ambitie".into()]), "centrale-ambitie_2");
        assert_eq!(anchors.allocate(&["h3".into()]), "h3");
        // "h3-2" would be the anchor of the second block of "h3".
        assert_eq!(anchors.allocate(&["h3-2".into()]), "h3-2_2");
        assert_eq!(anchors.allocate(&["begin-1".into()]), "begin-1_2");
        assert_eq!(anchors.allocate(&["voetnoot-1".into()]), "s-voetnoot-1");
    }
}
