//! The public overview "wat is er met de reacties gedaan": per section how many reactions came
//! in, their statuses, and the answers given (an answer given to several reactions once, with
//! their number), with a link to the paragraph of the document where the answer says it was
//! processed. Built from the public report: published answers, anonymous, no hidden text.

use super::report::{OutlineBlock, Report, ReportEntry, Totals};
use super::status::ProcessingStatus;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub totals: Totals,
    /// Reactions on the document as a whole first (heading empty), then each section.
    pub sections: Vec<SectionOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionOutcome {
    /// Empty for the document as a whole.
    pub anchor: String,
    pub heading: String,
    pub reactions: usize,
    pub unanswered: usize,
    /// Only the statuses that occur, in the fixed order.
    pub by_status: Vec<(ProcessingStatus, usize)>,
    pub answers: Vec<AnswerOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOutcome {
    /// The paragraph commented on; None for the document as a whole.
    pub block: Option<(String, String)>,
    pub status: ProcessingStatus,
    /// Sanitised when saved.
    pub body_html: String,
    /// How many reactions got this answer.
    pub reactions: usize,
    pub processed_where: Option<String>,
    /// The paragraph (anchor, label) the place of processing names, when it names one.
    pub changed_at: Option<(String, String)>,
    pub change_reason: Option<String>,
    /// The passages of a newer version named as where it was processed, before and after.
    #[serde(default)]
    pub processed_in: Vec<super::versions::ProcessedIn>,
}

/// The block whose label the text names; the longest label wins ("5.a, alinea 12" over "5.a, alinea 1").
pub fn named_block<'a>(text: &str, blocks: &'a [OutlineBlock]) -> Option<&'a OutlineBlock> {
    let text = text.to_lowercase();
    blocks.iter().filter(|b| !b.label.is_empty() && text.contains(&b.label.to_lowercase())).max_by_key(|b| b.label.len())
}

fn section(anchor: &str, heading: &str, entries: Vec<(Option<(String, String)>, &ReportEntry)>, blocks: &[OutlineBlock]) -> SectionOutcome {
    let mut counts = [0usize; ProcessingStatus::ALL.len()];
    let mut unanswered = 0;
    let mut answers: Vec<AnswerOutcome> = Vec::new();
    let reactions = entries.len();
    for (block, entry) in entries {
        let Some(answer) = &entry.answer else {
            unanswered += 1;
            continue;
        };
        if let Some(i) = ProcessingStatus::ALL.iter().position(|s| *s == answer.status) {
            counts[i] += 1;
        }
        match answers.iter_mut().find(|a| a.block == block && a.body_html == answer.body_html && a.status == answer.status) {
            Some(same) => same.reactions += 1,
            None => answers.push(AnswerOutcome {
                block,
                status: answer.status,
                body_html: answer.body_html.clone(),
                reactions: 1,
                processed_where: answer.processed_where.clone(),
                changed_at: answer
                    .processed_where
                    .as_deref()
                    .and_then(|w| named_block(w, blocks))
                    .map(|b| (b.anchor.clone(), b.label.clone())),
                change_reason: answer.change_reason.clone(),
                processed_in: answer.processed_in.clone(),
            }),
        }
    }
    SectionOutcome {
        anchor: anchor.to_string(),
        heading: heading.to_string(),
        reactions,
        unanswered,
        by_status: ProcessingStatus::ALL.into_iter().zip(counts).filter(|(_, n)| *n > 0).collect(),
        answers,
    }
}

/// The overview of a public report; `blocks` are the document's, to find where answers point.
pub fn outcome(report: &Report, blocks: &[OutlineBlock]) -> Outcome {
    let mut sections = Vec::new();
    if !report.general.is_empty() {
        sections.push(section("", "", report.general.iter().map(|e| (None, e)).collect(), blocks));
    }
    for s in &report.sections {
        let entries = s.blocks.iter().flat_map(|b| b.entries.iter().map(move |e| (Some((b.anchor.clone(), b.label.clone())), e))).collect();
        sections.push(section(&s.anchor, &s.heading, entries, blocks));
    }
    Outcome { totals: report.totals.clone(), sections }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::assemble;
    use crate::domain::report::tests::{comment, outline};

    #[test]
    fn the_same_answer_to_several_reactions_counts_once_with_their_number() {
        let (sections, blocks) = outline();
        let report = assemble(
            &sections,
            &blocks,
            vec![
                comment(Some(11), Some(ProcessingStatus::Processed)),
                comment(Some(11), Some(ProcessingStatus::Processed)),
                comment(Some(11), None),
                comment(Some(12), Some(ProcessingStatus::Noted)),
                comment(None, Some(ProcessingStatus::Noted)),
            ],
        );
        let overview = outcome(&report, &blocks);
        assert_eq!(overview.sections.len(), 2);
        assert_eq!(overview.sections[0].heading, "", "the document as a whole first");
        let preventie = &overview.sections[1];
        assert_eq!(preventie.heading, "Hoofdstuk 2 Preventie");
        assert_eq!(preventie.reactions, 4);
        assert_eq!(preventie.unanswered, 1);
        assert_eq!(preventie.by_status, [(ProcessingStatus::Processed, 2), (ProcessingStatus::Noted, 1)]);
        assert_eq!(preventie.answers.len(), 2, "one answer per paragraph and text");
        assert_eq!(preventie.answers[0].reactions, 2);
        assert_eq!(preventie.answers[0].block, Some(("b11".into(), "2, alinea 1".into())));
    }

    #[test]
    fn the_place_of_processing_links_to_the_paragraph_it_names() {
        let (_, mut blocks) = outline();
        blocks.push(OutlineBlock { label: "1, alinea 10".into(), anchor: "b99".into(), ..blocks[0].clone() });
        assert_eq!(named_block("Aangepast in 1, alinea 1 van de visie", &blocks).map(|b| b.anchor.as_str()), Some("b10"));
        assert_eq!(named_block("Zie 1, alinea 10.", &blocks).map(|b| b.anchor.as_str()), Some("b99"), "the longest label wins");
        assert_eq!(named_block("Paragraaf 3 van de uitvoeringsagenda", &blocks), None);
    }
}
