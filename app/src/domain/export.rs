//! The downloads of the response document (*nota van beantwoording*): the options an officer
//! chooses, the report regrouped by status, and the rows of the spreadsheet. The file formats
//! themselves (DOCX, XLSX, CSV, zip) are written on the server and worded by the render layer;
//! what goes in them is decided here.

use super::advice::{Letter, LetterPoint};
use super::comment::SenderKind;
use super::label::BlockLabel;
use super::report::{Report, ReportBlock, ReportEntry, ReportInput, ReportSection, SenderLabel};
use super::review::ReviewState;
use super::status::{AnswerState, ProcessingStatus};
use serde::{Deserialize, Serialize};
use time::Date;

/// The order of the reactions in a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Order {
    /// Per chapter, section and paragraph, as the document runs.
    #[default]
    Document,
    /// Per status (*verwerkt*, *niet verwerkt*, …), in document order within each.
    Status,
}

impl Order {
    pub const ALL: [Order; 2] = [Order::Document, Order::Status];

    pub fn code(self) -> &'static str {
        match self {
            Order::Document => "document",
            Order::Status => "status",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// Who a download is for. The public never gets hidden text or answers that are not yet approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    Staff,
}

/// What an officer chose for a download. Carried in the query string with Dutch keys:
/// `?volgorde=status&namen=nee&verborgen=ja`. Unknown values fall back to the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportOptions {
    pub order: Order,
    /// Show the names of residents who agreed to it (never of those who did not).
    pub names: bool,
    /// Keep the text of reactions hidden from public view. Staff only.
    pub hidden: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { order: Order::Document, names: true, hidden: false }
    }
}

fn yes_no(value: &str) -> Option<bool> {
    match value {
        "ja" | "1" | "on" => Some(true),
        "nee" | "0" => Some(false),
        _ => None,
    }
}

impl ExportOptions {
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut options = ExportOptions::default();
        for (key, value) in pairs {
            match key {
                "volgorde" => options.order = Order::parse(value).unwrap_or_default(),
                "namen" => options.names = yes_no(value).unwrap_or(true),
                "verborgen" => options.hidden = yes_no(value).unwrap_or(false),
                _ => {}
            }
        }
        options
    }

    /// What this audience may have: hidden text is for staff only.
    pub fn for_audience(self, audience: Audience) -> Self {
        ExportOptions { hidden: self.hidden && audience == Audience::Staff, ..self }
    }

    /// The query string for a link to this download (empty for the defaults).
    pub fn to_query(self) -> String {
        let mut parts = Vec::new();
        if self.order != Order::Document {
            parts.push(format!("volgorde={}", self.order.code()));
        }
        if !self.names {
            parts.push("namen=nee".to_string());
        }
        if self.hidden {
            parts.push("verborgen=ja".to_string());
        }
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }

    /// Applied to the stored reactions before the report is assembled, so that numbering of
    /// anonymous senders stays in order of arrival.
    pub fn prepare(self, inputs: &mut [ReportInput]) {
        if !self.names {
            for input in inputs.iter_mut() {
                input.public_name = None;
            }
        }
    }
}

/// The report regrouped by status: one section per status in the fixed order, then the
/// unanswered; within each, the paragraphs in document order with the reactions of that status.
/// Reactions on the document as a whole come first in each, under `whole_document`.
pub fn by_status(report: Report, whole_document: &str, heading: impl Fn(Option<ProcessingStatus>) -> String) -> Report {
    let keys: Vec<Option<ProcessingStatus>> = ProcessingStatus::ALL.into_iter().map(Some).chain([None]).collect();
    let mut groups: Vec<Vec<ReportBlock>> = vec![Vec::new(); keys.len()];
    let general = ReportBlock {
        anchor: "geheel".into(),
        label: whole_document.into(),
        label_parts: BlockLabel::as_written(whole_document),
        quote: String::new(),
        entries: report.general,
        version: None,
    };
    let blocks = std::iter::once(general).chain(report.sections.into_iter().flat_map(|s| s.blocks));
    for block in blocks {
        let mut per_key: Vec<Vec<ReportEntry>> = vec![Vec::new(); keys.len()];
        let ReportBlock { anchor, label, label_parts, quote, entries, version } = block;
        for entry in entries {
            let key = entry.answer.as_ref().map(|a| a.status);
            if let Some(i) = keys.iter().position(|k| *k == key) {
                per_key[i].push(entry);
            }
        }
        for (i, entries) in per_key.into_iter().enumerate() {
            if !entries.is_empty() {
                groups[i].push(ReportBlock {
                    anchor: anchor.clone(),
                    label: label.clone(),
                    label_parts: label_parts.clone(),
                    quote: quote.clone(),
                    entries,
                    version,
                });
            }
        }
    }
    let sections = keys
        .into_iter()
        .zip(groups)
        .filter(|(_, blocks)| !blocks.is_empty())
        .map(|(key, blocks)| ReportSection {
            anchor: format!("status-{}", key.map(|s| s.code()).unwrap_or("nog-niet-beantwoord")),
            heading: heading(key),
            blocks,
        })
        .collect();
    Report { sections, general: Vec::new(), ..report }
}

