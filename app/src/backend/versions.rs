//! Versions of a consultation's document: reading in a new version with the mapping from the
//! previous one (the matching engine of `inspraak-matching`), the "Na te kijken" list and the
//! officer's decisions, the changes between two versions, and the before/after of the passages
//! where answers say a reaction or advice point was processed.

use super::context::internal;
use super::services::read_upload;
use super::store::{BlockRef, ConsultationRow, DocumentRows, NewDocument, NewMapping, Store, StoreError, UserRow, VersionRow};
use crate::domain::document::{BlockKind, ImportedDocument};
use crate::domain::error::{AppError, FieldError, FieldErrors, FormOutcome};
use crate::domain::label::BlockLabel;
use crate::domain::report::{OutlineBlock, OutlineSection};
use crate::domain::versions::{
    BlockChange, MappingDecision, ProcessedIn, SpanKind, TextChange, TextSpan, ValidVersion, VersionForm, VersionStep, find_block, follow,
};
use crate::views::{
    BlockChoice, ChangedBlock, ChangedSection, ChangesView, MappingReviewForm, MappingReviewed, ProposedPlace, ReviewItem, ReviewView,
    VersionImported, VersionItem,
};
use inspraak_matching as matching;
use std::collections::HashMap;

/// The word-level change from `before` to `after`.
pub fn text_change(before: &str, after: &str) -> TextChange {
    let spans = matching::word_diff(before, after)
        .into_iter()
        .map(|span| TextSpan {
            kind: match span.kind {
                matching::DiffKind::Equal => SpanKind::Same,
                matching::DiffKind::Inserted => SpanKind::Added,
                matching::DiffKind::Deleted => SpanKind::Removed,
            },
            text: span.text,
        })
        .collect();
    TextChange { spans }
}

/// Only the new text, for a passage without a "before".
fn new_text(after: &str) -> TextChange {
    TextChange { spans: vec![TextSpan { kind: SpanKind::Same, text: after.to_string() }] }
}

fn matching_kind(kind: BlockKind) -> matching::BlockKind {
    match kind {
        BlockKind::Paragraph => matching::BlockKind::Paragraph,
        BlockKind::List => matching::BlockKind::ListItem,
        BlockKind::Table => matching::BlockKind::TableRow,
        BlockKind::Quote => matching::BlockKind::Quote,
        BlockKind::Code => matching::BlockKind::Code,
        BlockKind::Footnote => matching::BlockKind::Footnote,
    }
}

/// The heading path of each section, outermost first, from the parent links.
fn heading_paths<S>(sections: &[S], parent: impl Fn(&S) -> Option<usize>, title: impl Fn(&S) -> String) -> Vec<Vec<String>> {
    let mut paths: Vec<Vec<String>> = Vec::with_capacity(sections.len());
    for section in sections {
        let mut path = parent(section).and_then(|p| paths.get(p).cloned()).unwrap_or_default();
        path.push(title(section));
        paths.push(path);
    }
    paths
}

fn stored_blocks(doc: &DocumentRows) -> Vec<matching::Block> {
    let index: HashMap<i64, usize> = doc.sections.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let paths = heading_paths(&doc.sections, |s| s.parent_id.and_then(|p| index.get(&p).copied()), |s| s.title.clone());
    doc.blocks
        .iter()
        .map(|b| matching::Block {
            text: b.plain_text.clone(),
            section: b.section_id.and_then(|s| index.get(&s)).and_then(|i| paths.get(*i).cloned()).unwrap_or_default(),
            kind: matching_kind(b.kind()),
        })
        .collect()
}

fn imported_blocks(doc: &ImportedDocument) -> Vec<matching::Block> {
    let paths = heading_paths(&doc.sections, |s| s.parent, |s| s.title.clone());
    doc.blocks
        .iter()
        .map(|b| matching::Block {
            text: b.text.clone(),
            section: b.section.and_then(|i| paths.get(i).cloned()).unwrap_or_default(),
            kind: matching_kind(b.kind),
        })
        .collect()
}

