//! The CSV exports: what Swedish Excel needs, the expected result beside the points, every
//! question with its answer, and cells that can never start a formula.

use std::collections::BTreeMap;

use kommunkompass::domain::assessment::{Answer, Response};
use kommunkompass::domain::calibration::{Calibration, Evidence, HeldOut, LevelShare};
use kommunkompass::domain::csv::{questions_csv, scores_csv, text};
use kommunkompass::domain::scoring::score;

use crate::support::{all, assessment, rubric};

fn level(v: u8) -> Answer {
    Answer { response: Some(Response::Level(v)), ..Answer::default() }
}

fn lines(csv: &str) -> Vec<&str> {
    assert!(csv.starts_with('\u{feff}'), "UTF-8 byte order mark");
    csv.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect()
}

#[test]
fn points_csv_opens_in_swedish_excel() {
    let r = rubric("kk-2022");
    let mut answers = BTreeMap::new();
    answers.insert(r.subarea("1.1").unwrap().questions[1].id.clone(), level(3));
    let csv = scores_csv(r, &score(r, &answers), None);
    let lines = lines(&csv);
    assert!(lines[0].starts_with("Nivå;Id;Namn;Poäng;Max;Andel av max (%);Besvarade;Aktuella frågor;Målpoäng;"));
    let subareas: usize = r.areas.iter().map(|a| a.subareas.len()).sum();
    assert_eq!(lines.len(), 1 + 8 + subareas + 1);
    let area1 = r.area("1").unwrap().questions().count();
    assert_eq!(lines[1], format!("Område;1;Samspel mellan förtroendevalda och medborgare;15;100;15;1;{area1};15;;;"));
    let sub11 = r.subarea("1.1").unwrap().questions.len();
    assert_eq!(
        lines[2],
        format!("Delområde;1.1;Strategi för demokratiutveckling och information;15;20;75;1;{sub11};15;;;")
    );
    let total = r.questions().count();
    assert_eq!(*lines.last().unwrap(), format!("Totalt;;Hela kommunen;15;800;1,9;1;{total};15;;;"));
}

#[test]
fn points_csv_carries_the_expected_result_and_its_range() {
    let r = rubric("kk-2022");
    let c = Calibration {
        schema: None,
        format: 1,
        rubric: "kk-2022".into(),
        method: "per_level".into(),
        levels: [0.3, 0.4, 0.55, 0.75, 0.9]
            .iter()
            .enumerate()
            .map(|(i, s)| LevelShare { value: i as u8, share: *s })
            .collect(),
        area_offsets: BTreeMap::new(),
        area_range: 9.0,
        total_range: 30.0,
        evidence: Evidence {
            evaluations: vec![],
            readings: 0,
            held_out: HeldOut { max_area_error: 9.0, mean_area_error: 4.0, max_total_error: 30.0 },
        },
    };
    let answers = all(r, Response::Level(2));
    let expected = c.expected(r, &answers);
    let csv = scores_csv(r, &score(r, &answers), Some(&expected));
    let lines = lines(&csv);
    assert!(lines[1].ends_with(";55;46;64"), "{}", lines[1]);
    assert!(lines.last().unwrap().ends_with(";440;410;470"), "{}", lines.last().unwrap());
}

#[test]
fn a_sub_area_that_does_not_apply_is_named_so_in_the_points_csv() {
    let r = rubric("kk-2022");
    let mut answers = all(r, Response::Level(4));
    for q in &r.subarea("3.5").unwrap().questions {
        answers.insert(q.id.clone(), Answer { response: Some(Response::NotApplicable), ..Answer::default() });
    }
    let csv = scores_csv(r, &score(r, &answers), None);
    let line = lines(&csv).into_iter().find(|l| l.starts_with("Delområde;3.5;")).unwrap().to_string();
    assert!(line.contains("(ej aktuellt, räknas inte)"), "{line}");
    let area3 = lines(&csv).into_iter().find(|l| l.starts_with("Område;3;")).unwrap().to_string();
    assert!(area3.contains(";100;100;100;"), "the area still reaches 100: {area3}");
}

#[test]
fn csv_quotes_fields_with_separators() {
    let mut r = rubric("kk-2022").clone();
    r.areas[0].name = "Namn; med \"citat\"".into();
    let csv = scores_csv(&r, &score(&r, &BTreeMap::new()), None);
    assert!(csv.contains("Område;1;\"Namn; med \"\"citat\"\"\";;100"));
}

#[test]
fn no_text_cell_can_start_a_formula() {
    for (input, want) in [
        ("=SUMMA(A1:A9)", "'=SUMMA(A1:A9)"),
        ("+46 31 123", "'+46 31 123"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tflik", "'\tflik"),
        ("\rrad", "\"'\rrad\""),
        ("=HYPERLINK(\"x\";\"y\")", "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\""),
        ("Vanlig text", "Vanlig text"),
    ] {
        assert_eq!(text(input), want, "{input:?}");
    }
}

#[test]
fn questions_csv_lists_every_question_with_answer_comment_evidence_and_target() {
    let r = rubric("kk-2022");
    let mut a = assessment("kk-2022");
    let q = r.questions().nth(2).unwrap().id.clone();
    a.edit_answer(&q, 5, |x| {
        x.response = Some(Response::Level(3));
        x.comment = "=1+1 står i protokollet".into();
        x.evidence = "KF 2023-05-12 §45; webbplatsen".into();
        x.target = Some(4);
    });
    let dont_know = r.questions().nth(3).unwrap().id.clone();
    a.edit_answer(&dont_know, 5, |x| x.response = Some(Response::DontKnow));
    let csv = questions_csv(r, &a);
    let lines = lines(&csv);
    assert_eq!(lines[0], "Område;Delområde;Fråga;Frågetext;Svar;Nivå (0–4);Kommentar;Underlag;Målnivå");
    assert_eq!(lines.len(), 1 + r.questions().count());
    let row = lines.iter().find(|l| l.starts_with(&format!("1;1.1;{q};"))).unwrap();
    assert!(row.ends_with(";3 – Etablerat och följs upp;3;'=1+1 står i protokollet;\"KF 2023-05-12 §45; webbplatsen\";4 – Utvecklat – ger effekt och förbättras"), "{row}");
    let row = lines.iter().find(|l| l.contains(&format!(";{dont_know};"))).unwrap();
    assert!(row.ends_with(";Vet ej;;;;"), "{row}");
}

#[test]
fn questions_csv_keeps_answers_to_retired_questions_marked_as_such() {
    let r = rubric("kk-2022");
    let old = &r.retired[0];
    let mut a = assessment("kk-2022");
    a.edit_answer(&old.id, 5, |x| x.response = Some(Response::Level(2)));
    let csv = questions_csv(r, &a);
    let last = *lines(&csv).last().unwrap();
    assert!(last.contains(&format!(";{};Ersatt fråga (räknas inte): ", old.id)), "{last}");
    assert!(last.contains(";2 – Delvis;2;"), "{last}");
}
