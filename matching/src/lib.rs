//! Matching engine for comments on revised policy documents.
//!
//! A document version is a list of [`Block`]s (paragraphs, list items, table
//! rows, ...). Comments are attached to a block of one version. When the
//! document is revised, [`match_versions`] maps every old block to its
//! successor(s) in the new version, tells what happened to it ([`Change`]) and
//! how sure it is ([`BlockMatch::confidence`]). Mappings below [`CONFIDENT`]
//! are meant to be checked by a person.
//!
//! The method, in order:
//! 1. exact matching on normalised text (unique texts pair up directly);
//! 2. fuzzy matching of the rest on "quote with context" (the old block's
//!    words, plus the text just before and just after it), each scored with a
//!    bounded edit distance, after pruning candidates on shared words;
//! 3. a longest increasing subsequence over the matched pairs, to tell blocks
//!    that kept their place from moved ones, and to match leftovers inside the
//!    gaps between in-place anchors;
//! 4. split and merge detection: an old block covered by several consecutive
//!    new blocks, or several consecutive old blocks covered by one new block.

mod diff;
mod distance;
mod engine;
#[cfg(feature = "markdown")]
pub mod markdown;
mod model;
mod normalize;
pub mod simulate;

pub use diff::{DiffKind, DiffSpan, word_diff};
pub use distance::{bounded_levenshtein, similarity};
pub use engine::match_versions;
pub use model::{Block, BlockKind, BlockMatch, CONFIDENT, Change, Evidence, VersionMapping};
