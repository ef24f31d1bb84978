//! Interface text for versions of the document: the switcher, "Wat is er veranderd", the before
//! and after of a processed passage, and the officer's new version and "Na te kijken". Part of
//! `Messages` (as `t.versions`).

use crate::domain::versions::BlockChange;

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
    pub change_names: [&'static str; 6],
}

impl VersionMessages {
    /// "gewijzigd", "verplaatst", ...; a new block has no change.
    pub fn change(&self, change: Option<BlockChange>) -> &'static str {
        match change {
            None => self.new_block,
            Some(change) => self.change_names[BlockChange::ALL.iter().position(|c| *c == change).unwrap_or(1)],
        }
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

pub const NL: VersionMessages = VersionMessages {
    switcher_label: "Versies van het document",
    version: |n| format!("Versie {n}"),
    current: "huidige versie",
    older_notice: |n, date| format!("U leest versie {n} van {date}. Dit is niet de huidige tekst; reageren kan op de huidige versie."),
    to_current: "Naar de huidige versie",
    changes_link: |n| format!("Wat is er veranderd in versie {n}?"),
    changes_title: |n| format!("Wat is er veranderd in versie {n}"),
    changes_intro: |from, to| {
        format!(
            "Versie {to} vergeleken met versie {from}, per hoofdstuk. Bij elke gewijzigde alinea staat hoeveel reacties en adviespunten tot de wijziging leidden."
        )
    },
    legend: "Doorgehaalde tekst is weggehaald, onderstreepte tekst is toegevoegd.",
    removed_marker: "weggehaald: ",
    added_marker: "toegevoegd: ",
    unchanged: |n| if n == 1 { "1 alinea ongewijzigd".into() } else { format!("{n} alinea's ongewijzigd") },
    no_changes: "In deze versie is geen alinea gewijzigd.",
    removed_title: "Vervallen passages",
    was: "was",
    led_to: |reactions, points| {
        let mut parts = Vec::new();
        if reactions > 0 {
            parts.push(plural(reactions, "reactie", "reacties"));
        }
        if points > 0 {
            parts.push(plural(points, "adviespunt", "adviespunten"));
        }
        format!("Naar aanleiding van {}", parts.join(" en "))
    },
    new_block: "nieuw",
    processed_in: |label, n| format!("Verwerkt in {label} (versie {n})"),
    then_and_now: "Uw alinea toen en nu",
    earlier_heading: |n, heading| format!("{heading} (versie {n})"),
    panel_title: "Versies van het document",
    imported_on: |date| format!("ingelezen op {date}"),
    to_review_link: |n| if n == 1 { "Na te kijken: 1 alinea".into() } else { format!("Na te kijken: {n} alinea's") },
    new_version_title: "Nieuwe versie inlezen",
    label_name: "Naam van de versie",
    hint_name: "Bijvoorbeeld: Versie voor inspraak.",
    label_note: "Wat is er veranderd",
    hint_note: "Kort, voor de lezer. Niet verplicht.",
    submit: "Versie inlezen",
    imported: |n, review| {
        if review == 0 {
            format!("Versie {n} is ingelezen. Alle reacties en adviespunten hebben een plek in de nieuwe tekst.")
        } else {
            format!(
                "Versie {n} is ingelezen. Van {} is de plek in de nieuwe tekst onzeker: kijk die na.",
                plural(review as i64, "alinea", "alinea's")
            )
        }
    },
    review_title: "Na te kijken",
    review_intro: |from, to| {
        format!(
            "Alinea's van versie {from} met reacties of adviespunten waarvan de plek in versie {to} onzeker is, of die niet meer in de tekst staan. Bevestig de voorgestelde plek of kies een andere."
        )
    },
    review_empty: "Er is niets na te kijken.",
    carried: |reactions, points| {
        let mut parts = Vec::new();
        if reactions > 0 {
            parts.push(plural(reactions, "reactie", "reacties"));
        }
        if points > 0 {
            parts.push(plural(points, "adviespunt", "adviespunten"));
        }
        parts.join(", ")
    },
    proposal: |label, pct| format!("Voorstel: {label} ({pct}% zeker)"),
    no_place: "Geen plek gevonden in de nieuwe versie.",
    confirm: "Voorstel klopt",
    label_other: "Andere alinea",
    hint_other: "Label of anker van een alinea in de nieuwe versie, zoals 2.a, alinea 1.",
    correct: "Koppel aan deze alinea",
    gone: "Staat niet meer in de tekst",
    label_processed: |n| format!("Verwerkt in alinea's van versie {n}"),
    hint_processed: "Label of anker, zoals 2.a, alinea 1; meer alinea's gescheiden door een puntkomma.",
    change_names: ["ongewijzigd", "gewijzigd", "verplaatst", "gesplitst", "samengevoegd", "vervallen"],
};

pub const EN: VersionMessages = VersionMessages {
    switcher_label: "Versions of the document",
    version: |n| format!("Version {n}"),
    current: "current version",
    older_notice: |n, date| {
        format!("You are reading version {n} of {date}. This is not the current text; comments go to the current version.")
    },
    to_current: "To the current version",
    changes_link: |n| format!("What changed in version {n}?"),
    changes_title: |n| format!("What changed in version {n}"),
    changes_intro: |from, to| {
        format!(
            "Version {to} compared with version {from}, chapter by chapter. Each changed paragraph says how many reactions and advice points led to the change."
        )
    },
    legend: "Struck-through text was removed, underlined text was added.",
    removed_marker: "removed: ",
    added_marker: "added: ",
    unchanged: |n| if n == 1 { "1 paragraph unchanged".into() } else { format!("{n} paragraphs unchanged") },
    no_changes: "No paragraph changed in this version.",
    removed_title: "Removed passages",
    was: "was",
    led_to: |reactions, points| {
        let mut parts = Vec::new();
        if reactions > 0 {
            parts.push(plural(reactions, "reaction", "reactions"));
        }
        if points > 0 {
            parts.push(plural(points, "advice point", "advice points"));
        }
        format!("Following {}", parts.join(" and "))
    },
    new_block: "new",
    processed_in: |label, n| format!("Processed in {label} (version {n})"),
    then_and_now: "Your paragraph then and now",
    earlier_heading: |n, heading| format!("{heading} (version {n})"),
    panel_title: "Versions of the document",
    imported_on: |date| format!("read in on {date}"),
    to_review_link: |n| if n == 1 { "To review: 1 paragraph".into() } else { format!("To review: {n} paragraphs") },
    new_version_title: "Read in a new version",
    label_name: "Name of the version",
    hint_name: "For example: Version for comments.",
    label_note: "What changed",
    hint_note: "Short, for the reader. Optional.",
    submit: "Read in version",
    imported: |n, review| {
        if review == 0 {
            format!("Version {n} was read in. Every reaction and advice point has a place in the new text.")
        } else {
            format!(
                "Version {n} was read in. For {} the place in the new text is unsure: please review.",
                plural(review as i64, "paragraph", "paragraphs")
            )
        }
    },
    review_title: "To review",
    review_intro: |from, to| {
        format!(
            "Paragraphs of version {from} with reactions or advice points whose place in version {to} is unsure, or that are no longer in the text. Confirm the proposed place or choose another."
        )
    },
    review_empty: "There is nothing to review.",
    carried: |reactions, points| {
        let mut parts = Vec::new();
        if reactions > 0 {
            parts.push(plural(reactions, "reaction", "reactions"));
        }
        if points > 0 {
            parts.push(plural(points, "advice point", "advice points"));
        }
        parts.join(", ")
    },
    proposal: |label, pct| format!("Proposal: {label} ({pct}% sure)"),
    no_place: "No place found in the new version.",
    confirm: "Proposal is right",
    label_other: "Other paragraph",
    hint_other: "Label or anchor of a paragraph in the new version, such as 2.a, alinea 1.",
    correct: "Link to this paragraph",
    gone: "No longer in the text",
    label_processed: |n| format!("Processed in paragraphs of version {n}"),
    hint_processed: "Label or anchor, such as 2.a, alinea 1; several paragraphs separated by a semicolon.",
    change_names: ["unchanged", "changed", "moved", "split", "merged", "removed"],
};
