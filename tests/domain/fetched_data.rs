//! What is embedded and what is fetched: the embedded files are what the first views need, the
//! fetched files together with them make exactly the catalog of every file on disk, validated by
//! the same code, and the small indexes that stand in for the fetched files say what they say.
//! The current rubric is embedded as its structure and fetched as its texts (both made by
//! build.rs from the one file on disk): joined they are that file, field for field.

use std::collections::BTreeSet;

use kommunkompass::domain::catalog::{self, Catalog, CatalogError, LoadError};
use kommunkompass::domain::import::validate_import;
use kommunkompass::domain::rubric::Rubric;
use kommunkompass::domain::rubric_texts::RubricTexts;
use kommunkompass::domain::scoring::score;

use crate::support::{all, catalog, files_on_disk, top};

const TEXTS: &str = "rubrics/kk-2022.texts.json";

/// The fetched files as the app gets them: read from disk, or made by build.rs (the texts).
fn fetched_on_disk() -> Vec<(String, String)> {
    let disk = files_on_disk();
    let made = catalog::GENERATED.iter().map(|(p, t)| (p.to_string(), t.to_string()));
    let available: Vec<(String, String)> = disk.into_iter().chain(made).collect();
    catalog::FETCHED
        .iter()
        .map(|p| available.iter().find(|(f, _)| f == p).cloned().unwrap_or_else(|| panic!("{p} is not on disk")))
        .collect()
}

fn whole() -> Catalog {
    let fetched = fetched_on_disk();
    Catalog::with_fetched(fetched.iter().map(|(p, t)| (p.as_str(), t.as_str()))).expect("the fetched files are valid")
}

/// The fetched files with the texts file replaced by `texts`.
fn with_texts(texts: &str) -> Result<Catalog, CatalogError> {
    let fetched = fetched_on_disk();
    Catalog::with_fetched(fetched.iter().map(|(p, t)| (p.as_str(), if p == TEXTS { texts } else { t.as_str() })))
}

fn texts_json() -> serde_json::Value {
    let (_, t) = catalog::GENERATED.iter().find(|(p, _)| *p == TEXTS).expect("build.rs makes the texts");
    serde_json::from_str(t).unwrap()
}

/// `rubric` with every text emptied: what the structure should be.
fn blanked(rubric: &Rubric) -> Rubric {
    let mut r = rubric.clone();
    r.description.clear();
    r.scale.rationale.clear();
    r.scale.levels.iter_mut().for_each(|l| l.description.clear());
    r.scale.dont_know.description.clear();
    r.scale.not_applicable.description.clear();
    for area in &mut r.areas {
        area.description.clear();
        for sub in &mut area.subareas {
            sub.description = None;
            for q in &mut sub.questions {
                q.text.clear();
                q.guidance = None;
                q.source = Default::default();
            }
        }
    }
    for old in &mut r.retired {
        old.text.clear();
        old.note.clear();
    }
    r
}

#[test]
fn the_embedded_files_are_the_current_rubric_s_structure_and_the_calibration() {
    let paths: Vec<&str> = catalog::EMBEDDED.iter().map(|(p, _)| *p).collect();
    assert_eq!(paths, ["rubrics/calibration/model.json", "rubrics/kk-2022.structure.json"]);
    let embedded = Catalog::embedded();
    assert_eq!(embedded.rubrics.len(), 1);
    // Every field but the texts, exactly as in the file.
    assert_eq!(embedded.current(), &blanked(catalog().current()));
    assert_eq!(embedded.calibration, catalog().calibration);
    assert!(embedded.references.is_empty() && embedded.web_checks.is_none());
}

#[test]
fn structure_and_texts_joined_are_the_file_on_disk() {
    let texts = RubricTexts::parse(&texts_json().to_string()).unwrap();
    let joined = Catalog::embedded().current().with_texts(&texts).unwrap();
    // Every field (Rubric compares all of them), texts and structure alike.
    assert_eq!(&joined, catalog().current());
    assert_eq!(whole().current(), catalog().current());
}

