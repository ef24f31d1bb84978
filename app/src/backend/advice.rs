//! The advice round on the server: who may read and write which advice, the draft and its
//! submission, answers per point, and the assembly of the college's response letter.

use super::auth;
use super::markdown::render_answer;
use super::store::{AdviceRevisionRow, AdviceRow, ConsultationRow, CouncilRow, NewPointAnswer, PointRow, Store, UserRow};
use super::workbench::format_time;
use crate::domain::advice::{
    self, AdviceStage, IntroForm, Letter, LetterPoint, PointAnswer, PointAnswerForm, PointForm, ValidIntro, ValidPoint, ValidPointAnswer,
};
use crate::domain::block_search::{self, BlockQuery};
use crate::domain::council::CouncilKind;
use crate::domain::error::{AppError, FieldError, FieldErrors, FormOutcome};
use crate::domain::phase::{Phase, advice_open, oral_advice_open};
use crate::domain::role::{Action, Role, may, may_answer_council, may_read_advice, may_write_advice};
use crate::domain::status::{AnswerState, ProcessingStatus};
use crate::views::{
    AdviceRevisionView, AdviceWorkspaceView, BlockChoice, BlockRef, CouncilInfo, CouncilLetterView, FoundBlocks, LetterSummary, LetterView,
    LettersView, OfficerAdviceView, OfficerPointView, PointAnswerView, PointView,
};
use std::collections::HashMap;

pub fn council_info(row: &CouncilRow) -> CouncilInfo {
    council_info_of(row.slug.clone(), row.name.clone(), row.municipality.clone(), &row.kind)
}

/// A council as the interface shows it, from any row that has its columns.
pub fn council_info_of(slug: String, name: String, municipality: String, kind: &str) -> CouncilInfo {
    CouncilInfo { slug, name, municipality, kind: CouncilKind::parse(kind).unwrap_or(CouncilKind::Other) }
}

async fn load(store: &Store, slug: &str, council: &str) -> Result<(ConsultationRow, CouncilRow), AppError> {
    let consultation = store.consultation_by_slug(slug.trim()).await?.ok_or(AppError::NotFound)?;
    let council = store.council_by_slug(council.trim()).await?.ok_or(AppError::NotFound)?;
    Ok((consultation, council))
}

/// A council of a municipality this staff member serves. Another municipality's council is
/// refused outright: its existence is public, its members and invites are not.
pub async fn managed_council(store: &Store, user: &UserRow, slug: &str) -> Result<CouncilRow, AppError> {
    let row = store.council_by_slug(slug.trim()).await?.ok_or(AppError::NotFound)?;
    if crate::domain::role::may_manage_council(&user.actor(), &row.municipality) { Ok(row) } else { Err(AppError::Forbidden) }
}

/// Members see only their own council; everyone else needs to be staff.
fn check_reader(user: &UserRow, council: &CouncilRow) -> Result<(), AppError> {
    match user.role() {
        Role::CouncilMember if user.council_id == Some(council.id) => Ok(()),
        Role::CouncilMember => Err(AppError::Forbidden),
        Role::Officer | Role::Reviewer | Role::Admin => Ok(()),
    }
}

pub fn stage_of(revisions: &[AdviceRevisionRow]) -> AdviceStage {
    match revisions.first() {
        None => AdviceStage::None,
        Some(latest) if latest.submitted_at.is_some() => AdviceStage::Submitted,
        Some(_) if revisions.iter().any(|r| r.submitted_at.is_some()) => AdviceStage::Correcting,
        Some(_) => AdviceStage::Draft,
    }
}

/// The ids of the points, in the order written (a point has a row per block it refers to).
fn point_ids(rows: &[PointRow]) -> Vec<i64> {
    let mut ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    ids.dedup();
    ids
}

/// Points in the order written, each with the blocks it refers to.
fn group_points(rows: Vec<PointRow>) -> Vec<PointView> {
    let mut points: Vec<PointView> = Vec::new();
    for row in rows {
        if points.last().map(|p| p.id) != Some(row.id) {
            let number = points.len() + 1;
            points.push(PointView { id: row.id, number, body_html: render_answer(&row.body), body: row.body, blocks: Vec::new() });
        }
        if let (Some(point), Some(anchor), Some(label)) = (points.last_mut(), row.block_anchor, row.block_label) {
            point.blocks.push(BlockRef { anchor, label });
        }
    }
    points
}

