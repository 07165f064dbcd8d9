//! Everything the app knows from `rubrics/`: rubric versions, published references and the
//! mappings between versions. The files are embedded at build time (see `build.rs`), so adding a
//! JSON file there needs no code change; all of them are validated together.

use thiserror::Error;

use super::calibration::Calibration;
use super::mapping::Mappings;
use super::reference::Reference;
use super::rubric::Rubric;
use super::webcheck::WebChecks;

/// A data file in `rubrics/` that failed to load.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}: {message}")]
pub struct CatalogError {
    /// Path of the file, relative to the project.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

/// All rubric versions, references and mappings.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// Rubric versions, current first, then newest first.
    pub rubrics: Vec<Rubric>,
    /// Published references, in file order.
    pub references: Vec<Reference>,
    /// Mappings between versions.
    pub mappings: Mappings,
    /// The translation to expected evaluator points, when a calibration file exists.
    pub calibration: Option<Calibration>,
    /// What the evaluators look for on the website, when `webchecks.json` exists.
    pub web_checks: Option<WebChecks>,
}

impl Catalog {
    /// Builds a catalog from `(path, contents)` pairs. Paths under `references/` are references,
    /// `mappings.json` is the mapping file, `webchecks.json` the website checks,
    /// `calibration/model.json` the calibration; other files
    /// under `calibration/` (the study's readings) are not the app's; every other `.json`
    /// outside `schema/` is a rubric.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Catalog, CatalogError> {
        let mut rubrics = Vec::new();
        let mut references = Vec::new();
        let mut mappings = Mappings::default();
        let mut calibration = None;
        let mut web_checks = None;
        let fail = |file: &str, message: String| CatalogError { file: file.to_string(), message };
        let mut ref_files = Vec::new();
        for (path, text) in files {
            if path.contains("/schema/") || !path.ends_with(".json") {
                continue;
            }
            if path.contains("/references/") {
                let r = Reference::parse(text).map_err(|e| fail(path, e.to_string()))?;
                ref_files.push(path);
                references.push(r);
            } else if path.ends_with("calibration/model.json") {
                calibration = Some(Calibration::parse(text).map_err(|e| fail(path, e.to_string()))?);
            } else if path.contains("/calibration/") {
                continue;
            } else if path.ends_with("webchecks.json") {
                web_checks = Some(WebChecks::parse(text).map_err(|e| fail(path, e.to_string()))?);
            } else if path.ends_with("mappings.json") {
                mappings = serde_json::from_str(text).map_err(|e| fail(path, e.to_string()))?;
            } else {
                rubrics.push(Rubric::parse(text).map_err(|e| fail(path, e.to_string()))?);
            }
        }
        for (r, path) in references.iter().zip(&ref_files) {
            r.validate(&rubrics).map_err(|e| fail(path, e.to_string()))?;
        }
        if let Some(w) = &web_checks {
            w.validate(&rubrics).map_err(|e| fail("rubrics/webchecks.json", e.to_string()))?;
        }
        if let Some(c) = &calibration {
            c.validate(&rubrics).map_err(|e| fail("rubrics/calibration/model.json", e.to_string()))?;
        }
        if rubrics.iter().filter(|r| r.current).count() != 1 {
            return Err(fail("rubrics/", "exakt en version ska vara markerad som aktuell (current)".into()));
        }
        // Current version first, then the others newest first (ids end in their year).
        rubrics.sort_by(|a, b| b.current.cmp(&a.current).then(b.id.cmp(&a.id)));
        Ok(Catalog { rubrics, references, mappings, calibration, web_checks })
    }

    /// The catalog embedded in this build.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::from_files(EMBEDDED.iter().copied()).expect("embedded rubric data is validated by the test suite")
        })
    }

    /// The version new assessments use.
    pub fn current(&self) -> &Rubric {
        &self.rubrics[0]
    }

    /// A rubric version by id.
    pub fn rubric(&self, id: &str) -> Option<&Rubric> {
        self.rubrics.iter().find(|r| r.id == id)
    }

    /// A readable name for a seed document, taken from the rubric or reference that cites it as
    /// its source (e.g. "SKR, Kommunkompassen – Analys av Alingsås kommun, 2023-02-21").
    pub fn seed_title(&self, seed: &str) -> Option<&str> {
        let rubric_sources = self.rubrics.iter().map(|r| &r.source);
        let reference_sources = self.references.iter().map(|r| &r.source);
        rubric_sources
            .chain(reference_sources)
            .filter(|s| s.seed.as_deref() == Some(seed))
            .find_map(|s| s.document.as_deref().or(s.title.as_deref()))
    }

    /// A report passage named readably: "SKR, … Alingsås kommun, 2023-02-21, avsnittet ”…”".
    pub fn source_text(&self, source: &super::rubric::Source) -> Option<String> {
        let section = source.section.as_deref();
        let title = source.seed.as_deref().and_then(|seed| self.seed_title(seed));
        match (title, section) {
            (Some(t), Some(s)) => Some(format!("{t}, avsnittet ”{s}”")),
            (Some(t), None) => Some(t.to_string()),
            (None, Some(s)) => Some(format!("avsnittet ”{s}”")),
            (None, None) => None,
        }
    }

    /// Where a question was derived from, as a Swedish sentence ("Frågan bygger på …").
    pub fn derived_from(&self, source: &super::rubric::Source) -> Option<String> {
        self.source_text(source).map(|origin| format!("Frågan bygger på {origin}."))
    }

    /// The website checks for `rubric`, if there are any for its version.
    pub fn web_checks_for(&self, rubric: &str) -> Option<&WebChecks> {
        self.web_checks.as_ref().filter(|w| w.rubric == rubric)
    }

    /// The calibration for `rubric`, if its questionnaire has one.
    pub fn calibration_for(&self, rubric: &str) -> Option<&Calibration> {
        self.calibration.as_ref().filter(|c| c.rubric == rubric)
    }

    /// A reference by id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }
}

/// `(path, contents)` of every file under `rubrics/`, generated by `build.rs`.
pub static EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_rubrics.rs"));
