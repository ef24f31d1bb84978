//! Assembly of the response document (*nota van beantwoording*): every comment with its answer
//! and status, in document order, with the counts the college and council look for.

use super::comment::SenderKind;
use super::document::BlockKind;
use super::label::BlockLabel;
use super::review::ReviewState;
use super::status::ProcessingStatus;
use super::versions::ProcessedIn;
use serde::{Deserialize, Serialize};
use time::Date;

/// A section of the document as the report needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineSection {
    pub id: i64,
    pub anchor: String,
    pub level: u8,
    pub heading: String,
}

/// A block of the document as the report needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineBlock {
    pub id: i64,
    pub section_id: Option<i64>,
    pub anchor: String,
    /// The Dutch label as stored ("5.a, alinea 3"): what officers type and search.
    pub label: String,
    /// The label's structure, for words in the reader's language.
    pub label_parts: BlockLabel,
    pub kind: BlockKind,
    pub text: String,
    /// The earlier version of the document the block belongs to; None for the current one.
    #[serde(default)]
    pub version: Option<i64>,
}

/// A comment with its latest final answer, as stored. `name` is only present when the resident
/// chose to show it; the caller never hands hidden names to the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInput {
    pub block_id: Option<i64>,
    pub sender_kind: SenderKind,
    pub organisation: Option<String>,
    pub public_name: Option<String>,
    pub body: String,
    pub received_on: Date,
    pub late: bool,
    /// Hidden from public view by an officer: the text is left out, the answer still counts.
    #[serde(default)]
    pub hidden: bool,
    pub answer: Option<ReportAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAnswer {
    pub status: ProcessingStatus,
    pub body_markdown: String,
    /// Sanitised when saved.
    pub body_html: String,
    pub processed_where: Option<String>,
    /// Why the answer changed after the college adopted the set.
    #[serde(default)]
    pub change_reason: Option<String>,
    pub state: ReviewState,
    /// The day the college adopted the set this answer belongs to, when it is *vastgesteld*.
    #[serde(default)]
    pub adopted_on: Option<Date>,
    /// The passages of a newer version where the answer says the reaction was processed, with
    /// the change from the passage the reaction was written on.
    #[serde(default)]
    pub processed_in: Vec<ProcessedIn>,
    /// The stored revision, to find the passages it names.
    #[serde(default, skip_serializing)]
    pub revision_id: Option<i64>,
}

