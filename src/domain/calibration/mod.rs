//! From a self-assessment to the result an external evaluation would likely give.
//!
//! The answer scale keeps its meaning for the team ("Påbörjat" is begun but not in use, and so on)
//! and the raw self-assessment is scored with the scale's own fractions. Beside it, this module
//! translates the same answers into **expected evaluator points**: each level gets the share of a
//! sub-area's maximum that SKR's evaluators gave, on average, to municipalities whose reports
//! describe that level. The shares are fitted by `study` on blind readings of published
//! evaluations and stored in `rubrics/calibration/model.json`; nothing here is a hand-set number.
//! The likely range is the largest error the model made on an evaluation it was not fitted on.

pub mod explain;
pub mod report;
pub mod study;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::assessment::Answer;
use super::rubric::{AREA_MAX, Rubric};
use super::scoring::{Score, score_by};

/// A calibration file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalibrationError {
    /// The JSON does not match the format.
    #[error("filen följer inte formatet för kalibrering: {0}")]
    Syntax(String),
    /// The `format` number is not one this app reads.
    #[error("okänt filformat {0}")]
    UnknownFormat(u32),
    /// The calibration names a rubric version that does not exist.
    #[error("kalibreringen gäller en okänd version av kriterierna ({0})")]
    UnknownRubric(String),
    /// The levels do not match the rubric's scale, or their shares are not rising within 0–1.
    #[error("kalibreringens nivåer stämmer inte med svarsskalan: {0}")]
    Levels(String),
    /// A range that is negative or not a number.
    #[error("kalibreringens intervall är ogiltigt")]
    Range,
}

/// The expected evaluator share for one level of the scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelShare {
    /// The level's value on the scale.
    pub value: u8,
    /// Share of a sub-area's maximum the evaluators gave, on average, where the report describes
    /// this level (0–1).
    pub share: f64,
}

/// How well the model did on evaluations it was not fitted on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldOut {
    /// Largest error in one area, in points (of 100).
    pub max_area_error: f64,
    /// Mean absolute error per area, in points.
    pub mean_area_error: f64,
    /// Largest error in the total, in points (of 800).
    pub max_total_error: f64,
}

/// What the parameters rest on, for the explanation shown to users.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Reference ids of the published evaluations the model was fitted on.
    pub evaluations: Vec<String>,
    /// Number of blind readings of those evaluations.
    pub readings: u32,
    /// Leave-one-evaluation-out errors.
    pub held_out: HeldOut,
}

/// The fitted translation from levels to expected evaluator points (`rubrics/calibration/model.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calibration {
    /// Editor hint pointing at the JSON Schema; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// File format version (1).
    pub format: u32,
    /// The rubric version whose questionnaire was calibrated.
    pub rubric: String,
    /// Which of the compared models was chosen (see `study::Method`).
    pub method: String,
    /// Expected evaluator share per level, in scale order.
    pub levels: Vec<LevelShare>,
    /// Points added to each area's expected result (only when the chosen method fits them).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub area_offsets: BTreeMap<String, f64>,
    /// ± points around an area's expected result (from the held-out errors).
    pub area_range: f64,
    /// ± points around the expected total (from the held-out errors).
    pub total_range: f64,
    /// What the figures rest on.
    pub evidence: Evidence,
}

/// An expected result with its likely range, clamped to what is possible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Expected points.
    pub points: f64,
    /// Lower end of the likely range.
    pub low: f64,
    /// Upper end of the likely range.
    pub high: f64,
}

impl Estimate {
    fn new(points: f64, range: f64, max: f64) -> Estimate {
        Estimate { points, low: (points - range).max(0.0), high: (points + range).min(max) }
    }
}

/// The expected result for one area.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedArea {
    /// Area id.
    pub id: String,
    /// `None` while some applicable sub-area has no graded answer: the estimate was validated on
    /// answers that cover every sub-area, so it is not extrapolated to unanswered ones.
    pub estimate: Option<Estimate>,
    /// Ids of applicable sub-areas that still lack a graded answer.
    pub missing: Vec<String>,
}

/// The expected evaluation result of a whole assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    /// One entry per area, in rubric order.
    pub areas: Vec<ExpectedArea>,
    /// `None` until every area has an estimate.
    pub total: Option<Estimate>,
    /// The expected scores themselves (sub-area points included), for tables and charts.
    pub score: Score,
}

impl Expected {
    /// The expected result of an area by id.
    pub fn area(&self, id: &str) -> Option<&ExpectedArea> {
        self.areas.iter().find(|a| a.id == id)
    }
}

impl Calibration {
    /// Parses a calibration file; check it against its rubric with [`Calibration::validate`].
    pub fn parse(json: &str) -> Result<Calibration, CalibrationError> {
        let c: Calibration = serde_json::from_str(json).map_err(|e| CalibrationError::Syntax(e.to_string()))?;
        if c.format != 1 {
            return Err(CalibrationError::UnknownFormat(c.format));
        }
        Ok(c)
    }

    /// Checks the calibration against the rubric versions it may name.
    pub fn validate(&self, rubrics: &[Rubric]) -> Result<(), CalibrationError> {
        let rubric = rubrics
            .iter()
            .find(|r| r.id == self.rubric)
            .ok_or_else(|| CalibrationError::UnknownRubric(self.rubric.clone()))?;
        let values: Vec<u8> = rubric.scale.levels.iter().map(|l| l.value).collect();
        let ours: Vec<u8> = self.levels.iter().map(|l| l.value).collect();
        if values != ours {
            return Err(CalibrationError::Levels(format!("skalan har {values:?}, kalibreringen {ours:?}")));
        }
        if self.levels.iter().any(|l| !(0.0..=1.0).contains(&l.share)) {
            return Err(CalibrationError::Levels("andelarna måste ligga mellan 0 och 1".into()));
        }
        if self.levels.windows(2).any(|w| w[1].share < w[0].share) {
            return Err(CalibrationError::Levels("en högre nivå får inte ge lägre andel".into()));
        }
        let ranges = [self.area_range, self.total_range];
        if ranges.iter().any(|r| !(r.is_finite() && *r >= 0.0)) {
            return Err(CalibrationError::Range);
        }
        Ok(())
    }

    /// The expected evaluator share for a level value (0 for a value the file does not have,
    /// which validation rules out).
    pub fn share(&self, value: u8) -> f64 {
        self.levels.iter().find(|l| l.value == value).map_or(0.0, |l| l.share)
    }

    /// The model as the study fits and predicts with it.
    pub fn fitted(&self) -> study::Fitted {
        study::Fitted { levels: self.levels.clone(), area_offsets: self.area_offsets.clone() }
    }

    /// The expected evaluation result for `answers` against `rubric`.
    pub fn expected(&self, rubric: &Rubric, answers: &BTreeMap<String, Answer>) -> Expected {
        let score = score_by(rubric, answers, &|level| self.share(level.value));
        let areas: Vec<ExpectedArea> = score
            .areas
            .iter()
            .map(|area| {
                let missing: Vec<String> = area
                    .subareas
                    .iter()
                    .filter(|s| !s.is_not_applicable() && s.points.is_none())
                    .map(|s| s.id.clone())
                    .collect();
                let known = missing.is_empty() && area.applicable_max > 0.0;
                ExpectedArea {
                    id: area.id.clone(),
                    estimate: known.then(|| Estimate::new(area.points, self.area_range, f64::from(AREA_MAX))),
                    missing,
                }
            })
            .collect();
        let total =
            areas.iter().all(|a| a.estimate.is_some()).then(|| Estimate::new(score.total, self.total_range, score.max));
        Expected { areas, total, score }
    }
}
