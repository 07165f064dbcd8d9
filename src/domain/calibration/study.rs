//! The calibration study: blind readings of published evaluations, the official figures they are
//! compared with, the candidate models, the fit and the leave-one-evaluation-out validation.
//!
//! A **reading** is the questionnaire answered by a reader who saw only a report with every point
//! figure removed (`rubrics/calibration/readings/`). A reading's answers are scored with a
//! candidate model and compared with the evaluators' published figures for that report:
//! sub-area by sub-area where the versions correspond (the fit), area by area (the validation).
//! Pure functions; `examples/calibrate.rs` prints the results and writes `model.json`, and the
//! native tests recompute them from the stored files.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::super::assessment::{Answer, Response};
use super::super::mapping::Mappings;
use super::super::reference::Reference;
use super::super::rubric::{AREA_MAX, Rubric};
use super::super::scoring::score_by;
use super::{Calibration, Evidence, HeldOut, LevelShare};

/// A reading or a report that cannot be used in the study.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StudyError {
    /// The JSON does not match the reading format.
    #[error("reading: {0}")]
    Syntax(String),
    /// The reading answers another questionnaire than the calibrated one.
    #[error("reading {reader} answers {rubric}, not {expected}")]
    WrongRubric {
        /// Reader id.
        reader: String,
        /// The rubric it names.
        rubric: String,
        /// The calibrated rubric.
        expected: String,
    },
    /// A question of the questionnaire is not answered, or an id is not a question.
    #[error("reading {reader}: question {question} {problem}")]
    Question {
        /// Reader id.
        reader: String,
        /// Question id.
        question: String,
        /// What is wrong.
        problem: &'static str,
    },
    /// The report's official figures cannot be laid on the calibrated rubric.
    #[error("report {0}: no area figures, or no mapping onto the calibrated rubric")]
    Unmappable(String),
    /// Leave-one-out needs at least two evaluations on the current area division.
    #[error("at least two reports on the current area division are needed, found {0}")]
    TooFewReports(usize),
    /// A reading names a report that is not among the references.
    #[error("reading {reader} names an unknown report {report}")]
    UnknownReport {
        /// Reader id.
        reader: String,
        /// The unknown reference id.
        report: String,
    },
}

/// What a reader chose for one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Choice {
    /// A level of the scale.
    Level(u8),
    /// "vet_ej" or "ej_aktuellt".
    Special(Special),
}

/// The two answers that are not levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Special {
    /// The report says nothing that answers the question.
    VetEj,
    /// The question cannot apply to the municipality.
    EjAktuellt,
}

/// One answer of a reading, with the reader's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingAnswer {
    /// The choice.
    pub answer: Choice,
    /// One line: what in the report supports it.
    pub reason: String,
}

/// One blind reading of one report (`rubrics/calibration/readings/<report>-<reader>.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// Editor hint; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// File format (1).
    pub format: u32,
    /// Reference id of the evaluation read, e.g. `alingsas-2022`.
    pub report: String,
    /// Reader id, unique per report.
    pub reader: String,
    /// The rubric whose questionnaire was answered.
    pub rubric: String,
    /// SHA-256 of the questionnaire text the reader saw.
    pub questionnaire_sha256: String,
    /// SHA-256 of the redacted report text the reader saw.
    pub text_sha256: String,
    /// Answers by question id.
    pub answers: BTreeMap<String, ReadingAnswer>,
}

impl Reading {
    /// Parses a reading and checks it answers every question of `rubric` and nothing else.
    pub fn parse(json: &str, rubric: &Rubric) -> Result<Reading, StudyError> {
        let r: Reading = serde_json::from_str(json).map_err(|e| StudyError::Syntax(e.to_string()))?;
        if r.rubric != rubric.id {
            return Err(StudyError::WrongRubric { reader: r.reader, rubric: r.rubric, expected: rubric.id.clone() });
        }
        let problem = |question: &str, problem| StudyError::Question {
            reader: r.reader.clone(),
            question: question.to_string(),
            problem,
        };
        for q in rubric.questions() {
            let a = r.answers.get(&q.id).ok_or_else(|| problem(&q.id, "is not answered"))?;
            if a.reason.trim().is_empty() {
                return Err(problem(&q.id, "has no reason"));
            }
            if let Choice::Level(v) = a.answer
                && rubric.scale.level(v).is_none()
            {
                return Err(problem(&q.id, "has a level outside the scale"));
            }
        }
        if let Some(extra) = r.answers.keys().find(|id| rubric.question(id).is_none()) {
            return Err(problem(extra, "is not a question of the questionnaire"));
        }
        Ok(r)
    }

