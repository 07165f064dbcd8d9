//! The stored and exported form of a workshop: a versioned envelope like an assessment's, under
//! its own kind, so that a workshop file is never mistaken for a self-assessment and a newer
//! format is refused rather than guessed at.
//!
//! Format history:
//! - schema 1: name, rubric, anonymity, participants (read-only copies of their answers and
//!   priorities), agreed answers with notes.

use serde::{Deserialize, Serialize};

use super::super::assessment::Millis;
use super::super::error::DecodeError;
use super::super::json_error;
use super::Workshop;

/// Marks a JSON document as one of our workshops.
pub const KIND: &str = "kommunkompass-workshop";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// What is stored and exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Always [`KIND`].
    pub kind: String,
    /// Schema version.
    pub schema: u32,
    /// Version of the app that wrote it.
    pub app_version: String,
    /// When it was written.
    pub saved_at: Millis,
    /// The workshop.
    pub workshop: Workshop,
}

/// Serializes a workshop in the current schema (`pretty` for a file people may open).
pub fn encode(workshop: &Workshop, app_version: &str, saved_at: Millis, pretty: bool) -> String {
    let envelope = Envelope {
        kind: KIND.into(),
        schema: SCHEMA_VERSION,
        app_version: app_version.into(),
        saved_at,
        workshop: workshop.clone(),
    };
    if pretty { serde_json::to_string_pretty(&envelope) } else { serde_json::to_string(&envelope) }
        .expect("a workshop always serializes")
}

/// Reads a stored or exported workshop.
pub fn decode(text: &str) -> Result<Workshop, DecodeError> {
    #[derive(Deserialize)]
    struct Head {
        kind: Option<String>,
        schema: Option<u64>,
    }
    let head: Head =
        serde_json::from_str(text).map_err(|e| DecodeError::Syntax { line: e.line(), column: e.column() })?;
    if head.kind.as_deref() != Some(KIND) {
        return Err(DecodeError::NotOurs);
    }
    match head.schema {
        None | Some(0) => Err(DecodeError::NoSchema),
        Some(s) if s > u64::from(SCHEMA_VERSION) => Err(DecodeError::TooNew(s)),
        Some(_) => serde_json::from_str::<Envelope>(text)
            .map(|e| e.workshop)
            .map_err(|e| DecodeError::Shape { what: json_error::describe(&e), at: json_error::Position::of(&e) }),
    }
}
