//! Document versions (issue 16): an officer reads in a revised text of the regiovisie fixture;
//! reactions keep their paragraph and follow it to the new version; a removed paragraph with
//! reactions goes to "Na te kijken", where the officer decides (audit logged); an answer names the
//! new paragraph where it was processed, and the nota, the open data, the earlier version's page
//! and "Wat is er veranderd" show the change. Bad input is refused in Dutch and stores nothing.

mod common;

use app::api::{ReviewView, VersionImported};
use app::backend::store::DocumentRows;
use app::domain::error::{FieldError, FormOutcome};
use axum::http::StatusCode;
use common::*;

const SLUG: &str = "regiovisie";

fn english(label: &app::domain::label::BlockLabel) -> String {
    app::render::labels::block_label(label, &app::i18n::EN)
}

async fn new_version(officer: &mut Client, name: &str, file_name: &str, bytes: &[u8]) -> FormOutcome<VersionImported> {
    let parts = [
        Part::Text("consultation", SLUG),
        Part::Text("name", name),
        Part::Text("note", "Aangepast na het advies."),
        Part::File { name: "file", file_name, bytes },
    ];
    let response = officer.call_multipart("/api/nieuwe-versie", &parts, "application/json", None).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    response.json()
}

/// Paragraphs whose text stands as such in the Markdown (no inline markup), to edit by text.
fn plain_paragraphs<'a>(doc: &'a DocumentRows, markdown: &str) -> Vec<&'a app::backend::store::BlockRow> {
    doc.blocks.iter().filter(|b| b.kind == "paragraph" && b.plain_text.len() > 120 && markdown.contains(&b.plain_text)).collect()
}

