//! The officers' panel on a consultation's process: the phase and its change, milestones on the
//! timeline, and the councils asked for advice with where each advice stands.

use super::advice_editor::{Refresh, refresh_on_done};
use super::fields::{ErrorSummary, SelectField, TextField, field_errors, form_feedback};
use super::timeline::Timeline;
use crate::api::{AddMilestone, AskCouncil, ChangePhase, FormEcho, ProcessView, consultation_process};
use crate::components::errors::ErrorView;
use crate::domain::error::AppError;
use crate::domain::phase::MAX_MILESTONE_CHARS;
use crate::platform::use_messages;
use leptos::prelude::*;

/// Created by the page itself, beside the dashboard (not inside its Suspense), with its own echo
/// of a refused plain form post. A refused or missing consultation shows nothing here: the
/// dashboard above already says why.
#[component]
pub fn ProcessPanel(slug: Memo<String>, echo: Resource<Option<FormEcho>>) -> impl IntoView {
    let c = use_messages().councils;
    let refresh = Refresh(RwSignal::new(0));
    provide_context(refresh);
    let data = Resource::new(move || (slug.get(), refresh.0.get()), |(slug, _)| consultation_process(slug));
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match data.await {
                    Err(AppError::NotFound | AppError::Unauthorized | AppError::Forbidden) => ().into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(view) => view! {
                        <div class="wrap officer page-end">
                            <section class="process-panel" id="verloop" aria-labelledby="fase-titel">
                                <h2 id="fase-titel">{c.phase_section}</h2>
                                <Process view echo/>
                            </section>
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Process(view: ProcessView, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let slug = view.slug.clone();
    let advices = view
        .advices
        .iter()
        .map(|a| {
            let href = format!("/beheer/consultaties/{slug}/adviezen/{}", a.council.slug);
            let published = a.published_on.map(|d| format!(" · {}", (c.published_on)(&t.date(d))));
            view! {
                <li>
                    <a href=href>{a.council.name.clone()}</a>" ("{a.council.municipality.clone()}") · "{c.stage(a.stage)}{published}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="meta">{(c.current_phase)(c.phase(view.phase))}</p>
        <Timeline entries=view.timeline.clone()/>
        <PhaseForm slug=slug.clone() next=view.next.clone() today=view.today echo=echo.clone()/>
        <MilestoneForm slug=slug.clone() echo=echo.clone()/>
        <section id="adviesraden" aria-labelledby="adviesraden-titel">
            <h3 id="adviesraden-titel">{c.councils_asked}</h3>
            {view.advices.is_empty().then(|| view! { <p>{c.no_councils_asked}</p> })}
            <ul>{advices}</ul>
            <AskCouncilForm slug=slug.clone() councils=view.other_councils.iter().map(|c| (c.slug.clone(), format!("{} ({})", c.name, c.municipality))).collect()/>
        </section>
    }
}

#[component]
fn PhaseForm(slug: String, next: Vec<crate::domain::phase::Phase>, today: time::Date, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    if next.is_empty() {
        return view! { <p>{c.no_next_phase}</p> }.into_any();
    }
    let action = ServerAction::<ChangePhase>::new();
    let value = action.value();
    refresh_on_done(value);
    let echo = echo.filter(|e| e.values.contains_key("phase"));
    let (errors, failure) = form_feedback(value, echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default());
    let chosen = echo.as_ref().map(|e| e.value("phase")).unwrap_or_default();
    // Today comes from the server: the browser's clock is not asked (and wasm has none).
    let date = echo.as_ref().map(|e| e.value("date")).unwrap_or_else(|| today.to_string());
    let phase_errors = field_errors(errors, "phase");
    let options =
        next.into_iter().map(|p| view! { <option value=p.code() selected=chosen == p.code()>{c.phase(p)}</option> }).collect_view();
    view! {
        <ActionForm action=action attr:id="fase" attr:class="stacked-form" attr:novalidate="">
            <ErrorSummary errors other=failure/>
            <input type="hidden" name="form[consultation]" value=slug/>
            <SelectField id="fase-keuze" name="form[phase]" label=c.label_next_phase errors=phase_errors>{options}</SelectField>
            <TextField id="fase-datum" name="form[date]" label=c.label_phase_date hint=c.hint_phase_date kind="date" required=true
                errors=field_errors(errors, "date") value=date/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{c.move_phase}</button>
        </ActionForm>
    }
    .into_any()
}

#[component]
fn MilestoneForm(slug: String, echo: Option<FormEcho>) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<AddMilestone>::new();
    let value = action.value();
    refresh_on_done(value);
    let echo = echo.filter(|e| e.values.contains_key("milestone_text"));
    let (errors, failure) = form_feedback(value, echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default());
    let field = |name: &str| echo.as_ref().map(|e| e.value(name)).unwrap_or_default();
    let (date, text) = (field("milestone_date"), field("milestone_text"));
    view! {
        <ActionForm action=action attr:id="mijlpaal" attr:class="stacked-form" attr:novalidate="">
            <h3>{c.milestone_section}</h3>
            <ErrorSummary errors other=failure/>
            <input type="hidden" name="form[consultation]" value=slug/>
            <TextField id="mijlpaal-datum" name="form[date]" label=c.label_milestone_date kind="date" required=true
                errors=field_errors(errors, "date") value=date/>
            <TextField id="mijlpaal-tekst" name="form[text]" label=c.label_milestone_text hint=c.hint_milestone_text required=true
                maxlength=MAX_MILESTONE_CHARS errors=field_errors(errors, "text") value=text/>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.add_milestone}</button>
        </ActionForm>
    }
}

#[component]
fn AskCouncilForm(slug: String, councils: Vec<(String, String)>) -> impl IntoView {
    let c = use_messages().councils;
    if councils.is_empty() {
        return ().into_any();
    }
    let action = ServerAction::<AskCouncil>::new();
    refresh_on_done(action.value());
    let options = councils.into_iter().map(|(slug, name)| view! { <option value=slug>{name}</option> }).collect_view();
    view! {
        <ActionForm action=action attr:id="raad-vragen" attr:class="inline-form ask-form">
            <input type="hidden" name="consultation" value=slug/>
            <label for="raad-vragen-keuze">{c.label_ask_council}</label>" "
            <select id="raad-vragen-keuze" name="council">{options}</select>" "
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.ask_council}</button>
        </ActionForm>
    }
    .into_any()
}
