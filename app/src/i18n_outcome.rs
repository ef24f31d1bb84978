//! Interface text for the public overview "wat is er met de reacties gedaan". Part of `Messages`
//! (as `t.outcome`).

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

pub const NL: OutcomeMessages = OutcomeMessages {
    link: "Wat is er met de reacties gedaan?",
    title: |title| format!("Wat is er gedaan met de reacties op {title}?"),
    intro: "Per hoofdstuk: hoeveel reacties er kwamen, wat ermee gebeurde en welk antwoord het college gaf. Antwoorden staan hier zodra ze zijn goedgekeurd.",
    whole_document: "Het document als geheel",
    reactions: |n| if n == 1 { "1 reactie".into() } else { format!("{n} reacties") },
    unanswered: |n| format!("{n} nog niet beantwoord"),
    answers_title: "Antwoorden",
    answer_for: |n| if n == 1 { "antwoord op 1 reactie".into() } else { format!("antwoord op {n} reacties") },
    changed_at: "Aangepast in het document",
    no_answers_yet: "Hier zijn nog geen antwoorden gepubliceerd.",
    full_report: "De volledige nota van beantwoording, met elke reactie",
    statuses_label: "Wat ermee gebeurde",
};

pub const EN: OutcomeMessages = OutcomeMessages {
    link: "What was done with the reactions?",
    title: |title| format!("What was done with the reactions to {title}?"),
    intro: "Per chapter: how many reactions came in, what became of them and how the executive answered. Answers appear here once approved.",
    whole_document: "The document as a whole",
    reactions: |n| if n == 1 { "1 reaction".into() } else { format!("{n} reactions") },
    unanswered: |n| format!("{n} not yet answered"),
    answers_title: "Answers",
    answer_for: |n| if n == 1 { "answer to 1 reaction".into() } else { format!("answer to {n} reactions") },
    changed_at: "Changed in the document",
    no_answers_yet: "No answers have been published here yet.",
    full_report: "The full response document, with every reaction",
    statuses_label: "What became of them",
};
