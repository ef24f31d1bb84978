//! Writing the converted blocks as CommonMark with GitHub tables and footnotes.

/// A piece of paragraph content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Inline {
    /// Text with its formatting and optional link target.
    Text { text: String, bold: bool, italic: bool, link: Option<String> },
    /// A line break inside the paragraph.
    Break,
    /// A reference to footnote definition `[^n]`.
    Note(usize),
}

/// A block of the output document.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    /// A heading; `level` is 1-based and already final (1..=6).
    Heading { level: u8, content: Vec<Inline> },
    /// A paragraph, optionally quoted.
    Paragraph { content: Vec<Inline>, quote: bool },
    /// A list item: ordered items carry their number.
    ListItem {
        /// Identifies the Word list (numbering instance) the item belongs to.
        list: String,
        number: Option<u32>,
        depth: u8,
        content: Vec<Inline>,
    },
    /// A table; the first row is the header.
    Table { rows: Vec<Vec<Vec<Vec<Inline>>>> },
}

/// How line breaks and special characters are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Paragraph,
    Heading,
    Cell,
}

/// Whether the inlines contain visible content.
pub(crate) fn has_content(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::Text { text, .. } => !text.trim().is_empty(),
        Inline::Note(_) => true,
        Inline::Break => false,
    })
}

/// Plain text of inlines (for titles and tests).
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Break => out.push(' '),
            Inline::Note(_) => {}
        }
    }
    collapse_spaces(out.trim())
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Escapes characters that Markdown would read as syntax inside a line.
fn escape_inline(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '*' | '`' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                let prev = i.checked_sub(1).and_then(|p| chars.get(p));
                let next = chars.get(i + 1);
                let intraword = prev.is_some_and(|p| p.is_alphanumeric()) && next.is_some_and(|n| n.is_alphanumeric());
                if !intraword {
                    out.push('\\');
                }
                out.push(c);
            }
            '&' => {
                if chars.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') {
                    out.push('\\');
                }
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
}

/// Escapes what would start a block construct at the beginning of a line.
fn escape_line_start(line: &str) -> String {
    let first = line.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 9 {
        let rest = &line[digits..];
        if let Some(after) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))
            && (after.is_empty() || after.starts_with(' '))
        {
            let marker = &rest[..1];
            return format!("{}\\{}{}", &line[..digits], marker, after);
        }
    }
    line.to_string()
}

/// Renders a link destination, in angle brackets when it holds spaces or parentheses.
fn destination(url: &str) -> String {
    let clean: String = url.chars().filter(|c| !c.is_control()).collect::<String>().replace('<', "%3C").replace('>', "%3E");
    if clean.contains([' ', '(', ')']) { format!("<{clean}>") } else { clean }
}