    /// The answers as the app stores them, ready for scoring.
    pub fn answers(&self) -> BTreeMap<String, Answer> {
        self.answers
            .iter()
            .map(|(id, a)| {
                let response = match a.answer {
                    Choice::Level(v) => Response::Level(v),
                    Choice::Special(Special::VetEj) => Response::DontKnow,
                    Choice::Special(Special::EjAktuellt) => Response::NotApplicable,
                };
                (id.clone(), Answer { response: Some(response), ..Answer::default() })
            })
            .collect()
    }
}

/// Sub-areas of the calibrated rubric whose evaluator share is known from a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Sub-area ids on the calibrated rubric.
    pub subareas: Vec<String>,
    /// The evaluators' points over the corresponding maxima (0–1).
    pub share: f64,
}

/// A report's official figures laid on the calibrated rubric.
#[derive(Debug, Clone, PartialEq)]
pub struct Official {
    /// Reference id.
    pub report: String,
    /// Area points (of 100) by area id of the calibrated rubric.
    pub areas: BTreeMap<String, f64>,
    /// Groups for the fit: single sub-areas when the versions correspond, whole areas otherwise.
    pub groups: Vec<Group>,
    /// The area mapping is only approximate (an older area division).
    pub approximate: bool,
}

/// Lays `reference`'s published figures on `rubric` (the calibrated version).
pub fn official(
    reference: &Reference,
    rubric: &Rubric,
    rubrics: &[Rubric],
    mappings: &Mappings,
) -> Result<Official, StudyError> {
    let fail = || StudyError::Unmappable(reference.id.clone());
    let areas = mappings.areas_on(reference, &rubric.id).ok_or_else(fail)?;
    let source = rubrics.iter().find(|r| r.id == reference.rubric).ok_or_else(fail)?;
    let subareas = reference.subareas.as_ref();
    let mut groups = Vec::new();
    if reference.rubric == rubric.id {
        for s in rubric.areas.iter().flat_map(|a| &a.subareas) {
            if let Some(points) = subareas.and_then(|m| m.get(&s.id)) {
                groups.push(Group { subareas: vec![s.id.clone()], share: points / f64::from(s.max) });
            }
        }
    } else if let (Some(points), Some(mapping)) =
        (subareas, mappings.subareas.iter().find(|m| m.from == reference.rubric && m.to == rubric.id))
    {
        for pair in &mapping.pairs {
            let got: Option<f64> = pair.from.iter().map(|id| points.get(id)).sum();
            let max: Option<u32> = pair.from.iter().map(|id| source.subarea(id).map(|s| s.max)).sum();
            if let (Some(got), Some(max)) = (got, max) {
                groups.push(Group { subareas: pair.to.clone(), share: got / f64::from(max) });
            }
        }
    } else {
        for area in &rubric.areas {
            if let Some(points) = areas.values.get(&area.id) {
                let ids = area.subareas.iter().map(|s| s.id.clone()).collect();
                groups.push(Group { subareas: ids, share: points / f64::from(AREA_MAX) });
            }
        }
    }
    Ok(Official { report: reference.id.clone(), areas: areas.values, groups, approximate: areas.approximate })
}

/// The models compared. Each gives every level an expected evaluator share; they differ in how
/// many numbers are fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// No fit: the scale's own fractions (what the raw self-assessment shows).
    Scale,
    /// Two numbers: share = a + b × the level's fraction on the scale.
    Affine,
    /// One number per level, rising with the level.
    PerLevel,
    /// One number per level as `PerLevel`, plus one offset per area: the training readings'
    /// mean area error, so that an area the questionnaire systematically under- or overrates is
    /// corrected.
    PerLevelAreaOffsets,
}

impl Method {
    /// All candidates, simplest first (a tie goes to the simpler).
    pub const ALL: [Method; 4] = [Method::Scale, Method::Affine, Method::PerLevel, Method::PerLevelAreaOffsets];

