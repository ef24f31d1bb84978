//! The response document (*nota van beantwoording*) in words: the summary line, the senders'
//! names and the whole document as Markdown.

use super::markdown::{inline, text_change};
use crate::domain::report::{Report, ReportEntry, SenderLabel, Totals};
use crate::domain::versions::ProcessedIn;
use crate::i18n::Messages;

/// The one-line summary: "17 reacties ontvangen, waarvan 9 verwerkt, …".
pub fn summary_line(totals: &Totals, t: &Messages) -> String {
    let mut parts: Vec<String> =
        totals.by_status.iter().filter(|(_, n)| *n > 0).map(|(status, n)| format!("{n} {}", t.status_label(*status))).collect();
    if totals.unanswered > 0 {
        parts.push((t.count_unanswered)(totals.unanswered));
    }
    (t.report_summary)(totals.received, &parts.join(", "))
}

/// How a sender appears in public: "Inspreker 3", or the name.
pub fn sender_label(sender: &SenderLabel, t: &Messages) -> String {
    match sender {
        SenderLabel::Anonymous(n) => format!("{} {n}", t.anonymous_sender),
        SenderLabel::Named(name) | SenderLabel::Organisation(name) => name.clone(),
    }
}

/// The same document as Markdown, for officers who continue in a word processor.
pub fn to_markdown(title: &str, period: &str, report: &Report, t: &Messages) -> String {
    let mut out = format!("# {} {}\n\n{}\n\n{}\n\n", t.report_title, inline(title), period, summary_line(&report.totals, t));
    out.push_str(&markdown_body(report, t));
    out
}

/// The document after its title: chapters as `##`, paragraph labels as `###` with the quote, then
/// each reaction with its answer; the councils' advice at the end.
pub fn markdown_body(report: &Report, t: &Messages) -> String {
    let mut out = reactions_markdown(report, t);
    if !report.advices.is_empty() {
        out.push_str(&advice_heading(t));
        for letter in &report.advices {
            out.push_str(&super::letter::letter_markdown(letter, 3, t));
        }
    }
    out
}

/// The chapter over the councils' advice; each letter follows it at level 3.
pub fn advice_heading(t: &Messages) -> String {
    format!("## {}\n\n", t.councils.report_advice_title)
}

/// The body up to the councils' advice: the reactions and their answers.
pub fn reactions_markdown(report: &Report, t: &Messages) -> String {
    let mut out = String::new();
    if !report.general.is_empty() {
        out.push_str(&format!("## {}\n\n", t.whole_document));
        push_entries(&mut out, &report.general, t);
    }
    for section in &report.sections {
        let heading = if section.heading.is_empty() { t.front_matter } else { &section.heading };
        out.push_str(&format!("## {}\n\n", inline(heading)));
        for block in &section.blocks {
            out.push_str(&format!("### {}\n\n", inline(&super::labels::block_label(&block.label_parts, t))));
            for line in block.quote.lines().filter(|l| !l.trim().is_empty()) {
                out.push_str(&format!("> {}\n", inline(line)));
            }
            out.push('\n');
            push_entries(&mut out, &block.entries, t);
        }
    }
    out
}

fn push_entries(out: &mut String, entries: &[ReportEntry], t: &Messages) {
    for entry in entries {
        let late = if entry.late { format!(" ({})", t.late) } else { String::new() };
        out.push_str(&format!("**{}**{late}\n\n", inline(&sender_label(&entry.sender, t))));
        if entry.hidden {
            out.push_str(&format!("*{}*\n\n", t.work.hidden_public));
        }
        for line in entry.body.lines() {
            out.push_str(&format!("{}  \n", inline(line)));
        }
        out.push('\n');
        match &entry.answer {
            Some(answer) => {
                out.push_str(&format!("*{}:* {}\n\n", t.answer, t.status_label(answer.status)));
                push_answer(out, &answer.body_markdown, answer.processed_where.as_deref(), &answer.processed_in, t);
                if let Some(reason) = &answer.change_reason {
                    out.push_str(&format!("*{}:* {}\n\n", t.work.changed_after_adoption, inline(reason)));
                }
            }
            None => out.push_str(&format!("*{}*\n\n", t.not_yet_answered)),
        }
    }
}

/// An answer's text, then where it was processed: as the officer named it, and each passage of a
/// newer version with its change. The same for a reaction and for a council's point.
pub(super) fn push_answer(
    out: &mut String,
    body_markdown: &str,
    processed_where: Option<&str>,
    processed_in: &[ProcessedIn],
    t: &Messages,
) {
    out.push_str(body_markdown.trim());
    out.push_str("\n\n");
    if let Some(place) = processed_where {
        out.push_str(&format!("*{}:* {}\n\n", t.processed_where, inline(place)));
    }
    for place in processed_in {
        let label = super::labels::block_label(&place.label_parts, t);
        out.push_str(&format!("*{}:*\n\n> {}\n\n", (t.versions.processed_in)(&label, place.version_no), text_change(&place.change)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::report::assemble;
    use crate::domain::report::tests::{comment, hidden_report, outline};
    use crate::domain::status::ProcessingStatus;
    use crate::i18n::NL;

    #[test]
    fn a_hidden_reaction_leaves_its_text_out_of_the_markdown() {
        let markdown = to_markdown("Visie", "", &hidden_report(), &NL);
        assert!(!markdown.contains("Jan de Vries"));
        assert!(markdown.contains(NL.work.hidden_public));
    }

    #[test]
    fn senders_appear_by_name_or_numbered() {
        let senders =
            [SenderLabel::Named("Jan Jansen".into()), SenderLabel::Organisation("Stichting Thuis".into()), SenderLabel::Anonymous(1)];
        assert_eq!(senders.map(|s| sender_label(&s, &NL)), ["Jan Jansen", "Stichting Thuis", "Inspreker 1"]);
    }

    #[test]
    fn the_summary_names_the_statuses_that_occur_and_the_unanswered() {
        let count = |status| match status {
            ProcessingStatus::Processed => 2,
            ProcessingStatus::Noted => 1,
            _ => 0,
        };
        let by_status = ProcessingStatus::ALL.into_iter().map(|s| (s, count(s))).collect();
        let totals = Totals { received: 4, late: 1, unanswered: 1, by_status };
        assert_eq!(summary_line(&totals, &NL), "4 reacties ontvangen, waarvan 2 verwerkt, 1 kennisgenomen, 1 nog niet beantwoord.");
    }

    #[test]
    fn markdown_escapes_what_people_typed() {
        let (sections, blocks) = outline();
        let mut c = comment(Some(10), Some(ProcessingStatus::NotProcessed));
        c.body = "# geen kop <script>".into();
        let report = assemble(&sections, &blocks, vec![c]);
        let md = to_markdown("Visie *2027*", "1 december 2026 tot en met 15 januari 2027", &report, &NL);
        assert!(md.starts_with("# Nota van beantwoording Visie \\*2027\\*"));
        assert!(md.contains("\\# geen kop \\<script\\>"));
        assert!(md.contains("### Hoofdstuk 1, alinea 1"));
        assert!(md.contains("*Antwoord:* niet verwerkt"));
    }
}
