//! Advisory councils (*adviesraden*), their members, and the one-time invite by which a member
//! joins.

use super::comment::{MAX_NAME_CHARS, check_email};
use super::consultation::Slug;
use super::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

pub const MAX_COUNCIL_NAME_CHARS: usize = 200;
pub const MAX_MUNICIPALITY_CHARS: usize = 100;
pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 200;
/// How long an invite link works.
pub const INVITE_VALID_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CouncilKind {
    /// *adviesraad sociaal domein*
    SocialDomain,
    /// *Wmo-raad*
    Wmo,
    /// *jongerenraad*
    Youth,
    /// *cliëntenraad*
    Clients,
    Other,
}

impl CouncilKind {
    pub const ALL: [CouncilKind; 5] =
        [CouncilKind::SocialDomain, CouncilKind::Wmo, CouncilKind::Youth, CouncilKind::Clients, CouncilKind::Other];

    pub fn code(self) -> &'static str {
        match self {
            CouncilKind::SocialDomain => "sociaal_domein",
            CouncilKind::Wmo => "wmo",
            CouncilKind::Youth => "jongeren",
            CouncilKind::Clients => "clienten",
            CouncilKind::Other => "anders",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// A council as an officer registers it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub slug: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCouncil {
    pub name: String,
    pub municipality: String,
    pub kind: CouncilKind,
    pub slug: Slug,
}

/// A URL name from a council's name: "Adviesraad Sociaal Domein Lansingerland" →
/// "adviesraad-sociaal-domein-lansingerland" (accents dropped, other characters as dashes).
pub fn slug_from_name(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    slug.chars().take(super::consultation::MAX_SLUG_CHARS).collect::<String>().trim_end_matches('-').to_string()
}

fn required_text(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> String {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        errors.add(field, FieldError::Required);
    } else if value.chars().count() > max {
        errors.add(field, FieldError::TooLong { max });
    }
    value
}

impl TryFrom<&CouncilForm> for ValidCouncil {
    type Error = FieldErrors;

    fn try_from(form: &CouncilForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let name = required_text(&mut errors, "name", &form.name, MAX_COUNCIL_NAME_CHARS);
        let municipality = required_text(&mut errors, "municipality", &form.municipality, MAX_MUNICIPALITY_CHARS);
        let kind = CouncilKind::parse(&form.kind);
        if kind.is_none() {
            errors.add("kind", FieldError::Required);
        }
        let slug_text = if form.slug.trim().is_empty() { slug_from_name(&name) } else { form.slug.trim().to_string() };
        let slug = Slug::parse(&slug_text);
        if slug.is_none() && !name.is_empty() {
            errors.add("slug", FieldError::InvalidSlug);
        }
        match (kind, slug) {
            (Some(kind), Some(slug)) if errors.is_empty() => Ok(ValidCouncil { name, municipality, kind, slug }),
            _ => Err(errors),
        }
    }
}

/// The longest sender name of a municipality's letters.
pub const MAX_SENDER_CHARS: usize = 200;

/// A municipality's own name as the sender of its college's letters to its councils, as staff
/// set it ("College van burgemeester en wethouders van Waterhoven"). Empty: the default sender.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SenderForm {
    #[serde(default)]
    pub municipality: String,
    #[serde(default)]
    pub sender: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSender {
    pub municipality: String,
    /// Spaces tidied; empty means the letters go out under the default sender again.
    pub sender: String,
}

impl TryFrom<&SenderForm> for ValidSender {
    type Error = FieldErrors;

    fn try_from(form: &SenderForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let municipality = required_text(&mut errors, "municipality", &form.municipality, MAX_MUNICIPALITY_CHARS);
        let sender = form.sender.split_whitespace().collect::<Vec<_>>().join(" ");
        if sender.chars().count() > MAX_SENDER_CHARS {
            errors.add("sender", FieldError::TooLong { max: MAX_SENDER_CHARS });
        }
        if errors.is_empty() { Ok(ValidSender { municipality, sender }) } else { Err(errors) }
    }
}

/// A new member as the officer invites them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteForm {
    pub council: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInvite {
    pub council_slug: String,
    pub name: String,
    pub email: String,
}

impl TryFrom<&InviteForm> for ValidInvite {
    type Error = FieldErrors;

