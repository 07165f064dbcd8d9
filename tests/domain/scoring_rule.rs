//! The scoring rule on hand-made answer sets.

use std::collections::BTreeMap;

use kommunkompass::domain::assessment::{Answer, Response};
use kommunkompass::domain::scoring::score;

use crate::support::{all, rubric, top};

fn level(v: u8) -> Answer {
    Answer { response: Some(Response::Level(v)), ..Answer::default() }
}

#[test]
fn all_top_level_gives_800_and_all_zero_gives_0() {
    for id in ["kk-2022", "kk-2020", "kk-2016"] {
        let r = rubric(id);
        let best = score(r, &all(r, top(r)));
        assert!((best.total - 800.0).abs() < 1e-9, "{id}: {}", best.total);
        assert!(best.areas.iter().all(|a| (a.points - 100.0).abs() < 1e-9));
        assert!(best.completeness.is_complete());
        let worst = score(r, &all(r, Response::Level(0)));
        assert_eq!(worst.total, 0.0);
        assert!(worst.completeness.is_complete());
    }
}

#[test]
fn nothing_answered_scores_nothing_and_is_incomplete() {
    let r = rubric("kk-2022");
    let s = score(r, &BTreeMap::new());
    assert_eq!(s.total, 0.0);
    assert_eq!(s.completeness.answered, 0);
    assert_eq!(s.completeness.applicable, r.questions().count());
    assert!(s.areas.iter().flat_map(|a| &a.subareas).all(|sub| sub.points.is_none()));
}

#[test]
fn dont_know_is_not_scored_as_zero() {
    let r = rubric("kk-2022");
    let sub = r.subarea("1.1").unwrap();
    let mut answers = BTreeMap::new();
    answers.insert(sub.questions[0].id.clone(), level(4));
    for q in &sub.questions[1..] {
        answers.insert(q.id.clone(), Answer { response: Some(Response::DontKnow), ..Answer::default() });
    }
    let s = score(r, &answers);
    let sub_score = s.subarea("1.1").unwrap();
    assert_eq!(sub_score.points, Some(20.0), "only the answered question counts");
    assert_eq!(sub_score.completeness.answered, 1);
    assert_eq!(sub_score.completeness.applicable, sub.questions.len());
    assert!(!sub_score.completeness.is_complete());
}

#[test]
fn not_applicable_leaves_the_calculation() {
    let r = rubric("kk-2022");
    let sub = r.subarea("3.5").unwrap();
    let mut answers = BTreeMap::new();
    answers.insert(sub.questions[0].id.clone(), level(3));
    for q in &sub.questions[1..] {
        answers.insert(q.id.clone(), Answer { response: Some(Response::NotApplicable), ..Answer::default() });
    }
    let s = score(r, &answers).subarea("3.5").unwrap().clone();
    assert_eq!(s.points, Some(15.0 * 0.75));
    assert_eq!(s.completeness.applicable, 1);
    assert!(s.completeness.is_complete());
}

#[test]
fn weights_are_honoured() {
    let r = rubric("kk-2022");
    // 1.1.1 carries weight 2; the rest weight 1.
    let sub = r.subarea("1.1").unwrap();
    let heavy = sub.questions.iter().find(|q| q.weight() == 2.0).expect("1.1 has a weighted question");
    let light = sub.questions.iter().find(|q| q.weight() == 1.0).unwrap();
    let answers = BTreeMap::from([(heavy.id.clone(), level(4)), (light.id.clone(), level(0))]);
    let points = score(r, &answers).subarea("1.1").unwrap().points.unwrap();
    assert!((points - 20.0 * 2.0 / 3.0).abs() < 1e-9, "{points}");
}

#[test]
fn area_is_the_sum_of_its_sub_areas_and_targets_fall_back_to_answers() {
    let r = rubric("kk-2022");
    let mut answers = all(r, Response::Level(2));
    let first = r.subarea("2.1").unwrap().questions[0].id.clone();
    answers.get_mut(&first).unwrap().target = Some(4);
    let s = score(r, &answers);
    let area = s.area("2").unwrap();
    let sum: f64 = area.subareas.iter().map(|x| x.points.unwrap()).sum();
    assert!((area.points - sum).abs() < 1e-9);
    assert!((area.points - 40.0).abs() < 1e-9, "Delvis = 0.4 of 100");
    let target = area.target.unwrap();
    assert!(target > area.points && target < 100.0, "{target}");
    assert!((s.total - 320.0).abs() < 1e-9);
}

fn not_applicable() -> Answer {
    Answer { response: Some(Response::NotApplicable), ..Answer::default() }
}

#[test]
fn a_sub_area_that_does_not_apply_costs_nothing() {
    // A municipality without companies: every question of 3.5 Koncernstyrning is Ej aktuellt and
    // everything else in area 3 is at the top level. The area must still reach 100, not 85.
    let r = rubric("kk-2022");
    let mut answers = all(r, top(r));
    for q in &r.subarea("3.5").unwrap().questions {
        answers.insert(q.id.clone(), not_applicable());
    }
    let s = score(r, &answers);
    let area = s.area("3").unwrap();
    assert_eq!(area.applicable_max, 85.0);
    assert!((area.points - 100.0).abs() < 1e-9, "{}", area.points);
    assert!((s.total - 800.0).abs() < 1e-9, "{}", s.total);
    let sub = s.subarea("3.5").unwrap();
    assert!(sub.is_not_applicable());
    assert_eq!(sub.points, None);
    assert_eq!(area.not_applicable().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["3.5"]);
}

#[test]
fn the_area_is_scaled_over_the_maxima_that_apply() {
    // 3.1–3.4 at Delvis (0.4) and 3.5 not applicable: 0.4 × 85 points, scaled by 100/85 = 40.
    let r = rubric("kk-2022");
    let mut answers = all(r, Response::Level(2));
    for q in &r.subarea("3.5").unwrap().questions {
        answers.insert(q.id.clone(), not_applicable());
    }
    let area = score(r, &answers).area("3").unwrap().clone();
    assert!((area.scale() - 100.0 / 85.0).abs() < 1e-12);
    assert!((area.points - 40.0).abs() < 1e-9, "{}", area.points);
    // One applicable question left in 3.5 brings the sub-area back at full weight.
    answers.insert(r.subarea("3.5").unwrap().questions[0].id.clone(), level(0));
    let area = score(r, &answers).area("3").unwrap().clone();
    assert_eq!(area.applicable_max, 100.0);
    assert!((area.points - 0.4 * 85.0).abs() < 1e-9, "{}", area.points);
}

#[test]
fn an_area_where_nothing_applies_leaves_the_total_at_full_scale() {
    let r = rubric("kk-2022");
    let mut answers = all(r, top(r));
    for q in r.area("4").unwrap().questions() {
        answers.insert(q.id.clone(), not_applicable());
    }
    let s = score(r, &answers);
    assert_eq!(s.area("4").unwrap().points, 0.0);
    assert!((s.total - 800.0).abs() < 1e-9, "{}", s.total);
}
