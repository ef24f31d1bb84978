//! Demo data for a first look: a fictional municipality's draft vision in its comment period,
//! an officer, and a few comments, one of them answered. Only loaded into an empty database.

use super::auth::hash_password;
use super::services::{create_consultation, submit_comment, today};
use super::store::{ConsultationRow, NewPointAnswer, RevisionWrite, Store};
use crate::domain::comment::CommentForm;
use crate::domain::consultation::ConsultationForm;
use crate::domain::error::{AppError, FormOutcome};
use crate::domain::phase::Phase;
use crate::domain::review::ReviewState;
use crate::domain::role::Role;
use crate::domain::status::{AnswerState, ProcessingStatus};
use crate::i18n::Locale;

pub const DEMO_DOCUMENT: &str = include_str!("../../../demo/samen-sterk-in-de-wijk.md");
pub const DEMO_SLUG: &str = "samen-sterk-in-de-wijk";
/// The concept revised after the advice round: the version residents comment on.
pub const DEMO_DOCUMENT_V2: &str = include_str!("../../../demo/samen-sterk-in-de-wijk-v2.md");

pub struct DemoLogin {
    pub email: String,
    pub password: String,
}

/// Loads the demo once. Returns the officer's login (the password as configured or the default).
pub async fn seed(store: &Store, login: DemoLogin) -> Result<bool, AppError> {
    if store.consultation_by_slug(DEMO_SLUG).await?.is_some() {
        return Ok(false);
    }
    let officer = match store.user_by_email(&login.email).await? {
        Some(user) => user.id,
        None => store.create_user(&login.email, "Fatima el Amrani", &hash_password(&login.password)?, Role::Admin).await?,
    };
    let today = today();
    let form = ConsultationForm {
        title: "Samen sterk in de wijk: beleidsvisie sociaal domein 2027-2030".into(),
        slug: DEMO_SLUG.into(),
        description: "De gemeente Lindeburg vraagt uw mening over de nieuwe visie op ondersteuning in de wijk.".into(),
        opens: (today - time::Duration::days(14)).to_string(),
        closes: (today + time::Duration::days(28)).to_string(),
        phase: Phase::Concept.code().into(),
    };
    let started = Some(today - time::Duration::days(70));
    if let FormOutcome::Invalid(errors) =
        create_consultation(store, &form, "visie.md", DEMO_DOCUMENT.as_bytes(), Some(officer), started).await?
    {
        tracing::error!(?errors, "demo document did not import");
        return Err(AppError::Internal);
    }
    let consultation = store.consultation_by_slug(DEMO_SLUG).await?.ok_or(AppError::Internal)?;
    seed_advice_round(store, &consultation, officer, &login.password).await?;
    let comments = [
        ("h2-a-1", "Fijn dat er een vast gezicht komt. Kan het spreekuur ook 's avonds, voor mensen die werken?", "", ""),
        ("h2-a-1", "In De Weiden is het buurthuis slecht bereikbaar met het openbaar vervoer.", "Karin de Vries", "on"),
        ("h3-b-2", "Respijtzorg binnen vier weken is te lang als je op instorten staat. Maak er twee weken van.", "", ""),
        ("", "Mooie visie, maar waar is de jeugd? Jongeren komen bijna niet voor.", "", ""),
    ];
    let mut first = None;
    for (block, body, name, show) in comments {
        let form = CommentForm {
            consultation: DEMO_SLUG.into(),
            block: block.into(),
            body: body.into(),
            name: name.into(),
            show_name: (!show.is_empty()).then(|| show.to_string()),
            consent: (!name.is_empty()).then(|| "on".to_string()),
            organisation: String::new(),
            email: String::new(),
        };
        if let FormOutcome::Done(receipt) = submit_comment(store, &form, today, Locale::Nl).await? {
            first.get_or_insert(receipt.code);
        }
    }
    let org = CommentForm {
        consultation: DEMO_SLUG.into(),
        block: "h4-1".into(),
        body: "Schuldhulpmaatjes Lindeburg vraagt om de verschuiving naar preventie ook in de begroting zichtbaar te maken.".into(),
        organisation: "Schuldhulpmaatjes Lindeburg".into(),
        ..CommentForm::default()
    };
    submit_comment(store, &org, today, Locale::Nl).await?;
    seed_campaign(store, today).await?;
    // The first comment's answer went through review, so the tracking page and the report show one.
    let hash = hash_password(&login.password)?;
    let reviewer_id = store.create_staff("marieke@lindeburg.example", "Marieke Jansen", &hash, Role::Reviewer, Some("Lindeburg")).await?;
    store.create_staff("sander@lindeburg.example", "Sander Pieters", &hash, Role::Officer, Some("Lindeburg")).await?;
    let author = store.user_by_id(officer).await?.ok_or(AppError::Internal)?;
    let reviewer = store.user_by_id(reviewer_id).await?.ok_or(AppError::Internal)?;
    if let Some(comment) = store.comments_for_officer(consultation.id).await?.first() {
        let body = "Dank voor uw reactie. Het wijkteam houdt in elke wijk **één avondspreekuur per week**.";
        let mut revision = RevisionWrite {
            comment_id: comment.id,
            expected: None,
            body_markdown: body.into(),
            body_html: super::markdown::render_answer(body),
            status: ProcessingStatus::Processed,
            processed_where: Some("Hoofdstuk 2.a, alinea 1".into()),
            state: ReviewState::ForReview,
            remark: None,
            change_reason: None,
            processed_blocks: None,
        };
        store.write_revisions(consultation.id, std::slice::from_ref(&revision), false, &author).await?;
        revision.expected = Some(1);
        revision.state = ReviewState::Approved;
        store.write_revisions(consultation.id, &[revision], false, &reviewer).await?;
    }
    if let Some(code) = first {
        tracing::info!(%code, "demo loaded; tracking code of the answered comment");
    }
    Ok(true)
}

