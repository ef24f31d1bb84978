use crate::components::errors::ErrorView;
use crate::domain::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = crate::platform::use_messages();
    view! {
        <Title text=t.not_found_title/>
        <ErrorView error=AppError::NotFound/>
    }
}
