//! Thin pages: each fetches its data and assembles components.

mod advice_pages;
mod consultation_page;
mod council_pages;
mod home_page;
mod login_page;
mod not_found_page;
mod officer_pages;
mod outcome_page;
mod privacy_pages;
mod report_page;
mod track_pages;
mod users_page;
mod version_pages;
mod workbench_pages;

pub use advice_pages::{AdviceEditorPage, LetterPage, LettersPage, OfficerAdvicePage};
pub use consultation_page::{ChangesPage, ConsultationPage};
pub use council_pages::{AcceptInvitePage, CouncilHomePage, CouncilPage, CouncilsPage};
pub use home_page::HomePage;
pub use login_page::LoginPage;
pub use not_found_page::NotFoundPage;
pub use officer_pages::{NewConsultationPage, OfficerConsultationPage, OfficerHomePage};
pub use outcome_page::OutcomePage;
pub use privacy_pages::{ConfirmEmailPage, EraseLinkPage, LostCodePage, OutboxPage, UnsubscribePage};
pub use report_page::ReportPage;
pub use track_pages::{TrackLookupPage, TrackPage};
pub use users_page::UsersPage;
pub use version_pages::MappingReviewPage;
pub use workbench_pages::{AuditPage, GroupsPage, JointAnswerPage, ReactionsPage};

use crate::api::{ECHO_PARAM, FormEcho, fetch_form_echo};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A route parameter as a reactive string.
pub(crate) fn param(name: &'static str) -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get(name).unwrap_or_default()))
}

/// A query parameter, if present and not empty.
pub(crate) fn query(name: &'static str) -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| q.get(name).filter(|v| !v.is_empty())))
}

/// A page drawn from one server function's result: the error in words if it failed.
pub(crate) fn loaded<T, V>(data: Resource<Result<T, crate::domain::error::AppError>>, render: fn(T) -> V) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    use crate::components::errors::ErrorView;
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(value) => render(value).into_any(),
                }
            })}
        </Suspense>
    }
}

/// Like [`loaded`], for pages with plain forms: `render` also gets what a refused form left behind.
pub(crate) fn loaded_with_echo<T, V, F>(data: Resource<Result<T, crate::domain::error::AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T, Option<FormEcho>) -> V + Copy + Send + Sync + 'static,
{
    use crate::components::errors::ErrorView;
    let echo = echo_resource();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await;
                match data.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(value) => render(value, echo).into_any(),
                }
            })}
        </Suspense>
    }
}

/// What a refused plain form post left behind (`?formulier=`), for the page to show again.
pub(crate) fn echo_resource() -> Resource<Option<FormEcho>> {
    let token = query(ECHO_PARAM);
    Resource::new(
        move || token.get(),
        |token| async move {
            match token {
                Some(token) => fetch_form_echo(token).await.ok().flatten(),
                None => None,
            }
        },
    )
}