/// The mapping rows to store: one per old block.
pub fn mappings(old_ids: &[i64], mapping: &matching::VersionMapping) -> Vec<NewMapping> {
    let mut rows = Vec::with_capacity(old_ids.len());
    for m in &mapping.matches {
        let change = match m.change {
            matching::Change::Unchanged => BlockChange::Unchanged,
            matching::Change::Changed => BlockChange::Changed,
            matching::Change::Moved => BlockChange::Moved,
            matching::Change::Split => BlockChange::Split,
            matching::Change::Merged => BlockChange::Merged,
            matching::Change::Removed => BlockChange::Removed,
            matching::Change::New => continue,
        };
        for old in &m.old {
            if let Some(id) = old_ids.get(*old) {
                rows.push(NewMapping { from_block_id: *id, to_positions: m.new.clone(), change, confidence: m.confidence });
            }
        }
    }
    rows
}

pub fn version_item(v: &VersionRow) -> VersionItem {
    VersionItem { no: v.version_no, name: v.name.clone(), note: v.change_note.clone(), imported_on: v.imported_at.date() }
}

/// Reads in a new version of the consultation's document from an officer's upload, maps the
/// previous version's blocks onto it and stores both, all or nothing.
pub async fn import_version(
    store: &Store,
    user: &UserRow,
    slug: &str,
    form: &VersionForm,
    file_name: &str,
    bytes: &[u8],
) -> Result<FormOutcome<VersionImported>, AppError> {
    let consultation = store.consultation_by_slug(slug).await?.ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::default();
    let version = ValidVersion::try_from(form).map_err(|e| errors.merge(e)).ok();
    let upload = read_upload(&mut errors, file_name, bytes).await?;
    let (Some(version), Some(upload)) = (version, upload) else {
        return Ok(FormOutcome::Invalid(errors));
    };
    let versions = store.versions(consultation.id).await?;
    let previous = versions.last().ok_or(AppError::Internal)?;
    let old = store.document(previous.id).await?;
    let old_ids: Vec<i64> = old.blocks.iter().map(|b| b.id).collect();
    let (old_blocks, new_blocks) = (stored_blocks(&old), imported_blocks(&upload.document));
    let started = std::time::Instant::now();
    let mapping = tokio::task::spawn_blocking(move || matching::match_versions(&old_blocks, &new_blocks)).await.map_err(internal)?;
    let rows = mappings(&old_ids, &mapping);
    tracing::info!(
        old = old_ids.len(),
        new = upload.document.blocks.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "version mapped"
    );
    let doc = NewDocument {
        document: &upload.document,
        source_text: &upload.source_text,
        markdown: upload.markdown,
        name: Some(&version.name),
        change_note: version.note.as_deref(),
    };
    let version_no = match store.add_version(consultation.id, previous.version_no, doc, &rows, user).await {
        Ok(no) => no,
        Err(StoreError::Stale) => return Ok(FormOutcome::Invalid(FieldErrors::single("file", FieldError::ChangedMeanwhile))),
        Err(error) => return Err(error.into()),
    };
    let to_review = review_items(store, consultation.id, &store.versions(consultation.id).await?).await?.len();
    Ok(FormOutcome::Done(VersionImported {
        slug: consultation.slug,
        version_no,
        sections: upload.document.sections.len(),
        blocks: upload.document.blocks.len(),
        to_review,
        left_out: upload.left_out,
    }))
}

/// The steps between the versions: `steps[i]` leads from `versions[i]` to `versions[i + 1]`.
pub async fn steps(store: &Store, versions: &[VersionRow]) -> Result<Vec<VersionStep>, AppError> {
    let mut steps = Vec::with_capacity(versions.len().saturating_sub(1));
    for version in versions.iter().skip(1) {
        steps.push(store.version_step(version.id).await?);
    }
    Ok(steps)
}

/// Reactions and advice points that reach each block of version `versions[upto]`, written on it
/// or on an earlier version's block that leads to it.
async fn carried_inputs(
    store: &Store,
    consultation_id: i64,
    versions: &[VersionRow],
    steps: &[VersionStep],
    upto: usize,
) -> Result<HashMap<i64, (i64, i64)>, AppError> {
    let counts = store.input_counts(consultation_id).await?;
    let ids: Vec<i64> = counts.keys().copied().collect();
    let version_of: HashMap<i64, i64> = store.blocks_by_ids(&ids).await?.into_iter().map(|b| (b.id, b.version_no)).collect();
    let mut carried: HashMap<i64, (i64, i64)> = HashMap::new();
    for (block, (reactions, points)) in counts {
        let Some(index) = version_of.get(&block).and_then(|no| versions.iter().position(|v| v.version_no == *no)) else { continue };
        if index > upto {
            continue;
        }
        let (targets, _) = follow(block, &steps[index..upto]);
        for target in targets {
            let entry = carried.entry(target).or_default();
            entry.0 += reactions;
            entry.1 += points;
        }
    }
    Ok(carried)
}

