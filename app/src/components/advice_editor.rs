//! Writing an advice: the introduction, numbered points about blocks of the document, and the
//! submission that freezes it. Used by council members, and by officers entering an oral advice.
//! Each part is its own small form, so everything works with JavaScript off as well.

use super::fields::{Checkbox, ErrorSummary, FieldMessages, TextField, field_errors, form_feedback};
use crate::api::{
    AddCouncilLetter, AdviceRevisionView, AdviceWorkspaceView, BlockChoice, CouncilLetterView, FormEcho, FoundBlocks, ImportMeetingReport,
    PointView, RemoveAdvicePoint, SaveAdviceIntro, SaveAdvicePoint, SetCouncilLetterPublish, StartAdviceCorrection, SubmitAdvice,
};
use crate::domain::advice::{AdviceStage, MAX_INTRO_CHARS, MAX_LETTER_PDF_BYTES, MAX_POINT_CHARS};
use crate::domain::block_search::MAX_QUERY_CHARS;
use crate::domain::error::{AppError, FieldErrors, FormOutcome};
use crate::platform::use_messages;
use crate::render::labels::{block_label, stored_label};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Bumped after every successful save, so that the page fetches its data again.
#[derive(Clone, Copy)]
pub struct Refresh(pub RwSignal<u32>);

/// After a successful enhanced submission, tell the page to fetch its data again.
pub fn refresh_on_done<T, V>(value: V)
where
    T: Clone + Send + Sync + 'static,
    V: Get<Value = Option<Result<FormOutcome<T>, AppError>>> + Copy + Send + Sync + 'static,
{
    let refresh = use_context::<Refresh>();
    Effect::new(move |_| {
        if let (Some(Ok(FormOutcome::Done(_))), Some(refresh)) = (value.get(), refresh) {
            refresh.0.update(|n| *n += 1);
        }
    });
}

/// The echo of a refused plain form post, if it belongs to the form whose fields start with `prefix`.
fn echo_for(echo: &Option<FormEcho>, key: &str) -> (Option<FormEcho>, FieldErrors) {
    let echo = echo.clone().filter(|e| e.values.contains_key(key));
    let errors = echo.as_ref().map(|e| e.errors.clone()).unwrap_or_default();
    (echo, errors)
}

