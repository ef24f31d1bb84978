//! The advice editor (council members), the officers' advice page (oral entry and answers), and
//! the college's response letters.

use super::{echo_resource, param, query};
use crate::api::{advice_workspace, get_letter, list_letters, officer_advice};
use crate::components::advice_answers::OfficerAdvice;
use crate::components::advice_editor::{AdviceEditor, Refresh};
use crate::components::errors::ErrorView;
use crate::components::letter::LetterBody;
use crate::platform::use_messages;
use crate::views::{BLOCK_QUERY_FORM_PARAM, BLOCK_QUERY_PARAM};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/raad/{slug}`: a member writes their council's advice (`?blok=` preselects a block).
#[component]
pub fn AdviceEditorPage() -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let slug = param("slug");
    let block = query("blok");
    let (search, search_for) = (query(BLOCK_QUERY_PARAM), query(BLOCK_QUERY_FORM_PARAM));
    let refresh = Refresh(RwSignal::new(0));
    provide_context(refresh);
    let workspace = Resource::new(
        move || (slug.get(), refresh.0.get(), search.get()),
        |(slug, _, search)| advice_workspace(slug, String::new(), search),
    );
    let echo = echo_resource();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match workspace.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(w) => view! {
                        <Title text=(c.advice_title)(&w.consultation_title)/>
                        <div class="wrap page advice">
                            <p><a href=format!("/consultaties/{}", w.consultation_slug)>{c.back_to_consultation}</a></p>
                            <h1>{(c.advice_title)(&w.consultation_title)}</h1>
                            <AdviceEditor workspace=w echo selected_block=block.get_untracked() search_for=search_for.get_untracked()/>
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// `/beheer/consultaties/{slug}/adviezen/{council}`: enter an oral advice, answer the points,
/// write the opening and publish the response letter.
#[component]
pub fn OfficerAdvicePage() -> impl IntoView {
    let slug = param("slug");
    let council = param("council");
    let (search, search_for) = (query(BLOCK_QUERY_PARAM), query(BLOCK_QUERY_FORM_PARAM));
    let refresh = Refresh(RwSignal::new(0));
    provide_context(refresh);
    let data = Resource::new(
        move || (slug.get(), council.get(), refresh.0.get(), search.get()),
        |(slug, council, _, search)| async move {
            let workspace = advice_workspace(slug.clone(), council.clone(), search).await;
            let answers = officer_advice(slug, council).await;
            (workspace, answers)
        },
    );
    let echo = echo_resource();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match data.await {
                    (Err(error), _) | (_, Err(error)) => view! { <ErrorView error/> }.into_any(),
                    (Ok(w), Ok(answers)) => {
                        let title = format!("{} - {}", w.council.name, w.consultation_title);
                        let back = format!("/beheer/consultaties/{}", w.consultation_slug);
                        view! {
                            <Title text=title/>
                            <div class="wrap page officer advice">
                                <p><a href=back>{w.consultation_title.clone()}</a></p>
                                <h1>{w.council.name.clone()}</h1>
                                <AdviceEditor workspace=w echo=echo.clone() selected_block=None search_for=search_for.get_untracked()/>
                                <OfficerAdvice view=answers echo/>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
pub fn LettersPage() -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let slug = param("slug");
    let letters = Resource::new(move || slug.get(), list_letters);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match letters.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(view) => {
                        let published: Vec<_> = view.letters.into_iter().filter(|l| l.published_on.is_some()).collect();
                        view! {
                            <Title text=(c.letters_title)(&view.consultation_title)/>
                            <div class="wrap page">
                                <p><a href=format!("/consultaties/{}", view.consultation_slug)>{c.back_to_consultation}</a></p>
                                <h1>{(c.letters_title)(&view.consultation_title)}</h1>
                                {published.is_empty().then(|| view! { <p>{c.letters_empty}</p> })}
                                <ul class="card-list">
                                    {published.into_iter().map(|l| {
                                        let received = l.received_on.map(|d| c.received(l.oral, l.written, &t.date(d)));
                                        view! {
                                            <li class="card">
                                                <h2 class="card-title"><a href=format!("/consultaties/{}/adviezen/{}", view.consultation_slug, l.council.slug)>
                                                    {(c.letter_heading)(&l.council.name, &l.council.municipality)}</a></h2>
                                                <p class="meta">{c.kind(l.council.kind)}{received.map(|r| format!(" · {r}"))}</p>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn LetterPage() -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let slug = param("slug");
    let council = param("council");
    let letter = Resource::new(move || (slug.get(), council.get()), |(slug, council)| get_letter(slug, council));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match letter.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(view) => {
                        let download = format!("/consultaties/{}/adviezen/{}.md", view.consultation_slug, view.council_slug);
                        let download_docx = format!("/consultaties/{}/adviezen/{}.docx", view.consultation_slug, view.council_slug);
                        view! {
                            <Title text=(c.letter_heading)(&view.letter.council_name, &view.letter.municipality)/>
                            <div class="wrap page report">
                                <p><a href=format!("/consultaties/{}/adviezen", view.consultation_slug)>{c.letters_link}</a></p>
                                {(!view.published).then(|| view! { <p class="notice">{c.letter_preview}</p> })}
                                <LetterBody letter=view.letter consultation_slug=view.consultation_slug.clone() level=1/>
                                <p class="report-download"><a href=download download="" rel="external">{t.download_markdown}</a></p>
                                <p class="report-download"><a href=download_docx download="" rel="external">{t.export.letter_docx}</a></p>
                                {view.council_letter.map(|(url, kb)| view! {
                                    <p class="report-download"><a href=url download="" rel="external">{(c.download_council_letter)(kb)}</a></p>
                                })}
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
