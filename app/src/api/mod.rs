//! Server functions: thin. Each checks who is asking, calls the domain and the store through
//! `backend`, and returns a typed result. The types they answer with are in `views`.

mod advice;
mod answers;
mod auth;
mod comments;
mod consultations;
mod councils;
// `AppError` as the error type of server functions, on the server and in the browser.
mod error;
mod phases;
mod privacy;
// What server functions do with the request itself: server only.
#[cfg(feature = "ssr")]
mod requests;
mod users;
mod versions;
mod workbench;

pub use advice::*;
pub use answers::*;
pub use auth::*;
pub use comments::*;
pub use consultations::*;
pub use councils::*;
pub use phases::*;
pub use privacy::*;
pub use users::*;
pub use versions::*;
pub use workbench::*;
// The types they answer with, where the interface has always found them.
pub use crate::views::*;

/// Fetches what a refused plain form post left behind.
#[leptos::server(endpoint = "formulier")]
pub async fn fetch_form_echo(token: String) -> Result<Option<FormEcho>, crate::domain::error::AppError> {
    use crate::backend::context::{echo_cookie, state};
    Ok(state()?.flash.get(&token, &echo_cookie()))
}
