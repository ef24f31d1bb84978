//! Small interface pieces named after what they show.

pub mod advice_answers;
pub mod advice_editor;
pub mod answer_form;
pub mod comment_form;
pub mod dashboard;
pub mod document;
pub mod errors;
pub mod fields;
pub mod layout;
pub mod letter;
pub mod outcome;
pub mod privacy;
pub mod process;
pub mod report;
pub mod review;
pub mod timeline;
pub mod versions;