    /// Name used in `model.json` and the printed table.
    pub fn name(self) -> &'static str {
        match self {
            Method::Scale => "scale",
            Method::Affine => "affine",
            Method::PerLevel => "per_level",
            Method::PerLevelAreaOffsets => "per_level_area_offsets",
        }
    }
}

/// One fitting sample: how a reading spread its answers over the levels in a group, and the
/// evaluators' share for that group.
#[derive(Debug, Clone, PartialEq)]
struct Sample {
    /// Per level (scale order): the weight of that level in the group's predicted share.
    mix: Vec<f64>,
    /// The evaluators' share.
    share: f64,
    /// The group's maximum on the calibrated rubric (points), so the fit minimises point errors.
    max: f64,
}

/// Builds the samples of one reading: for each group, the mix of levels that the expected share
/// is linear in.
fn samples(rubric: &Rubric, reading: &Reading, official: &Official) -> Vec<Sample> {
    let answers = reading.answers();
    let n = rubric.scale.levels.len();
    // Score once per level with an indicator share: the sub-area's "points" are then exactly the
    // max-weighted mix of that level, with every rule of the scoring (weights, Vet ej, Ej aktuellt).
    let per_level: Vec<_> = (0..n)
        .map(|i| {
            let value = rubric.scale.levels[i].value;
            score_by(rubric, &answers, &|l| if l.value == value { 1.0 } else { 0.0 })
        })
        .collect();
    official
        .groups
        .iter()
        .filter_map(|g| {
            let subs: Vec<_> =
                g.subareas.iter().filter_map(|id| per_level[0].subarea(id)).filter(|s| s.points.is_some()).collect();
            let max: f64 = subs.iter().map(|s| s.max).sum();
            if max == 0.0 {
                return None;
            }
            let mix = (0..n)
                .map(|i| {
                    subs.iter().map(|s| per_level[i].subarea(&s.id).and_then(|x| x.points).unwrap_or(0.0)).sum::<f64>()
                        / max
                })
                .collect();
            Some(Sample { mix, share: g.share, max })
        })
        .collect()
}

/// What a fit gives: a share per level and, for [`Method::PerLevelAreaOffsets`], an offset per area.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fitted {
    /// Expected evaluator share per level.
    pub levels: Vec<LevelShare>,
    /// Points added to an area's prediction (empty unless the method fits them).
    pub area_offsets: BTreeMap<String, f64>,
}

/// Fits `method` on the readings paired with their reports.
pub fn fit(method: Method, rubric: &Rubric, data: &[(&Reading, &Official)]) -> Fitted {
    let fractions: Vec<f64> = rubric.scale.levels.iter().map(|l| l.fraction).collect();
    let all: Vec<Sample> = data.iter().flat_map(|(r, o)| samples(rubric, r, o)).collect();
    let shares = match method {
        Method::Scale => fractions.clone(),
        Method::Affine => fit_affine(&all, &fractions),
        Method::PerLevel | Method::PerLevelAreaOffsets => fit_per_level(&all),
    };
    let levels: Vec<LevelShare> = rubric
        .scale
        .levels
        .iter()
        .zip(shares)
        .map(|(l, share)| LevelShare { value: l.value, share: round(share, 4) })
        .collect();
    let mut fitted = Fitted { levels, area_offsets: BTreeMap::new() };
    if method == Method::PerLevelAreaOffsets {
        let mut sums: BTreeMap<String, (f64, f64)> = BTreeMap::new();
        for (reading, official) in data {
            for (area, e) in predict(rubric, &fitted, reading, official).area_errors {
                let slot = sums.entry(area).or_default();
                slot.0 -= e;
                slot.1 += 1.0;
            }
        }
        fitted.area_offsets = sums.into_iter().map(|(a, (sum, n))| (a, round(sum / n, 2))).collect();
    }
    fitted
}

/// Weighted least squares of `share ≈ a + b·(mix · fractions)`, weights = max² (point errors).
fn fit_affine(samples: &[Sample], fractions: &[f64]) -> Vec<f64> {
    let (mut sw, mut sx, mut sy, mut sxx, mut sxy) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for s in samples {
        let x: f64 = s.mix.iter().zip(fractions).map(|(m, f)| m * f).sum();
        let w = s.max * s.max;
        sw += w;
        sx += w * x;
        sy += w * s.share;
        sxx += w * x * x;
        sxy += w * x * s.share;
    }
    let det = sw * sxx - sx * sx;
    let (a, b) = if det.abs() < 1e-12 {
        (sy / sw.max(1e-12), 0.0)
    } else {
        ((sy * sxx - sx * sxy) / det, (sw * sxy - sx * sy) / det)
    };
    let b = b.max(0.0);
    fractions.iter().map(|f| (a + b * f).clamp(0.0, 1.0)).collect()
}

