//! The response document (*nota van beantwoording*) as a page.

use crate::api::ReportView;
use crate::domain::report::ReportEntry;
use crate::platform::use_messages;
use crate::render::report::{sender_label, summary_line};
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
                            <h3><a href=crate::components::versions::block_href(&view.slug, block.version, &block.anchor)>{crate::render::labels::block_label(&block.label_parts, t)}</a></h3>
                            <blockquote class="quote">{block.quote}</blockquote>
                            <Entries entries=block.entries/>
                        </section>
                    }
                })
                .collect_view();
            view! { <section class="report-section"><h2>{heading}</h2>{blocks}</section> }
        })
        .collect_view();
    let running = if view.organisation.is_empty() {
        format!("{} {}", t.report_title, view.title)
    } else {
        format!("{} · {} {}", view.organisation, t.report_title, view.title)
    };
    view! {
        <leptos_meta::Style>{crate::domain::export::running_header_css(&running)}</leptos_meta::Style>
        <header class="report-header">
            <h1>{t.report_title}" "{view.title}</h1>
            {(!view.organisation.is_empty()).then(|| view! { <p class="report-organisation">{view.organisation.clone()}</p> })}
            <p>{period}</p>
            <p class="report-summary">{summary_line(&report.totals, t)}</p>
        </header>
        <ReportDownloads slug=view.slug.clone() staff=view.staff/>
        {view.parts.map(|parts| view! { <PartsNav parts slug=view.slug.clone()/> })}
        {general}
        {sections}
        <AdviceSections letters=report.advices slug=view.slug.clone()/>
    }
}

/// The downloads of the nota: a plain GET form (format, order, names, and for staff hidden
/// reactions) that works without JavaScript, the dossier, the open data and printing.
#[component]
fn ReportDownloads(slug: String, staff: bool) -> impl IntoView {
    let t = use_messages();
    let e = t.export;
    let formats = crate::i18n_export::FORMATS
        .iter()
        .zip(e.formats)
        .enumerate()
        .map(|(i, (code, label))| view! { <option value=*code selected=i == 0>{label}</option> })
        .collect_view();
    let orders = crate::domain::export::Order::ALL
        .iter()
        .zip(e.orders)
        .map(|(order, label)| view! { <option value=order.code()>{label}</option> })
        .collect_view();
    let hidden = staff.then(|| {
        view! {
            <div class="field field-check">
                <input type="checkbox" id="download-hidden" name="verborgen" value="ja" aria-describedby="download-hidden-hint"/>
                <label for="download-hidden">{e.label_hidden}</label>
                <p class="hint" id="download-hidden-hint">{e.hint_hidden}</p>
            </div>
        }
    });
    view! {
        <section class="report-downloads" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{e.downloads_title}</h2>
            <p>{e.downloads_intro}</p>
            <form method="get" action=format!("/consultaties/{slug}/downloaden") class="download-form">
                <div class="field">
                    <label for="download-format">{e.label_format}</label>
                    <select id="download-format" name="formaat">{formats}</select>
                </div>
                <div class="field">
                    <label for="download-order">{e.label_order}</label>
                    <select id="download-order" name="volgorde">{orders}</select>
                </div>
                <div class="field field-check">
                    <input type="hidden" name="namen" value="nee"/>
                    <input type="checkbox" id="download-names" name="namen" value="ja" checked=true aria-describedby="download-names-hint"/>
                    <label for="download-names">{e.label_names}</label>
                    <p class="hint" id="download-names-hint">{e.hint_names}</p>
                </div>
                {hidden}
                <div class="form-actions"><button type="submit" class="utrecht-button utrecht-button--primary-action">{e.download}</button></div>
            </form>
            <ul class="download-links">
                <li><a href=format!("/consultaties/{slug}/dossier.zip") download="" rel="external">{e.dossier}</a>" "<span class="hint">{e.dossier_hint}</span></li>
                <li><a href=format!("/consultaties/{slug}/reactienota.html") rel="external">{e.print_version}</a></li>
                <li><a href=format!("/api/v1/consultaties/{slug}/reacties") rel="external">{e.open_data}</a></li>
                <li><PrintButton/></li>
            </ul>
        </section>
    }
}

/// For a large nota: its parts with their counts; the page shows one at a time (`?deel=N`).
#[component]
fn PartsNav(parts: crate::domain::report::ReportParts, slug: String) -> impl IntoView {
    let t = use_messages();
    let e = t.export;
    let current = parts.current;
    let items = parts
        .parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let heading = if part.heading.is_empty() { t.front_matter.to_string() } else { part.heading };
            let href = format!("/consultaties/{slug}/reactienota?deel={}", i + 1);
            view! {
                <li>
                    <a href=href aria-current=(i == current).then_some("page")>{heading}</a>
                    " "<span class="count">{(e.part_count)(part.count)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="report-parts" aria-labelledby="parts-title">
            <h2 id="parts-title">{e.parts_title}</h2>
            <p>{e.parts_intro}</p>
            <ol>{items}</ol>
        </nav>
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
                        <crate::components::versions::ProcessedInView places=answer.processed_in/>
                        {answer.change_reason.map(|r| view! { <p class="meta change-reason">{t.work.changed_after_adoption}": "{r}</p> })}
                    </div>
                }
                .into_any(),
                None => view! { <p class="answer-missing">{t.not_yet_answered}</p> }.into_any(),
            };
            view! {
                <div class="report-entry">
                    <p class="sender"><strong>{sender_label(&entry.sender, t)}</strong>
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

/// The print button: the one thing on the nota's page that needs the browser (an island; without
/// JavaScript the printable version linked beside it serves the same purpose).
#[island]
pub fn PrintButton() -> impl IntoView {
    crate::platform::island_hydrated();
    let e = use_messages().export;
    // Hidden until the browser runs it: without JavaScript the button could do nothing.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    view! {
        <button type="button" class="utrecht-button utrecht-button--secondary-action print-button" hidden=move || !live.get() on:click=move |_| { let _ = window().print(); }>
            {e.print}
        </button>
    }
}
