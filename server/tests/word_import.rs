//! Word import (issue 16): an officer uploads the draft as it is, a `.docx`. Tested on Word files
//! that LibreOffice makes from the fixtures (Word's built-in heading styles, real footnotes) and on
//! a copy with Dutch style names: the tree must match the Markdown import of the same fixture.
//! Files that are not Word documents, encrypted, old, with macros or too large get a Dutch message
//! and nothing is stored; what an import leaves out (pictures, text boxes) is told.

mod common;

use app::api::ImportSummary;
use app::backend::store::{DocumentRows, Store};
use app::domain::document::{LeftOut, LeftOutKind};
use app::domain::error::{FieldError, FormOutcome};
use axum::http::StatusCode;
use common::*;
use inspraak_docx::testing::{compound_file, dutch_copy, libreoffice_docx};
use std::io::{Cursor, Read, Write};

async fn create(officer: &mut Client, slug: &str, file_name: &str, bytes: &[u8]) -> FormOutcome<ImportSummary> {
    let response =
        officer.call_multipart("/api/nieuwe-consultatie", &consultation_parts(slug, file_name, bytes), "application/json", None).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

async fn document(store: &Store, slug: &str) -> DocumentRows {
    let consultation = store.consultation_by_slug(slug).await.unwrap().expect("stored");
    store.document(consultation.version_id).await.unwrap()
}

fn word_of(fixture_name: &str) -> Vec<u8> {
    let markdown = std::fs::read_to_string(fixture(fixture_name)).expect("fixture");
    let work = tempfile::tempdir().expect("work dir");
    libreoffice_docx(&markdown, fixture_name.trim_end_matches(".md"), work.path())
}

/// The same sections (heading and label, in order) and the block count within 2, every
/// difference listed.
fn assert_same_tree(from_markdown: &DocumentRows, from_word: &DocumentRows, what: &str) {
    let headings = |doc: &DocumentRows| doc.sections.iter().map(|s| (s.level, s.heading(), s.label.clone())).collect::<Vec<_>>();
    assert_eq!(headings(from_markdown), headings(from_word), "{what}: the sections");
    assert_eq!(from_markdown.title, from_word.title, "{what}: the title");
    let (a, b) = (from_markdown.blocks.len(), from_word.blocks.len());
    let texts = |doc: &DocumentRows| doc.blocks.iter().map(|b| b.plain_text.clone()).collect::<std::collections::BTreeSet<_>>();
    let (ta, tb) = (texts(from_markdown), texts(from_word));
    for missing in ta.difference(&tb) {
        println!("{what}: only in the Markdown import: {missing:?}");
    }
    for extra in tb.difference(&ta) {
        println!("{what}: only in the Word import: {extra:?}");
    }
    println!("{what}: {} sections; blocks {a} (Markdown) and {b} (Word)", from_markdown.sections.len());
    assert!(a.abs_diff(b) <= 2, "{what}: {a} blocks from Markdown, {b} from Word");
    let footnotes = |doc: &DocumentRows| doc.blocks.iter().filter(|b| b.anchor.starts_with("voetnoot-")).count();
    assert!(footnotes(from_word) > 0 || footnotes(from_markdown) == 0, "{what}: footnotes kept");
}

#[tokio::test]
async fn a_word_draft_made_from_the_fixtures_imports_as_the_markdown_does_also_with_dutch_style_names() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    for (fixture_name, slug) in [("regiovisie-hollands-midden-2019-2023.md", "regiovisie"), ("vragen-antwoorden-verwerkt.md", "vragen")] {
        let markdown = std::fs::read(fixture(fixture_name)).unwrap();
        saved(create(&mut officer, &format!("{slug}-md"), "concept.md", &markdown).await);
        let word = word_of(fixture_name);
        let summary = saved(create(&mut officer, &format!("{slug}-word"), "Concept Regiovisie.DOCX", &word).await);
        assert!(summary.left_out.is_empty(), "nothing to leave out: {:?}", summary.left_out);
        let dutch = dutch_copy(&word);
        saved(create(&mut officer, &format!("{slug}-kop"), "concept.docx", &dutch).await);

        let from_markdown = document(&app.store, &format!("{slug}-md")).await;
        let from_word = document(&app.store, &format!("{slug}-word")).await;
        let from_dutch = document(&app.store, &format!("{slug}-kop")).await;
        assert_same_tree(&from_markdown, &from_word, fixture_name);
        assert_same_tree(&from_word, &from_dutch, &format!("{fixture_name}, Dutch styles"));
    }
    // Residents read and comment on the imported Word draft like on any other.
    let page = app.client().get("/consultaties/regiovisie-word").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Geweld hoort nergens thuis"));
}