async fn revision_view(store: &Store, row: &AdviceRevisionRow) -> Result<AdviceRevisionView, AppError> {
    let points = group_points(store.advice_points(row.id).await?);
    Ok(AdviceRevisionView {
        revision_no: row.revision_no,
        intro_html: render_answer(&row.intro),
        intro: row.intro.clone(),
        oral: row.oral,
        written: row.written,
        received_on: row.received_on,
        submitted_at: row.submitted_at.map(format_time),
        submitted_by: row.submitted_by.clone(),
        points,
    })
}

async fn revisions(
    store: &Store,
    consultation: &ConsultationRow,
    council: &CouncilRow,
) -> Result<(Option<AdviceRow>, Vec<AdviceRevisionRow>), AppError> {
    let advice = store.advice_for(consultation.id, council.id).await?;
    let revisions = match &advice {
        Some(a) => store.advice_revisions(a.id).await?,
        None => Vec::new(),
    };
    Ok((advice, revisions))
}

fn is_open(user: &UserRow, phase: Phase) -> bool {
    if user.role().is_staff() { oral_advice_open(phase) } else { advice_open(phase) }
}

/// `council` may be empty for a member: their own council.
/// The advice workspace; `block_query`, when not empty, is a search for blocks to tie a point to.
pub async fn workspace(
    store: &Store,
    user: &UserRow,
    slug: &str,
    council: &str,
    block_query: &str,
) -> Result<AdviceWorkspaceView, AppError> {
    let own;
    let council = match (council.trim(), user.council_id) {
        ("", Some(id)) => {
            own = store.council_by_id(id).await?.ok_or(AppError::NotFound)?.slug;
            own.as_str()
        }
        (council, _) => council,
    };
    let (consultation, council) = load(store, slug, council).await?;
    check_reader(user, &council)?;
    if !store.is_council_asked(consultation.id, council.id).await? {
        return Err(AppError::NotFound);
    }
    let (advice_row, rows) = revisions(store, &consultation, &council).await?;
    let stage = stage_of(&rows);
    let staff = user.role().is_staff();
    let draft_row = rows.first().filter(|r| r.submitted_at.is_none());
    // Staff see a council's own draft only once it is submitted; an oral one they wrote themselves.
    let council_drafting = staff && draft_row.is_some_and(|r| !r.oral);
    // Staff write only an advice they entered themselves (an oral one), never the council's own.
    let council_owned = staff && rows.first().is_some_and(|r| !r.oral);
    let draft = match draft_row.filter(|r| may_read_advice(&user.actor(), council.id, r.oral)) {
        Some(row) => Some(revision_view(store, row).await?),
        None => None,
    };
    let mut submitted = Vec::new();
    for row in rows.iter().filter(|r| r.submitted_at.is_some()) {
        submitted.push(revision_view(store, row).await?);
    }
    let document = store.document(consultation.version_id).await?;
    let query = BlockQuery::parse(block_query);
    let found_blocks = (!query.is_empty()).then(|| {
        // The label in either language, and as stored (an old "Appendix 2" reads "Bijlage 2" now).
        let labels = |b: &crate::backend::store::BlockRow| {
            let mut labels = crate::render::labels::in_every_language(&b.label_parts());
            labels.push(b.label.clone());
            labels
        };
        let found = block_search::search_labels(&query, document.blocks.iter().map(|b| (labels(b), b.plain_text.as_str())));
        FoundBlocks {
            query: block_query.chars().take(block_search::MAX_QUERY_CHARS).collect(),
            anchors: found.indexes.into_iter().map(|i| document.blocks[i].anchor.clone()).collect(),
            total: found.total,
        }
    });
    let blocks = document
        .blocks
        .into_iter()
        .map(|b| BlockChoice { label: b.label_parts(), anchor: b.anchor, excerpt: crate::domain::report::shorten(&b.plain_text, 70) })
        .collect();
    let council_letter = match advice_row.filter(|_| staff) {
        Some(advice_row) => store.advice_letter(advice_row.id).await?.map(|row| CouncilLetterView {
            size_kb: size_kb(row.size),
            url: council_letter_url(&consultation.slug, &council.slug),
            file_name: row.file_name,
            uploaded_at: format_time(row.uploaded_at),
            uploaded_by: row.uploaded_by,
            publish: row.publish,
        }),
        None => None,
    };
    let letter_ready = match answered_points(store, &rows).await? {
        Some((_, points, history)) => {
            advice::all_final(points.iter().map(|p| history.get(&p.id).and_then(|h| h.first()).and_then(|a| AnswerState::parse(&a.state))))
        }
        None => false,
    };
    Ok(AdviceWorkspaceView {
        consultation_slug: consultation.slug.clone(),
        consultation_title: consultation.title.clone(),
        phase: consultation.phase(),
        council: council_info(&council),
        stage,
        open: is_open(user, consultation.phase()) && !council_owned && may_write_advice(&user.actor(), council.id, &council.municipality),
        staff,
        draft,
        council_drafting,
        submitted,
        blocks,
        found_blocks,
        council_letter,
        letter_ready,
    })
}

