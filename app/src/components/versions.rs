//! Versions of the document as readers see them: the switcher between versions, the notice on an
//! earlier one, a passage before and after, and "Wat is er veranderd".

use crate::api::{ChangedBlock, ChangedSection, ChangesView, VersionItem};
use crate::domain::versions::{ProcessedIn, SpanKind, TextChange};
use crate::platform::use_messages;
use crate::render::labels::block_label;
use leptos::prelude::*;

/// The public address of a version: the current one at the consultation's own address.
pub fn version_href(slug: &str, no: i64, latest: i64) -> String {
    if no == latest { format!("/consultaties/{slug}") } else { format!("/consultaties/{slug}/versies/{no}") }
}

/// A paragraph's address: on the current page, or on the earlier version it belongs to.
pub fn block_href(slug: &str, version: Option<i64>, anchor: &str) -> String {
    match version {
        Some(no) => format!("/consultaties/{slug}/versies/{no}#{anchor}"),
        None => format!("/consultaties/{slug}#{anchor}"),
    }
}

/// "Versie 2: Versie voor inspraak", or "Versie 1" for a version without a name.
pub fn version_title(item: &VersionItem) -> String {
    let v = use_messages().versions;
    match &item.name {
        Some(name) => format!("{}: {name}", (v.version)(item.no)),
        None => (v.version)(item.no),
    }
}

/// " · Wat is er veranderd in versie N?" after a version from the second on.
#[component]
pub fn ChangesLink(slug: String, no: i64) -> impl IntoView {
    let v = use_messages().versions;
    (no > 1).then(|| view! { " · "<a href=format!("/consultaties/{slug}/versies/{no}/wijzigingen")>{(v.changes_link)(no)}</a> })
}

/// Links to every version, the one shown marked; shown only when there are several.
#[component]
pub fn VersionSwitcher(slug: String, versions: Vec<VersionItem>, shown: i64) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let latest = versions.last().map_or(1, |v| v.no);
    (versions.len() > 1).then(|| {
        let items = versions
            .iter()
            .map(|item| {
                let current = item.no == shown;
                let text = version_title(item);
                let date = t.date(item.imported_on);
                let tag = (item.no == latest).then(|| format!(" ({})", v.current));
                let changes = view! { <ChangesLink slug=slug.clone() no=item.no/> };
                view! {
                    <li>
                        <a href=version_href(&slug, item.no, latest) aria-current=current.then_some("page")>{text}</a>
                        " "<span class="meta">{date}{tag}</span>
                        {changes}
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="version-switcher" aria-label=v.switcher_label>
                <h2 class="small-heading">{v.switcher_label}</h2>
                <ul>{items}</ul>
            </nav>
        }
    })
}

/// Said on top of an earlier version: it is not the current text.
#[component]
pub fn EarlierVersionNotice(slug: String, versions: Vec<VersionItem>, shown: i64) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let item = versions.iter().find(|i| i.no == shown).cloned();
    item.map(|item| {
        view! {
            <p class="notice notice-warning" role="note">
                {(v.older_notice)(item.no, &t.date(item.imported_on))}" "
                <a href=format!("/consultaties/{slug}")>{v.to_current}</a>
            </p>
        }
    })
}

/// A passage before and after, words removed struck through and words added underlined; the
/// marks are also said to screen readers.
#[component]
pub fn TextChangeView(change: TextChange) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let spans = change
        .spans
        .into_iter()
        .map(|span| match span.kind {
            SpanKind::Same => view! { <span>{span.text}</span> }.into_any(),
            SpanKind::Removed => view! { <del><span class="sr-only">{v.removed_marker}</span>{span.text}</del> }.into_any(),
            SpanKind::Added => view! { <ins><span class="sr-only">{v.added_marker}</span>{span.text}</ins> }.into_any(),
        })
        .collect_view();
    view! { <p class="text-change">{spans}</p> }
}

