//! Workshops: participants' files laid together, statistics over ordinal levels, the
//! disagreement ranking, agreeing, the common assessment, storage and two-tab merging.

use std::collections::BTreeMap;

use kommunkompass::domain::assessment::{Answer, Assessment, Response};
use kommunkompass::domain::persist;
use kommunkompass::domain::scoring::score;
use kommunkompass::domain::workshop::stats::{overview, question_stats, spread};
use kommunkompass::domain::workshop::{AddError, Workshop, merge::merge, persist as wpersist};
use proptest::prelude::*;

use crate::support::{catalog, rubric};

fn answers(pairs: &[(&str, Response)]) -> BTreeMap<String, Answer> {
    pairs.iter().map(|(q, r)| (q.to_string(), Answer { response: Some(*r), ..Answer::default() })).collect()
}

fn lvl(v: u8) -> Response {
    Response::Level(v)
}

/// A participant's file: every question of kk-2022 at `level(i)`.
fn file(id: &str, name: &str, level: impl Fn(usize) -> Response) -> Vec<u8> {
    let r = rubric("kk-2022");
    let mut a = Assessment::new(id.into(), name.into(), "Exempelby".into(), "kk-2022".into(), 1);
    for (i, q) in r.questions().enumerate() {
        a.answers.insert(q.id.clone(), Answer { response: Some(level(i)), changed_at: 1, ..Answer::default() });
    }
    persist::encode(&a, "test", 2).into_bytes()
}

#[test]
fn the_median_of_an_even_count_is_the_lower_middle_and_quartiles_are_nearest_rank() {
    let s = spread(&[1u8, 3, 2, 4]).unwrap();
    assert_eq!((s.min, s.q1, s.median, s.q3, s.max, s.n), (1, 1, 2, 3, 4, 4));
    let s = spread(&[0u8, 4, 4, 4, 2]).unwrap();
    assert_eq!((s.min, s.q1, s.median, s.q3, s.max), (0, 2, 4, 4, 4));
    assert_eq!(spread::<u8>(&[]), None);
}

#[test]
fn dont_know_and_not_applicable_are_counted_apart_and_never_as_zero() {
    let r = rubric("kk-2022");
    let q = "1.1.1";
    let sets = [
        answers(&[(q, lvl(4))]),
        answers(&[(q, Response::DontKnow)]),
        answers(&[(q, Response::NotApplicable)]),
        answers(&[]),
        answers(&[(q, lvl(3))]),
    ];
    let refs: Vec<_> = sets.iter().collect();
    let s = question_stats(r, q, &refs);
    assert_eq!(s.distribution.dont_know, 1);
    assert_eq!(s.distribution.not_applicable, 1);
    assert_eq!(s.distribution.unanswered, 1);
    assert_eq!(s.distribution.levels, vec![(0, 0), (1, 0), (2, 0), (3, 1), (4, 1)]);
    let spread = s.spread.unwrap();
    assert_eq!((spread.min, spread.median, spread.max, spread.n), (3, 3, 4, 2));
}

#[test]
fn disagreement_ranks_by_spread_then_iqr_then_voices() {
    let r = rubric("kk-2022");
    let sets = [
        answers(&[("1.1.1", lvl(0)), ("1.1.2", lvl(1)), ("1.1.3", lvl(2)), ("2.1.1", lvl(2))]),
        answers(&[("1.1.1", lvl(4)), ("1.1.2", lvl(4)), ("1.1.3", lvl(2)), ("2.1.1", lvl(2))]),
        answers(&[("1.1.1", lvl(4)), ("1.1.2", lvl(1)), ("1.1.3", lvl(3)), ("2.1.1", lvl(2))]),
        answers(&[("1.1.1", lvl(4)), ("1.1.2", lvl(1))]),
    ];
    let refs: Vec<_> = sets.iter().collect();
    let o = overview(r, &refs);
    // 1.1.1 spans 0–4, 1.1.2 1–4, 1.1.3 2–3; 2.1.1 has no spread and is not listed.
    assert_eq!(o.questions_by_disagreement, ["1.1.1", "1.1.2", "1.1.3"]);
    assert_eq!(o.subareas_by_disagreement.first().map(String::as_str), Some("1.1"));
    assert!(!o.subareas_by_disagreement.contains(&"2.1".to_string()));
}

