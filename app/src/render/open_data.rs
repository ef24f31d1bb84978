//! The open data's reactions and advice (`/api/v1/consultaties/{slug}/reacties` and `…/adviezen`)
//! with their words: the senders as the public sees them and the statuses' labels.

use super::report::sender_label;
use crate::domain::advice::{Letter, LetterPoint, PointAnswer};
use crate::domain::open_data::{
    ApiAdvice, ApiAdviceList, ApiAdvicePoint, ApiAnswer, ApiBlockRef, ApiPointAnswer, ApiReaction, ApiReactions, ApiStatusCount, ApiTotals,
    api_processed_in,
};
use crate::domain::report::{Report, ReportAnswer, ReportBlock, ReportEntry, SenderLabel, Totals};
use crate::domain::status::AnswerState;
use crate::i18n::Messages;

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
        block: block.map(|b| ApiBlockRef { anchor: b.anchor.clone(), label: b.label.clone() }),
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
        processed_in: api_processed_in(&a.processed_in),
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
        blocks: p.blocks.iter().map(|(anchor, label)| ApiBlockRef { anchor: anchor.clone(), label: label.clone() }).collect(),
        answer: p.answer.as_ref().filter(|a| a.state == AnswerState::Final).map(|a| point_answer(a, t)),
    }
}

fn point_answer(a: &PointAnswer, t: &Messages) -> ApiPointAnswer {
    ApiPointAnswer {
        status: a.status.code().into(),
        status_label: t.status_label(a.status).into(),
        text_markdown: a.body_markdown.clone(),
        processed_where: a.processed_where.clone(),
        processed_in: api_processed_in(&a.processed_in),
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
    use crate::i18n::NL;

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
