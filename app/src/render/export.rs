//! The spreadsheet of the response document in words: each row's cells as text.

use super::report::sender_label;
use crate::domain::export::{RowAnswerState, RowKind, SheetRow};
use crate::i18n::Messages;
use time::Date;

/// The cells of a row as text, in the order of `t.export.columns`. Dates as ISO 8601 so that
/// Excel and LibreOffice read them as dates in every locale.
pub fn row_cells(row: &SheetRow, t: &Messages) -> Vec<String> {
    let yes_no = |b: bool| if b { t.export.yes } else { t.export.no }.to_string();
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        match row.kind {
            RowKind::Reaction => t.export.kind_reaction,
            RowKind::AdvicePoint { .. } => t.export.kind_advice_point,
        }
        .to_string(),
        block_label(row, t),
        t.work.sender_kind(row.sender_kind).to_string(),
        sender_label(&row.sender, t),
        date(row.received_on),
        yes_no(row.late),
        yes_no(row.hidden),
        text(row, t),
        row.status.map(|s| t.status_label(s)).unwrap_or(t.work.not_answered).to_string(),
        row.answer.clone(),
        row.processed_where.clone(),
        row.answer_state.map(|state| answer_state(state, t)).unwrap_or_default().to_string(),
        date(row.adopted_on),
    ]
}

/// The paragraphs a row is about, or the document as a whole.
fn block_label(row: &SheetRow, t: &Messages) -> String {
    if row.block_labels.is_empty() {
        t.export.whole_document_label.to_string()
    } else {
        row.block_labels.iter().map(|label| super::labels::block_label(label, t)).collect::<Vec<_>>().join("; ")
    }
}

/// A reaction's text; an advice point's after its number ("Punt 3: …").
fn text(row: &SheetRow, t: &Messages) -> String {
    match row.kind {
        RowKind::Reaction => row.text.clone(),
        RowKind::AdvicePoint { number } => format!("{}: {}", (t.councils.point_number)(number), row.text),
    }
}

fn answer_state(state: RowAnswerState, t: &Messages) -> &'static str {
    match state {
        RowAnswerState::Reaction(state) => t.work.state_label(state),
        RowAnswerState::AdvicePoint(state) => (t.answer_state)(state),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::export::tests::rows;
    use crate::domain::status::AnswerState;
    use crate::i18n::NL;

    #[test]
    fn the_cells_follow_the_columns_in_words() {
        let rows = rows();
        let cells = row_cells(&rows[1], &NL);
        assert_eq!(cells.len(), NL.export.columns.len());
        assert_eq!(cells[1], "Hoofdstuk 2, alinea 1");
        assert_eq!(row_cells(&rows[1], &crate::i18n::EN)[1], "Chapter 2, paragraph 1");
        assert_eq!(cells[4], "2026-12-02");
        assert_eq!(cells[5], NL.export.yes);
        assert_eq!(cells[8], "verwerkt");
        assert_eq!(cells[11], "goedgekeurd");
        let general = row_cells(&rows[0], &NL);
        assert_eq!(general[1], NL.export.whole_document_label);
        assert_eq!(general[8], NL.work.not_answered);
        let point = row_cells(&rows[2], &NL);
        assert_eq!(point[0], NL.export.kind_advice_point);
        assert_eq!(point[1], NL.export.whole_document_label, "a point about the document as a whole");
        assert_eq!(point[3], "Adviesraad Sociaal Domein");
        assert_eq!(point[7], "Punt 1: Punt 1");
        assert_eq!(point[11], (NL.answer_state)(AnswerState::Final));
    }
}
