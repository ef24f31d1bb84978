//! The public timeline of a consultation: its phases and the milestones officers added.

use crate::domain::phase::{PhaseState, TimelineEntry};
use crate::platform::use_messages;
use leptos::prelude::*;

#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let items = entries
        .into_iter()
        .map(|entry| match entry {
            TimelineEntry::Phase { phase, state, from, until, version } => {
                let dates = match (from, until) {
                    (Some(from), Some(until)) => (c.date_range)(&t.date(from), &t.date(until)),
                    (Some(from), None) => (c.date_since)(&t.date(from)),
                    _ => String::new(),
                };
                let (class, state_text) = match state {
                    PhaseState::Done => ("timeline-phase phase-done", c.phase_done),
                    PhaseState::Current => ("timeline-phase phase-current", c.phase_current),
                    PhaseState::Planned => ("timeline-phase phase-planned", c.phase_planned),
                };
                view! {
                    <li class=class aria-current=(state == PhaseState::Current).then_some("step")>
                        <span class="timeline-name">{c.phase(phase)}</span>
                        " "<span class="timeline-state">"("{state_text}")"</span>
                        {(!dates.is_empty()).then(|| view! { <span class="timeline-dates">{dates}</span> })}
                        {version.map(|n| view! { " "<span class="timeline-version">"· "{(t.versions.version)(n)}</span> })}
                    </li>
                }
                .into_any()
            }
            TimelineEntry::Milestone { date, text } => view! {
                <li class="timeline-milestone">
                    <span class="timeline-dates">{t.date(date)}</span>" "<span>{text}</span>
                </li>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <section class="timeline" aria-labelledby="verloop-titel">
            <h2 id="verloop-titel">{c.timeline_title}</h2>
            <ol>{items}</ol>
        </section>
    }
}
