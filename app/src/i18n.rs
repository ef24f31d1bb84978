//! Interface text. Every string a person reads goes through a `Messages` value; Dutch is the
//! default, English the second language. A struct (not a map) so that a missing translation is a
//! compile error, without pulling an ICU runtime into the browser bundle.

use crate::domain::document::BlockKind;
use crate::domain::error::FieldError;
use crate::domain::status::{AnswerState, ProcessingStatus};
use crate::i18n_mail::{PRIVACY_EN, PRIVACY_NL};
use serde::{Deserialize, Serialize};

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
    pub statuses: [&'static str; 6],
    pub block_kinds: [&'static str; 6],
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
        let index = ProcessingStatus::ALL.iter().position(|s| *s == status).unwrap_or(0);
        self.statuses[index]
    }

    pub fn block_kind(&self, kind: BlockKind) -> &'static str {
        self.block_kinds[kind as usize]
    }

    /// "15 januari 2027" / "15 January 2027".
    pub fn date(&self, date: time::Date) -> String {
        let month = self.months[usize::from(u8::from(date.month())) - 1];
        format!("{} {} {}", date.day(), month, date.year())
    }
}

pub const NL: Messages = Messages {
    councils: &crate::i18n_councils::NL,
    work: &crate::i18n_workbench::NL,
    export: &crate::i18n_export::NL,
    outcome: &crate::i18n_outcome::NL,
    versions: &crate::i18n_versions::NL,
    mail: &crate::i18n_mail::NL,
    privacy: &crate::i18n_mail::PRIVACY_NL,
    lang_name: "Nederlands",
    site_name: "Inspraak",
    site_tagline: "Reageer op beleid in wording en volg wat ermee gebeurt",
    skip_to_content: "Naar de inhoud",
    nav_label: "Hoofdmenu",
    nav_home: "Consultaties",
    nav_officer: "Beheer",
    nav_login: "Inloggen",
    nav_logout: "Uitloggen",
    nav_track: "Volg uw reactie",
    switch_language: "English",
    footer_privacy: "Namen en e-mailadressen van inwoners worden nooit gepubliceerd en op verzoek verwijderd.",
    home_title: "Consultaties",
    home_intro: "Hier leest u conceptbeleid en geeft u per alinea uw reactie. Elke reactie krijgt een antwoord.",
    home_empty: "Er zijn nog geen consultaties.",
    period_open: |d| format!("Reageren kan tot en met {d}."),
    period_not_yet: |d| format!("Reageren kan vanaf {d}."),
    period_closed: |d| format!("De reactietermijn is gesloten sinds {d}."),
    period_range: |a, b| format!("{a} tot en met {b}"),
    toc_title: "Inhoudsopgave",
    document_label: "Tekst van het document",
    count_comments: |n| if n == 1 { "1 reactie".into() } else { format!("{n} reacties") },
    comment_on_block: "Reageer",
    comment_on_block_sr: |label| format!("Reageer op {label}"),
    comment_on_document: "Reageer op het document als geheel",
    comment_form_title: |label| format!("Uw reactie op {label}"),
    comment_form_title_document: "Uw reactie op het document als geheel",
    label_body: "Uw reactie",
    hint_body: |max| format!("Verplicht. Maximaal {max} tekens."),
    label_name: "Naam (niet verplicht)",
    label_show_name: "Mijn naam mag in de reactienota staan",
    label_organisation: "Reageert u namens een organisatie? Naam van de organisatie (niet verplicht)",
    hint_organisation: "Organisaties worden in de reactienota met naam genoemd.",
    label_email: "E-mailadres (niet verplicht)",
    hint_email: "Alleen om u te laten weten wat er met uw reactie is gedaan. Wordt nooit gepubliceerd.",
    label_consent: "Ik geef toestemming om mijn naam en e-mailadres te gebruiken voor de verwerking van mijn reactie.",
    privacy_notice: "Uw naam en e-mailadres worden apart bewaard, nooit gepubliceerd (tenzij u dat voor uw naam aangeeft) en op verzoek verwijderd.",
    submit_comment: "Verstuur reactie",
    sending: "Bezig met versturen…",
    close_form: "Sluiten",
    form_has_errors: "Controleer de velden met een melding.",
    receipt_title: "Bedankt, uw reactie is ontvangen",
    receipt_code: "Uw volgcode",
    receipt_keep: "Bewaar deze code. Hiermee ziet u later wat er met uw reactie is gedaan.",
    receipt_link: "Bekijk uw reactie en het antwoord",
    form_closed: "U kunt nu niet reageren op dit document.",
    late: "na de termijn ontvangen",
    track_title: "Volg uw reactie",
    track_intro: "Vul de volgcode in die u kreeg na het versturen van uw reactie.",
    track_code_label: "Volgcode",
    track_lookup: "Zoek op",
    track_your_comment: "Uw reactie",
    track_about: "Over",
    track_received_on: "Ontvangen op",
    track_status: "Status",
    track_no_answer: "Er is nog geen antwoord. Zodra het antwoord definitief is, leest u het hier.",
    track_code_unknown: "Deze volgcode kennen we niet. Controleer de code en probeer het opnieuw.",
    not_found_title: "Pagina niet gevonden",
    not_found_text: "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de lijst met consultaties.",
    error_title: "Er ging iets mis",
    error_generic: "Er ging iets mis aan onze kant. Uw invoer is niet verloren; probeer het zo opnieuw.",
    error_forbidden: "U heeft geen toegang tot deze pagina.",
    error_unauthorized: "Log in om verder te gaan.",
    error_rate_limited: "U heeft te veel verzoeken kort na elkaar gedaan. Wacht een minuut en probeer het opnieuw.",
    login_title: "Inloggen voor medewerkers",
    label_login_email: "E-mailadres",
    label_password: "Wachtwoord",
    login_submit: "Inloggen",
    officer_title: "Beheer",
    officer_consultations: "Consultaties",
    officer_comments: "Reacties",
    officer_logged_in_as: |name| format!("Ingelogd als {name}"),
    new_consultation: "Nieuwe consultatie",
    label_title: "Titel",
    label_slug: "Korte naam in het webadres",
    hint_slug: "Kleine letters, cijfers en streepjes, bijvoorbeeld regiovisie-2027.",
    label_description: "Toelichting (niet verplicht)",
    label_opens: "Reageren kan vanaf",
    label_closes: "Reageren kan tot en met",
    label_file: "Conceptdocument",
    hint_file: "Word (.docx, maximaal 20 MB), Markdown (.md) of platte tekst (.txt, maximaal 5 MB).",
    create_submit: "Consultatie aanmaken",
    answer_saved_import: "De consultatie is aangemaakt en het document is ingelezen.",
    import_left_out: |items| {
        use crate::domain::document::LeftOutKind as K;
        let parts = counted(items, |kind| match kind {
            K::Images => ("afbeelding", "afbeeldingen"),
            K::Charts => ("grafiek of diagram", "grafieken en diagrammen"),
            K::TextBoxes => ("tekstvak", "tekstvakken"),
            K::Comments => ("opmerking", "opmerkingen"),
            K::TrackedDeletions => ("bijgehouden verwijdering", "bijgehouden verwijderingen"),
            K::Equations => ("formule", "formules"),
            K::EmbeddedObjects => ("ingesloten object", "ingesloten objecten"),
            K::TableOfContents => ("regel van de inhoudsopgave", "regels van de inhoudsopgave"),
        });
        format!("Uit het Word-document is weggelaten: {parts}. Controleer de tekst en vul zo nodig zelf aan wat inwoners moeten lezen.")
    },
    view_public_page: "Openbare pagina",
    view_report: "Nota van beantwoording",
    count_unanswered: |n| format!("{n} nog niet beantwoord"),
    count_without_final: |n| format!("{n} zonder definitief antwoord"),
    comments_by_section: "Reacties per hoofdstuk en alinea",
    no_comments_yet: "Er zijn nog geen reacties.",
    label_answer: "Antwoord",
    hint_answer: "Opmaak met Markdown is mogelijk (*cursief*, **vet**, lijstjes).",
    label_status: "Verwerking",
    choose_status: "Kies een status",
    label_processed_where: "Verwerkt in (niet verplicht)",
    hint_processed_where: "Waar in de nieuwe versie, bijvoorbeeld: hoofdstuk 5.a, alinea 2.",
    label_state: "Status van het antwoord",
    save_answer: "Antwoord opslaan",
    answer_saved: "Antwoord opgeslagen als nieuwe versie.",
    history: "Eerdere versies van het antwoord",
    revision: |n, who, when| format!("Versie {n}, {who}, {when}"),
    sender_private: "Persoonsgegevens (niet openbaar)",
    answer_state: |s| match s {
        AnswerState::Draft => "concept",
        AnswerState::Final => "definitief",
    },
    report_title: "Nota van beantwoording",
    report_period: |a, b| format!("Reactietermijn: {a} tot en met {b}"),
    report_summary: |n, parts| {
        let received = if n == 1 { "1 reactie ontvangen".to_string() } else { format!("{n} reacties ontvangen") };
        if parts.is_empty() { format!("{received}.") } else { format!("{received}, waarvan {parts}.") }
    },
    whole_document: "Reacties op het document als geheel",
    front_matter: "Titelblad",
    answer: "Antwoord",
    processed_where: "Verwerkt in",
    not_yet_answered: "Nog niet beantwoord",
    anonymous_sender: "Inspreker",
    download_markdown: "Download als Markdown",
    statuses: ["verwerkt", "deels verwerkt", "niet verwerkt", "meegenomen in uitvoeringsplan", "kennisgenomen", "buiten reikwijdte"],
    block_kinds: ["alinea", "lijst", "tabel", "citaat", "code", "voetnoot"],
    labels: LabelWords {
        chapter: "Hoofdstuk",
        annex: "Bijlage",
        part: "Deel",
        start: "Begin",
        paragraph_of: |section, n| format!("{section}, alinea {n}"),
        paragraph: |n| format!("Alinea {n}"),
        footnote: |label| format!("voetnoot {label}"),
    },
    months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    field_error: |e| match e {
        FieldError::Required => "Dit veld is verplicht.".into(),
        FieldError::UnknownTrackingCode => "Deze volgcode kennen we niet. Controleer de code en probeer het opnieuw.".into(),
        FieldError::TooLong { max } => format!("Gebruik maximaal {max} tekens."),
        FieldError::TooShort { min } => format!("Gebruik minimaal {min} tekens."),
        FieldError::InvalidEmail => "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.".into(),
        FieldError::ConsentRequired => "Geef toestemming, of laat naam en e-mailadres leeg.".into(),
        FieldError::InvalidSlug => "Gebruik alleen kleine letters, cijfers en losse streepjes.".into(),
        FieldError::SlugTaken => "Deze korte naam is al in gebruik.".into(),
        FieldError::InvalidDate => "Vul een datum in als jjjj-mm-dd.".into(),
        FieldError::ClosesBeforeOpens => "De einddatum ligt voor de begindatum.".into(),
        FieldError::UnknownBlock => "Deze alinea bestaat niet in dit document.".into(),
        FieldError::InvalidStatus => "Kies een status uit de lijst.".into(),
        FieldError::NotYetOpen => "Reageren kan nog niet: de reactietermijn is nog niet begonnen.".into(),
        FieldError::InvalidCredentials => "E-mailadres of wachtwoord klopt niet.".into(),
        FieldError::TooManyRequests => {
            "Er zijn kort na elkaar veel reacties verstuurd. Wacht een minuut en verstuur uw reactie dan opnieuw.".into()
        }
        FieldError::ImportEmpty => "Het bestand is leeg.".into(),
        FieldError::ImportTooLarge { max_mb } => format!("Het bestand is groter dan {max_mb} MB."),
        FieldError::ImportNotText => "Dit is geen tekstbestand (Markdown of platte tekst).".into(),
        FieldError::ImportNoContent => "In het bestand staat geen tekst om op te reageren.".into(),
        FieldError::ImportWordNotDocx => {
            "Dit bestand is geen Word-document (.docx). Sla het in Word op als Word-document en probeer het opnieuw.".into()
        }
        FieldError::ImportWordEncrypted => {
            "Dit Word-document is met een wachtwoord beveiligd. Haal de beveiliging eraf en probeer het opnieuw.".into()
        }
        FieldError::ImportWordOldFormat => {
            "Dit is een oud Word-bestand (.doc). Sla het in Word op als Word-document (.docx) en probeer het opnieuw.".into()
        }
        FieldError::ImportWordMacros => {
            "Dit Word-document bevat macro's en wordt daarom niet ingelezen. Sla het op als gewoon Word-document (.docx).".into()
        }
        FieldError::ImportWordDamaged => "Dit Word-document is beschadigd en kan niet worden gelezen. Sla het opnieuw op in Word.".into(),
        FieldError::UnsupportedFileType => "Kies een bestand dat eindigt op .docx, .md of .txt.".into(),
        FieldError::NotAPdf => "Dit is geen PDF-bestand. Bewaar de brief als PDF en kies dat bestand.".into(),
        FieldError::NotALogo => "Dit is geen PNG- of JPEG-afbeelding. Kies het logo als PNG of JPEG.".into(),
        FieldError::TooMany { max } => format!("Kies er hoogstens {max}."),
        FieldError::InvalidPhase => "Kies een fase uit de lijst.".into(),
        FieldError::PhaseNotForward => "Kies een latere fase: een consultatie gaat alleen vooruit.".into(),
        FieldError::DateBeforePreviousPhase => "Deze datum ligt voor het begin van de huidige fase.".into(),
        FieldError::PasswordsDiffer => "De twee wachtwoorden zijn niet gelijk.".into(),
        FieldError::InviteUnknown => "Deze uitnodigingslink bestaat niet. Vraag de gemeente om een nieuwe.".into(),
        FieldError::InviteExpired => "Deze uitnodigingslink is verlopen. Vraag de gemeente om een nieuwe.".into(),
        FieldError::InviteUsed => "Deze uitnodigingslink is al gebruikt. Log in met uw e-mailadres en wachtwoord.".into(),
        FieldError::EmailTaken => "Er is al een account met dit e-mailadres.".into(),
        FieldError::CouncilNotAsked => "Deze adviesraad is niet om advies gevraagd voor deze consultatie.".into(),
        FieldError::AdviceEmpty => "Het advies heeft nog geen punten. Voeg eerst een punt toe.".into(),
        FieldError::AlreadySubmitted => "Dit advies is al ingediend. Begin een correctie om het te wijzigen.".into(),
        FieldError::AdviceClosed => "De adviesronde is niet open: adviseren kan nu niet.".into(),
        FieldError::ReportWithoutPoints => {
            "In dit verslag staat geen opsomming. Zet elk punt op een regel die begint met een streepje.".into()
        }
        FieldError::NoPointChosen => "Kies minstens één punt.".into(),
        FieldError::AnswersNotFinal => "Nog niet elk punt heeft een definitief antwoord.".into(),
        FieldError::ChangedMeanwhile => {
            "Een collega heeft dit antwoord intussen gewijzigd. Laad de pagina opnieuw en kijk of uw wijziging nog nodig is.".into()
        }
        FieldError::NotForReview => "Dit antwoord wacht niet (meer) op beoordeling.".into(),
        FieldError::OwnAnswer => "U kunt uw eigen antwoord niet goedkeuren. Vraag een collega.".into(),
        FieldError::ReasonRequired => "Het college heeft de antwoorden vastgesteld. Vul de reden van de wijziging in.".into(),
        FieldError::AnswersNotApproved { open } => {
            format!("Nog {open} reactie(s) zonder goedgekeurd antwoord. Vaststellen kan pas als alles is goedgekeurd.")
        }
        FieldError::NothingToAdopt => "Er zijn geen nieuwe goedgekeurde antwoorden om vast te stellen.".into(),
        FieldError::NoReactionsChosen => "Kies ten minste twee reacties.".into(),
        FieldError::DateInFuture => "Deze datum ligt in de toekomst.".into(),
        FieldError::InvalidRole => "Kies een rol: beleidsmedewerker, beoordelaar of beheerder.".into(),
        FieldError::OwnRole => "U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.".into(),
        FieldError::LastAdmin => "Er moet altijd een beheerder zijn. Maak eerst iemand anders beheerder.".into(),
        FieldError::ErasureNotConfirmed => "Vink aan dat u uw gegevens wilt laten wissen.".into(),
        FieldError::LinkUnknown => PRIVACY_NL.link_unknown.into(),
        FieldError::LinkExpired => PRIVACY_NL.link_expired.into(),
        FieldError::LinkUsed => PRIVACY_NL.link_used.into(),
        FieldError::CouncilIsDrafting => "De raad werkt zelf aan een concept; wacht tot het is ingediend.".into(),
        FieldError::NotYourMunicipality => "Dit advies wordt beantwoord door de ambtenaren van een andere gemeente.".into(),
    },
};