#[test]
fn the_embedded_structure_holds_no_question_text() {
    let rubric = catalog().current();
    let (_, structure) = catalog::EMBEDDED.iter().find(|(p, _)| p.ends_with(".structure.json")).unwrap();
    let mut texts: Vec<&str> = vec![rubric.description.as_str(), rubric.scale.rationale.as_str()];
    for q in rubric.questions() {
        texts.push(&q.text);
        let g = q.guidance.as_ref().expect("the current version has guidance");
        texts.extend([g.full.as_str(), g.often_missing.as_str()]);
    }
    for area in &rubric.areas {
        texts.push(&area.description);
        texts.extend(area.subareas.iter().filter_map(|s| s.description.as_deref()));
    }
    texts.extend(rubric.retired.iter().flat_map(|r| [r.text.as_str(), r.note.as_str()]));
    texts.extend(rubric.scale.levels.iter().map(|l| l.description.as_str()));
    assert!(texts.len() > 300);
    for t in texts.iter().filter(|t| !t.is_empty()) {
        let escaped = serde_json::to_string(t).unwrap();
        assert!(!structure.contains(escaped.trim_matches('"')), "embedded: {t}");
    }
    assert!(Catalog::embedded().current().questions().all(|q| q.text.is_empty() && q.guidance.is_none()));
    // The texts are most of the file: the structure is a small part of it.
    assert!(structure.len() * 5 < texts_json().to_string().len(), "structure {} bytes", structure.len());
}

#[test]
fn the_start_page_and_opening_a_file_need_no_texts() {
    let (embedded, full) = (Catalog::embedded().current(), catalog().current());
    for response in [top(full), kommunkompass::domain::assessment::Response::DontKnow] {
        assert_eq!(score(embedded, &all(full, response)), score(full, &all(full, response)));
    }
    let file = include_str!("../fixtures/assessment-schema-3.json");
    assert_eq!(
        validate_import(file.as_bytes(), &Catalog::embedded().rubrics),
        validate_import(file.as_bytes(), &catalog().rubrics)
    );
    assert!(validate_import(file.as_bytes(), &Catalog::embedded().rubrics).is_ok());
}

#[test]
fn texts_that_do_not_fit_are_refused_in_swedish() {
    let message = |texts: serde_json::Value| {
        let err = with_texts(&texts.to_string()).unwrap_err();
        assert_eq!(err.file, TEXTS);
        LoadError::from(err).to_string()
    };
    let mut t = texts_json();
    t["questions"].as_object_mut().unwrap().remove("1.1.1");
    assert_eq!(
        message(t),
        "Filen rubrics/kk-2022.texts.json innehåller inte giltiga uppgifter: texten till fråga 1.1.1 saknas."
    );
    let mut t = texts_json();
    t["questions"]["1.1.1"]["text"] = "".into();
    assert!(message(t).ends_with("texten till fråga 1.1.1 saknas."));
    let mut t = texts_json();
    let q = t["questions"]["1.1.1"].clone();
    t["questions"]["1.1.99"] = q;
    assert!(message(t).ends_with("texterna nämner 1.1.99, som inte finns i versionen."));
    let mut t = texts_json();
    t["rubric"] = "kk-2020".into();
    assert!(message(t).ends_with("texterna gäller versionen kk-2020, inte kk-2022."));
    let mut t = texts_json();
    t["rubric"] = "kk-2030".into();
    assert!(message(t).ends_with("texterna gäller versionen kk-2030, inte kk-2022."));
    let mut t = texts_json();
    t["retired"].as_object_mut().unwrap().remove("1.1.4");
    assert!(message(t).ends_with("texten till den ersatta frågan 1.1.4 saknas."));
    let mut t = texts_json();
    t["questions"]["1.1.1"].as_object_mut().unwrap().remove("guidance");
    assert!(message(t).ends_with("fråga 1.1.1 saknar vägledning."));
    let mut t = texts_json();
    t["scale"]["levels"].as_array_mut().unwrap().pop();
    assert!(message(t).contains("svarsskalan har"));
    let mut t = texts_json();
    t["areas"].as_object_mut().unwrap().remove("3");
    assert!(message(t).ends_with("beskrivningen av område 3 saknas."));
    // The app's page instead of the file (a server that answers every path with index.html).
    let err = with_texts("<!doctype html><title>Kommunkompass</title>").unwrap_err();
    assert_eq!(
        LoadError::from(err).to_string(),
        "Filen rubrics/kk-2022.texts.json innehåller inte giltiga uppgifter: \
         texten är inte giltig JSON; filen kan vara avkortad eller skadad."
    );
}

#[test]
fn embedded_and_fetched_are_every_data_file_once() {
    let app_files: BTreeSet<String> = files_on_disk()
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !p.contains("/schema/") && !p.contains("/calibration/readings/"))
        .collect();
    let embedded = catalog::EMBEDDED.iter().map(|(p, _)| p.to_string());
    let fetched = catalog::FETCHED.iter().map(|p| p.to_string());
    // The current rubric is both: its structure embedded, its texts fetched.
    let split: Vec<String> = embedded
        .chain(fetched)
        .map(|p| p.replace(".structure.json", ".json").replace(".texts.json", ".json"))
        .collect();
    assert_eq!(split.len(), app_files.len() + 1, "a file is both embedded and fetched, or missing: {split:?}");
    assert_eq!(split.into_iter().collect::<BTreeSet<_>>(), app_files);
    assert!(catalog::FETCHED.contains(&TEXTS));
}

