//! A council's advice: an introduction and numbered points, each about one or more blocks of the
//! document or about the document as a whole; the answers per point; and the college's response
//! letter (*collegereactie op advies*) assembled from them.

use super::consultation::parse_date;
use super::error::{FieldError, FieldErrors};
use super::status::{AnswerState, ProcessingStatus};
use serde::{Deserialize, Serialize};
use time::Date;

pub const MAX_INTRO_CHARS: usize = 10_000;
pub const MAX_POINT_CHARS: usize = 5_000;
pub const MAX_POINT_BLOCKS: usize = 20;
pub const MAX_POINTS: usize = 100;
pub const MAX_REPORT_BYTES: usize = 200_000;

/// The largest letter (PDF) a council's written advice can come with.
pub const MAX_LETTER_PDF_BYTES: usize = 10 * 1024 * 1024;

/// Checks the council's letter: not empty, at most [`MAX_LETTER_PDF_BYTES`], and a PDF by its
/// content (`%PDF-` at the start, `%%EOF` near the end), whatever its name says.
pub fn check_letter_pdf(bytes: &[u8]) -> Result<(), FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::ImportEmpty);
    }
    if bytes.len() > MAX_LETTER_PDF_BYTES {
        return Err(FieldError::ImportTooLarge { max_mb: MAX_LETTER_PDF_BYTES / (1024 * 1024) });
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !bytes.starts_with(b"%PDF-") || !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(FieldError::NotAPdf);
    }
    Ok(())
}

/// The name a letter is stored and offered under: the uploaded name without its folders and
/// without characters a file system or a header would stumble over, ending in `.pdf`.
pub fn letter_file_name(uploaded: &str) -> String {
    let base = uploaded.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.strip_suffix(".pdf").or_else(|| base.strip_suffix(".PDF")).unwrap_or(base);
    let clean: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ' ') { c } else { '-' }).take(100).collect();
    let clean = clean.trim().trim_matches('.');
    format!("{}.pdf", if clean.is_empty() { "brief" } else { clean })
}

/// One point as a council member (or an officer, for an oral advice) writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointForm {
    pub consultation: String,
    pub council: String,
    /// Empty for a new point; the id of the draft point being changed otherwise.
    #[serde(default)]
    pub point: String,
    #[serde(default)]
    pub body: String,
    /// Anchors of the blocks the point is about; none for the document as a whole.
    #[serde(default)]
    pub blocks: Vec<String>,
    /// Words to find blocks by (label or text).
    #[serde(default)]
    pub block_query: String,
    /// Set by the form's search button: look for blocks, save nothing.
    #[serde(default)]
    pub find: String,
}

impl PointForm {
    /// Whether the person asked to search for blocks rather than to save the point.
    pub fn find_blocks(&self) -> bool {
        !self.find.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPoint {
    pub point_id: Option<i64>,
    pub body: String,
    pub block_anchors: Vec<String>,
}

impl TryFrom<&PointForm> for ValidPoint {
    type Error = FieldErrors;

    fn try_from(form: &PointForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let body = super::comment::normalise_text(&form.body);
        if body.is_empty() {
            errors.add("body", FieldError::Required);
        } else if body.chars().count() > MAX_POINT_CHARS {
            errors.add("body", FieldError::TooLong { max: MAX_POINT_CHARS });
        }
        let mut block_anchors: Vec<String> = Vec::new();
        for anchor in form.blocks.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
            if !block_anchors.iter().any(|a| a == anchor) {
                block_anchors.push(anchor.to_string());
            }
        }
        if block_anchors.len() > MAX_POINT_BLOCKS {
            errors.add("blocks", FieldError::TooMany { max: MAX_POINT_BLOCKS });
        }
        let point_id = match form.point.trim() {
            "" => None,
            id => match id.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.add("point", FieldError::Required);
                    None
                }
            },
        };
        errors.into_result()?;
        Ok(ValidPoint { point_id, body, block_anchors })
    }
}

