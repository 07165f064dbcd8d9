//! What the results view is built from: comparisons, insights, the CSV and the chart data.

use std::collections::BTreeMap;

use kommunkompass::charts::{self, Stroke};
use kommunkompass::domain::assessment::{Answer, Response};
use kommunkompass::domain::compare::{ComparisonKind, comparisons, default_key};
use kommunkompass::domain::insights::derive;
use kommunkompass::domain::scoring::score;
use serde_json::Value;

use crate::support::{all, catalog, rubric, top};

fn level(v: u8) -> Answer {
    Answer { response: Some(Response::Level(v)), ..Answer::default() }
}

#[test]
fn the_national_average_is_the_default_comparison_and_equals_the_reference_file() {
    let r = rubric("kk-2022");
    let list = comparisons(&catalog().references, false, &catalog().mappings, r);
    let key = default_key(&list).unwrap();
    assert_eq!(key, "ref:average-2021-vallentuna-page");
    let avg = list.iter().find(|c| c.key == key).unwrap();
    assert_eq!(avg.kind, ComparisonKind::Average);
    assert_eq!(avg.areas.as_deref().unwrap(), [63.0, 65.0, 73.0, 64.0, 61.0, 59.0, 68.0, 64.0]);
    assert!(avg.notes.iter().any(|n| n.contains("anger inte vilka kommuner")), "{:?}", avg.notes);
    assert!(!avg.approximate, "2020 and current versions share their areas");
}

#[test]
fn a_2016_result_is_offered_as_an_approximate_comparison() {
    let r = rubric("kk-2022");
    let list = comparisons(&catalog().references, false, &catalog().mappings, r);
    let amal = list.iter().find(|c| c.key == "ref:amal-2019").unwrap();
    assert!(amal.approximate);
    assert!(amal.label.contains("ungefärlig jämförelse"));
    assert!(amal.notes[0].starts_with("Ungefärlig jämförelse"));
    // Åmål's 2016 area 8 (Kommunen som samhällsbyggare, 81) is drawn on area 2.
    assert_eq!(amal.areas.as_ref().unwrap()[1], 81.0);
    let totals: Vec<(&str, f64)> = list.iter().filter_map(|c| c.total.map(|t| (c.key.as_str(), t))).collect();
    assert!(totals.contains(&("ref:average-first-time-since-2020", 475.0)));
    assert!(totals.contains(&("ref:alingsas-2022", 456.0)));
    assert!(
        !totals.iter().any(|(k, _)| *k == "ref:average-2021-vallentuna-page"),
        "no invented total for a page that prints none"
    );
}

#[test]
fn a_current_result_can_be_compared_with_a_2020_assessment() {
    let r = rubric("kk-2020");
    let list = comparisons(&catalog().references, false, &catalog().mappings, r);
    let alingsas = list.iter().find(|c| c.key == "ref:alingsas-2022").unwrap();
    assert!(!alingsas.approximate);
    assert_eq!(alingsas.areas.as_ref().unwrap()[2], 77.0);
}

#[test]
fn strengths_and_improvements_are_the_highest_and_lowest_sub_areas() {
    let r = rubric("kk-2022");
    let mut answers = BTreeMap::new();
    for q in &r.subarea("3.1").unwrap().questions {
        answers.insert(q.id.clone(), level(4));
    }
    for q in &r.subarea("3.2").unwrap().questions {
        answers.insert(q.id.clone(), level(2));
    }
    for q in &r.subarea("3.3").unwrap().questions {
        answers.insert(q.id.clone(), level(0));
    }
    let s = score(r, &answers);
    let average = BTreeMap::from([("3".to_string(), 73.0)]);
    let insights = derive(&s, &average);
    let area = insights.areas.iter().find(|a| a.area == "3").unwrap();
    assert_eq!(area.strengths.iter().map(|h| h.subarea.as_str()).collect::<Vec<_>>(), ["3.1"]);
    assert_eq!(area.improvements.iter().map(|h| h.subarea.as_str()).collect::<Vec<_>>(), ["3.3"]);
    let expected_gap = s.area("3").unwrap().points - 73.0;
    assert_eq!(area.gap_to_comparison, Some(expected_gap));
    assert_eq!(insights.below_comparison[0].0, "3");
    // Areas with no answers get no gap: an empty area is not "below average", it is unknown.
    assert!(insights.areas.iter().find(|a| a.area == "4").unwrap().gap_to_comparison.is_none());
}

#[test]
fn targets_above_the_answers_show_the_distance_to_go() {
    let r = rubric("kk-2022");
    let mut answers = all(r, Response::Level(2));
    for a in answers.values_mut() {
        a.target = Some(3);
    }
    let insights = derive(&score(r, &answers), &BTreeMap::new());
    let first = &insights.furthest_from_target[0];
    assert!((first.1 - 35.0).abs() < 1e-9, "0.75 − 0.4 of 100 = 35, got {}", first.1);
    assert_eq!(insights.furthest_from_target.len(), 8);
}

