//! What the evaluators look for on a municipality's website and social media, as checks a
//! municipality can tick before an evaluation (`rubrics/webchecks.json`). Each check is tied to
//! the questions it supports and to the report passage it comes from.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use std::collections::BTreeMap;

use super::assessment::Tick;
use super::rubric::{Rubric, Source};

/// One thing to check on the website.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebCheck {
    /// Stable id (ticks are stored under it).
    pub id: String,
    /// The area it belongs to.
    pub area: String,
    /// What should be on the website, in one sentence.
    pub text: String,
    /// How to check it.
    pub how: String,
    /// The questions it supports.
    pub questions: Vec<String>,
    /// The report passage it comes from.
    pub source: Source,
}

/// The contents of `rubrics/webchecks.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebChecks {
    /// Editor hint; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// File format (1).
    pub format: u32,
    /// The rubric version whose questions the checks name.
    pub rubric: String,
    /// The checks, by area.
    pub checks: Vec<WebCheck>,
}

/// A web-check file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WebCheckError {
    /// The JSON does not match the format.
    #[error("filen följer inte formatet för webbkontroller: {0}")]
    Syntax(String),
    /// The rubric named does not exist.
    #[error("webbkontrollerna gäller en okänd version av kriterierna ({0})")]
    UnknownRubric(String),
    /// Two checks share an id.
    #[error("webbkontrollen {0} finns två gånger")]
    Duplicate(String),
    /// A check names an area or question the rubric does not have, or none at all.
    #[error("webbkontrollen {check} hänvisar till {target}, som inte finns")]
    Unknown {
        /// The check's id.
        check: String,
        /// The missing area or question (or "ingen fråga").
        target: String,
    },
}

impl WebChecks {
    /// Parses the file; check it with [`WebChecks::validate`].
    pub fn parse(json: &str) -> Result<WebChecks, WebCheckError> {
        serde_json::from_str(json).map_err(|e| WebCheckError::Syntax(e.to_string()))
    }

    /// Checks ids and that every area and question exists in the rubric named.
    pub fn validate(&self, rubrics: &[Rubric]) -> Result<(), WebCheckError> {
        let rubric = rubrics
            .iter()
            .find(|r| r.id == self.rubric)
            .ok_or_else(|| WebCheckError::UnknownRubric(self.rubric.clone()))?;
        let mut seen = std::collections::HashSet::new();
        for c in &self.checks {
            let unknown = |target: &str| WebCheckError::Unknown { check: c.id.clone(), target: target.to_string() };
            if !seen.insert(c.id.as_str()) {
                return Err(WebCheckError::Duplicate(c.id.clone()));
            }
            if rubric.area(&c.area).is_none() {
                return Err(unknown(&c.area));
            }
            if c.questions.is_empty() {
                return Err(unknown("ingen fråga"));
            }
            if let Some(q) = c.questions.iter().find(|q| rubric.question(q).is_none()) {
                return Err(unknown(q));
            }
        }
        Ok(())
    }

    /// How many of the checks are ticked as done.
    pub fn done(&self, ticks: &BTreeMap<String, Tick>) -> usize {
        self.checks.iter().filter(|c| ticks.get(&c.id).is_some_and(|t| t.done)).count()
    }

    /// The checks that support a question.
    pub fn for_question<'a>(&'a self, question: &'a str) -> impl Iterator<Item = &'a WebCheck> {
        self.checks.iter().filter(move |c| c.questions.iter().any(|q| q == question))
    }
}