#[component]
pub fn AdviceEditor(
    workspace: AdviceWorkspaceView,
    echo: Option<FormEcho>,
    selected_block: Option<String>,
    /// Which point form searched for blocks: `new`, or a draft point's id.
    search_for: Option<String>,
) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let w = workspace;
    let keys = (w.consultation_slug.clone(), w.council.slug.clone());
    let writing = w.open && w.stage != AdviceStage::Submitted;
    // Members are told whether they can write; staff see the oral-advice explanation with the draft.
    let notice = (!w.staff).then_some(if w.open { c.advice_open_until_phase } else { c.advice_closed_note });
    let draft_points = w.draft.as_ref().map(|d| d.points.clone()).unwrap_or_default();
    let draft_intro = w.draft.as_ref().map(|d| d.intro.clone()).unwrap_or_default();
    let draft_date = w.draft.as_ref().and_then(|d| d.received_on).map(|d| d.to_string()).unwrap_or_default();
    let blocks = StoredValue::new(w.blocks.clone());
    // The blocks found go to the form that searched.
    let found_for = |form: &str| w.found_blocks.clone().filter(|_| search_for.as_deref() == Some(form));
    let latest = w.submitted.first().cloned();
    let draft_section = writing.then(|| {
        let points = draft_points
            .iter()
            .cloned()
            .map(|point| {
                let found = found_for(&point.id.to_string());
                view! { <DraftPoint point keys=keys.clone() blocks found echo=echo.clone()/> }
            })
            .collect_view();
        let import = (w.staff && draft_points.is_empty()).then(|| view! { <ReportImport keys=keys.clone() echo=echo.clone()/> });
        view! {
            <section class="advice-draft" id="concept" aria-labelledby="concept-titel">
                <h2 id="concept-titel">{c.draft_title}</h2>
                <p class="meta">{if w.staff { c.oral_intro } else { c.draft_visibility }}</p>
                {(w.stage == AdviceStage::Correcting).then(|| view! { <p class="notice">{c.correction_note}</p> })}
                {import}
                <IntroEditor keys=keys.clone() intro=draft_intro date=draft_date staff=w.staff echo=echo.clone()/>
                <section id="punten" aria-labelledby="punten-titel">
                    <h3 id="punten-titel">{c.points_title}</h3>
                    {draft_points.is_empty().then(|| view! { <p>{c.no_points}</p> })}
                    {points}
                </section>
                <NewPoint keys=keys.clone() blocks selected=selected_block.clone() found=found_for("new") echo=echo.clone()/>
                {w.staff.then(|| view! { <CouncilLetterUpload keys=keys.clone() echo=echo.clone()/> })}
                <SubmitAdviceForm keys=keys.clone() echo=echo.clone()/>
            </section>
        }
    });
    let submitted_note = latest.as_ref().filter(|_| w.stage == AdviceStage::Submitted).map(|r| {
        let note = (c.submitted_note)(r.submitted_at.as_deref().unwrap_or_default(), r.submitted_by.as_deref().unwrap_or_default());
        view! {
            <section class="notice" id="ingediend">
                <p>{note}</p>
                {w.open.then(|| view! { <CorrectionForm keys=keys.clone()/> })}
            </section>
        }
    });
    let revisions = (!w.submitted.is_empty()).then(|| {
        let list = w.submitted.iter().cloned().map(|r| view! { <SubmittedRevision revision=r slug=keys.0.clone()/> }).collect_view();
        view! {
            <section class="advice-revisions" aria-labelledby="versies-titel">
                <h2 id="versies-titel">{c.revisions_title}</h2>
                {list}
            </section>
        }
    });
    let letter = w.letter_ready.then(|| {
        view! { <p><a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href=format!("/consultaties/{}/adviezen/{}", keys.0, keys.1)>{c.view_letter}</a></p> }
    });
    view! {
        <p class="meta">{w.council.name.clone()}" · "{t.councils.phase(w.phase)}" · "{c.stage(w.stage)}</p>
        {notice.map(|n| view! { <p class="notice">{n}</p> })}
        {w.council_drafting.then(|| view! { <p class="notice">{c.member_draft_hidden}</p> })}
        {submitted_note}
        {letter}
        {w.council_letter.clone().map(|l| view! { <CouncilLetter letter=l keys=keys.clone()/> })}
        {draft_section}
        {revisions}
    }
}

#[component]
fn IntroEditor(keys: (String, String), intro: String, date: String, staff: bool, echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let action = ServerAction::<SaveAdviceIntro>::new();
    let value = action.value();
    refresh_on_done(value);
    let (echo, echo_errors) = echo_for(&echo, "intro");
    let (errors, failure) = form_feedback(value, echo_errors);
    let intro = echo.as_ref().map(|e| e.value("intro")).unwrap_or(intro);
    let date = echo.as_ref().map(|e| e.value("received_on")).unwrap_or(date);
    view! {
        <ActionForm action=action attr:id="inleiding" attr:class="advice-form" attr:novalidate="">
            <AdviceKeys keys=keys in_form=true/>
            <ErrorSummary errors other=failure/>
            <TextField id="advies-inleiding" name="form[intro]" label=c.label_intro hint=c.hint_intro multiline=true
                maxlength=MAX_INTRO_CHARS errors=field_errors(errors, "intro") value=intro/>
            {staff.then(|| view! {
                <TextField id="advies-datum" name="form[received_on]" label=c.label_received_on hint=c.hint_received_on kind="date"
                    errors=field_errors(errors, "received_on") value=date.clone()/>
            })}
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.save_intro}</button>
        </ActionForm>
    }
}

