//! Interface text for versions of the document: the switcher, "Wat is er veranderd", the before
//! and after of a processed passage, and the officer's new version and "Na te kijken". Part of
//! `Messages` (as `t.versions`).

use crate::domain::versions::BlockChange;
use crate::t;
use crate::texts::{En, Lang, Nl};
use std::sync::LazyLock;

pub struct VersionMessages {
    pub switcher_label: &'static str,
    pub version: fn(i64) -> String,
    pub current: &'static str,
    pub older_notice: fn(i64, &str) -> String,
    pub to_current: &'static str,
    pub changes_link: fn(i64) -> String,
    pub changes_title: fn(i64) -> String,
    pub changes_intro: fn(i64, i64) -> String,
    pub legend: &'static str,
    pub removed_marker: &'static str,
    pub added_marker: &'static str,
    pub unchanged: fn(usize) -> String,
    pub no_changes: &'static str,
    pub removed_title: &'static str,
    pub was: &'static str,
    pub led_to: fn(i64, i64) -> String,
    pub new_block: &'static str,
    pub processed_in: fn(&str, i64) -> String,
    pub then_and_now: &'static str,
    pub earlier_heading: fn(i64, &str) -> String,
    pub panel_title: &'static str,
    pub imported_on: fn(&str) -> String,
    pub to_review_link: fn(usize) -> String,
    pub new_version_title: &'static str,
    pub label_name: &'static str,
    pub hint_name: &'static str,
    pub label_note: &'static str,
    pub hint_note: &'static str,
    pub submit: &'static str,
    pub imported: fn(i64, usize) -> String,
    pub review_title: &'static str,
    pub review_intro: fn(i64, i64) -> String,
    pub review_empty: &'static str,
    pub carried: fn(i64, i64) -> String,
    pub proposal: fn(&str, u8) -> String,
    pub no_place: &'static str,
    pub confirm: &'static str,
    pub label_other: &'static str,
    pub hint_other: &'static str,
    pub correct: &'static str,
    pub gone: &'static str,
    pub label_processed: fn(i64) -> String,
    pub hint_processed: &'static str,
    pub change_names: fn(BlockChange) -> &'static str,
}

impl VersionMessages {
    /// "gewijzigd", "verplaatst", ...; a new block has no change.
    pub fn change(&self, change: Option<BlockChange>) -> &'static str {
        match change {
            None => self.new_block,
            Some(change) => (self.change_names)(change),
        }
    }
}

/// "3 reacties", "1 adviespunt": what is counted, leaving out what is zero.
fn reactions_and_points<L: Lang>(reactions: i64, points: i64) -> Vec<String> {
    let mut parts = Vec::new();
    if reactions > 0 {
        parts.push(t!(L, "versions-reactions", n = reactions));
    }
    if points > 0 {
        parts.push(t!(L, "versions-points", n = points));
    }
    parts
}

/// The VersionMessages of one language, from the text files (see `texts`).
pub fn build<L: Lang>() -> VersionMessages {
    VersionMessages {
        switcher_label: t!(L, "versions-switcher-label"),
        version: |n| t!(L, "versions-version", n),
        current: t!(L, "versions-current"),
        older_notice: |n, date| t!(L, "versions-older-notice", n, date),
        to_current: t!(L, "versions-to-current"),
        changes_link: |n| t!(L, "versions-changes-link", n),
        changes_title: |n| t!(L, "versions-changes-title", n),
        changes_intro: |from, to| t!(L, "versions-changes-intro", from, to),
        legend: t!(L, "versions-legend"),
        removed_marker: t!(L, "versions-removed-marker"),
        added_marker: t!(L, "versions-added-marker"),
        unchanged: |n| t!(L, "versions-unchanged", n),
        no_changes: t!(L, "versions-no-changes"),
        removed_title: t!(L, "versions-removed-title"),
        was: t!(L, "versions-was"),
        led_to: |reactions, points| {
            t!(L, "versions-led-to", parts = &crate::i18n::and_list::<L>(&reactions_and_points::<L>(reactions, points)))
        },
        new_block: t!(L, "versions-new-block"),
        processed_in: |label, n| t!(L, "versions-processed-in", label, n),
        then_and_now: t!(L, "versions-then-and-now"),
        earlier_heading: |n, heading| t!(L, "versions-earlier-heading", n, heading),
        panel_title: t!(L, "versions-panel-title"),
        imported_on: |date| t!(L, "versions-imported-on", date),
        to_review_link: |n| t!(L, "versions-to-review-link", n),
        new_version_title: t!(L, "versions-new-version-title"),
        label_name: t!(L, "versions-label-name"),
        hint_name: t!(L, "versions-hint-name"),
        label_note: t!(L, "versions-label-note"),
        hint_note: t!(L, "versions-hint-note"),
        submit: t!(L, "versions-submit"),
        imported: |n, review| if review == 0 { t!(L, "versions-imported", n) } else { t!(L, "versions-imported-review", n, review) },
        review_title: t!(L, "versions-review-title"),
        review_intro: |from, to| t!(L, "versions-review-intro", from, to),
        review_empty: t!(L, "versions-review-empty"),
        carried: |reactions, points| reactions_and_points::<L>(reactions, points).join(", "),
        proposal: |label, pct| t!(L, "versions-proposal", label, pct),
        no_place: t!(L, "versions-no-place"),
        confirm: t!(L, "versions-confirm"),
        label_other: t!(L, "versions-label-other"),
        hint_other: t!(L, "versions-hint-other"),
        correct: t!(L, "versions-correct"),
        gone: t!(L, "versions-gone"),
        label_processed: |n| t!(L, "versions-label-processed", n),
        hint_processed: t!(L, "versions-hint-processed"),
        change_names: |v| match v {
            BlockChange::Unchanged => t!(L, "versions-change-unchanged"),
            BlockChange::Changed => t!(L, "versions-change-changed"),
            BlockChange::Moved => t!(L, "versions-change-moved"),
            BlockChange::Split => t!(L, "versions-change-split"),
            BlockChange::Merged => t!(L, "versions-change-merged"),
            BlockChange::Removed => t!(L, "versions-change-removed"),
        },
    }
}

pub static NL: LazyLock<VersionMessages> = LazyLock::new(build::<Nl>);
pub static EN: LazyLock<VersionMessages> = LazyLock::new(build::<En>);
