use crate::api::who_am_i;
use crate::platform::{current_locale, use_messages};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_messages();
    let user = Resource::new(|| (), |_| who_am_i());
    view! {
        <a class="skip-link" href="#inhoud">{t.skip_to_content}</a>
        <header class="site-header">
            <div class="wrap header-row">
                <a class="site-name" href="/">
                    <span class="site-title">{t.site_name}</span>
                    <span class="site-tagline">{t.site_tagline}</span>
                </a>
                <nav aria-label=t.nav_label>
                    <ul class="nav-list">
                        <li><a href="/">{t.nav_home}</a></li>
                        <li><a href="/volg">{t.nav_track}</a></li>
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                match user.await {
                                    Ok(Some(user)) if user.role == crate::domain::role::Role::CouncilMember => view! {
                                        <li><a href="/raad">{t.councils.nav_council_area}</a></li>
                                        <li><LogoutButton/></li>
                                    }.into_any(),
                                    Ok(Some(_)) => view! {
                                        <li><a href="/beheer">{t.nav_officer}</a></li>
                                        <li><LogoutButton/></li>
                                    }.into_any(),
                                    _ => view! { <li><a href="/inloggen">{t.nav_login}</a></li> }.into_any(),
                                }
                            })}
                        </Suspense>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
fn LogoutButton() -> impl IntoView {
    let t = use_messages();
    let logout = ServerAction::<crate::api::Logout>::new();
    // A full load afterwards, so that every part of the page forgets the session.
    Effect::new(move |_| {
        if let Some(Ok(())) = logout.value().get() {
            let _ = window().location().set_href("/");
        }
    });
    view! {
        <ActionForm action=logout attr:class="inline-form">
            <button type="submit" class="link-button">{t.nav_logout}</button>
        </ActionForm>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_messages();
    let other = current_locale().other();
    let location = use_location();
    let back = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        let target = if query.is_empty() { path } else { format!("{path}?{query}") };
        format!("/taal/{}?terug={}", other.code(), urlencode(&target))
    };
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <p>{t.footer_privacy}</p>
                <p>
                    <a href=back rel="external nofollow" hreflang=other.code() lang=other.code()>{other.messages().lang_name}</a>
                </p>
            </div>
        </footer>
    }
}

/// Percent-encodes a path for use in a query parameter.
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
