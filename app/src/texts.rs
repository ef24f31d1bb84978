//! Where the interface text comes from: Fluent files (`app/texts/{nl,en}/*.ftl`), compiled in, with
//! a deployment's own wording laid over them when the server starts (`INSPRAAK_TEXTS`). `i18n`
//! builds the typed `Messages` from this; nothing else reads the files.
//!
//! Plurals and placeholders are Fluent's (`{ $n -> [one] … *[other] … }`), so the rules of each
//! language live with its words. In the browser the same files are compiled in, and the server hands
//! the page's overrides over in a `<meta name="inspraak-texts">` (see `app::shell`), so an island
//! says what the server said.

use crate::i18n::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{LazyLock, OnceLock, RwLock};

/// The compiled-in text files: (name, Dutch, English).
pub const FILES: [(&str, &str, &str); 8] = [
    ("main", include_str!("../texts/nl/main.ftl"), include_str!("../texts/en/main.ftl")),
    ("councils", include_str!("../texts/nl/councils.ftl"), include_str!("../texts/en/councils.ftl")),
    ("workbench", include_str!("../texts/nl/workbench.ftl"), include_str!("../texts/en/workbench.ftl")),
    ("export", include_str!("../texts/nl/export.ftl"), include_str!("../texts/en/export.ftl")),
    ("outcome", include_str!("../texts/nl/outcome.ftl"), include_str!("../texts/en/outcome.ftl")),
    ("versions", include_str!("../texts/nl/versions.ftl"), include_str!("../texts/en/versions.ftl")),
    ("mail", include_str!("../texts/nl/mail.ftl"), include_str!("../texts/en/mail.ftl")),
    ("privacy", include_str!("../texts/nl/privacy.ftl"), include_str!("../texts/en/privacy.ftl")),
];

/// A locale as a type, so that `i18n` can build one `Messages` per language with plain `fn`
/// pointers that still know their language.
pub trait Lang {
    const LOCALE: Locale;
}

pub struct Nl;
pub struct En;

impl Lang for Nl {
    const LOCALE: Locale = Locale::Nl;
}

impl Lang for En {
    const LOCALE: Locale = Locale::En;
}

/// A deployment's own wording: Fluent text per language, laid over the compiled-in files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub nl: String,
    pub en: String,
}

