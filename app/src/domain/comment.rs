//! A resident's comment (*inspraakreactie*) as submitted, parsed once into valid parts.

use super::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

pub const MAX_COMMENT_CHARS: usize = 5000;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_EMAIL_CHARS: usize = 254;

/// The comment form exactly as typed; every field a string so nothing typed is ever lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentForm {
    pub consultation: String,
    /// Anchor of the block commented on; empty for the document as a whole.
    #[serde(default)]
    pub block: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub name: String,
    /// "on" when the resident agrees that the name may be shown.
    #[serde(default)]
    pub show_name: Option<String>,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub email: String,
    /// "on" when the resident consents to the processing of the personal data given.
    #[serde(default)]
    pub consent: Option<String>,
}

/// Who sent a comment, as far as the public may know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SenderKind {
    Resident,
    Organisation,
    /// An advisory council's letter, recorded by an officer.
    Council,
}

impl SenderKind {
    pub fn code(self) -> &'static str {
        match self {
            SenderKind::Resident => "resident",
            SenderKind::Organisation => "organisation",
            SenderKind::Council => "council",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "resident" => Some(SenderKind::Resident),
            "organisation" => Some(SenderKind::Organisation),
            "council" => Some(SenderKind::Council),
            _ => None,
        }
    }
}

/// Personal data of the sender, stored apart from the comment and erasable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SenderDetails {
    pub name: Option<String>,
    pub email: Option<String>,
}

/// A comment that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidComment {
    pub block_anchor: Option<String>,
    pub body: String,
    pub sender_kind: SenderKind,
    /// Public: organisations are named in the response document.
    pub organisation: Option<String>,
    pub show_name: bool,
    pub sender: SenderDetails,
}

impl TryFrom<&CommentForm> for ValidComment {
    type Error = FieldErrors;

    fn try_from(form: &CommentForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let body = normalise_text(&form.body);
        if body.is_empty() {
            errors.add("body", FieldError::Required);
        } else if body.chars().count() > MAX_COMMENT_CHARS {
            errors.add("body", FieldError::TooLong { max: MAX_COMMENT_CHARS });
        }
        let name = optional(&form.name);
        if name.as_ref().is_some_and(|n| n.chars().count() > MAX_NAME_CHARS) {
            errors.add("name", FieldError::TooLong { max: MAX_NAME_CHARS });
        }
        let organisation = optional(&form.organisation);
        if organisation.as_ref().is_some_and(|n| n.chars().count() > MAX_NAME_CHARS) {
            errors.add("organisation", FieldError::TooLong { max: MAX_NAME_CHARS });
        }
        let email = optional(&form.email);
        if let Some(Err(error)) = email.as_deref().map(check_email) {
            errors.add("email", error);
        }
        let gives_personal_data = name.is_some() || email.is_some();
        if gives_personal_data && !is_checked(&form.consent) {
            errors.add("consent", FieldError::ConsentRequired);
        }
        errors.into_result()?;
        Ok(ValidComment {
            block_anchor: optional(&form.block),
            body,
            sender_kind: if organisation.is_some() { SenderKind::Organisation } else { SenderKind::Resident },
            organisation,
            show_name: name.is_some() && is_checked(&form.show_name),
            sender: SenderDetails { name, email },
        })
    }
}

/// HTML checkboxes send "on" (or any value) when ticked and nothing when not.
pub fn is_checked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty() && v != "false")
}

