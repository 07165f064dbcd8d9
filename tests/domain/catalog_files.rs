//! The data in `rubrics/`: every file parses and the published structure is exact.

use kommunkompass::domain::rubric::{AREA_MAX, Rubric};

use crate::support::{catalog, rubric};

fn maxima(r: &Rubric) -> Vec<(String, u32)> {
    r.areas.iter().flat_map(|a| a.subareas.iter().map(|s| (s.id.clone(), s.max))).collect()
}

fn max_of(r: &Rubric, id: &str) -> u32 {
    r.subarea(id).unwrap_or_else(|| panic!("{} has no {id}", r.id)).max
}

#[test]
fn three_versions_load_with_the_current_one_first() {
    let ids: Vec<&str> = catalog().rubrics.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids[0], "kk-2022");
    assert!(catalog().current().current);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, ["kk-2016", "kk-2020", "kk-2022"]);
}

#[test]
fn every_area_is_worth_100_and_every_version_800() {
    for r in &catalog().rubrics {
        assert_eq!(r.areas.len(), 8, "{}", r.id);
        for a in &r.areas {
            assert_eq!(a.max(), AREA_MAX, "{} area {}", r.id, a.id);
            assert!(!a.description.trim().is_empty(), "{} area {} lacks a description", r.id, a.id);
        }
        assert_eq!(r.max(), 800, "{}", r.id);
    }
}

#[test]
fn current_version_matches_the_alingsas_table() {
    let r = rubric("kk-2022");
    let expected = [
        ("1.1", 20),
        ("1.2", 10),
        ("1.3", 30),
        ("1.4", 10),
        ("1.5", 30),
        ("2.1", 15),
        ("2.2", 30),
        ("2.3", 30),
        ("2.4", 25),
        ("3.1", 10),
        ("3.2", 30),
        ("3.3", 25),
        ("3.4", 20),
        ("3.5", 15),
        ("4.1", 20),
        ("4.2", 20),
        ("4.3", 20),
        ("4.4", 20),
        ("4.5", 20),
        ("5.1", 20),
        ("5.2", 20),
        ("5.3", 20),
        ("5.4", 20),
        ("5.5", 20),
        ("6.1", 20),
        ("6.2", 20),
        ("6.3", 30),
        ("6.4", 30),
        ("7.1", 15),
        ("7.2", 40),
        ("7.3", 25),
        ("7.4", 20),
        ("8.1", 20),
        ("8.2", 30),
        ("8.3", 20),
        ("8.4", 30),
    ];
    let expected: Vec<(String, u32)> = expected.iter().map(|(id, m)| (id.to_string(), *m)).collect();
    assert_eq!(maxima(r), expected);
    assert_eq!(r.subarea("3.5").unwrap().name, "Koncernstyrning");
    assert_eq!(r.area("1").unwrap().name, "Samspel mellan förtroendevalda och medborgare");
    assert_eq!(r.area("8").unwrap().name, "Chefs- och ledarskap samt medarbetarskap");
}

#[test]
fn older_versions_keep_their_own_structure() {
    let r2020 = rubric("kk-2020");
    assert_eq!(max_of(r2020, "3.2"), 40);
    let area8 = r2020.area("8").unwrap();
    assert_eq!(area8.subareas.len(), 5);
    assert!(area8.subareas.iter().all(|s| s.max == 20));
    let r2016 = rubric("kk-2016");
    assert_eq!(r2016.area("1").unwrap().name, "Offentlighet och demokrati");
    assert_eq!(r2016.area("8").unwrap().name, "Kommunen som samhällsbyggare");
    assert_eq!(max_of(r2016, "5.6"), 10);
    assert_eq!(r2016.area("8").unwrap().subareas.len(), 7);
    assert!(r2016.questions().all(|q| q.text.contains('?')), "2016 sub-areas are phrased as questions");
}

#[test]
fn every_current_question_has_guidance_evidence_and_a_source() {
    let r = rubric("kk-2022");
    for q in r.questions() {
        let g = q.guidance.as_ref().unwrap_or_else(|| panic!("{} lacks guidance", q.id));
        assert!(g.full.len() > 20 && g.often_missing.len() > 20, "{} has thin guidance", q.id);
        assert!(!q.evidence.is_empty(), "{}", q.id);
        assert!(q.source.seed.is_some() && q.source.section.is_some(), "{} lacks a source", q.id);
    }
    for s in r.areas.iter().flat_map(|a| &a.subareas) {
        assert!((3..=8).contains(&s.questions.len()), "{} has {} questions", s.id, s.questions.len());
    }
}

#[test]
fn question_sources_name_seed_files_that_exist() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        return; // the seed folder sits beside the repository; a lone clone cannot check this
    }
    for q in rubric("kk-2022").questions() {
        let seed = q.source.seed.as_deref().unwrap();
        assert!(seeds.join(seed).is_file(), "{} cites missing seed {seed}", q.id);
    }
}

#[test]
fn scale_never_counts_begun_work_and_ends_at_full_marks() {
    for r in &catalog().rubrics {
        let levels = &r.scale.levels;
        assert_eq!(levels.first().unwrap().fraction, 0.0);
        assert_eq!(levels[1].label, "Påbörjat");
        assert_eq!(levels[1].fraction, 0.0, "reports: begun but not implemented is not credited");
        assert_eq!(r.scale.top().fraction, 1.0);
        assert_eq!(r.scale.dont_know.label, "Vet ej");
        assert_eq!(r.scale.not_applicable.label, "Ej aktuellt");
    }
}

#[test]
fn a_broken_rubric_is_rejected_with_a_reason() {
    let text = include_str!("../../rubrics/kk-2020.json");
    let broken = text.replacen("\"max\": 40", "\"max\": 41", 1);
    let err = Rubric::parse(&broken).unwrap_err();
    assert!(err.to_string().contains("område 3"), "{err}");
    let dup = text.replacen("\"id\": \"1.2\"", "\"id\": \"1.1\"", 1);
    assert!(Rubric::parse(&dup).is_err());
}

#[test]
fn question_sources_read_as_documents_and_sections() {
    let q = rubric("kk-2022").question("3.1.1").unwrap();
    let text = catalog().derived_from(&q.source).unwrap();
    assert!(text.starts_with("Frågan bygger på SKR, Kommunkompassen"), "{text}");
    assert!(text.contains("avsnittet ”3. Område 3"), "{text}");
    // Every seed the evaluation reports come from has a readable name.
    for seed in ["000_654847579dbbef98.txt", "001_7eab6243b29550e7.txt", "003_d0525061455c3b1f.txt"] {
        assert!(catalog().seed_title(seed).is_some(), "{seed}");
    }
}

#[test]
fn web_checks_name_existing_questions_that_look_at_the_website() {
    let checks = crate::support::catalog().web_checks.as_ref().expect("rubrics/webchecks.json is embedded");
    let r = rubric("kk-2022");
    assert_eq!(checks.rubric, r.id);
    assert!(checks.checks.len() >= 15, "{}", checks.checks.len());
    for c in &checks.checks {
        assert!(c.questions.iter().all(|q| r.question(q).is_some()), "{}", c.id);
        assert!(
            c.questions.iter().any(|q| r
                .question(q)
                .unwrap()
                .evidence
                .contains(&kommunkompass::domain::rubric::Evidence::Webbplats)),
            "{} names no question the website can show",
            c.id
        );
        assert!(c.source.seed.is_some() && c.source.section.is_some(), "{}", c.id);
    }
    assert!(checks.for_question("1.3.1").any(|c| c.id == "politiker-kontakt"));
}
