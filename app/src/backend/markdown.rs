//! Officers write answers in Markdown; it is rendered once when saved and sanitised, and only
//! that sanitised HTML is ever shown.

use pulldown_cmark::{Options, Parser, html};

pub fn render_answer(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES);
    let mut out = String::new();
    html::push_html(&mut out, parser);
    ammonia::clean(&out)
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
}