/// The introduction of an advice; for an oral advice also the day of the meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntroForm {
    pub consultation: String,
    pub council: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub received_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidIntro {
    pub intro: String,
    pub received_on: Option<Date>,
}

impl TryFrom<&IntroForm> for ValidIntro {
    type Error = FieldErrors;

    fn try_from(form: &IntroForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let intro = super::comment::normalise_text(&form.intro);
        if intro.chars().count() > MAX_INTRO_CHARS {
            errors.add("intro", FieldError::TooLong { max: MAX_INTRO_CHARS });
        }
        let received_on = match form.received_on.trim() {
            "" => None,
            text => {
                let date = parse_date(text);
                if date.is_none() {
                    errors.add("received_on", FieldError::InvalidDate);
                }
                date
            }
        };
        errors.into_result()?;
        Ok(ValidIntro { intro, received_on })
    }
}

/// Where a council's advice stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdviceStage {
    /// Nothing written yet.
    None,
    /// A draft that has never been submitted.
    Draft,
    /// Submitted, and no correction started.
    Submitted,
    /// Submitted before, and a correction (the next revision) is being drafted.
    Correcting,
}

/// Whether the current draft may be submitted now.
pub fn check_submit(stage: AdviceStage, open: bool, points: usize) -> Result<(), FieldError> {
    match stage {
        AdviceStage::None => Err(FieldError::AdviceEmpty),
        AdviceStage::Submitted => Err(FieldError::AlreadySubmitted),
        AdviceStage::Draft | AdviceStage::Correcting if !open => Err(FieldError::AdviceClosed),
        AdviceStage::Draft | AdviceStage::Correcting if points == 0 => Err(FieldError::AdviceEmpty),
        AdviceStage::Draft | AdviceStage::Correcting => Ok(()),
    }
}

/// Whether the draft may be changed now (a point added, changed or removed, the intro saved).
pub fn check_edit(stage: AdviceStage, open: bool, points: usize) -> Result<(), FieldError> {
    if !open {
        Err(FieldError::AdviceClosed)
    } else if stage == AdviceStage::Submitted {
        Err(FieldError::AlreadySubmitted)
    } else if points >= MAX_POINTS {
        Err(FieldError::TooMany { max: MAX_POINTS })
    } else {
        Ok(())
    }
}

/// A meeting report (*verslag*) split into what an advice needs: the text before the first list
/// becomes the introduction, each top-level list item a point (nested lists stay in their point),
/// and the first Dutch date found suggests the day the advice was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedReport {
    pub intro: String,
    pub points: Vec<String>,
    pub meeting_date: Option<Date>,
}

fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")).or_else(|| line.strip_prefix("+ ")) {
        return Some(rest);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &line[digits..];
        return rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "));
    }
    None
}

pub fn parse_meeting_report(text: &str) -> Result<ParsedReport, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::Required);
    }
    if text.len() > MAX_REPORT_BYTES {
        return Err(FieldError::TooLong { max: MAX_REPORT_BYTES });
    }
    let text = super::comment::normalise_text(text);
    let mut intro: Vec<&str> = Vec::new();
    let mut points: Vec<Vec<String>> = Vec::new();
    let mut blank_before = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank_before = true;
            continue;
        }
        if let Some(item) = list_item(line) {
            points.push(vec![item.trim().to_string()]);
        } else if let Some(point) = points.last_mut().filter(|_| line.starts_with([' ', '\t']) || !blank_before) {
            if blank_before {
                point.push(String::new());
            }
            point.push(line.strip_prefix("  ").or_else(|| line.strip_prefix('\t')).unwrap_or(line).trim_end().to_string());
        } else if points.is_empty() {
            if line.starts_with('#') {
                // The report's own title is not part of the advice.
            } else {
                if blank_before && !intro.is_empty() {
                    intro.push("");
                }
                intro.push(line.trim());
            }
        }
        blank_before = false;
    }
    if points.is_empty() {
        return Err(FieldError::ReportWithoutPoints);
    }
    Ok(ParsedReport {
        meeting_date: find_dutch_date(&intro.join(" ")),
        intro: intro.join("\n"),
        points: points.into_iter().map(|p| p.join("\n")).collect(),
    })
}

