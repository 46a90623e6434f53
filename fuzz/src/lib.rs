//! The fuzzed code and the properties it must keep.
//!
//! The modules are the main crate's own source files, compiled here directly: they depend on nothing but
//! std and unicode-width, and this keeps the instrumented build small. `props` is shared with the stable
//! test `tests/sanitize_props.rs`, which replays the committed corpus on every `cargo nextest run`.

#[path = "../../src/core/sanitize.rs"]
pub mod sanitize;
#[path = "../../src/core/transcript.rs"]
pub mod transcript;

pub mod props;