/// Near-identical letters from a campaign, and a neighbouring council's letter: what the
/// grouping suggestions and the sender filter are for.
async fn seed_campaign(store: &Store, today: time::Date) -> Result<(), AppError> {
    use crate::domain::comment::{SenderDetails, SenderKind, ValidComment};
    const LETTER: &str = "Als mantelzorger vraag ik het college om respijtzorg binnen twee weken beschikbaar te maken \
        in plaats van vier weken. Wie vastloopt kan niet een maand wachten op een adempauze.";
    let additions = [
        "",
        " Ik zorg al zes jaar voor mijn moeder.",
        " Mijn man heeft dementie en ik ben op.",
        " Graag ook respijtzorg in het weekend.",
        " Ik hoop dat u dit serieus neemt.",
    ];
    for (i, addition) in additions.iter().enumerate() {
        let form = CommentForm {
            consultation: DEMO_SLUG.into(),
            block: "h3-b-2".into(),
            body: format!("Geacht college,\n\n{LETTER}{addition}\n\nMet vriendelijke groet,\nmantelzorger {}", i + 1),
            ..CommentForm::default()
        };
        submit_comment(store, &form, today, Locale::Nl).await?;
    }
    let consultation = store.consultation_by_slug(DEMO_SLUG).await?.ok_or(AppError::Internal)?;
    let letter = ValidComment {
        block_anchor: None,
        body: "De Wmo-raad Waterhoven vraagt Lindeburg de wijkteams te laten samenwerken over de gemeentegrens, \
               want veel inwoners van Waterhoven gebruiken voorzieningen in Lindeburg."
            .into(),
        sender_kind: SenderKind::Council,
        organisation: Some("Wmo-raad Waterhoven".into()),
        show_name: false,
        sender: SenderDetails { name: None, email: None },
    };
    let code = super::services::new_tracking_code();
    store
        .insert_comment(consultation.id, consultation.version_id, None, &letter, &code, crate::domain::consultation::Lateness::OnTime)
        .await?;
    Ok(())
}

/// The oral advice of the demo council, as an officer wrote it up.
const DEMO_REPORT: &str = "Verslag van de vergadering van de Adviesraad Sociaal Domein Lindeburg. \
De raad heeft mondeling de volgende punten meegegeven.";

const DEMO_POINTS: [(&str, &[&str]); 3] = [
    ("Een vast gezicht in de wijk is goed, maar zorg dat het wijkteam ook bereikbaar is voor wie overdag werkt.", &["h2-a-1"]),
    ("Maak bij de spreekuren duidelijk waar inwoners terechtkunnen als het buurthuis dicht is.", &["h2-a-1"]),
    ("Respijtzorg moet sneller beschikbaar zijn dan binnen vier weken: mantelzorgers wachten vaak te lang met hulp vragen.", &["h3-b-2"]),
];

