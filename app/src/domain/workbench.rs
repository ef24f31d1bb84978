//! The officer's reactions list and dashboard: the filter an officer builds (and shares as a
//! URL), and the figures at a glance. Plain data; the store counts, this module arranges.

use super::comment::SenderKind;
use super::review::ReviewState;
use super::status::ProcessingStatus;
use super::versions::Versioned;
use serde::{Deserialize, Serialize};

/// Reactions per page of the list.
pub const PAGE_SIZE: usize = 25;
pub const MAX_SEARCH_CHARS: usize = 200;

/// "nog niet beantwoord" or one processing status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusFilter {
    Unanswered,
    Is(ProcessingStatus),
}

impl StatusFilter {
    pub const UNANSWERED: &'static str = "nog_niet_beantwoord";

    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::Unanswered => Self::UNANSWERED,
            StatusFilter::Is(status) => status.code(),
        }
    }

    fn parse(code: &str) -> Option<Self> {
        if code == Self::UNANSWERED { Some(StatusFilter::Unanswered) } else { ProcessingStatus::parse(code).map(StatusFilter::Is) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Timing {
    OnTime,
    Late,
}

impl Timing {
    pub const ALL: [Timing; 2] = [Timing::OnTime, Timing::Late];

    pub fn code(self) -> &'static str {
        match self {
            Timing::OnTime => "op_tijd",
            Timing::Late => "te_laat",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Visibility {
    #[default]
    All,
    Hidden,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// In the order of the document, then of arrival.
    #[default]
    Document,
    Newest,
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Document, Sort::Newest, Sort::Oldest];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Document => "document",
            Sort::Newest => "nieuwste",
            Sort::Oldest => "oudste",
        }
    }
}

/// Sender kinds in the URL, in Dutch like every other part of it.
pub fn sender_code(kind: SenderKind) -> &'static str {
    match kind {
        SenderKind::Resident => "inwoner",
        SenderKind::Organisation => "organisatie",
        SenderKind::Council => "adviesraad",
    }
}

pub const SENDER_KINDS: [SenderKind; 3] = [SenderKind::Resident, SenderKind::Organisation, SenderKind::Council];

/// Filters that combine (all must hold), a sort order and a page. Unknown values in a URL are
/// ignored rather than refused, so an old shared link still opens.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactionFilter {
    /// A section's anchor; its subsections are included.
    pub section: Option<String>,
    /// A block's anchor; `algemeen` for reactions on the whole document.
    pub block: Option<String>,
    pub status: Option<StatusFilter>,
    pub sender: Option<SenderKind>,
    pub timing: Option<Timing>,
    pub state: Option<ReviewState>,
    pub visibility: Visibility,
    pub text: String,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
}

/// The block value for reactions on the whole document.
pub const WHOLE_DOCUMENT: &str = "algemeen";

