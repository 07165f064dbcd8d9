//! The calibration: the model's expected result, the fit on synthetic data with a known answer,
//! and (in `calibration_study`) the stored study recomputed from its readings.

use std::collections::BTreeMap;

use kommunkompass::domain::assessment::{Answer, Response};
use kommunkompass::domain::calibration::study::{self, Choice, Group, Method, Official, Reading, ReadingAnswer};
use kommunkompass::domain::calibration::{Calibration, Evidence, HeldOut, LevelShare};
use kommunkompass::domain::rubric::Rubric;

use crate::support::{all, rubric};

fn model(shares: [f64; 5], area_range: f64, total_range: f64) -> Calibration {
    Calibration {
        schema: None,
        format: 1,
        rubric: "kk-2022".into(),
        method: "per_level".into(),
        levels: shares.iter().enumerate().map(|(i, s)| LevelShare { value: i as u8, share: *s }).collect(),
        area_offsets: BTreeMap::new(),
        area_range,
        total_range,
        evidence: Evidence {
            evaluations: vec!["alingsas-2022".into()],
            readings: 1,
            held_out: HeldOut { max_area_error: area_range, mean_area_error: 1.0, max_total_error: total_range },
        },
    }
}

/// A reading whose answers cycle through the levels in a pattern that differs per sub-area, so
/// that the sub-areas carry different mixes of levels.
fn synthetic_reading(r: &Rubric, seed: usize) -> Reading {
    let mut answers = BTreeMap::new();
    for (i, q) in r.questions().enumerate() {
        let level = ((i * 7 + seed * 3 + i / 5) % 5) as u8;
        answers.insert(q.id.clone(), ReadingAnswer { answer: Choice::Level(level), reason: "syntetiskt".into() });
    }
    Reading {
        schema: None,
        format: 1,
        report: format!("report-{seed}"),
        reader: format!("reader-{seed}"),
        rubric: r.id.clone(),
        questionnaire_sha256: String::new(),
        text_sha256: String::new(),
        answers,
    }
}

/// The published figures a world with these level shares would produce for `reading`.
fn official_for(r: &Rubric, reading: &Reading, truth: &Calibration) -> Official {
    let expected = truth.expected(r, &reading.answers());
    let groups = expected
        .score
        .areas
        .iter()
        .flat_map(|a| &a.subareas)
        .map(|s| Group { subareas: vec![s.id.clone()], share: s.points.unwrap() / s.max })
        .collect();
    let areas = expected.score.areas.iter().map(|a| (a.id.clone(), a.points)).collect();
    Official { report: reading.report.clone(), areas, groups, approximate: false }
}

/// `n` synthetic readings and the published figures a world with `truth`'s shares gives them.
fn synthetic_world(r: &Rubric, truth: &Calibration, n: usize) -> Vec<(Reading, Official)> {
    (0..n)
        .map(|seed| {
            let reading = synthetic_reading(r, seed);
            let official = official_for(r, &reading, truth);
            (reading, official)
        })
        .collect()
}

#[test]
fn expected_result_uses_the_calibrated_shares_and_clamps_the_range() {
    let r = rubric("kk-2022");
    let c = model([0.3, 0.4, 0.55, 0.75, 0.9], 10.0, 40.0);
    let e = c.expected(r, &all(r, Response::Level(0)));
    let area = e.area("1").unwrap().estimate.unwrap();
    assert!((area.points - 30.0).abs() < 1e-9);
    assert_eq!((area.low, area.high), (20.0, 40.0));
    let total = e.total.unwrap();
    assert!((total.points - 240.0).abs() < 1e-9);
    let e = c.expected(r, &all(r, Response::Level(4)));
    let area = e.area("1").unwrap().estimate.unwrap();
    assert!((area.points - 90.0).abs() < 1e-9);
    assert_eq!(area.high, 100.0, "the range never goes above the maximum");
}

#[test]
fn no_expected_result_for_an_area_with_an_unanswered_sub_area() {
    let r = rubric("kk-2022");
    let c = model([0.3, 0.4, 0.55, 0.75, 0.9], 10.0, 40.0);
    let mut answers = all(r, Response::Level(3));
    for q in &r.subarea("2.3").unwrap().questions {
        answers.insert(q.id.clone(), Answer { response: Some(Response::DontKnow), ..Answer::default() });
    }
    let e = c.expected(r, &answers);
    let area = e.area("2").unwrap();
    assert_eq!(area.estimate, None);
    assert_eq!(area.missing, ["2.3"]);
    assert!(e.area("1").unwrap().estimate.is_some());
    assert_eq!(e.total, None, "no total until every area has an estimate");
}