/// Non-negative least squares on `share ≈ Σ mix_l · f_l` with `f_0 = c ≥ 0` and
/// `f_l = f_{l-1} + d_l`, `d_l ≥ 0` (rising shares), by cyclic coordinate descent — a convex
/// problem with five unknowns, solved to a fixed point; deterministic.
fn fit_per_level(samples: &[Sample]) -> Vec<f64> {
    let n = samples.first().map_or(0, |s| s.mix.len());
    // Design in the (c, d_1 … d_{n-1}) parameters: column k = Σ_{l ≥ k} mix_l.
    let rows: Vec<(Vec<f64>, f64, f64)> = samples
        .iter()
        .map(|s| {
            let cols = (0..n).map(|k| s.mix[k..].iter().sum()).collect();
            (cols, s.share, s.max * s.max)
        })
        .collect();
    let mut gram = vec![vec![0.0; n]; n];
    let mut rhs = vec![0.0; n];
    for (x, y, w) in &rows {
        for i in 0..n {
            rhs[i] += w * x[i] * y;
            for j in 0..n {
                gram[i][j] += w * x[i] * x[j];
            }
        }
    }
    let mut p = vec![0.0; n];
    for _ in 0..20_000 {
        let mut moved = 0.0_f64;
        for k in 0..n {
            if gram[k][k] <= 1e-12 {
                continue;
            }
            let grad: f64 = (0..n).map(|j| gram[k][j] * p[j]).sum::<f64>() - rhs[k];
            let next = (p[k] - grad / gram[k][k]).max(0.0);
            moved = moved.max((next - p[k]).abs());
            p[k] = next;
        }
        if moved < 1e-12 {
            break;
        }
    }
    let mut shares = Vec::with_capacity(n);
    let mut acc = 0.0;
    for d in p {
        acc += d;
        shares.push(acc.min(1.0));
    }
    shares
}

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// One reading's prediction against its report's published areas.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// Reference id.
    pub report: String,
    /// Reader id.
    pub reader: String,
    /// Predicted area points by area id.
    pub areas: BTreeMap<String, f64>,
    /// Predicted minus published, per area.
    pub area_errors: BTreeMap<String, f64>,
    /// Predicted total.
    pub total: f64,
    /// Predicted minus published total (over the areas the report has).
    pub total_error: f64,
    /// Sub-areas without any graded answer; predicted like the rest of their area.
    pub unanswered_subareas: usize,
}

/// Predicts a reading's area points with a fitted model and compares them with the report. A
/// sub-area the reader could not grade at all is predicted like the rest of its area (the area is
/// scaled over the sub-areas that were graded), so one silent passage does not count as zero.
pub fn predict(rubric: &Rubric, model: &Fitted, reading: &Reading, official: &Official) -> Prediction {
    let share = |v: u8| model.levels.iter().find(|l| l.value == v).map_or(0.0, |l| l.share);
    let score = score_by(rubric, &reading.answers(), &|l| share(l.value));
    let mut areas = BTreeMap::new();
    let mut area_errors = BTreeMap::new();
    let mut unanswered = 0;
    for area in &score.areas {
        let graded: Vec<_> = area.subareas.iter().filter(|s| s.points.is_some()).collect();
        unanswered += area.subareas.iter().filter(|s| !s.is_not_applicable() && s.points.is_none()).count();
        let max: f64 = graded.iter().map(|s| s.max).sum();
        let points: f64 = graded.iter().filter_map(|s| s.points).sum();
        let offset = model.area_offsets.get(&area.id).copied().unwrap_or(0.0);
        let predicted =
            if max > 0.0 { (points * f64::from(AREA_MAX) / max + offset).clamp(0.0, f64::from(AREA_MAX)) } else { 0.0 };
        areas.insert(area.id.clone(), predicted);
        if let Some(published) = official.areas.get(&area.id) {
            area_errors.insert(area.id.clone(), predicted - published);
        }
    }
    let total = areas.values().sum();
    let total_error = area_errors.values().sum();
    Prediction {
        report: official.report.clone(),
        reader: reading.reader.clone(),
        areas,
        area_errors,
        total,
        total_error,
        unanswered_subareas: unanswered,
    }
}

