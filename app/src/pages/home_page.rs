use crate::api::list_consultations;
use crate::components::document::PeriodNotice;
use crate::components::errors::ErrorView;
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_messages();
    let consultations = Resource::new(|| (), |_| list_consultations());
    view! {
        <Title text=""/>
        <div class="wrap page">
            <h1>{t.home_title}</h1>
            <p class="lead">{t.home_intro}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match consultations.await {
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p>{t.home_empty}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="card-list">
                                {list.into_iter().map(|c| view! {
                                    <li class="card">
                                        <h2><a href=format!("/consultaties/{}", c.slug)>{c.title}</a></h2>
                                        <p>{c.description}</p>
                                        <PeriodNotice period=c.period phase=c.phase/>
                                        <p class="meta">{(t.count_comments)(c.comment_count as usize)}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
