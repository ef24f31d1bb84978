//! Interface text. Every string a person reads goes through a `Messages` value; Dutch is the
//! default, English the second language. The words are in Fluent files (`app/texts/{nl,en}/*.ftl`,
//! read through `texts`); `Messages` is their typed face, built once per language, so that code
//! asks for `t.label_body` or `(t.count_comments)(n)` and a message the code needs but the files
//! lack fails a unit test (`texts::tests`). Arrays of labels are as long as their enum's `ALL`, so a
//! new variant without words does not compile.

use crate::domain::document::BlockKind;
use crate::domain::error::FieldError;
use crate::domain::status::{AnswerState, ProcessingStatus};
use crate::t;
use crate::texts::{self, En, Lang, Nl};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim() {
            "nl" => Some(Locale::Nl),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::Nl => &NL,
            Locale::En => &EN,
        }
    }

    pub fn other(self) -> Locale {
        match self {
            Locale::Nl => Locale::En,
            Locale::En => Locale::Nl,
        }
    }
}

/// The name of the cookie that remembers the chosen language.
pub const LOCALE_COOKIE: &str = "taal";

pub struct Messages {
    pub lang_name: &'static str,
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_officer: &'static str,
    pub nav_login: &'static str,
    pub nav_logout: &'static str,
    pub nav_track: &'static str,
    pub switch_language: &'static str,
    pub footer_privacy: &'static str,
    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub home_empty: &'static str,
    pub period_open: fn(&str) -> String,
    pub period_not_yet: fn(&str) -> String,
    pub period_closed: fn(&str) -> String,
    pub period_range: fn(&str, &str) -> String,
    pub toc_title: &'static str,
    pub document_label: &'static str,
    pub count_comments: fn(usize) -> String,
    pub comment_on_block: &'static str,
    pub comment_on_block_sr: fn(&str) -> String,
    pub comment_on_document: &'static str,
    pub comment_form_title: fn(&str) -> String,
    pub comment_form_title_document: &'static str,
    pub label_body: &'static str,
    pub hint_body: fn(usize) -> String,
    pub label_name: &'static str,
    pub label_show_name: &'static str,
    pub label_organisation: &'static str,
    pub hint_organisation: &'static str,
    pub label_email: &'static str,
    pub hint_email: &'static str,
    pub label_consent: &'static str,
    pub privacy_notice: &'static str,
    pub submit_comment: &'static str,
    pub sending: &'static str,
    pub close_form: &'static str,
    pub form_has_errors: &'static str,
    pub receipt_title: &'static str,
    pub receipt_code: &'static str,
    pub receipt_keep: &'static str,
    pub receipt_link: &'static str,
    pub form_closed: &'static str,
    pub late: &'static str,
    pub track_title: &'static str,
    pub track_intro: &'static str,
    pub track_code_label: &'static str,
    pub track_lookup: &'static str,
    pub track_your_comment: &'static str,
    pub track_about: &'static str,
    pub track_received_on: &'static str,
    pub track_status: &'static str,
    pub track_no_answer: &'static str,
    pub track_code_unknown: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub error_title: &'static str,
    pub error_generic: &'static str,
    pub error_forbidden: &'static str,
    pub error_unauthorized: &'static str,
    pub error_rate_limited: &'static str,
    pub login_title: &'static str,
    pub label_login_email: &'static str,
    pub label_password: &'static str,
    pub login_submit: &'static str,
    pub officer_title: &'static str,
    pub officer_consultations: &'static str,
    pub officer_comments: &'static str,
    pub officer_logged_in_as: fn(&str) -> String,
    pub new_consultation: &'static str,
    pub label_title: &'static str,
    pub label_slug: &'static str,
    pub hint_slug: &'static str,
    pub label_description: &'static str,
    pub label_opens: &'static str,
    pub label_closes: &'static str,
    pub label_file: &'static str,
    pub hint_file: &'static str,
    pub create_submit: &'static str,
    pub answer_saved_import: &'static str,
    /// After a Word import: what was left out of the document.
    pub import_left_out: fn(&[crate::domain::document::LeftOut]) -> String,
    pub view_public_page: &'static str,
    pub view_report: &'static str,
    pub count_unanswered: fn(usize) -> String,
    /// Officer pages: comments whose latest answer is not final yet.
    pub count_without_final: fn(usize) -> String,
    pub comments_by_section: &'static str,
    pub no_comments_yet: &'static str,
    pub label_answer: &'static str,
    pub hint_answer: &'static str,
    pub label_status: &'static str,
    pub choose_status: &'static str,
    pub label_processed_where: &'static str,
    pub hint_processed_where: &'static str,
    pub label_state: &'static str,
    pub save_answer: &'static str,
    pub answer_saved: &'static str,
    pub history: &'static str,
    pub revision: fn(i64, &str, &str) -> String,
    pub sender_private: &'static str,
    pub answer_state: fn(AnswerState) -> &'static str,
    pub report_title: &'static str,
    pub report_period: fn(&str, &str) -> String,
    pub report_summary: fn(usize, &str) -> String,
    pub whole_document: &'static str,
    pub front_matter: &'static str,
    pub answer: &'static str,
    pub processed_where: &'static str,
    pub not_yet_answered: &'static str,
    pub anonymous_sender: &'static str,
    pub download_markdown: &'static str,
    pub statuses: fn(ProcessingStatus) -> &'static str,
    pub block_kinds: fn(BlockKind) -> &'static str,
    /// The words of a block's label ("Hoofdstuk 8, alinea 1"); see `render::labels`.
    pub labels: LabelWords,
    pub months: [&'static str; 12],
    pub field_error: fn(FieldError) -> String,
    pub councils: &'static crate::i18n_councils::CouncilMessages,
    pub work: &'static crate::i18n_workbench::WorkMessages,
    pub export: &'static crate::i18n_export::ExportMessages,
    pub outcome: &'static crate::i18n_outcome::OutcomeMessages,
    pub versions: &'static crate::i18n_versions::VersionMessages,
    pub mail: &'static crate::i18n_mail::MailMessages,
    pub privacy: &'static crate::i18n_mail::PrivacyMessages,
}

/// The words of block labels: the section names before a number, and how the parts are joined.
pub struct LabelWords {
    /// Before a chapter's number: "Hoofdstuk 8".
    pub chapter: &'static str,
    /// Before an annex's number: "Bijlage 2".
    pub annex: &'static str,
    /// Before a part's number: "Deel 3".
    pub part: &'static str,
    /// The text before the first heading.
    pub start: &'static str,
    /// A paragraph of a named section: ("5.a", 3) → "5.a, alinea 3".
    pub paragraph_of: fn(&str, u32) -> String,
    /// A paragraph of a document without sections: "Alinea 3".
    pub paragraph: fn(u32) -> String,
    /// "voetnoot 1".
    pub footnote: fn(&str) -> String,
}

impl Messages {
    pub fn status_label(&self, status: ProcessingStatus) -> &'static str {
        (self.statuses)(status)
    }

