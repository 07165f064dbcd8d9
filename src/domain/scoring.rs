//! The scoring rule. A sub-area earns `max × weighted mean of level fractions` over its answered,
//! applicable questions; an area is the sum of its sub-areas; the total is out of 800. "Vet ej"
//! counts as unanswered and "Ej aktuellt" removes a question, so neither is ever a silent zero.
//! Every score comes with its completeness (answered / applicable).
//!
//! A sub-area whose every question is "Ej aktuellt" (for example 3.5 Koncernstyrning in a
//! municipality without companies) is left out of its area, and the area is scaled over the maxima
//! that do apply: 3.1–3.4 are worth 85 points, so their points are multiplied by 100 / 85. An
//! area therefore stays comparable with the published results (out of 100) and "Ej aktuellt"
//! never costs points.

use std::collections::BTreeMap;

use super::assessment::{Answer, Response};
use super::rubric::{AREA_MAX, Area, Level, Rubric, Scale, Subarea};

/// How much of a part has been answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Completeness {
    /// Questions with a graded level.
    pub answered: usize,
    /// Questions not marked "Ej aktuellt".
    pub applicable: usize,
    /// All questions.
    pub total: usize,
}

impl Completeness {
    /// Share answered of applicable, 0.0–1.0 (1.0 when nothing is applicable).
    pub fn ratio(&self) -> f64 {
        if self.applicable == 0 { 1.0 } else { self.answered as f64 / self.applicable as f64 }
    }

    /// Every applicable question answered.
    pub fn is_complete(&self) -> bool {
        self.answered == self.applicable
    }

    /// Whole percent, rounded down so that 99.6 % never shows as 100 %.
    pub fn percent(&self) -> u32 {
        (self.ratio() * 100.0).floor() as u32
    }

    fn add(&mut self, other: Completeness) {
        self.answered += other.answered;
        self.applicable += other.applicable;
        self.total += other.total;
    }
}

/// Score of one sub-area.
#[derive(Debug, Clone, PartialEq)]
pub struct SubareaScore {
    /// Sub-area id.
    pub id: String,
    /// Maximum points.
    pub max: f64,
    /// Points earned; `None` until at least one applicable question is answered.
    pub points: Option<f64>,
    /// Points the targets would give; `None` when no target and no answer exists.
    pub target: Option<f64>,
    /// Answered / applicable.
    pub completeness: Completeness,
}

impl SubareaScore {
    /// Every question is "Ej aktuellt": the sub-area is left out of its area.
    pub fn is_not_applicable(&self) -> bool {
        self.completeness.total > 0 && self.completeness.applicable == 0
    }

    /// Points as a share of the maximum.
    pub fn share(&self) -> Option<f64> {
        self.points.map(|p| p / self.max)
    }
}

/// Score of one area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaScore {
    /// Area id.
    pub id: String,
    /// Sum of the sub-areas that have points, scaled to 100 when sub-areas are "Ej aktuellt"
    /// (see [`AreaScore::scale`]).
    pub points: f64,
    /// Sum of the sub-area targets that exist, scaled like `points`.
    pub target: Option<f64>,
    /// Sum of the maxima of the sub-areas that apply (100 unless some are "Ej aktuellt").
    pub applicable_max: f64,
    /// Answered / applicable over the area.
    pub completeness: Completeness,
    /// The sub-areas.
    pub subareas: Vec<SubareaScore>,
}

/// Score of a whole assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Sum of the areas, out of `max`.
    pub total: f64,
    /// Sum of area targets.
    pub target: Option<f64>,
    /// The rubric's maximum (800).
    pub max: f64,
    /// Answered / applicable over everything.
    pub completeness: Completeness,
    /// The areas in rubric order.
    pub areas: Vec<AreaScore>,
}

impl AreaScore {
    /// Factor the sub-area points are multiplied by: 100 / the applicable maxima (1 when every
    /// sub-area applies; 0 when none does).
    pub fn scale(&self) -> f64 {
        scale_over(f64::from(AREA_MAX), self.applicable_max)
    }

    /// Sub-areas left out because every question in them is "Ej aktuellt".
    pub fn not_applicable(&self) -> impl Iterator<Item = &SubareaScore> {
        self.subareas.iter().filter(|s| s.is_not_applicable())
    }
}

