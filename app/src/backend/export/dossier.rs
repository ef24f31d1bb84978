//! The dossier for publication under the Woo: one zip with the response document (DOCX,
//! Markdown, XLSX, CSV), the college's published response letters, the open data as JSON, the
//! OpenAPI description and a README. Everything in it is what the public may see, anonymised.

use super::{NotaFormat, internal, reactions_report, render_letter_docx, render_nota};
use crate::backend::services::today;
use crate::backend::store::Store;
use crate::domain::error::AppError;
use crate::domain::export::{Audience, ExportOptions};
use crate::i18n::Messages;
use crate::render::{letter::letter_markdown, open_data};
use std::io::Write;
use zip::write::SimpleFileOptions;

/// The OpenAPI description of `/api/v1`, as kept in the repository.
pub const OPENAPI: &str = include_str!("../../../../openapi/inspraak-v1.json");

/// The Woo dossier is a public document: a concept has none.
pub async fn dossier(store: &Store, organisation: &str, slug: &str, t: &Messages) -> Result<super::Download, AppError> {
    let consultation = crate::backend::services::readable_consultation(store, slug, None).await?;
    // Residents stay anonymous in a Woo publication, whatever they chose for the response document.
    let options = ExportOptions { names: false, ..ExportOptions::default() };
    let letters = crate::backend::advice::published_letters_by_council(store, &consultation).await?;
    let mut report = reactions_report(store, &consultation, options, Audience::Public, false, t).await?;
    report.advices = letters.iter().map(|(_, letter)| letter.clone()).collect();
    let document = super::api_document(store, slug, t).await?;
    let logos = super::logos::LetterLogos::load(store, &report.advices).await?;
    let reactions = open_data::reactions(&consultation.slug, &report, t);
    let advice = open_data::advice(&consultation.slug, &report.advices, t);

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.push(("LEESMIJ.md".into(), (t.export.dossier_readme)(&consultation.title, organisation, &t.date(today())).into_bytes()));
    for format in [NotaFormat::Docx, NotaFormat::Html, NotaFormat::Markdown, NotaFormat::Xlsx, NotaFormat::Csv] {
        files.push((format!("reactienota.{}", format.extension()), render_nota(&consultation, organisation, &report, &logos, format, t)?));
    }
    for (council, letter) in &letters {
        files.push((format!("collegereacties/{council}.docx"), render_letter_docx(letter, &consultation.title, organisation, &logos, t)?));
        files.push((format!("collegereacties/{council}.md"), letter_markdown(letter, 1, t).into_bytes()));
    }
    files.push(("open-data/consultatie.json".into(), json(&document)?));
    files.push(("open-data/reacties.json".into(), json(&reactions)?));
    files.push(("open-data/adviezen.json".into(), json(&advice)?));
    files.push(("open-data/openapi.json".into(), OPENAPI.as_bytes().to_vec()));

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(format!("dossier-{}/{name}", consultation.slug), options).map_err(internal)?;
        zip.write_all(&bytes).map_err(internal)?;
    }
    let bytes = zip.finish().map_err(internal)?.into_inner();
    Ok(super::Download {
        bytes,
        content_type: "application/zip",
        file_name: crate::domain::export::file_name("dossier", &consultation.slug, "zip"),
        inline: false,
    })
}

fn json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, AppError> {
    serde_json::to_vec_pretty(value).map_err(internal)
}