    pub fn block_kind(&self, kind: BlockKind) -> &'static str {
        (self.block_kinds)(kind)
    }

    /// "15 januari 2027" / "15 January 2027".
    pub fn date(&self, date: time::Date) -> String {
        let month = self.months[usize::from(u8::from(date.month())) - 1];
        format!("{} {} {}", date.day(), month, date.year())
    }
}

/// The Messages of one language, from the text files (see `texts`).
pub fn build<L: Lang>() -> Messages {
    Messages {
        councils: texts::of::<L, _>(&crate::i18n_councils::NL, &crate::i18n_councils::EN),
        work: texts::of::<L, _>(&crate::i18n_workbench::NL, &crate::i18n_workbench::EN),
        export: texts::of::<L, _>(&crate::i18n_export::NL, &crate::i18n_export::EN),
        outcome: texts::of::<L, _>(&crate::i18n_outcome::NL, &crate::i18n_outcome::EN),
        versions: texts::of::<L, _>(&crate::i18n_versions::NL, &crate::i18n_versions::EN),
        mail: texts::of::<L, _>(&crate::i18n_mail::NL, &crate::i18n_mail::EN),
        privacy: texts::of::<L, _>(&crate::i18n_mail::PRIVACY_NL, &crate::i18n_mail::PRIVACY_EN),
        lang_name: t!(L, "lang-name"),
        site_name: t!(L, "site-name"),
        site_tagline: t!(L, "site-tagline"),
        skip_to_content: t!(L, "skip-to-content"),
        nav_label: t!(L, "nav-label"),
        nav_home: t!(L, "nav-home"),
        nav_officer: t!(L, "nav-officer"),
        nav_login: t!(L, "nav-login"),
        nav_logout: t!(L, "nav-logout"),
        nav_track: t!(L, "nav-track"),
        switch_language: t!(L, "switch-language"),
        footer_privacy: t!(L, "footer-privacy"),
        home_title: t!(L, "home-title"),
        home_intro: t!(L, "home-intro"),
        home_empty: t!(L, "home-empty"),
        period_open: |date| t!(L, "period-open", date),
        period_not_yet: |date| t!(L, "period-not-yet", date),
        period_closed: |date| t!(L, "period-closed", date),
        period_range: |from, to| t!(L, "period-range", from, to),
        toc_title: t!(L, "toc-title"),
        document_label: t!(L, "document-label"),
        count_comments: |n| t!(L, "count-comments", n),
        comment_on_block: t!(L, "comment-on-block"),
        comment_on_block_sr: |label| t!(L, "comment-on-block-sr", label),
        comment_on_document: t!(L, "comment-on-document"),
        comment_form_title: |label| t!(L, "comment-form-title", label),
        comment_form_title_document: t!(L, "comment-form-title-document"),
        label_body: t!(L, "label-body"),
        hint_body: |max| t!(L, "hint-body", max),
        label_name: t!(L, "label-name"),
        label_show_name: t!(L, "label-show-name"),
        label_organisation: t!(L, "label-organisation"),
        hint_organisation: t!(L, "hint-organisation"),
        label_email: t!(L, "label-email"),
        hint_email: t!(L, "hint-email"),
        label_consent: t!(L, "label-consent"),
        privacy_notice: t!(L, "privacy-notice"),
        submit_comment: t!(L, "submit-comment"),
        sending: t!(L, "sending"),
        close_form: t!(L, "close-form"),
        form_has_errors: t!(L, "form-has-errors"),
        receipt_title: t!(L, "receipt-title"),
        receipt_code: t!(L, "receipt-code"),
        receipt_keep: t!(L, "receipt-keep"),
        receipt_link: t!(L, "receipt-link"),
        form_closed: t!(L, "form-closed"),
        late: t!(L, "late"),
        track_title: t!(L, "track-title"),
        track_intro: t!(L, "track-intro"),
        track_code_label: t!(L, "track-code-label"),
        track_lookup: t!(L, "track-lookup"),
        track_your_comment: t!(L, "track-your-comment"),
        track_about: t!(L, "track-about"),
        track_received_on: t!(L, "track-received-on"),
        track_status: t!(L, "track-status"),
        track_no_answer: t!(L, "track-no-answer"),
        track_code_unknown: t!(L, "track-code-unknown"),
        not_found_title: t!(L, "not-found-title"),
        not_found_text: t!(L, "not-found-text"),
        error_title: t!(L, "error-title"),
        error_generic: t!(L, "error-generic"),
        error_forbidden: t!(L, "error-forbidden"),
        error_unauthorized: t!(L, "error-unauthorized"),
        error_rate_limited: t!(L, "error-rate-limited"),
        login_title: t!(L, "login-title"),
        label_login_email: t!(L, "label-login-email"),
        label_password: t!(L, "label-password"),
        login_submit: t!(L, "login-submit"),
        officer_title: t!(L, "officer-title"),
        officer_consultations: t!(L, "officer-consultations"),
        officer_comments: t!(L, "officer-comments"),
        officer_logged_in_as: |name| t!(L, "officer-logged-in-as", name),
        new_consultation: t!(L, "new-consultation"),
        label_title: t!(L, "label-title"),
        label_slug: t!(L, "label-slug"),
        hint_slug: t!(L, "hint-slug"),
        label_description: t!(L, "label-description"),
        label_opens: t!(L, "label-opens"),
        label_closes: t!(L, "label-closes"),
        label_file: t!(L, "label-file"),
        hint_file: t!(L, "hint-file"),
        create_submit: t!(L, "create-submit"),
        answer_saved_import: t!(L, "answer-saved-import"),
        import_left_out: |items| {
            let parts = items.iter().map(left_out::<L>).collect::<Vec<_>>().join(", ");
            t!(L, "import-left-out", parts = &parts)
        },
        view_public_page: t!(L, "view-public-page"),
        view_report: t!(L, "view-report"),
        count_unanswered: |n| t!(L, "count-unanswered", n),
        count_without_final: |n| t!(L, "count-without-final", n),
        comments_by_section: t!(L, "comments-by-section"),
        no_comments_yet: t!(L, "no-comments-yet"),
        label_answer: t!(L, "label-answer"),
        hint_answer: t!(L, "hint-answer"),
        label_status: t!(L, "label-status"),
        choose_status: t!(L, "choose-status"),
        label_processed_where: t!(L, "label-processed-where"),
        hint_processed_where: t!(L, "hint-processed-where"),
        label_state: t!(L, "label-state"),
        save_answer: t!(L, "save-answer"),
        answer_saved: t!(L, "answer-saved"),
        history: t!(L, "history"),
        revision: |n, who, when| t!(L, "revision", n, who, when),
        sender_private: t!(L, "sender-private"),
        answer_state: |s| match s {
            AnswerState::Draft => t!(L, "answer-state-draft"),
            AnswerState::Final => t!(L, "answer-state-final"),
        },
        report_title: t!(L, "report-title"),
        report_period: |from, to| t!(L, "report-period", from, to),
        report_summary: |n, parts| if parts.is_empty() { t!(L, "report-summary", n) } else { t!(L, "report-summary-with-parts", n, parts) },
        whole_document: t!(L, "whole-document"),
        front_matter: t!(L, "front-matter"),
        answer: t!(L, "answer"),
        processed_where: t!(L, "processed-where"),
        not_yet_answered: t!(L, "not-yet-answered"),
        anonymous_sender: t!(L, "anonymous-sender"),
        download_markdown: t!(L, "download-markdown"),
        statuses: |v| match v {
            ProcessingStatus::Processed => t!(L, "status-processed"),
            ProcessingStatus::PartlyProcessed => t!(L, "status-partly-processed"),
            ProcessingStatus::NotProcessed => t!(L, "status-not-processed"),
            ProcessingStatus::ImplementationPlan => t!(L, "status-implementation-plan"),
            ProcessingStatus::Noted => t!(L, "status-noted"),
            ProcessingStatus::OutOfScope => t!(L, "status-out-of-scope"),
        },
        block_kinds: |v| match v {
            BlockKind::Paragraph => t!(L, "block-kind-paragraph"),
            BlockKind::List => t!(L, "block-kind-list"),
            BlockKind::Table => t!(L, "block-kind-table"),
            BlockKind::Quote => t!(L, "block-kind-quote"),
            BlockKind::Code => t!(L, "block-kind-code"),
            BlockKind::Footnote => t!(L, "block-kind-footnote"),
        },
        labels: LabelWords {
            chapter: t!(L, "label-chapter"),
            annex: t!(L, "label-annex"),
            part: t!(L, "label-part"),
            start: t!(L, "label-start"),
            paragraph_of: |section, n| t!(L, "label-paragraph-of", section, n),
            paragraph: |n| t!(L, "label-paragraph", n),
            footnote: |label| t!(L, "label-footnote", label),
        },
        months: [
            t!(L, "month-january"),
            t!(L, "month-february"),
            t!(L, "month-march"),
            t!(L, "month-april"),
            t!(L, "month-may"),
            t!(L, "month-june"),
            t!(L, "month-july"),
            t!(L, "month-august"),
            t!(L, "month-september"),
            t!(L, "month-october"),
            t!(L, "month-november"),
            t!(L, "month-december"),
        ],
        field_error: |e| match e {
            FieldError::Required => t!(L, "field-error-required").to_string(),
            FieldError::UnknownTrackingCode => t!(L, "field-error-unknown-tracking-code").to_string(),
            FieldError::TooLong { max } => t!(L, "field-error-too-long", max),
            FieldError::TooShort { min } => t!(L, "field-error-too-short", min),
            FieldError::InvalidEmail => t!(L, "field-error-invalid-email").to_string(),
            FieldError::ConsentRequired => t!(L, "field-error-consent-required").to_string(),
            FieldError::InvalidSlug => t!(L, "field-error-invalid-slug").to_string(),
            FieldError::SlugTaken => t!(L, "field-error-slug-taken").to_string(),
            FieldError::InvalidDate => t!(L, "field-error-invalid-date").to_string(),
            FieldError::ClosesBeforeOpens => t!(L, "field-error-closes-before-opens").to_string(),
            FieldError::UnknownBlock => t!(L, "field-error-unknown-block").to_string(),
            FieldError::InvalidStatus => t!(L, "field-error-invalid-status").to_string(),
            FieldError::NotYetOpen => t!(L, "field-error-not-yet-open").to_string(),
            FieldError::InvalidCredentials => t!(L, "field-error-invalid-credentials").to_string(),
            FieldError::TooManyRequests => t!(L, "field-error-too-many-requests").to_string(),
            FieldError::ImportEmpty => t!(L, "field-error-import-empty").to_string(),
            FieldError::ImportTooLarge { max_mb } => t!(L, "field-error-import-too-large", max_mb),
            FieldError::ImportNotText => t!(L, "field-error-import-not-text").to_string(),
            FieldError::ImportNoContent => t!(L, "field-error-import-no-content").to_string(),
            FieldError::ImportWordNotDocx => t!(L, "field-error-import-word-not-docx").to_string(),
            FieldError::ImportWordEncrypted => t!(L, "field-error-import-word-encrypted").to_string(),
            FieldError::ImportWordOldFormat => t!(L, "field-error-import-word-old-format").to_string(),
            FieldError::ImportWordMacros => t!(L, "field-error-import-word-macros").to_string(),
            FieldError::ImportWordDamaged => t!(L, "field-error-import-word-damaged").to_string(),
            FieldError::UnsupportedFileType => t!(L, "field-error-unsupported-file-type").to_string(),
            FieldError::NotAPdf => t!(L, "field-error-not-a-pdf").to_string(),
            FieldError::NotALogo => t!(L, "field-error-not-a-logo").to_string(),
            FieldError::TooMany { max } => t!(L, "field-error-too-many", max),
            FieldError::InvalidPhase => t!(L, "field-error-invalid-phase").to_string(),
            FieldError::PhaseNotForward => t!(L, "field-error-phase-not-forward").to_string(),
            FieldError::DateBeforePreviousPhase => t!(L, "field-error-date-before-previous-phase").to_string(),
            FieldError::PasswordsDiffer => t!(L, "field-error-passwords-differ").to_string(),
            FieldError::InviteUnknown => t!(L, "field-error-invite-unknown").to_string(),
            FieldError::InviteExpired => t!(L, "field-error-invite-expired").to_string(),
            FieldError::InviteUsed => t!(L, "field-error-invite-used").to_string(),
            FieldError::EmailTaken => t!(L, "field-error-email-taken").to_string(),
            FieldError::CouncilNotAsked => t!(L, "field-error-council-not-asked").to_string(),
            FieldError::AdviceEmpty => t!(L, "field-error-advice-empty").to_string(),
            FieldError::AlreadySubmitted => t!(L, "field-error-already-submitted").to_string(),
            FieldError::AdviceClosed => t!(L, "field-error-advice-closed").to_string(),
            FieldError::ReportWithoutPoints => t!(L, "field-error-report-without-points").to_string(),
            FieldError::NoPointChosen => t!(L, "field-error-no-point-chosen").to_string(),
            FieldError::AnswersNotFinal => t!(L, "field-error-answers-not-final").to_string(),
            FieldError::ChangedMeanwhile => t!(L, "field-error-changed-meanwhile").to_string(),
            FieldError::NotForReview => t!(L, "field-error-not-for-review").to_string(),
            FieldError::OwnAnswer => t!(L, "field-error-own-answer").to_string(),
            FieldError::ReasonRequired => t!(L, "field-error-reason-required").to_string(),
            FieldError::AnswersNotApproved { open } => t!(L, "field-error-answers-not-approved", open),
            FieldError::NothingToAdopt => t!(L, "field-error-nothing-to-adopt").to_string(),
            FieldError::NoReactionsChosen => t!(L, "field-error-no-reactions-chosen").to_string(),
            FieldError::DateInFuture => t!(L, "field-error-date-in-future").to_string(),
            FieldError::InvalidRole => t!(L, "field-error-invalid-role").to_string(),
            FieldError::OwnRole => t!(L, "field-error-own-role").to_string(),
            FieldError::LastAdmin => t!(L, "field-error-last-admin").to_string(),
            FieldError::ErasureNotConfirmed => t!(L, "field-error-erasure-not-confirmed").to_string(),
            FieldError::LinkUnknown => t!(L, "privacy-link-unknown").to_string(),
            FieldError::LinkExpired => t!(L, "privacy-link-expired").to_string(),
            FieldError::LinkUsed => t!(L, "privacy-link-used").to_string(),
            FieldError::CouncilIsDrafting => t!(L, "field-error-council-is-drafting").to_string(),
            FieldError::NotYourMunicipality => t!(L, "field-error-not-your-municipality").to_string(),
        },
    }
}