/// The blocks a point is about: the chosen ones ticked, a search by label or words (a submit
/// button of the point form, so it works as a plain form and keeps what was typed), and the blocks
/// found, to tick. Nothing ticked means the document as a whole.
#[component]
fn BlockPicker(
    id: String,
    blocks: StoredValue<Vec<BlockChoice>>,
    chosen: Vec<String>,
    found: Option<FoundBlocks>,
    errors: Signal<Vec<crate::domain::error::FieldError>>,
) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let invalid = move || !errors.with(|e| e.is_empty());
    let option = |b: &BlockChoice, checked: bool| {
        let box_id = format!("{id}-{}", b.anchor);
        view! {
            <li class="field-checkbox">
                <input type="checkbox" id=box_id.clone() name="form[blocks][]" value=b.anchor.clone() checked=checked/>
                <label for=box_id><strong>{block_label(&b.label, t)}</strong>" — "{b.excerpt.clone()}</label>
            </li>
        }
    };
    let ticked = (!chosen.is_empty()).then(|| {
        let options = blocks
            .with_value(|all| chosen.iter().filter_map(|a| all.iter().find(|b| &b.anchor == a)).map(|b| option(b, true)).collect_view());
        view! { <ul class="block-options">{options}</ul> }
    });
    let query = found.as_ref().map(|f| f.query.clone()).unwrap_or_default();
    let result = found.map(|f| {
        let offered = blocks.with_value(|all| {
            f.anchors
                .iter()
                .filter(|a| !chosen.contains(a))
                .filter_map(|a| all.iter().find(|b| &b.anchor == a))
                .map(|b| option(b, false))
                .collect_view()
        });
        view! {
            <p class="meta" role="status">{(c.blocks_found)(&f.query, f.anchors.len(), f.total)}</p>
            {(f.total > 0).then(|| view! { <ul class="block-options">{offered}</ul> })}
        }
    });
    view! {
        <fieldset class="field block-picker" class:field-invalid=invalid aria-describedby=format!("{id}-hint {id}-error")>
            <legend>{c.label_point_blocks}</legend>
            <p id=format!("{id}-hint") class="field-hint">{c.hint_point_blocks}</p>
            <FieldMessages id=format!("{id}-error") errors/>
            {ticked}
            <div class="block-search">
                <label for=format!("{id}-zoek")>{c.label_block_search}</label>
                <input type="search" id=format!("{id}-zoek") name="form[block_query]" value=query maxlength=MAX_QUERY_CHARS/>
                <button type="submit" name="form[find]" value="1" class="utrecht-button utrecht-button--secondary-action" formnovalidate="">{c.find_blocks}</button>
            </div>
            {result}
        </fieldset>
    }
}

#[component]
fn PointFields(
    prefix: String,
    keys: (String, String),
    point: Option<i64>,
    body: String,
    chosen: Vec<String>,
    blocks: StoredValue<Vec<BlockChoice>>,
    found: Option<FoundBlocks>,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let c = use_messages().councils;
    view! {
        <AdviceKeys keys=keys in_form=true/>
        <input type="hidden" name="form[point]" value=point.map(|p| p.to_string()).unwrap_or_default()/>
        <TextField id=format!("{prefix}-tekst") name="form[body]" label=c.label_point_body hint=c.hint_point_body multiline=true
            required=true maxlength=MAX_POINT_CHARS errors=field_errors(errors, "body") value=body/>
        <BlockPicker id=format!("{prefix}-alineas") blocks chosen found errors=field_errors(errors, "blocks")/>
    }
}

#[component]
fn NewPoint(
    keys: (String, String),
    blocks: StoredValue<Vec<BlockChoice>>,
    selected: Option<String>,
    found: Option<FoundBlocks>,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<SaveAdvicePoint>::new();
    let value = action.value();
    refresh_on_done(value);
    let (echo, echo_errors) = echo_for(&echo, "new-body");
    let (errors, failure) = form_feedback(value, echo_errors);
    let body = echo.as_ref().map(|e| e.value("new-body")).unwrap_or_default();
    let chosen: Vec<String> = match &echo {
        Some(e) => e.value("new-blocks").split_whitespace().map(str::to_string).collect(),
        None => selected.into_iter().collect(),
    };
    view! {
        <ActionForm action=action attr:id="nieuw-punt" attr:class="advice-form" attr:novalidate="" attr:aria-labelledby="nieuw-punt-titel">
            <h3 id="nieuw-punt-titel">{c.new_point}</h3>
            <ErrorSummary errors other=failure/>
            <PointFields prefix="nieuw-punt".into() keys point=None body chosen blocks found errors/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{c.add_point}</button>
        </ActionForm>
    }
}