/// Renders a run of same-link text segments, each with its own emphasis.
fn render_segment(segment: &[(&str, bool, bool)], emphasis: bool, out: &mut String) {
    // Merge neighbours with equal formatting.
    let mut merged: Vec<(String, bool, bool)> = Vec::new();
    for &(text, bold, italic) in segment {
        let (bold, italic) = if emphasis { (bold, italic) } else { (false, false) };
        match merged.last_mut() {
            Some(last) if last.1 == bold && last.2 == italic => last.0.push_str(text),
            _ => merged.push((text.to_string(), bold, italic)),
        }
    }
    for (text, bold, italic) in merged {
        let marker = match (bold, italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        let core = text.trim();
        if marker.is_empty() || core.is_empty() {
            escape_inline(&text, out);
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        escape_inline(lead, out);
        out.push_str(marker);
        escape_inline(core, out);
        out.push_str(marker);
        escape_inline(trail, out);
    }
}

/// Renders one line (no breaks inside) of inlines.
fn render_line(inlines: &[Inline], context: Context) -> String {
    let emphasis = context != Context::Heading;
    let mut out = String::new();
    let mut i = 0;
    while i < inlines.len() {
        match &inlines[i] {
            Inline::Note(n) => {
                out.push_str(&format!("[^{n}]"));
                i += 1;
            }
            Inline::Break => i += 1,
            Inline::Text { link, .. } => {
                let mut segment = Vec::new();
                let mut j = i;
                while let Some(Inline::Text { text, bold, italic, link: l }) = inlines.get(j) {
                    if l != link {
                        break;
                    }
                    segment.push((text.as_str(), *bold, *italic));
                    j += 1;
                }
                let mut rendered = String::new();
                render_segment(&segment, emphasis, &mut rendered);
                match link {
                    Some(url) if context != Context::Heading && !rendered.trim().is_empty() => {
                        let lead_len = rendered.len() - rendered.trim_start().len();
                        let core = rendered.trim();
                        let trail_len = rendered.len() - rendered.trim_end().len();
                        out.push_str(&" ".repeat(usize::from(lead_len > 0)));
                        let plain: String = segment.iter().map(|(t, _, _)| *t).collect();
                        let autolink = plain.trim() == url
                            && url.contains("://")
                            && !url.contains([' ', '<', '>'])
                            && !url.chars().any(char::is_control);
                        if autolink {
                            out.push_str(&format!("<{url}>"));
                        } else {
                            out.push_str(&format!("[{core}]({})", destination(url)));
                        }
                        out.push_str(&" ".repeat(usize::from(trail_len > 0)));
                    }
                    _ => out.push_str(&rendered),
                }
                i = j;
            }
        }
    }
    collapse_spaces(out.trim())
}

/// Renders inlines as lines split at breaks, without empty lines at either end.
fn render_lines(inlines: &[Inline], context: Context) -> Vec<String> {
    let mut lines: Vec<String> = inlines.split(|i| *i == Inline::Break).map(|part| render_line(part, context)).collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    let skip = lines.iter().take_while(|l| l.is_empty()).count();
    lines.drain(..skip);
    lines
}

/// Renders a table cell: paragraphs and breaks become `<br>`.
fn render_cell(paragraphs: &[Vec<Inline>]) -> String {
    paragraphs.iter().map(|p| render_lines(p, Context::Cell).join("<br>")).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("<br>")
}

fn render_table(rows: &[Vec<Vec<Vec<Inline>>>], out: &mut String) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    for (index, row) in rows.iter().enumerate() {
        out.push('|');
        for col in 0..width {
            let cell = row.get(col).map(|c| render_cell(c)).unwrap_or_default();
            if cell.is_empty() {
                out.push_str("  |");
            } else {
                out.push_str(&format!(" {cell} |"));
            }
        }
        out.push('\n');
        if index == 0 {
            out.push('|');
            out.push_str(&"---|".repeat(width));
            out.push('\n');
        }
    }
}

/// Writes the blocks and footnote definitions as one Markdown document.
pub(crate) fn write(blocks: &[Block], notes: &[(usize, Vec<Vec<Inline>>)]) -> String {
    let mut out = String::new();
    // (depth, content indent) of the open list items.
    let mut list_stack: Vec<(u8, usize)> = Vec::new();
    let mut previous_list: Option<&str> = None;
    for block in blocks {
        let current_list = match block {
            Block::ListItem { list, depth, .. } => Some((list.as_str(), *depth)),
            _ => None,
        };
        let is_item = current_list.is_some();
        // A new top-level list (another Word list) is set apart by a blank line.
        let continues = match (previous_list, current_list) {
            (Some(prev), Some((cur, depth))) => prev == cur || depth > 0,
            _ => false,
        };
        if !out.is_empty() {
            out.push_str(if continues { "\n" } else { "\n\n" });
        }
        if !is_item {
            list_stack.clear();
        }
        previous_list = current_list.map(|(list, _)| list);
        match block {
            Block::Heading { level, content } => {
                let mut text = render_lines(content, Context::Heading).join(" ");
                if text.ends_with('#') {
                    text.pop();
                    text.push_str("\\#");
                }
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(&text);
            }
            Block::Paragraph { content, quote } => {
                let lines: Vec<String> = render_lines(content, Context::Paragraph).iter().map(|l| escape_line_start(l)).collect();
                let prefix = if *quote { "> " } else { "" };
                let joined: Vec<String> = lines.iter().map(|l| format!("{prefix}{l}")).collect();
                out.push_str(&joined.join("\\\n"));
            }
            Block::ListItem { number, depth, content, .. } => {
                while list_stack.last().is_some_and(|(d, _)| d >= depth) {
                    list_stack.pop();
                }
                let indent = list_stack.last().map_or(0, |(_, i)| *i);
                let marker = match number {
                    Some(n) => format!("{}. ", (*n).min(999_999_999)),
                    None => "- ".to_string(),
                };
                list_stack.push((*depth, indent + marker.len()));
                let pad = " ".repeat(indent + marker.len());
                let lines: Vec<String> = render_lines(content, Context::Paragraph).iter().map(|l| escape_line_start(l)).collect();
                out.push_str(&" ".repeat(indent));
                out.push_str(&marker);
                out.push_str(&lines.join(&format!("\\\n{pad}")));
            }
            Block::Table { rows } => {
                render_table(rows, &mut out);
                while out.ends_with('\n') {
                    out.pop();
                }
            }
        }
    }
    for (label, paragraphs) in notes {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let rendered: Vec<String> = paragraphs
            .iter()
            .map(|p| render_lines(p, Context::Paragraph).iter().map(|l| escape_line_start(l)).collect::<Vec<_>>().join("\\\n    "))
            .filter(|p| !p.is_empty())
            .collect();
        out.push_str(&format!("[^{label}]: {}", rendered.join("\n\n    ")));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, bold: bool, italic: bool) -> Inline {
        Inline::Text { text: t.to_string(), bold, italic, link: None }
    }

    #[test]
    fn emphasis_keeps_spaces_outside_markers() {
        let line =
            render_line(&[text("Dit is ", false, false), text("vet ", true, false), text("en schuin", false, true)], Context::Paragraph);
        assert_eq!(line, "Dit is **vet** *en schuin*");
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            render_line(&[text("a*b [c] x|y &amp; snake_case _x_", false, false)], Context::Cell),
            "a\\*b \\[c\\] x\\|y \\&amp; snake_case \\_x\\_"
        );
        assert_eq!(escape_line_start("1. Aanpak"), "1\\. Aanpak");
        assert_eq!(escape_line_start("# niet"), "\\# niet");
        assert_eq!(escape_line_start("2019 was"), "2019 was");
    }
}
