//! The one error type that crosses the wire between server functions and the interface.
//! Internal causes are logged where they happen and never sent to the browser.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Field name → problems (each worded for the reader by the interface, at display time).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub BTreeMap<String, Vec<FieldError>>);

/// A validation problem with one field; the interface turns it into a Dutch or English sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldError {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    InvalidEmail,
    ConsentRequired,
    InvalidSlug,
    SlugTaken,
    InvalidDate,
    ClosesBeforeOpens,
    UnknownBlock,
    InvalidStatus,
    NotYetOpen,
    InvalidCredentials,
    /// Not the shape of a tracking code, or no reaction has it.
    UnknownTrackingCode,
    /// Too many submissions from one address in a short time; the input is kept.
    TooManyRequests,
    ImportEmpty,
    ImportTooLarge {
        max_mb: usize,
    },
    ImportNotText,
    ImportNoContent,
    /// A `.docx` that is not a zip package (renamed or damaged).
    ImportWordNotDocx,
    /// A password-protected Word document.
    ImportWordEncrypted,
    /// A Word 97-2003 `.doc`.
    ImportWordOldFormat,
    /// A macro-enabled document (`.docm`).
    ImportWordMacros,
    /// A Word package whose parts could not be read.
    ImportWordDamaged,
    UnsupportedFileType,
    /// An attachment that must be a PDF is not one.
    NotAPdf,
    /// A logo that is not a PNG or JPEG image.
    NotALogo,
    TooMany {
        max: usize,
    },
    InvalidPhase,
    /// A consultation only moves forward.
    PhaseNotForward,
    DateBeforePreviousPhase,
    PasswordsDiffer,
    InviteUnknown,
    InviteExpired,
    InviteUsed,
    EmailTaken,
    /// The council was not asked for advice on this consultation.
    CouncilNotAsked,
    AdviceEmpty,
    AlreadySubmitted,
    /// Not in the advice round (or, for an oral advice, past processing).
    AdviceClosed,
    ReportWithoutPoints,
    NoPointChosen,
    /// Not every point has a final answer yet.
    AnswersNotFinal,
    /// Staff cannot enter an oral advice while the council writes its own draft.
    CouncilIsDrafting,
    /// This officer answers another municipality's councils.
    NotYourMunicipality,
    /// Someone saved this answer since the form was opened.
    ChangedMeanwhile,
    /// The answer is not (or no longer) waiting for review.
    NotForReview,
    /// Four eyes: a reviewer does not approve their own answer.
    OwnAnswer,
    /// The college adopted the answers: a change says why.
    ReasonRequired,
    /// Not every reaction has an approved answer yet.
    AnswersNotApproved {
        open: usize,
    },
    NothingToAdopt,
    NoReactionsChosen,
    DateInFuture,
    InvalidRole,
    OwnRole,
    LastAdmin,
    /// Erasing personal data is asked for with a tick, so that it is never done by a slip.
    ErasureNotConfirmed,
    /// A link from a mail that the system does not know (mistyped or cut off).
    LinkUnknown,
    LinkExpired,
    LinkUsed,
}

impl FieldErrors {
    pub fn add(&mut self, field: &str, error: FieldError) {
        self.0.entry(field.to_string()).or_default().push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds every error of `other`, once: the same refusal for several reactions shows once.
    pub fn merge(&mut self, other: FieldErrors) {
        for (field, errors) in other.0 {
            let list = self.0.entry(field).or_default();
            for error in errors {
                if !list.contains(&error) {
                    list.push(error);
                }
            }
        }
    }

    pub fn get(&self, field: &str) -> &[FieldError] {
        self.0.get(field).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn single(field: &str, error: FieldError) -> Self {
        let mut errors = Self::default();
        errors.add(field, error);
        errors
    }

    /// `Ok(())` when nothing was added, so validation can end with `errors.into_result()?`.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// What a request can fail with, as the user should understand it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("not logged in")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("too many requests")]
    RateLimited,
    #[error("invalid input")]
    Validation(FieldErrors),
    /// Details were logged on the server; the browser only learns that something went wrong.
    #[error("internal error")]
    Internal,
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Validation(errors)
    }
}

/// The result of a form submission: done, or refused with messages per field. Validation
/// refusals are an ordinary outcome (not an error) so that the no-JavaScript path can send the
/// user back to the form with what they typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormOutcome<T> {
    Done(T),
    Invalid(FieldErrors),
}

impl<T> FormOutcome<T> {
    pub fn errors(&self) -> Option<&FieldErrors> {
        match self {
            FormOutcome::Invalid(errors) => Some(errors),
            FormOutcome::Done(_) => None,
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> FormOutcome<U> {
        match self {
            FormOutcome::Done(value) => FormOutcome::Done(f(value)),
            FormOutcome::Invalid(errors) => FormOutcome::Invalid(errors),
        }
    }
}