/// "Na te kijken": the blocks of the previous version that carry reactions or advice points and
/// whose place in the current version is unsure or gone, not yet decided by an officer.
pub async fn review_items(store: &Store, consultation_id: i64, versions: &[VersionRow]) -> Result<Vec<ReviewItem>, AppError> {
    if versions.len() < 2 {
        return Ok(Vec::new());
    }
    let steps = steps(store, versions).await?;
    let upto = versions.len() - 2;
    let carried = carried_inputs(store, consultation_id, versions, &steps, upto).await?;
    let Some(last) = steps.last() else { return Ok(Vec::new()) };
    let mut open: Vec<_> = last.links.values().filter(|l| l.needs_review() && carried.contains_key(&l.from)).collect();
    if open.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<i64> = open.iter().flat_map(|l| std::iter::once(l.from).chain(l.to.iter().copied())).collect();
    ids.sort_unstable();
    ids.dedup();
    let blocks: HashMap<i64, BlockRef> = store.blocks_by_ids(&ids).await?.into_iter().map(|b| (b.id, b)).collect();
    open.sort_by_key(|l| blocks.get(&l.from).map_or(i64::MAX, |b| b.position));
    Ok(open
        .into_iter()
        .filter_map(|link| {
            let from = blocks.get(&link.from)?;
            let (reactions, points) = carried.get(&link.from).copied().unwrap_or_default();
            let proposed = link
                .to
                .iter()
                .filter_map(|id| blocks.get(id))
                .map(|to| ProposedPlace {
                    anchor: to.anchor.clone(),
                    label: to.label_parts(),
                    change: text_change(&from.plain_text, &to.plain_text),
                })
                .collect();
            Some(ReviewItem {
                block_id: from.id,
                label: from.label_parts(),
                text: from.plain_text.clone(),
                reactions,
                points,
                change: link.change,
                confidence: (link.confidence * 100.0).round() as u8,
                proposed,
            })
        })
        .collect())
}

/// The officer's "Na te kijken" page.
pub async fn review_view(store: &Store, slug: &str) -> Result<ReviewView, AppError> {
    let consultation = store.consultation_by_slug(slug).await?.ok_or(AppError::NotFound)?;
    let versions = store.versions(consultation.id).await?;
    let items = review_items(store, consultation.id, &versions).await?;
    let current = versions.last().ok_or(AppError::Internal)?;
    let choices = block_choices(store.version_blocks(current.id).await?);
    Ok(ReviewView {
        slug: consultation.slug,
        title: consultation.title,
        version: version_item(current),
        previous: versions.len().checked_sub(2).and_then(|i| versions.get(i)).map(version_item),
        items,
        choices,
    })
}

