//! The site's script, WebAssembly and stylesheet under a fingerprinted address
//! (`/pkg/{hash}/…`), so that browsers keep them for a year (`immutable`) and still load a new
//! build at once: the hash is of the files' contents, made once at start.

use axum::Router;
use axum::http::{HeaderValue, header};
use leptos::prelude::LeptosOptions;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// A year, and never revalidated: the address changes when the content does.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The fingerprint of the built files in `pkg_dir` (all of them, in name order); the same build
/// gives the same fingerprint on every server.
pub fn fingerprint(pkg_dir: &Path) -> String {
    let mut names: Vec<_> = std::fs::read_dir(pkg_dir)
        .map(|entries| entries.filter_map(Result::ok).filter(|e| e.path().is_file()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    let mut hasher = Sha256::new();
    for path in names {
        hasher.update(path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        hasher.update(std::fs::read(&path).unwrap_or_default());
    }
    hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Points the pages at the fingerprinted address (`options.site_pkg_dir` becomes `pkg/{hash}`)
/// and returns the routes that serve it: the built files, and the theme's tokens as
/// `pkg/{hash}/theme.css` (see [`theme_css`]). The hash covers both, so a new theme is a new address.
pub fn fingerprinted(options: &mut LeptosOptions, theme: Option<Arc<str>>) -> Router<LeptosOptions> {
    let site_root = Path::new(options.site_root.as_ref()).to_path_buf();
    let pkg_dir = site_root.join(options.site_pkg_dir.as_ref());
    let theme = theme.unwrap_or_else(|| default_theme(&site_root));
    let hash = {
        let mut hasher = Sha256::new();
        hasher.update(fingerprint(&pkg_dir));
        hasher.update(theme.as_bytes());
        hasher.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect::<String>()
    };
    let theme_bytes = axum::body::Bytes::copy_from_slice(theme.as_bytes());
    let hashed = format!("{}/{hash}", options.site_pkg_dir);
    options.site_pkg_dir = hashed.clone().into();
    let immutable = || SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    Router::new()
        .route(
            &format!("/{hashed}/theme.css"),
            axum::routing::get(move || {
                // Bytes: each answer shares the one copy.
                let theme = theme_bytes.clone();
                async move { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], theme) }
            })
            .layer(immutable()),
        )
        .nest_service(&format!("/{hashed}"), tower::ServiceBuilder::new().layer(immutable()).service(ServeDir::new(pkg_dir)))
}

/// The largest theme file taken: the design-token sets we know are 80 to 200 kB.
pub const MAX_THEME_BYTES: u64 = 2 * 1024 * 1024;

/// Why a theme file (`INSPRAAK_THEME`) is not taken; the server does not start without it.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("INSPRAAK_THEME: {path} is niet te lezen ({source})")]
    Unreadable { path: String, source: std::io::Error },
    #[error("INSPRAAK_THEME: {path} is groter dan {max} bytes", max = MAX_THEME_BYTES)]
    TooLarge { path: String },
    #[error("INSPRAAK_THEME: {path} laadt iets van buiten de site (@import of url(http…)); een thema zet alleen design tokens")]
    External { path: String },
}

/// Reads a theme: a stylesheet of design tokens, custom properties on `:root` (the token
/// packages' `variables.css` / `root.css`). It may not load anything from elsewhere: the site's
/// Content-Security-Policy would block it, and residents' browsers would ask a third party.
pub fn theme_css(path: &Path) -> Result<Arc<str>, ThemeError> {
    let name = path.display().to_string();
    let unreadable = |source| ThemeError::Unreadable { path: name.clone(), source };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_THEME_BYTES {
        return Err(ThemeError::TooLarge { path: name });
    }
    let css = std::fs::read_to_string(path).map_err(unreadable)?;
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import")
        || lower.contains("url(http")
        || lower.contains("url(\"http")
        || lower.contains("url('http")
        || lower.contains("url(//")
    {
        return Err(ThemeError::External { path: name });
    }
    Ok(css.into())
}

/// The theme built into the site (`themes/default.css`, see style/build.mjs), or none: the
/// stylesheet's own fallbacks then give the look.
fn default_theme(site_root: &Path) -> Arc<str> {
    let path = site_root.join("themes").join("default.css");
    match theme_css(&path) {
        Ok(css) => css,
        Err(error) => {
            tracing::warn!(%error, "no theme: the stylesheet's fallback colours are used");
            Arc::from("")
        }
    }
}

/// The site's icon, in the binary: a speech bubble with lines of text, in the primary colour.
const FAVICON: &str = include_str!("../assets/favicon.svg");
/// A day: the icon may change with a release, and nothing breaks while a browser keeps the old one.
const A_DAY: &str = "public, max-age=86400";

/// `/favicon.svg`, and `/favicon.ico` (what browsers and feed readers ask for by themselves)
/// sent on to it.
pub fn favicon() -> Router<LeptosOptions> {
    use axum::response::{IntoResponse, Redirect};
    Router::new()
        .route(
            "/favicon.svg",
            axum::routing::get(|| async {
                ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, A_DAY)], FAVICON).into_response()
            }),
        )
        .route("/favicon.ico", axum::routing::get(|| async { Redirect::permanent("/favicon.svg") }))
}

#[cfg(test)]
mod tests {
    use super::{MAX_THEME_BYTES, ThemeError, fingerprint, theme_css};

    #[test]
    fn the_fingerprint_changes_with_the_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("inspraak.js"), "a").expect("write");
        let first = fingerprint(dir.path());
        assert_eq!(first, fingerprint(dir.path()), "stable");
        assert_eq!(first.len(), 16);
        std::fs::write(dir.path().join("inspraak.js"), "b").expect("write");
        assert_ne!(first, fingerprint(dir.path()));
    }

    #[test]
    fn a_theme_is_design_tokens_and_loads_nothing_from_elsewhere() {
        let dir = tempfile::tempdir().expect("temp dir");
        let theme = |name: &str, css: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, css).expect("write");
            theme_css(&path)
        };
        let tokens = ":root {\n--utrecht-button-primary-action-background-color: #0f3361;\n}\n";
        assert_eq!(theme("tokens.css", tokens).expect("taken").as_ref(), tokens);
        let data_url = ":root { --icon: url(\"data:image/svg+xml;utf8,<svg/>\"); }";
        assert!(theme("icon.css", data_url).is_ok(), "a data: URL loads nothing");
        for (name, css) in [
            ("import.css", "@import url(theme.css);"),
            ("IMPORT.css", "@IMPORT 'https://cdn.example/t.css';"),
            ("font.css", "@font-face { src: url(https://fonts.example/a.woff2); }"),
            ("quoted.css", ":root { --bg: url(\"http://example.org/a.png\"); }"),
            ("scheme-relative.css", ":root { --bg: url(//example.org/a.png); }"),
        ] {
            assert!(matches!(theme(name, css), Err(ThemeError::External { .. })), "{name} refused");
        }
        let large = "a".repeat(usize::try_from(MAX_THEME_BYTES).expect("fits") + 1);
        assert!(matches!(theme("large.css", &large), Err(ThemeError::TooLarge { .. })));
        let missing = theme_css(&dir.path().join("missing.css")).expect_err("refused");
        assert!(matches!(missing, ThemeError::Unreadable { .. }));
        assert!(missing.to_string().starts_with("INSPRAAK_THEME: "), "the message names the setting: {missing}");
    }
}
