//! How [`AppError`] travels as the error of every server function: written as JSON on the server
//! and read back in the browser, so the interface gets the same typed error the server returned.

use crate::domain::error::AppError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// A failure of the transport itself (the request never reached the function, or its answer
    /// could not be read): nothing the user can act on.
    fn from_server_fn_error(_: ServerFnErrorErr) -> Self {
        AppError::Internal
    }
}