#[test]
fn fitting_recovers_the_shares_that_produced_the_published_figures() {
    let r = rubric("kk-2022");
    let truth = model([0.25, 0.35, 0.5, 0.7, 0.95], 0.0, 0.0);
    let readings = synthetic_world(r, &truth, 3);
    let data: Vec<(&Reading, &Official)> = readings.iter().map(|(a, b)| (a, b)).collect();
    let fitted = study::fit(Method::PerLevel, r, &data);
    for (got, want) in fitted.levels.iter().zip(&truth.levels) {
        assert!((got.share - want.share).abs() < 1e-3, "{got:?} vs {want:?}");
    }
    // Held out, the recovered model predicts every area almost exactly.
    let reports: Vec<String> = readings.iter().map(|(x, _)| x.report.clone()).collect();
    let names: Vec<&str> = reports.iter().map(String::as_str).collect();
    let v = study::leave_one_out(Method::PerLevel, r, &readings, &names);
    assert!(v.max_area_error() < 0.1, "{}", v.max_area_error());
    // The unfitted scale is far off on the same data, so the check can fail.
    let scale = study::leave_one_out(Method::Scale, r, &readings, &names);
    assert!(scale.max_area_error() > 5.0, "{}", scale.max_area_error());
}

#[test]
fn an_affine_world_is_fitted_exactly_by_the_affine_method() {
    let r = rubric("kk-2022");
    // share = 0.3 + 0.6 × fraction, with the scale's fractions 0, 0, 0.4, 0.75, 1.
    let fractions: Vec<f64> = r.scale.levels.iter().map(|l| l.fraction).collect();
    let shares: Vec<f64> = fractions.iter().map(|f| 0.3 + 0.6 * f).collect();
    let truth = model(shares.clone().try_into().unwrap(), 0.0, 0.0);
    let readings = synthetic_world(r, &truth, 2);
    let data: Vec<(&Reading, &Official)> = readings.iter().map(|(a, b)| (a, b)).collect();
    let fitted = study::fit(Method::Affine, r, &data);
    for (got, want) in fitted.levels.iter().zip(&shares) {
        assert!((got.share - want).abs() < 1e-3, "{got:?} vs {want}");
    }
}

#[test]
fn a_reading_must_answer_every_question_with_a_reason() {
    let r = rubric("kk-2022");
    let mut reading = synthetic_reading(r, 0);
    let json = serde_json::to_string(&reading).unwrap();
    assert!(Reading::parse(&json, r).is_ok());
    let first = r.questions().next().unwrap().id.clone();
    reading.answers.get_mut(&first).unwrap().reason = " ".into();
    assert!(Reading::parse(&serde_json::to_string(&reading).unwrap(), r).is_err());
    reading.answers.remove(&first);
    assert!(Reading::parse(&serde_json::to_string(&reading).unwrap(), r).is_err());
}

/// The stored readings, as the study loads them.
fn stored_readings() -> Vec<(Reading, Official)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics/calibration/readings");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("rubrics/calibration/readings exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    study::load(files.iter().map(|(n, t)| (n.as_str(), t.as_str())), rubric("kk-2022"), crate::support::catalog())
        .expect("every stored reading answers the current questionnaire")
}

fn calibration_file(name: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rubrics/calibration").join(name))
        .unwrap_or_else(|e| panic!("rubrics/calibration/{name}: {e}"))
}

#[test]
fn every_published_evaluation_has_at_least_two_independent_readings() {
    let readings = stored_readings();
    let mut by_report: BTreeMap<&str, Vec<&Reading>> = BTreeMap::new();
    for (r, _) in &readings {
        by_report.entry(r.report.as_str()).or_default().push(r);
    }
    for report in ["alingsas-2022", "ale-2020"] {
        let list = by_report.get(report).unwrap_or_else(|| panic!("no reading of {report}"));
        assert!(list.len() >= 2, "{report}: {} readings", list.len());
        assert!(list.windows(2).all(|w| w[0].text_sha256 == w[1].text_sha256), "{report}: readers saw different texts");
        assert!(
            list.windows(2).all(|w| w[0].reader != w[1].reader && w[0].answers != w[1].answers),
            "{report}: copies"
        );
    }
    // Every reading of the whole study saw the same questionnaire.
    assert!(readings.windows(2).all(|w| w[0].0.questionnaire_sha256 == w[1].0.questionnaire_sha256));
}

