//! Small interface pieces named after what they show.

pub mod answer_form;
pub mod comment_form;
pub mod document;
pub mod errors;
pub mod fields;
pub mod layout;
pub mod report;
