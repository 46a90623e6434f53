//! Effects: the I/O the reducer asks for. The runner in `ui` executes them and answers with actions.

use crate::core::model::{Anchor, Dialect, Key};

/// Identifies a request so that a late answer to a superseded one can be recognised and dropped.
pub type ReqId = u64;

/// One latest-wins slot per kind of request: a newer request in a slot aborts the older one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    Detect,
    Orgs,
    Calls,
    Call,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Connect, read the server version and detect the schema.
    Detect {
        req: ReqId,
    },
    LoadOrgs {
        req: ReqId,
        dialect: Dialect,
    },
    LoadCalls {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        anchor: Anchor,
        limit: usize,
    },
    LoadCall {
        req: ReqId,
        dialect: Dialect,
        org: Key,
        call: Key,
    },
    Quit,
}

impl Effect {
    pub fn slot(&self) -> Option<Slot> {
        match self {
            Effect::Detect { .. } => Some(Slot::Detect),
            Effect::LoadOrgs { .. } => Some(Slot::Orgs),
            Effect::LoadCalls { .. } => Some(Slot::Calls),
            Effect::LoadCall { .. } => Some(Slot::Call),
            Effect::Quit => None,
        }
    }
}
