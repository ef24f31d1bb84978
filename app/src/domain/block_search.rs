//! Finding the blocks of a document that a point of advice is about: by label ("5.a, alinea 3",
//! "bijlage 2") or by words from the text, without regard to case or accents ("financiele" finds
//! "financiële"). Every word of the query must occur: a number as a whole ("1" finds "alinea 1",
//! not "alinea 10"; "5" finds "5.a"), other words anywhere ("parkeer" finds "parkeerplaats").
//! Blocks whose label holds them in the order typed come first, then those whose label holds them
//! all, then the rest; each group in document order. A block may have its label in several
//! languages ("Hoofdstuk 8, alinea 1", "Chapter 8, paragraph 1"): any of them counts.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Longer queries are cut off: nobody types a search of this length on purpose.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many blocks are offered at once; the person is asked to narrow the search.
pub const MAX_FOUND: usize = 30;

/// Lower case, accents removed, punctuation other than `.` and `-` read as a space, one space
/// between words.
fn fold(text: &str) -> String {
    let spaced: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() || c == '.' || c == '-' { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether one folded word of a text matches a folded query word: a number as a whole or as the
/// head of a numbered label ("5" in "5.a"), anything else as a part ("parkeer" in "parkeerplaats").
fn word_matches(token: &str, word: &str) -> bool {
    if word.chars().all(|c| c.is_ascii_digit()) {
        token.trim_end_matches('.') == word || token.strip_prefix(word).is_some_and(|rest| rest.starts_with('.'))
    } else {
        token.contains(word)
    }
}

/// Whether folded text holds a folded word anywhere.
fn holds(text: &str, word: &str) -> bool {
    text.split(' ').any(|token| word_matches(token, word))
}

/// Whether folded text holds the words in the query's order, one after the other.
fn holds_phrase(text: &str, words: &[String]) -> bool {
    if words.is_empty() {
        return false;
    }
    let tokens: Vec<&str> = text.split(' ').collect();
    tokens.windows(words.len()).any(|window| window.iter().zip(words).all(|(token, word)| word_matches(token, word)))
}

/// A parsed query: its words, folded. Empty when there is nothing to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockQuery {
    words: Vec<String>,
}

impl BlockQuery {
    pub fn parse(query: &str) -> Self {
        let cut: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let words = fold(&cut).split_whitespace().map(|w| w.trim_end_matches('.').to_string()).filter(|w| !w.is_empty()).collect();
        BlockQuery { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How well a block matches: `Some(0)` when its label holds the words in order ("2, alinea 1"
    /// for "2 alinea 1"), `Some(1)` when it holds them all, `Some(2)` when label and text together
    /// do, `None` otherwise.
    fn rank<L: AsRef<str>>(&self, labels: &[L], text: &str) -> Option<u8> {
        let labels: Vec<String> = labels.iter().map(|label| fold(label.as_ref())).collect();
        if labels.iter().any(|label| holds_phrase(label, &self.words)) {
            return Some(0);
        }
        if labels.iter().any(|label| self.words.iter().all(|w| holds(label, w))) {
            return Some(1);
        }
        let text = fold(text);
        self.words.iter().all(|w| labels.iter().any(|label| holds(label, w)) || holds(&text, w)).then_some(2)
    }
}

/// The blocks found: at most [`MAX_FOUND`] indexes into the list searched, best first, and how
/// many matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub indexes: Vec<usize>,
    pub total: usize,
}

/// Searches `(label, text)` pairs in document order.
pub fn search<'a>(query: &BlockQuery, blocks: impl IntoIterator<Item = (&'a str, &'a str)>) -> Found {
    search_labels(query, blocks.into_iter().map(|(label, text)| ([label], text)))
}

/// Searches `(labels, text)` pairs in document order, a block's label in each language.
pub fn search_labels<'a, L: AsRef<str>>(query: &BlockQuery, blocks: impl IntoIterator<Item = (impl AsRef<[L]>, &'a str)>) -> Found {
    if query.is_empty() {
        return Found::default();
    }
    let mut ranked: Vec<(u8, usize)> =
        blocks.into_iter().enumerate().filter_map(|(i, (labels, text))| query.rank(labels.as_ref(), text).map(|r| (r, i))).collect();
    ranked.sort();
    Found { total: ranked.len(), indexes: ranked.into_iter().take(MAX_FOUND).map(|(_, i)| i).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCKS: [(&str, &str); 5] = [
        ("Samenvatting, alinea 1", "De gemeente wil het parkeren in het centrum anders regelen (zie bijlage 2)."),
        ("5.a, alinea 3", "Financiële gevolgen voor de begroting van 2027."),
        ("5.a, alinea 4", "Bewoners met een beperking houden een parkeerplaats bij de deur."),
        ("8, alinea 1", "Het parkeren voor de deur van de huisarts blijft gratis."),
        ("Bijlage 2, alinea 1", "Kaart van het centrum met de parkeerzones."),
    ];

    fn labels(query: &str) -> Vec<&'static str> {
        search(&BlockQuery::parse(query), BLOCKS).indexes.into_iter().map(|i| BLOCKS[i].0).collect()
    }

    #[test]
    fn words_are_found_without_regard_to_case_or_accents() {
        assert_eq!(labels("FINANCIELE"), ["5.a, alinea 3"]);
        assert_eq!(labels("financiële begroting"), ["5.a, alinea 3"]);
        assert_eq!(labels("parkeren"), ["Samenvatting, alinea 1", "8, alinea 1"]);
    }

    #[test]
    fn every_word_must_occur() {
        assert_eq!(labels("parkeren huisarts"), ["8, alinea 1"]);
        assert!(labels("parkeren fietsenstalling").is_empty());
    }

    #[test]
    fn label_matches_come_first_then_document_order() {
        // "bijlage 2" is in the first block's text and the last one's label: the label leads.
        assert_eq!(labels("bijlage 2"), ["Bijlage 2, alinea 1", "Samenvatting, alinea 1"]);
        assert_eq!(labels("5.a"), ["5.a, alinea 3", "5.a, alinea 4"]);
        let found = labels("alinea 1");
        assert_eq!(found, ["Samenvatting, alinea 1", "8, alinea 1", "Bijlage 2, alinea 1"]);
        assert_eq!(labels("deur"), ["5.a, alinea 4", "8, alinea 1"]);
    }

    #[test]
    fn the_words_in_order_lead() {
        let both: [(&str, &str); 2] = [("1, alinea 2", ""), ("2, alinea 1", "")];
        let found = search(&BlockQuery::parse("2, alinea 1"), both);
        assert_eq!(found.indexes, [1, 0], "both hold the words; the one in the order typed leads");
    }

    #[test]
    fn numbers_match_whole() {
        assert_eq!(labels("5"), ["5.a, alinea 3", "5.a, alinea 4"]);
        assert_eq!(labels("2027"), ["5.a, alinea 3"]);
        let many: Vec<(String, &str)> = [1, 10, 11, 21].map(|n| (format!("alinea {n}"), "")).into();
        let found = search(&BlockQuery::parse("alinea 1"), many.iter().map(|(l, t)| (l.as_str(), *t)));
        assert_eq!(found.indexes, [0]);
    }

    #[test]
    fn an_empty_query_finds_nothing_and_long_ones_are_cut() {
        assert!(BlockQuery::parse("  ,; ").is_empty());
        assert_eq!(search(&BlockQuery::parse(""), BLOCKS), Found::default());
        let long = "parkeren ".repeat(100);
        assert_eq!(labels(&long), ["Samenvatting, alinea 1", "8, alinea 1"]);
    }

    #[test]
    fn a_label_in_any_language_is_found() {
        let blocks = [
            (["Hoofdstuk 8, alinea 1", "Chapter 8, paragraph 1"], "Het parkeren blijft gratis."),
            (["Hoofdstuk 8, alinea 2", "Chapter 8, paragraph 2"], "Hoofdstuk 3 gaat over wonen."),
            (["5.a, alinea 1", "5.a, paragraph 1"], "Tekst."),
        ];
        let found = |query: &str| search_labels(&BlockQuery::parse(query), blocks).indexes;
        assert_eq!(found("hoofdstuk 8"), [0, 1]);
        assert_eq!(found("chapter 8 paragraph 2"), [1]);
        assert_eq!(found("Hoofdstuk 8, alinea 2"), [1]);
        assert_eq!(found("hoofdstuk 3"), [1], "words of the text count too");
        assert_eq!(found("5.a paragraph 1"), [2]);
    }

    #[test]
    fn at_most_max_found_are_offered_with_the_total() {
        let many: Vec<(String, String)> = (1..=100).map(|n| (format!("alinea {n}"), "tekst".to_string())).collect();
        let found = search(&BlockQuery::parse("tekst"), many.iter().map(|(l, t)| (l.as_str(), t.as_str())));
        assert_eq!(found.total, 100);
        assert_eq!(found.indexes, (0..MAX_FOUND).collect::<Vec<_>>());
    }
}
