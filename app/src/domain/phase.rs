//! The phases of a consultation, what each one opens, and the public timeline.
//!
//! A consultation moves forward only (phases may be skipped: not every document goes to the
//! councils first). Councils advise during the advice round; residents comment during the comment
//! period, and a resident's text that arrives after it is kept and marked late.

use super::consultation::{CommentPeriod, Lateness, PeriodPhase, parse_date};
use super::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use time::Date;

pub const MAX_MILESTONE_CHARS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    /// *conceptversie*: officers write; nothing is open.
    Concept,
    /// *adviesronde*: the councils asked for advice can submit it.
    Advice,
    /// *inspraak*: residents and organisations comment.
    Comment,
    /// *verwerking*: officers answer.
    Processing,
    /// *vastgesteld door het college*
    Adopted,
    /// *besluit gemeenteraad*
    Decided,
}

impl Phase {
    pub const ALL: [Phase; 6] = [Phase::Concept, Phase::Advice, Phase::Comment, Phase::Processing, Phase::Adopted, Phase::Decided];

    pub fn code(self) -> &'static str {
        match self {
            Phase::Concept => "concept",
            Phase::Advice => "advies",
            Phase::Comment => "inspraak",
            Phase::Processing => "verwerking",
            Phase::Adopted => "college",
            Phase::Decided => "raad",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code.trim())
    }

    /// The phases an officer can move to from here: any later one.
    pub fn next_options(self) -> impl Iterator<Item = Phase> {
        Self::ALL.into_iter().filter(move |p| *p > self)
    }
}

/// Whether a council may submit (or an officer enter) an advice now.
pub fn advice_open(phase: Phase) -> bool {
    phase == Phase::Advice
}

/// An officer may enter a council's advice from a meeting report while the round runs and while
/// the written-up report is still being processed, not once the college has adopted the answers.
pub fn oral_advice_open(phase: Phase) -> bool {
    matches!(phase, Phase::Advice | Phase::Comment | Phase::Processing)
}

/// How a resident's comment arriving `today` is treated in `phase`: refused before the comment
/// period, on time within it, kept and marked late after it.
pub fn accept_comment(phase: Phase, period: CommentPeriod, today: Date) -> Result<Lateness, FieldError> {
    match phase {
        Phase::Concept | Phase::Advice => Err(FieldError::NotYetOpen),
        Phase::Comment => period.accept(today),
        Phase::Processing | Phase::Adopted | Phase::Decided => Ok(Lateness::Late),
    }
}

/// Where the comment period stands for readers: before the comment phase it has not opened,
/// after it it is closed, and within it the dates decide.
pub fn comment_period_phase(phase: Phase, period: CommentPeriod, today: Date) -> PeriodPhase {
    match phase {
        Phase::Concept | Phase::Advice => PeriodPhase::NotYetOpen,
        Phase::Comment => period.phase(today),
        Phase::Processing | Phase::Adopted | Phase::Decided => PeriodPhase::Closed,
    }
}

/// A phase change as the officer asks for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseForm {
    pub consultation: String,
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseChange {
    pub phase: Phase,
    pub started_on: Date,
}

