use super::version_pages::VersionsPanel;
use super::{echo_resource, loaded_with_echo, param, query};
use crate::api::{CreateConsultation, DashboardView, FormEcho, consultation_dashboard, officer_consultations};
use crate::components::dashboard::{AdoptionPanel, Dashboard};
use crate::components::document::PeriodNotice;
use crate::components::errors::ErrorView;
use crate::components::fields::{ErrorSummary, SelectField, TextField, field_errors};
use crate::components::process::ProcessPanel;
use crate::domain::consultation::{MAX_DESCRIPTION_CHARS, MAX_SLUG_CHARS, MAX_TITLE_CHARS};
use crate::domain::document::LeftOut;
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

#[component]
pub fn OfficerHomePage() -> impl IntoView {
    let t = use_messages();
    let list = Resource::new(|| (), |_| officer_consultations());
    let user = Resource::new(|| (), |_| crate::api::who_am_i());
    view! {
        <Title text=t.officer_title/>
        <div class="wrap page">
            <h1>{t.officer_title}</h1>
            <p>
                <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/beheer/nieuw">{t.new_consultation}</a>" "
                <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/beheer/raden">{t.councils.nav_councils}</a>" "
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let admin = matches!(user.await, Ok(Some(u)) if u.role == crate::domain::role::Role::Admin);
                        admin.then(|| view! {
                            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/beheer/gebruikers">{t.work.users_title}</a>" "
                            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="/beheer/post">{t.privacy.nav_outbox}</a>
                        })
                    })}
                </Suspense>
            </p>
            <h2>{t.officer_consultations}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                        Ok(list) => view! {
                            <ul class="card-list">
                                {list.into_iter().map(|c| view! {
                                    <li class="card">
                                        <h3><a href=format!("/beheer/consultaties/{}", c.slug)>{c.title}</a></h3>
                                        <PeriodNotice period=c.period phase=c.phase/>
                                        <p class="meta">{(t.count_comments)(c.comment_count as usize)}", "{(t.count_without_final)(c.unanswered_count as usize)}</p>
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

/// A plain multipart form: uploading a file works the same with JavaScript on or off.
#[component]
pub fn NewConsultationPage() -> impl IntoView {
    let t = use_messages();
    let echo = echo_resource();
    let user = Resource::new(|| (), |_| crate::api::who_am_i());
    view! {
        <Title text=t.new_consultation/>
        <div class="wrap page narrow">
            <h1>{t.new_consultation}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) if user.role.is_staff() => {}
                        Ok(Some(_)) => return view! { <ErrorView error=crate::domain::error::AppError::Forbidden/> }.into_any(),
                        _ => return view! { <ErrorView error=crate::domain::error::AppError::Unauthorized/> }.into_any(),
                    }
                    let echo = echo.await.unwrap_or_default();
                    view! { <NewConsultationForm echo/> }.into_any()
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn NewConsultationForm(echo: FormEcho) -> impl IntoView {
    let t = use_messages();
    let errors = Signal::stored(echo.errors.clone());
    view! {
        <form id="nieuwe-consultatie" method="post" enctype="multipart/form-data" action=CreateConsultation::url() novalidate="">
            <ErrorSummary errors other=Signal::stored(None)/>
            <TextField id="c-title" name="title" label=t.label_title required=true maxlength=MAX_TITLE_CHARS
                errors=field_errors(errors, "title") value=echo.value("title")/>
            <TextField id="c-slug" name="slug" label=t.label_slug hint=t.hint_slug required=true maxlength=MAX_SLUG_CHARS
                errors=field_errors(errors, "slug") value=echo.value("slug")/>
            <TextField id="c-description" name="description" label=t.label_description multiline=true maxlength=MAX_DESCRIPTION_CHARS
                errors=field_errors(errors, "description") value=echo.value("description")/>
            <TextField id="c-opens" name="opens" label=t.label_opens kind="date" required=true
                errors=field_errors(errors, "opens") value=echo.value("opens")/>
            <TextField id="c-closes" name="closes" label=t.label_closes kind="date" required=true
                errors=field_errors(errors, "closes") value=echo.value("closes")/>
            <StartPhaseField value=echo.value("phase") errors=field_errors(errors, "phase")/>
            <TextField id="c-file" name="file" label=t.label_file hint=t.hint_file kind="file" required=true
                errors=field_errors(errors, "file")/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{t.create_submit}</button>
        </form>
    }
}

#[component]
pub fn OfficerConsultationPage() -> impl IntoView {
    let slug = param("slug");
    let created = query("nieuw");
    let left_out = query("weggelaten");
    let adopted = query("vastgesteld");
    let new_version = query("versie");
    let to_review = query("na-te-kijken");
    let data = Resource::new(move || slug.get(), consultation_dashboard);
    // The process panel is a sibling with its own resources, created here and not inside the
    // dashboard's Suspense: a resource or boundary made while another boundary resolves can miss
    // its server data during hydration, and the page then fails to hydrate.
    view! {
        {loaded_with_echo(data, move |view, echo| {
            let left_out = left_out.get().map(|value| LeftOut::from_query(&value)).unwrap_or_default();
            let imported = new_version.get().and_then(|n| n.parse::<i64>().ok())
                .map(|n| (n, to_review.get().and_then(|r| r.parse::<usize>().ok()).unwrap_or(0)));
            view! { <OfficerConsultation view echo created=created.get().is_some() left_out adopted=adopted.get().is_some() imported/> }
        })}
        <VersionsPanel slug echo=echo_resource()/>
        <ProcessPanel slug echo=echo_resource()/>
    }
}

/// A consultation's overview for staff: progress, the way to the reactions, adoption, phases.
#[component]
fn OfficerConsultation(
    view: DashboardView,
    echo: Option<FormEcho>,
    created: bool,
    left_out: Vec<LeftOut>,
    adopted: bool,
    imported: Option<(i64, usize)>,
) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let base = format!("/beheer/consultaties/{}", view.slug);
    view! {
        <Title text=format!("{} - {}", t.officer_comments, view.title)/>
        <div class="wrap page officer page-continues">
            {created.then(|| view! { <p class="notice" role="status">{t.answer_saved_import}</p> })}
            {imported.map(|(no, review)| view! { <p class="notice" role="status">{(t.versions.imported)(no, review)}</p> })}
            {(!left_out.is_empty()).then(|| view! { <p class="notice notice-warning" role="status">{(t.import_left_out)(&left_out)}</p> })}
            <h1>{view.title.clone()}</h1>
            <nav class="subnav" aria-label=w.subnav_label>
                <ul>
                    <li><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href=format!("{base}/reacties")>{w.reactions_title}" ("{view.total}")"</a></li>
                    <li><a href=format!("{base}/groepen")>{w.groups_title}</a></li>
                    {view.can_read_audit.then(|| view! { <li><a href=format!("{base}/logboek")>{w.audit_title}</a></li> })}
                    <li><a href=format!("/consultaties/{}", view.slug)>{t.view_public_page}</a></li>
                    <li><a href=format!("/consultaties/{}/reactienota", view.slug)>{t.view_report}</a></li>
                </ul>
            </nav>
            <Dashboard view=view.clone()/>
            <AdoptionPanel view=view.clone() echo=echo.clone() just_adopted=adopted/>
        </div>
    }
}

/// The phase a new consultation starts in: concept, advice round or comment period.
#[component]
fn StartPhaseField(value: String, errors: Signal<Vec<crate::domain::error::FieldError>>) -> impl IntoView {
    use crate::domain::phase::Phase;
    let t = use_messages();
    let c = t.councils;
    let value = if value.is_empty() { Phase::Comment.code().to_string() } else { value };
    let options = [Phase::Concept, Phase::Advice, Phase::Comment]
        .into_iter()
        .map(|p| view! { <option value=p.code() selected=value == p.code()>{c.phase(p)}</option> })
        .collect_view();
    view! {
        <SelectField id="c-phase" name="phase" label=c.label_start_phase hint=c.hint_start_phase errors>{options}</SelectField>
    }
}