pub static NL: LazyLock<Messages> = LazyLock::new(build::<Nl>);
pub static EN: LazyLock<Messages> = LazyLock::new(build::<En>);

/// "2 afbeeldingen": how many of one kind the Word import left out.
fn left_out<L: Lang>(item: &crate::domain::document::LeftOut) -> String {
    use crate::domain::document::LeftOutKind as K;
    let n = item.count;
    match item.kind {
        K::Images => t!(L, "left-out-images", n),
        K::Charts => t!(L, "left-out-charts", n),
        K::TextBoxes => t!(L, "left-out-text-boxes", n),
        K::Comments => t!(L, "left-out-comments", n),
        K::TrackedDeletions => t!(L, "left-out-tracked-deletions", n),
        K::Equations => t!(L, "left-out-equations", n),
        K::EmbeddedObjects => t!(L, "left-out-embedded-objects", n),
        K::TableOfContents => t!(L, "left-out-table-of-contents", n),
    }
}

/// "1, 2 en 3": parts in a sentence, the last joined by the language's "and".
pub fn and_list<L: Lang>(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => t!(L, "list-and", first = &rest.join(", "), last = last),
    }
}

/// Point numbers in a sentence: "1, 2 en 3".
pub fn list<L: Lang>(numbers: &[usize]) -> String {
    and_list::<L>(&numbers.iter().map(usize::to_string).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(NL.date(date!(2027 - 01 - 15)), "15 januari 2027");
        assert_eq!(EN.date(date!(2027 - 01 - 15)), "15 January 2027");
    }

    #[test]
    fn statuses_and_kinds_have_words_in_both_languages() {
        assert_eq!(NL.status_label(ProcessingStatus::ImplementationPlan), "meegenomen in uitvoeringsplan");
        assert_eq!(EN.status_label(ProcessingStatus::OutOfScope), "outside the scope");
        assert_eq!(NL.block_kind(BlockKind::Table), "tabel");
        assert_eq!(EN.block_kind(BlockKind::Footnote), "footnote");
    }

    #[test]
    fn locales_parse_and_switch() {
        assert_eq!(Locale::parse("en"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
        assert_eq!(Locale::Nl.other(), Locale::En);
        assert_eq!((NL.period_open)("15 januari 2027"), "Reageren kan tot en met 15 januari 2027.");
    }
}