/// Two councils of two municipalities, an officer per municipality, a member of the first
/// council, and the first council's oral advice with the college's published answer.
async fn seed_advice_round(store: &Store, consultation: &ConsultationRow, admin: i64, password: &str) -> Result<(), AppError> {
    use crate::domain::council::{CouncilForm, ValidCouncil};
    let today = today();
    let days = time::Duration::days;
    store.change_phase(consultation.id, Phase::Concept, Phase::Advice, today - days(56), admin).await?;
    store
        .add_milestone(consultation.id, today - days(60), "Conceptversie besproken met wijkteams en vrijwilligersorganisaties", admin)
        .await?;
    store
        .add_milestone(consultation.id, today - days(45), "Conceptversie gepresenteerd aan de Adviesraad Sociaal Domein Lindeburg", admin)
        .await?;
    let mut councils = Vec::new();
    for (name, municipality, kind) in
        [("Adviesraad Sociaal Domein Lindeburg", "Lindeburg", "sociaal_domein"), ("Wmo-raad Waterhoven", "Waterhoven", "wmo")]
    {
        let form = CouncilForm { name: name.into(), municipality: municipality.into(), kind: kind.into(), slug: String::new() };
        let council = ValidCouncil::try_from(&form).map_err(|_| AppError::Internal)?;
        let id = store.create_council(&council, Some(admin)).await?;
        store.ask_council(consultation.id, id).await?;
        councils.push(id);
    }
    // A regional consultation: Waterhoven's college answers its own council under its own name.
    store.set_municipality_sender("Waterhoven", "College van burgemeester en wethouders van Waterhoven", admin).await?;
    let hash = hash_password(password)?;
    store.create_staff("wmo@waterhoven.example", "Joost Verhagen", &hash, Role::Officer, Some("Waterhoven")).await?;
    // A member joins through an invite, as real members do.
    let token_hash = super::services::token_hash("demo-lid-adviesraad");
    let expires = crate::domain::council::invite_expiry(super::store::now());
    store.create_invite(councils[0], "Henk Bakker", "henk@asd-lindeburg.example", &token_hash, admin, expires).await?;
    if let Some(invite) = store.invite_by_hash(&token_hash).await? {
        store.accept_invite(&invite, &hash).await?;
    }
    // The first council advised orally; the officer entered and submitted it.
    let revision = store.open_advice_draft(consultation.id, councils[0], true).await?;
    store.save_advice_intro(revision, DEMO_REPORT, Some(today - days(45))).await?;
    let mut points = Vec::new();
    for (body, anchors) in DEMO_POINTS {
        let mut blocks = Vec::new();
        for anchor in anchors {
            blocks.extend(store.block_id_by_anchor(consultation.version_id, anchor).await?);
        }
        points.extend(store.save_advice_point(revision, None, body, &blocks).await?);
    }
    store.submit_advice(revision, admin, today - days(45)).await?;
    // The concept was revised after the advice; the comment period runs on the new version.
    let admin_row = store.user_by_id(admin).await?.ok_or(AppError::Internal)?;
    let form = crate::domain::versions::VersionForm {
        name: "Versie voor inspraak".into(),
        note: "Aangepast na het advies van de Adviesraad Sociaal Domein: een avondspreekuur in elke wijk.".into(),
    };
    if let FormOutcome::Invalid(errors) =
        super::versions::import_version(store, &admin_row, DEMO_SLUG, &form, "visie-v2.md", DEMO_DOCUMENT_V2.as_bytes()).await?
    {
        tracing::error!(?errors, "demo version 2 did not import");
        return Err(AppError::Internal);
    }
    store.change_phase(consultation.id, Phase::Advice, Phase::Comment, consultation.opens_on, admin).await?;
    let current = store.consultation_by_id(consultation.id).await?.ok_or(AppError::Internal)?;
    let evening = store.block_id_by_anchor(current.version_id, "h2-a-1").await?.into_iter().collect::<Vec<_>>();
    // Per answer: the points, their statuses, the text, and the paragraphs of version 2 it names.
    type DemoAnswer<'a> = (&'a [i64], &'a [ProcessingStatus], &'a str, &'a [i64]);
    let answers: [DemoAnswer; 2] = [
        (
            &points[..2],
            &[ProcessingStatus::Processed, ProcessingStatus::PartlyProcessed],
            "Voor beide onderdelen geldt: het wijkteam houdt in elke wijk één avondspreekuur per week, en de openingstijden staan op de deur van het buurthuis en op de website.",
            &evening,
        ),
        (
            &points[2..],
            &[ProcessingStatus::ImplementationPlan],
            "De termijn voor respijtzorg wordt in het uitvoeringsplan uitgewerkt, met als doel twee weken.",
            &[],
        ),
    ];
    for (ids, statuses, body, blocks) in answers {
        let pairs: Vec<(i64, ProcessingStatus)> = ids.iter().copied().zip(statuses.iter().copied()).collect();
        let joint = (pairs.len() > 1).then(|| super::services::random_token(8));
        store
            .add_point_answers(&NewPointAnswer {
                points: &pairs,
                body_markdown: body,
                body_html: &super::markdown::render_answer(body),
                processed_where: Some("Hoofdstuk 2.a en 3.b"),
                state: AnswerState::Final,
                joint_key: joint.as_deref(),
                author_id: admin,
                processed_blocks: blocks,
            })
            .await?;
    }
    if let Some(advice) = store.advice_for(consultation.id, councils[0]).await? {
        let intro = "Het college dankt de Adviesraad Sociaal Domein voor zijn advies over de conceptvisie. Hieronder leest u per punt hoe het college het advies heeft gewogen.";
        store.add_response_intro(advice.id, intro, &super::markdown::render_answer(intro), admin).await?;
        store.publish_advice(advice.id).await?;
    }
    Ok(())
}
