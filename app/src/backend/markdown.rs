//! Officers write answers in Markdown; it is rendered once when saved and sanitised, and only
//! that sanitised HTML is ever shown.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};
use std::sync::LazyLock;

/// Ammonia's safe defaults, without images: an image in an answer or an advice would be loaded
/// from wherever it points, so that a third party learns who reads the page (a tracking pixel).
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder.rm_tags(["img"]);
    builder
});

/// Renders answer or advice Markdown to sanitised HTML. A Markdown image keeps only its
/// description, as text; a raw `<img>` is removed.
pub fn render_answer(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES)
        .filter(|event| !matches!(event, Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)));
    let mut out = String::new();
    html::push_html(&mut out, parser);
    CLEANER.clean(&out).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_scripts_removed() {
        let html = render_answer("**Dank** voor uw reactie.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))");
        assert!(html.contains("<strong>Dank</strong>"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn no_remote_images_reach_a_residents_page() {
        let html = render_answer(
            "Zie ![de kaart](https://tracker.example/pixel.gif) en <img src=\"https://tracker.example/p.gif\" alt=\"x\">.\n\n\
             <p><img src=https://tracker.example/q.gif></p>",
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("tracker.example"), "{html}");
        assert!(html.contains("de kaart"), "the description stays as text: {html}");
    }
}
