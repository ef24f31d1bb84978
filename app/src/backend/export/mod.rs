//! Downloads of the response documents and the open data: the nota van beantwoording as DOCX,
//! Markdown, XLSX and CSV, the college's response letters as DOCX, the JSON of `/api/v1`, and the
//! dossier zip for publication under the Woo. What goes in each is decided by the domain
//! (`domain::export`, `domain::open_data`) and worded by `render`; this module loads it and writes
//! the files.

pub mod docx;
pub mod dossier;
pub mod html;
pub mod logos;
pub mod sheet;

use super::services::today;
use super::store::{ConsultationRow, Store, UserRow};
use crate::domain::error::AppError;
use crate::domain::export::{Audience, ExportOptions, Order, by_status, file_name, sheet_rows};
use crate::domain::open_data::{self, ApiConsultation, ApiDocument, ApiLinks, ApiPeriod, TreeSection};
use crate::domain::report::{self, Report};
use crate::i18n::Messages;
use crate::render::letter::letter_markdown;
use crate::render::report::{advice_heading, markdown_body, reactions_markdown, summary_line, to_markdown};
use docx::{Contents, DocxBuilder, DocxMeta};
use logos::LetterLogos;

/// The formats of the nota van beantwoording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotaFormat {
    /// The print version: one plain HTML document.
    Html,
    Markdown,
    Docx,
    Xlsx,
    Csv,
}

