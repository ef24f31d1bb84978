//! Downloads and open data against a real database: the nota van beantwoording as DOCX (opened
//! and converted to PDF by LibreOffice, read back with pdftotext), XLSX and CSV; the college's
//! letter as DOCX; the `/api/v1` JSON checked against `openapi/inspraak-v1.json`; the dossier zip;
//! and a sweep of every public page, API answer and export for personal data and hidden text.

mod common;

use app::api::Receipt;
use app::backend::services::create_consultation;
use app::domain::comment::CommentForm;
use app::domain::consultation::ConsultationForm;
use app::domain::error::FormOutcome;
use axum::http::StatusCode;
use common::*;
use serde_json::Value;
use std::process::Command;

const EMAIL: &str = "geheim.adres@example.org";
const HIDDEN_NAME: &str = "Henk Verborgen";
const SHOWN_NAME: &str = "Anna Zichtbaar";
const HTML_NAME: &str = "<b>Piet</b> <script>alert(1)</script>";
const HIDDEN_TEXT: &str = "VERBORGENTEKST over de buurman op nummer 4.";
const DRAFT_ANSWER: &str = "CONCEPTANTWOORD dat nog niet beoordeeld is.";

async fn submit(app: &TestApp, form: CommentForm) {
    let response = app.client_from([203, 0, 113, 40]).submit(&form).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert!(matches!(response.json::<FormOutcome<Receipt>>(), FormOutcome::Done(_)), "{}", response.body);
}

/// The real fixture document (with its tables), imported as an officer would.
async fn import_regiovisie(app: &TestApp) {
    let bytes = std::fs::read(fixture("regiovisie-hollands-midden-2019-2023.md")).unwrap();
    let today = app::backend::services::today();
    let form = ConsultationForm {
        title: "Regiovisie Hollands Midden".into(),
        slug: "visie".into(),
        description: "Regiovisie huiselijk geweld en kindermishandeling.".into(),
        opens: (today - time::Duration::days(7)).to_string(),
        closes: (today + time::Duration::days(21)).to_string(),
        phase: String::new(),
    };
    let outcome = create_consultation(&app.store, &form, "regiovisie.md", &bytes, None, None).await.expect("imported");
    assert!(matches!(outcome, FormOutcome::Done(_)), "{outcome:?}");
}

async fn table_block(app: &TestApp) -> String {
    let consultation = app.store.consultation_by_slug("visie").await.unwrap().unwrap();
    let document = app.store.document(consultation.version_id).await.unwrap();
    document.blocks.iter().find(|b| b.kind == "table").expect("the fixture has a table").anchor.clone()
}

/// Every kind of difficult input in one consultation: names with and without consent, an e-mail
/// address, HTML in a name, characters outside Latin-1, Markdown and very long answers, a quoted
/// table, a hidden reaction and an answer still in draft.
async fn difficult_consultation(app: &TestApp) -> Client {
    import_regiovisie(app).await;
    let table = table_block(app).await;
    let consent = Some("on".to_string());
    submit(
        app,
        CommentForm {
            name: HIDDEN_NAME.into(),
            email: EMAIL.into(),
            consent: consent.clone(),
            ..comment("visie", &table, "Tabel klopt niet.")
        },
    )
    .await;
    submit(
        app,
        CommentForm {
            name: SHOWN_NAME.into(),
            show_name: Some("on".into()),
            consent: consent.clone(),
            ..comment("visie", &table, "Łódź, Ελληνικά, 中文 en 🚲: de fietsroute ontbreekt.")
        },
    )
    .await;
    submit(
        app,
        CommentForm {
            name: HTML_NAME.into(),
            show_name: Some("on".into()),
            consent,
            ..comment("visie", "", "=SOM(A1:A9) is geen formule.")
        },
    )
    .await;
    submit(app, comment("visie", &table, HIDDEN_TEXT)).await;
    submit(app, comment("visie", "", "Nog een reactie in concept.")).await;

    let mut officer = app.officer().await;
    let markdown = "**Dank** voor uw reactie.\n\n- punt één\n- punt twee\n\n| Kolom | Waarde |\n|---|---|\n| a | b |\n\nZie [de website](https://example.org).";
    publish_answer(app, &mut officer, app.comment_id("visie", "Tabel klopt niet.").await, markdown, "verwerkt", "Paragraaf 3").await;
    // As long as an answer may be (10,000 characters).
    let long = "Een heel lang antwoord. ".repeat(416);
    let greek = app.comment_id("visie", "Łódź, Ελληνικά, 中文 en 🚲: de fietsroute ontbreekt.").await;
    publish_answer(app, &mut officer, greek, &long, "kennisgenomen", "").await;
    let hidden = app.comment_id("visie", HIDDEN_TEXT).await;
    let hide = fields(&[("form[comment]", &hidden.to_string()), ("form[hide]", "ja"), ("form[reason]", "Persoonsgegevens van een derde.")]);
    assert_eq!(officer.call("/api/zichtbaarheid", &hide).await.status, StatusCode::OK);
    let draft = app.comment_id("visie", "Nog een reactie in concept.").await;
    saved(save_answer(&mut officer, &answer_fields(draft, DRAFT_ANSWER, "verwerkt", "", "concept")).await);
    officer
}