#[test]
fn the_profile_chart_has_every_area_on_a_0_to_100_scale() {
    let r = rubric("kk-2022");
    let s = score(r, &all(r, top(r)));
    let avg = comparisons(&catalog().references, false, &catalog().mappings, r)
        .into_iter()
        .find(|c| c.key == "ref:average-2021-vallentuna-page")
        .unwrap();
    let series = [
        charts::own_series("Självskattning", &s),
        charts::ProfileSeries {
            name: avg.label.clone(),
            values: avg.areas.clone().unwrap(),
            stroke: Stroke::Dashed,
            own: false,
        },
    ];
    let option: Value = serde_json::to_value(charts::profile(r, &s, &series)).unwrap();
    let indicators = option["radar"][0]["indicator"].as_array().unwrap();
    assert_eq!(indicators.len(), 8);
    assert!(indicators.iter().all(|i| i["max"] == 100.0 && i["min"] == 0.0));
    assert_eq!(indicators[0]["name"], "1. Samspel mellan förtroendevalda och medborgare");
    let data: Vec<&Value> = option["series"].as_array().unwrap().iter().map(|s| &s["data"][0]["value"]).collect();
    assert_eq!(data[0], &serde_json::json!([100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0]));
    assert_eq!(data[1], &serde_json::json!([63.0, 65.0, 73.0, 64.0, 61.0, 59.0, 68.0, 64.0]));
    assert_eq!(option["series"][1]["lineStyle"]["type"], "dashed");
}

#[test]
fn incomplete_areas_are_labelled_on_the_chart() {
    let r = rubric("kk-2022");
    let mut answers = BTreeMap::new();
    answers.insert("1.1.1".to_string(), level(4));
    let s = score(r, &answers);
    let option: Value = serde_json::to_value(charts::profile(r, &s, &[charts::own_series("X", &s)])).unwrap();
    let name = option["radar"][0]["indicator"][0]["name"].as_str().unwrap();
    assert_eq!(name, "1. Samspel mellan förtroendevalda och medborgare (3 % besvarat)");
}

#[test]
fn sub_area_bars_show_points_targets_and_maxima() {
    let r = rubric("kk-2022");
    let s = score(r, &all(r, Response::Level(3)));
    let area = r.area("7").unwrap();
    let option: Value = serde_json::to_value(charts::subareas(area, s.area("7").unwrap())).unwrap();
    // charming writes a single axis as an object, not a one-element list.
    assert_eq!(option["xAxis"]["data"], serde_json::json!(["7.1", "7.2", "7.3", "7.4"]));
    assert_eq!(option["series"][0]["data"], serde_json::json!([11.3, 30.0, 18.8, 15.0]));
    assert_eq!(option["series"][2]["data"], serde_json::json!([15.0, 40.0, 25.0, 20.0]));
}

#[test]
fn the_summary_names_the_clearest_strengths_and_improvement_areas_and_the_next_actions() {
    use kommunkompass::domain::action::{Action, ActionStatus};
    use kommunkompass::domain::summary::summarize;
    let r = rubric("kk-2022");
    let mut answers = BTreeMap::new();
    // 7.2 (max 40) and 3.1 (max 10) at the top, 5.4 at the bottom, 1.4 Delvis, 2.1 Etablerat.
    for (sub, v) in [("7.2", 4), ("3.1", 4), ("2.1", 3), ("1.4", 2), ("5.4", 0), ("6.2", 1)] {
        for q in &r.subarea(sub).unwrap().questions {
            answers.insert(q.id.clone(), level(v));
        }
    }
    let mut a = crate::support::assessment("kk-2022");
    a.answers = answers.clone();
    for (id, due, status) in [
        ("x", "2026-05-01", ActionStatus::Planned),
        ("y", "2025-12-01", ActionStatus::InProgress),
        ("z", "2024-01-01", ActionStatus::Done),
        ("w", "hösten 2026", ActionStatus::Planned),
        ("v", "2026-01-15", ActionStatus::Planned),
    ] {
        a.upsert_action(Action { id: id.into(), target: "5".into(), due: due.into(), status, ..Action::default() }, 1);
    }
    let s = summarize(&score(r, &answers), &a);
    let ids = |p: &[kommunkompass::domain::summary::Pick]| p.iter().map(|x| x.subarea.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&s.strengths), ["7.2", "3.1", "2.1"], "full share first, the bigger sub-area first on a tie");
    // 5.4 and 6.2 both earn 0 (Saknas and Påbörjat); 5.4 and 6.2 have the same max, so by id.
    assert_eq!(ids(&s.improvements), ["5.4", "6.2", "1.4"]);
    let due: Vec<&str> = s.next_actions.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(due, ["y", "v", "x"], "done actions are left out; dates in order");
}
