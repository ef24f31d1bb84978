//! The officers' workbench pages: the filtered reactions list, a joint answer, grouping
//! suggestions and the audit log.

use super::{loaded, loaded_with_echo, param, query};
use crate::api::{
    AuditView, FormEcho, GroupsView, JointView, ReactionListView, SaveJointAnswer, audit_log, grouping_suggestions, joint_selection,
    reaction_list,
};
use crate::components::answer_form::{AnswerFields, CardContext, ReactionCard, StatusSelect, place_text, sender_line};
use crate::components::errors::ErrorView;
use crate::components::fields::{ErrorSummary, FieldMessages, TextField, field_errors, form_feedback};
use crate::domain::answer::MAX_REASON_CHARS;
use crate::domain::error::FormOutcome;
use crate::domain::grouping::GroupKind;
use crate::domain::review::ReviewState;
use crate::domain::workbench::{MAX_SEARCH_CHARS, ReactionFilter, Sort, StatusFilter, Visibility, sender_code};
use crate::platform::use_messages;
use crate::render::labels::{versioned_heading, versioned_label};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

fn base(slug: &str) -> String {
    format!("/beheer/consultaties/{slug}")
}

/// The page's query string, as a memo, for resources that follow the URL.
fn search() -> Memo<String> {
    let location = use_location();
    Memo::new(move |_| location.search.get())
}

#[component]
pub fn ReactionsPage() -> impl IntoView {
    let slug = param("slug");
    let search = search();
    let joint_saved = query("gezamenlijk");
    let data = Resource::new(move || (slug.get(), search.get()), |(slug, query)| reaction_list(slug, query));
    loaded_with_echo(data, move |view, echo| view! { <ReactionList view echo joint_saved=joint_saved.get().is_some()/> })
}

#[component]
fn ReactionList(view: ReactionListView, echo: Option<FormEcho>, joint_saved: bool) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let context = CardContext { adopted: view.adopted, can_review: view.can_review, selectable: true };
    let cards = view.items.into_iter().map(|c| view! { <ReactionCard comment=c echo=echo.clone() context/> }).collect_view();
    let base = base(&view.slug);
    view! {
        <Title text=format!("{} - {}", w.reactions_title, view.title)/>
        <div class="wrap page officer">
            <p class="breadcrumb"><a href=base.clone()>{view.title.clone()}</a></p>
            <h1>{w.reactions_title}</h1>
            {joint_saved.then(|| view! { <p class="notice" role="status">{w.joint_saved}</p> })}
            <FilterForm filter=view.filter.clone() facets=view.facets block_label=view.block_label.as_ref().map(|l| versioned_label(l, t)) action=format!("{base}/reacties")/>
            <p class="result-count" role="status">{(w.result_count)(view.total)}</p>
            <crate::components::versions::BlockSuggestions choices=view.latest_blocks/>
            <form id="selectie" method="get" action=format!("{base}/gezamenlijk") class="selection-bar">
                <p class="hint">{w.select_hint}</p>
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">{w.answer_jointly}</button>
                " "<a href=format!("{base}/groepen")>{w.groups_link}</a>
            </form>
            {(view.total == 0).then(|| view! { <p>{w.no_results}</p> })}
            <div class="reaction-list">{cards}</div>
            <Pagination filter=view.filter pages=view.pages path=format!("{base}/reacties")/>
        </div>
    }
}

/// A select whose options carry their counts; the first option means "any".
#[component]
fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<(String, String, bool)>,
) -> impl IntoView {
    let options =
        options.into_iter().map(|(value, text, selected)| view! { <option value=value selected=selected>{text}</option> }).collect_view();
    view! {
        <div class="field filter-field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">{any}</option>
                {options}
            </select>
        </div>
    }
}

