//! Types and rules of inspraak, free of web framework, database and interface text: what a comment
//! is, which answer statuses exist, when the comment period is open, who may do what, and how the
//! response document is assembled. Turning these values into words is `render`'s work; nothing
//! here depends on it or on the layers above. Everything here is unit-tested on its own.

pub mod advice;
pub mod answer;
pub mod block_search;
pub mod comment;
pub mod consultation;
pub mod council;
pub mod document;
pub mod error;
pub mod export;
pub mod grouping;
pub mod label;
pub mod mail;
pub mod open_data;
pub mod outcome;
pub mod phase;
pub mod report;
pub mod review;
pub mod role;
pub mod status;
pub mod tracking;
pub mod versions;
pub mod workbench;
