//! Paragraph and character styles (word/styles.xml), resolved through `w:basedOn` chains.

use std::collections::HashMap;

use crate::xml::Element;

/// Longest `basedOn` chain followed; also breaks cycles.
const MAX_CHAIN: usize = 32;

/// The role a paragraph style gives to its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Heading of this level (1-based).
    Heading(u8),
    /// Document title (`Title` / `Titel`).
    Title,
    /// Table-of-contents entry (`TOC 1`, `Inhopg 1`, ...).
    TocEntry,
    /// Quotation (`Quote`, `Citaat`, ...).
    Quote,
    /// Anything else.
    Body,
}

#[derive(Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline_level: Option<u8>,
    num_id: Option<String>,
    num_ilvl: Option<u8>,
    bold: Option<bool>,
    italic: Option<bool>,
}

/// All styles of the document, keyed by style id.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

/// Parses an on/off property such as `<w:b/>` or `<w:b w:val="false"/>`.
pub(crate) fn on_off(element: &Element) -> bool {
    !matches!(element.attr("w:val"), Some("false" | "0" | "off" | "none"))
}

/// Heading level from a style id or name such as `Heading1`, `heading 1`, `Kop1`, `Kop 1`.
fn heading_level_from_name(name: &str) -> Option<u8> {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let digits = compact.strip_prefix("heading").or_else(|| compact.strip_prefix("kop"))?;
    match digits.parse::<u8>() {
        Ok(level @ 1..=9) => Some(level),
        _ => None,
    }
}

fn role_from_name(name: &str) -> Option<Role> {
    if let Some(level) = heading_level_from_name(name) {
        return Some(Role::Heading(level));
    }
    let lower = name.trim().to_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if lower == "title" || lower == "titel" {
        return Some(Role::Title);
    }
    let toc_digits = compact.strip_prefix("toc").or_else(|| compact.strip_prefix("inhopg")).or_else(|| compact.strip_prefix("contents"));
    if let Some(rest) = toc_digits
        && (rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit()))
    {
        return Some(Role::TocEntry);
    }
    if matches!(compact.as_str(), "quote" | "intensequote" | "citaat" | "duidelijkcitaat" | "quotations" | "blocktext") {
        return Some(Role::Quote);
    }
    None
}

impl Styles {
    /// Reads `w:styles`; `None` gives an empty set.
    pub fn parse(root: Option<&Element>) -> Self {
        let mut out = Styles::default();
        let Some(root) = root else {
            return out;
        };
        for el in root.elements().filter(|e| e.name == "w:style") {
            let Some(id) = el.attr("w:styleId") else {
                continue;
            };
            let mut style = Style {
                name: el.child_val("w:name").unwrap_or_default().to_string(),
                based_on: el.child_val("w:basedOn").map(str::to_string),
                ..Style::default()
            };
            if let Some(ppr) = el.child("w:pPr") {
                style.outline_level = ppr.child_val("w:outlineLvl").and_then(|v| v.parse::<u8>().ok());
                if let Some(num) = ppr.child("w:numPr") {
                    style.num_id = num.child_val("w:numId").map(str::to_string);
                    style.num_ilvl = num.child_val("w:ilvl").and_then(|v| v.parse().ok());
                }
            }
            if let Some(rpr) = el.child("w:rPr") {
                style.bold = rpr.child("w:b").map(on_off);
                style.italic = rpr.child("w:i").map(on_off);
            }
            if el.attr("w:type") == Some("paragraph") && el.attr("w:default").is_some_and(|d| d == "1" || d == "true") {
                out.default_paragraph = Some(id.to_string());
            }
            out.styles.insert(id.to_string(), style);
        }
        out
    }

    /// The style chain starting at `id` (the style itself first).
    fn chain<'s>(&'s self, id: Option<&'s str>) -> Vec<(&'s str, &'s Style)> {
        let mut out = Vec::new();
        let mut current = id.or(self.default_paragraph.as_deref());
        while let Some(id) = current {
            if out.len() >= MAX_CHAIN || out.iter().any(|(seen, _)| *seen == id) {
                break;
            }
            let Some(style) = self.styles.get(id) else {
                break;
            };
            out.push((id, style));
            current = style.based_on.as_deref();
        }
        out
    }

    /// The role of a paragraph style. The first style in the `basedOn` chain that says anything
    /// decides: a recognised id or name, or an outline level (0–8 → heading 1–9, 9 → body).
    pub fn role(&self, id: Option<&str>) -> Role {
        let chain = self.chain(id);
        if chain.is_empty()
            && let Some(role) = id.and_then(role_from_name)
        {
            return role;
        }
        for (id, style) in chain {
            if let Some(role) = role_from_name(id).or_else(|| role_from_name(&style.name)) {
                return role;
            }
            match style.outline_level {
                Some(level @ 0..=8) => return Role::Heading(level + 1),
                Some(_) => return Role::Body,
                None => {}
            }
        }
        Role::Body
    }

    /// Numbering (`numId`, explicit `ilvl`) given by a paragraph style chain.
    pub fn numbering(&self, id: Option<&str>) -> Option<(String, Option<u8>)> {
        self.chain(id).into_iter().find_map(|(_, s)| s.num_id.clone().map(|n| (n, s.num_ilvl)))
    }

    /// Bold and italic given by a character style chain.
    pub fn run_format(&self, id: &str) -> (Option<bool>, Option<bool>) {
        let chain = self.chain(Some(id));
        let bold = chain.iter().find_map(|(_, s)| s.bold);
        let italic = chain.iter().find_map(|(_, s)| s.italic);
        (bold, italic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names_in_english_and_dutch() {
        assert_eq!(heading_level_from_name("Heading1"), Some(1));
        assert_eq!(heading_level_from_name("heading 3"), Some(3));
        assert_eq!(heading_level_from_name("Kop2"), Some(2));
        assert_eq!(heading_level_from_name("Kop 9"), Some(9));
        assert_eq!(heading_level_from_name("Heading"), None);
        assert_eq!(heading_level_from_name("Kopregel"), None);
        assert_eq!(role_from_name("TOC 1"), Some(Role::TocEntry));
        assert_eq!(role_from_name("Inhopg2"), Some(Role::TocEntry));
        assert_eq!(role_from_name("Titel"), Some(Role::Title));
    }
}
