use super::{param, query};
use crate::api::get_report;
use crate::components::errors::ErrorView;
use crate::components::report::ReportDocument;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ReportPage() -> impl IntoView {
    let t = crate::platform::use_messages();
    let slug = param("slug");
    let part = query("deel");
    let report = Resource::new(
        move || (slug.get(), part.get().and_then(|p| p.parse::<usize>().ok())),
        |(slug, part)| get_report(slug, part.map(|p| p.saturating_sub(1))),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match report.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(view) => view! {
                        <Title text=format!("{} {}", t.report_title, view.title)/>
                        <div class="wrap page report"><ReportDocument view/></div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
