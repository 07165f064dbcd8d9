//! A rubric version of Kommunkompassen: areas, sub-areas with fixed maxima, questions and the
//! answer scale. The JSON files in `rubrics/` deserialize into these types; [`Rubric::parse`]
//! then checks the invariants that serde cannot (unique ids, maxima per area, a sane scale).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::error::RubricError;

/// Points every area is worth in every version of Kommunkompassen.
pub const AREA_MAX: u32 = 100;

/// One version of the rubric (for example `kk-2022`). The current version embedded in the app is
/// its structure only ([`Rubric::parse_structure`]: every text empty) until its texts are joined
/// ([`Rubric::with_texts`]); scoring, ids and levels are the same either way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Editor hint pointing at the JSON Schema; ignored by the app.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Version of the file format (currently 1).
    pub format: u32,
    /// Stable id such as `kk-2022`.
    pub id: String,
    /// Short Swedish title.
    pub title: String,
    /// When the version applies, in Swedish.
    pub period: String,
    /// Whether this is the version new assessments use by default.
    pub current: bool,
    /// What the version is, in a few sentences.
    pub description: String,
    /// Where the structure was taken from.
    pub source: Source,
    /// The answer scale.
    pub scale: Scale,
    /// The eight areas.
    pub areas: Vec<Area>,
    /// Questions taken out of this version (split, moved or reworded into a new meaning). Their
    /// ids are never reused; answers saved under them are kept and shown beside the questions
    /// that replaced them, but they are not scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<RetiredQuestion>,
}

/// A question that is no longer asked, and what replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetiredQuestion {
    /// The old id, e.g. "1.2.3"; never used again for another question.
    pub id: String,
    /// The sub-area it belonged to.
    pub subarea: String,
    /// The question as it was worded.
    pub text: String,
    /// The questions that ask what it asked (empty only when nothing replaced it).
    pub replaced_by: Vec<String>,
    /// One Swedish sentence for the user: why it was replaced.
    pub note: String,
}

/// Provenance of a piece of rubric or reference data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Human-readable title of the document or page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Alternative to `document` used by reference files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// File name of the source text in the project's seed material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// Web address of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Section of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

impl Source {
    /// One line naming the source, for captions and the report.
    pub fn describe(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(t) = self.document.as_deref().or(self.title.as_deref()) {
            parts.push(t);
        }
        if let Some(s) = self.section.as_deref() {
            parts.push(s);
        }
        if let Some(u) = self.url.as_deref() {
            parts.push(u);
        }
        parts.join(", ")
    }
}

/// The graded answer scale plus the two answers that are never scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Graded levels, lowest first.
    pub levels: Vec<Level>,
    /// Why the fractions are what they are, in Swedish.
    pub rationale: String,
    /// "Vet ej": counts as not yet answered.
    pub dont_know: SpecialAnswer,
    /// "Ej aktuellt": removes the question from the calculation.
    pub not_applicable: SpecialAnswer,
}

impl Scale {
    /// The level with this value, if the scale has it.
    pub fn level(&self, value: u8) -> Option<&Level> {
        self.levels.iter().find(|l| l.value == value)
    }

    /// The highest level.
    pub fn top(&self) -> &Level {
        self.levels.last().expect("a parsed scale has at least two levels")
    }
}

/// One graded level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Stored value (0, 1, 2 …).
    pub value: u8,
    /// Short label, e.g. "Delvis".
    pub label: String,
    /// Share of the sub-area maximum this level earns, 0.0–1.0.
    pub fraction: f64,
    /// What the level means.
    pub description: String,
}

/// Label and description of "Vet ej" or "Ej aktuellt".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialAnswer {
    /// Label shown on the radio button.
    pub label: String,
    /// What choosing it means for the score.
    pub description: String,
}

/// A main area (1–8), worth 100 points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// "1" … "8".
    pub id: String,
    /// Name as published.
    pub name: String,
    /// What the area is about.
    pub description: String,
    /// Sub-areas with their maxima.
    pub subareas: Vec<Subarea>,
}

