//! Every form the server accepts, and the query strings it reads, must be validated without a
//! panic whatever was sent.
//!
//! The first byte picks how the rest is read:
//! - even: *structured*. The next byte picks a form (or the stand-alone parsers); its fields are
//!   built from the remaining bytes with `arbitrary` and the form is validated the way the server
//!   does it (`TryFrom<&Form>` into the `Valid*` type, `RoleForm::parse`, `validate_phase_change`,
//!   `parse_adoption_date`, `validate_new_password`, ...).
//! - odd: *on the wire*. The rest is a request body as a browser posts it
//!   (`application/x-www-form-urlencoded`). It is decoded exactly as Leptos' server functions do
//!   (server_fn 0.8 `PostUrl`: UTF-8, then `serde_qs::Config::new(5, false)`, `form[field]=...`)
//!   into each server function's argument struct, and with `serde_urlencoded` into each bare form
//!   type (flat `field=value`); whatever decodes is validated. The same text is read as the query
//!   strings of the reaction list and of the downloads.
//!
//! Besides "no panic", a few promises of the `Valid*` types are checked (length limits, slugs that
//! parse again, dates in order); a broken one aborts with a message that starts with "invariant".

use std::collections::BTreeMap;

use arbitrary::Unstructured;
use time::Date;

use app::api;
use app::domain::advice::{self, IntroForm, PointAnswerForm, PointForm, ValidIntro, ValidPoint, ValidPointAnswer};
use app::domain::answer::{AnswerForm, MAX_ANSWER_CHARS, ValidAnswer};
use app::domain::block_search;
use app::domain::comment::{self, CommentForm, MAX_COMMENT_CHARS, ValidComment};
use app::domain::consultation::{self, ConsultationForm, Slug, ValidConsultation};
use app::domain::council::{self, AcceptInviteForm, CouncilForm, InviteForm, SenderForm, ValidCouncil, ValidInvite, ValidSender};
use app::domain::export::{self, ExportOptions};
use app::domain::phase::{self, MilestoneForm, Phase, PhaseForm, ValidMilestone};
use app::domain::review::{
    self, AdoptionForm, Decision, JointAnswerForm, ModerationForm, ReviewForm, ValidJointAnswer, ValidModeration, ValidReview,
};
use app::domain::role::{self, RoleForm};
use app::domain::versions::VersionForm;
use app::domain::workbench::{self, ReactionFilter, Scope};

pub fn form_decoders(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else { return };
    if mode & 1 == 0 {
        let _ = structured(&mut Unstructured::new(rest));
    } else {
        on_the_wire(rest);
    }
}

// ---------------------------------------------------------------------------------------------
// Validation, as the server runs it on a decoded form.

fn check_comment(form: &CommentForm) {
    if let Ok(valid) = ValidComment::try_from(form) {
        assert!(!valid.body.is_empty() && valid.body.chars().count() <= MAX_COMMENT_CHARS, "invariant: comment body length");
        assert!(valid.body.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'), "invariant: control character kept");
        if let Some(email) = &valid.sender.email {
            assert!(comment::looks_like_email(email), "invariant: invalid email accepted: {email:?}");
        }
        assert!(!valid.show_name || valid.sender.name.is_some(), "invariant: show_name without a name");
    }
    let _ = comment::is_checked(&form.consent);
    let _ = comment::is_checked(&form.show_name);
}

fn check_consultation(form: &ConsultationForm) {
    if let Ok(valid) = ValidConsultation::try_from(form) {
        assert!(valid.period.opens <= valid.period.closes, "invariant: closes before opens");
        assert!(!valid.title.is_empty(), "invariant: empty title");
        assert_eq!(Slug::parse(valid.slug.as_str()).as_ref(), Some(&valid.slug), "invariant: slug does not parse again");
        assert!(valid.phase <= Phase::Comment, "invariant: starts past the comment phase");
    }
}

fn check_council(form: &CouncilForm) {
    if let Ok(valid) = ValidCouncil::try_from(form) {
        assert!(!valid.name.is_empty() && !valid.municipality.is_empty(), "invariant: empty council name");
        assert_eq!(Slug::parse(valid.slug.as_str()).as_ref(), Some(&valid.slug), "invariant: council slug does not parse again");
    }
    check_slug_from_name(&form.name);
}

fn check_sender(form: &SenderForm) {
    if let Ok(valid) = ValidSender::try_from(form) {
        assert!(!valid.municipality.is_empty(), "invariant: a sender for no municipality");
        assert!(valid.sender.chars().count() <= council::MAX_SENDER_CHARS, "invariant: sender length");
    }
}

fn check_council_letter(file_name: &str, bytes: Vec<u8>) {
    let name = advice::letter_file_name(file_name);
    assert!(name.ends_with(".pdf") && name.len() > 4, "invariant: letter name {name:?}");
    assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || "-_. ".contains(c)), "invariant: letter name characters {name:?}");
    if advice::check_letter_pdf(&bytes).is_ok() {
        assert!(bytes.starts_with(b"%PDF-") && bytes.len() <= advice::MAX_LETTER_PDF_BYTES, "invariant: a PDF passed");
    }
}