/// Records the officer's decision on one entry of "Na te kijken".
pub async fn decide(store: &Store, user: &UserRow, form: &MappingReviewForm) -> Result<FormOutcome<MappingReviewed>, AppError> {
    let consultation = store.consultation_by_slug(&form.consultation).await?.ok_or(AppError::NotFound)?;
    let decision = match MappingDecision::parse(&form.decision, &form.target) {
        Ok(decision) => decision,
        Err(errors) => return Ok(FormOutcome::Invalid(errors)),
    };
    let versions = store.versions(consultation.id).await?;
    let [.., previous, current] = versions.as_slice() else { return Err(AppError::NotFound) };
    let step = store.version_step(current.id).await?;
    let link = step.links.get(&form.block).ok_or(AppError::NotFound)?;
    let from = store
        .blocks_by_ids(&[form.block])
        .await?
        .into_iter()
        .next()
        .filter(|b| b.version_no == previous.version_no)
        .ok_or(AppError::NotFound)?;
    let (targets, corrected) = match decision {
        MappingDecision::Confirm => (link.to.clone(), false),
        MappingDecision::Gone => (Vec::new(), true),
        MappingDecision::Correct(typed) => {
            let blocks = store.version_blocks(current.id).await?;
            match find_block(&blocks, &typed, |b| b.anchor.as_str(), names) {
                Some(block) => (vec![block.id], true),
                None => return Ok(FormOutcome::Invalid(FieldErrors::single("target", FieldError::UnknownBlock))),
            }
        }
    };
    let labels = |ids: &[i64], blocks: &[BlockRef]| {
        ids.iter().filter_map(|id| blocks.iter().find(|b| b.id == *id)).map(|b| b.label.clone()).collect::<Vec<_>>().join("; ")
    };
    let mut ids = link.to.clone();
    ids.extend(&targets);
    let named = store.blocks_by_ids(&ids).await?;
    let before = format!("{} → {}", from.label, labels(&link.to, &named));
    let after = format!("{} → {}", from.label, labels(&targets, &named));
    store.review_mapping(consultation.id, current.id, from.id, &targets, corrected, user, (&before, &after)).await?;
    Ok(FormOutcome::Done(MappingReviewed { slug: consultation.slug }))
}

/// Where an answer says it was processed: the blocks it names, each with the change from the
/// block the reaction or point was written on (`from`).
pub fn processed_in(from: Option<&BlockRef>, named: &[i64], blocks: &HashMap<i64, BlockRef>) -> Vec<ProcessedIn> {
    named
        .iter()
        .filter_map(|id| blocks.get(id))
        .map(|to| ProcessedIn {
            version_no: to.version_no,
            anchor: to.anchor.clone(),
            label: to.label.clone(),
            label_parts: to.label_parts(),
            change: match from {
                Some(from) if from.id != to.id => text_change(&from.plain_text, &to.plain_text),
                _ => new_text(&to.plain_text),
            },
        })
        .collect()
}

/// A resident's paragraph then and now: where their answer says it was processed, or else where
/// the paragraph they commented on stands in the latest version (when that is a later one).
/// `from_version` is the version the reaction was written on, when a later one exists.
pub async fn then_and_now(
    store: &Store,
    consultation_id: i64,
    block_id: Option<i64>,
    from_version: Option<i64>,
    answer_id: Option<i64>,
) -> Result<Vec<ProcessedIn>, AppError> {
    let named: Vec<i64> = match answer_id {
        Some(answer) => store.answer_blocks(&[answer]).await?.into_iter().map(|(_, block)| block).collect(),
        None => Vec::new(),
    };
    let targets = if !named.is_empty() {
        named
    } else {
        let (Some(block), Some(from)) = (block_id, from_version) else { return Ok(Vec::new()) };
        let versions = store.versions(consultation_id).await?;
        let Some(index) = versions.iter().position(|v| v.version_no == from).filter(|i| i + 1 < versions.len()) else {
            return Ok(Vec::new());
        };
        let steps = steps(store, &versions).await?;
        follow(block, &steps[index..]).0
    };
    let mut ids = targets.clone();
    ids.extend(block_id);
    let blocks: HashMap<i64, BlockRef> = store.blocks_by_ids(&ids).await?.into_iter().map(|b| (b.id, b)).collect();
    let from = block_id.and_then(|b| blocks.get(&b));
    Ok(processed_in(from, &targets, &blocks))
}

/// The latest version when the document has several.
async fn latest_of_several(store: &Store, consultation_id: i64) -> Result<Option<VersionRow>, AppError> {
    let mut versions = store.versions(consultation_id).await?;
    Ok(if versions.len() > 1 { versions.pop() } else { None })
}

/// The latest version's number when the document has several.
pub async fn latest_version_no(store: &Store, consultation_id: i64) -> Result<Option<i64>, AppError> {
    Ok(latest_of_several(store, consultation_id).await?.map(|v| v.version_no))
}

/// The latest version's number when the document has several, with its blocks.
pub async fn latest_version(store: &Store, consultation_id: i64) -> Result<Option<(i64, Vec<BlockRef>)>, AppError> {
    match latest_of_several(store, consultation_id).await? {
        Some(latest) => Ok(Some((latest.version_no, store.version_blocks(latest.id).await?))),
        None => Ok(None),
    }
}

