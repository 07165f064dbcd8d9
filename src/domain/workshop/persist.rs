//! The stored and exported form of a workshop: a versioned envelope like an assessment's, under
//! its own kind, so that a workshop file is never mistaken for a self-assessment and a newer
//! format is refused rather than guessed at.
//!
//! Format history:
//! - schema 1: name, rubric, anonymity, participants (read-only copies of their answers and
//!   priorities), agreed answers with notes.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::super::assessment::{Assessment, Millis, Priorities, Response};
use super::super::error::{DecodeError, ImportError};
use super::super::import::{MAX_NAME_CHARS, check_size, validate_assessment};
use super::super::json_error;
use super::super::persist as assessment_persist;
use super::super::rubric::Rubric;
use super::{MAX_NOTE_CHARS, MAX_PARTICIPANTS, Workshop};

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

/// Why a workshop file could not be opened. Nothing is changed when this is returned.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FileError {
    /// The file cannot be read as a workshop (size, text, JSON, format, rubric version).
    #[error("{0}")]
    Invalid(ImportError),
    /// The file is a participant's self-assessment.
    #[error("filen är en självskattning, inte en workshop")]
    IsAssessment,
    /// One participant's answers are not valid for the rubric.
    #[error("svaren från ”{name}” i filen går inte att använda: {problem}")]
    Participant {
        /// The participant's name.
        name: String,
        /// What is wrong.
        problem: ImportError,
    },
    /// More participants than a workshop holds.
    #[error("workshoppen i filen har fler än {0} deltagare")]
    TooMany(usize),
    /// An agreed answer that the rubric cannot hold.
    #[error("den överenskomna nivån för fråga {0} finns inte i den versionen av kriterierna")]
    BadAgreed(String),
}

impl FileError {
    /// The whole message: what happened, that nothing changed, and what to do.
    pub fn message(&self) -> String {
        let advice = match self {
            FileError::IsAssessment => {
                "Lägg till den som deltagare i en workshop, eller öppna den som självskattning under ”Öppna fil”."
            }
            FileError::Invalid(e) => e.what_to_do().unwrap_or(""),
            _ => "Välj en fil som sparats med ”Spara workshoppen som fil” och som inte har ändrats efteråt.",
        };
        format!("Filen kunde inte öppnas: {self}. Ingenting har ändrats. {advice}").trim_end().to_string()
    }
}

/// Checks a workshop file completely before anything is stored: size, text, format, rubric
/// version, and every participant's answers and every agreed answer as an import would.
pub fn open_file(bytes: &[u8], rubrics: &[Rubric]) -> Result<Workshop, FileError> {
    let invalid = FileError::Invalid;
    check_size(bytes.len() as u64).map_err(|e| invalid(e.into()))?;
    let text = std::str::from_utf8(bytes).map_err(|_| invalid(ImportError::NotText))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let workshop = match decode(text) {
        Ok(w) => w,
        Err(DecodeError::NotOurs) if assessment_persist::stored_schema(text).is_some() => {
            return Err(FileError::IsAssessment);
        }
        Err(e) => return Err(invalid(ImportError::Decode(e))),
    };
    let rubric = rubrics
        .iter()
        .find(|r| r.id == workshop.rubric)
        .ok_or_else(|| invalid(ImportError::UnknownRubric(workshop.rubric.clone())))?;
    if workshop.name.trim().is_empty() {
        return Err(invalid(ImportError::NoName));
    }
    if workshop.name.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(ImportError::TooLong { field: "namnet".into(), max: MAX_NAME_CHARS }));
    }
    if workshop.participants.len() > MAX_PARTICIPANTS {
        return Err(FileError::TooMany(MAX_PARTICIPANTS));
    }
    for p in &workshop.participants {
        // Checked as the self-assessment it was copied from.
        let mut a = Assessment::new(p.assessment.clone(), p.name.clone(), String::new(), workshop.rubric.clone(), 0);
        a.answers = p.answers.clone();
        a.priorities = Priorities { subareas: p.priorities.clone(), changed_at: 0 };
        validate_assessment(&a, rubrics).map_err(|problem| FileError::Participant { name: p.name.clone(), problem })?;
    }
    for (question, agreed) in &workshop.agreed {
        let level_ok = match agreed.response {
            Some(Response::Level(v)) => rubric.scale.level(v).is_some(),
            _ => true,
        };
        if rubric.question(question).is_none() || !level_ok {
            return Err(FileError::BadAgreed(question.clone()));
        }
        if agreed.note.chars().count() > MAX_NOTE_CHARS {
            return Err(invalid(ImportError::TooLong {
                field: format!("motiveringen till fråga {question}"),
                max: MAX_NOTE_CHARS,
            }));
        }
    }
    Ok(workshop)
}