/// Held-out predictions of one method: each report predicted by a model fitted on the others.
#[derive(Debug, Clone, PartialEq)]
pub struct Validation {
    /// The method.
    pub method: Method,
    /// Per report: the levels fitted without it, and its readings' predictions.
    pub folds: Vec<Fold>,
}

/// One fold of the leave-one-report-out validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Fold {
    /// The held-out report.
    pub report: String,
    /// The model fitted on the other reports.
    pub model: Fitted,
    /// Its readings predicted with those levels.
    pub predictions: Vec<Prediction>,
}

impl Validation {
    /// Largest absolute area error over every fold and reading.
    pub fn max_area_error(&self) -> f64 {
        self.errors().map(f64::abs).fold(0.0, f64::max)
    }

    /// Mean absolute area error over every fold and reading.
    pub fn mean_area_error(&self) -> f64 {
        let errors: Vec<f64> = self.errors().map(f64::abs).collect();
        errors.iter().sum::<f64>() / errors.len().max(1) as f64
    }

    /// Largest absolute total error over every fold and reading.
    pub fn max_total_error(&self) -> f64 {
        self.folds.iter().flat_map(|f| &f.predictions).map(|p| p.total_error.abs()).fold(0.0, f64::max)
    }

    fn errors(&self) -> impl Iterator<Item = f64> + '_ {
        self.folds.iter().flat_map(|f| &f.predictions).flat_map(|p| p.area_errors.values().copied())
    }
}

/// Leave-one-report-out: for each report in `reports`, fit `method` on the readings of the other
/// reports in `reports` and predict this one's readings.
pub fn leave_one_out(
    method: Method,
    rubric: &Rubric,
    readings: &[(Reading, Official)],
    reports: &[&str],
) -> Validation {
    let folds = reports
        .iter()
        .map(|held| {
            let train: Vec<(&Reading, &Official)> = readings
                .iter()
                .filter(|(r, _)| r.report != *held && reports.contains(&r.report.as_str()))
                .map(|(r, o)| (r, o))
                .collect();
            let model = fit(method, rubric, &train);
            let predictions = readings
                .iter()
                .filter(|(r, _)| r.report == *held)
                .map(|(r, o)| predict(rubric, &model, r, o))
                .collect();
            Fold { report: held.to_string(), model, predictions }
        })
        .collect();
    Validation { method, folds }
}

/// Ranges are the largest held-out errors, rounded up to whole points.
pub fn calibration(
    method: Method,
    rubric: &Rubric,
    readings: &[(Reading, Official)],
    reports: &[&str],
) -> (Calibration, Validation) {
    let validation = leave_one_out(method, rubric, readings, reports);
    let train: Vec<(&Reading, &Official)> =
        readings.iter().filter(|(r, _)| reports.contains(&r.report.as_str())).map(|(r, o)| (r, o)).collect();
    let model = fit(method, rubric, &train);
    let held_out = HeldOut {
        max_area_error: round(validation.max_area_error(), 1),
        mean_area_error: round(validation.mean_area_error(), 1),
        max_total_error: round(validation.max_total_error(), 1),
    };
    let calibration = Calibration {
        schema: Some("../schema/calibration.schema.json".into()),
        format: 1,
        rubric: rubric.id.clone(),
        method: method.name().into(),
        levels: model.levels,
        area_offsets: model.area_offsets,
        area_range: validation.max_area_error().ceil(),
        total_range: validation.max_total_error().ceil(),
        evidence: Evidence {
            evaluations: reports.iter().map(|r| r.to_string()).collect(),
            readings: train.len() as u32,
            held_out,
        },
    };
    (calibration, validation)
}

