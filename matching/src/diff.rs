//! Word-level differences between two versions of a block, for display
//! (insertions underlined, deletions struck through).

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

/// What a span of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub enum DiffKind {
    /// In both versions.
    Equal,
    /// Only in the new version.
    Inserted,
    /// Only in the old version.
    Deleted,
}

/// A run of text with one [`DiffKind`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct DiffSpan {
    /// What this span is.
    pub kind: DiffKind,
    /// The text, including its whitespace.
    pub text: String,
}

/// Word-level diff of `old` to `new`.
///
/// Joining the `Equal` and `Deleted` spans gives `old`, joining the `Equal`
/// and `Inserted` spans gives `new`. Within a changed stretch, deletions come
/// before insertions, and whitespace between changed words is folded into
/// them so that "a b" replaced by "c d" shows as one deletion and one
/// insertion rather than four.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let diff = TextDiff::from_words(old, new);
    let raw: Vec<DiffSpan> = diff
        .iter_all_changes()
        .map(|c| DiffSpan {
            kind: match c.tag() {
                ChangeTag::Equal => DiffKind::Equal,
                ChangeTag::Insert => DiffKind::Inserted,
                ChangeTag::Delete => DiffKind::Deleted,
            },
            text: c.value().to_string(),
        })
        .collect();
    fold(raw)
}

/// Groups changed stretches (changes separated only by whitespace) into one
/// deletion and one insertion, and joins neighbouring equal spans.
fn fold(raw: Vec<DiffSpan>) -> Vec<DiffSpan> {
    let mut out: Vec<DiffSpan> = Vec::new();
    let mut k = 0;
    while k < raw.len() {
        if raw[k].kind == DiffKind::Equal {
            push(&mut out, DiffKind::Equal, &raw[k].text);
            k += 1;
            continue;
        }
        let end = stretch_end(&raw, k);
        let (mut deleted, mut inserted) = (String::new(), String::new());
        for span in &raw[k..end] {
            match span.kind {
                DiffKind::Deleted => deleted.push_str(&span.text),
                DiffKind::Inserted => inserted.push_str(&span.text),
                DiffKind::Equal => {
                    deleted.push_str(&span.text);
                    inserted.push_str(&span.text);
                }
            }
        }
        push(&mut out, DiffKind::Deleted, &deleted);
        push(&mut out, DiffKind::Inserted, &inserted);
        k = end;
    }
    out
}

/// End (exclusive) of the changed stretch starting at `start`: it may contain
/// whitespace-only equal spans, but must end on a change.
fn stretch_end(raw: &[DiffSpan], start: usize) -> usize {
    let mut end = start + 1;
    let mut k = start + 1;
    while k < raw.len() {
        match raw[k].kind {
            DiffKind::Equal if raw[k].text.trim().is_empty() => {}
            DiffKind::Equal => break,
            _ => end = k + 1,
        }
        k += 1;
    }
    end
}

fn push(out: &mut Vec<DiffSpan>, kind: DiffKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(DiffSpan { kind, text: text.to_string() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(spans: &[DiffSpan], skip: DiffKind) -> String {
        spans.iter().filter(|s| s.kind != skip).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn marks_inserted_and_deleted_words() {
        let spans = word_diff("Gemeenten voeren regie op de aanpak.", "Gemeenten voeren samen regie op de brede aanpak.");
        let inserted: Vec<&str> = spans.iter().filter(|s| s.kind == DiffKind::Inserted).map(|s| s.text.trim()).collect();
        assert_eq!(inserted, vec!["samen", "brede"]);
        assert!(spans.iter().all(|s| s.kind != DiffKind::Deleted));
    }

    #[test]
    fn replacement_is_one_deletion_and_one_insertion() {
        let spans = word_diff("x a b y", "x c d y");
        assert_eq!(
            spans,
            vec![
                DiffSpan { kind: DiffKind::Equal, text: "x ".into() },
                DiffSpan { kind: DiffKind::Deleted, text: "a b".into() },
                DiffSpan { kind: DiffKind::Inserted, text: "c d".into() },
                DiffSpan { kind: DiffKind::Equal, text: " y".into() },
            ]
        );
    }

    #[test]
    fn rebuilds_both_texts() {
        let old = "De aanpak van huiselijk geweld is een complexe opgave.";
        let new = "De aanpak van geweld in huis is een zeer complexe opgave voor iedereen.";
        let spans = word_diff(old, new);
        assert_eq!(rebuild(&spans, DiffKind::Inserted), old);
        assert_eq!(rebuild(&spans, DiffKind::Deleted), new);
    }

    #[test]
    fn equal_and_empty_texts() {
        assert_eq!(word_diff("zelfde tekst", "zelfde tekst"), vec![DiffSpan { kind: DiffKind::Equal, text: "zelfde tekst".into() }]);
        assert!(word_diff("", "").is_empty());
        assert_eq!(word_diff("", "nieuw"), vec![DiffSpan { kind: DiffKind::Inserted, text: "nieuw".into() }]);
    }
}
