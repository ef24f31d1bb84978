use super::ImportSummary;
use crate::domain::error::{AppError, FormOutcome};
use crate::views::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(endpoint = "consultaties")]
pub async fn list_consultations() -> Result<Vec<ConsultationItem>, AppError> {
    use crate::backend::{context::state, services::today};
    let today = today();
    let store = state()?.store;
    let rows = store.list_consultations().await?;
    // Concepts are listed for staff only (council members find theirs under /raad).
    let staff = crate::backend::auth::current_user().await?.is_some_and(|u| u.role().is_staff());
    Ok(rows
        .into_iter()
        .filter(|row| staff || crate::domain::phase::Phase::parse(&row.phase).is_none_or(crate::domain::phase::is_public))
        .map(|row| {
            let period = crate::domain::consultation::CommentPeriod { opens: row.opens_on, closes: row.closes_on };
            let stage = crate::domain::phase::Phase::parse(&row.phase).unwrap_or(crate::domain::phase::Phase::Comment);
            ConsultationItem {
                slug: row.slug,
                title: row.title,
                description: row.description,
                phase: crate::domain::phase::comment_period_phase(stage, period, today),
                stage,
                period,
                comment_count: row.comment_count,
                unanswered_count: row.unanswered_count,
            }
        })
        .collect())
}

/// The public page of a consultation with its current version, or an earlier `version` (from 1).
#[server(endpoint = "consultatie")]
pub async fn get_consultation(slug: String, version: Option<i64>) -> Result<ConsultationView, AppError> {
    use crate::backend::{context::state, services::today};
    let store = state()?.store;
    let user = crate::backend::auth::current_user().await?;
    let consultation = crate::backend::services::readable_consultation(&store, &slug, user.as_ref()).await?;
    let version_rows = store.versions(consultation.id).await?;
    let shown = match version {
        None => version_rows.last(),
        Some(no) => version_rows.iter().find(|v| v.version_no == no),
    }
    .ok_or(AppError::NotFound)?;
    let (shown_id, shown_version) = (shown.id, shown.version_no);
    let versions = version_rows.iter().map(crate::backend::versions::version_item).collect();
    let document = store.document(shown_id).await?;
    let general_comment_count = store.general_comment_count(shown_id).await?;
    let mut sections: Vec<SectionView> = Vec::with_capacity(document.sections.len() + 1);
    let mut index = std::collections::HashMap::new();
    if document.blocks.first().is_some_and(|b| b.section_id.is_none()) {
        sections.push(SectionView { anchor: "begin".into(), level: 1, heading: String::new(), blocks: Vec::new() });
    }
    for section in &document.sections {
        index.insert(section.id, sections.len());
        sections.push(SectionView {
            anchor: section.anchor.clone(),
            level: u8::try_from(section.level).unwrap_or(1),
            heading: section.heading(),
            blocks: Vec::new(),
        });
    }
    for block in document.blocks {
        let at = block.section_id.and_then(|id| index.get(&id).copied()).unwrap_or(0);
        if let Some(section) = sections.get_mut(at) {
            section.blocks.push(BlockView {
                kind: block.kind(),
                label: block.label_parts(),
                anchor: block.anchor,
                html: block.html,
                comment_count: block.comment_count,
            });
        }
    }
    let period = consultation.period();
    let timeline = crate::backend::services::timeline(&store, &consultation).await?;
    let stage = consultation.phase();
    // An earlier version is for reading: no comment or advice links.
    let earlier = shown_id != consultation.version_id;
    // A council member of a council asked, while the round is open, gets "advies op deze alinea".
    let advice_editor = match user {
        Some(user) if crate::domain::phase::advice_open(stage) && !earlier => match user.council_id {
            Some(council_id) if store.is_council_asked(consultation.id, council_id).await? => Some(format!("/raad/{}", consultation.slug)),
            _ => None,
        },
        _ => None,
    };
    let has_letters = store.has_published_letters(consultation.id).await?;
    Ok(ConsultationView {
        slug: consultation.slug,
        title: consultation.title,
        description: consultation.description,
        phase: crate::domain::phase::comment_period_phase(stage, period, today()),
        period,
        sections,
        general_comment_count,
        stage,
        timeline,
        advice_editor,
        has_letters,
        versions,
        shown_version,
    })
}

#[server(endpoint = "resultaat")]
pub async fn get_outcome(slug: String) -> Result<OutcomeView, AppError> {
    use crate::backend::{context::state, services};
    let store = state()?.store;
    let user = crate::backend::auth::current_user().await?;
    let (consultation, report) = services::build_report(&store, &slug, user.as_ref()).await?;
    let (_, blocks) = store.document(consultation.version_id).await?.outline();
    let timeline = services::timeline(&store, &consultation).await?;
    Ok(OutcomeView {
        outcome: crate::domain::outcome::outcome(&report, &blocks),
        slug: consultation.slug,
        title: consultation.title,
        timeline,
    })
}

/// The nota for its web page; a large one a part at a time (`part`, from 0).
#[server(endpoint = "reactienota")]
pub async fn get_report(slug: String, part: Option<usize>) -> Result<ReportView, AppError> {
    use crate::backend::{auth::current_user, context::state, services::build_report};
    let state = state()?;
    let user = current_user().await?;
    let (consultation, report) = build_report(&state.store, &slug, user.as_ref()).await?;
    let t = crate::backend::context::request_locale().messages();
    let (report, parts) = crate::domain::report::one_part(report, part.unwrap_or(0), t.whole_document);
    let staff = user.is_some_and(|u| u.role().is_staff());
    Ok(ReportView {
        period: consultation.period(),
        slug: consultation.slug,
        title: consultation.title,
        report,
        staff,
        organisation: state.organisation.to_string(),
        parts,
    })
}

/// Creates a consultation from the officer's form and the uploaded draft. A plain multipart
/// form post, so it works the same with JavaScript on or off.
#[server(input = MultipartFormData, endpoint = "nieuwe-consultatie")]
pub async fn create_consultation(data: MultipartData) -> Result<FormOutcome<ImportSummary>, AppError> {
    use crate::backend::context::state;
    use crate::backend::flash::finish_plain_form;
    use crate::domain::consultation::ConsultationForm;
    use crate::domain::role::Action;
    let user = crate::backend::auth::require(Action::CreateConsultation).await?;
    let (mut texts, file_name, bytes) = super::requests::read_multipart(data).await?;
    let mut take = |name: &str| texts.remove(name).unwrap_or_default();
    let form = ConsultationForm {
        title: take("title"),
        slug: take("slug"),
        description: take("description"),
        opens: take("opens"),
        closes: take("closes"),
        phase: take("phase"),
    };
    let store = state()?.store;
    let outcome = crate::backend::services::create_consultation(&store, &form, &file_name, &bytes, Some(user.id), None).await?;
    let values = crate::backend::flash::echo_values([
        ("title", &form.title),
        ("slug", &form.slug),
        ("description", &form.description),
        ("opens", &form.opens),
        ("closes", &form.closes),
        ("phase", &form.phase),
    ]);
    // The new consultation's dashboard says that it was created and what a Word import left out.
    let created_page = |summary: &ImportSummary| {
        let mut path = format!("/beheer/consultaties/{}?nieuw=1", summary.slug);
        if !summary.left_out.is_empty() {
            path.push_str("&weggelaten=");
            path.push_str(&crate::domain::document::LeftOut::to_query(&summary.left_out));
        }
        path
    };
    finish_plain_form(&outcome, values, created_page, "nieuwe-consultatie");
    Ok(outcome)
}
