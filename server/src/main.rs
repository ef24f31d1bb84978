//! The `inspraak` binary: the web server and the operator's admin commands.

#![recursion_limit = "256"]

use app::backend::demo::{self, DemoLogin};
use app::backend::store::Store;
use app::backend::{AppState, Settings};
use clap::Parser;
use leptos::prelude::*;
use server::cli::{Cli, Command, run_admin};
use server::{ServerOptions, build_router};
use std::future::IntoFuture;
use std::net::SocketAddr;
use std::time::Duration;
use tracing_subscriber::EnvFilter;

const DEFAULT_DEMO_EMAIL: &str = "beleid@lindeburg.example";
const DEFAULT_DEMO_PASSWORD: &str = "lindeburg-demo-2026";

#[tokio::main]
async fn main() {
    let json_logs = init_logging();
    let cli = Cli::parse();
    // A deployment's own wording, before anything is said (pages, mail, the CLI's messages).
    if let Some(dir) = std::env::var_os("INSPRAAK_TEXTS").filter(|d| !d.is_empty()) {
        if let Err(error) = server::texts::use_overrides(std::path::Path::new(&dir)) {
            eprintln!("{error}");
            std::process::exit(1);
        }
        tracing::info!(texts = %std::path::Path::new(&dir).display(), "own wording");
    }
    // Two databases of its own, neither of them DATABASE_URL.
    if let Some(Command::CopyDatabase { from, to }) = &cli.command {
        std::process::exit(server::cli::copy_database(from, to).await);
    }
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
    if let Err(error) = serve(store, demo, json_logs).await {
        eprintln!("De server stopte met een fout: {error}");
        std::process::exit(1);
    }
}

/// Log lines as text, or as one JSON object a line with `INSPRAAK_LOG_FORMAT=json` (for a log
/// collector; the few lines for people then go to standard error). Returns whether JSON.
fn init_logging() -> bool {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let format = std::env::var("INSPRAAK_LOG_FORMAT").unwrap_or_default();
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format.as_str() {
        "json" => {
            builder.json().flatten_event(true).with_current_span(true).with_span_list(false).init();
            true
        }
        "" | "text" => {
            builder.init();
            false
        }
        other => {
            builder.init();
            tracing::warn!(format = other, "INSPRAAK_LOG_FORMAT is json or text; logging text");
            false
        }
    }
}

/// A line for the person who started the server: on standard output, or on standard error when
/// standard output carries JSON log lines.
fn tell(json_logs: bool, line: &str) {
    if json_logs { eprintln!("{line}") } else { println!("{line}") }
}

/// How long requests in flight may take to finish after the signal to stop.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);
/// How long the mail sender may take to finish the message in hand.
const SENDER_GRACE: Duration = Duration::from_secs(10);

/// Resolves on Ctrl-C or SIGTERM (what systemd, Docker and Kubernetes send).
async fn stop_signal() {
    let terminate = async {
        #[cfg(unix)]
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "no SIGTERM handler");
                std::future::pending::<()>().await;
            }
        }
        #[cfg(not(unix))]
        std::future::pending::<()>().await;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

async fn serve(store: Store, demo: bool, json_logs: bool) -> Result<(), Box<dyn std::error::Error>> {
    if demo {
        let email = std::env::var("INSPRAAK_DEMO_EMAIL").unwrap_or_else(|_| DEFAULT_DEMO_EMAIL.into());
        let password = std::env::var("INSPRAAK_DEMO_PASSWORD").unwrap_or_else(|_| DEFAULT_DEMO_PASSWORD.into());
        let loaded = demo::seed(&store, DemoLogin { email: email.clone(), password: password.clone() })
            .await
            .map_err(|e| format!("demo data: {e}"))?;
        tell(
            json_logs,
            &format!("Demo {}: log in at /inloggen as {email} with password {password}", if loaded { "loaded" } else { "present" }),
        );
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
    let sender = app::backend::mail::spawn_sender(state.store.clone(), state.mailer.clone());
    let store = state.store.clone();
    let mut options = ServerOptions::from_settings(&settings);
    options.metrics_token = std::env::var("INSPRAAK_METRICS_TOKEN").ok().filter(|t| !t.trim().is_empty());
    if options.metrics_token.as_ref().is_some_and(|t| t.chars().count() < server::metrics::MIN_TOKEN_CHARS) {
        return Err(format!("INSPRAAK_METRICS_TOKEN is te kort: minstens {} tekens", server::metrics::MIN_TOKEN_CHARS).into());
    }
    if let Some(path) = std::env::var_os("INSPRAAK_THEME").filter(|p| !p.is_empty()) {
        options.theme = Some(server::assets::theme_css(std::path::Path::new(&path))?);
        tracing::info!(theme = %std::path::Path::new(&path).display(), "theme");
    }
    let router = build_router(state, leptos_options, &options).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    tracing::info!(%bound, "listening");
    tell(json_logs, &format!("Inspraak listening on http://{bound}"));
    // On the signal: take no new connections, finish the requests in flight (at most
    // SHUTDOWN_GRACE), let the mail sender finish or give back its lease, close the database.
    let (stopping, mut stop_seen) = tokio::sync::watch::channel(false);
    let server = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(async move {
        stop_signal().await;
        tracing::info!("stopping: finishing the requests in flight");
        let _ = stopping.send(true);
    });
    let deadline = async {
        let _ = stop_seen.wait_for(|stop| *stop).await;
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        served = server.into_future() => served?,
        () = deadline => tracing::warn!(grace_s = SHUTDOWN_GRACE.as_secs(), "requests still running after the grace period; stopping anyway"),
    }
    sender.stop(SENDER_GRACE).await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}
