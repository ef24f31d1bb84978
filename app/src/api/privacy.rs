//! Residents' mail and privacy: the links in mail (confirm, unsubscribe, erase), the erasure
//! request from the tracking page, the lost-code form, and the admins' outbox.

use crate::domain::error::{AppError, FormOutcome};
use crate::views::*;
use leptos::server;

/// From the tracking page: erase the name and address kept with this reaction. The code proves
/// the reaction; a confirmed address confirms by mail as well. Rate limited like the lookups.
#[server(endpoint = "wissen")]
pub async fn request_erasure(code: String, confirm: Option<String>) -> Result<FormOutcome<ErasureRequested>, AppError> {
    use crate::backend::context::{site_url, state};
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::backend::mail::{ErasureStep, request_erasure as request};
    use crate::backend::ratelimit;
    use crate::domain::error::{FieldError, FieldErrors};
    use crate::domain::tracking::TrackingCode;
    ratelimit::check(ratelimit::Bucket::Lookup).await?;
    let state = state()?;
    // The code travels in a hidden field: a crafted one gets the lookup's message, not an error page.
    let known = match TrackingCode::parse(&code) {
        Some(code) => state.store.comment_id_by_code(code.as_str()).await?.map(|id| (code, id)),
        None => None,
    };
    let outcome = match known {
        None => FormOutcome::Invalid(FieldErrors::single("confirm", FieldError::UnknownTrackingCode)),
        Some(_) if !crate::domain::comment::is_checked(&confirm) => {
            FormOutcome::Invalid(FieldErrors::single("confirm", FieldError::ErasureNotConfirmed))
        }
        Some((code, comment_id)) => match request(&state.store, &state.mailer, &site_url(), comment_id).await? {
            ErasureStep::MailSent => FormOutcome::Done((code, ErasureRequested::MailSent)),
            ErasureStep::Erased | ErasureStep::NothingToErase => FormOutcome::Done((code, ErasureRequested::Erased)),
        },
    };
    finish_plain_form(
        &outcome,
        echo_values([]),
        |(code, done)| match done {
            ErasureRequested::MailSent => format!("/volg/{code}?wissen=mail#gegevens"),
            ErasureRequested::Erased => format!("/volg/{code}?wissen=klaar#gegevens"),
        },
        "gegevens",
    );
    Ok(outcome.map(|(_, done)| done))
}

/// A link from a mail, used with the button on its page (never by opening it: mail scanners open
/// links). `purpose` is `bevestigen`, `afmelden` or `wissen`.
#[server(endpoint = "maillink")]
pub async fn follow_mail_link(purpose: String, token: String) -> Result<FormOutcome<LinkFollowed>, AppError> {
    use crate::backend::context::{site_url, state};
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::backend::ratelimit;
    use crate::domain::error::{FieldError, FieldErrors};
    use crate::domain::mail::{LinkProblem, LinkPurpose};
    ratelimit::check(ratelimit::Bucket::Lookup).await?;
    let purpose = LinkPurpose::parse(&purpose).ok_or(AppError::NotFound)?;
    let state = state()?;
    let outcome = match crate::backend::mail::follow_link(&state.store, &state.mailer, &site_url(), purpose, &token).await? {
        Ok(code) => FormOutcome::Done(LinkFollowed { code }),
        Err(problem) => FormOutcome::Invalid(FieldErrors::single(
            "token",
            match problem {
                LinkProblem::Unknown => FieldError::LinkUnknown,
                LinkProblem::Expired => FieldError::LinkExpired,
                LinkProblem::Used => FieldError::LinkUsed,
            },
        )),
    };
    finish_plain_form(&outcome, echo_values([]), |done| format!("/volg/{}?{}=klaar#gegevens", done.code, purpose.code()), "maillink");
    Ok(outcome)
}

/// The lost-code form: the same answer whether or not the address is known, so it tells nobody
/// who took part. Rate limited per address.
#[server(endpoint = "volgcodes")]
pub async fn resend_codes(email: String) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::context::{request_locale, site_url, state};
    use crate::backend::flash::{echo_capped, finish_plain_form};
    use crate::backend::ratelimit;
    use crate::domain::comment::check_email;
    use crate::domain::error::{FieldError, FieldErrors};
    let typed = email.trim().to_string();
    let outcome = if typed.is_empty() {
        FormOutcome::Invalid(FieldErrors::single("email", FieldError::Required))
    } else if let Err(error) = check_email(&typed) {
        FormOutcome::Invalid(FieldErrors::single("email", error))
    } else {
        match ratelimit::check(ratelimit::Bucket::Recovery).await {
            Ok(()) => {
                let state = state()?;
                crate::backend::mail::queue_codes(&state.store, &state.mailer, &site_url(), &typed, request_locale()).await?;
                FormOutcome::Done(())
            }
            Err(AppError::RateLimited) => FormOutcome::Invalid(FieldErrors::single("email", FieldError::TooManyRequests)),
            Err(error) => return Err(error),
        }
    };
    finish_plain_form(
        &outcome,
        echo_capped([("email", &email, crate::domain::comment::MAX_EMAIL_CHARS)]),
        |_| "/volg/kwijt?verstuurd=1".into(),
        "volgcode-kwijt",
    );
    Ok(outcome)
}

/// Admins: the outbox (what waits or failed, and why) and the record of erasures.
#[server(endpoint = "beheer/post")]
pub async fn get_outbox() -> Result<OutboxView, AppError> {
    use crate::backend::{auth::require, context::state};
    use crate::domain::mail::mask_email;
    use crate::domain::role::Action;
    require(Action::ManageMail).await?;
    let state = state()?;
    let counts = state.store.outbox_counts().await?;
    let unsent = state
        .store
        .outbox_unsent(200)
        .await?
        .into_iter()
        .filter_map(|row| {
            let status = crate::domain::mail::OutboxStatus::parse(&row.status)?;
            Some(OutboxItem {
                id: row.id,
                kind: crate::domain::mail::MailKind::parse(&row.kind)?,
                recipient: row.recipient.as_deref().map(mask_email).unwrap_or_default(),
                status,
                attempts: row.attempts,
                last_error: row.last_error,
                next_attempt: (status == crate::domain::mail::OutboxStatus::Waiting).then(|| {
                    format!("{} {:02}:{:02}", row.next_attempt_at.date(), row.next_attempt_at.hour(), row.next_attempt_at.minute())
                }),
            })
        })
        .collect();
    let erasures = state
        .store
        .erasures(200)
        .await?
        .into_iter()
        .map(|row| ErasureItem {
            on: row.erased_at.date(),
            consultation: row.consultation_title,
            by_request: row.reason == "verzoek",
            reactions: usize::try_from(row.reactions).unwrap_or(0),
        })
        .collect();
    Ok(OutboxView {
        smtp_configured: state.mailer.configured(),
        retention_days: state.mailer.retention_days,
        waiting: counts.waiting,
        sent: counts.sent,
        failed: counts.failed,
        unsent,
        erasures,
    })
}

/// Admins: a failed message goes back in the queue.
#[server(endpoint = "beheer/post/opnieuw")]
pub async fn retry_mail(id: i64) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::backend::{auth::require, context::state};
    use crate::domain::role::Action;
    require(Action::ManageMail).await?;
    let state = state()?;
    if !state.store.retry_mail(id).await? {
        return Err(AppError::NotFound);
    }
    state.mailer.nudge();
    let outcome = FormOutcome::Done(());
    finish_plain_form(&outcome, echo_values([]), |_| "/beheer/post?opnieuw=1".into(), "wachtrij");
    Ok(outcome)
}
