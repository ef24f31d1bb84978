//! The college's response letter to one council's advice: every point followed by its answer.

use crate::domain::advice::{Letter, LetterItem};
use crate::domain::status::AnswerState;
use crate::platform::use_messages;
use crate::render::labels::stored_label;
use leptos::prelude::*;

/// `level` is the heading level of the letter's own title (1 on its page, 3 in the report).
#[component]
pub fn LetterBody(letter: Letter, consultation_slug: String, level: u8) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let heading = (c.letter_heading)(&letter.council_name, &letter.municipality);
    let received = letter.received_on.map(|d| c.received(letter.oral, letter.written, &t.date(d)));
    let items = letter.items.into_iter().map(|item| view! { <LetterEntry item slug=consultation_slug.clone() level/> }).collect_view();
    let title = match level {
        1 => view! { <h1>{heading}</h1> }.into_any(),
        _ => view! { <h3>{heading}</h3> }.into_any(),
    };
    let logo = letter.sender_logo.map(|id| {
        let alt = (c.logo_alt)(letter.sender.as_deref().unwrap_or(&letter.municipality));
        view! { <img class="municipality-logo" src=format!("/gemeentelogo/{id}") alt=alt/> }
    });
    view! {
        <article class="letter">
            {logo}
            {title}
            {letter.sender.map(|s| view! { <p class="letter-sender">{c.letter_sender}": "{s}</p> })}
            {received.map(|r| view! { <p class="meta">{r}</p> })}
            {(!letter.intro_html.is_empty()).then(|| view! { <div class="letter-intro" inner_html=letter.intro_html.clone()></div> })}
            {items}
        </article>
    }
}

#[component]
fn LetterEntry(item: LetterItem, slug: String, level: u8) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let numbers: Vec<usize> = item.points.iter().map(|p| p.number).collect();
    let several = item.points.len() > 1;
    let statuses: Vec<String> = item
        .points
        .iter()
        .filter_map(|p| {
            p.answer.as_ref().map(|a| {
                if several {
                    format!("{} {}: {}", c.point_word, p.number, t.status_label(a.status))
                } else {
                    t.status_label(a.status).to_string()
                }
            })
        })
        .collect();
    let points = item
        .points
        .into_iter()
        .map(|point| {
            let about = (!point.blocks.is_empty()).then(|| {
                let links = point
                    .blocks
                    .into_iter()
                    .map(|(anchor, label)| {
                        let label = stored_label(&label, t);
                        view! { <a href=format!("/consultaties/{slug}#{anchor}")>{label}</a>" " }
                    })
                    .collect_view();
                view! { <p class="meta">{c.point_about}": "{links}</p> }
            });
            let title = (c.point_number)(point.number);
            let heading = if level == 1 { view! { <h2>{title}</h2> }.into_any() } else { view! { <h4>{title}</h4> }.into_any() };
            view! {
                <section class="letter-point" id=format!("punt-{}", point.number)>
                    {heading}
                    {about}
                    <div class="point-body" inner_html=point.body_html></div>
                </section>
            }
        })
        .collect_view();
    let answer = match item.answer.filter(|a| a.state == AnswerState::Final) {
        Some(answer) => view! {
            <div class="answer">
                <p class="answer-status"><strong>{(c.answer_to)(&numbers, &item.also_answers)}</strong>" ("{statuses.join("; ")}")"</p>
                <div class="answer-text" inner_html=answer.body_html></div>
                {answer.processed_where.map(|w| view! { <p class="meta">{t.processed_where}": "{w}</p> })}
                <crate::components::versions::ProcessedInView places=answer.processed_in/>
            </div>
        }
        .into_any(),
        None => view! { <p class="answer-missing">{t.not_yet_answered}</p> }.into_any(),
    };
    view! { <div class="letter-item">{points}{answer}</div> }
}
