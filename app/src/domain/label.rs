//! The label of a block as a structure ("chapter 8, paragraph 1"), so that each language can put
//! it in its own words. Imports before migration 0011 stored only the Dutch text ("8, alinea 1");
//! [`BlockLabel::from_dutch`] reads that text back into the structure, so old rows need no
//! migration. The words themselves are `render::labels`' work.

use serde::{Deserialize, Serialize};

/// Which block of its section a label names, and in which section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BlockLabel {
    pub section: SectionLabel,
    pub item: LabelItem,
}

/// The section part of a block label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SectionLabel {
    /// No section is named: a document without headings, or a footnote.
    Unsectioned,
    /// Text before the first heading of a document that has headings.
    Start,
    /// A top-level number: "8" (from "Hoofdstuk 8" or "8. Titel"), also "IV" or "A".
    Chapter(String),
    /// A number below a chapter: "5.a", "5.2", "3.2.1"; a lettered section without a parent: "a".
    Subsection(String),
    /// An annex ("Bijlage 2", "Appendix 2"): its number "2", or "2.a" for a section of it.
    Annex(String),
    /// A part ("Deel 3"): its number "3", or "3.a".
    Part(String),
    /// An unnumbered section, as the document words it: "Samenvatting", "Inleiding - Leeswijzer".
    Named(String),
    /// An unnumbered section below a numbered one: "3 - Centrale ambitie".
    Within { parent: Box<SectionLabel>, title: String },
    /// The `occurrence`th section with the same label (2 or more): "5 (2)".
    Repeated { section: Box<SectionLabel>, occurrence: u32 },
}

/// What the label points at within its section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LabelItem {
    /// The `n`th block of the section, counting from 1 (footnotes not counted).
    Paragraph(u32),
    /// A footnote, by its label as written ("1", "a", "1 (2)" for the second definition of "1").
    Footnote(String),
    /// A stored label that is none of the known forms: the section holds it as written.
    Unknown,
}

const PARAGRAPH: &str = ", alinea ";

impl BlockLabel {
    pub fn paragraph(section: SectionLabel, n: u32) -> Self {
        BlockLabel { section, item: LabelItem::Paragraph(n) }
    }

    pub fn footnote(label: &str) -> Self {
        BlockLabel { section: SectionLabel::Unsectioned, item: LabelItem::Footnote(label.to_string()) }
    }

    /// A label that is only text, kept as written in every language ("Het document als geheel").
    pub fn as_written(text: &str) -> Self {
        BlockLabel { section: SectionLabel::Named(text.to_string()), item: LabelItem::Unknown }
    }

    /// Reads a stored label: the structure (column `label_parts`, JSON) when present and
    /// readable, else the Dutch text the importer wrote.
    pub fn stored(parts: Option<&str>, text: &str) -> Self {
        parts.and_then(|json| serde_json::from_str(json).ok()).unwrap_or_else(|| Self::from_dutch(text))
    }

    /// The structure as the `label_parts` column keeps it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the Dutch label the importer writes: "5.a, alinea 3", "8, alinea 1", "Bijlage 2,
    /// alinea 1", "Samenvatting, alinea 2", "Begin, alinea 1", "Alinea 3", "voetnoot 1",
    /// with " (2)" after a repeated section or footnote label. Anything else is kept as written.
    pub fn from_dutch(text: &str) -> Self {
        let text = text.trim();
        if let Some((section, n)) = text.rsplit_once(PARAGRAPH).and_then(|(s, n)| Some((s, number(n)?))) {
            let section = if section == "Begin" { SectionLabel::Start } else { SectionLabel::from_dutch(section) };
            return Self::paragraph(section, n);
        }
        if let Some(n) = text.strip_prefix("Alinea ").and_then(number) {
            return Self::paragraph(SectionLabel::Unsectioned, n);
        }
        if let Some(label) = text.strip_prefix("voetnoot ").filter(|l| !l.trim().is_empty()) {
            return Self::footnote(label.trim());
        }
        Self::as_written(text)
    }
}

fn number(text: &str) -> Option<u32> {
    text.chars().all(|c| c.is_ascii_digit()).then(|| text.parse().ok()).flatten()
}

/// How a numbering token is written: "8", "IV", "A" (as the importer accepts them).
pub fn is_number_token(token: &str) -> bool {
    let digits = (1..=3).contains(&token.len()) && token.chars().all(|c| c.is_ascii_digit());
    let roman = (1..=6).contains(&token.len()) && token.chars().all(|c| "IVXLC".contains(c));
    let letter = token.len() == 1 && token.chars().all(|c| c.is_ascii_uppercase());
    digits || roman || letter
}

/// The words before an annex's and a part's number, as the importer recognises them.
const ANNEX_WORDS: &[&str] = &["bijlage", "appendix", "annex"];
const PART_WORDS: &[&str] = &["deel"];

