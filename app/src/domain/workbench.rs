//! The officer's reactions list and dashboard: the filter an officer builds (and shares as a
//! URL), and the figures at a glance. Plain data; the store counts, this module arranges.

use super::comment::SenderKind;
use super::review::ReviewState;
use super::status::ProcessingStatus;
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
    pub fn like_pattern(&self) -> Option<String> {
        let text = self.text.trim();
        (!text.is_empty()).then(|| {
            let escaped: String = text
                .chars()
                .flat_map(|c| match c {
                    '%' | '_' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            format!("%{escaped}%")
        })
    }

    pub fn offset(&self) -> usize {
        (self.page.max(1) - 1) * PAGE_SIZE
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
    pub heading: String,
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

pub fn section_heat(sections: Vec<(String, String, u8, usize)>) -> Vec<SectionHeat> {
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
        let long = "a".repeat(500);
        assert_eq!(ReactionFilter::from_query(&format!("q={long}")).text.len(), MAX_SEARCH_CHARS);
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
        let heat = section_heat(vec![
            ("a".into(), "1 Inleiding".into(), 1, 0),
            ("b".into(), "2 Wonen".into(), 1, 40),
            ("c".into(), "2.1 Beschermd wonen".into(), 2, 1),
            ("d".into(), "3 Zorg".into(), 1, 20),
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
}