/// What a spreadsheet row describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Reaction,
    /// A point of a council's advice, with its number in the advice.
    AdvicePoint {
        number: usize,
    },
}

/// Where a row's answer stands: a reaction's answer goes through review, an advice point's
/// answer is a draft or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAnswerState {
    Reaction(ReviewState),
    AdvicePoint(AnswerState),
}

/// One row of the spreadsheet: a reaction or an advice point, with its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub kind: RowKind,
    /// The paragraphs it is about; none for the document as a whole.
    pub block_labels: Vec<BlockLabel>,
    pub sender_kind: SenderKind,
    pub sender: SenderLabel,
    pub received_on: Option<Date>,
    pub late: bool,
    pub hidden: bool,
    pub text: String,
    pub status: Option<ProcessingStatus>,
    pub answer: String,
    pub processed_where: String,
    /// Where the answer stands; none without an answer.
    pub answer_state: Option<RowAnswerState>,
    pub adopted_on: Option<Date>,
}

/// Every reaction of the report (in its order) and then every point of the councils' advice.
pub fn sheet_rows(report: &Report, letters: &[Letter]) -> Vec<SheetRow> {
    let mut rows: Vec<SheetRow> = report.entries().map(|(block, entry)| reaction_row(block, entry)).collect();
    rows.extend(letters.iter().flat_map(|letter| letter.points().map(move |point| advice_point_row(letter, point))));
    rows
}

fn reaction_row(block: Option<&ReportBlock>, entry: &ReportEntry) -> SheetRow {
    let answer = entry.answer.as_ref();
    SheetRow {
        kind: RowKind::Reaction,
        block_labels: block.map(|b| b.label_parts.clone()).into_iter().collect(),
        sender_kind: entry.sender_kind,
        sender: entry.sender.clone(),
        received_on: Some(entry.received_on),
        late: entry.late,
        hidden: entry.hidden,
        text: entry.body.clone(),
        status: answer.map(|a| a.status),
        answer: answer.map(|a| a.body_markdown.trim().to_string()).unwrap_or_default(),
        processed_where: answer.and_then(|a| a.processed_where.clone()).unwrap_or_default(),
        answer_state: answer.map(|a| RowAnswerState::Reaction(a.state)),
        adopted_on: answer.and_then(|a| a.adopted_on),
    }
}

fn advice_point_row(letter: &Letter, point: &LetterPoint) -> SheetRow {
    let answer = point.answer.as_ref();
    SheetRow {
        kind: RowKind::AdvicePoint { number: point.number },
        block_labels: point.blocks.iter().map(|(_, label)| BlockLabel::from_dutch(label)).collect(),
        sender_kind: SenderKind::Council,
        sender: SenderLabel::Organisation(letter.council_name.clone()),
        received_on: letter.received_on,
        late: false,
        hidden: false,
        text: point.body_markdown.trim().to_string(),
        status: answer.map(|a| a.status),
        answer: answer.map(|a| a.body_markdown.trim().to_string()).unwrap_or_default(),
        processed_where: answer.and_then(|a| a.processed_where.clone()).unwrap_or_default(),
        answer_state: answer.map(|a| RowAnswerState::AdvicePoint(a.state)),
        adopted_on: None,
    }
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, return) gets a
/// leading apostrophe in CSV, so that a reaction cannot smuggle a formula into an officer's Excel.
pub fn csv_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// Characters that XML 1.0 (and so DOCX and XLSX) cannot carry: control characters other than
/// tab, newline and return, and the non-characters U+FFFE and U+FFFF. Replaced, not dropped, so
/// that the reader sees something was there.
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if text.chars().any(bad) { text.chars().map(|c| if bad(c) { '\u{FFFD}' } else { c }).collect::<String>().into() } else { text.into() }
}

/// The print rule that puts `text` at the top of every printed page (a CSS page-margin box), with
/// the text escaped so that no title can end the string or the style element (and nothing in it
/// is touched by HTML escaping: `&`, `<` and `>` are written as CSS escapes).
pub fn running_header_css(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '"' => escaped.push_str("\\\""),
            '<' => escaped.push_str("\\3C "),
            '>' => escaped.push_str("\\3E "),
            '&' => escaped.push_str("\\26 "),
            c if c.is_control() => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    format!("@media print {{ @page {{ @top-right {{ content: \"{escaped}\"; font-size: 8pt; color: #000; }} }} }}")
}

/// The file name of a download: `reactienota-{slug}.{ext}`; the slug is already URL-safe.
pub fn file_name(kind: &str, slug: &str, extension: &str) -> String {
    format!("{kind}-{}.{extension}", url_safe(slug))
}