impl Area {
    /// Sum of the sub-area maxima (100 in a valid rubric).
    pub fn max(&self) -> u32 {
        self.subareas.iter().map(|s| s.max).sum()
    }

    /// All questions of the area in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.subareas.iter().flat_map(|s| s.questions.iter())
    }
}

/// A sub-area such as "3.5 Koncernstyrning" with its fixed maximum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subarea {
    /// "3.5".
    pub id: String,
    /// Name as published.
    pub name: String,
    /// Maximum points.
    pub max: u32,
    /// Optional one-sentence description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Self-assessment questions.
    pub questions: Vec<Question>,
}

/// Kinds of evidence an evaluator uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// Decided documents (policies, plans, reports).
    Styrdokument,
    /// The municipality's website and social media.
    Webbplats,
    /// Interviews with politicians, managers and staff.
    Intervjuer,
}

impl Evidence {
    /// Swedish label.
    pub fn label(self) -> &'static str {
        match self {
            Evidence::Styrdokument => "Styrdokument",
            Evidence::Webbplats => "Webbplats och sociala medier",
            Evidence::Intervjuer => "Intervjuer",
        }
    }
}

/// What full marks looks like and what is often missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    /// What full marks looks like.
    pub full: String,
    /// What evaluators often find missing.
    pub often_missing: String,
}

/// One self-assessment question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// "3.5.2" — stable; answers are stored under it.
    pub id: String,
    /// The question.
    pub text: String,
    /// Guidance for answering; required in the current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Guidance>,
    /// Evidence an evaluator would use.
    pub evidence: Vec<Evidence>,
    /// Relative weight within the sub-area (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Where the question was derived from.
    pub source: Source,
}

impl Question {
    /// The weight, defaulting to 1.
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }
}

impl Rubric {
    /// Parses and validates one rubric file.
    pub fn parse(json: &str) -> Result<Rubric, RubricError> {
        let rubric: Rubric = serde_json::from_str(json).map_err(|e| RubricError::Syntax(e.to_string()))?;
        rubric.validate()?;
        Ok(rubric)
    }

    /// Parses and validates the structure of a rubric whose texts are kept apart (the embedded
    /// current rubric, see `domain::rubric_texts`): everything but the texts is checked, and
    /// [`Rubric::with_texts`] checks the whole once they are joined.
    pub fn parse_structure(json: &str) -> Result<Rubric, RubricError> {
        let rubric: Rubric = serde_json::from_str(json).map_err(|e| RubricError::Syntax(e.to_string()))?;
        rubric.check(false)?;
        Ok(rubric)
    }

    /// Checks everything serde cannot.
    pub fn validate(&self) -> Result<(), RubricError> {
        self.check(true)
    }

    /// Checks everything serde cannot; the texts too when `texts`.
    fn check(&self, texts: bool) -> Result<(), RubricError> {
        if self.format != 1 {
            return Err(RubricError::UnknownFormat(self.format));
        }
        self.validate_scale()?;
        if self.areas.is_empty() {
            return Err(RubricError::Empty(self.id.clone()));
        }
        let mut seen = HashSet::new();
        for area in &self.areas {
            if !seen.insert(area.id.as_str()) {
                return Err(RubricError::DuplicateId(area.id.clone()));
            }
            if area.max() != AREA_MAX {
                return Err(RubricError::AreaMax { area: area.id.clone(), sum: area.max() });
            }
            for sub in &area.subareas {
                if !seen.insert(sub.id.as_str()) {
                    return Err(RubricError::DuplicateId(sub.id.clone()));
                }
                if !is_child(&area.id, &sub.id) {
                    return Err(RubricError::BadId(sub.id.clone()));
                }
                if sub.questions.is_empty() {
                    return Err(RubricError::NoQuestions(sub.id.clone()));
                }
                for q in &sub.questions {
                    if !seen.insert(q.id.as_str()) {
                        return Err(RubricError::DuplicateId(q.id.clone()));
                    }
                    if !is_child(&sub.id, &q.id) {
                        return Err(RubricError::BadId(q.id.clone()));
                    }
                    if !(q.weight() > 0.0 && q.weight().is_finite()) {
                        return Err(RubricError::BadWeight(q.id.clone()));
                    }
                    if q.evidence.is_empty() {
                        return Err(RubricError::NoEvidence(q.id.clone()));
                    }
                    if texts && self.current && q.guidance.is_none() {
                        return Err(RubricError::NoGuidance(q.id.clone()));
                    }
                }
            }
        }
        self.validate_retired(&seen)
    }