#[component]
fn DraftPoint(
    point: PointView,
    keys: (String, String),
    blocks: StoredValue<Vec<BlockChoice>>,
    found: Option<FoundBlocks>,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let c = use_messages().councils;
    let id = point.id;
    let action = ServerAction::<SaveAdvicePoint>::new();
    let value = action.value();
    refresh_on_done(value);
    let remove = ServerAction::<RemoveAdvicePoint>::new();
    refresh_on_done(remove.value());
    let (echo, echo_errors) = echo_for(&echo, &format!("{id}-body"));
    let open_edit = echo.is_some();
    let (errors, failure) = form_feedback(value, echo_errors);
    let body = echo.as_ref().map(|e| e.value(&format!("{id}-body"))).unwrap_or_else(|| point.body.clone());
    let chosen: Vec<String> = match &echo {
        Some(e) => e.value(&format!("{id}-blocks")).split_whitespace().map(str::to_string).collect(),
        None => point.blocks.iter().map(|b| b.anchor.clone()).collect(),
    };
    let slug = keys.0.clone();
    let remove_keys = keys.clone();
    view! {
        <article class="advice-point" id=format!("punt-{id}")>
            <PointText point=point.clone() slug/>
            <details class="point-edit" open=open_edit>
                <summary>{c.edit_point}<span class="sr-only">" "{(c.point_number)(point.number)}</span></summary>
                <ActionForm action=action attr:class="advice-form" attr:novalidate="">
                    <ErrorSummary errors other=failure/>
                    <PointFields prefix=format!("punt-{id}") keys point=Some(id) body chosen blocks found errors/>
                    <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.save_point}</button>
                </ActionForm>
                <ActionForm action=remove attr:class="inline-form">
                    <AdviceKeys keys=remove_keys/>
                    <input type="hidden" name="point" value=id.to_string()/>
                    <button type="submit" class="link-button">{c.remove_point}<span class="sr-only">" "{(c.point_number)(point.number)}</span></button>
                </ActionForm>
            </details>
        </article>
    }
}

/// The consultation and council a form is about, as hidden fields (`form[…]` when the server
/// function takes a form struct).
#[component]
pub fn AdviceKeys(keys: (String, String), #[prop(optional)] in_form: bool) -> impl IntoView {
    let (consultation, council) = if in_form { ("form[consultation]", "form[council]") } else { ("consultation", "council") };
    view! {
        <input type="hidden" name=consultation value=keys.0/>
        <input type="hidden" name=council value=keys.1/>
    }
}

/// A point as written: its number, the blocks it is about, and its text.
#[component]
pub fn PointText(point: PointView, slug: String) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let about = if point.blocks.is_empty() {
        view! { <span>{c.whole_document}</span> }.into_any()
    } else {
        point
            .blocks
            .into_iter()
            .map(|b| view! { <a href=format!("/consultaties/{slug}#{}", b.anchor)>{stored_label(&b.label, t)}</a>" " })
            .collect_view()
            .into_any()
    };
    view! {
        <h4>{(c.point_number)(point.number)}</h4>
        <p class="meta">{c.point_about}": "{about}</p>
        <div class="point-body" inner_html=point.body_html></div>
    }
}

/// Staff: the letter the council sent its advice in, with whether it will be published.
#[component]
fn CouncilLetter(letter: CouncilLetterView, keys: (String, String)) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<SetCouncilLetterPublish>::new();
    refresh_on_done(action.value());
    let size = format!("{} kB", letter.size_kb);
    let (status, toggle, value) = if letter.publish {
        (c.council_letter_public, c.letter_publish_off, "nee")
    } else {
        (c.council_letter_private, c.letter_publish_on, "ja")
    };
    view! {
        <section class="council-letter" id="brief" aria-labelledby="brief-titel">
            <h2 id="brief-titel">{c.council_letter_title}</h2>
            <p>
                <a href=letter.url.clone() download="">{letter.file_name.clone()}</a>
                " · "{(c.council_letter_current)(&size, &letter.uploaded_by, &letter.uploaded_at)}
            </p>
            <p class="meta">{status}</p>
            <ActionForm action=action attr:class="inline-form">
                <AdviceKeys keys/>
                <input type="hidden" name="publish" value=value/>
                <button type="submit" class="utrecht-button utrecht-button--secondary-action">{toggle}</button>
            </ActionForm>
        </section>
    }
}