/// A slug with only the characters a slug may have (letters, digits, `-`), for file names and
/// addresses built from what a browser sent.
pub fn url_safe(slug: &str) -> String {
    slug.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::report::assemble;
    use crate::domain::report::tests::{comment, outline};

    #[test]
    fn options_read_from_the_query_and_back() {
        let options = ExportOptions::from_pairs([("volgorde", "status"), ("namen", "nee"), ("verborgen", "ja")]);
        assert_eq!(options, ExportOptions { order: Order::Status, names: false, hidden: true });
        assert_eq!(options.to_query(), "?volgorde=status&namen=nee&verborgen=ja");
        assert_eq!(ExportOptions::from_pairs([("volgorde", "onzin"), ("namen", "?")]), ExportOptions::default());
        assert_eq!(ExportOptions::default().to_query(), "");
    }

    #[test]
    fn the_public_never_gets_hidden_text() {
        let asked = ExportOptions { hidden: true, ..ExportOptions::default() };
        assert!(!asked.for_audience(Audience::Public).hidden);
        assert!(asked.for_audience(Audience::Staff).hidden);
    }

    #[test]
    fn leaving_names_out_numbers_everyone_in_order_of_arrival() {
        let (sections, blocks) = outline();
        let mut named = comment(Some(10), None);
        named.public_name = Some("Jan Jansen".into());
        let mut inputs = vec![comment(Some(10), None), named];
        ExportOptions { names: false, ..ExportOptions::default() }.prepare(&mut inputs);
        let report = assemble(&sections, &blocks, inputs);
        let senders: Vec<_> = report.sections[0].blocks[0].entries.iter().map(|e| e.sender.clone()).collect();
        assert_eq!(senders, [SenderLabel::Anonymous(1), SenderLabel::Anonymous(2)]);
    }

    #[test]
    fn by_status_groups_in_the_fixed_order_with_document_order_within() {
        let (sections, blocks) = outline();
        let report = assemble(
            &sections,
            &blocks,
            vec![
                comment(Some(12), Some(ProcessingStatus::Processed)),
                comment(Some(10), Some(ProcessingStatus::Noted)),
                comment(Some(10), Some(ProcessingStatus::Processed)),
                comment(None, None),
            ],
        );
        let totals = report.totals.clone();
        let grouped = by_status(report, "Het document als geheel", |s| s.map(ProcessingStatus::code).unwrap_or("open").to_string());
        let headings: Vec<_> = grouped.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["verwerkt", "kennisgenomen", "open"]);
        let processed: Vec<_> = grouped.sections[0].blocks.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(processed, ["1, alinea 1", "2, alinea 2"], "document order within a status");
        assert_eq!(grouped.sections[2].blocks[0].label, "Het document als geheel");
        assert!(grouped.general.is_empty());
        assert_eq!(grouped.totals, totals, "the totals do not change with the order");
    }

    /// The rows of a late reaction on a paragraph, an unanswered one on the whole document, and an
    /// advice of two points answered together.
    pub(crate) fn rows() -> Vec<SheetRow> {
        let (sections, blocks) = outline();
        let mut late = comment(Some(11), Some(ProcessingStatus::Processed));
        late.late = true;
        let mut report = assemble(&sections, &blocks, vec![late, comment(None, None)]);
        report.advices = vec![crate::domain::advice::tests::letter()];
        sheet_rows(&report, &report.advices)
    }

    #[test]
    fn sheet_rows_carry_every_reaction_and_the_advice_points() {
        let rows = rows();
        assert_eq!(rows.len(), 4);
        assert!(rows[0].block_labels.is_empty(), "the document as a whole");
        assert_eq!(rows[0].answer_state, None);
        assert_eq!(rows[1].block_labels, [BlockLabel::from_dutch("2, alinea 1")]);
        assert_eq!(rows[1].sender, SenderLabel::Anonymous(1));
        assert!(rows[1].late);
        assert_eq!(rows[1].status, Some(ProcessingStatus::Processed));
        assert_eq!(rows[1].answer_state, Some(RowAnswerState::Reaction(ReviewState::Approved)));
        assert_eq!(rows[2].kind, RowKind::AdvicePoint { number: 1 });
        assert_eq!(rows[2].sender, SenderLabel::Organisation("Adviesraad Sociaal Domein".into()));
        assert_eq!(rows[2].answer_state, Some(RowAnswerState::AdvicePoint(AnswerState::Final)));
    }

    #[test]
    fn the_running_header_cannot_break_out_of_its_string_or_style() {
        let css = running_header_css("Visie \"2027\" </style><script>x</script> \\ eind");
        assert!(css.contains(r#"content: "Visie \"2027\" \3C /style\3E \3C script\3E x\3C /script\3E  \\ eind";"#), "{css}");
        assert!(!css.contains('<'));
    }

    #[test]
    fn formulas_and_control_characters_are_neutralised() {
        assert_eq!(csv_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(csv_safe("-5 bomen"), "'-5 bomen");
        assert_eq!(csv_safe("Gewoon"), "Gewoon");
        assert_eq!(xml_safe("a\u{0}b\u{1b}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
        assert_eq!(xml_safe("Łódź 🚲 ẞ"), "Łódź 🚲 ẞ");
        assert_eq!(file_name("reactienota", "visie-2027/../x", "docx"), "reactienota-visie-2027x.docx");
    }
}
