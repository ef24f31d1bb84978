//! The public overview of what was done with the reactions, per section.

use crate::domain::outcome::{AnswerOutcome, Outcome, SectionOutcome};
use crate::platform::use_messages;
use crate::render::labels::stored_label;
use leptos::prelude::*;

#[component]
pub fn OutcomeSections(outcome: Outcome, slug: String) -> impl IntoView {
    let t = use_messages();
    let sections = outcome.sections.into_iter().map(|section| view! { <SectionResult section slug=slug.clone()/> }).collect_view();
    view! {
        <p class="report-summary">{crate::render::report::summary_line(&outcome.totals, t)}</p>
        {sections}
    }
}

#[component]
fn SectionResult(section: SectionOutcome, slug: String) -> impl IntoView {
    let t = use_messages();
    let o = t.outcome;
    let heading = if section.heading.is_empty() { o.whole_document.to_string() } else { section.heading.clone() };
    let statuses =
        section.by_status.iter().map(|(status, n)| view! { <li>{format!("{n} {}", t.status_label(*status))}</li> }).collect_view();
    let unanswered = (section.unanswered > 0).then(|| view! { <li>{(o.unanswered)(section.unanswered)}</li> });
    let answers = if section.answers.is_empty() {
        view! { <p class="hint">{o.no_answers_yet}</p> }.into_any()
    } else {
        section.answers.into_iter().map(|answer| view! { <AnswerResult answer slug=slug.clone()/> }).collect_view().into_any()
    };
    let id = format!("resultaat-{}", if section.anchor.is_empty() { "geheel" } else { &section.anchor });
    let labelled_by = id.clone();
    view! {
        <section class="outcome-section" aria-labelledby=labelled_by>
            <h2 id=id>{heading}</h2>
            <p class="outcome-count">{(o.reactions)(section.reactions)}</p>
            <h3 class="sr-only">{o.statuses_label}</h3>
            <ul class="outcome-statuses">{statuses}{unanswered}</ul>
            <h3>{o.answers_title}</h3>
            {answers}
        </section>
    }
}

#[component]
fn AnswerResult(answer: AnswerOutcome, slug: String) -> impl IntoView {
    let t = use_messages();
    let o = t.outcome;
    let about = match &answer.block {
        Some((anchor, label)) => view! { <a href=format!("/consultaties/{slug}#{anchor}")>{stored_label(label, t)}</a> }.into_any(),
        None => view! { <span>{o.whole_document}</span> }.into_any(),
    };
    let place = answer.processed_where.clone().map(|place| {
        let link = answer.changed_at.clone().map(|(anchor, label)| {
            view! { " · "<a href=format!("/consultaties/{slug}#{anchor}")>{format!("{}: {}", o.changed_at, stored_label(&label, t))}</a> }
        });
        view! { <p class="outcome-place"><span class="label">{t.processed_where}": "</span>{place}{link}</p> }
    });
    let reason = answer
        .change_reason
        .clone()
        .map(|reason| view! { <p class="outcome-place">{format!("{}: {reason}", t.work.changed_after_adoption)}</p> });
    view! {
        <article class="outcome-answer">
            <p class="outcome-meta">
                {about}" · "<strong>{t.status_label(answer.status)}</strong>" · "{(o.answer_for)(answer.reactions)}
            </p>
            <div class="answer-text" inner_html=answer.body_html></div>
            {place}
            <crate::components::versions::ProcessedInView places=answer.processed_in.clone()/>
            {reason}
        </article>
    }
}
