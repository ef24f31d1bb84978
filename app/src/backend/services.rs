//! Operations shared by server functions and the `inspraak` command line: each checks its input
//! through the domain, then writes through the store.

use super::import::{ImportError, SourceFormat, Upload, import_upload};
use super::store::{ConsultationRow, NewDocument, Store, StoreError};
use crate::domain::comment::{CommentForm, ValidComment};
use crate::domain::consultation::{ConsultationForm, ValidConsultation};
use crate::domain::error::{AppError, FieldError, FieldErrors, FormOutcome};
use crate::domain::report::Report;
use crate::domain::tracking::{CODE_SYMBOLS, TrackingCode};
use crate::views::{ImportSummary, Receipt};
use rand::Rng;

/// A URL-safe random token of `bytes` random bytes, hex-encoded.
pub fn random_token(bytes: usize) -> String {
    let mut rng = rand::rngs::OsRng;
    (0..bytes).map(|_| format!("{:02x}", rng.r#gen::<u8>())).collect()
}

/// What is stored of a secret token: its SHA-256, hex-encoded.
pub fn token_hash(token: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(token.trim().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The invite behind a link, if it can still be used, with its council.
pub async fn usable_invite(
    store: &Store,
    token: &str,
) -> Result<Result<(super::store::InviteRow, super::store::CouncilRow), FieldError>, AppError> {
    use crate::domain::council::{InviteProblem, check_invite};
    let Some(invite) = store.invite_by_hash(&token_hash(token)).await? else { return Ok(Err(FieldError::InviteUnknown)) };
    match check_invite(invite.expires_at, invite.used_at.is_some(), super::store::now()) {
        Err(InviteProblem::Used) => return Ok(Err(FieldError::InviteUsed)),
        Err(InviteProblem::Expired) => return Ok(Err(FieldError::InviteExpired)),
        Ok(()) => {}
    }
    let council = store.council_by_id(invite.council_id).await?.ok_or(AppError::NotFound)?;
    Ok(Ok((invite, council)))
}

pub fn new_tracking_code() -> TrackingCode {
    let mut rng = rand::rngs::OsRng;
    let mut symbols = [0u8; CODE_SYMBOLS];
    for s in &mut symbols {
        *s = rng.gen_range(0..32);
    }
    TrackingCode::from_symbols(symbols)
}

pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

fn import_field_error(error: ImportError) -> FieldError {
    match error {
        ImportError::Empty => FieldError::ImportEmpty,
        ImportError::TooLarge { max_bytes } => FieldError::ImportTooLarge { max_mb: max_bytes / (1024 * 1024) },
        ImportError::NotText => FieldError::ImportNotText,
        ImportError::NoContent => FieldError::ImportNoContent,
        ImportError::WordNotDocx => FieldError::ImportWordNotDocx,
        ImportError::WordEncrypted => FieldError::ImportWordEncrypted,
        ImportError::WordOldFormat => FieldError::ImportWordOldFormat,
        ImportError::WordMacros => FieldError::ImportWordMacros,
        ImportError::WordDamaged => FieldError::ImportWordDamaged,
    }
}

/// Reads an uploaded draft in any format; a problem with the file is added to `errors` under
/// "file". Imported off the async workers: a large file takes a second or so.
pub async fn read_upload(errors: &mut FieldErrors, file_name: &str, bytes: &[u8]) -> Result<Option<Upload>, AppError> {
    Ok(match SourceFormat::from_file_name(file_name) {
        _ if bytes.is_empty() && file_name.is_empty() => {
            errors.add("file", FieldError::Required);
            None
        }
        None => {
            errors.add("file", FieldError::UnsupportedFileType);
            None
        }
        Some(format) => match tokio::task::spawn_blocking({
            let bytes = bytes.to_vec();
            move || import_upload(&bytes, format)
        })
        .await
        .map_err(super::context::internal)?
        {
            Ok(upload) => Some(upload),
            Err(error) => {
                errors.add("file", import_field_error(error));
                None
            }
        },
    })
}

/// Validates the form and the file together, so that every problem is reported at once and
/// nothing is stored unless all is well.
pub async fn create_consultation(
    store: &Store,
    form: &ConsultationForm,
    file_name: &str,
    bytes: &[u8],
    created_by: Option<i64>,
    phase_since: Option<time::Date>,
) -> Result<FormOutcome<ImportSummary>, AppError> {
    let mut errors = FieldErrors::default();
    let consultation = ValidConsultation::try_from(form).map_err(|e| errors.0.extend(e.0)).ok();
    let upload = read_upload(&mut errors, file_name, bytes).await?;
    let (Some(consultation), Some(Upload { document, source_text, markdown, left_out })) = (consultation, upload) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    if !errors.is_empty() {
        return Ok(FormOutcome::Invalid(errors));
    }
    let doc = NewDocument { document: &document, source_text: &source_text, markdown, name: None, change_note: None };
    match store.create_consultation(&consultation, doc, created_by, phase_since).await {
        Ok(_) => Ok(FormOutcome::Done(ImportSummary {
            slug: consultation.slug.as_str().to_string(),
            sections: document.sections.len(),
            blocks: document.blocks.len(),
            left_out,
        })),
        Err(StoreError::Conflict(_)) => Ok(FormOutcome::Invalid(FieldErrors::single("slug", FieldError::SlugTaken))),
        Err(error) => Err(error.into()),
    }
}

/// Stores a resident's comment: refused before the period, marked late after it.
pub async fn submit_comment(
    store: &Store,
    form: &CommentForm,
    today: time::Date,
    locale: crate::i18n::Locale,
) -> Result<FormOutcome<Receipt>, AppError> {
    let consultation = readable_consultation(store, &form.consultation, None).await?;
    let comment = match ValidComment::try_from(form) {
        Ok(comment) => comment,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let lateness = match crate::domain::phase::accept_comment(consultation.phase(), consultation.period(), today) {
        Ok(lateness) => lateness,
        Err(error) => return Ok(FormOutcome::Invalid(FieldErrors::single("body", error))),
    };
    let block_id = match &comment.block_anchor {
        Some(anchor) => match store.block_id_by_anchor(consultation.version_id, anchor).await? {
            Some(id) => Some(id),
            None => return Ok(FormOutcome::Invalid(FieldErrors::single("block", FieldError::UnknownBlock))),
        },
        None => None,
    };
    // A fresh code collides with an existing one about once in 2^50; try again if it does.
    for _ in 0..3 {
        let code = new_tracking_code();
        match store.insert_comment(consultation.id, consultation.version_id, block_id, &comment, &code, lateness).await {
            Ok(comment_id) => {
                if locale != crate::i18n::Locale::default() {
                    store.set_sender_locale(comment_id, locale.code()).await?;
                }
                return Ok(FormOutcome::Done(Receipt {
                    code: code.to_string(),
                    late: lateness == crate::domain::consultation::Lateness::Late,
                    comment_id,
                }));
            }
            Err(StoreError::Conflict(_)) => continue,
            Err(error) => return Err(error.into()),
        }
    }
    Err(super::context::internal("could not draw a unique tracking code"))
}

/// The public timeline of a consultation: its phases and the milestones officers added.
pub async fn timeline(store: &Store, consultation: &ConsultationRow) -> Result<Vec<crate::domain::phase::TimelineEntry>, AppError> {
    use crate::domain::phase::{Phase, timeline};
    use crate::domain::phase::{PhaseState, TimelineEntry};
    let rows = store.phase_changes(consultation.id).await?;
    let changes: Vec<(Phase, time::Date)> = rows.iter().filter_map(|c| Some((Phase::parse(&c.phase)?, c.started_on))).collect();
    let milestones = store.milestones(consultation.id).await?.into_iter().map(|m| (m.happened_on, m.text)).collect();
    let mut entries = timeline(consultation.phase(), &changes, consultation.period(), milestones);
    // With several versions, each phase that ran says which one it ran on.
    if rows.iter().filter_map(|r| r.version_no).max().unwrap_or(1) > 1 {
        for entry in &mut entries {
            if let TimelineEntry::Phase { phase, state: PhaseState::Done | PhaseState::Current, version, .. } = entry {
                *version = rows.iter().rev().find(|r| r.phase == phase.code()).and_then(|r| r.version_no);
            }
        }
    }
    Ok(entries)
}

/// A consultation as `user` (none: the public) may read it: a concept only for staff and the
/// councils asked; for anyone else it does not exist.
pub async fn readable_consultation(store: &Store, slug: &str, user: Option<&super::store::UserRow>) -> Result<ConsultationRow, AppError> {
    let consultation = store.consultation_by_slug(slug.trim()).await?.ok_or(AppError::NotFound)?;
    if crate::domain::phase::is_public(consultation.phase()) {
        return Ok(consultation);
    }
    let asked = match user.filter(|u| u.role() == crate::domain::role::Role::CouncilMember).and_then(|u| u.council_id) {
        Some(council) => store.is_council_asked(consultation.id, council).await?,
        None => false,
    };
    if crate::domain::role::may_read_draft(user.map(|u| u.actor()).as_ref(), asked) { Ok(consultation) } else { Err(AppError::NotFound) }
}

/// The response document of a consultation as the public sees it, from its current version and
/// approved or adopted answers.
pub async fn build_report(store: &Store, slug: &str, user: Option<&super::store::UserRow>) -> Result<(ConsultationRow, Report), AppError> {
    use crate::domain::export::{Audience, ExportOptions};
    let consultation = readable_consultation(store, slug, user).await?;
    let report =
        super::export::report_for(store, &consultation, ExportOptions::default(), Audience::Public, false, &crate::i18n::NL).await?;
    Ok((consultation, report))
}
