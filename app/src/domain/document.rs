//! The structure of a policy document as the rest of Inspraak sees it: sections from headings and
//! commentable blocks, each with a stable anchor and a human label used in the response document.

use super::label::{BlockLabel, SectionLabel};
use serde::{Deserialize, Serialize};

/// What kind of commentable block this is; shown to readers ("tabel", "lijst").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockKind {
    Paragraph,
    List,
    Table,
    Quote,
    Code,
    Footnote,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::List => "list",
            BlockKind::Table => "table",
            BlockKind::Quote => "quote",
            BlockKind::Code => "code",
            BlockKind::Footnote => "footnote",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "paragraph" => BlockKind::Paragraph,
            "list" => BlockKind::List,
            "table" => BlockKind::Table,
            "quote" => BlockKind::Quote,
            "code" => BlockKind::Code,
            "footnote" => BlockKind::Footnote,
            _ => return None,
        })
    }
}

/// A heading of the document with the numbering as written ("Hoofdstuk 5", "a", "Bijlage 2").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Stable, URL-safe anchor, unique within the document ("h5", "h5-a", "bijlage-2", "samenvatting").
    pub anchor: String,
    /// 1 = chapter level (Markdown `##`, or `#` when the document has several), 2 = section, ...
    pub level: u8,
    /// The numbering as written, without punctuation: "Hoofdstuk 5", "a", "Bijlage 2"; None when unnumbered.
    pub number: Option<String>,
    /// The heading text after the numbering ("Preventie"), or the whole heading when unnumbered.
    pub title: String,
    /// Short label used in block labels: "5.a", "5", "Bijlage 2", "Samenvatting", "Inleiding - Leeswijzer".
    pub label: String,
    /// The same label as a structure, for words in any language.
    pub label_parts: SectionLabel,
    /// Index of the parent section in `ImportedDocument::sections`.
    pub parent: Option<usize>,
}

/// A commentable unit: a paragraph, a list, a table, a quote, a code block or a footnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Index into `ImportedDocument::sections`; None for text before the first section heading.
    pub section: Option<usize>,
    pub kind: BlockKind,
    /// Stable anchor, unique within the document ("h5-a-3", "voetnoot-1").
    pub anchor: String,
    /// Human label: "5.a, alinea 3", "Samenvatting, alinea 2", "Bijlage 2, alinea 1", "voetnoot 1".
    pub label: String,
    /// The same label as a structure, for words in any language (`render::labels`).
    pub label_parts: BlockLabel,
    /// Sanitised HTML of the block's content (safe to set as inner HTML).
    pub html: String,
    /// Plain text of the block, for quotes in the response document and search.
    pub text: String,
}

/// The result of importing a draft: title, sections and blocks in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedDocument {
    /// The document title (first `#` heading, or first line of a text export), if any.
    pub title: Option<String>,
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
}

/// What an import from Word left out of the document (pictures, text boxes, comments, ...): the
/// officer is told, so that nothing is lost without notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LeftOutKind {
    Images,
    Charts,
    TextBoxes,
    Comments,
    TrackedDeletions,
    Equations,
    EmbeddedObjects,
    TableOfContents,
}

impl LeftOutKind {
    pub const ALL: [LeftOutKind; 8] = [
        LeftOutKind::Images,
        LeftOutKind::Charts,
        LeftOutKind::TextBoxes,
        LeftOutKind::Comments,
        LeftOutKind::TrackedDeletions,
        LeftOutKind::Equations,
        LeftOutKind::EmbeddedObjects,
        LeftOutKind::TableOfContents,
    ];

    /// The code in a page address (`?weggelaten=afbeeldingen.3`).
    pub fn code(self) -> &'static str {
        match self {
            LeftOutKind::Images => "afbeeldingen",
            LeftOutKind::Charts => "grafieken",
            LeftOutKind::TextBoxes => "tekstvakken",
            LeftOutKind::Comments => "opmerkingen",
            LeftOutKind::TrackedDeletions => "verwijderingen",
            LeftOutKind::Equations => "formules",
            LeftOutKind::EmbeddedObjects => "objecten",
            LeftOutKind::TableOfContents => "inhoudsopgave",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// How many items of one kind were left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    pub kind: LeftOutKind,
    pub count: usize,
}

impl LeftOut {
    /// The list as one query value: `afbeeldingen.3,tekstvakken.1`.
    pub fn to_query(items: &[LeftOut]) -> String {
        items.iter().map(|item| format!("{}.{}", item.kind.code(), item.count)).collect::<Vec<_>>().join(",")
    }

    /// Reads what [`LeftOut::to_query`] wrote; unknown or malformed parts are skipped.
    pub fn from_query(value: &str) -> Vec<LeftOut> {
        value
            .split(',')
            .filter_map(|part| {
                let (code, count) = part.split_once('.')?;
                Some(LeftOut { kind: LeftOutKind::parse(code)?, count: count.parse().ok().filter(|n| *n > 0)? })
            })
            .collect()
    }
}

#[cfg(test)]
mod left_out_tests {
    use super::*;

    #[test]
    fn left_out_items_survive_the_page_address_and_nonsense_is_skipped() {
        let items = vec![LeftOut { kind: LeftOutKind::Images, count: 3 }, LeftOut { kind: LeftOutKind::TextBoxes, count: 1 }];
        let query = LeftOut::to_query(&items);
        assert_eq!(query, "afbeeldingen.3,tekstvakken.1");
        assert_eq!(LeftOut::from_query(&query), items);
        assert_eq!(
            LeftOut::from_query("afbeeldingen.x,onbekend.2,tekstvakken.0,,opmerkingen.2"),
            [LeftOut { kind: LeftOutKind::Comments, count: 2 }]
        );
        for kind in LeftOutKind::ALL {
            assert_eq!(LeftOutKind::parse(kind.code()), Some(kind));
        }
    }
}
