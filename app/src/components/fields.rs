//! Form fields with a label, an optional hint and the messages for that field, wired together
//! with `aria-describedby` so that screen readers read all three.

use super::errors::error_text;
use crate::domain::error::{AppError, FieldError, FieldErrors, FormOutcome};
use crate::platform::use_messages;
use leptos::prelude::*;

/// What a form shows after a submission: the errors per field (from the action's result or, before
/// any, from a refused plain form post) and a message for a failure that no field explains.
pub fn form_feedback<T, V>(value: V, echo_errors: FieldErrors) -> (Signal<FieldErrors>, Signal<Option<&'static str>>)
where
    T: Clone + Send + Sync + 'static,
    V: Get<Value = Option<Result<FormOutcome<T>, AppError>>> + Copy + Send + Sync + 'static,
{
    let errors = Signal::derive(move || match value.get() {
        Some(Ok(FormOutcome::Invalid(errors))) => errors,
        None => echo_errors.clone(),
        _ => FieldErrors::default(),
    });
    let failure = Signal::derive(move || match value.get() {
        Some(Err(error)) => Some(error_text(&error)),
        _ => None,
    });
    (errors, failure)
}

/// The messages for one field out of a signal of all of a form's errors.
pub fn field_errors(errors: Signal<FieldErrors>, field: impl Into<String>) -> Signal<Vec<FieldError>> {
    let field: String = field.into();
    Signal::derive(move || errors.with(|e| e.get(&field).to_vec()))
}

/// The messages of one field (or of a form's button), announced when they change.
#[component]
pub fn FieldMessages(#[prop(into)] id: String, errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let t = use_messages();
    view! {
        <div id=id class="field-errors" aria-live="polite">
            {move || errors.get().into_iter().map(|e| view! { <p class="field-error utrecht-form-field-error-message">{(t.field_error)(e)}</p> }).collect_view()}
        </div>
    }
}

fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint { format!("{id}-hint {id}-error") } else { format!("{id}-error") }
}

/// A single-line or multi-line text field.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(optional, into)] value: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The id of a `<datalist>` with suggestions.
    #[prop(optional, into)]
    list: Option<String>,
) -> impl IntoView {
    let invalid = move || if errors.with(|e| e.is_empty()) { "false" } else { "true" };
    let describedby = described_by(&id, hint.is_some());
    let hint_view = hint.map(|h| view! { <p id=format!("{id}-hint") class="field-hint utrecht-form-field-description">{h}</p> });
    let input = if multiline {
        view! {
            <textarea id=id.clone() name=name rows="6" class="utrecht-textarea utrecht-textarea--html-textarea" required=required maxlength=maxlength
                aria-describedby=describedby aria-invalid=invalid>{value}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type=kind class="utrecht-textbox utrecht-textbox--html-input" value=value required=required maxlength=maxlength
                autocomplete=autocomplete aria-describedby=describedby aria-invalid=invalid list=list/>
        }
        .into_any()
    };
    view! {
        <div class="field utrecht-form-field" class:field-invalid=move || invalid() == "true">
            <label for=id.clone() class="utrecht-form-label">{label}</label>
            {hint_view}
            <FieldMessages id=format!("{id}-error") errors/>
            {input}
        </div>
    }
}

/// A list to choose from; the options are the children. `multiple` lets several be chosen.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(optional)] multiple: bool,
    children: Children,
) -> impl IntoView {
    let invalid = move || if errors.with(|e| e.is_empty()) { "false" } else { "true" };
    let describedby = described_by(&id, hint.is_some());
    let hint_view = hint.map(|h| view! { <p id=format!("{id}-hint") class="field-hint utrecht-form-field-description">{h}</p> });
    view! {
        <div class="field utrecht-form-field" class:field-invalid=move || invalid() == "true">
            <label for=id.clone() class="utrecht-form-label">{label}</label>
            {hint_view}
            <FieldMessages id=format!("{id}-error") errors/>
            <select id=id.clone() name=name class="utrecht-select utrecht-select--html-select" multiple=multiple size=multiple.then_some("6") aria-describedby=describedby aria-invalid=invalid>
                {children()}
            </select>
        </div>
    }
}

#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(optional)] checked: bool,
) -> impl IntoView {
    let invalid = move || if errors.with(|e| e.is_empty()) { "false" } else { "true" };
    view! {
        <div class="field field-checkbox utrecht-form-field utrecht-form-field--checkbox" class:field-invalid=move || invalid() == "true">
            <FieldMessages id=format!("{id}-error") errors/>
            <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id=id.clone() name=name value="on" checked=checked
                aria-describedby=format!("{id}-error") aria-invalid=invalid/>
            <label for=id class="utrecht-form-label utrecht-form-label--checkbox">{label}</label>
        </div>
    }
}

/// Says at the top of a form that something needs attention; announced to screen readers.
#[component]
pub fn ErrorSummary(errors: Signal<FieldErrors>, #[prop(into)] other: Signal<Option<&'static str>>) -> impl IntoView {
    let t = use_messages();
    view! {
        <div role="alert" class="form-alert-slot">
            {move || {
                let message = other.get().or_else(|| (!errors.with(|e| e.is_empty())).then_some(t.form_has_errors));
                message.map(|m| view! { <p class="form-alert">{m}</p> })
            }}
        </div>
    }
}
