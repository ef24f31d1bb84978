//! The site's script, WebAssembly and stylesheet under a fingerprinted address
//! (`/pkg/{hash}/…`), so that browsers keep them for a year (`immutable`) and still load a new
//! build at once: the hash is of the files' contents, made once at start.

use axum::Router;
use axum::http::{HeaderValue, header};
use leptos::prelude::LeptosOptions;
use sha2::{Digest, Sha256};
use std::path::Path;
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
/// and returns the routes that serve it.
pub fn fingerprinted(options: &mut LeptosOptions) -> Router<LeptosOptions> {
    let pkg_dir = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let hashed = format!("{}/{}", options.site_pkg_dir, fingerprint(&pkg_dir));
    options.site_pkg_dir = hashed.clone().into();
    Router::new().nest_service(
        &format!("/{hashed}"),
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE)))
            .service(ServeDir::new(pkg_dir)),
    )
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
    use super::fingerprint;

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
}
