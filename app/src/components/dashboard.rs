//! Progress at a glance: counts by state, a bar chart of statuses and a heat map of where in the
//! document people reacted. Server-rendered SVG and tables: readable without JavaScript.

use super::fields::{ErrorSummary, TextField, field_errors, form_feedback};
use crate::api::{AdoptAnswers, DashboardView, FormEcho};
use crate::domain::error::FormOutcome;
use crate::domain::review::AdoptionCheck;
use crate::domain::workbench::{BAR_MAX_WIDTH, Bar, SectionHeat, StatusFilter};
use crate::platform::use_messages;
use crate::render::labels::versioned_heading;
use leptos::prelude::*;

fn list_url(slug: &str, query: &str) -> String {
    if query.is_empty() { format!("/beheer/consultaties/{slug}/reacties") } else { format!("/beheer/consultaties/{slug}/reacties?{query}") }
}

#[component]
pub fn Dashboard(view: DashboardView) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let slug = view.slug.clone();
    let figures = [
        (w.figure_total, view.total, String::new()),
        (w.figure_unanswered, view.unanswered, format!("status={}", StatusFilter::UNANSWERED)),
    ]
    .into_iter()
    .chain(view.by_state.iter().map(|(s, n)| (w.state_label(*s), *n, format!("staat={}", s.code()))))
    .chain([(w.figure_hidden, view.hidden, "verborgen=ja".to_string()), (w.figure_late, view.late, "tijdig=te_laat".to_string())])
    .map(|(label, n, query)| {
        view! {
            <li class="figure">
                <a href=list_url(&slug, &query)><span class="figure-number">{n}</span>" "<span class="figure-label">{label}</span></a>
            </li>
        }
    })
    .collect_view();
    view! {
        <section class="dashboard" aria-labelledby="voortgang">
            <h2 id="voortgang">{w.dashboard_title}</h2>
            <ul class="figures">{figures}</ul>
            <div class="dashboard-grid">
                <StatusChart bars=view.bars.clone()/>
                <HeatMap slug=view.slug.clone() heat=view.heat.clone() general=view.general/>
            </div>
        </section>
    }
}

/// Horizontal bars per status, with the numbers written out so nothing depends on colour. An
/// image with its data in `<desc>`; the figures above it link to the filtered lists.
#[component]
fn StatusChart(bars: Vec<Bar>) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    const ROW: u32 = 30;
    const LABEL: u32 = 190;
    let height = ROW * bars.len() as u32 + 10;
    let width = LABEL + BAR_MAX_WIDTH + 60;
    let label = |status: StatusFilter| match status {
        StatusFilter::Unanswered => w.not_answered,
        StatusFilter::Is(s) => t.status_label(s),
    };
    let description = bars.iter().map(|b| format!("{}: {}", label(b.status), b.count)).collect::<Vec<_>>().join(", ");
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i as u32 * ROW + 5;
            let class = if bar.status == StatusFilter::Unanswered { "bar bar-open" } else { "bar" };
            view! {
                <g>
                    <text x=LABEL - 8 y=y + 19 text-anchor="end" class="bar-label">{label(bar.status)}</text>
                    <rect x=LABEL y=y + 4 width=bar.width height=ROW - 10 class=class></rect>
                    <text x=LABEL + bar.width + 6 y=y + 19 class="bar-count">{bar.count}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption id="statusgrafiek-titel">{w.chart_title}</figcaption>
            <svg viewBox=format!("0 0 {width} {height}") width="100%" role="img" aria-labelledby="statusgrafiek-titel statusgrafiek-desc"
                preserveAspectRatio="xMinYMin meet">
                <desc id="statusgrafiek-desc">{description}</desc>
                {rows}
            </svg>
        </figure>
    }
}

/// Reactions per section in document order; darker is busier, and the number is always shown.
#[component]
fn HeatMap(slug: String, heat: Vec<SectionHeat>, general: usize) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let rows = heat
        .into_iter()
        .map(|h| {
            let url = list_url(&slug, &format!("sectie={}", h.anchor));
            view! {
                <tr>
                    <th scope="row" class=format!("heat-heading level-{}", h.level)><a href=url>{versioned_heading(&h.heading, t)}</a></th>
                    <td class=format!("heat heat-{}", h.intensity)>{h.count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="heatmap">
            <figcaption id="hittekaart-titel">{w.heat_title}</figcaption>
            <p class="hint">{w.heat_hint}</p>
            <div class="table-scroll">
                <table aria-labelledby="hittekaart-titel">
                    <thead><tr><th scope="col">{w.heat_section}</th><th scope="col">{w.heat_count}</th></tr></thead>
                    <tbody>
                        <tr>
                            <th scope="row" class="heat-heading"><a href=list_url(&slug, "blok=algemeen")>{t.whole_document}</a></th>
                            <td class="heat heat-0">{general}</td>
                        </tr>
                        {rows}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// The college adopted the set: record the date, once every reaction has an approved answer.
#[component]
pub fn AdoptionPanel(view: DashboardView, echo: Option<FormEcho>, just_adopted: bool) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let action = ServerAction::<AdoptAnswers>::new();
    let value = action.value();
    let echo = echo.filter(|e| e.values.contains_key("adopted_on"));
    let typed = echo.as_ref().map(|e| e.value("adopted_on")).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo.map(|e| e.errors).unwrap_or_default());
    let done = move || matches!(value.get(), Some(Ok(FormOutcome::Done(_)))) || just_adopted;
    let state = match view.adoption {
        AdoptionCheck::Ready { answers } => (w.adoption_ready)(answers),
        AdoptionCheck::NotReady { open } => (w.adoption_not_ready)(open),
        AdoptionCheck::NothingNew => w.adoption_nothing.to_string(),
    };
    let earlier =
        view.adoptions.iter().map(|a| view! { <li>{(w.adopted_on)(&t.date(a.adopted_on), a.answers, &a.recorded_by)}</li> }).collect_view();
    view! {
        <section class="panel" id="vaststelling" aria-labelledby="vaststelling-kop">
            <h2 id="vaststelling-kop">{w.adoption_title}</h2>
            <ul class="plain">{earlier}</ul>
            <p>{state}</p>
            <p role="status" class="saved-note">{move || done().then_some(w.adoption_done)}</p>
            {if view.can_adopt {
                view! {
                <ActionForm action=action attr:novalidate="">
                    <input type="hidden" name="form[slug]" value=view.slug.clone()/>
                    <ErrorSummary errors other=failure/>
                    <TextField id="vastgesteld-op" name="form[adopted_on]" label=w.label_adopted_on hint=w.hint_adopted_on kind="date" required=true
                        errors=field_errors(errors, "adopted_on") value=typed/>
                    <button type="submit" class="utrecht-button utrecht-button--primary-action">{w.adopt}</button>
                </ActionForm>
                }.into_any()
            } else {
                view! { <p>{w.adoption_admin_only}</p> }.into_any()
            }}
        </section>
    }
}