fn check_logo(bytes: Vec<u8>) {
    if let Ok(format) = council::check_logo(&bytes) {
        assert!(bytes.len() <= council::MAX_LOGO_BYTES, "invariant: logo size");
        let signature: &[u8] = if format == council::LogoFormat::Png { b"\x89PNG" } else { &[0xFF, 0xD8, 0xFF] };
        assert!(bytes.starts_with(signature), "invariant: a {format:?} logo passed without its signature");
    }
}

fn check_invite(form: &InviteForm) {
    if let Ok(valid) = ValidInvite::try_from(form) {
        assert!(comment::looks_like_email(&valid.email), "invariant: invalid invite email {:?}", valid.email);
    }
}

fn check_accept_invite(form: &AcceptInviteForm) {
    if council::validate_new_password(&form.password, &form.password_again).is_ok() {
        assert_eq!(form.password, form.password_again, "invariant: passwords differ");
        let n = form.password.chars().count();
        assert!((council::MIN_PASSWORD_CHARS..=council::MAX_PASSWORD_CHARS).contains(&n), "invariant: password length {n}");
    }
}

fn check_intro(form: &IntroForm) {
    if let Ok(valid) = ValidIntro::try_from(form) {
        assert!(valid.intro.chars().count() <= advice::MAX_INTRO_CHARS, "invariant: intro length");
    }
}

fn check_point(form: &PointForm) {
    if let Ok(valid) = ValidPoint::try_from(form) {
        assert!(valid.block_anchors.len() <= advice::MAX_POINT_BLOCKS, "invariant: too many blocks");
        let mut seen = valid.block_anchors.clone();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), valid.block_anchors.len(), "invariant: duplicate block anchors");
    }
    // The block search takes any query: the anchors typed serve as labels and text to search.
    let query = block_search::BlockQuery::parse(&form.block_query);
    let found = block_search::search(&query, form.blocks.iter().map(|b| (b.as_str(), form.body.as_str())));
    assert!(found.indexes.len() <= block_search::MAX_FOUND && found.indexes.len() <= found.total, "invariant: found");
    assert!(found.indexes.iter().all(|i| *i < form.blocks.len()), "invariant: found index out of range");
}

fn check_point_answer(form: &PointAnswerForm) {
    if let Ok(valid) = ValidPointAnswer::try_from(form) {
        assert!(!valid.points.is_empty(), "invariant: an answer to no point");
        let mut ids: Vec<i64> = valid.points.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), valid.points.len(), "invariant: a point answered twice");
        assert!(!valid.body.is_empty() && valid.body.chars().count() <= MAX_ANSWER_CHARS, "invariant: answer length");
    }
}

fn check_answer(form: &AnswerForm) {
    if let Ok(valid) = ValidAnswer::try_from(form) {
        assert!(!valid.body.is_empty() && valid.body.chars().count() <= MAX_ANSWER_CHARS, "invariant: answer length");
    }
}