#[component]
fn FilterForm(filter: ReactionFilter, facets: crate::api::Facets, block_label: Option<String>, action: String) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let counted = |label: &str, n: usize| format!("{label} ({n})");
    let sections = facets
        .sections
        .iter()
        .map(|s| {
            let indent = "\u{2003}".repeat(usize::from(s.level.saturating_sub(1)));
            let heading = versioned_heading(&s.heading, t);
            (s.anchor.clone(), format!("{indent}{}", counted(&heading, s.count)), filter.section.as_deref() == Some(s.anchor.as_str()))
        })
        .collect();
    let statuses = facets
        .status
        .iter()
        .map(|(s, n)| {
            let label = match s {
                StatusFilter::Unanswered => w.not_answered,
                StatusFilter::Is(status) => t.status_label(*status),
            };
            (s.code().to_string(), counted(label, *n), filter.status == Some(*s))
        })
        .collect();
    let states =
        facets.state.iter().map(|(s, n)| (s.code().to_string(), counted(w.state_label(*s), *n), filter.state == Some(*s))).collect();
    let senders = facets
        .sender
        .iter()
        .map(|(k, n)| (sender_code(*k).to_string(), counted(w.sender_kind(*k), *n), filter.sender == Some(*k)))
        .collect();
    let timings = facets.timing.iter().map(|(k, n)| (k.code().to_string(), counted(w.timing(*k), *n), filter.timing == Some(*k))).collect();
    let sorts =
        Sort::ALL.into_iter().map(|s| view! { <option value=s.code() selected=filter.sort == s>{w.sort_label(s)}</option> }).collect_view();
    let block = filter.block.clone().map(|anchor| {
        let label = block_label.clone().unwrap_or_else(|| t.whole_document.to_string());
        view! {
            <input type="hidden" name="blok" value=anchor/>
            <p class="active-filter">{w.filter_block}": "<strong>{label}</strong></p>
        }
    });
    let narrows = filter.narrows();
    view! {
        <form method="get" action=action.clone() class="filters" role="search" aria-label=w.filters_title>
            <h2 class="sr-only">{w.filters_title}</h2>
            {block}
            <div class="field filter-field filter-search">
                <label for="filter-q">{w.label_search}</label>
                <input type="search" id="filter-q" name="q" value=filter.text.clone() maxlength=MAX_SEARCH_CHARS/>
            </div>
            <FilterSelect id="filter-sectie" name="sectie" label=w.label_section any=w.any_section options=sections/>
            <FilterSelect id="filter-status" name="status" label=t.label_status any=w.any_status options=statuses/>
            <FilterSelect id="filter-staat" name="staat" label=w.label_answer_state any=w.any_state options=states/>
            <FilterSelect id="filter-afzender" name="afzender" label=w.label_sender any=w.any_sender options=senders/>
            <FilterSelect id="filter-tijdig" name="tijdig" label=w.label_timing any=w.any_timing options=timings/>
            <div class="field filter-field">
                <label for="filter-volgorde">{w.label_sort}</label>
                <select id="filter-volgorde" name="volgorde">{sorts}</select>
            </div>
            <p class="checkbox filter-field">
                <input type="checkbox" id="filter-verborgen" name="verborgen" value="ja" checked=filter.visibility == Visibility::Hidden/>
                <label for="filter-verborgen">{counted(w.only_hidden, facets.hidden)}</label>
            </p>
            <div class="form-actions">
                <button type="submit" class="utrecht-button utrecht-button--primary-action">{w.apply_filters}</button>
                {narrows.then(|| view! { <a href=action.clone()>{w.clear_filters}</a> })}
            </div>
        </form>
    }
}

#[component]
fn Pagination(filter: ReactionFilter, pages: usize, path: String) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let current = filter.page.min(pages);
    let link = move |page: usize| {
        let query = filter.with_page(page).to_query();
        if query.is_empty() { path.clone() } else { format!("{path}?{query}") }
    };
    // First, last, and two either side of the current page.
    let shown: Vec<usize> = (1..=pages).filter(|p| *p == 1 || *p == pages || p.abs_diff(current) <= 2).collect();
    let mut items = Vec::new();
    let mut previous = 0;
    for page in shown {
        if page > previous + 1 {
            items.push(view! { <li class="gap" aria-hidden="true">"…"</li> }.into_any());
        }
        let item = if page == current {
            view! { <li><a href=link(page) aria-current="page">{page}</a></li> }.into_any()
        } else {
            view! { <li><a href=link(page)><span class="sr-only">{w.page}" "</span>{page}</a></li> }.into_any()
        };
        items.push(item);
        previous = page;
    }
    (pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=w.pagination>
                <ul>
                    {(current > 1).then(|| view! { <li><a href=link(current - 1) rel="prev">{w.previous_page}</a></li> })}
                    {items}
                    {(current < pages).then(|| view! { <li><a href=link(current + 1) rel="next">{w.next_page}</a></li> })}
                </ul>
            </nav>
        }
    })
}

