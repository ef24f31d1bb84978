//! The college's response letter to a council's advice (*collegereactie op advies*) as Markdown.

use super::labels::stored_label;
use super::markdown::inline;
use super::report::push_answer;
use crate::domain::advice::{Letter, LetterItem, PointAnswer};
use crate::domain::status::AnswerState;
use crate::i18n::Messages;

/// The letter as Markdown, for officers who finish it in a word processor. `level` is the
/// heading level of the letter's title (1 on its own, 3 inside the response document).
pub fn letter_markdown(letter: &Letter, level: usize, t: &Messages) -> String {
    let c = t.councils;
    let h = "#".repeat(level);
    let mut out = format!("{h} {}\n\n", inline(&(c.letter_heading)(&letter.council_name, &letter.municipality)));
    if let Some(sender) = &letter.sender {
        out.push_str(&format!("*{}:* {}\n\n", c.letter_sender, inline(sender)));
    }
    if let Some(date) = letter.received_on {
        let received = c.received(letter.oral, letter.written, &t.date(date));
        out.push_str(&format!("*{received}*\n\n"));
    }
    if !letter.intro_markdown.trim().is_empty() {
        out.push_str(letter.intro_markdown.trim());
        out.push_str("\n\n");
    }
    for item in &letter.items {
        push_points(&mut out, item, &h, t);
        match &item.answer {
            Some(answer) if answer.state == AnswerState::Final => push_item_answer(&mut out, item, answer, t),
            _ => out.push_str(&format!("*{}*\n\n", t.not_yet_answered)),
        }
    }
    out
}

/// The council's points of one item, each under its own heading one level below the letter's.
fn push_points(out: &mut String, item: &LetterItem, h: &str, t: &Messages) {
    let c = t.councils;
    for point in &item.points {
        out.push_str(&format!("{h}# {}\n\n", (c.point_number)(point.number)));
        if !point.blocks.is_empty() {
            let labels: Vec<String> = point.blocks.iter().map(|(_, label)| inline(&stored_label(label, t))).collect();
            out.push_str(&format!("*{}:* {}\n\n", c.point_about, labels.join("; ")));
        }
        out.push_str(point.body_markdown.trim());
        out.push_str("\n\n");
    }
}

/// The final answer to an item: which points it answers with their statuses, then the answer.
fn push_item_answer(out: &mut String, item: &LetterItem, answer: &PointAnswer, t: &Messages) {
    let c = t.councils;
    let numbers: Vec<usize> = item.points.iter().map(|p| p.number).collect();
    let statuses: Vec<String> = if item.points.len() > 1 {
        item.points
            .iter()
            .filter_map(|p| p.answer.as_ref().map(|a| format!("{} {}: {}", c.point_word, p.number, t.status_label(a.status))))
            .collect()
    } else {
        vec![t.status_label(answer.status).to_string()]
    };
    out.push_str(&format!("**{}** ({})\n\n", (c.answer_to)(&numbers, &item.also_answers), statuses.join("; ")));
    push_answer(out, &answer.body_markdown, answer.processed_where.as_deref(), &answer.processed_in, t);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::advice::tests::letter;
    use crate::i18n::NL;

    #[test]
    fn the_letter_in_markdown_has_every_point_and_one_joint_answer() {
        let letter = letter();
        let md = letter_markdown(&letter, 1, &NL);
        assert!(md.starts_with("# Collegereactie op het advies van Adviesraad Sociaal Domein (Lansingerland)"), "{md}");
        assert!(!md.contains("Afzender"), "no sender of its own: the document's organisation signs");
        assert!(md.contains("mondeling advies van 24 oktober 2023"), "{md}");
        assert!(md.contains("## Punt 1") && md.contains("## Punt 2"));
        assert_eq!(md.matches("Voor beide onderdelen geldt").count(), 1, "{md}");
        assert!(md.contains("**Antwoord op punt 1 en 2**"), "{md}");
        let own = Letter { sender: Some("College van burgemeester en wethouders van Lansingerland".into()), ..letter };
        let md = letter_markdown(&own, 1, &NL);
        assert!(md.contains("\n\n*Afzender:* College van burgemeester en wethouders van Lansingerland\n\n"), "{md}");
    }
}