pub const EN: Messages = Messages {
    councils: &crate::i18n_councils::EN,
    work: &crate::i18n_workbench::EN,
    export: &crate::i18n_export::EN,
    outcome: &crate::i18n_outcome::EN,
    versions: &crate::i18n_versions::EN,
    mail: &crate::i18n_mail::EN,
    privacy: &crate::i18n_mail::PRIVACY_EN,
    lang_name: "English",
    site_name: "Inspraak",
    site_tagline: "Comment on draft policy and follow what is done with it",
    skip_to_content: "Skip to content",
    nav_label: "Main menu",
    nav_home: "Consultations",
    nav_officer: "Manage",
    nav_login: "Log in",
    nav_logout: "Log out",
    nav_track: "Track your comment",
    switch_language: "Nederlands",
    footer_privacy: "Names and e-mail addresses of residents are never published and are erased on request.",
    home_title: "Consultations",
    home_intro: "Read draft policy here and comment paragraph by paragraph. Every comment gets an answer.",
    home_empty: "There are no consultations yet.",
    period_open: |d| format!("Comments are open until {d} inclusive."),
    period_not_yet: |d| format!("Comments open on {d}."),
    period_closed: |d| format!("The comment period closed on {d}."),
    period_range: |a, b| format!("{a} to {b} inclusive"),
    toc_title: "Contents",
    document_label: "Text of the document",
    count_comments: |n| if n == 1 { "1 comment".into() } else { format!("{n} comments") },
    comment_on_block: "Comment",
    comment_on_block_sr: |label| format!("Comment on {label}"),
    comment_on_document: "Comment on the document as a whole",
    comment_form_title: |label| format!("Your comment on {label}"),
    comment_form_title_document: "Your comment on the document as a whole",
    label_body: "Your comment",
    hint_body: |max| format!("Required. At most {max} characters."),
    label_name: "Name (optional)",
    label_show_name: "My name may appear in the response document",
    label_organisation: "Commenting on behalf of an organisation? Its name (optional)",
    hint_organisation: "Organisations are named in the response document.",
    label_email: "E-mail address (optional)",
    hint_email: "Only to tell you what was done with your comment. Never published.",
    label_consent: "I consent to the use of my name and e-mail address for processing my comment.",
    privacy_notice: "Your name and e-mail address are stored separately, never published (unless you allow it for your name), and erased on request.",
    submit_comment: "Send comment",
    sending: "Sending…",
    close_form: "Close",
    form_has_errors: "Please check the fields with a message.",
    receipt_title: "Thank you, your comment was received",
    receipt_code: "Your tracking code",
    receipt_keep: "Keep this code. With it you can later see what was done with your comment.",
    receipt_link: "See your comment and the answer",
    form_closed: "You cannot comment on this document now.",
    late: "received after the deadline",
    track_title: "Track your comment",
    track_intro: "Enter the tracking code you received after sending your comment.",
    track_code_label: "Tracking code",
    track_lookup: "Look up",
    track_your_comment: "Your comment",
    track_about: "About",
    track_received_on: "Received on",
    track_status: "Status",
    track_no_answer: "There is no answer yet. Once the answer is final, you can read it here.",
    track_code_unknown: "We do not know this tracking code. Check the code and try again.",
    not_found_title: "Page not found",
    not_found_text: "This page does not exist (any more). Check the address or go to the list of consultations.",
    error_title: "Something went wrong",
    error_generic: "Something went wrong on our side. Your input is not lost; please try again shortly.",
    error_forbidden: "You do not have access to this page.",
    error_unauthorized: "Please log in to continue.",
    error_rate_limited: "Too many requests in a short time. Wait a minute and try again.",
    login_title: "Staff log in",
    label_login_email: "E-mail address",
    label_password: "Password",
    login_submit: "Log in",
    officer_title: "Manage",
    officer_consultations: "Consultations",
    officer_comments: "Comments",
    officer_logged_in_as: |name| format!("Logged in as {name}"),
    new_consultation: "New consultation",
    label_title: "Title",
    label_slug: "Short name in the web address",
    hint_slug: "Lowercase letters, digits and dashes, for example regional-vision-2027.",
    label_description: "Description (optional)",
    label_opens: "Comments open on",
    label_closes: "Comments close after",
    label_file: "Draft document",
    hint_file: "Word (.docx, at most 20 MB), Markdown (.md) or plain text (.txt, at most 5 MB).",
    create_submit: "Create consultation",
    answer_saved_import: "The consultation was created and the document imported.",
    import_left_out: |items| {
        use crate::domain::document::LeftOutKind as K;
        let parts = counted(items, |kind| match kind {
            K::Images => ("image", "images"),
            K::Charts => ("chart or diagram", "charts and diagrams"),
            K::TextBoxes => ("text box", "text boxes"),
            K::Comments => ("comment", "comments"),
            K::TrackedDeletions => ("tracked deletion", "tracked deletions"),
            K::Equations => ("equation", "equations"),
            K::EmbeddedObjects => ("embedded object", "embedded objects"),
            K::TableOfContents => ("table of contents line", "table of contents lines"),
        });
        format!("Left out of the Word document: {parts}. Check the text and add yourself what residents need to read.")
    },
    view_public_page: "Public page",
    view_report: "Response document",
    count_unanswered: |n| format!("{n} not yet answered"),
    count_without_final: |n| format!("{n} without a final answer"),
    comments_by_section: "Comments by chapter and paragraph",
    no_comments_yet: "There are no comments yet.",
    label_answer: "Answer",
    hint_answer: "Markdown formatting is allowed (*italic*, **bold**, lists).",
    label_status: "Processing",
    choose_status: "Choose a status",
    label_processed_where: "Processed in (optional)",
    hint_processed_where: "Where in the new version, for example: chapter 5.a, paragraph 2.",
    label_state: "State of the answer",
    save_answer: "Save answer",
    answer_saved: "Answer saved as a new revision.",
    history: "Earlier revisions of the answer",
    revision: |n, who, when| format!("Revision {n}, {who}, {when}"),
    sender_private: "Personal data (not public)",
    answer_state: |s| match s {
        AnswerState::Draft => "draft",
        AnswerState::Final => "final",
    },
    report_title: "Response document",
    report_period: |a, b| format!("Comment period: {a} to {b} inclusive"),
    report_summary: |n, parts| {
        let received = if n == 1 { "1 comment received".to_string() } else { format!("{n} comments received") };
        if parts.is_empty() { format!("{received}.") } else { format!("{received}, of which {parts}.") }
    },
    whole_document: "Comments on the document as a whole",
    front_matter: "Title page",
    answer: "Answer",
    processed_where: "Processed in",
    not_yet_answered: "Not yet answered",
    anonymous_sender: "Respondent",
    download_markdown: "Download as Markdown",
    statuses: ["processed", "partly processed", "not processed", "taken into the implementation plan", "noted", "outside the scope"],
    block_kinds: ["paragraph", "list", "table", "quote", "code", "footnote"],
    labels: LabelWords {
        chapter: "Chapter",
        annex: "Annex",
        part: "Part",
        start: "Start",
        paragraph_of: |section, n| format!("{section}, paragraph {n}"),
        paragraph: |n| format!("Paragraph {n}"),
        footnote: |label| format!("footnote {label}"),
    },
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    field_error: |e| match e {
        FieldError::Required => "This field is required.".into(),
        FieldError::UnknownTrackingCode => "We do not know this tracking code. Check the code and try again.".into(),
        FieldError::TooLong { max } => format!("Use at most {max} characters."),
        FieldError::TooShort { min } => format!("Use at least {min} characters."),
        FieldError::InvalidEmail => "Enter a valid e-mail address, such as name@example.org.".into(),
        FieldError::ConsentRequired => "Give consent, or leave name and e-mail address empty.".into(),
        FieldError::InvalidSlug => "Use only lowercase letters, digits and single dashes.".into(),
        FieldError::SlugTaken => "This short name is already in use.".into(),
        FieldError::InvalidDate => "Enter a date as yyyy-mm-dd.".into(),
        FieldError::ClosesBeforeOpens => "The closing date is before the opening date.".into(),
        FieldError::UnknownBlock => "This paragraph does not exist in this document.".into(),
        FieldError::InvalidStatus => "Choose a status from the list.".into(),
        FieldError::NotYetOpen => "Comments are not open yet.".into(),
        FieldError::InvalidCredentials => "E-mail address or password is incorrect.".into(),
        FieldError::TooManyRequests => "Many comments were sent in a short time. Wait a minute, then send your comment again.".into(),
        FieldError::ImportEmpty => "The file is empty.".into(),
        FieldError::ImportTooLarge { max_mb } => format!("The file is larger than {max_mb} MB."),
        FieldError::ImportNotText => "This is not a text file (Markdown or plain text).".into(),
        FieldError::ImportNoContent => "The file contains no text to comment on.".into(),
        FieldError::ImportWordNotDocx => {
            "This file is not a Word document (.docx). Save it in Word as a Word document and try again.".into()
        }
        FieldError::ImportWordEncrypted => "This Word document is protected with a password. Remove the protection and try again.".into(),
        FieldError::ImportWordOldFormat => {
            "This is an old Word file (.doc). Save it in Word as a Word document (.docx) and try again.".into()
        }
        FieldError::ImportWordMacros => {
            "This Word document contains macros and is therefore not imported. Save it as a plain Word document (.docx).".into()
        }
        FieldError::ImportWordDamaged => "This Word document is damaged and cannot be read. Save it again in Word.".into(),
        FieldError::UnsupportedFileType => "Choose a file ending in .docx, .md or .txt.".into(),
        FieldError::NotAPdf => "This is not a PDF file. Save the letter as a PDF and choose that file.".into(),
        FieldError::NotALogo => "This is not a PNG or JPEG image. Choose the logo as a PNG or JPEG.".into(),
        FieldError::TooMany { max } => format!("Choose at most {max}."),
        FieldError::InvalidPhase => "Choose a phase from the list.".into(),
        FieldError::PhaseNotForward => "Choose a later phase: a consultation only moves forward.".into(),
        FieldError::DateBeforePreviousPhase => "This date is before the start of the current phase.".into(),
        FieldError::PasswordsDiffer => "The two passwords are not the same.".into(),
        FieldError::InviteUnknown => "This invitation link does not exist. Ask the municipality for a new one.".into(),
        FieldError::InviteExpired => "This invitation link has expired. Ask the municipality for a new one.".into(),
        FieldError::InviteUsed => "This invitation link has been used. Log in with your e-mail address and password.".into(),
        FieldError::EmailTaken => "There already is an account with this e-mail address.".into(),
        FieldError::CouncilNotAsked => "This council was not asked for advice on this consultation.".into(),
        FieldError::AdviceEmpty => "The advice has no points yet. Add a point first.".into(),
        FieldError::AlreadySubmitted => "This advice has been submitted. Start a correction to change it.".into(),
        FieldError::AdviceClosed => "The advice round is not open: advice cannot be given now.".into(),
        FieldError::ReportWithoutPoints => "This report has no list. Put each point on a line starting with a dash.".into(),
        FieldError::NoPointChosen => "Choose at least one point.".into(),
        FieldError::AnswersNotFinal => "Not every point has a final answer yet.".into(),
        FieldError::ChangedMeanwhile => {
            "A colleague changed this answer meanwhile. Reload the page and see whether your change is still needed.".into()
        }
        FieldError::NotForReview => "This answer is not (or no longer) waiting for review.".into(),
        FieldError::OwnAnswer => "You cannot approve your own answer. Ask a colleague.".into(),
        FieldError::ReasonRequired => "The executive adopted the answers. Give the reason for the change.".into(),
        FieldError::AnswersNotApproved { open } => {
            format!("{open} reaction(s) without an approved answer. Adoption needs every answer approved.")
        }
        FieldError::NothingToAdopt => "There are no new approved answers to adopt.".into(),
        FieldError::NoReactionsChosen => "Choose at least two reactions.".into(),
        FieldError::DateInFuture => "This date is in the future.".into(),
        FieldError::InvalidRole => "Choose a role: officer, reviewer or admin.".into(),
        FieldError::OwnRole => "You cannot change your own role. Ask another admin.".into(),
        FieldError::LastAdmin => "There must always be an admin. Make someone else admin first.".into(),
        FieldError::ErasureNotConfirmed => "Tick the box to have your details erased.".into(),
        FieldError::LinkUnknown => PRIVACY_EN.link_unknown.into(),
        FieldError::LinkExpired => PRIVACY_EN.link_expired.into(),
        FieldError::LinkUsed => PRIVACY_EN.link_used.into(),
        FieldError::CouncilIsDrafting => "The council is writing its own draft; wait until it is submitted.".into(),
        FieldError::NotYourMunicipality => "This advice is answered by the officers of another municipality.".into(),
    },
};

/// "2 afbeeldingen, 1 tekstvak": each count with the singular or plural `names` give its kind.
fn counted(
    items: &[crate::domain::document::LeftOut],
    names: fn(crate::domain::document::LeftOutKind) -> (&'static str, &'static str),
) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|item| {
            let (one, many) = names(item.kind);
            format!("{} {}", item.count, if item.count == 1 { one } else { many })
        })
        .collect();
    parts.join(", ")
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
