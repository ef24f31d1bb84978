//! The officer's side of versions: the card with the versions and the upload of a new one (on the
//! consultation's dashboard), and "Na te kijken".

use super::{loaded_with_echo, param};
use crate::api::{FormEcho, ImportVersion, ReviewItem, ReviewMapping, ReviewView, mapping_review, versions_panel};
use crate::components::errors::ErrorView;
use crate::components::fields::{ErrorSummary, TextField, field_errors};
use crate::components::versions::{BlockSuggestions, ChangesLink, TextChangeView, version_href, version_title};
use crate::domain::versions::{MAX_VERSION_NAME, MAX_VERSION_NOTE};
use crate::platform::use_messages;
use crate::render::labels::block_label;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

/// The versions of the document and the form for a new one: a plain multipart form, so that the
/// upload works the same with JavaScript on or off. Its own resource, a sibling of the dashboard.
#[component]
pub fn VersionsPanel(slug: Memo<String>, echo: Resource<Option<FormEcho>>) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let data = Resource::new(move || slug.get(), versions_panel);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let echo = echo.await.filter(|e| e.values.contains_key("version-name")).unwrap_or_default();
                match data.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(panel) => {
                        let latest = panel.versions.last().map_or(1, |v| v.no);
                        let items = panel.versions.iter().map(|item| {
                            let name = version_title(item);
                            let changes = view! { <ChangesLink slug=panel.slug.clone() no=item.no/> };
                            view! {
                                <li>
                                    <a href=version_href(&panel.slug, item.no, latest)>{name}</a>
                                    " "<span class="meta">{(v.imported_on)(&t.date(item.imported_on))}</span>
                                    {changes}
                                </li>
                            }
                        }).collect_view();
                        let review = (panel.to_review > 0).then(|| view! {
                            <p><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href=format!("/beheer/consultaties/{}/na-te-kijken", panel.slug)>{(v.to_review_link)(panel.to_review)}</a></p>
                        });
                        view! {
                            <div class="wrap">
                                <section class="card versions-panel" aria-labelledby="versies-kop">
                                    <h2 id="versies-kop">{v.panel_title}</h2>
                                    <ol class="version-list">{items}</ol>
                                    {review}
                                    <NewVersionForm slug=panel.slug.clone() echo/>
                                </section>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewVersionForm(slug: String, echo: FormEcho) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let errors = Signal::stored(echo.errors.clone());
    let open = !echo.errors.is_empty();
    view! {
        <details class="new-version" open=open>
            <summary>{v.new_version_title}</summary>
            <form id="nieuwe-versie" method="post" enctype="multipart/form-data" action=ImportVersion::url() novalidate="">
                <input type="hidden" name="consultation" value=slug/>
                <ErrorSummary errors other=Signal::stored(None)/>
                <TextField id="v-name" name="name" label=v.label_name hint=v.hint_name required=true maxlength=MAX_VERSION_NAME
                    errors=field_errors(errors, "name") value=echo.value("version-name")/>
                <TextField id="v-note" name="note" label=v.label_note hint=v.hint_note multiline=true maxlength=MAX_VERSION_NOTE
                    errors=field_errors(errors, "note") value=echo.value("version-note")/>
                <TextField id="v-file" name="file" label=t.label_file hint=t.hint_file kind="file" required=true
                    errors=field_errors(errors, "file")/>
                <button type="submit" class="utrecht-button utrecht-button--primary-action">{v.submit}</button>
            </form>
        </details>
    }
}

/// "Na te kijken": where the reactions and advice points of the previous version went.
#[component]
pub fn MappingReviewPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(move || slug.get(), mapping_review);
    loaded_with_echo(data, |view, echo| view! { <MappingReview view echo/> })
}

#[component]
fn MappingReview(view: ReviewView, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let previous = view.previous.as_ref().map_or(1, |p| p.no);
    let choices = view.choices.clone();
    let items = if view.items.is_empty() {
        view! { <p class="notice" role="status">{v.review_empty}</p> }.into_any()
    } else {
        view.items
            .into_iter()
            .map(|item| view! { <MappingReviewItem item slug=view.slug.clone() echo=echo.clone()/> })
            .collect_view()
            .into_any()
    };
    view! {
        <Title text=format!("{} - {}", v.review_title, view.title)/>
        <div class="wrap page officer">
            <p class="meta"><a href=format!("/beheer/consultaties/{}", view.slug)>{view.title.clone()}</a></p>
            <h1>{v.review_title}</h1>
            <p class="lead">{(v.review_intro)(previous, view.version.no)}</p>
            <BlockSuggestions choices/>
            {items}
        </div>
    }
}

#[component]
fn MappingReviewItem(item: ReviewItem, slug: String, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let key = format!("{}-target", item.block_id);
    let echo = echo.filter(|e| e.values.contains_key(&key));
    let typed = echo.as_ref().map(|e| e.value(&key)).unwrap_or_default();
    let errors = Signal::stored(echo.map(|e| e.errors).unwrap_or_default());
    let label = block_label(&item.label, t);
    let anchor = format!("blok-{}", item.block_id);
    let heading_id = format!("{anchor}-kop");
    let field_id = format!("{anchor}-ander");
    let proposals = if item.proposed.is_empty() {
        view! { <p class="notice notice-warning">{v.no_place}</p> }.into_any()
    } else {
        item.proposed
            .into_iter()
            .map(|place| {
                view! {
                    <div class="proposal">
                        <p><strong>{(v.proposal)(&block_label(&place.label, t), item.confidence)}</strong></p>
                        <TextChangeView change=place.change/>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let has_proposal = item.change != crate::domain::versions::BlockChange::Removed;
    view! {
        <section class="card review-item" id=anchor aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{label.clone()}</h2>
            <p class="meta">{(v.carried)(item.reactions, item.points)}</p>
            <blockquote class="quote">{item.text}</blockquote>
            {proposals}
            <ErrorSummary errors other=Signal::stored(None)/>
            <form method="post" action=ReviewMapping::url() novalidate="">
                <input type="hidden" name="form[consultation]" value=slug.clone()/>
                <input type="hidden" name="form[block]" value=item.block_id.to_string()/>
                <div class="form-actions">
                    {has_proposal.then(|| view! {
                        <button type="submit" class="utrecht-button utrecht-button--primary-action" name="form[decision]" value="bevestigen">
                            {v.confirm}<span class="sr-only">" — "{label.clone()}</span>
                        </button>
                    })}
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action" name="form[decision]" value="vervallen">
                        {v.gone}<span class="sr-only">" — "{label.clone()}</span>
                    </button>
                </div>
            </form>
            <form method="post" action=ReviewMapping::url() novalidate="">
                <input type="hidden" name="form[consultation]" value=slug/>
                <input type="hidden" name="form[block]" value=item.block_id.to_string()/>
                <input type="hidden" name="form[decision]" value="corrigeren"/>
                <TextField id=field_id name="form[target]" label=v.label_other hint=v.hint_other list="alineas-nieuwe-versie"
                    errors=field_errors(errors, "target") value=typed/>
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                    {v.correct}<span class="sr-only">" — "{label.clone()}</span>
                </button>
            </form>
        </section>
    }
}