/// The draft a write goes into, or why there is none to write in.
struct Draft {
    consultation: ConsultationRow,
    council: CouncilRow,
    revision_id: i64,
}

/// Council members draft advice; staff enter oral advice.
fn check_writer(user: &UserRow) -> Result<(), AppError> {
    if may(user.role(), Action::DraftAdvice) || may(user.role(), Action::AnswerComment) { Ok(()) } else { Err(AppError::Forbidden) }
}

/// Finds (or, for the first write, starts) the draft this user may write in now.
async fn writable_draft(
    store: &Store,
    user: &UserRow,
    slug: &str,
    council: &str,
    create: bool,
) -> Result<Result<Draft, FieldError>, AppError> {
    check_writer(user)?;
    let (consultation, council) = load(store, slug, council).await?;
    if !may_write_advice(&user.actor(), council.id, &council.municipality) {
        return Err(AppError::Forbidden);
    }
    if !store.is_council_asked(consultation.id, council.id).await? {
        return Ok(Err(FieldError::CouncilNotAsked));
    }
    let (_, rows) = revisions(store, &consultation, &council).await?;
    let stage = stage_of(&rows);
    let staff = user.role().is_staff();
    let draft = rows.first().filter(|r| r.submitted_at.is_none());
    if staff && draft.is_some_and(|r| !r.oral) {
        return Ok(Err(FieldError::CouncilIsDrafting));
    }
    let points = match draft {
        Some(d) => point_ids(&store.advice_points(d.id).await?).len(),
        None => 0,
    };
    if let Err(error) = advice::check_edit(stage, is_open(user, consultation.phase()), if create { points } else { 0 }) {
        return Ok(Err(error));
    }
    let revision_id = match draft {
        Some(d) => d.id,
        None => store.open_advice_draft(consultation.id, council.id, staff).await?,
    };
    Ok(Ok(Draft { consultation, council, revision_id }))
}

fn refused<T>(field: &str, error: FieldError) -> FormOutcome<T> {
    FormOutcome::Invalid(FieldErrors::single(field, error))
}

