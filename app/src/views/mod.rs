//! The types that travel between the server and the browser: what pages show and what server
//! functions answer. Plain data (serde), shared by `api` (which re-exports them for the
//! interface) and `backend` (which fills them), so that the services do not depend on the server
//! functions.

mod advice;
mod auth;
mod comments;
mod consultations;
mod councils;
mod phases;
mod privacy;
mod users;
mod versions;
mod workbench;

pub use advice::*;
pub use auth::*;
pub use comments::*;
pub use consultations::*;
pub use councils::*;
pub use phases::*;
pub use privacy::*;
pub use users::*;
pub use versions::*;
pub use workbench::*;

use crate::domain::error::FieldErrors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The query parameter that carries a form echo token back to the page.
pub const ECHO_PARAM: &str = "formulier";
/// The query parameters of a search for blocks in a point form: the words, and which form asked
/// (`new` or the point's id).
pub const BLOCK_QUERY_PARAM: &str = "alineazoek";
pub const BLOCK_QUERY_FORM_PARAM: &str = "zoekvoor";

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
