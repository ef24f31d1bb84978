//! A consultation: a draft document open for comments during a period.

use super::error::{FieldError, FieldErrors};
use super::phase::Phase;
use serde::{Deserialize, Serialize};
use time::Date;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
pub const MAX_SLUG_CHARS: usize = 80;

/// The URL name of a consultation: lowercase letters, digits and single dashes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        let valid = !s.is_empty()
            && s.len() <= MAX_SLUG_CHARS
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        valid.then(|| Slug(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a consultation stands today with respect to its comment period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodPhase {
    NotYetOpen,
    Open,
    Closed,
}

/// The comment period, both dates inclusive (comments can be sent "tot en met" the closing date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentPeriod {
    pub opens: Date,
    pub closes: Date,
}

impl CommentPeriod {
    pub fn phase(&self, today: Date) -> PeriodPhase {
        if today < self.opens {
            PeriodPhase::NotYetOpen
        } else if today > self.closes {
            PeriodPhase::Closed
        } else {
            PeriodPhase::Open
        }
    }

    /// How a comment arriving today is treated: refused before the period, marked late after it
    /// (a stale page must never lose a resident's text).
    pub fn accept(&self, today: Date) -> Result<Lateness, FieldError> {
        match self.phase(today) {
            PeriodPhase::NotYetOpen => Err(FieldError::NotYetOpen),
            PeriodPhase::Open => Ok(Lateness::OnTime),
            PeriodPhase::Closed => Ok(Lateness::Late),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lateness {
    OnTime,
    Late,
}

/// The form an officer fills in to create a consultation (the document comes with it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultationForm {
    pub title: String,
    pub slug: String,
    #[serde(default)]
    pub description: String,
    pub opens: String,
    pub closes: String,
    /// The phase it starts in (concept, advice round or comment period); the comment period if empty.
    #[serde(default)]
    pub phase: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidConsultation {
    pub title: String,
    pub slug: Slug,
    pub description: String,
    pub period: CommentPeriod,
    pub phase: Phase,
}

pub fn parse_date(input: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(input.trim(), &format).ok()
}

impl TryFrom<&ConsultationForm> for ValidConsultation {
    type Error = FieldErrors;

    fn try_from(form: &ConsultationForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let title = form.title.trim().to_string();
        if title.is_empty() {
            errors.add("title", FieldError::Required);
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.add("title", FieldError::TooLong { max: MAX_TITLE_CHARS });
        }
        let slug = Slug::parse(&form.slug);
        if form.slug.trim().is_empty() {
            errors.add("slug", FieldError::Required);
        } else if slug.is_none() {
            errors.add("slug", FieldError::InvalidSlug);
        }
        let description = form.description.trim().to_string();
        if description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.add("description", FieldError::TooLong { max: MAX_DESCRIPTION_CHARS });
        }
        let opens = parse_date(&form.opens);
        let closes = parse_date(&form.closes);
        for (field, value, parsed) in [("opens", &form.opens, opens), ("closes", &form.closes, closes)] {
            if value.trim().is_empty() {
                errors.add(field, FieldError::Required);
            } else if parsed.is_none() {
                errors.add(field, FieldError::InvalidDate);
            }
        }
        if let (Some(o), Some(c)) = (opens, closes)
            && c < o
        {
            errors.add("closes", FieldError::ClosesBeforeOpens);
        }
        let phase = match form.phase.trim() {
            "" => Some(Phase::Comment),
            code => Phase::parse(code).filter(|p| *p <= Phase::Comment),
        };
        if phase.is_none() {
            errors.add("phase", FieldError::InvalidPhase);
        }
        match (slug, opens, closes, phase) {
            (Some(slug), Some(opens), Some(closes), Some(phase)) if errors.is_empty() => {
                Ok(ValidConsultation { title, slug, description, period: CommentPeriod { opens, closes }, phase })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn slugs_are_url_safe() {
        assert!(Slug::parse("regiovisie-2024").is_some());
        for bad in ["", "Regiovisie", "a--b", "-a", "a-", "a b", "ä", "a/b"] {
            assert!(Slug::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_period_includes_both_dates() {
        let period = CommentPeriod { opens: date!(2026 - 12 - 01), closes: date!(2027 - 01 - 15) };
        assert_eq!(period.phase(date!(2026 - 11 - 30)), PeriodPhase::NotYetOpen);
        assert_eq!(period.phase(date!(2026 - 12 - 01)), PeriodPhase::Open);
        assert_eq!(period.phase(date!(2027 - 01 - 15)), PeriodPhase::Open);
        assert_eq!(period.phase(date!(2027 - 01 - 16)), PeriodPhase::Closed);
    }

    #[test]
    fn late_comments_are_kept_and_early_ones_refused() {
        let period = CommentPeriod { opens: date!(2026 - 12 - 01), closes: date!(2027 - 01 - 15) };
        assert_eq!(period.accept(date!(2027 - 01 - 15)), Ok(Lateness::OnTime));
        assert_eq!(period.accept(date!(2027 - 03 - 01)), Ok(Lateness::Late));
        assert_eq!(period.accept(date!(2026 - 01 - 01)), Err(FieldError::NotYetOpen));
    }

    #[test]
    fn a_consultation_form_is_checked_field_by_field() {
        let form = ConsultationForm {
            title: " ".into(),
            slug: "Geen Slug".into(),
            description: String::new(),
            opens: "2027-01-15".into(),
            closes: "2026-12-01".into(),
            phase: "raad".into(),
        };
        let errors = ValidConsultation::try_from(&form).unwrap_err();
        assert_eq!(errors.get("title"), [FieldError::Required]);
        assert_eq!(errors.get("slug"), [FieldError::InvalidSlug]);
        assert_eq!(errors.get("closes"), [FieldError::ClosesBeforeOpens]);
        assert_eq!(errors.get("phase"), [FieldError::InvalidPhase]);
        let form = ConsultationForm {
            title: "Visie".into(),
            slug: "visie".into(),
            description: "Over de wijk".into(),
            opens: "2026-12-01".into(),
            closes: "morgen".into(),
            phase: String::new(),
        };
        assert_eq!(ValidConsultation::try_from(&form).unwrap_err().get("closes"), [FieldError::InvalidDate]);
    }
}
