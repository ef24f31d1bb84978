//! The nota van beantwoording as one plain HTML document, for printing and for saving as PDF from
//! the browser: no scripts, no navigation, the site's stylesheet with its print rules (a running
//! header, a page break before each chapter, page numbers). Written from the same Markdown as the
//! other formats, in one pass, so that even 50,000 reactions need little memory.
//!
//! Safe by construction: residents' text is escaped in the Markdown; raw HTML in officers' answers
//! is shown as text, and links keep only `http`, `https`, `mailto` and addresses on this site.

use crate::backend::import::html::escape;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// What goes around the body.
pub struct HtmlMeta<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub organisation: &'a str,
    pub lines: Vec<String>,
}

fn safe_link(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || lower.starts_with('/')
        || lower.starts_with('#')
}

/// The events with raw HTML turned into text and unsafe links and images into their text.
fn sanitised<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    let mut dropped_links = Vec::new();
    events.filter_map(move |event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let keep = safe_link(dest_url);
            dropped_links.push(!keep);
            keep.then_some(event)
        }
        Event::End(TagEnd::Link) => {
            let dropped = dropped_links.pop().unwrap_or(false);
            (!dropped).then_some(event)
        }
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    })
}

pub fn document(meta: &HtmlMeta<'_>, body_markdown: &str) -> String {
    let running = if meta.organisation.is_empty() { meta.title.to_string() } else { format!("{} · {}", meta.organisation, meta.title) };
    let mut out = String::with_capacity(body_markdown.len() * 3 / 2 + 4096);
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"/pkg/inspraak.css\">\n<style>{}</style>\n</head>\n<body class=\"print-document\">\n\
         <main id=\"inhoud\" class=\"wrap page report\">\n<header class=\"report-header\">\n<h1>{}</h1>\n",
        escape(meta.lang),
        escape(meta.title),
        crate::domain::export::running_header_css(&running),
        escape(meta.title)
    ));
    if !meta.organisation.is_empty() {
        out.push_str(&format!("<p class=\"report-organisation\">{}</p>\n", escape(meta.organisation)));
    }
    for line in &meta.lines {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
    out.push_str("</header>\n");
    let parser = Parser::new_ext(body_markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let events = sanitised(parser).map(|event| match event {
        // Chapters each start a section, so the print rules can break the page before them.
        Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H2, .. }) => {
            Event::Html(CowStr::Borrowed("<section class=\"report-section\">\n<h2>"))
        }
        other => other,
    });
    let mut body = String::new();
    html::push_html(&mut body, events);
    // Close each chapter's section where the next begins and at the end.
    let mut first = true;
    for part in body.split("<section class=\"report-section\">") {
        if !first {
            out.push_str("<section class=\"report-section\">");
        }
        out.push_str(part);
        if !first {
            out.push_str("</section>\n");
        }
        first = false;
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> HtmlMeta<'static> {
        HtmlMeta { lang: "nl", title: "Nota van beantwoording Visie", organisation: "Gemeente Lindeburg", lines: vec!["Periode".into()] }
    }

    #[test]
    fn chapters_become_sections_and_the_page_is_complete() {
        let page = document(&meta(), "## Hoofdstuk 1\n\n### 1, alinea 1\n\n> Citaat\n\n**Inspreker 1**\n\n## Hoofdstuk 2\n\nTekst\n");
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<html lang=\"nl\">"));
        assert_eq!(page.matches("<section class=\"report-section\">").count(), 2);
        assert_eq!(page.matches("</section>").count(), 2);
        assert!(page.contains("<h2>Hoofdstuk 1</h2>"));
        assert!(page.contains("<blockquote>"));
        assert!(page.contains(r#"content: "Gemeente Lindeburg · Nota van beantwoording Visie""#), "the running header");
        assert!(page.trim_end().ends_with("</html>"));
    }

    #[test]
    fn raw_html_and_unsafe_links_do_not_survive() {
        let page = document(
            &meta(),
            "Antwoord <script>alert(1)</script> en [klik](javascript:alert(1)) en [site](https://example.org)\n\n<div onclick=x>blok</div>\n",
        );
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;"));
        assert!(!page.contains("javascript:"));
        assert!(page.contains("klik"));
        assert!(page.contains("<a href=\"https://example.org\">site</a>"));
        assert!(!page.contains("<div onclick"));
    }
}
