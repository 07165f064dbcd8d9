//! Published results and averages in `rubrics/references/`: every number as printed, and the
//! printed totals reproduced from the area figures.

use kommunkompass::domain::reference::ReferenceKind;

use crate::support::{catalog, rubric};

fn areas(id: &str) -> Vec<f64> {
    let r = catalog().reference(id).unwrap_or_else(|| panic!("reference {id} missing"));
    (1..=8).map(|a| r.area(&a.to_string()).unwrap_or_else(|| panic!("{id} lacks area {a}"))).collect()
}

#[test]
fn official_results_are_as_printed() {
    assert_eq!(areas("alingsas-2022"), [56.0, 56.0, 77.0, 58.0, 47.0, 48.0, 57.0, 57.0]);
    assert_eq!(areas("ale-2020"), [74.0, 67.0, 65.0, 64.0, 55.0, 53.0, 55.0, 51.0]);
    assert_eq!(areas("amal-2019"), [55.0, 46.0, 60.0, 54.0, 51.0, 64.0, 42.0, 81.0]);
    assert_eq!(areas("vallentuna-2021"), [73.0, 75.0, 80.0, 83.0, 86.0, 82.0, 86.0, 83.0]);
}

#[test]
fn area_figures_reproduce_the_published_totals() {
    for (id, total) in [("alingsas-2022", 456.0), ("vallentuna-2021", 648.0)] {
        let r = catalog().reference(id).unwrap();
        assert_eq!(r.total, Some(total), "{id}");
        assert_eq!(areas(id).iter().sum::<f64>(), total, "{id}");
    }
}

#[test]
fn sub_area_points_agree_with_area_points_within_published_rounding() {
    for id in ["alingsas-2022", "ale-2020", "amal-2019"] {
        let reference = catalog().reference(id).unwrap();
        let rubric = rubric(&reference.rubric);
        let subs = reference.subareas.as_ref().unwrap();
        for area in &rubric.areas {
            let sum: f64 = area.subareas.iter().map(|s| subs[&s.id]).sum();
            // Each printed sub-area is rounded to a whole point, so the sum may drift by up to
            // half a point per sub-area (Ale area 4 prints 16+17+22+10 = 65 but 64).
            let slack = 0.5 * area.subareas.len() as f64;
            let printed = reference.area(&area.id).unwrap();
            assert!((sum - printed).abs() <= slack, "{id} area {}: {sum} vs {printed}", area.id);
        }
        assert_eq!(subs.len(), rubric.areas.iter().map(|a| a.subareas.len()).sum::<usize>(), "{id}");
    }
    let alingsas = catalog().reference("alingsas-2022").unwrap().subareas.clone().unwrap();
    assert_eq!((alingsas["1.1"], alingsas["3.5"], alingsas["7.2"]), (11.0, 12.0, 21.0));
}

#[test]
fn national_averages_say_where_they_come_from() {
    assert_eq!(areas("average-2021-vallentuna-page"), [63.0, 65.0, 73.0, 64.0, 61.0, 59.0, 68.0, 64.0]);
    let page = catalog().reference("average-2021-vallentuna-page").unwrap();
    assert!(page.source.url.as_deref().unwrap().starts_with("https://www.vallentuna.se/"));
    assert!(page.caveat.as_deref().unwrap().contains("Offentlighet och demokrati"));
    let first = catalog().reference("average-first-time-since-2020").unwrap();
    assert_eq!(first.total, Some(475.0));
    assert!(first.group.is_some());
    let totals: Vec<Option<f64>> = ["average-2016-first-time", "average-2016-all"]
        .iter()
        .map(|id| catalog().reference(id).unwrap().total)
        .collect();
    assert_eq!(totals, [Some(375.0), Some(473.0)]);
    for r in &catalog().references {
        assert!(!r.source.describe().is_empty(), "{} has no source", r.id);
        if r.kind == ReferenceKind::Average {
            assert!(
                r.group.is_some() || r.caveat.is_some(),
                "{}: an average must say what it covers or why it cannot",
                r.id
            );
        }
    }
}

#[test]
fn totals_only_results_are_listed() {
    for (id, total) in [
        ("hoganas-2020", 611.0),
        ("hoganas-2023", 679.0),
        ("tomelilla-2020", 497.0),
        ("tomelilla-2023", 546.0),
        ("mark-2022", 438.0),
        ("mark-2024", 510.0),
    ] {
        let r = catalog().reference(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(r.total, Some(total), "{id}");
        assert!(r.areas.is_none());
    }
}

#[test]
fn a_2016_result_maps_onto_the_current_areas_as_an_approximation() {
    let amal = catalog().reference("amal-2019").unwrap();
    let mapped = catalog().mappings.areas_on(amal, "kk-2022").unwrap();
    assert!(mapped.approximate);
    assert!(mapped.note.is_some());
    // 2016 area 2 (Tillgänglighet och brukarorientering, 46) lands on area 5 (Brukarens fokus),
    // 8 (Kommunen som samhällsbyggare, 81) on 2 (Samhällsutveckling), 4 (Ledarskap, 54) on 8.
    assert_eq!(mapped.values["5"], 46.0);
    assert_eq!(mapped.values["2"], 81.0);
    assert_eq!(mapped.values["8"], 54.0);
    assert_eq!(mapped.values.values().sum::<f64>(), 453.0);
    let ale = catalog().reference("ale-2020").unwrap();
    let same = catalog().mappings.areas_on(ale, "kk-2022").unwrap();
    assert!(!same.approximate);
    assert_eq!(same.values["1"], 74.0);
}

#[test]
fn a_reference_with_a_value_above_the_maximum_is_rejected() {
    use kommunkompass::domain::catalog::Catalog;
    let bad = include_str!("../../rubrics/references/alingsas-2022.json").replacen("\"1.1\": 11", "\"1.1\": 21", 1);
    let files = [
        ("rubrics/kk-2022.json", include_str!("../../rubrics/kk-2022.json")),
        ("rubrics/references/bad.json", bad.as_str()),
    ];
    let err = Catalog::from_files(files).unwrap_err();
    assert!(err.to_string().contains("1.1"), "{err}");
}