/// Staff: attach the council's letter (a PDF); a plain multipart form.
#[component]
fn CouncilLetterUpload(keys: (String, String), echo: Option<FormEcho>) -> impl IntoView {
    let c = use_messages().councils;
    let (echo, echo_errors) = echo_for(&echo, "letter-publish");
    let errors = Signal::stored(echo_errors);
    let publish = echo.as_ref().is_some_and(|e| e.value("letter-publish") == "on");
    view! {
        <form id="brief-toevoegen" class="advice-form" method="post" enctype="multipart/form-data" action=AddCouncilLetter::url()
            novalidate="" aria-labelledby="brief-toevoegen-titel">
            <h3 id="brief-toevoegen-titel">{c.upload_council_letter}</h3>
            <p class="meta">{c.council_letter_intro}</p>
            <ErrorSummary errors other=Signal::stored(None)/>
            <AdviceKeys keys/>
            <TextField id="brief-bestand" name="file" label=c.label_council_letter
                hint=(c.hint_council_letter)(MAX_LETTER_PDF_BYTES / (1024 * 1024)) kind="file" required=true errors=field_errors(errors, "file")/>
            <Checkbox id="brief-publicatie" name="publish" label=c.label_letter_publish errors=field_errors(errors, "publish") checked=publish/>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.upload_council_letter}</button>
        </form>
    }
}

#[component]
fn SubmitAdviceForm(keys: (String, String), echo: Option<FormEcho>) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<SubmitAdvice>::new();
    let value = action.value();
    refresh_on_done(value);
    let echo_errors = echo.filter(|e| !e.errors.get("submit").is_empty()).map(|e| e.errors).unwrap_or_default();
    let (errors, failure) = form_feedback(value, echo_errors);
    let submit_errors = field_errors(errors, "submit");
    view! {
        <ActionForm action=action attr:id="indienen" attr:class="advice-form submit-form">
            <h3>{c.submit_title}</h3>
            <p>{c.submit_note}</p>
            <ErrorSummary errors other=failure/>
            <FieldMessages id="indienen-error" errors=submit_errors/>
            <AdviceKeys keys=keys/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action" aria-describedby="indienen-error">{c.submit_advice}</button>
        </ActionForm>
    }
}

#[component]
fn CorrectionForm(keys: (String, String)) -> impl IntoView {
    let c = use_messages().councils;
    let action = ServerAction::<StartAdviceCorrection>::new();
    refresh_on_done(action.value());
    view! {
        <ActionForm action=action attr:class="inline-form">
            <AdviceKeys keys=keys/>
            <button type="submit" class="utrecht-button utrecht-button--secondary-action">{c.start_correction}</button>
        </ActionForm>
    }
}

#[component]
fn ReportImport(keys: (String, String), echo: Option<FormEcho>) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let action = ServerAction::<ImportMeetingReport>::new();
    let value = action.value();
    refresh_on_done(value);
    let (echo, echo_errors) = echo_for(&echo, "report");
    let (errors, failure) = form_feedback(value, echo_errors);
    let text = echo.as_ref().map(|e| e.value("report")).unwrap_or_default();
    view! {
        <ActionForm action=action attr:id="verslag" attr:class="advice-form" attr:novalidate="">
            <h3>{c.oral_title}</h3>
            <ErrorSummary errors other=failure/>
            <AdviceKeys keys=keys/>
            <TextField id="verslag-tekst" name="text" label=c.label_report_text hint=c.hint_report_text multiline=true required=true
                errors=field_errors(errors, "report") value=text/>
            <button type="submit" class="utrecht-button utrecht-button--primary-action">{c.import_report}</button>
        </ActionForm>
    }
}

#[component]
pub fn SubmittedRevision(revision: AdviceRevisionView, slug: String) -> impl IntoView {
    let t = use_messages();
    let c = t.councils;
    let note =
        (c.submitted_note)(revision.submitted_at.as_deref().unwrap_or_default(), revision.submitted_by.as_deref().unwrap_or_default());
    let points = revision
        .points
        .into_iter()
        .map(|p| view! { <article class="advice-point"><PointText point=p slug=slug.clone()/></article> })
        .collect_view();
    view! {
        <details class="advice-revision">
            <summary>{(c.revision_label)(revision.revision_no)}" · "{note}</summary>
            {revision.oral.then(|| view! { <p class="badge-oral">{if revision.written { c.written_badge } else { c.oral_badge }}</p> })}
            {revision.received_on.map(|d| view! { <p class="meta">{c.received(revision.oral, revision.written, &t.date(d))}</p> })}
            <div class="letter-intro" inner_html=revision.intro_html></div>
            {points}
        </details>
    }
}
