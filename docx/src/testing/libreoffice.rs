//! Word documents made by LibreOffice (Debian's `soffice`) from Markdown.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The Markdown extensions of the app's importer.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Debian's `soffice`, when installed.
pub fn soffice() -> Option<PathBuf> {
    let fixed = PathBuf::from("/usr/bin/soffice");
    if fixed.exists() {
        return Some(fixed);
    }
    std::env::var_os("PATH").and_then(|paths| std::env::split_paths(&paths).map(|dir| dir.join("soffice")).find(|p| p.exists()))
}

/// Markdown → HTML in which every footnote reference is a LibreOffice footnote anchor and the
/// footnote texts follow at the end in LibreOffice's `sdfootnote` markup.
pub fn markdown_to_lo_html(source: &str) -> String {
    let mut main: Vec<Event<'_>> = Vec::new();
    let mut definitions: HashMap<String, Vec<Event<'_>>> = HashMap::new();
    let mut current: Option<(String, Vec<Event<'_>>)> = None;
    let mut references: Vec<String> = Vec::new();
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                current = Some((label.to_string(), Vec::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, events)) = current.take() {
                    // The first definition of a label wins, as in the importer.
                    definitions.entry(label).or_insert(events);
                }
            }
            Event::FootnoteReference(label) => {
                references.push(label.to_string());
                let n = references.len();
                let anchor = format!("<a class=\"sdfootnoteanc\" name=\"sdfootnote{n}anc\" href=\"#sdfootnote{n}sym\"><sup>{n}</sup></a>");
                match current.as_mut() {
                    Some((_, events)) => events.push(Event::InlineHtml(anchor.into())),
                    None => main.push(Event::InlineHtml(anchor.into())),
                }
            }
            other => match current.as_mut() {
                Some((_, events)) => events.push(other),
                None => main.push(other),
            },
        }
    }
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, main.into_iter());
    for (index, label) in references.iter().enumerate() {
        let n = index + 1;
        let mut note = String::new();
        if let Some(events) = definitions.get(label) {
            pulldown_cmark::html::push_html(&mut note, events.iter().cloned());
        }
        let sym = format!("<a class=\"sdfootnotesym\" name=\"sdfootnote{n}sym\" href=\"#sdfootnote{n}anc\">{n}</a>");
        let note = match note.find("<p>") {
            Some(at) => format!("{}<p>{sym}{}", &note[..at], &note[at + 3..]),
            None => format!("<p>{sym}</p>{note}"),
        };
        body.push_str(&format!("<div id=\"sdfootnote{n}\">{note}</div>\n"));
    }
    format!("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>fixture</title></head><body>\n{body}</body></html>\n")
}

/// Runs `soffice --convert-to docx` with a private profile; returns the .docx path.
pub fn html_to_docx(soffice: &Path, html: &Path, work: &Path) -> PathBuf {
    let profile = work.join("lo-profile");
    let out_dir = work.join("out");
    std::fs::create_dir_all(&out_dir).expect("out dir");
    let mut child = Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(&out_dir)
        .arg(html)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start soffice");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for soffice") {
            assert!(status.success(), "soffice failed: {status}");
            break;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("soffice did not finish within 180 s");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let stem = html.file_stem().expect("stem").to_string_lossy().to_string();
    let docx = out_dir.join(format!("{stem}.docx"));
    assert!(docx.exists(), "soffice wrote no {}", docx.display());
    docx
}

/// A .docx made by LibreOffice from Markdown (footnotes as real Word footnotes, headings in Word's
/// built-in Heading styles), written in `work`.
pub fn libreoffice_docx(markdown: &str, name: &str, work: &Path) -> Vec<u8> {
    let soffice = soffice().expect("LibreOffice (Debian's libreoffice-writer-nogui) is installed");
    std::fs::create_dir_all(work).expect("work dir");
    let html = work.join(format!("{name}.html"));
    std::fs::write(&html, markdown_to_lo_html(markdown)).expect("write html");
    let docx = html_to_docx(&soffice, &html, work);
    std::fs::read(docx).expect("read docx")
}

/// Rewrites a .docx so its heading styles are Dutch (`KopN`, "Kop N") and carry no outline level.
pub fn dutch_copy(docx: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("read docx");
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let name = file.name().expect("entry name").to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read entry");
        if name.ends_with(".xml") {
            let mut text = String::from_utf8(data).expect("utf-8 xml");
            for n in 1..=9 {
                text = text
                    .replace(&format!("\"Heading{n}\""), &format!("\"Kop{n}\""))
                    .replace(&format!("w:val=\"Heading {n}\""), &format!("w:val=\"Kop {n}\""))
                    .replace(&format!("w:val=\"heading {n}\""), &format!("w:val=\"Kop {n}\""));
            }
            if name == "word/styles.xml" {
                while let Some(start) = text.find("<w:outlineLvl ") {
                    let end = text[start..].find("/>").expect("empty element") + start + 2;
                    text.replace_range(start..end, "");
                }
                assert!(!text.contains("Heading1"), "English heading style left");
                assert!(text.contains("\"Kop1\""), "no Kop1 style written");
            }
            data = text.into_bytes();
        }
        writer.start_file(name, zip::write::SimpleFileOptions::default()).expect("start entry");
        writer.write_all(&data).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}
