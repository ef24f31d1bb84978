use crate::domain::mail::{MailKind, OutboxStatus};
use serde::{Deserialize, Serialize};

/// What the tracking page shows of the personal data kept with a reaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyView {
    /// Anything personal is kept at all.
    pub kept: bool,
    pub has_name: bool,
    /// Not the address itself: whoever has the code need not learn who wrote.
    pub has_email: bool,
    pub confirmed: bool,
    pub unsubscribed: bool,
}

/// Where an erasure request went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureRequested {
    /// A mail with the confirming link is on its way.
    MailSent,
    Erased,
}

/// The reaction a mail link belonged to, for the way back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkFollowed {
    pub code: String,
}

/// The admins' view of the outbox and the erasures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxView {
    pub smtp_configured: bool,
    pub retention_days: u32,
    pub waiting: usize,
    pub sent: usize,
    pub failed: usize,
    pub unsent: Vec<OutboxItem>,
    pub erasures: Vec<ErasureItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub id: i64,
    pub kind: MailKind,
    /// Masked.
    pub recipient: String,
    pub status: OutboxStatus,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub next_attempt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureItem {
    pub on: time::Date,
    pub consultation: String,
    pub by_request: bool,
    pub reactions: usize,
}
