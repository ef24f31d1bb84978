//! The `inspraak` binary: the web server and the operator's admin commands.

#![recursion_limit = "256"]

use app::backend::demo::{self, DemoLogin};
use app::backend::store::Store;
use app::backend::{AppState, Settings};
use clap::Parser;
use leptos::prelude::*;
use server::cli::{Cli, Command, run_admin};
use server::{ServerOptions, build_router};
use std::net::SocketAddr;
use tracing_subscriber::EnvFilter;

const DEFAULT_DEMO_EMAIL: &str = "beleid@lindeburg.example";
const DEFAULT_DEMO_PASSWORD: &str = "lindeburg-demo-2026";

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .init();
    let cli = Cli::parse();
    let store = match Store::connect(&cli.database_url).await {
        Ok(store) => store,
        Err(error) => {
            eprintln!("Database {} niet bruikbaar: {error}", cli.database_url);
            std::process::exit(1);
        }
    };
    let demo = match cli.command {
        None => std::env::var("INSPRAAK_DEMO").is_ok_and(|v| v == "1" || v == "true"),
        Some(Command::Serve { demo }) => demo,
        Some(command) => std::process::exit(run_admin(&store, command).await),
    };
    if let Err(error) = serve(store, demo).await {
        eprintln!("De server stopte met een fout: {error}");
        std::process::exit(1);
    }
}

async fn serve(store: Store, demo: bool) -> Result<(), Box<dyn std::error::Error>> {
    if demo {
        let email = std::env::var("INSPRAAK_DEMO_EMAIL").unwrap_or_else(|_| DEFAULT_DEMO_EMAIL.into());
        let password = std::env::var("INSPRAAK_DEMO_PASSWORD").unwrap_or_else(|_| DEFAULT_DEMO_PASSWORD.into());
        let loaded = demo::seed(&store, DemoLogin { email: email.clone(), password: password.clone() })
            .await
            .map_err(|e| format!("demo data: {e}"))?;
        println!("Demo {}: log in at /inloggen as {email} with password {password}", if loaded { "loaded" } else { "present" });
    }
    let conf = get_configuration(None)?;
    let mut leptos_options = conf.leptos_options;
    if leptos_options.output_name.is_empty() {
        leptos_options.output_name = "inspraak".into();
    }
    // Outside `cargo leptos watch` there is no reload server: production mode unless asked.
    if std::env::var_os("LEPTOS_ENV").is_none() {
        leptos_options.env = leptos::config::Env::PROD;
    }
    let addr: SocketAddr = leptos_options.site_addr;
    let mut settings = Settings::from_env();
    if demo && settings.organisation.is_empty() {
        // The demo's municipality, on its documents.
        settings.organisation = "Gemeente Lindeburg".into();
    }
    if settings.public_url.is_none() {
        // Links in mail and invites are built from this address alone, never from a request's
        // Host header (which a forged request chooses). The demo runs where it listens.
        if demo || leptos_options.env != leptos::config::Env::PROD {
            settings.public_url = Some(format!("http://{addr}"));
        } else {
            return Err("INSPRAAK_PUBLIC_URL ontbreekt: zet het adres waaronder bewoners de site bereiken, bijvoorbeeld \
                        INSPRAAK_PUBLIC_URL=https://inspraak.lindeburg.nl"
                .into());
        }
    }
    let state = AppState::new(store, &settings);
    // Mail to residents leaves through the outbox, in the background.
    app::backend::mail::spawn_sender(state.store.clone(), state.mailer.clone());
    let options = ServerOptions::from_settings(&settings);
    let router = build_router(state, leptos_options, &options).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    tracing::info!(%bound, "listening");
    println!("Inspraak listening on http://{bound}");
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