#[test]
fn the_stored_model_and_results_are_reproduced_from_the_readings() {
    use kommunkompass::domain::calibration::report;
    let r = rubric("kk-2022");
    let result = study::run(r, &stored_readings()).expect("the study runs");
    let stored = Calibration::parse(&calibration_file("model.json")).unwrap();
    assert_eq!(
        result.calibration, stored,
        "model.json is not what the readings give: run `cargo run --example calibrate -- --write`"
    );
    assert_eq!(report::render(r, &result), calibration_file("results.md"), "results.md is stale");
    assert_eq!(crate::support::catalog().calibration_for("kk-2022"), Some(&stored), "the app embeds the stored model");
}

#[test]
fn held_out_totals_are_within_30_points_and_the_ranges_cover_every_held_out_error() {
    // The targets are ≤ 30 points in total and ≤ 10 in every area, held out, for every
    // reading of both evaluations. The total target is met and asserted here. The area target is
    // not met (the largest area errors, 11–14 points, are in each municipality's strongest area;
    // see rubrics/calibration/README.md), so the app's per-area range is the measured largest
    // error instead of the target, and this test holds it to that.
    let r = rubric("kk-2022");
    let result = study::run(r, &stored_readings()).unwrap();
    let chosen = result.validations.iter().find(|v| v.method == result.chosen).unwrap();
    assert_eq!(chosen.folds.len(), 2);
    for fold in &chosen.folds {
        for p in &fold.predictions {
            assert!(p.total_error.abs() <= 30.0, "{} total: {:+.1}", p.reader, p.total_error);
            for (area, e) in &p.area_errors {
                assert!(e.abs() <= result.calibration.area_range, "{} area {area}: {e:+.1}", p.reader);
            }
            assert!(p.total_error.abs() <= result.calibration.total_range);
        }
    }
    // The calibrated model beats the raw scale by far on the same held-out predictions.
    let scale = result.validations.iter().find(|v| v.method == Method::Scale).unwrap();
    assert!(chosen.mean_area_error() * 3.0 < scale.mean_area_error());
}

fn sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn every_reading_answered_the_questionnaire_as_it_is_worded_now() {
    // A question reworded after the readings were made would leave them answering something
    // else: the study must then be read again (see rubrics/calibration/README.md).
    let current = sha256(&study::questionnaire(rubric("kk-2022")));
    for (r, _) in stored_readings() {
        assert_eq!(r.questionnaire_sha256, current, "{} answered another wording of the questionnaire", r.reader);
    }
}

#[test]
fn readings_saw_the_redacted_text_of_their_own_report() {
    // The redaction of each seed report, as rubrics/calibration/redact.py writes it.
    let expected = BTreeMap::from([
        ("alingsas-2022", "c16ee41e2afb978622380a88d0d6d3273a3867ab931d4017e175ae891308fceb"),
        ("ale-2020", "8942d61fb6d1f1f87140e08dedfdf8da1293f0253b2da1fdfdba555d51df2321"),
        ("amal-2019", "310a24412020d2fb171ad394651fd02d4abc9caa356ec0edf6d32b98dedfbc19"),
    ]);
    for (r, _) in stored_readings() {
        assert_eq!(Some(&r.text_sha256.as_str()), expected.get(r.report.as_str()), "{}", r.reader);
    }
}

#[test]
fn the_explanation_quotes_the_stored_model() {
    let catalog = crate::support::catalog();
    let c = catalog.calibration_for("kk-2022").unwrap();
    let r = rubric("kk-2022");
    let basis = c.basis(&catalog.references);
    assert!(basis.contains("två publicerade utvärderingar (Ale kommun 2020 och Alingsås kommun 2022)"), "{basis}");
    assert!(basis.contains("fyra oberoende läsare"), "{basis}");
    let accuracy = c.accuracy();
    let h = &c.evidence.held_out;
    for figure in [h.max_total_error, h.mean_area_error, h.max_area_error, c.total_range, c.area_range] {
        let text = kommunkompass::domain::format::points(figure);
        assert!(accuracy.contains(&text), "{accuracy} lacks {text}");
    }
    let shows = c.what_measurements_show(&r.scale);
    assert!(shows.contains(&format!("{} för ”Saknas”", kommunkompass::domain::format::percent(c.share(0)))), "{shows}");
    assert!(
        shows.contains(&format!("{} för ”Påbörjat”", kommunkompass::domain::format::percent(c.share(1)))),
        "{shows}"
    );
    assert!(!shows.contains("brukar ge högre"));
    let paragraph = c.paragraph(&r.scale, &catalog.references);
    assert!(paragraph.contains(&basis) && paragraph.contains(&accuracy));
}