/// Checks a move from `current` (which began on `current_since`) to the requested phase.
pub fn validate_phase_change(form: &PhaseForm, current: Phase, current_since: Option<Date>) -> Result<PhaseChange, FieldErrors> {
    let mut errors = FieldErrors::default();
    let phase = Phase::parse(&form.phase);
    match phase {
        None if form.phase.trim().is_empty() => errors.add("phase", FieldError::Required),
        None => errors.add("phase", FieldError::InvalidPhase),
        Some(p) if p <= current => errors.add("phase", FieldError::PhaseNotForward),
        Some(_) => {}
    }
    let date = parse_date(&form.date);
    match date {
        None if form.date.trim().is_empty() => errors.add("date", FieldError::Required),
        None => errors.add("date", FieldError::InvalidDate),
        Some(d) if current_since.is_some_and(|since| d < since) => errors.add("date", FieldError::DateBeforePreviousPhase),
        Some(_) => {}
    }
    match (phase, date) {
        (Some(phase), Some(started_on)) if errors.is_empty() => Ok(PhaseChange { phase, started_on }),
        _ => Err(errors),
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneForm {
    pub consultation: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMilestone {
    pub date: Date,
    pub text: String,
}

impl TryFrom<&MilestoneForm> for ValidMilestone {
    type Error = FieldErrors;

    fn try_from(form: &MilestoneForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let date = parse_date(&form.date);
        if form.date.trim().is_empty() {
            errors.add("date", FieldError::Required);
        } else if date.is_none() {
            errors.add("date", FieldError::InvalidDate);
        }
        let text = super::comment::normalise_text(&form.text).replace('\n', " ");
        if text.is_empty() {
            errors.add("text", FieldError::Required);
        } else if text.chars().count() > MAX_MILESTONE_CHARS {
            errors.add("text", FieldError::TooLong { max: MAX_MILESTONE_CHARS });
        }
        match date {
            Some(date) if errors.is_empty() => Ok(ValidMilestone { date, text }),
            _ => Err(errors),
        }
    }
}

/// One line of the public timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimelineEntry {
    Phase {
        phase: Phase,
        state: PhaseState,
        from: Option<Date>,
        until: Option<Date>,
        /// The document version the phase ran on, when the document has several.
        #[serde(default)]
        version: Option<i64>,
    },
    Milestone {
        date: Date,
        text: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhaseState {
    Done,
    Current,
    Planned,
}

/// The timeline: every phase in order (reached ones with the dates they ran, the comment period
/// with its planned dates while still ahead), and the milestones after the phase they fall in.
/// Skipped phases are left out; `changes` are in the order they were made.
pub fn timeline(
    current: Phase,
    changes: &[(Phase, Date)],
    period: CommentPeriod,
    mut milestones: Vec<(Date, String)>,
) -> Vec<TimelineEntry> {
    milestones.sort_by_key(|(date, _)| *date);
    let mut milestones = milestones.into_iter().peekable();
    let mut entries = Vec::new();
    let reached: Vec<(Phase, Date)> = changes.iter().copied().filter(|(p, _)| *p <= current).collect();
    for phase in Phase::ALL {
        let started = reached.iter().rev().find(|(p, _)| *p == phase).map(|(_, d)| *d);
        let next_start = reached.iter().filter(|(p, _)| *p > phase).map(|(_, d)| *d).min();
        let entry = if phase < current {
            let Some(from) = started else { continue };
            // A finished phase ran until the day before the next one began ("tot en met").
            let until = next_start.map(|next| next.previous_day().unwrap_or(next).max(from));
            TimelineEntry::Phase { phase, state: PhaseState::Done, from: Some(from), until, version: None }
        } else if phase == current {
            let (from, until) = if phase == Phase::Comment { (Some(period.opens), Some(period.closes)) } else { (started, None) };
            TimelineEntry::Phase { phase, state: PhaseState::Current, from: from.or(started), until, version: None }
        } else if phase == Phase::Comment {
            TimelineEntry::Phase { phase, state: PhaseState::Planned, from: Some(period.opens), until: Some(period.closes), version: None }
        } else {
            TimelineEntry::Phase { phase, state: PhaseState::Planned, from: None, until: None, version: None }
        };
        // Milestones that happened before the next reached phase began belong to this one.
        let belongs = |date: &Date| match next_start {
            Some(next) if phase < current => *date < next,
            _ => phase >= current,
        };
        entries.push(entry);
        while let Some((date, _)) = milestones.peek() {
            if !belongs(date) {
                break;
            }
            if let Some((date, text)) = milestones.next() {
                entries.push(TimelineEntry::Milestone { date, text });
            }
        }
        if phase == current {
            entries.extend(milestones.by_ref().map(|(date, text)| TimelineEntry::Milestone { date, text }));
        }
    }
    entries
}

/// Whether the public may read a consultation in this phase. The concept is the officers' own
/// draft: staff and the councils asked to advise on it read it, nobody else learns it exists.
/// From the advice round on the text is public (a request for advice is a public document
/// under the Woo, and residents may follow the round), though residents comment only in the
/// comment period.
pub fn is_public(phase: Phase) -> bool {
    phase != Phase::Concept
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const PERIOD: CommentPeriod = CommentPeriod { opens: date!(2026 - 12 - 01), closes: date!(2027 - 01 - 15) };

    #[test]
    fn phases_round_trip_and_only_move_forward() {
        for phase in Phase::ALL {
            assert_eq!(Phase::parse(phase.code()), Some(phase));
        }
        assert_eq!(Phase::Advice.next_options().collect::<Vec<_>>(), [Phase::Comment, Phase::Processing, Phase::Adopted, Phase::Decided]);
        assert_eq!(Phase::Decided.next_options().count(), 0);
    }

    #[test]
    fn each_phase_opens_what_it_should() {
        let inside = date!(2026 - 12 - 10);
        assert_eq!(accept_comment(Phase::Concept, PERIOD, inside), Err(FieldError::NotYetOpen));
        assert!(!is_public(Phase::Concept));
        assert!(Phase::ALL.into_iter().filter(|p| *p != Phase::Concept).all(is_public));
        assert_eq!(accept_comment(Phase::Advice, PERIOD, inside), Err(FieldError::NotYetOpen));
        assert_eq!(accept_comment(Phase::Comment, PERIOD, inside), Ok(Lateness::OnTime));
        assert_eq!(accept_comment(Phase::Comment, PERIOD, date!(2026 - 11 - 01)), Err(FieldError::NotYetOpen));
        assert_eq!(accept_comment(Phase::Comment, PERIOD, date!(2027 - 02 - 01)), Ok(Lateness::Late));
        assert_eq!(accept_comment(Phase::Processing, PERIOD, inside), Ok(Lateness::Late));
        assert_eq!(accept_comment(Phase::Decided, PERIOD, inside), Ok(Lateness::Late));
        let open: Vec<Phase> = Phase::ALL.into_iter().filter(|p| advice_open(*p)).collect();
        assert_eq!(open, [Phase::Advice]);
        assert_eq!(comment_period_phase(Phase::Advice, PERIOD, inside), PeriodPhase::NotYetOpen);
        assert_eq!(comment_period_phase(Phase::Comment, PERIOD, inside), PeriodPhase::Open);
        assert_eq!(comment_period_phase(Phase::Processing, PERIOD, inside), PeriodPhase::Closed);
        let oral: Vec<Phase> = Phase::ALL.into_iter().filter(|p| oral_advice_open(*p)).collect();
        assert_eq!(oral, [Phase::Advice, Phase::Comment, Phase::Processing]);
    }

    #[test]
    fn a_phase_change_goes_forward_and_not_back_in_time() {
        let form = |phase: &str, date: &str| PhaseForm { consultation: "x".into(), phase: phase.into(), date: date.into() };
        let since = Some(date!(2026 - 10 - 01));
        let ok = validate_phase_change(&form("inspraak", "2026-12-01"), Phase::Advice, since).unwrap();
        assert_eq!(ok, PhaseChange { phase: Phase::Comment, started_on: date!(2026 - 12 - 01) });
        let back = validate_phase_change(&form("concept", "2026-12-01"), Phase::Advice, since).unwrap_err();
        assert_eq!(back.get("phase"), [FieldError::PhaseNotForward]);
        let same = validate_phase_change(&form("advies", "2026-12-01"), Phase::Advice, since).unwrap_err();
        assert_eq!(same.get("phase"), [FieldError::PhaseNotForward]);
        let early = validate_phase_change(&form("verwerking", "2026-09-30"), Phase::Advice, since).unwrap_err();
        assert_eq!(early.get("date"), [FieldError::DateBeforePreviousPhase]);
        let bad = validate_phase_change(&form("later", ""), Phase::Advice, since).unwrap_err();
        assert_eq!(bad.get("phase"), [FieldError::InvalidPhase]);
        assert_eq!(bad.get("date"), [FieldError::Required]);
    }

    #[test]
    fn milestones_need_a_date_and_a_short_text() {
        let form = MilestoneForm { consultation: "x".into(), date: "2026-10-03".into(), text: " 11 interviews gehouden ".into() };
        assert_eq!(ValidMilestone::try_from(&form).unwrap().text, "11 interviews gehouden");
        let empty = MilestoneForm { consultation: "x".into(), date: "3 oktober".into(), text: " ".into() };
        let errors = ValidMilestone::try_from(&empty).unwrap_err();
        assert_eq!(errors.get("date"), [FieldError::InvalidDate]);
        assert_eq!(errors.get("text"), [FieldError::Required]);
    }

    #[test]
    fn the_timeline_shows_phases_with_dates_and_milestones_in_place() {
        let changes =
            [(Phase::Concept, date!(2026 - 09 - 01)), (Phase::Advice, date!(2026 - 10 - 01)), (Phase::Comment, date!(2026 - 12 - 01))];
        let milestones = vec![
            (date!(2026 - 12 - 20), "Informatieavond".to_string()),
            (date!(2026 - 10 - 24), "Advies ASD ontvangen".to_string()),
            (date!(2026 - 09 - 15), "11 interviews gehouden".to_string()),
        ];
        let entries = timeline(Phase::Comment, &changes, PERIOD, milestones);
        let phase = |p, s, f: Option<Date>, u: Option<Date>| TimelineEntry::Phase { phase: p, state: s, from: f, until: u, version: None };
        let milestone = |d, t: &str| TimelineEntry::Milestone { date: d, text: t.to_string() };
        assert_eq!(
            entries,
            [
                phase(Phase::Concept, PhaseState::Done, Some(date!(2026 - 09 - 01)), Some(date!(2026 - 09 - 30))),
                milestone(date!(2026 - 09 - 15), "11 interviews gehouden"),
                phase(Phase::Advice, PhaseState::Done, Some(date!(2026 - 10 - 01)), Some(date!(2026 - 11 - 30))),
                milestone(date!(2026 - 10 - 24), "Advies ASD ontvangen"),
                phase(Phase::Comment, PhaseState::Current, Some(PERIOD.opens), Some(PERIOD.closes)),
                milestone(date!(2026 - 12 - 20), "Informatieavond"),
                phase(Phase::Processing, PhaseState::Planned, None, None),
                phase(Phase::Adopted, PhaseState::Planned, None, None),
                phase(Phase::Decided, PhaseState::Planned, None, None),
            ]
        );
    }

    #[test]
    fn skipped_phases_are_left_out_and_the_comment_period_is_announced() {
        let entries = timeline(
            Phase::Processing,
            &[(Phase::Comment, date!(2026 - 12 - 01)), (Phase::Processing, date!(2027 - 01 - 16))],
            PERIOD,
            vec![],
        );
        let phases: Vec<(Phase, PhaseState)> = entries
            .iter()
            .filter_map(|e| match e {
                TimelineEntry::Phase { phase, state, .. } => Some((*phase, *state)),
                TimelineEntry::Milestone { .. } => None,
            })
            .collect();
        assert_eq!(
            phases,
            [
                (Phase::Comment, PhaseState::Done),
                (Phase::Processing, PhaseState::Current),
                (Phase::Adopted, PhaseState::Planned),
                (Phase::Decided, PhaseState::Planned)
            ]
        );
        let ahead = timeline(Phase::Advice, &[(Phase::Advice, date!(2026 - 10 - 01))], PERIOD, vec![]);
        assert!(ahead.contains(&TimelineEntry::Phase {
            phase: Phase::Comment,
            state: PhaseState::Planned,
            from: Some(PERIOD.opens),
            until: Some(PERIOD.closes),
            version: None
        }));
    }
}