impl ReactionFilter {
    pub fn from_query(query: &str) -> Self {
        let mut filter = ReactionFilter { page: 1, ..Default::default() };
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "sectie" => filter.section = Some(value.to_string()),
                "blok" => filter.block = Some(value.to_string()),
                "status" => filter.status = StatusFilter::parse(value),
                "afzender" => filter.sender = SENDER_KINDS.into_iter().find(|k| sender_code(*k) == value),
                "tijdig" => filter.timing = Timing::ALL.into_iter().find(|t| t.code() == value),
                "staat" => filter.state = ReviewState::parse(value),
                "verborgen" => filter.visibility = if value == "ja" { Visibility::Hidden } else { Visibility::All },
                "q" => filter.text = value.chars().take(MAX_SEARCH_CHARS).collect(),
                "volgorde" => filter.sort = Sort::ALL.into_iter().find(|s| s.code() == value).unwrap_or_default(),
                "pagina" => filter.page = value.parse().ok().filter(|p| *p >= 1).unwrap_or(1),
                _ => {}
            }
        }
        filter
    }

    /// The canonical query string (without `?`); the first page and the default order are left out.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        let pairs: [(&str, Option<&str>); 10] = [
            ("sectie", self.section.as_deref()),
            ("blok", self.block.as_deref()),
            ("status", self.status.map(StatusFilter::code)),
            ("afzender", self.sender.map(sender_code)),
            ("tijdig", self.timing.map(Timing::code)),
            ("staat", self.state.map(ReviewState::code)),
            ("verborgen", (self.visibility == Visibility::Hidden).then_some("ja")),
            ("q", Some(self.text.as_str()).filter(|t| !t.is_empty())),
            ("volgorde", (self.sort != Sort::Document).then(|| self.sort.code())),
            ("pagina", None),
        ];
        for (key, value) in pairs {
            if let Some(value) = value {
                out.append_pair(key, value);
            }
        }
        if self.page > 1 {
            out.append_pair("pagina", &self.page.to_string());
        }
        out.finish()
    }

    pub fn with_page(&self, page: usize) -> Self {
        ReactionFilter { page: page.max(1), ..self.clone() }
    }

    /// Whether any filter narrows the list (sort and page do not).
    pub fn narrows(&self) -> bool {
        let plain = ReactionFilter { sort: self.sort, page: self.page, ..Default::default() };
        *self != plain
    }

    /// `LIKE` pattern for the free text, with the wildcards in it escaped (escape char `\`).
    /// Control characters are left out: no reaction holds one, and PostgreSQL refuses a NUL.
    pub fn like_pattern(&self) -> Option<String> {
        let text = self.text.trim();
        (!text.is_empty()).then(|| {
            let escaped: String = text
                .chars()
                .filter(|c| !c.is_control())
                .flat_map(|c| match c {
                    '%' | '_' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            format!("%{escaped}%")
        })
    }

    /// Where the page starts; a page number past any list (`?pagina=` is typed by anyone) is
    /// simply past the end, never an overflow (found by `scripts/fuzz`).
    pub fn offset(&self) -> usize {
        (self.page.max(1) - 1).saturating_mul(PAGE_SIZE)
    }
}

/// The document parts a filter names, resolved against the document by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// Sections (with their subsections) whose blocks count; `None`: every block.
    pub sections: Option<Vec<i64>>,
    /// One block; `Some(None)`: reactions on the whole document.
    pub block: Option<Option<i64>>,
}

/// What the list needs to know of every reaction to filter, count and sort it: no text, so
/// that a consultation with 10,000 reactions is one light scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexRow {
    pub id: i64,
    pub block: Option<i64>,
    pub section: Option<i64>,
    /// The block's place in the document; none for the whole document.
    pub position: Option<i64>,
    pub status: Option<ProcessingStatus>,
    pub state: Option<ReviewState>,
    pub sender: SenderKind,
    pub late: bool,
    pub hidden: bool,
    /// Matches the free-text search (true when there is none).
    pub text_match: bool,
}

/// How many reactions each facet value would show, the other filters holding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub status: Vec<(Option<ProcessingStatus>, usize)>,
    pub state: Vec<(Option<ReviewState>, usize)>,
    pub sender: Vec<(SenderKind, usize)>,
    pub late: Vec<(bool, usize)>,
    /// Per block's section; `None`: the whole document or a block outside any section.
    pub section: Vec<(Option<i64>, usize)>,
    pub hidden: usize,
}

/// One page of the list: its ids in order, how many match, and the counts per facet value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub page: Vec<i64>,
    pub total: usize,
    pub counts: FacetCounts,
}

// One bit per filter that a row fails.
const STATUS: u8 = 1;
const STATE: u8 = 2;
const SENDER: u8 = 4;
const TIMING: u8 = 8;
const PLACE: u8 = 16;
const HIDDEN: u8 = 32;
const TEXT: u8 = 64;

fn failed(row: &IndexRow, filter: &ReactionFilter, scope: &Scope) -> u8 {
    let mut failed = 0;
    let status_ok = match filter.status {
        None => true,
        Some(StatusFilter::Unanswered) => row.status.is_none(),
        Some(StatusFilter::Is(status)) => row.status == Some(status),
    };
    if !status_ok {
        failed |= STATUS;
    }
    if filter.state.is_some_and(|s| row.state != Some(s)) {
        failed |= STATE;
    }
    if filter.sender.is_some_and(|s| row.sender != s) {
        failed |= SENDER;
    }
    if filter.timing.is_some_and(|t| row.late != (t == Timing::Late)) {
        failed |= TIMING;
    }
    let in_sections = scope.sections.as_ref().is_none_or(|ids| row.section.is_some_and(|s| ids.contains(&s)));
    let in_block = scope.block.is_none_or(|block| row.block == block);
    if !(in_sections && in_block) {
        failed |= PLACE;
    }
    if filter.visibility == Visibility::Hidden && !row.hidden {
        failed |= HIDDEN;
    }
    if !row.text_match {
        failed |= TEXT;
    }
    failed
}

