//! Server functions: thin. Each checks who is asking, calls the domain and the store through
//! `backend`, and returns a typed result. The types here travel to the browser.

mod advice;
mod answers;
mod auth;
mod comments;
mod consultations;
mod councils;
mod phases;
mod privacy;
mod users;
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
pub use workbench::*;

use crate::domain::error::FieldErrors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What was typed into a refused form, and why it was refused (for the no-JavaScript path).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    pub values: BTreeMap<String, String>,
    pub errors: FieldErrors,
}

impl FormEcho {
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }
}

/// The query parameter that carries a form echo token back to the page.
pub const ECHO_PARAM: &str = "formulier";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub code: String,
    pub late: bool,
    /// Server-side only: the stored reaction, for the receipt mail.
    #[serde(skip)]
    pub comment_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub slug: String,
    pub sections: usize,
    pub blocks: usize,
    /// What an import from Word left out (pictures, text boxes, comments, ...).
    pub left_out: Vec<crate::domain::document::LeftOut>,
}

/// Fetches what a refused plain form post left behind.
#[leptos::server(endpoint = "formulier")]
pub async fn fetch_form_echo(token: String) -> Result<Option<FormEcho>, crate::domain::error::AppError> {
    use crate::backend::context::{echo_cookie, state};
    Ok(state()?.flash.get(&token, &echo_cookie()))
}
