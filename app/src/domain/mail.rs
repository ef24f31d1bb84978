//! Mail to residents and the rules around it: which messages there are, when a failed send is
//! tried again, what each message carries, who may still get mail, how an erasure goes and when
//! addresses expire. Plain Rust; the wording is the render layer's, sending and storing the
//! backend's.

use serde::{Deserialize, Serialize};
use time::Duration;

/// The messages Inspraak sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailKind {
    /// Right after a comment: the tracking code, the link, and the confirmation link.
    Receipt,
    /// Once, when the college adopted the answer: the answer itself.
    Answer,
    /// On request: every tracking code of a confirmed address.
    Codes,
    /// On request: the link that erases the personal data of one reaction.
    Erasure,
}

impl MailKind {
    pub const ALL: [MailKind; 4] = [MailKind::Receipt, MailKind::Answer, MailKind::Codes, MailKind::Erasure];

    pub fn code(self) -> &'static str {
        match self {
            MailKind::Receipt => "ontvangst",
            MailKind::Answer => "antwoord",
            MailKind::Codes => "volgcodes",
            MailKind::Erasure => "wissen",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a message is on its way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutboxStatus {
    Waiting,
    Sent,
    Failed,
}

impl OutboxStatus {
    pub const ALL: [OutboxStatus; 3] = [OutboxStatus::Waiting, OutboxStatus::Sent, OutboxStatus::Failed];

    pub fn code(self) -> &'static str {
        match self {
            OutboxStatus::Waiting => "wachtend",
            OutboxStatus::Sent => "verzonden",
            OutboxStatus::Failed => "mislukt",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How many times a message is tried before it is marked failed.
pub const MAX_ATTEMPTS: u32 = 8;

/// The wait before try `attempts + 1` after `attempts` failed ones: one minute, doubling, at most
/// six hours; `None` when the message is given up (after `MAX_ATTEMPTS`, about four hours).
pub fn retry_delay(attempts: u32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << attempts.saturating_sub(1).min(9);
    Some(Duration::minutes(minutes.min(6 * 60)))
}

/// What a link in a mail does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkPurpose {
    Confirm,
    Erase,
    Unsubscribe,
}

impl LinkPurpose {
    pub const ALL: [LinkPurpose; 3] = [LinkPurpose::Confirm, LinkPurpose::Erase, LinkPurpose::Unsubscribe];

    pub fn code(self) -> &'static str {
        match self {
            LinkPurpose::Confirm => "bevestigen",
            LinkPurpose::Erase => "wissen",
            LinkPurpose::Unsubscribe => "afmelden",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The page the link opens, e.g. `/bevestigen/{token}`.
    pub fn path(self, token: &str) -> String {
        format!("/{}/{token}", self.code())
    }

    /// How long the link works: a confirmation a month, an erasure a week, unsubscribing always.
    pub fn valid_for(self) -> Option<Duration> {
        match self {
            LinkPurpose::Confirm => Some(Duration::days(30)),
            LinkPurpose::Erase => Some(Duration::days(7)),
            LinkPurpose::Unsubscribe => None,
        }
    }
}

/// Why a link does not work (any more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkProblem {
    Unknown,
    Expired,
    Used,
}

/// Checks a link's token row: unknown, used (an erasure link works once) or past its date.
pub fn check_link(
    purpose: LinkPurpose,
    expires_at: Option<time::OffsetDateTime>,
    used: bool,
    now: time::OffsetDateTime,
) -> Result<(), LinkProblem> {
    if used && purpose == LinkPurpose::Erase {
        return Err(LinkProblem::Used);
    }
    match expires_at {
        Some(at) if at <= now => Err(LinkProblem::Expired),
        _ => Ok(()),
    }
}

/// The address as the system compares it: trimmed and lower case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// An address shown without giving it away: "j***@voorbeeld.nl".
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

/// What the resident's address allows beyond the receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Subscription {
    pub has_email: bool,
    pub confirmed: bool,
    pub unsubscribed: bool,
}

impl Subscription {
    /// Only a confirmed address that did not unsubscribe gets more than the receipt.
    pub fn may_mail(self) -> bool {
        self.has_email && self.confirmed && !self.unsubscribed
    }
}

/// How a resident's request to erase their personal data is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureRoute {
    /// Nothing personal is kept for this reaction.
    NothingToErase,
    /// A confirmed address: the link in a mail to it confirms the request.
    ByMail,
    /// No (confirmed) address: the tracking code is the only proof there is, so at once.
    AtOnce,
}

/// A confirmed address must confirm the erasure; an address that was never confirmed proves
/// nothing about who asks, so the code decides, as for a reaction without an address.
pub fn erasure_route(has_personal_data: bool, subscription: Subscription) -> ErasureRoute {
    if !has_personal_data {
        ErasureRoute::NothingToErase
    } else if subscription.has_email && subscription.confirmed && !subscription.unsubscribed {
        ErasureRoute::ByMail
    } else {
        ErasureRoute::AtOnce
    }
}

/// A message ready for the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub kind: MailKind,
    pub subject: String,
    pub body: String,
}