/// A one-line field: control characters (a bell, an escape sequence, a line break) are removed,
/// so that a name never carries them into the nota, a mail or a spreadsheet; empty is none.
fn optional(value: &str) -> Option<String> {
    let cleaned: String = value.chars().filter(|c| !c.is_control()).collect();
    let trimmed = cleaned.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Trims, unifies line endings and removes control characters other than newlines and tabs.
pub fn normalise_text(value: &str) -> String {
    without_control_chars(&value.replace("\r\n", "\n")).replace('\r', "").trim().to_string()
}

/// The text without the control characters no field keeps (a page would show a NUL as U+FFFD);
/// line breaks and tabs stay. What a form gives back of what was typed goes through this.
pub fn without_control_chars(value: &str) -> String {
    value.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t')).collect()
}

/// An e-mail address as a form field takes it (already trimmed, not empty): at most
/// `MAX_EMAIL_CHARS` characters, and looking like an address.
pub fn check_email(email: &str) -> Result<(), FieldError> {
    if email.chars().count() > MAX_EMAIL_CHARS {
        Err(FieldError::TooLong { max: MAX_EMAIL_CHARS })
    } else if !looks_like_email(email) {
        Err(FieldError::InvalidEmail)
    } else {
        Ok(())
    }
}

/// A deliberately lenient check: one `@`, something before it, a dot in the domain, no spaces.
pub fn looks_like_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_too_long_is_refused_before_its_form_is_looked_at() {
        let long = format!("{}@example.org", "a".repeat(MAX_EMAIL_CHARS));
        assert_eq!(check_email(&long), Err(FieldError::TooLong { max: MAX_EMAIL_CHARS }));
        assert_eq!(check_email("jan@example"), Err(FieldError::InvalidEmail));
        assert_eq!(check_email("jan@example.org"), Ok(()));
    }

    fn form(body: &str) -> CommentForm {
        CommentForm { consultation: "visie".into(), body: body.into(), ..Default::default() }
    }

    #[test]
    fn names_and_addresses_lose_their_control_characters() {
        let comment = CommentForm {
            name: "Jan\u{7} \u{1b}[31mJansen".into(),
            organisation: "Buurt\u{0}vereniging".into(),
            consent: Some("on".into()),
            ..form("Tekst")
        };
        let valid = ValidComment::try_from(&comment).unwrap();
        assert_eq!(valid.sender.name.as_deref(), Some("Jan [31mJansen"));
        assert_eq!(valid.organisation.as_deref(), Some("Buurtvereniging"));
        // In an address they are removed too; what remains must still look like an address.
        let bell = CommentForm { email: "jan\u{7}@example.org".into(), consent: Some("on".into()), ..form("Tekst") };
        assert_eq!(ValidComment::try_from(&bell).unwrap().sender.email.as_deref(), Some("jan@example.org"));
        assert!(!looks_like_email("jan\u{7}@example.org"));
    }

    #[test]
    fn an_anonymous_comment_needs_no_consent() {
        let valid = ValidComment::try_from(&form("  Goed plan.\r\nMaar let op.  ")).unwrap();
        assert_eq!(valid.body, "Goed plan.\nMaar let op.");
        assert_eq!(valid.sender, SenderDetails { name: None, email: None });
        assert_eq!(valid.block_anchor, None);
        assert_eq!(valid.sender_kind, SenderKind::Resident);
        assert!(!valid.show_name);
    }

    #[test]
    fn an_empty_or_too_long_comment_is_refused() {
        let errors = ValidComment::try_from(&form("   ")).unwrap_err();
        assert_eq!(errors.get("body"), [FieldError::Required]);
        let errors = ValidComment::try_from(&form(&"x".repeat(MAX_COMMENT_CHARS + 1))).unwrap_err();
        assert_eq!(errors.get("body"), [FieldError::TooLong { max: MAX_COMMENT_CHARS }]);
        assert!(ValidComment::try_from(&form(&"é".repeat(MAX_COMMENT_CHARS))).is_ok());
    }

    #[test]
    fn personal_data_needs_consent() {
        let mut f = form("Tekst");
        f.name = "Jan Jansen".into();
        assert_eq!(ValidComment::try_from(&f).unwrap_err().get("consent"), [FieldError::ConsentRequired]);
        f.consent = Some("on".into());
        let valid = ValidComment::try_from(&f).unwrap();
        assert_eq!(valid.sender.name.as_deref(), Some("Jan Jansen"));
        assert!(!valid.show_name, "a name is hidden unless the resident chose to show it");
        f.show_name = Some("on".into());
        assert!(ValidComment::try_from(&f).unwrap().show_name);
    }

    #[test]
    fn a_bad_email_is_refused_next_to_its_field() {
        let mut f = form("Tekst");
        f.email = "jan@".into();
        f.consent = Some("on".into());
        assert_eq!(ValidComment::try_from(&f).unwrap_err().get("email"), [FieldError::InvalidEmail]);
        f.email = "jan@voorbeeld.nl".into();
        assert!(ValidComment::try_from(&f).is_ok());
    }

    #[test]
    fn an_organisation_is_a_public_sender() {
        let mut f = form("Tekst");
        f.organisation = "Stichting Veilig Thuis".into();
        let valid = ValidComment::try_from(&f).unwrap();
        assert_eq!(valid.sender_kind, SenderKind::Organisation);
        assert_eq!(valid.organisation.as_deref(), Some("Stichting Veilig Thuis"));
    }

    #[test]
    fn email_check_is_lenient_but_not_blind() {
        for ok in ["a@b.nl", "jan.de.vries+inspraak@gemeente.example.nl"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in ["", "geen", "@b.nl", "a@b", "a@.nl", "a b@c.nl", "a@b@c.nl"] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn control_characters_are_removed() {
        assert_eq!(normalise_text("a\u{0}b\tc\u{7}"), "ab\tc");
    }
}