#[test]
fn the_embedded_and_the_fetched_files_make_the_catalog_of_every_file() {
    assert_eq!(&whole(), catalog());
}

#[test]
fn the_fetch_is_complete_or_refused() {
    let fetched = fetched_on_disk();
    let some = fetched.iter().skip(1).map(|(p, t)| (p.as_str(), t.as_str()));
    let err = Catalog::with_fetched(some).unwrap_err();
    assert_eq!(err.file, catalog::FETCHED[0]);
    assert_eq!(err.message, "filen saknas");
    let extra = fetched.iter().map(|(p, t)| (p.as_str(), t.as_str())).chain([("rubrics/annan.json", "{}")]);
    assert_eq!(Catalog::with_fetched(extra).unwrap_err().file, "rubrics/annan.json");
}

#[test]
fn a_damaged_fetched_file_is_named_in_swedish() {
    let mut fetched = fetched_on_disk();
    let html = "<!doctype html><title>Kommunkompass</title>".to_string();
    let i = fetched.iter().position(|(p, _)| p == "rubrics/mappings.json").unwrap();
    fetched[i].1 = html.clone();
    let err = Catalog::with_fetched(fetched.iter().map(|(p, t)| (p.as_str(), t.as_str()))).unwrap_err();
    assert_eq!(err.file, "rubrics/mappings.json");
    let message = LoadError::from(err).to_string();
    assert_eq!(
        message,
        "Filen rubrics/mappings.json innehåller inte giltiga uppgifter: \
         texten är inte giltig JSON; filen kan vara avkortad eller skadad."
    );
    // An older rubric served as the app's page (a server that answers every path with index.html).
    let i = fetched.iter().position(|(p, _)| p == "rubrics/kk-2016.json").unwrap();
    let mut fetched = fetched_on_disk();
    fetched[i].1 = html;
    let err = Catalog::with_fetched(fetched.iter().map(|(p, t)| (p.as_str(), t.as_str()))).unwrap_err();
    assert_eq!(err.file, "rubrics/kk-2016.json");
}

#[test]
fn load_errors_say_what_happened_in_swedish() {
    let file = "rubrics/kk-2016.json".to_string();
    assert_eq!(
        LoadError::Unreachable { file: file.clone() }.to_string(),
        "Det gick inte att nå servern när rubrics/kk-2016.json skulle hämtas. Kontrollera nätverksanslutningen."
    );
    assert_eq!(
        LoadError::Status { file: file.clone(), status: 404 }.to_string(),
        "Servern svarade med felkod 404 när rubrics/kk-2016.json skulle hämtas."
    );
    let invalid = LoadError::Invalid(CatalogError { file, message: "fältet ”id” saknas".into() });
    assert_eq!(
        invalid.to_string(),
        "Filen rubrics/kk-2016.json innehåller inte giltiga uppgifter: fältet ”id” saknas."
    );
}

#[test]
fn every_version_can_be_chosen_and_named_before_any_rubric_is_parsed() {
    // From what the build wrote down, checked here against the parsed files.
    let before = Catalog::versions();
    assert_eq!(Catalog::current_id(), Catalog::embedded().current().id);
    assert_eq!(Catalog::current_id(), whole().current().id);
    let ids: Vec<&str> = before.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["kk-2022", "kk-2020", "kk-2016"]);
    assert!(before[0].current && !before[1].current && !before[2].current);
    for v in &before {
        let rubric = catalog().rubric(&v.id).unwrap();
        assert_eq!((&v.title, &v.period), (&rubric.title, &rubric.period));
        assert_eq!(Catalog::version_title(&v.id).as_ref(), Some(&rubric.title));
    }
    assert!(Catalog::is_fetched_version("kk-2016") && Catalog::is_fetched_version("kk-2020"));
    assert!(!Catalog::is_fetched_version("kk-2022") && !Catalog::is_fetched_version("kk-2030"));
}

#[test]
fn the_questionnaire_names_its_sources_as_before_the_fetch() {
    let (before, after) = (Catalog::embedded(), catalog());
    let mut named = 0;
    for q in after.current().questions() {
        assert_eq!(before.derived_from(&q.source), after.derived_from(&q.source), "question {}", q.id);
        named += usize::from(after.derived_from(&q.source).is_some_and(|d| d.contains("SKR")));
    }
    assert!(named > 0, "some questions name their document");
    let seeds = after.rubrics.iter().map(|r| &r.source).chain(after.references.iter().map(|r| &r.source));
    for seed in seeds.filter_map(|s| s.seed.as_deref()) {
        assert_eq!(before.seed_title(seed), after.seed_title(seed), "seed {seed}");
    }
}