/// The links every message carries; absolute URLs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailLinks {
    pub track: String,
    pub unsubscribe: String,
}

/// What the answer notification says about the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerFacts<'a> {
    pub title: &'a str,
    pub code: &'a str,
    pub status: &'a str,
    /// The answer as its author wrote it (Markdown reads as plain text).
    pub answer: &'a str,
    pub processed_where: Option<&'a str>,
    pub outcome_url: &'a str,
}

/// One line of the codes message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLine {
    pub title: String,
    pub code: String,
    pub track_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn retries_back_off_and_give_up() {
        assert_eq!(retry_delay(1), Some(Duration::minutes(1)));
        assert_eq!(retry_delay(2), Some(Duration::minutes(2)));
        assert_eq!(retry_delay(5), Some(Duration::minutes(16)));
        assert_eq!(retry_delay(MAX_ATTEMPTS - 1), Some(Duration::minutes(64)));
        assert_eq!(retry_delay(MAX_ATTEMPTS), None);
        let total: i64 = (1..MAX_ATTEMPTS).filter_map(retry_delay).map(|d| d.whole_minutes()).sum();
        assert!(total < 6 * 60, "given up within hours, not days: {total} minutes");
    }

    #[test]
    fn codes_round_trip() {
        for kind in MailKind::ALL {
            assert_eq!(MailKind::parse(kind.code()), Some(kind));
        }
        for status in OutboxStatus::ALL {
            assert_eq!(OutboxStatus::parse(status.code()), Some(status));
        }
        for purpose in LinkPurpose::ALL {
            assert_eq!(LinkPurpose::parse(purpose.code()), Some(purpose));
        }
        assert_eq!(LinkPurpose::Erase.path("t0k"), "/wissen/t0k");
    }

    #[test]
    fn links_expire_and_erasure_links_work_once() {
        let now = datetime!(2026-11-26 12:00 UTC);
        let later = Some(now + Duration::days(1));
        assert_eq!(check_link(LinkPurpose::Confirm, later, false, now), Ok(()));
        assert_eq!(check_link(LinkPurpose::Confirm, Some(now), false, now), Err(LinkProblem::Expired));
        assert_eq!(check_link(LinkPurpose::Confirm, later, true, now), Ok(()), "confirming twice does no harm");
        assert_eq!(check_link(LinkPurpose::Erase, later, true, now), Err(LinkProblem::Used));
        assert_eq!(check_link(LinkPurpose::Unsubscribe, None, true, now), Ok(()));
    }

    #[test]
    fn only_a_confirmed_address_that_stayed_gets_more_mail() {
        let confirmed = Subscription { has_email: true, confirmed: true, unsubscribed: false };
        assert!(confirmed.may_mail());
        assert!(!Subscription { confirmed: false, ..confirmed }.may_mail());
        assert!(!Subscription { unsubscribed: true, ..confirmed }.may_mail());
        assert!(!Subscription::default().may_mail());
    }

    #[test]
    fn erasure_goes_by_mail_only_for_a_confirmed_address() {
        let confirmed = Subscription { has_email: true, confirmed: true, unsubscribed: false };
        assert_eq!(erasure_route(true, confirmed), ErasureRoute::ByMail);
        assert_eq!(erasure_route(true, Subscription { confirmed: false, ..confirmed }), ErasureRoute::AtOnce);
        assert_eq!(erasure_route(true, Subscription::default()), ErasureRoute::AtOnce, "a name only");
        assert_eq!(erasure_route(false, Subscription::default()), ErasureRoute::NothingToErase);
    }

    #[test]
    fn addresses_are_masked_and_normalised() {
        assert_eq!(mask_email("jan.jansen@voorbeeld.nl"), "j***@voorbeeld.nl");
        assert_eq!(mask_email("kapot"), "***");
        assert_eq!(normalise_email("  Jan@Voorbeeld.NL "), "jan@voorbeeld.nl");
    }
}
