use super::{echo_resource, param, query};
use crate::api::get_consultation;
use crate::components::document::{DocumentText, PeriodNotice, TableOfContents, WholeDocumentComment};
use crate::components::errors::ErrorView;
use crate::components::timeline::Timeline;
use crate::domain::consultation::PeriodPhase;
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let t = use_messages();
    let slug = param("slug");
    let selected = query("alinea");
    let consultation = Resource::new(move || slug.get(), get_consultation);
    let echo = echo_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match consultation.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(c) => {
                        let open = c.phase == PeriodPhase::Open;
                        let closed_note = (!open).then(|| view! { <p class="notice">{t.form_closed}</p> });
                        view! {
                            <Title text=c.title.clone()/>
                            <div class="wrap page consultation">
                                <header class="consultation-header">
                                    <h1>{c.title.clone()}</h1>
                                    {(!c.description.is_empty()).then(|| view! { <p class="lead">{c.description.clone()}</p> })}
                                    <PeriodNotice period=c.period phase=c.phase/>
                                    {closed_note}
                                    <p>
                                        <a href=format!("/consultaties/{}/resultaat", c.slug)>{t.outcome.link}</a>" · "
                                        <a href=format!("/consultaties/{}/reactienota", c.slug)>{t.view_report}</a>
                                        {c.has_letters.then(|| view! { " · "<a href=format!("/consultaties/{}/adviezen", c.slug)>{t.councils.letters_link}</a> })}
                                    </p>
                                    <Timeline entries=c.timeline.clone()/>
                                    <WholeDocumentComment slug=c.slug.clone() count=c.general_comment_count open selected=selected.into() echo=echo.clone()/>
                                </header>
                                <div class="consultation-body">
                                    <TableOfContents sections=c.sections.clone()/>
                                    <DocumentText consultation=c selected=selected.into() echo/>
                                </div>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
