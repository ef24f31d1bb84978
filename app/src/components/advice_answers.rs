//! Officers answer a council's advice: per point, or several points with one joint answer (each
//! keeping its own status), write the opening of the response letter, and publish it.

use super::advice_editor::{AdviceKeys, PointText, refresh_on_done};
use super::answer_form::AnswerFields;
use super::fields::{ErrorSummary, FieldMessages, SelectField, TextField, field_errors, form_feedback};
use crate::api::{FormEcho, OfficerAdviceView, OfficerPointView, PointAnswerView, PublishLetter, SavePointAnswer, SaveResponseIntro};
use crate::domain::error::{FieldError, FieldErrors};
use crate::domain::status::{AnswerState, ProcessingStatus};
use crate::platform::use_messages;
use leptos::prelude::*;

#[component]
pub fn OfficerAdvice(view: OfficerAdviceView, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let keys = (view.consultation_slug.clone(), view.council.slug.clone());
    if view.submitted.is_none() {
        return ().into_any();
    }
    let points_for_joint: Vec<(i64, usize)> = view.points.iter().map(|p| (p.point.id, p.point.number)).collect();
    let answer = view.may_answer;
    let version = view.latest_version;
    let points = view
        .points
        .into_iter()
        .map(|p| view! { <AnsweredPoint point=p keys=keys.clone() may_answer=answer echo=echo.clone() version/> })
        .collect_view();
    let joint = (answer && points_for_joint.len() > 1)
        .then(|| view! { <JointAnswer points=points_for_joint keys=keys.clone() echo=echo.clone() version/> });
    let letter_link = format!("/consultaties/{}/adviezen/{}", keys.0, keys.1);
    view! {
        <section class="officer-advice" aria-labelledby="antwoorden-titel">
            {(!answer).then(|| view! { <p class="notice">{(c.not_yours_to_answer)(&view.council.municipality)}</p> })}
            <h2 id="antwoorden-titel">{c.answer_points_title}</h2>
            <crate::components::versions::BlockSuggestions choices=view.latest_blocks.clone()/>
            {points}
            {joint}
            {answer.then(|| view! {
                <ResponseIntro keys=keys.clone() body=view.response_intro.clone() echo=echo.clone()/>
                <Publish keys=keys.clone() published_on=view.published_on complete=view.complete echo=echo.clone()/>
            })}
            <p><a href=letter_link>{c.view_letter}</a></p>
        </section>
    }
    .into_any()
}

fn dynamic_errors(errors: Signal<FieldErrors>, field: String) -> Signal<Vec<FieldError>> {
    Signal::derive(move || errors.with(|e| e.get(&field).to_vec()))
}

/// One select per point; the option values carry the point so that a plain form can send them.
#[component]
fn StatusSelect(point: i64, number: usize, form_id: String, current: String, errors: Signal<FieldErrors>) -> impl IntoView {
    let t = use_messages();
    let id = format!("{form_id}-status-{point}");
    let errors = dynamic_errors(errors, format!("status-{point}"));
    let options = ProcessingStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=format!("{point}:{}", s.code()) selected=current == s.code()>{t.status_label(s)}</option> })
        .collect_view();
    view! {
        <SelectField id name="form[statuses][]" label=(t.councils.label_point_status)(number) errors>
            <option value=format!("{point}:") selected=current.is_empty()>{t.choose_status}</option>
            {options}
        </SelectField>
    }
}

fn echo_of(echo: &Option<FormEcho>, key: &str) -> Option<FormEcho> {
    echo.clone().filter(|e| e.values.get("form").map(String::as_str) == Some(key))
}