    fn validate_retired(&self, live: &HashSet<&str>) -> Result<(), RubricError> {
        let mut seen = HashSet::new();
        for r in &self.retired {
            if live.contains(r.id.as_str()) || !seen.insert(r.id.as_str()) {
                return Err(RubricError::DuplicateId(r.id.clone()));
            }
            if self.subarea(&r.subarea).is_none() || !is_child(&r.subarea, &r.id) {
                return Err(RubricError::BadId(r.id.clone()));
            }
            if let Some(missing) = r.replaced_by.iter().find(|q| self.question(q).is_none()) {
                return Err(RubricError::UnknownReplacement { retired: r.id.clone(), question: missing.clone() });
            }
        }
        Ok(())
    }

    fn validate_scale(&self) -> Result<(), RubricError> {
        let levels = &self.scale.levels;
        if levels.len() < 2 {
            return Err(RubricError::Scale("minst två nivåer krävs".into()));
        }
        for pair in levels.windows(2) {
            if pair[1].value <= pair[0].value || pair[1].fraction < pair[0].fraction {
                return Err(RubricError::Scale("nivåerna måste stå i stigande ordning".into()));
            }
        }
        if levels.iter().any(|l| !(0.0..=1.0).contains(&l.fraction)) {
            return Err(RubricError::Scale("andelarna måste ligga mellan 0 och 1".into()));
        }
        if levels[0].fraction != 0.0 || self.scale.top().fraction != 1.0 {
            return Err(RubricError::Scale("lägsta nivån ska ge 0 och högsta 1".into()));
        }
        Ok(())
    }

    /// Total maximum (800 in a valid rubric).
    pub fn max(&self) -> u32 {
        self.areas.iter().map(Area::max).sum()
    }

    /// Finds an area by id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// Finds a sub-area by id.
    pub fn subarea(&self, id: &str) -> Option<&Subarea> {
        self.areas.iter().flat_map(|a| a.subareas.iter()).find(|s| s.id == id)
    }

    /// Finds a question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        // Ids extend their parents' (checked when the rubric is read): only the sub-area the id
        // names can hold it. Opening many files checks every answer's id, so this stays short.
        let (sub, _) = id.rsplit_once('.')?;
        self.subarea(sub)?.questions.iter().find(|q| q.id == id)
    }

    /// A retired question by id.
    pub fn retired_question(&self, id: &str) -> Option<&RetiredQuestion> {
        self.retired.iter().find(|r| r.id == id)
    }

    /// True when `id` is a question of this version, asked now or retired: an answer saved
    /// under it belongs here and must be kept.
    pub fn knows_question(&self, id: &str) -> bool {
        self.question(id).is_some() || self.retired_question(id).is_some()
    }

    /// The retired questions that `question` (a live id) replaces.
    pub fn replaced_by<'a>(&'a self, question: &'a str) -> impl Iterator<Item = &'a RetiredQuestion> {
        self.retired.iter().filter(move |r| r.replaced_by.iter().any(|q| q == question))
    }

    /// Every question in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.areas.iter().flat_map(Area::questions)
    }
}

/// `child` is `parent` followed by a dot and a positive number, e.g. "3" → "3.5".
pub fn is_child(parent: &str, child: &str) -> bool {
    child
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0'))
}

#[cfg(test)]
mod tests {
    use super::is_child;

    #[test]
    fn child_ids_extend_their_parent() {
        assert!(is_child("3", "3.5"));
        assert!(is_child("3.5", "3.5.12"));
        assert!(!is_child("3", "35"));
        assert!(!is_child("3", "4.1"));
        assert!(!is_child("3.5", "3.5."));
        assert!(!is_child("3.5", "3.5.0"));
    }
}
