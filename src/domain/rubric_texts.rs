//! The current rubric's texts, kept apart from its structure so that the start page loads
//! without them. `build.rs` splits `rubrics/<id>.json`: the structure (ids, names, maxima,
//! weights, evidence kinds, the scale's values, labels and fractions, retired ids and their
//! replacements — everything scoring, the start page's list and opening a file use) is embedded
//! with every text left empty; the texts below are fetched as `rubrics/<id>.texts.json` when a
//! view shows them. [`Rubric::with_texts`] joins them again and refuses texts that do not fit the
//! structure exactly, so that no question is ever shown without its wording.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::error::TextsError;
use super::rubric::{Guidance, Rubric, Source};

/// The texts of one rubric version, keyed by the ids of its structure.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RubricTexts {
    /// The rubric id they belong to, e.g. `kk-2022`.
    pub rubric: String,
    /// The rubric's description.
    pub description: String,
    /// The scale's texts.
    pub scale: ScaleTexts,
    /// Each area's description, by area id.
    pub areas: BTreeMap<String, String>,
    /// The sub-areas' descriptions, by sub-area id (only those that have one).
    pub subareas: BTreeMap<String, String>,
    /// Each question's wording, guidance and source, by question id.
    pub questions: BTreeMap<String, QuestionTexts>,
    /// Each retired question's wording and note, by its id.
    pub retired: BTreeMap<String, RetiredTexts>,
}

/// The scale's texts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleTexts {
    /// Why the fractions are what they are.
    pub rationale: String,
    /// Each level's description, lowest level first.
    pub levels: Vec<String>,
    /// What "Vet ej" means.
    pub dont_know: String,
    /// What "Ej aktuellt" means.
    pub not_applicable: String,
}

/// One question's texts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionTexts {
    /// The question.
    pub text: String,
    /// Guidance for answering.
    #[serde(default)]
    pub guidance: Option<Guidance>,
    /// Where the question was derived from.
    pub source: Source,
}

/// A retired question's texts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetiredTexts {
    /// The question as it was worded.
    pub text: String,
    /// Why it was replaced.
    pub note: String,
}

impl RubricTexts {
    /// Parses a texts file (its fit with the structure is checked by [`Rubric::with_texts`]).
    pub fn parse(json: &str) -> Result<RubricTexts, TextsError> {
        serde_json::from_str(json).map_err(|e| TextsError::Syntax(super::json_error::describe(&e)))
    }
}

/// The first key of `texts` that `known` does not name.
fn unknown<T>(texts: &BTreeMap<String, T>, known: &[String]) -> Result<(), TextsError> {
    match texts.keys().find(|k| !known.contains(k)) {
        Some(id) => Err(TextsError::Unknown(id.clone())),
        None => Ok(()),
    }
}

impl Rubric {
    /// This rubric (a structure, see [`Rubric::parse_structure`]) with `texts` filled in, then
    /// validated whole like a rubric read from its file. Refused when the texts are for another
    /// version, when a question, area, retired question or scale level lacks its text, or when
    /// the texts name an id the structure does not have.
    pub fn with_texts(&self, texts: &RubricTexts) -> Result<Rubric, TextsError> {
        if texts.rubric != self.id {
            return Err(TextsError::OtherVersion { texts: texts.rubric.clone(), rubric: self.id.clone() });
        }
        let mut rubric = self.clone();
        rubric.description.clone_from(&texts.description);
        let scale = &mut rubric.scale;
        if texts.scale.levels.len() != scale.levels.len() {
            return Err(TextsError::Levels { texts: texts.scale.levels.len(), scale: scale.levels.len() });
        }
        for (level, description) in scale.levels.iter_mut().zip(&texts.scale.levels) {
            level.description.clone_from(description);
        }
        scale.rationale.clone_from(&texts.scale.rationale);
        scale.dont_know.description.clone_from(&texts.scale.dont_know);
        scale.not_applicable.description.clone_from(&texts.scale.not_applicable);
        let (mut areas, mut subareas, mut questions) = (Vec::new(), Vec::new(), Vec::new());
        for area in &mut rubric.areas {
            let description = texts.areas.get(&area.id).ok_or_else(|| TextsError::Area(area.id.clone()))?;
            area.description.clone_from(description);
            areas.push(area.id.clone());
            for sub in &mut area.subareas {
                sub.description = texts.subareas.get(&sub.id).cloned();
                subareas.push(sub.id.clone());
                for q in &mut sub.questions {
                    let t = texts.questions.get(&q.id).filter(|t| !t.text.trim().is_empty());
                    let t = t.ok_or_else(|| TextsError::Question(q.id.clone()))?;
                    q.text.clone_from(&t.text);
                    q.guidance.clone_from(&t.guidance);
                    q.source.clone_from(&t.source);
                    questions.push(q.id.clone());
                }
            }
        }
        let mut retired = Vec::new();
        for r in &mut rubric.retired {
            let t = texts.retired.get(&r.id).filter(|t| !t.text.trim().is_empty());
            let t = t.ok_or_else(|| TextsError::Retired(r.id.clone()))?;
            r.text.clone_from(&t.text);
            r.note.clone_from(&t.note);
            retired.push(r.id.clone());
        }
        unknown(&texts.areas, &areas)?;
        unknown(&texts.subareas, &subareas)?;
        unknown(&texts.questions, &questions)?;
        unknown(&texts.retired, &retired)?;
        rubric.validate().map_err(TextsError::Rubric)?;
        Ok(rubric)
    }
}
