//! What is embedded and what is fetched: the embedded files are what the first views need, the
//! fetched files together with them make exactly the catalog of every file on disk, validated by
//! the same code, and the small indexes that stand in for the fetched files say what they say.

use std::collections::BTreeSet;

use kommunkompass::domain::catalog::{self, Catalog, CatalogError, LoadError};

use crate::support::{catalog, files_on_disk};

/// The fetched files as read from disk.
fn fetched_on_disk() -> Vec<(String, String)> {
    let disk = files_on_disk();
    catalog::FETCHED
        .iter()
        .map(|p| disk.iter().find(|(f, _)| f == p).cloned().unwrap_or_else(|| panic!("{p} is not on disk")))
        .collect()
}

fn whole() -> Catalog {
    let fetched = fetched_on_disk();
    Catalog::with_fetched(fetched.iter().map(|(p, t)| (p.as_str(), t.as_str()))).expect("the fetched files are valid")
}

#[test]
fn the_embedded_files_are_the_current_rubric_and_the_calibration() {
    let paths: Vec<&str> = catalog::EMBEDDED.iter().map(|(p, _)| *p).collect();
    assert_eq!(paths, ["rubrics/calibration/model.json", "rubrics/kk-2022.json"]);
    let embedded = Catalog::embedded();
    assert_eq!(embedded.rubrics.len(), 1);
    assert_eq!(embedded.current(), catalog().current());
    assert_eq!(embedded.calibration, catalog().calibration);
    assert!(embedded.references.is_empty() && embedded.web_checks.is_none());
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
    let split: Vec<String> = embedded.chain(fetched).collect();
    assert_eq!(split.len(), app_files.len(), "a file is both embedded and fetched, or missing: {split:?}");
    assert_eq!(split.into_iter().collect::<BTreeSet<_>>(), app_files);
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
fn every_version_can_be_chosen_and_named_before_the_fetch() {
    let before = Catalog::embedded().versions();
    assert_eq!(before, whole().versions());
    let ids: Vec<&str> = before.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["kk-2022", "kk-2020", "kk-2016"]);
    assert!(before[0].current && !before[1].current && !before[2].current);
    for v in &before {
        let rubric = catalog().rubric(&v.id).unwrap();
        assert_eq!((&v.title, &v.period), (&rubric.title, &rubric.period));
        assert_eq!(Catalog::embedded().version_title(&v.id).as_ref(), Some(&rubric.title));
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