/// Filters, counts and sorts the reactions and cuts out the asked page. A reaction counts for a
/// facet's value when it passes every filter but that facet's own.
pub fn select(rows: &[IndexRow], filter: &ReactionFilter, scope: &Scope) -> Selection {
    use std::collections::HashMap;
    let mut status: HashMap<Option<ProcessingStatus>, usize> = HashMap::new();
    let mut state: HashMap<Option<ReviewState>, usize> = HashMap::new();
    let mut sender: HashMap<SenderKind, usize> = HashMap::new();
    let mut late: HashMap<bool, usize> = HashMap::new();
    let mut section: HashMap<Option<i64>, usize> = HashMap::new();
    let mut hidden = 0;
    let mut matching: Vec<&IndexRow> = Vec::new();
    for row in rows {
        let failed = failed(row, filter, scope);
        let passes_all_but = |facet: u8| failed & !facet == 0;
        if passes_all_but(STATUS) {
            *status.entry(row.status).or_default() += 1;
        }
        if passes_all_but(STATE) {
            *state.entry(row.state).or_default() += 1;
        }
        if passes_all_but(SENDER) {
            *sender.entry(row.sender).or_default() += 1;
        }
        if passes_all_but(TIMING) {
            *late.entry(row.late).or_default() += 1;
        }
        if passes_all_but(PLACE) {
            *section.entry(row.section).or_default() += 1;
        }
        if passes_all_but(HIDDEN) && row.hidden {
            hidden += 1;
        }
        if failed == 0 {
            matching.push(row);
        }
    }
    match filter.sort {
        Sort::Document => matching.sort_by_key(|r| (r.position.is_some(), r.position, r.id)),
        Sort::Newest => matching.sort_by_key(|r| std::cmp::Reverse(r.id)),
        Sort::Oldest => matching.sort_by_key(|r| r.id),
    }
    let page = matching.iter().skip(filter.offset()).take(PAGE_SIZE).map(|r| r.id).collect();
    Selection {
        page,
        total: matching.len(),
        counts: FacetCounts {
            status: status.into_iter().collect(),
            state: state.into_iter().collect(),
            sender: sender.into_iter().collect(),
            late: late.into_iter().collect(),
            section: section.into_iter().collect(),
            hidden,
        },
    }
}

/// Pages for a list of `total` reactions.
pub fn page_count(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// A section of the document with how many reactions it drew, for the heat map and the filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionHeat {
    pub anchor: String,
    /// As the document writes it, with the earlier version it belongs to.
    pub heading: Versioned<String>,
    pub level: u8,
    /// Reactions on the section's own blocks (not its subsections').
    pub count: usize,
    /// 0 (none) to 5 (the most reacted-on section).
    pub intensity: u8,
}

/// Scales counts to 0..=5 against the largest, so the busiest section is always 5.
pub fn heat_intensity(count: usize, max: usize) -> u8 {
    if count == 0 || max == 0 {
        return 0;
    }
    // 1..=5, rounding up so that any reaction shows.
    (count * 5).div_ceil(max).clamp(1, 5) as u8
}

pub fn section_heat(sections: Vec<(String, Versioned<String>, u8, usize)>) -> Vec<SectionHeat> {
    let max = sections.iter().map(|s| s.3).max().unwrap_or(0);
    sections
        .into_iter()
        .map(|(anchor, heading, level, count)| SectionHeat { anchor, heading, level, count, intensity: heat_intensity(count, max) })
        .collect()
}

/// One bar of the status chart, with its geometry in the SVG's units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bar {
    pub status: StatusFilter,
    pub count: usize,
    /// Width in 0..=BAR_MAX_WIDTH.
    pub width: u32,
}

