use crate::domain::status::ProcessingStatus;
use serde::{Deserialize, Serialize};

/// What the tracking page shows: the resident's own comment and its final answer, nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackView {
    /// The code in its canonical form ("K7M2Q-9XB4T"), however it was typed.
    pub code: String,
    pub consultation_slug: String,
    pub consultation_title: String,
    pub block_anchor: Option<String>,
    /// Put in the reader's words by `render::labels`.
    pub block_label: Option<crate::domain::label::BlockLabel>,
    pub block_text: Option<String>,
    pub body: String,
    pub late: bool,
    pub received_on: time::Date,
    /// The municipality left the text out of the public documents (the answer is still there).
    #[serde(default)]
    pub hidden: bool,
    pub answer: Option<PublicAnswer>,
    /// The personal data kept with it, and what the resident can do about it.
    #[serde(default)]
    pub privacy: super::PrivacyView,
    /// Their paragraph then and now: where the answer says it was processed, or where the
    /// paragraph stands in a later version.
    #[serde(default)]
    pub then_and_now: Vec<crate::domain::versions::ProcessedIn>,
    /// The version the reaction was written on, when a later one exists (for the paragraph's link).
    #[serde(default)]
    pub block_version: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicAnswer {
    pub status: ProcessingStatus,
    /// Sanitised when saved.
    pub html: String,
    pub processed_where: Option<String>,
    /// Why the answer changed after the college adopted the set.
    #[serde(default)]
    pub change_reason: Option<String>,
}