/// How a sender appears in public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SenderLabel {
    /// "Inspreker N", numbered in order of arrival.
    Anonymous(usize),
    Named(String),
    Organisation(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub sender: SenderLabel,
    pub sender_kind: SenderKind,
    /// Empty when the reaction is hidden from public view (unless staff asked to see it).
    pub body: String,
    pub received_on: Date,
    pub late: bool,
    #[serde(default)]
    pub hidden: bool,
    pub answer: Option<ReportAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportBlock {
    pub anchor: String,
    /// The Dutch label as stored; shown through `label_parts`.
    pub label: String,
    /// The label's structure, for words in the reader's language (`render::labels`).
    pub label_parts: BlockLabel,
    pub quote: String,
    pub entries: Vec<ReportEntry>,
    /// The earlier version of the document the block belongs to; None for the current one.
    #[serde(default)]
    pub version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSection {
    pub anchor: String,
    pub heading: String,
    pub blocks: Vec<ReportBlock>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub received: usize,
    pub late: usize,
    pub unanswered: usize,
    /// Every status in its fixed order, also those with zero.
    pub by_status: Vec<(ProcessingStatus, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub totals: Totals,
    /// Comments on the document as a whole.
    pub general: Vec<ReportEntry>,
    pub sections: Vec<ReportSection>,
    /// The published response letters to the councils' advice.
    #[serde(default)]
    pub advices: Vec<super::advice::Letter>,
}

impl Report {
    /// Every reaction in the report's order with the paragraph it is on: first those on the
    /// document as a whole (no paragraph), then per section and paragraph.
    pub fn entries(&self) -> impl Iterator<Item = (Option<&ReportBlock>, &ReportEntry)> {
        let general = self.general.iter().map(|entry| (None, entry));
        let in_blocks = self.sections.iter().flat_map(|s| &s.blocks).flat_map(|b| b.entries.iter().map(move |entry| (Some(b), entry)));
        general.chain(in_blocks)
    }
}

/// Longest quote of the commented paragraph shown in the report.
pub const QUOTE_CHARS: usize = 400;

/// Comments must be given in order of arrival; sections and blocks in document order. The text
/// of hidden reactions is left out.
pub fn assemble(sections: &[OutlineSection], blocks: &[OutlineBlock], comments: Vec<ReportInput>) -> Report {
    assemble_with(sections, blocks, comments, false)
}

/// As [`assemble`]; `keep_hidden_text` keeps the text of hidden reactions, for staff only.
pub fn assemble_with(sections: &[OutlineSection], blocks: &[OutlineBlock], comments: Vec<ReportInput>, keep_hidden_text: bool) -> Report {
    let mut totals = Totals { received: comments.len(), ..Totals::default() };
    let mut counts = [0usize; ProcessingStatus::ALL.len()];
    let mut anonymous = 0;
    let mut general = Vec::new();
    let mut per_block: std::collections::HashMap<i64, Vec<ReportEntry>> = Default::default();
    for comment in comments {
        totals.late += usize::from(comment.late);
        match &comment.answer {
            Some(answer) => {
                if let Some(i) = ProcessingStatus::ALL.iter().position(|s| *s == answer.status) {
                    counts[i] += 1;
                }
            }
            None => totals.unanswered += 1,
        }
        let sender_kind = comment.sender_kind;
        let sender = match (comment.sender_kind, comment.organisation, comment.public_name) {
            (SenderKind::Organisation | SenderKind::Council, Some(org), _) => SenderLabel::Organisation(org),
            (_, _, Some(name)) => SenderLabel::Named(name),
            _ => {
                anonymous += 1;
                SenderLabel::Anonymous(anonymous)
            }
        };
        let body = if comment.hidden && !keep_hidden_text { String::new() } else { comment.body };
        let entry = ReportEntry {
            sender,
            sender_kind,
            body,
            received_on: comment.received_on,
            late: comment.late,
            hidden: comment.hidden,
            answer: comment.answer,
        };
        match comment.block_id {
            Some(block) if blocks.iter().any(|b| b.id == block) => per_block.entry(block).or_default().push(entry),
            _ => general.push(entry),
        }
    }
    totals.by_status = ProcessingStatus::ALL.into_iter().zip(counts).collect();

    let mut report_sections: Vec<ReportSection> = Vec::new();
    let mut current: Option<Option<i64>> = None;
    for block in blocks {
        let Some(entries) = per_block.remove(&block.id) else { continue };
        if current != Some(block.section_id) {
            current = Some(block.section_id);
            let section = block.section_id.and_then(|id| sections.iter().find(|s| s.id == id));
            report_sections.push(ReportSection {
                anchor: section.map(|s| s.anchor.clone()).unwrap_or_default(),
                heading: section.map(|s| s.heading.clone()).unwrap_or_default(),
                blocks: Vec::new(),
            });
        }
        if let Some(section) = report_sections.last_mut() {
            section.blocks.push(ReportBlock {
                version: block.version,
                anchor: block.anchor.clone(),
                label: block.label.clone(),
                label_parts: block.label_parts.clone(),
                quote: shorten(&block.text, QUOTE_CHARS),
                entries,
            });
        }
    }
    Report { totals, general, sections: report_sections, advices: Vec::new() }
}

/// A report with more reactions than this is shown on the web page one part at a time (the
/// reactions on the document as a whole, then each section); the print version and the downloads
/// always hold all of it.
pub const WEB_PART_LIMIT: usize = 1_000;

/// One part of a large report, for the list of parts on the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPart {
    /// Empty for the front matter (the caller names it).
    pub heading: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportParts {
    pub current: usize,
    pub parts: Vec<ReportPart>,
}

/// Keeps one part of a large report (`part` counts from 0; out of range means the last one).
/// Small reports come back whole, with `None`. Totals and the councils' advice stay as they are.
pub fn one_part(report: Report, part: usize, whole_document: &str) -> (Report, Option<ReportParts>) {
    if report.totals.received <= WEB_PART_LIMIT {
        return (report, None);
    }
    let Report { totals, general, sections, advices } = report;
    let mut parts = Vec::new();
    if !general.is_empty() {
        parts.push(ReportPart { heading: whole_document.to_string(), count: general.len() });
    }
    parts.extend(sections.iter().map(|s| ReportPart { heading: s.heading.clone(), count: s.blocks.iter().map(|b| b.entries.len()).sum() }));
    let current = part.min(parts.len().saturating_sub(1));
    let offset = usize::from(!general.is_empty());
    let (general, sections) =
        if current < offset { (general, Vec::new()) } else { (Vec::new(), sections.into_iter().skip(current - offset).take(1).collect()) };
    (Report { totals, general, sections, advices }, Some(ReportParts { current, parts }))
}

/// Cuts at a word boundary and marks the cut with an ellipsis.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn outline() -> (Vec<OutlineSection>, Vec<OutlineBlock>) {
        let sections = vec![
            OutlineSection { id: 1, anchor: "h1".into(), level: 1, heading: "Hoofdstuk 1 Inleiding".into() },
            OutlineSection { id: 2, anchor: "h2".into(), level: 1, heading: "Hoofdstuk 2 Preventie".into() },
        ];
        let block = |id, section_id, label: &str| OutlineBlock {
            id,
            section_id: Some(section_id),
            anchor: format!("b{id}"),
            label: label.into(),
            label_parts: BlockLabel::from_dutch(label),
            kind: BlockKind::Paragraph,
            text: format!("Tekst van {label}"),
            version: None,
        };
        (sections, vec![block(10, 1, "1, alinea 1"), block(11, 2, "2, alinea 1"), block(12, 2, "2, alinea 2")])
    }

    pub(crate) fn comment(block_id: Option<i64>, status: Option<ProcessingStatus>) -> ReportInput {
        ReportInput {
            block_id,
            sender_kind: SenderKind::Resident,
            organisation: None,
            public_name: None,
            body: "Reactie".into(),
            received_on: time::macros::date!(2026 - 12 - 02),
            late: false,
            hidden: false,
            answer: status.map(|status| ReportAnswer {
                status,
                body_markdown: "Antwoord".into(),
                body_html: "<p>Antwoord</p>".into(),
                processed_where: None,
                change_reason: None,
                state: ReviewState::Approved,
                adopted_on: None,
                processed_in: Vec::new(),
                revision_id: None,
            }),
        }
    }

    /// One answered reaction, hidden from public view, whose text names a neighbour.
    pub(crate) fn hidden_report() -> Report {
        let (sections, blocks) = outline();
        let mut hidden = comment(Some(10), Some(ProcessingStatus::Noted));
        hidden.hidden = true;
        hidden.body = "Mijn buurman Jan de Vries op nummer 4 ...".into();
        assemble(&sections, &blocks, vec![hidden])
    }

    #[test]
    fn a_hidden_reaction_keeps_its_answer_and_count_but_not_its_text() {
        let report = hidden_report();
        let entry = &report.sections[0].blocks[0].entries[0];
        assert!(entry.hidden);
        assert_eq!(entry.body, "");
        assert!(entry.answer.is_some());
        assert_eq!(report.totals.received, 1);
        assert_eq!(report.totals.unanswered, 0);
    }

    #[test]
    fn comments_follow_document_order_not_arrival() {
        let (sections, blocks) = outline();
        let report = assemble(&sections, &blocks, vec![comment(Some(12), None), comment(Some(10), None), comment(None, None)]);
        assert_eq!(report.general.len(), 1);
        let labels: Vec<_> = report.sections.iter().flat_map(|s| s.blocks.iter().map(|b| b.label.as_str())).collect();
        assert_eq!(labels, ["1, alinea 1", "2, alinea 2"]);
        assert_eq!(report.sections[1].heading, "Hoofdstuk 2 Preventie");
        // Numbered by arrival: the comment on 2, alinea 2 came first.
        assert_eq!(report.sections[1].blocks[0].entries[0].sender, SenderLabel::Anonymous(1));
        assert_eq!(report.sections[0].blocks[0].entries[0].sender, SenderLabel::Anonymous(2));
    }

    #[test]
    fn names_are_shown_only_when_given_and_organisations_by_name() {
        let (sections, blocks) = outline();
        let mut named = comment(Some(10), None);
        named.public_name = Some("Jan Jansen".into());
        let mut org = comment(Some(10), None);
        org.sender_kind = SenderKind::Organisation;
        org.organisation = Some("Stichting Thuis".into());
        let report = assemble(&sections, &blocks, vec![named, org, comment(Some(10), None)]);
        let senders: Vec<_> = report.sections[0].blocks[0].entries.iter().map(|e| e.sender.clone()).collect();
        assert_eq!(
            senders,
            [SenderLabel::Named("Jan Jansen".into()), SenderLabel::Organisation("Stichting Thuis".into()), SenderLabel::Anonymous(1)]
        );
    }

    #[test]
    fn totals_count_statuses_late_and_unanswered() {
        let (sections, blocks) = outline();
        let mut late = comment(Some(11), Some(ProcessingStatus::Processed));
        late.late = true;
        let report = assemble(
            &sections,
            &blocks,
            vec![
                late,
                comment(Some(10), Some(ProcessingStatus::Processed)),
                comment(None, Some(ProcessingStatus::Noted)),
                comment(Some(99), None),
            ],
        );
        assert_eq!(report.totals.received, 4);
        assert_eq!(report.totals.late, 1);
        assert_eq!(report.totals.unanswered, 1);
        assert_eq!(report.totals.by_status[0], (ProcessingStatus::Processed, 2));
        assert_eq!(report.totals.by_status[4], (ProcessingStatus::Noted, 1));
        assert_eq!(report.general.len(), 2, "a comment on an unknown block is kept with the general ones");
    }

    #[test]
    fn a_large_report_is_shown_one_part_at_a_time() {
        let (sections, blocks) = outline();
        let many: Vec<ReportInput> = (0..=WEB_PART_LIMIT).map(|i| comment([None, Some(10), Some(11)][i % 3], None)).collect();
        let (first, parts) = one_part(assemble(&sections, &blocks, many.clone()), 0, "Geheel");
        let parts = parts.expect("paged");
        assert_eq!(
            parts.parts.iter().map(|p| p.heading.as_str()).collect::<Vec<_>>(),
            ["Geheel", "Hoofdstuk 1 Inleiding", "Hoofdstuk 2 Preventie"]
        );
        assert_eq!(parts.parts.iter().map(|p| p.count).sum::<usize>(), WEB_PART_LIMIT + 1);
        assert!(!first.general.is_empty() && first.sections.is_empty());
        assert_eq!(first.totals.received, WEB_PART_LIMIT + 1, "the totals cover everything");
        let (third, parts) = one_part(assemble(&sections, &blocks, many.clone()), 2, "Geheel");
        assert_eq!(third.sections.len(), 1);
        assert_eq!(third.sections[0].heading, "Hoofdstuk 2 Preventie");
        assert_eq!(parts.map(|p| p.current), Some(2));
        let (_, beyond) = one_part(assemble(&sections, &blocks, many), 99, "Geheel");
        assert_eq!(beyond.map(|p| p.current), Some(2), "out of range shows the last part");
        let (small, none) = one_part(assemble(&sections, &blocks, vec![comment(Some(10), None)]), 1, "Geheel");
        assert!(none.is_none() && small.sections.len() == 1, "small reports come whole");
    }

    #[test]
    fn quotes_are_shortened_at_a_word() {
        assert_eq!(shorten("een twee drie", 8), "een…");
        assert_eq!(shorten("kort", 8), "kort");
    }
}