impl NotaFormat {
    pub fn from_extension(ext: &str) -> Option<Self> {
        Some(match ext {
            "html" => NotaFormat::Html,
            "md" => NotaFormat::Markdown,
            "docx" => NotaFormat::Docx,
            "xlsx" => NotaFormat::Xlsx,
            "csv" => NotaFormat::Csv,
            _ => return None,
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            NotaFormat::Html => "html",
            NotaFormat::Markdown => "md",
            NotaFormat::Docx => "docx",
            NotaFormat::Xlsx => "xlsx",
            NotaFormat::Csv => "csv",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            NotaFormat::Html => "text/html; charset=utf-8",
            NotaFormat::Markdown => "text/markdown; charset=utf-8",
            NotaFormat::Docx => DOCX_TYPE,
            NotaFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            NotaFormat::Csv => "text/csv; charset=utf-8",
        }
    }

    /// Shown in the browser rather than saved.
    pub fn inline(self) -> bool {
        self == NotaFormat::Html
    }

    fn is_sheet(self) -> bool {
        matches!(self, NotaFormat::Xlsx | NotaFormat::Csv)
    }
}

pub const DOCX_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A file to send: its bytes, type and name.
pub struct Download {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub file_name: String,
    /// Shown in the browser (the print version) rather than saved.
    pub inline: bool,
}

fn internal(error: impl std::fmt::Display) -> AppError {
    tracing::error!(%error, "export failed");
    AppError::Internal
}

pub fn audience_of(user: Option<&UserRow>) -> Audience {
    if user.is_some_and(|u| u.role().is_staff()) { Audience::Staff } else { Audience::Public }
}

/// The report as this audience may have it, with the options applied and the councils' published
/// letters. Staff spreadsheets carry the latest answer of every state (with the state in its
/// column); everything else carries only approved and adopted answers, as the public sees them.
pub async fn report_for(
    store: &Store,
    consultation: &ConsultationRow,
    options: ExportOptions,
    audience: Audience,
    all_answers: bool,
    t: &Messages,
) -> Result<Report, AppError> {
    let mut report = reactions_report(store, consultation, options, audience, all_answers, t).await?;
    report.advices = super::advice::published_letters(store, consultation).await?;
    Ok(report)
}

/// As [`report_for`], without the councils' letters, for callers that need no letters or load
/// them themselves.
pub async fn reactions_report(
    store: &Store,
    consultation: &ConsultationRow,
    options: ExportOptions,
    audience: Audience,
    all_answers: bool,
    t: &Messages,
) -> Result<Report, AppError> {
    let options = options.for_audience(audience);
    let (sections, blocks) =
        super::versions::report_outline(store, consultation, |no, heading| (t.versions.earlier_heading)(no, heading)).await?;
    let mut inputs = store.report_inputs(consultation.id, !(all_answers && audience == Audience::Staff)).await?;
    super::versions::attach_processed(store, consultation.id, &mut inputs).await?;
    options.prepare(&mut inputs);
    let mut report = report::assemble_with(&sections, &blocks, inputs, options.hidden);
    if options.order == Order::Status {
        report = by_status(report, t.export.whole_document_label, |status| match status {
            Some(status) => capitalise(t.status_label(status)),
            None => capitalise(t.work.not_answered),
        });
    }
    Ok(report)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn period_line(consultation: &ConsultationRow, t: &Messages) -> String {
    (t.report_period)(&t.date(consultation.opens_on), &t.date(consultation.closes_on))
}

/// The nota van beantwoording in one of its formats.
pub async fn nota(
    store: &Store,
    organisation: &str,
    slug: &str,
    format: NotaFormat,
    options: ExportOptions,
    user: Option<&UserRow>,
    t: &Messages,
) -> Result<Download, AppError> {
    let consultation = super::services::readable_consultation(store, slug, user).await?;
    let audience = audience_of(user);
    let report = report_for(store, &consultation, options, audience, format.is_sheet(), t).await?;
    let logos = if format == NotaFormat::Docx { LetterLogos::load(store, &report.advices).await? } else { LetterLogos::default() };
    let bytes = render_nota(&consultation, organisation, &report, &logos, format, t)?;
    Ok(Download {
        bytes,
        content_type: format.content_type(),
        file_name: file_name("reactienota", &consultation.slug, format.extension()),
        inline: format.inline(),
    })
}

/// Writes an assembled report in a format; the Word document shows the letters' `logos`.
pub fn render_nota(
    consultation: &ConsultationRow,
    organisation: &str,
    report: &Report,
    logos: &LetterLogos,
    format: NotaFormat,
    t: &Messages,
) -> Result<Vec<u8>, AppError> {
    Ok(match format {
        NotaFormat::Html => {
            let title = format!("{} {}", t.report_title, consultation.title);
            let lines = vec![period_line(consultation, t), summary_line(&report.totals, t)];
            let meta = html::HtmlMeta { lang: t.export.lang, title: &title, organisation, lines };
            html::document(&meta, &markdown_body(report, t)).into_bytes()
        }
        NotaFormat::Markdown => to_markdown(&consultation.title, &period_line(consultation, t), report, t).into_bytes(),
        NotaFormat::Docx => nota_docx(consultation, organisation, report, logos, t)?,
        NotaFormat::Xlsx => sheet::xlsx(&sheet_rows(report, &report.advices), t).map_err(internal)?,
        NotaFormat::Csv => sheet::csv(&sheet_rows(report, &report.advices), t).map_err(internal)?,
    })
}

fn nota_docx(
    consultation: &ConsultationRow,
    organisation: &str,
    report: &Report,
    logos: &LetterLogos,
    t: &Messages,
) -> Result<Vec<u8>, AppError> {
    let title = format!("{} {}", t.report_title, consultation.title);
    let meta = DocxMeta {
        title: &title,
        organisation,
        subtitle_lines: vec![period_line(consultation, t), (t.export.made_on)(&t.date(today()))],
        contents: Some(Contents { title: t.export.toc_title, hint: t.export.toc_hint }),
        page_word: t.export.page,
        logo: None,
    };
    let totals = &report.totals;
    let mut rows: Vec<Vec<String>> = totals.by_status.iter().map(|(s, n)| vec![capitalise(t.status_label(*s)), n.to_string()]).collect();
    rows.push(vec![capitalise(t.work.not_answered), totals.unanswered.to_string()]);
    rows.push(vec![capitalise(t.export.received), totals.received.to_string()]);
    rows.push(vec![capitalise(t.export.late_count), totals.late.to_string()]);
    let mut document = DocxBuilder::new(&meta)
        .paragraph(&summary_line(totals, t))
        .table(&t.export.totals_heads, &rows)
        .markdown(&reactions_markdown(report, t));
    // The councils' letters as in `markdown_body`, each under its municipality's logo as on the web page.
    if !report.advices.is_empty() {
        document = document.markdown(&advice_heading(t));
        for letter in &report.advices {
            if let Some(logo) = logos.figure(letter, t) {
                document = document.figure(logo);
            }
            document = document.markdown(&letter_markdown(letter, 3, t));
        }
    }
    document.finish().map_err(internal)
}

/// The college's response to a council's advice as a Word document, for whoever may read it.
pub async fn letter_docx(
    store: &Store,
    organisation: &str,
    user: Option<&UserRow>,
    slug: &str,
    council: &str,
    t: &Messages,
) -> Result<Download, AppError> {
    let view = super::advice::letter_view(store, user, slug, council).await?;
    let logos = LetterLogos::load(store, [&view.letter]).await?;
    let bytes = render_letter_docx(&view.letter, &view.consultation_title, organisation, &logos, t)?;
    Ok(Download {
        bytes,
        content_type: DOCX_TYPE,
        file_name: file_name("collegereactie", &format!("{slug}-{council}"), "docx"),
        inline: false,
    })
}

/// The letter a council sent its advice in (a PDF), for whoever may read it.
pub async fn council_letter_pdf(store: &Store, user: Option<&UserRow>, slug: &str, council: &str) -> Result<Download, AppError> {
    let (file_name, bytes) = super::advice::council_letter_pdf(store, user, slug, council).await?;
    Ok(Download { bytes, content_type: "application/pdf", file_name, inline: false })
}

/// The letter as a Word document, with the sender's logo (from `logos`) above its title.
pub fn render_letter_docx(
    letter: &crate::domain::advice::Letter,
    consultation_title: &str,
    organisation: &str,
    logos: &LetterLogos,
    t: &Messages,
) -> Result<Vec<u8>, AppError> {
    let title = (t.councils.letter_heading)(&letter.council_name, &letter.municipality);
    let meta = DocxMeta {
        title: &title,
        // A municipality's own college signs its letters to its own councils.
        organisation: letter.sender.as_deref().unwrap_or(organisation),
        subtitle_lines: vec![consultation_title.to_string(), (t.export.made_on)(&t.date(today()))],
        // A letter of a few pages has no list of contents, as the college's letters have none.
        contents: None,
        page_word: t.export.page,
        logo: logos.figure(letter, t),
    };
    // The letter's Markdown at level 1; its own title is on the title page already.
    let markdown = letter_markdown(letter, 1, t);
    let body = markdown.split_once('\n').map(|(_, rest)| rest).unwrap_or_default();
    DocxBuilder::new(&meta).markdown(body).finish().map_err(internal)
}

fn api_consultation(
    slug: &str,
    title: &str,
    description: &str,
    phase: &str,
    period: (time::Date, time::Date),
    count: i64,
) -> ApiConsultation {
    ApiConsultation {
        slug: slug.to_string(),
        title: title.to_string(),
        description: description.to_string(),
        phase: phase.to_string(),
        comment_period: ApiPeriod { opens_on: period.0.to_string(), closes_on: period.1.to_string() },
        reaction_count: count,
        links: ApiLinks::for_slug(slug),
    }
}

pub async fn api_consultations(store: &Store) -> Result<open_data::ApiConsultationList, AppError> {
    let consultations = store
        .list_consultations()
        .await?
        .iter()
        .filter(|c| crate::domain::phase::Phase::parse(&c.phase).is_none_or(crate::domain::phase::is_public))
        .map(|c| api_consultation(&c.slug, &c.title, &c.description, &c.phase, (c.opens_on, c.closes_on), c.comment_count))
        .collect();
    Ok(open_data::ApiConsultationList { consultations })
}

/// Open data is public: a concept is not there. Labels in `t`'s words beside the stored ones.
pub async fn api_document(store: &Store, slug: &str, t: &Messages) -> Result<ApiDocument, AppError> {
    let consultation = super::services::readable_consultation(store, slug, None).await?;
    let document = store.document(consultation.version_id).await?;
    let (_, blocks) = document.outline();
    let sections: Vec<TreeSection> = document
        .sections
        .iter()
        .map(|s| TreeSection {
            id: s.id,
            parent_id: s.parent_id,
            anchor: s.anchor.clone(),
            level: s.level as u8,
            label: s.label.clone(),
            label_parts: s.label_parts(),
            heading: s.heading(),
        })
        .collect();
    let (loose, tree) = crate::render::open_data::document_tree(&sections, &blocks, t);
    let c = &consultation;
    let count = store.comment_count(c.id).await?;
    Ok(ApiDocument {
        consultation: api_consultation(&c.slug, &c.title, &c.description, &c.phase, (c.opens_on, c.closes_on), count),
        document_title: document.title.clone(),
        blocks: loose,
        sections: tree,
    })
}

/// The reactions, anonymised, with published answers only.
pub async fn api_reactions(store: &Store, slug: &str, t: &Messages) -> Result<open_data::ApiReactions, AppError> {
    let consultation = super::services::readable_consultation(store, slug, None).await?;
    let options = ExportOptions { names: false, ..ExportOptions::default() };
    let report = reactions_report(store, &consultation, options, Audience::Public, false, t).await?;
    Ok(crate::render::open_data::reactions(&consultation.slug, &report, t))
}

pub async fn api_advice(store: &Store, slug: &str, t: &Messages) -> Result<open_data::ApiAdviceList, AppError> {
    let consultation = super::services::readable_consultation(store, slug, None).await?;
    let letters = super::advice::published_letters(store, &consultation).await?;
    Ok(crate::render::open_data::advice(&consultation.slug, &letters, t))
}