#[component]
fn AnsweredPoint(
    point: OfficerPointView,
    keys: (String, String),
    may_answer: bool,
    echo: Option<FormEcho>,
    version: Option<i64>,
) -> impl IntoView {
    let t = use_messages();
    let id = point.point.id;
    let number = point.point.number;
    let key = id.to_string();
    let current = point.history.first().cloned();
    let slug = keys.0.clone();
    let form = may_answer.then(|| {
        let action = ServerAction::<SavePointAnswer>::new();
        let value = action.value();
        refresh_on_done(value);
        let echo = echo_of(&echo, &key);
        let echo_errors = echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
        let (errors, failure) = form_feedback(value, echo_errors);
        let field = |name: &str| echo.as_ref().map(|e| e.value(&format!("{key}/{name}")));
        let body = field("body").or_else(|| current.as_ref().map(|a| a.body_markdown.clone())).unwrap_or_default();
        let place = field("processed_where").or_else(|| current.as_ref().and_then(|a| a.processed_where.clone())).unwrap_or_default();
        let state = field("state").or_else(|| current.as_ref().map(|a| a.state.code().to_string())).unwrap_or_else(|| "concept".into());
        let blocks = field("processed_blocks").or_else(|| current.as_ref().map(|a| a.processed_blocks.join("; "))).unwrap_or_default();
        let status = field("statuses")
            .and_then(|s| s.split_once(':').map(|(_, st)| st.to_string()))
            .or_else(|| current.as_ref().and_then(|a| a.status).map(|s| s.code().to_string()))
            .unwrap_or_default();
        let form_id = format!("antwoord-{id}");
        view! {
            <ActionForm action=action attr:id=format!("antwoord-{id}") attr:class="answer-form" attr:novalidate="">
                <ErrorSummary errors other=failure/>
                <AdviceKeys keys=keys.clone()/>
                <input type="hidden" name="form[points][]" value=key.clone()/>
                <StatusSelect point=id number form_id=form_id.clone() current=status errors/>
                <AnswerFields form_id=form_id.clone() body place state states=point_states() errors/>
                {version.map(|version| view! { <crate::components::versions::ProcessedBlocksField form_id=form_id.clone() version value=blocks.clone() errors/> })}
                <button type="submit" class="utrecht-button utrecht-button--primary-action">{t.councils.save_point_answer}<span class="sr-only">" "{(t.councils.point_number)(number)}</span></button>
            </ActionForm>
        }
    });
    view! {
        <article class="officer-comment advice-point" id=format!("punt-{id}")>
            <PointText point=point.point.clone() slug/>
            <AnswerHistory history=point.history/>
            {form}
        </article>
    }
}