impl Overrides {
    pub fn for_locale(&self, locale: Locale) -> &str {
        match locale {
            Locale::Nl => &self.nl,
            Locale::En => &self.en,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.nl.trim().is_empty() && self.en.trim().is_empty()
    }
}

/// Why a deployment's text was refused. Each names the language and the message, so the person
/// who wrote the file can find it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("{locale}: the Fluent syntax is wrong near line {line}: {message}")]
    Syntax { locale: &'static str, line: usize, message: String },
    #[error("{locale}: there is no message '{id}' to replace (check the spelling; the names are in app/texts/)")]
    UnknownMessage { locale: &'static str, id: String },
    #[error("{locale}: '{id}' uses the placeholder ${variable}, which this message does not have (it has: {known})")]
    UnknownPlaceholder { locale: &'static str, id: String, variable: String, known: String },
    #[error("the texts are already in use; overrides must be set before the first page")]
    TooLate,
}

static OVERRIDES: OnceLock<Overrides> = OnceLock::new();

/// Lays a deployment's wording over the compiled-in text. The server checks it first
/// ([`check_overrides`]); the browser takes what the server handed over as it is. Call once,
/// before the first text is read (the server at start, the browser before its islands wake).
pub fn set_overrides(overrides: Overrides) -> Result<(), Vec<TextProblem>> {
    OVERRIDES.set(overrides).map_err(|_| vec![TextProblem::TooLate])
}

/// Picks the value of `L`'s language: the typed texts of one language refer to the others of
/// that language.
pub fn of<L: Lang, T>(nl: &'static LazyLock<T>, en: &'static LazyLock<T>) -> &'static T {
    match L::LOCALE {
        Locale::Nl => nl,
        Locale::En => en,
    }
}

/// The overrides in force (empty if none), e.g. to hand them to the browser.
pub fn overrides() -> &'static Overrides {
    static NONE: Overrides = Overrides { nl: String::new(), en: String::new() };
    OVERRIDES.get().unwrap_or(&NONE)
}

/// Checks a deployment's wording against the compiled-in files without using it.
pub fn check_overrides(overrides: &Overrides) -> Result<(), Vec<TextProblem>> {
    let mut problems = Vec::new();
    for locale in [Locale::Nl, Locale::En] {
        let source = overrides.for_locale(locale);
        if source.trim().is_empty() {
            continue;
        }
        let defaults = placeholders_of(&default_sources(locale));
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((_, errors)) => {
                problems.extend(errors.iter().map(|e| TextProblem::Syntax {
                    locale: locale.code(),
                    line: line_of(source, e.slice.as_ref().map_or(e.pos.start, |entry| entry.start)),
                    message: format!("{:?}", e.kind),
                }));
                continue;
            }
        };
        for (id, used) in entries_placeholders(&resource) {
            let Some(known) = defaults.get(&id) else {
                problems.push(TextProblem::UnknownMessage { locale: locale.code(), id });
                continue;
            };
            for variable in used.difference(known) {
                problems.push(TextProblem::UnknownPlaceholder {
                    locale: locale.code(),
                    id: id.clone(),
                    variable: variable.clone(),
                    known: known.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", "),
                });
            }
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// The line (from 1) of a byte position: where the broken entry starts.
fn line_of(source: &str, position: usize) -> usize {
    source.as_bytes()[..position.min(source.len())].iter().filter(|b| **b == b'\n').count() + 1
}

/// Every message and term of the compiled-in files of a language, with the placeholders it uses.
pub fn placeholders_of(sources: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for source in sources {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        all.extend(entries_placeholders(&resource));
    }
    all
}

/// The compiled-in sources of a language, in file order.
pub fn default_sources(locale: Locale) -> Vec<&'static str> {
    FILES
        .iter()
        .map(|(_, nl, en)| match locale {
            Locale::Nl => *nl,
            Locale::En => *en,
        })
        .collect()
}

fn entries_placeholders(resource: &FluentResource) -> Vec<(String, BTreeSet<String>)> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => {
                let mut used = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut used);
                }
                Some((message.id.name.to_string(), used))
            }
            ast::Entry::Term(term) => {
                let mut used = BTreeSet::new();
                pattern_variables(&term.value, &mut used);
                Some((format!("-{}", term.id.name), used))
            }
            _ => None,
        })
        .collect()
}

fn pattern_variables(pattern: &ast::Pattern<&str>, used: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, used);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, used: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, used),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, used);
            for variant in variants {
                pattern_variables(&variant.value, used);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, used: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            used.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, used);
            }
            for named in &arguments.named {
                inline_variables(&named.value, used);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, used),
        _ => {}
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(locale: Locale) -> Bundle {
    let language = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Placeholders without Unicode isolation marks: the text goes into HTML, mail and files.
    bundle.set_use_isolating(false);
    for source in default_sources(locale) {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                tracing::error!(?errors, locale = locale.code(), "compiled-in text does not parse");
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(?errors, locale = locale.code(), "compiled-in text repeats a message");
        }
    }
    let own = overrides().for_locale(locale);
    if !own.trim().is_empty()
        && let Ok(resource) = FluentResource::try_new(own.to_string())
    {
        bundle.add_resource_overriding(resource);
    }
    bundle
}

static NL_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| bundle(Locale::Nl));
static EN_BUNDLE: LazyLock<Bundle> = LazyLock::new(|| bundle(Locale::En));

fn bundle_for(locale: Locale) -> &'static Bundle {
    match locale {
        Locale::Nl => &NL_BUNDLE,
        Locale::En => &EN_BUNDLE,
    }
}