fn check_version(form: &VersionForm, decision: &str, target: &str) {
    use app::domain::versions::{MAX_VERSION_NAME, MAX_VERSION_NOTE, MappingDecision, ValidVersion};
    if let Ok(valid) = ValidVersion::try_from(form) {
        assert!(!valid.name.is_empty() && valid.name.chars().count() <= MAX_VERSION_NAME, "invariant: version name");
        assert!(valid.note.is_none_or(|n| !n.is_empty() && n.chars().count() <= MAX_VERSION_NOTE), "invariant: version note");
    }
    if let Ok(MappingDecision::Correct(typed)) = MappingDecision::parse(decision, target) {
        assert!(!typed.is_empty() && typed == typed.trim(), "invariant: a correction names a paragraph");
    }
    for place in app::domain::answer::split_places(target) {
        assert!(!place.is_empty() && !place.contains(';') && place == place.trim(), "invariant: one place each");
    }
}

fn check_review(form: &ReviewForm) {
    if let Ok(valid) = ValidReview::try_from(form)
        && let Decision::SendBack(remark) = &valid.decision
    {
        assert!(!remark.is_empty() && remark.chars().count() <= review::MAX_REMARK_CHARS, "invariant: remark length");
    }
}

fn check_joint_answer(form: &JointAnswerForm) {
    if let Ok(valid) = ValidJointAnswer::try_from(form) {
        assert!(valid.items.len() <= review::MAX_JOINT, "invariant: too many reactions in a joint answer");
        assert!(!valid.body.is_empty(), "invariant: empty joint answer");
    }
}

fn check_moderation(form: &ModerationForm) {
    if let Ok(valid) = ValidModeration::try_from(form) {
        assert!(!valid.reason.is_empty(), "invariant: moderation without a reason");
    }
}

fn check_adoption(form: &AdoptionForm, today: Date) {
    if let Ok(date) = review::parse_adoption_date(form, today) {
        assert!(date <= today, "invariant: adoption date in the future");
    }
}

fn check_role(form: &RoleForm) {
    if let Ok((_, role)) = form.parse() {
        assert!(role::STAFF_ROLES.contains(&role), "invariant: non-staff role {role:?}");
    }
}

fn check_phase(form: &PhaseForm, current: Phase, since: Option<Date>) {
    if let Ok(change) = phase::validate_phase_change(form, current, since) {
        assert!(change.phase > current, "invariant: phase moved back");
        assert!(since.is_none_or(|s| change.started_on >= s), "invariant: phase starts before the previous one");
    }
}

fn check_phase_all(form: &PhaseForm) {
    for current in Phase::ALL {
        for since in [None, Some(Date::MIN), Some(today()), Some(Date::MAX)] {
            check_phase(form, current, since);
        }
    }
}

fn check_milestone(form: &MilestoneForm) {
    if let Ok(valid) = ValidMilestone::try_from(form) {
        assert!(!valid.text.is_empty() && !valid.text.contains('\n'), "invariant: milestone text");
    }
}

fn check_slug_from_name(name: &str) {
    let slug = council::slug_from_name(name);
    assert!(slug.is_empty() || Slug::parse(&slug).is_some(), "invariant: slug_from_name({name:?}) = {slug:?} is no slug");
}

