//! HTML helpers: the sanitiser every block goes through, escaping, footnote reference markup and
//! the conversion of sanitised HTML back to plain text.

use std::collections::HashSet;

/// The sanitiser for block HTML: ammonia's safe defaults (no script, style, event handlers or
/// `javascript:` URLs; `rel="noopener noreferrer"` on links) minus images, which in an uploaded
/// draft can only point to files we don't have or to third-party trackers.
pub(super) fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder.rm_tags(["img", "map", "area"]);
    builder.clean_content_tags(HashSet::from(["script", "style", "noscript", "template", "textarea", "title"]));
    builder
}

/// Escapes text for use in HTML content or a double-quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(text, &mut out);
    out
}

pub(super) fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A footnote reference as shown in the text: a superscript "[1]" linking to the footnote block.
pub(super) fn footnote_ref(anchor: &str, label: &str) -> String {
    format!("<sup><a href=\"#{}\">[{}]</a></sup>", escape(anchor), escape(label))
}

/// Plain text of sanitised block HTML: paragraphs and list items on their own lines (items with
/// "- " or "1. "), table cells separated by " | ", whitespace collapsed, entities decoded.
pub(super) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // One entry per open list: None for <ul>, Some(next number) for <ol>.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut cell_in_row = 0usize;
    let mut pending_marker: Option<String> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&rest[..lt], &mut out, &mut pending_marker);
        let after = &rest[lt..];
        let Some(end) = tag_end(after) else {
            push_text(after, &mut out, &mut pending_marker);
            rest = "";
            break;
        };
        let tag = &after[1..end];
        rest = &after[end + 1..];
        let closing = tag.starts_with('/');
        let name: String =
            tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("ul", false) => {
                lists.push(None);
                out.push('\n');
            }
            ("ol", false) => {
                lists.push(Some(attr_number(tag, "start").unwrap_or(1)));
                out.push('\n');
            }
            ("ul" | "ol", true) => {
                lists.pop();
                out.push('\n');
            }
            ("li", false) => {
                out.push('\n');
                // Written before the item's first text, so that empty items leave nothing.
                pending_marker = Some(match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                });
            }
            ("tr", false) => {
                cell_in_row = 0;
                out.push('\n');
            }
            ("td" | "th", false) => {
                if cell_in_row > 0 {
                    out.push_str(" | ");
                }
                cell_in_row += 1;
            }
            (
                "p" | "div" | "br" | "hr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre" | "table" | "thead" | "tbody"
                | "tr" | "li" | "dl" | "dt" | "dd",
                _,
            ) => out.push('\n'),
            _ => {}
        }
    }
    push_text(rest, &mut out, &mut pending_marker);

    let mut text = String::with_capacity(out.len());
    for line in out.lines() {
        // Empty trailing cells leave bare separators.
        let line = line.trim().trim_end_matches(['|', ' ']);
        if line.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(line);
    }
    text
}

/// Index of the `>` closing the tag that starts at `s[0] == '<'`, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn attr_number(tag: &str, attr: &str) -> Option<u64> {
    let pos = tag.find(&format!("{attr}=\""))?;
    let value = &tag[pos + attr.len() + 2..];
    value[..value.find('"')?].trim().parse().ok()
}

/// Appends a text node: entities decoded, whitespace runs collapsed to one space; a pending list
/// marker is written before the first visible character.
fn push_text(raw: &str, out: &mut String, pending_marker: &mut Option<String>) {
    let mut rest = raw;
    while !rest.is_empty() {
        let (c, len) = if rest.starts_with('&') {
            decode_entity(rest).unwrap_or(('&', 1))
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        rest = &rest[len..];
        if c.is_whitespace() {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            if let Some(marker) = pending_marker.take() {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(&marker);
            }
            out.push(c);
        }
    }
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    // An entity is short; look for its `;` in the first twelve bytes, cut on a character boundary
    // (a multi-byte character there once made this panic: found by `scripts/fuzz`).
    let window = s.char_indices().map(|(i, c)| i + c.len_utf8()).take_while(|end| *end <= 12).last().unwrap_or(0);
    let semi = s[..window].find(';')?;
    let name = &s[1..semi];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code)?
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn text_of_lists_tables_and_entities() {
        let html = "<p>A &amp; B<sup><a href=\"#voetnoot-1\">[1]</a></sup></p>";
        assert_eq!(to_text(html), "A & B[1]");
        let list = "<ol start=\"3\">\n<li>een</li>\n<li>twee <em>x</em></li>\n</ol>";
        assert_eq!(to_text(list), "3. een\n4. twee x");
        let table = "<table><thead><tr><th>a</th><th>b</th></tr></thead>\
                     <tbody><tr><td>1</td><td></td></tr></tbody></table>";
        assert_eq!(to_text(table), "a | b\n1");
        let loose = "<ul>\n<li>\n<p>een</p>\n</li>\n<li></li><li><ul><li>diep</li></ul></li></ul>";
        assert_eq!(to_text(loose), "- een\n- diep");
    }
}

#[cfg(test)]
mod entity_tests {
    use super::decode_entity;

    #[test]
    fn an_entity_next_to_a_multi_byte_character_does_not_panic() {
        // Found by the fuzzer: `&` followed by text with '€' across byte 12.
        assert_eq!(decode_entity("&abcdefghi€;"), None);
        assert_eq!(decode_entity("&amp;€€€€"), Some(('&', 5)));
        assert_eq!(decode_entity("&"), None);
    }
}