    fn try_from(form: &InviteForm) -> Result<Self, Self::Error> {
        let mut errors = FieldErrors::default();
        let name = required_text(&mut errors, "name", &form.name, MAX_NAME_CHARS);
        let email = form.email.trim().to_lowercase();
        if email.is_empty() {
            errors.add("email", FieldError::Required);
        } else if check_email(&email).is_err() {
            errors.add("email", FieldError::InvalidEmail);
        }
        errors.into_result()?;
        Ok(ValidInvite { council_slug: form.council.trim().to_string(), name, email })
    }
}

/// Why an invite link no longer works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteProblem {
    Expired,
    Used,
}

/// An invite works once, before it expires.
pub fn check_invite(expires_at: OffsetDateTime, used: bool, now: OffsetDateTime) -> Result<(), InviteProblem> {
    if used {
        Err(InviteProblem::Used)
    } else if now >= expires_at {
        Err(InviteProblem::Expired)
    } else {
        Ok(())
    }
}

pub fn invite_expiry(created: OffsetDateTime) -> OffsetDateTime {
    created + Duration::days(INVITE_VALID_DAYS)
}

/// The password a member chooses when accepting an invite.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptInviteForm {
    pub token: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_again: String,
}

pub fn validate_new_password(password: &str, again: &str) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    let length = password.chars().count();
    if password.is_empty() {
        errors.add("password", FieldError::Required);
    } else if length < MIN_PASSWORD_CHARS {
        errors.add("password", FieldError::TooShort { min: MIN_PASSWORD_CHARS });
    } else if length > MAX_PASSWORD_CHARS {
        errors.add("password", FieldError::TooLong { max: MAX_PASSWORD_CHARS });
    } else if password != again {
        errors.add("password_again", FieldError::PasswordsDiffer);
    }
    errors.into_result()
}

/// The largest logo a municipality can put on its letters.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

/// The image formats a logo may be in: every browser and Word show them, and neither can carry a
/// script (an SVG can).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    Png,
    Jpeg,
}

impl LogoFormat {
    pub fn media_type(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Jpeg => "image/jpeg",
        }
    }

    pub fn from_media_type(media_type: &str) -> Option<Self> {
        [LogoFormat::Png, LogoFormat::Jpeg].into_iter().find(|f| f.media_type() == media_type)
    }
}

