//! Interface text for the public overview "wat is er met de reacties gedaan". Part of `Messages`
//! (as `t.outcome`).

use crate::t;
use crate::texts::{En, Lang, Nl};
use std::sync::LazyLock;

pub struct OutcomeMessages {
    pub link: &'static str,
    pub title: fn(&str) -> String,
    pub intro: &'static str,
    pub whole_document: &'static str,
    pub reactions: fn(usize) -> String,
    pub unanswered: fn(usize) -> String,
    pub answers_title: &'static str,
    pub answer_for: fn(usize) -> String,
    pub changed_at: &'static str,
    pub no_answers_yet: &'static str,
    pub full_report: &'static str,
    pub statuses_label: &'static str,
}

/// The OutcomeMessages of one language, from the text files (see `texts`).
pub fn build<L: Lang>() -> OutcomeMessages {
    OutcomeMessages {
        link: t!(L, "outcome-link"),
        title: |title| t!(L, "outcome-title", title),
        intro: t!(L, "outcome-intro"),
        whole_document: t!(L, "outcome-whole-document"),
        reactions: |n| t!(L, "outcome-reactions", n),
        unanswered: |n| t!(L, "outcome-unanswered", n),
        answers_title: t!(L, "outcome-answers-title"),
        answer_for: |n| t!(L, "outcome-answer-for", n),
        changed_at: t!(L, "outcome-changed-at"),
        no_answers_yet: t!(L, "outcome-no-answers-yet"),
        full_report: t!(L, "outcome-full-report"),
        statuses_label: t!(L, "outcome-statuses-label"),
    }
}

pub static NL: LazyLock<OutcomeMessages> = LazyLock::new(build::<Nl>);
pub static EN: LazyLock<OutcomeMessages> = LazyLock::new(build::<En>);
