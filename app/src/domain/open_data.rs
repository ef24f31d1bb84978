//! The public open data (`/api/v1/...`, described in `openapi/inspraak-v1.json`): consultations,
//! the document tree, and the reactions and advice with their published answers, as types, with
//! the parts that need no words. Reactions are anonymised: residents are numbered whatever they
//! chose for the response document, organisations and councils named; hidden reactions carry no
//! text; only approved and adopted answers appear.

use super::document::BlockKind;
use super::report::OutlineBlock;
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
    pub label: String,
    pub heading: String,
    pub blocks: Vec<ApiBlock>,
    pub sections: Vec<ApiSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiBlock {
    pub anchor: String,
    pub label: String,
    /// The kind of block, as the importer names it.
    pub kind: String,
    pub text: String,
}

/// A section as the tree needs it.
#[derive(Debug, Clone)]
pub struct TreeSection {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub anchor: String,
    pub level: u8,
    pub label: String,
    pub heading: String,
}

fn api_block(block: &OutlineBlock) -> ApiBlock {
    ApiBlock {
        anchor: block.anchor.clone(),
        label: block.label.clone(),
        kind: block_kind_code(block.kind).into(),
        text: block.text.clone(),
    }
}

pub fn block_kind_code(kind: BlockKind) -> &'static str {
    kind.as_str()
}

/// Nests sections under their parents and blocks under their section, in document order.
/// Returns the blocks before the first heading and the top-level sections.
pub fn document_tree(sections: &[TreeSection], blocks: &[OutlineBlock]) -> (Vec<ApiBlock>, Vec<ApiSection>) {
    fn build(id: i64, sections: &[TreeSection], blocks: &[OutlineBlock]) -> Option<ApiSection> {
        let section = sections.iter().find(|s| s.id == id)?;
        Some(ApiSection {
            anchor: section.anchor.clone(),
            level: section.level,
            label: section.label.clone(),
            heading: section.heading.clone(),
            blocks: blocks.iter().filter(|b| b.section_id == Some(id)).map(api_block).collect(),
            sections: sections.iter().filter(|s| s.parent_id == Some(id)).filter_map(|s| build(s.id, sections, blocks)).collect(),
        })
    }
    let known = |id: Option<i64>| id.is_some_and(|id| sections.iter().any(|s| s.id == id));
    let loose = blocks.iter().filter(|b| !known(b.section_id)).map(api_block).collect();
    let top = sections.iter().filter(|s| !known(s.parent_id)).filter_map(|s| build(s.id, sections, blocks)).collect();
    (loose, top)
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
    pub label: String,
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
    pub label: String,
    pub before: String,
    pub after: String,
    pub words_added: usize,
    pub words_removed: usize,
}

/// The passages where an answer says it was processed, before and after, with the words counted.
pub fn api_processed_in(places: &[super::versions::ProcessedIn]) -> Vec<ApiProcessedIn> {
    places
        .iter()
        .map(|p| {
            let (words_added, words_removed) = p.change.counts();
            ApiProcessedIn {
                version: p.version_no,
                anchor: p.anchor.clone(),
                label: p.label.clone(),
                before: p.change.before(),
                after: p.change.after(),
                words_added,
                words_removed,
            }
        })
        .collect()
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
    use crate::domain::report::tests::outline;

    #[test]
    fn the_tree_nests_sections_and_blocks_in_order() {
        let (_, blocks) = outline();
        let sections = vec![
            TreeSection { id: 1, parent_id: None, anchor: "h1".into(), level: 1, label: "1".into(), heading: "1. Inleiding".into() },
            TreeSection { id: 2, parent_id: Some(1), anchor: "h1-a".into(), level: 2, label: "1.a".into(), heading: "a. Doel".into() },
        ];
        let mut blocks = blocks;
        blocks[1].section_id = Some(2);
        blocks[2].section_id = None;
        let (loose, top) = document_tree(&sections, &blocks);
        assert_eq!(loose.len(), 1);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].blocks.len(), 1);
        assert_eq!(top[0].sections[0].anchor, "h1-a");
        assert_eq!(top[0].sections[0].blocks[0].label, "2, alinea 1");
    }
}