pub const BAR_MAX_WIDTH: u32 = 400;

/// Bars for every status, and the unanswered ones last, scaled to the largest.
pub fn status_bars(by_status: &[(ProcessingStatus, usize)], unanswered: usize) -> Vec<Bar> {
    let mut bars: Vec<(StatusFilter, usize)> = by_status.iter().map(|(s, n)| (StatusFilter::Is(*s), *n)).collect();
    bars.push((StatusFilter::Unanswered, unanswered));
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0);
    bars.into_iter()
        .map(|(status, count)| {
            let width = if max == 0 { 0 } else { ((count as u64 * u64::from(BAR_MAX_WIDTH)) / max as u64) as u32 };
            Bar { status, count, width: if count > 0 { width.max(2) } else { 0 } }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_survives_the_url_and_leaves_defaults_out() {
        let filter = ReactionFilter {
            section: Some("h-2-wonen".into()),
            block: None,
            status: Some(StatusFilter::Unanswered),
            sender: Some(SenderKind::Organisation),
            timing: Some(Timing::Late),
            state: Some(ReviewState::ForReview),
            visibility: Visibility::Hidden,
            text: "budget & 50%".into(),
            sort: Sort::Newest,
            page: 3,
        };
        let query = filter.to_query();
        assert_eq!(
            query,
            "sectie=h-2-wonen&status=nog_niet_beantwoord&afzender=organisatie&tijdig=te_laat&staat=ter_beoordeling&verborgen=ja&q=budget+%26+50%25&volgorde=nieuwste&pagina=3"
        );
        assert_eq!(ReactionFilter::from_query(&format!("?{query}")), filter);
        assert_eq!(ReactionFilter::from_query("").to_query(), "");
        assert!(!ReactionFilter::from_query("pagina=2&volgorde=oudste").narrows());
        assert!(ReactionFilter::from_query("q=wijk").narrows());
    }

    #[test]
    fn unknown_values_are_ignored_and_pages_start_at_one() {
        let filter = ReactionFilter::from_query("status=misschien&afzender=robot&pagina=0&volgorde=x&onbekend=1");
        assert_eq!(filter, ReactionFilter { page: 1, ..Default::default() });
        assert_eq!(ReactionFilter::from_query("pagina=abc").page, 1);
        assert_eq!(ReactionFilter::from_query("status=verwerkt").status, Some(StatusFilter::Is(ProcessingStatus::Processed)));
        assert_eq!(ReactionFilter::from_query("pagina=4").offset(), 3 * PAGE_SIZE);
    }

    #[test]
    fn search_text_is_escaped_for_like() {
        assert_eq!(ReactionFilter::from_query("q=50%25_korting").like_pattern().as_deref(), Some("%50\\%\\_korting%"));
        assert_eq!(ReactionFilter::from_query("q=+").like_pattern(), None);
        assert_eq!(ReactionFilter::from_query("q=bank%00jes%07").like_pattern().as_deref(), Some("%bankjes%"));
        let long = "a".repeat(500);
        assert_eq!(ReactionFilter::from_query(&format!("q={long}")).text.len(), MAX_SEARCH_CHARS);
    }

    fn row(id: i64, section: Option<i64>, status: Option<ProcessingStatus>, sender: SenderKind) -> IndexRow {
        IndexRow {
            id,
            block: section.map(|s| s * 10),
            section,
            position: section.map(|s| s * 10),
            status,
            state: status.map(|_| ReviewState::Draft),
            sender,
            late: id % 2 == 0,
            hidden: id == 3,
            text_match: true,
        }
    }

    #[test]
    fn filters_combine_and_each_facet_counts_under_the_others() {
        let rows = vec![
            row(1, Some(2), None, SenderKind::Resident),
            row(2, Some(1), Some(ProcessingStatus::Processed), SenderKind::Resident),
            row(3, Some(1), None, SenderKind::Organisation),
            row(4, None, None, SenderKind::Resident),
            row(5, Some(1), None, SenderKind::Resident),
        ];
        let filter = ReactionFilter::from_query("status=nog_niet_beantwoord&afzender=inwoner");
        let scope = Scope { sections: Some(vec![1]), block: None };
        let selection = select(&rows, &filter, &scope);
        assert_eq!((selection.page.clone(), selection.total), (vec![5], 1));
        let count = |list: &[(Option<ProcessingStatus>, usize)], s| list.iter().find(|(k, _)| *k == s).map_or(0, |c| c.1);
        // Status counted under sender and section: reactions 2 and 5.
        assert_eq!(count(&selection.counts.status, None), 1);
        assert_eq!(count(&selection.counts.status, Some(ProcessingStatus::Processed)), 1);
        // Sections counted under status and sender: 1 (section 2), 5 (section 1), 4 (none).
        let mut sections = selection.counts.section.clone();
        sections.sort();
        assert_eq!(sections, [(None, 1), (Some(1), 1), (Some(2), 1)]);
        let orgs = selection.counts.sender.iter().find(|(k, _)| *k == SenderKind::Organisation).map(|c| c.1);
        assert_eq!(orgs, Some(1), "the organisation's reaction counts under the sender facet");
    }

    #[test]
    fn document_order_puts_the_whole_document_first_and_pages_cut() {
        let rows: Vec<IndexRow> =
            (1..=60).map(|i| row(i, if i % 3 == 0 { None } else { Some(61 - i) }, None, SenderKind::Resident)).collect();
        let all = select(&rows, &ReactionFilter::from_query(""), &Scope::default());
        assert_eq!(all.total, 60);
        assert_eq!(all.page.len(), PAGE_SIZE);
        assert_eq!(&all.page[..3], [3, 6, 9], "whole-document reactions first, in arrival order");
        let last = select(&rows, &ReactionFilter::from_query("pagina=3"), &Scope::default());
        assert_eq!(last.page.len(), 10);
        assert_eq!(last.page.last(), Some(&1), "the last block in the document comes last");
        let newest = select(&rows, &ReactionFilter::from_query("volgorde=nieuwste"), &Scope::default());
        assert_eq!(newest.page[0], 60);
        let hidden = select(&rows, &ReactionFilter::from_query("verborgen=ja"), &Scope::default());
        assert_eq!((hidden.page.clone(), hidden.counts.hidden), (vec![3], 1));
        let whole = select(&rows, &ReactionFilter::default(), &Scope { sections: None, block: Some(None) });
        assert_eq!(whole.total, 20);
    }

    #[test]
    fn pages_round_up() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(PAGE_SIZE), 1);
        assert_eq!(page_count(PAGE_SIZE + 1), 2);
        assert_eq!(page_count(10_000), 400);
    }

    #[test]
    fn heat_scales_to_the_busiest_section() {
        let heading = |text: &str| Versioned { value: text.to_string(), earlier: None };
        let heat = section_heat(vec![
            ("a".into(), heading("1 Inleiding"), 1, 0),
            ("b".into(), heading("2 Wonen"), 1, 40),
            ("c".into(), heading("2.1 Beschermd wonen"), 2, 1),
            ("d".into(), heading("3 Zorg"), 1, 20),
        ]);
        assert_eq!(heat.iter().map(|h| h.intensity).collect::<Vec<_>>(), [0, 5, 1, 3]);
        assert_eq!(heat_intensity(0, 0), 0);
    }

    #[test]
    fn bars_scale_to_the_largest_and_end_with_the_unanswered() {
        let bars = status_bars(&[(ProcessingStatus::Processed, 10), (ProcessingStatus::Noted, 1), (ProcessingStatus::OutOfScope, 0)], 5);
        assert_eq!(bars.iter().map(|b| b.width).collect::<Vec<_>>(), [BAR_MAX_WIDTH, 40, 0, 200]);
        assert_eq!(bars.last().map(|b| b.status), Some(StatusFilter::Unanswered));
        assert!(status_bars(&[], 0).iter().all(|b| b.width == 0));
    }

    #[test]
    fn a_huge_page_number_is_past_the_end_not_an_overflow() {
        let filter = ReactionFilter::from_query("pagina=737869762948382066");
        assert_eq!(filter.offset(), usize::MAX);
    }
}