/// Checks a logo by its content, whatever its name says: not empty, at most [`MAX_LOGO_BYTES`],
/// and a PNG (its eight-byte signature) or a JPEG (start-of-image marker, end-of-image at the end).
pub fn check_logo(bytes: &[u8]) -> Result<LogoFormat, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::ImportEmpty);
    }
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(FieldError::ImportTooLarge { max_mb: MAX_LOGO_BYTES / (1024 * 1024) });
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(LogoFormat::Png);
    }
    let tail = &bytes[bytes.len().saturating_sub(64)..];
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Ok(LogoFormat::Jpeg);
    }
    Err(FieldError::NotALogo)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_logo_is_a_png_or_a_jpeg_of_at_most_a_megabyte() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert_eq!(check_logo(&png), Ok(LogoFormat::Png));
        assert_eq!(check_logo(b"\xFF\xD8\xFF\xE0 JFIF ... \xFF\xD9"), Ok(LogoFormat::Jpeg));
        assert_eq!(check_logo(b"\xFF\xD8\xFF\xE0 cut off"), Err(FieldError::NotALogo), "a damaged JPEG");
        assert_eq!(check_logo(b"<svg onload=alert(1)>"), Err(FieldError::NotALogo), "no SVG: it can carry a script");
        assert_eq!(check_logo(b"GIF89a"), Err(FieldError::NotALogo));
        assert_eq!(check_logo(b""), Err(FieldError::ImportEmpty));
        let mut big = png.clone();
        big.resize(MAX_LOGO_BYTES + 1, 0);
        assert_eq!(check_logo(&big), Err(FieldError::ImportTooLarge { max_mb: 1 }));
        assert_eq!(LogoFormat::from_media_type("image/png"), Some(LogoFormat::Png));
        assert_eq!(LogoFormat::from_media_type("image/svg+xml"), None);
    }
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_council_gets_a_slug_from_its_name() {
        assert_eq!(slug_from_name("Adviesraad Sociaal Domein (ASD) Lansingerland"), "adviesraad-sociaal-domein-asd-lansingerland");
        assert_eq!(slug_from_name("Cliëntenraad Zuidplas!"), "clientenraad-zuidplas");
        let form =
            CouncilForm { name: "Wmo-raad Lindeburg".into(), municipality: " Lindeburg ".into(), kind: "wmo".into(), slug: String::new() };
        let council = ValidCouncil::try_from(&form).unwrap();
        assert_eq!(council.slug.as_str(), "wmo-raad-lindeburg");
        assert_eq!(council.municipality, "Lindeburg");
        assert_eq!(council.kind, CouncilKind::Wmo);
    }

    #[test]
    fn a_council_needs_name_municipality_and_kind() {
        let errors = ValidCouncil::try_from(&CouncilForm::default()).unwrap_err();
        assert_eq!(errors.get("name"), [FieldError::Required]);
        assert_eq!(errors.get("municipality"), [FieldError::Required]);
        assert_eq!(errors.get("kind"), [FieldError::Required]);
        for kind in CouncilKind::ALL {
            assert_eq!(CouncilKind::parse(kind.code()), Some(kind));
        }
    }

    #[test]
    fn an_invite_works_once_and_not_after_it_expires() {
        let created = datetime!(2026-11-01 10:00 UTC);
        let expires = invite_expiry(created);
        assert_eq!(check_invite(expires, false, datetime!(2026-11-14 10:00 UTC)), Ok(()));
        assert_eq!(check_invite(expires, false, datetime!(2026-11-15 10:00 UTC)), Err(InviteProblem::Expired));
        assert_eq!(check_invite(expires, true, datetime!(2026-11-02 10:00 UTC)), Err(InviteProblem::Used));
        let form = InviteForm { council: "asd".into(), name: " Jan ".into(), email: "geen-adres".into() };
        assert_eq!(ValidInvite::try_from(&form).unwrap_err().get("email"), [FieldError::InvalidEmail]);
    }

    #[test]
    fn a_new_password_is_long_enough_and_typed_twice_alike() {
        assert_eq!(validate_new_password("kort", "kort").unwrap_err().get("password"), [FieldError::TooShort { min: 10 }]);
        assert_eq!(
            validate_new_password("lang genoeg wachtwoord", "anders").unwrap_err().get("password_again"),
            [FieldError::PasswordsDiffer]
        );
        assert!(validate_new_password("lang genoeg wachtwoord", "lang genoeg wachtwoord").is_ok());
    }

    #[test]
    fn a_sender_is_tidied_may_be_empty_and_has_a_maximum() {
        let form = SenderForm { municipality: " Waterhoven ".into(), sender: "  College van B&W\n van   Waterhoven ".into() };
        let valid = ValidSender::try_from(&form).unwrap();
        assert_eq!(valid, ValidSender { municipality: "Waterhoven".into(), sender: "College van B&W van Waterhoven".into() });
        let empty = ValidSender::try_from(&SenderForm { sender: " ".into(), ..form.clone() }).unwrap();
        assert_eq!(empty.sender, "", "empty: back to the default sender");
        let long = SenderForm { sender: "x".repeat(MAX_SENDER_CHARS + 1), ..form.clone() };
        assert_eq!(ValidSender::try_from(&long).unwrap_err().get("sender"), [FieldError::TooLong { max: MAX_SENDER_CHARS }]);
        let nowhere = SenderForm { municipality: " ".into(), ..form };
        assert_eq!(ValidSender::try_from(&nowhere).unwrap_err().get("municipality"), [FieldError::Required]);
    }
}