impl SectionLabel {
    /// The section of a numbering written as "Bijlage 2" or "Deel 3"; None for another word.
    pub fn from_named_number(word: &str, number: &str) -> Option<Self> {
        let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(word));
        if is(ANNEX_WORDS) {
            Some(SectionLabel::Annex(number.to_string()))
        } else if is(PART_WORDS) {
            Some(SectionLabel::Part(number.to_string()))
        } else {
            None
        }
    }

    /// A decimal number from a heading ("8", "5.2"): a chapter when it has no dot.
    pub fn from_decimal(number: &str) -> Self {
        if number.contains('.') { SectionLabel::Subsection(number.to_string()) } else { SectionLabel::Chapter(number.to_string()) }
    }

    /// The section of a lettered heading ("a. Preventie") below this one, whose label the
    /// importer writes as `written` ("5.a").
    pub fn with_letter(&self, letter: char, written: &str) -> Self {
        let sub = |n: &str| format!("{n}.{letter}");
        match self {
            SectionLabel::Chapter(n) | SectionLabel::Subsection(n) => SectionLabel::Subsection(sub(n)),
            SectionLabel::Annex(n) => SectionLabel::Annex(sub(n)),
            SectionLabel::Part(n) => SectionLabel::Part(sub(n)),
            SectionLabel::Within { parent, title } => SectionLabel::Within { parent: parent.clone(), title: sub(title) },
            _ => SectionLabel::Named(written.to_string()),
        }
    }

    /// The section of an unnumbered heading `title` below this one, whose label the importer
    /// writes as `written` ("3 - Centrale ambitie").
    pub fn with_title(&self, title: &str, written: &str) -> Self {
        match self {
            SectionLabel::Within { parent, title: own } => {
                SectionLabel::Within { parent: parent.clone(), title: format!("{own} - {title}") }
            }
            SectionLabel::Named(_) | SectionLabel::Unsectioned | SectionLabel::Start => SectionLabel::Named(written.to_string()),
            numbered => SectionLabel::Within { parent: Box::new(numbered.clone()), title: title.to_string() },
        }
    }

    /// This section as the `occurrence`th one with its label (1 is the first: unchanged).
    pub fn repeated(self, occurrence: u32) -> Self {
        if occurrence <= 1 { self } else { SectionLabel::Repeated { section: Box::new(self), occurrence } }
    }

    /// Reads a section label as the importer writes it ("5.a", "8", "Bijlage 2", "Deel 3",
    /// "3 - Centrale ambitie", "5 (2)"); anything else is a named section, kept as written.
    pub fn from_dutch(text: &str) -> Self {
        Self::numbered(text).unwrap_or_else(|| {
            let (base, occurrence) = split_occurrence(text);
            match base.split_once(" - ").and_then(|(parent, title)| Some((Self::numbered(parent)?, title))) {
                Some((parent, title)) => SectionLabel::Within { parent: Box::new(parent), title: title.to_string() }.repeated(occurrence),
                None => SectionLabel::Named(text.to_string()),
            }
        })
    }

    fn numbered(text: &str) -> Option<Self> {
        let (base, occurrence) = split_occurrence(text);
        if occurrence > 1 {
            return Some(Self::numbered(base)?.repeated(occurrence));
        }
        let section = if is_number_token(base) {
            SectionLabel::Chapter(base.to_string())
        } else if is_subsection(base) {
            SectionLabel::Subsection(base.to_string())
        } else {
            let (word, number) = base.split_once(' ')?;
            if !is_number_token(number.split('.').next().unwrap_or_default()) || !(is_subsection(number) || is_number_token(number)) {
                return None;
            }
            Self::from_named_number(word, number)?
        };
        Some(section)
    }
}

/// "5.a", "5.2", "3.2.1", "IV.b"; also a lone "a" (a lettered section without a parent).
fn is_subsection(text: &str) -> bool {
    let lower_letter = |p: &str| p.len() == 1 && p.chars().all(|c| c.is_ascii_lowercase());
    let mut parts = text.split('.');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() {
        return lower_letter(first);
    }
    is_number_token(first) && rest.iter().all(|p| lower_letter(p) || ((1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())))
}

