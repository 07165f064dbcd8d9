//! Everything the app knows from `rubrics/`: rubric versions, published references and the
//! mappings between versions. Adding a JSON file there needs no code change (see `build.rs`).
//!
//! What the start page needs is embedded ([`EMBEDDED`]: the current rubric's structure, with its
//! texts left empty, and the calibration model) and makes [`Catalog::embedded`]. Everything else
//! ([`FETCHED`]: the current rubric's texts, the older versions, the references, the mappings,
//! the website checks) is fetched by the app when a view needs it, and [`Catalog::with_fetched`]
//! validates it together with the embedded files, by the same code, exactly as the test suite
//! validates all files read from disk. Until then, two
//! small indexes made at build time stand in for what the first views show of the fetched files:
//! the older versions' titles ([`Catalog::versions`]) and the documents their sources name
//! ([`Catalog::seed_title`]).

use thiserror::Error;

use super::calibration::Calibration;
use super::error::TextsError;
use super::mapping::Mappings;
use super::reference::Reference;
use super::rubric::Rubric;
use super::rubric_texts::RubricTexts;
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

/// Why the fetched files could not be added (the view says it and offers "Försök igen").
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    /// No answer at all: offline without a cached copy, the server down, the request aborted.
    #[error("Det gick inte att nå servern när {file} skulle hämtas. Kontrollera nätverksanslutningen.")]
    Unreachable {
        /// The file, e.g. `rubrics/kk-2016.json`.
        file: String,
    },
    /// The server answered with an error status.
    #[error("Servern svarade med felkod {status} när {file} skulle hämtas.")]
    Status {
        /// The file.
        file: String,
        /// The HTTP status.
        status: u16,
    },
    /// A file arrived but is not valid data (a half-deployed or damaged server copy).
    #[error("Filen {} innehåller inte giltiga uppgifter: {}.", .0.file, .0.message)]
    Invalid(#[from] CatalogError),
}

/// A version of the criteria, for choosing one and naming one, whether or not it is loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Rubric id, e.g. `kk-2020`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The period it was used in.
    pub period: String,
    /// Whether new assessments use it.
    pub current: bool,
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
    /// `mappings.json` is the mapping file, `webchecks.json` the website checks, a
    /// `….structure.json` a rubric's structure (see `domain::rubric_texts`) and a `….texts.json`
    /// its texts, joined onto it (a structure may come without them: the embedded catalog),
    /// `calibration/model.json` the calibration; other files
    /// under `calibration/` (the study's readings) are not the app's; every other `.json`
    /// outside `schema/` is a rubric.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Catalog, CatalogError> {
        // One copy of the parsing code in the build, whatever the iterator.
        Catalog::from_list(&files.into_iter().collect::<Vec<_>>())
    }

    fn from_list(files: &[(&str, &str)]) -> Result<Catalog, CatalogError> {
        let mut rubrics = Vec::new();
        let mut references = Vec::new();
        let mut mappings = Mappings::default();
        let mut calibration = None;
        let mut web_checks = None;
        let fail = |file: &str, message: String| CatalogError { file: file.to_string(), message };
        let mut ref_files = Vec::new();
        let mut texts = Vec::new();
        // Rubrics read as a structure, whose texts come in a file of their own.
        let mut structures = Vec::new();
        for &(path, text) in files {
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
                mappings = serde_json::from_str(text).map_err(|e| fail(path, super::json_error::describe(&e)))?;
            } else if path.ends_with(".texts.json") {
                texts.push((path, RubricTexts::parse(text).map_err(|e| fail(path, e.to_string()))?));
            } else if path.ends_with(".structure.json") {
                let rubric = Rubric::parse_structure(text).map_err(|e| fail(path, e.to_string()))?;
                structures.push(rubric.id.clone());
                rubrics.push(rubric);
            } else {
                rubrics.push(Rubric::parse(text).map_err(|e| fail(path, e.to_string()))?);
            }
        }
        // The current rubric's texts onto its structure: whole again, or refused.
        for (path, t) in texts {
            let wrong = match structures.first() {
                Some(id) => TextsError::OtherVersion { texts: t.rubric.clone(), rubric: id.clone() },
                None => TextsError::UnknownVersion(t.rubric.clone()),
            };
            let rubric = rubrics
                .iter_mut()
                .find(|r| r.id == t.rubric && structures.contains(&r.id))
                .ok_or_else(|| fail(path, wrong.to_string()))?;
            *rubric = rubric.with_texts(&t).map_err(|e| fail(path, e.to_string()))?;
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

    /// The catalog embedded in this build: the current rubric's structure (no texts) and the
    /// calibration, what the start page needs.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::from_files(EMBEDDED.iter().copied()).expect("embedded rubric data is validated by the test suite")
        })
    }

    /// The whole catalog: the embedded files and `fetched`, the `(path, contents)` of the files
    /// in [`FETCHED`], validated together by [`Catalog::from_files`]. A path not in [`FETCHED`]
    /// is refused, and so is a missing one, so that a view never works on part of the data.
    pub fn with_fetched<'a>(fetched: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Catalog, CatalogError> {
        let fetched: Vec<(&str, &str)> = fetched.into_iter().collect();
        for (path, _) in &fetched {
            if !FETCHED.contains(path) {
                return Err(CatalogError {
                    file: path.to_string(), message: "filen hör inte till appens data".into()
                });
            }
        }
        if let Some(missing) = FETCHED.iter().find(|p| !fetched.iter().any(|(f, _)| f == *p)) {
            return Err(CatalogError { file: missing.to_string(), message: "filen saknas".into() });
        }
        Catalog::from_list(&EMBEDDED.iter().copied().chain(fetched).collect::<Vec<_>>())
    }

    /// Whether `id` names a version that is fetched rather than embedded: a view that needs it
    /// waits for the fetch instead of calling it unknown.
    pub fn is_fetched_version(id: &str) -> bool {
        FETCHED_VERSIONS.iter().any(|(v, _, _)| *v == id)
    }

    /// Every version of the criteria, loaded or not: the current one first, then the others
    /// (all fetched, so named by the index) newest first. From the build, without parsing any
    /// rubric: the start page lists them before anything else is needed.
    pub fn versions() -> Vec<Version> {
        let (id, title, period) = CURRENT_VERSION;
        let current =
            Version { id: id.to_string(), title: title.to_string(), period: period.to_string(), current: true };
        let others = FETCHED_VERSIONS.iter().map(|(id, title, period)| Version {
            id: id.to_string(),
            title: title.to_string(),
            period: period.to_string(),
            current: false,
        });
        std::iter::once(current).chain(others).collect()
    }

    /// The id of the version new assessments use (see [`Catalog::current`]), without parsing it.
    pub fn current_id() -> &'static str {
        CURRENT_VERSION.0
    }

    /// The title of version `id`, loaded or not.
    pub fn version_title(id: &str) -> Option<String> {
        Catalog::versions().into_iter().find(|v| v.id == id).map(|v| v.title)
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
            // The fetched files' sources, when they are not loaded (the index says the same).
            .or_else(|| FETCHED_SEEDS.iter().find(|(s, _)| *s == seed).map(|(_, document)| *document))
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

/// `(path, contents)` of the files embedded in the build (the current rubric's structure and the
/// calibration), generated by `build.rs`.
pub static EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded_rubrics.rs"));

// `FETCHED` (the paths the app fetches, relative to where it is served), `FETCHED_VERSIONS`,
// `FETCHED_SEEDS` and (for the native tests) `GENERATED`, generated by `build.rs` from the same
// files.
include!(concat!(env!("OUT_DIR"), "/fetched_rubrics.rs"));
