//! Response rules that keep the browser on our side: the Content-Security-Policy for pages (a
//! fresh nonce per response for Leptos' inline scripts), for plain documents, and for everything
//! else; and where a "back to" link may send the visitor.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Directives every response shares: no plugins, no `<base>` tricks, no framing, forms only to us.
const COMMON: &str = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The policy of an app page. Scripts only from this site or with this response's nonce (the
/// hydration script and the resources' data); the WebAssembly module needs `wasm-unsafe-eval`
/// to be compiled, which allows no JavaScript `eval`. Styles from this site, or inline with the
/// nonce (the nota's running header).
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self' 'nonce-{nonce}'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; {COMMON}"
    )
}

/// The policy of an app page served many times from the render cache: the same as
/// [`page_csp`], but its inline scripts and styles are named by hash, since a nonce must not be
/// reused across responses.
pub fn cached_page_csp(html: &str) -> String {
    let hashes = |tag: &str| -> String {
        inline_elements(html, tag)
            .into_iter()
            .filter(|text| !text.is_empty())
            .map(|text| format!(" 'sha256-{}'", sha256_base64(text)))
            .collect()
    };
    format!(
        "default-src 'self'; script-src 'self'{} 'wasm-unsafe-eval'; style-src 'self'{}; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; {COMMON}",
        hashes("script"),
        hashes("style")
    )
}

/// The policy of a plain HTML document we generate (the nota's print version): no scripts at
/// all, and inline styles only with the exact text it carries (by hash).
pub fn document_csp(html: &str) -> String {
    let hashes: Vec<String> = inline_elements(html, "style").into_iter().map(|css| format!("'sha256-{}'", sha256_base64(css))).collect();
    format!("default-src 'none'; style-src 'self' {}; img-src 'self' data:; {COMMON}", hashes.join(" "))
}

/// Everything else (JSON, downloads, static files): nothing may run or be embedded.
pub const DEFAULT_CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// HSTS, sent when the site is served over https: a year, subdomains included.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The text of every `<tag …>…</tag>` element, attributes or not.
fn inline_elements<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    html.split(open.as_str())
        .skip(1)
        .filter(|rest| rest.starts_with(['>', ' ', '\n', '\t']))
        .filter_map(|rest| rest.split_once('>').and_then(|(_, body)| body.split_once(close.as_str())).map(|(text, _)| text))
        .collect()
}

fn sha256_base64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The path a "back to" parameter may send the visitor to: only a path on this site. After
/// percent-decoding, and with the tabs and newlines browsers strip from URLs removed, it must
/// start with one `/` followed by neither `/` nor `\` (which browsers read as another host).
pub fn safe_return_path(raw: &str) -> Option<String> {
    let decoded: String =
        form_urlencoded::parse(format!("x={}", raw.replace('+', "%2B")).as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default();
    if decoded.chars().any(|c| c.is_control()) {
        return None;
    }
    let mut chars = decoded.chars();
    match (chars.next(), chars.next()) {
        (Some('/'), None) => Some(decoded),
        (Some('/'), Some(second)) if second != '/' && second != '\\' => Some(decoded),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_return_path_stays_on_this_site() {
        assert_eq!(safe_return_path("/consultaties/visie?deel=2#h3").as_deref(), Some("/consultaties/visie?deel=2#h3"));
        assert_eq!(safe_return_path("/").as_deref(), Some("/"));
        for evil in [
            "//evil.example",
            "/\\evil.example",
            "/%09/evil.example",
            "/\t/evil.example",
            "/%0a/evil.example",
            "%2F%2Fevil.example",
            "/%2Fevil.example",
            "/%5Cevil.example",
            "https://evil.example",
            "evil.example",
            "",
            "javascript:alert(1)",
        ] {
            assert_eq!(safe_return_path(evil), None, "{evil}");
        }
    }

    #[test]
    fn cached_pages_name_their_inline_scripts_by_hash() {
        let html = r#"<head><script type="module" nonce="n1">start()</script><script src="/pkg/a.js"></script><style nonce="n1">p{}</style></head><p>&lt;script&gt;</p>"#;
        let csp = cached_page_csp(html);
        assert!(csp.contains(&format!("script-src 'self' 'sha256-{}' 'wasm-unsafe-eval'", sha256_base64("start()"))), "{csp}");
        assert!(csp.contains(&format!("style-src 'self' 'sha256-{}';", sha256_base64("p{}"))), "{csp}");
        assert!(!csp.contains("nonce"));
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(cached_page_csp("<p>geen scripts</p>").matches("sha256").count(), 0);
    }

    #[test]
    fn pages_allow_scripts_only_with_their_nonce() {
        let csp = page_csp("abc123");
        assert!(csp.contains("script-src 'self' 'nonce-abc123'"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"));
    }

    #[test]
    fn a_document_allows_exactly_its_own_inline_style() {
        let html = "<html><head><style>@page { margin: 2cm }</style></head><body>x</body></html>";
        let csp = document_csp(html);
        assert!(csp.contains(&format!("'sha256-{}'", sha256_base64("@page { margin: 2cm }"))));
        assert!(csp.starts_with("default-src 'none'"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("script-src"));
    }
}
