//! A deployment's own wording (`INSPRAAK_TEXTS`): a directory with `nl/` and `en/`, each holding
//! Fluent files (`*.ftl`) that replace single messages of `app/texts/`. Read and checked once at
//! start; the server does not start with a file it cannot use, and says which line is wrong.

use app::texts::{Overrides, TextProblem};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum TextsError {
    #[error("INSPRAAK_TEXTS: {path} is niet te lezen ({source})")]
    Unreadable { path: String, source: std::io::Error },
    #[error("INSPRAAK_TEXTS: {path} heeft geen map nl/ of en/ met .ftl-bestanden")]
    Empty { path: String },
    #[error("INSPRAAK_TEXTS: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Refused { problems: Vec<TextProblem> },
}

/// Reads the override files of a directory (sorted by name, so a later file wins).
pub fn read_overrides(dir: &Path) -> Result<Overrides, TextsError> {
    let mut overrides = Overrides::default();
    for (language, text) in [("nl", &mut overrides.nl), ("en", &mut overrides.en)] {
        let folder = dir.join(language);
        if !folder.is_dir() {
            continue;
        }
        let unreadable = |source| TextsError::Unreadable { path: folder.display().to_string(), source };
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map_err(unreadable)?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let source =
                std::fs::read_to_string(&file).map_err(|source| TextsError::Unreadable { path: file.display().to_string(), source })?;
            text.push_str(&source);
            text.push('\n');
        }
    }
    if overrides.is_empty() {
        return Err(TextsError::Empty { path: dir.display().to_string() });
    }
    Ok(overrides)
}

/// Reads, checks and puts a deployment's wording in force. Must run before the first page.
pub fn use_overrides(dir: &Path) -> Result<(), TextsError> {
    let overrides = read_overrides(dir)?;
    let refused = |problems| TextsError::Refused { problems };
    app::texts::check_overrides(&overrides).map_err(refused)?;
    app::texts::set_overrides(overrides).map_err(refused)
}