/// The latest version's blocks as choices for "verwerkt in".
pub fn block_choices(blocks: Vec<BlockRef>) -> Vec<BlockChoice> {
    blocks
        .into_iter()
        .map(|b| BlockChoice { excerpt: crate::domain::report::shorten(&b.plain_text, 80), label: b.label_parts(), anchor: b.anchor })
        .collect()
}

/// Every label a block may be typed as: the stored one, and its words in each language (the
/// suggestions are offered in the reader's).
fn names(block: &BlockRef) -> Vec<String> {
    let mut names = crate::render::labels::in_every_language(&block.label_parts());
    names.push(block.label.clone());
    names
}

/// The blocks of the latest version named in "verwerkt in" (labels or anchors), with their
/// labels; an unknown one is refused in words, under `processed_blocks`.
pub async fn resolve_places(
    store: &Store,
    consultation_id: i64,
    typed: &[String],
) -> Result<Result<(Vec<i64>, Vec<String>), FieldErrors>, AppError> {
    if typed.is_empty() {
        return Ok(Ok((Vec::new(), Vec::new())));
    }
    let Some((_, blocks)) = latest_version(store, consultation_id).await? else {
        return Ok(Err(FieldErrors::single("processed_blocks", FieldError::UnknownBlock)));
    };
    let (mut ids, mut labels) = (Vec::new(), Vec::new());
    for place in typed {
        match find_block(&blocks, place, |b| b.anchor.as_str(), names) {
            Some(block) if !ids.contains(&block.id) => {
                ids.push(block.id);
                labels.push(block.label.clone());
            }
            Some(_) => {}
            None => return Ok(Err(FieldErrors::single("processed_blocks", FieldError::UnknownBlock))),
        }
    }
    Ok(Ok((ids, labels)))
}

/// Fills in `processed_in` of the answers of these report inputs.
pub async fn attach_processed(
    store: &Store,
    consultation_id: i64,
    inputs: &mut [crate::domain::report::ReportInput],
) -> Result<(), AppError> {
    let pairs = store.answer_blocks_of(consultation_id).await?;
    if pairs.is_empty() {
        return Ok(());
    }
    let mut named: HashMap<i64, Vec<i64>> = HashMap::new();
    for (revision, block) in &pairs {
        named.entry(*revision).or_default().push(*block);
    }
    let mut ids: Vec<i64> = pairs.iter().map(|p| p.1).collect();
    ids.extend(
        inputs
            .iter()
            .filter(|i| i.answer.as_ref().and_then(|a| a.revision_id).is_some_and(|r| named.contains_key(&r)))
            .filter_map(|i| i.block_id),
    );
    ids.sort_unstable();
    ids.dedup();
    let blocks: HashMap<i64, BlockRef> = store.blocks_by_ids(&ids).await?.into_iter().map(|b| (b.id, b)).collect();
    for input in inputs {
        let from = input.block_id.and_then(|b| blocks.get(&b));
        if let Some(answer) = input.answer.as_mut()
            && let Some(list) = answer.revision_id.and_then(|r| named.get(&r))
        {
            answer.processed_in = processed_in(from, list, &blocks);
        }
    }
    Ok(())
}

/// The outline the nota is assembled on: every version that has reactions, the earlier ones'
/// headings marked with their version (`mark(no, heading)`), in version order.
pub async fn report_outline(
    store: &Store,
    consultation: &ConsultationRow,
    mark: impl Fn(i64, &str) -> String,
) -> Result<(Vec<OutlineSection>, Vec<OutlineBlock>), AppError> {
    let versions = store.versions(consultation.id).await?;
    if versions.len() <= 1 {
        return Ok(store.document(consultation.version_id).await?.outline());
    }
    let with_reactions = store.versions_with_reactions(consultation.id).await?;
    let shown: Vec<&VersionRow> = versions.iter().filter(|v| with_reactions.contains(&v.id)).collect();
    let several = shown.len() > 1;
    let (mut sections, mut blocks) = (Vec::new(), Vec::new());
    for version in shown {
        let (mut s, mut b) = store.document(version.id).await?.outline();
        if version.id != consultation.version_id {
            // Its paragraphs link to the version they were on.
            for block in &mut b {
                block.version = Some(version.version_no);
            }
            if several {
                for section in &mut s {
                    section.heading = mark(version.version_no, &section.heading);
                }
            }
        }
        sections.extend(s);
        blocks.extend(b);
    }
    Ok((sections, blocks))
}