impl Score {
    /// The score of an area by id.
    pub fn area(&self, id: &str) -> Option<&AreaScore> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The score of a sub-area by id.
    pub fn subarea(&self, id: &str) -> Option<&SubareaScore> {
        self.areas.iter().flat_map(|a| a.subareas.iter()).find(|s| s.id == id)
    }
}

/// Scores `answers` (by question id) against `rubric` with the scale's own fractions.
pub fn score(rubric: &Rubric, answers: &BTreeMap<String, Answer>) -> Score {
    score_by(rubric, answers, &|level| level.fraction)
}

/// Scores with `share` giving each level's share of a sub-area's maximum instead of the scale's
/// fraction (the calibration's translation to expected evaluator points). Everything else —
/// weights, "Vet ej", "Ej aktuellt", targets, completeness — works exactly as in [`score`].
pub fn score_by(rubric: &Rubric, answers: &BTreeMap<String, Answer>, share: &dyn Fn(&Level) -> f64) -> Score {
    let areas: Vec<AreaScore> = rubric.areas.iter().map(|a| score_area(a, &rubric.scale, answers, share)).collect();
    let mut completeness = Completeness::default();
    for a in &areas {
        completeness.add(a.completeness);
    }
    // An area where nothing applies is left out of the total the same way.
    let max = f64::from(rubric.max());
    let applicable = f64::from(AREA_MAX) * areas.iter().filter(|a| a.applicable_max > 0.0).count() as f64;
    let scale = scale_over(max, applicable);
    Score {
        total: scale * areas.iter().map(|a| a.points).sum::<f64>(),
        target: sum_some(areas.iter().map(|a| a.target)).map(|t| scale * t),
        max,
        completeness,
        areas,
    }
}

fn score_area(
    area: &Area,
    scale: &Scale,
    answers: &BTreeMap<String, Answer>,
    share: &dyn Fn(&Level) -> f64,
) -> AreaScore {
    let subareas: Vec<SubareaScore> = area.subareas.iter().map(|s| score_subarea(s, scale, answers, share)).collect();
    let mut completeness = Completeness::default();
    for s in &subareas {
        completeness.add(s.completeness);
    }
    let applicable_max: f64 = subareas.iter().filter(|s| !s.is_not_applicable()).map(|s| s.max).sum();
    let scale = scale_over(f64::from(AREA_MAX), applicable_max);
    AreaScore {
        id: area.id.clone(),
        points: scale * subareas.iter().filter_map(|s| s.points).sum::<f64>(),
        target: sum_some(subareas.iter().map(|s| s.target)).map(|t| scale * t),
        applicable_max,
        completeness,
        subareas,
    }
}

/// Accumulates `weight × fraction` and `weight`.
#[derive(Default)]
struct WeightedMean {
    sum: f64,
    weight: f64,
}

impl WeightedMean {
    fn push(&mut self, fraction: f64, weight: f64) {
        self.sum += fraction * weight;
        self.weight += weight;
    }

    fn of(&self, max: f64) -> Option<f64> {
        (self.weight > 0.0).then(|| max * self.sum / self.weight)
    }
}

fn score_subarea(
    sub: &Subarea,
    scale: &Scale,
    answers: &BTreeMap<String, Answer>,
    share: &dyn Fn(&Level) -> f64,
) -> SubareaScore {
    let mut achieved = WeightedMean::default();
    let mut target = WeightedMean::default();
    let mut completeness = Completeness { total: sub.questions.len(), ..Completeness::default() };
    for q in &sub.questions {
        let answer = answers.get(&q.id);
        let response = answer.and_then(|a| a.response);
        if response == Some(Response::NotApplicable) {
            continue;
        }
        completeness.applicable += 1;
        let level = match response {
            Some(Response::Level(v)) => scale.level(v),
            _ => None,
        };
        if let Some(level) = level {
            completeness.answered += 1;
            achieved.push(share(level), q.weight());
        }
        // A question's target is its own target level, else its current level.
        let aim = answer.and_then(|a| a.target).and_then(|v| scale.level(v)).or(level);
        if let Some(aim) = aim {
            target.push(share(aim), q.weight());
        }
    }
    let max = f64::from(sub.max);
    SubareaScore { id: sub.id.clone(), max, points: achieved.of(max), target: target.of(max), completeness }
}

/// `full / applicable`, or 0 when nothing applies.
fn scale_over(full: f64, applicable: f64) -> f64 {
    if applicable > 0.0 { full / applicable } else { 0.0 }
}

fn sum_some(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    values.fold(None, |acc, v| match (acc, v) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
    })
}
