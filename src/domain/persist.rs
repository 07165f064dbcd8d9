//! The stored and exported form of an assessment: a versioned envelope. The same bytes go to
//! localStorage and into a saved file, so one decoder (with its migrations) serves both.
//!
//! Format history:
//! - schema 1: assessment with answers (comments, evidence, targets).
//! - schema 2: adds the action plan (`assessment.actions`).
//! - schema 3: adds evidence items per answer (`answers.*.items`), prioritised improvement areas
//!   (`priorities`), the evaluation date and website checks (`preparation`) and where the
//!   assessment came from (`origin`). All default to empty, so the step from 2 changes nothing
//!   but the number; the number itself keeps older app versions from overwriting the new fields.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::{Assessment, Millis};
use super::error::DecodeError;
use super::json_error;

/// Marks a JSON document as ours.
pub const KIND: &str = "kommunkompass-bedomning";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 3;

/// What is stored and exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// Always [`KIND`].
    pub kind: String,
    /// Schema version of the envelope and assessment.
    pub schema: u32,
    /// Version of the app that wrote it.
    pub app_version: String,
    /// When it was written.
    pub saved_at: Millis,
    /// The assessment itself.
    pub assessment: Assessment,
}

/// Wraps an assessment in the current envelope.
pub fn envelope(assessment: &Assessment, app_version: &str, saved_at: Millis) -> Envelope {
    Envelope {
        kind: KIND.to_string(),
        schema: SCHEMA_VERSION,
        app_version: app_version.to_string(),
        saved_at,
        assessment: assessment.clone(),
    }
}

/// The envelope as written: the same fields as [`Envelope`], borrowing the assessment so that
/// saving never copies it.
#[derive(Serialize)]
struct EnvelopeRef<'a> {
    kind: &'static str,
    schema: u32,
    app_version: &'a str,
    saved_at: Millis,
    assessment: &'a Assessment,
}

impl<'a> EnvelopeRef<'a> {
    fn new(assessment: &'a Assessment, app_version: &'a str, saved_at: Millis) -> Self {
        EnvelopeRef { kind: KIND, schema: SCHEMA_VERSION, app_version, saved_at, assessment }
    }
}

/// Serializes an assessment in the current schema (the exact bytes stored in the browser).
pub fn encode(assessment: &Assessment, app_version: &str, saved_at: Millis) -> String {
    serde_json::to_string(&EnvelopeRef::new(assessment, app_version, saved_at))
        .expect("an assessment always serializes")
}

/// Like [`encode`], indented for a file people may open.
pub fn encode_pretty(assessment: &Assessment, app_version: &str, saved_at: Millis) -> String {
    serde_json::to_string_pretty(&EnvelopeRef::new(assessment, app_version, saved_at))
        .expect("an assessment always serializes")
}

/// The schema number of a stored text, read without decoding the assessment; `None` when the
/// text is not one of ours. Used before overwriting an entry: one written by a newer version of
/// the app (another tab, after an upgrade) must not be replaced by this older copy.
pub fn stored_schema(text: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Head {
        kind: String,
        schema: u64,
    }
    serde_json::from_str::<Head>(text).ok().filter(|h| h.kind == KIND).map(|h| h.schema)
}

/// True when `text` was written by a newer version of the app than this one.
pub fn is_newer_than_this_app(text: &str) -> bool {
    stored_schema(text).is_some_and(|schema| schema > u64::from(SCHEMA_VERSION))
}

/// Reads an envelope of any known schema version, migrating it to the current one.
pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
    // Only the kind and the schema first (the rest is skipped, not built): a file in the current
    // schema is then read once, typed. Opening fifty files into a workshop depends on it.
    #[derive(Deserialize)]
    struct Head {
        kind: Option<Value>,
        schema: Option<Value>,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            DecodeError::Syntax { line: e.line(), column: e.column() }
        } else {
            // Valid JSON, but not an object: not one of ours.
            DecodeError::NotOurs
        }
    })?;
    if head.kind.as_ref().and_then(Value::as_str) != Some(KIND) {
        return Err(DecodeError::NotOurs);
    }
    let schema = head.schema.as_ref().and_then(Value::as_u64).ok_or(DecodeError::NoSchema)?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(DecodeError::TooNew(schema));
    }
    if schema == 0 {
        return Err(DecodeError::NoSchema);
    }
    let shape = |e: serde_json::Error, at_in_file: bool| DecodeError::Shape {
        what: json_error::describe(&e),
        at: if at_in_file { json_error::Position::of(&e) } else { None },
    };
    if schema == u64::from(SCHEMA_VERSION) {
        // Read the text itself, so that a problem is reported where it is in the file.
        return serde_json::from_str(text).map_err(|e| shape(e, true));
    }
    let mut value: Value = serde_json::from_str(text).map_err(|e| shape(e, false))?;
    migrate(&mut value, schema as u32);
    // Typed reading always goes through `from_str` (not `from_value`): one deserializer for
    // every typed read keeps the WebAssembly bundle smaller. Positions in the migrated text do not
    // refer to the file, so they are left out.
    serde_json::from_str(&value.to_string()).map_err(|e| shape(e, false))
}

/// Applies every migration from `from` up to [`SCHEMA_VERSION`], one step at a time.
fn migrate(value: &mut Value, from: u32) {
    for version in from..SCHEMA_VERSION {
        match version {
            1 => v1_to_v2(value),
            // Every field schema 3 adds has an empty default: nothing to rewrite.
            2 => {}
            _ => unreachable!("every older schema has a migration step"),
        }
    }
    value["schema"] = Value::from(SCHEMA_VERSION);
}

/// Schema 1 → 2: the action plan arrives, empty.
fn v1_to_v2(value: &mut Value) {
    if let Some(a) = value.get_mut("assessment").and_then(Value::as_object_mut) {
        a.entry("actions").or_insert_with(|| Value::Array(Vec::new()));
    }
}