/// "Wat is er veranderd": version `no` against the one before, section by section.
pub async fn changes(store: &Store, consultation: &ConsultationRow, no: i64) -> Result<ChangesView, AppError> {
    let versions = store.versions(consultation.id).await?;
    let index = versions.iter().position(|v| v.version_no == no).filter(|i| *i > 0).ok_or(AppError::NotFound)?;
    let (from, to) = (&versions[index - 1], &versions[index]);
    let step = store.version_step(to.id).await?;
    let old = store.document(from.id).await?;
    let new = store.document(to.id).await?;
    let processed = store.processed_counts(to.id).await?;
    let old_text: HashMap<i64, (&str, BlockLabel, i64)> =
        old.blocks.iter().enumerate().map(|(i, b)| (b.id, (b.plain_text.as_str(), b.label_parts(), i as i64))).collect();
    // Per new block, the old blocks that lead to it.
    let mut sources: HashMap<i64, Vec<(i64, BlockChange)>> = HashMap::new();
    for link in step.links.values() {
        for target in &link.to {
            sources.entry(*target).or_default().push((link.from, link.change));
        }
    }
    let mut sections: Vec<ChangedSection> = Vec::new();
    let section_of: HashMap<i64, usize> = new.sections.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let mut current: Option<Option<i64>> = None;
    for block in &new.blocks {
        if current != Some(block.section_id) {
            current = Some(block.section_id);
            let section = block.section_id.and_then(|id| section_of.get(&id)).and_then(|i| new.sections.get(*i));
            sections.push(ChangedSection {
                anchor: section.map(|s| s.anchor.clone()).unwrap_or_default(),
                heading: section.map(|s| s.heading()).unwrap_or_default(),
                level: section.map_or(1, |s| s.level.clamp(1, 5) as u8),
                blocks: Vec::new(),
                unchanged: 0,
            });
        }
        let Some(section) = sections.last_mut() else { continue };
        let mut from_blocks = sources.remove(&block.id).unwrap_or_default();
        from_blocks.sort_by_key(|(id, _)| old_text.get(id).map_or(i64::MAX, |t| t.2));
        let change = match from_blocks.as_slice() {
            [] => None,
            [(_, change), ..] => Some(*change),
        };
        let before: Vec<&str> = from_blocks.iter().filter_map(|(id, _)| old_text.get(id).map(|t| t.0)).collect();
        let diff = if before.is_empty() { text_change("", &block.plain_text) } else { text_change(&before.join(" "), &block.plain_text) };
        if change == Some(BlockChange::Unchanged) || (change.is_some() && diff.is_unchanged() && change != Some(BlockChange::Moved)) {
            section.unchanged += 1;
            continue;
        }
        let (reactions, points) = processed.get(&block.id).copied().unwrap_or_default();
        section.blocks.push(ChangedBlock {
            anchor: block.anchor.clone(),
            label: Some(block.label_parts()),
            was: from_blocks.iter().filter_map(|(id, _)| old_text.get(id).map(|t| t.1.clone())).collect(),
            change,
            diff,
            reactions,
            points,
        });
    }
    let mut removed: Vec<(i64, ChangedBlock)> = step
        .links
        .values()
        .filter(|l| l.to.is_empty())
        .filter_map(|l| {
            let (text, label, position) = old_text.get(&l.from)?;
            let block = ChangedBlock {
                anchor: String::new(),
                label: None,
                was: vec![label.clone()],
                change: Some(BlockChange::Removed),
                diff: text_change(text, ""),
                reactions: 0,
                points: 0,
            };
            Some((*position, block))
        })
        .collect();
    removed.sort_by_key(|(position, _)| *position);
    let removed = removed.into_iter().map(|(_, block)| block).collect();
    Ok(ChangesView {
        slug: consultation.slug.clone(),
        title: consultation.title.clone(),
        from: version_item(from),
        to: version_item(to),
        versions: versions.iter().map(version_item).collect(),
        sections,
        removed,
    })
}