const MONTHS: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/// The first "24 oktober 2023" in a text.
pub fn find_dutch_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == ',' || c == '.').filter(|w| !w.is_empty()).collect();
    words.windows(3).find_map(|w| {
        let day: u8 = w[0].parse().ok()?;
        let month = MONTHS.iter().position(|m| w[1].eq_ignore_ascii_case(m))?;
        let year: i32 = w[2].parse().ok().filter(|y| (1900..3000).contains(y))?;
        Date::from_calendar_date(year, time::Month::try_from(month as u8 + 1).ok()?, day).ok()
    })
}

/// The answer to one or more points as an officer submits it: one text, a status per point.
/// `points` are the ids chosen; `statuses` carries `"id:status"` for every point on the form
/// (the option values of a select per point), so a plain HTML form can send both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointAnswerForm {
    #[serde(default)]
    pub points: Vec<String>,
    #[serde(default)]
    pub statuses: Vec<String>,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub processed_where: String,
    #[serde(default)]
    pub state: String,
    /// Blocks of the latest version where the points were processed (labels or anchors,
    /// separated by semicolons).
    #[serde(default)]
    pub processed_blocks: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPointAnswer {
    pub points: Vec<(i64, ProcessingStatus)>,
    pub body: String,
    pub processed_where: Option<String>,
    pub state: AnswerState,
}

impl TryFrom<&PointAnswerForm> for ValidPointAnswer {
    type Error = FieldErrors;

    fn try_from(form: &PointAnswerForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let statuses: Vec<(&str, &str)> =
            form.statuses.iter().filter_map(|s| s.split_once(':')).map(|(id, st)| (id.trim(), st.trim())).collect();
        let mut points = Vec::new();
        for id in form.points.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            let Ok(number) = id.parse::<i64>() else {
                errors.add("points", FieldError::NoPointChosen);
                continue;
            };
            if points.iter().any(|(p, _)| *p == number) {
                continue;
            }
            match statuses.iter().rev().find(|(i, _)| *i == id).map(|(_, s)| *s).unwrap_or_default() {
                "" => errors.add(&format!("status-{id}"), FieldError::Required),
                code => match ProcessingStatus::parse(code) {
                    Some(status) => points.push((number, status)),
                    None => errors.add(&format!("status-{id}"), FieldError::InvalidStatus),
                },
            }
        }
        if points.is_empty() && errors.is_empty() {
            errors.add("points", FieldError::NoPointChosen);
        }
        let body = super::comment::normalise_text(&form.body);
        if body.is_empty() {
            errors.add("body", FieldError::Required);
        } else if body.chars().count() > super::answer::MAX_ANSWER_CHARS {
            errors.add("body", FieldError::TooLong { max: super::answer::MAX_ANSWER_CHARS });
        }
        let processed_where = form.processed_where.trim();
        if processed_where.chars().count() > super::answer::MAX_WHERE_CHARS {
            errors.add("processed_where", FieldError::TooLong { max: super::answer::MAX_WHERE_CHARS });
        }
        errors.into_result()?;
        Ok(ValidPointAnswer {
            points,
            body,
            processed_where: (!processed_where.is_empty()).then(|| processed_where.to_string()),
            state: AnswerState::parse(form.state.trim()).unwrap_or(AnswerState::Draft),
        })
    }
}

/// A point's current answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointAnswer {
    pub status: ProcessingStatus,
    pub body_markdown: String,
    pub body_html: String,
    pub processed_where: Option<String>,
    pub state: AnswerState,
    /// Shared by the points answered together.
    pub joint_key: Option<String>,
    /// The passages of a newer version where the point was processed, before and after.
    #[serde(default)]
    pub processed_in: Vec<super::versions::ProcessedIn>,
}

