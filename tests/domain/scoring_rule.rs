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
