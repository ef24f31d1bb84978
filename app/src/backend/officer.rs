//! Groups a consultation's comments per section and block, in document order, for officers.

use super::store::{AnswerRevision, ConsultationRow, DocumentRows, OfficerComment};
use crate::api::{OfficerBlockView, OfficerCommentView, OfficerConsultationView, OfficerSectionView, RevisionView};
use crate::domain::comment::SenderKind;
use crate::domain::report::SenderLabel;
use crate::domain::status::{AnswerState, ProcessingStatus};
use std::collections::HashMap;
use time::OffsetDateTime;

pub fn format_time(at: OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    at.format(&format).unwrap_or_default()
}

pub fn assemble(
    consultation: ConsultationRow,
    document: DocumentRows,
    comments: Vec<OfficerComment>,
    history: Vec<AnswerRevision>,
) -> OfficerConsultationView {
    let mut revisions: HashMap<i64, Vec<RevisionView>> = HashMap::new();
    for r in history {
        revisions.entry(r.comment_id).or_default().push(RevisionView {
            revision_no: r.revision_no,
            body_markdown: r.body_markdown,
            status: ProcessingStatus::parse(&r.status),
            processed_where: r.processed_where,
            state: AnswerState::parse(&r.state).unwrap_or(AnswerState::Draft),
            author: r.author,
            saved_at: format_time(r.created_at),
        });
    }
    let total = comments.len();
    // Only a final answer counts: a concept still needs work before the response document.
    let unanswered = comments.iter().filter(|c| c.answer_state.as_deref() != Some(AnswerState::Final.code())).count();
    let mut anonymous = 0;
    let mut per_block: HashMap<Option<i64>, Vec<OfficerCommentView>> = HashMap::new();
    for c in comments {
        let sender = match (SenderKind::parse(&c.sender_kind), &c.organisation, c.show_name, &c.sender_name) {
            (Some(SenderKind::Organisation), Some(org), _, _) => SenderLabel::Organisation(org.clone()),
            (_, _, true, Some(name)) => SenderLabel::Named(name.clone()),
            _ => {
                anonymous += 1;
                SenderLabel::Anonymous(anonymous)
            }
        };
        per_block.entry(c.block_id).or_default().push(OfficerCommentView {
            id: c.id,
            body: c.body,
            sender,
            private_name: c.sender_name,
            private_email: c.sender_email,
            late: c.is_late,
            received_on: c.submitted_at.date(),
            revisions: revisions.remove(&c.id).unwrap_or_default(),
        });
    }
    let headings: HashMap<i64, String> = document.sections.iter().map(|s| (s.id, s.heading())).collect();
    let mut sections: Vec<OfficerSectionView> = Vec::new();
    let mut current = None;
    for block in document.blocks {
        let Some(comments) = per_block.remove(&Some(block.id)) else { continue };
        if current != Some(block.section_id) || sections.is_empty() {
            current = Some(block.section_id);
            let heading = block.section_id.and_then(|id| headings.get(&id).cloned()).unwrap_or_default();
            sections.push(OfficerSectionView { heading, blocks: Vec::new() });
        }
        if let Some(section) = sections.last_mut() {
            section.blocks.push(OfficerBlockView { anchor: block.anchor, label: block.label, text: block.plain_text, comments });
        }
    }
    // Whole-document comments, and any whose block is not in this version.
    let mut general = per_block.into_values().flatten().collect::<Vec<_>>();
    general.sort_by_key(|c| c.id);
    let period = consultation.period();
    OfficerConsultationView { slug: consultation.slug, title: consultation.title, period, total, unanswered, general, sections }
}
