use crate::components::layout::{SiteFooter, SiteHeader};
use crate::pages::*;
use crate::platform::current_locale;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

/// The HTML document around the app; the language comes from the visitor's choice.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = current_locale();
    // A deployment's own wording for this language (INSPRAAK_TEXTS), for the islands in the
    // browser to say the same as the server; absent when there is none.
    let own_texts = crate::texts::overrides().for_locale(locale);
    let own_texts = (!own_texts.trim().is_empty()).then(|| view! { <meta name="inspraak-texts" content=own_texts/> });
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                // The fingerprinted addresses (see the server's `assets`), cached for good: the
                // theme's design tokens (INSPRAAK_THEME), then the components and layout on them.
                <link rel="stylesheet" href=format!("/{}/theme.css", options.site_pkg_dir)/>
                <link rel="stylesheet" id="leptos" href=format!("/{}/{}.css", options.site_pkg_dir, options.output_name)/>
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                {own_texts}
                <AutoReload options=options.clone()/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = current_locale();
    provide_context(locale);
    let t = locale.messages();
    view! {
        <Title formatter=move |page: String| if page.is_empty() { t.site_name.to_string() } else { format!("{page} - {}", t.site_name) }/>
        <Router>
            <SiteHeader/>
            <main id="inhoud" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/consultaties/:slug") view=ConsultationPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultaties/:slug/versies/:versie") view=ConsultationPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultaties/:slug/versies/:versie/wijzigingen") view=ChangesPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultaties/:slug/reactienota") view=ReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultaties/:slug/resultaat") view=OutcomePage ssr=SsrMode::Async/>
                    <Route path=path!("/volg") view=TrackLookupPage ssr=SsrMode::Async/>
                    <Route path=path!("/volg/kwijt") view=LostCodePage ssr=SsrMode::Async/>
                    <Route path=path!("/volg/:code") view=TrackPage ssr=SsrMode::Async/>
                    <Route path=path!("/bevestigen/:token") view=ConfirmEmailPage ssr=SsrMode::Async/>
                    <Route path=path!("/afmelden/:token") view=UnsubscribePage ssr=SsrMode::Async/>
                    <Route path=path!("/wissen/:token") view=EraseLinkPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/post") view=OutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/inloggen") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer") view=OfficerHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/nieuw") view=NewConsultationPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/consultaties/:slug") view=OfficerConsultationPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/consultaties/:slug/reacties") view=ReactionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/consultaties/:slug/gezamenlijk") view=JointAnswerPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/consultaties/:slug/groepen") view=GroupsPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/consultaties/:slug/logboek") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/consultaties/:slug/na-te-kijken") view=MappingReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/consultaties/:slug/adviezen/:council") view=OfficerAdvicePage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/raden") view=CouncilsPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/gebruikers") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/beheer/raden/:council") view=CouncilPage ssr=SsrMode::Async/>
                    <Route path=path!("/uitnodiging/:token") view=AcceptInvitePage ssr=SsrMode::Async/>
                    <Route path=path!("/raad") view=CouncilHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/raad/:slug") view=AdviceEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultaties/:slug/adviezen") view=LettersPage ssr=SsrMode::Async/>
                    <Route path=path!("/consultaties/:slug/adviezen/:council") view=LetterPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