fn arb_set() -> impl Strategy<Value = BTreeMap<String, Answer>> {
    let ids: Vec<String> = rubric("kk-2022").questions().take(12).map(|q| q.id.clone()).collect();
    proptest::collection::vec(0u8..8, ids.len()).prop_map(move |codes| {
        ids.iter()
            .zip(codes)
            .filter_map(|(id, c)| {
                let response = match c {
                    0..=4 => Some(Response::Level(c)),
                    5 => Some(Response::DontKnow),
                    6 => Some(Response::NotApplicable),
                    _ => None,
                }?;
                Some((id.clone(), Answer { response: Some(response), ..Answer::default() }))
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_order_of_the_files_never_changes_the_result(sets in proptest::collection::vec(arb_set(), 1..7), seed in any::<u64>()) {
        let r = rubric("kk-2022");
        let refs: Vec<_> = sets.iter().collect();
        let mut shuffled = refs.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.rotate_left(i as u32) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        prop_assert_eq!(overview(r, &refs), overview(r, &shuffled));
    }

    #[test]
    fn one_participant_gives_zero_spread(set in arb_set()) {
        let r = rubric("kk-2022");
        let o = overview(r, &[&set]);
        prop_assert!(o.questions.iter().all(|q| q.range() == 0 && q.iqr() == 0));
        prop_assert!(o.questions_by_disagreement.is_empty());
        prop_assert!(o.subareas_by_disagreement.is_empty());
    }

    #[test]
    fn a_participant_who_does_not_know_never_moves_the_levels(sets in proptest::collection::vec(arb_set(), 1..6)) {
        let r = rubric("kk-2022");
        let refs: Vec<_> = sets.iter().collect();
        let unsure: BTreeMap<String, Answer> = r.questions().take(12)
            .map(|q| (q.id.clone(), Answer { response: Some(Response::DontKnow), ..Answer::default() })).collect();
        let mut with = refs.clone();
        with.push(&unsure);
        let (a, b) = (overview(r, &refs), overview(r, &with));
        for (x, y) in a.questions.iter().zip(&b.questions) {
            prop_assert_eq!(x.spread, y.spread);
            let extra = usize::from(unsure.contains_key(&x.question));
            prop_assert_eq!(x.distribution.dont_know + extra, y.distribution.dont_know);
        }
        prop_assert_eq!(a.questions_by_disagreement, b.questions_by_disagreement);
    }
}

#[test]
fn a_bad_file_among_good_ones_is_named_and_the_good_ones_are_added() {
    let mut w = Workshop::new("w1".into(), "Ledningsgruppen".into(), "kk-2022".into(), 10);
    let other_version = {
        let mut a = Assessment::new("o1".into(), "Gammal".into(), "Exempelby".into(), "kk-2020".into(), 1);
        a.answers.insert("1.1.1".into(), Answer { response: Some(lvl(2)), ..Answer::default() });
        persist::encode(&a, "test", 2).into_bytes()
    };
    let files = vec![
        ("anna.json".to_string(), file("p1", "Anna", |_| lvl(3))),
        ("trasig.json".to_string(), b"{ inte json".to_vec()),
        ("bo.json".to_string(), file("p2", "Bo", |_| lvl(1))),
        ("gammal.json".to_string(), other_version),
        ("anna-igen.json".to_string(), file("p1", "Anna", |_| lvl(4))),
    ];
    let report = w.add_files(&files, &catalog().rubrics, 20);
    assert_eq!(report.added, ["Anna", "Bo"]);
    let names: Vec<&str> = report.rejected.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["trasig.json", "gammal.json", "anna-igen.json"]);
    assert!(matches!(report.rejected[0].1, AddError::Invalid(_)));
    assert!(matches!(report.rejected[1].1, AddError::OtherRubric { .. }));
    assert!(matches!(report.rejected[2].1, AddError::AlreadyAdded(_)));
    let message = report.rejected[1].1.message("gammal.json");
    assert!(message.starts_with("”gammal.json” lades inte till: ") && message.contains("kk-2020"), "{message}");
    assert_eq!(w.participants().count(), 2);
    w.anonymous = true;
    assert_eq!((w.display_name(0), w.display_name(1)), ("Deltagare A".to_string(), "Deltagare B".to_string()));
}

#[test]
fn the_common_assessment_scores_what_the_agreed_levels_give() {
    let r = rubric("kk-2022");
    let mut w = Workshop::new("w1".into(), "Ledningsgruppen".into(), "kk-2022".into(), 10);
    let files: Vec<(String, Vec<u8>)> = (0..4u8)
        .map(|p| {
            (
                format!("p{p}.json"),
                file(&format!("p{p}"), &format!("Deltagare {p}"), move |i| lvl(((i + p as usize) % 5) as u8)),
            )
        })
        .collect();
    w.add_files(&files, &catalog().rubrics, 20);
    for q in r.questions() {
        let proposal = w.proposal(r, &q.id);
        w.agree(&q.id, proposal, String::new(), 30);
    }
    w.agree("1.1.1", Some(lvl(4)), "Beslutad strategi finns".into(), 31);
    let common = w.common_assessment("c1".into(), "Exempelby".into(), 40);
    assert_eq!(common.name, "Gemensam bedömning – Ledningsgruppen");
    assert_eq!(
        common.origin,
        Some(kommunkompass::domain::assessment::Origin::Workshop { workshop: "w1".into(), participants: 4 })
    );
    let expected: BTreeMap<String, Answer> = r
        .questions()
        .map(|q| (q.id.clone(), Answer { response: w.agreed(&q.id).and_then(|a| a.response), ..Answer::default() }))
        .collect();
    assert_eq!(score(r, &common.answers), score(r, &expected));
    assert_eq!(common.answers["1.1.1"].comment, "Beslutad strategi finns");
    // The second question got 1, 2, 3 and 4 from the four participants: the lower middle is 2.
    let second = &r.questions().nth(1).unwrap().id;
    let s = question_stats(r, second, &w.answer_sets()).spread.unwrap();
    assert_eq!((s.min, s.median, s.max), (1, 2, 4));
    assert_eq!(w.proposal(r, second), Some(lvl(2)));
}

#[test]
fn a_workshop_survives_storage_and_a_newer_format_is_refused() {
    let mut w = Workshop::new("w1".into(), "Ledningsgruppen".into(), "kk-2022".into(), 10);
    w.add_files(&[("a.json".into(), file("p1", "Anna", |_| lvl(2)))], &catalog().rubrics, 20);
    w.agree("1.1.1", Some(lvl(3)), "ok".into(), 21);
    let text = wpersist::encode(&w, "test", 22, false);
    assert_eq!(wpersist::decode(&text).unwrap(), w);
    let newer = text.replace("\"schema\":1", "\"schema\":99");
    assert!(matches!(wpersist::decode(&newer), Err(kommunkompass::domain::error::DecodeError::TooNew(99))));
    // An assessment file is not a workshop, and a workshop is not an assessment.
    let assessment = String::from_utf8(file("p1", "Anna", |_| lvl(2))).unwrap();
    assert!(matches!(wpersist::decode(&assessment), Err(kommunkompass::domain::error::DecodeError::NotOurs)));
    assert!(persist::decode(&text).is_err());
}

#[test]
fn two_tabs_merge_without_losing_a_participant_or_an_agreement() {
    let base = {
        let mut w = Workshop::new("w1".into(), "Ledningsgruppen".into(), "kk-2022".into(), 10);
        w.add_files(&[("a.json".into(), file("p1", "Anna", |_| lvl(2)))], &catalog().rubrics, 20);
        w
    };
    let mut left = base.clone();
    let mut right = base.clone();
    left.add_files(&[("b.json".into(), file("p2", "Bo", |_| lvl(1)))], &catalog().rubrics, 30);
    left.agree("1.1.1", Some(lvl(3)), String::new(), 31);
    right.agree("1.1.2", Some(lvl(2)), String::new(), 32);
    right.remove_participant("p1", 33);
    right.agree("1.1.1", None, String::new(), 34); // cleared later than left set it
    let m = merge(&left, &right);
    assert_eq!(m, merge(&right, &left), "commutative");
    assert_eq!(merge(&m, &m), m, "idempotent");
    assert_eq!(merge(&m, &left), m);
    let live: Vec<&str> = m.participants().map(|p| p.assessment.as_str()).collect();
    assert_eq!(live, ["p2"], "the removal in one tab and the addition in the other both hold");
    assert!(m.agreed("1.1.1").is_none(), "clearing later wins");
    assert_eq!(m.agreed("1.1.2").and_then(|a| a.response), Some(lvl(2)));
}

#[test]
fn the_workshop_csv_has_every_participant_the_spread_and_the_agreed_level() {
    use kommunkompass::domain::csv::workshop_csv;
    let r = rubric("kk-2022");
    let mut w = Workshop::new("w1".into(), "Ledningsgruppen".into(), "kk-2022".into(), 10);
    let files: Vec<(String, Vec<u8>)> = [("p1", "=Anna"), ("p2", "Bo"), ("p3", "Cecilia")]
        .iter()
        .enumerate()
        .map(|(n, (id, name))| {
            (format!("{id}.json"), file(id, name, move |i| if i == 0 { lvl(n as u8 * 2) } else { Response::DontKnow }))
        })
        .collect();
    w.add_files(&files, &catalog().rubrics, 20);
    w.agree("1.1.1", Some(lvl(2)), "Vi landade i Delvis; strategin är inte beslutad".into(), 30);
    let csv = workshop_csv(r, &w);
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "Område;Delområde;Fråga;Frågetext;'=Anna;Bo;Cecilia;Median;Lägst;Högst;Nedre kvartil;Övre kvartil;Vet ej;Ej aktuellt;Överenskommen nivå;Motivering"
    );
    assert_eq!(lines.len(), 1 + r.questions().count());
    assert!(lines[1].starts_with("1;1.1;1.1.1;"));
    assert!(
        lines[1].ends_with(";0;2;4;2;0;4;0;4;0;0;2 – Delvis;\"Vi landade i Delvis; strategin är inte beslutad\""),
        "{}",
        lines[1]
    );
    assert!(lines[2].ends_with(";Vet ej;Vet ej;Vet ej;;;;;;3;0;;"), "{}", lines[2]);
    w.anonymous = true;
    assert!(workshop_csv(r, &w).contains(";Deltagare A;Deltagare B;Deltagare C;"));
}

#[test]
fn the_areas_carry_the_median_lowest_and_highest_participant() {
    let r = rubric("kk-2022");
    let mut w = Workshop::new("w1".into(), "Ledningsgruppen".into(), "kk-2022".into(), 10);
    let top = r.scale.top().value;
    let files: Vec<(String, Vec<u8>)> = [0u8, top, 2]
        .iter()
        .enumerate()
        .map(|(n, v)| (format!("p{n}.json"), file(&format!("p{n}"), &format!("P{n}"), move |_| lvl(*v))))
        .collect();
    w.add_files(&files, &catalog().rubrics, 20);
    let o = overview(r, &w.answer_sets());
    assert_eq!(o.areas.len(), r.areas.len());
    let first = o.areas[0].spread.unwrap();
    assert_eq!((first.min, first.max, first.n), (0.0, 100.0, 3));
    let middle = score(r, &w.participants().find(|p| p.name == "P2").unwrap().answers).areas[0].points;
    assert!((first.median - middle).abs() < 1e-9);
    // Someone who answered nothing in an area is not its lowest participant.
    let empty: BTreeMap<String, Answer> = BTreeMap::new();
    let o = overview(r, &[&empty, w.answer_sets()[1]]);
    assert_eq!(o.areas[0].spread.map(|s| s.n), Some(1));
}

#[test]
fn agreeing_a_level_keeps_the_note_and_proposals_fill_only_what_is_open() {
    let r = rubric("kk-2022");
    let mut w = Workshop::new("w1".into(), "Ledningsgruppen".into(), "kk-2022".into(), 10);
    w.add_files(&[("a.json".into(), file("p1", "Anna", |_| lvl(2)))], &catalog().rubrics, 20);
    assert!(w.note("1.1.1", "Vi behöver underlag".into(), 21));
    assert!(!w.note("1.1.1", "Vi behöver underlag".into(), 22), "the same text changes nothing");
    assert!(w.agree_level("1.1.1", Some(lvl(4)), 23));
    assert!(!w.agree_level("1.1.1", Some(lvl(4)), 24));
    assert_eq!(w.agreed["1.1.1"].note, "Vi behöver underlag");
    let open = w.open_proposals(r);
    assert_eq!(open.len(), r.questions().count() - 1);
    assert!(open.iter().all(|(q, p)| q != "1.1.1" && *p == lvl(2)));
}
