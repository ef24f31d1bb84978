//! Block labels in words: "Hoofdstuk 8, alinea 1" in Dutch, "Chapter 8, paragraph 1" in English,
//! from the structure of `domain::label`. A numbered subsection stays its number ("5.a"), as the
//! document numbers it; a named section keeps the document's own heading text.

use crate::domain::label::{BlockLabel, LabelItem, SectionLabel};
use crate::domain::versions::Versioned;
use crate::i18n::{Locale, Messages};

/// The label of a block for a reader of `t`'s language.
pub fn block_label(label: &BlockLabel, t: &Messages) -> String {
    let words = &t.labels;
    match (&label.section, &label.item) {
        (_, LabelItem::Footnote(footnote)) => (words.footnote)(footnote),
        (SectionLabel::Unsectioned, LabelItem::Paragraph(n)) => (words.paragraph)(*n),
        (section, LabelItem::Paragraph(n)) => (words.paragraph_of)(&section_label(section, t), *n),
        (section, LabelItem::Unknown) => section_label(section, t),
    }
}

/// A label kept as text only (an advice point's paragraphs, an answer's place in a newer version):
/// read back into its structure, and put in `t`'s language.
pub fn stored_label(text: &str, t: &Messages) -> String {
    block_label(&BlockLabel::from_dutch(text), t)
}

/// The section part of a label: "Hoofdstuk 8", "5.a", "Bijlage 2", "Samenvatting".
pub fn section_label(section: &SectionLabel, t: &Messages) -> String {
    let words = &t.labels;
    match section {
        SectionLabel::Unsectioned => String::new(),
        SectionLabel::Start => words.start.to_string(),
        SectionLabel::Chapter(n) => format!("{} {n}", words.chapter),
        SectionLabel::Subsection(n) => n.clone(),
        SectionLabel::Annex(n) => format!("{} {n}", words.annex),
        SectionLabel::Part(n) => format!("{} {n}", words.part),
        SectionLabel::Named(name) => name.clone(),
        SectionLabel::Within { parent, title } => format!("{} - {title}", section_label(parent, t)),
        SectionLabel::Repeated { section, occurrence } => format!("{} ({occurrence})", section_label(section, t)),
    }
}

/// A block label of one of the document's versions: "Hoofdstuk 2, alinea 1", or "Hoofdstuk 2,
/// alinea 1 (versie 1)" for a block of an earlier version.
pub fn versioned_label(label: &Versioned<BlockLabel>, t: &Messages) -> String {
    in_version(block_label(&label.value, t), label.earlier, t)
}

/// A section heading (as the document writes it) of one of the document's versions, marked like
/// the nota marks an earlier version's headings: "2. Aanpak (versie 1)".
pub fn versioned_heading(heading: &Versioned<String>, t: &Messages) -> String {
    in_version(heading.value.clone(), heading.earlier, t)
}

fn in_version(text: String, earlier: Option<i64>, t: &Messages) -> String {
    match earlier {
        Some(no) => (t.versions.earlier_heading)(no, &text),
        None => text,
    }
}

/// The label in every language, for a search that should find it whichever one is typed.
pub fn in_every_language(label: &BlockLabel) -> Vec<String> {
    [Locale::Nl, Locale::En].map(|locale| block_label(label, locale.messages())).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{EN, NL};

    fn both(stored: &str) -> (String, String) {
        let label = BlockLabel::from_dutch(stored);
        (block_label(&label, &NL), block_label(&label, &EN))
    }

    #[test]
    fn labels_in_dutch_and_english() {
        let cases = [
            ("8, alinea 1", "Hoofdstuk 8, alinea 1", "Chapter 8, paragraph 1"),
            ("5.a, alinea 3", "5.a, alinea 3", "5.a, paragraph 3"),
            ("Bijlage 2, alinea 1", "Bijlage 2, alinea 1", "Annex 2, paragraph 1"),
            ("Appendix 2, alinea 1", "Bijlage 2, alinea 1", "Annex 2, paragraph 1"),
            ("Deel 3, alinea 2", "Deel 3, alinea 2", "Part 3, paragraph 2"),
            ("Samenvatting, alinea 2", "Samenvatting, alinea 2", "Samenvatting, paragraph 2"),
            ("Inleiding - Leeswijzer, alinea 1", "Inleiding - Leeswijzer, alinea 1", "Inleiding - Leeswijzer, paragraph 1"),
            ("3 - Centrale ambitie, alinea 2", "Hoofdstuk 3 - Centrale ambitie, alinea 2", "Chapter 3 - Centrale ambitie, paragraph 2"),
            ("5 (2), alinea 1", "Hoofdstuk 5 (2), alinea 1", "Chapter 5 (2), paragraph 1"),
            ("Begin, alinea 1", "Begin, alinea 1", "Start, paragraph 1"),
            ("Alinea 3", "Alinea 3", "Paragraph 3"),
            ("voetnoot 1", "voetnoot 1", "footnote 1"),
            ("voetnoot 1 (2)", "voetnoot 1 (2)", "footnote 1 (2)"),
            ("Kosten, alinea's en meer, alinea 2", "Kosten, alinea's en meer, alinea 2", "Kosten, alinea's en meer, paragraph 2"),
            ("iets onbekends", "iets onbekends", "iets onbekends"),
        ];
        for (stored, nl, en) in cases {
            assert_eq!(both(stored), (nl.to_string(), en.to_string()), "{stored}");
        }
    }

    #[test]
    fn dutch_keeps_every_stored_label_but_a_chapter_and_an_appendix_as_it_was() {
        for stored in ["5.a, alinea 3", "Bijlage 2.a, alinea 1", "Deel III, alinea 2", "Samenvatting (2), alinea 1", "a, alinea 4"] {
            assert_eq!(both(stored).0, stored);
        }
    }

    #[test]
    fn an_earlier_versions_label_and_heading_say_their_version() {
        let label = |earlier| Versioned { value: BlockLabel::from_dutch("2.a, alinea 1"), earlier };
        assert_eq!(versioned_label(&label(None), &NL), "2.a, alinea 1");
        assert_eq!(versioned_label(&label(None), &EN), "2.a, paragraph 1");
        assert_eq!(versioned_label(&label(Some(1)), &NL), "2.a, alinea 1 (versie 1)");
        assert_eq!(versioned_label(&label(Some(1)), &EN), "2.a, paragraph 1 (version 1)");
        let chapter = Versioned { value: BlockLabel::from_dutch("8, alinea 3"), earlier: Some(2) };
        assert_eq!(versioned_label(&chapter, &EN), "Chapter 8, paragraph 3 (version 2)");
        let heading = |earlier| Versioned { value: "2. Aanpak".to_string(), earlier };
        assert_eq!(versioned_heading(&heading(None), &EN), "2. Aanpak", "a heading is the document's own text");
        assert_eq!(versioned_heading(&heading(Some(1)), &NL), "2. Aanpak (versie 1)");
        assert_eq!(versioned_heading(&heading(Some(1)), &EN), "2. Aanpak (version 1)");
    }

    #[test]
    fn a_search_gets_both_languages() {
        assert_eq!(in_every_language(&BlockLabel::from_dutch("8, alinea 1")), ["Hoofdstuk 8, alinea 1", "Chapter 8, paragraph 1"]);
    }
}
