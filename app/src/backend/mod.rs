//! Everything that runs only on the server: the store, sessions and passwords, rate limits, the
//! document importer, and the services that server functions and the command line share.

pub mod advice;
pub mod auth;
pub mod context;
pub mod demo;
pub mod export;
pub mod flash;
pub mod import;
pub mod mail;
pub mod markdown;
pub mod ratelimit;
pub mod security;
pub mod senders;
pub mod services;
pub mod store;
pub mod versions;
pub mod workbench;

pub use context::{AppState, Settings};
