//! Everything an assessment can be laid beside, in one order: published averages, published
//! results, figures the user added, the team's other rounds; which average insights measure
//! against; and the series the profile draws.

use std::collections::BTreeSet;

use kommunkompass::charts::{Stroke, profile_series};
use kommunkompass::domain::assessment::{Assessment, Edit, Response};
use kommunkompass::domain::compare::{ComparisonKind, TARGETS_KEY, chosen_average, everything, own_rounds};
use kommunkompass::domain::reference::Reference;
use kommunkompass::domain::scoring::score;

use crate::support::{all, assessment, catalog, rubric, top};

fn round(id: &str, name: &str, rubric_id: &str, answered: bool) -> Assessment {
    let mut a = assessment(rubric_id);
    a.id = id.into();
    a.name = name.into();
    if answered {
        let r = rubric(rubric_id);
        a.answers = all(r, top(r));
    } else {
        a.apply(Edit::Response { question: "1.1.1".into(), response: Some(Response::Level(4)) }, 5);
    }
    a
}

fn date(ms: u64) -> String {
    format!("dag {ms}")
}

fn user_reference() -> Reference {
    Reference::parse(
        r#"{"format":1,"id":"egen-1","kind":"official_result","label":"Vårt officiella resultat","rubric":"kk-2022","date":"2023","source":{},"total":400,"areas":{"1":50,"2":50,"3":50,"4":50,"5":50,"6":50,"7":50,"8":50}}"#,
    )
    .unwrap()
}

#[test]
fn own_rounds_are_the_other_assessments_on_the_same_rubric_version_with_a_caution_when_incomplete() {
    let r = rubric("kk-2022");
    let rounds = [
        round("a", "Denna", "kk-2022", true),
        round("b", "Våren", "kk-2022", true),
        round("c", "Hösten", "kk-2022", false),
        round("d", "Gammal version", "kk-2020", true),
    ];
    let list = own_rounds(r, "a", rounds.iter(), &date);
    assert_eq!(list.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(), ["own:b", "own:c"]);
    let spring = &list[0];
    assert_eq!((spring.label.as_str(), spring.kind), ("Egen omgång: Våren", ComparisonKind::OwnRound));
    assert_eq!(spring.areas.as_deref(), Some(&[100.0; 8][..]));
    assert_eq!(spring.total, Some(800.0));
    assert_eq!(spring.notes, ["Egen självskattning, senast ändrad dag 1700000000000."]);
    assert!(list[1].notes[1].starts_with("Bara 0 % av frågorna är besvarade"), "{:?}", list[1].notes);
}

#[test]
fn everything_comes_in_one_order_averages_published_user_added_own_rounds() {
    let r = rubric("kk-2022");
    let rounds = [round("b", "Ö-omgången", "kk-2022", true), round("c", "A-omgången", "kk-2022", true)];
    let own = own_rounds(r, "a", rounds.iter(), &date);
    let list = everything(&catalog().references, &[user_reference()], &catalog().mappings, r, own);
    let ranks: Vec<u8> = list.iter().map(|c| c.kind.rank()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    for kind in
        [ComparisonKind::Average, ComparisonKind::Official, ComparisonKind::UserEntered, ComparisonKind::OwnRound]
    {
        let labels: Vec<&str> = list.iter().filter(|c| c.kind == kind).map(|c| c.label.as_str()).collect();
        assert!(!labels.is_empty(), "{kind:?} present");
        assert!(labels.windows(2).all(|w| w[0] <= w[1]), "{kind:?} by label: {labels:?}");
    }
    assert_eq!(list.last().map(|c| c.label.as_str()), Some("Egen omgång: Ö-omgången"));
}

#[test]
fn insights_measure_against_the_chosen_average_else_the_first() {
    let r = rubric("kk-2022");
    let list = everything(&catalog().references, &[], &catalog().mappings, r, Vec::new());
    let averages: Vec<_> = list.iter().filter(|c| c.kind == ComparisonKind::Average && c.areas.is_some()).collect();
    let first = chosen_average(r, &list, &BTreeSet::new());
    assert_eq!(first["1"], averages[0].areas.as_ref().unwrap()[0]);
    if let Some(second) = averages.get(1) {
        let chosen = BTreeSet::from([second.key.clone()]);
        assert_eq!(chosen_average(r, &list, &chosen)["1"], second.areas.as_ref().unwrap()[0]);
    }
    // A chosen official result is not an average: the first average is still used.
    let official = list.iter().find(|c| c.kind == ComparisonKind::Official).unwrap();
    assert_eq!(chosen_average(r, &list, &BTreeSet::from([official.key.clone()])), first);
}

#[test]
fn the_profile_draws_the_assessment_then_the_chosen_comparisons_then_the_targets() {
    let r = rubric("kk-2022");
    let s = score(r, &all(r, top(r)));
    let list = everything(&catalog().references, &[user_reference()], &catalog().mappings, r, Vec::new());
    let average = list.iter().find(|c| c.kind == ComparisonKind::Average && c.areas.is_some()).unwrap();
    let chosen = BTreeSet::from([average.key.clone(), "ref:egen-1".to_string(), TARGETS_KEY.to_string()]);
    let series = profile_series("Workshop", &s, None, &list, &chosen);
    let drawn: Vec<(&str, Stroke)> = series.iter().map(|x| (x.name.as_str(), x.stroke)).collect();
    assert_eq!(
        drawn,
        [
            ("Självskattning (råpoäng): Workshop", Stroke::Main),
            (average.label.as_str(), Stroke::Dashed),
            ("Vårt officiella resultat", Stroke::Thin),
            ("Målnivå", Stroke::Dotted),
        ]
    );
}

#[test]
fn with_a_calibration_the_expected_result_leads_and_the_raw_score_follows() {
    let r = rubric("kk-2022");
    let answers = all(r, kommunkompass::domain::assessment::Response::Level(2));
    let s = score(r, &answers);
    let c = catalog().calibration_for("kk-2022").unwrap();
    let expected = c.expected(r, &answers);
    let list = everything(&catalog().references, &[], &catalog().mappings, r, Vec::new());
    let series = profile_series("Workshop", &s, Some(&expected), &list, &BTreeSet::new());
    let drawn: Vec<(&str, Stroke, bool)> = series.iter().map(|x| (x.name.as_str(), x.stroke, x.own)).collect();
    assert_eq!(
        drawn,
        [("Förväntat vid utvärdering", Stroke::Main, true), ("Självskattning (råpoäng): Workshop", Stroke::Raw, true)]
    );
    // Delvis everywhere: the raw score is 40 per area, the expected result the fitted share of it.
    assert!(series[1].values.iter().all(|v| (*v - 40.0).abs() < 1e-9));
    let share = (c.share(2) * 1000.0).round() / 10.0;
    assert!(series[0].values.iter().all(|v| (*v - share).abs() < 0.051), "{:?} vs {share}", series[0].values);
    // With an area left unanswered there is no expected line, only the raw one.
    let mut partial = answers.clone();
    for q in r.area("4").unwrap().questions() {
        partial.remove(&q.id);
    }
    let expected = c.expected(r, &partial);
    let series = profile_series("Workshop", &score(r, &partial), Some(&expected), &list, &BTreeSet::new());
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].stroke, Stroke::Main);
}
