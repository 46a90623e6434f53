//! The data layer: sqlx only. Every query the views need, per dialect, behind [`Source`].
//!
//! Every read runs in an explicit `BEGIN READ ONLY` transaction with a local statement timeout, and every
//! statement is unnamed (not cached as a prepared statement), which is what survives transaction-mode
//! poolers (PgBouncer, Supabase's 6543).

pub mod catalog;
pub mod detect;
pub mod dialects;
pub mod error;
pub mod health;
pub mod indexes;
pub mod pool;
pub mod source;
pub mod sqlt;
pub mod tx;
pub mod verify;

pub use pool::DbOptions;
pub use source::Source;