/// "5 (2)" → ("5", 2); without such a suffix the occurrence is 1.
fn split_occurrence(text: &str) -> (&str, u32) {
    text.strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .and_then(|(base, n)| Some((base, number(n).filter(|n| *n >= 2)?)))
        .unwrap_or((text, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapter(n: &str) -> SectionLabel {
        SectionLabel::Chapter(n.into())
    }

    fn para(section: SectionLabel, n: u32) -> BlockLabel {
        BlockLabel::paragraph(section, n)
    }

    #[test]
    fn every_stored_form_is_read_back() {
        let sub = |n: &str| SectionLabel::Subsection(n.into());
        let named = |n: &str| SectionLabel::Named(n.into());
        let cases = [
            ("5.a, alinea 3", para(sub("5.a"), 3)),
            ("5.2, alinea 1", para(sub("5.2"), 1)),
            ("3.2.1, alinea 12", para(sub("3.2.1"), 12)),
            ("a, alinea 1", para(sub("a"), 1)),
            ("8, alinea 1", para(chapter("8"), 1)),
            ("IV, alinea 2", para(chapter("IV"), 2)),
            ("Bijlage 2, alinea 1", para(SectionLabel::Annex("2".into()), 1)),
            ("Bijlage 2.a, alinea 1", para(SectionLabel::Annex("2.a".into()), 1)),
            ("Appendix B, alinea 4", para(SectionLabel::Annex("B".into()), 4)),
            ("Deel 3, alinea 2", para(SectionLabel::Part("3".into()), 2)),
            ("Deel III, alinea 2", para(SectionLabel::Part("III".into()), 2)),
            ("Samenvatting, alinea 2", para(named("Samenvatting"), 2)),
            ("Inleiding - Leeswijzer, alinea 1", para(named("Inleiding - Leeswijzer"), 1)),
            (
                "3 - Centrale ambitie, alinea 2",
                para(SectionLabel::Within { parent: Box::new(chapter("3")), title: "Centrale ambitie".into() }, 2),
            ),
            ("Begin, alinea 1", para(SectionLabel::Start, 1)),
            ("Alinea 3", para(SectionLabel::Unsectioned, 3)),
            ("voetnoot 1", BlockLabel::footnote("1")),
            ("voetnoot 1 (2)", BlockLabel::footnote("1 (2)")),
            ("5 (2), alinea 1", para(chapter("5").repeated(2), 1)),
            ("Samenvatting (3), alinea 1", para(named("Samenvatting (3)"), 1)),
            (
                "3 - Centrale ambitie (2), alinea 1",
                para(SectionLabel::Within { parent: Box::new(chapter("3")), title: "Centrale ambitie".into() }.repeated(2), 1),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(BlockLabel::from_dutch(text), expected, "{text}");
        }
    }

    #[test]
    fn odd_labels_stay_as_written() {
        // A named section that itself contains ", alinea": only the last one counts.
        assert_eq!(
            BlockLabel::from_dutch("Kosten, alinea's en meer, alinea 2"),
            para(SectionLabel::Named("Kosten, alinea's en meer".into()), 2)
        );
        assert_eq!(
            BlockLabel::from_dutch("Zie hoofdstuk 2, alinea 4, alinea 1"),
            para(SectionLabel::Named("Zie hoofdstuk 2, alinea 4".into()), 1)
        );
        // Words that look like a numbering but are not one.
        assert_eq!(BlockLabel::from_dutch("Bijlage bij de nota, alinea 1").section, SectionLabel::Named("Bijlage bij de nota".into()));
        assert_eq!(BlockLabel::from_dutch("2019 - 2023, alinea 1").section, SectionLabel::Named("2019 - 2023".into()));
        assert_eq!(BlockLabel::from_dutch("Deel (1), alinea 1").section, SectionLabel::Named("Deel (1)".into()));
        // Not a block label at all.
        for text in ["Alinea drie", "iets anders", "voetnoot ", ", alinea x"] {
            assert_eq!(
                BlockLabel::from_dutch(text),
                BlockLabel { section: SectionLabel::Named(text.trim().into()), item: LabelItem::Unknown }
            );
        }
    }

    #[test]
    fn the_stored_structure_wins_over_the_text() {
        let label = para(chapter("8"), 1);
        assert_eq!(BlockLabel::stored(Some(&label.to_json()), "iets anders"), label);
        assert_eq!(BlockLabel::stored(None, "8, alinea 1"), label);
        assert_eq!(BlockLabel::stored(Some("{kapot"), "8, alinea 1"), label, "unreadable JSON falls back to the text");
    }

    #[test]
    fn importer_rules_give_the_parsed_structure() {
        let five = SectionLabel::from_decimal("5");
        assert_eq!(five, chapter("5"));
        assert_eq!(five.with_letter('a', "5.a"), SectionLabel::from_dutch("5.a"));
        assert_eq!(SectionLabel::from_decimal("5.2"), SectionLabel::from_dutch("5.2"));
        let annex = SectionLabel::from_named_number("Bijlage", "2").unwrap();
        assert_eq!(annex.with_letter('b', "Bijlage 2.b"), SectionLabel::from_dutch("Bijlage 2.b"));
        assert_eq!(SectionLabel::from_named_number("Hoofdstuk", "2"), None);
        let within = chapter("3").with_title("Centrale ambitie", "3 - Centrale ambitie");
        assert_eq!(within, SectionLabel::from_dutch("3 - Centrale ambitie"));
        assert_eq!(within.with_title("Doel", "3 - Centrale ambitie - Doel"), SectionLabel::from_dutch("3 - Centrale ambitie - Doel"));
        let named = SectionLabel::Named("Inleiding".into());
        assert_eq!(named.with_title("Leeswijzer", "Inleiding - Leeswijzer"), SectionLabel::from_dutch("Inleiding - Leeswijzer"));
        assert_eq!(named.with_letter('a', "Inleiding.a"), SectionLabel::from_dutch("Inleiding.a"));
        assert_eq!(chapter("5").repeated(1), chapter("5"));
    }
}