/// All text in a zip, and in zips inside it (a DOCX in the dossier), as one string.
fn all_text(bytes: &[u8]) -> String {
    let mut out = String::new();
    for (name, content) in unzip(bytes) {
        if name.ends_with(".docx") || name.ends_with(".xlsx") {
            out.push_str(&all_text(&content));
        } else {
            out.push_str(&String::from_utf8_lossy(&content));
        }
        out.push('\n');
    }
    out
}

/// Converts a document with LibreOffice (headless) and returns the PDF's text.
fn pdf_text_of(bytes: &[u8], extension: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = libreoffice_pdfs(dir.path(), &[(&format!("document.{extension}"), bytes)]).remove(0);
    let text = Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().expect("pdftotext runs (Debian poppler-utils)");
    assert!(text.status.success());
    String::from_utf8_lossy(&text.stdout).into_owned()
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_nota_as_docx_opens_in_libreoffice_with_headings_toc_answers_and_page_numbers() {
    let app = TestApp::new().await;
    difficult_consultation(&app).await;
    let mut public = app.client();
    let response = public.get("/consultaties/visie/reactienota.docx").await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.header("content-type"), Some(app::backend::export::DOCX_TYPE));
    assert!(response.header("content-disposition").unwrap().contains("reactienota-visie.docx"));
    let document = entry(&response.bytes, "word/document.xml");
    assert!(document.contains(r#"w:val="Heading1""#) && document.contains(r#"w:val="Heading2""#), "real Word headings");
    assert!(document.contains("PAGEREF _Toc00000001"), "a list of contents with the pages of the headings");
    assert!(document.contains("Gemeente Lindeburg"));
    let footer = unzip(&response.bytes)
        .into_iter()
        .filter(|(n, _)| n.starts_with("word/footer"))
        .map(|(_, c)| String::from_utf8(c).unwrap())
        .collect::<String>();
    assert!(footer.contains("PAGE"), "page numbers in the footer: {footer}");

    let pdf = squash(&pdf_text_of(&response.bytes, "docx"));
    assert!(pdf.contains("Nota van beantwoording Regiovisie Hollands Midden"), "{pdf}");
    assert!(pdf.contains("Gemeente Lindeburg"));
    assert!(pdf.contains("Pagina 2"), "numbered pages");
    // The contents read as contents in LibreOffice: no field code, and each line with its page.
    assert!(!pdf.contains("TOC \\o") && !pdf.contains("PAGEREF"), "no field code in the PDF: {pdf}");
    let plain = pdf_text_of(&response.bytes, "docx");
    let contents = &plain[plain.find("Inhoud").expect("the contents")..plain.find("Staan er geen paginanummers").expect("the hint")];
    let numbered = contents.lines().filter(|l| l.contains("...") && l.trim_end().ends_with(|c: char| c.is_ascii_digit())).count();
    assert!(numbered >= 3, "contents lines end in their page: {contents}");
    assert!(pdf.contains("Dank voor uw reactie."), "Markdown rendered, not shown as asterisks");
    assert!(!pdf.contains("**Dank**"));
    assert!(pdf.contains("• punt één"));
    assert!(pdf.contains("Łódź, Ελληνικά, 中文"), "characters outside Latin-1 survive: {pdf}");
    assert!(pdf.contains("<b>Piet</b> <script>alert(1)</script>"), "HTML in a name is text");
    assert!(pdf.contains(SHOWN_NAME), "a name shown with consent");
    assert!(pdf.contains("Een heel lang antwoord."));
    assert!(pdf.contains("Verwerkt"), "the totals table");
    assert!(pdf.contains("Programma lijnen"), "the quoted table's text");
    for secret in [EMAIL, HIDDEN_NAME, HIDDEN_TEXT, DRAFT_ANSWER] {
        assert!(!pdf.contains(secret), "{secret} in the public DOCX");
    }
}

#[test]
fn the_college_letter_as_docx_has_no_contents_and_no_field_code_in_libreoffice() {
    use app::domain::advice::{Letter, LetterPoint, PointAnswer, letter_items};
    use app::domain::status::{AnswerState, ProcessingStatus};
    let point = |number: usize, body: &str, answer: &str| LetterPoint {
        number,
        body_markdown: body.into(),
        body_html: String::new(),
        blocks: Vec::new(),
        answer: Some(PointAnswer {
            status: ProcessingStatus::Processed,
            body_markdown: answer.into(),
            body_html: String::new(),
            processed_where: None,
            state: AnswerState::Final,
            joint_key: None,
            processed_in: Vec::new(),
        }),
    };
    let letter = Letter {
        council_name: "Wmo-raad Waterhoven".into(),
        municipality: "Waterhoven".into(),
        // A regional consultation: Waterhoven's college answers its own council.
        sender: Some("College van burgemeester en wethouders van Waterhoven".into()),
        sender_logo: None,
        received_on: None,
        oral: false,
        written: false,
        intro_markdown: "Het college dankt de raad voor zijn advies.".into(),
        intro_html: String::new(),
        items: letter_items(vec![
            point(1, "Betrek mantelzorgers bij de wijkteams.", "Dat doen we vanaf 2027."),
            point(2, "Maak respijtzorg sneller beschikbaar.", "Binnen twee weken."),
        ]),
    };
    let bytes = app::backend::export::render_letter_docx(
        &letter,
        "Samen sterk in de wijk",
        "Gemeente Lindeburg",
        &app::backend::export::logos::LetterLogos::default(),
        &app::i18n::NL,
    )
    .unwrap();
    let pdf = squash(&pdf_text_of(&bytes, "docx"));
    for shown in [
        "College van burgemeester en wethouders van Waterhoven",
        "Punt 1",
        "Betrek mantelzorgers bij de wijkteams.",
        "Dat doen we vanaf 2027.",
        "Punt 2",
        "Binnen twee weken.",
    ] {
        assert!(pdf.contains(shown), "{shown} in {pdf}");
    }
    assert!(!pdf.contains("Gemeente Lindeburg"), "not the consultation owner's name: {pdf}");
    assert!(!pdf.contains("Inhoud"), "a letter has no list of contents: {pdf}");
    assert!(!pdf.contains("TOC") && !pdf.contains("PAGEREF"), "no field code: {pdf}");
}

#[tokio::test]
async fn the_options_order_by_status_and_leave_names_out_and_hidden_text_is_for_staff() {
    let app = TestApp::new().await;
    let mut officer = difficult_consultation(&app).await;
    let mut public = app.client();
    let md = public.get("/consultaties/visie/reactienota.md?volgorde=status&namen=nee&verborgen=ja").await;
    assert_eq!(md.status, StatusCode::OK);
    let verwerkt = md.body.find("## Verwerkt").expect("a chapter per status");
    let noted = md.body.find("## Kennisgenomen").expect("a chapter per status");
    let open = md.body.find("## Nog niet beantwoord").expect("the unanswered last");
    assert!(verwerkt < noted && noted < open, "{}", md.body);
    assert!(!md.body.contains(SHOWN_NAME), "names left out on request");
    assert!(!md.body.contains(HIDDEN_TEXT), "the public never gets hidden text, whatever it asks");

    let staff = officer.get("/consultaties/visie/reactienota.md?verborgen=ja").await;
    assert!(staff.body.contains(HIDDEN_TEXT), "staff may include it");
    assert!(staff.body.contains(SHOWN_NAME));
    let staff_default = officer.get("/consultaties/visie/reactienota.md").await;
    assert!(!staff_default.body.contains(HIDDEN_TEXT), "left out unless asked");
}

#[tokio::test]
async fn the_spreadsheets_list_every_reaction_and_advice_point_with_their_columns() {
    let app = TestApp::new().await;
    let mut officer = difficult_consultation(&app).await;
    let mut public = app.client();
    let csv = public.get("/consultaties/visie/reactienota.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with a byte order mark");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv.bytes[3..]);
    let head: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(head, app::i18n::NL.export.columns);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let formula = rows.iter().find(|r| r[7].contains("SOM")).expect("the formula row");
    assert!(formula[7].starts_with("'="), "a formula is neutralised: {}", &formula[7]);
    let table_row = rows.iter().find(|r| &r[7] == "Tabel klopt niet.").unwrap();
    assert_eq!(&table_row[8], "verwerkt");
    assert_eq!(&table_row[11], "goedgekeurd");
    assert!(table_row[9].contains("**Dank**"));
    assert!(!csv.body.contains(DRAFT_ANSWER), "the public sheet has published answers only");
    assert!(!csv.body.contains(HIDDEN_NAME) && !csv.body.contains(EMAIL));

    let staff = officer.get("/consultaties/visie/reactienota.xlsx?verborgen=ja").await;
    assert_eq!(staff.status, StatusCode::OK);
    let strings = entry(&staff.bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("CONCEPTANTWOORD"), "staff see answers in every state, with the state");
    assert!(strings.contains("concept"));
    assert!(strings.contains("VERBORGENTEKST"));
    assert!(strings.contains("Łódź"));
    let sheet = entry(&staff.bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<autoFilter") && sheet.contains("<pane"), "a filter on the head row, which stays in view");
    assert!(strings.contains("Onderdeel van het document"));
}

#[tokio::test]
async fn the_print_version_is_one_plain_html_document_with_text_escaped() {
    let app = TestApp::new().await;
    difficult_consultation(&app).await;
    let mut public = app.client();
    let page = public.get("/consultaties/visie/reactienota.html").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.header("content-disposition").unwrap().starts_with("inline"), "shown, not saved");
    let html = &page.body;
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"nl\">"));
    assert!(html.contains("<main id=\"inhoud\""), "a main landmark");
    assert!(html.contains("<h1>Nota van beantwoording Regiovisie Hollands Midden</h1>"));
    assert!(
        html.contains("@top-right { content: \"Gemeente Lindeburg · Nota van beantwoording Regiovisie Hollands Midden\""),
        "a running header"
    );
    assert!(html.contains("<strong>Dank</strong>"), "the answer's Markdown rendered");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "a name with HTML stays text");
    assert!(!html.contains("<script"), "no scripts at all");
    assert!(html.contains("Łódź, Ελληνικά, 中文"));
    assert!(html.matches("<section class=\"report-section\">").count() >= 2, "chapters as sections, for page breaks");
}

