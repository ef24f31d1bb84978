//! Services behind the officers' workbench: resolve the filter against the document, decide
//! review steps through the domain's state machine, and assemble the views.

use super::context::AppState;
use super::store::{AnswerRevision, ConsultationRow, OfficerComment, Outline, RevisionWrite, Store, StoreError, UserRow};
use crate::domain::answer::{AnswerForm, ValidAnswer};
use crate::domain::comment::SenderKind;
use crate::domain::error::{AppError, FieldError, FieldErrors, FormOutcome};
use crate::domain::label::BlockLabel;
use crate::domain::review::{
    AdoptionCheck, AdoptionForm, Decision, JointAnswerForm, ModerationForm, ReviewForm, ReviewRefusal, ReviewState, ReviewStep,
    ValidJointAnswer, ValidModeration, ValidReview, next_state, parse_adoption_date,
};
use crate::domain::status::ProcessingStatus;
use crate::domain::versions::Versioned;
use crate::domain::workbench::{
    FacetCounts, ReactionFilter, SENDER_KINDS, Scope, StatusFilter, Timing, WHOLE_DOCUMENT, page_count, section_heat, select, status_bars,
};
use crate::views::{
    Adopted, AdoptionView, AuditEntryView, AuditView, DashboardView, Facets, GroupItem, GroupView, GroupsView, JointSaved, JointView,
    OfficerCommentView, ReactionListView, RevisionView, SavedAnswer, SectionOption, VisibilityChanged,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use time::OffsetDateTime;

pub fn format_time(at: OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    at.format(&format).unwrap_or_default()
}

async fn consultation(store: &Store, slug: &str) -> Result<ConsultationRow, AppError> {
    store.consultation_by_slug(slug).await?.ok_or(AppError::NotFound)
}

/// Sections with their subsections' ids, from the parent links.
fn subtree(document: &Outline, root: i64) -> Vec<i64> {
    let mut ids = vec![root];
    let mut i = 0;
    while i < ids.len() {
        let parent = ids[i];
        ids.extend(document.sections.iter().filter(|s| s.section.parent_id == Some(parent)).map(|s| s.section.id));
        i += 1;
    }
    ids
}

fn scope(document: &Outline, filter: &ReactionFilter) -> Scope {
    let sections = filter.section.as_deref().map(|anchor| {
        document.sections.iter().find(|s| s.section.anchor == anchor).map(|s| subtree(document, s.section.id)).unwrap_or_default()
    });
    let block = filter.block.as_deref().map(|anchor| {
        if anchor == WHOLE_DOCUMENT {
            None
        } else {
            // An unknown block matches nothing.
            Some(document.blocks.iter().find(|b| b.anchor == anchor).map_or(-1, |b| b.id))
        }
    });
    Scope { sections, block }
}

fn revision_view(r: AnswerRevision, places: &HashMap<i64, Vec<BlockLabel>>) -> RevisionView {
    RevisionView {
        processed_blocks: places.get(&r.id).cloned().unwrap_or_default(),
        revision_no: r.revision_no,
        body_markdown: r.body_markdown,
        status: ProcessingStatus::parse(&r.status),
        processed_where: r.processed_where,
        state: ReviewState::parse(&r.state).unwrap_or(ReviewState::Draft),
        author: r.author,
        saved_at: format_time(r.created_at),
        remark: r.remark,
        change_reason: r.change_reason,
        joint: r.joint_id.is_some(),
    }
}

/// Views of these reactions with their full history, as the user may act on them.
async fn comment_views(
    store: &Store,
    document: &Outline,
    rows: Vec<OfficerComment>,
    user: &UserRow,
    latest_version: Option<i64>,
) -> Result<Vec<OfficerCommentView>, AppError> {
    let ids: Vec<i64> = rows.iter().map(|c| c.id).collect();
    let mut history: HashMap<i64, Vec<AnswerRevision>> = HashMap::new();
    let all = store.answer_history_of(&ids).await?;
    let places = places_of(store, &all).await?;
    for r in all {
        history.entry(r.comment_id).or_default().push(r);
    }
    let reasons: HashMap<i64, String> = store.hidden_reasons(&ids).await?.into_iter().collect();
    let labels: HashMap<i64, Versioned<BlockLabel>> = document.blocks.iter().map(|b| (b.id, b.place())).collect();
    let reviewer = crate::domain::review::may_review(user.role());
    Ok(rows
        .into_iter()
        .map(|c| {
            let revisions = history.remove(&c.id).unwrap_or_default();
            let may_approve =
                reviewer && revisions.first().is_some_and(|r| r.state == ReviewState::ForReview.code() && r.author_id != user.id);
            OfficerCommentView {
                id: c.id,
                body: c.body,
                sender_kind: SenderKind::parse(&c.sender_kind).unwrap_or(SenderKind::Resident),
                organisation: c.organisation,
                private_name: c.sender_name,
                private_email: c.sender_email,
                late: c.is_late,
                received_on: c.submitted_at.date(),
                place: c.block_id.and_then(|b| labels.get(&b).cloned()),
                hidden_reason: reasons.get(&c.id).cloned().filter(|_| c.hidden),
                revisions: revisions.into_iter().map(|r| revision_view(r, &places)).collect(),
                latest_version,
                may_approve,
            }
        })
        .collect())
}

pub async fn reaction_list(store: &Store, user: &UserRow, slug: &str, filter: &ReactionFilter) -> Result<ReactionListView, AppError> {
    let consultation = consultation(store, slug).await?;
    let document = store.outline(consultation.id).await?;
    let scope = scope(&document, filter);
    let index: Vec<_> =
        store.reaction_index(consultation.id, filter.like_pattern().as_deref()).await?.into_iter().map(|r| r.into_domain()).collect();
    let selection = select(&index, filter, &scope);
    let rows = store.reactions_by_id(consultation.id, &selection.page).await?;
    let latest = super::versions::latest_version(store, consultation.id).await?;
    let items = comment_views(store, &document, rows, user, latest.as_ref().map(|(no, _)| *no)).await?;
    let latest_blocks = latest.map(|(_, blocks)| super::versions::block_choices(blocks)).unwrap_or_default();
    let adopted = !store.adoptions(consultation.id).await?.is_empty();
    let total = selection.total;
    Ok(ReactionListView {
        slug: consultation.slug,
        title: consultation.title,
        filter: filter.clone(),
        block_label: filter.block.as_deref().and_then(|a| document.blocks.iter().find(|b| b.anchor == a)).map(|b| b.place()),
        total,
        pages: page_count(total),
        items,
        facets: facets(&document, selection.counts),
        adopted,
        can_review: crate::domain::review::may_review(user.role()),
        latest_blocks,
    })
}

fn facets(document: &Outline, counts: FacetCounts) -> Facets {
    let status_count = |s: Option<ProcessingStatus>| counts.status.iter().find(|(c, _)| *c == s).map_or(0, |c| c.1);
    let mut status: Vec<(StatusFilter, usize)> =
        ProcessingStatus::ALL.into_iter().map(|s| (StatusFilter::Is(s), status_count(Some(s)))).collect();
    status.insert(0, (StatusFilter::Unanswered, status_count(None)));
    let state = ReviewState::ALL.into_iter().map(|s| (s, counts.state.iter().find(|(c, _)| *c == Some(s)).map_or(0, |c| c.1))).collect();
    let sender = SENDER_KINDS.into_iter().map(|k| (k, counts.sender.iter().find(|(c, _)| *c == k).map_or(0, |c| c.1))).collect();
    let timing =
        Timing::ALL.into_iter().map(|t| (t, counts.late.iter().find(|(l, _)| *l == (t == Timing::Late)).map_or(0, |c| c.1))).collect();
    let per_section: HashMap<Option<i64>, usize> = counts.section.iter().copied().collect();
    let sections = document
        .sections
        .iter()
        .map(|s| SectionOption {
            anchor: s.section.anchor.clone(),
            heading: s.heading(),
            level: s.section.level.clamp(1, 6) as u8,
            count: subtree(document, s.section.id).iter().map(|id| per_section.get(&Some(*id)).copied().unwrap_or(0)).sum(),
        })
        .collect();
    Facets { status, state, sender, timing, sections, general: per_section.get(&None).copied().unwrap_or(0), hidden: counts.hidden }
}

pub async fn dashboard(store: &Store, user: &UserRow, slug: &str) -> Result<DashboardView, AppError> {
    let consultation = consultation(store, slug).await?;
    let document = store.outline(consultation.id).await?;
    let rows = store.dashboard_counts(consultation.id).await?;
    let mut by_status: BTreeMap<ProcessingStatus, usize> = BTreeMap::new();
    let mut by_state: BTreeMap<ReviewState, usize> = BTreeMap::new();
    let (mut total, mut unanswered) = (0, 0);
    let mut states = Vec::new();
    for (status, review, n) in &rows.by_answer {
        let n = (*n).max(0) as usize;
        total += n;
        match status.as_deref().and_then(ProcessingStatus::parse) {
            Some(status) => *by_status.entry(status).or_default() += n,
            None => unanswered += n,
        }
        let review = review.as_deref().and_then(ReviewState::parse);
        if let Some(review) = review {
            *by_state.entry(review).or_default() += n;
        }
        states.extend(std::iter::repeat_n(review, n));
    }
    let by_status: Vec<(ProcessingStatus, usize)> =
        ProcessingStatus::ALL.into_iter().map(|s| (s, by_status.get(&s).copied().unwrap_or(0))).collect();
    let per_section: HashMap<Option<i64>, usize> = rows.by_section.iter().map(|(s, n)| (*s, (*n).max(0) as usize)).collect();
    let heat = section_heat(
        document
            .sections
            .iter()
            .map(|s| {
                let count = per_section.get(&Some(s.section.id)).copied().unwrap_or(0);
                (s.section.anchor.clone(), s.heading(), s.section.level.clamp(1, 6) as u8, count)
            })
            .collect(),
    );
    let adoptions = store
        .adoptions(consultation.id)
        .await?
        .into_iter()
        .map(|a| AdoptionView { adopted_on: a.adopted_on, answers: a.answers.max(0) as usize, recorded_by: a.recorded_by })
        .collect();
    Ok(DashboardView {
        slug: consultation.slug,
        title: consultation.title,
        total,
        unanswered,
        by_state: ReviewState::ALL.into_iter().map(|s| (s, by_state.get(&s).copied().unwrap_or(0))).collect(),
        bars: status_bars(&by_status, unanswered),
        heat,
        general: per_section.get(&None).copied().unwrap_or(0),
        hidden: rows.hidden.max(0) as usize,
        late: rows.late.max(0) as usize,
        adoptions,
        adoption: crate::domain::review::check_adoption(states),
        can_read_audit: crate::domain::role::may(user.role(), crate::domain::role::Action::ReadAuditLog),
        can_adopt: crate::domain::role::may(user.role(), crate::domain::role::Action::RecordAdoption),
    })
}

/// The field errors a refused step shows, or the error for a step the role may not take.
fn refusal(refusal: ReviewRefusal) -> Result<FieldErrors, AppError> {
    let mut errors = FieldErrors::default();
    match refusal {
        ReviewRefusal::NotAllowed => return Err(AppError::Forbidden),
        ReviewRefusal::WrongState => errors.add("decision", FieldError::NotForReview),
        ReviewRefusal::OwnAnswer => errors.add("decision", FieldError::OwnAnswer),
        ReviewRefusal::RemarkRequired => errors.add("remark", FieldError::Required),
        ReviewRefusal::ReasonRequired => errors.add("reason", FieldError::ReasonRequired),
    }
    Ok(errors)
}

fn stale(field: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add(field, FieldError::ChangedMeanwhile);
    errors
}

/// Writes and reports the reaction's history, or turns a stale write into a field error.
async fn write(
    store: &Store,
    consultation_id: i64,
    writes: Vec<RevisionWrite>,
    joint: bool,
    user: &UserRow,
    stale_field: &str,
) -> Result<Result<(), FieldErrors>, AppError> {
    match store.write_revisions(consultation_id, &writes, joint, user).await {
        Ok(()) => Ok(Ok(())),
        Err(StoreError::Stale) => Ok(Err(stale(stale_field))),
        Err(error) => Err(error.into()),
    }
}

async fn history_of(store: &Store, comment_id: i64) -> Result<Vec<RevisionView>, AppError> {
    let revisions = store.answer_history_of(&[comment_id]).await?;
    let places = places_of(store, &revisions).await?;
    Ok(revisions.into_iter().map(|r| revision_view(r, &places)).collect())
}

/// The labels of the blocks each revision names as where the reaction was processed.
async fn places_of(store: &Store, revisions: &[AnswerRevision]) -> Result<HashMap<i64, Vec<BlockLabel>>, AppError> {
    let ids: Vec<i64> = revisions.iter().map(|r| r.id).collect();
    let pairs = store.answer_blocks(&ids).await?;
    let blocks: Vec<i64> = pairs.iter().map(|p| p.1).collect();
    let labels: HashMap<i64, BlockLabel> = store.blocks_by_ids(&blocks).await?.into_iter().map(|b| (b.id, b.label_parts())).collect();
    let mut places: HashMap<i64, Vec<BlockLabel>> = HashMap::new();
    for (revision, block) in pairs {
        places.entry(revision).or_default().extend(labels.get(&block).cloned());
    }
    Ok(places)
}

pub async fn save_answer(store: &Store, user: &UserRow, form: &AnswerForm) -> Result<FormOutcome<SavedAnswer>, AppError> {
    let outcome = match ValidAnswer::try_from(form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(answer) => {
            let reaction = store.reaction_states(&[answer.comment_id]).await?.pop().ok_or(AppError::NotFound)?;
            let adopted = !store.adoptions(reaction.consultation_id).await?.is_empty();
            let current = reaction.answer.as_ref().and_then(|a| ReviewState::parse(&a.state));
            let step = ReviewStep::Save { submit: answer.submit, reason: answer.reason.as_deref() };
            match next_state(user.role(), current, step, adopted) {
                Err(r) => FormOutcome::Invalid(refusal(r)?),
                Ok(state) => {
                    let (processed_blocks, labels) = match &answer.processed_blocks {
                        None => (None, None),
                        Some(typed) => match super::versions::resolve_places(store, reaction.consultation_id, typed).await? {
                            Ok((ids, labels)) => (Some(ids), (!labels.is_empty()).then(|| labels.join("; "))),
                            Err(errors) => return Ok(FormOutcome::Invalid(errors)),
                        },
                    };
                    let html = super::markdown::render_answer(&answer.body);
                    let revision = RevisionWrite {
                        comment_id: answer.comment_id,
                        expected: answer.expected,
                        body_markdown: answer.body,
                        body_html: html,
                        status: answer.status,
                        // Named blocks say where, when the officer wrote nothing else.
                        processed_where: answer.processed_where.or(labels),
                        state,
                        remark: None,
                        change_reason: answer.reason.filter(|_| adopted),
                        processed_blocks,
                    };
                    match write(store, reaction.consultation_id, vec![revision], false, user, "body").await? {
                        Err(errors) => FormOutcome::Invalid(errors),
                        Ok(()) => {
                            tracing::info!(comment.id = answer.comment_id, state = state.code(), "answer saved");
                            FormOutcome::Done(SavedAnswer { revisions: history_of(store, answer.comment_id).await? })
                        }
                    }
                }
            }
        }
    };
    Ok(outcome)
}

/// Four eyes: whether this user wrote text anywhere in the reaction's answer history.
async fn wrote_in_history(store: &Store, comment_id: i64, user_id: i64) -> Result<bool, AppError> {
    let history = store.answer_history_of(&[comment_id]).await?;
    Ok(crate::domain::review::wrote_text(history.iter().rev().map(|r| (r.author_id, r.body_markdown.as_str())), user_id))
}

pub async fn review_answer(store: &Store, user: &UserRow, form: &ReviewForm) -> Result<FormOutcome<SavedAnswer>, AppError> {
    let outcome = match ValidReview::try_from(form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(review) => {
            let reaction = store.reaction_states(&[review.comment_id]).await?.pop().ok_or(AppError::NotFound)?;
            let adopted = !store.adoptions(reaction.consultation_id).await?.is_empty();
            match &reaction.answer {
                None => FormOutcome::Invalid(refusal(ReviewRefusal::WrongState)?),
                Some(current) if current.revision_no != review.expected => FormOutcome::Invalid(stale("decision")),
                Some(current) => {
                    let step = match &review.decision {
                        Decision::Approve => ReviewStep::Approve { own: wrote_in_history(store, review.comment_id, user.id).await? },
                        Decision::SendBack(remark) => ReviewStep::SendBack { remark },
                    };
                    match next_state(user.role(), ReviewState::parse(&current.state), step, adopted) {
                        Err(r) => FormOutcome::Invalid(refusal(r)?),
                        Ok(state) => {
                            let revision = RevisionWrite {
                                comment_id: review.comment_id,
                                expected: Some(current.revision_no),
                                body_markdown: current.body_markdown.clone(),
                                body_html: current.body_html.clone(),
                                status: ProcessingStatus::parse(&current.status).unwrap_or(ProcessingStatus::Noted),
                                processed_where: current.processed_where.clone(),
                                state,
                                remark: match review.decision {
                                    Decision::SendBack(remark) => Some(remark),
                                    Decision::Approve => None,
                                },
                                change_reason: current.change_reason.clone(),
                                processed_blocks: None,
                            };
                            match write(store, reaction.consultation_id, vec![revision], false, user, "decision").await? {
                                Err(errors) => FormOutcome::Invalid(errors),
                                Ok(()) => FormOutcome::Done(SavedAnswer { revisions: history_of(store, review.comment_id).await? }),
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(outcome)
}

pub async fn joint_selection(store: &Store, user: &UserRow, slug: &str, query: &str) -> Result<JointView, AppError> {
    let consultation = consultation(store, slug).await?;
    let mut ids: Vec<i64> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .filter(|(k, _)| k == "r")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    let mut seen = HashSet::new();
    ids.retain(|id| seen.insert(*id));
    ids.truncate(crate::domain::review::MAX_JOINT);
    let document = store.outline(consultation.id).await?;
    let rows = store.reactions_by_id(consultation.id, &ids).await?;
    let latest = super::versions::latest_version_no(store, consultation.id).await?;
    let items = comment_views(store, &document, rows, user, latest).await?;
    let adopted = !store.adoptions(consultation.id).await?.is_empty();
    Ok(JointView { slug: consultation.slug, title: consultation.title, items, adopted })
}

pub async fn save_joint_answer(store: &Store, user: &UserRow, form: &JointAnswerForm) -> Result<FormOutcome<JointSaved>, AppError> {
    let consultation = consultation(store, &form.slug).await?;
    let adopted = !store.adoptions(consultation.id).await?.is_empty();
    let outcome = match ValidJointAnswer::try_from(form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(joint) => {
            let ids: Vec<i64> = joint.items.iter().map(|i| i.comment_id).collect();
            let reactions = store.reaction_states(&ids).await?;
            if reactions.len() != ids.len() || reactions.iter().any(|r| r.consultation_id != consultation.id) {
                return Err(AppError::NotFound);
            }
            let html = super::markdown::render_answer(&joint.body);
            let mut writes = Vec::new();
            let mut errors = FieldErrors::default();
            for (item, reaction) in joint.items.iter().zip(&reactions) {
                let current = reaction.answer.as_ref().and_then(|a| ReviewState::parse(&a.state));
                match next_state(user.role(), current, ReviewStep::Save { submit: joint.submit, reason: joint.reason.as_deref() }, adopted)
                {
                    Err(r) => errors.merge(refusal(r)?),
                    Ok(state) => writes.push(RevisionWrite {
                        comment_id: item.comment_id,
                        expected: item.expected,
                        body_markdown: joint.body.clone(),
                        body_html: html.clone(),
                        status: item.status,
                        processed_where: joint.processed_where.clone(),
                        state,
                        remark: None,
                        change_reason: joint.reason.clone().filter(|_| adopted),
                        processed_blocks: None,
                    }),
                }
            }
            if !errors.is_empty() {
                FormOutcome::Invalid(errors)
            } else {
                match write(store, consultation.id, writes, true, user, "reactions").await? {
                    Err(errors) => FormOutcome::Invalid(errors),
                    Ok(()) => {
                        tracing::info!(count = ids.len(), "joint answer saved");
                        FormOutcome::Done(JointSaved { count: ids.len() })
                    }
                }
            }
        }
    };
    Ok(outcome)
}

pub async fn set_visibility(store: &Store, user: &UserRow, form: &ModerationForm) -> Result<FormOutcome<VisibilityChanged>, AppError> {
    let outcome = match ValidModeration::try_from(form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(m) => {
            let reaction = store.reaction_states(&[m.comment_id]).await?.pop().ok_or(AppError::NotFound)?;
            store.set_hidden(reaction.consultation_id, m.comment_id, m.hide, &m.reason, user).await?;
            tracing::info!(comment.id = m.comment_id, hidden = m.hide, "visibility changed");
            FormOutcome::Done(VisibilityChanged { hidden: m.hide, reason: m.reason })
        }
    };
    Ok(outcome)
}

pub async fn adopt(app: &AppState, user: &UserRow, form: &AdoptionForm) -> Result<FormOutcome<Adopted>, AppError> {
    let store = &app.store;
    let consultation = consultation(store, &form.slug).await?;
    let outcome = match parse_adoption_date(form, super::services::today()) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(date) => {
            let mut errors = FieldErrors::default();
            match store.adopt_answers(consultation.id, date, user).await? {
                AdoptionCheck::Ready { answers } => {
                    tracing::info!(answers, "answers adopted");
                    // Adopted answers are public now: tell the residents who asked. The adoption
                    // stands whatever happens to the mail.
                    let site = super::mail::SiteUrl(app.public_url.to_string());
                    if let Err(error) = super::mail::queue_answers(store, &app.mailer, &site, consultation.id).await {
                        tracing::error!(%error, "answer mail not queued");
                    }
                    return Ok(FormOutcome::Done(Adopted { answers }));
                }
                AdoptionCheck::NotReady { open } => errors.add("adopted_on", FieldError::AnswersNotApproved { open }),
                AdoptionCheck::NothingNew => errors.add("adopted_on", FieldError::NothingToAdopt),
            }
            FormOutcome::Invalid(errors)
        }
    };
    Ok(outcome)
}

pub async fn groups(store: &Store, slug: &str) -> Result<GroupsView, AppError> {
    use crate::domain::grouping::{Reaction, suggest_groups};
    let consultation = consultation(store, slug).await?;
    let document = store.outline(consultation.id).await?;
    let texts = store.reaction_texts(consultation.id).await?;
    let states: HashMap<i64, Option<ReviewState>> = store
        .reaction_current_states(consultation.id)
        .await?
        .into_iter()
        .map(|(id, s)| (id, s.as_deref().and_then(ReviewState::parse)))
        .collect();
    let reactions: Vec<Reaction<'_>> = texts.iter().map(|(id, block, text)| Reaction { id: *id, block: *block, text }).collect();
    let started = std::time::Instant::now();
    let suggested = suggest_groups(&reactions);
    tracing::info!(reactions = reactions.len(), groups = suggested.len(), ms = started.elapsed().as_millis() as u64, "grouping suggested");
    let by_id: HashMap<i64, &(i64, Option<i64>, String)> = texts.iter().map(|t| (t.0, t)).collect();
    let labels: HashMap<i64, Versioned<BlockLabel>> = document.blocks.iter().map(|b| (b.id, b.place())).collect();
    let groups = suggested
        .into_iter()
        .map(|g| GroupView {
            kind: g.kind,
            similarity: (g.similarity.clamp(0.0, 1.0) * 100.0).round() as u8,
            items: g
                .ids
                .iter()
                .filter_map(|id| by_id.get(id))
                .map(|(id, block, text)| GroupItem {
                    id: *id,
                    place: block.and_then(|b| labels.get(&b).cloned()),
                    excerpt: crate::domain::report::shorten(text, 240),
                    state: states.get(id).copied().flatten(),
                })
                .collect(),
        })
        .collect();
    Ok(GroupsView { slug: consultation.slug, title: consultation.title, reactions: texts.len(), groups })
}

pub const AUDIT_PAGE: usize = 100;

pub async fn audit(store: &Store, slug: &str, page: usize) -> Result<AuditView, AppError> {
    let consultation = consultation(store, slug).await?;
    let page = page.max(1);
    let (rows, total) = store.audit_log(consultation.id, AUDIT_PAGE as i64, ((page - 1) * AUDIT_PAGE) as i64).await?;
    let total = total.max(0) as usize;
    Ok(AuditView {
        slug: consultation.slug,
        title: consultation.title,
        entries: rows
            .into_iter()
            .map(|r| AuditEntryView {
                at: format_time(r.at),
                actor: r.actor_name,
                reaction: r.comment_id,
                field: r.field,
                before: r.before_value,
                after: r.after_value,
            })
            .collect(),
        page,
        pages: total.div_ceil(AUDIT_PAGE).max(1),
        total,
    })
}
