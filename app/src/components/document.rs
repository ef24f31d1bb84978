//! The document as readers see it: table of contents, sections, and per block the number of
//! comments and the way to comment on it.

use super::comment_form::{CommentForm, CommentTarget};
use crate::api::{BlockView, ConsultationView, FormEcho, SectionView};
use crate::domain::consultation::{CommentPeriod, PeriodPhase};
use crate::domain::document::BlockKind;
use crate::platform::use_messages;
use crate::render::labels::block_label;
use leptos::prelude::*;

/// The anchor used in `?alinea=` for a comment on the document as a whole.
pub const WHOLE_DOCUMENT: &str = "document";

#[component]
pub fn PeriodNotice(period: CommentPeriod, phase: PeriodPhase) -> impl IntoView {
    let t = use_messages();
    let text = match phase {
        PeriodPhase::Open => (t.period_open)(&t.date(period.closes)),
        PeriodPhase::NotYetOpen => (t.period_not_yet)(&t.date(period.opens)),
        PeriodPhase::Closed => (t.period_closed)(&t.date(period.closes)),
    };
    let class = if phase == PeriodPhase::Open { "period period-open" } else { "period period-closed" };
    view! { <p class=class>{text}</p> }
}

#[component]
pub fn TableOfContents(sections: Vec<SectionView>) -> impl IntoView {
    let t = use_messages();
    let items = sections
        .into_iter()
        .filter(|s| !s.heading.is_empty())
        .map(|s| {
            let class = format!("toc-level-{}", s.level.min(3));
            view! { <li class=class><a href=format!("#{}", s.anchor)>{s.heading}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="toc" aria-labelledby="toc-titel">
            <h2 id="toc-titel">{t.toc_title}</h2>
            <ol>{items}</ol>
        </nav>
    }
}

/// The whole document. `selected` is the block whose comment form is open (`?alinea=`).
#[component]
pub fn DocumentText(consultation: ConsultationView, selected: Signal<Option<String>>, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let open = consultation.phase == PeriodPhase::Open && !consultation.is_earlier_version();
    let slug = consultation.slug.clone();
    let advice = consultation.advice_editor.clone();
    let sections = consultation
        .sections
        .into_iter()
        .map(|section| {
            let heading_level = (section.level + 1).min(6);
            let heading = (!section.heading.is_empty()).then(|| section_heading(heading_level, &section.anchor, &section.heading));
            let blocks = section
                .blocks
                .into_iter()
                .map(|block| view! { <DocumentBlock block slug=slug.clone() open advice=advice.clone() selected echo=echo.clone()/> })
                .collect_view();
            view! { <section class="doc-section">{heading}{blocks}</section> }
        })
        .collect_view();
    view! { <article class="document" aria-label=t.document_label>{sections}</article> }
}

fn section_heading(level: u8, anchor: &str, text: &str) -> AnyView {
    let (id, text) = (anchor.to_string(), text.to_string());
    match level {
        2 => view! { <h2 id=id>{text}</h2> }.into_any(),
        3 => view! { <h3 id=id>{text}</h3> }.into_any(),
        4 => view! { <h4 id=id>{text}</h4> }.into_any(),
        5 => view! { <h5 id=id>{text}</h5> }.into_any(),
        _ => view! { <h6 id=id>{text}</h6> }.into_any(),
    }
}

#[component]
fn DocumentBlock(
    block: BlockView,
    slug: String,
    open: bool,
    advice: Option<String>,
    selected: Signal<Option<String>>,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let t = use_messages();
    let label = block_label(&block.label, t);
    let anchor = block.anchor.clone();
    let is_selected = {
        let anchor = anchor.clone();
        move || selected.with(|s| s.as_deref() == Some(anchor.as_str()))
    };
    let target = CommentTarget { anchor: block.anchor.clone(), label: label.clone() };
    let count =
        (block.comment_count > 0).then(|| view! { <span class="comment-count">{(t.count_comments)(block.comment_count as usize)}</span> });
    let link = open.then(|| {
        view! {
            <a class="comment-link" href=format!("?alinea={}#reageer", block.anchor)>
                {t.comment_on_block}<span class="sr-only">{format!(" — {label}")}</span>
            </a>
        }
    });
    // Council members in the advice round start a point of advice on this block.
    let advice_link = advice.map(|editor| {
        view! {
            <a class="comment-link advice-link" href=format!("{editor}?blok={}#nieuw-punt", block.anchor)>
                {t.councils.advice_on_block}<span class="sr-only">{format!(" — {label}")}</span>
            </a>
        }
    });
    let kind_class = format!("block block-{:?}", block.kind).to_lowercase();
    // A wide table scrolls sideways inside its block: keyboard users must be able to reach it.
    let is_table = block.kind == BlockKind::Table;
    view! {
        <div class=kind_class id=anchor data-block=block.anchor.clone()>
            <div class="block-text" inner_html=block.html tabindex=is_table.then_some("0") role=is_table.then_some("region")
                aria-label=is_table.then(|| label.clone())></div>
            <p class="block-meta">
                <a class="block-label" href=format!("#{}", block.anchor)>{label.clone()}</a>
                {count}
                {link}
                {advice_link}
            </p>
            <Show when=is_selected.clone()>
                <CommentForm slug=slug.clone() target=Some(target.clone()) echo=echo.clone()/>
            </Show>
        </div>
    }
    .into_any()
}

/// The link and form for a comment on the document as a whole.
#[component]
pub fn WholeDocumentComment(
    slug: String,
    count: i64,
    open: bool,
    selected: Signal<Option<String>>,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let t = use_messages();
    let is_selected = move || selected.with(|s| s.as_deref() == Some(WHOLE_DOCUMENT));
    view! {
        <div class="whole-document" id="document-als-geheel">
            {(count > 0).then(|| view! { <span class="comment-count">{(t.count_comments)(count as usize)}</span> })}
            {open.then(|| view! { <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href=format!("?alinea={WHOLE_DOCUMENT}#reageer")>{t.comment_on_document}</a> })}
            <Show when=is_selected>
                <CommentForm slug=slug.clone() target=None echo=echo.clone()/>
            </Show>
        </div>
    }
}