/// The reaction list's filter (`?sectie=..&status=..&pagina=..`), as `reaction_list` reads it and
/// `select` uses it, and the download options (`?volgorde=..&namen=..&verborgen=..`).
fn check_queries(query: &str) {
    let filter = ReactionFilter::from_query(query);
    let _ = filter.to_query();
    let _ = filter.like_pattern();
    let _ = filter.narrows();
    let _ = filter.with_page(filter.page);
    let _ = workbench::select(&[], &filter, &Scope::default());

    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let options = ExportOptions::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let again = options.to_query();
    let reread: Vec<(String, String)> =
        form_urlencoded::parse(again.trim_start_matches('?').as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    assert_eq!(
        ExportOptions::from_pairs(reread.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        options,
        "invariant: export options do not survive their own query string"
    );
}

/// The stand-alone parsers and cleaners that single form fields, route segments and cookies go
/// through.
fn check_text(text: &str, number: usize) {
    let _ = Slug::parse(text);
    let _ = consultation::parse_date(text);
    check_slug_from_name(text);
    let _ = comment::looks_like_email(text);
    let normalised = comment::normalise_text(text);
    assert!(normalised.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'), "invariant: normalise_text kept a control character");
    let _ = app::domain::mail::mask_email(text);
    let _ = app::domain::mail::normalise_email(text);
    let _ = app::domain::mail::LinkPurpose::parse(text);
    let _ = app::domain::mail::MailKind::parse(text);
    let _ = app::domain::mail::OutboxStatus::parse(text);
    let _ = app::i18n::Locale::parse(text);
    let _ = council::CouncilKind::parse(text);
    let _ = Phase::parse(text);
    let _ = app::domain::status::ProcessingStatus::parse(text);
    let _ = app::domain::status::AnswerState::parse(text);
    let _ = review::ReviewState::parse(text);
    let _ = role::Role::parse(text);
    let _ = comment::SenderKind::parse(text);
    let _ = app::domain::document::BlockKind::parse(text);
    let _ = export::Order::parse(text);
    let _ = app::domain::tracking::TrackingCode::parse(text);
    let _ = advice::find_dutch_date(text);
    let _ = app::domain::grouping::parse_labelled_set(text);
    let _ = app::domain::report::shorten(text, number);
    let csv = export::csv_safe(text);
    assert!(!csv.starts_with(['=', '+', '-', '@', '\t', '\r']), "invariant: csv_safe left a formula: {csv:?}");
    let xml = export::xml_safe(text);
    assert!(
        !xml.chars().any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')),
        "invariant: xml_safe left a character XML cannot carry"
    );
    let css = export::running_header_css(text);
    assert!(!css.contains(['<', '>', '&']), "invariant: running_header_css let markup through: {css:?}");
    let safe = export::url_safe(text);
    assert!(safe.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "invariant: url_safe");
    let _ = export::file_name("reactienota", text, "docx");
}

fn today() -> Date {
    Date::from_calendar_date(2026, time::Month::December, 15).expect("a real date")
}

// ---------------------------------------------------------------------------------------------
// Structured: one form built field by field from arbitrary strings.

fn structured(u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
    fn s(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
        u.arbitrary()
    }
    fn opt(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<String>> {
        u.arbitrary()
    }
    fn date(u: &mut Unstructured<'_>) -> arbitrary::Result<Date> {
        let day = u.int_in_range(Date::MIN.to_julian_day()..=Date::MAX.to_julian_day())?;
        Ok(Date::from_julian_day(day).unwrap_or(Date::MIN))
    }
    match u.int_in_range(0u8..=22)? {
        0 => check_comment(&CommentForm {
            consultation: s(u)?,
            block: s(u)?,
            body: s(u)?,
            name: s(u)?,
            show_name: opt(u)?,
            organisation: s(u)?,
            email: s(u)?,
            consent: opt(u)?,
        }),
        1 => check_consultation(&ConsultationForm {
            title: s(u)?,
            slug: s(u)?,
            description: s(u)?,
            opens: s(u)?,
            closes: s(u)?,
            phase: s(u)?,
        }),
        2 => check_council(&CouncilForm { name: s(u)?, municipality: s(u)?, kind: s(u)?, slug: s(u)? }),
        3 => check_invite(&InviteForm { council: s(u)?, name: s(u)?, email: s(u)? }),
        4 => check_accept_invite(&AcceptInviteForm { token: s(u)?, password: s(u)?, password_again: s(u)? }),
        5 => check_intro(&IntroForm { consultation: s(u)?, council: s(u)?, intro: s(u)?, received_on: s(u)? }),
        6 => check_point(&PointForm {
            consultation: s(u)?,
            council: s(u)?,
            point: s(u)?,
            body: s(u)?,
            blocks: u.arbitrary()?,
            block_query: s(u)?,
            find: s(u)?,
        }),
        7 => check_point_answer(&PointAnswerForm {
            points: u.arbitrary()?,
            statuses: u.arbitrary()?,
            body: s(u)?,
            processed_where: s(u)?,
            state: s(u)?,
            processed_blocks: s(u)?,
        }),
        8 => check_answer(&AnswerForm {
            comment: s(u)?,
            body: s(u)?,
            status: s(u)?,
            processed_where: s(u)?,
            state: s(u)?,
            revision: s(u)?,
            reason: s(u)?,
            processed_blocks: opt(u)?,
        }),
        9 => check_review(&ReviewForm { comment: s(u)?, revision: s(u)?, decision: s(u)?, remark: s(u)? }),
        10 => check_joint_answer(&JointAnswerForm {
            slug: s(u)?,
            body: s(u)?,
            processed_where: s(u)?,
            state: s(u)?,
            reason: s(u)?,
            statuses: u.arbitrary::<BTreeMap<String, String>>()?,
            revisions: u.arbitrary::<BTreeMap<String, String>>()?,
        }),
        11 => check_moderation(&ModerationForm { comment: s(u)?, hide: s(u)?, reason: s(u)? }),
        12 => {
            let form = AdoptionForm { slug: s(u)?, adopted_on: s(u)? };
            check_adoption(&form, date(u)?);
        }
        13 => check_role(&RoleForm { user: s(u)?, role: s(u)? }),
        14 => {
            let form = PhaseForm { consultation: s(u)?, phase: s(u)?, date: s(u)? };
            let current = *u.choose(&Phase::ALL)?;
            let since = if u.arbitrary()? { Some(date(u)?) } else { None };
            check_phase(&form, current, since);
        }
        15 => check_milestone(&MilestoneForm { consultation: s(u)?, date: s(u)?, text: s(u)? }),
        16 => {
            let number = u.arbitrary::<u16>()? as usize;
            check_text(&s(u)?, number);
        }
        17 => check_queries(&s(u)?),
        18 => check_version(&VersionForm { name: s(u)?, note: s(u)? }, &s(u)?, &s(u)?),
        19 => check_sender(&SenderForm { municipality: s(u)?, sender: s(u)? }),
        20 => check_council_letter(&s(u)?, u.arbitrary()?),
        21 => check_logo(u.arbitrary()?),
        _ => {
            let text = s(u)?;
            let _ = advice::parse_meeting_report(&text);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// On the wire: the request body decoded as the server decodes it.

fn on_the_wire(body: &[u8]) {
    // server_fn reads the body with `String::from_utf8` and refuses anything else.
    if let Ok(text) = std::str::from_utf8(body) {
        server_functions(text);
        check_queries(text);
    }
    bare_forms(body);
}

fn qs<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_qs::Config::new(5, false).deserialize_str::<T>(text).ok()
}

/// Each server function's argument struct (generated by `#[server]`), decoded as `PostUrl` does.
fn server_functions(text: &str) {
    if let Some(args) = qs::<api::SubmitComment>(text) {
        check_comment(&args.form);
    }
    if let Some(args) = qs::<api::TrackComment>(text) {
        check_text(&args.code, 80);
    }
    if let Some(args) = qs::<api::RequestErasure>(text) {
        let _ = app::domain::tracking::TrackingCode::parse(&args.code);
        let _ = comment::is_checked(&args.confirm);
    }
    if let Some(args) = qs::<api::FollowMailLink>(text) {
        let _ = app::domain::mail::LinkPurpose::parse(&args.purpose);
    }
    if let Some(args) = qs::<api::ResendCodes>(text) {
        let _ = comment::looks_like_email(args.email.trim());
        let _ = app::domain::mail::normalise_email(&args.email);
    }
    if let Some(args) = qs::<api::SaveAnswer>(text) {
        check_answer(&args.form);
    }
    if let Some(args) = qs::<api::ReviewAnswer>(text) {
        check_review(&args.form);
    }
    if let Some(args) = qs::<api::SaveJointAnswer>(text) {
        check_joint_answer(&args.form);
    }
    if let Some(args) = qs::<api::SetVisibility>(text) {
        check_moderation(&args.form);
    }
    if let Some(args) = qs::<api::AdoptAnswers>(text) {
        for day in [Date::MIN, today(), Date::MAX] {
            check_adoption(&args.form, day);
        }
    }
    if let Some(args) = qs::<api::ReactionList>(text) {
        check_queries(&args.query);
        let _ = export::url_safe(&args.slug);
    }
    if let Some(args) = qs::<api::JointSelection>(text) {
        check_queries(&args.query);
    }
    if let Some(args) = qs::<api::ChangeRole>(text) {
        check_role(&args.form);
    }
    if let Some(args) = qs::<api::CreateCouncil>(text) {
        check_council(&args.form);
    }
    if let Some(args) = qs::<api::SaveLetterSender>(text) {
        check_sender(&args.form);
    }
    if let Some(args) = qs::<api::InviteMember>(text) {
        check_invite(&args.form);
    }
    if let Some(args) = qs::<api::AcceptInvite>(text) {
        check_accept_invite(&args.form);
    }
    if let Some(args) = qs::<api::ChangePhase>(text) {
        check_phase_all(&args.form);
    }
    if let Some(args) = qs::<api::AddMilestone>(text) {
        check_milestone(&args.form);
    }
    if let Some(args) = qs::<api::SaveAdviceIntro>(text) {
        check_intro(&args.form);
    }
    if let Some(args) = qs::<api::SaveAdvicePoint>(text) {
        check_point(&args.form);
    }
    if let Some(args) = qs::<api::SavePointAnswer>(text) {
        check_point_answer(&args.form);
    }
    if let Some(args) = qs::<api::ImportMeetingReport>(text) {
        let _ = advice::parse_meeting_report(&args.text);
    }
    // Arguments that are only numbers or names: decoding alone must not panic.
    let _ = qs::<api::Login>(text);
    let _ = qs::<api::AuditLog>(text);
    let _ = qs::<api::GetReport>(text);
    let _ = qs::<api::RetryMail>(text);
    let _ = qs::<api::RemoveAdvicePoint>(text);
    let _ = qs::<api::AskCouncil>(text);
}

/// The bare form types from flat `field=value` pairs (serde_urlencoded), as a plain form post of
/// just that form would carry them. Forms with lists or maps only decode when those are absent.
fn bare_forms(body: &[u8]) {
    fn ue<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
        serde_urlencoded::from_bytes::<T>(body).ok()
    }
    if let Some(form) = ue::<CommentForm>(body) {
        check_comment(&form);
    }
    if let Some(form) = ue::<ConsultationForm>(body) {
        check_consultation(&form);
    }
    if let Some(form) = ue::<CouncilForm>(body) {
        check_council(&form);
    }
    if let Some(form) = ue::<InviteForm>(body) {
        check_invite(&form);
    }
    if let Some(form) = ue::<AcceptInviteForm>(body) {
        check_accept_invite(&form);
    }
    if let Some(form) = ue::<IntroForm>(body) {
        check_intro(&form);
    }
    if let Some(form) = ue::<PointForm>(body) {
        check_point(&form);
    }
    if let Some(form) = ue::<PointAnswerForm>(body) {
        check_point_answer(&form);
    }
    if let Some(form) = ue::<AnswerForm>(body) {
        check_answer(&form);
    }
    if let Some(form) = ue::<ReviewForm>(body) {
        check_review(&form);
    }
    if let Some(form) = ue::<JointAnswerForm>(body) {
        check_joint_answer(&form);
    }
    if let Some(form) = ue::<ModerationForm>(body) {
        check_moderation(&form);
    }
    if let Some(form) = ue::<AdoptionForm>(body) {
        check_adoption(&form, today());
    }
    if let Some(form) = ue::<RoleForm>(body) {
        check_role(&form);
    }
    if let Some(form) = ue::<PhaseForm>(body) {
        check_phase_all(&form);
    }
    if let Some(form) = ue::<MilestoneForm>(body) {
        check_milestone(&form);
    }
}
