//! The response document (*nota van beantwoording*) as a page.

use crate::api::ReportView;
use crate::domain::report::{ReportEntry, summary_line};
use crate::platform::use_messages;
use leptos::prelude::*;

#[component]
pub fn ReportDocument(view: ReportView) -> impl IntoView {
    let t = use_messages();
    let report = view.report;
    let period = (t.report_period)(&t.date(view.period.opens), &t.date(view.period.closes));
    let general = (!report.general.is_empty()).then(|| {
        view! {
            <section class="report-section">
                <h2>{t.whole_document}</h2>
                <Entries entries=report.general.clone()/>
            </section>
        }
    });
    let sections = report
        .sections
        .into_iter()
        .map(|section| {
            let heading = if section.heading.is_empty() { t.front_matter.to_string() } else { section.heading };
            let blocks = section
                .blocks
                .into_iter()
                .map(|block| {
                    view! {
                        <section class="report-block">
                            <h3><a href=format!("/consultaties/{}#{}", view.slug, block.anchor)>{block.label}</a></h3>
                            <blockquote class="quote">{block.quote}</blockquote>
                            <Entries entries=block.entries/>
                        </section>
                    }
                })
                .collect_view();
            view! { <section class="report-section"><h2>{heading}</h2>{blocks}</section> }
        })
        .collect_view();
    view! {
        <header class="report-header">
            <h1>{t.report_title}" "{view.title}</h1>
            <p>{period}</p>
            <p class="report-summary">{summary_line(&report.totals, t)}</p>
            <p class="report-download"><a href=format!("/consultaties/{}/reactienota.md", view.slug) download="" rel="external">{t.download_markdown}</a></p>
        </header>
        {general}
        {sections}
        <AdviceSections letters=report.advices slug=view.slug.clone()/>
    }
}

/// The published response letters to the councils' advice, each a section of its own.
#[component]
fn AdviceSections(letters: Vec<crate::domain::advice::Letter>, slug: String) -> impl IntoView {
    let t = use_messages();
    (!letters.is_empty()).then(|| {
        let letters = letters
            .into_iter()
            .map(|letter| view! { <crate::components::letter::LetterBody letter consultation_slug=slug.clone() level=3/> })
            .collect_view();
        view! {
            <section class="report-section" id="adviezen">
                <h2>{t.councils.report_advice_title}</h2>
                {letters}
            </section>
        }
    })
}

#[component]
fn Entries(entries: Vec<ReportEntry>) -> impl IntoView {
    let t = use_messages();
    entries
        .into_iter()
        .map(|entry| {
            let answer = match entry.answer {
                Some(answer) => view! {
                    <div class="answer">
                        <p class="answer-status"><strong>{t.answer}": "</strong>{t.status_label(answer.status)}</p>
                        <div class="answer-text" inner_html=answer.body_html></div>
                        {answer.processed_where.map(|w| view! { <p class="meta">{t.processed_where}": "{w}</p> })}
                        {answer.change_reason.map(|r| view! { <p class="meta change-reason">{t.work.changed_after_adoption}": "{r}</p> })}
                    </div>
                }
                .into_any(),
                None => view! { <p class="answer-missing">{t.not_yet_answered}</p> }.into_any(),
            };
            view! {
                <div class="report-entry">
                    <p class="sender"><strong>{entry.sender.display(t)}</strong>
                        {entry.late.then(|| view! { " " <span class="badge-late">{t.late}</span> })}
                    </p>
                    {if entry.hidden {
                        view! { <p class="comment-hidden">{t.work.hidden_public}</p> }.into_any()
                    } else {
                        view! { <p class="comment-body">{entry.body}</p> }.into_any()
                    }}
                    {answer}
                </div>
            }
        })
        .collect_view()
}