/// A point as the letter shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterPoint {
    pub number: usize,
    pub body_markdown: String,
    pub body_html: String,
    /// Labels of the blocks it is about ("5.a, alinea 3"); empty for the document as a whole.
    pub blocks: Vec<(String, String)>,
    pub answer: Option<PointAnswer>,
}

/// Points followed by the answer they share: one point with its own answer, or several
/// consecutive points answered together ("Voor beide onderdelen…").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterItem {
    pub points: Vec<LetterPoint>,
    pub answer: Option<PointAnswer>,
    /// Other points (not next to these) that share the joint answer.
    pub also_answers: Vec<usize>,
}

/// Groups the points (in the council's order) with their answers for the letter.
pub fn letter_items(points: Vec<LetterPoint>) -> Vec<LetterItem> {
    let numbers_by_key = |key: &str, points: &[LetterPoint]| -> Vec<usize> {
        points.iter().filter(|p| p.answer.as_ref().and_then(|a| a.joint_key.as_deref()) == Some(key)).map(|p| p.number).collect()
    };
    let all = points.clone();
    let mut items: Vec<LetterItem> = Vec::new();
    for point in points {
        let key = point.answer.as_ref().and_then(|a| a.joint_key.clone());
        if let (Some(key), Some(last)) = (&key, items.last_mut())
            && last.answer.as_ref().and_then(|a| a.joint_key.as_ref()) == Some(key)
            && last.answer.as_ref().map(|a| &a.body_markdown) == point.answer.as_ref().map(|a| &a.body_markdown)
        {
            last.points.push(point);
            continue;
        }
        items.push(LetterItem { answer: point.answer.clone(), points: vec![point], also_answers: Vec::new() });
    }
    for item in &mut items {
        if let Some(key) = item.answer.as_ref().and_then(|a| a.joint_key.as_deref()) {
            let here: Vec<usize> = item.points.iter().map(|p| p.number).collect();
            item.also_answers = numbers_by_key(key, &all).into_iter().filter(|n| !here.contains(n)).collect();
        }
    }
    items
}

/// Whether there are points and each one's current answer is final (`None`: no answer yet).
pub fn all_final(states: impl IntoIterator<Item = Option<AnswerState>>) -> bool {
    let mut any = false;
    for state in states {
        if state != Some(AnswerState::Final) {
            return false;
        }
        any = true;
    }
    any
}

/// Whether every point has a final answer: then the council may read the letter.
pub fn letter_complete(points: &[LetterPoint]) -> bool {
    all_final(points.iter().map(|p| p.answer.as_ref().map(|a| a.state)))
}

/// The college's response letter to one council's advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub council_name: String,
    pub municipality: String,
    /// The municipality's own name as sender ("College van burgemeester en wethouders van
    /// Waterhoven"); none: the consultation owner's (`INSPRAAK_ORGANISATION`).
    pub sender: Option<String>,
    /// The id of the municipality's logo, shown above its letters; none: no logo.
    pub sender_logo: Option<i64>,
    pub received_on: Option<Date>,
    pub oral: bool,
    /// Received as a letter (entered by staff).
    pub written: bool,
    pub intro_markdown: String,
    pub intro_html: String,
    pub items: Vec<LetterItem>,
}

impl Letter {
    pub fn points(&self) -> impl Iterator<Item = &LetterPoint> {
        self.items.iter().flat_map(|i| i.points.iter())
    }

