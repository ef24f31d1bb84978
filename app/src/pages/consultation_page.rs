use super::{echo_resource, param, query};
use crate::api::get_changes;
use crate::api::get_consultation;
use crate::components::document::{DocumentText, PeriodNotice, TableOfContents, WholeDocumentComment};
use crate::components::errors::ErrorView;
use crate::components::timeline::Timeline;
use crate::components::versions::{ChangesOverview, EarlierVersionNotice, VersionSwitcher};
use crate::domain::consultation::PeriodPhase;
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let t = use_messages();
    let slug = param("slug");
    let version = param("versie");
    let selected = query("alinea");
    let consultation = Resource::new(move || (slug.get(), version.get()), |(slug, version)| get_consultation(slug, version.parse().ok()));
    let echo = echo_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match consultation.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(c) => {
                        let earlier = c.is_earlier_version();
                        let open = c.phase == PeriodPhase::Open && !earlier;
                        let closed_note = (!open && !earlier).then(|| view! { <p class="notice">{t.form_closed}</p> });
                        let earlier_note = earlier.then(|| view! { <EarlierVersionNotice slug=c.slug.clone() versions=c.versions.clone() shown=c.shown_version/> });
                        view! {
                            <Title text=c.title.clone()/>
                            <div class="wrap page consultation">
                                <header class="consultation-header">
                                    <h1>{c.title.clone()}</h1>
                                    {(!c.description.is_empty()).then(|| view! { <p class="lead">{c.description.clone()}</p> })}
                                    <PeriodNotice period=c.period phase=c.phase/>
                                    {closed_note}
                                    {earlier_note}
                                    <VersionSwitcher slug=c.slug.clone() versions=c.versions.clone() shown=c.shown_version/>
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

/// "Wat is er veranderd" in a version, printable.
#[component]
pub fn ChangesPage() -> impl IntoView {
    let slug = param("slug");
    let version = param("versie");
    let data = Resource::new(move || (slug.get(), version.get()), |(slug, version)| get_changes(slug, version.parse().unwrap_or(0)));
    super::loaded(data, |view| {
        let t = use_messages();
        let title = (t.versions.changes_title)(view.to.no);
        let back = format!("/consultaties/{}", view.slug);
        view! {
            <Title text=format!("{title} - {}", view.title)/>
            <div class="wrap page changes">
                <p class="meta"><a href=back>{view.title.clone()}</a></p>
                <h1>{title}</h1>
                <VersionSwitcher slug=view.slug.clone() versions=view.versions.clone() shown=view.to.no/>
                <p class="no-print"><crate::components::report::PrintButton/></p>
                <ChangesOverview view/>
            </div>
        }
    })
}