pub async fn save_intro(store: &Store, user: &UserRow, form: &IntroForm) -> Result<FormOutcome<()>, AppError> {
    let intro = match ValidIntro::try_from(form) {
        Ok(intro) => intro,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let draft = match writable_draft(store, user, &form.consultation, &form.council, false).await? {
        Ok(draft) => draft,
        Err(error) => return Ok(refused("intro", error)),
    };
    if !store.save_advice_intro(draft.revision_id, &intro.intro, intro.received_on).await? {
        return Ok(refused("intro", FieldError::AlreadySubmitted));
    }
    Ok(FormOutcome::Done(()))
}

pub async fn save_point(store: &Store, user: &UserRow, form: &PointForm) -> Result<FormOutcome<i64>, AppError> {
    let point = match ValidPoint::try_from(form) {
        Ok(point) => point,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let draft = match writable_draft(store, user, &form.consultation, &form.council, point.point_id.is_none()).await? {
        Ok(draft) => draft,
        Err(error) => return Ok(refused("body", error)),
    };
    let mut block_ids = Vec::with_capacity(point.block_anchors.len());
    for anchor in &point.block_anchors {
        // Only blocks of this consultation's document: an anchor from elsewhere is unknown here.
        match store.block_id_by_anchor(draft.consultation.version_id, anchor).await? {
            Some(id) => block_ids.push(id),
            None => return Ok(refused("blocks", FieldError::UnknownBlock)),
        }
    }
    match store.save_advice_point(draft.revision_id, point.point_id, &point.body, &block_ids).await? {
        Some(id) => {
            tracing::info!(council = %draft.council.slug, point.id = id, "advice point saved");
            Ok(FormOutcome::Done(id))
        }
        None => Ok(refused("body", FieldError::AlreadySubmitted)),
    }
}

pub async fn remove_point(store: &Store, user: &UserRow, slug: &str, council: &str, point: i64) -> Result<FormOutcome<()>, AppError> {
    let draft = match writable_draft(store, user, slug, council, false).await? {
        Ok(draft) => draft,
        Err(error) => return Ok(refused("point", error)),
    };
    if store.remove_advice_point(draft.revision_id, point).await? { Ok(FormOutcome::Done(())) } else { Err(AppError::NotFound) }
}

pub async fn submit(store: &Store, user: &UserRow, slug: &str, council: &str) -> Result<FormOutcome<()>, AppError> {
    check_writer(user)?;
    let (consultation, council_row) = load(store, slug, council).await?;
    if !may_write_advice(&user.actor(), council_row.id, &council_row.municipality) {
        return Err(AppError::Forbidden);
    }
    let (_, rows) = revisions(store, &consultation, &council_row).await?;
    let stage = stage_of(&rows);
    let draft = rows.first().filter(|r| r.submitted_at.is_none());
    if user.role().is_staff() && draft.is_some_and(|r| !r.oral) {
        return Ok(refused("submit", FieldError::CouncilIsDrafting));
    }
    let points = match draft {
        Some(d) => point_ids(&store.advice_points(d.id).await?).len(),
        None => 0,
    };
    if let Err(error) = advice::check_submit(stage, is_open(user, consultation.phase()), points) {
        return Ok(refused("submit", error));
    }
    let Some(draft) = draft else { return Ok(refused("submit", FieldError::AdviceEmpty)) };
    // The conditional update makes a second submit (another tab, a double click) a clear refusal.
    if !store.submit_advice(draft.id, user.id, super::services::today()).await? {
        return Ok(refused("submit", FieldError::AlreadySubmitted));
    }
    tracing::info!(council = %council_row.slug, revision = draft.revision_no, "advice submitted");
    Ok(FormOutcome::Done(()))
}

pub async fn start_correction(store: &Store, user: &UserRow, slug: &str, council: &str) -> Result<FormOutcome<()>, AppError> {
    check_writer(user)?;
    let (consultation, council_row) = load(store, slug, council).await?;
    if !may_write_advice(&user.actor(), council_row.id, &council_row.municipality) {
        return Err(AppError::Forbidden);
    }
    let (_, rows) = revisions(store, &consultation, &council_row).await?;
    if stage_of(&rows) != AdviceStage::Submitted {
        return Ok(FormOutcome::Done(()));
    }
    if user.role().is_staff() && !rows.first().is_some_and(|r| r.oral) {
        return Ok(refused("submit", FieldError::CouncilIsDrafting));
    }
    if !is_open(user, consultation.phase()) {
        return Ok(refused("submit", FieldError::AdviceClosed));
    }
    store.open_advice_draft(consultation.id, council_row.id, user.role().is_staff()).await?;
    Ok(FormOutcome::Done(()))
}

/// Reads a meeting report into the (oral) draft: the intro, the meeting date and one point per
/// list item. Staff only.
pub async fn import_report(store: &Store, user: &UserRow, slug: &str, council: &str, text: &str) -> Result<FormOutcome<usize>, AppError> {
    auth::allow(user, Action::AnswerComment)?;
    let report = match advice::parse_meeting_report(text) {
        Ok(report) => report,
        Err(error) => return Ok(refused("report", error)),
    };
    let draft = match writable_draft(store, user, slug, council, true).await? {
        Ok(draft) => draft,
        Err(error) => return Ok(refused("report", error)),
    };
    store.save_advice_intro(draft.revision_id, &report.intro, report.meeting_date).await?;
    for body in &report.points {
        store.save_advice_point(draft.revision_id, None, body, &[]).await?;
    }
    tracing::info!(council = %draft.council.slug, points = report.points.len(), by = user.id, "meeting report read in");
    Ok(FormOutcome::Done(report.points.len()))
}

fn answer_view(row: &super::store::PointAnswerRow) -> PointAnswerView {
    PointAnswerView {
        processed_blocks: Vec::new(),
        revision_no: row.revision_no,
        body_markdown: row.body_markdown.clone(),
        status: ProcessingStatus::parse(&row.status),
        processed_where: row.processed_where.clone(),
        state: AnswerState::parse(&row.state).unwrap_or(AnswerState::Draft),
        joint: row.joint_key.is_some(),
        author: row.author.clone(),
        saved_at: format_time(row.created_at),
    }
}

/// Per current answer revision: the passages it names, each with the change from the point's
/// first block.
async fn processed_places(
    store: &Store,
    points: &[PointView],
    history: &HashMap<i64, Vec<super::store::PointAnswerRow>>,
) -> Result<HashMap<i64, Vec<crate::domain::versions::ProcessedIn>>, AppError> {
    let current: Vec<(i64, i64)> = points.iter().filter_map(|p| history.get(&p.id).and_then(|h| h.first()).map(|a| (p.id, a.id))).collect();
    let revision_ids: Vec<i64> = current.iter().map(|c| c.1).collect();
    let named = store.point_answer_blocks(&revision_ids).await?;
    if named.is_empty() {
        return Ok(HashMap::new());
    }
    let point_ids: Vec<i64> = current.iter().map(|c| c.0).collect();
    let on = store.point_blocks(&point_ids).await?;
    let mut ids: Vec<i64> = named.iter().map(|n| n.1).chain(on.iter().map(|o| o.1)).collect();
    ids.sort_unstable();
    ids.dedup();
    let blocks: HashMap<i64, super::store::BlockRef> = store.blocks_by_ids(&ids).await?.into_iter().map(|b| (b.id, b)).collect();
    let mut places = HashMap::new();
    for (point, revision) in current {
        let list: Vec<i64> = named.iter().filter(|n| n.0 == revision).map(|n| n.1).collect();
        if list.is_empty() {
            continue;
        }
        let from = on.iter().filter(|o| o.0 == point).filter_map(|o| blocks.get(&o.1)).min_by_key(|b| b.position);
        places.insert(revision, super::versions::processed_in(from, &list, &blocks));
    }
    Ok(places)
}

/// The latest submitted revision with its points and every answer revision per point.
async fn answered_points(
    store: &Store,
    rows: &[AdviceRevisionRow],
) -> Result<Option<(AdviceRevisionRow, Vec<PointView>, HashMap<i64, Vec<super::store::PointAnswerRow>>)>, AppError> {
    let Some(revision) = rows.iter().find(|r| r.submitted_at.is_some()).cloned() else { return Ok(None) };
    let points = group_points(store.advice_points(revision.id).await?);
    let mut history: HashMap<i64, Vec<super::store::PointAnswerRow>> = HashMap::new();
    for row in store.point_answer_history(revision.id).await? {
        history.entry(row.point_id).or_default().push(row);
    }
    Ok(Some((revision, points, history)))
}

pub async fn officer_view(store: &Store, user: &UserRow, slug: &str, council: &str) -> Result<OfficerAdviceView, AppError> {
    let (consultation, council) = load(store, slug, council).await?;
    let (advice_row, rows) = revisions(store, &consultation, &council).await?;
    let response_intro = match &advice_row {
        Some(a) => store.response_intro(a.id).await?.map(|(md, _)| md).unwrap_or_default(),
        None => String::new(),
    };
    let (submitted, points) = match answered_points(store, &rows).await? {
        Some((revision, points, mut history)) => {
            let view = revision_view(store, &revision).await?;
            let ids: Vec<i64> = history.values().flatten().map(|a| a.id).collect();
            let named = store.point_answer_blocks(&ids).await?;
            let blocks: Vec<i64> = named.iter().map(|n| n.1).collect();
            let labels: HashMap<i64, String> = store.blocks_by_ids(&blocks).await?.into_iter().map(|b| (b.id, b.label)).collect();
            let places = |revision: i64| -> Vec<String> {
                named.iter().filter(|n| n.0 == revision).filter_map(|n| labels.get(&n.1).cloned()).collect()
            };
            let points = points
                .into_iter()
                .map(|point| {
                    let history = history
                        .remove(&point.id)
                        .unwrap_or_default()
                        .iter()
                        .map(|a| PointAnswerView { processed_blocks: places(a.id), ..answer_view(a) })
                        .collect();
                    OfficerPointView { point, history }
                })
                .collect();
            (Some(view), points)
        }
        None => (None, Vec::new()),
    };
    let complete = advice::all_final(points.iter().map(|p: &OfficerPointView| p.history.first().map(|a| a.state)));
    let latest = super::versions::latest_version(store, consultation.id).await?;
    let latest_version = latest.as_ref().map(|(no, _)| *no);
    let latest_blocks = latest.map(|(_, blocks)| super::versions::block_choices(blocks)).unwrap_or_default();
    Ok(OfficerAdviceView {
        latest_version,
        latest_blocks,
        consultation_slug: consultation.slug.clone(),
        consultation_title: consultation.title.clone(),
        may_answer: may_answer_council(&user.actor(), &council.municipality),
        council: council_info(&council),
        submitted,
        points,
        response_intro,
        published_on: advice_row.and_then(|a| a.published_at).map(|at| at.date()),
        complete,
    })
}

/// The officer's answer context: the submitted revision's points, if this officer answers this council.
async fn answerer(
    store: &Store,
    user: &UserRow,
    slug: &str,
    council: &str,
) -> Result<Result<(AdviceRow, ConsultationRow, CouncilRow), FieldError>, AppError> {
    auth::allow(user, Action::AnswerComment)?;
    let (consultation, council) = load(store, slug, council).await?;
    if !may_answer_council(&user.actor(), &council.municipality) {
        return Ok(Err(FieldError::NotYourMunicipality));
    }
    let advice = store.advice_for(consultation.id, council.id).await?.ok_or(AppError::NotFound)?;
    Ok(Ok((advice, consultation, council)))
}

pub async fn answer_points(
    store: &Store,
    user: &UserRow,
    slug: &str,
    council: &str,
    form: &PointAnswerForm,
) -> Result<FormOutcome<()>, AppError> {
    let (advice_row, _, council_row) = match answerer(store, user, slug, council).await? {
        Ok(context) => context,
        Err(error) => return Ok(refused("body", error)),
    };
    let answer = match ValidPointAnswer::try_from(form) {
        Ok(answer) => answer,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let rows = store.advice_revisions(advice_row.id).await?;
    let Some(revision) = rows.iter().find(|r| r.submitted_at.is_some()) else {
        return Ok(refused("points", FieldError::NoPointChosen));
    };
    let known = point_ids(&store.advice_points(revision.id).await?);
    if answer.points.iter().any(|(id, _)| !known.contains(id)) {
        return Err(AppError::NotFound);
    }
    let typed = crate::domain::answer::split_places(&form.processed_blocks);
    let (blocks, labels) = match super::versions::resolve_places(store, advice_row.consultation_id, &typed).await? {
        Ok(found) => found,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let named_where = (!labels.is_empty()).then(|| labels.join("; "));
    let html = render_answer(&answer.body);
    let joint_key = (answer.points.len() > 1).then(|| super::services::random_token(8));
    store
        .add_point_answers(&NewPointAnswer {
            points: &answer.points,
            body_markdown: &answer.body,
            body_html: &html,
            processed_where: answer.processed_where.as_deref().or(named_where.as_deref()),
            state: answer.state,
            joint_key: joint_key.as_deref(),
            author_id: user.id,
            processed_blocks: &blocks,
        })
        .await?;
    tracing::info!(council = %council_row.slug, points = answer.points.len(), "advice answered");
    Ok(FormOutcome::Done(()))
}

pub async fn save_response_intro(
    store: &Store,
    user: &UserRow,
    slug: &str,
    council: &str,
    body: &str,
) -> Result<FormOutcome<()>, AppError> {
    let (advice_row, _, _) = match answerer(store, user, slug, council).await? {
        Ok(context) => context,
        Err(error) => return Ok(refused("response_intro", error)),
    };
    let body = crate::domain::comment::normalise_text(body);
    if body.is_empty() {
        return Ok(refused("response_intro", FieldError::Required));
    }
    if body.chars().count() > advice::MAX_INTRO_CHARS {
        return Ok(refused("response_intro", FieldError::TooLong { max: advice::MAX_INTRO_CHARS }));
    }
    store.add_response_intro(advice_row.id, &body, &render_answer(&body), user.id).await?;
    Ok(FormOutcome::Done(()))
}

pub async fn publish(store: &Store, user: &UserRow, slug: &str, council: &str) -> Result<FormOutcome<()>, AppError> {
    let (advice_row, consultation, council_row) = match answerer(store, user, slug, council).await? {
        Ok(context) => context,
        Err(error) => return Ok(refused("publish", error)),
    };
    let complete = letter(store, &consultation, &council_row).await?.is_some_and(|(l, _)| l.complete());
    if !complete {
        return Ok(refused("publish", FieldError::AnswersNotFinal));
    }
    store.publish_advice(advice_row.id).await?;
    tracing::info!(council = %council_row.slug, "response letter published");
    Ok(FormOutcome::Done(()))
}

/// The response letter from the latest submitted revision and the current answers.
pub async fn letter(store: &Store, consultation: &ConsultationRow, council: &CouncilRow) -> Result<Option<(Letter, AdviceRow)>, AppError> {
    let Some(advice_row) = store.advice_for(consultation.id, council.id).await? else { return Ok(None) };
    let rows = store.advice_revisions(advice_row.id).await?;
    let Some((revision, points, mut history)) = answered_points(store, &rows).await? else { return Ok(None) };
    let mut places = processed_places(store, &points, &history).await?;
    let letter_points = points
        .into_iter()
        .map(|p| {
            let answer = history.remove(&p.id).and_then(|h| h.into_iter().next()).and_then(|a| {
                Some(PointAnswer {
                    processed_in: places.remove(&a.id).unwrap_or_default(),
                    status: ProcessingStatus::parse(&a.status)?,
                    body_markdown: a.body_markdown,
                    body_html: a.body_html,
                    processed_where: a.processed_where,
                    state: AnswerState::parse(&a.state)?,
                    joint_key: a.joint_key,
                })
            });
            LetterPoint {
                number: p.number,
                body_markdown: p.body,
                body_html: p.body_html,
                blocks: p.blocks.into_iter().map(|b| (b.anchor, b.label)).collect(),
                answer,
            }
        })
        .collect();
    let (intro_markdown, intro_html) = store.response_intro(advice_row.id).await?.unwrap_or_default();
    let sender = store.municipality_sender(&council.municipality).await?;
    let sender_logo = store.municipality_logo(&council.municipality).await?.map(|(id, _)| id);
    Ok(Some((
        Letter {
            council_name: council.name.clone(),
            municipality: council.municipality.clone(),
            sender,
            sender_logo,
            received_on: revision.received_on,
            oral: revision.oral,
            written: revision.written,
            intro_markdown,
            intro_html,
            items: advice::letter_items(letter_points),
        },
        advice_row,
    )))
}

/// Who may read a letter: everyone once published; its council once complete; staff always.
fn may_read_letter(user: Option<&UserRow>, council: &CouncilRow, published: bool, complete: bool) -> bool {
    published
        || match user {
            Some(u) if u.role().is_staff() => true,
            Some(u) => u.council_id == Some(council.id) && complete,
            None => false,
        }
}

pub async fn letter_view(store: &Store, user: Option<&UserRow>, slug: &str, council: &str) -> Result<LetterView, AppError> {
    let consultation = super::services::readable_consultation(store, slug, user).await?;
    let council = store.council_by_slug(council.trim()).await?.ok_or(AppError::NotFound)?;
    let (letter, advice_row) = letter(store, &consultation, &council).await?.ok_or(AppError::NotFound)?;
    let published = advice_row.published_at.is_some();
    if !may_read_letter(user, &council, published, letter.complete()) {
        return Err(AppError::NotFound);
    }
    // Nobody outside the staff sees an answer that is not final.
    let staff = user.is_some_and(|u| u.role().is_staff());
    let letter = if staff { letter } else { final_only(letter) };
    let council_letter = store
        .advice_letter(advice_row.id)
        .await?
        .filter(|row| may_read_council_letter(staff, published, row.publish))
        .map(|row| (council_letter_url(&consultation.slug, &council.slug), size_kb(row.size)));
    Ok(LetterView {
        consultation_slug: consultation.slug,
        consultation_title: consultation.title,
        council_slug: council.slug,
        letter,
        published,
        council_letter,
    })
}

/// The council's own letter: staff always; everyone else once the response is published, if the
/// council agreed to publish its letter with it.
fn may_read_council_letter(staff: bool, published: bool, agreed: bool) -> bool {
    staff || (published && agreed)
}

fn council_letter_url(slug: &str, council: &str) -> String {
    format!("/consultaties/{slug}/adviezen/{council}/brief.pdf")
}

fn size_kb(bytes: i64) -> usize {
    usize::try_from(bytes).unwrap_or_default().div_ceil(1024)
}

/// The council's letter (PDF) for whoever may read it: the name and the bytes.
pub async fn council_letter_pdf(store: &Store, user: Option<&UserRow>, slug: &str, council: &str) -> Result<(String, Vec<u8>), AppError> {
    let consultation = super::services::readable_consultation(store, slug, user).await?;
    let council = store.council_by_slug(council.trim()).await?.ok_or(AppError::NotFound)?;
    let advice_row = store.advice_for(consultation.id, council.id).await?.ok_or(AppError::NotFound)?;
    let row = store.advice_letter(advice_row.id).await?.ok_or(AppError::NotFound)?;
    let staff = user.is_some_and(|u| u.role().is_staff());
    if !may_read_council_letter(staff, advice_row.published_at.is_some(), row.publish) {
        return Err(AppError::NotFound);
    }
    Ok((row.file_name, store.advice_letter_content(row.id).await?))
}

/// Staff attach the letter a council sent its advice in; the draft becomes a written advice.
pub async fn add_council_letter(
    store: &Store,
    user: &UserRow,
    slug: &str,
    council: &str,
    upload: (&str, &[u8]),
    publish: bool,
) -> Result<FormOutcome<()>, AppError> {
    auth::allow(user, Action::AnswerComment)?;
    let (file_name, bytes) = upload;
    if let Err(error) = advice::check_letter_pdf(bytes) {
        return Ok(refused("file", error));
    }
    let draft = match writable_draft(store, user, slug, council, false).await? {
        Ok(draft) => draft,
        Err(error) => return Ok(refused("file", error)),
    };
    if !store.add_advice_letter(draft.revision_id, &advice::letter_file_name(file_name), bytes, publish, user.id).await? {
        return Ok(refused("file", FieldError::AlreadySubmitted));
    }
    tracing::info!(council = %draft.council.slug, bytes = bytes.len(), by = user.id, "council letter attached");
    Ok(FormOutcome::Done(()))
}

/// Staff record whether the council agreed to publish its letter with the response.
pub async fn set_council_letter_publish(
    store: &Store,
    user: &UserRow,
    slug: &str,
    council: &str,
    publish: bool,
) -> Result<FormOutcome<()>, AppError> {
    auth::allow(user, Action::AnswerComment)?;
    let (consultation, council) = load(store, slug, council).await?;
    if !may_write_advice(&user.actor(), council.id, &council.municipality) {
        return Err(AppError::Forbidden);
    }
    let advice_row = store.advice_for(consultation.id, council.id).await?.ok_or(AppError::NotFound)?;
    let row = store.advice_letter(advice_row.id).await?.ok_or(AppError::NotFound)?;
    store.set_advice_letter_publish(row.id, publish).await?;
    tracing::info!(council = %council.slug, publish, by = user.id, "council letter publication recorded");
    Ok(FormOutcome::Done(()))
}

fn final_only(mut letter: Letter) -> Letter {
    for item in &mut letter.items {
        item.answer = item.answer.take().filter(|a| a.state == AnswerState::Final);
        for point in &mut item.points {
            point.answer = point.answer.take().filter(|a| a.state == AnswerState::Final);
        }
    }
    letter
}

pub async fn letters(store: &Store, user: Option<&UserRow>, slug: &str) -> Result<LettersView, AppError> {
    let consultation = super::services::readable_consultation(store, slug, user).await?;
    let staff = user.is_some_and(|u| u.role().is_staff());
    let letters = store
        .advices_of(consultation.id)
        .await?
        .into_iter()
        .filter(|row| staff || row.published_at.is_some())
        .map(|row| LetterSummary {
            stage: match (row.submitted_count, row.has_draft) {
                (0, false) => AdviceStage::None,
                (0, true) => AdviceStage::Draft,
                (_, false) => AdviceStage::Submitted,
                (_, true) => AdviceStage::Correcting,
            },
            council: council_info_of(row.council_slug, row.council_name, row.municipality, &row.kind),
            received_on: row.received_on,
            oral: row.oral.unwrap_or(false),
            written: row.written.unwrap_or(false),
            published_on: row.published_at.map(|at| at.date()),
        })
        .collect();
    Ok(LettersView { consultation_slug: consultation.slug, consultation_title: consultation.title, letters })
}

/// The published letters of a consultation, in the councils' order, for the response document.
pub async fn published_letters(store: &Store, consultation: &ConsultationRow) -> Result<Vec<Letter>, AppError> {
    Ok(published_letters_by_council(store, consultation).await?.into_iter().map(|(_, letter)| letter).collect())
}

/// The same, each with its council's web name.
pub async fn published_letters_by_council(store: &Store, consultation: &ConsultationRow) -> Result<Vec<(String, Letter)>, AppError> {
    let mut out = Vec::new();
    for council in store.councils_asked(consultation.id).await? {
        if let Some((letter, advice_row)) = letter(store, consultation, &council).await?
            && advice_row.published_at.is_some()
        {
            out.push((council.slug.clone(), final_only(letter)));
        }
    }
    Ok(out)
}

/// The response letter as Markdown, for whoever may read it.
pub async fn letter_markdown(
    store: &Store,
    user: Option<&UserRow>,
    slug: &str,
    council: &str,
    t: &crate::i18n::Messages,
) -> Result<String, AppError> {
    let view = letter_view(store, user, slug, council).await?;
    Ok(crate::render::letter::letter_markdown(&view.letter, 1, t))
}