#[tokio::test]
async fn a_large_nota_is_shown_a_part_at_a_time_and_printed_whole() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let blocks = ["", "h1-1", "h2-1"];
    for i in 0..=app::domain::report::WEB_PART_LIMIT {
        submit(&app, comment("visie", blocks[i % 3], &format!("Reactie nummer {i}."))).await;
    }
    let mut public = app.client();
    let first = public.get("/consultaties/visie/reactienota").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("Delen van de nota"));
    assert!(first.body.contains("1001 reacties ontvangen"), "the totals cover the whole nota");
    assert!(first.body.contains("Reactie nummer 0.") && !first.body.contains("Reactie nummer 1."), "only the first part");
    let second = public.get("/consultaties/visie/reactienota?deel=2").await;
    assert!(second.body.contains("Reactie nummer 1.") && !second.body.contains("Reactie nummer 0."));
    assert!(second.body.contains(r#"aria-current="page""#));
    let print = public.get("/consultaties/visie/reactienota.html").await;
    assert!(print.body.contains("Reactie nummer 0.") && print.body.contains("Reactie nummer 1000."), "the print version holds everything");
}

#[tokio::test]
async fn the_plain_download_form_sends_the_browser_to_the_chosen_format() {
    let app = TestApp::new().await;
    app.seed_open("visie").await;
    let mut public = app.client();
    let response = public.get("/consultaties/visie/downloaden?formaat=xlsx&volgorde=status&namen=nee&namen=ja").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert_eq!(response.location(), "/consultaties/visie/reactienota.xlsx?volgorde=status");
    let unticked = public.get("/consultaties/visie/downloaden?formaat=csv&volgorde=document&namen=nee").await;
    assert_eq!(unticked.location(), "/consultaties/visie/reactienota.csv?namen=nee");
    let odd = public.get("/consultaties/visie/downloaden?formaat=exe").await;
    assert_eq!(odd.location(), "/consultaties/visie/reactienota.docx", "an unknown format falls back to Word");
}

#[tokio::test]
async fn downloads_and_open_data_are_rate_limited_per_address() {
    let app = TestApp::with_settings(app::backend::Settings { downloads_per_minute: 2, ..generous() }).await;
    app.seed_open("visie").await;
    let mut public = app.client();
    assert_eq!(public.get("/api/v1/consultaties").await.status, StatusCode::OK);
    assert_eq!(public.get("/consultaties/visie/reactienota.docx").await.status, StatusCode::OK);
    assert_eq!(public.get("/api/v1/consultaties").await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(app.client_from([198, 51, 100, 7]).get("/api/v1/consultaties").await.status, StatusCode::OK, "per address");
}

#[tokio::test]
async fn an_empty_consultation_still_gives_valid_documents() {
    let app = TestApp::new().await;
    app.seed_open("leeg").await;
    let mut public = app.client();
    for ext in ["md", "docx", "xlsx", "csv"] {
        let response = public.get(&format!("/consultaties/leeg/reactienota.{ext}")).await;
        assert_eq!(response.status, StatusCode::OK, "{ext}");
    }
    let docx = public.get("/consultaties/leeg/reactienota.docx").await;
    let pdf = squash(&pdf_text_of(&docx.bytes, "docx"));
    assert!(pdf.contains("0 reacties ontvangen"), "{pdf}");
    let zip = public.get("/consultaties/leeg/dossier.zip").await;
    assert_eq!(zip.status, StatusCode::OK);
    assert!(unzip(&zip.bytes).iter().any(|(n, _)| n.ends_with("LEESMIJ.md")));
    assert_eq!(public.get("/consultaties/bestaat-niet/reactienota.docx").await.status, StatusCode::NOT_FOUND);
    assert_eq!(public.get("/api/v1/consultaties/bestaat-niet").await.status, StatusCode::NOT_FOUND);
}

/// A small JSON Schema check for the parts of the schema language the OpenAPI file uses:
/// `$ref`, `type` (also as a list), `required`, `additionalProperties: false`, `enum`, `oneOf`.
fn check(value: &Value, schema: &Value, spec: &Value, path: &str) -> Result<(), String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap();
        return check(value, &spec["components"]["schemas"][name], spec, path);
    }
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let matching = options.iter().filter(|o| check(value, o, spec, path).is_ok()).count();
        return if matching == 1 { Ok(()) } else { Err(format!("{path}: {matching} of oneOf match {value}")) };
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let integer_as_number = actual == "integer" && types.contains(&"number");
        if !(types.contains(&actual) || integer_as_number) {
            return Err(format!("{path}: {actual} where {types:?} was described"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        return Err(format!("{path}: {value} is not one of {allowed:?}"));
    }
    if let Value::Object(map) = value {
        let properties = schema.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !map.contains_key(required) {
                return Err(format!("{path}: {required} is missing"));
            }
        }
        for (key, item) in map {
            match properties.get(key) {
                Some(sub) => check(item, sub, spec, &format!("{path}.{key}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return Err(format!("{path}.{key} is not in the OpenAPI description"));
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            check(item, item_schema, spec, &format!("{path}[{i}]"))?;
        }
    }
    Ok(())
}

fn openapi() -> Value {
    serde_json::from_str(app::backend::export::dossier::OPENAPI).expect("the OpenAPI file is JSON")
}

fn response_schema(spec: &Value, path: &str) -> Value {
    spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"].clone()
}

#[tokio::test]
async fn the_open_data_api_answers_as_its_openapi_file_describes() {
    let app = TestApp::new().await;
    difficult_consultation(&app).await;
    let spec = openapi();
    assert_eq!(spec["openapi"], "3.1.0");
    let mut public = app.client();
    for (url, path) in [
        ("/api/v1/consultaties", "/api/v1/consultaties"),
        ("/api/v1/consultaties/visie", "/api/v1/consultaties/{slug}"),
        ("/api/v1/consultaties/visie/reacties", "/api/v1/consultaties/{slug}/reacties"),
        ("/api/v1/consultaties/visie/adviezen", "/api/v1/consultaties/{slug}/adviezen"),
        ("/api/v1/consultaties/visie?taal=en", "/api/v1/consultaties/{slug}"),
        ("/api/v1/consultaties/visie/reacties?taal=en", "/api/v1/consultaties/{slug}/reacties"),
        ("/api/v1/consultaties/visie/adviezen?taal=en", "/api/v1/consultaties/{slug}/adviezen"),
    ] {
        let response = public.get(url).await;
        assert_eq!(response.status, StatusCode::OK, "{url}: {}", response.body);
        assert!(response.header("content-type").unwrap().starts_with("application/json"));
        let value: Value = response.json();
        check(&value, &response_schema(&spec, path), &spec, url).unwrap_or_else(|e| panic!("{e}"));
    }
    let statuses: Vec<Value> = app::domain::status::ProcessingStatus::ALL.iter().map(|s| Value::from(s.code())).collect();
    assert_eq!(
        spec["components"]["schemas"]["Status"]["enum"].as_array().unwrap(),
        &statuses,
        "the statuses in the spec are the real ones"
    );

    let document: Value = public.get("/api/v1/consultaties/visie").await.json();
    assert!(document["sections"].as_array().unwrap().len() > 3, "the document tree");
    assert!(document["sections"][2]["sections"].is_array(), "sections nest");
    let reactions: Value = public.get("/api/v1/consultaties/visie/reacties").await.json();
    assert_eq!(reactions["totals"]["received"], 5);
    let list = reactions["reactions"].as_array().unwrap();
    assert!(list.iter().all(|r| r["sender"].as_str().unwrap().starts_with("Inspreker")), "anonymised, also who agreed to a name");
    let hidden = list.iter().find(|r| r["hidden"] == true).unwrap();
    assert_eq!(hidden["text"], Value::Null);
    assert!(list.iter().any(|r| r["answer"]["text_markdown"].as_str().is_some_and(|t| t.contains("**Dank**"))));
}

#[tokio::test]
async fn no_personal_data_or_hidden_text_in_any_public_page_api_answer_or_export() {
    let app = TestApp::new().await;
    difficult_consultation(&app).await;
    let mut public = app.client();
    let mut seen = Vec::new();
    for url in [
        "/",
        "/consultaties/visie",
        "/consultaties/visie/reactienota",
        "/consultaties/visie/reactienota.md",
        "/consultaties/visie/reactienota.md?verborgen=ja",
        "/consultaties/visie/reactienota.html?verborgen=ja",
        "/consultaties/visie/reactienota.csv?verborgen=ja",
        "/consultaties/visie/adviezen",
        "/api/v1/consultaties",
        "/api/v1/consultaties/visie",
        "/api/v1/consultaties/visie/reacties",
        "/api/v1/consultaties/visie/adviezen",
    ] {
        let response = public.get(url).await;
        assert_eq!(response.status, StatusCode::OK, "{url}");
        seen.push((url, response.body));
    }
    for url in [
        "/consultaties/visie/reactienota.docx?verborgen=ja",
        "/consultaties/visie/reactienota.xlsx?verborgen=ja",
        "/consultaties/visie/dossier.zip",
    ] {
        let response = public.get(url).await;
        assert_eq!(response.status, StatusCode::OK, "{url}");
        seen.push((url, all_text(&response.bytes)));
    }
    for (url, text) in &seen {
        assert!(!has_email_address(text), "an e-mail address in {url}");
        for secret in [EMAIL, HIDDEN_NAME, "VERBORGENTEKST", "CONCEPTANTWOORD"] {
            assert!(!text.contains(secret), "{secret} found in {url}");
        }
    }
    let dossier = &seen.last().unwrap().1;
    assert!(!dossier.contains(SHOWN_NAME), "the Woo dossier names no resident, not even with consent");
    assert!(!dossier.contains("<script>alert"), "nor the one with HTML in the name");
    assert!(dossier.contains("Tabel klopt niet."), "the reactions themselves are in it");
    let report = &seen.iter().find(|(u, _)| *u == "/consultaties/visie/reactienota").unwrap().1;
    assert!(report.contains(SHOWN_NAME), "the response document shows a name given with consent");
    assert!(!report.contains("<script>alert(1)</script>"), "escaped on the page");
}

/// Labels are stored as a structure at import and put in the reader's words: "Hoofdstuk 5,
/// alinea 1" on the Dutch page and in the nota, "Chapter 5, paragraph 1" on the English page. A
/// block imported before migration 0011 (no `label_parts`) reads the same from its Dutch text.
#[tokio::test]
async fn block_labels_are_stored_as_parts_and_read_in_each_language() {
    use app::domain::label::{LabelItem, SectionLabel};
    use app::render::labels::block_label;
    let app = TestApp::new().await;
    import_regiovisie(&app).await;
    let consultation = app.store.consultation_by_slug("visie").await.unwrap().unwrap();
    let document = app.store.document(consultation.version_id).await.unwrap();
    let block = document
        .blocks
        .iter()
        .find(|b| matches!(b.label_parts().section, SectionLabel::Chapter(_)))
        .expect("a paragraph directly under a chapter")
        .clone();
    assert!(block.label_parts.is_some(), "stored at import");
    let (SectionLabel::Chapter(chapter), LabelItem::Paragraph(n)) = (block.label_parts().section, block.label_parts().item) else {
        panic!("{:?}", block.label_parts())
    };
    assert_eq!(block.label, format!("{chapter}, alinea {n}"), "the Dutch text as before");
    let dutch = format!("Hoofdstuk {chapter}, alinea {n}");
    let english = format!("Chapter {chapter}, paragraph {n}");
    assert_eq!(block_label(&block.label_parts(), &app::i18n::NL), dutch);
    assert_eq!(block_label(&block.label_parts(), &app::i18n::EN), english);

    submit(&app, comment("visie", &block.anchor, "Over dit hoofdstuk.")).await;
    let page = app.client().get("/consultaties/visie").await;
    assert!(page.body.contains(&dutch), "the Dutch page says {dutch}");
    let mut reader = app.client();
    reader.cookies.insert("taal".into(), "en".into());
    let page = reader.get("/consultaties/visie").await;
    assert!(page.body.contains(&english), "the English page says {english}");
    assert!(!page.body.contains(&format!(">{}<", block.label)), "no Dutch label on the English page");
    let nota = app.client().get("/consultaties/visie/reactienota.md").await;
    assert!(nota.body.contains(&format!("### {dutch}")), "{}", nota.body);

    // A row from before migration 0011.
    execute(&app.store, &format!("UPDATE blocks SET label_parts = NULL WHERE id = {}", block.id)).await;
    let document = app.store.document(consultation.version_id).await.unwrap();
    let old = document.blocks.iter().find(|b| b.id == block.id).unwrap();
    assert_eq!(old.label_parts, None);
    assert_eq!(block_label(&old.label_parts(), &app::i18n::NL), dutch);
    assert_eq!(block_label(&old.label_parts(), &app::i18n::EN), english);
    assert_eq!(old.label_parts(), block.label_parts(), "the text reads back into the same structure");
}

/// The open data carries each label three ways: as stored (unchanged for existing clients), as
/// parts, and in the language asked for (`?taal=`, else the language cookie, else Dutch).
#[tokio::test]
async fn open_data_labels_come_as_stored_as_parts_and_in_the_language_asked_for() {
    use app::domain::label::SectionLabel;
    use app::render::labels::block_label;
    let app = TestApp::new().await;
    import_regiovisie(&app).await;
    let consultation = app.store.consultation_by_slug("visie").await.unwrap().unwrap();
    let document = app.store.document(consultation.version_id).await.unwrap();
    let block =
        document.blocks.iter().find(|b| matches!(b.label_parts().section, SectionLabel::Chapter(_))).expect("a chapter's paragraph");
    let section = document.sections.iter().find(|s| Some(s.id) == block.section_id).expect("its section");
    let SectionLabel::Chapter(chapter) = section.label_parts() else { panic!("{:?}", section.label_parts()) };
    let (dutch, english) = (block_label(&block.label_parts(), &app::i18n::NL), block_label(&block.label_parts(), &app::i18n::EN));
    submit(&app, comment("visie", &block.anchor, "Over dit hoofdstuk.")).await;

    let mut client = app.client();
    let find_section = |tree: &Value| -> Value {
        fn walk(sections: &Value, anchor: &str) -> Option<Value> {
            sections.as_array()?.iter().find_map(|s| if s["anchor"] == anchor { Some(s.clone()) } else { walk(&s["sections"], anchor) })
        }
        walk(&tree["sections"], &section.anchor).expect("the section in the tree")
    };
    let tree: Value = client.get("/api/v1/consultaties/visie?taal=en").await.json();
    let found = find_section(&tree);
    assert_eq!(found["label"], section.label.as_str(), "the stored label, as before");
    assert_eq!(found["display_label"], format!("Chapter {chapter}"));
    assert_eq!(found["label_parts"], serde_json::json!({ "kind": "chapter", "number": chapter }));
    let api_block = found["blocks"].as_array().unwrap().iter().find(|b| b["anchor"] == block.anchor.as_str()).unwrap().clone();
    assert_eq!(api_block["label"], block.label.as_str());
    assert_eq!(api_block["display_label"], english.as_str());
    assert_eq!(api_block["label_parts"]["section"], found["label_parts"]);
    assert_eq!(api_block["label_parts"]["item"]["kind"], "paragraph");

    let tree: Value = client.get("/api/v1/consultaties/visie").await.json();
    assert_eq!(find_section(&tree)["display_label"], format!("Hoofdstuk {chapter}"), "Dutch by default");
    let reactions: Value = client.get("/api/v1/consultaties/visie/reacties?taal=en").await.json();
    let on_block = &reactions["reactions"][0]["block"];
    assert_eq!((on_block["label"].as_str(), on_block["display_label"].as_str()), (Some(block.label.as_str()), Some(english.as_str())));
    client.cookies.insert("taal".into(), "en".into());
    let reactions: Value = client.get("/api/v1/consultaties/visie/reacties").await.json();
    assert_eq!(reactions["reactions"][0]["block"]["display_label"], english.as_str(), "the site's language cookie");
    let reactions: Value = client.get("/api/v1/consultaties/visie/reacties?taal=nl").await.json();
    assert_eq!(reactions["reactions"][0]["block"]["display_label"], dutch.as_str(), "the parameter before the cookie");

    let refused = client.get("/api/v1/consultaties/visie?taal=de").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let spec = openapi();
    let error: Value = refused.json();
    check(
        &error,
        &spec["paths"]["/api/v1/consultaties/{slug}"]["get"]["responses"]["400"]["content"]["application/json"]["schema"],
        &spec,
        "400",
    )
    .unwrap_or_else(|e| panic!("{e}"));
}
