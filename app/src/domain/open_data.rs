//! The public open data (`/api/v1/...`, described in `openapi/inspraak-v1.json`): consultations,
//! the document tree, and the reactions and advice with their published answers, as types, with
//! the parts that need no words. Reactions are anonymised: residents are numbered whatever they
//! chose for the response document, organisations and councils named; hidden reactions carry no
//! text; only approved and adopted answers appear.
//!
//! Every label comes three ways: `label` as the importer stored it (Dutch, "5.a, alinea 3"; kept
//! as it always was), `label_parts` as a structure a client can put in its own words, and
//! `display_label` in the language asked for ("Chapter 5, paragraph 3"), which `render` words.

use super::label::{BlockLabel, LabelItem, SectionLabel};
use serde::{Deserialize, Serialize};

pub const API_VERSION: &str = "v1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiConsultationList {
    pub consultations: Vec<ApiConsultation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiConsultation {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// `concept`, `advies`, `inspraak`, `verwerking`, `college`, `raad`.
    pub phase: String,
    pub comment_period: ApiPeriod,
    pub reaction_count: i64,
    pub links: ApiLinks,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiPeriod {
    /// ISO 8601 dates (`2026-12-01`), as all dates here.
    pub opens_on: String,
    pub closes_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiLinks {
    pub document: String,
    pub reactions: String,
    pub advice: String,
    pub response_document: String,
    pub dossier: String,
}

impl ApiLinks {
    pub fn for_slug(slug: &str) -> Self {
        ApiLinks {
            document: format!("/api/{API_VERSION}/consultaties/{slug}"),
            reactions: format!("/api/{API_VERSION}/consultaties/{slug}/reacties"),
            advice: format!("/api/{API_VERSION}/consultaties/{slug}/adviezen"),
            response_document: format!("/consultaties/{slug}/reactienota"),
            dossier: format!("/consultaties/{slug}/dossier.zip"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiDocument {
    pub consultation: ApiConsultation,
    pub document_title: Option<String>,
    /// Paragraphs before the first heading.
    pub blocks: Vec<ApiBlock>,
    pub sections: Vec<ApiSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiSection {
    pub anchor: String,
    pub level: u8,
    /// As stored: "5.a", "5", "Bijlage 2".
    pub label: String,
    pub label_parts: ApiSectionLabel,
    /// In the language asked for: "Hoofdstuk 5" / "Chapter 5".
    pub display_label: String,
    pub heading: String,
    pub blocks: Vec<ApiBlock>,
    pub sections: Vec<ApiSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiBlock {
    pub anchor: String,
    /// As stored: "5.a, alinea 3".
    pub label: String,
    pub label_parts: ApiBlockLabel,
    /// In the language asked for.
    pub display_label: String,
    /// The kind of block, as the importer names it.
    pub kind: String,
    pub text: String,
}

/// A block label as a structure: which block of which section. The words for it are the
/// client's, or `display_label`'s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiBlockLabel {
    pub section: ApiSectionLabel,
    pub item: ApiLabelItem,
}

/// The section part of a label (see `domain::label::SectionLabel`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApiSectionLabel {
    /// No section named: a document without headings, or a footnote.
    Unsectioned,
    /// Text before the first heading.
    Start,
    /// "Hoofdstuk 8": number "8" (also "IV", "A").
    Chapter { number: String },
    /// "5.a", "5.2", "3.2.1".
    Subsection { number: String },
    /// "Bijlage 2", "Bijlage 2.a".
    Annex { number: String },
    /// "Deel 3".
    Part { number: String },
    /// An unnumbered section, titled as the document titles it.
    Named { title: String },
    /// An unnumbered section below a numbered one: "3 - Centrale ambitie".
    Within { parent: Box<ApiSectionLabel>, title: String },
    /// The `occurrence`th section with the same label (2 or more): "5 (2)".
    Repeated { section: Box<ApiSectionLabel>, occurrence: u32 },
}

/// What a label points at within its section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApiLabelItem {
    /// The `number`th block of the section, from 1.
    Paragraph { number: u32 },
    /// A footnote, by its label as written.
    Footnote { label: String },
    /// A label of no known form: the section part holds it as written.
    Unknown,
}

impl From<&BlockLabel> for ApiBlockLabel {
    fn from(label: &BlockLabel) -> Self {
        let item = match &label.item {
            LabelItem::Paragraph(number) => ApiLabelItem::Paragraph { number: *number },
            LabelItem::Footnote(label) => ApiLabelItem::Footnote { label: label.clone() },
            LabelItem::Unknown => ApiLabelItem::Unknown,
        };
        ApiBlockLabel { section: (&label.section).into(), item }
    }
}

impl From<&SectionLabel> for ApiSectionLabel {
    fn from(section: &SectionLabel) -> Self {
        match section {
            SectionLabel::Unsectioned => ApiSectionLabel::Unsectioned,
            SectionLabel::Start => ApiSectionLabel::Start,
            SectionLabel::Chapter(n) => ApiSectionLabel::Chapter { number: n.clone() },
            SectionLabel::Subsection(n) => ApiSectionLabel::Subsection { number: n.clone() },
            SectionLabel::Annex(n) => ApiSectionLabel::Annex { number: n.clone() },
            SectionLabel::Part(n) => ApiSectionLabel::Part { number: n.clone() },
            SectionLabel::Named(title) => ApiSectionLabel::Named { title: title.clone() },
            SectionLabel::Within { parent, title } => {
                ApiSectionLabel::Within { parent: Box::new(parent.as_ref().into()), title: title.clone() }
            }
            SectionLabel::Repeated { section, occurrence } => {
                ApiSectionLabel::Repeated { section: Box::new(section.as_ref().into()), occurrence: *occurrence }
            }
        }
    }
}

/// A section as the tree needs it.
#[derive(Debug, Clone)]
pub struct TreeSection {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub anchor: String,
    pub level: u8,
    pub label: String,
    pub label_parts: SectionLabel,
    pub heading: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiReactions {
    pub consultation: String,
    pub totals: ApiTotals,
    pub reactions: Vec<ApiReaction>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTotals {
    pub received: usize,
    pub late: usize,
    pub unanswered: usize,
    /// Per status code, every status.
    pub by_status: Vec<ApiStatusCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiStatusCount {
    pub status: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiReaction {
    /// The paragraph it is about; null for the document as a whole.
    pub block: Option<ApiBlockRef>,
    /// `resident`, `organisation` or `council`.
    pub sender_type: String,
    /// "Inspreker N" for residents; the name of an organisation or council.
    pub sender: String,
    pub received_on: String,
    pub late: bool,
    pub hidden: bool,
    /// Null when hidden from public view.
    pub text: Option<String>,
    pub answer: Option<ApiAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiBlockRef {
    pub anchor: String,
    /// As stored.
    pub label: String,
    pub label_parts: ApiBlockLabel,
    /// In the language asked for.
    pub display_label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiAnswer {
    pub status: String,
    pub status_label: String,
    pub text_markdown: String,
    pub processed_where: Option<String>,
    /// `goedgekeurd` or `vastgesteld`.
    pub state: String,
    pub adopted_on: Option<String>,
    pub change_reason: Option<String>,
    pub processed_in: Vec<ApiProcessedIn>,
}

/// A passage of a newer version where an answer says it was processed: before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiProcessedIn {
    pub version: i64,
    pub anchor: String,
    /// As stored.
    pub label: String,
    pub label_parts: ApiBlockLabel,
    /// In the language asked for.
    pub display_label: String,
    pub before: String,
    pub after: String,
    pub words_added: usize,
    pub words_removed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiAdviceList {
    pub consultation: String,
    pub advice: Vec<ApiAdvice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiAdvice {
    pub council: String,
    pub municipality: String,
    pub received_on: Option<String>,
    pub oral: bool,
    /// The council sent its advice as a letter.
    pub written: bool,
    /// The college that answered under its own name (a regional consultation); none: the
    /// organisation holding the consultation.
    pub sender: Option<String>,
    pub points: Vec<ApiAdvicePoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiAdvicePoint {
    pub number: usize,
    pub text_markdown: String,
    pub blocks: Vec<ApiBlockRef>,
    pub answer: Option<ApiPointAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiPointAnswer {
    pub status: String,
    pub status_label: String,
    pub text_markdown: String,
    pub processed_where: Option<String>,
    pub processed_in: Vec<ApiProcessedIn>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_parts_are_a_tagged_structure() {
        let label = BlockLabel::from_dutch("3 - Centrale ambitie (2), alinea 4");
        let json = serde_json::to_value(ApiBlockLabel::from(&label)).expect("json");
        assert_eq!(
            json,
            serde_json::json!({
                "section": {
                    "kind": "repeated",
                    "section": { "kind": "within", "parent": { "kind": "chapter", "number": "3" }, "title": "Centrale ambitie" },
                    "occurrence": 2
                },
                "item": { "kind": "paragraph", "number": 4 }
            })
        );
        let footnote = serde_json::to_value(ApiBlockLabel::from(&BlockLabel::footnote("1"))).expect("json");
        assert_eq!(footnote, serde_json::json!({ "section": { "kind": "unsectioned" }, "item": { "kind": "footnote", "label": "1" } }));
        let odd = serde_json::to_value(ApiBlockLabel::from(&BlockLabel::from_dutch("iets anders"))).expect("json");
        assert_eq!(odd, serde_json::json!({ "section": { "kind": "named", "title": "iets anders" }, "item": { "kind": "unknown" } }));
        for (stored, kind) in [("Bijlage 2.a", "annex"), ("Deel 3", "part"), ("5.a", "subsection"), ("8", "chapter")] {
            let section = serde_json::to_value(ApiSectionLabel::from(&SectionLabel::from_dutch(stored))).expect("json");
            assert_eq!(section["kind"], kind, "{stored}");
        }
    }
}
