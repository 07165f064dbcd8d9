//! Published figures to compare a self-assessment with: official results of evaluated
//! municipalities and national averages. Each carries its provenance and caveats, because every
//! number the app draws must be explainable.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::error::ReferenceError;
use super::format::parse_points;
use super::import::{TooLarge, check_size};
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

/// What a user typed into the form for an own comparison (e.g. the municipality's official
/// result from the SKR report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserEntry {
    /// Name of the comparison.
    pub label: String,
    /// When the evaluation was made, as typed; empty for today.
    pub date: String,
    /// Points per area as typed, in the rubric's area order.
    pub areas: Vec<String>,
}

/// Why an own comparison could not be added. Nothing is stored when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum UserEntryError {
    /// No name.
    #[error("Ge jämförelsen ett namn, till exempel ”Vårt officiella resultat 2023”.")]
    NoLabel,
    /// An area's points are missing or not a number from 0 to 100.
    #[error("Fyll i poängen för område {0} som ett tal mellan 0 och 100.")]
    AreaPoints(String),
    /// The figures do not fit the rubric.
    #[error("{0}")]
    Invalid(#[from] ReferenceError),
}

/// Why a reference file could not be opened. Nothing is stored when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReferenceFileError {
    /// The browser could not read the file.
    #[error("filen kunde inte läsas")]
    Unreadable,
    /// Larger than any reference file.
    #[error("filen är för stor ({size_kb} kB); jämförelsedata är högst {max_kb} kB")]
    TooLarge {
        /// Actual size in kB.
        size_kb: usize,
        /// Cap in kB.
        max_kb: usize,
    },
    /// Not UTF-8 text.
    #[error("filen är inte en textfil")]
    NotText,
    /// Not a valid reference, or not one for a rubric the app knows.
    #[error("{0}")]
    Invalid(#[from] ReferenceError),
}

impl From<TooLarge> for ReferenceFileError {
    fn from(e: TooLarge) -> Self {
        ReferenceFileError::TooLarge { size_kb: e.size_kb, max_kb: e.max_kb }
    }
}

impl ReferenceFileError {
    /// The whole message shown when a reference file is rejected.
    pub fn message(&self) -> String {
        format!(
            "Jämförelsen kunde inte öppnas: {self}. Ingenting har ändrats. Kontrollera att filen innehåller jämförelsedata i verktygets format, eller skriv in siffrorna i formuläret."
        )
    }
}

impl Reference {
    /// The official result a user typed in, checked like a reference file. `id` is a fresh id,
    /// `today` the date used when none was typed.
    pub fn from_entry(
        entry: &UserEntry,
        rubric: &Rubric,
        rubrics: &[Rubric],
        id: String,
        today: String,
    ) -> Result<Reference, UserEntryError> {
        let label = entry.label.trim();
        if label.is_empty() {
            return Err(UserEntryError::NoLabel);
        }
        let mut areas = BTreeMap::new();
        for (i, area) in rubric.areas.iter().enumerate() {
            let typed = entry.areas.get(i).map(String::as_str).unwrap_or_default();
            let value =
                parse_points(typed, f64::from(AREA_MAX)).ok_or_else(|| UserEntryError::AreaPoints(area.id.clone()))?;
            areas.insert(area.id.clone(), value);
        }
        let date = entry.date.trim();
        let reference = Reference {
            schema: None,
            format: 1,
            id,
            kind: ReferenceKind::OfficialResult,
            label: label.to_string(),
            municipality: None,
            rubric: rubric.id.clone(),
            date: if date.is_empty() { today } else { date.to_string() },
            source: Source {
                title: Some("Inmatat i den här webbläsaren från kommunens utvärderingsrapport".into()),
                ..Source::default()
            },
            group: None,
            caveat: Some("Siffrorna är inmatade av en användare och har inte kontrollerats av verktyget.".into()),
            total: Some(areas.values().sum()),
            areas: Some(areas),
            subareas: None,
            distribution: None,
        };
        reference.validate(rubrics)?;
        Ok(reference)
    }

    /// A reference file the user opened, checked against the rubrics before anything is stored.
    pub fn from_file(bytes: &[u8], rubrics: &[Rubric]) -> Result<Reference, ReferenceFileError> {
        check_size(bytes.len() as u64)?;
        let text = std::str::from_utf8(bytes).map_err(|_| ReferenceFileError::NotText)?;
        let reference = Reference::parse(text.strip_prefix('\u{feff}').unwrap_or(text))?;
        reference.validate(rubrics)?;
        Ok(reference)
    }
}