/// The docx with `extra` (WordprocessingML) put before the first paragraph, and `add` as extra parts.
fn edited(docx: &[u8], extra: &str, add: &[(&str, &[u8])]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("docx");
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().expect("entry name").to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let text = String::from_utf8(data).unwrap();
            let at = text.find("<w:p>").or_else(|| text.find("<w:p ")).expect("a paragraph");
            data = format!("{}{extra}{}", &text[..at], &text[at..]).into_bytes();
        }
        writer.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(&data).unwrap();
    }
    for (name, data) in add {
        writer.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const PICTURE: &str = r#"<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
const TEXT_BOX: &str = r#"<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Tekst in een kader</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"#;

#[tokio::test]
async fn what_a_word_import_leaves_out_is_told_also_without_javascript() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let word = edited(&word_of("vragen-antwoorden-verwerkt.md"), &format!("{PICTURE}{PICTURE}{TEXT_BOX}"), &[]);
    let summary = saved(create(&mut officer, "met-plaatjes", "concept.docx", &word).await);
    assert_eq!(summary.left_out, [LeftOut { kind: LeftOutKind::Images, count: 2 }, LeftOut { kind: LeftOutKind::TextBoxes, count: 1 }]);
    let stored = document(&app.store, "met-plaatjes").await;
    assert!(!stored.blocks.iter().any(|b| b.plain_text.contains("Tekst in een kader")), "a text box's text is not imported");

    // The plain form (JavaScript off) goes on to the dashboard, which says what was left out.
    let response = officer
        .call_multipart(
            "/api/nieuwe-consultatie",
            &consultation_parts("met-plaatjes-2", "concept.docx", &word),
            "text/html",
            Some("/beheer/nieuw"),
        )
        .await;
    assert!(response.status.is_redirection(), "{}", response.status);
    let location = response.location().to_string();
    assert_eq!(location, "/beheer/consultaties/met-plaatjes-2?nieuw=1&weggelaten=afbeeldingen.2,tekstvakken.1");
    let page = officer.get(&location).await;
    assert!(
        page.body.contains("Uit het Word-document is weggelaten: 2 afbeeldingen, 1 tekstvak."),
        "the officer is told in Dutch what was left out"
    );
}

#[tokio::test]
async fn files_that_are_not_usable_word_documents_get_a_dutch_message_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let word = word_of("vragen-antwoorden-verwerkt.md");
    let macros = edited(&word, "", &[("word/vbaProject.bin", b"\x00macro")]);
    let mut too_large = word.clone();
    too_large.resize(app::backend::import::MAX_WORD_BYTES + 1, 0);
    let cases: [(&str, &[u8], FieldError, &str); 6] = [
        (
            "tekst.docx",
            b"Dit is gewoon tekst met de verkeerde naam.",
            FieldError::ImportWordNotDocx,
            "Dit bestand is geen Word-document (.docx).",
        ),
        (
            "beveiligd.docx",
            &compound_file(&["EncryptionInfo", "EncryptedPackage"]),
            FieldError::ImportWordEncrypted,
            "met een wachtwoord beveiligd",
        ),
        ("oud.doc", &compound_file(&["WordDocument", "1Table"]), FieldError::ImportWordOldFormat, "oud Word-bestand (.doc)"),
        ("macro.docm", &macros, FieldError::ImportWordMacros, "bevat macro's"),
        ("groot.docx", &too_large, FieldError::ImportTooLarge { max_mb: 20 }, "groter dan 20 MB"),
        ("half.docx", &word[..word.len() / 2], FieldError::ImportWordNotDocx, "geen Word-document"),
    ];
    for (name, bytes, expected, dutch) in cases {
        let errors = invalid(create(&mut officer, "regiovisie", name, bytes).await);
        assert_eq!(errors.get("file"), [expected], "{name}");
        assert!((app::i18n::NL.field_error)(expected).contains(dutch), "{name}: {dutch}");
        // Without JavaScript the form comes back with the message and what was typed.
        let response = officer
            .call_multipart("/api/nieuwe-consultatie", &consultation_parts("regiovisie", name, bytes), "text/html", Some("/beheer/nieuw"))
            .await;
        let location = response.location().to_string();
        let page = officer.get(location.split('#').next().unwrap_or_default()).await;
        assert!(page.body.contains(&dutch.replace('\'', "&#x27;")) || page.body.contains(dutch), "{name}: the Dutch message on the form");
        assert!(page.body.contains("value=\"regiovisie\""), "{name}: the slug kept");
    }
    assert_eq!(app.consultation_count().await, 0, "nothing was half-imported");
}
