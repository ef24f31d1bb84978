//! Markdown for text that came from a person: escaped so that it reads as written, and a passage's
//! change marked word by word.

use crate::domain::versions::{SpanKind, TextChange};

/// What Markdown would read as markup in running text.
const INLINE_MARKUP: [char; 10] = ['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|'];

/// In a change also `~`, with which deletions are struck through.
const CHANGE_MARKUP: [char; 11] = ['\\', '*', '_', '~', '`', '[', ']', '<', '>', '#', '|'];

/// Escapes what Markdown would otherwise read as markup in text that came from a person.
pub fn inline(text: &str) -> String {
    escape(text, &INLINE_MARKUP)
}

/// A passage before and after as Markdown: deletions struck through (`~~…~~`), insertions
/// underlined (`<ins>…</ins>`).
pub fn text_change(change: &TextChange) -> String {
    let mut out = String::new();
    for span in &change.spans {
        let text = escape(&span.text, &CHANGE_MARKUP);
        let (lead, core, trail) = split_space(&text);
        match span.kind {
            SpanKind::Same => out.push_str(&text),
            _ if core.is_empty() => out.push_str(&text),
            SpanKind::Added => out.push_str(&format!("{lead}<ins>{core}</ins>{trail}")),
            SpanKind::Removed => out.push_str(&format!("{lead}~~{core}~~{trail}")),
        }
    }
    out
}

fn escape(text: &str, markup: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if markup.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The white space before, the words, and the white space after: the marks go around the words.
fn split_space(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    if core.is_empty() {
        return (text, "", "");
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    (&text[..start], core, &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::versions::tests::respite_change;

    #[test]
    fn a_change_is_marked_in_markdown() {
        assert_eq!(text_change(&respite_change()), "Respijtzorg binnen ~~vier~~<ins>twee</ins> weken\\*");
    }

    #[test]
    fn people_s_markup_is_escaped() {
        assert_eq!(inline("# geen kop <script> ~x~"), "\\# geen kop \\<script\\> ~x~");
    }
}