#[component]
fn AnswerHistory(history: Vec<PointAnswerView>) -> impl IntoView {
    let t = use_messages();
    (!history.is_empty()).then(|| {
        let items = history
            .into_iter()
            .map(|r| {
                let status = r.status.map(|s| t.status_label(s)).unwrap_or_default();
                view! {
                    <li>
                        <p class="meta">{(t.revision)(r.revision_no, &r.author, &r.saved_at)}" · "{status}" · "{(t.answer_state)(r.state)}
                            {r.joint.then(|| view! { " · "{t.councils.joint_title} })}</p>
                        <p class="revision-text">{r.body_markdown}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="history">
                <summary>{t.history}</summary>
                <ol>{items}</ol>
            </details>
        }
    })
}

#[component]
fn JointAnswer(points: Vec<(i64, usize)>, keys: (String, String), echo: Option<FormEcho>, version: Option<i64>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let action = ServerAction::<SavePointAnswer>::new();
    let value = action.value();
    refresh_on_done(value);
    let ids: Vec<String> = points.iter().map(|(id, _)| id.to_string()).collect();
    // The joint form's echo is the one that is not a single point's.
    let echo = echo.filter(|e| e.values.get("form").is_some_and(|f| !ids.contains(f)));
    let echo_errors = echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo_errors);
    let key = echo.as_ref().map(|e| e.value("form")).unwrap_or_default();
    let field = |name: &str| echo.as_ref().map(|e| e.value(&format!("{key}/{name}"))).unwrap_or_default();
    let (body, place, state) = (field("body"), field("processed_where"), field("state"));
    let blocks = field("processed_blocks");
    let state = if state.is_empty() { "concept".to_string() } else { state };
    let chosen: Vec<String> = key.split('-').map(str::to_string).collect();
    let statuses = field("statuses");
    let rows = points
        .into_iter()
        .map(|(id, number)| {
            let check_id = format!("gezamenlijk-punt-{id}");
            let current = statuses
                .split_whitespace()
                .find_map(|s| s.split_once(':').filter(|(p, _)| *p == id.to_string()).map(|(_, st)| st.to_string()))
                .unwrap_or_default();
            view! {
                <div class="joint-row">
                    <div class="field field-checkbox">
                        <input type="checkbox" id=check_id.clone() name="form[points][]" value=id.to_string() checked=chosen.contains(&id.to_string())/>
                        <label for=check_id>{(c.label_include_point)(number)}</label>
                    </div>
                    <StatusSelect point=id number form_id="gezamenlijk".into() current errors/>
                </div>
            }
        })
        .collect_view();
    let point_errors = field_errors(errors, "points");
    view! {
        <ActionForm action=action attr:id="gezamenlijk" attr:class="answer-form joint-form" attr:novalidate="">
            <h3>{c.joint_title}</h3>
            <p class="field-hint">{c.joint_intro}</p>
            <ErrorSummary errors other=failure/>
            <AdviceKeys keys=keys/>
            <fieldset class="field" aria-describedby="gezamenlijk-punten-error">
                <legend>{c.points_title}</legend>
                <FieldMessages id="gezamenlijk-punten-error" errors=point_errors/>
                {rows}
            </fieldset>
            <AnswerFields form_id="gezamenlijk".into() body place state states=point_states() errors/>
            {version.map(|version| view! { <crate::components::versions::ProcessedBlocksField form_id="gezamenlijk".into() version value=blocks.clone() errors/> })}
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{c.save_point_answer}</button>
        </ActionForm>
    }
}

#[component]
fn ResponseIntro(keys: (String, String), body: String, echo: Option<FormEcho>) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<SaveResponseIntro>::new();
    let value = action.value();
    refresh_on_done(value);
    let echo = echo.filter(|e| e.values.contains_key("response_intro"));
    let echo_errors = echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo_errors);
    let body = echo.as_ref().map(|e| e.value("response_intro")).unwrap_or(body);
    view! {
        <ActionForm action=action attr:id="opening" attr:class="answer-form" attr:novalidate="">
            <h3>{c.response_intro_title}</h3>
            <ErrorSummary errors other=failure/>
            <AdviceKeys keys=keys/>
            <TextField id="opening-tekst" name="body" label=c.label_response_intro hint=c.hint_response_intro multiline=true required=true
                maxlength=crate::domain::advice::MAX_INTRO_CHARS errors=field_errors(errors, "response_intro") value=body/>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.save_response_intro}</button>
        </ActionForm>
    }
}

#[component]
fn Publish(keys: (String, String), published_on: Option<time::Date>, complete: bool, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let action = ServerAction::<PublishLetter>::new();
    let value = action.value();
    refresh_on_done(value);
    let echo_errors = echo.filter(|e| !e.errors.get("publish").is_empty()).map(|e| e.errors).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo_errors);
    let publish_errors = field_errors(errors, "publish");
    match published_on {
        Some(date) => view! { <p class="notice" id="publiceren">{(c.published_on)(&t.date(date))}</p> }.into_any(),
        None => view! {
            <ActionForm action=action attr:id="publiceren" attr:class="answer-form">
                <h3>{c.publish_title}</h3>
                <p>{c.publish_note}</p>
                {(!complete).then(|| view! { <p class="meta">{c.letter_not_ready}</p> })}
                <ErrorSummary errors other=failure/>
                <FieldMessages id="publiceren-error" errors=publish_errors/>
                <AdviceKeys keys=keys/>
                <button type="submit" class="utrecht-button utrecht-button--primary-action" aria-describedby="publiceren-error">{c.publish}</button>
            </ActionForm>
        }
        .into_any(),
    }
}

/// Concept or final, the states a point answer is saved in.
fn point_states() -> Vec<(&'static str, &'static str)> {
    let t = use_messages();
    [AnswerState::Draft, AnswerState::Final].into_iter().map(|s| (s.code(), (t.answer_state)(s))).collect()
}
