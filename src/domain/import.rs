//! Validation of a file a user opens. Everything is checked before anything is stored: size,
//! text encoding, JSON syntax, envelope, rubric version, question ids, level ranges and text
//! lengths. Text is kept as text; the UI never renders it as markup.

use super::assessment::{Assessment, MAX_PRIORITIES, Response};
use super::error::ImportError;
use super::evidence::{ItemError, MAX_ITEMS_PER_QUESTION};
use super::persist::decode;
use super::rubric::Rubric;
use super::timeline::Date;

/// Largest file accepted. A fully answered assessment with long comments is well below this.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// Longest comment or evidence text accepted.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Most actions accepted in one assessment.
pub const MAX_ACTIONS: usize = 1000;
/// Longest name or municipality accepted.
pub const MAX_NAME_CHARS: usize = 200;

/// A file over [`MAX_FILE_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    /// Its size in kB, rounded up.
    pub size_kb: usize,
    /// The cap in kB.
    pub max_kb: usize,
}

/// The one place the size limit is applied to every file the user opens: to the size the
/// browser reports before reading, and to the bytes read.
pub fn check_size(bytes: u64) -> Result<(), TooLarge> {
    if bytes > MAX_FILE_BYTES as u64 {
        let size_kb = usize::try_from(bytes.div_ceil(1024)).unwrap_or(usize::MAX);
        return Err(TooLarge { size_kb, max_kb: MAX_FILE_BYTES / 1024 });
    }
    Ok(())
}

impl From<TooLarge> for ImportError {
    fn from(e: TooLarge) -> Self {
        ImportError::TooLarge { size_kb: e.size_kb, max_kb: e.max_kb }
    }
}

/// Checks a file's bytes and returns the assessment in it.
pub fn validate_import(bytes: &[u8], rubrics: &[Rubric]) -> Result<Assessment, ImportError> {
    check_size(bytes.len() as u64)?;
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let assessment = decode(text)?.assessment;
    validate_assessment(&assessment, rubrics)?;
    Ok(assessment)
}

/// Checks an assessment against the rubric it names.
pub fn validate_assessment(a: &Assessment, rubrics: &[Rubric]) -> Result<(), ImportError> {
    let rubric =
        rubrics.iter().find(|r| r.id == a.rubric).ok_or_else(|| ImportError::UnknownRubric(a.rubric.clone()))?;
    if a.name.trim().is_empty() {
        return Err(ImportError::NoName);
    }
    check_len("namnet", &a.name, MAX_NAME_CHARS)?;
    check_len("kommunens namn", &a.municipality, MAX_NAME_CHARS)?;
    for (id, answer) in &a.answers {
        if !rubric.knows_question(id) {
            return Err(ImportError::UnknownQuestion(id.clone()));
        }
        let levels = answer.target.into_iter().chain(match answer.response {
            Some(Response::Level(v)) => Some(v),
            _ => None,
        });
        for value in levels {
            if rubric.scale.level(value).is_none() {
                return Err(ImportError::LevelOutOfRange { question: id.clone(), value });
            }
        }
        check_len(&format!("kommentaren till fråga {id}"), &answer.comment, MAX_TEXT_CHARS)?;
        check_len(&format!("underlaget till fråga {id}"), &answer.evidence, MAX_TEXT_CHARS)?;
        // Deleted items stay as tombstones so that a deletion merges; only live ones are capped,
        // or a file the app saved after many deletions could not be opened again.
        if answer.live_items().count() > MAX_ITEMS_PER_QUESTION {
            return Err(ImportError::Evidence { question: id.clone(), problem: ItemError::TooMany(id.clone()) });
        }
        for item in &answer.items {
            item.validate().map_err(|problem| ImportError::Evidence { question: id.clone(), problem })?;
        }
    }
    if a.priorities.subareas.len() > MAX_PRIORITIES {
        return Err(ImportError::TooManyPriorities(MAX_PRIORITIES));
    }
    if let Some(s) = a.priorities.subareas.iter().find(|s| rubric.subarea(s).is_none()) {
        return Err(ImportError::UnknownActionTarget(s.clone()));
    }
    let date = &a.preparation.evaluation_date;
    if !date.is_empty() && Date::parse(date).is_none() {
        return Err(ImportError::BadDate(date.chars().take(40).collect()));
    }
    if a.actions.len() > MAX_ACTIONS {
        return Err(ImportError::TooManyActions(MAX_ACTIONS));
    }
    for action in &a.actions {
        if rubric.area(&action.target).is_none() && rubric.subarea(&action.target).is_none() {
            return Err(ImportError::UnknownActionTarget(action.target.clone()));
        }
        for (field, text) in [
            ("åtgärden", &action.what),
            ("ansvarig", &action.who),
            ("klart senast", &action.due),
            ("koppling till mål", &action.goal_link),
        ] {
            check_len(&format!("{field} i handlingsplanen"), text, MAX_TEXT_CHARS)?;
        }
    }
    Ok(())
}

fn check_len(field: &str, text: &str, max: usize) -> Result<(), ImportError> {
    if text.chars().count() > max {
        return Err(ImportError::TooLong { field: field.to_string(), max });
    }
    Ok(())
}
