//! Block labels in words: "Hoofdstuk 8, alinea 1" in Dutch, "Chapter 8, paragraph 1" in English,
//! from the structure of `domain::label`. A numbered subsection stays its number ("5.a"), as the
//! document numbers it; a named section keeps the document's own heading text.

use crate::domain::label::{BlockLabel, LabelItem, SectionLabel};
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
    fn a_search_gets_both_languages() {
        assert_eq!(in_every_language(&BlockLabel::from_dutch("8, alinea 1")), ["Hoofdstuk 8, alinea 1", "Chapter 8, paragraph 1"]);
    }
}