/// "Verwerkt in alinea's van versie N": labels or anchors of the latest version's blocks, with
/// suggestions from the page's list of them (`<datalist id="alineas-nieuwe-versie">`).
#[component]
pub fn ProcessedBlocksField(
    form_id: String,
    version: i64,
    value: String,
    errors: Signal<crate::domain::error::FieldErrors>,
) -> impl IntoView {
    let t = use_messages();
    view! {
        <crate::components::fields::TextField id=format!("{form_id}-alineas") name="form[processed_blocks]" label=(t.versions.label_processed)(version)
            hint=t.versions.hint_processed list="alineas-nieuwe-versie"
            errors=crate::components::fields::field_errors(errors, "processed_blocks") value/>
    }
}

/// The latest version's blocks, suggested in "verwerkt in" and "Na te kijken" by their labels in
/// the reader's language (the server reads a label back in either).
#[component]
pub fn BlockSuggestions(choices: Vec<crate::api::BlockChoice>) -> impl IntoView {
    let t = use_messages();
    view! {
        <datalist id="alineas-nieuwe-versie">
            {choices.into_iter().map(|c| view! { <option value=block_label(&c.label, t)>{c.excerpt}</option> }).collect_view()}
        </datalist>
    }
}

/// Where an answer says a reaction was processed, with the change of the passage.
#[component]
pub fn ProcessedInView(places: Vec<ProcessedIn>) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    (!places.is_empty()).then(|| {
        let items = places
            .into_iter()
            .map(|place| {
                view! {
                    <li>
                        <p class="meta">{(v.processed_in)(&block_label(&place.label_parts, t), place.version_no)}</p>
                        <TextChangeView change=place.change/>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="processed-in">{items}</ul> }
    })
}

/// "Wat is er veranderd": every changed block of a version against the one before.
#[component]
pub fn ChangesOverview(view: ChangesView) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let nothing = view.sections.iter().all(|s| s.blocks.is_empty()) && view.removed.is_empty();
    let sections =
        view.sections.into_iter().filter(|s| !s.blocks.is_empty()).map(|section| view! { <ChangedSectionView section/> }).collect_view();
    let removed = (!view.removed.is_empty()).then(|| {
        let blocks = view.removed.into_iter().map(|block| view! { <ChangedBlockView block/> }).collect_view();
        view! {
            <section class="doc-section">
                <h2>{v.removed_title}</h2>
                {blocks}
            </section>
        }
    });
    view! {
        <p class="lead">{(v.changes_intro)(view.from.no, view.to.no)}</p>
        {view.to.note.clone().map(|note| view! { <p>{note}</p> })}
        <p class="meta">{v.legend}</p>
        {nothing.then(|| view! { <p>{v.no_changes}</p> })}
        {sections}
        {removed}
    }
}

#[component]
fn ChangedSectionView(section: ChangedSection) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let heading = if section.heading.is_empty() { t.outcome.whole_document.to_string() } else { section.heading.clone() };
    let title = match section.level {
        1 => view! { <h2 id=section.anchor.clone()>{heading}</h2> }.into_any(),
        _ => view! { <h3 id=section.anchor.clone()>{heading}</h3> }.into_any(),
    };
    let blocks = section.blocks.into_iter().map(|block| view! { <ChangedBlockView block/> }).collect_view();
    view! {
        <section class="doc-section changes-section">
            {title}
            {blocks}
            {(section.unchanged > 0).then(|| view! { <p class="meta">{(v.unchanged)(section.unchanged)}</p> })}
        </section>
    }
}

#[component]
fn ChangedBlockView(block: ChangedBlock) -> impl IntoView {
    let t = use_messages();
    let v = t.versions;
    let was = block.was.iter().map(|l| block_label(l, t)).collect::<Vec<_>>().join(", ");
    let label = block.label.as_ref().map_or_else(|| was.clone(), |l| block_label(l, t));
    let was =
        (!block.was.is_empty() && block.label.as_ref().is_some_and(|l| block.was != [l.clone()])).then(|| format!(" · {} {was}", v.was));
    let led =
        (block.reactions > 0 || block.points > 0).then(|| view! { <p class="led-to">{(v.led_to)(block.reactions, block.points)}</p> });
    view! {
        <article class="changed-block" aria-label=label.clone()>
            <p class="block-meta">
                <strong>{label.clone()}</strong>" · "<span class="change-tag">{v.change(block.change)}</span>{was}
            </p>
            <TextChangeView change=block.diff/>
            {led}
        </article>
    }
}