    pub fn complete(&self) -> bool {
        let points: Vec<LetterPoint> = self.points().cloned().collect();
        letter_complete(&points)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::date;

    const FIXTURE: &str = include_str!("../../../../shared/fixtures/asd-advies-verslag-2023.md");

    #[test]
    fn the_asd_meeting_report_becomes_five_points() {
        let report = parse_meeting_report(FIXTURE).unwrap();
        assert_eq!(report.points.len(), 5);
        assert!(report.intro.starts_with("Verslag 24 oktober 2023"));
        assert!(report.intro.contains("mondeling een aantal punten meegegeven"));
        assert!(!report.intro.contains("# Inbreng"));
        assert_eq!(report.meeting_date, Some(date!(2023 - 10 - 24)));
        assert!(report.points[0].starts_with("Het is voor de lokale teams belangrijk"));
        assert!(report.points[1].contains("Meldcode huiselijk geweld"));
        // The nested list stays inside the last point, as a list.
        assert!(report.points[4].starts_with("Op de website van de gemeente"));
        assert!(report.points[4].contains("\n- slachtoffers\n- plegers\n- omgeving"), "{}", report.points[4]);
    }

    #[test]
    fn a_report_without_a_list_or_text_is_refused() {
        assert_eq!(parse_meeting_report("  "), Err(FieldError::Required));
        assert_eq!(parse_meeting_report("# Verslag\n\nAlleen tekst, geen punten."), Err(FieldError::ReportWithoutPoints));
        let numbered = parse_meeting_report("Inleiding.\n\n1. Eerste punt\n   loopt door\n2) Tweede punt").unwrap();
        assert_eq!(numbered.points, ["Eerste punt\n loopt door", "Tweede punt"]);
        assert_eq!(numbered.meeting_date, None);
    }

    #[test]
    fn a_point_needs_text_and_at_most_twenty_blocks() {
        let form = PointForm {
            consultation: "c".into(),
            council: "r".into(),
            body: " ".into(),
            blocks: vec!["h5".into(); 3],
            ..Default::default()
        };
        assert_eq!(ValidPoint::try_from(&form).unwrap_err().get("body"), [FieldError::Required]);
        let form = PointForm { body: "Meer aandacht".into(), blocks: vec!["h5".into(), "h5".into(), " ".into(), "h6".into()], ..form };
        assert_eq!(ValidPoint::try_from(&form).unwrap().block_anchors, ["h5", "h6"]);
        let many = PointForm { blocks: (0..21).map(|i| format!("b{i}")).collect(), ..form };
        assert_eq!(ValidPoint::try_from(&many).unwrap_err().get("blocks"), [FieldError::TooMany { max: 20 }]);
    }

    #[test]
    fn submitting_needs_an_open_round_points_and_a_draft() {
        assert_eq!(check_submit(AdviceStage::Draft, true, 3), Ok(()));
        assert_eq!(check_submit(AdviceStage::Correcting, true, 3), Ok(()));
        assert_eq!(check_submit(AdviceStage::Draft, true, 0), Err(FieldError::AdviceEmpty));
        assert_eq!(check_submit(AdviceStage::None, true, 0), Err(FieldError::AdviceEmpty));
        assert_eq!(check_submit(AdviceStage::Submitted, true, 3), Err(FieldError::AlreadySubmitted));
        assert_eq!(check_submit(AdviceStage::Draft, false, 3), Err(FieldError::AdviceClosed));
        assert_eq!(check_edit(AdviceStage::Submitted, true, 3), Err(FieldError::AlreadySubmitted));
        assert_eq!(check_edit(AdviceStage::Draft, false, 3), Err(FieldError::AdviceClosed));
        assert_eq!(check_edit(AdviceStage::None, true, 0), Ok(()));
    }

    #[test]
    fn a_joint_answer_has_one_text_and_a_status_per_point() {
        let form = PointAnswerForm {
            points: vec!["3".into(), "4".into(), "".into()],
            statuses: vec!["3:verwerkt".into(), "4:deels_verwerkt".into(), "5:".into()],
            body: "Voor beide onderdelen geldt…".into(),
            processed_where: String::new(),
            state: "definitief".into(),
            processed_blocks: String::new(),
        };
        let answer = ValidPointAnswer::try_from(&form).unwrap();
        assert_eq!(answer.points, [(3, ProcessingStatus::Processed), (4, ProcessingStatus::PartlyProcessed)]);
        assert_eq!(answer.state, AnswerState::Final);
        let missing =
            PointAnswerForm { points: vec!["5".into(), "4".into()], statuses: vec!["5:".into(), "4:misschien".into()], ..form.clone() };
        let errors = ValidPointAnswer::try_from(&missing).unwrap_err();
        assert_eq!(errors.get("status-5"), [FieldError::Required]);
        assert_eq!(errors.get("status-4"), [FieldError::InvalidStatus]);
        let none = PointAnswerForm { points: vec![], ..form };
        assert_eq!(ValidPointAnswer::try_from(&none).unwrap_err().get("points"), [FieldError::NoPointChosen]);
    }

    fn point(number: usize, joint: Option<&str>, body: &str) -> LetterPoint {
        LetterPoint {
            number,
            body_markdown: format!("Punt {number}"),
            body_html: String::new(),
            blocks: vec![],
            answer: Some(PointAnswer {
                status: ProcessingStatus::Noted,
                body_markdown: body.into(),
                body_html: body.into(),
                processed_where: None,
                state: AnswerState::Final,
                joint_key: joint.map(str::to_string),
                processed_in: Vec::new(),
            }),
        }
    }

    /// An oral advice of two points answered together.
    pub(crate) fn letter() -> Letter {
        Letter {
            council_name: "Adviesraad Sociaal Domein".into(),
            municipality: "Lansingerland".into(),
            sender: None,
            sender_logo: None,
            received_on: Some(date!(2023 - 10 - 24)),
            oral: true,
            written: false,
            intro_markdown: "Het college dankt de raad.".into(),
            intro_html: String::new(),
            items: letter_items(vec![
                point(1, Some("k"), "Voor beide onderdelen geldt…"),
                point(2, Some("k"), "Voor beide onderdelen geldt…"),
            ]),
        }
    }

    #[test]
    fn consecutive_points_answered_together_share_one_answer_in_the_letter() {
        let items =
            letter_items(vec![point(1, None, "Eén"), point(2, Some("k"), "Beide"), point(3, Some("k"), "Beide"), point(4, None, "Vier")]);
        let groups: Vec<Vec<usize>> = items.iter().map(|i| i.points.iter().map(|p| p.number).collect()).collect();
        assert_eq!(groups, [vec![1], vec![2, 3], vec![4]]);
        let apart = letter_items(vec![point(1, Some("k"), "Samen"), point(2, None, "Twee"), point(3, Some("k"), "Samen")]);
        assert_eq!(apart.len(), 3);
        assert_eq!(apart[0].also_answers, [3]);
        assert_eq!(apart[2].also_answers, [1]);
        assert!(letter_complete(&[point(1, None, "x")]));
        let mut draft = point(2, None, "y");
        if let Some(a) = draft.answer.as_mut() {
            a.state = AnswerState::Draft;
        }
        assert!(!letter_complete(&[point(1, None, "x"), draft]));
        assert!(!letter_complete(&[]));
    }

    #[test]
    fn a_letter_must_be_a_pdf_of_at_most_ten_megabytes() {
        let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec();
        assert_eq!(check_letter_pdf(&pdf), Ok(()));
        assert_eq!(check_letter_pdf(b""), Err(FieldError::ImportEmpty));
        assert_eq!(check_letter_pdf(b"PK\x03\x04 a Word document"), Err(FieldError::NotAPdf));
        assert_eq!(check_letter_pdf(b"%PDF-1.4 cut off halfway"), Err(FieldError::NotAPdf), "a damaged PDF");
        let mut big = pdf.clone();
        big.resize(MAX_LETTER_PDF_BYTES + 1, b' ');
        assert_eq!(check_letter_pdf(&big), Err(FieldError::ImportTooLarge { max_mb: 10 }));
        assert_eq!(letter_file_name("C:\\Brieven\\Advies Wmo-raad (def).PDF"), "Advies Wmo-raad -def-.pdf");
        assert_eq!(letter_file_name("../../etc/passwd"), "passwd.pdf");
        assert_eq!(letter_file_name("..."), "brief.pdf");
    }
}
