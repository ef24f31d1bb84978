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

/// A multipart form post with one file: the text fields, the file's name (lower case) and its
/// bytes, read one byte past the upload limit (enough to say the file is too large).
#[cfg(feature = "ssr")]
pub(crate) async fn read_multipart(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<(BTreeMap<String, String>, String, Vec<u8>), crate::domain::error::AppError> {
    use crate::backend::context::internal;
    use crate::backend::import::MAX_UPLOAD_FILE_BYTES;
    let mut multipart = data.into_inner().ok_or(crate::domain::error::AppError::Internal)?;
    let (mut texts, mut file_name, mut bytes) = (BTreeMap::new(), String::new(), Vec::new());
    while let Some(mut field) = multipart.next_field().await.map_err(internal)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            file_name = field.file_name().unwrap_or_default().to_lowercase();
            while let Some(chunk) = field.chunk().await.map_err(internal)? {
                if bytes.len() <= MAX_UPLOAD_FILE_BYTES {
                    bytes.extend_from_slice(&chunk);
                }
            }
            continue;
        }
        texts.insert(name, field.text().await.map_err(internal)?);
    }
    Ok((texts, file_name, bytes))
}

/// Fetches what a refused plain form post left behind.
#[leptos::server(endpoint = "formulier")]
pub async fn fetch_form_echo(token: String) -> Result<Option<FormEcho>, crate::domain::error::AppError> {
    use crate::backend::context::{echo_cookie, state};
    Ok(state()?.flash.get(&token, &echo_cookie()))
}
