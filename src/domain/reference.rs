//! Published figures to compare a self-assessment with: official results of evaluated
//! municipalities and national averages. Each carries its provenance and caveats, because every
//! number the app draws must be explainable.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::ReferenceError;
use super::rubric::{AREA_MAX, Rubric, Source};

/// What kind of figure set a reference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// One municipality's official evaluation.
    OfficialResult,
    /// An average over evaluated municipalities.
    Average,
}

/// Spread of totals across evaluated municipalities, when published.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// Lowest total.
    pub min: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// Highest total.
    pub max: f64,
    /// Number of municipalities.
    pub n: u32,
}

/// One published figure set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Editor hint pointing at the JSON Schema; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// File format version (1).
    pub format: u32,
    /// Stable id, e.g. `alingsas-2022`.
    pub id: String,
    /// Official result or average.
    pub kind: ReferenceKind,
    /// Short label for legends.
    pub label: String,
    /// The municipality, for official results.
    #[serde(default)]
    pub municipality: Option<String>,
    /// The rubric version the figures belong to.
    pub rubric: String,
    /// When evaluated (YYYY, YYYY-MM or YYYY-MM-DD).
    pub date: String,
    /// Where the figures come from.
    pub source: Source,
    /// Which municipalities an average covers, as stated by the source.
    #[serde(default)]
    pub group: Option<String>,
    /// A warning when the source is indirect or unclear.
    #[serde(default)]
    pub caveat: Option<String>,
    /// Published total (of 800).
    #[serde(default)]
    pub total: Option<f64>,
    /// Published points per area id.
    #[serde(default)]
    pub areas: Option<BTreeMap<String, f64>>,
    /// Published points per sub-area id.
    #[serde(default)]
    pub subareas: Option<BTreeMap<String, f64>>,
    /// Spread of totals, when known.
    #[serde(default)]
    pub distribution: Option<Distribution>,
}

impl Reference {
    /// Parses one reference file (without checking it against a rubric).
    pub fn parse(json: &str) -> Result<Reference, ReferenceError> {
        serde_json::from_str(json).map_err(|e| {
            let what = super::json_error::describe(&e);
            ReferenceError::Syntax(match super::json_error::Position::of(&e) {
                Some(at) => format!("{what} ({at})"),
                None => what,
            })
        })
    }

    /// Checks the figures against the rubric they claim to belong to.
    pub fn validate(&self, rubrics: &[Rubric]) -> Result<(), ReferenceError> {
        let rubric = rubrics
            .iter()
            .find(|r| r.id == self.rubric)
            .ok_or_else(|| ReferenceError::UnknownRubric { id: self.id.clone(), rubric: self.rubric.clone() })?;
        if self.total.is_none() && self.areas.is_none() {
            return Err(ReferenceError::NoFigures(self.id.clone()));
        }
        let out_of_range = |key: &str, value: f64, max: u32| {
            (!(0.0..=f64::from(max)).contains(&value)).then(|| ReferenceError::OutOfRange {
                id: self.id.clone(),
                key: key.to_string(),
                max,
            })
        };
        let unknown = |key: &str| ReferenceError::UnknownKey {
            id: self.id.clone(),
            key: key.to_string(),
            rubric: rubric.id.clone(),
        };
        if let Some(total) = self.total
            && let Some(e) = out_of_range("totalen", total, rubric.max())
        {
            return Err(e);
        }
        for (key, value) in self.areas.iter().flatten() {
            rubric.area(key).ok_or_else(|| unknown(key))?;
            if let Some(e) = out_of_range(key, *value, AREA_MAX) {
                return Err(e);
            }
        }
        for (key, value) in self.subareas.iter().flatten() {
            let sub = rubric.subarea(key).ok_or_else(|| unknown(key))?;
            if let Some(e) = out_of_range(key, *value, sub.max) {
                return Err(e);
            }
        }
        Ok(())
    }

    /// Points for an area, if published.
    pub fn area(&self, id: &str) -> Option<f64> {
        self.areas.as_ref()?.get(id).copied()
    }

    /// The total as published, else the sum of the published areas.
    pub fn total_or_sum(&self) -> Option<f64> {
        self.total.or_else(|| self.areas.as_ref().map(|a| a.values().sum()))
    }
}
