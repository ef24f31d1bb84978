use super::{loaded, param};
use crate::api::{OutcomeView, get_outcome};
use crate::components::outcome::OutcomeSections;
use crate::components::timeline::Timeline;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/consultaties/{slug}/resultaat`: what was done with the reactions, for residents coming back.
#[component]
pub fn OutcomePage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(move || slug.get(), get_outcome);
    loaded(data, render)
}

fn render(view: OutcomeView) -> impl IntoView {
    let t = crate::platform::use_messages();
    let o = t.outcome;
    let title = (o.title)(&view.title);
    view! {
        <Title text=title.clone()/>
        <div class="wrap page outcome">
            <header class="report-header">
                <h1>{title}</h1>
                <p>{o.intro}</p>
                <p>
                    <a href=format!("/consultaties/{}", view.slug)>{view.title.clone()}</a>" · "
                    <a href=format!("/consultaties/{}/reactienota", view.slug)>{o.full_report}</a>
                </p>
            </header>
            <Timeline entries=view.timeline/>
            <OutcomeSections outcome=view.outcome slug=view.slug.clone()/>
        </div>
    }
}
