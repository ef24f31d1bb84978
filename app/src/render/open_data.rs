//! The open data's document tree, reactions and advice (`/api/v1/consultaties/{slug}`, `…/reacties`
//! and `…/adviezen`) with their words: the labels in the language asked for, the senders as the
//! public sees them and the statuses' labels.

use super::labels::{block_label, section_label};
use super::report::sender_label;
use crate::domain::advice::{Letter, LetterPoint, PointAnswer};
use crate::domain::label::BlockLabel;
use crate::domain::open_data::{
    ApiAdvice, ApiAdviceList, ApiAdvicePoint, ApiAnswer, ApiBlock, ApiBlockRef, ApiPointAnswer, ApiProcessedIn, ApiReaction, ApiReactions,
    ApiSection, ApiStatusCount, ApiTotals, TreeSection,
};
use crate::domain::report::{OutlineBlock, Report, ReportAnswer, ReportBlock, ReportEntry, SenderLabel, Totals};
use crate::domain::status::AnswerState;
use crate::domain::versions::ProcessedIn;
use crate::i18n::Messages;

fn api_block(block: &OutlineBlock, t: &Messages) -> ApiBlock {
    ApiBlock {
        anchor: block.anchor.clone(),
        label: block.label.clone(),
        label_parts: (&block.label_parts).into(),
        display_label: block_label(&block.label_parts, t),
        kind: block.kind.as_str().into(),
        text: block.text.clone(),
    }
}

/// Nests sections under their parents and blocks under their section, in document order.
/// Returns the blocks before the first heading and the top-level sections.
pub fn document_tree(sections: &[TreeSection], blocks: &[OutlineBlock], t: &Messages) -> (Vec<ApiBlock>, Vec<ApiSection>) {
    fn build(id: i64, sections: &[TreeSection], blocks: &[OutlineBlock], t: &Messages) -> Option<ApiSection> {
        let section = sections.iter().find(|s| s.id == id)?;
        Some(ApiSection {
            anchor: section.anchor.clone(),
            level: section.level,
            label: section.label.clone(),
            label_parts: (&section.label_parts).into(),
            display_label: section_label(&section.label_parts, t),
            heading: section.heading.clone(),
            blocks: blocks.iter().filter(|b| b.section_id == Some(id)).map(|b| api_block(b, t)).collect(),
            sections: sections.iter().filter(|s| s.parent_id == Some(id)).filter_map(|s| build(s.id, sections, blocks, t)).collect(),
        })
    }
    let known = |id: Option<i64>| id.is_some_and(|id| sections.iter().any(|s| s.id == id));
    let loose = blocks.iter().filter(|b| !known(b.section_id)).map(|b| api_block(b, t)).collect();
    let top = sections.iter().filter(|s| !known(s.parent_id)).filter_map(|s| build(s.id, sections, blocks, t)).collect();
    (loose, top)
}

fn block_ref(anchor: &str, stored: &str, parts: &BlockLabel, t: &Messages) -> ApiBlockRef {
    ApiBlockRef { anchor: anchor.into(), label: stored.into(), label_parts: parts.into(), display_label: block_label(parts, t) }
}

/// The passages where an answer says it was processed, before and after, with the words counted.
fn api_processed_in(places: &[ProcessedIn], t: &Messages) -> Vec<ApiProcessedIn> {
    places
        .iter()
        .map(|p| {
            let (words_added, words_removed) = p.change.counts();
            ApiProcessedIn {
                version: p.version_no,
                anchor: p.anchor.clone(),
                label: p.label.clone(),
                label_parts: (&p.label_parts).into(),
                display_label: block_label(&p.label_parts, t),
                before: p.change.before(),
                after: p.change.after(),
                words_added,
                words_removed,
            }
        })
        .collect()
}

/// The reactions of an anonymised report (see `ExportOptions { names: false }`), in document order.
pub fn reactions(slug: &str, report: &Report, t: &Messages) -> ApiReactions {
    ApiReactions {
        consultation: slug.into(),
        totals: totals(&report.totals, t),
        reactions: report.entries().map(|(block, entry)| reaction(block, entry, t)).collect(),
    }
}

fn reaction(block: Option<&ReportBlock>, e: &ReportEntry, t: &Messages) -> ApiReaction {
    ApiReaction {
        block: block.map(|b| block_ref(&b.anchor, &b.label, &b.label_parts, t)),
        sender_type: e.sender_kind.code().into(),
        sender: match &e.sender {
            // Never reached when the report was made with `names: false`; a safety net.
            SenderLabel::Named(_) => t.anonymous_sender.to_string(),
            other => sender_label(other, t),
        },
        received_on: e.received_on.to_string(),
        late: e.late,
        hidden: e.hidden,
        text: (!e.hidden).then(|| e.body.clone()),
        answer: e.answer.as_ref().filter(|a| a.state.is_public()).map(|a| answer(a, t)),
    }
}

fn answer(a: &ReportAnswer, t: &Messages) -> ApiAnswer {
    ApiAnswer {
        status: a.status.code().into(),
        status_label: t.status_label(a.status).into(),
        text_markdown: a.body_markdown.clone(),
        processed_where: a.processed_where.clone(),
        state: a.state.code().into(),
        adopted_on: a.adopted_on.map(|d| d.to_string()),
        change_reason: a.change_reason.clone(),
        processed_in: api_processed_in(&a.processed_in, t),
    }
}