#[tokio::test]
async fn a_new_version_carries_the_reactions_and_shows_what_changed_where_they_were_processed() {
    let app = TestApp::new().await;
    let mut officer = app.officer().await;
    let markdown = std::fs::read_to_string(fixture("regiovisie-hollands-midden-2019-2023.md")).unwrap();
    let response = officer
        .call_multipart(
            "/api/nieuwe-consultatie",
            &consultation_parts(SLUG, "regiovisie.md", markdown.as_bytes()),
            "application/json",
            None,
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    let v1 = app.store.consultation_by_slug(SLUG).await.unwrap().unwrap();
    let doc1 = app.store.document(v1.version_id).await.unwrap();
    let candidates = plain_paragraphs(&doc1, &markdown);
    assert!(candidates.len() >= 6, "enough plain paragraphs: {}", candidates.len());
    let (reworded, removed, kept) = (candidates[1], candidates[3], candidates[5]);

    // Residents comment on three paragraphs of version 1 (the consultation opened in January).
    let mut resident = app.client();
    for (block, body) in [(reworded, "Maak dit concreter."), (removed, "Deze alinea klopt niet meer."), (kept, "Hier ben ik het mee eens.")]
    {
        let form = comment(SLUG, &block.anchor, body);
        let response = resident.submit(&form).await;
        assert!(response.status.is_success() || response.status.is_redirection(), "{}", response.body);
    }

    // Version 2: one paragraph reworded, one removed, the rest as it was.
    let new_text = reworded.plain_text.replacen(' ', " nadrukkelijk ", 1);
    let revised = markdown.replacen(&reworded.plain_text, &new_text, 1).replacen(&removed.plain_text, "", 1);
    assert_ne!(revised, markdown);

    // Bad input first: no name, and a file that is not a draft. Nothing is stored.
    let refused = new_version(&mut officer, " ", "advies.pdf", b"%PDF-1.7").await;
    let FormOutcome::Invalid(errors) = refused else { panic!("refused") };
    assert_eq!(errors.get("name"), [FieldError::Required]);
    assert_eq!(errors.get("file"), [FieldError::UnsupportedFileType]);
    assert_eq!(app.store.versions(v1.id).await.unwrap().len(), 1, "nothing half-imported");

    let done = saved(new_version(&mut officer, "Versie voor inspraak", "regiovisie-v2.md", revised.as_bytes()).await);
    assert_eq!(done.version_no, 2);
    assert_eq!(done.to_review, 1, "only the removed paragraph with a reaction needs a person");
    let versions = app.store.versions(v1.id).await.unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].name.as_deref(), Some("Versie voor inspraak"));

    // The mapping: the reworded paragraph is found with confidence, the kept one unchanged.
    let step = app.store.version_step(versions[1].id).await.unwrap();
    let link = |id: i64| step.links.get(&id).cloned().expect("every old block has a link");
    assert_eq!(link(reworded.id).change, app::domain::versions::BlockChange::Changed);
    assert!(!link(reworded.id).needs_review());
    assert_eq!(link(kept.id).change, app::domain::versions::BlockChange::Unchanged);
    assert!(link(removed.id).to.is_empty() && link(removed.id).needs_review());
    // The reactions themselves keep their block.
    let on_old = count(&app.store, &format!("SELECT COUNT(*) FROM comments WHERE version_id = {}", v1.version_id)).await;
    assert_eq!(on_old, 3);

    // "Na te kijken" lists the removed paragraph; the officer says it is gone.
    let pending: ReviewView = officer.call("/api/beheer-na-te-kijken", &fields(&[("slug", SLUG)])).await.json();
    assert_eq!(pending.items.len(), 1);
    assert_eq!(pending.items[0].block_id, removed.id);
    // Its page names the paragraph, and offers the new ones, in the reader's language.
    officer.cookies.insert("taal".into(), "en".into());
    let page = officer.get(&format!("/beheer/consultaties/{SLUG}/na-te-kijken")).await;
    officer.cookies.remove("taal");
    assert!(page.body.contains(&english(&removed.label_parts())), "{}", page.body);
    let new_blocks = app.store.document(versions[1].id).await.unwrap().blocks;
    let offered = english(&new_blocks.last().unwrap().label_parts());
    assert!(page.body.contains(&format!("<option value=\"{offered}\">")), "the new version's paragraphs in English");
    let without_hint = page.body.replace(app::i18n::EN.versions.hint_other, "");
    assert!(!without_hint.contains(", alinea "), "no Dutch label: {without_hint}");
    assert_eq!(pending.items[0].reactions, 1);
    assert!(pending.items[0].proposed.is_empty());
    let block = removed.id.to_string();
    let unknown = officer
        .call(
            "/api/koppeling",
            &fields(&[
                ("form[consultation]", SLUG),
                ("form[block]", &block),
                ("form[decision]", "corrigeren"),
                ("form[target]", "99.z, alinea 9"),
            ]),
        )
        .await;
    let FormOutcome::<app::api::MappingReviewed>::Invalid(errors) = unknown.json() else { panic!("unknown block refused") };
    assert_eq!(errors.get("target"), [FieldError::UnknownBlock]);
    let decided = officer
        .call("/api/koppeling", &fields(&[("form[consultation]", SLUG), ("form[block]", &block), ("form[decision]", "vervallen")]))
        .await;
    assert_eq!(decided.status, StatusCode::OK, "{}", decided.body);
    let pending: ReviewView = officer.call("/api/beheer-na-te-kijken", &fields(&[("slug", SLUG)])).await.json();
    assert!(pending.items.is_empty(), "decided");
    let audit = strings(&app.store, &format!("SELECT field FROM audit_events WHERE consultation_id = {}", v1.id)).await;
    assert!(audit.contains(&"koppeling gecorrigeerd".to_string()) && audit.contains(&"versie".to_string()), "{audit:?}");

    // The answer names the new paragraph; an unknown one is refused in words.
    let v2 = app.store.consultation_by_slug(SLUG).await.unwrap().unwrap();
    let doc2 = app.store.document(v2.version_id).await.unwrap();
    let target = doc2.blocks.iter().find(|b| b.plain_text == new_text).expect("the reworded paragraph in version 2");
    let comment_id = app.comment_id(SLUG, "Maak dit concreter.").await;
    let mut form = answer_fields(comment_id, "Wij hebben de tekst aangescherpt.", "verwerkt", "", "ter_beoordeling");
    form.push(("form[processed_blocks]".into(), "geen alinea".into()));
    let FormOutcome::Invalid(errors) = save_answer(&mut officer, &form).await else { panic!("unknown place refused") };
    assert_eq!(errors.get("processed_blocks"), [FieldError::UnknownBlock]);
    form.pop();
    form.push(("form[processed_blocks]".into(), target.label.clone()));
    let offered = saved(save_answer(&mut officer, &form).await);
    assert_eq!(offered.revisions[0].processed_blocks, [target.label_parts()]);
    assert_eq!(offered.revisions[0].processed_where.as_deref(), Some(target.label.as_str()), "the place is said in words too");
    let mut reviewer = app.reviewer().await;
    let approved = saved(review(&mut reviewer, comment_id, offered.revisions[0].revision_no, "goedkeuren", "").await);
    assert_eq!(approved.revisions[0].processed_blocks, [target.label_parts()], "approval keeps the named paragraph");

    // The nota (Markdown) shows before and after with the words marked.
    let mut public = app.client();
    let nota = public.get(&format!("/consultaties/{SLUG}/reactienota.md")).await;
    assert_eq!(nota.status, StatusCode::OK);
    let in_dutch = app::render::labels::block_label(&target.label_parts(), &app::i18n::NL);
    assert!(nota.body.contains(&format!("Verwerkt in {in_dutch} (versie 2)")), "{}", nota.body);
    assert!(nota.body.contains("<ins>nadrukkelijk</ins>"), "insertion marked");
    // The web nota shows it too.
    let page = public.get(&format!("/consultaties/{SLUG}/reactienota")).await;
    assert!(page.body.contains("<ins>") && page.body.contains("nadrukkelijk"), "web nota marks the insertion");
    // Its paragraphs are those of version 1, linked where they stand.
    assert!(page.body.contains(&format!("/consultaties/{SLUG}/versies/1#{}", reworded.anchor)), "links to version 1");
    // The open data carries before and after.
    let api = public.get(&format!("/api/v1/consultaties/{SLUG}/reacties")).await;
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let places: Vec<&serde_json::Value> =
        json["reactions"].as_array().unwrap().iter().filter_map(|r| r["answer"]["processed_in"].as_array()).flatten().collect();
    assert_eq!(places.len(), 1, "{}", api.body);
    assert_eq!(places[0]["after"], new_text.as_str());
    assert_eq!(places[0]["before"], reworded.plain_text.as_str());
    assert_eq!(places[0]["words_added"], 1);

    // In English: the nota, the outcome page, "Wat is er veranderd" and the open data asked for it.
    let in_english = english(&target.label_parts());
    assert!(in_english.contains("paragraph") && in_english != target.label, "{in_english}");
    let mut reader = app.client();
    reader.cookies.insert("taal".into(), "en".into());
    let nota = reader.get(&format!("/consultaties/{SLUG}/reactienota.md")).await;
    assert!(nota.body.contains(&format!("Processed in {in_english} (version 2)")), "{}", nota.body);
    let outcome = reader.get(&format!("/consultaties/{SLUG}/resultaat")).await;
    assert!(outcome.body.contains(&format!("Processed in {in_english} (version 2)")), "{}", outcome.body);
    let changes = reader.get(&format!("/consultaties/{SLUG}/versies/2/wijzigingen")).await;
    assert!(changes.body.contains(&in_english), "the changed paragraph: {}", changes.body);
    assert!(changes.body.contains(&english(&removed.label_parts())), "the removed one");
    assert!(!changes.body.contains(", alinea "), "no Dutch label: {}", changes.body);
    let api: serde_json::Value = public.get(&format!("/api/v1/consultaties/{SLUG}/reacties?taal=en")).await.json();
    let place = api["reactions"].as_array().unwrap().iter().find_map(|r| r["answer"]["processed_in"].get(0)).expect("the place").clone();
    assert_eq!(place["label"], target.label.as_str(), "the stored label, as before");
    assert_eq!(place["display_label"], in_english.as_str());
    assert_eq!(place["label_parts"], serde_json::to_value(app::domain::open_data::ApiBlockLabel::from(&target.label_parts())).unwrap());
    let dutch: serde_json::Value = public.get(&format!("/api/v1/consultaties/{SLUG}/reacties?taal=nl")).await.json();
    let place = dutch["reactions"].as_array().unwrap().iter().find_map(|r| r["answer"]["processed_in"].get(0)).expect("the place").clone();
    assert_eq!(place["display_label"], in_dutch.as_str());

    // Version 1 stays readable, without comment links; the current page has the switcher.
    let old = public.get(&format!("/consultaties/{SLUG}/versies/1")).await;
    assert_eq!(old.status, StatusCode::OK);
    assert!(old.body.contains("U leest versie 1") && old.body.contains(&removed.plain_text[..60]));
    assert!(!old.body.contains("?alinea="), "no comment links on an earlier version");
    let current = public.get(&format!("/consultaties/{SLUG}")).await;
    assert!(current.body.contains("Versies van het document") && current.body.contains("/versies/1"));
    // "Wat is er veranderd": the reworded paragraph with the reaction that led to it, the removed one.
    let changes = public.get(&format!("/consultaties/{SLUG}/versies/2/wijzigingen")).await;
    assert_eq!(changes.status, StatusCode::OK);
    assert!(changes.body.contains("Naar aanleiding van 1 reactie"), "{}", changes.body);
    assert!(changes.body.contains("Vervallen passages"));
    assert_eq!(public.get(&format!("/consultaties/{SLUG}/versies/7")).await.status, StatusCode::NOT_FOUND);
}
