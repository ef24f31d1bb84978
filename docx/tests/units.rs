//! Conversion of small hand-built .docx files, and every error case.

use std::io::{Cursor, Write};

use inspraak_docx::testing::compound_file;
use inspraak_docx::{Converted, DocxError, LeftOut, Limits, docx_to_markdown};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/inspraak" TargetMode="External"/>
</Relationships>"#;

/// Builds a zip from (name, content) entries.
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        writer.start_file(*name, zip::write::SimpleFileOptions::default()).expect("start entry");
        writer.write_all(data).expect("write entry");
    }
    writer.finish().expect("finish").into_inner()
}

/// A .docx whose body is `body`, with optional styles, numbering and footnotes parts.
fn docx(body: &str, styles: &str, numbering: &str, footnotes: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = format!(r#"<?xml version="1.0"?><w:styles xmlns:w="{W}">{styles}</w:styles>"#);
    let numbering = format!(r#"<?xml version="1.0"?><w:numbering xmlns:w="{W}">{numbering}</w:numbering>"#);
    let footnotes = format!(
        r#"<?xml version="1.0"?><w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{footnotes}</w:footnotes>"#
    );
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
    ])
}

fn convert(body: &str, styles: &str, numbering: &str, footnotes: &str) -> Converted {
    docx_to_markdown(&docx(body, styles, numbering, footnotes), &Limits::default()).expect("conversion succeeds")
}