/// Parses every reading (`(file name, contents)`) and pairs it with its report's figures.
pub fn load<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    rubric: &Rubric,
    catalog: &super::super::catalog::Catalog,
) -> Result<Vec<(Reading, Official)>, StudyError> {
    let mut out = Vec::new();
    for (_, text) in files {
        let reading = Reading::parse(text, rubric)?;
        let reference = catalog.reference(&reading.report).ok_or_else(|| StudyError::UnknownReport {
            reader: reading.reader.clone(),
            report: reading.report.clone(),
        })?;
        let official = official(reference, rubric, &catalog.rubrics, &catalog.mappings)?;
        out.push((reading, official));
    }
    out.sort_by(|a, b| (&a.0.report, &a.0.reader).cmp(&(&b.0.report, &b.0.reader)));
    Ok(out)
}

/// Everything the study computes from the stored readings.
#[derive(Debug, Clone, PartialEq)]
pub struct Study {
    /// Reports on the current area division (validated and fitted on).
    pub primary: Vec<String>,
    /// Every candidate method's leave-one-report-out validation.
    pub validations: Vec<Validation>,
    /// The chosen method: the lowest mean held-out area error, the simpler on a tie.
    pub chosen: Method,
    /// The chosen method fitted on every primary report, with its ranges.
    pub calibration: Calibration,
    /// Reports on an older area division, predicted with the final model (a further check).
    pub further: Vec<Prediction>,
}

/// Runs the whole study on loaded readings (sorted by report, as [`load`] returns them).
pub fn run(rubric: &Rubric, readings: &[(Reading, Official)]) -> Result<Study, StudyError> {
    let mut primary: Vec<String> =
        readings.iter().filter(|(_, o)| !o.approximate).map(|(r, _)| r.report.clone()).collect();
    primary.dedup();
    if primary.len() < 2 {
        return Err(StudyError::TooFewReports(primary.len()));
    }
    let reports: Vec<&str> = primary.iter().map(String::as_str).collect();
    let validations: Vec<Validation> =
        Method::ALL.iter().map(|m| leave_one_out(*m, rubric, readings, &reports)).collect();
    let chosen = validations
        .iter()
        .filter(|v| v.method != Method::Scale)
        .min_by(|a, b| round(a.mean_area_error(), 1).total_cmp(&round(b.mean_area_error(), 1)))
        .map_or(Method::Scale, |v| v.method);
    let (calibration, _) = calibration(chosen, rubric, readings, &reports);
    let further = readings
        .iter()
        .filter(|(_, o)| o.approximate)
        .map(|(r, o)| predict(rubric, &calibration.fitted(), r, o))
        .collect();
    Ok(Study { primary, validations, chosen, calibration, further })
}

/// The questionnaire a blind reader answers, as Markdown: the rubric's questions with the
/// guidance and level descriptions the app shows, and nothing about points (no maxima, weights,
/// fractions or rationale), so that a reading cannot be steered towards a score. Its SHA-256 is
/// stored in every reading; the tests recompute it, so a reading of an older wording is caught.
pub fn questionnaire(rubric: &Rubric) -> String {
    let scale = &rubric.scale;
    let mut out = vec![format!("# Frågeformulär – {} ({})", rubric.title, rubric.id), String::new()];
    out.push("Svara på varje fråga med en av nivåerna nedan, eller med Vet ej eller Ej aktuellt.".into());
    out.push(String::new());
    out.push("## Svarsnivåer".into());
    out.push(String::new());
    for level in &scale.levels {
        out.push(format!("- **{} – {}**: {}", level.value, level.label, level.description));
    }
    out.push(format!("- **vet_ej – {}**: {}", scale.dont_know.label, scale.dont_know.description));
    out.push(format!("- **ej_aktuellt – {}**: {}", scale.not_applicable.label, scale.not_applicable.description));
    out.push(String::new());
    for area in &rubric.areas {
        out.push(format!("## Område {}: {}", area.id, area.name));
        out.push(String::new());
        out.push(area.description.clone());
        out.push(String::new());
        for sub in &area.subareas {
            out.push(format!("### {} {}", sub.id, sub.name));
            out.push(String::new());
            if let Some(d) = sub.description.as_ref().filter(|d| !d.is_empty()) {
                out.push(d.clone());
                out.push(String::new());
            }
            for q in &sub.questions {
                out.push(format!("**{}** {}", q.id, q.text));
                if let Some(g) = &q.guidance {
                    out.push(format!("- Full nivå: {}", g.full));
                    out.push(format!("- Saknas ofta: {}", g.often_missing));
                }
                out.push(String::new());
            }
        }
    }
    out.join("\n")
}