#[component]
pub fn JointAnswerPage() -> impl IntoView {
    let slug = param("slug");
    let search = search();
    let data = Resource::new(move || (slug.get(), search.get()), |(slug, query)| joint_selection(slug, query));
    loaded_with_echo(data, |view, echo| view! { <JointAnswer view echo/> })
}

#[component]
fn JointAnswer(view: JointView, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let action = ServerAction::<SaveJointAnswer>::new();
    let value = action.value();
    let echo = echo.filter(|e| e.values.contains_key("body"));
    let typed = |field: &str| echo.as_ref().map(|e| e.value(field));
    let (errors, failure) = form_feedback(value, echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default());
    let done = move || matches!(value.get(), Some(Ok(FormOutcome::Done(_))));
    let base = base(&view.slug);
    let count = view.items.len();
    let first = view.items.first().and_then(|c| c.current().cloned());
    let body = typed("body").or_else(|| first.as_ref().map(|r| r.body_markdown.clone())).unwrap_or_default();
    let place = typed("processed_where").or_else(|| first.as_ref().and_then(|r| r.processed_where.clone())).unwrap_or_default();
    let state = typed("state").unwrap_or_else(|| ReviewState::Draft.code().into());
    let reason = typed("reason").unwrap_or_default();
    let states = [ReviewState::Draft, ReviewState::ForReview].into_iter().map(|s| (s.code(), w.save_as(s))).collect();
    let rows = view
        .items
        .iter()
        .map(|c| {
            let id = c.id;
            let current = c.current();
            let status = typed(&format!("status-{id}"))
                .or_else(|| current.and_then(|r| r.status).map(|s| s.code().to_string()))
                .unwrap_or_default();
            view! {
                <li class="joint-item">
                    <p><strong>{(w.reaction_no)(id)}" · "{sender_line(c, t)}</strong>" · "{place_text(c.place.as_ref(), t)}
                        {current.map(|r| view! { " · " <span class="badge-state">{w.state_label(r.state)}</span> })}
                    </p>
                    <blockquote class="comment-body">{crate::domain::report::shorten(&c.body, 600)}</blockquote>
                    <input type="hidden" name=format!("form[revisions][{id}]") value=current.map(|r| r.revision_no.to_string()).unwrap_or_default()/>
                    <StatusSelect id=format!("gezamenlijk-status-{id}") name=format!("form[statuses][{id}]") current=status errors=field_errors(errors, format!("status-{id}"))/>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} - {}", w.joint_title, view.title)/>
        <div class="wrap page officer narrow">
            <p class="breadcrumb"><a href=base.clone()>{view.title.clone()}</a>" › "<a href=format!("{base}/reacties")>{w.reactions_title}</a></p>
            <h1>{(w.joint_heading)(count)}</h1>
            <p>{w.joint_intro}</p>
            <Show when=done>
                <p class="notice" role="status">{w.joint_saved}" "<a href=format!("{base}/reacties")>{w.back_to_list}</a></p>
            </Show>
            <ActionForm action=action attr:id="gezamenlijk" attr:class="answer-form" attr:novalidate="">
                <input type="hidden" name="form[slug]" value=view.slug.clone()/>
                <ErrorSummary errors other=failure/>
                <FieldMessages id="gezamenlijk-reacties-error" errors=field_errors(errors, "reactions")/>
                <ol class="joint-list">{rows}</ol>
                <AnswerFields form_id="gezamenlijk".into() body place state states errors/>
                {view.adopted.then(|| view! {
                    <TextField id="gezamenlijk-reden" name="form[reason]" label=w.label_reason hint=w.hint_reason required=true
                        maxlength=MAX_REASON_CHARS errors=field_errors(errors, "reason") value=reason/>
                })}
                <button type="submit" class="utrecht-button utrecht-button--primary-action" disabled=move || action.pending().get()>{w.save_joint}</button>
            </ActionForm>
        </div>
    }
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let slug = param("slug");
    loaded(Resource::new(move || slug.get(), grouping_suggestions), |view| view! { <Groups view/> })
}

#[component]
fn Groups(view: GroupsView) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let base = base(&view.slug);
    let groups = view
        .groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let n = i + 1;
            let kind = match g.kind {
                GroupKind::NearDuplicate => w.group_near_duplicate,
                GroupKind::SameBlock => w.group_same_block,
            };
            let items = g
                .items
                .into_iter()
                .map(|item| {
                    let box_id = format!("groep-{n}-{}", item.id);
                    view! {
                        <li class="checkbox group-item">
                            <input type="checkbox" id=box_id.clone() name="r" value=item.id.to_string() checked=true/>
                            <label for=box_id>
                                <strong>{(w.reaction_no)(item.id)}</strong>" · "{place_text(item.place.as_ref(), t)}
                                {item.state.map(|s| view! { " · " {w.state_label(s)} })}
                                <span class="excerpt">{item.excerpt}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="group" aria-labelledby=format!("groep-{n}")>
                    <h2 id=format!("groep-{n}")>{(w.group_heading)(n, kind, g.similarity)}</h2>
                    <form method="get" action=format!("{base}/gezamenlijk")>
                        <ul class="plain">{items}</ul>
                        <button type="submit" class="utrecht-button utrecht-button--secondary-action">{w.answer_jointly}<span class="sr-only">" "{(w.group_no)(n)}</span></button>
                    </form>
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} - {}", w.groups_title, view.title)/>
        <div class="wrap page officer">
            <p class="breadcrumb"><a href=base.clone()>{view.title.clone()}</a>" › "<a href=format!("{base}/reacties")>{w.reactions_title}</a></p>
            <h1>{w.groups_title}</h1>
            <p>{(w.groups_intro)(view.reactions)}</p>
            {groups}
        </div>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let slug = param("slug");
    let page = query("pagina");
    let data =
        Resource::new(move || (slug.get(), page.get()), |(slug, page)| audit_log(slug, page.and_then(|p| p.parse().ok()).unwrap_or(1)));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                    Ok(view) => view! { <Audit view/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Audit(view: AuditView) -> impl IntoView {
    let t = use_messages();
    let w = t.work;
    let base = base(&view.slug);
    let rows = view
        .entries
        .into_iter()
        .map(|e| {
            view! {
                <tr>
                    <td>{e.at}</td>
                    <td>{e.actor}</td>
                    <td>{e.reaction.map(|id| (w.reaction_no)(id)).unwrap_or_default()}</td>
                    <td>{w.audit_field(&e.field)}</td>
                    <td class="audit-value">{e.before.unwrap_or_default()}</td>
                    <td class="audit-value">{e.after.unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let older = (view.page < view.pages).then(|| view! { <a href=format!("{base}/logboek?pagina={}", view.page + 1)>{w.next_page}</a> });
    view! {
        <Title text=format!("{} - {}", w.audit_title, view.title)/>
        <div class="wrap page officer">
            <p class="breadcrumb"><a href=base.clone()>{view.title.clone()}</a></p>
            <h1>{w.audit_title}</h1>
            <p>{(w.audit_intro)(view.total)}</p>
            <div class="table-scroll">
                <table class="audit">
                    <caption class="sr-only">{w.audit_title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{w.audit_when}</th>
                            <th scope="col">{w.audit_who}</th>
                            <th scope="col">{w.audit_reaction}</th>
                            <th scope="col">{w.audit_what}</th>
                            <th scope="col">{w.audit_before}</th>
                            <th scope="col">{w.audit_after}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {older}
        </div>
    }
}
