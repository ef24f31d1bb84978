//! List numbering (word/numbering.xml): level definitions, counters and rendered numbers.

use std::collections::HashMap;

use crate::xml::Element;

/// Number format of one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Format {
    Bullet,
    None,
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
}

impl Format {
    fn parse(value: &str) -> Self {
        match value {
            "bullet" => Format::Bullet,
            "none" => Format::None,
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            // decimal, ordinal, cardinalText, decimalEnclosed*, ...: plain numbers are the best
            // faithful rendering without language tables.
            _ => Format::Decimal,
        }
    }

    fn render(&self, value: u32) -> String {
        match self {
            Format::Bullet | Format::None => String::new(),
            Format::Decimal => value.to_string(),
            Format::DecimalZero => format!("{value:02}"),
            Format::LowerLetter => letters(value),
            Format::UpperLetter => letters(value).to_uppercase(),
            Format::LowerRoman => roman(value),
            Format::UpperRoman => roman(value).to_uppercase(),
        }
    }
}

/// Word's letter numbering: a..z, then aa..zz, aaa..
fn letters(value: u32) -> String {
    if value == 0 {
        return String::new();
    }
    let index = (value - 1) % 26;
    let repeat = (value - 1) / 26 + 1;
    let letter = char::from(b'a' + index as u8);
    std::iter::repeat_n(letter, repeat.min(50) as usize).collect()
}

fn roman(mut value: u32) -> String {
    if value == 0 || value >= 4000 {
        return value.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (n, s) in TABLE {
        while value >= n {
            out.push_str(s);
            value -= n;
        }
    }
    out
}

/// One level of an abstract numbering definition.
#[derive(Debug, Clone)]
pub(crate) struct Level {
    pub start: u32,
    pub format: Format,
    pub text: String,
    /// `w:suff`: `tab` (default), `space` or `nothing`.
    pub separated: bool,
    /// `w:isLgl`: render all inherited numbers as decimals.
    legal: bool,
    /// Paragraph style linked to this level (`w:pStyle`).
    pub style: Option<String>,
}

/// Numbering definitions and the running counters.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Vec<Option<Level>>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<u8, u32>)>,
    /// numId → counters by level (`None` = not started).
    counters: HashMap<String, [Option<u32>; 9]>,
}

/// The result of advancing a list counter for one paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Numbered {
    /// The number shown for this paragraph, e.g. `Hoofdstuk 3.` or `a.` (empty for none/bullets).
    pub label: String,
    /// Whether the level is a bullet.
    pub bullet: bool,
    /// Whether the level shows nothing at all (`numFmt` none with no literal text).
    pub invisible: bool,
    /// The counter value of this level.
    pub value: u32,
    /// Whether the label is followed by a separator (tab or space).
    pub separated: bool,
}

fn parse_level(el: &Element) -> Option<(u8, Level)> {
    let ilvl = el.attr("w:ilvl")?.parse::<u8>().ok().filter(|l| *l < 9)?;
    let level = Level {
        start: el.child_val("w:start").and_then(|v| v.parse().ok()).unwrap_or(0),
        format: Format::parse(el.child_val("w:numFmt").unwrap_or("decimal")),
        text: el.child_val("w:lvlText").unwrap_or_default().to_string(),
        separated: el.child_val("w:suff") != Some("nothing"),
        legal: el.child("w:isLgl").is_some_and(crate::styles::on_off),
        style: el.child_val("w:pStyle").map(str::to_string),
    };
    Some((ilvl, level))
}

impl Numbering {
    /// Reads `w:numbering`; `None` gives an empty set.
    pub fn parse(root: Option<&Element>) -> Self {
        let mut out = Numbering::default();
        let Some(root) = root else {
            return out;
        };
        for el in root.elements() {
            match el.name.as_str() {
                "w:abstractNum" => {
                    let Some(id) = el.attr("w:abstractNumId") else {
                        continue;
                    };
                    let mut levels: Vec<Option<Level>> = vec![None; 9];
                    for (ilvl, level) in el.elements().filter(|e| e.name == "w:lvl").filter_map(parse_level) {
                        levels[usize::from(ilvl)] = Some(level);
                    }
                    out.abstracts.insert(id.to_string(), levels);
                }
                "w:num" => {
                    let (Some(id), Some(abstract_id)) = (el.attr("w:numId"), el.child_val("w:abstractNumId")) else {
                        continue;
                    };
                    let mut overrides = HashMap::new();
                    for ov in el.elements().filter(|e| e.name == "w:lvlOverride") {
                        let ilvl = ov.attr("w:ilvl").and_then(|v| v.parse::<u8>().ok());
                        let start = ov.child_val("w:startOverride").and_then(|v| v.parse::<u32>().ok());
                        if let (Some(ilvl), Some(start)) = (ilvl, start) {
                            overrides.insert(ilvl, start);
                        }
                    }
                    out.nums.insert(id.to_string(), (abstract_id.to_string(), overrides));
                }
                _ => {}
            }
        }
        out
    }

    fn levels(&self, num_id: &str) -> Option<&Vec<Option<Level>>> {
        let (abstract_id, _) = self.nums.get(num_id)?;
        self.abstracts.get(abstract_id)
    }

    /// The level a style is linked to inside a numbering (for style numbering without `ilvl`).
    pub fn level_for_style(&self, num_id: &str, style: &str) -> Option<u8> {
        self.levels(num_id)?
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))
            .and_then(|p| u8::try_from(p).ok())
    }

    /// Whether a numbering level exists (numId `0` or an unknown id means "no numbering").
    pub fn exists(&self, num_id: &str, ilvl: u8) -> bool {
        self.levels(num_id).and_then(|l| l.get(usize::from(ilvl))).is_some_and(Option::is_some)
    }

    /// Advances the counter of `num_id` at `ilvl` and renders the number of this paragraph.
    pub fn next(&mut self, num_id: &str, ilvl: u8) -> Option<Numbered> {
        let levels = self.levels(num_id)?.clone();
        let overrides = self.nums.get(num_id).map(|(_, o)| o.clone())?;
        let ilvl = usize::from(ilvl.min(8));
        let level = levels.get(ilvl)?.as_ref()?;
        let start_of = |i: usize| -> u32 {
            u8::try_from(i)
                .ok()
                .and_then(|i| overrides.get(&i).copied())
                .or_else(|| levels.get(i).and_then(|l| l.as_ref()).map(|l| l.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(num_id.to_string()).or_default();
        let value = match counters[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start_of(ilvl),
        };
        counters[ilvl] = Some(value);
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let snapshot = *counters;

        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let i = (d as usize).saturating_sub(1).min(8);
                let v = snapshot[i].unwrap_or_else(|| start_of(i));
                let format = levels.get(i).and_then(|l| l.as_ref()).map(|l| l.format.clone()).unwrap_or(Format::Decimal);
                let format = if level.legal && i < ilvl && format != Format::None { Format::Decimal } else { format };
                label.push_str(&format.render(v));
            } else {
                label.push(c);
            }
        }
        let bullet = level.format == Format::Bullet;
        let label = if bullet { String::new() } else { label.trim().to_string() };
        Some(Numbered { invisible: label.is_empty() && !bullet, label, bullet, value, separated: level.separated })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_render() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(27), "aa");
        assert_eq!(roman(14), "xiv");
        assert_eq!(Format::UpperRoman.render(4), "IV");
        assert_eq!(Format::DecimalZero.render(3), "03");
    }
}