/// A paragraph with an optional style and plain text.
fn p(style: &str, text: &str) -> String {
    let ppr = if style.is_empty() { String::new() } else { format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#) };
    format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A list paragraph.
fn li(num_id: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn style(id: &str, name: &str, extra: &str) -> String {
    format!(r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{extra}</w:style>"#)
}

#[test]
fn heading_styles_in_english_and_dutch_with_based_on_chains() {
    let styles = [
        style("Normal", "Normal", ""),
        style("Heading1", "heading 1", r#"<w:basedOn w:val="Normal"/>"#),
        style("Kop2", "Kop 2", r#"<w:basedOn w:val="Normal"/>"#),
        // A style with an unrelated id whose name is the Dutch heading name.
        style("a3", "Kop 3", ""),
        // A custom style based on a heading style.
        style("Hoofdstuk", "Hoofdstuk", r#"<w:basedOn w:val="Heading1"/>"#),
    ]
    .concat();
    let body =
        [p("Heading1", "Inleiding"), p("", "Tekst."), p("Kop2", "Achtergrond"), p("a3", "Details"), p("Hoofdstuk", "Aanpak"), p("", "  ")]
            .concat();
    let out = convert(&body, &styles, "", "");
    assert_eq!(out.markdown, "# Inleiding\n\nTekst.\n\n## Achtergrond\n\n### Details\n\n# Aanpak\n");
    assert!(out.left_out.is_empty());
    // Two level-1 headings: no title (the importer makes them chapters).
    assert_eq!(out.title, None);
}

#[test]
fn outline_levels_in_paragraph_and_style_make_headings() {
    let styles = [
        style("Normal", "Normal", ""),
        style("Chapter", "Chapter", r#"<w:pPr><w:outlineLvl w:val="0"/></w:pPr>"#),
        style("Body9", "Body nine", r#"<w:pPr><w:outlineLvl w:val="9"/></w:pPr>"#),
    ]
    .concat();
    let body = [
        p("Chapter", "Hoofdlijn"),
        r#"<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Derde niveau</w:t></w:r></w:p>"#.to_string(),
        p("Body9", "Gewone tekst"),
    ]
    .concat();
    let out = convert(&body, &styles, "", "");
    assert_eq!(out.markdown, "# Hoofdlijn\n\n### Derde niveau\n\nGewone tekst\n");
    assert_eq!(out.title.as_deref(), Some("Hoofdlijn"));
}

#[test]
fn heading_numbers_from_list_numbering_are_rendered() {
    let numbering = r#"<w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Hoofdstuk %1."/><w:pStyle w:val="Heading1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/><w:pStyle w:val="Heading2"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/><w:suff w:val="space"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Deel %1"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;
    let styles = [
        style("Normal", "Normal", ""),
        // Numbering in the style, level found through the numbering's pStyle link.
        style("Heading1", "heading 1", r#"<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>"#),
        style("Heading2", "heading 2", r#"<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>"#),
        style("Heading3", "heading 3", ""),
    ]
    .concat();
    let numbered_h3 = r#"<w:p><w:pPr><w:pStyle w:val="Heading3"/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Cijfers</w:t></w:r></w:p>"#;
    let part_heading = r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Bijlagen</w:t></w:r></w:p>"#;
    let body = [
        p("Heading1", "Inleiding"),
        p("Heading2", "Preventie"),
        numbered_h3.to_string(),
        p("Heading2", "Meldcode"),
        p("Heading1", "Aanpak"),
        p("Heading2", "Regie"),
        part_heading.to_string(),
    ]
    .concat();
    let out = convert(&body, &styles, numbering, "");
    assert_eq!(
        out.markdown,
        "# Hoofdstuk 1. Inleiding\n\n## a. Preventie\n\n### 1.1 Cijfers\n\n## b. Meldcode\n\n\
         # Hoofdstuk 2. Aanpak\n\n## a. Regie\n\n# Deel I Bijlagen\n"
    );
}

#[test]
fn typed_numbers_stay_as_typed() {
    let styles = [style("Heading1", "heading 1", ""), style("Heading2", "heading 2", "")].concat();
    let body =
        [p("Heading1", "Hoofdstuk 3. Aanpak"), p("Heading2", "a. Preventie"), p("", "1. Dit is geen lijst"), p("", "# ook geen kop")]
            .concat();
    let out = convert(&body, &styles, "", "");
    assert_eq!(out.markdown, "# Hoofdstuk 3. Aanpak\n\n## a. Preventie\n\n1\\. Dit is geen lijst\n\n\\# ook geen kop\n");
}

#[test]
fn bullets_and_numbers_nest_by_level() {
    let numbering = r#"<w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#61623;"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#;
    let body = [
        p("", "Voor de lijst."),
        li(1, 0, "Een"),
        li(1, 1, "Een a"),
        li(1, 1, "Een b"),
        li(1, 0, "Twee"),
        li(2, 0, "Eerste"),
        li(2, 1, "sub"),
        li(2, 0, "Tweede"),
        li(2, 0, "Derde"),
        // numId 0 switches numbering off.
        li(0, 0, "Geen lijst"),
    ]
    .concat();
    let out = convert(&body, "", numbering, "");
    assert_eq!(
        out.markdown,
        "Voor de lijst.\n\n- Een\n  - Een a\n  - Een b\n- Twee\n\n1. Eerste\n   1. sub\n2. Tweede\n3. Derde\n\nGeen lijst\n"
    );
}

#[test]
fn tables_become_pipe_tables() {
    let cell = |content: &str| format!("<w:tc>{content}</w:tc>");
    let wide = format!(r#"<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{}</w:tc>"#, p("", "Breed"));
    let body = format!(
        "<w:tbl><w:tblGrid/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{wide}</w:tr></w:tbl>{}",
        cell(&p("", "Vraag")),
        cell(&p("", "Antwoord")),
        cell(&p("", "A | B")),
        cell(&[p("", "Regel een"), p("", "Regel twee")].concat()),
        p("", "Na de tabel.")
    );
    let out = convert(&body, "", "", "");
    assert_eq!(out.markdown, "| Vraag | Antwoord |\n|---|---|\n| A \\| B | Regel een<br>Regel twee |\n| Breed |  |\n\nNa de tabel.\n");
}

#[test]
fn footnotes_are_kept_with_their_references() {
    let body = r#"<w:p><w:r><w:t>Zie de regiovisie</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> en verder.</w:t></w:r></w:p>"#;
    let footnotes = r#"<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Terugblik in </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>bijlage 3</w:t></w:r></w:p></w:footnote><w:footnote w:id="3"><w:p><w:r><w:t>Niet gebruikt</w:t></w:r></w:p></w:footnote>"#;
    let out = convert(body, "", "", footnotes);
    assert_eq!(out.markdown, "Zie de regiovisie[^1] en verder.\n\n[^1]: Terugblik in *bijlage 3*\n");
}

#[test]
fn emphasis_links_and_breaks() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">Een </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">vet </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>schuin</w:t></w:r><w:r><w:t xml:space="preserve"> woord,</w:t></w:r><w:r><w:br/><w:t>een </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>link</w:t></w:r></w:hyperlink><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> en *sterretjes*.</w:t></w:r></w:p>"#;
    let out = convert(body, "", "", "");
    assert_eq!(out.markdown, "Een **vet** *schuin* woord,\\\neen [link](https://example.org/inspraak) en \\*sterretjes\\*.\n");
}

#[test]
fn title_style_becomes_the_title_and_headings_move_down() {
    let styles = [style("Title", "Title", ""), style("Heading1", "heading 1", "")].concat();
    let body = [p("Title", "Regiovisie"), p("Heading1", "Inleiding"), p("Heading1", "Aanpak")].concat();
    let out = convert(&body, &styles, "", "");
    assert_eq!(out.title.as_deref(), Some("Regiovisie"));
    assert_eq!(out.markdown, "# Regiovisie\n\n## Inleiding\n\n## Aanpak\n");
}

#[test]
fn images_text_boxes_comments_and_deletions_are_left_out_and_counted() {
    let image = r#"<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r></w:p>"#;
    let text_box = r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>GEHEIM KADER</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>GEHEIM KADER</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Naast het kader.</w:t></w:r></w:p>"#;
    let comment = r#"<w:p><w:commentRangeStart w:id="5"/><w:r><w:t>Becommentarieerd</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r></w:p>"#;
    let tracked = r#"<w:p><w:r><w:t xml:space="preserve">Wij </w:t></w:r><w:del w:id="7" w:author="A"><w:r><w:delText>schrappen </w:delText></w:r></w:del><w:ins w:id="8" w:author="A"><w:r><w:t xml:space="preserve">voegen </w:t></w:r></w:ins><w:r><w:t>toe.</w:t></w:r></w:p>"#;
    let body = [image, text_box, comment, tracked].concat();
    let out = convert(&body, "", "", "");
    assert_eq!(out.markdown, "Naast het kader.\n\nBecommentarieerd\n\nWij voegen toe.\n");
    assert!(!out.markdown.contains("GEHEIM"));
    assert!(!out.markdown.contains("schrappen"));
    assert_eq!(out.left_out, vec![LeftOut::Images(1), LeftOut::TextBoxes(1), LeftOut::Comments(1), LeftOut::TrackedDeletions(1),]);
}

#[test]
fn random_bytes_are_not_a_zip() {
    let bytes: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(docx_to_markdown(&bytes, &Limits::default()), Err(DocxError::NotZip));
    assert_eq!(docx_to_markdown(b"PK\x03\x04 broken", &Limits::default()), Err(DocxError::NotZip));
    assert_eq!(docx_to_markdown(b"", &Limits::default()), Err(DocxError::NotZip));
}

#[test]
fn encrypted_office_files_are_recognised() {
    let encrypted = compound_file(&["EncryptionInfo", "EncryptedPackage"]);
    assert_eq!(docx_to_markdown(&encrypted, &Limits::default()), Err(DocxError::Encrypted));
    let old_doc = compound_file(&["WordDocument", "1Table"]);
    assert_eq!(docx_to_markdown(&old_doc, &Limits::default()), Err(DocxError::LegacyFormat));
}

#[test]
fn macro_documents_are_refused() {
    let types = CONTENT_TYPES.replace(
        "wordprocessingml.document.main+xml",
        "wordprocessingml.document.main+xml\"/><Override PartName=\"/x\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml",
    );
    let mut bytes = zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
    ]);
    assert_eq!(docx_to_markdown(&bytes, &Limits::default()), Err(DocxError::MacroDocument));
    bytes = zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("word/document.xml", b"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
        ("word/vbaProject.bin", b"\x00\x01"),
    ]);
    assert_eq!(docx_to_markdown(&bytes, &Limits::default()), Err(DocxError::MacroDocument));
}

#[test]
fn size_limits_apply_to_the_file_and_to_unpacked_parts() {
    let bytes = docx(&p("", "Tekst"), "", "", "");
    let small_file = Limits { max_file_bytes: 100, ..Limits::default() };
    assert_eq!(docx_to_markdown(&bytes, &small_file), Err(DocxError::TooLarge { limit: 100 }));
    // A zip bomb in miniature: 5 MB of spaces compress to a few kB.
    let padding = " ".repeat(5_000_000);
    let body = format!("{}{}", p("", "Tekst"), padding);
    let bomb = docx(&body, "", "", "");
    assert!(bomb.len() < 100_000);
    let small_unpacked = Limits { max_file_bytes: 1_000_000, max_unpacked_bytes: 1_000_000 };
    assert_eq!(docx_to_markdown(&bomb, &small_unpacked), Err(DocxError::TooLarge { limit: 1_000_000 }));
}

#[test]
fn a_zip_without_document_part_is_refused() {
    let bytes =
        zip(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("_rels/.rels", PACKAGE_RELS.as_bytes()), ("word/styles.xml", b"<x/>")]);
    assert_eq!(docx_to_markdown(&bytes, &Limits::default()), Err(DocxError::NoDocumentPart));
    let spreadsheet = zip(&[("xl/workbook.xml", b"<workbook/>")]);
    assert_eq!(docx_to_markdown(&spreadsheet, &Limits::default()), Err(DocxError::NoDocumentPart));
}

#[test]
fn broken_xml_is_malformed() {
    let bytes = zip(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("word/document.xml", b"<w:document xmlns:w=\"x\"><w:body>")]);
    assert!(matches!(docx_to_markdown(&bytes, &Limits::default()), Err(DocxError::Malformed(_))));
}

#[test]
fn output_is_stable() {
    let body = [p("", "Een"), li(1, 0, "x")].concat();
    let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    let bytes = docx(&body, "", numbering, "");
    let a = docx_to_markdown(&bytes, &Limits::default()).expect("first");
    let b = docx_to_markdown(&bytes, &Limits::default()).expect("second");
    assert_eq!(a, b);
}