fn totals(totals: &Totals, t: &Messages) -> ApiTotals {
    ApiTotals {
        received: totals.received,
        late: totals.late,
        unanswered: totals.unanswered,
        by_status: totals
            .by_status
            .iter()
            .map(|(s, n)| ApiStatusCount { status: s.code().into(), label: t.status_label(*s).into(), count: *n })
            .collect(),
    }
}

/// Published letters only (the caller passes what is published, with final answers).
pub fn advice(slug: &str, letters: &[Letter], t: &Messages) -> ApiAdviceList {
    ApiAdviceList { consultation: slug.into(), advice: letters.iter().map(|letter| letter_advice(letter, t)).collect() }
}

fn letter_advice(letter: &Letter, t: &Messages) -> ApiAdvice {
    ApiAdvice {
        council: letter.council_name.clone(),
        municipality: letter.municipality.clone(),
        received_on: letter.received_on.map(|d| d.to_string()),
        oral: letter.oral,
        written: letter.written,
        sender: letter.sender.clone(),
        points: letter.points().map(|p| advice_point(p, t)).collect(),
    }
}

fn advice_point(p: &LetterPoint, t: &Messages) -> ApiAdvicePoint {
    ApiAdvicePoint {
        number: p.number,
        text_markdown: p.body_markdown.clone(),
        // A point keeps its blocks' labels as text: read back into their structure.
        blocks: p.blocks.iter().map(|(anchor, label)| block_ref(anchor, label, &BlockLabel::from_dutch(label), t)).collect(),
        answer: p.answer.as_ref().filter(|a| a.state == AnswerState::Final).map(|a| point_answer(a, t)),
    }
}

fn point_answer(a: &PointAnswer, t: &Messages) -> ApiPointAnswer {
    ApiPointAnswer {
        status: a.status.code().into(),
        status_label: t.status_label(a.status).into(),
        text_markdown: a.body_markdown.clone(),
        processed_where: a.processed_where.clone(),
        processed_in: api_processed_in(&a.processed_in, t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::export::ExportOptions;
    use crate::domain::report::assemble;
    use crate::domain::report::tests::{comment, outline};
    use crate::domain::review::ReviewState;
    use crate::domain::status::ProcessingStatus;
    use crate::i18n::{EN, NL};

    #[test]
    fn the_tree_nests_sections_and_blocks_in_order_with_labels_in_words() {
        use crate::domain::label::SectionLabel;
        let (_, blocks) = outline();
        let section = |id, parent_id, anchor: &str, level, label: &str, heading: &str| TreeSection {
            id,
            parent_id,
            anchor: anchor.into(),
            level,
            label: label.into(),
            label_parts: SectionLabel::from_dutch(label),
            heading: heading.into(),
        };
        let sections = vec![section(1, None, "h1", 1, "1", "1. Inleiding"), section(2, Some(1), "h1-a", 2, "1.a", "a. Doel")];
        let mut blocks = blocks;
        blocks[1].section_id = Some(2);
        blocks[2].section_id = None;
        let (loose, top) = document_tree(&sections, &blocks, &EN);
        assert_eq!(loose.len(), 1);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].blocks.len(), 1);
        assert_eq!((top[0].label.as_str(), top[0].display_label.as_str()), ("1", "Chapter 1"));
        assert_eq!(top[0].sections[0].anchor, "h1-a");
        let block = &top[0].sections[0].blocks[0];
        assert_eq!(block.label, "2, alinea 1", "the stored label, as it always was");
        assert_eq!(block.display_label, "Chapter 2, paragraph 1");
        assert_eq!(block.label_parts, (&BlockLabel::from_dutch("2, alinea 1")).into());
        let (_, dutch) = document_tree(&sections, &blocks, &NL);
        assert_eq!(dutch[0].sections[0].blocks[0].display_label, "Hoofdstuk 2, alinea 1");
        assert_eq!(dutch[0].display_label, "Hoofdstuk 1");
    }

    #[test]
    fn reactions_are_anonymous_and_hidden_text_and_drafts_stay_out() {
        let (sections, blocks) = outline();
        let mut named = comment(Some(10), Some(ProcessingStatus::Processed));
        named.public_name = Some("Jan Jansen".into());
        let mut hidden = comment(Some(10), None);
        hidden.hidden = true;
        hidden.body = "Geheim".into();
        let mut draft = comment(None, Some(ProcessingStatus::Noted));
        if let Some(a) = draft.answer.as_mut() {
            a.state = ReviewState::Draft;
        }
        let mut inputs = vec![named, hidden, draft];
        ExportOptions { names: false, ..ExportOptions::default() }.prepare(&mut inputs);
        let report = assemble(&sections, &blocks, inputs);
        let api = reactions("visie", &report, &NL);
        let json = serde_json::to_string(&api).expect("json");
        assert!(!json.contains("Jan Jansen"));
        assert!(!json.contains("Geheim"));
        assert_eq!(api.reactions[0].answer, None, "a draft answer is not published");
        assert_eq!(api.reactions[1].sender, "Inspreker 1");
        assert!(api.reactions[2].hidden && api.reactions[2].text.is_none());
        assert_eq!(api.totals.by_status.len(), ProcessingStatus::ALL.len());
    }
}