/// A placeholder's value.
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u8, u16, u32, u64, i64, i32);

/// A message with its placeholders filled in. A missing message reads as its name (and is logged),
/// so a gap shows on the page instead of breaking it.
pub fn format(locale: Locale, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle_for(locale);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::error!(id, locale = locale.code(), "no such message");
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(*text)),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, (!args.is_empty()).then_some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::error!(id, locale = locale.code(), ?errors, "message did not format cleanly");
    }
    text.into_owned()
}

/// A message without placeholders, made once per language and kept for the life of the process
/// (the typed `Messages` hand out `&'static str`).
pub fn text(locale: Locale, id: &'static str) -> &'static str {
    static MADE: LazyLock<RwLock<HashMap<(Locale, &'static str), &'static str>>> = LazyLock::new(Default::default);
    // Pages read labels often and concurrently: a shared read, and a write only the first time.
    if let Some(text) = MADE.read().unwrap_or_else(|poisoned| poisoned.into_inner()).get(&(locale, id)) {
        return text;
    }
    let mut made = MADE.write().unwrap_or_else(|poisoned| poisoned.into_inner());
    made.entry((locale, id)).or_insert_with(|| Box::leak(format(locale, id, &[]).into_boxed_str()))
}

/// `t!(L, "id")` is the text of a message for the language `L` (a `texts::Lang`); `t!(L, "id", a,
/// b)` fills the placeholders `$a` and `$b` with the variables of those names, and `t!(L, "id", n
/// = expr)` with the value of an expression.
#[macro_export]
macro_rules! t {
    ($l:ty, $id:literal) => {
        $crate::texts::text(<$l as $crate::texts::Lang>::LOCALE, $id)
    };
    ($l:ty, $id:literal, $($name:ident),+ $(,)?) => {
        $crate::texts::format(<$l as $crate::texts::Lang>::LOCALE, $id, &[$((stringify!($name), $crate::texts::Arg::from($name))),+])
    };
    ($l:ty, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::texts::format(<$l as $crate::texts::Lang>::LOCALE, $id, &[$((stringify!($name), $crate::texts::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_in_both_languages_with_the_same_placeholders() {
        let nl = placeholders_of(&default_sources(Locale::Nl));
        let en = placeholders_of(&default_sources(Locale::En));
        let messages =
            |all: &BTreeMap<String, BTreeSet<String>>| all.keys().filter(|id| !id.starts_with('-')).cloned().collect::<BTreeSet<_>>();
        let only_nl: Vec<_> = messages(&nl).difference(&messages(&en)).cloned().collect();
        let only_en: Vec<_> = messages(&en).difference(&messages(&nl)).cloned().collect();
        assert!(only_nl.is_empty(), "only in Dutch: {only_nl:?}");
        assert!(only_en.is_empty(), "only in English: {only_en:?}");
        let differing: Vec<_> =
            messages(&nl).into_iter().filter(|id| nl[id] != en[id]).map(|id| format!("{id}: {:?} / {:?}", nl[&id], en[&id])).collect();
        assert!(differing.is_empty(), "placeholders differ: {differing:?}");
        assert!(nl.len() > 500, "{} messages", nl.len());
    }

    #[test]
    fn the_compiled_in_files_parse_without_errors() {
        for (name, nl, en) in FILES {
            for (language, source) in [("nl", nl), ("en", en)] {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    panic!("{language}/{name}.ftl: {errors:?}");
                }
            }
        }
    }

    /// The names a `t!(L, "id", a, b = expr)` call passes: what follows the id up to the call's
    /// closing parenthesis, split at the commas outside brackets.
    fn passed_names(after_id: &str) -> BTreeSet<String> {
        let (mut depth, mut end) = (0i32, after_id.len());
        for (i, c) in after_id.char_indices() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => {
                    end = i;
                    break;
                }
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            }
        }
        let (mut names, mut piece, mut depth) = (BTreeSet::new(), String::new(), 0i32);
        for c in after_id[..end].chars().chain([',']) {
            match c {
                '(' | '[' | '{' | '<' => depth += 1,
                ')' | ']' | '}' | '>' => depth -= 1,
                ',' if depth == 0 => {
                    let name = piece.split('=').next().unwrap_or_default().trim().to_string();
                    if !name.is_empty() {
                        names.insert(name);
                    }
                    piece.clear();
                    continue;
                }
                _ => {}
            }
            piece.push(c);
        }
        names
    }

    #[test]
    fn every_message_the_code_asks_for_exists_with_the_placeholders_it_fills() {
        let code = [
            include_str!("i18n.rs"),
            include_str!("i18n_councils.rs"),
            include_str!("i18n_workbench.rs"),
            include_str!("i18n_export.rs"),
            include_str!("i18n_outcome.rs"),
            include_str!("i18n_versions.rs"),
            include_str!("i18n_mail.rs"),
        ]
        .concat();
        let nl = placeholders_of(&default_sources(Locale::Nl));
        let mut asked = 0;
        for piece in code.split("t!(L, \"").skip(1) {
            let (id, after) = piece.split_once('"').unwrap_or_default();
            let Some(placeholders) = nl.get(id) else {
                panic!("the code asks for '{id}', which app/texts/ does not have");
            };
            assert_eq!(&passed_names(after), placeholders, "'{id}': the code fills other placeholders than the message has");
            asked += 1;
        }
        assert!(asked > 500, "{asked} messages asked for");
    }

    #[test]
    fn plurals_follow_the_language() {
        assert_eq!(format(Locale::Nl, "count-comments", &[("n", Arg::from(1usize))]), "1 reactie");
        assert_eq!(format(Locale::Nl, "count-comments", &[("n", Arg::from(3usize))]), "3 reacties");
        assert_eq!(format(Locale::En, "count-comments", &[("n", Arg::from(0usize))]), "0 comments");
        assert_eq!(format(Locale::En, "count-comments", &[("n", Arg::from(1usize))]), "1 comment");
        assert_eq!(
            format(Locale::Nl, "field-error-answers-not-approved", &[("open", Arg::from(2usize))]),
            "Nog 2 reacties hebben geen goedgekeurd antwoord. Vaststellen kan pas als alles is goedgekeurd."
        );
        assert_eq!(
            format(Locale::En, "field-error-answers-not-approved", &[("open", Arg::from(1usize))]),
            "1 reaction has no approved answer yet. Adoption needs every answer approved."
        );
    }

    #[test]
    fn a_missing_message_reads_as_its_name() {
        assert_eq!(format(Locale::En, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn overrides_are_checked_against_the_messages() {
        let good = Overrides { nl: "-college = dagelijks bestuur\nsite-name = Inspraak Regio\n".into(), en: String::new() };
        assert_eq!(check_overrides(&good), Ok(()));
        let typo = Overrides { nl: "site-nam = Inspraak Regio\n".into(), en: String::new() };
        assert!(matches!(&check_overrides(&typo).unwrap_err()[..], [TextProblem::UnknownMessage { id, .. }] if id == "site-nam"));
        let placeholder = Overrides { nl: String::new(), en: "count-comments = { $count } comments\n".into() };
        let problems = check_overrides(&placeholder).unwrap_err();
        assert!(
            matches!(&problems[..], [TextProblem::UnknownPlaceholder { variable, known, .. }] if variable == "count" && known == "$n"),
            "{problems:?}"
        );
        assert!(problems[0].to_string().contains("count-comments"));
        let broken = Overrides { nl: "site-name = {\n".into(), en: String::new() };
        assert!(matches!(&check_overrides(&broken).unwrap_err()[..], [TextProblem::Syntax { line: 1, .. }, ..]));
    }
}
