use super::Receipt;
use crate::domain::comment::CommentForm;
use crate::domain::error::{AppError, FormOutcome};
use crate::views::*;
use leptos::server;

/// A resident's comment on one block or on the whole document. Rate limited per address.
#[server(endpoint = "reageer")]
pub async fn submit_comment(form: CommentForm) -> Result<FormOutcome<Receipt>, AppError> {
    use crate::backend::flash::{echo_capped, finish_plain_form};
    use crate::backend::{context, context::state, mail, ratelimit, services};
    use crate::domain::error::{FieldError, FieldErrors};
    // Refused like bad input, so that what the resident wrote comes back with the reason.
    let outcome = match ratelimit::check(ratelimit::Bucket::Comment).await {
        Ok(()) => {
            let state = state()?;
            let outcome = services::submit_comment(&state.store, &form, services::today(), context::request_locale()).await?;
            if let FormOutcome::Done(receipt) = &outcome {
                // The comment is stored; a receipt that cannot be queued is logged, not shown.
                if let Err(error) = mail::queue_receipt(&state.store, &state.mailer, &context::site_url(), receipt.comment_id).await {
                    tracing::error!(%error, "receipt not queued");
                }
            }
            outcome
        }
        Err(AppError::RateLimited) => FormOutcome::Invalid(FieldErrors::single("body", FieldError::TooManyRequests)),
        Err(error) => return Err(error),
    };
    // Whatever was sent, no more is kept than each field accepts.
    let values = {
        use crate::domain::comment::{MAX_COMMENT_CHARS, MAX_EMAIL_CHARS, MAX_NAME_CHARS};
        let choice = |v: &Option<String>| v.clone().unwrap_or_default();
        let (show_name, consent) = (choice(&form.show_name), choice(&form.consent));
        let mut values = echo_capped([
            ("block", &form.block, crate::domain::consultation::MAX_SLUG_CHARS),
            ("body", &form.body, MAX_COMMENT_CHARS),
            ("name", &form.name, MAX_NAME_CHARS),
            ("organisation", &form.organisation, MAX_NAME_CHARS),
            ("email", &form.email, MAX_EMAIL_CHARS),
            ("show_name", &show_name, 8),
            ("consent", &consent, 8),
        ]);
        values.retain(|name, value| !(matches!(name.as_str(), "show_name" | "consent") && value.is_empty()));
        values
    };
    finish_plain_form(&outcome, values, |receipt| format!("/volg/{}?ontvangen=1", receipt.code), "reageer");
    Ok(outcome)
}

/// The tracking page's data. Rate limited so that codes cannot be guessed.
#[server(endpoint = "volg")]
pub async fn track_comment(code: String) -> Result<TrackView, AppError> {
    use crate::backend::{context::state, mail, ratelimit};
    use crate::domain::tracking::TrackingCode;
    ratelimit::check(ratelimit::Bucket::Lookup).await?;
    let code = TrackingCode::parse(&code).ok_or(AppError::NotFound)?;
    let store = state()?.store;
    let row = store.comment_by_code(&code).await?.ok_or(AppError::NotFound)?;
    let privacy = mail::privacy_of(&store, row.comment_id).await?;
    let then_and_now =
        crate::backend::versions::then_and_now(&store, row.consultation_id, row.block_id, row.earlier_version, row.answer_id).await?;
    let answer = match (row.answer_status.as_deref().and_then(crate::domain::status::ProcessingStatus::parse), row.answer_html) {
        (Some(status), Some(html)) => {
            Some(PublicAnswer { status, html, processed_where: row.answer_where, change_reason: row.answer_reason })
        }
        _ => None,
    };
    Ok(TrackView {
        code: code.to_string(),
        consultation_slug: row.consultation_slug,
        consultation_title: row.consultation_title,
        block_anchor: row.block_anchor,
        block_label: row.block_label.map(|text| crate::domain::label::BlockLabel::stored(row.block_label_parts.as_deref(), &text)),
        block_text: row.block_text,
        body: row.body,
        late: row.is_late,
        received_on: row.submitted_at.date(),
        hidden: row.hidden,
        answer,
        privacy,
        then_and_now,
        block_version: row.earlier_version,
    })
}
